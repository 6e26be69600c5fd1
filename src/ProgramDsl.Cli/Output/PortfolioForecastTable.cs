using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Forecasting;
using ProgramDsl.Portfolios;

namespace ProgramDsl.Cli.Output
{
    /// <summary>A portfolio's forecast for a terminal: per program the deadline, P50/P80/P95 and the chance of meeting it.</summary>
    public static class PortfolioForecastTable
    {
        public static void Write(TextWriter w, TpmPortfolio portfolio, PortfolioForecastResult forecast, Ansi ansi, bool quiet)
        {
            var model = portfolio.Model;
            w.WriteLine(ansi.Bold("Forecast portfolio " + model?.Id + (model?.Title is null ? "" : " \"" + ProgramDsl.Diagnostics.Diagnostic.Printable(model.Title) + "\"")));
            w.WriteLine("  " + forecast.Iterations.ToString("N0", CultureInfo.InvariantCulture) + " iterations, seed " + forecast.Seed + ", " +
                        (forecast.LeveledTogether ? "the programs leveled together each iteration" : "each program alone (not leveled together)") + "; " +
                        ForecastTable.Count(forecast.Programs.Sum(p => p.EstimatedTasks), "estimated task") + ", " +
                        ForecastTable.Count(forecast.Programs.Sum(p => p.OpenRisks), "open risk"));
            w.WriteLine();

            var header = new[] { "Program", "Priority", "Deadline", "Planned", "P50", "P80", "P95", "On time" };
            var rows = forecast.Programs.Select(p => new[]
            {
                ProgramDsl.Diagnostics.Diagnostic.Printable(p.ProgramId),
                p.Priority.ToString(CultureInfo.InvariantCulture),
                p.Deadline?.ToString() ?? "-",
                p.Finish.Planned.ToString(),
                p.Finish.P50.ToString(),
                p.Finish.P80.ToString(),
                p.Finish.P95.ToString(),
                p.DeadlineProbability is double chance ? ForecastTable.Percent(chance) : "-",
            }).ToList();
            if (forecast.Finish is FinishDistribution finish)
            {
                rows.Add(new[]
                {
                    "(portfolio)", "", "", finish.Planned.ToString(), finish.P50.ToString(), finish.P80.ToString(), finish.P95.ToString(),
                    forecast.AllDeadlinesProbability is double all ? ForecastTable.Percent(all) + " all" : "-",
                });
            }

            ForecastTable.WriteTable(w, ansi, header, rows, rightAligned: new[] { false, true, false, false, false, false, false, true });
            if (quiet) return;
            w.WriteLine();
            w.WriteLine(ansi.Dim("Pxx = the date by which xx% of the iterations finish; On time = the share that meets the deadline" +
                                 (forecast.Finish is null ? "." : " (the portfolio's: every deadline met).")));
        }
    }
}
