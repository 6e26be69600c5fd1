using System;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Tracking
{
    /// <summary>Earned value against a frozen baseline (a saved snapshot), against hand-computed figures.</summary>
    public class FrozenEarnedValueTests
    {
        // Program starts Mon 2027-01-04 (index 0); Fri 2027-01-08 is index 4, Fri 2027-01-15 index 9, Fri 2027-01-29 index 19.
        private const string Ana = "person ana \"Ana\" { rate 100/d }\n";

        private static TpmProgram Clean(string body)
        {
            var program = CompileBody(body);
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            program.Schedule.Should().NotBeNull();
            return program;
        }

        // Frozen before any work is tracked (no status date: a plan with one starts unstarted work after it).
        private static BaselineSnapshot Freeze(string body) => BaselineSnapshot.Capture(Clean(body).Schedule!, "q1");

        private static EarnedValueReport Against(BaselineSnapshot frozen, string body)
        {
            var program = Clean(body);
            var result = EarnedValue.Compute(program.Model!, program.Schedule!, frozen);
            result.Problem.Should().BeNull();
            return result.Report!;
        }

        private static TaskEarnedValue Task(EarnedValueReport report, string id) => report.Tasks.Single(t => t.Id == id);

        private static SnapshotItem Item(string id, string start, string finish, int days, decimal cost, bool milestone = false) =>
            new SnapshotItem(id, id, milestone, D(start), D(finish), days, days, cost, Array.Empty<SnapshotAssignment>(), critical: false);

        private static BaselineSnapshot Snapshot(params SnapshotItem[] items) =>
            new BaselineSnapshot("q1", "p", "Test", D("2027-01-04"), items.Max(i => i.Finish), 5, 0m, items, Array.Empty<string>());

        [Fact]
        public void Re_estimating_a_task_does_not_move_what_it_is_measured_against()
        {
            // Frozen: a = 10 days × 100 = 1,000 over Jan 4–15. Re-estimated to 20 days, started, 25% done, 500 spent.
            // BAC 1,000 (frozen); PV: 5 of the 10 frozen days by Friday → 500; EV 1,000 × 25% = 250; AC 500.
            // SV −250, CV −250, SPI 0.5, CPI 0.5, EAC 1,000 × 500 ÷ 250 = 2,000, ETC 1,500, VAC −1,000.
            // Tracked: 15 of 20 days remain from Mon Jan 11 (index 5) → last day index 19, Jan 29: 10 working days past Jan 15.
            var frozen = Freeze(Ana + "task a { duration 10d  assign ana }");
            const string Tracked = "status-date 2027-01-08\n" + Ana + "task a { duration 20d  assign ana  actual-start 2027-01-04  progress 25%  actual-cost 500 }";
            var r = Against(frozen, Tracked);

            var f = r.Total;
            (f.Bac, f.Pv, f.Ev, f.Ac).Should().Be((1000m, 500m, 250m, 500m));
            (f.Sv, f.Cv, f.Spi, f.Cpi).Should().Be((-250m, -250m, 0.5m, 0.5m));
            (f.Eac, f.Etc, f.Vac).Should().Be((2000m, 1500m, -1000m));
            var a = Task(r, "a");
            (a.PlannedDays, a.BaselineDays, a.PlannedComplete, a.ActualComplete).Should().Be((5, 10, 0.5m, 0.25m));
            (a.BaselineStartDate, a.BaselineFinishDate).Should().Be((D("2027-01-04"), D("2027-01-15")));
            (a.FinishSlipDays, a.Standing).Should().Be((10, PlanStanding.Behind));
            a.Planned.Should().BeSameAs(frozen.Find("a"));
            (a.Baseline, a.AddedSinceBaseline).Should().Be((null, false));
            (r.BaselineFinishDate, r.FinishSlipDays).Should().Be((D("2027-01-15"), 10));
            r.Baseline.Should().BeNull("no task was added, so the plan without actuals was not needed");
            r.Frozen!.Baseline.Should().BeSameAs(frozen);

            // Against the plan recomputed without actuals, the re-estimate moved the baseline with it: BAC 2,000, PV 5 of
            // 20 days = 500, EV 500, SPI 1, the task looks on plan. The frozen baseline is what keeps the slip visible.
            var program = Clean(Tracked);
            var moved = EarnedValue.Compute(program.Model!, program.Schedule!, (ScheduleOptions?)null).Report!;
            (moved.Total.Bac, moved.Total.Pv, moved.Total.Ev, moved.Total.Spi).Should().Be((2000m, 500m, 500m, 1m));
        }

        [Fact]
        public void Tasks_added_since_the_baseline_are_measured_against_the_plan_without_actuals_and_removed_ones_are_listed()
        {
            // Status Tue Jan 12 (index 6, cutoff 7). Frozen: a [Jan 4–8] 500, old [Jan 11–12] 300; program finish Jan 12.
            // Now: old is gone, b (4 days, 400, after a) is new. a finished on time: PV 500, EV 500, AC 500, slip 0.
            // b against the plan without actuals [5, 9): 2 of 4 days planned → PV 200; 25% done → EV 100; AC 150.
            // Tracked b: 3 days left from index 7 → [5, 10), last day Fri Jan 15: 1 day past the plan's index 8.
            // Totals (old not counted): BAC 900, PV 700, EV 600, AC 650; SPI 0.857 → 0.86, CPI 0.923 → 0.92; EAC 900 × 650 ÷ 600 = 975.
            var frozen = Freeze(Ana + "task a { duration 5d  assign ana }\n task old \"Old\" { duration 2d  cost 300  after a }");
            var r = Against(frozen, "status-date 2027-01-12\n" + Ana +
                "task a { duration 5d  assign ana  actual-start 2027-01-04  actual-finish 2027-01-08  actual-cost 500 }\n" +
                "task b \"New\" { duration 4d  cost 400  after a  actual-start 2027-01-11  progress 25%  actual-cost 150 }");

            (r.Total.Bac, r.Total.Pv, r.Total.Ev, r.Total.Ac).Should().Be((900m, 700m, 600m, 650m));
            (r.Total.Spi, r.Total.Cpi, r.Total.Eac, r.Total.Vac).Should().Be((0.86m, 0.92m, 975m, -75m));

            var a = Task(r, "a");
            (a.Figures.Pv, a.Figures.Ev, a.FinishSlipDays, a.Standing).Should().Be((500m, 500m, 0, PlanStanding.OnPlan));
            var b = Task(r, "b");
            b.AddedSinceBaseline.Should().BeTrue();
            b.Planned.Should().BeNull();
            (b.Baseline!.Start, b.Baseline.Finish).Should().Be((5, 9));
            (b.PlannedDays, b.BaselineDays, b.PlannedComplete).Should().Be((2, 4, 0.5m));
            (b.Figures.Bac, b.Figures.Pv, b.Figures.Ev).Should().Be((400m, 200m, 100m));
            (b.FinishSlipDays, b.Standing).Should().Be((1, PlanStanding.Behind));

            r.Added.Select(t => t.Id).Should().Equal("b");
            r.Removed.Select(i => (i.Id, i.Cost)).Should().Equal(("old", 300m));
            r.Baseline.Should().NotBeNull("the added task needed the plan without actuals");
            // The program finished on Jan 12 in the baseline and finishes on Jan 15 now: Wed, Thu, Fri later.
            (r.BaselineFinishDate, r.FinishSlipDays).Should().Be((D("2027-01-12"), 3));
        }

        [Fact]
        public void Planned_value_counts_the_frozen_dates_on_the_tasks_calendar_as_it_is_now()
        {
            // Frozen: a over Mon Jan 4 – Fri Jan 8, 500. Ana has since booked Wed Jan 6 off. Status Thu Jan 7 (cutoff 4).
            // On her calendar now the frozen span has 4 working days (4, 5, 7, 8), 3 of them by Thursday: 75% → PV 375.
            // (Counting the program's days would say 4 of 5, 400.) Not started, a now runs after the status date: Jan 8, 11,
            // 12, 13, 14, 4 working days past Jan 8.
            var frozen = Freeze(Ana + "task a { duration 5d  assign ana }");
            var r = Against(frozen, "status-date 2027-01-07\nperson ana \"Ana\" { rate 100/d  vacation 2027-01-06..2027-01-06 }\ntask a { duration 5d  assign ana }");

            var a = Task(r, "a");
            (a.PlannedDays, a.BaselineDays, a.PlannedComplete).Should().Be((3, 4, 0.75m));
            (a.Figures.Bac, a.Figures.Pv, a.Figures.Ev).Should().Be((500m, 375m, 0m));
            (a.FinishSlipDays, a.Standing, a.State).Should().Be((4, PlanStanding.Behind, TaskState.NotStarted));
        }

        [Fact]
        public void Milestones_and_spans_before_the_program_start_are_due_whole_on_their_frozen_date()
        {
            // The program starts Jan 4; the frozen 'early' ran Dec 21–24 (before it: no working day of the program is left
            // in it), so all of its 400 was due by the status date. Milestone m was frozen on Thu Jan 7, before Fri Jan 8.
            // Not started, early now runs after the status date, Jan 11–14: from Dec 24, that is Dec 25, 28, 29, 30, 31, Jan 1,
            // 4–8 and 11–14 = 15 working days later; m follows on Jan 14, 5 working days past Jan 7.
            var frozen = Snapshot(
                Item("early", "2026-12-21", "2026-12-24", 4, 400m),
                Item("m", "2027-01-07", "2027-01-07", 0, 0m, milestone: true),
                Item("late", "2027-01-11", "2027-01-12", 2, 200m));
            var r = Against(frozen, "status-date 2027-01-08\ntask early { duration 4d  cost 400 }\nmilestone m { after early }\ntask late { duration 2d  cost 200  after m }");

            var early = Task(r, "early");
            (early.BaselineDays, early.PlannedDays, early.PlannedComplete, early.Figures.Pv).Should().Be((0, 0, 1m, 400m));
            early.FinishSlipDays.Should().Be(15);
            var m = Task(r, "m");
            (m.PlannedComplete, m.FinishSlipDays, m.Standing).Should().Be((1m, 5, PlanStanding.Behind));
            // late: frozen Jan 11–12, after the status date: nothing planned yet.
            var late = Task(r, "late");
            (late.BaselineDays, late.PlannedDays, late.PlannedComplete, late.Figures.Pv).Should().Be((2, 0, 0m, 0m));
            r.Total.Pv.Should().Be(400m);
        }

        [Fact]
        public void Frozen_dates_at_the_end_of_the_calendar_and_costs_past_decimal_give_figures_or_a_located_diagnostic()
        {
            // 9999-12-27 is a Monday, 9999-12-31 a Friday: the last working day a frozen span can name.
            const string Plan = "status-date 2027-01-08\nperson ana \"Ana\" { vacation 2027-01-06..2027-01-06 }\ntask t { duration 2d  assign ana }\ntask u { duration 1d }";
            var far = Snapshot(Item("t", "9999-12-27", "9999-12-31", 5, 500m), Item("u", "2027-01-04", "2027-01-04", 1, 100m));
            var r = Against(far, Plan);
            var t = Task(r, "t");
            (t.BaselineDays, t.PlannedDays, t.PlannedComplete).Should().Be((5, 0, 0m));
            t.FinishSlipDays.Should().BeNegative();
            t.Standing.Should().Be(PlanStanding.Ahead);

            var huge = Snapshot(Item("t", "2027-01-04", "2027-01-05", 2, decimal.MaxValue), Item("u", "2027-01-04", "2027-01-04", 1, decimal.MaxValue));
            var program = Clean(Plan);
            var result = EarnedValue.Compute(program.Model!, program.Schedule!, huge);
            result.Report.Should().BeNull();
            (result.Diagnostic!.Code, result.Diagnostic.IsError).Should().Be(("TPM2006", true));
            result.Diagnostic.Location.Should().NotBeNull();
        }

        [Fact]
        public void Without_a_status_date_there_is_nothing_to_measure_and_a_missing_plan_without_actuals_is_a_caller_error()
        {
            var frozen = Freeze(Ana + "task a { duration 2d  assign ana }");
            var untracked = Clean(Ana + "task a { duration 2d  assign ana }");
            EarnedValue.Compute(untracked.Model!, untracked.Schedule!, frozen).Problem.Should().Contain("has none; add 'status-date YYYY-MM-DD'");

            var grown = Clean("status-date 2027-01-05\n" + Ana + "task a { duration 2d  assign ana }\ntask b { duration 1d }");
            var comparison = BaselineComparison.Compare(grown.Schedule!, frozen, "p.baseline.q1.json");
            comparison.Added.Select(t => t.Id).Should().Equal("b");
            var act = () => EarnedValue.Compute(grown.Model!, comparison, (Schedule?)null);
            act.Should().Throw<ArgumentException>().WithParameterName("planWithoutActuals");
            var report = EarnedValue.Compute(grown.Model!, grown.Schedule!, comparison, null).Report!;
            report.Frozen!.Path.Should().Be("p.baseline.q1.json");
            report.Added.Select(x => x.Id).Should().Equal("b");

            // No frozen baseline: the plan without actuals, as before baselines existed.
            var plain = EarnedValue.Compute(grown.Model!, grown.Schedule!, (BaselineComparison?)null, null).Report!;
            (plain.Frozen, plain.Added.Count, plain.Removed.Count).Should().Be((null, 0, 0));
            plain.Baseline.Should().NotBeNull();
            var other = Clean("status-date 2027-01-05\n" + Ana + "task a { duration 2d  assign ana }\ntask b { duration 1d }").Schedule!;
            var mismatched = () => EarnedValue.Compute(grown.Model!, other, comparison, null);
            mismatched.Should().Throw<ArgumentException>();
        }
    }
}
