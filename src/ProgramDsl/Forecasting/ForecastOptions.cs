using System;
using System.Threading;

namespace ProgramDsl.Forecasting
{
    /// <summary>How finished tasks calibrate the remaining estimates.</summary>
    public enum CalibrationScope
    {
        /// <summary>No calibration: every estimate is sampled as written.</summary>
        None,

        /// <summary>One ratio of actual to most likely for the whole program.</summary>
        Program,

        /// <summary>
        /// A ratio per workstream: each task uses the nearest enclosing workstream with enough finished tasks, else the
        /// program's.
        /// </summary>
        Workstream,

        /// <summary>A ratio per ML phase, else the program's.</summary>
        Phase,
    }

    /// <summary>Options of a Monte Carlo forecast.</summary>
    public sealed class ForecastOptions
    {
        /// <summary>
        /// The default number of iterations, of <c>tpm forecast</c> and of the status report's forecast in <c>tpm build</c>
        /// alike, with the same work budget: the same plan and seed give the same figures in both.
        /// </summary>
        public const int DefaultIterations = 10_000;

        /// <summary>Iterations to run (at least 1).</summary>
        public int Iterations { get; set; } = DefaultIterations;

        /// <summary>The seed: the same plan and seed give the same forecast on any machine and with any number of threads.</summary>
        public int Seed { get; set; }

        /// <summary>Whether and how finished tasks calibrate the remaining estimates.</summary>
        public CalibrationScope Calibration { get; set; }

        /// <summary>
        /// Finished tasks recorded in other programs and earlier revisions that calibration learns from beside the
        /// program's own (ignored without <see cref="Calibration"/>). Each counts as one finished task of the program and,
        /// when the program has a workstream of the same qualified id or (by phase) the same phase, of that group.
        /// </summary>
        public CalibrationHistory? History { get; set; }

        /// <summary>Finished tasks a group needs before its ratio is used (default 3).</summary>
        public int MinimumHistory { get; set; } = 3;

        /// <summary>
        /// The work budget of all iterations together, in work units (see <see cref="MonteCarloForecast.WorkBudget"/>,
        /// the default, which <c>tpm forecast</c> and the report's forecast in <c>tpm build</c> both use).
        /// When iterations × the work of one would exceed it, fewer iterations run (as many as fit, at least one) and the
        /// result carries TPM2007.
        /// </summary>
        public long WorkBudget { get; set; } = MonteCarloForecast.WorkBudget;

        /// <summary>Threads to use; null for every core. The result is the same whatever the value.</summary>
        public int? MaxDegreeOfParallelism { get; set; }

        /// <summary>Told the number of iterations done as the run proceeds (from worker threads).</summary>
        public IProgress<int>? Progress { get; set; }

        /// <summary>Stops the run early (an <see cref="OperationCanceledException"/> is thrown).</summary>
        public CancellationToken CancellationToken { get; set; }

        /// <summary>
        /// Also keep each task's finish in every iteration, for its P50/P80/P95 (<see cref="TaskForecast.Finish"/>). Opt-in:
        /// it holds one number per task per iteration, so it is skipped (the distributions stay null) past
        /// <see cref="MonteCarloForecast.MaxTaskFinishValues"/> of them.
        /// </summary>
        public bool TaskFinishes { get; set; }
    }
}
