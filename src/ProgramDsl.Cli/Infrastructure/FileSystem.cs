using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>The file operations the CLI needs; the compiler itself never touches files.</summary>
    public interface IFileSystem
    {
        bool FileExists(string path);

        bool DirectoryExists(string path);

        string ReadAllText(string path);

        /// <summary>
        /// The raw bytes of a file, for formats that name their own encoding (MS Project XML for <c>tpm import</c>).
        /// The default re-encodes <see cref="ReadAllText"/> as UTF-8, for file systems that only hold text.
        /// </summary>
        byte[] ReadAllBytes(string path) => new UTF8Encoding(false).GetBytes(ReadAllText(path));

        /// <summary>Files under a folder, recursively, matching a pattern, sorted ordinally.</summary>
        IReadOnlyList<string> EnumerateFiles(string folder, string pattern);

        /// <summary>Writes a file atomically: a temporary file in the same folder, then a rename.</summary>
        void WriteAllTextAtomic(string path, string text);

        string GetFullPath(string path);
    }

    /// <summary>The real file system.</summary>
    public sealed class PhysicalFileSystem : IFileSystem
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        public bool FileExists(string path) => File.Exists(path);

        public bool DirectoryExists(string path) => Directory.Exists(path);

        // One read and one decode: a reader's growing buffers would double the memory touched for large plans.
        public string ReadAllText(string path)
        {
            var bytes = File.ReadAllBytes(path);
            int bom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            return Utf8.GetString(bytes, bom, bytes.Length - bom);
        }

        public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

        public IReadOnlyList<string> EnumerateFiles(string folder, string pattern) =>
            Directory.EnumerateFiles(folder, pattern, new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive })
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();

        public void WriteAllTextAtomic(string path, string text)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, text, Utf8);
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        public string GetFullPath(string path) => Path.GetFullPath(path);
    }

    /// <summary>Serves includes from the file system, reporting paths relative to how the program was named.</summary>
    public sealed class FileSystemSourceResolver : ISourceResolver
    {
        private readonly IFileSystem _fileSystem;

        public FileSystemSourceResolver(IFileSystem fileSystem) => _fileSystem = fileSystem;

        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        public bool TryReadText(string path, out string text, out string error)
        {
            text = string.Empty;
            error = string.Empty;
            try
            {
                if (_fileSystem.DirectoryExists(path))
                {
                    error = "it is a folder, not a file";
                    return false;
                }

                if (!_fileSystem.FileExists(path))
                {
                    error = "file not found";
                    return false;
                }

                text = _fileSystem.ReadAllText(path);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                error = ex.Message;
                return false;
            }
        }
    }
}
