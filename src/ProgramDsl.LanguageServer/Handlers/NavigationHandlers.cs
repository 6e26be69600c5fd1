using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features.Navigation;
using ProgramDsl.LanguageServer.Features.Portfolios;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>The program a request about a document position answers from, the document's path and the offset.</summary>
    internal readonly struct DocumentPosition
    {
        private DocumentPosition(CompiledProgram program, string path, int offset)
        {
            Program = program;
            Path = path;
            Offset = offset;
        }

        public CompiledProgram Program { get; }

        public string Path { get; }

        public int Offset { get; }

        /// <summary>
        /// Null for a document no compiled program reads (never opened, not a plan, a fragment nobody includes) or a URI
        /// that is not a file. The offset is read in the compiled text, clamped to it: the compile may lag the buffer.
        /// </summary>
        /// <remarks>
        /// <paramref name="inContext"/>: answer from the compile a portfolio made of the program when that one resolves
        /// more (<see cref="PlanCompilations.AnswerFor"/>). Rename says false: a member the portfolio declares is used by
        /// programs a rename from one of them would not see, so it is not renamed from there.
        /// </remarks>
        public static DocumentPosition? Resolve(ServerState state, DocumentUri uri, Position position, bool inContext = true)
        {
            string path;
            try
            {
                path = ServerState.PathOf(uri);
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is NotSupportedException || ex is UriFormatException)
            {
                return null;
            }

            var program = inContext ? state.Compilations.AnswerFor(path) : state.Compilations.ProgramFor(path);
            var tree = program?.TreeOf(path);
            if (program is null || tree is null) return null;
            return new DocumentPosition(program, path, LspText.OffsetOf(tree.Source, position));
        }
    }

    /// <summary>Converts the navigation features' spans to protocol locations.</summary>
    internal static class Locations
    {
        public static Location Of(ServerState state, FileSpan span) =>
            new Location { Uri = state.UriOf(span.Path), Range = LspText.RangeOf(span.Source, span.Span) };

        public static SymbolNavigation Navigation(ServerState state) => new SymbolNavigation(state.Compilations.ProgramsReading);
    }

    /// <summary><c>textDocument/definition</c>: a reference or a declaration goes to the declaration's name, in whichever file; an include goes to the file it reads.</summary>
    internal sealed class DefinitionHandler : DefinitionHandlerBase
    {
        private readonly ServerState _state;

        public DefinitionHandler(ServerState state) => _state = state;

        public override Task<LocationOrLocationLinks?> Handle(DefinitionParams request, CancellationToken cancellationToken)
        {
            if (PortfolioDefinition(request) is FileSpan program) return Task.FromResult<LocationOrLocationLinks?>(new LocationOrLocationLinks(Locations.Of(_state, program)));
            if (!(DocumentPosition.Resolve(_state, request.TextDocument.Uri, request.Position) is DocumentPosition at)) return Task.FromResult<LocationOrLocationLinks?>(null);
            if (!(SymbolNavigation.Definition(at.Program, at.Path, at.Offset) is FileSpan target)) return Task.FromResult<LocationOrLocationLinks?>(null);
            return Task.FromResult<LocationOrLocationLinks?>(new LocationOrLocationLinks(Locations.Of(_state, target)));
        }

        /// <summary>A program entry of a portfolio file goes to the program's declaration in its file.</summary>
        private FileSpan? PortfolioDefinition(DefinitionParams request)
        {
            try
            {
                var path = ServerState.PathOf(request.TextDocument.Uri);
                if (!(_state.Compilations.PortfolioFor(path) is CompiledPortfolio portfolio)) return null;
                var offset = LspText.OffsetOf(portfolio.Portfolio.SyntaxTree.Source, request.Position);
                return PortfolioFeatures.EntryAt(portfolio, offset) is PortfolioEntry entry ? PortfolioFeatures.Definition(entry) : null;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is InvalidOperationException || ex is NotSupportedException || ex is UriFormatException)
            {
                return null;
            }
        }

        protected override DefinitionRegistrationOptions CreateRegistrationOptions(DefinitionCapability capability, ClientCapabilities clientCapabilities) =>
            new DefinitionRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }

    /// <summary><c>textDocument/references</c>: across every file of the program and every program that reads the symbol's file.</summary>
    internal sealed class ReferencesHandler : ReferencesHandlerBase
    {
        private readonly ServerState _state;

        public ReferencesHandler(ServerState state) => _state = state;

        public override Task<LocationContainer?> Handle(ReferenceParams request, CancellationToken cancellationToken)
        {
            if (!(DocumentPosition.Resolve(_state, request.TextDocument.Uri, request.Position) is DocumentPosition at)) return Task.FromResult<LocationContainer?>(new LocationContainer());
            var includeDeclaration = request.Context?.IncludeDeclaration ?? false;
            var found = Locations.Navigation(_state).References(at.Program, at.Path, at.Offset, includeDeclaration);
            return Task.FromResult<LocationContainer?>(new LocationContainer(found.Select(f => Locations.Of(_state, f))));
        }

        protected override ReferenceRegistrationOptions CreateRegistrationOptions(ReferenceCapability capability, ClientCapabilities clientCapabilities) =>
            new ReferenceRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }

    /// <summary><c>textDocument/documentHighlight</c>: the symbol's names in this file; the declaration is a write, references are reads.</summary>
    internal sealed class DocumentHighlightHandler : DocumentHighlightHandlerBase
    {
        private readonly ServerState _state;

        public DocumentHighlightHandler(ServerState state) => _state = state;

        public override Task<DocumentHighlightContainer?> Handle(DocumentHighlightParams request, CancellationToken cancellationToken)
        {
            if (!(DocumentPosition.Resolve(_state, request.TextDocument.Uri, request.Position) is DocumentPosition at)) return Task.FromResult<DocumentHighlightContainer?>(new DocumentHighlightContainer());
            var highlights = SymbolNavigation.Highlights(at.Program, at.Path, at.Offset).Select(h => new DocumentHighlight
            {
                Range = LspText.RangeOf(h.Source, h.Span),
                Kind = h.IsDeclaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
            });
            return Task.FromResult<DocumentHighlightContainer?>(new DocumentHighlightContainer(highlights));
        }

        protected override DocumentHighlightRegistrationOptions CreateRegistrationOptions(DocumentHighlightCapability capability, ClientCapabilities clientCapabilities) =>
            new DocumentHighlightRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }
}
