using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>Buffers and URIs an attacker (or a half-finished edit) could send, over the wire to the real server.</summary>
    public sealed class HostileInputTests
    {
        private const string Plan = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 2d }\n  task b \"B\" { duration 1d  after a }\n}\n";

        private static JObject Open(string uri, string text) =>
            new JObject { ["textDocument"] = new JObject { ["uri"] = uri, ["languageId"] = "tpm", ["version"] = 1, ["text"] = text } };

        [Fact]
        public async Task A_buffer_with_a_scheme_other_than_file_is_not_compiled_and_cannot_read_plans_outside_the_workspace()
        {
            using var workspace = new TempWorkspace();
            var outside = Path.Combine(Path.GetTempPath(), "tpm-outside-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(outside);
            try
            {
                File.WriteAllText(Path.Combine(outside, "secret.tpm"), "person secretperson \"Top Secret Name\"\n");
                var plan = workspace.Write("program.tpm", Plan);
                await using var server = await RawLspConnection.StartAsync(workspace.Root);

                // http://host/x.tpm maps to /x.tpm, whose workspace (no .git above it) would be '/': every plan on the disk.
                var hostile = "program p \"P\" {\n  start 2027-01-04\n  include \"" + outside.TrimStart('/') + "/secret.tpm\"\n  task a \"A\" { duration 2d  assign secretperson }\n}\n";
                await server.NotifyAsync("textDocument/didOpen", Open("http://example.com/x.tpm", hostile));
                await server.NotifyAsync("textDocument/didOpen", Open("untitled:Untitled-1", hostile));
                // A diff view of an older version of the open file, with the same path: it must not replace the file's buffer.
                await server.NotifyAsync("textDocument/didOpen", Open(LspClient.UriOf(plan), Plan));
                await server.NotifyAsync("textDocument/didOpen", Open("git:" + plan + "?ref=HEAD", Plan.Replace("after a", "after nope")));
                await server.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

                var symbols = await server.RequestAsync("workspace/symbol", new JObject { ["query"] = "secretperson" });
                symbols["result"]!.Should().BeEmpty("the plan outside the workspace was never read: " + symbols);
                server.Received.Where(m => (string?)m["method"] == "textDocument/publishDiagnostics")
                    .Select(m => (string)m["params"]!["uri"]!)
                    .Should().OnlyContain(u => u == LspClient.UriOf(plan), "only the file: buffer is compiled");
                var diagnostics = server.Diagnostics(plan);
                diagnostics.Should().NotBeNull();
                diagnostics!.Should().BeEmpty("the file's own buffer, not the git: view's text, is compiled: " + diagnostics);

                // Closing the diff view leaves the file's buffer open: an edit to it still counts.
                await server.NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = "git:" + plan + "?ref=HEAD" } });
                await server.NotifyAsync("textDocument/didChange", new JObject
                {
                    ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan), ["version"] = 2 },
                    ["contentChanges"] = new JArray(new JObject { ["range"] = LspClient.Range(3, 35, 3, 36), ["text"] = "zz" }),
                });
                await server.WaitForAsync(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]!["uri"] == LspClient.UriOf(plan)
                    && ((JArray)m["params"]!["diagnostics"]!).Any(d => (string?)d["code"] == "TPM1001"), "the edited buffer's unknown task");
            }
            finally
            {
                Directory.Delete(outside, recursive: true);
            }
        }

        [Fact]
        public async Task A_workspace_folder_that_is_the_file_system_root_is_not_scanned_and_an_open_plan_is_still_served()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            // Scanning '/' walked the whole disk (through /proc as well) and kept every plan found compiled: gigabytes
            // within seconds, and requests waiting seconds for a thread.
            await using var client = await LspClient.StartAsync("/");
            await client.OpenAsync(plan);

            var schedule = await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            var symbols = (JArray)await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "" });

            schedule["tasks"]!.Select(t => (string?)t["id"]).Should().Equal("a", "b");
            symbols.Select(s => (string?)s["location"]!["uri"]).Distinct().Should().Equal(new[] { LspClient.UriOf(plan) }, "only the open plan is known");
        }

        [Fact]
        public async Task A_rename_sent_while_the_compile_lags_the_buffer_is_refused_rather_than_editing_stale_ranges()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            // Typed just before the rename: the compile (after the debounce) has not seen it, so its ranges are 4 columns off.
            await client.ChangeRangeAsync(plan, 3, 2, 3, 2, "    ");
            var error = await FluentActions.Awaiting(() => client.RequestAsync("textDocument/rename", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) },
                ["position"] = LspClient.Position(2, 7),
                ["newName"] = "first",
            })).Should().ThrowAsync<StreamJsonRpc.RemoteInvocationException>();
            error.Which.Message.Should().Contain("changed since it was last compiled");

            // Once the compile caught up, the same rename gives ranges in the new text.
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            var edit = await client.RequestAsync("textDocument/rename", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) },
                ["position"] = LspClient.Position(2, 7),
                ["newName"] = "first",
            });
            edit["changes"]![LspClient.UriOf(plan)]!.Select(e => (string)e["range"]!["start"]!["line"]! + ":" + (string)e["range"]!["start"]!["character"]!)
                .Should().Equal("2:7", "3:38");
        }

        [Theory]
        [InlineData("two words")]
        [InlineData("line\nbreak")]
        [InlineData("quo\"te")]
        [InlineData("")]
        [InlineData("a//b")]
        public async Task A_rename_to_a_name_with_spaces_breaks_quotes_or_nothing_is_refused(string newName)
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            var error = await FluentActions.Awaiting(() => client.RequestAsync("textDocument/rename", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) },
                ["position"] = LspClient.Position(2, 7),
                ["newName"] = newName,
            })).Should().ThrowAsync<StreamJsonRpc.RemoteInvocationException>();
            error.Which.Message.Should().Contain("is not a valid name");
        }

        [Fact]
        public async Task A_program_buffer_past_the_file_size_limit_is_not_compiled_and_gets_TPM1007_as_on_disk()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("program.tpm", Plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            // 64 MiB and a little more, in comment lines: a paste the CLI would refuse to read (TPM1007) was compiled on every keystroke.
            var line = "  // " + new string('x', 1019) + "\n";
            var text = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 1d }\n" + string.Concat(Enumerable.Repeat(line, 64 * 1024 + 1)) + "}\n";
            await client.OpenAsync(plan, text);

            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count > 0, TimeSpan.FromSeconds(60));

            LspClient.Summarize(diagnostics).Should().ContainSingle().Which.Should().StartWith("0:0-0:0 1 TPM1007 ");
            (await client.RequestAsync("textDocument/hover", LspClient.At(plan, 2, 7))).Type.Should().Be(JTokenType.Null, "no program was compiled from the text");
        }
    }
}
