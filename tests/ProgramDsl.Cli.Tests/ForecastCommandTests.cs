using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    public class ForecastCommandTests
    {
        private const string Plan =
            "program p \"P\" {\n  start 2027-01-04\n  deadline 2027-01-29\n" +
            "  task a \"A\" { estimate 5d 10d 15d }\n" +
            "  task b \"B\" { duration 3d  after a }\n" +
            "  milestone done \"Done\" { after b  due 2027-01-22 }\n" +
            "  risk slip \"Slip\" { likelihood 60%  impact 5d  affects a  owner x  mitigation \"m\" }\n" +
            "  person x \"X\"\n" +
            "}\n";

        [Fact]
        public void Json_has_percentiles_probabilities_criticality_and_drivers()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json", "--iterations", "4000", "--seed", "7");

            result.ExitCode.Should().Be(0, result.ToString());
            using var doc = JsonDocument.Parse(result.Out);
            var program = doc.RootElement.GetProperty("program");
            program.GetProperty("iterations").GetInt32().Should().Be(4000);
            program.GetProperty("seed").GetInt32().Should().Be(7);
            program.GetProperty("planned").GetString().Should().Be("2027-01-20");

            // a ~ PERT(5, 10, 15) (+5 days 60% of the time), then 3 days: finishing by Fri 2027-01-29 (index 19) needs a ≤ 16 days.
            program.GetProperty("deadline_probability").GetDouble().Should().BeInRange(0.85, 1.0);
            string.CompareOrdinal(program.GetProperty("p50").GetString(), program.GetProperty("p95").GetString()).Should().BeLessThan(0);
            var milestone = doc.RootElement.GetProperty("milestones").EnumerateArray().Single();
            milestone.GetProperty("id").GetString().Should().Be("done");
            milestone.GetProperty("due_probability").GetDouble().Should().BeInRange(0.2, 0.8);
            doc.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("criticality").GetDouble()).Should().OnlyContain(c => c == 1.0);
            doc.RootElement.GetProperty("drivers")[0].GetProperty("id").GetString().Should().Be("slip");
            doc.RootElement.GetProperty("calibration").ValueKind.Should().Be(JsonValueKind.Null);
        }

        [Fact]
        public void The_same_seed_gives_byte_identical_output_whatever_the_threads()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var one = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json", "--iterations", "3000", "--threads", "1");
            var many = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json", "--iterations", "3000", "--threads", "3");
            var other = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json", "--iterations", "3000", "--seed", "1");

            many.Out.Should().Be(one.Out);
            other.Out.Should().NotBe(one.Out);
        }

        [Fact]
        public void The_status_reports_forecast_is_tpm_forecasts_for_the_same_plan_and_seed()
        {
            // Both run ForecastOptions.DefaultIterations by default: the report's percentiles and deadline chance are the
            // forecast command's, and the report says which iterations and seed gave them.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var build = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "md", "--seed", "7");
            var forecast = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json", "--seed", "7");
            var table = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--seed", "7");

            build.ExitCode.Should().Be(0, build.ToString());
            forecast.ExitCode.Should().Be(0, forecast.ToString());
            using var doc = JsonDocument.Parse(forecast.Out);
            var program = doc.RootElement.GetProperty("program");
            program.GetProperty("iterations").GetInt32().Should().Be(ProgramDsl.Forecasting.ForecastOptions.DefaultIterations);
            var chance = (program.GetProperty("deadline_probability").GetDouble() * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%";
            chance.Should().NotBe("100.0%", "the plan's deadline is missed in some iterations, so the share depends on the iterations");
            var report = File.ReadAllText(Path.Combine(temp.Path, "out", "p", "report.md"));
            report.Should().Contain(
                "- **Forecast finish:** P50 " + program.GetProperty("p50").GetString() + ", P80 " + program.GetProperty("p80").GetString() +
                ", P95 " + program.GetProperty("p95").GetString() + "; meets the deadline in " + chance + " of iterations (10,000 iterations, seed 7)\n");
            table.Out.Should().Contain("  10,000 iterations, seed 7,").And.Contain("deadline 2027-01-29: " + chance);
        }

        [Fact]
        public void Table_reads_like_a_forecast()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--iterations", "2000");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().StartWith("Forecast p \"P\"\n  2,000 iterations, seed 0, leveled each iteration; 1 estimated task, 1 open risk\n");
            result.Out.Should().Contain("program finish  2027-01-20");
            result.Out.Should().Contain("deadline 2027-01-29: ");
            result.Out.Should().Contain("done            2027-01-20");
            result.Out.Should().Contain("risk slip");
            result.Out.Should().Contain("when it occurs the program finishes");
            result.Out.Should().Contain("calibration: off");
            result.Error.Should().BeEmpty("progress is shown only on a terminal");
        }

        [Fact]
        public void Calibration_reports_what_it_learned_from()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  status-date 2027-01-29\n" +
                "  task h1 { estimate 2d 2d 2d  actual-start 2027-01-04  actual-finish 2027-01-06 }\n" +
                "  task h2 { estimate 2d 2d 2d  actual-start 2027-01-07  actual-finish 2027-01-11 }\n" +
                "  task h3 { estimate 2d 2d 2d  actual-start 2027-01-12  actual-finish 2027-01-14 }\n" +
                "  task next { estimate 4d 4d 4d }\n}\n");

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--calibrate", "--iterations", "500");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("calibration: learned from 3 finished tasks (actual ÷ most likely): program ×1.50 (σ 0.00, from 3, used by 1)");
        }

        [Fact]
        public void Progress_is_drawn_on_a_terminal_and_erased()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            var console = new FakeConsole { IsOutputTerminal = true, IsErrorTerminal = true };

            var result = Tpm.Run(console, temp.Path, "forecast", "plan.tpm", "--iterations", "1000", "--no-color");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().StartWith("\rforecast: ").And.EndWith("\r");
            result.Out.Should().StartWith("Forecast p");
        }

        [Fact]
        public void A_plan_with_errors_gets_no_forecast()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a { duration 2d  after nowhere }\n}\n");

            var table = Tpm.Run(temp.Path, "forecast", "plan.tpm");
            var json = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--format", "json");

            table.ExitCode.Should().Be(1);
            table.Error.Should().Contain("error TPM1001").And.Contain("tpm: no forecast: the program has errors");
            json.ExitCode.Should().Be(1);
            using var doc = JsonDocument.Parse(json.Out);
            doc.RootElement.GetProperty("milestones").GetArrayLength().Should().Be(0);
            doc.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be("TPM1001");
        }

        [Fact]
        public void A_forecast_past_the_calendar_is_an_error_in_forecast_and_a_warning_in_build()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 9999-06-01\n  task a { estimate 1d 2d 900d }\n}\n");

            var forecast = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--iterations", "200");
            var build = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--emit", "md", "--iterations", "200");

            forecast.ExitCode.Should().Be(1, forecast.ToString());
            forecast.Error.Should().Contain("plan.tpm(1,9): error TPM2005: the forecast runs past 9999-12-31 in ").And.Contain("tpm: no forecast");
            build.ExitCode.Should().Be(0, build.ToString());
            build.Out.Should().Contain("plan.tpm(1,9): warning TPM2005: the forecast runs past 9999-12-31");
            File.ReadAllText(Path.Combine(temp.Path, "out", "p", "report.md")).Should().Contain("not run for this report");
        }

        [Theory]
        [InlineData("0")]
        [InlineData("-5")]
        [InlineData("20000000")]
        public void Iterations_out_of_range_are_a_usage_error(string iterations)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--iterations", iterations);

            result.ExitCode.Should().Be(2);
            result.Error.Should().Be("tpm: error: option '--iterations' expects a whole number from 1 to 10,000,000; got '" + iterations + "'\nRun 'tpm --help' for usage.\n");
            result.Out.Should().BeEmpty();
        }
    }
}
