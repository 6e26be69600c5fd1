using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>textDocument/semanticTokens: the legend, the decoded tokens of a small plan, deltas and ranges.</summary>
    public sealed class SemanticTokenTests
    {
        private const string Plan =
            "// tokens\n" +
            "program p \"P\" {\n" +
            "  start 2027-01-04\n" +
            "  person ana \"Ana\" { skills python  rate 800/d }\n" +
            "  metric auc \"AUC\" { target >= 0.85 }\n" +
            "  workstream w \"W\" {\n" +
            "    task a \"A\" { effort 2d  assign ana 50% }\n" +
            "  }\n" +
            "  milestone m \"M\" { after w.a fs+1d  gate auc }\n" +
            "}\n";

        /// <summary>The tokens as "line:col text type [modifiers]", decoded from the relative encoding with the server's legend.</summary>
        internal static List<string> Decode(JToken data, JObject legend, string text)
        {
            var types = legend["tokenTypes"]!.Select(t => (string)t!).ToArray();
            var modifiers = legend["tokenModifiers"]!.Select(t => (string)t!).ToArray();
            var lines = text.Split('\n');
            var numbers = data.Select(d => (int)d).ToArray();
            var result = new List<string>();
            int line = 0, character = 0;
            for (int i = 0; i < numbers.Length; i += 5)
            {
                if (numbers[i] > 0) character = 0;
                line += numbers[i];
                character += numbers[i + 1];
                var mods = Enumerable.Range(0, modifiers.Length).Where(b => (numbers[i + 4] & (1 << b)) != 0).Select(b => modifiers[b]).ToArray();
                result.Add($"{line}:{character} {lines[line].Substring(character, numbers[i + 2])} {types[numbers[i + 3]]}{(mods.Length > 0 ? " " + string.Join(",", mods) : string.Empty)}");
            }

            return result;
        }

        private static async Task<(TempWorkspace, LspClient, string, JObject)> OpenAsync()
        {
            var workspace = new TempWorkspace();
            var plan = workspace.Write("plan.tpm", Plan);
            var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });
            var legend = (JObject)client.InitializeResult["capabilities"]!["semanticTokensProvider"]!["legend"]!;
            return (workspace, client, plan, legend);
        }

        [Fact]
        public async Task A_small_plan_decodes_to_keywords_declarations_references_by_kind_and_values()
        {
            var (workspace, client, plan, legend) = await OpenAsync();
            using var _ = workspace;
            await using var __ = client;

            var full = await client.RequestAsync("textDocument/semanticTokens/full", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            Decode(full["data"]!, legend, Plan).Should().Equal(
                "0:0 // tokens comment",
                "1:0 program keyword", "1:8 p namespace declaration", "1:10 \"P\" string",
                "2:2 start keyword", "2:8 2027-01-04 number date",
                "3:2 person keyword", "3:9 ana variable declaration", "3:13 \"Ana\" string", "3:21 skills keyword", "3:28 python enum", "3:36 rate keyword", "3:41 800/d number",
                "4:2 metric keyword", "4:9 auc property declaration", "4:13 \"AUC\" string", "4:21 target keyword", "4:28 >= operator", "4:31 0.85 number",
                "5:2 workstream keyword", "5:13 w namespace declaration", "5:15 \"W\" string",
                "6:4 task keyword", "6:9 a function declaration", "6:11 \"A\" string", "6:17 effort keyword", "6:24 2d number duration", "6:28 assign keyword", "6:35 ana variable", "6:39 50% number percentage",
                "8:2 milestone keyword", "8:12 m event declaration", "8:14 \"M\" string", "8:20 after keyword", "8:26 w namespace", "8:28 a function", "8:30 fs enumMember", "8:32 +1d number duration", "8:37 gate keyword", "8:42 auc property");
            full["resultId"]!.Type.Should().Be(JTokenType.String);
        }

        [Fact]
        public async Task A_delta_after_an_edit_and_a_range_request_answer_from_the_buffer()
        {
            var (workspace, client, plan, legend) = await OpenAsync();
            using var _ = workspace;
            await using var __ = client;
            var uri = new JObject { ["uri"] = LspClient.UriOf(plan) };
            var full = await client.RequestAsync("textDocument/semanticTokens/full", new JObject { ["textDocument"] = uri });

            // 'effort 2d' becomes 'effort 12d' (one character more): the delta edits the previous data.
            await client.ChangeRangeAsync(plan, 6, 24, 6, 24, "1");
            var delta = await client.RequestAsync("textDocument/semanticTokens/full/delta", new JObject { ["textDocument"] = uri, ["previousResultId"] = full["resultId"] });
            var data = full["data"]!.Select(d => (int)d).ToList();
            foreach (var edit in ((JArray)delta["edits"]!).OrderByDescending(e => (int)e["start"]!))
            {
                int start = (int)edit["start"]!, deleteCount = (int)edit["deleteCount"]!;
                data.RemoveRange(start, deleteCount);
                data.InsertRange(start, (edit["data"] as JArray ?? new JArray()).Select(d => (int)d));
            }

            var edited = Plan.Replace("effort 2d", "effort 12d");
            Decode(new JArray(data), legend, edited).Should().Contain(new[] { "6:24 12d number duration", "6:29 assign keyword" });

            var range = await client.RequestAsync("textDocument/semanticTokens/range", new JObject { ["textDocument"] = uri, ["range"] = LspClient.Range(8, 0, 8, 50) });
            Decode(range["data"]!, legend, edited).Should().Equal(
                "8:2 milestone keyword", "8:12 m event declaration", "8:14 \"M\" string", "8:20 after keyword", "8:26 w namespace", "8:28 a function", "8:30 fs enumMember", "8:32 +1d number duration", "8:37 gate keyword", "8:42 auc property");
        }

        [Fact]
        public async Task The_legend_is_in_the_registration()
        {
            var (workspace, client, _, legend) = await OpenAsync();
            using var __ = workspace;
            await using var ___ = client;
            legend["tokenTypes"]!.Select(t => (string)t!).Should().Equal(
                "keyword", "comment", "string", "number", "operator", "enumMember", "namespace", "function", "event", "variable", "class", "type", "struct", "property", "interface", "enum", "parameter", "macro", "decorator");
            legend["tokenModifiers"]!.Select(t => (string)t!).Should().Equal("declaration", "date", "duration", "percentage");
        }
    }
}
