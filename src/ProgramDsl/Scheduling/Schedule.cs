using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>Options for scheduling.</summary>
    public sealed class ScheduleOptions
    {
        /// <summary>Default options: leveling as the program says, seed 0 (a new instance each time).</summary>
        public static ScheduleOptions Default => new ScheduleOptions();

        /// <summary>Overrides the program's <c>leveling</c> setting when set (the CLI's <c>--no-level</c>).</summary>
        public bool? Leveling { get; set; }

        /// <summary>Seed of the leveler's search: the same plan and seed give the same schedule, on any machine.</summary>
        public int Seed { get; set; }

        /// <summary>How hard the leveler searches (default normal).</summary>
        public ProgramDsl.Scheduling.Leveling.LevelingEffort Effort { get; set; } = ProgramDsl.Scheduling.Leveling.LevelingEffort.Normal;

        /// <summary>
        /// An explicit number of schedules for the leveler, overriding <see cref="Effort"/>: exactly that many unless the
        /// search meets its lower bound first or the max effort's work budget runs out.
        /// </summary>
        public int? Schedules { get; set; }

        /// <summary>
        /// A cap on the leveler's work, in task placements (a schedule of n tasks costs n), below the effort's own
        /// budget. Small plans are unaffected; the IDE analyzers use it to keep big plans responsive.
        /// </summary>
        public long? MaxPlacements { get; set; }

        /// <summary>
        /// The <see cref="MaxPlacements"/> of the ProgramDsl analyzers (the IDE and the build): a quarter of the CLI's
        /// default, so a 5,000-task plan is analysed in well under a second. A bigger plan may level otherwise than in
        /// the CLI, and so warn otherwise (tpm build's --skip-analyzer-diagnostics compares the two).
        /// </summary>
        public const long AnalyzerPlacements = 500_000;

        /// <summary>The options the ProgramDsl analyzers schedule with: the program's leveling, seed 0, <see cref="AnalyzerPlacements"/>.</summary>
        public static ScheduleOptions Analyzers => new ScheduleOptions { MaxPlacements = AnalyzerPlacements };

        /// <summary>
        /// A cap on the leveler's work, in work units (one per task placed and per day scanned in the resource profile),
        /// below the effort's own work budget (<see cref="ProgramDsl.Scheduling.Leveling.RcpspSolver.WorkBudget"/>). The
        /// result depends only on the plan, the seed and the budget, never on the machine.
        /// </summary>
        public long? MaxWork { get; set; }

        /// <summary>The leveler's work ceiling, past which it gives up leveling (tests; see <see cref="Leveling.RcpspSolver.CeilingMargin"/>).</summary>
        internal long? WorkCeiling { get; set; }

        /// <summary>
        /// An opt-in wall-clock limit on the leveler's search (the CLI's <c>--time-limit</c>): when it passes, the best
        /// schedule found so far is used. The result then depends on the machine's speed; leave it null for the same
        /// bytes everywhere.
        /// </summary>
        public TimeSpan? TimeLimit { get; set; }

        /// <summary>Told how far the leveler's search has got, in work units (on the calling thread); for display only.</summary>
        public IProgress<StageProgress>? Progress { get; set; }

        /// <summary>
        /// Schedules the plan as if nothing had been tracked: no actual dates, no progress, no status date. This is
        /// the baseline that planned value is measured against.
        /// </summary>
        public bool IgnoreProgress { get; set; }

        /// <summary>
        /// Stops scheduling and leveling: once it is cancelled, <see cref="OperationCanceledException"/> is thrown (never a
        /// partial schedule). Looked at between passes and every few thousand work units of the leveler, so a search stops
        /// within milliseconds; a token that is not cancelled changes nothing in the result.
        /// </summary>
        public System.Threading.CancellationToken CancellationToken { get; set; }

        /// <summary>A copy of these options with another token: the caller's options are never changed.</summary>
        internal ScheduleOptions WithCancellation(System.Threading.CancellationToken token)
        {
            var copy = (ScheduleOptions)MemberwiseClone();
            copy.CancellationToken = token;
            return copy;
        }
    }

    /// <summary>A person working on a task, with the share of their time.</summary>
    public sealed class ScheduledAssignment
    {
        internal ScheduledAssignment(PersonSymbol person, decimal share, RoleSymbol? viaRole)
        {
            Person = person;
            Share = share;
            ViaRole = viaRole;
        }

        /// <summary>The person.</summary>
        public PersonSymbol Person { get; }

        /// <summary>Share of the person, 0–1.</summary>
        public decimal Share { get; }

        /// <summary>The role this person was chosen for (<c>assign role X</c>), or null for a named assignment.</summary>
        public RoleSymbol? ViaRole { get; }
    }

    /// <summary>A task or milestone with its computed dates.</summary>
    public sealed class ScheduledTask
    {
        internal ScheduledTask(TaskSymbol task) => Task = task;

        /// <summary>The task.</summary>
        public TaskSymbol Task { get; }

        /// <summary>Its qualified id.</summary>
        public string Id => Task.Id;

        /// <summary>Early start index (working days from the program start).</summary>
        public int Start { get; internal set; }

        /// <summary>Early finish index, exclusive: the task occupies [Start, Finish).</summary>
        public int Finish { get; internal set; }

        /// <summary>Late start index.</summary>
        public int LateStart { get; internal set; }

        /// <summary>Late finish index, exclusive.</summary>
        public int LateFinish { get; internal set; }

        /// <summary>
        /// Working days of work (0 for milestones). For a finished task (an <c>actual-start</c> and an
        /// <c>actual-finish</c>), the working days it took: those of its calendar (the program's, less its people's days
        /// off) from its actual start through its actual finish, not the planned ones. Its cost stays the planned cost.
        /// </summary>
        public int DurationDays { get; internal set; }

        /// <summary>
        /// Working days the plan gives the task's work (its effort or duration, on its calendar; 0 for milestones): the
        /// <see cref="DurationDays"/> of a task not finished. The planned cost and an MS Project export's work follow it.
        /// </summary>
        public int PlannedDays { get; internal set; }

        /// <summary>Total float in working days.</summary>
        public int TotalFloat { get; internal set; }

        /// <summary>True when the total float is zero.</summary>
        public bool IsCritical { get; internal set; }

        /// <summary>The first day of work (a milestone's date).</summary>
        public CalendarDate StartDate { get; internal set; }

        /// <summary>The last day of work (a milestone's date).</summary>
        public CalendarDate FinishDate { get; internal set; }

        /// <summary>The late start date.</summary>
        public CalendarDate LateStartDate { get; internal set; }

        /// <summary>The late finish date.</summary>
        public CalendarDate LateFinishDate { get; internal set; }

        /// <summary>Who works on it.</summary>
        public IReadOnlyList<ScheduledAssignment> Assigned { get; internal set; } = Array.Empty<ScheduledAssignment>();

        /// <summary>Planned cost: labour, resources and fixed cost.</summary>
        public decimal Cost { get; internal set; }

        /// <summary>With leveling: the person or resource pool that made the task start later than its dependencies allowed.</summary>
        public Symbol? DelayedBy { get; internal set; }

        /// <summary>With leveling: how many working days <see cref="DelayedBy"/> delayed the start.</summary>
        public int ResourceDelayDays { get; internal set; }
    }

    /// <summary>A workstream's span: from its first task's start to its last task's finish.</summary>
    public sealed class ScheduledWorkstream
    {
        internal ScheduledWorkstream(WorkstreamSymbol workstream) => Workstream = workstream;

        /// <summary>The workstream.</summary>
        public WorkstreamSymbol Workstream { get; }

        /// <summary>Its id.</summary>
        public string Id => Workstream.Id;

        /// <summary>Start index (of its earliest task), or null when it has no tasks.</summary>
        public int? Start { get; internal set; }

        /// <summary>Finish index (exclusive).</summary>
        public int? Finish { get; internal set; }

        /// <summary>First day.</summary>
        public CalendarDate? StartDate { get; internal set; }

        /// <summary>Last day.</summary>
        public CalendarDate? FinishDate { get; internal set; }

        /// <summary>Sum of its tasks' cost.</summary>
        public decimal Cost { get; internal set; }
    }

    /// <summary>A computed schedule.</summary>
    public sealed class Schedule
    {

        internal Schedule(
            ProgramSymbol program,
            WorkingCalendar calendar,
            IReadOnlyList<ScheduledTask> tasks,
            IReadOnlyList<ScheduledWorkstream> workstreams,
            IReadOnlyList<ScheduledTask> criticalPath,
            int finishIndex,
            bool leveled)
        {
            Program = program;
            Calendar = calendar;
            Tasks = tasks;
            Workstreams = workstreams;
            CriticalPath = criticalPath;
            FinishIndex = finishIndex;
            IsLeveled = leveled;
            decimal cost = 0;
            // ProgramScheduler reports TPM2006 instead of building a schedule whose costs do not add up within decimal.
            foreach (var t in tasks) cost += t.Cost;

            Cost = cost;
            FinishDate = finishIndex <= 0 ? program.Start : calendar.DateOf(finishIndex - 1);
        }

        /// <summary>The program.</summary>
        public ProgramSymbol Program { get; }

        /// <summary>The program's working calendar.</summary>
        public WorkingCalendar Calendar { get; }

        /// <summary>Every task and milestone, in declaration order.</summary>
        public IReadOnlyList<ScheduledTask> Tasks { get; }

        /// <summary>Every workstream, in declaration order.</summary>
        public IReadOnlyList<ScheduledWorkstream> Workstreams { get; }

        /// <summary>The chain of critical tasks from the start to the finish.</summary>
        public IReadOnlyList<ScheduledTask> CriticalPath { get; }

        /// <summary>The program finish index (exclusive): also its duration in working days.</summary>
        public int FinishIndex { get; }

        /// <summary>The program start date.</summary>
        public CalendarDate StartDate => Program.Start;

        /// <summary>The last working day of the program.</summary>
        public CalendarDate FinishDate { get; }

        /// <summary>Working days from the start to the finish, inclusive.</summary>
        public int DurationDays => FinishIndex;

        /// <summary>Planned cost of the program.</summary>
        public decimal Cost { get; }

        /// <summary>True when resource leveling was applied.</summary>
        public bool IsLeveled { get; }

        /// <summary>How many schedules the leveler decoded (0 without leveling).</summary>
        public int LevelingSchedules { get; internal set; }

        /// <summary>
        /// Work units the leveler's search used (one per task placed and per day scanned in the resource profile; 0
        /// without leveling). The search stops when it reaches the effort's work budget, so this is at most that budget.
        /// </summary>
        public long LevelingWork { get; internal set; }

        /// <summary>The graph this schedule was computed on, for the forecast to re-schedule with sampled durations.</summary>
        internal ScheduleNetwork? Network { get; set; }

        /// <summary>
        /// Working days from <paramref name="from"/> to <paramref name="to"/>, counted between the last working days
        /// on or before each: positive when <paramref name="to"/> is later (how late a finish is against a due date).
        /// Dates before the program start count the working days between them and the start, with the program's holidays.
        /// </summary>
        public int WorkingDaysBetween(CalendarDate from, CalendarDate to) => Position(to) - Position(from);

        /// <summary>The index of the last working day on or before a date; before the start, counted backwards from -1.</summary>
        private int Position(CalendarDate date)
        {
            if (date >= Calendar.Start) return Calendar.LastIndexOnOrBefore(date);

            // A calendar from the day after the date counts the working days left before the program start.
            var before = new WorkingCalendar(date.AddDays(1), Calendar.Workdays, Program.Calendar.Holidays.Select(h => h.Range));
            return -1 - before.FirstIndexOnOrAfter(Calendar.Start);
        }

        /// <summary>The scheduled entry of a task.</summary>
        /// <remarks>Tasks are in declaration order, so a task's index finds its entry.</remarks>
        public ScheduledTask this[TaskSymbol task] => Tasks[task.Index].Task == task ? Tasks[task.Index] : throw new KeyNotFoundException(task.Id + " is not in this schedule.");

        /// <summary>Finds a task by its qualified id.</summary>
        public ScheduledTask? Find(string id)
        {
            foreach (var t in Tasks) if (t.Id == id) return t;
            return null;
        }
    }

    /// <summary>A schedule, or null when the program cannot be scheduled, with the scheduler's diagnostics.</summary>
    public sealed class ScheduleResult
    {
        internal ScheduleResult(Schedule? schedule, IReadOnlyList<Diagnostic> diagnostics)
        {
            Schedule = schedule;
            Diagnostics = diagnostics;
        }

        /// <summary>The schedule.</summary>
        public Schedule? Schedule { get; }

        /// <summary>Diagnostics (TPM2001, TPM2004, TPM2005).</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }
    }
}
