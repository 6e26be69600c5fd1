using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using static ProgramDsl.Tests.Portfolios.PortfolioKit;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>TPM2103: shared people and pools over-booked by programs scheduled each on its own.</summary>
public class CrossProgramLoadTests
{
    private const string TwoPrograms = "portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n";

    [Fact]
    public void Ana_booked_full_time_by_two_programs_is_reported_at_each_programs_assignment()
    {
        // alpha: ws.train is ana full time for 10 working days from Mon 2027-03-01 (to Fri 03-12); beta: ws.clean the same.
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 10d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 10d  assign ana }")));
        var portfolio = Check(TwoPrograms, resolver);

        portfolio.Members.Select(m => m.Id).Should().Equal("alpha", "beta");
        portfolio.Shared.Select(s => s.Id).Should().Equal("ana");
        var found = portfolio.Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        found.Should().HaveCount(2);
        found.Select(d => d.Message).Distinct().Should().ContainSingle().Which.Should().Be(
            "person 'ana' is booked over 100% on 2027-03-01..2027-03-12 across programs: alpha (ws.train), beta (ws.clean); " +
            "level them together with `tpm schedule portfolio.tpm`, or move the work");

        // Line 5, column 39 of each program ("    task train { duration 10d  assign " is 38 characters): the 'ana' of 'assign ana'.
        found[0].Location!.Value.Path.Should().Be("alpha/program.tpm");
        found[0].Location!.Value.Start.Line.Should().Be(5);
        found[0].Location!.Value.Start.Column.Should().Be(39);
        found[0].AdditionalLocations.Should().ContainSingle().Which.Path.Should().Be("beta/program.tpm");
        found[1].Location!.Value.Path.Should().Be("beta/program.tpm");
        found[1].Location!.Value.Start.Line.Should().Be(5);
        found[1].Location!.Value.Start.Column.Should().Be(39);
        found[1].AdditionalLocations.Should().ContainSingle().Which.Path.Should().Be("alpha/program.tpm");
        found.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning);
    }
}

/// <summary>Pools: units add up across programs against the capacity.</summary>
public class CrossProgramPoolTests
{
    private const string TwoPrograms = "portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n";

    private static TpmPortfolio WithUnits(int alpha, int beta) => Check(TwoPrograms, Resolver(
        ("people.tpm", People),
        ("alpha/program.tpm", Program("alpha", "task train { duration 3d  uses gpu " + alpha + " }")),
        // beta's task starts two working days later: they overlap on Wed 03-03 only.
        ("beta/program.tpm", Program("beta", "task tune { duration 2d  not-before 2027-03-03  uses gpu " + beta + " }"))));

    [Fact]
    public void Three_and_two_units_of_a_pool_of_four_collide_on_the_day_both_hold_them()
    {
        var portfolio = WithUnits(3, 2);
        portfolio.Shared.Should().ContainSingle().Which.CapacityUnits.Should().Be(4);
        var found = portfolio.Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        found.Select(d => d.Location!.Value.Path).Should().Equal("alpha/program.tpm", "beta/program.tpm");
        found[0].Message.Should().Be("resource 'gpu' is booked over its 4 units on 2027-03-03 across programs: alpha (ws.train), beta (ws.tune); " +
            "level them together with `tpm schedule portfolio.tpm`, or move the work");
        // At the 'gpu 3' of alpha's 'uses gpu 3' (line 5, column 36: "    task train { duration 3d  uses " is 35 characters) and the 'gpu 2' of beta's.
        found[0].Location!.Value.Start.Line.Should().Be(5);
        found[0].Location!.Value.Start.Column.Should().Be(36);
        found[0].Location!.Value.Text.Should().Be("gpu 3");
        found[1].Location!.Value.Text.Should().Be("gpu 2");
        found[0].AdditionalLocations.Single().Text.Should().Be("gpu 2");
    }

