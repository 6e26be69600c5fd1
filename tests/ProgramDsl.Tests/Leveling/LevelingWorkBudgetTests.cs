using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// The leveler's budget counted in work (tasks placed and days scanned), not schedules: deterministic, bounded on
    /// every plan, and reported through the progress callback.
    /// </summary>
    public class LevelingWorkBudgetTests
    {
        /// <summary>
        /// Two half-time people, a four-unit pool, tasks of 3–40 days with lags and leads: a plan whose search never
        /// meets its lower bound. The 200-task version took 25–37 s with the budget in schedules (5,000 of them).
        /// </summary>
        private static string Contended(int tasks, int seed = 3)
        {
            var random = new Random(seed);
            var sb = new StringBuilder();
            sb.Append(" person ana \"Ana\" { vacation 2027-03-01..2027-03-12 }\n person ben \"Ben\"\n resource gpu \"GPU\" { capacity 4 }\n");
            string[] kinds = { "", "", " ss+2d", " fs+3d", " ff+1d", " fs-1d" };
            for (int i = 0; i < tasks; i++)
            {
                int days = random.Next(3, 41);
                double who = random.NextDouble();
                string assign = who < 0.35 ? "assign ana 50%" : who < 0.7 ? "assign ben 50%" : who < 0.8 ? "assign ana, ben 50%" : "";
                var body = new List<string> { (assign.Length > 0 ? "effort " : "duration ") + days + "d" };
                if (assign.Length > 0) body.Add(assign);
                if (random.NextDouble() < 0.5) body.Add("uses gpu " + random.Next(1, 5));
                var after = new SortedDictionary<int, string>();
                int count = i == 0 ? 0 : random.Next(0, 4);
                for (int k = 0; k < count; k++)
                {
                    int j = random.Next(Math.Max(0, i - 30), i);
                    if (!after.ContainsKey(j)) after[j] = kinds[random.Next(kinds.Length)];
                }

                if (after.Count > 0) body.Add("after " + string.Join(", ", after.Select(p => "t" + p.Key + p.Value)));
                sb.Append(" task t").Append(i).Append(" { ").Append(string.Join("  ", body)).Append(" }\n");
            }

            return sb.ToString();
        }

        [Fact]
        public void The_default_budget_stops_the_search_of_a_plan_that_took_half_a_minute_by_its_work()
        {
            var schedule = Schedule(Contended(200));

            schedule.LevelingWork.Should().BeGreaterThan(RcpspSolver.NormalWork * 9 / 10, "the search never meets its bound, so it runs to the budget");
            // One justified schedule of this plan is well under a million units: the search stops when the next one
            // and the result's decodings would not fit.
            schedule.LevelingWork.Should().BeLessThan(RcpspSolver.NormalWork + 1_000_000);
            schedule.LevelingSchedules.Should().BeLessThan(5_000, "the budget in schedules (5,000 here) is no longer what stops it");
        }

        [Fact]
        public void A_search_stopped_by_its_work_gives_the_same_schedule_every_time()
        {
            var options = new ScheduleOptions { Seed = 11, MaxWork = 20_000_000 };
            var first = Schedule(Contended(120), options);
            var second = Schedule(Contended(120), new ScheduleOptions { Seed = 11, MaxWork = 20_000_000 });

            first.LevelingWork.Should().BeInRange(18_000_000, 21_000_000);
            second.LevelingWork.Should().Be(first.LevelingWork);
            second.LevelingSchedules.Should().Be(first.LevelingSchedules);
            second.Tasks.Select(t => (t.Start, t.Finish)).Should().Equal(first.Tasks.Select(t => (t.Start, t.Finish)));
        }

        [Fact]
        public void A_smaller_work_cap_tries_fewer_schedules()
        {
            var small = Schedule(Contended(120), new ScheduleOptions { MaxWork = 5_000_000 });
            var large = Schedule(Contended(120), new ScheduleOptions { MaxWork = 20_000_000 });

            small.LevelingSchedules.Should().BeLessThan(large.LevelingSchedules);
            small.LevelingWork.Should().BeLessThan(large.LevelingWork);
            small.FinishIndex.Should().BeGreaterThanOrEqualTo(large.FinishIndex, "the longer search keeps the best of more schedules (same seed, same start)");
        }

        [Fact]
        public void Explicit_schedules_stay_exact_while_the_work_lasts()
        {
            var schedule = Schedule(Contended(40), new ScheduleOptions { Schedules = 300 });

            schedule.LevelingSchedules.Should().Be(300);
            schedule.LevelingWork.Should().BeLessThan(RcpspSolver.MaxEffortWork);
        }

        [Fact]
        public void One_persons_long_queue_costs_work_in_proportion_to_its_tasks()
        {
            // Independent tasks on one person: each waits behind all the earlier ones. Stepping over the booked days
            // one at a time made a schedule quadratic (20,000 tasks: about 10^9 days scanned); a booked run is passed
            // in one step now, so the work per task stays small whatever the queue's length.
            foreach (int n in new[] { 2_000, 8_000 })
            {
                var sb = new StringBuilder(" person ana \"Ana\"\n");
                for (int i = 0; i < n; i++) sb.Append(" task t").Append(i).Append(" { effort ").Append(1 + i % 5).Append("d  assign ana }\n");
                var schedule = Schedule(sb.ToString());

                schedule.FinishIndex.Should().Be(Enumerable.Range(0, n).Sum(i => 1 + i % 5), "one task after another");
                (schedule.LevelingWork / (double)schedule.LevelingSchedules / n).Should().BeLessThan(200, n + " tasks: work per task and schedule");
            }
        }

        [Fact]
        public void The_search_reports_its_work_against_the_budget()
        {
            var reports = new List<StageProgress>();
            var schedule = Schedule(Contended(60), new ScheduleOptions { MaxWork = 3_000_000, Progress = new Recorder(reports) });

            reports.Should().NotBeEmpty();
            reports.Should().OnlyContain(r => r.Stage == ProgressStage.Leveling && r.Total == 3_000_000 && r.Done <= r.Total);
            reports.Select(r => r.Done).Should().BeInAscendingOrder();
            reports.Last().Done.Should().BeGreaterThan(2_700_000, "the search ran to its budget");
            schedule.LevelingWork.Should().BeInRange(2_700_000, 3_150_000);
        }

        [Fact]
        public void Progress_reports_do_not_change_the_schedule()
        {
            var with = Schedule(Contended(60), new ScheduleOptions { MaxWork = 3_000_000, Progress = new Recorder(new List<StageProgress>()) });
            var without = Schedule(Contended(60), new ScheduleOptions { MaxWork = 3_000_000 });

            with.Tasks.Select(t => t.Start).Should().Equal(without.Tasks.Select(t => t.Start));
            with.LevelingSchedules.Should().Be(without.LevelingSchedules);
        }

        [Fact]
        public void A_time_limit_keeps_the_best_schedule_found_in_time()
        {
            // A generous limit on a search the work budget stops first: the same schedule as without it.
            var limited = Schedule(Contended(40), new ScheduleOptions { TimeLimit = TimeSpan.FromMinutes(10) });
            var unlimited = Schedule(Contended(40));

            limited.Tasks.Select(t => t.Start).Should().Equal(unlimited.Tasks.Select(t => t.Start));

            // A limit already passed: the search stops after the first schedule, which is still a valid one.
            var rushed = Schedule(Contended(40), new ScheduleOptions { TimeLimit = TimeSpan.FromTicks(1) });
            rushed.LevelingSchedules.Should().BeLessThan(unlimited.LevelingSchedules);
            rushed.FinishIndex.Should().BeGreaterThanOrEqualTo(unlimited.FinishIndex);
        }

        [Fact]
        public void A_decoding_is_charged_per_activity_per_precedence_and_per_resource_day()
        {
            // a0: 2 days on r0; a1: 3 days on r0 and r1; a2: 4 days on nothing, after a0 and a1. Nothing conflicts.
            var builder = new RcpspBuilder();
            int r0 = builder.AddResource(2), r1 = builder.AddResource(2);
            int a0 = builder.AddActivity(2), a1 = builder.AddActivity(3), a2 = builder.AddActivity(4);
            builder.AddDemand(a0, r0, 1);
            builder.AddDemand(a1, r0, 1);
            builder.AddDemand(a1, r1, 1);
            builder.AddPrecedence(a0, a2);
            builder.AddPrecedence(a1, a2);
            var engine = new Engine(builder.Build());
            engine.ActivityWork.Should().Be(Engine.BaseActivityWork, "a small plan");

            long before = engine.Work;
            engine.Forward(new[] { a0, a1, a2 });
            // Three placements; a2's window examines two precedences; the conflict check and the booking each scan
            // a0's 2 days on one resource and a1's 3 days on two.
            engine.Work.Should().Be(before + 3 * Engine.BaseActivityWork + 2 + 2 * (2 * 1) + 2 * (3 * 2));

            before = engine.Work;
            engine.Forward(new[] { a1, a0, a2 });
            engine.Work.Should().Be(before + 8 + 3 * Engine.BaseActivityWork + 2 + 2 * (2 * 1) + 2 * (3 * 2), "releasing the previous bookings scans their days too");

            // An ordering by a heap: log2 n steps (2 bits for 3 activities) per activity and one per precedence.
            before = engine.Work;
            engine.TopologicalOrder(new long[] { 3, 2, 1 });
            engine.Work.Should().Be(before + 3 * 2 + 2);
        }

        [Theory]
        [InlineData(1, 0)]
        [InlineData(4_096, 0)]
        [InlineData(8_191, 0 + 15 * 15 / 16)]
        [InlineData(8_192, 15)]
        [InlineData(16_384, 30)]
        [InlineData(100_000, 67)]
        [InlineData(1_000_000, 118)]
        public void A_placement_costs_more_units_on_plans_beyond_the_cached_size(int activities, int extra)
        {
            Engine.SizeWork(activities).Should().Be(extra);
        }

        [Fact]
        public void The_size_charge_grows_with_the_plan_and_never_falls()
        {
            int previous = 0;
            for (int n = 1; n <= 4_000_000; n += 1 + n / 7)
            {
                int charge = Engine.SizeWork(n);
                charge.Should().BeGreaterThanOrEqualTo(previous, n + " activities");
                previous = charge;
            }

            previous.Should().BeGreaterThan(100);
        }

        [Fact]
        public void A_large_plan_whose_first_schedule_uses_the_budget_stops_after_it_and_reuses_it_as_the_result()
        {
            // 5,000 tasks (beyond the cached size): with a budget smaller than one decoding the search is the first
            // priority-rule schedule alone, decoded once (with its explanation) plus the late pass, and no justification.
            var plan = Chains(5_000);
            var minimal = Schedule(plan, new ScheduleOptions { MaxWork = 1 });
            minimal.LevelingSchedules.Should().Be(1);

            // Budgets of a few decodings: the budget stops the search (not the cap of 2,000,000 placements, 400
            // decodings here), and the work stays within it but for the result's late pass, about one decoding.
            long decoding = minimal.LevelingWork / 2;
            foreach (long budget in new[] { 4 * decoding, 10 * decoding })
            {
                var schedule = Schedule(plan, new ScheduleOptions { MaxWork = budget });
                schedule.LevelingSchedules.Should().BeGreaterThan(1).And.BeLessThan(12);
                schedule.LevelingWork.Should().BeLessThanOrEqualTo(budget + decoding + decoding / 4);
                schedule.FinishIndex.Should().BeLessThanOrEqualTo(minimal.FinishIndex);
            }
        }

        [Fact]
        public void The_search_leaves_room_in_its_budget_for_the_result()
        {
            foreach (long budget in new[] { 3_000_000L, 20_000_000L })
            {
                var schedule = Schedule(Contended(120), new ScheduleOptions { MaxWork = budget });
                schedule.LevelingWork.Should().BeLessThanOrEqualTo(budget + budget / 20, "a decoding starts only with room for it and the result's pass");
                schedule.LevelingWork.Should().BeGreaterThan(budget * 8 / 10, "the search uses its budget");
            }
        }

        /// <summary>Ten people and chains of ten tasks of 1–20 days, each on one of them, with links back across chains.</summary>
        private static string Chains(int tasks)
        {
            var random = new Random(5);
            var sb = new StringBuilder();
            for (int p = 0; p < 10; p++) sb.Append(" person p").Append(p).Append(" \"P\"\n");
            for (int i = 0; i < tasks; i++)
            {
                sb.Append(" task t").Append(i).Append(" { effort ").Append(random.Next(1, 21)).Append("d  assign p").Append(random.Next(10));
                var after = new List<string>();
                if (i % 10 != 0) after.Add("t" + (i - 1));
                if (i >= 50 && random.NextDouble() < 0.2) after.Add("t" + (i - 50 + random.Next(40)));
                if (after.Count > 0) sb.Append("  after ").Append(string.Join(", ", after));
                sb.Append(" }\n");
            }

            return sb.ToString();
        }

        /// <summary>Records reports synchronously (Progress&lt;T&gt; would post them to a thread pool).</summary>
        private sealed class Recorder : IProgress<StageProgress>
        {
            private readonly List<StageProgress> _reports;

            public Recorder(List<StageProgress> reports) => _reports = reports;

            public void Report(StageProgress value) => _reports.Add(value);
        }
    }
}

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// The work ceiling: a plan whose every leveled schedule costs more than the leveler may spend (long tasks booked
    /// day by day) is scheduled unleveled with one TPM2007, instead of running for minutes.
    /// </summary>
    public class LevelingWorkCeilingTests
    {
        // Two people with different calendars (a vacation) share a pool: their bookings cannot be kept as steps.
        private const string LongTasks =
            " person a { vacation 2027-02-01..2027-02-05 }\n person b\n resource g { capacity 10 }\n" +
            " task t0 { duration 4000d  assign a 10%  uses g }\n task t1 { duration 4000d  assign b 10%  uses g }\n" +
            " task t2 { duration 4000d  assign a 10%  uses g }\n task t3 { duration 4000d  assign b 10%  uses g }\n";

        private static TpmProgram Compile(long? ceiling) => TpmProgram.Parse("program p {\n start 2027-01-04\n" + LongTasks + "}\n", "plan.tpm",
            new TpmCompileOptions { Scheduling = new ScheduleOptions { WorkCeiling = ceiling } });

        [Fact]
        public void Past_the_ceiling_the_plan_is_scheduled_unleveled_with_one_warning()
        {
            var leveled = Compile(null);
            leveled.Diagnostics.Should().BeEmpty();
            leveled.Schedule!.LevelingWork.Should().BeGreaterThan(20_000, "each task books thousands of days one by one");

            var stopped = Compile(20_000);

            var d = stopped.Diagnostics.Should().ContainSingle().Subject;
            (d.Code, d.Location!.Value.Start.Line).Should().Be(("TPM2007", 1));
            d.Message.Should().MatchRegex(@"^leveling stopped: one leveled schedule of program 'p' needs more than [0-9,]+ work units \(resources booked day by day over very long spans\); the schedule is not leveled and its over-allocations are reported$");
            stopped.Schedule.Should().NotBeNull();
            stopped.Schedule!.IsLeveled.Should().BeFalse();
            // The same tasks, at the dates the leveled schedule gives them (nothing here conflicts), with no leveling work recorded.
            stopped.Schedule.Tasks.Select(t => t.Start).Should().Equal(leveled.Schedule.Tasks.Select(t => t.Start));
            leveled.Schedule.IsLeveled.Should().BeTrue();
        }
    }
}
