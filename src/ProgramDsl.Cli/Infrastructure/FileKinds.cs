using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Enumeration;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>The device and inode of a file: what makes two names one file.</summary>
    public readonly record struct FileId(long Device, long Inode);

    /// <summary>A path that names something other than a regular file, found so on the open file (or before opening it).</summary>
    public sealed class NotRegularFileException : IOException
    {
        public NotRegularFileException(string path, PathInfo info)
            : base("'" + path + "' is " + info.Describe() + ", not a regular file") => Info = info;

        public PathInfo Info { get; }
    }

    /// <summary>
    /// What a path names, its real path, and the folder walk, decided from metadata only: a FIFO blocks the reader that
    /// opens it, a device never ends, so nothing here opens a file, except <see cref="OpenRegular"/>, which opens without
    /// blocking and checks what it opened before anything reads it.
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

        /// <summary>The device and inode of what <paramref name="path"/> names (links followed); null where they cannot be known (Windows, no native shim) or it is missing.</summary>
        public static FileId? Identify(string path) => OperatingSystem.IsWindows() ? null : UnixStat.TryIdentify(path);

        /// <summary>
        /// Opens a regular file for reading, checked on the open file rather than by its path beforehand, so a path
        /// swapped between a check and the open cannot make tpm read something else. On Unix the file is opened with
        /// <c>open(2)</c> and <c>O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC</c> (and <c>O_NOFOLLOW</c> when
        /// <paramref name="noFollow"/>: a link in the last component is refused), so a FIFO or a device swapped in opens
        /// at once instead of blocking; then <c>fstat(2)</c> on the descriptor decides: anything but a regular file is
        /// closed unread (<see cref="NotRegularFileException"/>). Elsewhere (Windows, whose file systems hold no FIFOs;
        /// a Unix whose <c>open</c> flags are not known here; a runtime without the native shim) the file is opened as
        /// .NET opens it, after a check of its metadata: the behaviour before this method existed.
        /// </summary>
        /// <returns>The open file, its length and identity as the descriptor reports them (identity null where unknown).</returns>
        public static OpenedFile OpenRegular(string path, bool noFollow = false)
        {
            if (!OperatingSystem.IsWindows() && UnixOpen.TryOpen(path, noFollow) is OpenedFile opened) return opened;

            var info = Inspect(path);
            if (info.Kind == PathKind.Missing) throw new FileNotFoundException("Could not find file '" + path + "'.", path);
            if (info.Kind != PathKind.RegularFile) throw new NotRegularFileException(path, info);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return new OpenedFile(stream, stream.CanSeek ? stream.Length : 0, null);
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

            [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat", SetLastError = true)]
            private static extern int FStat(SafeFileHandle fd, [Out] byte[] status);

            // Offsets in the shim's FileStatus (.NET 8 and later): Flags, Mode, Uid, Gid (int32 each), Size, ATime,
            // ATimeNsec, MTime, MTimeNsec, CTime, CTimeNsec, BirthTime, BirthTimeNsec, Dev, RDev, Ino (int64 each).
            // A test compares Dev and Ino with stat(1).
            private const int ModeOffset = 4, SizeOffset = 16, DevOffset = 88, InoOffset = 104;

            public static PathInfo? TryInspect(string path)
            {
                var status = TryStat(path);
                if (status != null) return Describe(status);
                return _unavailable ? null : new PathInfo(PathKind.Missing, 0);
            }

            public static FileId? TryIdentify(string path) => TryStat(path) is byte[] status ? Id(status) : null;

            /// <summary>fstat(2) on an open descriptor: its kind, size and identity; null when the shim is missing.</summary>
            public static (PathInfo Info, FileId Id)? TryInspect(SafeFileHandle handle, string path)
            {
                if (_unavailable) return null;
                var status = new byte[512];
                int result;
                try
                {
                    result = FStat(handle, status);
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    _unavailable = true;
                    return null;
                }

                if (result != 0) throw new IOException("cannot read '" + path + "': " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
                return (Describe(status), Id(status));
            }

            // The FileStatus of a path, or null: missing (with _unavailable false) or no shim (with _unavailable true).
            private static byte[]? TryStat(string path)
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
                    if (errno == ENOENT || errno == ENOTDIR || errno == ENAMETOOLONG || (OperatingSystem.IsLinux() && errno == ELOOP)) return null;
                    throw new IOException("cannot read '" + path + "': " + Marshal.GetPInvokeErrorMessage(errno));
                }

                return status;
            }

            private static FileId Id(byte[] status) => new FileId(BitConverter.ToInt64(status, DevOffset), BitConverter.ToInt64(status, InoOffset));

            private static PathInfo Describe(byte[] status)
            {
                int mode = BitConverter.ToInt32(status, ModeOffset);
                long size = BitConverter.ToInt64(status, SizeOffset);
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

        /// <summary>
        /// open(2) from the C library, with the flag values of the platforms .NET supports: Linux (the generic values;
        /// <c>O_NOFOLLOW</c> differs on Arm and PowerPC), macOS and FreeBSD. Elsewhere <see cref="TryOpen"/> returns null
        /// and the caller falls back to the managed open.
        /// </summary>
        private static class UnixOpen
        {
            private const int ENOENT = 2, EACCES = 13, ENOTDIR = 20, ELOOP = 40, EPERM = 1, ELOOP_BSD = 62, EMLINK_FREEBSD_NOFOLLOW = 31;
            private static bool _unavailable;

            // open is variadic; the mode argument is only read with O_CREAT, which is never passed.
            [DllImport("libc", EntryPoint = "open", SetLastError = true)]
#pragma warning disable SYSLIB1054 // A plain DllImport keeps the project free of unsafe code.
            private static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
#pragma warning restore SYSLIB1054

            private static (int Base, int NoFollow)? Flags()
            {
                if (OperatingSystem.IsLinux())
                {
                    const int NonBlock = 0x800, NoCtty = 0x100, CloseOnExec = 0x80000;
                    var arch = RuntimeInformation.OSArchitecture;
                    bool armOrPower = arch == Architecture.Arm || arch == Architecture.Arm64 || arch == Architecture.Armv6 || arch == Architecture.Ppc64le;
                    return (NonBlock | NoCtty | CloseOnExec, armOrPower ? 0x8000 : 0x20000);
                }

                if (OperatingSystem.IsMacOS() || OperatingSystem.IsMacCatalyst()) return (0x4 | 0x20000 | 0x1000000, 0x100);
                if (OperatingSystem.IsFreeBSD()) return (0x4 | 0x8000 | 0x100000, 0x100);
                return null;
            }

            public static OpenedFile? TryOpen(string path, bool noFollow)
            {
                if (_unavailable || Flags() is not (int flags, int noFollowFlag)) return null;
                if (path.IndexOf('\0') >= 0) throw new ArgumentException("a path cannot hold a NUL character", nameof(path));
                int fd;
                try
                {
                    fd = Open(path, flags | (noFollow ? noFollowFlag : 0));
                }
                catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
                {
                    _unavailable = true;
                    return null;
                }

                if (fd < 0)
                {
                    int errno = Marshal.GetLastPInvokeError();
                    if (errno == ENOENT || errno == ENOTDIR) throw new FileNotFoundException("Could not find file '" + path + "'.", path);
                    if (errno == EACCES || errno == EPERM) throw new UnauthorizedAccessException("Access to the path '" + path + "' is denied.");
                    if (noFollow && (errno == ELOOP || (!OperatingSystem.IsLinux() && (errno == ELOOP_BSD || errno == EMLINK_FREEBSD_NOFOLLOW))))
                    {
                        throw new IOException("'" + path + "' became a symbolic link while it was read; it is not followed");
                    }

                    throw new IOException("cannot read '" + path + "': " + Marshal.GetPInvokeErrorMessage(errno));
                }

                var handle = new SafeFileHandle((IntPtr)fd, ownsHandle: true);
                try
                {
                    if (UnixStat.TryInspect(handle, path) is not (PathInfo info, FileId id))
                    {
                        // No shim for fstat: nothing can tell what was opened, so it is not read this way.
                        handle.Dispose();
                        _unavailable = true;
                        return null;
                    }

                    if (info.Kind != PathKind.RegularFile) throw new NotRegularFileException(path, info);
                    return new OpenedFile(new FileStream(handle, FileAccess.Read, 1), info.Length, id);
                }
                catch
                {
                    handle.Dispose();
                    throw;
                }
            }
        }
    }

    /// <summary>A regular file open for reading, with the length and identity its descriptor reported when it was opened.</summary>
    public sealed class OpenedFile : IDisposable
    {
        public OpenedFile(Stream stream, long length, FileId? id)
        {
            Stream = stream;
            Length = length;
            Id = id;
        }

        public Stream Stream { get; }

        /// <summary>The length when opened (0 for files that do not know theirs, /proc); the read still counts its bytes.</summary>
        public long Length { get; }

        /// <summary>Device and inode, where the platform tells them.</summary>
        public FileId? Id { get; }

        public void Dispose() => Stream.Dispose();
    }
}
