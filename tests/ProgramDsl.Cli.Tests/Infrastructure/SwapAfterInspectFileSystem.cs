using System;
using System.Collections.Generic;
using System.IO;
using ProgramDsl.Cli.Infrastructure;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>
    /// The real file system seen from a working directory, where one path is swapped for something else right after tpm
    /// inspects it: the window between checking a path's metadata and opening it, made deterministic.
    /// </summary>
    public sealed class SwapAfterInspectFileSystem : IFileSystem
    {
        private readonly RootedFileSystem _inner;
        private readonly string _target;
        private readonly Action _swap;
        private readonly int _atInspection;
        private int _inspections;
        private bool _swapped;

        /// <param name="root">The working directory.</param>
        /// <param name="target">The full path whose first inspection triggers the swap.</param>
        /// <param name="swap">What replaces it.</param>
        /// <param name="atInspection">Which inspection of the path triggers it (the last one before the read, for a path inspected more than once).</param>
        public SwapAfterInspectFileSystem(string root, string target, Action swap, int atInspection = 1)
        {
            _atInspection = atInspection;
            _inner = new RootedFileSystem(root);
            _target = Path.GetFullPath(target);
            _swap = swap;
        }

        /// <summary>True once the swap has happened.</summary>
        public bool Swapped => _swapped;

        public PathInfo Inspect(string path)
        {
            var info = _inner.Inspect(path);
            if (!_swapped && _inner.GetFullPath(path) == _target && ++_inspections == _atInspection)
            {
                _swapped = true;
                _swap();
            }

            return info;
        }

        public bool FileExists(string path) => _inner.FileExists(path);

        public bool DirectoryExists(string path) => _inner.DirectoryExists(path);

        public string ReadAllText(string path) => _inner.ReadAllText(path);

        public string ReadAllText(string path, long maxBytes) => _inner.ReadAllText(path, maxBytes);

        public string ReadRealFileText(string realPath, long maxBytes) => _inner.ReadRealFileText(realPath, maxBytes);

        public byte[] ReadAllBytes(string path) => _inner.ReadAllBytes(path);

        public string GetRealPath(string path) => _inner.GetRealPath(path);

        public IReadOnlyList<string> EnumerateFiles(string folder, string pattern, string? workspace = null) => _inner.EnumerateFiles(folder, pattern, workspace);

        public void WriteAllTextAtomic(string path, string text) => _inner.WriteAllTextAtomic(path, text);

        public void ReplaceFolder(string folder, IReadOnlyList<KeyValuePair<string, Action<Stream>>> files) => _inner.ReplaceFolder(folder, files);

        public IReadOnlyList<string> ListFolder(string folder) => _inner.ListFolder(folder);

        public string GetFullPath(string path) => _inner.GetFullPath(path);
    }
}
