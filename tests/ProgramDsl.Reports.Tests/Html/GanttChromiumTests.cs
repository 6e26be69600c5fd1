using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using ProgramDsl.Benchmarks;
using Xunit.Abstractions;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// The Gantt page in a real browser: headless Chromium loads it, runs its script, and the DOM it ends with is checked
    /// (bars, the critical class, arrows, folding); one browser run per test. Without Chromium these tests fail, unless
    /// TPM_SKIP_BROWSER_TESTS=1 lets them skip. TPM_UPDATE_SCREENSHOTS=1 also copies the example's screenshot to
    /// docs/images/gantt-ml-platform.png.
    /// </summary>
    public sealed class GanttChromiumTests : IDisposable
    {
        private readonly ITestOutputHelper _output;
        private readonly ScratchFolder _folder = new ScratchFolder("tpm-gantt");

        public GanttChromiumTests(ITestOutputHelper output) => _output = output;

        public void Dispose() => _folder.Dispose();

        private string Write(string html, string name = "gantt.html")
        {
            var path = _folder.File(name);
            File.WriteAllText(path, html);
            return path;
        }

        private static int Ready(IDocument dom)
        {
            var ready = dom.DocumentElement.GetAttribute("data-ready");
            ready.Should().NotBeNull("the page's script sets data-ready when it has run to its end");
            return int.Parse(ready!, CultureInfo.InvariantCulture);
        }

        [ChromiumFact]
        public void The_example_in_Chromium_has_one_bar_per_task_the_critical_path_and_one_arrow_per_dependency()
        {
            var compiled = MlPlatform();
            var html = Page(compiled);
            var (text, elapsed) = Chromium.DumpDom(Write(html));
            var dom = Parse(text);
            _output.WriteLine("ml-platform: " + html.Length + " bytes, script done " + Ready(dom) + " ms after navigation, browser run " + (int)elapsed.TotalMilliseconds + " ms");

            var schedule = compiled.Schedule!;
            var bars = Bars(dom);
            bars.Should().HaveCount(schedule.Tasks.Count);
            bars.Select(RowId).Should().BeEquivalentTo(schedule.Tasks.Select(t => t.Id));
            bars.Where(b => b.ClassList.Contains("critical")).Select(RowId).Should().BeEquivalentTo(schedule.Tasks.Where(t => t.IsCritical).Select(t => t.Id));
            Arrows(dom).Should().BeEquivalentTo(ExpectedEdges(compiled.Model!));

            // The script lays rows and arrows out again on load; with nothing folded it must draw exactly what tpm drew.
            dom.QuerySelectorAll("svg.chart path.dep").Select(d => d.GetAttribute("d")).Should().Equal(Parse(html).QuerySelectorAll("svg.chart path.dep").Select(d => d.GetAttribute("d")));
            dom.QuerySelectorAll("svg.chart path.dep.hid").Should().BeEmpty();
            dom.QuerySelectorAll("#list > .r").Where(r => r.GetAttribute("style") is { } s && s.Contains("none")).Should().BeEmpty();
        }

        [ChromiumFact]
        public void Folding_a_workstream_from_a_link_hides_its_rows_and_reroutes_its_arrows()
        {
            var compiled = MlPlatform();
            var html = Page(compiled);
            var before = Parse(html);
            var rows = before.QuerySelectorAll("#list > .r").ToList();
            int data = rows.FindIndex(r => r.ClassList.Contains("w") && r.TextContent.StartsWith("Data & features", StringComparison.Ordinal));
            const int inside = 15; // 3 workstreams and 12 tasks
            var dataX = before.QuerySelector("svg.chart g[data-id='data']")!.GetAttribute("data-x")!.Split(' ');

            var dom = Parse(Chromium.DumpDom(Write(html), "#fold=data").Dom);
            Ready(dom);
            var list = dom.QuerySelectorAll("#list > .r").ToList();
            var chartRows = dom.QuerySelectorAll("svg.chart g.rows > g").ToList();
            static bool Hidden(IElement e) => (e.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty).Contains("display:none");
            list[data].QuerySelector("button.tg")!.GetAttribute("aria-expanded").Should().Be("false");
            Enumerable.Range(0, list.Count).Where(i => Hidden(list[i])).Should().Equal(Enumerable.Range(data + 1, inside));
            Enumerable.Range(0, chartRows.Count).Where(i => Hidden(chartRows[i])).Should().Equal(Enumerable.Range(data + 1, inside));
            chartRows[data + inside + 1].GetAttribute("transform").Should().Be("translate(0," + (data + 1) * 22 + ")", "the row after the fold moves up under it");
            dom.QuerySelector("svg.chart")!.GetAttribute("height").Should().Be(((rows.Count - inside) * 22).ToString(CultureInfo.InvariantCulture));

            // Arrows inside the fold are hidden; arrows that leave it start at the workstream's summary bar.
            foreach (var arrow in dom.QuerySelectorAll("svg.chart path.dep"))
            {
                bool fromInside = arrow.GetAttribute("data-from")!.StartsWith("data.", StringComparison.Ordinal);
                bool toInside = arrow.GetAttribute("data-to")!.StartsWith("data.", StringComparison.Ordinal);
                arrow.ClassList.Contains("hid").Should().Be(fromInside && toInside, arrow.GetAttribute("data-from") + " → " + arrow.GetAttribute("data-to"));
            }

            var privacy = dom.QuerySelector("svg.chart path.dep[data-from='data.ingest.pii-tokenise'][data-to='evaluation.privacy-review']")!;
            privacy.GetAttribute("d").Should().StartWith("M" + dataX[1] + " " + (data * 22 + 11) + "H");
        }

        [ChromiumFact]
        public void Folding_everything_from_a_link_leaves_the_top_level_rows()
        {
            var html = Page(MlPlatform());
            int topLevel = Parse(html).QuerySelectorAll("#list > .r.d0").Length;
            var dom = Parse(Chromium.DumpDom(Write(html), "#fold=all").Dom);
            Ready(dom);
            var visible = dom.QuerySelectorAll("#list > .r").Where(r => !(r.GetAttribute("style") ?? string.Empty).Contains("none")).ToList();
            visible.Should().HaveCount(topLevel);
            visible.Should().OnlyContain(r => r.ClassList.Contains("d0"));
            dom.QuerySelector("svg.chart")!.GetAttribute("height").Should().Be((topLevel * 22).ToString(CultureInfo.InvariantCulture));
            dom.QuerySelectorAll("button.tg").Should().OnlyContain(b => b.GetAttribute("aria-expanded") == "false");
        }

        [ChromiumFact]
        public void Clicks_fold_and_unfold_and_hovering_a_bar_shows_its_tooltip()
        {
            // A probe after the page's script: "Collapse all", then the first workstream's toggle, then a hover on the
            // first critical bar; it records what the page shows in attributes the dumped DOM carries.
            const string probe =
                "<script>(function () {\n" +
                "  document.getElementById('collapse-all').click();\n" +
                "  document.querySelector('#list button.tg').click();\n" +
                "  var bar = document.querySelector('svg.chart .bar.critical');\n" +
                "  bar.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 300, clientY: 200 }));\n" +
                "  var tip = document.getElementById('tip');\n" +
                "  document.documentElement.setAttribute('data-probe-tip', tip.style.display + '|' + tip.textContent);\n" +
                "})();</script>\n";
            var html = Page(MlPlatform());
            var before = Parse(html);
            int topLevel = before.QuerySelectorAll("#list > .r.d0").Length;
            var firstWorkstream = before.QuerySelector("#list > .r.w")!;
            int children = int.Parse(firstWorkstream.GetAttribute("data-n")!, CultureInfo.InvariantCulture);
            var firstCritical = Bars(before).First(b => b.ClassList.Contains("critical"));

            var dom = Parse(Chromium.DumpDom(Write(html.Replace("</body>", probe + "</body>"))).Dom);
            Ready(dom);
            var visible = dom.QuerySelectorAll("#list > .r").Where(r => !(r.GetAttribute("style") ?? string.Empty).Contains("none")).ToList();
            visible.Should().HaveCount(topLevel + children, "everything folded, then the first workstream (no nested ones) unfolded");
            dom.QuerySelectorAll("button.tg").Select(b => b.GetAttribute("aria-expanded")).Distinct().Should().Equal("true", "false");
            dom.DocumentElement.GetAttribute("data-probe-tip").Should().Be("block|" + firstCritical.QuerySelector("title")!.TextContent);
        }

        [ChromiumFact]
        public void Screenshot_of_the_example()
        {
            var compiled = MlPlatform();
            var program = compiled.Model!;
            int rows = program.Tasks.Count + program.Workstreams.Count + program.People.Count + program.Resources.Count + 2;
            var page = Write(Page(compiled, ProductVersion));
            int chartWidth = int.Parse(Parse(File.ReadAllText(page)).QuerySelector("svg.chart")!.GetAttribute("width")!, CultureInfo.InvariantCulture);
            int width = 520 + chartWidth + 16, height = 300 + rows * 22;
            var png = _folder.File("gantt-ml-platform.png");
            Chromium.Screenshot(page, png, width, height);

            var bytes = File.ReadAllBytes(png);
            bytes.Take(8).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A });
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)).Should().Be(width);
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)).Should().Be(height);
            bytes.Length.Should().BeGreaterThan(50_000, "a drawn chart, not a blank page");
            _output.WriteLine("screenshot " + width + "x" + height + ", " + bytes.Length + " bytes");
            if (Environment.GetEnvironmentVariable("TPM_UPDATE_SCREENSHOTS") == "1")
            {
                File.Copy(png, Path.Combine(RepositoryRoot, "docs", "images", "gantt-ml-platform.png"), overwrite: true);
            }
        }

        [ChromiumFact]
        public void A_generated_plan_of_2000_tasks_loads_with_every_bar_and_arrow()
        {
            var compiled = TestPlans.Compile(PlanGenerator.Generate(2000), "synth-2000.tpm");
            compiled.HasErrors.Should().BeFalse();
            var html = Page(compiled);
            html.Length.Should().BeLessThan(2_500_000, "the chart stays small enough to mail");
            var (text, elapsed) = Chromium.DumpDom(Write(html));
            var dom = Parse(text);
            int ready = Ready(dom);
            _output.WriteLine("2,000 tasks: " + html.Length + " bytes, script done " + ready + " ms after navigation, browser run " + (int)elapsed.TotalMilliseconds + " ms");

            var schedule = compiled.Schedule!;
            var bars = Bars(dom);
            bars.Should().HaveCount(schedule.Tasks.Count);
            bars.Where(b => b.ClassList.Contains("critical")).Select(RowId).Should().BeEquivalentTo(schedule.Tasks.Where(t => t.IsCritical).Select(t => t.Id));
            Arrows(dom).Should().HaveCount(ExpectedEdges(compiled.Model!).Count);
            ready.Should().BeLessThan(20_000, "the page must open in seconds, not minutes");
        }

        [ChromiumFact]
        public void Plans_spanning_the_whole_calendar_load_with_every_bar_and_a_bounded_load_chart()
        {
            foreach (var plan in new[] { LongSpanTests.HolidaySpan, LongSpanTests.BothEnds })
            {
                var compiled = TestPlans.Compile(plan, "span.tpm");
                compiled.HasErrors.Should().BeFalse();
                var html = Page(compiled);
                html.Length.Should().BeLessThan(200_000);
                var (text, elapsed) = Chromium.DumpDom(Write(html));
                var dom = Parse(text);
                Ready(dom);
                _output.WriteLine(compiled.Model!.Id + ": " + html.Length + " bytes, browser run " + (int)elapsed.TotalMilliseconds + " ms");

                Bars(dom).Should().HaveCount(compiled.Schedule!.Tasks.Count);
                var chart = dom.QuerySelector("svg.chart")!;
                int width = int.Parse(chart.GetAttribute("width")!, CultureInfo.InvariantCulture);
                width.Should().BeLessThanOrEqualTo(ProgramDsl.Reports.Html.Timeline.MaxWidth);
                dom.QuerySelectorAll("svg.load g[data-id]").Should().HaveCount(compiled.Model!.People.Count + compiled.Model!.Resources.Count);
                dom.QuerySelectorAll("svg.ax text").Length.Should().BeLessThanOrEqualTo(2 * ProgramDsl.Reports.Html.Timeline.MaxColumns);
            }
        }
    }
}
