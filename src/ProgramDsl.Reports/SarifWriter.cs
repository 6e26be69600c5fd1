using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Reports
{
    /// <summary>Diagnostics as a SARIF 2.1.0 log, for code-scanning services and IDE viewers.</summary>
    public static class SarifWriter
    {
        /// <summary>Writes a SARIF log with one run.</summary>
        public static string ToSarif(IReadOnlyList<Diagnostic> diagnostics, string toolVersion) => JsonOutput.Write(writer =>
        {
            var rules = diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
            var ruleIndex = rules.Select((r, i) => (r.Code, i)).ToDictionary(x => x.Code, x => x.i);
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            writer.WriteStartObject("tool");
            writer.WriteStartObject("driver");
            writer.WriteString("name", "tpm");
            writer.WriteString("semanticVersion", toolVersion);
            writer.WriteString("informationUri", "https://github.com/programdsl/programdsl");
            writer.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                writer.WriteStartObject();
                writer.WriteString("id", rule.Code);
                writer.WriteString("name", string.Concat(rule.Title.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w.Substring(1))));
                writer.WriteStartObject("shortDescription");
                writer.WriteString("text", rule.Title);
                writer.WriteEndObject();
                writer.WriteString("helpUri", rule.HelpLink);
                writer.WriteStartObject("defaultConfiguration");
                writer.WriteString("level", Level(rule.DefaultSeverity));
                writer.WriteEndObject();
                writer.WriteStartObject("properties");
                writer.WriteString("category", rule.Category);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("columnKind", "utf16CodeUnits");
            writer.WriteStartArray("results");
            foreach (var d in diagnostics)
            {
                writer.WriteStartObject();
                writer.WriteString("ruleId", d.Code);
                writer.WriteNumber("ruleIndex", ruleIndex[d.Code]);
                writer.WriteString("level", Level(d.Severity));
                writer.WriteStartObject("message");
                writer.WriteString("text", d.Message);
                writer.WriteEndObject();
                writer.WriteStartArray("locations");
                if (d.Location is SourceLocation location) WriteLocation(writer, location);
                writer.WriteEndArray();
                if (d.AdditionalLocations.Count > 0)
                {
                    writer.WriteStartArray("relatedLocations");
                    foreach (var related in d.AdditionalLocations) WriteLocation(writer, related);
                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

        /// <summary>The SARIF level of a severity.</summary>
        public static string Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "note",
            _ => "none",
        };

        /// <summary>
        /// The URI of a path: a relative reference with '/' separators and each segment escaped, or a
        /// <c>file://</c> URI for an absolute path (<c>/x</c>, <c>C:\x</c>, <c>\\server\share</c>).
        /// </summary>
        public static string ToUri(string path)
        {
            var normalized = path.Replace('\\', '/');
            bool drive = normalized.Length >= 2 && normalized[1] == ':' && char.IsLetter(normalized[0]) && (normalized.Length == 2 || normalized[2] == '/');
            var escaped = string.Join("/", normalized.Split('/').Select((s, i) => i == 0 && drive ? s : Uri.EscapeDataString(s)));
            // A bare "C:/x" would read as a URI with the scheme "c", and "/x" as relative to the log: both need file:.
            if (drive) return "file:///" + escaped;
            if (normalized.StartsWith("//", StringComparison.Ordinal)) return "file:" + escaped;
            if (normalized.StartsWith("/", StringComparison.Ordinal)) return "file://" + escaped;
            return escaped;
        }

        private static void WriteLocation(Utf8JsonWriter writer, SourceLocation location)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            writer.WriteStartObject("artifactLocation");
            writer.WriteString("uri", ToUri(location.Path));
            writer.WriteEndObject();
            writer.WriteStartObject("region");
            writer.WriteNumber("startLine", location.Start.Line);
            writer.WriteNumber("startColumn", location.Start.Column);
            writer.WriteNumber("endLine", location.End.Line);
            writer.WriteNumber("endColumn", location.End.Column);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
    }
}
