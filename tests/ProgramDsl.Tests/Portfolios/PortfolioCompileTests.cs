using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Portfolios.PortfolioKit;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>Loading a portfolio: its entries (TPM1201, TPM1004/1006, TPM1102), shared members, and the identity rule.</summary>
public class PortfolioCompileTests
{
    private static InMemorySourceResolver TwoPrograms() => Resolver(
        ("people.tpm", People),
        ("alpha/program.tpm", Program("alpha", "task train { duration 5d  assign ana }")),
        ("beta/program.tpm", Program("beta", "task clean { duration 5d  assign ben }")));

    private static TpmPortfolio Load(string portfolio, InMemorySourceResolver resolver) => Check(portfolio, resolver);

    [Fact]
    public void Each_program_is_compiled_with_its_priority_and_the_block_is_bound()
    {
        var portfolio = Load(Lines(
            "portfolio org \"Org\" {",
            "  leveling off",
            "  program \"alpha/program.tpm\" { priority 800 }",
            "  program \"./beta/../beta/program.tpm\"",
            "}"), TwoPrograms());
        portfolio.Diagnostics.Should().BeEmpty();
        portfolio.HasErrors.Should().BeFalse();
        portfolio.Model!.Id.Should().Be("org");
        portfolio.Model.Title.Should().Be("Org");
        portfolio.Model.Leveling.Should().BeFalse();
        portfolio.Model.Programs.Select(p => (p.Path, p.Priority)).Should().Equal(("alpha/program.tpm", 800), ("./beta/../beta/program.tpm", 500));
        portfolio.Members.Select(m => (m.Id, m.Path, m.Priority)).Should().Equal(("alpha", "alpha/program.tpm", 800), ("beta", "beta/program.tpm", 500));
        portfolio.Members.Should().OnlyContain(m => m.Program.Schedule != null, "each program is scheduled as it stands");
        portfolio.Members[0].Location.Start.Line.Should().Be(3);
        portfolio.Shared.Should().BeEmpty("alpha uses ana and beta ben: no person is used by both");
        portfolio.Schedule.Should().BeNull();
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    [InlineData("2.5")]
    public void A_priority_outside_1_to_1000_is_an_invalid_value(string priority)
    {
        var portfolio = Load("portfolio org {\n  program \"alpha/program.tpm\" { priority " + priority + " }\n}\n", TwoPrograms());
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1102");
        d.Message.Should().Be("priority is a whole number from 1 to 1000, not " + priority);
        d.Location!.Value.Start.Line.Should().Be(2);
        d.Location!.Value.Start.Column.Should().Be(42);
    }

    [Fact]
    public void Leveling_takes_on_or_off_once()
    {
        var portfolio = Load("portfolio org {\n  leveling sometimes\n  leveling on\n  program \"alpha/program.tpm\" { priority 5  priority 6 }\n}\n", TwoPrograms());
        portfolio.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line)).Should().Equal(("TPM1102", 2), ("TPM1103", 3), ("TPM1103", 4));
        portfolio.Diagnostics[0].Message.Should().Be("'sometimes' is not a valid leveling mode; use on, off");
        portfolio.Members.Single().Priority.Should().Be(5);
    }

    [Fact]
    public void A_fragment_or_another_portfolio_is_not_a_program()
    {
        var resolver = TwoPrograms().Add("other.tpm", "portfolio other { program \"alpha/program.tpm\" }\n");
        var portfolio = Load("portfolio org {\n  program \"people.tpm\"\n  program \"other.tpm\"\n  program \"alpha/program.tpm\"\n}\n", resolver);
        portfolio.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column)).Should().Equal(("TPM1201", 2, 11), ("TPM1201", 3, 11));
        portfolio.Diagnostics[0].Message.Should().StartWith("'people.tpm' is not a program file: it holds no 'program' block");
        portfolio.Diagnostics[1].Message.Should().StartWith("'other.tpm' is not a program file: it holds another portfolio");
        portfolio.Members.Select(m => m.Id).Should().Equal("alpha");
    }

    [Fact]
    public void The_same_program_named_twice_is_reported_at_the_second_entry()
    {
        var portfolio = Load("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/../alpha/program.tpm\" { priority 900 }\n}\n", TwoPrograms());
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1201");
        d.Location!.Value.Start.Line.Should().Be(3);
        d.Message.Should().Be("the portfolio already names program 'beta/../alpha/program.tpm' (at portfolio.tpm(2,11)); name each program once");
        d.AdditionalLocations.Single().Start.Line.Should().Be(2);
        portfolio.Members.Should().ContainSingle();
    }

    [Fact]
    public void Two_files_with_one_program_id_are_reported()
    {
        var resolver = TwoPrograms().Add("gamma/program.tpm", Program("alpha", "task x { duration 1d }"));
        var portfolio = Load("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"gamma/program.tpm\"\n}\n", resolver);
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1201");
        d.Location!.Value.Start.Line.Should().Be(3);
        d.Message.Should().StartWith("program 'gamma/program.tpm' has the id 'alpha', like 'alpha/program.tpm' (at portfolio.tpm(2,11))");
    }

    [Fact]
    public void A_portfolio_without_programs_or_a_file_without_a_portfolio_is_reported()
    {
        var empty = Load("portfolio org \"Org\" {\n  leveling on\n}\n", TwoPrograms());
        empty.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("portfolio 'org' names no programs; add one: program \"<folder>/program.tpm\"");
        empty.Diagnostics[0].Code.Should().Be("TPM1201");
        empty.Diagnostics[0].Location!.Value.Start.Column.Should().Be(11);

        var none = Load("person ana\n", TwoPrograms());
        none.Model.Should().BeNull();
        none.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("TPM1201");

        var stray = Load("portfolio org { program \"alpha/program.tpm\" }\nperson ana\n", TwoPrograms());
        stray.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("'person' is outside the portfolio block; move it inside 'portfolio { ... }'");
    }

    [Fact]
    public void A_program_path_that_cannot_be_read_is_located_at_the_path_string()
    {
        var resolver = Resolver(
            ("ws/alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  task x { duration 1d }\n}\n"),
            ("elsewhere/program.tpm", "program elsewhere {\n  start 2027-03-01\n  task x { duration 1d }\n}\n"));
        resolver.Workspace = "ws";
        var portfolio = TpmPortfolio.Parse("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"missing/program.tpm\"\n  program \"../elsewhere/program.tpm\"\n}\n",
            "ws/portfolio.tpm", resolver, new PortfolioCompileOptions { Schedule = false });
        portfolio.Diagnostics.Select(d => (d.Code, d.Location!.Value.Path, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column))
            .Should().Equal(("TPM1004", "ws/portfolio.tpm", 3, 11), ("TPM1006", "ws/portfolio.tpm", 4, 11));
        portfolio.Diagnostics[0].Message.Should().Be("cannot read program 'missing/program.tpm': no such file (looked for 'ws/missing/program.tpm')");
        portfolio.Members.Select(m => m.Id).Should().Equal("alpha");
    }

    [Fact]
    public void A_program_may_live_above_the_portfolio_when_the_workspace_allows_it()
    {
        var resolver = TwoPrograms();
        resolver.Workspace = ".";
        var portfolio = TpmPortfolio.Parse("portfolio org {\n  program \"../alpha/program.tpm\"\n}\n", "plans/portfolio.tpm", resolver, new PortfolioCompileOptions { Schedule = false });
        portfolio.Diagnostics.Should().BeEmpty();
        portfolio.Members.Single().Path.Should().Be("alpha/program.tpm");
    }

    [Fact]
    public void A_program_error_is_the_portfolios_error()
    {
        var resolver = TwoPrograms().Add("bad/program.tpm", "program bad {\n  start 2027-03-01\n  task t { duration 1d  assign nobody }\n}\n");
        var portfolio = Load("portfolio org {\n  program \"bad/program.tpm\"\n}\n", resolver);
        portfolio.HasErrors.Should().BeTrue();
        portfolio.Diagnostics.Should().ContainSingle().Which.Location!.Value.Path.Should().Be("bad/program.tpm");
    }

    [Fact]
    public void Members_declared_in_the_portfolio_or_its_includes_are_visible_to_every_program_as_one_declaration()
    {
        // The programs include nothing themselves: ana comes from the portfolio's include, gpu from its block.
        var resolver = Resolver(
            ("shared/people.tpm", "person ana \"Ana\"\n"),
            ("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  task train { duration 5d  assign ana  uses gpu 2 }\n}\n"),
            ("beta/program.tpm", "program beta {\n  start 2027-03-01\n  include \"../shared/people.tpm\"\n  task clean { duration 5d  assign ana  uses gpu 1 }\n}\n"));
        var portfolio = Load(Lines(
            "portfolio org {",
            "  include \"shared/people.tpm\"",
            "  resource gpu \"GPUs\" { capacity 4 }",
            "  program \"alpha/program.tpm\"",
            "  program \"beta/program.tpm\"",
            "}"), resolver);

        // beta's own include of the same fragment is satisfied once: no 'already included', no duplicate 'ana'.
        portfolio.Diagnostics.Where(d => d.Code != "TPM2103").Select(d => d.ToString()).Should().BeEmpty();
        portfolio.Shared.Select(s => (s.Id, s.Kind, s.CapacityUnits, s.Declaration.Path)).Should().Equal(
            ("ana", SymbolKind.Person, 1000, "shared/people.tpm"), ("gpu", SymbolKind.Resource, 4, "portfolio.tpm"));
        var ana = portfolio.Shared[0];
        ana.Uses.Select(u => u.Member.Id).Should().Equal("alpha", "beta");
        ana.Uses.Should().OnlyContain(u => u.Symbol.Location.Path == "shared/people.tpm" && u.Symbol.Location.Span.Equals(ana.Declaration.Span));
        ana.Uses[0].Symbol.Should().NotBeSameAs(ana.Uses[1].Symbol, "each program binds the declaration itself");

        // The shared members come first, as if included first; the program's own files stay first in its trees.
        var alpha = portfolio.Members[0].Program;
        alpha.Model!.People.Single().Id.Should().Be("ana");
        alpha.SyntaxTrees[0].Source.Path.Should().Be("alpha/program.tpm");
        alpha.SyntaxTrees.Select(t => t.Source.Path).Should().Contain(new[] { "portfolio.tpm", "shared/people.tpm" });
    }

    [Fact]
    public void A_shared_member_declared_again_by_a_program_is_a_duplicate_in_that_program()
    {
        var resolver = Resolver(
            ("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  person ana\n  task t { duration 1d  assign ana }\n}\n"),
            ("beta/program.tpm", "program beta {\n  start 2027-03-01\n  task t { duration 1d  assign ana }\n}\n"));
        var portfolio = Load("portfolio org {\n  person ana\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", resolver);
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1002");
        d.Location!.Value.Path.Should().Be("alpha/program.tpm");
        d.AdditionalLocations.Single().Path.Should().Be("portfolio.tpm");
    }

    [Fact]
    public void A_mistake_in_a_shared_member_is_reported_once()
    {
        var resolver = Resolver(
            ("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  task t { duration 1d  assign ana }\n}\n"),
            ("beta/program.tpm", "program beta {\n  start 2027-03-01\n  task t { duration 1d  assign ana }\n}\n"));
        var portfolio = Load("portfolio org {\n  person ana { calendar nowhere }\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", resolver);
        var d = portfolio.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM1001");
        d.Location!.Value.Path.Should().Be("portfolio.tpm");
    }

    [Fact]
    public void The_same_id_in_two_files_is_two_people()
    {
        var resolver = Resolver(
            ("alpha/people.tpm", "person ana \"Ana\"\n"),
            ("beta/people.tpm", "person ana \"Ana\"\n"),
            ("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  include \"people.tpm\"\n  task t { duration 5d  assign ana }\n}\n"),
            ("beta/program.tpm", "program beta {\n  start 2027-03-01\n  include \"people.tpm\"\n  task t { duration 5d  assign ana }\n}\n"));
        var portfolio = Load("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", resolver);
        portfolio.Shared.Should().BeEmpty();
        portfolio.Diagnostics.Should().BeEmpty("two people called ana are two people: neither is over-booked");
    }

    [Fact]
    public void One_file_named_two_ways_is_one_declaration_by_the_resolvers_identity()
    {
        // 'link/people.tpm' names 'people.tpm' (a symbolic link, as the CLI's resolver would tell).
        var resolver = new LinkResolver();
        resolver.Add("people.tpm", "person ana\n");
        resolver.Add("link/people.tpm", "person ana\n");
        resolver.Add("alpha/program.tpm", "program alpha {\n  start 2027-03-01\n  include \"../people.tpm\"\n  task t { duration 5d  assign ana }\n}\n");
        resolver.Add("beta/program.tpm", "program beta {\n  start 2027-03-01\n  include \"../link/people.tpm\"\n  task t { duration 5d  assign ana }\n}\n");
        var portfolio = TpmPortfolio.Parse("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", "portfolio.tpm", resolver,
            new PortfolioCompileOptions { Schedule = false });
        portfolio.Shared.Should().ContainSingle().Which.Id.Should().Be("ana");
        portfolio.Diagnostics.Where(d => d.Code == "TPM2103").Should().HaveCount(2);
    }

    [Fact]
    public void Load_reads_the_portfolio_through_the_resolver()
    {
        var resolver = TwoPrograms().Add("portfolio.tpm", "portfolio org {\n  program \"alpha/program.tpm\"\n}\n");
        TpmPortfolio.Load("portfolio.tpm", resolver).Members.Single().Id.Should().Be("alpha");
        var missing = TpmPortfolio.Load("nope.tpm", resolver);
        missing.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("TPM1004");
        missing.Model.Should().BeNull();
    }

    private sealed class LinkResolver : ISourceResolver, ISourceIdentity
    {
        private readonly InMemorySourceResolver _files = new();

        public void Add(string path, string text) => _files.Add(path, text);

        public string ResolvePath(string includingPath, string includePath) => _files.ResolvePath(includingPath, includePath);

        public bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error) => _files.TryReadText(path, out text, out error);

        public string Identify(string path) => SourcePaths.Normalize(path).Replace("link/", string.Empty);
    }
}

