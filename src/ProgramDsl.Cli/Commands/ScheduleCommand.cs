using System.CommandLine;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary><c>tpm schedule FILE</c>: print the schedule as a table or as JSON.</summary>
    public sealed class ScheduleCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;

        public ScheduleCommand(PlanLoader loader, IConsoleEnvironment console)
        {
            _loader = loader;
            _console = console;
        }

        public Command Build(CommonOptions common)
        {
            var file = new Argument<string>("file") { Description = "The program file" };
            var format = new Option<string>("--format", "-f") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var command = new Command("schedule", "Print the schedule of a program");
            command.Arguments.Add(file);
            command.Options.Add(format);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(format)!, leveling.Read(result), common.Read(result)));
            return command;
        }

        public int Run(string file, string format, ScheduleOptions scheduling, CommonSettings settings)
        {
            var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
            var diagnostics = program.Diagnostics;
            bool hasErrors = diagnostics.Any(d => d.IsError);
            var ansi = new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor));

            // A schedule exists only when parsing and binding succeeded; errors found on it (a missed deadline)
            // are exactly what the schedule explains, so it is shown with them, and the exit code still says 1.
            if (format == "json")
            {
                _console.Out.Write(ScheduleJson.ToJson(program.Model, program.Schedule, diagnostics, program.Baseline));
                return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.WriteText(_console.Error, diagnostics, new Ansi(false));
            if (program.Schedule is null)
            {
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no schedule: the program has errors");
                return ExitCodes.Errors;
            }

            ScheduleTable.Write(_console.Out, program.Schedule, ansi, settings.Quiet, program.Baseline);
            return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
