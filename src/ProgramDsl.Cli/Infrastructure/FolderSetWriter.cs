using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// Replaces a folder with a set of files as one step, so readers see all of the old files or all of the new ones,
    /// never a mix, and a failure (a full disk) or a kill leaves no half-written file in the folder.
    /// </summary>
    /// <remarks>
    /// The files are written and flushed to disk in a staging folder beside the target,
    /// <c>.&lt;name&gt;.tpm-staging-&lt;pid&gt;-&lt;random&gt;</c>, which then takes the target's place: on Linux in one
    /// <c>renameat2(RENAME_EXCHANGE)</c>, elsewhere (or on a file system without it) by renaming the old folder aside
    /// to <c>.&lt;name&gt;.tpm-old-&lt;pid&gt;-&lt;random&gt;</c> and the staging folder into place. The old folder is
    /// deleted afterwards. A run killed in between leaves at most these two folders; the next run for the same target
    /// deletes them, after putting the old folder back if the target is missing (a kill between the two renames).
    /// Folders of a process that is still running are left alone, so two builds into one output folder do not delete
    /// each other's work.
    /// </remarks>
    public sealed class FolderSetWriter
    {
        /// <summary>The marker in the names of the staging folders.</summary>
        public const string StagingMarker = ".tpm-staging-";

        /// <summary>The marker in the names of replaced folders waiting to be deleted.</summary>
        public const string OldMarker = ".tpm-old-";

        /// <summary>
        /// The most characters a staging or old folder's name adds to the target's name: the dot in front, the marker,
        /// a process id of up to ten digits, a dash and eight hexadecimal digits.
        /// </summary>
        public const int NameOverhead = 1 + 13 + 10 + 1 + 8;

        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        private readonly Func<Stream, Stream> _wrap;

        /// <summary>False to swap with two renames even where the exchange exists (the tests of the fallback).</summary>
        internal bool UseExchange { get; init; } = true;

        /// <summary>The real writer.</summary>
        public FolderSetWriter() : this(s => s) { }

        /// <summary>A writer whose file streams pass through <paramref name="wrap"/> (the tests' full disk).</summary>
        internal FolderSetWriter(Func<Stream, Stream> wrap) => _wrap = wrap;

        /// <summary>
        /// Makes <paramref name="folder"/> hold exactly <paramref name="files"/> (name → text, UTF-8 without a byte order
        /// mark). On failure the folder is as it was and the staging folder is gone; the exception is rethrown.
        /// </summary>
        public void Replace(string folder, IReadOnlyList<KeyValuePair<string, string>> files) =>
            Replace(folder, files.Select(f => new KeyValuePair<string, Action<Stream>>(f.Key, stream =>
            {
                var bytes = Utf8.GetBytes(f.Value);
                stream.Write(bytes, 0, bytes.Length);
            })).ToList());

        /// <summary>
        /// Makes <paramref name="folder"/> hold exactly <paramref name="files"/> (name → what writes its bytes to the
        /// staged file's stream, which it must leave open). On failure the folder is as it was and the staging folder is
        /// gone; the exception is rethrown.
        /// </summary>
        public void Replace(string folder, IReadOnlyList<KeyValuePair<string, Action<Stream>>> files)
        {
            var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));
            var parent = Path.GetDirectoryName(target) ?? throw new IOException("cannot replace the root folder '" + target + "'");
            var name = Path.GetFileName(target);
            Directory.CreateDirectory(parent);
            if (new DirectoryInfo(target).LinkTarget != null)
            {
                // Swapping would replace the link itself with a folder, silently undoing how the user set things up.
                throw new IOException("it is a symbolic link; tpm replaces a program's folder as a whole and does not replace a link");
            }

            CleanUp(parent, name);

            var staging = Path.Combine(parent, SideName(name, StagingMarker));
            try
            {
                Directory.CreateDirectory(staging);
                foreach (var file in files) WriteFile(Path.Combine(staging, file.Key), file.Value);
                SwapIn(staging, target, parent, name);
            }
            catch (IOException ex) when (ex.Message.IndexOf(" : '" + staging, StringComparison.Ordinal) is int at && at > 0)
            {
                DeleteQuietly(staging);
                // "No space left on device : '…/.x.tpm-staging-…/a.json'": the folder named is gone, so say only what happened.
                throw new IOException(ex.Message.Substring(0, at), ex);
            }
            catch
            {
                DeleteQuietly(staging);
                throw;
            }
        }

        private void WriteFile(string path, Action<Stream> write)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = _wrap(new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16)))
            {
                write(stream);
                // On disk before the rename makes it visible: after a power cut the new set is complete or not there.
                if (stream is FileStream fs) fs.Flush(flushToDisk: true);
                else stream.Flush();
            }
        }

        private void SwapIn(string staging, string target, string parent, string name)
        {
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                Directory.Move(staging, target);
                return;
            }

            if (UseExchange && TryExchange(staging, target))
            {
                // The staging path now holds the old set.
                DeleteQuietly(staging);
                return;
            }

            var old = Path.Combine(parent, SideName(name, OldMarker));
            Directory.Move(target, old);
            try
            {
                Directory.Move(staging, target);
            }
            catch
            {
                // Put the old set back so the failure changes nothing.
                Directory.Move(old, target);
                throw;
            }

            DeleteQuietly(old);
        }

        /// <summary>Deletes the leftovers of earlier runs for this target, restoring the old set if the target is missing.</summary>
        private static void CleanUp(string parent, string name)
        {
            var stale = new List<(string Path, bool Old)>();
            foreach (var entry in Directory.EnumerateDirectories(parent, "." + name + ".tpm-*"))
            {
                var side = ParseSideFolder(Path.GetFileName(entry), name);
                if (side is null || IsRunningOtherProcess(side.Value.Pid)) continue;
                stale.Add((entry, side.Value.Old));
            }

            var target = Path.Combine(parent, name);
            if (!Directory.Exists(target) && !File.Exists(target))
            {
                // Killed between the two renames: the old set is complete, the staging one may not be.
                var restore = stale.Where(s => s.Old).Select(s => s.Path).OrderBy(p => p, StringComparer.Ordinal).FirstOrDefault();
                if (restore != null)
                {
                    Directory.Move(restore, target);
                    stale.RemoveAll(s => s.Path == restore);
                }
            }

            foreach (var (path, _) in stale) DeleteQuietly(path);
        }

        private static (bool Old, int Pid)? ParseSideFolder(string entry, string name)
        {
            if (!entry.StartsWith("." + name, StringComparison.Ordinal)) return null;
            var rest = entry.Substring(1 + name.Length);
            bool old;
            if (rest.StartsWith(StagingMarker, StringComparison.Ordinal)) old = false;
            else if (rest.StartsWith(OldMarker, StringComparison.Ordinal)) old = true;
            else return null;
            rest = rest.Substring(old ? OldMarker.Length : StagingMarker.Length);
            int dash = rest.IndexOf('-');
            if (dash < 1 || rest.Length - dash - 1 != 8) return null;
            if (!int.TryParse(rest.Substring(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)) return null;
            if (!rest.Substring(dash + 1).All(Uri.IsHexDigit)) return null;
            return (old, pid);
        }

        private static string SideName(string name, string marker) =>
            "." + name + marker + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" +
            Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();

        // This process writes one set at a time and cleans up after itself, so its own id on a leftover means a killed
        // earlier run that had the same id (containers often start every run with the same process ids).
        private static bool IsRunningOtherProcess(int pid)
        {
            if (pid == Environment.ProcessId) return false;
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException)
            {
                return false;
            }
        }

        private static void DeleteQuietly(string folder)
        {
            try
            {
                if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // Left for the next run's clean-up; the target is already complete.
            }
        }

        private static bool TryExchange(string a, string b)
        {
            if (!OperatingSystem.IsLinux()) return false;
            try
            {
                return Native.renameat2(Native.AtCurrentDirectory, a, Native.AtCurrentDirectory, b, Native.RenameExchange) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                // A C library without renameat2 (old glibc, some musl builds): the two-rename fallback.
                return false;
            }
        }

        private static class Native
        {
            public const int AtCurrentDirectory = -100;
            public const uint RenameExchange = 2;

            // Both paths are absolute, so the directory descriptors are not used. Any failure (EINVAL on a file system
            // without exchange, ENOSYS on an old kernel) falls back to two renames.
            [DllImport("libc", SetLastError = true)]
#pragma warning disable SYSLIB1054 // A plain DllImport keeps the project free of unsafe code; the call is rare.
            public static extern int renameat2(int oldDirectory, string oldPath, int newDirectory, string newPath, uint flags);
#pragma warning restore SYSLIB1054
        }
    }
}
