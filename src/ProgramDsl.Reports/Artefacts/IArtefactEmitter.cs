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

    /// <summary>One file an emitter writes: a name relative to the program's output folder, and its text.</summary>
    public sealed class ArtefactFile
    {
        /// <summary>Creates a file.</summary>
        public ArtefactFile(string fileName, string text)
        {
            FileName = fileName;
            Text = text;
        }

        /// <summary>The file name, relative to the program's output folder.</summary>
        public string FileName { get; }

        /// <summary>The contents (UTF-8 when written; LF line ends).</summary>
        public string Text { get; }
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
