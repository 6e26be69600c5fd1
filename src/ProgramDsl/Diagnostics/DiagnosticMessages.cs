using System.Globalization;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    /// <remarks>
    /// Every message text is written by a typed factory method in one of the <c>DiagnosticMessages.*.cs</c> files
    /// (one per area), so the compiler, the CLI, the build task and the analyzers print the same words. A factory takes
    /// the location and the values (names, numbers, dates) and does the formatting itself: call sites never assemble text.
    /// </remarks>
    public static partial class DiagnosticCatalog
    {
        private static Diagnostic Make(DiagnosticDescriptor descriptor, SourceLocation? at, string message) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, message, at);

        private static Diagnostic Make(DiagnosticDescriptor descriptor, SourceLocation? at, SourceLocation also, string message) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, message, at, new[] { also });

        /// <summary>A decimal as the messages write it: invariant, up to four decimals, no trailing zeros.</summary>
        private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

        /// <summary>A count with thousands separators, invariant.</summary>
        private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    }
}
