using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Output
{
    /// <summary>
    /// Earned value at the status date for a terminal: the program's figures, each with what it means, the figures
    /// per workstream, then the tasks behind and ahead of plan with their planned and actual progress and finish slip.
    /// Against a frozen baseline, the header names it, and the tasks added and removed since it are listed.
    /// </summary>
    public static class StatusTable
    {
        private const int MaxNameWidth = 40;

        // unreadBaseline: the baseline the program names when it could not be used (its diagnostic is printed apart), so
        // the table says what it measured against instead.
        public static void Write(TextWriter w, EarnedValueReport report, Ansi ansi, bool quiet, string? unreadBaseline = null)
        {
            var program = report.Program;
            var currency = program.Currency is null ? "" : " " + program.Currency;
            w.WriteLine(ansi.Bold("Program " + program.Id + (program.Title is null ? "" : " \"" + ProgramDsl.Diagnostics.Diagnostic.Printable(program.Title) + "\"") + "   status at " + report.StatusDate));
            if (report.Frozen is { } frozen) w.WriteLine("  against " + BaselineName(frozen));
            else if (unreadBaseline != null) w.WriteLine("  against the plan with nothing tracked: baseline '" + ProgramDsl.Diagnostics.Diagnostic.Printable(unreadBaseline) + "' could not be used (its diagnostic says why)");
            w.WriteLine("  finish " + report.Tracked.FinishDate + " as tracked, " + report.BaselineFinishDate + " in the baseline" + SlipText(report.FinishSlipDays, ansi));
            w.WriteLine();

            var f = report.Total;
            if (f.Bac == 0 && f.Ac == 0)
            {
                w.WriteLine("No planned or actual cost: give people or resources a rate, or tasks a cost, to measure earned value in money.");
            }
            else
            {
                WriteFigures(w, report, currency, ansi, quiet);
                WriteWorkstreams(w, report);
            }

            WriteTasks(w, "Behind plan", report.Behind, "later", ansi);
            WriteTasks(w, "Ahead of plan", report.Ahead, "earlier", ansi);
            if (report.Frozen != null) WriteChanges(w, report, ansi);
            if (quiet) return;
            w.WriteLine(ansi.Dim("Planned = share of the task's working days the baseline put on or before the status date; Actual = progress;"));
            if (report.Frozen is null)
            {
                w.WriteLine(ansi.Dim("Slip = working days the finish moved against the baseline (+ later). Baseline = the plan with no actuals or progress."));
            }
            else
            {
                w.WriteLine(ansi.Dim("Slip = working days the finish moved against the baseline (+ later). Baseline = the frozen baseline's dates and costs,"));
                w.WriteLine(ansi.Dim("its days counted on each task's calendar as it is now; a task added since it is measured against the plan with no actuals or progress."));
            }
        }

        /// <summary><c>baseline 'q1' (program.baseline.q1.json)</c>: the name and the file as the program named them, escaped.</summary>
        internal static string BaselineName(ProgramDsl.Baselines.BaselineComparison frozen) =>
            "baseline '" + ProgramDsl.Diagnostics.Diagnostic.Printable(frozen.Baseline.Name) + "'" +
            (frozen.Path.Length == 0 ? "" : " (" + ProgramDsl.Diagnostics.Diagnostic.Printable(frozen.Path) + ")");

        /// <summary>The most tasks listed as added or removed; the JSON lists them all.</summary>
        private const int MaxChangesListed = 20;

        /// <summary>The tasks added since the frozen baseline (measured against the plan without actuals) and those removed (not counted).</summary>
        private static void WriteChanges(TextWriter w, EarnedValueReport report, Ansi ansi)
        {
            var added = report.Added;
            w.WriteLine(ansi.Bold("Added since the baseline (" + Plural.Of(added.Count, "task") + ")" + (added.Count == 0 ? ": none" : ": measured against the plan with no actuals or progress")));
            if (added.Count > 0)
            {
                var rows = added.Take(MaxChangesListed).Select(t => new[]
                {
                    t.Id,
                    Percent(t.PlannedComplete),
                    Percent(t.ActualComplete),
                    SlipCell(t.FinishSlipDays),
                    Truncate((t.Task.IsMilestone ? "◆ " : "") + t.Task.DisplayName),
                }).ToList();
                WriteAligned(w, new[] { "ID", "Planned", "Actual", "Slip", "Name" }, rows, new[] { false, true, true, true, false });
                if (added.Count > MaxChangesListed) w.WriteLine("  + " + Plural.Of(added.Count - MaxChangesListed, "more task"));
            }

            w.WriteLine();
            var removed = report.Removed;
            w.WriteLine(ansi.Bold("Removed since the baseline (" + Plural.Of(removed.Count, "task") + ")" + (removed.Count == 0 ? ": none" : ": not counted in the figures")));
            if (removed.Count > 0)
            {
                // Ids and names come from the baseline file: one line each, escaped and cut.
                var rows = removed.Take(MaxChangesListed).Select(i => new[]
                {
                    TableText.Cell(i.Id, MaxNameWidth),
                    Money(i.Cost),
                    i.Finish.ToString(),
                    Truncate((i.IsMilestone ? "◆ " : "") + i.Name),
                }).ToList();
                WriteAligned(w, new[] { "ID", "BAC", "Finish", "Name" }, rows, new[] { false, true, false, false });
                if (removed.Count > MaxChangesListed) w.WriteLine("  + " + Plural.Of(removed.Count - MaxChangesListed, "more task"));
            }

            w.WriteLine();
        }

        private static string SlipCell(int days) => days == 0 ? "0d" : days.ToString("+0;-0", CultureInfo.InvariantCulture) + "d";

        private static void WriteFigures(TextWriter w, EarnedValueReport report, string currency, Ansi ansi, bool quiet)
        {
            var f = report.Total;
            int missing = report.StartedWithoutActualCost.Count;
            var acNote = "actual cost: the recorded actual-cost of the work so far";
            if (missing > 0) acNote += " (" + missing + " started task" + (missing == 1 ? " has" : "s have") + " none: " + string.Join(", ", report.StartedWithoutActualCost.Select(t => t.Id)) + ")";
            var rows = new List<string[]>
            {
                new[] { "BAC", Money(f.Bac), "budget at completion: the planned cost of all the work, from the baseline" },
                new[] { "PV", Money(f.Pv), "planned value: the cost of the work the baseline planned by the status date" },
                new[] { "EV", Money(f.Ev), "earned value: the planned cost of the work done (BAC × progress)" },
                new[] { "AC", Money(f.Ac), acNote },
                new[] { "SV", Money(f.Sv), "schedule variance, EV − PV: " + (f.Sv < 0 ? "less work done than planned" : f.Sv > 0 ? "more work done than planned" : "as planned") },
                new[] { "CV", Money(f.Cv), "cost variance, EV − AC: " + (f.Cv < 0 ? "the work done cost more than planned" : f.Cv > 0 ? "the work done cost less than planned" : "as planned") },
                new[] { "SPI", Index(f.Spi), "schedule performance index, EV ÷ PV: " + (f.Spi is null ? "no work planned yet" : "below 1 is behind schedule") },
                new[] { "CPI", Index(f.Cpi), "cost performance index, EV ÷ AC: " + (f.Cpi is null ? "no actual cost recorded" : "below 1 is over cost") },
                new[] { "EAC", Money(f.Eac), "estimate at completion, BAC ÷ CPI" + (f.Cpi is null ? " (BAC without a CPI)" : "") },
                new[] { "ETC", Money(f.Etc), "estimate to complete, EAC − AC" },
                new[] { "VAC", Money(f.Vac), "variance at completion, BAC − EAC: " + (f.Vac < 0 ? "expected to cost more than planned" : f.Vac > 0 ? "expected to cost less than planned" : "as planned") },
            };
            int valueWidth = rows.Max(r => TextWidth.Of(r[1]));
            w.WriteLine(ansi.Bold("Earned value at " + report.StatusDate + (currency.Length == 0 ? "" : " (" + currency.Trim() + ")")));
            foreach (var row in rows)
            {
                var text = "  " + TextWidth.PadRight(row[0], 3) + "  " + TextWidth.PadLeft(row[1], valueWidth);
                w.WriteLine(quiet ? text : text + "  " + ansi.Dim(row[2]));
            }

            w.WriteLine();
        }

        private static void WriteWorkstreams(TextWriter w, EarnedValueReport report)
        {
            if (report.Workstreams.Count == 0) return;
            var header = new[] { "Workstream", "BAC", "PV", "EV", "AC", "SPI", "CPI" };
            var rows = report.Workstreams.Select(ws => new[]
            {
                ScheduleTable.Indent(ws.Workstream) + ws.Id,
                Money(ws.Figures.Bac),
                Money(ws.Figures.Pv),
                Money(ws.Figures.Ev),
                Money(ws.Figures.Ac),
                Index(ws.Figures.Spi),
                Index(ws.Figures.Cpi),
            }).ToList();
            WriteAligned(w, header, rows, new[] { false, true, true, true, true, true, true });
            w.WriteLine();
        }

        /// <summary>
        /// The tasks the status date reaches (planned to have started, or started) are listed; tasks not yet due
        /// whose dates only moved with their predecessors are counted in one line, so the list stays about the work
        /// being done now (the JSON lists them all).
        /// </summary>
        private static void WriteTasks(TextWriter w, string title, IReadOnlyList<TaskEarnedValue> all, string direction, Ansi ansi)
        {
            var tasks = all.Where(t => t.PlannedComplete > 0 || t.State != TaskState.NotStarted).ToList();
            var moved = all.Where(t => !(t.PlannedComplete > 0 || t.State != TaskState.NotStarted)).ToList();
            w.WriteLine(ansi.Bold(title + " (" + tasks.Count + " task" + (tasks.Count == 1 ? "" : "s") + ")" + (tasks.Count == 0 ? ": none" : "")));
            if (tasks.Count > 0)
            {
                var header = new[] { "ID", "Planned", "Actual", "Slip", "Name" };
                var rows = tasks.Select(t => new[]
                {
                    t.Id,
                    Percent(t.PlannedComplete),
                    Percent(t.ActualComplete),
                    SlipCell(t.FinishSlipDays),
                    Truncate((t.Task.IsMilestone ? "◆ " : "") + t.Task.DisplayName),
                }).ToList();
                WriteAligned(w, header, rows, new[] { false, true, true, true, false });
            }

            if (moved.Count > 0)
            {
                int most = moved.Max(t => Math.Abs(t.FinishSlipDays));
                w.WriteLine("  + " + moved.Count + " task" + (moved.Count == 1 ? "" : "s") + " planned to start after the status date, finishing " +
                            (most == 1 ? "" : "up to ") + Plural.WorkingDays(most) + " " + direction + " than planned");
            }

            w.WriteLine();
        }

        private static void WriteAligned(TextWriter w, string[] header, List<string[]> rows, bool[] rightAligned)
        {
            var (headerLine, lines) = TableText.Align(header, rows, rightAligned, "  ");
            w.WriteLine(headerLine);
            foreach (var line in lines) w.WriteLine(line);
        }

        private static string SlipText(int slip, Ansi ansi) =>
            slip > 0 ? " " + ansi.Red("(" + Plural.WorkingDays(slip) + " later)")
            : slip < 0 ? " (" + Plural.WorkingDays(-slip) + " earlier)"
            : " (on plan)";

        private static string Money(decimal value) => value.ToString("#,0.00;-#,0.00", CultureInfo.InvariantCulture);

        private static string Index(decimal? value) => value is decimal d ? d.ToString("0.00", CultureInfo.InvariantCulture) : "—";

        private static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

        private static string Truncate(string text) => TableText.Cell(text, MaxNameWidth);
    }
}
