using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// What a compiled program knows about its text, for editors and other tools: the symbol each reference names,
    /// each symbol's declaration and references across the program's files (the program file and its includes), the
    /// symbol and the completion context at a position, and the files the program includes.
    /// </summary>
    /// <remarks>
    /// Reached through <see cref="TpmProgram.SemanticModel"/>. It reads what the binder recorded while binding, so it
    /// agrees with the bound model by construction; a reference that did not resolve (a bind error) has no symbol,
    /// and the model works whether or not the program was scheduled. Indexes are built on first use and the model
    /// may be queried from several threads.
    /// </remarks>
    public sealed class SemanticModel
    {
        private static readonly IReadOnlyList<BoundSegment> NoSegments = Array.Empty<BoundSegment>();

        private readonly IReadOnlyDictionary<IncludeSyntax, SyntaxTree> _includes;
        private readonly BoundReferences? _bound;
        private readonly Dictionary<SourceText, int> _treeIndex;

        // The tree of each of the binder's files (-1 for none), and every declared symbol, in the model's order.
        private readonly int[] _treeOfSource;
        private Symbol[]? _declared;
        private Occurrence[][]? _occurrences;
        private IReadOnlyList<IncludedFile>? _includedFiles;

        internal SemanticModel(TpmProgram program, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes, BoundReferences? bound)
        {
            Program = program;
            _includes = includes;
            _bound = bound;
            // SourceText does not override Equals: this map is by identity, as the binder's records are.
            _treeIndex = new Dictionary<SourceText, int>();
            for (int i = 0; i < program.SyntaxTrees.Count; i++)
            {
                if (!_treeIndex.ContainsKey(program.SyntaxTrees[i].Source)) _treeIndex[program.SyntaxTrees[i].Source] = i;
            }

            var sources = bound?.Sources ?? Array.Empty<SourceText>();
            _treeOfSource = new int[sources.Count];
            for (int i = 0; i < sources.Count; i++) _treeOfSource[i] = _treeIndex.TryGetValue(sources[i], out int tree) ? tree : -1;
        }

        /// <summary>The compiled program this model describes.</summary>
        public TpmProgram Program { get; }

        /// <summary>The program's files: the program file first, then its includes in the order they were read.</summary>
        public IReadOnlyList<SyntaxTree> SyntaxTrees => Program.SyntaxTrees;

        private IReadOnlyList<BoundSegment> Segments => _bound?.Segments ?? NoSegments;

        /// <summary>
        /// Every symbol a declaration made, duplicates included (each has its own symbol): the bound model's lists hold
        /// them all, so the binder need not keep a second list.
        /// </summary>
        private Symbol[] Declared => System.Threading.LazyInitializer.EnsureInitialized(ref _declared, () =>
        {
            var p = Program.Model;
            if (p is null || _bound is null) return Array.Empty<Symbol>();
            return new Symbol[] { p }.Concat(p.Calendars).Concat(p.Roles).Concat(p.Skills).Concat(p.People).Concat(p.Teams).Concat(p.Resources)
                .Concat(p.Stakeholders).Concat(p.Metrics).Concat(p.Workstreams).Concat(p.Tasks).Concat(p.Risks).Concat(p.Decisions).ToArray();
        })!;

        /// <summary>The declaration whose name is at a symbol's location: found in the tree, not kept.</summary>
        private DeclarationSyntax? DeclarationAt(int tree, Symbol symbol)
        {
            if (symbol is ProgramSymbol && _bound != null) return _bound.ProgramDeclaration;
            var path = SyntaxTrees[tree].FindPath(symbol.Location.Span.Start);
            return path.Count >= 2 && path[path.Count - 2] is DeclarationSyntax d && ReferenceEquals(d.Name, path[path.Count - 1]) ? d : null;
        }

        private int TreeOf(BoundSegment segment) => _treeOfSource[segment.SourceIndex];

        // ------------------------------------------------------------------ files

        /// <summary>Every include that was read, in file order (the order of <see cref="SyntaxTrees"/>).</summary>
        public IReadOnlyList<IncludedFile> IncludedFiles => System.Threading.LazyInitializer.EnsureInitialized(ref _includedFiles, BuildIncludedFiles)!;

        private IReadOnlyList<IncludedFile> BuildIncludedFiles()
        {
            var files = new List<IncludedFile>();
            var trees = SyntaxTrees;
            for (int i = 0; i < trees.Count; i++)
            {
                // The statements include is read from, as the compiler reads them: a program's body, a fragment's top.
                var statements = i == 0 ? trees[0].Root.Program?.Body ?? (IReadOnlyList<StatementSyntax>)Array.Empty<StatementSyntax>() : trees[i].Root.Statements;
                foreach (var statement in statements)
                {
                    if (statement is IncludeSyntax include && _includes.TryGetValue(include, out var included)) files.Add(new IncludedFile(include, trees[i], included));
                }
            }

            return files.OrderBy(f => IndexOf(f.Tree)).ToArray();
        }

        /// <summary>The file an include statement read, or null when it was not read (an error was reported there).</summary>
        public SyntaxTree? GetIncludedTree(IncludeSyntax include) => _includes.TryGetValue(include, out var tree) ? tree : null;

        /// <summary>
        /// The program's file at <paramref name="path"/> (compared after <see cref="SourcePaths.Normalize"/>, as includes
        /// are resolved), or null when the program has no such file.
        /// </summary>
        public SyntaxTree? GetTree(string path)
        {
            var wanted = SourcePaths.Normalize(path);
            foreach (var tree in SyntaxTrees)
            {
                if (string.Equals(SourcePaths.Normalize(tree.Source.Path), wanted, StringComparison.Ordinal)) return tree;
            }

            return null;
        }

        /// <summary>
        /// The programs among <paramref name="programs"/> that include the file at <paramref name="path"/>, directly or
        /// through another include, in the order given: the programs to recompile when a fragment changes. Paths are
        /// compared as the compiler tells files apart: normalised (<see cref="SourcePaths.Normalize"/>), and by identity
        /// when an <paramref name="identity"/> (the resolver the programs were compiled with) knows one file under
        /// several paths.
        /// </summary>
        public static IReadOnlyList<TpmProgram> ProgramsIncluding(IEnumerable<TpmProgram> programs, string path, ISourceIdentity? identity = null)
        {
            if (programs is null) throw new ArgumentNullException(nameof(programs));
            if (path is null) throw new ArgumentNullException(nameof(path));
            string Key(string p) => identity?.Identify(SourcePaths.Normalize(p)) ?? SourcePaths.Normalize(p);
            var wanted = Key(path);
            var result = new List<TpmProgram>();
            foreach (var program in programs)
            {
                foreach (var file in program.SemanticModel.IncludedFiles)
                {
                    if (string.Equals(Key(file.Tree.Source.Path), wanted, StringComparison.Ordinal))
                    {
                        result.Add(program);
                        break;
                    }
                }
            }

            return result;
        }

        // ------------------------------------------------------------------ symbols of syntax

        /// <summary>
        /// The symbol <paramref name="reference"/> was bound to, or null when it did not resolve (unknown, ambiguous, of
        /// a kind its statement does not take) or was not bound (a repeated single-valued setting, a statement in the
        /// wrong place).
        /// </summary>
        public Symbol? GetSymbol(ReferenceSyntax reference)
        {
            if (reference is null) throw new ArgumentNullException(nameof(reference));
            int last = reference.SegmentCount - 1;
            int start = reference.Span.End - reference.SegmentText(last).Length;
            foreach (var (tree, item) in ItemsAt(start))
            {
                if (item >= 0 && Segments[item].Segment == last && ReferenceEquals(ReferenceAt(tree, start), reference)) return Segments[item].Binds ? Segments[item].Symbol : null;
            }

            return null;
        }

        /// <summary>
        /// The symbol an identifier names: for a segment of a reference (an element of <see cref="ReferenceSyntax.Segments"/>)
        /// what lookup found for that segment (in <c>data.eda</c>, <c>data</c> is the workstream and <c>eda</c> the task);
        /// for a declaration's name, the symbol it declares. Null otherwise.
        /// </summary>
        public Symbol? GetSymbol(IdentifierSyntax identifier)
        {
            if (identifier is null) throw new ArgumentNullException(nameof(identifier));
            foreach (var (tree, item) in ItemsAt(identifier.Span.Start))
            {
                if (item >= 0)
                {
                    var segment = Segments[item];
                    var reference = ReferenceAt(tree, segment.Start);
                    if (reference != null && segment.Segment < reference.SegmentCount && ReferenceEquals(reference.Segments[segment.Segment], identifier)) return segment.Symbol;
                }
                else if (Declared[~item].Location.Span.Equals(identifier.Span) && GetDeclaration(Declared[~item]) is SymbolDeclaration d && ReferenceEquals(d.Syntax.Name, identifier))
                {
                    return d.Symbol;
                }
            }

            return null;
        }

        /// <summary>The symbol a declaration declares, or null when it was not bound (a declaration where none is allowed, or no program).</summary>
        public Symbol? GetDeclaredSymbol(DeclarationSyntax declaration)
        {
            if (declaration is null) throw new ArgumentNullException(nameof(declaration));
            foreach (var (_, item) in ItemsAt(declaration.Name.Span.Start))
            {
                if (item < 0 && GetDeclaration(Declared[~item]) is SymbolDeclaration d && ReferenceEquals(d.Syntax, declaration)) return d.Symbol;
            }

            return null;
        }

        /// <summary>Where <paramref name="symbol"/> is declared, or null for a symbol without a declaration (the program's default calendar).</summary>
        public SymbolDeclaration? GetDeclaration(Symbol symbol)
        {
            if (symbol is null) throw new ArgumentNullException(nameof(symbol));
            var location = symbol.Location;
            if (location.Source is null || !_treeIndex.TryGetValue(location.Source, out int tree)) return null;
            foreach (var item in ItemsAt(tree, location.Span.Start))
            {
                if (item < 0 && ReferenceEquals(Declared[~item], symbol) && DeclarationAt(tree, symbol) is DeclarationSyntax syntax)
                {
                    return new SymbolDeclaration(symbol, SyntaxTrees[tree], syntax);
                }
            }

            return null;
        }

        /// <summary>
        /// Every place that names <paramref name="symbol"/>, across the program's files, in file order
        /// (<see cref="SyntaxTrees"/>) and then by offset: each reference segment lookup found it for (the <c>data</c>
        /// of <c>data.eda</c> names the workstream), and its declaration's name when <paramref name="includeDeclaration"/>.
        /// </summary>
        public IReadOnlyList<SymbolReference> FindReferences(Symbol symbol, bool includeDeclaration = false)
        {
            if (symbol is null) throw new ArgumentNullException(nameof(symbol));
            var found = new List<SymbolReference>();
            var segments = Segments;
            for (int i = 0; i < segments.Count; i++)
            {
                if (ReferenceEquals(segments[i].Symbol, symbol) && TreeOf(segments[i]) is int tree && tree >= 0)
                {
                    found.Add(FromSegment(tree, segments[i]));
                }
            }

            if (includeDeclaration && GetDeclaration(symbol) is SymbolDeclaration declaration)
            {
                found.Add(new SymbolReference(symbol, declaration.Tree, declaration.NameSpan, true, null, -1, false));
            }

            return found.OrderBy(r => IndexOf(r.Tree)).ThenBy(r => r.Span.Start).ToArray();
        }

        /// <summary>
        /// The symbol named at <paramref name="offset"/> of a file of the program (the character there is part of a
        /// declaration's name or of a reference segment lookup resolved), with the span of that name: what hover,
        /// go-to-definition and rename start from. Null elsewhere, and in a file that is not the program's.
        /// </summary>
        public SymbolReference? SymbolAt(SyntaxTree tree, int offset)
        {
            if (tree is null) throw new ArgumentNullException(nameof(tree));
            int index = IndexOf(tree);
            return index < 0 ? null : SymbolAt(index, offset);
        }

        /// <summary>As <see cref="SymbolAt(SyntaxTree, int)"/>, for the program's file at <paramref name="path"/> (see <see cref="GetTree"/>).</summary>
        public SymbolReference? SymbolAt(string path, int offset) => GetTree(path) is SyntaxTree tree ? SymbolAt(tree, offset) : null;

        private SymbolReference? SymbolAt(int tree, int offset)
        {
            var list = Occurrences[tree];
            int at = LastStartingAtOrBefore(list, offset);
            if (at < 0 || offset >= list[at].Start + list[at].Length) return null;
            int item = list[at].Item;
            if (item >= 0) return FromSegment(tree, Segments[item]);
            var symbol = Declared[~item];
            return new SymbolReference(symbol, SyntaxTrees[tree], symbol.Location.Span, true, null, -1, false);
        }

        private SymbolReference FromSegment(int tree, BoundSegment segment) =>
            new SymbolReference(segment.Symbol, SyntaxTrees[tree], segment.Span, false, ReferenceAt(tree, segment.Start), segment.Segment, segment.Binds);

        /// <summary>The reference node a segment starting at <paramref name="start"/> belongs to: the binder keeps offsets, not nodes.</summary>
        private ReferenceSyntax? ReferenceAt(int tree, int start)
        {
            var path = SyntaxTrees[tree].FindPath(start);
            for (int i = path.Count - 1; i >= 0; i--)
            {
                if (path[i] is ReferenceSyntax reference) return reference;
            }

            return null;
        }

        // ------------------------------------------------------------------ positions

        /// <summary>
        /// What may be written at caret position <paramref name="offset"/> (between characters: <c>0</c> is before the
        /// first) of a file of the program, for completion: the enclosing declarations and block, whether a statement
        /// keyword or a value is expected there and, in a value list, the statement and the kinds of symbol a reference
        /// there may name. Works on half-typed text with syntax errors: it reads the tree for the blocks and the text
        /// for the statement being written.
        /// </summary>
        public PositionContext ContextAt(SyntaxTree tree, int offset)
        {
            if (tree is null) throw new ArgumentNullException(nameof(tree));
            return PositionContext.Compute(this, tree, offset);
        }

        /// <summary>
        /// The names a reference may be written with at a completion context (<see cref="ContextAt"/>), by the
        /// language's name rule: each definition of the kinds <see cref="PositionContext.ExpectedKinds"/> lists, in its
        /// shortest form from the position (a task's own workstream needs no qualifier in <c>after</c>; from outside it
        /// the qualified form), or after a qualifier (<c>data.|</c>) the members of what it names; for skills, the
        /// declared skills and those people list. Empty when no reference is expected there. The context may come from a
        /// newer parse of one of the program's files (an editor's buffer ahead of the compile): the names are this
        /// model's.
        /// </summary>
        public IReadOnlyList<ReferenceCandidate> ReferenceCandidates(PositionContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            return Semantics.ReferenceCandidates.Compute(Program.Model, _bound, Declared, context);
        }

        /// <summary>
        /// The symbol declared by the innermost of <paramref name="enclosing"/> (outermost first, as <see cref="PositionContext.Enclosing"/>),
        /// found by its qualified id: for a tree the model did not bind (a newer parse of one of its files).
        /// </summary>
        internal Symbol? FindDeclaredByPath(IReadOnlyList<DeclarationSyntax> enclosing)
        {
            var names = new List<string>();
            foreach (var d in enclosing)
            {
                if (d.Kind != DeclarationKind.Program) names.Add(d.Name.Text);
            }

            if (names.Count == 0) return enclosing.Count > 0 && enclosing[enclosing.Count - 1].Kind == DeclarationKind.Program ? Program.Model : null;
            var id = string.Join(".", names);
            var kind = StatementKinds.Of(enclosing[enclosing.Count - 1].Kind);
            var byId = System.Threading.LazyInitializer.EnsureInitialized(ref _byId, () =>
            {
                var map = new Dictionary<(string, SymbolKind), Symbol>();
                foreach (var symbol in Declared)
                {
                    if (!map.ContainsKey((symbol.Id, symbol.Kind))) map[(symbol.Id, symbol.Kind)] = symbol;
                }

                return map;
            })!;
            return byId.TryGetValue((id, kind), out var found) ? found : null;
        }

        private Dictionary<(string, SymbolKind), Symbol>? _byId;

        // ------------------------------------------------------------------ the index

        /// <summary>A name in a file: a reference segment (item ≥ 0, its index in the segments) or a declaration's name (item &lt; 0, the complement of its index in Declared).</summary>
        private readonly struct Occurrence
        {
            public Occurrence(int start, int length, int item)
            {
                Start = start;
                Length = length;
                Item = item;
            }

            public int Start { get; }

            public int Length { get; }

            public int Item { get; }
        }


        private Occurrence[][] Occurrences => System.Threading.LazyInitializer.EnsureInitialized(ref _occurrences, BuildOccurrences)!;

        private Occurrence[][] BuildOccurrences()
        {
            var lists = new List<Occurrence>[SyntaxTrees.Count];
            for (int i = 0; i < lists.Length; i++) lists[i] = new List<Occurrence>();

            // A declaration's item is the complement of its index in Declared; a segment's is its index.
            var declared = Declared;
            for (int i = 0; i < declared.Length; i++)
            {
                var location = declared[i].Location;
                if (location.Source != null && _treeIndex.TryGetValue(location.Source, out int tree)) lists[tree].Add(new Occurrence(location.Span.Start, location.Span.Length, ~i));
            }

            var segments = Segments;
            for (int i = 0; i < segments.Count; i++)
            {
                int tree = TreeOf(segments[i]);
                var span = segments[i].Span;
                if (tree >= 0) lists[tree].Add(new Occurrence(span.Start, span.Length, i));
            }

            // Sorted by offset (a stable sort); names do not overlap, and a name met twice (never expected) keeps its first record.
            return lists.Select(l => Dedupe(l.OrderBy(o => o.Start).ToArray())).ToArray();
        }

        private static Occurrence[] Dedupe(Occurrence[] sorted)
        {
            var kept = new List<Occurrence>(sorted.Length);
            foreach (var o in sorted)
            {
                if (kept.Count > 0 && kept[kept.Count - 1].Start == o.Start) continue;
                kept.Add(o);
            }

            return kept.Count == sorted.Length ? sorted : kept.ToArray();
        }

        private static int LastStartingAtOrBefore(Occurrence[] list, int offset)
        {
            int lo = 0, hi = list.Length - 1, found = -1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (list[mid].Start <= offset)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found;
        }

        /// <summary>The items whose name starts at <paramref name="start"/> in any file (a node does not know its file).</summary>
        private IEnumerable<(int Tree, int Item)> ItemsAt(int start)
        {
            for (int tree = 0; tree < SyntaxTrees.Count; tree++)
            {
                foreach (var item in ItemsAt(tree, start)) yield return (tree, item);
            }
        }

        private IEnumerable<int> ItemsAt(int tree, int start)
        {
            var list = Occurrences[tree];
            int at = LastStartingAtOrBefore(list, start);
            if (at >= 0 && list[at].Start == start) yield return list[at].Item;
        }

        internal int IndexOf(SyntaxTree tree)
        {
            if (_treeIndex.TryGetValue(tree.Source, out int index) && ReferenceEquals(SyntaxTrees[index], tree)) return index;
            for (int i = 0; i < SyntaxTrees.Count; i++) if (ReferenceEquals(SyntaxTrees[i], tree)) return i;
            return -1;
        }
    }

    /// <summary>Where a symbol is declared.</summary>
    public sealed class SymbolDeclaration
    {
        internal SymbolDeclaration(Symbol symbol, SyntaxTree tree, DeclarationSyntax syntax)
        {
            Symbol = symbol;
            Tree = tree;
            Syntax = syntax;
        }

        /// <summary>The symbol.</summary>
        public Symbol Symbol { get; }

        /// <summary>The file of the declaration.</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The declaration.</summary>
        public DeclarationSyntax Syntax { get; }

        /// <summary>The span of the declared name (what go-to-definition selects and rename replaces).</summary>
        public TextSpan NameSpan => Syntax.Name.Span;

        /// <summary>The declared name's location.</summary>
        public SourceLocation Location => Tree.GetLocation(NameSpan);
    }

    /// <summary>A place in a file that names a symbol: a reference segment or a declaration's name.</summary>
    public sealed class SymbolReference
    {
        internal SymbolReference(Symbol symbol, SyntaxTree tree, TextSpan span, bool isDeclaration, ReferenceSyntax? reference, int segment, bool isBinding)
        {
            Symbol = symbol;
            Tree = tree;
            Span = span;
            IsDeclaration = isDeclaration;
            Reference = reference;
            SegmentIndex = segment;
            IsBinding = isBinding;
        }

        /// <summary>The symbol named.</summary>
        public Symbol Symbol { get; }

        /// <summary>The file.</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The name's span: one identifier (a declaration's name, or one segment of a reference).</summary>
        public TextSpan Span { get; }

        /// <summary>The location of <see cref="Span"/>.</summary>
        public SourceLocation Location => Tree.GetLocation(Span);

        /// <summary>True for the name of the symbol's declaration.</summary>
        public bool IsDeclaration { get; }

        /// <summary>The reference the name is a segment of; null for a declaration.</summary>
        public ReferenceSyntax? Reference { get; }

        /// <summary>The segment's index in <see cref="Reference"/> (0 for <c>data</c> in <c>data.eda</c>); -1 for a declaration.</summary>
        public int SegmentIndex { get; }

        /// <summary>
        /// True when the whole reference was bound to <see cref="Symbol"/> (its last segment, of a kind the statement
        /// takes); false for a qualifying segment (<c>data</c> in <c>data.eda</c>), a reference of the wrong kind, and a declaration.
        /// </summary>
        public bool IsBinding { get; }

        /// <inheritdoc />
        public override string ToString() => Location + " " + Symbol.Id;
    }

    /// <summary>An include statement and the file it read.</summary>
    public sealed class IncludedFile
    {
        internal IncludedFile(IncludeSyntax include, SyntaxTree includingTree, SyntaxTree tree)
        {
            Include = include;
            IncludingTree = includingTree;
            Tree = tree;
        }

        /// <summary>The include statement.</summary>
        public IncludeSyntax Include { get; }

        /// <summary>The file the statement is in.</summary>
        public SyntaxTree IncludingTree { get; }

        /// <summary>The file it read.</summary>
        public SyntaxTree Tree { get; }
    }
}
