using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The document outline and the workspace symbol search, over the wire.</summary>
    public sealed class SymbolTests
    {
        private const string Plan =
            "program p \"P\" {\n" +                                   // 0
            "  start 2027-01-04\n" +                                 // 1
            "  include \"team.tpm\"\n" +                             // 2
            "  calendar uk \"UK\" { workdays mon..fri }\n" +          // 3
            "  role dev \"Developer\"\n" +                           // 4
            "  skill go\n" +                                         // 5
            "  workstream ws \"WS\" {\n" +                            // 6
            "    task t \"T\" { duration 1d }\n" +                    // 7
            "    milestone m \"M\" { after t }\n" +                   // 8
            "  }\n" +                                                // 9
            "  risk r \"R\" { likelihood low  impact 1d }\n" +        // 10
            "  metric acc \"Accuracy\" { target >= 0.9 }\n" +         // 11
            "  decision d \"D\" { status proposed }\n" +              // 12
            "  resource gpu \"GPU\" { capacity 2 }\n" +               // 13
            "}\n";                                                   // 14

        /// <summary>One line per symbol, indented by depth: name, LSP kind number, detail, range, selection range.</summary>
        private static IEnumerable<string> Outline(JToken symbols, int depth = 0)
        {
            foreach (var s in symbols)
            {
                yield return new string(' ', depth * 2) + s["name"] + " " + s["kind"] + " " + (s["detail"]?.ToString() ?? "-") + " "
                    + NavigationTests.RangeText(s["range"]!) + " " + NavigationTests.RangeText(s["selectionRange"]!);
                if (s["children"] is JArray children)
                {
                    foreach (var line in Outline(children, depth + 1)) yield return line;
                }
            }
        }

        [Fact]
        public async Task The_outline_of_a_plan_is_the_program_with_its_declarations_nested_and_kinds_icons_and_ranges()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("p.tpm", Plan);
            workspace.Write("team.tpm", "person ana \"Ana\"\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan);

            var symbols = await client.RequestAsync("textDocument/documentSymbol", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) } });

            // Kinds: Module 2, Enum 10, Interface 11, Key 20, Namespace 3, Function 12, Event 24, Operator 25, Number 16, Constant 14, Variable 13.
            Outline(symbols).Should().Equal(
                "p 2 \"P\" 0:0-14:1 0:8-0:9",
                "  uk 10 \"UK\" 3:2-3:40 3:11-3:13",
                "  dev 11 \"Developer\" 4:2-4:22 4:7-4:10",
                "  go 20 - 5:2-5:10 5:8-5:10",
                "  ws 3 \"WS\" 6:2-9:3 6:13-6:15",
                "    t 12 \"T\" 7:4-7:30 7:9-7:10",
                "    m 24 \"M\" 8:4-8:31 8:14-8:15",
                "  r 25 \"R\" 10:2-10:42 10:7-10:8",
                "  acc 16 \"Accuracy\" 11:2-11:41 11:9-11:12",
                "  d 14 \"D\" 12:2-12:36 12:11-12:12",
                "  gpu 13 \"GPU\" 13:2-13:35 13:11-13:14");
        }

        [Fact]
        public async Task The_outline_of_a_fragment_is_its_own_declarations_whether_or_not_a_program_includes_it()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("p.tpm", Plan);
            var team = workspace.Write("team.tpm", "person ana \"Ana\"\nteam core { members ana }\n");
            var loose = workspace.Write("loose/alone.tpm", "stakeholder cfo \"CFO\"\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan, loose);

            var included = await client.RequestAsync("textDocument/documentSymbol", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(team) } });
            Outline(included).Should().Equal("ana 19 \"Ana\" 0:0-0:16 0:7-0:10", "core 23 - 1:0-1:25 1:5-1:9");

            var alone = await client.RequestAsync("textDocument/documentSymbol", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(loose) } });
            Outline(alone).Should().Equal("cfo 8 \"CFO\" 0:0-0:21 0:12-0:15");
        }

        [Fact]
        public async Task Workspace_symbols_match_ids_qualified_ids_and_names_ignoring_case_across_programs_once_each()
        {
            using var workspace = new TempWorkspace();
            workspace.Write("plan/people.tpm", "person ana \"Ana Lima\" { rate 800/d }\n");
            var alpha = workspace.Write("plan/alpha.tpm",
                "program alpha \"Alpha\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n");
            var beta = workspace.Write("plan/beta.tpm",
                "program beta \"Beta\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  workstream ws \"WS\" {\n    task banana \"B\" { effort 1d  assign ana }\n  }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, alpha, beta);

            async Task<IEnumerable<string>> Search(string query)
            {
                var found = await client.RequestAsync("workspace/symbol", new JObject { ["query"] = query });
                return found.Select(s => s["name"] + " " + s["kind"] + " " + s["containerName"] + " " + NavigationTests.Describe(workspace.Root, s["location"]!));
            }

            // 'ANA': the person (its id, exactly) once although both programs include it, then the task whose id contains it.
            (await Search("ANA")).Should().Equal("ana 19 alpha plan/people.tpm 0:7-0:10", "ws.banana 12 ws plan/beta.tpm 4:9-4:15");
            // A qualified id, and a display name.
            (await Search("ws.ban")).Should().Equal("ws.banana 12 ws plan/beta.tpm 4:9-4:15");
            (await Search("lima")).Should().Equal("ana 19 alpha plan/people.tpm 0:7-0:10");
            (await Search("zzz")).Should().BeEmpty();
        }

        [Fact]
        public async Task Workspace_symbols_are_bounded()
        {
            using var workspace = new TempWorkspace();
            var text = new StringBuilder("program big \"Big\" {\n  start 2027-01-04\n");
            for (int i = 0; i < 700; i++) text.Append("  task t").Append(i).Append(" { duration 1d }\n");
            text.Append("}\n");
            var plan = workspace.Write("big.tpm", text.ToString());
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan);

            var all = await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "" });
            all.Should().HaveCount(500);
            var some = await client.RequestAsync("workspace/symbol", new JObject { ["query"] = "t69" });
            // t69 itself first (an exact id), then t690..t699 (ids starting with it).
            some.Select(s => s["name"]!.ToString()).Should().Equal(new[] { "t69" }.Concat(Enumerable.Range(690, 10).Select(i => "t" + i)));
        }
    }
}
