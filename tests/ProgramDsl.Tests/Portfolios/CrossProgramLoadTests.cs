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
