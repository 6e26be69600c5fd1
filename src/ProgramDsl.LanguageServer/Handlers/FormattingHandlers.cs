using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features.Formatting;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>Turns the formatter's changes into protocol edits against the buffer's text.</summary>
    internal static class FormattingEdits
    {
        public static TextEditContainer? ToProtocol(string path, string text, IReadOnlyList<TextChange> changes)
        {
            var source = new SourceText(path, text);
            return new TextEditContainer(changes.Select(c => new TextEdit { Range = LspText.RangeOf(source, c.Span), NewText = c.NewText }));
        }
    }

    /// <summary><c>textDocument/formatting</c>: <c>tpm fmt</c>'s layout of the buffer as minimal edits; none for a buffer with syntax errors.</summary>
    internal sealed class FormattingHandler : DocumentFormattingHandlerBase
    {
        private readonly ServerState _state;

        public FormattingHandler(ServerState state) => _state = state;

        public override Task<TextEditContainer?> Handle(DocumentFormattingParams request, CancellationToken cancellationToken)
        {
            var path = ServerState.PathOf(request.TextDocument.Uri);
            var text = _state.Compilations.ReadText(path);
            if (text is null) return Task.FromResult<TextEditContainer?>(new TextEditContainer());
            try
            {
                return Task.FromResult(FormattingEdits.ToProtocol(path, text, FormattingService.Format(path, text)));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Task.FromResult<TextEditContainer?>(new TextEditContainer());
            }
        }

        protected override DocumentFormattingRegistrationOptions CreateRegistrationOptions(DocumentFormattingCapability capability, ClientCapabilities clientCapabilities) =>
            new DocumentFormattingRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }

    /// <summary>
    /// <c>textDocument/rangeFormatting</c>: the edits of whole-document formatting that fall in the statements the range
    /// overlaps (the formatter lays out whole files; see <see cref="FormattingService"/>).
    /// </summary>
    internal sealed class RangeFormattingHandler : DocumentRangeFormattingHandlerBase
    {
        private readonly ServerState _state;

        public RangeFormattingHandler(ServerState state) => _state = state;

        public override Task<TextEditContainer> Handle(DocumentRangeFormattingParams request, CancellationToken cancellationToken)
        {
            var path = ServerState.PathOf(request.TextDocument.Uri);
            var text = _state.Compilations.ReadText(path);
            if (text is null) return Task.FromResult(new TextEditContainer());
            try
            {
                var source = new SourceText(path, text);
                int start = LspText.OffsetOf(source, request.Range.Start), end = LspText.OffsetOf(source, request.Range.End);
                if (end < start) (start, end) = (end, start);
                return Task.FromResult(FormattingEdits.ToProtocol(path, text, FormattingService.FormatRange(path, text, TextSpan.FromBounds(start, end)))!);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Task.FromResult(new TextEditContainer());
            }
        }

        protected override DocumentRangeFormattingRegistrationOptions CreateRegistrationOptions(DocumentRangeFormattingCapability capability, ClientCapabilities clientCapabilities) =>
            new DocumentRangeFormattingRegistrationOptions { DocumentSelector = TpmDocuments.Selector };
    }
}
