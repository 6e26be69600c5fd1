using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm baseline save FILE [--name NAME] [-o OUT] [--force]</c>: compiles a program and freezes its schedule as a
    /// baseline file (<see cref="BaselineJson"/>), <c>&lt;stem&gt;.baseline.&lt;name&gt;.json</c> beside the plan, for
    /// committing and naming in the program's <c>baseline</c> statement. A program with errors writes nothing (exit 1);
    /// a file already there is kept unless <c>--force</c> (exit 2), and the file is written whole or not at all, inside
    /// the plan's workspace.
    /// </summary>
    public sealed class BaselineCommand
    {
        /// <summary>The name of a baseline saved without <c>--name</c>; its file is <c>program.baseline.json</c>.</summary>
        public const string DefaultName = "baseline";

        /// <summary>The longest baseline name: it becomes part of a file name.</summary>
        public const int MaxNameLength = 64;

        /// <summary>The diagnostics of the comparison with the baseline a program already names (TPM1104, TPM1105, TPM2203, TPM2204).</summary>
        private static readonly string[] OldBaselineCodes = { "TPM1104", "TPM1105", "TPM2203", "TPM2204" };

        private readonly PlanLoader _loader;
        private readonly IFileSystem _fileSystem;
        private readonly IConsoleEnvironment _console;

        public BaselineCommand(PlanLoader loader, IFileSystem fileSystem, IConsoleEnvironment console)
        {
            _loader = loader;
            _fileSystem = fileSystem;
            _console = console;
        }

        public Command Build(CommonOptions common)
        {
            var file = new Argument<string>("file") { Description = "The program file" };
            var name = new Option<string>("--name", "-n")
            {
                Description = "The baseline's name, part of its file name: letters, digits, '-' and '_', such as q1 or 2027-q1 (default: baseline)",
                DefaultValueFactory = _ => DefaultName,
            };
            name.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<string>();
                if (NameProblem(value) is string problem) r.AddError("option '" + (r.IdentifierToken?.Value ?? "--name") + "' " + problem);
            });
            var output = new Option<string?>("--out", "-o") { Description = "The file to write, ending in .json (default: <plan>.baseline.<name>.json beside the plan)" };
            CommonOptions.RequireUsablePath(output);
            var force = new Option<bool>("--force") { Description = "Overwrite the baseline file when it exists" };
            var save = new Command("save", "Freeze a program's schedule (every task's dates, work, cost and assignees, the finish and the critical path) as a baseline file beside the plan; exit 1 if the program has errors, 2 if the file exists (without --force) or cannot be written");
            save.Arguments.Add(file);
            save.Options.Add(name);
            save.Options.Add(output);
            save.Options.Add(force);
            var leveling = new LevelingOptions();
            leveling.AddTo(save);
            common.AddTo(save);
            save.SetAction(result => Save(result.GetValue(file)!, result.GetValue(name)!, result.GetValue(output), result.GetValue(force), leveling.Read(result), common.Read(result)));

            var command = new Command("baseline", "Frozen baselines: what a program is measured against (tpm status, the schedule's slips)");
            command.Subcommands.Add(save);
            return command;
        }

        /// <summary>Why <paramref name="name"/> cannot name a baseline (it becomes part of a file name), or null.</summary>
        public static string? NameProblem(string? name)
        {
            bool ok = !string.IsNullOrEmpty(name) && name.Length <= MaxNameLength && IsAsciiLetterOrDigit(name[0]) &&
                      name.All(c => IsAsciiLetterOrDigit(c) || c == '-' || c == '_');
            return ok ? null : "expects a name of letters, digits, '-' and '_' starting with a letter or digit, at most " + MaxNameLength +
                               " characters, such as q1; got '" + (name ?? string.Empty) + "'";
        }

        private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        /// <summary>
        /// The default file of a baseline: <c>plans/program.tpm</c>, <c>q1</c> → <c>plans/program.baseline.q1.json</c>; the
        /// default name gives <c>plans/program.baseline.json</c>.
        /// </summary>
        public static string DefaultPath(string plan, string name)
        {
            var folder = Path.GetDirectoryName(plan);
            var stem = Path.GetFileName(plan);
            if (stem.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase)) stem = stem.Substring(0, stem.Length - 4);
            var file = stem + (name == DefaultName ? ".baseline.json" : ".baseline." + name + ".json");
            return string.IsNullOrEmpty(folder) ? file : Path.Combine(folder, file);
        }

        public int Save(string file, string name, string? output, bool force, ScheduleOptions scheduling, CommonSettings settings)
        {
            if (_fileSystem.DirectoryExists(file) || !_fileSystem.FileExists(file)) throw new UsageException("no such file: '" + file + "'");
            var target = output ?? DefaultPath(file, name);
            if (!target.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) throw new UsageException("the baseline file '" + target + "' must end in .json (the baseline statement reads only .json files)");

            // Where it goes is checked before the compile, so a usage mistake costs no scheduling: inside the plan's
            // workspace by its real path (a link in a checkout pointing out of it is not followed), and nothing but a
            // regular file in its place.
            var root = _loader.WorkspaceFor(file, isFolder: false, settings.Workspace);
            var real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(target));
            if (!SourcePaths.IsWithin(root, real, ignoreCase: OperatingSystem.IsWindows()))
            {
                throw new UsageException("the baseline file '" + target + "' is outside the workspace '" + root + "'; baselines are written beside the plan they freeze");
            }

            var existing = _fileSystem.Inspect(target);
            if (existing.Kind != PathKind.Missing && existing.Kind != PathKind.RegularFile)
            {
                throw new UsageException("'" + target + "' is " + existing.Describe() + ", not a regular file; nothing was written");
            }

            if (existing.Kind == PathKind.RegularFile && !force) throw new UsageException(AlreadyExists(target));

            _loader.RequireProgram(file, settings.Workspace, "baseline save");
            var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
            DiagnosticPrinter.WriteText(_console.Error, program.Diagnostics, new Ansi(false));

            // The problems of the baseline the program names now (unreadable, another program's, milestones past it) are
            // no reason to keep a new one from being saved: replacing it is how they are fixed, and the schedule is made
            // before it is read. Every other error is the plan's, and a plan with errors is not frozen.
            if (program.Schedule is null || program.Diagnostics.Any(d => d.IsError && Array.IndexOf(OldBaselineCodes, d.Code) < 0))
            {
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no baseline written: the program has errors");
                return ExitCodes.Errors;
            }

            var snapshot = BaselineSnapshot.Capture(program.Schedule, name);
            if (BaselineJson.OverLimit(snapshot) is string over)
            {
                // Written, it would be a baseline every later check refuses (TPM1104).
                _console.Error.WriteLine("tpm: no baseline written: " + Diagnostic.Printable(over) + " is more than a baseline holds (at most 10^22)");
                return ExitCodes.Errors;
            }

            var text = BaselineJson.Write(snapshot);
            try
            {
                if (force) _fileSystem.WriteAllTextAtomic(target, text);
                else if (!_fileSystem.TryWriteNewTextAtomic(target, text)) throw new UsageException(AlreadyExists(target));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot write '" + target + "': " +
                    (ex is UnauthorizedAccessException ? "permission denied" : ex is DirectoryNotFoundException ? "a part of the folder's path is not a folder" : CliErrors.Clause(ex.Message)));
            }

            if (!settings.Quiet)
            {
                int milestones = snapshot.Items.Count(i => i.IsMilestone);
                _console.Out.WriteLine("wrote " + Diagnostic.Printable(target) + ": baseline '" + name + "' of program " + snapshot.ProgramId + ", " +
                                       Plural.Of(snapshot.Items.Count - milestones, "task") + " and " + Plural.Of(milestones, "milestone") + ", finish " + snapshot.Finish +
                                       ", cost " + snapshot.Cost.ToString("#,0.##", CultureInfo.InvariantCulture));
                // The program may name this file already (a baseline saved again): then there is nothing to add.
                var named = program.Model?.BaselinePath;
                if (named != null && string.Equals(_fileSystem.GetFullPath(named), _fileSystem.GetFullPath(target), StringComparison.Ordinal))
                {
                    _console.Out.WriteLine("the program names this baseline: tpm status and tpm schedule measure against it");
                }
                else
                {
                    _console.Out.WriteLine("measure the plan against it: commit it, and name it in the program block: baseline \"" + Diagnostic.Printable(Relative(file, target)) + "\"");
                }
            }

            return ExitCodes.Success;
        }

        private static string AlreadyExists(string target) =>
            "'" + target + "' already exists; use --force to replace it, or --name to save another baseline";

        /// <summary>The baseline's path as the plan's <c>baseline</c> statement names it: relative to the plan's folder, with '/'.</summary>
        private string Relative(string plan, string target)
        {
            var folder = Path.GetDirectoryName(_fileSystem.GetFullPath(plan)) ?? string.Empty;
            return Path.GetRelativePath(folder, _fileSystem.GetFullPath(target)).Replace(Path.DirectorySeparatorChar, '/');
        }
    }
}
