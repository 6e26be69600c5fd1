using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;

namespace ProgramDsl.Benchmarks.TaskJuggler
{
    /// <summary>
    /// <c>taskjuggler</c> subcommand: generates the same resource-constrained plan as <c>.tpm</c> and <c>.tjp</c>, runs
    /// <c>tpm schedule --format json</c> and <c>tj3</c> on it, and compares the program finish and the wall time.
    /// Two hand-checked cases run first, to show that both inputs mean the same thing and that the outputs are read right.
    /// </summary>
    internal static class TaskJugglerComparison
    {
        public const string Usage =
            "  taskjuggler [--sizes 100,500,2000] [--seeds K] [--people-per N] [--runs R] [--tj-runs R] [--tpm PATH] [--native] [--tj3 PATH] [--dir DIR] [--no-level] [--validate-only]\n" +
            "                               the same plan through tpm and TaskJuggler (tj3): program finish and wall time per size and seed\n" +
            "                               (seeds 1..K, default 5; one person per N tasks, default 20; tpm timed R times, default 3, median;\n" +
            "                               tj3 R times, default 1; --no-level: tpm unleveled, a baseline; --native: an ahead-of-time\n" +
            "                               compiled tpm, published with -p:TpmNative=true);\n" +
            "                               exit 1 when tpm finishes later on any seed or a consistency check fails";

        private const double SpeedTarget = 100;

        private sealed class Row
        {
            public int Tasks;
            public int Seed;
            public int People;
            public int Dependencies;
            public int LowerBound;
            public int CriticalPath;
            public DateTime? TpmFinish;
            public DateTime? TjFinish;
            public double TpmSeconds = double.NaN;
            public double TjSeconds = double.NaN;
            public double TpmCpu = double.NaN;
            public double TjCpu = double.NaN;
            public double TpmInProcess = double.NaN;
            public int TjSplit;
            public int TjWarnings;
            public int TjWindowDays;
            public bool TpmLeveled;
            public readonly List<string> Problems = new List<string>();

            public int? Delta => TpmFinish is DateTime a && TjFinish is DateTime b ? WorkWeek.Between(a, b) : null;

            public double SpeedUp => TjSeconds / TpmSeconds;

            public double CpuSpeedUp => TjCpu / TpmCpu;
        }

