using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Baselines
{
    /// <summary>A task or milestone of the current schedule beside its entry in the baseline.</summary>
    public sealed class BaselineSlip
    {
        internal BaselineSlip(ScheduledTask current, SnapshotItem planned, int startSlipDays, int finishSlipDays)
        {
            Current = current;
            Planned = planned;
            StartSlipDays = startSlipDays;
            FinishSlipDays = finishSlipDays;
        }

        /// <summary>The task as scheduled now.</summary>
        public ScheduledTask Current { get; }

        /// <summary>The task as the baseline planned it.</summary>
        public SnapshotItem Planned { get; }

        /// <summary>Working days from the baseline start to the current start: positive when it starts later.</summary>
        public int StartSlipDays { get; }

        /// <summary>Working days from the baseline finish to the current finish: positive when it finishes later.</summary>
        public int FinishSlipDays { get; }
    }

    /// <summary>
    /// A schedule measured against a frozen baseline: each task's slip, the tasks added since the baseline (in the plan,
    /// not in the baseline) and those removed (in the baseline, no longer in the plan), matched by qualified id. Slips
    /// are counted in the program calendar's working days (<see cref="Schedule.WorkingDaysBetween"/>).
    /// </summary>
    public sealed class BaselineComparison
    {
        private readonly BaselineSlip?[] _slips;

        private BaselineComparison(Schedule schedule, BaselineSnapshot baseline, string path, BaselineSlip?[] slips, IReadOnlyList<ScheduledTask> added, IReadOnlyList<SnapshotItem> removed, int finishSlipDays)
        {
            Schedule = schedule;
            Baseline = baseline;
            Path = path;
            _slips = slips;
            Added = added;
            Removed = removed;
            FinishSlipDays = finishSlipDays;
        }

        /// <summary>The current schedule.</summary>
        public Schedule Schedule { get; }

        /// <summary>The frozen baseline.</summary>
        public BaselineSnapshot Baseline { get; }

        /// <summary>The baseline file's path, as the program named it (resolved against the naming file).</summary>
        public string Path { get; }

        /// <summary>Working days from the baseline's program finish to the current one: positive when the program finishes later.</summary>
        public int FinishSlipDays { get; }

        /// <summary>Tasks and milestones in the plan but not in the baseline, in declaration order.</summary>
        public IReadOnlyList<ScheduledTask> Added { get; }

        /// <summary>Tasks and milestones in the baseline but no longer in the plan, in the baseline's order.</summary>
        public IReadOnlyList<SnapshotItem> Removed { get; }

        /// <summary>The slip of a task, or null when the task was added since the baseline.</summary>
        public BaselineSlip? SlipOf(TaskSymbol task) => task is null ? throw new ArgumentNullException(nameof(task)) : task.Index < _slips.Length ? _slips[task.Index] : null;

        /// <summary>The slips of the tasks in the baseline, in declaration order.</summary>
        public IEnumerable<BaselineSlip> Slips
        {
            get
            {
                foreach (var s in _slips) if (s != null) yield return s;
            }
        }

        /// <summary>Compares <paramref name="schedule"/> with <paramref name="baseline"/>, read from <paramref name="path"/>.</summary>
        public static BaselineComparison Compare(Schedule schedule, BaselineSnapshot baseline, string path)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (baseline is null) throw new ArgumentNullException(nameof(baseline));
            var slips = new BaselineSlip?[schedule.Tasks.Count];
            var added = new List<ScheduledTask>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var earliest = baseline.Start < baseline.Finish ? baseline.Start : baseline.Finish;
            foreach (var item in baseline.Items)
            {
                if (item.Start < earliest) earliest = item.Start;
                if (item.Finish < earliest) earliest = item.Finish;
            }

            var days = new WorkingDayCounter(schedule, earliest);
            foreach (var current in schedule.Tasks)
            {
                seen.Add(current.Id);
                var planned = baseline.Find(current.Id);
                if (planned is null)
                {
                    added.Add(current);
                    continue;
                }

                slips[current.Task.Index] = new BaselineSlip(current, planned, days.Between(planned.Start, current.StartDate), days.Between(planned.Finish, current.FinishDate));
            }

            var removed = new List<SnapshotItem>();
            foreach (var item in baseline.Items) if (!seen.Contains(item.Id)) removed.Add(item);
            return new BaselineComparison(schedule, baseline, path ?? string.Empty, slips, added, removed, days.Between(baseline.Finish, schedule.FinishDate));
        }

        /// <summary>
        /// Working days between dates as <see cref="Schedule.WorkingDaysBetween"/> counts them. Dates before the program
        /// start (a baseline may hold any date from 0001-01-01) are counted on one calendar from the earliest of them,
        /// built once: the schedule builds a calendar for each such date, and a hostile baseline of 200,000 distinct early
        /// dates against a plan with many holidays would cost their product.
        /// </summary>
        private sealed class WorkingDayCounter
        {
            private readonly Schedule _schedule;
            private readonly WorkingCalendar? _early;
            private readonly int _earlyAtStart;

            public WorkingDayCounter(Schedule schedule, CalendarDate earliest)
            {
                _schedule = schedule;
                var start = schedule.Calendar.Start;
                if (earliest < start)
                {
                    _early = new WorkingCalendar(earliest, schedule.Calendar.Workdays, schedule.Program.Calendar.Holidays.Select(h => h.Range));
                    _earlyAtStart = _early.FirstIndexOnOrAfter(start);
                }
            }

            public int Between(CalendarDate from, CalendarDate to) => Position(to) - Position(from);

            /// <summary>The index of the last working day on or before a date; before the start, counted backwards from -1.</summary>
            private int Position(CalendarDate date)
            {
                if (date >= _schedule.Calendar.Start) return _schedule.Calendar.LastIndexOnOrBefore(date);
                if (_early is null) return _schedule.WorkingDaysBetween(_schedule.Calendar.Start, date) + _schedule.Calendar.LastIndexOnOrBefore(_schedule.Calendar.Start);

                // The working days from the day after the date up to the day before the start, negated, less one.
                return -1 - (_earlyAtStart - _early.FirstIndexOnOrAfter(date.AddDays(1)));
            }
        }
    }
}
