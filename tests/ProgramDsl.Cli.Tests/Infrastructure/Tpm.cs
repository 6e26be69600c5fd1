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

        public static CliResult Run(FakeConsole console, string workingDirectory, params string[] args)
        {
            var services = new ServiceCollection().AddTpmCli();
            services.Replace(ServiceDescriptor.Singleton<IConsoleEnvironment>(console));
            services.Replace(ServiceDescriptor.Singleton<IFileSystem>(new RootedFileSystem(workingDirectory)));
            using var provider = services.BuildServiceProvider();
            int exit = provider.GetRequiredService<CliApplication>().Run(args);
            return new CliResult(exit, console.StandardOutput, console.StandardError);
        }

        /// <summary>The lines of a text, without the final empty one.</summary>
        public static IReadOnlyList<string> Lines(string text) => text.Length == 0 ? new string[0] : text.TrimEnd('\n').Split('\n');
    }
}
