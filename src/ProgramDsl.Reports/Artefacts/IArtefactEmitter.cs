using System;
using System.Collections.Generic;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>What an emitter needs beyond the schedule.</summary>
    [Flags]
    public enum ArtefactNeeds
    {
        /// <summary>The schedule and diagnostics only.</summary>
        None = 0,

        /// <summary>Earned value at the status date (a baseline schedule is computed).</summary>
        EarnedValue = 1,

        /// <summary>A Monte Carlo forecast.</summary>
        Forecast = 2,
    }

    /// <summary>
    /// One file an emitter writes: a name relative to the program's output folder, and its text, either given whole or
    /// written on demand straight to the file (<see cref="WriteTo"/>), so a large artefact is never held in memory whole.
    /// </summary>
    public sealed class ArtefactFile
    {
        private static readonly System.Text.Encoding Utf8Encoding = new System.Text.UTF8Encoding(false);

        private readonly string? _text;
        private readonly System.Action<System.IO.TextWriter>? _write;
        private readonly System.Action<System.IO.Stream>? _writeUtf8;

        /// <summary>Creates a file from its whole text.</summary>
        public ArtefactFile(string fileName, string text)
        {
            FileName = fileName;
            _text = text ?? throw new System.ArgumentNullException(nameof(text));
        }

        /// <summary>
        /// Creates a file whose text <paramref name="write"/> writes when the file is written (it may be called more than
        /// once and must write the same text each time; line ends are written explicitly, never with <c>WriteLine</c>).
        /// </summary>
        public ArtefactFile(string fileName, System.Action<System.IO.TextWriter> write)
        {
            FileName = fileName;
            _write = write ?? throw new System.ArgumentNullException(nameof(write));
        }

        private ArtefactFile(string fileName, System.Action<System.IO.Stream> writeUtf8)
        {
            FileName = fileName;
            _writeUtf8 = writeUtf8 ?? throw new System.ArgumentNullException(nameof(writeUtf8));
        }

        /// <summary>
        /// A file whose bytes <paramref name="writeUtf8"/> writes as UTF-8 without a byte order mark, straight to the
        /// file's stream (which it leaves open), when the file is written; the same bytes each time.
        /// </summary>
        public static ArtefactFile Utf8(string fileName, System.Action<System.IO.Stream> writeUtf8) => new ArtefactFile(fileName, writeUtf8);

        /// <summary>The file name, relative to the program's output folder.</summary>
        public string FileName { get; }

        /// <summary>The contents (UTF-8 when written; LF line ends), rendered whole (tests; the build uses <see cref="WriteTo"/>).</summary>
        public string Text
        {
            get
            {
                if (_text != null) return _text;
                if (_writeUtf8 != null)
                {
                    using var bytes = new System.IO.MemoryStream();
                    _writeUtf8(bytes);
                    return Utf8Encoding.GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
                }

                var writer = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
                _write!(writer);
                return writer.ToString();
            }
        }

        /// <summary>Writes the contents to <paramref name="stream"/> as UTF-8 without a byte order mark; leaves it open.</summary>
        public void WriteTo(System.IO.Stream stream)
        {
            if (stream is null) throw new System.ArgumentNullException(nameof(stream));
            if (_writeUtf8 != null)
            {
                _writeUtf8(stream);
                return;
            }

            using var writer = new System.IO.StreamWriter(stream, Utf8Encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            if (_text != null) writer.Write(_text);
            else _write!(writer);
        }
    }

    /// <summary>Writes one kind of artefact (`--emit` name) from a program's <see cref="ArtefactContext"/>.</summary>
    public interface IArtefactEmitter
    {
        /// <summary>The name <c>--emit</c> and <c>TpmEmit</c> use: json, html, md, ics, mermaid, mspdi, csv.</summary>
        string Kind { get; }

        /// <summary>What it is, for the help text.</summary>
        string Description { get; }

        /// <summary>The files it writes (their names; the same for every program).</summary>
        IReadOnlyList<string> FileNames { get; }

        /// <summary>What it needs beyond the schedule.</summary>
        ArtefactNeeds Needs { get; }

        /// <summary>The files, deterministic: the same context gives the same bytes.</summary>
        IReadOnlyList<ArtefactFile> Emit(ArtefactContext context);
    }
}