    [Fact]
    public void Two_and_two_units_of_a_pool_of_four_fit()
    {
        WithUnits(2, 2).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Scheduling_together_does_not_report_the_collision_checking_does()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 3d  uses gpu 3 }")),
            ("beta/program.tpm", Program("beta", "task tune { duration 3d  uses gpu 3 }")));
        TpmPortfolio.Parse(TwoPrograms, "portfolio.tpm", resolver).Diagnostics.Where(d => d.Code == "TPM2103").Should().BeEmpty("tpm schedule levels them together");
        TpmPortfolio.Parse(TwoPrograms, "portfolio.tpm", resolver, new PortfolioCompileOptions { LevelTogether = false })
            .Diagnostics.Where(d => d.Code == "TPM2103").Should().HaveCount(2, "--no-level schedules each as it stands");
        Check(TwoPrograms, resolver, levelTogether: null).Diagnostics.Where(d => d.Code == "TPM2103").Should().HaveCount(2, "tpm check checks them as they stand");
        Check("portfolio org {\n  leveling off\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n", resolver, levelTogether: null)
            .Diagnostics.Where(d => d.Code == "TPM2103").Should().HaveCount(2, "'leveling off' checks the programs as they stand");
    }

    [Fact]
    public void A_person_at_half_time_in_each_program_is_not_over_booked_and_runs_are_split_by_free_days()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task a { duration 2d  assign ana 50% }", "task b { duration 2d  assign ana  after a }", "task c { duration 1d  assign ana  after b }")),
            ("beta/program.tpm", Program("beta", "task x { duration 2d  assign ana 50% }", "task y { duration 1d  assign ana  not-before 2027-03-03 }", "task z { duration 1d  assign ana  not-before 2027-03-05 }")));
        // Days: 03-01, 03-02 at 50% + 50% (fits); 03-03 alpha.b + beta.y (over); 03-04 alpha.b only; 03-05 alpha.c + beta.z (over).
        var found = Check(TwoPrograms, resolver).Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        found.Should().HaveCount(2);
        found[0].Message.Should().StartWith("person 'ana' is booked over 100% on 2027-03-03, 2027-03-05 across programs: alpha (ws.b, ws.c), beta (ws.y, ws.z);");
        found[0].Location!.Value.Path.Should().Be("alpha/program.tpm");
        found[0].Location!.Value.Start.Line.Should().Be(6, "ws.b, the first of alpha's tasks on those days");
        found[0].AdditionalLocations.Select(l => (l.Path, l.Start.Line)).Should().Equal(("alpha/program.tpm", 7), ("beta/program.tpm", 6), ("beta/program.tpm", 7));
    }
}

/// <summary>TPM2104: programs sharing a declaration with no portfolio naming them.</summary>
public class SharedWithoutPortfolioTests
{
    [Fact]
    public void Programs_using_one_declared_person_are_reported_once_at_the_declaration_with_a_portfolio_to_add()
    {
        var resolver = Resolver(
            ("plans/people.tpm", People),
            ("plans/alpha/program.tpm", Program("alpha", "task train { duration 5d  assign ana  uses gpu }")),
            ("plans/beta/program.tpm", Program("beta", "task clean { duration 5d  assign ana  uses gpu }")),
            ("plans/gamma/program.tpm", Program("gamma", "task other { duration 5d  assign ben }")));
        var programs = new[] { "plans/alpha/program.tpm", "plans/beta/program.tpm", "plans/gamma/program.tpm" }.Select(p => TpmProgram.Load(p, resolver)).ToList();
        var found = TpmPortfolio.SharedWithoutPortfolio(programs, "plans", resolver);
        var d = found.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM2104");
        d.Severity.Should().Be(ProgramDsl.Diagnostics.DiagnosticSeverity.Warning);
        d.Location!.Value.Path.Should().Be("plans/people.tpm");
        d.Location!.Value.Start.Line.Should().Be(1);
        d.Location!.Value.Text.Should().Be("ana");
        d.AdditionalLocations.Single().Text.Should().Be("gpu");
        d.Message.Should().Be("person 'ana' and resource 'gpu' are each declared once and used by programs alpha (plans/alpha/program.tpm) and beta (plans/beta/program.tpm), " +
            "but no portfolio names them, so their loads are not checked together; add a portfolio file, such as 'portfolio.tpm': " +
            "portfolio plans { program \"alpha/program.tpm\"  program \"beta/program.tpm\" }");
    }

    [Fact]
    public void Programs_with_their_own_people_are_not_reported()
    {
        var resolver = Resolver(
            ("a/program.tpm", "program a {\n  start 2027-03-01\n  person ana\n  task t { duration 1d  assign ana }\n}\n"),
            ("b/program.tpm", "program b {\n  start 2027-03-01\n  person ana\n  task t { duration 1d  assign ana }\n}\n"));
        var programs = new[] { "a/program.tpm", "b/program.tpm" }.Select(p => TpmProgram.Load(p, resolver)).ToList();
        TpmPortfolio.SharedWithoutPortfolio(programs, ".", resolver).Should().BeEmpty();
    }
}
