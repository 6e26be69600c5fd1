using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>
    /// The real file system seen from another working directory: relative paths resolve against <see cref="Root"/>.
    /// It stands in for changing the process's current directory, which parallel tests cannot share.
    /// </summary>
    public sealed class RootedFileSystem : IFileSystem
    {
        private readonly PhysicalFileSystem _inner;

        public RootedFileSystem(string root) : this(root, new PhysicalFileSystem()) { }

        /// <summary>The file system <paramref name="inner"/> seen from <paramref name="root"/>.</summary>
        public RootedFileSystem(string root, PhysicalFileSystem inner)
        {
            Root = Path.GetFullPath(root);
            _inner = inner;
        }

        public string Root { get; }

        public bool FileExists(string path) => _inner.FileExists(Resolve(path));

        public bool DirectoryExists(string path) => _inner.DirectoryExists(Resolve(path));

        public string ReadAllText(string path) => _inner.ReadAllText(Resolve(path));

        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(Resolve(path));

        public string ReadAllText(string path, long maxBytes) => _inner.ReadAllText(Resolve(path), maxBytes);

        public string ReadRealFileText(string realPath, long maxBytes) => _inner.ReadRealFileText(Resolve(realPath), maxBytes);

        public PathInfo Inspect(string path) => _inner.Inspect(Resolve(path));

        public string GetRealPath(string path) => _inner.GetRealPath(Resolve(path));

        public IReadOnlyList<string> EnumerateFiles(string folder, string pattern, string? workspace = null)
        {
            // Give the paths back in the form the caller used, as Directory.EnumerateFiles does for a relative folder.
            var full = Resolve(folder);
            return _inner.EnumerateFiles(full, pattern, workspace is null ? null : Resolve(workspace))
                .Select(p => Path.IsPathRooted(folder) ? p : folder + p.Substring(full.Length))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToList();
        }

        public void WriteAllTextAtomic(string path, string text) => _inner.WriteAllTextAtomic(Resolve(path), text);

        public bool TryWriteNewTextAtomic(string path, string text) => _inner.TryWriteNewTextAtomic(Resolve(path), text);

        public void ReplaceFolder(string folder, IReadOnlyList<KeyValuePair<string, Action<Stream>>> files) => _inner.ReplaceFolder(Resolve(folder), files);

        public IReadOnlyList<string> ListFolder(string folder) => _inner.ListFolder(Resolve(folder));

        public string GetFullPath(string path) => Path.GetFullPath(path, Root);

        private string Resolve(string path) => Path.GetFullPath(path, Root);
    }
}
