using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using ProgramDsl.Baselines;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm baseline save</c>: a frozen schedule written beside the plan, whole, only where it may go.</summary>
    public class BaselineCommandTests
    {
        // Cost 4,200; three tasks and a milestone (worked out at Plans.Frozen).
        private const string Plan = Plans.Frozen;

        private static string SchemaPath => Path.Combine(RepositoryPaths.Root, "docs", "schemas", "baseline.schema.json");

        private static EvaluationResults Validate(string json) =>
            JsonSchema.FromText(File.ReadAllText(SchemaPath)).Evaluate(JsonNode.Parse(json), new EvaluationOptions { OutputFormat = OutputFormat.List });

        [Fact]
        public void Save_writes_the_frozen_schedule_beside_the_plan_and_says_how_to_name_it()
        {
            using var temp = new TempFolder();
            temp.Write("plans/demo.tpm", Plan);

            var result = Tpm.Run(temp.Path, "baseline", "save", "plans/demo.tpm", "--name", "q1");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(
                "wrote plans/demo.baseline.q1.json: baseline 'q1' of program demo, 3 tasks and 1 milestone, finish 2027-03-10, cost 4,200\n" +
                "measure the plan against it: commit it, and name it in the program block: baseline \"demo.baseline.q1.json\"\n");
            result.Error.Should().BeEmpty();

            var written = File.ReadAllText(Path.Combine(temp.Path, "plans", "demo.baseline.q1.json"));
            var read = BaselineJson.Read(written, "plans/demo.baseline.q1.json");
            read.Diagnostics.Should().BeEmpty();
            var snapshot = read.Snapshot!;
            (snapshot.Name, snapshot.ProgramId, snapshot.Finish.ToString(), snapshot.Cost).Should().Be(("q1", "demo", "2027-03-10", 4200m));
            snapshot.Items.Select(i => (i.Id, i.Start.ToString(), i.Finish.ToString(), i.Cost)).Should().Equal(
                ("data.collect", "2027-03-01", "2027-03-04", 2000m),
                ("data.clean", "2027-03-05", "2027-03-10", 1600m),
                ("docs", "2027-03-05", "2027-03-08", 600m),
                ("ready", "2027-03-10", "2027-03-10", 0m));
            // The same bytes as the library writes for the same schedule: the command adds nothing of its own.
            written.Should().Be(BaselineJson.Write(BaselineSnapshot.Capture(TpmProgram.Parse(Plan, "plans/demo.tpm").Schedule!, "q1")));
        }

        [Fact]
        public void Without_a_name_the_baseline_is_called_baseline_and_quiet_prints_nothing()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            (result.Out, result.Error).Should().Be(("", ""));
            BaselineJson.Read(File.ReadAllText(Path.Combine(temp.Path, "plan.baseline.json")), "x.json").Snapshot!.Name.Should().Be("baseline");
        }

        [Fact]
        public void An_existing_baseline_is_kept_without_force_and_replaced_with_it()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            var target = temp.Write("plan.baseline.q1.json", "{ \"kept\": true }\n");

            var refused = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "-n", "q1");

            refused.ExitCode.Should().Be(2, refused.ToString());
            refused.Error.Should().Be("tpm: error: 'plan.baseline.q1.json' already exists; use --force to replace it, or --name to save another baseline\n");
            refused.Out.Should().BeEmpty();
            File.ReadAllText(target).Should().Be("{ \"kept\": true }\n");

            var forced = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "-n", "q1", "--force", "--quiet");
            forced.ExitCode.Should().Be(0, forced.ToString());
            var first = File.ReadAllText(target);
            BaselineJson.Read(first, "plan.baseline.q1.json").Snapshot!.Items.Should().HaveCount(4);

            // Saved again from the same plan and options: the same bytes, so a re-save shows no change in git.
            Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "-n", "q1", "--force", "--quiet").ExitCode.Should().Be(0);
            File.ReadAllText(target).Should().Be(first);
            Directory.GetFiles(temp.Path, "*.tmp", SearchOption.AllDirectories).Should().BeEmpty("the atomic write leaves no staged file behind");
        }

        [Fact]
        public void A_broken_baseline_the_program_names_is_replaced_with_force_since_that_is_how_it_is_fixed()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan.Replace("  currency EUR\n", "  currency EUR\n  baseline \"plan.baseline.q1.json\"\n"));
            var target = temp.Write("plan.baseline.q1.json", "{ \"format_version\": 1, \"name\": 7 }\n");

            var result = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "-n", "q1", "--force");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().Contain("TPM1104", "the old file's problem is still reported");
            Tpm.Lines(result.Out).Should().Equal(
                "wrote plan.baseline.q1.json: baseline 'q1' of program demo, 3 tasks and 1 milestone, finish 2027-03-10, cost 4,200",
                "the program names this baseline: tpm status and tpm schedule measure against it");
            BaselineJson.Read(File.ReadAllText(target), "plan.baseline.q1.json").Diagnostics.Should().BeEmpty();

            // Now it reads: the plan compiles clean against its own baseline.
            var check = Tpm.Run(temp.Path, "check", "plan.tpm", "--quiet");
            (check.ExitCode, check.Out).Should().Be((0, ""));
        }

        [Fact]
        public void A_program_with_errors_writes_nothing()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan.Replace("after collect }", "after nowhere }"));

            var result = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().Contain("TPM1001").And.EndWith("tpm: no baseline written: the program has errors\n");
            result.Out.Should().BeEmpty();
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("plan.tpm");
        }

        [Fact]
        public void A_cost_larger_than_a_baseline_holds_writes_nothing_rather_than_a_baseline_every_check_refuses()
        {
            // decimal's largest cost: it compiled and saved, and then each 'tpm check' refused the file with TPM1104.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p {\n  start 2027-01-04\n  task a { duration 5d  cost 79228162514264337593543950335 }\n}\n");

            var result = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().Be("tpm: no baseline written: the program's cost 79,228,162,514,264,337,593,543,950,335 is more than a baseline holds (at most 10^22)\n");
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("plan.tpm");

            // At the limit it is written, validates and reads back.
            temp.Write("plan.tpm", "program p {\n  start 2027-01-04\n  task a { duration 5d  cost 10000000000000000000000 }\n}\n");
            Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "--quiet").ExitCode.Should().Be(0);
            var written = File.ReadAllText(Path.Combine(temp.Path, "plan.baseline.json"));
            Validate(written).IsValid.Should().BeTrue(written);
            BaselineJson.Read(written, "plan.baseline.json").Snapshot.Should().NotBeNull();
        }

        [Theory]
        [InlineData("-o", "../outside.json", "is outside the workspace")]
        [InlineData("-o", "plan.baseline.txt", "must end in .json")]
        [InlineData("--name", "../q1", "expects a name of letters, digits, '-' and '_'")]
        [InlineData("--name", "q1.json", "expects a name of letters, digits, '-' and '_'")]
        [InlineData("--name", "", "expects a name of letters, digits, '-' and '_'")]
        public void A_path_or_name_that_cannot_be_used_is_a_usage_error_and_nothing_is_written(string option, string value, string message)
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plan.tpm", Plan);

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "baseline", "save", "plan.tpm", option, value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().StartWith("tpm: error: ").And.Contain(message);
            Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Should().Equal("plan.tpm");
        }

        [Fact]
        public void A_link_out_of_the_workspace_is_not_followed()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
            temp.Write("repo/plan.tpm", Plan);
            // A folder link committed in a checkout, pointing out of it: the baseline would land outside.
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "out"), Path.Combine(temp.Path, "elsewhere"));

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "baseline", "save", "plan.tpm", "-o", "out/plan.baseline.json");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain("is outside the workspace");
            Directory.GetFiles(Path.Combine(temp.Path, "elsewhere")).Should().BeEmpty();
        }

        [Fact]
        public void A_fifo_or_a_folder_in_the_files_place_is_refused_even_with_force()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            Tpm.MakeFifo(Path.Combine(temp.Path, "plan.baseline.q1.json"));
            Directory.CreateDirectory(Path.Combine(temp.Path, "plan.baseline.q2.json"));

            var fifo = Tpm.RunBounded(temp.Path, 60, "baseline", "save", "plan.tpm", "-n", "q1", "--force");
            var folder = Tpm.RunBounded(temp.Path, 60, "baseline", "save", "plan.tpm", "-n", "q2", "--force");

            fifo.ExitCode.Should().Be(2, fifo.ToString());
            fifo.Error.Should().Contain("not a regular file");
            folder.ExitCode.Should().Be(2, folder.ToString());
            folder.Error.Should().Contain("not a regular file");
        }

        [Fact]
        public void Written_baselines_validate_against_the_documented_schema()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "--quiet").ExitCode.Should().Be(0);
            var written = File.ReadAllText(Path.Combine(temp.Path, "plan.baseline.json"));
            Validate(written).IsValid.Should().BeTrue(written);

            // Every example program too: estimates, roles, parts of people, deadlines, budgets and nested workstreams.
            foreach (var example in Directory.GetFiles(RepositoryPaths.Examples, "program.tpm", SearchOption.AllDirectories).OrderBy(p => p, System.StringComparer.Ordinal))
            {
                var compiled = TpmProgram.Compile(new ProgramDsl.Text.SourceText(example, File.ReadAllText(example)), new ProgramDsl.Cli.Infrastructure.FileSystemSourceResolver(new ProgramDsl.Cli.Infrastructure.PhysicalFileSystem(), RepositoryPaths.Root), new TpmCompileOptions());
                if (compiled.Schedule is null) continue;
                var json = BaselineJson.Write(BaselineSnapshot.Capture(compiled.Schedule, "q1"));
                var results = Validate(json);
                results.IsValid.Should().BeTrue(example + ": " + string.Join("; ", results.Details.Where(d => d.Errors != null).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + " " + e.Value))));
            }

            // The schema is not a formality: what the reader refuses, it refuses too.
            string Changed(System.Action<JsonNode> change)
            {
                var node = JsonNode.Parse(written)!;
                change(node);
                return node.ToJsonString();
            }

            Validate(Changed(_ => { })).IsValid.Should().BeTrue("the same document, laid out otherwise");
            Validate(Changed(n => n["tasks"]![0]!["kind"] = "job")).IsValid.Should().BeFalse();
            Validate(Changed(n => n["format_version"] = 2)).IsValid.Should().BeFalse();
            Validate(Changed(n => n["tasks"]![0]!["start"] = "2027-3-1")).IsValid.Should().BeFalse();
            Validate(Changed(n => n["tasks"]![0]!["cost"] = -2000)).IsValid.Should().BeFalse();
            Validate(Changed(n => n["tasks"]![0]!["id"] = "data..collect")).IsValid.Should().BeFalse();
            Validate(Changed(n => n["tasks"]![0]!["critical"] = "yes")).IsValid.Should().BeFalse();
            Validate(Changed(n => n["tasks"]![0]!["assigned"]![0]!["share"] = 0)).IsValid.Should().BeFalse();
            Validate(Changed(n => n["program"]!.AsObject().Remove("id"))).IsValid.Should().BeFalse();
            Validate(Changed(n => n["extra"] = 1)).IsValid.Should().BeFalse();
        }
    }
}
