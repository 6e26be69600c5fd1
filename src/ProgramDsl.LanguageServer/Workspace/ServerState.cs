using System;
using OmniSharp.Extensions.LanguageServer.Protocol;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>What every handler shares: the open buffers, the compilations and the mapping between URIs and paths.</summary>
    public sealed class ServerState : IDisposable
    {
        /// <summary>Creates the state of one server.</summary>
        public ServerState(IPlanWorkspace files, OpenDocuments documents, PlanCompilations compilations)
        {
            Files = files;
            Documents = documents;
            Compilations = compilations;
        }

        /// <summary>The workspace rules (shared with the CLI).</summary>
        public IPlanWorkspace Files { get; }

        /// <summary>The open buffers.</summary>
        public OpenDocuments Documents { get; }

        /// <summary>The programs and their latest compiles.</summary>
        public PlanCompilations Compilations { get; }

        /// <summary>The server's path for a document URI (absolute, normalised).</summary>
        public static string PathOf(DocumentUri uri) => PlanCompilations.Normalize(uri.GetFileSystemPath());

        /// <summary>The URI for a path: the one the client opened it with, else a file URI.</summary>
        public DocumentUri UriOf(string path) =>
            Documents.Get(path) is OpenDocument open ? DocumentUri.Parse(open.Uri) : DocumentUri.FromFileSystemPath(path);

        /// <summary>Cancels the compiles.</summary>
        public void Dispose() => Compilations.Dispose();
    }
}
