using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>The status report measured against a frozen baseline (figures in <see cref="BaselinePlans"/>).</summary>
    public class BaselineReportTests
    {
        [Fact]
        public void The_markdown_milestone_table_shows_the_baseline_date_the_planned_date_and_the_slip()
        {
            var md = StatusReport.Markdown(BaselinePlans.Context());
            md.Should().Contain(
                "| Milestone | Name | Owner | Due | Baseline | Planned | Slip | vs due | Outlook |\n" +
                "| --- | --- | --- | --- | --- | --- | ---: | ---: | --- |\n" +
                "| `beta` | Beta | — | 2027-03-12 | 2027-03-09 | 2027-03-11 | +2d | 1d spare | 🟢 **on track** |\n");
            md.Should().Contain("Baseline = its date in baseline 'q1' (plans/demo.baseline.q1.json); Slip = working days from that date to Planned");
        }

        [Fact]
        public void The_header_gives_the_baseline_finish_and_slip_and_a_removed_milestone_is_listed()
        {
            var md = StatusReport.Markdown(BaselinePlans.Context());
            md.Should().Contain("- **Baseline:** 'q1' (plans/demo.baseline.q1.json): finish 2027-03-09, now 4 working days later; since then 1 added, 2 removed\n");
            md.Should().Contain("### Removed since the baseline\n\n- `old-gate` Old gate: was planned for 2027-03-05\n");
        }

        [Fact]
        public void With_a_forecast_the_forecast_columns_follow_the_baseline_ones()
        {
            var md = StatusReport.Markdown(BaselinePlans.Context(forecastIterations: 50));
            md.Should().Contain(
                "| Milestone | Name | Owner | Due | Baseline | Planned | Slip | vs due | P50 | P80 | On time | Outlook |\n" +
                "| --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- | ---: | --- |\n");
        }

        [Fact]
        public void The_html_report_has_the_same_columns_with_dates_kept_on_one_line()
        {
            var html = StatusReport.Html(BaselinePlans.Context());
            var dom = Html.GanttTestKit.Parse(html);
            var table = dom.QuerySelector("#milestones-upcoming table")!;
            table.QuerySelectorAll("th").Select(h => h.TextContent).Should().Equal("Milestone", "Name", "Owner", "Due", "Baseline", "Planned", "Slip", "vs due", "Outlook");
            var cells = table.QuerySelectorAll("tbody tr").Single().QuerySelectorAll("td").ToList();
            cells.Select(c => c.TextContent).Skip(3).Take(5).Should().Equal("2027-03-12", "2027-03-09", "2027-03-11", "+2d", "1d spare");
            html.Should().Contain("Baseline:");
            dom.QuerySelector("#milestones-removed")!.Should().NotBeNull();
        }

        [Fact]
        public void A_reached_milestone_says_its_baseline_date_and_a_new_one_says_it_is_new()
        {
            // beta is reached on its current date (Mar 11); gate, added since the baseline, on docs' finish (Mar 8).
            var tracked = BaselinePlans.Current
                .Replace("due 2027-03-12 }", "due 2027-03-12  actual-finish 2027-03-11 }")
                .Replace("  milestone beta", "  milestone gate \"Gate\" { after docs  actual-finish 2027-03-08 }\n  milestone beta");
            var frozen = ProgramDsl.Baselines.BaselineSnapshot.Capture(BaselinePlans.Compile(BaselinePlans.Frozen).Schedule!, "q1");
            var current = BaselinePlans.Compile(tracked);
            var comparison = ProgramDsl.Baselines.BaselineComparison.Compare(current.Schedule!, frozen, BaselinePlans.BaselinePath);
            var context = ArtefactContext.Create(current, ArtefactCatalog.All, forecastIterations: 0, toolVersion: "9.9.9").WithBaseline(comparison);
            var md = StatusReport.Markdown(context);
            md.Should().Contain("- `gate` Gate: 2027-03-08 (new since the baseline)\n");
            md.Should().Contain("- `beta` Beta: 2027-03-11 (baseline 2027-03-09, 2 working days later)\n");
        }

        [Fact]
        public void Without_a_baseline_the_report_is_unchanged()
        {
            var context = BaselinePlans.Context();
            var without = context.WithBaseline(null);
            var md = StatusReport.Markdown(without);
            md.Should().NotContain("Baseline").And.NotContain("Slip");
            md.Should().Contain("| Milestone | Name | Owner | Due | Planned | vs due | Outlook |\n");
            StatusReport.Markdown(context).Should().NotBe(md);
        }
    }
}
