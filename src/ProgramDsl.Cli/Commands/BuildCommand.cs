using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Portfolios;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm build PATH…</c>: compile each program and write its artefacts under <c>OUT/&lt;program-id&gt;/</c> (see
    /// <see cref="ArtefactCatalog"/>). Diagnostics are printed in the canonical form, which MSBuild's Exec task turns
    /// into build errors and warnings; a program with errors gets no artefacts and the exit code is 1.
    /// </summary>
    public sealed class BuildCommand
    {
        /// <summary>
        /// Forecast iterations for the artefacts that show a forecast (the status report): those of <c>tpm forecast</c>,
        /// so the report's figures are the forecast command's for the same plan and seed.
        /// </summary>
        public const int DefaultForecastIterations = ForecastOptions.DefaultIterations;

        /// <summary>
        /// The most bytes of UTF-8 a program id may have to name its artefact folder: file systems allow 255 per name,
        /// and the staging folder beside it adds <see cref="FolderSetWriter.NameOverhead"/>; 200 leaves that room.
        /// </summary>
        public const int MaxIdBytes = 200;

        /// <summary>File names tpm may find in a program's folder and replace: its artefacts, and the litter of file browsers.</summary>
        private static readonly HashSet<string> OwnFileNames = new HashSet<string>(
            ArtefactCatalog.All.SelectMany(e => e.FileNames).Concat(new[] { ".DS_Store", "Thumbs.db", "desktop.ini" }), StringComparer.OrdinalIgnoreCase);

        /// <summary>Names Windows keeps for devices: a folder cannot have them there.</summary>
        private static readonly HashSet<string> WindowsDeviceNames = new HashSet<string>(
            new[] { "CON", "PRN", "AUX", "NUL" }.Concat(Enumerable.Range(1, 9).SelectMany(i => new[] { "COM" + i, "LPT" + i })), StringComparer.OrdinalIgnoreCase);

        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;
        private readonly IPortfolioPageWriter _portfolioPage;

        /// <summary>The file name of a portfolio's page, in the output folder beside its programs' folders.</summary>
        public const string PortfolioPageName = ProgramDsl.Reports.Html.PortfolioGanttWriter.FileName;

        public BuildCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem, IPortfolioPageWriter portfolioPage)
        {
            _loader = loader;
            _console = console;
            _fileSystem = fileSystem;
            _portfolioPage = portfolioPage;
        }

        public Command Build(CommonOptions common)
        {
            var paths = new Argument<string[]>("paths")
            {
                Description = "Program or portfolio files, or folders (searched recursively for them); a portfolio's programs are built leveled together",
                Arity = ArgumentArity.OneOrMore,
            };
            var output = new Option<string?>("--out", "-o") { Description = "Folder the artefacts go to, one subfolder per program id (and a portfolio's index.html)", DefaultValueFactory = _ => "tpm-out" };
            CommonOptions.RequireUsablePath(output);
            var emit = new Option<string>("--emit")
            {
                Description = "Artefacts to write, separated by commas: all (the default), " + string.Join(", ", ArtefactCatalog.All.Select(e => e.Kind + " (" + e.Description + ")")),
                DefaultValueFactory = _ => "all",
            };
            var iterations = IntegerOption.Create("--iterations", new string[0], "Forecast iterations for the status report (0: no forecast)",
                0, MonteCarloForecast.MaxIterations, DefaultForecastIterations);
            // For the ProgramDsl.Build package only, hence hidden: see Run's skipAnalyzerDiagnostics.
            var skipAnalyzerDiagnostics = new Option<bool>("--skip-analyzer-diagnostics")
            {
                Description = "Print only the diagnostics the ProgramDsl analyzers cannot report (frozen baselines, the forecast, artefact folders) and errors",
                Hidden = true,
            };
            var command = new Command("build", "Compile program files and write their artefacts per program (schedule JSON, Gantt chart, report, calendar, MS Project XML, Mermaid, CSV); exit 1 if any error");
            command.Arguments.Add(paths);
            command.Options.Add(output);
            command.Options.Add(emit);
            command.Options.Add(iterations);
            command.Options.Add(skipAnalyzerDiagnostics);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(emit)!, common.Read(result), leveling.Read(result), result.GetValue(iterations),
                outputGiven: result.GetResult(output) is { Implicit: false }, skipAnalyzerDiagnostics: result.GetValue(skipAnalyzerDiagnostics)));
            return command;
        }

        /// <summary>Why a program id cannot name its artefact folder <paramref name="fullFolder"/> on this system, or null.</summary>
        public static string? OutputNameProblem(string id, string fullFolder)
        {
            int bytes = System.Text.Encoding.UTF8.GetByteCount(id);
            if (bytes > MaxIdBytes)
            {
                return "program id '" + Shorten(id) + "' is too long to name its artefact folder: " + Number(bytes) + " bytes of UTF-8, at most " + Number(MaxIdBytes);
            }

            if (OperatingSystem.IsWindows() && WindowsDeviceNames.Contains(id))
            {
                return "program id '" + id + "' cannot name its artefact folder: Windows keeps the name for a device";
            }

            // The longest path written: a file in the staging folder beside the program's folder.
            int longestName = ArtefactCatalog.All.SelectMany(e => e.FileNames).Max(n => n.Length);
            int pathBytes = System.Text.Encoding.UTF8.GetByteCount(fullFolder) + FolderSetWriter.NameOverhead + 1 + longestName;
            int maxPath = OperatingSystem.IsWindows() ? 32_767 : OperatingSystem.IsMacOS() ? 1_023 : 4_095;
            if (pathBytes > maxPath)
            {
                return "the artefact folder of program '" + Shorten(id) + "' would have paths of " + Number(pathBytes) + " bytes, beyond the " + Number(maxPath) +
                       " the system allows; use a shorter --out or program id";
            }

            return null;
        }

        private static string Shorten(string id) => id.Length <= 24 ? id : id.Substring(0, char.IsHighSurrogate(id[23]) ? 23 : 24) + "…";

        private static string Number(int value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>A usage error unless the folder is missing or holds only what tpm writes there (it is replaced whole).</summary>
        /// <summary>
        /// The default output folder may not be a symbolic link: a repository could commit <c>tpm-out -&gt; /anywhere</c> and
        /// so choose where a CI build writes. Writing through a link stays possible, but only when asked for with <c>-o</c>.
        /// </summary>
        private void CheckDefaultOutput(string folder)
        {
            var full = _fileSystem.GetFullPath(folder);
            var parent = Path.GetDirectoryName(full);
            if (parent is null) return;
            var real = _fileSystem.GetRealPath(full);
            var expected = Path.Combine(_fileSystem.GetRealPath(parent), Path.GetFileName(full));
            if (string.Equals(real, expected, StringComparison.Ordinal)) return;
            throw new UsageException("the default output folder '" + folder + "' is a symbolic link (to '" + real + "'); tpm does not follow it unasked, " +
                                     "so a repository cannot choose where a build writes: remove the link, or pass '-o " + folder + "' to write there on purpose");
        }

        private void CheckReplaceable(string folder)
        {
            if (_fileSystem.FileExists(folder)) throw new UsageException("'" + folder + "' is a file; tpm writes the artefacts of the program into a folder of that name");
            var foreign = _fileSystem.ListFolder(folder).Where(n => !OwnFileNames.Contains(n) && !IsLeftoverTemporaryFile(n)).ToList();
            if (foreign.Count == 0) return;
            throw new UsageException("'" + folder + "' holds " + string.Join(", ", foreign.Take(3).Select(n => "'" + n + "'")) + (foreign.Count > 3 ? " and " + Number(foreign.Count - 3) + " more" : string.Empty) +
                                     " that tpm did not write; tpm replaces the folder with the program's artefacts as a whole, so move them or choose another --out");
        }

        /// <summary>A temporary file of an earlier tpm that wrote artefacts one by one and was killed: <c>.NAME.32HEX.tmp</c>.</summary>
        private static bool IsLeftoverTemporaryFile(string name)
        {
            if (!name.StartsWith(".", StringComparison.Ordinal) || !name.EndsWith(".tmp", StringComparison.Ordinal)) return false;
            var stem = name.Substring(1, name.Length - 5);
            int dot = stem.LastIndexOf('.');
            return dot > 0 && stem.Length - dot - 1 == 32 && stem.Substring(dot + 1).All(Uri.IsHexDigit) && OwnFileNames.Contains(stem.Substring(0, dot));
        }

        /// <summary>
        /// The diagnostics of a program the analyzers do not report: every error, a frozen baseline's, and those the
        /// analyzers' own compile of the plan does not find. They schedule with <see cref="ScheduleOptions.Analyzers"/>
        /// (the program's leveling, seed 0, a smaller leveler budget) whatever this build's options (--no-level, --seed,
        /// --effort in TpmArguments), so a plan that levels otherwise here warns otherwise, and those warnings would be
        /// reported by no one.
        /// </summary>
        private IEnumerable<Diagnostic> NotFromTheAnalyzers(string file, TpmProgram program, CommonSettings settings)
        {
            bool Own(Diagnostic d) => d.IsError || d.Descriptor.Category == DiagnosticCatalog.MilestoneSlipped.Category;
            // A plan with nothing else to say needs no second compile.
            if (program.Diagnostics.All(Own)) return program.Diagnostics;
            var analyzers = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, ScheduleOptions.Analyzers, settings.Workspace);
            var reported = new HashSet<string>(analyzers.Diagnostics.Select(d => d.ToString()), StringComparer.Ordinal);
            return program.Diagnostics.Where(d => Own(d) || !reported.Contains(d.ToString()));
        }

        /// <summary>
        /// A portfolio's diagnostics the analyzers do not report: every error, and what the analyzers' own compile of each
        /// program file (alone) does not find, such as a deadline missed only once the programs are leveled together.
        /// </summary>
        private IEnumerable<Diagnostic> NotFromTheAnalyzers(TpmPortfolio portfolio, CommonSettings settings)
        {
            bool Own(Diagnostic d) => d.IsError || d.Descriptor.Category == DiagnosticCatalog.MilestoneSlipped.Category;
            if (portfolio.Diagnostics.All(Own)) return portfolio.Diagnostics;
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in portfolio.Members)
            {
                if (!_fileSystem.FileExists(member.Path)) continue;
                var analyzers = _loader.Compile(member.Path, settings.ConfigPath, settings.WarningsAsErrors, ScheduleOptions.Analyzers, settings.Workspace);
                foreach (var d in analyzers.Diagnostics) reported.Add(d.ToString());
            }

            return portfolio.Diagnostics.Where(d => Own(d) || !reported.Contains(d.ToString()));
        }

        private string? RealPath(string path)
        {
            try
            {
                return _fileSystem.GetRealPath(_fileSystem.GetFullPath(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return null;
            }
        }

        // skipAnalyzerDiagnostics: the build runs where the ProgramDsl analyzers have compiled the same plans (the
        // ProgramDsl.Build package sets it when both packages are in a project and every plan is an AdditionalFile). They
        // reported the compilation's diagnostics, with their help links, so only what they cannot know is printed here (a
        // frozen baseline's diagnostics: their netstandard2.0 compiler reads no baselines; the forecast's; the artefact
        // folders') and every error, so that a build that fails always says why. The exit code and summary count everything.
        public int Run(IReadOnlyList<string> paths, string outputFolder, string emit, CommonSettings settings, ScheduleOptions? scheduling = null,
            int forecastIterations = DefaultForecastIterations, bool outputGiven = true, bool skipAnalyzerDiagnostics = false)
        {
            var emitters = ArtefactCatalog.Select(emit, out var problem) ?? throw new UsageException(problem!);
            if (!outputGiven) CheckDefaultOutput(outputFolder);
            // Fragments named explicitly (the build passes every .tpm file of a project) are inputs of the programs that
            // include them, not programs of their own. A portfolio is built as one: its programs leveled together, each
            // in its usual folder, and its page beside them; the programs it names are not built again on their own.
            var found = _loader.ExpandProgramFiles(paths, settings.Workspace).Select(f => (File: f, Kind: _loader.KindOf(f, settings.Workspace))).ToList();
            var portfolios = found.Where(f => f.Kind == PlanKind.Portfolio).Select(f => f.File).ToList();
            var files = found.Where(f => f.Kind == PlanKind.Program).Select(f => f.File).ToList();
            if (files.Count == 0 && portfolios.Count == 0) throw new UsageException("no .tpm program files found in " + string.Join(", ", paths.Select(p => "'" + p + "'")));
            if (portfolios.Count > 1)
            {
                throw new UsageException("'" + portfolios[0] + "' and '" + portfolios[1] + "' are both portfolios; each writes its page to " + PortfolioPageName +
                                         " in the output folder, so build them one at a time with their own --out");
            }

            var all = new List<Diagnostic>();
            var printed = new List<Diagnostic>();
            var sets = new List<(string Folder, List<KeyValuePair<string, Action<Stream>>> Files)>();
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            int programCount = 0;

            void Add(string file, TpmProgram program)
            {
                if (program.HasErrors || program.Model is null || program.Schedule is null) return;
                var id = program.Model.Id;
                var folder = Path.Combine(outputFolder, id);
                if (OutputNameProblem(id, _fileSystem.GetFullPath(folder)) is string nameProblem)
                {
                    // The plan's own text is what cannot be a folder name: say where, and write nothing for it.
                    var unusable = DiagnosticCatalog.ArtefactFolderUnusable(program.Model.Location, nameProblem);
                    all.Add(unusable);
                    printed.Add(unusable);
                    return;
                }

                if (owners.TryGetValue(id, out var other))
                {
                    throw new UsageException("'" + other + "' and '" + file + "' both define program '" + id + "'; their artefacts would overwrite each other");
                }

                owners[id] = file;
                ArtefactContext context;
                using (var display = ProgressDisplay.Start(_console, settings.Quiet, "report forecast of " + id))
                {
                    context = ArtefactContext.Create(program, emitters, _loader.Cancellable(scheduling), forecastIterations, CliApplication.Version, display?.Forecast(forecastIterations, immediate: false));
                }

                all.AddRange(context.ForecastDiagnostics);
                printed.AddRange(context.ForecastDiagnostics);
                // Each artefact is made while it is written, straight into its staged file (FolderSetWriter), so only one is
                // ever in memory, and the larger ones never whole (issue 11: all of them as strings took 5.7 GB at 250,000 tasks).
                var artefacts = emitters.SelectMany(e => e.Emit(context)).Select(a => new KeyValuePair<string, Action<Stream>>(a.FileName, a.WriteTo)).ToList();
                sets.Add((folder, artefacts));
            }

            var named = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            string? page = null;
            foreach (var file in portfolios)
            {
                var portfolio = _loader.LoadPortfolio(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace, schedule: true, out var refused);
                if (portfolio is null)
                {
                    all.AddRange(refused);
                    printed.AddRange(refused);
                    continue;
                }

                all.AddRange(portfolio.Diagnostics);
                printed.AddRange(skipAnalyzerDiagnostics ? NotFromTheAnalyzers(portfolio, settings) : portfolio.Diagnostics);
                programCount += portfolio.Members.Count;
                foreach (var member in portfolio.Members)
                {
                    if (RealPath(member.Path) is string real) named.Add(real);
                    // Each program's usual artefacts, from its schedule leveled in the portfolio's context.
                    Add(member.Path, member.Program);
                }

                if (portfolio.Model != null && !portfolio.HasErrors) page = _portfolioPage.Render(portfolio, CliApplication.Version);
            }

            foreach (var file in files)
            {
                if (RealPath(file) is string real && named.Contains(real)) continue;
                var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
                programCount++;
                all.AddRange(program.Diagnostics);
                printed.AddRange(skipAnalyzerDiagnostics ? NotFromTheAnalyzers(file, program, settings) : program.Diagnostics);
                Add(file, program);
            }

            // Artefacts are written only once every program has compiled and every folder they replace is known to be
            // tpm's own, so a usage error leaves no partial output.
            foreach (var (folder, _) in sets) CheckReplaceable(folder);

            // Each program's folder is replaced as one set: all old or all new files (see FolderSetWriter).
            var written = new List<string>();
            string? failure = null;
            foreach (var (folder, artefacts) in sets)
            {
                try
                {
                    _fileSystem.ReplaceFolder(folder, artefacts);
                    written.AddRange(artefacts.Select(a => Path.Combine(folder, a.Key)));
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    failure = "cannot write the artefacts of '" + folder + "': " + CliErrors.Clause(ex.Message) + "; the folder is as it was before this build";
                    break;
                }
            }

            // The portfolio's page last, whole or not at all (written aside, then renamed): its links lead to the folders above.
            if (page != null && failure is null)
            {
                var pagePath = Path.Combine(outputFolder, PortfolioPageName);
                try
                {
                    _fileSystem.WriteAllTextAtomic(pagePath, page);
                    written.Add(pagePath);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    failure = "cannot write the portfolio page '" + pagePath + "': " + CliErrors.Clause(ex.Message);
                }
            }

            DiagnosticPrinter.WriteText(_console.Out, printed, new Ansi(false));
            if (!settings.Quiet)
            {
                foreach (var path in written) _console.Out.WriteLine("wrote " + path);
            }

            if (failure != null)
            {
                CliErrors.Write(_console.Error, failure);
                return ExitCodes.Usage;
            }

            if (!settings.Quiet) _console.Error.WriteLine(DiagnosticPrinter.Summary(programCount, all));
            return all.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
