using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Reports.Html;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>
    /// The HTML pages (<c>--emit html</c>): each one self-contained, nothing fetched when it is opened. Adding a page
    /// is one line in <see cref="Pages"/>.
    /// </summary>
    public sealed class HtmlArtefact : IArtefactEmitter
    {
        /// <summary>A page: its file name, what it needs beyond the schedule, and how it is rendered.</summary>
        private static readonly (string FileName, ArtefactNeeds Needs, Action<ArtefactContext, System.IO.TextWriter> Render)[] Pages =
        {
            ("gantt.html", ArtefactNeeds.None, GanttHtml.Render),
            ("report.html", ArtefactNeeds.EarnedValue | ArtefactNeeds.Forecast, (context, output) => output.Write(ProgramDsl.Reports.Report.StatusReport.Html(context))),
        };

        /// <inheritdoc />
        public string Kind => "html";

        /// <inheritdoc />
        public string Description => "self-contained HTML: " + string.Join(", ", Pages.Select(p => p.FileName));

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = Pages.Select(p => p.FileName).ToArray();

        /// <inheritdoc />
        public ArtefactNeeds Needs => Pages.Aggregate(ArtefactNeeds.None, (needs, p) => needs | p.Needs);

        /// <inheritdoc />
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            return Pages.Select(p => new ArtefactFile(p.FileName, output => p.Render(context, output))).ToArray();
        }
    }
}
