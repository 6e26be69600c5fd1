using System.Collections.Generic;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The CSV of <see cref="ScheduleCsv"/> (<c>schedule.csv</c>).</summary>
    public sealed class ScheduleCsvArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "csv";

        /// <inheritdoc />
        public string Description => "one row per task with the schedule columns, for spreadsheets (schedule.csv)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "schedule.csv" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.None;

        /// <inheritdoc />
        /// <remarks>Records end with CRLF, as RFC 4180 says.</remarks>
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) =>
            new[] { new ArtefactFile("schedule.csv", output => ScheduleCsv.Write(context.Schedule, output)) };
    }
}
