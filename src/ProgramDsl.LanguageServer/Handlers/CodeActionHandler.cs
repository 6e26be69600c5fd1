using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Features;
using ProgramDsl.LanguageServer.Features.CodeActions;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Text;
using CoreDiagnostic = ProgramDsl.Diagnostics.Diagnostic;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// <c>textDocument/codeAction</c>: quick fixes for the diagnostics the client sends in the request's context. Each is
    /// matched (by code and range) to the compiler's own diagnostic, whose data (the did-you-mean, the symbol at its place)
    /// the fix is made from; nothing is read back out of message text.
    /// </summary>
    internal sealed class CodeActionHandler : CodeActionHandlerBase
    {
        private readonly ServerState _state;

        public CodeActionHandler(ServerState state) => _state = state;

        public override Task<CommandOrCodeActionContainer?> Handle(CodeActionParams request, CancellationToken cancellationToken)
        {
            var actions = new List<CommandOrCodeAction>();
            try
            {
                var path = ServerState.PathOf(request.TextDocument.Uri);
                var view = DocumentView.For(_state, path);
                if (view is null || request.Context?.Diagnostics is null) return Task.FromResult<CommandOrCodeActionContainer?>(new CommandOrCodeActionContainer(actions));
                var known = KnownDiagnostics(view);
                foreach (var sent in request.Context.Diagnostics)
                {
                    var code = sent.Code?.String ?? sent.Code?.Long.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (code is null) continue;
                    var match = known.FirstOrDefault(d => d.Code == code && d.Location is SourceLocation at && SameRange(LspText.RangeOf(view.Source, at.Span), sent.Range));
                    if (match is null) continue;
                    foreach (var fix in QuickFixService.FixesFor(view, match))
                    {
                        actions.Add(new CodeAction
                        {
                            Title = fix.Title,
                            Kind = CodeActionKind.QuickFix,
                            Diagnostics = new Container<Diagnostic>(sent),
                            IsPreferred = fix.IsPreferred,
                            Edit = new WorkspaceEdit
                            {
                                Changes = new Dictionary<DocumentUri, IEnumerable<TextEdit>>
                                {
                                    [request.TextDocument.Uri] = fix.Edits.Select(e => new TextEdit { Range = LspText.RangeOf(view.Source, e.Span), NewText = e.NewText }).ToArray(),
                                },
                            },
                        });
                    }
                }
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // No fixes rather than a failed request.
            }

            return Task.FromResult<CommandOrCodeActionContainer?>(new CommandOrCodeActionContainer(actions));
        }

        public override Task<CodeAction> Handle(CodeAction request, CancellationToken cancellationToken) => Task.FromResult(request);

        /// <summary>The compiler's diagnostics located in the buffer: the compile's when it compiled this text, and the buffer's syntax errors.</summary>
        private static IReadOnlyList<CoreDiagnostic> KnownDiagnostics(DocumentView view)
        {
            var result = new List<CoreDiagnostic>(view.Tree.Diagnostics);
            if (view.IsCompiledTree && view.Compiled != null)
            {
                foreach (var d in view.Compiled.Program.Diagnostics)
                {
                    if (d.Location is SourceLocation at && at.Source != null && ReferenceEquals(at.Source, view.Source)) result.Add(d);
                }
            }

            return result;
        }

        private static bool SameRange(OmniSharp.Extensions.LanguageServer.Protocol.Models.Range a, OmniSharp.Extensions.LanguageServer.Protocol.Models.Range b) =>
            a.Start.Line == b.Start.Line && a.Start.Character == b.Start.Character && a.End.Line == b.End.Line && a.End.Character == b.End.Character;

        protected override CodeActionRegistrationOptions CreateRegistrationOptions(CodeActionCapability capability, ClientCapabilities clientCapabilities) =>
            new CodeActionRegistrationOptions
            {
                DocumentSelector = TpmDocuments.Selector,
                CodeActionKinds = new Container<CodeActionKind>(CodeActionKind.QuickFix),
                ResolveProvider = false,
            };
    }
}
