using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using System.Runtime.InteropServices;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// What a path names, its real path, and the folder walk, decided from metadata only: a FIFO blocks the reader that
    /// opens it, a device never ends, so nothing here opens a file.
    /// </summary>
    internal static class FileKinds
    {
        /// <summary>Symbolic links followed while resolving one path before it counts as a loop (Linux's ELOOP bound).</summary>
        public const int MaxLinks = 40;

        private static readonly StringComparer PathComparer = OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

        /// <summary>The kind and size of what <paramref name="path"/> names, symbolic links followed.</summary>
        public static PathInfo Inspect(string path)
        {
            if (!OperatingSystem.IsWindows())
            {
                var unix = UnixStat.TryInspect(path);
                if (unix is PathInfo known) return known;
            }

            // Windows, or a runtime without the native shim: the managed view. Windows has no FIFOs in its file system;
            // devices (CON, NUL, \\.\…) carry the Device attribute.
            if (Directory.Exists(path)) return new PathInfo(PathKind.Folder, 0);
            var file = new FileInfo(path);
            if (!file.Exists) return new PathInfo(PathKind.Missing, 0);
            if ((file.Attributes & FileAttributes.Device) != 0) return new PathInfo(PathKind.CharacterDevice, 0);
            return new PathInfo(PathKind.RegularFile, file.Length);
        }

        /// <summary>
        /// <paramref name="fullPath"/> with every symbolic link resolved, component by component, as the kernel would
        /// when opening it: a link's target replaces it and is walked in turn, and <c>..</c> after a link climbs from the
        /// link's target. Components that do not exist are kept as written.
        /// </summary>
        public static string GetRealPath(string fullPath)
        {
            var root = Path.GetPathRoot(fullPath);
            if (string.IsNullOrEmpty(root)) throw new ArgumentException("not an absolute path: '" + fullPath + "'", nameof(fullPath));
            var pending = new Stack<string>();
            Push(pending, fullPath.Substring(root.Length));
            var current = root;
            int links = 0;
            while (pending.Count > 0)
            {
                var part = pending.Pop();
                if (part.Length == 0 || part == ".") continue;
                if (part == "..")
                {
                    current = Path.GetDirectoryName(current) ?? current;
                    continue;
                }

                var next = Path.Combine(current, part);
                var target = LinkTarget(next);
                if (target is null)
                {
                    current = next;
                    continue;
                }

                if (++links > MaxLinks) throw new IOException("too many levels of symbolic links at '" + next + "'");
                var targetRoot = Path.GetPathRoot(target);
                if (!string.IsNullOrEmpty(targetRoot))
                {
                    current = targetRoot;
                    target = target.Substring(targetRoot.Length);
                }

                Push(pending, target);
            }

            return current;
        }

        /// <summary>See <see cref="IFileSystem.EnumerateFiles"/>.</summary>
        public static IReadOnlyList<string> Walk(string folder, string pattern, string? workspace)
        {
            var options = new EnumerationOptions { IgnoreInaccessible = true, RecurseSubdirectories = false };
            var startReal = GetRealPath(Path.GetFullPath(folder));
            var seenFolders = new HashSet<string>(PathComparer) { startReal };
            var seenFiles = new HashSet<string>(PathComparer);
            var results = new List<string>();
            var pending = new Stack<(string Shown, string Real)>();
            pending.Push((folder, startReal));
            while (pending.Count > 0)
            {
                var (shown, real) = pending.Pop();
                List<FileSystemInfo> entries;
                try
                {
                    entries = new DirectoryInfo(shown).EnumerateFileSystemInfos("*", options).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }

                var folders = new List<(string, string)>();
                foreach (var entry in entries)
                {
                    var shownChild = Path.Combine(shown, entry.Name);
                    string childReal;
                    PathKind? kind = null;
                    if (LinkTarget(entry.FullName) is null)
                    {
                        childReal = Path.Combine(real, entry.Name);
                        if (entry is DirectoryInfo) kind = PathKind.Folder;
                    }
                    else
                    {
                        try
                        {
                            childReal = GetRealPath(entry.FullName);
                        }
                        catch (IOException)
                        {
                            continue;
                        }

                        // A link out of the workspace is not followed, to a folder or to a file.
                        if (workspace != null && !SourcePaths.IsWithin(workspace, childReal, OperatingSystem.IsWindows())) continue;
                    }

                    if (kind is null && !FileSystemName.MatchesSimpleExpression(pattern, entry.Name, ignoreCase: true) && entry is not DirectoryInfo) continue;
                    kind ??= Inspect(childReal).Kind;
                    if (kind == PathKind.Folder)
                    {
                        if (seenFolders.Add(childReal)) folders.Add((shownChild, childReal));
                    }
                    else if (kind == PathKind.RegularFile && FileSystemName.MatchesSimpleExpression(pattern, entry.Name, ignoreCase: true))
                    {
                        // FIFOs, sockets and devices named *.tpm are skipped: they are not plans, and opening one could block.
                        if (seenFiles.Add(childReal)) results.Add(shownChild);
                    }
                }

                // Pushed in reverse so folders are walked in name order; the order decides which of two names for one
                // file is listed.
                for (int i = folders.Count - 1; i >= 0; i--) pending.Push(folders[i]);
            }

            return results.OrderBy(p => p, StringComparer.Ordinal).ToList();
        }

        private static string? LinkTarget(string path)
        {
            try
            {
                return new FileInfo(path).LinkTarget;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private static void Push(Stack<string> pending, string relative)
        {
            var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            for (int i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
        }

        /// <summary>
        /// stat(2) through the .NET runtime's own native shim (libSystem.Native, present wherever .NET runs on Unix),
        /// whose FileStatus layout is the same on every platform: Flags, Mode (int32 at 4), …, Size (int64 at 16). The
        /// managed API exposes the permission bits of the mode but not the file type, which is what tells a FIFO or
        /// a device from a file without opening it.
        /// </summary>
        private static class UnixStat
        {
            private const int TypeMask = 0xF000, Fifo = 0x1000, CharDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;
            private const int ENOENT = 2, ENOTDIR = 20, ENAMETOOLONG = 36, ELOOP = 40;
            private static bool _unavailable;

            [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = true)]
            private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

            public static PathInfo? TryInspect(string path)
            {
                if (_unavailable) return null;
                // Larger than any version's FileStatus (about 120 bytes): the shim writes its whole struct.
                var status = new byte[512];
                int result;
                try
                {
                    result = Stat(path, status);
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    _unavailable = true;
                    return null;
                }

                if (result != 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG || (OperatingSystem.IsLinux() && errno == ELOOP)) return new PathInfo(PathKind.Missing, 0);
                    throw new IOException("cannot read '" + path + "': " + Marshal.GetPInvokeErrorMessage(errno));
                }

                int mode = BitConverter.ToInt32(status, 4);
                long size = BitConverter.ToInt64(status, 16);
                var kind = (mode & TypeMask) switch
                {
                    Regular => PathKind.RegularFile,
                    Directory => PathKind.Folder,
                    Fifo => PathKind.Fifo,
                    Socket => PathKind.Socket,
                    CharDevice => PathKind.CharacterDevice,
                    BlockDevice => PathKind.BlockDevice,
                    _ => PathKind.Other,
                };
                return new PathInfo(kind, kind == PathKind.RegularFile ? size : 0);
            }
        }
    }
}
