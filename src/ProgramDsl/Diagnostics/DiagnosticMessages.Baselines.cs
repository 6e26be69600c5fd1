using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Baselines (TPM1104): messages about a baseline file name its fields (tasks[3].start) and never quote its values,
    // for the same reason read errors never quote a file: the file may not be what it claims, and logs are public.
    public static partial class DiagnosticCatalog
    {
        private const string SaveAgain = "; write baselines with 'tpm baseline save' rather than by hand";

        /// <summary>TPM1104: the library build cannot read baselines (netstandard2.0 has no JSON reader).</summary>
        public static Diagnostic BaselineNotSupportedHere(SourceLocation at) =>
            Make(BaselineUnreadable, at, "this build of the ProgramDsl library does not read baselines; they are read by the tpm tool, the build and the language server");

        /// <summary>TPM1104: a baseline file longer than <paramref name="limit"/> characters.</summary>
        public static Diagnostic BaselineTooLong(SourceLocation at, long limit) =>
            Make(BaselineUnreadable, at, "the baseline is longer than the limit of " + Count(limit) + " characters and is not read");

        /// <summary>TPM1104: text that is not well-formed JSON at <paramref name="at"/>.</summary>
        public static Diagnostic BaselineNotJson(SourceLocation at) =>
            Make(BaselineUnreadable, at, "the baseline is not well-formed JSON here" + SaveAgain);

        /// <summary>TPM1104: JSON whose top value is not an object.</summary>
        public static Diagnostic BaselineNotObject(SourceLocation at) =>
            Make(BaselineUnreadable, at, "a baseline is a JSON object, and this is not one" + SaveAgain);

        /// <summary>TPM1104: JSON nested deeper than a baseline ever is.</summary>
        public static Diagnostic BaselineTooDeep(SourceLocation at, int limit) =>
            Make(BaselineUnreadable, at, "the baseline nests objects and arrays deeper than the limit of " + Count(limit) + SaveAgain);

        /// <summary>TPM1104: a baseline without <c>format_version</c>.</summary>
        public static Diagnostic BaselineWithoutVersion(SourceLocation at, int supported) =>
            Make(BaselineUnreadable, at, "the baseline has no 'format_version'; this build reads format_version " + Count(supported) + SaveAgain);

        /// <summary>TPM1104: a <c>format_version</c> this build does not read; <paramref name="found"/> is null when it is not a whole number.</summary>
        public static Diagnostic BaselineUnsupportedVersion(SourceLocation at, long? found, int supported) =>
            Make(BaselineUnreadable, at, (found is long f ? "the baseline is format_version " + f.ToString(System.Globalization.CultureInfo.InvariantCulture) : "the baseline's 'format_version' is not a whole number") +
                "; this build reads format_version " + Count(supported) +
                (found > supported ? "; update tpm, or save the baseline again with this version" : "; save the baseline again with 'tpm baseline save'"));

        /// <summary>TPM1104: a field of the wrong JSON type or form: <paramref name="expected"/> says what it must be ("a date \"YYYY-MM-DD\"").</summary>
        public static Diagnostic BaselineWrongValue(SourceLocation at, string field, string expected) =>
            Make(BaselineUnreadable, at, "'" + field + "' must be " + expected + SaveAgain);

        /// <summary>TPM1104: a required field that is missing from the object at <paramref name="at"/>.</summary>
        public static Diagnostic BaselineMissingField(SourceLocation at, string field) =>
            Make(BaselineUnreadable, at, "'" + field + "' is missing" + SaveAgain);

        /// <summary>TPM1104: a field given twice in one object.</summary>
        public static Diagnostic BaselineRepeatedField(SourceLocation at, string field) =>
            Make(BaselineUnreadable, at, "'" + field + "' is given twice" + SaveAgain);

        /// <summary>TPM1104: an item whose id an earlier item has.</summary>
        public static Diagnostic BaselineDuplicateId(SourceLocation at, string field, string firstField, SourceLocation first) =>
            Make(BaselineUnreadable, at, first, "'" + field + "' is the same id as '" + firstField + "' (line " + Count(first.Start.Line) + "); each task and milestone appears once" + SaveAgain);

        /// <summary>TPM1104: a critical-path id that no item of the baseline has.</summary>
        public static Diagnostic BaselineUnknownCriticalId(SourceLocation at, string field) =>
            Make(BaselineUnreadable, at, "'" + field + "' names no task or milestone of the baseline" + SaveAgain);

        /// <summary>TPM1104: more entries in a list than <paramref name="limit"/>.</summary>
        public static Diagnostic BaselineTooMany(SourceLocation at, string field, int limit) =>
            Make(BaselineUnreadable, at, "'" + field + "' has more entries than the limit of " + Count(limit) + "; this is the first past it");
    }
}
