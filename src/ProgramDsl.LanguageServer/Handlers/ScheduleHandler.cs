using System;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Newtonsoft.Json.Linq;
using OmniSharp.Extensions.JsonRpc;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Reports;

namespace ProgramDsl.LanguageServer.Handlers
{
    /// <summary>The parameters of <c>tpm/schedule</c>: a document, a program or a file a program includes.</summary>
    [Method(ScheduleHandler.MethodName, Direction.ClientToServer)]
    public sealed class ScheduleParams : IRequest<JToken>
    {
        /// <summary>The document whose program's schedule is wanted.</summary>
        public TextDocumentIdentifier TextDocument { get; set; } = null!;
    }

    /// <summary>
    /// <c>tpm/schedule</c>: the schedule JSON of the program a document belongs to (the shape of <c>tpm schedule --format json</c>),
    /// for previews. It waits for the compiles in flight (bounded), so the answer is the final leveling of the text sent.
    /// Null when no program reads the document.
    /// </summary>
    [Method(MethodName, Direction.ClientToServer)]
    internal sealed class ScheduleHandler : IJsonRpcRequestHandler<ScheduleParams, JToken>
    {
        public const string MethodName = "tpm/schedule";
        private static readonly TimeSpan MostWait = TimeSpan.FromSeconds(30);
        private readonly ServerState _state;

        public ScheduleHandler(ServerState state) => _state = state;

        public async Task<JToken> Handle(ScheduleParams request, CancellationToken cancellationToken)
        {
            using (var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                bounded.CancelAfter(MostWait);
                try
                {
                    await _state.Compilations.WhenIdleAsync(bounded.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Past the bound the latest compile answers.
                }
            }

            var compiled = _state.Compilations.ProgramFor(ServerState.PathOf(request.TextDocument.Uri));
            if (compiled is null) return JValue.CreateNull();
            var program = compiled.Program;
            return JToken.Parse(ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics, program.Baseline));
        }
    }
}