/// <summary>Scheduling a portfolio (<see cref="PortfolioCompileOptions.Schedule"/>) levels its programs together through the public API.</summary>
public class PortfolioScheduleTests
{
    [Fact]
    public void Two_programs_booking_ana_are_leveled_together_the_higher_priority_first()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 10d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 10d  assign ana }")));
        var portfolio = TpmPortfolio.Parse("portfolio org {\n  program \"alpha/program.tpm\" { priority 400 }\n  program \"beta/program.tpm\" { priority 600 }\n}\n", "portfolio.tpm", resolver);
        portfolio.Diagnostics.Should().BeEmpty();
        portfolio.Schedule.Should().NotBeNull();
        var alpha = portfolio.Members[0].Program.Schedule!.Tasks.Single();
        var beta = portfolio.Members[1].Program.Schedule!.Tasks.Single();
        beta.StartDate.ToString().Should().Be("2027-03-01", "beta has the higher priority");
        beta.FinishDate.ToString().Should().Be("2027-03-12");
        alpha.StartDate.ToString().Should().Be("2027-03-15");
        portfolio.Schedule!.Programs.Select(p => p.Member.Id).Should().Equal("alpha", "beta");
    }

    [Fact]
    public void Leveling_off_or_errors_leave_the_portfolio_unscheduled_together()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 10d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 10d  assign nobody }")));
        var off = TpmPortfolio.Parse("portfolio org {\n  leveling off\n  program \"alpha/program.tpm\"\n}\n", "portfolio.tpm", resolver);
        off.Schedule.Should().BeNull();
        off.Members.Single().Program.Schedule.Should().NotBeNull("with leveling off each program is scheduled as it stands");
        var broken = TpmPortfolio.Parse("portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", "portfolio.tpm", resolver);
        broken.HasErrors.Should().BeTrue();
        broken.Schedule.Should().BeNull();
    }
}
