using System.Linq;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Tracking
{
    /// <summary>Scheduling at the status date: finished work is fixed, work in progress and work not started follow the status date.</summary>
    public class StatusDateTests
    {
        // Program starts Mon 2027-01-04; status date Fri 2027-01-08 (index 4), so remaining work starts Mon 2027-01-11 (index 5).
        private const string Status = "status-date 2027-01-08\n";

        [Fact]
        public void A_task_not_started_by_the_status_date_starts_after_it()
        {
            var s = Schedule(Status + "task a { duration 3d }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((5, 8));
            a.StartDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void Without_a_status_date_nothing_moves()
        {
            Schedule("task a { duration 3d }").Task("a").Start.Should().Be(0);
        }

        [Fact]
        public void A_task_in_progress_runs_its_remaining_work_from_the_status_date()
        {
            // Started Mon (0); 10 days at 40% leave 6 days, from index 5 → [0, 11).
            var s = Schedule(Status + "task a { duration 10d  actual-start 2027-01-04  progress 40% }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((0, 11));
            a.FinishDate.Should().Be(D("2027-01-18"));
        }

        [Fact]
        public void A_finished_task_counts_the_working_days_between_its_actual_dates_not_the_planned_ones()
        {
            // Planned 3 days; it took Mon 2027-01-04 .. Thu 01-07, 4 working days, and b Tue 01-05 .. Mon 01-11 over a weekend, 5.
            var s = Schedule("status-date 2027-01-12\ntask a { duration 3d  actual-start 2027-01-04  actual-finish 2027-01-07  progress 100% }\n" +
                             "task b { duration 9d  actual-start 2027-01-05  actual-finish 2027-01-11  progress 100% }\n" +
                             "task c { duration 10d  actual-start 2027-01-04  progress 40% }");

            s.Task("a").DurationDays.Should().Be(4);
            s.Task("b").DurationDays.Should().Be(5);
            s.Task("c").DurationDays.Should().Be(10, "a task in progress still shows its planned working days");
        }

        [Fact]
        public void A_finished_tasks_days_are_counted_on_its_calendar_without_its_peoples_days_off()
        {
            // Ana is off Wed 2027-01-06: Mon..Fri is 5 program working days but 4 of the task's.
            var s = Schedule(Status + "person ana \"Ana\" { vacation 2027-01-06..2027-01-06 }\n" +
                             "task a { effort 2d  assign ana  actual-start 2027-01-04  actual-finish 2027-01-08  progress 100% }");

            s.Task("a").DurationDays.Should().Be(4);
            (s.Task("a").StartDate, s.Task("a").FinishDate).Should().Be((D("2027-01-04"), D("2027-01-08")));
        }

        [Fact]
        public void Without_progress_a_finished_task_shows_its_planned_days()
        {
            var compiled = ProgramDsl.TpmProgram.Parse("program p \"Test\" {\n  start 2027-01-04\n  " + Status +
                                   "  task a { duration 3d  actual-start 2027-01-04  actual-finish 2027-01-07  progress 100% }\n}\n",
                                   options: new ProgramDsl.TpmCompileOptions { Scheduling = new ScheduleOptions { IgnoreProgress = true } });

            compiled.Schedule!.Task("a").DurationDays.Should().Be(3, "the plan without actuals (the baseline) keeps the planned days");
        }

        [Fact]
        public void A_task_ahead_of_plan_finishes_early()
        {
            // 10 days, 90% done after five: 1 day remains → [0, 6), four days before the plan's [0, 10).
            var s = Schedule(Status + "task a { duration 10d  actual-start 2027-01-04  progress 90% }\n task b { duration 2d  after a }");
            s.Task("a").Finish.Should().Be(6);
            s.Task("b").Start.Should().Be(6);
        }

        [Fact]
        public void Remaining_work_is_rounded_up_to_whole_days()
        {
            // 5 days at 30%: 3.5 days remain → 4 days from index 5.
            var s = Schedule(Status + "task a { duration 5d  actual-start 2027-01-04  progress 30% }");
            s.Task("a").Finish.Should().Be(9);
        }

        [Fact]
        public void A_task_started_after_the_status_date_is_an_error_at_the_date()
        {
            // Progress is reported as of Fri 2027-01-08; a start recorded for Wed 2027-01-13 cannot have happened yet.
            var p = CompileBody(Status + "task a { duration 4d  actual-start 2027-01-13  progress 50% }");
            p.Schedule.Should().BeNull();
            var d = p.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM1102");
            d.Location!.Value.Text.Should().Be("2027-01-13");
            d.Message.Should().Be("actual-start 2027-01-13 is after the status date 2027-01-08: work cannot have started after the day progress is reported on; " +
                                  "correct the date, or move 'status-date' to 2027-01-13 or later");
        }

        [Fact]
        public void A_task_finished_after_the_status_date_is_an_error_at_the_date()
        {
            var p = CompileBody(Status + "task a { duration 4d  actual-start 2027-01-04  actual-finish 2027-01-11 }\n milestone m { actual-finish 2027-01-12 }");
            p.Diagnostics.Select(d => (d.Code, d.Location!.Value.Text, d.Message.Substring(0, d.Message.IndexOf(':')))).Should().Equal(
                ("TPM1102", "2027-01-11", "actual-finish 2027-01-11 is after the status date 2027-01-08"),
                ("TPM1102", "2027-01-12", "actual-finish 2027-01-12 is after the status date 2027-01-08"));
        }

        [Fact]
        public void A_status_date_before_the_start_is_an_error_at_the_date()
        {
            var p = CompileBody("status-date 2027-01-01\n task a { duration 3d }");
            var d = p.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM1102");
            d.Location!.Value.Text.Should().Be("2027-01-01");
            d.Message.Should().Be("the status date 2027-01-01 is before the program start 2027-01-04; progress cannot be reported before the program starts: correct 'status-date' or 'start'");
        }

        [Fact]
        public void Actual_dates_before_the_program_start_are_errors_at_the_dates_not_moved_to_the_start()
        {
            // The case from the issue: these dates used to be scheduled silently as 2016-03-10..2016-03-10.
            var p = CompileBody("task a { duration 10d  actual-start 2016-01-04  actual-finish 2016-01-15 }\n milestone m { actual-finish 2016-02-01 }", start: "2016-03-10");
            p.Schedule.Should().BeNull();
            p.Diagnostics.Select(d => (d.Code, d.Location!.Value.Text, d.Message)).Should().Equal(
                ("TPM1102", "2016-01-04", "actual-start 2016-01-04 is before the program start 2016-03-10; move 'start' to 2016-01-04 or earlier, or correct the date"),
                ("TPM1102", "2016-01-15", "actual-finish 2016-01-15 is before the program start 2016-03-10; move 'start' to 2016-01-15 or earlier, or correct the date"),
                ("TPM1102", "2016-02-01", "actual-finish 2016-02-01 is before the program start 2016-03-10; move 'start' to 2016-02-01 or earlier, or correct the date"));
        }

        [Fact]
        public void A_not_before_date_before_the_start_is_a_bound_already_met()
        {
            var s = Schedule("task a { duration 2d  not-before 2026-12-01 }");
            (s.Task("a").Start, s.Task("a").Finish).Should().Be((0, 2));
        }

        [Fact]
        public void A_finished_task_is_fixed_whatever_the_status_date()
        {
            var s = Schedule(Status + "task a { duration 2d  actual-start 2027-01-04  actual-finish 2027-01-07  progress 100% }\n task b { duration 1d  after a }");
            (s.Task("a").Start, s.Task("a").Finish).Should().Be((0, 4));
            // b could follow a at index 4, but it has not started by the status date.
            s.Task("b").Start.Should().Be(5);
        }

        [Fact]
        public void A_milestone_not_reached_by_the_status_date_is_dated_after_it()
        {
            var s = Schedule(Status + "task a { duration 2d  actual-start 2027-01-04  actual-finish 2027-01-05 }\n milestone m { after a }");
            // S ≥ 5: dated on the status date itself at the earliest (the day before index 5).
            s.Task("m").Start.Should().Be(5);
            s.Task("m").StartDate.Should().Be(D("2027-01-08"));
        }

        [Fact]
        public void Leveling_keeps_the_status_date()
        {
            var s = Schedule(Status + "person ana \"Ana\"\n task a { duration 3d  assign ana }\n task b { duration 3d  assign ana }");
            s.Tasks.Min(t => t.Start).Should().Be(5);
            s.FinishIndex.Should().Be(11);
        }

        [Fact]
        public void Ignoring_progress_gives_the_baseline()
        {
            var program = Compile("program p \"P\" {\n start 2027-01-04\n " + Status + " task a { duration 10d  actual-start 2027-01-06  progress 90% }\n task b { duration 2d }\n}");
            var baseline = ProgramScheduler.Run(program.Model!, new ScheduleOptions { IgnoreProgress = true }).Schedule!;
            (baseline.Task("a").Start, baseline.Task("a").Finish).Should().Be((0, 10));
            baseline.Task("b").Start.Should().Be(0);
        }

        [Fact]
        public void Progress_without_an_actual_start_is_an_error()
        {
            var program = CompileBody("task a { duration 3d  progress 20% }");
            var error = program.WithCode("TPM1101").Should().ContainSingle().Subject;
            error.Message.Should().Contain("'a' has progress but no 'actual-start'");
        }
    }
}
