using System;
using System.Collections.Generic;
using System.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling.Leveling
{
    /// <summary>Options for <see cref="RcpspSolver"/>.</summary>
    public sealed class RcpspOptions
    {
        /// <summary>How hard to search.</summary>
        public LevelingEffort Effort { get; set; } = LevelingEffort.Normal;

        /// <summary>An explicit number of schedules to decode, overriding <see cref="Effort"/>.</summary>
        public int? Schedules { get; set; }

        /// <summary>A cap on the effort's budget, in activity placements.</summary>
        public long? MaxPlacements { get; set; }

        /// <summary>
        /// A cap on the search's work, in the engine's work units (activities placed and days scanned), below the
        /// effort's own work budget (<see cref="RcpspSolver.WorkBudget"/>).
        /// </summary>
        public long? MaxWork { get; set; }

        /// <summary>The work past which even the first schedule stops (tests; by default the budget plus <see cref="RcpspSolver.CeilingMargin"/>).</summary>
        internal long? Ceiling { get; set; }

        /// <summary>
        /// An opt-in wall-clock limit on the search: when it passes, the best schedule so far is kept. Unlike the work
        /// budget it makes the result depend on the machine's speed.
        /// </summary>
        public TimeSpan? TimeLimit { get; set; }

        /// <summary>Told the work done and the work budget as the search proceeds (on the calling thread).</summary>
        public IProgress<StageProgress>? Progress { get; set; }

        /// <summary>Stops the search with <see cref="OperationCanceledException"/>, looked at every few thousand work units.</summary>
        public System.Threading.CancellationToken CancellationToken { get; set; }

        /// <summary>Seed of the search: the same problem and seed give the same solution.</summary>
        public int Seed { get; set; }

        /// <summary>
        /// An objective compared before the makespan (a portfolio's lateness by priority level, docs/portfolios.md): null,
        /// the default, leaves the search exactly as it is.
        /// </summary>
        internal IScheduleObjective? Objective { get; set; }

        /// <summary>
        /// Schedules the search starts from; the best is kept unless the search finds a better one (with
        /// <see cref="Objective"/>). Each is a list (a topological order; empty: the order of the starts) and its exact
        /// starts and finishes, which need not be what decoding the list gives.
        /// </summary>
        internal IReadOnlyList<(int[] List, int[] Start, int[] Finish)>? Incumbents { get; set; }

        /// <summary>
        /// True: decode nothing, keep the best of <see cref="Incumbents"/> (explained): a portfolio whose budget cannot pay
        /// for one decoding of the joint problem keeps the schedule it already has.
        /// </summary>
        internal bool IncumbentsOnly { get; set; }

        /// <summary>Calendar tables shared with other solves over the same calendars (a portfolio's), or null for the solve's own.</summary>
        internal Engine.CalendarTables? CalendarTables { get; set; }

        /// <summary>
        /// False when the caller does not read why activities start when they do (a portfolio's intermediate solves): the
        /// solution's precedence starts are then its starts, and nothing is blocked.
        /// </summary>
        internal bool Explain { get; set; } = true;

        /// <summary>False when the caller works out late dates its own way (a portfolio's): the solution's are its dates.</summary>
        internal bool LateDates { get; set; } = true;

        /// <summary>
        /// True: a split search runs its halves one after the other even on several cores (tests: the result must not
        /// depend on it).
        /// </summary>
        internal bool OneThread { get; set; }

        /// <summary>The activity list of the solution, set by the search (the joint network's best list, for the forecast).</summary>
        internal int[]? BestList { get; set; }
    }

    /// <summary>A score of a schedule, compared lexicographically (smaller is better) before the makespan.</summary>
    internal interface IScheduleObjective
    {
        /// <summary>The score of the schedule with these starts and finishes.</summary>
        long[] Score(int[] start, int[] finish);
    }

    /// <summary>
    /// Solves an <see cref="RcpspProblem"/> for a short makespan: serial schedule generation over working-day
    /// calendars, decoding activity lists; priority rules (latest finish, minimum slack, rank positional weight) and
    /// regret-biased random sampling make the first lists; every schedule is improved by forward–backward
    /// justification; a genetic search (two-point crossover, adjacent-swap and shift mutation, ranking) spends the rest
    /// of the budget. A schedule as short as the lower bound cannot be improved on, so the search stops there (after a
    /// few more generations spent on the priority order when priorities differ); it also stops when restarts in a row
    /// find nothing shorter. With room for it, the genetic search runs as two independent halves from the same first
    /// population (two threads when there are two cores, one after the other otherwise), each driven by its own
    /// generator seeded from the seed, and the better result wins: a seed gives the same answer on any machine.
    /// </summary>
    public static class RcpspSolver
    {
        // Budgets are in activity placements, so large problems get fewer schedules rather than more time. The normal
        // budget still gives a 2,000-task plan a thousand schedules: fewer left measurable days on the table there.
        private const long QuickPlacements = 40L * 120;
        private const long NormalPlacements = 2_000_000;
        private const long MaxPlacements = 50_000L * 120;

        // Small problems stop here. A search with room for it runs as two halves on two cores: J60 above the CP bound,
        // mean of seeds 0–1, 11.11 % with one search of 5,000; 10.99 % with halves of 5,000; 10.96 % with 8,000; 10.95 %
        // with 12,000 (the convergence stop ends most of those early).
        private const int NormalMaxSchedules = 16_000;

        /// <summary>
        /// The normal effort's work budget, in work units (per activity placed, per precedence examined, per day and
        /// resource scanned in the resource profile, per activity ordered). A unit costs about 10 ns on the reference machine (docs/performance.md), so this is at most about
        /// 1.5 s of search whatever the plan; quick has the same cap, max ten times it.
        /// </summary>
        public const long NormalWork = 120_000_000;

        /// <summary>
        /// How far past its budget a search may go to finish the one schedule it needs before it gives up leveling
        /// altogether (<see cref="WorkCeilingException"/>): twice <see cref="NormalWork"/>, about 2 s here.
        /// </summary>
        public const long CeilingMargin = 2 * NormalWork;

        /// <summary>The max effort's work budget: ten times <see cref="NormalWork"/>.</summary>
        public const long MaxEffortWork = 10 * NormalWork;

        /// <summary>The work budget of an effort (an explicit <see cref="RcpspOptions.Schedules"/> gets the max effort's).</summary>
        public static long WorkBudget(RcpspOptions options)
        {
            if (options is null) throw new ArgumentNullException(nameof(options));
            long work = options.Effort == LevelingEffort.Max || options.Schedules != null ? MaxEffortWork : NormalWork;
            return options.MaxWork is long cap ? Math.Max(1, Math.Min(work, cap)) : work;
        }

        /// <summary>Solves a problem.</summary>
        public static RcpspSolution Solve(RcpspProblem problem, RcpspOptions? options = null)
        {
            options ??= new RcpspOptions();
            // The search stops at its budget between schedules; the ceiling stops even the schedule it must finish, past
            // any plan within the input limits (a 250,000-task plan decodes in well under NormalWork).
            var engine = new Engine(problem, options.CalendarTables, options.CancellationToken)
            {
                Ceiling = options.Ceiling ?? Math.Max(WorkBudget(options), NormalWork) + CeilingMargin,
                Objective = options.Objective,
            };
            options.CancellationToken.ThrowIfCancellationRequested();
            int n = problem.ActivityCount;
            if (n == 0) return new RcpspSolution(Array.Empty<int>(), Array.Empty<int>(), 0, Array.Empty<int>(), Array.Empty<int>(), 0);
            long placements = options.Effort switch
            {
                LevelingEffort.Quick => QuickPlacements,
                LevelingEffort.Max => MaxPlacements,
                _ => NormalPlacements,
            };
            if (options.MaxPlacements is long cap) placements = Math.Min(placements, cap);
            int budget = options.Schedules ?? (int)Math.Max(4, Math.Min(options.Effort == LevelingEffort.Max ? 50_000 : options.Effort == LevelingEffort.Quick ? 40 : NormalMaxSchedules, placements / n));
            var search = new Search(engine, budget, WorkBudget(options), options.TimeLimit, options.Progress, options.Seed) { Explain = options.Explain, LateDates = options.LateDates, IncumbentsOnly = options.IncumbentsOnly && options.Incumbents is { Count: > 0 } };
            // The second half of a split search decodes on an engine of its own (an engine's profile is not shared). Only
            // plain solves split: an objective, shared calendar tables or incumbents keep the search whole.
            if (options.Objective is null && options.CalendarTables is null && options.Incumbents is not { Count: > 0 })
            {
                search.SecondEngine = () => new Engine(problem, null, options.CancellationToken) { Ceiling = engine.Ceiling };
                search.Threads = options.OneThread ? 1 : Environment.ProcessorCount;
            }

            var solution = search.Run(options.Effort == LevelingEffort.Quick || budget < 60, options.Incumbents, out var list);
            options.BestList = list;
            return solution;
        }

        /// <summary>A schedule: starts, finishes and the makespan, with the list that produced it.</summary>
        internal sealed class Individual
        {
            public Individual(int[] list, int[] start, int[] finish, int makespan, long tieBreak, long[]? score = null)
            {
                Score = score;
                List = list;
                Start = start;
                Finish = finish;
                Makespan = makespan;
                TieBreak = tieBreak;
            }

            public int[] List { get; }

            public int[] Start { get; }

            public int[] Finish { get; }

            public int Makespan { get; }

            /// <summary>Priority-weighted starts: among equal makespans, high-priority work earlier is better.</summary>
            public long TieBreak { get; }

            /// <summary>The objective's score (<see cref="RcpspOptions.Objective"/>), or null without one.</summary>
            public long[]? Score { get; }

            public bool BetterThan(Individual other) => Compare(other) < 0;

            /// <summary>Negative when this schedule is better: the score first (when there is one), then the makespan, then the tie-break.</summary>
            public int Compare(Individual other)
            {
                if (Score != null && other.Score != null)
                {
                    for (int i = 0; i < Score.Length && i < other.Score.Length; i++)
                    {
                        int s = Score[i].CompareTo(other.Score[i]);
                        if (s != 0) return s;
                    }
                }

                int c = Makespan.CompareTo(other.Makespan);
                return c != 0 ? c : TieBreak.CompareTo(other.TieBreak);
            }
        }

        /// <summary>The search: initial lists, justification and the genetic improvement.</summary>
        private sealed class Search
        {
            private const int Population = 40;

            // Generations without a better schedule before the population is rebuilt around the best one.
            private const int RestartAfter = 20;

            // Restarts in a row that found nothing shorter before the search counts as converged and stops.
            private const int StopAfterRestarts = 3;

            // Once the makespan is at the lower bound: generations without a better priority order before stopping.
            private const int PolishFor = 5;

            // Shift moves per child. Children of justified parents are often copies of them; shifts reach orders
            // adjacent swaps seldom do (J30, mean gap over four seeds: 0.117 % without, 0.058 % with one, 0.03–0.04 %
            // with three, 0.038 % with five, 0.047 % with eight; J60 was best with three as well).
            private const int ShiftsPerChild = 3;

            private readonly Engine _engine;
            private int _budget;
            private long _workBudget;
            private readonly long _workAtStart;
            private Stopwatch? _clock;
            private long _timeLimitTicks;

            // The work budget progress is reported against, and the work done when the search split (its halves then
            // go at about the same pace, so the first's progress counts twice from there).
            private readonly long _reportedBudget;
            private long _workAtSplit = -1;
            private readonly IProgress<StageProgress>? _progress;
            private readonly Random32 _random;
            private int _used;
            private bool _timeUp;

            // The work of the last forward decoding and of the last justification (a backward and a forward decoding;
            // backward passes of plans with lags can cost several forward ones). A decoding or a justification starts
            // only when the budget has room for it and for the result's decodings (about a justification's work), so
            // the budget binds before the work is done rather than after, even where one decoding is a large share of it.
            private long _decodingWork;
            private long _justifyWork;

            /// <summary>The result's decodings (the best list with its explanation, then the late pass), estimated.</summary>
            private long ResultWork => Math.Max(_justifyWork, 2 * _decodingWork);

            // The first rule list of a large plan is decoded with its explanation: when the budget ends the search there
            // (one decoding can be most of it), the result needs no decoding of its own.
            private Individual? _explained;
            private (int[] PrecedenceStart, int[] BlockedBy) _explanation;

            public Search(Engine engine, int budget, long workBudget, TimeSpan? timeLimit, IProgress<StageProgress>? progress, int seed)
            {
                _engine = engine;
                _budget = budget;
                _workBudget = workBudget;
                _workAtStart = engine.Work;
                _reportedBudget = workBudget;
                if (timeLimit is TimeSpan limit)
                {
                    _clock = Stopwatch.StartNew();
                    _timeLimitTicks = (long)(limit.TotalSeconds * Stopwatch.Frequency);
                }

                _progress = progress;
                _random = new Random32(seed);
            }

            /// <summary>Work units this search has used.</summary>
            private long WorkUsed => _engine.Work - _workAtStart;

            /// <summary>
            /// Schedules left, work left for one more decoding as costly as the last and for the result's
            /// (<see cref="ResultWork"/>), and time when a limit was asked for. Checked between schedules, so a search ends at the
            /// same schedule on every machine unless a time limit cut it. The first decoding always runs (it is linear in
            /// the plan).
            /// </summary>
            private bool HasBudget => _used < _budget && WorkUsed + _decodingWork + ResultWork <= _workBudget && !TimeUp();

            private bool TimeUp()
            {
                if (_clock is null) return false;
                if (!_timeUp && _clock.ElapsedTicks >= _timeLimitTicks) _timeUp = true;
                return _timeUp;
            }

            /// <summary>True when no schedule can be shorter and the priority order does not matter.</summary>
            private bool Settled(Individual best) => _engine.Objective is null && best.Makespan <= _engine.LowerBound && _engine.UniformPriority;

            // The incumbents (RcpspOptions.Incumbents): kept as given, explained without decoding their lists.
            private readonly List<Individual> _incumbents = new List<Individual>();

            public RcpspSolution Run(bool rulesOnly, IReadOnlyList<(int[] List, int[] Start, int[] Finish)>? incumbents, out int[] bestList)
            {
                var result = Run(rulesOnly, incumbents);
                bestList = _bestList!;
                return result;
            }

            private int[]? _bestList;

            private RcpspSolution Run(bool rulesOnly, IReadOnlyList<(int[] List, int[] Start, int[] Finish)>? incumbents)
            {
                var e = _engine;
                Individual? best = null;
                var population = new List<Individual>();
                foreach (var given in incumbents ?? Array.Empty<(int[], int[], int[])>())
                {
                    // Without a list, its activities in the order of their starts (a topological order).
                    var list = given.List;
                    if (list.Length != e.Count)
                    {
                        var key = new long[e.Count];
                        for (int a = 0; a < key.Length; a++) key[a] = given.Start[a];
                        list = e.TopologicalOrder(key);
                    }

                    var incumbent = e.Individual(list, given.Start, given.Finish);
                    _incumbents.Add(incumbent);
                    population.Add(incumbent);
                    if (best is null || incumbent.BetterThan(best)) best = incumbent;
                }

                if (IncumbentsOnly) return Result(best!);

                // Deterministic priority rules first: they are good starting points and cheap.
                bool explainFirst = e.Count > Engine.CachedActivities;
                foreach (var list in e.RuleLists())
                {
                    var ind = Evaluate(list, explainFirst);
                    explainFirst = false;
                    population.Add(ind);
                    if (best is null || ind.BetterThan(best)) best = ind;
                    if (!HasBudget || Settled(best)) break;
                }

                if (rulesOnly || !HasBudget || Settled(best!)) return Result(best!);

                if (SecondEngine != null && _budget - _used >= MinSplitSchedules)
                {
                    best = EvolveSplit(population, best!);
                    return Result(best);
                }

                return Result(Evolve(population, best!));
            }

            /// <summary>Where the second half of a split search decodes (null: the search is not split).</summary>
            public Func<Engine>? SecondEngine { get; set; }

            /// <summary>Cores a split search may use: it decides only whether the halves overlap in time, never the result.</summary>
            public int Threads { get; set; } = 1;

            // A split needs room for a population and a few generations on each side.
            private const int MinSplitSchedules = 2 * 3 * Population * 4;

            /// <summary>
            /// Two independent searches from the same first population, each with half of the schedules and work left and
            /// a seed of its own, the second on its own engine and thread when there is a second core (in turn
            /// otherwise); the better result wins, the first on a tie. Nothing depends on which finishes first, so a seed
            /// gives the same schedule on one core or two.
            /// </summary>
            private Individual EvolveSplit(List<Individual> population, Individual best)
            {
                int leftSchedules = _budget - _used;
                long leftWork = _workBudget - WorkUsed;
                var engine = SecondEngine!();
                // The second half shares the time limit's clock (read-only from both threads).
                var second = new Search(engine, leftSchedules / 2, leftWork / 2, null, null, unchecked((int)_random.NextUInt64()))
                {
                    _clock = _clock,
                    _timeLimitTicks = _timeLimitTicks,
                };
                _workAtSplit = WorkUsed;
                _budget -= leftSchedules / 2;
                _workBudget -= leftWork / 2;
                var secondPopulation = new List<Individual>(population);
                Individual? secondBest = null;
                Exception? failure = null;
                void RunSecond()
                {
                    try
                    {
                        secondBest = second.Evolve(secondPopulation, best);
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                }

                Individual first;
                if (Threads > 1)
                {
                    var thread = new System.Threading.Thread(RunSecond) { IsBackground = true, Name = "leveling search" };
                    thread.Start();
                    try
                    {
                        first = Evolve(population, best);
                    }
                    finally
                    {
                        thread.Join();
                    }
                }
                else
                {
                    first = Evolve(population, best);
                    RunSecond();
                }

                if (failure != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                _used += second._used;
                _otherWork += second.WorkUsed;
                _workBudget += leftWork / 2;
                return secondBest!.BetterThan(first) ? secondBest! : first;
            }

            // Work done by the second half of a split search, counted in the result's.
            private long _otherWork;

            /// <summary>Random lists to fill the population, then the genetic search; returns the best schedule.</summary>
            private Individual Evolve(List<Individual> population, Individual best)
            {
                var e = _engine;
                while (population.Count < Population && HasBudget && !Settled(best!))
                {
                    var ind = Evaluate(e.BiasedRandomList(_random));
                    population.Add(ind);
                    if (ind.BetterThan(best!)) best = ind;
                }

                var children = new List<Individual>(Population);
                int stale = 0;
                int fruitless = 0;
                int polished = 0;
                var previous = best!;
                while (HasBudget && !Settled(best!))
                {
                    bool improved = best!.BetterThan(previous);
                    // With an objective, any better score counts as progress (its makespan may even grow).
                    bool shorter = e.Objective is null ? best.Makespan < previous.Makespan : improved;
                    previous = best;
                    if (e.Objective is null && best.Makespan <= e.LowerBound)
                    {
                        // Nothing is shorter: only the priority order can still improve.
                        polished = improved ? 0 : polished + 1;
                        if (polished >= PolishFor) break;
                    }

                    if (shorter)
                    {
                        stale = 0;
                        fruitless = 0;
                    }
                    else if (++stale >= RestartAfter)
                    {
                        // Converged: restarts keep finding nothing shorter, so the rest of the budget would be spent alike.
                        if (++fruitless >= StopAfterRestarts) break;
                        // The population has converged: keep the best and sample afresh around it.
                        stale = 0;
                        population.Clear();
                        population.Add(best);
                        best = Refill(population, best);
                    }

                    Shuffle(population);
                    children.Clear();
                    for (int i = 0; i + 1 < population.Count && HasBudget && !Settled(best!); i += 2)
                    {
                        var (first, second) = e.Crossover(population[i].List, population[i + 1].List, _random);
                        Mutate(first);
                        Mutate(second);
                        var a = Evaluate(first);
                        children.Add(a);
                        if (a.BetterThan(best!)) best = a;
                        if (!HasBudget) break;
                        var b = Evaluate(second);
                        children.Add(b);
                        if (b.BetterThan(best!)) best = b;
                    }

                    // Ranking: the best of parents and children survive; ties keep the older (a stable sort). Copies of
                    // one schedule would crowd the population and stall the search, so each schedule survives once.
                    population.AddRange(children);
                    population = Distinct(StableSortByFitness(population));
                    if (population.Count > Population) population.RemoveRange(Population, population.Count - Population);
                    best = Refill(population, best!);
                }

                return best!;
            }

            /// <summary>Mutates a child: a few adjacent swaps, then <see cref="ShiftsPerChild"/> shift moves.</summary>
            private void Mutate(int[] list)
            {
                _engine.Mutate(list, _random, 0.05);
                for (int m = 0; m < ShiftsPerChild; m++) _engine.Shift(list, _random);
            }

            /// <summary>See <see cref="RcpspOptions.IncumbentsOnly"/>.</summary>
            public bool IncumbentsOnly { get; set; }

            /// <summary>See <see cref="RcpspOptions.Explain"/>.</summary>
            public bool Explain { get; set; } = true;

            /// <summary>See <see cref="RcpspOptions.LateDates"/>.</summary>
            public bool LateDates { get; set; } = true;

            /// <summary>Decodes the best list once more, recording why each activity starts when it does.</summary>
            private RcpspSolution Result(Individual best)
            {
                int n = _engine.Count;
                _bestList = best.List;
                Individual again = best;
                (int[] PrecedenceStart, int[] BlockedBy) explain;
                if (!Explain)
                {
                    // Nobody reads why: every activity starts where its precedences let it, and nothing is blocked.
                    var none = new int[n];
                    for (int a = 0; a < n; a++) none[a] = -1;
                    explain = (best.Start, none);
                }
                else if (_incumbents.Contains(best))
                {
                    explain = _engine.Explain(best);
                }
                else if (ReferenceEquals(best, _explained))
                {
                    explain = _explanation;
                }
                else
                {
                    explain = (new int[n], new int[n]);
                    again = _engine.Forward(best.List, explain);
                }

                var latest = LateDates ? _engine.Latest(again) : null;
                return new RcpspSolution(again.Start, again.Finish, _used, explain.Item1, explain.Item2, _engine.CriticalPathLength)
                {
                    Work = WorkUsed + _otherWork,
                    WorkBudget = _workBudget,
                    LateStart = latest?.Start ?? again.Start,
                    LateFinish = latest?.Finish ?? again.Finish,
                };
            }

            /// <summary>
            /// Decodes a list and justifies the schedule (two more decodings) when the budget has room for them; the
            /// justified order replaces the list. With <paramref name="explain"/>, the decoding records its explanation.
            /// </summary>
            private Individual Evaluate(int[] list, bool explain = false)
            {
                long before = _engine.Work;
                Individual forward;
                if (explain)
                {
                    int n = _engine.Count;
                    _explanation = (new int[n], new int[n]);
                    forward = _explained = _engine.Forward(list, _explanation);
                }
                else
                {
                    forward = _engine.Forward(list);
                }

                _decodingWork = _engine.Work - before;
                _used++;
                if (_used + 2 > _budget || WorkUsed + 2 * ResultWork > _workBudget)
                {
                    Report();
                    return forward;
                }

                before = _engine.Work;
                var justified = _engine.Justify(forward);
                _justifyWork = _engine.Work - before;
                _used += 2;
                Report();
                return justified != null && !forward.BetterThan(justified) ? justified : forward;
            }

            private void Report()
            {
                if (_progress is null) return;
                long done = _workAtSplit < 0 ? WorkUsed : _workAtSplit + 2 * (WorkUsed - _workAtSplit);
                _progress.Report(new StageProgress(ProgressStage.Leveling, Math.Min(done, _reportedBudget), _reportedBudget));
            }

            /// <summary>Tops the population up with sampled lists; returns the best schedule seen.</summary>
            private Individual Refill(List<Individual> population, Individual best)
            {
                while (population.Count < Population && HasBudget && !Settled(best))
                {
                    var fresh = Evaluate(_engine.BiasedRandomList(_random));
                    population.Add(fresh);
                    if (fresh.BetterThan(best)) best = fresh;
                }

                return best;
            }

            private static List<Individual> Distinct(List<Individual> sorted)
            {
                var result = new List<Individual>(sorted.Count);
                foreach (var candidate in sorted)
                {
                    bool copy = false;
                    for (int i = result.Count - 1; i >= 0 && !copy && result[i].Makespan == candidate.Makespan; i--)
                    {
                        copy = result[i].TieBreak == candidate.TieBreak && SameStarts(result[i].Start, candidate.Start);
                    }

                    if (!copy) result.Add(candidate);
                }

                return result;
            }

            private static bool SameStarts(int[] a, int[] b)
            {
                for (int i = 0; i < a.Length; i++) if (a[i] != b[i]) return false;
                return true;
            }

            private void Shuffle(List<Individual> items)
            {
                for (int i = items.Count - 1; i > 0; i--)
                {
                    int j = _random.Next(i + 1);
                    (items[i], items[j]) = (items[j], items[i]);
                }
            }

            private static List<Individual> StableSortByFitness(List<Individual> items)
            {
                var indexed = new List<(Individual Item, int Index)>(items.Count);
                for (int i = 0; i < items.Count; i++) indexed.Add((items[i], i));
                indexed.Sort((x, y) =>
                {
                    int c = x.Item.Compare(y.Item);
                    return c != 0 ? c : x.Index.CompareTo(y.Index);
                });
                var result = new List<Individual>(items.Count);
                foreach (var x in indexed) result.Add(x.Item);
                return result;
            }
        }

        /// <summary>A small, fast, seedable generator (xorshift*), the same on every runtime.</summary>
        internal sealed class Random32
        {
            private ulong _state;

            public Random32(int seed) => _state = 0x9E3779B97F4A7C15UL ^ (ulong)(uint)seed * 0xBF58476D1CE4E5B9UL | 1UL;

            public ulong NextUInt64()
            {
                _state ^= _state >> 12;
                _state ^= _state << 25;
                _state ^= _state >> 27;
                return _state * 0x2545F4914F6CDD1DUL;
            }

            /// <summary>A number in [0, max).</summary>
            public int Next(int max) => max <= 1 ? 0 : (int)((NextUInt64() >> 33) % (ulong)max);

            /// <summary>A number in [0, 1).</summary>
            public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));
        }
    }
}
