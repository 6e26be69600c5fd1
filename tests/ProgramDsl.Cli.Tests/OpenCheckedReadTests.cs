using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// A file is checked on the open file, not only by its path beforehand: whatever takes a path's place between the
    /// check and the open (a FIFO, a device, a link out of the workspace, a larger file) is refused or cut without
    /// blocking. The swaps are made deterministic by doing them right after tpm inspects the path
    /// (<see cref="SwapAfterInspectFileSystem"/>) or right after it opens the file (<see cref="PhysicalFileSystem.AfterOpen"/>).
    /// </summary>
    public class OpenCheckedReadTests
    {
        private static string Including(string include) =>
            "program p \"P\" {\n  start 2027-03-01\n  include \"" + include + "\"\n  task t \"T\" { duration 1d }\n}\n";

        private static T Bounded<T>(Func<T> action)
        {
            var run = Task.Run(action);
            run.Wait(TimeSpan.FromSeconds(20)).Should().BeTrue("opening must not block");
            return run.Result;
        }

        private static void Bounded(Action action) => Bounded(() =>
        {
            action();
            return 0;
        });

        [Fact]
        public void Opening_a_fifo_does_not_block_and_the_open_file_is_refused()
        {
            using var temp = new TempFolder();
            var fifo = Path.Combine(temp.Path, "pipe.tpm");
            Tpm.MakeFifo(fifo);

            var open = () => Bounded(() => FileKinds.OpenRegular(fifo).Dispose());
            var read = () => Bounded(() => new PhysicalFileSystem().ReadAllText(fifo, 100));
            var device = () => FileKinds.OpenRegular("/dev/zero").Dispose();

            open.Should().Throw<AggregateException>().WithInnerException<NotRegularFileException>().Which.Info.Kind.Should().Be(PathKind.Fifo);
            read.Should().Throw<AggregateException>().WithInnerException<NotRegularFileException>()
                .WithMessage("'" + fifo + "' is a FIFO (named pipe), not a regular file");
            device.Should().Throw<NotRegularFileException>().Which.Info.Kind.Should().Be(PathKind.CharacterDevice);
        }

        [Fact]
        public void A_link_in_the_last_component_is_opened_only_when_links_may_be_followed()
        {
            using var temp = new TempFolder();
            var file = temp.Write("real.tpm", "abc");
            var link = Path.Combine(temp.Path, "link.tpm");
            File.CreateSymbolicLink(link, file);

            using (var followed = FileKinds.OpenRegular(link))
            {
                followed.Length.Should().Be(3);
                followed.Id.Should().Be(FileKinds.Identify(file));
            }

            var refused = () => FileKinds.OpenRegular(link, noFollow: true).Dispose();
            refused.Should().Throw<IOException>().WithMessage("*became a symbolic link*");
        }

        [Fact]
        public void The_identity_is_the_device_and_inode_stat_reports()
        {
            using var temp = new TempFolder();
            var file = temp.Write("a.tpm", "abc");
            using var stat = Process.Start(new ProcessStartInfo("stat", new[] { "-L", "-c", "%d %i", file }) { RedirectStandardOutput = true, UseShellExecute = false })!;
            var expected = stat.StandardOutput.ReadToEnd().Trim().Split(' ').Select(long.Parse).ToArray();
            stat.WaitForExit();

            FileKinds.Identify(file).Should().Be(new FileId(expected[0], expected[1]));
            using var opened = FileKinds.OpenRegular(file);
            opened.Id.Should().Be(new FileId(expected[0], expected[1]));
            FileKinds.Identify(Path.Combine(temp.Path, "missing")).Should().BeNull();
        }

        [Fact]
        public void A_real_path_read_refuses_a_path_that_no_longer_is_real()
        {
            // A folder of the checked real path swapped for a link: the open follows it, the check after the open does not agree.
            using var temp = new TempFolder();
            temp.Write("outside/plans/team.tpm", "person leaked \"Leaked\"\n");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "plans"), Path.Combine(temp.Path, "outside", "plans"));
            var files = new PhysicalFileSystem();

            var read = () => files.ReadRealFileText(Path.Combine(temp.Path, "plans", "team.tpm"), 100);

            read.Should().Throw<IOException>().WithMessage("*changed while it was read*");
            files.ReadRealFileText(Path.Combine(temp.Path, "outside", "plans", "team.tpm"), 100).Should().Be("person leaked \"Leaked\"\n");
        }

        [Fact]
        public void A_file_that_grows_past_the_limit_after_it_is_opened_is_cut_at_the_limit()
        {
            using var temp = new TempFolder();
            var file = temp.Write("grows.tpm", "0123456789");
            var files = new PhysicalFileSystem { AfterOpen = path => File.AppendAllText(path, "x") };

            var read = () => files.ReadAllText(file, 10);

            read.Should().Throw<InputTooLargeException>().Which.Size.Should().Be(-1);
            files.ReadAllText(file, 12).Should().Be("0123456789xx");
        }

        [Fact]
        public void A_plan_and_an_include_that_grow_past_64_MiB_while_read_are_TPM1007()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("grows.tpm"));
            temp.Write("grows.tpm", Plans.Fragment);
            temp.Write("big.tpm", "program big \"Big\" {\n  start 2027-03-01\n}\n");
            void Grow(string path)
            {
                if (!path.EndsWith("grows.tpm", StringComparison.Ordinal) && !path.EndsWith("big.tpm", StringComparison.Ordinal)) return;
                using var stream = new FileStream(path, FileMode.Open);
                stream.SetLength(InputLimits.MaxFileBytes + 1); // sparse
            }

            var files = new RootedFileSystem(temp.Path, new PhysicalFileSystem { AfterOpen = Grow });
            var include = Tpm.RunBounded(files, 60, "check", "plan.tpm");
            var plan = Tpm.RunBounded(files, 60, "check", "big.tpm");

            include.ExitCode.Should().Be(1, include.ToString());
            include.Out.Should().Be("plan.tpm(3,11): error TPM1007: cannot include 'grows.tpm': it is too large, over the limit of 67,108,864 bytes (64 MiB) for a plan file (looked for 'grows.tpm')\n");
            plan.ExitCode.Should().Be(1, plan.ToString());
            plan.Out.Should().Be("big.tpm(1,1): error TPM1007: cannot read 'big.tpm': it is too large, over the limit of 67,108,864 bytes (64 MiB) for a plan file\n");
        }

        [Fact]
        public void An_include_swapped_for_a_fifo_after_its_check_is_TPM1006_without_blocking()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("team.tpm"));
            var team = temp.Write("team.tpm", Plans.Fragment);
            var files = new SwapAfterInspectFileSystem(temp.Path, team, () =>
            {
                File.Delete(team);
                Tpm.MakeFifo(team);
            });

            var result = Tpm.RunBounded(files, 30, "check", "plan.tpm");

            files.Swapped.Should().BeTrue();
            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include 'team.tpm': it is a FIFO (named pipe), not a regular file (looked for 'team.tpm')\n");
        }

        [Fact]
        public void An_include_swapped_for_a_link_out_of_the_workspace_after_its_check_is_not_read()
        {
            using var temp = new TempFolder();
            temp.Write("ws/plan.tpm", Including("team.tpm"));
            var team = temp.Write("ws/team.tpm", Plans.Fragment);
            temp.Write("secret/team.tpm", "person leaked \"Leaked\"\n");
            var files = new SwapAfterInspectFileSystem(Path.Combine(temp.Path, "ws"), team, () =>
            {
                File.Delete(team);
                File.CreateSymbolicLink(team, Path.Combine(temp.Path, "secret", "team.tpm"));
            });

            var result = Tpm.RunBounded(files, 30, "check", "plan.tpm");

            files.Swapped.Should().BeTrue();
            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("plan.tpm(3,11): error TPM1004: cannot include 'team.tpm': '").And.Contain("became a symbolic link while it was read; it is not followed");
            result.ToString().Should().NotContain("leaked");
        }

        [Fact]
        public void An_include_whose_folder_is_swapped_for_a_link_out_after_its_check_is_not_read()
        {
            using var temp = new TempFolder();
            temp.Write("ws/plan.tpm", Including("shared/team.tpm"));
            var team = temp.Write("ws/shared/team.tpm", Plans.Fragment);
            temp.Write("secret/team.tpm", "person leaked \"Leaked\"\n");
            var files = new SwapAfterInspectFileSystem(Path.Combine(temp.Path, "ws"), team, () =>
            {
                Directory.Delete(Path.Combine(temp.Path, "ws", "shared"), recursive: true);
                Directory.CreateSymbolicLink(Path.Combine(temp.Path, "ws", "shared"), Path.Combine(temp.Path, "secret"));
            });

            var result = Tpm.RunBounded(files, 30, "check", "plan.tpm");

            files.Swapped.Should().BeTrue();
            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("error TPM1004: cannot include 'shared/team.tpm': '").And.Contain("changed while it was read; it is not read");
            result.ToString().Should().NotContain("leaked");
        }

        [Theory]
        [InlineData("check")]
        [InlineData("import")]
        public void A_globalconfig_swapped_for_a_fifo_after_its_check_is_a_warning_without_blocking(string command)
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);
            temp.Write("docs.xml", ImportCommandTests.Doc());
            var config = temp.Write(".globalconfig", "dotnet_diagnostic.TPM2003.severity = error\n");
            var files = new SwapAfterInspectFileSystem(temp.Path, config, () =>
            {
                File.Delete(config);
                Tpm.MakeFifo(config);
            });

            var result = command == "check" ? Tpm.RunBounded(files, 30, "check", "warn.tpm") : Tpm.RunBounded(files, 30, "import", "docs.xml", "-q");

            files.Swapped.Should().BeTrue();
            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Contain(config + "(1,1): warning TPM0002: this .globalconfig is a FIFO (named pipe), not a regular file; it is ignored");
        }

        [Fact]
        public void A_plan_swapped_for_a_fifo_after_its_check_is_a_usage_error_without_blocking()
        {
            using var temp = new TempFolder();
            var plan = temp.Write("plan.tpm", Plans.Valid);
            // Inspected when listed, then when compiled: swapped after the second, just before the read.
            var files = new SwapAfterInspectFileSystem(temp.Path, plan, () =>
            {
                File.Delete(plan);
                Tpm.MakeFifo(plan);
            }, atInspection: 2);

            var result = Tpm.RunBounded(files, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: 'plan.tpm' is a FIFO (named pipe), not a regular file\n");
        }

        [Fact]
        public void An_import_input_swapped_for_a_fifo_after_its_check_is_a_usage_error_without_blocking()
        {
            using var temp = new TempFolder();
            var xml = temp.Write("docs.xml", ImportCommandTests.Doc());
            var files = new SwapAfterInspectFileSystem(temp.Path, xml, () =>
            {
                File.Delete(xml);
                Tpm.MakeFifo(xml);
            });

            var result = Tpm.RunBounded(files, 30, "import", "docs.xml");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: '" + xml + "' is a FIFO (named pipe), not a regular file\n");
            File.Exists(Path.Combine(temp.Path, "docs.tpm")).Should().BeFalse();
        }
    }
}
