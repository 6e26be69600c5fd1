using System.IO;
using ProgramDsl.Baselines;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// The CLI reads the baseline a plan names (<c>baseline "x.json"</c>) under the include rules: inside the workspace,
    /// a regular file of at most 64 MiB, and a real name ending in <c>.json</c>; nothing else is opened or quoted.
    /// </summary>
    public class BaselineStatementCliTests
    {
        private const string Agreed = "program churn \"Churn\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d }\n  milestone m \"M\" { after a }\n}\n";

        // The baseline path string is on line 3, column 12.
        private static string Naming(string baseline, string aDuration = "5d") =>
            "program churn \"Churn\" {\n  start 2027-01-04\n  baseline \"" + baseline + "\"\n  task a \"A\" { duration " + aDuration + " }\n  milestone m \"M\" { after a }\n}\n";

        private static string AgreedBaseline() => BaselineJson.Write(BaselineSnapshot.Capture(TpmProgram.Parse(Agreed).Schedule!, "q1"));

        private static string Real(TempFolder temp) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(temp.Path));

        [Fact]
        public void A_baseline_beside_the_plan_is_read_and_a_slipped_milestone_warned_about()
        {
            using var temp = new TempFolder();
            temp.Write("plans/churn.tpm", Naming("churn.baseline.q1.json", aDuration: "6d"));
            temp.Write("plans/churn.baseline.q1.json", AgreedBaseline());

            var result = Tpm.Run(temp.Path, "check", "plans/churn.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            // a: 2027-01-04..08 agreed, ..11 now: m slips from Friday to Monday, 1 working day.
            result.Out.Should().Be("plans/churn.tpm(5,13): warning TPM2203: milestone 'm' is now on 2027-01-11, 1 working day after its baseline date 2027-01-08 (baseline 'q1'), " +
                "more than the tolerance of 0 working days; bring the work back in, or agree the new date and save a new baseline\n");
        }

        [Fact]
        public void A_baseline_outside_the_workspace_is_refused_unread()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/churn.tpm", Naming("../outside.baseline.json"));
            temp.Write("outside.baseline.json", "{ \"format_version\": 1, \"name\": \"SECRET-VALUE\" }");
            temp.Write("repo/link.tpm", Naming("linked.json"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "linked.json"), Path.Combine(temp.Path, "outside.baseline.json"));

            var direct = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "churn.tpm");
            var linked = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "link.tpm");

            var outside = "it is outside the workspace '" + Real(temp) + "/repo'; only files inside it are read";
            direct.ExitCode.Should().Be(1, direct.ToString());
            direct.Out.Should().Be("churn.tpm(3,12): error TPM1104: cannot read baseline '../outside.baseline.json': " + outside + " (looked for '../outside.baseline.json')\n");
            linked.Out.Should().Be("link.tpm(3,12): error TPM1104: cannot read baseline 'linked.json': " + outside + " (looked for 'linked.json')\n");
            (direct.ToString() + linked).Should().NotContain("SECRET");
        }

        [Fact]
        public void A_file_not_named_json_is_not_a_baseline_and_is_not_quoted()
        {
            using var temp = new TempFolder();
            temp.Write("churn.tpm", Naming("token.txt"));
            temp.Write("token.txt", "ghp_SECRETTOKEN\n");
            temp.Write("link.tpm", Naming("token.json"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "token.json"), "token.txt");

            var named = Tpm.Run(temp.Path, "check", "churn.tpm");
            var linked = Tpm.Run(temp.Path, "check", "link.tpm");

            named.Out.Should().Be("churn.tpm(3,12): error TPM1104: cannot read baseline 'token.txt': it is not a baseline file; a baseline statement reads only files named '*.json' (looked for 'token.txt')\n");
            linked.Out.Should().Be("link.tpm(3,12): error TPM1104: cannot read baseline 'token.json': it is not a baseline file; a baseline statement reads only files named '*.json' (looked for 'token.json')\n",
                "the real name decides, as for includes");
            (named.ToString() + linked).Should().NotContain("SECRETTOKEN");
        }

        [Fact]
        public void A_fifo_baseline_is_refused_without_being_opened()
        {
            using var temp = new TempFolder();
            temp.Write("churn.tpm", Naming("pipe.json"));
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe.json"));

            var result = Tpm.RunBounded(temp.Path, 30, "check", "churn.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("churn.tpm(3,12): error TPM1104: cannot read baseline 'pipe.json': it is a FIFO (named pipe), not a regular file (looked for 'pipe.json')\n");
        }

        [Fact]
        public void A_malformed_baseline_is_reported_at_its_line_and_column()
        {
            using var temp = new TempFolder();
            temp.Write("churn.tpm", Naming("churn.baseline.json"));
            temp.Write("churn.baseline.json", "{\n  \"format_version\": 1,\n  \"name\": \"q1\",\n  \"program\": { \"id\": \"churn\", \"start\": \"2027-01-04\", \"finish\": \"2027-01-08\", \"cost\": 1e400 }\n}\n");

            var check = Tpm.Run(temp.Path, "check", "churn.tpm");

            check.ExitCode.Should().Be(1, check.ToString());
            check.Out.Should().Be("churn.baseline.json(4,86): error TPM1104: 'program.cost' must be a number from 0 to 10^22; write baselines with 'tpm baseline save' rather than by hand\n");
        }

        [Fact]
        public void A_missing_baseline_names_the_path_looked_for()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("plans/churn.tpm", Naming("../baselines/q1.json"));

            var result = Tpm.Run(temp.Path, "check", "plans/churn.tpm");

            result.Out.Should().Be("plans/churn.tpm(3,12): error TPM1104: cannot read baseline '../baselines/q1.json': file not found (looked for 'baselines/q1.json')\n");
        }
    }
}
