using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// The real executable killed with SIGKILL while <c>tpm build</c> writes: the program's folder holds one complete set
    /// (the one before or the one being written), and the next run removes what the killed one left.
    /// </summary>
    public class BuildKillTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _log;

        public BuildKillTests(Xunit.Abstractions.ITestOutputHelper log) => _log = log;

        private const int Versions = 4;

        /// <summary>600 tasks in chains: megabytes of artefacts, each file flushed to disk before the swap, so a kill lands mid-set.</summary>
        private static string Plan(int version)
        {
            var text = new StringBuilder("program big \"Big, version " + version + "\" {\n  start 2027-01-04\n");
            for (int w = 0; w < 6; w++)
            {
                text.Append("  workstream w").Append(w).Append(" {\n");
                for (int t = 0; t < 100; t++)
                {
                    text.Append("    task t").Append(t).Append(" \"Task ").Append(w).Append('-').Append(t).Append(" v").Append(version)
                        .Append("\" { duration ").Append(1 + (t + version) % 5).Append('d').Append(t > 0 ? " after t" + (t - 1) : string.Empty).Append(" }\n");
                }

                text.Append("  }\n");
            }

            return text.Append("}\n").ToString();
        }

        private static Dictionary<string, byte[]> Snapshot(string folder) =>
            Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);

        private static bool Same(Dictionary<string, byte[]> a, Dictionary<string, byte[]> b) =>
            a.Count == b.Count && a.All(kv => b.TryGetValue(kv.Key, out var other) && kv.Value.AsSpan().SequenceEqual(other));

        [Fact]
        public void A_build_killed_at_any_point_leaves_the_old_set_or_the_new_one_and_the_next_run_cleans_up()
        {
            using var temp = new TempFolder();
            var expected = new List<Dictionary<string, byte[]>>();
            for (int v = 0; v < Versions; v++)
            {
                temp.Write("ref" + v + "/plan.tpm", Plan(v));
                Tpm.Run(Path.Combine(temp.Path, "ref" + v), "build", "plan.tpm", "-o", "out", "--iterations", "0", "-q").ExitCode.Should().Be(0);
                expected.Add(Snapshot(Path.Combine(temp.Path, "ref" + v, "out", "big")));
            }

            temp.Write("plan.tpm", Plan(0));
            Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0", "-q").ExitCode.Should().Be(0);
            var output = Path.Combine(temp.Path, "out");
            var current = 0;

            // Kill when the staging folder appears, when it holds a few files, and when it holds most of them.
            var killPoints = new[] { 0, 3, 7 };
            for (int v = 1; v < Versions; v++)
            {
                temp.Write("plan.tpm", Plan(v));
                using var process = TpmProcess.Start(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0", "-q");
                var clock = Stopwatch.StartNew();
                while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(30))
                {
                    var staging = Directory.GetDirectories(output, ".big.tpm-staging-*");
                    if (staging.Length > 0 && SafeCount(staging[0]) >= killPoints[v - 1]) break;
                    Thread.Sleep(1);
                }

                if (!process.HasExited) process.Kill();
                process.WaitForExit();

                var now = Snapshot(Path.Combine(output, "big"));
                var left = Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Where(n => n != "big").ToList();
                _log.WriteLine($"version {v}: exit {process.ExitCode} after {clock.ElapsedMilliseconds} ms; new set in place: {Same(now, expected[v])}; left beside it: {string.Join(", ", left)}");
                if (Same(now, expected[v])) current = v;
                else Same(now, expected[current]).Should().BeTrue($"after the kill at {killPoints[v - 1]} files the folder holds version {current} or {v}, complete");
                Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Where(n => n != "big")
                    .Should().OnlyContain(n => n!.StartsWith(".big.tpm-staging-", StringComparison.Ordinal) || n.StartsWith(".big.tpm-old-", StringComparison.Ordinal),
                        "only tpm's own side folders may be left");
            }

            var last = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--iterations", "0", "-q");

            last.ExitCode.Should().Be(0, last.ToString());
            Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Should().Equal(new[] { "big" }, "the next run removes what killed runs left");
            Same(Snapshot(Path.Combine(output, "big")), expected[Versions - 1]).Should().BeTrue();
        }

        private static int SafeCount(string folder)
        {
            try
            {
                return Directory.GetFiles(folder).Length;
            }
            catch (IOException)
            {
                return 0; // swapped in or removed meanwhile
            }
        }
    }
}
