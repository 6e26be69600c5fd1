using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features.InlayHints;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// textDocument/inlayHint: each task's and milestone's schedule at the end of its header, from the latest compile of
    /// the program that reads the file. When the buffer has moved on since that compile, hints keep the compile's
    /// positions, clamped to the buffer (a hint past its last line is dropped).
    /// </summary>
    internal sealed class InlayHintHandler : InlayHintsHandlerBase
    {
        private readonly ServerState _state;

        public InlayHintHandler(ServerState state) => _state = state;

        protected override InlayHintRegistrationOptions CreateRegistrationOptions(InlayHintClientCapabilities capability, ClientCapabilities clientCapabilities) =>
            new InlayHintRegistrationOptions { DocumentSelector = TpmDocuments.Selector, ResolveProvider = false };

        public override Task<InlayHintContainer?> Handle(InlayHintParams request, CancellationToken cancellationToken)
        {
            try
            {
                return Task.FromResult(Answer(request));
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return Task.FromResult<InlayHintContainer?>(null);
            }
        }

        // Hints are complete when sent: nothing to resolve.
        public override Task<InlayHint> Handle(InlayHint request, CancellationToken cancellationToken) => Task.FromResult(request);

        private InlayHintContainer? Answer(InlayHintParams request)
        {
            if (request.TextDocument?.Uri is null || request.Range is null) return null;
            var path = ServerState.PathOf(request.TextDocument.Uri);
            var compiled = _state.Compilations.ProgramFor(path);
            var tree = compiled?.TreeOf(path);
            if (compiled is null || tree is null) return new InlayHintContainer();
            var source = tree.Source;
            var range = TextSpan.FromBounds(LspText.OffsetOf(source, request.Range.Start), LspText.OffsetOf(source, request.Range.End));
            if (range.Length < 0) return new InlayHintContainer();
            // The buffer as it is now, when it differs from the text compiled.
            var open = _state.Documents.Get(path);
            var buffer = open != null && !string.Equals(open.Text, source.Text, StringComparison.Ordinal) ? new SourceText(path, open.Text) : null;
            var hints = new List<InlayHint>();
            foreach (var hint in ScheduleHints.For(compiled.Program, tree, range))
            {
                if (!(PositionIn(source, buffer, hint.Offset) is Position position)) continue;
                hints.Add(new InlayHint
                {
                    Position = position,
                    Label = new StringOrInlayHintLabelParts(hint.Label),
                    Kind = InlayHintKind.Type,
                    PaddingLeft = true,
                    Tooltip = compiled.Stage == CompileStage.Quick ? new StringOrMarkupContent("Dates from a quick leveling; the full leveling follows.") : null,
                });
            }

            return new InlayHintContainer(hints);
        }

        /// <summary>
        /// Where a hint at <paramref name="offset"/> of the compiled text shows in the buffer: the same line and column,
        /// the column clamped to the buffer's line; null when the buffer no longer has that line.
        /// </summary>
        internal static Position? PositionIn(SourceText compiled, SourceText? buffer, int offset)
        {
            var position = LspText.PositionOf(compiled, offset);
            if (buffer is null) return position;
            if (position.Line >= buffer.LineCount) return null;
            return LspText.PositionOf(buffer, LspText.OffsetOf(buffer, position));
        }
    }
}
