using System;
using System.Collections.Generic;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>
    /// Everything an artefact is made from: the bound program, its schedule and diagnostics, and, when an emitter asks
    /// for them, the earned value at the status date and a Monte Carlo forecast. Built once per program and shared by
    /// every emitter, so the report and the Gantt chart describe the same schedule. With a frozen baseline
    /// (<see cref="Baseline"/>) the schedule JSON, the Gantt chart and the report also show the slip against it.
    /// </summary>
    public sealed class ArtefactContext
    {
        /// <summary>Creates a context from parts (tests; <see cref="Create"/> for a compiled program).</summary>
        public ArtefactContext(
            ProgramSymbol program, Schedule schedule, IReadOnlyList<Diagnostic> diagnostics,
            EarnedValueReport? earnedValue = null, ForecastResult? forecast = null, string toolVersion = "0.0.0",
            BaselineComparison? baseline = null)
        {
            Program = program ?? throw new ArgumentNullException(nameof(program));
            Schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
            Diagnostics = diagnostics ?? Array.Empty<Diagnostic>();
            EarnedValue = earnedValue;
            Forecast = forecast;
            ToolVersion = toolVersion;
            Baseline = Check(baseline, schedule);
        }

        /// <summary>The program.</summary>
        public ProgramSymbol Program { get; }

        /// <summary>Its schedule (tracked at the status date when there is one).</summary>
        public Schedule Schedule { get; }

        /// <summary>The program's diagnostics (none of them errors: a program with errors gets no artefacts).</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>Earned value at the status date, when the program has one and an emitter needs it.</summary>
        public EarnedValueReport? EarnedValue { get; }

        /// <summary>The forecast, when an emitter needs it and forecasting is on.</summary>
        public ForecastResult? Forecast { get; }

        /// <summary>
        /// Why the forecast or earned value is missing when it was asked for and could not be made, or TPM2007 when the
        /// forecast's work budget ran fewer iterations than asked (a warning each), else empty.
        /// </summary>
        public IReadOnlyList<Diagnostic> ForecastDiagnostics { get; private set; } = Array.Empty<Diagnostic>();

        /// <summary>The version of the tool that wrote the artefacts (written into some of them; never a date or time).</summary>
        public string ToolVersion { get; }

        /// <summary>
        /// The schedule measured against the program's frozen baseline, or null when the program names none: the slip
        /// of each task and milestone, the tasks added and removed since. Its schedule is <see cref="Schedule"/>.
        /// </summary>
        public BaselineComparison? Baseline { get; }

        /// <summary>
        /// This context with <paramref name="baseline"/> as its baseline comparison (null for none); the rest, the
        /// forecast and its diagnostics included, is shared. The comparison must be of <see cref="Schedule"/>.
        /// </summary>
        public ArtefactContext WithBaseline(BaselineComparison? baseline) =>
            new ArtefactContext(Program, Schedule, Diagnostics, EarnedValue, Forecast, ToolVersion, baseline) { ForecastDiagnostics = ForecastDiagnostics };

        // Slips are looked up by the task's index in the schedule: a comparison of another schedule would name the wrong tasks.
        private static BaselineComparison? Check(BaselineComparison? baseline, Schedule schedule) =>
            baseline is null || ReferenceEquals(baseline.Schedule, schedule)
                ? baseline
                : throw new ArgumentException("The baseline comparison is of another schedule than the context's.", nameof(baseline));

        /// <summary>
        /// The context of a compiled program without errors, measured against its frozen baseline when it names one
        /// (<see cref="TpmProgram.Baseline"/>). Earned value (a baseline schedule) and the forecast are
        /// computed only when <paramref name="emitters"/> need them; <paramref name="forecastIterations"/> 0 turns the
        /// forecast off. <paramref name="forecastProgress"/> is told the forecast's iterations done, for a progress display.
        /// </summary>
        public static ArtefactContext Create(
            TpmProgram compiled, IEnumerable<IArtefactEmitter> emitters, ScheduleOptions? scheduling = null, int forecastIterations = ForecastOptions.DefaultIterations, string toolVersion = "0.0.0",
            IProgress<int>? forecastProgress = null)
        {
            if (compiled is null) throw new ArgumentNullException(nameof(compiled));
            var program = compiled.Model ?? throw new ArgumentException("The program has no model.", nameof(compiled));
            var schedule = compiled.Schedule ?? throw new ArgumentException("The program has no schedule.", nameof(compiled));
            bool needsEarnedValue = false, needsForecast = false;
            foreach (var e in emitters)
            {
                needsEarnedValue |= e.Needs.HasFlag(ArtefactNeeds.EarnedValue);
                needsForecast |= e.Needs.HasFlag(ArtefactNeeds.Forecast);
            }

            EarnedValueReport? earnedValue = null;
            var problems = new List<Diagnostic>();
            if (needsEarnedValue)
            {
                // Against the frozen baseline the program names, as tpm status measures.
                var result = Scheduling.EarnedValue.Compute(program, schedule, compiled.Baseline, scheduling);
                earnedValue = result.Report;

                // Figures too large for decimal (TPM2006): the artefacts go without earned value, and the build says why.
                if (result.Diagnostic is Diagnostic outOfRange) problems.Add(outOfRange.WithSeverity(DiagnosticSeverity.Warning));
            }

            ForecastResult? forecast = null;
            if (needsForecast && forecastIterations > 0)
            {
                try
                {
                    forecast = MonteCarloForecast.Run(schedule, new ForecastOptions
                    {
                        Iterations = forecastIterations,
                        Seed = scheduling?.Seed ?? 0,
                        Progress = forecastProgress,

                        // The scheduling options' token (Ctrl+C in tpm build) stops the forecast too.
                        CancellationToken = scheduling?.CancellationToken ?? default,

                        // tpm forecast's budget too, so a plan too large for it is cut at the same iteration in both
                        // and the report's figures stay the forecast command's.
                        WorkBudget = MonteCarloForecast.WorkBudget,
                    });
                    if (forecast.BudgetWarning is Diagnostic cut) problems.Add(cut);
                }
                catch (ForecastRangeException ex)
                {
                    // The artefacts are still right about the plan; they go without a forecast, and the build says why.
                    problems.Add(ex.Diagnostic.WithSeverity(DiagnosticSeverity.Warning));
                }
            }

            return new ArtefactContext(program, schedule, compiled.Diagnostics, earnedValue, forecast, toolVersion, compiled.Baseline) { ForecastDiagnostics = problems };
        }
    }
}
