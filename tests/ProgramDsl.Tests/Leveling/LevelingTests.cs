using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// Hand-computed leveled schedules. Every plan starts Monday 2027-01-04; indices are program working days
    /// (0 Mon 4, 1 Tue 5, 2 Wed 6, 3 Thu 7, 4 Fri 8, 5 Mon 11, 6 Tue 12, 7 Wed 13, 8 Thu 14, 9 Fri 15, 10 Mon 18).
    /// The plans are built so that the shortest schedule is unique (no answer depends on how ties are broken),
    /// except where the tie-break itself (priority) is the subject.
    /// </summary>
    public class LevelingTests
    {
        [Fact]
        public void Leveling_is_on_by_default_and_serialises_one_persons_tasks()
        {
            var s = Schedule("person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 4d  assign ana  after x }\n task x { duration 1d }");
            s.IsLeveled.Should().BeTrue();
            s.LevelingSchedules.Should().BeGreaterThan(0);

            // x [0,1); b needs x, a does not. Either a [0,3) b [3,7) (finish 7) or b [1,5) a [5,8) (finish 8): a first.
            s.Span("a").Should().Be((0, 3));
            s.Span("b").Should().Be((3, 7));
            s.FinishIndex.Should().Be(7);
            s.FinishDate.Should().Be(D("2027-01-12"));
        }

        [Fact]
        public void Two_tasks_on_one_person_the_one_with_a_long_successor_goes_first()
        {
            // Declaration order would put a [0,2), b [2,5), c [5,10): finish 10. b first gives b [0,3), a [3,5), c [3,8): finish 8.
            var s = Schedule("person ana \"Ana\"\n task a { duration 2d  assign ana }\n task b { duration 3d  assign ana }\n task c { duration 5d  after b }");
            s.Span("b").Should().Be((0, 3));
            s.Span("a").Should().Be((3, 5));
            s.Span("c").Should().Be((3, 8));
            s.FinishIndex.Should().Be(8);
            s.FinishDate.Should().Be(D("2027-01-13"));
            s.Task("a").StartDate.Should().Be(D("2027-01-07"));
            s.Task("a").FinishDate.Should().Be(D("2027-01-08"));

            // a may slide to [6,8): Ana is free after b and nothing follows a.
            s.Task("a").LateStart.Should().Be(6);
            s.Task("a").LateFinish.Should().Be(8);
            s.Task("a").TotalFloat.Should().Be(3);
            s.Task("a").IsCritical.Should().BeFalse();
            s.PathIds().Should().Equal("b", "c");
        }

        [Fact]
        public void Half_shares_run_in_parallel_and_a_full_share_waits()
        {
            // a: effort 2d at 50% = 4 days; b: 4 days at 50%; together 100% on [0,4). c needs all of Ana: [4,8).
            // d follows a, so a must start at 0 (a later a would push d past 8); b alongside a is the only way to finish by 8.
            var s = Schedule(
                "person ana \"Ana\"\n" +
                " task a { effort 2d  assign ana 50% }\n" +
                " task b { duration 4d  assign ana 50% }\n" +
                " task c { duration 4d  assign ana }\n" +
                " task d { duration 3d  after a }");
            s.Task("a").DurationDays.Should().Be(4);
            s.Span("a").Should().Be((0, 4));
            s.Span("b").Should().Be((0, 4));
            s.Span("c").Should().Be((4, 8));
            s.Span("d").Should().Be((4, 7));
            s.FinishIndex.Should().Be(8);
            s.Task("c").DelayedBy.Should().BeOfType<PersonSymbol>().Which.Id.Should().Be("ana");
            s.Task("c").ResourceDelayDays.Should().Be(4);
            s.Task("a").DelayedBy.Should().BeNull();
            s.Task("b").DelayedBy.Should().BeNull();
        }

        [Fact]
        public void Pool_units_above_the_capacity_serialise()
        {
            // 3 + 2 GPUs > 4: a and b cannot overlap. b first: b [0,2), a [2,5), c [2,5), finish 5;
            // a first: a [0,3), b [3,5), c [5,8), finish 8.
            var s = Schedule(
                "resource gpu \"GPUs\" { capacity 4 }\n" +
                " task a { duration 3d  uses gpu 3 }\n" +
                " task b { duration 2d  uses gpu 2 }\n" +
                " task c { duration 3d  after b }");
            s.Span("b").Should().Be((0, 2));
            s.Span("a").Should().Be((2, 5));
            s.Span("c").Should().Be((2, 5));
            s.FinishIndex.Should().Be(5);
            s.Task("a").DelayedBy.Should().BeOfType<ResourceSymbol>().Which.Id.Should().Be("gpu");
            s.Task("a").ResourceDelayDays.Should().Be(2);
        }

        [Fact]
        public void Pool_units_within_the_capacity_run_together()
        {
            // 2 + 2 GPUs = 4: both start at 0.
            var s = Schedule(
                "resource gpu \"GPUs\" { capacity 4 }\n" +
                " task a { duration 3d  uses gpu 2 }\n" +
                " task b { duration 2d  uses gpu 2 }");
            s.Span("a").Should().Be((0, 3));
            s.Span("b").Should().Be((0, 2));
            s.FinishIndex.Should().Be(3);
            s.Tasks.Should().OnlyContain(t => t.DelayedBy == null && t.ResourceDelayDays == 0);
        }

        [Fact]
        public void A_demand_above_the_capacity_is_an_error_and_runs_when_the_whole_pool_is_free()
        {
            // a wants 5 of 4 GPUs (TPM2102): it runs alone, after b (b has a successor, so b goes first):
            // b [0,3), a [3,5), d [3,6), finish 6; a first would give a [0,2), b [2,5), d [5,8).
            var result = Compile(
                "resource gpu \"GPUs\" { capacity 4 }\n" +
                " task a { duration 2d  uses gpu 5 }\n" +
                " task b { duration 3d  uses gpu 1 }\n" +
                " task d { duration 3d  after b }");
            result.WithCode("TPM2102").Should().ContainSingle();
            result.HasErrors.Should().BeTrue();
            var s = result.Schedule!;
            s.Should().NotBeNull();
            s.IsLeveled.Should().BeTrue();
            s.Span("b").Should().Be((0, 3));
            s.Span("a").Should().Be((3, 5));
            s.Span("d").Should().Be((3, 6));
            s.Task("a").DelayedBy!.Id.Should().Be("gpu");
            s.Task("a").ResourceDelayDays.Should().Be(3);
        }

        [Fact]
        public void Role_work_is_spread_over_the_holders()
        {
            // Both hold ds; with nothing assigned yet a goes to ana (first of the least loaded), then b to bob.
            const string plan =
                "role ds \"DS\"\n" +
                " person ana \"Ana\" { role ds }\n" +
                " person bob \"Bob\" { role ds }\n" +
                " task a { effort 5d  assign role ds }\n" +
                " task b { effort 5d  assign role ds }";
            var s = Schedule(plan);
            s.Task("a").Assigned.Should().ContainSingle().Which.Person.Id.Should().Be("ana");
            s.Task("b").Assigned.Should().ContainSingle().Which.Person.Id.Should().Be("bob");
            s.Task("b").Assigned[0].ViaRole!.Id.Should().Be("ds");
            s.Span("a").Should().Be((0, 5));
            s.Span("b").Should().Be((0, 5));
            s.FinishIndex.Should().Be(5);

            // Without leveling the role goes to the first holder, Ana, for both tasks.
            var off = Compile(plan, new ScheduleOptions { Leveling = false }).Schedule!;
            off.Tasks.Select(t => t.Assigned.Single().Person.Id).Should().Equal("ana", "ana");
        }

        [Fact]
        public void Role_resolution_counts_named_work_first_and_prefers_holders_with_the_required_skills()
        {
            // Named work: ana 3 days (x). a (5d) → bob (0 < 3), bob 5. b (4d) → ana (3 < 5), ana 7.
            // c requires spark: only bob has it, so bob although he has more work (5 < 7 anyway, but spark decides c below).
            // d requires spark too, and by then bob has 5 + 2 = 7 vs ana 7: still bob, the only one with the skill.
            var s = Schedule(
                "role ds \"DS\"\n" +
                " skill spark \"Spark\"\n" +
                " person ana \"Ana\" { role ds }\n" +
                " person bob \"Bob\" { role ds  skills spark }\n" +
                " task x { duration 3d  assign ana }\n" +
                " task a { effort 5d  assign role ds }\n" +
                " task b { effort 4d  assign role ds }\n" +
                " task c { effort 2d  assign role ds  requires skill spark }\n" +
                " task d { effort 1d  assign role ds  requires skill spark }");
            string Who(string id) => s.Task(id).Assigned.Single().Person.Id;
            Who("x").Should().Be("ana");
            Who("a").Should().Be("bob");
            Who("b").Should().Be("ana");
            Who("c").Should().Be("bob");
            Who("d").Should().Be("bob");

            // Ana: x 3 + b 4 = 7 days; Bob: a 5 + c 2 + d 1 = 8 days, and nothing else constrains them.
            s.FinishIndex.Should().Be(8);
        }

        [Fact]
        public void Role_goes_to_the_least_loaded_holder_when_nobody_has_the_required_skill()
        {
            // Nobody has spark: the skill is ignored and the least loaded holder (bob, 0 < 2) gets the work.
            var s = Schedule(
                "role ds \"DS\"\n" +
                " skill spark \"Spark\"\n" +
                " person ana \"Ana\" { role ds }\n" +
                " person bob \"Bob\" { role ds }\n" +
                " task x { duration 2d  assign ana }\n" +
                " task a { effort 3d  assign role ds  requires skill spark }");
            s.Task("a").Assigned.Single().Person.Id.Should().Be("bob");
            s.Span("a").Should().Be((0, 3));
        }

        [Fact]
        public void A_vacation_in_the_middle_stretches_the_task_and_the_person_works_on_nothing_then()
        {
            // Ben is away Wed 6 - Fri 8 (indices 2-4). a: 4 days on 0, 1, 5, 6 → [0,7), finishing Tue 12.
            // a goes first because of c: a [0,7), c [7,10), finish 10 (b first: b [0,1), a on 1, 5, 6, 7, c [8,11)).
            // b (1 day) cannot use Ben's free-looking days 2-4: they are his vacation, so b waits for a: [7,8).
            var s = Schedule(
                "person ben \"Ben\" { vacation 2027-01-06..2027-01-08 }\n" +
                " task a { duration 4d  assign ben }\n" +
                " task b { duration 1d  assign ben }\n" +
                " task c { duration 3d  after a }");
            s.Span("a").Should().Be((0, 7));
            s.Task("a").DurationDays.Should().Be(4);
            s.Task("a").FinishDate.Should().Be(D("2027-01-12"));
            s.Span("b").Should().Be((7, 8));
            s.Task("b").StartDate.Should().Be(D("2027-01-13"));
            s.Span("c").Should().Be((7, 10));
            s.FinishIndex.Should().Be(10);
            s.Task("b").DelayedBy!.Id.Should().Be("ben");
            s.Task("b").ResourceDelayDays.Should().Be(7);
        }

        [Fact]
        public void A_day_a_task_skips_for_one_assignees_vacation_is_free_for_the_others()
        {
            // Ana is away Wed 6 (index 2): a (Ana and Ben, 3 days) works 0, 1, 3 → [0,4), and does not hold Ben on day 2.
            // b (Ben, 1 day) fits in that day: [2,3). Finish 4 (b first would make a work 1, 3, 4 → finish 5).
            var s = Schedule(
                "person ana \"Ana\" { vacation 2027-01-06 }\n" +
                " person ben \"Ben\"\n" +
                " task a { duration 3d  assign ana, ben }\n" +
                " task b { duration 1d  assign ben }");
            s.Span("a").Should().Be((0, 4));
            s.Span("b").Should().Be((2, 3));
            s.Task("b").StartDate.Should().Be(D("2027-01-06"));
            s.FinishIndex.Should().Be(4);
            s.Task("b").DelayedBy!.Id.Should().Be("ben");
            s.Task("b").ResourceDelayDays.Should().Be(2);
        }

        [Fact]
        public void A_started_task_keeps_its_dates_and_holds_the_person()
        {
            // a started Wed 6 (index 2): [2,7) whatever else happens. c (2 days) fits before it: [0,2).
            // b (3 days, top priority) cannot fit before a and waits until a is done: [7,10).
            var s = Schedule(
                "person ana \"Ana\"\n" +
                " task a { duration 5d  assign ana  actual-start 2027-01-06 }\n" +
                " task b { duration 3d  assign ana  priority 1000 }\n" +
                " task c { duration 2d  assign ana }");
            s.Span("a").Should().Be((2, 7));
            s.Task("a").StartDate.Should().Be(D("2027-01-06"));
            s.Task("a").DelayedBy.Should().BeNull();
            s.Span("c").Should().Be((0, 2));
            s.Span("b").Should().Be((7, 10));
            s.Task("b").DelayedBy!.Id.Should().Be("ana");
            s.Task("b").ResourceDelayDays.Should().Be(7);
            s.FinishIndex.Should().Be(10);
        }

        [Fact]
        public void Started_tasks_keep_their_dates_even_when_they_overlap_on_one_person()
        {
            // Both started: they keep [0,3) and [1,3) (actual-finish Wed 6) although Ana is then over 100%.
            // c waits for both: [3,5).
            var s = Schedule(
                "person ana \"Ana\"\n" +
                " task a { duration 3d  assign ana  actual-start 2027-01-04 }\n" +
                " task b { duration 5d  assign ana  actual-start 2027-01-05  actual-finish 2027-01-06 }\n" +
                " task c { duration 2d  assign ana }");
            s.Span("a").Should().Be((0, 3));
            s.Span("b").Should().Be((1, 3));
            s.Span("c").Should().Be((3, 5));
        }

        [Fact]
        public void A_started_task_on_the_resource_critical_path_is_critical()
        {
            // a is started on [2,7) and holds Ana until b can start at 7; b ends the program at 10. The critical
            // path follows the resource link b → a, so a is on it; a slipping would delay b one for one.
            var s = Schedule(
                "person ana \"Ana\"\n" +
                " task a { duration 5d  assign ana  actual-start 2027-01-06 }\n" +
                " task b { duration 3d  assign ana }\n" +
                " task c { duration 2d  assign ana }");
            s.PathIds().Should().Equal("a", "b");
            s.CriticalPath.Should().OnlyContain(t => t.IsCritical, "every task on the critical path should be critical");
        }

        [Fact]
        public void A_higher_priority_goes_first_among_equal_choices()
        {
            // Both orders finish at 6; the higher priority takes the person first.
            var low = Schedule("person ana \"Ana\"\n task a { duration 3d  assign ana  priority 100 }\n task b { duration 3d  assign ana }");
            low.Span("b").Should().Be((0, 3));
            low.Span("a").Should().Be((3, 6));

            var high = Schedule("person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 3d  assign ana  priority 900 }");
            high.Span("b").Should().Be((0, 3));
            high.Span("a").Should().Be((3, 6));
        }

        [Fact]
        public void Priority_does_not_beat_a_shorter_program()
        {
            // a has top priority, but b first finishes at 8 (b [0,3), a [3,5), c [3,8)) and a first at 10.
            var s = Schedule("person ana \"Ana\"\n task a { duration 2d  assign ana  priority 1000 }\n task b { duration 3d  assign ana }\n task c { duration 5d  after b }");
            s.Span("b").Should().Be((0, 3));
            s.Span("a").Should().Be((3, 5));
            s.FinishIndex.Should().Be(8);
        }

        [Fact]
        public void Start_to_start_finish_to_finish_and_start_to_finish_dependencies_hold_under_leveling()
        {
            // ss: b may start at 1 (a + 1) but Ana is on a until 4: b [4,6), delayed 3 days.
            // ff: d must finish ≥ F(c) + 1 = 3; alone it would be [0,3), but Bob is on c until 2: d [2,5), delayed 2 days.
            // sf: e must finish ≥ S(a) + 3 = 3: e [1,3) (Cat is free), not delayed.
            var s = Schedule(
                "person ana \"Ana\"\n person bob \"Bob\"\n person cat \"Cat\"\n" +
                " task a { duration 4d  assign ana }\n" +
                " task b { duration 2d  assign ana  after a ss+1d }\n" +
                " task c { duration 2d  assign bob }\n" +
                " task d { duration 3d  assign bob  after c ff+1d }\n" +
                " task e { duration 2d  assign cat  after a sf+3d }");
            s.Span("a").Should().Be((0, 4));
            s.Span("b").Should().Be((4, 6));
            s.Task("b").ResourceDelayDays.Should().Be(3);
            s.Span("c").Should().Be((0, 2));
            s.Span("d").Should().Be((2, 5));
            s.Task("d").DelayedBy!.Id.Should().Be("bob");
            s.Task("d").ResourceDelayDays.Should().Be(2);
            s.Span("e").Should().Be((1, 3));
            s.Task("e").DelayedBy.Should().BeNull();
            s.FinishIndex.Should().Be(6);
        }

        [Fact]
        public void Milestones_take_no_resources_and_follow_the_leveled_dates()
        {
            // a first (c follows a through m): a [0,3), m at 3 (dated Wed 6), c [3,8), b [3,5), done at 8 (Wed 13).
            var s = Schedule(
                "person ana \"Ana\"\n" +
                " task a { duration 3d  assign ana }\n" +
                " task b { duration 2d  assign ana }\n" +
                " milestone m { after a }\n" +
                " task c { duration 5d  after m }\n" +
                " milestone done { after b, c }");
            s.Span("a").Should().Be((0, 3));
            s.Span("m").Should().Be((3, 3));
            s.Task("m").StartDate.Should().Be(D("2027-01-06"));
            s.Span("b").Should().Be((3, 5));
            s.Span("c").Should().Be((3, 8));
            s.Span("done").Should().Be((8, 8));
            s.Task("done").FinishDate.Should().Be(D("2027-01-13"));
            s.Task("m").DelayedBy.Should().BeNull();
            s.PathIds().Should().Equal("a", "m", "c", "done");
            s.Task("b").TotalFloat.Should().Be(3);
        }

        [Fact]
        public void The_critical_path_follows_the_task_that_held_the_person()
        {
            // b goes first because e follows it: b [0,4), e [4,6), a [4,7). a ends the program and waited 4 days for
            // Ana, who was on b: the critical path is b → a (not just a), and e has a day of float.
            const string plan = "person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 4d  assign ana }\n task e { duration 2d  after b }";
            var s = Schedule(plan);
            s.Span("b").Should().Be((0, 4));
            s.Span("a").Should().Be((4, 7));
            s.Span("e").Should().Be((4, 6));
            s.Task("a").DelayedBy.Should().BeOfType<PersonSymbol>().Which.Id.Should().Be("ana");
            s.Task("a").ResourceDelayDays.Should().Be(4);
            s.Task("b").DelayedBy.Should().BeNull();
            s.Task("b").ResourceDelayDays.Should().Be(0);
            s.PathIds().Should().Equal("b", "a");
            s.Task("b").IsCritical.Should().BeTrue();
            s.Task("e").TotalFloat.Should().Be(1);

            // Unleveled, a and b both start at 0 and the path is b → e alone; nothing is delayed.
            var off = Compile(plan, new ScheduleOptions { Leveling = false }).Schedule!;
            off.PathIds().Should().Equal("b", "e");
            off.Tasks.Should().OnlyContain(t => t.DelayedBy == null && t.ResourceDelayDays == 0);
        }

        [Fact]
        public void The_critical_path_follows_the_task_that_held_the_pool()
        {
            // 3 + 2 of 4 GPUs: b first (c follows it), a waits for the pool: b [0,2), a [2,7), c [2,4). Path b → a.
            var s = Schedule(
                "resource gpu \"GPUs\" { capacity 4 }\n" +
                " task a { duration 5d  uses gpu 3 }\n" +
                " task b { duration 2d  uses gpu 2 }\n" +
                " task c { duration 2d  after b }");
            s.Span("a").Should().Be((2, 7));
            s.Task("a").DelayedBy.Should().BeOfType<ResourceSymbol>().Which.Id.Should().Be("gpu");
            s.Task("a").ResourceDelayDays.Should().Be(2);
            s.PathIds().Should().Equal("b", "a");
        }

        [Fact]
        public void The_same_plan_and_seed_give_the_same_schedule()
        {
            var text = DeterminismPlan();
            foreach (var seed in new[] { 0, 7, 12345 })
            {
                var options = new ScheduleOptions { Seed = seed };
                var first = Fingerprint(TpmProgram.Parse(text, "plan.tpm", new TpmCompileOptions { Scheduling = options }).Schedule!);
                for (int i = 0; i < 2; i++)
                {
                    var again = Fingerprint(TpmProgram.Parse(text, "plan.tpm", new TpmCompileOptions { Scheduling = new ScheduleOptions { Seed = seed } }).Schedule!);
                    again.Should().Be(first, "seed {0} should always give the same schedule", seed);
                }
            }
        }

        [Fact]
        public void Leveling_off_in_the_options_overrides_leveling_on_in_the_program()
        {
            const string body = "leveling on\n person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 2d  assign ana }";
            var leveled = Compile(body);
            leveled.Schedule!.IsLeveled.Should().BeTrue();
            leveled.Schedule.Span("b").Should().NotBe(leveled.Schedule.Span("a"));
            leveled.WithCode("TPM2101").Should().BeEmpty();

            var off = Compile(body, new ScheduleOptions { Leveling = false });
            off.Schedule!.IsLeveled.Should().BeFalse();
            off.Schedule.LevelingSchedules.Should().Be(0);
            off.Schedule.Span("a").Should().Be((0, 3));
            off.Schedule.Span("b").Should().Be((0, 2));
            off.WithCode("TPM2101").Should().ContainSingle();
        }

        [Fact]
        public void Leveling_on_in_the_options_overrides_leveling_off_in_the_program()
        {
            const string body = "leveling off\n person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 2d  assign ana }";
            var off = Compile(body);
            off.Schedule!.IsLeveled.Should().BeFalse();
            off.Schedule.FinishIndex.Should().Be(3);

            // Leveled, one after the other: 5 days.
            var on = Compile(body, new ScheduleOptions { Leveling = true });
            on.Schedule!.IsLeveled.Should().BeTrue();
            on.Schedule.FinishIndex.Should().Be(5);
            on.WithCode("TPM2101").Should().BeEmpty();
        }

        private static string DeterminismPlan()
        {
            // Enough tasks and choices that the genetic search runs; several schedules share the best finish.
            var sb = new System.Text.StringBuilder();
            sb.Append("person ana \"Ana\" { vacation 2027-01-13 }\n person bob \"Bob\"\n person cat \"Cat\" { capacity 50% }\n resource gpu \"GPUs\" { capacity 3 }\n");
            string[] people = { "ana", "bob", "cat", "ana, bob 50%", "cat, bob" };
            for (int i = 0; i < 14; i++)
            {
                sb.Append(" task t").Append(i).Append(" { effort ").Append(1 + i * 7 % 5).Append("d  assign ").Append(people[i % people.Length]);
                if (i % 3 == 1) sb.Append("  uses gpu ").Append(1 + i % 3);
                if (i >= 3 && i % 2 == 0) sb.Append("  after t").Append(i / 2);
                if (i % 4 == 3) sb.Append("  after t").Append(i - 3).Append(" ss+1d");
                sb.Append(" }\n");
            }

            return LevelingPlans.Text(sb.ToString());
        }

        private static string Fingerprint(Schedule s) =>
            string.Join(";", s.Tasks.Select(t => $"{t.Id}:{t.Start}-{t.Finish}/{t.LateStart}-{t.LateFinish}/{t.TotalFloat}/{t.DelayedBy?.Id}{t.ResourceDelayDays}/{string.Join(",", t.Assigned.Select(a => a.Person.Id))}"))
            + "|" + string.Join(",", s.PathIds()) + "|" + s.FinishIndex;
    }
}
