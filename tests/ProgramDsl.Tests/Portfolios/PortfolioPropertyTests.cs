using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.PortfolioSynth;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Portfolios
{
    /// <summary>The size of a generated portfolio, shrunk by CsCheck; <see cref="Seed"/> drives everything else.</summary>
    public sealed record PortfolioSpec(int Programs, int Tasks, int SharedPeople, int SharedPools, int Isolated, int Seed)
    {
        public PortfolioShape Shape(double sharedRate = 0.5, int[]? priorities = null) => new PortfolioShape
        {
            Programs = Programs,
            TasksPerProgram = Tasks,
            TasksPerWorkstream = 6,
            SharedPeople = SharedPeople,
            SharedTeam = SharedPeople,
            SharedPools = SharedPools,
            LocalPeople = 2,
            SharedRate = sharedRate,
            IsolatedPrograms = Isolated,
            Priorities = priorities ?? new[] { 900, 700, 500, 500, 300 },
        };
    }

    /// <summary>
    /// Properties of portfolios leveled together (docs/portfolios.md), on random portfolios from the generator the
    /// benchmark uses (tests/Shared/Portfolios), through the public API only: <see cref="TpmPortfolio.Parse"/> over an
    /// <see cref="InMemorySourceResolver"/>. What is checked is computed here from the generator's model (calendars,
    /// people, pools, dependencies), not read back from the engine's own accounts.
    /// </summary>
    public class PortfolioPropertyTests
    {
        /// <summary>PORTFOLIO_PROPS_SCALE=N runs every property N times as long (a deeper search, by hand).</summary>
        private static readonly int Scale = int.TryParse(Environment.GetEnvironmentVariable("PORTFOLIO_PROPS_SCALE"), out var scale) && scale > 0 ? scale : 1;

        private static readonly int Iterations = 40 * Scale;

        private const int PersonUnits = 1000;

        private static Gen<PortfolioSpec> Specs(int minPrograms = 2, int maxPrograms = 4, int maxTasks = 18, int isolatedMin = 0, int isolatedMax = 0) =>
            Gen.Select(Gen.Int[minPrograms, maxPrograms], Gen.Int[3, maxTasks], Gen.Int[1, 4], Gen.Int[0, 2], Gen.Int[isolatedMin, isolatedMax], Gen.Int[0, 1_000_000],
                (programs, tasks, people, pools, isolated, seed) => new PortfolioSpec(programs, tasks, people, pools, Math.Min(isolated, programs - 1), seed));

        private static string Print(PortfolioSpec spec) => spec + "\n" + PortfolioGenerator.Generate(spec.Shape(), spec.Seed);

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        /// <summary>The programs' options: the quick leveling effort keeps the properties fast; the rules hold at every effort.</summary>
        private static TpmCompileOptions ProgramOptions(int seed = 0) =>
            new TpmCompileOptions { Scheduling = new ScheduleOptions { Seed = seed, Effort = ProgramDsl.Scheduling.Leveling.LevelingEffort.Quick } };

        /// <summary>Compiles a portfolio (all of it, or the programs given) and fails on any error but a missed deadline.</summary>
        private static TpmPortfolio Compile(GeneratedPortfolio g, IEnumerable<GenProgram>? programs = null, int seed = 0)
        {
            var text = programs is null ? g.PortfolioText : g.PortfolioTextOf(programs);
            var options = new PortfolioCompileOptions { Program = ProgramOptions(seed) };
            var portfolio = TpmPortfolio.Parse(text, GeneratedPortfolio.PortfolioPath, new InMemorySourceResolver(g.Files()), options);
            var errors = portfolio.Diagnostics.Where(d => d.IsError && d.Code != "TPM2202").ToList();
            Check(errors.Count == 0, () => "unexpected errors:\n" + string.Join("\n", errors));
            Check(portfolio.Schedule != null, () => "the portfolio was not leveled together");
            return portfolio;
        }

        /// <summary>Each program of the model with its schedule in context, matched by id.</summary>
        private static List<(GenProgram Program, PortfolioProgramSchedule Result)> InContext(GeneratedPortfolio g, TpmPortfolio portfolio, IEnumerable<GenProgram>? programs = null)
        {
            var wanted = (programs ?? g.Programs).ToList();
            var results = portfolio.Schedule!.Programs;
            Check(results.Count == wanted.Count, () => $"{results.Count} program schedules for {wanted.Count} programs");
            var list = new List<(GenProgram, PortfolioProgramSchedule)>();
            for (int i = 0; i < wanted.Count; i++)
            {
                Check(results[i].Member.Id == wanted[i].Id, () => $"program {i} is '{results[i].Member.Id}', expected '{wanted[i].Id}'");
                list.Add((wanted[i], results[i]));
            }

            return list;
        }

        private static ScheduledTask Find(Schedule schedule, GenProgram p, GenTask t) =>
            schedule.Find(t.Id) ?? throw new Exception($"{p.Id}: no task '{t.Id}' in the schedule");

        /// <summary>True when a task works on a day: a working day of its program and of each of its people.</summary>
        private static bool TaskWorks(GenProgram p, GenTask t, CalendarDate d) => p.ProgramWorks(d) && t.Assignees.All(a => a.Person.Works(d));

        [Fact]
        public void No_person_or_pool_is_booked_over_capacity_on_any_day_across_programs()
        {
            Specs().Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                var portfolio = Compile(g);
                var load = new Dictionary<(string Key, CalendarDate Day), int>();
                var holders = new Dictionary<(string Key, CalendarDate Day), List<string>>();
                var capacity = new Dictionary<string, int>();
                void Book(string key, int cap, CalendarDate day, int units, string who)
                {
                    capacity[key] = cap;
                    load[(key, day)] = (load.TryGetValue((key, day), out var x) ? x : 0) + units;
                    if (!holders.TryGetValue((key, day), out var list)) holders[(key, day)] = list = new List<string>();
                    list.Add(who + " " + units);
                }

                foreach (var (p, result) in InContext(g, portfolio))
                {
                    foreach (var t in p.Tasks)
                    {
                        if (t.Milestone) continue;
                        var st = Find(result.Schedule, p, t);
                        for (var d = st.StartDate; d <= st.FinishDate; d = d.AddDays(1))
                        {
                            if (!TaskWorks(p, t, d)) continue;
                            foreach (var (person, share) in t.Assignees) Book(GeneratedPortfolio.PersonKey(p, person), PersonUnits, d, share * 10, p.Id + "/" + t.Id);
                            foreach (var (pool, units) in t.Uses) Book(GeneratedPortfolio.PoolKey(p, pool), pool.Capacity, d, units, p.Id + "/" + t.Id);
                        }
                    }
                }

                foreach (var kv in load.OrderBy(kv => kv.Key.Day).ThenBy(kv => kv.Key.Key, StringComparer.Ordinal))
                {
                    Check(kv.Value <= capacity[kv.Key.Key], () => $"{kv.Key.Key} booked {kv.Value} > {capacity[kv.Key.Key]} on {kv.Key.Day}: {string.Join(", ", holders[kv.Key])}");
                }

                // The portfolio's own account of the shared loads is what the programs book, and within capacity too.
                foreach (var shared in portfolio.Schedule!.Loads)
                {
                    string key = shared.Entity.Declaration.Source.Path.EndsWith(GeneratedPortfolio.FragmentPath, StringComparison.Ordinal)
                        ? GeneratedPortfolio.FragmentPath + "#" + shared.Entity.Id
                        : shared.Entity.Declaration.Source.Path + "#" + shared.Entity.Id;
                    foreach (var day in shared.Days)
                    {
                        int units = day.ByProgram.Sum(x => x.Units);
                        Check(units <= shared.Entity.CapacityUnits, () => $"reported load of {shared.Entity.Id} on {day.Date}: {units} > {shared.Entity.CapacityUnits}");
                        int booked = load.TryGetValue((key, day.Date), out var b) ? b : 0;
                        Check(units == booked, () => $"reported load of {shared.Entity.Id} on {day.Date} is {units}, the programs book {booked}: {(holders.TryGetValue((key, day.Date), out var h) ? string.Join(", ", h) : "none")}");
                    }
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Every_dependency_of_every_program_holds_in_its_schedule_in_context()
        {
            Specs().Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                var portfolio = Compile(g);
                foreach (var (p, result) in InContext(g, portfolio))
                {
                    var schedule = result.Schedule;
                    var calendar = schedule.Calendar;
                    var start = new int[p.Tasks.Count];
                    var finish = new int[p.Tasks.Count];
                    for (int i = 0; i < p.Tasks.Count; i++)
                    {
                        var t = p.Tasks[i];
                        var st = Find(schedule, p, t);
                        if (t.Milestone)
                        {
                            start[i] = finish[i] = st.Start;
                            continue;
                        }

                        // The indices from the dates, on the program's calendar (lags count its working days).
                        Check(calendar.IsWorkingDay(st.StartDate) && calendar.IsWorkingDay(st.FinishDate), () => $"{p.Id}/{t.Id}: {st.StartDate}..{st.FinishDate} not on program working days");
                        start[i] = calendar.IndexOf(st.StartDate);
                        finish[i] = calendar.IndexOf(st.FinishDate) + 1;
                        Check(start[i] == st.Start && finish[i] == st.Finish, () => $"{p.Id}/{t.Id}: dates {st.StartDate}..{st.FinishDate} are [{start[i]},{finish[i]}), the schedule says [{st.Start},{st.Finish})");

                        // And the task works its duration, on its own working days only.
                        Check(TaskWorks(p, t, st.StartDate) && TaskWorks(p, t, st.FinishDate), () => $"{p.Id}/{t.Id}: starts or ends on a day it cannot work ({st.StartDate}..{st.FinishDate})");
                        int worked = 0;
                        for (var d = st.StartDate; d <= st.FinishDate; d = d.AddDays(1)) if (TaskWorks(p, t, d)) worked++;
                        Check(worked == PortfolioGenerator.Duration(t), () => $"{p.Id}/{t.Id}: works {worked} days in {st.StartDate}..{st.FinishDate}, expected {PortfolioGenerator.Duration(t)}");
                    }

                    for (int i = 0; i < p.Tasks.Count; i++)
                    {
                        var t = p.Tasks[i];
                        foreach (var d in t.Dependencies)
                        {
                            int q = d.Predecessor;
                            var (mine, bound, what) = d.Type switch
                            {
                                "fs" => (start[i], finish[q] + d.Lag, "start"),
                                "ss" => (start[i], start[q] + d.Lag, "start"),
                                "ff" => (finish[i], finish[q] + d.Lag, "finish"),
                                _ => (finish[i], start[q] + d.Lag, "finish"),
                            };
                            Check(mine >= bound, () => $"{p.Id}/{t.Id}: {what} {mine} before {bound} required by 'after {p.Tasks[q].Id} {d.Type}{(d.Lag == 0 ? string.Empty : d.Lag.ToString("+0;-0", CultureInfo.InvariantCulture) + "d")}' ([{start[q]},{finish[q]}))");
                        }
                    }
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void A_program_that_shares_nobody_gets_exactly_its_schedule_alone()
        {
            Specs(isolatedMin: 1, isolatedMax: 2).Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                var portfolio = Compile(g);
                var resolver = new InMemorySourceResolver(g.Files());
                foreach (var (p, result) in InContext(g, portfolio))
                {
                    if (p.UsesShared) continue;
                    var alone = TpmProgram.Load(p.Path, resolver, ProgramOptions());
                    Check(!alone.Diagnostics.Any(d => d.IsError && d.Code != "TPM2202"), () => p.Id + " alone: " + string.Join("\n", alone.Diagnostics.Where(d => d.IsError)));
                    var a = alone.Schedule!;
                    var c = result.Schedule;
                    Check(a.FinishDate == c.FinishDate, () => $"{p.Id}: finishes {c.FinishDate} in the portfolio, {a.FinishDate} alone");
                    foreach (var t in p.Tasks)
                    {
                        var x = Find(a, p, t);
                        var y = Find(c, p, t);
                        Check((x.Start, x.Finish, x.StartDate, x.FinishDate, x.LateStart, x.LateFinish, x.TotalFloat) == (y.Start, y.Finish, y.StartDate, y.FinishDate, y.LateStart, y.LateFinish, y.TotalFloat),
                            () => $"{p.Id}/{t.Id}: alone {x.StartDate}..{x.FinishDate} [{x.Start},{x.Finish}) late [{x.LateStart},{x.LateFinish}); in the portfolio {y.StartDate}..{y.FinishDate} [{y.Start},{y.Finish}) late [{y.LateStart},{y.LateFinish})");
                    }
                }
            }, iter: 25 * Scale, print: Print);
        }

        /// <summary>Working days past the deadline, on the program's calendar: finish index (exclusive) past the deadline's.</summary>
        private static int LateDays(PortfolioProgramSchedule result)
        {
            var s = result.Schedule;
            if (result.Deadline is not CalendarDate deadline) return 0;
            int allowed = s.Calendar.LastIndexOnOrBefore(deadline) + 1;
            return Math.Max(0, s.FinishIndex - allowed);
        }

        [Fact]
        public void The_highest_priority_programs_are_never_later_than_when_leveled_without_the_others()
        {
            // Contention on purpose: few shared people, most work on them, two priority levels or three.
            var gen = Gen.Select(Gen.Int[2, 4], Gen.Int[4, 16], Gen.Int[1, 3], Gen.Int[0, 1], Gen.Int[0, 1_000_000],
                (programs, tasks, people, pools, seed) => new PortfolioSpec(programs, tasks, people, pools, 0, seed));
            var priorities = new[] { 900, 500, 300 };
            gen.Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(0.8, priorities), spec.Seed);
                int top = g.Programs.Max(p => p.Priority);
                var first = g.Programs.Where(p => p.Priority == top).ToList();
                if (first.Count == g.Programs.Count) return; // one level: nothing to compare
                var full = InContext(g, Compile(g)).Where(x => x.Program.Priority == top).ToList();
                var without = InContext(g, Compile(g, first), first);
                int lateFull = full.Sum(x => LateDays(x.Result));
                int lateWithout = without.Sum(x => LateDays(x.Result));
                Check(lateFull <= lateWithout, () =>
                    $"priority {top} programs ({string.Join(", ", first.Select(p => p.Id))}) are {lateFull} working days late in the portfolio, {lateWithout} leveled without the others: "
                    + string.Join("; ", full.Select(x => $"{x.Program.Id} finishes {x.Result.FinishDate} (deadline {x.Result.Deadline})"))
                    + " vs " + string.Join("; ", without.Select(x => $"{x.Program.Id} finishes {x.Result.FinishDate}")));
            }, iter: 30 * Scale, print: s => s + " (priorities " + string.Join(", ", priorities) + ", shared rate 0.8)\n" + PortfolioGenerator.Generate(s.Shape(0.8, priorities), s.Seed));
        }

        [Fact]
        public void The_portfolio_reports_margins_and_lateness_as_the_program_calendars_count_them()
        {
            Specs().Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                var portfolio = Compile(g);
                var results = InContext(g, portfolio);
                foreach (var (p, result) in results)
                {
                    if (result.DeadlineMarginDays is not int margin) continue;
                    var s = result.Schedule;
                    int expected = s.Calendar.LastIndexOnOrBefore(p.Deadline) + 1 - s.FinishIndex;
                    Check(margin == expected, () => $"{p.Id}: finish {result.FinishDate}, deadline {p.Deadline}: margin {margin}, expected {expected} working days");
                }

                var levels = results.GroupBy(x => x.Program.Priority).OrderByDescending(x => x.Key).Select(x => (x.Key, x.Sum(y => LateDays(y.Result)))).ToList();
                var reported = portfolio.Schedule!.Lateness.ToList();
                Check(reported.SequenceEqual(levels), () => $"lateness reported ({string.Join(", ", reported)}), computed ({string.Join(", ", levels)})");
            }, iter: 20 * Scale, print: Print);
        }

        private static string Fingerprint(TpmPortfolio portfolio)
        {
            var sb = new StringBuilder();
            foreach (var d in portfolio.Diagnostics) sb.AppendLine(d.ToString());
            var schedule = portfolio.Schedule!;
            sb.Append(schedule.StartDate).Append(' ').Append(schedule.FinishDate).Append(' ').Append(schedule.LevelingSchedules).Append(' ').Append(schedule.LevelingWork).Append(' ').Append(schedule.Seed).AppendLine();
            sb.AppendLine(string.Join(", ", schedule.Lateness));
            foreach (var program in schedule.Programs)
            {
                sb.Append(program.Member.Id).Append(' ').Append(program.FinishDate).Append(' ').Append(program.DeadlineMarginDays).Append(' ').Append(program.WaitDays).Append(' ')
                  .Append(program.Cost.ToString(CultureInfo.InvariantCulture)).AppendLine();
                foreach (var w in program.Waits) sb.Append("  wait ").Append(w.Entity.Id).Append(' ').Append(w.Days).Append(' ').Append(string.Join(",", w.HeldBy)).AppendLine();
                foreach (var t in program.Schedule.Tasks)
                {
                    sb.Append("  ").Append(t.Id).Append(' ').Append(t.StartDate).Append(' ').Append(t.FinishDate).Append(' ').Append(t.LateStartDate).Append(' ').Append(t.LateFinishDate)
                      .Append(' ').Append(string.Join(",", t.Assigned.Select(a => a.Person.Id + ":" + a.Share.ToString(CultureInfo.InvariantCulture)))).AppendLine();
                }
            }

            foreach (var load in schedule.Loads)
            {
                sb.Append(load.Entity.Id).Append(':');
                foreach (var day in load.Days) sb.Append(' ').Append(day.Date).Append('=').Append(string.Join("+", day.ByProgram.Select(x => x.ProgramId + "/" + x.Units)));
                sb.AppendLine();
            }

            return sb.ToString();
        }

        [Fact]
        public void The_same_portfolio_and_seed_give_identical_dates()
        {
            Specs().Sample(spec =>
            {
                var g = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                var again = PortfolioGenerator.Generate(spec.Shape(), spec.Seed);
                Check(g.ToString() == again.ToString(), () => "the generator is not deterministic for its seed");
                int seed = spec.Seed % 1000;
                var first = Fingerprint(Compile(g, seed: seed));
                var second = Fingerprint(Compile(again, seed: seed));
                Check(first == second, () => "two runs differ:\n" + first + "\n---\n" + second);
            }, iter: 20 * Scale, print: Print);
        }
    }
}
