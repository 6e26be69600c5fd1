using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// One segment of a reference that name lookup found a symbol for, as the binder met it: <c>data.eda</c> gives
    /// one for <c>data</c> (the workstream) and one for <c>eda</c> (the task). A 16-byte struct in a list: a large
    /// plan has hundreds of thousands of references and the program keeps them. The segment's text is the symbol's
    /// name (lookup is by exact name), so the symbol and the start give its span; the reference node is found again
    /// in the tree when a tool asks for it.
    /// </summary>
    internal readonly struct BoundSegment
    {
        /// <summary>Files past this many are not recorded (a program has a handful; the limits allow more only in theory).</summary>
        public const int MaxSources = 1 << 17;

        /// <summary>Segments past this index are not recorded (a line of 20,000 characters holds fewer).</summary>
        public const int MaxSegment = (1 << 14) - 1;

        // Bit 0: binds; bits 1-14: the segment's index; bits 15-31: the file's index.
        private readonly int _packed;

        public BoundSegment(Symbol symbol, int start, int source, int segment, bool binds)
        {
            Symbol = symbol;
            Start = start;
            _packed = (source << 15) | (segment << 1) | (binds ? 1 : 0);
        }

        /// <summary>What lookup found for the segment.</summary>
        public Symbol Symbol { get; }

        /// <summary>Where the segment starts.</summary>
        public int Start { get; }

        /// <summary>The file the reference is in, as an index into <see cref="BoundReferences.Sources"/>.</summary>
        public int SourceIndex => (int)((uint)_packed >> 15);

        /// <summary>The segment's index in the reference.</summary>
        public int Segment => (_packed >> 1) & MaxSegment;

        /// <summary>True for the last segment when the whole reference bound to <see cref="Symbol"/> (its kind was one the statement expects).</summary>
        public bool Binds => (_packed & 1) != 0;

        /// <summary>The segment's span.</summary>
        public TextSpan Span => new TextSpan(Start, Symbol.Name.Length);
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
