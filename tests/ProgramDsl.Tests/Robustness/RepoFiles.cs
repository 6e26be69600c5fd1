using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace ProgramDsl.Tests.Robustness
{
    /// <summary>Finds the repository root (the folder holding ProgramDsl.sln) from the test assembly's folder.</summary>
    internal static class RepoFiles
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(() =>
            FindUp(AppContext.BaseDirectory)
            ?? FindUp(Directory.GetCurrentDirectory())
            // Built with --artifacts-path outside the tree: start from where this source file was compiled.
            ?? FindUp(Path.GetDirectoryName(ThisFile()))
            ?? throw new InvalidOperationException("ProgramDsl.sln not found above " + AppContext.BaseDirectory));

        private static string? FindUp(string? start)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) return dir.FullName;
            }

            return null;
        }

        private static string ThisFile([CallerFilePath] string path = "") => path;

        /// <summary>The repository root.</summary>
        public static string Root => RootPath.Value;

        /// <summary>Every example plan, as (path relative to the root with '/', text), in a stable order.</summary>
        public static (string Path, string Text)[] Examples() =>
            Directory.GetFiles(Path.Combine(Root, "examples"), "*.tpm", SearchOption.AllDirectories)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText(p)))
                .ToArray();

        /// <summary>The committed baselines of the examples (<c>*.baseline*.json</c>, named by their programs' <c>baseline</c> statements).</summary>
        public static (string Path, string Text)[] Baselines() =>
            Directory.GetFiles(Path.Combine(Root, "examples"), "*.json", SearchOption.AllDirectories)
                .Where(p => Path.GetFileName(p).Contains(".baseline", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => (Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText(p)))
                .ToArray();

        /// <summary>Every example plan and committed baseline by path: what the examples' includes and baselines resolve among.</summary>
        public static Dictionary<string, string> ExampleFiles() =>
            Examples().Concat(Baselines()).ToDictionary(e => e.Path, e => e.Text, StringComparer.Ordinal);
    }
}
