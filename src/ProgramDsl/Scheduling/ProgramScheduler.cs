using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling.Graphs;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Scheduling
{
    /// <summary>
    /// Critical-path scheduling on working-day calendars. Tasks and milestones are nodes; workstreams add
    /// zero-duration nodes (the start and finish of all their tasks, and a gate for a workstream's own
    /// <c>after</c>) so that dependencies on workstreams cost one edge each. Every pass is iterative over a
    /// topological order: no recursion over user-sized structures.
    /// </summary>
    public static partial class ProgramScheduler
    {
        private const int MaxDays = int.MaxValue / 4;

        // Late date of a workstream or gate node that constrains no unstarted task: it must not pull its
        // predecessors back to the program finish (a gate whose tasks have all started can lie past it).
        // A large lead cannot overflow a late date either: CheckedLags stops there.
        private const int Unconstrained = CheckedLags.Unconstrained;

        internal readonly struct Edge
        {
            public Edge(int from, int to, DependencyType type, int lag, Dependency? source)
            {
                From = from;
                To = to;
                Type = type;
                Lag = lag;
                Source = source;
            }

            public int From { get; }

            public int To { get; }

            public DependencyType Type { get; }

            public int Lag { get; }

            public Dependency? Source { get; }
        }

        /// <summary>Schedules a bound program.</summary>
        public static ScheduleResult Run(ProgramSymbol program, ScheduleOptions? options = null)
        {
            var diagnostics = new List<Diagnostic>();
            try
            {
                return RunCore(program, options ?? ScheduleOptions.Default, diagnostics);
            }
            catch (Exception ex) when (IsCalendarRange(ex))
            {
                // The passes report TPM2005 at the task that runs out of calendar; a date derived later (a late date after
                // leveling or progress at a status date near 9999-12-31) can still fall past it: TPM2005 at the program.
                diagnostics.Add(DiagnosticCatalog.ScheduleBeyondCalendar(program.Location));
                return new ScheduleResult(null, diagnostics);
            }
        }

        private static bool IsCalendarRange(Exception ex) =>
            ex is CalendarRangeException || (ex is AggregateException all && all.InnerExceptions.All(e => e is CalendarRangeException));

        private static ScheduleResult RunCore(ProgramSymbol program, ScheduleOptions options, List<Diagnostic> diagnostics) =>
            new SchedulerRun(program, options, diagnostics).Execute();

        /// <summary>
        /// The first half of a run, for a program leveled with others (a portfolio): the program calendar, the network,
        /// each task's work and working time, the role choices (made on the program alone) and the passes. Null, with
        /// the diagnostics in <paramref name="diagnostics"/>, when a phase reports an error (as <see cref="Run"/> would).
        /// </summary>
        internal static PreparedProgram? Prepare(ProgramSymbol program, ScheduleOptions options, List<Diagnostic> diagnostics)
        {
            try
            {
                var run = new SchedulerRun(program, options, diagnostics);
                return run.Prepare() ? new PreparedProgram(run) : null;
            }
            catch (Exception ex) when (IsCalendarRange(ex))
            {
                diagnostics.Add(DiagnosticCatalog.ScheduleBeyondCalendar(program.Location));
                return null;
            }
        }

        /// <summary>The second half of a run: the program's schedule with the leveling imposed from outside (dates in the program's working-day indices).</summary>
        internal static ScheduleResult Finish(PreparedProgram prepared, ImposedLeveling leveling)
        {
            var run = prepared.Run;
            try
            {
                return run.Finish(leveling);
            }
            catch (Exception ex) when (IsCalendarRange(ex))
            {
                run.Diagnostics.Add(DiagnosticCatalog.ScheduleBeyondCalendar(run.Program.Location));
                return new ScheduleResult(null, run.Diagnostics);
            }
        }

        /// <summary>A program prepared for leveling: its scheduling graph and early dates, waiting for <see cref="Finish"/>.</summary>
        internal sealed class PreparedProgram
        {
            internal PreparedProgram(SchedulerRun run) => Run = run;

            internal SchedulerRun Run { get; }

            public ProgramSymbol Program => Run.Program;

            /// <summary>The program's working days; indices count them from the program start.</summary>
            public WorkingCalendar Calendar => Run.Calendar;

            /// <summary>The nodes (tasks, then workstream and gate nodes), their work, working time, fixed dates and edges.</summary>
            public LevelingGraph Graph => Run.Graph;

            /// <summary>True when leveling is on for the program (its setting or the options').</summary>
            public bool Leveling => Run.IsLeveling;

            /// <summary>The first day index after the status date, or -1.</summary>
            public int StatusCutoff => Run.Cutoff;
        }

        /// <summary>
        /// A leveling decided outside the program (a portfolio leveled together), per node of the program's graph, in its
        /// working-day indices: what the program's own leveler would otherwise have produced.
        /// </summary>
        internal sealed class ImposedLeveling
        {
            public ImposedLeveling(int[] start, int[] finish, int[] lateStart, int[] lateFinish, int[] precedenceStart, Symbol?[] blockedBy, int schedules, long work)
            {
                Start = start;
                Finish = finish;
                LateStart = lateStart;
                LateFinish = lateFinish;
                PrecedenceStart = precedenceStart;
                BlockedBy = blockedBy;
                Schedules = schedules;
                Work = work;
            }

            public int[] Start { get; }

            public int[] Finish { get; }

            public int[] LateStart { get; }

            public int[] LateFinish { get; }

            /// <summary>The start precedences alone allowed.</summary>
            public int[] PrecedenceStart { get; }

            /// <summary>The person or pool that pushed each node past its precedence start, or null.</summary>
            public Symbol?[] BlockedBy { get; }

            public int Schedules { get; }

            public long Work { get; }
        }

        /// <summary>
        /// One run of the scheduler, phase by phase: the program calendar, the node network, its order (or the cycles),
        /// each task's work and working time, progress, the forward and backward passes, leveling or the resource
        /// checks, float, and the result. Each phase reads what the earlier ones left in the fields; a phase that
        /// reports an error ends the run without a schedule.
        /// </summary>
        internal sealed class SchedulerRun
        {
            private readonly ProgramSymbol _program;
            private readonly ScheduleOptions _options;
            private readonly List<Diagnostic> _diagnostics;
            private readonly IReadOnlyList<TaskSymbol> _tasks;
            private readonly IReadOnlyList<WorkstreamSymbol> _workstreams;
            private readonly int _taskCount;
            private readonly WorkingCalendar _programCalendar;

            // The network: tasks, then a start and a finish node per workstream, then gates.
            private int _nodeCount;
            private int[] _gateOf = Array.Empty<int>();
            private List<Edge> _edges = new List<Edge>();
            private DependencyGraph? _dependencies;
            private int[] _order = Array.Empty<int>();

            // Each node's work and working time.
            private int[] _duration = Array.Empty<int>();
            private TaskTime[] _time = Array.Empty<TaskTime>();
            private IReadOnlyList<ScheduledAssignment>[] _assigned = Array.Empty<IReadOnlyList<ScheduledAssignment>>();
            private TaskTime? _programTime;
            private readonly Dictionary<string, TaskTime?> _calendarCache = new Dictionary<string, TaskTime?>(StringComparer.Ordinal);
            private RoleHolders? _holdersByRole;
            private bool _leveling;

            // Dates, as day indices.
            private int[] _fixedStart = Array.Empty<int>();
            private int[] _fixedFinish = Array.Empty<int>();
            private int[] _notBefore = Array.Empty<int>();
            private int[] _start = Array.Empty<int>();
            private int[] _finish = Array.Empty<int>();
            private int[] _lateStart = Array.Empty<int>();
            private int[] _lateFinish = Array.Empty<int>();
            private int[] _totalFloat = Array.Empty<int>();
            private int _programFinish;

            // Leveling.
            private LevelingGraph? _graph;
            private int[]? _precedenceStart;
            private Symbol?[]? _delayedBy;
            private int _levelingSchedules;
            private long _levelingWork;

            public SchedulerRun(ProgramSymbol program, ScheduleOptions options, List<Diagnostic> diagnostics)
            {
                _program = program;
                _options = options;
                _diagnostics = diagnostics;
                _tasks = program.Tasks;
                _workstreams = program.Workstreams;
                _taskCount = _tasks.Count;
                _programCalendar = new WorkingCalendar(program.Start, program.Calendar.Workdays, program.Calendar.Holidays.Select(h => h.Range));
            }

            public ProgramSymbol Program => _program;

            public WorkingCalendar Calendar => _programCalendar;

            public LevelingGraph Graph => _graph!;

            public bool IsLeveling => _leveling;

            public int Cutoff => _options.IgnoreProgress ? -1 : StatusCutoff(_program, _programCalendar);

            public List<Diagnostic> Diagnostics => _diagnostics;

            public ScheduleResult Execute()
            {
                bool scheduled = Prepare() && NotCancelled() && LevelResources();
                return scheduled && NotCancelled() ? Assemble() : new ScheduleResult(null, _diagnostics);
            }

            /// <summary>Every phase before leveling, the role choices included.</summary>
            public bool Prepare() =>
                CheckProgramCalendar()
                && NotCancelled() && BuildNetwork()
                && NotCancelled() && ResolveWork()
                && NotCancelled() && DatePasses()
                && NotCancelled() && PrepareLeveling();

            /// <summary>The schedule with a leveling decided elsewhere.</summary>
            public ScheduleResult Finish(ImposedLeveling leveling)
            {
                NotCancelled();
                _leveling = true;
                Impose(leveling);
                return NotCancelled() ? Assemble() : new ScheduleResult(null, _diagnostics);
            }

            /// <summary>Between phases: a cancelled run stops with <see cref="OperationCanceledException"/>, never a partial schedule.</summary>
            private bool NotCancelled()
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                return true;
            }

            private bool CheckProgramCalendar()
            {
                if (!_programCalendar.IsEmpty) return true;
                _diagnostics.Add(DiagnosticCatalog.NoWorkingWeekdays(_program.Location));
                return false;
            }

            private int WsStart(WorkstreamSymbol w) => _taskCount + 2 * w.Index;

            private int WsFinish(WorkstreamSymbol w) => _taskCount + 2 * w.Index + 1;

            /// <summary>The nodes and edges, and their topological order; false (TPM2001 reported) on a cycle.</summary>
            [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
            private bool BuildNetwork()
            {
                var tasks = _tasks;
                var workstreams = _workstreams;
                int taskCount = _taskCount;
                int wsCount = workstreams.Count;

                // ---- nodes: tasks, then a start and a finish node per workstream, then gates.
                var gateOf = new int[wsCount];
                int nodeCount = taskCount + 2 * wsCount;
                for (int k = 0; k < wsCount; k++)
                {
                    var w = workstreams[k];
                    bool parentGated = w.Container != null && gateOf[w.Container.Index] >= 0;
                    gateOf[k] = w.Dependencies.Count > 0 || parentGated ? nodeCount++ : -1;
                }

                int edgeCount = wsCount * 4;
                foreach (var task in tasks) edgeCount += task.Dependencies.Count + 3;
                var edges = new List<Edge>(edgeCount);
                // "After all tasks of W" says nothing when W has none (not even in nested workstreams): such a
                // dependency adds no edge, rather than a constraint measured from the program start.
                var hasTasks = new bool[wsCount];
                for (int k = wsCount - 1; k >= 0; k--)
                {
                    var w = workstreams[k];
                    foreach (var child in w.Children)
                    {
                        if (child is TaskSymbol || (child is WorkstreamSymbol cw && hasTasks[cw.Index])) hasTasks[k] = true;
                    }
                }

                bool IsVacuous(Dependency d) => d.Target is WorkstreamSymbol target && !hasTasks[target.Index];

                int NodeFor(Symbol target, DependencyType type) => target switch
                {
                    TaskSymbol t => t.Index,
                    WorkstreamSymbol w => type == DependencyType.FinishToStart || type == DependencyType.FinishToFinish ? WsFinish(w) : WsStart(w),
                    _ => throw new InvalidOperationException("unexpected dependency target"),
                };

                foreach (var task in tasks)
                {
                    if ((task.Index & 4095) == 4095) _options.CancellationToken.ThrowIfCancellationRequested();
                    foreach (var d in task.Dependencies)
                    {
                        if (IsVacuous(d)) continue;
                        edges.Add(new Edge(NodeFor(d.Target, d.Type), task.Index, d.Type, d.LagDays, d));
                    }
                }

                for (int k = 0; k < wsCount; k++)
                {
                    var w = workstreams[k];
                    foreach (var child in w.Children)
                    {
                        if (child is TaskSymbol t)
                        {
                            edges.Add(new Edge(t.Index, WsFinish(w), DependencyType.FinishToStart, 0, null));
                            edges.Add(new Edge(t.Index, WsStart(w), DependencyType.StartToStart, 0, null));
                            if (gateOf[k] >= 0) edges.Add(new Edge(gateOf[k], t.Index, DependencyType.StartToStart, 0, null));
                        }
                        else if (child is WorkstreamSymbol cw)
                        {
                            edges.Add(new Edge(WsFinish(cw), WsFinish(w), DependencyType.FinishToStart, 0, null));
                            edges.Add(new Edge(WsStart(cw), WsStart(w), DependencyType.StartToStart, 0, null));
                            if (gateOf[k] >= 0) edges.Add(new Edge(gateOf[k], gateOf[cw.Index], DependencyType.StartToStart, 0, null));
                        }
                    }

                    if (gateOf[k] >= 0)
                    {
                        foreach (var d in w.Dependencies)
                        {
                            if (!IsVacuous(d)) edges.Add(new Edge(NodeFor(d.Target, d.Type), gateOf[k], d.Type, d.LagDays, d));
                        }
                    }
                }

                var dependencies = Graph(nodeCount, edges);
                _nodeCount = nodeCount;
                _gateOf = gateOf;
                _edges = edges;
                _dependencies = dependencies;

                // ---- topological order (Kahn; FIFO from the lowest index, so the order is deterministic).
                _order = dependencies.TopologicalOrder();
                if (_order.Length == nodeCount) return true;
                ReportCycles(dependencies, edges, _order, tasks, workstreams, gateOf, taskCount, _program.Location, _diagnostics);
                return false;
            }

            /// <summary>Each task's assignees, duration and working time; false (TPM2003 reported) when assignees share no working day.</summary>
            private bool ResolveWork()
            {
                var program = _program;
                var tasks = _tasks;
                int nodeCount = _nodeCount;

                // ---- per-task working time, duration and assignees.
                var duration = _duration = new int[nodeCount];
                var time = _time = new TaskTime[nodeCount];
                var assigned = _assigned = new IReadOnlyList<ScheduledAssignment>[_taskCount];
                var programTime = _programTime = new TaskTime(_programCalendar, null);
                for (int v = 0; v < nodeCount; v++) time[v] = programTime;
                var holdersByRole = _holdersByRole = new RoleHolders(program.People);

                // Who works on each task and for how long depends on the task alone: computed in parallel blocks.
                ForEachBlock(_taskCount, v =>
                {
                    assigned[v] = ResolveAssignees(program, tasks[v], holdersByRole);
                    duration[v] = DurationOf(tasks[v], assigned[v]);
                }, _options.CancellationToken);
                _leveling = _options.Leveling ?? program.Leveling;
                if (_leveling) BalanceRoles(program, tasks, assigned, duration, holdersByRole);

                foreach (var task in tasks)
                {
                    var people = assigned[task.Index];
                    if (people.Count == 0) continue;
                    var taskTime = TimeOf(people);

                    if (taskTime is null)
                    {
                        _diagnostics.Add(DiagnosticCatalog.AssigneesShareNoWeekday(task.Assignments.FirstOrDefault()?.Location ?? task.Location,
                            task.Describe(), people.Select(a => a.Person.Id).Distinct()));
                        continue;
                    }

                    time[task.Index] = taskTime;
                }

                return _diagnostics.Count == 0;
            }

            /// <summary>The working time of a group of people, built once per distinct group; null when they share no working day.</summary>
            private TaskTime? TimeOf(IReadOnlyList<ScheduledAssignment> people)
            {
                var key = people.Count == 1 ? people[0].Person.Id : CalendarKey(people);
                if (!_calendarCache.TryGetValue(key, out var taskTime))
                {
                    taskTime = BuildTaskTime(_program, _programTime!, _programCalendar, people.Select(a => a.Person).Distinct().ToList());
                    _calendarCache[key] = taskTime;
                }

                return taskTime;
            }

            /// <summary>
            /// Progress, then early and late dates; false (TPM2005 reported at the task that ran out of calendar) when
            /// a date passes the calendar's end.
            /// </summary>
            private bool DatePasses()
            {
                int nodeCount = _nodeCount;
                _fixedStart = new int[nodeCount];
                _fixedFinish = new int[nodeCount];
                _notBefore = new int[nodeCount];
                for (int v = 0; v < nodeCount; v++)
                {
                    _fixedStart[v] = _fixedFinish[v] = -1;
                    _notBefore[v] = 0;
                }

                _start = new int[nodeCount];
                _finish = new int[nodeCount];
                _lateStart = new int[nodeCount];
                _lateFinish = new int[nodeCount];
                int current = -1;
                _programFinish = 0;
                try
                {
                    ApplyProgress();
                    ForwardPass(ref current);
                    BackwardPass(ref current);
                    return true;
                }
                catch (Exception ex) when (ex is CalendarRangeException || ex is OverflowException)
                {
                    var where = current >= 0 && current < _taskCount ? _tasks[current] : null;
                    _diagnostics.Add(DiagnosticCatalog.ScheduleBeyondCalendarAt(where?.WorkLocation ?? where?.Location ?? _program.Location, where?.Describe()));
                    return false;
                }
            }

            /// <summary>Not-before dates, and the dates progress fixes: actual starts and finishes, and the work left after the status date.</summary>
            private void ApplyProgress()
            {
                var options = _options;
                var programCalendar = _programCalendar;
                var fixedStart = _fixedStart;
                var fixedFinish = _fixedFinish;
                var notBefore = _notBefore;
                var duration = _duration;
                var time = _time;

                // Work not done by the status date is scheduled after it: progress is reported as of the close of that day.
                int statusCutoff = options.IgnoreProgress ? -1 : StatusCutoff(_program, programCalendar);
                foreach (var task in _tasks)
                {
                    int v = task.Index;
                    if (task.NotBefore is CalendarDate nb) notBefore[v] = programCalendar.FirstIndexOnOrAfter(nb);
                    if (options.IgnoreProgress) continue;
                    if (task.ActualStart is CalendarDate actualStart)
                    {
                        fixedStart[v] = programCalendar.FirstIndexOnOrAfter(actualStart);
                        if (task.ActualFinish is CalendarDate actualFinish)
                        {
                            fixedFinish[v] = Math.Max(fixedStart[v], programCalendar.LastIndexOnOrBefore(actualFinish) + 1);
                        }
                        else if (statusCutoff >= 0)
                        {
                            fixedFinish[v] = RemainingFinish(fixedStart[v], duration[v], task.Progress ?? 0, statusCutoff, time[v]);
                        }
                    }
                    else if (task.IsMilestone && task.ActualFinish is CalendarDate reached)
                    {
                        // A reached milestone does not move: it is dated at the last working day on or before the date.
                        fixedStart[v] = fixedFinish[v] = programCalendar.LastIndexOnOrBefore(reached) + 1;
                    }
                    else if (statusCutoff > notBefore[v])
                    {
                        notBefore[v] = statusCutoff;
                    }
                }
            }

            /// <summary>Early dates in topological order; <paramref name="current"/> names the node being dated.</summary>
            [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
            private void ForwardPass(ref int current)
            {
                var dependencies = _dependencies!;
                var notBefore = _notBefore;
                var fixedStart = _fixedStart;
                var fixedFinish = _fixedFinish;
                var duration = _duration;
                var time = _time;
                var start = _start;
                var finish = _finish;
                var programCalendar = _programCalendar;
                int taskCount = _taskCount;
                int programFinish = 0;

                _options.CancellationToken.ThrowIfCancellationRequested();
                // ---- forward pass: early dates.
                foreach (int v in _order)
                {
                    if ((v & 4095) == 4095) _options.CancellationToken.ThrowIfCancellationRequested();
                    current = v;
                    int es = notBefore[v];
                    int ef = int.MinValue;
                    Precedences.Earliest<CheckedLags>(dependencies, v, start, finish, ref es, ref ef);

                    int d = duration[v];
                    var t = time[v];
                    if (fixedStart[v] >= 0)
                    {
                        start[v] = fixedStart[v];
                        finish[v] = fixedFinish[v] >= 0 ? fixedFinish[v] : t.Advance(t.NextAvailable(start[v]), d);
                    }
                    else if (d == 0)
                    {
                        start[v] = finish[v] = Math.Max(es, ef);
                    }
                    else
                    {
                        (start[v], finish[v]) = Windows.Earliest(t.AsDays(), d, es, ef);
                    }

                    if (finish[v] > MaxDays) throw new CalendarRangeException();
                    if (v < taskCount && finish[v] > programFinish)
                    {
                        // Every date reported later is at most the program's last day: check it here, where a
                        // CalendarRangeException becomes TPM2005 at the task that runs past the last date.
                        programCalendar.DateOf(finish[v] - 1);
                        programFinish = finish[v];
                        _programFinish = programFinish;
                    }
                }
            }

            /// <summary>Late dates from the program finish, in reverse topological order. Started tasks do not constrain their predecessors.</summary>
            [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
            private void BackwardPass(ref int current)
            {
                var dependencies = _dependencies!;
                var order = _order;
                var fixedStart = _fixedStart;
                var duration = _duration;
                var time = _time;
                var start = _start;
                var finish = _finish;
                var lateStart = _lateStart;
                var lateFinish = _lateFinish;
                int taskCount = _taskCount;
                int programFinish = _programFinish;
                int nodeCount = _nodeCount;

                // ---- backward pass: late dates from the program finish. Started tasks do not constrain their predecessors.
                var started = new bool[nodeCount];
                for (int v = 0; v < nodeCount; v++) started[v] = fixedStart[v] >= 0;
                for (int k = order.Length - 1; k >= 0; k--)
                {
                    if ((k & 4095) == 4095) _options.CancellationToken.ThrowIfCancellationRequested();
                    int v = order[k];
                    current = v;
                    int lf = v < taskCount ? programFinish : Unconstrained;
                    int ls = int.MaxValue;
                    Precedences.Latest<CheckedLags>(dependencies, v, lateStart, lateFinish, started, ref lf, ref ls);

                    int d = duration[v];
                    var t = time[v];
                    if (fixedStart[v] >= 0)
                    {
                        lateStart[v] = start[v];
                        lateFinish[v] = d == 0 ? Math.Max(finish[v], Math.Min(lf, ls)) : Math.Max(finish[v], t.PreviousAvailableEnd(lf));
                    }
                    else if (d == 0)
                    {
                        lateStart[v] = lateFinish[v] = Math.Min(lf, ls);
                    }
                    else
                    {
                        (lateStart[v], lateFinish[v]) = Windows.Latest(t.AsDays(), d, lf, ls);
                    }
                }
            }

            /// <summary>
            /// Before leveling: TPM2102, the scheduling graph and, with leveling on, the role choices. False (TPM2005
            /// reported) when a trial leveling runs past the calendar.
            /// </summary>
            private bool PrepareLeveling()
            {
                var program = _program;
                var tasks = _tasks;
                _diagnostics.AddRange(InfeasibleDemands(tasks));
                var graph = _graph = new LevelingGraph(program, tasks, _nodeCount, _edges, _duration, _time, _notBefore, _fixedStart, _fixedFinish, _assigned);
                if (_leveling && _taskCount > 0)
                {
                    try
                    {
                        ChooseRoleHolders(graph, _holdersByRole!, TimeOf, _options);
                    }
                    catch (Exception ex) when (ex is CalendarRangeException || ex is OverflowException)
                    {
                        _diagnostics.Add(DiagnosticCatalog.LeveledScheduleBeyondCalendar(program.Location));
                        return false;
                    }
                    catch (Leveling.WorkCeilingException ceiling)
                    {
                        // Even one leveled schedule costs more than the search may spend: the plan is scheduled unleveled,
                        // and what leveling would have fixed is reported as over-allocations.
                        _diagnostics.Add(DiagnosticCatalog.LevelingStopped(program.Location, program.Describe(), ceiling.Work));
                        _leveling = false;
                    }
                }

                return true;
            }

            /// <summary>
            /// Resources: leveled (the leveled dates replace the passes' ones), or over-allocations reported. False
            /// (TPM2005 reported) when the leveled schedule runs past the calendar.
            /// </summary>
            private bool LevelResources()
            {
                var program = _program;
                var graph = _graph!;
                LevelingOutcome? outcome = null;
                if (_leveling && _taskCount > 0)
                {
                    try
                    {
                        outcome = Level(graph, _options);
                    }
                    catch (Exception ex) when (ex is CalendarRangeException || ex is OverflowException)
                    {
                        _diagnostics.Add(DiagnosticCatalog.LeveledScheduleBeyondCalendar(program.Location));
                        return false;
                    }
                    catch (Leveling.WorkCeilingException ceiling)
                    {
                        _diagnostics.Add(DiagnosticCatalog.LevelingStopped(program.Location, program.Describe(), ceiling.Work));
                        _leveling = false;
                    }
                }

                if (outcome != null)
                {
                    var solution = outcome.Solution;
                    var blockedBy = new Symbol?[_nodeCount];
                    for (int v = 0; v < _nodeCount; v++) if (solution.BlockedBy[v] >= 0) blockedBy[v] = outcome.Resources[solution.BlockedBy[v]];
                    Impose(new ImposedLeveling(solution.Start, solution.Finish, solution.LateStart, solution.LateFinish, solution.PrecedenceStart, blockedBy,
                        solution.SchedulesGenerated, solution.Work));
                }
                else if (_taskCount > 0)
                {
                    _diagnostics.AddRange(OverAllocations(program, _tasks, _start, _finish, _time, _assigned, _programCalendar, _programFinish));
                }

                return true;
            }

            /// <summary>The leveled dates replace the passes' ones; what delayed each node is kept for the results.</summary>
            private void Impose(ImposedLeveling leveling)
            {
                int nodeCount = _nodeCount;
                int taskCount = _taskCount;
                var start = _start = leveling.Start;
                var finish = _finish = leveling.Finish;
                _lateStart = leveling.LateStart;
                _lateFinish = leveling.LateFinish;
                var precedenceStart = _precedenceStart = leveling.PrecedenceStart;
                _levelingSchedules = leveling.Schedules;
                _levelingWork = leveling.Work;
                var delayedBy = _delayedBy = new Symbol?[nodeCount];
                int programFinish = 0;
                for (int v = 0; v < nodeCount; v++)
                {
                    if (v < taskCount) programFinish = Math.Max(programFinish, finish[v]);
                    if (leveling.BlockedBy[v] is Symbol blocker && start[v] > precedenceStart[v]) delayedBy[v] = blocker;
                }

                _programFinish = programFinish;
                if (programFinish > MaxDays) throw new CalendarRangeException();
            }

            /// <summary>Total float, the scheduled tasks and workstreams, amount checks (TPM2006) and the critical path.</summary>
            private ScheduleResult Assemble()
            {
                var program = _program;
                var tasks = _tasks;
                int nodeCount = _nodeCount;
                int taskCount = _taskCount;
                var start = _start;
                var finish = _finish;
                var lateStart = _lateStart;
                var lateFinish = _lateFinish;
                var fixedStart = _fixedStart;
                var duration = _duration;
                var time = _time;
                var assigned = _assigned;
                var programCalendar = _programCalendar;
                var delayedBy = _delayedBy;
                var precedenceStart = _precedenceStart;

                var totalFloat = _totalFloat = new int[nodeCount];
                for (int v = 0; v < nodeCount; v++)
                {
                    int slack = fixedStart[v] >= 0 ? lateFinish[v] - finish[v] : lateStart[v] - start[v];

                    // A resource-feasible late date can land before the early one where resources were rearranged: no slack.
                    totalFloat[v] = Math.Max(0, slack);
                }

                // ---- results: each task's entry depends on its own figures only, so blocks of tasks are built in parallel.
                var scheduled = new ScheduledTask[taskCount];
                var hoursPerDay = program.HoursPerDay;
                var costOverflow = new bool[taskCount];
                ForEachBlock(taskCount, v =>
                {
                    var s = Result(tasks[v], v, start, finish, lateStart, lateFinish, duration, totalFloat, assigned, programCalendar, program.Start, hoursPerDay, costOverflow);

                    // A finished task took the working days between its actual dates, on its own calendar, whatever was planned.
                    if (fixedStart[v] >= 0 && !tasks[v].IsMilestone && tasks[v].ActualFinish != null) s.DurationDays = time[v].DaysBetween(start[v], finish[v]);
                    if (delayedBy?[v] is Symbol blocker)
                    {
                        s.DelayedBy = blocker;
                        s.ResourceDelayDays = start[v] - precedenceStart![v];
                    }

                    scheduled[v] = s;
                }, _options.CancellationToken);

                var spans = WorkstreamSpans(program, scheduled, programCalendar, out var workstreamOverflow);
                var amountErrors = AmountErrors(program, tasks, costOverflow, workstreamOverflow, scheduled);
                if (amountErrors.Count > 0)
                {
                    // A cost that cannot be represented has no right value to print: no schedule, as for TPM2005.
                    _diagnostics.AddRange(amountErrors);
                    return new ScheduleResult(null, _diagnostics);
                }

                var resourceLinks = delayedBy is null ? null : new ResourceLinks(tasks, assigned, start, finish, delayedBy, precedenceStart!);
                var path = CriticalPath(_order, _dependencies!, _edges, start, finish, duration, _time, totalFloat, fixedStart, taskCount, _programFinish, resourceLinks)
                    .Select(v => scheduled[v]).ToList();
                var schedule = new Schedule(program, programCalendar, scheduled, spans, path, _programFinish, _leveling)
                {
                    LevelingSchedules = _levelingSchedules,
                    LevelingWork = _levelingWork,
                    Network = new ScheduleNetwork(_graph!, start, _leveling, _options.IgnoreProgress ? -1 : StatusCutoff(program, programCalendar)),
                };
                return new ScheduleResult(schedule, _diagnostics);
            }
        }

        /// <summary>The first day index after the status date (0 before the program start), or -1 without a status date.</summary>
        internal static int StatusCutoff(ProgramSymbol program, WorkingCalendar calendar) =>
            program.StatusDate is CalendarDate status ? Math.Max(0, calendar.LastIndexOnOrBefore(status) + 1) : -1;

        /// <summary>
        /// The finish of a task in progress: the work its progress leaves (rounded up to whole days) runs from the
        /// status cutoff, or from its start when that is later. A task reported complete finishes at the cutoff.
        /// </summary>
        internal static int RemainingFinish(int start, int duration, decimal progress, int cutoff, TaskTime time) =>
            FinishAfter(start, duration, (int)Math.Ceiling(duration * (1 - Math.Min(1m, progress))), cutoff, time);

        /// <summary>The finish of a task in progress with <paramref name="remaining"/> whole days of work left.</summary>
        internal static int FinishAfter(int start, int duration, int remaining, int cutoff, TaskTime time)
        {
            int from = Math.Max(start, cutoff);
            if (remaining > 0) return time.Advance(time.NextAvailable(from), remaining);
            return duration == 0 ? start : Math.Max(from, start + 1);
        }

        /// <summary>Runs an action for every index, in fixed blocks spread over the cores.</summary>
        private static void ForEachBlock(int count, Action<int> action, System.Threading.CancellationToken cancellationToken)
        {
            const int Block = 4096;
            if (count <= Block)
            {
                for (int i = 0; i < count; i++) action(i);
                return;
            }

            System.Threading.Tasks.Parallel.For(0, (count + Block - 1) / Block, new System.Threading.Tasks.ParallelOptions { CancellationToken = cancellationToken }, b =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                int end = Math.Min(count, (b + 1) * Block);
                for (int i = b * Block; i < end; i++) action(i);
            });
        }

        private static ScheduledTask Result(
            TaskSymbol task, int v, int[] start, int[] finish, int[] lateStart, int[] lateFinish, int[] duration, int[] totalFloat,
            IReadOnlyList<ScheduledAssignment>[] assigned, WorkingCalendar calendar, CalendarDate programStart, decimal hoursPerDay, bool[] costOverflow)
        {
            var s = new ScheduledTask(task)
            {
                Start = start[v],
                Finish = finish[v],
                LateStart = lateStart[v],
                LateFinish = lateFinish[v],
                DurationDays = duration[v],
                PlannedDays = duration[v],
                TotalFloat = totalFloat[v],
                IsCritical = totalFloat[v] <= 0,
                Assigned = assigned[v],
            };
            if (finish[v] > start[v])
            {
                s.StartDate = calendar.DateOf(start[v]);
                s.FinishDate = calendar.DateOf(finish[v] - 1);
            }
            else
            {
                s.StartDate = s.FinishDate = start[v] == 0 ? programStart : calendar.DateOf(start[v] - 1);
            }

            s.LateStartDate = lateFinish[v] > lateStart[v] ? calendar.DateOf(Math.Max(0, lateStart[v])) : lateStart[v] <= 0 ? programStart : calendar.DateOf(lateStart[v] - 1);
            s.LateFinishDate = lateFinish[v] > lateStart[v] ? calendar.DateOf(Math.Max(0, lateFinish[v] - 1)) : s.LateStartDate;
            if (CostOf(task, s.Assigned, duration[v], hoursPerDay) is decimal cost) s.Cost = cost;
            else costOverflow[v] = true;
            return s;
        }

        /// <summary>The scheduling graph of the edge list: edge i of the graph is edges[i].</summary>
        internal static DependencyGraph Graph(int nodeCount, List<Edge> edges) => DependencyGraph.Network(nodeCount, new EdgeList(edges));

        /// <summary>The scheduler's edges as the graph reads them.</summary>
        private readonly struct EdgeList : IEdgeList
        {
            private readonly List<Edge> _edges;

            public EdgeList(List<Edge> edges) => _edges = edges;

            public int Count => _edges.Count;

            public int From(int edge) => _edges[edge].From;

            public int To(int edge) => _edges[edge].To;

            public DependencyType Type(int edge) => _edges[edge].Type;

            public int Lag(int edge) => _edges[edge].Lag;
        }

        private static IReadOnlyList<ScheduledAssignment> ResolveAssignees(ProgramSymbol program, TaskSymbol task, RoleHolders holdersByRole)
        {
            if (task.Assignments.Count == 0 && task.RoleAssignments.Count == 0) return Array.Empty<ScheduledAssignment>();
            if (task.RoleAssignments.Count == 0 && task.Assignments.Count == 1)
            {
                var only = task.Assignments[0];
                return new[] { new ScheduledAssignment(only.Person, only.Share, null) };
            }

            return WithRoleHolders(task, (ra, onTask) =>
            {
                // Without leveling, a role goes to the first person (in declaration order) who holds it and has the
                // required skills, else to the first who holds it; never to someone already on the task.
                // From the role's groups: a scan of every holder per assignment was quadratic when nobody had the skills.
                var skilled = holdersByRole.Skilled(ra.Role, task.RequiredSkills);
                PersonSymbol? chosen = skilled?.FirstFree(onTask), fallback = null;
                if (chosen is null && skilled != null && task.RequiredSkills.Count > 0) fallback = holdersByRole.Skilled(ra.Role, Array.Empty<string>())!.FirstFree(onTask);
                return chosen ?? fallback;
            });
        }

        /// <summary>
        /// A task's people: its named assignees, then for each <c>assign role</c> the holder <paramref name="choose"/>
        /// picks (given who is on the task already), if any.
        /// </summary>
        private static List<ScheduledAssignment> WithRoleHolders(TaskSymbol task, Func<RoleAssignment, HashSet<PersonSymbol>, PersonSymbol?> choose)
        {
            var result = new List<ScheduledAssignment>();

            // Who is on the task already, by lookup: a scan of the result per holder was quadratic in the roles.
            var onTask = new HashSet<PersonSymbol>();
            foreach (var a in task.Assignments)
            {
                result.Add(new ScheduledAssignment(a.Person, a.Share, null));
                onTask.Add(a.Person);
            }

            foreach (var ra in task.RoleAssignments)
            {
                var chosen = choose(ra, onTask);
                if (chosen != null)
                {
                    result.Add(new ScheduledAssignment(chosen, ra.Share, ra.Role));
                    onTask.Add(chosen);
                }
            }

            return result;
        }

        /// <summary>The working days an amount of a task's work takes: as is for a fixed duration, else spread over the assignees.</summary>
        internal static decimal DaysOfWork(TaskSymbol task, IReadOnlyList<ScheduledAssignment> people, decimal amount) =>
            task.WorkKind == WorkKind.Duration ? amount : Spread(amount, people);

        private static int DurationOf(TaskSymbol task, IReadOnlyList<ScheduledAssignment> people)
        {
            if (task.IsMilestone) return 0;
            decimal days;
            switch (task.WorkKind)
            {
                case WorkKind.Duration: days = task.Duration ?? 0; break;
                case WorkKind.Effort: days = Spread(task.Effort ?? 0, people); break;
                case WorkKind.Estimate: days = Spread(task.Estimate?.MostLikely ?? 0, people); break;
                default: return 0;
            }

            var rounded = Math.Ceiling(days);
            return rounded > MaxDays ? MaxDays : (int)rounded;
        }

        /// <summary>The distinct assignees' ids, sorted: tasks with the same people share one working calendar.</summary>
        private static string CalendarKey(IReadOnlyList<ScheduledAssignment> people) =>
            string.Join("\u0001", people.Select(a => a.Person.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal));

        private static decimal Spread(decimal effort, IReadOnlyList<ScheduledAssignment> people)
        {
            if (people.Count == 0) return effort;
            decimal rate = 0;
            for (int i = 0; i < people.Count; i++) rate += people[i].Share * people[i].Person.Capacity;
            if (rate <= 0) return effort;

            // More than MaxDays is capped by the caller anyway; checking first keeps a tiny rate from overflowing decimal.
            return effort > MaxDays * rate ? MaxDays : effort / rate;
        }

        internal static TaskTime? BuildTaskTime(ProgramSymbol program, TaskTime programTime, WorkingCalendar programCalendar, IReadOnlyList<PersonSymbol> people)
        {
            var workdays = program.Calendar.Workdays;
            var daysOff = new List<DateRange>();
            bool differs = false;
            foreach (var person in people)
            {
                if (person.Calendar != null)
                {
                    var narrowed = workdays.Intersect(person.Calendar.Workdays);
                    if (narrowed.Mask != workdays.Mask) differs = true;
                    workdays = narrowed;
                    foreach (var h in person.Calendar.Holidays) daysOff.Add(h.Range);
                }

                foreach (var v in person.Vacations) daysOff.Add(v.Range);
            }

            if (!differs && daysOff.Count == 0) return programTime;
            if (workdays.Count == 0) return null;
            daysOff.AddRange(program.Calendar.Holidays.Select(h => h.Range));
            var own = new WorkingCalendar(program.Start, workdays, daysOff);
            if (!differs && own.DaysOffCount == programCalendar.DaysOffCount) return programTime;
            return new TaskTime(programCalendar, own);
        }

        /// <summary>
        /// TPM2006 for every task whose cost does not fit in decimal; else for every workstream whose tasks' costs add
        /// up past it; else for the program's planned or actual cost. Empty when every amount is representable.
        /// </summary>
        private static List<Diagnostic> AmountErrors(
            ProgramSymbol program, IReadOnlyList<TaskSymbol> tasks, bool[] costOverflow, List<WorkstreamSymbol> workstreamOverflow, ScheduledTask[] scheduled)
        {
            var errors = new List<Diagnostic>();

            // A rate is converted per day (costs) and per hour (MS Project's standard rate), used or not.
            void CheckRate(Symbol owner, Rate? rate)
            {
                if (!(rate is Rate r)) return;
                try
                {
                    r.PerDay(program.HoursPerDay);
                    r.PerHour(program.HoursPerDay);
                }
                catch (OverflowException)
                {
                    errors.Add(DiagnosticCatalog.RateOutOfRange(owner.Location, owner.Describe(), program.HoursPerDay));
                }
            }

            foreach (var person in program.People) CheckRate(person, person.Rate);
            foreach (var role in program.Roles) CheckRate(role, role.Rate);
            foreach (var pool in program.Resources) CheckRate(pool, pool.Rate);
            if (errors.Count > 0) return errors;
            for (int v = 0; v < costOverflow.Length; v++)
            {
                if (!costOverflow[v]) continue;
                var task = tasks[v];
                errors.Add(DiagnosticCatalog.TaskCostOutOfRange(task.Location, task.Describe()));
            }

            if (errors.Count > 0) return errors;
            foreach (var w in workstreamOverflow)
            {
                errors.Add(DiagnosticCatalog.WorkstreamCostOutOfRange(w.Location, w.Describe()));
            }

            if (errors.Count > 0) return errors;
            try
            {
                decimal planned = 0;
                foreach (var t in scheduled) planned += t.Cost;
            }
            catch (OverflowException)
            {
                errors.Add(DiagnosticCatalog.ProgramCostOutOfRange(program.Location, program.Describe()));
            }

            try
            {
                decimal actual = 0;
                foreach (var t in tasks) actual += t.ActualCost ?? 0m;
            }
            catch (OverflowException)
            {
                errors.Add(DiagnosticCatalog.ActualCostOutOfRange(program.Location, program.Describe()));
            }

            return errors;
        }

        /// <summary>A task's planned cost, rounded to cents; null when it is too large for decimal (TPM2006).</summary>
        private static decimal? CostOf(TaskSymbol task, IReadOnlyList<ScheduledAssignment> people, int days, decimal hoursPerDay)
        {
            try
            {
                decimal cost = task.Cost ?? 0;
                for (int i = 0; i < people.Count; i++)
                {
                    var a = people[i];
                    if (a.Person.Rate is Rate rate) cost += days * a.Share * rate.PerDay(hoursPerDay);
                    else if (a.ViaRole?.Rate is Rate roleRate) cost += days * a.Share * roleRate.PerDay(hoursPerDay);
                }

                for (int i = 0; i < task.ResourceUses.Count; i++)
                {
                    var use = task.ResourceUses[i];
                    if (use.Resource.Rate is Rate rate) cost += (decimal)use.Units * days * rate.PerDay(hoursPerDay);
                }

                return decimal.Round(cost, 2);
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private static IReadOnlyList<ScheduledWorkstream> WorkstreamSpans(
            ProgramSymbol program, ScheduledTask[] scheduled, WorkingCalendar calendar, out List<WorkstreamSymbol> costOverflow)
        {
            var result = new ScheduledWorkstream[program.Workstreams.Count];
            foreach (var w in program.Workstreams) result[w.Index] = new ScheduledWorkstream(w);
            var overflowed = new bool[result.Length];

            void Merge(ScheduledWorkstream target, int? s, int? f, decimal cost)
            {
                if (s is int start) target.Start = target.Start is int a ? Math.Min(a, start) : start;
                if (f is int fin) target.Finish = target.Finish is int b ? Math.Max(b, fin) : fin;
                try
                {
                    target.Cost += cost;
                }
                catch (OverflowException)
                {
                    overflowed[target.Workstream.Index] = true;
                }
            }

            foreach (var t in scheduled)
            {
                if (t.Task.Container != null) Merge(result[t.Task.Container.Index], t.Start, t.Finish, t.Cost);
            }

            // Workstreams are listed outer before inner: fold children into parents from the end.
            for (int k = program.Workstreams.Count - 1; k >= 0; k--)
            {
                var w = program.Workstreams[k];
                var span = result[k];
                if (w.Container != null) Merge(result[w.Container.Index], span.Start, span.Finish, span.Cost);
                if (span.Start is int s && span.Finish is int f)
                {
                    span.StartDate = f > s ? calendar.DateOf(s) : s == 0 ? program.Start : calendar.DateOf(s - 1);
                    span.FinishDate = f > 0 ? calendar.DateOf(f - 1) : program.Start;
                }
            }

            // Report the workstreams where a sum first overflowed, not their parents, which overflow because of them.
            var childOverflowed = new bool[result.Length];
            foreach (var w in program.Workstreams)
            {
                if (overflowed[w.Index] && w.Container != null) childOverflowed[w.Container.Index] = true;
            }

            costOverflow = new List<WorkstreamSymbol>();
            foreach (var w in program.Workstreams)
            {
                if (overflowed[w.Index] && !childOverflowed[w.Index]) costOverflow.Add(w);
            }

            return result;
        }

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private static List<int> CriticalPath(
            int[] order, DependencyGraph graph, List<Edge> edges, int[] start, int[] finish, int[] duration, TaskTime[] time,
            int[] totalFloat, int[] fixedStart, int taskCount, int programFinish, ResourceLinks? resourceLinks)
        {
            var path = new List<int>();
            int end = -1;
            foreach (int v in order)
            {
                if (v < taskCount && finish[v] == programFinish && totalFloat[v] <= 0) end = v;
            }

            // Workstream and gate nodes have no calendar of their own, so a calendar gap after them can give them
            // float while the task that drives them and the task they drive are both critical. Judge them only by
            // whether they drive, and look through them (iteratively) for the critical task behind.
            // A bound before the program start (a lead) never drives: the start holds the node there, as it does
            // for a workstream gate, so the path is the same wherever the dependency is written.
            // A gate reached from the task through start edges without lag passes a bound straight to the task, so
            // whether it drives is judged on the task's calendar: two bounds that both fall in the task's days off
            // both drive it, and a critical one is followed (a gate alone has no calendar to tell them apart).
            var preds = graph.PredecessorOffsets;
            var predEdges = graph.PredecessorEdges;
            var passthrough = new int[graph.NodeCount]; // the path node a gate passes bounds to, + 1; 0: none
            int origin = -1;
            bool Drives(int node, Edge e)
            {
                if (node >= taskCount && passthrough[node] == origin + 1 && (e.Type == DependencyType.FinishToStart || e.Type == DependencyType.StartToStart))
                {
                    int bound = (e.Type == DependencyType.FinishToStart ? finish[e.From] : start[e.From]) + e.Lag;
                    if (bound >= 0 && (duration[origin] == 0 ? bound : time[origin].NextAvailable(bound)) >= start[origin]) return true;
                }

                var t = time[node];
                bool zero = duration[node] == 0;
                switch (e.Type)
                {
                    case DependencyType.FinishToStart:
                    case DependencyType.StartToStart:
                        int sBound = (e.Type == DependencyType.FinishToStart ? finish[e.From] : start[e.From]) + e.Lag;
                        return sBound >= 0 && (zero ? sBound : t.NextAvailable(sBound)) >= start[node];
                    default:
                        int fBound = (e.Type == DependencyType.FinishToFinish ? finish[e.From] : start[e.From]) + e.Lag;
                        return fBound >= 0 && (zero ? fBound : t.NextAvailableEnd(fBound)) >= finish[node];
                }
            }

            var dead = new bool[graph.NodeCount];              // group nodes known to lead to no critical driver
            var seen = new int[graph.NodeCount];               // step at which a group node was queued
            var search = new Stack<int>();
            var explored = new List<int>();
            int step = 0;
            int node = end;
            var visited = new HashSet<int>();
            while (node >= 0 && visited.Add(node))
            {
                path.Add(node);
                if (fixedStart[node] >= 0) break;
                step++;
                int next = -1;

                // A task that waited for a person or a pool follows the task that held it: the resource-critical path.
                if (resourceLinks?.Holder(node) is int holder && holder >= 0) next = holder;
                search.Clear();
                search.Push(node);
                explored.Clear();
                origin = node;
                while (search.Count > 0 && next < 0)
                {
                    int n = search.Pop();
                    if (n != node) explored.Add(n);
                    for (int i = preds[n]; i < preds[n + 1] && next < 0; i++)
                    {
                        var e = edges[predEdges[i]];
                        if (!Drives(n, e)) continue;
                        if (e.From < taskCount)
                        {
                            if (totalFloat[e.From] <= 0) next = e.From;
                        }
                        else if (!dead[e.From] && seen[e.From] != step)
                        {
                            seen[e.From] = step;
                            bool straight = (n == node || passthrough[n] == node + 1) && e.Lag == 0 && duration[e.From] == 0 &&
                                            (e.Type == DependencyType.FinishToStart || e.Type == DependencyType.StartToStart);
                            passthrough[e.From] = straight ? node + 1 : 0;
                            search.Push(e.From);
                        }
                    }
                }

                // Dead for every later task too, except gates judged on this task's calendar (another task's may differ).
                if (next < 0) foreach (int n in explored) if (passthrough[n] != node + 1) dead[n] = true;
                node = next;
            }

            path.Reverse();
            return path;
        }

        private static void ReportCycles(
            DependencyGraph graph, List<Edge> edges, int[] order, IReadOnlyList<TaskSymbol> tasks,
            IReadOnlyList<WorkstreamSymbol> workstreams, int[] gateOf, int taskCount, SourceLocation programLocation, List<Diagnostic> diagnostics)
        {
            var ordered = new bool[graph.NodeCount];
            foreach (int v in order) ordered[v] = true;
            var components = graph.CyclicComponents(ordered);
            var gateOwner = new Dictionary<int, WorkstreamSymbol>();
            for (int k = 0; k < gateOf.Length; k++) if (gateOf[k] >= 0) gateOwner[gateOf[k]] = workstreams[k];

            string Name(int v)
            {
                if (v < taskCount) return "'" + tasks[v].Id + "'";
                if (gateOwner.TryGetValue(v, out var gated)) return "workstream '" + gated.Id + "'";
                var w = workstreams[(v - taskCount) / 2];
                return "'" + w.Id + "' (all of its tasks)";
            }

            foreach (var component in components)
            {
                var members = new HashSet<int>(component);
                int first = component.Min();
                var cycle = graph.ShortestCycle(first, members.Contains, out var cycleEdges);
                if (cycle.Count == 0) continue;
                var text = CyclePath(cycle, Name);
                var located = cycleEdges.Select(i => edges[i].Source).FirstOrDefault(d => d != null);
                var additional = cycleEdges.Select(i => edges[i].Source).Where(d => d != null).Select(d => d!.Location).Skip(1).Take(2 * CycleEndsNamed).ToArray();
                var location = located?.Location ?? (first < taskCount ? tasks[first].Location : programLocation);
                diagnostics.Add(DiagnosticCatalog.Cycle(location, additional, text));
            }
        }

        /// <summary>How many nodes a TPM2001 message names at each end of a long cycle; the middle is counted, so one line stays short.</summary>
        internal const int CycleEndsNamed = 5;

        /// <summary>
        /// "'a' → 'b' → … → 'a'": every node of a cycle of up to 2 × <see cref="CycleEndsNamed"/> + 1 nodes, else the first and
        /// last <see cref="CycleEndsNamed"/> with the number in between ("… 119,990 more …"), back to the first.
        /// </summary>
        internal static string CyclePath<T>(IReadOnlyList<T> cycle, Func<T, string> name)
        {
            if (cycle.Count <= 2 * CycleEndsNamed + 1) return string.Join(" → ", cycle.Select(name)) + " → " + name(cycle[0]);
            int hidden = cycle.Count - 2 * CycleEndsNamed;
            return string.Join(" → ", cycle.Take(CycleEndsNamed).Select(name)) + " → … " + hidden.ToString("N0", CultureInfo.InvariantCulture) + " more … → " +
                string.Join(" → ", cycle.Skip(cycle.Count - CycleEndsNamed).Select(name)) + " → " + name(cycle[0]);
        }
    }
}
