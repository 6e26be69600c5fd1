using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests.VsCode
{
    /// <summary>
    /// The VS Code extension's snippets (editors/vscode/snippets/tpm.json), expanded with their default placeholders, compile
    /// without a diagnostic: as they stand for <c>program</c>, inside a program that declares the names the others' defaults
    /// use (alice, data-scientist, kickoff, auc) for the rest.
    /// </summary>
    public sealed class VsCodeSnippetTests
    {
        private const string Prelude =
            "program snippets \"Snippets\" {\n" +
            "  start 2027-01-04\n" +
            "  role data-scientist\n" +
            "  person alice \"Alice\" { role data-scientist }\n" +
            "  task kickoff \"Kickoff\" { duration 1d }\n" +
            "  metric auc \"AUC\" { target >= 0.8  current 0.9 }\n";

        public static IEnumerable<object[]> Snippets()
        {
            var file = Path.Combine(RepositoryPaths.Root, "editors", "vscode", "snippets", "tpm.json");
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var snippet in document.RootElement.EnumerateObject())
            {
                var body = string.Join("\n", snippet.Value.GetProperty("body").EnumerateArray().Select(l => l.GetString()));
                yield return new object[] { snippet.Value.GetProperty("prefix").GetString()!, body };
            }
        }

        [Theory]
        [MemberData(nameof(Snippets))]
        public void A_snippet_with_its_defaults_compiles_without_a_diagnostic(string prefix, string body)
        {
            var text = Expand(body);
            if (prefix == "portfolio")
            {
                // The entry's default path names a program, given beside the portfolio.
                var resolver = new InMemorySourceResolver();
                resolver.Add("team/program.tpm", "program team \"Team\" {\n  start 2027-01-04\n  task t \"T\" { duration 1d }\n}\n");
                var portfolio = ProgramDsl.Portfolios.TpmPortfolio.Parse(text, "portfolio.tpm", resolver, new ProgramDsl.Portfolios.PortfolioCompileOptions { Schedule = false });
                portfolio.Diagnostics.Select(d => d.Code + " " + d.Message).Should().BeEmpty(text);
                portfolio.Members.Should().ContainSingle().Which.Priority.Should().Be(500);
                return;
            }

            var plan = prefix == "program" ? text : Prelude + "  " + text.Replace("\n", "\n  ") + "\n}\n";

            var program = TpmProgram.Parse(plan, prefix + ".tpm");

            program.Diagnostics.Select(d => d.Code + " " + d.Message).Should().BeEmpty(plan);
            program.Schedule.Should().NotBeNull();
        }

        [Fact]
        public void Expanding_takes_each_placeholders_default_and_the_first_choice()
        {
            Expand("task ${1:id} \"${2:Title}\" {\n\tphase ${6|data,modeling|}\n\t$0\n}$0").Should().Be("task id \"Title\" {\n\tphase data\n\t\n}");
        }

        [Fact]
        public void The_snippets_are_found()
        {
            Snippets().Select(s => (string)s[0]).Should().Contain(new[] { "task", "milestone", "risk", "person", "workstream", "metric" });
        }

        /// <summary>A snippet body as VS Code inserts it when each placeholder keeps its default.</summary>
        private static string Expand(string body)
        {
            body = Regex.Replace(body, @"\$\{\d+:([^}]*)\}", "$1");
            body = Regex.Replace(body, @"\$\{\d+\|([^,|]*)[^}]*\}", "$1");
            return Regex.Replace(body, @"\$\d+", string.Empty);
        }
    }
}
