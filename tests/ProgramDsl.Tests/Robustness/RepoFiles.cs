using System;
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

        /// <summary>
        /// Every example plan and every baseline an example names (<c>*.baseline*.json</c>), as <see cref="Examples"/>: the
        /// files a program under examples/ reads.
        /// </summary>
        public static (string Path, string Text)[] ExampleFiles() =>
            Examples().Concat(
                Directory.GetFiles(Path.Combine(Root, "examples"), "*.baseline*.json", SearchOption.AllDirectories)
                    .OrderBy(p => p, StringComparer.Ordinal)
                    .Select(p => (Path.GetRelativePath(Root, p).Replace('\\', '/'), File.ReadAllText(p))))
                .ToArray();
    }
}
