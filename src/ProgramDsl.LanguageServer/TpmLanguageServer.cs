using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using OmniSharp.Extensions.LanguageServer.Protocol.Document;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using OmniSharp.Extensions.LanguageServer.Protocol.Server;
using OmniSharp.Extensions.LanguageServer.Protocol.Window;
using OmniSharp.Extensions.LanguageServer.Server;
using ProgramDsl.LanguageServer.Features.Forecasts;
using ProgramDsl.LanguageServer.Handlers;
using ProgramDsl.LanguageServer.Protocol;
using ProgramDsl.LanguageServer.Workspace;
using OmniServer = OmniSharp.Extensions.LanguageServer.Server.LanguageServer;

namespace ProgramDsl.LanguageServer
{
    /// <summary>Options of a server run.</summary>
    public sealed class TpmServerOptions
    {
        /// <summary>The version the server reports in <c>initialize</c>.</summary>
        public string Version { get; set; } = "0.0.0";

        /// <summary>The compile loop's timings.</summary>
        public CompileSettings Compile { get; set; } = new CompileSettings();
    }

    /// <summary>
    /// <c>tpm lsp</c>: the Language Server Protocol 3.17 server for <c>.tpm</c> plans, over a pair of streams (stdio).
    /// Built on OmniSharp's protocol library; every language question is answered by the compiler's own model.
    /// </summary>
    public static class TpmLanguageServer
    {
        /// <summary>
        /// Serves one client until it sends <c>exit</c> or closes its input. Returns the process exit code the protocol
        /// asks for: 0 after <c>shutdown</c>, 1 when the client exits or vanishes without it.
        /// </summary>
        public static async Task<int> RunAsync(Stream input, Stream output, IPlanWorkspace workspace, TpmServerOptions? options = null, CancellationToken cancellationToken = default)
        {
            options ??= new TpmServerOptions();
            // Compiles are CPU-bound and the parser runs in parallel on the thread pool: with the pool at its minimum (a
            // thread a core) a request waited for the pool to add a thread, up to 1.7 s for a hover during a 5,000-task
            // compile (the lsp benchmark). Spare threads answer requests at once.
            ThreadPool.GetMinThreads(out var workers, out var completionPorts);
            ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + 8), completionPorts);
            var documents = new OpenDocuments();
            var sink = new DiagnosticPublisher();
            var log = new ServerLog();
            using var state = new ServerState(workspace, documents, new PlanCompilations(workspace, documents, sink, options.Compile, log.Write));
            sink.State = state;
            var shutdown = false;
            var watchedInput = new EndAwareStream(input);
            using var forecasts = new ForecastCache(log.Write);
            state.Compilations.Compiled += forecasts.Start;

            var server = OmniServer.Create(o => Configure(o, options)
                .WithInput(new FramingGuardStream(watchedInput, log.Write))
                .WithOutput(output)
                .WithServices(services => services.AddSingleton(state))
                .WithServices(services => services.AddSingleton(forecasts))
                .WithHandler<TextSyncHandler>()
                .WithHandler<ScheduleHandler>()
                .WithHandler<WatchedFilesHandler>()
                .WithHandler<DefinitionHandler>()
                .WithHandler<ReferencesHandler>()
                .WithHandler<DocumentHighlightHandler>()
                .WithHandler<PrepareRenameHandler>()
                .WithHandler<RenameHandler>()
                .WithHandler<DocumentSymbolHandler>()
                .WithHandler<WorkspaceSymbolsHandler>()
                .WithHandler<HoverHandler>()
                .WithHandler<InlayHintHandler>()
                .WithHandler<CompletionHandler>()
                .WithHandler<FormattingHandler>()
                .WithHandler<RangeFormattingHandler>()
                .WithHandler<FoldingRangeHandler>()
                .WithHandler<SemanticTokensHandler>()
                .WithHandler<CodeActionHandler>()
                .OnInitialized((server, request, response, ct) =>
                {
                    // Before any compile can publish: a scan's diagnostics must reach the client.
                    sink.Server = server;
                    log.Server = server;
                    foreach (var folder in WorkspaceFolders(request)) _ = state.Compilations.ScanAsync(folder);
                    return Task.CompletedTask;
                }));

