using System.Collections.Generic;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>
    /// The file-system rules the server shares with the command line: which folder is a plan's workspace, which
    /// severities apply to it, how includes are read from disk and which plan files a folder holds. The host (the
    /// <c>tpm</c> CLI) implements it with the very code its commands use, so the editor and CI never disagree.
    /// </summary>
    public interface IPlanWorkspace
    {
        /// <summary>The workspace of a plan file (an absolute path): the nearest folder holding <c>.git</c>, else the plan's folder.</summary>
        string WorkspaceFor(string path);

        /// <summary>The severities that apply to a plan, from the <c>.globalconfig</c> files at and above it, and the problems found in them (TPM0002).</summary>
        PlanSeverities SeveritiesFor(string path, string workspace);

        /// <summary>A resolver that reads files from disk, confined to <paramref name="workspace"/> (TPM1006 outside it).</summary>
        ISourceResolver DiskResolver(string workspace);

        /// <summary>The <c>.tpm</c> files under a folder, recursively, within its workspace (absolute paths); empty when it is not a folder.</summary>
        IReadOnlyList<string> PlanFiles(string folder);
    }

    /// <summary>Severities for a plan and the problems of the configuration files they came from.</summary>
    public sealed class PlanSeverities
    {
        /// <summary>Creates the pair.</summary>
        public PlanSeverities(SeverityOptions severities, IReadOnlyList<Diagnostic> problems)
        {
            Severities = severities;
            Problems = problems;
        }

        /// <summary>Per-code severities.</summary>
        public SeverityOptions Severities { get; }

        /// <summary>TPM0002 warnings located in the configuration files.</summary>
        public IReadOnlyList<Diagnostic> Problems { get; }
    }
}
