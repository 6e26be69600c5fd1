using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>A baseline's name and path are text from a file: every output escapes them for its format.</summary>
    public class BaselineTextEscapingTests
    {
        private const string Name = "<script>alert(1)</script> | *q1*\n# heading";
        private const string Path = "plans/<img src=x>.json";

        private static ArtefactContext Context()
        {
            var current = BaselinePlans.Compile(BaselinePlans.Current);
            var frozen = BaselineSnapshot.Capture(BaselinePlans.Compile(BaselinePlans.Frozen).Schedule!, Name);
            var comparison = BaselineComparison.Compare(current.Schedule!, frozen, Path);
            return ArtefactContext.Create(current, ArtefactCatalog.All, forecastIterations: 0, toolVersion: "9.9.9").WithBaseline(comparison);
        }

        [Fact]
        public void The_gantt_chart_encodes_them_and_keeps_them_out_of_markup()
        {
            var html = GanttHtml.Render(Context());
            html.Should().NotContain("<script>alert").And.NotContain("<img src=x>");
            var dom = Html.GanttTestKit.Parse(html);
            dom.QuerySelectorAll("script").Should().HaveCount(1, "only the page's own script");
            dom.QuerySelectorAll("img").Should().BeEmpty();
            var fact = dom.QuerySelectorAll("ul.facts > li").Single(li => li.TextContent.StartsWith("Baseline", System.StringComparison.Ordinal));
            fact.TextContent.Should().StartWith("Baseline '<script>alert(1)</script> | *q1*\\n# heading' (plans/<img src=x>.json): finish 2027-03-09");
        }

        [Fact]
        public void The_markdown_report_escapes_them_and_keeps_the_line_whole()
        {
            var md = StatusReport.Markdown(Context());
            var line = md.Split('\n').Single(l => l.StartsWith("- **Baseline:**", System.StringComparison.Ordinal));
            // The report's Markdown escaping: a backslash before every character that could start markup or end a cell.
            line.Should().StartWith(@"- **Baseline:** '\<script>alert(1)\</script> \| \*q1\*\\n# heading' (plans/\<img src=x>.json): finish 2027-03-09");
            System.Text.RegularExpressions.Regex.IsMatch(line, @"(?<!\\)[<|]").Should().BeFalse("no '<' or '|' is left unescaped");
            md.Split('\n').Should().NotContain(l => l.StartsWith("# heading", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_schedule_json_carries_them_as_strings()
        {
            var context = Context();
            var json = TestPlans.Parse(ScheduleJson.ToJson(context.Program, context.Schedule, context.Diagnostics, context.Baseline));
            json.GetProperty("baseline").GetProperty("name").GetString().Should().Be(Name);
            json.GetProperty("baseline").GetProperty("file").GetString().Should().Be(Path);
        }
    }
}
