using System.IO;
using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Dates at the ends of the calendar and amounts beyond decimal: located diagnostics or whole artefacts, never an
    /// internal error.
    /// </summary>
    public class RangeTests
    {
        // 9999-12-20 is a Monday: a Dec 20..24, b Dec 27..31, the calendar's last day.
        private const string LastWeek =
            "program edge \"Edge\" {\n" +
            "  start 9999-12-20\n" +
            "  deadline 9999-12-31\n" +
            "  person ana \"Ana\" { rate 100/d }\n" +
            "  task a \"Alpha\" { duration 5d  assign ana }\n" +
            "  task b \"Beta\" { duration 5d  after a }\n" +
            "  milestone m \"Done\" { after b }\n" +
            "}\n";

        private const string FirstWeek =
            "program low \"Low\" {\n" +
            "  start 0001-01-01\n" +
            "  person ana \"Ana\" { rate 100/d }\n" +
            "  task a \"Alpha\" { duration 5d  assign ana }\n" +
            "  milestone m \"Done\" { after a }\n" +
            "}\n";

        [Theory]
        [InlineData(LastWeek, "edge")]
        [InlineData(FirstWeek, "low")]
        public void Build_writes_every_artefact_of_a_plan_at_the_ends_of_the_calendar(string plan, string id)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", plan);

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().NotContain("internal error");
            foreach (var file in ProgramDsl.Reports.Artefacts.ArtefactCatalog.All.SelectMany(e => e.FileNames))
            {
                File.ReadAllText(Path.Combine(temp.Path, "out", id, file)).Should().NotBeEmpty(file);
            }
        }

        [Fact]
        public void A_task_cost_beyond_decimal_is_TPM2006_at_the_task_and_no_figure_is_printed()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm",
                "program money \"Money\" {\n" +
                "  start 2027-01-04\n" +
                "  person ana \"Ana\" { rate 79228162514264337593543950335/d }\n" +
                "  task t \"Train\" { effort 100d  assign ana }\n" +
                "}\n");

            var schedule = Tpm.Run(temp.Path, "schedule", "plan.tpm");
            schedule.ExitCode.Should().Be(1, schedule.ToString());
            schedule.Out.Should().BeEmpty("no schedule, and so no clamped cost, is printed");
            schedule.Error.Should().StartWith(
                "plan.tpm(4,8): error TPM2006: the cost of task 't' is more than 79,228,162,514,264,337,593,543,950,335, the largest amount tpm can compute; " +
                "check the rates, units and fixed cost of the task and of the people and resources it uses\n");

            var build = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "mspdi");
            build.ExitCode.Should().Be(1, build.ToString());
            (build.Out + build.Error).Should().Contain("error TPM2006").And.NotContain("internal error");
            Directory.Exists(Path.Combine(temp.Path, "out", "money")).Should().BeFalse();
        }

        [Fact]
        public void Costs_that_fit_one_by_one_but_not_summed_are_TPM2006_at_the_workstream_or_the_program()
        {
            using var temp = new TempFolder();
            const string Half = "50000000000000000000000000000"; // 5 × 10²⁸: two of them pass decimal's 7.9 × 10²⁸
            temp.Write("ws.tpm",
                "program ws \"Ws\" {\n  start 2027-01-04\n  workstream w \"W\" {\n" +
                "    task a \"A\" { duration 1d  cost " + Half + " }\n    task b \"B\" { duration 1d  cost " + Half + " }\n  }\n}\n");
            temp.Write("top.tpm",
                "program top \"Top\" {\n  start 2027-01-04\n" +
                "  task a \"A\" { duration 1d  cost " + Half + " }\n  task b \"B\" { duration 1d  cost " + Half + " }\n}\n");

            var ws = Tpm.Run(temp.Path, "schedule", "ws.tpm");
            ws.ExitCode.Should().Be(1, ws.ToString());
            ws.Error.Should().StartWith("ws.tpm(3,14): error TPM2006: the cost of workstream 'w' (the sum of its tasks' costs) is more than 79,228,162,514,264,337,593,543,950,335");

            var top = Tpm.Run(temp.Path, "schedule", "top.tpm", "--format", "json");
            top.ExitCode.Should().Be(1, top.ToString());
            top.Out.Should().Contain("TPM2006").And.Contain("the planned cost of program 'top' (the sum of its tasks' costs) is more than");
        }

        [Fact]
        public void A_rate_that_overflows_per_day_is_TPM2006_at_the_person_even_when_unused()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm",
                "program r \"R\" {\n  start 2027-01-04\n  hours-per-day 10\n" +
                "  person ana \"Ana\" { rate 10000000000000000000000000000/h }\n  task t \"T\" { duration 1d }\n}\n");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "mspdi");

            result.ExitCode.Should().Be(1, result.ToString());
            (result.Out + result.Error).Should().Contain("plan.tpm(4,10): error TPM2006: the rate of person 'ana' is more than 79,228,162,514,264,337,593,543,950,335 per working day or per hour (at 10 hours a day)")
                .And.NotContain("internal error");
        }

        [Fact]
        public void Earned_value_beyond_decimal_is_TPM2006_in_status_and_a_warning_in_build()
        {
            using var temp = new TempFolder();
            // EV 10²⁸ against an actual cost of 0.01: the CPI (EV ÷ AC) is 10³⁰, beyond decimal.
            temp.Write("plan.tpm",
                "program ev \"Ev\" {\n  start 2027-01-04\n  status-date 2027-01-05\n" +
                "  task t \"T\" { duration 2d  cost 10000000000000000000000000000  actual-start 2027-01-04  progress 100%  actual-cost 0.01 }\n}\n");

            var status = Tpm.Run(temp.Path, "status", "plan.tpm");
            status.ExitCode.Should().Be(1, status.ToString());
            status.Error.Should().Contain("plan.tpm(1,9): error TPM2006: the earned value of program 'ev' at 2027-01-05 (an index or the estimate at completion) is more than")
                .And.NotContain("internal error");

            var build = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "md");
            (build.Out + build.Error).Should().Contain("warning TPM2006").And.NotContain("internal error");
            build.ExitCode.Should().Be(0, build.ToString());
            File.ReadAllText(Path.Combine(temp.Path, "out", "ev", "report.md")).Should().NotContain("79,228,162,514,264,337,593,543,950,335");
        }

        [Fact]
        public void A_huge_overrun_of_a_tiny_budget_is_reported_without_a_percentage_instead_of_failing()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm",
                "program b \"B\" {\n  start 2027-01-04\n  budget 0.01\n  task t \"T\" { duration 1d  cost 70000000000000000000000000000 }\n}\n");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out");

            result.Error.Should().NotContain("internal error");
            (result.Out + result.Error).Should().Contain("TPM4001").And.Contain(" over its budget of 0.01");
        }

        [Theory]
        [InlineData("latin1")]
        [InlineData("utf16")]
        public void Import_decodes_the_file_as_its_declaration_or_byte_order_mark_says(string form)
        {
            using var temp = new TempFolder();
            var declared = form == "latin1" ? "ISO-8859-1" : "UTF-16";
            var xml = "<?xml version=\"1.0\" encoding=\"" + declared + "\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>Café</Title>" +
                      "<StartDate>2027-03-01T08:00:00</StartDate></Project>\n";
            var bytes = form == "latin1"
                ? System.Text.Encoding.Latin1.GetBytes(xml)
                : System.Text.Encoding.Unicode.GetPreamble().Concat(System.Text.Encoding.Unicode.GetBytes(xml)).ToArray();
            File.WriteAllBytes(Path.Combine(temp.Path, "cafe.xml"), bytes);

            var result = Tpm.Run(temp.Path, "import", "cafe.xml");

            result.ExitCode.Should().Be(0, result.ToString());
            File.ReadAllText(Path.Combine(temp.Path, "cafe.tpm")).Should().StartWith("program cafe \"Café\" {\n  start 2027-03-01\n");
        }

        [Fact]
        public void Import_of_an_out_of_range_calendar_exception_is_a_located_problem_and_writes_nothing()
        {
            using var temp = new TempFolder();
            temp.Write("x.xml",
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <StartDate>9999-01-04T08:00:00</StartDate><CalendarUID>1</CalendarUID>\n" +
                "  <Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><Exceptions><Exception>\n" +
                "    <TimePeriod><FromDate>9999-01-01T00:00:00</FromDate><ToDate>9999-12-31T23:59:00</ToDate></TimePeriod><Type>2</Type><Month>12</Month><MonthDay>25</MonthDay>\n" +
                "  </Exception></Exceptions></Calendar></Calendars>\n</Project>\n");

            var result = Tpm.Run(temp.Path, "import", "x.xml");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: x.xml(4,121): <Month> is 12, not a month from 0 (January) to 11 (December)\n");
            File.Exists(Path.Combine(temp.Path, "x.tpm")).Should().BeFalse();
        }

        [Fact]
        public void Table_cells_are_cut_between_characters_not_inside_a_surrogate_pair()
        {
            using var temp = new TempFolder();
            var emoji = string.Concat(Enumerable.Repeat("😀", 25)); // 50 columns: the 40-column cell cuts at 39 and adds the ellipsis
            var cjk = string.Concat(Enumerable.Repeat("计划", 30));
            temp.Write("plan.tpm",
                "program p \"P\" {\n  start 2027-03-01\n  task a \"" + emoji + "\" { duration 1d }\n  task b \"" + cjk + "\" { duration 1d }\n" +
                "  task c \"e\u0301" + emoji + "\" { duration 1d }\n}\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().NotContain("\uFFFD");
            var rows = Tpm.Lines(result.Out);
            rows.Should().Contain(r => r.Contains(" " + string.Concat(Enumerable.Repeat("😀", 19)) + "…  "), "19 whole emoji (38 columns) and the ellipsis");
            rows.Should().Contain(r => r.Contains(" " + cjk.Substring(0, 19) + "…  "), "19 ideographs of two columns each and the ellipsis");
            rows.Should().Contain(r => r.Contains(" e\u0301" + string.Concat(Enumerable.Repeat("😀", 19)) + "…  "), "the accent stays on its letter and takes no column");
            foreach (var row in rows)
            {
                for (int i = 0; i < row.Length; i++)
                {
                    if (char.IsHighSurrogate(row[i])) char.IsLowSurrogate(row[i + 1]).Should().BeTrue(row);
                    else if (char.IsLowSurrogate(row[i])) char.IsHighSurrogate(row[i - 1]).Should().BeTrue(row);
                }
            }
        }
    }
}
