using System.Linq;
using ProgramDsl.Portfolios;
using static ProgramDsl.Tests.Portfolios.PortfolioKit;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>
/// Portfolios and programs written by an attacker (a pull request's files): each mistake is a located diagnostic with
/// a helpful message, and what is reported stays bounded.
/// </summary>
public class PortfolioHostileTests
{
    [Fact]
    public void Two_spellings_of_a_file_outside_the_workspace_are_each_refused_as_outside_not_named_twice()
    {
        var resolver = Resolver(
            ("ws/alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  task x { duration 1d }\n}\n"),
            ("elsewhere/program.tpm", "program elsewhere {\n  start 2027-03-01\n  task x { duration 1d }\n}\n"));
        resolver.Workspace = "ws";
        var portfolio = TpmPortfolio.Parse(
            "portfolio org {\n  program \"alpha/program.tpm\"\n  program \"../elsewhere/program.tpm\"\n  program \"../elsewhere/./program.tpm\"\n}\n",
            "ws/portfolio.tpm", resolver, new PortfolioCompileOptions { Schedule = false });

        // Before: the second spelling was 'the portfolio already names program ...' (TPM1201), as if the file were a program.
        portfolio.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line)).Should().Equal(("TPM1006", 3), ("TPM1006", 4));
        portfolio.Members.Select(m => m.Id).Should().Equal("alpha");
    }

    [Fact]
    public void A_program_that_includes_a_portfolio_is_told_so_not_that_the_portfolio_is_a_task_without_duration()
    {
        const string Portfolio = "portfolio org \"Org\" {\n  program \"alpha/program.tpm\"\n}\n";
        var resolver = Resolver(
            ("other.tpm", "portfolio other \"Other\" {\n  program \"alpha/program.tpm\"\n}\n"),
            ("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  include \"../other.tpm\"\n  task x { duration 1d }\n}\n"));
        var portfolio = Check(Portfolio, resolver);

        // Before: "other.tpm(1,11): error TPM2002: task 'other' has neither effort, duration nor estimate".
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1004");
        d.Message.Should().Be("'../other.tpm' is portfolio 'other'; an included file holds members only (a portfolio names its programs, not the other way round)");
        d.Location!.Value.Path.Should().Be("alpha/program.tpm");
        d.Location!.Value.Start.Line.Should().Be(3);
    }

    [Fact]
    public void A_program_alone_that_includes_a_portfolio_gets_the_include_error()
    {
        var resolver = Resolver(("portfolio.tpm", "portfolio org {\n  program \"alpha/program.tpm\"\n}\n"));
        var program = TpmProgram.Parse("program alpha {\n  start 2027-03-01\n  include \"portfolio.tpm\"\n  task x { duration 1d }\n}\n", "program.tpm", resolver: resolver);
        program.Diagnostics.Select(d => d.Code).Should().Equal("TPM1004");
    }

    [Fact]
    public void Many_programs_on_one_person_give_bounded_reports_not_each_naming_every_program()
    {
        // 60 programs book ana on the same days: 60 TPM2103s. Each named all 60 programs and carried the other 59
        // assignments, so N programs gave N² text (1,200 programs: 14 MB from `tpm check`).
        const int N = 60;
        var files = Enumerable.Range(1, N).Select(i => ("p" + i + "/program.tpm", Program("p" + i, "task t { duration 3d  assign ana }"))).ToList();
        files.Add(("people.tpm", People));
        var resolver = Resolver(files.ToArray());
        var portfolio = Check("portfolio org {\n" + string.Concat(Enumerable.Range(1, N).Select(i => "  program \"p" + i + "/program.tpm\"\n")) + "}\n", resolver);

        var found = portfolio.Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        found.Should().HaveCount(N, "each program hears about it at its own assignment");
        found[0].Message.Should().Be("person 'ana' is booked over 100% on 2027-03-01..2027-03-03 across programs: " +
            "p1 (ws.t), p2 (ws.t), p3 (ws.t), p4 (ws.t), p5 (ws.t) and 55 more; level them together with `tpm schedule portfolio.tpm`, or move the work");
        found.Should().OnlyContain(d => d.AdditionalLocations.Count <= 50);
    }

    [Fact]
    public void Every_prefix_of_a_portfolio_as_typed_in_an_editor_compiles_to_diagnostics_without_throwing()
    {
        const string Text = "portfolio org \"Org\" {\n  leveling on\n  include \"people.tpm\"\n  person cy \"Cy\" { calendar emea }\n" +
            "  calendar emea \"E\" { holiday 2027-03-03 }\n  program \"alpha/program.tpm\" { priority 800  note \"x\" }\n  program \"beta/program.tpm\"\n}\n";
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 5d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 5d  assign ana }")));
        for (int length = 0; length <= Text.Length; length++)
        {
            foreach (var schedule in new[] { false, true })
            {
                var portfolio = TpmPortfolio.Parse(Text.Substring(0, length), "portfolio.tpm", resolver, new PortfolioCompileOptions { Schedule = schedule });
                if (length < Text.Length - 1) portfolio.HasErrors.Should().BeTrue("the prefix of length {0} is unfinished", length);
                portfolio.Diagnostics.Where(d => d.Location is null).Should().BeEmpty("each diagnostic of the prefix of length {0} is located", length);
            }
        }
    }

    [Fact]
    public void A_portfolio_that_shares_another_portfolio_file_is_told_once_at_its_include()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("other.tpm", "portfolio other {\n  program \"alpha/program.tpm\"\n}\n"),
            ("alpha/program.tpm", Program("alpha", "task train { duration 5d  assign ana }")));
        var portfolio = Check("portfolio org {\n  include \"other.tpm\"\n  program \"alpha/program.tpm\"\n}\n", resolver);

        // Before: also TPM1201 "portfolio 'other' is in 'other.tpm', which the portfolio shares ...: move it into a program".
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1004");
        d.Message.Should().StartWith("'other.tpm' is portfolio 'other'; an included file holds members only");
        d.Location!.Value.Path.Should().Be("portfolio.tpm");
        d.Location!.Value.Start.Line.Should().Be(2);
    }

    // Once every level's solve tabulated every program's calendars afresh and spent at least one decoding whatever its
    // share: 100 one-task programs at 100 priorities tried 88,459 schedules, and 1,200 at 1,000 priorities took 173 s in
    // `tpm schedule`. Tiny levels still try many schedules each (they are cheap); the work, which is what the budget
    // bounds, stays within the normal effort's.
    [Fact]
    public void Many_programs_at_many_priorities_level_within_the_normal_budget()
    {
        const int N = 100;
        var files = Enumerable.Range(1, N).Select(i => ("p" + i + "/program.tpm", Program("p" + i, "task t { duration 3d  assign ana }"))).ToList();
        files.Add(("people.tpm", People));
        var text = "portfolio org {\n" + string.Concat(Enumerable.Range(1, N).Select(i => "  program \"p" + i + "/program.tpm\" { priority " + i + " }\n")) + "}\n";
        var portfolio = TpmPortfolio.Parse(text, "portfolio.tpm", Resolver(files.ToArray()), new PortfolioCompileOptions { Schedule = true });

        portfolio.Schedule.Should().NotBeNull();
        portfolio.Schedule!.LevelingWork.Should().BeLessThanOrEqualTo(ProgramDsl.Scheduling.Leveling.RcpspSolver.NormalWork + ProgramDsl.Scheduling.Leveling.RcpspSolver.NormalWork / 20,
            "the normal effort's work budget in total, give or take the last schedule of each level");
        portfolio.Schedule.Programs.OrderByDescending(p => p.Member.Priority).Select(p => p.FinishDate).Should().BeInAscendingOrder()
            .And.OnlyHaveUniqueItems("one person, 3 days a program: each waits for every program above it");
    }
}
