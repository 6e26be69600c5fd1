using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// Monte Carlo forecast of a schedule. Each iteration samples every remaining estimated task from a PERT
    /// distribution over its (o, m, p) (or, calibrated, from the history of finished tasks), lets every open risk occur
    /// with its likelihood (adding its impact to the tasks it affects), and re-schedules the network: a serial schedule
    /// generation over the base schedule's order of starts, which holds the people and pools when the plan is leveled
    /// and is the critical-path forward pass when it is not.
    /// <para>
    /// Iterations run in fixed blocks, each with its own random stream derived from the seed and the block number, and
    /// every total is an integer sum: the result is the same for a seed whatever the number of threads.
    /// </para>
    /// </summary>
    public static class MonteCarloForecast
    {
        /// <summary>The most iterations one forecast runs.</summary>
        public const int MaxIterations = 10_000_000;

        /// <summary>The most task finishes (tasks × iterations) kept for <see cref="ForecastOptions.TaskFinishes"/>: 80 MB of them.</summary>
        public const long MaxTaskFinishValues = 20_000_000;

        /// <summary>
        /// The forecast's work budget, in the leveler's work units (per task placed, per dependency examined, per day
        /// and resource scanned in the resource profile; about 9 ns each on the reference machine, shared by the threads). Iterations × the work of
        /// one iteration stay within it: each iteration is costed as one schedule of the plan with every estimate at
        /// its pessimistic value and every open risk occurring (plus a unit per risk drawn and per task or workstream slot
        /// it reaches, which the engine does not see), so the cut depends on the plan alone, never on the
        /// machine or the thread count. At most about 10 s of one core (5 s on the 2-core reference machine); the
        /// default 10,000 iterations of a generated 1,000-task plan fit.
        /// The report's forecast in <c>tpm build</c> has the same budget, so its figures are <c>tpm forecast</c>'s.
        /// </summary>
        public const long WorkBudget = 1_000_000_000;

        /// <summary>
        /// However costly an iteration, at least this many run: one, so the work budget binds (iterations = the asked
        /// count, cut to the budget divided by the work of one iteration). One iteration costs about one schedule of the
        /// plan, which the input limits already bound; a forecast cut below the asked count carries TPM2007.
        /// </summary>
        public const int MinimumIterations = 1;

        /// <summary>Forecasts a schedule produced by <see cref="ProgramScheduler.Run"/>.</summary>
        public static ForecastResult Run(Schedule schedule, ForecastOptions? options = null)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            options ??= new ForecastOptions();
            if (options.Iterations < 1 || options.Iterations > MaxIterations)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "Iterations must be between 1 and " + MaxIterations + ".");
            }

            if (options.WorkBudget < 1) throw new ArgumentOutOfRangeException(nameof(options), "WorkBudget must be positive.");

            var network = schedule.Network ?? throw new ArgumentException("The schedule was not produced by the scheduler.", nameof(schedule));
            options.CancellationToken.ThrowIfCancellationRequested();
            try
            {
                return RunModel(schedule, network, options);
            }
            catch (Exception ex) when (IsPastTheCalendar(ex))
            {
                // A work-in-progress finish or a calendar looked up past the last date the calendar can name.
                throw new ForecastRangeException(Diagnostics.DiagnosticCatalog.ForecastBeyondCalendar(schedule.Program.Location));
            }
        }

        private static bool IsPastTheCalendar(Exception ex) =>
            ex is CalendarRangeException || ex is OverflowException ||
            (ex is AggregateException aggregate && aggregate.InnerExceptions.All(IsPastTheCalendar));

        private static ForecastResult RunModel(Schedule schedule, ScheduleNetwork network, ForecastOptions options)
        {
            var model = new ForecastModel(schedule, network, options);
            int asked = options.Iterations;
            long perIteration = Math.Max(1, new Worker(model).WorstCaseWork());
            int iterations = (int)Math.Max(MinimumIterations, Math.Min(asked, options.WorkBudget / perIteration));
            var finishes = new int[iterations];
            var milestoneFinishes = model.Milestones.Select(_ => new int[iterations]).ToArray();
            var taskFinishes = options.TaskFinishes && (long)model.TaskCount * iterations <= MaxTaskFinishValues
                ? Enumerable.Range(0, model.TaskCount).Select(_ => new int[iterations]).ToArray()
                : null;
            var totals = new Totals(model);
            IterationBlocks.Run(iterations, options, () => new Worker(model),
                (worker, random, i) => worker.Iterate(random, i, finishes, milestoneFinishes, taskFinishes),
                worker => totals.Add(worker.Totals));
            var result = Summarise(model, options, finishes, milestoneFinishes, taskFinishes, totals);
            result.IterationsAsked = asked;
            result.WorkPerIteration = perIteration;
            if (iterations < asked)
            {
                result.BudgetWarning = Diagnostics.DiagnosticCatalog.ForecastIterationsCut(schedule.Program.Location, iterations, asked, perIteration, options.WorkBudget);
            }

            return result;
        }

        private static ForecastResult Summarise(ForecastModel model, ForecastOptions options, int[] finishes, int[][] milestoneFinishes, int[][]? taskFinishes, Totals totals)
        {
            var schedule = model.Schedule;
            int n = finishes.Length;

            // The finish index past which no date can be named (9999-12-31 is the last): such a forecast has no answer.
            int lastFinish = schedule.Calendar.LastIndexOnOrBefore(CalendarDate.MaxValue) + 1;
            int beyond = finishes.Count(f => f > lastFinish);
            if (beyond > 0)
            {
                throw new ForecastRangeException(Diagnostics.DiagnosticCatalog.ForecastBeyondCalendar(schedule.Program.Location, beyond, n));
            }

            var finish = Distribution(schedule, finishes, schedule.FinishDate);
            double? deadline = model.DeadlineLimit is int limit ? (double)finishes.Count(f => f <= limit) / n : (double?)null;

            var dueByNode = new Dictionary<int, double>();
            for (int k = 0; k < model.Due.Length; k++) dueByNode[model.Due[k].Node] = (double)totals.DueMet[k] / n;

            var tasks = schedule.Program.Tasks;
            var milestones = new List<MilestoneForecast>();
            for (int k = 0; k < model.Milestones.Length; k++)
            {
                var task = tasks[model.Milestones[k]];
                var planned = schedule.Tasks[task.Index].FinishDate;
                milestones.Add(new MilestoneForecast(task, Distribution(schedule, milestoneFinishes[k], planned), dueByNode.TryGetValue(task.Index, out var p) ? p : (double?)null));
            }

            var taskForecasts = tasks
                .Select(t => new TaskForecast(
                    t,
                    (double)totals.Critical[t.Index] / n,
                    dueByNode.TryGetValue(t.Index, out var p) ? p : (double?)null,
                    taskFinishes is null ? null : Distribution(schedule, taskFinishes[t.Index], schedule.Tasks[t.Index].FinishDate)))
                .ToList();

            return new ForecastResult(schedule.Program, n, options.Seed, model.Network.Leveled, finish, deadline, milestones, taskForecasts,
                Drivers(model, totals, n), model.Calibration?.Summary(), model.Sampled.Length, model.Risks.Length);
        }

        /// <summary>The date of a finish index: the last working day before it, or the program start for 0.</summary>
        private static CalendarDate DateOf(Schedule schedule, int finish) => finish <= 0 ? schedule.StartDate : schedule.Calendar.DateOf(finish - 1);

        private static FinishDistribution Distribution(Schedule schedule, int[] values, CalendarDate planned)
        {
            var sorted = (int[])values.Clone();
            Array.Sort(sorted);
            long sum = 0;
            foreach (var v in sorted) sum += v;

            // Nearest rank: the smallest value with at least k% of the iterations at or below it.
            int Rank(int percent) => sorted[Math.Max(0, (int)Math.Ceiling(percent / 100.0 * sorted.Length) - 1)];
            return new FinishDistribution(DateOf(schedule, Rank(50)), DateOf(schedule, Rank(80)), DateOf(schedule, Rank(95)), (double)sum / sorted.Length, planned);
        }

        /// <summary>The inputs most correlated with the program finish (at most ten, |r| ≥ 0.05), strongest first.</summary>
        private static IReadOnlyList<ForecastDriver> Drivers(ForecastModel model, Totals totals, int n)
        {
            var result = new List<(ForecastDriver Driver, int Order)>();
            double syy = n * (double)totals.SumYY - (double)totals.SumY * totals.SumY;
            if (syy <= 0) return Array.Empty<ForecastDriver>();
            for (int k = 0; k < model.InputCount; k++)
            {
                double sxx = n * (double)totals.SumXX[k] - (double)totals.SumX[k] * totals.SumX[k];
                if (sxx <= 0) continue;
                double sxy = n * (double)totals.SumXY[k] - (double)totals.SumX[k] * totals.SumY;
                double r = sxy / Math.Sqrt(sxx * syy);
                if (Math.Abs(r) < 0.05) continue;
                bool isTask = k < model.Sampled.Length;
                Symbol symbol = isTask ? model.Network.Graph.Tasks[model.Sampled[k].Node] : model.Risks[k - model.Sampled.Length].Risk;
                result.Add((new ForecastDriver(isTask ? DriverKind.Estimate : DriverKind.Risk, symbol, r, sxy / sxx), k));
            }

            return result.OrderByDescending(d => Math.Abs(d.Driver.Correlation)).ThenBy(d => d.Order).Take(10).Select(d => d.Driver).ToList();
        }

        /// <summary>Integer totals over iterations: adding them up in any order gives the same numbers.</summary>
        private sealed class Totals
        {
            public Totals(ForecastModel model)
            {
                Critical = new long[model.TaskCount];
                DueMet = new long[model.Due.Length];
                SumX = new long[model.InputCount];
                SumXX = new long[model.InputCount];
                SumXY = new long[model.InputCount];
            }

            public long[] Critical { get; }

            public long[] DueMet { get; }

            public long[] SumX { get; }

            public long[] SumXX { get; }

            public long[] SumXY { get; }

            public long SumY { get; set; }

            public long SumYY { get; set; }

            public void Add(Totals other)
            {
                for (int i = 0; i < Critical.Length; i++) Critical[i] += other.Critical[i];
                for (int i = 0; i < DueMet.Length; i++) DueMet[i] += other.DueMet[i];
                for (int i = 0; i < SumX.Length; i++)
                {
                    SumX[i] += other.SumX[i];
                    SumXX[i] += other.SumXX[i];
                    SumXY[i] += other.SumXY[i];
                }

                SumY += other.SumY;
                SumYY += other.SumYY;
            }
        }

        /// <summary>One thread's engine and scratch: it samples, schedules and scores iterations.</summary>
        private sealed class Worker
        {
            private readonly ForecastModel _model;
            private readonly Engine _engine;
            private readonly int[] _duration;
            private readonly int[] _fixedFinish;
            private readonly SamplingScratch _sampling;
            private readonly (int[] PrecedenceStart, int[] BlockedBy) _explain;
            private readonly bool[] _critical;
            private readonly Stack<int> _pending = new Stack<int>();
            private readonly int[] _predOffsets;
            private readonly int[] _predItems;
            private readonly int[][] _users;
            private readonly int[][] _sortedUsers;
            private readonly int[][] _sortedFinish;
            private readonly int[] _sortedAt;
            private int _iteration;

            public Worker(ForecastModel model)
            {
                _model = model;
                var p = model.Problem;
                _duration = (int[])p.Duration.Clone();
                _fixedFinish = (int[])p.FixedFinish.Clone();

                // The engine reads durations and fixed finishes from its own copy of the problem, rewritten every iteration.
                var own = new RcpspProblem(_duration, p.Capacity, p.DemandResource, p.DemandAmount, p.Precedences, p.Release, p.FixedStart, _fixedFinish, p.Priority, p.Calendars);
                _engine = new Engine(own, model.Cancellation);
                int n = p.ActivityCount;
                _sampling = new SamplingScratch(model.Sampling);
                _explain = (new int[n], new int[n]);
                _critical = new bool[n];
                Totals = new Totals(model);

                _predOffsets = _engine.PredecessorOffsets;
                _predItems = _engine.PredecessorItems;

                var users = new List<int>[p.ResourceCount];
                for (int a = 0; a < n; a++)
                {
                    foreach (int r in p.DemandResource[a]) (users[r] ??= new List<int>()).Add(a);
                }

                _users = users.Select(u => u?.ToArray() ?? Array.Empty<int>()).ToArray();
                _sortedUsers = _users.Select(u => new int[u.Length]).ToArray();
                _sortedFinish = _users.Select(u => new int[u.Length]).ToArray();
                _sortedAt = Enumerable.Repeat(-1, p.ResourceCount).ToArray();
            }

            public Totals Totals { get; }

            /// <summary>
            /// The work of one iteration at its most costly: every estimate at its pessimistic value (calibrated ones
            /// too) and every open risk occurring. A plan whose pessimistic finish cannot be dated is costed with its own
            /// durations instead (its iterations then report the range problem themselves).
            /// </summary>
            public long WorstCaseWork()
            {
                var model = _model;
                var baseProblem = model.Problem;
                Array.Copy(baseProblem.Duration, _duration, _duration.Length);
                Array.Copy(baseProblem.FixedFinish, _fixedFinish, _fixedFinish.Length);
                long before = _engine.Work;
                try
                {
                    _sampling.WorstCase(_duration, _fixedFinish, baseProblem.FixedStart);
                    _engine.Forward(model.List, _explain);
                }
                catch (Exception ex) when (IsPastTheCalendar(ex))
                {
                    _sampling.Reset();
                    Array.Copy(baseProblem.Duration, _duration, _duration.Length);
                    Array.Copy(baseProblem.FixedFinish, _fixedFinish, _fixedFinish.Length);
                    before = _engine.Work;
                    _engine.Forward(model.List, _explain);
                }

                // Drawing and applying the risks is work the engine does not count; at worst every one occurs.
                return _engine.Work - before + model.RiskWork;
            }

            public void Iterate(ForecastRandom random, int iteration, int[] finishes, int[][] milestoneFinishes, int[][]? taskFinishes)
            {
                _iteration = iteration;
                var model = _model;
                var baseProblem = model.Problem;
                Array.Copy(baseProblem.Duration, _duration, _duration.Length);
                Array.Copy(baseProblem.FixedFinish, _fixedFinish, _fixedFinish.Length);

                _sampling.Draw(random, _duration, _fixedFinish, baseProblem.FixedStart);
                var input = _sampling.Input;
                var schedule = _engine.Forward(model.List, _explain);
                var start = schedule.Start;
                var finish = schedule.Finish;
                int makespan = 0;
                for (int v = 0; v < model.TaskCount; v++) makespan = Math.Max(makespan, finish[v]);
                finishes[iteration] = makespan;
                for (int m = 0; m < model.Milestones.Length; m++) milestoneFinishes[m][iteration] = finish[model.Milestones[m]];
                if (taskFinishes != null)
                {
                    for (int v = 0; v < model.TaskCount; v++) taskFinishes[v][iteration] = finish[v];
                }
                for (int k = 0; k < model.Due.Length; k++) if (finish[model.Due[k].Node] <= model.Due[k].Limit) Totals.DueMet[k]++;

                Totals.SumY += makespan;
                Totals.SumYY += (long)makespan * makespan;
                for (int k = 0; k < input.Length; k++)
                {
                    long x = input[k];
                    Totals.SumX[k] += x;
                    Totals.SumXX[k] += x * x;
                    Totals.SumXY[k] += x * makespan;
                }

                MarkCritical(start, finish, makespan);
            }

            /// <summary>
            /// Marks the nodes that drive the program finish: from the tasks that end it, back along every binding
            /// precedence, and from a task a resource held back to the task that held the resource until it started.
            /// </summary>
            private void MarkCritical(int[] start, int[] finish, int makespan)
            {
                var p = _model.Problem;
                Array.Clear(_critical, 0, _critical.Length);
                int taskCount = _model.TaskCount;
                for (int v = 0; v < taskCount; v++)
                {
                    if (finish[v] != makespan) continue;
                    _critical[v] = true;
                    _pending.Push(v);
                }

                while (_pending.Count > 0)
                {
                    int b = _pending.Pop();
                    if (p.FixedStart[b] >= 0) continue;
                    int blockedBy = _explain.BlockedBy[b];
                    if (blockedBy >= 0 && start[b] > _explain.PrecedenceStart[b])
                    {
                        MarkHolders(blockedBy, b, start, finish);
                        continue;
                    }

                    for (int i = _predOffsets[b]; i < _predOffsets[b + 1]; i++)
                    {
                        var e = p.Precedences[_predItems[i]];
                        if (_critical[e.Predecessor] || !Binding(e, b, start, finish)) continue;
                        _critical[e.Predecessor] = true;
                        _pending.Push(e.Predecessor);
                    }
                }

                for (int v = 0; v < taskCount; v++) if (_critical[v]) Totals.Critical[v]++;
            }

            private bool Binding(RcpspPrecedence e, int b, int[] start, int[] finish)
            {
                var calendar = _model.Problem.Calendars[b];
                bool milestone = _duration[b] == 0;
                switch (e.Type)
                {
                    case DependencyType.FinishToStart:
                    case DependencyType.StartToStart:
                        int s = Math.Max(0, (e.Type == DependencyType.FinishToStart ? finish[e.Predecessor] : start[e.Predecessor]) + e.Lag);
                        return (milestone || calendar is null ? s : calendar.NextAvailable(s)) >= start[b];
                    default:
                        int f = (e.Type == DependencyType.FinishToFinish ? finish[e.Predecessor] : start[e.Predecessor]) + e.Lag;
                        return (milestone || calendar is null || f <= 0 ? f : calendar.NextAvailable(f - 1) + 1) >= finish[b];
                }
            }

            /// <summary>Marks the users of a resource that were scheduled before a task and finished last by its start.</summary>
            private void MarkHolders(int resource, int b, int[] start, int[] finish)
            {
                var users = _users[resource];
                var sorted = _sortedUsers[resource];
                var keys = _sortedFinish[resource];
                if (_sortedAt[resource] != _iteration)
                {
                    Array.Copy(users, sorted, users.Length);
                    for (int i = 0; i < sorted.Length; i++) keys[i] = finish[sorted[i]];
                    Array.Sort(keys, sorted);
                    _sortedAt[resource] = _iteration;
                }

                int lo = 0, hi = keys.Length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (keys[mid] <= start[b]) lo = mid + 1;
                    else hi = mid;
                }

                int position = _model.Position[b];
                int latest = int.MinValue;
                for (int i = lo - 1; i >= 0 && keys[i] >= latest; i--)
                {
                    int h = sorted[i];
                    if (h == b || (_model.Position[h] > position && _model.Problem.FixedStart[h] < 0)) continue;
                    latest = keys[i];
                    if (_critical[h]) continue;
                    _critical[h] = true;
                    _pending.Push(h);
                }
            }
        }
    }
}
