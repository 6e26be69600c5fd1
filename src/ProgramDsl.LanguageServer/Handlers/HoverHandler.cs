using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features.Forecasts;
using ProgramDsl.LanguageServer.Features.Hover;
using ProgramDsl.LanguageServer.Features.Portfolios;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Syntax;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// textDocument/hover: answered from the latest compile of the program that reads the file (never waiting for one),
    /// or from the file parsed alone when no program reads it (keywords, codes in comments, syntax errors).
    /// </summary>
    internal sealed class HoverHandler : HoverHandlerBase
    {
        private readonly ServerState _state;
        private readonly ForecastCache _forecasts;

        public HoverHandler(ServerState state, ForecastCache forecasts)
        {
            _state = state;
            _forecasts = forecasts;
        }

        protected override HoverRegistrationOptions CreateRegistrationOptions(HoverCapability capability, ClientCapabilities clientCapabilities) =>
            new HoverRegistrationOptions { DocumentSelector = TpmDocuments.Selector };

        public override Task<Hover?> Handle(HoverParams request, CancellationToken cancellationToken)
        {
            try
            {
                return Task.FromResult(Answer(request));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // Odd input never fails the request: the editor shows no hover.
                return Task.FromResult<Hover?>(null);
            }
        }

        private Hover? Answer(HoverParams request)
        {
            if (request.TextDocument?.Uri is null || request.Position is null) return null;
            var path = ServerState.PathOf(request.TextDocument.Uri);
            if (_state.Compilations.PortfolioFor(path) is CompiledPortfolio portfolio && PortfolioHover(portfolio, request) is Hover entry) return entry;
            var compiled = _state.Compilations.AnswerFor(path);
            SyntaxTree? tree = compiled?.TreeOf(path) ?? _state.Compilations.StandaloneTree(path);
            if (tree is null) return null;
            var source = tree.Source;
            if (request.Position.Line < 0 || request.Position.Line >= source.LineCount || request.Position.Character < 0) return null;
            var hover = new HoverRequest(tree, LspText.OffsetOf(source, request.Position))
            {
                Program = compiled?.Program,
                QuickLeveling = compiled?.Stage == CompileStage.Quick,
                Forecast = compiled is null ? null : _forecasts.TryGet(compiled),
                Markdown = PrefersMarkdown(Capability),
            };
            var result = HoverBuilder.Build(hover);
            if (result is null) return null;
            return new Hover
            {
                Contents = new MarkedStringsOrMarkupContent(new MarkupContent { Kind = result.IsMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, Value = result.Text }),
                Range = LspText.RangeOf(source, result.Span),
            };
        }

        /// <summary>A program entry of a portfolio file: the program it names (id, title, start, deadline).</summary>
        private Hover? PortfolioHover(CompiledPortfolio portfolio, HoverParams request)
        {
            var source = portfolio.Portfolio.SyntaxTree.Source;
            if (request.Position.Line < 0 || request.Position.Line >= source.LineCount || request.Position.Character < 0) return null;
            if (!(PortfolioFeatures.EntryAt(portfolio, LspText.OffsetOf(source, request.Position)) is PortfolioEntry entry)) return null;
            var result = PortfolioFeatures.Hover(entry, PrefersMarkdown(Capability));
            return new Hover
            {
                Contents = new MarkedStringsOrMarkupContent(new MarkupContent { Kind = result.IsMarkdown ? MarkupKind.Markdown : MarkupKind.PlainText, Value = result.Text }),
                Range = LspText.RangeOf(source, result.Span),
            };
        }

        /// <summary>Markdown when the client lists it before plain text; plain text when it lists neither.</summary>
        internal static bool PrefersMarkdown(HoverCapability? capability)
        {
            var formats = capability?.ContentFormat;
            if (formats is null) return false;
            foreach (var kind in formats)
            {
                if (kind == MarkupKind.Markdown) return true;
                if (kind == MarkupKind.PlainText) return false;
            }

            return false;
        }
    }
}
