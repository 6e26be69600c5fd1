using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Reports;

namespace ProgramDsl.Cli.Output
{
    /// <summary>Prints diagnostics as canonical lines, JSON or SARIF.</summary>
    public static class DiagnosticPrinter
    {
        public static void WriteText(TextWriter writer, IEnumerable<Diagnostic> diagnostics, Ansi ansi)
        {
            foreach (var d in diagnostics)
            {
                // 'silent' in a .globalconfig means not shown, as in a .NET build; JSON and SARIF still carry it.
                if (d.Severity == DiagnosticSeverity.Hidden) continue;
                var line = d.ToString();
                if (d.Severity == DiagnosticSeverity.Error) line = line.Replace(": error " + d.Code, ": " + ansi.Red("error " + d.Code));
                else if (d.Severity == DiagnosticSeverity.Warning) line = line.Replace(": warning " + d.Code, ": " + ansi.Yellow("warning " + d.Code));
                writer.WriteLine(line);
            }
        }

        public static void Write(TextWriter writer, string format, IReadOnlyList<Diagnostic> diagnostics, Ansi ansi, string version)
        {
            switch (format)
            {
                case "json": writer.Write(DiagnosticJson.ToJson(diagnostics)); break;
                case "sarif": writer.Write(SarifWriter.ToSarif(diagnostics, version)); break;
                default: WriteText(writer, diagnostics, ansi); break;
            }
        }

        public static string Summary(int programs, IReadOnlyList<Diagnostic> diagnostics)
        {
            int errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
            int warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
            return $"{programs} program{(programs == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}";
        }
    }
}
