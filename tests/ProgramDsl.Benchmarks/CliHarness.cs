using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times <c>tpm check FILE</c> as a user runs it: a new process per run, wall time from start to exit, and the
    /// peak resident set size reported by GNU time (<c>/usr/bin/time -f %M</c>, in KB).
    /// </summary>
    internal static class CliHarness
    {
        private const string TimePath = "/usr/bin/time";

        private sealed class Measurement
        {
            public Measurement(string label, int tasks, long bytes, List<double> seconds, List<double> cpuSeconds, List<long> rssKb, int exitCode, string summary)
            {
                CpuSeconds = cpuSeconds;
                Label = label;
                Tasks = tasks;
                Bytes = bytes;
                Seconds = seconds;
                RssKb = rssKb;
                ExitCode = exitCode;
                Summary = summary;
            }

            public string Label { get; }

            public int Tasks { get; }

            public long Bytes { get; }

            public List<double> Seconds { get; }

            public List<long> RssKb { get; }

            /// <summary>User + system CPU time of each run: less sensitive than wall time to other load on the machine.</summary>
            public List<double> CpuSeconds { get; }

            public int ExitCode { get; }

            public string Summary { get; }

            public double Median => MedianOf(Seconds);

            public double Min => Seconds.Min();
        }

        public static int Run(string[] args)
        {
            int runs = Options.Int(args, "--runs", 5);
            var sizes = (Options.Value(args, "--sizes") ?? "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            var dir = Options.Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "tpm-bench-plans");
            Directory.CreateDirectory(dir);
            var tpm = Options.Value(args, "--tpm") ?? BuildTpm();
            if (tpm is null) return 2;
            var command = CommandFor(tpm);
            bool haveTime = File.Exists(TimePath);
            if (!haveTime) Console.Error.WriteLine("note: " + TimePath + " not found; peak RSS is not measured");

            Console.WriteLine("tpm: " + string.Join(" ", command) + "; " + runs + " timed runs per size after one warm-up run; load average before: " + LoadAverage());
            var results = new List<Measurement>();

            // Start-up cost alone: a 10-task plan; with --limits, the worst plans within the input limits instead.
            var plans = Options.Flag(args, "--limits")
                ? LimitPlans.All
                : new[] { 10 }.Concat(sizes).Select(n => (Label: n == 10 ? "10 (start-up)" : n.ToString("N0", CultureInfo.InvariantCulture), Tasks: n, Write: (Action<TextWriter>)(w => PlanGenerator.Write(w, n)))).ToList();
            for (int index = 0; index < plans.Count; index++)
            {
                var (label, n, write) = plans[index];
                var file = Path.Combine(dir, "plan-" + index + ".tpm");
                using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
                {
                    write(writer);
                }

                var seconds = new List<double>();
                var cpu = new List<double>();
                var rss = new List<long>();
                int exit = 0;
                string summary = string.Empty;
                for (int i = 0; i <= runs; i++)
                {
                    var (elapsed, cpuSeconds, kb, code, stderr) = RunOnce(command, file, haveTime, dir);
                    exit = code;
                    summary = stderr;
                    if (i == 0) continue; // warm-up: file cache, runtime files in the page cache
                    seconds.Add(elapsed);
                    if (cpuSeconds >= 0) cpu.Add(cpuSeconds);
                    if (kb > 0) rss.Add(kb);
                }

                var m = new Measurement(label, n, new FileInfo(file).Length, seconds, cpu, rss, exit, summary);
                results.Add(m);
                Console.Error.WriteLine($"  {m.Label}: median {m.Median:F3} s, min {m.Min:F3} s, peak RSS {(rss.Count > 0 ? (rss.Max() / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a")}, exit {exit}: {summary}");
            }

            Console.WriteLine();
            Console.WriteLine("| tasks | file | median wall | min wall | max wall | median CPU (user+sys) | peak RSS (max of runs) | exit | tpm says |");
            Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: | --- |");
            foreach (var m in results)
            {
                var rss = m.RssKb.Count > 0 ? (m.RssKb.Max() / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a";
                Console.WriteLine($"| {m.Label} | {m.Bytes / 1e6:F1} MB | {m.Median:F3} s | {m.Min:F3} s | {m.Seconds.Max():F3} s | {(m.CpuSeconds.Count > 0 ? MedianOf(m.CpuSeconds).ToString("F2", CultureInfo.InvariantCulture) + " s" : "n/a")} | {rss} | {m.ExitCode} | {m.Summary} |");
            }

            Console.WriteLine();
            Console.WriteLine("load average after: " + LoadAverage() + " (" + Environment.ProcessorCount + " cores; a load above the core count means other work competed for the CPU)");
            var r10k = results.FirstOrDefault(r => r.Tasks == 10_000);
            var r100k = results.FirstOrDefault(r => r.Tasks == 100_000);
            Console.WriteLine();
            if (r10k != null && r100k != null)
            {
                Console.WriteLine($"10k → 100k time ratio: {r100k.Median / r10k.Median:F2}× (medians), {r100k.Min / r10k.Min:F2}× (minimums); target ≤ 11×");
                Console.WriteLine($"100k: median {r100k.Median:F3} s (target < 2 s: {(r100k.Median < 2 ? "met" : "MISSED by " + (r100k.Median - 2).ToString("F2", CultureInfo.InvariantCulture) + " s")}), "
                    + $"peak RSS {(r100k.RssKb.Count > 0 ? (r100k.RssKb.Max() / 1024.0).ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a")} (target < 1 GB: {(r100k.RssKb.Count == 0 ? "unknown" : r100k.RssKb.Max() * 1024L < 1L << 30 ? "met" : "MISSED")})");
            }

            return Options.Flag(args, "--limits") || results.All(r => r.ExitCode == 0) ? 0 : 1;
        }

        private static (double Seconds, double CpuSeconds, long RssKb, int ExitCode, string Stderr) RunOnce(IReadOnlyList<string> command, string file, bool haveTime, string dir)
        {
            var rssFile = Path.Combine(dir, "rss.txt");
            var psi = new ProcessStartInfo
            {
                FileName = haveTime ? TimePath : command[0],
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (haveTime)
            {
                foreach (var a in new[] { "-f", "%M %U %S", "-o", rssFile }) psi.ArgumentList.Add(a);
                foreach (var a in command) psi.ArgumentList.Add(a);
            }
            else
            {
                foreach (var a in command.Skip(1)) psi.ArgumentList.Add(a);
            }

            psi.ArgumentList.Add("check");
            psi.ArgumentList.Add(file);
            psi.Environment["NO_COLOR"] = "1";

            var sw = Stopwatch.StartNew();
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            sw.Stop();
            long kb = 0;
            double cpu = -1;
            if (haveTime && File.Exists(rssFile))
            {
                // "%M %U %S": max RSS in KB, user and system CPU seconds.
                var fields = (File.ReadAllLines(rssFile).LastOrDefault(l => l.Trim().Length > 0) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 3
                    && long.TryParse(fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out kb)
                    && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                    && double.TryParse(fields[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
                {
                    cpu = user + system;
                }
            }

            var err = stderr.Result.Trim().Replace('\n', ' ');
            var firstOut = stdout.Result.Split('\n').FirstOrDefault(l => l.Length > 0);
            if (firstOut != null) err += " / first diagnostic: " + firstOut;
            return (sw.Elapsed.TotalSeconds, cpu, kb, process.ExitCode, err);
        }

        /// <summary>How to start tpm: the apphost directly, or <c>dotnet tpm.dll</c>.</summary>
        private static IReadOnlyList<string> CommandFor(string tpm) =>
            tpm.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new[] { "dotnet", tpm } : new[] { tpm };

        /// <summary>Builds the CLI in Release into a temporary artifacts folder (never into the source tree) and returns the apphost.</summary>
        private static string? BuildTpm()
        {
            var root = FindRepositoryRoot();
            if (root is null)
            {
                Console.Error.WriteLine("cannot find ProgramDsl.sln above the current folder; pass --tpm PATH (the tpm apphost or tpm.dll)");
                return null;
            }

            var artifacts = Path.Combine(Path.GetTempPath(), "tpm-bench-cli");
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            foreach (var a in new[] { "build", Path.Combine(root, "src", "ProgramDsl.Cli"), "-c", "Release", "--artifacts-path", artifacts, "-v", "q", "-nologo" }) psi.ArgumentList.Add(a);
            Console.Error.WriteLine("building tpm: dotnet " + string.Join(" ", psi.ArgumentList));
            using (var build = Process.Start(psi)!)
            {
                build.WaitForExit();
                if (build.ExitCode != 0)
                {
                    Console.Error.WriteLine("build failed");
                    return null;
                }
            }

            var apphost = Path.Combine(artifacts, "bin", "ProgramDsl.Cli", "release", "tpm");
            return File.Exists(apphost) ? apphost : Path.Combine(artifacts, "bin", "ProgramDsl.Cli", "release", "tpm.dll");
        }

        private static string? FindRepositoryRoot()
        {
            for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) return d.FullName;
            }

            return null;
        }

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        private static double MedianOf(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
