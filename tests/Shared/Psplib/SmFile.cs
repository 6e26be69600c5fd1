using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>
    /// A single-mode PSPLIB instance. Jobs are 0-based here: job k of the file is index k-1 (so the dummy source is
    /// 0 and the dummy sink is <see cref="JobCount"/>-1). Resources are 0-based too: R 1 is index 0.
    /// </summary>
    public sealed class SmInstance
    {
        public SmInstance(string name, int[] duration, int[][] successors, int[][] demand, int[] capacity)
        {
            Name = name;
            Duration = duration;
            Successors = successors;
            Demand = demand;
            Capacity = capacity;
        }

        /// <summary>The file name without extension, e.g. <c>j301_1</c>.</summary>
        public string Name { get; }

        /// <summary>Jobs including the two dummies.</summary>
        public int JobCount => Duration.Length;

        /// <summary>Renewable resources.</summary>
        public int ResourceCount => Capacity.Length;

        /// <summary>Duration of each job in periods.</summary>
        public int[] Duration { get; }

        /// <summary>For each job, its immediate successors (0-based).</summary>
        public int[][] Successors { get; }

        /// <summary>For each job, its per-period use of each renewable resource.</summary>
        public int[][] Demand { get; }

        /// <summary>Constant per-period capacity of each renewable resource.</summary>
        public int[] Capacity { get; }
    }

    /// <summary>
    /// Reads the PSPLIB single-mode <c>.sm</c> format: the header counts, <c>PRECEDENCE RELATIONS</c>,
    /// <c>REQUESTS/DURATIONS</c> and <c>RESOURCEAVAILABILITIES</c>. Fields are whitespace-separated with any spacing;
    /// anything malformed throws a <see cref="FormatException"/> naming the file and line.
    /// </summary>
    public static class SmFile
    {
        public static SmInstance Load(string path) =>
            Parse(File.ReadAllText(path), Path.GetFileNameWithoutExtension(path));

        public static SmInstance Parse(string text, string name)
        {
            var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            int jobs = -1, renewable = -1, nonrenewable = 0, doubly = 0;
            int precedenceLine = -1, requestsLine = -1, availabilityLine = -1;
            for (int i = 0; i < lines.Length; i++)
            {
                string compact = Compact(lines[i]);
                if (compact.StartsWith("PRECEDENCERELATIONS", StringComparison.OrdinalIgnoreCase)) precedenceLine = First(precedenceLine, i, "PRECEDENCE RELATIONS");
                else if (compact.StartsWith("REQUESTS/DURATIONS", StringComparison.OrdinalIgnoreCase)) requestsLine = First(requestsLine, i, "REQUESTS/DURATIONS");
                else if (compact.StartsWith("RESOURCEAVAILABILITIES", StringComparison.OrdinalIgnoreCase)) availabilityLine = First(availabilityLine, i, "RESOURCEAVAILABILITIES");
                else
                {
                    int colon = compact.IndexOf(':');
                    if (colon < 0) continue;
                    string key = compact.Substring(0, colon).ToLowerInvariant();
                    // Only the header counts matter; other key: value lines (projects, horizon, ...) are ignored.
                    if (key == "jobs(incl.supersource/sink)") jobs = HeaderCount(lines[i], i);
                    else if (key == "-renewable") renewable = HeaderCount(lines[i], i);
                    else if (key == "-nonrenewable") nonrenewable = HeaderCount(lines[i], i);
                    else if (key == "-doublyconstrained") doubly = HeaderCount(lines[i], i);
                }

                int First(int previous, int line, string section) =>
                    previous < 0 ? line : throw Error(line, "a second " + section + " section");
            }

            if (jobs < 0) throw Error(-1, "missing 'jobs (incl. supersource/sink ):' in the header");
            if (jobs < 1) throw Error(-1, "the instance has no jobs");
            if (renewable < 0) throw Error(-1, "missing '- renewable :' in the header");
            if (precedenceLine < 0) throw Error(-1, "missing PRECEDENCE RELATIONS section");
            if (requestsLine < 0) throw Error(-1, "missing REQUESTS/DURATIONS section");
            if (availabilityLine < 0) throw Error(-1, "missing RESOURCEAVAILABILITIES section");
            int columns = renewable + nonrenewable + doubly;

            var successors = new int[jobs][];
            foreach (var (line, f) in Rows(precedenceLine, jobs, "PRECEDENCE RELATIONS"))
            {
                if (f.Length < 3) throw Error(line, "expected 'jobnr #modes #successors successors...'");
                int job = JobNumber(f[0], line, successors);
                if (f[1] != 1) throw Error(line, "job " + f[0] + " has " + f[1] + " modes; only single-mode instances are supported");
                if (f[2] < 0 || f.Length != 3 + f[2]) throw Error(line, "job " + f[0] + " declares " + f[2] + " successors but lists " + (f.Length - 3));
                var list = new int[f[2]];
                for (int k = 0; k < list.Length; k++)
                {
                    int s = f[3 + k];
                    if (s < 1 || s > jobs) throw Error(line, "successor " + s + " of job " + f[0] + " is not a job (1.." + jobs + ")");
                    if (s == f[0]) throw Error(line, "job " + f[0] + " succeeds itself");
                    list[k] = s - 1;
                }

                successors[job] = list;
            }

            var duration = new int[jobs];
            var demand = new int[jobs][];
            foreach (var (line, f) in Rows(requestsLine, jobs, "REQUESTS/DURATIONS"))
            {
                if (f.Length != 3 + columns) throw Error(line, "expected 'jobnr mode duration' and " + columns + " resource requests, found " + f.Length + " fields");
                int job = JobNumber(f[0], line, demand);
                if (f[1] != 1) throw Error(line, "job " + f[0] + " uses mode " + f[1] + "; only single-mode instances are supported");
                if (f[2] < 0) throw Error(line, "job " + f[0] + " has a negative duration");
                var use = new int[renewable];
                for (int r = 0; r < renewable; r++)
                {
                    if (f[3 + r] < 0) throw Error(line, "job " + f[0] + " has a negative request of R " + (r + 1));
                    use[r] = f[3 + r];
                }

                duration[job] = f[2];
                demand[job] = use;
            }

            var capacity = new int[renewable];
            foreach (var (line, f) in Rows(availabilityLine, 1, "RESOURCEAVAILABILITIES"))
            {
                if (f.Length != columns) throw Error(line, "expected " + columns + " resource availabilities, found " + f.Length);
                for (int r = 0; r < renewable; r++)
                {
                    if (f[r] < 0) throw Error(line, "R " + (r + 1) + " has a negative capacity");
                    capacity[r] = f[r];
                }
            }

            return new SmInstance(name, duration, successors, demand, capacity);

            int JobNumber(int number, int line, Array seen)
            {
                if (number < 1 || number > jobs) throw Error(line, "job number " + number + " is outside 1.." + jobs);
                if (seen.GetValue(number - 1) != null) throw Error(line, "job " + number + " is listed twice");
                return number - 1;
            }

            // The rows of a section: header lines (text, dashes) are skipped until the first numeric line; then
            // exactly 'count' numeric lines follow, blank lines allowed, up to the '*' separator or the end.
            IEnumerable<(int Line, int[] Fields)> Rows(int section, int count, string title)
            {
                int i = section + 1;
                while (i < lines.Length && !IsSeparator(lines[i]) && !StartsWithNumber(lines[i])) i++;
                int found = 0;
                for (; i < lines.Length && !IsSeparator(lines[i]); i++)
                {
                    var tokens = lines[i].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                    if (tokens.Length == 0) continue;
                    if (!StartsWithNumber(lines[i])) throw Error(i, "unexpected text in " + title + ": '" + lines[i].Trim() + "'");
                    if (found == count) throw Error(i, title + " has more than " + count + " rows");
                    var fields = new int[tokens.Length];
                    for (int k = 0; k < tokens.Length; k++)
                    {
                        if (!int.TryParse(tokens[k], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out fields[k]))
                            throw Error(i, "'" + tokens[k] + "' is not an integer");
                    }

                    found++;
                    yield return (i, fields);
                }

                if (found < count) throw Error(i < lines.Length ? i : lines.Length - 1, title + " has " + found + " rows, expected " + count);
            }

            int HeaderCount(string text, int line)
            {
                var value = text.Substring(text.IndexOf(':') + 1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                if (value.Length == 0 || !int.TryParse(value[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                    throw Error(line, "expected a count after ':'");
                return n;
            }

            FormatException Error(int line, string message) =>
                new FormatException(line >= 0 ? name + "(" + (line + 1) + "): " + message : name + ": " + message);
        }

        private static string Compact(string line)
        {
            var chars = new List<char>(line.Length);
            foreach (char c in line) if (!char.IsWhiteSpace(c)) chars.Add(c);
            return new string(chars.ToArray());
        }

        private static bool IsSeparator(string line) => line.TrimStart().StartsWith("*", StringComparison.Ordinal);

        private static bool StartsWithNumber(string line)
        {
            string t = line.TrimStart();
            return t.Length > 0 && (char.IsDigit(t[0]) || (t[0] == '-' && t.Length > 1 && char.IsDigit(t[1])));
        }
    }
}
