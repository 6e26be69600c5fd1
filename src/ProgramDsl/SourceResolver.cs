using System;
using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl
{
    /// <summary>
    /// Supplies the text of included files. The compiler never touches the file system: the CLI and the build
    /// read files, the analyzers serve AdditionalFiles, tests serve strings.
    /// </summary>
    public interface ISourceResolver
    {
        /// <summary>The path of an include, given the path of the including file (<see cref="SourcePaths.Combine"/> by default).</summary>
        string ResolvePath(string includingPath, string includePath);

        /// <summary>Reads a file. Returns false with a reason when it cannot be read.</summary>
        bool TryReadText(string path, out string text, out string error);
    }

    /// <summary>Pure path arithmetic for include paths ('/' or '\' separators; the result uses '/').</summary>
    public static class SourcePaths
    {
        /// <summary>The include path relative to the including file's folder, normalised (<c>.</c> and <c>..</c> folded).</summary>
        public static string Combine(string includingPath, string includePath)
        {
            if (IsRooted(includePath)) return Normalize(includePath);
            int slash = Math.Max(includingPath.LastIndexOf('/'), includingPath.LastIndexOf('\\'));
            var folder = slash < 0 ? string.Empty : includingPath.Substring(0, slash + 1);
            return Normalize(folder + includePath);
        }

        /// <summary>True for <c>/x</c>, <c>\x</c> and <c>C:\x</c>.</summary>
        public static bool IsRooted(string path) =>
            path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) ||
            (path.Length >= 2 && path[1] == ':' && char.IsLetter(path[0]));

        /// <summary>Folds <c>.</c> and <c>..</c> segments and uses '/' separators.</summary>
        public static string Normalize(string path)
        {
            bool rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
            var parts = new List<string>();
            foreach (var part in path.Split('/', '\\'))
            {
                if (part.Length == 0 || part == ".") continue;
                if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                    continue;
                }

                if (part == ".." && rooted) continue;
                parts.Add(part);
            }

            var joined = string.Join("/", parts);
            return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
        }
    }

    /// <summary>A resolver over texts held in memory, keyed by normalised path.</summary>
    public sealed class InMemorySourceResolver : ISourceResolver
    {
        private readonly Dictionary<string, string> _files = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Creates an empty resolver.</summary>
        public InMemorySourceResolver() { }

        /// <summary>Creates a resolver over path/text pairs.</summary>
        public InMemorySourceResolver(IEnumerable<KeyValuePair<string, string>> files)
        {
            foreach (var f in files) Add(f.Key, f.Value);
        }

        /// <summary>Adds or replaces a file.</summary>
        public InMemorySourceResolver Add(string path, string text)
        {
            _files[SourcePaths.Normalize(path)] = text;
            return this;
        }

        /// <summary>The paths held.</summary>
        public IEnumerable<string> Paths => _files.Keys.OrderBy(k => k, StringComparer.Ordinal);

        /// <inheritdoc />
        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        /// <inheritdoc />
        public bool TryReadText(string path, out string text, out string error)
        {
            error = string.Empty;
            if (_files.TryGetValue(SourcePaths.Normalize(path), out text!)) return true;
            text = string.Empty;
            error = "no such file";
            return false;
        }
    }
}
