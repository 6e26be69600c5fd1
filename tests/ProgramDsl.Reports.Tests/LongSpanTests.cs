using System;
using System.Globalization;
using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// Plans whose dates cover the whole calendar (0001-01-01 to 9999-12-31) in a few lines: every artefact's size must
    /// follow the plan's text, not the span of its dates (the Gantt page once had a load cell per person per week and
    /// the Mermaid diagram a date per holiday: 79 MB and 31 MB for a 9-line plan).
    /// </summary>
    public class LongSpanTests
    {
        // Everything from 0001-01-01 to 9999-11-30 is a holiday: the work happens in 9999-12.
        internal const string HolidaySpan =
            "program span \"Span\" {\n" +
            "  start 0001-01-01\n" +
            "  deadline 9999-12-31\n" +
            "  status-date 5000-06-01\n" +
            "  leveling off\n" + // a vacation near 9999-12-31 makes the leveler report TPM2005 (its own issue)
            "  holiday 0001-01-01..9999-11-30 \"Long break\"\n" +
            "  person p1 \"P One\" { vacation 0001-01-01..9999-12-03 }\n" +
            "  person p2 \"P Two\"\n" +
            "  person p3 \"P Three\" { capacity 50% }\n" +
            "  person p4 \"P Four\"\n" +
            "  resource gpu \"GPU\" { capacity 2 }\n" +
            "  task a \"A\" { effort 5d  assign p1  uses gpu 1 }\n" +
            "  task b \"B\" { effort 3d  assign p2, p3  after a }\n" +
            "  task c \"C\" { effort 2d  assign p4  uses gpu 2 }\n" +
            "  milestone m \"M\" { after b, c }\n" +
            "}\n";

        // Work at both ends of the calendar and nothing off in between: 2.6 million working days.
        internal const string BothEnds =
            "program ends \"Ends\" {\n" +
            "  start 0001-01-01\n" +
            "  person p1 \"P One\"\n" +
            "  person p2 \"P Two\"\n" +
            "  person p3 \"P Three\"\n" +
            "  task c \"C\" { effort 2d  assign p1, p2 }\n" +
            "  task a \"A\" { effort 5d  assign p1  not-before 9999-12-01 }\n" +
            "  task b \"B\" { effort 3d  assign p2, p3  after a  due 9999-12-31 }\n" +
            "}\n";

        private static ArtefactContext Context(string plan)
        {
            var compiled = TestPlans.Compile(plan, "span.tpm");
            compiled.Diagnostics.Where(d => d.Severity == ProgramDsl.Diagnostics.DiagnosticSeverity.Error).Should().BeEmpty();
            compiled.Schedule.Should().NotBeNull();
            return ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 50);
        }

        [Theory]
        [InlineData(HolidaySpan)]
        [InlineData(BothEnds)]
        public void Every_artefact_of_a_plan_spanning_the_calendar_stays_small(string plan)
        {
            var context = Context(plan);
            foreach (var emitter in ArtefactCatalog.All)
            {
                foreach (var file in emitter.Emit(context))
                {
                    file.Text.Length.Should().BeGreaterThan(0, file.FileName);
                    file.Text.Length.Should().BeLessThan(200_000, file.FileName + " must follow the plan's size, not its dates' span");
                }
            }
        }

        [Fact]
        public void The_axis_of_a_calendar_long_plan_counts_centuries_in_at_most_the_column_and_pixel_bounds()
        {
            var context = Context(BothEnds);
            var axis = Timeline.For(context.Program, context.Schedule);

            axis.Bucket.Should().Be(TimeBucket.Century, "decades would give 1,000 columns");
            axis.BucketStarts().Count.Should().Be(100, "0001..0099 (cut to the axis's start), then 0100, 0200, …, 9900");
            axis.BucketStarts()[1].Should().Be(CalendarDate.FromYmd(100, 1, 1));
            axis.Width.Should().BeLessThanOrEqualTo(Timeline.MaxWidth);
            axis.EndX(axis.Last).Should().Be(axis.Width);

            var html = GanttHtml.Render(context);
            html.Should().Contain("<h2>Resource load by century</h2>");
            var dom = Html.GanttTestKit.Parse(html);
            foreach (var row in dom.QuerySelectorAll("svg.load g[data-id]"))
            {
                row.QuerySelectorAll("rect").Length.Should().BeLessThanOrEqualTo(Timeline.MaxColumns);
            }

            // c (0001-01) and a, b (9999-12) book their people in the first and the last century.
            var p2 = dom.QuerySelector("svg.load g[data-id=\"p2\"]")!.QuerySelectorAll("rect title").Select(t => t.TextContent.Split('\n')[0]).ToList();
            p2.Should().Equal("P Two \u00B7 0s", "P Two \u00B7 9900s");
        }

        [Fact]
        public void A_task_as_long_as_the_calendar_fills_every_century_of_its_people_at_100_percent()
        {
            // 2.6 million working days for three people: the load is swept day by day without a table per day.
            var context = Context(
                "program lt \"LT\" {\n  start 0001-01-01\n  person p1 \"P1\"\n  person p2 \"P2\"\n  person p3 \"P3\"\n" +
                "  task a \"A\" { duration 2600000d  assign p1, p2, p3 }\n}\n");
            var html = GanttHtml.Render(context);
            html.Length.Should().BeLessThan(200_000);

            var dom = Html.GanttTestKit.Parse(html);
            var cells = dom.QuerySelectorAll("svg.load g[data-id=\"p2\"] rect").ToList();
            cells.Should().HaveCount(Timeline.For(context.Program, context.Schedule).BucketStarts().Count);
            cells.Take(cells.Count - 1).Should().OnlyContain(c => c.ClassList.Contains("l3") && !c.ClassList.Contains("over"), "every working day is fully booked");
            cells[0].QuerySelector("title")!.TextContent.Should().StartWith("P2 \u00B7 0s\n100% of ");
        }

        [Theory]
        [InlineData(4200, "Week", 1)]
        [InlineData(4207, "Month", 2)]
        public void Weeks_are_kept_up_to_600_columns_then_months_at_two_days_a_pixel(int axisDays, string bucket, int daysPerPixel)
        {
            // The axis is the Monday before the start to two weeks after the finish, to a Sunday: a task of
            // axisDays - 14 calendar days from a Monday gives axisDays days of axis.
            int days = axisDays - 14;
            var plan = "program w \"W\" {\n  start 2027-01-04\n  workdays mon..sun\n  task a \"A\" { duration " + days.ToString(CultureInfo.InvariantCulture) + "d }\n}\n";
            var context = Context(plan);
            var axis = Timeline.For(context.Program, context.Schedule);

            axis.Days.Should().Be(axisDays);
            axis.Bucket.ToString().Should().Be(bucket);
            axis.DaysPerPixel.Should().Be(daysPerPixel);
            axis.BucketStarts().Count.Should().BeLessThanOrEqualTo(Timeline.MaxColumns);
        }

        [Fact]
        public void A_weekday_holiday_span_over_1000_days_is_left_out_of_the_mermaid_excludes()
        {
            // 2027-01-04 is a Monday: 200 whole weeks hold exactly 1,000 weekdays, listed; one more weekday is not.
            var first = CalendarDate.FromYmd(2027, 1, 4);
            string Plan(int days) =>
                "program h \"H\" {\n  start 2027-01-04\n  holiday 2027-01-04.." + first.AddDays(days - 1) + "\n" +
                "  person p \"P\"\n  task a \"A\" { effort 5d  assign p }\n}\n";

            var listed = Context(Plan(1400));
            var text = MermaidGantt.Write(listed.Program, listed.Schedule, "1.0");
            var excludes = text.Split('\n').Single(l => l.StartsWith("    excludes ", StringComparison.Ordinal));
            excludes.Split(", ").Should().HaveCount(1 + MermaidGantt.MaxExcludedHolidays);

            var over = Context(Plan(1401));
            text = MermaidGantt.Write(over.Program, over.Schedule, "1.0");
            text.Should().Contain("    excludes weekends\n");
            var a = over.Schedule.Tasks.Single();
            a.StartDate.Should().Be(first.AddDays(1401), "the holidays still hold in the schedule");
            text.Should().Contain("    A :crit, a, " + a.StartDate + ", " + a.FinishDate.AddDays(1) + "\n", "explicit dates need no excludes");
        }

        [Fact]
        public void A_mermaid_task_ending_on_9999_12_31_without_listed_holidays_counts_the_weekdays_the_chart_keeps()
        {
            // 9999-12-27 is a Monday. The holidays (more than 1,000 weekdays) are not listed, so Mermaid counts every
            // weekday: the task's 9999-12-28..31 is four of them, though the 29th is a holiday (three working days).
            var context = Context(
                "program z \"Z\" {\n  start 9990-01-01\n  holiday 9990-01-01..9999-12-27\n  holiday 9999-12-29\n  task a \"A\" { duration 3d }\n}\n");
            var text = MermaidGantt.Write(context.Program, context.Schedule, "1.0");

            text.Should().Contain("    excludes weekends\n");
            text.Should().Contain("    A :crit, a, 9999-12-28, 4d\n");
        }

        [NodeFact]
        public void Mermaid_reads_the_calendar_long_plan_with_the_scheduled_dates_without_its_holidays_listed()
        {
            // (Only the plan at the calendar's end: mermaid itself misreads dates in the years 1..99.)
            {
                var context = Context(HolidaySpan);
                var diagram = MermaidParser.Parse(MermaidGantt.Write(context.Program, context.Schedule, "1.0"));
                diagram.Excludes.Should().Equal("weekends");
                var read = diagram.Tasks.Where(t => !t.Vert).ToList();
                read.Select(t => t.Id).Should().Equal(context.Schedule.Tasks.Select(t => t.Task.Id));
                foreach (var (task, scheduled) in read.Zip(context.Schedule.Tasks))
                {
                    var last = scheduled.FinishDate < scheduled.StartDate ? scheduled.StartDate : scheduled.FinishDate;
                    (task.Start + ".." + task.End).Should().Be(scheduled.StartDate + ".." + last.AddDays(1), scheduled.Id);
                }
            }
        }
    }
}
