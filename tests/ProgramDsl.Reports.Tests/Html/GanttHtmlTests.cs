using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Html;
using ProgramDsl.Semantics;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// The Gantt page of <see cref="TestPlans.Demo"/>, worked out by hand. Axis: Monday 2027-03-01 to the Sunday after the
    /// deadline (Mar 31) plus two weeks, 2027-04-18: 49 days, so 12 px a day and 588 px wide. Rows, 22 px each:
    /// 0 data, 1 data.collect, 2 data.clean, 3 docs, 4 ready (outline order). Bars (a day d after Mar 1 starts at 12d):
    /// collect Mar 1..4 → [0, 48]; clean Mar 8..11 → [84, 132]; docs Mar 5..8 → [48, 96]; ready at the end of Mar 11 → 132;
    /// the workstream data Mar 1..11 → [0, 132].
    /// </summary>
    public class GanttHtmlTests
    {
        private static IDocument Demo() => Parse(Page(Compile(TestPlans.Demo)));

        [Fact]
        public void One_bar_per_task_and_milestone_with_the_critical_class_on_exactly_the_critical_ones()
        {
            var dom = Demo();
            var bars = Bars(dom);
            bars.Select(RowId).Should().Equal("data.collect", "data.clean", "docs", "ready");

            // Floats from TestPlans: collect 0, clean 0, docs 3, ready 0.
            bars.Where(b => b.ClassList.Contains("critical")).Select(RowId).Should().Equal("data.collect", "data.clean", "ready");
            dom.QuerySelectorAll("svg.chart .bar.milestone").Select(RowId).Should().Equal("ready");
            dom.QuerySelectorAll("svg.chart .summary").Select(RowId).Should().Equal("data");
        }

        [Fact]
        public void Bars_cover_the_days_of_their_work()
        {
            var dom = Demo();
            dom.QuerySelector("svg.chart")!.GetAttribute("width").Should().Be("588");
            string Geometry(string id)
            {
                var bar = Bars(dom).Single(b => RowId(b) == id);
                return bar.GetAttribute("x") + "+" + bar.GetAttribute("width");
            }

            Geometry("data.collect").Should().Be("0+48");
            Geometry("data.clean").Should().Be("84+48");
            Geometry("docs").Should().Be("48+48");
            Bars(dom).Single(b => RowId(b) == "ready").GetAttribute("d").Should().Be("M132 5l6 6l-6 6l-6-6z");
            dom.QuerySelector("g[data-id='data']")!.GetAttribute("data-x").Should().Be("0 132");
            dom.QuerySelectorAll("svg.chart g.rows > g").Select(g => g.GetAttribute("transform"))
                .Should().Equal("translate(0,0)", "translate(0,22)", "translate(0,44)", "translate(0,66)", "translate(0,88)");

            // Collect half done on Tuesday evening: the other two days run Wednesday and Thursday, so the bar is the same
            // and the progress fill is half of it.
            var half = Parse(Page(Compile(TestPlans.Demo.Replace("assign ana }", "assign ana  progress 50%  actual-start 2027-03-01 }").Replace("  deadline", "  status-date 2027-03-02\n  deadline"))));
            half.QuerySelector("g[data-id='data.collect'] .bar")!.GetAttribute("width").Should().Be("48");
            half.QuerySelector("g[data-id='data.collect'] .pg")!.GetAttribute("width").Should().Be("24");
            half.QuerySelector("svg.chart line.vl.sd")!.GetAttribute("x1").Should().Be("24");
        }

        [Fact]
        public void A_finished_tasks_bar_days_cell_and_tooltip_show_its_actual_working_days()
        {
            // Collect was planned for 4 days (Mon..Thu) and took Mon 2027-03-01 .. Fri 03-05: 5 working days, a bar 5 × 12 px wide.
            var dom = Parse(Page(Compile(TestPlans.Demo
                .Replace("assign ana }", "assign ana  progress 100%  actual-start 2027-03-01  actual-finish 2027-03-05 }")
                .Replace("  deadline", "  status-date 2027-03-05\n  deadline"))));

            dom.QuerySelector("g[data-id='data.collect'] .bar")!.GetAttribute("width").Should().Be("60");
            dom.QuerySelector("g[data-id='data.collect'] .bar title")!.TextContent.Should().Contain("2027-03-01 \u2192 2027-03-05 \u00B7 5 working days");
            var row = dom.QuerySelectorAll("div.r").Single(r => r.QuerySelector("span.n")!.TextContent == "Collect");
            row.QuerySelector("span.num")!.TextContent.Should().Be("5");
        }

        [Fact]
        public void Arrows_follow_the_routes_worked_out_by_hand()
        {
            // Row middles: 11, 33, 55, 77, 99. An arrow leaves a finish 6 px to the right and enters a start from 6 px left;
            // when the successor starts left of that, it runs along the boundary above the successor's row.
            var dom = Demo();
            var arrows = dom.QuerySelectorAll("svg.chart path.dep")
                .Select(e => (e.GetAttribute("data-from"), e.GetAttribute("data-to"), e.GetAttribute("data-lag"), e.GetAttribute("d"))).ToList();
            arrows.Should().Equal(
                ("data.collect", "data.clean", "1", "M48 33H54V55H84"),
                ("data.collect", "docs", null, "M48 33H54V66H42V77H48"),
                ("data", "ready", null, "M132 11H138V88H120V99H126"),
                ("docs", "ready", null, "M96 77H102V99H126"));
            dom.QuerySelectorAll("path.dep.crit").Select(e => e.GetAttribute("data-to")).Should().Equal("data.clean");
        }

        [Theory]
        [InlineData(-1, 1, 100, 150, "M100 11H94V33H150")]     // start to start: turns left of both starts
        [InlineData(1, -1, 100, 80, "M100 11H106V33H80")]      // finish to finish: turns right of both finishes
        [InlineData(-1, -1, 50, 30, "M50 11H44V33H30")]        // start to finish, the finish well to the left
        [InlineData(-1, -1, 50, 120, "M50 11H44V22H126V33H120")] // start to finish, the finish to the right: goes round
        [InlineData(1, 1, 100, 112, "M100 11H106V33H112")]     // finish to start with just room for the head: one turn
        [InlineData(1, 1, 100, 106, "M100 11H106V22H100V33H106")] // one pixel short: goes round
        public void Routes_of_every_dependency_type(int outDirection, int inDirection, int x1, int x2, string expected)
        {
            GanttLayout.Route(x1, 11, x2, 33, outDirection, inDirection).Should().Be(expected);
        }

        [Fact]
        public void Odd_plans_draw_what_they_have()
        {
            // Sunday-to-Thursday weeks from Sunday 2027-03-07; axis Monday Mar 1 .. Sunday Mar 28 (28 days, 12 px a day).
            // Rows: 0 empty, 1 w, 2 w.kickoff, 3 w.a, 4 w.b, 5 c, 6 z. kickoff is at the very start (the left edge of
            // Mar 7, x 72); a runs Mar 7..9 [72, 108]; b must finish by a's start + 1 day, so Mar 7..8 [72, 96].
            const string plan =
                "program e \"Edge\" {\n  start 2027-03-07\n  workdays sun..thu\n  workstream empty \"Nothing yet\" { }\n" +
                "  workstream w \"W\" {\n    milestone kickoff \"Kick-off\"\n    task a \"A\" { duration 3d  after kickoff }\n" +
                "    task b \"B\" { duration 2d  after a sf+1d }\n  }\n" +
                "  task c \"C\" { duration 1d  after empty, w }\n  task z \"Z\" { duration 0d }\n}\n";
            var dom = Parse(Page(Compile(plan)));

            // Friday and Saturday are shaded: days 4 and 5 of each Monday-based week.
            dom.QuerySelectorAll("#nw rect").Select(r => r.GetAttribute("x") + "+" + r.GetAttribute("width")).Should().Equal("48+24");
            dom.QuerySelector("g[data-id='empty']")!.HasAttribute("data-x").Should().BeFalse();
            dom.QuerySelectorAll("g[data-id='empty'] .summary").Should().BeEmpty();
            Bars(dom).Single(b => RowId(b) == "w.kickoff").GetAttribute("d").Should().Be("M72 5l6 6l-6 6l-6-6z");
            Bars(dom).Single(b => RowId(b) == "z").ClassList.Should().Contain("milestone", "a task of no working days is a point in time");

            // Start to finish: out of a's start leftwards, round to the right of b's finish, in from the right.
            dom.QuerySelector("svg.chart path.dep[data-type='sf']")!.GetAttribute("d").Should().Be("M72 77H66V88H102V99H96");
            Arrows(dom).Where(a => a.To == "c").Select(a => a.From).Should().Equal(new[] { "w" }, "the empty workstream has no bar to draw from");
            dom.QuerySelector(".llist")!.TextContent.Trim().Should().Be("No people or resource pools are declared");
        }

        [Fact]
        public void A_missed_due_date_and_the_deadline_are_drawn_at_the_end_of_their_day()
        {
            var dom = Demo();
            var due = dom.QuerySelector("g[data-id='docs'] path.due")!;
            due.ClassList.Should().Contain("late");
            due.GetAttribute("d").Should().StartWith("M60 2V20"); // end of Mar 5 = 5 days × 12 px
            due.TextContent.Should().Be("Due 2027-03-05: 1 working day late");
            var deadline = dom.QuerySelector("svg.chart line.vl.dl")!;
            deadline.GetAttribute("x1").Should().Be("372"); // end of Mar 31 = 31 days × 12 px
            dom.QuerySelector("svg.chart line.vl.sd").Should().BeNull("the demo has no status date");
            dom.QuerySelector(".facts")!.TextContent.Should().Contain("Deadline 2027-03-31 met, 14 working days to spare");
        }

        [Fact]
        public void Tooltips_give_dates_float_assignees_and_cost()
        {
            var tip = Bars(Demo()).Single(b => RowId(b) == "docs").QuerySelector("title")!.TextContent;
            tip.Should().Be("Docs\ndocs · task\n2027-03-05 → 2027-03-08 · 2 working days\nTotal float: 3 working days (late finish 2027-03-11)\n" +
                            "Cost: 0 EUR\nDue 2027-03-05: 1 working day late");
            var clean = Bars(Demo()).Single(b => RowId(b) == "data.clean").QuerySelector("title")!.TextContent;
            clean.Should().Contain("\nAssigned: Bo 50%\nCost: 800 EUR");
            clean.Should().Contain("data.clean · task · critical");
        }

        [Fact]
        public void Workstream_rows_fold_the_rows_inside_them()
        {
            var dom = Parse(Page(MlPlatform()));
            var rows = dom.QuerySelectorAll("#list > .r").ToList();
            rows.Should().HaveCount(dom.QuerySelectorAll("svg.chart g.rows > g").Length);
            var data = rows.Single(r => r.ClassList.Contains("w") && r.TextContent.StartsWith("Data & features"));

            // data: ingest (4 tasks), labels (3), features (4), training-set: 3 workstreams + 12 tasks.
            data.GetAttribute("data-n").Should().Be("15");
            data.QuerySelector("button.tg")!.GetAttribute("aria-expanded").Should().Be("true");
            var ingest = rows[rows.IndexOf(data) + 1];
            ingest.TextContent.Should().StartWith("Ingestion");
            ingest.ClassList.Should().Contain("d1");
            rows[rows.IndexOf(data) + 2].ClassList.Should().Contain("d2");
        }

        [Fact]
        public void The_load_chart_books_shares_per_week_and_marks_over_allocation()
        {
            // Demo: ana works Mar 1..4 full time (4 of 5 days: 80%); bo half time Mar 8..11 (2 of 5 days: 40%).
            var dom = Demo();
            string Cells(string id) => string.Join(" ", dom.QuerySelectorAll("svg.load g[data-id='" + id + "'] text").Select(t => t.GetAttribute("x") + ":" + t.TextContent));
            Cells("ana").Should().Be("42:80");  // week 0: x 1..83, middle 42
            Cells("bo").Should().Be("126:40");  // week 1: x 85..167
            dom.QuerySelectorAll("svg.load .over").Should().BeEmpty();

            // Without leveling, ana on a (Mon..Wed, full) and b (Mon..Tue, half): 1.5 days on Monday and Tuesday.
            const string plan =
                "program o \"O\" {\n  start 2027-03-01\n  leveling off\n  person ana \"Ana\"\n" +
                "  task a \"A\" { duration 3d  assign ana }\n  task b \"B\" { duration 2d  assign ana 50% }\n}\n";
            var over = Parse(Page(Compile(plan)));
            var cell = over.QuerySelectorAll("svg.load g[data-id='ana'] rect").Single();
            cell.ClassList.Should().Contain("over");
            cell.TextContent.Should().Be("Ana · week of 2027-03-01\n80% of 5 working days booked\nPeak day: 150% — over-allocated");
        }

        [Fact]
        public void User_text_is_escaped_everywhere()
        {
            const string plan =
                "program esc \"Q&A <script>alert(1)</script> \\\"quoted\\\"\" {\n  start 2027-03-01\n" +
                "  workstream ws \"Ops & <b>bold</b>\" {\n" +
                "    task t \"It's <i>\\\"fine\\\"</i>\" { duration 2d  note \"a < b && c > d\" }\n  }\n}\n";
            var html = Page(Compile(plan));
            html.Should().NotContain("<script>alert").And.NotContain("<b>bold").And.NotContain("<i>");
            html.Should().Contain("Q&amp;A &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot;");

            var dom = Parse(html);
            dom.QuerySelectorAll("script").Should().HaveCount(1, "the page's own script is the only one");
            dom.Title.Should().Be("Q&A <script>alert(1)</script> \"quoted\" — Gantt chart");
            dom.QuerySelectorAll("#list .n").Select(n => n.TextContent).Should().Equal("Ops & <b>bold</b>", "It's <i>\"fine\"</i>");
            Bars(dom).Single().QuerySelector("title")!.TextContent.Should().EndWith("\na < b && c > d");
        }

        [Fact]
        public void Output_is_deterministic_and_self_contained()
        {
            var first = Page(MlPlatform());
            var second = Page(MlPlatform());
            second.Should().Be(first);
            first.Should().NotContain("\r");
            first.Should().NotContain("http:").And.NotContain("https:");
            Regex.Matches(first, @"url\((.)").Select(m => m.Groups[1].Value).Distinct().Should().Equal("#");
            var dom = Parse(first);
            dom.QuerySelectorAll("link, img, iframe, script[src], [href]").Should().BeEmpty();
            dom.QuerySelector("meta[name=generator]")!.GetAttribute("content").Should().Be("tpm 9.9.9");
        }

        [Fact]
        public void The_example_has_every_task_every_critical_task_and_every_dependency()
        {
            var compiled = MlPlatform();
            var dom = Parse(Page(compiled));
            var schedule = compiled.Schedule!;
            Bars(dom).Select(RowId).Should().BeEquivalentTo(schedule.Tasks.Select(t => t.Id));
            Bars(dom).Where(b => b.ClassList.Contains("critical")).Select(RowId).Should().BeEquivalentTo(schedule.Tasks.Where(t => t.IsCritical).Select(t => t.Id));
            Arrows(dom).Should().BeEquivalentTo(ExpectedEdges(compiled.Model!));
            dom.QuerySelectorAll("svg.chart .bar.milestone").Should().HaveCount(schedule.Tasks.Count(t => t.Task.IsMilestone));

            // Holidays are shaded one rect each; the status date 2027-01-15 ends at 12 days × 4 px (the axis starts Monday Jan 4).
            dom.QuerySelectorAll("svg.chart rect.hol").Should().HaveCount(compiled.Model!.Calendar.Holidays.Count);
            dom.QuerySelector("svg.chart line.vl.sd")!.GetAttribute("x1").Should().Be("48");
            dom.QuerySelector("svg.chart line.vl.dl")!.GetAttribute("x1").Should().Be("1196");
            dom.QuerySelectorAll("svg.load g[data-id]").Select(g => g.GetAttribute("data-id"))
                .Should().Equal(compiled.Model.People.Select(p => p.Id).Concat(compiled.Model.Resources.Select(r => r.Id)));
        }

        [Fact]
        public void The_emitter_is_html_after_json_and_writes_the_gantt_chart_and_the_report_page()
        {
            ArtefactCatalog.All.Select(e => e.Kind).Take(2).Should().Equal("json", "html");
            var html = ArtefactCatalog.Select("html", out var problem)!;
            problem.Should().BeNull();
            html.Single().Should().BeOfType<HtmlArtefact>();
            html[0].FileNames.Should().Equal("gantt.html", "report.html");

            // The report page shows earned value and the forecast, so asking for html alone computes them.
            html[0].Needs.Should().Be(ArtefactNeeds.EarnedValue | ArtefactNeeds.Forecast);
            var compiled = Compile(TestPlans.Demo);
            var files = html[0].Emit(ArtefactContext.Create(compiled, html, forecastIterations: 100));
            files.Select(f => f.FileName).Should().Equal("gantt.html", "report.html");
            files[1].Text.Should().Be(ProgramDsl.Reports.Report.StatusReport.Html(ArtefactContext.Create(compiled, html, forecastIterations: 100)));
            files[1].Text.Should().NotContain("not run for this report", "the forecast was computed for the page");
        }

        [Fact]
        public void Encoding_keeps_text_and_escapes_markup()
        {
            HtmlText.Encode("Ana & Bo <x> \"q\" 'a' é\u0001").Should().Be("Ana &amp; Bo &lt;x&gt; &quot;q&quot; &#39;a&#39; é\uFFFD");
            HtmlText.Encode("plain").Should().Be("plain");
            HtmlText.Encode(null).Should().BeEmpty();
        }
    }
}
