using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>A fact that needs node on the PATH: skipped, with the reason, on a machine without it.</summary>
    public sealed class NodeFactAttribute : FactAttribute
    {
        public NodeFactAttribute()
        {
            if (MermaidParser.NodePath is null) Skip = "node is not on the PATH: the Mermaid diagram is not checked with mermaid's own parser";
        }
    }

    /// <summary>One task as mermaid read it.</summary>
    public sealed record MermaidTask(
        string Id, string Name, string Section, string Start, string End, bool Crit, bool Done, bool Active, bool Milestone, bool Vert);

    /// <summary>What mermaid made of a diagram.</summary>
    public sealed record MermaidDiagram(string Title, IReadOnlyList<string> Excludes, string TodayMarker, IReadOnlyList<MermaidTask> Tasks);

    /// <summary>
    /// Runs mermaid's own gantt parser (npm package, in tests/ProgramDsl.Reports.Tests/mermaid) on a diagram under node,
    /// through mermaid/check.mjs, and returns what it understood.
    /// </summary>
    public static class MermaidParser
    {
        private static readonly Lazy<string?> LazyNode = new Lazy<string?>(FindNode);

        /// <summary>The node executable, or null when there is none on the PATH.</summary>
        public static string? NodePath => LazyNode.Value;

        public static string Folder => Path.Combine(ArtefactPlans.RepositoryRoot, "tests", "ProgramDsl.Reports.Tests", "mermaid");

        /// <summary>Parses one diagram; throws with mermaid's message when mermaid rejects it.</summary>
        public static MermaidDiagram Parse(string diagram) => ParseAll(new[] { diagram })[0];

        /// <summary>
        /// Parses diagrams in one node run (loading mermaid takes seconds); throws with mermaid's message when it
        /// rejects any of them.
        /// </summary>
        public static IReadOnlyList<MermaidDiagram> ParseAll(IReadOnlyList<string> diagrams)
        {
            var node = NodePath ?? throw new InvalidOperationException("node is not on the PATH");
            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "mermaid")))
            {
                throw new InvalidOperationException(
                    "mermaid is not installed: run `npm ci` in " + Folder + " (tests/run.sh does it when node is present)");
            }

            var folder = Path.Combine(Path.GetTempPath(), "tpm-gantt-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var start = new ProcessStartInfo(node)
                {
                    WorkingDirectory = Folder,
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                start.ArgumentList.Add("check.mjs");
                for (int i = 0; i < diagrams.Count; i++)
                {
                    var file = Path.Combine(folder, i + ".mmd");
                    File.WriteAllText(file, diagrams[i]);
                    start.ArgumentList.Add(file);
                }

                using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start node");
                var error = process.StandardError.ReadToEndAsync();
                var output = process.StandardOutput.ReadToEnd();
                if (!process.WaitForExit(180_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("mermaid took more than three minutes to parse the diagrams");
                }

                if (process.ExitCode != 0) throw new InvalidOperationException("node check.mjs failed: " + error.Result.Trim());
                using var document = JsonDocument.Parse(output);
                var results = document.RootElement.EnumerateArray().ToList();
                results.Should().HaveCount(diagrams.Count);
                return results.Select((r, i) => r.TryGetProperty("error", out var message)
                    ? throw new InvalidOperationException(message.GetString() + "\n--- diagram ---\n" + diagrams[i])
                    : Read(r)).ToList();
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        private static MermaidDiagram Read(JsonElement root)
        {
            root.GetProperty("type").GetString().Should().Be("gantt");
            var tasks = root.GetProperty("tasks").EnumerateArray().Select(t => new MermaidTask(
                t.GetProperty("id").GetString()!,
                t.GetProperty("name").GetString()!,
                t.GetProperty("section").GetString()!,
                t.GetProperty("start").GetString()!,
                t.GetProperty("end").GetString()!,
                t.GetProperty("crit").GetBoolean(),
                t.GetProperty("done").GetBoolean(),
                t.GetProperty("active").GetBoolean(),
                t.GetProperty("milestone").GetBoolean(),
                t.GetProperty("vert").GetBoolean())).ToList();
            return new MermaidDiagram(
                root.GetProperty("title").GetString()!,
                root.GetProperty("excludes").EnumerateArray().Select(e => e.GetString()!).ToList(),
                root.GetProperty("todayMarker").GetString()!,
                tasks);
        }

        private static string? FindNode()
        {
            var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : new[] { "node" };
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                foreach (var name in names)
                {
                    var path = Path.Combine(dir, name);
                    if (File.Exists(path)) return path;
                }
            }

            return null;
        }
    }
}
