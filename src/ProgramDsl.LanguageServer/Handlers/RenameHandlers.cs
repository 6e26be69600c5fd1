using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.JsonRpc;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features.Navigation;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary><c>textDocument/prepareRename</c>: the name under the cursor and its range, or null where nothing can be renamed (keywords, values, skills).</summary>
    internal sealed class PrepareRenameHandler : PrepareRenameHandlerBase
    {
        private readonly ServerState _state;

        public PrepareRenameHandler(ServerState state) => _state = state;

        public override Task<RangeOrPlaceholderRange?> Handle(PrepareRenameParams request, CancellationToken cancellationToken)
        {
            if (!(DocumentPosition.Resolve(_state, request.TextDocument.Uri, request.Position, inContext: false) is DocumentPosition at)) return Task.FromResult<RangeOrPlaceholderRange?>(null);
            if (!(SymbolNavigation.PrepareRename(at.Program, at.Path, at.Offset) is FileSpan name)) return Task.FromResult<RangeOrPlaceholderRange?>(null);
            return Task.FromResult<RangeOrPlaceholderRange?>(new RangeOrPlaceholderRange(new PlaceholderRange
            {
                Range = LspText.RangeOf(name.Source, name.Span),
                Placeholder = name.Source.ToString(name.Span),
            }));
        }

        protected override RenameRegistrationOptions CreateRegistrationOptions(RenameCapability capability, ClientCapabilities clientCapabilities) =>
            new RenameRegistrationOptions { DocumentSelector = TpmDocuments.Selector, PrepareProvider = true };
    }

    /// <summary>
    /// <c>textDocument/rename</c>: every name of the symbol across the workspace's programs and files. A refused rename
    /// (an invalid name, a keyword, a clash, nothing to rename) is a request error carrying the reason.
    /// </summary>
    internal sealed class RenameHandler : RenameHandlerBase
    {
        /// <summary>The error code of a refused rename: the protocol's RequestFailed.</summary>
        public const int RequestFailed = -32803;

        private readonly ServerState _state;

        public RenameHandler(ServerState state) => _state = state;

        public override Task<WorkspaceEdit?> Handle(RenameParams request, CancellationToken cancellationToken)
        {
            if (!(DocumentPosition.Resolve(_state, request.TextDocument.Uri, request.Position, inContext: false) is DocumentPosition at))
            {
                throw new RpcErrorException(RequestFailed, null!, "cannot rename: the document is not part of a compiled plan");
            }

            var outcome = Locations.Navigation(_state).Rename(at.Program, at.Path, at.Offset, request.NewName ?? string.Empty);
            if (outcome.Problem != null) throw new RpcErrorException(RequestFailed, null!, outcome.Problem);
            foreach (var edit in outcome.Edits)
            {
                // The ranges are those of the compiled text; applied to a buffer edited since (within the debounce) they
                // would overwrite the wrong characters.
                if (_state.Documents.Get(edit.Path) is OpenDocument open && !string.Equals(open.Text, edit.Source.Text, System.StringComparison.Ordinal))
                {
                    throw new RpcErrorException(RequestFailed, null!, "cannot rename: " + System.IO.Path.GetFileName(edit.Path) + " changed since it was last compiled; try again in a moment");
                }
            }

            var changes = new Dictionary<DocumentUri, IEnumerable<TextEdit>>();
            foreach (var file in outcome.Edits.GroupBy(e => e.Path))
            {
                changes[_state.UriOf(file.Key)] = file.Select(e => new TextEdit { Range = LspText.RangeOf(e.Source, e.Span), NewText = request.NewName! }).ToArray();
            }

            return Task.FromResult<WorkspaceEdit?>(new WorkspaceEdit { Changes = changes });
        }

        protected override RenameRegistrationOptions CreateRegistrationOptions(RenameCapability capability, ClientCapabilities clientCapabilities) =>
            new RenameRegistrationOptions { DocumentSelector = TpmDocuments.Selector, PrepareProvider = true };
    }
}
