using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Forecasting;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times the Monte Carlo forecast in process (the schedule is compiled once, outside the timing): the example
    /// ML platform plan and generated plans, each for a number of iterations, on every core and on one.
    /// </summary>
    internal static class ForecastBenchmark
    {
        public const string Usage =
            "  forecast [--iterations N] [--runs R] [--sizes 1000] [--threads T]\n" +
            "                               time N (default 10,000) forecast iterations of examples/ml-platform and of generated\n" +
            "                               plans of each size; median of R runs (default 5), on all cores and on T (default 1)";

        public static int Run(string[] args)
        {
            int iterations = Options.Int(args, "--iterations", ForecastOptions.DefaultIterations);
            int runs = Options.Int(args, "--runs", 5);
            int threads = Options.Int(args, "--threads", 1);
            var sizes = (Options.Value(args, "--sizes") ?? "1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();

            var cases = new List<(string Name, TpmProgram Program)> { ("examples/ml-platform", LoadExample()) };
            foreach (int n in sizes) cases.Add(($"generated, {n:N0} tasks", TpmProgram.Parse(PlanGenerator.Generate(n), "generated.tpm")));

            Console.WriteLine($"forecast: {iterations:N0} iterations, median of {runs} runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine($"| plan | tasks | estimated | risks | leveled | all cores (s) | {threads} thread{(threads == 1 ? "" : "s")} (s) | µs per iteration (all cores) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
            foreach (var (name, program) in cases)
            {
                if (program.Schedule is null || program.HasErrors)
                {
                    Console.Error.WriteLine(name + ": the plan has errors");
                    return 1;
                }

                // One short run first, so the timings below are of jitted code.
                MonteCarloForecast.Run(program.Schedule, new ForecastOptions { Iterations = Math.Min(iterations, 500) });
                var (all, result) = Median(program, iterations, null, runs);
                var (one, _) = Median(program, iterations, threads, runs);
                Console.WriteLine($"| {name} | {program.Schedule.Tasks.Count:N0} | {result.EstimatedTasks:N0} | {result.OpenRisks} | {(result.Leveled ? "yes" : "no")} | " +
                                  $"{all:0.000} | {one:0.000} | {all * 1e6 / iterations:0.0} |");
            }

            return 0;
        }

        private static (double Seconds, ForecastResult Result) Median(TpmProgram program, int iterations, int? threads, int runs)
        {
            var times = new List<double>();
            ForecastResult? last = null;
            for (int r = 0; r < runs; r++)
            {
                var clock = Stopwatch.StartNew();
                last = MonteCarloForecast.Run(program.Schedule!, new ForecastOptions { Iterations = iterations, MaxDegreeOfParallelism = threads });
                times.Add(clock.Elapsed.TotalSeconds);
            }

            times.Sort();
            return (times[times.Count / 2], last!);
        }

        /// <summary>The example plan with its includes, found by walking up to the repository root.</summary>
        internal static TpmProgram LoadExample(ProgramDsl.Scheduling.ScheduleOptions? scheduling = null)
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("cannot find the repository root (ProgramDsl.sln) above " + AppContext.BaseDirectory);
            var folder = Path.Combine(dir.FullName, "examples", "ml-platform");
            var resolver = new InMemorySourceResolver();
            foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) resolver.Add(Path.GetFileName(file), File.ReadAllText(file));
            // The people and the GPU pool it shares with the portfolio's programs, where its include finds them.
            resolver.Add("../portfolio/shared/org.tpm", File.ReadAllText(Path.Combine(dir.FullName, "examples", "portfolio", "shared", "org.tpm")));
            return TpmProgram.Load("program.tpm", resolver, scheduling is null ? null : new TpmCompileOptions { Scheduling = scheduling });
        }
    }
}
