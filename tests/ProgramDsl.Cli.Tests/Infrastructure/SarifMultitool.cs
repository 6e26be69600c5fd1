using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>A fact that needs the SARIF multitool: skipped, with the reason, where it cannot run (not Linux, no node/npm).</summary>
    public sealed class SarifMultitoolFactAttribute : FactAttribute
    {
        public SarifMultitoolFactAttribute()
        {
            if (SarifMultitool.SkipReason is string reason) Skip = reason;
        }
    }

    /// <summary>
    /// Microsoft's SARIF multitool (npm <c>@microsoft/sarif-multitool-linux</c>, installed by <c>npm ci</c> in
    /// tests/ProgramDsl.Cli.Tests/sarif, which tests/run.sh does) and the SARIF 2.1.0 JSON schema it ships.
    /// </summary>
    public static class SarifMultitool
    {
        public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "ProgramDsl.Cli.Tests", "sarif");

        private static string Package => Path.Combine(Folder, "node_modules", "@microsoft", "sarif-multitool-linux");

        /// <summary>The schema file the multitool validates with (SARIF 2.1.0).</summary>
        public static string SchemaPath => Path.Combine(Package, "sarif-2.1.0.json");

        /// <summary>Why the multitool cannot run here, or null. Where node is present the package must be installed: a missing one fails.</summary>
        public static string? SkipReason =>
            !OperatingSystem.IsLinux() ? "the SARIF multitool package is built for Linux only"
            : !OnPath("npm") ? "npm is not on the PATH: the SARIF multitool cannot be installed, so the SARIF is not validated with it"
            : null;

        /// <summary>
        /// Validates SARIF files with the SARIF 2.1.0 schema and the SARIF and GitHub code-scanning rule sets
        /// (<c>validate --rule-kind "Gh;Sarif" --level "Error;Warning"</c>) in one run, and returns what it reported for
        /// each file ("GH2012 error: …"), errors and warnings only.
        /// </summary>
        public static IReadOnlyDictionary<string, IReadOnlyList<string>> Validate(IReadOnlyList<string> files)
        {
            var executable = Path.Combine(Package, "Sarif.Multitool");
            if (!File.Exists(executable))
            {
                throw new InvalidOperationException("the SARIF multitool is not installed: run `npm ci` in " + Folder + " (tests/run.sh does it)");
            }

            var output = Path.Combine(Path.GetTempPath(), "tpm-sarif-validation-" + Guid.NewGuid().ToString("N") + ".sarif");
            var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // The files first: the list options after them would take them as their own values.
            start.ArgumentList.Add("validate");
            foreach (var file in files) start.ArgumentList.Add(file);
            foreach (var arg in new[] { "--rule-kind", "Gh;Sarif", "--level", "Error;Warning", "--output", output, "--log", "ForceOverwrite" }) start.ArgumentList.Add(arg);
            try
            {
                using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start the SARIF multitool");
                var error = process.StandardError.ReadToEndAsync();
                var console = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(180_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("the SARIF multitool took more than three minutes");
                }

                if (!File.Exists(output)) throw new InvalidOperationException("the SARIF multitool wrote no log:\n" + console + error.Result);
                using var log = JsonDocument.Parse(File.ReadAllText(output));
                var run = log.RootElement.GetProperty("runs")[0];
                run.GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean().Should().BeTrue(console);
                var found = files.ToDictionary(f => Path.GetFullPath(f), f => new List<string>());
                foreach (var result in run.GetProperty("results").EnumerateArray())
                {
                    var uri = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;
                    var file = new Uri(uri).LocalPath;
                    var message = result.GetProperty("message");
                    var text = message.TryGetProperty("text", out var t) ? t.GetString()
                        : message.GetProperty("id").GetString() + " " + string.Join(", ", message.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
                    found[file].Add(result.GetProperty("ruleId").GetString() + " " + result.GetProperty("level").GetString() + ": " + text);
                }

                return files.ToDictionary(f => f, f => (IReadOnlyList<string>)found[Path.GetFullPath(f)]);
            }
            finally
            {
                File.Delete(output);
            }
        }

        /// <summary>
        /// The errors of a SARIF text against the multitool's SARIF 2.1.0 schema, checked here too: the multitool reports
        /// nothing at all for a log it cannot deserialize (a string where a number belongs), so it alone would let such a log pass.
        /// </summary>
        public static IReadOnlyList<string> SchemaErrors(string sarif)
        {
            var results = Schema.Value.Evaluate(JsonNode.Parse(sarif), new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (results.IsValid) return Array.Empty<string>();
            return (results.Details ?? new List<EvaluationResults>())
                .Where(d => d.HasErrors)
                .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))
                .DefaultIfEmpty("invalid")
                .ToList();
        }

        private static readonly Lazy<JsonSchema> Schema = new Lazy<JsonSchema>(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));

        private static bool OnPath(string name) =>
            (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, name)));
    }
}
