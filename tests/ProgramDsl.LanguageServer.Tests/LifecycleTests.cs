using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>Start, initialize, shutdown and exit of the real <c>tpm lsp</c> process.</summary>
    public sealed class LifecycleTests
    {
        [Fact]
        public async Task Initialize_reports_the_server_and_incremental_sync_and_shutdown_then_exit_ends_with_code_0()
        {
            using var workspace = new TempWorkspace();
            await using var client = await LspClient.StartAsync(workspace.Root);

            client.InitializeResult["serverInfo"]!["name"]!.Value<string>().Should().Be("tpm");
            var sync = client.InitializeResult["capabilities"]!["textDocumentSync"]!;
            // Incremental (2), as a number or inside the options object.
            (sync.Type == JTokenType.Integer ? sync.Value<int>() : sync["change"]!.Value<int>()).Should().Be(2);

            (await client.ShutdownAndExitAsync()).Should().Be(0, "stderr: {0}", client.Stderr);
        }

        [Fact]
        public async Task Exit_without_shutdown_ends_with_code_1()
        {
            using var workspace = new TempWorkspace();
            await using var client = await LspClient.StartAsync(workspace.Root);

            await client.NotifyAsync("exit", new JObject());

            (await client.WaitForExitAsync()).Should().Be(1, "stderr: {0}", client.Stderr);
        }

        [Fact]
        public async Task A_client_that_vanishes_ends_the_server()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 2d }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            // The editor crashes: its end of stdin closes without shutdown or exit.
            client.Process.StandardInput.Close();

            (await client.WaitForExitAsync()).Should().NotBe(0, "the protocol's exit code for an end without shutdown is 1");
        }

        [Fact]
        public async Task A_client_that_vanishes_before_initialize_ends_the_server_with_code_1()
        {
            using var workspace = new TempWorkspace();
            await using var client = await LspClient.StartAsync(workspace.Root, initialize: false);

            // The editor starts the server, then dies before its first message.
            client.Process.StandardInput.Close();

            (await client.WaitForExitAsync()).Should().Be(1);
        }
    }
}
