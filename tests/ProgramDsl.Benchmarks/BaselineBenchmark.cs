using System;
using System.Diagnostics;
using System.Globalization;
using ProgramDsl.Baselines;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times the frozen-baseline steps on a generated plan (issue 14): capturing the schedule, writing the JSON
    /// <c>tpm baseline save</c> writes, reading it back as untrusted input, comparing a later schedule with it and
    /// earned value against it. The later plan starts a week later, so every task slips; both plans are compiled once,
    /// outside the timing.
    /// </summary>
    internal static class BaselineBenchmark
    {
        public const string Usage =
            "  baseline [N] [--runs R]      time capturing, writing, reading and comparing a frozen baseline of a generated plan of\n" +
            "                               N tasks (default 100,000), and earned value against it: wall, CPU, allocated MB; R runs (default 2)";

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int runs = Options.Int(args, "--runs", 2);
            var agreedText = PlanGenerator.Generate(n);
            // A status date a month in: earned value then has planned value to measure.
            var laterText = agreedText.Replace("  start 2027-01-04\n", "  start 2027-01-11\n  status-date 2027-02-15\n");
            var clock = Stopwatch.StartNew();
            var agreed = TpmProgram.Parse(agreedText, "program.tpm");
            var later = TpmProgram.Parse(laterText, "program.tpm");
            if (agreed.Schedule is null || later.Schedule is null || later.Model is null)
            {
                Console.Error.WriteLine("a plan has errors");
                return 1;
            }

            Console.WriteLine($"baseline: generated, {n:N0} tasks; both compiled in {clock.Elapsed.TotalSeconds:F2} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            Console.WriteLine();
            Console.WriteLine(StepTimer.Header);
            for (int run = 1; run <= runs; run++)
            {
                BaselineSnapshot? snapshot = null;
                string json = string.Empty;
                BaselineSnapshot? read = null;
                BaselineComparison? comparison = null;
                StepTimer.Time(run, "capture", () =>
                {
                    snapshot = BaselineSnapshot.Capture(agreed.Schedule, "q1");
                    return $"{snapshot.Items.Count:N0} items";
                });
                StepTimer.Time(run, "write", () =>
                {
                    json = BaselineJson.Write(snapshot!);
                    return $"{json.Length / 1e6:F1} M chars";
                });
                StepTimer.Time(run, "read", () =>
                {
                    var result = BaselineJson.Read(json, "program.baseline.q1.json");
                    read = result.Snapshot;
                    return read is null ? "unreadable" : $"{read.Items.Count:N0} items, {result.Diagnostics.Count} diagnostics";
                });
                StepTimer.Time(run, "compare", () =>
                {
                    comparison = BaselineComparison.Compare(later.Schedule, read!, "program.baseline.q1.json");
                    return $"finish slip {comparison.FinishSlipDays} working days, {comparison.Added.Count} added, {comparison.Removed.Count} removed";
                });
                StepTimer.Time(run, "earned value", () =>
                {
                    var ev = EarnedValue.Compute(later.Model, later.Schedule, comparison, ScheduleOptions.Default);
                    return ev.Report is null ? ev.Problem ?? "none" : $"PV {ev.Report.Total.Pv:N0}, BAC {ev.Report.Total.Bac:N0}";
                });
            }

            return 0;
        }
    }
}
