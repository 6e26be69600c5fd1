using System.Collections.Generic;
using ProgramDsl.Reports.Mspdi;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>The schedule as MS Project XML (<c>project.xml</c>, MSPDI), for MS Project and the tools that read it.</summary>
    public sealed class MspdiArtefact : IArtefactEmitter
    {
        /// <inheritdoc />
        public string Kind => "mspdi";

        /// <inheritdoc />
        public string Description => "the plan and its schedule as MS Project XML (project.xml)";

        /// <inheritdoc />
        public IReadOnlyList<string> FileNames { get; } = new[] { "project.xml" };

        /// <inheritdoc />
        public ArtefactNeeds Needs => ArtefactNeeds.None;

        /// <inheritdoc />
        public IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) =>
            new[] { ArtefactFile.Utf8("project.xml", output => MspdiWriter.Write(context.Program, context.Schedule, output)) };
    }
}
