using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProgramDsl.Comparison;
using ProgramDsl.Reports.Diff;
using ProgramDsl.Scheduling;
using ProgramDsl.Tests.Comparison;

namespace ProgramDsl.Reports.Tests.Diff
{
    /// <summary>
    /// The JSON diff against its documented schema, docs/schemas/diff.schema.json, checked with the keywords the schema
    /// uses (type, const, enum, minimum, pattern, properties, required, additionalProperties, items, oneOf, $ref): a
    /// property the writer adds or drops without the schema, or a wrong type, fails.
    /// </summary>
    public class DiffSchemaTests
    {
        private static readonly Lazy<JsonElement> Schema = new Lazy<JsonElement>(() =>
            TestPlans.Parse(File.ReadAllText(Path.Combine(ArtefactPlans.RepositoryRoot, "docs", "schemas", "diff.schema.json"))));

        public static IEnumerable<object[]> Diffs()
        {
            var old = DiffPlans.Old;
            // Review for ana on day 0, when she collects: with leveling off an over-allocation, with it a delay.
            var doubleBooked = DiffPlans.New.Replace("task review \"Review\" { duration 1d  after docs }", "task review \"Review\" { duration 1d  assign ana }");
            yield return new object[] { "demo pair", DiffPlans.New, null!, "added" };
            yield return new object[] { "no change", old, null!, null! };
            yield return new object[] { "new side with errors", old.Replace("after data.collect  due", "after data.nothing  due"), null!, "diagnostics.introduced" };
            yield return new object[] { "with a forecast", DiffPlans.New.Replace("effort 4d  assign bo", "estimate 3d 4d 9d  assign bo"), 50, "reestimated" };
            yield return new object[] { "conflicts, leveling off", doubleBooked.Replace("  currency EUR\n", "  currency EUR\n  leveling off\n"), null!, "resource_conflicts.introduced" };
            yield return new object[] { "leveling delays", doubleBooked, null!, "resource_conflicts.delays" };
        }

        [Theory]
        [MemberData(nameof(Diffs))]
        public void The_json_diff_follows_its_schema(string name, string @new, int? iterations, string? nonEmpty)
        {
            var diff = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(@new), new PlanDiffOptions { ForecastIterations = iterations, ForecastThreads = 1 });
            var json = TestPlans.Parse(DiffJson.Write(diff));
            Validate(json, Schema.Value).Should().BeEmpty(name);
            if (iterations != null) json.GetProperty("forecast").GetProperty("iterations").GetInt32().Should().Be(50);
            else json.GetProperty("forecast").ValueKind.Should().Be(JsonValueKind.Null);

            // The case exercises the part of the schema it is named for.
            if (nonEmpty != null)
            {
                var list = nonEmpty.Split('.').Aggregate(json, (e, p) => e.GetProperty(p));
                list.GetArrayLength().Should().BePositive(nonEmpty);
            }
        }

        [Fact]
        public void The_check_finds_a_missing_an_extra_and_a_mistyped_property()
        {
            var diff = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(DiffPlans.New));
            var text = DiffJson.Write(diff)
                .Replace("\"is_empty\": false,", "")
                .Replace("\"finish_slip_days\": 4,", "\"finish_slip_days\": \"4\", \"extra\": 1,");
            Validate(TestPlans.Parse(text), Schema.Value).Should().BeEquivalentTo(
                "$: required 'is_empty' missing", "$.extra: not allowed", "$.finish_slip_days: expected integer, found String");
        }

        /// <summary>The schema's violations by the instance, as "path: problem".</summary>
        private static List<string> Validate(JsonElement instance, JsonElement schema)
        {
            var errors = new List<string>();
            var work = new Stack<(JsonElement Instance, JsonElement Schema, string Path)>();
            work.Push((instance, schema, "$"));
            while (work.Count > 0)
            {
                var (value, s, path) = work.Pop();
                if (s.TryGetProperty("$ref", out var reference))
                {
                    var name = reference.GetString()!;
                    name.Should().StartWith("#/$defs/");
                    s = Schema.Value.GetProperty("$defs").GetProperty(name.Substring("#/$defs/".Length));
                }

                if (s.TryGetProperty("type", out var type))
                {
                    var types = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : new List<string> { type.GetString()! };
                    if (!types.Any(t => Is(value, t)))
                    {
                        errors.Add(path + ": expected " + string.Join("|", types) + ", found " + value.ValueKind);
                        continue;
                    }
                }

                if (s.TryGetProperty("const", out var constant) && value.GetRawText() != constant.GetRawText()) errors.Add(path + ": expected " + constant.GetRawText());
                if (s.TryGetProperty("enum", out var choices) && !choices.EnumerateArray().Any(c => c.GetRawText() == value.GetRawText())) errors.Add(path + ": not one of " + choices.GetRawText());
                if (s.TryGetProperty("minimum", out var minimum) && value.ValueKind == JsonValueKind.Number && value.GetDecimal() < minimum.GetDecimal()) errors.Add(path + ": below " + minimum);
                if (s.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, pattern.GetString()!)) errors.Add(path + ": does not match " + pattern);
                if (s.TryGetProperty("oneOf", out var oneOf))
                {
                    int matches = oneOf.EnumerateArray().Count(branch => Validate(value, branch).Count == 0);
                    if (matches != 1) errors.Add(path + ": matches " + matches + " of oneOf");
                }

                if (value.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var properties))
                {
                    if (s.TryGetProperty("required", out var required))
                    {
                        foreach (var r in required.EnumerateArray()) if (!value.TryGetProperty(r.GetString()!, out _)) errors.Add(path + ": required '" + r.GetString() + "' missing");
                    }

                    bool closed = s.TryGetProperty("additionalProperties", out var additional) && additional.ValueKind == JsonValueKind.False;
                    foreach (var p in value.EnumerateObject())
                    {
                        if (properties.TryGetProperty(p.Name, out var sub)) work.Push((p.Value, sub, path + "." + p.Name));
                        else if (closed) errors.Add(path + "." + p.Name + ": not allowed");
                    }
                }

                if (value.ValueKind == JsonValueKind.Array && s.TryGetProperty("items", out var items))
                {
                    int i = 0;
                    foreach (var item in value.EnumerateArray()) work.Push((item, items, path + "[" + i++ + "]"));
                }
            }

            return errors;
        }

        private static bool Is(JsonElement value, string type) => type switch
        {
            "object" => value.ValueKind == JsonValueKind.Object,
            "array" => value.ValueKind == JsonValueKind.Array,
            "string" => value.ValueKind == JsonValueKind.String,
            "boolean" => value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False,
            "null" => value.ValueKind == JsonValueKind.Null,
            "number" => value.ValueKind == JsonValueKind.Number,
            "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
            _ => throw new ArgumentException("type " + type + " is not handled by this check"),
        };
    }
}
