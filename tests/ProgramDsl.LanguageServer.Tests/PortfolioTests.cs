using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>
    /// Portfolio files in the editor: their diagnostics as typed, the collisions between their programs (TPM2103) in the
    /// programs' files, the outline, hover and go-to-definition on a program entry, completion and formatting.
    /// </summary>
    public sealed class PortfolioTests
    {
        private const string Portfolio =
            "portfolio org \"Org\" {\n" +                                  // 0
            "  person lead \"Lead\"\n" +                                   // 1
            "  program \"alpha/program.tpm\" { priority 800 }\n" +         // 2
            "  program \"beta/program.tpm\"\n" +                           // 3
            "}\n";                                                         // 4

        // Ana is one person (one declaration) booked full time by both programs from 2027-03-01.
        private const string Alpha =
            "program alpha \"Alpha\" {\n" +                                // 0
            "  start 2027-03-01\n" +                                       // 1
            "  deadline 2027-04-30\n" +                                    // 2
            "  include \"../shared/people.tpm\"\n" +                       // 3
            "  task train \"Train\" { effort 10d  assign ana }\n" +        // 4: 'ana' at 42..45
            "}\n";

        private const string Beta =
            "program beta \"Beta\" {\n" +                                  // 0
            "  start 2027-03-01\n" +                                       // 1
            "  include \"../shared/people.tpm\"\n" +                       // 2
            "  task clean \"Clean\" { effort 8d  assign ana }\n" +         // 3: 'ana' at 41..44
            "}\n";

        // A task of alpha's on 'lead', whom only the portfolio declares (line 5 of alpha with it: 'lead' at 43..47).
        private const string LeadReview = "  task review \"Review\" { effort 1d  assign lead  after train }\n";

        /// <summary>Alpha with more lines before its closing brace.</summary>
        private static string AlphaWith(params string[] lines) => Alpha.Substring(0, Alpha.Length - "}\n".Length) + string.Concat(lines) + "}\n";

        private static (TempWorkspace Workspace, string Portfolio, string Alpha, string Beta) Write(string portfolio = Portfolio)
        {
            var workspace = new TempWorkspace();
            workspace.Write("org/shared/people.tpm", "person ana \"Ana\"\n");
            var alpha = workspace.Write("org/alpha/program.tpm", Alpha);
            var beta = workspace.Write("org/beta/program.tpm", Beta);
            return (workspace, workspace.Write("org/portfolio.tpm", portfolio), alpha, beta);
        }

        /// <summary>Waits until no compile runs (tpm/schedule waits for them), then asks.</summary>
        private static Task IdleAsync(LspClient client, string path) =>
            client.RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) } });

        private static JObject Document(string path) => new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) } };

        [Fact]
        public async Task A_program_named_by_a_workspace_portfolio_shows_the_cross_program_over_allocation_at_its_assignment()
        {
            var (workspace, _, alpha, beta) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);

            // Only the program is open: the portfolio is found by the workspace scan.
            await client.OpenAsync(alpha);
            var diagnostics = await client.WaitForDiagnosticsAsync(alpha, d => d.Any(x => (string)x["code"]! == "TPM2103"));

            var overload = diagnostics.Single(x => (string)x["code"]! == "TPM2103");
            NavigationTests.RangeText(overload["range"]!).Should().Be("4:42-4:45");
            ((string)overload["message"]!).Should().Contain("ana").And.Contain("alpha").And.Contain("beta");
            overload["severity"]!.Value<int>().Should().Be(2, "TPM2103 is a warning");

            // The other program gets its own, once, at its own assignment.
            var other = await client.WaitForDiagnosticsAsync(beta, d => d.Any(x => (string)x["code"]! == "TPM2103"));
            other.Where(x => (string)x["code"]! == "TPM2103").Select(x => NavigationTests.RangeText(x["range"]!)).Should().Equal("3:41-3:44");
        }

        [Fact]
        public async Task A_program_using_a_member_its_portfolio_declares_shows_what_checking_the_portfolio_reports()
        {
            // 'lead' is declared by the portfolio, for its programs: alone, alpha does not know it (TPM1001); in the
            // portfolio, which the workspace holds, it does.
            var (workspace, _, alpha, _) = Write();
            using var _w = workspace;
            var uses = AlphaWith(LeadReview);
            File.WriteAllText(alpha, uses);
            TpmProgram.Parse(uses, "alpha.tpm").Diagnostics.Should().Contain(d => d.Code == "TPM1001" && d.Message.Contains("'lead'"));
            await using var client = await LspClient.StartAsync(workspace.Root);

            await client.OpenAsync(alpha);
            var diagnostics = await client.WaitForDiagnosticsAsync(alpha, d => d.Any(x => (string)x["code"]! == "TPM2103") && !d.Any(x => (string)x["code"]! == "TPM1001"));

            diagnostics.Select(x => (string)x["code"]!).Should().OnlyContain(c => c == "TPM2103");

            // An edit: the program's own compile answers first, then the portfolio's check of the new text.
            await client.ChangeAsync(alpha, uses.Replace("effort 1d", "effort 2d"));
            await IdleAsync(client, alpha);
            var after = await client.WaitForDiagnosticsAsync(alpha, d => !d.Any(x => (string)x["code"]! == "TPM1001"));
            after.Select(x => (string)x["code"]!).Should().OnlyContain(c => c == "TPM2103");
        }

        [Fact]
        public async Task Hover_definition_and_completion_in_a_program_know_the_members_its_portfolio_declares()
        {
            // 'lead' is declared by the portfolio (line 1, 9..13); alpha uses it on line 5 (43..47) and alone cannot resolve it.
            var (workspace, portfolio, alpha, _) = Write();
            using var _w = workspace;
            var uses = AlphaWith(LeadReview, "  task wrap \"Wrap\" { effort 1d  assign  }\n");
            File.WriteAllText(alpha, uses);
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(alpha);
            await client.WaitForDiagnosticsAsync(alpha, d => !d.Any(x => (string)x["code"]! == "TPM1001"));

            var hover = await client.RequestAsync("textDocument/hover", LspClient.At(alpha, 5, 44));
            ((string)hover["contents"]!["value"]!).Should().Contain("Lead");
            NavigationTests.RangeText(hover["range"]!).Should().Be("5:43-5:47");

            var definition = await client.RequestAsync("textDocument/definition", LspClient.At(alpha, 5, 44));
            var location = definition is JArray array ? array.Single() : definition;
            NavigationTests.Describe(workspace.Root, location).Should().Be("org/portfolio.tpm 1:9-1:13");

            // After 'assign ' on line 6: the portfolio's person is offered with the program's own.
            var completion = await client.RequestAsync("textDocument/completion", LspClient.At(alpha, 6, 39));
            Labels(completion).Should().Contain(new[] { "lead", "ana" });

            // A rename from the program would miss the portfolio's other programs: refused there, as before.
            var rename = await client.RequestAsync("textDocument/prepareRename", LspClient.At(alpha, 5, 44));
            rename.Type.Should().Be(JTokenType.Null);
        }

        [Fact]
        public async Task Moving_the_work_in_a_program_buffer_clears_the_collision_in_both_files()
        {
            var (workspace, _, alpha, beta) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(alpha);
            await client.WaitForDiagnosticsAsync(alpha, d => d.Any(x => (string)x["code"]! == "TPM2103"));

            // Alpha starts after Beta finishes (8 working days from 2027-03-01): nobody is booked twice.
            await client.ChangeAsync(alpha, Alpha.Replace("start 2027-03-01", "start 2027-04-01"));

            await client.WaitForDiagnosticsAsync(alpha, d => !d.Any(x => (string)x["code"]! == "TPM2103"));
            await client.WaitForDiagnosticsAsync(beta, d => !d.Any(x => (string)x["code"]! == "TPM2103"));
        }

        [Fact]
        public async Task Dropping_a_program_from_the_portfolio_buffer_clears_the_collision_in_the_program_files()
        {
            var (workspace, portfolio, alpha, beta) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await client.WaitForDiagnosticsAsync(alpha, d => d.Any(x => (string)x["code"]! == "TPM2103"));

            // Keystroke by keystroke the entry is deleted; only the last text counts.
            const string entry = "  program \"beta/program.tpm\"\n";
            for (int cut = 1; cut <= entry.Length; cut += 7)
            {
                await client.ChangeAsync(portfolio, Portfolio.Replace(entry, entry.Substring(Math.Min(cut, entry.Length))));
            }

            await client.ChangeAsync(portfolio, Portfolio.Replace(entry, string.Empty));

            await client.WaitForDiagnosticsAsync(alpha, d => !d.Any(x => (string)x["code"]! == "TPM2103"));
            await client.WaitForDiagnosticsAsync(beta, d => !d.Any(x => (string)x["code"]! == "TPM2103"));
            // The portfolio with one program is clean once the last text is checked.
            await client.WaitForDiagnosticsAsync(portfolio, d => d.Count == 0);
        }

        [Fact]
        public async Task A_portfolio_buffer_gets_its_own_diagnostics_as_it_is_typed()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            // A third entry naming a file that does not exist: TPM1004 at its path, unsaved.
            await client.ChangeAsync(portfolio, Portfolio.Replace("  program \"beta/program.tpm\"\n", "  program \"beta/program.tpm\"\n  program \"gamma/program.tpm\"\n"));

            var diagnostics = await client.WaitForDiagnosticsAsync(portfolio, d => d.Any(x => (string)x["code"]! == "TPM1004"));
            NavigationTests.RangeText(diagnostics.Single(x => (string)x["code"]! == "TPM1004")["range"]!).Should().Be("4:10-4:29");
            File.ReadAllText(portfolio).Should().NotContain("gamma", "the buffer, not the file, was edited");
        }

        [Fact]
        public async Task The_outline_of_a_portfolio_is_the_portfolio_with_its_shared_members_and_program_entries()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            var symbols = (JArray)await client.RequestAsync("textDocument/documentSymbol", Document(portfolio));

            var root = symbols.Single();
            ((string)root["name"]!).Should().Be("org");
            ((string)root["detail"]!).Should().Be("\"Org\"");
            root["kind"]!.Value<int>().Should().Be(4, "a portfolio is a package");
            var children = ((JArray)root["children"]!).Select(c => c["name"] + " " + c["kind"] + " " + (c["detail"]?.ToString() ?? "-") + " " + NavigationTests.RangeText(c["selectionRange"]!)).ToList();
            children.Should().Equal(
                "lead 19 \"Lead\" 1:9-1:13",
                "alpha/program.tpm 2 priority 800 2:10-2:29",
                "beta/program.tpm 2 - 3:10-3:28");
        }

        [Fact]
        public async Task Hover_on_a_program_entry_tells_the_programs_id_title_start_and_deadline()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            var hover = await client.RequestAsync("textDocument/hover", LspClient.At(portfolio, 2, 15));

            var text = (string)hover["contents"]!["value"]!;
            text.Should().Contain("alpha").And.Contain("Alpha").And.Contain("2027-03-01").And.Contain("2027-04-30").And.Contain("800");
            NavigationTests.RangeText(hover["range"]!).Should().StartWith("2:");
        }

        [Fact]
        public async Task Go_to_definition_on_a_program_entry_opens_the_programs_declaration()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            var definition = await client.RequestAsync("textDocument/definition", LspClient.At(portfolio, 3, 14));

            var location = definition is JArray array ? array.Single() : definition;
            NavigationTests.Describe(workspace.Root, location).Should().Be("org/beta/program.tpm 0:8-0:12");
        }

        [Fact]
        public async Task Completion_in_a_portfolio_offers_its_keywords_and_in_an_entry_priority()
        {
            var (workspace, portfolio, _, _) = Write("portfolio org \"Org\" {\n  \n  program \"alpha/program.tpm\" {\n    \n  }\n}\n");
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            var block = await client.RequestAsync("textDocument/completion", LspClient.At(portfolio, 1, 2));
            var labels = Labels(block);
            labels.Should().Contain(new[] { "program", "leveling", "include", "person", "resource", "role", "calendar" });
            labels.Should().NotContain(new[] { "task", "workstream", "start" }, "a portfolio holds programs and shared members, not work");

            var entry = await client.RequestAsync("textDocument/completion", LspClient.At(portfolio, 3, 4));
            Labels(entry).Should().Contain("priority");
        }

        [Fact]
        public async Task Formatting_a_portfolio_lays_it_out_as_tpm_fmt_does()
        {
            const string messy = "portfolio org \"Org\" {\nleveling off\n    program \"alpha/program.tpm\" {   priority 800 }\n  program    \"beta/program.tpm\"\n}\n";
            var (workspace, portfolio, _, _) = Write(messy);
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);

            var edits = (JArray)await client.RequestAsync("textDocument/formatting", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(portfolio) },
                ["options"] = new JObject { ["tabSize"] = 2, ["insertSpaces"] = true },
            });

            TextEdits.Apply(messy, edits).Should().Be(ProgramDsl.Syntax.Formatting.PlanFormatter.Format(messy).Text);
            TextEdits.Apply(messy, edits).Should().Contain("\n  program \"alpha/program.tpm\" {");
        }

        [Fact]
        public async Task Semantic_tokens_colour_a_portfolios_keywords_paths_and_numbers()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);

            var result = await client.RequestAsync("textDocument/semanticTokens/full", Document(portfolio));

            var legend = (JObject)client.InitializeResult["capabilities"]!["semanticTokensProvider"]!["legend"]!;
            var tokens = SemanticTokenTests.Decode(result["data"]!, legend, Portfolio);
            tokens.Should().Contain(new[]
            {
                "0:0 portfolio keyword", "0:10 org namespace declaration", "0:14 \"Org\" string", "2:2 program keyword", "2:10 \"alpha/program.tpm\" string",
                "2:32 priority keyword", "2:41 800 number",
            });
        }

        [Fact]
        public async Task Hover_on_portfolio_keywords_tells_their_docs()
        {
            var (workspace, portfolio, _, _) = Write();
            using var _w = workspace;
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(portfolio);
            await IdleAsync(client, portfolio);

            var priority = await client.RequestAsync("textDocument/hover", LspClient.At(portfolio, 2, 34));
            var program = await client.RequestAsync("textDocument/hover", LspClient.At(portfolio, 2, 4));

            ((string)priority["contents"]!["value"]!).Should().Contain("priority").And.Contain("500");
            ((string)program["contents"]!["value"]!).Should().Contain("program").And.Contain("portfolio");
        }

        private static string[] Labels(JToken result) => (result is JArray array ? array : (JArray)result["items"]!).Select(i => (string)i["label"]!).ToArray();
    }
}
