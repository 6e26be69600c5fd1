using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Cli.Commands;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// Reads plans as they were at a git revision, through the <c>git</c> command: the repository holding a path, a
    /// revision resolved to its commit, the commits of a range, and an <see cref="ISourceResolver"/> that serves a
    /// plan and its includes at one commit.
    /// </summary>
    /// <remarks>
    /// Revisions and paths come from pull requests and CI variables, so git is run without a shell (each argument
    /// passed as it is), revisions are checked (no option, no control character, bounded length) and given after
    /// <c>--end-of-options</c>, paths after <c>--</c> with <c>--literal-pathspecs</c> (no glob or <c>:(magic)</c>).
    /// Only files inside the repository are read, only regular blobs named <c>*.tpm</c> (a committed symbolic link is
    /// followed, at most <see cref="MaxLinkHops"/> deep, while its target stays inside the repository and out of
    /// <c>.git</c>; submodules are refused), at most <see cref="InputLimits.MaxFileBytes"/>; every git run is bounded in output
    /// and time and is stopped by the run's cancellation. Nothing is written to the repository.
    /// </remarks>
    public sealed class GitRevisions
    {
        /// <summary>The longest revision accepted (a ref name, an abbreviated id, <c>main~3</c>, <c>a..b</c>).</summary>
        public const int MaxRevisionLength = 256;

        /// <summary>
        /// The reason given for a path a revision does not hold, worded as the disk reader words it (so a diff matches a
        /// problem present on both sides); callers that skip such revisions compare with it.
        /// </summary>
        public const string NotFoundMessage = "file not found";

        /// <summary>How long one git run may take before it is stopped (a revision walk of a huge history, a hung git).</summary>
        internal static TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(120);

        private const int MaxSmallOutput = 1 << 20;

        private readonly IFileSystem _fileSystem;
        private readonly string _folder;
        private readonly CancellationToken _cancellation;
        private readonly Dictionary<string, (string Mode, string Type, string Id, long Size)?> _entries = new Dictionary<string, (string Mode, string Type, string Id, long Size)?>(StringComparer.Ordinal);

        private GitRevisions(IFileSystem fileSystem, string folder, string root, CancellationToken cancellation)
        {
            _fileSystem = fileSystem;
            _folder = folder;
            Root = root;
            _cancellation = cancellation;
        }

        /// <summary>The repository's top folder (its real path, as git reports it).</summary>
        public string Root { get; }

        /// <summary>
        /// The repository that holds <paramref name="path"/> (a file or folder, which need not exist: a plan deleted in
        /// the working tree is found from its nearest existing folder). Throws <see cref="UsageException"/> when git is
        /// missing or the path is in no repository.
        /// </summary>
        public static GitRevisions Open(IFileSystem fileSystem, string path, CancellationToken cancellation = default)
        {
            if (path.IndexOf('\0') >= 0) throw new UsageException("a path cannot hold a NUL character");
            // The repository's own database is no plan: git would answer from inside it with another top folder or none.
            if (SourcePaths.Normalize(path).Split('/').Any(s => string.Equals(s, ".git", StringComparison.OrdinalIgnoreCase)))
            {
                throw new UsageException("'" + path + "' is inside a .git folder; only plan files are compared");
            }

            var folder = fileSystem.GetFullPath(path);
            while (!fileSystem.DirectoryExists(folder))
            {
                var parent = Path.GetDirectoryName(folder);
                if (string.IsNullOrEmpty(parent)) throw new UsageException("no folder holds '" + path + "'");
                folder = parent;
            }

            var result = Run(folder, new[] { "rev-parse", "--show-toplevel" }, MaxSmallOutput, cancellation);
            if (result.ExitCode != 0)
            {
                throw new UsageException("'" + path + "' is not in a git repository (" + result.Reason() + "); to compare two files, name both: tpm diff OLD.tpm NEW.tpm");
            }

            var root = result.Text().TrimEnd('\n', '\r');
            if (root.Length == 0) throw new UsageException("git found no working tree for '" + path + "'");
            return new GitRevisions(fileSystem, folder, SourcePaths.Normalize(root), cancellation);
        }

        /// <summary>
        /// Null when <paramref name="revision"/> may be given to git, else why not: empty, longer than
        /// <see cref="MaxRevisionLength"/>, starting with '-' (git would read an option) or holding a control character.
        /// </summary>
        public static string? CheckRevision(string revision)
        {
            if (revision.Length == 0) return "a revision cannot be empty";
            if (revision.Length > MaxRevisionLength) return "a revision is at most " + MaxRevisionLength + " characters";
            if (revision[0] == '-') return "a revision cannot start with '-'";
            if (revision.Any(c => c < ' ' || c == '\x7f')) return "a revision cannot hold control characters";
            return null;
        }

        /// <summary>The full id of the commit <paramref name="revision"/> names (a branch, tag, id, <c>HEAD~3</c>); <see cref="UsageException"/> when it names none.</summary>
        public string ResolveCommit(string revision)
        {
            if (CheckRevision(revision) is string bad) throw new UsageException(bad + ": '" + revision + "'");
            var result = Run(_folder, new[] { "rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}" }, MaxSmallOutput, _cancellation);
            var id = result.Text().Trim();
            if (result.ExitCode != 0 || !IsObjectId(id)) throw new UsageException("'" + revision + "' names no commit in the repository '" + Root + "'");
            return id;
        }

        /// <summary>
        /// The commits of <paramref name="range"/> (<c>HEAD~20..HEAD</c>, <c>main..feature</c>, or one revision and its
        /// history), newest first, at most <paramref name="maxCount"/>.
        /// </summary>
        public IReadOnlyList<string> Commits(string range, int maxCount)
        {
            if (CheckRevision(range) is string bad) throw new UsageException(bad + ": '" + range + "'");
            if (maxCount < 1) throw new ArgumentOutOfRangeException(nameof(maxCount));
            var result = Run(_folder, new[] { "rev-list", "--max-count=" + maxCount.ToString(System.Globalization.CultureInfo.InvariantCulture), "--end-of-options", range, "--" },
                (long)maxCount * 66 + 1, _cancellation);
            if (result.ExitCode != 0) throw new UsageException("'" + range + "' is not a revision range of the repository '" + Root + "' (" + result.Reason() + ")");
            var ids = result.Text().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            if (ids.Any(id => !IsObjectId(id))) throw new UsageException("git listed something other than commits for '" + range + "'");
            return ids;
        }

        /// <summary>
        /// The path inside the repository ('/' separators, relative to <see cref="Root"/>) of a path as named on the
        /// command line or by an include, or null when it lies outside the repository.
        /// </summary>
        public string? RepositoryPath(string path)
        {
            if (path.Length == 0 || path.IndexOf('\0') >= 0) return null;
            var full = SourcePaths.Normalize(_fileSystem.GetFullPath(path));
            var relative = Inside(full);
            if (relative != null) return relative;
            // Named through a link to the checkout (macOS's /tmp, a linked home): the real path of the folders that exist.
            try
            {
                return Inside(SourcePaths.Normalize(_fileSystem.GetRealPath(full)));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The absolute path of a repository path (as <see cref="PlanFiles"/> lists them), to give to <see cref="TryRead"/> or a resolver.</summary>
        public string FullPath(string repositoryPath) => SourcePaths.Normalize(Root.TrimEnd('/') + "/" + repositoryPath);

        /// <summary>
        /// The plan files (<c>*.tpm</c>, regular blobs; links are not listed) in <paramref name="folder"/> (a repository
        /// path; "." for all) and below at <paramref name="commit"/>, as repository paths (<see cref="FullPath"/> makes
        /// them readable), sorted, at most <paramref name="maxCount"/>.
        /// </summary>
        public IReadOnlyList<string> PlanFiles(string commit, string folder, int maxCount)
        {
            RequireObjectId(commit);
            var args = new List<string> { "ls-tree", "-r", "-z", "--full-tree", commit, "--" };
            if (folder != "." && folder.Length > 0) args.Add(folder.TrimEnd('/') + "/");
            // Entries are bounded by the path limit of git; the output bound keeps a giant tree from filling memory.
            var result = Run(_folder, args, 64L << 20, _cancellation);
            if (result.ExitCode != 0) throw new UsageException("cannot list the files of " + Short(commit) + " (" + result.Reason() + ")");
            return ParseTree(result.Text())
                .Where(e => e.Mode != "120000" && e.Type == "blob" && e.Path.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase))
                .Select(e => e.Path)
                .OrderBy(p => p, StringComparer.Ordinal)
                .Take(maxCount)
                .ToList();
        }

        /// <summary>A resolver that reads plans as they are at <paramref name="commit"/> (a full id from <see cref="ResolveCommit"/>).</summary>
        public ISourceResolver At(string commit)
        {
            RequireObjectId(commit);
            return new RevisionResolver(this, commit);
        }

        /// <summary>The most symbolic links followed to one file (Linux's own limit is 40).</summary>
        public const int MaxLinkHops = 40;

        /// <summary>
        /// Reads the plan file at <paramref name="path"/> (named as on the command line) as it is at <paramref name="commit"/>,
        /// under the rules of an include on disk: inside the repository, a regular blob, named <c>*.tpm</c> (by its real
        /// name: a link <c>x.tpm</c> to <c>token.txt</c> is no plan), within the size limit. A symbolic link committed
        /// in the revision is followed as the disk follows it, while its target stays inside the repository; a linked
        /// folder in the path is not (the file is then not found). The messages are the disk's, so a problem present
        /// on both sides of a diff is matched as one.
        /// </summary>
        public bool TryRead(string commit, string path, out string text, [NotNullWhen(false)] out SourceReadError? error) =>
            TryReadNamed(commit, path, ".tpm", SourceReadError.NotAPlan, out text, out error);

        /// <summary><see cref="TryRead(string, string, out string, out SourceReadError?)"/> of a file whose real name must end in <paramref name="extension"/>.</summary>
        internal bool TryReadNamed(string commit, string path, string extension, Func<SourceReadError> wrongName, out string text, [NotNullWhen(false)] out SourceReadError? error)
        {
            text = string.Empty;
            var found = Locate(commit, path, out var notFound);
            if (found is null)
            {
                error = notFound ?? SourceReadError.Unreadable(NotFoundMessage);
                return false;
            }

            error = null;
            var (real, type, id, size) = found.Value;
            if (type != "blob")
            {
                error = SourceReadError.NotRegularFile(type == "tree" ? "a folder" : "a submodule");
                return false;
            }

            if (size > InputLimits.MaxFileBytes)
            {
                error = SourceReadError.TooLarge(size);
                return false;
            }

            if (!real.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                error = wrongName();
                return false;
            }

            var blob = Run(_folder, new[] { "cat-file", "blob", id }, InputLimits.MaxFileBytes, _cancellation);
            if (blob.TooLarge)
            {
                error = SourceReadError.TooLarge(-1);
                return false;
            }

            if (blob.ExitCode != 0)
            {
                error = SourceReadError.Unreadable("git could not read it at " + Short(commit) + " (" + blob.Reason() + ")");
                return false;
            }

            text = PhysicalFileSystem.Decode((blob.Output, blob.Length));
            return true;
        }

        /// <summary>
        /// The repository path a path names at <paramref name="commit"/> once its symbolic links are followed (the key
        /// the compiler tells files apart by), or null when it names nothing readable.
        /// </summary>
        public string? Identify(string commit, string path) => Locate(commit, path, out _)?.Path;

        // The entry a path names at a commit, symbolic links followed while they stay inside the repository: its real
        // repository path, type, object id and size; null with the reason when there is none.
        private (string Path, string Type, string Id, long Size)? Locate(string commit, string path, out SourceReadError? error)
        {
            error = null;
            RequireObjectId(commit);
            var current = RepositoryPath(path);
            for (int hops = 0; ; hops++)
            {
                if (current is null)
                {
                    error = SourceReadError.Outside(Root);
                    return null;
                }

                var entry = Entry(commit, current);
                if (entry is null)
                {
                    error = SourceReadError.Unreadable(NotFoundMessage);
                    return null;
                }

                var (mode, type, id, size) = entry.Value;
                if (mode != "120000") return (current, type, id, size);
                if (hops == MaxLinkHops)
                {
                    error = SourceReadError.Unreadable("too many levels of symbolic links");
                    return null;
                }

                // A link's blob is its target; a long one is no path (PATH_MAX is 4,096).
                var target = size > 4096 ? null : Run(_folder, new[] { "cat-file", "blob", id }, 4096, _cancellation);
                var link = target is null || target.ExitCode != 0 ? "" : target.Text();
                if (link.Length == 0 || link.IndexOf('\0') >= 0 || SourcePaths.IsRooted(link))
                {
                    // An absolute target names the machine's files, not the revision's: outside, as on disk.
                    error = SourceReadError.Outside(Root);
                    return null;
                }

                int slash = current.LastIndexOf('/');
                var combined = SourcePaths.Normalize((slash < 0 ? "" : current.Substring(0, slash + 1)) + link);
                current = combined == ".." || combined.StartsWith("../", StringComparison.Ordinal) || IsGitFolder(combined) ? null : combined;
            }
        }

        // The tree entry at a repository path: mode, type, object id and size; null when there is none.
        private (string Mode, string Type, string Id, long Size)? Entry(string commit, string repositoryPath)
        {
            // A commit's tree never changes: each path is asked of git once (the compiler identifies a file, then reads it).
            var key = commit + ":" + repositoryPath;
            if (_entries.TryGetValue(key, out var known)) return known;
            var entry = ListEntry(commit, repositoryPath);
            _entries[key] = entry;
            return entry;
        }

        private (string Mode, string Type, string Id, long Size)? ListEntry(string commit, string repositoryPath)
        {
            var result = Run(_folder, new[] { "ls-tree", "-l", "-z", "--full-tree", commit, "--", repositoryPath }, MaxSmallOutput, _cancellation);
            if (result.ExitCode != 0) throw new UsageException("cannot list '" + repositoryPath + "' at " + Short(commit) + " (" + result.Reason() + ")");
            foreach (var e in ParseTree(result.Text()))
            {
                if (string.Equals(e.Path, repositoryPath, StringComparison.Ordinal)) return (e.Mode, e.Type, e.Id, e.Size);
            }

            return null;
        }

        // ls-tree -z [-l]: "<mode> SP <type> SP <id> [SP+ <size>] TAB <path> NUL".
        private static IEnumerable<(string Mode, string Type, string Id, long Size, string Path)> ParseTree(string output)
        {
            foreach (var record in output.Split('\0'))
            {
                int tab = record.IndexOf('\t');
                if (tab < 0) continue;
                var fields = record.Substring(0, tab).Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length < 3) continue;
                long size = fields.Length > 3 && long.TryParse(fields[3], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : -1;
                yield return (fields[0], fields[1], fields[2], size, record.Substring(tab + 1));
            }
        }

        private string? Inside(string full)
        {
            bool ignoreCase = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS();
            if (!SourcePaths.IsWithin(Root, full, ignoreCase)) return null;
            var relative = full.Length <= Root.Length ? "." : full.Substring(Root.TrimEnd('/').Length + 1);
            return IsGitFolder(relative) ? null : relative;
        }

        // The repository's own database is not a plan's business, whatever a path names.
        private static bool IsGitFolder(string repositoryPath) =>
            string.Equals(repositoryPath.Split('/')[0], ".git", StringComparison.OrdinalIgnoreCase);

        private static bool IsObjectId(string id) =>
            (id.Length == 40 || id.Length == 64) && id.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));

        private static void RequireObjectId(string commit)
        {
            if (!IsObjectId(commit)) throw new ArgumentException("a full commit id is expected (GitRevisions.ResolveCommit)", nameof(commit));
        }

        /// <summary>An abbreviated id for messages.</summary>
        internal static string Short(string commit) => commit.Length > 12 ? commit.Substring(0, 12) : commit;

        /// <summary>What one git run printed, bounded.</summary>
        private sealed class GitResult
        {
            public int ExitCode { get; init; }
            public byte[] Output { get; init; } = Array.Empty<byte>();
            public int Length { get; init; }
            public bool TooLarge { get; init; }
            public string Error { get; init; } = string.Empty;

            public string Text() => Encoding.UTF8.GetString(Output, 0, Length);

            /// <summary>git's own message, first line, for a usage error.</summary>
            public string Reason()
            {
                if (TooLarge) return "its output was larger than expected";
                var line = Error.Replace("\r", "").Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
                return line is null ? "git exited with " + ExitCode : Diagnostics.Diagnostic.Printable(line.Length > 300 ? line.Substring(0, 300) + "…" : line);
            }
        }

        /// <summary>
        /// Runs git in <paramref name="folder"/> with <paramref name="args"/> passed as they are (no shell), reading at
        /// most <paramref name="maxOutput"/> bytes of its output (stopped beyond), within <see cref="Timeout"/>.
        /// </summary>
        private static GitResult Run(string folder, IReadOnlyList<string> args, long maxOutput, CancellationToken cancellation)
        {
            cancellation.ThrowIfCancellationRequested();
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = folder,
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            // No pager, no prompt for credentials, no pathspec magic, no file-system monitor hook, no optional lock
            // files (tpm only reads), messages in English for the usage errors that quote them.
            foreach (var a in new[] { "--no-pager", "--literal-pathspecs", "-c", "core.fsmonitor=false", "-c", "core.quotepath=off" }) start.ArgumentList.Add(a);
            foreach (var a in args) start.ArgumentList.Add(a);
            // The repository is the one holding the plan's folder: a hook's GIT_DIR=.git (relative to the hook's folder,
            // not this one) would point git elsewhere or nowhere.
            start.Environment.Remove("GIT_DIR");
            start.Environment.Remove("GIT_WORK_TREE");
            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            start.Environment["GIT_OPTIONAL_LOCKS"] = "0";
            start.Environment["LC_ALL"] = "C";
            start.Environment["LANGUAGE"] = "C";

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new UsageException("the git command could not be started");
            }
            catch (Win32Exception ex)
            {
                throw new UsageException("the git command could not be run (" + CliErrors.Clause(ex.Message) + "); tpm diff reads revisions with git");
            }

            using (process)
            {
                process.StandardInput.Close();
                var output = Task.Run(() => ReadBounded(process.StandardOutput.BaseStream, maxOutput));
                var error = Task.Run(() => ReadBounded(process.StandardError.BaseStream, 64 * 1024, drain: true));
                var deadline = DateTime.UtcNow + Timeout;
                bool stopped = false;
                while (!process.WaitForExit(50))
                {
                    if (cancellation.IsCancellationRequested || DateTime.UtcNow > deadline || (output.IsCompleted && output.Result.TooLarge))
                    {
                        stopped = true;
                        Kill(process);
                        break;
                    }
                }

                if (stopped) process.WaitForExit(5000);
                cancellation.ThrowIfCancellationRequested();
                var (bytes, length, tooLarge) = output.GetAwaiter().GetResult();
                var (errorBytes, errorLength, _) = error.GetAwaiter().GetResult();
                if (stopped && !tooLarge) throw new UsageException("git took longer than " + Timeout.TotalSeconds + " seconds (git " + string.Join(" ", args.Take(2)) + ")");
                return new GitResult
                {
                    ExitCode = tooLarge ? -1 : process.ExitCode,
                    Output = bytes,
                    Length = length,
                    TooLarge = tooLarge,
                    Error = Encoding.UTF8.GetString(errorBytes, 0, errorLength),
                };
            }
        }

        private static void Kill(Process process)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception || ex is NotSupportedException)
            {
                // Already ended.
            }
        }

        // Reads until the end or past the limit (then the caller stops git); with drain, the rest is read and dropped
        // instead, so that git is not blocked on a full pipe of messages.
        private static (byte[] Bytes, int Length, bool TooLarge) ReadBounded(Stream stream, long max, bool drain = false)
        {
            var buffer = new byte[(int)Math.Min(max + 1, 64 * 1024)];
            int length = 0;
            var chunk = new byte[64 * 1024];
            while (true)
            {
                int read = stream.Read(chunk, 0, chunk.Length);
                if (read == 0) return (buffer, length, false);
                if (length + (long)read > max)
                {
                    if (!drain) return (buffer, length, true);
                    while (stream.Read(chunk, 0, chunk.Length) > 0) { }
                    return (buffer, length, true);
                }

                if (length + read > buffer.Length) Array.Resize(ref buffer, (int)Math.Min(Math.Max((long)buffer.Length * 2, length + read), max + 1));
                Buffer.BlockCopy(chunk, 0, buffer, length, read);
                length += read;
            }
        }

        /// <summary>Serves a plan and its includes as they are at one commit.</summary>
        private sealed class RevisionResolver : ISourceResolver, ISourceIdentity, IBaselineResolver
        {
            private readonly GitRevisions _git;
            private readonly string _commit;

            public RevisionResolver(GitRevisions git, string commit)
            {
                _git = git;
                _commit = commit;
            }

            public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

            public string Identify(string path)
            {
                try
                {
                    return _git.Identify(_commit, path) ?? path;
                }
                catch (UsageException)
                {
                    return path;
                }
            }

            public bool TryReadText(string path, out string text, [NotNullWhen(false)] out SourceReadError? error) =>
                Read(path, ".tpm", SourceReadError.NotAPlan, out text, out error);

            // The baseline a program names, as it was committed with the plan: a diff measures each side against its own.
            public bool TryReadBaseline(string path, out string text, [NotNullWhen(false)] out SourceReadError? error) =>
                Read(path, ".json", SourceReadError.NotABaseline, out text, out error);

            private bool Read(string path, string extension, Func<SourceReadError> wrongName, out string text, [NotNullWhen(false)] out SourceReadError? error)
            {
                try
                {
                    return _git.TryReadNamed(_commit, path, extension, wrongName, out text, out error);
                }
                catch (UsageException ex)
                {
                    text = string.Empty;
                    error = SourceReadError.Unreadable(ex.Message);
                    return false;
                }
            }
        }
    }
}
