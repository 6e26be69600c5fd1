using System;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Reports.Tests
{
    public class SarifWriterTests
    {
        private static JsonElement BrokenLog(string path = "plans/bad.tpm") =>
            TestPlans.Parse(SarifWriter.ToSarif(TestPlans.Compile(TestPlans.Broken, path).Diagnostics, "1.2.3"));

        private static JsonElement Run(JsonElement log) => log.GetProperty("runs")[0];

        [Fact]
        public void Log_declares_sarif_2_1_0_with_one_run()
        {
            var log = BrokenLog();
            log.GetProperty("version").GetString().Should().Be("2.1.0");
            log.GetProperty("$schema").GetString().Should().EndWith("sarif-2.1.0.json");
            log.GetProperty("runs").GetArrayLength().Should().Be(1);
        }

        [Fact]
        public void Driver_names_the_tool_and_lists_each_rule_once_in_code_order()
        {
            var driver = Run(BrokenLog()).GetProperty("tool").GetProperty("driver");
            driver.GetProperty("name").GetString().Should().Be("tpm");
            driver.GetProperty("semanticVersion").GetString().Should().Be("1.2.3");

            var rules = driver.GetProperty("rules").EnumerateArray().ToList();
            rules.Select(r => r.GetProperty("id").GetString()).Should().Equal("TPM1001", "TPM1002", "TPM2003");
            foreach (var rule in rules)
            {
                var id = rule.GetProperty("id").GetString()!;
                var descriptor = DiagnosticCatalog.Find(id)!;
                rule.GetProperty("helpUri").GetString().Should().Be(DiagnosticCatalog.HelpLinkBase + id + ".md");
                rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be(descriptor.Title);
                rule.GetProperty("defaultConfiguration").GetProperty("level").GetString()
                    .Should().Be(descriptor.DefaultSeverity == DiagnosticSeverity.Error ? "error" : "warning");
            }

            rules[0].GetProperty("name").GetString().Should().Be("UnknownReference");
        }

        [Fact]
        public void Results_carry_rule_level_message_and_location()
        {
            var run = Run(BrokenLog());
            var results = run.GetProperty("results").EnumerateArray().ToList();
            results.Should().HaveCount(3);

            var rows = results.Select(r =>
            {
                var location = r.GetProperty("locations")[0].GetProperty("physicalLocation");
                var region = location.GetProperty("region");
                return string.Join(" | ",
                    r.GetProperty("ruleId").GetString(),
                    r.GetProperty("ruleIndex").GetInt32(),
                    r.GetProperty("level").GetString(),
                    location.GetProperty("artifactLocation").GetProperty("uri").GetString(),
                    region.GetProperty("startLine").GetInt32(),
                    region.GetProperty("startColumn").GetInt32(),
                    region.GetProperty("endLine").GetInt32(),
                    region.GetProperty("endColumn").GetInt32());
            }).ToList();
            rows.Should().Equal(
                "TPM1001 | 0 | error | plans/bad.tpm | 3 | 35 | 3 | 36",
                "TPM1002 | 1 | error | plans/bad.tpm | 4 | 8 | 4 | 9",
                "TPM2003 | 2 | warning | plans/bad.tpm | 4 | 22 | 4 | 31");
            results[0].GetProperty("message").GetProperty("text").GetString().Should().Be("unknown task 'b'; did you mean 'a'?");

            // ruleIndex must point at the rule with the same id.
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
            foreach (var r in results)
            {
                rules[r.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().Should().Be(r.GetProperty("ruleId").GetString());
            }
        }

        [Fact]
        public void Duplicate_definition_points_at_the_first_definition_as_a_related_location()
        {
            var results = Run(BrokenLog()).GetProperty("results").EnumerateArray().ToList();
            var duplicate = results.Single(r => r.GetProperty("ruleId").GetString() == "TPM1002");
            var related = duplicate.GetProperty("relatedLocations").EnumerateArray().ToList();
            related.Should().HaveCount(1);
            var physical = related[0].GetProperty("physicalLocation");
            physical.GetProperty("artifactLocation").GetProperty("uri").GetString().Should().Be("plans/bad.tpm");
            physical.GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(3);
            physical.GetProperty("region").GetProperty("startColumn").GetInt32().Should().Be(8);

            results.Where(r => r.GetProperty("ruleId").GetString() != "TPM1002")
                .Select(r => r.TryGetProperty("relatedLocations", out var none)).Should().OnlyContain(has => !has);
        }

        [Theory]
        [InlineData(DiagnosticSeverity.Error, "error")]
        [InlineData(DiagnosticSeverity.Warning, "warning")]
        [InlineData(DiagnosticSeverity.Info, "note")]
        [InlineData(DiagnosticSeverity.Hidden, "none")]
        public void Severity_maps_to_the_sarif_level(DiagnosticSeverity severity, string level)
        {
            SarifWriter.Level(severity).Should().Be(level);
            var d = new Diagnostic(DiagnosticCatalog.GateMetricBelowTarget, severity, "m", null);
            var result = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0"))).GetProperty("results")[0];
            result.GetProperty("level").GetString().Should().Be(level);
        }

        [Fact]
        public void A_diagnostic_without_a_location_has_no_locations()
        {
            var d = new Diagnostic(DiagnosticCatalog.OverBudget, DiagnosticSeverity.Warning, "over budget", null);
            var result = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0"))).GetProperty("results")[0];
            result.GetProperty("locations").GetArrayLength().Should().Be(0);
            result.GetProperty("message").GetProperty("text").GetString().Should().Be("over budget");
        }

        [Fact]
        public void No_diagnostics_gives_a_run_with_no_rules_and_no_results()
        {
            var run = Run(TestPlans.Parse(SarifWriter.ToSarif(Array.Empty<Diagnostic>(), "1.0.0")));
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().Should().Be(0);
            run.GetProperty("results").GetArrayLength().Should().Be(0);
        }

        [Fact]
        public void Locations_in_a_path_with_spaces_and_non_ascii_are_escaped()
        {
            var source = new SourceText("my plans/café.tpm", "program p \"P\" { }\n");
            var d = new Diagnostic(DiagnosticCatalog.SyntaxError, DiagnosticSeverity.Error, "m", new SourceLocation(source, new TextSpan(0, 7)));
            var uri = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0"))).GetProperty("results")[0]
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
            uri.Should().Be("my%20plans/caf%C3%A9.tpm");
        }

        [Theory]
        [InlineData("plans/fraud.tpm", "plans/fraud.tpm")]
        [InlineData("my plans/a b.tpm", "my%20plans/a%20b.tpm")]
        [InlineData("plans/café.tpm", "plans/caf%C3%A9.tpm")]
        [InlineData("plans/計画.tpm", "plans/%E8%A8%88%E7%94%BB.tpm")]
        [InlineData("plans\\sub\\x.tpm", "plans/sub/x.tpm")]
        [InlineData("a%b#c?.tpm", "a%25b%23c%3F.tpm")]
        [InlineData("weird:name.tpm", "weird%3Aname.tpm")]
        [InlineData("/home/u/my plan.tpm", "file:///home/u/my%20plan.tpm")]
        [InlineData("C:\\work\\my plan.tpm", "file:///C:/work/my%20plan.tpm")]
        [InlineData("\\\\server\\share\\x.tpm", "file://server/share/x.tpm")]
        public void ToUri_escapes_each_segment_and_makes_absolute_paths_file_uris(string path, string expected)
        {
            SarifWriter.ToUri(path).Should().Be(expected);
            Uri.TryCreate(expected, UriKind.RelativeOrAbsolute, out _).Should().BeTrue();
        }

        [Fact]
        public void Output_is_byte_identical_for_the_same_input()
        {
            var a = SarifWriter.ToSarif(TestPlans.Compile(TestPlans.Broken).Diagnostics, "1.0.0");
            var b = SarifWriter.ToSarif(TestPlans.Compile(TestPlans.Broken).Diagnostics, "1.0.0");
            b.Should().Be(a);
            a.Should().NotContain("\r").And.EndWith("}\n");
        }
    }
}
