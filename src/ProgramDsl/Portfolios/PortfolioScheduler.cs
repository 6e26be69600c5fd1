using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

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

            /// <summary>Portfolio-level diagnostics (none so far: the programs' own are on each program).</summary>
            public IReadOnlyList<Diagnostic> Diagnostics { get; }
        }

        /// <summary>
        /// Levels the members (bound programs, compiled from text so their binding stage is kept) together and completes
        /// each in context. Members that cannot be scheduled (binding errors) are left as they are.
        /// </summary>
        public static LevelResult Level(IReadOnlyList<PortfolioMember> members, IReadOnlyList<SharedEntity> shared, PortfolioCompileOptions options, CancellationToken cancellationToken)
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

            // Components: programs linked by a shared person or pool (union–find, iterative).
            var parent = Enumerable.Range(0, m).ToArray();
            int Find(int x)
            {
                while (parent[x] != x) x = parent[x] = parent[parent[x]];
                return x;
            }

            var memberIndex = new Dictionary<PortfolioMember, int>();
            for (int i = 0; i < m; i++) memberIndex[members[i]] = i;
            foreach (var entity in shared)
            {
                int first = -1;
                foreach (var (member, _) in entity.Uses)
                {
                    if (!memberIndex.TryGetValue(member, out int i) || !schedulable[i]) continue;
                    if (first < 0) first = i;
                    else parent[Find(i)] = Find(first);
                }
            }

            var totals = new LevelingTotals();
            var jointPrograms = new HashSet<int>();
            var done = new bool[m];
            for (int i = 0; i < m; i++)
            {
                if (!schedulable[i] || done[i]) continue;
                var component = new List<int>();
                for (int j = i; j < m; j++) if (schedulable[j] && Find(j) == Find(i)) component.Add(j);
                foreach (int j in component) done[j] = true;
                if (component.Count == 1) Alone(members[i], stages[i]!, token);
                else LevelComponent(members, stages, component, shared, memberIndex, baseSchedule, totals, jointPrograms, token);
            }

            token.ThrowIfCancellationRequested();
            var schedule = Assemble(members, shared, memberIndex, jointPrograms, baseSchedule, totals, token);
            return new LevelResult(members.Select(x => x.Program).ToList(), schedule, Array.Empty<Diagnostic>());
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
            IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, ScheduleOptions baseSchedule,
            LevelingTotals totals, HashSet<int> jointPrograms, CancellationToken token)
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
                var outcome = Joint(members, prepared.Select(x => (x.Member, x.Prepared)).ToList(), shared, memberIndex, baseSchedule, token);
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
                // scheduled as it stands, and says so itself (TPM2007, TPM2005) when it is the cause.
                foreach (var (i, _, _) in prepared) Alone(members[i], stages[i]!, token);
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
            IReadOnlyList<SharedEntity> shared, Dictionary<PortfolioMember, int> memberIndex, ScheduleOptions options, CancellationToken token)
        {
            var origin = Origin(prepared.Select(p => p.Prepared.Program));
            var (programs, capacity) = JointPrograms(prepared.Select(p => (p.Member, p.Prepared.Graph, p.Prepared.Calendar, true)).ToList(), shared, memberIndex, members, origin);
            int n = programs.Count;
            var priority = programs.Select(p => members[p.Member].Priority).ToArray();
            var levels = priority.Distinct().OrderByDescending(x => x).ToArray();
            var levelOf = priority.Select(x => Array.IndexOf(levels, x)).ToArray();

            var baseOptions = new RcpspOptions
            {
                Effort = options.Effort,
                Schedules = options.Schedules,
                Seed = options.Seed,
                MaxPlacements = options.MaxPlacements,
                MaxWork = options.MaxWork,
                Ceiling = options.WorkCeiling,
                TimeLimit = options.TimeLimit,
                CancellationToken = token,
            };
            long budget = RcpspSolver.WorkBudget(baseOptions);
            var outcome = new JointOutcome();

            RcpspSolution Solve(JointProblem problem, long work, (int[] List, int[] Start, int[] Finish)? incumbent)
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
                    Objective = new LatenessObjective(programs, problem, priority, levelOf, levels.Length),
                    Incumbent = incumbent,
                };
                var solution = RcpspSolver.Solve(problem.Problem, o);
                outcome.Schedules += solution.SchedulesGenerated;
                outcome.Work += solution.Work;
                return solution;
            }

            var roles = new JointRole[n];
            var fixedDates = new (int[] Start, int[] Finish)?[n];
            JointProblem full;
            RcpspSolution final;
            if (levels.Length == 1)
            {
                for (int p = 0; p < n; p++) roles[p] = JointRole.Free;
                full = JointProblemBuilder.Build(programs, capacity, roles, fixedDates, token);
                final = Solve(full, budget, null);
            }
            else
            {
                // The strict-priority schedule: each level leveled around the levels above it, which stay where they are.
                var lagDates = new (int[] Start, int[] Finish)?[n];
                long share = Math.Max(1, budget / (2 * levels.Length));
                for (int level = 0; level < levels.Length; level++)
                {
                    for (int p = 0; p < n; p++) roles[p] = levelOf[p] < level ? JointRole.Fixed : levelOf[p] == level ? JointRole.Free : JointRole.Absent;
                    var problem = JointProblemBuilder.Build(programs, capacity, roles, fixedDates, token);
                    var solution = Solve(problem, share, null);
                    for (int p = 0; p < n; p++)
                    {
                        if (roles[p] != JointRole.Free) continue;
                        int count = programs[p].Graph.NodeCount, offset = problem.NodeOffset[p];
                        fixedDates[p] = (Slice(solution.Start, offset, count), Slice(solution.Finish, offset, count));
                        var lags = problem.LagNodes[p];
                        lagDates[p] = (lags.Select(a => solution.Start[a]).ToArray(), lags.Select(a => solution.Finish[a]).ToArray());
                    }
                }

                // Then every activity together, from that schedule: only a lexicographically better one replaces it.
                for (int p = 0; p < n; p++) roles[p] = JointRole.Free;
                full = JointProblemBuilder.Build(programs, capacity, roles, fixedDates, token);
                var start = new int[full.Problem.ActivityCount];
                var finish = new int[start.Length];
                for (int p = 0; p < n; p++)
                {
                    var (s, f) = fixedDates[p]!.Value;
                    Array.Copy(s, 0, start, full.NodeOffset[p], s.Length);
                    Array.Copy(f, 0, finish, full.NodeOffset[p], f.Length);
                    var (ls, lf) = lagDates[p]!.Value;
                    var lags = full.LagNodes[p];
                    for (int k = 0; k < lags.Count; k++)
                    {
                        start[lags[k]] = ls[k];
                        finish[lags[k]] = lf[k];
                    }
                }

                final = Solve(full, budget - outcome.Work, (Array.Empty<int>(), start, finish));
            }

            token.ThrowIfCancellationRequested();
            for (int p = 0; p < n; p++) outcome.Imposed.Add(Impose(programs[p], p, full, final, token));
            return outcome;
        }

        private static int[] Slice(int[] values, int offset, int count)
        {
            var result = new int[count];
            Array.Copy(values, offset, result, 0, count);
            return result;
        }

        /// <summary>
        /// One program's part of the joint solution in its own indices. Late dates: the program's activities as late as
        /// they can go before its own finish, the other programs' bookings held where they are.
        /// </summary>
        private static ProgramScheduler.ImposedLeveling Impose(JointProgram program, int p, JointProblem joint, RcpspSolution solution, CancellationToken token)
        {
            var problem = joint.Problem;
            int offset = joint.NodeOffset[p];
            int count = program.Graph.NodeCount;
            int taskCount = program.Graph.Tasks.Count;
            var axis = program.Axis;
            int programFinish = axis.EndDay(0);
            for (int v = 0; v < taskCount; v++) programFinish = Math.Max(programFinish, solution.Finish[offset + v]);

            var fixedStart = (int[])problem.FixedStart.Clone();
            var fixedFinish = (int[])problem.FixedFinish.Clone();
            for (int a = 0; a < fixedStart.Length; a++)
            {
                if (joint.Owner[a] == p) continue;
                fixedStart[a] = solution.Start[a];
                fixedFinish[a] = solution.Finish[a];
            }

            var own = new RcpspProblem(problem.Duration, problem.Capacity, problem.DemandResource, problem.DemandAmount, problem.Precedences,
                problem.Release, fixedStart, fixedFinish, problem.Priority, problem.Calendars);
            var engine = new Engine(own, token);
            var latest = engine.Latest(new RcpspSolver.Individual(Array.Empty<int>(), solution.Start, solution.Finish, programFinish, 0));
            var lateStartAxis = latest?.Start ?? solution.Start;
            var lateFinishAxis = latest?.Finish ?? solution.Finish;

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
