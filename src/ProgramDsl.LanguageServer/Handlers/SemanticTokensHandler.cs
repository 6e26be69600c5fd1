using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features;
using ProgramDsl.LanguageServer.Features.SemanticTokens;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// <c>textDocument/semanticTokens/full</c>, <c>/full/delta</c> and <c>/range</c>: the tokens of <see cref="SemanticTokenService"/>
    /// with the legend of <see cref="SemanticTokenLegend"/>; OmniSharp's token document keeps the previous result per
    /// document for the deltas.
    /// </summary>
    internal sealed class SemanticTokensHandler : SemanticTokensHandlerBase
    {
        private readonly ServerState _state;

        public SemanticTokensHandler(ServerState state) => _state = state;

        public static SemanticTokensLegend Legend { get; } = new SemanticTokensLegend
        {
            TokenTypes = new Container<SemanticTokenType>(SemanticTokenLegend.Types.Select(t => new SemanticTokenType(t))),
            TokenModifiers = new Container<SemanticTokenModifier>(SemanticTokenLegend.Modifiers.Select(m => new SemanticTokenModifier(m))),
        };

        protected override Task Tokenize(SemanticTokensBuilder builder, ITextDocumentIdentifierParams identifier, CancellationToken cancellationToken)
        {
            try
            {
                var view = DocumentView.For(_state, ServerState.PathOf(identifier.TextDocument.Uri));
                if (view is null) return Task.CompletedTask;
                var source = view.Source;
                foreach (var token in SemanticTokenService.Tokens(view))
                {
                    var at = LspText.PositionOf(source, token.Start);
                    builder.Push(at.Line, at.Character, token.Length, token.Type, token.Modifiers);
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // No tokens rather than a failed request.
            }

            return Task.CompletedTask;
        }

        /// <summary>
        /// The tokens of a range, encoded here: OmniSharp's builder encodes the first token of a range relative to the
        /// range's start line, where the protocol counts from the start of the document.
        /// </summary>
        public override Task<SemanticTokens?> Handle(SemanticTokensRangeParams request, CancellationToken cancellationToken)
        {
            var data = new List<int>();
            try
            {
                var view = DocumentView.For(_state, ServerState.PathOf(request.TextDocument.Uri));
                if (view != null)
                {
                    var source = view.Source;
                    int from = LspText.OffsetOf(source, request.Range.Start), to = LspText.OffsetOf(source, request.Range.End);
                    int line = 0, character = 0;
                    foreach (var token in SemanticTokenService.Tokens(view))
                    {
                        if (token.Start + token.Length <= from || token.Start >= to) continue;
                        var at = LspText.PositionOf(source, token.Start);
                        data.Add(at.Line - line);
                        data.Add(at.Line == line ? at.Character - character : at.Character);
                        data.Add(token.Length);
                        data.Add(token.Type);
                        data.Add(token.Modifiers);
                        line = at.Line;
                        character = at.Character;
                    }
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                data.Clear();
            }

            return Task.FromResult<SemanticTokens?>(new SemanticTokens { Data = System.Collections.Immutable.ImmutableArray.CreateRange(data) });
        }

        // One token document per file: it keeps the last result, which a delta request names by its id.
        private readonly ConcurrentDictionary<string, SemanticTokensDocument> _documents = new ConcurrentDictionary<string, SemanticTokensDocument>(StringComparer.Ordinal);

        protected override Task<SemanticTokensDocument> GetSemanticTokensDocument(ITextDocumentIdentifierParams @params, CancellationToken cancellationToken) =>
            Task.FromResult(_documents.GetOrAdd(ServerState.PathOf(@params.TextDocument.Uri), _ => new SemanticTokensDocument(Legend)));

        protected override SemanticTokensRegistrationOptions CreateRegistrationOptions(SemanticTokensCapability capability, ClientCapabilities clientCapabilities) =>
            new SemanticTokensRegistrationOptions
            {
                DocumentSelector = TpmDocuments.Selector,
                Legend = Legend,
                Full = new SemanticTokensCapabilityRequestFull { Delta = true },
                Range = true,
            };
    }
}
