using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Output
{
    /// <summary>
    /// <c>tpm schedule PORTFOLIO --format json</c>: the portfolio, each program's dates, margin, cost and waits, the shared
    /// people and pools, and the diagnostics (docs/schemas/portfolio.schema.json). The same settings as the other
    /// documents: indented UTF-8, readable non-ASCII, LF line ends, one LF at the end.
    /// </summary>
    public static class PortfolioJson
    {
        /// <summary>The version of the document, its first member (<c>format_version</c>).</summary>
        public const int FormatVersion = 1;

        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            NewLine = "\n",
        };

        /// <summary>The document.</summary>
        public static string ToJson(TpmPortfolio portfolio)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, Options))
            {
                Write(w, portfolio);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        private static void Write(Utf8JsonWriter w, TpmPortfolio portfolio)
        {
            var model = portfolio.Model;
            var together = portfolio.Schedule;
            var byMember = together?.Programs.ToDictionary(p => p.Member) ?? new Dictionary<PortfolioMember, PortfolioProgramSchedule>();
            var scheduled = portfolio.Members.Where(m => m.Program.Schedule != null).Select(m => m.Program.Schedule!).ToList();

            w.WriteStartObject();
            w.WriteNumber("format_version", FormatVersion);
            w.WriteStartObject("portfolio");
            StringOrNull(w, "id", model?.Id);
            StringOrNull(w, "name", model is null ? null : model.Title ?? model.Id);
            w.WriteString("file", portfolio.SyntaxTree.Source.Path);
            StringOrNull(w, "start", scheduled.Count == 0 ? null : scheduled.Min(s => s.StartDate).ToString());
            StringOrNull(w, "finish", scheduled.Count == 0 ? null : scheduled.Max(s => s.FinishDate).ToString());
            w.WriteBoolean("leveled_together", together != null);
            w.WriteNumber("leveling_schedules", together?.LevelingSchedules ?? 0);
            if (together is null) w.WriteNull("seed");
            else w.WriteNumber("seed", together.Seed);
            w.WriteEndObject();

            w.WriteStartArray("programs");
            foreach (var member in portfolio.Members)
            {
                var program = member.Program.Model;
                var schedule = member.Program.Schedule;
                byMember.TryGetValue(member, out var leveled);
                w.WriteStartObject();
                w.WriteString("id", member.Id);
                StringOrNull(w, "name", program?.DisplayName);
                w.WriteString("file", member.Path);
                w.WriteNumber("priority", member.Priority);
                StringOrNull(w, "start", schedule?.StartDate.ToString() ?? (program is { HasStart: true } ? program.Start.ToString() : null));
                StringOrNull(w, "finish", schedule?.FinishDate.ToString());
                StringOrNull(w, "deadline", program?.Deadline?.ToString());
                if (PortfolioTable.MarginOf(member, byMember) is int margin) w.WriteNumber("margin_days", margin);
                else w.WriteNull("margin_days");
                if (schedule is null) w.WriteNull("duration_days");
                else w.WriteNumber("duration_days", schedule.DurationDays);
                DecimalOrNull(w, "cost", schedule?.Cost);
                DecimalOrNull(w, "budget", program?.Budget);
                StringOrNull(w, "currency", program?.Currency);
                w.WriteBoolean("has_errors", member.Program.HasErrors);
                w.WriteNumber("wait_days", leveled?.WaitDays ?? 0);
                w.WriteStartArray("waits");
                foreach (var wait in leveled?.Waits ?? System.Array.Empty<PortfolioWait>())
                {
                    w.WriteStartObject();
                    w.WriteString("id", wait.Entity.Id);
                    w.WriteString("kind", PortfolioTable.KindWord(wait.Entity));
                    w.WriteNumber("days", wait.Days);
                    w.WriteStartArray("held_by");
                    foreach (var holder in wait.HeldBy) w.WriteStringValue(holder);
                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();

            w.WriteStartArray("shared");
            foreach (var entity in portfolio.Shared)
            {
                w.WriteStartObject();
                w.WriteString("id", entity.Id);
                w.WriteString("kind", PortfolioTable.KindWord(entity));
                w.WriteString("file", entity.Declaration.Path);
                w.WriteNumber("line", entity.Declaration.Start.Line);
                w.WriteNumber("capacity_units", entity.CapacityUnits);
                w.WriteStartArray("programs");
                foreach (var id in entity.Uses.Select(u => u.Member.Id).Distinct()) w.WriteStringValue(id);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            DiagnosticJson.WriteArray(w, "diagnostics", portfolio.Diagnostics);
            w.WriteEndObject();
        }

        private static void StringOrNull(Utf8JsonWriter w, string name, string? value)
        {
            if (value is null) w.WriteNull(name);
            else w.WriteString(name, value);
        }

        private static void DecimalOrNull(Utf8JsonWriter w, string name, decimal? value)
        {
            // As the other documents write money: invariant, without trailing zeros.
            if (value is decimal d) w.WriteNumber(name, decimal.Parse(d.ToString("0.##########", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            else w.WriteNull(name);
        }
    }
}
