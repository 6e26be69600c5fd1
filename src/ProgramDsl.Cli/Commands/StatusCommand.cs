using System.CommandLine;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Diagnostics;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm status FILE</c>: earned value at the status date and the tasks behind and ahead of plan, against the frozen
    /// baseline the program names (<see cref="TpmProgram.Baseline"/>) or else the plan without actuals.
    /// </summary>
    public sealed class StatusCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;

        public StatusCommand(PlanLoader loader, IConsoleEnvironment console)
        {
            _loader = loader;
            _console = console;
        }

        public Command Build(CommonOptions common)
        {
            var file = new Argument<string>("file") { Description = "The program file" };
            var format = new Option<string>("--format", "-f") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var command = new Command("status", "Print earned value at the status date and the tasks behind and ahead of plan");
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
            _loader.RequireProgram(file, settings.Workspace, "status");
            var program = _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
            var diagnostics = program.Diagnostics;
            bool hasErrors = diagnostics.Any(d => d.IsError);

            // Without a status date there is nothing to measure: a usage problem, said before anything else.
            if (program.Model != null && program.Schedule != null && EarnedValue.MissingStatusDate(program.Model) is string missing)
            {
                CliErrors.Write(_console.Error, missing);
                return ExitCodes.Usage;
            }

            // The baseline is the frozen one the program names, else the same plan with nothing tracked, scheduled with
            // the same options (as are the tasks added since a frozen baseline).
            var result = program.Model != null && program.Schedule != null ? EarnedValue.Compute(program.Model, program.Schedule, program.Baseline, _loader.Cancellable(scheduling)) : null;
            var report = result?.Report;
            if (result?.Diagnostic is Diagnostic outOfRange)
            {
                // Earned-value figures too large for decimal: TPM2006, printed with the program's diagnostics.
                diagnostics = diagnostics.Concat(new[] { outOfRange }).ToList();
                hasErrors = true;
            }

            if (format == "json")
            {
                _console.Out.Write(StatusJson.ToJson(program.Model, report, diagnostics));
                return hasErrors || report is null ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.WriteText(_console.Error, diagnostics, new Ansi(false));
            if (report is null)
            {
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no status: the program has errors");
                return ExitCodes.Errors;
            }

            // A baseline named but not read (TPM1104, TPM1105): the figures fell back to the plan with nothing tracked, and say so.
            var unread = program.Baseline is null ? program.Model?.BaselinePath : null;
            StatusTable.Write(_console.Out, report, new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor)), settings.Quiet, unread);
            return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
