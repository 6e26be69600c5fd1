using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// A .globalconfig is read only when it is a regular file of at most 1 MiB, and what cannot be understood in it is a
    /// TPM0002 warning at its line and column, never a silent no-op; the rest of the file still applies.
    /// </summary>
    public class GlobalConfigHardeningTests
    {

        private static string Full(TempFolder temp, string relative) => Path.GetFullPath(Path.Combine(temp.Path, relative));

        [Fact]
        public void A_config_naming_a_device_or_a_fifo_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe"));

            var zero = Tpm.RunBounded(temp.Path, 30, "check", "warn.tpm", "--config", "/dev/zero");
            var fifo = Tpm.RunBounded(temp.Path, 30, "schedule", "warn.tpm", "--config", "pipe");

            zero.ExitCode.Should().Be(2, zero.ToString());
            zero.Error.Should().Be("tpm: error: the config '/dev/zero' is a character device, not a regular file\n");
            fifo.ExitCode.Should().Be(2, fifo.ToString());
            fifo.Error.Should().Be("tpm: error: the config 'pipe' is a FIFO (named pipe), not a regular file\n");
        }

        [Fact]
        public void A_found_globalconfig_that_links_to_a_device_is_ignored_with_a_warning()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            File.CreateSymbolicLink(Path.Combine(temp.Path, ".globalconfig"), "/dev/zero");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "warn.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Equal(
                "warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                Full(temp, ".globalconfig") + "(1,1): warning TPM0002: this .globalconfig is a symbolic link out of the workspace; not read");
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_found_globalconfig_in_a_loop_of_links_is_ignored_with_a_warning_like_a_dangling_one(bool viaAnother)
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            var config = Path.Combine(temp.Path, ".globalconfig");
            if (viaAnother)
            {
                File.CreateSymbolicLink(config, Path.Combine(temp.Path, "a"));
                File.CreateSymbolicLink(Path.Combine(temp.Path, "a"), config);
            }
            else
            {
                File.CreateSymbolicLink(config, config);
            }

            var result = Tpm.RunBounded(temp.Path, 30, "check", "warn.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Equal(
                "warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                Full(temp, ".globalconfig") + "(1,1): warning TPM0002: this .globalconfig is not readable (too many levels of symbolic links at '" + Full(temp, ".globalconfig") + "'); it is ignored");
        }

        [Fact]
        public void A_globalconfig_in_the_workspace_linking_out_of_it_is_not_read_but_one_above_it_and_a_named_one_are()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plans/warn.tpm", Plans.WithWarning);

            // Outside the repository: a file whose lines would each be a TPM0002 at their line and column, telling its
            // shape, and which would make TPM2003 an error if it were applied.
            temp.Write("secret/passwd", "root:x:0:0:root:/root:/bin/bash\ndotnet_diagnostic.TPM2003.severity = error\n");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", ".globalconfig"), Path.Combine(temp.Path, "secret", "passwd"));
            var link = Full(temp, "repo/plans/.globalconfig");

            var linked = Tpm.RunBounded(temp.Path, 30, "check", "repo/plans/warn.tpm");

            linked.ExitCode.Should().Be(0, linked.ToString());
            Tpm.Lines(linked.Out).Should().Equal(
                "repo/plans/warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                link + "(1,1): warning TPM0002: this .globalconfig is a symbolic link out of the workspace; not read");

            // A config above the workspace is the user's own, even through a link: read.
            File.Delete(link);
            File.CreateSymbolicLink(Path.Combine(temp.Path, ".globalconfig"), Path.Combine(temp.Path, "secret", "passwd"));
            var above = Tpm.RunBounded(temp.Path, 30, "check", "repo/plans/warn.tpm");
            above.ExitCode.Should().Be(1, above.ToString());
            Tpm.Lines(above.Out).Should().Contain("repo/plans/warn.tpm(3,16): error TPM2003: " + Plans.WarningLine);

            // So is a config named with --config, wherever it points.
            File.Delete(Path.Combine(temp.Path, ".globalconfig"));
            File.CreateSymbolicLink(link, Path.Combine(temp.Path, "secret", "passwd"));
            var named = Tpm.RunBounded(temp.Path, 30, "check", "repo/plans/warn.tpm", "--config", "repo/plans/.globalconfig");
            named.ExitCode.Should().Be(1, named.ToString());
            Tpm.Lines(named.Out).Should().Contain("repo/plans/warn.tpm(3,16): error TPM2003: " + Plans.WarningLine);
        }

        [Fact]
        public void A_config_over_1_MiB_is_not_read()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write("big.globalconfig", "dotnet_diagnostic.TPM2003.severity = error\n" + new string('#', 1024 * 1024));

            var named = Tpm.Run(temp.Path, "check", "warn.tpm", "--config", "big.globalconfig");
            File.Move(Path.Combine(temp.Path, "big.globalconfig"), Path.Combine(temp.Path, ".globalconfig"));
            var found = Tpm.Run(temp.Path, "check", "warn.tpm");

            named.ExitCode.Should().Be(2, named.ToString());
            named.Error.Should().Be("tpm: error: the config 'big.globalconfig' is 1,048,619 bytes, over the limit of 1,048,576 bytes (1 MiB) for a .globalconfig\n");
            found.ExitCode.Should().Be(0, found.ToString());
            Tpm.Lines(found.Out).Should().Equal(
                "warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                Full(temp, ".globalconfig") + "(1,1): warning TPM0002: this .globalconfig is 1,048,619 bytes, over the limit of 1,048,576 bytes (1 MiB) for a .globalconfig; it is ignored");
        }

        [Fact]
        public void Entries_that_cannot_be_understood_are_located_warnings_and_the_rest_applies()
        {
            using var temp = new TempFolder();
            temp.Write("plans/warn.tpm", Plans.WithWarning);
            temp.Write("plans/.globalconfig",
                "is_global = true\n" +
                "dotnet_diagnostic.TPM2001.severity = banana\n" +
                "dotnet_diagnostic.TPM9999.severity = error\n" +
                "just words here\n" +
                "[section\n" +
                "dotnet_diagnostic.TPM2003.severity = error # raised\n" +
                "dotnet_diagnostic.CA1000.severity = banana\n" +
                "other_tool.key = 1\n");

            var result = Tpm.Run(temp.Path, "check", "plans/warn.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            var config = Full(temp, "plans/.globalconfig");
            Tpm.Lines(result.Out).Should().Equal(
                "plans/warn.tpm(3,16): error TPM2003: " + Plans.WarningLine,
                config + "(2,38): warning TPM0002: the severity of TPM2001 must be error, warning, suggestion, silent, none or default; the entry is ignored",
                config + "(3,19): warning TPM0002: no tpm diagnostic has this code; the entry is ignored",
                config + "(4,1): warning TPM0002: this line is not a 'key = value' entry; it is ignored",
                config + "(5,1): warning TPM0002: a section header must end with ']'; the line is ignored");
            result.Error.Should().Be("1 program checked: 1 error, 4 warnings\n");
        }

        [Fact]
        public void Random_bytes_give_at_most_ten_located_warnings_and_a_count_and_are_never_quoted()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            var random = new Random(11);
            var bytes = new byte[20_000];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(temp.Path, "random.cfg"), bytes);

            var result = Tpm.Run(temp.Path, "check", "warn.tpm", "--config", "random.cfg", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(Tpm.Run(temp.Path, "check", "warn.tpm", "--config", "random.cfg").Out);
            lines.Should().HaveCount(12);
            lines.Skip(1).Take(10).Should().OnlyContain(l => l.StartsWith("random.cfg(", StringComparison.Ordinal) && l.EndsWith("): warning TPM0002: this line is not a 'key = value' entry; it is ignored", StringComparison.Ordinal));
            lines[11].Should().MatchRegex(@"^random\.cfg\(\d+,\d+\): warning TPM0002: \d+ more entries of this file cannot be understood and are ignored$");
            result.Out.Should().Contain("\"code\": \"TPM0002\"");
        }

        [Fact]
        public void A_config_shared_by_several_plans_reports_its_problems_once()
        {
            using var temp = new TempFolder();
            temp.Write("plans/a.tpm", Plans.WithWarning);
            temp.Write("plans/b.tpm", Plans.WithWarning);
            temp.Write("plans/.globalconfig", "nonsense\n");

            var result = Tpm.Run(temp.Path, "check", "plans");

            Tpm.Lines(result.Out).Count(l => l.Contains("TPM0002")).Should().Be(1, result.ToString());
        }

        [Theory]
        [InlineData("fifo")]
        [InlineData("link out")]
        [InlineData("link to a device")]
        [InlineData("random bytes")]
        [InlineData("over 1 MiB")]
        public void Import_reads_a_hostile_globalconfig_as_check_does(string hostile)
        {
            // A repository whose plans folder holds a hostile .globalconfig; the import writes its program there.
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("docs.xml", ImportCommandTests.Doc());
            temp.Write("secret/passwd", "root:x:0:0:root:/root:/bin/bash\ndotnet_diagnostic.TPM2003.severity = error\n");
            var config = Path.Combine(temp.Path, "repo", "plans", ".globalconfig");
            Directory.CreateDirectory(Path.GetDirectoryName(config)!);
            switch (hostile)
            {
                case "fifo":
                    Tpm.MakeFifo(config);
                    break;
                case "link out":
                    File.CreateSymbolicLink(config, Path.Combine(temp.Path, "secret", "passwd"));
                    break;
                case "link to a device":
                    File.CreateSymbolicLink(config, "/dev/zero");
                    break;
                case "random bytes":
                    var bytes = new byte[20_000];
                    new Random(11).NextBytes(bytes);
                    File.WriteAllBytes(config, bytes);
                    break;
                default:
                    temp.Write("repo/plans/.globalconfig", "dotnet_diagnostic.TPM2003.severity = error\n" + new string('#', 1024 * 1024));
                    break;
            }

            var import = Tpm.RunBounded(temp.Path, 30, "import", "docs.xml", "-o", "repo/plans/docs.tpm");
            var check = Tpm.RunBounded(temp.Path, 30, "check", "repo/plans/docs.tpm");

            import.ExitCode.Should().Be(0, import.ToString());
            check.ExitCode.Should().Be(0, check.ToString());
            var configLines = Tpm.Lines(import.Out).Where(l => l.Contains("TPM0002")).ToList();
            configLines.Should().NotBeEmpty().And.Equal(Tpm.Lines(check.Out).Where(l => l.Contains("TPM0002")));
            configLines.Should().OnlyContain(l => l.StartsWith(config + "(", StringComparison.Ordinal));
            import.ToString().Should().NotContain("root");
            if (hostile.StartsWith("link", StringComparison.Ordinal))
            {
                configLines.Should().Equal(config + "(1,1): warning TPM0002: this .globalconfig is a symbolic link out of the workspace; not read");
            }
        }

        [Theory]
        [InlineData("/dev/zero", "a character device")]
        [InlineData("pipe", "a FIFO (named pipe)")]
        [InlineData("missing", null)]
        public void Import_refuses_a_named_config_as_check_does(string named, string? what)
        {
            using var temp = new TempFolder();
            temp.Write("docs.xml", ImportCommandTests.Doc());
            temp.Write("warn.tpm", Plans.WithWarning);
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe"));

            var import = Tpm.RunBounded(temp.Path, 30, "import", "docs.xml", "--config", named);
            var check = Tpm.RunBounded(temp.Path, 30, "check", "warn.tpm", "--config", named);

            import.ExitCode.Should().Be(2, import.ToString());
            import.Error.Should().Be(check.Error).And.Be(what is null
                ? "tpm: error: no such config file: '" + named + "'\n"
                : "tpm: error: the config '" + named + "' is " + what + ", not a regular file\n");
            File.Exists(Path.Combine(temp.Path, "docs.tpm")).Should().BeFalse();
        }

        [Fact]
        public void Import_takes_the_workspace_of_check()
        {
            // --workspace narrows the workspace to the plans folder: a .globalconfig there linking to its parent's file is out.
            using var temp = new TempFolder();
            temp.Write("docs.xml", ImportCommandTests.Doc());
            temp.Write("shared.globalconfig", "nonsense\n");
            Directory.CreateDirectory(Path.Combine(temp.Path, "plans"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "plans", ".globalconfig"), Path.Combine(temp.Path, "shared.globalconfig"));

            var wide = Tpm.Run(temp.Path, "import", "docs.xml", "-o", "plans/docs.tpm", "-q", "--workspace", ".");
            var narrow = Tpm.Run(temp.Path, "import", "docs.xml", "-o", "plans/docs.tpm", "-q", "--force", "--workspace", "plans");

            Tpm.Lines(wide.Out).Should().Equal(Full(temp, "plans/.globalconfig") + "(1,1): warning TPM0002: this line is not a 'key = value' entry; it is ignored");
            Tpm.Lines(narrow.Out).Should().Equal(Full(temp, "plans/.globalconfig") + "(1,1): warning TPM0002: this .globalconfig is a symbolic link out of the workspace; not read");
        }

        [Fact]
        public void TPM0002_can_itself_be_turned_off()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write(".globalconfig", "nonsense\ndotnet_diagnostic.TPM0002.severity = none\n");

            var result = Tpm.Run(temp.Path, "check", "warn.tpm");

            result.Out.Should().NotContain("TPM0002");
        }
    }
}
