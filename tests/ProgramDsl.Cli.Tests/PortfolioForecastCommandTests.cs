using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Cli.Tests.Schemas;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm forecast PORTFOLIO</c> on <see cref="PortfolioCommandTests"/>' two programs sharing Ana: one simulation over
    /// the programs leveled together.
    /// </summary>
    public class PortfolioForecastCommandTests
    {
        // alpha's task drawn from PERT(3, 5, 12) instead of a fixed 5 days: beta, which waits for Ana, moves with it.
        private const string UncertainAlpha =
            "program alpha \"Alpha\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-12\n" +
            "  currency EUR\n" +
            "  include \"../shared/people.tpm\"\n" +
            "  task build \"Build\" { duration 5d  estimate 3d 5d 12d  assign ana }\n" +
            "}\n";

        [Fact]
        public void The_table_lists_each_program_with_its_deadline_percentiles_and_chance()
        {
            using var temp = PortfolioCommandTests.Prepare();

            var result = Tpm.Run(temp.Path, "forecast", "portfolio.tpm", "--iterations", "100");

            // Nothing is uncertain: every iteration is the leveled schedule (alpha Mar 1-5, beta waits: Mar 8-12).
            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out).Select(l => l.TrimStart()).ToList();
            lines[0].Should().Be("Forecast portfolio org \"Org\"");
            lines[1].Should().Contain("100 iterations, seed 0, the programs leveled together each iteration");
            lines.Should().Contain(l => l.StartsWith("Program ", System.StringComparison.Ordinal) && l.Contains("On time"));
            lines.Single(l => l.StartsWith("alpha ", System.StringComparison.Ordinal)).Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
                .Should().Equal("alpha", "800", "2027-03-12", "2027-03-05", "2027-03-05", "2027-03-05", "2027-03-05", "100.0%");
            lines.Single(l => l.StartsWith("beta ", System.StringComparison.Ordinal)).Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
                .Should().Equal("beta", "600", "2027-03-19", "2027-03-12", "2027-03-12", "2027-03-12", "2027-03-12", "100.0%");
            lines.Single(l => l.StartsWith("(portfolio)", System.StringComparison.Ordinal)).Split(' ', System.StringSplitOptions.RemoveEmptyEntries)
                .Should().Equal("(portfolio)", "2027-03-12", "2027-03-12", "2027-03-12", "2027-03-12", "100.0%", "all");
        }

        [Fact]
        public void A_delay_drawn_in_alpha_moves_beta_and_the_json_follows_its_schema()
        {
            using var temp = PortfolioCommandTests.Prepare();
            temp.Write("alpha/program.tpm", UncertainAlpha);

            var result = Tpm.Run(temp.Path, "forecast", "portfolio.tpm", "--format", "json", "--iterations", "2000", "--seed", "4");

            result.ExitCode.Should().Be(0, result.ToString());
            JsonSchemas.Problems(result.Out, JsonSchemas.PortfolioForecast).Should().BeEmpty(result.Out);
            using var document = JsonDocument.Parse(result.Out);
            var programs = document.RootElement.GetProperty("programs");
            var alpha = programs[0];
            var beta = programs[1];
            alpha.GetProperty("id").GetString().Should().Be("alpha");
            alpha.GetProperty("estimated_tasks").GetInt32().Should().Be(1);

            // beta starts when alpha's task ends: 5 working days after alpha's finish in every iteration.
            beta.GetProperty("mean_duration_days").GetDouble().Should().BeApproximately(alpha.GetProperty("mean_duration_days").GetDouble() + 5, 0.011);
            string.CompareOrdinal(beta.GetProperty("finish").GetProperty("p95").GetString(), "2027-03-12").Should().BeGreaterThan(0);
            foreach (var p in programs.EnumerateArray())
            {
                p.GetProperty("deadline_probability").GetDouble().Should().BeInRange(0, 1);
                var f = p.GetProperty("finish");
                string.CompareOrdinal(f.GetProperty("p50").GetString(), f.GetProperty("p80").GetString()).Should().BeLessThanOrEqualTo(0);
                string.CompareOrdinal(f.GetProperty("p80").GetString(), f.GetProperty("p95").GetString()).Should().BeLessThanOrEqualTo(0);
            }

            var portfolio = document.RootElement.GetProperty("portfolio");
            portfolio.GetProperty("leveled_together").GetBoolean().Should().BeTrue();
            portfolio.GetProperty("finish").GetProperty("p95").GetString().Should().Be(beta.GetProperty("finish").GetProperty("p95").GetString());
        }

        [Fact]
        public void The_same_seed_gives_the_same_bytes_whatever_the_threads()
        {
            using var temp = PortfolioCommandTests.Prepare();
            temp.Write("alpha/program.tpm", UncertainAlpha);

            var one = Tpm.Run(temp.Path, "forecast", "portfolio.tpm", "--format", "json", "--iterations", "500", "--seed", "9", "--threads", "1");
            var many = Tpm.Run(temp.Path, "forecast", "portfolio.tpm", "--format", "json", "--iterations", "500", "--seed", "9", "--threads", "3");

            one.ExitCode.Should().Be(0, one.ToString());
            many.Out.Should().Be(one.Out);
        }

        [Fact]
        public void Without_leveling_each_program_is_forecast_alone()
        {
            using var temp = PortfolioCommandTests.Prepare();

            var result = Tpm.Run(temp.Path, "forecast", "portfolio.tpm", "--format", "json", "--iterations", "100", "--no-level");

            JsonSchemas.Problems(result.Out, JsonSchemas.PortfolioForecast).Should().BeEmpty(result.Out);
            using var document = JsonDocument.Parse(result.Out);
            document.RootElement.GetProperty("portfolio").GetProperty("leveled_together").GetBoolean().Should().BeFalse();
            document.RootElement.GetProperty("portfolio").GetProperty("finish").ValueKind.Should().Be(JsonValueKind.Null);

            // Alone, beta does not wait for Ana: Mar 1-5.
            document.RootElement.GetProperty("programs")[1].GetProperty("finish").GetProperty("p95").GetString().Should().Be("2027-03-05");
        }
    }
}
