using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl
{
    /// <summary>Options for compiling a program.</summary>
    public sealed class TpmCompileOptions
    {
        /// <summary>Defaults: schedule, no severity overrides (a new instance each time, so no caller can change another's).</summary>
        public static TpmCompileOptions Default => new TpmCompileOptions();

        /// <summary>Per-code severities (from a <c>.globalconfig</c>).</summary>
        public SeverityOptions Severities { get; set; } = SeverityOptions.Default;

        /// <summary>Scheduling options.</summary>
        public ScheduleOptions Scheduling { get; set; } = ScheduleOptions.Default;

        /// <summary>When false, stop after binding (no schedule, no deadline checks).</summary>
        public bool Schedule { get; set; } = true;

        /// <summary>
        /// Problems found in the configuration the severities came from (TPM0002 for <c>.globalconfig</c> entries that
        /// cannot be understood), reported with the program's diagnostics, after them, with the configured severities.
        /// </summary>
        public IReadOnlyList<Diagnostic> ConfigurationDiagnostics { get; set; } = Array.Empty<Diagnostic>();

        /// <summary>Treat warnings as errors (after <see cref="Severities"/>): they then block scheduling like errors.</summary>
        public bool WarningsAsErrors { get; set; }

        /// <summary>
        /// The members a portfolio shares with the program: compiled as if the program included them first (one
        /// declaration, so one entity across the portfolio's programs; docs/portfolios.md). Null outside a portfolio.
        /// </summary>
        internal Portfolios.SharedMembers? SharedMembers { get; set; }

        /// <summary>A copy of these options (the same severities and scheduling options) with <see cref="SharedMembers"/> set.</summary>
        internal TpmCompileOptions WithSharedMembers(Portfolios.SharedMembers? shared) => new TpmCompileOptions
        {
            Severities = Severities,
            Scheduling = Scheduling,
            Schedule = Schedule,
            ConfigurationDiagnostics = ConfigurationDiagnostics,
            WarningsAsErrors = WarningsAsErrors,
            SharedMembers = shared,
        };

        /// <summary>The severities of <paramref name="diagnostics"/> as configured, dropping suppressed ones.</summary>
        public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
        {
            var applied = Severities.Apply(diagnostics);
            if (!WarningsAsErrors) return applied;
            return applied.Select(d => d.Severity == DiagnosticSeverity.Warning ? d.WithSeverity(DiagnosticSeverity.Error) : d).ToList();
        }
    }

    /// <summary>
    /// A compiled program: the pipeline text → syntax → bound model → schedule, with every diagnostic.
    /// This is the entry point the CLI, the build and the analyzers share.
    /// </summary>
    public sealed class TpmProgram
    {
        private readonly IReadOnlyDictionary<IncludeSyntax, SyntaxTree> _includes;
        private readonly BoundReferences? _references;
        private SemanticModel? _semanticModel;

        private TpmProgram(
            IReadOnlyList<SyntaxTree> trees,
            ProgramSymbol? model,
            Schedule? schedule,
            IReadOnlyList<Diagnostic> diagnostics,
            IReadOnlyDictionary<IncludeSyntax, SyntaxTree>? includes = null,
            BoundReferences? references = null,
            BaselineComparison? baseline = null)
        {
            Baseline = baseline;
            SyntaxTrees = trees;
            Model = model;
            Schedule = schedule;
            Diagnostics = diagnostics;
            _includes = includes ?? new Dictionary<IncludeSyntax, SyntaxTree>();
            _references = references;
        }

        /// <summary>
        /// The semantic model: which symbol each reference names, each symbol's declaration and references, the symbol
        /// and the completion context at a position, and the files included. Made on first use; it works with bind
        /// errors and without a schedule.
        /// </summary>
        public SemanticModel SemanticModel =>
            _semanticModel ?? System.Threading.Interlocked.CompareExchange(ref _semanticModel, new SemanticModel(this, _includes, _references), null) ?? _semanticModel!;

        /// <summary>The semantic model (<see cref="SemanticModel"/>).</summary>
        public SemanticModel GetSemanticModel() => SemanticModel;

        /// <summary>The parsed files: the program file first, then its includes in the order they were read.</summary>
        public IReadOnlyList<SyntaxTree> SyntaxTrees { get; }

        /// <summary>The bound program, or null when there is no program declaration.</summary>
        public ProgramSymbol? Model { get; }

        /// <summary>The schedule, or null when errors prevent scheduling.</summary>
        public Schedule? Schedule { get; }

        /// <summary>
        /// The schedule measured against the frozen baseline the program names (<c>baseline "x.json"</c>): slips, added and
        /// removed tasks. Null when the program names no baseline, is not scheduled, the baseline cannot be read (TPM1104)
        /// or is of another program (TPM1105), or the resolver does not read baselines (<see cref="IBaselineResolver"/>).
        /// </summary>
        public BaselineComparison? Baseline { get; }

        /// <summary>All diagnostics, severities applied, ordered by file and position.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>True when any diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.IsError);

        /// <summary>Compiles a program held in a string. Includes resolve to nothing (TPM1004) unless a resolver is given.</summary>
        /// <param name="text">The program's text.</param>
        /// <param name="path">The path its diagnostics name.</param>
        /// <param name="options">Severities and scheduling options; defaults when null.</param>
        /// <param name="resolver">Reads included files; none by default.</param>
        /// <param name="cancellationToken">Stops the compilation: <see cref="OperationCanceledException"/> is thrown (see <see cref="Compile"/>).</param>
        public static TpmProgram Parse([StringSyntax("tpm")] string text, string path = "program.tpm", TpmCompileOptions? options = null, ISourceResolver? resolver = null, CancellationToken cancellationToken = default) =>
            Compile(new SourceText(path, text ?? throw new ArgumentNullException(nameof(text))), resolver ?? new InMemorySourceResolver(), options, cancellationToken);

        /// <summary>Reads a program file through a resolver and compiles it.</summary>
        /// <param name="path">The program file.</param>
        /// <param name="resolver">Reads the file and its includes.</param>
        /// <param name="options">Severities and scheduling options; defaults when null.</param>
        /// <param name="cancellationToken">Stops the compilation: <see cref="OperationCanceledException"/> is thrown (see <see cref="Compile"/>).</param>
        public static TpmProgram Load(string path, ISourceResolver resolver, TpmCompileOptions? options = null, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!resolver.TryReadText(path, out var text, out var error)) return Unread(path, error);
            return Compile(new SourceText(path, text), resolver, options, cancellationToken);
        }

        /// <summary>The tokens of the program's files (names, numbers and strings), its includes counted: what <see cref="InputLimits.MaxTokens"/> bounds.</summary>
        public long Tokens => SyntaxTrees.Sum(t => (long)t.TokenCount);

        /// <summary>
        /// A program left uncompiled because its run already compiled <paramref name="compiled"/> tokens, past
        /// <paramref name="limit"/> (<see cref="InputLimits.MaxTokensPerRun"/>): one TPM1007 at its first character.
        /// </summary>
        public static TpmProgram OverRunLimit(string path, long compiled, long limit = InputLimits.MaxTokensPerRun)
        {
            var empty = new SourceText(path, string.Empty);
            var diagnostic = DiagnosticCatalog.RunTokenLimit(new SourceLocation(empty, new TextSpan(0, 0)), compiled, limit);
            return new TpmProgram(Array.Empty<SyntaxTree>(), null, null, new[] { diagnostic });
        }

        /// <summary>
        /// A program file that was not read, with one diagnostic at its first character: TPM1004 (unreadable), TPM1006
        /// (outside the workspace, not a regular file) or TPM1007 (too large), after <see cref="SourceReadError.Kind"/>.
        /// </summary>
        public static TpmProgram Unread(string path, SourceReadError error)
        {
            var empty = new SourceText(path, string.Empty);
            var diagnostic = DiagnosticCatalog.CannotRead(new SourceLocation(empty, new TextSpan(0, 0)), path, error);
            return new TpmProgram(Array.Empty<SyntaxTree>(), null, null, new[] { diagnostic });
        }

        /// <summary>Compiles a program file's text; includes are read through the resolver.</summary>
        /// <param name="root">The program file's text.</param>
        /// <param name="resolver">Reads included files.</param>
        /// <param name="options">Severities and scheduling options; defaults when null.</param>
        /// <param name="cancellationToken">
        /// Stops the compilation: every stage (parsing, binding, scheduling, leveling) looks at it as it goes, and once it
        /// is cancelled an <see cref="OperationCanceledException"/> is thrown, never a partial program. It is used together
        /// with <see cref="ScheduleOptions.CancellationToken"/> of <paramref name="options"/>, when that is set too. A token
        /// that is not cancelled changes nothing in the result.
        /// </param>
        /// <exception cref="OperationCanceledException">The token was cancelled before the compilation ended.</exception>
        public static TpmProgram Compile(SourceText root, ISourceResolver resolver, TpmCompileOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= TpmCompileOptions.Default;
            var scheduleOptions = options.Scheduling ?? ScheduleOptions.Default;
            var own = scheduleOptions.CancellationToken;
            // Either token stops the run: linked only when both can be cancelled (a linked source must be disposed).
            using var linked = cancellationToken.CanBeCanceled && own.CanBeCanceled && cancellationToken != own
                ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, own)
                : null;
            var token = linked?.Token ?? (cancellationToken.CanBeCanceled ? cancellationToken : own);
            if (token != own) scheduleOptions = scheduleOptions.WithCancellation(token);
            token.ThrowIfCancellationRequested();

            var stage = Bind(root, resolver, options, token);
            ScheduleResult? result = null;
            if (options.Schedule && stage.Bound.Program != null && stage.BindingClean) result = ProgramScheduler.Run(stage.Bound.Program, scheduleOptions);
            return Complete(stage, result, token);
        }

        /// <summary>
        /// What binding left for the rest of the pipeline: the files, the bound model, the diagnostics so far (severities
        /// applied) and whether the program can be scheduled. A portfolio schedules such programs together and then
        /// completes each with its schedule (<see cref="Complete"/>).
        /// </summary>
        internal sealed class BindStage
        {
            internal BindStage(List<SyntaxTree> trees, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes, BindResult bound,
                List<Diagnostic> effective, bool bindingClean, ISourceResolver resolver, TpmCompileOptions options)
            {
                Trees = trees;
                Includes = includes;
                Bound = bound;
                Effective = effective;
                BindingClean = bindingClean;
                Resolver = resolver;
                Options = options;
            }

            public List<SyntaxTree> Trees { get; }

            public IReadOnlyDictionary<IncludeSyntax, SyntaxTree> Includes { get; }

            public BindResult Bound { get; }

            /// <summary>The diagnostics of parsing and binding, severities applied (read only: each completion copies them).</summary>
            public List<Diagnostic> Effective { get; }

            /// <summary>True when the program is bound without errors, so it can be scheduled.</summary>
            public bool BindingClean { get; }

            public ISourceResolver Resolver { get; }

            public TpmCompileOptions Options { get; }
        }

        /// <summary>The binding stage this program was compiled from, when it was compiled from text (a portfolio completes it again in context).</summary>
        internal BindStage? Stage { get; private set; }

        /// <summary>Parses the program file and its includes, and binds them.</summary>
        internal static BindStage Bind(SourceText root, ISourceResolver resolver, TpmCompileOptions options, CancellationToken token)
        {
            var diagnostics = new List<Diagnostic>();
            var rootTree = Parser.Parse(root, 0, 0, token);
            var trees = new List<SyntaxTree> { rootTree };
            var includes = LoadIncludes(rootTree, resolver, trees, diagnostics, token, shared: options.SharedMembers);
            foreach (var tree in trees) diagnostics.AddRange(tree.Diagnostics);

            // A portfolio's shared members come after the program's own files (their syntax errors are the portfolio's).
            if (options.SharedMembers != null) includes = options.SharedMembers.AddTo(trees, includes);

            // A file past an input limit was not read beyond it: binding the rest would only report what is missing.
            var bound = trees.Any(Parser.HitLimit) ? new BindResult(null, Array.Empty<Diagnostic>()) : Binder.Bind(rootTree, includes, Binder.DefaultChunkSize, token, options.SharedMembers);
            token.ThrowIfCancellationRequested();
            diagnostics.AddRange(bound.Diagnostics);

            // The gate uses the severities the user configured: an error they lowered does not block the
            // schedule, a warning they raised does. A schedule that exists is shown with what is wrong with it.
            var effective = new List<Diagnostic>(options.Apply(diagnostics));
            var bindingClean = bound.Program != null && !effective.Any(d => d.IsError);
            return new BindStage(trees, includes, bound, effective, bindingClean, resolver, options);
        }

        /// <summary>
        /// The rest of the pipeline after scheduling (<paramref name="result"/>, null when not scheduled): the deadline,
        /// budget and baseline checks on the schedule, the delivery checks, the configuration's diagnostics, ordered.
        /// </summary>
        internal static TpmProgram Complete(BindStage stage, ScheduleResult? result, CancellationToken token)
        {
            var options = stage.Options;
            var bound = stage.Bound;
            var effective = new List<Diagnostic>(stage.Effective);
            Schedule? schedule = null;
            BaselineComparison? baseline = null;
            if (result != null)
            {
                var scheduling = new List<Diagnostic>(result.Diagnostics);
                schedule = result.Schedule;
                if (schedule != null)
                {
                    scheduling.AddRange(DeadlineChecks.Run(schedule));
                    scheduling.AddRange(BudgetCheck.Run(schedule));
                    token.ThrowIfCancellationRequested();
                    baseline = BaselineChecks.Run(schedule, stage.Resolver, scheduling);
                }

                effective.AddRange(options.Apply(scheduling));
            }

            // The delivery checks judge the bound model, so they run with or without a schedule; with one, role
            // assignments are judged by the people the scheduler chose.
            if (bound.Program != null && stage.BindingClean) effective.AddRange(options.Apply(DeliveryChecks.Run(bound.Program, schedule, token)));
            effective.AddRange(options.Apply(options.ConfigurationDiagnostics));
            token.ThrowIfCancellationRequested();

            var trees = stage.Trees;
            return new TpmProgram(trees, bound.Program, schedule, Cap(Order(effective, trees)), stage.Includes, bound.References, baseline) { Stage = stage };
        }

        /// <summary>
        /// Keeps the first <see cref="InputLimits.MaxDiagnostics"/> diagnostics and says how many more there were: a plan
        /// that repeats one mistake a million times must not make a million lines of log or a gigabyte of JSON. The note
        /// is an error when anything it hides is one, so hiding never turns a failing plan into a passing one.
        /// </summary>
        private static IReadOnlyList<Diagnostic> Cap(IReadOnlyList<Diagnostic> ordered)
        {
            // Kept: at most MaxDiagnostics, and only while their texts stay within MaxDiagnosticChars (long messages
            // repeated, such as an ambiguity listing ten 240-character candidates, would otherwise flood a log).
            int keep = 0;
            long chars = 0;
            while (keep < ordered.Count && keep < InputLimits.MaxDiagnostics)
            {
                var d = ordered[keep];
                chars += d.Message.Length + (d.Location?.Path.Length ?? 0);
                if (chars > InputLimits.MaxDiagnosticChars) break;
                keep++;
            }

            if (keep == ordered.Count) return ordered;
            int errors = 0;
            for (int i = keep; i < ordered.Count; i++) if (ordered[i].IsError) errors++;
            int hidden = ordered.Count - keep;
            var first = ordered[keep];
            var note = DiagnosticCatalog.DiagnosticsCut(first.Location, hidden, errors, byCount: keep == InputLimits.MaxDiagnostics);
            var kept = new List<Diagnostic>(keep + 1);
            for (int i = 0; i < keep; i++) kept.Add(ordered[i]);
            kept.Add(errors > 0 ? note : note.WithSeverity(DiagnosticSeverity.Warning));
            return kept;
        }

        /// <summary>
        /// Reads the files <paramref name="root"/> includes, and theirs. <paramref name="rootStatements"/>: the root's
        /// statements that may include (its program's body by default; a portfolio's block). Files that
        /// <paramref name="shared"/> already holds are not read again, and their include is not reported as a repeat.
        /// </summary>
        internal static IReadOnlyDictionary<IncludeSyntax, SyntaxTree> LoadIncludes(SyntaxTree root, ISourceResolver resolver, List<SyntaxTree> trees, List<Diagnostic> diagnostics, CancellationToken cancellationToken,
            IReadOnlyList<StatementSyntax>? rootStatements = null, Portfolios.SharedMembers? shared = null)
        {
            var map = new Dictionary<IncludeSyntax, SyntaxTree>();
            // Files are told apart by identity (the real path, when the resolver knows it), so a link 'a -> .' cannot
            // make 'a/f.tpm', 'a/a/f.tpm', … new files: two such includes per fragment would otherwise double the files
            // at each level.
            var identity = resolver as ISourceIdentity;
            string Identify(string path) => identity?.Identify(path) ?? path;

            // Include paths come back normalised from the resolver; so must the root's, or './a.tpm' and 'a.tpm'
            // would be two files and a cycle through the root would go unnoticed.
            var rootPath = SourcePaths.Normalize(root.Source.Path);
            var rootKey = Identify(rootPath);
            var loadedAt = new Dictionary<string, SourceLocation?>(StringComparer.Ordinal) { [rootKey] = null };
            var sharedKeys = shared?.FileKeys(Identify);
            // Each file's chain of includes from the root: (identity, path as shown). At most MaxIncludeDepth + 1 long.
            var chains = new Dictionary<SyntaxTree, List<(string Key, string Path)>> { [root] = new List<(string, string)> { (rootKey, rootPath) } };
            var pending = new Queue<SyntaxTree>();
            pending.Enqueue(root);
            // Each file is bounded by the reader, but many included files of the limit's size would not be: the program
            // as a whole is bounded too (files that compress well cost a pull request nothing).
            long total = root.Source.Text.Length;
            int tokens = root.TokenCount;
            int declarations = root.DeclarationCount;
            while (pending.Count > 0)
            {
                var tree = pending.Dequeue();
                var statements = tree == root
                    ? rootStatements ?? root.Root.Program?.Body ?? (IReadOnlyList<StatementSyntax>)Array.Empty<StatementSyntax>()
                    : tree.Root.Statements;
                foreach (var include in statements.OfType<IncludeSyntax>())
                {
                    var location = tree.GetLocation(include.Path.Span);
                    var path = resolver.ResolvePath(tree.Source.Path, include.Path.Value);
                    var key = Identify(path);
                    var chain = chains[tree];
                    int at = chain.FindIndex(c => string.Equals(c.Key, key, StringComparison.Ordinal));
                    if (at >= 0)
                    {
                        diagnostics.Add(DiagnosticCatalog.IncludeCycle(location, chain.Skip(at).Select(c => c.Path).Concat(new[] { path })));
                        continue;
                    }

                    // Shared by the portfolio: the program already has it, once.
                    if (sharedKeys != null && sharedKeys.Contains(key)) continue;

                    if (loadedAt.TryGetValue(key, out var first))
                    {
                        diagnostics.Add(DiagnosticCatalog.AlreadyIncluded(location, include.Path.Value, first));
                        continue;
                    }

                    // The chain is copied into every file and printed in a cycle's message: its depth is bounded so both
                    // stay linear in the number of files.
                    if (chain.Count > InputLimits.MaxIncludeDepth)
                    {
                        diagnostics.Add(DiagnosticCatalog.IncludesTooDeep(location, include.Path.Value));
                        continue;
                    }

                    if (!resolver.TryReadText(path, out var text, out var error))
                    {
                        diagnostics.Add(DiagnosticCatalog.CannotInclude(location, include.Path.Value, error, path));
                        continue;
                    }

                    if (total + text.Length > InputLimits.MaxProgramChars)
                    {
                        diagnostics.Add(DiagnosticCatalog.IncludesTooLong(location, include.Path.Value));
                        continue;
                    }

                    total += text.Length;
                    loadedAt[key] = location;
                    var fragment = Parser.Parse(new SourceText(path, text), tokens, declarations, cancellationToken);
                    tokens += fragment.TokenCount;
                    declarations += fragment.DeclarationCount;

                    trees.Add(fragment);
                    chains[fragment] = new List<(string, string)>(chain) { (key, path) };
                    map[include] = fragment;
                    pending.Enqueue(fragment);
                }
            }

            return map;
        }

        /// <summary>By file (in the order of <paramref name="trees"/>; diagnostics without a file last), then position.</summary>
        internal static IReadOnlyList<Diagnostic> Order(IReadOnlyList<Diagnostic> diagnostics, List<SyntaxTree> trees)
        {
            var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < trees.Count; i++) if (!fileOrder.ContainsKey(trees[i].Source.Path)) fileOrder[trees[i].Source.Path] = i;
            return diagnostics
                .Select((d, i) => (d, i))
                .OrderBy(x => x.d.Location is SourceLocation at ? fileOrder.TryGetValue(at.Path, out var f) ? f : int.MaxValue - 1 : int.MaxValue)
                .ThenBy(x => x.d.Location?.Span.Start ?? 0)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToList();
        }
    }
}
