using System;
using System.Collections.Generic;

namespace ProgramDsl.Text
{
    /// <summary>A half-open range of character offsets into a source text.</summary>
    public readonly struct TextSpan : IEquatable<TextSpan>
    {
        /// <summary>Creates a span from a start offset and a length.</summary>
        public TextSpan(int start, int length)
        {
            Start = start;
            Length = length < 0 ? 0 : length;
        }

        /// <summary>Offset of the first character.</summary>
        public int Start { get; }

        /// <summary>Number of characters covered.</summary>
        public int Length { get; }

        /// <summary>Offset just past the last character.</summary>
        public int End => Start + Length;

        /// <summary>Creates the span from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
        public static TextSpan FromBounds(int start, int end) => new TextSpan(start, end - start);

        /// <summary>The smallest span covering both.</summary>
        public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

        /// <inheritdoc />
        public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => unchecked((Start * 397) ^ Length);

        /// <inheritdoc />
        public override string ToString() => $"[{Start}..{End})";
    }

    /// <summary>A 1-based line and column.</summary>
    public readonly struct LinePosition : IEquatable<LinePosition>
    {
        /// <summary>Creates a position.</summary>
        public LinePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        /// <summary>1-based line number.</summary>
        public int Line { get; }

        /// <summary>1-based column (in UTF-16 code units).</summary>
        public int Column { get; }

        /// <inheritdoc />
        public bool Equals(LinePosition other) => Line == other.Line && Column == other.Column;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is LinePosition other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => unchecked((Line * 397) ^ Column);

        /// <inheritdoc />
        public override string ToString() => $"({Line},{Column})";
    }

    /// <summary>The text of one source file, with its path and a line index for offset-to-position mapping.</summary>
    public sealed class SourceText
    {
        private int[]? _lineStarts;
        private object? _lineStartsLock;
        private bool _lineStartsReady;

        /// <summary>Creates a source text.</summary>
        /// <param name="path">The path used in diagnostics (as the user gave it, or relative to the including file).</param>
        /// <param name="text">The file contents.</param>
        public SourceText(string path, string text)
        {
            Path = path ?? throw new ArgumentNullException(nameof(path));
            Text = text ?? throw new ArgumentNullException(nameof(text));
        }

        /// <summary>The path used in diagnostics.</summary>
        public string Path { get; }

        /// <summary>The contents.</summary>
        public string Text { get; }

        /// <summary>Number of characters.</summary>
        public int Length => Text.Length;

        /// <summary>Number of lines (a file without a newline has one).</summary>
        public int LineCount => LineStarts.Length;

        // Built once even when parallel binders ask for positions at the same time (a large file's table is megabytes).
        private int[] LineStarts => System.Threading.LazyInitializer.EnsureInitialized(ref _lineStarts, ref _lineStartsReady, ref _lineStartsLock, () => ComputeLineStarts(Text))!;

        /// <summary>The 1-based line and column of an offset (clamped to the text).</summary>
        public LinePosition GetLinePosition(int offset)
        {
            if (offset < 0) offset = 0;
            if (offset > Text.Length) offset = Text.Length;
            var starts = LineStarts;
            int index = Array.BinarySearch(starts, offset);
            if (index < 0) index = ~index - 1;
            return new LinePosition(index + 1, offset - starts[index] + 1);
        }

        /// <summary>The offset where a 1-based line starts.</summary>
        public int GetLineStart(int line)
        {
            var starts = LineStarts;
            if (line < 1) return 0;
            if (line > starts.Length) return Text.Length;
            return starts[line - 1];
        }

        /// <summary>The text covered by a span.</summary>
        public string ToString(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));

        private static int[] ComputeLineStarts(string text)
        {
            var starts = new List<int> { 0 };
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            return starts.ToArray();
        }
    }

    /// <summary>
    /// Where something is: a file and a span in it, with 1-based start and end positions computed on demand.
    /// A small value: the model of a large plan holds several per task.
    /// </summary>
    public readonly struct SourceLocation : IEquatable<SourceLocation>
    {
        /// <summary>Creates a location in a source text.</summary>
        public SourceLocation(SourceText source, TextSpan span)
        {
            Source = source ?? throw new ArgumentNullException(nameof(source));
            Span = span;
        }

        /// <summary>The source text.</summary>
        public SourceText Source { get; }

        /// <summary>The file path.</summary>
        public string Path => Source.Path;

        /// <summary>The character span.</summary>
        public TextSpan Span { get; }

        /// <summary>1-based start position.</summary>
        public LinePosition Start => Source.GetLinePosition(Span.Start);

        /// <summary>1-based end position (just past the span).</summary>
        public LinePosition End => Source.GetLinePosition(Span.End);

        /// <summary>The covered text.</summary>
        public string Text => Source.ToString(Span);

        /// <inheritdoc />
        public bool Equals(SourceLocation other) => ReferenceEquals(Source, other.Source) && Span.Equals(other.Span);

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is SourceLocation other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => Span.GetHashCode();

        /// <inheritdoc />
        public override string ToString() => Source is null ? "(none)" : $"{Path}({Start.Line},{Start.Column})";
    }
}
