using System;
using System.Diagnostics;
using System.Linq;
using CsCheck;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Tests.Diagnostics;

/// <summary>"Did you mean": the banded edit distance agrees with the full one and takes linear time.</summary>
public class SpellingTests
{
    /// <summary>The textbook optimal-string-alignment distance, for comparison.</summary>
    private static int Reference(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }

    [Fact]
    public void The_banded_distance_is_the_full_distance_when_within_the_cap_and_above_the_cap_otherwise()
    {
        var word = Gen.String[Gen.Char["abcAB"], 0, 9];
        Gen.Select(word, word, Gen.Int[0, 4]).Sample((a, b, cap) =>
        {
            int full = Reference(a, b);
            int banded = Spelling.Distance(a, b, cap);
            return full <= cap ? banded == full : banded > cap;
        }, iter: 20_000);
        Gen.Select(word, word).Sample((a, b) => Spelling.Distance(a, b) == Reference(a, b), iter: 5_000);
    }

    [Fact]
    public void Known_distances()
    {
        Spelling.Distance("effort", "efort", 3).Should().Be(1);
        Spelling.Distance("effrot", "effort", 3).Should().Be(1);
        Spelling.Distance("Effort", "effort", 0).Should().Be(0);
        Spelling.Distance("kitten", "sitting").Should().Be(3);
        Spelling.Distance("kitten", "sitting", 2).Should().Be(int.MaxValue);
        Spelling.Distance("", "abc", 3).Should().Be(3);
        Spelling.Distance("abcd", "a", 2).Should().Be(int.MaxValue);
    }

    [Fact]
    public void A_50000_character_word_with_one_typo_is_compared_in_linear_time()
    {
        // The quadratic distance took 27 s on this; the band makes it a few hundred thousand steps.
        var a = new string('x', 25_000) + "a" + new string('y', 24_999);
        var b = new string('x', 25_000) + "b" + new string('y', 24_999);
        var watch = Stopwatch.StartNew();
        Spelling.Distance(a, b, 3).Should().Be(1);
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "a guard against a quadratic walk, not a benchmark");
    }

    [Fact]
    public void Words_past_the_cap_get_no_suggestion()
    {
        var word = new string('x', Spelling.MaxWordLength + 1);
        Spelling.Closest(word, new[] { word + "y" }).Should().BeNull();
        Spelling.Closest("efort", new[] { "effort", "estimate" }).Should().Be("effort");
    }
}
