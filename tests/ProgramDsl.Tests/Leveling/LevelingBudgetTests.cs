using System.Linq;
using System.Text;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>The cap on the leveler's work that the IDE analyzers use.</summary>
    public class LevelingBudgetTests
    {
        // Six 1-day tasks that each take 2 of the 3 GPUs: they can only run one at a time (6 days), but the work
        // bound says 6 × 2 / 3 = 4, so the search never meets its bound and spends its whole budget.
        private static string Contended()
        {
            var sb = new StringBuilder("resource gpu \"GPUs\" { capacity 3 }\n");
            for (int i = 0; i < 6; i++) sb.Append(" task t").Append(i).Append(" { duration 1d  uses gpu 2 }\n");
            return sb.ToString();
        }

        [Fact]
        public void A_placement_cap_below_the_effort_budget_limits_the_schedules_tried()
        {
            var full = Schedule(Contended(), new ScheduleOptions { Schedules = 1000 });
            var capped = Schedule(Contended(), new ScheduleOptions { MaxPlacements = 7 * 50 });

            full.LevelingSchedules.Should().BeGreaterThan(50, "without the cap the search goes on");
            capped.LevelingSchedules.Should().BeLessThanOrEqualTo(50, "the cap is 50 schedules of 7 activities (6 tasks and the finish)");
            capped.LevelingSchedules.Should().BeGreaterThan(0);
            capped.FinishIndex.Should().Be(6, "one task a day either way");
        }

        [Fact]
        public void A_cap_above_the_effort_budget_changes_nothing()
        {
            var normal = Schedule(Contended());
            var capped = Schedule(Contended(), new ScheduleOptions { MaxPlacements = long.MaxValue });

            capped.LevelingSchedules.Should().Be(normal.LevelingSchedules);
            capped.FinishIndex.Should().Be(normal.FinishIndex);
            capped.Tasks.Select(t => t.Start).Should().Equal(normal.Tasks.Select(t => t.Start));
        }
    }
}
