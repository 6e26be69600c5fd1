using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.Diagnostics;
using Diagnostic = ProgramDsl.Diagnostics.Diagnostic;
using ProgramDsl.LanguageServer.Features;
using ProgramDsl.LanguageServer.Handlers;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The buffer parses the editing features keep (in process, with plans held in memory).</summary>
    public sealed class DocumentViewTests
    {
        [Fact]
        public async Task The_parse_of_a_buffer_ahead_of_the_compile_is_kept_while_it_is_open_and_dropped_when_it_closes()
        {
            var path = "/memory-" + Guid.NewGuid().ToString("N") + "/plan.tpm";
            var files = new MemoryWorkspace();
            var documents = new OpenDocuments();
            using var compilations = new PlanCompilations(files, documents, new NoSink());
            using var state = new ServerState(files, documents, compilations);
            documents.Set(new OpenDocument(path, DocumentUri.FromFileSystemPath(path).ToString(), "program p \"P\" {\n  start 2027-01-04\n}\n", 1));

            // Nothing compiled it yet: the view parses the buffer alone and keeps that parse for the next request.
            var view = DocumentView.For(state, path)!;
            view.IsCompiledTree.Should().BeFalse();
            DocumentView.HoldsParseOf(path).Should().BeTrue();

            await new TextSyncHandler(state).Handle(new DidCloseTextDocumentParams { TextDocument = new TextDocumentIdentifier(DocumentUri.FromFileSystemPath(path)) }, CancellationToken.None);

            DocumentView.HoldsParseOf(path).Should().BeFalse();
        }

        private sealed class MemoryWorkspace : IPlanWorkspace
        {
            private readonly InMemorySourceResolver _files = new InMemorySourceResolver();

            public string WorkspaceFor(string path) => "/";

            public PlanSeverities SeveritiesFor(string path, string workspace) => new PlanSeverities(SeverityOptions.Default, Array.Empty<Diagnostic>());

            public ISourceResolver DiskResolver(string workspace) => _files;

            public IReadOnlyList<string> PlanFiles(string folder) => Array.Empty<string>();
        }

        private sealed class NoSink : IDiagnosticSink
        {
            public bool Publish(string path, IReadOnlyList<Diagnostic> diagnostics) => true;
        }
    }
}
