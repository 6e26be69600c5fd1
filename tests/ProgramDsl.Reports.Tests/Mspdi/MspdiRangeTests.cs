using System.Linq;
using System.Text;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// MS Project XML with values at or past the edges of what tpm computes with (dates at 0001-01-01 and 9999-12,
    /// recurrences with huge periods, numbers beyond decimal and int) and in other encodings: a located problem, a
    /// clamp that is noted, or a program, never an exception.
    /// </summary>
    public class MspdiRangeTests
    {
        private static string Calendar(string exception) =>
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
            "  <StartDate>9999-01-04T08:00:00</StartDate>\n" +
            "  <CalendarUID>1</CalendarUID>\n" +
            "  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>\n" +
            "    <Exceptions><Exception>\n" + exception + "\n    <Name>X</Name><DayWorking>0</DayWorking></Exception></Exceptions>\n" +
            "  </Calendar></Calendars>\n" +
            "</Project>\n";

        private static string Period(string from, string to) =>
            "      <TimePeriod><FromDate>" + from + "T00:00:00</FromDate><ToDate>" + to + "T23:59:00</ToDate></TimePeriod>";

        private static string Holidays(string xml) =>
            string.Join(" ", Import(xml).Text!.Split('\n').Where(l => l.StartsWith("  holiday ", System.StringComparison.Ordinal)).Select(l => l.Substring(10, 10)));

        [Fact]
        public void A_yearly_exception_in_month_12_is_a_problem_at_its_month()
        {
            // <Month> counts from 0 (January) to 11 (December): 12 is no month.
            var read = MspdiReader.Read(Calendar(Period("9999-01-01", "9999-12-31") + "<Type>2</Type><Month>12</Month><MonthDay>25</MonthDay>"));

            read.Project.Should().BeNull();
            read.Problems.Select(p => p.Format("x.xml")).Should().Equal("x.xml(6,123): <Month> is 12, not a month from 0 (January) to 11 (December)");
        }

        [Theory]
        [InlineData("<Type>2</Type><Month>11</Month><MonthDay>30</MonthDay>", "9998-12-30 9999-12-30")]
        [InlineData("<Type>3</Type><Month>11</Month><MonthItem>4</MonthItem><MonthPosition>4</MonthPosition>", "9998-12-28 9999-12-27")]
        [InlineData("<Type>4</Type><MonthDay>30</MonthDay>", "9999-11-30 9999-12-30")]
        public void Recurrences_that_reach_9999_12_stop_at_the_last_month(string recurrence, string days)
        {
            // Every December 30th, every last Monday of December, every 30th of the month from 9998-12 (the last ones).
            var range = recurrence.StartsWith("<Type>4", System.StringComparison.Ordinal) ? Period("9999-11-01", "9999-12-31") : Period("9998-01-01", "9999-12-31");
            Holidays(Calendar(range + recurrence)).Should().Be(days);
        }

        [Theory]
        [InlineData("<Type>1</Type><Period>999999</Period>")]
        [InlineData("<Type>1</Type><Period>2147483647</Period>")]
        [InlineData("<Type>4</Type><Period>2147483647</Period><MonthDay>4</MonthDay>")]
        [InlineData("<Type>2</Type><Period>2147483647</Period><Month>0</Month><MonthDay>4</MonthDay>")]
        [InlineData("<Type>6</Type><Period>2147483647</Period><DaysOfWeek>2</DaysOfWeek>")]
        public void A_huge_period_recurs_once_instead_of_wrapping_around(string recurrence)
        {
            // From Monday 9999-01-04: the first occurrence only, the next is past the calendar.
            Holidays(Calendar(Period("9999-01-04", "9999-12-31") + recurrence)).Should().Be("9999-01-04");
        }

        [Fact]
        public void Dates_at_0001_01_01_import()
        {
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>0001-01-01T00:00:00</StartDate>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>First</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>\n" +
                "    <ActualStart>0001-01-01T00:00:00</ActualStart><ActualFinish>0001-01-01T00:00:00</ActualFinish><PercentComplete>100</PercentComplete></Task></Tasks>\n" +
                "</Project>\n";

            var text = Import(xml, "x.xml").Text!;
            text.Should().Contain("  start 0001-01-01\n").And.Contain("    actual-start 0001-01-01\n").And.Contain("    actual-finish 0001-01-01\n");
            TpmProgram.Parse(text, "x.tpm").Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        }

        [Theory]
        [InlineData("<Duration>PT99999999999999999999999999999H0M0S</Duration>", 53, "<Duration> is 'PT99999999999999999999999999999H0M0S', not a duration tpm can compute with (at most 79,228,162,514,264,337,593,543,950,335 hours)")]
        [InlineData("<Duration>P9999999999999999999999999999D</Duration>", 53, "<Duration> is 'P9999999999999999999999999999D', not a duration tpm can compute with (at most 79,228,162,514,264,337,593,543,950,335 hours)")]
        [InlineData("<Duration>-PT40H0M0S</Duration>", 53, "<Duration> is '-PT40H0M0S', not a duration of 0 or more (MS Project writes no negative duration)")]
        [InlineData("<Priority>99999999999</Priority>", 53, "<Priority> is '99999999999', not a whole number from -2147483648 to 2147483647")]
        [InlineData("<FixedCost>1e30</FixedCost>", 53, "<FixedCost> is '1e30', not a number tpm can compute with (at most 79,228,162,514,264,337,593,543,950,335 either way)")]
        public void Numbers_beyond_decimal_or_int_are_problems_at_their_elements(string element, int column, string message)
        {
            var xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2027-03-01T08:00:00</StartDate>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>T</Name>" + element + "</Task></Tasks>\n" +
                "</Project>\n";

            var read = MspdiReader.Read(xml);

            read.Project.Should().BeNull();
            read.Problems.Select(p => p.Format("x.xml")).Should().Equal("x.xml(3," + column + "): " + message);
        }

        [Theory]
        [InlineData("<Units>1e30</Units>", "<Units> is '1e30', not a number tpm can compute with (at most 79,228,162,514,264,337,593,543,950,335 either way)")]
        [InlineData("<Units>10000000000000000000000000000</Units>", "<Units> is '10000000000000000000000000000', not units from 0 to 1,000,000 (1 is 100%)")]
        [InlineData("<Units>-1</Units>", "<Units> is '-1', not units from 0 to 1,000,000 (1 is 100%)")]
        [InlineData("<Work>PT10000000000000H0M0S</Work>", "<Work> is 'PT10000000000000H0M0S', not a duration any calendar holds (at most 1,000,000,000,000 hours)")]
        [InlineData("<Work>-PT8H0M0S</Work>", "<Work> is '-PT8H0M0S', not a duration of 0 or more (MS Project writes no negative duration)")]
        public void Units_and_work_out_of_range_are_problems_at_their_elements(string element, string message)
        {
            var xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2027-03-01T08:00:00</StartDate>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>T</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task></Tasks>\n" +
                "  <Resources><Resource><UID>1</UID><ID>1</ID><Name>Ana</Name><Type>1</Type></Resource></Resources>\n" +
                "  <Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID>" + element + "</Assignment></Assignments>\n</Project>\n";

            var read = MspdiReader.Read(xml);

            read.Project.Should().BeNull();
            read.Problems.Select(p => p.Format("x.xml")).Should().Equal("x.xml(5,89): " + message);
        }

        [Fact]
        public void A_lag_beyond_any_calendar_is_clamped_to_the_compilers_limit_and_noted()
        {
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2027-03-01T08:00:00</StartDate>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>\n" +
                "    <Task><UID>2</UID><ID>2</ID><Name>B</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration>\n" +
                "      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>99999999999999</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task></Tasks>\n" +
                "</Project>\n";

            var import = Import(xml);

            import.Text.Should().Contain("    after a fs+4000000d\n");
            import.Notes.Should().Contain("task 'B' has a lag of 20833333333.33 working days after 'A', taken as 4000000 working days");
            TpmProgram.Parse(import.Text!, "x.tpm").Diagnostics.Should().NotContain(d => d.Code == "TPM1102", "the clamped lag is one the compiler takes");
        }

        [Fact]
        public void Tracked_dates_before_the_project_start_move_the_program_start_back_and_keep_the_rest_in_place()
        {
            // MS Project keeps Alpha's actual dates, before the project start of Mar 10; Beta has no actuals.
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2016-03-10T08:00:00</StartDate>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>Alpha</Name><OutlineLevel>1</OutlineLevel><Duration>PT80H0M0S</Duration>\n" +
                "    <ActualStart>2016-01-04T08:00:00</ActualStart><ActualFinish>2016-01-15T17:00:00</ActualFinish><PercentComplete>100</PercentComplete></Task>\n" +
                "    <Task><UID>2</UID><ID>2</ID><Name>Beta</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>\n" +
                "</Project>\n";

            var import = Import(xml, "x.xml");

            import.Notes.Should().Contain("task 'Alpha' has an actual start 2016-01-04 before the project start 2016-03-10; the program starts on 2016-01-04, " +
                                          "and the tasks MS Project schedules from the project start are kept from starting before 2016-03-10 with 'not-before'");
            import.Text.Should().Contain("  start 2016-01-04\n").And.Contain("    actual-start 2016-01-04\n    actual-finish 2016-01-15\n")
                .And.Contain("  task beta \"Beta\" {\n    duration 2d\n    not-before 2016-03-10\n  }\n");
            var compiled = TpmProgram.Parse(import.Text!, "x.tpm");
            compiled.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            compiled.Schedule!.Tasks.Single(t => t.Id == "alpha").StartDate.ToString().Should().Be("2016-01-04");
            compiled.Schedule.Tasks.Single(t => t.Id == "alpha").FinishDate.ToString().Should().Be("2016-01-15");
            compiled.Schedule.Tasks.Single(t => t.Id == "beta").StartDate.ToString().Should().Be("2016-03-10");
        }

        [Fact]
        public void A_file_declaring_latin_1_is_decoded_as_latin_1()
        {
            var xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>Café</Title><StartDate>2027-03-01T08:00:00</StartDate></Project>\n";

            var read = MspdiReader.Read(Encoding.Latin1.GetBytes(xml));

            read.Problems.Should().BeEmpty();
            read.Project!.Title.Should().Be("Café");
        }

        [Fact]
        public void A_utf16_file_with_a_byte_order_mark_is_read()
        {
            var xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Title>Café 😀 计划</Title><StartDate>2027-03-01T08:00:00</StartDate></Project>\n";
            var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(xml)).ToArray();

            var read = MspdiReader.Read(bytes);

            read.Problems.Should().BeEmpty();
            read.Project!.Title.Should().Be("Café 😀 计划");
        }

        [Fact]
        public void A_doctype_inside_a_comment_or_cdata_is_text_not_a_dtd()
        {
            var xml = "<?xml version=\"1.0\"?>\n<!-- <!DOCTYPE Project [<!ENTITY x \"y\">]> -->\n" +
                      "<Project xmlns=\"http://schemas.microsoft.com/project\"><Title><![CDATA[<!DOCTYPE t>]]></Title><StartDate>2027-03-01T08:00:00</StartDate></Project>\n";

            var read = MspdiReader.Read(Encoding.UTF8.GetBytes(xml));

            read.Problems.Should().BeEmpty();
            read.Project!.Title.Should().Be("<!DOCTYPE t>");
        }

        [Fact]
        public void A_real_dtd_is_refused_at_its_position_from_bytes_too()
        {
            var read = MspdiReader.Read(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x \"y\">]><Project/>"));

            read.Project.Should().BeNull();
            read.Problems.Select(p => p.Format("x.xml")).Should().Equal(
                "x.xml(2,11): the file declares a DTD (<!DOCTYPE ...>), which MS Project XML never does; tpm import does not read DTDs");
        }
    }
}
