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
            var file = new Argument<string>("file") { Description = "The program file, or a portfolio file (its programs leveled together)" };
            var format = new Option<string>("--format", "-f") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var programs = new Option<bool>("--programs") { Description = "Portfolio, table only: each program's schedule table after the portfolio's" };
            var command = new Command("schedule", "Print the schedule of a program, or of a portfolio's programs leveled together");
            command.Arguments.Add(file);
            command.Options.Add(format);
            command.Options.Add(programs);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result => Run(result.GetValue(file)!, result.GetValue(format)!, leveling.Read(result), common.Read(result), result.GetValue(programs)));
            return command;
        }

        public int Run(string file, string format, ScheduleOptions scheduling, CommonSettings settings, bool programs = false)
        {
            if (_loader.KindOf(file, settings.Workspace) == PlanKind.Portfolio) return RunPortfolio(file, format, scheduling, settings, programs);
            if (programs) throw new UsageException("--programs applies to a portfolio file; '" + file + "' is a program");
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

        /// <summary>
        /// A portfolio: its programs leveled together (unless <c>--no-level</c> or the portfolio's <c>leveling off</c>),
        /// as the portfolio table, each program's table after it with <c>--programs</c>, or the portfolio JSON.
        /// </summary>
        private int RunPortfolio(string file, string format, ScheduleOptions scheduling, CommonSettings settings, bool programs)
        {
            if (programs && format == "json") throw new UsageException("--programs applies to --format table; for a program's schedule as JSON run 'tpm schedule' on its file");
            var portfolio = _loader.LoadPortfolio(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace, schedule: true, out var refused);
            if (portfolio is null)
            {
                DiagnosticPrinter.WriteText(_console.Error, refused, new Ansi(false));
                return ExitCodes.Errors;
            }

            bool hasErrors = portfolio.HasErrors;
            if (format == "json")
            {
                _console.Out.Write(PortfolioJson.ToJson(portfolio));
                return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.WriteText(_console.Error, portfolio.Diagnostics, new Ansi(false));
            if (portfolio.Model is null || portfolio.Members.Count == 0)
            {
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no schedule: the portfolio has errors");
                return ExitCodes.Errors;
            }

            PortfolioTable.Write(_console.Out, portfolio, new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor)), settings.Quiet, programs);
            return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
        }
    }
}
