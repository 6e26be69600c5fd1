using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The status JSON of <c>tpm status --format json</c>: earned value at the status date for the program, each
    /// workstream and each task, and the tasks behind and ahead of plan. Money is in the program currency, rounded to
    /// 2 places; percentages are 0–100, rounded to 1 place; slips are working days (positive = later than planned).
    /// Against a frozen baseline the document gains a <c>baseline</c> object (name, file, finish, finish slip, the tasks
    /// added and removed since it) and each task a <c>measured_against</c>; without one it has neither.
    /// </summary>
    public static class StatusJson
    {
        /// <summary>The version of the format this build writes, the document's first field (<c>format_version</c>); docs/schemas/status.schema.json.</summary>
        public const int FormatVersion = 1;

        /// <summary>
        /// Writes the document. <paramref name="report"/> may be null (errors, or no status date): the figures are
        /// then null and the lists empty.
        /// </summary>
        public static string ToJson(ProgramSymbol? program, EarnedValueReport? report, IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("program");
            w.WriteStringOrNull("id", program?.Id);
            w.WriteStringOrNull("name", program?.DisplayName);
            w.WriteStringOrNull("status_date", program?.StatusDate?.ToString());
            w.WriteStringOrNull("currency", program?.Currency);
            w.WriteDecimalOrNull("budget", program?.Budget);
            w.WriteStringOrNull("finish", report?.Tracked.FinishDate.ToString());
            w.WriteStringOrNull("baseline_finish", report?.BaselineFinishDate.ToString());
            if (report is null) w.WriteNull("finish_slip_days");
            else w.WriteNumber("finish_slip_days", report.FinishSlipDays);
            WriteFigures(w, report?.Total);
            if (report is null) w.WriteNull("started_without_actual_cost");
            else w.WriteNumber("started_without_actual_cost", report.StartedWithoutActualCost.Count);
            w.WriteEndObject();
            if (report?.Frozen is { } frozen) WriteBaseline(w, report, frozen);

            w.WriteStartArray("tasks");
            foreach (var t in report?.Tasks ?? Enumerable.Empty<TaskEarnedValue>())
            {
                w.WriteStartObject();
                w.WriteString("id", t.Id);
                w.WriteString("name", t.Task.DisplayName);
                w.WriteString("kind", t.Task.IsMilestone ? "milestone" : "task");
                w.WriteStringOrNull("workstream", t.Task.Container?.Id);
                w.WriteString("state", State(t.State));
                w.WriteString("standing", Standing(t.Standing));
                w.WriteDecimal("planned_percent", Percent(t.PlannedComplete));
                w.WriteDecimal("actual_percent", Percent(t.ActualComplete));
                w.WriteNumber("planned_days", t.PlannedDays);
                w.WriteNumber("duration_days", t.BaselineDays);
                w.WriteString("baseline_finish", t.BaselineFinishDate.ToString());
                w.WriteString("finish", t.Tracked.FinishDate.ToString());
                w.WriteNumber("finish_slip_days", t.FinishSlipDays);
                if (report!.Frozen != null) w.WriteString("measured_against", t.AddedSinceBaseline ? "plan_without_actuals" : "baseline");
                w.WriteDecimalOrNull("actual_cost", t.ActualCost);
                WriteFigures(w, t.Figures);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("workstreams");
            foreach (var ws in report?.Workstreams ?? Enumerable.Empty<WorkstreamEarnedValue>())
            {
                w.WriteStartObject();
                w.WriteString("id", ws.Id);
                w.WriteString("name", ws.Workstream.DisplayName);
                WriteFigures(w, ws.Figures);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("behind");
            foreach (var t in report?.Behind ?? Enumerable.Empty<TaskEarnedValue>()) w.WriteStringValue(t.Id);
            w.WriteEndArray();
            w.WriteStartArray("ahead");
            foreach (var t in report?.Ahead ?? Enumerable.Empty<TaskEarnedValue>()) w.WriteStringValue(t.Id);
            w.WriteEndArray();

            DiagnosticJson.WriteArray(w, "diagnostics", diagnostics);
            w.WriteEndObject();
        });

        /// <summary>
        /// The frozen baseline measured against: its name and file, its program finish and the slip from it, the ids of the
        /// tasks added since (measured against the plan without actuals) and of those removed (not counted), with the
        /// removed tasks' frozen cost and finish.
        /// </summary>
        private static void WriteBaseline(Utf8JsonWriter w, EarnedValueReport report, BaselineComparison frozen)
        {
            w.WriteStartObject("baseline");
            w.WriteString("name", frozen.Baseline.Name);
            w.WriteString("file", frozen.Path);
            w.WriteString("finish", report.BaselineFinishDate.ToString());
            w.WriteNumber("finish_slip_days", report.FinishSlipDays);
            w.WriteStartArray("added");
            foreach (var t in report.Added) w.WriteStringValue(t.Id);
            w.WriteEndArray();
            w.WriteStartArray("removed");
            foreach (var item in report.Removed)
            {
                w.WriteStartObject();
                w.WriteString("id", item.Id);
                w.WriteString("name", item.Name);
                w.WriteString("kind", item.IsMilestone ? "milestone" : "task");
                w.WriteString("baseline_finish", item.Finish.ToString());
                w.WriteDecimal("bac", item.Cost);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        private static void WriteFigures(Utf8JsonWriter w, EarnedValueFigures? f)
        {
            w.WriteDecimalOrNull("bac", f?.Bac);
            w.WriteDecimalOrNull("pv", f?.Pv);
            w.WriteDecimalOrNull("ev", f?.Ev);
            w.WriteDecimalOrNull("ac", f?.Ac);
            w.WriteDecimalOrNull("sv", f?.Sv);
            w.WriteDecimalOrNull("cv", f?.Cv);
            w.WriteDecimalOrNull("spi", f?.Spi);
            w.WriteDecimalOrNull("cpi", f?.Cpi);
            w.WriteDecimalOrNull("eac", f?.Eac);
            w.WriteDecimalOrNull("etc", f?.Etc);
            w.WriteDecimalOrNull("vac", f?.Vac);
        }

        private static decimal Percent(decimal share) => decimal.Round(share * 100m, 1);

        private static string State(TaskState state) => state switch
        {
            TaskState.Finished => "finished",
            TaskState.InProgress => "in_progress",
            _ => "not_started",
        };

        private static string Standing(PlanStanding standing) => standing switch
        {
            PlanStanding.Behind => "behind",
            PlanStanding.Ahead => "ahead",
            _ => "on_plan",
        };
    }
}
