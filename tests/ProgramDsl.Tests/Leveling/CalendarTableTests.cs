using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using FluentAssertions;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using Xunit;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// The leveler's calendar tables (bits and word ranks) answer exactly as the calendars they tabulate, whether they
    /// fill from a calendar that lists its days in bulk or ask it day by day, on random calendars: part-time weekdays,
    /// holidays and vacations of every length, starts near either end of the calendar, a program's indices and a
    /// portfolio's axis.
    /// </summary>
    public class CalendarTableTests
    {
        /// <summary>A calendar seen only through the interface, so the table asks it day by day.</summary>
        private sealed class DayByDay : IActivityCalendar
        {
            private readonly IActivityCalendar _inner;

            public DayByDay(IActivityCalendar inner) => _inner = inner;

            public int NextAvailable(int day) => _inner.NextAvailable(day);

            public int PreviousAvailable(int day) => _inner.PreviousAvailable(day);

            public int Advance(int start, int days) => _inner.Advance(start, days);

            public int Retreat(int finish, int days) => _inner.Retreat(finish, days);
        }

        private static string Outcome(Func<int> query)
        {
            try
            {
                return query().ToString(CultureInfo.InvariantCulture);
            }
            catch (CalendarRangeException)
            {
                return "past the calendar";
            }
        }

        private static int Next(IActivityCalendar calendar, int day)
        {
            try
            {
                return calendar.NextAvailable(day);
            }
            catch (CalendarRangeException)
            {
                return int.MaxValue;
            }
        }

        private static WeekdaySet Weekdays(int mask)
        {
            var days = Enumerable.Range(0, 7).Where(d => (mask >> d & 1) != 0).Select(d => (DayOfWeek)d).ToList();
            return new WeekdaySet(days.Count == 0 ? new[] { DayOfWeek.Wednesday } : days.ToArray());
        }

        /// <summary>A random task time: a program calendar and its people's days within it.</summary>
        private static TaskTime Time(CalendarDate start, Random rng)
        {
            var holidays = new List<DateRange>();
            for (int i = rng.Next(0, 12); i > 0; i--)
            {
                var from = start.AddDays(rng.Next(-20, 900));
                holidays.Add(new DateRange(from, from.AddDays(rng.Next(0, rng.Next(10) == 0 ? 400 : 6))));
            }

            int programMask = rng.Next(1, 128) | 0b0001000;
            var program = new WorkingCalendar(start, Weekdays(programMask), holidays);
            if (rng.Next(4) == 0) return new TaskTime(program, null);
            var vacations = new List<DateRange>(holidays);
            for (int i = rng.Next(0, 8); i > 0; i--)
            {
                var from = start.AddDays(rng.Next(0, 900));
                vacations.Add(new DateRange(from, from.AddDays(rng.Next(0, rng.Next(8) == 0 ? 300 : 12))));
            }

            // The people's weekdays within the program's (a task time's days are a subset of its program's).
            var own = new WorkingCalendar(start, Weekdays(programMask & (rng.Next(1, 128) | 0b0001000)), vacations);
            return new TaskTime(program, own);
        }

        private static void Compare(IActivityCalendar source, Engine.CalendarTable table, int days, Random rng, string what, bool shortByOne)
        {
            // The working days, listed one by one from the calendar (up to its end when it has one).
            var working = new List<int>();
            for (int x = Next(source, 0); x < days + 1000; x = Next(source, x + 1)) working.Add(x);
            for (int d = -2; d < days; d++)
            {
                int at = working.BinarySearch(d);
                int following = at >= 0 ? at : ~at;
                int preceding = at >= 0 ? at : ~at - 1;
                string next = following < working.Count ? working[following].ToString(CultureInfo.InvariantCulture) : "past the calendar";
                string previous = (preceding < 0 ? -1 : working[preceding]).ToString(CultureInfo.InvariantCulture);

                // The leveler clamps a day before the axis to day 0 before it asks for the next working day; past the
                // calendar's end the previous working day is its last.
                if (d >= 0) Outcome(() => table.NextAvailable(d)).Should().Be(next, "{0}: next available {1}", what, d);
                Outcome(() => table.PreviousAvailable(d)).Should().Be(previous, "{0}: previous available {1}", what, d);
                if (d < 0 || rng.Next(3) != 0) continue;
                int n = rng.Next(1, rng.Next(10) == 0 ? 700 : 40);
                if (int.TryParse(next, out int s))
                {
                    Outcome(() => table.Advance(s, n)).Should().Be(Outcome(() => source.Advance(s, n)), "{0}: advance {1} by {2}", what, s, n);
                }

                // A finish whose previous day works, as the leveler asks.
                if (preceding >= 0 && working[preceding] is int l)
                {
                    string expected = Outcome(() => source.Retreat(l + 1, n));
                    string actual = Outcome(() => table.Retreat(l + 1, n));
                    // Short of days: a task time says how many are missing, negated; the table (and the axis) one less.
                    if (shortByOne && int.TryParse(expected, out int e) && e < 0) expected = (e - 1).ToString(CultureInfo.InvariantCulture);
                    actual.Should().Be(expected, "{0}: retreat {1} by {2}", what, l + 1, n);
                }
            }
        }

        [Fact]
        public void A_program_task_time_is_tabulated_as_it_answers_itself()
        {
            Gen.Select(Gen.Int[0, 3], Gen.Int).Sample((where, seed) =>
            {
                var rng = new Random(seed);
                var start = where == 0 ? new CalendarDate(CalendarDate.MaxValue.DayNumber - rng.Next(30, 900)) : new CalendarDate(739_000 + rng.Next(0, 3000));
                var time = Time(start, rng);
                int days = 1200;
                var fast = new Engine.CalendarTable(time, limit: rng.Next(2) == 0 ? 64 : Engine.CalendarTable.DefaultLimit);
                var slow = new Engine.CalendarTable(new DayByDay(time), limit: Engine.CalendarTable.DefaultLimit);
                Compare(time, fast, days, new Random(seed), "bulk", true);
                Compare(time, slow, days, new Random(seed), "day by day", true);
            }, iter: 150, threads: 1);
        }

        [Fact]
        public void A_portfolio_axis_calendar_is_tabulated_as_it_answers_itself()
        {
            Gen.Select(Gen.Int[0, 3], Gen.Int).Sample((where, seed) =>
            {
                var rng = new Random(seed);
                var start = where == 0 ? new CalendarDate(CalendarDate.MaxValue.DayNumber - rng.Next(30, 900)) : new CalendarDate(739_000 + rng.Next(0, 3000));
                var time = Time(start, rng);
                var origin = start.AddDays(-rng.Next(0, 60));
                var axis = new AxisCalendar(time.Program, time.IsProgramTime ? null : time, origin);
                var fast = new Engine.CalendarTable(axis);
                var slow = new Engine.CalendarTable(new DayByDay(axis));
                Compare(axis, fast, 1200, new Random(seed), "bulk", false);
                Compare(axis, slow, 1200, new Random(seed), "day by day", false);
            }, iter: 150, threads: 1);
        }

        [Fact]
        public void A_table_over_a_long_horizon_costs_a_fifth_of_a_byte_a_day()
        {
            var time = Time(new CalendarDate(739_000), new Random(7));
            var table = new Engine.CalendarTable(time);
            table.NextAvailable(40_000);
            // Bits and one rank per 64 days, in four-byte words: 3/64 of a word a day.
            table.TabulatedDays.Should().BeLessThanOrEqualTo(3L * 65_536 / 64 + 4);
        }
    }
}
