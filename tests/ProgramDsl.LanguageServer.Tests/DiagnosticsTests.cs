using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>Diagnostics published on open and change, for programs and for the fragments they include.</summary>
    public sealed class DiagnosticsTests
    {
        [Fact]
        public async Task Opening_a_plan_publishes_its_diagnostics_with_exact_ranges_codes_and_docs_links()
        {
            using var workspace = new TempWorkspace();
            var errors = workspace.CopyExample("errors");
            var plan = Path.Combine(errors, "TPM1001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);

            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count > 0);

            // tpm check prints examples/errors/TPM1001.tpm(9,22): 1-based; the protocol is 0-based: line 8, columns 21..26 ('trian').
            LspClient.Summarize(diagnostics).Should().Equal("8:21-8:26 1 TPM1001 unknown task 'trian'; did you mean 'train'?");
            diagnostics[0]["source"]!.ToString().Should().Be("tpm");
            diagnostics[0]["codeDescription"]!["href"]!.ToString().Should().EndWith("docs/diagnostics/TPM1001.md");
        }

        [Fact]
        public async Task Fixing_the_mistake_in_the_buffer_clears_the_diagnostic_without_saving()
        {
            using var workspace = new TempWorkspace();
            var errors = workspace.CopyExample("errors");
            var plan = Path.Combine(errors, "TPM1001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);

            // 'trian' -> 'train' on line 8 (0-based), characters 21..26, as an editor sends a keystroke's edit.
            await client.ChangeRangeAsync(plan, 8, 21, 8, 26, "train");

            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
            File.ReadAllText(plan).Should().Contain("after trian", "the buffer, not the file, was fixed");
        }

        [Fact]
        public async Task A_fragment_gets_the_diagnostics_of_the_program_that_includes_it_and_an_unsaved_fragment_wins_over_the_disk()
        {
            using var workspace = new TempWorkspace();
            var program = workspace.Write("plan/program.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n");
            var people = workspace.Write("plan/people.tpm", "person ana \"Ana\" { rate 800/d }\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(program);
            await client.WaitForDiagnosticsAsync(program, d => d.Count == 0);

            // Renaming the person in the fragment's buffer breaks the program's 'assign ana' and, through it, nothing in the fragment...
            await client.OpenAsync(people);
            await client.ChangeAsync(people, "person anna \"Ana\" { rate 800/d }\n  task b \"B\" { effort 1d  assign bob }\n");

            // ...the program reports the unknown person at its own assign; the fragment reports the unknown 'bob' at its place.
            var inProgram = await client.WaitForDiagnosticsAsync(program, d => d.Count == 1);
            LspClient.Summarize(inProgram).Single().Should().StartWith("3:33-3:36 1 TPM1001 unknown person 'ana'");
            var inFragment = await client.WaitForDiagnosticsAsync(people, d => d.Count == 1);
            LspClient.Summarize(inFragment).Single().Should().StartWith("1:33-1:36 1 TPM1001 unknown person 'bob'");
        }

        [Fact]
        public async Task A_fragment_no_program_includes_gets_its_syntax_errors()
        {
            using var workspace = new TempWorkspace();
            var fragment = workspace.Write("loose.tpm", "person ana \"Ana\" { rate 800/d }\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(fragment);
            await client.ChangeAsync(fragment, "person ana \"Ana\" { rate 800/d \n");

            var diagnostics = await client.WaitForDiagnosticsAsync(fragment, d => d.Count > 0);

            diagnostics.Select(d => d["code"]!.ToString()).Should().OnlyContain(c => c == "TPM0001");
        }

        [Fact]
        public async Task Severities_come_from_the_globalconfig_as_for_tpm_check_and_a_changed_one_applies_when_the_editor_reports_it()
        {
            using var workspace = new TempWorkspace();
            var errors = workspace.CopyExample("errors");
            var plan = Path.Combine(errors, "TPM1001.tpm");
            workspace.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.TPM1001.severity = warning\n");
            await using var client = await LspClient.StartAsync(workspace.Root);

            await client.OpenAsync(plan);
            var configured = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);
            configured[0]["severity"]!.ToObject<int>().Should().Be(2, "the .globalconfig makes TPM1001 a warning");

            var config = workspace.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.TPM1001.severity = none\n");
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new Newtonsoft.Json.Linq.JObject
            {
                ["changes"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["uri"] = LspClient.UriOf(config), ["type"] = 2 }),
            });

            await client.WaitForDiagnosticsAsync(plan, d => d.Count == 0);
        }

        [Fact]
        public async Task A_fragment_changed_on_disk_behind_the_editor_recompiles_the_programs_that_include_it()
        {
            using var workspace = new TempWorkspace();
            var program = workspace.Write("program.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  include \"people.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n");
            var people = workspace.Write("people.tpm", "person ana \"Ana\" { rate 800/d }\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(program);
            await client.WaitForDiagnosticsAsync(program, d => d.Count == 0);

            // A git checkout rewrites the fragment; the editor's file watcher reports it.
            File.WriteAllText(people, "person bea \"Bea\" { rate 800/d }\n");
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new Newtonsoft.Json.Linq.JObject
            {
                ["changes"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["uri"] = LspClient.UriOf(people), ["type"] = 2 }),
            });

            var diagnostics = await client.WaitForDiagnosticsAsync(program, d => d.Count == 1);
            LspClient.Summarize(diagnostics).Single().Should().StartWith("3:33-3:36 1 TPM1001 unknown person 'ana'");
        }
    }
}
