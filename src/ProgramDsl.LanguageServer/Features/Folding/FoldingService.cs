using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.Folding
{
    /// <summary>What a folding range folds.</summary>
    public enum FoldKind
    {
        /// <summary>A block in braces.</summary>
        Block,

        /// <summary>A run of comment lines, or a block comment over several lines.</summary>
        Comment,

        /// <summary>A run of include statements.</summary>
        Imports,
    }

    /// <summary>A range of 0-based lines to fold: the first line stays visible, the lines after it up to <see cref="EndLine"/> fold.</summary>
    public readonly struct Fold
    {
        /// <summary>Creates a fold.</summary>
        public Fold(int startLine, int endLine, FoldKind kind)
        {
            StartLine = startLine;
            EndLine = endLine;
            Kind = kind;
        }

        /// <summary>The line that stays visible (0-based).</summary>
        public int StartLine { get; }

        /// <summary>The last folded line (0-based).</summary>
        public int EndLine { get; }

        /// <summary>What is folded.</summary>
        public FoldKind Kind { get; }

        /// <inheritdoc />
        public override string ToString() => StartLine + "-" + EndLine + " " + Kind;
    }

    /// <summary>
    /// Folding ranges of a plan: each block whose braces are on different lines (from its header's line to the line
    /// before its <c>}</c>, so the brace stays visible), each run of two or more lines holding only <c>//</c> comments and
    /// each block comment over several lines, and each run of two or more consecutive <c>include</c> statements.
    /// </summary>
    public static class FoldingService
    {
        /// <summary>The folds of a tree, in line order.</summary>
        public static IReadOnlyList<Fold> Folds(SyntaxTree tree)
        {
            var source = tree.Source;
            var folds = new List<Fold>();
            int Line(int offset) => source.GetLinePosition(offset).Line - 1;

            // Blocks and include runs, walking the statements with a stack (no recursion over nesting).
            var stack = new Stack<IReadOnlyList<StatementSyntax>>();
            stack.Push(tree.Root.Statements);
            while (stack.Count > 0)
            {
                var statements = stack.Pop();
                int runStart = -1, runEnd = -1;
                for (int i = 0; i <= statements.Count; i++)
                {
                    var statement = i < statements.Count ? statements[i] : null;
                    if (statement is IncludeSyntax include)
                    {
                        if (runStart < 0) runStart = Line(include.Span.Start);
                        runEnd = Line(include.Span.End);
                        continue;
                    }

                    if (runStart >= 0 && runEnd > runStart) folds.Add(new Fold(runStart, runEnd, FoldKind.Imports));
                    runStart = -1;
                    if (statement is DeclarationSyntax d && d.OpenBrace is TextSpan open && d.CloseBrace is TextSpan close)
                    {
                        int start = Line(d.Span.Start), end = Line(close.Start) - 1;
                        if (end > start && Line(open.Start) < Line(close.Start)) folds.Add(new Fold(start, end, FoldKind.Block));
                        if (d.Body.Count > 0) stack.Push(d.Body);
                    }
                }
            }

            // Comments: a run of lines that hold only a line comment, or one block comment over several lines.
            var text = source.Text;
            int commentRunStart = -1, commentRunEnd = -1;
            foreach (var comment in CommentScanner.Comments(text))
            {
                int first = Line(comment.Span.Start), last = Line(comment.Span.End);
                if (!comment.IsLine)
                {
                    Flush();
                    if (last > first) folds.Add(new Fold(first, last, FoldKind.Comment));
                    continue;
                }

                if (!OnlyOnItsLine(text, comment.Span)) continue;
                if (commentRunStart >= 0 && first == commentRunEnd + 1)
                {
                    commentRunEnd = first;
                    continue;
                }

                Flush();
                commentRunStart = commentRunEnd = first;
            }

            Flush();
            folds.Sort((a, b) => a.StartLine != b.StartLine ? a.StartLine.CompareTo(b.StartLine) : b.EndLine.CompareTo(a.EndLine));
            return folds;

            void Flush()
            {
                if (commentRunStart >= 0 && commentRunEnd > commentRunStart) folds.Add(new Fold(commentRunStart, commentRunEnd, FoldKind.Comment));
                commentRunStart = commentRunEnd = -1;
            }
        }

        private static bool OnlyOnItsLine(string text, TextSpan span)
        {
            for (int p = span.Start - 1; p >= 0 && text[p] != '\n' && text[p] != '\r'; p--)
            {
                if (text[p] != ' ' && text[p] != '\t' && text[p] != '\uFEFF') return false;
            }

            return true;
        }
    }
}
