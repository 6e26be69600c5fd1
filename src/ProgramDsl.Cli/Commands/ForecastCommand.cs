using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Output;
using ProgramDsl.Forecasting;
using ProgramDsl.Reports;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary><c>tpm forecast FILE</c>: Monte Carlo forecast of the program and milestone finishes.</summary>
    public sealed class ForecastCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly ForecastHistoryReader _history;

        public ForecastCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem)
        {
            _loader = loader;
            _console = console;
            _history = new ForecastHistoryReader(loader, fileSystem);
        }

        /// <summary>What the command was asked to do; <c>History</c> (with calibration) is a folder of other programs or a revision range of the plan to learn from too.</summary>
        public sealed record Request(string File, string Format, int Iterations, CalibrationScope Calibration, int? Threads, string? History = null);

        public Command Build(CommonOptions common)
        {
            var file = new Argument<string>("file") { Description = "The program file, or a portfolio file (one simulation over its programs leveled together)" };
            var format = new Option<string>("--format", "-f") { Description = "Output format: table or json", DefaultValueFactory = _ => "table" };
            format.AcceptOnlyFromAmong("table", "json");
            var iterations = IntegerOption.Create("--iterations", new[] { "-n" },
                "Monte Carlo iterations (1 to " + MonteCarloForecast.MaxIterations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + ")",
                1, MonteCarloForecast.MaxIterations, ForecastOptions.DefaultIterations);
            var calibrate = new Option<bool>("--calibrate") { Description = "Learn from finished tasks how actuals compare with estimates, and apply it to the remaining estimates" };
            var calibrateBy = new Option<string>("--calibrate-by")
            {
                Description = "Group the history by workstream (nearest with enough history, else the program), phase or program",
                DefaultValueFactory = _ => "workstream",
            };
            calibrateBy.AcceptOnlyFromAmong("workstream", "phase", "program");
            var history = new Option<string?>("--history")
            {
                Description = "With --calibrate, also learn from the finished tasks of the other programs under a folder of the workspace, " +
                              "or of this plan at the commits of a git range such as HEAD~20..HEAD or of a revision's history (the newest " + ForecastHistoryReader.MaxRevisions + ")",
            };
            history.Validators.Add(r =>
            {
                var value = r.GetValueOrDefault<string?>();
                if (value is null) return;
                if (value.Trim().Length == 0) r.AddError("option '--history' expects a folder or a revision range; got '" + value + "'");
                else if (value.IndexOf('\0') >= 0) r.AddError("option '--history' expects a folder or a revision range; got one with a NUL character");
            });
            var threads = IntegerOption.CreateOptional("--threads", new string[0], "Threads to use (default: every core); the result is the same whatever the number", 1, int.MaxValue);

            var command = new Command("forecast", "Monte Carlo forecast: finish percentiles, on-time chances, criticality and what drives the spread");
            command.Arguments.Add(file);
            command.Options.Add(format);
            command.Options.Add(iterations);
            command.Options.Add(calibrate);
            command.Options.Add(calibrateBy);
            command.Options.Add(history);
            command.Options.Add(threads);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result =>
            {
                var scope = !result.GetValue(calibrate) ? CalibrationScope.None : result.GetValue(calibrateBy) switch
                {
                    "phase" => CalibrationScope.Phase,
                    "program" => CalibrationScope.Program,
                    _ => CalibrationScope.Workstream,
                };
                var request = new Request(result.GetValue(file)!, result.GetValue(format)!, result.GetValue(iterations), scope, result.GetValue(threads), result.GetValue(history));
                return Run(request, leveling.Read(result), common.Read(result));
            });
            return command;
        }

        public int Run(Request request, ScheduleOptions scheduling, CommonSettings settings)
        {
            if (request.History != null && request.Calibration == CalibrationScope.None) throw new UsageException("--history is what --calibrate learns from: add --calibrate");
            if (_loader.KindOf(request.File, settings.Workspace) == PlanKind.Portfolio) return RunPortfolio(request, scheduling, settings);
            var program = _loader.Compile(request.File, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
            IReadOnlyList<ProgramDsl.Diagnostics.Diagnostic> diagnostics = program.Diagnostics;
            bool hasErrors = diagnostics.Any(d => d.IsError);
            ForecastResult? forecast = null;
            if (program.Schedule != null && !hasErrors)
            {
                var history = request.History is null ? null : ReadHistory(request, scheduling, settings);
                using var display = ProgressDisplay.Start(_console, settings.Quiet || request.Format == "json" && !_console.IsOutputTerminal, "forecast");
                try
                {
                    forecast = MonteCarloForecast.Run(program.Schedule, Options(request, scheduling, display, history));
                    if (forecast.BudgetWarning is ProgramDsl.Diagnostics.Diagnostic cut) diagnostics = diagnostics.Concat(new[] { cut }).ToList();
                }
                catch (ForecastRangeException ex)
                {
                    diagnostics = diagnostics.Concat(new[] { ex.Diagnostic }).ToList();
                    hasErrors = true;
                }
            }

            if (request.Format == "json")
            {
                _console.Out.Write(ForecastJson.ToJson(program.Model, forecast, diagnostics));
                return hasErrors ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.WriteText(_console.Error, diagnostics, new Ansi(false));
            if (forecast is null)
            {
                // A forecast of a plan with errors would dress up a schedule the errors already say is wrong.
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no forecast: the program has errors");
                return ExitCodes.Errors;
            }

            ForecastTable.Write(_console.Out, forecast, new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor)), settings.Quiet);
            return ExitCodes.Success;
        }

        /// <summary>
        /// A portfolio: one simulation over its programs leveled together (each program alone with <c>--no-level</c> or
        /// the portfolio's <c>leveling off</c>), as the portfolio forecast table or JSON.
        /// </summary>
        private int RunPortfolio(Request request, ScheduleOptions scheduling, CommonSettings settings)
        {
            if (request.History != null) throw new UsageException("--history applies to a program; calibrate a portfolio's programs with --calibrate alone");
            var portfolio = _loader.LoadPortfolio(request.File, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace, schedule: true, out var refused);
            if (portfolio is null)
            {
                DiagnosticPrinter.WriteText(_console.Error, refused, new Ansi(false));
                return ExitCodes.Errors;
            }

            IReadOnlyList<ProgramDsl.Diagnostics.Diagnostic> diagnostics = portfolio.Diagnostics;
            bool hasErrors = portfolio.HasErrors;
            PortfolioForecastResult? forecast = null;
            if (!hasErrors && portfolio.Model != null && portfolio.Members.Any(m => m.Program.Schedule != null))
            {
                using var display = ProgressDisplay.Start(_console, settings.Quiet || request.Format == "json" && !_console.IsOutputTerminal, "forecast");
                try
                {
                    forecast = PortfolioForecast.Run(portfolio, Options(request, scheduling, display, history: null));
                    if (forecast.BudgetWarning is ProgramDsl.Diagnostics.Diagnostic cut) diagnostics = diagnostics.Concat(new[] { cut }).ToList();
                }
                catch (ForecastRangeException ex)
                {
                    diagnostics = diagnostics.Concat(new[] { ex.Diagnostic }).ToList();
                    hasErrors = true;
                }
            }

            if (request.Format == "json")
            {
                _console.Out.Write(PortfolioForecastJson.ToJson(portfolio, forecast, diagnostics));
                return hasErrors || forecast is null ? ExitCodes.Errors : ExitCodes.Success;
            }

            DiagnosticPrinter.WriteText(_console.Error, diagnostics, new Ansi(false));
            if (forecast is null)
            {
                if (!settings.Quiet) _console.Error.WriteLine("tpm: no forecast: the portfolio has errors");
                return ExitCodes.Errors;
            }

            PortfolioForecastTable.Write(_console.Out, portfolio, forecast, new Ansi(ColorPolicy.IsEnabled(_console, settings.NoColor)), settings.Quiet);
            return ExitCodes.Success;
        }

        /// <summary>The history to calibrate with; what was skipped is said on standard error (not in the JSON: it is about the inputs).</summary>
        /// <summary>The forecast options a request asks for, the same for a program and a portfolio.</summary>
        private ForecastOptions Options(Request request, ScheduleOptions scheduling, ProgressDisplay? display, CalibrationHistory? history) => new ForecastOptions
        {
            Iterations = request.Iterations,
            Seed = scheduling.Seed,
            Calibration = request.Calibration,
            History = history,
            MaxDegreeOfParallelism = request.Threads,
            Progress = display?.Forecast(request.Iterations),
            CancellationToken = _loader.Cancellation,
        };

        private CalibrationHistory ReadHistory(Request request, ScheduleOptions scheduling, CommonSettings settings)
        {
            var outcome = _history.Read(request.History!, request.File, settings, scheduling);
            if (!settings.Quiet)
            {
                foreach (var note in outcome.Notes) _console.Error.WriteLine("tpm: history: " + ProgramDsl.Diagnostics.Diagnostic.Printable(note));
            }

            return outcome.History;
        }
    }
}
