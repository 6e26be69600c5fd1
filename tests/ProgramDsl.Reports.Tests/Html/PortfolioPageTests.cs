using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using ProgramDsl.Reports.Html;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;
using static ProgramDsl.Reports.Tests.Html.PortfolioTestKit;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// The portfolio page of <see cref="PortfolioTestKit.TwoPrograms"/>, worked out by hand. Axis: Monday 2027-03-01 to
    /// the Sunday two weeks after the last date (alpha's deadline Mar 12), 2027-03-28: 28 days, 12 px a day, 336 px wide.
    /// A day d after Mar 1 starts at 12d. Alpha Mar 1..10 → [0, 120], deadline Mar 12 → 144; beta Mar 1..11 → [0, 132],
    /// deadline Mar 9 → 108. Load rows are 56 px: y(u) = 54 − u × 48 / max(capacity, peak).
    /// </summary>
    public class PortfolioPageTests
    {
        private static string Page(ProgramDsl.Portfolios.TpmPortfolio portfolio) => PortfolioGanttWriter.Render(portfolio, "9.9.9");

        private static IElement Lane(IDocument dom, string id) => dom.QuerySelector("details.lane[data-id='" + id + "']")!;

        [Fact]
        public void One_lane_per_program_with_its_bar_deadline_margin_priority_and_waits_and_late_programs_in_red()
        {
            var dom = Parse(Page(TwoPrograms()));
            dom.QuerySelectorAll("details.lane").Select(l => l.GetAttribute("data-id")).Should().Equal("alpha", "beta");
            dom.QuerySelector("svg.ax")!.GetAttribute("width").Should().Be("336");

            var alpha = Lane(dom, "alpha");
            var alphaBar = alpha.QuerySelector("summary svg rect.pbar")!;
            (alphaBar.GetAttribute("x") + "+" + alphaBar.GetAttribute("width")).Should().Be("0+120");
            alphaBar.ClassList.Should().Contain("p0").And.NotContain("late");
            alpha.QuerySelector("summary svg line.vl.dl")!.GetAttribute("x1").Should().Be("144");
            var margin = alpha.QuerySelector("summary svg line.mgn")!;
            (margin.GetAttribute("x1") + ".." + margin.GetAttribute("x2")).Should().Be("120..144");
            margin.ClassList.Should().NotContain("late");
            alpha.QuerySelector("summary svg text.lb")!.TextContent.Should().Be("2027-03-10 \u00B7 2 working days to spare");

            var beta = Lane(dom, "beta");
            var betaBar = beta.QuerySelector("summary svg rect.pbar")!;
            (betaBar.GetAttribute("x") + "+" + betaBar.GetAttribute("width")).Should().Be("0+132");
            betaBar.ClassList.Should().Contain("late");
            beta.QuerySelector("summary svg line.vl.dl")!.GetAttribute("x1").Should().Be("108");
            var late = beta.QuerySelector("summary svg line.mgn")!;
            (late.GetAttribute("x1") + ".." + late.GetAttribute("x2")).Should().Be("108..132");
            late.ClassList.Should().Contain("late");
            beta.QuerySelector("summary svg text.lb")!.TextContent.Should().Be("2027-03-11 \u00B7 2 working days late");

            // The list side: name, priority, finish, margin, waits; then the second line says for whom.
            string[] Cells(IElement lane) => lane.QuerySelectorAll("summary .lh > span").Select(s => s.TextContent).ToArray();
            Cells(alpha).Should().Equal("Alpha platform", "800", "2027-03-10", "+2", "\u2014", "alpha \u00B7 2027-03-01 \u2192 2027-03-10 \u00B7 deadline 2027-03-12");
            Cells(beta).Should().Equal("Beta search", "500", "2027-03-11", "\u22122", "3 d",
                "beta \u00B7 2027-03-01 \u2192 2027-03-11 \u00B7 deadline 2027-03-09 \u00B7 waited 3 working days for Ana 3 d (held by alpha)");
            beta.QuerySelector("summary .lh .num.bad")!.TextContent.Should().Be("\u22122");
            betaBar.QuerySelector("title")!.TextContent.Should().Be(
                "Beta search\nbeta \u00B7 priority 500\n2027-03-01 \u2192 2027-03-11 \u00B7 9 working days\nDeadline 2027-03-09: missed by 2 working days\n" +
                "Waited 3 working days for Ana 3 d (held by alpha)\nPlanned cost: 2,000");

            var facts = dom.QuerySelectorAll("header .facts li").Select(l => l.TextContent).ToList();
            facts.Should().Equal("2 programs", "Start 2027-03-01", "Finish 2027-03-11", "1 of 2 deadlines missed", "1 shared person, 1 shared pool", "Leveled together (12 schedules, seed 7)");
        }

        [Fact]
        public void Opening_a_lane_shows_the_programs_workstreams_and_tasks_from_its_schedule()
        {
            var portfolio = TwoPrograms();
            var dom = Parse(Page(portfolio));
            var alpha = Lane(dom, "alpha");
            alpha.HasAttribute("open").Should().BeFalse("lanes start closed");
            alpha.QuerySelectorAll(".lane-body .list .r").Select(r => r.GetAttribute("data-id")).Should().Equal("build", "build.a", "build.b", "done");
            alpha.QuerySelectorAll(".lane-body .list .r.w").Select(r => r.GetAttribute("data-id")).Should().Equal("build");
            alpha.QuerySelectorAll(".lane-body svg.chart g.rows > g").Select(g => g.GetAttribute("data-id")).Should().Equal("build", "build.a", "build.b", "done");

            // Bars of the schedule the portfolio drew (here each program's own): a Mar 1..5 → [0, 60], b Mar 8..10 → [84, 120].
            var schedule = portfolio.Schedule!.Programs[0].Schedule;
            alpha.QuerySelectorAll(".lane-body svg.chart .bar").Select(b => b.ParentElement!.GetAttribute("data-id")).Should().BeEquivalentTo(schedule.Tasks.Select(t => t.Id));
            var design = alpha.QuerySelector(".lane-body g[data-id='build.a'] rect.bar")!;
            (design.GetAttribute("x") + "+" + design.GetAttribute("width")).Should().Be("0+60");
            var code = alpha.QuerySelector(".lane-body g[data-id='build.b'] rect.bar")!;
            (code.GetAttribute("x") + "+" + code.GetAttribute("width")).Should().Be("84+36");
            alpha.QuerySelector(".lane-body g[data-id='done'] path.milestone")!.GetAttribute("d").Should().Be("M120 5l6 6l-6 6l-6-6z");
            alpha.QuerySelector(".lane-body svg.chart line.vl.dl")!.GetAttribute("x1").Should().Be("144");
            alpha.QuerySelectorAll(".lane-body .list .r").Select(r => r.QuerySelector(".n")!.TextContent).Should().Equal("Build", "Design", "Code", "Done");
            Lane(dom, "beta").QuerySelectorAll(".lane-body svg.chart .bar").Should().HaveCount(2);
        }

        [Fact]
        public void The_load_view_stacks_each_shared_person_and_pool_by_program_with_sums_equal_to_the_schedules()
        {
            var portfolio = TwoPrograms();
            var dom = Parse(Page(portfolio));
            dom.QuerySelectorAll(".loads .lrow").Select(r => r.GetAttribute("data-id") + ":" + r.GetAttribute("data-kind")).Should().Equal("ana:person", "gpu:pool");

            // Ana: alpha Mar 1..5 and beta Mar 8..11, a full day each: y(1000) = 6.
            var ana = dom.QuerySelector(".lrow[data-id='ana']")!;
            var bands = ana.QuerySelectorAll("path.band").ToList();
            bands.Select(b => b.GetAttribute("data-program") + " " + b.GetAttribute("d")).Should().Equal("alpha M0 6H60V54H0Z", "beta M84 6H132V54H84Z");
            bands[0].ClassList.Should().Contain("p0");
            bands[1].ClassList.Should().Contain("p1");
            bands[1].QuerySelector("title")!.TextContent.Should().Be("Ana \u00B7 Beta search\n4 person-days booked on 4 days, 2027-03-08 \u2192 2027-03-11");
            ana.QuerySelector("line.cap")!.GetAttribute("y1").Should().Be("6");
            ana.QuerySelectorAll("rect.ovr").Should().BeEmpty();
            ana.QuerySelector(".sub")!.TextContent.Should().Be("person \u00B7 one working day a day \u00B7 peak 100% on 2027-03-01");

            // Each band's units are the portfolio schedule's, and those are the programs' assignments: share × working days.
            foreach (var load in portfolio.Schedule!.Loads)
            {
                var row = dom.QuerySelector(".lrow[data-id='" + load.Entity.Id + "']")!;
                foreach (var band in row.QuerySelectorAll("path.band"))
                {
                    var program = band.GetAttribute("data-program")!;
                    long expected = load.Days.SelectMany(d => d.ByProgram).Where(p => p.ProgramId == program).Sum(p => (long)p.Units);
                    band.GetAttribute("data-units").Should().Be(expected.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            long Booked(int member, Func<ProgramDsl.Scheduling.ScheduledTask, long> perDay) => portfolio.Schedule.Programs[member].Schedule.Tasks.Sum(t => perDay(t) * t.DurationDays);
            ana.QuerySelector("path[data-program='alpha']")!.GetAttribute("data-units").Should().Be(Booked(0, t => t.Assigned.Where(a => a.Person.Id == "ana").Sum(a => (long)(a.Share * 1000))).ToString());
            ana.QuerySelector("path[data-program='beta']")!.GetAttribute("data-units").Should().Be(Booked(1, t => t.Assigned.Where(a => a.Person.Id == "ana").Sum(a => (long)(a.Share * 1000))).ToString());
            var gpu = dom.QuerySelector(".lrow[data-id='gpu']")!;
            gpu.QuerySelector("path.band")!.GetAttribute("data-units").Should().Be(Booked(1, t => t.Task.ResourceUses.Sum(u => (long)u.Units)).ToString());
            gpu.QuerySelector("path.band")!.GetAttribute("d").Should().Be("M84 30H132V54H84Z", "2 of 4 units: y(2) = 54 - 24");
            gpu.QuerySelector("line.cap")!.GetAttribute("y1").Should().Be("6");
            gpu.QuerySelector(".sub")!.TextContent.Should().Be("pool \u00B7 4 units a day \u00B7 peak 2 units on 2027-03-08");
            dom.QuerySelectorAll(".loads .lhead .legend li").Select(l => l.TextContent).Should().Equal("Alpha platform", "Beta search", "Capacity", "Over capacity");
        }

        [Fact]
        public void A_day_over_capacity_is_drawn_above_the_capacity_line_and_marked_red()
        {
            // Mar 8: alpha 50% and beta 100% of Ana: 1,500 units, so y(u) = 54 - u × 48 / 1500.
            var dom = Parse(Page(TwoPrograms(extra: 500)));
            var ana = dom.QuerySelector(".lrow[data-id='ana']")!;
            ana.QuerySelectorAll("path.band").Select(b => b.GetAttribute("data-program") + " " + b.GetAttribute("d"))
                .Should().Equal("alpha M0 22H60V54H0ZM84 38H96V54H84Z", "beta M84 6H96V38H84ZM96 22H132V54H96Z");
            ana.QuerySelector("line.cap")!.GetAttribute("y1").Should().Be("22");
            var over = ana.QuerySelectorAll("rect.ovr").Single();
            (over.GetAttribute("x") + "+" + over.GetAttribute("width")).Should().Be("84+12");
            over.TextContent.Should().Be("Ana is booked over capacity on 2027-03-08");
            ana.QuerySelector(".sub.bad")!.TextContent.Should().Be("over capacity on 1 day");
        }

        [Fact]
        public void Programs_not_leveled_together_are_drawn_as_they_stand_and_their_collisions_show()
        {
            // Without prep, beta's training runs Mar 1..4 alone: Ana is booked twice on Mar 1..4.
            var beta = Beta.Replace("  after prep", string.Empty);
            var dom = Parse(Page(TwoPrograms(leveled: false, betaText: beta)));
            dom.QuerySelectorAll("header .facts li").Last().TextContent.Should().Be("Not leveled together: each program as it stands");
            dom.QuerySelectorAll("details.lane").Should().HaveCount(2);
            var ana = dom.QuerySelector(".lrow[data-id='ana']")!;
            ana.QuerySelectorAll("path.band").Select(b => b.GetAttribute("data-program") + " " + b.GetAttribute("data-units")).Should().Equal("alpha 5000", "beta 4000");
            var over = ana.QuerySelectorAll("rect.ovr").Single();
            (over.GetAttribute("x") + "+" + over.GetAttribute("width")).Should().Be("0+48");
            over.TextContent.Should().Be("Ana is booked over capacity on 2027-03-01..2027-03-04");
            Lane(dom, "beta").QuerySelector("summary .lh > span:nth-child(4)")!.TextContent.Should().Be("+2", "beta finishes its prep on Mar 5, two working days before its deadline");
            dom.QuerySelector(".howto")!.TextContent.Should().Contain("not leveled together");
        }

        [Fact]
        public void A_program_with_errors_keeps_its_lane_and_says_it_was_not_scheduled()
        {
            var dom = Parse(Page(TwoPrograms(leveled: false, betaText: Beta.Replace("after prep", "after undefined-task"))));
            var beta = Lane(dom, "beta");
            beta.QuerySelectorAll("summary svg rect.pbar").Should().BeEmpty();
            beta.QuerySelector(".lane-body.empty")!.TextContent.Should().Contain("has errors and was not scheduled");
            beta.QuerySelector("summary .lh > span:nth-child(3)")!.TextContent.Should().Be("\u2014");
            dom.QuerySelectorAll("header .facts li").Select(l => l.TextContent).Should().Contain("1 not scheduled (errors)");
            Lane(dom, "alpha").QuerySelector("summary svg rect.pbar")!.GetAttribute("width").Should().Be("120", "the other programs are drawn as usual");
        }

        [Fact]
        public void User_text_is_escaped_everywhere()
        {
            const string hostile = "Q&A <script>alert(1)</script> \\\"quoted\\\" 'x' <img src=x onerror=alert(2)>";
            var alpha = Alpha.Replace("\"Alpha platform\"", "\"" + hostile + "\"").Replace("\"Design\"", "\"It's <i>\\\"fine\\\"</i>\"").Replace("\"Ana\"", "\"Ana </title><script>alert(3)</script>\"");
            var beta = Beta.Replace("\"GPU pool\"", "\"GPUs & <b>bold</b>\"").Replace("\"Ana\"", "\"Ana </title><script>alert(3)</script>\"");
            var html = Page(TwoPrograms(alphaText: alpha, betaText: beta, portfolioTitle: "Org <script>alert(4)</script>"));
            html.Should().NotContain("<script>alert").And.NotContain("<b>bold").And.NotContain("<i>").And.NotContain("<img").And.NotContain("</title><script>");
            html.Should().Contain("Q&amp;A &lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;x&#39;");

            var dom = Parse(html);
            dom.QuerySelectorAll("script").Should().HaveCount(1, "the page's own script is the only one");
            dom.QuerySelectorAll("img, i, [onerror]").Should().BeEmpty();
            dom.QuerySelectorAll("b").Should().OnlyContain(b => b.Closest(".facts, .howto") != null, "the page's own bold figures only");
            dom.Title.Should().Be("Org <script>alert(4)</script> \u2014 Portfolio");
            Lane(dom, "alpha").QuerySelector("summary .lh .n")!.TextContent.Should().Be("Q&A <script>alert(1)</script> \"quoted\" 'x' <img src=x onerror=alert(2)>");
            Lane(dom, "alpha").QuerySelector("summary .lh .n")!.GetAttribute("title").Should().Be("Q&A <script>alert(1)</script> \"quoted\" 'x' <img src=x onerror=alert(2)>", "a long name is whole in the tooltip");
            Lane(dom, "alpha").QuerySelectorAll(".lane-body .list .n").Select(n => n.TextContent).Should().Contain("It's <i>\"fine\"</i>");
            dom.QuerySelector(".lrow[data-id='ana'] .n")!.TextContent.Should().Be("Ana </title><script>alert(3)</script>");
            dom.QuerySelector(".lrow[data-id='gpu'] .n")!.TextContent.Should().Be("GPUs & <b>bold</b>");
            dom.QuerySelector(".lrow[data-id='ana'] path.band title")!.TextContent.Should().StartWith("Ana </title><script>alert(3)</script> \u00B7 Q&A <script>");
        }

        [Fact]
        public void Output_is_deterministic_and_self_contained()
        {
            var first = Page(TwoPrograms());
            var second = Page(TwoPrograms());
            second.Should().Be(first);
            first.Should().NotContain("\r");
            first.Should().NotContain("http:").And.NotContain("https:").And.NotContain("//cdn");
            Regex.Matches(first, @"url\((.)").Select(m => m.Groups[1].Value).Distinct().Should().Equal("#");
            var dom = Parse(first);
            dom.QuerySelectorAll("link, img, iframe, script[src], [href]").Should().BeEmpty();
            dom.QuerySelector("meta[name=generator]")!.GetAttribute("content").Should().Be("tpm 9.9.9");

            // Streamed or whole, the same bytes.
            var streamed = new StringWriter();
            PortfolioGanttWriter.Render(TwoPrograms(), "9.9.9", streamed);
            streamed.ToString().Should().Be(first);
            PortfolioGanttWriter.FileName.Should().Be("index.html");
        }

        [Fact]
        public void Lanes_are_keyboard_accessible_details_and_the_page_says_how_to_read_it()
        {
            var dom = Parse(Page(TwoPrograms()));
            dom.QuerySelectorAll("details.lane > summary").Should().HaveCount(2, "a summary takes the focus and opens with Enter or Space, with or without the script");
            dom.QuerySelectorAll("button#expand-all, button#collapse-all").Should().HaveCount(2);
            var howTo = dom.QuerySelector("section.howto")!;
            howTo.QuerySelector("h2")!.TextContent.Should().Be("How to read this page");
            howTo.TextContent.Should().Contain("deadline").And.Contain("Priority").And.Contain("Waits").And.Contain("capacity").And.Contain("Enter or Space");
        }

        [Fact]
        public void A_portfolio_of_four_programs_of_1000_tasks_has_every_lane_row_and_bar_and_stays_mailable()
        {
            var portfolio = Generated(programs: 4, tasks: 1000, sharedPeople: 10);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var html = Page(portfolio);
            var elapsed = watch.Elapsed;
            var dom = Parse(html);
            dom.QuerySelectorAll("details.lane").Should().HaveCount(4);
            foreach (var member in portfolio.Members)
            {
                var lane = Lane(dom, member.Id);
                var program = member.Program.Model!;
                lane.QuerySelectorAll(".lane-body .list .r").Should().HaveCount(program.Tasks.Count + program.Workstreams.Count);
                lane.QuerySelectorAll(".lane-body svg.chart .bar").Should().HaveCount(member.Program.Schedule!.Tasks.Count);
            }

            // Each shared person's bands add up to what the programs' own schedules book for them.
            dom.QuerySelectorAll(".loads .lrow").Should().HaveCount(10);
            var first = dom.QuerySelector(".lrow[data-id='p00001']")!;
            foreach (var band in first.QuerySelectorAll("path.band"))
            {
                var member = portfolio.Members.Single(m => m.Id == band.GetAttribute("data-program"));
                var schedule = member.Program.Schedule!;
                var person = member.Program.Model!.People.Single(p => p.Id == "p00001");
                var calendar = ResourceLoad.PersonCalendar(schedule.Program, schedule.Calendar, person);
                long units = 0;
                foreach (var t in schedule.Tasks)
                {
                    long share = t.Assigned.Where(a => a.Person == person).Sum(a => (long)Math.Round(a.Share * 1000, MidpointRounding.AwayFromZero));
                    if (share == 0) continue;
                    var calendars = t.Assigned.Select(a => ResourceLoad.PersonCalendar(schedule.Program, schedule.Calendar, a.Person)).ToList();
                    for (int i = t.Start; i < t.Finish; i++) if (calendars.All(c => c.IsWorkingDay(schedule.Calendar.DateOf(i)))) units += share;
                }

                band.GetAttribute("data-units").Should().Be(units.ToString(System.Globalization.CultureInfo.InvariantCulture), member.Id);
            }

            html.Length.Should().BeLessThan(2_500_000, "about 500 bytes a task");
            Console.WriteLine("4 × 1,000 tasks: " + html.Length + " bytes in " + (int)elapsed.TotalMilliseconds + " ms");
        }

        [Fact]
        public void Arguments_are_checked()
        {
            var portfolio = TwoPrograms();
            FluentActions.Invoking(() => PortfolioGanttWriter.Render(null!)).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => PortfolioGanttWriter.Render(portfolio, "1", null!)).Should().Throw<ArgumentNullException>();
        }
    }
}
