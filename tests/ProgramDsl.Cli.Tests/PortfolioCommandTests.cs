using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Cli.Tests.Schemas;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm check</c>, <c>schedule</c> and <c>build</c> on a portfolio of two programs that share one person, Ana,
    /// declared once in a fragment both include, with the figures worked out by hand.
    /// </summary>
    public class PortfolioCommandTests
    {
        // mon..fri from Monday 2027-03-01. Each program alone: its 5-day task on Ana, Mar 1-5. Leveled together, alpha
        // (priority 800) keeps Ana on Mar 1-5 and beta (600) waits for her: Mar 8-12. alpha's deadline Mar 12 is 5
        // working days after its finish; beta's deadline Mar 19 is 5 working days after its finish Mar 12. Ana at
        // 500/d: 2,500 each.
        internal const string People = "person ana \"Ana\" { rate 500/d }\n";

        internal const string Alpha =
            "program alpha \"Alpha\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-12\n" +
            "  currency EUR\n" +
            "  include \"../shared/people.tpm\"\n" +
            "  task build \"Build\" { duration 5d  assign ana }\n" +
            "}\n";

        internal const string Beta =
            "program beta \"Beta\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-19\n" +
            "  currency EUR\n" +
            "  include \"../shared/people.tpm\"\n" +
            "  task prep \"Prep\" { duration 5d  assign ana }\n" +
            "}\n";

        internal const string Portfolio =
            "portfolio org \"Org\" {\n" +
            "  program \"alpha/program.tpm\" { priority 800 }\n" +
            "  program \"beta/program.tpm\" { priority 600 }\n" +
            "}\n";

        /// <summary>The two programs and the fragment in a repository (a <c>.git</c> folder: the workspace), with the portfolio unless told.</summary>
        internal static TempFolder Prepare(bool withPortfolio = true)
        {
            var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("shared/people.tpm", People);
            temp.Write("alpha/program.tpm", Alpha);
            temp.Write("beta/program.tpm", Beta);
            if (withPortfolio) temp.Write("portfolio.tpm", Portfolio);
            return temp;
        }

        [Fact]
        public void Check_of_the_portfolio_checks_each_program_as_it_stands_and_reports_the_shared_person_booked_twice()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "check", "portfolio.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            lines.Should().HaveCount(2, result.ToString());
            lines[0].Should().StartWith("alpha/program.tpm(6,").And.Contain(": warning TPM2103: person 'ana' is booked over 100% on 2027-03-01..2027-03-05 across programs: alpha (build), beta (prep)");
            lines[1].Should().StartWith("beta/program.tpm(6,").And.Contain(": warning TPM2103: person 'ana' is booked over 100% on 2027-03-01..2027-03-05 across programs: alpha (build), beta (prep)");
            result.Error.Should().Be("2 programs checked: 0 errors, 2 warnings\n");
        }

        [Fact]
        public void Check_of_a_folder_holding_the_portfolio_checks_it_as_the_portfolio_and_its_programs_once()
        {
            using var temp = Prepare();

            var folder = Tpm.Run(temp.Path, "check", ".");
            var file = Tpm.Run(temp.Path, "check", "portfolio.tpm");

            folder.ExitCode.Should().Be(0, folder.ToString());
            folder.Out.Should().Be(file.Out);
            folder.Error.Should().Be("2 programs checked: 0 errors, 2 warnings\n");
        }

        [Fact]
        public void Check_of_a_folder_without_a_portfolio_reports_the_shared_person_once()
        {
            using var temp = Prepare(withPortfolio: false);

            var result = Tpm.Run(temp.Path, "check", ".");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            lines.Should().ContainSingle(result.ToString());
            lines[0].Should().Be("shared/people.tpm(1,8): warning TPM2104: person 'ana' is declared once and used by programs alpha (alpha/program.tpm) and beta (beta/program.tpm), " +
                                 "but no portfolio names them, so their loads are not checked together; add a portfolio file, such as 'portfolio.tpm': " +
                                 "portfolio programs { program \"alpha/program.tpm\"  program \"beta/program.tpm\" }");
            result.Error.Should().Be("2 programs checked: 0 errors, 1 warning\n");
        }

        [Theory]
        [InlineData("json")]
        [InlineData("sarif")]
        public void Check_of_the_portfolio_prints_every_diagnostics_format(string format)
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "check", "portfolio.tpm", "--format", format);

            result.ExitCode.Should().Be(0, result.ToString());
            using var document = JsonDocument.Parse(result.Out);
            result.Out.Split("TPM2103").Length.Should().BeGreaterThan(2, "both programs' assignments are reported");
            if (format == "json") JsonSchemas.Problems(result.Out, JsonSchemas.Diagnostics).Should().BeEmpty();
        }

        [Fact]
        public void Check_of_a_portfolio_with_an_error_exits_1()
        {
            using var temp = Prepare();
            temp.Write("beta/program.tpm", Beta.Replace("assign ana", "assign anna"));

            var result = Tpm.Run(temp.Path, "check", "portfolio.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("beta/program.tpm(6,").And.Contain("error TPM1001: ");
        }

        [Fact]
        public void Schedule_levels_the_programs_together_the_higher_priority_first()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().BeEmpty();
            Schedules(result.Out).Should().Be(ExpectedTable);
        }

        [Fact]
        public void Schedule_names_the_first_few_programs_that_held_a_person_and_counts_the_rest()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("shared/people.tpm", People);
            var entries = "";
            for (int i = 1; i <= 7; i++)
            {
                temp.Write("p" + i + "/program.tpm", Alpha.Replace("alpha", "p" + i).Replace("deadline 2027-03-12", "deadline 2027-06-30"));
                entries += "  program \"p" + i + "/program.tpm\" { priority " + (800 - i) + " }\n";
            }

            temp.Write("portfolio.tpm", "portfolio org {\n" + entries + "}\n");

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--quiet");

            // Ana's 5 days go to p1, then p2, ...: p7 waits 30 working days behind six programs, of which four are named.
            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("ana (p1, p2, p3, p4 and 2 more) 30d");
        }

        internal const string ExpectedTable =
            "Portfolio org \"Org\"\n" +
            "  2 programs   start 2027-03-01   finish 2027-03-12   1 shared person or pool\n" +
            "  leveled together: N schedules tried, seed 0\n" +
            "\n" +
            "Program  Priority  Start       Finish      Deadline    Margin       Cost  Wait  Waited for\n" +
            "alpha         800  2027-03-01  2027-03-05  2027-03-12      +5  2,500 EUR     0\n" +
            "beta          600  2027-03-01  2027-03-12  2027-03-19      +5  2,500 EUR     5  ana (alpha) 5d\n";

        /// <summary>The output with the leveler's count of schedules tried as N.</summary>
        private static string Schedules(string output) => Regex.Replace(output, "[0-9,]+ schedules tried", "N schedules tried");

        [Fact]
        public void Schedule_with_programs_adds_each_programs_usual_table()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--programs", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            Schedules(result.Out).Should().StartWith(ExpectedTable + "\nProgram alpha \"Alpha\"\n");
            result.Out.Should().Contain("\nProgram beta \"Beta\"\n  start 2027-03-01   finish 2027-03-12");
            result.Out.Should().Contain("*  prep  Prep  2027-03-08  2027-03-12     5      0  2,500  ana       ana +5d\n");
        }

        [Fact]
        public void Schedule_without_leveling_keeps_each_program_as_it_stands_and_warns()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--no-level", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().Contain("warning TPM2103");
            result.Out.Should().Contain("  not leveled together: ");
            result.Out.Should().Contain("beta          600  2027-03-01  2027-03-05  2027-03-19     +10  2,500 EUR\n");
        }

        [Fact]
        public void Schedule_json_is_the_portfolio_document()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            JsonSchemas.Problems(result.Out, JsonSchemas.Portfolio).Should().BeEmpty(result.Out);
            Regex.Replace(result.Out, "\"leveling_schedules\": [0-9]+", "\"leveling_schedules\": N").Should().Be(ExpectedJson);
        }

        // The leveler's count of schedules tried is its own business (its tests pin it): N here.
        internal const string ExpectedJson =
            "{\n" +
            "  \"format_version\": 1,\n" +
            "  \"portfolio\": {\n" +
            "    \"id\": \"org\",\n" +
            "    \"name\": \"Org\",\n" +
            "    \"file\": \"portfolio.tpm\",\n" +
            "    \"start\": \"2027-03-01\",\n" +
            "    \"finish\": \"2027-03-12\",\n" +
            "    \"leveled_together\": true,\n" +
            "    \"leveling_schedules\": N,\n" +
            "    \"seed\": 0\n" +
            "  },\n" +
            "  \"programs\": [\n" +
            "    {\n" +
            "      \"id\": \"alpha\",\n" +
            "      \"name\": \"Alpha\",\n" +
            "      \"file\": \"alpha/program.tpm\",\n" +
            "      \"priority\": 800,\n" +
            "      \"start\": \"2027-03-01\",\n" +
            "      \"finish\": \"2027-03-05\",\n" +
            "      \"deadline\": \"2027-03-12\",\n" +
            "      \"margin_days\": 5,\n" +
            "      \"duration_days\": 5,\n" +
            "      \"cost\": 2500,\n" +
            "      \"budget\": null,\n" +
            "      \"currency\": \"EUR\",\n" +
            "      \"has_errors\": false,\n" +
            "      \"wait_days\": 0,\n" +
            "      \"waits\": []\n" +
            "    },\n" +
            "    {\n" +
            "      \"id\": \"beta\",\n" +
            "      \"name\": \"Beta\",\n" +
            "      \"file\": \"beta/program.tpm\",\n" +
            "      \"priority\": 600,\n" +
            "      \"start\": \"2027-03-01\",\n" +
            "      \"finish\": \"2027-03-12\",\n" +
            "      \"deadline\": \"2027-03-19\",\n" +
            "      \"margin_days\": 5,\n" +
            "      \"duration_days\": 10,\n" +
            "      \"cost\": 2500,\n" +
            "      \"budget\": null,\n" +
            "      \"currency\": \"EUR\",\n" +
            "      \"has_errors\": false,\n" +
            "      \"wait_days\": 5,\n" +
            "      \"waits\": [\n" +
            "        {\n" +
            "          \"id\": \"ana\",\n" +
            "          \"kind\": \"person\",\n" +
            "          \"days\": 5,\n" +
            "          \"held_by\": [\n" +
            "            \"alpha\"\n" +
            "          ]\n" +
            "        }\n" +
            "      ]\n" +
            "    }\n" +
            "  ],\n" +
            "  \"shared\": [\n" +
            "    {\n" +
            "      \"id\": \"ana\",\n" +
            "      \"kind\": \"person\",\n" +
            "      \"file\": \"shared/people.tpm\",\n" +
            "      \"line\": 1,\n" +
            "      \"capacity_units\": 1000,\n" +
            "      \"programs\": [\n" +
            "        \"alpha\",\n" +
            "        \"beta\"\n" +
            "      ]\n" +
            "    }\n" +
            "  ],\n" +
            "  \"diagnostics\": []\n" +
            "}\n";

        [Fact]
        public void The_same_seed_gives_the_same_bytes()
        {
            using var temp = Prepare();

            var first = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--format", "json", "--seed", "7");
            var second = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--format", "json", "--seed", "7");

            first.ExitCode.Should().Be(0, first.ToString());
            second.Out.Should().Be(first.Out);
            first.Out.Should().Contain("\"seed\": 7");
        }

        [Fact]
        public void Programs_applies_to_a_portfolio_only()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "schedule", "alpha/program.tpm", "--programs");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: --programs applies to a portfolio file; 'alpha/program.tpm' is a program\n");
        }

        [Fact]
        public void Build_writes_the_portfolio_page_and_each_programs_artefacts_leveled_in_context()
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, "build", "portfolio.tpm", "-o", "site", "--emit", "json,html");

            result.ExitCode.Should().Be(0, result.ToString());
            var site = Path.Combine(temp.Path, "site");
            Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName).Should().BeEquivalentTo("index.html", "alpha", "beta");
            File.ReadAllText(Path.Combine(site, "index.html")).Should().StartWith("<!DOCTYPE html>").And.Contain("alpha").And.Contain("beta");
            Directory.EnumerateFiles(Path.Combine(site, "beta")).Select(Path.GetFileName).Should().BeEquivalentTo("schedule.json", "gantt.html", "report.html");
            // beta's schedule as leveled with alpha: Ana is alpha's first.
            var beta = File.ReadAllText(Path.Combine(site, "beta", "schedule.json"));
            beta.Should().Contain("\"finish\": \"2027-03-12\"");
            JsonSchemas.Problems(beta, JsonSchemas.Schedule).Should().BeEmpty();
            Tpm.Lines(result.Out).Where(l => l.StartsWith("wrote ")).Select(l => l.Replace('\\', '/')).Should().Contain("wrote site/index.html")
                .And.Contain("wrote site/beta/schedule.json");
            result.Error.Should().Be("2 programs checked: 0 errors, 0 warnings\n");
        }

        [Fact]
        public void Build_of_a_folder_builds_the_portfolios_programs_once_and_the_others_alone()
        {
            using var temp = Prepare();
            temp.Write("gamma/program.tpm", "program gamma { start 2027-03-01  task t { duration 1d } }\n");

            var result = Tpm.Run(temp.Path, "build", ".", "-o", "site", "--emit", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            var site = Path.Combine(temp.Path, "site");
            Directory.EnumerateFileSystemEntries(site).Select(Path.GetFileName).Should().BeEquivalentTo("index.html", "alpha", "beta", "gamma");
            File.ReadAllText(Path.Combine(site, "beta", "schedule.json")).Should().Contain("\"finish\": \"2027-03-12\"");
            result.Error.Should().Be("3 programs checked: 0 errors, 0 warnings\n");
        }

        [Theory]
        [InlineData("status")]
        [InlineData("baseline", "save")]
        public void The_commands_on_one_program_refuse_a_portfolio_with_a_usage_error(params string[] command)
        {
            using var temp = Prepare();

            var result = Tpm.Run(temp.Path, command.Append("portfolio.tpm").ToArray());

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: 'portfolio.tpm' is a portfolio; 'tpm " + string.Join(" ", command) +
                                     "' works on one program: run it on a program the portfolio names ('tpm schedule' and 'tpm build' take the portfolio)\n");
        }

        [Fact]
        public void A_portfolio_that_says_leveling_off_is_scheduled_as_each_program_stands()
        {
            using var temp = Prepare();
            temp.Write("portfolio.tpm", Portfolio.Replace("portfolio org \"Org\" {\n", "portfolio org \"Org\" {\n  leveling off\n"));

            var result = Tpm.Run(temp.Path, "schedule", "portfolio.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            JsonSchemas.Problems(result.Out, JsonSchemas.Portfolio).Should().BeEmpty(result.Out);
            using var json = JsonDocument.Parse(result.Out);
            json.RootElement.GetProperty("portfolio").GetProperty("leveled_together").GetBoolean().Should().BeFalse();
            json.RootElement.GetProperty("programs")[1].GetProperty("finish").GetString().Should().Be("2027-03-05");
            json.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Equal("TPM2103", "TPM2103");
        }

        [Fact]
        public void A_portfolio_naming_the_same_program_twice_is_an_error_for_every_command()
        {
            using var temp = Prepare();
            temp.Write("portfolio.tpm", Portfolio.Replace("beta/program.tpm", "alpha/program.tpm"));

            foreach (var args in new[] { new[] { "check", "portfolio.tpm" }, new[] { "schedule", "portfolio.tpm" }, new[] { "build", "portfolio.tpm", "-o", "site" } })
            {
                var result = Tpm.Run(temp.Path, args);
                result.ExitCode.Should().Be(1, result.ToString());
                (result.Out + result.Error).Should().Contain("portfolio.tpm(3,").And.Contain("error TPM1201: ");
            }

            File.Exists(Path.Combine(temp.Path, "site", "index.html")).Should().BeFalse("a portfolio with errors gets no page");
        }
    }
}
