using System.Linq;
using ProgramDsl.Forecasting;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>Each task's own finish distribution (ForecastOptions.TaskFinishes), which the editor's hover shows.</summary>
    public class TaskFinishForecastTests
    {
        [Fact]
        public void A_tasks_percentiles_equal_those_of_a_milestone_that_only_waits_for_it_and_the_last_task_those_of_the_program()
        {
            var schedule = Schedule("task a { estimate 5d 10d 30d }\n task b { estimate 2d 4d 12d  after a }\n milestone m { after a }");
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 2_000, Seed = 7, TaskFinishes = true });

            var a = result.Tasks.Single(t => t.Task.Id == "a").Finish!;
            var b = result.Tasks.Single(t => t.Task.Id == "b").Finish!;
            var m = result.Milestones.Single().Finish;
            (a.P50, a.P80, a.P95).Should().Be((m.P50, m.P80, m.P95), "m finishes exactly when a does in every run");
            (b.P50, b.P80, b.P95).Should().Be((result.Finish.P50, result.Finish.P80, result.Finish.P95), "b ends the program in every run");
            b.P50.Should().BeGreaterThan(a.P50);
            a.Planned.Should().Be(schedule.Tasks.Single(t => t.Id == "a").FinishDate);
        }

        [Fact]
        public void Task_finishes_are_opt_in_and_change_nothing_else()
        {
            var schedule = Schedule("task a { estimate 5d 10d 30d }\n task b { estimate 2d 4d 12d  after a }");
            var plain = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 1_000, Seed = 3 });
            var withTasks = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 1_000, Seed = 3, TaskFinishes = true });

            plain.Tasks.Should().OnlyContain(t => t.Finish == null);
            withTasks.Tasks.Should().OnlyContain(t => t.Finish != null);
            (withTasks.Finish.P50, withTasks.Finish.P80, withTasks.Finish.MeanDays).Should().Be((plain.Finish.P50, plain.Finish.P80, plain.Finish.MeanDays));
            withTasks.Tasks.Select(t => t.Criticality).Should().Equal(plain.Tasks.Select(t => t.Criticality));
        }
    }
}
