using System.Linq;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Tests.Report
{
    /// <summary>Each RAG rule fires on a hand-made plan; the expected findings are worked out from the plan in <see cref="ReportPlans"/>.</summary>
    public class RagRulesTests
    {
        private static StatusAssessment Assess(string text, int iterations = 0) => RagRules.Assess(ReportPlans.Context(text, iterations));

        private static (RagStatus, string)[] Findings(RagAssessment area) => area.Findings.Select(f => (f.Level, f.Text)).ToArray();

        // ---------------------------------------------------------------- schedule

        [Fact]
        public void Schedule_is_red_when_the_plan_finishes_after_the_deadline()
        {
            // Finish 2027-03-12 (index 9) against a deadline of 2027-03-10 (index 7): 2 working days late.
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-10\n"));

            rag.Schedule.Status.Should().Be(RagStatus.Red);
            Findings(rag.Schedule).Should().Equal((RagStatus.Red, "the plan finishes on 2027-03-12, 2 working days after the deadline of 2027-03-10"));
        }

        [Fact]
        public void Schedule_is_red_when_the_forecast_meets_the_deadline_in_under_half_of_its_iterations()
        {
            // The plan meets the deadline on the day, but the estimate never samples below its 10 days: almost no
            // iteration finishes by 2027-03-12. The float rule fires as well (no day to spare).
            var context = ReportPlans.Context(ReportPlans.Pilot(settings: "  deadline 2027-03-12\n", build: "  estimate 10d 10d 30d"), iterations: 400);
            var rag = RagRules.Assess(context);

            var forecast = context.Forecast!;
            forecast.DeadlineProbability.Should().BeLessThan(0.5);
            rag.Schedule.Status.Should().Be(RagStatus.Red);
            Findings(rag.Schedule).Should().Equal(
                (RagStatus.Red, "the forecast meets the deadline in " + (forecast.DeadlineProbability!.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) +
                                "% of 400 iterations (P80 finish " + forecast.Finish.P80 + "; red under 50%)"),
                (RagStatus.Amber, "the plan finishes on 2027-03-12 with no working day to spare before the deadline of 2027-03-12 (amber under 5)"));
        }

        [Fact]
        public void Schedule_is_amber_when_the_forecast_meets_the_deadline_in_under_80_percent()
        {
            // Ten days of effort estimated 9/10/16: the plan has 10 days, the deadline Mon 2027-03-15 allows 11. The
            // PERT beta(1.57, 4.43) over [9, 16] stays within 11 days in about 70% of iterations (0.708 with seed 0).
            var context = ReportPlans.Context(ReportPlans.Pilot(settings: "  deadline 2027-03-15\n", build: "  estimate 9d 10d 16d"), iterations: 2000);
            var rag = RagRules.Assess(context);

            context.Forecast!.DeadlineProbability.Should().BeInRange(0.5, 0.8, "the plan is built to land between the two thresholds");
            rag.Schedule.Status.Should().Be(RagStatus.Amber);
            rag.Schedule.Findings.Should().Contain(f => f.Level == RagStatus.Amber && f.Text.StartsWith("the forecast meets the deadline in ") && f.Text.EndsWith("; amber under 80%)"));
        }

        [Fact]
        public void Schedule_is_amber_with_under_five_working_days_to_spare()
        {
            // Finish 2027-03-12 (index 9), deadline Wed 2027-03-17 (index 12): 3 working days to spare.
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-17\n"));

            Findings(rag.Schedule).Should().Equal((RagStatus.Amber, "the plan finishes on 2027-03-12 with only 3 working days to spare before the deadline of 2027-03-17 (amber under 5)"));
        }

        [Fact]
        public void Schedule_is_green_with_exactly_five_working_days_to_spare()
        {
            // Deadline Fri 2027-03-19 is index 14: 5 working days after the finish, which is not under 5.
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-19\n"));

            Findings(rag.Schedule).Should().Equal((RagStatus.Green, "the plan finishes on 2027-03-12 with 5 working days to spare before the deadline of 2027-03-19"));
        }

        [Fact]
        public void Schedule_is_amber_when_a_milestone_is_planned_after_its_due_date()
        {
            // done is reached 2027-03-12 (index 9) but due 2027-03-11 (index 8). The deadline is far: 13 days to spare.
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-31\n", done: "  due 2027-03-11"));

            Findings(rag.Schedule).Should().Equal((RagStatus.Amber, "1 task or milestone is planned after its due date: done by 1 working day"));
        }

        [Fact]
        public void Schedule_is_amber_when_the_forecast_rarely_meets_a_due_date_the_plan_meets()
        {
            // done is due on its planned date, which no iteration beats; the deadline 2027-03-31 allows 23 days, which
            // the beta(1, 5) over [10, 30] reaches in 1 - 0.35^5 = 99.5% of iterations, so only the due-date rule fires.
            var context = ReportPlans.Context(ReportPlans.Pilot(settings: "  deadline 2027-03-31\n", build: "  estimate 10d 10d 30d", done: "  due 2027-03-12"), iterations: 400);
            var rag = RagRules.Assess(context);

            var done = context.Forecast!.Milestones.Single();
            done.DueProbability.Should().BeLessThan(0.5);
            Findings(rag.Schedule).Should().Equal((RagStatus.Amber, "1 task or milestone meets its due date in fewer than 50% of the forecast's iterations: done " +
                                                                    (done.DueProbability!.Value * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%"));
        }

        [Fact]
        public void Schedule_is_red_when_the_spi_is_below_0_80()
        {
            // SPI 1,000 / 2,500 = 0.40; the tracked finish 2027-03-17 still leaves 10 working days before 2027-03-31.
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  deadline 2027-03-31\n", build: ReportPlans.BuildTracked));

            Findings(rag.Schedule).Should().Equal((RagStatus.Red, "the SPI at the status date is 0.40: less work is done than planned (red under 0.80)"));
        }

        [Theory]
        [InlineData("14%", RagStatus.Red, "the SPI at the status date is 0.28: less work is done than planned (red under 0.80)")]
        [InlineData("38%", RagStatus.Red, "the SPI at the status date is 0.76: less work is done than planned (red under 0.80)")]
        [InlineData("40%", RagStatus.Amber, "the SPI at the status date is 0.80: less work is done than planned (amber under 0.90)")]
        [InlineData("44%", RagStatus.Amber, "the SPI at the status date is 0.88: less work is done than planned (amber under 0.90)")]
        public void The_spi_is_rated_red_under_0_80_and_amber_under_0_90(string progress, RagStatus level, string finding)
        {
            // PV 2,500 at the status date; EV = 5,000 × progress, so 14% is an SPI of 0.28.
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  deadline 2027-03-31\n", build: "  actual-start 2027-03-01  progress " + progress + "  actual-cost 1_500"));

            rag.Schedule.Status.Should().Be(level);
            Findings(rag.Schedule).Should().ContainSingle(f => f.Item2.StartsWith("the SPI")).Which.Should().Be((level, finding));
        }

        [Fact]
        public void An_spi_of_0_90_is_green()
        {
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  deadline 2027-03-31\n", build: "  actual-start 2027-03-01  progress 45%  actual-cost 1_500"));

            Findings(rag.Schedule).Should().Contain((RagStatus.Green, "the SPI at the status date is 0.90"));
            rag.Schedule.Status.Should().Be(RagStatus.Green);
        }

        [Fact]
        public void Schedule_is_not_rated_without_a_deadline_a_due_date_or_an_spi()
        {
            var rag = Assess(ReportPlans.Pilot());

            Findings(rag.Schedule).Should().Equal((RagStatus.NotRated, "no deadline, due date or SPI to measure the schedule against"));
        }

        // ---------------------------------------------------------------- budget

        [Fact]
        public void Budget_is_red_when_the_planned_cost_exceeds_it()
        {
            var rag = Assess(ReportPlans.Pilot(settings: "  budget 4_000\n"));

            Findings(rag.Budget).Should().Equal((RagStatus.Red, "the planned cost of 5,000 EUR is 1,000 EUR over the budget of 4,000 EUR"));
        }

        [Fact]
        public void Budget_is_amber_when_the_planned_cost_is_above_90_percent_of_it()
        {
            // 5,000 / 5,400 = 92.59%.
            var rag = Assess(ReportPlans.Pilot(settings: "  budget 5_400\n"));

            Findings(rag.Budget).Should().Equal((RagStatus.Amber, "the planned cost of 5,000 EUR is 92.6% of the budget of 5,400 EUR (amber above 90%)"));
        }

        [Fact]
        public void Budget_is_green_with_more_than_ten_percent_in_reserve()
        {
            var rag = Assess(ReportPlans.Pilot(settings: "  budget 10_000\n"));

            Findings(rag.Budget).Should().Equal((RagStatus.Green, "the planned cost of 5,000 EUR is 50% of the budget of 10,000 EUR"));
        }

        [Fact]
        public void Budget_is_red_when_the_estimate_at_completion_exceeds_it()
        {
            // Half done by the status date as planned (PV = EV = 2,500) for 5,000: CPI 0.50, EAC = 5,000 x 5,000 / 2,500 = 10,000,
            // 4,000 over a budget of 6,000 that the planned 5,000 (83.3%) fits.
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  budget 6_000\n", build: "  actual-start 2027-03-01  progress 50%  actual-cost 5_000"));

            Findings(rag.Budget).Should().Equal(
                (RagStatus.Red, "the estimate at completion of 10,000 EUR (BAC ÷ CPI) is 4,000 EUR over the budget"),
                (RagStatus.Red, "the CPI at the status date is 0.50: the work done cost more than planned (red under 0.80)"));
        }

        [Theory]
        [InlineData("8_929", RagStatus.Red, "the CPI at the status date is 0.28: the work done cost more than planned (red under 0.80)")]
        [InlineData("3_000", RagStatus.Amber, "the CPI at the status date is 0.83: the work done cost more than planned (amber under 0.90)")]
        public void The_cpi_is_rated_red_under_0_80_and_amber_under_0_90(string actualCost, RagStatus level, string finding)
        {
            // EV 2,500 (half of 5,000 done); a budget of 100,000 holds even the EAC of 5,000 ÷ 0.28, so the CPI rates alone.
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  budget 100_000\n", build: "  actual-start 2027-03-01  progress 50%  actual-cost " + actualCost));

            Findings(rag.Budget).Should().Equal((level, finding));
        }

        [Fact]
        public void Budget_is_green_on_cost_with_the_estimate_at_completion_in_the_finding()
        {
            // 2,500 earned for 2,500 spent: CPI 1.00, EAC 5,000.
            var rag = Assess(ReportPlans.Pilot(settings: ReportPlans.Tracking + "  budget 10_000\n", build: "  actual-start 2027-03-01  progress 50%  actual-cost 2_500"));

            Findings(rag.Budget).Should().Equal((RagStatus.Green, "the planned cost of 5,000 EUR is 50% of the budget of 10,000 EUR; the estimate at completion is 5,000 EUR (CPI 1.00)"));
        }

        [Fact]
        public void Budget_is_not_rated_without_one()
        {
            Findings(Assess(ReportPlans.Pilot()).Budget).Should().Equal((RagStatus.NotRated, "the program has no budget"));
        }

        // ---------------------------------------------------------------- risk

        [Fact]
        public void Risk_is_red_for_a_high_open_risk_without_a_mitigation()
        {
            // 60% x 10 days = 6 days of exposure, owned but not mitigated.
            var rag = Assess(ReportPlans.Pilot(members: "  risk r1 \"Big\" { likelihood 60%  impact 10d  owner ana  status open }\n"));

            Findings(rag.Risk).Should().Equal((RagStatus.Red, "1 high open risk has no owner or no mitigation: r1 (exposure 6 days)"));
        }

        [Fact]
        public void Risk_is_amber_for_a_managed_open_risk_at_the_threshold()
        {
            // 30% x 10 days = exactly 3 days: high, but owned and mitigated.
            var rag = Assess(ReportPlans.Pilot(members: "  risk r1 \"Medium\" { likelihood medium  impact 10d  owner ana  mitigation \"Plan B\"  status open }\n"));

            Findings(rag.Risk).Should().Equal((RagStatus.Amber, "1 open risk has an exposure of 3 working days or more (owned and mitigated): r1 (exposure 3 days)"));
        }

        [Fact]
        public void Risk_is_amber_for_an_unmanaged_low_risk_and_for_an_occurred_one()
        {
            var rag = Assess(ReportPlans.Pilot(members:
                "  risk r1 \"Small\" { likelihood low  impact 5d  status open }\n" +
                "  risk r2 \"Happened\" { likelihood 20%  impact 5d  owner ana  mitigation \"Absorb it\"  status occurred }\n"));

            Findings(rag.Risk).Should().Equal(
                (RagStatus.Amber, "1 open risk has no owner or no mitigation: r1"),
                (RagStatus.Amber, "1 risk has occurred: r2"));
        }

        [Fact]
        public void Risk_is_green_when_open_risks_are_small_and_managed_and_closed_ones_do_not_count()
        {
            var rag = Assess(ReportPlans.Pilot(members:
                "  risk r1 \"Small\" { likelihood 20%  impact 5d  owner ana  mitigation \"Watch it\"  status open }\n" +
                "  risk r2 \"Was big\" { likelihood high  impact 20d  status closed }\n" +
                "  risk r3 \"Handled\" { likelihood high  impact 20d  status mitigated }\n"));

            Findings(rag.Risk).Should().Equal((RagStatus.Green, "1 open risk, owned and mitigated, with an exposure under 3 working days"));
        }

        [Fact]
        public void Risk_is_not_rated_without_risks()
        {
            Findings(Assess(ReportPlans.Pilot()).Risk).Should().Equal((RagStatus.NotRated, "no risk is recorded"));
        }

        // ---------------------------------------------------------------- overall

        [Fact]
        public void Overall_is_the_worst_area_and_names_where_each_stands()
        {
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-10\n  budget 5_400\n",
                members: "  risk r1 \"Medium\" { likelihood medium  impact 10d  owner ana  mitigation \"Plan B\"  status open }\n"));

            (rag.Schedule.Status, rag.Budget.Status, rag.Risk.Status).Should().Be((RagStatus.Red, RagStatus.Amber, RagStatus.Amber));
            Findings(rag.Overall).Should().Equal((RagStatus.Red, "schedule is red; budget and risk are amber"));
        }

        [Fact]
        public void Overall_leaves_out_areas_that_are_not_rated()
        {
            // Amber schedule (3 days to spare), green budget, no risks.
            var rag = Assess(ReportPlans.Pilot(settings: "  deadline 2027-03-17\n  budget 10_000\n"));

            Findings(rag.Overall).Should().Equal((RagStatus.Amber, "schedule is amber; budget is green"));
        }

        [Fact]
        public void Overall_is_not_rated_when_no_area_is()
        {
            Findings(Assess(ReportPlans.Pilot()).Overall).Should().Equal((RagStatus.NotRated, "no area is rated"));
        }

        [Fact]
        public void Every_rule_is_stated_with_its_thresholds()
        {
            RagRules.ScheduleRule.Should().Contain("fewer than 50%").And.Contain("fewer than 5 working days").And.Contain("fewer than 80%").And.Contain("below 0.90")
                .And.Contain("(SPI) at the status date is below 0.80");
            RagRules.BudgetRule.Should().Contain("exceeds the budget").And.Contain("above 90% of the budget").And.Contain("below 0.90").And.Contain("(CPI) at the status date is below 0.80");
            RagRules.RiskRule.Should().Contain("likelihood × impact").And.Contain("3 working days or more");
        }
    }
}
