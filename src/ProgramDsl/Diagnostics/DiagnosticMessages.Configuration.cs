using System;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // .globalconfig messages (TPM0002).
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM0002: a section header without its closing bracket.</summary>
        public static Diagnostic ConfigSectionUnclosed(SourceLocation at) =>
            Make(InvalidConfiguration, at, "a section header must end with ']'; the line is ignored");

        /// <summary>TPM0002: a line that is not a <c>key = value</c> entry.</summary>
        public static Diagnostic ConfigNotAnEntry(SourceLocation at) =>
            Make(InvalidConfiguration, at, "this line is not a 'key = value' entry; it is ignored");

        /// <summary>TPM0002: an entry for a code tpm does not have.</summary>
        public static Diagnostic ConfigUnknownCode(SourceLocation at) =>
            Make(InvalidConfiguration, at, "no tpm diagnostic has this code; the entry is ignored");

        /// <summary>TPM0002: a severity word that is not one of the allowed ones.</summary>
        public static Diagnostic ConfigInvalidSeverity(SourceLocation at, string code) =>
            Make(InvalidConfiguration, at, "the severity of " + code + " must be error, warning, suggestion, silent, none or default; the entry is ignored");

        /// <summary>TPM0002: the count of further problems past the reported ones.</summary>
        public static Diagnostic ConfigMoreProblems(SourceLocation at, int unreported) =>
            Make(InvalidConfiguration, at, unreported + " more entries of this file cannot be understood and are ignored");

        /// <summary>
        /// TPM0002: a <c>.globalconfig</c> that is not used; <paramref name="reason"/> completes "this .globalconfig is …"
        /// (a reason ending in "not read" says so itself, any other gets "; it is ignored").
        /// </summary>
        public static Diagnostic ConfigUnusable(SourceLocation at, string reason) =>
            Make(InvalidConfiguration, at, "this .globalconfig is " + reason + (reason.EndsWith("not read", StringComparison.Ordinal) ? string.Empty : "; it is ignored"));
    }
}
