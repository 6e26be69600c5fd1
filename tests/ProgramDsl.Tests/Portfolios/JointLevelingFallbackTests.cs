using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using static ProgramDsl.Tests.Portfolios.PortfolioKit;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>
/// Programs that share people but cannot be leveled together (the joint leveling passes its work ceiling, or runs past
/// 9999-12-31) are scheduled each on its own: that is said at the portfolio's entries, and their collisions are TPM2103.
/// </summary>
public class JointLevelingFallbackTests
{
    private const string TwoPrograms = "portfolio org {\n  program \"alpha/program.tpm\"\n  program \"beta/program.tpm\"\n}\n";

    private static TpmPortfolio Schedule(InMemorySourceResolver resolver, ScheduleOptions? scheduling = null) =>
        TpmPortfolio.Parse(TwoPrograms, "portfolio.tpm", resolver, new PortfolioCompileOptions
        {
            Schedule = true,
            Program = new TpmCompileOptions { Scheduling = scheduling ?? ScheduleOptions.Default },
        });

    [Fact]
    public void Past_the_work_ceiling_the_programs_are_scheduled_alone_and_their_collision_is_reported()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 10d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 10d  assign ana }")));

        // A ceiling of one work unit: not even one joint schedule fits.
        var portfolio = Schedule(resolver, new ScheduleOptions { WorkCeiling = 1 });

        var stopped = portfolio.Diagnostics.Where(d => d.Code == "TPM2007" && d.Message.Contains("not leveled together")).ToList();
        stopped.Should().ContainSingle();
        var found = stopped[0];
        found.Severity.Should().Be(DiagnosticSeverity.Warning);
        found.Message.Should().StartWith("leveling stopped: programs 'alpha', 'beta' are not leveled together: the joint leveling stopped after ")
            .And.EndWith(" work units (resources booked day by day over very long spans); each is scheduled on its own and the people and pools they share may be over-booked (TPM2103)");
        // At alpha's entry (line 2, the path string), beta's entry as the additional location.
        found.Location!.Value.Path.Should().Be("portfolio.tpm");
        found.Location!.Value.Start.Line.Should().Be(2);
        found.Location!.Value.Text.Should().Contain("alpha/program.tpm");
        found.AdditionalLocations.Should().ContainSingle().Which.Text.Should().Contain("beta/program.tpm");

        // Each program as it stands: both on ana from Mon 2027-03-01, so she is double-booked, and it is said.
        portfolio.Members.Select(m => m.Program.Schedule!.FinishDate.ToString()).Should().Equal("2027-03-12", "2027-03-12");
        var collisions = portfolio.Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        collisions.Should().HaveCount(2);
        collisions.Select(d => d.Message).Distinct().Should().ContainSingle().Which.Should().Be(
            "person 'ana' is booked over 100% on 2027-03-01..2027-03-12 across programs: alpha (ws.train), beta (ws.clean); " +
            "level them together with `tpm schedule portfolio.tpm`, or move the work");
        collisions.Select(d => d.Location!.Value.Path).Should().Equal("alpha/program.tpm", "beta/program.tpm");
        portfolio.HasErrors.Should().BeFalse();
    }

    [Fact]
    public void Within_the_ceiling_the_same_portfolio_is_leveled_together_without_a_collision()
    {
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", Program("alpha", "task train { duration 10d  assign ana }")),
            ("beta/program.tpm", Program("beta", "task clean { duration 10d  assign ana }")));

        var portfolio = Schedule(resolver);

        portfolio.Diagnostics.Should().NotContain(d => d.Code == "TPM2103" || d.Code == "TPM2007" || d.Code == "TPM2005");
        portfolio.Members.Select(m => m.Program.Schedule!.FinishDate.ToString()).OrderBy(x => x).Should().Equal("2027-03-12", "2027-03-26");
    }

    [Fact]
    public void Programs_that_fit_the_calendar_alone_but_not_together_are_scheduled_alone_and_their_collision_is_reported()
    {
        // Mon 9999-12-20: 6 working days each fit alone (to Mon 9999-12-27); one after the other, 12 do not fit by Fri 9999-12-31.
        static string NearTheEnd(string id, string task) => Lines(
            "program " + id + " {",
            "  start 9999-12-20",
            "  include \"../people.tpm\"",
            "  workstream ws {",
            "    task " + task + " { duration 6d  assign ana }",
            "  }",
            "}");
        var resolver = Resolver(
            ("people.tpm", People),
            ("alpha/program.tpm", NearTheEnd("alpha", "train")),
            ("beta/program.tpm", NearTheEnd("beta", "clean")));

        var portfolio = Schedule(resolver);

        var beyond = portfolio.Diagnostics.Where(d => d.Code == "TPM2005").ToList();
        beyond.Should().ContainSingle().Which.Message.Should().Be(
            "programs 'alpha', 'beta' are not leveled together: their joint leveled schedule runs past 9999-12-31; each is scheduled on its own " +
            "and the people and pools they share may be over-booked (TPM2103); check the durations, lags and dates");
        beyond[0].Location!.Value.Text.Should().Contain("alpha/program.tpm");
        beyond[0].AdditionalLocations.Should().ContainSingle().Which.Text.Should().Contain("beta/program.tpm");

        portfolio.Members.Select(m => m.Program.Schedule!.FinishDate.ToString()).Should().Equal("9999-12-27", "9999-12-27");
        var collisions = portfolio.Diagnostics.Where(d => d.Code == "TPM2103").ToList();
        collisions.Should().HaveCount(2);
        collisions[0].Message.Should().StartWith("person 'ana' is booked over 100% on 9999-12-20..9999-12-27 across programs: alpha (ws.train), beta (ws.clean)");
    }
}
