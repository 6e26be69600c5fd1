using System;
using System.Linq;
using ProgramDsl.Building;

namespace ProgramDsl.Tests.Building
{
    /// <summary>The builder's calendars, status date, notes, hourly rates and tracking of milestones (used by tpm import).</summary>
    public class BuilderCalendarTests
    {
        private static ProgramBuilder CalendarPlan() =>
            Plan.Program("cal", "Calendars")
                .Start("2027-03-07")
                .StatusDate("2027-03-10")
                .Workdays(DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday)
                .Holiday("2027-03-21", "2027-03-22", "Break")
                .Holiday("2027-03-25", "2027-03-25", null)
                .Note("Two offices")
                .Calendar("short", "Short week", c => c.Workdays(DayOfWeek.Wednesday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Monday).Holiday("2027-03-15", "2027-03-15", "Local"))
                .Person("ana", "Ana", p => p.HourlyRate(90m).Calendar("short").Vacation("2027-03-29", "2027-03-30", "Trip").Email("ana@example.com").Note("Lead"))
                .Resource("rig", "Rig", 2, r => r.Rate(1.5m).Note("Shared"))
                .Workstream("w", "Work", w => w
                    .Note("All of it")
                    .Task("t", "Task", t => t.Effort(3).Assign("ana").Progress(50).ActualStart("2027-03-08").ActualCost(120m)))
                .Milestone("m", "Reached", m => m.After("w").NotBefore("2027-03-09").ActualFinish("2027-03-10").Note("Signed"));

        [Fact]
        public void Calendars_status_date_notes_and_tracking_render_as_the_language_spells_them()
        {
            CalendarPlan().ToText().Should().Be(
                "program cal \"Calendars\" {\n" +
                "  start 2027-03-07\n" +
                "  status-date 2027-03-10\n" +
                "  workdays mon..thu, sun\n" +
                "  holiday 2027-03-21..2027-03-22 \"Break\"\n" +
                "  holiday 2027-03-25\n" +
                "  note \"Two offices\"\n" +
                "\n" +
                "  calendar short \"Short week\" {\n" +
                "    workdays mon..wed\n" +
                "    holiday 2027-03-15 \"Local\"\n" +
                "  }\n" +
                "\n" +
                "  person ana \"Ana\" {\n" +
                "    rate 90/h\n" +
                "    calendar short\n" +
                "    vacation 2027-03-29..2027-03-30 \"Trip\"\n" +
                "    email \"ana@example.com\"\n" +
                "    note \"Lead\"\n" +
                "  }\n" +
                "\n" +
                "  resource rig \"Rig\" {\n" +
                "    capacity 2\n" +
                "    rate 1.5/h\n" +
                "    note \"Shared\"\n" +
                "  }\n" +
                "\n" +
                "  workstream w \"Work\" {\n" +
                "    note \"All of it\"\n" +
                "\n" +
                "    task t \"Task\" {\n" +
                "      effort 3d\n" +
                "      assign ana\n" +
                "      progress 50%\n" +
                "      actual-start 2027-03-08\n" +
                "      actual-cost 120\n" +
                "    }\n" +
                "  }\n" +
                "\n" +
                "  milestone m \"Reached\" {\n" +
                "    after w\n" +
                "    not-before 2027-03-09\n" +
                "    actual-finish 2027-03-10\n" +
                "    note \"Signed\"\n" +
                "  }\n" +
                "}\n");
        }

        [Fact]
        public void The_plan_binds_to_the_calendars_and_schedules_on_them()
        {
            var program = CalendarPlan().Build();
            program.Diagnostics.Should().BeEmpty();
            var model = program.Model!;
            model.Calendar.Workdays.Days.Should().Equal(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Sunday);
            model.Calendar.Holidays.Select(h => h.Range + " " + h.Name).Should().Equal("2027-03-21..2027-03-22 Break", "2027-03-25 ");
            model.StatusDate.ToString().Should().Be("2027-03-10");
            model.Note.Should().Be("Two offices");
            var ana = model.People.Single();
            ana.Calendar!.Id.Should().Be("short");
            ana.Rate!.Value.PerDay(8m).Should().Be(720m);
            ana.Email.Should().Be("ana@example.com");
            model.Tasks.Single(t => t.Id == "w.t").ActualCost.Should().Be(120m);
            model.Tasks.Single(t => t.Id == "m").ActualFinish.ToString().Should().Be("2027-03-10");

            // Ana works Mon..Wed (her calendar within Sun..Thu), not on Mar 15: effort 3d from Mon Mar 8, 50% done at the
            // status date Wed Mar 10 -> 2 days left (ceil 1.5) from Thu Mar 11: Mon Mar 15 is off, so Tue Mar 16 and Wed Mar 17.
            program.Schedule!.Find("w.t")!.FinishDate.ToString().Should().Be("2027-03-17");
            program.Schedule.Find("m")!.FinishDate.ToString().Should().Be("2027-03-10", "a reached milestone stays where it was reached");
        }

        [Theory]
        [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday }, "mon, wed, fri")]
        [InlineData(new[] { DayOfWeek.Saturday, DayOfWeek.Sunday }, "sat, sun")]
        [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Saturday, DayOfWeek.Friday, DayOfWeek.Thursday, DayOfWeek.Wednesday, DayOfWeek.Tuesday, DayOfWeek.Monday }, "mon..sun")]
        [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday }, "mon, tue, thu..sat")]
        public void Workdays_are_written_monday_first_with_runs_of_three_or_more_as_ranges(DayOfWeek[] days, string text)
        {
            Plan.Program("p").Start("2027-01-04").Workdays(days).ToText().Should().Be("program p {\n  start 2027-01-04\n  workdays " + text + "\n}\n");
            Plan.Program("p").Start("2027-01-04").Workdays(days).Build().Model!.Calendar.Workdays.Days.Should().BeEquivalentTo(days.Distinct());
        }
    }
}
