using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>One week of one person or pool.</summary>
    internal readonly struct LoadWeek
    {
        public LoadWeek(int availableDays, long units, long peak, bool over)
        {
            AvailableDays = availableDays;
            Units = units;
            Peak = peak;
            Over = over;
        }

        /// <summary>Days of the week the person or pool can work.</summary>
        public int AvailableDays { get; }

        /// <summary>Work booked in the week: person shares in thousandths of a day, or pool unit-days.</summary>
        public long Units { get; }

        /// <summary>The most booked on one day of the week.</summary>
        public long Peak { get; }

        /// <summary>True when on some day more is booked than the person or pool has.</summary>
        public bool Over { get; }
    }

    /// <summary>The weekly load of a person or a resource pool.</summary>
    internal sealed class LoadRow
    {
        public LoadRow(Symbol resource, int capacity, LoadWeek[] weeks)
        {
            Resource = resource;
            Capacity = capacity;
            Weeks = weeks;
        }

        public Symbol Resource { get; }

        public bool IsPool => Resource is ResourceSymbol;

        /// <summary>What one day holds: <see cref="ResourceLoad.PersonUnits"/> for a person, the pool's units for a pool.</summary>
        public int Capacity { get; }

        public LoadWeek[] Weeks { get; }

        /// <summary>The week's booked work as a share of what was available, or null when nothing was (a week off).</summary>
        public decimal? Share(int week)
        {
            var w = Weeks[week];
            return w.AvailableDays == 0 ? (decimal?)null : (decimal)w.Units / ((decimal)w.AvailableDays * Capacity);
        }
    }

    /// <summary>
    /// Load per person and per resource pool by week, counted the way the scheduler counts over-allocation (TPM2101): a
    /// task books its assignees' shares and its pool units on each of its days on which all its assignees work (their
    /// calendars, holidays and vacations); a person holds one day's work per working day, a pool its capacity.
    /// </summary>
    internal static class ResourceLoad
    {
        /// <summary>A person's day, in the units shares are counted in (thousandths, as the scheduler does).</summary>
        public const int PersonUnits = 1000;

        public static IReadOnlyList<LoadRow> Compute(ProgramSymbol program, Schedule schedule, Timeline timeline)
        {
            int days = timeline.Days;
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

            var daily = new Dictionary<Symbol, long[]>();
            long[] DailyOf(Symbol s) => daily.TryGetValue(s, out var a) ? a : daily[s] = new long[days];

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
                    for (int k = 0; k < shares.Length; k++) DailyOf(t.Assigned[k].Person)[day] += shares[k];
                    foreach (var use in t.Task.ResourceUses) DailyOf(use.Resource)[day] += use.Units;
                }
            }

            var rows = new List<LoadRow>();
            foreach (var person in program.People) rows.Add(Row(person, PersonUnits, CalendarOf(person), daily, timeline));
            foreach (var pool in program.Resources) rows.Add(Row(pool, Math.Max(1, pool.Capacity), programCalendar, daily, timeline));
            return rows;
        }

        private static LoadRow Row(Symbol resource, int capacity, WorkingCalendar calendar, Dictionary<Symbol, long[]> daily, Timeline timeline)
        {
            daily.TryGetValue(resource, out var booked);
            var weeks = new LoadWeek[timeline.Weeks];
            for (int w = 0; w < weeks.Length; w++)
            {
                int available = 0;
                long units = 0, peak = 0;
                bool over = false;
                for (int d = w * 7; d < w * 7 + 7 && d < timeline.Days; d++)
                {
                    if (calendar.IsWorkingDay(timeline.First.AddDays(d))) available++;
                    long b = booked?[d] ?? 0;
                    units += b;
                    peak = Math.Max(peak, b);
                    over |= b > capacity;
                }

                weeks[w] = new LoadWeek(available, units, peak, over);
            }

            return new LoadRow(resource, capacity, weeks);
        }
    }
}
