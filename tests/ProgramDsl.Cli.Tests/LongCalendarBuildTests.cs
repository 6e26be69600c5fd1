using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Plans whose work lies at both ends of the calendar (0001 and 9999, about 2.6 million working days apart): the
    /// leveler and the report's forecast cost what the plan books, not the span, so the build ends in seconds.
    /// </summary>
    public class LongCalendarBuildTests
    {
        // Twenty people with a vacation at each end; the last two tasks end on 9999-12-31, the calendar's last day
        // (9999-12-20 is a Monday; with 21..22 off, p0 has exactly 8 working days left).
        private static string BothEnds()
        {
            var people = string.Concat(Enumerable.Range(0, 20).Select(i =>
                "  person p" + i + " \"P" + i + "\" { vacation 0001-01-0" + (3 + i % 5) + "..0001-01-0" + (3 + i % 5) + "  vacation 9999-12-21..9999-12-22 }\n"));
            var all = string.Join(", ", Enumerable.Range(0, 20).Select(i => "p" + i));
            return "program ends \"Ends\" {\n  start 0001-01-01\n" + people +
                   "  task a \"Early\" { estimate 2d 3d 5d  assign " + all + " }\n" +
                   "  task y \"Late\" { effort 5d  assign p0  not-before 9999-12-20 }\n" +
                   "  task z \"Last\" { effort 3d  assign p0  not-before 9999-12-20 }\n" +
                   "}\n";
        }


        [Fact]
        public void Build_of_a_plan_at_both_ends_of_the_calendar_writes_every_artefact_with_the_full_forecast()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", BothEnds());

            var result = Tpm.RunBounded(temp.Path, 60, "build", "plan.tpm", "--out", "out");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().NotContain("TPM2005").And.NotContain("TPM2007").And.NotContain("internal error");
            foreach (var file in ProgramDsl.Reports.Artefacts.ArtefactCatalog.All.SelectMany(e => e.FileNames))
            {
                File.ReadAllText(Path.Combine(temp.Path, "out", "ends", file)).Should().NotBeEmpty(file);
            }

            File.ReadAllText(Path.Combine(temp.Path, "out", "ends", "schedule.json")).Should().Contain("9999-12-31");
        }

        [Fact]
        public void Forecast_of_a_plan_at_both_ends_of_the_calendar_runs_every_iteration()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", BothEnds());

            var result = Tpm.RunBounded(temp.Path, 60, "forecast", "plan.tpm", "-n", "2000");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("2,000");
            result.Error.Should().NotContain("TPM2007");
        }
    }
}
