using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Scheduling
{
    /// <summary>Resource leveling and resource checks of the program schedule.</summary>
    public static partial class ProgramScheduler
    {
        /// <summary>A person's day is 1,000 units, so shares down to 0.1% are exact.</summary>
        private const int PersonUnits = 1000;

        /// <summary>What leveling decided, per node of the scheduling graph.</summary>
        private sealed class LevelingOutcome
        {
            public LevelingOutcome(RcpspSolution solution, Symbol?[] resources)
            {
                Solution = solution;
                Resources = resources;
            }

            public RcpspSolution Solution { get; }

            /// <summary>The person or pool behind each resource index.</summary>
            public Symbol?[] Resources { get; }
        }

        /// <summary>
        /// Chooses, for every <c>assign role</c>, the holder with the least work assigned so far (named work first,
        /// then role work in declaration order), among those with the required skills when any has them. Spreading
        /// role work keeps people from being the bottleneck, which is what shortens a leveled program.
        /// </summary>
        private static void BalanceRoles(ProgramSymbol program, IReadOnlyList<TaskSymbol> tasks, IReadOnlyList<ScheduledAssignment>[] assigned, int[] duration,
            RoleHolders holdersByRole)
        {
            var load = new Dictionary<PersonSymbol, decimal>();
            foreach (var task in tasks)
            {
                foreach (var a in assigned[task.Index])
                {
                    if (a.ViaRole != null) continue;
                    load.TryGetValue(a.Person, out var l);
                    load[a.Person] = l + duration[task.Index] * a.Share;
                }
            }

            var aside = new List<(RoleHolders.Group, (decimal, int))>();
            foreach (var task in tasks)
            {
                if (task.RoleAssignments.Count == 0) continue;
                var result = WithRoleHolders(task, (ra, onTask) =>
                {
                    // The least loaded free holder with the skills, else the least loaded free holder: each from a group
                    // ordered by load, so a choice costs a logarithm, not a scan of every holder.
                    var skilled = holdersByRole.Skilled(ra.Role, task.RequiredSkills);
                    if (skilled is null) return null;
                    var chosen = skilled.LeastLoaded(load, onTask, aside);
                    if (chosen is null && task.RequiredSkills.Count > 0) chosen = holdersByRole.Skilled(ra.Role, Array.Empty<string>())!.LeastLoaded(load, onTask, aside);
                    return chosen;
                });

                RoleHolders.Group.Restore(aside);
                assigned[task.Index] = result;
                duration[task.Index] = DurationOf(task, result);
                foreach (var a in result)
                {
                    if (a.ViaRole is null) continue;
                    load.TryGetValue(a.Person, out var l);
                    load[a.Person] = l + duration[task.Index] * a.Share;
                }
            }
        }

        /// <summary>The scheduling graph and the per-node figures the leveler reads; role choices rewrite the last three.</summary>
        internal sealed class LevelingGraph
        {
            public LevelingGraph(
                ProgramSymbol program, IReadOnlyList<TaskSymbol> tasks, int nodeCount, List<Edge> edges, int[] duration, TaskTime[] time,
                int[] notBefore, int[] fixedStart, int[] fixedFinish, IReadOnlyList<ScheduledAssignment>[] assigned)
            {
                Program = program;
                Tasks = tasks;
                NodeCount = nodeCount;
                Edges = edges;
                Duration = duration;
                Time = time;
                NotBefore = notBefore;
                FixedStart = fixedStart;
                FixedFinish = fixedFinish;
                Assigned = assigned;
            }

            public ProgramSymbol Program { get; }

            public IReadOnlyList<TaskSymbol> Tasks { get; }

            public int NodeCount { get; }

            public List<Edge> Edges { get; }

            public int[] NotBefore { get; }

            public int[] FixedStart { get; }

            public int[] FixedFinish { get; }

            public int[] Duration { get; }

            public TaskTime[] Time { get; }

            public IReadOnlyList<ScheduledAssignment>[] Assigned { get; }
        }

        /// <summary>At most this many alternative role holders are tried, so a plan full of role work stays fast.</summary>
        private const int MaxRoleTrials = 64;

        /// <summary>
        /// Tasks times trials: each trial levels the whole plan quickly (about 25 decodings), so a 300-task plan gets
        /// every trial, a 2,000-task plan 10, and a plan of more than 20,000 tasks keeps the load-balanced choice.
        /// </summary>
        private const long RoleTrialPlacements = 20_000;

        /// <summary>
        /// The role trials' share of work: all trials together stop after this many work units (a tenth of the normal
        /// search's budget), so a plan whose quick levelings are long cannot spend seconds choosing holders.
        /// </summary>
        private const long RoleTrialWork = RcpspSolver.NormalWork / 10;

        /// <summary>
        /// Improves the load-balanced role choices where it shortens the program: each role assignment of a task that
        /// has not started tries the other eligible holders in turn, judged by a quick leveling (priority rules only,
        /// deterministic), and keeps a holder only when the quick schedule finishes earlier. First improvement, in
        /// declaration order, within <see cref="MaxRoleTrials"/> trials and the <see cref="RoleTrialPlacements"/> limit.
        /// </summary>
        private static void ChooseRoleHolders(LevelingGraph graph, RoleHolders holdersByRole,
            Func<IReadOnlyList<ScheduledAssignment>, TaskTime?> timeOf, ScheduleOptions options)
        {
            if (options.Effort == LevelingEffort.Quick) return;
            long maxTrials = Math.Min(MaxRoleTrials, RoleTrialPlacements / Math.Max(1, graph.NodeCount));
            long workLeft = options.MaxWork is long cap ? Math.Min(RoleTrialWork, cap / 10) : RoleTrialWork;
            var quick = new ScheduleOptions { Effort = LevelingEffort.Quick, MaxPlacements = options.MaxPlacements };
            int QuickMakespan()
            {
                // Each trial gets the work that is left; what it used is taken off, so the trials' total is bounded.
                quick.MaxWork = Math.Max(1, workLeft);
                var solution = Level(graph, quick).Solution;
                workLeft -= solution.Work;
                return solution.Makespan;
            }

            int best = -1;
            int trials = 0;
            foreach (var task in graph.Tasks)
            {
                int v = task.Index;
                if (graph.FixedStart[v] >= 0) continue;
                var current = graph.Assigned[v];
                HashSet<PersonSymbol>? onTask = null;
                for (int i = 0; i < current.Count; i++)
                {
                    if (current[i].ViaRole is not RoleSymbol role || !holdersByRole.TryGetHolders(role, out var holders)) continue;
                    onTask ??= new HashSet<PersonSymbol>(current.Select(a => a.Person));

                    // The other holders with the skills (all others when nobody free has them and the current one
                    // lacks them too), walked lazily: the trials are few, a list of every holder per assignment was not.
                    var skilled = holdersByRole.Skilled(role, task.RequiredSkills)!;
                    var others = holdersByRole.HasSkills(current[i].Person, task.RequiredSkills) || skilled.FirstFree(onTask) != null
                        ? skilled.Members
                        : holders;
                    var replaced = current[i].Person;
                    foreach (var holder in others)
                    {
                        // Who was on the task when this assignment's turn came: the holder it started with stays excluded.
                        if (holder == replaced || onTask.Contains(holder)) continue;
                        if (trials++ >= maxTrials || workLeft <= 0) return;
                        if (best < 0) best = QuickMakespan();
                        var trial = current.ToList();
                        trial[i] = new ScheduledAssignment(holder, current[i].Share, role);
                        if (timeOf(trial) is not TaskTime trialTime) continue;
                        var (keptTime, keptDuration) = (graph.Time[v], graph.Duration[v]);
                        graph.Assigned[v] = trial;
                        graph.Time[v] = trialTime;
                        graph.Duration[v] = DurationOf(task, trial);
                        int makespan = QuickMakespan();
                        if (makespan < best)
                        {
                            best = makespan;
                            onTask!.Remove(current[i].Person);
                            onTask.Add(holder);
                            current = trial;
                        }
                        else
                        {
                            graph.Assigned[v] = current;
                            graph.Time[v] = keptTime;
                            graph.Duration[v] = keptDuration;
                        }
                    }
                }
            }
        }

        /// <summary>A prepared program leveled on its own, as <see cref="Run"/> levels it (dates in its working-day indices).</summary>
        internal static RcpspSolution LevelAlone(PreparedProgram prepared, ScheduleOptions options) => Level(prepared.Graph, options).Solution;

        /// <summary>Levels the schedule: every node of the graph is an activity, people and pools are resources.</summary>
        private static LevelingOutcome Level(LevelingGraph graph, ScheduleOptions options)
        {
            var (problem, resources) = BuildProblem(graph, withDemands: true, options.CancellationToken);
            options.CancellationToken.ThrowIfCancellationRequested();
            var solverOptions = SolverOptions(options, options.CancellationToken);
            solverOptions.Progress = options.Progress;
            var solution = RcpspSolver.Solve(problem, solverOptions);
            return new LevelingOutcome(solution, resources);
        }

        /// <summary>The solver's options for leveling as <paramref name="options"/> asks (effort, budgets, seed), without progress.</summary>
        internal static RcpspOptions SolverOptions(ScheduleOptions options, System.Threading.CancellationToken token) => new RcpspOptions
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

        /// <summary>
        /// The graph as a scheduling problem: every node an activity; with <paramref name="withDemands"/>, people and pools
        /// are resources (without, the serial schedule generation of the problem is the critical-path forward pass).
        /// </summary>
        internal static (RcpspProblem Problem, Symbol?[] Resources) BuildProblem(LevelingGraph graph, bool withDemands, System.Threading.CancellationToken cancellationToken = default)
        {
            var program = graph.Program;
            var tasks = graph.Tasks;
            var builder = new RcpspBuilder();
            var resources = new List<Symbol?>();
            var personIndex = new Dictionary<PersonSymbol, int>();
            foreach (var person in program.People)
            {
                personIndex[person] = builder.AddResource(PersonUnits);
                resources.Add(person);
            }

            var poolIndex = new Dictionary<ResourceSymbol, int>();
            foreach (var pool in program.Resources)
            {
                poolIndex[pool] = builder.AddResource(pool.Capacity);
                resources.Add(pool);
            }

            for (int v = 0; v < graph.NodeCount; v++)
            {
                if ((v & 4095) == 4095) cancellationToken.ThrowIfCancellationRequested();
                var calendar = graph.Time[v].IsProgramTime ? null : graph.Time[v];
                int priority = v < tasks.Count ? tasks[v].Priority : 500;
                int a = builder.AddActivity(graph.Duration[v], graph.NotBefore[v], priority, calendar);
                if (graph.FixedStart[v] >= 0) builder.Fix(a, graph.FixedStart[v], graph.FixedFinish[v]);
                if (v >= tasks.Count || !withDemands) continue;
                foreach (var person in graph.Assigned[v])
                {
                    int units = (int)Math.Max(1, Math.Round(person.Share * PersonUnits, MidpointRounding.AwayFromZero));
                    builder.AddDemand(a, personIndex[person.Person], units);
                }

                foreach (var use in tasks[v].ResourceUses) builder.AddDemand(a, poolIndex[use.Resource], use.Units);
            }

            foreach (var e in graph.Edges) builder.AddPrecedence(e.From, e.To, e.Type, e.Lag);
            cancellationToken.ThrowIfCancellationRequested();
            return (builder.Build(), resources.ToArray());
        }

        /// <summary>TPM2102: a task that uses more units of a pool than the pool has can never run as planned.</summary>
        private static IEnumerable<Diagnostic> InfeasibleDemands(IReadOnlyList<TaskSymbol> tasks)
        {
            foreach (var task in tasks)
            {
                foreach (var use in task.ResourceUses)
                {
                    if (use.Units <= use.Resource.Capacity) continue;
                    yield return DiagnosticCatalog.DemandOverCapacity(use.Location, task.Describe(), use.Units, use.Resource.Id, use.Resource.Capacity);
                }
            }
        }

        /// <summary>The most tasks a TPM2101 message names; the rest are counted ("and 19,990 more"), so one line stays short.</summary>
        internal const int OverAllocationNamed = 10;

        /// <summary>The tasks of an over-allocation, quoted: the first <see cref="OverAllocationNamed"/>, then how many more.</summary>
        internal static string TaskList(IReadOnlyList<string> ids)
        {
            var named = string.Join(", ", ids.Take(OverAllocationNamed).Select(id => "'" + id + "'"));
            int rest = ids.Count - OverAllocationNamed;
            return rest > 0 ? named + " and " + rest.ToString("N0", CultureInfo.InvariantCulture) + " more" : named;
        }

        /// <summary>
        /// TPM2101 with leveling off: for each person and pool, each run of consecutive working days on which its tasks
        /// need more than it has, one diagnostic naming the days, the peak load and the tasks, at the first task's assignment.
        /// </summary>
        private static IEnumerable<Diagnostic> OverAllocations(
            ProgramSymbol program, IReadOnlyList<TaskSymbol> tasks, int[] start, int[] finish, TaskTime[] time,
            IReadOnlyList<ScheduledAssignment>[] assigned, WorkingCalendar calendar, int horizon)
        {
            // Per resource: the tasks that use it and how much (person shares in thousandths of a day).
            var users = new Dictionary<Symbol, List<(TaskSymbol Task, int Units, SourceLocation Where)>>();
            void Use(Symbol resource, TaskSymbol task, int units, SourceLocation where)
            {
                if (!users.TryGetValue(resource, out var list)) users[resource] = list = new List<(TaskSymbol, int, SourceLocation)>();
                list.Add((task, units, where));
            }

            // Where each person was assigned, found by lookup: a scan of the task's assignments per assignee was
            // quadratic (100,000 people on one task: 23 s with leveling off).
            var assignedAt = new Dictionary<PersonSymbol, SourceLocation>();
            var roleAt = new Dictionary<RoleSymbol, SourceLocation>();
            foreach (var task in tasks)
            {
                assignedAt.Clear();
                roleAt.Clear();
                foreach (var x in task.Assignments)
                {
                    if (!assignedAt.ContainsKey(x.Person)) assignedAt[x.Person] = x.Location;
                }

                foreach (var x in task.RoleAssignments)
                {
                    if (!roleAt.ContainsKey(x.Role)) roleAt[x.Role] = x.Location;
                }

                foreach (var a in assigned[task.Index])
                {
                    var where = assignedAt.TryGetValue(a.Person, out var at) ? at
                        : a.ViaRole != null && roleAt.TryGetValue(a.ViaRole, out var viaRole) ? viaRole : task.Location;
                    Use(a.Person, task, (int)Math.Round(a.Share * PersonUnits, MidpointRounding.AwayFromZero), where);
                }

                foreach (var u in task.ResourceUses) Use(u.Resource, task, u.Units, u.Location);
            }

            var resourcesInOrder = program.People.Cast<Symbol>().Concat(program.Resources).Where(users.ContainsKey);

            // One load table for every resource, cleared after each: it holds the days booked (in pages where work lies
            // far apart), so neither many people nor a calendar-long plan makes it as large as people × horizon.
            var load = new Leveling.Engine.DayTable();
            // Days walked (booked or checked): the check stops at OverAllocationWork with one TPM2007, so tasks
            // millions of days long on many people cannot keep it running for minutes.
            long steps = 0;
            bool stopped = false;
            foreach (var resource in resourcesInOrder)
            {
                int capacity = resource is ResourceSymbol pool ? pool.Capacity : PersonUnits;
                int from = horizon, to = 0;
                foreach (var (task, units, _) in users[resource])
                {
                    int v = task.Index;
                    from = Math.Min(from, Math.Max(0, start[v]));
                    to = Math.Max(to, Math.Min(horizon, finish[v]));
                    for (int day = time[v].NextAvailable(start[v]); day < finish[v] && !stopped; day = time[v].NextAvailable(day + 1))
                    {
                        load.Add(day, units);
                        stopped = ++steps > OverAllocationWork;
                    }
                }

                if (stopped) break;

                // The users by start: a run of overloaded days looks only at those that started by its last day and
                // have not finished before its first (runs come in day order), not at every user per run.
                var byStart = users[resource].OrderBy(u => start[u.Task.Index]).ToList();
                var active = new List<(TaskSymbol Task, int Units, SourceLocation Where)>();
                int next = 0;
                int d = from, end = Math.Min(to, horizon);
                while (d < end)
                {
                    if (load[d] <= capacity)
                    {
                        d = load.NextAllocated(d + 1);
                        continue;
                    }

                    int first = d, peak = 0;
                    while (d < horizon && load[d] > capacity) peak = Math.Max(peak, load[d++]);
                    int last = d - 1;
                    while (next < byStart.Count && start[byStart[next].Task.Index] <= last) active.Add(byStart[next++]);
                    active.RemoveAll(u => finish[u.Task.Index] <= first);
                    steps += active.Count;
                    // In declaration order, as the message always listed them.
                    var involved = active.Where(u => OverlapsOverload(u.Task.Index, first, last, start, finish, time, load, capacity, ref steps)).OrderBy(u => u.Task.Index).ToList();
                    if (steps > OverAllocationWork)
                    {
                        stopped = true;
                        break;
                    }

                    if (involved.Count == 0) continue;
                    var days = first == last ? calendar.DateOf(first).ToString() : calendar.DateOf(first) + ".." + calendar.DateOf(last);
                    var peakText = resource is ResourceSymbol ? peak + " of " + capacity + " units" : (peak * 100m / PersonUnits).ToString("0.#", CultureInfo.InvariantCulture) + "%";
                    yield return DiagnosticCatalog.OverAllocated(involved[0].Where, involved.Skip(1).Select(u => u.Where).ToArray(),
                        Symbol.KindWord(resource.Kind), resource.Id, days, last - first + 1, peakText, TaskList(involved.Select(u => u.Task.Id).ToList()));
                }

                load.Clear();
                if (stopped) break;
            }

            if (stopped)
            {
                yield return DiagnosticCatalog.OverAllocationCheckStopped(program.Location, program.Describe(), OverAllocationWork);
            }
        }

        /// <summary>The most resource-days the over-allocation check (leveling off) walks before it stops with TPM2007: about 1–2 s.</summary>
        internal const long OverAllocationWork = 100_000_000;

        private static bool OverlapsOverload(int v, int first, int last, int[] start, int[] finish, TaskTime[] time, Leveling.Engine.DayTable load, int capacity, ref long steps)
        {
            for (int day = time[v].NextAvailable(Math.Max(first, start[v])); day < finish[v] && day <= last; day = time[v].NextAvailable(day + 1))
            {
                steps++;
                if (load[day] > capacity) return true;
            }

            return false;
        }

        /// <summary>For a task a resource delayed, the task that held the resource until it could start.</summary>
        private sealed class ResourceLinks
        {
            private readonly Dictionary<Symbol, (int Finish, int Node)[]> _users;
            private readonly int[] _start;
            private readonly Symbol?[] _delayedBy;
            private readonly int[] _precedenceStart;

            public ResourceLinks(IReadOnlyList<TaskSymbol> tasks, IReadOnlyList<ScheduledAssignment>[] assigned, int[] start, int[] finish, Symbol?[] delayedBy, int[] precedenceStart)
            {
                _start = start;
                _delayedBy = delayedBy;
                _precedenceStart = precedenceStart;
                var lists = new Dictionary<Symbol, List<(int, int)>>();
                void Add(Symbol r, int v)
                {
                    if (!lists.TryGetValue(r, out var list)) lists[r] = list = new List<(int, int)>();
                    list.Add((finish[v], v));
                }

                foreach (var task in tasks)
                {
                    foreach (var a in assigned[task.Index]) Add(a.Person, task.Index);
                    foreach (var u in task.ResourceUses) Add(u.Resource, task.Index);
                }

                _users = lists.ToDictionary(kv => kv.Key, kv => kv.Value.OrderBy(x => x.Item1).ThenBy(x => x.Item2).ToArray());
            }

            /// <summary>The user of the delaying resource that finished last by the task's start, or -1.</summary>
            public int Holder(int node)
            {
                if (node >= _delayedBy.Length || !(_delayedBy[node] is Symbol r) || _start[node] <= _precedenceStart[node]) return -1;
                var users = _users[r];
                int lo = 0, hi = users.Length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (users[mid].Finish <= _start[node]) lo = mid + 1;
                    else hi = mid;
                }

                for (int i = lo - 1; i >= 0; i--) if (users[i].Node != node) return users[i].Node;
                return -1;
            }
        }
    }
}
