using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>What one CLI run printed and returned.</summary>
    public sealed record CliResult(int ExitCode, string Out, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Out}\n--- stderr ---\n{Error}";
    }

    /// <summary>Runs <c>tpm</c> in-process through the same service registrations as the executable.</summary>
    public static class Tpm
    {
        /// <summary>Runs the CLI with relative paths resolved against <paramref name="workingDirectory"/>.</summary>
        public static CliResult Run(string workingDirectory, params string[] args) => Run(new FakeConsole(), workingDirectory, args);

        /// <summary>
        /// Runs the CLI in-process and fails the test if it has not ended within <paramref name="seconds"/>: a guard for
        /// inputs that once blocked or ran away (FIFOs, devices, link loops), not a timing.
        /// </summary>
        public static CliResult RunBounded(string workingDirectory, int seconds, params string[] args)
        {
            var run = System.Threading.Tasks.Task.Run(() => Run(workingDirectory, args));
            run.Wait(System.TimeSpan.FromSeconds(seconds)).Should().BeTrue("tpm " + string.Join(" ", args) + " must end");
            return run.Result;
        }

        /// <summary><see cref="RunBounded(string, int, string[])"/> on a given file system.</summary>
        public static CliResult RunBounded(IFileSystem files, int seconds, params string[] args)
        {
            var run = System.Threading.Tasks.Task.Run(() => Run(files, args));
            run.Wait(System.TimeSpan.FromSeconds(seconds)).Should().BeTrue("tpm " + string.Join(" ", args) + " must end");
            return run.Result;
        }

        /// <summary>Makes a FIFO (named pipe) at <paramref name="path"/> with mkfifo.</summary>
        public static void MakeFifo(string path)
        {
            using var mkfifo = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("mkfifo", new[] { path }) { UseShellExecute = false })!;
            mkfifo.WaitForExit();
            mkfifo.ExitCode.Should().Be(0);
        }

        public static CliResult Run(FakeConsole console, string workingDirectory, params string[] args) => Run(console, new RootedFileSystem(workingDirectory), args);

        /// <summary>Runs the CLI on a given file system (one that lies, or changes files as they are opened).</summary>
        public static CliResult Run(IFileSystem files, params string[] args) => Run(new FakeConsole(), files, args);

        private static CliResult Run(FakeConsole console, IFileSystem files, string[] args)
        {
            var services = new ServiceCollection().AddTpmCli();
            services.Replace(ServiceDescriptor.Singleton<IConsoleEnvironment>(console));
            services.Replace(ServiceDescriptor.Singleton<IFileSystem>(files));
            using var provider = services.BuildServiceProvider();
            int exit = provider.GetRequiredService<CliApplication>().Run(args);
            return new CliResult(exit, console.StandardOutput, console.StandardError);
        }

        /// <summary>The lines of a text, without the final empty one.</summary>
        public static IReadOnlyList<string> Lines(string text) => text.Length == 0 ? new string[0] : text.TrimEnd('\n').Split('\n');
    }
}
