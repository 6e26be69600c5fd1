using System.Collections.Generic;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>Percentiles of a finish over the iterations, as working-day indices and dates.</summary>
    public sealed class FinishDistribution
    {
        internal FinishDistribution(CalendarDate p50, CalendarDate p80, CalendarDate p95, double meanDays, CalendarDate planned)
        {
            P50 = p50;
            P80 = p80;
            P95 = p95;
            MeanDays = meanDays;
            Planned = planned;
        }

        /// <summary>Half of the iterations finish on or before this date.</summary>
        public CalendarDate P50 { get; }

        /// <summary>80% of the iterations finish on or before this date.</summary>
        public CalendarDate P80 { get; }

        /// <summary>95% of the iterations finish on or before this date.</summary>
        public CalendarDate P95 { get; }

        /// <summary>The mean finish, in working days from the program start.</summary>
        public double MeanDays { get; }

        /// <summary>The date in the schedule.</summary>
        public CalendarDate Planned { get; }
    }

    /// <summary>The forecast of a milestone.</summary>
    public sealed class MilestoneForecast
    {
        internal MilestoneForecast(TaskSymbol milestone, FinishDistribution finish, double? dueProbability)
        {
            Milestone = milestone;
            Finish = finish;
            DueProbability = dueProbability;
        }

        /// <summary>The milestone.</summary>
        public TaskSymbol Milestone { get; }

        /// <summary>When it is reached.</summary>
        public FinishDistribution Finish { get; }

        /// <summary>The share of iterations that reach it by its <c>due</c> date, when it has one.</summary>
        public double? DueProbability { get; }
    }

    /// <summary>The forecast of a task: how often it was critical, and how often it met its due date.</summary>
    public sealed class TaskForecast
    {
        internal TaskForecast(TaskSymbol task, double criticality, double? dueProbability, FinishDistribution? finish = null)
        {
            Task = task;
            Criticality = criticality;
            DueProbability = dueProbability;
            Finish = finish;
        }

        /// <summary>The task's finish over the iterations (P50, P80, P95), when <see cref="ForecastOptions.TaskFinishes"/> asked for it; else null.</summary>
        public FinishDistribution? Finish { get; }

        /// <summary>The task or milestone.</summary>
        public TaskSymbol Task { get; }

        /// <summary>The criticality index: the share of iterations in which the task drove the program finish.</summary>
        public double Criticality { get; }

        /// <summary>The share of iterations in which it finished by its <c>due</c> date, when it has one.</summary>
        public double? DueProbability { get; }
    }

    /// <summary>What kind of uncertainty a driver is.</summary>
    public enum DriverKind
    {
        /// <summary>A task's three-point estimate.</summary>
        Estimate,

        /// <summary>An open risk.</summary>
        Risk,
    }

    /// <summary>An input whose variation moves the program finish, with how strongly.</summary>
    public sealed class ForecastDriver
    {
        internal ForecastDriver(DriverKind kind, Symbol symbol, double correlation, double slope)
        {
            Kind = kind;
            Symbol = symbol;
            Correlation = correlation;
            Slope = slope;
        }

        /// <summary>Estimate or risk.</summary>
        public DriverKind Kind { get; }

        /// <summary>The task (for an estimate) or the risk.</summary>
        public Symbol Symbol { get; }

        /// <summary>Pearson correlation of the input with the program finish over the iterations.</summary>
        public double Correlation { get; }

        /// <summary>
        /// Working days the program finish moves per unit of the input: per day of the task's duration, or, for a risk,
        /// the mean finish when it occurs minus the mean finish when it does not.
        /// </summary>
        public double Slope { get; }
    }

    /// <summary>A group of finished tasks whose actuals calibrate estimates.</summary>
    public sealed class CalibrationGroup
    {
        internal CalibrationGroup(string name, int finishedTasks, double mu, double sigma, int calibratedTasks, int historyTasks)
        {
            HistoryTasks = historyTasks;
            Name = name;
            FinishedTasks = finishedTasks;
            Mu = mu;
            Sigma = sigma;
            CalibratedTasks = calibratedTasks;
        }

        /// <summary>"program", a workstream id, or a phase name.</summary>
        public string Name { get; }

        /// <summary>Finished tasks with an estimate that the ratio was learned from, history included.</summary>
        public int FinishedTasks { get; }

        /// <summary>Of <see cref="FinishedTasks"/>, those from the history (other programs, earlier revisions).</summary>
        public int HistoryTasks { get; }

        /// <summary>Mean of ln(actual ÷ most likely).</summary>
        public double Mu { get; }

        /// <summary>Standard deviation of ln(actual ÷ most likely).</summary>
        public double Sigma { get; }

        /// <summary>The median ratio of actual to most likely, e^μ.</summary>
        public double MedianRatio => System.Math.Exp(Mu);

        /// <summary>Remaining estimated tasks that use this group's ratio.</summary>
        public int CalibratedTasks { get; }
    }

    /// <summary>What calibration learned and applied.</summary>
    public sealed class CalibrationSummary
    {
        internal CalibrationSummary(CalibrationScope scope, int finishedTasks, int minimumHistory, IReadOnlyList<CalibrationGroup> groups,
            bool historyGiven, int historyTasks, int historySuperseded, IReadOnlyList<HistorySourceCount> historySources)
        {
            HistoryGiven = historyGiven;
            HistoryTasks = historyTasks;
            HistorySuperseded = historySuperseded;
            HistorySources = historySources;
            Scope = scope;
            FinishedTasks = finishedTasks;
            MinimumHistory = minimumHistory;
            Groups = groups;
        }

        /// <summary>The scope asked for.</summary>
        public CalibrationScope Scope { get; }

        /// <summary>Finished tasks with an estimate and actual dates in the whole program.</summary>
        public int FinishedTasks { get; }

        /// <summary>Finished tasks a group needs before its ratio is used.</summary>
        public int MinimumHistory { get; }

        /// <summary>The groups with enough history, program first.</summary>
        public IReadOnlyList<CalibrationGroup> Groups { get; }

        /// <summary>True when the forecast was given a history (<see cref="ForecastOptions.History"/>), even an empty one.</summary>
        public bool HistoryGiven { get; }

        /// <summary>Finished tasks from the history (<see cref="ForecastOptions.History"/>) learned from, beside <see cref="FinishedTasks"/>.</summary>
        public int HistoryTasks { get; }

        /// <summary>
        /// History records not learned from because a later record of the same task replaced them (a later revision, or
        /// the program itself declaring the task).
        /// </summary>
        public int HistorySuperseded { get; }

        /// <summary>The sources the history tasks came from, in the order the history was given, each with its count.</summary>
        public IReadOnlyList<HistorySourceCount> HistorySources { get; }
    }

    /// <summary>The result of a Monte Carlo forecast.</summary>
    public sealed class ForecastResult
    {
        internal ForecastResult(
            ProgramSymbol program, int iterations, int seed, bool leveled, FinishDistribution finish, double? deadlineProbability,
            IReadOnlyList<MilestoneForecast> milestones, IReadOnlyList<TaskForecast> tasks, IReadOnlyList<ForecastDriver> drivers,
            CalibrationSummary? calibration, int estimatedTasks, int openRisks)
        {
            Program = program;
            Iterations = iterations;
            Seed = seed;
            Leveled = leveled;
            Finish = finish;
            DeadlineProbability = deadlineProbability;
            Milestones = milestones;
            Tasks = tasks;
            Drivers = drivers;
            Calibration = calibration;
            EstimatedTasks = estimatedTasks;
            OpenRisks = openRisks;
        }

        /// <summary>The program.</summary>
        public ProgramSymbol Program { get; }

        /// <summary>Iterations run: <see cref="IterationsAsked"/>, or fewer when the work budget cut them (see <see cref="BudgetWarning"/>).</summary>
        public int Iterations { get; }

        /// <summary>Iterations asked for.</summary>
        public int IterationsAsked { get; internal set; }

        /// <summary>
        /// The work one iteration was costed at (work units; see <see cref="MonteCarloForecast.WorkBudget"/>): the number
        /// of iterations times this stays within the budget.
        /// </summary>
        public long WorkPerIteration { get; internal set; }

        /// <summary>TPM2007 when the work budget ran fewer iterations than asked (at the program declaration), else null.</summary>
        public ProgramDsl.Diagnostics.Diagnostic? BudgetWarning { get; internal set; }

        /// <summary>The seed.</summary>
        public int Seed { get; }

        /// <summary>True when each iteration was leveled.</summary>
        public bool Leveled { get; }

        /// <summary>The program finish.</summary>
        public FinishDistribution Finish { get; }

        /// <summary>The share of iterations that finish by the deadline, when there is one.</summary>
        public double? DeadlineProbability { get; }

        /// <summary>Every milestone, in declaration order.</summary>
        public IReadOnlyList<MilestoneForecast> Milestones { get; }

        /// <summary>Every task and milestone, in declaration order.</summary>
        public IReadOnlyList<TaskForecast> Tasks { get; }

        /// <summary>The inputs that move the program finish most, strongest first.</summary>
        public IReadOnlyList<ForecastDriver> Drivers { get; }

        /// <summary>Calibration, when asked for.</summary>
        public CalibrationSummary? Calibration { get; }

        /// <summary>Tasks still to do whose duration was sampled.</summary>
        public int EstimatedTasks { get; }

        /// <summary>Open risks that were sampled.</summary>
        public int OpenRisks { get; }
    }
}