            // A client that goes away before initialize (its input at an end) must not leave the server waiting for it.
            var initialize = server.Initialize(cancellationToken);
            if (await Task.WhenAny(initialize, watchedInput.Ended).ConfigureAwait(false) != initialize)
            {
                server.Dispose();
                return 1;
            }

            await initialize.ConfigureAwait(false);
            using var onShutdown = server.Shutdown.Subscribe(_ =>
            {
                shutdown = true;
                state.Compilations.Dispose();
            });
            sink.Server = server;
            log.Server = server;
            // The exit notification carries the protocol's code (0 only after shutdown), taken as the library decides it:
            // the shutdown flag alone can be raised later by the library's own forced shutdown while it stops.
            int? exitCode = null;
            using var onExit = server.Exit.Subscribe(c => exitCode = c);
            // The client's exit notification, or the end of its input when it went away without one.
            await Task.WhenAny(server.WaitForExit, watchedInput.Ended, ClientGoneAsync(server.ClientSettings.ProcessId, cancellationToken)).ConfigureAwait(false);
            var code = exitCode ?? (shutdown ? 0 : 1);
            // Disposing waits for handlers in flight; a client that vanished mid-request must not keep the process alive.
            await Task.WhenAny(Task.Run(server.Dispose), Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
            return code;
        }

        /// <summary>Completes when the editor's process (initialize's processId) has ended, as the protocol asks servers to watch.</summary>
        private static async Task ClientGoneAsync(long? processId, CancellationToken cancellationToken)
        {
            if (processId is null || processId <= 0 || processId > int.MaxValue)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                return;
            }

            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById((int)processId.Value);
                    if (process.HasExited) return;
                }
                catch (ArgumentException)
                {
                    return;
                }
                catch (InvalidOperationException)
                {
                    return;
                }

                await Task.Delay(TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
            }
        }

        private static OmniSharp.Extensions.LanguageServer.Server.LanguageServerOptions Configure(OmniSharp.Extensions.LanguageServer.Server.LanguageServerOptions o, TpmServerOptions options)
        {
            o.ServerInfo = new ServerInfo { Name = "tpm", Version = options.Version };
            return o;
        }

        private static IEnumerable<string> WorkspaceFolders(InitializeParams request)
        {
            var folders = new List<string>();
            if (request.WorkspaceFolders is not null)
            {
                folders.AddRange(request.WorkspaceFolders.Where(f => f.Uri.Scheme == "file").Select(f => ServerState.PathOf(f.Uri)));
            }

            if (folders.Count == 0 && request.RootUri is not null && request.RootUri.Scheme == "file") folders.Add(ServerState.PathOf(request.RootUri));
            return folders.Distinct(StringComparer.Ordinal);
        }

        /// <summary>Sends each file's diagnostics to the client once the server is up.</summary>
        private sealed class DiagnosticPublisher : IDiagnosticSink
        {
            public ServerState? State { get; set; }

            public ILanguageServer? Server { get; set; }

            public bool Publish(string path, IReadOnlyList<ProgramDsl.Diagnostics.Diagnostic> diagnostics)
            {
                if (Server is null || State is null) return false;
                var uri = State.UriOf(path);
                Server.TextDocument.PublishDiagnostics(new PublishDiagnosticsParams
                {
                    Uri = uri,
                    Diagnostics = new Container<OmniSharp.Extensions.LanguageServer.Protocol.Models.Diagnostic>(LspDiagnostics.Convert(diagnostics, State.UriOf)),
                });
                return true;
            }
        }

        /// <summary>Internal failures go to the client's log (window/logMessage), never to stdout, which carries the protocol.</summary>
        private sealed class ServerLog
        {
            public ILanguageServer? Server { get; set; }

            public void Write(string message) => Server?.Window.LogMessage(new LogMessageParams { Type = MessageType.Log, Message = message });
        }
    }
}
