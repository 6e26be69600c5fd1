using System;
using System.CommandLine;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.LanguageServer;

namespace ProgramDsl.Cli.Commands
{
    /// <summary><c>tpm lsp</c>: the language server over stdin and stdout, for editors.</summary>
    public sealed class LspCommand
    {
        private readonly CliPlanWorkspace _workspace;

        public LspCommand(CliPlanWorkspace workspace) => _workspace = workspace;

        public Command Build(CommonOptions common)
        {
            // Editors' clients add --stdio (vscode-languageclient does); stdio is the only transport, so it is accepted and ignored.
            var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the default and only transport)" };
            var command = new Command("lsp", "Run the language server (Language Server Protocol over stdin and stdout) for editors");
            command.Options.Add(stdio);
            command.SetAction(_ => Run());
            return command;
        }

        public int Run()
        {
            // stdout carries the protocol: nothing else may write to it while the server runs.
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            // A console process has no synchronization context to deadlock on; the command actions are synchronous.
            return TpmLanguageServer.RunAsync(input, output, _workspace, new TpmServerOptions { Version = CliApplication.Version }).GetAwaiter().GetResult();
        }
    }
}
