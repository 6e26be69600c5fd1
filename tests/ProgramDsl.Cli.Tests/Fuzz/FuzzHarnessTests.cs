using System;
using System.IO;
using System.Linq;
using Xunit.Abstractions;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// The fuzz run: each category runs a fixed seed range through <c>tpm</c> in-process (see <see cref="FuzzRunner"/>
    /// for what is checked on every input) and fails on any failure the allow-list (<see cref="KnownFailures"/>) does
    /// not name. In CI the seed ranges are sized to about 10 s per category on a quiet 2-core machine.
    ///
    /// The long run is the same tests with a time budget:
    /// <c>TPM_FUZZ_SECONDS=1800 dotnet test tests/ProgramDsl.Cli.Tests -c Release --filter Category=Fuzz --logger "console;verbosity=detailed"</c>
    /// splits 1800 s over the four categories, starts at seed <c>TPM_FUZZ_SEED</c> (default 1,000,000, past the CI range),
    /// scales the generated plans up (<c>TPM_FUZZ_SCALE</c>, default 4), prints what it tried and found, and saves every
    /// failing input with a replay script under <c>TPM_FUZZ_FAILURES</c> (default <c>$TMPDIR/tpm-fuzz-failures</c>).
    /// </summary>
    [Trait("Category", "Fuzz")]
    public sealed class FuzzHarnessTests
    {
        private const int Categories = 4;

        private readonly ITestOutputHelper _output;

        public FuzzHarnessTests(ITestOutputHelper output) => _output = output;

        private static TimeSpan? LongRun
        {
            get
            {
                long seconds = FuzzCampaign.Setting("TPM_FUZZ_SECONDS", 0);
                return seconds > 0 ? TimeSpan.FromSeconds((double)seconds / Categories) : null;
            }
        }

        private static long FirstSeed(long ci) => LongRun is null ? ci : FuzzCampaign.Setting("TPM_FUZZ_SEED", 1_000_000);

        private static int Scale => LongRun is null ? 1 : (int)FuzzCampaign.Setting("TPM_FUZZ_SCALE", 4);

        private static string SaveFolder =>
            Environment.GetEnvironmentVariable("TPM_FUZZ_FAILURES") is string folder && folder.Length > 0 ? folder : Path.Combine(Path.GetTempPath(), "tpm-fuzz-failures");

        [Fact]
        public void Generated_programs_never_fail()
        {
            int scale = Scale;
            Campaign("programs", seed => ProgramFuzzer.Generate(seed, scale), FirstSeed(1), 100);
        }

        [Fact]
        public void Generated_mspdi_documents_never_fail() => Campaign("mspdi", MspdiFuzzer.Generate, FirstSeed(1), 200);

        [Fact]
        public void Byte_mutations_of_the_examples_never_fail() => Campaign("mutations", ByteMutator.Generate, FirstSeed(1), 120);

        [Fact]
        public void Random_argument_vectors_never_fail() => Campaign("arguments", ArgumentFuzzer.Generate, FirstSeed(1), 150);

        [Fact]
        public void The_generators_are_deterministic_and_the_allow_list_matches_by_prefix()
        {
            // A seed is a reproducer only if it gives the same input every time.
            foreach (var generate in new Func<long, FuzzInput>[] { s => ProgramFuzzer.Generate(s), MspdiFuzzer.Generate, ByteMutator.Generate, ArgumentFuzzer.Generate })
            {
                for (long seed = 1; seed <= 5; seed++)
                {
                    var a = generate(seed);
                    var b = generate(seed);
                    a.ToString().Should().Be(b.ToString());
                    a.Files.Keys.Should().Equal(b.Files.Keys);
                    foreach (var key in a.Files.Keys) a.Files[key].Should().Equal(b.Files[key], key);
                }
            }

            KnownFailures.Match("no such signature " + Guid.NewGuid()).Should().BeNull();
            foreach (var (prefix, area) in KnownFailures.AllowList)
            {
                KnownFailures.Match(prefix + " and more").Should().Be(area);
            }
        }

        [Fact]
        public void The_runner_reports_what_it_must_catch()
        {
            // The oracles themselves: an escape out of the workspace is seen through the canary, a write outside the
            // permitted folder is seen in the snapshot, a bad exit code and invalid JSON are flagged.
            var input = new FuzzInput("self-test", 0, "oracle check");
            input.AddText("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a { duration 1d }\n}\n");
            input.Run(new FuzzCommand("build", "plan.tpm", "-o", "out", "--iterations", "0")); // writes 'out' without leave
            input.Run(new FuzzCommand("check", "plan.tpm").Json()); // text, not JSON
            // Named on the command line, the file outside is read and its syntax error quotes the canary.
            input.Run(new FuzzCommand("check", FuzzInput.RootToken + "/outside/program.tpm"));
            var failures = FuzzRunner.Run(input, FuzzCampaign.InputTimeout);
            failures.Select(f => f.Signature).Should().Contain(new[] { "wrote-outside build", "bad-json check", "read-outside check" });

            var clean = new FuzzInput("self-test", 1, "clean");
            clean.AddText("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a { duration 1d }\n}\n");
            clean.Run(new FuzzCommand("build", "plan.tpm", "-o", "out", "--iterations", "0").Writes("out"));
            clean.Run(new FuzzCommand("schedule", "plan.tpm", "--format", "json").Json());
            FuzzRunner.Run(clean, FuzzCampaign.InputTimeout).Should().BeEmpty();
        }

        private void Campaign(string category, Func<long, FuzzInput> generate, long firstSeed, int count)
        {
            // The long run also shrinks the first failure of each signature to a small reproducer (under minimal/).
            var report = FuzzCampaign.Run(category, generate, firstSeed, count, LongRun, SaveFolder, minimize: LongRun != null);
            var summary = report.Summary();
            _output.WriteLine(summary);
            if (LongRun != null)
            {
                Directory.CreateDirectory(SaveFolder);
                File.AppendAllText(Path.Combine(SaveFolder, "summary.txt"), DateTime.UtcNow.ToString("u") + " " + summary + "\n");
            }

            var fresh = report.NewFailures;
            if (fresh.Count > 0) Assert.Fail(summary + "\n" + string.Join("\n\n", fresh.GroupBy(f => f.Signature).Select(g => g.First().ToString())));
        }
    }
}
