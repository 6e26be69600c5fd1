using System.Collections;
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
        public BoundReferences(DeclarationSyntax programDeclaration, IReadOnlyList<SourceText> sources, IReadOnlyList<BoundSegment> segments,
            IReadOnlyDictionary<string, Symbol>? rootScope = null, IReadOnlyDictionary<string, List<Symbol>>? nestedByName = null)
        {
            ProgramDeclaration = programDeclaration;
            Sources = sources;
            Segments = segments;
            RootScope = rootScope ?? new Dictionary<string, Symbol>();
            NestedByName = nestedByName ?? new Dictionary<string, List<Symbol>>();
        }

        /// <summary>The binder's program-level scope (the first definition of each name), kept so tools look names up as it did.</summary>
        public IReadOnlyDictionary<string, Symbol> RootScope { get; }

        /// <summary>The binder's definitions inside workstreams, by name.</summary>
        public IReadOnlyDictionary<string, List<Symbol>> NestedByName { get; }

        /// <summary>The declaration bound as the program (a file may hold more, each an error).</summary>
        public DeclarationSyntax ProgramDeclaration { get; }

        /// <summary>The files declarations were read from, the program's first.</summary>
        public IReadOnlyList<SourceText> Sources { get; }

        /// <summary>Segments of one reference are adjacent, outermost first; references in the order they were bound (chunks merged in order).</summary>
        public IReadOnlyList<BoundSegment> Segments { get; }
    }

    /// <summary>
    /// The binder's record of segments: fixed blocks, never copied. A growing list would copy itself at each doubling
    /// and again when the parallel chunks are merged; blocks are only linked, so binding allocates what it keeps.
    /// </summary>
    internal sealed class SegmentLog : IReadOnlyList<BoundSegment>
    {
        // 16 KB blocks: small enough to stay off the large-object heap, and a chunk's last, partly filled block wastes little.
        private const int BlockSize = 1024;

        private readonly List<BoundSegment[]> _blocks = new List<BoundSegment[]>();

        // The index of each block's first segment; blocks linked from another log may be partly filled.
        private readonly List<int> _starts = new List<int>();
        private int _lastUsed;

        /// <inheritdoc />
        public int Count { get; private set; }

        /// <inheritdoc />
        public BoundSegment this[int index]
        {
            get
            {
                int block = _starts.BinarySearch(index);
                if (block < 0) block = ~block - 1;
                return _blocks[block][index - _starts[block]];
            }
        }

        public void Add(BoundSegment segment)
        {
            if (_blocks.Count == 0 || _lastUsed == BlockSize)
            {
                _blocks.Add(new BoundSegment[BlockSize]);
                _starts.Add(Count);
                _lastUsed = 0;
            }

            _blocks[_blocks.Count - 1][_lastUsed++] = segment;
            Count++;
        }

        /// <summary>Links <paramref name="other"/>'s segments after these, in order; <paramref name="other"/> must not be added to afterwards.</summary>
        public void Append(SegmentLog other)
        {
            if (other.Count == 0) return;
            for (int i = 0; i < other._blocks.Count; i++)
            {
                _blocks.Add(other._blocks[i]);
                _starts.Add(Count + other._starts[i]);
            }

            Count += other.Count;
            _lastUsed = other._lastUsed;
        }

        /// <inheritdoc />
        public IEnumerator<BoundSegment> GetEnumerator()
        {
            for (int b = 0; b < _blocks.Count; b++)
            {
                int end = b + 1 < _blocks.Count ? _starts[b + 1] - _starts[b] : Count - _starts[b];
                for (int i = 0; i < end; i++) yield return _blocks[b][i];
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
