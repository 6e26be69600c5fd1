using System.IO;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>The real executable: arguments, exit codes, streams and encoding as a shell or CI sees them.</summary>
    public class ProcessTests
    {
        private const string Hello = "examples/hello/program.tpm";

        [Fact]
        public void Schedule_table_of_the_hello_example()
        {
            var result = TpmProcess.Run(RepositoryPaths.Root, "schedule", Hello);

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().StartWith("Program hello \"Hello, plan\"\n");
            result.Out.Should().Contain("\nCritical path, with resources (2 tasks): report → done\n");
            result.Out.Should().NotContain("\u001b[", "redirected output is not a terminal").And.NotContain("\r");
            result.Out.Should().Be(Tpm.Run(RepositoryPaths.Root, "schedule", Hello).Out, "the in-process harness must match the executable");
        }

        [Fact]
        public void Schedule_json_of_the_hello_example()
        {
            var result = TpmProcess.Run(RepositoryPaths.Root, "schedule", Hello, "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out[0].Should().Be('{', "no byte-order mark or banner before the JSON");
            var program = JsonDocument.Parse(result.Out).RootElement.GetProperty("program");
            program.GetProperty("id").GetString().Should().Be("hello");
            program.GetProperty("finish").GetString().Should().Be("2027-02-03");
            program.GetProperty("duration_days").GetInt32().Should().Be(22);
            result.Out.Should().Be(Tpm.Run(RepositoryPaths.Root, "schedule", Hello, "--format", "json").Out);
        }

        [Fact]
        public void Check_of_a_plan_with_an_error_prints_the_canonical_line_and_exits_1()
        {
            using var temp = new TempFolder();
            temp.Write("plans/bad.tpm", Plans.WithError);

            var result = TpmProcess.Run(temp.Path, "check", "plans/bad.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plans/bad.tpm(3,35): error TPM1001: " + Plans.ErrorLine + "\n");
            result.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
        }

        [Fact]
        public void Check_with_an_absolute_path_reports_the_absolute_path()
        {
            using var temp = new TempFolder();
            var path = temp.Write("bad.tpm", Plans.WithError);

            var result = TpmProcess.Run(temp.Path, "check", path);

            result.ExitCode.Should().Be(1);
            // MSBuild's canonical form, which IDEs and CI annotate: path(line,col): error CODE: message
            Regex.IsMatch(result.Out.TrimEnd('\n'), @"^(?<path>.+)\((?<line>\d+),(?<col>\d+)\): error TPM1001: .+$").Should().BeTrue(result.Out);
            result.Out.Should().StartWith(path.Replace('\\', '/') + "(3,35): ");
        }

        [Theory]
        [InlineData("diff", "-ccore.pager=touch pwned")]
        [InlineData("check", "-ca=b")]
        [InlineData("schedule", "--contentRoot=/")]
        public void An_option_like_argument_the_host_could_read_as_configuration_is_a_usage_error_not_a_crash(string command, string argument)
        {
            using var temp = new TempFolder();
            temp.Write("program.tpm", Plans.Valid);

            var result = TpmProcess.Run(temp.Path, command, argument, "program.tpm");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().StartWith("tpm: error: ").And.NotContain("Unhandled exception").And.NotContain("   at ");
            File.Exists(Path.Combine(temp.Path, "pwned")).Should().BeFalse();
        }

        [Fact]
        public void A_missing_file_exits_2()
        {
            using var temp = new TempFolder();

            var result = TpmProcess.Run(temp.Path, "check", "missing.tpm");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("tpm: error: no such file or folder: 'missing.tpm'\n");
        }

        [Fact]
        public void An_unknown_command_exits_2()
        {
            var result = TpmProcess.Run(Path.GetTempPath(), "frob");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Contain("'frob'").And.Contain("tpm --help");
        }
    }
}
