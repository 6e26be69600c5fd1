using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Reports.Tests.Html;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>
    /// The Gantt chart's baseline bars in headless Chromium: where the browser draws them, in what colour, their tooltip,
    /// and that they fold away with their rows. One browser run per test; without Chromium these fail unless
    /// TPM_SKIP_BROWSER_TESTS=1 lets them skip.
    /// </summary>
    public sealed class BaselineGanttChromiumTests : IDisposable
    {
        private readonly ScratchFolder _folder = new ScratchFolder("tpm-gantt-baseline");

        public void Dispose() => _folder.Dispose();

        private string Write(string html)
        {
            var path = _folder.File("gantt.html");
            File.WriteAllText(path, html);
            return path;
        }

        private static void Ready(IDocument dom) =>
            dom.DocumentElement.GetAttribute("data-ready").Should().NotBeNull("the page's script sets data-ready when it has run to its end");

        [ChromiumFact]
        public void The_browser_draws_each_baseline_bar_grey_under_its_bar_at_its_baseline_dates_and_shows_its_tooltip()
        {
            // A probe after the page's script: the box, in chart coordinates, and the fill of each baseline shape and of
            // the current bar of its row, then a hover on build's baseline bar; all written into attributes the DOM dump keeps.
            const string probe =
                "<script>(function () {\n" +
                "  var chart = document.getElementById('chart').getBoundingClientRect();\n" +
                "  function box(el) { var r = el.getBoundingClientRect(); return Math.round(r.left - chart.left) + ',' + Math.round(r.top - chart.top) + ',' + Math.round(r.width) + ',' + Math.round(r.height); }\n" +
                "  var out = [];\n" +
                "  document.querySelectorAll('svg.chart .bl').forEach(function (el) {\n" +
                "    var g = el.parentNode, bar = g.querySelector('.bar');\n" +
                "    out.push(g.getAttribute('data-id') + ':' + box(el) + ':' + getComputedStyle(el).fill + ':' + box(bar));\n" +
                "  });\n" +
                "  document.documentElement.setAttribute('data-probe-boxes', out.join('|'));\n" +
                "  var bl = document.querySelector(\"svg.chart g[data-id='build'] .bl\");\n" +
                "  bl.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 300, clientY: 200 }));\n" +
                "  var tip = document.getElementById('tip');\n" +
                "  document.documentElement.setAttribute('data-probe-tip', tip.style.display + '|' + tip.textContent);\n" +
                "})();</script>\n";
            var html = GanttHtml.Render(BaselinePlans.Context());
            var dom = Parse(Chromium.DumpDom(Write(html.Replace("</body>", probe + "</body>"))).Dom);
            Ready(dom);

            // Rows are 22 pixels from the chart's top (design 0, build 1, docs 2, review 3, beta 4); a baseline bar runs
            // from y 17 to 21 of its row, just under the current bar (5 to 17; a box leaves the stroke out); a baseline
            // diamond from 13 to 21, the current one from 5 to 17. x: 12 pixels a day from Monday 2027-03-01 (design now
            // Mar 1..Mar 5 → 0..60, build Mar 8..Mar 11 → 84..132, docs Mar 8 → 84..96, beta the end of Mar 11 = 132 ± 6;
            // baselines as in BaselineGanttTests). Grey is #9aa5b1 = rgb(154, 165, 177).
            const string grey = "rgb(154, 165, 177)";
            dom.DocumentElement.GetAttribute("data-probe-boxes")!.Split('|').Should().Equal(
                "design:0,17,36,4:" + grey + ":0,5,60,12",
                "build:36,39,72,4:" + grey + ":84,27,48,12",
                "docs:36,61,24,4:" + grey + ":84,49,12,12",
                "beta:104,101,8,8:" + grey + ":126,93,12,12");

            dom.DocumentElement.GetAttribute("data-probe-tip").Should().Be(
                "block|Build\nBaseline 'q1': 2027-03-04 → 2027-03-09 · 4 working days\nNow: 2027-03-08 → 2027-03-11\nFinish: 2 working days later; start: 2 working days later");
        }

        [ChromiumFact]
        public void On_the_example_against_its_own_snapshot_every_baseline_bar_lies_under_its_bar_and_folds_away_with_it()
        {
            // No slip anywhere: each task's baseline bar has its bar's x and width, each milestone's diamond its centre.
            var compiled = MlPlatform();
            var schedule = compiled.Schedule!;
            var comparison = BaselineComparison.Compare(schedule, BaselineSnapshot.Capture(schedule, "self"), "ml-platform/program.baseline.self.json");
            var context = ArtefactContext.Create(compiled, new[] { new HtmlArtefact() }, forecastIterations: 0, toolVersion: "9.9.9").WithBaseline(comparison);
            var html = GanttHtml.Render(context);
            var page = Parse(html);
            foreach (var row in page.QuerySelectorAll("svg.chart g.rows > g:not(.w)"))
            {
                var x = row.GetAttribute("data-x")!.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
                var baseline = row.QuerySelector(".bl")!;
                if (baseline.ClassList.Contains("ms")) baseline.GetAttribute("d").Should().StartWith("M" + (x[0] + x[1]) / 2 + " 13l", row.GetAttribute("data-id"));
                else (baseline.GetAttribute("x") + " " + baseline.GetAttribute("width")).Should().Be(x[0] + " " + Math.Max(2, x[1] - x[0]), row.GetAttribute("data-id"));
            }

            var dom = Parse(Chromium.DumpDom(Write(html), "#fold=data").Dom);
            Ready(dom);
            Bars(dom).Should().HaveCount(schedule.Tasks.Count);
            dom.QuerySelectorAll("svg.chart .bl").Select(RowId).Should().Equal(schedule.Tasks.Select(t => t.Id), "every task is in its own snapshot");
            static bool Hidden(IElement g) => (g.GetAttribute("style") ?? string.Empty).Replace(" ", string.Empty).Contains("display:none");
            var folded = dom.QuerySelectorAll("svg.chart .bl").Where(b => Hidden(b.ParentElement!)).Select(RowId).ToList();
            folded.Should().NotBeEmpty().And.OnlyContain(id => id.StartsWith("data.", StringComparison.Ordinal));
            folded.Should().HaveCount(schedule.Tasks.Count(t => t.Id.StartsWith("data.", StringComparison.Ordinal)));
        }
    }
}
