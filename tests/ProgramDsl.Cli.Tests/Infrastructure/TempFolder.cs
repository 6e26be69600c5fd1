using System;
using System.IO;
using System.Text;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>A fresh folder for one test, deleted afterwards.</summary>
    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tpm-cli-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        /// <summary>Writes a file (UTF-8, no BOM) at a path relative to the folder, creating sub-folders.</summary>
        public string Write(string relativePath, string text)
        {
            var full = System.IO.Path.Combine(Path, relativePath);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text, new UTF8Encoding(false));
            return full;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless; a failing cleanup must not fail the test.
            }
        }
    }
}
