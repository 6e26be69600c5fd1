using System.Collections.Generic;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The Mermaid Gantt diagram of <see cref="MermaidGantt"/> (<c>gantt.mmd</c>).</summary>
    public sealed class MermaidGanttArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "mermaid";

        /// <inheritdoc />
        public string Description => "a Mermaid gantt diagram for Markdown pages and wikis (gantt.mmd)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "gantt.mmd" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.None;

        /// <inheritdoc />
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) =>
            new[] { new ArtefactFile("gantt.mmd", output => MermaidGantt.Write(context.Program, context.Schedule, context.ToolVersion, output)) };
    }
}
