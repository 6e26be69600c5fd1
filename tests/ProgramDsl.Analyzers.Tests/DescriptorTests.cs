using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Analyzers.Tests
{
    /// <summary>The analyzers' descriptors are the catalogue's, the release files list them, and every help link resolves.</summary>
    public class DescriptorTests
    {
        private static string Root
        {
            get
            {
                // Test output may be outside the tree (--artifacts-path): the project records where the sources were.
                var recorded = typeof(DescriptorTests).Assembly.GetCustomAttributes(typeof(AssemblyMetadataAttribute), false)
                    .Cast<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
                foreach (var start in new[] { AppContext.BaseDirectory, recorded })
                {
                    for (var d = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); d != null; d = d.Parent)
                    {
                        if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) return d.FullName;
                    }
                }

                throw new InvalidOperationException("ProgramDsl.sln not found above " + AppContext.BaseDirectory + " or " + recorded);
            }
        }

        [Fact]
        public void Every_compiler_code_is_supported_with_the_catalogue_title_category_severity_and_help_link()
        {
            var supported = new TpmFileAnalyzer().SupportedDiagnostics;
            var compilerCodes = DiagnosticCatalog.All.Where(d => string.CompareOrdinal(d.Code, "TPM5000") < 0).ToList();

            supported.Select(d => d.Id).Should().Equal(compilerCodes.Select(d => d.Code));
            foreach (var (roslyn, tpm) in supported.Zip(compilerCodes))
            {
                roslyn.Title.ToString().Should().Be(tpm.Title);
                roslyn.Category.Should().Be(tpm.Category);
                ((int)roslyn.DefaultSeverity).Should().Be((int)tpm.DefaultSeverity, "Roslyn's and the catalogue's severities are numbered alike");
                roslyn.HelpLinkUri.Should().Be(tpm.HelpLink).And.EndWith("docs/diagnostics/" + tpm.Code + ".md");
            }

            new TpmStringAnalyzer().SupportedDiagnostics.Should().Equal(supported);
        }

        [Fact]
        public void The_unshipped_release_file_lists_every_code_with_its_category_and_severity()
        {
            var lines = File.ReadAllLines(Path.Combine(Root, "analyzers", "ProgramDsl.Analyzers", "AnalyzerReleases.Unshipped.md"))
                .Where(l => l.StartsWith("TPM", StringComparison.Ordinal))
                .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
                .ToList();

            lines.Select(c => c[0]).Should().Equal(DiagnosticCatalog.All.Select(d => d.Code));
            foreach (var cells in lines)
            {
                var d = DiagnosticCatalog.Find(cells[0])!;
                cells[1].Should().Be(d.Category);
                cells[2].Should().Be(d.DefaultSeverity.ToString());
            }
        }

        [Fact]
        public void Every_code_has_a_help_page_with_a_bad_and_a_fixed_example()
        {
            foreach (var d in DiagnosticCatalog.All)
            {
                var page = Path.Combine(Root, "docs", "diagnostics", d.Code + ".md");
                File.Exists(page).Should().BeTrue(page);
                var text = File.ReadAllText(page);
                text.Should().StartWith("# " + d.Code + ": ");
                text.Should().Contain("## How to fix");
                (text.Split("```").Length / 2).Should().BeGreaterThanOrEqualTo(2, d.Code + " shows a bad and a fixed example");
            }
        }
    }
}
