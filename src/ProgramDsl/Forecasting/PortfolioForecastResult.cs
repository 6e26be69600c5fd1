using System.Collections.Generic;
using ProgramDsl.Portfolios;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>One program's forecast within a portfolio.</summary>
    public sealed class PortfolioProgramForecast
    {
        internal PortfolioProgramForecast(PortfolioMember member, FinishDistribution finish, CalendarDate? deadline, double? deadlineProbability, int estimatedTasks, int openRisks)
        {
            Member = member;
            Finish = finish;
            Deadline = deadline;
            DeadlineProbability = deadlineProbability;
            EstimatedTasks = estimatedTasks;
            OpenRisks = openRisks;
        }

        /// <summary>The program as the portfolio names it.</summary>
        public PortfolioMember Member { get; }

        /// <summary>The program's id.</summary>
        public string ProgramId => Member.Id;

        /// <summary>Its portfolio priority.</summary>
        public int Priority => Member.Priority;

        /// <summary>
        /// The program finish over the iterations (P50, P80, P95; <see cref="FinishDistribution.MeanDays"/> in the
        /// program's working days from its start; <see cref="FinishDistribution.Planned"/> the finish of the schedule).
        /// </summary>
        public FinishDistribution Finish { get; }

        /// <summary>The program's deadline, if any.</summary>
        public CalendarDate? Deadline { get; }

        /// <summary>The share of iterations in which the program finishes by its deadline, when it has one.</summary>
        public double? DeadlineProbability { get; }

        /// <summary>Tasks still to do whose duration was sampled.</summary>
        public int EstimatedTasks { get; }

        /// <summary>Open risks that were sampled.</summary>
        public int OpenRisks { get; }
    }

    /// <summary>The result of a portfolio's Monte Carlo forecast (<see cref="PortfolioForecast"/>).</summary>
    public sealed class PortfolioForecastResult
    {
        internal PortfolioForecastResult(IReadOnlyList<PortfolioProgramForecast> programs, bool leveledTogether, int iterations, int seed,
            CalendarDate startDate, FinishDistribution? finish, double? allDeadlinesProbability)
        {
            Programs = programs;
            LeveledTogether = leveledTogether;
            Iterations = iterations;
            Seed = seed;
            StartDate = startDate;
            Finish = finish;
            AllDeadlinesProbability = allDeadlinesProbability;
        }

        /// <summary>Each scheduled program's forecast, in the portfolio's order.</summary>
        public IReadOnlyList<PortfolioProgramForecast> Programs { get; }

        /// <summary>
        /// True when one simulation ran over the programs leveled together (a shared person's delay in one program moves
        /// the others); false when each program was forecast alone (leveling off), and then <see cref="Finish"/> and
        /// <see cref="AllDeadlinesProbability"/> are null.
        /// </summary>
        public bool LeveledTogether { get; }

        /// <summary>Iterations run: <see cref="IterationsAsked"/>, or fewer when the work budget cut them (see <see cref="BudgetWarning"/>).</summary>
        public int Iterations { get; }

        /// <summary>Iterations asked for.</summary>
        public int IterationsAsked { get; internal set; }

        /// <summary>The work one iteration was costed at (work units, see <see cref="MonteCarloForecast.WorkBudget"/>).</summary>
        public long WorkPerIteration { get; internal set; }

        /// <summary>TPM2007 when the work budget ran fewer iterations than asked, else null.</summary>
        public ProgramDsl.Diagnostics.Diagnostic? BudgetWarning { get; internal set; }

        /// <summary>The seed.</summary>
        public int Seed { get; }

        /// <summary>The earliest program start.</summary>
        public CalendarDate StartDate { get; }

        /// <summary>
        /// The portfolio's finish (the latest program finish of each iteration); its <see cref="FinishDistribution.MeanDays"/>
        /// counts calendar days from <see cref="StartDate"/>. Null when the programs were forecast alone.
        /// </summary>
        public FinishDistribution? Finish { get; }

        /// <summary>
        /// The share of iterations in which every program with a deadline meets it; null when none has one or the
        /// programs were forecast alone.
        /// </summary>
        public double? AllDeadlinesProbability { get; }
    }
}
