using System;
using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// Plans at the ends of the calendar (0001-01-01 and 9999-12-31): every artefact is written, and the dates that
    /// would fall outside the calendar (an exclusive end, the axis' last Sunday, the next month) are never formed.
    /// </summary>
    public class CalendarEdgeTests
    {
        // 9999-12-20 is a Monday and 9999-12-31 a Friday: a runs Dec 20..24, b Dec 27..31 (the calendar's last day),
        // m and the deadline are on Dec 31.
        private const string Last =
            "program edge \"Edge\" {\n" +
            "  start 9999-12-20\n" +
            "  deadline 9999-12-31\n" +
            "  status-date 9999-12-21\n" +
            "  holiday 9999-12-29 \"Eve\"\n" +
            "  person ana \"Ana\" { rate 100/d }\n" +
            "  resource gpu \"GPU\" { capacity 2 }\n" +
            "  task a \"Alpha\" { duration 5d  assign ana  actual-start 9999-12-20  progress 40%  estimate 4d 5d 6d }\n" +
            "  task b \"Beta\" { duration 4d  after a  uses gpu 1  due 9999-12-31 }\n" +
            "  milestone m \"Done\" { after b  due 9999-12-31 }\n" +
            "}\n";

        // 0001-01-01 is a Monday.
        private const string First =
            "program low \"Low\" {\n" +
            "  start 0001-01-01\n" +
            "  deadline 0001-01-05\n" +
            "  person ana \"Ana\" { rate 100/d }\n" +
            "  task a \"Alpha\" { duration 5d  assign ana  actual-start 0001-01-01 }\n" +
            "  milestone m \"Done\" { after a }\n" +
            "}\n";

        private static ArtefactContext Context(string plan)
        {
            var compiled = TpmProgram.Parse(plan, "edge.tpm");
            compiled.Diagnostics.Where(d => d.Severity == ProgramDsl.Diagnostics.DiagnosticSeverity.Error).Should().BeEmpty();
            compiled.Schedule.Should().NotBeNull();
            return ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 50);
        }

        [Theory]
        [InlineData(Last)]
        [InlineData(First)]
        public void Every_artefact_is_written_at_the_ends_of_the_calendar(string plan)
        {
            var context = Context(plan);
            foreach (var emitter in ArtefactCatalog.All)
            {
                var files = emitter.Emit(context);
                files.Select(f => f.FileName).Should().Equal(emitter.FileNames, emitter.Kind);
                files.Should().OnlyContain(f => f.Text.Length > 0 && !f.Text.Contains('\uFFFD'), emitter.Kind);
            }
        }

        [Fact]
        public void The_chart_axis_ends_on_the_last_day_of_the_calendar_instead_of_the_next_sunday()
        {
            var context = Context(Last);
            var axis = Timeline.For(context.Program, context.Schedule);
            axis.Last.Should().Be(CalendarDate.MaxValue);
            axis.First.Should().Be(CalendarDate.FromYmd(9999, 12, 20));
            axis.Weeks.Should().Be(2, "the second week is cut at Friday 9999-12-31, not dropped");

            var html = GanttHtml.Render(context);
            html.Should().Contain(">December 9999</text>");
        }

        [Fact]
        public void A_chart_long_enough_for_a_year_axis_labels_the_year_9999_up_to_the_end_of_the_chart()
        {
            // About three years of work: the axis shows years over months, and 9999 has no next year to end at.
            var context = Context("program long \"Long\" {\n  start 9997-01-07\n  task a \"A\" { duration 700d }\n}\n");
            var axis = Timeline.For(context.Program, context.Schedule);
            axis.ShowsWeeks.Should().BeFalse();
            var html = GanttHtml.Render(context);
            html.Should().Contain(" class=\"t1\">9999</text>").And.Contain(" class=\"t1\">9998</text>");
        }

        [Fact]
        public void An_event_ending_on_9999_12_31_has_a_duration_instead_of_an_exclusive_end()
        {
            var context = Context(Last);
            var ics = IcsCalendar.Write(context.Program, context.Schedule, "1.0");
            var calendar = Ical.Net.Calendar.Load(ics)!;
            var beta = calendar.Events.Single(e => e.Summary == "Beta");
            beta.DtEnd.Should().BeNull();
            beta.Duration.Should().NotBeNull();
            beta.Duration!.Value.Days.Should().Be(5, "Dec 27..31 are five calendar days");
            ics.Should().Contain("DTSTART;VALUE=DATE:99991227\r\nDURATION:P5D\r\n");
            calendar.Events.Single(e => e.Summary == "Alpha").DtEnd!.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).Should().Be("9999-12-25");
            calendar.Events.Single(e => e.Summary!.StartsWith("Deadline", StringComparison.Ordinal)).Duration!.Value.Days.Should().Be(1);
        }

        [Fact]
        public void A_mermaid_task_ending_on_9999_12_31_is_given_its_length_in_working_days()
        {
            var context = Context(Last);
            var text = MermaidGantt.Write(context.Program, context.Schedule, "1.0");

            // b: Dec 27, 28, (29 is a holiday, excluded by the chart), 30, 31: four working days.
            text.Should().Contain("    Beta :crit, b, 9999-12-27, 4d\n");
            text.Should().Contain("milestone, m, 9999-12-31, 1d\n");
            text.Should().Contain(":vert, deadline, 9999-12-31, 0d\n");
            text.Should().Contain("    Alpha :crit, active, a, 9999-12-20, 9999-12-25\n");
        }

        [NodeFact]
        public void Mermaid_reads_the_diagram_at_the_end_of_the_calendar_with_the_scheduled_dates()
        {
            var context = Context(Last);
            var diagram = MermaidParser.Parse(MermaidGantt.Write(context.Program, context.Schedule, "1.0"));

            diagram.Tasks.Where(t => !t.Vert).Select(t => t.Id + " " + t.Start).Should().Equal("a 9999-12-20", "b 9999-12-27", "m 9999-12-31");
            diagram.Tasks.Single(t => t.Id == "a").End.Should().Be("9999-12-25");
            // Four days not excluded from Dec 27 (the 29th is): Dec 27, 28, 30, 31. Mermaid then moves an end that falls on
            // an excluded day (the weekend of 10000-01-01) past it, so it reads 10000-01-03; the bar covers b's days.
            diagram.Tasks.Single(t => t.Id == "b").End.Should().Be("10000-01-03");
        }

        [Fact]
        public void A_day_ending_at_midnight_ends_at_23_59_on_the_last_day_of_the_calendar_and_imports_back()
        {
            // 20 hours a day: the working day runs to midnight, written as 00:00 of the next day, which 9999-12-31 lacks.
            var context = Context(Last.Replace("  start 9999-12-20\n", "  start 9999-12-20\n  hours-per-day 20\n"));
            var xml = ProgramDsl.Reports.Mspdi.MspdiWriter.Write(context.Program, context.Schedule);

            xml.Should().Contain("<Finish>9999-12-31T23:59:00</Finish>").And.Contain("<Finish>9999-12-25T00:00:00</Finish>");
            var read = ProgramDsl.Reports.Mspdi.MspdiReader.Read(xml);
            read.Problems.Should().BeEmpty();
            var back = ProgramDsl.Reports.Mspdi.MspdiImporter.Import(read.Project!, "edge.xml");
            back.Problem.Should().BeNull();
            var compiled = TpmProgram.Parse(back.Text!, "edge.tpm");
            compiled.Schedule!.FinishDate.Should().Be(CalendarDate.MaxValue);
        }
    }
}
