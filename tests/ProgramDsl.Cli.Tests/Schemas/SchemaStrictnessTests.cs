using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Schemas
{
    /// <summary>
    /// The schemas say something: each is a valid draft 2020-12 schema, and a real document made wrong in one place (a
    /// required member missing, a wrong type, a date or a code out of pattern, a value outside its enum or range, a
    /// condition broken) fails it. The published schedule, diagnostics, status and forecast schemas accept a member they do
    /// not list (format 1 may add fields); read closed, as the output tests read them, they do not.
    /// </summary>
    public class SchemaStrictnessTests
    {
        /// <summary>A real document of each kind, made once by the CLI: each fills the parts the cases below break.</summary>
        private static readonly Lazy<IReadOnlyDictionary<string, string>> Documents = new Lazy<IReadOnlyDictionary<string, string>>(() =>
        {
            const string plan = "examples/ml-platform/program.tpm";
            string Out(params string[] args)
            {
                var result = Tpm.Run(RepositoryPaths.Root, args);
                result.ExitCode.Should().Be(0, result.ToString());
                return result.Out;
            }

            using var temp = new TempFolder();
            temp.Write("old.tpm", Plans.Valid);
            temp.Write("new.tpm", Plans.Valid.Replace("{ duration 2d  after data.collect }", "{ duration 5d  after data.collect }"));
            var diff = Tpm.Run(temp.Path, "diff", "old.tpm", "new.tpm", "--format", "json");
            var check = Tpm.Run(RepositoryPaths.Root, "check", "examples/errors/TPM1001.tpm", "--format", "json");
            // Not leveled together, so that the two programs over-book Ana and the document lists diagnostics (TPM2103).
            using var portfolio = PortfolioCommandTests.Prepare();
            var portfolioSchedule = Tpm.Run(portfolio.Path, "schedule", "portfolio.tpm", "--format", "json", "--no-level");
            return new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [JsonSchemas.Schedule] = Out("schedule", plan, "--format", "json"),
                [JsonSchemas.Status] = Out("status", plan, "--format", "json"),
                [JsonSchemas.Forecast] = Out("forecast", plan, "--format", "json", "--iterations", "50", "--calibrate"),
                [JsonSchemas.Diagnostics] = check.Out,
                [JsonSchemas.Diff] = diff.Out,
                [JsonSchemas.Portfolio] = portfolioSchedule.Out,
                [JsonSchemas.Baseline] = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "ml-platform", "program.baseline.q1.json")),
            };
        });

        /// <summary>Schema, JSON pointer of the member, and what to do: remove it, or set it to a JSON value.</summary>
        public static TheoryData<string, string, string?> Breakages => new TheoryData<string, string, string?>
        {
            { JsonSchemas.Schedule, "/format_version", null },
            { JsonSchemas.Schedule, "/format_version", "2" },
            { JsonSchemas.Schedule, "/program/finish", null },
            { JsonSchemas.Schedule, "/program/leveled", "\"yes\"" },
            { JsonSchemas.Schedule, "/tasks/0/start", "\"2027-1-4\"" },
            { JsonSchemas.Schedule, "/tasks/0/start", "\"2027-13-04\"" },
            { JsonSchemas.Schedule, "/tasks/0/duration_days", "\"3\"" },
            { JsonSchemas.Schedule, "/tasks/0/total_float_days", "-1" },
            { JsonSchemas.Schedule, "/tasks/0/kind", "\"phase\"" },
            { JsonSchemas.Schedule, "/tasks/0/assigned", "\"ana\"" },
            { JsonSchemas.Schedule, "/tasks/0/baseline_start", null },
            { JsonSchemas.Schedule, "/baseline", null },
            { JsonSchemas.Schedule, "/critical_path/0", "\"two words\"" },
            { JsonSchemas.Schedule, "/workstreams/0/cost", "null" },
            { JsonSchemas.Schedule, "/diagnostics/0/severity", "\"fatal\"" },
            { JsonSchemas.Diagnostics, "/format_version", null },
            { JsonSchemas.Diagnostics, "/errors", null },
            { JsonSchemas.Diagnostics, "/warnings", "-1" },
            { JsonSchemas.Diagnostics, "/diagnostics/0/code", "\"E1001\"" },
            { JsonSchemas.Diagnostics, "/diagnostics/0/line", "\"9\"" },
            { JsonSchemas.Diagnostics, "/diagnostics/0/line", "0" },
            { JsonSchemas.Diagnostics, "/diagnostics/0/file", "null" },
            { JsonSchemas.Diagnostics, "/diagnostics/0/help", null },
            { JsonSchemas.Diagnostics, "/diagnostics", "{}" },
            { JsonSchemas.Status, "/format_version", "\"1\"" },
            { JsonSchemas.Status, "/program/bac", null },
            { JsonSchemas.Status, "/program/bac", "null" },
            { JsonSchemas.Status, "/program/status_date", "\"15 Jan 2027\"" },
            { JsonSchemas.Status, "/tasks/0/state", "\"done\"" },
            { JsonSchemas.Status, "/tasks/0/standing", "\"late\"" },
            { JsonSchemas.Status, "/tasks/0/planned_percent", "120" },
            { JsonSchemas.Status, "/tasks/0/measured_against", null },
            { JsonSchemas.Status, "/tasks/0/spi", "\"1\"" },
            { JsonSchemas.Status, "/baseline/removed", "[{\"id\": \"x\"}]" },
            { JsonSchemas.Status, "/behind", "null" },
            { JsonSchemas.Forecast, "/format_version", null },
            { JsonSchemas.Forecast, "/program/p80", null },
            { JsonSchemas.Forecast, "/program/iterations", "0" },
            { JsonSchemas.Forecast, "/program/deadline_probability", "null" },
            { JsonSchemas.Forecast, "/milestones/0/p50", "\"2027-02\"" },
            { JsonSchemas.Forecast, "/milestones/0/due_probability", "\"0.7\"" },
            { JsonSchemas.Forecast, "/tasks/0/criticality", "1.5" },
            { JsonSchemas.Forecast, "/drivers/0/kind", "\"other\"" },
            { JsonSchemas.Forecast, "/calibration/scope", "\"team\"" },
            { JsonSchemas.Forecast, "/calibration/groups/0/sigma", null },
            { JsonSchemas.Forecast, "/calibration", "{}" },
            { JsonSchemas.Diff, "/is_empty", null },
            { JsonSchemas.Diff, "/finish_slip_days", "\"4\"" },
            { JsonSchemas.Portfolio, "/format_version", "2" },
            { JsonSchemas.Portfolio, "/portfolio/leveled_together", "\"no\"" },
            { JsonSchemas.Portfolio, "/portfolio/seed", "3" },
            { JsonSchemas.Portfolio, "/programs/0/priority", "0" },
            { JsonSchemas.Portfolio, "/programs/0/priority", "1001" },
            { JsonSchemas.Portfolio, "/programs/0/finish", "\"2027-3-5\"" },
            { JsonSchemas.Portfolio, "/programs/0/margin_days", "\"5\"" },
            { JsonSchemas.Portfolio, "/programs/1/waits", null },
            { JsonSchemas.Portfolio, "/shared/0/kind", "\"robot\"" },
            { JsonSchemas.Portfolio, "/shared/0/programs", "[]" },
            { JsonSchemas.Portfolio, "/diagnostics/0/severity", "\"fatal\"" },
            { JsonSchemas.Baseline, "/name", null },
            { JsonSchemas.Baseline, "/tasks/0/kind", "\"phase\"" },
        };

        [Theory]
        [MemberData(nameof(Breakages))]
        public void A_document_broken_in_one_place_fails_its_schema(string schema, string pointer, string? value)
        {
            var document = JsonNode.Parse(Documents.Value[schema])!;
            JsonSchemas.Problems(document, JsonSchemas.Get(schema, closed: false)).Should().BeEmpty("the document is valid before it is broken");

            Break(document, pointer, value);

            JsonSchemas.Problems(document, JsonSchemas.Get(schema, closed: false)).Should().NotBeEmpty(
                (value is null ? "without " + pointer : pointer + " = " + value) + " the document is not a " + schema + " document");
        }

        public static TheoryData<string> OpenSchemas => new TheoryData<string> { JsonSchemas.Schedule, JsonSchemas.Diagnostics, JsonSchemas.Status, JsonSchemas.Forecast, JsonSchemas.Portfolio };

        [Theory]
        [MemberData(nameof(OpenSchemas))]
        public void A_member_the_schema_does_not_list_is_allowed_as_published_and_refused_when_read_closed(string schema)
        {
            var document = JsonNode.Parse(Documents.Value[schema])!.AsObject();
            document["added_later"] = 1;
            document["diagnostics"]![0]!.AsObject()["added_later"] = true;

            JsonSchemas.Problems(document, JsonSchemas.Get(schema, closed: false)).Should().BeEmpty("format 1 may gain fields");
            JsonSchemas.Problems(document, JsonSchemas.Get(schema, closed: true)).Should().Contain(p => p.StartsWith("/added_later: ", StringComparison.Ordinal))
                .And.Contain(p => p.StartsWith("/diagnostics/0/added_later: ", StringComparison.Ordinal));
        }

        [Fact]
        public void The_closed_and_strict_schemas_refuse_an_unknown_member()
        {
            foreach (var schema in new[] { JsonSchemas.Diff, JsonSchemas.Baseline })
            {
                var document = JsonNode.Parse(Documents.Value[schema])!.AsObject();
                document["added_later"] = 1;
                JsonSchemas.Problems(document, JsonSchemas.Get(schema, closed: false)).Should().NotBeEmpty(schema + " is closed as published");
            }
        }

        public static TheoryData<string> AllSchemas()
        {
            var data = new TheoryData<string>();
            foreach (var name in JsonSchemas.All) data.Add(name);
            return data;
        }

        [Theory]
        [MemberData(nameof(AllSchemas))]
        public void Each_schema_is_a_draft_2020_12_schema_whose_references_resolve(string schema)
        {
            var node = JsonSchemas.Read(schema);
            node["$schema"]!.GetValue<string>().Should().Be("https://json-schema.org/draft/2020-12/schema");
            MetaSchemas.Draft202012.Evaluate(node, new EvaluationOptions { OutputFormat = OutputFormat.List }).IsValid.Should().BeTrue();

            var defs = node["$defs"]?.AsObject().Select(d => d.Key).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>();
            var references = Descendants(node).OfType<JsonObject>().Where(o => o.ContainsKey("$ref")).Select(o => o["$ref"]!.GetValue<string>()).ToList();
            references.Should().OnlyContain(r => r.StartsWith("#/$defs/", StringComparison.Ordinal) && defs.Contains(r.Substring("#/$defs/".Length)),
                "each schema stands alone: its references are to its own definitions");
            var types = Descendants(node).OfType<JsonObject>().Where(o => o["type"] is JsonValue t && t.ToJsonString() == "\"object\"").ToList();
            types.Should().NotBeEmpty();
        }

        [Fact]
        public void The_diagnostic_object_is_one_definition_in_every_schema_that_lists_diagnostics()
        {
            var reference = JsonSchemas.Read(JsonSchemas.Diagnostics)["$defs"]!["diagnostic"]!;
            foreach (var schema in new[] { JsonSchemas.Schedule, JsonSchemas.Status, JsonSchemas.Forecast, JsonSchemas.Portfolio })
            {
                JsonNode.DeepEquals(JsonSchemas.Read(schema)["$defs"]!["diagnostic"], reference).Should().BeTrue(schema + " copies diagnostics.schema.json's diagnostic as it is");
                JsonNode.DeepEquals(JsonSchemas.Read(schema)["$defs"]!["positionOrNull"], JsonSchemas.Read(JsonSchemas.Diagnostics)["$defs"]!["positionOrNull"]).Should().BeTrue();
            }
        }

        [Fact]
        public void The_schemas_folder_lists_every_schema()
        {
            var readme = File.ReadAllText(Path.Combine(JsonSchemas.Folder, "README.md"));
            foreach (var schema in JsonSchemas.All) readme.Should().Contain("(" + schema + ".schema.json)", "docs/schemas/README.md links " + schema);
        }

        private static void Break(JsonNode document, string pointer, string? value)
        {
            var parts = pointer.Split('/').Skip(1).ToArray();
            var parent = parts.Take(parts.Length - 1).Aggregate(document, (node, part) =>
                (node is JsonArray array ? array[int.Parse(part)] : node[part]) ?? throw new InvalidOperationException(pointer + ": no " + part));
            var last = parts[parts.Length - 1];
            if (parent is JsonArray list)
            {
                int index = int.Parse(last);
                index.Should().BeLessThan(list.Count, pointer + " is in the document");
                if (value is null) list.RemoveAt(index);
                else list[index] = JsonNode.Parse(value);
                return;
            }

            var obj = parent.AsObject();
            obj.ContainsKey(last).Should().BeTrue(pointer + " is in the document");
            if (value is null) obj.Remove(last);
            else obj[last] = JsonNode.Parse(value);
        }

        private static IEnumerable<JsonNode> Descendants(JsonNode root)
        {
            var work = new Stack<JsonNode>();
            work.Push(root);
            while (work.Count > 0)
            {
                var node = work.Pop();
                yield return node;
                if (node is JsonObject o) foreach (var m in o) if (m.Value != null) work.Push(m.Value);
                if (node is JsonArray a) foreach (var i in a) if (i != null) work.Push(i);
            }
        }
    }
}
