using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Reports
{
    /// <summary>Diagnostics as JSON objects: code, severity, message, file, line, column (and end position).</summary>
    public static class DiagnosticJson
    {
        /// <summary>
        /// The version of the whole document <see cref="ToJson"/> writes, its first field (<c>format_version</c>);
        /// docs/schemas/diagnostics.schema.json. The objects other documents embed follow the same schema's <c>diagnostic</c>.
        /// </summary>
        public const int FormatVersion = 1;

        /// <summary>Writes one diagnostic object.</summary>
        public static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic d)
        {
            writer.WriteStartObject();
            writer.WriteString("code", d.Code);
            writer.WriteString("severity", Diagnostic.SeverityWord(d.Severity));
            writer.WriteString("message", d.Message);
            if (d.Location is { } location)
            {
                writer.WriteString("file", location.Path);
                writer.WriteNumber("line", location.Start.Line);
                writer.WriteNumber("column", location.Start.Column);
                writer.WriteNumber("end_line", location.End.Line);
                writer.WriteNumber("end_column", location.End.Column);
            }
            else
            {
                writer.WriteNull("file");
                writer.WriteNull("line");
                writer.WriteNull("column");
                writer.WriteNull("end_line");
                writer.WriteNull("end_column");
            }

            writer.WriteString("help", d.Descriptor.HelpLink);
            writer.WriteEndObject();
        }

        /// <summary>Writes an array of diagnostics under a property name.</summary>
        public static void WriteArray(Utf8JsonWriter writer, string name, IEnumerable<Diagnostic> diagnostics)
        {
            writer.WriteStartArray(name);
            foreach (var d in diagnostics) WriteDiagnostic(writer, d);
            writer.WriteEndArray();
        }

        /// <summary>A whole document: <c>{ "format_version": 1, "diagnostics": [...], "errors": n, "warnings": n }</c>.</summary>
        public static string ToJson(IReadOnlyList<Diagnostic> diagnostics) => JsonOutput.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("format_version", FormatVersion);
            WriteArray(writer, "diagnostics", diagnostics);
            writer.WriteNumber("errors", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
            writer.WriteNumber("warnings", diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning));
            writer.WriteEndObject();
        });
    }
}
