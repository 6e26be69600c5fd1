using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// Long bookings (issue 11): a window over <see cref="Engine.LongSpan"/> days is booked as a step of its resources'
    /// usage, so a task millions of days long costs a few work units, not one per day and person; the schedules are
    /// those of the day-by-day profile.
    /// </summary>
    public class LongBookingTests
    {
        private const int CalendarDays = 2_600_000;

        /// <summary>A random problem whose resources' activities share one calendar (or none), with fixed activities, lags and pools.</summary>
        private static (RcpspProblem Problem, int[] List) RandomProblem(int seed, IActivityCalendar? calendar)
        {
            var random = new Random(seed);
            var builder = new RcpspBuilder();
            int resources = 1 + random.Next(4);
            for (int r = 0; r < resources; r++) builder.AddResource(1 + random.Next(3));
            int n = 4 + random.Next(12);
            for (int a = 0; a < n; a++)
            {
                int duration = random.Next(6) == 0 ? 0 : 1 + random.Next(40);
                builder.AddActivity(duration, release: random.Next(3) == 0 ? random.Next(30) : 0, priority: 400 + random.Next(200), calendar: calendar);
                int demands = random.Next(3);
                for (int i = 0; i < demands; i++) builder.AddDemand(a, random.Next(resources), 1 + random.Next(3));
                if (a > 0 && random.Next(2) == 0)
                {
                    var type = (DependencyType)random.Next(4);
                    builder.AddPrecedence(random.Next(a), a, type, random.Next(7) - 2);
                }
            }

            // A started activity or two, at their own dates.
            if (random.Next(2) == 0) builder.Fix(0, random.Next(10));
            var problem = builder.Build();
            var list = new Engine(problem).TopologicalOrder(Enumerable.Range(0, n).Select(_ => (long)random.Next(1000)).ToArray());
            return (problem, list);
        }

        private static IActivityCalendar Weekdays()
        {
            CalendarDate.TryParse("2027-01-04", out var start).Should().BeTrue();
            var holidays = new List<DateRange>();
            for (int i = 0; i < 30; i++)
            {
                var h = new CalendarDate(start.DayNumber + 11 * i + 4);
                holidays.Add(new DateRange(h, h));
            }

            var program = new WorkingCalendar(start, WeekdaySet.MondayToFriday, holidays);
            return new TaskTime(program, program);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void Steps_give_the_schedules_of_the_day_by_day_profile(bool withCalendar)
        {
            var calendar = withCalendar ? Weekdays() : null;
            for (int seed = 1; seed <= 150; seed++)
            {
                var (problem, list) = RandomProblem(seed, calendar);
                var days = new Engine(problem, longSpan: int.MaxValue);
                foreach (int span in new[] { 0, 3, 12 })
                {
                    var steps = new Engine(problem, longSpan: span);
                    var expected = days.Forward(list);
                    var actual = steps.Forward(list);
                    actual.Start.Should().Equal(expected.Start, "forward, seed {0}, span {1}", seed, span);
                    actual.Finish.Should().Equal(expected.Finish, "forward, seed {0}, span {1}", seed, span);

                    var justifiedDays = days.Justify(expected);
                    var justifiedSteps = steps.Justify(actual);
                    (justifiedSteps is null).Should().Be(justifiedDays is null, "justify, seed {0}, span {1}", seed, span);
                    if (justifiedDays is not null) justifiedSteps!.Start.Should().Equal(justifiedDays.Start, "justify, seed {0}, span {1}", seed, span);

                    var latestDays = days.Latest(expected);
                    var latestSteps = steps.Latest(actual);
                    (latestSteps is null).Should().Be(latestDays is null, "latest, seed {0}, span {1}", seed, span);
                    if (latestDays is { } l) latestSteps!.Value.Start.Should().Equal(l.Start, "latest, seed {0}, span {1}", seed, span);
                }
            }
        }

        [Fact]
        public void A_task_as_long_as_the_calendar_costs_a_few_units_not_one_per_day_and_person()
        {
            var builder = new RcpspBuilder();
            for (int r = 0; r < 3; r++) builder.AddResource(1);
            int t = builder.AddActivity(CalendarDays);
            for (int r = 0; r < 3; r++) builder.AddDemand(t, r, 1);
            var engine = new Engine(builder.Build());

            engine.Forward(new[] { t }).Makespan.Should().Be(CalendarDays);
            long once = engine.Work;
            engine.Forward(new[] { t }).Makespan.Should().Be(CalendarDays);

            // Per day it was 3 × 2.6 million units to check, as many to book and to release (23.4 million a decoding).
            once.Should().BeLessThan(engine.ActivityWork + 100);
            (engine.Work - once).Should().BeLessThan(engine.ActivityWork + 100);
            engine.TabulatedDays.Should().BeLessThan(10_000, "no page of days is written");
        }

        [Fact]
        public void Long_tasks_on_one_person_queue_behind_each_other_and_a_short_one_waits_for_the_long_one()
        {
            var builder = new RcpspBuilder();
            int ana = builder.AddResource(1);
            int pool = builder.AddResource(2);
            int first = builder.AddActivity(900_000);
            int second = builder.AddActivity(800_000);
            int shortOne = builder.AddActivity(5);
            int wide = builder.AddActivity(500_000);
            int narrow = builder.AddActivity(400_000);
            builder.AddDemand(first, ana, 1);
            builder.AddDemand(second, ana, 1);
            builder.AddDemand(shortOne, ana, 1);
            builder.AddDemand(wide, pool, 2);
            builder.AddDemand(narrow, pool, 1);
            var engine = new Engine(builder.Build());

            var schedule = engine.Forward(new[] { first, second, shortOne, narrow, wide });

            schedule.Start[first].Should().Be(0);
            schedule.Start[second].Should().Be(900_000);
            schedule.Start[shortOne].Should().Be(1_700_000);
            schedule.Start[narrow].Should().Be(0);
            schedule.Start[wide].Should().Be(400_000, "it needs the whole pool, which the narrow task holds half of until then");
            engine.Work.Should().BeLessThan(5 * engine.ActivityWork + 200);

            var late = engine.Latest(schedule)!.Value;
            late.Finish[shortOne].Should().Be(1_700_005);
            late.Start[narrow].Should().Be(1_700_005 - 900_000, "as late as the makespan allows before the wide task");
        }

        // Three people on a task as long as the calendar from 0001, and a plan of several long tasks, a pool, effort and
        // an estimate: each command stays within its work budget.
        private const string OneLongTask = "person a \"A\"\n person b \"B\"\n person c \"C\"\n task t \"T\" { duration 2600000d  assign a, b, c }";

        private const string SeveralLongTasks =
            "person a \"A\"\n person b \"B\"\n person c \"C\"\n resource pool \"Pool\" { capacity 2 }\n" +
            " task t1 \"T1\" { duration 500000d  assign a, b }\n task t2 \"T2\" { duration 500000d  assign a, c }\n" +
            " task t3 \"T3\" { effort 900000d  assign b, c }\n task t4 \"T4\" { duration 400000d  uses pool 2 }\n" +
            " task t5 \"T5\" { duration 400000d  uses pool 1 }\n task t6 \"T6\" { estimate 100000d 200000d 400000d  assign a }\n" +
            " task s1 \"S1\" { duration 5d  assign a }\n task s2 \"S2\" { duration 5d  assign a  after t1 }";

        [Fact]
        public void The_forecast_of_a_task_as_long_as_the_calendar_runs_every_iteration_within_its_budget()
        {
            var schedule = Schedule(OneLongTask, start: "0001-01-01");
            schedule.Tasks.Single().FinishDate.ToString().Should().Be("9966-12-23");

            var guard = System.Diagnostics.Stopwatch.StartNew();
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 2_000, Seed = 1, WorkBudget = 300_000_000 });

            // Before the steps an iteration cost 23,400,032 units: a budget of 300,000,000 (the report's then) was spent after 12 iterations and
            // 64 ran (the floor there was then, past any budget) for about 8 s of CPU.
            result.WorkPerIteration.Should().BeLessThan(1_000);
            result.Iterations.Should().Be(2_000);
            result.BudgetWarning.Should().BeNull();
            guard.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "does not hang");
        }

        [Fact]
        public void Leveling_and_the_forecast_of_several_long_tasks_stay_within_their_work_budgets()
        {
            var guard = System.Diagnostics.Stopwatch.StartNew();
            var schedule = Schedule(SeveralLongTasks, start: "0001-01-01");
            schedule.LevelingWork.Should().BeGreaterThan(0).And.BeLessThan(RcpspSolver.NormalWork + 1_000_000, "the budget binds (it keeps room for the result's decodings)");

            // Nobody works on two tasks at once, and the pool holds at most two units (finishes are exclusive).
            var people = new[] { new[] { "t1", "t2", "t6", "s1", "s2" }, new[] { "t1", "t3" }, new[] { "t2", "t3" }, new[] { "t4", "t5" } };
            foreach (var ids in people)
            {
                var own = ids.Select(id => schedule.Task(id)).OrderBy(t => t.Start).ToList();
                for (int i = 1; i < own.Count; i++) own[i].Start.Should().BeGreaterThanOrEqualTo(own[i - 1].Finish, "{0} and {1} share a person or the pool", own[i - 1].Id, own[i].Id);
            }

            schedule.Task("s2").Start.Should().BeGreaterThanOrEqualTo(schedule.Task("t1").Finish);
            schedule.Task("t3").DurationDays.Should().Be(450_000, "900,000 days of effort over two people");

            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 1_000, Seed = 1 });
            ((long)result.Iterations * result.WorkPerIteration).Should().BeLessThanOrEqualTo(MonteCarloForecast.WorkBudget);
            result.Iterations.Should().Be(1_000);
            guard.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60), "does not hang");
        }
    }
}
