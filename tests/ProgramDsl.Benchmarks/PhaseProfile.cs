using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// A stopwatch breakdown of one compilation, phase by phase: first the cold run (this process has not run the
    /// compiler yet, so JIT time is included, as in a fresh <c>tpm check</c>), then warm runs. Allocations are counted
    /// per phase on this thread.
    /// </summary>
    internal static class PhaseProfile
    {
        private sealed class Sample
        {
            public Dictionary<string, double> Ms { get; } = new Dictionary<string, double>();

            public Dictionary<string, long> Bytes { get; } = new Dictionary<string, long>();

            public Dictionary<string, double> CpuMs { get; } = new Dictionary<string, double>();

            public Dictionary<string, double> GcPauseMs { get; } = new Dictionary<string, double>();

            public Dictionary<string, string> Collections { get; } = new Dictionary<string, string>();
        }

        // The whole facade runs right after the phases in each run, so even in the first run its code is mostly JIT-compiled.
        private static readonly string[] PhaseNames = { "parse", "bind", "schedule", "deadline checks", "TpmProgram.Parse total" };

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int runs = Options.Int(args, "--runs", 5);
            int top = Options.Int(args, "--alloc", 0);
            using var sampler = top > 0 ? new AllocationSampler() : null;
            Sampler = sampler;
            var file = Options.Value(args, "--file");
            var text = file is null ? PlanGenerator.Generate(n) : System.IO.File.ReadAllText(file);
            Console.WriteLine($"profile: {(file is null ? $"N = {n:N0} tasks" : file)}, {text.Length:N0} chars, {Environment.ProcessorCount} cores, GC server={System.Runtime.GCSettings.IsServerGC}, latency mode={System.Runtime.GCSettings.LatencyMode}");

            var samples = new List<Sample>();
            for (int i = 0; i <= runs; i++)
            {
                // Start each run from a clean heap so one run's garbage is not collected on the next one's time.
                GC.Collect();
                GC.WaitForPendingFinalizers();
                GC.Collect();
                samples.Add(Once(text));
            }

            Console.WriteLine();
            Console.WriteLine("| phase | cold (1st run) ms | cold CPU ms | cold GC pause ms | cold GCs gen0/1/2 | warm median ms | warm min ms | warm GC pause ms (median) | allocated MB |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            var warm = samples.Skip(1).ToList();
            foreach (var phase in PhaseNames)
            {
                var times = warm.Select(s => s.Ms[phase]).OrderBy(x => x).ToList();
                double median = times.Count == 0 ? double.NaN : times[times.Count / 2];
                double min = times.Count == 0 ? double.NaN : times[0];
                var pauses = warm.Select(s => s.GcPauseMs.TryGetValue(phase, out var x) ? x : 0).OrderBy(x => x).ToList();
                double pause = pauses.Count == 0 ? double.NaN : pauses[pauses.Count / 2];
                var cold = samples[0];
                string Get(Dictionary<string, double> d) => d.TryGetValue(phase, out var x) ? x.ToString("F0", CultureInfo.InvariantCulture) : "";
                Console.WriteLine($"| {phase} | {cold.Ms[phase]:F0} | {Get(cold.CpuMs)} | {Get(cold.GcPauseMs)} | {(cold.Collections.TryGetValue(phase, out var c) ? c : "")} | {median:F0} | {min:F0} | {pause:F0} | {cold.Bytes[phase] / 1e6:F0} |");
            }

            if (sampler != null)
            {
                sampler.Phase = null;
                foreach (var phase in new[] { "parse", "bind", "schedule" })
                {
                    long total = sampler.Total(phase);
                    Console.WriteLine();
                    Console.WriteLine($"allocations in {phase} by type (sampled, all runs): {total / 1e6:F0} MB");
                    foreach (var (type, bytes) in sampler.Top(phase, top)) Console.WriteLine($"  {100.0 * bytes / Math.Max(1, total),5:F1}%  {type}");
                }
            }

            var retained = Retained(text);
            Console.WriteLine();
            Console.WriteLine($"retained (reachable) after each phase: syntax trees {retained.Tree / 1e6:F0} MB, bound model {retained.Model / 1e6:F0} MB, schedule {retained.Schedule / 1e6:F0} MB; source text {text.Length * 2 / 1e6:F0} MB");
            Console.WriteLine();
            Console.WriteLine($"peak working set of this process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB; gen0/1/2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
            return 0;
        }

        private static Sample Once(string text)
        {
            var sample = new Sample();
            Phases(sample, text);

            // The facade whole, on a clean heap: parse, bind, schedule, deadline checks, severities and ordering.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var program = Measure(sample, "TpmProgram.Parse total", () => TpmProgram.Parse(text, "synth.tpm"));
            if (program.HasErrors) throw new InvalidOperationException("errors in the generated plan");
            return sample;
        }

        private static void Phases(Sample sample, string text)
        {
            var source = new SourceText("synth.tpm", text);
            var tree = Measure(sample, "parse", () => Parser.Parse(source));
            var bound = Measure(sample, "bind", () => Binder.Bind(tree));
            if (bound.Program is null || tree.Diagnostics.Count + bound.Diagnostics.Count > 0) throw new InvalidOperationException("the generated plan does not compile cleanly");
            var result = Measure(sample, "schedule", () => ProgramScheduler.Run(bound.Program));
            Measure(sample, "deadline checks", () => DeadlineChecks.Run(result.Schedule!));
        }

        /// <summary>Bytes still reachable after each phase, with the results of the phases before it kept alive.</summary>
        private static (long Tree, long Model, long Schedule) Retained(string text)
        {
            GC.Collect();
            long baseline = GC.GetTotalMemory(true);
            var tree = Parser.Parse(new SourceText("synth.tpm", text));
            long afterParse = GC.GetTotalMemory(true);
            var bound = Binder.Bind(tree);
            long afterBind = GC.GetTotalMemory(true);
            var result = ProgramScheduler.Run(bound.Program!);
            long afterSchedule = GC.GetTotalMemory(true);
            GC.KeepAlive(tree);
            GC.KeepAlive(bound);
            GC.KeepAlive(result);
            return (afterParse - baseline, afterBind - afterParse, afterSchedule - afterBind);
        }

        private static AllocationSampler? Sampler;

        private static T Measure<T>(Sample sample, string phase, Func<T> action)
        {
            if (Sampler != null) Sampler.Phase = phase;
            var process = Process.GetCurrentProcess();
            var cpuBefore = process.TotalProcessorTime;
            var pauseBefore = GC.GetTotalPauseDuration();
            int[] gcBefore = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
            long before = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            var result = action();
            sw.Stop();
            if (Sampler != null) Sampler.Phase = null;
            sample.Ms[phase] = sw.Elapsed.TotalMilliseconds;
            sample.Bytes[phase] = GC.GetAllocatedBytesForCurrentThread() - before;
            process.Refresh();
            sample.CpuMs[phase] = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds;
            sample.GcPauseMs[phase] = (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds;
            sample.Collections[phase] = (GC.CollectionCount(0) - gcBefore[0]) + "/" + (GC.CollectionCount(1) - gcBefore[1]) + "/" + (GC.CollectionCount(2) - gcBefore[2]);
            return result;
        }
    }
}
