using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Usage and I/O problems exit 2 with a message on stderr and nothing on stdout.</summary>
    public class UsageTests
    {
        private static CliResult RunIn(TempFolder temp, params string[] args)
        {
            temp.Write("plan.tpm", Plans.Valid);
            return Tpm.Run(temp.Path, args);
        }

        [Theory]
        [InlineData("tpm: error: no such file or folder: 'missing.tpm'", "check", "missing.tpm")]
        [InlineData("tpm: error: no such file or folder: 'missing'", "check", "plan.tpm", "missing")]
        [InlineData("tpm: error: no such file: 'missing.tpm'", "schedule", "missing.tpm")]
        [InlineData("tpm: error: no such config file: 'nope.globalconfig'", "check", "plan.tpm", "--config", "nope.globalconfig")]
        [InlineData("tpm: error: no such config file: 'nope.globalconfig'", "schedule", "plan.tpm", "--config", "nope.globalconfig")]
        [InlineData("tpm: error: unrecognized option '--bogus'", "check", "plan.tpm", "--bogus")]
        [InlineData("'--bogus'", "schedule", "plan.tpm", "--bogus")]
        [InlineData("'frob'", "frob")]
        [InlineData("'xml'", "check", "plan.tpm", "--format", "xml")]
        [InlineData("'sarif'", "schedule", "plan.tpm", "--format", "sarif")]
        [InlineData("'other.tpm'", "schedule", "plan.tpm", "other.tpm")]
        [InlineData("'soon'", "schedule", "plan.tpm", "--seed", "soon")]
        [InlineData("tpm: error: Argument 'extreme' not recognized. Must be one of: 'quick', 'normal', 'max'\n", "check", "plan.tpm", "--effort", "extreme")]
        [InlineData("Required argument 'paths' missing", "check")]
        [InlineData("Required command was not provided", new string[0])]
        public void Usage_errors_exit_2_with_a_message_on_stderr(string message, params string[] args)
        {
            using var temp = new TempFolder();

            var result = RunIn(temp, args);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().StartWith("tpm: error: ").And.Contain(message);
        }

        [Fact]
        public void Usage_errors_escape_control_characters_in_paths_as_diagnostics_do()
        {
            using var temp = new TempFolder();

            // A name a pull request chose, holding a line break: printed as is it would start a line
            // '::error file=x::forged' that GitHub Actions reads as a workflow command.
            var result = RunIn(temp, "schedule", "a\n::error file=x::forged.tpm");
            var named = RunIn(temp, "check", "plan.tpm", "--config", "c\u001b[31m.globalconfig");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: no such file: 'a\\n::error file=x::forged.tpm'\n");
            named.ExitCode.Should().Be(2, named.ToString());
            named.Error.Should().Be("tpm: error: no such config file: 'c\\u001b[31m.globalconfig'\n");
        }

        [Fact]
        public void Help_exits_0_and_lists_the_commands()
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "--help");

            result.ExitCode.Should().Be(0);
            result.Out.Should().Contain("Usage:").And.Contain("check <paths>").And.Contain("schedule <file>");
        }

        [Fact]
        public void Command_help_lists_the_common_options()
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "check", "--help");

            result.ExitCode.Should().Be(0);
            result.Out.Should().Contain("--format").And.Contain("--warnaserror").And.Contain("--quiet").And.Contain("--config").And.Contain("--no-color");
        }

        [Theory]
        [InlineData("check")]
        [InlineData("schedule")]
        public void A_plan_that_exists_but_cannot_be_read_is_an_io_error(string command)
        {
            using var temp = new TempFolder();
            temp.Write("locked.tpm", Plans.Valid);
            var console = new FakeConsole();
            var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddTpmCli();
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
                Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<ProgramDsl.Cli.Infrastructure.IConsoleEnvironment>(console));
            Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.Replace(services,
                Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<ProgramDsl.Cli.Infrastructure.IFileSystem>(new UnreadableFileSystem(temp.Path, "locked.tpm")));
            using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);

            int exit = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<CliApplication>(provider).Run(new[] { command, "locked.tpm" });

            exit.Should().Be(2);
            console.StandardOutput.Should().BeEmpty();
            console.StandardError.Should().Be("tpm: error: cannot read 'locked.tpm': Permission denied\n");
        }

        /// <summary>A file system where one existing file cannot be read.</summary>
        private sealed class UnreadableFileSystem : ProgramDsl.Cli.Infrastructure.IFileSystem
        {
            private readonly RootedFileSystem _inner;
            private readonly string _locked;

            public UnreadableFileSystem(string root, string locked)
            {
                _inner = new RootedFileSystem(root);
                _locked = locked;
            }

            public bool FileExists(string path) => _inner.FileExists(path);

            public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

            public string ReadAllText(string path) => IsLocked(path) ? throw new System.UnauthorizedAccessException("Permission denied") : _inner.ReadAllText(path);

            public string ReadAllText(string path, long maxBytes) => IsLocked(path) ? throw new System.UnauthorizedAccessException("Permission denied") : _inner.ReadAllText(path, maxBytes);

            // Plans are read by their real path: the locked file by any name.
            private bool IsLocked(string path) => _inner.GetFullPath(path) == _inner.GetFullPath(_locked);

            public ProgramDsl.Cli.Infrastructure.PathInfo Inspect(string path) => _inner.Inspect(path);

            public string GetRealPath(string path) => _inner.GetRealPath(path);

            public System.Collections.Generic.IReadOnlyList<string> EnumerateFiles(string folder, string pattern, string? workspace = null) => _inner.EnumerateFiles(folder, pattern, workspace);

            public void WriteAllTextAtomic(string path, string text) => _inner.WriteAllTextAtomic(path, text);

            public void ReplaceFolder(string folder, System.Collections.Generic.IReadOnlyList<System.Collections.Generic.KeyValuePair<string, System.Action<System.IO.Stream>>> files) =>
                _inner.ReplaceFolder(folder, files);

            public System.Collections.Generic.IReadOnlyList<string> ListFolder(string folder) => _inner.ListFolder(folder);

            public string GetFullPath(string path) => _inner.GetFullPath(path);
        }
    }
}
