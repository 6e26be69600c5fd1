using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Ical.Net.CalendarComponents;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>calendar.ics, read back with Ical.Net: one all-day event per task and milestone, plus the deadline.</summary>
    public class IcsCalendarTests
    {
        private static string Write(string plan)
        {
            var program = ArtefactPlans.Compile(plan);
            return IcsCalendar.Write(program.Model!, program.Schedule!, "1.2.3");
        }

        private static Ical.Net.Calendar Read(string ics) =>
            Ical.Net.Calendar.Load(ics) ?? throw new InvalidOperationException("Ical.Net read no calendar");

        private static CalendarEvent Event(Ical.Net.Calendar calendar, string uid) => calendar.Events.Single(e => e.Uid == uid);

        private static string Day(Ical.Net.DataTypes.CalDateTime? value)
        {
            value.Should().NotBeNull();
            value!.HasTime.Should().BeFalse("every event is an all-day event (VALUE=DATE)");
            return value.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        }

        [Fact]
        public void Every_task_milestone_and_the_deadline_is_an_all_day_event_with_the_hand_computed_dates()
        {
            // TestPlans.Demo: collect Mar 1..4, clean Mar 8..11, docs Mar 5..8, ready on Mar 11, deadline Mar 31.
            // DTEND is exclusive: the day after the last day, even when that is a weekend.
            var calendar = Read(Write(TestPlans.Demo));

            calendar.Events.Select(e => string.Join(" | ", e.Uid, Day(e.DtStart), Day(e.DtEnd), e.Summary, string.Join(",", e.Categories)))
                .Should().Equal(
                    "data.collect@demo.tpm | 2027-03-01 | 2027-03-05 | Collect | task,critical",
                    "data.clean@demo.tpm | 2027-03-08 | 2027-03-12 | Clean | task,critical",
                    "docs@demo.tpm | 2027-03-05 | 2027-03-09 | Docs | task",
                    "ready@demo.tpm | 2027-03-11 | 2027-03-12 | ◆ Ready | milestone,critical",
                    "program:deadline@demo.tpm | 2027-03-31 | 2027-04-01 | Deadline: Demo plan | deadline");
        }

        [Fact]
        public void Descriptions_give_the_workstream_assignees_float_and_criticality()
        {
            var calendar = Read(Write(TestPlans.Demo));

            Event(calendar, "data.clean@demo.tpm").Description.Should().Be(
                "Task data.clean of Demo plan\nWorkstream: Data (data)\nAssigned: bo 50%\nWorking days: 4\nTotal float: 0 working days\n" +
                "Critical: yes\nCost: 800 EUR");
            Event(calendar, "docs@demo.tpm").Description.Should().Be(
                "Task docs of Demo plan\nWorkstream: none\nAssigned: nobody\nWorking days: 2\nTotal float: 3 working days\nCritical: no\nDue: 2027-03-05");
            Event(calendar, "ready@demo.tpm").Description.Should().Be(
                "Milestone ready of Demo plan\nWorkstream: none\nTotal float: 0 working days\nCritical: yes");
            // Finish Mar 11 (index 8), deadline Mar 31 (index 22): 14 working days to spare.
            Event(calendar, "program:deadline@demo.tpm").Description.Should().Be("Planned finish 2027-03-11 (14 working days before the deadline)");
        }

        [Fact]
        public void The_calendar_names_the_program_and_publishes_events_that_do_not_block_time()
        {
            var ics = Write(TestPlans.Demo);
            var calendar = Read(ics);

            calendar.Version.Should().Be("2.0");
            calendar.ProductId.Should().Be("-//ProgramDsl//tpm 1.2.3//EN");
            calendar.Method.Should().Be("PUBLISH");
            calendar.Properties["X-WR-CALNAME"]?.Value.Should().Be("Demo plan");
            calendar.Events.Select(e => e.Transparency).Should().AllBe("TRANSPARENT");
        }

        [Fact]
        public void Dtstamp_is_the_program_start_without_a_status_date_and_the_status_date_with_one()
        {
            var demo = Read(Write(TestPlans.Demo));
            demo.Events.Select(e => e.DtStamp!.AsUtc).Should().AllBeEquivalentTo(new DateTime(2027, 3, 1, 0, 0, 0, DateTimeKind.Utc));

            var tracked = Write(ArtefactPlans.Tracked);
            Read(tracked).Events.Select(e => e.DtStamp!.AsUtc).Should().AllBeEquivalentTo(new DateTime(2027, 3, 3, 0, 0, 0, DateTimeKind.Utc));
            Lines(tracked).Where(l => l.StartsWith("DTSTAMP", StringComparison.Ordinal)).Distinct().Should().Equal("DTSTAMP:20270303T000000Z");
        }

        [Fact]
        public void Names_with_separators_line_breaks_and_long_utf8_text_read_back_unchanged()
        {
            var calendar = Read(Write(ArtefactPlans.Tracked));

            Event(calendar, "kickoff@cal.tpm").Summary.Should().Be(ArtefactPlans.KickoffName);
            Event(calendar, "docs@cal.tpm").Summary.Should().Be(ArtefactPlans.DocsName);
            calendar.Properties["X-WR-CALNAME"]?.Value.Should().Be("Launch: Q1 #plan; 100%");
            Event(calendar, "program:deadline@cal.tpm").Summary.Should().Be("Deadline: Launch: Q1 #plan; 100%");
        }

        [Fact]
        public void The_tracked_plan_has_the_hand_computed_events_progress_and_nested_workstreams()
        {
            var calendar = Read(Write(ArtefactPlans.Tracked));

            calendar.Events.Select(e => string.Join(" | ", e.Uid, Day(e.DtStart), Day(e.DtEnd), string.Join(",", e.Categories)))
                .Should().Equal(
                    "kickoff@cal.tpm | 2027-03-01 | 2027-03-03 | task",
                    "build.api.design@cal.tpm | 2027-03-03 | 2027-03-06 | task,critical",
                    "build.api.code@cal.tpm | 2027-03-08 | 2027-03-10 | task,critical",
                    "build.test@cal.tpm | 2027-03-12 | 2027-03-16 | task,critical",
                    "docs@cal.tpm | 2027-03-04 | 2027-03-05 | task",
                    "done@cal.tpm | 2027-03-15 | 2027-03-16 | milestone,critical",
                    "program:deadline@cal.tpm | 2027-03-31 | 2027-04-01 | deadline");
            Event(calendar, "build.api.design@cal.tpm").Description.Should().Contain("Workstream: Build / API (build.api)\n").And.Contain("\nProgress: 50%\n");
            Event(calendar, "build.test@cal.tpm").Description.Should().Contain("\nAssigned: ana 50%\n").And.Contain("\nDue: 2027-03-12\n");
        }

        [Fact]
        public void The_text_follows_rfc_5545_crlf_line_ends_and_lines_folded_at_75_octets()
        {
            var ics = Write(ArtefactPlans.Tracked);

            ics.Should().StartWith("BEGIN:VCALENDAR\r\n").And.EndWith("END:VCALENDAR\r\n");
            ics.Replace("\r\n", string.Empty).Should().NotContain("\n", "every line ends with CRLF, never a bare LF").And.NotContain("\r");
            var lines = Lines(ics);
            lines.Select(l => Encoding.UTF8.GetByteCount(l)).Max().Should().BeLessThanOrEqualTo(75);
            lines.Should().Contain(l => l.StartsWith(" ", StringComparison.Ordinal), "the long names are folded onto continuation lines");
            lines.Should().Contain("DTSTART;VALUE=DATE:20270303").And.Contain("DTEND;VALUE=DATE:20270306");
        }

        [Fact]
        public void The_same_plan_gives_the_same_bytes_and_uids_do_not_move_when_tasks_are_added()
        {
            Write(ArtefactPlans.Tracked).Should().Be(Write(ArtefactPlans.Tracked));

            var before = Read(Write(TestPlans.Demo)).Events.Select(e => e.Uid).ToList();
            var grown = TestPlans.Demo.Replace("  workstream data", "  task intro \"Intro\" { duration 1d }\n  workstream data");
            var after = Read(Write(grown)).Events.Select(e => e.Uid).ToList();

            after.Should().Equal(new[] { "intro@demo.tpm" }.Concat(before));
        }

        [Fact]
        public void A_program_without_a_deadline_has_no_deadline_event()
        {
            var plan = TestPlans.Demo.Replace("  deadline 2027-03-31\n", string.Empty);

            Read(Write(plan)).Events.Select(e => e.Uid).Should().NotContain(u => u.Contains("deadline")).And.HaveCount(4);
        }

        [Fact]
        public void The_emitter_writes_calendar_ics_from_the_context()
        {
            var program = ArtefactPlans.Compile(TestPlans.Demo);
            var emitter = ArtefactCatalog.All.Single(e => e.Kind == "ics");

            var files = emitter.Emit(ArtefactContext.Create(program, new[] { emitter }, toolVersion: "1.2.3"));

            files.Select(f => f.FileName).Should().Equal("calendar.ics");
            emitter.FileNames.Should().Equal("calendar.ics");
            files[0].Text.Should().Be(Write(TestPlans.Demo));
        }

        private static List<string> Lines(string ics) => ics.Split("\r\n").Where(l => l.Length > 0).ToList();
    }
}
