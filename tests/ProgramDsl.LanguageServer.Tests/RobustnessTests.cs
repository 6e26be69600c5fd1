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
        public async Task Requests_at_positions_past_the_end_or_in_documents_never_opened_answer_null()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            // Past the last line, past a line's end, negative, and a file no one opened or wrote.
            var pastTheEnd = await client.RequestAsync("textDocument/hover", LspClient.At(plan, 400, 9000));
            var pastALine = await client.RequestAsync("textDocument/hover", LspClient.At(plan, 2, 9000));
            var missing = await client.RequestAsync("textDocument/hover", LspClient.At(Path.Combine(workspace.Root, "missing.tpm"), 0, 0));
            var negative = await client.RequestAsync("textDocument/hover", LspClient.At(plan, -1, -5));
            var stillServes = await client.RequestAsync("textDocument/hover", LspClient.At(plan, 2, 7));

            pastTheEnd.Type.Should().Be(JTokenType.Null);
            // Line 2 is '  task a "A" { duration 2d }': past its end is no symbol.
            pastALine.Type.Should().Be(JTokenType.Null);
            missing.Type.Should().Be(JTokenType.Null);
            negative.Type.Should().Be(JTokenType.Null);
            stillServes["contents"]!.ToString().Should().Contain("2027-01-04", "task a starts on the program's start");
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

        [Fact]
        public async Task Three_hundred_incremental_edits_back_to_back_end_with_exactly_the_diagnostics_of_the_final_text()
        {
            using var workspace = new TempWorkspace();
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "errors", "TPM1001.tpm"));
            var plan = workspace.Write("TPM1001.tpm", text);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            // 'after trian' on line 8 (0-based): every edit renames the reference ('trian0', 'trian1', ...), so each text has its
            // own diagnostic and a stale one shows; every tenth edit inserts a comment line at the top, moving it down.
            var (line, start, length) = (8, 21, 5);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 300; i++)
            {
                if (i % 10 == 9)
                {
                    var comment = "// edit " + i + "\n";
                    await client.ChangeRangeAsync(plan, 0, 0, 0, 0, comment);
                    text = comment + text;
                    line++;
                    continue;
                }

                var name = "trian" + i;
                await client.ChangeRangeAsync(plan, line, start, line, start + length, name);
                text = ReplaceRange(text, line, start, length, name);
                length = name.Length;
                // Now and then a pause of 10 to 150 ms, around the debounce and a compile: compiles start, some finish,
                // and the edits that follow race the others.
                if (i % 20 == 10) await Task.Delay(10 + i / 20 * 10);
            }

            var sent = watch.ElapsedMilliseconds;
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            var idle = watch.ElapsedMilliseconds;
            // What the compiler says about the final text, compiled here in the test.
            var expected = LspClient.Summarize(Expected(text, plan));
            expected.Should().ContainSingle().Which.Should().StartWith("38:21-38:29 1 TPM1001 unknown task 'trian298'");

            await client.WaitForDiagnosticsAsync(plan, d => LspClient.Summarize(d).SequenceEqual(expected), TimeSpan.FromSeconds(30));
            var published = client.PublishCount(plan);
            // Nothing older arrives afterwards.
            await Task.Delay(500);
            LspClient.Summarize(client.Diagnostics(plan)!).Should().Equal(expected);
            client.PublishCount(plan).Should().Be(published);
            client.Process.HasExited.Should().BeFalse();
            _output.WriteLine($"300 edits sent in {sent} ms, compiles idle after {idle} ms, {published} publications of diagnostics");
        }

        [Fact]
        public async Task The_working_set_stays_bounded_over_a_thousand_edits_of_the_ml_platform_example()
        {
            using var workspace = new TempWorkspace();
            var program = Path.Combine(workspace.CopyExample("ml-platform"), "program.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(program);
            var schedule = new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(program) } };
            await client.RequestAsync("tpm/schedule", schedule);

            // '      duration 3d' of discovery.feasibility-report, line 82 (0-based): the digit at character 15 changes
            // with every edit. Bursts of 50 edits; a pause after every tenth lets a compile start before the next edit
            // cancels it; each burst ends with the compiles idle, the last one final.
            var edits = 0;
            async Task EditAsync(int count)
            {
                for (var burst = 0; burst < count / 50; burst++)
                {
                    for (var i = 0; i < 50; i++)
                    {
                        edits++;
                        await client.ChangeRangeAsync(program, 82, 15, 82, 16, (2 + edits % 5).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        if (i % 10 == 9) await Task.Delay(60);
                    }

                    await client.RequestAsync("tpm/schedule", schedule, TimeSpan.FromSeconds(60));
                }
            }

            await EditAsync(100);
            var (rssWarm, anonWarm) = Memory(client.Process.Id);
            var watch = Stopwatch.StartNew();
            var cpuBefore = client.Process.TotalProcessorTime;
            await EditAsync(1_000);
            var (rssAfter, anonAfter) = Memory(client.Process.Id);
            client.Process.Refresh();
            var cpu = client.Process.TotalProcessorTime - cpuBefore;

            _output.WriteLine($"after warm-up (100 edits): VmRSS {rssWarm / 1024} MB, RssAnon {anonWarm / 1024} MB");
            _output.WriteLine($"after 1,000 more edits: VmRSS {rssAfter / 1024} MB, RssAnon {anonAfter / 1024} MB; server CPU {cpu.TotalSeconds:F1} s, wall {watch.Elapsed.TotalSeconds:F1} s");
            var finalDuration = (await client.RequestAsync("tpm/schedule", schedule))["tasks"]!.Single(t => (string)t["id"]! == "discovery.feasibility-report")["duration_days"]!;
            ((int)finalDuration).Should().Be(2 + edits % 5, "the last edit's text was compiled");
            rssAfter.Should().BeLessThan((long)(rssWarm * 1.5) + 50 * 1024, $"VmRSS went from {rssWarm} kB to {rssAfter} kB");
            client.Process.HasExited.Should().BeFalse();
        }

        // VmRSS and RssAnon of a process, in kB, from /proc/<pid>/status.
        private static (long Rss, long Anon) Memory(int pid)
        {
            var lines = File.ReadAllLines("/proc/" + pid + "/status");
            long Field(string name) => long.Parse(lines.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal)).Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
            return (Field("VmRSS"), Field("RssAnon"));
        }

        private static string ReplaceRange(string text, int line, int character, int length, string replacement)
        {
            var offset = 0;
            for (var l = 0; l < line; l++) offset = text.IndexOf('\n', offset) + 1;
            return text.Substring(0, offset + character) + replacement + text.Substring(offset + character + length);
        }

        private static JArray Expected(string text, string path)
        {
            var program = ProgramDsl.TpmProgram.Parse(text, path);
            var diagnostics = LanguageServer.Protocol.LspDiagnostics.Convert(program.Diagnostics, p => new Uri(p));
            return JArray.FromObject(diagnostics.Select(d => new JObject
            {
                ["range"] = LspClient.Range(d.Range.Start.Line, d.Range.Start.Character, d.Range.End.Line, d.Range.End.Character),
                ["severity"] = (int)d.Severity!.Value,
                ["code"] = d.Code!.Value.String,
                ["message"] = d.Message,
            }));
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
