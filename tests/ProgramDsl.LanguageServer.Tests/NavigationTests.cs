using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>Go to definition, find references and document highlights, over the wire, across includes and programs.</summary>
    public sealed class NavigationTests
    {
        /// <summary>Opens the files and waits until every compile is done, so requests answer from the final compiles.</summary>
        internal static async Task ReadyAsync(LspClient client, params string[] paths)
        {
            foreach (var path in paths) await client.OpenAsync(path);
            await client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(paths[0]) } });
        }

        /// <summary>"file line:char-line:char" of a location, the file relative to <paramref name="root"/>.</summary>
        internal static string Describe(string root, JToken location)
        {
            var path = Path.GetRelativePath(root, LspClient.PathOf(location["uri"]!.ToString())).Replace('\\', '/');
            return path + " " + RangeText(location["range"]!);
        }

        internal static string RangeText(JToken range) =>
            $"{range["start"]!["line"]}:{range["start"]!["character"]}-{range["end"]!["line"]}:{range["end"]!["character"]}";

        private static JObject ReferenceParams(string path, int line, int character, bool includeDeclaration)
        {
            var p = LspClient.At(path, line, character);
            p["context"] = new JObject { ["includeDeclaration"] = includeDeclaration };
            return p;
        }

        [Fact]
        public async Task The_server_announces_navigation_rename_and_symbols_with_rename_preparation()
        {
            using var workspace = new TempWorkspace();
            await using var client = await LspClient.StartAsync(workspace.Root);
            var capabilities = client.InitializeResult["capabilities"]!;

            foreach (var provider in new[] { "definitionProvider", "referencesProvider", "documentHighlightProvider", "documentSymbolProvider", "workspaceSymbolProvider" })
            {
                var value = capabilities[provider];
                value.Should().NotBeNull(provider);
                // Either true or an options object; never false or null.
                (value!.Type == JTokenType.Object || (value.Type == JTokenType.Boolean && value.Value<bool>())).Should().BeTrue(provider);
            }

            capabilities["renameProvider"]!["prepareProvider"]!.Value<bool>().Should().BeTrue();
        }

        [Fact]
        public async Task A_reference_to_a_person_of_an_included_file_goes_to_the_declaration_there()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.CopyExample("ml-platform");
            var program = Path.Combine(plan, "program.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // program.tpm line 32 (1-based) '    owner maya': 'maya' is 0-based 31:10-14; the organisation's fragment the program
            // includes (../portfolio/shared/org.tpm) line 39 'person maya' names it at 38:7-11.
            var definition = await client.RequestAsync("textDocument/definition", LspClient.At(program, 31, 11));

            Describe(workspace.Root, Single(definition)).Should().Be("portfolio/shared/org.tpm 38:7-38:11");
        }

        [Fact]
        public async Task Definition_works_at_the_end_of_a_name_inside_one_file_and_on_a_declaration_itself()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.CopyExample("ml-platform");
            var program = Path.Combine(plan, "program.tpm");
            var org = Path.Combine(workspace.Root, "portfolio", "shared", "org.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // 'after data-audit ss+3d' (0-based line 60, the name at 12..22): the caret just past the name still names it.
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 60, 22))))
                .Should().Be("ml-platform/program.tpm 45:9-45:19");
            // 'role tpm' in person maya (org.tpm 39:7-10) goes to 'role tpm' (29:5-8) in the same fragment.
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(org, 39, 8))))
                .Should().Be("portfolio/shared/org.tpm 29:5-29:8");
            // The declaration's own name is its definition.
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 45, 12))))
                .Should().Be("ml-platform/program.tpm 45:9-45:19");
        }

        [Fact]
        public async Task An_include_goes_to_the_included_file_and_a_keyword_goes_nowhere()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.CopyExample("ml-platform");
            var program = Path.Combine(plan, "program.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // Line 24 (1-based) '  include "people.tpm"': on the path, and on the keyword.
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 23, 14))))
                .Should().Be("ml-platform/people.tpm 0:0-0:0");
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 23, 4))))
                .Should().Be("ml-platform/people.tpm 0:0-0:0");
            // 'effort' (line 35, 0-based 34) is a keyword: nothing to go to. A position past the end of the file is no error.
            (await client.RequestAsync("textDocument/definition", LspClient.At(program, 34, 8))).Type.Should().Be(JTokenType.Null);
            (await client.RequestAsync("textDocument/definition", LspClient.At(program, 99_999, 3))).Type.Should().Be(JTokenType.Null);
        }

        [Fact]
        public async Task References_span_the_program_and_its_fragments_with_the_declaration_only_when_asked()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.CopyExample("ml-platform");
            var program = Path.Combine(plan, "program.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // Every 'maya' of the plan (found by hand with a word search): the stakeholder contact in people.tpm, eight
            // owners and assignees in program.tpm, and the declaration in the organisation's fragment (portfolio/shared/org.tpm).
            var expected = new[]
            {
                "ml-platform/people.tpm 11:82-11:86",
                "ml-platform/program.tpm 31:10-31:14",
                "ml-platform/program.tpm 36:13-36:17",
                "ml-platform/program.tpm 84:20-84:24",
                "ml-platform/program.tpm 93:12-93:16",
                "ml-platform/program.tpm 384:12-384:16",
                "ml-platform/program.tpm 478:12-478:16",
                "ml-platform/program.tpm 537:13-537:17",
                "ml-platform/program.tpm 546:12-546:16",
                "portfolio/shared/org.tpm 38:7-38:11",
            };
            var with = await client.RequestAsync("textDocument/references", ReferenceParams(program, 31, 12, includeDeclaration: true));
            with.Select(l => Describe(workspace.Root, l)).Should().Equal(expected);

            var without = await client.RequestAsync("textDocument/references", ReferenceParams(program, 31, 12, includeDeclaration: false));
            without.Select(l => Describe(workspace.Root, l)).Should().Equal(expected.Where(e => e != "portfolio/shared/org.tpm 38:7-38:11"));
        }

        [Fact]
        public async Task References_to_a_fragments_definition_come_from_every_program_that_includes_it_once_each()
        {
            using var workspace = new TempWorkspace();
            var people = workspace.Write("plan/people.tpm", "person ana \"Ana\" { rate 800/d }\nteam core \"Core\" { lead ana  members ana }\n");
            var alpha = workspace.Write("plan/alpha.tpm",
                "program alpha \"Alpha\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n");
            var beta = workspace.Write("plan/beta.tpm",
                "program beta \"Beta\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  workstream ws \"WS\" {\n    task b \"B\" { effort 1d  assign ana }\n  }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, alpha, beta);

            // From the declaration in the fragment: the fragment's own uses once (both programs see them), and each program's assign.
            var found = await client.RequestAsync("textDocument/references", ReferenceParams(people, 0, 8, includeDeclaration: true));

            found.Select(l => Describe(workspace.Root, l)).Should().Equal(
                "plan/alpha.tpm 3:33-3:36",
                "plan/beta.tpm 4:35-4:38",
                "plan/people.tpm 0:7-0:10",
                "plan/people.tpm 1:24-1:27",
                "plan/people.tpm 1:37-1:40");

            // The same list starting from a reference in one program.
            var fromBeta = await client.RequestAsync("textDocument/references", ReferenceParams(beta, 4, 36, includeDeclaration: true));
            fromBeta.Select(l => Describe(workspace.Root, l)).Should().Equal(found.Select(l => Describe(workspace.Root, l)));
        }

        [Fact]
        public async Task Highlights_mark_the_declaration_as_a_write_and_references_as_reads_in_the_current_file_only()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.CopyExample("ml-platform");
            var program = Path.Combine(plan, "program.tpm");
            var people = Path.Combine(plan, "people.tpm");
            var org = Path.Combine(workspace.Root, "portfolio", "shared", "org.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // In org.tpm, the organisation's fragment: the declaration only (kind 3, Write), none of the uses in other files.
            var inOrg = await client.RequestAsync("textDocument/documentHighlight", LspClient.At(org, 38, 9));
            inOrg.Select(h => RangeText(h["range"]!) + " " + h["kind"]).Should().Equal("38:7-38:11 3");

            // In people.tpm: the stakeholder's contact only (kind 2, Read).
            var inPeople = await client.RequestAsync("textDocument/documentHighlight", LspClient.At(people, 11, 84));
            inPeople.Select(h => RangeText(h["range"]!) + " " + h["kind"]).Should().Equal("11:82-11:86 2");

            // In program.tpm: the eight references, all reads.
            var inProgram = await client.RequestAsync("textDocument/documentHighlight", LspClient.At(program, 537, 14));
            inProgram.Select(h => RangeText(h["range"]!) + " " + h["kind"]).Should().Equal(
                "31:10-31:14 2", "36:13-36:17 2", "84:20-84:24 2", "93:12-93:16 2", "384:12-384:16 2", "478:12-478:16 2", "537:13-537:17 2", "546:12-546:16 2");

            // On a keyword: nothing.
            ((JArray)await client.RequestAsync("textDocument/documentHighlight", LspClient.At(program, 34, 8))).Should().BeEmpty();
        }

        [Fact]
        public async Task A_qualified_reference_names_the_workstream_with_its_first_segment_and_the_task_with_its_last()
        {
            using var workspace = new TempWorkspace();
            var program = workspace.Write("p.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  workstream ws \"WS\" {\n    task t \"T\" { duration 1d }\n  }\n  task u \"U\" { duration 1d  after ws.t }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await ReadyAsync(client, program);

            // 'after ws.t' on line 5: 'ws' at 34..36, 't' at 37..38.
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 5, 35)))).Should().Be("p.tpm 2:13-2:15");
            Describe(workspace.Root, Single(await client.RequestAsync("textDocument/definition", LspClient.At(program, 5, 37)))).Should().Be("p.tpm 3:9-3:10");
            var refs = await client.RequestAsync("textDocument/references", ReferenceParams(program, 2, 13, includeDeclaration: false));
            refs.Select(l => Describe(workspace.Root, l)).Should().Equal("p.tpm 5:34-5:36");
        }

        private static JToken Single(JToken definition) => definition is JArray array ? array.Should().ContainSingle().Subject : definition;
    }
}
