using System.Collections.Generic;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The schedule JSON of design §6 (<c>schedule.json</c>).</summary>
    public sealed class ScheduleJsonArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "json";

        /// <inheritdoc />
        public string Description => "the schedule as JSON (schedule.json)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "schedule.json" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.None;

        /// <inheritdoc />
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) =>
            new[] { ArtefactFile.Utf8("schedule.json", stream => ScheduleJson.Write(stream, context.Program, context.Schedule, context.Diagnostics, context.Baseline)) };
    }
}
