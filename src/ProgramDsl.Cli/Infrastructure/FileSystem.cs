using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>What a path names, as <see cref="IFileSystem.Inspect"/> finds it without opening it.</summary>
    public enum PathKind
    {
        Missing,
        RegularFile,
        Folder,
        Fifo,
        Socket,
        CharacterDevice,
        BlockDevice,
        Other,
    }

    /// <summary>The kind of a path (symbolic links followed) and, for a regular file, its size in bytes.</summary>
    public readonly record struct PathInfo(PathKind Kind, long Length)
    {
        /// <summary>"a folder", "a FIFO (named pipe)", … for messages.</summary>
        public string Describe() => Kind switch
        {
            PathKind.Missing => "missing",
            PathKind.RegularFile => "a file",
            PathKind.Folder => "a folder",
            PathKind.Fifo => "a FIFO (named pipe)",
            PathKind.Socket => "a socket",
            PathKind.CharacterDevice => "a character device",
            PathKind.BlockDevice => "a block device",
            _ => "a special file",
        };
    }

    /// <summary>A file larger than the limit the reader was given: it is not read further.</summary>
    public sealed class InputTooLargeException : IOException
    {
        public InputTooLargeException(string path, long limit, long size = -1)
            : base("'" + path + "' is larger than " + limit.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " bytes")
        {
            Limit = limit;
            Size = size;
        }

        public long Limit { get; }

        /// <summary>The size the open file reported, when that is what was over the limit; -1 when the read found it (a file that grew).</summary>
        public long Size { get; }
    }

    /// <summary>The file operations the CLI needs; the compiler itself never touches files.</summary>
    public interface IFileSystem
    {
        bool FileExists(string path);

        bool DirectoryExists(string path);

        /// <summary>Reads a UTF-8 text of at most <see cref="InputLimits.MaxFileBytes"/> bytes (<see cref="InputTooLargeException"/> beyond).</summary>
        string ReadAllText(string path) => ReadAllText(path, InputLimits.MaxFileBytes);

        /// <summary>
        /// Reads a UTF-8 text, stopping with <see cref="InputTooLargeException"/> once more than <paramref name="maxBytes"/>
        /// bytes come. Only a regular file is read, as the open file itself shows (<see cref="NotRegularFileException"/>
        /// otherwise): opening never blocks, so a FIFO put in the path's place after a caller's check is refused too.
        /// </summary>
        string ReadAllText(string path, long maxBytes);

        /// <summary>
        /// <see cref="ReadAllText(string, long)"/> of a real path the caller has checked (inside its workspace), read only
        /// if the file opened is still the one that path names: opened without following a link in its last component,
        /// and, once open, the path must still have no link in any component and name the same file (device and inode)
        /// as the open descriptor. Otherwise an <see cref="IOException"/>: the path changed while it was read. The
        /// default reads the path as it is (file systems without links).
        /// </summary>
        string ReadRealFileText(string realPath, long maxBytes) => ReadAllText(realPath, maxBytes);

        /// <summary>What a path names (symbolic links followed) and its size, from the file's metadata: it is never opened.</summary>
        PathInfo Inspect(string path);

        /// <summary>
        /// The absolute path with every symbolic link resolved, in every component (realpath); components that do not
        /// exist are kept as written. The path is made absolute with its <c>..</c> folded as written first, as the
        /// compiler folds include paths, so the file checked is the file the plan names. <see cref="IOException"/> for a
        /// loop of links.
        /// </summary>
        string GetRealPath(string path);

        /// <summary>
        /// The regular files under a folder whose names match a pattern, sorted ordinally. The walk is iterative, enters
        /// each real folder once (so <c>self -&gt; .</c> and <c>up -&gt; ..</c> cannot loop), never follows a symbolic
        /// link whose real path leaves <paramref name="workspace"/> (when given), lists each real file once, and skips
        /// FIFOs, sockets and devices, which it never opens.
        /// </summary>
        IReadOnlyList<string> EnumerateFiles(string folder, string pattern, string? workspace = null);

        /// <summary>
        /// The raw bytes of a file of at most <see cref="InputLimits.MaxFileBytes"/> bytes, for formats that name their own
        /// encoding (MS Project XML for <c>tpm import</c>). The default re-encodes <see cref="ReadAllText(string)"/> as
        /// UTF-8, for file systems that only hold text.
        /// </summary>
        byte[] ReadAllBytes(string path) => new UTF8Encoding(false).GetBytes(ReadAllText(path));

        /// <summary>Writes a file atomically: a temporary file in the same folder, then a rename.</summary>
        void WriteAllTextAtomic(string path, string text);

        /// <summary>
        /// Writes a new file atomically, creating its folder, unless something is already at the path: then false, and the
        /// path is left as it was. The default checks first and writes after (a file created in between is replaced).
        /// </summary>
        bool TryWriteNewTextAtomic(string path, string text)
        {
            if (FileExists(path) || DirectoryExists(path)) return false;
            WriteAllTextAtomic(path, text);
            return true;
        }

        /// <summary>
        /// Makes a folder hold exactly the given files (name → what writes the file's bytes to a stream), replacing what it
        /// held as one set: all old or all new, never a mix (see <see cref="FolderSetWriter"/>). Each file is written
        /// straight to its staged copy, so a large artefact is never held in memory whole.
        /// </summary>
        void ReplaceFolder(string folder, IReadOnlyList<KeyValuePair<string, Action<Stream>>> files);

        /// <summary>The names of a folder's entries, sub-folders with a trailing '/', sorted ordinally; empty when it does not exist.</summary>
        IReadOnlyList<string> ListFolder(string folder);

        string GetFullPath(string path);
    }

    /// <summary>The real file system.</summary>
    public sealed class PhysicalFileSystem : IFileSystem
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(false);

        private readonly FolderSetWriter _sets;

        public PhysicalFileSystem() : this(new FolderSetWriter()) { }

        /// <summary>A file system whose folder sets are written by <paramref name="sets"/> (the tests' full disk).</summary>
        internal PhysicalFileSystem(FolderSetWriter sets) => _sets = sets;

        public bool FileExists(string path) => File.Exists(path);

        public bool DirectoryExists(string path) => Directory.Exists(path);

        /// <summary>Called with the path once a file is open and checked, before it is read (tests: a file that grows meanwhile).</summary>
        internal Action<string>? AfterOpen { get; init; }

        // One bounded read and one decode: the length from the open file sizes the buffer, and reading stops one byte
        // past the limit, so a file that grows, or lies about its size (/proc), cannot make tpm read without end.
        public string ReadAllText(string path, long maxBytes) => Decode(ReadBounded(path, maxBytes, realPath: false));

        public string ReadRealFileText(string realPath, long maxBytes) => Decode(ReadBounded(realPath, maxBytes, realPath: true));

        // UTF-8 unless a byte order mark says otherwise: editors on Windows save UTF-16 with one, and decoding that as
        // UTF-8 made the first character an error ("unexpected '\uFFFD'") instead of reading the plan. Internal: a plan
        // read from a git revision (GitRevisions) is decoded the same way.
        internal static string Decode((byte[] Buffer, int Length) read)
        {
            var (buffer, length) = read;
            bool Starts(params byte[] mark) => length >= mark.Length && mark.Select((b, i) => buffer[i] == b).All(x => x);
            if (Starts(0xFF, 0xFE, 0x00, 0x00)) return new UTF32Encoding(false, false).GetString(buffer, 4, length - 4);
            if (Starts(0x00, 0x00, 0xFE, 0xFF)) return new UTF32Encoding(true, false).GetString(buffer, 4, length - 4);
            if (Starts(0xFF, 0xFE)) return Encoding.Unicode.GetString(buffer, 2, length - 2);
            if (Starts(0xFE, 0xFF)) return Encoding.BigEndianUnicode.GetString(buffer, 2, length - 2);
            int bom = Starts(0xEF, 0xBB, 0xBF) ? 3 : 0;
            return Utf8.GetString(buffer, bom, length - bom);
        }

        private (byte[] Buffer, int Length) ReadBounded(string path, long maxBytes, bool realPath)
        {
            // Opened without blocking and checked on the descriptor (FileKinds.OpenRegular): a regular file, its size
            // as the open file reports it.
            using var file = FileKinds.OpenRegular(path, noFollow: realPath);
            if (file.Length > maxBytes) throw new InputTooLargeException(path, maxBytes, file.Length);
            if (realPath) RequireSameFile(path, file);
            AfterOpen?.Invoke(path);
            var stream = file.Stream;
            // One byte more than declared: the read that finds the end then needs no larger buffer.
            var buffer = new byte[(int)Math.Min(Math.Max(file.Length + 1, 4096), maxBytes + 1)];
            int length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes) throw new InputTooLargeException(path, maxBytes);
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
                }

                int read = stream.Read(buffer, length, buffer.Length - length);
                if (read == 0) break;
                length += read;
            }

            if (length > maxBytes) throw new InputTooLargeException(path, maxBytes);
            return (buffer, length);
        }

        // The file open is the one the caller's real path names: no link anywhere in that path now, and the same device
        // and inode. A folder of the path swapped for a link (out of the workspace) before the open fails one of the two.
        // Where the platform gives no identity (Windows), the check of the path before opening is all there is.
        private static void RequireSameFile(string realPath, OpenedFile file)
        {
            if (file.Id is not FileId opened) return;
            if (!string.Equals(FileKinds.GetRealPath(realPath), realPath, StringComparison.Ordinal) || FileKinds.Identify(realPath) != opened)
            {
                throw new IOException("'" + realPath + "' changed while it was read; it is not read");
            }
        }

        public string ReadAllText(string path) => ReadAllText(path, InputLimits.MaxFileBytes);

        public PathInfo Inspect(string path) => FileKinds.Inspect(path);

        public string GetRealPath(string path) => FileKinds.GetRealPath(Path.GetFullPath(path));

        public IReadOnlyList<string> EnumerateFiles(string folder, string pattern, string? workspace = null) =>
            FileKinds.Walk(folder, pattern, workspace is null ? null : GetRealPath(workspace));

        public byte[] ReadAllBytes(string path)
        {
            var (buffer, length) = ReadBounded(path, InputLimits.MaxFileBytes, realPath: false);
            if (length == buffer.Length) return buffer;
            var bytes = new byte[length];
            Buffer.BlockCopy(buffer, 0, bytes, 0, length);
            return bytes;
        }

        public void WriteAllTextAtomic(string path, string text)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);

            // Replacing by a rename needs only the folder's permission: a file its owner made read-only would be replaced
            // all the same. Opening it for writing (which changes nothing) asks the system whether we may.
            if (File.Exists(path))
            {
                using (new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
                {
                }
            }

            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, text, Utf8);

                // A file rewritten in place (tpm fmt, import --force) keeps its permissions.
                if (!OperatingSystem.IsWindows() && File.Exists(path)) File.SetUnixFileMode(temp, File.GetUnixFileMode(path));
                File.Move(temp, path, overwrite: true);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        // The final move refuses an existing target (a hard link on Unix), so a file created since the caller looked is kept.
        public bool TryWriteNewTextAtomic(string path, string text)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            Directory.CreateDirectory(folder);
            if (FileKinds.Inspect(path).Kind != PathKind.Missing) return false;
            var temp = Path.Combine(folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, text, Utf8);
                try
                {
                    File.Move(temp, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path) || Directory.Exists(path))
                {
                    return false;
                }

                return true;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        public void ReplaceFolder(string folder, IReadOnlyList<KeyValuePair<string, Action<Stream>>> files) => _sets.Replace(folder, files);

        public IReadOnlyList<string> ListFolder(string folder) =>
            !Directory.Exists(folder)
                ? Array.Empty<string>()
                : new DirectoryInfo(folder).EnumerateFileSystemInfos()
                    .Select(e => e is DirectoryInfo ? e.Name + "/" : e.Name)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();

        public string GetFullPath(string path) => Path.GetFullPath(path);
    }

    /// <summary>
    /// Serves includes from the file system, confined to a workspace: an include resolves only to a regular file whose
    /// real path (every symbolic link followed) lies inside the workspace, of at most <see cref="InputLimits.MaxFileBytes"/>.
    /// Anything else is refused before it is opened: paths outside (TPM1006), folders, FIFOs, sockets and devices
    /// (TPM1006), files not named <c>*.tpm</c> (TPM1006), larger files (TPM1007). Paths are reported relative to how the program was named.
    /// </summary>
    public sealed class FileSystemSourceResolver : ISourceResolver, ISourceIdentity, IBaselineResolver
    {
        private readonly IFileSystem _fileSystem;
        private readonly string _workspace;

        /// <param name="fileSystem">The file system.</param>
        /// <param name="workspace">The workspace folder, as a real path (<see cref="IFileSystem.GetRealPath"/>).</param>
        public FileSystemSourceResolver(IFileSystem fileSystem, string workspace)
        {
            _fileSystem = fileSystem;
            _workspace = workspace;
        }

        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        /// <summary>The real path, so a file named through a symbolic link is the same file; the path itself when it cannot be resolved.</summary>
        public string Identify(string path)
        {
            try
            {
                if (path.IndexOf('\0') >= 0) return path;
                var real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(path));
                // Windows and macOS file systems ignore case: 'F.tpm' and 'f.tpm' are one file there, and two includes
                // per fragment differing in case would otherwise double the files at each level.
                return OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? real.ToUpperInvariant() : real;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return path;
            }
        }

        public bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error) =>
            TryRead(path, ".tpm", SourceReadError.NotAPlan, out text, out error);

        /// <summary>A baseline, by the rules of <see cref="TryReadText"/>, except that the real name must end in <c>.json</c>.</summary>
        public bool TryReadBaseline(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error) =>
            TryRead(path, ".json", SourceReadError.NotABaseline, out text, out error);

        private bool TryRead(string path, string extension, Func<SourceReadError> wrongName, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error)
        {
            text = string.Empty;
            error = null;
            // .NET refuses such a path with an ArgumentException; no file system has one.
            if (path.IndexOf('\0') >= 0)
            {
                error = SourceReadError.Unreadable("a path cannot hold a NUL character");
                return false;
            }

            try
            {
                // The real path decides, checked before the file's kind: whether something exists outside the
                // workspace is not for a plan to find out either.
                var real = _fileSystem.GetRealPath(_fileSystem.GetFullPath(path));
                if (!SourcePaths.IsWithin(_workspace, real, ignoreCase: OperatingSystem.IsWindows()))
                {
                    error = SourceReadError.Outside(_workspace);
                    return false;
                }

                var info = _fileSystem.Inspect(real);
                if (info.Kind == PathKind.Missing)
                {
                    error = SourceReadError.Unreadable("file not found");
                    return false;
                }

                if (info.Kind != PathKind.RegularFile)
                {
                    error = SourceReadError.NotRegularFile(info.Describe());
                    return false;
                }

                if (info.Length > InputLimits.MaxFileBytes)
                {
                    error = SourceReadError.TooLarge(info.Length);
                    return false;
                }

                // By the real name: a link 'x.tpm -> token.txt' is still not a plan.
                if (!real.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    error = wrongName();
                    return false;
                }

                // Checked again on the open file: the path may have changed since (a FIFO, a link out, a larger file).
                text = _fileSystem.ReadRealFileText(real, InputLimits.MaxFileBytes);
                return true;
            }
            catch (InputTooLargeException ex)
            {
                error = SourceReadError.TooLarge(ex.Size);
                return false;
            }
            catch (NotRegularFileException ex)
            {
                error = SourceReadError.NotRegularFile(ex.Info.Describe());
                return false;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                error = SourceReadError.Unreadable(ex.Message);
                return false;
            }
        }
    }
}
