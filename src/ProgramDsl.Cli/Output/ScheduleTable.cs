using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Cli.Output
{
    /// <summary>
    /// The schedule as an aligned table for a terminal: critical tasks marked, finish and critical path summarised;
    /// on a leveled schedule, which person or pool held each delayed task back, and for how long; measured against a
    /// frozen baseline, how far each finish and the program's finish moved since it.
    /// </summary>
    public static class ScheduleTable
    {
        private const int MaxNameWidth = 40;

        /// <summary>Writes the table; <paramref name="baseline"/>, when given, is the comparison of <paramref name="schedule"/> with a frozen baseline.</summary>
        public static void Write(TextWriter w, Schedule schedule, Ansi ansi, bool quiet, BaselineComparison? baseline = null)
        {
            var program = schedule.Program;
            w.WriteLine(ansi.Bold("Program " + program.Id + (program.Title is null ? "" : " \"" + ProgramDsl.Diagnostics.Diagnostic.Printable(program.Title) + "\"")));
            var line = "  start " + schedule.StartDate + "   finish " + schedule.FinishDate + "   " + schedule.DurationDays + " working days";
            if (program.Deadline is { } deadline)
            {
                int margin = schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
                line += "   deadline " + deadline + (margin >= 0
                    ? " (met, " + Plural.WorkingDays(margin) + " to spare)"
                    : " " + ansi.Red("(missed by " + Plural.WorkingDays(-margin) + ")"));
            }

            w.WriteLine(line);
            if (schedule.Cost > 0 || program.Budget != null)
            {
                var money = "  cost " + Money(schedule.Cost) + (program.Currency is null ? "" : " " + program.Currency);
                if (program.Budget is decimal budget) money += "   budget " + Money(budget) + (program.Currency is null ? "" : " " + program.Currency);
                w.WriteLine(money);
            }

            if (baseline != null) WriteBaseline(w, baseline, ansi);

            w.WriteLine(schedule.IsLeveled
                ? "  leveled: " + schedule.LevelingSchedules.ToString("N0", CultureInfo.InvariantCulture) + " schedule" + (schedule.LevelingSchedules == 1 ? "" : "s") + " tried, " + Delayed(schedule)
                : "  not leveled: people and pools may be over-allocated (leveling off)");
            w.WriteLine();
            bool leveled = schedule.IsLeveled;
            // The cost column appears only when something costs money; the delay column only on a leveled schedule.
            bool costed = schedule.Tasks.Any(t => t.Cost > 0);
            var columns = new List<(string Header, bool Right, Func<ScheduledTask, string> Cell)>
            {
                ("", false, t => t.IsCritical ? "*" : ""),
                ("ID", false, t => t.Id),
                ("Name", false, t => Truncate((t.Task.IsMilestone ? "◆ " : "") + t.Task.DisplayName)),
                ("Start", false, t => t.StartDate.ToString()),
                ("Finish", false, t => t.FinishDate.ToString()),
                ("Days", true, t => t.DurationDays.ToString(CultureInfo.InvariantCulture)),
                ("Float", true, t => t.TotalFloat.ToString(CultureInfo.InvariantCulture)),
            };
            if (baseline != null) columns.Add(("Slip", true, t => BaselineText.Slip(baseline.SlipOf(t.Task))));
            if (costed) columns.Add(("Cost", true, t => Money(t.Cost)));
            columns.Add(("Assigned", false, t => string.Join(", ", t.Assigned.Select(a => a.Person.Id + (a.Share == 1m ? "" : " " + (a.Share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%")))));
            if (leveled) columns.Add(("Delayed by", false, t => t.DelayedBy is null ? "" : t.DelayedBy.Id + " +" + t.ResourceDelayDays.ToString(CultureInfo.InvariantCulture) + "d"));
            var header = columns.Select(c => c.Header).ToArray();
            var rows = schedule.Tasks.Select(t => columns.Select(c => c.Cell(t)).ToArray()).ToList();
            var (headerLine, lines) = TableText.Align(header, rows, columns.Select(c => c.Right).ToArray());
            w.WriteLine(ansi.Bold(headerLine!));
            for (int i = 0; i < lines.Count; i++) w.WriteLine(schedule.Tasks[i].IsCritical ? ansi.Red(lines[i]) : lines[i]);

            w.WriteLine();
            w.WriteLine((leveled ? "Critical path, with resources (" : "Critical path (") + schedule.CriticalPath.Count + " task" + (schedule.CriticalPath.Count == 1 ? "" : "s") + "): " +
                        (schedule.CriticalPath.Count == 0 ? "(none)" : PathText(schedule)));
            if (!quiet)
            {
                w.WriteLine(ansi.Dim("* critical (zero total float); Days = working days of work (as taken, once finished); Float = total float in working days" +
                                     (costed ? "; Cost = planned labour, resource and fixed cost" : "")));
                if (leveled) w.WriteLine(ansi.Dim("Delayed by = the person or pool that held the task back, and for how many working days; ⇢ = waits for a person or pool"));
                if (baseline != null) w.WriteLine(ansi.Dim("Slip = working days the finish moved since the baseline (+ later, - earlier); new = added since the baseline"));
            }

            WriteCostByWorkstream(w, schedule, ansi);
        }

        /// <summary>Most ids of removed tasks the header names; the schedule JSON lists them all.</summary>
        private const int MaxRemovedShown = 5;

        /// <summary>
        /// The baseline's line: its finish and how far the program's finish moved since, then what was added (marked
        /// new in the table) and removed (not in the table, so named here).
        /// </summary>
        private static void WriteBaseline(TextWriter w, BaselineComparison baseline, Ansi ansi)
        {
            int slip = baseline.FinishSlipDays;
            var movement = slip == 0 ? "unchanged" : "now " + BaselineText.Movement(slip);
            w.WriteLine("  " + BaselineText.Name(baseline) + "   finish " + baseline.Baseline.Finish + ", " + (slip > 0 ? ansi.Red(movement) : movement));
            if (baseline.Added.Count == 0 && baseline.Removed.Count == 0) return;
            var line = "  since the baseline: " + baseline.Added.Count.ToString("N0", CultureInfo.InvariantCulture) + " added, " +
                       baseline.Removed.Count.ToString("N0", CultureInfo.InvariantCulture) + " removed";
            if (baseline.Removed.Count > 0)
            {
                line += " (" + string.Join(", ", baseline.Removed.Take(MaxRemovedShown).Select(r => TableText.Cell(r.Id, MaxNameWidth)));
                line += baseline.Removed.Count > MaxRemovedShown ? ", …)" : ")";
            }

            w.WriteLine(line);
        }

        /// <summary>Planned cost per workstream, nested ones indented under their parent; only when anything costs money.</summary>
        private static void WriteCostByWorkstream(TextWriter w, Schedule schedule, Ansi ansi)
        {
            if (schedule.Cost == 0 || schedule.Workstreams.Count == 0) return;
            var currency = schedule.Program.Currency;
            var rows = new List<string[]>();
            foreach (var ws in schedule.Workstreams) rows.Add(new[] { Indent(ws.Workstream) + ws.Id, Truncate(ws.Workstream.DisplayName), Money(ws.Cost) });

            // Top-level tasks belong to no workstream: their cost is a row of its own, so the rows add up to the total.
            decimal outside = 0;
            foreach (var t in schedule.Tasks)
            {
                if (t.Task.Container is null) outside = outside > decimal.MaxValue - t.Cost ? decimal.MaxValue : outside + t.Cost;
            }

            if (outside > 0) rows.Add(new[] { "(no workstream)", "", Money(outside) });
            rows.Add(new[] { "program total", "", Money(schedule.Cost) });
            w.WriteLine();
            w.WriteLine(ansi.Bold("Cost by workstream" + (currency is null ? "" : " (" + currency + ")")));
            var (_, lines) = TableText.Align(null, rows, new[] { false, false, true }, "  ");
            foreach (var line in lines) w.WriteLine(line);
        }

        private static string Delayed(Schedule schedule)
        {
            int count = schedule.Tasks.Count(t => t.DelayedBy != null);
            return count == 0 ? "no task waits for a person or pool" : count + " task" + (count == 1 ? " waits" : "s wait") + " for a person or pool";
        }

        /// <summary>The path's ids; a step where a task waited for the resource the previous task held is drawn ⇢.</summary>
        private static string PathText(Schedule schedule)
        {
            var path = schedule.CriticalPath;
            var text = new System.Text.StringBuilder(path[0].Id);
            for (int i = 1; i < path.Count; i++)
            {
                bool waited = path[i].DelayedBy is Symbol held && Uses(path[i - 1], held);
                text.Append(waited ? " ⇢ " : " → ").Append(path[i].Id);
            }

            return text.ToString();
        }

        private static bool Uses(ScheduledTask task, Symbol resource) =>
            task.Assigned.Any(a => a.Person == resource) || task.Task.ResourceUses.Any(u => u.Resource == resource);

        /// <summary>Two spaces per level of nesting, up to ten levels: the qualified id says the rest.</summary>
        internal static string Indent(WorkstreamSymbol workstream) => new string(' ', 2 * Math.Min(workstream.Depth, 10));

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static string Truncate(string text) => TableText.Cell(text, MaxNameWidth);
    }
}
