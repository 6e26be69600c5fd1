using System;
using System.Diagnostics;
using System.Globalization;
using ProgramDsl.Comparison;
using ProgramDsl.Reports.Diff;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times <c>PlanDiffer.Compare</c> and the three diff formatters on two versions of a generated plan (issue 14): the
    /// second starts a week later and re-estimates every task of effort 3d to 4d, so nearly every task moves and the
    /// lists are long. Both plans are compiled once, outside the timing.
    /// </summary>
    internal static class DiffBenchmark
    {
        public const string Usage =
            "  diff [N] [--runs R]          time PlanDiffer.Compare and the text, Markdown and JSON diffs of two versions of a\n" +
            "                               generated plan of N tasks (default 100,000): wall, CPU, allocated MB; R runs (default 2)";

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int runs = Options.Int(args, "--runs", 2);
            var oldText = PlanGenerator.Generate(n);
            var newText = oldText.Replace("  start 2027-01-04\n", "  start 2027-01-11\n").Replace("effort 3d", "effort 4d");
            var clock = Stopwatch.StartNew();
            var old = TpmProgram.Parse(oldText, "old.tpm");
            var @new = TpmProgram.Parse(newText, "new.tpm");
            if (old.Schedule is null || @new.Schedule is null)
            {
                Console.Error.WriteLine("a plan has errors");
                return 1;
            }

            Console.WriteLine($"diff: generated, {n:N0} tasks; both compiled in {clock.Elapsed.TotalSeconds:F2} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine(StepTimer.Header);
            for (int run = 1; run <= runs; run++)
            {
                PlanDiff? diff = null;
                StepTimer.Time(run, "compare", () =>
                {
                    diff = PlanDiffer.Compare(old, @new);
                    return $"{diff.TasksMoved.Count:N0} moved, {diff.Reestimated.Count:N0} re-estimated, {diff.DiagnosticsIntroduced.Count:N0} diagnostics new";
                });
                StepTimer.Time(run, "text", () => $"{DiffText.Write(diff!).Length / 1e6:F1} M chars");
                StepTimer.Time(run, "markdown", () => $"{DiffMarkdown.Write(diff!).Length / 1e6:F2} M chars");
                StepTimer.Time(run, "json", () => $"{DiffJson.Write(diff!).Length / 1e6:F1} M chars");
            }

            return 0;
        }
    }
}
