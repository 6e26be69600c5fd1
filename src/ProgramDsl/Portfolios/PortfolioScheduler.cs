using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// Levels the programs of a portfolio together (docs/portfolios.md, the leveling rule): programs linked by shared
    /// people or pools are one leveling problem on one day axis; a program sharing nobody is scheduled alone, exactly as
    /// <c>tpm schedule program.tpm</c> would. Every program is then completed with its schedule (deadline, budget,
    /// baseline and delivery checks) in the portfolio's context.
    /// </summary>
    internal static class PortfolioScheduler
    {
        /// <summary>Calendar days the axis starts before the earliest program: room for leads before a program's start.</summary>
        private const int AxisMargin = 14;

        /// <summary>
        /// Told each step of a joint leveling as it ends (its name, activities, work units and schedules), for the
        /// portfolio benchmark's table of steps; null, the default, costs nothing.
        /// </summary>
        internal static Action<string, int, long, int>? StepObserver { get; set; }

        /// <summary>What <see cref="Level"/> produced.</summary>
        internal sealed class LevelResult
        {
            public LevelResult(IReadOnlyList<TpmProgram> programs, PortfolioSchedule schedule, IReadOnlyList<Diagnostic> diagnostics)
            {
                Programs = programs;
                Schedule = schedule;
                Diagnostics = diagnostics;
            }

            /// <summary>Each member's program compiled in context (also set as <see cref="PortfolioMember.Program"/>).</summary>
            public IReadOnlyList<TpmProgram> Programs { get; }

            public PortfolioSchedule Schedule { get; }

            /// <summary>
            /// Portfolio-level diagnostics: programs that could not be leveled together (TPM2007, TPM2005) and then their
            /// collisions (TPM2103); the programs' own are on each program.
            /// </summary>
            public IReadOnlyList<Diagnostic> Diagnostics { get; }
        }

        /// <summary>
        /// Levels the members (bound programs, compiled from text so their binding stage is kept) together and completes
        /// each in context. Members that cannot be scheduled (binding errors) are left as they are. <paramref name="portfolio"/>
        /// (the portfolio declaration) locates what is said of the portfolio as a whole; by default the first program entry.
        /// </summary>
        public static LevelResult Level(IReadOnlyList<PortfolioMember> members, IReadOnlyList<SharedEntity> shared, PortfolioCompileOptions options, CancellationToken cancellationToken,
            SourceLocation? portfolio = null)
        {
            options ??= PortfolioCompileOptions.Default;
            var programOptions = options.Program ?? TpmCompileOptions.Default;
            var baseSchedule = programOptions.Scheduling ?? ScheduleOptions.Default;
            if (cancellationToken.CanBeCanceled) baseSchedule = baseSchedule.WithCancellation(cancellationToken);
            var token = baseSchedule.CancellationToken;
            token.ThrowIfCancellationRequested();

            int m = members.Count;
            var stages = new TpmProgram.BindStage?[m];
            var schedulable = new bool[m];
            for (int i = 0; i < m; i++)
            {
                var stage = members[i].Program.Stage;
                stages[i] = stage;
                schedulable[i] = stage != null && stage.Bound.Program != null && stage.BindingClean;
            }

            var memberIndex = new Dictionary<PortfolioMember, int>();
            for (int i = 0; i < m; i++) memberIndex[members[i]] = i;
            var used = new Dictionary<int, HashSet<Symbol>>();
            for (int i = 0; i < m; i++) if (schedulable[i]) used[i] = Used(stages[i]!.Bound.Program!);
            var links = new Links(shared, memberIndex, used);

            var totals = new LevelingTotals();
            var jointPrograms = new HashSet<int>();
            var diagnostics = new List<Diagnostic>();
            var at = portfolio ?? (m > 0 ? members[0].Location : default);
            foreach (var component in links.Components(Enumerable.Range(0, m).Where(i => schedulable[i]).ToList()))
            {
                if (component.Count == 1) Alone(members[component[0]], stages[component[0]]!, token);
                else LevelComponent(members, stages, component, shared, memberIndex, links, baseSchedule, totals, jointPrograms, diagnostics, at, token);
            }

            token.ThrowIfCancellationRequested();
            var schedule = Assemble(members, shared, memberIndex, jointPrograms, baseSchedule, totals, token);
            return new LevelResult(members.Select(x => x.Program).ToList(), schedule, diagnostics);
        }

        /// <summary>Which programs a shared person or pool links: those whose tasks can book it (binding it is not enough).</summary>
        private sealed class Links
        {
            private readonly IReadOnlyList<SharedEntity> _shared;
            private readonly Dictionary<PortfolioMember, int> _memberIndex;
            private readonly Dictionary<int, HashSet<Symbol>> _used;

            public Links(IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, Dictionary<int, HashSet<Symbol>> used)
            {
                _shared = shared;
                _memberIndex = memberIndex;
                _used = used;
            }

            /// <summary>The members (indices, in order) in groups linked directly or through others of them, each group in order (union–find, iterative).</summary>
            public List<List<int>> Components(IReadOnlyList<int> among)
            {
                var parent = new Dictionary<int, int>();
                foreach (int i in among) parent[i] = i;
                int Find(int x)
                {
                    while (parent[x] != x) x = parent[x] = parent[parent[x]];
                    return x;
                }

                foreach (var entity in _shared)
                {
                    int first = -1;
                    foreach (var (member, symbol) in entity.Uses)
                    {
                        if (!_memberIndex.TryGetValue(member, out int i) || !parent.ContainsKey(i) || !_used.TryGetValue(i, out var symbols) || !symbols.Contains(symbol)) continue;
                        if (first < 0) first = i;
                        else parent[Find(i)] = Find(first);
                    }
                }

                var groups = new List<List<int>>();
                var byRoot = new Dictionary<int, List<int>>();
                foreach (int i in among)
                {
                    int root = Find(i);
                    if (!byRoot.TryGetValue(root, out var group))
                    {
                        byRoot[root] = group = new List<int>();
                        groups.Add(group);
                    }

                    group.Add(i);
                }

                return groups;
            }
        }

        /// <summary>The people and pools a program's tasks can book: assigned, holding a role a task assigns, or used.</summary>
        private static HashSet<Symbol> Used(ProgramSymbol program)
        {
            var roles = new HashSet<RoleSymbol>();
            var used = new HashSet<Symbol>();
            foreach (var task in program.Tasks)
            {
                foreach (var a in task.Assignments) used.Add(a.Person);
                foreach (var ra in task.RoleAssignments) roles.Add(ra.Role);
                foreach (var u in task.ResourceUses) used.Add(u.Resource);
            }

            if (roles.Count > 0)
            {
                foreach (var person in program.People)
                {
                    foreach (var role in person.Roles) if (roles.Contains(role)) used.Add(person);
                }
            }

            return used;
        }

        /// <summary>The leveler's work over every joint component.</summary>
        private sealed class LevelingTotals
        {
            public int Schedules;
            public long Work;
        }

        /// <summary>A program sharing nobody: scheduled and completed exactly as when compiled alone.</summary>
        private static void Alone(PortfolioMember member, TpmProgram.BindStage stage, CancellationToken token)
        {
            var scheduling = stage.Options.Scheduling ?? ScheduleOptions.Default;
            if (token.CanBeCanceled && scheduling.CancellationToken != token) scheduling = scheduling.WithCancellation(token);
            var result = ProgramScheduler.Run(stage.Bound.Program!, scheduling);
            member.Program = TpmProgram.Complete(stage, result, token);
        }

        private static ScheduleOptions ForProgram(TpmProgram.BindStage stage, CancellationToken token)
        {
            var scheduling = stage.Options.Scheduling ?? ScheduleOptions.Default;
            var copy = scheduling.WithCancellation(token);
            // Programs linked by shared people are leveled: that is what leveling together means.
            copy.Leveling = true;
            return copy;
        }

        /// <summary>Levels the programs of one component together (the rule) and completes each.</summary>
        private static void LevelComponent(IReadOnlyList<PortfolioMember> members, TpmProgram.BindStage?[] stages, List<int> component,
            IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, Links links, ScheduleOptions baseSchedule,
            LevelingTotals totals, HashSet<int> jointPrograms, List<Diagnostic> portfolioDiagnostics, SourceLocation portfolio, CancellationToken token)
        {
            // Each program's network, work, role choices and passes, on its own.
            var prepared = new List<(int Member, ProgramScheduler.PreparedProgram Prepared, List<Diagnostic> Diagnostics)>();
            foreach (int i in component)
            {
                var diagnostics = new List<Diagnostic>();
                var p = ProgramScheduler.Prepare(stages[i]!.Bound.Program!, ForProgram(stages[i]!, token), diagnostics);
                if (p is null) members[i].Program = TpmProgram.Complete(stages[i]!, new ScheduleResult(null, diagnostics), token);
                else prepared.Add((i, p, diagnostics));
            }

            if (prepared.Count < 2)
            {
                foreach (var (i, _, _) in prepared) Alone(members[i], stages[i]!, token);
                return;
            }

            try
            {
                var outcome = Joint(members, prepared.Select(x => (x.Member, x.Prepared)).ToList(), shared, memberIndex, links,
                    i => ForProgram(stages[i]!, token), baseSchedule, token);
                totals.Schedules += outcome.Schedules;
                totals.Work += outcome.Work;
                for (int k = 0; k < prepared.Count; k++)
                {
                    var (i, p, _) = prepared[k];
                    var result = ProgramScheduler.Finish(p, outcome.Imposed[k]);
                    members[i].Program = TpmProgram.Complete(stages[i]!, result, token);
                    jointPrograms.Add(i);
                }
            }
            catch (Exception ex) when (ex is WorkCeilingException || ex is CalendarRangeException || ex is OverflowException)
            {
                // Even one joint schedule is beyond what leveling may spend, or runs off the calendar: each program is
                // scheduled as it stands. Said at the programs' entries, and where they then collide is reported as when
                // they are not leveled together, so no shared person is double-booked silently.
                var fallen = prepared.Select(x => x.Member).ToList();
                foreach (int i in fallen) Alone(members[i], stages[i]!, token);
                var at = members[fallen[0]].Location;
                var also = fallen.Skip(1).Select(i => members[i].Location).ToList();
                var names = string.Join(", ", fallen.Select(i => "'" + members[i].Id + "'"));
                portfolioDiagnostics.Add(ex is WorkCeilingException ceiling
                    ? DiagnosticCatalog.JointLevelingStopped(at, also, names, ceiling.Work)
                    : DiagnosticCatalog.JointLevelingBeyondCalendar(at, also, names));
                var inComponent = new HashSet<PortfolioMember>(fallen.Select(i => members[i]));
                var linking = shared.Where(e => e.Uses.Any(u => inComponent.Contains(u.Member))).ToList();
                portfolioDiagnostics.AddRange(CrossProgramLoads.Check(members, linking, portfolio.Path, portfolio, token));
            }
        }

        /// <summary>The joint leveling of a component: per program, the imposed leveling in its own indices.</summary>
        private sealed class JointOutcome
        {
            public List<ProgramScheduler.ImposedLeveling> Imposed { get; } = new List<ProgramScheduler.ImposedLeveling>();

            public int Schedules { get; set; }

            public long Work { get; set; }
        }

        /// <summary>The joint programs and their resources: shared entities once, then each program's own people and pools.</summary>
        private static (List<JointProgram> Programs, List<int> Capacity) JointPrograms(
            IReadOnlyList<(int Member, ProgramScheduler.LevelingGraph Graph, WorkingCalendar Calendar, bool WithDemands)> programs,
            IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, IReadOnlyList<PortfolioMember> members, CalendarDate origin)
        {
            var joint = programs.Select(x => new JointProgram(x.Member, x.Graph, x.Calendar, origin, x.WithDemands)).ToList();
            var position = new Dictionary<int, int>();
            for (int k = 0; k < joint.Count; k++) position[joint[k].Member] = k;
            var capacity = new List<int>();
            foreach (var entity in shared)
            {
                var users = entity.Uses.Where(u => memberIndex.TryGetValue(u.Member, out int i) && position.ContainsKey(i)).ToList();
                if (users.Select(u => memberIndex[u.Member]).Distinct().Count() < 2) continue;
                int r = capacity.Count;
                capacity.Add(entity.CapacityUnits);
                foreach (var (member, symbol) in users) joint[position[memberIndex[member]]].Resources[symbol] = r;
            }

            foreach (var program in joint)
            {
                var model = program.Graph.Program;
                foreach (var person in model.People)
                {
                    if (program.Resources.ContainsKey(person)) continue;
                    program.Resources[person] = capacity.Count;
                    capacity.Add(JointProblemBuilder.PersonUnits);
                }

                foreach (var pool in model.Resources)
                {
                    if (program.Resources.ContainsKey(pool)) continue;
                    program.Resources[pool] = capacity.Count;
                    capacity.Add(pool.Capacity);
                }
            }

            return (joint, capacity);
        }

        /// <summary>Day 0 of the axis: a margin before the earliest program start.</summary>
        private static CalendarDate Origin(IEnumerable<ProgramSymbol> programs) => programs.Min(p => p.Start).AddDays(-AxisMargin);

        private static JointOutcome Joint(IReadOnlyList<PortfolioMember> members, List<(int Member, ProgramScheduler.PreparedProgram Prepared)> prepared,
            IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, Links links, Func<int, ScheduleOptions> optionsOf,
            ScheduleOptions options, CancellationToken token)
        {
            var baseOptions = ProgramScheduler.SolverOptions(options, token);
            long budget = RcpspSolver.WorkBudget(baseOptions);
            var outcome = new JointOutcome();

            // Every solve and pass below reads the same calendar objects: their tables are filled once.
            var tables = new Engine.CalendarTables();
            long stepWork = 0;
            int stepSchedules = 0;
            void Step(string name, int activities)
            {
                StepObserver?.Invoke(name, activities, outcome.Work - stepWork, outcome.Schedules - stepSchedules);
                stepWork = outcome.Work;
                stepSchedules = outcome.Schedules;
            }

            // The programs of a subset on their own axis, as the joint problem sees them.
            (List<JointProgram> Programs, List<int> Capacity, CalendarDate Origin, int[] Priority, int[] LevelOf, int Levels) Setup(IReadOnlyList<int> subset)
            {
                var chosen = subset.Select(k => prepared[k]).ToList();
                var origin = Origin(chosen.Select(p => p.Prepared.Program));
                var (programs, capacity) = JointPrograms(chosen.Select(p => (p.Member, p.Prepared.Graph, p.Prepared.Calendar, true)).ToList(), shared, memberIndex, members, origin);
                var priority = programs.Select(p => members[p.Member].Priority).ToArray();
                var levels = priority.Distinct().OrderByDescending(x => x).ToArray();
                return (programs, capacity, origin, priority, priority.Select(x => Array.IndexOf(levels, x)).ToArray(), levels.Length);
            }

            RcpspSolution Solve(JointProblem problem, List<JointProgram> programs, int[] priority, int[] levelOf, int levels, long work,
                IReadOnlyList<(int[] List, int[] Start, int[] Finish)>? incumbents, bool withObjective = true, bool final = false, bool incumbentsOnly = false)
            {
                var o = new RcpspOptions
                {
                    Effort = baseOptions.Effort,
                    Schedules = baseOptions.Schedules,
                    Seed = baseOptions.Seed,
                    MaxPlacements = baseOptions.MaxPlacements,
                    MaxWork = Math.Max(1, work),
                    Ceiling = baseOptions.Ceiling,
                    TimeLimit = baseOptions.TimeLimit,
                    Progress = options.Progress,
                    CancellationToken = token,
                    Objective = withObjective ? new LatenessObjective(programs, problem, priority, levelOf, levels) : null,
                    Incumbents = incumbents,
                    CalendarTables = tables,
                    // Only the final schedule is explained; late dates come from Latest, per program.
                    Explain = final,
                    LateDates = false,
                    IncumbentsOnly = incumbentsOnly,
                };
                var solution = RcpspSolver.Solve(problem.Problem, o);
                outcome.Schedules += solution.SchedulesGenerated;
                outcome.Work += solution.Work;
                return solution;
            }

            var all = Setup(Enumerable.Range(0, prepared.Count).ToList());
            var (jointPrograms, capacity, axisOrigin, priorityOf, levelOf, levelCount) = all;
            int n = jointPrograms.Count;
            Step("prepare (each program's network) and set up", jointPrograms.Sum(p => p.Graph.NodeCount));
            var roles = new JointRole[n];
            var fixedDates = new (int[] Start, int[] Finish)?[n];
            JointProblem full;
            RcpspSolution final;
            if (levelCount == 1)
            {
                for (int p = 0; p < n; p++) roles[p] = JointRole.Free;
                full = JointProblemBuilder.Build(jointPrograms, capacity, roles, fixedDates, token);
                final = Solve(full, jointPrograms, priorityOf, levelOf, 1, budget, null, final: true);
                Step("one level", full.Problem.ActivityCount);
            }
            else
            {
                // The strict-priority schedule. The top level first, exactly as it is leveled without the others (the
                // reference of the guarantee): a program linked to no other of its level alone, as 'tpm schedule' levels
                // it; a group of linked ones together, on their own axis, with the whole budget.
                var top = Enumerable.Range(0, n).Where(p => levelOf[p] == 0).ToList();
                foreach (var group in links.Components(top.Select(p => prepared[p].Member).ToList()))
                {
                    var subset = group.Select(member => prepared.FindIndex(x => x.Member == member)).ToList();
                    if (subset.Count == 1)
                    {
                        int p = subset[0];
                        var alone = ProgramScheduler.LevelAlone(prepared[p].Prepared, optionsOf(prepared[p].Member));
                        outcome.Schedules += alone.SchedulesGenerated;
                        outcome.Work += alone.Work;
                        var graph = jointPrograms[p].Graph;
                        var axis = jointPrograms[p].Axis;
                        var s = new int[graph.NodeCount];
                        var f = new int[graph.NodeCount];
                        for (int v = 0; v < s.Length; v++)
                        {
                            bool works = graph.Duration[v] > 0;
                            s[v] = works ? axis.StartDay(alone.Start[v]) : axis.EndDay(alone.Start[v]);
                            f[v] = works ? axis.EndDay(alone.Finish[v]) : s[v];
                        }

                        fixedDates[p] = (s, f);
                        continue;
                    }

                    var sub = Setup(subset);
                    var subRoles = Enumerable.Repeat(JointRole.Free, subset.Count).ToArray();
                    var subProblem = JointProblemBuilder.Build(sub.Programs, sub.Capacity, subRoles, new (int[], int[])?[subset.Count], token);
                    var solution = Solve(subProblem, sub.Programs, sub.Priority, sub.LevelOf, sub.Levels, budget, null);
                    int shift = sub.Origin.DayNumber - axisOrigin.DayNumber;
                    for (int k = 0; k < subset.Count; k++)
                    {
                        int count = sub.Programs[k].Graph.NodeCount, offset = subProblem.NodeOffset[k];
                        fixedDates[subset[k]] = (Slice(solution.Start, offset, count, shift), Slice(solution.Finish, offset, count, shift));
                    }
                }

                Step("top level", top.Sum(p => jointPrograms[p].Graph.NodeCount));

                // Each lower level leveled around the levels above it, which stay where they are. What is left of the
                // budget: a quarter to the levels, a quarter to a leveling that ignores the priorities (a second
                // starting point, often tighter), half to the joint search from the better of the two.
                long left = Math.Max(1, budget - Math.Min(budget / 2, outcome.Work));
                long topWork = outcome.Work;
                long share = Math.Max(1, left / (4 * (levelCount - 1)));

                // What one decoding of the whole problem costs, estimated from the levels' (each places its level's
                // programs and the fixed ones above): a schedule of the joint search costs about three (justified).
                long decoding = 0;
                for (int level = 1; level < levelCount; level++)
                {
                    for (int p = 0; p < n; p++) roles[p] = levelOf[p] < level ? JointRole.Fixed : levelOf[p] == level ? JointRole.Free : JointRole.Absent;
                    var problem = JointProblemBuilder.Build(jointPrograms, capacity, roles, fixedDates, token);
                    var solution = Solve(problem, jointPrograms, priorityOf, levelOf, levelCount, share, null);
                    decoding += solution.Work / Math.Max(1, solution.SchedulesGenerated);
                    for (int p = 0; p < n; p++)
                    {
                        if (roles[p] != JointRole.Free) continue;
                        int count = jointPrograms[p].Graph.NodeCount, offset = problem.NodeOffset[p];
                        fixedDates[p] = (Slice(solution.Start, offset, count, 0), Slice(solution.Finish, offset, count, 0));
                    }

                    Step("level " + level.ToString(System.Globalization.CultureInfo.InvariantCulture), problem.Problem.ActivityCount);
                }

                // Then every activity together, from that schedule: only a lexicographically better one replaces it. A
                // search that cannot pay for a few schedules would only spend its budget on one more decoding (a large
                // portfolio at the normal effort): then the strict-priority schedule stands, explained as it is.
                for (int p = 0; p < n; p++) roles[p] = JointRole.Free;
                full = JointProblemBuilder.Build(jointPrograms, capacity, roles, fixedDates, token);
                var (start, finish) = WithLagNodes(full, fixedDates, tables, token);
                Step("lag nodes", full.Problem.ActivityCount);
                var seeds = new List<(int[], int[], int[])> { (Array.Empty<int>(), start, finish) };
                long searchBudget = Math.Max(left / 2, left - (outcome.Work - topWork));
                bool search = left / 4 + searchBudget >= 8 * decoding;
                if (search)
                {
                    var plain = Solve(full, jointPrograms, priorityOf, levelOf, levelCount, left / 4, null, withObjective: false);
                    Step("priority-blind", full.Problem.ActivityCount);
                    seeds.Add((Array.Empty<int>(), plain.Start, plain.Finish));
                    searchBudget = Math.Max(left / 2, left - (outcome.Work - topWork));
                }

                final = Solve(full, jointPrograms, priorityOf, levelOf, levelCount, searchBudget, seeds, final: true, incumbentsOnly: !search);
                Step(search ? "joint search" : "strict-priority schedule explained (no search: budget)", full.Problem.ActivityCount);
            }

            token.ThrowIfCancellationRequested();
            var (lateStart, lateFinish) = Latest(jointPrograms, full, final, tables, token);
            for (int p = 0; p < n; p++) outcome.Imposed.Add(Impose(jointPrograms[p], p, full, final, lateStart, lateFinish));
            Step("late dates", full.Problem.ActivityCount);
            return outcome;
        }

        private static int[] Slice(int[] values, int offset, int count, int shift)
        {
            var result = new int[count];
            for (int k = 0; k < count; k++) result[k] = values[offset + k] + shift;
            return result;
        }

        /// <summary>
        /// The joint schedule with every program node where <paramref name="dates"/> put it and every lag node at the
        /// earliest its predecessors allow (a pass of the problem with the program nodes fixed: lag nodes hold nothing).
        /// </summary>
        private static (int[] Start, int[] Finish) WithLagNodes(JointProblem joint, (int[] Start, int[] Finish)?[] dates, Engine.CalendarTables tables, CancellationToken token)
        {
            var problem = joint.Problem;
            int n = problem.ActivityCount;
            var fixedStart = Enumerable.Repeat(-1, n).ToArray();
            var fixedFinish = Enumerable.Repeat(-1, n).ToArray();
            for (int p = 0; p < dates.Length; p++)
            {
                var (s, f) = dates[p]!.Value;
                for (int v = 0; v < s.Length; v++)
                {
                    fixedStart[joint.NodeOffset[p] + v] = s[v];
                    fixedFinish[joint.NodeOffset[p] + v] = f[v];
                }
            }

            var none = new int[n][];
            for (int a = 0; a < n; a++) none[a] = Array.Empty<int>();
            var free = new RcpspProblem(problem.Duration, problem.Capacity, none, none, problem.Precedences, problem.Release, fixedStart, fixedFinish,
                problem.Priority, problem.Calendars);
            var engine = new Engine(free, tables, token);
            var pass = engine.Forward(engine.Topological);
            return (pass.Start, pass.Finish);
        }

        /// <summary>
        /// Late dates: every activity as late as it can go before its own program's finish, with the resources (one
        /// backward pass over the joint schedule). Each program gets an end node that all its activities precede and
        /// that must end its finish's distance before a sink at the joint makespan, so the one deadline of the backward
        /// pass becomes a deadline per program.
        /// </summary>
        private static (int[] Start, int[] Finish) Latest(List<JointProgram> programs, JointProblem joint, RcpspSolution solution, Engine.CalendarTables tables, CancellationToken token)
        {
            var problem = joint.Problem;
            int n = problem.ActivityCount, count = programs.Count;
            int total = n + count + 1, sink = n + count;
            int makespan = 0;
            foreach (int f in solution.Finish) makespan = Math.Max(makespan, f);
            var finishOf = new int[count];
            for (int p = 0; p < count; p++)
            {
                int offset = joint.NodeOffset[p], tasks = programs[p].Graph.Tasks.Count;
                finishOf[p] = programs[p].Axis.EndDay(0);
                for (int v = 0; v < tasks; v++) finishOf[p] = Math.Max(finishOf[p], solution.Finish[offset + v]);
            }

            int[] Extend(int[] values, Func<int, int> extra)
            {
                var result = new int[total];
                Array.Copy(values, result, n);
                for (int a = n; a < total; a++) result[a] = extra(a);
                return result;
            }

            var precedences = new List<RcpspPrecedence>(problem.Precedences.Length + n + count);
            precedences.AddRange(problem.Precedences);
            for (int a = 0; a < n; a++) precedences.Add(new RcpspPrecedence(a, n + joint.Owner[a], DependencyType.FinishToStart, 0));
            for (int p = 0; p < count; p++) precedences.Add(new RcpspPrecedence(n + p, sink, DependencyType.FinishToStart, makespan - finishOf[p]));

            var demandResource = new int[total][];
            var demandAmount = new int[total][];
            Array.Copy(problem.DemandResource, demandResource, n);
            Array.Copy(problem.DemandAmount, demandAmount, n);
            for (int a = n; a < total; a++)
            {
                demandResource[a] = Array.Empty<int>();
                demandAmount[a] = Array.Empty<int>();
            }

            var calendars = new IActivityCalendar?[total];
            Array.Copy(problem.Calendars, calendars, n);
            var withEnds = new RcpspProblem(Extend(problem.Duration, _ => 0), problem.Capacity, demandResource, demandAmount, precedences.ToArray(),
                Extend(problem.Release, _ => 0), Extend(problem.FixedStart, _ => -1), Extend(problem.FixedFinish, _ => -1), Extend(problem.Priority, _ => 500), calendars);
            var start = Extend(solution.Start, a => a == sink ? makespan : finishOf[a - n]);
            var finish = Extend(solution.Finish, a => a == sink ? makespan : finishOf[a - n]);
            var engine = new Engine(withEnds, tables, token);
            var latest = engine.Latest(new RcpspSolver.Individual(Array.Empty<int>(), start, finish, makespan, 0));
            return latest is { } late ? (late.Start, late.Finish) : (solution.Start, solution.Finish);
        }

        /// <summary>One program's part of the joint solution in its own indices.</summary>
        private static ProgramScheduler.ImposedLeveling Impose(JointProgram program, int p, JointProblem joint, RcpspSolution solution, int[] lateStartAxis, int[] lateFinishAxis)
        {
            int offset = joint.NodeOffset[p];
            int count = program.Graph.NodeCount;
            var axis = program.Axis;
            var start = new int[count];
            var finish = new int[count];
            var lateStart = new int[count];
            var lateFinish = new int[count];
            var precedenceStart = new int[count];
            var blockedBy = new Symbol?[count];
            var symbols = joint.ResourceSymbols[p];
            for (int v = 0; v < count; v++)
            {
                int a = offset + v;
                start[v] = axis.Index(solution.Start[a]);
                finish[v] = axis.Index(solution.Finish[a]);
                lateStart[v] = axis.Index(lateStartAxis[a]);
                lateFinish[v] = axis.Index(lateFinishAxis[a]);
                precedenceStart[v] = Math.Min(start[v], axis.Index(solution.PrecedenceStart[a]));
                if (solution.BlockedBy[a] >= 0) blockedBy[v] = symbols[solution.BlockedBy[a]];
            }

            return new ProgramScheduler.ImposedLeveling(start, finish, lateStart, lateFinish, precedenceStart, blockedBy, solution.SchedulesGenerated, solution.Work);
        }

        /// <summary>
        /// The rule's objective: per priority level from the highest, the working days past their deadlines of the
        /// programs at that level; then Σ priority × finish (axis days).
        /// </summary>
        private sealed class LatenessObjective : IScheduleObjective
        {
            private readonly List<(int Offset, int Tasks, ProgramAxis Axis, int? Deadline, int Priority, int Level)> _programs =
                new List<(int, int, ProgramAxis, int?, int, int)>();

            private readonly int _levels;

            public LatenessObjective(List<JointProgram> programs, JointProblem problem, int[] priority, int[] levelOf, int levels)
            {
                _levels = levels;
                for (int p = 0; p < programs.Count; p++)
                {
                    if (problem.NodeOffset[p] < 0) continue;
                    var program = programs[p];
                    var model = program.Graph.Program;
                    int? deadline = model.Deadline is CalendarDate d ? Position(program.Axis.Calendar, model, d) : (int?)null;
                    _programs.Add((problem.NodeOffset[p], program.Graph.Tasks.Count, program.Axis, deadline, priority[p], levelOf[p]));
                }
            }

            public long[] Score(int[] start, int[] finish)
            {
                var score = new long[_levels + 1];
                foreach (var (offset, tasks, axis, deadline, priority, level) in _programs)
                {
                    int end = axis.EndDay(0);
                    for (int v = offset; v < offset + tasks; v++) end = Math.Max(end, finish[v]);
                    if (deadline is int due) score[level] += LateDays(axis.Index(end), due);
                    score[_levels] += (long)priority * end;
                }

                return score;
            }
        }

        /// <summary>Working days from the deadline to the finish (finish index exclusive), 0 when not late.</summary>
        internal static int LateDays(int finishIndex, int deadlinePosition) => Math.Max(0, Math.Max(0, finishIndex - 1) - deadlinePosition);

        /// <summary>A date's working-day position, as <see cref="Schedule.WorkingDaysBetween"/> counts it (negative before the start).</summary>
        internal static int Position(WorkingCalendar calendar, ProgramSymbol program, CalendarDate date)
        {
            if (date >= calendar.Start) return calendar.LastIndexOnOrBefore(date);
            var before = new WorkingCalendar(date.AddDays(1), calendar.Workdays, program.Calendar.Holidays.Select(h => h.Range));
            return -1 - before.FirstIndexOnOrAfter(calendar.Start);
        }

        // ------------------------------------------------------------------ the portfolio's results

        private static PortfolioSchedule Assemble(IReadOnlyList<PortfolioMember> members, IReadOnlyList<SharedEntity> shared,
            Dictionary<PortfolioMember, int> memberIndex, HashSet<int> jointPrograms, ScheduleOptions options, LevelingTotals totals, CancellationToken token)
        {
            int m = members.Count;
            var scheduled = new List<int>();
            for (int i = 0; i < m; i++) if (members[i].Program.Schedule != null) scheduled.Add(i);

            // Loads: per shared entity, per day, units per member.
            var loads = new List<SharedLoad>();
            var loadByEntity = new Dictionary<SharedEntity, Dictionary<int, int[]>>();
            foreach (var entity in shared)
            {
                var byDay = new Dictionary<int, int[]>();
                foreach (var (member, symbol) in entity.Uses)
                {
                    if (!memberIndex.TryGetValue(member, out int i) || member.Program.Schedule is not Schedule schedule || schedule.Network is null) continue;
                    Book(schedule, symbol, i, m, byDay, token);
                }

                loadByEntity[entity] = byDay;
                if (byDay.Count == 0) continue;
                var days = byDay.Keys.OrderBy(d => d).Select(d =>
                {
                    var units = byDay[d];
                    var byProgram = new List<(string, int)>();
                    for (int i = 0; i < m; i++) if (units[i] > 0) byProgram.Add((members[i].Id, units[i]));
                    return new SharedLoadDay(new CalendarDate(d), byProgram);
                }).ToList();
                loads.Add(new SharedLoad(entity, days));
            }

            var programs = new List<PortfolioProgramSchedule>();
            foreach (int i in scheduled)
            {
                var member = members[i];
                var schedule = member.Program.Schedule!;
                var result = new PortfolioProgramSchedule(member, schedule);
                if (schedule.Program.Deadline is CalendarDate deadline) result.DeadlineMarginDays = schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
                if (jointPrograms.Contains(i)) Waits(result, i, members, shared, loadByEntity);
                programs.Add(result);
            }

            var start = programs.Count == 0 ? default : programs.Min(p => p.Schedule.StartDate);
            var finish = programs.Count == 0 ? default : programs.Max(p => p.FinishDate);
            var portfolio = new PortfolioSchedule(programs, loads, start, finish)
            {
                LevelingSchedules = totals.Schedules,
                LevelingWork = totals.Work,
                Seed = options.Seed,
                Lateness = programs.GroupBy(p => p.Member.Priority).OrderByDescending(g => g.Key)
                    .Select(g => (g.Key, g.Sum(p => Math.Max(0, -(p.DeadlineMarginDays ?? 0))))).ToList(),
            };
            portfolio.Network = Network(members, scheduled, shared, memberIndex, token);
            return portfolio;
        }

        /// <summary>Adds a program's bookings of one person or pool to the day table (calendar day numbers).</summary>
        private static void Book(Schedule schedule, Symbol symbol, int member, int members, Dictionary<int, int[]> byDay, CancellationToken token)
        {
            var graph = schedule.Network!.Graph;
            var calendar = schedule.Calendar;
            foreach (var task in schedule.Tasks)
            {
                int units = 0;
                foreach (var a in task.Assigned) if (ReferenceEquals(a.Person, symbol)) units += (int)Math.Max(1, Math.Round(a.Share * JointProblemBuilder.PersonUnits, MidpointRounding.AwayFromZero));
                foreach (var use in task.Task.ResourceUses) if (ReferenceEquals(use.Resource, symbol)) units += use.Units;
                if (units == 0 || task.Finish <= task.Start) continue;
                var time = graph.Time[task.Task.Index];
                for (int d = time.NextAvailable(task.Start); d < task.Finish; d = time.NextAvailable(d + 1))
                {
                    if ((d & 4095) == 4095) token.ThrowIfCancellationRequested();
                    int day = calendar.DateOf(d).DayNumber;
                    if (!byDay.TryGetValue(day, out var units0)) byDay[day] = units0 = new int[members];
                    units0[member] += units;
                }
            }
        }

        /// <summary>
        /// The days a program's tasks waited for a shared person or pool another program held: from the start
        /// precedences allowed to the start, the program's working days on which another program booked it.
        /// </summary>
        private static void Waits(PortfolioProgramSchedule result, int member, IReadOnlyList<PortfolioMember> members, IReadOnlyList<SharedEntity> shared,
            Dictionary<SharedEntity, Dictionary<int, int[]>> loads)
        {
            var schedule = result.Schedule;
            var entityOf = new Dictionary<Symbol, SharedEntity>();
            foreach (var entity in shared)
            {
                foreach (var (user, symbol) in entity.Uses) if (ReferenceEquals(user, members[member])) entityOf[symbol] = entity;
            }

            var union = new HashSet<int>();
            var perEntity = new Dictionary<SharedEntity, (HashSet<int> Days, bool[] Holders)>();
            foreach (var task in schedule.Tasks)
            {
                if (task.DelayedBy is not Symbol blocker || task.ResourceDelayDays <= 0 || !entityOf.TryGetValue(blocker, out var entity)) continue;
                var byDay = loads[entity];
                for (int d = task.Start - task.ResourceDelayDays; d < task.Start; d++)
                {
                    int day = schedule.Calendar.DateOf(d).DayNumber;
                    if (!byDay.TryGetValue(day, out var units)) continue;
                    bool held = false;
                    for (int i = 0; i < units.Length; i++) held |= i != member && units[i] > 0;
                    if (!held) continue;
                    union.Add(day);
                    if (!perEntity.TryGetValue(entity, out var waits)) perEntity[entity] = waits = (new HashSet<int>(), new bool[members.Count]);
                    waits.Days.Add(day);
                    for (int i = 0; i < units.Length; i++) if (i != member && units[i] > 0) waits.Holders[i] = true;
                }
            }

            result.WaitDays = union.Count;
            result.Waits = shared.Where(perEntity.ContainsKey).Select(e =>
            {
                var (days, holders) = perEntity[e];
                var ids = new List<string>();
                for (int i = 0; i < holders.Length; i++) if (holders[i]) ids.Add(members[i].Id);
                return new PortfolioWait(e, days.Count, ids);
            }).ToList();
        }

        /// <summary>The network of every scheduled program, for the portfolio forecast.</summary>
        private static PortfolioNetwork? Network(IReadOnlyList<PortfolioMember> members, List<int> scheduled, IReadOnlyList<SharedEntity> shared,
            Dictionary<PortfolioMember, int> memberIndex, CancellationToken token)
        {
            var withNetwork = scheduled.Where(i => members[i].Program.Schedule!.Network != null).ToList();
            if (withNetwork.Count == 0) return null;
            var origin = Origin(withNetwork.Select(i => members[i].Program.Schedule!.Program));
            var (programs, capacity) = JointPrograms(withNetwork.Select(i =>
            {
                var schedule = members[i].Program.Schedule!;
                return (i, schedule.Network!.Graph, schedule.Calendar, schedule.Network.Leveled);
            }).ToList(), shared, memberIndex, members, origin);
            var roles = Enumerable.Repeat(JointRole.Free, programs.Count).ToArray();
            var joint = JointProblemBuilder.Build(programs, capacity, roles, new (int[], int[])?[programs.Count], token);
            int n = joint.Problem.ActivityCount;
            var start = new int[n];
            var finish = new int[n];
            var entries = new List<PortfolioNetworkProgram>();
            for (int p = 0; p < programs.Count; p++)
            {
                var schedule = members[programs[p].Member].Program.Schedule!;
                var network = schedule.Network!;
                var axis = programs[p].Axis;
                int offset = joint.NodeOffset[p];
                for (int v = 0; v < network.NodeCount; v++)
                {
                    bool works = network.Graph.Duration[v] > 0;
                    start[offset + v] = works ? axis.StartDay(network.Start[v]) : axis.EndDay(network.Start[v]);
                    finish[offset + v] = v < schedule.Tasks.Count && schedule.Tasks[v].Finish > network.Start[v]
                        ? axis.EndDay(schedule.Tasks[v].Finish)
                        : start[offset + v];
                }

                entries.Add(new PortfolioNetworkProgram(offset, network, schedule) { Member = members[programs[p].Member], Axis = axis });
            }

            // A lag node is ordered with the node its chain leads to.
            var key = new long[n];
            for (int a = 0; a < n; a++)
            {
                if (joint.LagTarget[a] >= 0) start[a] = finish[a] = start[joint.LagTarget[a]];
                key[a] = start[a];
            }

            var list = new Engine(joint.Problem, token).TopologicalOrder(key);
            return new PortfolioNetwork(joint.Problem, list, origin, entries) { StartDays = start, FinishDays = finish };
        }
    }
}
