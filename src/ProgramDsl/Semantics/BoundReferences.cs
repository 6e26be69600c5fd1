using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// One segment of a reference that name lookup found a symbol for, as the binder met it: <c>data.eda</c> gives
    /// one for <c>data</c> (the workstream) and one for <c>eda</c> (the task). A struct in a list: a large plan has
    /// hundreds of thousands of references.
    /// </summary>
    internal readonly struct BoundSegment
    {
        public BoundSegment(ReferenceSyntax reference, SourceText source, Symbol symbol, int segment, bool binds)
        {
            Reference = reference;
            Source = source;
            Symbol = symbol;
            Segment = segment;
            Binds = binds;
        }

        /// <summary>The reference the segment belongs to.</summary>
        public ReferenceSyntax Reference { get; }

        /// <summary>The file the reference is in.</summary>
        public SourceText Source { get; }

        /// <summary>What lookup found for the segment.</summary>
        public Symbol Symbol { get; }

        /// <summary>The segment's index in the reference.</summary>
        public int Segment { get; }

        /// <summary>True for the last segment when the whole reference bound to <see cref="Symbol"/> (its kind was one the statement expects).</summary>
        public bool Binds { get; }

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

    /// <summary>What binding kept for tools: each symbol's declaration and each reference segment's symbol, in binding order.</summary>
    internal sealed class BoundReferences
    {
        public BoundReferences(
            ProgramSymbol program,
            DeclarationSyntax programDeclaration,
            SourceText programSource,
            IReadOnlyList<(Symbol Symbol, DeclarationSyntax Syntax, SourceText Source)> declared,
            IReadOnlyList<BoundSegment> segments)
        {
            Program = program;
            ProgramDeclaration = programDeclaration;
            ProgramSource = programSource;
            Declared = declared;
            Segments = segments;
        }

        public ProgramSymbol Program { get; }

        public DeclarationSyntax ProgramDeclaration { get; }

        public SourceText ProgramSource { get; }

        /// <summary>Every declared symbol but the program, in declaration order (duplicates included: each has its own symbol).</summary>
        public IReadOnlyList<(Symbol Symbol, DeclarationSyntax Syntax, SourceText Source)> Declared { get; }

        /// <summary>Segments of one reference are adjacent, outermost first; references in the order they were bound (chunks merged in order).</summary>
        public IReadOnlyList<BoundSegment> Segments { get; }
    }
}
