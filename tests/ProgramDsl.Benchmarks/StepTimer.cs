using System;
using System.Diagnostics;

namespace ProgramDsl.Benchmarks
{
    /// <summary>One row of a "| run | step | wall s | CPU s | allocated MB | result |" table: a step timed after a full collection.</summary>
    internal static class StepTimer
    {
        public const string Header = "| run | step | wall s | CPU s | allocated MB | result |\n| ---: | --- | ---: | ---: | ---: | --- |";

        /// <summary>Runs <paramref name="action"/> and prints its row; the action's text is the result column.</summary>
        public static void Time(int run, string step, Func<string> action)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = action();
            double wall = clock.Elapsed.TotalSeconds;
            double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Console.WriteLine($"| {run} | {step} | {wall:F2} | {cpuSeconds:F2} | {allocated / 1e6:F0} | {result} |");
        }
    }
}
