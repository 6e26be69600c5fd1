using System;
using ProgramDsl.Text;
using LspPosition = OmniSharp.Extensions.LanguageServer.Protocol.Models.Position;
using LspRange = OmniSharp.Extensions.LanguageServer.Protocol.Models.Range;

namespace ProgramDsl.LanguageServer.Protocol
{
    /// <summary>
    /// Positions between the compiler (offsets; 1-based lines and columns) and the protocol (0-based lines, UTF-16
    /// columns). .NET strings are UTF-16 and the compiler breaks lines at \n, \r\n and \r as the protocol does, so a
    /// column is the offset from the line's start, with no re-encoding.
    /// </summary>
    public static class LspText
    {
        /// <summary>The protocol position of an offset in a text.</summary>
        public static LspPosition PositionOf(SourceText source, int offset)
        {
            var at = source.GetLinePosition(offset);
            return new LspPosition(at.Line - 1, at.Column - 1);
        }

        /// <summary>The protocol range of a span.</summary>
        public static LspRange RangeOf(SourceText source, TextSpan span) => new LspRange(PositionOf(source, span.Start), PositionOf(source, span.End));

        /// <summary>The protocol range of a location.</summary>
        public static LspRange RangeOf(SourceLocation location) => RangeOf(location.Source, location.Span);

        /// <summary>The offset of a protocol position, clamped to the text (a position past a line's end is its end).</summary>
        public static int OffsetOf(SourceText source, LspPosition position) => OffsetOf(source.Text, source, position.Line, position.Character);

        /// <summary>The offset of a 0-based line and UTF-16 column in <paramref name="text"/>, clamped.</summary>
        public static int OffsetOf(string text, int line, int character) => OffsetOf(text, new SourceText(string.Empty, text), line, character);

        private static int OffsetOf(string text, SourceText source, int line, int character)
        {
            if (line < 0) return 0;
            if (line >= source.LineCount) return text.Length;
            var start = source.GetLineStart(line + 1);
            var end = line + 1 < source.LineCount ? source.GetLineStart(line + 2) : text.Length;
            // The line's own end, before its line break.
            while (end > start && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
            return start + Math.Max(0, Math.Min(character, end - start));
        }
    }
}
