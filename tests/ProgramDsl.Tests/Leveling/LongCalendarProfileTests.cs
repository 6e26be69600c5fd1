using System.Linq;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// The leveler's resource profile on plans whose work lies millions of days apart (0001..9999): its memory follows
    /// the days booked, not the span between them, and the work it counts is what it was with per-day arrays.
    /// </summary>
    public class LongCalendarProfileTests
    {
        private const int FarDay = 2_600_000;

        /// <summary>Twenty people, a 5-day task for all of them at day 0 and one at <see cref="FarDay"/>, then a clash that waits.</summary>
        private static Engine BothEnds(out int[] list)
        {
            var builder = new RcpspBuilder();
            for (int r = 0; r < 20; r++) builder.AddResource(1);
            int first = builder.AddActivity(5);
            int last = builder.AddActivity(5, release: FarDay);
            int clash = builder.AddActivity(3, release: FarDay);
            for (int r = 0; r < 20; r++)
            {
                builder.AddDemand(first, r, 1);
                builder.AddDemand(last, r, 1);
                builder.AddDemand(clash, r, 1);
            }

            list = new[] { first, last, clash };
            return new Engine(builder.Build());
        }

        [Fact]
        public void Work_at_both_ends_of_the_calendar_tabulates_the_booked_days_not_the_span()
        {
            var engine = BothEnds(out var list);
            var schedule = engine.Forward(list);

            schedule.Start.Should().Equal(0, FarDay, FarDay + 5);
            schedule.Makespan.Should().Be(FarDay + 8);

            // Pages of 4,096 days: two pages per person at most for each end, usage and the skip tables included; a
            // table over the span would hold 20 × 2.6 million days.
            engine.TabulatedDays.Should().BeLessThanOrEqualTo(20L * 3 * 2 * 2 * 4096);
        }

        [Fact]
        public void Many_people_on_one_task_hold_tables_of_their_booked_days_only()
        {
            // 20,000 people on one 5-day task, each also listed twice (the builder merges a repeat by lookup).
            const int people = 20_000;
            var builder = new RcpspBuilder();
            for (int r = 0; r < people; r++) builder.AddResource(2);
            int task = builder.AddActivity(5);
            for (int r = 0; r < people; r++) builder.AddDemand(task, r, 1);
            for (int r = 0; r < people; r++) builder.AddDemand(task, r, 1);
            var problem = builder.Build();
            var engine = new Engine(problem);

            var schedule = engine.Forward(new[] { task });

            schedule.Makespan.Should().Be(5, "each person's two units fit the capacity of 2");
            // A table starts at 64 days and doubles: a first allocation of a 4,096-day page per table held 20,000 × 3
            // pages (about 1 GB at 100,000 people).
            engine.TabulatedDays.Should().BeLessThanOrEqualTo(people * 3L * 64);
        }

        [Fact]
        public void The_work_counted_is_per_day_scanned_and_a_far_day_costs_FarDayWork()
        {
            var engine = BothEnds(out var list);
            engine.Forward(list);

            // One ActivityWork per activity; each day checked or booked costs one unit per resource it touches (20):
            // first checks 5 and books 5 near day 0, one unit each; last checks 5 and books 5, clash checks 3 and books
            // 3 after its conflict on FarDay and the full days after it, all past the dense range, so FarDayWork each.
            // The conflict and the full days cost 31 units before far days were charged at their cost: 25 of them
            // far days, 6 one unit each (1,035 more units in all = 3 × 345 far charges). Days below the dense range
            // cost what the per-day arrays counted (checked against that engine), so budgets on ordinary plans stop
            // searches where they did.
            engine.Work.Should().Be(3 * engine.ActivityWork + 20 * (5 + 5) + Engine.FarDayWork * (20 * (5 + 5 + 3 + 3) + 25) + 6);
        }

        [Fact]
        public void A_day_below_the_dense_range_costs_one_unit_and_a_day_past_it_FarDayWork()
        {
            int near = Engine.DayTable.DenseLimit - 10;
            long Work(int release)
            {
                var builder = new RcpspBuilder();
                for (int r = 0; r < 3; r++) builder.AddResource(1);
                int t = builder.AddActivity(5, release: release);
                for (int r = 0; r < 3; r++) builder.AddDemand(t, r, 1);
                var engine = new Engine(builder.Build());
                engine.Forward(new[] { t });
                return engine.Work - engine.ActivityWork;
            }

            // Checked and booked: 5 days × 3 resources, twice, and one unit that does not depend on the day.
            long near0 = Work(0);
            near0.Should().Be(31);
            Work(near - 100).Should().Be(near0, "every day below the dense range costs the same");
            Work(Engine.DayTable.DenseLimit).Should().Be(1 + 30 * Engine.FarDayWork);
            Work(Engine.DayTable.DenseLimit - 2).Should().Be(1 + 2 * 6 + 3 * 6 * Engine.FarDayWork, "two days below the limit, three past it");
        }

        [Fact]
        public void A_task_as_long_as_the_calendar_tabulates_its_own_days_once_per_person_and_repeats_the_same_schedule()
        {
            var builder = new RcpspBuilder();
            for (int r = 0; r < 3; r++) builder.AddResource(1);
            int t = builder.AddActivity(FarDay);
            for (int r = 0; r < 3; r++) builder.AddDemand(t, r, 1);
            var engine = new Engine(builder.Build());

            var once = engine.Forward(new[] { t });
            long tabulated = engine.TabulatedDays;
            var twice = engine.Forward(new[] { t });

            twice.Finish.Should().Equal(once.Finish);
            once.Makespan.Should().Be(FarDay);
            tabulated.Should().BeLessThanOrEqualTo(3L * (FarDay + 4096), "only the usage pages of the booked days exist: nothing is ever full");
            engine.TabulatedDays.Should().Be(tabulated, "a second decoding reuses the pages");
        }
    }
}

