using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Severities from .globalconfig files, the .NET way (design §5).</summary>
    public class SeverityConfigTests
    {
        private static string Config(string severity) => "is_global = true\ndotnet_diagnostic.TPM2003.severity = " + severity + "\n";

        [Fact]
        public void A_globalconfig_in_the_plans_folder_can_raise_a_warning_to_an_error()
        {
            using var temp = new TempFolder();
            temp.Write("plans/warn.tpm", Plans.WithWarning);
            temp.Write("plans/.globalconfig", Config("error"));

            var result = Tpm.Run(temp.Path, "check", "plans/warn.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plans/warn.tpm(3,16): error TPM2003: " + Plans.WarningLine + "\n");
        }

        [Fact]
        public void None_removes_the_diagnostic()
        {
            using var temp = new TempFolder();
            temp.Write("plans/warn.tpm", Plans.WithWarning);
            temp.Write("plans/.globalconfig", Config("none"));

            var result = Tpm.Run(temp.Path, "check", "plans/warn.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("1 program checked: 0 errors, 0 warnings\n");
        }

        [Fact]
        public void Suggestion_prints_an_info_line_and_exits_0()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write(".globalconfig", Config("suggestion"));

            var result = Tpm.Run(temp.Path, "check", "warn.tpm");

            result.ExitCode.Should().Be(0);
            result.Out.Should().Be("warn.tpm(3,16): info TPM2003: " + Plans.WarningLine + "\n");
        }

        [Fact]
        public void Silent_hides_the_diagnostic_from_the_text_output()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write(".globalconfig", Config("silent"));

            var result = Tpm.Run(temp.Path, "check", "warn.tpm");

            result.ExitCode.Should().Be(0);
            result.Out.Should().BeEmpty();
        }

        [Fact]
        public void A_config_in_a_parent_folder_applies_and_a_nearer_one_wins()
        {
            using var temp = new TempFolder();
            temp.Write(".globalconfig", Config("error"));
            temp.Write("a/warn.tpm", Plans.WithWarning);
            temp.Write("b/warn.tpm", Plans.WithWarning);
            temp.Write("b/.globalconfig", Config("warning"));

            Tpm.Run(temp.Path, "check", "a/warn.tpm").Out.Should().Contain("error TPM2003");
            Tpm.Run(temp.Path, "check", "b/warn.tpm").Out.Should().Contain("warning TPM2003");
        }

        [Fact]
        public void Each_file_gets_the_configs_of_its_own_folder()
        {
            using var temp = new TempFolder();
            temp.Write("plans/strict/warn.tpm", Plans.WithWarning);
            temp.Write("plans/strict/.globalconfig", Config("error"));
            temp.Write("plans/relaxed/warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "check", "plans");

            result.ExitCode.Should().Be(1);
            Tpm.Lines(result.Out).Should().Equal(
                "plans/relaxed/warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                "plans/strict/warn.tpm(3,16): error TPM2003: " + Plans.WarningLine);
        }

        [Fact]
        public void The_config_option_replaces_the_folder_configs()
        {
            using var temp = new TempFolder();
            temp.Write("plans/warn.tpm", Plans.WithWarning);
            temp.Write("plans/.globalconfig", Config("error"));
            temp.Write("ci/quiet.globalconfig", Config("none"));
            temp.Write("ci/strict.globalconfig", Config("error"));

            Tpm.Run(temp.Path, "check", "plans/warn.tpm", "--config", "ci/quiet.globalconfig").ExitCode.Should().Be(0);
            var strict = Tpm.Run(temp.Path, "check", "plans/warn.tpm", "--config", "ci/strict.globalconfig");
            strict.ExitCode.Should().Be(1);
            strict.Out.Should().Contain("error TPM2003");
        }

        [Fact]
        public void The_schedule_command_honours_the_config_too()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write(".globalconfig", Config("error"));

            var result = Tpm.Run(temp.Path, "schedule", "warn.tpm", "--format", "json");

            result.ExitCode.Should().Be(1);
            result.Out.Should().Contain("\"severity\": \"error\"").And.Contain("\"tasks\": []");
        }

        [Fact]
        public void Warnaserror_does_not_resurrect_a_suppressed_warning()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write(".globalconfig", Config("none"));

            var result = Tpm.Run(temp.Path, "check", "warn.tpm", "--warnaserror");

            result.ExitCode.Should().Be(0);
            result.Out.Should().BeEmpty();
        }
    }
}
