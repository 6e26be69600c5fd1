using System;
using System.Collections.Generic;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Comparison;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>
    /// A <see cref="PlanDiff"/> as JSON (<c>format_version</c> 1, snake_case, dates YYYY-MM-DD, money as numbers, every
    /// property always present, null where a side has no value), the format documented by
    /// <c>docs/schemas/diff.schema.json</c>. Lists are in the diff's order.
    /// </summary>
    public static class DiffJson
    {
        /// <summary>The version of the format this build writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>The diff as indented JSON, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            return JsonOutput.Write(w => WriteDocument(w, diff));
        }

        private static void WriteDocument(Utf8JsonWriter w, PlanDiff diff)
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            WriteSide(w, "old", diff.OldLabel, diff.OldProgramId, diff.OldProgramName, diff.OldScheduled);
            WriteSide(w, "new", diff.NewLabel, diff.NewProgramId, diff.NewProgramName, diff.NewScheduled);
            w.WriteBoolean("is_empty", diff.IsEmpty);
            w.WriteNumber("finish_slip_days", diff.FinishSlipDays);
            w.WriteNumber("new_errors", diff.NewErrors);
            w.WriteStringOrNull("currency", diff.Currency);

            w.WriteStartObject("program");
            WriteDate(w, "start", diff.Start);
            WriteDate(w, "finish", diff.Finish);
            WriteDays(w, "duration_days", diff.Duration);
            WriteDate(w, "deadline", diff.Deadline);
            WriteDays(w, "deadline_margin_days", diff.DeadlineMargin);
            WriteAmount(w, "cost", diff.Cost);
            WriteAmount(w, "budget", diff.Budget);
            w.WriteEndObject();

            w.WriteStartArray("milestones_moved");
            foreach (var m in diff.MilestonesMoved)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("name", m.New.Name);
                w.WriteString("old_date", m.Old.Finish.ToString());
                w.WriteString("new_date", m.New.Finish.ToString());
                w.WriteNumber("days", m.FinishDays);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteItems(w, "added", diff.Added);
            WriteItems(w, "removed", diff.Removed);

            w.WriteStartArray("renamed");
            foreach (var r in diff.Renamed)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteBoolean("milestone", r.IsMilestone);
                w.WriteString("old_name", r.OldName);
                w.WriteString("new_name", r.NewName);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("reestimated");
            foreach (var r in diff.Reestimated)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("name", r.New.Name);
                WriteWork(w, "old", r.Old);
                WriteWork(w, "new", r.New);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("reassigned");
            foreach (var r in diff.Reassigned)
            {
                w.WriteStartObject();
                w.WriteString("id", r.Id);
                w.WriteString("name", r.New.Name);
                WriteAssigned(w, "old", r.Old.Assigned);
                WriteAssigned(w, "new", r.New.Assigned);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("tasks_moved");
            foreach (var m in diff.TasksMoved)
            {
                w.WriteStartObject();
                w.WriteString("id", m.Id);
                w.WriteString("name", m.New.Name);
                w.WriteString("old_start", m.Old.Start.ToString());
                w.WriteString("new_start", m.New.Start.ToString());
                w.WriteNumber("start_days", m.StartDays);
                w.WriteString("old_finish", m.Old.Finish.ToString());
                w.WriteString("new_finish", m.New.Finish.ToString());
                w.WriteNumber("finish_days", m.FinishDays);
                w.WriteEndObject();
                w.FlushSometimes();
            }

            w.WriteEndArray();

            w.WriteStartObject("critical_path");
            w.WriteBoolean("changed", diff.CriticalPathChanged);
            WriteIds(w, "old", diff.OldCriticalPath);
            WriteIds(w, "new", diff.NewCriticalPath);
            WriteIds(w, "joined", diff.JoinedCriticalPath);
            WriteIds(w, "left", diff.LeftCriticalPath);
            w.WriteEndObject();

            w.WriteStartObject("resource_conflicts");
            WriteDiagnostics(w, "introduced", diff.ConflictsIntroduced);
            WriteDiagnostics(w, "resolved", diff.ConflictsResolved);
            w.WriteStartArray("delays");
            foreach (var d in diff.ResourceDelays)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("name", d.Name);
                w.WriteNumber("old_days", d.OldDays);
                w.WriteNumber("new_days", d.NewDays);
                w.WriteNumber("change", d.Change);
                w.WriteStringOrNull("old_delayed_by", d.OldDelayedBy);
                w.WriteStringOrNull("new_delayed_by", d.NewDelayedBy);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("diagnostics");
            WriteDiagnostics(w, "introduced", diff.DiagnosticsIntroduced);
            WriteDiagnostics(w, "resolved", diff.DiagnosticsResolved);
            w.WriteEndObject();

            if (diff.Forecast is ForecastChange f)
            {
                w.WriteStartObject("forecast");
                w.WriteNumber("iterations", f.Iterations);
                w.WriteNumber("seed", f.Seed);
                WriteDate(w, "p50", f.P50);
                WriteDate(w, "p80", f.P80);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("forecast");
            }

            w.WriteEndObject();
        }

        private static void WriteSide(Utf8JsonWriter w, string name, string label, string? id, string? title, bool scheduled)
        {
            w.WriteStartObject(name);
            w.WriteString("label", label);
            w.WriteStringOrNull("program_id", id);
            w.WriteStringOrNull("program_name", title);
            w.WriteBoolean("scheduled", scheduled);
            w.WriteEndObject();
        }

        private static void WriteDate(Utf8JsonWriter w, string name, DateChange c)
        {
            w.WriteStartObject(name);
            WriteDateOrNull(w, "old", c.Old);
            WriteDateOrNull(w, "new", c.New);
            WriteIntOrNull(w, "days", c.Days);
            w.WriteEndObject();
        }

        private static void WriteDays(Utf8JsonWriter w, string name, DaysChange c)
        {
            w.WriteStartObject(name);
            WriteIntOrNull(w, "old", c.Old);
            WriteIntOrNull(w, "new", c.New);
            WriteIntOrNull(w, "change", c.Change);
            w.WriteEndObject();
        }

        private static void WriteAmount(Utf8JsonWriter w, string name, AmountChange c)
        {
            w.WriteStartObject(name);
            w.WriteDecimalOrNull("old", c.Old);
            w.WriteDecimalOrNull("new", c.New);
            w.WriteDecimalOrNull("change", c.Change);
            w.WriteEndObject();
        }

        private static void WriteItems(Utf8JsonWriter w, string name, IReadOnlyList<SnapshotItem> items)
        {
            w.WriteStartArray(name);
            foreach (var i in items)
            {
                w.WriteStartObject();
                w.WriteString("id", i.Id);
                w.WriteString("name", i.Name);
                w.WriteBoolean("milestone", i.IsMilestone);
                w.WriteString("start", i.Start.ToString());
                w.WriteString("finish", i.Finish.ToString());
                w.WriteDecimal("cost", i.Cost);
                w.WriteEndObject();
                w.FlushSometimes();
            }

            w.WriteEndArray();
        }

        private static void WriteWork(Utf8JsonWriter w, string name, SnapshotItem i)
        {
            w.WriteStartObject(name);
            w.WriteDecimalOrNull("effort_days", i.Effort);
            w.WriteDecimalOrNull("duration_days", i.Duration);
            if (i.Estimate is ThreePointEstimate e)
            {
                w.WriteStartObject("estimate_days");
                w.WriteDecimal("optimistic", e.Optimistic);
                w.WriteDecimal("most_likely", e.MostLikely);
                w.WriteDecimal("pessimistic", e.Pessimistic);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("estimate_days");
            }

            w.WriteEndObject();
        }

        private static void WriteAssigned(Utf8JsonWriter w, string name, IReadOnlyList<SnapshotAssignment> assigned)
        {
            w.WriteStartArray(name);
            foreach (var a in assigned)
            {
                w.WriteStartObject();
                w.WriteString("person", a.Person);
                w.WriteDecimal("share", a.Share);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        private static void WriteIds(Utf8JsonWriter w, string name, IReadOnlyList<string> ids)
        {
            w.WriteStartArray(name);
            foreach (var id in ids) w.WriteStringValue(id);
            w.WriteEndArray();
        }

        private static void WriteDiagnostics(Utf8JsonWriter w, string name, IReadOnlyList<DiagnosticChange> diagnostics)
        {
            w.WriteStartArray(name);
            foreach (var d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("code", d.Code);
                w.WriteString("severity", Diagnostic.SeverityWord(d.Severity));
                w.WriteString("message", d.Message);
                w.WriteStringOrNull("file", d.Path);
                WriteIntOrNull(w, "line", d.Line);
                WriteIntOrNull(w, "column", d.Column);
                w.WriteEndObject();
                w.FlushSometimes();
            }

            w.WriteEndArray();
        }

        private static void WriteDateOrNull(Utf8JsonWriter w, string name, CalendarDate? date)
        {
            if (date is CalendarDate d) w.WriteString(name, d.ToString());
            else w.WriteNull(name);
        }

        private static void WriteIntOrNull(Utf8JsonWriter w, string name, int? value)
        {
            if (value is int v) w.WriteNumber(name, v);
            else w.WriteNull(name);
        }
    }
}
