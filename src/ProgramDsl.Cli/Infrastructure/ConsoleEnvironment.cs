using System;
using System.IO;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>Where the CLI writes, and what the terminal can show.</summary>
    public interface IConsoleEnvironment
    {
        /// <summary>Standard output.</summary>
        TextWriter Out { get; }

        /// <summary>Standard error.</summary>
        TextWriter Error { get; }

        /// <summary>True when standard output is a terminal (not a pipe or file).</summary>
        bool IsOutputTerminal { get; }

        /// <summary>True when standard error is a terminal: progress lines are drawn there only then.</summary>
        bool IsErrorTerminal { get; }

        /// <summary>An environment variable.</summary>
        string? GetEnvironmentVariable(string name);
    }

    /// <summary>The process console.</summary>
    public sealed class SystemConsoleEnvironment : IConsoleEnvironment
    {
        public TextWriter Out { get; } = CreateWriter(Console.OpenStandardOutput());

        public TextWriter Error { get; } = CreateWriter(Console.OpenStandardError());

        public bool IsOutputTerminal => !Console.IsOutputRedirected;

        public bool IsErrorTerminal => !Console.IsErrorRedirected;

        public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

        // UTF-8 without BOM and LF line ends whatever the platform, so output is byte-identical everywhere.
        private static TextWriter CreateWriter(Stream stream) =>
            new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 16) { AutoFlush = false, NewLine = "\n" };
    }

    /// <summary>Colouring rules: only on a terminal, never with NO_COLOR set or TERM=dumb.</summary>
    public static class ColorPolicy
    {
        public static bool IsEnabled(IConsoleEnvironment console, bool noColorOption) =>
            !noColorOption &&
            console.IsOutputTerminal &&
            string.IsNullOrEmpty(console.GetEnvironmentVariable("NO_COLOR")) &&
            !string.Equals(console.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
    }
}
