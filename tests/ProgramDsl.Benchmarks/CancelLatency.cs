using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// <c>cancel [N] [--step MS] [--until MS] [--forecast ITERATIONS]</c>: how long a cancelled compile (or forecast) of a
    /// generated N-task plan takes to stop. The token is cancelled at 0, STEP, 2·STEP, … ms into the run until UNTIL (or
    /// until a run ends before its cancel); for each, the time from Cancel() to the OperationCanceledException and the
    /// method it was thrown from. A stage with a long loop that never looks at the token shows up as a large latency.
    /// </summary>
    internal static class CancelLatency
    {
        public static int Run(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int step = Options.Int(args, "--step", 100);
            int until = Options.Int(args, "--until", 60_000);
            int forecastIterations = Options.Int(args, "--forecast", 0);
            var text = PlanGenerator.Generate(n);
            Console.WriteLine($"cancel: N = {n:N0} tasks, {(forecastIterations > 0 ? "forecast of " + forecastIterations + " iterations" : "compile")}, cancelled every {step} ms");

            Schedule? schedule = null;
            if (forecastIterations > 0)
            {
                schedule = TpmProgram.Parse(text, "synth.tpm").Schedule ?? throw new InvalidOperationException("the plan has no schedule");
            }

            Console.WriteLine("| cancel at ms | latency ms | thrown from |");
            Console.WriteLine("| ---: | ---: | --- |");
            double worst = 0;
            for (int at = 0; at <= until; at += step)
            {
                using var cts = new CancellationTokenSource();
                long cancelledAt = 0, thrownAt = 0;
                string where = "(finished before the cancel)";
                var run = new Thread(() =>
                {
                    try
                    {
                        if (schedule != null) MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = forecastIterations, CancellationToken = cts.Token });
                        else TpmProgram.Parse(text, "synth.tpm", cancellationToken: cts.Token);
                    }
                    catch (OperationCanceledException ex)
                    {
                        thrownAt = Stopwatch.GetTimestamp();
                        where = ThrownFrom(ex);
                    }
                }, 64 << 20);
                run.Start();
                if (!run.Join(at))
                {
                    cancelledAt = Stopwatch.GetTimestamp();
                    cts.Cancel();
                }

                run.Join();
                if (thrownAt == 0)
                {
                    Console.WriteLine($"| {at} | - | {where} |");
                    break;
                }

                double ms = (thrownAt - cancelledAt) * 1000.0 / Stopwatch.Frequency;
                worst = Math.Max(worst, ms);
                Console.WriteLine($"| {at} | {ms:F1} | {where} |");
            }

            Console.WriteLine($"worst latency: {worst:F1} ms");
            return 0;
        }

        // The first frame of the compiler (not of the runtime's cancellation or parallel code) on the exception's stack.
        private static string ThrownFrom(Exception ex)
        {
            var frames = new StackTrace(ex, false).GetFrames() ?? Array.Empty<StackFrame>();
            var own = frames.Select(f => f.GetMethod()).FirstOrDefault(m => m?.DeclaringType?.Namespace?.StartsWith("ProgramDsl", StringComparison.Ordinal) == true);
            return own is null ? ex.GetType().Name : own.DeclaringType!.Name + "." + own.Name;
        }
    }
}
