using System.Threading;
using System.Threading.Tasks;
using MediatR;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server.Capabilities;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>Keeps the open buffers (incremental edits) and starts the compiles an edit affects.</summary>
    internal sealed class TextSyncHandler : TextDocumentSyncHandlerBase
    {
        private readonly ServerState _state;

        public TextSyncHandler(ServerState state) => _state = state;

        public override TextDocumentAttributes GetTextDocumentAttributes(DocumentUri uri) => new TextDocumentAttributes(uri, TpmDocuments.LanguageId);

        public override Task<Unit> Handle(DidOpenTextDocumentParams request, CancellationToken cancellationToken)
        {
            if (!IsFile(request.TextDocument.Uri)) return Unit.Task;
            var path = ServerState.PathOf(request.TextDocument.Uri);
            _state.Documents.Set(new OpenDocument(path, request.TextDocument.Uri.ToString(), request.TextDocument.Text, request.TextDocument.Version));
            _state.Compilations.FileChanged(path);
            return Unit.Task;
        }

        public override Task<Unit> Handle(DidChangeTextDocumentParams request, CancellationToken cancellationToken)
        {
            if (!IsFile(request.TextDocument.Uri)) return Unit.Task;
            var path = ServerState.PathOf(request.TextDocument.Uri);
            // The protocol allows changes only to open documents: edits of a buffer the server never saw would replace
            // the file with fragments of text, so they are ignored and the file on disk keeps counting.
            if (!(_state.Documents.Get(path) is OpenDocument open)) return Unit.Task;
            var text = open.Text;
            foreach (var change in request.ContentChanges)
            {
                if (change.Range is null)
                {
                    text = change.Text;
                    continue;
                }

                var start = LspText.OffsetOf(text, change.Range.Start.Line, change.Range.Start.Character);
                var end = LspText.OffsetOf(text, change.Range.End.Line, change.Range.End.Character);
                if (end < start) (start, end) = (end, start);
                text = text.Substring(0, start) + change.Text + text.Substring(end);
            }

            _state.Documents.Set(new OpenDocument(path, request.TextDocument.Uri.ToString(), text, request.TextDocument.Version));
            _state.Compilations.FileChanged(path);
            return Unit.Task;
        }

        public override Task<Unit> Handle(DidSaveTextDocumentParams request, CancellationToken cancellationToken) => Unit.Task;

        public override Task<Unit> Handle(DidCloseTextDocumentParams request, CancellationToken cancellationToken)
        {
            if (!IsFile(request.TextDocument.Uri)) return Unit.Task;
            var path = ServerState.PathOf(request.TextDocument.Uri);
            _state.Documents.Remove(path);
            // A large plan's parse is megabytes: a closed buffer's is not kept for a file the editor may never open again.
            ProgramDsl.LanguageServer.Features.DocumentView.Forget(path);
            // The file on disk is what the programs read now.
            _state.Compilations.FileChanged(path);
            return Unit.Task;
        }

        // Only file: buffers are plans. Any other scheme (git: and diff views, untitled:, http:) names no file of a
        // workspace: mapped to a path it would replace the buffer of the real file at that path (a diff view of HEAD
        // opened beside the file), or compile with a workspace guessed from the URI's path (http://host/x.tpm reads
        // includes under '/'). Such buffers are neither kept nor compiled.
        private static bool IsFile(DocumentUri uri) => string.Equals(uri.Scheme, "file", System.StringComparison.OrdinalIgnoreCase);

        protected override TextDocumentSyncRegistrationOptions CreateRegistrationOptions(TextSynchronizationCapability capability, ClientCapabilities clientCapabilities) =>
            new TextDocumentSyncRegistrationOptions
            {
                DocumentSelector = TpmDocuments.Selector,
                Change = TextDocumentSyncKind.Incremental,
                Save = new SaveOptions { IncludeText = false },
            };
    }
}
