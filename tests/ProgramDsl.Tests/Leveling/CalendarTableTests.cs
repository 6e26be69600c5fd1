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
        public void A_day_on_the_last_page_before_int_MaxValue_has_no_next_working_day()
        {
            // Past the tabulated days the table pages the calendar by 4,096 days; the last page ends past int.MaxValue,
            // the "no more working days" answer, which once looped there for ever and marked int.MaxValue as working.
            var start = new CalendarDate(CalendarDate.MaxValue.DayNumber - 200);
            var program = new WorkingCalendar(start, Weekdays(0b0111110), Array.Empty<DateRange>());
            var own = new WorkingCalendar(start, Weekdays(0b0001010), Array.Empty<DateRange>());
            var time = new TaskTime(program, own);
            var table = new Engine.CalendarTable(time, limit: 64);
            table.NextAvailableOrEnd(int.MaxValue - 100).Should().Be(int.MaxValue);
            Outcome(() => table.NextAvailable(int.MaxValue - 1)).Should().Be("past the calendar");
            Outcome(() => table.NextAvailable(100)).Should().Be(Outcome(() => time.NextAvailable(100)));
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

    /// <summary>
    /// Calendar tables against a calendar given as an explicit list of days, queried in random order: tiny limits,
    /// last working days at a 64-day word's edge, no working day at all, finishes millions of days away, a calendar
    /// that fails past its end and a bulk filler that fails part way.
    /// </summary>
    public class CalendarTableAdversarialTests
    {
        /// <summary>How the calendar's bulk filler behaves.</summary>
        private enum Filler
        {
            None,
            Exact,
            FailsPastLast,
            FailsHalfway,
        }

        /// <summary>Working days as a flag per day below <see cref="Horizon"/>, none after.</summary>
        private class ListCalendar : IActivityCalendar
        {
            private readonly bool[] _work;
            private readonly int[] _rank; // working days before d
            private readonly List<int> _days = new List<int>();
            private readonly bool _previousFailsPastHorizon;

            public ListCalendar(bool[] work, bool previousFailsPastHorizon)
            {
                _work = work;
                _previousFailsPastHorizon = previousFailsPastHorizon;
                _rank = new int[work.Length + 1];
                for (int d = 0; d < work.Length; d++)
                {
                    _rank[d + 1] = _rank[d] + (work[d] ? 1 : 0);
                    if (work[d]) _days.Add(d);
                }
            }

            public int Horizon => _work.Length;

            public int Last => _days.Count == 0 ? -1 : _days[_days.Count - 1];

            public int Rank(long day) => day <= 0 ? 0 : day >= _work.Length ? _days.Count : _rank[day];

            public bool Works(int day) => day >= 0 && day < _work.Length && _work[day];

            public int NextAvailable(int day)
            {
                int k = Rank(Math.Max(0, day));
                if (k >= _days.Count) throw new CalendarRangeException();
                return _days[k];
            }

            public int PreviousAvailable(int day)
            {
                if (day < 0) return -1;
                if (_previousFailsPastHorizon && day >= _work.Length) throw new CalendarRangeException();
                int k = Rank((long)day + 1) - 1;
                return k < 0 ? -1 : _days[k];
            }

            public int Advance(int start, int days)
            {
                long k = (long)Rank(start) + days - 1;
                if (k >= _days.Count) throw new CalendarRangeException();
                return _days[(int)k] + 1;
            }

            public int Retreat(int finish, int days)
            {
                int k = Rank(finish) - days;
                return k < 0 ? k : _days[k];
            }
        }

        private sealed class MarkingCalendar : ListCalendar, IWorkingDayMarker
        {
            private readonly Filler _filler;

            public MarkingCalendar(bool[] work, bool previousFails, Filler filler)
                : base(work, previousFails) => _filler = filler;

            public void MarkWorkingDays(int from, int to, ulong[] bits)
            {
                int stop = to;
                if (_filler == Filler.FailsHalfway && to - from > 1) stop = from + (to - from) / 2;
                for (int d = Math.Max(0, from); d < stop; d++)
                {
                    if (Works(d)) bits[d >> 6] |= 1UL << (d & 63);
                }

                if (_filler == Filler.FailsHalfway && to - from > 1) throw new CalendarRangeException();
                if (_filler == Filler.FailsPastLast && to > Last + 1) throw new CalendarRangeException();
            }
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

        private static int Edge(Random rng, int near) => Math.Max(0, near + rng.Next(-2, 3));

        private static ListCalendar Calendar(Random rng, out string shape)
        {
            int[] horizons = { 1, 63, 64, 65, 255, 256, 257, 4096, 4097, 65_535, 65_536, 65_537, 65_536 + 4096, 200_000, 2_500_000 };
            int horizon = horizons[rng.Next(horizons.Length)] + rng.Next(0, 3) - 1;
            horizon = Math.Max(1, horizon);
            var work = new bool[horizon];
            int mask = rng.Next(0, 128);
            for (int d = 0; d < horizon; d++) work[d] = (mask >> (d % 7) & 1) != 0;
            for (int i = rng.Next(0, 6); i > 0; i--)
            {
                int from = rng.Next(horizon);
                int length = rng.Next(5) == 0 ? rng.Next(horizon) : rng.Next(0, 130);
                for (int d = from; d < Math.Min(horizon, from + length); d++) work[d] = false;
            }

            // A last working day at a word's edge, or a single working day.
            int kind = rng.Next(4);
            if (kind == 0)
            {
                int edge = Math.Min(horizon - 1, Edge(rng, 64 * rng.Next(1, Math.Max(2, horizon / 64))));
                for (int d = edge + 1; d < horizon; d++) work[d] = false;
                work[edge] = true;
            }
            else if (kind == 1 && rng.Next(3) == 0)
            {
                Array.Clear(work, 0, horizon);
                if (rng.Next(2) == 0) work[Math.Min(horizon - 1, Edge(rng, 64 * rng.Next(0, 5)))] = true;
            }

            bool previousFails = rng.Next(2) == 0;
            var filler = (Filler)rng.Next(4);
            shape = string.Format(CultureInfo.InvariantCulture, "horizon {0}, mask {1}, kind {2}, previous fails {3}, filler {4}", horizon, mask, kind, previousFails, filler);
            return filler == Filler.None ? new ListCalendar(work, previousFails) : new MarkingCalendar(work, previousFails, filler);
        }

        private static int Day(Random rng, ListCalendar calendar, int limit)
        {
            switch (rng.Next(9))
            {
                case 0: return Edge(rng, limit);
                case 1: return Edge(rng, calendar.Last);
                case 2: return Edge(rng, calendar.Horizon);
                case 3: return Edge(rng, 64 * rng.Next(0, 2000));
                case 4: return Edge(rng, Engine.CalendarTable.DefaultLimit);
                case 5: return rng.Next(0, 300);
                case 6: return rng.Next(10) == 0 ? int.MaxValue - 1 - rng.Next(0, 10_000) : rng.Next(0, calendar.Horizon + 5000);
                default: return rng.Next(0, calendar.Horizon + 10);
            }
        }

        private static int Count(Random rng)
        {
            switch (rng.Next(5))
            {
                case 0: return rng.Next(1, 5);
                case 1: return 64 + rng.Next(-2, 3);
                case 2: return rng.Next(1, 3_000_000);
                case 3: return rng.Next(10) == 0 ? int.MaxValue - rng.Next(0, 3) : rng.Next(1, 70_000);
                default: return rng.Next(1, 400);
            }
        }

        [Fact]
        public void A_table_answers_as_its_calendar_in_any_order()
        {
            int[] limits = { 1, 2, 63, 64, 65, 256, 4096, Engine.CalendarTable.DefaultLimit };
            for (int seed = 0; seed < 300; seed++)
            {
                var rng = new Random(seed);
                var calendar = Calendar(rng, out string shape);
                int limit = limits[rng.Next(limits.Length)];
                Engine.CalendarTable table;
                try
                {
                    table = new Engine.CalendarTable(calendar, limit);
                }
                catch (Exception ex)
                {
                    throw new InvalidOperationException("seed " + seed + ", " + shape + ": construction failed", ex);
                }

                string what = string.Format(CultureInfo.InvariantCulture, "seed {0}, limit {1}, {2}", seed, limit, shape);
                for (int q = 0; q < 300; q++)
                {
                    int day = Day(rng, calendar, limit);
                    switch (rng.Next(5))
                    {
                        case 0:
                            Outcome(() => table.NextAvailable(day)).Should().Be(Outcome(() => calendar.NextAvailable(day)), "{0}: next available {1}", what, day);
                            break;
                        case 1:
                        {
                            string expected = Outcome(() => calendar.NextAvailable(day));
                            if (expected == "past the calendar") expected = int.MaxValue.ToString(CultureInfo.InvariantCulture);
                            Outcome(() => table.NextAvailableOrEnd(day)).Should().Be(expected, "{0}: next available or end {1}", what, day);
                            break;
                        }

                        case 2:
                        {
                            // Past the horizon the previous working day is the calendar's last.
                            int k = calendar.Rank((long)day + 1) - 1;
                            string expected = (k < 0 ? -1 : SelectDay(calendar, k)).ToString(CultureInfo.InvariantCulture);
                            Outcome(() => table.PreviousAvailable(day)).Should().Be(expected, "{0}: previous available {1}", what, day);
                            break;
                        }

                        case 3:
                        {
                            if (!calendar.Works(day)) break;
                            int n = Count(rng);
                            Outcome(() => table.Advance(day, n)).Should().Be(Outcome(() => calendar.Advance(day, n)), "{0}: advance {1} by {2}", what, day, n);
                            break;
                        }

                        default:
                        {
                            if (!calendar.Works(day)) break;
                            int n = Count(rng);
                            int k = calendar.Rank((long)day + 1) - n;
                            string expected = (k < 0 ? k - 1 : SelectDay(calendar, k)).ToString(CultureInfo.InvariantCulture);
                            Outcome(() => table.Retreat(day + 1, n)).Should().Be(expected, "{0}: retreat {1} by {2}", what, day + 1, n);
                            break;
                        }
                    }
                }
            }
        }

        private static int SelectDay(ListCalendar calendar, int k) => calendar.Advance(calendar.NextAvailable(0), k + 1) - 1;
    }
}
