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

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm build PATH…</c>: compile each program and write its artefacts under <c>OUT/&lt;program-id&gt;/</c>
    /// (today the schedule JSON). Diagnostics are printed in the canonical form, which MSBuild's Exec task turns into
    /// build errors and warnings; a program with errors gets no artefacts and the exit code is 1.
    /// </summary>
    public sealed class BuildCommand
    {
        /// <summary>The artefacts <c>--emit</c> knows, with the file each one writes.</summary>
        public static readonly IReadOnlyDictionary<string, string> Artefacts = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schedule"] = "schedule.json",
        };

        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;

        public BuildCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem)
        {
            _loader = loader;
            _console = console;
            _fileSystem = fileSystem;
        }

        public Command Build(CommonOptions common)
        {
            var paths = new Argument<string[]>("paths") { Description = "Program files or folders (folders are searched recursively for program files)", Arity = ArgumentArity.OneOrMore };
            var output = new Option<string>("--out", "-o") { Description = "Folder the artefacts go to, one subfolder per program id", DefaultValueFactory = _ => "tpm-out" };
            var emit = new Option<string>("--emit") { Description = "Artefacts to write, separated by commas: " + string.Join(", ", Artefacts.Keys), DefaultValueFactory = _ => "schedule" };
            var command = new Command("build", "Compile program files and write their artefacts (schedule.json) per program; exit 1 if any error");
            command.Arguments.Add(paths);
            command.Options.Add(output);
            command.Options.Add(emit);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(emit)!, common.Read(result), leveling.Read(result)));
            return command;
        }

        public int Run(IReadOnlyList<string> paths, string outputFolder, string emit, CommonSettings settings, ScheduleOptions? scheduling = null)
        {
            var kinds = ParseEmit(emit);
            // Fragments named explicitly (the build passes every .tpm file of a project) are inputs of the programs that
            // include them, not programs of their own.
            var files = _loader.ExpandProgramFiles(paths).Where(f => ProgramDsl.Syntax.SyntaxFacts.IsProgramText(_fileSystem.ReadAllText(f))).ToList();
            if (files.Count == 0) throw new UsageException("no .tpm program files found in " + string.Join(", ", paths.Select(p => "'" + p + "'")));

            var all = new List<Diagnostic>();
            var pending = new List<(string Path, string Text)>();
            var owners = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var file in files)
            {
                var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling);
                all.AddRange(program.Diagnostics);
                if (program.HasErrors || program.Model is null || program.Schedule is null) continue;
                var id = program.Model.Id;
                if (owners.TryGetValue(id, out var other))
                {
                    throw new UsageException("'" + other + "' and '" + file + "' both define program '" + id + "'; their artefacts would overwrite each other");
                }

                owners[id] = file;
                foreach (var kind in kinds)
                {
                    var text = ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics);
                    pending.Add((Path.Combine(outputFolder, id, Artefacts[kind]), text));
                }
            }

            // Artefacts are written only once every program has compiled, so a usage error leaves no partial output.
            foreach (var (path, text) in pending)
            {
                _fileSystem.WriteAllTextAtomic(path, text);
            }

            DiagnosticPrinter.WriteText(_console.Out, all, new Ansi(false));
            if (!settings.Quiet)
            {
                foreach (var (path, _) in pending) _console.Out.WriteLine("wrote " + path);
                _console.Error.WriteLine(DiagnosticPrinter.Summary(files.Count, all));
            }

            return all.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
        }

        private static IReadOnlyList<string> ParseEmit(string emit)
        {
            var kinds = emit.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries).Select(k => k.Trim().ToLowerInvariant()).Distinct().ToList();
            if (kinds.Count == 0) throw new UsageException("--emit names no artefact; known: " + string.Join(", ", Artefacts.Keys));
            foreach (var kind in kinds)
            {
                if (!Artefacts.ContainsKey(kind)) throw new UsageException("unknown artefact '" + kind + "' for --emit; known: " + string.Join(", ", Artefacts.Keys));
            }

            return kinds;
        }
    }
}
