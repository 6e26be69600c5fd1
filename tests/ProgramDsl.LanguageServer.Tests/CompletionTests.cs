using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>textDocument/completion at hand-chosen positions of the ml-platform example and small plans.</summary>
    public sealed class CompletionTests
    {
        private static readonly string[] Roles = { "data-engineer", "data-scientist", "ml-engineer", "mlops-engineer", "rai-lead", "security-engineer", "sre", "tpm" };

        private static async Task<(TempWorkspace Workspace, LspClient Client, string Program)> OpenMlPlatformAsync(JObject? capabilities = null)
        {
            var workspace = new TempWorkspace();
            var folder = workspace.CopyExample("ml-platform");
            var program = Path.Combine(folder, "program.tpm");
            var client = await LspClient.StartAsync(workspace.Root, capabilities: capabilities);
            await client.OpenAsync(program);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(program) } });
            return (workspace, client, program);
        }

        private static async Task<JArray> CompleteAsync(LspClient client, string path, int line, int character, string? trigger = null)
        {
            var parameters = LspClient.At(path, line, character);
            if (trigger != null) parameters["context"] = new JObject { ["triggerKind"] = 2, ["triggerCharacter"] = trigger };
            var result = await client.RequestAsync("textDocument/completion", parameters);
            return result is JArray array ? array : (JArray)result["items"]!;
        }

        private static string[] Labels(JArray items) => items.Select(i => (string)i["label"]!).ToArray();

        [Fact]
        public async Task After_in_a_task_offers_the_tasks_of_its_workstream_by_name_and_the_others_qualified_and_replaces_the_word_under_the_caret()
        {
            var (workspace, client, program) = await OpenMlPlatformAsync();
            using var _ = workspace;
            await using var __ = client;

            // Line 116 (1-based) of program.tpm: '        after kafka-stream ss+2d' in data.ingest.data-contracts; the caret after 'kafka'.
            var items = await CompleteAsync(client, program, 115, 19);

            var labels = Labels(items);
            labels.Should().Contain(new[] { "kafka-stream", "backfill", "pii-tokenise", "discovery", "discovery.go-decision", "discovery.eda", "data", "ingest", "labels", "labels.label-join" });
            labels.Should().NotContain("data-contracts", "a task does not depend on itself");
            labels.Should().NotContain(new[] { "maya", "gpu-pool", "auc", "eda", "data.ingest" }, "only work is a predecessor, 'eda' lies in another workstream and 'ingest' needs no qualifier here");
            var kafka = items.Single(i => (string)i["label"]! == "kafka-stream");
            kafka["kind"]!.Value<int>().Should().Be(3, "a task is a function");
            kafka["detail"]!.Value<string>().Should().Be("task 'Stream card transactions from Kafka' (data.ingest.kafka-stream)");
            TextEdits.Describe(kafka["textEdit"]!).Should().Be("115:14-115:26 \"kafka-stream\"");
            var go = items.Single(i => (string)i["label"]! == "discovery.go-decision");
            go["kind"]!.Value<int>().Should().Be(23, "a milestone is an event");
        }

        [Fact]
        public async Task A_qualifier_typed_in_a_buffer_ahead_of_the_compile_offers_exactly_the_members_of_that_workstream()
        {
            var (workspace, client, program) = await OpenMlPlatformAsync();
            using var _ = workspace;
            await using var __ = client;

            // A new line in data.ingest.data-contracts, asked at once: the compile of this text has not run yet.
            await client.ChangeRangeAsync(program, 118, 0, 118, 0, "        after discovery.\n");
            var items = await CompleteAsync(client, program, 118, 24, ".");

            Labels(items).Should().BeEquivalentTo("charter", "data-audit", "eda", "rules-benchmark", "feasibility-report", "go-decision");
            TextEdits.Describe(items.Single(i => (string)i["label"]! == "eda")["textEdit"]!).Should().Be("118:24-118:24 \"eda\"");
        }

        [Fact]
        public async Task Assign_offers_people_and_the_word_role_and_after_role_exactly_the_roles()
        {
            var (workspace, client, program) = await OpenMlPlatformAsync();
            using var _ = workspace;
            await using var __ = client;

            // '      assign maya' (line 37): a new item after a comma, typed in the buffer.
            await client.ChangeRangeAsync(program, 36, 17, 36, 17, ", ");
            var people = Labels(await CompleteAsync(client, program, 36, 19, " "));
            people.Should().Contain(new[] { "maya", "alice", "omar", "bob", "lena", "role" });
            people.Should().NotContain(new[] { "tpm", "charter", "gpu-pool" });

            await client.ChangeRangeAsync(program, 36, 19, 36, 19, "role ");
            Labels(await CompleteAsync(client, program, 36, 24, " ")).Should().BeEquivalentTo(Roles);
        }

        [Fact]
        public async Task Keywords_of_a_task_block_carry_their_one_line_doc_and_snippets_follow_the_client()
        {
            var (workspace, client, program) = await OpenMlPlatformAsync();
            using var _ = workspace;
            await using var __ = client;

            // A new line at the end of the charter task (before its '}' on line 44): 'eff' being typed.
            await client.ChangeRangeAsync(program, 43, 0, 43, 0, "      eff\n");
            var items = await CompleteAsync(client, program, 43, 9);

            var labels = Labels(items);
            labels.Should().Contain(new[] { "effort", "duration", "assign", "after", "requires", "review", "phase", "note" });
            labels.Should().NotContain(new[] { "task", "milestone", "start", "holiday", "maya" }, "a task holds no declarations or program settings");
            var effort = items.Single(i => (string)i["label"]! == "effort");
            effort["kind"]!.Value<int>().Should().Be(14);
            effort["documentation"]!.Value<string>().Should().Be("person-days of work, divided over the assignees");
            TextEdits.Describe(effort["textEdit"]!).Should().Be("43:6-43:9 \"effort\"");

            // At the program level: the declarations, with snippets for a client that takes them.
            await client.ChangeRangeAsync(program, 28, 0, 28, 0, "  \n");
            var top = await CompleteAsync(client, program, 28, 2);
            Labels(top).Should().Contain(new[] { "task", "task …", "milestone …", "risk …", "person …", "workstream …", "start", "include" });
            var task = top.Single(i => (string)i["label"]! == "task …");
            task["insertTextFormat"]!.Value<int>().Should().Be(2);
            task["textEdit"]!["newText"]!.Value<string>().Should().Be("task ${1:id} \"${2:Title}\" {\n    effort ${3:5d}\n    assign ${4:person}$0\n  }");
            task["kind"]!.Value<int>().Should().Be(15);
        }

        [Fact]
        public async Task Without_snippet_support_a_declaration_is_inserted_as_plain_text()
        {
            var capabilities = LspClient.DefaultCapabilities();
            capabilities["textDocument"]!["completion"]!["completionItem"]!["snippetSupport"] = false;
            var (workspace, client, program) = await OpenMlPlatformAsync(capabilities);
            using var _ = workspace;
            await using var __ = client;

            await client.ChangeRangeAsync(program, 28, 0, 28, 0, "  ri\n");
            var items = await CompleteAsync(client, program, 28, 4);

            var risk = items.Single(i => (string)i["label"]! == "risk …");
            risk["insertTextFormat"]!.Value<int>().Should().Be(1);
            risk["textEdit"]!["newText"]!.Value<string>().Should().Be("risk id \"Title\" {\n    likelihood medium\n    impact 5d\n    mitigation \"What is done about it\"\n  }");
            TextEdits.Describe(risk["textEdit"]!).Should().StartWith("28:2-28:4 ");
        }

        [Fact]
        public async Task A_fragment_completes_with_the_including_programs_names_calendars_and_skills()
        {
            var (workspace, client, program) = await OpenMlPlatformAsync();
            using var _ = workspace;
            await using var __ = client;
            // The people are in the organisation's fragment the program includes (portfolio/shared/org.tpm).
            var people = Path.Combine(workspace.Root, "portfolio", "shared", "org.tpm");
            await client.OpenAsync(people);

            // org.tpm line 57: '  calendar emea' in omar; the caret at the start of 'emea'.
            Labels(await CompleteAsync(client, people, 56, 11)).Should().BeEquivalentTo("emea", "apac");

            // A requires in the charter task of program.tpm: the skills people list.
            await client.ChangeRangeAsync(program, 43, 0, 43, 0, "      requires skill \n");
            var skills = Labels(await CompleteAsync(client, program, 43, 21, " "));
            skills.Should().Contain(new[] { "statistics", "kafka", "python", "spark", "fairness" });
            skills.Should().NotContain("maya");
        }

        [Fact]
        public async Task Statement_words_are_offered_and_a_space_elsewhere_opens_nothing()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { effort 1d  review fairness, }\n  leveling \n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            Labels(await CompleteAsync(client, plan, 3, 11, " ")).Should().Equal("on", "off");
            Labels(await CompleteAsync(client, plan, 2, 43, " ")).Should().Equal("fairness", "privacy", "security", "safety", "legal", "compliance", "accessibility", "ethics", "explainability", "robustness");
            (await CompleteAsync(client, plan, 1, 2, " ")).Should().BeEmpty("a space at the start of a statement opens no list");
            Labels(await CompleteAsync(client, plan, 1, 2)).Should().Contain("start", "asked for, the keywords are there");
        }

        [Fact]
        public async Task Thousands_of_names_are_narrowed_to_those_matching_the_typed_word_and_the_list_is_marked_incomplete()
        {
            using var workspace = new TempWorkspace();
            var plan = new System.Text.StringBuilder("program p \"P\" {\n  start 2027-01-04\n");
            for (int i = 0; i < 1500; i++) plan.Append("  task t").Append(i).Append(" \"T\" { duration 1d }\n");
            plan.Append("  task last \"L\" { duration 1d  after t14 }\n}\n");
            var path = workspace.Write("plan.tpm", plan.ToString());
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(path);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) } });

            // The caret after 't14' on the last task's line (line 1502, 0-based).
            var result = await client.RequestAsync("textDocument/completion", LspClient.At(path, 1502, 40));

            result["isIncomplete"]!.Value<bool>().Should().BeTrue();
            var labels = Labels((JArray)result["items"]!);
            labels.Should().Contain(new[] { "t14", "t140", "t1499", "t1234" }).And.NotContain(new[] { "t0", "t999", "last" });
            labels.Length.Should().BeLessThanOrEqualTo(ProgramDsl.LanguageServer.Features.Completion.CompletionLimit.MaxItems);
        }
    }
}
