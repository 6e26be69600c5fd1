using System;
using System.Collections.Generic;

namespace ProgramDsl.Diagnostics
{
    /// <summary>"Did you mean" suggestions by edit distance.</summary>
    public static class Spelling
    {
        /// <summary>
        /// The candidate closest to <paramref name="word"/> (optimal string alignment distance, case-insensitive),
        /// or null when none is close enough: at most 1 edit for short words, about a third of the length for longer ones.
        /// Ties go to the earlier candidate, so results are deterministic.
        /// </summary>
        public static string? Closest(string word, IEnumerable<string> candidates)
        {
            int limit = Math.Max(1, Math.Min(3, word.Length / 3));
            string? best = null;
            int bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (candidate == word) continue;
                if (Math.Abs(candidate.Length - word.Length) > limit) continue;
                int d = Distance(word, candidate, Math.Min(limit, bestDistance - 1));
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

        /// <summary>Edit distance with transpositions; returns a value above <paramref name="cap"/> as soon as it exceeds it.</summary>
        public static int Distance(string a, string b, int cap = int.MaxValue)
        {
            if (cap < 0) return int.MaxValue;
            int n = a.Length, m = b.Length;
            var prev2 = new int[m + 1];
            var prev = new int[m + 1];
            var cur = new int[m + 1];
            for (int j = 0; j <= m; j++) prev[j] = j;
            for (int i = 1; i <= n; i++)
            {
                cur[0] = i;
                int rowMin = cur[0];
                char ai = char.ToLowerInvariant(a[i - 1]);
                for (int j = 1; j <= m; j++)
                {
                    char bj = char.ToLowerInvariant(b[j - 1]);
                    int cost = ai == bj ? 0 : 1;
                    int v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                    if (i > 1 && j > 1 && ai == char.ToLowerInvariant(b[j - 2]) && char.ToLowerInvariant(a[i - 2]) == bj)
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
            }

            return prev[m];
        }
    }
}
