using System;
using System.IO;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>A fresh temporary folder for one test's pages and screenshots, deleted afterwards.</summary>
    public sealed class ScratchFolder : IDisposable
    {
        public ScratchFolder(string prefix)
        {
            Root = Path.Combine(Path.GetTempPath(), prefix + "-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Root);
        }

        /// <summary>The folder.</summary>
        public string Root { get; }

        /// <summary>The path of a file in the folder.</summary>
        public string File(string name) => Path.Combine(Root, name);

        public void Dispose()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
                // Leaving a temp folder behind is harmless.
            }
        }
    }
}
