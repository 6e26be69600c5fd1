using System;
using System.Collections.Generic;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling.Leveling
{
    /// <summary>
    /// A resource-constrained project scheduling problem over whole days: activities with durations in their own
    /// working days, renewable resources with a constant capacity per day, generalized precedence constraints
    /// (fs, ss, ff, sf with lags), release days and fixed activities. Times are day indices from 0.
    /// Build it with <see cref="RcpspBuilder"/>; solve it with <see cref="RcpspSolver"/>.
    /// </summary>
    public sealed class RcpspProblem
    {
        internal RcpspProblem(
            int[] duration, int[] capacity, int[][] demandResource, int[][] demandAmount, RcpspPrecedence[] precedences,
            int[] release, int[] fixedStart, int[] fixedFinish, int[] priority, IActivityCalendar?[] calendars)
        {
            Duration = duration;
            Capacity = capacity;
            DemandResource = demandResource;
            DemandAmount = demandAmount;
            Precedences = precedences;
            Release = release;
            FixedStart = fixedStart;
            FixedFinish = fixedFinish;
            Priority = priority;
            Calendars = calendars;
        }

        /// <summary>Number of activities.</summary>
        public int ActivityCount => Duration.Length;

        /// <summary>Number of resources.</summary>
        public int ResourceCount => Capacity.Length;

        /// <summary>Working days of each activity (0 for a milestone).</summary>
        public int[] Duration { get; }

        /// <summary>Units of each resource available on every day.</summary>
        public int[] Capacity { get; }

        /// <summary>For each activity, the resources it uses.</summary>
        public int[][] DemandResource { get; }

        /// <summary>For each activity, the units of each resource in <see cref="DemandResource"/> it holds on each of its working days.</summary>
        public int[][] DemandAmount { get; }

        /// <summary>The precedence constraints.</summary>
        public RcpspPrecedence[] Precedences { get; }

        /// <summary>Earliest start of each activity (0 for none).</summary>
        public int[] Release { get; }

        /// <summary>A start that must not move, or -1.</summary>
        public int[] FixedStart { get; }

        /// <summary>A finish that must not move, or -1 (with a fixed start).</summary>
        public int[] FixedFinish { get; }

        /// <summary>Leveling preference 1–1000: a higher priority is scheduled first among otherwise equal choices.</summary>
        public int[] Priority { get; }

        /// <summary>Each activity's working days, or null when every day is a working day.</summary>
        public IActivityCalendar?[] Calendars { get; }
    }

    /// <summary>A precedence constraint: <see cref="Type"/> between predecessor and successor with a lag in days.</summary>
    public readonly struct RcpspPrecedence
    {
        /// <summary>Creates a constraint.</summary>
        public RcpspPrecedence(int predecessor, int successor, DependencyType type, int lag)
        {
            Predecessor = predecessor;
            Successor = successor;
            Type = type;
            Lag = lag;
        }

        /// <summary>The activity constrained against.</summary>
        public int Predecessor { get; }

        /// <summary>The constrained activity.</summary>
        public int Successor { get; }

        /// <summary>fs: S ≥ F(p)+lag; ss: S ≥ S(p)+lag; ff: F ≥ F(p)+lag; sf: F ≥ S(p)+lag.</summary>
        public DependencyType Type { get; }

        /// <summary>Lag in days (negative for a lead).</summary>
        public int Lag { get; }
    }

    /// <summary>The days an activity can work on (a person's vacation makes a task skip days).</summary>
    public interface IActivityCalendar
    {
        /// <summary>The first working day ≥ <paramref name="day"/>.</summary>
        int NextAvailable(int day);

        /// <summary>The last working day ≤ <paramref name="day"/>, or -1.</summary>
        int PreviousAvailable(int day);

        /// <summary>The exclusive finish of <paramref name="days"/> working days starting on working day <paramref name="start"/>.</summary>
        int Advance(int start, int days);

        /// <summary>The start of <paramref name="days"/> working days ending just before <paramref name="finish"/> (whose previous day works).</summary>
        int Retreat(int finish, int days);
    }

    /// <summary>
    /// An activity calendar that can list its working days in bulk: the leveler's tables fill from it in one pass over
    /// the days rather than a lookup per day (thousands of calendars over a portfolio's years).
    /// </summary>
    internal interface IWorkingDayMarker
    {
        /// <summary>
        /// Sets bit d of <paramref name="bits"/> for every working day d in [<paramref name="from"/>, <paramref name="to"/>)
        /// (the days <see cref="IActivityCalendar.NextAvailable"/> names); may throw <see cref="CalendarRangeException"/>
        /// near the end of the calendar, where the table asks day by day instead.
        /// </summary>
        void MarkWorkingDays(int from, int to, ulong[] bits);
    }

    /// <summary>Builds an <see cref="RcpspProblem"/>.</summary>
    public sealed class RcpspBuilder
    {
        private readonly List<int> _duration = new List<int>();
        private readonly List<int> _capacity = new List<int>();
        // Demands in the order given, merged per (activity, resource) when the problem is built: a list per activity and
        // a lookup per demand cost more than the rest of the problem on a 100,000-task plan.
        private readonly List<(int Activity, int Resource, int Amount)> _demands = new List<(int, int, int)>();
        private readonly List<RcpspPrecedence> _precedences = new List<RcpspPrecedence>();
        private readonly List<int> _release = new List<int>();
        private readonly List<int> _fixedStart = new List<int>();
        private readonly List<int> _fixedFinish = new List<int>();
        private readonly List<int> _priority = new List<int>();
        private readonly List<IActivityCalendar?> _calendars = new List<IActivityCalendar?>();

        /// <summary>Adds a resource with a constant capacity; returns its index.</summary>
        public int AddResource(int capacity)
        {
            if (capacity < 0) throw new ArgumentOutOfRangeException(nameof(capacity));
            _capacity.Add(capacity);
            return _capacity.Count - 1;
        }

        /// <summary>Adds an activity; returns its index.</summary>
        public int AddActivity(int duration, int release = 0, int priority = 500, IActivityCalendar? calendar = null)
        {
            if (duration < 0) throw new ArgumentOutOfRangeException(nameof(duration));
            _duration.Add(duration);
            _release.Add(Math.Max(0, release));
            _fixedStart.Add(-1);
            _fixedFinish.Add(-1);
            _priority.Add(priority);
            _calendars.Add(calendar);
            return _duration.Count - 1;
        }

        /// <summary>Fixes an activity's start (and optionally its finish): it does not move, but still holds its resources.</summary>
        public void Fix(int activity, int start, int finish = -1)
        {
            _fixedStart[activity] = start;
            _fixedFinish[activity] = finish;
        }

        /// <summary>Makes an activity hold units of a resource on each of its working days.</summary>
        public void AddDemand(int activity, int resource, int amount)
        {
            if ((uint)activity >= (uint)_duration.Count) throw new ArgumentOutOfRangeException(nameof(activity));
            if (amount <= 0) return;
            _demands.Add((activity, resource, amount));
        }

        /// <summary>Adds a precedence constraint.</summary>
        public void AddPrecedence(int predecessor, int successor, DependencyType type = DependencyType.FinishToStart, int lag = 0) =>
            _precedences.Add(new RcpspPrecedence(predecessor, successor, type, lag));

        /// <summary>The problem.</summary>
        public RcpspProblem Build()
        {
            int n = _duration.Count;

            // Each activity's demands in the order given (a counting sort, stable), a repeated resource merged into its
            // first entry: by a scan of the activity's few demands, or by lookup when it has many (people on one task).
            var first = new int[n + 1];
            foreach (var d in _demands) first[d.Activity + 1]++;
            for (int a = 0; a < n; a++) first[a + 1] += first[a];
            var byActivity = new (int Resource, int Amount)[_demands.Count];
            var next = (int[])first.Clone();
            foreach (var d in _demands) byActivity[next[d.Activity]++] = (d.Resource, d.Amount);

            var resources = new int[n][];
            var amounts = new int[n][];
            var empty = Array.Empty<int>();
            Dictionary<int, int>? at = null;
            var mergedResources = new List<int>();
            var mergedAmounts = new List<int>();
            for (int a = 0; a < n; a++)
            {
                int from = first[a], to = first[a + 1];
                if (to == from)
                {
                    resources[a] = amounts[a] = empty;
                    continue;
                }

                mergedResources.Clear();
                mergedAmounts.Clear();
                bool many = to - from > 8;
                if (many) (at ??= new Dictionary<int, int>()).Clear();
                for (int k = from; k < to; k++)
                {
                    var (r, amount) = byActivity[k];
                    int i = -1;
                    if (many)
                    {
                        if (at!.TryGetValue(r, out int found)) i = found;
                        else at[r] = mergedResources.Count;
                    }
                    else
                    {
                        for (int j = 0; j < mergedResources.Count; j++)
                        {
                            if (mergedResources[j] != r) continue;
                            i = j;
                            break;
                        }
                    }

                    if (i >= 0)
                    {
                        mergedAmounts[i] += amount;
                    }
                    else
                    {
                        mergedResources.Add(r);
                        mergedAmounts.Add(amount);
                    }
                }

                resources[a] = mergedResources.ToArray();
                amounts[a] = mergedAmounts.ToArray();
            }

            return new RcpspProblem(_duration.ToArray(), _capacity.ToArray(), resources, amounts, _precedences.ToArray(),
                _release.ToArray(), _fixedStart.ToArray(), _fixedFinish.ToArray(), _priority.ToArray(), _calendars.ToArray());
        }
    }

    /// <summary>How hard the solver searches.</summary>
    public enum LevelingEffort
    {
        /// <summary>Priority rules and justification only (a few dozen schedules), within the normal work budget.</summary>
        Quick,

        /// <summary>
        /// The default: a genetic search of at most 16,000 schedules (two halves of 8,000, on two cores when there are two) and <see cref="RcpspSolver.NormalWork"/> work units,
        /// whichever runs out first (about a second on any problem).
        /// </summary>
        Normal,

        /// <summary>About 50,000 schedules on small problems, within ten times the normal work budget.</summary>
        Max,
    }

    /// <summary>A solution: start and finish (exclusive) day of each activity.</summary>
    public sealed class RcpspSolution
    {
        internal RcpspSolution(int[] start, int[] finish, int schedules, int[] precedenceStart, int[] blockedBy, int lowerBound)
        {
            Start = start;
            Finish = finish;
            SchedulesGenerated = schedules;
            PrecedenceStart = precedenceStart;
            BlockedBy = blockedBy;
            CriticalPathLength = lowerBound;
            int makespan = 0;
            foreach (var f in finish) makespan = Math.Max(makespan, f);
            Makespan = makespan;
        }

        /// <summary>Start day of each activity.</summary>
        public int[] Start { get; }

        /// <summary>Finish day (exclusive) of each activity.</summary>
        public int[] Finish { get; }

        /// <summary>The latest finish.</summary>
        public int Makespan { get; }

        /// <summary>How many schedules the search decoded.</summary>
        public int SchedulesGenerated { get; }

        /// <summary>Work units the search used (activities placed and days scanned; see <see cref="RcpspSolver.WorkBudget"/>).</summary>
        public long Work { get; internal set; }

        /// <summary>The work budget the search had: when <see cref="Work"/> reached it, the search stopped there.</summary>
        public long WorkBudget { get; internal set; }

        /// <summary>For each activity, the start its predecessors alone allowed in this schedule (before resources).</summary>
        public int[] PrecedenceStart { get; }

        /// <summary>For each activity, the resource that pushed it past <see cref="PrecedenceStart"/>, or -1.</summary>
        public int[] BlockedBy { get; }

        /// <summary>The makespan with resources ignored: a lower bound on any schedule's.</summary>
        public int CriticalPathLength { get; }

        /// <summary>
        /// The latest start of each activity that keeps the makespan with the same resources (a backward pass of
        /// this schedule); equal to <see cref="Start"/> where none could be computed.
        /// </summary>
        public int[] LateStart { get; internal set; } = Array.Empty<int>();

        /// <summary>The finish that goes with <see cref="LateStart"/>.</summary>
        public int[] LateFinish { get; internal set; } = Array.Empty<int>();
    }

    /// <summary>Equality of packed pair keys with a hash that mixes both halves (long's own hash is their xor).</summary>
    internal sealed class MixedKey : IEqualityComparer<long>
    {
        /// <summary>The one instance; the comparer holds no state.</summary>
        public static readonly MixedKey Instance = new MixedKey();

        private MixedKey()
        {
        }

        /// <inheritdoc/>
        public bool Equals(long x, long y) => x == y;

        /// <inheritdoc/>
        public int GetHashCode(long key) => unchecked((int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 32));
    }
}
