using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// The leveler's and the forecast's work budgets on the plans that used to take long: the time the leveling adds to
    /// a compile (leveled minus unleveled, median of runs), the schedules and work units used, and the forecast's
    /// iterations run against those asked.
    /// </summary>
    internal static class LevelingBudgetBenchmark
    {
        public const string Usage =
            "  leveling-budget [--runs R] [--effort quick|normal|max] [--iterations N]\n" +
            "                               leveling and forecast time, schedules, work units and iterations run on the\n" +
            "                               budget's hard cases: 200 tasks on 2 people, a pool and lags; 2,000 generated tasks;\n" +
            "                               20,000 tasks on one person (median of R runs, default 3; forecast of N, default 1,000;\n" +
            "                               --no-forecast skips it);\n" +
            "                               --write DIR writes those plans as contended-200.tpm, contended-2000.tpm, generated-2000.tpm\n" +
            "                               and one-person-20000.tpm (to time any tpm on them) and stops;\n" +
            "                               --large adds the generated 100,000-task plan and 100,000 tasks on ten people with effort\n" +
            "                               assignments (with --write: generated-100000.tpm, people-100000.tpm); --huge also the\n" +
            "                               generated 140,000-task plan, the largest within the 3,000,000-token input limit;\n" +
            "                               --long times plans spanning the calendar instead (a 2,600,000-day task on three people;\n" +
            "                               several long tasks with a pool, effort and an estimate; the same with people's days off;\n" +
            "                               with --write: long-task.tpm, long-several.tpm, long-days-off.tpm)";

        public static int Run(string[] args)
        {
            int runs = Options.Int(args, "--runs", 3);
            int iterations = Options.Int(args, "--iterations", 1000);
            var effort = (Options.Value(args, "--effort") ?? "normal") switch
            {
                "quick" => LevelingEffort.Quick,
                "max" => LevelingEffort.Max,
                _ => LevelingEffort.Normal,
            };

            var cases = new List<(string Name, string? Text)>
            {
                ("examples/ml-platform", null),
                ("200 tasks, 2 people, pool, lags", Contended(200, 3)),
                ("2,000 tasks, 2 people, pool, lags", Contended(2000, 3)),
                ("generated, 2,000 tasks", PlanGenerator.Generate(2000)),
                ("generated, 1,000 tasks", PlanGenerator.Generate(1000)),
                ("20,000 tasks, one person", OnePerson(20_000)),
            };
            if (Options.Flag(args, "--long"))
            {
                // Plans spanning the calendar (issue 11): tasks hundreds of thousands to millions of days long.
                cases = new List<(string Name, string? Text)>
                {
                    ("one 2,600,000-day task, 3 people", LongTask()),
                    ("several long tasks, pool, effort, estimate", SeveralLongTasks(withDaysOff: false)),
                    ("the same, people with days off", SeveralLongTasks(withDaysOff: true)),
                };
                if (Options.Value(args, "--write") is string longFolder)
                {
                    System.IO.Directory.CreateDirectory(longFolder);
                    var names = new[] { "long-task.tpm", "long-several.tpm", "long-days-off.tpm" };
                    for (int i = 0; i < names.Length; i++) System.IO.File.WriteAllText(System.IO.Path.Combine(longFolder, names[i]), cases[i].Text, new UTF8Encoding(false));
                    Console.WriteLine("wrote " + string.Join(", ", names) + " to " + longFolder);
                    return 0;
                }
            }
            else if (Options.Flag(args, "--large") || Options.Flag(args, "--huge"))
            {
                cases.Add(("generated, 100,000 tasks", PlanGenerator.Generate(100_000)));
                cases.Add(("100,000 tasks, 10 people, effort", TenPeople(100_000)));
            }

            // The largest generated plan within the token limit (InputLimits.MaxTokens; the generator writes about 20 tokens a task).
            if (Options.Flag(args, "--huge") && !Options.Flag(args, "--long")) cases.Add(("generated, 140,000 tasks", PlanGenerator.Generate(140_000)));

            if (Options.Value(args, "--write") is string folder)
            {
                System.IO.Directory.CreateDirectory(folder);
                var files = new List<string> { "contended-200.tpm", "contended-2000.tpm", "generated-2000.tpm", "one-person-20000.tpm" };
                if (cases.Count > 6) files.AddRange(new[] { "generated-100000.tpm", "people-100000.tpm" });
                var texts = cases.Skip(1).Where(c => c.Name != "generated, 1,000 tasks").ToList();
                for (int i = 0; i < files.Count; i++) System.IO.File.WriteAllText(System.IO.Path.Combine(folder, files[i]), texts[i].Text, new UTF8Encoding(false));
                Console.WriteLine("wrote " + string.Join(", ", files) + " to " + folder);
                return 0;
            }

            Console.WriteLine($"leveling budget: effort {effort.ToString().ToLowerInvariant()}, median of {runs} runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine("| plan | tasks | schedules | work units | work budget | leveling, wall (s) | leveling, CPU (s) | ns per unit (CPU) | forecast: iterations run of asked | forecast, wall (s) | forecast, CPU (s) |");
            Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            foreach (var (name, text) in cases)
            {
                var leveled = new ScheduleOptions { Effort = effort };
                var (withLeveling, withCpu, program) = Median(text, leveled, runs);
                var (without, withoutCpu, _) = Median(text, new ScheduleOptions { Leveling = false }, runs);
                var schedule = program.Schedule;
                if (schedule is null || program.HasErrors)
                {
                    Console.Error.WriteLine(name + ": the plan has errors");
                    return 1;
                }

                double leveling = Math.Max(0, withLeveling - without);
                double levelingCpu = Math.Max(0, withCpu - withoutCpu);
                long budget = RcpspSolver.WorkBudget(new RcpspOptions { Effort = effort });
                if (Options.Flag(args, "--no-forecast"))
                {
                    Console.WriteLine($"| {name} | {schedule.Tasks.Count:N0} | {schedule.LevelingSchedules:N0} | {schedule.LevelingWork:N0} | {budget:N0} | {leveling:0.00} | {levelingCpu:0.00} | " +
                                      $"{(schedule.LevelingWork > 0 ? levelingCpu * 1e9 / schedule.LevelingWork : 0):0.0} | - | - | - |");
                    continue;
                }

                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                var forecast = MonteCarloForecast.Run(schedule, new ForecastOptions
                {
                    Iterations = iterations,
                    WorkBudget = MonteCarloForecast.WorkBudget,
                });
                double forecastSeconds = clock.Elapsed.TotalSeconds;
                double forecastCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                Console.WriteLine($"| {name} | {schedule.Tasks.Count:N0} | {schedule.LevelingSchedules:N0} | {schedule.LevelingWork:N0} | {budget:N0} | {leveling:0.00} | {levelingCpu:0.00} | " +
                                  $"{(schedule.LevelingWork > 0 ? levelingCpu * 1e9 / schedule.LevelingWork : 0):0.0} | {forecast.Iterations:N0} of {iterations:N0} ({forecast.WorkPerIteration:N0} units each) | {forecastSeconds:0.00} | {forecastCpu:0.00} |");
            }

            return 0;
        }

        /// <summary>Median wall and CPU time of compiling the plan (the leveler is single-threaded, so CPU time is its own).</summary>
        private static (double Seconds, double CpuSeconds, TpmProgram Program) Median(string? text, ScheduleOptions scheduling, int runs)
        {
            var times = new List<double>();
            var cpuTimes = new List<double>();
            TpmProgram? last = null;
            for (int r = 0; r < runs; r++)
            {
                var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                last = text is null ? ForecastBenchmark.LoadExample(scheduling) : TpmProgram.Parse(text, "plan.tpm", new TpmCompileOptions { Scheduling = scheduling });
                times.Add(clock.Elapsed.TotalSeconds);
                cpuTimes.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
            }

            times.Sort();
            cpuTimes.Sort();
            return (times[times.Count / 2], cpuTimes[cpuTimes.Count / 2], last!);
        }

        /// <summary>
        /// Two half-time people with a vacation, a four-unit pool, tasks of 3–40 days on one or both of them (a fifth on
        /// nobody) using the pool half the time, and up to three dependencies on recent tasks with lags and leads: the
        /// kind of plan whose search never reaches its lower bound.
        /// </summary>
        public static string Contended(int tasks, int seed)
        {
            var random = new Random(seed);
            var sb = new StringBuilder();
            sb.Append("program p \"Contended\" {\n  start 2027-01-04\n  holiday 2027-05-31 \"Memorial Day\"\n");
            sb.Append("  person ana \"Ana\" { rate 500/d  vacation 2027-03-01..2027-03-12 }\n  person ben \"Ben\" { rate 500/d }\n");
            sb.Append("  resource gpu \"GPU\" { capacity 4 }\n");
            string[] kinds = { "", "", " ss+2d", " fs+3d", " ff+1d", " fs-1d" };
            for (int i = 0; i < tasks; i++)
            {
                int days = random.Next(3, 41);
                double who = random.NextDouble();
                string assign = who < 0.35 ? "assign ana 50%" : who < 0.7 ? "assign ben 50%" : who < 0.8 ? "assign ana, ben 50%" : "";
                var body = new List<string> { (assign.Length > 0 ? "effort " : "duration ") + days + "d" };
                if (assign.Length > 0) body.Add(assign);
                if (random.NextDouble() < 0.5) body.Add("uses gpu " + random.Next(1, 5));
                if (i > 0)
                {
                    var after = new SortedDictionary<int, string>();
                    int count = random.Next(0, 4);
                    for (int k = 0; k < count; k++)
                    {
                        int j = random.Next(Math.Max(0, i - 30), i);
                        if (!after.ContainsKey(j)) after[j] = kinds[random.Next(kinds.Length)];
                    }

                    if (after.Count > 0) body.Add("after " + string.Join(", ", after.Select(p => "t" + p.Key + p.Value)));
                }

                sb.Append("  task t").Append(i).Append(" \"T").Append(i).Append("\" { ").Append(string.Join("  ", body)).Append(" }\n");
            }

            return sb.Append("}\n").ToString();
        }

        /// <summary>
        /// Tasks of 1–20 days of effort, each on one or two of ten people, in chains of up to ten with a few links back:
        /// a large plan whose decodings scan many resource days.
        /// </summary>
        public static string TenPeople(int tasks)
        {
            var random = new Random(7);
            var sb = new StringBuilder(tasks * 80);
            sb.Append("program team \"Ten people\" {\n  start 2027-01-04\n");
            for (int p = 0; p < 10; p++) sb.Append("  person p").Append(p).Append(" \"P").Append(p).Append("\" { rate 500/d }\n");
            for (int i = 0; i < tasks; i++)
            {
                int days = random.Next(1, 21);
                int who = random.Next(10);
                sb.Append("  task t").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" \"T\" { effort ").Append(days).Append("d  assign p").Append(who);
                if (random.NextDouble() < 0.3) sb.Append(", p").Append((who + 1 + random.Next(9)) % 10);
                bool chained = i % 10 != 0;
                if (chained) sb.Append("  after t").Append((i - 1).ToString(CultureInfo.InvariantCulture));
                if (i >= 50 && random.NextDouble() < 0.2) sb.Append(chained ? ", t" : "  after t").Append((i - 50 + random.Next(40)).ToString(CultureInfo.InvariantCulture));
                sb.Append(" }\n");
            }

            return sb.Append("}\n").ToString();
        }

        /// <summary>One task as long as the calendar from 0001 (it finishes in 9966) on three people.</summary>
        public static string LongTask() =>
            "program p \"P\" {\n  start 0001-01-01\n  person a \"A\" { } person b \"B\" { } person c \"C\" { }\n" +
            "  task t \"T\" { duration 2600000d  assign a, b, c }\n}\n";

        /// <summary>
        /// Long tasks from 0001 on three people and a two-unit pool, with effort, an estimate and two short tasks;
        /// <paramref name="withDaysOff"/> gives two of the people a vacation, so their tasks have calendars of their own.
        /// </summary>
        public static string SeveralLongTasks(bool withDaysOff)
        {
            string a = withDaysOff ? "{ vacation 0002-03-01..0002-03-05 }" : "{ }";
            string c = withDaysOff ? "{ vacation 5000-01-01..5000-01-20 }" : "{ }";
            return "program p \"P\" {\n  start 0001-01-01\n  person a \"A\" " + a + " person b \"B\" { } person c \"C\" " + c + "\n" +
                   "  resource pool \"Pool\" { capacity 2 }\n" +
                   "  task t1 \"T1\" { duration 500000d  assign a, b }\n  task t2 \"T2\" { duration 500000d  assign a, c }\n" +
                   "  task t3 \"T3\" { effort 900000d  assign b, c }\n  task t4 \"T4\" { duration 400000d  uses pool 2 }\n" +
                   "  task t5 \"T5\" { duration 400000d  uses pool 1 }\n  task t6 \"T6\" { estimate 100000d 200000d 400000d  assign a }\n" +
                   "  task s1 \"S1\" { duration 5d  assign a }\n  task s2 \"S2\" { duration 5d  assign a  after t1 }\n}\n";
        }

        /// <summary>Independent tasks of 1–8 days with three-point estimates, all on one person.</summary>
        public static string OnePerson(int tasks)
        {
            var random = new Random(1);
            var sb = new StringBuilder();
            sb.Append("program solo \"One person\" {\n  start 2027-01-04\n  person ana \"Ana\" { rate 500/d }\n");
            for (int i = 0; i < tasks; i++)
            {
                int days = random.Next(1, 9);
                sb.Append("  task t").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" \"T\" { estimate ")
                  .Append(Math.Max(1, days - 1)).Append("d ").Append(days).Append("d ").Append(days + 3).Append("d  assign ana }\n");
            }

            return sb.Append("}\n").ToString();
        }
    }
}
