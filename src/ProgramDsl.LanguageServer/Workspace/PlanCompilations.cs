using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Syntax;
using ProgramDsl.Text;
using Diagnostic = ProgramDsl.Diagnostics.Diagnostic;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>Receives the diagnostics of a file whenever they change (an empty list clears them).</summary>
    public interface IDiagnosticSink
    {
        /// <summary>Publishes the diagnostics located in <paramref name="path"/>; false when they could not be sent yet (they are sent again).</summary>
        bool Publish(string path, IReadOnlyList<Diagnostic> diagnostics);
    }

    /// <summary>Timings of the compile loop (defaults suit an editor; tests and benchmarks shorten them).</summary>
    public sealed class CompileSettings
    {
        /// <summary>How long a program waits after an edit before it compiles: keystrokes closer together are one compile.</summary>
        public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(40);

        /// <summary>
        /// A program whose last full compile took longer than this is first compiled with quick leveling, so its
        /// diagnostics and dates arrive in a fraction of the time; the full leveling follows and replaces them.
        /// </summary>
        public TimeSpan QuickFirstAbove { get; set; } = TimeSpan.FromMilliseconds(250);

        /// <summary>Compiles that may run at once (a workspace scan never starves an edit of both cores).</summary>
        public int MaxConcurrentCompiles { get; set; } = Math.Max(1, Math.Min(2, Environment.ProcessorCount));

        /// <summary>
        /// The most programs a scan of one workspace folder compiles: each compile is kept in memory, and a folder that
        /// holds thousands of plans (a checkout of test data) would fill it. Programs past it compile when opened.
        /// </summary>
        public int MaxScannedPrograms { get; set; } = 500;

        /// <summary>
        /// How long a portfolio waits after an edit of its file or of one of its programs before it is checked again: the
        /// check compiles every program it names, so a burst of keystrokes in one program is one check.
        /// </summary>
        public TimeSpan PortfolioDebounce { get; set; } = TimeSpan.FromMilliseconds(200);
    }

    /// <summary>
    /// The programs of the workspace and their latest compilations. An edit recompiles, after a short debounce, every
    /// program that reads the edited file (the file itself when it is a program, and every program that includes it),
    /// cancelling compiles of older text. Diagnostics are published per file as the union over the programs that read it,
    /// so a fragment shows the diagnostics of the programs that include it. A file no program reads is parsed alone.
    /// </summary>
    public sealed class PlanCompilations : IDisposable
    {
        private readonly IPlanWorkspace _files;
        private readonly OpenDocuments _documents;
        private readonly IDiagnosticSink _sink;
        private readonly CompileSettings _settings;
        private readonly Action<string> _log;
        private readonly SemaphoreSlim _compileSlots;
        private readonly object _gate = new object();
        private readonly Dictionary<string, ProgramState> _programs = new Dictionary<string, ProgramState>(StringComparer.Ordinal);
        private readonly Dictionary<string, PortfolioState> _portfolios = new Dictionary<string, PortfolioState>(StringComparer.Ordinal);
        private readonly Dictionary<string, Standalone> _standalone = new Dictionary<string, Standalone>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _published = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _shutdown = new CancellationTokenSource();
        private long _generation;
        private int _running;

        /// <summary>Creates the service; nothing compiles until a document opens or a folder is scanned.</summary>
        public PlanCompilations(IPlanWorkspace files, OpenDocuments documents, IDiagnosticSink sink, CompileSettings? settings = null, Action<string>? log = null)
        {
            _files = files;
            _documents = documents;
            _sink = sink;
            _settings = settings ?? new CompileSettings();
            _log = log ?? (_ => { });
            _compileSlots = new SemaphoreSlim(_settings.MaxConcurrentCompiles);
        }

        /// <summary>Raised after a compile is stored (a quick one, then the final one).</summary>
        public event Action<CompiledProgram>? Compiled;

        /// <summary>Raised after a portfolio's check is stored.</summary>
        public event Action<CompiledPortfolio>? PortfolioCompiled;

        /// <summary>The latest compile of every known program, in path order.</summary>
        public IReadOnlyList<CompiledProgram> Programs
        {
            get
            {
                lock (_gate) return _programs.Values.Where(p => p.Latest != null).OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => p.Latest!).ToList();
            }
        }

        /// <summary>The latest compiles of the programs that read <paramref name="path"/>: the file itself first when it is a program, then its includers by path.</summary>
        public IReadOnlyList<CompiledProgram> ProgramsReading(string path)
        {
            lock (_gate)
            {
                return _programs.Values
                    .Select(p => p.Latest)
                    .Where(p => p != null && p.Contains(path))
                    .OrderBy(p => p!.Path == path ? 0 : 1).ThenBy(p => p!.Path, StringComparer.Ordinal)
                    .Select(p => p!)
                    .ToList();
            }
        }

        /// <summary>The program a request about <paramref name="path"/> answers from (the first of <see cref="ProgramsReading"/>), or null.</summary>
        public CompiledProgram? ProgramFor(string path) => ProgramsReading(path).FirstOrDefault();

        /// <summary>The latest check of every known portfolio, in path order.</summary>
        public IReadOnlyList<CompiledPortfolio> Portfolios
        {
            get
            {
                lock (_gate) return _portfolios.Values.Where(p => p.Latest != null).OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => p.Latest!).ToList();
            }
        }

        /// <summary>The latest check of the portfolio file at <paramref name="path"/>, or null.</summary>
        public CompiledPortfolio? PortfolioFor(string path)
        {
            lock (_gate) return _portfolios.TryGetValue(path, out var state) ? state.Latest : null;
        }

        /// <summary>
        /// The compile hover, navigation and completion answer from in the file at <paramref name="path"/>: the latest
        /// compile of the program reading it (<see cref="ProgramFor"/>), unless a portfolio checked that program file from
        /// the same text and its compile there has fewer errors: the program then uses people, roles or pools the
        /// portfolio declares for its programs, which its own compile cannot resolve. The file's diagnostics follow the
        /// same rule (the portfolio's view while it read the same text).
        /// </summary>
        public CompiledProgram? AnswerFor(string path)
        {
            var own = ProgramFor(path);
            if (own?.TreeOf(path) is not SyntaxTree tree) return own;
            int errors = own.Program.Diagnostics.Count(d => d.IsError);
            if (errors == 0) return own;
            foreach (var portfolio in Portfolios)
            {
                if (!portfolio.ProgramFiles.TryGetValue(path, out var file) || !string.Equals(file.Text, tree.Source.Text, StringComparison.Ordinal)) continue;
                if (portfolio.CompiledMember(path) is CompiledProgram member && member.Program.Diagnostics.Count(d => d.IsError) < errors) return member;
            }

            return own;
        }

        /// <summary>The latest checks of the portfolios that name the program file at <paramref name="path"/>, by path.</summary>
        public IReadOnlyList<CompiledPortfolio> PortfoliosNaming(string path)
        {
            lock (_gate)
            {
                return _portfolios.Values.Select(p => p.Latest).Where(p => p != null && p.MemberAt(path) != null)
                    .OrderBy(p => p!.Path, StringComparer.Ordinal).Select(p => p!).ToList();
            }
        }

        /// <summary>The syntax tree of a file that no program reads (parsed alone), or null.</summary>
        public SyntaxTree? StandaloneTree(string path)
        {
            lock (_gate) return _standalone.TryGetValue(path, out var alone) ? alone.Tree : null;
        }

        /// <summary>True while a compile is waiting or running.</summary>
        public bool IsBusy => Volatile.Read(ref _running) > 0;

        /// <summary>Waits until no compile is waiting or running (tests, benchmarks, <c>tpm/schedule</c> on a fresh edit).</summary>
        public async Task WhenIdleAsync(CancellationToken cancellationToken = default)
        {
            while (IsBusy)
            {
                await Task.Delay(5, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>Finds the program files under a folder and compiles each once, one after another, in the background.</summary>
        public Task ScanAsync(string folder) => Task.Run(async () =>
        {
            Interlocked.Increment(ref _running);
            try
            {
                if (IsTooBroadToScan(folder))
                {
                    // The editor opened '/' or the home folder: walking it would read every plan on the machine (through
                    // /proc too) and keep them all compiled. Open documents are still served.
                    _log("tpm lsp: not scanning " + folder + ": it is the file system root or the home folder; open plans are still checked");
                    return;
                }

                var scanned = 0;
                foreach (var file in _files.PlanFiles(folder))
                {
                    if (_shutdown.IsCancellationRequested) return;
                    var path = Normalize(file);
                    lock (_gate)
                    {
                        if (_programs.ContainsKey(path) || _portfolios.ContainsKey(path)) continue;
                    }

                    if (!(ReadText(path) is string text)) continue;
                    var isPortfolio = TpmPortfolio.IsPortfolioText(text);
                    if (!isPortfolio && !SyntaxFacts.IsProgramText(text)) continue;
                    if (scanned++ == _settings.MaxScannedPrograms)
                    {
                        _log("tpm lsp: scanning " + folder + " stopped after " + _settings.MaxScannedPrograms + " programs; the others are checked when opened");
                        return;
                    }

                    // A portfolio in the workspace shows its collisions (TPM2103) in its programs' files, open or not.
                    if (isPortfolio) await StartPortfolioCompileAsync(path, TimeSpan.Zero).ConfigureAwait(false);
                    else await StartCompileAsync(path, TimeSpan.Zero, scan: true).ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                _log("tpm lsp: scanning " + folder + " failed: " + ex.Message);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        });

        private static bool IsTooBroadToScan(string folder)
        {
            var path = Normalize(folder).TrimEnd('/', '\\');
            if (path.Length == 0 || System.IO.Path.GetPathRoot(Normalize(folder)) is string root && Normalize(root).TrimEnd('/', '\\') == path) return true;
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return !string.IsNullOrEmpty(home) && Normalize(home).TrimEnd('/', '\\') == path;
        }

        /// <summary>
        /// A file changed (opened, edited, closed or saved): recompiles every program that reads it after the debounce,
        /// and the file itself when it is a program. A file no program reads is parsed alone for its syntax errors.
        /// </summary>
        public void FileChanged(string path)
        {
            path = Normalize(path);
            var text = ReadText(path);
            var isProgram = text != null && SyntaxFacts.IsProgramText(text);
            var isPortfolio = text != null && !isProgram && TpmPortfolio.IsPortfolioText(text);
            List<string> affected;
            List<string> portfolios;
            lock (_gate)
            {
                affected = _programs.Values.Where(p => p.Latest != null && p.Latest.Contains(path) || p.Path == path).Select(p => p.Path).ToList();
                if (isProgram && !affected.Contains(path)) affected.Add(path);
                portfolios = _portfolios.Values.Where(p => p.Latest != null && p.Latest.Contains(path) || p.Path == path).Select(p => p.Path).ToList();
                if (isPortfolio && !portfolios.Contains(path)) portfolios.Add(path);
            }

            foreach (var portfolio in portfolios)
            {
                if (portfolio == path && !isPortfolio) ForgetPortfolio(portfolio);
                else _ = StartPortfolioCompileAsync(portfolio, portfolio == path ? _settings.Debounce : _settings.PortfolioDebounce);
            }

            foreach (var program in affected)
            {
                if (program == path && !isProgram)
                {
                    // No longer a program (deleted, or its header is being retyped): what reads it now decides.
                    Forget(program);
                    continue;
                }

                _ = StartCompileAsync(program, _settings.Debounce, scan: false);
            }

            if (!isProgram && ProgramsReading(path).Count == 0) ParseAlone(path, text);
            else DropStandalone(path);
        }

        /// <summary>
        /// A <c>.json</c> file changed on disk (saved by <c>tpm baseline save</c>, a checkout): recompiles the programs whose
        /// <c>baseline</c> statement names it, resolved as the compiler resolves it (against the file holding the statement),
        /// whether or not it could be read last time: saving a missing baseline is the change to pick up.
        /// </summary>
        public void BaselineChanged(string path)
        {
            path = Normalize(path);
            List<string> paths;
            lock (_gate)
            {
                paths = _programs.Values
                    .Where(p => p.Latest?.Program.Model is { BaselinePath: string named, BaselineLocation: { } at } &&
                                string.Equals(Normalize(SourcePaths.Combine(at.Path, named)), path, StringComparison.Ordinal))
                    .Select(p => p.Path).ToList();
            }

            foreach (var program in paths) _ = StartCompileAsync(program, _settings.Debounce, scan: false);
        }

        /// <summary>Recompiles every known program (a configuration file they all read changed).</summary>
        public void RecompileAll()
        {
            List<string> paths;
            List<string> portfolios;
            lock (_gate)
            {
                paths = _programs.Keys.ToList();
                portfolios = _portfolios.Keys.ToList();
            }

            foreach (var path in paths) _ = StartCompileAsync(path, _settings.Debounce, scan: false);
            foreach (var path in portfolios) _ = StartPortfolioCompileAsync(path, _settings.PortfolioDebounce);
        }

        private Task StartCompileAsync(string path, TimeSpan delay, bool scan) =>
            StartAsync(
                () => _programs.TryGetValue(path, out var state) ? state : _programs[path] = new ProgramState(path),
                (state, generation, cancellationToken) => CompileAsync(state, generation, delay, scan, cancellationToken));

        /// <summary>
        /// Compiles in the background with a new generation, first stopping the state's pending compile;
        /// <paramref name="stateUnderLock"/> finds or adds the state under the lock.
        /// </summary>
        private Task StartAsync<TState>(Func<TState> stateUnderLock, Func<TState, long, CancellationToken, Task> compile)
            where TState : class, ICancellable
        {
            TState state;
            CancellationTokenSource cts;
            long generation;
            lock (_gate)
            {
                state = stateUnderLock();
                CancelPending(state);
                state.Cancellation = cts = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
                generation = ++_generation;
            }

            Interlocked.Increment(ref _running);
            return Task.Run(async () =>
            {
                try
                {
                    await compile(state, generation, cts.Token).ConfigureAwait(false);
                }
                finally
                {
                    // Disposing unhooks the linked source from the shutdown token: a thousand edits leave nothing behind.
                    lock (_gate)
                    {
                        if (state.Cancellation == cts) state.Cancellation = null;
                    }

                    cts.Dispose();
                    Interlocked.Decrement(ref _running);
                }
            });
        }

        // Under the lock, so the compile a newer edit supersedes is stopped before the newer one is recorded.
        private static void CancelPending(ICancellable state)
        {
            try
            {
                state.Cancellation?.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // It finished and was disposed between the lock's reads.
            }
        }

        private async Task CompileAsync(ProgramState state, long generation, TimeSpan delay, bool scan, CancellationToken cancellationToken)
        {
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                var text = ReadText(state.Path);
                if (text is null || !SyntaxFacts.IsProgramText(text))
                {
                    Forget(state.Path);
                    return;
                }

                if (text.Length > InputLimits.MaxFileBytes)
                {
                    // The limit a file on disk has (TPM1007), and an included buffer: a pasted gigabyte in the program's
                    // own buffer is not compiled on every keystroke either.
                    var unread = TpmProgram.Unread(state.Path, SourceReadError.TooLarge(text.Length));
                    Store(state, new CompiledProgram(state.Path, _files.WorkspaceFor(state.Path), unread, CompileStage.Final, generation, TimeSpan.Zero));
                    return;
                }

                var workspace = _files.WorkspaceFor(state.Path);
                var severities = _files.SeveritiesFor(state.Path, workspace);
                var resolver = new OverlayResolver(_files.DiskResolver(workspace), _documents, workspace);
                // A large plan first gets quick leveling: its diagnostics and dates within a fraction of the full search.
                var quickFirst = !scan && (state.LastFinalElapsed is null || state.LastFinalElapsed > _settings.QuickFirstAbove);
                if (quickFirst)
                {
                    var quick = await CompileOnceAsync(state.Path, text, workspace, severities, resolver, LevelingEffort.Quick, generation, cancellationToken).ConfigureAwait(false);
                    Store(state, quick);
                }

                var final = await CompileOnceAsync(state.Path, text, workspace, severities, resolver, LevelingEffort.Normal, generation, cancellationToken).ConfigureAwait(false);
                // Only a compile that scheduled tells how long leveling takes: one stopped by binding errors takes a
                // fraction of it and would turn quick leveling off for the very edit that fixes them.
                if (final.Program.Schedule != null) state.LastFinalElapsed = final.Elapsed;
                Store(state, final);
            }
            catch (OperationCanceledException)
            {
                // A newer edit superseded this compile, or the server is shutting down.
            }
            catch (Exception ex)
            {
                _log("tpm lsp: compiling " + state.Path + " failed: " + ex);
            }
        }

        private Task StartPortfolioCompileAsync(string path, TimeSpan delay) =>
            StartAsync(
                () => _portfolios.TryGetValue(path, out var state) ? state : _portfolios[path] = new PortfolioState(path),
                (state, generation, cancellationToken) => CompilePortfolioAsync(state, generation, delay, cancellationToken));

        private async Task CompilePortfolioAsync(PortfolioState state, long generation, TimeSpan delay, CancellationToken cancellationToken)
        {
            try
            {
                if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                var text = ReadText(state.Path);
                if (text is null || !TpmPortfolio.IsPortfolioText(text) || text.Length > InputLimits.MaxFileBytes)
                {
                    ForgetPortfolio(state.Path);
                    return;
                }

                var workspace = _files.WorkspaceFor(state.Path);
                var severities = _files.SeveritiesFor(state.Path, workspace);
                var resolver = new OverlayResolver(_files.DiskResolver(workspace), _documents, workspace);
                await _compileSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                CompiledPortfolio compiled;
                try
                {
                    // What `tpm check PORTFOLIO` does: each program as it stands, checked together (not leveled together).
                    var options = new PortfolioCompileOptions
                    {
                        Program = new TpmCompileOptions
                        {
                            Severities = severities.Severities,
                            ConfigurationDiagnostics = severities.Problems,
                            Scheduling = new ScheduleOptions { Effort = LevelingEffort.Normal, CancellationToken = cancellationToken },
                        },
                        Schedule = false,
                    };
                    var watch = Stopwatch.StartNew();
                    var portfolio = TpmPortfolio.Parse(text, state.Path, resolver, options, cancellationToken);
                    var entries = new List<string>();
                    foreach (var entry in portfolio.Model?.Programs ?? Array.Empty<(string, int, SourceLocation)>())
                    {
                        try
                        {
                            entries.Add(Normalize(resolver.ResolvePath(state.Path, entry.Path)));
                        }
                        catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is System.IO.PathTooLongException)
                        {
                            // A path no file can have: nothing to watch.
                        }
                    }

                    compiled = new CompiledPortfolio(state.Path, workspace, portfolio, entries, generation, watch.Elapsed);
                }
                finally
                {
                    _compileSlots.Release();
                }

                StorePortfolio(state, compiled);
            }
            catch (OperationCanceledException)
            {
                // A newer edit superseded this check, or the server is shutting down.
            }
            catch (Exception ex)
            {
                _log("tpm lsp: checking the portfolio " + state.Path + " failed: " + ex);
            }
        }

        private void StorePortfolio(PortfolioState state, CompiledPortfolio compiled)
        {
            HashSet<string> touched;
            lock (_gate)
            {
                if (state.Latest != null && state.Latest.Generation > compiled.Generation) return;
                if (!_portfolios.TryGetValue(state.Path, out var current) || current != state) return;
                touched = new HashSet<string>(StringComparer.Ordinal);
                if (state.Latest != null) AddPaths(touched, state.Latest);
                state.Latest = compiled;
                AddPaths(touched, compiled);
            }

            PublishFiles(touched);
            PortfolioCompiled?.Invoke(compiled);
        }

        private void ForgetPortfolio(string path)
        {
            var touched = new HashSet<string>(StringComparer.Ordinal);
            lock (_gate)
            {
                if (!_portfolios.TryGetValue(path, out var state)) return;
                _portfolios.Remove(path);
                CancelPending(state);
                if (state.Latest != null) AddPaths(touched, state.Latest);
            }

            PublishFiles(touched);
        }

        private static void AddPaths(HashSet<string> paths, CompiledPortfolio compiled)
        {
            paths.Add(compiled.Path);
            foreach (var program in compiled.ProgramFiles.Keys) paths.Add(program);
            foreach (var d in compiled.Published)
            {
                if (d.Location is SourceLocation at && at.Source != null) paths.Add(Normalize(at.Path));
            }
        }

        private async Task<CompiledProgram> CompileOnceAsync(string path, string text, string workspace, PlanSeverities severities, ISourceResolver resolver, LevelingEffort effort, long generation, CancellationToken cancellationToken)
        {
            await _compileSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var options = new TpmCompileOptions
                {
                    Severities = severities.Severities,
                    ConfigurationDiagnostics = severities.Problems,
                    Scheduling = new ScheduleOptions { Effort = effort, CancellationToken = cancellationToken },
                };
                var watch = Stopwatch.StartNew();
                var program = TpmProgram.Compile(new SourceText(path, text), resolver, options, cancellationToken);
                return new CompiledProgram(path, workspace, program, effort == LevelingEffort.Quick ? CompileStage.Quick : CompileStage.Final, generation, watch.Elapsed);
            }
            finally
            {
                _compileSlots.Release();
            }
        }

        private void Store(ProgramState state, CompiledProgram compiled)
        {
            HashSet<string> touched;
            lock (_gate)
            {
                // A compile of older text that finished after a newer one is dropped.
                if (state.Latest != null && state.Latest.Generation > compiled.Generation) return;
                if (!_programs.TryGetValue(state.Path, out var current) || current != state) return;
                touched = new HashSet<string>(StringComparer.Ordinal);
                if (state.Latest != null) AddPaths(touched, state.Latest);
                state.Latest = compiled;
                AddPaths(touched, compiled);
                foreach (var file in compiled.Files) _standalone.Remove(file);
            }

            PublishFiles(touched);
            Compiled?.Invoke(compiled);
        }

        private void Forget(string path)
        {
            HashSet<string> touched = new HashSet<string>(StringComparer.Ordinal);
            lock (_gate)
            {
                if (!_programs.TryGetValue(path, out var state)) return;
                _programs.Remove(path);
                CancelPending(state);
                if (state.Latest != null) AddPaths(touched, state.Latest);
            }

            PublishFiles(touched);
        }

        private void ParseAlone(string path, string? text)
        {
            var tree = text is null ? null : SyntaxTree.Parse(new SourceText(path, text));
            lock (_gate)
            {
                if (tree is null) _standalone.Remove(path);
                else _standalone[path] = new Standalone(tree);
            }

            PublishFiles(new[] { path });
        }

        private void DropStandalone(string path)
        {
            bool removed;
            lock (_gate) removed = _standalone.Remove(path);
            if (removed) PublishFiles(new[] { path });
        }

        private static void AddPaths(HashSet<string> paths, CompiledProgram compiled)
        {
            foreach (var file in compiled.Files) paths.Add(file);
            foreach (var d in compiled.Program.Diagnostics)
            {
                if (d.Location is SourceLocation at && at.Source != null) paths.Add(Normalize(at.Path));
            }
        }

        /// <summary>Publishes each file's diagnostics: the union, without repeats, over every program that read it.</summary>
        private void PublishFiles(IEnumerable<string> paths)
        {
            var changed = new List<(string Path, FileDiagnostics File)>();
            lock (_gate)
            {
                foreach (var file in DiagnosticsOf(paths))
                {
                    // Published the first time even when empty (the client then knows the file is clean), then on change.
                    if (_published.TryGetValue(file.Key, out var last) && last == file.Value.Key) continue;
                    changed.Add((file.Key, file.Value));
                }
            }

            foreach (var (path, file) in changed)
            {
                if (!_sink.Publish(path, file.Diagnostics)) continue;
                lock (_gate) _published[path] = file.Key;
            }
        }

        /// <summary>
        /// The diagnostics located in each of <paramref name="paths"/>, in one pass over every program's diagnostics: a
        /// compile of a large plan touches one file, a compile of a workspace's shared fragment many, and each diagnostic
        /// is placed (and its file's path normalised, once per file) only once.
        /// </summary>
        private Dictionary<string, FileDiagnostics> DiagnosticsOf(IEnumerable<string> paths)
        {
            var files = new Dictionary<string, FileDiagnostics>(StringComparer.Ordinal);
            foreach (var path in paths) files[path] = new FileDiagnostics();
            var pathOfSource = new Dictionary<SourceText, string>(ReferenceEqualityComparer.Instance);
            var portfolios = _portfolios.Values.Where(p => p.Latest != null).OrderBy(p => p.Path, StringComparer.Ordinal).Select(p => p.Latest!).ToList();

            // A program a portfolio checked from the text its own compile read shows the portfolio's view of it: compiled
            // with the members the portfolio shares (what `tpm check PORTFOLIO` reports), so a name the portfolio declares
            // is no unknown reference there. When the portfolio's check lags the buffer, the program's own compile answers.
            var inContext = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
            foreach (var portfolio in portfolios)
            {
                foreach (var program in portfolio.ProgramFiles)
                {
                    if (!files.ContainsKey(program.Key) || inContext.ContainsKey(program.Key)) continue;
                    if (!_programs.TryGetValue(program.Key, out var own) || !(own.Latest?.TreeOf(program.Key) is SyntaxTree tree)) continue;
                    if (string.Equals(tree.Source.Text, program.Value.Text, StringComparison.Ordinal)) inContext[program.Key] = program.Value.Diagnostics;
                }
            }

            void Add(Diagnostic d, bool fromProgram)
            {
                if (!(d.Location is SourceLocation location) || location.Source is null) return;
                if (!pathOfSource.TryGetValue(location.Source, out var at)) pathOfSource[location.Source] = at = Normalize(location.Path);
                if (fromProgram && inContext.ContainsKey(at)) return;
                if (files.TryGetValue(at, out var file)) file.Add(d);
            }

            foreach (var program in _programs.Values.Where(p => p.Latest != null).OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                foreach (var d in program.Latest!.Program.Diagnostics) Add(d, fromProgram: true);
            }

            foreach (var portfolio in portfolios)
            {
                foreach (var d in portfolio.Published) Add(d, fromProgram: false);
            }

            foreach (var program in inContext.Values)
            {
                foreach (var d in program) Add(d, fromProgram: false);
            }

            foreach (var path in files.Keys.ToList())
            {
                if (!_standalone.TryGetValue(path, out var alone)) continue;
                foreach (var d in alone.Tree.Diagnostics) Add(d, fromProgram: false);
            }

            return files;
        }

        /// <summary>One file's diagnostics without repeats, and the key that tells whether they changed since the last publish.</summary>
        private sealed class FileDiagnostics
        {
            private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
            private readonly List<string> _keys = new List<string>();

            public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

            public string Key => string.Join("\n", _keys);

            public void Add(Diagnostic diagnostic)
            {
                var key = PlanCompilations.Key(diagnostic);
                if (!_seen.Add(key)) return;
                _keys.Add(key);
                Diagnostics.Add(diagnostic);
            }
        }

        private static string Key(Diagnostic d)
        {
            var at = d.Location is SourceLocation location && location.Source != null ? location.Span.Start + ":" + location.Span.Length : "-";
            return d.Code + "|" + d.Severity + "|" + at + "|" + d.Message;
        }

        /// <summary>The text of a file: the open buffer, else the file on disk read under the workspace rules, else null.</summary>
        public string? ReadText(string path)
        {
            if (_documents.Get(path) is OpenDocument open) return open.Text;
            try
            {
                var workspace = _files.WorkspaceFor(path);
                return _files.DiskResolver(workspace).TryReadText(path, out var text, out _) ? text : null;
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The absolute, normalised form every path takes in the server.</summary>
        public static string Normalize(string path) => SourcePaths.Normalize(System.IO.Path.GetFullPath(path));

        /// <summary>Cancels every compile.</summary>
        public void Dispose()
        {
            _shutdown.Cancel();
            lock (_gate)
            {
                foreach (var state in _programs.Values) CancelPending(state);
                foreach (var state in _portfolios.Values) CancelPending(state);
            }
        }

        private sealed class ProgramState : ICancellable
        {
            public ProgramState(string path) => Path = path;

            public string Path { get; }

            public CompiledProgram? Latest { get; set; }

            public CancellationTokenSource? Cancellation { get; set; }

            public TimeSpan? LastFinalElapsed { get; set; }
        }

        private sealed class PortfolioState : ICancellable
        {
            public PortfolioState(string path) => Path = path;

            public string Path { get; }

            public CompiledPortfolio? Latest { get; set; }

            public CancellationTokenSource? Cancellation { get; set; }
        }

        private interface ICancellable
        {
            CancellationTokenSource? Cancellation { get; set; }
        }

        private sealed class Standalone
        {
            public Standalone(SyntaxTree tree) => Tree = tree;

            public SyntaxTree Tree { get; }
        }
    }
}
