using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features;
using ProgramDsl.LanguageServer.Features.Completion;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using SymbolKind = ProgramDsl.Semantics.SymbolKind;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// <c>textDocument/completion</c>: keywords, statement words, names of the expected kinds and declaration snippets,
    /// answered from the buffer's text and the latest compile (never waiting for one).
    /// </summary>
    internal sealed class CompletionHandler : CompletionHandlerBase
    {
        private readonly ServerState _state;
        private bool _snippets;

        public CompletionHandler(ServerState state) => _state = state;

        public override Task<CompletionList> Handle(CompletionParams request, CancellationToken cancellationToken)
        {
            try
            {
                var path = ServerState.PathOf(request.TextDocument.Uri);
                var view = DocumentView.For(_state, path);
                if (view is null) return Task.FromResult(new CompletionList());
                var offset = LspText.OffsetOf(view.Source, request.Position);
                var items = CompletionService.Complete(view, offset, _snippets);

                // A space opens the list only where a value is expected ('after |'), not after every word.
                if (request.Context?.TriggerKind == CompletionTriggerKind.TriggerCharacter && request.Context.TriggerCharacter == " " &&
                    items.All(i => i.Kind == CompletionKind.Keyword || i.Kind == CompletionKind.Snippet))
                {
                    return Task.FromResult(new CompletionList());
                }

                var caret = Math.Max(0, Math.Min(offset, view.Text.Length));
                var from = items.Count == 0 ? caret : Math.Min(items[0].Replace.Start, caret);
                var (sent, incomplete) = CompletionLimit.Apply(items, view.Text.Substring(from, caret - from));
                var list = sent.Select((item, i) => ToProtocol(view, item, i)).ToArray();
                return Task.FromResult(new CompletionList(list, incomplete));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Task.FromResult(new CompletionList());
            }
        }

        public override Task<CompletionItem> Handle(CompletionItem request, CancellationToken cancellationToken) => Task.FromResult(request);

        protected override CompletionRegistrationOptions CreateRegistrationOptions(CompletionCapability capability, ClientCapabilities clientCapabilities)
        {
            _snippets = capability?.CompletionItem?.SnippetSupport == true;
            return new CompletionRegistrationOptions
            {
                DocumentSelector = TpmDocuments.Selector,
                TriggerCharacters = new Container<string>(".", " "),
                ResolveProvider = false,
            };
        }

        private static CompletionItem ToProtocol(DocumentView view, CompletionItemModel item, int index)
        {
            var range = LspText.RangeOf(view.Source, item.Replace);
            var label = item.Kind == CompletionKind.Snippet ? item.Label.Split(' ')[0] : item.Label;
            return new CompletionItem
            {
                Label = item.Label,
                Kind = KindOf(item),
                Detail = item.Detail,
                Documentation = item.Documentation is null ? null : new StringOrMarkupContent(item.Documentation),
                FilterText = label,
                // Keywords and names keep the service's order (alphabetical per group); snippets after their keyword.
                SortText = index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
                TextEdit = new TextEdit { Range = range, NewText = item.InsertText },
                InsertTextFormat = item.IsSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
                InsertTextMode = InsertTextMode.AsIs,
            };
        }

        private static CompletionItemKind KindOf(CompletionItemModel item) => item.Kind switch
        {
            CompletionKind.Keyword => CompletionItemKind.Keyword,
            CompletionKind.Word => CompletionItemKind.EnumMember,
            CompletionKind.Snippet => CompletionItemKind.Snippet,
            _ => item.SymbolKind switch
            {
                SymbolKind.Task => CompletionItemKind.Function,
                SymbolKind.Milestone => CompletionItemKind.Event,
                SymbolKind.Workstream => CompletionItemKind.Module,
                SymbolKind.Person => CompletionItemKind.Variable,
                SymbolKind.Team => CompletionItemKind.Class,
                SymbolKind.Role => CompletionItemKind.Interface,
                SymbolKind.Skill => CompletionItemKind.Value,
                SymbolKind.Resource => CompletionItemKind.Struct,
                SymbolKind.Metric => CompletionItemKind.Property,
                SymbolKind.Calendar => CompletionItemKind.Unit,
                _ => CompletionItemKind.Reference,
            },
        };
    }
}
