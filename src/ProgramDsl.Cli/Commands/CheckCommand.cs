using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;
using ProgramDsl.Text;

namespace ProgramDsl.Cli.Commands
{
    /// <summary><c>tpm check PATH…</c>: parse, bind, schedule and lint; print diagnostics; exit 1 on errors.</summary>
    public sealed class CheckCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;

        public CheckCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem)
        {
            _loader = loader;
            _console = console;
            _fileSystem = fileSystem;
        }

        public Command Build(CommonOptions common)
        {
            var paths = new Argument<string[]>("paths") { Description = "Program files or folders (folders are searched recursively for program files)", Arity = ArgumentArity.OneOrMore };
            var format = new Option<string>("--format", "-f") { Description = "Diagnostics format: text, json or sarif", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var sourceRoot = new Option<string>("--source-root")
            {
                Description = "SARIF: the folder result paths are relative to (default: the git work tree holding the first program file, else the current folder)",
            };
            var category = new Option<string>("--category")
            {
                Description = "SARIF: the run's category (automationDetails.id), for several uploads to one repository; default none (the uploader's)",
            };
            var command = new Command("check", "Parse, bind, schedule and lint program files; print diagnostics; exit 1 if any error");
            command.Arguments.Add(paths);
            command.Options.Add(format);
            command.Options.Add(sourceRoot);
            command.Options.Add(category);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, common.Read(result), leveling.Read(result),
                new SarifSettings(result.GetValue(sourceRoot), result.GetValue(category))));
            return command;
        }

        public int Run(IReadOnlyList<string> paths, string format, CommonSettings settings, ScheduleOptions? scheduling = null, SarifSettings? sarif = null)
        {
            if (format != "sarif" && (sarif?.SourceRoot != null || sarif?.Category != null)) throw new UsageException("--source-root and --category apply to --format sarif only");
            if (sarif?.SourceRoot is string named && !_fileSystem.DirectoryExists(named)) throw new UsageException("--source-root '" + named + "' is not a folder");
            if (sarif?.Category is string c && (c.Trim('/').Length == 0 || c.Any(char.IsControl))) throw new UsageException("--category must be a name, e.g. 'tpm' or 'tpm/plans'");
            var files = _loader.ExpandProgramFiles(paths, settings.Workspace);
            if (files.Count == 0) throw new UsageException("no .tpm program files found in " + string.Join(", ", paths.Select(p => "'" + p + "'")));
            var (all, programs) = CheckAll(paths, files, settings, scheduling);

            var ansi = new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor));
            if (format == "sarif")
            {
                var (options, root) = SarifPlacement(files, sarif);
                _console.Out.Write(SarifWriter.ToSarif(all, CliApplication.Version, options));
                int unplaced = all.Count(d => d.Location is not SourceLocation at || options.RelativePath!(at.Path) is null);
                if (unplaced > 0 && !settings.Quiet)
                {
                    _console.Error.WriteLine("tpm: " + unplaced + " diagnostic" + (unplaced == 1 ? " lies" : "s lie") + " outside the source root '" +
                        Diagnostic.Printable(root) + "': the SARIF log lists " + (unplaced == 1 ? "it as a tool notification, not a result" : "them as tool notifications, not results") +
                        " (set --source-root to a folder holding every file)");
                }

                return all.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.Write(_console.Out, format, all, ansi, CliApplication.Version);
            if (!settings.Quiet && format == "text") _console.Error.WriteLine(DiagnosticPrinter.Summary(programs, all));
            return all.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
        }

        /// <summary>
        /// The diagnostics of the files, in their order: a portfolio file is checked as a portfolio (its programs as they
        /// stand, each compiled alone, with the cross-program over-allocations between them: TPM2103), and the programs a
        /// portfolio names are not checked again on their own; the other programs are compiled one by one, and those that
        /// share a person or pool with no portfolio naming them are reported once (TPM2104).
        /// </summary>
        private (List<Diagnostic> All, int Programs) CheckAll(IReadOnlyList<string> paths, IReadOnlyList<string> files, CommonSettings settings, ScheduleOptions? scheduling)
        {
            int programs = 0;
            var byFile = new Dictionary<string, IReadOnlyList<Diagnostic>>(StringComparer.Ordinal);
            var named = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (_loader.KindOf(file, settings.Workspace) != PlanKind.Portfolio) continue;
                var portfolio = _loader.LoadPortfolio(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace, schedule: false, out var refused);
                byFile[file] = portfolio?.Diagnostics ?? refused;
                if (portfolio is null) continue;
                programs += portfolio.Members.Count;
                foreach (var member in portfolio.Members)
                {
                    if (RealPath(member.Path) is string real) named.Add(real);
                }
            }

            var all = new List<Diagnostic>();
            var alone = new List<TpmProgram>();
            foreach (var file in files)
            {
                if (byFile.TryGetValue(file, out var diagnostics))
                {
                    all.AddRange(diagnostics);
                    continue;
                }

                if (RealPath(file) is string real && named.Contains(real)) continue;
                var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
                all.AddRange(program.Diagnostics);
                alone.Add(program);
            }

            all.AddRange(SharedWithoutPortfolio(paths, files, alone, settings));
            return (all, programs + alone.Count);
        }

        /// <summary>
        /// TPM2104: programs checked in one run that use one declared person or pool, with no portfolio naming them; the
        /// portfolio it suggests lists their paths relative to the first folder named (the current folder when only files are).
        /// </summary>
        private IReadOnlyList<Diagnostic> SharedWithoutPortfolio(IReadOnlyList<string> paths, IReadOnlyList<string> files, IReadOnlyList<TpmProgram> programs, CommonSettings settings)
        {
            if (programs.Count < 2) return Array.Empty<Diagnostic>();
            var folder = paths.FirstOrDefault(_fileSystem.DirectoryExists) ?? ".";
            var resolver = new FileSystemSourceResolver(_fileSystem, _loader.WorkspaceFor(folder, isFolder: true, settings.Workspace));
            var options = _loader.PortfolioOptionsFor(files[0], settings.ConfigPath, settings.WarningsAsErrors, null, settings.Workspace, schedule: false).Program;
            return Portfolios.TpmPortfolio.SharedWithoutPortfolio(programs, folder, resolver, options);
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

        /// <summary>
        /// Where the SARIF log's paths are relative to: <c>--source-root</c>, else the git work tree holding the first
        /// program file (the nearest folder at or above it with <c>.git</c>, as named, links not followed, so paths match
        /// the repository's own), else the current folder. A file outside the root has no relative path.
        /// </summary>
        internal (SarifOptions Options, string Root) SarifPlacement(IReadOnlyList<string> files, SarifSettings? sarif)
        {
            string root;
            if (sarif?.SourceRoot is string named) root = _fileSystem.GetFullPath(named);
            else root = GitWorkTree(files.Count > 0 ? files[0] : ".") ?? _fileSystem.GetFullPath(".");
            var normalRoot = SourcePaths.Normalize(root);
            bool ignoreCase = OperatingSystem.IsWindows();
            string? Relative(string path)
            {
                var full = SourcePaths.Normalize(_fileSystem.GetFullPath(path));
                if (!SourcePaths.IsWithin(normalRoot, full, ignoreCase)) return null;
                var rest = full.Substring(normalRoot.Length).TrimStart('/');
                return rest.Length == 0 ? null : rest;
            }

            var options = new SarifOptions
            {
                SourceRootUri = SarifWriter.ToFolderUri(normalRoot),
                RelativePath = Relative,
                Category = sarif?.Category?.Trim(),
            };
            return (options, normalRoot);
        }

        private string? GitWorkTree(string file)
        {
            var full = _fileSystem.GetFullPath(file);
            for (var folder = _fileSystem.DirectoryExists(full) ? full : Path.GetDirectoryName(full); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
            {
                var git = Path.Combine(folder, ".git");
                if (_fileSystem.DirectoryExists(git) || _fileSystem.FileExists(git)) return folder;
            }

            return null;
        }
    }

    /// <summary>The SARIF options of <c>tpm check</c>: <c>--source-root</c> and <c>--category</c>.</summary>
    public sealed record SarifSettings(string? SourceRoot, string? Category);
}
