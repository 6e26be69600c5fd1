using System;
using System.Collections.Generic;
using System.Globalization;

namespace ProgramDsl.Benchmarks
{
    /// <summary>A tiny option reader: <c>--name value</c> pairs and positional arguments.</summary>
    internal static class Options
    {
        public static string? Value(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        public static int Int(string[] args, string name, int fallback) =>
            Value(args, name) is string s ? int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture) : fallback;

        public static bool Flag(string[] args, string name) => Array.IndexOf(args, name) >= 0;

        /// <summary>Arguments that are neither options nor option values; every option takes a value except the named flags.</summary>
        public static List<string> Positional(string[] args, params string[] flags)
        {
            var result = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    if (Array.IndexOf(flags, args[i]) < 0) i++;
                    continue;
                }

                result.Add(args[i]);
            }

            return result;
        }
    }
}
