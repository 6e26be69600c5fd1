using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
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
        private const int Unconstrained = int.MaxValue / 2;

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
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.OutOfCalendarRange, program.Location,
                    "the schedule runs past 9999-12-31; check the durations, lags, dates and the status date"));
                return new ScheduleResult(null, diagnostics);
            }
        }

        private static bool IsCalendarRange(Exception ex) =>
            ex is CalendarRangeException || (ex is AggregateException all && all.InnerExceptions.All(e => e is CalendarRangeException));

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private static ScheduleResult RunCore(ProgramSymbol program, ScheduleOptions options, List<Diagnostic> diagnostics)
        {
            var tasks = program.Tasks;
            var workstreams = program.Workstreams;
            int taskCount = tasks.Count;
            int wsCount = workstreams.Count;

            var programCalendar = new WorkingCalendar(program.Start, program.Calendar.Workdays, program.Calendar.Holidays.Select(h => h.Range));
            if (programCalendar.IsEmpty)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NoWorkingDays, program.Location, "the program calendar has no working weekdays; set 'workdays', e.g. 'workdays mon..fri'"));
                return new ScheduleResult(null, diagnostics);
            }

            // ---- nodes: tasks, then a start and a finish node per workstream, then gates.
            int WsStart(WorkstreamSymbol w) => taskCount + 2 * w.Index;
            int WsFinish(WorkstreamSymbol w) => taskCount + 2 * w.Index + 1;

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
                if ((task.Index & 4095) == 4095) options.CancellationToken.ThrowIfCancellationRequested();
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

            options.CancellationToken.ThrowIfCancellationRequested();
            var preds = Csr(nodeCount, edges, e => e.To);
            var succs = Csr(nodeCount, edges, e => e.From);

            // ---- topological order (Kahn; FIFO from the lowest index, so the order is deterministic).
            var order = TopologicalOrder(nodeCount, edges, succs);
            if (order.Count < nodeCount)
            {
                ReportCycles(nodeCount, edges, succs, order, tasks, workstreams, gateOf, taskCount, program.Location, diagnostics);
                return new ScheduleResult(null, diagnostics);
            }

            // ---- per-task working time, duration and assignees.
            var duration = new int[nodeCount];
            var time = new TaskTime[nodeCount];
            var assigned = new IReadOnlyList<ScheduledAssignment>[taskCount];
            var programTime = new TaskTime(programCalendar, null);
            var calendarCache = new Dictionary<string, TaskTime?>(StringComparer.Ordinal);
            for (int v = 0; v < nodeCount; v++) time[v] = programTime;
            var holdersByRole = new RoleHolders(program.People);

            // Who works on each task and for how long depends on the task alone: computed in parallel blocks.
            ForEachBlock(taskCount, v =>
            {
                assigned[v] = ResolveAssignees(program, tasks[v], holdersByRole);
                duration[v] = DurationOf(tasks[v], assigned[v]);
            }, options.CancellationToken);
            bool leveling = options.Leveling ?? program.Leveling;
            if (leveling) BalanceRoles(program, tasks, assigned, duration, holdersByRole);
            TaskTime? TimeOf(IReadOnlyList<ScheduledAssignment> people)
            {
                var key = people.Count == 1 ? people[0].Person.Id : CalendarKey(people);
                if (!calendarCache.TryGetValue(key, out var taskTime))
                {
                    taskTime = BuildTaskTime(program, programTime, programCalendar, people.Select(a => a.Person).Distinct().ToList());
                    calendarCache[key] = taskTime;
                }

                return taskTime;
            }

            options.CancellationToken.ThrowIfCancellationRequested();
            foreach (var task in tasks)
            {
                var people = assigned[task.Index];
                if (people.Count == 0) continue;
                var taskTime = TimeOf(people);

                if (taskTime is null)
                {
                    var names = string.Join(", ", people.Select(a => a.Person.Id).Distinct());
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.NoWorkingDays, task.Assignments.FirstOrDefault()?.Location ?? task.Location,
                        task.Describe() + " cannot be scheduled: its assignees (" + names + ") share no working weekday with each other and the program calendar; check their calendars"));
                    continue;
                }

                time[task.Index] = taskTime;
            }

            if (diagnostics.Count > 0) return new ScheduleResult(null, diagnostics);

            var fixedStart = new int[nodeCount];
            var fixedFinish = new int[nodeCount];
            var notBefore = new int[nodeCount];
            for (int v = 0; v < nodeCount; v++)
            {
                fixedStart[v] = fixedFinish[v] = -1;
                notBefore[v] = 0;
            }

            var start = new int[nodeCount];
            var finish = new int[nodeCount];
            var lateStart = new int[nodeCount];
            var lateFinish = new int[nodeCount];
            int current = -1;
            int programFinish = 0;
            try
            {
                // Work not done by the status date is scheduled after it: progress is reported as of the close of that day.
                int statusCutoff = options.IgnoreProgress ? -1 : StatusCutoff(program, programCalendar);
                foreach (var task in tasks)
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

                options.CancellationToken.ThrowIfCancellationRequested();
                // ---- forward pass: early dates.
                foreach (int v in order)
                {
                    if ((v & 4095) == 4095) options.CancellationToken.ThrowIfCancellationRequested();
                    current = v;
                    int es = notBefore[v];
                    int ef = int.MinValue;
                    for (int i = preds.Offsets[v]; i < preds.Offsets[v + 1]; i++)
                    {
                        var e = edges[preds.Items[i]];
                        switch (e.Type)
                        {
                            case DependencyType.FinishToStart: es = Math.Max(es, checked(finish[e.From] + e.Lag)); break;
                            case DependencyType.StartToStart: es = Math.Max(es, checked(start[e.From] + e.Lag)); break;
                            case DependencyType.FinishToFinish: ef = Math.Max(ef, checked(finish[e.From] + e.Lag)); break;
                            default: ef = Math.Max(ef, checked(start[e.From] + e.Lag)); break;
                        }
                    }

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
                        start[v] = t.NextAvailable(es);
                        finish[v] = t.Advance(start[v], d);
                        if (finish[v] < ef)
                        {
                            finish[v] = t.NextAvailableEnd(ef);
                            start[v] = t.Retreat(finish[v], d);
                        }
                    }

                    if (finish[v] > MaxDays) throw new CalendarRangeException();
                    if (v < taskCount && finish[v] > programFinish)
                    {
                        // Every date reported later is at most the program's last day: check it here, where a
                        // CalendarRangeException becomes TPM2005 at the task that runs past the last date.
                        programCalendar.DateOf(finish[v] - 1);
                        programFinish = finish[v];
                    }
                }

                // ---- backward pass: late dates from the program finish. Started tasks do not constrain their predecessors.
                for (int k = order.Count - 1; k >= 0; k--)
                {
                    if ((k & 4095) == 4095) options.CancellationToken.ThrowIfCancellationRequested();
                    int v = order[k];
                    current = v;
                    int lf = v < taskCount ? programFinish : Unconstrained;
                    int ls = int.MaxValue;
                    for (int i = succs.Offsets[v]; i < succs.Offsets[v + 1]; i++)
                    {
                        var e = edges[succs.Items[i]];
                        if (fixedStart[e.To] >= 0) continue;
                        switch (e.Type)
                        {
                            case DependencyType.FinishToStart: lf = Math.Min(lf, Before(lateStart[e.To], e.Lag)); break;
                            case DependencyType.StartToStart: ls = Math.Min(ls, Before(lateStart[e.To], e.Lag)); break;
                            case DependencyType.FinishToFinish: lf = Math.Min(lf, Before(lateFinish[e.To], e.Lag)); break;
                            default: ls = Math.Min(ls, Before(lateFinish[e.To], e.Lag)); break;
                        }
                    }

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
                        lateFinish[v] = t.PreviousAvailableEnd(lf);
                        lateStart[v] = t.Retreat(lateFinish[v], d);
                        if (lateStart[v] > ls)
                        {
                            lateStart[v] = t.PreviousAvailable(ls);
                            lateFinish[v] = t.Advance(lateStart[v], d);
                        }
                    }
                }
            }
            catch (Exception ex) when (ex is CalendarRangeException || ex is OverflowException)
            {
                var where = current >= 0 && current < taskCount ? tasks[current] : null;
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.OutOfCalendarRange, where?.WorkLocation ?? where?.Location ?? program.Location,
                    "the schedule runs past 9999-12-31" + (where is null ? string.Empty : " at " + where.Describe()) + "; check the durations, lags and dates"));
                return new ScheduleResult(null, diagnostics);
            }

            options.CancellationToken.ThrowIfCancellationRequested();
            // ---- resources: leveled, or over-allocations reported.
            diagnostics.AddRange(InfeasibleDemands(tasks));
            int[]? precedenceStart = null;
            Symbol?[]? delayedBy = null;
            int levelingSchedules = 0;
            long levelingWork = 0;
            var graph = new LevelingGraph(program, tasks, nodeCount, edges, duration, time, notBefore, fixedStart, fixedFinish, assigned);
            LevelingOutcome? outcome = null;
            if (leveling && taskCount > 0)
            {
                try
                {
                    ChooseRoleHolders(graph, holdersByRole, TimeOf, options);
                    outcome = Level(graph, options);
                }
                catch (Exception ex) when (ex is CalendarRangeException || ex is OverflowException)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.OutOfCalendarRange, program.Location,
                        "the leveled schedule runs past 9999-12-31; check the durations, lags and dates"));
                    return new ScheduleResult(null, diagnostics);
                }
                catch (Leveling.WorkCeilingException ceiling)
                {
                    // Even one leveled schedule costs more than the search may spend: the plan is scheduled unleveled,
                    // and what leveling would have fixed is reported as over-allocations.
                    diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.WorkBudgetExhausted, program.Location,
                        "leveling stopped: one leveled schedule of " + program.Describe() + " needs more than " +
                        ceiling.Work.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
                        " work units (resources booked day by day over very long spans); the schedule is not leveled and its over-allocations are reported"));
                    leveling = false;
                }
            }

            if (outcome != null)
            {

                var solution = outcome.Solution;
                start = solution.Start;
                finish = solution.Finish;
                lateStart = solution.LateStart;
                lateFinish = solution.LateFinish;
                precedenceStart = solution.PrecedenceStart;
                levelingSchedules = solution.SchedulesGenerated;
                levelingWork = solution.Work;
                delayedBy = new Symbol?[nodeCount];
                programFinish = 0;
                for (int v = 0; v < nodeCount; v++)
                {
                    if (v < taskCount) programFinish = Math.Max(programFinish, finish[v]);
                    if (solution.BlockedBy[v] >= 0 && start[v] > precedenceStart[v]) delayedBy[v] = outcome.Resources[solution.BlockedBy[v]];
                }

                if (programFinish > MaxDays) throw new CalendarRangeException();
            }
            else if (taskCount > 0)
            {
                diagnostics.AddRange(OverAllocations(program, tasks, start, finish, time, assigned, programCalendar, programFinish));
            }

            options.CancellationToken.ThrowIfCancellationRequested();
            var totalFloat = new int[nodeCount];
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
                if (delayedBy?[v] is Symbol blocker)
                {
                    s.DelayedBy = blocker;
                    s.ResourceDelayDays = start[v] - precedenceStart![v];
                }

                scheduled[v] = s;
            }, options.CancellationToken);

            var spans = WorkstreamSpans(program, scheduled, programCalendar, out var workstreamOverflow);
            var amountErrors = AmountErrors(program, tasks, costOverflow, workstreamOverflow, scheduled);
            if (amountErrors.Count > 0)
            {
                // A cost that cannot be represented has no right value to print: no schedule, as for TPM2005.
                diagnostics.AddRange(amountErrors);
                return new ScheduleResult(null, diagnostics);
            }

            options.CancellationToken.ThrowIfCancellationRequested();
            var resourceLinks = delayedBy is null ? null : new ResourceLinks(tasks, assigned, start, finish, delayedBy, precedenceStart!);
            var path = CriticalPath(order, preds, edges, start, finish, duration, time, totalFloat, fixedStart, taskCount, programFinish, resourceLinks)
                .Select(v => scheduled[v]).ToList();
            var schedule = new Schedule(program, programCalendar, scheduled, spans, path, programFinish, leveling)
            {
                LevelingSchedules = levelingSchedules,
                LevelingWork = levelingWork,
                Network = new ScheduleNetwork(graph, start, leveling, options.IgnoreProgress ? -1 : StatusCutoff(program, programCalendar)),
            };
            return new ScheduleResult(schedule, diagnostics);
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

        /// <summary><paramref name="late"/> − <paramref name="lag"/>, at most <see cref="Unconstrained"/> (a large lead cannot overflow).</summary>
        private static int Before(int late, int lag) => (int)Math.Min(Unconstrained, (long)late - lag);

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

        internal sealed class Adjacency
        {
            public Adjacency(int[] offsets, int[] items)
            {
                Offsets = offsets;
                Items = items;
            }

            public int[] Offsets { get; }

            public int[] Items { get; }
        }

        /// <summary>Compressed adjacency: for each node, the indices of its edges (by the key node), in edge order.</summary>
        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        internal static Adjacency Csr(int nodeCount, List<Edge> edges, Func<Edge, int> key)
        {
            var offsets = new int[nodeCount + 1];
            foreach (var e in edges) offsets[key(e) + 1]++;
            for (int i = 0; i < nodeCount; i++) offsets[i + 1] += offsets[i];
            var fill = (int[])offsets.Clone();
            var items = new int[edges.Count];
            for (int i = 0; i < edges.Count; i++) items[fill[key(edges[i])]++] = i;
            return new Adjacency(offsets, items);
        }

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        internal static List<int> TopologicalOrder(int nodeCount, List<Edge> edges, Adjacency succs)
        {
            var indegree = new int[nodeCount];
            foreach (var e in edges) indegree[e.To]++;
            var queue = new Queue<int>();
            for (int v = 0; v < nodeCount; v++) if (indegree[v] == 0) queue.Enqueue(v);
            var order = new List<int>(nodeCount);
            while (queue.Count > 0)
            {
                int v = queue.Dequeue();
                order.Add(v);
                for (int i = succs.Offsets[v]; i < succs.Offsets[v + 1]; i++)
                {
                    int w = edges[succs.Items[i]].To;
                    if (--indegree[w] == 0) queue.Enqueue(w);
                }
            }

            return order;
        }

        private static IReadOnlyList<ScheduledAssignment> ResolveAssignees(ProgramSymbol program, TaskSymbol task, RoleHolders holdersByRole)
        {
            if (task.Assignments.Count == 0 && task.RoleAssignments.Count == 0) return Array.Empty<ScheduledAssignment>();
            if (task.RoleAssignments.Count == 0 && task.Assignments.Count == 1)
            {
                var only = task.Assignments[0];
                return new[] { new ScheduledAssignment(only.Person, only.Share, null) };
            }

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
                // Without leveling, a role goes to the first person (in declaration order) who holds it and has the
                // required skills, else to the first who holds it; never to someone already on the task.
                // From the role's groups: a scan of every holder per assignment was quadratic when nobody had the skills.
                var skilled = holdersByRole.Skilled(ra.Role, task.RequiredSkills);
                PersonSymbol? chosen = skilled?.FirstFree(onTask), fallback = null;
                if (chosen is null && skilled != null && task.RequiredSkills.Count > 0) fallback = holdersByRole.Skilled(ra.Role, Array.Empty<string>())!.FirstFree(onTask);
                chosen ??= fallback;
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

        /// <summary>The largest amount a cost can have (decimal's maximum), as the TPM2006 messages print it.</summary>
        internal static readonly string MaxAmountText = decimal.MaxValue.ToString("#,0", CultureInfo.InvariantCulture);

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
                    errors.Add(Diagnostic.Create(DiagnosticCatalog.AmountOutOfRange, owner.Location,
                        "the rate of " + owner.Describe() + " is more than " + MaxAmountText + " per working day or per hour (at " +
                        program.HoursPerDay.ToString(CultureInfo.InvariantCulture) + " hours a day), the largest amount tpm can compute; check the rate"));
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
                errors.Add(Diagnostic.Create(DiagnosticCatalog.AmountOutOfRange, task.Location,
                    "the cost of " + task.Describe() + " is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates, units and fixed cost of the task and of the people and resources it uses"));
            }

            if (errors.Count > 0) return errors;
            foreach (var w in workstreamOverflow)
            {
                errors.Add(Diagnostic.Create(DiagnosticCatalog.AmountOutOfRange, w.Location,
                    "the cost of " + w.Describe() + " (the sum of its tasks' costs) is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates and costs of its tasks"));
            }

            if (errors.Count > 0) return errors;
            try
            {
                decimal planned = 0;
                foreach (var t in scheduled) planned += t.Cost;
            }
            catch (OverflowException)
            {
                errors.Add(Diagnostic.Create(DiagnosticCatalog.AmountOutOfRange, program.Location,
                    "the planned cost of " + program.Describe() + " (the sum of its tasks' costs) is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates and costs"));
            }

            try
            {
                decimal actual = 0;
                foreach (var t in tasks) actual += t.ActualCost ?? 0m;
            }
            catch (OverflowException)
            {
                errors.Add(Diagnostic.Create(DiagnosticCatalog.AmountOutOfRange, program.Location,
                    "the actual costs of " + program.Describe() + " add up to more than " + MaxAmountText + ", the largest amount tpm can compute; check the actual-cost entries"));
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
            List<int> order, Adjacency preds, List<Edge> edges, int[] start, int[] finish, int[] duration, TaskTime[] time,
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
            var passthrough = new int[preds.Offsets.Length - 1]; // the path node a gate passes bounds to, + 1; 0: none
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

            var dead = new bool[preds.Offsets.Length - 1];     // group nodes known to lead to no critical driver
            var seen = new int[preds.Offsets.Length - 1];      // step at which a group node was queued
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
                    for (int i = preds.Offsets[n]; i < preds.Offsets[n + 1] && next < 0; i++)
                    {
                        var e = edges[preds.Items[i]];
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
            int nodeCount, List<Edge> edges, Adjacency succs, List<int> order, IReadOnlyList<TaskSymbol> tasks,
            IReadOnlyList<WorkstreamSymbol> workstreams, int[] gateOf, int taskCount, SourceLocation programLocation, List<Diagnostic> diagnostics)
        {
            var ordered = new bool[nodeCount];
            foreach (int v in order) ordered[v] = true;
            var components = StronglyConnectedComponents(nodeCount, edges, succs, ordered);
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
                var cycle = FindCycle(first, members, edges, succs, out var cycleEdges);
                if (cycle.Count == 0) continue;
                var text = CyclePath(cycle, Name);
                var located = cycleEdges.Select(i => edges[i].Source).FirstOrDefault(d => d != null);
                var additional = cycleEdges.Select(i => edges[i].Source).Where(d => d != null).Select(d => d!.Location).Skip(1).Take(2 * CycleEndsNamed).ToArray();
                var location = located?.Location ?? (first < taskCount ? tasks[first].Location : programLocation);
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.DependencyCycle, location, additional, text));
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

        /// <summary>A shortest cycle through <paramref name="start"/> within a component (breadth-first), as nodes and edge indices.</summary>
        private static List<int> FindCycle(int start, HashSet<int> members, List<Edge> edges, Adjacency succs, out List<int> cycleEdges)
        {
            var viaEdge = new Dictionary<int, int>();
            var queue = new Queue<int>();
            queue.Enqueue(start);
            cycleEdges = new List<int>();
            int closing = -1;
            while (queue.Count > 0 && closing < 0)
            {
                int v = queue.Dequeue();
                for (int i = succs.Offsets[v]; i < succs.Offsets[v + 1]; i++)
                {
                    int edgeIndex = succs.Items[i];
                    int w = edges[edgeIndex].To;
                    if (w == start)
                    {
                        closing = edgeIndex;
                        break;
                    }

                    if (!members.Contains(w) || viaEdge.ContainsKey(w)) continue;
                    viaEdge[w] = edgeIndex;
                    queue.Enqueue(w);
                }
            }

            if (closing < 0) return new List<int>();
            var nodes = new List<int>();
            cycleEdges.Add(closing);
            int node = edges[closing].From;
            while (node != start)
            {
                nodes.Add(node);
                int e = viaEdge[node];
                cycleEdges.Add(e);
                node = edges[e].From;
            }

            nodes.Add(start);
            nodes.Reverse();
            cycleEdges.Reverse();
            return nodes;
        }

        /// <summary>Tarjan's algorithm, iterative, over the nodes not in the topological order; returns components that hold a cycle.</summary>
        internal static List<List<int>> StronglyConnectedComponents(int nodeCount, List<Edge> edges, Adjacency succs, bool[] excluded)
        {
            var index = new int[nodeCount];
            var low = new int[nodeCount];
            var onStack = new bool[nodeCount];
            for (int i = 0; i < nodeCount; i++) index[i] = -1;
            var stack = new Stack<int>();
            var callStack = new Stack<(int Node, int NextEdge)>();
            var result = new List<List<int>>();
            int counter = 0;
            for (int root = 0; root < nodeCount; root++)
            {
                if (excluded[root] || index[root] >= 0) continue;
                callStack.Push((root, succs.Offsets[root]));
                index[root] = low[root] = counter++;
                stack.Push(root);
                onStack[root] = true;
                while (callStack.Count > 0)
                {
                    var (v, next) = callStack.Pop();
                    bool descended = false;
                    for (int i = next; i < succs.Offsets[v + 1]; i++)
                    {
                        int w = edges[succs.Items[i]].To;
                        if (excluded[w]) continue;
                        if (index[w] < 0)
                        {
                            callStack.Push((v, i + 1));
                            index[w] = low[w] = counter++;
                            stack.Push(w);
                            onStack[w] = true;
                            callStack.Push((w, succs.Offsets[w]));
                            descended = true;
                            break;
                        }

                        if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    }

                    if (descended) continue;
                    if (low[v] == index[v])
                    {
                        var component = new List<int>();
                        int w;
                        do
                        {
                            w = stack.Pop();
                            onStack[w] = false;
                            component.Add(w);
                        }
                        while (w != v);
                        bool selfLoop = false;
                        for (int i = succs.Offsets[v]; i < succs.Offsets[v + 1]; i++) if (edges[succs.Items[i]].To == v) selfLoop = true;
                        if (component.Count > 1 || selfLoop) result.Add(component);
                    }

                    if (callStack.Count > 0)
                    {
                        var parent = callStack.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[v]);
                    }
                }
            }

            return result;
        }
    }
}
