using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>Where a task's work stands at the status date, from its actuals and progress.</summary>
    public enum TaskState
    {
        /// <summary>No actual start, no progress.</summary>
        NotStarted,

        /// <summary>Started (an actual start or some progress) and not finished.</summary>
        InProgress,

        /// <summary>An actual finish, or progress of 100%.</summary>
        Finished,
    }

    /// <summary>How a task compares with the baseline at the status date.</summary>
    public enum PlanStanding
    {
        /// <summary>As far along as planned, and finishing when planned.</summary>
        OnPlan,

        /// <summary>Less done than planned by the status date, or finishing later than planned.</summary>
        Behind,

        /// <summary>More done than planned by the status date, or finishing earlier than planned (and not behind).</summary>
        Ahead,
    }

    /// <summary>
    /// Earned-value figures of a task, a workstream or the program. Money is rounded to 2 places (banker's rounding,
    /// as planned cost is); the indices too. Every figure is in the program's currency.
    /// </summary>
    public sealed class EarnedValueFigures
    {
        internal EarnedValueFigures(decimal bac, decimal pv, decimal ev, decimal ac)
        {
            Bac = bac;
            Pv = pv;
            Ev = ev;
            Ac = ac;
            Sv = ev - pv;
            Cv = ev - ac;
            Spi = pv == 0 ? (decimal?)null : decimal.Round(ev / pv, 2);
            Cpi = ac == 0 ? (decimal?)null : decimal.Round(ev / ac, 2);
            Eac = EstimateAtCompletion(bac, ev, ac);
            Etc = Eac - ac;
            Vac = bac - Eac;
        }

        /// <summary>Budget at completion: the planned cost of the work, from the baseline schedule.</summary>
        public decimal Bac { get; }

        /// <summary>Planned value: the share of <see cref="Bac"/> the baseline planned to be done by the status date.</summary>
        public decimal Pv { get; }

        /// <summary>Earned value: <see cref="Bac"/> × progress (a finished task earns all of it).</summary>
        public decimal Ev { get; }

        /// <summary>Actual cost: the recorded <c>actual-cost</c>s.</summary>
        public decimal Ac { get; }

        /// <summary>Schedule variance, EV − PV: negative when less work is done than planned.</summary>
        public decimal Sv { get; }

        /// <summary>Cost variance, EV − AC: negative when the work done cost more than planned.</summary>
        public decimal Cv { get; }

        /// <summary>Schedule performance index, EV ÷ PV; null when nothing was planned by the status date.</summary>
        public decimal? Spi { get; }

        /// <summary>Cost performance index, EV ÷ AC; null when no actual cost is recorded.</summary>
        public decimal? Cpi { get; }

        /// <summary>
        /// Estimate at completion, BAC ÷ CPI (computed before CPI is rounded): <see cref="Bac"/> when there is no CPI,
        /// and AC + BAC − EV when money was spent but nothing earned yet (CPI 0).
        /// </summary>
        public decimal Eac { get; }

        /// <summary>Estimate to complete, EAC − AC.</summary>
        public decimal Etc { get; }

        /// <summary>Variance at completion, BAC − EAC: negative when the work is expected to cost more than planned.</summary>
        public decimal Vac { get; }

        private static decimal EstimateAtCompletion(decimal bac, decimal ev, decimal ac)
        {
            if (ac == 0) return bac;
            if (ev == 0) return ac + bac;
            try
            {
                // BAC ÷ (EV ÷ AC) = BAC × AC ÷ EV, without rounding the index first.
                return decimal.Round(bac * ac / ev, 2);
            }
            catch (OverflowException)
            {
                // The product may overflow where the result does not; a result too large for decimal throws again,
                // and EarnedValue.Compute turns that into TPM2006 rather than printing a clamped figure.
                return decimal.Round(bac / ev * ac, 2);
            }
        }
    }

    /// <summary>One task's earned value and standing against the baseline at the status date.</summary>
    public sealed class TaskEarnedValue
    {
        internal TaskEarnedValue(ScheduledTask tracked, ScheduledTask? baseline, SnapshotItem? planned, bool addedSinceBaseline)
        {
            Tracked = tracked;
            Baseline = baseline;
            Planned = planned;
            AddedSinceBaseline = addedSinceBaseline;
            BaselineStartDate = planned?.Start ?? baseline!.StartDate;
            BaselineFinishDate = planned?.Finish ?? baseline!.FinishDate;
        }

        /// <summary>The task.</summary>
        public TaskSymbol Task => Tracked.Task;

        /// <summary>Its qualified id.</summary>
        public string Id => Tracked.Id;

        /// <summary>The task in the tracked schedule (actuals and progress applied).</summary>
        public ScheduledTask Tracked { get; }

        /// <summary>
        /// The task in the plan scheduled as if nothing were tracked, when that is what it is measured against: always
        /// without a frozen baseline, and with one only for a task added since it; null when <see cref="Planned"/> is used.
        /// </summary>
        public ScheduledTask? Baseline { get; }

        /// <summary>The task as the frozen baseline planned it, when it is measured against one; else null.</summary>
        public SnapshotItem? Planned { get; }

        /// <summary>
        /// True when the program is measured against a frozen baseline that does not hold this task: it is measured against
        /// the plan without actuals instead (<see cref="Baseline"/>).
        /// </summary>
        public bool AddedSinceBaseline { get; }

        /// <summary>The baseline start date (the frozen one when there is one).</summary>
        public CalendarDate BaselineStartDate { get; }

        /// <summary>The baseline finish date (the frozen one when there is one).</summary>
        public CalendarDate BaselineFinishDate { get; }

        /// <summary>
        /// The working days of the baseline's dates, counted on the task's calendar as it is now: what
        /// <see cref="PlannedComplete"/> divides <see cref="PlannedDays"/> by (0 for a milestone).
        /// </summary>
        public int BaselineDays { get; internal set; }

        /// <summary>Not started, in progress or finished.</summary>
        public TaskState State { get; internal set; }

        /// <summary>Working days of the baseline's work that fall on or before the status date (the task's own working days).</summary>
        public int PlannedDays { get; internal set; }

        /// <summary>The share of the task the baseline planned to be done by the status date, 0–1.</summary>
        public decimal PlannedComplete { get; internal set; }

        /// <summary>The share reported done, 0–1: its <c>progress</c>, or 1 with an <c>actual-finish</c>.</summary>
        public decimal ActualComplete { get; internal set; }

        /// <summary>Working days between the baseline finish and the tracked finish: positive when the task finishes later than planned.</summary>
        public int FinishSlipDays { get; internal set; }

        /// <summary>Behind, ahead of or on plan.</summary>
        public PlanStanding Standing { get; internal set; }

        /// <summary>The recorded <c>actual-cost</c>, or null when none is recorded.</summary>
        public decimal? ActualCost => Task.ActualCost;

        /// <summary>The task's figures.</summary>
        public EarnedValueFigures Figures { get; internal set; } = null!;
    }

    /// <summary>A workstream's figures: the sums over its tasks, nested workstreams included.</summary>
    public sealed class WorkstreamEarnedValue
    {
        internal WorkstreamEarnedValue(WorkstreamSymbol workstream, EarnedValueFigures figures)
        {
            Workstream = workstream;
            Figures = figures;
        }

        /// <summary>The workstream.</summary>
        public WorkstreamSymbol Workstream { get; }

        /// <summary>Its qualified id.</summary>
        public string Id => Workstream.Id;

        /// <summary>Its figures.</summary>
        public EarnedValueFigures Figures { get; }
    }

    /// <summary>Earned value of a program at its status date.</summary>
    public sealed class EarnedValueReport
    {
        internal EarnedValueReport(
            ProgramSymbol program, CalendarDate statusDate, Schedule tracked, Schedule? baseline, BaselineComparison? frozen, EarnedValueFigures total,
            IReadOnlyList<TaskEarnedValue> tasks, IReadOnlyList<WorkstreamEarnedValue> workstreams)
        {
            Program = program;
            StatusDate = statusDate;
            Tracked = tracked;
            Baseline = baseline;
            Frozen = frozen;
            Total = total;
            Tasks = tasks;
            Workstreams = workstreams;
            if (frozen != null)
            {
                BaselineFinishDate = frozen.Baseline.Finish;
                FinishSlipDays = frozen.FinishSlipDays;
            }
            else
            {
                BaselineFinishDate = baseline!.FinishDate;
                FinishSlipDays = tracked.FinishIndex - baseline.FinishIndex;
            }

            // Worst first: the biggest slip, then the biggest gap in progress; declaration order breaks ties.
            Behind = tasks.Where(t => t.Standing == PlanStanding.Behind)
                .OrderByDescending(t => t.FinishSlipDays).ThenByDescending(t => t.PlannedComplete - t.ActualComplete).ThenBy(t => t.Task.Index)
                .ToList();
            Ahead = tasks.Where(t => t.Standing == PlanStanding.Ahead)
                .OrderBy(t => t.FinishSlipDays).ThenByDescending(t => t.ActualComplete - t.PlannedComplete).ThenBy(t => t.Task.Index)
                .ToList();
            StartedWithoutActualCost = tasks.Where(t => t.State != TaskState.NotStarted && !t.Task.IsMilestone && t.ActualCost is null).ToList();
            Added = tasks.Where(t => t.AddedSinceBaseline).ToList();
        }

        /// <summary>The program.</summary>
        public ProgramSymbol Program { get; }

        /// <summary>The status date the figures are measured at.</summary>
        public CalendarDate StatusDate { get; }

        /// <summary>The tracked schedule.</summary>
        public Schedule Tracked { get; }

        /// <summary>
        /// The plan scheduled as if nothing were tracked: the baseline when there is no frozen one; with a frozen baseline,
        /// what the tasks added since it are measured against, and null when none was added.
        /// </summary>
        public Schedule? Baseline { get; }

        /// <summary>The frozen baseline the figures are measured against (its name, file, slips, added and removed tasks), or null.</summary>
        public BaselineComparison? Frozen { get; }

        /// <summary>The program finish in the baseline: the frozen one when there is one.</summary>
        public CalendarDate BaselineFinishDate { get; }

        /// <summary>Working days from the baseline's program finish to the tracked one: positive when the program finishes later.</summary>
        public int FinishSlipDays { get; }

        /// <summary>The program's figures: the sums over every task.</summary>
        public EarnedValueFigures Total { get; }

        /// <summary>Every task and milestone, in declaration order.</summary>
        public IReadOnlyList<TaskEarnedValue> Tasks { get; }

        /// <summary>Every workstream, in declaration order.</summary>
        public IReadOnlyList<WorkstreamEarnedValue> Workstreams { get; }

        /// <summary>The tasks behind plan, the biggest finish slip first, then the biggest shortfall in progress.</summary>
        public IReadOnlyList<TaskEarnedValue> Behind { get; }

        /// <summary>The tasks ahead of plan, the earliest finish against the baseline first, then the biggest lead in progress.</summary>
        public IReadOnlyList<TaskEarnedValue> Ahead { get; }

        /// <summary>Started tasks (not milestones) with no <c>actual-cost</c>: their actual cost counts as 0 in AC.</summary>
        public IReadOnlyList<TaskEarnedValue> StartedWithoutActualCost { get; }

        /// <summary>
        /// The tasks and milestones added since the frozen baseline, in declaration order: measured against the plan without
        /// actuals (<see cref="Baseline"/>). Empty without a frozen baseline.
        /// </summary>
        public IReadOnlyList<TaskEarnedValue> Added { get; }

        /// <summary>
        /// The tasks and milestones of the frozen baseline no longer in the plan, in the baseline's order: listed, and not
        /// counted in the figures (there is no work left to earn them). Empty without a frozen baseline.
        /// </summary>
        public IReadOnlyList<SnapshotItem> Removed => Frozen?.Removed ?? (IReadOnlyList<SnapshotItem>)Array.Empty<SnapshotItem>();
    }

    /// <summary>An earned-value report, or why there is none.</summary>
    public sealed class EarnedValueResult
    {
        private EarnedValueResult(EarnedValueReport? report, string? problem, Diagnostic? diagnostic = null)
        {
            Report = report;
            Problem = problem;
            Diagnostic = diagnostic;
        }

        /// <summary>The report, or null when the program has no status date.</summary>
        public EarnedValueReport? Report { get; }

        /// <summary>Why there is no report, as a sentence for the user; null when there is one.</summary>
        public string? Problem { get; }

        internal static EarnedValueResult Of(EarnedValueReport report) => new EarnedValueResult(report, null);

        /// <summary>
        /// Why there is no report, located: TPM2006 at the program when a figure is too large for decimal, or the baseline's
        /// own error when the plan without its actuals cannot be scheduled (TPM2005 past the calendar); else null.
        /// </summary>
        public Diagnostic? Diagnostic { get; }

        internal static EarnedValueResult Missing(string problem) => new EarnedValueResult(null, problem);

        internal static EarnedValueResult OutOfRange(Diagnostic diagnostic) => new EarnedValueResult(null, diagnostic.Message, diagnostic);
    }

    /// <summary>
    /// Earned value at the status date: compares the tracked schedule (actuals and progress applied) with a baseline:
    /// a frozen one (<see cref="BaselineSnapshot"/>, saved by <c>tpm baseline save</c> and named by the program's
    /// <c>baseline</c> statement) when the program has one, else the plan as if nothing were tracked. Pure: the same
    /// schedules give the same figures.
    /// </summary>
    /// <remarks>
    /// Per task: BAC = the baseline's planned cost; PV = BAC × the share of the task's baseline working days (its own
    /// calendar's) on or before the status date; EV = BAC × progress (1 with an actual finish); AC = its actual cost.
    /// Against a frozen baseline the dates and costs are the frozen ones, the working days are counted on the task's
    /// calendar as it is now (its current assignees', holidays and vacations), a task added since the baseline is measured
    /// against the plan without actuals, and a task removed since is listed, not counted. The program and workstream
    /// figures add the tasks' rounded figures, so the rows add up to the totals.
    /// </remarks>
    public static class EarnedValue
    {
        /// <summary>
        /// The options for the baseline that goes with a tracked schedule made with <paramref name="options"/>: the
        /// same leveling settings and seed, with progress ignored.
        /// </summary>
        public static ScheduleOptions BaselineOptions(ScheduleOptions? options)
        {
            options ??= ScheduleOptions.Default;
            return new ScheduleOptions
            {
                Leveling = options.Leveling,
                Seed = options.Seed,
                Effort = options.Effort,
                Schedules = options.Schedules,
                MaxPlacements = options.MaxPlacements,
                MaxWork = options.MaxWork,
                WorkCeiling = options.WorkCeiling,
                TimeLimit = options.TimeLimit,
                Progress = options.Progress,
                CancellationToken = options.CancellationToken,
                IgnoreProgress = true,
            };
        }

        /// <summary>Why earned value cannot be measured for <paramref name="program"/> (it has no status date), or null when it can.</summary>
        public static string? MissingStatusDate(ProgramSymbol program) => program.StatusDate != null ? null :
            "earned value is measured at the status date, and program '" + program.Id + "' has none; add 'status-date YYYY-MM-DD' to the program block";

        /// <summary>
        /// Computes the earned value of <paramref name="program"/> at its status date against a baseline scheduled here
        /// with the options <paramref name="tracked"/> was made with (see <see cref="BaselineOptions"/>).
        /// </summary>
        public static EarnedValueResult Compute(ProgramSymbol program, Schedule tracked, ScheduleOptions? options)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (MissingStatusDate(program) is string missing) return EarnedValueResult.Missing(missing);
            var run = PlanWithoutActuals(program, options, out var failed);
            return run is null ? failed! : Compute(program, tracked, run);
        }

        /// <summary>
        /// Computes the earned value of <paramref name="program"/> at its status date against the frozen baseline
        /// <paramref name="frozen"/>. Tasks added since the baseline are measured against the plan without actuals,
        /// scheduled here with <paramref name="options"/> (the options <paramref name="tracked"/> was made with) only when
        /// there are such tasks.
        /// </summary>
        public static EarnedValueResult Compute(ProgramSymbol program, Schedule tracked, BaselineSnapshot frozen, ScheduleOptions? options = null)
        {
            if (tracked is null) throw new ArgumentNullException(nameof(tracked));
            if (frozen is null) throw new ArgumentNullException(nameof(frozen));
            return Compute(program, tracked, BaselineComparison.Compare(tracked, frozen, string.Empty), options);
        }

        /// <summary>
        /// Computes the earned value of <paramref name="program"/> at its status date against the baseline it names: the
        /// frozen baseline <paramref name="frozen"/> already compared with <paramref name="tracked"/> (<c>TpmProgram.Baseline</c>)
        /// when there is one, else the plan without actuals (as <see cref="Compute(ProgramSymbol, Schedule, ScheduleOptions?)"/>).
        /// Against a frozen baseline, the plan without actuals is scheduled with <paramref name="options"/> only when tasks
        /// were added since it. Every command that measures earned value calls this, so they all measure against the same baseline.
        /// </summary>
        public static EarnedValueResult Compute(ProgramSymbol program, Schedule tracked, BaselineComparison? frozen, ScheduleOptions? options)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (tracked is null) throw new ArgumentNullException(nameof(tracked));
            if (frozen is null) return Compute(program, tracked, options);
            if (frozen.Schedule != tracked) throw new ArgumentException("The comparison must be of the tracked schedule.", nameof(frozen));
            if (MissingStatusDate(program) is string missing) return EarnedValueResult.Missing(missing);
            Schedule? run = null;
            if (frozen.Added.Count > 0)
            {
                run = PlanWithoutActuals(program, options, out var failed);
                if (run is null) return failed!;
            }

            return Compute(program, frozen, run);
        }

        /// <summary>
        /// Computes the earned value of <paramref name="program"/> at its status date against a frozen baseline already
        /// compared with the tracked schedule. <paramref name="planWithoutActuals"/> (<see cref="BaselineOptions"/>) is what
        /// the tasks added since the baseline are measured against; it may be null when no task was added.
        /// </summary>
        public static EarnedValueResult Compute(ProgramSymbol program, BaselineComparison frozen, Schedule? planWithoutActuals)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (frozen is null) throw new ArgumentNullException(nameof(frozen));
            var tracked = frozen.Schedule;
            if (tracked.Program != program || (planWithoutActuals != null && planWithoutActuals.Program != program)) throw new ArgumentException("Both schedules must be of the given program.");
            if (planWithoutActuals is null && frozen.Added.Count > 0) throw new ArgumentException("Tasks were added since the baseline: they are measured against the plan without actuals, which must be given.", nameof(planWithoutActuals));
            if (program.StatusDate is not CalendarDate statusDate) return EarnedValueResult.Missing(MissingStatusDate(program)!);
            return Guarded(program, tracked, planWithoutActuals, frozen, statusDate);
        }

        /// <summary>Computes the earned value of <paramref name="program"/> at its status date.</summary>
        /// <param name="program">The bound program.</param>
        /// <param name="tracked">Its schedule with actuals and progress (<see cref="ProgramScheduler.Run"/>).</param>
        /// <param name="baseline">Its baseline schedule (<see cref="ScheduleOptions.IgnoreProgress"/>, see <see cref="BaselineOptions"/>).</param>
        /// <returns>The report, or without a status date a result whose <see cref="EarnedValueResult.Problem"/> says so.</returns>
        public static EarnedValueResult Compute(ProgramSymbol program, Schedule tracked, Schedule baseline)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (tracked is null) throw new ArgumentNullException(nameof(tracked));
            if (baseline is null) throw new ArgumentNullException(nameof(baseline));
            if (tracked.Program != program || baseline.Program != program) throw new ArgumentException("Both schedules must be of the given program.");
            if (program.StatusDate is not CalendarDate statusDate) return EarnedValueResult.Missing(MissingStatusDate(program)!);
            return Guarded(program, tracked, baseline, null, statusDate);
        }

        /// <summary>The plan with nothing tracked, or null with the result saying why it cannot be scheduled.</summary>
        private static Schedule? PlanWithoutActuals(ProgramSymbol program, ScheduleOptions? options, out EarnedValueResult? failed)
        {
            failed = null;
            var run = ProgramScheduler.Run(program, BaselineOptions(options));
            if (run.Schedule != null) return run.Schedule;

            // The tracked plan scheduled, but the plan without its actuals does not (it runs past the calendar, say):
            // the baseline's own error, located, says why there are no figures.
            var why = run.Diagnostics.FirstOrDefault(d => d.IsError);
            failed = why is null
                ? EarnedValueResult.Missing("the baseline of program '" + program.Id + "' (the plan with nothing tracked) cannot be scheduled")
                : EarnedValueResult.OutOfRange(new Diagnostic(why.Descriptor, why.Severity,
                    "in the baseline (the plan with nothing tracked, which earned value measures against): " + why.Message, why.Location, why.AdditionalLocations));
            return null;
        }

        private static EarnedValueResult Guarded(ProgramSymbol program, Schedule tracked, Schedule? baseline, BaselineComparison? frozen, CalendarDate statusDate)
        {
            try
            {
                return Compute(program, tracked, baseline, frozen, statusDate);
            }
            catch (OverflowException)
            {
                // Costs fit (the scheduler checks them; a frozen baseline's are each within decimal), but their sum, an index
                // or an estimate may not.
                return EarnedValueResult.OutOfRange(DiagnosticCatalog.EarnedValueOutOfRange(program.Location, program.Describe(), statusDate));
            }
        }

        private static EarnedValueResult Compute(ProgramSymbol program, Schedule tracked, Schedule? baseline, BaselineComparison? frozen, CalendarDate statusDate)
        {
            var calendar = tracked.Calendar;
            int cutoff = ProgramScheduler.StatusCutoff(program, calendar);
            var programTime = new TaskTime(calendar, null);
            var times = new Dictionary<string, TaskTime>(StringComparer.Ordinal);
            var tasks = new TaskEarnedValue[program.Tasks.Count];
            var wsCount = program.Workstreams.Count;
            var sums = new decimal[wsCount, 4];
            decimal bacTotal = 0, pvTotal = 0, evTotal = 0, acTotal = 0;
            foreach (var task in program.Tasks)
            {
                var now = tracked[task];
                var slip = frozen?.SlipOf(task);
                TaskEarnedValue entry;
                decimal bac;
                if (slip != null)
                {
                    var planned = slip.Planned;
                    entry = new TaskEarnedValue(now, null, planned, addedSinceBaseline: false);
                    MeasureFrozen(entry, planned, calendar, cutoff, statusDate, TimeOf(program, calendar, programTime, now.Assigned, times));
                    entry.FinishSlipDays = slip.FinishSlipDays;
                    bac = planned.Cost;
                }
                else
                {
                    var b = baseline![task];
                    entry = new TaskEarnedValue(now, b, null, addedSinceBaseline: frozen != null);
                    int duration = b.DurationDays;
                    entry.BaselineDays = duration;
                    if (b.Finish <= b.Start)
                    {
                        // A milestone (or zero-length task) is due on its date.
                        entry.PlannedComplete = b.FinishDate <= statusDate ? 1m : 0m;
                    }
                    else
                    {
                        var time = TimeOf(program, calendar, programTime, b.Assigned, times);
                        int days = cutoff <= b.Start ? 0 : cutoff >= b.Finish ? duration : Math.Min(duration, time.DaysBetween(b.Start, cutoff));
                        entry.PlannedDays = days;
                        entry.PlannedComplete = duration == 0 ? (cutoff >= b.Finish ? 1m : 0m) : (decimal)days / duration;
                    }

                    entry.FinishSlipDays = now.Finish - b.Finish;
                    bac = b.Cost;
                }

                bool finished = task.ActualFinish != null || task.Progress >= 1m;
                entry.State = finished ? TaskState.Finished : task.ActualStart != null || task.Progress > 0 ? TaskState.InProgress : TaskState.NotStarted;
                entry.ActualComplete = task.ActualFinish != null ? 1m : Math.Min(1m, task.Progress ?? 0m);
                entry.Standing = entry.ActualComplete < entry.PlannedComplete || entry.FinishSlipDays > 0 ? PlanStanding.Behind
                    : entry.ActualComplete > entry.PlannedComplete || entry.FinishSlipDays < 0 ? PlanStanding.Ahead
                    : PlanStanding.OnPlan;

                decimal pv = decimal.Round(bac * entry.PlannedComplete, 2);
                decimal ev = decimal.Round(bac * entry.ActualComplete, 2);
                decimal ac = decimal.Round(task.ActualCost ?? 0m, 2);
                entry.Figures = new EarnedValueFigures(bac, pv, ev, ac);
                tasks[task.Index] = entry;

                bacTotal = bacTotal + bac;
                pvTotal = pvTotal + pv;
                evTotal = evTotal + ev;
                acTotal = acTotal + ac;
                if (task.Container is WorkstreamSymbol w) Add(sums, w.Index, bac, pv, ev, ac);
            }

            // Workstreams are listed outer before inner: fold each into its parent from the end.
            for (int k = wsCount - 1; k >= 0; k--)
            {
                if (program.Workstreams[k].Container is WorkstreamSymbol parent) Add(sums, parent.Index, sums[k, 0], sums[k, 1], sums[k, 2], sums[k, 3]);
            }

            var workstreams = new WorkstreamEarnedValue[wsCount];
            for (int k = 0; k < wsCount; k++)
            {
                workstreams[k] = new WorkstreamEarnedValue(program.Workstreams[k], new EarnedValueFigures(sums[k, 0], sums[k, 1], sums[k, 2], sums[k, 3]));
            }

            var total = new EarnedValueFigures(bacTotal, pvTotal, evTotal, acTotal);
            return EarnedValueResult.Of(new EarnedValueReport(program, statusDate, tracked, baseline, frozen, total, tasks, workstreams));
        }

        /// <summary>
        /// The planned share of a task against its frozen dates: the task's working days (on its calendar as it is now)
        /// from the frozen start through the frozen finish, and how many of them fall on or before the status date. Days
        /// before the program start are not working days of the program; a frozen span with none left (all before the
        /// start, or all days off now) and a milestone are due whole on their finish date.
        /// </summary>
        private static void MeasureFrozen(TaskEarnedValue entry, SnapshotItem planned, WorkingCalendar calendar, int cutoff, CalendarDate statusDate, TaskTime time)
        {
            decimal whole = planned.Finish <= statusDate ? 1m : 0m;
            if (planned.IsMilestone || planned.DurationDays <= 0 || planned.Finish < planned.Start)
            {
                entry.PlannedComplete = whole;
                return;
            }

            int from = calendar.FirstIndexOnOrAfter(planned.Start);
            int last = calendar.LastIndexOnOrBefore(planned.Finish);
            int total = DaysThrough(time, from, last);
            entry.BaselineDays = total;
            if (total == 0)
            {
                entry.PlannedComplete = whole;
                return;
            }

            int done = DaysThrough(time, from, Math.Min(last, cutoff - 1));
            entry.PlannedDays = done;
            entry.PlannedComplete = (decimal)done / total;
        }

        /// <summary>
        /// The task's working days among program indices <paramref name="from"/> through <paramref name="last"/>, inclusive:
        /// counted without naming the index after <paramref name="last"/>, which may lie past 9999-12-31 for a frozen date.
        /// </summary>
        private static int DaysThrough(TaskTime time, int from, int last)
        {
            if (last < from) return 0;
            return time.DaysBetween(from, last) + (time.PreviousAvailable(last) == last ? 1 : 0);
        }

        private static void Add(decimal[,] sums, int k, decimal bac, decimal pv, decimal ev, decimal ac)
        {
            sums[k, 0] += bac;
            sums[k, 1] += pv;
            sums[k, 2] += ev;
            sums[k, 3] += ac;
        }

        /// <summary>The working days of a task's assignees, shared by tasks with the same people.</summary>
        private static TaskTime TimeOf(ProgramSymbol program, WorkingCalendar calendar, TaskTime programTime, IReadOnlyList<ScheduledAssignment> assigned, Dictionary<string, TaskTime> cache)
        {
            if (assigned.Count == 0) return programTime;
            var people = assigned.Select(a => a.Person).Distinct().ToList();
            var key = string.Join("\u0001", people.Select(p => p.Id).OrderBy(id => id, StringComparer.Ordinal));
            if (!cache.TryGetValue(key, out var time))
            {
                // A schedule exists, so the assignees share working days: null cannot come back here, but fall back safely.
                time = ProgramScheduler.BuildTaskTime(program, programTime, calendar, people) ?? programTime;
                cache[key] = time;
            }

            return time;
        }
    }
}
