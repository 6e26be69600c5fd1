using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    public class CheckCommandTests
    {
        [Fact]
        public void A_valid_plan_exits_0_and_prints_only_the_summary()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "check", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("1 program checked: 0 errors, 0 warnings\n");
        }

        [Fact]
        public void Errors_exit_1_with_canonical_lines_on_stdout()
        {
            using var temp = new TempFolder();
            temp.Write("plans/bad.tpm", Plans.WithError);

            var result = Tpm.Run(temp.Path, "check", "plans/bad.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plans/bad.tpm(3,35): error TPM1001: " + Plans.ErrorLine + "\n");
            result.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
        }

        [Fact]
        public void Warnings_alone_exit_0()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "warn.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be("warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine + "\n");
            result.Error.Should().Be("1 program checked: 0 errors, 1 warning\n");
        }

        [Fact]
        public void Warnaserror_turns_a_warning_into_an_error_and_exit_1()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "warn.tpm", "--warnaserror");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("warn.tpm(3,16): error TPM2003: " + Plans.WarningLine + "\n");
            result.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
        }

        [Fact]
        public void Quiet_drops_the_summary()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "warn.tpm", "--quiet");

            result.ExitCode.Should().Be(0);
            result.Out.Should().Contain("warning TPM2003");
            result.Error.Should().BeEmpty();
        }

        [Fact]
        public void A_folder_expands_to_its_program_files_recursively_sorted_and_skips_fragments()
        {
            using var temp = new TempFolder();
            // Each program has the same warning, so the order of the lines shows the order of the files.
            temp.Write("plans/zeta.tpm", Plans.WithWarning);
            temp.Write("plans/alpha/program.tpm", Plans.WithWarning);
            temp.Write("plans/alpha/teams.tpm", Plans.Fragment);
            temp.Write("plans/beta/deep/er/plan.tpm", Plans.WithWarning);
            temp.Write("plans/Upper.TPM", Plans.WithWarning);
            temp.Write("plans/notes.txt", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "plans");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Select(l => l.Substring(0, l.IndexOf('('))).Should().Equal(
                "plans/Upper.TPM",
                "plans/alpha/program.tpm",
                "plans/beta/deep/er/plan.tpm",
                "plans/zeta.tpm");
            result.Error.Should().Be("4 programs checked: 0 errors, 4 warnings\n");
        }

        [Fact]
        public void A_file_named_twice_is_checked_once()
        {
            using var temp = new TempFolder();
            temp.Write("plans/warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "plans/warn.tpm", "plans");

            Tpm.Lines(result.Out).Should().HaveCount(1);
            result.Error.Should().Be("1 program checked: 0 errors, 1 warning\n");
        }

        [Fact]
        public void Several_paths_are_checked_in_the_order_given_and_any_error_gives_exit_1()
        {
            using var temp = new TempFolder();
            temp.Write("b.tpm", Plans.WithWarning);
            temp.Write("a.tpm", Plans.WithError);
            temp.Write("c.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "check", "b.tpm", "a.tpm", "c.tpm");

            result.ExitCode.Should().Be(1);
            Tpm.Lines(result.Out).Should().Equal(
                "b.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                "a.tpm(3,35): error TPM1001: " + Plans.ErrorLine);
            result.Error.Should().Be("3 programs checked: 1 error, 1 warning\n");
        }

        [Fact]
        public void A_folder_without_program_files_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("plans/teams.tpm", Plans.Fragment);

            var result = Tpm.Run(temp.Path, "check", "plans");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("tpm: error: no .tpm program files found in 'plans'\n");
        }

        [Fact]
        public void Diagnostics_in_an_included_fragment_name_the_fragment()
        {
            using var temp = new TempFolder();
            temp.Write("plans/program.tpm",
                "program p \"P\" {\n  start 2027-03-01\n  include \"people/team.tpm\"\n  task t \"T\" { effort 2d  assign zoe }\n}\n");
            temp.Write("plans/people/team.tpm", "person zoe \"Zoe\" { rate 100/d }\nperson zoe \"Zoe again\"\n");

            var result = Tpm.Run(temp.Path, "check", "plans");

            result.ExitCode.Should().Be(1, result.ToString());
            Tpm.Lines(result.Out).Should().ContainSingle().Which.Should().StartWith("plans/people/team.tpm(2,8): error TPM1002: 'zoe' is already defined");
            result.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
        }

        [Fact]
        public void Json_format_prints_one_document_for_all_files()
        {
            using var temp = new TempFolder();
            temp.Write("a.tpm", Plans.WithError);
            temp.Write("b.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "a.tpm", "b.tpm", "--format", "json");

            result.ExitCode.Should().Be(1);
            result.Error.Should().BeEmpty("machine-readable formats print no summary");
            var json = JsonDocument.Parse(result.Out).RootElement;
            json.GetProperty("errors").GetInt32().Should().Be(1);
            json.GetProperty("warnings").GetInt32().Should().Be(1);
            var rows = json.GetProperty("diagnostics").EnumerateArray()
                .Select(d => $"{d.GetProperty("file").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}) {d.GetProperty("severity").GetString()} {d.GetProperty("code").GetString()}")
                .ToList();
            rows.Should().Equal("a.tpm(3,35) error TPM1001", "b.tpm(3,16) warning TPM2003");
        }

        [Fact]
        public void Json_format_of_a_valid_plan_is_an_empty_list_and_exit_0()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "check", "plan.tpm", "-f", "json");

            result.ExitCode.Should().Be(0);
            result.Out.Should().Be("{\n  \"format_version\": 1,\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
        }

        [Fact]
        public void Sarif_format_prints_a_sarif_log()
        {
            using var temp = new TempFolder();
            temp.Write("my plans/bad.tpm", Plans.WithError);

            var result = Tpm.Run(temp.Path, "check", "my plans/bad.tpm", "--format", "sarif");

            result.ExitCode.Should().Be(1);
            var log = JsonDocument.Parse(result.Out).RootElement;
            log.GetProperty("version").GetString().Should().Be("2.1.0");
            var run = log.GetProperty("runs")[0];
            run.GetProperty("tool").GetProperty("driver").GetProperty("name").GetString().Should().Be("tpm");
            run.GetProperty("tool").GetProperty("driver").GetProperty("semanticVersion").GetString().Should().Be(CliApplication.Version);
            var only = run.GetProperty("results").EnumerateArray().Should().ContainSingle().Subject;
            only.GetProperty("ruleId").GetString().Should().Be("TPM1001");
            only.GetProperty("level").GetString().Should().Be("error");
            var physical = only.GetProperty("locations")[0].GetProperty("physicalLocation");
            physical.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("my%20plans/bad.tpm");
            physical.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(3);
            physical.GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(35);
        }

        [Fact]
        public void Warnaserror_applies_to_json_output_too()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "warn.tpm", "--format", "json", "--warnaserror");

            result.ExitCode.Should().Be(1);
            var json = JsonDocument.Parse(result.Out).RootElement;
            json.GetProperty("errors").GetInt32().Should().Be(1);
            json.GetProperty("diagnostics")[0].GetProperty("severity").GetString().Should().Be("error");
        }

        [Fact]
        public void Output_is_byte_identical_across_runs()
        {
            using var temp = new TempFolder();
            temp.Write("a.tpm", Plans.WithError);
            temp.Write("b.tpm", Plans.WithWarning);

            foreach (var format in new[] { "text", "json", "sarif" })
            {
                var first = Tpm.Run(temp.Path, "check", ".", "--format", format);
                var second = Tpm.Run(temp.Path, "check", ".", "--format", format);
                second.Out.Should().Be(first.Out, format);
                first.Out.Should().NotBeEmpty();
            }
        }
    }
}
