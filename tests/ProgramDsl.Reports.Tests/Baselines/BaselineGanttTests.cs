using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Html;
using ProgramDsl.Semantics;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>
    /// The Gantt chart's baseline bars, read from the page tpm writes (the browser's view is in
    /// <see cref="BaselineGanttChromiumTests"/>). The plan spans 3 weeks, so the axis has 12 pixels a day from Monday
    /// 2027-03-01 (x = 12 × days since then; a day ends 12 pixels after it starts).
    /// </summary>
    public class BaselineGanttTests
    {
        [Fact]
        public void Each_task_still_in_the_baseline_gets_a_grey_bar_at_its_baseline_dates_under_its_bar()
        {
            var dom = Parse(GanttHtml.Render(BaselinePlans.Context()));
            var bars = dom.QuerySelectorAll("svg.chart rect.bl").ToDictionary(RowId);
            bars.Keys.Should().Equal("design", "build", "docs");

            // (x, width): design Mar 1..Mar 3 → 0..36; build Mar 4..Mar 9 → 36..108; docs Mar 4..Mar 5 → 36..60.
            (string?, string?) Geometry(string id) => (bars[id].GetAttribute("x"), bars[id].GetAttribute("width"));
            Geometry("design").Should().Be(("0", "36"));
            Geometry("build").Should().Be(("36", "72"));
            Geometry("docs").Should().Be(("36", "24"));
            foreach (var bar in bars.Values)
            {
                // Under the current bar (y 5 to 17), and drawn before it so the current bar is on top.
                bar.GetAttribute("y").Should().Be("17");
                bar.GetAttribute("height").Should().Be("4");
                bar.ParentElement!.FirstElementChild.Should().BeSameAs(bar);
                bar.ClassList.Should().NotContain("bar", "a baseline bar is not one of the chart's task bars");
            }

            // The current bars are where they were: build Mar 8..Mar 11 → 84..132.
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bar")!.GetAttribute("x").Should().Be("84");
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bar")!.GetAttribute("width").Should().Be("48");
            Bars(dom).Should().HaveCount(5);
        }

        [Fact]
        public void A_milestone_gets_a_grey_diamond_at_the_end_of_its_baseline_day_and_an_added_task_none()
        {
            var dom = Parse(GanttHtml.Render(BaselinePlans.Context()));
            var diamond = dom.QuerySelectorAll("svg.chart path.bl.ms").Single();
            RowId(diamond).Should().Be("beta");

            // Baseline 2027-03-09 ends at 12 × 9 = 108; the current diamond (2027-03-11) is centred at 132.
            diamond.GetAttribute("d").Should().Be("M108 13l4 4l-4 4l-4-4z");
            dom.QuerySelector("svg.chart g[data-id='beta']")!.GetAttribute("data-x").Should().Be("126 138");
            dom.QuerySelectorAll("svg.chart g[data-id='review'] .bl").Should().BeEmpty();
        }

        [Fact]
        public void Tooltips_give_the_baseline_dates_and_the_slip()
        {
            var dom = Parse(GanttHtml.Render(BaselinePlans.Context()));
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bl > title")!.TextContent.Should().Be(
                "Build\nBaseline 'q1': 2027-03-04 → 2027-03-09 · 4 working days\nNow: 2027-03-08 → 2027-03-11\n" +
                "Finish: 2 working days later; start: 2 working days later");
            dom.QuerySelector("svg.chart g[data-id='design'] rect.bl > title")!.TextContent.Should().EndWith("\nFinish: 2 working days later", "design starts on its baseline day");
            dom.QuerySelector("svg.chart g[data-id='beta'] path.bl > title")!.TextContent.Should().Be(
                "Beta\nBaseline 'q1': 2027-03-09\nNow: 2027-03-11\nFinish: 2 working days later");
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bar > title")!.TextContent.Should().EndWith(
                "\nBaseline: 2027-03-04 → 2027-03-09 · 4 working days (finish 2 working days later)");
            dom.QuerySelector("svg.chart g[data-id='review'] rect.bar > title")!.TextContent.Should().EndWith("\nNew since the baseline");
        }

        [Fact]
        public void The_header_says_how_far_the_finish_moved_and_the_legend_has_a_baseline_key()
        {
            var dom = Parse(GanttHtml.Render(BaselinePlans.Context()));
            dom.QuerySelectorAll("ul.facts > li").Select(li => li.TextContent).Should().Contain(
                "Baseline 'q1' (plans/demo.baseline.q1.json): finish 2027-03-09, now 4 working days later; since then 1 added, 2 removed");
            dom.QuerySelector("ul.facts .bad")!.TextContent.Should().Be("now 4 working days later");
            dom.QuerySelectorAll("ul.legend > li").Select(li => li.TextContent).Should().Contain("Baseline");
        }

        [Fact]
        public void Baseline_dates_before_the_plan_widen_the_axis_to_hold_their_bars()
        {
            // The baseline started four weeks earlier (Monday 2027-02-01): design Feb 1..Feb 3, build Feb 4..Feb 9.
            var frozen = BaselineSnapshot.Capture(BaselinePlans.Compile(BaselinePlans.Frozen.Replace("start 2027-03-01", "start 2027-02-01")).Schedule!, "q0");
            var current = BaselinePlans.Compile(BaselinePlans.Current);
            var comparison = BaselineComparison.Compare(current.Schedule!, frozen, "q0.json");
            Timeline.For(current.Model!, current.Schedule!).First.Should().Be(CalendarDate.FromYmd(2027, 3, 1));
            var axis = Timeline.For(current.Model!, current.Schedule!, comparison);
            axis.First.Should().Be(CalendarDate.FromYmd(2027, 2, 1));

            // The end stays two weeks past the deadline (Mar 31 → Apr 14), to its Sunday: Feb 1 to Apr 18 is 77 days, 12 pixels each.
            axis.Last.Should().Be(CalendarDate.FromYmd(2027, 4, 18));
            axis.PixelsPerDay.Should().Be(12);
            var dom = Parse(GanttHtml.Render(new Artefacts.ArtefactContext(current.Model!, current.Schedule!, current.Diagnostics, baseline: comparison)));
            dom.QuerySelector("svg.chart g[data-id='design'] rect.bl")!.GetAttribute("x").Should().Be("0");
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bl")!.GetAttribute("x").Should().Be("36");
            dom.QuerySelector("svg.chart g[data-id='build'] rect.bar")!.GetAttribute("x").Should().Be((12 * (28 + 7)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Without_a_baseline_the_page_has_no_baseline_styles_bars_or_text()
        {
            var context = BaselinePlans.Context();
            var without = GanttHtml.Render(context.WithBaseline(null));
            without.Should().NotContain("class=\"bl").And.NotContain("Baseline").And.NotContain(".bl {");
            without.Should().Be(GanttHtml.Render(context.Program, context.Schedule, "9.9.9"));
            GanttHtml.Render(context).Should().Contain(".bl {");
        }
    }
}
