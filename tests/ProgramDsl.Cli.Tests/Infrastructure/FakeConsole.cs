using System;
using System.Collections.Generic;
using System.IO;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>A console that captures what the CLI writes, with a settable terminal flag and environment.</summary>
    public sealed class FakeConsole : IConsoleEnvironment
    {
        private readonly StringWriter _out = new StringWriter { NewLine = "\n" };
        private readonly StringWriter _error = new StringWriter { NewLine = "\n" };

        public Dictionary<string, string> Environment { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        public TextWriter Out => _out;

        public TextWriter Error => _error;

        public bool IsOutputTerminal { get; set; }

        /// <summary>Whether standard error is a terminal (progress lines are drawn only then); false by default.</summary>
        public bool IsErrorTerminal { get; set; }


        public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

        public string StandardOutput => _out.ToString();

        public string StandardError => _error.ToString();
    }
}
