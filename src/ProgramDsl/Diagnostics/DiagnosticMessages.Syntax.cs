using System.Globalization;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Syntax messages (TPM0001) that the parser makes itself; the grammar's own failure texts still reach it as strings.
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM0001: a control or invisible (format) character in the program text.</summary>
        public static Diagnostic StrayCharacter(SourceLocation at, char c, bool isControl)
        {
            var code = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            return Make(SyntaxError, at, isControl
                ? "control character " + code + " in the program text; delete it (it may come from a binary file or a broken copy)"
                : "invisible character " + code + " in the program text; delete it (it may be pasted from a web page or a word processor)");
        }

        /// <summary>TPM0001: the parser stops after <paramref name="limit"/> errors.</summary>
        public static Diagnostic TooManySyntaxErrors(SourceLocation at, int limit) =>
            Make(SyntaxError, at, "too many syntax errors (" + limit.ToString(CultureInfo.InvariantCulture) + "); parsing stopped here");

        /// <summary>TPM0001: a block left open at the end of the file, reported at its brace.</summary>
        public static Diagnostic BlockNeverClosed(SourceLocation at, string keyword, string name) =>
            Make(SyntaxError, at, "'{' of " + keyword + " '" + name + "' is never closed; expected '}' before the end of the file");
    }
}
