using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Workspace;
using ProgramDsl.LanguageServer.Features.Symbols;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary><c>textDocument/documentSymbol</c>: the file's outline, hierarchical; a fragment's own declarations.</summary>
    internal sealed class DocumentSymbolHandler : DocumentSymbolHandlerBase
    {
        private readonly ServerState _state;

        public DocumentSymbolHandler(ServerState state) => _state = state;

        public override Task<SymbolInformationOrDocumentSymbolContainer?> Handle(DocumentSymbolParams request, CancellationToken cancellationToken)
        {
            var empty = Task.FromResult<SymbolInformationOrDocumentSymbolContainer?>(new SymbolInformationOrDocumentSymbolContainer());
            string path;
            try
            {
                path = ServerState.PathOf(request.TextDocument.Uri);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is NotSupportedException || ex is UriFormatException)
            {
                return empty;
            }

            var tree = _state.Compilations.ProgramFor(path)?.TreeOf(path) ?? _state.Compilations.StandaloneTree(path);
            if (tree is null) return empty;
            var symbols = PlanSymbols.Outline(tree).Select(item => new SymbolInformationOrDocumentSymbol(Convert(tree.Source, item)));
            return Task.FromResult<SymbolInformationOrDocumentSymbolContainer?>(new SymbolInformationOrDocumentSymbolContainer(symbols));
        }

        // Recursive, but the parser caps nesting (InputLimits.MaxNestingDepth), so the depth is bounded.
        private static DocumentSymbol Convert(SourceText source, OutlineItem item) => new DocumentSymbol
        {
            Name = item.Name,
            Detail = item.Detail,
            Kind = item.Kind,
            Range = LspText.RangeOf(source, item.Span),
            SelectionRange = LspText.RangeOf(source, item.NameSpan),
            Children = item.Children.Count == 0 ? null : new Container<DocumentSymbol>(item.Children.Select(c => Convert(source, c))),
        };

        protected override DocumentSymbolRegistrationOptions CreateRegistrationOptions(DocumentSymbolCapability capability, ClientCapabilities clientCapabilities) =>
            new DocumentSymbolRegistrationOptions { DocumentSelector = TpmDocuments.Selector, Label = "tpm" };
    }

    /// <summary><c>workspace/symbol</c>: the definitions of every program of the workspace matching the query, each once, at most <see cref="PlanSymbols.MaxWorkspaceResults"/>.</summary>
    internal sealed class WorkspaceSymbolsHandler : WorkspaceSymbolsHandlerBase
    {
        private readonly ServerState _state;

        public WorkspaceSymbolsHandler(ServerState state) => _state = state;

        public override Task<Container<WorkspaceSymbol>?> Handle(WorkspaceSymbolParams request, CancellationToken cancellationToken)
        {
            var found = PlanSymbols.Search(_state.Compilations.Programs, request.Query);
            var symbols = found.Select(f => new WorkspaceSymbol
            {
                Name = f.Symbol.Id,
                Kind = PlanSymbols.KindOf(f.Symbol.Kind),
                ContainerName = f.Container,
                Location = new Location { Uri = _state.UriOf(f.Path), Range = LspText.RangeOf(f.Symbol.Location) },
            });
            return Task.FromResult<Container<WorkspaceSymbol>?>(new Container<WorkspaceSymbol>(symbols));
        }

        protected override WorkspaceSymbolRegistrationOptions CreateRegistrationOptions(WorkspaceSymbolCapability capability, ClientCapabilities clientCapabilities) =>
            new WorkspaceSymbolRegistrationOptions();
    }
}
