using System;
using System.Globalization;
using System.IO;
using System.Linq;
using AngleSharp.Dom;
using ProgramDsl.Reports.Html;
using Xunit.Abstractions;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// The portfolio page in a real browser, as <see cref="GanttChromiumTests"/> checks the Gantt chart: headless Chromium
    /// loads it, a probe records console errors, opens a lane as a user would and measures what is shown, and the DOM it
    /// ends with is checked. Without Chromium these tests fail, unless TPM_SKIP_BROWSER_TESTS=1 lets them skip.
    /// </summary>
    public sealed class PortfolioChromiumTests : IDisposable
    {
        // First in <head>: every console.error and uncaught error, before the page's own script runs.
        private const string ErrorProbe =
            "<script>(function () {\n" +
            "  var errors = [];\n" +
            "  function note(text) { errors.push(String(text)); document.documentElement.setAttribute('data-errors', errors.join(' | ')); }\n" +
            "  var original = console.error;\n" +
            "  console.error = function () { note(Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };\n" +
            "  window.addEventListener('error', function (e) { note(e.message || 'error loading ' + (e.target && e.target.outerHTML)); }, true);\n" +
            "  window.addEventListener('unhandledrejection', function (e) { note(e.reason); });\n" +
            "})();</script>\n";

        // Last in <body>: what a closed lane shows, then a click on the first lane's row (as a user opens it), then what shows.
        // A closed details element keeps its content laid out but hidden (content-visibility), so checkVisibility decides.
        private const string OpenProbe =
            "<script>(function () {\n" +
            "  function shown(el) { var r = el.getBoundingClientRect(); return el.checkVisibility() && r.width > 0 && r.height > 0; }\n" +
            "  var lane = document.querySelector('details.lane');\n" +
            "  var rows = lane.querySelectorAll('.lane-body .list .r.w');\n" +
            "  var before = Array.prototype.filter.call(rows, shown).length;\n" +
            "  var summary = lane.querySelector('summary');\n" +
            "  summary.focus();\n" +
            "  var focused = document.activeElement === summary;\n" +
            "  summary.click();\n" +
            "  var after = Array.prototype.filter.call(rows, shown).map(function (r) { return r.getAttribute('data-id'); });\n" +
            "  var bars = Array.prototype.filter.call(lane.querySelectorAll('.lane-body svg.chart .bar'), shown).length;\n" +
            "  var band = document.querySelector('.loads svg.sl path.band').getBBox();\n" +
            "  var cap = document.querySelector('.loads svg.sl line.cap').getBBox();\n" +
            "  document.documentElement.setAttribute('data-probe', [before, focused, lane.open, after.join(','), bars, band.width > 0 && band.height > 0, cap.width].join('|'));\n" +
            "})();</script>\n";

        private readonly ITestOutputHelper _output;
        private readonly ScratchFolder _folder = new ScratchFolder("tpm-portfolio");

        public PortfolioChromiumTests(ITestOutputHelper output) => _output = output;

        public void Dispose() => _folder.Dispose();

        private string Write(string html)
        {
            var path = _folder.File(PortfolioGanttWriter.FileName);
            File.WriteAllText(path, html);
            return path;
        }

        private static string Probed(string html, string? body = null) =>
            html.Replace("<meta charset=\"utf-8\">\n", "<meta charset=\"utf-8\">\n" + ErrorProbe).Replace("</body>", (body ?? string.Empty) + "</body>");

        private static void Ready(IDocument dom) =>
            dom.DocumentElement.GetAttribute("data-ready").Should().NotBeNull("the page's script sets data-ready when it has run to its end");

        [ChromiumFact]
        public void The_page_loads_without_errors_and_opening_a_lane_shows_its_workstreams_and_tasks()
        {
            LoadAndOpen(PortfolioTestKit.TwoPrograms(), "hand-made");
        }

        [ChromiumFact]
        public void A_compiled_portfolio_not_leveled_together_loads_and_opens_in_Chromium()
        {
            LoadAndOpen(PortfolioPipelineTests.Compile(levelTogether: false), "compiled, not leveled");
        }

        [ChromiumFact]
        public void A_compiled_portfolio_leveled_together_loads_and_opens_in_Chromium()
        {
            LoadAndOpen(PortfolioPipelineTests.Compile(), "compiled, leveled together");
        }

        /// <summary>
        /// Loads the page with the probes: no console error, a lane per program, the first lane closed shows none of
        /// its rows, takes the focus, opens on a click and then shows its workstreams and a bar per task; the load view draws.
        /// </summary>
        private void LoadAndOpen(ProgramDsl.Portfolios.TpmPortfolio portfolio, string name)
        {
            var html = PortfolioGanttWriter.Render(portfolio, "9.9.9");
            var (text, elapsed) = Chromium.DumpDom(Write(Probed(html, OpenProbe)));
            var dom = Parse(text);
            Ready(dom);
            _output.WriteLine(name + ": " + html.Length + " bytes, browser run " + (int)elapsed.TotalMilliseconds + " ms; probe " + dom.DocumentElement.GetAttribute("data-probe"));
            dom.DocumentElement.GetAttribute("data-errors").Should().BeNull("the console has no errors");
            dom.QuerySelectorAll("details.lane").Should().HaveCount(portfolio.Members.Count);

            var first = portfolio.Members[0];
            var schedule = portfolio.Schedule?.Programs[0].Schedule ?? first.Program.Schedule!;
            var probe = dom.DocumentElement.GetAttribute("data-probe")!.Split('|');
            probe[0].Should().Be("0", "a closed lane shows none of its rows");
            probe[1].Should().Be("true", "the lane's row takes the keyboard focus");
            probe[2].Should().Be("true", "clicking the row opens the lane");
            probe[3].Should().Be(string.Join(",", first.Program.Model!.Workstreams.Select(w => w.Id)));
            probe[4].Should().Be(schedule.Tasks.Count.ToString(CultureInfo.InvariantCulture));
            probe[5].Should().Be("true", "the load view draws its bands");
            probe[6].Should().Be(dom.QuerySelector("svg.ax")!.GetAttribute("width"), "the capacity line runs across the axis");
            dom.QuerySelectorAll(".loads .lrow").Should().HaveCount(portfolio.Shared.Count);
        }

        [ChromiumFact]
        public void Links_and_buttons_open_lanes_and_hovering_a_program_shows_its_tooltip()
        {
            const string probe =
                "<script>(function () {\n" +
                "  var lanes = document.querySelectorAll('details.lane');\n" +
                "  var fromLink = Array.prototype.map.call(lanes, function (l) { return l.open; }).join(',');\n" +
                "  document.getElementById('expand-all').click();\n" +
                "  var expanded = Array.prototype.every.call(lanes, function (l) { return l.open; });\n" +
                "  document.getElementById('collapse-all').click();\n" +
                "  var collapsed = Array.prototype.every.call(lanes, function (l) { return !l.open; });\n" +
                "  var bar = document.querySelector('details.lane[data-id=\"beta\"] rect.pbar');\n" +
                "  bar.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, clientX: 300, clientY: 200 }));\n" +
                "  var tip = document.getElementById('tip');\n" +
                "  document.documentElement.setAttribute('data-probe', fromLink + '|' + expanded + '|' + collapsed + '|' + tip.style.display + '|' + tip.textContent);\n" +
                "})();</script>\n";
            var html = PortfolioGanttWriter.Render(PortfolioTestKit.TwoPrograms(), "9.9.9");
            var title = Parse(html).QuerySelector("details.lane[data-id='beta'] rect.pbar title")!.TextContent;
            var dom = Parse(Chromium.DumpDom(Write(Probed(html, probe)), "#open=beta").Dom);
            Ready(dom);
            dom.DocumentElement.GetAttribute("data-errors").Should().BeNull();
            dom.DocumentElement.GetAttribute("data-probe").Should().Be("false,true|true|true|block|" + title);
        }

        [ChromiumFact]
        public void Screenshot_of_the_page()
        {
            var html = PortfolioGanttWriter.Render(PortfolioTestKit.TwoPrograms(extra: 500), "9.9.9");
            var page = Write(html.Replace("<details class=\"lane\" id=\"lane-0\"", "<details open class=\"lane\" id=\"lane-0\""));
            var png = _folder.File("portfolio.png");
            Chromium.Screenshot(page, png, 1000, 700);
            var bytes = File.ReadAllBytes(png);
            bytes.Take(4).Should().Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
            bytes.Length.Should().BeGreaterThan(20_000, "a drawn page, not a blank one");
            var keep = Environment.GetEnvironmentVariable("TPM_PORTFOLIO_SCREENSHOT");
            if (!string.IsNullOrEmpty(keep)) File.Copy(png, keep, overwrite: true);
        }
    }
}
