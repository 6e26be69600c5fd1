using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>The outcome of binding: the program model (null when there is no program to bind) and diagnostics.</summary>
    public sealed class BindResult
    {
        internal BindResult(ProgramSymbol? program, IReadOnlyList<Diagnostic> diagnostics, BoundReferences? references = null)
        {
            Program = program;
            Diagnostics = diagnostics;
            References = references;
        }

        /// <summary>The program declaration and what each reference segment resolved to, for the semantic model; null without a program.</summary>
        internal BoundReferences? References { get; }

        /// <summary>The bound program.</summary>
        public ProgramSymbol? Program { get; }

        /// <summary>Binding diagnostics (TPM1xxx, TPM2002, TPM2003).</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }

    /// <summary>
    /// Turns syntax into the program model: declares every definition, resolves every reference with the
    /// language's rules (enclosing workstream first, then outward, then a unique name anywhere) and checks values.
    /// Walks are iterative, so deep nesting cannot overflow the stack.
    /// </summary>
    public sealed class Binder
    {
        private const int MaxSuggestions = 200;

        /// <summary>Candidate names compared for "did you mean" over one bind, at most.</summary>
        private const long MaxSuggestionWork = 20_000_000;

        // The statement table's facts, as the arrays the checks below read (fixed per statement, built once).
        private static readonly string[] ReviewKinds = WordsOf("review", BlockContext.Task);
        private static readonly string[] Cadences = WordsOf("cadence", BlockContext.Stakeholder);
        private static readonly string[] LevelingModes = WordsOf("leveling", BlockContext.Program);
        private static readonly string[] RaciWords = WordsOf("raci", BlockContext.Stakeholder);
        private static readonly string[] LikelihoodWords = WordsOf("likelihood", BlockContext.Risk);
        private static readonly string[] RiskStatuses = WordsOf("status", BlockContext.Risk);
        private static readonly string[] DecisionStatuses = WordsOf("status", BlockContext.Decision);
        private static readonly string[] Phases = WordsOf("phase", BlockContext.Task);
        private static readonly SymbolKind[] WorkKinds = KindsOf("after", BlockContext.Task);
        private static readonly SymbolKind[] AffectsKinds = KindsOf("affects", BlockContext.Risk);
        private static readonly SymbolKind[] PersonKind = KindsOf("lead", BlockContext.Team);
        private static readonly SymbolKind[] MemberKinds = KindsOf("members", BlockContext.Team);
        private static readonly SymbolKind[] ContactKinds = KindsOf("contact", BlockContext.Stakeholder);
        private static readonly SymbolKind[] AssigneeKinds = { KindsOf("assign", BlockContext.Task)[0] };
        private static readonly SymbolKind[] AssignedRoleKinds = { KindsOf("assign", BlockContext.Task)[1] };
        private static readonly SymbolKind[] WorkstreamKind = { SymbolKind.Workstream };
        private static readonly SymbolKind[] OwnerKinds = KindsOf("owner", BlockContext.Task);
        private static readonly SymbolKind[] MetricOwnerKinds = KindsOf("owner", BlockContext.Metric);
        private static readonly SymbolKind[] RoleKind = KindsOf("role", BlockContext.Person);
        private static readonly SymbolKind[] CalendarKind = KindsOf("calendar", BlockContext.Person);
        private static readonly SymbolKind[] ResourceKind = KindsOf("uses", BlockContext.Task);
        private static readonly SymbolKind[] MetricKind = KindsOf("gate", BlockContext.Milestone);

        // Per block (by its value), the keywords that may repeat there: any other one set twice is TPM1103.
        private static readonly HashSet<string>[] Repeating = ((BlockContext[])Enum.GetValues(typeof(BlockContext)))
            .Select(c => new HashSet<string>(Statements.In(c).Where(st => st.Repeats).Select(st => st.Keyword), StringComparer.Ordinal))
            .ToArray();

        private static string[] WordsOf(string keyword, BlockContext block) => Statements.Lookup(keyword, block)!.AllowedWords.ToArray();

        private static SymbolKind[] KindsOf(string keyword, BlockContext block) => StatementKinds.Expected(keyword, block).ToArray();

        /// <summary>Declarations are bound in fixed-size chunks, in parallel: a fixed size keeps results independent of the core count.</summary>
        internal const int DefaultChunkSize = 2048;

        private int _chunkSize = DefaultChunkSize;
        private System.Threading.CancellationToken _cancellation;

        // Shared by every worker: written while declaring, only read while binding.
        private readonly Dictionary<string, Symbol> _rootScope;
        private readonly Dictionary<string, List<Symbol>> _nestedByName;
        private readonly List<(Symbol Symbol, DeclarationSyntax Syntax, SourceText Source)> _declared;
        private readonly List<(PropertySyntax Syntax, SourceText Source)> _programProperties;

        // Per task (by index): its lack of work is already explained by another error (a syntax error in the body,
        // an invalid estimate); it has an 'assign' statement, even one whose names did not resolve (so no TPM2003).
        // Workers write different elements only.
        private bool[] _workErrorReported;
        private bool[] _assignWritten;

        // Each worker's own.
        private readonly List<Diagnostic> _diagnostics = new List<Diagnostic>();
        private readonly List<(NameValueSyntax Name, SourceText Source)> _requiredSkills = new List<(NameValueSyntax, SourceText)>();
        private readonly SettingTracker _tracker;
        private readonly Scratch _scratch = new Scratch();
        private int _suggestionsComputed;

        // Each worker's own: what each reference segment resolved to, kept for the semantic model, and the index of
        // the file last resolved in (the files are few and a declaration's references share one).
        private readonly SegmentLog _segments = new SegmentLog();
        private SourceText? _lastSource;
        private int _lastSourceIndex;
        private DeclarationSyntax? _programDeclaration;

        // Shared: the files declarations come from, written while declaring.
        private readonly List<SourceText> _sources;

        // The TPM1003 text and related locations of each ambiguous name (keyed by its candidate list), built once:
        // thousands of references to a name declared in thousands of workstreams repeated the whole list each time.
        private readonly Dictionary<List<Symbol>, (string List, SourceLocation[] Locations)> _ambiguities = new Dictionary<List<Symbol>, (string, SourceLocation[])>();

        // Names this binder may still compare for suggestions. Each suggestion scans every candidate name, so in a plan
        // with a million names and many typos suggestions alone were quadratic; the budget is counted in names, not
        // time, and split evenly between the parallel chunks, so the output stays the same on any machine.
        private long _suggestionWork = MaxSuggestionWork;
        private ProgramSymbol _program = null!;

        // A portfolio's shared members, declared before the program's own (as if included first).
        private Portfolios.SharedMembers? _shared;

        private Binder()
        {
            _tracker = new SettingTracker(this);
            _rootScope = new Dictionary<string, Symbol>(StringComparer.Ordinal);
            _nestedByName = new Dictionary<string, List<Symbol>>(StringComparer.Ordinal);
            _declared = new List<(Symbol, DeclarationSyntax, SourceText)>();
            _programProperties = new List<(PropertySyntax, SourceText)>();
            _workErrorReported = Array.Empty<bool>();
            _assignWritten = Array.Empty<bool>();
            _sources = new List<SourceText>();
        }

        /// <summary>A worker that binds some declarations with the shared scopes and its own diagnostics.</summary>
        private Binder(Binder shared)
        {
            _tracker = new SettingTracker(this);
            _rootScope = shared._rootScope;
            _nestedByName = shared._nestedByName;
            _declared = shared._declared;
            _programProperties = shared._programProperties;
            _workErrorReported = shared._workErrorReported;
            _assignWritten = shared._assignWritten;
            _program = shared._program;
            _sources = shared._sources;
        }

        /// <summary>
        /// Binds a program file. <paramref name="includes"/> maps each include statement to the fragment it names
        /// (missing entries were reported by the loader).
        /// </summary>
        /// <param name="root">The program file's tree.</param>
        /// <param name="includes">The fragment each include statement names.</param>
        /// <param name="cancellationToken">Stops binding with <see cref="OperationCanceledException"/>.</param>
        public static BindResult Bind(SyntaxTree root, IReadOnlyDictionary<IncludeSyntax, SyntaxTree>? includes = null, System.Threading.CancellationToken cancellationToken = default) =>
            Bind(root, includes, DefaultChunkSize, cancellationToken);

        /// <summary>Binds with a given chunk size for parallel binding (int.MaxValue binds sequentially).</summary>
        internal static BindResult Bind(SyntaxTree root, IReadOnlyDictionary<IncludeSyntax, SyntaxTree>? includes, int chunkSize, System.Threading.CancellationToken cancellationToken = default,
            Portfolios.SharedMembers? shared = null)
        {
            var binder = new Binder { _chunkSize = chunkSize, _cancellation = cancellationToken, _shared = shared };
            var program = binder.BindProgram(root, includes ?? new Dictionary<IncludeSyntax, SyntaxTree>());
            var references = program is null ? null : new BoundReferences(binder._programDeclaration!, binder._sources, binder._segments, binder._rootScope, binder._nestedByName);
            return new BindResult(program, binder._diagnostics, references);
        }

        private static SourceLocation Loc(SourceText source, SyntaxNode node) => new SourceLocation(source, node.Span);

        private ProgramSymbol? BindProgram(SyntaxTree root, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes)
        {
            var source = root.Source;
            var programs = root.Root.Statements.OfType<DeclarationSyntax>().Where(d => d.Kind == DeclarationKind.Program).ToList();
            if (programs.Count == 0)
            {
                // A misspelt 'program' is already a syntax error; do not repeat it as a missing declaration.
                if (root.Diagnostics.Any(d => d.IsError)) return null;
                var first = root.Root.Statements.FirstOrDefault();
                var at = first is null ? new SourceLocation(source, new TextSpan(0, 0)) : new SourceLocation(source, first.KeywordSpan);
                _diagnostics.Add(DiagnosticCatalog.NoProgramDeclaration(at, source.Path));
                return null;
            }

            foreach (var extra in programs.Skip(1))
            {
                var first = Loc(source, programs[0].Name);
                _diagnostics.Add(DiagnosticCatalog.DefinedTwice(Loc(source, extra.Name), first, extra.Name.Text, "the program"));
            }

            foreach (var stray in root.Root.Statements.Where(s => !(s is DeclarationSyntax d && d.Kind == DeclarationKind.Program)))
            {
                _diagnostics.Add(DiagnosticCatalog.OutsideProgramBlock(new SourceLocation(source, stray.KeywordSpan), stray.KeywordText));
            }

            var decl = programs[0];
            _programDeclaration = decl;
            _program = new ProgramSymbol(decl.Name.Text, decl.Title?.Value, Loc(source, decl.Name));
            DeclareMembers(decl, source, includes);
            BindProgramProperties(decl, source);
            _workErrorReported = new bool[_program.TaskList.Count];
            _assignWritten = new bool[_program.TaskList.Count];
            BindDeclarations();

            _cancellation.ThrowIfCancellationRequested();
            CheckTasks();
            return _program;
        }

        /// <summary>
        /// Binds every declaration, in fixed-size chunks on all cores. A declaration writes only its own symbol
        /// (and its task's flags); each chunk has its own diagnostics, merged in chunk order.
        /// </summary>
        private void BindDeclarations()
        {
            var rest = _declared;
            int size = _chunkSize;
            int chunks = (int)((rest.Count + (long)size - 1) / size);
            var token = _cancellation;
            if (chunks <= 1)
            {
                for (int i = 0; i < rest.Count; i++)
                {
                    if ((i & 1023) == 1023) token.ThrowIfCancellationRequested();
                    BindDeclaration(rest[i].Symbol, rest[i].Syntax, rest[i].Source);
                }

                return;
            }

            var workers = new Binder[chunks];
            // A chunk is 2,048 declarations, a few milliseconds: the token is looked at before each.
            System.Threading.Tasks.Parallel.For(0, chunks, new System.Threading.Tasks.ParallelOptions { CancellationToken = token }, c =>
            {
                token.ThrowIfCancellationRequested();
                var worker = new Binder(this) { _suggestionWork = MaxSuggestionWork / chunks };
                int end = (int)Math.Min(rest.Count, (c + 1L) * size);
                for (int i = c * size; i < end; i++) worker.BindDeclaration(rest[i].Symbol, rest[i].Syntax, rest[i].Source);
                workers[c] = worker;
            });
            foreach (var worker in workers)
            {
                _diagnostics.AddRange(worker._diagnostics);
                _requiredSkills.AddRange(worker._requiredSkills);
                _segments.Append(worker._segments);
            }
        }

        // ---------------------------------------------------------------- declaration

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private void DeclareMembers(DeclarationSyntax programDecl, SourceText rootSource, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes)
        {
            // Each frame walks one statement list; includes and workstream bodies push frames instead of recursing.
            var stack = new Stack<(IReadOnlyList<StatementSyntax> Statements, int Next, SourceText Source, WorkstreamSymbol? Container)>();
            stack.Push((programDecl.Body, 0, rootSource, null));
            _sources.Add(rootSource);
            if (_shared != null)
            {
                // On top of the stack, so declared first.
                stack.Push((_shared.Statements, 0, _shared.Source, null));
                _sources.Add(_shared.Source);
            }

            int steps = 0;
            while (stack.Count > 0)
            {
                if ((++steps & 1023) == 0) _cancellation.ThrowIfCancellationRequested();
                var frame = stack.Pop();
                if (frame.Next >= frame.Statements.Count) continue;
                var statement = frame.Statements[frame.Next];
                stack.Push((frame.Statements, frame.Next + 1, frame.Source, frame.Container));
                switch (statement)
                {
                    case IncludeSyntax include:
                        if (includes.TryGetValue(include, out var fragment))
                        {
                            // A program or a portfolio in an included file is refused, not bound (a portfolio would bind as a task).
                            foreach (var d in fragment.Root.Statements.OfType<DeclarationSyntax>().Where(IsProgramOrPortfolio))
                            {
                                _diagnostics.Add(d.Kind == DeclarationKind.Program
                                    ? DiagnosticCatalog.IncludedProgram(Loc(frame.Source, include.Path), include.Path.Value, d.Name.Text)
                                    : DiagnosticCatalog.IncludedPortfolio(Loc(frame.Source, include.Path), include.Path.Value, d.Name.Text));
                            }

                            stack.Push((fragment.Root.Statements.Where(s => !(s is DeclarationSyntax d && IsProgramOrPortfolio(d))).ToList(), 0, fragment.Source, null));
                            _sources.Add(fragment.Source);
                        }

                        break;
                    case PropertySyntax property when frame.Container is null:
                        _programProperties.Add((property, frame.Source));
                        break;
                    case DeclarationSyntax declaration:
                        var symbol = Declare(declaration, frame.Source, frame.Container);
                        if (symbol is WorkstreamSymbol workstream)
                        {
                            stack.Push((declaration.Body.Where(s => s is DeclarationSyntax).ToList(), 0, frame.Source, workstream));
                        }

                        break;
                }
            }
        }

        private static bool IsProgramOrPortfolio(DeclarationSyntax d) => d.Kind == DeclarationKind.Program || d.Kind == DeclarationKind.Portfolio;

        private Symbol Declare(DeclarationSyntax d, SourceText source, WorkstreamSymbol? container)
        {
            var name = d.Name.Text;
            var title = d.Title?.Value;
            var location = Loc(source, d.Name);
            Symbol symbol;
            switch (d.Kind)
            {
                case DeclarationKind.Calendar: var c = new CalendarSymbol(name, title, location); _program.CalendarList.Add(c); symbol = c; break;
                case DeclarationKind.Role: var r = new RoleSymbol(name, title, location); _program.RoleList.Add(r); symbol = r; break;
                case DeclarationKind.Skill: var s = new SkillSymbol(name, title, location); _program.SkillList.Add(s); symbol = s; break;
                case DeclarationKind.Person: var p = new PersonSymbol(name, title, location); _program.PersonList.Add(p); symbol = p; break;
                case DeclarationKind.Team: var t = new TeamSymbol(name, title, location); _program.TeamList.Add(t); symbol = t; break;
                case DeclarationKind.Resource: var res = new ResourceSymbol(name, title, location); _program.ResourceList.Add(res); symbol = res; break;
                case DeclarationKind.Stakeholder: var sh = new StakeholderSymbol(name, title, location); _program.StakeholderList.Add(sh); symbol = sh; break;
                case DeclarationKind.Metric: var m = new MetricSymbol(name, title, location); _program.MetricList.Add(m); symbol = m; break;
                case DeclarationKind.Risk: var rk = new RiskSymbol(name, title, location); _program.RiskList.Add(rk); symbol = rk; break;
                case DeclarationKind.Decision: var dc = new DecisionSymbol(name, title, location); _program.DecisionList.Add(dc); symbol = dc; break;
                case DeclarationKind.Workstream:
                    var ws = new WorkstreamSymbol(name, title, location, container) { Depth = container is null ? 0 : container.Depth + 1, Index = _program.WorkstreamList.Count };
                    _program.WorkstreamList.Add(ws);
                    symbol = ws;
                    break;
                default:
                    var kind = d.Kind == DeclarationKind.Milestone ? SymbolKind.Milestone : SymbolKind.Task;
                    var task = new TaskSymbol(kind, name, title, location, container, _program.TaskList.Count);
                    _program.TaskList.Add(task);
                    symbol = task;
                    break;
            }

            // Reported once, where the id first goes past the limit, not again for everything inside it.
            if (container != null && container.Id.Length <= InputLimits.MaxIdLength && container.Id.Length + 1 + name.Length > InputLimits.MaxIdLength)
            {
                int length = container.Id.Length + 1 + name.Length;
                _diagnostics.Add(DiagnosticCatalog.IdTooLong(location, Symbol.KindWord(symbol.Kind), name, length, container.Id, InputLimits.MaxIdLength));
            }

            var scope = container is null ? _rootScope : container.Members;
            if (scope.TryGetValue(name, out var existing))
            {
                _diagnostics.Add(DiagnosticCatalog.DefinedTwice(location, existing.Location, name, Article(existing.Kind)));
            }
            else
            {
                scope[name] = symbol;
            }

            if (symbol is TaskSymbol || symbol is WorkstreamSymbol)
            {
                if (container is null) _program.ChildList.Add(symbol);
                else container.ChildList.Add(symbol);
            }

            if (container != null)
            {
                if (!_nestedByName.TryGetValue(name, out var list)) _nestedByName[name] = list = new List<Symbol>(1);
                list.Add(symbol);
            }

            _declared.Add((symbol, d, source));
            return symbol;
        }

        private static string Article(SymbolKind kind)
        {
            var word = Symbol.KindWord(kind);
            return ("aeiou".IndexOf(word[0]) >= 0 ? "an " : "a ") + word;
        }

        // ---------------------------------------------------------------- name resolution

        private static bool IsOneOf(SymbolKind kind, SymbolKind[] kinds)
        {
            foreach (var k in kinds) if (k == kind) return true;
            return false;
        }

        /// <summary>The binder's scopes, for the language's name rule (<see cref="NameLookup"/>).</summary>
        private readonly struct Scopes : INameScopes<WorkstreamSymbol, Symbol>
        {
            private readonly Binder _binder;

            public Scopes(Binder binder) => _binder = binder;

            public WorkstreamSymbol? ContainerOf(WorkstreamSymbol scope) => scope.Container;

            public bool TryGetMember(WorkstreamSymbol scope, string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Symbol symbol) => scope.Members.TryGetValue(name, out symbol);

            public bool TryGetTopLevel(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Symbol symbol) => _binder._rootScope.TryGetValue(name, out symbol);

            public IReadOnlyList<Symbol>? Nested(string name) => _binder._nestedByName.TryGetValue(name, out var list) ? list : null;
        }

        // The hot path of binding: kept free of lambdas (a captured parameter would cost an allocation per call);
        // the error reports live in their own methods.
        private Symbol? Resolve(ReferenceSyntax reference, SourceText source, WorkstreamSymbol? scope, SymbolKind[] expected, string noun, string keyword)
        {
            var first = reference.SegmentText(0);
            var symbol = NameLookup.Find<Scopes, WorkstreamSymbol, Symbol>(new Scopes(this), scope, first, out var candidates);
            if (candidates != null)
            {
                ReportAmbiguous(reference.Segments[0], source, (List<Symbol>)candidates);
                return null;
            }

            if (symbol is null)
            {
                ReportUnknown(reference, source, scope, expected, noun);
                return null;
            }

            int file = SourceIndex(source);
            int at = reference.Span.Start;
            for (int i = 1; i < reference.SegmentCount; i++)
            {
                Record(symbol!, at, file, i - 1, binds: false);
                at += symbol!.Name.Length + 1;
                if (!(symbol is WorkstreamSymbol container) || !container.Members.TryGetValue(reference.SegmentText(i), out var child))
                {
                    ReportUnknownMember(reference, source, symbol!, i, expected, noun);
                    return null;
                }

                symbol = child;
            }

            bool expectedKind = IsOneOf(symbol!.Kind, expected);
            Record(symbol, at, file, reference.SegmentCount - 1, expectedKind);
            if (!expectedKind)
            {
                _diagnostics.Add(DiagnosticCatalog.WrongKindOf(Loc(source, reference), reference.Text, Article(symbol.Kind), keyword, DescribeKinds(expected)));
                return null;
            }

            return symbol;
        }

        private void Record(Symbol symbol, int start, int file, int segment, bool binds)
        {
            if (file >= 0 && file < BoundSegment.MaxSources && segment <= BoundSegment.MaxSegment) _segments.Add(new BoundSegment(symbol, start, file, segment, binds));
        }

        private int SourceIndex(SourceText source)
        {
            if (!ReferenceEquals(source, _lastSource))
            {
                _lastSourceIndex = _sources.IndexOf(source);
                _lastSource = source;
            }

            return _lastSourceIndex;
        }

        /// <summary>The most candidates a TPM1003 message names; the rest are counted ("or 1,990 more"), so one line stays short.</summary>
        internal const int AmbiguousCandidatesNamed = 10;

        private void ReportAmbiguous(IdentifierSyntax first, SourceText source, List<Symbol> candidates)
        {
            if (!_ambiguities.TryGetValue(candidates, out var described))
            {
                var named = candidates.Take(AmbiguousCandidatesNamed).Select(c => Symbol.KindWord(c.Kind) + " '" + c.Id + "'").ToList();
                int rest = candidates.Count - named.Count;
                var list = rest > 0 ? string.Join(", ", named) + " or " + rest.ToString("N0", CultureInfo.InvariantCulture) + " more"
                    : named.Count <= 2 ? string.Join(" or ", named) : string.Join(", ", named.Take(named.Count - 1)) + " or " + named[named.Count - 1];
                described = (list, candidates.Take(AmbiguousCandidatesNamed).Select(c => c.Location).ToArray());
                _ambiguities[candidates] = described;
            }

            _diagnostics.Add(DiagnosticCatalog.Ambiguous(Loc(source, first), described.Locations, first.Text, described.List));
        }

        private void ReportUnknown(ReferenceSyntax reference, SourceText source, WorkstreamSymbol? scope, SymbolKind[] expected, string noun)
        {
            // In 'dta.eda' the unknown part is a workstream: suggest one, keeping the rest of the reference.
            var first = reference.Segments[0];
            var suggestion = reference.Segments.Count == 1
                ? SuggestName(first.Text, scope, expected)
                : SuggestName(first.Text, scope, WorkstreamKind) is string ws
                    ? ws + reference.Text.Substring(first.Text.Length)
                    : null;
            _diagnostics.Add(DiagnosticCatalog.UnknownName(Loc(source, reference), noun, reference.Text, suggestion));
        }

        private void ReportUnknownMember(ReferenceSyntax reference, SourceText source, Symbol symbol, int i, SymbolKind[] expected, string noun)
        {
            var segment = reference.Segments[i];
            if (!(symbol is WorkstreamSymbol container))
            {
                _diagnostics.Add(DiagnosticCatalog.UnknownMemberOfLeaf(Loc(source, reference), noun, reference.Text, symbol.Describe(), segment.Text));
                return;
            }

            var prefix = string.Join(".", reference.Segments.Take(i).Select(s => s.Text));
            var suggestion = AffordComparisons(container.Members.Count)
                ? Spelling.Closest(segment.Text, container.Members.Values.Where(v => IsOneOf(v.Kind, expected)).Select(v => v.Name))
                : null;
            _diagnostics.Add(DiagnosticCatalog.UnknownWorkstreamMember(Loc(source, reference), noun, reference.Text, container.Id, segment.Text,
                suggestion is null ? null : prefix + "." + suggestion));
        }

        private static string DescribeKinds(SymbolKind[] kinds)
        {
            var words = kinds.Select(Article).ToList();
            return words.Count == 1 ? words[0] : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[words.Count - 1];
        }

        /// <summary>True when a suggestion over this many candidate names fits the caps (and takes its share of them).</summary>
        private bool AffordSuggestion(long candidates)
        {
            if (_suggestionsComputed >= MaxSuggestions || !AffordComparisons(candidates)) return false;
            _suggestionsComputed++;
            return true;
        }

        /// <summary>True when comparing this many names fits the work left for suggestions (and takes it).</summary>
        private bool AffordComparisons(long candidates)
        {
            if (candidates > _suggestionWork) return false;
            _suggestionWork -= candidates;
            return true;
        }

        private string? SuggestName(string name, WorkstreamSymbol? scope, SymbolKind[] expected)
        {
            // Suggestions cost a scan of the names; cap them so a file full of typos stays fast.
            long count = _rootScope.Count + (long)_nestedByName.Count;
            for (var ws = scope; ws != null; ws = ws.Container) count += ws.Members.Count;
            if (!AffordSuggestion(count)) return null;
            // Duplicates cannot change the result (a later candidate wins only when strictly closer), so no Distinct.
            return Spelling.Closest(name, CandidateNames(scope, expected));
        }

        /// <summary>The names a reference could have meant, nearest scope first, read lazily (no list of a million names).</summary>
        private IEnumerable<string> CandidateNames(WorkstreamSymbol? scope, SymbolKind[] expected)
        {
            for (var ws = scope; ws != null; ws = ws.Container)
            {
                foreach (var v in ws.Members.Values)
                {
                    if (IsOneOf(v.Kind, expected)) yield return v.Name;
                }
            }

            foreach (var v in _rootScope.Values)
            {
                if (IsOneOf(v.Kind, expected)) yield return v.Name;
            }

            if (IsOneOf(SymbolKind.Task, expected) || IsOneOf(SymbolKind.Milestone, expected) || IsOneOf(SymbolKind.Workstream, expected))
            {
                foreach (var kv in _nestedByName)
                {
                    if (kv.Value.Any(s => IsOneOf(s.Kind, expected))) yield return kv.Key;
                }
            }
        }

        // ---------------------------------------------------------------- values

        /// <summary>
        /// An actual date, checked against the program's frame: it is the truth about the past, so it is never moved;
        /// one before the program start or after the status date is an error at the date instead.
        /// </summary>
        private CalendarDate? TrackedDate(ValueSyntax value, SourceText source, string keyword, string verb)
        {
            if (!(DateOf(value, source) is CalendarDate date)) return null;
            if (_program.HasStart && date < _program.Start)
            {
                _diagnostics.Add(DiagnosticCatalog.TrackedDateBeforeStart(Loc(source, value), keyword, date, _program.Start));
            }
            else if (_program.StatusDate is CalendarDate status && date > status)
            {
                _diagnostics.Add(DiagnosticCatalog.TrackedDateAfterStatusDate(Loc(source, value), keyword, date, status, verb));
            }

            return date;
        }

        private CalendarDate? DateOf(ValueSyntax value, SourceText source)
        {
            var date = value as DateValueSyntax ?? (value as DateRangeValueSyntax)?.From;
            if (date is null) return null;
            if (!date.IsValid)
            {
                _diagnostics.Add(DiagnosticCatalog.NotAValidDate(Loc(source, date), date.ToString()));
                return null;
            }

            return CalendarDate.FromYmd(date.Year, date.Month, date.Day);
        }

        private DayOff? DayOffOf(PropertySyntax property, SourceText source)
        {
            var range = (DateRangeValueSyntax)property.Values[0];
            var from = DateOf(range.From, source);
            var to = range.To is null ? from : DateOf(range.To, source);
            if (from is null || to is null) return null;
            if (to < from)
            {
                _diagnostics.Add(DiagnosticCatalog.RangeEndsBeforeStart(Loc(source, range), from.Value, to.Value));
                return null;
            }

            var label = property.Values.Count > 1 ? ((StringValueSyntax)property.Values[1]).Value : null;
            return new DayOff(new DateRange(from.Value, to.Value), label, Loc(source, range));
        }

        /// <summary>A duration in working days, or null (TPM1102) when converting it would overflow a decimal.</summary>
        private decimal? DaysOf(DurationValueSyntax duration, SourceText source)
        {
            var amount = duration.Amount;
            bool tooLarge = duration.Unit switch
            {
                DurationUnit.Weeks => amount > decimal.MaxValue / 5m,
                DurationUnit.Hours => _program.HoursPerDay < 1m && amount > decimal.MaxValue * _program.HoursPerDay,
                _ => false,
            };
            if (tooLarge)
            {
                _diagnostics.Add(DiagnosticCatalog.DurationTooLarge(Loc(source, duration), duration.ToString()));
                return null;
            }

            return _program.ToDays(amount, duration.Unit);
        }

        private static WeekdaySet WeekdaysOf(PropertySyntax property)
        {
            var days = new List<DayOfWeek>();
            foreach (var range in property.Values.Cast<WeekdayRangeSyntax>())
            {
                if (range.To is null)
                {
                    days.Add(range.From);
                    continue;
                }

                // mon..fri, and wrapping ranges such as fri..mon.
                var d = range.From;
                while (true)
                {
                    days.Add(d);
                    if (d == range.To.Value) break;
                    d = (DayOfWeek)(((int)d + 1) % 7);
                }
            }

            return new WeekdaySet(days);
        }

        private string? EnumWord(ValueSyntax value, SourceText source, string[] allowed, string what)
        {
            var word = ((NameValueSyntax)value).Text;
            if (Array.IndexOf(allowed, word) >= 0) return word;
            _diagnostics.Add(DiagnosticCatalog.NotOneOf(Loc(source, value), word, what, allowed));
            return null;
        }

        private decimal? Percentage(ValueSyntax value, SourceText source, ValueRange range)
        {
            var percent = (PercentValueSyntax)value;
            if (!range.Contains(percent.Percent))
            {
                _diagnostics.Add(DiagnosticCatalog.PercentOutOfRange(Loc(source, value), range, percent.Percent));
                return null;
            }

            return percent.Fraction;
        }

        private decimal? NonNegative(ValueSyntax value, SourceText source, string what)
        {
            var n = ((NumberValueSyntax)value).Value;
            if (!ValueRanges.NonNegative.Contains(n))
            {
                _diagnostics.Add(DiagnosticCatalog.NegativeValue(Loc(source, value), what));
                return null;
            }

            return n;
        }

        private Rate? RateOf(ValueSyntax value)
        {
            var rate = (RateValueSyntax)value;
            return new Rate(rate.Amount, rate.Per);
        }

        private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

        // ---------------------------------------------------------------- binding of bodies

        /// <summary>
        /// Tracks single-valued settings so a repeat is reported once, pointing at the first. One instance is reused
        /// for every declaration: plans have hundreds of thousands of them.
        /// </summary>
        private sealed class SettingTracker
        {
            private readonly Binder _binder;
            private readonly List<(string Keyword, SyntaxNode Node, SourceText Source)> _seen = new List<(string, SyntaxNode, SourceText)>(16);
            private Symbol _owner = null!;

            public SettingTracker(Binder binder) => _binder = binder;

            public SettingTracker Reset(Symbol owner)
            {
                _owner = owner;
                _seen.Clear();
                return this;
            }

            private int IndexOf(string keyword)
            {
                for (int i = 0; i < _seen.Count; i++) if (string.Equals(_seen[i].Keyword, keyword, StringComparison.Ordinal)) return i;
                return -1;
            }

            public bool IsFirst(PropertySyntax property, SourceText source)
            {
                int i = IndexOf(property.KeywordText);
                if (i >= 0)
                {
                    var first = Loc(_seen[i].Source, _seen[i].Node);
                    var location = new SourceLocation(source, property.KeywordSpan);
                    _binder._diagnostics.Add(DiagnosticCatalog.SettingRepeated(location, first, property.KeywordText, _owner.Describe()));
                    return false;
                }

                _seen.Add((property.KeywordText, property, source));
                return true;
            }

            public SourceLocation? Get(string keyword)
            {
                int i = IndexOf(keyword);
                return i < 0 ? null : new SourceLocation(_seen[i].Source, ((StatementSyntax)_seen[i].Node).KeywordSpan);
            }
        }

        private static T[] ToArray<T>(List<T>? list) => list is null || list.Count == 0 ? Array.Empty<T>() : list.ToArray();

        /// <summary>A worker's reusable lists for the settings of the declaration being bound.</summary>
        private sealed class Scratch
        {
            public List<DayOff> Holidays { get; } = new List<DayOff>();
            public List<DayOff> Vacations { get; } = new List<DayOff>();
            public List<Dependency> Dependencies { get; } = new List<Dependency>();
            public List<Assignment> Assignments { get; } = new List<Assignment>();

            // The first assignment of each person in this declaration: a repeat is found in O(1), not by scanning the
            // list (200,000 people on one task took 71 s).
            public Dictionary<PersonSymbol, Assignment> AssignedPeople { get; } = new Dictionary<PersonSymbol, Assignment>();

            // The first place each (list keyword, target) appears in this declaration: a repeated reference in
            // 'after', 'uses', 'members', ... is found in O(1). Repeats multiplied emitted output (a million
            // 'after a' wrote a 216 MB project.xml).
            // Only the first repeat of a target is reported: a million 'after a' give one error, not a million lines.
            public Dictionary<(string List, object Target), (SourceLocation First, bool Reported)> Listed { get; } =
                new Dictionary<(string List, object Target), (SourceLocation First, bool Reported)>();
            // The same for 'after', keyed by (target, type, lag) without boxing.
            public Dictionary<(Symbol Target, DependencyType Type, int Lag), (SourceLocation First, bool Reported)> ListedAfter { get; } =
                new Dictionary<(Symbol Target, DependencyType Type, int Lag), (SourceLocation First, bool Reported)>();
            public List<RoleAssignment> RoleAssignments { get; } = new List<RoleAssignment>();
            public List<RoleSymbol> Roles { get; } = new List<RoleSymbol>();
            public List<string> Skills { get; } = new List<string>();
            public List<string> Reviews { get; } = new List<string>();
            public List<string> Required { get; } = new List<string>();
            public List<PersonSymbol> Members { get; } = new List<PersonSymbol>();
            public List<ResourceUse> Uses { get; } = new List<ResourceUse>();
            public List<MetricSymbol> Gates { get; } = new List<MetricSymbol>();
            public List<SourceLocation> GateLocations { get; } = new List<SourceLocation>();
            public List<Symbol> Affects { get; } = new List<Symbol>();

            public Scratch Clear()
            {
                Holidays.Clear(); Vacations.Clear(); Dependencies.Clear(); Assignments.Clear(); AssignedPeople.Clear(); Listed.Clear(); ListedAfter.Clear(); RoleAssignments.Clear();
                Roles.Clear(); Skills.Clear(); Reviews.Clear(); Required.Clear(); Members.Clear(); Uses.Clear(); Gates.Clear(); GateLocations.Clear(); Affects.Clear();
                return this;
            }
        }

        private void BindProgramProperties(DeclarationSyntax decl, SourceText rootSource)
        {
            var tracker = _tracker.Reset(_program);
            var holidays = new List<DayOff>();
            SourceLocation? statusAt = null;
            DurationValueSyntax? toleranceAt = null;
            SourceText? toleranceSource = null;
            foreach (var (p, source) in _programProperties)
            {
                if (!Repeating[(int)BlockContext.Program].Contains(p.KeywordText) && !tracker.IsFirst(p, source)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Start:
                        if (DateOf(v[0], source) is CalendarDate start)
                        {
                            _program.Start = start;
                            _program.HasStart = true;
                        }

                        break;
                    case Keywords.Deadline:
                        _program.Deadline = DateOf(v[0], source);
                        _program.DeadlineLocation = Loc(source, p);
                        break;
                    case Keywords.StatusDate:
                        _program.StatusDate = DateOf(v[0], source);
                        statusAt = Loc(source, v[0]);
                        break;
                    case Keywords.Currency: _program.Currency = ((NameValueSyntax)v[0]).Text; break;
                    case Keywords.Budget:
                        _program.Budget = NonNegative(v[0], source, "the budget");
                        _program.BudgetLocation = Loc(source, p);
                        break;
                    case Keywords.Workdays: _program.Calendar.Workdays = WeekdaysOf(p); break;
                    case Keywords.Holiday:
                        if (DayOffOf(p, source) is DayOff h) holidays.Add(h);
                        break;
                    case Keywords.HoursPerDay:
                        var hours = ((NumberValueSyntax)v[0]).Value;
                        if (!ValueRanges.HoursPerDay.Contains(hours)) _diagnostics.Add(DiagnosticCatalog.OutOfRange(Loc(source, v[0]), ValueRanges.HoursPerDay, hours));
                        else _program.HoursPerDay = hours;
                        break;
                    case Keywords.Leveling:
                        var mode = EnumWord(v[0], source, LevelingModes, "leveling mode");
                        if (mode != null) _program.Leveling = mode == "on";
                        break;
                    case Keywords.Note: _program.Note = ((StringValueSyntax)v[0]).Value; break;
                    case Keywords.Baseline:
                        _program.BaselinePath = ((StringValueSyntax)v[0]).Value;
                        _program.BaselineLocation = Loc(source, v[0]);
                        break;
                    case Keywords.BaselineTolerance:
                        toleranceAt = (DurationValueSyntax)v[0];
                        toleranceSource = source;
                        break;
                }
            }

            // After the loop: a tolerance in hours counts in the program's hours-per-day, wherever that is written.
            if (toleranceAt != null && toleranceSource != null && DaysOf(toleranceAt, toleranceSource) is decimal tolerance) _program.BaselineToleranceDays = tolerance;

            _program.Calendar.Holidays = ToArray(holidays);
            // A 'start' that failed to parse is already a syntax error in the program body.
            if (tracker.Get(Keywords.Start) is null && !decl.ContainsErrors)
            {
                _diagnostics.Add(DiagnosticCatalog.NoStartDate(Loc(rootSource, decl.Name), decl.Name.Text));
            }
            else if (_program.Deadline is CalendarDate deadline && deadline < _program.Start && _program.DeadlineLocation is SourceLocation deadlineAt)
            {
                _diagnostics.Add(DiagnosticCatalog.DeadlineBeforeStart(deadlineAt, deadline, _program.Start));
            }

            if (_program.HasStart && _program.StatusDate is CalendarDate statusDate && statusDate < _program.Start && statusAt is SourceLocation at)
            {
                _diagnostics.Add(DiagnosticCatalog.StatusDateBeforeStart(at, statusDate, _program.Start));
            }
        }

        /// <summary>Binds one declaration's body with the method for its kind; each reads its statements in order.</summary>
        private void BindDeclaration(Symbol symbol, DeclarationSyntax decl, SourceText source)
        {
            _tracker.Reset(symbol);

            // The worker's scratch lists collect this declaration's settings; only exact-size arrays are kept.
            _scratch.Clear();
            switch (symbol)
            {
                case TaskSymbol { IsMilestone: true } milestone: BindMilestone(milestone, decl, source); break;
                case TaskSymbol task: BindTask(task, decl, source); break;
                case WorkstreamSymbol workstream: BindWorkstream(workstream, decl, source); break;
                case CalendarSymbol calendar: BindCalendar(calendar, decl, source); break;
                case RoleSymbol role: BindRole(role, decl, source); break;
                case PersonSymbol person: BindPerson(person, decl, source); break;
                case TeamSymbol team: BindTeam(team, decl, source); break;
                case ResourceSymbol resource: BindResource(resource, decl, source); break;
                case StakeholderSymbol stakeholder: BindStakeholder(stakeholder, decl, source); break;
                case MetricSymbol metric: BindMetric(metric, decl, source); break;
                case RiskSymbol risk: BindRisk(risk, decl, source); break;
                case DecisionSymbol decision: BindDecision(decision, decl, source); break;
                default: BindNotesOnly(symbol, decl, source); break;
            }
        }

        /// <summary>
        /// The statement, when it is a setting to bind: null for a nested declaration, and for a repeat of a setting
        /// that may not repeat (reported once, pointing at the first).
        /// </summary>
        private PropertySyntax? Setting(StatementSyntax statement, SourceText source, HashSet<string> repeating) =>
            statement is PropertySyntax p && (repeating.Contains(p.KeywordText) || _tracker.IsFirst(p, source)) ? p : null;

        private static HashSet<string> RepeatingIn(BlockContext block) => Repeating[(int)block];

        /// <summary>A skill: only a note.</summary>
        private void BindNotesOnly(Symbol symbol, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(SyntaxFacts.BodyContext(decl.Kind));
            foreach (var statement in decl.Body)
            {
                if (Setting(statement, source, repeating) is PropertySyntax p && p.KeywordText == Keywords.Note) symbol.Note = Text(p);
            }
        }

        private static string Text(PropertySyntax p) => ((StringValueSyntax)p.Values[0]).Value;

        private void BindCalendar(CalendarSymbol calendar, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Calendar);
            var holidays = _scratch.Holidays;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                switch (p.KeywordText)
                {
                    case Keywords.Note: calendar.Note = Text(p); break;
                    case Keywords.Workdays: calendar.Workdays = WeekdaysOf(p); break;
                    case Keywords.Holiday: if (DayOffOf(p, source) is DayOff h) holidays.Add(h); break;
                }
            }

            calendar.Holidays = ToArray(holidays);
        }

        private void BindRole(RoleSymbol role, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Role);
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                switch (p.KeywordText)
                {
                    case Keywords.Note: role.Note = Text(p); break;
                    case Keywords.Rate: role.Rate = RateOf(p.Values[0]); break;
                }
            }
        }

        private void BindPerson(PersonSymbol person, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Person);
            var vacations = _scratch.Vacations;
            var roles = _scratch.Roles;
            var skills = _scratch.Skills;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: person.Note = Text(p); break;
                    case Keywords.Vacation: if (DayOffOf(p, source) is DayOff vac) vacations.Add(vac); break;
                    case Keywords.Rate: person.Rate = RateOf(v[0]); break;
                    case Keywords.Role:
                        foreach (ReferenceValueSyntax r in v)
                        {
                            if (Resolve(r.Reference, source, null, RoleKind, "role", "role") is RoleSymbol heldRole && FirstListed(person, "role", heldRole, heldRole.Name, Loc(source, r))) roles.Add(heldRole);
                        }

                        break;
                    case Keywords.Skills:
                        foreach (var n in v)
                        {
                            var skill = ((NameValueSyntax)n).Text;
                            if (FirstListed(person, "skills", skill, skill, Loc(source, n))) skills.Add(skill);
                        }

                        break;
                    case Keywords.Capacity:
                        if (Percentage(v[0], source, ValueRanges.Capacity) is decimal capacity) person.Capacity = capacity;
                        break;
                    case Keywords.Calendar: person.Calendar = CalendarOf(p, source); break;
                    case Keywords.Email: person.Email = Text(p); break;
                }
            }

            person.Vacations = ToArray(vacations);
            person.Roles = ToArray(roles);
            person.Skills = ToArray(skills);
        }

        private CalendarSymbol? CalendarOf(PropertySyntax p, SourceText source) =>
            Resolve(((ReferenceValueSyntax)p.Values[0]).Reference, source, null, CalendarKind, "calendar", "calendar") as CalendarSymbol;

        private void BindTeam(TeamSymbol team, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Team);
            var members = _scratch.Members;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                switch (p.KeywordText)
                {
                    case Keywords.Note: team.Note = Text(p); break;
                    case Keywords.Lead:
                        team.Lead = Resolve(((ReferenceValueSyntax)p.Values[0]).Reference, source, null, PersonKind, "person", "lead") as PersonSymbol;
                        break;
                    case Keywords.Members:
                        foreach (ReferenceValueSyntax r in p.Values)
                        {
                            if (Resolve(r.Reference, source, null, MemberKinds, "person", "members") is PersonSymbol m && FirstListed(team, "members", m, m.Name, Loc(source, r))) members.Add(m);
                        }

                        break;
                }
            }

            team.Members = ToArray(members);
        }

        private void BindResource(ResourceSymbol resource, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Resource);
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: resource.Note = Text(p); break;
                    case Keywords.Rate: resource.Rate = RateOf(v[0]); break;
                    case Keywords.Capacity:
                        var units = ((NumberValueSyntax)v[0]).Value;
                        if (!ValueRanges.ResourceCapacity.Contains(units))
                        {
                            _diagnostics.Add(DiagnosticCatalog.OutOfRange(Loc(source, v[0]), ValueRanges.ResourceCapacity, units));
                        }
                        else
                        {
                            resource.Capacity = (int)units;
                        }

                        break;
                    case Keywords.Calendar: resource.Calendar = CalendarOf(p, source); break;
                }
            }
        }

        private void BindStakeholder(StakeholderSymbol stakeholder, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Stakeholder);
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: stakeholder.Note = Text(p); break;
                    case Keywords.Raci:
                        var raci = EnumWord(v[0], source, RaciWords, "RACI role");
                        if (raci != null) stakeholder.Raci = (Raci)Enum.Parse(typeof(Raci), raci, ignoreCase: true);
                        break;
                    case Keywords.Cadence:
                        stakeholder.Cadence = EnumWord(v[0], source, Cadences, "cadence");
                        break;
                    case Keywords.Contact:
                        stakeholder.Contact = Resolve(((ReferenceValueSyntax)v[0]).Reference, source, null, ContactKinds, "person", "contact") as PersonSymbol;
                        break;
                }
            }
        }

        private void BindMetric(MetricSymbol metric, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Metric);
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: metric.Note = Text(p); break;
                    case Keywords.Target:
                        var cmp = (ComparisonValueSyntax)v[0];
                        metric.Target = new MetricTarget(cmp.Operator, cmp.Value);
                        break;
                    case Keywords.Current: metric.Current = ((NumberValueSyntax)v[0]).Value; break;
                    case Keywords.Unit: metric.Unit = Text(p); break;
                    case Keywords.Owner: metric.Owner = OwnerOf(p, source, MetricOwnerKinds) as PersonSymbol; break;
                }
            }
        }

        private Symbol? OwnerOf(PropertySyntax p, SourceText source, SymbolKind[] kinds) =>
            Resolve(((ReferenceValueSyntax)p.Values[0]).Reference, source, null, kinds, "person", "owner");

        private void BindWorkstream(WorkstreamSymbol workstream, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Workstream);
            var dependencies = _scratch.Dependencies;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                switch (p.KeywordText)
                {
                    case Keywords.Note: workstream.Note = Text(p); break;
                    case Keywords.Owner: workstream.Owner = OwnerOf(p, source, OwnerKinds); break;
                    case Keywords.After: BindAfter(workstream, p, source, dependencies); break;
                    case Keywords.Due:
                        workstream.Due = DateOf(p.Values[0], source);
                        workstream.DueLocation = Loc(source, p);
                        break;
                }
            }

            workstream.Dependencies = ToArray(dependencies);
        }

        /// <summary><c>after</c>: each dependency once (the same target, type and lag).</summary>
        private void BindAfter(Symbol owner, PropertySyntax p, SourceText source, List<Dependency> dependencies)
        {
            // By index, and repeats looked up by a typed key: an enumerator and a boxed key per dependency were a tenth of
            // binding a 100,000-task plan.
            var values = p.Values;
            var listed = _scratch.ListedAfter;
            for (int i = 0; i < values.Count; i++)
            {
                var item = (DependencyItemSyntax)values[i];
                if (!(BindDependency(item, source, owner) is Dependency dependency)) continue;
                var key = (dependency.Target, dependency.Type, dependency.LagDays);
                var at = Loc(source, item);
                if (listed.TryGetValue(key, out var seen))
                {
                    if (seen.Reported) continue;
                    _diagnostics.Add(DiagnosticCatalog.ListedTwice(at, seen.First, dependency.Target.Name, "after", owner.Describe(), "keep one (the same target, type and lag)"));
                    listed[key] = (seen.First, true);
                    continue;
                }

                listed[key] = (at, false);
                dependencies.Add(dependency);
            }
        }

        /// <summary>The statements a task and a milestone share; false for any other.</summary>
        private bool BindScheduledItem(TaskSymbol task, PropertySyntax p, SourceText source)
        {
            var v = p.Values;
            switch (p.KeywordText)
            {
                case Keywords.Note: task.Note = Text(p); return true;
                case Keywords.Owner: task.Owner = OwnerOf(p, source, OwnerKinds); return true;
                case Keywords.After: BindAfter(task, p, source, _scratch.Dependencies); return true;
                case Keywords.Due:
                    task.Due = DateOf(v[0], source);
                    task.DueLocation = Loc(source, p);
                    return true;
                case Keywords.NotBefore: task.NotBefore = DateOf(v[0], source); return true;
                case Keywords.ActualFinish: task.ActualFinish = TrackedDate(v[0], source, p.KeywordText, "finished"); return true;
                case Keywords.Phase:
                    var phase = EnumWord(v[0], source, Phases, "phase");
                    if (phase != null) task.Phase = (Phase)Enum.Parse(typeof(Phase), phase, ignoreCase: true);
                    return true;
                default:
                    return false;
            }
        }

        private void BindMilestone(TaskSymbol milestone, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Milestone);
            var gates = _scratch.Gates;
            var gateLocations = _scratch.GateLocations;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p) || BindScheduledItem(milestone, p, source)) continue;
                if (p.KeywordText == Keywords.Gate)
                {
                    foreach (ReferenceValueSyntax r in p.Values)
                    {
                        if (Resolve(r.Reference, source, null, MetricKind, "metric", "gate") is MetricSymbol m && FirstListed(milestone, "gate", m, m.Name, Loc(source, r)))
                        {
                            gates.Add(m);
                            gateLocations.Add(Loc(source, r));
                        }
                    }
                }
            }

            FinishTask(milestone, decl);
        }

        private void BindTask(TaskSymbol task, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Task);
            var scratch = _scratch;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p) || BindScheduledItem(task, p, source)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Effort:
                    case Keywords.Duration:
                    case Keywords.Estimate:
                        BindWork(task, p, source, _tracker);
                        break;
                    case Keywords.Assign:
                        _assignWritten[task.Index] = true;
                        foreach (AssignmentItemSyntax item in v)
                        {
                            BindAssignment(item, source, task, scratch.Assignments, scratch.RoleAssignments);
                        }

                        break;
                    case Keywords.Requires:
                        foreach (NameValueSyntax n in v)
                        {
                            if (!FirstListed(task, "requires", n.Text, n.Text, Loc(source, n))) continue;
                            scratch.Required.Add(n.Text);

                            // Skills are an open vocabulary, known once a person has them or a 'skill' declares them:
                            // check after every person is bound.
                            _requiredSkills.Add((n, source));
                        }

                        break;
                    case Keywords.Uses:
                        foreach (ResourceUseItemSyntax item in v)
                        {
                            if (!(Resolve(item.Resource, source, null, ResourceKind, "resource", "uses") is ResourceSymbol resource)) continue;
                            var n = item.Units?.Value ?? 1m;
                            if (!ValueRanges.UsedUnits.Contains(n))
                            {
                                _diagnostics.Add(DiagnosticCatalog.OutOfRange(Loc(source, (SyntaxNode?)item.Units ?? item), ValueRanges.UsedUnits, n));
                                continue;
                            }

                            if (FirstListed(task, "uses", resource, resource.Name, Loc(source, item), "give one number of units")) scratch.Uses.Add(new ResourceUse(resource, (int)n, Loc(source, item)));
                        }

                        break;
                    case Keywords.Priority:
                        var priority = ((NumberValueSyntax)v[0]).Value;
                        if (!ValueRanges.Priority.Contains(priority))
                        {
                            _diagnostics.Add(DiagnosticCatalog.OutOfRange(Loc(source, v[0]), ValueRanges.Priority, priority));
                        }
                        else
                        {
                            task.Priority = (int)priority;
                        }

                        break;
                    case Keywords.Review:
                        foreach (var n in v)
                        {
                            if (EnumWord(n, source, ReviewKinds, "review kind") is string kind && FirstListed(task, "review", kind, kind, Loc(source, n))) scratch.Reviews.Add(kind);
                        }

                        break;
                    case Keywords.Cost: task.Cost = NonNegative(v[0], source, "cost"); break;
                    case Keywords.ActualCost: task.ActualCost = NonNegative(v[0], source, "actual cost"); break;
                    case Keywords.Progress: task.Progress = Percentage(v[0], source, ValueRanges.Progress); break;
                    case Keywords.ActualStart: task.ActualStart = TrackedDate(v[0], source, p.KeywordText, "started"); break;
                }
            }

            FinishTask(task, decl);
        }

        /// <summary>Keeps a task's or milestone's lists as exact-size arrays.</summary>
        private void FinishTask(TaskSymbol task, DeclarationSyntax decl)
        {
            var scratch = _scratch;
            task.Dependencies = ToArray(scratch.Dependencies);
            task.Assignments = ToArray(scratch.Assignments);
            if (scratch.RoleAssignments.Count > 0) task.RoleAssignments = scratch.RoleAssignments.ToArray();
            task.RequiredSkills = ToArray(scratch.Required);
            if (scratch.Uses.Count > 0) task.ResourceUses = scratch.Uses.ToArray();
            if (scratch.Reviews.Count > 0) task.Reviews = scratch.Reviews.ToArray();
            if (scratch.Gates.Count > 0)
            {
                task.Gates = scratch.Gates.ToArray();
                task.GateLocations = scratch.GateLocations.ToArray();
            }

            if (decl.ContainsErrors) _workErrorReported[task.Index] = true;
        }

        /// <summary><c>affects</c> of a risk or a decision: each piece of work once.</summary>
        private void BindAffects(Symbol owner, PropertySyntax p, SourceText source, List<Symbol> affects)
        {
            foreach (ReferenceValueSyntax r in p.Values)
            {
                if (Resolve(r.Reference, source, null, AffectsKinds, "task", "affects") is Symbol s && FirstListed(owner, "affects", s, s.Name, Loc(source, r))) affects.Add(s);
            }
        }

        private void BindRisk(RiskSymbol risk, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Risk);
            var affects = _scratch.Affects;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: risk.Note = Text(p); break;
                    case Keywords.Owner: risk.Owner = OwnerOf(p, source, OwnerKinds); break;
                    case Keywords.Likelihood:
                        if (v[0] is PercentValueSyntax)
                        {
                            if (Percentage(v[0], source, ValueRanges.Likelihood) is decimal l) risk.Likelihood = l;
                        }
                        else
                        {
                            var word = EnumWord(v[0], source, LikelihoodWords, "likelihood");
                            risk.Likelihood = word == "low" ? 0.1m : word == "medium" ? 0.3m : word == "high" ? 0.6m : 0m;
                        }

                        break;
                    case Keywords.Impact:
                        if (DaysOf((DurationValueSyntax)v[0], source) is decimal impact) risk.ImpactDays = impact;
                        break;
                    case Keywords.Mitigation: risk.Mitigation = Text(p); break;
                    case Keywords.Affects: BindAffects(risk, p, source, affects); break;
                    case Keywords.Status:
                        var rs = EnumWord(v[0], source, RiskStatuses, "risk status");
                        if (rs != null) risk.Status = (RiskStatus)Enum.Parse(typeof(RiskStatus), rs, ignoreCase: true);
                        break;
                }
            }

            risk.Affects = ToArray(affects);
        }

        private void BindDecision(DecisionSymbol decision, DeclarationSyntax decl, SourceText source)
        {
            var repeating = RepeatingIn(BlockContext.Decision);
            var affects = _scratch.Affects;
            foreach (var statement in decl.Body)
            {
                if (!(Setting(statement, source, repeating) is PropertySyntax p)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case Keywords.Note: decision.Note = Text(p); break;
                    case Keywords.Owner: decision.Owner = OwnerOf(p, source, OwnerKinds); break;
                    case Keywords.Date: decision.Date = DateOf(v[0], source); break;
                    case Keywords.Status:
                        var ds = EnumWord(v[0], source, DecisionStatuses, "decision status");
                        if (ds != null) decision.Status = (DecisionStatus)Enum.Parse(typeof(DecisionStatus), ds, ignoreCase: true);
                        break;
                    case Keywords.Rationale: decision.Rationale = Text(p); break;
                    case Keywords.Affects: BindAffects(decision, p, source, affects); break;
                }
            }

            decision.Affects = ToArray(affects);
        }

        private Dependency? BindDependency(DependencyItemSyntax item, SourceText source, Symbol owner)
        {
            // A task's own workstream is not the place to look for itself first: search from its container.
            var target = Resolve(item.Target, source, ReferenceRules.LookupScope(Keywords.After, owner), WorkKinds, "task", "after");
            if (target is null) return null;
            var type = DependencyType.FinishToStart;
            switch (item.TypeText)
            {
                case "ss": type = DependencyType.StartToStart; break;
                case "ff": type = DependencyType.FinishToFinish; break;
                case "sf": type = DependencyType.StartToFinish; break;
            }

            if (owner is WorkstreamSymbol && (type == DependencyType.FinishToFinish || type == DependencyType.StartToFinish))
            {
                _diagnostics.Add(DiagnosticCatalog.WorkstreamAfterType(Loc(source, item.Type!), item.Type!.Text));
                return null;
            }

            int lag = 0;
            if (item.Lag != null)
            {
                if (!(DaysOf(item.Lag, source) is decimal lagDays)) return null;
                var days = Math.Ceiling(lagDays);
                if (days > ValueRanges.MaxLagDays)
                {
                    _diagnostics.Add(DiagnosticCatalog.LagTooLarge(Loc(source, item.Lag), item.IsLead, days));
                    return null;
                }

                lag = item.IsLead ? -(int)days : (int)days;
            }

            return new Dependency(target, type, lag, Loc(source, item));
        }

        private void BindWork(TaskSymbol task, PropertySyntax p, SourceText source, SettingTracker tracker)
        {
            var location = Loc(source, p);
            if (task.IsMilestone) return;
            switch (p.KeywordText)
            {
                case Keywords.Effort:
                case Keywords.Duration:
                    var other = p.KeywordText == Keywords.Effort ? "duration" : "effort";
                    if (tracker.Get(other) is SourceLocation first)
                    {
                        _diagnostics.Add(DiagnosticCatalog.EffortAndDuration(new SourceLocation(source, p.KeywordSpan), first, task.Describe()));
                        return;
                    }

                    if (!(DaysOf((DurationValueSyntax)p.Values[0], source) is decimal days))
                    {
                        _workErrorReported[task.Index] = true;
                        return;
                    }

                    if (p.KeywordText == Keywords.Effort) task.Effort = days;
                    else task.Duration = days;
                    task.WorkKind = p.KeywordText == Keywords.Effort ? WorkKind.Effort : WorkKind.Duration;
                    task.WorkLocation = location;
                    break;
                case Keywords.Estimate:
                    var optimistic = DaysOf((DurationValueSyntax)p.Values[0], source);
                    var likely = DaysOf((DurationValueSyntax)p.Values[1], source);
                    var pessimistic = DaysOf((DurationValueSyntax)p.Values[2], source);
                    if (!(optimistic is decimal o && likely is decimal m && pessimistic is decimal pe))
                    {
                        _workErrorReported[task.Index] = true;
                        return;
                    }

                    if (!(o <= m && m <= pe))
                    {
                        _diagnostics.Add(DiagnosticCatalog.EstimateNotOrdered(Loc(source, p), o, m, pe));
                        _workErrorReported[task.Index] = true;
                        return;
                    }

                    task.Estimate = new ThreePointEstimate(o, m, pe);
                    if (task.WorkKind == WorkKind.None)
                    {
                        task.WorkKind = WorkKind.Estimate;
                        task.WorkLocation = location;
                    }

                    break;
            }
        }

        /// <summary>
        /// True the first time <paramref name="target"/> appears in the list <paramref name="list"/> of the declaration
        /// being bound; the first repeat is a TPM1103 at the repeat, pointing back at the first, and later repeats are
        /// dropped silently (a hash lookup each, not a scan).
        /// </summary>
        private bool FirstListed(Symbol owner, string list, object target, string name, SourceLocation at, string fix = "keep one")
        {
            var key = (list, target);
            if (_scratch.Listed.TryGetValue(key, out var seen))
            {
                if (seen.Reported) return false;
                _diagnostics.Add(DiagnosticCatalog.ListedTwice(at, seen.First, name, list, owner.Describe(), fix));
                _scratch.Listed[key] = (seen.First, true);
                return false;
            }

            _scratch.Listed[key] = (at, false);
            return true;
        }

        private void BindAssignment(AssignmentItemSyntax item, SourceText source, TaskSymbol task, List<Assignment> assignments, List<RoleAssignment> roleAssignments)
        {
            var target = item.IsRole
                ? Resolve(item.Target, source, null, AssignedRoleKinds, "role", "assign role")
                : Resolve(item.Target, source, null, AssigneeKinds, "person", "assign");
            decimal share = 1m;
            if (item.Share != null)
            {
                if (!(Percentage(item.Share, source, ValueRanges.Share) is decimal s)) return;
                share = s;
            }

            if (target is RoleSymbol role)
            {
                roleAssignments.Add(new RoleAssignment(role, share, Loc(source, item)));
                return;
            }

            if (!(target is PersonSymbol person)) return;
            if (_scratch.AssignedPeople.TryGetValue(person, out var duplicate))
            {
                _diagnostics.Add(DiagnosticCatalog.AssignedTwice(Loc(source, item), duplicate.Location, person.Name, task.Describe()));
                return;
            }

            var assignment = new Assignment(person, share, Loc(source, item));
            _scratch.AssignedPeople[person] = assignment;
            assignments.Add(assignment);
        }

        // ---------------------------------------------------------------- whole-program checks

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private void CheckTasks()
        {
            HashSet<RoleSymbol>? heldRoles = null;
            // Skills are an open vocabulary: known once a 'skill' declares them or a person has them.
            var knownSkills = new HashSet<string>(StringComparer.Ordinal);
            foreach (var skill in _program.Skills) knownSkills.Add(skill.Name);
            foreach (var person in _program.People) foreach (var skill in person.Skills) knownSkills.Add(skill);
            string[]? sortedSkills = null;
            int suggestions = 0;
            foreach (var (name, source) in _requiredSkills)
            {
                if (knownSkills.Contains(name.Text)) continue;
                sortedSkills ??= knownSkills.OrderBy(s => s, StringComparer.Ordinal).ToArray();
                var suggestion = suggestions++ < MaxSuggestions && AffordComparisons(sortedSkills.Length) ? Spelling.Closest(name.Text, sortedSkills) : null;
                _diagnostics.Add(DiagnosticCatalog.UnknownName(Loc(source, name), "skill", name.Text, suggestion));
            }

            foreach (var task in _program.Tasks)
            {
                if (!task.IsMilestone && task.WorkKind == WorkKind.None && !_workErrorReported[task.Index])
                {
                    _diagnostics.Add(DiagnosticCatalog.TaskWithoutWork(task.Location, task.Id));
                }

                if (task.WorkKind == WorkKind.Effort && !_assignWritten[task.Index])
                {
                    var days = Math.Ceiling(task.Effort ?? 0);
                    _diagnostics.Add(DiagnosticCatalog.EffortTakenAsDuration(task.WorkLocation ?? task.Location, task.Id, task.Effort ?? 0, days));
                }

                foreach (var role in task.RoleAssignments)
                {
                    heldRoles ??= new HashSet<RoleSymbol>(_program.People.SelectMany(p => p.Roles));
                    if (!heldRoles.Contains(role.Role))
                    {
                        _diagnostics.Add(DiagnosticCatalog.RoleUnheld(role.Location, role.Role.Id, task.Describe()));
                    }
                }

                if (task.Progress > 0 && task.ActualStart is null && task.ActualFinish is null && !task.IsMilestone)
                {
                    // Without a start the scheduler cannot tell which of the work is behind it.
                    _diagnostics.Add(DiagnosticCatalog.ProgressWithoutActualStart(task.Location, task.Describe()));
                }

                if (task.ActualFinish is CalendarDate finish)
                {
                    // A milestone has no duration: its actual-finish alone says it was reached.
                    if (task.ActualStart is null && !task.IsMilestone)
                    {
                        _diagnostics.Add(DiagnosticCatalog.ActualFinishWithoutStart(task.Location, task.Describe()));
                    }
                    else if (task.ActualStart is CalendarDate started && finish < started)
                    {
                        _diagnostics.Add(DiagnosticCatalog.FinishesBeforeStarts(task.Location, task.Describe(), finish, started));
                    }
                }
            }
        }
    }
}
