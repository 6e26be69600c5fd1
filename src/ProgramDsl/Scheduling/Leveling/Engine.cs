using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ProgramDsl.Scheduling.Graphs;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling.Leveling
{
    /// <summary>
    /// Schedule generation for one problem: the precedence graph, a day-by-day resource profile, and the forward and
    /// backward serial schedule generation schemes that decode activity lists. Everything is iterative.
    /// </summary>
    internal sealed class Engine
    {
        private readonly RcpspProblem _p;
        private readonly int _n;
        private readonly int[] _duration;
        private readonly CalendarTable?[] _calendar;
        private readonly DependencyGraph _graph;
        private readonly int[] _predOffsets;
        private readonly int[] _predItems;
        private readonly int[] _succOffsets;
        private readonly int[] _predecessors;
        private readonly int[] _successors;
        private readonly RcpspPrecedence[] _edges;
        private readonly bool[] _fixed;
        private readonly int[] _capacity;
        // Per-resource usage by day, in pages allocated where something is booked: a plan whose work sits at both ends of
        // the calendar (millions of days apart) costs the pages of its bookings, not a table over the whole span. The
        // horizon only says where the profile is known to be empty; it grows as it did when the tables were arrays, so
        // the work counted per day scanned is unchanged.
        private readonly DayTable[] _usage;
        private int _horizon;

        // Placements of the schedule being built, so the profile can be cleared in time proportional to the work.
        private readonly int[] _placedStart;
        private readonly int[] _placedFinish;
        private readonly bool[] _placed;

        // The work each placed activity's booking was charged: taking it off again costs the same (see Clear).
        private readonly long[] _placedWork;

        // Scratch for Shift: each activity's place in the list being mutated.
        private readonly int[] _position;

        // Runs of full days, per resource: within one decoding usage only grows, so a day on which no demand for the
        // resource fits stays so until the profile is cleared. _skip[r][d] points past (or, decoding backwards, before)
        // a run of such days found earlier in the same decoding (_skipEpoch[r][d] == _epoch); any removal of usage
        // starts a new epoch, which invalidates every pointer at once. This keeps a task that waits behind a long
        // booked stretch from stepping over it day by day, which made one person's 20,000 tasks quadratic.
        private readonly int[] _minDemand;
        private readonly DayTable[] _skip;
        private readonly DayTable[] _skipEpoch;
        private int _epoch = 1;

        // Long bookings (a window over LongSpan days) as step functions of the usage, per resource: a task millions of
        // days long costs a few breakpoints to book, check and release, not one unit per day and person. Only resources
        // whose activities all share one calendar take them (then the usage on that calendar's working days, the only
        // days anyone using the resource asks about, is the same as the per-day table's), and only activities whose
        // resources all do; every other booking stays per day. Ordinary plans never book a window that long, so their
        // profile, work count and schedules are what they were.
        private readonly StepProfile[] _steps;
        private readonly bool[] _stepCapable;
        private int[] _stretchValue = new int[4];
        private readonly int _longSpan;

        public Engine(RcpspProblem problem, System.Threading.CancellationToken cancellation = default)
            : this(problem, LongSpan, cancellation)
        {
        }

        /// <summary>An engine whose calendar tables come from (and go to) <paramref name="tables"/>, shared with other engines of one leveling.</summary>
        internal Engine(RcpspProblem problem, CalendarTables? tables, System.Threading.CancellationToken cancellation = default)
            : this(problem, LongSpan, cancellation, tables)
        {
        }

        /// <summary>An engine that books windows longer than <paramref name="longSpan"/> days as steps (tests compare spans).</summary>
        internal Engine(RcpspProblem problem, int longSpan, System.Threading.CancellationToken cancellation = default, CalendarTables? sharedTables = null)
        {
            // Set first: the orders and bounds below look at it on a large plan.
            Cancellation = cancellation;
            _longSpan = Math.Max(0, longSpan);
            _p = problem;
            _n = problem.ActivityCount;
            ActivityWork = BaseActivityWork + SizeWork(_n);
            _duration = problem.Duration;
            // Calendars answer from tables built once per distinct calendar: the search asks about every day of every
            // activity thousands of times.
            _calendar = new CalendarTable?[_n];
            var tables = sharedTables?.ByCalendar ?? new Dictionary<IActivityCalendar, CalendarTable>(ReferenceEqualityComparer.Instance);
            for (int a = 0; a < _n; a++)
            {
                if (problem.Calendars[a] is IActivityCalendar c)
                {
                    if (!tables.TryGetValue(c, out var table)) tables[c] = table = new CalendarTable(c);
                    _calendar[a] = table;
                }
            }

            _cancellation.ThrowIfCancellationRequested();
            _edges = problem.Precedences;
            _capacity = problem.Capacity;
            _graph = DependencyGraph.Network(_n, new PrecedenceList(_edges));
            _predOffsets = _graph.PredecessorOffsets;
            _predItems = _graph.PredecessorEdges;
            _succOffsets = _graph.SuccessorOffsets;
            _predecessors = _graph.Predecessors;
            _successors = _graph.Successors;
            _fixed = new bool[_n];
            for (int a = 0; a < _n; a++) _fixed[a] = problem.FixedStart[a] >= 0;
            _placedStart = new int[_n];
            _placedFinish = new int[_n];
            _placed = new bool[_n];
            _placedWork = new long[_n];
            _position = new int[_n];
            _minDemand = new int[problem.ResourceCount];
            for (int r = 0; r < _minDemand.Length; r++) _minDemand[r] = int.MaxValue;
            for (int a = 0; a < _n; a++)
            {
                var demand = problem.DemandResource[a];
                for (int i = 0; i < demand.Length; i++)
                {
                    int r = demand[i];
                    _minDemand[r] = Math.Min(_minDemand[r], Math.Max(0, Math.Min(problem.DemandAmount[a][i], _capacity[r])));
                }
            }

            // A resource can hold long bookings when every activity using it has the same calendar.
            var shared = new CalendarTable?[problem.ResourceCount];
            var used = new bool[problem.ResourceCount];
            var single = new bool[problem.ResourceCount];
            for (int a = 0; a < _n; a++)
            {
                foreach (int r in problem.DemandResource[a])
                {
                    if (!used[r])
                    {
                        used[r] = single[r] = true;
                        shared[r] = _calendar[a];
                    }
                    else if (!ReferenceEquals(shared[r], _calendar[a]))
                    {
                        single[r] = false;
                    }
                }
            }

            _stepCapable = new bool[_n];
            for (int a = 0; a < _n; a++)
            {
                var demand = problem.DemandResource[a];
                bool capable = demand.Length > 0;
                for (int i = 0; i < demand.Length && capable; i++) capable = single[demand[i]];
                _stepCapable[a] = capable;
            }

            _skip = new DayTable[problem.ResourceCount];
            _skipEpoch = new DayTable[problem.ResourceCount];
            _cancellation.ThrowIfCancellationRequested();
            Topological = TopologicalOrder(null);
            (EarlyStart, LateFinish, LateStart, CriticalPathLength) = CriticalPathBounds();
            _cancellation.ThrowIfCancellationRequested();
            LowerBound = Math.Max(CriticalPathLength, ResourceBound());
            UniformPriority = true;
            for (int a = 1; a < _n && UniformPriority; a++) UniformPriority = problem.Priority[a] == problem.Priority[0];

            // The profile starts at twice the resource-free length and grows when a schedule runs longer.
            _horizon = Math.Max(64, 2 * CriticalPathLength);
            _usage = new DayTable[problem.ResourceCount];
            _steps = new StepProfile[problem.ResourceCount];
            for (int r = 0; r < _usage.Length; r++)
            {
                _usage[r] = new DayTable();
                _steps[r] = new StepProfile();
                _skip[r] = new DayTable();
                _skipEpoch[r] = new DayTable();
            }
        }

        public int Count => _n;

        /// <summary>
        /// Days held in the resource profile's pages and the calendar tables: a deterministic measure of the engine's
        /// memory, which follows the days booked, not the span of the calendar between them.
        /// </summary>
        internal long TabulatedDays
        {
            get
            {
                long days = 0;
                for (int r = 0; r < _usage.Length; r++) days += _usage[r].AllocatedDays + _skip[r].AllocatedDays + _skipEpoch[r].AllocatedDays + _steps[r].Count;
                var seen = new HashSet<CalendarTable>();
                foreach (var table in _calendar) if (table != null && seen.Add(table)) days += table.TabulatedDays;
                return days;
            }
        }

        /// <summary>
        /// Work done so far, in units: <see cref="ActivityWork"/> per activity placed, one per precedence examined
        /// for its window, one per resource and day scanned in the resource profile (checking for a conflict,
        /// booking or releasing a day, skipping a full day; <see cref="FarDayWork"/> on a day past the dense range), and
        /// log2 n per activity ordered by a heap. A pure function of the decodings asked for, so budgets in
        /// these units stop a search at the same point on every machine.
        /// </summary>
        public long Work { get; private set; }

        /// <summary>
        /// The work past which a decoding stops with <see cref="WorkCeilingException"/>, even the first one a search
        /// must finish: a budget can cut a search between schedules, but not one schedule of a plan that books millions
        /// of days one by one. No ceiling by default.
        /// </summary>
        public long Ceiling
        {
            get => _ceiling;
            set
            {
                _ceiling = value;
                _checkAt = NextCheck();
            }
        }

        /// <summary>
        /// Stops a decoding with <see cref="OperationCanceledException"/>: looked at with the ceiling, once every
        /// <see cref="CancellationWork"/> units, so the hot loops pay nothing more than the ceiling's comparison.
        /// </summary>
        public System.Threading.CancellationToken Cancellation
        {
            get => _cancellation;
            set
            {
                _cancellation = value;
                _checkAt = NextCheck();
            }
        }

        /// <summary>Work between two looks at the cancellation token: well under a millisecond.</summary>
        public const long CancellationWork = 1 << 16;

        private long _ceiling = long.MaxValue;
        private System.Threading.CancellationToken _cancellation;

        // The work past which CheckCeiling looks closer: the ceiling, or sooner when there is a token to look at.
        private long _checkAt = long.MaxValue;

        private long NextCheck() => _cancellation.CanBeCanceled ? Math.Min(_ceiling, Work + CancellationWork) : _ceiling;

        private void CheckCeiling()
        {
            if (Work > _checkAt) CheckCeilingAndCancellation();
        }

        private void CheckCeilingAndCancellation()
        {
            if (Work > _ceiling) throw new WorkCeilingException(Work);
            _cancellation.ThrowIfCancellationRequested();
            _checkAt = NextCheck();
        }

        /// <summary>
        /// Work units charged per activity placed: the list and profile bookkeeping and the search's per-activity steps
        /// around a decoding cost about as much as <see cref="BaseActivityWork"/> days scanned on a plan of a few thousand
        /// tasks, and more on larger ones (<see cref="SizeWork"/>).
        /// </summary>
        public int ActivityWork { get; }

        /// <summary>
        /// Work units of one ordering by keys (the priority rules' lists and the two orders of a justification): a
        /// heap push and pop per activity, about log2 n steps each, and one step per precedence.
        /// </summary>
        private long OrderWork => (long)_n * BitLength(_n) + _edges.Length;

        private static int BitLength(int n)
        {
            int bits = 0;
            while (n > 0)
            {
                n >>= 1;
                bits++;
            }

            return bits;
        }

        /// <summary>Units per activity placed on plans up to <see cref="CachedActivities"/> activities (measured on the generated 2,000-task plan).</summary>
        public const int BaseActivityWork = 32;

        /// <summary>Up to this many activities a decoding's arrays stay in the processor's caches.</summary>
        public const int CachedActivities = 4096;

        /// <summary>
        /// Extra units per activity placed on a plan of <paramref name="activities"/>: beyond <see cref="CachedActivities"/>
        /// every access to a predecessor's finish, the activity's calendar and the profile misses the caches more often,
        /// so a decoding of 100,000 activities costs about 1.3 µs an activity against 0.6 µs at 2,000
        /// (docs/performance.md). Charged as 15 units per doubling beyond the cached size (a piecewise-linear base-2
        /// logarithm in integers, so the charge is the same on every machine): 0 up to 4,096 activities, about 69 at
        /// 100,000 and 120 at 1,000,000.
        /// </summary>
        public static int SizeWork(int activities)
        {
            if (activities <= CachedActivities) return 0;
            long x = activities;
            int doublings = 0;
            while (x >= 2 * CachedActivities)
            {
                x >>= 1;
                doublings++;
            }

            // x is in [4096, 8192): the fraction of the next doubling, in sixteenths.
            long sixteenths = doublings * 16L + (x - CachedActivities) * 16 / CachedActivities;
            return (int)(sixteenths * 15 / 16);
        }

        /// <summary>For each activity, where its incoming precedences start in <see cref="PredecessorItems"/> (n + 1 offsets).</summary>
        public int[] PredecessorOffsets => _predOffsets;

        /// <summary>Indices into the problem's precedences, grouped by successor.</summary>
        public int[] PredecessorItems => _predItems;

        /// <summary>A topological order of the precedence graph (lowest index first among ready activities).</summary>
        public int[] Topological { get; }

        /// <summary>Early starts ignoring resources.</summary>
        public int[] EarlyStart { get; }

        /// <summary>Late finishes ignoring resources, from the critical-path length.</summary>
        public int[] LateFinish { get; }

        /// <summary>Late starts ignoring resources.</summary>
        public int[] LateStart { get; }

        /// <summary>The makespan ignoring resources: a lower bound.</summary>
        public int CriticalPathLength { get; }

        /// <summary>No schedule is shorter: the larger of the critical path and the busiest resource's total work.</summary>
        public int LowerBound { get; }

        /// <summary>True when every activity has the same priority, so only the makespan tells schedules apart.</summary>
        public bool UniformPriority { get; }

        // ------------------------------------------------------------------ calendars

        private ActivityDays DaysOf(int a) => new ActivityDays(_calendar[a]);

        private int NextAvailable(int a, int day) => DaysOf(a).NextAvailable(day);

        private int PreviousAvailable(int a, int day) => DaysOf(a).PreviousAvailable(day);

        private int Advance(int a, int start, int days) => DaysOf(a).Advance(start, days);

        private int Retreat(int a, int finish, int days) => DaysOf(a).Retreat(finish, days);

        /// <summary>The problem's precedences as the graph reads them.</summary>
        private readonly struct PrecedenceList : IEdgeList
        {
            private readonly RcpspPrecedence[] _edges;

            public PrecedenceList(RcpspPrecedence[] edges) => _edges = edges;

            public int Count => _edges.Length;

            public int From(int edge) => _edges[edge].Predecessor;

            public int To(int edge) => _edges[edge].Successor;

            public DependencyType Type(int edge) => _edges[edge].Type;

            public int Lag(int edge) => _edges[edge].Lag;
        }

        /// <summary>An activity's working days: its calendar table, or every day without one.</summary>
        private readonly struct ActivityDays : IWorkingDays
        {
            private readonly CalendarTable? _table;

            public ActivityDays(CalendarTable? table) => _table = table;

            public int NextAvailable(int day) => _table?.NextAvailable(Math.Max(0, day)) ?? Math.Max(0, day);

            public int PreviousAvailable(int day) => day < 0 ? -1 : _table?.PreviousAvailable(day) ?? day;

            // Before day 0 there is no calendar: a backward pass that runs out of days counts plain days there (and the
            // caller rejects the result), rather than asking a calendar about days before the program.
            public int Advance(int start, int days) => days <= 0 ? start : start < 0 ? start + days : _table?.Advance(start, days) ?? start + days;

            public int Retreat(int finish, int days) => days <= 0 ? finish : finish <= 0 ? finish - days : _table?.Retreat(finish, days) ?? finish - days;

            public int NextAvailableEnd(int bound) => NextAvailable(bound - 1) + 1;

            public int PreviousAvailableEnd(int bound) => PreviousAvailable(bound - 1) + 1;
        }

        /// <summary>
        /// The next working day after <paramref name="day"/> within an activity's calendar, or int.MaxValue after the
        /// calendar's last working day: the day-by-day loops stop at a window's end, and a window that ends on the last
        /// day the calendar can name is not past it.
        /// </summary>
        private int NextWorkingDay(int a, int day) => _calendar[a] is { } c ? c.NextAvailableOrEnd(day + 1) : day + 1;

        // ------------------------------------------------------------------ orders and bounds

        /// <summary>
        /// A topological order; among ready activities the one with the smallest key (then the lowest index) comes
        /// first. Null keys give index order.
        /// </summary>
        [MethodImpl(Hot.Loop)]
        public int[] TopologicalOrder(long[]? key)
        {
            Work += OrderWork;
            var ready = new ReadyByKey(new NodeHeap(_n, key));
            var order = new int[_n];
            if (_graph.TopologicalOrder(ref ready, order, backward: false) < _n) throw new InvalidOperationException("The precedence graph has a cycle.");
            return order;
        }

        private (int[] Es, int[] Lf, int[] Ls, int Length) CriticalPathBounds()
        {
            var es = new int[_n];
            var ef = new int[_n];
            int makespan = 0;
            foreach (int a in Topological)
            {
                (es[a], ef[a]) = EarliestWindow(a, es, ef, ignoreFixed: false);
                makespan = Math.Max(makespan, ef[a]);
            }

            var ls = new int[_n];
            var lf = new int[_n];
            for (int k = _n - 1; k >= 0; k--)
            {
                int a = Topological[k];
                if (_fixed[a])
                {
                    ls[a] = es[a];
                    lf[a] = ef[a];
                    continue;
                }

                var (s, f) = LatestWindow(a, makespan, ls, lf);
                ls[a] = Math.Max(s, es[a]);
                lf[a] = Math.Max(f, ef[a]);
            }

            return (es, lf, ls, makespan);
        }

        /// <summary>
        /// The work bound: a resource with capacity c that its activities need for W unit-days cannot be done in fewer
        /// than ⌈W / c⌉ of its working days after the earliest of their early starts. Started activities are left out
        /// (they only take capacity away, so the bound stays valid). Days are the activities' calendar when they share
        /// one, else every day (fewer days off can only make the bound weaker, never wrong).
        /// </summary>
        private int ResourceBound()
        {
            int resources = _p.ResourceCount;
            var work = new long[resources];
            var first = new int[resources];
            var sample = new int[resources];
            var mixed = new bool[resources];
            for (int r = 0; r < resources; r++)
            {
                first[r] = int.MaxValue;
                sample[r] = -1;
            }

            for (int a = 0; a < _n; a++)
            {
                if (_fixed[a] || _duration[a] <= 0) continue;
                var demand = _p.DemandResource[a];
                for (int i = 0; i < demand.Length; i++)
                {
                    int r = demand[i];
                    int units = Math.Min(_p.DemandAmount[a][i], _capacity[r]);
                    if (units <= 0 || _capacity[r] <= 0) continue;
                    work[r] += (long)units * _duration[a];
                    first[r] = Math.Min(first[r], EarlyStart[a]);
                    if (sample[r] < 0) sample[r] = a;
                    else if (!ReferenceEquals(_calendar[sample[r]], _calendar[a])) mixed[r] = true;
                }
            }

            int bound = 0;
            for (int r = 0; r < resources; r++)
            {
                if (sample[r] < 0) continue;
                long days = (work[r] + _capacity[r] - 1) / _capacity[r];
                if (days > int.MaxValue / 2) continue;
                int finish = mixed[r] ? first[r] + (int)days : Advance(sample[r], NextAvailable(sample[r], first[r]), (int)days);
                bound = Math.Max(bound, finish);
            }

            return bound;
        }

        /// <summary>The latest window of an activity before <paramref name="deadline"/>, given its successors' times (resources ignored).</summary>
        private (int Start, int Finish) LatestWindow(int a, int deadline, int[] start, int[] finish)
        {
            int lf = deadline;
            int lsMax = int.MaxValue;
            Work += Precedences.Latest<PlainLags>(_graph, a, start, finish, _fixed, ref lf, ref lsMax);

            int d = _duration[a];
            if (d == 0)
            {
                int t = Math.Min(lf, lsMax);
                return (t, t);
            }

            return Windows.Latest(DaysOf(a), d, lf, lsMax);
        }

        /// <summary>The earliest precedence-feasible window of an activity, given the times of its predecessors.</summary>
        [MethodImpl(Hot.Loop)]
        private (int Start, int Finish) EarliestWindow(int a, int[] start, int[] finish, bool ignoreFixed)
        {
            if (!ignoreFixed && _fixed[a])
            {
                int s = _p.FixedStart[a];
                int f = _p.FixedFinish[a] >= 0 ? Math.Max(s, _p.FixedFinish[a]) : Advance(a, NextAvailable(a, s), _duration[a]);
                return (s, f);
            }

            int es = _p.Release[a];
            int efMin = int.MinValue;
            Work += Precedences.Earliest<PlainLags>(_graph, a, start, finish, ref es, ref efMin);

            int d = _duration[a];
            if (d == 0)
            {
                int t = Math.Max(0, Math.Max(es, efMin));
                return (t, t);
            }

            return Windows.Earliest(DaysOf(a), d, es, efMin);
        }

        // ------------------------------------------------------------------ the resource profile

        private void EnsureHorizon(int day)
        {
            if (day < _horizon) return;
            int size = _horizon;
            while (size <= day) size = size > int.MaxValue / 2 ? int.MaxValue : size * 2;
            _horizon = size;
        }

        private void Clear()
        {
            NewEpoch();

            // Taking each activity off again charges what booking it did (the same days, the same resources): when no
            // booking is a step and the tables hold few more days than were booked, that charge is added up instead and
            // the tables are zeroed whole, which at 100,000 activities is a fraction of walking every window's days
            // through the calendars again. The work, and so every budget's stopping point, is the same either way.
            long booked = 0;
            bool steps = false;
            for (int r = 0; r < _usage.Length && !steps; r++) steps = _steps[r].Count != 0;
            if (!steps)
            {
                long tabulated = 0;
                for (int r = 0; r < _usage.Length; r++) tabulated += _usage[r].AllocatedDays;
                for (int a = 0; a < _n; a++) if (_placed[a]) booked += _placedWork[a];
                if (tabulated <= 4 * booked + 64L * _usage.Length)
                {
                    for (int r = 0; r < _usage.Length; r++) _usage[r].Zero();
                    Array.Clear(_placed, 0, _n);
                    Work += booked;
                    return;
                }
            }

            for (int a = 0; a < _n; a++)
            {
                if (!_placed[a]) continue;
                AddUsage(a, _placedStart[a], _placedFinish[a], -1);
                _placed[a] = false;
            }
        }

        private void Place(int a, int start, int finish)
        {
            _placedStart[a] = start;
            _placedFinish[a] = finish;
            _placed[a] = true;
            _placedWork[a] = AddUsage(a, start, finish, 1);
        }

        [MethodImpl(Hot.Loop)]
        private long AddUsage(int a, int start, int finish, int sign)
        {
            var resources = _p.DemandResource[a];
            if (resources.Length == 0 || finish <= start) return 0;
            EnsureHorizon(finish);
            if (sign < 0) NewEpoch();
            var amounts = _p.DemandAmount[a];
            long work = 0;
            if (IsLong(a, start, finish))
            {
                // One step per resource over the window: the days off inside it are days off for everyone using the
                // resource (they share the calendar), so nobody asks about them.
                for (int i = 0; i < resources.Length; i++) work += 1 + _steps[resources[i]].Add(start, finish, sign * amounts[i]);
                Work += work;
                return work;
            }

            for (int day = NextAvailable(a, start); day < finish; day = NextWorkingDay(a, day))
            {
                work += resources.Length * DayWork(day);
                for (int i = 0; i < resources.Length; i++) _usage[resources[i]].Add(day, sign * amounts[i]);
            }

            Work += work;
            return work;
        }

        /// <summary>
        /// Work units per resource and day scanned at or past <see cref="DayTable.DenseLimit"/> (day 65,536 of the
        /// calendar), against one below it: there the usage, the runs of full days and the calendars' working days live
        /// in pages, and a day costs about four times a dense one (measured with <c>leveling-budget --long</c> on the
        /// plan whose people have days off, docs/performance.md). Ordinary plans never reach those days, so their work
        /// counts are unchanged; plans that do are charged what they cost, and every budget keeps its seconds.
        /// </summary>
        public const int FarDayWork = 4;

        /// <summary>Work units of one resource on one day scanned: one in the dense range, <see cref="FarDayWork"/> past it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int DayWork(int day) => day < DayTable.DenseLimit ? 1 : FarDayWork;

        /// <summary>Windows longer than this many days are booked as steps (<see cref="StepProfile"/>) and checked a stretch at a time.</summary>
        public const int LongSpan = 4096;

        /// <summary>True when the activity's booking of the window goes to the step profiles rather than day by day.</summary>
        private bool IsLong(int a, int start, int finish) => _stepCapable[a] && (long)finish - start > _longSpan;

        /// <summary>A resource's usage on a day: the per-day table plus the long bookings covering it.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int Usage(int r, int day)
        {
            int u = _usage[r][day];
            var steps = _steps[r];
            return steps.Count == 0 ? u : u + steps.ValueAt(day, out _, out _);
        }

        /// <summary>The activity's demand for the resource (capped at its capacity).</summary>
        private int Need(int a, int r)
        {
            var resources = _p.DemandResource[a];
            for (int i = 0; i < resources.Length; i++) if (resources[i] == r) return Math.Min(_p.DemandAmount[a][i], _capacity[r]);
            return 0;
        }

        /// <summary>The first day at or after <paramref name="day"/> on which the resource's long bookings leave room for the activity's demand.</summary>
        private int PastStepConflict(int a, int r, int day)
        {
            var steps = _steps[r];
            if (steps.Count == 0) return day;
            int room = _capacity[r] - Need(a, r);
            while (day < int.MaxValue && steps.ValueAt(day, out _, out int next) > room)
            {
                Work++;
                day = next;
            }

            return day;
        }

        /// <summary>The last day at or before <paramref name="day"/> on which the resource's long bookings leave room for the activity's demand, or -1.</summary>
        private int BeforeStepConflict(int a, int r, int day)
        {
            var steps = _steps[r];
            if (steps.Count == 0) return day;
            int room = _capacity[r] - Need(a, r);
            while (day >= 0 && steps.ValueAt(day, out int from, out _) > room)
            {
                Work++;
                day = from - 1;
            }

            return day;
        }

        private int NextAvailableOrEnd(int a, int day) => _calendar[a] is { } c ? c.NextAvailableOrEnd(Math.Max(0, day)) : Math.Max(0, day);

        /// <summary>
        /// The first (or, with <paramref name="last"/>, the last) working day of the activity in the window on which a
        /// resource would be over capacity, or -1, for a long window: a stretch on which the long bookings are constant
        /// and the per-day tables hold nothing is passed in one step, so the work follows the breakpoints and the days
        /// booked per day, not the window's length. The same answer as the day-by-day scan.
        /// </summary>
        private int StretchConflict(int a, int start, int finish, bool last)
        {
            var resources = _p.DemandResource[a];
            var amounts = _p.DemandAmount[a];
            int m = resources.Length;
            if (_stretchValue.Length < m) _stretchValue = new int[Math.Max(m, 2 * _stretchValue.Length)];
            var value = _stretchValue;
            long work = 0;
            int found = -1;
            int d = NextAvailable(a, start);
            while (d < finish)
            {
                // [d, end): every long booking of the activity's resources is constant.
                int end = finish;
                bool conflict = false;
                for (int i = 0; i < m; i++)
                {
                    int r = resources[i];
                    int v = _steps[r].ValueAt(d, out _, out int next);
                    value[i] = v;
                    end = Math.Min(end, next);
                    if (v + Math.Min(amounts[i], _capacity[r]) > _capacity[r]) conflict = true;
                }

                work += m;
                if (conflict)
                {
                    // Every working day of the stretch conflicts.
                    if (!last)
                    {
                        Work += work;
                        return d;
                    }

                    found = PreviousAvailable(a, end - 1);
                    d = NextAvailableOrEnd(a, end);
                    continue;
                }

                while (d < end)
                {
                    // Days no per-day table holds are free of everything but the steps, which fit here.
                    int booked = end;
                    for (int i = 0; i < m; i++) booked = Math.Min(booked, _usage[resources[i]].NextAllocated(d));
                    work += m;
                    if (booked > d)
                    {
                        d = NextAvailableOrEnd(a, Math.Min(booked, end));
                        continue;
                    }

                    // Which tables hold days changes only at a boundary: day by day up to it.
                    int stop = Math.Min(end, DayTable.Boundary(d));
                    for (; d < stop; d = NextWorkingDay(a, d))
                    {
                        work += m * DayWork(d);
                        for (int i = 0; i < m; i++)
                        {
                            int r = resources[i];
                            if (_usage[r][d] + value[i] + Math.Min(amounts[i], _capacity[r]) > _capacity[r])
                            {
                                if (!last)
                                {
                                    Work += work;
                                    return d;
                                }

                                found = d;
                                break;
                            }
                        }
                    }
                }
            }

            Work += work;
            return found;
        }

        /// <summary>Usage went down somewhere: every run of full days recorded so far may have a gap now.</summary>
        private void NewEpoch()
        {
            if (++_epoch != int.MaxValue) return;
            for (int r = 0; r < _skipEpoch.Length; r++) _skipEpoch[r].Clear();
            _epoch = 1;
        }

        /// <summary>True when no demand for the resource fits on the day (so no activity using it can work then).</summary>
        private bool Full(int r, int day) => day < _horizon && Usage(r, day) > _capacity[r] - _minDemand[r];

        /// <summary>The first day at or after <paramref name="day"/> that is not full for the resource.</summary>
        private int NextNotFull(int r, int day)
        {
            EnsureHorizon(day);
            var skip = _skip[r];
            var stamp = _skipEpoch[r];
            int x = day;
            long work = 0;
            var steps = _steps[r];
            int limit = _capacity[r] - _minDemand[r];
            while (true)
            {
                if (x >= _horizon)
                {
                    work++;
                    break;
                }

                work += DayWork(x);
                if (steps.Count != 0 && steps.ValueAt(x, out _, out int after) > limit)
                {
                    // A long booking fills the whole stretch.
                    x = after;
                    continue;
                }

                if (stamp[x] == _epoch)
                {
                    x = skip[x];
                    continue;
                }

                if (!Full(r, x)) break;
                stamp.Set(x, _epoch);
                skip.Set(x, x + 1);
                x++;
            }

            // Path compression: every day visited now points at the answer.
            for (int y = day; y < x && y < _horizon && stamp[y] == _epoch;)
            {
                int next = skip[y];
                skip.Set(y, x);
                y = next;
            }

            Work += work;
            return x;
        }

        /// <summary>The last day at or before <paramref name="day"/> that is not full for the resource, or -1.</summary>
        private int PreviousNotFull(int r, int day)
        {
            if (day >= _horizon) return day;
            var skip = _skip[r];
            var stamp = _skipEpoch[r];
            int x = day;
            long work = 0;
            var steps = _steps[r];
            int limit = _capacity[r] - _minDemand[r];
            while (x >= 0)
            {
                work += DayWork(x);
                if (steps.Count != 0 && steps.ValueAt(x, out int from, out _) > limit)
                {
                    x = from - 1;
                    continue;
                }

                if (stamp[x] == _epoch)
                {
                    x = skip[x];
                    continue;
                }

                if (!Full(r, x)) break;
                stamp.Set(x, _epoch);
                skip.Set(x, x - 1);
                x--;
            }

            for (int y = day; y > x && y >= 0 && stamp[y] == _epoch;)
            {
                int next = skip[y];
                skip.Set(y, x);
                y = next;
            }

            Work += work;
            return x;
        }

        /// <summary>A resource of the activity that is over capacity on the day, or -1.</summary>
        private int ResourceInConflict(int a, int day)
        {
            var resources = _p.DemandResource[a];
            var amounts = _p.DemandAmount[a];
            for (int i = 0; i < resources.Length; i++)
            {
                int r = resources[i];
                if (Usage(r, day) + Math.Min(amounts[i], _capacity[r]) > _capacity[r]) return r;
            }

            return -1;
        }

        /// <summary>The first day in the window on which a resource would be over capacity, or -1.</summary>
        [MethodImpl(Hot.Loop)]
        private int FirstConflict(int a, int start, int finish)
        {
            var resources = _p.DemandResource[a];
            if (resources.Length == 0 || finish <= start) return -1;
            EnsureHorizon(finish);
            if ((long)finish - start > _longSpan) return StretchConflict(a, start, finish, last: false);
            var amounts = _p.DemandAmount[a];
            long work = 0;
            for (int day = NextAvailable(a, start); day < finish; day = NextWorkingDay(a, day))
            {
                work += resources.Length * DayWork(day);
                for (int i = 0; i < resources.Length; i++)
                {
                    int r = resources[i];
                    // A demand above the capacity (reported as TPM2102) waits for the resource to be free.
                    if (Usage(r, day) + Math.Min(amounts[i], _capacity[r]) > _capacity[r])
                    {
                        Work += work;
                        return day;
                    }
                }
            }

            Work += work;
            return -1;
        }

        /// <summary>The resource over capacity on the first conflicting day of the window, or -1.</summary>
        private int ConflictingResource(int a, int start, int finish)
        {
            int day = FirstConflict(a, start, finish);
            return day < 0 ? -1 : ResourceInConflict(a, day);
        }

        /// <summary>The last day in the window on which a resource would be over capacity, or -1.</summary>
        [MethodImpl(Hot.Loop)]
        private int LastConflict(int a, int start, int finish)
        {
            int last = -1;
            var resources = _p.DemandResource[a];
            if (resources.Length == 0 || finish <= start) return -1;
            EnsureHorizon(finish);
            if ((long)finish - start > _longSpan) return StretchConflict(a, start, finish, last: true);
            var amounts = _p.DemandAmount[a];
            long work = 0;
            for (int day = NextAvailable(a, start); day < finish; day = NextWorkingDay(a, day))
            {
                work += resources.Length * DayWork(day);
                for (int i = 0; i < resources.Length; i++)
                {
                    int r = resources[i];
                    if (Usage(r, day) + Math.Min(amounts[i], _capacity[r]) > _capacity[r]) last = day;
                }
            }

            Work += work;
            return last;
        }

        // ------------------------------------------------------------------ schedule generation

        /// <summary>
        /// Serial schedule generation: each activity of the list at its earliest precedence- and resource-feasible
        /// time. With <paramref name="explain"/>, records for each activity its precedence-feasible start and the
        /// resource that first pushed it later (-1 when none did).
        /// </summary>
        [MethodImpl(Hot.Loop)]
        public RcpspSolver.Individual Forward(int[] list, (int[] PrecedenceStart, int[] BlockedBy)? explain = null)
        {
            Clear();
            var start = new int[_n];
            var finish = new int[_n];
            for (int a = 0; a < _n; a++)
            {
                if (!_fixed[a]) continue;
                (start[a], finish[a]) = EarliestWindow(a, start, finish, ignoreFixed: false);
                Place(a, start[a], finish[a]);
                if (explain is { } fixedExplain)
                {
                    // A started activity does not move: nothing delayed it.
                    fixedExplain.PrecedenceStart[a] = start[a];
                    fixedExplain.BlockedBy[a] = -1;
                }
            }

            foreach (int a in list)
            {
                if (_fixed[a]) continue;
                var (s, f) = EarliestWindow(a, start, finish, ignoreFixed: true);
                int d = _duration[a];
                if (explain is { } e)
                {
                    e.PrecedenceStart[a] = s;
                    e.BlockedBy[a] = d > 0 ? ConflictingResource(a, s, f) : -1;
                }

                Work += ActivityWork;
                CheckCeiling();
                if (d > 0)
                {
                    for (int conflict = FirstConflict(a, s, f); conflict >= 0; conflict = FirstConflict(a, s, f))
                    {
                        CheckCeiling();
                        // Every start up to the conflict would cover it; a start on a day the resource is full would
                        // conflict at once, so whole booked runs are passed in one step (the same earliest start).
                        s = NextAvailable(a, conflict + 1);
                        int r = ResourceInConflict(a, conflict);
                        while (r >= 0)
                        {
                            while (Full(r, s)) s = NextAvailable(a, NextNotFull(r, s));

                            // A long booking that leaves too little of the resource for this demand rules out every
                            // start on it (the start itself would conflict): pass it in one step.
                            int clear = PastStepConflict(a, r, s);
                            if (clear == s) break;
                            s = NextAvailable(a, clear);
                        }

                        f = Advance(a, s, d);
                    }
                }

                start[a] = s;
                finish[a] = f;
                Place(a, s, f);
            }

            return Individual(list, start, finish);
        }

        /// <summary>The schedule of these dates: its makespan, tie-break and, with an objective, its score.</summary>
        internal RcpspSolver.Individual Individual(int[] list, int[] start, int[] finish)
        {
            int makespan = 0;
            long tie = 0;
            for (int a = 0; a < _n; a++)
            {
                makespan = Math.Max(makespan, finish[a]);
                tie += (long)_p.Priority[a] * start[a];
            }

            return new RcpspSolver.Individual(list, start, finish, makespan, tie, Objective?.Score(start, finish));
        }

        /// <summary>An objective compared before the makespan (null: none, the search as always).</summary>
        public IScheduleObjective? Objective { get; set; }

        /// <summary>
        /// Why each activity of a given schedule starts when it does, without decoding a list: its precedence-feasible
        /// start and the resource over capacity there (every other activity booked where it is), or -1.
        /// </summary>
        public (int[] PrecedenceStart, int[] BlockedBy) Explain(RcpspSolver.Individual schedule)
        {
            Clear();
            var start = schedule.Start;
            var finish = schedule.Finish;
            var precedenceStart = new int[_n];
            var blockedBy = new int[_n];
            for (int a = 0; a < _n; a++) Place(a, start[a], finish[a]);
            for (int a = 0; a < _n; a++)
            {
                precedenceStart[a] = start[a];
                blockedBy[a] = -1;
                if (_fixed[a]) continue;
                Work += ActivityWork;
                CheckCeiling();
                AddUsage(a, start[a], finish[a], -1);
                var (s, f) = EarliestWindow(a, start, finish, ignoreFixed: true);
                precedenceStart[a] = s;
                if (_duration[a] > 0 && s < start[a]) blockedBy[a] = ConflictingResource(a, s, f);
                AddUsage(a, start[a], finish[a], 1);
            }

            return (precedenceStart, blockedBy);
        }

        /// <summary>
        /// Forward–backward improvement: every activity as late as possible before the makespan (in order of
        /// decreasing finish), then as early as possible (in order of those late starts). Null when the backward pass
        /// cannot keep a release date (then the schedule stays as it is).
        /// </summary>
        public RcpspSolver.Individual? Justify(RcpspSolver.Individual schedule)
        {
            var negativeFinish = new long[_n];
            for (int a = 0; a < _n; a++) negativeFinish[a] = -((long)schedule.Finish[a] * (_n + 1)) + a;
            var backwardOrder = ReverseTopologicalOrder(negativeFinish);
            var late = Backward(backwardOrder, schedule.Makespan);
            if (late is null) return null;
            var key = new long[_n];
            for (int a = 0; a < _n; a++) key[a] = late.Value.Start[a];
            return Forward(TopologicalOrder(key));
        }

        /// <summary>
        /// The latest schedule with the same makespan (resources respected): every activity as late as it can go.
        /// Null when the backward pass cannot keep a release date.
        /// </summary>
        public (int[] Start, int[] Finish)? Latest(RcpspSolver.Individual schedule)
        {
            var negativeFinish = new long[_n];
            for (int a = 0; a < _n; a++) negativeFinish[a] = -((long)schedule.Finish[a] * (_n + 1)) + a;
            var latest = Backward(ReverseTopologicalOrder(negativeFinish), schedule.Makespan);
            if (latest is null) return null;

            // A started activity stays where it is, but its finish may slip as far as its successors allow (the
            // critical-path method's float of a started task) and no further than the day its people or pools are
            // needed by an activity that can still move: that is where it would hold the next task back. Other
            // started activities are history, not plans it could delay, so their use is taken out first.
            var (start, finish) = latest.Value;
            for (int a = 0; a < _n; a++)
            {
                if (!_fixed[a]) continue;
                AddUsage(a, start[a], finish[a], -1);
                _placed[a] = false;
            }

            for (int a = 0; a < _n; a++)
            {
                if (!_fixed[a]) continue;
                int slipped = LatestWindow(a, schedule.Makespan, start, finish).Finish;
                int conflict = slipped > finish[a] ? FirstConflict(a, finish[a], slipped) : -1;
                if (conflict >= 0) slipped = conflict;
                finish[a] = Math.Max(finish[a], slipped);
            }

            return (start, finish);
        }

        /// <summary>An order in which every activity comes after all its successors; smallest key first among ready ones.</summary>
        private int[] ReverseTopologicalOrder(long[] key)
        {
            Work += OrderWork;
            var ready = new ReadyByKey(new NodeHeap(_n, key));
            var order = new int[_n];
            _graph.TopologicalOrder(ref ready, order, backward: true);
            return order;
        }

        /// <summary>Backward serial generation before <paramref name="deadline"/>; returns the late starts and finishes, or null.</summary>
        [MethodImpl(Hot.Loop)]
        private (int[] Start, int[] Finish)? Backward(int[] order, int deadline)
        {
            Clear();
            var start = new int[_n];
            var finish = new int[_n];
            for (int a = 0; a < _n; a++)
            {
                if (!_fixed[a]) continue;
                (start[a], finish[a]) = EarliestWindow(a, start, finish, ignoreFixed: false);
                Place(a, start[a], finish[a]);
            }

            foreach (int a in order)
            {
                if (_fixed[a]) continue;
                Work += ActivityWork;
                CheckCeiling();
                var (s, f) = LatestWindow(a, deadline, start, finish);
                int d = _duration[a];
                if (d > 0)
                {
                    // A negative start cannot be moved earlier to clear a conflict: the schedule does not fit.
                    for (int conflict = s >= 0 ? LastConflict(a, s, f) : -1; conflict >= 0; conflict = s >= 0 ? LastConflict(a, s, f) : -1)
                    {
                        CheckCeiling();
                        // The mirror of the forward pass: whole booked runs before the conflict are passed in one step.
                        f = PreviousAvailable(a, conflict - 1) + 1;
                        int r = ResourceInConflict(a, conflict);
                        while (f > 0 && r >= 0)
                        {
                            while (f > 0 && Full(r, f - 1))
                            {
                                int free = PreviousNotFull(r, f - 1);
                                f = free < 0 ? 0 : PreviousAvailable(a, free) + 1;
                            }

                            // The mirror of the forward pass: a long booking that leaves too little for this demand
                            // rules out every finish on it.
                            int clear = f > 0 ? BeforeStepConflict(a, r, f - 1) : f - 1;
                            if (clear == f - 1) break;
                            f = clear < 0 ? 0 : PreviousAvailable(a, clear) + 1;
                        }

                        if (f <= 0) return null;
                        s = Retreat(a, f, d);
                    }
                }

                if (s < _p.Release[a] || s < 0) return null;
                start[a] = s;
                finish[a] = f;
                Place(a, s, f);
            }

            return (start, finish);
        }

        // ------------------------------------------------------------------ lists for the search

        /// <summary>
        /// Lists from priority rules (latest finish, resource-weighted path, latest start, minimum slack, rank positional
        /// weight, plain order) through the serial scheme, then the same rules through the parallel scheme.
        /// </summary>
        public IEnumerable<int[]> RuleLists()
        {
            long Key(long primary, int a) => primary * 2048 + (1000 - _p.Priority[a]);
            var lft = new long[_n];
            var lst = new long[_n];
            var slack = new long[_n];
            var grpw = new long[_n];
            for (int a = 0; a < _n; a++)
            {
                lft[a] = Key(LateFinish[a], a);
                lst[a] = Key(LateStart[a], a);
                slack[a] = Key(LateStart[a] - EarlyStart[a], a);
                long weight = _duration[a];
                for (int i = _succOffsets[a]; i < _succOffsets[a + 1]; i++) weight += _duration[_successors[i]];
                grpw[a] = Key(-weight, a);
            }

            var rwp = ResourceWeightedPath(Key);
            yield return TopologicalOrder(lft);
            yield return TopologicalOrder(rwp);
            yield return TopologicalOrder(lst);
            yield return TopologicalOrder(slack);
            yield return TopologicalOrder(grpw);
            yield return Topological;

            // The same rules through the parallel scheme: non-delay schedules, often better than serial ones for a
            // single pass on big, tight problems. Its decision-point loop is quadratic in the worst case, hence the limit.
            if (_n > ParallelLimit) yield break;
            foreach (var key in new[] { lft, rwp, lst, slack, grpw }) yield return ParallelOrder(key);
        }

        /// <summary>Largest problem for which the priority rules also run through the parallel scheme.</summary>
        private const int ParallelLimit = 5000;

        /// <summary>
        /// Parallel (time-incrementing) schedule generation: at each decision time the eligible activities, in key
        /// order, start then if their calendars and resources allow, so nothing that could start waits (a non-delay
        /// schedule). Decision times are the finishes of running activities and the first days activities become
        /// available. Returns the activities in the order they were scheduled: a topological order that the serial
        /// decoder turns into the same schedule or a tighter one.
        /// </summary>
        [MethodImpl(Hot.Loop)]
        public int[] ParallelOrder(long[] key)
        {
            Clear();
            var start = new int[_n];
            var finish = new int[_n];
            var finishKey = new long[_n];
            var running = new NodeHeap(_n, finishKey);
            for (int a = 0; a < _n; a++)
            {
                if (!_fixed[a]) continue;
                (start[a], finish[a]) = EarliestWindow(a, start, finish, ignoreFixed: false);
                Place(a, start[a], finish[a]);
                finishKey[a] = finish[a];
                running.Push(a);
            }

            var pending = new int[_n];
            foreach (var e in _edges) pending[e.Successor]++;
            var eligible = new List<int>();
            for (int a = 0; a < _n; a++) if (pending[a] == 0) eligible.Add(a);
            var order = new int[_n];
            int count = 0;
            var accepted = new bool[_n];
            var released = new List<int>();
            Comparison<int> byKey = (x, y) => key[x] != key[y] ? key[x].CompareTo(key[y]) : x.CompareTo(y);

            void Accept(int a)
            {
                accepted[a] = true;
                order[count++] = a;
                for (int i = _succOffsets[a]; i < _succOffsets[a + 1]; i++)
                {
                    int next = _successors[i];
                    if (--pending[next] == 0) released.Add(next);
                }
            }

            int t = 0;
            while (count < _n)
            {
                eligible.Sort(byKey);
                Work += 4L * eligible.Count + 1;
                bool progress = false;
                int nextTime = int.MaxValue;
                foreach (int a in eligible)
                {
                    if (_fixed[a])
                    {
                        Accept(a);
                        progress = true;
                        continue;
                    }

                    var (s, f) = EarliestWindow(a, start, finish, ignoreFixed: true);
                    int d = _duration[a];
                    if (d == 0)
                    {
                        // A milestone takes no resources: it goes where its dependencies put it.
                        (start[a], finish[a]) = (s, f);
                        Accept(a);
                        progress = true;
                        continue;
                    }

                    int st = NextAvailable(a, Math.Max(s, t));
                    if (st > t)
                    {
                        nextTime = Math.Min(nextTime, st);
                        continue;
                    }

                    // Starting at or after the precedence-feasible start keeps every dependency, finish bounds included.
                    int fin = Advance(a, st, d);
                    if (FirstConflict(a, st, fin) >= 0) continue;
                    start[a] = st;
                    finish[a] = fin;
                    Place(a, st, fin);
                    finishKey[a] = fin;
                    running.Push(a);
                    Accept(a);
                    progress = true;
                }

                if (progress)
                {
                    eligible.RemoveAll(a => accepted[a]);
                    eligible.AddRange(released);
                    released.Clear();
                    continue;
                }

                while (running.Count > 0 && finishKey[running.Peek()] <= t) running.Pop();
                if (running.Count > 0) nextTime = (int)Math.Min(nextTime, finishKey[running.Peek()]);
                t = nextTime == int.MaxValue || nextTime <= t ? t + 1 : nextTime;
            }

            return order;
        }

        /// <summary>
        /// Keys for the resource-weighted longest path to the end: an activity weighs its duration times how loaded its
        /// busiest resource is (its work over the critical-path length), so the work of a bottleneck and the work that
        /// leads to it come first, and the bottleneck is never left idle for long.
        /// </summary>
        private long[] ResourceWeightedPath(Func<long, int, long> key)
        {
            var load = new double[_p.ResourceCount];
            for (int a = 0; a < _n; a++)
            {
                var demand = _p.DemandResource[a];
                for (int i = 0; i < demand.Length; i++)
                {
                    int r = demand[i];
                    if (_capacity[r] > 0) load[r] += (double)Math.Min(_p.DemandAmount[a][i], _capacity[r]) * _duration[a] / _capacity[r];
                }
            }

            double length = Math.Max(1, CriticalPathLength);
            var path = new double[_n];
            for (int k = _n - 1; k >= 0; k--)
            {
                int a = Topological[k];
                double busiest = 0;
                foreach (int r in _p.DemandResource[a]) busiest = Math.Max(busiest, load[r] / length);
                double tail = 0;
                for (int i = _succOffsets[a]; i < _succOffsets[a + 1]; i++) tail = Math.Max(tail, path[_successors[i]]);
                path[a] = _duration[a] * (1 + busiest) + tail;
            }

            var keys = new long[_n];
            for (int a = 0; a < _n; a++) keys[a] = key(-(long)Math.Round(path[a] * 16), a);
            return keys;
        }

        /// <summary>A list sampled with regret-biased probabilities on latest finish: urgent activities are likelier first.</summary>
        [MethodImpl(Hot.Loop)]
        public int[] BiasedRandomList(RcpspSolver.Random32 random)
        {
            var ready = new RegretBiased(LateFinish, random);
            var list = new int[_n];
            _graph.TopologicalOrder(ref ready, list, backward: false);
            return list;
        }

        /// <summary>
        /// Ready activities drawn at random, each weighted by the square of (1 + how much earlier its latest finish is
        /// than the latest among them), in the order they became ready.
        /// </summary>
        private readonly struct RegretBiased : IReadyNodes
        {
            private readonly int[] _lateFinish;
            private readonly RcpspSolver.Random32 _random;
            private readonly List<int> _eligible;
            private readonly List<double> _weights;

            public RegretBiased(int[] lateFinish, RcpspSolver.Random32 random)
            {
                _lateFinish = lateFinish;
                _random = random;
                _eligible = new List<int>();
                _weights = new List<double>();
            }

            public int Count => _eligible.Count;

            public void Push(int node) => _eligible.Add(node);

            public int Pop()
            {
                var eligible = _eligible;
                var weights = _weights;
                long worst = long.MinValue;
                foreach (int a in eligible) worst = Math.Max(worst, _lateFinish[a]);
                weights.Clear();
                double total = 0;
                foreach (int a in eligible)
                {
                    double w = worst - _lateFinish[a] + 1;
                    w *= w;
                    weights.Add(w);
                    total += w;
                }

                double pick = _random.NextDouble() * total;
                int chosen = eligible.Count - 1;
                for (int i = 0; i < eligible.Count; i++)
                {
                    pick -= weights[i];
                    if (pick < 0)
                    {
                        chosen = i;
                        break;
                    }
                }

                int next = eligible[chosen];
                eligible.RemoveAt(chosen);
                return next;
            }
        }

        /// <summary>Two-point crossover of activity lists; both children stay topological orders.</summary>
        public (int[] First, int[] Second) Crossover(int[] mother, int[] father, RcpspSolver.Random32 random)
        {
            int q1 = random.Next(_n + 1);
            int q2 = random.Next(_n + 1);
            if (q1 > q2) (q1, q2) = (q2, q1);
            return (Child(mother, father, q1, q2), Child(father, mother, q1, q2));
        }

        [MethodImpl(Hot.Loop)]
        private int[] Child(int[] primary, int[] secondary, int q1, int q2)
        {
            var taken = new bool[_n];
            var child = new int[_n];
            int k = 0;
            for (; k < q1; k++)
            {
                child[k] = primary[k];
                taken[primary[k]] = true;
            }

            for (int i = 0; i < _n && k < q2; i++)
            {
                int a = secondary[i];
                if (taken[a]) continue;
                child[k++] = a;
                taken[a] = true;
            }

            for (int i = 0; i < _n && k < _n; i++)
            {
                int a = primary[i];
                if (taken[a]) continue;
                child[k++] = a;
                taken[a] = true;
            }

            return child;
        }

        /// <summary>Swaps neighbours that do not constrain each other, each with probability <paramref name="rate"/>.</summary>
        [MethodImpl(Hot.Loop)]
        public void Mutate(int[] list, RcpspSolver.Random32 random, double rate)
        {
            for (int i = 0; i + 1 < list.Length; i++)
            {
                if (random.NextDouble() >= rate) continue;
                int a = list[i], b = list[i + 1];
                if (Constrains(a, b)) continue;
                list[i] = b;
                list[i + 1] = a;
            }
        }

        /// <summary>
        /// Moves one random activity to a random place between its last predecessor and its first successor in the
        /// list (the insertion neighbourhood), so the list stays a topological order.
        /// </summary>
        [MethodImpl(Hot.Loop)]
        public void Shift(int[] list, RcpspSolver.Random32 random)
        {
            int from = random.Next(_n);
            int a = list[from];
            var position = _position;
            for (int i = 0; i < _n; i++) position[list[i]] = i;
            int lo = 0, hi = _n - 1;
            for (int i = _predOffsets[a]; i < _predOffsets[a + 1]; i++) lo = Math.Max(lo, position[_predecessors[i]] + 1);
            for (int i = _succOffsets[a]; i < _succOffsets[a + 1]; i++) hi = Math.Min(hi, position[_successors[i]] - 1);
            int to = lo + random.Next(hi - lo + 1);
            if (to > from) Array.Copy(list, from + 1, list, from, to - from);
            else Array.Copy(list, to, list, to + 1, from - to);
            list[to] = a;
        }

        private bool Constrains(int a, int b)
        {
            for (int i = _succOffsets[a]; i < _succOffsets[a + 1]; i++) if (_successors[i] == b) return true;
            return false;
        }

        /// <summary>Reference equality, for keying tables by calendar object (netstandard2.0 has no ReferenceEqualityComparer).</summary>
        /// <summary>
        /// Calendar tables kept across the engines of one leveling: a portfolio solves its levels, a priority-blind
        /// leveling, the joint search and the late dates over the same calendar objects, thousands of them, and each
        /// table is then filled once. Answers do not depend on who filled a table; not for use by two threads at once.
        /// </summary>
        internal sealed class CalendarTables
        {
            internal Dictionary<IActivityCalendar, CalendarTable> ByCalendar { get; } = new Dictionary<IActivityCalendar, CalendarTable>(ReferenceEqualityComparer.Instance);
        }

        private sealed class ReferenceEqualityComparer : IEqualityComparer<IActivityCalendar>
        {
            public static ReferenceEqualityComparer Instance { get; } = new ReferenceEqualityComparer();

            public bool Equals(IActivityCalendar? x, IActivityCalendar? y) => ReferenceEquals(x, y);

            public int GetHashCode(IActivityCalendar obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }

        /// <summary>
        /// A calendar's working days as bits over a growing horizon, with the working days before each 64-day word: the
        /// next and previous working day are a word scan, the rank of a day a count within one word, and the k-th working
        /// day a bisection over the words. About a fifth of a byte per day, so the thousands of calendars of a portfolio
        /// (a task's people work their own days in each program) fit in a few megabytes. Filled in one pass from a
        /// calendar that can list its days (<see cref="IWorkingDayMarker"/>), else a query per working day. The bits stop
        /// at <see cref="DefaultLimit"/> days (or at the calendar's last working day): later days are answered by the
        /// calendar itself, whose own queries are logarithmic, so a plan spanning the whole calendar does not tabulate
        /// millions of days per person. The answers are the same either way.
        /// </summary>
        internal sealed class CalendarTable
        {
            /// <summary>The most days tabulated: about 250 years of working days; ordinary plans never reach it.</summary>
            public const int DefaultLimit = 1 << 16;

            private readonly IActivityCalendar _source;
            private readonly IWorkingDayMarker? _marker;
            private readonly int _limit;

            // Working days of [0, _length): bit d of word d / 64; _wordRank[w] working days before word w.
            private ulong[] _bits = Array.Empty<ulong>();
            private int[] _wordRank = new int[1];
            private int _count;

            // The first working day at or after _length, or -1 once the calendar has no more (then _exhausted).
            private int _after = -1;
            private int _length;
            private bool _exhausted;
            private int? _lastWorkingDay;

            public CalendarTable(IActivityCalendar source, int limit = DefaultLimit)
            {
                _source = source;
                _marker = source as IWorkingDayMarker;
                _limit = Math.Max(1, limit);
                Extend(Math.Min(256, _limit));
            }

            /// <summary>
            /// The table's size in four-byte words (bits, word ranks, and a far page's bits), a deterministic measure of
            /// its memory for <see cref="Engine.TabulatedDays"/>.
            /// </summary>
            public long TabulatedDays => 2L * _bits.Length + _wordRank.Length + (long)_farPages * (FarPageSize / 32);

            // Past the arrays, the working days by page of 4,096 days as bits, filled from the calendar on first use: a
            // loop over the days of a long window asks for the next working day once per day, and the calendar's own
            // (logarithmic) answer costs several times a table's; the bits cost 512 bytes a page and answer as fast.
            private const int FarPageBits = 12;
            private const int FarPageSize = 1 << FarPageBits;
            private ulong[]?[] _far = Array.Empty<ulong[]?>();
            private int _farPages;
            private int _farEnd = int.MaxValue;

            /// <summary>The calendar's next working day at or after the day, or int.MaxValue past its last (from the source).</summary>
            private int SourceNextOrEnd(int day)
            {
                if (day >= _farEnd) return int.MaxValue;
                try
                {
                    return _source.NextAvailable(day);
                }
                catch (CalendarRangeException)
                {
                    _farEnd = Math.Min(_farEnd, day);
                    return int.MaxValue;
                }
            }

            private ulong[] FarPage(int p)
            {
                if (p < _far.Length && _far[p] is { } known) return known;
                if (p >= _far.Length)
                {
                    int size = Math.Max(16, _far.Length);
                    while (size <= p) size *= 2;
                    Array.Resize(ref _far, size);
                }

                var bits = new ulong[FarPageSize / 64];
                long start = (long)p << FarPageBits;
                long end = start + FarPageSize;
                // int.MaxValue is "no more working days", not a day: on the last page (which ends past it) it must stop the loop.
                for (long x = SourceNextOrEnd((int)start); x < end && x != int.MaxValue; x = x + 1 > int.MaxValue - 1 ? int.MaxValue : SourceNextOrEnd((int)(x + 1)))
                {
                    int i = (int)(x - start);
                    bits[i >> 6] |= 1UL << (i & 63);
                }

                _farPages++;
                return _far[p] = bits;
            }

            /// <summary>The first working day at or after <paramref name="day"/> (past the arrays), or int.MaxValue: the calendar's answer, from the bit pages.</summary>
            private int FarNext(int day)
            {
                long d = day;
                while (d < _farEnd && d < int.MaxValue)
                {
                    int p = (int)(d >> FarPageBits);
                    var bits = FarPage(p);
                    int i = (int)(d & (FarPageSize - 1));
                    int w = i >> 6;
                    ulong word = bits[w] & (ulong.MaxValue << (i & 63));
                    while (true)
                    {
                        if (word != 0) return (p << FarPageBits) + (w << 6) + Bits.Lowest(word);
                        if (++w == bits.Length) break;
                        word = bits[w];
                    }

                    d = ((long)p + 1) << FarPageBits;
                }

                return int.MaxValue;
            }

            /// <summary>True when the arrays cover every day the calendar can name up to <paramref name="day"/> (exclusive).</summary>
            private bool Covers(int day) => day <= _length || _exhausted;

            /// <summary>Working days the table can name by rank: those before its length, and the first after it when there is one.</summary>
            private int Named => _after >= 0 ? _count + 1 : _count;

            /// <summary>
            /// Covers days [0, length) and knows the first working day at or after length, or, once the calendar has no
            /// more working day it can name (the last is on or before 9999-12-31), the days up to its last working day:
            /// the table never asks the calendar about days past its end, and only a query past that day fails.
            /// </summary>
            private void Extend(int length)
            {
                int from = _length;
                if (_exhausted || length <= from) return;
                var bits = new ulong[(length + 63) >> 6];
                Array.Copy(_bits, bits, _bits.Length);
                Fill(bits, from, length);
                int after = -1;
                try
                {
                    after = _source.NextAvailable(length);
                }
                catch (CalendarRangeException)
                {
                    _exhausted = true;
                }

                if (_exhausted)
                {
                    int last = PreviousSet(bits, length - 1);
                    length = last + 1;
                    if (((length + 63) >> 6) < bits.Length) Array.Resize(ref bits, (length + 63) >> 6);
                }

                var rank = new int[bits.Length + 1];
                for (int w = 0; w < bits.Length; w++) rank[w + 1] = rank[w] + Bits.PopCount(bits[w]);
                _bits = bits;
                _wordRank = rank;
                _count = rank[bits.Length];
                _length = length;
                _after = after;
            }

            /// <summary>Marks the working days of [from, to): in one pass when the calendar can list them, else a query per working day.</summary>
            private void Fill(ulong[] bits, int from, int to)
            {
                if (_marker != null)
                {
                    try
                    {
                        _marker.MarkWorkingDays(from, to, bits);
                        return;
                    }
                    catch (CalendarRangeException)
                    {
                        // Near the calendar's end: start again day by day, which finds where it stops.
                        for (int d = from; d < to; d++) bits[d >> 6] &= ~(1UL << (d & 63));
                    }
                }

                int x;
                try
                {
                    x = _source.NextAvailable(from);
                    while (x < to)
                    {
                        bits[x >> 6] |= 1UL << (x & 63);
                        x = _source.NextAvailable(x + 1);
                    }
                }
                catch (CalendarRangeException)
                {
                    // The calendar ends inside the range; Extend finds that out when it asks past it.
                }
            }

            /// <summary>Tabulates up to <paramref name="day"/>, or as far as the calendar or the limit goes.</summary>
            private void Ensure(int day)
            {
                if (day < _length || _exhausted || _length >= _limit) return;
                int length = Math.Max(1, _length);
                while (length <= day && length < _limit) length = length > _limit / 2 ? _limit : length * 2;
                Extend(Math.Min(length, _limit));
            }

            /// <summary>
            /// The calendar's last working day, at most <paramref name="below"/>, or -1: the largest day from which a next
            /// working day can still be named, found by bisection (a few dozen queries, once per table).
            /// </summary>
            private int LastWorkingDay(int below)
            {
                if (_lastWorkingDay is int known) return Math.Min(known, below);
                int lo = -1, hi = below;
                while (lo < hi)
                {
                    int mid = lo + (int)(((long)hi - lo + 1) / 2);
                    bool named;
                    try
                    {
                        _source.NextAvailable(mid);
                        named = true;
                    }
                    catch (CalendarRangeException)
                    {
                        named = false;
                    }

                    if (named) lo = mid;
                    else hi = mid - 1;
                }

                _lastWorkingDay = lo;
                return lo;
            }

            /// <summary>The number of working days before <paramref name="day"/>, for a day the arrays cover.</summary>
            private int Rank(int day)
            {
                if (day > _length) return _count;
                int w = day >> 6, b = day & 63;
                return b == 0 ? _wordRank[w] : _wordRank[w] + Bits.PopCount(_bits[w] & ((1UL << b) - 1));
            }

            /// <summary>
            /// The working day of rank <paramref name="k"/> (0 ≤ k &lt; <see cref="Named"/>), looked for from the word of
            /// day <paramref name="near"/>: a task's finish is usually within a word or two of its start, so a few steps
            /// find it, and a bisection over the words finds a far one.
            /// </summary>
            private int Select(int k, int near)
            {
                if (k >= _count) return _after;
                var rank = _wordRank;
                int last = _bits.Length - 1;
                int w = Math.Min(Math.Max(0, near >> 6), last);
                for (int step = 0; step < 4; step++)
                {
                    if (rank[w] > k) w--;
                    else if (w < last && rank[w + 1] <= k) w++;
                    else return (w << 6) + Bits.Select(_bits[w], k - rank[w]);
                }

                int lo = 0, hi = last;
                while (lo < hi)
                {
                    int mid = (lo + hi + 1) >> 1;
                    if (rank[mid] <= k) lo = mid;
                    else hi = mid - 1;
                }

                return (lo << 6) + Bits.Select(_bits[lo], k - rank[lo]);
            }

            /// <summary>The first set bit at or after <paramref name="day"/> (below the length), or -1.</summary>
            private int NextSet(int day)
            {
                var bits = _bits;
                int w = day >> 6;
                ulong word = bits[w] & (ulong.MaxValue << (day & 63));
                while (word == 0)
                {
                    if (++w == bits.Length) return -1;
                    word = bits[w];
                }

                return (w << 6) + Bits.Lowest(word);
            }

            /// <summary>The last set bit at or before <paramref name="day"/>, or -1.</summary>
            private static int PreviousSet(ulong[] bits, int day)
            {
                if (day < 0) return -1;
                int w = day >> 6;
                if (w >= bits.Length)
                {
                    w = bits.Length - 1;
                    day = (w << 6) + 63;
                }

                if (w < 0) return -1;
                int b = day & 63;
                ulong word = bits[w] & (b == 63 ? ulong.MaxValue : (1UL << (b + 1)) - 1);
                while (word == 0)
                {
                    if (--w < 0) return -1;
                    word = bits[w];
                }

                return (w << 6) + Bits.Highest(word);
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int NextAvailable(int day)
            {
                // Past the calendar's last working day no day can be named (int.MaxValue is never a working day).
                int next = NextAvailableOrEnd(day);
                return next != int.MaxValue ? next : throw new CalendarRangeException();
            }

            /// <summary>The first working day at or after <paramref name="day"/>, or int.MaxValue when the calendar has none.</summary>
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public int NextAvailableOrEnd(int day)
            {
                // The common case: a working day within the word of the day asked about.
                if ((uint)day < (uint)_length)
                {
                    ulong word = _bits[day >> 6] >> (day & 63);
                    if (word != 0) return day + Bits.Lowest(word);
                }

                return NextAvailableOrEndFar(day);
            }

            private int NextAvailableOrEndFar(int day)
            {
                Ensure(day);
                if (day < _length)
                {
                    int next = NextSet(day);
                    return next >= 0 ? next : _after >= 0 ? _after : int.MaxValue;
                }

                if (_exhausted) return int.MaxValue;
                return FarNext(day);
            }

            public int PreviousAvailable(int day)
            {
                if (day < 0) return -1;
                Ensure(day + 1);
                if (!Covers(day + 1))
                {
                    try
                    {
                        return _source.PreviousAvailable(day);
                    }
                    catch (CalendarRangeException)
                    {
                        // A day past the calendar's end: its last working day is the answer, as in the arrays.
                        return LastWorkingDay(day);
                    }
                }

                return PreviousSet(_bits, Math.Min(day, _length - 1));
            }

            /// <summary>The finish after <paramref name="days"/> working days from working day <paramref name="start"/>.</summary>
            public int Advance(int start, int days)
            {
                Ensure(start);
                if (Covers(start))
                {
                    long k = (long)Rank(start) + days - 1;
                    while (k >= Named && !_exhausted && _length < _limit) Extend(_length > _limit / 2 ? _limit : _length * 2);
                    if (k < Named) return Select((int)k, start + days) + 1;
                    if (_exhausted) throw new CalendarRangeException();
                }

                return _source.Advance(_source.NextAvailable(start), days);
            }

            /// <summary>
            /// The start of <paramref name="days"/> working days ending before <paramref name="finish"/>; negative when
            /// there are not that many working days since day 0 (one less than minus the days missing).
            /// </summary>
            public int Retreat(int finish, int days)
            {
                Ensure(finish);
                if (Covers(finish))
                {
                    int k = Rank(finish) - days;
                    return k < 0 ? k - 1 : Select(k, finish - days);
                }

                // The calendar counts back from the last working day before the finish; its negative answer is the
                // number of days missing, one more than the table's.
                int last = PreviousAvailable(finish - 1);
                if (last < 0) return -days - 1;
                int start = _source.Retreat(last + 1, days);
                return start < 0 ? start - 1 : start;
            }
        }

        /// <summary>
        /// Integers by day, zero where never set: a dense array over the first <see cref="DenseLimit"/> days (grown as
        /// they are written; ordinary plans live there, at the cost of one array access), then fixed-size pages
        /// allocated on the first write to one, so memory follows the days written, not the largest day.
        /// </summary>
        internal sealed class DayTable
        {
            /// <summary>Days kept in one array: about 250 years of working days.</summary>
            public const int DenseLimit = 1 << 16;

            private const int PageBits = 12;
            private const int PageSize = 1 << PageBits;
            private const int PageMask = PageSize - 1;
            private int[] _dense = Array.Empty<int>();
            private int[]?[] _pages = Array.Empty<int[]?>();
            private int _allocated;

            /// <summary>Days held in the dense array and the allocated pages.</summary>
            public long AllocatedDays => _dense.Length + (long)_allocated * PageSize;

            public int this[int day]
            {
                [MethodImpl(MethodImplOptions.AggressiveInlining)]
                get
                {
                    var dense = _dense;
                    if ((uint)day < (uint)dense.Length) return dense[day];
                    return day < DenseLimit ? 0 : Paged(day);
                }
            }

            private int Paged(int day)
            {
                var pages = _pages;
                int p = (day - DenseLimit) >> PageBits;
                if ((uint)p >= (uint)pages.Length) return 0;
                var page = pages[p];
                return page is null ? 0 : page[day & PageMask];
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public void Set(int day, int value)
            {
                var dense = _dense;
                if ((uint)day < (uint)dense.Length) dense[day] = value;
                else if (day < DenseLimit) GrowDense(day)[day] = value;
                else Page(day)[day & PageMask] = value;
            }

            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            public void Add(int day, int delta)
            {
                var dense = _dense;
                if ((uint)day < (uint)dense.Length) dense[day] += delta;
                else if (day < DenseLimit) GrowDense(day)[day] += delta;
                else Page(day)[day & PageMask] += delta;
            }

            /// <summary>The first day at or after <paramref name="day"/> that may hold a value (the days skipped are zero), or int.MaxValue.</summary>
            public int NextAllocated(int day)
            {
                if (day < DenseLimit) return day < _dense.Length ? day : Math.Max(day, NextPage(0));
                return NextPage(day);
            }

            private int NextPage(int day)
            {
                var pages = _pages;
                for (int p = Math.Max(0, day - DenseLimit) >> PageBits; p < pages.Length; p++)
                {
                    if (pages[p] != null) return Math.Max(day, DenseLimit + (p << PageBits));
                }

                return int.MaxValue;
            }

            /// <summary>
            /// The first day after <paramref name="day"/> at which a table may start or stop holding days: the dense
            /// array grows by powers of two from 64 to <see cref="DenseLimit"/>, then pages of 4,096 days.
            /// </summary>
            public static int Boundary(int day)
            {
                if (day < 64) return 64;
                if (day < DenseLimit)
                {
                    int b = 128;
                    while (b <= day) b <<= 1;
                    return b;
                }

                long end = DenseLimit + ((((long)day - DenseLimit) >> PageBits) + 1 << PageBits);
                return end > int.MaxValue ? int.MaxValue : (int)end;
            }

            /// <summary>Every day back to zero, the arrays kept for the next use.</summary>
            public void Zero()
            {
                Array.Clear(_dense, 0, _dense.Length);
                foreach (var page in _pages) if (page != null) Array.Clear(page, 0, page.Length);
            }

            /// <summary>Every day back to zero.</summary>
            public void Clear()
            {
                _dense = Array.Empty<int>();
                _pages = Array.Empty<int[]?>();
                _allocated = 0;
            }

            /// <summary>The dense array grown to hold a day below <see cref="DenseLimit"/>.</summary>
            private int[] GrowDense(int day)
            {
                // Small to start: a plan may have 100,000 people, each with a few booked days (a page each was 16 KB a table).
                int size = Math.Max(64, _dense.Length);
                while (size <= day) size *= 2;
                Array.Resize(ref _dense, Math.Min(size, DenseLimit));
                return _dense;
            }

            /// <summary>The page of a day at or past <see cref="DenseLimit"/>, allocated on first use.</summary>
            private int[] Page(int day)
            {
                int p = (day - DenseLimit) >> PageBits;
                var pages = _pages;
                if ((uint)p < (uint)pages.Length && pages[p] is { } page) return page;
                if (p >= pages.Length)
                {
                    int size = Math.Max(4, pages.Length);
                    while (size <= p) size *= 2;
                    Array.Resize(ref _pages, size);
                }

                _allocated++;
                return _pages[p] = new int[PageSize];
            }
        }

        /// <summary>
        /// A step function of days: zero before the first breakpoint, then the value of the last breakpoint at or before
        /// a day. Holds the long bookings of one resource (a few per plan), so adding a window costs the breakpoints, not
        /// the days; breakpoints whose value equals the one before are dropped, so a released booking leaves nothing.
        /// </summary>
        internal sealed class StepProfile
        {
            private readonly List<int> _day = new List<int>();
            private readonly List<int> _value = new List<int>();

            /// <summary>Breakpoints held.</summary>
            public int Count => _day.Count;

            /// <summary>
            /// The value on <paramref name="day"/>, constant on [<paramref name="from"/>, <paramref name="next"/>)
            /// (int.MinValue and int.MaxValue where unbounded).
            /// </summary>
            public int ValueAt(int day, out int from, out int next)
            {
                int lo = 0, hi = _day.Count;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (_day[mid] <= day) lo = mid + 1;
                    else hi = mid;
                }

                // lo = the first breakpoint after the day.
                next = lo < _day.Count ? _day[lo] : int.MaxValue;
                if (lo == 0)
                {
                    from = int.MinValue;
                    return 0;
                }

                from = _day[lo - 1];
                return _value[lo - 1];
            }

            /// <summary>Adds <paramref name="delta"/> on [<paramref name="start"/>, <paramref name="finish"/>); returns the breakpoints touched.</summary>
            public int Add(int start, int finish, int delta)
            {
                if (finish <= start || delta == 0) return 0;
                int i = Split(start);
                int j = Split(finish);
                for (int k = i; k < j; k++) _value[k] += delta;
                int touched = j - i + 2;

                // Drop breakpoints that no longer change the value (at finish first, so i stays valid).
                Merge(j);
                Merge(i);
                return touched;
            }

            /// <summary>Makes a breakpoint at the day (with the value already there); returns its index.</summary>
            private int Split(int day)
            {
                int v = ValueAt(day, out int from, out _);
                int lo = 0, hi = _day.Count;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (_day[mid] < day) lo = mid + 1;
                    else hi = mid;
                }

                if (from == day) return lo;
                _day.Insert(lo, day);
                _value.Insert(lo, v);
                return lo;
            }

            private void Merge(int k)
            {
                if (k < 0 || k >= _day.Count) return;
                int before = k == 0 ? 0 : _value[k - 1];
                if (_value[k] != before) return;
                _day.RemoveAt(k);
                _value.RemoveAt(k);
            }
        }
    }

    /// <summary>A decoding stopped at <see cref="Engine.Ceiling"/>: the plan is too costly to level at all.</summary>
    internal sealed class WorkCeilingException : Exception
    {
        public WorkCeilingException(long work) : base("work ceiling passed at " + work + " units") => Work = work;

        /// <summary>The work done when the ceiling was passed.</summary>
        public long Work { get; }
    }
}