namespace ProgramDsl.Tests.Leveling
{
    using System;
    using System.Collections.Generic;
    using ProgramDsl.Scheduling;
    using ProgramDsl.Semantics;

    /// <summary>
    /// The leveler's calendar tables stop at a limit and answer later days from the calendar itself: the answers must be
    /// those of a table without a limit, near the end of the calendar too.
    /// </summary>
    public class CalendarTableLimitTests
    {
        private static TaskTime PartTime(CalendarDate start)
        {
            var holidays = new List<DateRange>();
            var vacations = new List<DateRange>();
            for (int i = 0; i < 40; i++)
            {
                var h = new CalendarDate(start.DayNumber + 37 * i + 3);
                holidays.Add(new DateRange(h, h));
                var v = new CalendarDate(start.DayNumber + 53 * i + 10);
                vacations.Add(new DateRange(v, new CalendarDate(v.DayNumber + i % 9)));
            }

            var program = new WorkingCalendar(start, WeekdaySet.MondayToFriday, holidays);
            var own = new WorkingCalendar(start, new WeekdaySet(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday }), holidays.Concat(vacations));
            return new TaskTime(program, own);
        }

        private static string Outcome(Func<int> query)
        {
            try
            {
                return query().ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (CalendarRangeException)
            {
                return "past the calendar";
            }
        }

        [Theory]
        [InlineData("2027-01-04", 1500)]
        [InlineData("9998-06-01", 600)]
        public void Answers_past_the_limit_equal_those_of_a_table_without_one(string start, int days)
        {
            CalendarDate.TryParse(start, out var date).Should().BeTrue();
            var limited = new Engine.CalendarTable(PartTime(date), limit: 64);
            var full = new Engine.CalendarTable(PartTime(date), limit: int.MaxValue);
            for (int d = 0; d < days; d++)
            {
                Outcome(() => limited.NextAvailable(d)).Should().Be(Outcome(() => full.NextAvailable(d)), "next available {0}", d);
                Outcome(() => limited.NextAvailableOrEnd(d)).Should().Be(Outcome(() => full.NextAvailableOrEnd(d)), "next or end {0}", d);
                Outcome(() => limited.PreviousAvailable(d)).Should().Be(Outcome(() => full.PreviousAvailable(d)), "previous available {0}", d);
                foreach (int n in new[] { 1, 2, 7, 30 })
                {
                    Outcome(() => limited.Advance(full.NextAvailable(d), n)).Should().Be(Outcome(() => full.Advance(full.NextAvailable(d), n)), "advance {0} by {1}", d, n);
                    Outcome(() => limited.Retreat(d, n)).Should().Be(Outcome(() => full.Retreat(d, n)), "retreat {0} by {1}", d, n);
                }
            }

            limited.TabulatedDays.Should().BeLessThan(3 * 64 + 64);
        }
    }
}
