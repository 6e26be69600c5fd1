using System;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Reports.Tests
{
    public class DiagnosticJsonTests
    {
        [Fact]
        public void Document_lists_the_diagnostics_with_counts()
        {
            var program = TestPlans.Compile(TestPlans.Broken, "plans/bad.tpm");
            var json = TestPlans.Parse(DiagnosticJson.ToJson(program.Diagnostics));

            TestPlans.PropertyNames(json).Should().Equal("format_version", "diagnostics", "errors", "warnings");
            json.GetProperty("errors").GetInt32().Should().Be(2);
            json.GetProperty("warnings").GetInt32().Should().Be(1);

            var rows = json.GetProperty("diagnostics").EnumerateArray().Select(d => string.Join(" | ",
                d.GetProperty("code").GetString(),
                d.GetProperty("severity").GetString(),
                d.GetProperty("file").GetString(),
                d.GetProperty("line").GetInt32(),
                d.GetProperty("column").GetInt32(),
                d.GetProperty("message").GetString())).ToList();
            rows.Should().Equal(
                "TPM1001 | error | plans/bad.tpm | 3 | 35 | unknown task 'b'; did you mean 'a'?",
                "TPM1002 | error | plans/bad.tpm | 4 | 8 | 'a' is already defined as a task at plans/bad.tpm(3,8); rename one of them",
                "TPM2003 | warning | plans/bad.tpm | 4 | 22 | task 'a' has effort 3d but nobody assigned, so it is taken as a duration of 3 working days; assign someone or use 'duration'");
        }

        [Fact]
        public void Each_diagnostic_has_the_contract_fields_then_its_end_and_help()
        {
            var program = TestPlans.Compile(TestPlans.Broken, "plans/bad.tpm");
            var first = TestPlans.Parse(DiagnosticJson.ToJson(program.Diagnostics)).GetProperty("diagnostics")[0];

            TestPlans.PropertyNames(first).Should().Equal("code", "severity", "message", "file", "line", "column", "end_line", "end_column", "help");
            first.GetProperty("line").ValueKind.Should().Be(JsonValueKind.Number);
            first.GetProperty("column").ValueKind.Should().Be(JsonValueKind.Number);
            // 'b' is one character: the span ends just past it.
            first.GetProperty("end_line").GetInt32().Should().Be(3);
            first.GetProperty("end_column").GetInt32().Should().Be(36);
            first.GetProperty("help").GetString().Should().Be(DiagnosticCatalog.HelpLinkBase + "TPM1001.md");
        }

        [Fact]
        public void A_diagnostic_without_a_location_has_null_file_line_and_column()
        {
            var d = new Diagnostic(DiagnosticCatalog.OverBudget, DiagnosticSeverity.Warning, "over budget", null);
            var element = TestPlans.Parse(DiagnosticJson.ToJson(new[] { d })).GetProperty("diagnostics")[0];

            element.GetProperty("file").ValueKind.Should().Be(JsonValueKind.Null);
            element.GetProperty("line").ValueKind.Should().Be(JsonValueKind.Null);
            element.GetProperty("column").ValueKind.Should().Be(JsonValueKind.Null);
            element.GetProperty("code").GetString().Should().Be("TPM4001");
        }

        [Theory]
        [InlineData(DiagnosticSeverity.Error, "error")]
        [InlineData(DiagnosticSeverity.Warning, "warning")]
        [InlineData(DiagnosticSeverity.Info, "info")]
        [InlineData(DiagnosticSeverity.Hidden, "hidden")]
        public void Severity_is_written_as_a_lower_case_word(DiagnosticSeverity severity, string expected)
        {
            var source = new SourceText("p.tpm", "program p \"P\" { }\n");
            var d = new Diagnostic(DiagnosticCatalog.GateMetricBelowTarget, severity, "m", new SourceLocation(source, new TextSpan(8, 1)));
            var element = TestPlans.Parse(DiagnosticJson.ToJson(new[] { d })).GetProperty("diagnostics")[0];
            element.GetProperty("severity").GetString().Should().Be(expected);
            element.GetProperty("column").GetInt32().Should().Be(9);
        }

        [Fact]
        public void Counts_ignore_info_diagnostics()
        {
            var info = new Diagnostic(DiagnosticCatalog.GateMetricBelowTarget, DiagnosticSeverity.Info, "below", null);
            var json = TestPlans.Parse(DiagnosticJson.ToJson(new[] { info }));
            json.GetProperty("errors").GetInt32().Should().Be(0);
            json.GetProperty("warnings").GetInt32().Should().Be(0);
            json.GetProperty("diagnostics").GetArrayLength().Should().Be(1);
        }

        [Fact]
        public void An_empty_list_is_an_empty_array()
        {
            DiagnosticJson.ToJson(Array.Empty<Diagnostic>()).Should().Be("{\n  \"format_version\": 1,\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0\n}\n");
        }

        [Fact]
        public void Output_is_byte_identical_for_the_same_input()
        {
            var a = DiagnosticJson.ToJson(TestPlans.Compile(TestPlans.Broken).Diagnostics);
            var b = DiagnosticJson.ToJson(TestPlans.Compile(TestPlans.Broken).Diagnostics);
            b.Should().Be(a);
        }
    }
}
