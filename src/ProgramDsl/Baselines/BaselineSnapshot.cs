using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Baselines
{
    /// <summary>One person's part of a task in a snapshot.</summary>
    public sealed class SnapshotAssignment : IEquatable<SnapshotAssignment>
    {
        /// <summary>Creates an assignment.</summary>
        public SnapshotAssignment(string person, decimal share)
        {
            Person = person ?? throw new ArgumentNullException(nameof(person));
            Share = share;
        }

        /// <summary>The person's id.</summary>
        public string Person { get; }

        /// <summary>The part of the person, 0–1.</summary>
        public decimal Share { get; }

        /// <inheritdoc />
        public bool Equals(SnapshotAssignment? other) => other != null && other.Person == Person && other.Share == Share;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as SnapshotAssignment);

        /// <inheritdoc />
        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Person) ^ Share.GetHashCode();

        /// <summary><c>ana</c>, or <c>ben 50%</c> for a part.</summary>
        public override string ToString() => Share == 1m ? Person : Person + " " + decimal.Round(Share * 100m, 2).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
    }

    /// <summary>A task or milestone as it was planned when a snapshot was taken.</summary>
    public sealed class SnapshotItem
    {
        /// <summary>Creates an item.</summary>
        public SnapshotItem(
            string id, string name, bool isMilestone, CalendarDate start, CalendarDate finish, int durationDays,
            decimal work, decimal cost, IReadOnlyList<SnapshotAssignment> assigned, bool critical,
            decimal? effort = null, decimal? duration = null, ThreePointEstimate? estimate = null, CalendarDate? due = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name ?? string.Empty;
            IsMilestone = isMilestone;
            Start = start;
            Finish = finish;
            DurationDays = durationDays;
            Work = work;
            Cost = cost;
            Assigned = assigned ?? Array.Empty<SnapshotAssignment>();
            Critical = critical;
            Effort = effort;
            Duration = duration;
            Estimate = estimate;
            Due = due;
        }

        /// <summary>The qualified id (<c>data.eda</c>).</summary>
        public string Id { get; }

        /// <summary>The title (the id when the declaration has none).</summary>
        public string Name { get; }

        /// <summary>True for a milestone.</summary>
        public bool IsMilestone { get; }

        /// <summary>The planned start date.</summary>
        public CalendarDate Start { get; }

        /// <summary>The planned finish date (a milestone's date).</summary>
        public CalendarDate Finish { get; }

        /// <summary>Working days from start to finish (0 for a milestone).</summary>
        public int DurationDays { get; }

        /// <summary>Planned work in person-days: Σ share × working days over the assignees (the duration when nobody is assigned).</summary>
        public decimal Work { get; }

        /// <summary>Planned cost: labour, resources and fixed cost.</summary>
        public decimal Cost { get; }

        /// <summary>The people assigned (role assignments as the scheduler resolved them), in schedule order.</summary>
        public IReadOnlyList<SnapshotAssignment> Assigned { get; }

        /// <summary>On the critical path.</summary>
        public bool Critical { get; }

        /// <summary>The declared <c>effort</c> in days, if any.</summary>
        public decimal? Effort { get; }

        /// <summary>The declared <c>duration</c> in days, if any.</summary>
        public decimal? Duration { get; }

        /// <summary>The declared three-point <c>estimate</c> in days, if any.</summary>
        public ThreePointEstimate? Estimate { get; }

        /// <summary>The declared <c>due</c> date, if any.</summary>
        public CalendarDate? Due { get; }
    }

    /// <summary>
    /// A compiled plan's schedule reduced to what later plans are compared with: every task's and milestone's planned
    /// dates, work, cost and assignees, the program finish and the critical path. A frozen baseline is one saved to a
    /// file (<c>tpm baseline save</c>); <c>tpm diff</c> compares the snapshots of two revisions. Pure data, no symbols,
    /// so it outlives the compilation it came from.
    /// </summary>
    public sealed class BaselineSnapshot
    {
        /// <summary>The version of the JSON format this build writes, and the newest it reads.</summary>
        public const int CurrentFormatVersion = 1;

        /// <summary>Creates a snapshot.</summary>
        public BaselineSnapshot(
            string name, string programId, string programName, CalendarDate start, CalendarDate finish, int durationDays,
            decimal cost, IReadOnlyList<SnapshotItem> items, IReadOnlyList<string> criticalPath,
            CalendarDate? deadline = null, decimal? budget = null, string? currency = null, CalendarDate? statusDate = null,
            int formatVersion = CurrentFormatVersion)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            ProgramId = programId ?? throw new ArgumentNullException(nameof(programId));
            ProgramName = programName ?? string.Empty;
            Start = start;
            Finish = finish;
            DurationDays = durationDays;
            Cost = cost;
            Items = items ?? Array.Empty<SnapshotItem>();
            CriticalPath = criticalPath ?? Array.Empty<string>();
            Deadline = deadline;
            Budget = budget;
            Currency = currency;
            StatusDate = statusDate;
            FormatVersion = formatVersion;
            _byId = new Dictionary<string, SnapshotItem>(StringComparer.Ordinal);
            foreach (var item in Items) if (!_byId.ContainsKey(item.Id)) _byId[item.Id] = item;
        }

        private readonly Dictionary<string, SnapshotItem> _byId;

        /// <summary>The format version the snapshot was written in.</summary>
        public int FormatVersion { get; }

        /// <summary>The baseline's name (<c>q1</c>), given when it was saved.</summary>
        public string Name { get; }

        /// <summary>The program's id.</summary>
        public string ProgramId { get; }

        /// <summary>The program's title.</summary>
        public string ProgramName { get; }

        /// <summary>The program start.</summary>
        public CalendarDate Start { get; }

        /// <summary>The program finish.</summary>
        public CalendarDate Finish { get; }

        /// <summary>Working days from the start to the finish, inclusive.</summary>
        public int DurationDays { get; }

        /// <summary>The planned cost of the whole program.</summary>
        public decimal Cost { get; }

        /// <summary>The deadline, if any.</summary>
        public CalendarDate? Deadline { get; }

        /// <summary>The budget, if any.</summary>
        public decimal? Budget { get; }

        /// <summary>The currency, if any.</summary>
        public string? Currency { get; }

        /// <summary>The status date of the plan the snapshot was taken from, if any.</summary>
        public CalendarDate? StatusDate { get; }

        /// <summary>Every task and milestone, in the plan's declaration order.</summary>
        public IReadOnlyList<SnapshotItem> Items { get; }

        /// <summary>The ids on the critical path, from the start to the finish.</summary>
        public IReadOnlyList<string> CriticalPath { get; }

        /// <summary>The item with the qualified id, or null.</summary>
        public SnapshotItem? Find(string id) => id != null && _byId.TryGetValue(id, out var item) ? item : null;

        /// <summary>
        /// The snapshot of a schedule, named <paramref name="name"/>: the dates as scheduled (actuals included, as MS Project's
        /// "set baseline" copies the current dates).
        /// </summary>
        public static BaselineSnapshot Capture(Schedule schedule, string name)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            var program = schedule.Program;
            var items = new List<SnapshotItem>(schedule.Tasks.Count);
            foreach (var s in schedule.Tasks)
            {
                var task = s.Task;
                var assigned = s.Assigned.Select(a => new SnapshotAssignment(a.Person.Id, a.Share)).ToList();
                decimal shares = 0m;
                foreach (var a in s.Assigned) shares += a.Share;
                decimal work = task.IsMilestone ? 0m : assigned.Count == 0 ? s.DurationDays : decimal.Round(s.DurationDays * shares, 4);
                items.Add(new SnapshotItem(
                    task.Id, task.Title ?? task.Name, task.IsMilestone, s.StartDate, s.FinishDate, s.DurationDays,
                    work, s.Cost, assigned, s.IsCritical, task.Effort, task.Duration, task.Estimate, task.Due));
            }

            return new BaselineSnapshot(
                name, program.Id, program.Title ?? program.Name, schedule.StartDate, schedule.FinishDate, schedule.DurationDays,
                schedule.Cost, items, schedule.CriticalPath.Select(t => t.Id).ToList(),
                program.Deadline, program.Budget, program.Currency, program.StatusDate);
        }
    }
}
