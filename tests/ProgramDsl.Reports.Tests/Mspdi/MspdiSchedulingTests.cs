using System.Linq;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// What MS Project schedules by and a plan holds another way (issue 15): leveling, manual tasks, dates before the
    /// project start, placeholder dates, finishes at the start of a day, calendars and their day length, splits, contours
    /// and work shared unevenly. Each imported plan is scheduled and its dates compared with the ones MS Project stored.
    /// </summary>
    public class MspdiSchedulingTests
    {
        /// <summary>A document starting Mon 2027-03-01 with the Standard calendar (UID 1, 8-hour days) unless told.</summary>
        private static string Doc(string tasks, string resources = "", string assignments = "", string head = "", string calendars = StandardCalendar) =>
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
            "  <Name>t.xml</Name><StartDate>2027-03-01T08:00:00</StartDate>" + head + "<CalendarUID>1</CalendarUID>\n" +
            "  <Calendars>\n" + calendars + "  </Calendars>\n" +
            "  <Tasks>\n" + tasks + "  </Tasks>\n" +
            "  <Resources>\n" + resources + "  </Resources>\n" +
            "  <Assignments>\n" + assignments + "  </Assignments>\n" +
            "</Project>\n";

        private const string Day8 = "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime><WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>";

        private const string Day24 = "<WorkingTimes><WorkingTime><FromTime>00:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes>";

        private const string StandardCalendar = "    " + "<Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>" +
            "<WeekDay><DayType>1</DayType><DayWorking>0</DayWorking></WeekDay>" +
            "<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking>" + Day8 + "</WeekDay>" +
            "<WeekDay><DayType>3</DayType><DayWorking>1</DayWorking>" + Day8 + "</WeekDay>" +
            "<WeekDay><DayType>4</DayType><DayWorking>1</DayWorking>" + Day8 + "</WeekDay>" +
            "<WeekDay><DayType>5</DayType><DayWorking>1</DayWorking>" + Day8 + "</WeekDay>" +
            "<WeekDay><DayType>6</DayType><DayWorking>1</DayWorking>" + Day8 + "</WeekDay>" +
            "<WeekDay><DayType>7</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar>\n";

        private static string Task(int uid, string name, string extra = "", string duration = "PT8H0M0S", int level = 1) =>
            "    <Task><UID>" + uid + "</UID><ID>" + uid + "</ID><Name>" + name + "</Name><OutlineLevel>" + level + "</OutlineLevel><Duration>" + duration + "</Duration>" + extra + "</Task>\n";

        private static string Dates(string start, string finish) => "<Start>" + start + "</Start><Finish>" + finish + "</Finish>";

        private static string After(int predecessor) => "<PredecessorLink><PredecessorUID>" + predecessor + "</PredecessorUID><Type>1</Type></PredecessorLink>";

        private static string Person(int uid, string name, string extra = "") => "    <Resource><UID>" + uid + "</UID><Name>" + name + "</Name><Type>1</Type><MaxUnits>1</MaxUnits>" + extra + "</Resource>\n";

        private static string Assign(int task, int resource, string work, string extra = "", string units = "1") =>
            "    <Assignment><UID>" + (task * 100 + resource) + "</UID><TaskUID>" + task + "</TaskUID><ResourceUID>" + resource + "</ResourceUID><Units>" + units + "</Units><Work>" + work + "</Work>" + extra + "</Assignment>\n";

        /// <summary>The imported plan scheduled by default: "first..last" day of the task a UID became.</summary>
        private static string Days(MspdiImport import, TpmProgram program, int uid)
        {
            var task = program.Schedule!.Tasks.Single(t => t.Id == import.TaskIds[uid]);
            return task.StartDate + ".." + task.FinishDate;
        }

        [Fact]
        public void A_plan_ms_project_did_not_level_is_imported_with_leveling_off_and_schedules_as_it_did()
        {
            // Ann on two tasks at once, as MS Project left them (no leveling delay); tpm's leveling would put one after the other.
            var import = Import(Doc(
                Task(1, "Draft", Dates("2027-03-01T08:00:00", "2027-03-02T17:00:00"), "PT16H0M0S") + Task(2, "Sketch", Dates("2027-03-01T08:00:00", "2027-03-02T17:00:00"), "PT16H0M0S"),
                Person(1, "Ann"),
                Assign(1, 1, "PT16H0M0S") + Assign(2, 1, "PT16H0M0S")));

            import.Text.Should().Contain("  start 2027-03-01\n  leveling off\n");
            import.Notes.Should().Contain("MS Project had not leveled the plan (no task has a leveling delay), so it is imported with 'leveling off': people may be over-allocated, as they were in MS Project (TPM2101)");
            var program = TpmProgram.Parse(import.Text!, "t.tpm");
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-02");
            Days(import, program, 2).Should().Be("2027-03-01..2027-03-02");
            program.Diagnostics.Should().Contain(d => d.Code == "TPM2101");
        }

        [Fact]
        public void A_leveling_delay_is_kept_as_the_start_leveling_gave_the_task()
        {
            // Sketch waits 2 days (9600 tenths of a minute) for Ann: MS Project's leveling put it on Mar 3.
            var import = Import(Doc(
                Task(1, "Draft", Dates("2027-03-01T08:00:00", "2027-03-02T17:00:00"), "PT16H0M0S") +
                Task(2, "Sketch", Dates("2027-03-03T08:00:00", "2027-03-04T17:00:00") + "<LevelingDelay>9600</LevelingDelay><LevelingDelayFormat>7</LevelingDelayFormat>", "PT16H0M0S") +
                Task(3, "Review", Dates("2027-03-05T08:00:00", "2027-03-05T17:00:00") + After(2)),
                Person(1, "Ann"),
                Assign(1, 1, "PT16H0M0S") + Assign(2, 1, "PT16H0M0S")));

            import.Text.Should().Contain("  leveling off\n").And.Contain("    not-before 2027-03-03\n");
            import.Notes.Should().Contain("MS Project leveled the plan (1 task with a leveling delay), so it is imported with 'leveling off' and each delayed task starts no earlier than leveling put it")
                .And.Contain("task 'Sketch' was delayed by MS Project's leveling (2 working days); it is imported with 'not-before 2027-03-03', the start leveling gave it");
            var program = Compile(import.Text!);
            Days(import, program, 2).Should().Be("2027-03-03..2027-03-04");
            Days(import, program, 3).Should().Be("2027-03-05..2027-03-05");
        }

        [Fact]
        public void A_manually_scheduled_task_keeps_its_dates_even_before_the_project_start()
        {
            // The project starts Mar 10; a manual task sits on Mar 1-5 (its duration says 2 days, its dates 5), another task is automatic.
            const string head = "";
            var xml = Doc(
                Task(1, "Manual", Dates("2027-03-01T08:00:00", "2027-03-05T17:00:00") + "<Manual>1</Manual><ManualStart>2027-03-01T08:00:00</ManualStart><ManualFinish>2027-03-05T17:00:00</ManualFinish>", "PT16H0M0S") +
                Task(2, "Auto", Dates("2027-03-10T08:00:00", "2027-03-10T17:00:00")), head: head).Replace("<StartDate>2027-03-01T08:00:00</StartDate>", "<StartDate>2027-03-10T08:00:00</StartDate>");
            var import = Import(xml);

            import.Text.Should().Contain("  start 2027-03-01\n")
                .And.Contain("  task manual \"Manual\" {\n    duration 5d\n    not-before 2027-03-01\n  }")
                .And.Contain("  task auto \"Auto\" {\n    duration 1d\n    not-before 2027-03-10\n  }");
            import.Notes.Should().Contain("task 'Manual' has a manually scheduled start 2027-03-01 before the project start 2027-03-10; the program starts on 2027-03-01, " +
                                          "and the tasks MS Project schedules from the project start are kept from starting before 2027-03-10 with 'not-before'")
                .And.Contain("task 'Manual' is manually scheduled in MS Project; it is imported with the dates MS Project gave it: 'not-before 2027-03-01' and 'duration 5d'");
            var program = Compile(import.Text!);
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-05");
            Days(import, program, 2).Should().Be("2027-03-10..2027-03-10");
        }

        [Fact]
        public void A_manual_tasks_span_leaves_out_weekends_and_holidays()
        {
            // Mar 1 to Mar 10: 8 weekdays, less the holidays on Wed Mar 3 and the range Sat Mar 6 - Tue Mar 9 (Mon, Tue): 5 days.
            var holidays = StandardCalendar.Replace("</WeekDays>", "</WeekDays><Exceptions>" +
                "<Exception><TimePeriod><FromDate>2027-03-03T00:00:00</FromDate><ToDate>2027-03-03T23:59:00</ToDate></TimePeriod><Name>One</Name></Exception>" +
                "<Exception><TimePeriod><FromDate>2027-03-06T00:00:00</FromDate><ToDate>2027-03-09T23:59:00</ToDate></TimePeriod><Name>Four</Name></Exception></Exceptions>");
            var import = Import(Doc(Task(1, "Manual", Dates("2027-03-01T08:00:00", "2027-03-10T17:00:00") + "<Manual>1</Manual>", "PT16H0M0S"), calendars: holidays));

            import.Text.Should().Contain("    duration 5d\n    not-before 2027-03-01\n");
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-01..2027-03-10");
        }

        [Fact]
        public void A_night_shift_and_an_actual_start_on_a_day_off_are_noted()
        {
            var nights = "    <Calendar><UID>2</UID><Name>Night Shift</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>" +
                         "<WeekDay><DayType>2</DayType><DayWorking>1</DayWorking><WorkingTimes><WorkingTime><FromTime>23:00:00</FromTime><ToTime>00:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>" +
                         "</WeekDays></Calendar>\n";
            var import = Import(Doc(
                Task(1, "Nights", Dates("2027-03-01T23:00:00", "2027-03-02T08:00:00")) +
                Task(2, "Weekend start", Dates("2027-03-06T08:00:00", "2027-03-08T17:00:00") + "<ActualStart>2027-03-06T08:00:00</ActualStart><PercentComplete>50</PercentComplete>"),
                Person(1, "Owl", "<CalendarUID>2</CalendarUID>"), Assign(1, 1, "PT8H0M0S"), calendars: StandardCalendar + nights));

            import.Notes.Should().Contain("task 'Nights': 'Owl' works a night shift in MS Project (from 23:00); tpm counts whole working days, so the task's days can be a day off from its shifts, which run past midnight")
                .And.Contain("task 'Weekend start' started on 2027-03-06, a day the program does not work; tpm counts its work from the next working day");
            Days(import, Compile(import.Text!), 2).Should().StartWith("2027-03-08..");
        }

        [Fact]
        public void A_start_no_earlier_than_before_the_project_start_is_kept()
        {
            var xml = Doc(Task(1, "Early", Dates("2027-03-01T08:00:00", "2027-03-01T17:00:00") + "<ConstraintType>4</ConstraintType><ConstraintDate>2027-03-01T08:00:00</ConstraintDate>") +
                          Task(2, "Later", Dates("2027-03-08T08:00:00", "2027-03-08T17:00:00")))
                .Replace("<StartDate>2027-03-01T08:00:00</StartDate>", "<StartDate>2027-03-08T08:00:00</StartDate>");
            var import = Import(xml);

            import.Text.Should().Contain("  start 2027-03-01\n").And.Contain("    not-before 2027-03-01\n").And.Contain("    not-before 2027-03-08\n");
            import.Notes.Should().Contain(n => n.StartsWith("task 'Early' has a start-no-earlier-than date 2027-03-01 before the project start 2027-03-08"));
            var program = Compile(import.Text!);
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-01");
            Days(import, program, 2).Should().Be("2027-03-08..2027-03-08");
        }

        [Theory]
        [InlineData("2000-01-01T00:00:00")]
        [InlineData("1984-01-01T00:00:00")]
        [InlineData("NA")]
        public void Placeholder_dates_are_read_as_empty(string placeholder)
        {
            var import = Import(Doc(Task(1, "Plain", "<ActualStart>" + placeholder + "</ActualStart><ActualFinish>" + placeholder + "</ActualFinish><ConstraintType>4</ConstraintType><ConstraintDate>" +
                                               placeholder + "</ConstraintDate><Deadline>" + placeholder + "</Deadline>")));

            import.Text.Should().Be("program t {\n  start 2027-03-01\n  leveling off\n\n  task plain \"Plain\" {\n    duration 1d\n  }\n}\n");
            import.Notes.Should().BeEmpty();
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-01..2027-03-01");
        }

        [Fact]
        public void A_deadline_or_status_date_before_the_project_start_is_left_out_with_a_note()
        {
            var xml = Doc(Task(0, "Project", "<Deadline>2027-02-26T17:00:00</Deadline>", level: 0) + Task(1, "A"), head: "<StatusDate>2027-02-15T17:00:00</StatusDate>");
            var import = Import(xml);

            import.Text.Should().NotContain("deadline").And.NotContain("status-date");
            import.Notes.Should().Contain("the project's deadline 2027-02-26 is before its start 2027-03-01; it is left out")
                .And.Contain("the project's status date 2027-02-15 is before its start 2027-03-01; it is left out (nothing is reported as done before the program starts)");
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-01..2027-03-01");
        }

        [Fact]
        public void A_holiday_on_2000_01_01_is_a_real_one()
        {
            var calendar = StandardCalendar.Replace("</WeekDays>", "</WeekDays><Exceptions><Exception><TimePeriod><FromDate>2000-01-01T00:00:00</FromDate><ToDate>2000-01-01T23:59:00</ToDate></TimePeriod><Name>New year</Name></Exception></Exceptions>");
            Import(Doc(Task(1, "A"), calendars: calendar)).Text.Should().Contain("  holiday 2000-01-01 \"New year\"\n");
        }

        [Fact]
        public void A_finish_at_the_start_of_a_working_day_is_the_end_of_the_working_day_before()
        {
            // Finished Monday 08:00: the work ended on Friday. A deadline at Monday 08:00 is due Friday.
            var import = Import(Doc(Task(1, "Done", "<ActualStart>2027-03-03T08:00:00</ActualStart><ActualFinish>2027-03-08T08:00:00</ActualFinish><PercentComplete>100</PercentComplete>" +
                                                    "<Deadline>2027-03-08T08:00:00</Deadline>", "PT24H0M0S")));

            import.Text.Should().Contain("    actual-finish 2027-03-05\n").And.Contain("    due 2027-03-05\n");
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-03..2027-03-05");
        }

        [Fact]
        public void A_calendar_day_other_than_minutes_per_day_counts_durations_in_the_calendars_days()
        {
            // MinutesPerDay says 8 hours, the calendar works 7 (09:00-12:00, 13:00-17:00): 21 hours are 3 of its days.
            var day7 = Day8.Replace("08:00:00", "09:00:00");
            var xml = Doc(Task(1, "Seven", Dates("2027-03-01T09:00:00", "2027-03-03T17:00:00"), "PT21H0M0S"), head: "<MinutesPerDay>480</MinutesPerDay>",
                calendars: StandardCalendar.Replace(Day8, day7));
            var import = Import(xml);

            import.Text.Should().Contain("  hours-per-day 7\n").And.Contain("    duration 3d\n");
            import.Notes.Should().Contain("the project's working day is 8 hours (MinutesPerDay 480), but its calendar 'Standard' works 7 hours a day; MS Project schedules hours on the calendar, " +
                                          "so durations, work and lags are counted in its days, and 'hours-per-day' is 7");
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-01..2027-03-03");
        }

        [Fact]
        public void A_task_on_its_own_calendar_keeps_the_dates_that_calendar_gave_it()
        {
            // A Monday-to-Wednesday calendar: 4 days of work from Mon Mar 1 end on Mon Mar 8.
            var shortWeek = "    <Calendar><UID>2</UID><Name>Short week</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>" +
                            "<WeekDay><DayType>5</DayType><DayWorking>0</DayWorking></WeekDay><WeekDay><DayType>6</DayType><DayWorking>0</DayWorking></WeekDay></WeekDays></Calendar>\n";
            var import = Import(Doc(
                Task(1, "Short", Dates("2027-03-01T08:00:00", "2027-03-08T17:00:00") + "<CalendarUID>2</CalendarUID>", "PT32H0M0S") +
                Task(2, "Next", Dates("2027-03-09T08:00:00", "2027-03-09T17:00:00") + After(1)),
                calendars: StandardCalendar + shortWeek));

            import.Notes.Should().Contain("task 'Short' is scheduled on its own calendar 'Short week' in MS Project, which tpm has no way to give a task; it is imported with the dates MS Project gave it: " +
                                          "'not-before 2027-03-01' and 'duration 6d'");
            var program = Compile(import.Text!);
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-08");
            Days(import, program, 2).Should().Be("2027-03-09..2027-03-09");
        }

        [Fact]
        public void A_split_task_spans_its_pause()
        {
            // 3 days of work with two days of pause (zero hours on Mar 3-4; the weekend has no value): Mar 1 to Mar 8.
            string Period(string from, string to, string? value) => "<TimephasedData><Type>1</Type><UID>1</UID><Start>" + from + "</Start><Finish>" + to + "</Finish><Unit>2</Unit>" +
                                                                   (value is null ? string.Empty : "<Value>" + value + "</Value>") + "</TimephasedData>";
            var timephased = Period("2027-03-01T08:00:00", "2027-03-02T17:00:00", "PT16H0M0S") + Period("2027-03-03T08:00:00", "2027-03-04T17:00:00", "PT0H0M0S") +
                             Period("2027-03-06T00:00:00", "2027-03-07T00:00:00", null) + Period("2027-03-08T08:00:00", "2027-03-08T17:00:00", "PT8H0M0S");
            var import = Import(Doc(
                Task(1, "Split", Dates("2027-03-01T08:00:00", "2027-03-08T17:00:00"), "PT24H0M0S") + Task(2, "Next", Dates("2027-03-09T08:00:00", "2027-03-09T17:00:00") + After(1)),
                Person(1, "Ann"), Assign(1, 1, "PT24H0M0S", timephased)));

            import.Text.Should().Contain("    duration 6d\n    assign ann\n");
            import.Notes.Should().Contain("task 'Split' is split in MS Project (its work pauses and resumes); tpm has no pause in a task, so it is imported over its whole span, " +
                                          "2027-03-01 to 2027-03-08: 'duration 6d' instead of its 3 working days, its people booked through the pause");
            var program = Compile(import.Text!);
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-08");
            Days(import, program, 2).Should().Be("2027-03-09..2027-03-09");
        }

        [Fact]
        public void Weekends_without_work_in_the_timephased_data_are_not_a_split()
        {
            string Period(string from, string to, string? value) => "<TimephasedData><Type>1</Type><UID>1</UID><Start>" + from + "</Start><Finish>" + to + "</Finish><Unit>2</Unit>" +
                                                                   (value is null ? string.Empty : "<Value>" + value + "</Value>") + "</TimephasedData>";
            var timephased = Period("2027-03-04T08:00:00", "2027-03-05T17:00:00", "PT16H0M0S") + Period("2027-03-06T00:00:00", "2027-03-08T00:00:00", null) +
                             Period("2027-03-08T08:00:00", "2027-03-08T17:00:00", "PT8H0M0S");
            var import = Import(Doc(Task(1, "Over a weekend", Dates("2027-03-04T08:00:00", "2027-03-08T17:00:00") + "<ConstraintType>4</ConstraintType><ConstraintDate>2027-03-04T08:00:00</ConstraintDate>", "PT24H0M0S"),
                Person(1, "Ann"), Assign(1, 1, "PT24H0M0S", timephased)));

            import.Text.Should().Contain("    effort 3d\n    assign ann\n");
            import.Notes.Should().NotContain(n => n.Contains("split"));
        }

        [Fact]
        public void Work_that_does_not_fill_the_duration_keeps_the_duration_with_a_note()
        {
            // Back-loaded contour (1): 2 person-days of work that MS Project spreads over 4 days; Bo and Cy share 4 days unevenly.
            var import = Import(Doc(
                Task(1, "Contoured", Dates("2027-03-01T08:00:00", "2027-03-04T17:00:00"), "PT32H0M0S") +
                Task(2, "Shared", Dates("2027-03-01T08:00:00", "2027-03-04T17:00:00"), "PT32H0M0S"),
                Person(1, "Ann") + Person(2, "Bo") + Person(3, "Cy"),
                Assign(1, 1, "PT16H0M0S", "<WorkContour>1</WorkContour>") + Assign(2, 2, "PT32H0M0S") + Assign(2, 3, "PT8H0M0S")));

            import.Text.Should().Contain("  task contoured \"Contoured\" {\n    duration 4d\n    assign ann\n")
                .And.Contain("  task shared \"Shared\" {\n    duration 4d\n    assign bo, cy\n");
            import.Notes.Should().Contain("task 'Contoured': its work follows an uneven contour (2 person-days at 100% take 2 days, MS Project schedules 4); it is imported with 'duration 4d' and its people, so effort is not kept")
                .And.Contain("task 'Shared': its assignees have unequal work for their units (5 person-days at 200% take 3 days, MS Project schedules 4); it is imported with 'duration 4d' and its people, so effort is not kept");
            var program = Compile(import.Text!);
            Days(import, program, 1).Should().Be("2027-03-01..2027-03-04");
            Days(import, program, 2).Should().Be("2027-03-01..2027-03-04");
        }

        [Fact]
        public void Work_that_fills_the_duration_stays_effort()
        {
            var import = Import(Doc(Task(1, "Even", Dates("2027-03-01T08:00:00", "2027-03-02T17:00:00"), "PT16H0M0S"), Person(1, "Ann") + Person(2, "Bo"),
                Assign(1, 1, "PT16H0M0S") + Assign(1, 2, "PT16H0M0S")));
            import.Text.Should().Contain("    effort 4d\n    assign ann, bo\n");
            import.Notes.Should().NotContain(n => n.Contains("effort is not kept"));
        }

        [Fact]
        public void People_on_a_24_hour_calendar_take_the_duration_in_their_days()
        {
            // 48 hours of work for someone working round the clock: 2 days in MS Project, 6 of tpm's 8-hour days otherwise.
            var roundTheClock = "    <Calendar><UID>2</UID><Name>24 Hours</Name><IsBaseCalendar>1</IsBaseCalendar><WeekDays>" +
                                string.Concat(Enumerable.Range(1, 7).Select(d => "<WeekDay><DayType>" + d + "</DayType><DayWorking>1</DayWorking>" + Day24 + "</WeekDay>")) + "</WeekDays></Calendar>\n";
            var import = Import(Doc(Task(1, "Round the clock", Dates("2027-03-01T00:00:00", "2027-03-03T00:00:00"), "PT48H0M0S"),
                Person(1, "Night", "<CalendarUID>2</CalendarUID>"), Assign(1, 1, "PT48H0M0S"), calendars: StandardCalendar + roundTheClock));

            import.Text.Should().Contain("    duration 2d\n    assign night\n");
            import.Notes.Should().Contain("task 'Round the clock': its people work 24-hour days in MS Project, and a tpm person works the program's 8; it is imported with 'duration 2d' (its 48 hours in their days), so effort is not kept");
            Days(import, Compile(import.Text!), 1).Should().Be("2027-03-01..2027-03-02");
        }
    }
}
