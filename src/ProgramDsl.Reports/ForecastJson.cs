using System;
using System.Collections.Generic;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The forecast as JSON: program and milestone percentiles, deadline and due probabilities, every task's
    /// criticality index, the drivers of the spread and what calibration learned. Probabilities and statistics are
    /// rounded (4 and 3 decimals), so the document is byte-identical for a plan and a seed.
    /// </summary>
    public static class ForecastJson
    {
        /// <summary>The version of the format this build writes, the document's first field (<c>format_version</c>); docs/schemas/forecast.schema.json.</summary>
        public const int FormatVersion = 1;

        /// <summary>Writes the document; <paramref name="forecast"/> is null when the program has errors.</summary>
        public static string ToJson(ProgramSymbol? program, ForecastResult? forecast, IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("program");
            w.WriteStringOrNull("id", program?.Id);
            w.WriteStringOrNull("name", program?.DisplayName);
            if (forecast != null)
            {
                w.WriteNumber("iterations", forecast.Iterations);
                w.WriteNumber("seed", forecast.Seed);
                w.WriteBoolean("leveled", forecast.Leveled);
                w.WriteNumber("estimated_tasks", forecast.EstimatedTasks);
                w.WriteNumber("open_risks", forecast.OpenRisks);
                WriteFinish(w, forecast.Finish);
                w.WriteNumber("mean_duration_days", Math.Round(forecast.Finish.MeanDays, 2));
                w.WriteStringOrNull("deadline", program?.Deadline?.ToString());
                WriteProbability(w, "deadline_probability", forecast.DeadlineProbability);
            }

            w.WriteEndObject();

            w.WriteStartArray("milestones");
            foreach (var m in forecast?.Milestones ?? Array.Empty<MilestoneForecast>())
            {
                w.WriteStartObject();
                w.WriteString("id", m.Milestone.Id);
                w.WriteString("name", m.Milestone.DisplayName);
                WriteFinish(w, m.Finish);
                w.WriteStringOrNull("due", m.Milestone.Due?.ToString());
                WriteProbability(w, "due_probability", m.DueProbability);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("tasks");
            foreach (var t in forecast?.Tasks ?? Array.Empty<TaskForecast>())
            {
                w.WriteStartObject();
                w.WriteString("id", t.Task.Id);
                w.WriteString("kind", t.Task.IsMilestone ? "milestone" : "task");
                w.WriteNumber("criticality", Math.Round(t.Criticality, 4));
                w.WriteStringOrNull("due", t.Task.Due?.ToString());
                WriteProbability(w, "due_probability", t.DueProbability);
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("drivers");
            foreach (var d in forecast?.Drivers ?? Array.Empty<ForecastDriver>())
            {
                w.WriteStartObject();
                w.WriteString("kind", d.Kind == DriverKind.Risk ? "risk" : "estimate");
                w.WriteString("id", d.Symbol.Id);
                w.WriteNumber("correlation", Math.Round(d.Correlation, 3));
                w.WriteNumber("slope_days", Math.Round(d.Slope, 2));
                w.WriteEndObject();
            }

            w.WriteEndArray();

            if (forecast?.Calibration is CalibrationSummary c)
            {
                w.WriteStartObject("calibration");
                w.WriteString("scope", c.Scope.ToString().ToLowerInvariant());
                w.WriteNumber("finished_tasks", c.FinishedTasks);
                w.WriteNumber("minimum_history", c.MinimumHistory);
                w.WriteStartArray("groups");
                foreach (var g in c.Groups)
                {
                    w.WriteStartObject();
                    w.WriteString("name", g.Name);
                    w.WriteNumber("finished_tasks", g.FinishedTasks);
                    w.WriteNumber("median_ratio", Math.Round(g.MedianRatio, 3));
                    w.WriteNumber("sigma", Math.Round(g.Sigma, 3));
                    w.WriteNumber("calibrated_tasks", g.CalibratedTasks);
                    w.WriteNumber("history_tasks", g.HistoryTasks);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                if (c.HistoryGiven)
                {
                    w.WriteStartObject("history");
                    w.WriteNumber("tasks", c.HistoryTasks);
                    w.WriteNumber("superseded", c.HistorySuperseded);
                    w.WriteStartArray("sources");
                    foreach (var source in c.HistorySources)
                    {
                        w.WriteStartObject();
                        w.WriteString("source", source.Source);
                        w.WriteNumber("tasks", source.Tasks);
                        w.WriteEndObject();
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("history");
                }
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("calibration");
            }

            DiagnosticJson.WriteArray(w, "diagnostics", diagnostics);
            w.WriteEndObject();
        });

        private static void WriteFinish(Utf8JsonWriter w, FinishDistribution finish)
        {
            w.WriteString("planned", finish.Planned.ToString());
            w.WriteString("p50", finish.P50.ToString());
            w.WriteString("p80", finish.P80.ToString());
            w.WriteString("p95", finish.P95.ToString());
        }

        private static void WriteProbability(Utf8JsonWriter w, string name, double? value)
        {
            if (value is double p) w.WriteNumber(name, Math.Round(p, 4));
            else w.WriteNull(name);
        }
    }
}
