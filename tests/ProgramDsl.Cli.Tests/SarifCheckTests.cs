using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Reports;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm check --format sarif</c> as code-scanning services take it: valid SARIF 2.1.0 that passes the SARIF
    /// multitool's GitHub rules, paths relative to the repository root, fingerprints that follow a finding when lines move.
    /// </summary>
    public class SarifCheckTests
    {
        // Five diagnostics over two files: TPM1001, TPM1002 (with a related location) and TPM2003 in the program,
        // TPM2003 and TPM0001 in the included fragment.
        private const string Main =
            "program demo \"Demo\" {\n" +
            "  start 2027-01-04\n" +
            "  include \"parts/data.tpm\"\n" +
            "  task a \"A\" { duration 2d  after b }\n" +
            "  task a \"A again\" { effort 3d }\n" +
            "}\n";

        private const string Fragment =
            "task c \"C\" { effort 2d }\n" +
            "task d \"D\" { duration 1x }\n";

        private const string Outside =
            "program other \"Other\" {\n" +
            "  start 2027-01-04\n" +
            "  task e \"E\" { effort 2d }\n" +
            "}\n";

        /// <summary>A repository (a <c>.git</c> folder is what marks one) holding the plan in plans/.</summary>
        private static TempFolder Repository()
        {
            var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plans/main.tpm", Main);
            temp.Write("repo/plans/parts/data.tpm", Fragment);
            return temp;
        }

        private static JsonElement Run(string sarif)
        {
            using var document = JsonDocument.Parse(sarif);
            return document.RootElement.GetProperty("runs")[0].Clone();
        }

        private static IEnumerable<JsonElement> ArtifactLocations(JsonElement run) =>
            run.GetProperty("results").EnumerateArray().SelectMany(r =>
                    r.GetProperty("locations").EnumerateArray().Concat(r.TryGetProperty("relatedLocations", out var related) ? related.EnumerateArray() : Enumerable.Empty<JsonElement>()))
                .Select(l => l.GetProperty("physicalLocation").GetProperty("artifactLocation"));

        private static IReadOnlyList<string> Uris(JsonElement run) =>
            run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!).ToList();

        private static IReadOnlyList<string> Fingerprints(JsonElement run) =>
            run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifWriter.FingerprintKey).GetString()!).ToList();

        [SarifMultitoolFact]
        public void The_sarif_of_a_plan_with_includes_passes_the_multitool_and_the_sarif_2_1_0_schema()
        {
            using var temp = Repository();
            temp.Write("elsewhere/other.tpm", Outside);
            var repo = Path.Combine(temp.Path, "repo");

            var plain = Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif");
            var fromBelow = Tpm.Run(Path.Combine(repo, "plans", "parts"), "check", "../main.tpm", "--format", "sarif", "--category", "tpm/plans");
            var outside = Tpm.Run(repo, "check", "plans/main.tpm", "../elsewhere/other.tpm", "--format", "sarif");
            plain.ExitCode.Should().Be(1, plain.ToString());
            fromBelow.ExitCode.Should().Be(1, fromBelow.ToString());
            outside.ExitCode.Should().Be(1, outside.ToString());
            Run(plain.Out).GetProperty("results").GetArrayLength().Should().Be(5);

            // A log written the old way (no fullDescription, no help) shows that the validator does report GitHub's rules here.
            using var canary = JsonDocument.Parse(plain.Out);
            var stripped = System.Text.Json.Nodes.JsonNode.Parse(plain.Out)!;
            foreach (var rule in stripped["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray())
            {
                rule!.AsObject().Remove("fullDescription");
                rule.AsObject().Remove("help");
            }

            var files = new[]
            {
                temp.Write("logs/plain.sarif", plain.Out),
                temp.Write("logs/from-below.sarif", fromBelow.Out),
                temp.Write("logs/outside.sarif", outside.Out),
                temp.Write("logs/canary.sarif", stripped.ToJsonString()),
                temp.Write("logs/every-rule.sarif", EveryRule()),
            };
            var reported = SarifMultitool.Validate(files);

            reported[files[0]].Should().BeEmpty();
            reported[files[1]].Should().BeEmpty();
            reported[files[2]].Should().BeEmpty();
            reported[files[3]].Should().Contain(r => r.StartsWith("GH2012 error", StringComparison.Ordinal));
            reported[files[4]].Should().BeEmpty();
            foreach (var log in new[] { plain.Out, fromBelow.Out, outside.Out, File.ReadAllText(files[4]) }) SarifMultitool.SchemaErrors(log).Should().BeEmpty();
        }

        // One result for every code in the catalogue, at every level: each rule's name, descriptions and help pass too.
        private static string EveryRule()
        {
            var source = new ProgramDsl.Text.SourceText("plans/all.tpm", "program p \"P\" {\n  start 2027-01-04\n}\n");
            var at = new ProgramDsl.Text.SourceLocation(source, new ProgramDsl.Text.TextSpan(8, 1));
            var severities = new[] { ProgramDsl.Diagnostics.DiagnosticSeverity.Error, ProgramDsl.Diagnostics.DiagnosticSeverity.Warning, ProgramDsl.Diagnostics.DiagnosticSeverity.Info, ProgramDsl.Diagnostics.DiagnosticSeverity.Hidden };
            var diagnostics = ProgramDsl.Diagnostics.DiagnosticCatalog.All
                .Select((d, i) => new ProgramDsl.Diagnostics.Diagnostic(d, severities[i % severities.Length], d.Title.ToLowerInvariant() + " at 'p'", at))
                .ToList();
            return SarifWriter.ToSarif(diagnostics, "1.0.0", new SarifOptions { SourceRootUri = "file:///repo/" });
        }

        [SarifMultitoolFact]
        public void The_schema_check_catches_what_the_multitool_skips()
        {
            using var temp = Repository();
            var sarif = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/main.tpm", "--format", "sarif").Out;
            var broken = sarif.Replace("\"startLine\": 4,", "\"startLine\": \"4\",");
            broken.Should().NotBe(sarif);

            SarifMultitool.SchemaErrors(sarif).Should().BeEmpty();
            SarifMultitool.SchemaErrors(broken).Should().NotBeEmpty();
        }

        [Fact]
        public void Paths_are_relative_to_the_git_work_tree_from_any_current_folder()
        {
            using var temp = Repository();
            var repo = Path.Combine(temp.Path, "repo");

            var atRoot = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out);
            var below = Run(Tpm.Run(Path.Combine(repo, "plans", "parts"), "check", "../main.tpm", "--format", "sarif").Out);

            Uris(atRoot).Should().Equal("plans/main.tpm", "plans/main.tpm", "plans/main.tpm", "plans/parts/data.tpm", "plans/parts/data.tpm");
            Uris(below).Should().Equal(Uris(atRoot));
            foreach (var run in new[] { atRoot, below })
            {
                run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()
                    .Should().Be(new Uri(repo + "/").AbsoluteUri).And.StartWith("file:///").And.EndWith("/");
                foreach (var location in ArtifactLocations(run))
                {
                    location.GetProperty("uriBaseId").GetString().Should().Be("%SRCROOT%");
                    var uri = location.GetProperty("uri").GetString()!;
                    uri.Should().NotContain("..").And.NotStartWith("/").And.NotContain(":");
                }
            }

            Fingerprints(below).Should().Equal(Fingerprints(atRoot));
        }

        [Fact]
        public void Without_a_work_tree_the_root_is_the_current_folder()
        {
            using var temp = new TempFolder();
            temp.Write("plans/main.tpm", Main);
            temp.Write("plans/parts/data.tpm", Fragment);

            var run = Run(Tpm.Run(temp.Path, "check", "plans/main.tpm", "--format", "sarif").Out);

            run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().Should().Be(new Uri(temp.Path + "/").AbsoluteUri);
            Uris(run).Should().Equal("plans/main.tpm", "plans/main.tpm", "plans/main.tpm", "plans/parts/data.tpm", "plans/parts/data.tpm");
        }

        [Fact]
        public void Source_root_sets_the_folder_paths_are_relative_to()
        {
            using var temp = Repository();
            var repo = Path.Combine(temp.Path, "repo");

            var run = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif", "--source-root", "plans").Out);

            run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().Should().Be(new Uri(repo + "/plans/").AbsoluteUri);
            Uris(run).Should().Equal("main.tpm", "main.tpm", "main.tpm", "parts/data.tpm", "parts/data.tpm");
        }

        [Fact]
        public void A_source_root_that_is_not_a_folder_is_a_usage_error()
        {
            using var temp = Repository();

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/main.tpm", "--format", "sarif", "--source-root", "nowhere");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Contain("--source-root 'nowhere' is not a folder");
        }

        [Theory]
        [InlineData("--source-root", "plans")]
        [InlineData("--category", "tpm")]
        public void The_sarif_options_are_usage_errors_with_another_format(string option, string value)
        {
            using var temp = Repository();

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/main.tpm", option, value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Contain("--source-root and --category apply to --format sarif only");
        }

        [Fact]
        public void Findings_in_files_outside_the_root_are_notifications_not_results_and_say_so()
        {
            using var temp = Repository();
            temp.Write("elsewhere/other.tpm", Outside);

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/main.tpm", "../elsewhere/other.tpm", "--format", "sarif");

            result.ExitCode.Should().Be(1, result.ToString());
            var run = Run(result.Out);
            Uris(run).Should().HaveCount(5).And.OnlyContain(u => u.StartsWith("plans/", StringComparison.Ordinal));
            foreach (var location in ArtifactLocations(run)) location.GetProperty("uri").GetString().Should().NotContain("..").And.NotContain(":");
            result.Out.Should().NotContain("file://" + temp.Path + "/elsewhere");
            var invocation = run.GetProperty("invocations")[0];
            invocation.GetProperty("executionSuccessful").GetBoolean().Should().BeTrue();
            var notification = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().Should().ContainSingle().Subject;
            notification.GetProperty("message").GetProperty("text").GetString().Should().Be(
                "../elsewhere/other.tpm(3,16): warning TPM2003: task 'e' has effort 2d but nobody assigned, so it is taken as a duration of 2 working days; assign someone or use 'duration' (not a result: its file lies outside the source root)");
            notification.GetProperty("associatedRule").GetProperty("id").GetString().Should().Be("TPM2003");
            result.Error.Should().Be("tpm: 1 diagnostic lies outside the source root '" + Path.Combine(temp.Path, "repo") +
                "': the SARIF log lists it as a tool notification, not a result (set --source-root to a folder holding every file)\n");

            var quiet = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/main.tpm", "../elsewhere/other.tpm", "--format", "sarif", "--quiet");
            quiet.Error.Should().BeEmpty();
            quiet.Out.Should().Be(result.Out);
        }

        [Fact]
        public void Fingerprints_follow_a_finding_when_lines_are_inserted_above_it_or_it_is_reindented()
        {
            using var temp = Repository();
            var repo = Path.Combine(temp.Path, "repo");
            var before = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out);

            temp.Write("repo/plans/main.tpm", "// moved down by a comment\n\n" + Main.Replace("  task a \"A again\"", "      task a   \"A again\""));
            temp.Write("repo/plans/parts/data.tpm", "// notes\n" + Fragment);
            var after = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out);

            var lines = (JsonElement run) => run.GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32()).ToList();
            lines(before).Should().Equal(4, 5, 5, 1, 2);
            lines(after).Should().Equal(6, 7, 7, 2, 3);
            Fingerprints(after).Should().Equal(Fingerprints(before));
            Fingerprints(before).Should().OnlyHaveUniqueItems();

            // A change to the finding's own line is a change to the finding.
            temp.Write("repo/plans/parts/data.tpm", Fragment.Replace("effort 2d", "effort 4d"));
            var edited = Fingerprints(Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out));
            edited.Where((f, i) => f != Fingerprints(before)[i]).Should().ContainSingle().Which.Should().Be(edited[3]);
        }

        [Fact]
        public void Category_names_the_run_for_code_scanning_and_none_is_written_by_default()
        {
            using var temp = Repository();
            var repo = Path.Combine(temp.Path, "repo");

            var named = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif", "--category", "tpm/plans").Out);
            var plain = Run(Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out);

            named.GetProperty("automationDetails").GetProperty("id").GetString().Should().Be("tpm/plans/");
            plain.TryGetProperty("automationDetails", out _).Should().BeFalse();
            Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif", "--category", "/").ExitCode.Should().Be(2);
        }

        [Fact]
        public void The_log_is_byte_identical_from_run_to_run()
        {
            using var temp = Repository();
            var repo = Path.Combine(temp.Path, "repo");

            var first = Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out;
            var second = Tpm.Run(repo, "check", "plans/main.tpm", "--format", "sarif").Out;

            second.Should().Be(first);
            first.Should().NotContain("\r").And.NotContain("Time").And.EndWith("}\n");
        }
    }
}
