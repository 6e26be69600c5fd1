using System.Collections.Generic;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The status report as Markdown (<c>report.md</c>); see <see cref="StatusReport"/>.</summary>
    public sealed class MarkdownReportArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "md";

        /// <inheritdoc />
        public string Description => "the status report as Markdown (report.md)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "report.md" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.EarnedValue | ArtefactNeeds.Forecast;

        /// <inheritdoc />
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) => new[] { new ArtefactFile("report.md", output => output.Write(StatusReport.Markdown(context))) };
    }
}
