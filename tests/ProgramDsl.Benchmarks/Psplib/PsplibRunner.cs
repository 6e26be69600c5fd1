using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>
    /// <c>psplib</c>: schedules PSPLIB instances through <see cref="RcpspSolver"/>, verifies every schedule with the
    /// independent <see cref="ScheduleChecker"/> and reports deviations from the reference values and times.
    /// </summary>
    internal static class PsplibRunner
    {
        public const string Usage =
            "  psplib [--set j30|j60|both|j120gen] [--effort quick|normal|max] [--schedules N] [--seed S] [--limit K]\n" +
            "         [--only NAME,NAME] [--out FILE.tsv] [--data DIR] [--worst W]\n" +
            "                               solve PSPLIB J30/J60 with the leveling engine, check every schedule independently,\n" +
            "                               print mean/max deviation (J30 from the optimum; J60 from the critical-path bound and the\n" +
            "                               best-known LB/UB) and time per instance; --limit K samples K instances evenly per set;\n" +
            "                               --out writes per-instance results; exit 1 on any infeasible or impossible schedule;\n" +
            "                               j120gen: 600 ProGen-style 120-activity instances generated for --gen-seed G (default 1),\n" +
            "                               measured against their critical-path bound (no data files needed)";

        // Targets of the issue, for the default effort.
        private const double J30Target = 0.05;
        private const double J60Target = 10.9;
        private const double J120Target = 32.0;

        public static int Run(string[] args)
        {
            string set = Options.Value(args, "--set") ?? "both";
            string effortName = Options.Value(args, "--effort") ?? "normal";
            int? schedules = Options.Value(args, "--schedules") is string s ? int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture) : (int?)null;
            int seed = Options.Int(args, "--seed", 0);
            int limit = Options.Int(args, "--limit", 0);
            int worst = Options.Int(args, "--worst", 5);
            var only = Options.Value(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? outPath = Options.Value(args, "--out");

            LevelingEffort effort;
            switch (effortName)
            {
                case "quick": effort = LevelingEffort.Quick; break;
                case "normal": effort = LevelingEffort.Normal; break;
                case "max": effort = LevelingEffort.Max; break;
                default:
                    Console.Error.WriteLine("--effort must be quick, normal or max\n" + Usage);
                    return 2;
            }

            string[] sets = set switch
            {
                "j30" => new[] { "j30" },
                "j60" => new[] { "j60" },
                "both" => new[] { "j30", "j60" },
                "j120gen" => new[] { "j120gen" },
                _ => Array.Empty<string>(),
            };
            if (sets.Length == 0)
            {
                Console.Error.WriteLine("--set must be j30, j60, both or j120gen\n" + Usage);
                return 2;
            }

            int genSeed = Options.Int(args, "--gen-seed", 1);
            string? dataOption = Options.Value(args, "--data");
            var root = sets[0] == "j120gen" ? string.Empty : PsplibData.Locate(dataOption);
            if (root is null)
            {
                Console.Error.WriteLine(dataOption != null
                    ? "--data " + dataOption + ": no such folder"
                    : "PSPLIB data not found: pass --data DIR, set PSPLIB_DATA, or run below a folder holding " + PsplibData.RelativeFolder);
                return 2;
            }

            if (only != null)
            {
                var known = sets.SelectMany(n => InstanceNames(root, n)).Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
                var unknown = only.Where(n => !known.Contains(n)).ToList();
                if (unknown.Count > 0)
                {
                    Console.Error.WriteLine("--only: no instance " + string.Join(", ", unknown) + " in " + string.Join(" or ", sets));
                    return 2;
                }
            }

            var options = new RcpspOptions { Effort = effort, Schedules = schedules, Seed = seed };
            string budget = schedules is int b ? b.ToString("N0", CultureInfo.InvariantCulture) + " schedules" : "effort " + effortName;
            Console.WriteLine((sets[0] == "j120gen" ? "ProGen-style J120, generator seed " + genSeed : "PSPLIB from " + root) + "; " + budget + ", seed " + seed + (limit > 0 ? ", " + limit + " instances per set" : string.Empty));

            var all = new List<Result>();
            var summaries = new List<(string Set, List<Result> Results, double Seconds)>();
            foreach (var name in sets)
            {
                var files = Select(InstanceNames(root, name), limit, only);
                if (files.Count == 0) continue;
                bool generated = name == "j120gen";
                SmInstance Load(string file) => generated ? ProGenerator.Generate(file, genSeed) : SmFile.Load(file);
                var references = generated ? null : PsplibData.References(root, name);
                // Untimed solves until tiered compilation has settled, so the first instances do not carry the JIT.
                var warmUp = Stopwatch.StartNew();
                for (int w = 0; w < 50 && (w < 3 || warmUp.ElapsedMilliseconds < 500); w++) Solve(Load(files[w % files.Count]), options);
                var watch = Stopwatch.StartNew();
                var results = new List<Result>();
                for (int i = 0; i < files.Count; i++)
                {
                    var instance = Load(files[i]);
                    PsplibReference reference;
                    if (references is null)
                    {
                        // Generated: the critical-path bound is the only reference.
                        int bound = ScheduleChecker.CriticalPathLength(instance);
                        reference = new PsplibReference(bound, bound);
                    }
                    else if (!references.TryGetValue(instance.Name, out reference))
                    {
                        Console.Error.WriteLine("FAIL " + instance.Name + ": no reference value in " + name + "-reference.tsv");
                        return 1;
                    }

                    var result = Measure(name, instance, reference, options);
                    results.Add(result);
                    foreach (var failure in result.Failures) Console.Error.WriteLine("FAIL " + instance.Name + ": " + failure);
                    if ((i + 1) % 96 == 0 && i + 1 < files.Count)
                        Console.Error.WriteLine("  " + name + ": " + (i + 1) + "/" + files.Count + " (" + watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s)");
                }

                summaries.Add((name, results, watch.Elapsed.TotalSeconds));
                all.AddRange(results);
            }

            Console.WriteLine();
            Console.WriteLine(Table(summaries));
            foreach (var (name, results, _) in summaries) Console.WriteLine(Details(name, results, worst));
            Console.WriteLine(Targets(summaries, effort, schedules));

            if (outPath != null)
            {
                File.WriteAllText(outPath, Tsv(all), new UTF8Encoding(false));
                Console.WriteLine("wrote " + outPath);
            }

            int failed = all.Count(r => r.Failures.Count > 0);
            if (failed > 0)
            {
                Console.Error.WriteLine(failed + " instance(s) FAILED: infeasible or impossible schedules (see FAIL lines above)");
                return 1;
            }

            Console.WriteLine("all " + all.Count + " schedules verified feasible");
            return 0;
        }

        /// <summary>The instance files of a PSPLIB set, or the names of the generated one.</summary>
        private static IReadOnlyList<string> InstanceNames(string root, string set) =>
            set == "j120gen" ? ProGenerator.Names() : PsplibData.InstanceFiles(root, set);

        /// <summary>The instances to run: those named by --only, or K spread evenly over the set (every group of J30/J60 gets some).</summary>
        private static IReadOnlyList<string> Select(IReadOnlyList<string> files, int limit, string[]? only)
        {
            if (only != null)
            {
                return files.Where(f => only.Contains(Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal) || only.Contains(f, StringComparer.Ordinal)).ToArray();
            }

            if (limit <= 0 || limit >= files.Count) return files;
            var picked = new List<string>(limit);
            for (int i = 0; i < limit; i++) picked.Add(files[(int)((long)i * files.Count / limit)]);
            return picked;
        }

        private static RcpspSolution Solve(SmInstance instance, RcpspOptions options) => RcpspSolver.Solve(SmToRcpsp.Build(instance), options);

        private static Result Measure(string set, SmInstance instance, PsplibReference reference, RcpspOptions options)
        {
            var watch = Stopwatch.StartNew();
            var solution = Solve(instance, options);
            double ms = watch.Elapsed.TotalMilliseconds;

            var failures = new List<string>();
            var violations = ScheduleChecker.Check(instance, solution.Start);
            foreach (var v in violations.Take(10)) failures.Add("infeasible: " + v);
            if (violations.Count > 10) failures.Add("infeasible: … " + (violations.Count - 10) + " more violations");

            int makespan = ScheduleChecker.Makespan(instance, solution.Start);
            int cp = ScheduleChecker.CriticalPathLength(instance);
            if (solution.Finish.Length == instance.JobCount)
            {
                for (int j = 0; j < instance.JobCount; j++)
                {
                    if (solution.Finish[j] != solution.Start[j] + instance.Duration[j])
                        failures.Add("job " + (j + 1) + ": finish " + solution.Finish[j] + " ≠ start " + solution.Start[j] + " + duration " + instance.Duration[j]);
                }
            }

            if (solution.Makespan != makespan) failures.Add("the solver reports makespan " + solution.Makespan + ", the schedule's is " + makespan);
            if (solution.CriticalPathLength != cp) failures.Add("the solver's critical-path length is " + solution.CriticalPathLength + ", the instance's is " + cp);
            if (violations.Count == 0 && makespan < reference.LowerBound) failures.Add("makespan " + makespan + " is below the proven lower bound " + reference.LowerBound);
            if (violations.Count == 0 && makespan < cp) failures.Add("makespan " + makespan + " is below the critical-path bound " + cp);

            return new Result(set, instance.Name, instance.JobCount, cp, reference, makespan, solution.SchedulesGenerated, ms, failures);
        }

        private static double Deviation(int value, int reference) => reference == 0 ? 0 : 100.0 * (value - reference) / reference;

        private static string F(double value, int decimals = 2) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

        private static string Table(List<(string Set, List<Result> Results, double Seconds)> summaries)
        {
            var sb = new StringBuilder();
            sb.AppendLine("| set | instances | schedules/inst | vs CP bound % | vs best LB % | vs best UB (J30: optimum) % | max vs UB % | at UB | below UB | infeasible | ms/inst mean | ms/inst max | total s |");
            sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var (set, results, seconds) in summaries)
            {
                var ok = results.Where(r => r.Failures.Count == 0).ToList();
                sb.Append("| ").Append(set.ToUpperInvariant())
                  .Append(" | ").Append(results.Count)
                  .Append(" | ").Append(F(results.Average(r => (double)r.Schedules), 0))
                  .Append(" | ").Append(F(results.Average(r => r.DevCp)))
                  .Append(" | ").Append(F(results.Average(r => r.DevLb)))
                  .Append(" | ").Append(F(results.Average(r => r.DevUb)))
                  .Append(" | ").Append(F(results.Max(r => r.DevUb)))
                  .Append(" | ").Append(results.Count(r => r.Makespan == r.Reference.UpperBound))
                  .Append(" | ").Append(results.Count(r => r.Failures.Count == 0 && r.Makespan < r.Reference.UpperBound))
                  .Append(" | ").Append(results.Count - ok.Count)
                  .Append(" | ").Append(F(results.Average(r => r.Milliseconds), 1))
                  .Append(" | ").Append(F(results.Max(r => r.Milliseconds), 1))
                  .Append(" | ").Append(F(seconds, 1))
                  .AppendLine(" |");
            }

            return sb.ToString();
        }

        private static string Details(string set, List<Result> results, int worst)
        {
            var sb = new StringBuilder();
            var slowest = results.OrderByDescending(r => r.Milliseconds).First();
            bool j30 = set == "j30";
            int failed = results.Count(r => r.Failures.Count > 0);
            sb.AppendLine(set.ToUpperInvariant() + ": " + results.Count + " instances, mean " + F(results.Average(r => (double)r.Schedules), 0) + " schedules per instance"
                + (failed > 0 ? "; " + failed + " FAILED (their figures are included below and are meaningless)" : string.Empty));
            if (j30)
            {
                sb.AppendLine("  from the optimum:         mean " + F(results.Average(r => r.DevUb), 3) + " %, max " + F(results.Max(r => r.DevUb)) + " %, optimal " + results.Count(r => r.Makespan == r.Reference.UpperBound) + "/" + results.Count);
                sb.AppendLine("  from the CP bound:        mean " + F(results.Average(r => r.DevCp)) + " %");
            }
            else if (set == "j120gen")
            {
                sb.AppendLine("  from the CP bound:        mean " + F(results.Average(r => r.DevCp)) + " %, max " + F(results.Max(r => r.DevCp)) + " %, at the bound " + results.Count(r => r.Makespan == r.CriticalPath) + "/" + results.Count);
                sb.AppendLine("  time per instance:        mean " + F(results.Average(r => r.Milliseconds), 1) + " ms, max " + F(slowest.Milliseconds, 1) + " ms (" + slowest.Name + ")");
                return sb.ToString();
            }
            else
            {
                sb.AppendLine("  from the CP bound:        mean " + F(results.Average(r => r.DevCp)) + " %, max " + F(results.Max(r => r.DevCp)) + " %");
                sb.AppendLine("  from the best-known LB:   mean " + F(results.Average(r => r.DevLb)) + " %");
                sb.AppendLine("  from the best-known UB:   mean " + F(results.Average(r => r.DevUb)) + " %, max " + F(results.Max(r => r.DevUb)) + " %, at best known " + results.Count(r => r.Makespan == r.Reference.UpperBound) + "/" + results.Count
                    + " (closed instances solved to optimality " + results.Count(r => r.Reference.IsClosed && r.Makespan == r.Reference.UpperBound) + "/" + results.Count(r => r.Reference.IsClosed) + ")");
            }

            sb.AppendLine("  time per instance:        mean " + F(results.Average(r => r.Milliseconds), 1) + " ms, max " + F(slowest.Milliseconds, 1) + " ms (" + slowest.Name + ")");
            var far = results.Where(r => r.Makespan > r.Reference.UpperBound).OrderByDescending(r => r.DevUb).ThenBy(r => r.Name, StringComparer.Ordinal).Take(worst).ToList();
            if (far.Count > 0)
            {
                sb.AppendLine("  furthest from " + (j30 ? "the optimum" : "the best known") + ": "
                    + string.Join(", ", far.Select(r => r.Name + " " + r.Makespan + " vs " + r.Reference.UpperBound + " (+" + F(r.DevUb, 1) + " %)")));
            }

            return sb.ToString();
        }

        private static string Targets(List<(string Set, List<Result> Results, double Seconds)> summaries, LevelingEffort effort, int? schedules)
        {
            var sb = new StringBuilder();
            string note = effort == LevelingEffort.Normal && schedules is null ? string.Empty : " (the targets are for the default effort; this run is not at it)";
            foreach (var (set, results, _) in summaries)
            {
                int failed = results.Count(r => r.Failures.Count > 0);
                if (failed > 0)
                {
                    sb.AppendLine("target " + set.ToUpperInvariant() + ": NOT assessed, " + failed + " schedule(s) infeasible or impossible");
                }
                else if (set == "j30")
                {
                    double mean = results.Average(r => r.DevUb);
                    sb.AppendLine("target J30 ≤ " + F(J30Target, 2) + " % above the optimum: " + (mean <= J30Target ? "met" : "NOT met") + " (" + F(mean, 3) + " %)" + note);
                }
                else if (set == "j120gen")
                {
                    double mean = results.Average(r => r.DevCp);
                    sb.AppendLine("target J120 (generated) ≤ " + F(J120Target, 1) + " % above the CP bound: " + (mean <= J120Target ? "met" : "NOT met") + " (" + F(mean, 2) + " %)" + note);
                }
                else if (set == "j60")
                {
                    double mean = results.Average(r => r.DevCp);
                    sb.AppendLine("target J60 ≤ " + F(J60Target, 1) + " % above the CP bound: " + (mean <= J60Target ? "met" : "NOT met") + " (" + F(mean, 2) + " %)" + note);
                }
            }

            return sb.ToString().TrimEnd();
        }

        private static string Tsv(List<Result> results)
        {
            var sb = new StringBuilder();
            sb.Append("set\tinstance\tjobs\tcp_bound\tlower_bound\tupper_bound\tmakespan\tdev_cp_pct\tdev_lb_pct\tdev_ub_pct\tschedules\tms\tfeasible\n");
            foreach (var r in results)
            {
                sb.Append(r.Set).Append('\t').Append(r.Name).Append('\t').Append(r.Jobs).Append('\t').Append(r.CriticalPath)
                  .Append('\t').Append(r.Reference.LowerBound).Append('\t').Append(r.Reference.UpperBound).Append('\t').Append(r.Makespan)
                  .Append('\t').Append(F(r.DevCp, 3)).Append('\t').Append(F(r.DevLb, 3)).Append('\t').Append(F(r.DevUb, 3))
                  .Append('\t').Append(r.Schedules).Append('\t').Append(F(r.Milliseconds, 2))
                  .Append('\t').Append(r.Failures.Count == 0 ? "yes" : "NO").Append('\n');
            }

            return sb.ToString();
        }

        private sealed record Result(
            string Set, string Name, int Jobs, int CriticalPath, PsplibReference Reference, int Makespan, int Schedules, double Milliseconds, List<string> Failures)
        {
            public double DevCp => Deviation(Makespan, CriticalPath);

            public double DevLb => Deviation(Makespan, Reference.LowerBound);

            public double DevUb => Deviation(Makespan, Reference.UpperBound);
        }
    }
}
