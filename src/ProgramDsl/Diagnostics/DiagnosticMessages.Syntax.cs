using System;
using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Syntax messages (TPM0001). The statement grammar's texts travel as strings in Sprache results (SyntaxMessages below).
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

        /// <summary>TPM0001: a block comment that runs to the end of the file, reported at its <c>/*</c>.</summary>
        public static Diagnostic UnterminatedBlockComment(SourceLocation at) => Make(SyntaxError, at, SyntaxMessages.UnterminatedBlockComment);

        /// <summary>TPM0001: a <c>}</c> with no block open.</summary>
        public static Diagnostic UnexpectedCloseBrace(SourceLocation at) => Make(SyntaxError, at, "unexpected '}': no block is open here");

        /// <summary>
        /// TPM0001: <paramref name="found"/> (a token as <c>Lexer.DescribeTokenAt</c> writes it) where a statement should start,
        /// inside <paramref name="blockKeyword"/> <paramref name="blockName"/>, or at the top of a file when <paramref name="blockKeyword"/> is null.
        /// </summary>
        public static Diagnostic ExpectedStatement(SourceLocation at, string found, string? blockKeyword, string? blockName) =>
            Make(SyntaxError, at, "unexpected " + found + "; expected " +
                (blockKeyword is null ? "'program' or a program member" : "a statement of " + blockKeyword + " '" + blockName + "' or '}'"));

        /// <summary>
        /// TPM0001: <paramref name="word"/> is no statement keyword of the block (<paramref name="blockKeyword"/> null: the top of a file).
        /// Names <paramref name="foreignKeyword"/> when the word is another tool's (<paramref name="tool"/>) for it, else
        /// <paramref name="suggestion"/> when one is close, else lists <paramref name="keywords"/>.
        /// </summary>
        public static Diagnostic UnknownStatement(SourceLocation at, string word, string? blockKeyword, string? blockName,
            string? foreignKeyword, string? tool, string? suggestion, IEnumerable<string> keywords)
        {
            var where = blockKeyword is null ? "at the top of a file" : "in " + blockKeyword + " '" + blockName + "'";
            var head = "unexpected '" + word + "' " + where;
            if (foreignKeyword != null)
            {
                return Make(SyntaxError, at, head + "; did you mean '" + foreignKeyword + "'? ('" + word + "' is " + tool + "'s word; a .tpm plan writes '" + foreignKeyword + "')").Suggesting(foreignKeyword);
            }

            return Make(SyntaxError, at, suggestion != null ? head + "; did you mean '" + suggestion + "'?" : head + "; expected one of: " + string.Join(", ", keywords)).Suggesting(suggestion);
        }

        /// <summary>
        /// TPM0001: a statement's arguments stop at <paramref name="found"/> (a token description, or null for the end of the line)
        /// where one of <paramref name="expected"/> (the grammar's expectations, from <see cref="SyntaxMessages"/>) should follow.
        /// </summary>
        public static Diagnostic ExpectedAfter(SourceLocation at, string? found, IReadOnlyList<string> expected, string statementKeyword) =>
            Make(SyntaxError, at, "unexpected " + (found ?? "end of line") + "; expected " +
                (expected.Count == 0 ? "more" : string.Join(" or ", expected)) + " after '" + statementKeyword + "'");

        /// <summary>
        /// TPM0001: the failure text a statement's grammar returned. The grammar runs as Sprache parsers, whose failure
        /// result carries only a string, so the grammar writes its texts with <see cref="SyntaxMessages"/> and the parser
        /// places them here; any text of Sprache's own passes through unchanged. The one place such a carried text becomes a diagnostic.
        /// </summary>
        public static Diagnostic FromGrammar(SourceLocation at, string message) => Make(SyntaxError, at, message);
    }

    /// <summary>
    /// The words of the syntax errors the statement grammar finds. The grammar reports a failure through a Sprache
    /// result (a message and expectations, no location), so these are texts rather than diagnostics; the parser turns
    /// them into TPM0001 diagnostics with <see cref="DiagnosticCatalog.FromGrammar"/> and <see cref="DiagnosticCatalog.ExpectedAfter"/>.
    /// </summary>
    internal static class SyntaxMessages
    {
        // Expectations: what a statement's grammar wanted where it failed ("expected a name after 'owner'").
        internal static readonly string[] ExpectName = { "a name" };
        internal static readonly string[] ExpectString = { "a string in double quotes" };
        internal static readonly string[] ExpectDate = { "a date (YYYY-MM-DD)" };
        internal static readonly string[] ExpectRangeEnd = { "the last date of the range (YYYY-MM-DD)" };
        internal static readonly string[] ExpectNumber = { "a number" };
        internal static readonly string[] ExpectPercent = { "a percentage such as 80%" };
        internal static readonly string[] ExpectDuration = { "a duration such as 5d, 4h or 2w" };
        internal static readonly string[] ExpectRate = { "a rate such as 950/d or 120/h" };
        internal static readonly string[] ExpectWeekday = { "a weekday (mon, tue, wed, thu, fri, sat, sun)" };
        internal static readonly string[] ExpectComparison = { "a comparison such as >= 0.85" };

        /// <summary>One of the <paramref name="words"/> is required ("'skill' or 'role'").</summary>
        internal static string[] ExpectOneOf(string[] words) => new[] { string.Join(" or ", Array.ConvertAll(words, w => "'" + w + "'")) };

        internal const string UnterminatedBlockComment = "unterminated block comment; close it with '*/'";

        internal const string UnterminatedString = "unterminated string; close it with '\"' on the same line";

        /// <summary>A backslash followed by <paramref name="next"/> ('\0' at the end of the text).</summary>
        internal static string UnknownEscape(char next) =>
            "unknown escape sequence '\\" + (next == '\0' ? string.Empty : next.ToString()) + "'; use \\\", \\\\, \\n or \\t";

        /// <summary>A number <paramref name="written"/> not followed by '/d' or '/h'.</summary>
        internal static string ExpectedRateUnit(string written) => "expected a rate such as " + written + "/d or " + written + "/h";

        /// <summary>A comparison operator with no number after it.</summary>
        internal static string ExpectedNumberAfter(string op) => "expected a number after '" + op + "'";

        /// <summary>A dotted reference <paramref name="written"/> (up to its last '.') with no name after the dot.</summary>
        internal static string ExpectedNameAfterDot(string written) => "expected a name after '.' in '" + written + "'";

        /// <summary>Digits that make no date; <paramref name="found"/> is the token as <c>Lexer.DescribeTokenAt</c> writes it.</summary>
        internal static string InvalidDate(string found) => "invalid date '" + found.Trim('\'') + "'; write dates as YYYY-MM-DD";

        /// <summary>A suffix (<paramref name="found"/>, a token description) after a number where a plain number is expected.</summary>
        internal static string SuffixAfterPlainNumber(string found, string number) =>
            "unexpected " + found + " after the number " + number + "; a plain number is expected here";

        /// <summary>A number <paramref name="written"/> without its '%'.</summary>
        internal static string ExpectedPercentSign(string written) => "expected '%' after " + written + " (a percentage such as 80%)";

        /// <summary>A number <paramref name="written"/> without its duration unit.</summary>
        internal static string ExpectedDurationUnit(string written) =>
            "expected a unit after " + written + ": h (hours), d (working days) or w (weeks), as in " + written + "d";

        /// <summary>A word that is no weekday.</summary>
        internal static string UnknownWeekday(string word) => "unknown weekday '" + word + "'; use mon, tue, wed, thu, fri, sat or sun";

        /// <summary>Digits too many for a decimal; <paramref name="found"/> is the token description.</summary>
        internal static string NumberTooLarge(string found) => "the number " + found + " is too large";
    }
}
