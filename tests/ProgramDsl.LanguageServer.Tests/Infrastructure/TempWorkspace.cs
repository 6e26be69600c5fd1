using System.Linq;
using System;
using System.IO;

namespace ProgramDsl.LanguageServer.Tests.Infrastructure
{
    /// <summary>A throwaway folder marked as a repository (a <c>.git</c> folder), so the workspace rule finds it as the root.</summary>
    public sealed class TempWorkspace : IDisposable
    {
        public TempWorkspace()
        {
            Root = Path.Combine(Path.GetTempPath(), "tpm-lsp-" + Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path.Combine(Root, ".git"));
        }

        public string Root { get; }

        /// <summary>Writes a file (folders made as needed) and returns its absolute path.</summary>
        public string Write(string relativePath, string text)
        {
            var path = Path.Combine(Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return path;
        }

        /// <summary>
        /// Copies a folder of the repository's examples into the workspace, laid out as in the repository: an example that
        /// includes the portfolio's shared fragments (the ML platform's people, calendars and GPU pool) gets
        /// <c>portfolio/shared</c> beside it too.
        /// </summary>
        public string CopyExample(string name)
        {
            var to = CopyFolder(name);
            var includesShared = Directory.EnumerateFiles(to, "*.tpm", SearchOption.AllDirectories).Any(f => File.ReadAllText(f).Contains("\"../portfolio/shared/", StringComparison.Ordinal));
            if (includesShared && !Directory.Exists(Path.Combine(Root, "portfolio", "shared"))) CopyFolder(Path.Combine("portfolio", "shared"));
            return to;
        }

        private string CopyFolder(string name)
        {
            var from = Path.Combine(RepositoryPaths.Examples, name);
            var to = Path.Combine(Root, name);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            return to;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
