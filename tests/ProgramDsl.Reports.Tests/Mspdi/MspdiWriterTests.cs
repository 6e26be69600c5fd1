using System.Linq;
using System.Xml.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>The MSPDI document: project, calendars, tasks depth first, links, resources and assignments, worked out by hand.</summary>
    public class MspdiWriterTests
    {
        // hours-per-day 7.5: MinutesPerDay 450, a day 08:00-12:00 and 13:00-16:30. Mon..fri, Easter break Mar 29-30.
        // Working-day index i: 0 Mar 1, 1 Mar 2, 2 Mar 3, 3 Mar 4, 4 Mar 5, 5 Mar 8, 6 Mar 9, 7 Mar 10, 8 Mar 11, 9 Mar 12, 10 Mar 15.
        // Status date Mar 3: work not done is scheduled from index 3 on.
        // ana: capacity 50% on the Berlin calendar (mon..sat, Mar 8 off), vacation Mar 15-16.
        // design.wire:   effort 2d / (100% x 50%) = 4 days; started Mar 1, 50% done: 2 days left from index 3 -> [0,5), Mar 1..Mar 5.
        // design.visual: 3d, ss+1d after wire, not before the status cutoff 3 -> [3,6), Mar 4..Mar 8.
        // build (after design, which ends at 6):
        //   build.api:   effort 4d, bo 100% -> [6,10), Mar 9..Mar 12.
        //   build.ui:    2d, F >= F(api)+1 = 11, F >= S(visual)+2 = 5, not before Mar 10 (7) -> [9,11), Mar 12..Mar 15.
        // launch: after build fs-1d -> S = 11-1 = 10, dated at index 9, Mar 12 (end of day).
        // Program finish index 11 (Mar 15). Floats: ui 0; api 0 (ff+1 to ui); visual 0 (the build gate waits for it);
        // wire 0 (started: late finish 5); launch 1 (it could fall at 11).
        private const string Plan =
            "program web \"Web shop\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-04-30\n" +
            "  status-date 2027-03-03\n" +
            "  currency EUR\n" +
            "  hours-per-day 7.5\n" +
            "  leveling off\n" +
            "  holiday 2027-03-29..2027-03-30 \"Easter break\"\n" +
            "  note \"Shop relaunch\"\n" +
            "  calendar berlin \"Berlin office\" { workdays mon..sat  holiday 2027-03-08 \"Women's Day\" }\n" +
            "  person ana \"Ana\" { rate 600/d  capacity 50%  calendar berlin  vacation 2027-03-15..2027-03-16 \"Trip\" }\n" +
            "  person bo \"Bo\" { rate 80/h  email \"bo@example.com\" }\n" +
            "  resource gpu \"GPU pool\" { capacity 4  rate 2/h }\n" +
            "  workstream design \"Design\" {\n" +
            "    task wire \"Wireframes\" { effort 2d  assign ana  progress 50%  actual-start 2027-03-01 }\n" +
            "    task visual \"Visual design\" { duration 3d  assign bo 50%  after wire ss+1d  cost 1000  note \"Two rounds\" }\n" +
            "  }\n" +
            "  workstream build \"Build\" {\n" +
            "    after design\n" +
            "    task api \"API\" { effort 4d  assign bo  uses gpu 2  priority 800 }\n" +
            "    task ui \"UI\" { duration 2d  after api ff+1d, design.visual sf+2d  not-before 2027-03-10  due 2027-03-19 }\n" +
            "  }\n" +
            "  milestone launch \"Launch\" { after build fs-1d  due 2027-04-01 }\n" +
            "}\n";

        private static XElement Written() => Root(Export(Compile(Plan)));

        [Fact]
        public void The_project_has_the_program_dates_calendar_and_a_day_of_hours_per_day()
        {
            var root = Written();
            root.Name.Should().Be(Ns + "Project");
            Value(root, "Name").Should().Be("web");
            Value(root, "Title").Should().Be("Web shop");
            Value(root, "StartDate").Should().Be("2027-03-01T08:00:00");
            Value(root, "FinishDate").Should().Be("2027-03-15T16:30:00");
            Value(root, "CurrencyCode").Should().Be("EUR");
            Value(root, "CalendarUID").Should().Be("1");
            Value(root, "DefaultStartTime").Should().Be("08:00:00");
            Value(root, "DefaultFinishTime").Should().Be("16:30:00");
            Value(root, "MinutesPerDay").Should().Be("450");
            Value(root, "MinutesPerWeek").Should().Be("2250");
            Value(root, "StatusDate").Should().Be("2027-03-03T16:30:00");
            var definitions = root.Element(Ns + "ExtendedAttributes")!.Elements().ToList();
            definitions.Select(d => Value(d, "FieldID") + " " + Value(d, "FieldName") + " " + Value(d, "Alias"))
                .Should().Equal("188744016 Text30 tpm id", "205521140 Text30 tpm id");
        }

        [Fact]
        public void The_program_calendar_has_its_weekdays_working_times_and_holidays()
        {
            var standard = Written().Element(Ns + "Calendars")!.Elements(Ns + "Calendar").First();
            Value(standard, "UID").Should().Be("1");
            Value(standard, "IsBaseCalendar").Should().Be("1");
            var days = standard.Element(Ns + "WeekDays")!.Elements(Ns + "WeekDay").ToList();
            days.Select(d => Value(d, "DayType") + ":" + Value(d, "DayWorking")).Should().Equal("1:0", "2:1", "3:1", "4:1", "5:1", "6:1", "7:0");
            days[1].Descendants(Ns + "WorkingTime").Select(w => Value(w, "FromTime") + "-" + Value(w, "ToTime")).Should().Equal("08:00:00-12:00:00", "13:00:00-16:30:00");
            var easter = standard.Element(Ns + "Exceptions")!.Elements(Ns + "Exception").Single();
            easter.Element(Ns + "TimePeriod")!.Elements().Select(e => e.Value).Should().Equal("2027-03-29T00:00:00", "2027-03-30T23:59:00");
            Value(easter, "Occurrences").Should().Be("2");
            Value(easter, "Name").Should().Be("Easter break");
            Value(easter, "DayWorking").Should().Be("0");
        }

        [Fact]
        public void A_person_on_an_office_calendar_gets_a_resource_calendar_with_the_program_holidays_and_their_vacation()
        {
            var calendars = Written().Element(Ns + "Calendars")!.Elements(Ns + "Calendar").ToList();
            calendars.Select(c => Value(c, "UID") + " " + Value(c, "Name") + " base=" + Value(c, "IsBaseCalendar") + " of " + Value(c, "BaseCalendarUID"))
                .Should().Equal("1 Standard base=1 of -1", "2 Berlin office base=1 of -1", "3 Ana base=0 of 2", "4 Bo base=0 of 1");
            var ana = calendars[2];

            // Berlin works Saturdays; the program does not, so neither does Ana.
            ana.Element(Ns + "WeekDays")!.Elements().Select(d => Value(d, "DayType") + ":" + Value(d, "DayWorking")).Should().Equal("7:0");
            ana.Element(Ns + "Exceptions")!.Elements().Select(e => Value(e, "Name") + " " + e.Element(Ns + "TimePeriod")!.Elements().First().Value)
                .Should().Equal("Easter break 2027-03-29T00:00:00", "Trip 2027-03-15T00:00:00");
            calendars[3].Element(Ns + "Exceptions").Should().BeNull("Bo works the program calendar and has no vacation");
        }

        [Fact]
        public void Tasks_come_depth_first_with_outline_numbers_and_workstreams_as_summary_tasks()
        {
            var tasks = Written().Element(Ns + "Tasks")!.Elements(Ns + "Task").ToList();
            tasks.Select(t => Value(t, "UID") + "/" + Value(t, "ID") + " " + Value(t, "OutlineNumber") + " L" + Value(t, "OutlineLevel") + " " + Value(t, "Name")
                    + (Value(t, "Summary") == "1" ? " [summary]" : string.Empty) + (Value(t, "Milestone") == "1" ? " [milestone]" : string.Empty))
                .Should().Equal(
                    "0/0 0 L0 Web shop [summary]",
                    "1/1 1 L1 Design [summary]",
                    "2/2 1.1 L2 Wireframes",
                    "3/3 1.2 L2 Visual design",
                    "4/4 2 L1 Build [summary]",
                    "5/5 2.1 L2 API",
                    "6/6 2.2 L2 UI",
                    "7/7 3 L1 Launch [milestone]");
            tasks.Select(t => Value(t, "WBS")).Should().Equal(tasks.Select(t => Value(t, "OutlineNumber")));
            tasks.Skip(1).Select(t => t.Elements(Ns + "ExtendedAttribute").Single(a => Value(a, "FieldID") == MspdiFormat.TaskIdFieldId))
                .Select(a => Value(a, "Value")).Should().Equal("design", "wire", "visual", "build", "api", "ui", "launch");
        }

        [Fact]
        public void Task_dates_durations_slack_and_criticality_are_the_schedule_in_working_hours()
        {
            var root = Written();
            string Row(int uid)
            {
                var t = Task(root, uid);
                return Value(t, "Start") + " " + Value(t, "Finish") + " " + Value(t, "Duration") + " slack=" + Value(t, "TotalSlack") + " critical=" + Value(t, "Critical");
            }

            Row(2).Should().Be("2027-03-01T08:00:00 2027-03-05T16:30:00 PT30H0M0S slack=0 critical=1");
            Row(3).Should().Be("2027-03-04T08:00:00 2027-03-08T16:30:00 PT22H30M0S slack=0 critical=1");
            Row(5).Should().Be("2027-03-09T08:00:00 2027-03-12T16:30:00 PT30H0M0S slack=0 critical=1");
            Row(6).Should().Be("2027-03-12T08:00:00 2027-03-15T16:30:00 PT15H0M0S slack=0 critical=1");

            // The milestone falls when build ends less a day: end of Mar 12. One day of slack is 450 minutes = 4500 tenths.
            Row(7).Should().Be("2027-03-12T16:30:00 2027-03-12T16:30:00 PT0H0M0S slack=4500 critical=0");
            Value(Task(root, 1), "Critical").Should().Be("1", "a workstream with a critical task is critical");
            var build = Task(root, 4);
            (Value(build, "Start") + " " + Value(build, "Finish") + " " + Value(build, "Duration")).Should().Be("2027-03-09T08:00:00 2027-03-15T16:30:00 PT37H30M0S");
            var project = Task(root, 0);
            Value(project, "Deadline").Should().Be("2027-04-30T16:30:00");
            Value(project, "Notes").Should().Be("Shop relaunch");
        }

        [Fact]
        public void Links_carry_the_ms_project_type_and_the_lag_in_tenths_of_a_minute()
        {
            var root = Written();
            string Links(int uid) => string.Join("; ", Task(root, uid).Elements(Ns + "PredecessorLink")
                .Select(l => Value(l, "PredecessorUID") + " type " + Value(l, "Type") + " lag " + Value(l, "LinkLag") + " format " + Value(l, "LagFormat")));

            Links(3).Should().Be("2 type 3 lag 4500 format 7", "ss+1d: one day of 450 minutes");
            Links(6).Should().Be("5 type 0 lag 4500 format 7; 3 type 2 lag 9000 format 7", "ff+1d after api, sf+2d after visual");
            Links(4).Should().Be("1 type 1 lag 0 format 7", "the workstream's 'after design' is a link between the summary tasks");
            Links(7).Should().Be("4 type 1 lag -4500 format 7", "a lead of a day after the build summary task");
        }

        [Fact]
        public void Work_constraints_deadlines_cost_notes_and_progress_are_written()
        {
            var root = Written();
            var wire = Task(root, 2);
            (Value(wire, "Type") + " " + Value(wire, "EffortDriven") + " " + Value(wire, "Work")).Should().Be("0 1 PT15H0M0S", "effort: 4 days at 50% is 2 person-days of 7.5 hours");
            (Value(wire, "PercentComplete") + " " + Value(wire, "ActualStart")).Should().Be("50 2027-03-01T08:00:00");
            wire.Element(Ns + "ActualFinish").Should().BeNull();
            var visual = Task(root, 3);
            (Value(visual, "Type") + " " + Value(visual, "EffortDriven") + " " + Value(visual, "Work")).Should().Be("1 0 PT11H15M0S", "a fixed duration of 3 days at 50%");
            (Value(visual, "FixedCost") + " " + Value(visual, "Notes")).Should().Be("1000 Two rounds");
            Value(Task(root, 5), "Priority").Should().Be("800");
            Value(Task(root, 5), "Cost").Should().Be("2520", "4 days x 600/d, and 2 GPUs x 4 days x 7.5 h x 2/h");
            var ui = Task(root, 6);
            (Value(ui, "ConstraintType") + " " + Value(ui, "ConstraintDate") + " " + Value(ui, "Deadline")).Should().Be("4 2027-03-10T08:00:00 2027-03-19T16:30:00");
            Value(Task(root, 7), "ConstraintType").Should().Be("0");
        }

        [Fact]
        public void People_are_work_resources_and_pools_material_resources_with_their_assignments()
        {
            var root = Written();
            root.Element(Ns + "Resources")!.Elements().Select(r => Value(r, "UID") + " " + Value(r, "Name") + " type " + Value(r, "Type") + " max " + Value(r, "MaxUnits")
                    + " rate " + Value(r, "StandardRate") + "/" + Value(r, "StandardRateFormat"))
                .Should().Equal("1 Ana type 1 max 0.5 rate 80/3", "2 Bo type 1 max 1 rate 80/2", "3 GPU pool type 0 max 4 rate 2/2");
            Value(root.Element(Ns + "Resources")!.Elements().ElementAt(1), "EmailAddress").Should().Be("bo@example.com");
            root.Element(Ns + "Assignments")!.Elements().Select(a => Value(a, "TaskUID") + "<-" + Value(a, "ResourceUID") + " units " + Value(a, "Units")
                    + " work " + (a.Element(Ns + "Work")?.Value ?? "-") + " cost " + Value(a, "Cost"))
                .Should().Equal(
                    "2<-1 units 0.5 work PT15H0M0S cost 2400",
                    "3<-2 units 0.5 work PT11H15M0S cost 900",
                    "5<-2 units 1 work PT30H0M0S cost 2400",
                    "5<-3 units 2 work - cost 120");
        }

        [Fact]
        public void Every_element_is_in_the_order_of_the_mspdi_schema()
        {
            var root = Written();
            ShouldFollow(root, ProjectOrder);
            foreach (var d in root.Element(Ns + "ExtendedAttributes")!.Elements()) ShouldFollow(d, DefinitionOrder);
            foreach (var c in root.Element(Ns + "Calendars")!.Elements())
            {
                ShouldFollow(c, CalendarOrder);
                foreach (var day in c.Descendants(Ns + "WeekDay")) ShouldFollow(day, WeekDayOrder);
                foreach (var e in c.Descendants(Ns + "Exception")) ShouldFollow(e, ExceptionOrder);
            }

            foreach (var t in root.Element(Ns + "Tasks")!.Elements())
            {
                ShouldFollow(t, TaskOrder);
                foreach (var l in t.Elements(Ns + "PredecessorLink")) ShouldFollow(l, LinkOrder);
                foreach (var a in t.Elements(Ns + "ExtendedAttribute")) ShouldFollow(a, ValueOrder);
            }

            foreach (var r in root.Element(Ns + "Resources")!.Elements()) ShouldFollow(r, ResourceOrder);
            foreach (var a in root.Element(Ns + "Assignments")!.Elements()) ShouldFollow(a, AssignmentOrder);
        }

        [Fact]
        public void The_document_is_utf8_xml_with_lf_line_ends_and_the_same_bytes_every_time()
        {
            var first = Export(Compile(Plan));
            var second = Export(Compile(Plan));
            second.Should().Be(first);
            first.Should().StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\">\n  <SaveVersion>14</SaveVersion>\n");
            first.Should().NotContain("\r");
            first.Should().EndWith("</Project>\n");
        }

        [Fact]
        public void Characters_xml_cannot_hold_are_replaced_and_markup_in_names_is_escaped()
        {
            var program = Compile("program p { start 2027-01-04  task a \"<b> & \\\"c\\\"\" { duration 1d  note \"bell \u0007 here\" } }");
            var xml = Export(program);
            xml.Should().Contain("<Name>&lt;b&gt; &amp; \"c\"</Name>");
            Value(Task(Root(xml), 1), "Notes").Should().Be("bell \uFFFD here");
        }

        [Fact]
        public void The_artefact_is_project_xml_of_kind_mspdi_after_json_in_the_catalogue()
        {
            var artefact = ArtefactCatalog.All.OfType<MspdiArtefact>().Single();
            artefact.Kind.Should().Be("mspdi");
            artefact.FileNames.Should().Equal("project.xml");
            artefact.Needs.Should().Be(ArtefactNeeds.None);
            ArtefactCatalog.Select("mspdi", out _)!.Should().ContainSingle().Which.Should().BeSameAs(artefact);
            var compiled = Compile(Plan);
            var files = artefact.Emit(new ArtefactContext(compiled.Model!, compiled.Schedule!, compiled.Diagnostics));
            files.Single().FileName.Should().Be("project.xml");
            files.Single().Text.Should().Be(Export(compiled));
        }
    }
}
