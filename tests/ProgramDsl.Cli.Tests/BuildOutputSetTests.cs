using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm build</c> replaces a program's artefact folder as one set: all old or all new files, never a mix; a full disk
    /// or a kill leaves the old set and at most a staging folder that the next run removes.
    /// </summary>
    public class BuildOutputSetTests
    {
        private static readonly string Changed = Plans.Valid.Replace("\"Demo plan\"", "\"Demo plan, second edition\"");

        /// <summary>The files of a folder, name → bytes.</summary>
        private static Dictionary<string, byte[]> Snapshot(string folder) =>
            Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

        private static void ShouldEqual(Dictionary<string, byte[]> actual, Dictionary<string, byte[]> expected, string because)
        {
            actual.Keys.Should().BeEquivalentTo(expected.Keys, because);
            foreach (var (name, bytes) in expected) actual[name].Should().Equal(bytes, name + ": " + because);
        }

        /// <summary>Runs the CLI with a real file system whose artefact streams fail with ENOSPC after <paramref name="bytesAllowed"/> bytes in all.</summary>
        private static CliResult RunWithDiskSpace(string workingDirectory, long bytesAllowed, params string[] args)
        {
            var console = new FakeConsole();
            var disk = new LimitedDisk(bytesAllowed);
            var services = new ServiceCollection().AddTpmCli();
            services.Replace(ServiceDescriptor.Singleton<IConsoleEnvironment>(console));
            services.Replace(ServiceDescriptor.Singleton<IFileSystem>(new RootedFileSystem(workingDirectory, new PhysicalFileSystem(new FolderSetWriter(disk.Wrap)))));
            using var provider = services.BuildServiceProvider();
            int exit = provider.GetRequiredService<CliApplication>().Run(args);
            return new CliResult(exit, console.StandardOutput, console.StandardError);
        }

        [Fact]
        public void A_rebuild_replaces_the_whole_set_so_the_folder_holds_exactly_the_new_artefacts()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0").ExitCode.Should().Be(0);
            temp.Write("plan.tpm", Changed);

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--emit", "md,csv", "--iterations", "0");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Equal("wrote " + Path.Combine("out", "demo", "report.md"), "wrote " + Path.Combine("out", "demo", "schedule.csv"));
            Directory.GetFiles(Path.Combine(temp.Path, "out", "demo")).Select(Path.GetFileName).Should().BeEquivalentTo(new[] { "report.md", "schedule.csv" },
                "artefacts of the earlier build that this one did not write would be a mix of old and new");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "report.md")).Should().StartWith("# Demo plan, second edition — status report");
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).Should().Equal(new[] { "demo" }, "no staging or old folder is left");
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(30_000)]
        [InlineData(50_000)]
        public void A_full_disk_in_the_middle_of_the_set_leaves_the_old_set_intact_and_no_staging_folder(long bytesAllowed)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0").ExitCode.Should().Be(0);
            var before = Snapshot(Path.Combine(temp.Path, "out", "demo"));
            before.Values.Sum(b => (long)b.Length).Should().BeGreaterThan(bytesAllowed, "the disk must fill up before the set is complete");
            temp.Write("plan.tpm", Changed);

            var result = RunWithDiskSpace(temp.Path, bytesAllowed, "build", "plan.tpm", "-o", "out", "--iterations", "0");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().NotContain("wrote");
            result.Error.Should().Be("tpm: error: cannot write the artefacts of '" + Path.Combine("out", "demo") + "': No space left on device; the folder is as it was before this build\n");
            ShouldEqual(Snapshot(Path.Combine(temp.Path, "out", "demo")), before, "the old set is untouched");
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).Should().Equal(new[] { "demo" }, "the staging folder is removed");

            // With the space back, the next run writes the new set.
            Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0").ExitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "report.md")).Should().StartWith("# Demo plan, second edition");
        }

        [Fact]
        public void An_output_folder_that_is_a_file_is_one_sentence_without_doubled_punctuation()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("f", "not a folder");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "f", "--iterations", "0");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().StartWith("tpm: error: cannot write the artefacts of '" + Path.Combine("f", "demo") + "': ");
            result.Error.Should().EndWith("' already exists; the folder is as it was before this build\n").And.NotContain(".;");
            File.ReadAllText(Path.Combine(temp.Path, "f")).Should().Be("not a folder");
        }

        [Theory]
        [InlineData(true)]
        [InlineData(false)]
        public void The_exchange_and_the_two_rename_fallback_both_replace_the_set_and_leave_nothing_beside_it(bool exchange)
        {
            using var temp = new TempFolder();
            var folder = Path.Combine(temp.Path, "out", "demo");
            var writer = new FolderSetWriter { UseExchange = exchange };
            writer.Replace(folder, new[] { new KeyValuePair<string, string>("a.txt", "old a"), new KeyValuePair<string, string>("b.txt", "old b") });

            writer.Replace(folder, new[] { new KeyValuePair<string, string>("a.txt", "new a"), new KeyValuePair<string, string>("c.txt", "new c") });

            Snapshot(folder).ToDictionary(kv => kv.Key, kv => System.Text.Encoding.UTF8.GetString(kv.Value))
                .Should().BeEquivalentTo(new Dictionary<string, string> { ["a.txt"] = "new a", ["c.txt"] = "new c" });
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).Should().Equal("demo");
        }

        [Fact]
        public void A_full_disk_on_the_first_build_leaves_no_folder_at_all()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = RunWithDiskSpace(temp.Path, 5_000, "build", "plan.tpm", "-o", "out");

            result.ExitCode.Should().Be(2, result.ToString());
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Should().BeEmpty("neither a partial program folder nor a staging folder");
        }

        [Fact]
        public void When_the_disk_fills_at_the_second_program_the_first_is_new_the_second_old_and_only_the_first_is_listed()
        {
            using var temp = new TempFolder();
            temp.Write("a.tpm", Plans.Valid);
            temp.Write("b.tpm", Plans.WithWarning);
            Tpm.Run(temp.Path, "build", "a.tpm", "b.tpm", "-o", "out", "--emit", "json").ExitCode.Should().Be(0);
            var oldB = Snapshot(Path.Combine(temp.Path, "out", "warn"));
            temp.Write("a.tpm", Changed);
            temp.Write("b.tpm", Plans.WithWarning.Replace("\"Warn\"", "\"Warned\""));
            long firstSet = new FileInfo(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Length + 100;

            var result = RunWithDiskSpace(temp.Path, firstSet, "build", "a.tpm", "b.tpm", "-o", "out", "--emit", "json");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().EndWith("wrote " + Path.Combine("out", "demo", "schedule.json") + "\n", "MSBuild records what was written from these lines");
            result.Error.Should().Contain("cannot write the artefacts of '" + Path.Combine("out", "warn") + "'");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Should().Contain("Demo plan, second edition");
            ShouldEqual(Snapshot(Path.Combine(temp.Path, "out", "warn")), oldB, "the second program keeps its old set");
        }

        [Fact]
        public void Leftovers_of_a_killed_run_are_removed_by_the_next_run_and_never_taken_for_output()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            // A process id that is not running: this test host's own, which tpm treats as an earlier run with the same
            // id (a killed run cannot be this process, which writes one set at a time and cleans up after itself).
            var dead = Environment.ProcessId;
            var staging = temp.Write($"out/.demo.tpm-staging-{dead}-0123abcd/schedule.json", "{ \"half\": ");
            temp.Write($"out/.demo.tpm-old-{dead}-89abcdef/schedule.json", "{ \"old\": true }");
            temp.Write("out/demo/.schedule.json.0123456789abcdef0123456789abcdef.tmp", "half-written by an older tpm");
            temp.Write("out/.demo.tpm-staging-notapid/keep.txt", "not tpm's name pattern: left alone");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--emit", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).Should().BeEquivalentTo(".demo.tpm-staging-notapid", "demo");
            Directory.GetFiles(Path.Combine(temp.Path, "out", "demo")).Select(Path.GetFileName).Should().Equal("schedule.json");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Should().StartWith("{").And.Contain("\"id\": \"demo\"");
            File.Exists(staging).Should().BeFalse();
        }

        [Fact]
        public void A_run_killed_between_the_two_renames_gets_its_old_set_back()
        {
            using var temp = new TempFolder();
            temp.Write($"out/.demo.tpm-old-{Environment.ProcessId}-89abcdef/schedule.json", "old");
            temp.Write($"out/.demo.tpm-staging-{Environment.ProcessId}-01234567/schedule.json", "new but maybe incomplete");
            var writer = new FolderSetWriter(stream => new LimitedDisk(0).Wrap(stream));

            var act = () => writer.Replace(Path.Combine(temp.Path, "out", "demo"), new[] { new KeyValuePair<string, string>("schedule.json", "newer") });

            act.Should().Throw<IOException>();
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Should().Be("old", "the complete old set is put back, the staging one dropped");
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Select(Path.GetFileName).Should().Equal("demo");
        }

        [Fact]
        public void A_staging_folder_of_a_running_build_is_left_alone()
        {
            if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
            using var temp = new TempFolder();
            using var other = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
            try
            {
                var live = temp.Write($"out/.demo.tpm-staging-{other.Id}-0123abcd/schedule.json", "being written");

                new FolderSetWriter().Replace(Path.Combine(temp.Path, "out", "demo"), new[] { new KeyValuePair<string, string>("schedule.json", "x") });

                File.Exists(live).Should().BeTrue("another build is writing it");
            }
            finally
            {
                other.Kill();
            }
        }

        [Fact]
        public void A_folder_holding_files_tpm_did_not_write_is_not_replaced()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("out/demo/schedule.json", "old");
            temp.Write("out/demo/notes.txt", "mine");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().StartWith("tpm: error: '" + Path.Combine("out", "demo") + "' holds 'notes.txt' that tpm did not write; ");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Should().Be("old");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "notes.txt")).Should().Be("mine");
        }

        [Fact]
        public void A_file_where_the_program_folder_goes_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("out/demo", "a file");

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out");

            result.ExitCode.Should().Be(2);
            result.Error.Should().Contain("'" + Path.Combine("out", "demo") + "' is a file");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo")).Should().Be("a file");
        }

        [Fact]
        public void A_program_folder_that_is_a_symbolic_link_is_not_replaced()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("published/schedule.json", "old");
            Directory.CreateDirectory(Path.Combine(temp.Path, "out"));
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "out", "demo"), Path.Combine(temp.Path, "published"));

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--emit", "json");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: cannot write the artefacts of '" + Path.Combine("out", "demo") +
                                     "': it is a symbolic link; tpm replaces a program's folder as a whole and does not replace a link; the folder is as it was before this build\n");
            new DirectoryInfo(Path.Combine(temp.Path, "out", "demo")).LinkTarget.Should().NotBeNull("the link is still there");
            File.ReadAllText(Path.Combine(temp.Path, "published", "schedule.json")).Should().Be("old");
        }

        // Names stop at 256 characters in the front end (InputLimits.MaxNameLength), so 201 to 256 characters of ASCII, or
        // fewer of a wider script, are what reach the folder-name check.
        [Theory]
        [InlineData(256, 'a')]
        [InlineData(201, 'a')]
        [InlineData(101, 'é')]
        [InlineData(250, 'é')]
        public void A_program_id_too_long_for_a_folder_name_is_a_located_error_and_nothing_is_written(int length, char letter)
        {
            using var temp = new TempFolder();
            var id = new string(letter, length);
            temp.Write("long.tpm", "program " + id + " \"Long\" {\n  start 2027-03-01\n  task t \"T\" { duration 1d }\n}\n");

            var result = Tpm.Run(temp.Path, "build", "long.tpm", "-o", "out");

            result.ExitCode.Should().Be(1, result.ToString());
            int bytes = System.Text.Encoding.UTF8.GetByteCount(id);
            result.Out.Should().Be("long.tpm(1,9): error TPM1007: program id '" + new string(letter, 24) + "…' is too long to name its artefact folder: " + bytes +
                                   " bytes of UTF-8, at most 200\n");
            result.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse();
        }

        [Fact]
        public void A_program_id_longer_than_a_name_may_be_is_the_front_ends_limit_and_nothing_is_written()
        {
            using var temp = new TempFolder();
            temp.Write("long.tpm", "program " + new string('a', 300) + " \"Long\" {\n  start 2027-03-01\n  task t \"T\" { duration 1d }\n}\n");

            var result = Tpm.Run(temp.Path, "build", "long.tpm", "-o", "out");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("long.tpm(1,9): error TPM1007: a name longer than the limit of 256 characters");
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse();
        }

        [Theory]
        [InlineData(200, 'a')]
        [InlineData(100, 'é')]
        public void A_program_id_of_200_bytes_is_written(int length, char letter)
        {
            using var temp = new TempFolder();
            var id = new string(letter, length);
            temp.Write("long.tpm", "program " + id + " \"Long\" {\n  start 2027-03-01\n  task t \"T\" { duration 1d }\n}\n");

            var result = Tpm.Run(temp.Path, "build", "long.tpm", "-o", "out", "--emit", "json,csv");

            result.ExitCode.Should().Be(0, result.ToString());
            File.Exists(Path.Combine(temp.Path, "out", id, "schedule.csv")).Should().BeTrue();
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "out")).Should().HaveCount(1);
        }

        [Fact]
        public void An_output_path_too_long_for_the_system_is_a_located_error_and_nothing_is_written()
        {
            if (OperatingSystem.IsWindows()) return; // Windows allows 32,767 characters; the folder would be too deep to make here.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            var deep = string.Join("/", Enumerable.Repeat(new string('d', 250), 17));

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", deep);

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("plan.tpm(1,9): error TPM1007: the artefact folder of program 'demo' would have paths of ").And.Contain(" bytes, beyond the ");
            Directory.Exists(Path.Combine(temp.Path, new string('d', 250))).Should().BeFalse();
        }

        [Fact]
        public void OutputNameProblem_accepts_ordinary_ids()
        {
            BuildCommand.OutputNameProblem("fraud-v3", "/tmp/out/fraud-v3").Should().BeNull();
            BuildCommand.OutputNameProblem("données_2027", "/tmp/out/données_2027").Should().BeNull();
        }

        /// <summary>A disk with room for a fixed number of bytes across every file written through it.</summary>
        private sealed class LimitedDisk
        {
            private long _left;

            public LimitedDisk(long bytes) => _left = bytes;

            public Stream Wrap(Stream inner) => new FillingStream(inner, this);

            private sealed class FillingStream : Stream
            {
                private readonly Stream _inner;
                private readonly LimitedDisk _disk;

                public FillingStream(Stream inner, LimitedDisk disk)
                {
                    _inner = inner;
                    _disk = disk;
                }

                public override bool CanRead => false;

                public override bool CanSeek => false;

                public override bool CanWrite => true;

                public override long Length => _inner.Length;

                public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

                public override void Write(byte[] buffer, int offset, int count)
                {
                    // Like a real full disk: what fits is written, then ENOSPC.
                    int fits = (int)Math.Min(count, _disk._left);
                    _inner.Write(buffer, offset, fits);
                    _disk._left -= fits;
                    // .NET's message names the file, here one in the staging folder: tpm must not print a path that is gone.
                    if (fits < count) throw new IOException("No space left on device : '" + ((FileStream)_inner).Name + "'", 28);
                }

                public override void Flush() => _inner.Flush();

                public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

                public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

                public override void SetLength(long value) => throw new NotSupportedException();

                protected override void Dispose(bool disposing)
                {
                    if (disposing) _inner.Dispose();
                    base.Dispose(disposing);
                }
            }
        }
    }
}
