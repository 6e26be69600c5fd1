using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Comparison;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>The words the text and Markdown diffs share: the summary's parts, signed counts, money, estimates.</summary>
    internal static class DiffWords
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>"+2", "-3", "0".</summary>
        public static string Signed(int value) => value > 0 ? "+" + value.ToString(Invariant) : value.ToString(Invariant);

        /// <summary>"+1,200.5", "-300".</summary>
        public static string Signed(decimal value) => (value > 0 ? "+" : "") + Money(value);

        /// <summary>Money with thousands separators and at most two decimals, invariant.</summary>
        public static string Money(decimal value) => value.ToString("#,##0.##", Invariant);

        /// <summary>"2 working days", "1 working day", "-1 working day".</summary>
        public static string WorkingDays(int days) => Signed(days) + " working day" + (Math.Abs(days) == 1 ? "" : "s");

        /// <summary>"3 tasks", "1 task".</summary>
        public static string Count(int n, string noun) => n.ToString("N0", Invariant) + " " + noun + (n == 1 ? "" : "s");

        public static string Date(CalendarDate? date) => date?.ToString() ?? "none";

        /// <summary>"2d", "2.5d", or "-" for none.</summary>
        public static string Days(decimal? value) => value is decimal d ? d.ToString("0.##", Invariant) + "d" : "-";

        /// <summary>"3d/5d/9d" or "-".</summary>
        public static string Estimate(ThreePointEstimate? estimate) =>
            estimate is ThreePointEstimate e ? Days(e.Optimistic) + "/" + Days(e.MostLikely) + "/" + Days(e.Pessimistic) : "-";

        /// <summary>What changed in a re-estimate: "effort 2d → 4d; estimate -/- → 3d/5d/9d".</summary>
        public static string Reestimate(ItemReestimate r)
        {
            var parts = new List<string>();
            if (r.EffortChanged) parts.Add("effort " + Days(r.Old.Effort) + " → " + Days(r.New.Effort));
            if (r.DurationChanged) parts.Add("duration " + Days(r.Old.Duration) + " → " + Days(r.New.Duration));
            if (r.EstimateChanged) parts.Add("estimate " + Estimate(r.Old.Estimate) + " → " + Estimate(r.New.Estimate));
            return string.Join("; ", parts);
        }

        /// <summary>"ana, bo 50%" or "nobody".</summary>
        public static string Assignees(IReadOnlyList<SnapshotAssignment> assigned) =>
            assigned.Count == 0 ? "nobody" : string.Join(", ", assigned.Select(a => a.ToString()));

        /// <summary>
        /// The one-line summary: the finish's move, then the counts of what changed, in the order of the sections. The
        /// caller escapes nothing here: it holds dates, numbers, a currency code and fixed words only.
        /// </summary>
        public static string Summary(PlanDiff diff)
        {
            if (diff.IsEmpty) return "no changes" + (diff.NewScheduled && diff.Finish.New is CalendarDate f ? " (finish " + f + ")" : "");
            var parts = new List<string>();
            if (!diff.NewScheduled) parts.Add(diff.OldScheduled ? "the new plan cannot be scheduled" : "neither plan can be scheduled");
            else if (!diff.OldScheduled) parts.Add("the old plan could not be scheduled; finish " + diff.Finish.New);
            else if (diff.Finish.IsChanged) parts.Add("finish " + WorkingDays(diff.FinishSlipDays) + " (" + diff.Finish.Old + " → " + diff.Finish.New + ")");
            else parts.Add("finish unchanged (" + diff.Finish.New + ")");
            if (diff.Cost.Change is decimal cost && cost != 0) parts.Add("cost " + Signed(cost) + Currency(diff));
            if (diff.MilestonesMoved.Count > 0) parts.Add(Count(diff.MilestonesMoved.Count, "milestone") + " moved");
            if (diff.Added.Count > 0) parts.Add(diff.Added.Count.ToString("N0", Invariant) + " added");
            if (diff.Removed.Count > 0) parts.Add(diff.Removed.Count.ToString("N0", Invariant) + " removed");
            if (diff.Renamed.Count > 0) parts.Add(diff.Renamed.Count.ToString("N0", Invariant) + " renamed");
            if (diff.Reestimated.Count > 0) parts.Add(diff.Reestimated.Count.ToString("N0", Invariant) + " re-estimated");
            if (diff.Reassigned.Count > 0) parts.Add(diff.Reassigned.Count.ToString("N0", Invariant) + " re-assigned");
            if (diff.TasksMoved.Count > 0) parts.Add(Count(diff.TasksMoved.Count, "task") + " moved");
            if (diff.CriticalPathChanged) parts.Add("critical path changed");
            if (diff.ConflictsIntroduced.Count > 0) parts.Add(Count(diff.ConflictsIntroduced.Count, "new resource conflict"));
            if (diff.NewErrors > 0) parts.Add(Count(diff.NewErrors, "new error"));
            int warnings = diff.DiagnosticsIntroduced.Count(d => d.Severity == DiagnosticSeverity.Warning);
            if (warnings > 0) parts.Add(Count(warnings, "new warning"));
            if (diff.DiagnosticsResolved.Count + diff.ConflictsResolved.Count > 0) parts.Add((diff.DiagnosticsResolved.Count + diff.ConflictsResolved.Count).ToString("N0", Invariant) + " resolved");
            return string.Join(", ", parts);
        }

        /// <summary>" EUR" or "".</summary>
        public static string Currency(PlanDiff diff) => diff.Currency is string c ? " " + c : "";

        public static string Severity(DiagnosticSeverity severity) => Diagnostic.SeverityWord(severity);

        /// <summary>The canonical <c>path(line,col): severity CODE: message</c> form of a diagnostic change, printable.</summary>
        public static string Canonical(DiagnosticChange d) =>
            (d.Path is null ? "tpm" : Diagnostic.Printable(d.Path) + (d.Line is int line ? "(" + line.ToString(Invariant) + "," + (d.Column ?? 1).ToString(Invariant) + ")" : "")) +
            ": " + Severity(d.Severity) + " " + d.Code + ": " + Diagnostic.Printable(d.Message);
    }
}
