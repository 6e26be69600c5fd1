using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>textDocument/codeAction: the quick fixes' exact edits, and the diagnostic gone once the edit is applied.</summary>
    public sealed class CodeActionTests
    {
        private static async Task<JArray> ActionsAsync(LspClient client, string path, JArray diagnostics)
        {
            var first = diagnostics[0]["range"]!;
            var result = await client.RequestAsync("textDocument/codeAction", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) },
                ["range"] = first.DeepClone(),
                ["context"] = new JObject { ["diagnostics"] = diagnostics.DeepClone() },
            });
            return (JArray)result;
        }

        private static JArray EditsOf(JToken action, string path) => (JArray)action["edit"]!["changes"]![LspClient.UriOf(path)]!;

        /// <summary>Applies a fix's edits to the buffer as an editor does, and returns the new text.</summary>
        private static async Task<string> ApplyAsync(LspClient client, string path, string text, JToken action)
        {
            var fixedText = TextEdits.Apply(text, EditsOf(action, path));
            await client.ChangeAsync(path, fixedText);
            return fixedText;
        }

        [Fact]
        public async Task Did_you_mean_replaces_the_unknown_name_and_the_error_goes()
        {
            using var workspace = new TempWorkspace();
            var plan = Path.Combine(workspace.CopyExample("errors"), "TPM1001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            var actions = await ActionsAsync(client, plan, diagnostics);

            actions.Select(a => (string)a["title"]!).Should().Equal("Change 'trian' to 'train'");
            var action = actions[0];
            action["kind"]!.Value<string>().Should().Be("quickfix");
            action["isPreferred"]!.Value<bool>().Should().BeTrue();
            action["diagnostics"]![0]!["code"]!.Value<string>().Should().Be("TPM1001");
            EditsOf(action, plan).Select(TextEdits.Describe).Should().Equal("8:21-8:26 \"train\"");

            await ApplyAsync(client, plan, File.ReadAllText(plan), action);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task A_misspelt_keyword_is_replaced_by_the_keyword_the_parser_suggests()
        {
            using var workspace = new TempWorkspace();
            var text = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { durtion 2d }\n}\n";
            var plan = workspace.Write("plan.tpm", text);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Any(x => (string)x["code"]! == "TPM0001"));

            var actions = await ActionsAsync(client, plan, new JArray(diagnostics.First(x => (string)x["code"]! == "TPM0001")));

            actions.Select(a => (string)a["title"]!).Should().Equal("Change 'durtion' to 'duration'");
            EditsOf(actions[0], plan).Select(TextEdits.Describe).Should().Equal("2:15-2:22 \"duration\"");
            await ApplyAsync(client, plan, text, actions[0]);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task An_unmanaged_risk_gets_an_owner_inside_its_block_indented_as_its_statements()
        {
            using var workspace = new TempWorkspace();
            var plan = Path.Combine(workspace.CopyExample("errors"), "TPM3001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);
            LspClient.Summarize(diagnostics).Single().Should().StartWith("9:7-9:18 2 TPM3001");

            var actions = await ActionsAsync(client, plan, diagnostics);

            // The risk has a mitigation, so the one fix is the owner: before the '  }' on line 14 (0-based), as the block's lines are indented.
            actions.Select(a => (string)a["title"]!).Should().Equal("Add an owner ('ana')");
            EditsOf(actions[0], plan).Select(TextEdits.Describe).Should().Equal("14:0-14:0 \"    owner ana\\n\"");
            var text = await ApplyAsync(client, plan, File.ReadAllText(plan), actions[0]);
            text.Should().Contain("    affects train\n    owner ana\n  }\n");
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task A_risk_without_owner_or_mitigation_on_one_line_gets_both_fixes_each_valid()
        {
            using var workspace = new TempWorkspace();
            var text = "program p \"P\" {\n  start 2027-01-04\n  person ana \"Ana\"\n  task t \"T\" { effort 10d  assign ana }\n  risk r \"R\" { likelihood high  impact 10d  affects t }\n}\n";
            var plan = workspace.Write("plan.tpm", text);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            var actions = await ActionsAsync(client, plan, diagnostics);

            actions.Select(a => (string)a["title"]!).Should().Equal("Add an owner ('ana')", "Add a mitigation");
            EditsOf(actions[0], plan).Select(TextEdits.Describe).Should().Equal("4:53-4:53 \"  owner ana\"");
            EditsOf(actions[1], plan).Select(TextEdits.Describe).Should().Equal("4:53-4:53 \"  mitigation \"Describe what is done about the risk\"\"");

            // Owner first: the warning stays (still no mitigation); then the mitigation clears it.
            text = await ApplyAsync(client, plan, text, actions[0]);
            var after = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1 && !((string)d[0]["message"]!).Contains("no owner"));
            var second = await ActionsAsync(client, plan, after);
            second.Select(a => (string)a["title"]!).Should().Equal("Add a mitigation");
            text = await ApplyAsync(client, plan, text, second[0]);
            text.Should().Contain("{ likelihood high  impact 10d  affects t  owner ana  mitigation \"Describe what is done about the risk\" }");
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task A_deployment_without_reviews_gets_a_review_task_it_depends_on_and_the_warning_goes()
        {
            using var workspace = new TempWorkspace();
            var plan = Path.Combine(workspace.CopyExample("errors"), "TPM3005.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            var actions = await ActionsAsync(client, plan, diagnostics);

            actions.Select(a => (string)a["title"]!).Should().Equal("Add the missing review (fairness, security) as task 'deploy-review' before 'deploy'");
            EditsOf(actions[0], plan).Select(TextEdits.Describe).Should().Equal(
                "11:0-11:0 \"  task deploy-review \"Fairness, security review\" { duration 1d  review fairness, security }\\n\"",
                "11:94-11:94 \"  after deploy-review\"");
            var text = await ApplyAsync(client, plan, File.ReadAllText(plan), actions[0]);
            text.Split('\n')[12].Should().Be("  task deploy \"Deploy to production\" { duration 3d  after evaluated, reviews  phase deployment  after deploy-review }");
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task A_diagnostic_the_server_does_not_know_or_without_a_fix_gets_no_action()
        {
            using var workspace = new TempWorkspace();
            var plan = Path.Combine(workspace.CopyExample("errors"), "TPM1001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            var made = new JArray(new JObject { ["range"] = LspClient.Range(2, 0, 2, 5), ["code"] = "TPM1001", ["message"] = "made up" });
            (await ActionsAsync(client, plan, made)).Should().BeEmpty();
        }
    }
}
