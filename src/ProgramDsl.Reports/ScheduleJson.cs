using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The schedule JSON of design §6 (field names are a contract; fields may be added, never renamed). A leveled
    /// schedule also says, per task, which person or pool delayed it (<c>delayed_by</c>) and by how many working days.
    /// Measured against a frozen baseline, the document gains a <c>baseline</c> object (its name, file, finish, the
    /// program's finish slip, the ids added and removed since) and each task its baseline dates and slip; without a
    /// baseline none of these fields is written.
    /// </summary>
    public static class ScheduleJson
    {
        /// <summary>The version of the format this build writes, the document's first field (<c>format_version</c>); docs/schemas/schedule.schema.json.</summary>
        public const int FormatVersion = 1;

        /// <summary>
        /// Writes the document. <paramref name="schedule"/> may be null (errors): the program block then has what
        /// the model knows and the task list is empty. <paramref name="baseline"/>, when given, is the comparison of
        /// <paramref name="schedule"/> with the program's frozen baseline.
        /// </summary>
        public static string ToJson(ProgramSymbol? program, Schedule? schedule, IReadOnlyList<Diagnostic> diagnostics, BaselineComparison? baseline = null) =>
            JsonOutput.Write(w => Write(w, program, schedule, diagnostics, Matching(baseline, schedule)));

        /// <summary>Writes the document to <paramref name="stream"/> as UTF-8, the same bytes as <see cref="ToJson"/>'s text.</summary>
        public static void Write(Stream stream, ProgramSymbol? program, Schedule? schedule, IReadOnlyList<Diagnostic> diagnostics, BaselineComparison? baseline = null) =>
            JsonOutput.Write(stream, w => Write(w, program, schedule, diagnostics, Matching(baseline, schedule)));

        // A comparison is of one schedule: its slips are looked up by the task's index in it.
        private static BaselineComparison? Matching(BaselineComparison? baseline, Schedule? schedule) =>
            baseline is null || ReferenceEquals(baseline.Schedule, schedule)
                ? baseline
                : throw new System.ArgumentException("The baseline comparison is of another schedule.", nameof(baseline));

        private static void Write(Utf8JsonWriter w, ProgramSymbol? program, Schedule? schedule, IReadOnlyList<Diagnostic> diagnostics, BaselineComparison? baseline)
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("program");
            w.WriteStringOrNull("id", program?.Id);
            w.WriteStringOrNull("name", program?.DisplayName);
            w.WriteStringOrNull("start", program is { HasStart: true } ? program.Start.ToString() : null);
            w.WriteStringOrNull("finish", schedule?.FinishDate.ToString());
            w.WriteStringOrNull("deadline", program?.Deadline?.ToString());
            if (schedule != null) w.WriteNumber("duration_days", schedule.DurationDays);
            else w.WriteNull("duration_days");
            w.WriteDecimalOrNull("cost", schedule?.Cost);
            w.WriteDecimalOrNull("budget", program?.Budget);
            w.WriteStringOrNull("currency", program?.Currency);
            w.WriteStringOrNull("status_date", program?.StatusDate?.ToString());
            w.WriteBoolean("leveled", schedule?.IsLeveled ?? false);
            w.WriteNumber("leveling_schedules", schedule?.LevelingSchedules ?? 0);
            w.WriteEndObject();
            if (baseline != null) WriteBaseline(w, baseline);

            w.WriteStartArray("tasks");
            foreach (var t in schedule?.Tasks ?? Enumerable.Empty<ScheduledTask>())
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("name", t.Task.DisplayName);
                w.WriteString("kind", t.Task.IsMilestone ? "milestone" : "task");
                w.WriteString("start", t.StartDate.ToString());
                w.WriteString("finish", t.FinishDate.ToString());
                w.WriteNumber("duration_days", t.DurationDays);
                w.WriteNumber("total_float_days", t.TotalFloat);
                w.WriteBoolean("critical", t.IsCritical);
                w.WriteStartArray("assigned");
                foreach (var a in t.Assigned) w.WriteStringValue(a.Person.Id);
                w.WriteEndArray();
                w.WriteStringOrNull("workstream", t.Task.Container?.Id);
                w.WriteString("late_start", t.LateStartDate.ToString());
                w.WriteString("late_finish", t.LateFinishDate.ToString());
                w.WriteStringOrNull("due", t.Task.Due?.ToString());
                w.WriteDecimal("cost", t.Cost);
                w.WriteStringOrNull("delayed_by", t.DelayedBy?.Id);
                w.WriteNumber("resource_delay_days", t.ResourceDelayDays);
                if (baseline != null)
                {
                    // A task added since the baseline has no baseline dates and no slip: null, not zero.
                    var slip = baseline.SlipOf(t.Task);
                    w.WriteStringOrNull("baseline_start", slip?.Planned.Start.ToString());
                    w.WriteStringOrNull("baseline_finish", slip?.Planned.Finish.ToString());
                    if (slip != null) w.WriteNumber("slip_days", slip.FinishSlipDays);
                    else w.WriteNull("slip_days");
                }

                w.WriteEndObject();
                w.FlushSometimes();
            }

            w.WriteEndArray();

            w.WriteStartArray("workstreams");
            foreach (var ws in schedule?.Workstreams ?? Enumerable.Empty<ScheduledWorkstream>())
            {
                w.WriteStartObject();
                w.WriteString("id", ws.Id);
                w.WriteString("name", ws.Workstream.DisplayName);
                w.WriteStringOrNull("start", ws.StartDate?.ToString());
                w.WriteStringOrNull("finish", ws.FinishDate?.ToString());
                w.WriteDecimal("cost", ws.Cost);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("critical_path");
            foreach (var t in schedule?.CriticalPath ?? Enumerable.Empty<ScheduledTask>()) w.WriteStringValue(t.Id);
            w.WriteEndArray();

            DiagnosticJson.WriteArray(w, "diagnostics", diagnostics);
            w.WriteEndObject();
        }

        /// <summary>The <c>baseline</c> object: which baseline, its finish, the program's slip, and what changed since.</summary>
        private static void WriteBaseline(Utf8JsonWriter w, BaselineComparison baseline)
        {
            w.WriteStartObject("baseline");
            w.WriteString("name", baseline.Baseline.Name);
            w.WriteString("file", baseline.Path);
            w.WriteString("start", baseline.Baseline.Start.ToString());
            w.WriteString("finish", baseline.Baseline.Finish.ToString());
            w.WriteNumber("finish_slip_days", baseline.FinishSlipDays);
            w.WriteStartArray("added");
            foreach (var t in baseline.Added)
            {
                w.WriteStringValue(t.Id);
                w.FlushSometimes();
            }

            w.WriteEndArray();
            w.WriteStartArray("removed");
            foreach (var item in baseline.Removed)
            {
                w.WriteStringValue(item.Id);
                w.FlushSometimes();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
    }
}
