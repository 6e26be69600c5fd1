using System.Linq;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Tracking
{
    /// <summary>Earned value at the status date, against hand-computed figures.</summary>
    public class EarnedValueTests
    {
        // Program starts Mon 2027-01-04 (index 0); status date Fri 2027-01-08 (index 4): the baseline's days 0–4 count as planned.
        private const string Status = "status-date 2027-01-08\n";
        private const string Ana = "person ana \"Ana\" { rate 100/d }\n";

        private static EarnedValueReport Report(string body)
        {
            var program = CompileBody(body);
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            var baseline = ProgramScheduler.Run(program.Model!, EarnedValue.BaselineOptions(null)).Schedule!;
            var result = EarnedValue.Compute(program.Model!, program.Schedule!, baseline);
            result.Problem.Should().BeNull();
            return result.Report!;
        }

        private static TaskEarnedValue Task(EarnedValueReport report, string id) => report.Tasks.Single(t => t.Id == id);

        [Fact]
        public void Computing_with_options_schedules_the_same_baseline()
        {
            var program = CompileBody(Status + Ana + "task a { effort 10d  assign ana  actual-start 2027-01-04  progress 30%  actual-cost 400 }\n task b { duration 3d  after a }");
            var direct = EarnedValue.Compute(program.Model!, program.Schedule!, (ScheduleOptions?)null).Report!;
            var explicitBaseline = Report(Status + Ana + "task a { effort 10d  assign ana  actual-start 2027-01-04  progress 30%  actual-cost 400 }\n task b { duration 3d  after a }");
            (direct.Total.Pv, direct.Total.Ev, direct.Total.Ac, direct.Total.Eac).Should().Be((explicitBaseline.Total.Pv, explicitBaseline.Total.Ev, explicitBaseline.Total.Ac, explicitBaseline.Total.Eac));
            direct.Baseline!.FinishIndex.Should().Be(explicitBaseline.Baseline!.FinishIndex);

            var untracked = CompileBody("task a { duration 2d }");
            EarnedValue.Compute(untracked.Model!, untracked.Schedule!, (ScheduleOptions?)null).Problem.Should().Contain("has none; add 'status-date YYYY-MM-DD'");
        }

        [Fact]
        public void A_baseline_past_the_calendar_is_its_own_located_error_not_a_silent_failure()
        {
            // Tracked, the task is half done, so what is left fits before 9999-12-31; untracked (the baseline) it does not.
            var program = CompileBody("status-date 2027-02-01\ntask t { duration 2600000d  progress 50%  actual-start 2027-01-04 }");
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();

            var result = EarnedValue.Compute(program.Model!, program.Schedule!, (ScheduleOptions?)null);

            result.Report.Should().BeNull();
            var d = result.Diagnostic!;
            (d.Code, d.IsError).Should().Be(("TPM2005", true));
            d.Message.Should().StartWith("in the baseline (the plan with nothing tracked, which earned value measures against): the schedule runs past 9999-12-31 at task 't'");
            d.Location.Should().NotBeNull();
            result.Problem.Should().Be(d.Message);
        }

        [Fact]
        public void A_task_in_progress_behind_plan_and_over_cost()
        {
            // 10 days × 100 = 1,000. Baseline [0, 10): 5 of its 10 days are on or before Friday → PV 500.
            // 40% done → EV 400; AC 500. SV −100, CV −100, SPI 0.8, CPI 0.8, EAC 1,000 × 500 ÷ 400 = 1,250, ETC 750, VAC −250.
            // Tracked: 6 days remain from index 5 → finish 11, one day after the baseline's 10.
            var r = Report(Status + Ana + "task a { duration 10d  assign ana  actual-start 2027-01-04  progress 40%  actual-cost 500 }");
            var f = r.Total;
            (f.Bac, f.Pv, f.Ev, f.Ac).Should().Be((1000m, 500m, 400m, 500m));
            (f.Sv, f.Cv).Should().Be((-100m, -100m));
            (f.Spi, f.Cpi).Should().Be((0.8m, 0.8m));
            (f.Eac, f.Etc, f.Vac).Should().Be((1250m, 750m, -250m));

            var a = Task(r, "a");
            a.State.Should().Be(TaskState.InProgress);
            (a.PlannedDays, a.PlannedComplete, a.ActualComplete).Should().Be((5, 0.5m, 0.4m));
            a.FinishSlipDays.Should().Be(1);
            a.Standing.Should().Be(PlanStanding.Behind);
            r.Behind.Select(t => t.Id).Should().Equal("a");
            r.Ahead.Should().BeEmpty();
            r.StatusDate.Should().Be(D("2027-01-08"));
        }

        [Fact]
        public void A_task_ahead_of_plan_earns_more_than_planned()
        {
            // 90% of 1,000 done where 50% was planned: EV 900, PV 500, SPI 1.8. One day remains: [0, 6), four days early.
            var r = Report(Status + Ana + "task a { duration 10d  assign ana  actual-start 2027-01-04  progress 90%  actual-cost 850 }");
            (r.Total.Pv, r.Total.Ev, r.Total.Ac).Should().Be((500m, 900m, 850m));
            (r.Total.Spi, r.Total.Cpi).Should().Be((1.8m, 1.06m));
            // 1,000 × 850 ÷ 900 = 944.444… → 944.44.
            r.Total.Eac.Should().Be(944.44m);
            r.Total.Vac.Should().Be(55.56m);
            var a = Task(r, "a");
            a.FinishSlipDays.Should().Be(-4);
            a.Standing.Should().Be(PlanStanding.Ahead);
            r.Ahead.Select(t => t.Id).Should().Equal("a");
        }

        [Fact]
        public void Planned_value_counts_the_tasks_own_working_days()
        {
            // Ana is off Wed–Thu (indices 2, 3): 4 days of work fall on 0, 1, 4, 5 → baseline [0, 6). By Friday (index 4)
            // she planned 3 of them: 75% of 400 = 300 (counting program days, 5 of 4, would overstate it).
            var r = Report(Status + "person ana \"Ana\" { rate 100/d  vacation 2027-01-06..2027-01-07 }\n task a { duration 4d  assign ana }");
            var a = Task(r, "a");
            (a.Baseline!.Start, a.Baseline.Finish).Should().Be((0, 6));
            (a.PlannedDays, a.PlannedComplete).Should().Be((3, 0.75m));
            a.Figures.Pv.Should().Be(300m);
            a.State.Should().Be(TaskState.NotStarted);
            // Not started: it runs on 5, 6, 7, 8 after the status date, three days after the baseline's finish.
            a.FinishSlipDays.Should().Be(3);
            a.Standing.Should().Be(PlanStanding.Behind);
        }

        [Fact]
        public void An_actual_finish_earns_the_whole_budget_without_progress()
        {
            // 2 days × 100 = 200, finished Tue: EV 200 though no progress was given. PV 200 (all planned by Friday).
            var r = Report(Status + Ana + "task a { duration 2d  assign ana  actual-start 2027-01-04  actual-finish 2027-01-05 }");
            var a = Task(r, "a");
            a.State.Should().Be(TaskState.Finished);
            a.ActualComplete.Should().Be(1m);
            (a.Figures.Pv, a.Figures.Ev).Should().Be((200m, 200m));
            a.Standing.Should().Be(PlanStanding.OnPlan);
            r.StartedWithoutActualCost.Select(t => t.Id).Should().Equal(new[] { "a" }, "it started and records no actual-cost");
        }

        [Fact]
        public void Without_actual_cost_there_is_no_CPI_and_the_estimate_is_the_budget()
        {
            var r = Report(Status + Ana + "task a { duration 10d  assign ana  actual-start 2027-01-04  progress 50% }");
            r.Total.Ac.Should().Be(0m);
            r.Total.Cpi.Should().BeNull();
            (r.Total.Eac, r.Total.Etc, r.Total.Vac).Should().Be((1000m, 1000m, 0m));
            r.Total.Spi.Should().Be(1m);
            Task(r, "a").Standing.Should().Be(PlanStanding.OnPlan, "50% done of 50% planned, finishing on index 10 as planned");
        }

        [Fact]
        public void Money_spent_with_nothing_earned_estimates_the_rest_at_planned_cost()
        {
            // CPI 0 (EV 0, AC 300): BAC ÷ CPI has no value, so EAC = AC + BAC − EV = 1,300.
            var r = Report(Status + Ana + "task a { duration 10d  assign ana  actual-start 2027-01-04  actual-cost 300 }");
            r.Total.Cpi.Should().Be(0m);
            (r.Total.Eac, r.Total.Etc, r.Total.Vac).Should().Be((1300m, 1000m, -300m));
        }

        [Fact]
        public void Nothing_planned_by_the_status_date_has_no_SPI()
        {
            // The work may not start before the 11th: PV 0.
            var r = Report(Status + Ana + "task a { duration 3d  assign ana  not-before 2027-01-11 }");
            (r.Total.Pv, r.Total.Ev).Should().Be((0m, 0m));
            r.Total.Spi.Should().BeNull();
            Task(r, "a").Standing.Should().Be(PlanStanding.OnPlan);
        }

        [Theory]
        // 3 days, fixed cost 1,000: by Monday 1 of 3 days → 333.33; by Tuesday 2 of 3 → 666.67.
        [InlineData("2027-01-04", 333.33)]
        [InlineData("2027-01-05", 666.67)]
        [InlineData("2027-01-06", 1000)]
        public void Planned_value_is_rounded_to_cents(string statusDate, decimal pv)
        {
            var r = Report("status-date " + statusDate + "\n task a { duration 3d  cost 1000 }");
            r.Total.Pv.Should().Be(pv);
        }

        [Fact]
        public void A_milestone_is_planned_on_its_date_and_earned_when_reached()
        {
            // a [0, 2) → m dated Tue (index 1), before the status date: planned 100%. n after b [0, 6) is dated index 5: not planned.
            var r = Report(Status + "task a { duration 2d  cost 100 }\n milestone m { after a }\n task b { duration 6d }\n milestone n { after b  actual-finish 2027-01-07 }");
            var m = Task(r, "m");
            (m.PlannedComplete, m.ActualComplete, m.State).Should().Be((1m, 0m, TaskState.NotStarted));
            m.Standing.Should().Be(PlanStanding.Behind);
            var n = Task(r, "n");
            (n.PlannedComplete, n.ActualComplete, n.State).Should().Be((0m, 1m, TaskState.Finished));
            n.Standing.Should().Be(PlanStanding.Ahead);
            r.StartedWithoutActualCost.Should().BeEmpty("milestones incur no cost of their own");
        }

        [Fact]
        public void Workstreams_add_up_their_tasks_and_nested_workstreams()
        {
            // w.a 1,000 (PV 500, EV 400, AC 450); w.v.b Bo's 2 days × 100 = 200, finished (PV 200, EV 200, AC 180); c 300 fixed, not started:
            // it could have run [0, 3) → PV 300. Program: BAC 1,500, PV 1,000, EV 600, AC 630.
            var r = Report(Status + Ana + "person bo \"Bo\" { rate 100/d }\n" +
                "workstream w {\n" +
                "  task a { duration 10d  assign ana  actual-start 2027-01-04  progress 40%  actual-cost 450 }\n" +
                "  workstream v { task b { duration 2d  assign bo  actual-start 2027-01-04  actual-finish 2027-01-05  actual-cost 180 } }\n" +
                "}\n" +
                "task c { duration 3d  cost 300 }");
            var w = r.Workstreams.Single(x => x.Id == "w").Figures;
            var v = r.Workstreams.Single(x => x.Id == "w.v").Figures;
            (v.Bac, v.Pv, v.Ev, v.Ac).Should().Be((200m, 200m, 200m, 180m));
            (w.Bac, w.Pv, w.Ev, w.Ac).Should().Be((1200m, 700m, 600m, 630m));
            // 600 ÷ 700 = 0.857… → 0.86; 600 ÷ 630 = 0.952… → 0.95.
            (w.Spi, w.Cpi).Should().Be((0.86m, 0.95m));
            (r.Total.Bac, r.Total.Pv, r.Total.Ev, r.Total.Ac).Should().Be((1500m, 1000m, 600m, 630m));
        }

        [Fact]
        public void Behind_lists_the_biggest_slip_first()
        {
            // a: 4 days planned by Friday, not started → runs [5, 9), slip +5. b: 40% of 10 vs 50% planned, slip +1.
            // c depends on b: planned after Friday, moves with b by one day.
            var r = Report(Status +
                "task a { duration 4d }\n" +
                "task b { duration 10d  actual-start 2027-01-04  progress 40% }\n" +
                "task c { duration 1d  after b }");
            r.Behind.Select(t => (t.Id, t.FinishSlipDays)).Should().Equal(("a", 5), ("b", 1), ("c", 1));
        }

        [Fact]
        public void Without_a_status_date_the_result_says_so()
        {
            var program = CompileBody("task a { duration 3d  cost 100 }");
            var baseline = ProgramScheduler.Run(program.Model!, EarnedValue.BaselineOptions(null)).Schedule!;
            var result = EarnedValue.Compute(program.Model!, program.Schedule!, baseline);
            result.Report.Should().BeNull();
            result.Problem.Should().Be("earned value is measured at the status date, and program 'p' has none; add 'status-date YYYY-MM-DD' to the program block");
            EarnedValue.MissingStatusDate(program.Model!).Should().Be(result.Problem);
        }

        [Fact]
        public void The_baseline_options_keep_the_leveling_settings_and_ignore_progress()
        {
            var options = EarnedValue.BaselineOptions(new ScheduleOptions { Leveling = false, Seed = 7, Schedules = 12 });
            (options.Leveling, options.Seed, options.Schedules, options.IgnoreProgress).Should().Be((false, 7, 12, true));
        }
    }
}
