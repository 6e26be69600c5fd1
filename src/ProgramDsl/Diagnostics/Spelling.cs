using System;
using System.Collections.Generic;

namespace ProgramDsl.Diagnostics
{
    /// <summary>"Did you mean" suggestions by edit distance.</summary>
    public static class Spelling
    {
        /// <summary>Words longer than this get no suggestion (names are at most <see cref="InputLimits.MaxNameLength"/> long).</summary>
        public const int MaxWordLength = 4 * InputLimits.MaxNameLength;

        /// <summary>
        /// The candidate closest to <paramref name="word"/> (optimal string alignment distance, case-insensitive),
        /// or null when none is close enough: at most 1 edit for short words, about a third of the length for longer ones.
        /// Ties go to the earlier candidate, so results are deterministic. Each candidate costs time linear in its length
        /// and no allocation, so a scan of many names stays cheap.
        /// </summary>
        public static string? Closest(string word, IEnumerable<string> candidates)
        {
            // Longer words are not typed by hand; comparing them would only cost time.
            if (word.Length > MaxWordLength) return null;
            int limit = Math.Max(1, Math.Min(3, word.Length / 3));
            var rows = new Rows(word.Length);
            var lowered = word.ToLowerInvariant();
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (candidate == word) continue;
                if (Math.Abs(candidate.Length - word.Length) > limit) continue;
                int d = Banded(candidate, lowered, Math.Min(limit, bestDistance - 1), rows);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = candidate;
                }
            }

            return bestDistance <= limit ? best : null;
        }

        /// <summary>Formats a suggestion as "; did you mean 'x'?" or returns an empty string.</summary>
        public static string DidYouMean(string word, IEnumerable<string> candidates)
        {
            var closest = Closest(word, candidates);
            return closest is null ? string.Empty : "; did you mean '" + closest + "'?";
        }

        /// <summary>
        /// Edit distance with transpositions (case-insensitive); returns a value above <paramref name="cap"/>
        /// (<see cref="int.MaxValue"/>) as soon as it must exceed it. Only the diagonal band of width 2·cap + 1 is
        /// computed, so with the small caps suggestions use it takes time linear in the length of the words.
        /// </summary>
        public static int Distance(string a, string b, int cap = int.MaxValue)
        {
            if (cap < 0) return int.MaxValue;
            if (Math.Abs(a.Length - b.Length) > cap) return int.MaxValue;
            return Banded(a, b.ToLowerInvariant(), cap, new Rows(b.Length));
        }

        /// <summary>Three rows of the distance table, reused from one candidate to the next.</summary>
        private sealed class Rows
        {
            public Rows(int columns)
            {
                Before = new int[columns + 2];
                Previous = new int[columns + 2];
                Current = new int[columns + 2];
            }

            public int[] Before;
            public int[] Previous;
            public int[] Current;
        }

        private static char Lower(char c) => c < 128 ? (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c) : char.ToLowerInvariant(c);

        /// <summary>The distance of <paramref name="a"/> to the already lower-cased <paramref name="b"/> within a band of <paramref name="cap"/>.</summary>
        private static int Banded(string a, string b, int cap, Rows rows)
        {
            if (cap < 0) return int.MaxValue;
            int n = a.Length, m = b.Length;
            if (Math.Abs(n - m) > cap) return int.MaxValue;
            if (n == 0 || m == 0) return Math.Max(n, m);
            int k = Math.Min(cap, Math.Max(n, m));
            const int Far = int.MaxValue / 2;
            var prev2 = rows.Before;
            var prev = rows.Previous;
            var cur = rows.Current;
            for (int j = 0; j <= m + 1; j++) prev[j] = prev2[j] = j <= k ? j : Far;
            char aBefore = '\0';
            for (int i = 1; i <= n; i++)
            {
                // Cells outside the band (and its borders, read by the next rows) count as too far.
                int lo = Math.Max(1, i - k), hi = Math.Min(m, i + k);
                cur[lo - 1] = lo == 1 ? i : Far;
                cur[hi + 1] = Far;
                int rowMin = Far;
                char ai = Lower(a[i - 1]);
                for (int j = lo; j <= hi; j++)
                {
                    char bj = b[j - 1];
                    int cost = ai == bj ? 0 : 1;
                    int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && ai == b[j - 2] && aBefore == bj)
                    {
                        v = Math.Min(v, prev2[j - 2] + 1);
                    }

                    cur[j] = v;
                    if (v < rowMin) rowMin = v;
                }

                if (rowMin > cap) return int.MaxValue;
                var t = prev2;
                prev2 = prev;
                prev = cur;
                cur = t;
                aBefore = ai;
            }

            return prev[m] > cap ? int.MaxValue : prev[m];
        }
    }
}
