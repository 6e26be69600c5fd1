using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ProgramDsl.Benchmarks.Lsp
{
    /// <summary>
    /// Latency and memory of the real <c>tpm lsp</c> process, driven over stdio as an editor drives it: diagnostics after
    /// an edit (ml-platform and a generated plan), hover and completion on the generated plan (idle and while a compile
    /// runs), and the server's resident set over a thousand edits. Each edit changes the diagnostics (it alternately
    /// introduces and fixes an unknown reference), so the publish that answers it is known.
    /// </summary>
    internal static class LspBenchmark
    {
        public const string Usage =
            "  lsp [--tpm PATH] [--runs N] [--tasks T] [--edits E] [--dir DIR] [--skip-small] [--skip-large] [--skip-memory]\n" +
            "                               latency of the real 'tpm lsp' over stdio: diagnostics after an edit on ml-platform and a\n" +
            "                               generated T-task plan (default 5000), hover and completion on that plan (idle and during\n" +
            "                               a compile), RSS over E edits of ml-platform (default 1000); N repetitions (default 30);\n" +
            "                               tpm defaults to src/ProgramDsl.Cli/bin/Release/net10.0/tpm.dll";

        private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
        private const string Bogus = "zzq";

        public static int Run(string[] args)
        {
#pragma warning disable VSTHRD002 // a console entry point: no synchronization context
            return RunAsync(args).GetAwaiter().GetResult();
#pragma warning restore VSTHRD002
        }

        private static async Task<int> RunAsync(string[] args)
        {
            int runs = Options.Int(args, "--runs", 30);
            int tasks = Options.Int(args, "--tasks", 5000);
            int edits = Options.Int(args, "--edits", 1000);
            var root = FindRepositoryRoot();
            var tpm = Options.Value(args, "--tpm") ?? (root is null ? null : Path.Combine(root, "src", "ProgramDsl.Cli", "bin", "Release", "net10.0", "tpm.dll"));
            if (tpm is null || !File.Exists(tpm))
            {
                Console.Error.WriteLine("tpm not found (" + (tpm ?? "no repository above the current folder") + "): build src/ProgramDsl.Cli in Release or pass --tpm PATH (tpm.dll or the apphost)");
                return 2;
            }

            tpm = Path.GetFullPath(tpm);
            var dir = Options.Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "tpm-bench-lsp");
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Console.WriteLine("tpm lsp: " + tpm + "; " + runs + " runs; " + Machine());
            Console.WriteLine("load average before: " + LoadAverage());
            var rows = new List<string>();
            var notes = new List<string>();

            // ml-platform: its own workspace (a folder with .git, the workspace rule's root) and its own server.
            var small = Path.Combine(dir, "small");
            Directory.CreateDirectory(Path.Combine(small, ".git"));
            // Laid out as in the repository: the example includes the people and pool it shares from examples/portfolio/shared.
            var smallFolder = Directory.CreateDirectory(Path.Combine(small, "examples", "ml-platform")).FullName;
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root ?? ".", "examples", "ml-platform")).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) File.Copy(file, Path.Combine(smallFolder, Path.GetFileName(file)));
            File.Copy(Path.Combine(root ?? ".", "examples", "portfolio", "shared", "org.tpm"), Path.Combine(Directory.CreateDirectory(Path.Combine(small, "examples", "portfolio", "shared")).FullName, "org.tpm"));
            var smallPlan = Path.Combine(smallFolder, "program.tpm");
            if (!Options.Flag(args, "--skip-small"))
            {
                await using (var server = await LspSession.StartAsync(tpm, small).ConfigureAwait(false))
                {
                    var text = File.ReadAllText(smallPlan);
                    var edit = EditPoint.Find(text, 0.0);
                    await server.OpenAsync(smallPlan, text).ConfigureAwait(false);
                    await server.ScheduleAsync(smallPlan).ConfigureAwait(false);
                    // Warm-up: the JIT compiles the server's paths on the first edits.
                    var warm = new EditLoop(server, smallPlan, edit);
                    for (int i = 0; i < 20; i++) await warm.EditAsync(untilIdle: true).ConfigureAwait(false);
                    var loop = new EditLoop(server, smallPlan, edit);
                    var cpu = server.CpuTime();
                    for (int i = 0; i < 2 * runs; i++) await loop.EditAsync(untilIdle: true).ConfigureAwait(false);
                    notes.Add("ml-platform: server CPU (user+sys) per edit, until idle: " + PerEdit(server.CpuTime() - cpu, 2 * runs));
                    rows.Add(Row("ml-platform: diagnostics after an edit that adds an error (first publish)", loop.Introduce, 150));
                    rows.Add(Row("ml-platform: diagnostics after an edit that fixes it (first publish)", loop.Fix, 150));
                    rows.Add(Row("ml-platform: add an error, server CPU until the publish", loop.IntroduceCpu, null));
                    rows.Add(Row("ml-platform: fix it, server CPU until the publish", loop.FixCpu, null));
                    if (loop.FixFinal.Count > 0) rows.Add(Row("ml-platform: fix, final publish (after the quick one)", loop.FixFinal, 150));
                    rows.Add(Row("ml-platform: fix, compiles idle (tpm/schedule answered)", loop.FixIdle, null));
                    notes.Add("ml-platform: " + loop.FixFinal.Count + " of " + loop.Fix.Count + " fixes had a second publish (quick leveling first)");

                    if (!Options.Flag(args, "--skip-memory"))
                    {
                        await MemoryAsync(server, smallPlan, edit, edits, rows, notes).ConfigureAwait(false);
                    }
                }
            }

            if (!Options.Flag(args, "--skip-large"))
            {
                var large = Path.Combine(dir, "large");
                Directory.CreateDirectory(Path.Combine(large, ".git"));
                var largePlan = Path.Combine(large, "plan.tpm");
                using (var writer = new StreamWriter(largePlan, false, new UTF8Encoding(false))) PlanGenerator.Write(writer, tasks);
                await LargeAsync(tpm, large, largePlan, tasks, runs, rows, notes).ConfigureAwait(false);
            }

            Console.WriteLine();
            Console.WriteLine("| measure | n | median | p90 | max | goal |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | --- |");
            foreach (var row in rows) Console.WriteLine(row);
            Console.WriteLine();
            foreach (var note in notes) Console.WriteLine("- " + note);
            Console.WriteLine();
            Console.WriteLine("load average after: " + LoadAverage() + " (" + Environment.ProcessorCount + " cores; a load above the core count means other work competed for the CPU)");
            return 0;
        }

        private static async Task MemoryAsync(LspSession server, string plan, EditPoint edit, int edits, List<string> rows, List<string> notes)
        {
            var samples = new List<(int Edits, long Kb)> { (0, server.ResidentKb()) };
            var cpuBefore = server.CpuTime();
            var loop = new EditLoop(server, plan, edit);
            var watch = Stopwatch.StartNew();
            for (int i = 1; i <= edits; i++)
            {
                // The editor's pace: each edit waits for the diagnostics that answer it, never for the final leveling.
                await loop.EditAsync(untilIdle: false).ConfigureAwait(false);
                if (i % 100 == 0) samples.Add((i, server.ResidentKb()));
            }

            await server.ScheduleAsync(plan).ConfigureAwait(false);
            var elapsed = watch.Elapsed;
            var cpu = server.CpuTime() - cpuBefore;
            await Task.Delay(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            var rested = server.ResidentKb();
            rows.Add(Row("ml-platform: diagnostics during the " + edits + " edits (first publish, both kinds)", loop.Introduce.Concat(loop.Fix).ToList(), 150));
            notes.Add("RSS of the ml-platform server (MB) after warm-up and every 100 edits: " + string.Join(", ", samples.Select(s => s.Edits + ": " + Mb(s.Kb)))
                + "; 10 s after the last edit: " + Mb(rested) + "; peak (VmHWM): " + Mb(server.PeakResidentKb()));
            notes.Add(edits + " edits took " + elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s wall, " + cpu.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)
                + " s of server CPU (" + (cpu.TotalMilliseconds / edits).ToString("F1", CultureInfo.InvariantCulture) + " ms per edit)");
            var second = samples.Where(s => s.Edits >= edits / 2).Select(s => s.Kb).ToList();
            notes.Add("RSS over the second half of the edits: min " + Mb(second.Min()) + ", max " + Mb(second.Max()) + " (growth " + Mb(second.Last() - second.First()) + ")");
        }

        private static async Task LargeAsync(string tpm, string root, string plan, int tasks, int runs, List<string> rows, List<string> notes)
        {
            var label = tasks.ToString("N0", CultureInfo.InvariantCulture) + "-task plan";
            var text = File.ReadAllText(plan);
            await using var server = await LspSession.StartAsync(tpm, root).ConfigureAwait(false);
            var capabilities = new List<string>();
            var edit = EditPoint.Find(text, 0.5);
            await server.OpenAsync(plan, text).ConfigureAwait(false);
            var schedule = await server.ScheduleAsync(plan).ConfigureAwait(false);
            notes.Add(label + ": " + (text.Length / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " KB, " + schedule["tasks"]?.Count() + " tasks in its schedule; edits at line " + (edit.Line + 1));

            // Warm-up.
            var warm = new EditLoop(server, plan, edit);
            for (int i = 0; i < 6; i++) await warm.EditAsync(untilIdle: true).ConfigureAwait(false);

            // tpm/schedule when nothing compiles: the part of the idle figures that is the schedule JSON itself.
            var scheduleCost = new List<double>();
            for (int i = 0; i < Math.Min(runs, 10); i++)
            {
                var t = Stopwatch.GetTimestamp();
                await server.ScheduleAsync(plan).ConfigureAwait(false);
                scheduleCost.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            var loop = new EditLoop(server, plan, edit);
            var cpu = server.CpuTime();
            for (int i = 0; i < 2 * runs; i++) await loop.EditAsync(untilIdle: true).ConfigureAwait(false);
            notes.Add(label + ": server CPU (user+sys) per edit, until idle (the tpm/schedule answers included): " + PerEdit(server.CpuTime() - cpu, 2 * runs));
            rows.Add(Row(label + ": diagnostics after an edit that adds an error (first publish)", loop.Introduce, 1000));
            rows.Add(Row(label + ": diagnostics after an edit that fixes it (first publish)", loop.Fix, 1000));
            rows.Add(Row(label + ": add an error, server CPU until the publish", loop.IntroduceCpu, null));
            rows.Add(Row(label + ": fix it, server CPU until the publish", loop.FixCpu, null));
            if (loop.FixFinal.Count > 0) rows.Add(Row(label + ": fix, final publish (after the quick one)", loop.FixFinal, 1000));
            rows.Add(Row(label + ": fix, compiles idle (tpm/schedule answered)", loop.FixIdle, null));
            rows.Add(Row(label + ": tpm/schedule alone, idle (JSON of the schedule)", scheduleCost, null));
            notes.Add(label + ": " + loop.FixFinal.Count + " of " + loop.Fix.Count + " fixes had a second publish; the others' quick and final diagnostics were equal (no second publish), so 'compiles idle' bounds the final compile");

            // Hover and completion on a reference in an 'after' clause, answered from the last compile.
            var hoverAt = LspSession.At(plan, edit.Line, edit.IdStart + 1);
            var completeAt = LspSession.At(plan, edit.Line, edit.IdStart);
            var hoverIdle = new List<double>();
            var completionIdle = new List<double>();
            JToken hoverResult = JValue.CreateNull(), completionResult = JValue.CreateNull();
            for (int i = 0; i < runs; i++)
            {
                (hoverResult, var h) = await TimedAsync(server, "textDocument/hover", hoverAt).ConfigureAwait(false);
                hoverIdle.Add(h);
                (completionResult, var c) = await TimedAsync(server, "textDocument/completion", completeAt).ConfigureAwait(false);
                completionIdle.Add(c);
            }

            // During a compile: an edit of a comment (the compile runs, the diagnostics stay), then a request at once and
            // one 200 ms later, when the compile is surely past the debounce and leveling.
            var hoverBusy = new List<double>();
            var hoverBusyLater = new List<double>();
            var completionBusy = new List<double>();
            for (int i = 0; i < runs; i++)
            {
                // Alternately insert and remove one character in the header comment.
                if (i % 2 == 0) await server.ChangeRangeAsync(plan, 0, 2, 2, "x").ConfigureAwait(false);
                else await server.ChangeRangeAsync(plan, 0, 2, 3, string.Empty).ConfigureAwait(false);
                var (_, h) = await TimedAsync(server, "textDocument/hover", hoverAt).ConfigureAwait(false);
                hoverBusy.Add(h);
                var (_, c) = await TimedAsync(server, "textDocument/completion", completeAt).ConfigureAwait(false);
                completionBusy.Add(c);
                await Task.Delay(200).ConfigureAwait(false);
                var (_, later) = await TimedAsync(server, "textDocument/hover", hoverAt).ConfigureAwait(false);
                hoverBusyLater.Add(later);
                await server.ScheduleAsync(plan).ConfigureAwait(false);
            }

            rows.Add(Row(label + ": hover, idle", hoverIdle, 50));
            rows.Add(Row(label + ": completion, idle", completionIdle, 50));
            rows.Add(Row(label + ": hover sent right after an edit", hoverBusy, 50));
            rows.Add(Row(label + ": completion sent right after an edit", completionBusy, 50));
            rows.Add(Row(label + ": hover 200 ms after an edit (compile running)", hoverBusyLater, 50));
            notes.Add(label + ": hover answered " + Describe(hoverResult) + "; completion answered " + Describe(completionResult));
            notes.Add(label + ": server RSS " + Mb(server.ResidentKb()) + ", peak (VmHWM) " + Mb(server.PeakResidentKb()));
        }

        private static async Task<(JToken Result, double Milliseconds)> TimedAsync(LspSession server, string method, JObject parameters)
        {
            var t = Stopwatch.GetTimestamp();
            try
            {
                var result = await server.RequestAsync(method, parameters).ConfigureAwait(false);
                return (result, Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
            catch (StreamJsonRpc.RemoteMethodNotFoundException)
            {
                // No handler registered yet: the round trip of the error answer is still timed.
                return (new JValue("method not found (no handler in this build)"), Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        private static string Describe(JToken result)
        {
            if (result.Type == JTokenType.Null) return "null (no handler yet)";
            if (result is JValue value) return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (result is JArray array) return array.Count + " items";
            if (result is JObject o && o["items"] is JArray items) return items.Count + " items";
            var s = result.ToString(Newtonsoft.Json.Formatting.None);
            return s.Length > 80 ? s.Substring(0, 80) + "…" : s;
        }

        /// <summary>Alternately adds and removes a suffix on a reference, timing the publish that answers each edit.</summary>
        private sealed class EditLoop
        {
            private readonly LspSession _server;
            private readonly string _path;
            private readonly EditPoint _edit;
            private bool _broken;

            public EditLoop(LspSession server, string path, EditPoint edit)
            {
                _server = server;
                _path = path;
                _edit = edit;
            }

            public List<double> Introduce { get; } = new List<double>();

            public List<double> Fix { get; } = new List<double>();

            public List<double> FixFinal { get; } = new List<double>();

            public List<double> IntroduceCpu { get; } = new List<double>();

            public List<double> FixCpu { get; } = new List<double>();

            public List<double> FixIdle { get; } = new List<double>();

            public async Task EditAsync(bool untilIdle)
            {
                _server.DrainPublishes();
                var cpu = _server.CpuTime();
                var start = Stopwatch.GetTimestamp();
                if (_broken) await _server.ChangeRangeAsync(_path, _edit.Line, _edit.IdEnd, _edit.IdEnd + Bogus.Length, string.Empty).ConfigureAwait(false);
                else await _server.ChangeRangeAsync(_path, _edit.Line, _edit.IdEnd, _edit.IdEnd, Bogus).ConfigureAwait(false);
                var introducing = !_broken;
                _broken = !_broken;
                var publish = await _server.NextPublishAsync(_path, d => Mentions(d) == introducing, Wait).ConfigureAwait(false)
                    ?? throw new TimeoutException("no publish answered the edit; stderr: " + _server.Stderr);
                var first = Ms(start, publish.Timestamp);
                (introducing ? Introduce : Fix).Add(first);
                // The server's CPU from the edit to its answer (read a moment after it; 10 ms ticks): what the latency
                // would be, plus the debounce, on cores no other work competes for.
                (introducing ? IntroduceCpu : FixCpu).Add((_server.CpuTime() - cpu).TotalMilliseconds);
                if (!untilIdle) return;
                await _server.ScheduleAsync(_path).ConfigureAwait(false);
                var idle = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (introducing) return;
                FixIdle.Add(idle);
                // A later publish (the final leveling's, when its diagnostics differ from the quick one's) is already queued.
                Publish? last = null;
                while (await _server.NextPublishAsync(_path, TimeSpan.FromMilliseconds(1)).ConfigureAwait(false) is Publish later) last = later;
                if (last != null) FixFinal.Add(Ms(start, last.Timestamp));
            }

            private static bool Mentions(JArray diagnostics) => diagnostics.Any(d => ((string?)d["message"] ?? string.Empty).Contains(Bogus, StringComparison.Ordinal));
        }

        /// <summary>Where the edits go: the first reference of an <c>after</c> clause at or past a fraction of the text.</summary>
        private sealed class EditPoint
        {
            private EditPoint(int line, int idStart, int idEnd)
            {
                Line = line;
                IdStart = idStart;
                IdEnd = idEnd;
            }

            public int Line { get; }

            public int IdStart { get; }

            public int IdEnd { get; }

            public static EditPoint Find(string text, double fraction)
            {
                var lines = text.Split('\n');
                for (int pass = 0; pass < 2; pass++)
                {
                    for (int i = pass == 0 ? (int)(lines.Length * fraction) : 0; i < lines.Length; i++)
                    {
                        var line = lines[i].TrimEnd('\r');
                        var trimmed = line.TrimStart();
                        if (!trimmed.StartsWith("after ", StringComparison.Ordinal)) continue;
                        int start = line.Length - trimmed.Length + "after ".Length;
                        int end = start;
                        while (end < line.Length && (char.IsLetterOrDigit(line[end]) || line[end] == '-' || line[end] == '_' || line[end] == '.')) end++;
                        if (end > start) return new EditPoint(i, start, end);
                    }
                }

                throw new InvalidOperationException("no 'after' clause in the plan");
            }
        }

        private static string Row(string label, List<double> ms, int? goal)
        {
            var row = RowText(label, ms, goal);
            Console.Error.WriteLine(row);
            return row;
        }

        private static string RowText(string label, List<double> ms, int? goal)
        {
            if (ms.Count == 0) return "| " + label + " | 0 | | | | |";
            var sorted = ms.OrderBy(v => v).ToList();
            double Pct(double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
            var verdict = goal is int g ? "≤ " + g + " ms: " + (median <= g ? (sorted[^1] <= g ? "met" : "median met, max over") : "MISSED") : "";
            return $"| {label} | {ms.Count} | {F(median)} ms | {F(Pct(0.9))} ms | {F(sorted[^1])} ms | {verdict} |";
        }

        private static string PerEdit(TimeSpan cpu, int edits) => (cpu.TotalMilliseconds / edits).ToString("F0", CultureInfo.InvariantCulture) + " ms";

        private static string F(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture);

        private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

        private static string Mb(long kb) => (kb / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

        private static string Machine()
        {
            var model = "unknown CPU";
            try
            {
                model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? model;
            }
            catch (IOException)
            {
            }

            return Environment.ProcessorCount + " cores, " + model + ", .NET " + Environment.Version;
        }

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        private static string? FindRepositoryRoot()
        {
            for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) return d.FullName;
            }

            return null;
        }
    }
}
