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
        public void A_task_started_after_the_status_date_keeps_its_own_start()
        {
            // Recorded to start on Wed 2027-01-13 (index 7): its remaining 2 days run from there.
            var s = Schedule(Status + "task a { duration 4d  actual-start 2027-01-13  progress 50% }");
            (s.Task("a").Start, s.Task("a").Finish).Should().Be((7, 9));
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
