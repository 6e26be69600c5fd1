using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.PortfolioSynth;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// A generated portfolio (tests/Shared/Portfolios, the property tests' generator) compiled in process: parse and bind
    /// of every program, then the whole compile with the programs leveled together; prints the times and the portfolio's
    /// figures (schedules tried, work, each program's finish against its deadline, waits).
    /// </summary>
    internal static class PortfolioBenchmark
    {
        public const string Usage =
            "  portfolio [--programs 50] [--tasks 2000] [--shared 400] [--team 16] [--pools 8] [--seed N] [--level-seed N] [--programs-table] [--alone]\n" +
            "                               generate a portfolio of PROGRAMS programs of TASKS tasks sharing SHARED people (each\n" +
            "                               program draws on TEAM of them) and POOLS pools, and time its parse + bind and its compile\n" +
            "                               leveled together; --programs-table prints every program's line (default: a summary); --alone first compiles\n" +
            "                               each program alone (leveled on its own, the shared people counted in every program)";

        /// <summary>Each program compiled and leveled alone, one after the other: what the programs cost without the portfolio.</summary>
        private static Dictionary<string, CalendarDate> Alone(GeneratedPortfolio g)
        {
            var finishes = new Dictionary<string, CalendarDate>();
            var resolver = new InMemorySourceResolver(g.Files());
            TpmProgram.Parse(g.Programs[0].StandaloneText, g.Programs[0].Path, null, resolver); // JIT
            GC.Collect();
            var clock = Stopwatch.StartNew();
            int errors = 0, late = 0;
            long schedules = 0, work = 0;
            var slowest = TimeSpan.Zero;
            foreach (var p in g.Programs)
            {
                var one = Stopwatch.StartNew();
                var program = TpmProgram.Parse(p.StandaloneText, p.Path, null, resolver);
                if (one.Elapsed > slowest) slowest = one.Elapsed;
                errors += program.Diagnostics.Count(d => d.IsError && d.Code != "TPM2202");
                late += program.Diagnostics.Count(d => d.Code == "TPM2202");
                schedules += program.Schedule?.LevelingSchedules ?? 0;
                work += program.Schedule?.LevelingWork ?? 0;
                if (program.Schedule != null) finishes[p.Id] = program.Schedule.FinishDate;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "each program alone: {0:F2} s wall in all (slowest {1:F2} s), {2:N0} schedules tried, {3:N0} work units; {4} programs past their deadline, {5} other errors",
                clock.Elapsed.TotalSeconds, slowest.TotalSeconds, schedules, work, late, errors));
            return finishes;
        }

        public static int Run(string[] args)
        {
            var shape = new PortfolioShape
            {
                Programs = Options.Int(args, "--programs", 50),
                TasksPerProgram = Options.Int(args, "--tasks", 2000),
                SharedPeople = Options.Int(args, "--shared", 400),
                SharedTeam = Options.Int(args, "--team", 16),
                SharedPools = Options.Int(args, "--pools", 8),
                LocalPeople = Math.Max(3, Options.Int(args, "--tasks", 2000) / 60),
                SharedRate = 0.35,
                TasksPerWorkstream = 50,
            };
            int seed = Options.Int(args, "--seed", 42);
            int levelSeed = Options.Int(args, "--level-seed", 0);

            var clock = Stopwatch.StartNew();
            var g = PortfolioGenerator.Generate(shape, seed);
            var files = g.Files();
            var generated = clock.Elapsed;
            long chars = files.Sum(f => (long)f.Value.Length);
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "portfolio: {0} programs × {1:N0} tasks (+1 milestone each), {2} shared people ({3} per program's team), {4} shared pools, {5} local people per program; seed {6}; {7:N0} chars in {8} files, generated in {9:F2} s",
                shape.Programs, shape.TasksPerProgram, shape.SharedPeople, shape.SharedTeam, shape.SharedPools, shape.LocalPeople, seed, chars, files.Count, generated.TotalSeconds));

            // A lower bound on any joint schedule: the busiest shared person's work across the programs, in person-days.
            var load = new Dictionary<string, double>();
            foreach (var p in g.Programs)
            {
                foreach (var t in p.Tasks)
                {
                    foreach (var (person, share) in t.Assignees)
                    {
                        if (person.Shared) load[person.Id] = (load.TryGetValue(person.Id, out var x) ? x : 0) + PortfolioGenerator.Duration(t) * share / 100.0;
                    }
                }
            }

            if (load.Count > 0)
            {
                var busiest = load.OrderByDescending(kv => kv.Value).First();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "busiest shared person: {0}, {1:F0} working days of work across the programs (mean over shared people {2:F0})",
                    busiest.Key, busiest.Value, load.Values.Average()));
            }

            var alone = Options.Flag(args, "--alone") ? Alone(g) : new Dictionary<string, CalendarDate>();

            // Warm the JIT on a small portfolio of the same shape, so the figures are the steady state's.
            var warm = PortfolioGenerator.Generate(new PortfolioShape { Programs = 3, TasksPerProgram = 50, SharedPeople = 6, SharedTeam = 4, SharedPools = 1 }, seed);
            TpmPortfolio.Parse(warm.PortfolioText, GeneratedPortfolio.PortfolioPath, new InMemorySourceResolver(warm.Files()));

            var resolver = new InMemorySourceResolver(files);

            // Parse + bind: every program compiled without a schedule, the portfolio not leveled.
            var bindOptions = new PortfolioCompileOptions { Schedule = false, Program = new TpmCompileOptions { Schedule = false } };
            GC.Collect();
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            clock.Restart();
            var bound = TpmPortfolio.Parse(g.PortfolioText, GeneratedPortfolio.PortfolioPath, resolver, bindOptions);
            var bind = clock.Elapsed;
            process.Refresh();
            var bindCpu = process.TotalProcessorTime - cpu0;
            int boundErrors = bound.Diagnostics.Count(d => d.IsError);
            bound = null;

            // The whole compile, leveled together.
            GC.Collect();
            long allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            process.Refresh();
            cpu0 = process.TotalProcessorTime;
            // Each step of the joint leveling as it ends: its time and allocation since the last.
            var steps = new List<string>();
            var stepClock = Stopwatch.StartNew();
            long stepAllocated = allocated0;
            PortfolioScheduler.StepObserver = (name, activities, work, schedules) =>
            {
                long now = GC.GetTotalAllocatedBytes(precise: false);
                steps.Add(string.Format(CultureInfo.InvariantCulture, "| {0} | {1:N0} | {2:N0} | {3} | {4:F2} s | {5:N0} MB |",
                    name, activities, work, schedules, stepClock.Elapsed.TotalSeconds, (now - stepAllocated) / 1_000_000));
                stepAllocated = now;
                stepClock.Restart();
            };
            clock.Restart();
            stepClock.Restart();
            var options = new PortfolioCompileOptions { Program = new TpmCompileOptions { Scheduling = new ScheduleOptions { Seed = levelSeed } } };
            var portfolio = TpmPortfolio.Parse(g.PortfolioText, GeneratedPortfolio.PortfolioPath, resolver, options);
            var total = clock.Elapsed;
            process.Refresh();
            var totalCpu = process.TotalProcessorTime - cpu0;
            long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
            process.Refresh();

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "parse + bind:      {0,8:F2} s wall, {1:F2} s CPU ({2} errors)", bind.TotalSeconds, bindCpu.TotalSeconds, boundErrors));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "leveling together: {0,8:F2} s wall (the total less parse + bind)", (total - bind).TotalSeconds));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "total:             {0,8:F2} s wall, {1:F2} s CPU, {2:N0} MB allocated, peak working set {3:N0} MB",
                total.TotalSeconds, totalCpu.TotalSeconds, allocated / 1_000_000, process.PeakWorkingSet64 / 1_000_000));

            PortfolioScheduler.StepObserver = null;
            if (steps.Count > 0)
            {
                Console.WriteLine("steps of the joint leveling (the first also holds the programs' preparation):");
                Console.WriteLine("| step | activities | work units | schedules | time | allocated |");
                Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
                foreach (var line in steps) Console.WriteLine(line);
            }

            var errors = portfolio.Diagnostics.Where(d => d.IsError).ToList();
            var byCode = portfolio.Diagnostics.GroupBy(d => d.Code).OrderBy(x => x.Key, StringComparer.Ordinal).Select(x => x.Key + " × " + x.Count());
            Console.WriteLine("diagnostics: " + portfolio.Diagnostics.Count + " (" + string.Join(", ", byCode) + ")");
            foreach (var e in errors.Where(e => e.Code != "TPM2202").Take(10)) Console.WriteLine("  " + e);
            Console.WriteLine("shared people and pools (used by two programs or more): " + portfolio.Shared.Count);

            var schedule = portfolio.Schedule;
            if (schedule is null)
            {
                Console.WriteLine("the portfolio was not leveled together");
                return 1;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "leveler: {0:N0} schedules tried, {1:N0} work units, seed {2}; portfolio {3} .. {4}",
                schedule.LevelingSchedules, schedule.LevelingWork, schedule.Seed, schedule.StartDate, schedule.FinishDate));
            Console.WriteLine("lateness by priority (working days past deadlines): " + string.Join(", ", schedule.Lateness.Select(l => l.Priority + ": " + l.LateDays)));

            var programs = schedule.Programs;
            foreach (var level in programs.GroupBy(p => p.Member.Priority).OrderByDescending(x => x.Key))
            {
                var late = level.Where(p => p.DeadlineMarginDays < 0).ToList();
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "  priority {0}: {1} programs, {2} late (by {3} working days in all, at most {4}), wait days {5} in all; finishes {6} .. {7}",
                    level.Key, level.Count(), late.Count, late.Sum(p => -(p.DeadlineMarginDays ?? 0)), late.Count == 0 ? 0 : late.Max(p => -(p.DeadlineMarginDays ?? 0)),
                    level.Sum(p => p.WaitDays), level.Min(p => p.FinishDate), level.Max(p => p.FinishDate)));
            }

            if (Options.Flag(args, "--programs-table"))
            {
                Console.WriteLine();
                Console.WriteLine("| program | priority | start | finish | alone | deadline | margin | wait days |");
                Console.WriteLine("| --- | ---: | --- | --- | --- | --- | ---: | ---: |");
                foreach (var p in programs)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "| {0} | {1} | {2} | {3} | {4} | {5} | {6} | {7} |",
                        p.Member.Id, p.Member.Priority, p.Schedule.StartDate, p.FinishDate, (alone.TryGetValue(p.Member.Id, out var a) ? a : (CalendarDate?)null)?.ToString() ?? "-", p.Deadline?.ToString() ?? "-",
                        p.DeadlineMarginDays?.ToString(CultureInfo.InvariantCulture) ?? "-", p.WaitDays));
                }
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "({0} cores, .NET {1}, {2})", Environment.ProcessorCount, Environment.Version, Environment.OSVersion));
            return 0;
        }
    }
}
