using System.Collections.Generic;
using ProgramDsl.Text;

namespace ProgramDsl.Syntax
{
    /// <summary>A comment of a plan's text.</summary>
    public readonly struct CommentSpan
    {
        /// <summary>Creates a comment.</summary>
        public CommentSpan(TextSpan span, bool isLine)
        {
            Span = span;
            IsLine = isLine;
        }

        /// <summary>Where it is, from <c>//</c> or <c>/*</c> to its end (a line comment stops before the line break).</summary>
        public TextSpan Span { get; }

        /// <summary>True for <c>//</c>.</summary>
        public bool IsLine { get; }
    }

    /// <summary>The comments of a text, found with the lexer's own scanners (a <c>//</c> inside a string is no comment), for editors (folding, colouring).</summary>
    public static class CommentScanner
    {
        /// <summary>Every comment, in text order; an unterminated block comment runs to the end of the text.</summary>
        public static IReadOnlyList<CommentSpan> Comments(string text) => new List<CommentSpan>(Scan(text));

        /// <summary>The comment holding <paramref name="offset"/>, or null; the scan stops at it.</summary>
        public static TextSpan? CommentAt(string text, int offset)
        {
            foreach (var comment in Scan(text))
            {
                if (comment.Span.Start > offset) return null;
                if (offset < comment.Span.End) return comment.Span;
            }

            return null;
        }

        private static IEnumerable<CommentSpan> Scan(string text)
        {
            int p = 0;
            while (p < text.Length)
            {
                char c = text[p];
                if (c == '"')
                {
                    int end = Lexer.ScanString(text, p, out _, out _, out _);
                    if (end <= p)
                    {
                        // An unclosed string ends at its line, as the lexer reports it.
                        end = p + 1;
                        while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
                    }

                    p = end;
                    continue;
                }

                if (c == '/' && Lexer.StartsComment(text, p))
                {
                    int end = Lexer.ScanComment(text, p, out bool isLine, out bool unterminated);
                    if (end < 0) end = unterminated ? text.Length : p + 2;
                    yield return new CommentSpan(TextSpan.FromBounds(p, end), isLine);
                    p = end;
                    continue;
                }

                p++;
            }
        }
    }
}
