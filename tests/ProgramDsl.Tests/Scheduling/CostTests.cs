using System.Linq;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>Planned cost per task: labour days × share × daily rate, resource units × days × hours × hourly rate, fixed cost.</summary>
    public class CostTests
    {
        private const string Setup = @"
  role de ""Data engineer"" { rate 500/d }
  person ana ""Ana"" { rate 800/d }
  person ben ""Ben"" { rate 750/d }
  person hal ""Hal"" { rate 100/h }
  person cap ""Cap"" { rate 1000/d  capacity 50% }
  person rob ""Rob"" { role de }
  person free ""Free""
  resource gpu ""GPU"" { capacity 8  rate 2.5/h }
  resource box ""Box"" { capacity 4  rate 100/d }
  resource slot ""Slot"" { capacity 4 }
";

        [Theory]
        // 5 days × 1 × 800.
        [InlineData("effort 5d  assign ana", 4000)]
        // 3 × 1 × 800 + 3 × 0.5 × 750 = 2400 + 1125.
        [InlineData("duration 3d  assign ana, ben 50%", 3525)]
        // effort 10d over ana 50% and ben: 7 days; 7 × 0.5 × 800 + 7 × 1 × 750 = 2800 + 5250.
        [InlineData("effort 10d  assign ana 50%, ben", 8050)]
        // 100/h × 8 h = 800/d; 2 days.
        [InlineData("duration 2d  assign hal", 1600)]
        // capacity 50%: effort 2d takes 4 days; 4 × 1 × 1000 (the share is 100%, capacity only stretches the days).
        [InlineData("effort 2d  assign cap", 4000)]
        // role rate when the person has none: 3 × 1 × 500.
        [InlineData("duration 3d  assign role de", 1500)]
        // 4 units × 3 days × 8 h × 2.5/h.
        [InlineData("duration 3d  uses gpu 4", 240)]
        // a daily resource rate: 2 units × 3 days × 8 h × (100/8) = 600.
        [InlineData("duration 3d  uses box 2", 600)]
        // no rate, no cost.
        [InlineData("duration 3d  uses slot 1  assign free", 0)]
        // fixed cost alone.
        [InlineData("duration 3d  cost 5000", 5000)]
        // all together: 2 × 800 + 1 × 2 × 8 × 2.5 + 1200 = 1600 + 40 + 1200.
        [InlineData("duration 2d  assign ana  uses gpu  cost 1200", 2840)]
        public void Cost_of_a_task(string work, decimal cost)
        {
            var s = Schedule(Setup + "task t { " + work + " }");
            s.Task("t").Cost.Should().Be(cost);
        }

        [Fact]
        public void Hourly_rates_follow_hours_per_day()
        {
            // hours-per-day 6: Hal costs 600 a day → 2 days = 1200; the GPU 1 unit × 2 days × 6 h × 2.5 = 30.
            var s = Schedule("hours-per-day 6\n" + Setup + "task t { duration 2d  assign hal }\n task g { duration 2d  uses gpu }");
            s.Task("t").Cost.Should().Be(1200m);
            s.Task("g").Cost.Should().Be(30m);
        }

        [Fact]
        public void Milestones_cost_nothing_but_their_fixed_cost_and_the_program_adds_up()
        {
            // a: 2 × 800 = 1600; b: 1 × 750 + 300 = 1050; program = 2650; the workstream holds b only.
            var s = Schedule(Setup + "task a { duration 2d  assign ana }\n workstream w { task b { duration 1d  assign ben  cost 300 } }\n milestone m { after a }");
            s.Task("m").Cost.Should().Be(0m);
            s.Task("w.b").Cost.Should().Be(1050m);
            s.Cost.Should().Be(2650m);
            s.Workstreams[0].Cost.Should().Be(1050m);
        }

        [Fact]
        public void Resource_units_times_days_do_not_wrap_around()
        {
            // 2,000,000,000 units × 2 days × 8 h × 1/h = 32,000,000,000 (more than an int holds).
            var s = Schedule("resource r \"R\" { capacity 2_000_000_000  rate 1/h }\n task t { duration 2d  uses r 2_000_000_000 }");
            s.Task("t").Cost.Should().Be(32_000_000_000m);
        }

        [Theory]
        [InlineData("person x \"X\" { rate 79228162514264337593543950335/d }", "task t { duration 2d  assign x }", "the cost of task 'w.t' is more than")]
        [InlineData("person x \"X\" { rate 79228162514264337593543950335/h }", "task t { duration 1d  assign x }", "the rate of person 'x' is more than")]
        [InlineData("resource r \"R\" { capacity 2  rate 79228162514264337593543950335/h }", "task t { duration 2d  uses r 2 }", "the rate of resource 'r' is more than")]
        [InlineData("", "task t { duration 2d  cost 79228162514264337593543950335 }  task u { duration 2d  cost 79228162514264337593543950335 }", "the cost of workstream 'w' (the sum of its tasks' costs) is more than")]
        public void Costs_too_large_for_decimal_are_TPM2006_not_a_clamped_figure(string declarations, string tasks, string message)
        {
            // decimal.MaxValue is 79,228,162,514,264,337,593,543,950,335: past it there is no right figure to show, so
            // there is no schedule (as for dates past 9999-12-31), only the located error.
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody(declarations + "\n workstream w { " + tasks + " }\n task v { duration 1d  cost 10 }")).Should().NotThrow();
            p!.Schedule.Should().BeNull();
            p.Diagnostics.Where(d => d.IsError).Should().ContainSingle()
                .Which.Should().Match<ProgramDsl.Diagnostics.Diagnostic>(d => d.Code == "TPM2006" && d.Message.StartsWith(message, System.StringComparison.Ordinal) &&
                                                                          d.Message.Contains("79,228,162,514,264,337,593,543,950,335") && d.Message.Contains("the largest amount tpm can compute"));
        }

        [Fact]
        public void Actual_costs_that_add_up_past_decimal_are_TPM2006_at_the_program()
        {
            var p = CompileBody("task t { duration 1d  actual-cost 50000000000000000000000000000 }\n task u { duration 1d  actual-cost 50000000000000000000000000000 }");
            p.Schedule.Should().BeNull();
            p.Diagnostics.Where(d => d.IsError).Select(d => d.Code + ": " + d.Message).Should().Equal(
                "TPM2006: the actual costs of program 'p' add up to more than 79,228,162,514,264,337,593,543,950,335, the largest amount tpm can compute; check the actual-cost entries");
        }

        [Fact]
        public void Vacation_does_not_add_cost()
        {
            // Ben away Wed 6 - Fri 8: 3 working days still cost 3 × 750, though the task spans 6 program days.
            var s = Schedule(Setup.Replace("person ben \"Ben\" { rate 750/d }", "person ben \"Ben\" { rate 750/d  vacation 2027-01-06..2027-01-08 }") + "task t { duration 3d  assign ben }");
            s.Task("t").Finish.Should().Be(6);
            s.Task("t").Cost.Should().Be(2250m);
        }
    }
}
