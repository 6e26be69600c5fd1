using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.MspdiCorpus;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Agreement of <c>tpm import</c> + a default schedule with the dates MS Project stored, over an MSPDI corpus
    /// (tests/Shared/Mspdi: <c>expected.tsv</c> and <c>files/</c>), measured by <see cref="MspdiAgreement"/>, the class the
    /// corpus test uses. Prints per-file and total figures, refused files and the disagreements by cause.
    /// </summary>
    internal static class MspdiBenchmark
    {
        public const string Usage =
            "  mspdi [DIR] [--totals] [--tasks] [--floor FILE]\n" +
            "                               import and schedule every MSPDI file of the corpus DIR (default tests/Shared/Mspdi) and\n" +
            "                               print how many task starts and finishes agree with MS Project's, per file, per source,\n" +
            "                               real and synthetic, the refused files and the causes of disagreement (--totals: no\n" +
            "                               per-file lines; --tasks: also every disagreeing task); --floor FILE writes the per-file\n" +
            "                               figures the corpus test requires";

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args, "--totals", "--tasks");
            var dir = positional.Count > 0 ? positional[0] : Path.Combine("tests", "Shared", "Mspdi");
            if (!File.Exists(Path.Combine(dir, "expected.tsv")))
            {
                Console.Error.WriteLine("no expected.tsv in '" + dir + "' (the corpus folder: tests/Shared/Mspdi)");
                return 2;
            }

            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var files = MspdiAgreement.MeasureCorpus(dir);
            clock.Stop();
            process.Refresh();
            var cpuUsed = process.TotalProcessorTime - cpu;
            MspdiAgreement.WriteReport(Console.Out, files, perFile: !Options.Flag(args, "--totals"));
            if (Options.Flag(args, "--tasks"))
            {
                Console.WriteLine();
                Console.WriteLine("disagreeing tasks (file, UID, MS Project's days, the plan's days, cause, name):");
                MspdiAgreement.WriteDisagreements(Console.Out, files);
            }

            Console.WriteLine();
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} files, {1:N0} bytes, measured in {2:F2} s wall, {3:F2} s CPU ({4} cores, .NET {5})",
                files.Count, files.Sum(f => new FileInfo(Path.Combine(dir, "files", f.File)).Length), clock.Elapsed.TotalSeconds, cpuUsed.TotalSeconds, Environment.ProcessorCount, Environment.Version));

            if (Options.Value(args, "--floor") is string floor)
            {
                File.WriteAllText(floor, MspdiAgreement.FloorText(files), new UTF8Encoding(false));
                Console.WriteLine("wrote " + floor);
            }

            return 0;
        }
    }
}
