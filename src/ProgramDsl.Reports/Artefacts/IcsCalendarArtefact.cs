using System.Collections.Generic;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The iCalendar file of <see cref="IcsCalendar"/> (<c>calendar.ics</c>).</summary>
    public sealed class IcsCalendarArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "ics";

        /// <inheritdoc />
        public string Description => "tasks, milestones and the deadline as all-day calendar events (calendar.ics)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "calendar.ics" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.None;

        /// <inheritdoc />
        /// <remarks>The one artefact with CRLF line ends, which RFC 5545 requires.</remarks>
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) =>
            new[] { new ArtefactFile("calendar.ics", output => IcsCalendar.Write(context.Program, context.Schedule, context.ToolVersion, output)) };
    }
}
