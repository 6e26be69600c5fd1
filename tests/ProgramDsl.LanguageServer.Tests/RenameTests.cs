using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;
using StreamJsonRpc;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>prepareRename and rename over the wire: the exact workspace edit, across fragments and programs, and the refusals.</summary>
    public sealed class RenameTests
    {
        private const string People = "person ana \"Ana\" { rate 800/d }\nteam core \"Core\" { lead ana  members ana }\n";
        private const string Alpha = "program alpha \"Alpha\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n";
        private const string Beta = "program beta \"Beta\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  workstream ws \"WS\" {\n    task b \"B\" { effort 1d  assign ana }\n  }\n}\n";

        private const string Small =
            "program p \"P\" {\n" +                                         // 0
            "  start 2027-01-04\n" +                                       // 1
            "  skill go \"Go\"\n" +                                         // 2
            "  workstream ws \"WS\" {\n" +                                  // 3
            "    task t \"T\" { duration 1d }\n" +                          // 4
            "    task v \"V\" { duration 1d  after t }\n" +                 // 5
            "  }\n" +                                                      // 6
            "  task u \"U\" { duration 1d  after ws.t }\n" +                // 7
            "}\n";

        private static JObject RenameParams(string path, int line, int character, string newName)
        {
            var p = LspClient.At(path, line, character);
            p["newName"] = newName;
            return p;
        }

        /// <summary>"file line:char-line:char newText" of every edit, by file then position.</summary>
        private static IEnumerable<string> Edits(string root, JToken edit)
        {
            var changes = (JObject)edit["changes"]!;
            return changes.Properties()
                .SelectMany(file => file.Value.Select(e => NavigationTests.Describe(root, new JObject { ["uri"] = file.Name, ["range"] = e["range"] }) + " " + e["newText"]))
                .OrderBy(s => s, System.StringComparer.Ordinal);
        }

        [Fact]
        public async Task Renaming_a_person_of_a_fragment_included_by_two_programs_edits_the_fragment_and_both_programs()
        {
            using var workspace = new TempWorkspace();
            workspace.Write("plan/people.tpm", People);
            var alpha = workspace.Write("plan/alpha.tpm", Alpha);
            var beta = workspace.Write("plan/beta.tpm", Beta);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, alpha, beta);

            // From 'assign ana' in alpha (line 3, 'ana' at 33..36).
            var edit = await client.RequestAsync("textDocument/rename", RenameParams(alpha, 3, 34, "anna"));

            Edits(workspace.Root, edit).Should().Equal(
                "plan/alpha.tpm 3:33-3:36 anna",
                "plan/beta.tpm 4:35-4:38 anna",
                "plan/people.tpm 0:7-0:10 anna",
                "plan/people.tpm 1:24-1:27 anna",
                "plan/people.tpm 1:37-1:40 anna");
        }

        [Fact]
        public async Task Renaming_a_workstream_or_a_task_edits_only_the_segment_of_a_qualified_name_that_names_it()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("p.tpm", Small);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan);

            // The workstream from its declaration (3:13-15); 'after ws.t' on line 7: 'ws' at 34..36, 't' at 37..38.
            Edits(workspace.Root, await client.RequestAsync("textDocument/rename", RenameParams(plan, 3, 14, "stream")))
                .Should().Equal("p.tpm 3:13-3:15 stream", "p.tpm 7:34-7:36 stream");
            // The task from the qualified reference's last segment: its declaration, 'after t' in v, and the 't' of 'ws.t'.
            Edits(workspace.Root, await client.RequestAsync("textDocument/rename", RenameParams(plan, 7, 37, "step")))
                .Should().Equal("p.tpm 4:9-4:10 step", "p.tpm 5:36-5:37 step", "p.tpm 7:37-7:38 step");
        }

        [Fact]
        public async Task PrepareRename_gives_the_names_range_and_refuses_keywords_values_and_skills()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("p.tpm", Small);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan);

            var onName = await client.RequestAsync("textDocument/prepareRename", LspClient.At(plan, 7, 37));
            NavigationTests.RangeText(onName["range"]!).Should().Be("7:37-7:38");
            onName["placeholder"]!.ToString().Should().Be("t");

            // 'after' (a keyword), '1d' (a value), the skill 'go' (matched by name, not renamed), past the end of the file.
            (await client.RequestAsync("textDocument/prepareRename", LspClient.At(plan, 7, 30))).Type.Should().Be(JTokenType.Null);
            (await client.RequestAsync("textDocument/prepareRename", LspClient.At(plan, 7, 25))).Type.Should().Be(JTokenType.Null);
            (await client.RequestAsync("textDocument/prepareRename", LspClient.At(plan, 2, 9))).Type.Should().Be(JTokenType.Null);
            (await client.RequestAsync("textDocument/prepareRename", LspClient.At(plan, 500, 0))).Type.Should().Be(JTokenType.Null);
        }

        [Theory]
        [InlineData("v", "cannot rename task 'ws.t' to 'v': workstream 'ws' already defines task 'ws.v' (p.tpm line 6); a second 'v' would clash with it")]
        [InlineData("effort", "cannot rename task 'ws.t' to 'effort': 'effort' is a keyword of the language")]
        [InlineData("2x", "cannot rename task 'ws.t' to '2x': '2x' is not a valid name: a name starts with a letter or '_' and goes on with letters, digits, '_' or '-'")]
        [InlineData("a.b", "cannot rename task 'ws.t' to 'a.b': 'a.b' is not a valid name: a name starts with a letter or '_' and goes on with letters, digits, '_' or '-'")]
        public async Task A_rename_to_a_clashing_keyword_or_invalid_name_is_refused_with_the_reason(string newName, string message)
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("p.tpm", Small);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, plan);

            var act = () => client.RequestAsync("textDocument/rename", RenameParams(plan, 4, 9, newName));

            var error = (await act.Should().ThrowAsync<RemoteInvocationException>()).Which;
            error.ErrorCode.Should().Be(-32803);
            error.Message.Should().Be(message);
        }

        [Fact]
        public async Task A_rename_on_a_keyword_is_refused_and_a_clash_in_one_of_two_programs_refuses_it_for_both()
        {
            using var workspace = new TempWorkspace();
            workspace.Write("plan/people.tpm", People);
            var alpha = workspace.Write("plan/alpha.tpm", Alpha);
            // beta has a program-level 'x': a person 'x' from the shared fragment would clash there, not in alpha.
            var beta = workspace.Write("plan/beta.tpm", Beta.Replace("  workstream ws", "  task x \"X\" { duration 1d }\n  workstream ws"));
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, alpha, beta);

            var onKeyword = () => client.RequestAsync("textDocument/rename", RenameParams(alpha, 3, 17, "y"));
            (await onKeyword.Should().ThrowAsync<RemoteInvocationException>()).Which.Message
                .Should().Be("there is no definition to rename here; put the cursor on the name of a definition or on a reference to one");

            var clash = () => client.RequestAsync("textDocument/rename", RenameParams(alpha, 3, 34, "x"));
            (await clash.Should().ThrowAsync<RemoteInvocationException>()).Which.Message
                .Should().Be("cannot rename person 'ana' to 'x': the program already defines task 'x' (beta.tpm line 4); a second 'x' would clash with it (in program beta.tpm)");
        }

        [Fact]
        public async Task A_rename_that_would_break_another_program_reading_the_same_fragment_is_refused()
        {
            // Both programs declare their own 'ana'; the shared fragment's 'assign ana' names alpha's in alpha and beta's in beta.
            using var workspace = new TempWorkspace();
            workspace.Write("plan/shared.tpm", "task s \"S\" { effort 1d  assign ana }\n");
            var alpha = workspace.Write("plan/alpha.tpm", "program alpha \"Alpha\" {\n  start 2027-01-04\n  person ana \"Ana\"\n  include \"shared.tpm\"\n}\n");
            var beta = workspace.Write("plan/beta.tpm", "program beta \"Beta\" {\n  start 2027-01-04\n  person ana \"Ana B\"\n  include \"shared.tpm\"\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await NavigationTests.ReadyAsync(client, alpha, beta);

            var act = () => client.RequestAsync("textDocument/rename", RenameParams(alpha, 2, 10, "anna"));

            (await act.Should().ThrowAsync<RemoteInvocationException>()).Which.Message.Should().Be(
                "cannot rename person 'ana' to 'anna': the name at shared.tpm line 1 is also read by program beta.tpm, where it names its own person 'ana'");
        }
    }
}
