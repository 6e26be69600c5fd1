using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times each artefact emitter of <c>tpm build</c> in process on one compiled plan (issue 11: the build at the input
    /// limits): wall and CPU time, bytes allocated and the size of what it writes. The plan is compiled once, outside
    /// the timing; the forecast and earned value are made once in the context, as the build does.
    /// </summary>
    internal static class EmitterBenchmark
    {
        public const string Usage =
            "  emitters [N] [--file PLAN] [--runs R] [--iterations I] [--emit KINDS] [--baseline]\n" +
            "                               time each artefact emitter on a generated plan of N tasks (default 100,000) or on\n" +
            "                               PLAN: wall, CPU, allocated MB, output MB; R runs (default 2), the forecast at I iterations (default 2000);\n" +
            "                               --baseline measures the plan against its own snapshot (every task gets a baseline bar and slip)";

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args, "--baseline");
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int runs = Options.Int(args, "--runs", 2);
            int iterations = Options.Int(args, "--iterations", 2000);
            var file = Options.Value(args, "--file");
            var emitters = ArtefactCatalog.Select(Options.Value(args, "--emit") ?? "all", out var problem);
            if (emitters is null)
            {
                Console.Error.WriteLine(problem);
                return 2;
            }

            var text = file is null ? PlanGenerator.Generate(n) : File.ReadAllText(file);
            var clock = Stopwatch.StartNew();
            var program = TpmProgram.Parse(text, file is null ? "generated.tpm" : Path.GetFileName(file));
            if (program.HasErrors || program.Schedule is null)
            {
                Console.Error.WriteLine("the plan has errors");
                return 1;
            }

            Console.WriteLine($"emitters: {(file ?? $"generated, {n:N0} tasks")}: {program.Schedule.Tasks.Count:N0} tasks; compiled in {clock.Elapsed.TotalSeconds:F2} s; " +
                              $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");
            clock.Restart();
            var context = ArtefactContext.Create(program, emitters, forecastIterations: iterations);
            Console.WriteLine($"context (earned value, forecast at {iterations:N0} iterations): {clock.Elapsed.TotalSeconds:F2} s");
            if (Options.Flag(args, "--baseline"))
            {
                clock.Restart();
                var snapshot = ProgramDsl.Baselines.BaselineSnapshot.Capture(program.Schedule, "self");
                context = context.WithBaseline(ProgramDsl.Baselines.BaselineComparison.Compare(program.Schedule, snapshot, "self.baseline.json"));
                Console.WriteLine($"baseline (capture and compare with its own snapshot): {clock.Elapsed.TotalSeconds:F2} s");
            }

            Console.WriteLine();
            Console.WriteLine("| run | emitter | wall s | CPU s | allocated MB | output MB (UTF-8) |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: | ---: |");
            for (int run = 1; run <= runs; run++)
            {
                foreach (var emitter in emitters)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    clock.Restart();
                    long bytes = 0;
                    foreach (var artefact in emitter.Emit(context))
                    {
                        var counter = new CountingStream();
                        artefact.WriteTo(counter);
                        bytes += counter.Length;
                    }

                    double wall = clock.Elapsed.TotalSeconds;
                    double cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
                    long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    Console.WriteLine($"| {run} | {emitter.Kind} | {wall:F2} | {cpuSeconds:F2} | {allocated / 1e6:F0} | {bytes / 1e6:F1} |");
                }
            }

            return 0;
        }

        /// <summary>A stream that only counts what is written to it.</summary>
        private sealed class CountingStream : Stream
        {
            private long _length;

            public override bool CanRead => false;

            public override bool CanSeek => false;

            public override bool CanWrite => true;

            public override long Length => _length;

            public override long Position { get => _length; set => throw new NotSupportedException(); }

            public override void Flush() { }

            public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => _length += count;

            public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        }
    }
}
