using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Text;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>Thrown for usage and I/O problems: exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }

    /// <summary>What a plan file holds (<see cref="PlanLoader.KindOf"/>).</summary>
    public enum PlanKind
    {
        /// <summary>A <c>program</c>, or a file that could not be read (compiling it says why).</summary>
        Program,

        /// <summary>A <c>portfolio</c> naming programs.</summary>
        Portfolio,

        /// <summary>Members only, read through a program's or a portfolio's <c>include</c>.</summary>
        Fragment,
    }

    /// <summary>Compiles plan files from disk with the severities that apply to them.</summary>
    /// <remarks>
    /// Includes are confined to a workspace (README, "Workspace and limits"): the folder given with <c>--workspace</c>,
    /// else the repository root (the nearest folder at or above the plan that holds <c>.git</c>, a file or a folder),
    /// else the folder named on the command line (for a plan found in a folder walk) or the plan's own folder.
    /// </remarks>
    public sealed class PlanLoader
    {
        private readonly IFileSystem _fileSystem;
        private readonly SeverityConfigLocator _configs;
        private readonly IConsoleEnvironment? _console;

        private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);

        // The characters held in _texts, and the most it may hold: one largest plan file's worth.
        private long _cachedChars;

        // The tokens this run has compiled (InputLimits.MaxTokensPerRun).
        private long _tokensCompiled;
        private readonly long _maxCachedChars = InputLimits.MaxFileBytes;

        // The folder named on the command line that a walked plan was found in: its workspace when no repository holds it.
        private readonly Dictionary<string, string> _walkedFrom = new Dictionary<string, string>(StringComparer.Ordinal);

        // Plans that grew past the size limit while KindOf read them, with the size the read saw: their compile reports it.
        private readonly Dictionary<string, long> _grown = new Dictionary<string, long>(StringComparer.Ordinal);

        /// <summary>A loader that keeps at most <paramref name="maxCachedChars"/> characters of walked plans between the walk and their compilation (tests).</summary>
        internal PlanLoader(IFileSystem fileSystem, SeverityConfigLocator configs, long maxCachedChars) : this(fileSystem, configs) => _maxCachedChars = maxCachedChars;

        /// <summary>The most tokens this loader compiles in its run (<see cref="InputLimits.MaxTokensPerRun"/>; smaller in tests).</summary>
        internal long MaxTokensPerRun { get; init; } = InputLimits.MaxTokensPerRun;

        /// <summary>The tokens compiled so far in this run.</summary>
        internal long TokensCompiled => _tokensCompiled;

        /// <summary>The characters of walked plans held until they are compiled.</summary>
        internal long CachedChars => _cachedChars;

        public PlanLoader(IFileSystem fileSystem, SeverityConfigLocator configs, IConsoleEnvironment? console = null, Interruption? interruption = null)
        {
            _fileSystem = fileSystem;
            _configs = configs;
            _console = console;
            Cancellation = interruption?.Token ?? default;
        }

        /// <summary>The run's token (Ctrl+C), given to every compile; commands give it to what they run after (forecast, baseline).</summary>
        public System.Threading.CancellationToken Cancellation { get; }

        /// <summary>A copy of <paramref name="options"/> (or the defaults) that the run's token stops.</summary>
        public ScheduleOptions Cancellable(ScheduleOptions? options)
        {
            var copy = Clone(options ?? ScheduleOptions.Default);
            copy.CancellationToken = Cancellation;
            return copy;
        }

        /// <summary>
        /// Expands files and folders to the program and portfolio files to check (fragments are skipped: they are read
        /// through include; <see cref="KindOf"/> tells a program from a portfolio).
        /// </summary>
        public IReadOnlyList<string> ExpandProgramFiles(IEnumerable<string> paths, string? workspace = null) =>
            Expand(paths, workspace, KeepFoundProgram);

        /// <summary>
        /// Files named are kept as named; a folder is walked (recursively, <c>*.tpm</c>, within its workspace) and each
        /// file found is kept when <paramref name="keepFound"/> (file, workspace root, display path) says so.
        /// </summary>
        private IReadOnlyList<string> Expand(IEnumerable<string> paths, string? workspace, Func<string, string, string, bool> keepFound)
        {
            var result = new List<string>();
            foreach (var path in paths)
            {
                if (_fileSystem.DirectoryExists(path))
                {
                    var root = WorkspaceFor(path, isFolder: true, workspace);
                    foreach (var file in _fileSystem.EnumerateFiles(path, "*.tpm", root))
                    {
                        var display = DisplayPath(file);
                        _walkedFrom[display] = path;
                        if (keepFound(file, root, display)) result.Add(display);
                    }
                }
                else if (_fileSystem.FileExists(path))
                {
                    RequireRegularFile(path);
                    result.Add(DisplayPath(path));
                }
                else if (path.StartsWith("-", StringComparison.Ordinal))
                {
                    // The paths argument takes any token, so an unknown option lands here rather than in the parser.
                    throw new UsageException("unrecognized option '" + path + "'");
                }
                else
                {
                    throw new UsageException("no such file or folder: '" + path + "'");
                }
            }

            return result.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>
        /// A file found in a folder is compiled when it is a program, or when it cannot be read (listed unread, so that
        /// compiling it reports why at the file: TPM1007, TPM1006). A program's text is kept for its compilation.
        /// </summary>
        private bool KeepFoundProgram(string file, string root, string display)
        {
            if (_fileSystem.Inspect(file).Length > InputLimits.MaxFileBytes) return true;
            string? text;
            try
            {
                text = ReadInside(file, root);
            }
            catch (InputTooLargeException)
            {
                text = null;
            }

            if (text is null) return true;
            if (KindOfText(text) == PlanKind.Fragment) return false;
            // Kept only within a budget: a folder of fifty 60 MB plans held them all at once (gigabytes); past it,
            // a plan is read again when it is compiled.
            if (_cachedChars + text.Length <= _maxCachedChars)
            {
                _texts[display] = text;
                _cachedChars += text.Length;
            }

            return true;
        }

        /// <summary>What a plan's text holds: a portfolio, a program, or else a fragment of members.</summary>
        public static PlanKind KindOfText(string text)
        {
            if (ProgramDsl.Syntax.SyntaxFacts.IsProgramText(text)) return PlanKind.Program;
            return TpmPortfolio.IsPortfolioText(text) ? PlanKind.Portfolio : PlanKind.Fragment;
        }

        /// <summary>
        /// What the plan file at <paramref name="path"/> holds, so that every command dispatches alike (<c>tpm check</c>,
        /// <c>schedule</c>, <c>build</c>, <c>forecast</c>): a file that cannot be read (too large, outside the workspace)
        /// counts as a program, so that compiling it reports why.
        /// </summary>
        public PlanKind KindOf(string path, string? workspace = null)
        {
            if (_texts.TryGetValue(DisplayPath(path), out var text)) return KindOfText(text);
            if (!_fileSystem.FileExists(path)) throw new UsageException("no such file: '" + path + "'");
            var info = RequireRegularFile(path);
            if (info.Length > InputLimits.MaxFileBytes) return PlanKind.Program;
            string? read;
            try
            {
                read = ReadInside(path, RootFor(path, workspace));
            }
            catch (InputTooLargeException ex)
            {
                // It grew past the limit while read: compiling it says so, as it would have on its own read.
                _grown[DisplayPath(path)] = ex.Size;
                return PlanKind.Program;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Unreadable: compiling it as a program says why, as it always did.
                return PlanKind.Program;
            }

            if (read is null) return PlanKind.Program;
            // Kept for its compilation, within the walk's budget, so that a file is read once.
            if (_cachedChars + read.Length <= _maxCachedChars)
            {
                _texts[DisplayPath(path)] = read;
                _cachedChars += read.Length;
            }

            return KindOfText(read);
        }

        /// <summary>
        /// A usage error when <paramref name="path"/> is a portfolio: for the commands that work on one program
        /// (<c>status</c>, <c>baseline save</c>, <c>diff</c>), which would otherwise report it as a program without one.
        /// </summary>
        public void RequireProgram(string path, string? workspace, string command)
        {
            if (!_fileSystem.FileExists(path) || KindOf(path, workspace) != PlanKind.Portfolio) return;
            throw new UsageException("'" + path + "' is a portfolio; 'tpm " + command + "' works on one program: run it on a program the portfolio names " +
                                     "('tpm schedule' and 'tpm build' take the portfolio)");
        }

        /// <summary>
        /// The compile options of a portfolio at <paramref name="path"/>: its programs compile with the portfolio file's
        /// severities (one <c>.globalconfig</c> reading for the whole portfolio) and <paramref name="scheduling"/>; the run's
        /// token stops it. <c>--no-level</c> (<see cref="ScheduleOptions.Leveling"/> false) means: not leveled together either.
        /// </summary>
        public PortfolioCompileOptions PortfolioOptionsFor(string path, string? configPath, bool warningsAsErrors, ScheduleOptions? scheduling, string? workspace, bool schedule)
        {
            var config = ConfigFor(path, configPath, workspace);
            var options = OptionsFor(config, warningsAsErrors, Cancellable(scheduling));
            return new PortfolioCompileOptions
            {
                Program = options,
                Schedule = schedule,
                LevelTogether = scheduling?.Leveling == false ? false : (bool?)null,
            };
        }

        /// <summary>
        /// Compiles a portfolio file and the programs it names; the file is read under the rules of <see cref="Compile"/>
        /// (inside the workspace, a regular .tpm file within the size limit), the programs through the same confined
        /// resolver as includes. <paramref name="schedule"/> false checks the programs as they stand (<c>tpm check</c>).
        /// Returns null, with <paramref name="refused"/> saying why, when the portfolio file itself is not read.
        /// </summary>
        public TpmPortfolio? LoadPortfolio(string path, string? configPath, bool warningsAsErrors, ScheduleOptions? scheduling, string? workspace, bool schedule,
            out IReadOnlyList<Diagnostic> refused)
        {
            if (configPath != null && !_fileSystem.FileExists(configPath) && !_fileSystem.DirectoryExists(configPath)) throw new UsageException("no such config file: '" + configPath + "'");
            var options = PortfolioOptionsFor(path, configPath, warningsAsErrors, scheduling, workspace, schedule);
            // Read again even when the walk kept its text: the checks of Compile (workspace, size, a regular file) apply by name.
            var text = ReadPlan(path, workspace, out _, out refused);
            if (_texts.TryGetValue(DisplayPath(path), out var cached) && _texts.Remove(DisplayPath(path))) _cachedChars -= cached.Length;
            if (text is null) return null;
            if (_tokensCompiled > MaxTokensPerRun)
            {
                refused = TpmProgram.OverRunLimit(DisplayPath(path), _tokensCompiled, MaxTokensPerRun).Diagnostics;
                return null;
            }

            using var display = _console is null ? null : ProgressDisplay.Start(_console, silent: false, "compiling " + DisplayPath(path));
            if (display != null) options.Program.Scheduling.Progress = display.Leveling;
            var portfolio = TpmPortfolio.Parse(text, DisplayPath(path), new FileSystemSourceResolver(_fileSystem, RootFor(path, workspace)), options, Cancellation);
            foreach (var member in portfolio.Members) _tokensCompiled += member.Program.Tokens;
            return portfolio;
        }

        /// <summary>True when a plan file starts with <c>program</c> (a file too large to read counts as one, to be reported).</summary>
        /// <remarks>
        /// A file that cannot be read, too large or outside the workspace, counts as a program so that compiling it
        /// reports why (TPM1007, TPM1006) instead of skipping it silently.
        /// </remarks>
        public bool IsProgramFile(string path, string? workspace = null)
        {
            if (_texts.TryGetValue(DisplayPath(path), out var text)) return ProgramDsl.Syntax.SyntaxFacts.IsProgramText(text);
            var info = RequireRegularFile(path);
            if (info.Length > InputLimits.MaxFileBytes) return true;
            try
            {
                return ReadInside(path, RootFor(path, workspace)) is not string read || ProgramDsl.Syntax.SyntaxFacts.IsProgramText(read);
            }
            catch (InputTooLargeException)
            {
                return true;
            }
        }

        /// <summary>
        /// The severities that apply to a plan at <paramref name="path"/> (which need not exist yet: <c>tpm import</c>'s
        /// output), with the problems of its config files: <paramref name="configPath"/> when given, else the
        /// <c>.globalconfig</c> files found at and above the plan's folder, under the workspace rule of
        /// <see cref="SeverityConfigLocator"/> for the plan's workspace (<paramref name="workspace"/> overrides the default).
        /// Every command reads its configs through here.
        /// </summary>
        public SeverityConfig ConfigFor(string path, string? configPath, string? workspace)
        {
            if (configPath != null && !_fileSystem.FileExists(configPath) && !_fileSystem.DirectoryExists(configPath)) throw new UsageException("no such config file: '" + configPath + "'");
            var root = RootFor(path, workspace);
            try
            {
                return _configs.ForFile(path, configPath, root);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read .globalconfig: " + ex.Message);
            }
        }

        /// <summary>
        /// When set, a <c>.globalconfig</c> cannot lower an error (<see cref="SeverityOptions.KeepingErrors"/>): what
        /// <c>tpm diff --fail-on-new-errors</c> compiles with, since in CI the configuration is the pull request's own.
        /// </summary>
        public bool KeepErrors { get; set; }

        /// <summary>Compiles one program file; includes resolve inside the workspace (<paramref name="workspace"/> overrides the default).</summary>
        public TpmProgram Compile(string path, string? configPath, bool warningsAsErrors, ScheduleOptions? scheduling = null, string? workspace = null)
        {
            if (configPath != null && !_fileSystem.FileExists(configPath) && !_fileSystem.DirectoryExists(configPath)) throw new UsageException("no such config file: '" + configPath + "'");
            if (!_fileSystem.FileExists(path)) throw new UsageException("no such file: '" + path + "'");
            var info = RequireRegularFile(path);
            var root = RootFor(path, workspace);
            var config = ConfigFor(path, configPath, workspace);

            var options = OptionsFor(config, warningsAsErrors, scheduling);

            if (_grown.TryGetValue(DisplayPath(path), out var grown) && _grown.Remove(DisplayPath(path))) return TpmProgram.Unread(DisplayPath(path), SourceReadError.TooLarge(grown));
            if (Refuse(path, root, info, out var real) is SourceReadError refused) return TpmProgram.Unread(DisplayPath(path), refused);
            string? text;
            try
            {
                // By the real path just checked, and checked again on the open file (FIFO, link, size, same file).
                if (!_texts.TryGetValue(DisplayPath(path), out text)) text = _fileSystem.ReadRealFileText(real, InputLimits.MaxFileBytes);
                if (_texts.Remove(DisplayPath(path))) _cachedChars -= text.Length;
            }
            catch (InputTooLargeException ex)
            {
                return TpmProgram.Unread(DisplayPath(path), SourceReadError.TooLarge(ex.Size));
            }
            catch (NotRegularFileException ex)
            {
                throw new UsageException("'" + path + "' is " + ex.Info.Describe() + ", not a regular file");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read '" + path + "': " + ex.Message);
            }

            return CompileRead(path, text, new FileSystemSourceResolver(_fileSystem, root), options);
        }

        /// <summary>
        /// Compiles a plan read from elsewhere (a git revision, <see cref="GitRevisions"/>) whose includes
        /// <paramref name="resolver"/> serves, with the severities and options <see cref="Compile"/> would give the plan
        /// file at <paramref name="path"/>: two revisions of one plan are compiled alike.
        /// </summary>
        public TpmProgram CompileText(string path, string text, ISourceResolver resolver, string? configPath, bool warningsAsErrors, ScheduleOptions? scheduling = null, string? workspace = null)
        {
            // ConfigFor refuses a missing --config file.
            var config = ConfigFor(path, configPath, workspace);
            var options = OptionsFor(config, warningsAsErrors, scheduling);
            return CompileRead(path, text, resolver, options);
        }

        // Both ways in compile alike: a revision's plan and the file on disk get the same severities and options.
        private TpmCompileOptions OptionsFor(SeverityConfig config, bool warningsAsErrors, ScheduleOptions? scheduling) => new TpmCompileOptions
        {
            Severities = KeepErrors ? config.Severities.KeepingErrors() : config.Severities,
            ConfigurationDiagnostics = config.Diagnostics,
            WarningsAsErrors = warningsAsErrors,
            Scheduling = scheduling ?? ScheduleOptions.Default,
        };

        private TpmProgram CompileRead(string path, string text, ISourceResolver resolver, TpmCompileOptions options)
        {
            // A compile that takes more than a second says so on a terminal; the leveler's search reports its share of work.
            using var display = _console is null ? null : ProgressDisplay.Start(_console, silent: false, "compiling " + DisplayPath(path));
            if (display != null)
            {
                options.Scheduling = Clone(options.Scheduling);
                options.Scheduling.Progress = display.Leveling;
            }

            if (_tokensCompiled > MaxTokensPerRun) return TpmProgram.OverRunLimit(DisplayPath(path), _tokensCompiled, MaxTokensPerRun);
            var program = TpmProgram.Compile(new SourceText(DisplayPath(path), text), resolver, options, Cancellation);
            _tokensCompiled += program.Tokens;
            return program;
        }

        /// <summary>
        /// Why a plan file named or found at <paramref name="path"/> is not read, or null, with its real path: it must lie
        /// inside the workspace <paramref name="root"/> by its real path (a link named x.tpm in a pull request, pointing
        /// at /etc/passwd, is not read even when a build or a shell glob names it), a link named x.tpm must name a .tpm
        /// file (not a token file a CI step wrote into the checkout; a file the user names by its own name is theirs to
        /// read), and it must be within the size limit (README, "Workspace and limits").
        /// </summary>
        private SourceReadError? Refuse(string path, string root, PathInfo info, out string real)
        {
            real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(path));
            if (!SourcePaths.IsWithin(root, real, ignoreCase: OperatingSystem.IsWindows())) return SourceReadError.Outside(root);
            if (path.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase) && !real.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase)) return SourceReadError.NotAPlan();
            if (info.Length > InputLimits.MaxFileBytes) return SourceReadError.TooLarge(info.Length);
            return null;
        }

        /// <summary>
        /// The program files under <paramref name="folder"/> (walked as <see cref="ExpandProgramFiles"/> walks, within
        /// <paramref name="workspace"/>, the real path of a workspace) other than <paramref name="except"/> (the plan
        /// itself, by real path): <c>tpm forecast --history DIR</c>. The folder must lie inside the workspace by its real
        /// path, else a usage error.
        /// </summary>
        public IReadOnlyList<string> ProgramFilesWithin(string folder, string workspace, string except)
        {
            var real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(folder));
            if (!SourcePaths.IsWithin(workspace, real, ignoreCase: OperatingSystem.IsWindows()))
            {
                throw new UsageException("the history folder '" + folder + "' is outside the workspace '" + workspace + "'");
            }

            var plan = _fileSystem.GetRealPath(_fileSystem.GetFullPath(except));
            return Expand(new[] { folder }, workspace, KeepFoundProgram)
                .Where(file => !string.Equals(_fileSystem.GetRealPath(_fileSystem.GetFullPath(file)), plan, StringComparison.Ordinal))
                .ToList();
        }

        /// <summary>
        /// Expands files and folders to every plan file, fragments included (<c>tpm fmt</c>): folders are walked as for
        /// <see cref="ExpandProgramFiles"/> (recursively, <c>*.tpm</c>, links leaving the workspace not followed).
        /// </summary>
        public IReadOnlyList<string> ExpandPlanFiles(IEnumerable<string> paths, string? workspace = null) =>
            Expand(paths, workspace, (file, root, display) => true);

        /// <summary>
        /// Reads one plan file under the rules <see cref="Compile"/> applies (regular file, inside the workspace by its
        /// real path, a .tpm file, within the size limit; checked again on the open file). Returns its text and real path,
        /// or null with the diagnostic saying why it was not read. I/O failures are usage errors.
        /// </summary>
        public string? ReadPlan(string path, string? workspace, out string realPath, out IReadOnlyList<Diagnostic> refused)
        {
            refused = Array.Empty<Diagnostic>();
            if (!_fileSystem.FileExists(path)) throw new UsageException("no such file: '" + path + "'");
            var info = RequireRegularFile(path);
            var root = RootFor(path, workspace);
            if (Refuse(path, root, info, out realPath) is SourceReadError error)
            {
                refused = TpmProgram.Unread(DisplayPath(path), error).Diagnostics;
                return null;
            }

            try
            {
                return _fileSystem.ReadRealFileText(realPath, InputLimits.MaxFileBytes);
            }
            catch (InputTooLargeException ex)
            {
                refused = TpmProgram.Unread(DisplayPath(path), SourceReadError.TooLarge(ex.Size)).Diagnostics;
                return null;
            }
            catch (NotRegularFileException ex)
            {
                throw new UsageException("'" + path + "' is " + ex.Info.Describe() + ", not a regular file");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read '" + path + "': " + ex.Message);
            }
        }

        /// <summary>
        /// The real path of the workspace for a plan, or for a folder named on the command line: <paramref name="explicitWorkspace"/>
        /// when given, else the nearest folder at or above it holding <c>.git</c>, else the folder itself (a plan's folder).
        /// </summary>
        public string WorkspaceFor(string path, bool isFolder, string? explicitWorkspace)
        {
            if (explicitWorkspace != null)
            {
                if (!_fileSystem.DirectoryExists(explicitWorkspace)) throw new UsageException("--workspace '" + explicitWorkspace + "' is not a folder");
                return _fileSystem.GetRealPath(explicitWorkspace);
            }

            // The repository is looked for along the path as written, not along a link's target: a folder link in a pull
            // request (docs -> /somewhere) is inside the checkout as named, so its target is outside the workspace, and
            // `tpm fmt docs` or `tpm check docs` refuses the files there instead of treating the target as a workspace.
            var named = _fileSystem.GetFullPath(isFolder ? path : Path.GetDirectoryName(_fileSystem.GetFullPath(path))!);
            for (var folder = named; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                var git = Path.Combine(folder, ".git");
                if (_fileSystem.DirectoryExists(git) || _fileSystem.FileExists(git)) return _fileSystem.GetRealPath(folder);
            }

            return _fileSystem.GetRealPath(named);
        }

        private string RootFor(string path, string? workspace) =>
            WorkspaceFor(_walkedFrom.TryGetValue(DisplayPath(path), out var walked) ? walked : path, isFolder: walked != null, workspace);

        // The text of a plan file whose real path lies in the workspace, read by that real path and checked again on the
        // open file (FileSystemSourceResolver reads includes the same way); null, unread, when it lies outside.
        private string? ReadInside(string path, string root)
        {
            var real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(path));
            if (!SourcePaths.IsWithin(root, real, ignoreCase: OperatingSystem.IsWindows())) return null;
            return _fileSystem.ReadRealFileText(real, InputLimits.MaxFileBytes);
        }

        // A plan named on the command line must be a regular file: reading a FIFO would wait for a writer, a device forever.
        private PathInfo RequireRegularFile(string path)
        {
            var info = _fileSystem.Inspect(path);
            if (info.Kind != PathKind.RegularFile && info.Kind != PathKind.Missing)
            {
                throw new UsageException("'" + path + "' is " + info.Describe() + ", not a regular file");
            }

            return info;
        }

        private static string DisplayPath(string path) => SourcePaths.Normalize(path);

        /// <summary>A copy, so the caller's options (read again for the baseline and the forecast) never carry the display.</summary>
        private static ScheduleOptions Clone(ScheduleOptions o) => new ScheduleOptions
        {
            Leveling = o.Leveling,
            Seed = o.Seed,
            Effort = o.Effort,
            Schedules = o.Schedules,
            MaxPlacements = o.MaxPlacements,
            MaxWork = o.MaxWork,
            TimeLimit = o.TimeLimit,
            Progress = o.Progress,
            IgnoreProgress = o.IgnoreProgress,
            CancellationToken = o.CancellationToken,
        };
    }
}
