using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm schedule</c> and <c>tpm build</c> on a plan that names a frozen baseline on disk: the slips reach the
    /// table, the JSON, the Gantt chart and the report. Figures as in <see cref="ScheduleBaselineTableTests"/>.
    /// </summary>
    public class BaselineArtefactCommandTests
    {
        // Frozen as 'q1': design Mar 1..Mar 3, build Mar 4..Mar 9, docs Mar 4..Mar 5, legacy Mar 1, beta Mar 9; finish Mar 9.
        private const string Frozen =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  task design \"Design\" { duration 3d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 2d  after design }\n" +
            "  task legacy \"Legacy cleanup\" { duration 1d }\n" +
            "  milestone beta \"Beta\" { after build }\n" +
            "}\n";

        // Now: design +2, build +2, docs +1, review new, beta +2 (Mar 11); finish Mar 15, 4 working days later.
        // The tolerance lets beta slip 2 days without the TPM2203 warning.
        private const string Current =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  baseline \"demo.baseline.q1.json\"\n" +
            "  baseline-tolerance 5d\n" +
            "  task design \"Design\" { duration 5d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 1d  after design }\n" +
            "  task review \"Review\" { duration 2d  after build }\n" +
            "  milestone beta \"Beta\" { after build }\n" +
            "}\n";

        private static TempFolder Workspace()
        {
            var temp = new TempFolder();
            var frozen = TpmProgram.Parse(Frozen, "demo.tpm");
            frozen.HasErrors.Should().BeFalse();
            temp.Write("demo.baseline.q1.json", BaselineJson.Write(BaselineSnapshot.Capture(frozen.Schedule!, "q1")));
            temp.Write("demo.tpm", Current);
            return temp;
        }

        [Fact]
        public void Schedule_prints_the_slip_column_and_the_baseline_line()
        {
            using var temp = Workspace();
            var result = Tpm.Run(temp.Path, "schedule", "demo.tpm", "--no-level");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("   finish 2027-03-09, now 4 working days later\n");
            result.Out.Should().Contain("  since the baseline: 1 added, 1 removed (legacy)\n");
            var lines = result.Out.Split('\n');
            lines.Single(l => l.StartsWith("*  design ")).Should().EndWith("  +2d");
            lines.Single(l => l.StartsWith("   docs ")).Should().EndWith("  +1d");
            lines.Single(l => l.StartsWith("*  review ")).Should().EndWith("  new");
        }

        [Fact]
        public void Schedule_json_has_the_baseline_object_and_each_tasks_slip()
        {
            using var temp = Workspace();
            var result = Tpm.Run(temp.Path, "schedule", "demo.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            var baseline = json.RootElement.GetProperty("baseline");
            baseline.GetProperty("name").GetString().Should().Be("q1");
            baseline.GetProperty("file").GetString().Should().Be("demo.baseline.q1.json", "the path as the plan names it, from the folder tpm runs in");
            baseline.GetProperty("finish_slip_days").GetInt32().Should().Be(4);
            baseline.GetProperty("removed").EnumerateArray().Select(e => e.GetString()).Should().Equal("legacy");
            json.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("slip_days").ValueKind == JsonValueKind.Null ? "new" : t.GetProperty("slip_days").GetInt32().ToString())
                .Should().Equal("2", "2", "1", "new", "2");
        }

        [Fact]
        public void Build_writes_the_baseline_into_the_json_the_gantt_chart_and_the_report()
        {
            using var temp = Workspace();
            var result = Tpm.Run(temp.Path, "build", "demo.tpm", "--out", "out", "--emit", "json,html,md", "--iterations", "0");

            result.ExitCode.Should().Be(0, result.ToString());
            var folder = Path.Combine(temp.Path, "out", "demo");
            File.ReadAllText(Path.Combine(folder, "schedule.json")).Should().Contain("\"finish_slip_days\": 4");
            var gantt = File.ReadAllText(Path.Combine(folder, "gantt.html"));
            gantt.Should().Contain("<rect class=\"bl\" x=\"36\" y=\"17\" width=\"72\" height=\"4\">", "build's baseline bar, Mar 4..Mar 9 at 12 pixels a day");
            File.ReadAllText(Path.Combine(folder, "report.md")).Should().Contain("| `beta` | Beta | — | — | 2027-03-09 | 2027-03-11 | +2d | — |");
        }
    }
}
