using System;
using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>
    /// Generates single-mode instances the way ProGen (Kolisch, Sprecher and Drexl, 1995) defines them, for a held-out
    /// 120-activity set like PSPLIB's J120 without its files: 4 renewable resources, durations and requests uniform on
    /// 1..10, three start and three finish activities, at most three successors and predecessors per activity, and the
    /// three published parameters:
    /// <list type="bullet">
    /// <item>network complexity NC: non-redundant arcs per node, the dummy source and sink and their arcs included;</item>
    /// <item>resource factor RF: the mean share of the resources an activity requests (here every activity requests
    /// exactly RF × 4 of them);</item>
    /// <item>resource strength RS: capacity = r_min + round(RS × (r_max − r_min)), where r_min is the largest single
    /// request and r_max the peak use of the earliest-start schedule.</item>
    /// </list>
    /// The full design is NC ∈ {1.5, 1.8, 2.1} × RF ∈ {0.25, 0.5, 0.75, 1} × RS ∈ {0.1, …, 0.5} × 10 instances = 600,
    /// the same for a seed on every machine.
    /// </summary>
    internal static class ProGenerator
    {
        public const int Activities = 120;
        public const int Resources = 4;
        private const int StartActivities = 3;
        private const int FinishActivities = 3;
        private const int MaxArcs = 3;

        public static readonly double[] NetworkComplexity = { 1.5, 1.8, 2.1 };
        public static readonly double[] ResourceFactor = { 0.25, 0.5, 0.75, 1.0 };
        public static readonly double[] ResourceStrength = { 0.1, 0.2, 0.3, 0.4, 0.5 };

        /// <summary>Names of the whole design, in the order <see cref="Generate(string, int)"/> understands them: <c>g120_C_F_S_i</c>.</summary>
        public static IReadOnlyList<string> Names(int perCombination = 10)
        {
            var names = new List<string>();
            for (int c = 0; c < NetworkComplexity.Length; c++)
                for (int f = 0; f < ResourceFactor.Length; f++)
                    for (int s = 0; s < ResourceStrength.Length; s++)
                        for (int i = 0; i < perCombination; i++)
                            names.Add("g120_" + (c + 1) + "_" + (f + 1) + "_" + (s + 1) + "_" + (i + 1));
            return names;
        }

        /// <summary>The instance of a name from <see cref="Names"/>, generated from the seed and the name alone.</summary>
        public static SmInstance Generate(string name, int seed)
        {
            var part = name.Split('_');
            int c = int.Parse(part[1], CultureInfo.InvariantCulture) - 1;
            int f = int.Parse(part[2], CultureInfo.InvariantCulture) - 1;
            int s = int.Parse(part[3], CultureInfo.InvariantCulture) - 1;
            int i = int.Parse(part[4], CultureInfo.InvariantCulture) - 1;
            int instanceSeed = unchecked(seed * 1_000_003 + ((c * 4 + f) * 5 + s) * 1000 + i);
            return Generate(name, NetworkComplexity[c], ResourceFactor[f], ResourceStrength[s], instanceSeed);
        }

        public static SmInstance Generate(string name, double nc, double rf, double rs, int seed)
        {
            var random = new RcpspSolver.Random32(seed);
            int n = Activities;
            int jobs = n + 2;
            var succ = new List<int>[jobs];
            var pred = new List<int>[jobs];
            for (int j = 0; j < jobs; j++)
            {
                succ[j] = new List<int>();
                pred[j] = new List<int>();
            }

            // Activities 1..n are numbered so arcs go forward; 1..3 start (no predecessor but the source), n-2..n finish.
            var reach = new ulong[jobs][];
            for (int j = 0; j < jobs; j++) reach[j] = new ulong[(jobs + 63) / 64];
            bool Reaches(int from, int to) => (reach[from][to >> 6] & (1UL << (to & 63))) != 0;

            bool TryAdd(int i, int j)
            {
                if (i >= j || succ[i].Count >= MaxArcs || pred[j].Count >= MaxArcs || Reaches(i, j)) return false;
                // Non-redundant: no existing arc (h, k) with h reaching i (or h = i) and j reaching k (or k = j).
                for (int h = 1; h <= i; h++)
                {
                    if (h != i && !Reaches(h, i)) continue;
                    foreach (int k in succ[h])
                    {
                        if (k == j || Reaches(j, k)) return false;
                    }
                }

                succ[i].Add(j);
                pred[j].Add(i);
                // Everything reaching i (and i) now reaches j and what j reaches.
                for (int h = 1; h <= i; h++)
                {
                    if (h != i && !Reaches(h, i)) continue;
                    var row = reach[h];
                    row[j >> 6] |= 1UL << (j & 63);
                    var add = reach[j];
                    for (int w = 0; w < row.Length; w++) row[w] |= add[w];
                }

                return true;
            }

            int firstNonStart = StartActivities + 1;
            int lastNonFinish = n - FinishActivities;
            // Every non-start activity gets a predecessor among the earlier non-finish ones.
            for (int j = firstNonStart; j <= n; j++)
            {
                for (int attempt = 0; attempt < 1000; attempt++)
                {
                    int i = 1 + random.Next(Math.Min(j - 1, lastNonFinish));
                    if (TryAdd(i, j)) break;
                }
            }

            // Every non-finish activity without a successor gets one among the later non-start ones.
            for (int i = lastNonFinish; i >= 1; i--)
            {
                if (succ[i].Count > 0) continue;
                int low = Math.Max(i + 1, firstNonStart);
                for (int attempt = 0; attempt < 1000 && succ[i].Count == 0; attempt++)
                {
                    TryAdd(i, low + random.Next(n - low + 1));
                }
            }

            // More arcs until the complexity is reached: dummy arcs count (one per start and per finish activity).
            int Dummies()
            {
                int d = 0;
                for (int a = 1; a <= n; a++)
                {
                    if (pred[a].Count == 0) d++;
                    if (succ[a].Count == 0) d++;
                }

                return d;
            }

            int arcs = 0;
            for (int a = 1; a <= n; a++) arcs += succ[a].Count;
            int target = (int)Math.Round(nc * jobs, MidpointRounding.AwayFromZero);
            for (int attempt = 0; attempt < 200_000 && arcs + Dummies() < target; attempt++)
            {
                int i = 1 + random.Next(lastNonFinish);
                int j = Math.Max(i + 1, firstNonStart) + random.Next(n - Math.Max(i + 1, firstNonStart) + 1);
                if (TryAdd(i, j)) arcs++;
            }

            var successors = new int[jobs][];
            successors[0] = Array.Empty<int>();
            var startList = new List<int>();
            for (int a = 1; a <= n; a++) if (pred[a].Count == 0) startList.Add(a);
            successors[0] = startList.ToArray();
            for (int a = 1; a <= n; a++)
            {
                var list = new List<int>(succ[a]);
                if (list.Count == 0) list.Add(n + 1);
                list.Sort();
                successors[a] = list.ToArray();
            }

            successors[n + 1] = Array.Empty<int>();

            var duration = new int[jobs];
            var demand = new int[jobs][];
            demand[0] = new int[Resources];
            demand[n + 1] = new int[Resources];
            int used = Math.Max(1, (int)Math.Round(rf * Resources, MidpointRounding.AwayFromZero));
            var order = new int[Resources];
            for (int a = 1; a <= n; a++)
            {
                duration[a] = 1 + random.Next(10);
                demand[a] = new int[Resources];
                for (int k = 0; k < Resources; k++) order[k] = k;
                for (int k = Resources - 1; k > 0; k--)
                {
                    int m = random.Next(k + 1);
                    (order[k], order[m]) = (order[m], order[k]);
                }

                for (int k = 0; k < used; k++) demand[a][order[k]] = 1 + random.Next(10);
            }

            // Resource strength against the earliest-start schedule (activities are numbered topologically).
            var es = new int[jobs];
            for (int a = 0; a < jobs; a++)
                foreach (int b in successors[a]) es[b] = Math.Max(es[b], es[a] + duration[a]);
            int horizon = es[n + 1];
            var capacity = new int[Resources];
            for (int k = 0; k < Resources; k++)
            {
                int rmin = 0;
                var use = new int[horizon + 1];
                for (int a = 1; a <= n; a++)
                {
                    rmin = Math.Max(rmin, demand[a][k]);
                    for (int t = es[a]; t < es[a] + duration[a]; t++) use[t] += demand[a][k];
                }

                int rmax = 0;
                foreach (int u in use) rmax = Math.Max(rmax, u);
                capacity[k] = rmin + (int)Math.Round(rs * (rmax - rmin), MidpointRounding.AwayFromZero);
            }

            return new SmInstance(name, duration, successors, demand, capacity);
        }
    }
}
