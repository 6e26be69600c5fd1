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
        internal BindResult(ProgramSymbol? program, IReadOnlyList<Diagnostic> diagnostics)
        {
            Program = program;
            Diagnostics = diagnostics;
        }

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

        // About 3.65 million days separate 0001-01-01 from 9999-12-31; a longer lag can only be a mistake.
        private const int MaxLagDays = 4_000_000;

        private static readonly string[] ReviewKinds = { "fairness", "privacy", "security", "safety", "legal", "compliance", "accessibility", "ethics", "explainability", "robustness" };
        private static readonly string[] Cadences = { "daily", "weekly", "biweekly", "monthly", "quarterly" };
        private static readonly string[] LevelingModes = { "on", "off" };
        private static readonly string[] RaciWords = { "responsible", "accountable", "consulted", "informed" };
        private static readonly string[] LikelihoodWords = { "low", "medium", "high" };
        private static readonly string[] RiskStatuses = { "open", "mitigated", "closed", "occurred" };
        private static readonly string[] DecisionStatuses = { "proposed", "accepted", "rejected", "superseded" };
        private static readonly SymbolKind[] WorkKinds = { SymbolKind.Task, SymbolKind.Milestone, SymbolKind.Workstream };
        private static readonly SymbolKind[] PersonKind = { SymbolKind.Person };
        private static readonly SymbolKind[] WorkstreamKind = { SymbolKind.Workstream };
        private static readonly SymbolKind[] OwnerKinds = { SymbolKind.Person, SymbolKind.Team };
        private static readonly SymbolKind[] RoleKind = { SymbolKind.Role };
        private static readonly SymbolKind[] CalendarKind = { SymbolKind.Calendar };
        private static readonly SymbolKind[] ResourceKind = { SymbolKind.Resource };
        private static readonly SymbolKind[] MetricKind = { SymbolKind.Metric };
        private static readonly string[] Phases = { "feasibility", "data", "modeling", "evaluation", "deployment", "monitoring" };

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

        // The TPM1003 text and related locations of each ambiguous name (keyed by its candidate list), built once:
        // thousands of references to a name declared in thousands of workstreams repeated the whole list each time.
        private readonly Dictionary<List<Symbol>, (string List, SourceLocation[] Locations)> _ambiguities = new Dictionary<List<Symbol>, (string, SourceLocation[])>();

        // Names this binder may still compare for suggestions. Each suggestion scans every candidate name, so in a plan
        // with a million names and many typos suggestions alone were quadratic; the budget is counted in names, not
        // time, and split evenly between the parallel chunks, so the output stays the same on any machine.
        private long _suggestionWork = MaxSuggestionWork;
        private ProgramSymbol _program = null!;

        private Binder()
        {
            _tracker = new SettingTracker(this);
            _rootScope = new Dictionary<string, Symbol>(StringComparer.Ordinal);
            _nestedByName = new Dictionary<string, List<Symbol>>(StringComparer.Ordinal);
            _declared = new List<(Symbol, DeclarationSyntax, SourceText)>();
            _programProperties = new List<(PropertySyntax, SourceText)>();
            _workErrorReported = Array.Empty<bool>();
            _assignWritten = Array.Empty<bool>();
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
        internal static BindResult Bind(SyntaxTree root, IReadOnlyDictionary<IncludeSyntax, SyntaxTree>? includes, int chunkSize, System.Threading.CancellationToken cancellationToken = default)
        {
            var binder = new Binder { _chunkSize = chunkSize, _cancellation = cancellationToken };
            var program = binder.BindProgram(root, includes ?? new Dictionary<IncludeSyntax, SyntaxTree>());
            return new BindResult(program, binder._diagnostics);
        }

        private void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) =>
            _diagnostics.Add(Diagnostic.Create(descriptor, location, args));

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
                Report(DiagnosticCatalog.MissingSetting, at, "'" + source.Path + "' has no 'program' declaration; a program file starts with 'program <id> \"<name>\" { ... }' (fragments are read through 'include')");
                return null;
            }

            foreach (var extra in programs.Skip(1))
            {
                var first = Loc(source, programs[0].Name);
                _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.DuplicateDefinition, Loc(source, extra.Name), new[] { first }, extra.Name.Text, "the program", first.ToString()));
            }

            foreach (var stray in root.Root.Statements.Where(s => !(s is DeclarationSyntax d && d.Kind == DeclarationKind.Program)))
            {
                Report(DiagnosticCatalog.SyntaxError, new SourceLocation(source, stray.KeywordSpan), "'" + stray.KeywordText + "' is outside the program block; move it inside 'program { ... }'");
            }

            var decl = programs[0];
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
            }
        }

        // ---------------------------------------------------------------- declaration

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private void DeclareMembers(DeclarationSyntax programDecl, SourceText rootSource, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes)
        {
            // Each frame walks one statement list; includes and workstream bodies push frames instead of recursing.
            var stack = new Stack<(IReadOnlyList<StatementSyntax> Statements, int Next, SourceText Source, WorkstreamSymbol? Container)>();
            stack.Push((programDecl.Body, 0, rootSource, null));
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
                            foreach (var d in fragment.Root.Statements.OfType<DeclarationSyntax>().Where(d => d.Kind == DeclarationKind.Program))
                            {
                                Report(DiagnosticCatalog.IncludeError, Loc(frame.Source, include.Path), "'" + include.Path.Value + "' declares program '" + d.Name.Text + "'; an included file holds members only");
                            }

                            stack.Push((fragment.Root.Statements.Where(s => !(s is DeclarationSyntax d && d.Kind == DeclarationKind.Program)).ToList(), 0, fragment.Source, null));
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
                Report(DiagnosticCatalog.InputLimitExceeded, location, Symbol.KindWord(symbol.Kind) + " '" + name + "' has an id of " + length.ToString("N0", CultureInfo.InvariantCulture) +
                    " characters ('" + container.Id.Substring(0, Math.Min(40, container.Id.Length)) + "…'), longer than the limit of " +
                    InputLimits.MaxIdLength.ToString("N0", CultureInfo.InvariantCulture) + "; use shorter names or fewer levels of workstreams");
            }

            var scope = container is null ? _rootScope : container.Members;
            if (scope.TryGetValue(name, out var existing))
            {
                _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.DuplicateDefinition, location, new[] { existing.Location }, name, Article(existing.Kind), existing.Location.ToString()));
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

        // The hot path of binding: kept free of lambdas (a captured parameter would cost an allocation per call);
        // the error reports live in their own methods.
        private Symbol? Resolve(ReferenceSyntax reference, SourceText source, WorkstreamSymbol? scope, SymbolKind[] expected, string noun, string keyword)
        {
            var first = reference.SegmentText(0);
            Symbol? symbol = null;
            for (var ws = scope; ws != null && symbol is null; ws = ws.Container)
            {
                ws.Members.TryGetValue(first, out symbol);
            }

            if (symbol is null) _rootScope.TryGetValue(first, out symbol);
            if (symbol is null && _nestedByName.TryGetValue(first, out var candidates))
            {
                if (candidates.Count > 1)
                {
                    ReportAmbiguous(reference.Segments[0], source, candidates);
                    return null;
                }

                symbol = candidates[0];
            }

            if (symbol is null)
            {
                ReportUnknown(reference, source, scope, expected, noun);
                return null;
            }

            for (int i = 1; i < reference.SegmentCount; i++)
            {
                if (!(symbol is WorkstreamSymbol container) || !container.Members.TryGetValue(reference.SegmentText(i), out var child))
                {
                    ReportUnknownMember(reference, source, symbol!, i, expected, noun);
                    return null;
                }

                symbol = child;
            }

            if (!IsOneOf(symbol!.Kind, expected))
            {
                Report(DiagnosticCatalog.WrongKind, Loc(source, reference), reference.Text, Article(symbol.Kind), "'" + keyword + "'", DescribeKinds(expected));
                return null;
            }

            return symbol;
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

            _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.AmbiguousReference, Loc(source, first), described.Locations, first.Text, described.List));
        }

        private void ReportUnknown(ReferenceSyntax reference, SourceText source, WorkstreamSymbol? scope, SymbolKind[] expected, string noun)
        {
            // In 'dta.eda' the unknown part is a workstream: suggest one, keeping the rest of the reference.
            var first = reference.Segments[0];
            var suggestion = reference.Segments.Count == 1
                ? Suggest(first.Text, scope, expected)
                : SuggestName(first.Text, scope, WorkstreamKind) is string ws
                    ? "; did you mean '" + ws + reference.Text.Substring(first.Text.Length) + "'?"
                    : string.Empty;
            Report(DiagnosticCatalog.UnknownReference, Loc(source, reference), noun, reference.Text, suggestion);
        }

        private void ReportUnknownMember(ReferenceSyntax reference, SourceText source, Symbol symbol, int i, SymbolKind[] expected, string noun)
        {
            var segment = reference.Segments[i];
            if (!(symbol is WorkstreamSymbol container))
            {
                Report(DiagnosticCatalog.UnknownReference, Loc(source, reference), noun, reference.Text,
                    "; " + symbol.Describe() + " has no members, so '" + segment.Text + "' cannot be found in it");
                return;
            }

            var prefix = string.Join(".", reference.Segments.Take(i).Select(s => s.Text));
            var suggestion = AffordComparisons(container.Members.Count)
                ? Spelling.Closest(segment.Text, container.Members.Values.Where(v => IsOneOf(v.Kind, expected)).Select(v => v.Name))
                : null;
            Report(DiagnosticCatalog.UnknownReference, Loc(source, reference), noun, reference.Text,
                suggestion is null ? "; workstream '" + container.Id + "' has no '" + segment.Text + "'" : "; did you mean '" + prefix + "." + suggestion + "'?");
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

        private string Suggest(string name, WorkstreamSymbol? scope, SymbolKind[] expected) =>
            SuggestName(name, scope, expected) is string closest ? "; did you mean '" + closest + "'?" : string.Empty;

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
                Report(DiagnosticCatalog.InvalidValue, Loc(source, value),
                    keyword + " " + date + " is before the program start " + _program.Start + "; move 'start' to " + date + " or earlier, or correct the date");
            }
            else if (_program.StatusDate is CalendarDate status && date > status)
            {
                Report(DiagnosticCatalog.InvalidValue, Loc(source, value),
                    keyword + " " + date + " is after the status date " + status + ": work cannot have " + verb + " after the day progress is reported on; correct the date, or move 'status-date' to " + date + " or later");
            }

            return date;
        }

        private CalendarDate? DateOf(ValueSyntax value, SourceText source)
        {
            var date = value as DateValueSyntax ?? (value as DateRangeValueSyntax)?.From;
            if (date is null) return null;
            if (!date.IsValid)
            {
                Report(DiagnosticCatalog.InvalidValue, Loc(source, date), "'" + date + "' is not a valid date");
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
                Report(DiagnosticCatalog.InvalidValue, Loc(source, range), "the range " + from + ".." + to + " ends before it starts");
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
                Report(DiagnosticCatalog.InvalidValue, Loc(source, duration), "the duration " + duration + " is too large to count in working days");
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
            var suggestion = Spelling.Closest(word, allowed);
            Report(DiagnosticCatalog.InvalidValue, Loc(source, value),
                "'" + word + "' is not a valid " + what + (suggestion is null ? "; use " + string.Join(", ", allowed) : "; did you mean '" + suggestion + "'?"));
            return null;
        }

        private decimal? Percentage(ValueSyntax value, SourceText source, string what, bool allowZero)
        {
            var percent = (PercentValueSyntax)value;
            if (percent.Percent > 100m || (!allowZero && percent.Percent <= 0m))
            {
                Report(DiagnosticCatalog.InvalidValue, Loc(source, value), what + " must be " + (allowZero ? "between 0% and 100%" : "more than 0% and at most 100%") + ", not " + Format(percent.Percent) + "%");
                return null;
            }

            return percent.Fraction;
        }

        private decimal? NonNegative(ValueSyntax value, SourceText source, string what)
        {
            var n = ((NumberValueSyntax)value).Value;
            if (n < 0)
            {
                Report(DiagnosticCatalog.InvalidValue, Loc(source, value), what + " cannot be negative");
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
                    _binder._diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.ConflictingSetting, location, new[] { first },
                        "'" + property.KeywordText + "' is set more than once in " + _owner.Describe() + " (first at " + first + "); keep one"));
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
                Holidays.Clear(); Vacations.Clear(); Dependencies.Clear(); Assignments.Clear(); AssignedPeople.Clear(); Listed.Clear(); RoleAssignments.Clear();
                Roles.Clear(); Skills.Clear(); Reviews.Clear(); Required.Clear(); Members.Clear(); Uses.Clear(); Gates.Clear(); GateLocations.Clear(); Affects.Clear();
                return this;
            }
        }

        private static readonly HashSet<string> MultiValued = new HashSet<string>(StringComparer.Ordinal)
        {
            "holiday", "vacation", "after", "assign", "skills", "role", "members", "uses", "review", "gate", "affects", "requires",
        };

        private void BindProgramProperties(DeclarationSyntax decl, SourceText rootSource)
        {
            var tracker = _tracker.Reset(_program);
            var holidays = new List<DayOff>();
            SourceLocation? statusAt = null;
            foreach (var (p, source) in _programProperties)
            {
                if (!MultiValued.Contains(p.KeywordText) && !tracker.IsFirst(p, source)) continue;
                var v = p.Values;
                switch (p.KeywordText)
                {
                    case "start":
                        if (DateOf(v[0], source) is CalendarDate start)
                        {
                            _program.Start = start;
                            _program.HasStart = true;
                        }

                        break;
                    case "deadline":
                        _program.Deadline = DateOf(v[0], source);
                        _program.DeadlineLocation = Loc(source, p);
                        break;
                    case "status-date":
                        _program.StatusDate = DateOf(v[0], source);
                        statusAt = Loc(source, v[0]);
                        break;
                    case "currency": _program.Currency = ((NameValueSyntax)v[0]).Text; break;
                    case "budget":
                        _program.Budget = NonNegative(v[0], source, "the budget");
                        _program.BudgetLocation = Loc(source, p);
                        break;
                    case "workdays": _program.Calendar.Workdays = WeekdaysOf(p); break;
                    case "holiday":
                        if (DayOffOf(p, source) is DayOff h) holidays.Add(h);
                        break;
                    case "hours-per-day":
                        var hours = ((NumberValueSyntax)v[0]).Value;
                        if (hours <= 0 || hours > 24) Report(DiagnosticCatalog.InvalidValue, Loc(source, v[0]), "hours-per-day must be more than 0 and at most 24, not " + Format(hours));
                        else _program.HoursPerDay = hours;
                        break;
                    case "leveling":
                        var mode = EnumWord(v[0], source, LevelingModes, "leveling mode");
                        if (mode != null) _program.Leveling = mode == "on";
                        break;
                    case "note": _program.Note = ((StringValueSyntax)v[0]).Value; break;
                }
            }

            _program.Calendar.Holidays = ToArray(holidays);
            // A 'start' that failed to parse is already a syntax error in the program body.
            if (tracker.Get("start") is null && !decl.ContainsErrors)
            {
                Report(DiagnosticCatalog.MissingSetting, Loc(rootSource, decl.Name), "program '" + decl.Name.Text + "' has no 'start' date; add one, e.g. 'start 2027-01-04'");
            }
            else if (_program.Deadline is CalendarDate deadline && deadline < _program.Start && _program.DeadlineLocation is SourceLocation deadlineAt)
            {
                Report(DiagnosticCatalog.InvalidValue, deadlineAt, "the deadline " + deadline + " is before the program start " + _program.Start);
            }

            if (_program.HasStart && _program.StatusDate is CalendarDate statusDate && statusDate < _program.Start && statusAt is SourceLocation at)
            {
                Report(DiagnosticCatalog.InvalidValue, at, "the status date " + statusDate + " is before the program start " + _program.Start + "; progress cannot be reported before the program starts: correct 'status-date' or 'start'");
            }
        }

        private void BindDeclaration(Symbol symbol, DeclarationSyntax decl, SourceText source)
        {
            var tracker = _tracker.Reset(symbol);
            var scope = symbol is WorkstreamSymbol ws ? ws : symbol.Container;

            // The worker's scratch lists collect this declaration's settings; only exact-size arrays are kept.
            var scratch = _scratch.Clear();
            var holidays = scratch.Holidays;
            var vacations = scratch.Vacations;
            var dependencies = scratch.Dependencies;
            var assignments = scratch.Assignments;
            var roleAssignments = scratch.RoleAssignments;
            var roles = scratch.Roles;
            var skills = scratch.Skills;
            var reviews = scratch.Reviews;
            var required = scratch.Required;
            var members = scratch.Members;
            var uses = scratch.Uses;
            var gates = scratch.Gates;
            var gateLocations = scratch.GateLocations;
            var affects = scratch.Affects;

            foreach (var statement in decl.Body)
            {
                if (!(statement is PropertySyntax p)) continue;
                var keyword = p.KeywordText;
                if (!MultiValued.Contains(keyword) && !tracker.IsFirst(p, source)) continue;
                var v = p.Values;
                switch (keyword)
                {
                    case "note": symbol.Note = ((StringValueSyntax)v[0]).Value; break;
                    case "workdays" when symbol is CalendarSymbol calendar: calendar.Workdays = WeekdaysOf(p); break;
                    case "holiday": if (DayOffOf(p, source) is DayOff h) holidays.Add(h); break;
                    case "vacation": if (DayOffOf(p, source) is DayOff vac) vacations.Add(vac); break;
                    case "rate" when symbol is RoleSymbol role: role.Rate = RateOf(v[0]); break;
                    case "rate" when symbol is PersonSymbol person: person.Rate = RateOf(v[0]); break;
                    case "rate" when symbol is ResourceSymbol resource: resource.Rate = RateOf(v[0]); break;
                    case "role":
                        foreach (ReferenceValueSyntax r in v)
                        {
                            if (Resolve(r.Reference, source, null, RoleKind, "role", "role") is RoleSymbol heldRole && FirstListed(symbol, "role", heldRole, heldRole.Name, Loc(source, r))) roles.Add(heldRole);
                        }

                        break;
                    case "skills":
                        foreach (var n in v)
                        {
                            var skill = ((NameValueSyntax)n).Text;
                            if (FirstListed(symbol, "skills", skill, skill, Loc(source, n))) skills.Add(skill);
                        }

                        break;
                    case "capacity" when symbol is PersonSymbol person:
                        if (Percentage(v[0], source, "capacity", allowZero: false) is decimal capacity) person.Capacity = capacity;
                        break;
                    case "capacity" when symbol is ResourceSymbol resource:
                        var units = ((NumberValueSyntax)v[0]).Value;
                        if (units < 1 || units != decimal.Truncate(units) || units > int.MaxValue)
                        {
                            Report(DiagnosticCatalog.InvalidValue, Loc(source, v[0]), "the capacity of a resource is a whole number of units, at least 1, not " + Format(units));
                        }
                        else
                        {
                            resource.Capacity = (int)units;
                        }

                        break;
                    case "calendar":
                        var cal = Resolve(((ReferenceValueSyntax)v[0]).Reference, source, null, CalendarKind, "calendar", "calendar") as CalendarSymbol;
                        if (symbol is PersonSymbol pc) pc.Calendar = cal;
                        else if (symbol is ResourceSymbol rc) rc.Calendar = cal;
                        break;
                    case "email" when symbol is PersonSymbol person: person.Email = ((StringValueSyntax)v[0]).Value; break;
                    case "lead" when symbol is TeamSymbol team:
                        team.Lead = Resolve(((ReferenceValueSyntax)v[0]).Reference, source, null, PersonKind, "person", "lead") as PersonSymbol;
                        break;
                    case "members":
                        foreach (ReferenceValueSyntax r in v)
                        {
                            if (Resolve(r.Reference, source, null, PersonKind, "person", "members") is PersonSymbol m && FirstListed(symbol, "members", m, m.Name, Loc(source, r))) members.Add(m);
                        }

                        break;
                    case "raci" when symbol is StakeholderSymbol stakeholder:
                        var raci = EnumWord(v[0], source, RaciWords, "RACI role");
                        if (raci != null) stakeholder.Raci = (Raci)Enum.Parse(typeof(Raci), raci, ignoreCase: true);
                        break;
                    case "cadence" when symbol is StakeholderSymbol stakeholder:
                        stakeholder.Cadence = EnumWord(v[0], source, Cadences, "cadence");
                        break;
                    case "contact" when symbol is StakeholderSymbol stakeholder:
                        stakeholder.Contact = Resolve(((ReferenceValueSyntax)v[0]).Reference, source, null, PersonKind, "person", "contact") as PersonSymbol;
                        break;
                    case "target" when symbol is MetricSymbol metric:
                        var cmp = (ComparisonValueSyntax)v[0];
                        metric.Target = new MetricTarget(cmp.Operator, cmp.Value);
                        break;
                    case "current" when symbol is MetricSymbol metric: metric.Current = ((NumberValueSyntax)v[0]).Value; break;
                    case "unit" when symbol is MetricSymbol metric: metric.Unit = ((StringValueSyntax)v[0]).Value; break;
                    case "owner":
                        var ownerKinds = symbol is MetricSymbol ? PersonKind : OwnerKinds;
                        var owner = Resolve(((ReferenceValueSyntax)v[0]).Reference, source, null, ownerKinds, "person", "owner");
                        switch (symbol)
                        {
                            case MetricSymbol metric: metric.Owner = owner as PersonSymbol; break;
                            case WorkstreamSymbol w: w.Owner = owner; break;
                            case TaskSymbol t: t.Owner = owner; break;
                            case RiskSymbol rk: rk.Owner = owner; break;
                            case DecisionSymbol dc: dc.Owner = owner; break;
                        }

                        break;
                    case "after":
                        foreach (DependencyItemSyntax item in v)
                        {
                            if (BindDependency(item, source, symbol, scope) is Dependency dependency
                                && FirstListed(symbol, "after", (dependency.Target, dependency.Type, dependency.LagDays), dependency.Target.Name, Loc(source, item),
                                    "keep one (the same target, type and lag)"))
                            {
                                dependencies.Add(dependency);
                            }

                        }

                        break;
                    case "due":
                        var due = DateOf(v[0], source);
                        if (symbol is TaskSymbol dt)
                        {
                            dt.Due = due;
                            dt.DueLocation = Loc(source, p);
                        }
                        else if (symbol is WorkstreamSymbol dw)
                        {
                            dw.Due = due;
                            dw.DueLocation = Loc(source, p);
                        }

                        break;
                    case "effort":
                    case "duration":
                    case "estimate":
                        BindWork((TaskSymbol)symbol, p, source, tracker);
                        break;
                    case "assign":
                        _assignWritten[((TaskSymbol)symbol).Index] = true;
                        foreach (AssignmentItemSyntax item in v)
                        {
                            BindAssignment(item, source, (TaskSymbol)symbol, assignments, roleAssignments);
                        }

                        break;
                    case "requires":
                        foreach (NameValueSyntax n in v)
                        {
                            if (!FirstListed(symbol, "requires", n.Text, n.Text, Loc(source, n))) continue;
                            required.Add(n.Text);

                            // Skills are an open vocabulary, known once a person has them or a 'skill' declares them:
                            // check after every person is bound.
                            _requiredSkills.Add((n, source));
                        }

                        break;
                    case "uses":
                        foreach (ResourceUseItemSyntax item in v)
                        {
                            if (!(Resolve(item.Resource, source, null, ResourceKind, "resource", "uses") is ResourceSymbol resource)) continue;
                            var n = item.Units?.Value ?? 1m;
                            if (n < 1 || n != decimal.Truncate(n) || n > int.MaxValue)
                            {
                                Report(DiagnosticCatalog.InvalidValue, Loc(source, (SyntaxNode?)item.Units ?? item), "a task uses a whole number of units, at least 1, not " + Format(n));
                                continue;
                            }

                            if (FirstListed(symbol, "uses", resource, resource.Name, Loc(source, item), "give one number of units")) uses.Add(new ResourceUse(resource, (int)n, Loc(source, item)));
                        }

                        break;
                    case "not-before" when symbol is TaskSymbol t: t.NotBefore = DateOf(v[0], source); break;
                    case "priority" when symbol is TaskSymbol t:
                        var priority = ((NumberValueSyntax)v[0]).Value;
                        if (priority < 1 || priority > 1000 || priority != decimal.Truncate(priority))
                        {
                            Report(DiagnosticCatalog.InvalidValue, Loc(source, v[0]), "priority is a whole number from 1 to 1000, not " + Format(priority));
                        }
                        else
                        {
                            t.Priority = (int)priority;
                        }

                        break;
                    case "review":
                        foreach (var n in v)
                        {
                            if (EnumWord(n, source, ReviewKinds, "review kind") is string kind && FirstListed(symbol, "review", kind, kind, Loc(source, n))) reviews.Add(kind);
                        }

                        break;
                    case "cost" when symbol is TaskSymbol t: t.Cost = NonNegative(v[0], source, "cost"); break;
                    case "actual-cost" when symbol is TaskSymbol t: t.ActualCost = NonNegative(v[0], source, "actual cost"); break;
                    case "progress" when symbol is TaskSymbol t: t.Progress = Percentage(v[0], source, "progress", allowZero: true); break;
                    case "actual-start" when symbol is TaskSymbol t: t.ActualStart = TrackedDate(v[0], source, keyword, "started"); break;
                    case "actual-finish" when symbol is TaskSymbol t: t.ActualFinish = TrackedDate(v[0], source, keyword, "finished"); break;
                    case "phase" when symbol is TaskSymbol t:
                        var phase = EnumWord(v[0], source, Phases, "phase");
                        if (phase != null) t.Phase = (Phase)Enum.Parse(typeof(Phase), phase, ignoreCase: true);
                        break;
                    case "gate":
                        foreach (ReferenceValueSyntax r in v)
                        {
                            if (Resolve(r.Reference, source, null, MetricKind, "metric", "gate") is MetricSymbol m && FirstListed(symbol, "gate", m, m.Name, Loc(source, r)))
                            {
                                gates.Add(m);
                                gateLocations.Add(Loc(source, r));
                            }
                        }

                        break;
                    case "likelihood" when symbol is RiskSymbol risk:
                        if (v[0] is PercentValueSyntax)
                        {
                            if (Percentage(v[0], source, "likelihood", allowZero: true) is decimal l) risk.Likelihood = l;
                        }
                        else
                        {
                            var word = EnumWord(v[0], source, LikelihoodWords, "likelihood");
                            risk.Likelihood = word == "low" ? 0.1m : word == "medium" ? 0.3m : word == "high" ? 0.6m : 0m;
                        }

                        break;
                    case "impact" when symbol is RiskSymbol risk:
                        if (DaysOf((DurationValueSyntax)v[0], source) is decimal impact) risk.ImpactDays = impact;
                        break;
                    case "mitigation" when symbol is RiskSymbol risk: risk.Mitigation = ((StringValueSyntax)v[0]).Value; break;
                    case "affects":
                        foreach (ReferenceValueSyntax r in v)
                        {
                            if (Resolve(r.Reference, source, null, WorkKinds, "task", "affects") is Symbol s && FirstListed(symbol, "affects", s, s.Name, Loc(source, r))) affects.Add(s);
                        }

                        break;
                    case "status" when symbol is RiskSymbol risk:
                        var rs = EnumWord(v[0], source, RiskStatuses, "risk status");
                        if (rs != null) risk.Status = (RiskStatus)Enum.Parse(typeof(RiskStatus), rs, ignoreCase: true);
                        break;
                    case "status" when symbol is DecisionSymbol decision:
                        var ds = EnumWord(v[0], source, DecisionStatuses, "decision status");
                        if (ds != null) decision.Status = (DecisionStatus)Enum.Parse(typeof(DecisionStatus), ds, ignoreCase: true);
                        break;
                    case "date" when symbol is DecisionSymbol decision: decision.Date = DateOf(v[0], source); break;
                    case "rationale" when symbol is DecisionSymbol decision: decision.Rationale = ((StringValueSyntax)v[0]).Value; break;
                }
            }

            switch (symbol)
            {
                case CalendarSymbol calendar: calendar.Holidays = ToArray(holidays); break;
                case PersonSymbol person:
                    person.Vacations = ToArray(vacations);
                    person.Roles = ToArray(roles);
                    person.Skills = ToArray(skills);
                    break;
                case TeamSymbol team: team.Members = ToArray(members); break;
                case WorkstreamSymbol workstream: workstream.Dependencies = ToArray(dependencies); break;
                case RiskSymbol risk: risk.Affects = ToArray(affects); break;
                case DecisionSymbol decision: decision.Affects = ToArray(affects); break;
                case TaskSymbol task:
                    task.Dependencies = ToArray(dependencies);
                    task.Assignments = ToArray(assignments);
                    if (roleAssignments.Count > 0) task.RoleAssignments = roleAssignments.ToArray();
                    task.RequiredSkills = ToArray(required);
                    if (uses.Count > 0) task.ResourceUses = uses.ToArray();
                    if (reviews.Count > 0) task.Reviews = reviews.ToArray();
                    if (gates.Count > 0)
                    {
                        task.Gates = gates.ToArray();
                        task.GateLocations = gateLocations.ToArray();
                    }
                    if (decl.ContainsErrors) _workErrorReported[task.Index] = true;
                    break;
            }
        }

        private Dependency? BindDependency(DependencyItemSyntax item, SourceText source, Symbol owner, WorkstreamSymbol? scope)
        {
            // A task's own workstream is not the place to look for itself first: search from its container.
            var target = Resolve(item.Target, source, owner is WorkstreamSymbol w ? w.Container : scope, WorkKinds, "task", "after");
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
                Report(DiagnosticCatalog.InvalidValue, Loc(source, item.Type!), "a workstream's 'after' constrains when its tasks start, so only fs and ss apply; put '" + item.Type!.Text + "' on the tasks themselves");
                return null;
            }

            int lag = 0;
            if (item.Lag != null)
            {
                if (!(DaysOf(item.Lag, source) is decimal lagDays)) return null;
                var days = Math.Ceiling(lagDays);
                if (days > MaxLagDays)
                {
                    Report(DiagnosticCatalog.InvalidValue, Loc(source, item.Lag), "a " + (item.IsLead ? "lead" : "lag") + " of " + Format(days) + " working days is beyond any calendar; use at most " + MaxLagDays.ToString(CultureInfo.InvariantCulture));
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
                case "effort":
                case "duration":
                    var other = p.KeywordText == "effort" ? "duration" : "effort";
                    if (tracker.Get(other) is SourceLocation first)
                    {
                        _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.ConflictingSetting, new SourceLocation(source, p.KeywordSpan), new[] { first },
                            task.Describe() + " has both effort and duration; give one (effort is divided among the assignees, duration is fixed)"));
                        return;
                    }

                    if (!(DaysOf((DurationValueSyntax)p.Values[0], source) is decimal days))
                    {
                        _workErrorReported[task.Index] = true;
                        return;
                    }

                    if (p.KeywordText == "effort") task.Effort = days;
                    else task.Duration = days;
                    task.WorkKind = p.KeywordText == "effort" ? WorkKind.Effort : WorkKind.Duration;
                    task.WorkLocation = location;
                    break;
                case "estimate":
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
                        Report(DiagnosticCatalog.InvalidValue, Loc(source, p), "an estimate is optimistic, most likely, pessimistic with o ≤ m ≤ p; " + Format(o) + "d " + Format(m) + "d " + Format(pe) + "d is not ordered");
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
                _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.ConflictingSetting, at, new[] { seen.First },
                    "'" + name + "' is listed more than once in '" + list + "' of " + owner.Describe() + " (first at " + seen.First + "); " + fix));
                _scratch.Listed[key] = (seen.First, true);
                return false;
            }

            _scratch.Listed[key] = (at, false);
            return true;
        }

        private void BindAssignment(AssignmentItemSyntax item, SourceText source, TaskSymbol task, List<Assignment> assignments, List<RoleAssignment> roleAssignments)
        {
            var target = item.IsRole
                ? Resolve(item.Target, source, null, RoleKind, "role", "assign role")
                : Resolve(item.Target, source, null, PersonKind, "person", "assign");
            decimal share = 1m;
            if (item.Share != null)
            {
                if (!(Percentage(item.Share, source, "a share", allowZero: false) is decimal s)) return;
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
                _diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.ConflictingSetting, Loc(source, item), new[] { duplicate.Location },
                    "'" + person.Name + "' is assigned to " + task.Describe() + " more than once; give one share"));
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
                var suggestion = suggestions++ < MaxSuggestions && AffordComparisons(sortedSkills.Length) ? Spelling.DidYouMean(name.Text, sortedSkills) : string.Empty;
                Report(DiagnosticCatalog.UnknownReference, Loc(source, name), "skill", name.Text, suggestion);
            }

            foreach (var task in _program.Tasks)
            {
                if (!task.IsMilestone && task.WorkKind == WorkKind.None && !_workErrorReported[task.Index])
                {
                    Report(DiagnosticCatalog.NoWork, task.Location, task.Id);
                }

                if (task.WorkKind == WorkKind.Effort && !_assignWritten[task.Index])
                {
                    var days = Math.Ceiling(task.Effort ?? 0);
                    Report(DiagnosticCatalog.EffortWithoutAssignee, task.WorkLocation ?? task.Location, task.Id, Format(task.Effort ?? 0) + "d", Plural.WorkingDays(days));
                }

                foreach (var role in task.RoleAssignments)
                {
                    heldRoles ??= new HashSet<RoleSymbol>(_program.People.SelectMany(p => p.Roles));
                    if (!heldRoles.Contains(role.Role))
                    {
                        Report(DiagnosticCatalog.InvalidValue, role.Location, "no person holds role '" + role.Role.Id + "', so " + task.Describe() + " cannot be staffed; add the role to a person");
                    }
                }

                if (task.Progress > 0 && task.ActualStart is null && task.ActualFinish is null && !task.IsMilestone)
                {
                    // Without a start the scheduler cannot tell which of the work is behind it.
                    Report(DiagnosticCatalog.MissingSetting, task.Location, task.Describe() + " has progress but no 'actual-start'; add when it started");
                }

                if (task.ActualFinish is CalendarDate finish)
                {
                    // A milestone has no duration: its actual-finish alone says it was reached.
                    if (task.ActualStart is null && !task.IsMilestone)
                    {
                        Report(DiagnosticCatalog.MissingSetting, task.Location, task.Describe() + " has 'actual-finish' but no 'actual-start'; add when it started");
                    }
                    else if (task.ActualStart is CalendarDate started && finish < started)
                    {
                        Report(DiagnosticCatalog.InvalidValue, task.Location, task.Describe() + " finishes (" + finish + ") before it starts (" + started + ")");
                    }
                }
            }
        }
    }
}
