using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Schemas
{
    /// <summary>
    /// The published JSON Schemas of docs/schemas/, read and applied with JsonSchema.Net (draft 2020-12). The schedule,
    /// diagnostics, status and forecast schemas leave their objects open, because format 1 may gain fields; the tests
    /// apply them <see cref="Closed"/> as well, so a field the writers add without documenting it fails.
    /// </summary>
    public static class JsonSchemas
    {
        public const string Schedule = "schedule";
        public const string Diagnostics = "diagnostics";
        public const string Status = "status";
        public const string Forecast = "forecast";
        public const string Diff = "diff";
        public const string Baseline = "baseline";
        public const string Portfolio = "portfolio";
        public const string PortfolioForecast = "portfolio-forecast";

        /// <summary>Every schema under docs/schemas/, by its name without <c>.schema.json</c>.</summary>
        public static IReadOnlyList<string> All => Directory.EnumerateFiles(Folder, "*.schema.json")
            .Select(f => Path.GetFileName(f).Substring(0, Path.GetFileName(f).Length - ".schema.json".Length))
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();

        public static string Folder => Path.Combine(RepositoryPaths.Root, "docs", "schemas");

        public static string PathOf(string name) => Path.Combine(Folder, name + ".schema.json");

        private static readonly ConcurrentDictionary<(string, bool), JsonSchema> Cache = new ConcurrentDictionary<(string, bool), JsonSchema>();

        /// <summary>The schema's text as a node tree.</summary>
        public static JsonObject Read(string name) => JsonNode.Parse(File.ReadAllText(PathOf(name)))!.AsObject();

        /// <summary>
        /// The schema with every record closed: each subschema that says <c>"type": "object"</c> and lists
        /// <c>properties</c> without saying <c>additionalProperties</c> gets <c>"additionalProperties": false</c>. The
        /// conditions (<c>if</c>/<c>then</c>/<c>else</c>) name no type and stay as they are.
        /// </summary>
        public static JsonObject Closed(JsonObject schema)
        {
            var copy = schema.DeepClone().AsObject();
            // A distinct $id: the registry must not take the closed reading for the published one.
            if (copy["$id"] is JsonNode id) copy["$id"] = id.GetValue<string>().Replace("/docs/schemas/", "/docs/schemas/closed/");
            var work = new Stack<JsonNode?>();
            work.Push(copy);
            while (work.Count > 0)
            {
                switch (work.Pop())
                {
                    case JsonObject o:
                        if (o["type"] is JsonValue type && type.TryGetValue<string>(out var t) && t == "object" && o.ContainsKey("properties") && !o.ContainsKey("additionalProperties"))
                        {
                            o["additionalProperties"] = false;
                        }

                        foreach (var member in o.ToList()) work.Push(member.Value);
                        break;
                    case JsonArray a:
                        foreach (var item in a) work.Push(item);
                        break;
                }
            }

            return copy;
        }

        /// <summary>The published schema, or its closed reading.</summary>
        public static JsonSchema Get(string name, bool closed = true) =>
            Cache.GetOrAdd((name, closed), key => JsonSchema.FromText((key.Item2 ? Closed(Read(key.Item1)) : Read(key.Item1)).ToJsonString()));

        /// <summary>
        /// What is wrong with <paramref name="json"/> against the schema, as "instance location: keyword: message"; empty
        /// when valid. Conditions that did not hold (<c>if</c>) are not problems and are left out; the branches of a
        /// <c>oneOf</c> that did not match are listed beside the one that should have.
        /// </summary>
        public static IReadOnlyList<string> Problems(string json, string name, bool closed = true) => Problems(JsonNode.Parse(json), Get(name, closed));

        public static IReadOnlyList<string> Problems(JsonNode? instance, JsonSchema schema)
        {
            var result = schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid) return Array.Empty<string>();
            var problems = (result.Details ?? Array.Empty<EvaluationResults>()).Append(result)
                .Where(d => !d.IsValid && d.Errors != null && !d.EvaluationPath.ToString().Contains("/if", StringComparison.Ordinal))
                .SelectMany(d => d.Errors!.Select(e => (d.InstanceLocation.ToString() is var at && at.Length > 0 ? at : "/") + ": " + e.Key + ": " + e.Value))
                .Distinct()
                .ToList();
            return problems.Count > 0 ? problems : new[] { "/: invalid (no message)" };
        }
    }
}
