using System.IO;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>The work budgets and the progress line as the command line shows them.</summary>
    public class BudgetCommandTests
    {
        // The pessimistic estimate scans 200,000 working days: the forecast's work budget cannot take 10,000 iterations.
        // Ana's other task also needs Bob, who has a week off, so her tasks' calendars differ and her usage is kept day by
        // day (long bookings on people whose tasks share a calendar cost a few units: LongBookingTests).
        private const string Long = "program p \"P\" {\n  start 2027-01-04\n  person ana \"Ana\"\n  person bob \"Bob\" { vacation 2027-02-01..2027-02-05 }\n" +
                                    "  task t { estimate 1d 2d 200000d  assign ana }\n  task u { estimate 1d 2d 3d  assign ana, bob }\n}\n";

        private const string Small = "program p \"P\" {\n  start 2027-01-04\n  person ana \"Ana\"\n" +
                                     "  task t { estimate 1d 2d 4d  assign ana }\n  task u { estimate 1d 2d 3d  assign ana }\n}\n";

        [Theory]
        [InlineData("0")]
        [InlineData("-1")]
        [InlineData("abc")]
        [InlineData("NaN")]
        [InlineData("1e999")]
        [InlineData("90000")]
        public void A_time_limit_that_is_not_a_positive_number_of_seconds_is_a_usage_error(string value)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Small);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--time-limit", value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain("--time-limit must be a number of seconds greater than 0").And.Contain("'" + value + "'");
            result.Error.Should().NotContain("System.");
            result.Out.Should().BeEmpty();
        }

        [Theory]
        [InlineData("schedule")]
        [InlineData("check")]
        [InlineData("forecast")]
        [InlineData("status")]
        public void A_time_limit_is_accepted_by_every_command_that_levels(string command)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Small);

            var limited = Tpm.Run(temp.Path, command, "plan.tpm", "--time-limit", "30");
            var plain = Tpm.Run(temp.Path, command, "plan.tpm");

            limited.ExitCode.Should().Be(plain.ExitCode, limited.ToString());
            limited.Out.Should().Be(plain.Out, "a search that ends long before the limit gives the same bytes");
        }

        [Fact]
        public void A_forecast_cut_by_its_work_budget_warns_with_the_iterations_run()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Long);

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--iterations", "10000");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().MatchRegex(@"plan\.tpm\(1,9\): warning TPM2007: the forecast ran [0-9,]+ of 10,000 iterations within its work budget");
            result.Out.Should().NotContain("10,000 iterations", "the table states the iterations that ran");
        }

        [Fact]
        public void The_build_reports_a_cut_report_forecast_as_TPM2007_and_still_writes_everything()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Long);

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "10000");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().MatchRegex(@"warning TPM2007: the forecast ran [0-9,]+ of 10,000 iterations");
            File.Exists(Path.Combine(temp.Path, "out", "p", "report.md")).Should().BeTrue();
        }

        [Fact]
        public void No_progress_is_drawn_when_standard_error_is_not_a_terminal()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Small);
            // Standard output on a terminal used to be enough for the forecast's line; standard error decides now.
            var console = new FakeConsole { IsOutputTerminal = true, IsErrorTerminal = false };

            var result = Tpm.Run(console, temp.Path, "forecast", "plan.tpm", "--iterations", "2000", "--no-color");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().NotContain("\r").And.NotContain("iterations");
        }

        [Fact]
        public void Progress_never_reaches_standard_output()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Small);

            var drawn = Tpm.Run(new FakeConsole { IsErrorTerminal = true }, temp.Path, "forecast", "plan.tpm", "--iterations", "2000");
            var plain = Tpm.Run(new FakeConsole(), temp.Path, "forecast", "plan.tpm", "--iterations", "2000");

            drawn.Error.Should().StartWith("\rforecast: ").And.EndWith("\r", "the line is erased at the end");
            drawn.Out.Should().Be(plain.Out);
        }
    }
}
