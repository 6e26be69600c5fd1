using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Semantics;
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
    
        /// <summary>How many ids a TPM2204 message names of each list before "and N more".</summary>
        public const int MaxIdsInBaselineMessage = 5;

        /// <summary>TPM1104: a baseline file the resolver did not supply, at the <c>baseline</c> statement.</summary>
        public static Diagnostic CannotReadBaseline(SourceLocation at, string baseline, SourceReadError error, string resolved) =>
            Make(BaselineUnreadable, at, "cannot read baseline '" + baseline + "': " + error.Message + " (looked for '" + resolved + "')");

        /// <summary>TPM1105: a baseline saved from program <paramref name="baselineProgram"/>, named by program <paramref name="program"/>.</summary>
        public static Diagnostic BaselineOfOtherProgram(SourceLocation at, string baseline, string baselineProgram, string program) =>
            Make(BaselineOfAnotherProgram, at, "baseline '" + baseline + "' was saved from program '" + baselineProgram + "', not from '" + program +
                "'; name a baseline of this program, or save one with 'tpm baseline save'");

        /// <summary>TPM2203: a milestone finishing <paramref name="slipDays"/> working days past its baseline date, more than <paramref name="toleranceDays"/>.</summary>
        public static Diagnostic MilestoneSlippedBy(SourceLocation at, string id, CalendarDate finish, int slipDays, CalendarDate baselineDate, string baseline, decimal toleranceDays) =>
            Make(MilestoneSlipped, at, "milestone '" + id + "' is now on " + finish + ", " + Plural.WorkingDays(slipDays) + " after its baseline date " + baselineDate +
                " (baseline '" + baseline + "'), more than the tolerance of " + Plural.WorkingDays(toleranceDays) +
                "; bring the work back in, or agree the new date and save a new baseline");

        /// <summary>
        /// TPM2204: tasks and milestones added since baseline <paramref name="baseline"/> and removed from the plan, the
        /// first few of each named (<paramref name="added"/>, <paramref name="removed"/>, of <paramref name="addedCount"/> and
        /// <paramref name="removedCount"/>); <paramref name="removedAt"/> are where removed ones are written in the baseline file.
        /// </summary>
        public static Diagnostic BaselineChangedBy(
            SourceLocation at, string baseline, IReadOnlyList<string> added, int addedCount, IReadOnlyList<string> removed, int removedCount, IReadOnlyList<SourceLocation> removedAt)
        {
            string Names(IReadOnlyList<string> ids, int count) =>
                string.Join(", ", ids.Take(MaxIdsInBaselineMessage)) + (count > MaxIdsInBaselineMessage ? " and " + Count(count - MaxIdsInBaselineMessage) + " more" : string.Empty);
            var parts = new List<string>();
            if (addedCount > 0) parts.Add(Count(addedCount) + " added (" + Names(added, addedCount) + ")");
            if (removedCount > 0) parts.Add(Count(removedCount) + " removed (" + Names(removed, removedCount) + ")");
            return new Diagnostic(BaselineChanged, BaselineChanged.DefaultSeverity,
                "since baseline '" + baseline + "', tasks and milestones " + string.Join(" and ", parts) + "; they are not compared with the baseline",
                at, removedAt);
        }
    }
}
