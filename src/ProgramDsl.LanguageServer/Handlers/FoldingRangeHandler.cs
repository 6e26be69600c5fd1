using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features;
using ProgramDsl.LanguageServer.Features.Folding;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary><c>textDocument/foldingRange</c>: blocks, comment runs and include runs of the buffer.</summary>
    internal sealed class FoldingRangeHandler : FoldingRangeHandlerBase
    {
        private readonly ServerState _state;

        public FoldingRangeHandler(ServerState state) => _state = state;

        public override Task<Container<FoldingRange>?> Handle(FoldingRangeRequestParam request, CancellationToken cancellationToken)
        {
            try
            {
                var view = DocumentView.For(_state, ServerState.PathOf(request.TextDocument.Uri));
                if (view is null) return Task.FromResult<Container<FoldingRange>?>(new Container<FoldingRange>());
                var folds = FoldingService.Folds(view.Tree).Select(f => new FoldingRange
                {
                    StartLine = f.StartLine,
                    EndLine = f.EndLine,
                    Kind = f.Kind == FoldKind.Comment ? FoldingRangeKind.Comment : f.Kind == FoldKind.Imports ? FoldingRangeKind.Imports : (FoldingRangeKind?)null,
                });
                return Task.FromResult<Container<FoldingRange>?>(new Container<FoldingRange>(folds));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Task.FromResult<Container<FoldingRange>?>(new Container<FoldingRange>());
            }
        }

        protected override FoldingRangeRegistrationOptions CreateRegistrationOptions(FoldingRangeCapability capability, ClientCapabilities clientCapabilities) =>
            new FoldingRangeRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }
}
