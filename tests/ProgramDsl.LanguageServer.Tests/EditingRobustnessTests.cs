using System.IO;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The editing requests on files never opened, positions past the end and empty buffers: empty answers, never a failure.</summary>
    public sealed class EditingRobustnessTests
    {
        [Fact]
        public async Task Odd_requests_get_empty_answers_and_the_server_keeps_serving()
        {
            using var workspace = new TempWorkspace();
            var missing = Path.Combine(workspace.Root, "nowhere.tpm");
            var empty = workspace.Write("empty.tpm", string.Empty);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(empty);
            var doc = new JObject { ["uri"] = LspClient.UriOf(missing) };

            var completion = await client.RequestAsync("textDocument/completion", LspClient.At(missing, 40, 3));
            (completion is JArray a ? a : (JArray)completion["items"]!).Should().BeEmpty();
            ((JArray)await client.RequestAsync("textDocument/formatting", new JObject { ["textDocument"] = doc, ["options"] = new JObject { ["tabSize"] = 2, ["insertSpaces"] = true } })).Should().BeEmpty();
            ((JArray)await client.RequestAsync("textDocument/foldingRange", new JObject { ["textDocument"] = doc })).Should().BeEmpty();
            var tokens = await client.RequestAsync("textDocument/semanticTokens/full", new JObject { ["textDocument"] = doc });
            (tokens.Type == JTokenType.Null || ((JArray)tokens["data"]!).Count == 0).Should().BeTrue();
            ((JArray)await client.RequestAsync("textDocument/codeAction", new JObject
            {
                ["textDocument"] = doc,
                ["range"] = LspClient.Range(0, 0, 0, 0),
                ["context"] = new JObject { ["diagnostics"] = new JArray(new JObject { ["range"] = LspClient.Range(0, 0, 0, 1), ["code"] = "TPM1001", ["message"] = "x" }) },
            })).Should().BeEmpty();

            // An empty buffer, a caret far past its end: the keywords of the top of a file.
            var top = await client.RequestAsync("textDocument/completion", LspClient.At(empty, 99, 99));
            ((JArray)(top is JArray t ? t : top["items"]!)).Should().Contain(i => (string)i["label"]! == "program");
            client.Process.HasExited.Should().BeFalse();
        }
    }
}
