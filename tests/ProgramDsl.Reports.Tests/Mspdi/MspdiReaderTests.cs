using System.Linq;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// Reading MS Project XML as MS Project saves it (Data/relaunch.xml: custom fields, outline codes, baselines and
    /// timephased data that must be ignored), and the problems of files that are not MSPDI.
    /// </summary>
    public class MspdiReaderTests
    {
        // relaunch.xml, by hand:
        // - the program is named after the file (Relaunch.xml) with the title; its deadline and note come from the project
        //   summary task (UID 0); the yearly Christmas exception (2026..2028) gives three holidays; Mon..fri and 8 h are
        //   the defaults and are not written.
        // - Anna's resource calendar adds a vacation; Ben's is based on "Berlin office" and takes Fridays off, so he gets a
        //   calendar of his own (mon..thu with Berlin's holiday); Chloe's Easter Monday is the program's holiday and her
        //   working Saturday cannot be said (a note); Chloe's max units 0.8 is a capacity of 80%, her 0.4 units a 50% share.
        // - "Cloud VMs" is a material resource: a pool as large as its largest use (2); "Travel budget" is a cost
        //   resource (a note); resource UID 0 and the -65535 assignment are MS Project's placeholders.
        // - Work: interviews 40 h = 5d; requirements 16 h + 32 h = 6d over Anna 50% and Ben; frontend 64 h = 8d; the
        //   fixed-duration tasks keep their duration. Links: 9600 tenths of a minute = 2 days (ss), 4800 = 1 day (ff, sf),
        //   -9600 = a lead of 2 days, and 2 elapsed days (LagFormat 8) are 2 x 5/7 = 1.4, one working day (a note).
        // - The summary task Build's link becomes the workstream's 'after'; Go live's link to Build an 'after build'.
        private const string Expected =
            "program relaunch \"Website relaunch\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-05-28\n" +
            "  status-date 2027-03-10\n" +
            "  currency EUR\n" +
            "  leveling off\n" +
            "  holiday 2026-12-25 \"Christmas Day\"\n" +
            "  holiday 2027-03-29 \"Easter Monday\"\n" +
            "  holiday 2027-04-15..2027-04-16 \"Company offsite\"\n" +
            "  holiday 2027-12-25 \"Christmas Day\"\n" +
            "  holiday 2028-12-25 \"Christmas Day\"\n" +
            "  note \"Relaunch of the public website on the new CMS.\"\n" +
            "\n" +
            "  calendar ben-carter-week \"Ben Carter week\" {\n" +
            "    workdays mon..thu\n" +
            "    holiday 2027-05-13 \"Ascension Day\"\n" +
            "  }\n" +
            "\n" +
            "  person anna-schmidt \"Anna Schmidt\" {\n" +
            "    rate 95/h\n" +
            "    vacation 2027-03-15..2027-03-19 \"Vacation\"\n" +
            "    email \"anna.schmidt@example.com\"\n" +
            "  }\n" +
            "\n" +
            "  person ben-carter \"Ben Carter\" {\n" +
            "    rate 800/d\n" +
            "    calendar ben-carter-week\n" +
            "    note \"Works Monday to Thursday.\"\n" +
            "  }\n" +
            "\n" +
            "  person chloe-martin \"Chloe Martin\" {\n" +
            "    capacity 80%\n" +
            "    rate 85/h\n" +
            "  }\n" +
            "\n" +
            "  resource cloud-vms \"Cloud VMs\" {\n" +
            "    capacity 2\n" +
            "    rate 1.5/h\n" +
            "  }\n" +
            "\n" +
            "  workstream discovery \"Discovery\" {\n" +
            "    task stakeholder-interviews \"Stakeholder interviews\" {\n" +
            "      effort 5d\n" +
            "      assign anna-schmidt\n" +
            "      cost 250\n" +
            "      progress 100%\n" +
            "      actual-start 2027-03-01\n" +
            "      actual-finish 2027-03-05\n" +
            "      actual-cost 4100\n" +
            "      note \"Twelve interviews across marketing, sales and support.\"\n" +
            "    }\n" +
            "\n" +
            "    task requirements-document \"Requirements document\" {\n" +
            "      effort 6d\n" +
            "      assign anna-schmidt 50%, ben-carter\n" +
            "      after stakeholder-interviews\n" +
            "      priority 700\n" +
            "      progress 50%\n" +
            "      actual-start 2027-03-08\n" +
            "    }\n" +
            "\n" +
            "    milestone discovery-complete \"Discovery complete\" {\n" +
            "      after requirements-document\n" +
            "    }\n" +
            "  }\n" +
            "\n" +
            "  workstream build \"Build\" {\n" +
            "    after discovery-complete\n" +
            "\n" +
            "    task design-system \"Design system\" {\n" +
            "      duration 10d\n" +
            "      assign chloe-martin 50%\n" +
            "    }\n" +
            "\n" +
            "    task frontend \"Frontend\" {\n" +
            "      effort 8d\n" +
            "      assign ben-carter\n" +
            "      after design-system ss+2d\n" +
            "    }\n" +
            "\n" +
            "    task content-migration \"Content migration\" {\n" +
            "      duration 6d\n" +
            "      uses cloud-vms 2\n" +
            "      after frontend ff+1d\n" +
            "      not-before 2027-04-01\n" +
            "    }\n" +
            "\n" +
            "    task freeze-the-legacy-site \"Freeze the legacy site\" {\n" +
            "      duration 2d\n" +
            "      after content-migration sf+1d\n" +
            "    }\n" +
            "\n" +
            "    task qa-accessibility \"QA & accessibility\" {\n" +
            "      duration 5d\n" +
            "      after frontend fs-2d, content-migration fs+1d\n" +
            "    }\n" +
            "  }\n" +
            "\n" +
            "  workstream launch \"Launch\" {\n" +
            "    milestone go-live \"Go live\" {\n" +
            "      after build\n" +
            "      due 2027-05-14\n" +
            "    }\n" +
            "  }\n" +
            "}\n";

        [Fact]
        public void A_file_saved_by_ms_project_imports_to_this_program()
        {
            var import = Import(DataFile("relaunch.xml"), "Relaunch.xml");
            import.ProgramId.Should().Be("relaunch");
            import.Text.Should().Be(Expected);
        }

        [Fact]
        public void What_the_program_cannot_hold_is_listed_as_notes()
        {
            Import(DataFile("relaunch.xml")).Notes.Should().Equal(
                "calendar 'Standard': its alternate work weeks are not imported (tpm calendars have one week pattern)",
                "task 'Old idea: print brochure' is inactive and is not imported",
                "MS Project had not leveled the plan (no task has a leveling delay), so it is imported with 'leveling off': people may be over-allocated, as they were in MS Project (TPM2101)",
                "cost resource 'Travel budget' is not imported (tpm has fixed costs on tasks, not cost resources)",
                "person 'Chloe Martin' works on 2027-03-20 by exception; tpm calendars only take days off, so it stays as their calendar has it",
                "task 'QA & accessibility' has an elapsed lag of 2 calendar days after 'Content migration', taken as 1 working day");
        }

        // The imported program, by hand. Mon..fri, Easter Monday (Mar 29) and Apr 15-16 off. Index: 0 Mar 1 .. 4 Mar 5,
        // 5 Mar 8, 7 Mar 10, 8 Mar 11, 9 Mar 12, 10 Mar 15, 15 Mar 22, 16 Mar 23, 18 Mar 25, 19 Mar 26, 20 Mar 30, 22 Apr 1,
        // 23 Apr 2, 25 Apr 6, 27 Apr 8, 28 Apr 9, 29 Apr 12, 30 Apr 13, 31 Apr 14, 32 Apr 19, 33 Apr 20, 34 Apr 21.
        // Status date Mar 10: open work runs from index 8.
        // requirements: 6d over 1.5 people = 4 days, half done: 2 left from Mar 11 on days both work: Mar 11, then Ben is
        //   off on Fridays and Anna on vacation Mar 15-19 -> Mar 22. Done [5,16), the milestone on Mar 22.
        // design: 10 days from 16 -> Mar 23..Apr 6. frontend: ss+2 from 16 -> 18 (Mar 25), 8 of Ben's days (no Fridays,
        //   not Easter Monday) -> Mar 25, 30, 31, Apr 1, 5, 6, 7, 8. content: not before Apr 1 (22), 6 days, finish at least
        //   F(frontend)+1 = 29 -> [23,29), Apr 2..Apr 9. freeze: finish at least S(content)+1 = 24 -> [22,24), Apr 1..Apr 2.
        // qa: after frontend less 2 (26) and content plus 1 (30) -> [30,35), Apr 13..Apr 21; go live on Apr 21.
        [Fact]
        public void The_imported_program_schedules_as_worked_out_by_hand()
        {
            var program = Compile(Import(DataFile("relaunch.xml")).Text!);
            program.Diagnostics.Should().BeEmpty();
            ScheduleRows(program).Should().Equal(
                "discovery.stakeholder-interviews 2027-03-01..2027-03-05 d=5 float=30",
                "discovery.requirements-document 2027-03-08..2027-03-22 d=4 float=0 critical",
                "discovery.discovery-complete 2027-03-22..2027-03-22 d=0 float=0 critical",
                "build.design-system 2027-03-23..2027-04-06 d=10 float=0 critical",
                "build.frontend 2027-03-25..2027-04-08 d=8 float=0 critical",
                "build.content-migration 2027-04-02..2027-04-09 d=6 float=0 critical",
                "build.freeze-the-legacy-site 2027-04-01..2027-04-02 d=2 float=11",
                "build.qa-accessibility 2027-04-13..2027-04-21 d=5 float=0 critical",
                "launch.go-live 2027-04-21..2027-04-21 d=0 float=0 critical");
        }

        [Theory]
        [InlineData("", 0, "not well-formed XML: Root element is missing; an MS Project file saved as XML is expected")]
        [InlineData("<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <Name>x</Nme>\n</Project>", 2, "not well-formed XML: The 'Name' start tag on line 2 position 4 does not match the end tag of 'Nme'; an MS Project file saved as XML is expected")]
        [InlineData("<?xml version=\"1.0\"?>\n<project><name>x</name></project>", 2, "not an MS Project XML (MSPDI) file: the root element is <project>, not <Project xmlns=\"http://schemas.microsoft.com/project\">; in MS Project, save the plan with File > Save As > XML Format")]
        [InlineData("<Project xmlns=\"urn:other\"/>", 1, "not an MS Project XML (MSPDI) file: the root element is <Project xmlns=\"urn:other\">, not <Project xmlns=\"http://schemas.microsoft.com/project\">; in MS Project, save the plan with File > Save As > XML Format")]
        [InlineData("<?xml version=\"1.0\"?>\n<!DOCTYPE Project [<!ENTITY x \"y\">]><Project/>", 2, "the file declares a DTD (<!DOCTYPE ...>), which MS Project XML never does; tpm import does not read DTDs")]
        public void A_file_that_is_not_mspdi_is_one_problem_with_its_line(string xml, int line, string message)
        {
            var read = MspdiReader.Read(xml);
            read.Project.Should().BeNull();
            read.Problems.Should().ContainSingle();
            read.Problems[0].Line.Should().Be(line);
            read.Problems[0].Message.Should().Be(message);
        }

        [Fact]
        public void Missing_and_malformed_fields_are_problems_at_their_elements()
        {
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2027-13-01T08:00:00</StartDate>\n" +
                "  <Tasks>\n" +
                "    <Task><Name>no uid</Name></Task>\n" +
                "    <Task><UID>1</UID><Duration>eight hours</Duration></Task>\n" +
                "    <Task><UID>1</UID><PredecessorLink><PredecessorUID>9</PredecessorUID><Type>5</Type></PredecessorLink></Task>\n" +
                "    <Task><UID>2</UID><PredecessorLink><PredecessorUID>9</PredecessorUID></PredecessorLink></Task>\n" +
                "  </Tasks>\n" +
                "</Project>\n";
            var read = MspdiReader.Read(xml);
            read.Project.Should().BeNull();
            read.Problems.Select(p => p.Format("plan.xml")).Should().Equal(
                "plan.xml(2,4): <StartDate> is '2027-13-01T08:00:00', not a date and time such as 2027-01-04T08:00:00",
                "plan.xml(4,6): a task has no <UID>",
                "plan.xml(5,24): <Duration> is 'eight hours', not a duration such as PT8H0M0S",
                "plan.xml(6,24): predecessor link type 5 is not one of 0 (FF), 1 (FS), 2 (SF), 3 (SS)",
                "plan.xml(1,2): the project has no <StartDate> (and no task has a <Start>); a .tpm program needs a start date",
                "plan.xml(6,6): two tasks have the UID 1; each task needs its own",
                "plan.xml(7,6): task 2 has a predecessor with UID 9, which is not a task in the file");
        }

        [Theory]
        [InlineData("PT120H0M0S", 120)]
        [InlineData("PT0H0M0S", 0)]
        [InlineData("-PT8H0M0S", -8)]
        [InlineData("PT7H30M0S", 7.5)]
        [InlineData("PT1.5H", 1.5)]
        [InlineData("PT90S", 0.025)]
        [InlineData("P2DT4H", 52)]
        public void Durations_are_read_as_hours(string text, double hours)
        {
            MspdiFormat.TryParseDuration(text, out var value).Should().BeTrue();
            value.Should().Be((decimal)hours);
        }

        [Theory]
        [InlineData("8h")]
        [InlineData("P")]
        [InlineData("PT")]
        [InlineData("PTH")]
        [InlineData("P1Y")]
        [InlineData("PT8D")]
        public void Other_duration_texts_are_rejected(string text) => MspdiFormat.TryParseDuration(text, out _).Should().BeFalse();

        [Theory]
        [InlineData(120, "PT120H0M0S")]
        [InlineData(7.5, "PT7H30M0S")]
        [InlineData(11.25, "PT11H15M0S")]
        [InlineData(-8, "-PT8H0M0S")]
        [InlineData(0.0004, "PT0H0M1S")]
        public void Durations_are_written_in_whole_seconds(double hours, string text) => MspdiFormat.Duration((decimal)hours).Should().Be(text);

        [Fact]
        public void Exceptions_in_the_project_2003_form_and_weekly_recurrences_are_read_as_days()
        {
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <StartDate>2027-03-01T08:00:00</StartDate>\n" +
                "  <CalendarUID>1</CalendarUID>\n" +
                "  <Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar>\n" +
                "    <WeekDays>\n" +
                "      <WeekDay><DayType>0</DayType><DayWorking>0</DayWorking><TimePeriod><FromDate>2027-03-04T00:00:00</FromDate><ToDate>2027-03-06T00:00:00</ToDate></TimePeriod></WeekDay>\n" +
                "    </WeekDays>\n" +
                "    <Exceptions><Exception><TimePeriod><FromDate>2027-03-01T00:00:00</FromDate><ToDate>2027-03-21T23:59:00</ToDate></TimePeriod>\n" +
                "      <Name>Friday off</Name><Type>6</Type><Period>2</Period><DaysOfWeek>32</DaysOfWeek><DayWorking>0</DayWorking></Exception></Exceptions>\n" +
                "  </Calendar></Calendars>\n" +
                "</Project>\n";

            // The 2003 form ends at midnight of Mar 6, so Mar 4-5; every other Friday from Mar 1: Mar 5 and Mar 19.
            Import(xml, "x.xml").Text.Should().Be(
                "program x {\n" +
                "  start 2027-03-01\n" +
                "  leveling off\n" +
                "  holiday 2027-03-04..2027-03-05\n" +
                "  holiday 2027-03-05 \"Friday off\"\n" +
                "  holiday 2027-03-19 \"Friday off\"\n" +
                "}\n");
        }

        [Fact]
        public void A_nonstandard_week_and_day_length_become_workdays_and_hours_per_day()
        {
            const string xml =
                "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
                "  <Name>Gulf office</Name><StartDate>2027-03-07T07:00:00</StartDate><CalendarUID>1</CalendarUID><MinutesPerDay>450</MinutesPerDay>\n" +
                "  <Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><WeekDays>\n" +
                "    <WeekDay><DayType>1</DayType><DayWorking>1</DayWorking></WeekDay>\n" +
                "    <WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay>\n" +
                "    <WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay>\n" +
                "  </WeekDays></Calendar></Calendars>\n" +
                "  <Tasks><Task><UID>1</UID><ID>1</ID><Name>Survey</Name><OutlineLevel>1</OutlineLevel><Duration>PT22H30M0S</Duration></Task></Tasks>\n" +
                "</Project>\n";

            // Sunday working, Friday and Saturday off; 22.5 hours of 7.5-hour days are 3 days.
            Import(xml).Text.Should().Be(
                "program gulf-office {\n" +
                "  start 2027-03-07\n" +
                "  workdays mon..thu, sun\n" +
                "  hours-per-day 7.5\n" +
                "  leveling off\n" +
                "\n" +
                "  task survey \"Survey\" {\n" +
                "    duration 3d\n" +
                "  }\n" +
                "}\n");
        }
    }
}
