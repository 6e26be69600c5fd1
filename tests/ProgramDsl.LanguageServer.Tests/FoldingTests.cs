using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>textDocument/foldingRange: blocks over several lines, comment runs and include runs.</summary>
    public sealed class FoldingTests
    {
        private static async Task<string[]> FoldsAsync(LspClient client, string path)
        {
            var result = (JArray)await client.RequestAsync("textDocument/foldingRange", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) } });
            return result.Select(f => $"{f["startLine"]}-{f["endLine"]}{(f["kind"] is JToken k && k.Type == JTokenType.String ? " " + k : string.Empty)}").ToArray();
        }

        [Fact]
        public async Task Blocks_comment_runs_and_include_runs_fold_and_one_line_blocks_do_not()
        {
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan/program.tpm",
                "// A plan\n" +                                       // 0
                "// over two comment lines\n" +                       // 1
                "program p \"P\" {\n" +                               // 2
                "  start 2027-01-04\n" +                              // 3
                "  include \"a.tpm\"\n" +                             // 4
                "  include \"b.tpm\"\n" +                             // 5
                "  task one \"One\" { effort 1d }\n" +                // 6
                "  workstream w \"W\" {\n" +                          // 7
                "    /* a block comment\n" +                          // 8
                "       over two lines */\n" +                        // 9
                "    task t \"T\" {\n" +                              // 10
                "      effort 2d  // not a run: after code\n" +      // 11
                "      // one comment line alone\n" +                // 12
                "    }\n" +                                           // 13
                "  }\n" +                                             // 14
                "}\n");                                               // 15
            workspace.Write("plan/a.tpm", "person ana \"Ana\"\n");
            workspace.Write("plan/b.tpm", "person ben \"Ben\"\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);

            (await FoldsAsync(client, plan)).Should().Equal("0-1 comment", "2-14", "4-5 imports", "7-13", "8-9 comment", "10-12");
        }

        [Fact]
        public async Task The_ml_platform_people_fragment_folds_each_person_and_its_header_comment()
        {
            using var workspace = new TempWorkspace();
            workspace.CopyExample("ml-platform");
            // The ML platform's people are the organisation's, in the fragment it includes from the portfolio.
            var people = Path.Combine(workspace.Root, "portfolio", "shared", "org.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(people);

            var folds = await FoldsAsync(client, people);

            // org.tpm: five header comment lines, the calendars' three-line comment, then each calendar's and person's
            // block from its header to the line before '}' (maya: lines 39-44, 1-based).
            folds.Take(4).Should().Equal("0-4 comment", "6-8 comment", "10-16", "19-24");
            folds.Should().Contain("38-42");
            folds.Should().NotContain(f => f.StartsWith("29-"), "'role tpm' has no block");
        }
    }
}
