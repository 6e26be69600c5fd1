using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>
    /// The real server under bad input: broken framing, bodies that are not JSON or not JSON-RPC, unknown methods, wrong
    /// parameter types, positions past the end, edits of documents never opened, huge lines, a client that vanishes
    /// mid-message. Each time the server answers what the protocol says (or nothing), stays up, and keeps serving.
    /// </summary>
    public sealed class RobustnessTests
    {
        private const string Plan = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 2d }\n  task b \"B\" { duration 1d  after a }\n}\n";

        private readonly ITestOutputHelper _output;

        public RobustnessTests(ITestOutputHelper output) => _output = output;

        [Fact]
        public async Task A_garbage_Content_Length_header_is_skipped_and_the_next_message_is_served()
        {
            using var workspace = new TempWorkspace();
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            // Each of these stopped OmniSharp's reader for good (the server then ignored its client and outlived it).
            await server.WriteRawAsync("Content-Length: banana\r\n\r\n");
            await server.WriteRawAsync("Content-Length: -12\r\n\r\n");
            await server.WriteRawAsync("Content-Length: 123456789012345678901234567890\r\n\r\n");
            await server.WriteRawAsync("Content-Length: 12 monkeys\r\n\r\n");
            await server.WriteRawAsync("no header at all\r\n\r\n");
            // A broken header followed by its body: reading resumes at the next message's header.
            await server.WriteRawAsync("Content-Length: banana\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":500,\"method\":\"tpm/schedule\"}");
            await AssertServesAsync(server, workspace);

            // Headers the protocol allows around Content-Length, and one it does not know, are fine.
            var body = "{\"jsonrpc\":\"2.0\",\"id\":501,\"method\":\"shutdown\"}";
            await server.WriteRawAsync("X-A-Header-Name-Longer-Than-Fourteen-Bytes: yes\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length:  " + body.Length + "\r\n\r\n" + body);
            var shutdown = await server.WaitForAsync(m => m["id"]?.Type == JTokenType.Integer && (int)m["id"]! == 501, "the answer to shutdown");
            shutdown["error"].Should().BeNull();
            server.Received.Should().NotContain(m => m["id"] != null && m["id"]!.Type == JTokenType.Integer && (int)m["id"]! == 500, "the body of a dropped header is not a message");
        }

        [Fact]
        public async Task A_body_that_is_not_JSON_gets_a_parse_error_and_the_server_keeps_serving()
        {
            using var workspace = new TempWorkspace();
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            await server.SendBodyAsync("this is {not JSON");

            var error = await server.WaitForAsync(m => m["error"] != null, "an error answer");
            ((int)error["error"]!["code"]!).Should().Be(-32700, "JSON-RPC's Parse error");
            // JSON-RPC asks for "id": null here; OmniSharp leaves the id out, which clients read the same way.
            (error["id"]?.Type ?? JTokenType.Null).Should().Be(JTokenType.Null);
            await AssertServesAsync(server, workspace);
        }

        [Theory]
        [InlineData("{\"hello\":\"world\"}")]
        [InlineData("[1,2,3]")]
        [InlineData("42")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":7}")]
        [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"odd\":true},\"method\":\"tpm/schedule\"}")]
        public async Task A_JSON_body_that_is_not_JSON_RPC_does_not_stop_the_server(string body)
        {
            using var workspace = new TempWorkspace();
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            await server.SendBodyAsync(body);

            await AssertServesAsync(server, workspace);
            // Whatever the server said about it was an error, never a result.
            server.Received.Where(m => m["result"] != null && m["id"]?.Type != JTokenType.Integer).Should().BeEmpty();
        }

        [Fact]
        public async Task An_unknown_method_gets_MethodNotFound_and_an_unknown_notification_is_ignored()
        {
            using var workspace = new TempWorkspace();
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            var answer = await server.RequestAsync("tpm/noSuchThing", new JObject { ["x"] = 1 });
            await server.NotifyAsync("tpm/noSuchNotification", new JObject());
            await server.NotifyAsync("$/noSuchProtocolNotification", new JObject());

            ((int)answer["error"]!["code"]!).Should().Be(-32601, "JSON-RPC's Method not found");
            await AssertServesAsync(server, workspace);
        }

        [Fact]
        public async Task Parameters_of_the_wrong_types_get_an_error_or_are_ignored_and_the_server_keeps_serving()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            var schedule = await server.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = 5 });
            var arrayParams = await server.RequestAsync("tpm/schedule", new JArray("a", "b"));
            await server.NotifyAsync("textDocument/didOpen", new JObject { ["textDocument"] = new JObject { ["uri"] = 42, ["text"] = new JArray() } });
            await server.NotifyAsync("textDocument/didOpen", new JObject { ["textDocument"] = new JObject { ["uri"] = "not a uri at all", ["languageId"] = "tpm", ["version"] = "one", ["text"] = "x" } });
            await server.NotifyAsync("textDocument/didChange", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) }, ["contentChanges"] = "everything" });
            await server.NotifyAsync("textDocument/didClose", JValue.CreateNull());

            schedule["error"].Should().NotBeNull("a document identifier that is a number is invalid: " + schedule);
            arrayParams["error"].Should().NotBeNull("positional parameters are invalid: " + arrayParams);
            await AssertServesAsync(server, workspace);
        }

        [Fact]
        public async Task An_edit_whose_range_is_past_the_end_is_clamped_to_the_end()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);

            // An insertion at line 400, character 9000 of a 5-line buffer lands at its end; one past a line's end, at the line's end.
            await client.ChangeRangeAsync(plan, 400, 9000, 401, 3, "task c \"C\" { after nobody }\n");
            await client.ChangeRangeAsync(plan, 2, 500, 2, 900, " // still task a");

            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count > 0);
            LspClient.Summarize(diagnostics).Should().Contain(s => s.StartsWith("5:") && s.Contains("TPM0001"),
                "the task after the program's closing brace is on the last line (5): " + string.Join("; ", LspClient.Summarize(diagnostics)));
            (await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } })).Should().NotBeNull();
            client.Process.HasExited.Should().BeFalse();
        }

        [Fact]
        public async Task A_change_to_a_document_never_opened_is_ignored_and_the_file_on_disk_still_counts()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            // The protocol requires didOpen first: an editor that skips it must not turn the file into the edit's text alone.
            await client.ChangeRangeAsync(plan, 0, 0, 0, 0, "garbage ");
            await client.ChangeRangeAsync(Path.Combine(workspace.Root, "missing.tpm"), 3, 1, 3, 4, "x");

            var schedule = await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            schedule["tasks"]!.Select(t => (string)t["id"]!).Should().Equal("a", "b");
            (client.Diagnostics(plan) ?? new JArray()).Should().BeEmpty();
            client.Process.HasExited.Should().BeFalse();
        }

        [Fact]
        public async Task A_huge_line_is_compiled_and_the_server_stays_responsive()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);

            // A 2 MB comment on one line: the compiler's limit on a line's length answers it.
            await client.ChangeRangeAsync(plan, 0, 0, 0, 0, "// " + new string('x', 2_000_000) + "\n");
            var tooLong = await client.WaitForDiagnosticsAsync(plan, d => d.Count > 0, TimeSpan.FromSeconds(60));
            LspClient.Summarize(tooLong).Should().Equal("0:20000-0:20000 1 TPM1007 this line is longer than the limit of 20,000 characters; break it into several lines");

            // Deleting it and adding a 19,000-character line, just under the limit: a long task name (strings stop at 10,000),
            // an unknown reference, and a long comment.
            var line = "  task c \"" + new string('q', 9_000) + "\" { duration 1d  after zz }  // " + new string('w', 9_950);
            await client.ChangeRangeAsync(plan, 0, 0, 1, 0, string.Empty);
            await client.ChangeRangeAsync(plan, 4, 0, 4, 0, line + "\n");

            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count > 0 && (string)d[0]!["code"]! != "TPM1007", TimeSpan.FromSeconds(60));
            var at = line.IndexOf("zz", StringComparison.Ordinal);
            LspClient.Summarize(diagnostics).Should().Equal($"4:{at}-4:{at + 2} 1 TPM1001 unknown task 'zz'");
            client.Process.HasExited.Should().BeFalse();
        }

        [Fact]
        public async Task A_client_that_vanishes_mid_message_ends_the_server_within_seconds()
        {
            using var workspace = new TempWorkspace();
            await using var server = await RawLspConnection.StartAsync(workspace.Root);

            await server.WriteRawAsync("Content-Length: 500\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"tpm/sch");
            var watch = Stopwatch.StartNew();
            server.Process.StandardInput.Close();

            using var cts = new System.Threading.CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.Process.WaitForExitAsync(cts.Token);
            _output.WriteLine("exited " + watch.ElapsedMilliseconds + " ms after stdin closed, code " + server.Process.ExitCode);
            server.Process.ExitCode.Should().Be(1, "an end without shutdown is exit code 1");
        }

        /// <summary>The server is alive and answers a real request about a real plan.</summary>
        private static async Task AssertServesAsync(RawLspConnection server, TempWorkspace workspace)
        {
            var plan = workspace.Write("served-" + Guid.NewGuid().ToString("N").Substring(0, 6) + ".tpm", Plan);
            await server.NotifyAsync("textDocument/didOpen", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan), ["languageId"] = "tpm", ["version"] = 1, ["text"] = Plan.Replace("after a", "after z") },
            });
            var schedule = await server.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            schedule["error"].Should().BeNull("the server must still answer: " + schedule + "\nstderr: " + server.Stderr);
            ((string)schedule["result"]!["program"]!["id"]!).Should().Be("p");
            var diagnostics = await server.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == LspClient.UriOf(plan), "diagnostics");
            ((string)diagnostics["params"]!["diagnostics"]![0]!["message"]!).Should().StartWith("unknown task 'z'");
            server.Process.HasExited.Should().BeFalse();
        }
    }
}
