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
    /// day, a pool its capacity. No per-day table is kept, so memory follows the tasks, not the span of the axis.
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
                return calendars[p] = PersonCalendar(program, programCalendar, p);
            }

            // What each person and pool is booked for: the task's working-day span, the units a day, whose days count.
            var bookings = new Dictionary<Symbol, List<Booking>>();
            void Add(Symbol s, Booking booking)
            {
                if (!bookings.TryGetValue(s, out var list)) bookings[s] = list = new List<Booking>();
                list.Add(booking);
            }

            foreach (var t in schedule.Tasks)
            {
                if (t.Finish <= t.Start || (t.Assigned.Count == 0 && t.Task.ResourceUses.Count == 0)) continue;
                var people = t.Assigned.Select(a => CalendarOf(a.Person)).ToArray();
                for (int k = 0; k < t.Assigned.Count; k++)
                {
                    Add(t.Assigned[k].Person, new Booking(t.Start, t.Finish, (long)Math.Round(t.Assigned[k].Share * PersonUnits, MidpointRounding.AwayFromZero), people));
                }

                foreach (var use in t.Task.ResourceUses) Add(use.Resource, new Booking(t.Start, t.Finish, use.Units, people));
            }

            var starts = timeline.BucketStarts();
            var rows = new List<LoadRow>();
            foreach (var person in program.People) rows.Add(Row(person, PersonUnits, CalendarOf(person), programCalendar, bookings, timeline, starts));
            foreach (var pool in program.Resources) rows.Add(Row(pool, Math.Max(1, pool.Capacity), programCalendar, programCalendar, bookings, timeline, starts));
            return rows;
        }

        /// <summary>
        /// The days a person works in a program: the program's workdays and holidays, narrowed by the person's calendar
        /// and vacations (the program's calendar itself when the person has neither).
        /// </summary>
        public static WorkingCalendar PersonCalendar(ProgramSymbol program, WorkingCalendar programCalendar, PersonSymbol p)
        {
            if (p.Calendar is null && p.Vacations.Count == 0) return programCalendar;
            var workdays = p.Calendar is null ? program.Calendar.Workdays : program.Calendar.Workdays.Intersect(p.Calendar.Workdays);
            var off = program.Calendar.Holidays.Select(h => h.Range)
                .Concat(p.Calendar?.Holidays.Select(h => h.Range) ?? Enumerable.Empty<DateRange>())
                .Concat(p.Vacations.Select(v => v.Range));
            return new WorkingCalendar(program.Start, workdays, off);
        }

        /// <summary>
        /// One task's claim on a person or pool: <see cref="Units"/> on each program working day from
        /// <see cref="Start"/> to before <see cref="Finish"/> on which every one of <see cref="People"/> works.
        /// </summary>
        private sealed class Booking
        {
            public Booking(int start, int finish, long units, WorkingCalendar[] people)
            {
                Start = start;
                Finish = finish;
                Units = units;
                People = people;
            }

            public int Start { get; }

            public int Finish { get; }

            public long Units { get; }

            public WorkingCalendar[] People { get; }
        }

        private static LoadRow Row(
            Symbol resource, int capacity, WorkingCalendar calendar, WorkingCalendar programCalendar, Dictionary<Symbol, List<Booking>> bookings, Timeline timeline, IReadOnlyList<CalendarDate> starts)
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

            if (bookings.TryGetValue(resource, out var list))
            {
                // A sweep over the working days the bookings cover, keeping only the bookings under way: memory follows
                // the tasks, not the days (a day's total is needed for the peak and for over-allocation).
                list.Sort((x, y) => x.Start.CompareTo(y.Start));
                var active = new List<Booking>();
                int next = 0, i = 0;
                while (next < list.Count || active.Count > 0)
                {
                    if (active.Count == 0 && i < list[next].Start) i = list[next].Start;
                    while (next < list.Count && list[next].Start <= i) active.Add(list[next++]);
                    int day = i;
                    active.RemoveAll(x => x.Finish <= day);
                    if (active.Count == 0) continue;
                    var date = programCalendar.DateOf(i);
                    if (timeline.Contains(date))
                    {
                        long booked = 0;
                        bool any = false;
                        foreach (var x in active)
                        {
                            if (!x.People.All(c => c.IsWorkingDay(date))) continue;
                            booked += x.Units;
                            any = true;
                        }

                        if (any)
                        {
                            int b = CellOf(date.DayNumber - timeline.First.DayNumber, timeline, starts);
                            units[b] += booked;
                            peak[b] = Math.Max(peak[b], booked);
                            over[b] |= booked > capacity;
                        }
                    }

                    i++;
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
