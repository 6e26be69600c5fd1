using System;
using System.Globalization;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Entry point. Subcommands:
    /// <c>generate N FILE [--seed S] [--comparison]</c>, <c>verify N [--seed S] [--path]</c>, <c>phases [BenchmarkDotNet options]</c>,
    /// <c>cli [options]</c>, <c>profile [N] [options]</c>, <c>psplib [options]</c>, <c>taskjuggler [options]</c>, <c>analyzer [options]</c>, <c>forecast [options]</c>, <c>leveling-budget [options]</c>, <c>emitters [options]</c>, <c>navigation [options]</c>, <c>diff [options]</c>, <c>baseline [options]</c>, <c>mspdi [DIR]</c>, <c>portfolio [options]</c> and <c>lsp [options]</c>.
    /// </summary>
    public static class Program
    {
        private const string Usage =
            "usage:\n" +
            "  generate N FILE [--seed S] [--comparison]\n" +
            "                               write a plan of N tasks (--comparison: the TaskJuggler comparison's plan)\n" +
            "  verify N [--seed S] [--path] compile a generated plan in process and print its diagnostics and schedule summary\n" +
            "                               (--path: also the critical path); exit 1 when it has errors\n" +
            "  phases [--filter PATTERN]    BenchmarkDotNet: parse, bind, schedule, end-to-end for N = 1k, 10k, 100k\n" +
            "  cli [--tpm PATH] [--runs R] [--sizes 1000,10000,100000] [--dir DIR] [--limits]\n" +
            "                               time 'tpm check' end to end (wall time, peak RSS) and print a markdown table\n" +
            "                               (--limits: the worst plans within the input limits, and two past them)\n" +
            "  cancel [N] [--step MS] [--until MS] [--forecast ITERATIONS]\n" +
            "                               latency of a cancelled compile (or forecast) of an N-task plan, cancelled every STEP ms\n" +
            "  profile [N] [--runs R] [--alloc TOP] [--file PLAN]\n" +
            "                               stopwatch, GC and allocation breakdown of the phases, cold and warm (default N = 100000);\n" +
            "                               --alloc TOP lists the TOP allocated types of each phase (sampled by the runtime);\n" +
            "                               --file profiles a plan file instead of a generated one\n" +
            Psplib.PsplibRunner.Usage + "\n" +
            TaskJuggler.TaskJugglerComparison.Usage + "\n" +
            AnalyzerBenchmark.Usage + "\n" +
            ForecastBenchmark.Usage + "\n" +
            LevelingBudgetBenchmark.Usage + "\n" +
            EmitterBenchmark.Usage + "\n" +
            NavigationBenchmark.Usage + "\n" +
            DiffBenchmark.Usage + "\n" +
            BaselineBenchmark.Usage + "\n" +
            MspdiBenchmark.Usage + "\n" +
            PortfolioBenchmark.Usage + "\n" +
            Lsp.LspBenchmark.Usage;

        public static int Main(string[] args)
        {
            if (args.Length == 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }

            var rest = args.Skip(1).ToArray();
            switch (args[0])
            {
                case "generate":
                    return Generate(rest);
                case "verify":
                    return Verify(rest);
                case "phases":
                    return Phases(rest);
                case "cli":
                    return CliHarness.Run(rest);
                case "profile":
                    return PhaseProfile.Run(rest);
                case "psplib":
                    return Psplib.PsplibRunner.Run(rest);
                case "taskjuggler":
                    return TaskJuggler.TaskJugglerComparison.Run(rest);
                case "analyzer":
                    return AnalyzerBenchmark.Run(rest);
                case "forecast":
                    return ForecastBenchmark.Run(rest);
                case "leveling-budget":
                    return LevelingBudgetBenchmark.Run(rest);
                case "emitters":
                    return EmitterBenchmark.Run(rest);
                case "cancel":
                    return CancelLatency.Run(rest);
                case "navigation":
                    return NavigationBenchmark.Run(rest);
                case "diff":
                    return DiffBenchmark.Run(rest);
                case "baseline":
                    return BaselineBenchmark.Run(rest);
                case "mspdi":
                    return MspdiBenchmark.Run(rest);
                case "portfolio":
                    return PortfolioBenchmark.Run(rest);
                case "lsp":
                    return Lsp.LspBenchmark.Run(rest);
                default:
                    Console.Error.WriteLine("unknown subcommand '" + args[0] + "'\n" + Usage);
                    return 2;
            }
        }

        private static int Generate(string[] args)
        {
            var positional = Options.Positional(args, "--comparison");
            if (positional.Count != 2 || !int.TryParse(positional[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) || n < 1)
            {
                Console.Error.WriteLine("usage: generate N FILE [--seed S] [--comparison]");
                return 2;
            }

            int seed = Options.Int(args, "--seed", 42);
            using (var writer = new StreamWriter(positional[1], false, new System.Text.UTF8Encoding(false)))
            {
                if (Options.Flag(args, "--comparison")) TaskJuggler.ComparisonPlan.Generate(n, seed).WriteTpm(writer);
                else PlanGenerator.Write(writer, n, seed);
            }

            Console.WriteLine("wrote " + positional[1] + ": " + n + " tasks, " + new FileInfo(positional[1]).Length.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
            return 0;
        }

        private static int Verify(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 1000;
            int seed = Options.Int(args, "--seed", 42);
            var text = PlanGenerator.Generate(n, seed);
            var program = TpmProgram.Parse(text, "synth.tpm");
            foreach (var d in program.Diagnostics.Take(20)) Console.WriteLine(d);
            Console.WriteLine(program.Diagnostics.Count + " diagnostics (" + program.Diagnostics.Count(d => d.IsError) + " errors)");
            if (program.Model != null)
            {
                Console.WriteLine("tasks and milestones: " + program.Model.Tasks.Count + ", workstreams: " + program.Model.Workstreams.Count + ", people: " + program.Model.People.Count
                    + ", dependencies: " + program.Model.Tasks.Sum(t => t.Dependencies.Count) + ", text: " + text.Length.ToString("N0", CultureInfo.InvariantCulture) + " chars");
            }

            if (program.Schedule != null)
            {
                Console.WriteLine("finish " + program.Schedule.FinishDate + " (" + program.Schedule.FinishIndex + " working days), critical path of " + program.Schedule.CriticalPath.Count
                    + " tasks, " + program.Schedule.Tasks.Count(t => t.IsCritical) + " critical tasks");
                if (Options.Flag(args, "--path")) Console.WriteLine("critical path: " + string.Join(" ", program.Schedule.CriticalPath.Select(t => t.Id + "[" + t.Start + "," + t.Finish + ")")));
            }

            return program.HasErrors ? 1 : 0;
        }

        private static int Phases(string[] args)
        {
            // In process: the default toolchain would generate and build a project next to this one, outside any
            // --artifacts-path. Short job: 100k iterations take seconds each.
            var job = Job.Default
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithLaunchCount(1)
                .WithWarmupCount(2)
                .WithIterationCount(5)
                .WithId("short-inprocess");
            var config = DefaultConfig.Instance.AddJob(job.AsDefault());
            var summaries = BenchmarkSwitcher.FromTypes(new[] { typeof(PhaseBenchmarks) }).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
            return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
        }
    }
}
