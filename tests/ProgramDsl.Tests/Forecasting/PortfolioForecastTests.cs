using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ProgramDsl.Forecasting;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>
    /// The portfolio forecast (issue 16): one simulation over the programs leveled together, so that a delay drawn in
    /// one program moves the programs that wait for the same person.
    /// </summary>
    public class PortfolioForecastTests
    {
        private const string People = "person ana \"Ana\"\n";

        // alpha (priority 800) must finish by 2027-01-15 (its 10 working days), so the leveler serves it first; beta's
        // 5 days of Ana then follow alpha's task in every iteration: beta's finish = alpha's + 5 working days.
        private const string Alpha =
            "program alpha \"Alpha\" {\n start 2027-01-04\n deadline 2027-01-15\n include \"people.tpm\"\n" +
            " task a1 { duration 10d  estimate 6d 10d 24d  assign ana }\n}\n";

        private const string Beta =
            "program beta \"Beta\" {\n start 2027-01-04\n deadline 2027-01-29\n include \"people.tpm\"\n" +
            " task b1 { duration 5d  assign ana }\n}\n";

        /// <summary>
        /// Compiles the programs and levels them together, the way <c>TpmPortfolio.Load</c> does: each program is bound
        /// from its file, and the person declared once in people.tpm is one shared entity.
        /// </summary>
        internal static PortfolioSchedule Level(params (string Path, string Text, int Priority)[] programs)
        {
            var resolver = new InMemorySourceResolver().Add("people.tpm", People);
            foreach (var (path, text, _) in programs) resolver.Add(path, text);
            var members = programs
                .Select(p => (p, Program: TpmProgram.Load(p.Path, resolver)))
                .Select(x => new PortfolioMember(x.p.Path, x.p.Priority, x.Program.Model!.Location, x.Program))
                .ToList();
            foreach (var m in members) m.Program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            var uses = members
                .Select(m => (m, (Symbol)m.Program.Model!.People.Single(x => x.Id == "ana")))
                .ToList();
            var ana = uses[0].Item2;
            var shared = new[] { new SharedEntity("people.tpm:0", SymbolKind.Person, "ana", ana.Location, uses, 1000) };
            var result = PortfolioScheduler.Level(members, shared, PortfolioCompileOptions.Default, CancellationToken.None);
            return result.Schedule;
        }

        private static PortfolioSchedule AlphaBeta() => Level(("alpha.tpm", Alpha, 800), ("beta.tpm", Beta, 500));

        private static PortfolioForecastResult Forecast(PortfolioSchedule schedule, int iterations = 2000, int seed = 7, int? threads = null) =>
            PortfolioForecast.Run(schedule, new ForecastOptions { Iterations = iterations, Seed = seed, MaxDegreeOfParallelism = threads });

        [Fact]
        public void The_leveled_schedule_serves_the_high_priority_program_first()
        {
            var schedule = AlphaBeta();
            schedule.Programs.Select(p => p.FinishDate).Should().Equal(D("2027-01-15"), D("2027-01-22"));
        }

        [Fact]
        public void A_delay_drawn_in_the_high_priority_program_moves_the_other_programs_finish()
        {
            var schedule = AlphaBeta();
            var result = Forecast(schedule);
            var alpha = result.Programs[0];
            var beta = result.Programs[1];
            alpha.ProgramId.Should().Be("alpha");
            beta.ProgramId.Should().Be("beta");
            alpha.EstimatedTasks.Should().Be(1);
            beta.EstimatedTasks.Should().Be(0);

            // Beta's task starts when alpha's ends, in every iteration: 5 working days later, percentile by percentile.
            beta.Finish.MeanDays.Should().BeApproximately(alpha.Finish.MeanDays + 5, 1e-9);
            var calendar = schedule.Programs[1].Schedule.Calendar;
            CalendarDate Plus5(CalendarDate d) => calendar.DateOf(calendar.LastIndexOnOrBefore(d) + 5);
            beta.Finish.P50.Should().Be(Plus5(alpha.Finish.P50));
            beta.Finish.P80.Should().Be(Plus5(alpha.Finish.P80));
            beta.Finish.P95.Should().Be(Plus5(alpha.Finish.P95));
            beta.Finish.Planned.Should().Be(D("2027-01-22"));

            // PERT(6, 10, 24) has a mean of 11.67 days: beta finishes past its planned 2027-01-22 at P80.
            alpha.Finish.MeanDays.Should().BeApproximately(11.67, 0.3);
            beta.Finish.P80.Should().BeGreaterThan(D("2027-01-22"));

            // Beta meets 2027-01-29 (20 working days) exactly when alpha's task takes at most 15 days; alpha meets its
            // deadline when its task takes at most 10. The portfolio's finish is beta's.
            alpha.DeadlineProbability.Should().BeInRange(0.3, 0.6);
            beta.DeadlineProbability.Should().BeGreaterThan(alpha.DeadlineProbability!.Value).And.BeLessThan(1);
            result.AllDeadlinesProbability.Should().Be(alpha.DeadlineProbability);
            result.Finish!.P95.Should().Be(beta.Finish.P95);
            result.LeveledTogether.Should().BeTrue();
        }

        [Fact]
        public void Alone_the_other_program_does_not_move()
        {
            // Forecast alone (no shared person), beta has nothing to draw: always its 5 days.
            var beta = MonteCarloForecast.Run(TpmProgram.Load("beta.tpm", new InMemorySourceResolver().Add("people.tpm", People).Add("beta.tpm", Beta)).Schedule!,
                new ForecastOptions { Iterations = 500, Seed = 7 });
            beta.Finish.P95.Should().Be(D("2027-01-08"));
            beta.DeadlineProbability.Should().Be(1);

            var together = Forecast(AlphaBeta()).Programs[1];
            together.Finish.P50.Should().BeGreaterThan(beta.Finish.P50);
            together.DeadlineProbability.Should().BeLessThan(1);
        }

        [Fact]
        public void The_high_priority_programs_forecast_is_its_forecast_alone()
        {
            // Served first, alpha never waits: its draws are the single forecast's draws (same seed, first in the stream).
            var alone = MonteCarloForecast.Run(TpmProgram.Load("alpha.tpm", new InMemorySourceResolver().Add("people.tpm", People).Add("alpha.tpm", Alpha)).Schedule!,
                new ForecastOptions { Iterations = 1000, Seed = 3 });
            var together = Forecast(AlphaBeta(), 1000, 3).Programs[0];
            together.Finish.P50.Should().Be(alone.Finish.P50);
            together.Finish.P80.Should().Be(alone.Finish.P80);
            together.Finish.P95.Should().Be(alone.Finish.P95);
            together.Finish.MeanDays.Should().Be(alone.Finish.MeanDays);
            together.DeadlineProbability.Should().Be(alone.DeadlineProbability);
        }

        [Fact]
        public void The_same_seed_gives_the_same_forecast_whatever_the_threads()
        {
            var schedule = AlphaBeta();
            var one = Forecast(schedule, 1000, 11, threads: 1);
            var four = Forecast(schedule, 1000, 11, threads: 4);
            Summary(one).Should().Be(Summary(four));
            Summary(Forecast(schedule, 1000, 12)).Should().NotBe(Summary(one));
        }

        [Fact]
        public void Percentiles_are_ordered_and_probabilities_are_shares()
        {
            var result = Forecast(AlphaBeta(), 500, 5);
            foreach (var p in result.Programs)
            {
                p.Finish.P50.Should().BeLessThanOrEqualTo(p.Finish.P80);
                p.Finish.P80.Should().BeLessThanOrEqualTo(p.Finish.P95);
                p.DeadlineProbability!.Value.Should().BeInRange(0, 1);
            }

            result.Finish!.P50.Should().BeLessThanOrEqualTo(result.Finish.P80);
            result.Finish.P80.Should().BeLessThanOrEqualTo(result.Finish.P95);
            result.AllDeadlinesProbability!.Value.Should().BeInRange(0, 1);
        }

        [Fact]
        public void The_work_budget_cuts_the_iterations_with_TPM2007()
        {
            var schedule = AlphaBeta();
            var full = Forecast(schedule, 100);
            full.BudgetWarning.Should().BeNull();
            var cut = PortfolioForecast.Run(schedule, new ForecastOptions { Iterations = 100, WorkBudget = full.WorkPerIteration * 10 });
            cut.Iterations.Should().Be(10);
            cut.IterationsAsked.Should().Be(100);
            cut.BudgetWarning!.Code.Should().Be("TPM2007");
        }

        [Fact]
        public void A_cancelled_forecast_throws()
        {
            using var cancel = new CancellationTokenSource();
            cancel.Cancel();
            Action run = () => PortfolioForecast.Run(AlphaBeta(), new ForecastOptions { CancellationToken = cancel.Token });
            run.Should().Throw<OperationCanceledException>();
        }

        private static string Summary(PortfolioForecastResult r) =>
            string.Join(";", r.Programs.Select(p => p.ProgramId + " " + p.Finish.P50 + " " + p.Finish.P80 + " " + p.Finish.P95 + " " +
                p.Finish.MeanDays.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " " + p.DeadlineProbability)) +
            "|" + r.Finish!.P95 + " " + r.AllDeadlinesProbability;
    }
}
