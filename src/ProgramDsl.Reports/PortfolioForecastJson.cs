using System;
using System.Collections.Generic;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Portfolios;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// A portfolio's forecast as JSON (docs/schemas/portfolio-forecast.schema.json): each program's finish percentiles
    /// and chance of meeting its deadline, and the portfolio's finish. Probabilities are rounded to 4 decimals, so the
    /// document is byte-identical for a portfolio and a seed.
    /// </summary>
    public static class PortfolioForecastJson
    {
        /// <summary>The version of the format this build writes, the document's first field (<c>format_version</c>).</summary>
        public const int FormatVersion = 1;

        /// <summary>Writes the document; <paramref name="forecast"/> is null when the portfolio has errors.</summary>
        public static string ToJson(TpmPortfolio portfolio, PortfolioForecastResult? forecast, IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(w =>
        {
            if (portfolio is null) throw new ArgumentNullException(nameof(portfolio));
            var model = portfolio.Model;
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("portfolio");
            w.WriteStringOrNull("id", model?.Id);
            w.WriteStringOrNull("name", model is null ? null : model.Title ?? model.Id);
            w.WriteString("file", portfolio.SyntaxTree.Source.Path);
            if (forecast != null)
            {
                w.WriteNumber("iterations", forecast.Iterations);
                w.WriteNumber("seed", forecast.Seed);
                w.WriteBoolean("leveled_together", forecast.LeveledTogether);
                w.WriteString("start", forecast.StartDate.ToString());
                if (forecast.Finish is FinishDistribution finish) WriteFinish(w, "finish", finish);
                else w.WriteNull("finish");
                WriteProbability(w, "all_deadlines_probability", forecast.AllDeadlinesProbability);
            }

            w.WriteEndObject();

            w.WriteStartArray("programs");
            foreach (var p in forecast?.Programs ?? Array.Empty<PortfolioProgramForecast>())
            {
                w.WriteStartObject();
                w.WriteString("id", p.ProgramId);
                w.WriteStringOrNull("name", p.Member.Program.Model?.DisplayName);
                w.WriteString("file", p.Member.Path);
                w.WriteNumber("priority", p.Priority);
                w.WriteNumber("estimated_tasks", p.EstimatedTasks);
                w.WriteNumber("open_risks", p.OpenRisks);
                WriteFinish(w, "finish", p.Finish);
                w.WriteNumber("mean_duration_days", Math.Round(p.Finish.MeanDays, 2));
                w.WriteStringOrNull("deadline", p.Deadline?.ToString());
                WriteProbability(w, "deadline_probability", p.DeadlineProbability);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DiagnosticJson.WriteArray(w, "diagnostics", diagnostics);
            w.WriteEndObject();
        });

        private static void WriteFinish(Utf8JsonWriter w, string name, FinishDistribution finish)
        {
            w.WriteStartObject(name);
            w.WriteString("planned", finish.Planned.ToString());
            w.WriteString("p50", finish.P50.ToString());
            w.WriteString("p80", finish.P80.ToString());
            w.WriteString("p95", finish.P95.ToString());
            w.WriteEndObject();
        }

        private static void WriteProbability(Utf8JsonWriter w, string name, double? value)
        {
            if (value is double p) w.WriteNumber(name, Math.Round(p, 4));
            else w.WriteNull(name);
        }
    }
}
