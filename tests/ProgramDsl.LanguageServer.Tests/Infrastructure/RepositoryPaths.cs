using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ProgramDsl.LanguageServer.Tests.Infrastructure
{
    /// <summary>Finds the repository (the folder holding ProgramDsl.sln) and the built <c>tpm</c>.</summary>
    public static class RepositoryPaths
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string Examples => Path.Combine(Root, "examples");

        /// <summary>tpm.dll, copied next to the test assembly by the project reference.</summary>
        public static string TpmDll
        {
            get
            {
                var path = Path.Combine(AppContext.BaseDirectory, "tpm.dll");
                if (!File.Exists(path)) throw new InvalidOperationException("tpm.dll is not next to the test assembly: " + path);
                return path;
            }
        }

        private static string FindRoot()
        {
            // Builds with --artifacts-path put the test assembly outside the tree: the project file records
            // where the source was, so try the assembly folder first, then that.
            var recorded = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, recorded })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root (ProgramDsl.sln) above " + AppContext.BaseDirectory + " or " + recorded);
        }
    }
}
