using System.Diagnostics.CodeAnalysis;

namespace ProgramDsl.LanguageServer.Workspace
{
    /// <summary>
    /// Reads includes from the open buffers first and from disk otherwise. A buffer is served only where the disk
    /// resolver would serve the file: inside the workspace, so an unsaved buffer cannot widen what a plan may include.
    /// Baselines are read from disk only (through the disk resolver, when it reads them): they are written by
    /// <c>tpm baseline save</c>, not edited.
    /// </summary>
    internal sealed class OverlayResolver : ISourceResolver, ISourceIdentity, IBaselineResolver
    {
        private readonly ISourceResolver _disk;
        private readonly OpenDocuments _documents;
        private readonly string _workspace;

        public OverlayResolver(ISourceResolver disk, OpenDocuments documents, string workspace)
        {
            _disk = disk;
            _documents = documents;
            _workspace = workspace;
        }

        public string ResolvePath(string includingPath, string includePath) => _disk.ResolvePath(includingPath, includePath);

        public string Identify(string path) => _disk is ISourceIdentity identity ? identity.Identify(path) : path;

        public bool TryReadText(string path, out string text, [NotNullWhen(false)] out SourceReadError? error)
        {
            if (_documents.Get(SourcePaths.Normalize(path)) is OpenDocument open && SourcePaths.IsWithin(_workspace, Identify(path)))
            {
                // The same size limit as a file on disk (TPM1007): a pasted gigabyte is not compiled on every keystroke.
                if (open.Text.Length > InputLimits.MaxFileBytes)
                {
                    text = string.Empty;
                    error = SourceReadError.TooLarge(open.Text.Length);
                    return false;
                }

                text = open.Text;
                error = null;
                return true;
            }

            return _disk.TryReadText(path, out text, out error);
        }

        public bool TryReadBaseline(string path, out string text, [NotNullWhen(false)] out SourceReadError? error)
        {
            if (_disk is IBaselineResolver baselines) return baselines.TryReadBaseline(path, out text, out error);
            text = string.Empty;
            error = SourceReadError.Unreadable("this editor's file reader does not read baselines");
            return false;
        }
    }
}
