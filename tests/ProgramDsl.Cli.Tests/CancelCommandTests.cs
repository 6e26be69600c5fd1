using System.IO;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Ctrl+C (the run's <see cref="Interruption"/> cancelled): exit 130, one line, nothing printed or written.</summary>
    public class CancelCommandTests
    {
        [Theory]
        [InlineData("check", "plan/program.tpm")]
        [InlineData("schedule", "plan/program.tpm")]
        [InlineData("status", "plan/program.tpm")]
        [InlineData("forecast", "plan/program.tpm")]
        [InlineData("build", "plan/program.tpm", "-o", "out")]
        [InlineData("diff", "plan/program.tpm", "plan/program.tpm")]
        [InlineData("diff", "HEAD", "--", "plan/program.tpm")]
        public void A_cancelled_run_exits_130_and_prints_and_writes_nothing(params string[] args)
        {
            using var temp = new TempFolder();
            File.Copy(Path.Combine(RepositoryPaths.Root, "examples", "hello", "program.tpm"), temp.Write("plan/program.tpm", string.Empty), overwrite: true);

            var result = Run(temp.Path, cancelled: true, args);

            result.ExitCode.Should().Be(130, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("tpm: cancelled\n");
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse("a cancelled build writes no artefacts");
        }

        [Fact]
        public void The_same_run_not_cancelled_prints_its_result()
        {
            using var temp = new TempFolder();
            File.Copy(Path.Combine(RepositoryPaths.Root, "examples", "hello", "program.tpm"), temp.Write("plan/program.tpm", string.Empty), overwrite: true);

            var result = Run(temp.Path, cancelled: false, "schedule", "plan/program.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("Program hello");
        }

        private static CliResult Run(string workingDirectory, bool cancelled, params string[] args)
        {
            var console = new FakeConsole();
            var interruption = new Interruption();
            if (cancelled) interruption.Cancel();
            var services = new ServiceCollection().AddTpmCli();
            services.Replace(ServiceDescriptor.Singleton<IConsoleEnvironment>(console));
            services.Replace(ServiceDescriptor.Singleton<IFileSystem>(new RootedFileSystem(workingDirectory)));
            services.Replace(ServiceDescriptor.Singleton(interruption));
            using var provider = services.BuildServiceProvider();
            int exit = provider.GetRequiredService<CliApplication>().Run(args);
            return new CliResult(exit, console.StandardOutput, console.StandardError);
        }
    }
}
