using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>textDocument/formatting and rangeFormatting: tpm fmt's layout as minimal edits of the buffer.</summary>
    public sealed class FormattingTests
    {
        private const string Messy =
            "program p \"P\" {\n" +
            "start 2027-01-04;  deadline 2027-03-01\n" +
            "    person ana \"Ana\" {   rate 800/d\n" +
            "  skills python }\n" +
            "task a \"A\" { effort 2d ; assign ana }   // first\n" +
            "\n" +
            "\n" +
            "      task b \"B\" {\n" +
            " effort 1d\n" +
            "after a\n" +
            "  }\n" +
            "}\n";

        private static JObject Options => new JObject { ["tabSize"] = 2, ["insertSpaces"] = true };

        private static async Task<JArray> FormatAsync(LspClient client, string path) =>
            (JArray)await client.RequestAsync("textDocument/formatting", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) }, ["options"] = Options });

        /// <summary>What <c>tpm fmt --stdout</c> prints for a file.</summary>
        private static string TpmFmt(string path)
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add(RepositoryPaths.TpmDll);
            start.ArgumentList.Add("fmt");
            start.ArgumentList.Add("--stdout");
            start.ArgumentList.Add(path);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            process.ExitCode.Should().Be(0);
            return output;
        }

        [Fact]
        public async Task Formatting_a_badly_laid_out_plan_gives_small_edits_whose_result_is_tpm_fmt_output()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan.tpm", Messy);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            var edits = await FormatAsync(client, plan);

            TextEdits.Apply(Messy, edits).Should().Be(TpmFmt(plan));
            // Minimal: every edit replaces only white space and separators, never a token.
            foreach (var edit in edits)
            {
                var start = TextEdits.OffsetOf(Messy, (int)edit["range"]!["start"]!["line"]!, (int)edit["range"]!["start"]!["character"]!);
                var end = TextEdits.OffsetOf(Messy, (int)edit["range"]!["end"]!["line"]!, (int)edit["range"]!["end"]!["character"]!);
                Messy.Substring(start, end - start).Should().Match(s => s.All(c => c == ' ' || c == '\n' || c == ';'));
            }

            // The first: the indentation of 'start', the separator after it dropped, 'person' indented two spaces, not four.
            edits.Select(TextEdits.Describe).Take(3).Should().Equal("1:0-1:0 \"  \"", "1:16-1:17 \"\"", "2:2-2:4 \"\"");
        }

        [Fact]
        public async Task A_formatted_plan_gets_no_edits_and_one_with_syntax_errors_none_either()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan.tpm", Messy);
            var formatted = TpmFmt(plan);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan, formatted);
            (await FormatAsync(client, plan)).Should().BeEmpty();

            await client.ChangeAsync(plan, Messy.Replace("effort 1d", "effort 1d {"));
            (await FormatAsync(client, plan)).Should().BeEmpty("a buffer with syntax errors is not formatted, as tpm fmt leaves it");
        }

        [Fact]
        public async Task Range_formatting_lays_out_the_statements_the_range_touches_and_leaves_the_rest()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan.tpm", Messy);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            // Lines 8-9 (0-based): inside task b, so task b (and the blank lines before it) is formatted, nothing else.
            var edits = (JArray)await client.RequestAsync("textDocument/rangeFormatting", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(plan) },
                ["range"] = LspClient.Range(8, 0, 9, 3),
                ["options"] = Options,
            });

            TextEdits.Apply(Messy, edits).Should().Be(
                "program p \"P\" {\n" +
                "start 2027-01-04;  deadline 2027-03-01\n" +
                "    person ana \"Ana\" {   rate 800/d\n" +
                "  skills python }\n" +
                "task a \"A\" { effort 2d ; assign ana }   // first\n" +
                "\n" +
                "  task b \"B\" {\n" +
                "    effort 1d\n" +
                "    after a\n" +
                "  }\n" +
                "}\n");
        }
    }
}
