using System;
using System.CommandLine;
using ProgramDsl.Cli.Infrastructure;
#if TPM_LSP
using ProgramDsl.LanguageServer;
#else
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
#endif

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm lsp</c>: the language server over stdin and stdout, for editors. The native tpm has the command but not the
    /// server (OmniSharp does not survive Native AOT trimming): the native tool package carries the framework-dependent
    /// tpm beside it (lsp/tpm.dll), which it runs with dotnet on the same stdin and stdout, so an editor that starts
    /// <c>tpm lsp</c> works with either tool. A native tpm without it (a bare publish) says where the server is and exits 2.
    /// </summary>
    public sealed class LspCommand
    {
#if TPM_LSP
        private readonly CliPlanWorkspace _workspace;

        public LspCommand(CliPlanWorkspace workspace) => _workspace = workspace;
#else
        private readonly IConsoleEnvironment _console;

        public LspCommand(IConsoleEnvironment console) => _console = console;
#endif

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
#if TPM_LSP
            // stdout carries the protocol: nothing else may write to it while the server runs.
            using var input = Console.OpenStandardInput();
            using var output = Console.OpenStandardOutput();
            // A console process has no synchronization context to deadlock on; the command actions are synchronous.
            return TpmLanguageServer.RunAsync(input, output, _workspace, new TpmServerOptions { Version = CliApplication.Version }).GetAwaiter().GetResult();
#else
            var server = Path.Combine(AppContext.BaseDirectory, "lsp", "tpm.dll");
            if (File.Exists(server))
            {
                // The child inherits stdin, stdout and stderr (nothing is redirected): the protocol flows past this process.
                var start = new ProcessStartInfo(DotnetHost()) { UseShellExecute = false };
                start.ArgumentList.Add(server);
                start.ArgumentList.Add("lsp");
                try
                {
                    using var child = Process.Start(start)!;
                    child.WaitForExit();
                    return child.ExitCode;
                }
                catch (Win32Exception e)
                {
                    CliErrors.Write(_console.Error, "the language server needs the .NET runtime: could not start '" + start.FileName + "': " + e.Message);
                    return ExitCodes.Usage;
                }
            }

            CliErrors.Write(_console.Error, "the language server is not in the native tpm; it ships in the framework-dependent tool: 'dotnet tool install -g ProgramDsl.Tool.any' then 'tpm lsp', or 'dotnet tpm.dll lsp'");
            return ExitCodes.Usage;
#endif
        }

#if !TPM_LSP
        // The dotnet that started the build or the tool (set by the .NET CLI), else the one under DOTNET_ROOT, else PATH's.
        private static string DotnetHost()
        {
            var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(host) && File.Exists(host)) return host;
            var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
            var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
            if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, name))) return Path.Combine(root, name);
            return name;
        }
#endif
    }
}
