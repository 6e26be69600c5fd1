using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>A best-known lower and upper bound on an instance's makespan (equal when the optimum is known).</summary>
    public readonly record struct PsplibReference(int LowerBound, int UpperBound)
    {
        public bool IsClosed => LowerBound == UpperBound;
    }

    /// <summary>Finds the PSPLIB folder and reads its instances and reference values.</summary>
    public static class PsplibData
    {
        /// <summary>The folder, relative to an ancestor of the repository, that holds <c>j30/</c>, <c>j60/</c> and the references.</summary>
        public static readonly string RelativeFolder = Path.Combine("shared", "benchmarks", "psplib");

        /// <summary>
        /// The PSPLIB folder: <paramref name="explicitPath"/> when given, else the PSPLIB_DATA environment variable,
        /// else <c>shared/benchmarks/psplib</c> under the nearest ancestor of the current directory, the assembly's
        /// folder or this source file's folder that has one (the repository sits next to <c>shared</c>). Null when
        /// not found.
        /// </summary>
        public static string? Locate(string? explicitPath = null)
        {
            if (!string.IsNullOrEmpty(explicitPath)) return Directory.Exists(explicitPath) ? Path.GetFullPath(explicitPath) : null;
            var fromEnvironment = Environment.GetEnvironmentVariable("PSPLIB_DATA");
            if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
            // The source file's folder covers builds with --artifacts-path outside the tree, run from anywhere.
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, Path.GetDirectoryName(ThisFile()) })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    var candidate = Path.Combine(dir.FullName, RelativeFolder);
                    if (Directory.Exists(candidate)) return candidate;
                }
            }

            return null;
        }

        private static string ThisFile([CallerFilePath] string path = "") => path;

        /// <summary>The instance files of a set (<c>j30</c>, <c>j60</c>) in natural order: j301_1, j301_2, …, j3048_10.</summary>
        public static IReadOnlyList<string> InstanceFiles(string root, string set)
        {
            var folder = Path.Combine(root, set);
            if (!Directory.Exists(folder)) throw new DirectoryNotFoundException("no folder " + folder);
            return Directory.GetFiles(folder, "*.sm").OrderBy(Path.GetFileNameWithoutExtension, NaturalComparer.Instance).ToArray();
        }

        /// <summary>Reads <c>SET-reference.tsv</c>: instance, lower_bound, upper_bound, source.</summary>
        public static IReadOnlyDictionary<string, PsplibReference> References(string root, string set) =>
            ParseReferences(File.ReadAllText(Path.Combine(root, set + "-reference.tsv")), set + "-reference.tsv");

        public static IReadOnlyDictionary<string, PsplibReference> ParseReferences(string text, string name)
        {
            var result = new Dictionary<string, PsplibReference>(StringComparer.Ordinal);
            var lines = text.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0) continue;
                var f = lines[i].Split('\t');
                if (i == 0 && f[0].Trim() == "instance") continue;
                if (f.Length < 3
                    || !int.TryParse(f[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int lower)
                    || !int.TryParse(f[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int upper)
                    || lower > upper)
                {
                    throw new FormatException(name + "(" + (i + 1) + "): expected 'instance<TAB>lower_bound<TAB>upper_bound' with lower ≤ upper");
                }

                if (result.ContainsKey(f[0].Trim())) throw new FormatException(name + "(" + (i + 1) + "): " + f[0].Trim() + " is listed twice");
                result.Add(f[0].Trim(), new PsplibReference(lower, upper));
            }

            return result;
        }

        /// <summary>Orders digit runs by value so j309_1 comes before j3010_1 and j301_2 before j301_10.</summary>
        private sealed class NaturalComparer : IComparer<string?>
        {
            public static readonly NaturalComparer Instance = new NaturalComparer();

            public int Compare(string? x, string? y)
            {
                x ??= string.Empty;
                y ??= string.Empty;
                int i = 0, j = 0;
                while (i < x.Length && j < y.Length)
                {
                    if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
                    {
                        int si = i, sj = j;
                        while (i < x.Length && char.IsDigit(x[i])) i++;
                        while (j < y.Length && char.IsDigit(y[j])) j++;
                        var a = x.Substring(si, i - si).TrimStart('0');
                        var b = y.Substring(sj, j - sj).TrimStart('0');
                        int c = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                        if (c != 0) return c;
                    }
                    else
                    {
                        if (x[i] != y[j]) return x[i].CompareTo(y[j]);
                        i++;
                        j++;
                    }
                }

                return (x.Length - i).CompareTo(y.Length - j);
            }
        }
    }
}
