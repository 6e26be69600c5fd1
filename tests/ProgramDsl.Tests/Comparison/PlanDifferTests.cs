using System.Linq;
using ProgramDsl.Comparison;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Comparison
{
    /// <summary>PlanDiffer.Compare on hand-made plan pairs whose schedules are worked out in the comments.</summary>
    public class PlanDifferTests
    {
        private static CalendarDate D(int month, int day) => CalendarDate.FromYmd(2027, month, day);

        private static PlanDiff Diff(string old, string @new, PlanDiffOptions? options = null, TpmCompileOptions? compile = null) =>
            PlanDiffer.Compare(TpmProgram.Parse(old, "plans/demo.tpm", compile), TpmProgram.Parse(@new, "plans/demo.tpm", compile), options);

        [Fact]
        public void The_demo_pair_reports_every_change_worked_out_by_hand()
        {
            var diff = Diff(DiffPlans.Old, DiffPlans.New, new PlanDiffOptions { OldLabel = "HEAD", NewLabel = "working tree" });

            diff.IsEmpty.Should().BeFalse();
            (diff.OldLabel, diff.NewLabel).Should().Be(("HEAD", "working tree"));
            (diff.OldProgramId, diff.NewProgramId, diff.NewProgramName).Should().Be(("demo", "demo", "Demo plan"));
            (diff.OldScheduled, diff.NewScheduled).Should().Be((true, true));
            diff.Currency.Should().Be("EUR");

            (diff.Start.Old, diff.Start.New, diff.Start.Days, diff.Start.IsChanged).Should().Be((D(3, 1), D(3, 1), 0, false));
            (diff.Finish.Old, diff.Finish.New, diff.Finish.Days).Should().Be((D(3, 11), D(3, 17), 4));
            diff.FinishSlipDays.Should().Be(4);
            (diff.Duration.Old, diff.Duration.New, diff.Duration.Change).Should().Be((9, 13, 4));
            diff.Deadline.IsChanged.Should().BeFalse();
            (diff.DeadlineMargin.Old, diff.DeadlineMargin.New, diff.DeadlineMargin.Change).Should().Be((14, 10, -4));
            (diff.Cost.Old, diff.Cost.New, diff.Cost.Change).Should().Be((2800m, 4600m, 1800m));
            (diff.Budget.Old, diff.Budget.New, diff.Budget.IsChanged).Should().Be((50_000m, 50_000m, false));

            diff.MilestonesMoved.Select(m => (m.Id, m.Old.Finish, m.New.Finish, m.FinishDays)).Should().Equal(("ready", D(3, 11), D(3, 17), 4));
            diff.Added.Select(i => (i.Id, i.Name, i.Start, i.Finish)).Should().Equal(("review", "Review", D(3, 9), D(3, 9)));
            diff.Removed.Should().BeEmpty();
            diff.Renamed.Select(r => (r.Id, r.OldName, r.NewName)).Should().Equal(("docs", "Docs", "Documentation"));
            diff.Reestimated.Select(r => (r.Id, r.Old.Effort, r.New.Effort, r.EffortChanged, r.DurationChanged, r.EstimateChanged))
                .Should().Equal(("data.clean", 2m, 4m, true, false, false));
            diff.Reassigned.Select(r => (r.Id, r.Old.Assigned.Count, string.Join(",", r.New.Assigned))).Should().Equal(("docs", 0, "ana"));
            diff.TasksMoved.Select(m => (m.Id, m.StartDays, m.Old.Finish, m.New.Finish, m.FinishDays)).Should().Equal(("data.clean", 0, D(3, 11), D(3, 17), 4));

            diff.CriticalPathChanged.Should().BeFalse();
            diff.NewCriticalPath.Should().Equal("data.collect", "data.clean", "ready");
            diff.JoinedCriticalPath.Should().BeEmpty();
            diff.LeftCriticalPath.Should().BeEmpty();

            // The comment line in the new plan moves every diagnostic a line down: matched by code, message and file, not line.
            diff.DiagnosticsIntroduced.Select(d => (d.Code, d.Line, d.Column, d.Message)).Should().Equal(
                ("TPM2201", (int?)11, (int?)73, "task 'data.clean' finishes on 2027-03-17, 3 working days after its due date 2027-03-12"));
            diff.DiagnosticsResolved.Select(d => (d.Code, d.Line, d.Column, d.Path)).Should().Equal(("TPM2201", (int?)12, (int?)55, "plans/demo.tpm"));
            diff.NewErrors.Should().Be(0);
            diff.ConflictsIntroduced.Should().BeEmpty();
            diff.ResourceDelays.Should().BeEmpty();
            diff.Forecast.Should().BeNull();
        }

        [Fact]
        public void The_pair_compared_the_other_way_round_swaps_added_and_removed_and_negates_the_moves()
        {
            // Measured in the old demo plan's calendar now, which is the same mon..fri calendar: the same counts, negated.
            var diff = Diff(DiffPlans.New, DiffPlans.Old);

            diff.Added.Should().BeEmpty();
            diff.Removed.Select(i => i.Id).Should().Equal("review");
            diff.FinishSlipDays.Should().Be(-4);
            diff.MilestonesMoved.Select(m => (m.Id, m.FinishDays)).Should().Equal(("ready", -4));
            diff.TasksMoved.Select(m => (m.Id, m.FinishDays)).Should().Equal(("data.clean", -4));
            diff.Renamed.Select(r => (r.OldName, r.NewName)).Should().Equal(("Documentation", "Docs"));
            diff.Cost.Change.Should().Be(-1800m);
            diff.DiagnosticsIntroduced.Select(d => d.Line).Should().Equal(12);
            diff.DiagnosticsResolved.Select(d => d.Line).Should().Equal(11);
        }

        [Fact]
        public void A_plan_compared_with_itself_is_empty_even_from_other_paths_and_with_lines_shifted()
        {
            var same = Diff(DiffPlans.Old, DiffPlans.Old);
            same.IsEmpty.Should().BeTrue();
            same.FinishSlipDays.Should().Be(0);
            same.DiagnosticsIntroduced.Should().BeEmpty();

            // tpm diff old.tpm new.tpm: the program files have different names, their diagnostics still match.
            var shifted = DiffPlans.Old.Replace("  start 2027-03-01\n", "  // a comment\n\n  start 2027-03-01\n");
            var renamedFiles = PlanDiffer.Compare(TpmProgram.Parse(DiffPlans.Old, "a/old.tpm"), TpmProgram.Parse(shifted, "b/new.tpm"));
            renamedFiles.IsEmpty.Should().BeTrue();
        }

        [Fact]
        public void Diagnostics_in_includes_match_by_their_path_relative_to_the_program_file()
        {
            const string program = "program p {\n  start 2027-03-01\n  include \"parts/work.tpm\"\n}\n";
            const string part = "task a \"A\" { duration 5d  due 2027-03-02 }\n";
            TpmProgram Load(string root, string partText) =>
                TpmProgram.Load(root + "/p.tpm", new InMemorySourceResolver().Add(root + "/p.tpm", program).Add(root + "/parts/work.tpm", partText));

            // The same late task in both checkouts: nothing new.
            PlanDiffer.Compare(Load("r1", part), Load("r2", part)).IsEmpty.Should().BeTrue();

            // A second late task in the include of the new checkout: one diagnostic introduced, in the include.
            var diff = PlanDiffer.Compare(Load("r1", part), Load("r2", part + "task b \"B\" { duration 5d  due 2027-03-03 }\n"));
            diff.DiagnosticsIntroduced.Select(d => (d.Code, d.Path, d.Line)).Should().Equal(("TPM2201", "r2/parts/work.tpm", (int?)2));
            diff.DiagnosticsResolved.Should().BeEmpty();
            diff.Added.Select(i => i.Id).Should().Equal("b");
        }

        [Fact]
        public void A_longer_task_takes_over_the_critical_path()
        {
            // Old: a [0,3) Mar 1..3, b [0,2) Mar 1..2, m after both: Mar 3; critical a -> m.
            // New: b duration 5d [0,5) Mar 1..5, m Mar 5 (+2); critical b -> m; b's finish +3.
            const string old = "program p {\n  start 2027-03-01\n  task a { duration 3d }\n  task b { duration 2d }\n  milestone m { after a, b }\n}\n";
            var diff = Diff(old, old.Replace("task b { duration 2d }", "task b { duration 5d }"));

            diff.CriticalPathChanged.Should().BeTrue();
            diff.OldCriticalPath.Should().Equal("a", "m");
            diff.NewCriticalPath.Should().Equal("b", "m");
            diff.JoinedCriticalPath.Should().Equal("b");
            diff.LeftCriticalPath.Should().Equal("a");
            diff.Reestimated.Select(r => (r.Id, r.Old.Duration, r.New.Duration, r.DurationChanged)).Should().Equal(("b", 2m, 5m, true));
            diff.TasksMoved.Select(m => (m.Id, m.StartDays, m.FinishDays)).Should().Equal(("b", 0, 3));
            diff.MilestonesMoved.Select(m => (m.Id, m.New.Finish, m.FinishDays)).Should().Equal(("m", D(3, 5), 2));
            diff.FinishSlipDays.Should().Be(2);
            diff.DeadlineMargin.Old.Should().BeNull();
            diff.Budget.IsChanged.Should().BeFalse();
        }

        [Fact]
        public void Moves_are_sorted_by_how_far_then_by_id()
        {
            // Each task after 'gate' moves by its own count when gate grows from 1d to 6d (+5), and x, y, z keep their
            // durations: all start 5 days later, finish 5 days later; 'solo' grows 1d -> 3d (finish +2), 'alpha' 1d -> 3d.
            const string old =
                "program p {\n  start 2027-03-01\n" +
                "  task gate { duration 1d }\n" +
                "  task z { duration 1d  after gate }\n" +
                "  task y { duration 1d  after gate }\n" +
                "  task solo { duration 1d }\n" +
                "  task alpha { duration 1d }\n" +
                "}\n";
            var @new = old.Replace("gate { duration 1d }", "gate { duration 6d }").Replace("solo { duration 1d }", "solo { duration 3d }").Replace("alpha { duration 1d }", "alpha { duration 3d }");
            var diff = Diff(old, @new);
            diff.TasksMoved.Select(m => (m.Id, m.Distance)).Should().Equal(("gate", 5), ("y", 5), ("z", 5), ("alpha", 2), ("solo", 2));
        }

        [Fact]
        public void Dates_before_the_new_start_count_in_the_new_calendar_with_its_holidays()
        {
            // The new plan starts a week later, Mon Mar 8, and has a holiday on Fri Mar 5 (before its start, still counted).
            // Old a: Mar 1..Mar 2; new a: Mar 8..Mar 9. Working days from Mar 1 to Mar 8 in the new calendar: Mar 2, 3, 4,
            // (Mar 5 is a holiday), Mar 8 = 4.
            const string old = "program p {\n  start 2027-03-01\n  task a { duration 2d }\n}\n";
            const string @new = "program p {\n  start 2027-03-08\n  holiday 2027-03-05 \"Day off\"\n  task a { duration 2d }\n}\n";
            var diff = Diff(old, @new);
            (diff.Start.Old, diff.Start.New, diff.Start.Days).Should().Be((D(3, 1), D(3, 8), 4));
            diff.TasksMoved.Select(m => (m.Id, m.StartDays, m.FinishDays)).Should().Equal(("a", 4, 4));
            diff.FinishSlipDays.Should().Be(4);
        }

        [Fact]
        public void Over_allocations_are_conflicts_introduced_and_resolved_not_diagnostics()
        {
            // Leveling off. Old: b after a, ana never double-booked. New: b in parallel with a, both Mar 1..2: TPM2101.
            var off = new TpmCompileOptions { Scheduling = new ScheduleOptions { Leveling = false } };
            const string old = "program p {\n  start 2027-03-01\n  person ana\n  task a { duration 2d  assign ana }\n  task b { duration 2d  assign ana  after a }\n}\n";
            var @new = old.Replace("  after a }", " }");
            var diff = Diff(old, @new, compile: off);

            diff.ConflictsIntroduced.Select(d => (d.Code, d.Line, d.Severity)).Should().Equal(("TPM2101", (int?)4, DiagnosticSeverity.Warning));
            diff.ConflictsIntroduced[0].Message.Should().StartWith("person 'ana' is over-allocated on 2027-03-01..2027-03-02 (2 working days, up to 200%) by 'a', 'b'");
            diff.ConflictsResolved.Should().BeEmpty();
            diff.DiagnosticsIntroduced.Should().BeEmpty();
            diff.ResourceDelays.Should().BeEmpty();
            diff.FinishSlipDays.Should().Be(-2);

            var back = Diff(@new, old, compile: off);
            back.ConflictsResolved.Select(d => d.Code).Should().Equal("TPM2101");
            back.ConflictsIntroduced.Should().BeEmpty();
        }

        [Fact]
        public void Leveling_delays_that_change_are_listed_with_who_the_task_waits_for()
        {
            // Leveling on: in the new plan b no longer waits for a by dependency, so the leveler delays one of them for ana.
            const string old = "program p {\n  start 2027-03-01\n  person ana\n  task a { duration 2d  assign ana }\n  task b { duration 2d  assign ana  after a }\n}\n";
            var newProgram = TpmProgram.Parse(old.Replace("  after a }", " }"), "plans/demo.tpm");
            var delayed = newProgram.Schedule!.Tasks.Single(t => t.ResourceDelayDays > 0);
            delayed.ResourceDelayDays.Should().Be(2);

            var diff = PlanDiffer.Compare(TpmProgram.Parse(old, "plans/demo.tpm"), newProgram);
            diff.ResourceDelays.Select(d => (d.Id, d.OldDays, d.NewDays, d.Change, d.OldDelayedBy, d.NewDelayedBy))
                .Should().Equal((delayed.Id, 0, 2, 2, (string?)null, "ana"));
            diff.ConflictsIntroduced.Should().BeEmpty();
            diff.FinishSlipDays.Should().Be(0);
            diff.IsEmpty.Should().BeFalse();
        }

        [Fact]
        public void A_new_side_with_errors_has_no_dates_and_counts_its_new_errors()
        {
            var broken = DiffPlans.Old.Replace("after data.collect  due", "after data.nothing  due");
            var diff = Diff(DiffPlans.Old, broken);

            (diff.OldScheduled, diff.NewScheduled).Should().Be((true, false));
            (diff.Finish.Old, diff.Finish.New, diff.Finish.Days).Should().Be((D(3, 11), (CalendarDate?)null, (int?)null));
            diff.FinishSlipDays.Should().Be(0);
            diff.Cost.New.Should().BeNull();
            diff.Added.Should().BeEmpty();
            diff.TasksMoved.Should().BeEmpty();
            diff.NewErrors.Should().Be(1);
            diff.DiagnosticsIntroduced.Should().ContainSingle(d => d.IsError && d.Line == 12);
            // Without a schedule the new side has no due-date warning: the old one counts as resolved.
            diff.DiagnosticsResolved.Select(d => d.Code).Should().Equal("TPM2201");
            diff.IsEmpty.Should().BeFalse();
        }

        [Fact]
        public void A_side_without_a_program_or_without_a_file_compares_its_diagnostics_only()
        {
            // No program declaration on the old side (a file emptied), an unreadable file on the new side.
            var empty = TpmProgram.Parse("", "plans/demo.tpm");
            var unread = TpmProgram.Unread("plans/demo.tpm", SourceReadError.Unreadable("no such file"));
            var diff = PlanDiffer.Compare(empty, DiffPlans.Compile(DiffPlans.Old));
            (diff.OldProgramId, diff.NewProgramId, diff.OldScheduled).Should().Be(((string?)null, "demo", false));
            (diff.Finish.Old, diff.Finish.New, diff.Finish.Days).Should().Be(((CalendarDate?)null, D(3, 11), (int?)null));
            diff.Added.Should().BeEmpty();
            diff.IsEmpty.Should().BeFalse();

            // A program without a start (TPM1101) has no start date to compare, not the symbol's default.
            var noStart = PlanDiffer.Compare(TpmProgram.Parse("program demo {\n  task a { duration 1d }\n}\n", "plans/demo.tpm"), DiffPlans.Compile(DiffPlans.Old));
            (noStart.Start.Old, noStart.Start.New, noStart.Start.Days).Should().Be(((CalendarDate?)null, D(3, 1), (int?)null));

            var gone = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), unread);
            gone.NewScheduled.Should().BeFalse();
            gone.NewErrors.Should().Be(unread.Diagnostics.Count(d => d.IsError)).And.BePositive();
            gone.DiagnosticsResolved.Select(d => d.Code).Should().Equal("TPM2201");
        }

        [Fact]
        public void Equal_diagnostics_are_matched_one_for_one()
        {
            // The same unknown reference 'x' from two tasks gives equal diagnostics (code, message, file); the new side has
            // a third. Matched as a set, none would be new; matched one for one, the third one (line 5) is.
            const string old = "program p {\n  start 2027-03-01\n  task a { after x }\n  task b { after x }\n}\n";
            var @new = old.Replace("  task b { after x }\n", "  task b { after x }\n  task c { after x }\n");
            var oldProgram = TpmProgram.Parse(old, "p.tpm");
            var newProgram = TpmProgram.Parse(@new, "p.tpm");
            var diff = PlanDiffer.Compare(oldProgram, newProgram);
            var oldCount = oldProgram.Diagnostics.Count;
            newProgram.Diagnostics.Count.Should().BeGreaterThan(oldCount);
            diff.DiagnosticsIntroduced.Should().HaveCount(newProgram.Diagnostics.Count - oldCount);
            diff.DiagnosticsResolved.Should().BeEmpty();
            diff.DiagnosticsIntroduced.Should().OnlyContain(d => d.Line == 5);
        }

        [Fact]
        public void Assignees_are_compared_as_people_and_shares_whatever_their_order()
        {
            const string old = "program p {\n  start 2027-03-01\n  person ana\n  person bo\n  task a { effort 4d  assign ana 50%, bo 50% }\n}\n";
            Diff(old, old.Replace("assign ana 50%, bo 50%", "assign bo 50%, ana 50%")).Reassigned.Should().BeEmpty();
            var diff = Diff(old, old.Replace("assign ana 50%, bo 50%", "assign ana 50%, bo 25%"));
            diff.Reassigned.Select(r => (r.Id, string.Join(", ", r.Old.Assigned), string.Join(", ", r.New.Assigned)))
                .Should().Equal(("a", "ana 50%, bo 50%", "ana 50%, bo 25%"));
        }

        [Fact]
        public void Estimates_compare_as_values_and_a_changed_one_is_a_re_estimate()
        {
            const string old = "program p {\n  start 2027-03-01\n  task a { estimate 2d 4d 8d }\n}\n";
            Diff(old, old.Replace("estimate 2d 4d 8d", "estimate 2.0d 4.00d 8d")).IsEmpty.Should().BeTrue();
            var diff = Diff(old, old.Replace("estimate 2d 4d 8d", "estimate 2d 4d 9d"));
            diff.Reestimated.Select(r => (r.Id, r.EstimateChanged, r.EffortChanged, r.Old.Estimate!.Value.Pessimistic, r.New.Estimate!.Value.Pessimistic))
                .Should().Equal(("a", true, false, 8m, 9m));
        }

        [Fact]
        public void Forecasts_of_both_sides_use_the_same_seed_and_iterations()
        {
            const string old = "program p {\n  start 2027-03-01\n  task a { estimate 2d 4d 8d }\n  task b { estimate 3d 5d 12d  after a }\n}\n";
            var @new = old.Replace("estimate 3d 5d 12d", "estimate 5d 8d 20d");
            var options = new PlanDiffOptions { ForecastIterations = 500, ForecastSeed = 7, ForecastThreads = 1 };
            var oldProgram = TpmProgram.Parse(old, "p.tpm");
            var newProgram = TpmProgram.Parse(@new, "p.tpm");
            var diff = PlanDiffer.Compare(oldProgram, newProgram, options);

            var expectOld = MonteCarloForecast.Run(oldProgram.Schedule!, new ForecastOptions { Iterations = 500, Seed = 7 });
            var expectNew = MonteCarloForecast.Run(newProgram.Schedule!, new ForecastOptions { Iterations = 500, Seed = 7 });
            diff.Forecast.Should().NotBeNull();
            (diff.Forecast!.Iterations, diff.Forecast.Seed).Should().Be((500, 7));
            (diff.Forecast.P50.Old, diff.Forecast.P50.New).Should().Be((expectOld.Finish.P50, expectNew.Finish.P50));
            (diff.Forecast.P80.Old, diff.Forecast.P80.New).Should().Be((expectOld.Finish.P80, expectNew.Finish.P80));
            diff.Forecast.P80.Days.Should().Be(newProgram.Schedule!.WorkingDaysBetween(expectOld.Finish.P80, expectNew.Finish.P80));
            diff.Forecast.P80.Days.Should().BePositive();

            // The same plan with the same seed forecasts alike: still empty.
            PlanDiffer.Compare(oldProgram, TpmProgram.Parse(old, "p.tpm"), options).IsEmpty.Should().BeTrue();
        }

        [Fact]
        public void A_chain_of_twenty_thousand_tasks_that_all_move_is_compared_without_recursion()
        {
            // Every task of a chain moves one day later when the first grows from 1d to 2d; sorted all at distance 1 by id.
            var text = new System.Text.StringBuilder("program p {\n  start 2027-03-01\n  task t0 { duration 1d }\n");
            for (int i = 1; i < 20_000; i++) text.Append("  task t").Append(i).Append(" { duration 1d  after t").Append(i - 1).Append(" }\n");
            text.Append("}\n");
            var old = text.ToString();
            var diff = Diff(old, old.Replace("task t0 { duration 1d }", "task t0 { duration 2d }"));
            diff.TasksMoved.Should().HaveCount(20_000);
            diff.TasksMoved[0].Id.Should().Be("t0");
            diff.TasksMoved.Skip(1).Should().OnlyContain(m => m.StartDays == 1 && m.FinishDays == 1);
            diff.TasksMoved.Skip(1).Select(m => m.Id).Should().BeInAscendingOrder(System.StringComparer.Ordinal);
            diff.FinishSlipDays.Should().Be(1);
        }
    }
}
