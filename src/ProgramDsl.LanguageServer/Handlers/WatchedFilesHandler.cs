using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using OmniSharp.Extensions.LanguageServer.Protocol.Client.Capabilities;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Workspace;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>
    /// Files changed on disk behind the editor's back (a <c>git checkout</c>, a generator): plans are recompiled from
    /// the new text, a new program file joins the workspace, a changed <c>.globalconfig</c> recompiles every program, and a
    /// changed baseline file recompiles the programs that name it.
    /// </summary>
    internal sealed class WatchedFilesHandler : DidChangeWatchedFilesHandlerBase
    {
        private readonly ServerState _state;

        public WatchedFilesHandler(ServerState state) => _state = state;

        public override Task<Unit> Handle(DidChangeWatchedFilesParams request, CancellationToken cancellationToken)
        {
            foreach (var change in request.Changes)
            {
                if (change.Uri.Scheme != "file") continue;
                var path = ServerState.PathOf(change.Uri);
                if (path.EndsWith(".globalconfig", StringComparison.Ordinal)) _state.Compilations.RecompileAll();
                // An open buffer wins over the disk: its edits already drive its compiles.
                else if (path.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase) && _state.Documents.Get(path) is null) _state.Compilations.FileChanged(path);
                // A baseline saved or edited behind the editor (tpm baseline save, a checkout): its programs measure again.
                else if (path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) _state.Compilations.BaselineChanged(path);
            }

            return Unit.Task;
        }

        protected override DidChangeWatchedFilesRegistrationOptions CreateRegistrationOptions(DidChangeWatchedFilesCapability capability, ClientCapabilities clientCapabilities) =>
            new DidChangeWatchedFilesRegistrationOptions
            {
                Watchers = new Container<OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher>(
                    new OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher { GlobPattern = ((GlobPattern?)"**/*.tpm")!, Kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete },
                    new OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher { GlobPattern = ((GlobPattern?)"**/.globalconfig")!, Kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete },
                    new OmniSharp.Extensions.LanguageServer.Protocol.Models.FileSystemWatcher { GlobPattern = ((GlobPattern?)"**/*.json")!, Kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete }),
            };
    }
}
