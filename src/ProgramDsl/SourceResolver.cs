using System;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics.CodeAnalysis;

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

        /// <summary>
        /// Reads a file. Returns false with the reason when it cannot or must not be read: the kind of the reason decides
        /// the diagnostic (TPM1004 unreadable, TPM1006 outside the workspace or not a regular file, TPM1007 too large).
        /// </summary>
        bool TryReadText(string path, out string text, [NotNullWhen(false)] out SourceReadError? error);
    }

    /// <summary>
    /// Implemented by a resolver that can also read the frozen baseline a program names (<c>baseline "x.json"</c>): the
    /// CLI's and the language server's resolvers read it from disk, <see cref="InMemorySourceResolver"/> from memory. The
    /// path comes from <see cref="ISourceResolver.ResolvePath"/> like an include's, and the same rules hold (inside the
    /// workspace, a regular file, at most <see cref="InputLimits.MaxFileBytes"/>), except that the file's real name must
    /// end in <c>.json</c>. A program compiled with a resolver that does not implement this interface (the IDE
    /// analyzers' AdditionalFiles, which hold plans only) is not compared with its baseline, and nothing is reported
    /// about it. The netstandard2.0 build of the library never reads baselines either (it has no JSON reader).
    /// </summary>
    public interface IBaselineResolver
    {
        /// <summary>
        /// Reads a baseline file. Returns false with the reason when it cannot or must not be read (the reason is a
        /// TPM1104 at the <c>baseline</c> statement).
        /// </summary>
        bool TryReadBaseline(string path, out string text, [NotNullWhen(false)] out SourceReadError? error);
    }

    /// <summary>
    /// Implemented by a resolver whose paths can name one file in several ways (through symbolic links): the
    /// compiler then tells "already included" and include cycles by identity, not by the path as written, so a link
    /// <c>a -&gt; .</c> cannot make <c>a/f.tpm</c>, <c>a/a/f.tpm</c>, … new files without end.
    /// </summary>
    public interface ISourceIdentity
    {
        /// <summary>A key equal for two paths that name the same file (the real path); the path itself when unknown.</summary>
        string Identify(string path);
    }

    /// <summary>Why a resolver did not supply a file.</summary>
    public enum SourceFailure
    {
        /// <summary>Missing or unreadable (TPM1004).</summary>
        Unreadable,

        /// <summary>The path, or the real path after following symbolic links, leaves the workspace (TPM1006).</summary>
        OutsideWorkspace,

        /// <summary>A folder, device, FIFO or socket, or a file not named <c>*.tpm</c> (TPM1006): such a file is never opened.</summary>
        NotRegularFile,

        /// <summary>Larger than <see cref="InputLimits.MaxFileBytes"/> (TPM1007).</summary>
        TooLarge,
    }

    /// <summary>
    /// A reason a file was not read. Messages describe the path only, never the file's content: a file outside the
    /// workspace may hold secrets, and diagnostics end up in public CI logs.
    /// </summary>
    public sealed class SourceReadError
    {
        private SourceReadError(SourceFailure kind, string message)
        {
            Kind = kind;
            Message = message;
        }

        /// <summary>The kind of failure.</summary>
        public SourceFailure Kind { get; }

        /// <summary>The reason, to follow "cannot include 'x': " or "cannot read 'x': ".</summary>
        public string Message { get; }

        /// <summary>A missing or unreadable file.</summary>
        public static SourceReadError Unreadable(string message) => new SourceReadError(SourceFailure.Unreadable, message);

        /// <summary>A path outside the workspace <paramref name="workspace"/>.</summary>
        public static SourceReadError Outside(string workspace) =>
            new SourceReadError(SourceFailure.OutsideWorkspace, "it is outside the workspace '" + workspace + "'; only files inside it are read");

        /// <summary>Something that is not a regular file: <paramref name="what"/> is "a folder", "a FIFO (named pipe)", ….</summary>
        public static SourceReadError NotRegularFile(string what) =>
            new SourceReadError(SourceFailure.NotRegularFile, "it is " + what + ", not a regular file");

        /// <summary>
        /// A regular file whose name does not end in <c>.tpm</c>: not a plan, so it is not read, and a syntax error could
        /// not quote its first word (a token file, a <c>.env</c>, <c>.git/config</c>) into a public log.
        /// </summary>
        public static SourceReadError NotAPlan() =>
            new SourceReadError(SourceFailure.NotRegularFile, "it is not a plan file; an include reads only files named '*.tpm'");

        /// <summary>
        /// A regular file named by a <c>baseline</c> statement whose name does not end in <c>.json</c>: not a baseline, so
        /// it is not read (its first bytes could otherwise be quoted as a syntax error).
        /// </summary>
        public static SourceReadError NotABaseline() =>
            new SourceReadError(SourceFailure.NotRegularFile, "it is not a baseline file; a baseline statement reads only files named '*.json'");

        /// <summary>A file of <paramref name="size"/> bytes, over <see cref="InputLimits.MaxFileBytes"/>.</summary>
        public static SourceReadError TooLarge(long size) =>
            new SourceReadError(SourceFailure.TooLarge, (size > InputLimits.MaxFileBytes ? "it is " + size.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes" : "it is too large") +
                ", over the limit of " + InputLimits.MaxFileBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes (64 MiB) for a plan file");

        /// <inheritdoc />
        public override string ToString() => Message;
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

        /// <summary>
        /// The deepest folder that holds every one of <paramref name="folders"/> (normalised, compared segment by segment),
        /// or null when they share none (relative and absolute paths mixed, or two Windows drives).
        /// </summary>
        public static string? CommonFolder(IEnumerable<string> folders)
        {
            string[]? common = null;
            bool rooted = false, drive = false;
            foreach (var folder in folders)
            {
                var normal = Normalize(folder);
                bool isRooted = normal.StartsWith("/", StringComparison.Ordinal);
                var parts = normal == "." ? new string[0] : normal.TrimStart('/').Split('/');
                if (common is null)
                {
                    common = parts;
                    rooted = isRooted;
                    drive = parts.Length > 0 && parts[0].Length == 2 && parts[0][1] == ':';
                    continue;
                }

                if (rooted != isRooted) return null;
                int n = 0;
                while (n < common.Length && n < parts.Length && string.Equals(common[n], parts[n], StringComparison.Ordinal)) n++;
                if (n < common.Length) common = common.Take(n).ToArray();
            }

            if (common is null) return null;
            if (rooted) return "/" + string.Join("/", common);
            if (drive && common.Length == 0) return null;
            if (drive) return string.Join("/", common) + (common.Length == 1 ? "/" : string.Empty);
            if (common.Length > 0 && common[0] == "..") return null;
            return common.Length == 0 ? "." : string.Join("/", common);
        }

        /// <summary>
        /// True when <paramref name="path"/> is <paramref name="root"/> or lies below it, comparing whole segments after
        /// <see cref="Normalize"/> (so <c>/repo2</c> is not inside <c>/repo</c>, and <c>/repo/../etc</c> is not either).
        /// Both paths must be absolute, or both relative to the same folder; a relative path that climbs above its
        /// folder (<c>../x</c>) is inside no relative root. Symbolic links are the reader's business: pass real paths.
        /// </summary>
        public static bool IsWithin(string root, string path, bool ignoreCase = false)
        {
            var r = Normalize(root);
            var p = Normalize(path);
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (p == ".." || p.StartsWith("../", StringComparison.Ordinal)) return false;
            if (r == ".") return !IsRooted(p);
            if (string.Equals(r, p, comparison)) return true;
            var prefix = r.EndsWith("/", StringComparison.Ordinal) ? r : r + "/";
            return p.StartsWith(prefix, comparison);
        }
    }

    /// <summary>A resolver over texts held in memory, keyed by normalised path.</summary>
    public sealed class InMemorySourceResolver : ISourceResolver, IBaselineResolver
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

        /// <summary>
        /// When set, a path outside this folder is refused as outside the workspace (TPM1006) even when a text is held
        /// for it, the rule the CLI applies to the file system.
        /// </summary>
        public string? Workspace { get; set; }

        /// <inheritdoc />
        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        /// <inheritdoc />
        public bool TryReadText(string path, out string text, [NotNullWhen(false)] out SourceReadError? error)
        {
            error = null;
            text = string.Empty;
            if (Workspace != null && !SourcePaths.IsWithin(Workspace, path))
            {
                error = SourceReadError.Outside(Workspace);
                return false;
            }

            if (!_files.TryGetValue(SourcePaths.Normalize(path), out var held))
            {
                error = SourceReadError.Unreadable("no such file");
                return false;
            }

            // Characters, not bytes: a text held in memory has been read already; this keeps the limit the same order.
            if (held.Length > InputLimits.MaxFileBytes)
            {
                error = SourceReadError.TooLarge(held.Length);
                return false;
            }

            text = held;
            return true;
        }

        /// <inheritdoc />
        public bool TryReadBaseline(string path, out string text, [NotNullWhen(false)] out SourceReadError? error)
        {
            if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && (Workspace is null || SourcePaths.IsWithin(Workspace, path)))
            {
                text = string.Empty;
                error = SourceReadError.NotABaseline();
                return false;
            }

            return TryReadText(path, out text, out error);
        }
    }
}
