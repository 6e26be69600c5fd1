using System;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>Seeded statistical checks of the Monte Carlo forecast against values worked out by hand.</summary>
    public class ForecastTests
    {
        private static ForecastResult Forecast(string body, int iterations = 20_000, int seed = 1, int? threads = null, CalibrationScope calibration = CalibrationScope.None) =>
            MonteCarloForecast.Run(Schedule(body), new ForecastOptions { Iterations = iterations, Seed = seed, MaxDegreeOfParallelism = threads, Calibration = calibration });

        private static int Index(ForecastResult result, Schedule schedule, ProgramDsl.Semantics.CalendarDate date) => schedule.Calendar.LastIndexOnOrBefore(date) + 1;

        [Fact]
        public void A_single_PERT_task_has_the_PERT_mean()
        {
            // (o + 4m + p) / 6 = (10 + 80 + 60) / 6 = 25 days; the PERT standard deviation ≈ 8.2, so the error of a
            // 20,000-iteration mean is ≈ 0.06: a tolerance of 0.25 fails only on a real bias.
            var result = Forecast("task t { estimate 10d 20d 60d }");
            result.Finish.MeanDays.Should().BeApproximately(25.0, 0.25);
            result.EstimatedTasks.Should().Be(1);
        }

        [Fact]
        public void Effort_estimates_are_spread_over_the_assignees()
        {
            // Effort 12 18 36 person-days over two people: the mean duration is (12 + 72 + 36) / 6 / 2 = 10 days.
            var result = Forecast("person a \"A\"\n person b \"B\"\n task t { effort 18d  estimate 12d 18d 36d  assign a, b }");
            result.Finish.MeanDays.Should().BeApproximately(10.0, 0.15);
        }

        [Fact]
        public void A_task_without_an_estimate_does_not_vary()
        {
            var body = "task t { duration 7d }";
            var result = Forecast(body, iterations: 500);
            result.Finish.MeanDays.Should().Be(7);
            result.Finish.P95.Should().Be(result.Finish.Planned);
            result.EstimatedTasks.Should().Be(0);
        }

        [Theory]
        // A 10-day task and a 5-day risk: P50 moves to 15 days only when the risk is more likely than not.
        [InlineData("40%", 10)]
        [InlineData("49%", 10)]
        [InlineData("51%", 15)]
        [InlineData("70%", 15)]
        public void A_risk_moves_the_median_only_when_more_likely_than_not(string likelihood, int p50)
        {
            var body = "task t { duration 10d }\n risk r { likelihood " + likelihood + "  impact 5d  affects t }";
            var schedule = Schedule(body);
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 20_000, Seed = 3 });
            Index(result, schedule, result.Finish.P50).Should().Be(p50);
            Index(result, schedule, result.Finish.P95).Should().Be(15);
            double p = double.Parse(likelihood.TrimEnd('%'), CultureInfo.InvariantCulture) / 100;
            result.Finish.MeanDays.Should().BeApproximately(10 + 5 * p, 0.1);
        }

        [Fact]
        public void Closed_and_mitigated_risks_are_not_sampled()
        {
            var result = Forecast("task t { duration 10d }\n risk r { likelihood 90%  impact 5d  affects t  status mitigated }\n risk s { likelihood 90%  impact 5d  affects t  status closed }", 1000);
            result.Finish.MeanDays.Should().Be(10);
            result.OpenRisks.Should().Be(0);
        }

        [Fact]
        public void Two_parallel_tasks_finish_with_the_later_of_the_two()
        {
            // Each task is PERT(0, 100, 200) = 200·Beta(3, 3), whose CDF is F(x) = 10x³ − 15x⁴ + 6x⁵ on [0, 1]. The
            // program ends with the later task: P(max ≤ x) = F(x)², so E[max] = 200·∫(1 − F²) and the median solves F² = ½.
            var schedule = Schedule("task a { estimate 0d 100d 200d }\n task b { estimate 0d 100d 200d }");
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 40_000, Seed = 5 });
            static double F(double x) => x * x * x * (10 - 15 * x + 6 * x * x);
            double mean = 0;
            const int steps = 10_000;
            for (int i = 0; i < steps; i++)
            {
                double x = (i + 0.5) / steps;
                mean += (1 - F(x) * F(x)) / steps;
            }

            double lo = 0, hi = 1;
            for (int i = 0; i < 60; i++)
            {
                double mid = (lo + hi) / 2;
                if (F(mid) * F(mid) < 0.5) lo = mid;
                else hi = mid;
            }

            result.Finish.MeanDays.Should().BeApproximately(200 * mean, 0.6);
            Index(result, schedule, result.Finish.P50).Should().BeCloseTo((int)Math.Round(200 * lo), 2);

            // Both are on the critical path about half of the time.
            result.Tasks.Single(t => t.Task.Id == "a").Criticality.Should().BeApproximately(0.5, 0.03);
            result.Tasks.Single(t => t.Task.Id == "b").Criticality.Should().BeApproximately(0.5, 0.03);
        }

        [Fact]
        public void Criticality_follows_the_driving_chain()
        {
            var result = Forecast("task a { estimate 8d 10d 12d }\n task b { estimate 1d 2d 3d }\n task c { duration 1d  after a }", 2000);
            result.Tasks.Single(t => t.Task.Id == "a").Criticality.Should().Be(1);
            result.Tasks.Single(t => t.Task.Id == "c").Criticality.Should().Be(1);
            result.Tasks.Single(t => t.Task.Id == "b").Criticality.Should().Be(0);
        }

        [Fact]
        public void Leveling_puts_a_shared_person_on_the_critical_path()
        {
            // Independent tasks, one person: every iteration runs them back to back, so both drive the finish.
            var result = Forecast("person ana \"Ana\"\n task a { estimate 4d 5d 6d  assign ana }\n task b { estimate 4d 5d 6d  assign ana }", 2000);
            result.Leveled.Should().BeTrue();
            result.Finish.MeanDays.Should().BeApproximately(10, 0.1);
            result.Tasks.Should().OnlyContain(t => t.Criticality == 1);
        }

        [Fact]
        public void Without_leveling_people_do_not_hold_tasks_back()
        {
            var result = Forecast("leveling off\n person ana \"Ana\"\n task a { estimate 4d 5d 6d  assign ana }\n task b { estimate 4d 5d 6d  assign ana }", 4000);
            result.Leveled.Should().BeFalse();
            result.Finish.MeanDays.Should().BeLessThan(6);
        }

        [Fact]
        public void Due_dates_and_the_deadline_get_probabilities()
        {
            // A risk of 30% adds 5 days to a 10-day task due after day 10 (Fri 2027-01-15): met 70% of the time.
            var result = Forecast("deadline 2027-01-15\n task t { duration 10d  due 2027-01-15 }\n risk r { likelihood 30%  impact 5d  affects t }");
            result.DeadlineProbability.Should().BeApproximately(0.7, 0.015);
            result.Tasks.Single(t => t.Task.Id == "t").DueProbability.Should().BeApproximately(0.7, 0.015);
        }

        [Fact]
        public void Milestones_get_percentiles()
        {
            var schedule = Schedule("task t { duration 10d }\n milestone m { after t  due 2027-01-18 }\n risk r { likelihood 90%  impact 3d  affects t }");
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 4000, Seed = 2 });
            var m = result.Milestones.Should().ContainSingle().Subject;
            m.Finish.Planned.Should().Be(D("2027-01-15"));
            m.Finish.P50.Should().Be(D("2027-01-20"));
            m.DueProbability.Should().BeApproximately(0.1, 0.02);
        }

        [Fact]
        public void A_risk_on_a_workstream_delays_it_once()
        {
            // Two tasks in sequence inside the workstream: the risk delays the last one, so the program ends 4 days later, not 8.
            var result = Forecast("workstream w { task a { duration 5d }\n task b { duration 5d  after a } }\n risk r { likelihood 100%  impact 4d  affects w }", 200);
            result.Finish.MeanDays.Should().Be(14);
        }

        [Fact]
        public void Drivers_rank_the_inputs_that_move_the_finish()
        {
            var result = Forecast(
                "task big { estimate 5d 10d 40d }\n task small { estimate 9d 10d 11d }\n task after-small { duration 1d  after small }\n" +
                " risk late { likelihood 50%  impact 20d  affects small }", 10_000);
            result.Drivers.Should().NotBeEmpty();
            result.Drivers[0].Symbol.Id.Should().Be("late");
            result.Drivers[0].Kind.Should().Be(DriverKind.Risk);
            result.Drivers.Select(d => d.Symbol.Id).Should().Contain("big");
            result.Drivers.Select(d => Math.Abs(d.Correlation)).Should().BeInDescendingOrder();
            result.Drivers.Single(d => d.Symbol.Id == "big").Slope.Should().BePositive();
        }

        [Fact]
        public void Finished_tasks_do_not_move_and_work_in_progress_is_forecast_from_the_status_date()
        {
            // a finished; b 50% done of a 10-day estimate (PERT mean 10): about 5 days remain from index 5.
            var result = Forecast(
                "status-date 2027-01-08\n task a { estimate 1d 3d 20d  actual-start 2027-01-04  actual-finish 2027-01-06 }\n" +
                " task b { estimate 6d 10d 14d  actual-start 2027-01-05  progress 50% }");
            result.EstimatedTasks.Should().Be(1);
            result.Finish.MeanDays.Should().BeApproximately(10.0, 0.2);
        }

        [Fact]
        public void The_same_seed_gives_the_same_forecast_whatever_the_thread_count()
        {
            const string body = "person ana \"Ana\"\n person ben \"Ben\"\n" +
                " task a { effort 5d  estimate 3d 5d 9d  assign ana }\n task b { effort 5d  estimate 3d 5d 12d  assign ana }\n" +
                " task c { effort 4d  estimate 2d 4d 6d  assign ben  after a }\n task d { estimate 1d 6d 8d  assign ben  after b }\n" +
                " milestone m { after c, d  due 2027-02-01 }\n risk r { likelihood 35%  impact 3d  affects c }";
            var one = Dump(Forecast(body, 3000, seed: 9, threads: 1));
            var four = Dump(Forecast(body, 3000, seed: 9, threads: 4));
            var again = Dump(Forecast(body, 3000, seed: 9));
            four.Should().Be(one);
            again.Should().Be(one);
            Dump(Forecast(body, 3000, seed: 10)).Should().NotBe(one);
        }

        [Fact]
        public void Calibration_recovers_a_known_bias()
        {
            // Six finished tasks estimated at 10 days most likely took 12–14 days: ratios 1.2–1.4, log-mean ln(1.3) roughly.
            var actual = new[] { 12, 13, 14, 13, 12, 14 };
            var body = new StringBuilder("status-date 2027-04-30\n");
            var day = new DateTime(2027, 1, 4);
            for (int i = 0; i < actual.Length; i++)
            {
                // Each history task runs alone on calendar days that are all working days (no holidays, mon..fri).
                var start = day;
                var finish = AddWorkingDays(start, actual[i] - 1);
                body.Append(" task h" + i + " { estimate 8d 10d 15d  actual-start " + start.ToString("yyyy-MM-dd") + "  actual-finish " + finish.ToString("yyyy-MM-dd") + " }\n");
                day = AddWorkingDays(finish, 1);
            }

            body.Append(" task next { estimate 10d 10d 10d }\n");
            double mu = actual.Average(a => Math.Log(a / 10.0));
            double sigma = Math.Sqrt(actual.Sum(a => Math.Pow(Math.Log(a / 10.0) - mu, 2)) / (actual.Length - 1));

            var schedule = Schedule(body.ToString());
            var plain = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 20_000, Seed = 4 });
            var calibrated = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 20_000, Seed = 4, Calibration = CalibrationScope.Program });

            var group = calibrated.Calibration!.Groups.Should().ContainSingle().Subject;
            calibrated.Calibration.FinishedTasks.Should().Be(6);
            group.FinishedTasks.Should().Be(6);
            group.Mu.Should().BeApproximately(mu, 1e-9);
            group.Sigma.Should().BeApproximately(sigma, 1e-9);
            group.MedianRatio.Should().BeApproximately(1.3, 0.02);
            group.CalibratedTasks.Should().Be(1);

            // The remaining 10-day task: as written it takes 10 days after the status date; calibrated, 10·E[ratio] = 10·e^(μ + σ²/2).
            int cutoff = schedule.Calendar.LastIndexOnOrBefore(D("2027-04-30")) + 1;
            plain.Finish.MeanDays.Should().Be(cutoff + 10);
            calibrated.Finish.MeanDays.Should().BeApproximately(cutoff + 10 * Math.Exp(mu + sigma * sigma / 2), 0.05);
        }

        [Fact]
        public void Calibration_needs_enough_history()
        {
            var result = Forecast("status-date 2027-01-29\n task h { estimate 1d 2d 3d  actual-start 2027-01-04  actual-finish 2027-01-06 }\n task next { estimate 1d 2d 3d }",
                1000, calibration: CalibrationScope.Workstream);
            result.Calibration!.FinishedTasks.Should().Be(1);
            result.Calibration.Groups.Should().BeEmpty();
        }

        [Fact]
        public void Workstream_calibration_prefers_the_nearest_workstream_with_history()
        {
            var body = "status-date 2027-02-26\n" +
                " workstream slow { task s1 { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-15 }\n" +
                "   task s2 { estimate 5d 5d 5d  actual-start 2027-01-18  actual-finish 2027-01-29 }\n" +
                "   task s3 { estimate 5d 5d 5d  actual-start 2027-02-01  actual-finish 2027-02-12 }\n   task s4 { estimate 5d 5d 5d } }\n" +
                " workstream fast { task f1 { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-08 }\n" +
                "   task f2 { estimate 5d 5d 5d  actual-start 2027-01-11  actual-finish 2027-01-15 }\n" +
                "   task f3 { estimate 5d 5d 5d  actual-start 2027-01-18  actual-finish 2027-01-22 }\n   task f4 { estimate 5d 5d 5d } }";
            var result = Forecast(body, 500, calibration: CalibrationScope.Workstream);
            var groups = result.Calibration!.Groups.ToDictionary(g => g.Name);
            groups["workstream slow"].MedianRatio.Should().BeApproximately(2.0, 1e-9);
            groups["workstream fast"].MedianRatio.Should().BeApproximately(1.0, 1e-9);
            groups["workstream slow"].CalibratedTasks.Should().Be(1);
            groups["program"].CalibratedTasks.Should().Be(0);
        }

        [Fact]
        public void A_forecast_past_the_last_date_is_TPM2005_not_a_crash()
        {
            // Planned at 2 days from June 9999, but a pessimistic 900 days runs past 9999-12-31 in many iterations.
            var schedule = Schedule("task a { estimate 1d 2d 900d }", start: "9999-06-01");
            var thrown = FluentActions.Invoking(() => MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 200, Seed = 1 }))
                .Should().Throw<ForecastRangeException>().Which;
            thrown.Diagnostic.Code.Should().Be("TPM2005");
            thrown.Diagnostic.Message.Should().MatchRegex(@"^the forecast runs past 9999-12-31 in \d+ of 200 iterations; check the pessimistic estimates and the risk impacts$");
        }

        [Fact]
        public void A_person_calendar_looked_up_past_the_last_date_is_TPM2005_too()
        {
            // Ana's vacation gives the task a calendar of its own; 5% of up to 900 days left from December 9999 runs off its end.
            var schedule = Schedule("leveling off\n status-date 9999-12-01\n person ana \"Ana\" { vacation 9999-11-10..9999-11-12 }\n" +
                " task a { effort 10d  estimate 1d 10d 900d  assign ana  actual-start 9999-11-01  progress 95% }", start: "9999-11-01");
            FluentActions.Invoking(() => MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 100 }))
                .Should().Throw<ForecastRangeException>().Which.Diagnostic.Code.Should().Be("TPM2005");
        }

        private static DateTime AddWorkingDays(DateTime date, int days)
        {
            while (days > 0)
            {
                date = date.AddDays(1);
                if (date.DayOfWeek != DayOfWeek.Saturday && date.DayOfWeek != DayOfWeek.Sunday) days--;
            }

            return date;
        }

        private static string Dump(ForecastResult r)
        {
            var b = new StringBuilder();
            b.Append(r.Finish.P50).Append(r.Finish.P80).Append(r.Finish.P95).Append(r.Finish.MeanDays.ToString("R", CultureInfo.InvariantCulture)).Append(r.DeadlineProbability).AppendLine();
            foreach (var m in r.Milestones) b.Append(m.Milestone.Id).Append(m.Finish.P50).Append(m.Finish.P80).Append(m.Finish.P95).Append(m.DueProbability?.ToString("R", CultureInfo.InvariantCulture)).AppendLine();
            foreach (var t in r.Tasks) b.Append(t.Task.Id).Append(t.Criticality.ToString("R", CultureInfo.InvariantCulture)).AppendLine();
            foreach (var d in r.Drivers) b.Append(d.Symbol.Id).Append(d.Correlation.ToString("R", CultureInfo.InvariantCulture)).Append(d.Slope.ToString("R", CultureInfo.InvariantCulture)).AppendLine();
            return b.ToString();
        }
    }
}
