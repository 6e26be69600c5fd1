using System;
using System.Collections.Generic;
using System.IO;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// The most expensive plans that stay within <see cref="InputLimits"/> (250,000 declarations, 3,000,000 tokens),
    /// and two past them: what a hostile pull request can make <c>tpm check</c> do (<c>cli --limits</c>).
    /// </summary>
    internal static class LimitPlans
    {
        public static IReadOnlyList<(string Label, int Tasks, Action<TextWriter> Write)> All { get; } = new List<(string, int, Action<TextWriter>)>
        {
            ("tasks: 249,999 one-day tasks", 249_999, w => Program(w, string.Empty, 249_999, i => "task t" + i + " { duration 1d }")),
            ("dependencies: 120,000 tasks after the 19 before", 120_000, w => Program(w, string.Empty, 120_000, i => "task t" + i + " { duration 1d" + After(i, 19) + " }")),
            ("leveling: 249,996 effort tasks on 2 people", 249_996, w => Program(w, "person a \"A\" { }\nperson b \"B\" { }\n", 249_996, i => "task t" + i + " { effort " + (1 + i % 5) + "d  assign " + (i % 2 == 0 ? "b" : "a") + " }")),
            ("holidays: 1,490,000 holiday lines", 0, w => Program(w, string.Empty, 1_490_000, i => "holiday " + (2028 + i % 7000 / 365) + "-" + (1 + i % 12).ToString("00") + "-" + (1 + i % 28).ToString("00"))),
            ("errors: one task with 1,490,000 durations", 1, w => Program(w, "task a {\n", 1_490_000, _ => "duration 1d", "}\n")),
            ("past the declaration limit: 260,000 tasks", 260_000, w => Program(w, string.Empty, 260_000, i => "task t" + i + " { duration 1d }")),
            ("past the token limit: 3,100 tasks after 999 names", 3_101, w => Program(w, "task a { duration 1d }\n", 3_100, i => "task b" + i + " { duration 1d  after a" + new System.Text.StringBuilder().Insert(0, ", a", 998) + " }")),
        };

        private static string After(int i, int count)
        {
            if (i == 0) return string.Empty;
            var sb = new System.Text.StringBuilder("  after ");
            for (int j = Math.Max(0, i - count); j < i; j++) sb.Append(j == Math.Max(0, i - count) ? "t" : ", t").Append(j);
            return sb.ToString();
        }

        private static void Program(TextWriter w, string head, int lines, Func<int, string> line, string tail = "")
        {
            w.Write("program p \"P\" {\n  start 2027-01-04\n");
            w.Write(head);
            for (int i = 0; i < lines; i++) w.Write(line(i) + "\n");
            w.Write(tail);
            w.Write("}\n");
        }
    }
}
