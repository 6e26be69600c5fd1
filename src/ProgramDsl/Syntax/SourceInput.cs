using System;
using System.Collections.Generic;
using ProgramDsl.Text;
using Sprache;

namespace ProgramDsl.Syntax
{
    /// <summary>
    /// Sprache input over a <see cref="SourceText"/>. Unlike Sprache's own input it can jump to any
    /// offset (token parsers scan the string directly and advance once per token, not per character),
    /// computes line and column only when asked, and allocates its memo table lazily.
    /// </summary>
    internal sealed class SourceInput : IInput
    {
        private IDictionary<object, object>? _memos;

        public SourceInput(SourceText text, int position, NameTable names)
        {
            Text = text;
            Position = position;
            Names = names;
        }

        public SourceText Text { get; }

        /// <summary>The parse's identifier table, shared by every input derived from this one.</summary>
        public NameTable Names { get; }

        public string Source => Text.Text;

        public char Current => Position < Text.Text.Length ? Text.Text[Position] : '\0';

        public bool AtEnd => Position >= Text.Text.Length;

        public int Position { get; }

        public int Line => Text.GetLinePosition(Position).Line;

        public int Column => Text.GetLinePosition(Position).Column;

        public IDictionary<object, object> Memos => _memos ??= new Dictionary<object, object>();

        public IInput Advance()
        {
            if (AtEnd) throw new InvalidOperationException("The input is already at the end of the source.");
            return new SourceInput(Text, Position + 1, Names);
        }

        /// <summary>This input moved to an offset (itself when the offset is unchanged, so Sprache sees no progress).</summary>
        public SourceInput At(int position) => position == Position ? this : new SourceInput(Text, position, Names);

        public bool Equals(IInput? other) => other is SourceInput s && ReferenceEquals(s.Text, Text) && s.Position == Position;

        public override bool Equals(object? obj) => Equals(obj as IInput);

        public override int GetHashCode() => Position;

        public override string ToString() => $"offset {Position}";
    }
}
