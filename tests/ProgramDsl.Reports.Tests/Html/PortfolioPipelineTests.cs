using System.Globalization;
using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.Reports.Html;
using static ProgramDsl.Reports.Tests.Html.GanttTestKit;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// The page of a real portfolio: parsed with <see cref="TpmPortfolio.Parse"/>, its programs read through an
    /// in-memory resolver and leveled together, as <c>tpm build PORTFOLIO</c> does before it writes index.html.
    /// </summary>
    public class PortfolioPipelineTests
    {
        // Ana (shared fragment) does 5 days for alpha and 4 for beta; alpha (priority 800) goes first, so beta waits for her.
        private const string People = "person ana \"Ana\" { rate 500/d }\nresource gpu \"GPU pool\" { capacity 2 }\n";

        private const string Alpha =
            "program alpha \"Alpha platform\" {\n  start 2027-03-01\n  deadline 2027-03-31\n" +
            "  workstream build \"Build\" {\n    task a \"Design\" { effort 5d  assign ana  uses gpu 1 }\n    task b \"Code\" { duration 3d  after a }\n  }\n" +
            "  milestone done \"Done\" { after build }\n}\n";

        private const string Beta =
            "program beta \"Beta search\" {\n  start 2027-03-01\n  deadline 2027-03-31\n" +
            "  task x \"Train\" { effort 4d  assign ana  uses gpu 2 }\n  task y \"Ship\" { duration 1d  after x }\n}\n";

        private const string Portfolio =
            "portfolio org \"Org\" {\n  include \"shared/people.tpm\"\n" +
            "  program \"alpha/program.tpm\" { priority 800 }\n  program \"beta/program.tpm\" { priority 300 }\n}\n";

        internal static TpmPortfolio Compile(bool levelTogether = true)
        {
            var resolver = new InMemorySourceResolver()
                .Add("org/shared/people.tpm", People)
                .Add("org/alpha/program.tpm", Alpha)
                .Add("org/beta/program.tpm", Beta);
            var portfolio = TpmPortfolio.Parse(Portfolio, "org/portfolio.tpm", resolver, new PortfolioCompileOptions { LevelTogether = levelTogether });
            portfolio.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            if (levelTogether) portfolio.Schedule.Should().NotBeNull("the portfolio is leveled together");
            else portfolio.Schedule.Should().BeNull();
            return portfolio;
        }

        [Fact]
        public void Programs_not_leveled_together_show_where_they_book_a_shared_person_twice()
        {
            // Alone, alpha's design (Mar 1..5) and beta's training (Mar 1..4) both book Ana: over capacity Mar 1..4; the
            // GPU pool holds 2 units and gets 1 + 2 on those days.
            var portfolio = Compile(levelTogether: false);
            var dom = Parse(PortfolioGanttWriter.Render(portfolio, "9.9.9"));
            dom.QuerySelectorAll("details.lane").Select(l => l.GetAttribute("data-id")).Should().Equal("alpha", "beta");
            var ana = dom.QuerySelector(".lrow[data-id='ana']")!;
            ana.QuerySelectorAll("path.band").Select(b => b.GetAttribute("data-program") + " " + b.GetAttribute("data-units")).Should().Equal("alpha 5000", "beta 4000");
            ana.QuerySelector("rect.ovr")!.TextContent.Should().Be("Ana is booked over capacity on 2027-03-01..2027-03-04");
            var gpu = dom.QuerySelector(".lrow[data-id='gpu']")!;
            gpu.QuerySelectorAll("path.band").Select(b => b.GetAttribute("data-program") + " " + b.GetAttribute("data-units")).Should().Equal("alpha 5", "beta 8");
            gpu.QuerySelector("rect.ovr")!.TextContent.Should().Be("GPU pool is booked over capacity on 2027-03-01..2027-03-04");
            dom.QuerySelectorAll("header .facts li").Last().TextContent.Should().Be("Not leveled together: each program as it stands");
        }

        [Fact]
        public void A_leveled_portfolio_has_a_lane_per_member_and_loads_that_add_up_to_its_schedule()
        {
            var portfolio = Compile();
            var schedule = portfolio.Schedule!;
            var dom = Parse(PortfolioGanttWriter.Render(portfolio, "9.9.9"));

            dom.QuerySelectorAll("details.lane").Select(l => l.GetAttribute("data-id")).Should().Equal(portfolio.Members.Select(m => m.Id));
            foreach (var program in schedule.Programs)
            {
                var lane = dom.QuerySelector("details.lane[data-id='" + program.Member.Id + "']")!;
                lane.QuerySelector("summary .lh > span:nth-child(3)")!.TextContent.Should().Be(program.FinishDate.ToString());
                lane.QuerySelector("summary .lh > span:nth-child(2)")!.TextContent.Should().Be(program.Member.Priority.ToString(CultureInfo.InvariantCulture));
                lane.QuerySelectorAll("summary svg line.vl.dl").Should().HaveCount(program.Deadline is null ? 0 : 1);
                lane.QuerySelectorAll(".lane-body svg.chart .bar").Select(b => b.ParentElement!.GetAttribute("data-id")).Should().BeEquivalentTo(program.Schedule.Tasks.Select(t => t.Id));
                lane.QuerySelector("summary svg rect.pbar")!.ClassList.Contains("late").Should().Be(program.Deadline is { } d && program.FinishDate > d);
                lane.QuerySelector("summary .lh > span:nth-child(5)")!.TextContent.Should().Be(program.WaitDays > 0 ? program.WaitDays + " d" : "\u2014");
            }

            // Alpha (priority 800) has Ana first; beta waits for her and says for whom.
            var beta = schedule.Programs[1];
            beta.WaitDays.Should().BeGreaterThan(0);
            dom.QuerySelector("details.lane[data-id='beta'] summary .sub")!.TextContent.Should().Contain("waited " + beta.WaitDays).And.Contain("Ana").And.Contain("(held by alpha)");
            schedule.Programs[0].WaitDays.Should().Be(0);

            // The shared person and pool: one row each, a band per program, whose units are the schedule's.
            dom.QuerySelectorAll(".loads .lrow").Select(r => r.GetAttribute("data-id")).Should().BeEquivalentTo(portfolio.Shared.Select(e => e.Id));
            foreach (var load in schedule.Loads)
            {
                var row = dom.QuerySelector(".lrow[data-id='" + load.Entity.Id + "']")!;
                var expected = load.Days.SelectMany(d => d.ByProgram).GroupBy(p => p.ProgramId).ToDictionary(g => g.Key, g => g.Sum(p => (long)p.Units));
                row.QuerySelectorAll("path.band").ToDictionary(b => b.GetAttribute("data-program")!, b => long.Parse(b.GetAttribute("data-units")!, CultureInfo.InvariantCulture))
                    .Should().BeEquivalentTo(expected);
                row.QuerySelectorAll("rect.ovr").Should().BeEmpty("leveled together, no one is booked over capacity");
            }

            // Ana: alpha's design (5 days) and beta's training (4 days) at 100%.
            var ana = dom.QuerySelector(".lrow[data-id='ana']")!;
            ana.QuerySelector("path[data-program='alpha']")!.GetAttribute("data-units").Should().Be("5000");
            ana.QuerySelector("path[data-program='beta']")!.GetAttribute("data-units").Should().Be("4000");
        }

        [Fact]
        public void The_page_of_a_leveled_portfolio_is_deterministic()
        {
            PortfolioGanttWriter.Render(Compile(), "9.9.9").Should().Be(PortfolioGanttWriter.Render(Compile(), "9.9.9"));
        }
    }
}
