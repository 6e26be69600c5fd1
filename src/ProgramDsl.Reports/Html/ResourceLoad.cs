using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>One cell of one person or pool: a week, or the longer period of <see cref="Timeline.Bucket"/>.</summary>
    internal readonly struct LoadCell
    {
        public LoadCell(int availableDays, long units, long peak, bool over)
        {
            AvailableDays = availableDays;
            Units = units;
            Peak = peak;
            Over = over;
        }

        /// <summary>Days of the period the person or pool can work.</summary>
        public int AvailableDays { get; }

        /// <summary>Work booked in the period: person shares in thousandths of a day, or pool unit-days.</summary>
        public long Units { get; }

        /// <summary>The most booked on one day of the period.</summary>
        public long Peak { get; }

        /// <summary>True when on some day more is booked than the person or pool has.</summary>
        public bool Over { get; }
    }

    /// <summary>The load of a person or a resource pool, a cell per week (or longer period).</summary>
    internal sealed class LoadRow
    {
        public LoadRow(Symbol resource, int capacity, LoadCell[] cells)
        {
            Resource = resource;
            Capacity = capacity;
            Cells = cells;
        }

        public Symbol Resource { get; }

        public bool IsPool => Resource is ResourceSymbol;

        /// <summary>What one day holds: <see cref="ResourceLoad.PersonUnits"/> for a person, the pool's units for a pool.</summary>
        public int Capacity { get; }

        public LoadCell[] Cells { get; }

        /// <summary>The cell's booked work as a share of what was available, or null when nothing was (a week off).</summary>
        public decimal? Share(int cell)
        {
            var w = Cells[cell];
            return w.AvailableDays == 0 ? (decimal?)null : (decimal)w.Units / ((decimal)w.AvailableDays * Capacity);
        }
    }

    /// <summary>
    /// Load per person and per resource pool by week (or by the timeline's longer period), counted the way the scheduler
    /// counts over-allocation (TPM2101): a task books its assignees' shares and its pool units on each of its days on
    /// which all its assignees work (their calendars, holidays and vacations); a person holds one day's work per working
    /// day, a pool its capacity. Only booked days are stored, so memory follows the tasks, not the span of the axis.
    /// </summary>
    internal static class ResourceLoad
    {
        /// <summary>A person's day, in the units shares are counted in (thousandths, as the scheduler does).</summary>
        public const int PersonUnits = 1000;

        public static IReadOnlyList<LoadRow> Compute(ProgramSymbol program, Schedule schedule, Timeline timeline)
        {
            var programCalendar = schedule.Calendar;
            var calendars = new Dictionary<PersonSymbol, WorkingCalendar>();
            WorkingCalendar CalendarOf(PersonSymbol p)
            {
                if (calendars.TryGetValue(p, out var c)) return c;
                if (p.Calendar is null && p.Vacations.Count == 0) return calendars[p] = programCalendar;
                var workdays = p.Calendar is null ? program.Calendar.Workdays : program.Calendar.Workdays.Intersect(p.Calendar.Workdays);
                var off = program.Calendar.Holidays.Select(h => h.Range)
                    .Concat(p.Calendar?.Holidays.Select(h => h.Range) ?? Enumerable.Empty<DateRange>())
                    .Concat(p.Vacations.Select(v => v.Range));
                return calendars[p] = new WorkingCalendar(program.Start, workdays, off);
            }

            // Booked units per day (days from the axis's first day), for the days something is booked on.
            var daily = new Dictionary<Symbol, Dictionary<int, long>>();
            void Book(Symbol s, int day, long units)
            {
                if (!daily.TryGetValue(s, out var days)) daily[s] = days = new Dictionary<int, long>();
                days.TryGetValue(day, out var booked);
                days[day] = booked + units;
            }

            foreach (var t in schedule.Tasks)
            {
                if (t.Finish <= t.Start || (t.Assigned.Count == 0 && t.Task.ResourceUses.Count == 0)) continue;
                var people = t.Assigned.Select(a => CalendarOf(a.Person)).ToArray();
                var shares = t.Assigned.Select(a => (long)Math.Round(a.Share * PersonUnits, MidpointRounding.AwayFromZero)).ToArray();
                for (int i = t.Start; i < t.Finish; i++)
                {
                    var date = programCalendar.DateOf(i);
                    if (!timeline.Contains(date) || !people.All(c => c.IsWorkingDay(date))) continue;
                    int day = date.DayNumber - timeline.First.DayNumber;
                    for (int k = 0; k < shares.Length; k++) Book(t.Assigned[k].Person, day, shares[k]);
                    foreach (var use in t.Task.ResourceUses) Book(use.Resource, day, use.Units);
                }
            }

            var starts = timeline.BucketStarts();
            var rows = new List<LoadRow>();
            foreach (var person in program.People) rows.Add(Row(person, PersonUnits, CalendarOf(person), daily, timeline, starts));
            foreach (var pool in program.Resources) rows.Add(Row(pool, Math.Max(1, pool.Capacity), programCalendar, daily, timeline, starts));
            return rows;
        }

        private static LoadRow Row(Symbol resource, int capacity, WorkingCalendar calendar, Dictionary<Symbol, Dictionary<int, long>> daily, Timeline timeline, IReadOnlyList<CalendarDate> starts)
        {
            int n = starts.Count;
            var available = new int[n];
            var units = new long[n];
            var peak = new long[n];
            var over = new bool[n];
            for (int b = 0; b < n; b++)
            {
                var last = b + 1 < n ? starts[b + 1].AddDays(-1) : timeline.Last;
                available[b] = WorkingDays(calendar, starts[b], last);
            }

            if (daily.TryGetValue(resource, out var booked))
            {
                foreach (var pair in booked)
                {
                    int b = CellOf(pair.Key, timeline, starts);
                    units[b] += pair.Value;
                    peak[b] = Math.Max(peak[b], pair.Value);
                    over[b] |= pair.Value > capacity;
                }
            }

            var cells = new LoadCell[n];
            for (int b = 0; b < n; b++) cells[b] = new LoadCell(available[b], units[b], peak[b], over[b]);
            return new LoadRow(resource, capacity, cells);
        }

        /// <summary>The cell holding a day (days from the axis's first day).</summary>
        private static int CellOf(int day, Timeline timeline, IReadOnlyList<CalendarDate> starts)
        {
            if (timeline.Bucket == TimeBucket.Week) return day / 7;
            int target = timeline.First.DayNumber + day, lo = 0, hi = starts.Count - 1;
            while (lo < hi)
            {
                int mid = (lo + hi + 1) / 2;
                if (starts[mid].DayNumber <= target) lo = mid;
                else hi = mid - 1;
            }

            return lo;
        }

        /// <summary>Working days of a calendar from <paramref name="from"/> to <paramref name="to"/> (inclusive), counted without a walk over the days.</summary>
        private static int WorkingDays(WorkingCalendar calendar, CalendarDate from, CalendarDate to)
        {
            if (to < from) return 0;
            int through = to < CalendarDate.MaxValue
                ? calendar.FirstIndexOnOrAfter(to.AddDays(1))
                : calendar.FirstIndexOnOrAfter(to) + (calendar.IsWorkingDay(to) ? 1 : 0);
            return through - calendar.FirstIndexOnOrAfter(from);
        }
    }
}
