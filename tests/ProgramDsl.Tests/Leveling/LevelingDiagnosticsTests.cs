using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// TPM2101 (over-allocation with leveling off) and TPM2102 (a demand above a pool's capacity). Plans start Monday
    /// 2027-01-04 (0 Mon 4, 1 Tue 5, 2 Wed 6, 3 Thu 7, 4 Fri 8, 5 Mon 11, 6 Tue 12, 7 Wed 13). The body starts on line 3
    /// of plan.tpm; every body line starts with one space, so in " task a { duration 3d  assign ana }" the person is at
    /// column 31 and in " task e { duration 2d  uses gpu 3 }" the pool at column 29.
    /// </summary>
    public class LevelingDiagnosticsTests
    {
        private static readonly ScheduleOptions Off = new ScheduleOptions { Leveling = false };

        private const string Advice = "; turn leveling on, move a task or change an assignment";

        [Fact]
        public void Each_run_of_over_allocated_days_is_one_warning_naming_the_days_the_peak_and_the_tasks()
        {
            // Ana: a [0,3) 100%; b after x [1,3) 50%; c after y [2,3) 50%; d after z [5,7) 100%; e after w [6,8) 100%.
            // Load per day: 100, 150, 200, 0, 0, 100, 200, 100. Over on days 1–2 (Tue 5–Wed 6, peak 200%: a, b, c)
            // and on day 6 alone (Tue 12, 200%: d, e); days 3–5 are not over, so these are two separate runs.
            const string body =
                " person ana \"Ana\"\n" +                                     // line 3
                " task a { duration 3d  assign ana }\n" +                     // line 4
                " task b { duration 2d  assign ana 50%  after x }\n" +        // line 5
                " task c { duration 1d  assign ana 50%  after y }\n" +        // line 6
                " task x { duration 1d }\n" +                                 // line 7
                " task y { duration 2d }\n" +                                 // line 8
                " task z { duration 5d }\n" +                                 // line 9
                " task d { duration 2d  assign ana  after z }\n" +            // line 10
                " task w { duration 6d }\n" +                                 // line 11
                " task e { duration 2d  assign ana  after w }";               // line 12
            var result = Compile(body, Off);
            result.HasErrors.Should().BeFalse();
            var s = result.Schedule!;
            s.IsLeveled.Should().BeFalse();
            s.Span("a").Should().Be((0, 3));
            s.Span("b").Should().Be((1, 3));
            s.Span("c").Should().Be((2, 3));
            s.Span("d").Should().Be((5, 7));
            s.Span("e").Should().Be((6, 8));

            var warnings = result.WithCode("TPM2101");
            warnings.Select(d => d.ToString()).Should().Equal(
                "plan.tpm(4,31): warning TPM2101: person 'ana' is over-allocated on 2027-01-05..2027-01-06 (2 working days, up to 200%) by 'a', 'b', 'c'" + Advice,
                "plan.tpm(10,31): warning TPM2101: person 'ana' is over-allocated on 2027-01-12 (1 working day, up to 200%) by 'd', 'e'" + Advice);
            warnings.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);

            // Located at the first task's assignment; the other tasks' assignments are the additional locations.
            warnings[0].Location!.Value.Text.Should().Be("ana");
            warnings[0].AdditionalLocations.Select(l => (l.Start.Line, l.Start.Column, l.Text)).Should().Equal((5, 31, "ana 50%"), (6, 31, "ana 50%"));
            warnings[1].Location!.Value.Text.Should().Be("ana");
            warnings[1].AdditionalLocations.Select(l => (l.Start.Line, l.Start.Column, l.Text)).Should().Equal((12, 31, "ana"));

            // Leveled, the same plan has nothing to report.
            Compile(body).WithCode("TPM2101").Should().BeEmpty();
        }

        [Theory]
        [InlineData(10, "'t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9'")]
        [InlineData(11, "'t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9' and 1 more")]
        [InlineData(2_500, "'t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9' and 2,490 more")]
        public void An_over_allocation_names_the_first_ten_tasks_and_counts_the_rest(int tasks, string named)
        {
            // Every task on Ana on the same first day: one run, every task involved. The message stays one short line
            // (20,000 tasks on one person used to give a 200 KB line); the additional locations still list them all.
            var body = " person ana \"Ana\"\n" + string.Concat(Enumerable.Range(0, tasks).Select(i => " task t" + i + " { duration 1d  assign ana }\n"));
            var d = Compile(body, Off).WithCode("TPM2101").Should().ContainSingle().Subject;
            d.ToString().Should().Be(
                "plan.tpm(4,32): warning TPM2101: person 'ana' is over-allocated on 2027-01-04 (1 working day, up to " + tasks * 100 + "%) by " + named + Advice);
            d.AdditionalLocations.Should().HaveCount(tasks - 1);
        }

        [Fact]
        public void A_person_at_exactly_full_share_and_a_pool_at_exactly_its_capacity_are_not_over_allocated()
        {
            // Ana 50% + 50% = 100% on [0,3); gpu 3 + 1 = 4 of 4 on [0,2).
            var result = Compile(
                " person ana \"Ana\"\n" +
                " resource gpu \"GPUs\" { capacity 4 }\n" +
                " task a { duration 3d  assign ana 50%  uses gpu 3 }\n" +
                " task b { duration 3d  assign ana 50% }\n" +
                " task c { duration 2d  uses gpu 1 }", Off);
            result.Diagnostics.Should().BeEmpty();
            result.Schedule!.Span("a").Should().Be((0, 3));
            result.Schedule!.Span("b").Should().Be((0, 3));
            result.Schedule!.Span("c").Should().Be((0, 2));
        }

        [Fact]
        public void A_pool_over_its_capacity_is_reported_in_units()
        {
            // e [0,2) 3 GPUs; f after x [1,3) 2 GPUs: 5 of 4 on day 1 (Tue 5) only.
            var result = Compile(
                " resource gpu \"GPUs\" { capacity 4 }\n" +               // line 3
                " task e { duration 2d  uses gpu 3 }\n" +                 // line 4
                " task f { duration 2d  uses gpu 2  after x }\n" +        // line 5
                " task x { duration 1d }", Off);
            result.HasErrors.Should().BeFalse();
            var d = result.WithCode("TPM2101").Should().ContainSingle().Subject;
            d.ToString().Should().Be(
                "plan.tpm(4,29): warning TPM2101: resource 'gpu' is over-allocated on 2027-01-05 (1 working day, up to 5 of 4 units) by 'e', 'f'" + Advice);
            d.Location!.Value.Text.Should().Be("gpu 3");
            d.AdditionalLocations.Select(l => (l.Start.Line, l.Start.Column, l.Text)).Should().Equal((5, 29, "gpu 2"));
        }

        [Fact]
        public void A_day_off_of_the_person_splits_the_over_allocated_days_and_a_run_continues_over_the_weekend()
        {
            // Ana is away Wed 6 (index 2): a and b (5 days each) both work 0, 1, 3, 4, 5 → [0,6) at 200%.
            // Runs: days 0–1 (Mon 4–Tue 5) and days 3–5 (Thu 7–Mon 11; the weekend is no working day, so it does not split).
            var result = Compile(
                " person ana \"Ana\" { vacation 2027-01-06..2027-01-06 }\n" +
                " task a { duration 5d  assign ana }\n" +
                " task b { duration 5d  assign ana }", Off);
            result.Schedule!.Span("a").Should().Be((0, 6));
            result.Schedule!.Span("b").Should().Be((0, 6));
            result.WithCode("TPM2101").Select(d => d.ToString()).Should().Equal(
                "plan.tpm(4,31): warning TPM2101: person 'ana' is over-allocated on 2027-01-04..2027-01-05 (2 working days, up to 200%) by 'a', 'b'" + Advice,
                "plan.tpm(4,31): warning TPM2101: person 'ana' is over-allocated on 2027-01-07..2027-01-11 (3 working days, up to 200%) by 'a', 'b'" + Advice);
        }

        [Fact]
        public void Over_allocation_through_a_role_is_located_at_the_role_assignment()
        {
            // Without leveling both role tasks go to the first holder, Ana: 2 days each, [0,2) together at 200%.
            // " task a { effort 2d  assign role ds }": 'role ds' starts at column 29 (effort 2d has the width of duration 3d minus 2).
            var result = Compile(
                " role ds \"DS\"\n" +                                    // line 3
                " person ana \"Ana\" { role ds }\n" +                    // line 4
                " person bob \"Bob\" { role ds }\n" +                    // line 5
                " task a { effort 2d  assign role ds }\n" +              // line 6
                " task b { effort 2d  assign role ds }", Off);           // line 7
            result.WithCode("TPM2101").Select(d => d.ToString()).Should().Equal(
                "plan.tpm(6,29): warning TPM2101: person 'ana' is over-allocated on 2027-01-04..2027-01-05 (2 working days, up to 200%) by 'a', 'b'" + Advice);
            result.WithCode("TPM2101")[0].Location!.Value.Text.Should().Be("role ds");
        }

        [Fact]
        public void A_demand_above_the_pool_capacity_is_an_error_at_the_use()
        {
            var result = Compile(
                " resource gpu \"GPUs\" { capacity 4 }\n" +               // line 3
                " task a { duration 2d  uses gpu 5 }", Off);              // line 4
            result.HasErrors.Should().BeTrue();
            var d = result.WithCode("TPM2102").Should().ContainSingle().Subject;
            d.ToString().Should().Be(
                "plan.tpm(4,29): error TPM2102: task 'a' uses 5 units of resource 'gpu', which has only 4; lower the units or raise the capacity (leveling runs it when the whole pool is free)");
            d.Location!.Value.Text.Should().Be("gpu 5");

            // With leveling off the task also overloads the pool on the days it runs: 5 of 4 on [0,2).
            result.WithCode("TPM2101").Select(x => x.ToString()).Should().Equal(
                "plan.tpm(4,29): warning TPM2101: resource 'gpu' is over-allocated on 2027-01-04..2027-01-05 (2 working days, up to 5 of 4 units) by 'a'" + Advice);
        }

        [Fact]
        public void With_leveling_a_demand_above_the_capacity_runs_when_the_whole_pool_is_free()
        {
            // a wants 5 of 4 GPUs, so nothing else may use the pool while it runs. Each of a, b and c has a successor:
            // a before c pushes e to 2 + 3 + 5 = 10; a between c and b pushes f to 3 + 2 + 2 + 6 = 13; a after both
            // gives g 3 + 2 + 3 = 8, which needs b [0,2) (f ends 8), c [0,3) (e ends 8) and a [3,5) (g ends 8).
            var result = Compile(
                " resource gpu \"GPUs\" { capacity 4 }\n" +               // line 3
                " task a { duration 2d  uses gpu 5 }\n" +                 // line 4
                " task b { duration 2d  uses gpu 1 }\n" +
                " task c { duration 3d  uses gpu 1 }\n" +
                " task e { duration 5d  after c }\n" +
                " task f { duration 6d  after b }\n" +
                " task g { duration 3d  after a }");
            result.WithCode("TPM2102").Select(d => d.ToString()).Should().Equal(
                "plan.tpm(4,29): error TPM2102: task 'a' uses 5 units of resource 'gpu', which has only 4; lower the units or raise the capacity (leveling runs it when the whole pool is free)");
            result.WithCode("TPM2101").Should().BeEmpty();
            var s = result.Schedule!;
            s.Should().NotBeNull();
            s.IsLeveled.Should().BeTrue();
            s.Span("b").Should().Be((0, 2));
            s.Span("c").Should().Be((0, 3));
            s.Span("a").Should().Be((3, 5));
            s.Span("e").Should().Be((3, 8));
            s.Span("f").Should().Be((2, 8));
            s.Span("g").Should().Be((5, 8));
            s.FinishIndex.Should().Be(8);
            s.FinishDate.Should().Be(D("2027-01-13"));
            s.Task("a").DelayedBy.Should().BeOfType<ResourceSymbol>().Which.Id.Should().Be("gpu");
            s.Task("a").ResourceDelayDays.Should().Be(3);
        }

        [Fact]
        public void A_share_above_a_persons_capacity_is_no_infeasible_demand()
        {
            // A share is a part of the person and capacity only slows effort down: 80% of a 50% person does
            // effort 2d in ⌈2 ÷ (0.8 × 0.5)⌉ = 5 days. Beside it, b takes the remaining 20% of Ana: both run [0,5).
            var result = Compile(
                " person ana \"Ana\" { capacity 50% }\n" +
                " task a { effort 2d  assign ana 80% }\n" +
                " task b { duration 5d  assign ana 20% }", Off);
            result.Diagnostics.Should().BeEmpty();
            result.Schedule!.Task("a").DurationDays.Should().Be(5);
            result.Schedule!.Span("a").Should().Be((0, 5));
            result.Schedule!.Span("b").Should().Be((0, 5));

            var leveled = Schedule(" person ana \"Ana\" { capacity 50% }\n task a { effort 2d  assign ana 80% }\n task b { duration 5d  assign ana 20% }");
            leveled.Span("a").Should().Be((0, 5));
            leveled.Span("b").Should().Be((0, 5));
        }
    }
}
