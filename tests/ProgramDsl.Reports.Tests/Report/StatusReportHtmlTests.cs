using System.Collections.Generic;
using System.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Tests.Report
{
    /// <summary>The HTML report read back with a real HTML5 parser (AngleSharp).</summary>
    public class StatusReportHtmlTests
    {
        // The full plan tracked at 2027-03-05, so every section has content.
        private static readonly string Tracked = ReportPlans.Everything.Replace("  currency EUR\n", "  currency EUR\n  status-date 2027-03-05\n");

        private static IDocument Parse(string html)
        {
            var parser = new HtmlParser(new HtmlParserOptions { IsStrictMode = true });
            return parser.ParseDocument(html);
        }

        [Fact]
        public void The_page_is_self_contained_with_inline_css_and_no_script_or_fetched_resource()
        {
            var html = StatusReport.Html(ReportPlans.Context(Tracked, iterations: 100));
            // Strict mode throws on any parse error, so this also checks the markup is well-formed HTML5.
            var document = Parse(html);

            html.Should().StartWith("<!DOCTYPE html>\n");
            document.QuerySelector("meta[charset]")!.GetAttribute("charset").Should().Be("utf-8");
            document.QuerySelectorAll("style").Should().HaveCount(1);
            document.QuerySelectorAll("script, link, img, iframe, object, embed").Should().BeEmpty();
            document.All.Where(e => e.HasAttribute("src") || e.HasAttribute("href")).Should().BeEmpty("nothing is fetched or linked");
            document.QuerySelector("style")!.TextContent.Should().NotContain("@import").And.NotContain("url(").And.Contain("@media print");
            document.QuerySelector("meta[name=generator]")!.GetAttribute("content").Should().Be("tpm 9.9.9");
            document.Title.Should().Be("Full plan — status report");
        }

        [Fact]
        public void Sections_come_in_order_with_their_headings()
        {
            var document = Parse(StatusReport.Html(ReportPlans.Context(Tracked, iterations: 100)));

            document.QuerySelectorAll("section").Select(s => s.Id).Should().Equal(
                "status", "status-schedule", "status-budget", "status-risk",
                "milestones", "milestones-late", "milestones-upcoming", "milestones-reached",
                "critical-path", "risks", "earned-value", "earned-value-behind", "gates", "decisions", "diagnostics");
            document.QuerySelectorAll("main > section > h2").Select(h => h.TextContent).Should().Equal(
                "Status at a glance", "Milestones", "Critical path", "Top risks", "Earned value", "Metric gates", "Decision log", "Diagnostics");
            document.QuerySelectorAll("main > section > section > h3").Select(h => h.TextContent).Take(4).Should().Equal(
                "Schedule Red", "Budget Green", "Risk Amber", "Late");
        }

        [Fact]
        public void Badges_carry_the_rag_colour_of_each_area()
        {
            var context = ReportPlans.Context(Tracked, iterations: 100);
            var rag = StatusReport.Assess(context);
            var document = Parse(StatusReport.Html(context));

            var rows = document.QuerySelectorAll("#status > table tbody tr").ToList();
            rows.Select(r => r.Children[0].TextContent).Should().Equal("Overall", "Schedule", "Budget", "Risk");
            var badges = rows.Select(r => r.Children[1].QuerySelector("span.badge")!).ToList();
            badges.Select(b => b.TextContent).Should().Equal(new[] { rag.Overall, rag.Schedule, rag.Budget, rag.Risk }.Select(a => Label(a.Status)));
            badges.Select(b => b.ClassList.Except(new[] { "badge" }).Single()).Should().Equal(new[] { rag.Overall, rag.Schedule, rag.Budget, rag.Risk }.Select(a => Colour(a.Status)));
            // m1 is late (red), the 'lat' gate is not met (red), the proposed decision is amber.
            document.QuerySelector("#milestones-late tbody td:last-child span.badge.red")!.TextContent.Should().Be("late");
            document.QuerySelectorAll("#gates span.badge.red").Select(b => b.TextContent).Should().Equal("not met");
            document.QuerySelectorAll("#decisions span.badge.amber").Select(b => b.TextContent).Should().Equal("proposed");
        }

        [Fact]
        public void Every_table_row_has_a_cell_per_header_and_numbers_are_right_aligned()
        {
            var document = Parse(StatusReport.Html(ReportPlans.Context(Tracked, iterations: 100)));

            var tables = document.QuerySelectorAll("table").ToList();
            tables.Should().HaveCountGreaterThan(6);
            foreach (var table in tables)
            {
                int headers = table.QuerySelectorAll("thead th").Length;
                foreach (var row in table.QuerySelectorAll("tbody tr")) row.Children.Length.Should().Be(headers, row.OuterHtml);
            }

            var ev = document.QuerySelectorAll("#earned-value > table tbody tr").ToDictionary(r => r.Children[0].TextContent, r => r.Children[1]);
            ev["SPI"].TextContent.Should().Be("0.00", "nothing is earned: a, 5 days from Mar 1, planned 100% by Mar 5 but without progress");
            ev["PV"].ClassList.Should().Contain("num");
        }

        [Fact]
        public void The_html_and_the_markdown_say_the_same_thing()
        {
            var context = ReportPlans.Context(Tracked, iterations: 100);
            var md = StatusReport.Markdown(context);
            var document = Parse(StatusReport.Html(context));

            // Every table cell, in order, with the Markdown's markup taken off.
            var markdownCells = new List<string>();
            var lines = md.Split('\n');
            foreach (var line in lines.Where(l => l.StartsWith("|") && !l.StartsWith("| ---")))
            {
                markdownCells.AddRange(ReportPlans.Cells(line).Select(ReportPlans.Shown));
            }

            var htmlCells = document.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList();
            htmlCells.Should().Equal(markdownCells);

            // And the headings and list items.
            var mdHeadings = lines.Where(l => l.StartsWith("## ") || l.StartsWith("### ")).Select(l => ReportPlans.Shown(l.TrimStart('#', ' ').Replace(" — ", " "))).ToList();
            document.QuerySelectorAll("h2, h3").Select(h => h.TextContent).Should().Equal(mdHeadings);
            var mdItems = lines.Where(l => l.StartsWith("- ")).Select(l => ReportPlans.Shown(l.Substring(2))).ToList();
            document.QuerySelectorAll("li").Select(l => l.TextContent).Should().Equal(mdItems);
        }

        [Fact]
        public void User_text_is_entity_escaped_and_reads_back_as_written()
        {
            var text = Tracked
                .Replace("\"Full plan\"", "\"Q1 <script>alert('x')</script> & \\\"R&D\\\"\"")
                .Replace("\"Chase weekly\"", "\"line one\\nline two <i>more</i>\"");
            var html = StatusReport.Html(ReportPlans.Context(text));
            var document = Parse(html);

            document.QuerySelectorAll("script, i").Should().BeEmpty();
            document.QuerySelector("h1")!.TextContent.Should().Be("Q1 <script>alert('x')</script> & \"R&D\" — status report");
            document.Title.Should().Be("Q1 <script>alert('x')</script> & \"R&D\" — status report");
            html.Should().Contain("Q1 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;R&amp;D&quot;");
            document.QuerySelectorAll("#risks tbody td").Select(c => c.TextContent).Should().Contain("line one line two <i>more</i>");
        }

        [Fact]
        public void The_same_context_gives_the_same_bytes()
        {
            var first = StatusReport.Html(ReportPlans.Context(Tracked, iterations: 200));
            var again = StatusReport.Html(ReportPlans.Context(Tracked, iterations: 200));

            again.Should().Be(first);
            first.Should().NotContain("\r").And.EndWith("</html>\n");
        }

        private static string Label(RagStatus status) => status switch
        {
            RagStatus.Red => "Red",
            RagStatus.Amber => "Amber",
            RagStatus.Green => "Green",
            _ => "Not rated",
        };

        private static string Colour(RagStatus status) => status switch
        {
            RagStatus.Red => "red",
            RagStatus.Amber => "amber",
            RagStatus.Green => "green",
            _ => "grey",
        };
    }
}
