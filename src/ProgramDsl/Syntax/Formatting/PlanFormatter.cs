using System;
using System.Collections.Generic;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Syntax.Formatting
{
    /// <summary>The outcome of <see cref="PlanFormatter.Format(SourceText)"/>.</summary>
    public sealed class FormatResult
    {
        internal FormatResult(string? text, bool changed, IReadOnlyList<Diagnostic> diagnostics, bool off = false)
        {
            Text = text;
            Changed = changed;
            Diagnostics = diagnostics;
            IsOff = off;
        }

        /// <summary>True when the file asks to be left as written (<see cref="PlanFormatter.OffDirective"/>); <see cref="Text"/> is the input.</summary>
        public bool IsOff { get; }

        /// <summary>The formatted text, or null when the file was refused (see <see cref="Diagnostics"/>).</summary>
        public string? Text { get; }

        /// <summary>True when the formatted text differs from the input.</summary>
        public bool Changed { get; }

        /// <summary>Why the file was refused: its syntax errors (TPM0001) or limits (TPM1007); empty on success.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>True when the file was formatted.</summary>
        public bool Succeeded => Text != null;
    }

    /// <summary>
    /// The canonical layout of a <c>.tpm</c> file (<c>tpm fmt</c>): text in, text out, with every token and comment kept.
    /// </summary>
    /// <remarks>
    /// <para>The rules: two spaces of indentation per block level; one statement per line; one space between the tokens
    /// of a statement, none before a comma; statement separators (<c>;</c>) dropped; runs of blank lines collapsed to one,
    /// none at the start or end of the file, right after a <c>{</c> or before a <c>}</c>. A block written on one line that
    /// holds no comment and no nested block, and is at most <see cref="MaxOneLineBlockLength"/> characters long from its
    /// keyword to its <c>}</c>, stays on one line as <c>{ stmt  stmt }</c>. Comments keep their place: one after code stays
    /// at the end of that line; one on its own line stays on its own line, indented as the statement that follows. Every
    /// token is copied as written (numbers, strings, dates, ranges), and text written without a space (<c>ss+2d</c>,
    /// <c>mon..fri</c>) stays so. The file's line ending (LF or CRLF, from its first line break) is kept; the text ends
    /// with one line break.</para>
    /// <para>A file with syntax errors is not formatted: its diagnostics are returned. A file whose comments before its
    /// first statement hold <see cref="OffDirective"/> is left as written, parsed or not (a deliberately broken example,
    /// generated text). The layout is one linear pass over
    /// the text, guided by the syntax tree and walked with an explicit stack; it is idempotent.</para>
    /// </remarks>
    public static class PlanFormatter
    {
        /// <summary>The longest block, from its keyword to its closing brace, kept on one line.</summary>
        public const int MaxOneLineBlockLength = 120;

        /// <summary>Written in a comment before the first statement, leaves the file as it is: <c>// tpm fmt: off</c>.</summary>
        public const string OffDirective = "tpm fmt: off";

        /// <summary>Spaces of indentation per block level.</summary>
        public const int IndentSize = 2;

        /// <summary>Extra indentation of a statement's continuation lines (after a comment that ends a line).</summary>
        public const int ContinuationIndent = 4;

        /// <summary>
        /// A statement whose line would pass this many characters continues on the next line (after a comma where it is a
        /// list): a list written over many lines must not join into a line past <see cref="InputLimits.MaxLineLength"/>.
        /// </summary>
        public const int WrapWidth = 10_000;

        /// <summary>Formats one file (a program or a fragment of members).</summary>
        public static FormatResult Format(SourceText source)
        {
            if (source is null) throw new ArgumentNullException(nameof(source));
            if (IsOff(source.Text)) return new FormatResult(source.Text, false, Array.Empty<Diagnostic>(), off: true);
            return Format(SyntaxTree.Parse(source));
        }

        /// <summary>Formats a parsed file; a tree with diagnostics is refused with them.</summary>
        public static FormatResult Format(SyntaxTree tree)
        {
            if (tree is null) throw new ArgumentNullException(nameof(tree));
            if (IsOff(tree.Source.Text)) return new FormatResult(tree.Source.Text, false, Array.Empty<Diagnostic>(), off: true);
            if (tree.Diagnostics.Count > 0) return new FormatResult(null, false, tree.Diagnostics);
            var source = tree.Source;
            // Indentation adds characters: a file just within the limit could grow past it and no longer be read. The
            // writer stops as soon as its output passes the limit, so a hostile file (deeply indented one-character
            // lines) cannot make it build gigabytes first.
            var text = new LayoutWriter(source.Text, tree.Root.Statements).Run();
            if (text is null) return Refused(DiagnosticCatalog.FormattedTextTooLong(new SourceLocation(source, new TextSpan(0, 0))));
            if (string.Equals(text, source.Text, StringComparison.Ordinal)) return new FormatResult(text, false, Array.Empty<Diagnostic>());

            // The layout only moves white space and drops separators; the parse of its output is checked anyway, so that a
            // file is never rewritten into one that means something else or breaks a limit.
            var check = SyntaxTree.Parse(new SourceText(source.Path, text));
            if (check.Diagnostics.Count > 0)
            {
                var first = check.Diagnostics[0];
                return Refused(DiagnosticCatalog.FormattedTextWouldNotCompile(new SourceLocation(source, new TextSpan(0, 0)), first));
            }

            if (!SameStructure(tree.Root.Statements, check.Root.Statements))
            {
                throw new InvalidOperationException("the formatted text of '" + source.Path + "' parses into other statements");
            }

            return new FormatResult(text, true, Array.Empty<Diagnostic>());
        }

        /// <summary>A refusal at the start of the file: the file is left as it is.</summary>
        internal static FormatResult Refused(Diagnostic diagnostic) => new FormatResult(null, false, new[] { diagnostic });

        /// <summary>Formats a text; a convenience for tests and tools.</summary>
        public static FormatResult Format(string text, string path = "plan.tpm") => Format(new SourceText(path, text));

        // The directive as a word of its own: '// tpm fmt: offline notes' does not turn formatting off.
        private static bool HoldsDirective(string text, int start, int end)
        {
            for (int at = text.IndexOf(OffDirective, start, end - start, StringComparison.Ordinal); at >= 0;
                 at = at + 1 < end ? text.IndexOf(OffDirective, at + 1, end - at - 1, StringComparison.Ordinal) : -1)
            {
                int after = at + OffDirective.Length;
                if (after >= end || !char.IsLetterOrDigit(text[after]) && text[after] != '_' && text[after] != '-') return true;
            }

            return false;
        }

        /// <summary>True when a comment before the first token holds <see cref="OffDirective"/>.</summary>
        public static bool IsOff(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            int p = 0;
            while (p < text.Length)
            {
                if (Lexer.IsSpaceTrivia(text[p]))
                {
                    p++;
                    continue;
                }

                int end = Lexer.ScanComment(text, p, out _, out _);
                if (end < 0) return false;
                if (HoldsDirective(text, p, end)) return true;
                p = end;
            }

            return false;
        }

        /// <summary>The same statements, kinds and nesting, in the same order (walked without recursion).</summary>
        private static bool SameStructure(IReadOnlyList<StatementSyntax> a, IReadOnlyList<StatementSyntax> b)
        {
            var stack = new Stack<(IReadOnlyList<StatementSyntax>, IReadOnlyList<StatementSyntax>)>();
            stack.Push((a, b));
            while (stack.Count > 0)
            {
                var (x, y) = stack.Pop();
                if (x.Count != y.Count) return false;
                for (int i = 0; i < x.Count; i++)
                {
                    var s = x[i];
                    var t = y[i];
                    if (s.GetType() != t.GetType() || !string.Equals(s.KeywordText, t.KeywordText, StringComparison.Ordinal)) return false;
                    if (s is PropertySyntax p && p.Values.Count != ((PropertySyntax)t).Values.Count) return false;
                    if (s is DeclarationSyntax d)
                    {
                        var e = (DeclarationSyntax)t;
                        if (d.OpenBrace.HasValue != e.OpenBrace.HasValue || !string.Equals(d.Name.Text, e.Name.Text, StringComparison.Ordinal)) return false;
                        stack.Push((d.Body, e.Body));
                    }

                    if (s is ProgramEntrySyntax entry)
                    {
                        var other = (ProgramEntrySyntax)t;
                        if (entry.OpenBrace.HasValue != other.OpenBrace.HasValue || !string.Equals(entry.Path.Value, other.Path.Value, StringComparison.Ordinal)) return false;
                        stack.Push((entry.Body, other.Body));
                    }
                }
            }

            return true;
        }
    }
}
