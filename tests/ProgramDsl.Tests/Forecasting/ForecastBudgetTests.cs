using System.Linq;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>The forecast's work budget: a deterministic cut of the iterations, reported as TPM2007.</summary>
    public class ForecastBudgetTests
    {
        // A task whose pessimistic estimate is 200,000 working days on a person: an iteration can scan that many days
        // twice, so the budget allows a few thousand iterations, not ten thousand. Ana's other task also needs Bob, who
        // has a week off, so her tasks have different calendars and her usage is kept day by day (a long booking on
        // people whose tasks share one calendar costs a few units: LongBookingTests).
        private const string Long = "person ana \"Ana\"\n person bob \"Bob\" { vacation 2027-02-01..2027-02-05 }\n" +
            " task t { estimate 1d 2d 200000d  assign ana }\n task u { estimate 1d 2d 3d  assign ana, bob }";

        [Fact]
        public void A_forecast_over_its_work_budget_runs_fewer_iterations_and_says_how_many()
        {
            var result = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 3 });

            result.IterationsAsked.Should().Be(10_000);
            result.Iterations.Should().BeLessThan(10_000);
            result.Iterations.Should().Be((int)(MonteCarloForecast.WorkBudget / result.WorkPerIteration), "as many as the budget pays for");
            ((long)result.Iterations * result.WorkPerIteration).Should().BeLessThanOrEqualTo(MonteCarloForecast.WorkBudget);
            var warning = result.BudgetWarning!;
            warning.Should().NotBeNull();
            warning.Code.Should().Be("TPM2007");
            warning.Severity.Should().Be(ProgramDsl.Diagnostics.DiagnosticSeverity.Warning);
            warning.Location!.Value.ToString().Should().Be("plan.tpm(1,9)", "at the program declaration");
            warning.Message.Should().Contain("ran " + result.Iterations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " of 10,000 iterations");
        }

        [Fact]
        public void The_budget_binds_below_64_iterations_and_one_runs_at_least()
        {
            var schedule = Schedule(Long);
            long perIteration = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 1, Seed = 3 }).WorkPerIteration;

            // A budget worth ten iterations runs ten (there was a floor of 64 that ran past any budget).
            var ten = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 2_000, Seed = 3, WorkBudget = 10 * perIteration + perIteration / 2 });
            ten.Iterations.Should().Be(10);
            ten.BudgetWarning!.Message.Should().Contain("ran 10 of 2,000 iterations");

            // A budget smaller than one iteration still runs one: a schedule, which the input limits bound.
            var one = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 2_000, Seed = 3, WorkBudget = 1 });
            MonteCarloForecast.MinimumIterations.Should().Be(1);
            one.Iterations.Should().Be(1);
            one.BudgetWarning!.Message.Should().Contain("ran 1 of 2,000 iterations");
            one.Finish.P50.Should().Be(one.Finish.P95, "one iteration: every percentile is its finish");
        }

        private const long SmallerBudget = 300_000_000;

        [Fact]
        public void A_smaller_budget_cuts_sooner_and_the_warning_names_it()
        {
            var full = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 3 });
            var report = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 3, WorkBudget = SmallerBudget });

            report.WorkPerIteration.Should().Be(full.WorkPerIteration, "the cost of an iteration depends on the plan alone");
            report.Iterations.Should().Be((int)(SmallerBudget / report.WorkPerIteration));
            report.Iterations.Should().BeLessThan(full.Iterations);
            report.BudgetWarning!.Message.Should().Contain(" work units of 300,000,000)");
            full.BudgetWarning!.Message.Should().Contain(" work units of 1,000,000,000)");
        }

        [Fact]
        public void A_budget_below_one_unit_is_refused()
        {
            FluentActions.Invoking(() => MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { WorkBudget = 0 }))
                .Should().Throw<System.ArgumentOutOfRangeException>();
        }

        [Fact]
        public void The_cut_depends_on_the_plan_not_on_the_threads()
        {
            var one = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 3, MaxDegreeOfParallelism = 1 });
            var all = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 3 });

            all.Iterations.Should().Be(one.Iterations);
            all.Finish.MeanDays.Should().Be(one.Finish.MeanDays);
            all.Finish.P80.Should().Be(one.Finish.P80);
        }

        [Fact]
        public void A_forecast_within_its_budget_runs_every_iteration_and_warns_nothing()
        {
            var result = MonteCarloForecast.Run(Schedule("person ana \"Ana\"\n task t { estimate 1d 2d 9d  assign ana }"), new ForecastOptions { Iterations = 5_000 });

            result.Iterations.Should().Be(5_000);
            result.IterationsAsked.Should().Be(5_000);
            result.BudgetWarning.Should().BeNull();
        }

        [Fact]
        public void The_first_iterations_of_a_cut_forecast_are_those_of_a_full_one()
        {
            // Iterations are drawn from streams per block of the seed, so a cut keeps a prefix: asking for exactly the
            // iterations that ran gives the same forecast, without the warning.
            var cut = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = 10_000, Seed = 5 });
            var exact = MonteCarloForecast.Run(Schedule(Long), new ForecastOptions { Iterations = cut.Iterations, Seed = 5 });

            exact.BudgetWarning.Should().BeNull();
            exact.Finish.MeanDays.Should().Be(cut.Finish.MeanDays);
            exact.Tasks.Select(t => t.Criticality).Should().Equal(cut.Tasks.Select(t => t.Criticality));
        }
    }
}
