using System;
using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Formatting
{
    /// <summary>A replacement of a span of the original text.</summary>
    public readonly struct TextChange
    {
        /// <summary>Creates a change.</summary>
        public TextChange(TextSpan span, string newText)
        {
            Span = span;
            NewText = newText;
        }

        /// <summary>The span of the original text replaced.</summary>
        public TextSpan Span { get; }

        /// <summary>What replaces it.</summary>
        public string NewText { get; }

        /// <inheritdoc />
        public override string ToString() => Span + " -> \"" + NewText.Replace("\n", "\\n") + "\"";
    }

    /// <summary>
    /// Formatting through <c>tpm fmt</c>'s formatter (<see cref="PlanFormatter"/>) as minimal edits: the formatter only moves
    /// white space and drops statement separators (<c>;</c>), so the old and new texts are aligned token by token and each
    /// run of white space (and separators) that differs becomes one edit. A text with syntax errors, or one the formatter
    /// leaves alone (<c>// tpm fmt: off</c>), gets no edits.
    /// </summary>
    /// <remarks>
    /// Range formatting: the formatter lays out whole files, so a range is served by formatting the whole text and keeping
    /// the edits that fall in what the range touches: the smallest declaration holding the whole range in its braces
    /// (a task, a workstream), else the statements the range overlaps; the white space before it is included, after it not.
    /// </remarks>
    public static class FormattingService
    {
        /// <summary>The edits that turn <paramref name="text"/> into its <c>tpm fmt</c> layout (empty when it is already so or cannot be formatted).</summary>
        public static IReadOnlyList<TextChange> Format(string path, string text)
        {
            var result = PlanFormatter.Format(new SourceText(path, text));
            if (!result.Succeeded || !result.Changed || result.Text is null) return Array.Empty<TextChange>();
            return Diff(text, result.Text);
        }

        /// <summary>The edits of <see cref="Format"/> that fall in the statements overlapping <paramref name="range"/>.</summary>
        public static IReadOnlyList<TextChange> FormatRange(string path, string text, TextSpan range)
        {
            var source = new SourceText(path, text);
            var tree = SyntaxTree.Parse(source);
            if (tree.Diagnostics.Count > 0) return Array.Empty<TextChange>();
            var result = PlanFormatter.Format(tree);
            if (!result.Succeeded || !result.Changed || result.Text is null) return Array.Empty<TextChange>();
            var within = StatementsOverlapping(tree, range);
            var kept = new List<TextChange>();
            // Judged by the whole run of white space an edit came from: trimming may move an edit off the statement it indents.
            foreach (var (gap, edit) in Gaps(text, result.Text))
            {
                if (gap.End >= within.Start && gap.Start < within.End) kept.Add(edit);
            }

            return kept;
        }

        /// <summary>
        /// What a range formats: the smallest declaration (other than the program) that holds the whole range inside its
        /// braces, header and closing brace included; else the statements the range overlaps in the innermost block
        /// holding it (walked iteratively).
        /// </summary>
        private static TextSpan StatementsOverlapping(SyntaxTree tree, TextSpan range)
        {
            IReadOnlyList<StatementSyntax> statements = tree.Root.Statements;
            TextSpan? holder = null;
            while (true)
            {
                int first = -1, last = -1;
                for (int i = 0; i < statements.Count; i++)
                {
                    var span = statements[i].Span;
                    if (span.End < range.Start || span.Start > range.End) continue;
                    if (first < 0) first = i;
                    last = i;
                }

                if (first < 0) return holder ?? range;
                if (first == last && statements[first] is DeclarationSyntax d && d.OpenBrace is TextSpan open && d.CloseBrace is TextSpan close &&
                    range.Start >= open.End && range.End <= close.Start)
                {
                    if (d.Kind != DeclarationKind.Program) holder = d.Span;
                    statements = d.Body;
                    continue;
                }

                return holder ?? TextSpan.FromBounds(statements[first].Span.Start, statements[last].Span.End);
            }
        }

        private static bool IsGap(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ';';

        /// <summary>
        /// Minimal edits from <paramref name="before"/> to <paramref name="after"/> when they differ only in runs of white
        /// space and separators; one edit of the differing middle otherwise (never expected, always correct).
        /// </summary>
        public static IReadOnlyList<TextChange> Diff(string before, string after)
        {
            var gaps = Gaps(before, after);
            var edits = new TextChange[gaps.Count];
            for (int k = 0; k < edits.Length; k++) edits[k] = gaps[k].Edit;
            return edits;
        }

        /// <summary>The edits of <see cref="Diff"/>, each with the whole run of white space of the original it came from.</summary>
        private static IReadOnlyList<(TextSpan Gap, TextChange Edit)> Gaps(string before, string after)
        {
            var edits = new List<(TextSpan, TextChange)>();
            int i = 0, j = 0;
            while (i < before.Length || j < after.Length)
            {
                int gi = i, gj = j;
                while (gi < before.Length && IsGap(before[gi])) gi++;
                while (gj < after.Length && IsGap(after[gj])) gj++;
                if (gi - i != gj - j || string.CompareOrdinal(before, i, after, j, gi - i) != 0) edits.Add((TextSpan.FromBounds(i, gi), Trimmed(before, i, gi, after, j, gj)));
                i = gi;
                j = gj;
                int si = i, sj = j;
                while (i < before.Length && j < after.Length && !IsGap(before[i]) && before[i] == after[j])
                {
                    i++;
                    j++;
                }

                bool tokenEnds = (i == before.Length || IsGap(before[i])) && (j == after.Length || IsGap(after[j]));
                if (!tokenEnds) return new[] { (new TextSpan(0, before.Length), Middle(before, after)) };
                if (i == si && j == sj && (i < before.Length || j < after.Length)) return new[] { (new TextSpan(0, before.Length), Middle(before, after)) };
            }

            return edits;
        }

        /// <summary>The edit of one gap, without the characters both sides share at its ends.</summary>
        private static TextChange Trimmed(string before, int start, int end, string after, int newStart, int newEnd)
        {
            while (start < end && newStart < newEnd && before[start] == after[newStart])
            {
                start++;
                newStart++;
            }

            while (end > start && newEnd > newStart && before[end - 1] == after[newEnd - 1])
            {
                end--;
                newEnd--;
            }

            return new TextChange(TextSpan.FromBounds(start, end), after.Substring(newStart, newEnd - newStart));
        }

        private static TextChange Middle(string before, string after) => Trimmed(before, 0, before.Length, after, 0, after.Length);
    }
}
