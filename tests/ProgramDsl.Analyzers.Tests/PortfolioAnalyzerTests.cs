using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static ProgramDsl.Analyzers.Tests.Verify;

namespace ProgramDsl.Analyzers.Tests
{
    /// <summary>A portfolio among the AdditionalFiles: checked as <c>tpm check</c> checks it, each diagnostic once.</summary>
    public class PortfolioAnalyzerTests
    {
        private const string Portfolio =
            "portfolio org \"Org\" {\n" +
            "  program \"alpha/program.tpm\" { priority 800 }\n" +
            "  program \"beta/program.tpm\"\n" +
            "}\n";

        // Ana is one person (one declaration in the shared fragment) that both programs book full time from 2027-03-01.
        private const string Alpha =
            "program alpha \"Alpha\" {\n" +
            "  start 2027-03-01\n" +
            "  include \"../shared/people.tpm\"\n" +
            "  task train \"Train\" { effort 10d  assign ana }\n" +       // line 4: 'ana' at columns 43–46
            "}\n";

        private const string Beta =
            "program beta \"Beta\" {\n" +
            "  start 2027-03-01\n" +
            "  include \"../shared/people.tpm\"\n" +
            "  task clean \"Clean\" { effort 8d  assign ana }\n" +        // line 4: 'ana' at columns 42–45
            "}\n";

        private const string People = "person ana \"Ana\"\n";

        private static DiagnosticResult OverAllocation(string path, int line, int column, int endColumn, string otherPath, int otherLine, int otherColumn, int otherEndColumn) =>
            new DiagnosticResult("TPM2103", DiagnosticSeverity.Warning)
                .WithSpan(path, line, column, line, endColumn)
                .WithSpan(otherPath, otherLine, otherColumn, otherLine, otherEndColumn)
                .WithMessage(null);

        [Fact]
        public async Task The_programs_collisions_are_reported_once_at_each_programs_assignment()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/portfolio.tpm", Portfolio));
            test.TestState.AdditionalFiles.Add(("/plans/alpha/program.tpm", Alpha));
            test.TestState.AdditionalFiles.Add(("/plans/beta/program.tpm", Beta));
            test.TestState.AdditionalFiles.Add(("/plans/shared/people.tpm", People));
            test.ExpectedDiagnostics.Add(OverAllocation("/plans/alpha/program.tpm", 4, 43, 46, "/plans/beta/program.tpm", 4, 42, 45));
            test.ExpectedDiagnostics.Add(OverAllocation("/plans/beta/program.tpm", 4, 42, 45, "/plans/alpha/program.tpm", 4, 43, 46));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_portfolios_own_mistakes_are_reported_in_its_file_and_a_programs_mistake_once()
        {
            // A missing program file (TPM1004 at its path) and an unknown person in one of the programs, which both the
            // portfolio's check and the program's own analysis would find.
            const string portfolio =
                "portfolio org \"Org\" {\n" +
                "  program \"alpha/program.tpm\"\n" +
                "  program \"gamma/program.tpm\"\n" +
                "}\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/portfolio.tpm", portfolio));
            test.TestState.AdditionalFiles.Add(("/plans/alpha/program.tpm", Alpha.Replace("assign ana", "assign bob")));
            test.TestState.AdditionalFiles.Add(("/plans/shared/people.tpm", People));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1004", DiagnosticSeverity.Error).WithSpan("/plans/portfolio.tpm", 3, 11, 3, 30).WithMessage(null));
            test.ExpectedDiagnostics.Add(Tpm("TPM1001", "/plans/alpha/program.tpm", 4, 43, 4, 46, "unknown person 'bob'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Without_the_portfolio_the_programs_are_analysed_alone_and_nothing_collides()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/alpha/program.tpm", Alpha));
            test.TestState.AdditionalFiles.Add(("/plans/beta/program.tpm", Beta));
            test.TestState.AdditionalFiles.Add(("/plans/shared/people.tpm", People));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_globalconfig_severity_applies_to_the_portfolios_codes()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/portfolio.tpm", Portfolio));
            test.TestState.AdditionalFiles.Add(("/plans/alpha/program.tpm", Alpha));
            test.TestState.AdditionalFiles.Add(("/plans/beta/program.tpm", Beta));
            test.TestState.AdditionalFiles.Add(("/plans/shared/people.tpm", People));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.TPM2103.severity = none\n"));
            await test.RunAsync();
        }
    }
}
