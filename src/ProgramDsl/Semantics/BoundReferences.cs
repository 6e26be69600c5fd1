using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// One segment of a reference that name lookup found a symbol for, as the binder met it: <c>data.eda</c> gives
    /// one for <c>data</c> (the workstream) and one for <c>eda</c> (the task). A 24-byte struct in a list: a large
    /// plan has hundreds of thousands of references, and the program keeps them.
    /// </summary>
    internal readonly struct BoundSegment
    {
        private readonly int _segmentAndBinds;

        public BoundSegment(ReferenceSyntax reference, int source, Symbol symbol, int segment, bool binds)
        {
            Reference = reference;
            SourceIndex = source;
            Symbol = symbol;
            _segmentAndBinds = (segment << 1) | (binds ? 1 : 0);
        }

        /// <summary>The reference the segment belongs to.</summary>
        public ReferenceSyntax Reference { get; }

        /// <summary>The file the reference is in, as an index into <see cref="BoundReferences.Sources"/>.</summary>
        public int SourceIndex { get; }

        /// <summary>What lookup found for the segment.</summary>
        public Symbol Symbol { get; }

        /// <summary>The segment's index in the reference.</summary>
        public int Segment => _segmentAndBinds >> 1;

        /// <summary>True for the last segment when the whole reference bound to <see cref="Symbol"/> (its kind was one the statement expects).</summary>
        public bool Binds => (_segmentAndBinds & 1) != 0;

        /// <summary>The segment's span (segments are contiguous, one '.' apart).</summary>
        public TextSpan Span
        {
            get
            {
                int start = Reference.Span.Start;
                for (int i = 0; i < Segment; i++) start += Reference.SegmentText(i).Length + 1;
                return new TextSpan(start, Reference.SegmentText(Segment).Length);
            }
        }
    }

    /// <summary>What binding kept for tools: the program's declaration and each reference segment's symbol, in binding order.</summary>
    internal sealed class BoundReferences
    {
        public BoundReferences(DeclarationSyntax programDeclaration, IReadOnlyList<SourceText> sources, IReadOnlyList<BoundSegment> segments)
        {
            ProgramDeclaration = programDeclaration;
            Sources = sources;
            Segments = segments;
        }

        /// <summary>The declaration bound as the program (a file may hold more, each an error).</summary>
        public DeclarationSyntax ProgramDeclaration { get; }

        /// <summary>The files declarations were read from, the program's first.</summary>
        public IReadOnlyList<SourceText> Sources { get; }

        /// <summary>Segments of one reference are adjacent, outermost first; references in the order they were bound (chunks merged in order).</summary>
        public IReadOnlyList<BoundSegment> Segments { get; }
    }
}
