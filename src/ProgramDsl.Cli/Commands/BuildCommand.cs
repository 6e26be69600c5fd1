using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
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
        /// <summary>Forecast iterations for the artefacts that show a forecast (the status report).</summary>
        public const int DefaultForecastIterations = 2000;

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
            var emit = new Option<string>("--emit")
            {
                Description = "Artefacts to write, separated by commas: all (the default), " + string.Join(", ", ArtefactCatalog.All.Select(e => e.Kind + " (" + e.Description + ")")),
                DefaultValueFactory = _ => "all",
            };
            var iterations = new Option<int>("--iterations")
            {
                Description = "Forecast iterations for the status report (0: no forecast)",
                DefaultValueFactory = _ => DefaultForecastIterations,
            };
            iterations.Validators.Add(r =>
            {
                int n = r.GetValueOrDefault<int>();
                if (n < 0 || n > MonteCarloForecast.MaxIterations) r.AddError("--iterations must be between 0 and " + MonteCarloForecast.MaxIterations);
            });
            var command = new Command("build", "Compile program files and write their artefacts per program (schedule JSON, Gantt chart, report, calendar, MS Project XML, Mermaid, CSV); exit 1 if any error");
            command.Arguments.Add(paths);
            command.Options.Add(output);
            command.Options.Add(emit);
            command.Options.Add(iterations);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(output)!, result.GetValue(emit)!, common.Read(result), leveling.Read(result), result.GetValue(iterations)));
            return command;
        }

        public int Run(IReadOnlyList<string> paths, string outputFolder, string emit, CommonSettings settings, ScheduleOptions? scheduling = null,
            int forecastIterations = DefaultForecastIterations)
        {
            var emitters = ArtefactCatalog.Select(emit, out var problem) ?? throw new UsageException(problem!);
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
                ArtefactContext context;
                using (var display = ProgressDisplay.Start(_console, settings.Quiet, "report forecast of " + id))
                {
                    context = ArtefactContext.Create(program, emitters, scheduling, forecastIterations, CliApplication.Version, display?.Forecast(forecastIterations, immediate: false));
                }

                all.AddRange(context.ForecastDiagnostics);
                foreach (var emitter in emitters)
                {
                    foreach (var artefact in emitter.Emit(context)) pending.Add((Path.Combine(outputFolder, id, artefact.FileName), artefact.Text));
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
    }
}
