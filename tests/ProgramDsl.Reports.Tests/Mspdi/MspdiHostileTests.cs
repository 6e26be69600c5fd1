using System.Linq;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// Odd and hostile MSPDI files (issue 15 review): each is read with a located warning or a note, and the imported plan
    /// compiles; never an exception or a plan tpm cannot read.
    /// </summary>
    public class MspdiHostileTests
    {
        private const string Day8 = "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>";

        private static string Week(params int[] working) =>
            "<WeekDays>" + string.Concat(Enumerable.Range(1, 7).Select(d => "<WeekDay><DayType>" + d + "</DayType><DayWorking>" + (working.Contains(d) ? "1</DayWorking>" + Day8 : "0</DayWorking>") + "</WeekDay>")) + "</WeekDays>";

        /// <summary>Standard (UID 1, Monday to Friday) and the resource's calendar (UID 2) with the given weekdays (1 Sunday .. 7 Saturday).</summary>
        private static string Doc(string head, int[] resourceDays, string resourceCalendarBase = "<IsBaseCalendar>0</IsBaseCalendar><BaseCalendarUID>1</BaseCalendarUID>") =>
            "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>t.xml</Name><StartDate>2027-03-01T08:00:00</StartDate><CalendarUID>1</CalendarUID>" + head +
            "<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>" + Week(2, 3, 4, 5, 6) + "</Calendar>" +
            "<Calendar><UID>2</UID><Name>Ann's days</Name>" + resourceCalendarBase + Week(resourceDays) + "</Calendar></Calendars>" +
            "<Tasks><Task><UID>1</UID><ID>1</ID><Name>Draft</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks>" +
            "<Resources><Resource><UID>1</UID><Name>Ann</Name><Type>1</Type><MaxUnits>1</MaxUnits><CalendarUID>2</CalendarUID></Resource></Resources>" +
            "<Assignments><Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>1</Units><Work>PT16H0M0S</Work></Assignment></Assignments></Project>";

        private static TpmProgram Compiles(MspdiImport import)
        {
            var program = TpmProgram.Parse(import.Text!, "t.tpm");
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty("the imported plan must compile:\n" + import.Text);
            return program;
        }

        [Fact]
        public void A_person_who_works_only_weekends_in_a_weekday_plan_keeps_the_programs_days_with_a_note()
        {
            // Sunday (1) and Saturday (7): none of the program's days. This gave 'workdays' with no day, a plan that does not parse.
            var import = Import(Doc(string.Empty, new[] { 1, 7 }));

            import.Text.Should().NotContain("workdays");
            import.Notes.Should().Contain(n => n.StartsWith("person 'Ann' works only on Saturday, Sunday by their calendar 'Ann's days', none of the program's working days"));
            Compiles(import).Schedule!.Tasks.Single().DurationDays.Should().Be(2);
        }

        [Fact]
        public void A_person_whose_calendar_has_no_working_day_keeps_the_programs_days_with_a_note()
        {
            var import = Import(Doc(string.Empty, new int[0]));

            import.Text.Should().NotContain("workdays");
            import.Notes.Should().Contain(n => n.StartsWith("person 'Ann' works no weekday by their calendar 'Ann's days'"));
            Compiles(import);
        }

        [Fact]
        public void A_person_on_a_base_calendar_of_weekends_only_keeps_the_programs_days_with_a_note()
        {
            // The resource's calendar is itself a base calendar other than the project's: it would become a named calendar.
            var import = Import(Doc(string.Empty, new[] { 1, 7 }, "<IsBaseCalendar>1</IsBaseCalendar>"));

            import.Text.Should().NotContain("workdays");
            import.Notes.Should().Contain(n => n.StartsWith("person 'Ann' works only on Saturday, Sunday by their calendar 'Ann's days'"));
            Compiles(import);
        }

        [Fact]
        public void A_person_who_works_some_program_days_still_gets_a_calendar_of_their_own()
        {
            // Monday and Saturday: Monday is a program day, so the person's calendar is kept (Saturday cannot be added).
            var import = Import(Doc(string.Empty, new[] { 2, 7 }));

            import.Text.Should().Contain("workdays mon");
            Compiles(import);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-480)]
        [InlineData(99999999)]
        public void A_minutes_per_day_no_day_has_is_a_located_warning_and_the_calendars_day_is_used(int minutes)
        {
            var read = MspdiReader.Read(Doc("<MinutesPerDay>" + minutes + "</MinutesPerDay>", new[] { 2, 3, 4, 5, 6 }));

            read.Problems.Should().BeEmpty();
            var warning = read.Project!.Warnings.Should().ContainSingle().Subject;
            warning.Line.Should().Be(1);
            warning.Column.Should().BeGreaterThan(1);
            warning.Message.Should().StartWith("<MinutesPerDay> is ");
            var import = MspdiImporter.Import(read.Project);
            import.Warnings.Should().Contain(warning);
            import.Text.Should().NotContain("hours-per-day");
            Compiles(import).Schedule!.Tasks.Single().DurationDays.Should().Be(2);
        }

        [Fact]
        public void An_actual_finish_before_the_actual_start_is_left_out_with_a_note()
        {
            var import = Import(Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("<Duration>PT16H0M0S</Duration>",
                "<Duration>PT16H0M0S</Duration><PercentComplete>100</PercentComplete><ActualStart>2027-03-10T08:00:00</ActualStart><ActualFinish>2027-03-02T17:00:00</ActualFinish>"));

            import.Text.Should().Contain("actual-start 2027-03-10").And.NotContain("actual-finish");
            import.Notes.Should().Contain("task 'Draft' has an actual finish 2027-03-02 before its actual start 2027-03-10; the actual finish is left out");
            Compiles(import);
        }

        [Fact]
        public void A_manual_task_with_only_a_manual_duration_is_a_task_of_that_duration_not_a_milestone()
        {
            var import = Import(Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("<Duration>PT16H0M0S</Duration>", "<Manual>1</Manual><ManualDuration>PT24H0M0S</ManualDuration>")
                .Replace("<Work>PT16H0M0S</Work>", "<Work>PT0H0M0S</Work>"));

            import.Text.Should().NotContain("milestone");
            Compiles(import).Schedule!.Tasks.Single().DurationDays.Should().Be(3);
        }

        [Fact]
        public void A_calendar_exception_that_ends_before_it_starts_is_left_out_with_a_located_warning()
        {
            var xml = Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("<Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>",
                "<Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><Exceptions><Exception><TimePeriod><FromDate>2027-03-10T00:00:00</FromDate><ToDate>2027-03-02T23:59:00</ToDate></TimePeriod><Occurrences>1</Occurrences><Name>Odd</Name><Type>1</Type><DayWorking>0</DayWorking></Exception></Exceptions>");
            var read = MspdiReader.Read(xml);

            read.Problems.Should().BeEmpty();
            var warning = read.Project!.Warnings.Should().ContainSingle().Subject;
            warning.Message.Should().Be("a calendar exception of 'Standard' ends (2027-03-02) before it starts (2027-03-10); it is left out");
            warning.Line.Should().Be(1);
            warning.Column.Should().BeGreaterThan(1);
            var import = MspdiImporter.Import(read.Project);
            import.Text.Should().NotContain("holiday");
            Compiles(import);
        }

        [Fact]
        public void A_placeholder_project_start_with_no_dated_task_is_taken_as_the_start_with_a_located_warning()
        {
            // It was refused as "the project has no <StartDate>", which it has.
            var xml = Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("<StartDate>2027-03-01T08:00:00</StartDate>", "<StartDate>2000-01-01T00:00:00</StartDate>");
            var read = MspdiReader.Read(xml);

            read.Problems.Should().BeEmpty();
            read.Project!.Warnings.Should().ContainSingle().Which.Message.Should().StartWith("the project's <StartDate> 2000-01-01T00:00:00 is a date some writers put for no date");
            var import = MspdiImporter.Import(read.Project);
            import.Text.Should().Contain("start 2000-01-01");
            Compiles(import);
        }

        [Fact]
        public void A_project_calendar_uid_with_no_calendars_is_read_on_monday_to_friday_with_a_located_warning()
        {
            // Aspose.Tasks writes <CalendarUID>1</CalendarUID> and an empty <Calendars/>; the file was refused.
            // Starting on a Friday, so the two days are Friday and Monday only if the weekend is off.
            var xml = Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("2027-03-01T08:00:00", "2027-03-05T08:00:00");
            int from = xml.IndexOf("<Calendars>", System.StringComparison.Ordinal), to = xml.IndexOf("</Calendars>", System.StringComparison.Ordinal) + "</Calendars>".Length;
            xml = xml.Substring(0, from) + "<Calendars/>" + xml.Substring(to);
            var read = MspdiReader.Read(xml);

            read.Problems.Should().BeEmpty();
            var warning = read.Project!.Warnings.Should().ContainSingle().Subject;
            warning.Message.Should().Be("the project calendar (CalendarUID 1) is not among the calendars in the file; Monday to Friday is used");
            warning.Column.Should().BeGreaterThan(1);
            var import = MspdiImporter.Import(read.Project);
            var program = Compiles(import);
            var draft = program.Schedule!.Tasks.Single(t => t.Id == import.TaskIds[1]);
            (draft.StartDate + ".." + draft.FinishDate).Should().Be("2027-03-05..2027-03-08");
        }

        [Fact]
        public void A_project_calendar_uid_not_in_the_file_falls_back_to_the_first_base_calendar_with_a_located_warning()
        {
            var xml = Doc(string.Empty, new[] { 2, 3, 4, 5, 6 }).Replace("<CalendarUID>1</CalendarUID><Calendars>", "<CalendarUID>9</CalendarUID><Calendars>");
            var read = MspdiReader.Read(xml);

            read.Problems.Should().BeEmpty();
            read.Project!.Warnings.Should().ContainSingle().Which.Message.Should().Be(
                "the project calendar (CalendarUID 9) is not among the calendars in the file; the first base calendar ('Standard') is used");
            Compiles(MspdiImporter.Import(read.Project));
        }

        [Fact]
        public void Elements_nested_deeper_than_ms_project_nests_are_refused_at_their_place_before_the_tree_is_built()
        {
            // 200,000 nested elements in a field tpm does not read: loading them as a tree took seconds (a million, minutes).
            const int depth = 200_000;
            var xml = "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>x</Name><StartDate>2027-03-01T08:00:00</StartDate>\n<Foo>" +
                      string.Concat(Enumerable.Repeat("<a>", depth)) + string.Concat(Enumerable.Repeat("</a>", depth)) + "</Foo></Project>";
            var watch = System.Diagnostics.Stopwatch.StartNew();

            var read = MspdiReader.Read(xml);

            read.Project.Should().BeNull();
            var problem = read.Problems.Should().ContainSingle().Subject;
            problem.Message.Should().StartWith("elements nest more than 64 deep here");
            problem.Line.Should().Be(2);
            problem.Column.Should().Be(6 + 3 * (MspdiReader.MaxElementDepth - 1) + 1, "the first element too deep, just after its '<'");
            watch.Elapsed.Should().BeLessThan(System.TimeSpan.FromSeconds(30), "the refusal is a linear pass, not the quadratic load");

            // At the limit the file is read (the field is not one tpm reads).
            var nested = "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>x</Name><StartDate>2027-03-01T08:00:00</StartDate><Foo>" +
                         string.Concat(Enumerable.Repeat("<a>", MspdiReader.MaxElementDepth - 1)) + string.Concat(Enumerable.Repeat("</a>", MspdiReader.MaxElementDepth - 1)) + "</Foo></Project>";
            MspdiReader.Read(nested).Problems.Should().BeEmpty();
        }
    }
}
