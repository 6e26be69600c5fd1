using System.Linq;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Tests.Budget
{
    public class BudgetCheckTests
    {
        // 5 + 8 = 13 days of Ana at 950/d = 12,350 USD; the budget line is line 4, 'budget 10_000' from column 3.
        private const string Plan =
            "program churn \"Churn model\" {\n" +
            "  start 2027-01-04\n" +
            "  currency USD\n" +
            "  budget BUDGET\n" +
            "  person ana \"Ana Ruiz\" { rate 950/d }\n" +
            "  task features \"Build churn features\" { effort 5d  assign ana }\n" +
            "  task train \"Train the model\" { effort 8d  assign ana  after features }\n" +
            "}\n";

        private static TpmProgram Compile(string budget, SeverityOptions? severities = null) =>
            TpmProgram.Parse(Plan.Replace("BUDGET", budget), "plan.tpm", new TpmCompileOptions { Severities = severities ?? SeverityOptions.Default });

        [Fact]
        public void Planned_cost_over_the_budget_is_TPM4001_at_the_budget_with_the_gap()
        {
            var program = Compile("10_000");

            var d = program.Diagnostics.Should().ContainSingle().Subject;
            d.ToString().Should().Be("plan.tpm(4,3): warning TPM4001: program 'churn' costs 12,350 USD as planned, 2,350 USD (23.5%) over its budget of 10,000 USD; cut scope, use cheaper people or resources, or raise the budget");
            program.Schedule.Should().NotBeNull("a warning leaves the schedule");
        }

        [Theory]
        [InlineData("0.0001", null)]
        [InlineData("1", null)]
        [InlineData("7_922_816_251_426_433_759_354_395_033", "0%")]
        public void A_cost_near_the_limit_of_decimal_gives_the_share_without_overflowing(string budget, string? share)
        {
            // Found by the fuzzer: 'over × 100' overflowed decimal and the check died with an internal error.
            var plan = Plan.Replace("BUDGET", budget).Replace("after features }", "after features  cost 7922816251426433759354395033.5 }");
            var program = TpmProgram.Parse(plan, "plan.tpm");

            var d = program.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM4001");
            // A share too large for decimal is left out rather than given wrong.
            if (share is null) d.Message.Should().MatchRegex(@"USD over its budget of").And.NotContain("%)");
            else d.Message.Should().Contain("(" + share + ") over its budget of");
        }

        [Theory]
        [InlineData("12_350")]
        [InlineData("15_000")]
        public void A_cost_within_the_budget_is_fine(string budget)
        {
            Compile(budget).Diagnostics.Should().BeEmpty();
        }

        [Fact]
        public void A_plan_without_a_budget_is_never_over_it()
        {
            TpmProgram.Parse(Plan.Replace("  budget BUDGET\n", string.Empty), "plan.tpm").Diagnostics.Should().BeEmpty();
        }

        [Fact]
        public void The_severity_can_be_raised_to_an_error()
        {
            var severities = SeverityOptions.ParseGlobalConfig("is_global = true\ndotnet_diagnostic.TPM4001.severity = error\n");

            Compile("10_000", severities).Diagnostics.Single().IsError.Should().BeTrue();
        }
    }
}
