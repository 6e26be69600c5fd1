using System;
using System.Collections.Generic;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Comparison
{
    /// <summary>What <see cref="PlanDiffer.Compare"/> compares besides the two programs.</summary>
    public sealed class PlanDiffOptions
    {
        /// <summary>What the old side is called in the output (a revision such as <c>HEAD</c>, or a file name); default <c>old</c>.</summary>
        public string OldLabel { get; set; } = "old";

        /// <summary>What the new side is called in the output (a revision, <c>working tree</c>, or a file name); default <c>new</c>.</summary>
        public string NewLabel { get; set; } = "new";

        /// <summary>
        /// Iterations of a Monte Carlo forecast run on each side, for P50/P80 of the finish before and after; null (the
        /// default) runs none. Ignored for a side whose forecast is given (<see cref="OldForecast"/>, <see cref="NewForecast"/>).
        /// </summary>
        public int? ForecastIterations { get; set; }

        /// <summary>The forecast's seed, the same on both sides so a change in P50/P80 comes from the plan, not the dice.</summary>
        public int ForecastSeed { get; set; }

        /// <summary>Threads a forecast may use; null for every core. The result is the same whatever the value.</summary>
        public int? ForecastThreads { get; set; }

        /// <summary>The old side's forecast, when the caller has already run it.</summary>
        public Forecasting.ForecastResult? OldForecast { get; set; }

        /// <summary>The new side's forecast, when the caller has already run it.</summary>
        public Forecasting.ForecastResult? NewForecast { get; set; }

        /// <summary>Stops the comparison (and its forecasts) early with an <see cref="OperationCanceledException"/>.</summary>
        public System.Threading.CancellationToken CancellationToken { get; set; }
    }

    /// <summary>A date on each side and how far it moved, in working days of the new program's calendar.</summary>
    public sealed class DateChange
    {
        /// <summary>Creates a change.</summary>
        public DateChange(CalendarDate? old, CalendarDate? @new, int? days)
        {
            Old = old;
            New = @new;
            Days = days;
        }

        /// <summary>The old date, or null when the old side has none.</summary>
        public CalendarDate? Old { get; }

        /// <summary>The new date, or null when the new side has none.</summary>
        public CalendarDate? New { get; }

        /// <summary>Working days from the old date to the new one (positive: later); null unless both sides have a date.</summary>
        public int? Days { get; }

        /// <summary>True when the two sides differ (a date on one side only counts as a change).</summary>
        public bool IsChanged => Old != New;
    }

    /// <summary>An amount on each side and its change (new − old).</summary>
    public sealed class AmountChange
    {
        /// <summary>Creates a change.</summary>
        public AmountChange(decimal? old, decimal? @new)
        {
            Old = old;
            New = @new;
        }

        /// <summary>The old amount, or null when the old side has none.</summary>
        public decimal? Old { get; }

        /// <summary>The new amount, or null when the new side has none.</summary>
        public decimal? New { get; }

        /// <summary>New − old; null unless both sides have an amount.</summary>
        public decimal? Change => Old is decimal o && New is decimal n ? n - o : (decimal?)null;

        /// <summary>True when the two sides differ.</summary>
        public bool IsChanged => Old != New;
    }

    /// <summary>A count of days on each side and its change (new − old).</summary>
    public sealed class DaysChange
    {
        /// <summary>Creates a change.</summary>
        public DaysChange(int? old, int? @new)
        {
            Old = old;
            New = @new;
        }

        /// <summary>The old count, or null.</summary>
        public int? Old { get; }

        /// <summary>The new count, or null.</summary>
        public int? New { get; }

        /// <summary>New − old; null unless both sides have a count.</summary>
        public int? Change => Old is int o && New is int n ? n - o : (int?)null;

        /// <summary>True when the two sides differ.</summary>
        public bool IsChanged => Old != New;
    }

    /// <summary>A task or milestone in both plans whose start or finish moved.</summary>
    public sealed class ItemMove
    {
        /// <summary>Creates a move.</summary>
        public ItemMove(SnapshotItem old, SnapshotItem @new, int startDays, int finishDays)
        {
            Old = old ?? throw new ArgumentNullException(nameof(old));
            New = @new ?? throw new ArgumentNullException(nameof(@new));
            StartDays = startDays;
            FinishDays = finishDays;
        }

        /// <summary>The qualified id.</summary>
        public string Id => New.Id;

        /// <summary>The item in the old plan.</summary>
        public SnapshotItem Old { get; }

        /// <summary>The item in the new plan.</summary>
        public SnapshotItem New { get; }

        /// <summary>Working days the start moved (positive: later), in the new program's calendar.</summary>
        public int StartDays { get; }

        /// <summary>Working days the finish moved (positive: later), in the new program's calendar; a milestone's move.</summary>
        public int FinishDays { get; }

        /// <summary>How far it moved: the larger of the start's and the finish's moves, in absolute working days (the sort key).</summary>
        public int Distance => Math.Max(Math.Abs(StartDays), Math.Abs(FinishDays));
    }

    /// <summary>A task or milestone whose title changed (same id).</summary>
    public sealed class ItemRename
    {
        /// <summary>Creates a rename.</summary>
        public ItemRename(string id, string oldName, string newName, bool isMilestone)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            OldName = oldName ?? string.Empty;
            NewName = newName ?? string.Empty;
            IsMilestone = isMilestone;
        }

        /// <summary>The qualified id.</summary>
        public string Id { get; }

        /// <summary>The old title.</summary>
        public string OldName { get; }

        /// <summary>The new title.</summary>
        public string NewName { get; }

        /// <summary>True for a milestone (in the new plan).</summary>
        public bool IsMilestone { get; }
    }

    /// <summary>A task whose declared work changed: its <c>effort</c>, <c>duration</c> or three-point <c>estimate</c>.</summary>
    public sealed class ItemReestimate
    {
        /// <summary>Creates a re-estimate.</summary>
        public ItemReestimate(SnapshotItem old, SnapshotItem @new)
        {
            Old = old ?? throw new ArgumentNullException(nameof(old));
            New = @new ?? throw new ArgumentNullException(nameof(@new));
        }

        /// <summary>The qualified id.</summary>
        public string Id => New.Id;

        /// <summary>The task in the old plan (<see cref="SnapshotItem.Effort"/>, <see cref="SnapshotItem.Duration"/>, <see cref="SnapshotItem.Estimate"/>).</summary>
        public SnapshotItem Old { get; }

        /// <summary>The task in the new plan.</summary>
        public SnapshotItem New { get; }

        /// <summary>True when the effort changed.</summary>
        public bool EffortChanged => Old.Effort != New.Effort;

        /// <summary>True when the duration changed.</summary>
        public bool DurationChanged => Old.Duration != New.Duration;

        /// <summary>True when the three-point estimate changed.</summary>
        public bool EstimateChanged => !PlanDiffer.SameEstimate(Old.Estimate, New.Estimate);
    }

    /// <summary>A task whose people changed (as the scheduler resolved them, roles included), or whose shares did.</summary>
    public sealed class ItemReassignment
    {
        /// <summary>Creates a re-assignment.</summary>
        public ItemReassignment(SnapshotItem old, SnapshotItem @new)
        {
            Old = old ?? throw new ArgumentNullException(nameof(old));
            New = @new ?? throw new ArgumentNullException(nameof(@new));
        }

        /// <summary>The qualified id.</summary>
        public string Id => New.Id;

        /// <summary>The task in the old plan (<see cref="SnapshotItem.Assigned"/>).</summary>
        public SnapshotItem Old { get; }

        /// <summary>The task in the new plan.</summary>
        public SnapshotItem New { get; }
    }

    /// <summary>A task the resource leveler delays by a different number of working days than before.</summary>
    public sealed class DelayChange
    {
        /// <summary>Creates a delay change.</summary>
        public DelayChange(string id, string name, int oldDays, int newDays, string? oldDelayedBy, string? newDelayedBy)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? string.Empty;
            OldDays = oldDays;
            NewDays = newDays;
            OldDelayedBy = oldDelayedBy;
            NewDelayedBy = newDelayedBy;
        }

        /// <summary>The qualified id.</summary>
        public string Id { get; }

        /// <summary>The title (the new plan's, or the old one's for a removed task).</summary>
        public string Name { get; }

        /// <summary>Working days the leveler delayed the task in the old plan (0 when not delayed or not in it).</summary>
        public int OldDays { get; }

        /// <summary>Working days the leveler delays the task in the new plan (0 when not delayed or not in it).</summary>
        public int NewDays { get; }

        /// <summary>NewDays − OldDays.</summary>
        public int Change => NewDays - OldDays;

        /// <summary>The id of the person or resource that delayed it in the old plan, if any.</summary>
        public string? OldDelayedBy { get; }

        /// <summary>The id of the person or resource that delays it in the new plan, if any.</summary>
        public string? NewDelayedBy { get; }
    }

    /// <summary>
    /// A diagnostic on one side that has no match on the other: matched by code, message and file (the path relative to
    /// the program file's folder, the program file itself as its own name), never by line, so an edit above it does not
    /// make it new. Equal diagnostics are matched one for one.
    /// </summary>
    public sealed class DiagnosticChange
    {
        /// <summary>Creates a change.</summary>
        public DiagnosticChange(string code, DiagnosticSeverity severity, string message, string? path, int? line, int? column)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Severity = severity;
            Message = message ?? string.Empty;
            Path = path;
            Line = line;
            Column = column;
        }

        /// <summary>The code (<c>TPM2101</c>).</summary>
        public string Code { get; }

        /// <summary>The severity on its side.</summary>
        public DiagnosticSeverity Severity { get; }

        /// <summary>The message.</summary>
        public string Message { get; }

        /// <summary>The file, as that side's compile named it; null for a diagnostic without a location.</summary>
        public string? Path { get; }

        /// <summary>The 1-based line on its side, or null.</summary>
        public int? Line { get; }

        /// <summary>The 1-based column on its side, or null.</summary>
        public int? Column { get; }

        /// <summary>True for an error.</summary>
        public bool IsError => Severity == DiagnosticSeverity.Error;
    }

    /// <summary>The finish's P50 and P80 before and after, from a forecast of each side with the same seed and iterations.</summary>
    public sealed class ForecastChange
    {
        /// <summary>Creates a change.</summary>
        public ForecastChange(int iterations, int seed, DateChange p50, DateChange p80)
        {
            Iterations = iterations;
            Seed = seed;
            P50 = p50 ?? throw new ArgumentNullException(nameof(p50));
            P80 = p80 ?? throw new ArgumentNullException(nameof(p80));
        }

        /// <summary>Iterations run on each side (the fewer of the two when a work budget cut one).</summary>
        public int Iterations { get; }

        /// <summary>The seed of both sides.</summary>
        public int Seed { get; }

        /// <summary>The finish date half the iterations meet.</summary>
        public DateChange P50 { get; }

        /// <summary>The finish date 80 % of the iterations meet.</summary>
        public DateChange P80 { get; }
    }

    /// <summary>
    /// What changed from one compiled plan to another (<see cref="PlanDiffer.Compare"/>), matched by qualified id. Pure
    /// data in a deterministic order; the formatters (text, Markdown, JSON) only print it. Dates are compared in working
    /// days of the new program's calendar. A side that could not be scheduled (errors) has no dates: its schedule parts
    /// are empty and only its diagnostics are compared.
    /// </summary>
    public sealed class PlanDiff
    {
        internal PlanDiff()
        {
        }

        /// <summary>What the old side is called (<see cref="PlanDiffOptions.OldLabel"/>).</summary>
        public string OldLabel { get; internal set; } = "old";

        /// <summary>What the new side is called (<see cref="PlanDiffOptions.NewLabel"/>).</summary>
        public string NewLabel { get; internal set; } = "new";

        /// <summary>The old program's id, or null when the old side has no program.</summary>
        public string? OldProgramId { get; internal set; }

        /// <summary>The new program's id, or null when the new side has no program.</summary>
        public string? NewProgramId { get; internal set; }

        /// <summary>The program's title (its id when it has none) on the old side, or null when the old side has no program.</summary>
        public string? OldProgramName { get; internal set; }

        /// <summary>The program's title (its id when it has none) on the new side, or null when the new side has no program.</summary>
        public string? NewProgramName { get; internal set; }

        /// <summary>True when the old side has a schedule.</summary>
        public bool OldScheduled { get; internal set; }

        /// <summary>True when the new side has a schedule.</summary>
        public bool NewScheduled { get; internal set; }

        /// <summary>The currency (the new side's, else the old side's), or null.</summary>
        public string? Currency { get; internal set; }

        /// <summary>The program start.</summary>
        public DateChange Start { get; internal set; } = new DateChange(null, null, null);

        /// <summary>The program finish (its last working day).</summary>
        public DateChange Finish { get; internal set; } = new DateChange(null, null, null);

        /// <summary>The program's duration in working days.</summary>
        public DaysChange Duration { get; internal set; } = new DaysChange(null, null);

        /// <summary>The deadline.</summary>
        public DateChange Deadline { get; internal set; } = new DateChange(null, null, null);

        /// <summary>
        /// Working days from the finish to the deadline on each side, each in its own program's calendar (positive: days
        /// to spare; negative: late); null on a side without a deadline or a schedule.
        /// </summary>
        public DaysChange DeadlineMargin { get; internal set; } = new DaysChange(null, null);

        /// <summary>The planned cost.</summary>
        public AmountChange Cost { get; internal set; } = new AmountChange(null, null);

        /// <summary>The budget.</summary>
        public AmountChange Budget { get; internal set; } = new AmountChange(null, null);

        /// <summary>Milestones (on both sides) whose date moved, the farthest first, then by id.</summary>
        public IReadOnlyList<ItemMove> MilestonesMoved { get; internal set; } = Array.Empty<ItemMove>();

        /// <summary>Tasks and milestones in the new plan only, in its declaration order.</summary>
        public IReadOnlyList<SnapshotItem> Added { get; internal set; } = Array.Empty<SnapshotItem>();

        /// <summary>Tasks and milestones in the old plan only, in its declaration order.</summary>
        public IReadOnlyList<SnapshotItem> Removed { get; internal set; } = Array.Empty<SnapshotItem>();

        /// <summary>Tasks and milestones whose title changed, by id.</summary>
        public IReadOnlyList<ItemRename> Renamed { get; internal set; } = Array.Empty<ItemRename>();

        /// <summary>Tasks whose effort, duration or estimate changed, by id.</summary>
        public IReadOnlyList<ItemReestimate> Reestimated { get; internal set; } = Array.Empty<ItemReestimate>();

        /// <summary>Tasks whose assignees or shares changed, by id.</summary>
        public IReadOnlyList<ItemReassignment> Reassigned { get; internal set; } = Array.Empty<ItemReassignment>();

        /// <summary>Tasks in both plans (a milestone on one side only included) whose start or finish moved, the farthest first, then by id.</summary>
        public IReadOnlyList<ItemMove> TasksMoved { get; internal set; } = Array.Empty<ItemMove>();

        /// <summary>The critical path of the old plan, from the start to the finish (ids).</summary>
        public IReadOnlyList<string> OldCriticalPath { get; internal set; } = Array.Empty<string>();

        /// <summary>The critical path of the new plan, from the start to the finish (ids).</summary>
        public IReadOnlyList<string> NewCriticalPath { get; internal set; } = Array.Empty<string>();

        /// <summary>True when the critical path is not the same sequence of ids.</summary>
        public bool CriticalPathChanged { get; internal set; }

        /// <summary>Ids on the new critical path and not on the old one, in the new path's order.</summary>
        public IReadOnlyList<string> JoinedCriticalPath { get; internal set; } = Array.Empty<string>();

        /// <summary>Ids on the old critical path and not on the new one, in the old path's order.</summary>
        public IReadOnlyList<string> LeftCriticalPath { get; internal set; } = Array.Empty<string>();

        /// <summary>Over-allocations (TPM2101) in the new plan only.</summary>
        public IReadOnlyList<DiagnosticChange> ConflictsIntroduced { get; internal set; } = Array.Empty<DiagnosticChange>();

        /// <summary>Over-allocations (TPM2101) in the old plan only.</summary>
        public IReadOnlyList<DiagnosticChange> ConflictsResolved { get; internal set; } = Array.Empty<DiagnosticChange>();

        /// <summary>Tasks whose leveling delay changed (added and removed tasks count as 0 on their missing side), the largest change first, then by id.</summary>
        public IReadOnlyList<DelayChange> ResourceDelays { get; internal set; } = Array.Empty<DelayChange>();

        /// <summary>Diagnostics other than TPM2101 in the new plan only, in the new plan's diagnostic order.</summary>
        public IReadOnlyList<DiagnosticChange> DiagnosticsIntroduced { get; internal set; } = Array.Empty<DiagnosticChange>();

        /// <summary>Diagnostics other than TPM2101 in the old plan only, in the old plan's diagnostic order.</summary>
        public IReadOnlyList<DiagnosticChange> DiagnosticsResolved { get; internal set; } = Array.Empty<DiagnosticChange>();

        /// <summary>P50/P80 of the finish before and after, when a forecast was asked for or given on both sides; else null.</summary>
        public ForecastChange? Forecast { get; internal set; }

        /// <summary>Working days the program finish moved (positive: later); 0 unless both sides were scheduled.</summary>
        public int FinishSlipDays => Finish.Days ?? 0;

        /// <summary>Errors in the new plan that the old one did not have (introduced diagnostics and conflicts of error severity).</summary>
        public int NewErrors { get; internal set; }

        /// <summary>True when nothing differs: the plans schedule, cost and report alike.</summary>
        public bool IsEmpty { get; internal set; }
    }
}
