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
            var d = new Diagnostic(DiagnosticCatalog.GateMetricBelowTarget, severity, "m", new SourceLocation(new SourceText("a.tpm", "x\n"), new TextSpan(0, 1)));
            var result = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0"))).GetProperty("results")[0];
            result.GetProperty("level").GetString().Should().Be(level);
        }

        [Fact]
        public void A_diagnostic_without_a_location_is_a_tool_notification_not_a_result()
        {
            // Code scanning refuses a result without a location (GitHub's GH1015/GH2012): the finding is kept, as a notification.
            var d = new Diagnostic(DiagnosticCatalog.OverBudget, DiagnosticSeverity.Warning, "over budget", null);
            var run = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0")));
            run.GetProperty("results").GetArrayLength().Should().Be(0);
            var notification = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().Should().ContainSingle().Subject;
            notification.GetProperty("message").GetProperty("text").GetString().Should().Be("tpm: warning TPM4001: over budget (not a result: it has no location)");
            notification.GetProperty("associatedRule").GetProperty("id").GetString().Should().Be("TPM4001");
            run.GetProperty("tool").GetProperty("driver").GetProperty("rules")[notification.GetProperty("associatedRule").GetProperty("index").GetInt32()]
                .GetProperty("id").GetString().Should().Be("TPM4001");
        }

        [Fact]
        public void Every_catalogue_rule_is_complete_for_code_scanning()
        {
            var names = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
            foreach (var descriptor in DiagnosticCatalog.All)
            {
                var source = new SourceText("plans/x.tpm", "program p \"P\" { }\n");
                var d = Diagnostic.Create(descriptor, new SourceLocation(source, new TextSpan(0, 7)), "a", "b", "c", "d", "e");
                var rule = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0"))).GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
                var because = descriptor.Code;

                rule.GetProperty("id").GetString().Should().Be(descriptor.Code);
                var name = rule.GetProperty("name").GetString()!;
                name.Should().MatchRegex("^[A-Z][a-z0-9]+([A-Z][a-z0-9]*)*$", because).And.NotBe(descriptor.Code);
                names.Add(name).Should().BeTrue(because + ": rule names are unique");
                rule.GetProperty("shortDescription").GetProperty("text").GetString().Should().Be(descriptor.Title, because);
                var full = rule.GetProperty("fullDescription").GetProperty("text").GetString()!;
                full.Should().EndWith(".", because).And.NotBe(descriptor.Title + ".").And.NotContain("`").And.NotContain("**");
                full.Length.Should().BeGreaterThan(descriptor.Title.Length + 20, because);
                rule.GetProperty("help").GetProperty("text").GetString().Should().EndWith(" See " + descriptor.HelpLink, because);
                var markdown = rule.GetProperty("help").GetProperty("markdown").GetString()!;
                markdown.Should().Contain("Default severity", because).And.NotStartWith("# ");
                System.Text.RegularExpressions.Regex.Matches(markdown, @"\]\(([^)]*)\)").Select(m => m.Groups[1].Value)
                    .Where(link => !link.StartsWith("https://", StringComparison.Ordinal)).Should().BeEmpty(because + ": links work outside the docs folder");
                rule.GetProperty("helpUri").GetString().Should().Be(descriptor.HelpLink);
                rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().Should().Be(SarifWriter.Level(descriptor.DefaultSeverity));
                var properties = rule.GetProperty("properties");
                properties.GetProperty("problem.severity").GetString().Should().BeOneOf("error", "warning", "recommendation");
                properties.GetProperty("precision").GetString().Should().Be("very-high");
                properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).Should().Equal(descriptor.Category.ToLowerInvariant());
            }
        }

        [Fact]
        public void Rule_names_are_the_catalogue_names_and_a_descriptor_made_elsewhere_is_named_after_its_title()
        {
            DiagnosticCatalog.UnknownReference.Name.Should().Be("UnknownReference");
            DiagnosticCatalog.WrongKind.Name.Should().Be("WrongKind");
            new DiagnosticDescriptor("X0001", "Deployment without responsible-AI reviews", "{0}", DiagnosticSeverity.Warning, "Other").Name
                .Should().Be("DeploymentWithoutResponsibleAIReviews");
        }

        [Fact]
        public void A_rule_outside_the_catalogue_still_gets_a_description_and_help()
        {
            var descriptor = new DiagnosticDescriptor("X0001", "Custom rule", "{0}", DiagnosticSeverity.Warning, "Other");
            var source = new SourceText("a.tpm", "x\n");
            var rule = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { Diagnostic.Create(descriptor, new SourceLocation(source, new TextSpan(0, 1)), "m") }, "1.0.0")))
                .GetProperty("tool").GetProperty("driver").GetProperty("rules")[0];
            rule.GetProperty("fullDescription").GetProperty("text").GetString().Should().Be("Custom rule.");
            rule.GetProperty("help").GetProperty("text").GetString().Should().Be("Custom rule. See " + descriptor.HelpLink);
        }

        [Fact]
        public void Help_pages_have_their_relative_links_made_absolute()
        {
            var page = "# TPM9999: T\n\n**Default severity:** error · **Category:** X\n\nSee [the limits](../../README.md#workspace-and-limits),\n[TPM2202](TPM2202.md) and [here](#severity).\n\n## Severity\n";
            var help = DiagnosticHelp.Parse(page, DiagnosticCatalog.HelpLinkBase + "TPM9999.md")!;
            help.Description.Should().Be("See [the limits](https://github.com/programdsl/programdsl/blob/main/README.md#workspace-and-limits), [TPM2202](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM2202.md) and [here](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM9999.md#severity).");
            help.Markdown.Should().StartWith("**Default severity:**").And.Contain("## Severity");
        }

        [Fact]
        public void Locations_are_relative_to_the_source_root_and_files_outside_it_are_notifications()
        {
            var inside = new SourceText("/repo/plans/a.tpm", "line one\nline two\n");
            var outside = new SourceText("/elsewhere/b.tpm", "x\n");
            var diagnostics = new[]
            {
                new Diagnostic(DiagnosticCatalog.UnknownReference, DiagnosticSeverity.Error, "in", new SourceLocation(inside, new TextSpan(9, 4)),
                    new[] { new SourceLocation(outside, new TextSpan(0, 1)), new SourceLocation(inside, new TextSpan(0, 4)) }),
                new Diagnostic(DiagnosticCatalog.UnknownReference, DiagnosticSeverity.Error, "out", new SourceLocation(outside, new TextSpan(0, 1))),
            };
            var options = new SarifOptions
            {
                SourceRootUri = SarifWriter.ToFolderUri("/repo"),
                RelativePath = p => p.StartsWith("/repo/", StringComparison.Ordinal) ? p.Substring(6) : null,
            };
            var run = Run(TestPlans.Parse(SarifWriter.ToSarif(diagnostics, "1.0.0", options)));

            run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString().Should().Be("file:///repo/");
            var result = run.GetProperty("results").EnumerateArray().Should().ContainSingle().Subject;
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            (artifact.GetProperty("uri").GetString(), artifact.GetProperty("uriBaseId").GetString()).Should().Be(("plans/a.tpm", "%SRCROOT%"));
            // The related location outside the root is left out; the one inside keeps its place.
            var related = result.GetProperty("relatedLocations").EnumerateArray().Should().ContainSingle().Subject;
            related.GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32().Should().Be(1);
            run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0].GetProperty("message").GetProperty("text").GetString()
                .Should().Be("/elsewhere/b.tpm(1,1): error TPM1001: out (not a result: its file lies outside the source root)");
        }

        [Theory]
        [InlineData("plans/a.tpm", "plans/a.tpm")]
        [InlineData("./plans/../plans/a.tpm", "plans/a.tpm")]
        [InlineData("../a.tpm", null)]
        [InlineData("/abs/a.tpm", null)]
        [InlineData("C:\\abs\\a.tpm", null)]
        public void Without_a_root_relative_paths_that_do_not_climb_are_placed(string path, string? expected)
        {
            SarifWriter.DefaultRelativePath(path).Should().Be(expected);
        }

        [Theory]
        [InlineData("/home/u/repo", "file:///home/u/repo/")]
        [InlineData("/home/u/my repo/", "file:///home/u/my%20repo/")]
        [InlineData("C:\\work\\repo", "file:///C:/work/repo/")]
        public void The_source_root_is_a_file_uri_ending_with_a_slash(string folder, string expected)
        {
            SarifWriter.ToFolderUri(folder).Should().Be(expected);
        }

        [Fact]
        public void The_fingerprint_ignores_line_numbers_indentation_and_quoted_places_but_not_the_finding()
        {
            Diagnostic At(string text, string path, string message, DiagnosticDescriptor? rule = null)
            {
                var source = new SourceText(path, text);
                int at = text.IndexOf("after b", StringComparison.Ordinal);
                return new Diagnostic(rule ?? DiagnosticCatalog.UnknownReference, DiagnosticSeverity.Error, message, new SourceLocation(source, new TextSpan(at, 7)));
            }

            var original = SarifWriter.FindingHash(At("x\n  task a { after b }\n", "p.tpm", "unknown task 'b' (see p.tpm(2,3))"), "p.tpm");
            SarifWriter.FindingHash(At("\n\n\nx\n\ttask  a { after b }   \n", "sub/../p.tpm", "unknown task 'b' (see ../p.tpm(5,9))"), "p.tpm").Should().Be(original);
            original.Should().MatchRegex("^[0-9a-f]{32}$");

            SarifWriter.FindingHash(At("x\n  task a { after b }\n", "p.tpm", "unknown task 'b' (see p.tpm(2,3))", DiagnosticCatalog.WrongKind), "p.tpm").Should().NotBe(original);
            SarifWriter.FindingHash(At("x\n  task a { after b }\n", "p.tpm", "unknown task 'b' (see p.tpm(2,3))"), "q.tpm").Should().NotBe(original);
            SarifWriter.FindingHash(At("x\n  task z { after b }\n", "p.tpm", "unknown task 'b' (see p.tpm(2,3))"), "p.tpm").Should().NotBe(original);
            SarifWriter.FindingHash(At("x\n  task a { after b }\n", "p.tpm", "unknown milestone 'b' (see p.tpm(2,3))"), "p.tpm").Should().NotBe(original);
        }

        [Fact]
        public void Identical_findings_are_told_apart_by_their_occurrence()
        {
            var source = new SourceText("p.tpm", "after b\nafter b\n");
            var diagnostics = new[] { 0, 8 }.Select(at => new Diagnostic(DiagnosticCatalog.UnknownReference, DiagnosticSeverity.Error, "unknown task 'b'", new SourceLocation(source, new TextSpan(at, 7)))).ToArray();
            var prints = Run(TestPlans.Parse(SarifWriter.ToSarif(diagnostics, "1.0.0"))).GetProperty("results").EnumerateArray()
                .Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifWriter.FingerprintKey).GetString()!).ToList();
            var hash = SarifWriter.FindingHash(diagnostics[0], "p.tpm");
            prints.Should().Equal(hash + ":1", hash + ":2");
        }

        [Fact]
        public void The_run_says_it_ran_and_names_its_category_only_when_given_one()
        {
            var run = Run(BrokenLog());
            run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().Should().BeTrue();
            run.TryGetProperty("automationDetails", out _).Should().BeFalse();
            run.TryGetProperty("originalUriBaseIds", out _).Should().BeFalse();
            run.GetProperty("columnKind").GetString().Should().Be("utf16CodeUnits");

            var named = Run(TestPlans.Parse(SarifWriter.ToSarif(TestPlans.Compile(TestPlans.Broken).Diagnostics, "1.0.0", new SarifOptions { Category = "tpm/plans" })));
            named.GetProperty("automationDetails").GetProperty("id").GetString().Should().Be("tpm/plans/");
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

        [Theory]
        [InlineData("C:/plan.tpm", "C%3A/plan.tpm")]
        [InlineData("c:", "c%3A")]
        [InlineData("my plans/a #1%.tpm", "my%20plans/a%20%231%25.tpm")]
        [InlineData("計画/x.tpm", "%E8%A8%88%E7%94%BB/x.tpm")]
        public void A_root_relative_path_is_a_relative_uri_even_when_its_first_folder_looks_like_a_drive(string relative, string expected)
        {
            // On Linux "C:" is a folder name like any other: the location stays relative to %SRCROOT%, never file:///C:/.
            SarifWriter.ToRelativeUri(relative).Should().Be(expected);
            var source = new SourceText("/repo/" + relative, "program p \"P\" { }\n");
            var d = new Diagnostic(DiagnosticCatalog.SyntaxError, DiagnosticSeverity.Error, "m", new SourceLocation(source, new TextSpan(0, 7)));
            var options = new SarifOptions { SourceRootUri = "file:///repo/", RelativePath = p => p.Substring("/repo/".Length) };
            var location = Run(TestPlans.Parse(SarifWriter.ToSarif(new[] { d }, "1.0.0", options))).GetProperty("results")[0]
                .GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            location.GetProperty("uri").GetString().Should().Be(expected);
            Uri.TryCreate(expected, UriKind.Relative, out var uri).Should().BeTrue();
            new Uri(new Uri("file:///repo/"), uri!).AbsolutePath.Should().StartWith("/repo/");
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
