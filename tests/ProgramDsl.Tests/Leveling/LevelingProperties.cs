using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>A generated person: capacity in percent, an optional vacation (length ≤ 0: none) and an optional role (&lt; 0: none).</summary>
    public sealed record LevPerson(int Capacity, int VacationOffset, int VacationLength, int Role);

    /// <summary>A generated dependency: how far back it points (reduced to an earlier task), its type code and its lag.</summary>
    public sealed record LevDep(int Back, int Type, int Lag);

    /// <summary>A generated task or milestone; indices into people, roles and pools are reduced when the plan is built.</summary>
    public sealed record LevTask(
        int Kind, int Amount, int[] People, int[] Shares, int Role, int RoleShare, int Pool, int Units, LevDep[] Deps, int Priority);

    /// <summary>A generated plan before it becomes text, with the leveler's seed and budget (0: quick, rules only; else 80 schedules per unit: from 60 on, the genetic search runs).</summary>
    public sealed record LevSpec(LevPerson[] People, int RoleCount, int[] Pools, LevTask[] Tasks, bool Holiday, int Seed, int Budget);

    /// <summary>
    /// Properties of leveled schedules of random valid plans. Each plan's model (people, vacations, pools, assignments,
    /// dependencies) is kept beside its text, and every check is computed from that model and the schedule's dates,
    /// never by calling the leveler's code.
    /// </summary>
    public class LevelingProperties
    {
        private const int Iterations = 150;

        private const int DefaultIterations = 5;

        private static readonly int[] Capacities = { 100, 100, 100, 80, 50 };
        private static readonly int[] Shares = { 100, 100, 50, 25, 75, 40 };
        private static readonly int[] Priorities = { 200, 700, 900 };

        private static readonly Gen<LevDep> GenDep = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 9], Gen.Int[-1, 3], (b, t, l) => new LevDep(b, t, l));

        private static readonly Gen<LevTask> GenTask = Gen.Select(
            Gen.Select(Gen.Int[0, 13], Gen.Int[1, 6], Gen.Int[-4, 1], Gen.Int[0, 5]),
            Gen.Int[0, 3].Array[0, 2],
            Gen.Int[0, Shares.Length - 1].Array[2],
            Gen.Select(Gen.Int[-3, 1], Gen.Int[1, 5]),
            GenDep.Array[0, 3],
            Gen.Int[-6, 2],
            (a, people, shares, pool, deps, priority) => new LevTask(a.Item1, a.Item2, people, shares, a.Item3, a.Item4, pool.Item1, pool.Item2, deps, priority));

        /// <summary>Plans of 5–40 tasks, 1–4 people, 0–2 roles and 0–2 pools, with the leveler's seed.</summary>
        private static readonly Gen<LevSpec> GenPlan = Gen.Select(
            Gen.Select(Gen.Int[0, Capacities.Length - 1], Gen.Int[0, 40], Gen.Int[-5, 6], Gen.Int[-1, 1], (c, o, l, r) => new LevPerson(Capacities[c], o, l, r)).Array[1, 4],
            Gen.Int[0, 2],
            Gen.Int[1, 5].Array[0, 2],
            GenTask.Array[5, 40],
            Gen.Bool,
            Gen.Select(Gen.Int[0, 1_000_000], Gen.Int[0, 3]),
            (people, roles, pools, tasks, holiday, search) => new LevSpec(people, roles, pools, tasks, holiday, search.Item1, search.Item2));

        private static string Print(LevSpec spec) => new LevPlan(spec).Text + "// leveler seed " + spec.Seed + ", budget " + spec.Budget;

        /// <summary>
        /// The leveler's options for a plan. The default effort decodes up to 10,000 schedules per plan, far too slow for
        /// hundreds of plans: most plans use the quick effort (priority rules only) or a few hundred schedules, which
        /// still runs justification and the genetic search. <see cref="Default_options_level_feasibly_and_deterministically"/> covers the default.
        /// </summary>
        private static ScheduleOptions Options(LevSpec spec, bool? leveling, bool defaults) =>
            defaults ? new ScheduleOptions { Leveling = leveling, Seed = spec.Seed }
            : spec.Budget == 0 ? new ScheduleOptions { Leveling = leveling, Seed = spec.Seed, Effort = ProgramDsl.Scheduling.Leveling.LevelingEffort.Quick }
            : new ScheduleOptions { Leveling = leveling, Seed = spec.Seed, Schedules = spec.Budget * 80 };

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        private static (LevPlan Plan, Schedule Schedule, ScheduledTask[] Tasks) Compile(LevSpec spec, bool? leveling = null, bool defaults = false)
        {
            var plan = new LevPlan(spec);
            var program = TpmProgram.Parse(plan.Text, "gen.tpm", new TpmCompileOptions { Scheduling = Options(spec, leveling, defaults) });
            var errors = program.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count > 0) throw new Exception("unexpected errors:\n" + string.Join("\n", errors));
            var schedule = program.Schedule ?? throw new Exception("no schedule");
            var tasks = Enumerable.Range(0, plan.Count).Select(i => schedule.Find(plan.Id(i)) ?? throw new Exception("missing " + plan.Id(i))).ToArray();
            return (plan, schedule, tasks);
        }

        /// <summary>(a) Assignees and durations as the model says, and nobody and no pool over capacity on any day worked.</summary>
        private static void CheckCapacity(LevPlan plan, Schedule schedule, ScheduledTask[] tasks)
        {
            Check(schedule.IsLeveled, () => "leveling should be on by default");
            var time = new TaskDays(plan, schedule, tasks);
            time.CheckAssignments();
            time.CheckDurations();
            var over = time.OverCapacity(tasks.Select(t => t.Start).ToArray(), tasks.Select(t => t.Finish).ToArray());
            Check(over is null, () => over!);
        }

        /// <summary>(b) Every dependency, with its type and lag, in the leveled dates.</summary>
        private static void CheckDependencies(LevPlan plan, ScheduledTask[] tasks)
        {
            var broken = plan.BrokenDependency(tasks.Select(t => t.Start).ToArray(), tasks.Select(t => t.Finish).ToArray());
            Check(broken is null, () => broken!);
        }

        /// <summary>(d) The critical-path finish ≤ the leveled finish ≤ the finish of running the tasks one after another.</summary>
        private static void CheckBounds(LevSpec spec, LevPlan plan, Schedule schedule, ScheduledTask[] tasks, bool defaults)
        {
            var time = new TaskDays(plan, schedule, tasks);
            time.CheckDurations();

            // Lower bound: early dates from the dependencies and the task calendars alone, with the assignees the
            // leveler chose (role work can go to someone else than without leveling, with another capacity).
            var (_, cpmFinish) = time.EarlyDates(serial: false);
            int cpm = cpmFinish.DefaultIfEmpty(0).Max();
            Check(schedule.FinishIndex >= cpm, () => $"leveled finish {schedule.FinishIndex} is before the critical-path finish {cpm}");

            // Upper bound: every task (in declaration order, which is topological) starts only once all earlier ones
            // have finished, so nothing ever overlaps: a feasible schedule, as the two checks below confirm. The leveler's
            // serial schedule generator, decoding this list, would place each task no later than this; any list it keeps
            // instead was at least as short, so a finish beyond this bound means it lost even the trivial answer.
            var (serialStart, serialFinish) = time.EarlyDates(serial: true);
            Check(plan.BrokenDependency(serialStart, serialFinish) is null, () => "the serial bound breaks " + plan.BrokenDependency(serialStart, serialFinish));
            Check(time.OverCapacity(serialStart, serialFinish) is null, () => "the serial bound is over capacity: " + time.OverCapacity(serialStart, serialFinish));
            int serial = serialFinish.DefaultIfEmpty(0).Max();
            Check(schedule.FinishIndex <= serial, () => $"leveled finish {schedule.FinishIndex} is after the serial finish {serial}");

            // Without role work the assignees are the same with leveling off: the scheduler's own CPM finish is the
            // lower bound computed above, and the leveled finish is never before it.
            if (!plan.HasRoleWork)
            {
                var (_, unleveled, _) = Compile(spec, leveling: false, defaults: defaults);
                Check(!unleveled.IsLeveled, () => "leveling off still leveled");
                Check(unleveled.FinishIndex == cpm, () => $"unleveled finish {unleveled.FinishIndex}, own critical-path finish {cpm}");
                Check(schedule.FinishIndex >= unleveled.FinishIndex, () => $"leveled finish {schedule.FinishIndex} < unleveled {unleveled.FinishIndex}");
            }
        }

        [Fact]
        public void Leveled_plans_keep_every_person_and_pool_within_capacity_on_every_day_worked()
        {
            GenPlan.Sample(spec =>
            {
                var (plan, schedule, tasks) = Compile(spec);
                CheckCapacity(plan, schedule, tasks);
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Leveled_plans_keep_every_dependency()
        {
            GenPlan.Sample(spec =>
            {
                var (plan, _, tasks) = Compile(spec);
                CheckDependencies(plan, tasks);
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void The_same_text_and_seed_give_the_same_leveled_schedule()
        {
            GenPlan.Sample(spec =>
            {
                var first = Fingerprint(Compile(spec).Schedule);
                var second = Fingerprint(Compile(spec).Schedule);
                Check(first == second, () => "two compilations differ:\n" + first + "\n---\n" + second);
            }, iter: 100, print: Print);
        }

        [Fact]
        public void The_leveled_finish_lies_between_the_critical_path_and_running_the_tasks_one_after_another()
        {
            GenPlan.Sample(spec =>
            {
                var (plan, schedule, tasks) = Compile(spec);
                CheckBounds(spec, plan, schedule, tasks, defaults: false);
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Without_leveling_every_over_allocated_run_is_reported_once_and_nothing_else()
        {
            // The CPM schedule is kept; the loads computed from its dates must give exactly the TPM2101 warnings.
            GenPlan.Sample(spec =>
            {
                var plan = new LevPlan(spec);
                var program = TpmProgram.Parse(plan.Text, "gen.tpm", new TpmCompileOptions { Scheduling = new ScheduleOptions { Leveling = false } });
                Check(!program.HasErrors && program.Schedule != null, () => "unexpected errors:\n" + string.Join("\n", program.Diagnostics));
                var schedule = program.Schedule!;
                var tasks = Enumerable.Range(0, plan.Count).Select(i => schedule.Find(plan.Id(i))!).ToArray();
                var time = new TaskDays(plan, schedule, tasks);
                time.CheckAssignments();
                time.CheckDurations();
                var expected = time.ExpectedOverAllocations(tasks.Select(t => t.Start).ToArray(), tasks.Select(t => t.Finish).ToArray());
                var warnings = program.Diagnostics.Where(d => d.Code == "TPM2101").ToList();
                Check(warnings.All(d => d.Severity == ProgramDsl.Diagnostics.DiagnosticSeverity.Warning), () => "TPM2101 is a warning");

                // Diagnostics come in source order (then in the order reported): compare the sets, then that order.
                var actual = warnings.Select(d => (d.Message, d.Location!.Value.Start.Line, d.Location!.Value.Text)).OrderBy(x => x.Line).ThenBy(x => x.Message, StringComparer.Ordinal).ToList();
                expected = expected.OrderBy(x => x.Line).ThenBy(x => x.Message, StringComparer.Ordinal).ToList();
                Check(actual.SequenceEqual(expected), () => "expected:\n" + string.Join("\n", expected) + "\nactual:\n" + string.Join("\n", actual));
                var positions = warnings.Select(d => d.Location!.Value.Span.Start).ToList();
                Check(positions.SequenceEqual(positions.OrderBy(x => x)), () => "TPM2101 warnings are not in source order");
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Default_options_level_feasibly_and_deterministically()
        {
            // The default effort is what users get: fewer plans, as each may decode up to 10,000 schedules.
            GenPlan.Sample(spec =>
            {
                var (plan, schedule, tasks) = Compile(spec, defaults: true);
                CheckCapacity(plan, schedule, tasks);
                CheckDependencies(plan, tasks);
                CheckBounds(spec, plan, schedule, tasks, defaults: true);
                var again = Compile(spec, defaults: true).Schedule;
                Check(Fingerprint(schedule) == Fingerprint(again), () => "two compilations differ:\n" + Fingerprint(schedule) + "\n---\n" + Fingerprint(again));
            }, iter: DefaultIterations, print: Print);
        }

        [Fact]
        public void The_generator_produces_the_features_the_properties_are_about()
        {
            // Guards the generator: a change that stopped producing some feature would make the properties above vacuous.
            var counts = new int[10];
            var gate = new object();
            GenPlan.Sample(spec =>
            {
                var plan = new LevPlan(spec);
                var seen = new[]
                {
                    plan.Vacation.Any(v => v != null),
                    plan.PersonCapacity.Any(c => c < 1m),
                    plan.Uses.Any(u => u != null),
                    plan.HasRoleWork,
                    plan.Milestone.Any(m => m),
                    plan.Text.Contains("priority"),
                    plan.Named.Any(n => n.Count == 2) && plan.Named.Any(n => n.Any(a => a.Share < 1m)),
                    plan.Deps.Any(d => d.Any(x => x.Lag < 0)) && plan.Deps.Any(d => d.Any(x => x.Lag > 0)),
                    plan.Deps.Any(d => d.Any(x => x.Type == DependencyType.FinishToFinish)) && plan.Deps.Any(d => d.Any(x => x.Type == DependencyType.StartToFinish)),
                    plan.Effort.Any(e => e != null) && plan.Duration.Any(d => d != null),
                };
                lock (gate)
                {
                    for (int k = 0; k < seen.Length; k++) if (seen[k]) counts[k]++;
                }
            }, iter: 100);
            counts.Should().OnlyContain(n => n >= 20, "each feature should appear in a good part of 100 plans: {0}", string.Join(", ", counts));
        }

        /// <summary>Everything a schedule says, as text, to compare two compilations.</summary>
        private static string Fingerprint(Schedule s)
        {
            var b = new StringBuilder();
            b.Append("finish ").Append(s.FinishIndex).Append(' ').Append(s.FinishDate).Append(" leveled ").Append(s.IsLeveled)
                .Append(" schedules ").Append(s.LevelingSchedules).Append('\n');
            foreach (var t in s.Tasks)
            {
                b.Append(t.Id).Append(" [").Append(t.Start).Append(',').Append(t.Finish).Append(") late [").Append(t.LateStart).Append(',').Append(t.LateFinish)
                    .Append(") ").Append(t.StartDate).Append("..").Append(t.FinishDate).Append(" float ").Append(t.TotalFloat).Append(t.IsCritical ? " critical" : string.Empty)
                    .Append(" by ").Append(t.DelayedBy?.Id ?? "-").Append(' ').Append(t.ResourceDelayDays).Append(" cost ").Append(t.Cost)
                    .Append(" people ").Append(string.Join(",", t.Assigned.Select(a => a.Person.Id + ":" + a.Share + ":" + (a.ViaRole?.Id ?? "")))).Append('\n');
            }

            b.Append("path ").Append(string.Join(" ", s.CriticalPath.Select(t => t.Id)));
            return b.ToString();
        }

        /// <summary>A generated plan: its text and the model the checks use.</summary>
        private sealed class LevPlan
        {
            public static readonly CalendarDate Start = CalendarDate.FromYmd(2027, 1, 4);

            public LevPlan(LevSpec spec)
            {
                Spec = spec;
                int people = spec.People.Length;
                Count = spec.Tasks.Length;
                PersonCapacity = spec.People.Select(p => p.Capacity / 100m).ToArray();
                Vacation = spec.People.Select(p => p.VacationLength > 0 ? (Start.AddDays(p.VacationOffset), Start.AddDays(p.VacationOffset + p.VacationLength - 1)) : ((CalendarDate, CalendarDate)?)null).ToArray();
                PersonRole = spec.People.Select(p => spec.RoleCount == 0 || p.Role < 0 ? -1 : p.Role % spec.RoleCount).ToArray();
                PoolCapacity = spec.Pools;
                Milestone = new bool[Count];
                Duration = new int?[Count];
                Effort = new int?[Count];
                Named = new List<(int Person, decimal Share)>[Count];
                RoleOf = new int[Count];
                Uses = new (int Pool, int Units)?[Count];
                Deps = new List<(int Target, DependencyType Type, int Lag)>[Count];
                TaskLine = new int[Count];

                var text = new StringBuilder();
                text.Append("program gen \"Generated\" {\n  start 2027-01-04\n");
                if (spec.Holiday) text.Append("  holiday 2027-01-18 \"Holiday\"\n");
                for (int r = 0; r < spec.RoleCount; r++) text.Append("  role r").Append(r).Append(" \"Role ").Append(r).Append("\"\n");
                for (int p = 0; p < people; p++)
                {
                    var settings = new List<string>();
                    if (PersonCapacity[p] != 1m) settings.Add("capacity " + spec.People[p].Capacity + "%");
                    if (PersonRole[p] >= 0) settings.Add("role r" + PersonRole[p]);
                    if (Vacation[p] is (CalendarDate from, CalendarDate to)) settings.Add("vacation " + from + ".." + to);
                    text.Append("  person p").Append(p).Append(" \"Person ").Append(p).Append('"');
                    if (settings.Count > 0) text.Append(" { ").Append(string.Join("  ", settings)).Append(" }");
                    text.Append('\n');
                }

                for (int g = 0; g < PoolCapacity.Length; g++) text.Append("  resource g").Append(g).Append(" \"Pool ").Append(g).Append("\" { capacity ").Append(PoolCapacity[g]).Append(" }\n");

                for (int i = 0; i < Count; i++)
                {
                    var t = spec.Tasks[i];
                    Milestone[i] = t.Kind == 0 && i > 0;
                    Named[i] = new List<(int, decimal)>();
                    RoleOf[i] = -1;
                    Deps[i] = new List<(int, DependencyType, int)>();
                    var settings = new List<string>();
                    if (!Milestone[i])
                    {
                        var items = new List<string>();
                        foreach (var (person, k) in t.People.Select((p, k) => (p % people, k)).ToList())
                        {
                            if (Named[i].Any(n => n.Person == person)) continue;
                            int share = Shares[t.Shares[k]];
                            Named[i].Add((person, share / 100m));
                            items.Add("p" + person + (share == 100 ? string.Empty : " " + share + "%"));
                        }

                        // A role only with a holder who is not already named on the task, so it always resolves to someone.
                        if (t.Role >= 0 && spec.RoleCount > 0)
                        {
                            int role = t.Role % spec.RoleCount;
                            if (Enumerable.Range(0, people).Any(p => PersonRole[p] == role && Named[i].All(n => n.Person != p)))
                            {
                                RoleOf[i] = role;
                                RoleShare = RoleShare ?? new decimal[Count];
                                int share = Shares[t.RoleShare % Shares.Length];
                                RoleShare[i] = share / 100m;
                                items.Add("role r" + role + (share == 100 ? string.Empty : " " + share + "%"));
                            }
                        }

                        // Effort only with someone to do it (effort alone is taken as duration with a warning).
                        if (t.Kind <= 6 && items.Count > 0)
                        {
                            Effort[i] = t.Amount;
                            settings.Add("effort " + t.Amount + "d");
                        }
                        else
                        {
                            Duration[i] = t.Amount;
                            settings.Add("duration " + t.Amount + "d");
                        }

                        if (items.Count > 0) settings.Add("assign " + string.Join(", ", items));
                        if (t.Pool >= 0 && PoolCapacity.Length > 0)
                        {
                            int pool = t.Pool % PoolCapacity.Length;
                            int units = 1 + (t.Units - 1) % PoolCapacity[pool];
                            Uses[i] = (pool, units);
                            settings.Add("uses g" + pool + " " + units);
                        }

                        if (t.Priority > 0) settings.Add("priority " + Priorities[t.Priority % Priorities.Length]);
                    }

                    if (i > 0)
                    {
                        var items = new List<string>();
                        foreach (var d in t.Deps)
                        {
                            int target = i - 1 - d.Back % Math.Min(i, 6);
                            if (Deps[i].Any(x => x.Target == target)) continue;
                            var (type, word) = d.Type switch
                            {
                                <= 5 => (DependencyType.FinishToStart, "fs"),
                                <= 7 => (DependencyType.StartToStart, "ss"),
                                8 => (DependencyType.FinishToFinish, "ff"),
                                _ => (DependencyType.StartToFinish, "sf"),
                            };
                            Deps[i].Add((target, type, d.Lag));
                            items.Add(Id(target) + " " + word + (d.Lag == 0 ? string.Empty : (d.Lag > 0 ? "+" : "-") + Math.Abs(d.Lag) + "d"));
                        }

                        if (items.Count > 0) settings.Add("after " + string.Join(", ", items));
                    }

                    TaskLine[i] = text.ToString().Count(c => c == '\n') + 1;
                    text.Append(Milestone[i] ? "  milestone " : "  task ").Append(Id(i)).Append(" { ").Append(string.Join("  ", settings)).Append(" }\n");
                }

                text.Append("}\n");
                Text = text.ToString();
            }

            public LevSpec Spec { get; }

            public string Text { get; }

            public int Count { get; }

            public decimal[] PersonCapacity { get; }

            public (CalendarDate From, CalendarDate To)?[] Vacation { get; }

            public int[] PersonRole { get; }

            public int[] PoolCapacity { get; }

            public bool[] Milestone { get; }

            public int?[] Duration { get; }

            public int?[] Effort { get; }

            public List<(int Person, decimal Share)>[] Named { get; }

            public int[] RoleOf { get; }

            public decimal[]? RoleShare { get; private set; }

            public (int Pool, int Units)?[] Uses { get; }

            public List<(int Target, DependencyType Type, int Lag)>[] Deps { get; }

            public int[] TaskLine { get; }

            public bool HasRoleWork => RoleOf.Any(r => r >= 0);

            public string Id(int i) => "t" + i.ToString(CultureInfo.InvariantCulture);

            public static int PersonIndex(PersonSymbol p) => int.Parse(p.Id.Substring(1), CultureInfo.InvariantCulture);

            /// <summary>fs: S ≥ F(p) + lag · ss: S ≥ S(p) + lag · ff: F ≥ F(p) + lag · sf: F ≥ S(p) + lag, and nothing before day 0; null when all hold.</summary>
            public string? BrokenDependency(int[] start, int[] finish)
            {
                for (int i = 0; i < Count; i++)
                {
                    if (start[i] < 0) return $"{Id(i)} starts at {start[i]}, before the program";
                    if (finish[i] < start[i]) return $"{Id(i)} spans [{start[i]},{finish[i]})";
                    foreach (var (p, type, lag) in Deps[i])
                    {
                        var (have, need, what) = type switch
                        {
                            DependencyType.FinishToStart => (start[i], finish[p] + lag, "fs"),
                            DependencyType.StartToStart => (start[i], start[p] + lag, "ss"),
                            DependencyType.FinishToFinish => (finish[i], finish[p] + lag, "ff"),
                            _ => (finish[i], start[p] + lag, "sf"),
                        };
                        if (have < need) return $"{Id(i)} [{start[i]},{finish[i]}) breaks 'after {Id(p)} {what}{lag:+0;-0;+0}d' with {Id(p)} [{start[p]},{finish[p]}): {have} < {need}";
                    }
                }

                return null;
            }
        }

        /// <summary>
        /// The days each task can work, from the model: a program working day (the schedule's indices count only those)
        /// whose date is in no assignee's vacation. Generated people have no calendar of their own, so that is all.
        /// </summary>
        private sealed class TaskDays
        {
            private readonly LevPlan _plan;
            private readonly Schedule _schedule;
            private readonly ScheduledTask[] _tasks;
            private readonly int[][] _people;
            private readonly decimal[][] _shares;
            private readonly int[] _duration;

            public TaskDays(LevPlan plan, Schedule schedule, ScheduledTask[] tasks)
            {
                _plan = plan;
                _schedule = schedule;
                _tasks = tasks;
                _people = tasks.Select(t => t.Assigned.Select(a => LevPlan.PersonIndex(a.Person)).ToArray()).ToArray();
                _shares = tasks.Select(t => t.Assigned.Select(a => a.Share).ToArray()).ToArray();

                // Duration in working days: duration D → D; effort E → ⌈E ÷ Σ(share × capacity)⌉; a milestone 0.
                _duration = new int[plan.Count];
                for (int i = 0; i < plan.Count; i++)
                {
                    if (plan.Milestone[i]) continue;
                    if (plan.Duration[i] is int d) _duration[i] = d;
                    else
                    {
                        decimal rate = 0;
                        for (int k = 0; k < _people[i].Length; k++) rate += _shares[i][k] * plan.PersonCapacity[_people[i][k]];
                        _duration[i] = (int)Math.Ceiling(plan.Effort[i]!.Value / rate);
                    }
                }
            }

            /// <summary>True when task <paramref name="i"/> can work on program day <paramref name="day"/>.</summary>
            public bool Works(int i, int day)
            {
                var date = _schedule.Calendar.DateOf(day);
                foreach (int p in _people[i])
                {
                    if (_plan.Vacation[p] is (CalendarDate from, CalendarDate to) && date >= from && date <= to) return false;
                }

                return true;
            }

            private int Next(int i, int day)
            {
                while (!Works(i, day)) day++;
                return day;
            }

            /// <summary>The exclusive finish of <paramref name="days"/> working days from <paramref name="start"/> (a working day).</summary>
            private int Advance(int i, int start, int days)
            {
                int day = start;
                for (int left = days; left > 0; day++)
                {
                    if (Works(i, day)) left--;
                }

                return day;
            }

            /// <summary>Named people with their shares, and the role's holder, exactly as generated.</summary>
            public void CheckAssignments()
            {
                for (int i = 0; i < _plan.Count; i++)
                {
                    var t = _tasks[i];
                    var named = t.Assigned.Where(a => a.ViaRole is null).Select(a => (LevPlan.PersonIndex(a.Person), a.Share)).ToList();
                    Check(named.SequenceEqual(_plan.Named[i]), () => $"{t.Id}: named {string.Join(",", named)}, generated {string.Join(",", _plan.Named[i])}");
                    var viaRole = t.Assigned.Where(a => a.ViaRole != null).ToList();
                    if (_plan.RoleOf[i] < 0)
                    {
                        Check(viaRole.Count == 0, () => $"{t.Id}: role assignee without a role");
                        continue;
                    }

                    Check(viaRole.Count == 1, () => $"{t.Id}: {viaRole.Count} role assignees");
                    int holder = LevPlan.PersonIndex(viaRole[0].Person);
                    Check(_plan.PersonRole[holder] == _plan.RoleOf[i], () => $"{t.Id}: p{holder} does not hold r{_plan.RoleOf[i]}");
                    Check(_plan.Named[i].All(n => n.Person != holder), () => $"{t.Id}: p{holder} is already named on the task");
                    Check(viaRole[0].Share == _plan.RoleShare![i], () => $"{t.Id}: role share {viaRole[0].Share}");
                }
            }

            /// <summary>Each task works exactly its duration: it starts and ends on a day it works, and works that many days between.</summary>
            public void CheckDurations()
            {
                for (int i = 0; i < _plan.Count; i++)
                {
                    var t = _tasks[i];
                    Check(t.DurationDays == _duration[i], () => $"{t.Id}: {t.DurationDays} days, expected {_duration[i]}");
                    if (_duration[i] == 0)
                    {
                        Check(t.Start == t.Finish, () => $"{t.Id}: milestone spans [{t.Start},{t.Finish})");
                        continue;
                    }

                    int worked = Enumerable.Range(t.Start, t.Finish - t.Start).Count(day => Works(i, day));
                    Check(Works(i, t.Start) && Works(i, t.Finish - 1) && worked == _duration[i],
                        () => $"{t.Id} [{t.Start},{t.Finish}) works {worked} days, starts on a working day {Works(i, t.Start)}, ends on one {Works(i, t.Finish - 1)}; expected {_duration[i]}");
                }
            }

            /// <summary>
            /// Σ shares of each person ≤ 100% and Σ units of each pool ≤ its capacity, on every day each task works; the
            /// first breach found, or null. A person's limit is 100% whatever their capacity (language.md §4: a share is a
            /// part of the person; capacity only stretches effort, through the duration checked in <see cref="CheckDurations"/>).
            /// </summary>
            public string? OverCapacity(int[] start, int[] finish)
            {
                var (people, pools) = Loads(start, finish);
                foreach (var kv in people.OrderBy(kv => kv.Key))
                {
                    if (kv.Value.Load > 1m) return $"p{kv.Key.Person} has {Percent(kv.Value.Load)} on day {kv.Key.Day} from {string.Join(", ", kv.Value.Tasks)}";
                }

                foreach (var kv in pools.OrderBy(kv => kv.Key))
                {
                    int capacity = _plan.PoolCapacity[kv.Key.Pool];
                    if (kv.Value.Load > capacity) return $"g{kv.Key.Pool} has {kv.Value.Load} of {capacity} units on day {kv.Key.Day} from {string.Join(", ", kv.Value.Tasks)}";
                }

                return null;
            }

            private static string Percent(decimal share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

            /// <summary>Per person and day worked, Σ shares and the tasks; per pool and day worked, Σ units and the tasks (in task order).</summary>
            private (Dictionary<(int Person, int Day), (decimal Load, List<int> Tasks)> People, Dictionary<(int Pool, int Day), (int Load, List<int> Tasks)> Pools) Loads(int[] start, int[] finish)
            {
                var personLoad = new Dictionary<(int Person, int Day), (decimal Load, List<int> Tasks)>();
                var poolLoad = new Dictionary<(int Pool, int Day), (int Load, List<int> Tasks)>();
                for (int i = 0; i < _plan.Count; i++)
                {
                    for (int day = start[i]; day < finish[i]; day++)
                    {
                        if (!Works(i, day)) continue;
                        for (int k = 0; k < _people[i].Length; k++)
                        {
                            var key = (_people[i][k], day);
                            if (!personLoad.TryGetValue(key, out var entry)) entry = (0m, new List<int>());
                            entry.Tasks.Add(i);
                            personLoad[key] = (entry.Load + _shares[i][k], entry.Tasks);
                        }

                        if (_plan.Uses[i] is (int pool, int units))
                        {
                            var key = (pool, day);
                            if (!poolLoad.TryGetValue(key, out var entry)) entry = (0, new List<int>());
                            entry.Tasks.Add(i);
                            poolLoad[key] = (entry.Load + units, entry.Tasks);
                        }
                    }
                }

                return (personLoad, poolLoad);
            }

            /// <summary>
            /// The TPM2101 messages leveling off should give, from the loads: per person (declaration order) then pool, each
            /// run of consecutive program working days over capacity, with its peak and the tasks working in it, and the line
            /// of the first such task (the warning is at its assignment or use).
            /// </summary>
            public List<(string Message, int Line, string At)> ExpectedOverAllocations(int[] start, int[] finish)
            {
                var (people, pools) = Loads(start, finish);
                var result = new List<(string, int, string)>();
                void Runs(string what, IEnumerable<(int Day, decimal Load, List<int> Tasks)> over, Func<decimal, string> peakText, Func<int, string> item)
                {
                    var days = over.OrderBy(o => o.Day).ToList();
                    for (int a = 0; a < days.Count;)
                    {
                        int b = a;
                        while (b + 1 < days.Count && days[b + 1].Day == days[b].Day + 1) b++;
                        var run = days.GetRange(a, b - a + 1);
                        var tasks = run.SelectMany(r => r.Tasks).Distinct().OrderBy(t => t).ToList();
                        var first = _schedule.Calendar.DateOf(days[a].Day);
                        var last = _schedule.Calendar.DateOf(days[b].Day);
                        int count = b - a + 1;
                        result.Add((what + " is over-allocated on " + (a == b ? first.ToString() : first + ".." + last) + " (" + count + (count == 1 ? " working day" : " working days") +
                            ", up to " + peakText(run.Max(r => r.Load)) + ") by " + string.Join(", ", tasks.Take(10).Select(t => "'" + _plan.Id(t) + "'")) +
                            (tasks.Count > 10 ? " and " + (tasks.Count - 10).ToString("N0", CultureInfo.InvariantCulture) + " more" : string.Empty) +
                            "; turn leveling on, move a task or change an assignment", _plan.TaskLine[tasks[0]], item(tasks[0])));
                        a = b + 1;
                    }
                }

                for (int p = 0; p < _plan.PersonCapacity.Length; p++)
                {
                    int person = p;
                    Runs("person 'p" + p + "'", people.Where(kv => kv.Key.Person == person && kv.Value.Load > 1m).Select(kv => (kv.Key.Day, kv.Value.Load, kv.Value.Tasks)), Percent, t =>
                    {
                        var a = _tasks[t].Assigned.Single(x => LevPlan.PersonIndex(x.Person) == person);
                        return (a.ViaRole is null ? "p" + person : "role " + a.ViaRole.Id) + (a.Share == 1m ? string.Empty : " " + Percent(a.Share));
                    });
                }

                for (int g = 0; g < _plan.PoolCapacity.Length; g++)
                {
                    int capacity = _plan.PoolCapacity[g];
                    int pool = g;
                    Runs("resource 'g" + g + "'", pools.Where(kv => kv.Key.Pool == pool && kv.Value.Load > capacity).Select(kv => (kv.Key.Day, (decimal)kv.Value.Load, kv.Value.Tasks)),
                        peak => peak + " of " + capacity + " units", t => "g" + _plan.Uses[t]!.Value.Pool + " " + _plan.Uses[t]!.Value.Units);
                }

                return result;
            }

            /// <summary>
            /// Earliest dates in declaration order (a topological order: dependencies point back only), each task at the
            /// first day it works satisfying its dependencies; <paramref name="serial"/> also waits for every earlier task.
            /// </summary>
            public (int[] Start, int[] Finish) EarlyDates(bool serial)
            {
                var start = new int[_plan.Count];
                var finish = new int[_plan.Count];
                int cursor = 0;
                for (int i = 0; i < _plan.Count; i++)
                {
                    int es = serial ? cursor : 0, ef = int.MinValue;
                    foreach (var (p, type, lag) in _plan.Deps[i])
                    {
                        switch (type)
                        {
                            case DependencyType.FinishToStart: es = Math.Max(es, finish[p] + lag); break;
                            case DependencyType.StartToStart: es = Math.Max(es, start[p] + lag); break;
                            case DependencyType.FinishToFinish: ef = Math.Max(ef, finish[p] + lag); break;
                            default: ef = Math.Max(ef, start[p] + lag); break;
                        }
                    }

                    if (_duration[i] == 0)
                    {
                        start[i] = finish[i] = Math.Max(es, ef);
                    }
                    else
                    {
                        int s = Next(i, es);
                        while (Advance(i, s, _duration[i]) < ef) s = Next(i, s + 1);
                        start[i] = s;
                        finish[i] = Advance(i, s, _duration[i]);
                    }

                    cursor = Math.Max(cursor, finish[i]);
                }

                return (start, finish);
            }
        }
    }
}