        public static int Run(string[] args)
        {
            var sizes = (Options.Value(args, "--sizes") ?? "100,500,2000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
            int seeds = Options.Int(args, "--seeds", 5);
            int peoplePer = Options.Int(args, "--people-per", 20);
            int runs = Math.Max(1, Options.Int(args, "--runs", 3));
            int tjRuns = Math.Max(1, Options.Int(args, "--tj-runs", 1));
            bool noLevel = Options.Flag(args, "--no-level");
            var dir = Path.GetFullPath(Options.Value(args, "--dir") ?? Path.Combine(Path.GetTempPath(), "tpm-taskjuggler"));
            Directory.CreateDirectory(dir);

            var tj3 = Options.Value(args, "--tj3") ?? "tj3";
            var tjVersion = TaskJugglerTool.Version(tj3);
            if (tjVersion is null)
            {
                Console.Error.WriteLine("cannot run '" + tj3 + " --version': install TaskJuggler (apt-get install -y tj3) or pass --tj3 PATH");
                return 2;
            }

            var tpmPath = Options.Value(args, "--tpm") ?? BuildTpm(Options.Flag(args, "--native"));
            if (tpmPath is null) return 2;
            IReadOnlyList<string> tpm = tpmPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? new[] { "dotnet", tpmPath } : new[] { tpmPath };

            var report = new StringBuilder();
            void Line(string s = "")
            {
                Console.WriteLine(s);
                report.Append(s).Append('\n');
            }

            Line("## Machine");
            Line();
            foreach (var m in Machine(tj3, tjVersion, tpm)) Line("- " + m);
            Line();

            Line("## Validation (hand-checked cases)");
            Line();
            bool valid = Validate(tj3, tpm, noLevel, Path.Combine(dir, "validation"), Line);
            Line();
            if (!valid)
            {
                Line("validation FAILED: the comparison would not measure what it claims; fix the encoding or the output reading first.");
                File.WriteAllText(Path.Combine(dir, "results.md"), report.ToString());
                return 1;
            }

            if (Options.Flag(args, "--validate-only"))
            {
                File.WriteAllText(Path.Combine(dir, "results.md"), report.ToString());
                return 0;
            }

            var rows = new List<Row>();
            foreach (var n in sizes)
            {
                for (int seed = 1; seed <= seeds; seed++)
                {
                    var row = RunCase(n, seed, Math.Max(1, n / Math.Max(1, peoplePer)), runs, tjRuns, tj3, tpm, noLevel, Path.Combine(dir, "n" + n + "-s" + seed));
                    rows.Add(row);
                    Console.Error.WriteLine($"  N={n} seed={seed}: tpm {Show(row.TpmFinish)} in {row.TpmSeconds:F3} s, tj3 {Show(row.TjFinish)} in {row.TjSeconds:F2} s (window {row.TjWindowDays} working days, {row.TjSplit} split tasks, {row.TjWarnings} warnings)"
                        + (row.Problems.Count > 0 ? "; PROBLEMS: " + string.Join("; ", row.Problems) : string.Empty));
                }
            }

            bool leveled = rows.All(r => r.TpmLeveled);
            Line("## Finish and wall time" + (leveled ? string.Empty : noLevel ? " (tpm --no-level: the unleveled critical path)" : " (before leveling: tpm's schedule is the unleveled critical path)"));
            Line();
            Line("Plans: N tasks of 1–10 days of effort, one assignee each among N/" + peoplePer + " people, 0–3 finish-to-start dependencies on earlier tasks (seeds 1.." + seeds + ").");
            Line("Finish = last working day (in parentheses: working days from the start, inclusive). Lower bound = max(critical path, busiest person's total effort).");
            Line("Δ = tj3 finish − tpm finish in working days (positive: tpm finishes earlier). tj3 split = tasks TaskJuggler interrupted (span longer than effort).");
            Line("Wall and CPU (user+sys) are per process, start to exit: median of " + runs + " tpm run(s) (`tpm schedule --format json`), " + tjRuns + " tj3 run(s). "
                + "In-process = tpm's parse+bind+schedule in the harness, warm, without process start-up.");
            Line();
            Line("| N | seed | lower bound | finish tpm | finish tj3 | Δ (wd) | tj3 split | wall tpm | wall tj3 | wall speed-up | CPU tpm | CPU tj3 | CPU speed-up | tpm in-process |");
            Line("| ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var r in rows)
            {
                Line($"| {r.Tasks} | {r.Seed} | {r.LowerBound} | {Show(r.TpmFinish)} | {Show(r.TjFinish)} | {(r.Delta is int d ? d.ToString("+0;-0;0", CultureInfo.InvariantCulture) : "n/a")} | {r.TjSplit} | {Seconds(r.TpmSeconds)} | {Seconds(r.TjSeconds)} | {Times(r.SpeedUp)} | {Seconds(r.TpmCpu)} | {Seconds(r.TjCpu)} | {Times(r.CpuSpeedUp)} | {Seconds(r.TpmInProcess)} |");
            }

            Line();
            Line("| N | people | seeds | tpm later on | median Δ (wd) | median wall tpm | median wall tj3 | median wall speed-up | min wall speed-up | median CPU speed-up | median tpm in-process |");
            Line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var g in rows.GroupBy(r => r.Tasks))
            {
                var deltas = g.Where(r => r.Delta.HasValue).Select(r => (double)r.Delta!.Value).ToList();
                var speed = g.Select(r => r.SpeedUp).Where(x => !double.IsNaN(x)).ToList();
                Line($"| {g.Key} | {g.First().People} | {g.Count()} | {g.Count(r => r.Delta < 0)} | {(deltas.Count > 0 ? Median(deltas).ToString("+0.#;-0.#;0", CultureInfo.InvariantCulture) : "n/a")} | {Seconds(Median(g.Select(r => r.TpmSeconds).ToList()))} | {Seconds(Median(g.Select(r => r.TjSeconds).ToList()))} | {(speed.Count > 0 ? Times(Median(speed)) : "n/a")} | {(speed.Count > 0 ? Times(speed.Min()) : "n/a")} | {Times(Median(g.Select(r => r.CpuSpeedUp).ToList()))} | {Seconds(Median(g.Select(r => r.TpmInProcess).ToList()))} |");
            }

            Line();
            var later = rows.Where(r => r.Delta < 0).ToList();
            var problems = rows.Where(r => r.Problems.Count > 0).ToList();
            Line("tpm schedule: " + (leveled ? "leveled" : "UNLEVELED" + (noLevel ? " (--no-level)" : " (before leveling)") + " — a finish earlier than TaskJuggler's is expected, and proves nothing about the leveler"));
            Line("finish: tpm later than tj3 on " + later.Count + " of " + rows.Count + " runs" + (later.Count > 0 ? " (" + string.Join(", ", later.Select(r => "N=" + r.Tasks + " seed " + r.Seed + ": " + -r.Delta!.Value + " wd")) + ")" : string.Empty));
            int largest = sizes.Max();
            var atLargest = rows.Where(r => r.Tasks == largest && !double.IsNaN(r.SpeedUp)).ToList();
            if (atLargest.Count > 0)
            {
                double min = atLargest.Min(r => r.SpeedUp);
                Line($"wall-time speed-up at N={largest}: min {min:F0}×, median {Median(atLargest.Select(r => r.SpeedUp).ToList()):F0}× (target ≥ {SpeedTarget:F0}×: {(min >= SpeedTarget ? "met on every seed" : "MISSED")}); "
                    + $"tj3 wall ÷ tpm in-process: median {Median(atLargest.Select(r => r.TjSeconds / r.TpmInProcess).ToList()):F0}×");
            }

            foreach (var r in problems) Line("check failed, N=" + r.Tasks + " seed " + r.Seed + ": " + string.Join("; ", r.Problems));
            Line("plans and outputs: " + dir);
            File.WriteAllText(Path.Combine(dir, "results.md"), report.ToString());
            return later.Count > 0 || problems.Count > 0 ? 1 : 0;
        }

        private static Row RunCase(int n, int seed, int people, int runs, int tjRuns, string tj3, IReadOnlyList<string> tpm, bool noLevel, string caseDir)
        {
            Directory.CreateDirectory(caseDir);
            var plan = ComparisonPlan.Generate(n, seed, people);
            var row = new Row
            {
                Tasks = n,
                Seed = seed,
                People = plan.PeopleCount,
                Dependencies = plan.DependencyCount,
                LowerBound = plan.LowerBound(),
                CriticalPath = plan.CriticalPathFinishes().Max(),
            };
            var tpmFile = Path.Combine(caseDir, "plan.tpm");
            Write(tpmFile, plan.WriteTpm);

            // tpm: the median of `runs` timed runs; every run must print the same schedule.
            var times = new List<double>();
            var cpu = new List<double>();
            string? json = null;
            for (int i = 0; i < runs; i++)
            {
                var run = TpmSchedule.Run(tpm, tpmFile, noLevel);
                times.Add(run.Seconds);
                cpu.Add(run.CpuSeconds);
                if (run.ExitCode != 0)
                {
                    row.Problems.Add("tpm exited " + run.ExitCode + ": " + run.ErrorSummary() + " " + FirstLine(run.Stdout));
                    break;
                }

                if (json != null && json != run.Stdout) row.Problems.Add("tpm printed a different schedule on run " + (i + 1));
                json = run.Stdout;
            }

            row.TpmSeconds = Median(times);
            row.TpmCpu = Median(cpu);
            if (json != null)
            {
                File.WriteAllText(Path.Combine(caseDir, "tpm.json"), json);
                var parsed = TpmSchedule.Parse(json);
                CheckTpm(plan, parsed, row);
                MeasureInProcess(File.ReadAllText(tpmFile), runs, noLevel, parsed, row);
            }

            // TaskJuggler needs a window that holds every task, and takes longer the wider it is (about 10% from 14 months
            // to 2.5 years at N = 2,000): start a little past a feasible serial schedule, double until every task fits.
            int window = plan.SerialUpperBound() * 11 / 10 + 10;
            var tjTimes = new List<double>();
            var tjCpu = new List<double>();
            ToolRun? tjRun = null;
            for (int attempt = 0; attempt < 4; attempt++)
            {
                var tjpFile = Path.Combine(caseDir, "plan.tjp");
                Write(tjpFile, w => plan.WriteTjp(w, WorkWeek.DateOf(window), TaskJugglerTool.ReportName));
                var csv = Path.Combine(caseDir, TaskJugglerTool.ReportName + ".csv");
                if (File.Exists(csv)) File.Delete(csv);
                tjRun = TaskJugglerTool.Schedule(tj3, tjpFile, caseDir);
                if (tjRun.ExitCode != 0 && TaskJugglerTool.DidNotFit(tjRun))
                {
                    window *= 2;
                    continue;
                }

                tjTimes.Add(tjRun.Seconds);
                tjCpu.Add(tjRun.CpuSeconds);
                for (int i = 1; i < tjRuns && tjRun.ExitCode == 0; i++)
                {
                    var again = TaskJugglerTool.Schedule(tj3, tjpFile, caseDir);
                    tjTimes.Add(again.Seconds);
                    tjCpu.Add(again.CpuSeconds);
                }

                break;
            }

            row.TjWindowDays = window;
            if (tjRun is null || tjRun.ExitCode != 0 || tjTimes.Count == 0)
            {
                row.Problems.Add("tj3 failed" + (tjRun is null ? string.Empty : " (exit " + tjRun.ExitCode + "): " + tjRun.ErrorSummary()));
                return row;
            }

            File.WriteAllText(Path.Combine(caseDir, "tj3.stderr.txt"), tjRun.Stderr);
            row.TjSeconds = Median(tjTimes);
            row.TjCpu = Median(tjCpu);
            row.TjWarnings = TaskJugglerTool.WarningCount(tjRun);
            var tj = TaskJugglerTool.ReadReport(Path.Combine(caseDir, TaskJugglerTool.ReportName + ".csv"), out int partial);
            if (partial > 0) row.Problems.Add("tj3: " + partial + " task starts or ends inside a working day");
            var check = ScheduleCheck.Run(plan, tj, contiguous: false, resourceFeasible: true);
            row.TjSplit = check.SplitTasks;
            row.TjFinish = check.Finish;
            row.Problems.AddRange(check.Problems.Select(p => "tj3: " + p));
            return row;
        }

        /// <summary>
        /// The compiler's own time without process start-up: parse, bind and schedule in this process, warm (one untimed run
        /// first), median of <paramref name="runs"/>. It must give the CLI's finish.
        /// </summary>
        private static void MeasureInProcess(string text, int runs, bool noLevel, TpmSchedule cli, Row row)
        {
            var times = new List<double>();
            string? finish = null;
            for (int i = 0; i <= runs; i++)
            {
                var sw = Stopwatch.StartNew();
                var options = new TpmCompileOptions { Scheduling = new ProgramDsl.Scheduling.ScheduleOptions { Leveling = noLevel ? false : null } };
                var program = TpmProgram.Parse(text, "plan.tpm", options);
                sw.Stop();
                if (i > 0) times.Add(sw.Elapsed.TotalSeconds);
                finish = program.Schedule?.FinishDate.ToString();
            }

            row.TpmInProcess = Median(times);
            var expected = cli.Finish is DateTime f ? ComparisonPlan.Date(f) : null;
            if (finish != expected) row.Problems.Add("tpm in process finishes " + (finish ?? "n/a") + ", the CLI " + (expected ?? "n/a"));
        }

        /// <summary>tpm must read each effort as that many working days; unleveled, its finish is the plan's own critical path.</summary>
        private static void CheckTpm(ComparisonPlan plan, TpmSchedule tpm, Row row)
        {
            row.TpmLeveled = tpm.Leveled;
            if (tpm.Errors.Count > 0)
            {
                row.Problems.Add("tpm: " + string.Join("; ", tpm.Errors.Take(3)));
                return;
            }

            row.TpmFinish = tpm.Finish;
            var wrong = plan.Tasks.Where(t => tpm.Durations.TryGetValue(t.Id, out var d) && d != t.EffortDays).Select(t => t.Id).ToList();
            if (wrong.Count > 0) row.Problems.Add("tpm: " + wrong.Count + " tasks whose duration is not their effort (" + string.Join(", ", wrong.Take(5)) + ")");
            var check = ScheduleCheck.Run(plan, tpm.Tasks, contiguous: true, resourceFeasible: tpm.Leveled);
            row.Problems.AddRange(check.Problems.Select(p => "tpm: " + p));
            if (tpm.Finish is DateTime f && check.Finish is DateTime last && f != last) row.Problems.Add("tpm: program finish " + ComparisonPlan.Date(f) + " is not its last task's finish " + ComparisonPlan.Date(last));
            if (!tpm.Leveled && tpm.Finish is DateTime u && WorkWeek.Index(u) + 1 != row.CriticalPath)
            {
                row.Problems.Add("tpm: unleveled finish is " + (WorkWeek.Index(u) + 1) + " working days, the plan's critical path " + row.CriticalPath);
            }
        }

        /// <summary>
        /// Three cases whose answers are known by hand (dates in January 2027; working-day counts from Mon 4).
        /// (1) One person, tasks of 2, 3 and 4 days, no dependencies: any resource-feasible schedule serialises them, 9 working
        /// days, so TaskJuggler must finish Thu 14 with three disjoint blocks; tpm unleveled starts all three Mon 4 and
        /// finishes Thu 7 (the longest), leveled it finishes Thu 14.
        /// (2) t0001 (p2, 5d), then t0002 (p1, 4d) after it: Mon 4 – Fri 8, then Mon 11 – Thu 14 on both sides, leveled or not
        /// (finish-to-start is the next working day after TaskJuggler's 17:00 end).
        /// (3) t0001 (p1, 4d); t0002 (p2, 2d); t0003 (p1, 2d) after t0002; t0004 (p2, 3d) after t0003. Kept in one piece, the
        /// best is 8 working days (t0003 on days 3–4, then t0001 on 5–8); TaskJuggler interrupts t0001 around t0003 (days 1–2
        /// and 5–6) and finishes in 7 (Tue 12), the critical path. It shows that TaskJuggler solves the preemptive problem.
        /// </summary>
        private static bool Validate(string tj3, IReadOnlyList<string> tpm, bool noLevel, string dir, Action<string> line)
        {
            bool ok = true;
            var none = Array.Empty<int>();
            var cases = new[]
            {
                ("serial", "1 person, 2d + 3d + 4d, no dependencies", ComparisonPlan.FromTasks(1, new[]
                {
                    new ComparisonTask(0, 2, 0, none), new ComparisonTask(1, 3, 0, none), new ComparisonTask(2, 4, 0, none),
                })),
                ("chain", "p2 5d, then p1 4d after it", ComparisonPlan.FromTasks(2, new[]
                {
                    new ComparisonTask(0, 5, 1, none), new ComparisonTask(1, 4, 0, new[] { 0 }),
                })),
                ("interrupted", "TaskJuggler interrupts a task (the preemptive relaxation)", ComparisonPlan.FromTasks(2, new[]
                {
                    new ComparisonTask(0, 4, 0, none), new ComparisonTask(1, 2, 1, none), new ComparisonTask(2, 2, 0, new[] { 1 }), new ComparisonTask(3, 3, 1, new[] { 2 }),
                })),
            };

            foreach (var (key, name, plan) in cases)
            {
                var caseDir = Path.Combine(dir, key);
                Directory.CreateDirectory(caseDir);
                Write(Path.Combine(caseDir, "plan.tpm"), plan.WriteTpm);
                Write(Path.Combine(caseDir, "plan.tjp"), w => plan.WriteTjp(w, ComparisonPlan.Start.AddDays(60), TaskJugglerTool.ReportName));
                var tjRun = TaskJugglerTool.Schedule(tj3, Path.Combine(caseDir, "plan.tjp"), caseDir);
                var tpmRun = TpmSchedule.Run(tpm, Path.Combine(caseDir, "plan.tpm"), noLevel);
                if (tjRun.ExitCode != 0 || tpmRun.ExitCode != 0)
                {
                    line("- " + name + ": tj3 exit " + tjRun.ExitCode + " " + tjRun.ErrorSummary() + "; tpm exit " + tpmRun.ExitCode + " " + tpmRun.ErrorSummary());
                    ok = false;
                    continue;
                }

                var tj = TaskJugglerTool.ReadReport(Path.Combine(caseDir, TaskJugglerTool.ReportName + ".csv"), out int partial);
                var ours = TpmSchedule.Parse(tpmRun.Stdout);
                line("**" + name + "** (tpm " + (ours.Leveled ? "leveled" : "unleveled") + ")");
                line(string.Empty);
                line("| task | effort | person | after | tj3 start | tj3 last day | tpm start | tpm last day |");
                line("| --- | ---: | --- | --- | --- | --- | --- | --- |");
                foreach (var t in plan.Tasks)
                {
                    string Dates(IReadOnlyDictionary<string, TaskDates> d, bool start) => d.TryGetValue(t.Id, out var x) ? ComparisonPlan.Date(start ? x.Start : x.Finish) : "missing";
                    line($"| {t.Id} | {t.EffortDays}d | {ComparisonPlan.PersonId(t.Person)} | {string.Join(", ", t.Predecessors.Select(ComparisonPlan.TaskId))} | {Dates(tj, true)} | {Dates(tj, false)} | {Dates(ours.Tasks, true)} | {Dates(ours.Tasks, false)} |");
                }

                line(string.Empty);
                var expectations = new List<(string What, bool Holds)>();
                var notes = new List<string>();
                bool interrupted = key == "interrupted";
                var tjCheck = ScheduleCheck.Run(plan, tj, contiguous: !interrupted, resourceFeasible: true);
                var tpmCheck = ScheduleCheck.Run(plan, ours.Tasks, contiguous: true, resourceFeasible: ours.Leveled);
                expectations.Add(("tj3 schedule consistent with the plan (dependencies kept, spans " + (interrupted ? "≥" : "=") + " effort, no person on two tasks a day)" + Problems(tjCheck), tjCheck.Problems.Count == 0));
                expectations.Add(("tj3 tasks start at 9:00 and end at 17:00 (whole working days)", partial == 0));
                expectations.Add(("tpm schedule consistent with the plan" + (ours.Leveled ? " (leveled: no person on two tasks a day)" : string.Empty) + Problems(tpmCheck), tpmCheck.Problems.Count == 0));
                var d = new Func<int, DateTime>(day => new DateTime(2027, 1, day));
                switch (key)
                {
                    case "serial":
                        expectations.Add(("tj3 finish = sum of efforts (9 wd) = 2027-01-14: " + Show(tjCheck.Finish), tjCheck.Finish == d(14)));
                        if (ours.Leveled)
                        {
                            expectations.Add(("tpm (leveled) finish = 2027-01-14: " + Show(ours.Finish), ours.Finish == d(14)));
                        }
                        else
                        {
                            expectations.Add(("tpm (unleveled) starts all three on 2027-01-04 and finishes 2027-01-07: " + Show(ours.Finish),
                                ours.Finish == d(7) && plan.Tasks.All(t => ours.Tasks.TryGetValue(t.Id, out var x) && x.Start == ComparisonPlan.Start)));
                        }

                        break;
                    case "chain":
                        bool Expected(IReadOnlyDictionary<string, TaskDates> s) =>
                            s.TryGetValue("t0001", out var x) && x.Start == d(4) && x.Finish == d(8) && s.TryGetValue("t0002", out var y) && y.Start == d(11) && y.Finish == d(14);
                        expectations.Add(("tj3: t0001 2027-01-04..01-08, t0002 2027-01-11..01-14", Expected(tj)));
                        expectations.Add(("tpm: the same dates", Expected(ours.Tasks) && ours.Finish == d(14)));
                        break;
                    default:
                        expectations.Add(("tj3 interrupts t0001 (4d over 2027-01-04..01-11) and finishes 2027-01-12 (7 wd): " + Show(tjCheck.Finish),
                            tjCheck.Finish == d(12) && tj.TryGetValue("t0001", out var l) && l.Start == d(4) && l.Finish == d(11) && tjCheck.SplitTasks == 1));
                        if (ours.Leveled)
                        {
                            // No schedule with every task in one piece finishes before 8 working days.
                            expectations.Add(("tpm (leveled) finishes no earlier than 2027-01-13 (8 wd): " + Show(ours.Finish), ours.Finish >= d(13)));
                            notes.Add(ours.Finish == d(13) ? "tpm found the best uninterrupted schedule (8 wd); TaskJuggler is 1 wd earlier only by interrupting t0001" : "tpm finishes after the best uninterrupted schedule (8 wd)");
                        }
                        else
                        {
                            expectations.Add(("tpm (unleveled) finishes on the critical path, 2027-01-12 (7 wd): " + Show(ours.Finish), ours.Finish == d(12)));
                        }

                        break;
                }

                foreach (var (what, holds) in expectations)
                {
                    line("- " + (holds ? "ok: " : "FAILED: ") + what);
                    ok &= holds;
                }

                foreach (var n in notes) line("- note: " + n);
                line(string.Empty);
            }

            return ok;
        }

        private static string Problems(ScheduleCheck check) => check.Problems.Count == 0 ? string.Empty : " — " + string.Join("; ", check.Problems);

        private static IEnumerable<string> Machine(string tj3, string tjVersion, IReadOnlyList<string> tpm)
        {
            string? Read(string file, string key) => File.Exists(file)
                ? File.ReadLines(file).Where(l => l.StartsWith(key, StringComparison.Ordinal)).Select(l => l.Substring(l.IndexOf(l.Contains(':') ? ':' : '=') + 1).Trim().Trim('"')).FirstOrDefault()
                : null;
            string ruby;
            try
            {
                var r = ToolRun.Start("ruby", new[] { "--version" });
                ruby = r.Stdout.Trim();
            }
            catch (System.ComponentModel.Win32Exception)
            {
                ruby = "n/a";
            }

            yield return "CPU: " + (Read("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString()) + ", " + Environment.ProcessorCount + " logical cores";
            var kb = Read("/proc/meminfo", "MemTotal")?.Split(' ')[0];
            yield return "memory: " + (long.TryParse(kb, NumberStyles.Integer, CultureInfo.InvariantCulture, out var k) ? (k / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " GB" : "n/a");
            yield return "OS: " + (Read("/etc/os-release", "PRETTY_NAME") ?? RuntimeInformation.OSDescription) + ", kernel " + Environment.OSVersion.Version;
            yield return "TaskJuggler: " + tjVersion + " (" + tj3 + "), " + ruby;
            yield return "tpm: " + string.Join(" ", tpm) + " on " + RuntimeInformation.FrameworkDescription;
            yield return "load average before: " + (File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a");
        }

        /// <summary>
        /// Builds the CLI in Release into a temporary artifacts folder (never into the source tree) and returns the
        /// apphost; with <paramref name="native"/>, publishes the ahead-of-time compiled tpm instead.
        /// </summary>
        private static string? BuildTpm(bool native)
        {
            string? root = null;
            for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d != null && root == null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) root = d.FullName;
            }

            if (root is null)
            {
                Console.Error.WriteLine("cannot find ProgramDsl.sln above the current folder; pass --tpm PATH (the tpm apphost or tpm.dll)");
                return null;
            }

            var artifacts = Path.Combine(Path.GetTempPath(), native ? "tpm-bench-taskjuggler-native" : "tpm-bench-taskjuggler");
            var publish = Path.Combine(artifacts, "publish");
            var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false };
            var buildArgs = native
                ? new[] { "publish", Path.Combine(root, "src", "ProgramDsl.Cli"), "-c", "Release", "-r", "linux-x64", "-p:TpmNative=true", "--artifacts-path", artifacts, "-o", publish, "-v", "q", "-nologo" }
                : new[] { "build", Path.Combine(root, "src", "ProgramDsl.Cli"), "-c", "Release", "--artifacts-path", artifacts, "-v", "q", "-nologo" };
            foreach (var a in buildArgs) psi.ArgumentList.Add(a);
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

            if (native) return Path.Combine(publish, "tpm");
            var apphost = Path.Combine(artifacts, "bin", "ProgramDsl.Cli", "release", "tpm");
            return File.Exists(apphost) ? apphost : Path.Combine(artifacts, "bin", "ProgramDsl.Cli", "release", "tpm.dll");
        }

        private static void Write(string file, Action<TextWriter> write)
        {
            using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
            write(writer);
        }

        private static string FirstLine(string s) => s.Split('\n').FirstOrDefault(l => l.Trim().Length > 0) ?? string.Empty;

        private static string Show(DateTime? d) => d is DateTime x ? ComparisonPlan.Date(x) + " (" + (WorkWeek.Index(x) + 1) + ")" : "n/a";

        private static string Times(double x) => double.IsNaN(x) || double.IsInfinity(x) ? "n/a" : x.ToString(x < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + "×";

        private static string Seconds(double s) => double.IsNaN(s) ? "n/a" : s < 0.1 ? (s * 1000).ToString("F1", CultureInfo.InvariantCulture) + " ms" : s < 10 ? s.ToString("F3", CultureInfo.InvariantCulture) + " s" : s.ToString("F1", CultureInfo.InvariantCulture) + " s";

        private static double Median(List<double> values)
        {
            var sorted = values.Where(v => !double.IsNaN(v)).OrderBy(v => v).ToList();
            if (sorted.Count == 0) return double.NaN;
            int mid = sorted.Count / 2;
            return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        }
    }
}
