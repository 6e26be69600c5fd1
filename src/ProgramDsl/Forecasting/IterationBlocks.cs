using System;
using System.Threading;
using System.Threading.Tasks;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// Runs a forecast's iterations on the thread pool in fixed blocks, each with its own random stream seeded from the
    /// seed and the block's number, so which thread ran which block changes nothing: each worker's totals are integer
    /// sums merged once it is done. The program forecast and the portfolio forecast both run this way.
    /// </summary>
    internal static class IterationBlocks
    {
        /// <summary>Iterations per block: the unit of the random streams (and so of determinism).</summary>
        public const int Size = 64;

        /// <summary>
        /// Runs <paramref name="iterations"/> iterations: <paramref name="iterate"/> with a worker of its thread, the
        /// block's random stream and the iteration's index; <paramref name="merge"/> once per worker when its thread is
        /// done (under a lock, so it may add to shared totals).
        /// </summary>
        public static void Run<TWorker>(int iterations, ForecastOptions options, Func<TWorker> newWorker, Action<TWorker, ForecastRandom, int> iterate, Action<TWorker> merge)
        {
            int blocks = (iterations + Size - 1) / Size;
            int done = 0;
            var gate = new object();
            var parallel = new ParallelOptions
            {
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism is int threads && threads > 0 ? threads : -1,
                CancellationToken = options.CancellationToken,
            };

            Parallel.For(
                0,
                blocks,
                parallel,
                newWorker,
                (block, _, worker) =>
                {
                    int first = block * Size;
                    int end = Math.Min(iterations, first + Size);
                    var random = new ForecastRandom(options.Seed, block);
                    for (int i = first; i < end; i++) iterate(worker, random, i);
                    options.Progress?.Report(Interlocked.Add(ref done, end - first));
                    return worker;
                },
                worker =>
                {
                    lock (gate) merge(worker);
                });
        }
    }
}
