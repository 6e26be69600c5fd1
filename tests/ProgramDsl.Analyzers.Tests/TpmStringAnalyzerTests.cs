using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static ProgramDsl.Analyzers.Tests.Verify;

namespace ProgramDsl.Analyzers.Tests
{
    public class TpmStringAnalyzerTests
    {
        // 'x' is one edit away from a one-letter task name, hence the suggestion.
        private const string UnknownXNearA = "unknown task 'x'; did you mean 'a'?";
        private const string UnknownX = "unknown task 'x'; did you mean 'b'?";

        [Fact]
        public async Task A_raw_literal_gets_the_diagnostic_at_the_name_inside_it()
        {
            // Raw literal lines lose the closing-quote indentation; 'x' is reported where it is in the source, line 9.
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => TpmProgram.Parse(\n" +
                "        \"\"\"\n" +
                "        program p \"P\" {\n" +
                "          start 2027-01-04\n" +
                "          task a \"A\" { duration 2d }\n" +
                "          task b \"B\" { duration 1d  after {|#0:x|} }\n" +
                "        }\n" +
                "        \"\"\");\n" +
                "}\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1001", DiagnosticSeverity.Error).WithLocation(0).WithMessage(UnknownXNearA));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_single_line_raw_literal_maps_character_for_character()
        {
            // No start date: TPM1101 at the program's name.
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C { TpmProgram M() => TpmProgram.Parse(\"\"\"program {|#0:p|} \"P\" { }\"\"\"); }\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1101", DiagnosticSeverity.Error).WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_verbatim_literal_without_doubled_quotes_maps_across_lines()
        {
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C { TpmProgram M() => TpmProgram.Parse(@\"program p {\n" +
                "  start 2027-01-04\n" +
                "  task b { duration 1d  after {|#0:x|} }\n" +
                "}\"); }\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1001", DiagnosticSeverity.Error).WithLocation(0).WithMessage(UnknownX));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_literal_with_escape_sequences_gets_the_diagnostic_on_the_whole_literal()
        {
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C { TpmProgram M() => TpmProgram.Parse({|#0:\"program p {\\n  start 2027-01-04\\n  task b { duration 1d  after x }\\n}\"|}); }\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1001", DiagnosticSeverity.Error).WithLocation(0).WithMessage(UnknownX));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_constant_concatenation_gets_the_diagnostic_on_the_whole_expression()
        {
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C\n" +
                "{\n" +
                "    const string Head = \"\"\"\n" +
                "        program p {\n" +
                "          start 2027-01-04\n" +
                "        \"\"\";\n" +
                "    TpmProgram M() => TpmProgram.Parse({|#0:Head + \"\"\"\n" +
                "\n" +
                "          task b { duration 1d  after x }\n" +
                "        }\n" +
                "        \"\"\"|});\n" +
                "}\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1001", DiagnosticSeverity.Error).WithLocation(0).WithMessage(UnknownX));
            await test.RunAsync();
        }

        [Fact]
        public async Task Any_parameter_marked_tpm_is_checked_and_unmarked_or_non_constant_arguments_are_not()
        {
            var test = Analyzer<TpmStringAnalyzer>(
                "using System.Diagnostics.CodeAnalysis;\n" +
                "class C\n" +
                "{\n" +
                "    static void Plan([StringSyntax(\"tpm\")] string text) { }\n" +
                "    static void Other(string text) { }\n" +
                "    static void Json([StringSyntax(\"json\")] string text) { }\n" +
                "    void M(string s)\n" +
                "    {\n" +
                "        Plan(\"\"\"program {|#0:p|} { }\"\"\");\n" +
                "        Other(\"\"\"program p { }\"\"\");\n" +
                "        Json(\"\"\"program p { }\"\"\");\n" +
                "        Plan(s);\n" +
                "    }\n" +
                "}\n");
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1101", DiagnosticSeverity.Error).WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_valid_plan_in_a_string_gives_nothing()
        {
            var test = Analyzer<TpmStringAnalyzer>(
                "using ProgramDsl;\n" +
                "class C { TpmProgram M() => TpmProgram.Parse(\"\"\"program p \"P\" { start 2027-01-04 }\"\"\"); }\n");
            await test.RunAsync();
        }
    }
}
