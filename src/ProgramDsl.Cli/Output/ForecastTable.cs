using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Forecasting;

namespace ProgramDsl.Cli.Output
{
    /// <summary>The forecast for a terminal: finish percentiles and on-time chances, criticality, drivers, calibration.</summary>
    public static class ForecastTable
    {
        private const int MaxCritical = 15;

        public static void Write(TextWriter w, ForecastResult forecast, Ansi ansi, bool quiet)
        {
            var program = forecast.Program;
            w.WriteLine(ansi.Bold("Forecast " + program.Id + (program.Title is null ? "" : " \"" + ProgramDsl.Diagnostics.Diagnostic.Printable(program.Title) + "\"")));
            w.WriteLine("  " + forecast.Iterations.ToString("N0", CultureInfo.InvariantCulture) + " iterations, seed " + forecast.Seed + ", " +
                        (forecast.Leveled ? "leveled each iteration" : "not leveled") + "; " + Count(forecast.EstimatedTasks, "estimated task") + ", " +
                        Count(forecast.OpenRisks, "open risk"));
            w.WriteLine("  " + CalibrationLine(forecast.Calibration));
            if (forecast.Calibration is { HistoryGiven: true } calibration) w.WriteLine("  " + HistoryLine(calibration));
            w.WriteLine();

            var header = new[] { "", "Planned", "P50", "P80", "P95", "On time" };
            var rows = new List<string[]>
            {
                Row("program finish", forecast.Finish, program.Deadline is { } deadline ? "deadline " + deadline + ": " + Percent(forecast.DeadlineProbability!.Value) : ""),
            };
            foreach (var m in forecast.Milestones)
            {
                rows.Add(Row(m.Milestone.Id, m.Finish, m.Milestone.Due is { } due ? "due " + due + ": " + Percent(m.DueProbability!.Value) : ""));
            }

            WriteTable(w, ansi, header, rows, rightAligned: new bool[header.Length]);

            var dueTasks = forecast.Tasks.Where(t => !t.Task.IsMilestone && t.DueProbability != null).ToList();
            if (dueTasks.Count > 0)
            {
                w.WriteLine();
                w.WriteLine(ansi.Bold("Tasks with a due date"));
                foreach (var t in dueTasks) w.WriteLine("  " + t.Task.Id + "  due " + t.Task.Due + ": " + Percent(t.DueProbability!.Value));
            }

            var critical = forecast.Tasks.Select((t, order) => (Task: t, Order: order)).Where(t => t.Task.Criticality > 0 && !t.Task.Task.IsMilestone)
                .OrderByDescending(t => t.Task.Criticality).ThenBy(t => t.Order).Take(MaxCritical).Select(t => t.Task).ToList();
            w.WriteLine();
            w.WriteLine(ansi.Bold("Most often critical") + " (share of iterations in which the task drove the finish)");
            if (critical.Count == 0) w.WriteLine("  (none)");
            WriteTable(w, ansi, null, critical.Select(t => new[] { t.Task.Id, Percent(t.Criticality) }).ToList(), rightAligned: new[] { false, false });

            w.WriteLine();
            w.WriteLine(ansi.Bold("What drives the spread") + " (correlation with the program finish)");
            if (forecast.Drivers.Count == 0) w.WriteLine("  (nothing varies: add estimates or open risks)");
            WriteTable(w, ansi, null, forecast.Drivers.Select(DriverRow).ToList(), rightAligned: new[] { false, true, false });
            if (quiet) return;
            w.WriteLine();
            w.WriteLine(ansi.Dim("Pxx = the date by which xx% of the iterations finish; On time = the share that meets the date."));
        }

        private static string[] Row(string name, FinishDistribution d, string onTime) =>
            new[] { name, d.Planned.ToString(), d.P50.ToString(), d.P80.ToString(), d.P95.ToString(), onTime };

        private static string[] DriverRow(ForecastDriver d)
        {
            var r = d.Correlation.ToString("0.00", CultureInfo.InvariantCulture);
            var effect = d.Kind == DriverKind.Risk
                ? "when it occurs the program finishes " + Days(d.Slope) + " later on average"
                : "each day longer moves the finish " + Days(d.Slope);
            return new[] { (d.Kind == DriverKind.Risk ? "risk " : "estimate ") + d.Symbol.Id, r, effect };
        }

        private static string Days(double days) => days.ToString("0.0", CultureInfo.InvariantCulture) + " working day" + (Math.Abs(days - 1) < 0.05 ? "" : "s");

        private static string CalibrationLine(CalibrationSummary? c)
        {
            if (c is null) return "calibration: off (--calibrate learns from finished tasks)";
            if (c.Groups.Count == 0)
            {
                return "calibration: not applied: " + Count(c.FinishedTasks, "finished task") + " with an estimate and actual dates" +
                       (c.HistoryGiven ? " and " + c.HistoryTasks.ToString("N0", CultureInfo.InvariantCulture) + " from history" : "") + "; a group needs " + c.MinimumHistory;
            }

            var groups = c.Groups.Where(g => g.CalibratedTasks > 0 || g.Name == "program").Select(g =>
                g.Name + " ×" + g.MedianRatio.ToString("0.00", CultureInfo.InvariantCulture) + " (σ " + g.Sigma.ToString("0.00", CultureInfo.InvariantCulture) +
                ", from " + g.FinishedTasks + (g.HistoryTasks > 0 ? " (" + g.HistoryTasks + " history)" : "") + ", used by " + g.CalibratedTasks + ")");
            return "calibration: learned from " + Count(c.FinishedTasks, "finished task") +
                   (c.HistoryGiven ? " and " + c.HistoryTasks.ToString("N0", CultureInfo.InvariantCulture) + " from history" : "") +
                   " (actual ÷ most likely): " + string.Join("; ", groups);
        }

        private const int MaxHistorySources = 5;

        /// <summary>Where the history tasks came from: the first sources with their counts, and what was superseded.</summary>
        private static string HistoryLine(CalibrationSummary c)
        {
            var line = "history: " + Count(c.HistoryTasks, "finished task");
            if (c.HistorySources.Count > 0)
            {
                line += " from " + Count(c.HistorySources.Count, "source") + ": " +
                        string.Join(", ", c.HistorySources.Take(MaxHistorySources).Select(s => ProgramDsl.Diagnostics.Diagnostic.Printable(s.Source) + " " + s.Tasks));
                if (c.HistorySources.Count > MaxHistorySources) line += ", and " + (c.HistorySources.Count - MaxHistorySources) + " more";
            }

            if (c.HistorySuperseded > 0) line += "; " + Count(c.HistorySuperseded, "older record") + " of the same tasks not counted";
            return line;
        }

        internal static string Count(int n, string noun) => n.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? "" : "s");

        internal static string Percent(double p) => (p * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        internal static void WriteTable(TextWriter w, Ansi ansi, string[]? header, IReadOnlyList<string[]> rows, bool[] rightAligned)
        {
            if (rows.Count == 0) return;
            var (headerLine, lines) = TableText.Align(header, rows, rightAligned, "  ");
            if (headerLine != null) w.WriteLine(ansi.Bold(headerLine));
            foreach (var line in lines) w.WriteLine(line);
        }
    }
}
