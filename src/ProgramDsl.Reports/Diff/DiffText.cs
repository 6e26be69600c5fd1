using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Baselines;
using ProgramDsl.Comparison;
using ProgramDsl.Semantics;
using static ProgramDsl.Reports.Diff.DiffWords;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>
    /// A <see cref="PlanDiff"/> as plain text for a terminal: a header, a summary line, then a section per kind of change
    /// (sections with nothing in them are left out). Titles, ids and messages are printed with control and bidirectional
    /// characters escaped (<see cref="ProgramDsl.Diagnostics.Diagnostic.Printable"/>): a plan from a pull request is not
    /// trusted to drive the terminal.
    /// </summary>
    public static class DiffText
    {
        /// <summary>The diff as text, LF line ends, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            var w = new Writer();
            w.Line("Plan diff " + P(diff.NewProgramId ?? diff.OldProgramId ?? "(no program)") + ": " + P(diff.OldLabel) + " → " + P(diff.NewLabel));
            w.Line(Capital(Summary(diff)) + ".");
            if (diff.IsEmpty) return w.ToString();

            WriteProgram(w, diff);
            if (diff.MilestonesMoved.Count > 0)
            {
                w.Section("Milestones moved", diff.MilestonesMoved.Count);
                foreach (var m in diff.MilestonesMoved) w.Item(Item(m.New) + "  " + m.Old.Finish + " → " + m.New.Finish + "  " + WorkingDays(m.FinishDays));
            }

            Items(w, "Added", diff.Added);
            Items(w, "Removed", diff.Removed);
            if (diff.Renamed.Count > 0)
            {
                w.Section("Renamed", diff.Renamed.Count);
                foreach (var r in diff.Renamed) w.Item(P(r.Id) + "  \"" + P(r.OldName) + "\" → \"" + P(r.NewName) + "\"");
            }

            if (diff.Reestimated.Count > 0)
            {
                w.Section("Re-estimated", diff.Reestimated.Count);
                foreach (var r in diff.Reestimated) w.Item(Item(r.New) + "  " + Reestimate(r));
            }

            if (diff.Reassigned.Count > 0)
            {
                w.Section("Re-assigned", diff.Reassigned.Count);
                foreach (var r in diff.Reassigned) w.Item(Item(r.New) + "  " + P(Assignees(r.Old.Assigned)) + " → " + P(Assignees(r.New.Assigned)));
            }

            if (diff.TasksMoved.Count > 0)
            {
                w.Section("Tasks moved", diff.TasksMoved.Count);
                foreach (var m in diff.TasksMoved)
                {
                    var parts = new List<string>(2);
                    if (m.Old.Start != m.New.Start) parts.Add("start " + m.Old.Start + " → " + m.New.Start + " (" + Signed(m.StartDays) + ")");
                    if (m.Old.Finish != m.New.Finish) parts.Add("finish " + m.Old.Finish + " → " + m.New.Finish + " (" + Signed(m.FinishDays) + ")");
                    w.Item(Item(m.New) + "  " + string.Join(", ", parts));
                }
            }

            if (diff.CriticalPathChanged)
            {
                w.Section("Critical path changed");
                w.Item("before: " + Path(diff.OldCriticalPath));
                w.Item("after:  " + Path(diff.NewCriticalPath));
                if (diff.JoinedCriticalPath.Count > 0) w.Item("joined: " + string.Join(", ", diff.JoinedCriticalPath.Select(P)));
                if (diff.LeftCriticalPath.Count > 0) w.Item("left:   " + string.Join(", ", diff.LeftCriticalPath.Select(P)));
            }

            if (diff.ConflictsIntroduced.Count + diff.ConflictsResolved.Count + diff.ResourceDelays.Count > 0)
            {
                w.Section("Resource conflicts");
                foreach (var d in diff.ConflictsIntroduced) w.Item("+ " + Canonical(d));
                foreach (var d in diff.ConflictsResolved) w.Item("- " + Canonical(d));
                foreach (var d in diff.ResourceDelays) w.Item(Delay(d));
            }

            if (diff.DiagnosticsIntroduced.Count > 0)
            {
                w.Section("Diagnostics introduced", diff.DiagnosticsIntroduced.Count);
                foreach (var d in diff.DiagnosticsIntroduced) w.Item("+ " + Canonical(d));
            }

            if (diff.DiagnosticsResolved.Count > 0)
            {
                w.Section("Diagnostics resolved", diff.DiagnosticsResolved.Count);
                foreach (var d in diff.DiagnosticsResolved) w.Item("- " + Canonical(d));
            }

            if (diff.Forecast is ForecastChange f)
            {
                w.Section("Forecast (" + f.Iterations.ToString("N0", CultureInfo.InvariantCulture) + " iterations, seed " + f.Seed.ToString(CultureInfo.InvariantCulture) + ")");
                w.Item("P50 finish  " + Change(f.P50));
                w.Item("P80 finish  " + Change(f.P80));
            }

            return w.ToString();
        }

        private static void WriteProgram(Writer w, PlanDiff diff)
        {
            var rows = new List<(string Name, string Value)>();
            if (diff.OldProgramId != diff.NewProgramId) rows.Add(("program", P(diff.OldProgramId ?? "none") + " → " + P(diff.NewProgramId ?? "none")));
            if (diff.OldProgramName != diff.NewProgramName) rows.Add(("title", Quoted(diff.OldProgramName) + " → " + Quoted(diff.NewProgramName)));
            if (diff.Start.IsChanged) rows.Add(("start", Change(diff.Start)));
            if (diff.OldScheduled || diff.NewScheduled) rows.Add(("finish", Change(diff.Finish)));
            if (diff.Duration.IsChanged) rows.Add(("duration", Days(diff.Duration)));
            if (diff.Deadline.Old != null || diff.Deadline.New != null) rows.Add(("deadline", Change(diff.Deadline)));
            if (diff.DeadlineMargin.Old != null || diff.DeadlineMargin.New != null) rows.Add(("deadline margin", Days(diff.DeadlineMargin)));
            if (diff.OldScheduled || diff.NewScheduled) rows.Add(("cost", Amount(diff.Cost, diff)));
            if (diff.Budget.Old != null || diff.Budget.New != null) rows.Add(("budget", Amount(diff.Budget, diff)));
            if (rows.Count == 0) return;
            w.Section("Program");
            int width = rows.Max(r => TextWidth.Of(r.Name));
            foreach (var r in rows) w.Item(TextWidth.PadRight(r.Name, width) + "  " + r.Value);
        }

        private static string Change(DateChange c)
        {
            if (!c.IsChanged) return c.New is null ? "none" : c.New + " (unchanged)";
            return Date(c.Old) + " → " + Date(c.New) + (c.Days is int d ? "  " + WorkingDays(d) : "");
        }

        private static string Days(DaysChange c)
        {
            if (!c.IsChanged) return c.New is null ? "none" : c.New.Value.ToString(CultureInfo.InvariantCulture) + " working days (unchanged)";
            return (c.Old?.ToString(CultureInfo.InvariantCulture) ?? "none") + " → " + (c.New?.ToString(CultureInfo.InvariantCulture) ?? "none") + " working days" +
                (c.Change is int d ? "  " + Signed(d) : "");
        }

        private static string Amount(AmountChange c, PlanDiff diff)
        {
            string currency = P(Currency(diff));
            if (!c.IsChanged) return c.New is decimal same ? Money(same) + currency + " (unchanged)" : "none";
            return (c.Old is decimal o ? Money(o) : "none") + " → " + (c.New is decimal n ? Money(n) : "none") + currency + (c.Change is decimal d ? "  " + Signed(d) : "");
        }

        private static void Items(Writer w, string title, IReadOnlyList<SnapshotItem> items)
        {
            if (items.Count == 0) return;
            w.Section(title, items.Count);
            foreach (var i in items) w.Item(Item(i) + (i.IsMilestone ? "  milestone " + i.Finish : "  " + i.Start + " .. " + i.Finish));
        }

        private static string Delay(DelayChange d) =>
            P(d.Id) + " \"" + P(d.Name) + "\"  leveling delay " + d.OldDays.ToString(CultureInfo.InvariantCulture) + " → " + d.NewDays.ToString(CultureInfo.InvariantCulture) +
            " working days" + (d.NewDelayedBy is string by ? " (waits for " + P(by) + ")" : d.OldDelayedBy is string was ? " (waited for " + P(was) + ")" : "");

        /// <summary><c>data.clean "Clean"</c>, or the id alone when the title is the id.</summary>
        private static string Item(SnapshotItem i) => P(i.Id) + (i.Name == i.Id ? "" : " \"" + P(i.Name) + "\"");

        private static string Path(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(" → ", ids.Select(P));

        private static string Quoted(string? text) => text is null ? "none" : "\"" + P(text) + "\"";

        private static string P(string text) => ProgramDsl.Diagnostics.Diagnostic.Printable(text);

        private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

        private sealed class Writer
        {
            private readonly StringBuilder _sb = new StringBuilder();

            public void Line(string text) => _sb.Append(text).Append('\n');

            public void Section(string title, int? count = null)
            {
                _sb.Append('\n').Append(title);
                if (count is int n) _sb.Append(" (").Append(n.ToString("N0", CultureInfo.InvariantCulture)).Append(')');
                _sb.Append('\n');
            }

            public void Item(string text) => _sb.Append("  ").Append(text).Append('\n');

            public override string ToString() => _sb.ToString();
        }
    }
}
