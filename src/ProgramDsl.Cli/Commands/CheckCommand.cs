using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary><c>tpm check PATH…</c>: parse, bind, schedule and lint; print diagnostics; exit 1 on errors.</summary>
    public sealed class CheckCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;

        public CheckCommand(PlanLoader loader, IConsoleEnvironment console)
        {
            _loader = loader;
            _console = console;
        }

        public Command Build(CommonOptions common)
        {
            var paths = new Argument<string[]>("paths") { Description = "Program files or folders (folders are searched recursively for program files)", Arity = ArgumentArity.OneOrMore };
            var format = new Option<string>("--format", "-f") { Description = "Diagnostics format: text, json or sarif", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "json", "sarif");
            var command = new Command("check", "Parse, bind, schedule and lint program files; print diagnostics; exit 1 if any error");
            command.Arguments.Add(paths);
            command.Options.Add(format);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(paths)!, result.GetValue(format)!, common.Read(result), leveling.Read(result)));
            return command;
        }

        public int Run(IReadOnlyList<string> paths, string format, CommonSettings settings, ScheduleOptions? scheduling = null)
        {
            var files = _loader.ExpandProgramFiles(paths, settings.Workspace);
            if (files.Count == 0) throw new UsageException("no .tpm program files found in " + string.Join(", ", paths.Select(p => "'" + p + "'")));
            var all = new List<Diagnostic>();
            foreach (var file in files)
            {
                all.AddRange(_loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace).Diagnostics);
            }

            var ansi = new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor));
            DiagnosticPrinter.Write(_console.Out, format, all, ansi, CliApplication.Version);
            if (!settings.Quiet && format == "text") _console.Error.WriteLine(DiagnosticPrinter.Summary(files.Count, all));
            return all.Any(d => d.IsError) ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
