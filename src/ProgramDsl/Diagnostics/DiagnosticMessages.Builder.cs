using System;
using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Syntax;

namespace ProgramDsl.Diagnostics
{
    // Builder analyzer messages (TPM5001-TPM5009). The analyzer places them in C# code, so they carry no SourceLocation:
    // it takes the code and the message of the returned diagnostic and reports them at its own location.
    public static partial class DiagnosticCatalog
    {
        /// <summary>TPM5001: a builder reference to an id the plan never defines; suggests the closest defined id.</summary>
        public static Diagnostic BuilderUnknown(string noun, string id, string? suggestion) =>
            Make(BuilderUnknownId, null, BuilderUnknownId.FormatMessage(noun, id, suggestion is null ? "; define it or fix the id" : "; did you mean '" + suggestion + "'?"));

        /// <summary>TPM5002: an id defined twice in one scope; <paramref name="scope"/> is "the program", "this workstream" or "workstream 'x'".</summary>
        public static Diagnostic BuilderDuplicate(string id, string firstKind, string scope) =>
            Make(BuilderDuplicateId, null, BuilderDuplicateId.FormatMessage(id, Article(firstKind), scope));

        /// <summary>TPM5003: a task or milestone (<paramref name="kind"/>) after itself.</summary>
        public static Diagnostic BuilderAfterItself(string kind, string? id) =>
            Make(BuilderSelfDependency, null, BuilderSelfDependency.FormatMessage(kind, id));

        /// <summary>TPM5004: After calls in a loop, by the ids along it.</summary>
        public static Diagnostic BuilderCycle(IEnumerable<string> ids) =>
            Make(BuilderDependencyCycle, null, BuilderDependencyCycle.FormatMessage(string.Join(" → ", ids)));

        /// <summary>TPM5005: a builder (by its id or expression) never built, rendered or passed on.</summary>
        public static Diagnostic BuilderUnused(string builder) =>
            Make(BuilderResultUnused, null, BuilderResultUnused.FormatMessage(builder));

        /// <summary>TPM5006: a date read from the clock (<paramref name="expression"/>) passed to <paramref name="method"/>.</summary>
        public static Diagnostic BuilderDateFromClock(string expression, string method) =>
            Make(BuilderClockDate, null, BuilderClockDate.FormatMessage(expression, method));

        /// <summary>TPM5008: a task given Effort or Duration after <paramref name="firstMethod"/> ("Effort" or "Duration").</summary>
        public static Diagnostic BuilderWorkTwice(string task, string firstMethod) =>
            Make(BuilderConflictingWork, null, BuilderConflictingWork.FormatMessage(task, firstMethod == "Effort" ? "an Effort" : "a Duration"));

        /// <summary>TPM5009: a builder task without work.</summary>
        public static Diagnostic BuilderWithoutWork(string task) =>
            Make(BuilderNoWork, null, BuilderNoWork.FormatMessage(task));

        /// <summary>TPM5007: a constant below zero where <paramref name="what"/> must be 0 or more.</summary>
        public static Diagnostic BuilderNegative(string what, object? constant, string fix) =>
            Make(BuilderInvalidValue, null, what + " must be a number of 0 or more, not " + Constant(constant) + "; " + fix);

        /// <summary>TPM5007: a constant outside <paramref name="range"/>, the compiler's rule for the statement.</summary>
        public static Diagnostic BuilderOutOfRange(ValueRange range, object? constant, string hint) =>
            Make(BuilderInvalidValue, null, range.Rule + ", not " + Constant(constant) + "; " + hint);

        /// <summary>TPM5007: a negative estimate value.</summary>
        public static Diagnostic BuilderNegativeEstimate(object? constant) =>
            Make(BuilderInvalidValue, null, "an estimate must be a number of days of 0 or more, not " + Constant(constant) + "; give optimistic, most likely and pessimistic days");

        /// <summary>TPM5007: estimate values out of order.</summary>
        public static Diagnostic BuilderEstimateNotOrdered(double optimistic, double likely, double pessimistic) =>
            Make(BuilderInvalidValue, null, "an estimate is optimistic ≤ most likely ≤ pessimistic, and " + Constant(optimistic) + ", " + Constant(likely) + ", " + Constant(pessimistic) + " is not in that order; reorder the values");

        /// <summary>TPM5007: a date string that is not yyyy-MM-dd.</summary>
        public static Diagnostic BuilderInvalidDate(string text) =>
            Make(BuilderInvalidValue, null, "'" + text + "' is not a valid date; write it as yyyy-MM-dd, such as \"2027-01-04\"");

        /// <summary>TPM5007: a vacation whose last day is before its first.</summary>
        public static Diagnostic BuilderVacationReversed(DateTime from, DateTime to) =>
            Make(BuilderInvalidValue, null, "the vacation " + from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".." + to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " ends before it starts; give the first day, then the last");

        /// <summary>"a task", "an effort": the kind word with its article.</summary>
        private static string Article(string kind) => ("aeiou".IndexOf(kind[0]) >= 0 ? "an " : "a ") + kind;

        /// <summary>A C# constant as the builder messages write it: round-trip doubles, invariant culture.</summary>
        private static string Constant(object? value) => value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value?.ToString() ?? "null",
        };
    }
}
