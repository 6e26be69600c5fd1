using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ProgramDsl.Cli.Tests.Baselines
{
    /// <summary>
    /// Every example program's <c>tpm schedule --format json</c> and <c>tpm check --format text</c> output, compared
    /// to the stored baselines. Set TPM_UPDATE_BASELINES=1 to write them instead (see <see cref="ExampleBaselines.UpdateCommand"/>).
    /// </summary>
    public class BaselineTests
    {
        private readonly ITestOutputHelper _output;

        public BaselineTests(ITestOutputHelper output) => _output = output;

        public static IEnumerable<object[]> ProgramFiles() => ExampleBaselines.ProgramFiles().Select(f => new object[] { f });

        [Theory]
        [MemberData(nameof(ProgramFiles))]
        public void Baseline_matches(string programFile)
        {
            if (!Directory.Exists(ExampleBaselines.Full(ExampleBaselines.ExpectedFolderOf(programFile))) &&
                !ExampleBaselines.UpdateRequested && ExampleBaselines.MissingAllowed)
            {
                _output.WriteLine($"SKIPPED: {ExampleBaselines.ExpectedFolderOf(programFile)}/ does not exist and {ExampleBaselines.AllowMissingVariable}=1");
                return;
            }

            // Paths are given repo-relative, so the diagnostics in the baselines are machine-independent.
            var schedule = Tpm.Run(RepositoryPaths.Root, "schedule", programFile, "--format", "json");
            schedule.ExitCode.Should().BeOneOf(new[] { 0, 1 }, "an example must compile, with or without errors, not fail to run:\n" + schedule);
            var check = Tpm.Run(RepositoryPaths.Root, "check", programFile, "--format", "text");
            check.ExitCode.Should().BeOneOf(new[] { 0, 1 }, check.ToString());
            (check.ExitCode == 1).Should().Be(check.Out.Contains(": error TPM", StringComparison.Ordinal), "exit 1 exactly when an error is printed:\n" + check);
            schedule.ExitCode.Should().Be(check.ExitCode, "check and schedule agree on whether the program has errors");

            // 1,000 iterations keep the suite quick; the output is still byte-identical for the default seed.
            var forecast = Tpm.Run(RepositoryPaths.Root, "forecast", programFile, "--format", "json", "--iterations", "1000");
            forecast.ExitCode.Should().Be(check.ExitCode, "forecast and check agree on whether the program has errors:\n" + forecast);

            var failures = new List<string>();
            Compare(ExampleBaselines.SchedulePath(programFile), schedule.Out, failures);
            Compare(ExampleBaselines.ForecastPath(programFile), forecast.Out, failures);
            Compare(ExampleBaselines.CheckPath(programFile), check.Out, failures);
            if (failures.Count > 0) Assert.Fail(string.Join("\n", failures));
        }

        public static IEnumerable<object[]> PortfolioFiles() => ExampleBaselines.PortfolioFiles().Select(f => new object[] { f });

        /// <summary>
        /// Every example portfolio's <c>tpm check</c> (the programs as they stand), <c>tpm schedule --format json</c> and
        /// <c>tpm forecast --format json</c> (leveled together), stored beside it as for a program (docs/portfolios.md
        /// walks through them).
        /// </summary>
        [Theory]
        [MemberData(nameof(PortfolioFiles))]
        public void Portfolio_baseline_matches(string portfolioFile)
        {
            var schedule = Tpm.Run(RepositoryPaths.Root, "schedule", portfolioFile, "--format", "json");
            schedule.ExitCode.Should().BeOneOf(new[] { 0, 1 }, "an example must compile, with or without errors, not fail to run:\n" + schedule);
            var check = Tpm.Run(RepositoryPaths.Root, "check", portfolioFile, "--format", "text");
            check.ExitCode.Should().BeOneOf(new[] { 0, 1 }, check.ToString());
            (check.ExitCode == 1).Should().Be(check.Out.Contains(": error TPM", StringComparison.Ordinal), "exit 1 exactly when an error is printed:\n" + check);
            var forecast = Tpm.Run(RepositoryPaths.Root, "forecast", portfolioFile, "--format", "json", "--iterations", "1000");
            forecast.ExitCode.Should().BeOneOf(new[] { 0, 1 }, forecast.ToString());

            var failures = new List<string>();
            Compare(ExampleBaselines.SchedulePath(portfolioFile), schedule.Out, failures);
            Compare(ExampleBaselines.ForecastPath(portfolioFile), forecast.Out, failures);
            Compare(ExampleBaselines.CheckPath(portfolioFile), check.Out, failures);
            if (failures.Count > 0) Assert.Fail(string.Join("\n", failures));
        }

        [Fact]
        public void The_portfolio_example_is_found_and_its_programs_share_people()
        {
            ExampleBaselines.PortfolioFiles().Should().Contain("examples/portfolio/portfolio.tpm");
            ExampleBaselines.ProgramFiles().Should().NotContain("examples/portfolio/portfolio.tpm", "a portfolio is not a program");
            ExampleBaselines.ProgramFiles().Should().Contain(new[] { "examples/ml-platform/program.tpm", "examples/portfolio/credit-risk/program.tpm", "examples/portfolio/recommendations/program.tpm" });
        }

        [Fact]
        public void A_mismatch_names_the_first_different_line_and_how_to_accept_the_output()
        {
            var message = ExampleBaselines.DescribeMismatch("examples/x/expected/program.check.txt", "a\nb\nc\n", "a\nB\nc\n", "/tmp/actual.txt");
            message.Should().Contain("output differs from examples/x/expected/program.check.txt")
                .And.Contain("first difference at line 2:\n    expected: b\n    actual:   B")
                .And.Contain("diff -u examples/x/expected/program.check.txt /tmp/actual.txt")
                .And.Contain(ExampleBaselines.UpdateCommand);

            ExampleBaselines.DescribeMismatch("e.json", "a\n", "a\nmore\n", "/tmp/e.json").Should().Contain("line 2:\n    expected: \n    actual:   more");
            ExampleBaselines.DescribeMismatch("e.json", "a\nb", "a\n", "/tmp/e.json").Should().Contain("line 2:\n    expected: b\n    actual:   \n");
            ExampleBaselines.DescribeMismatch("e.json", null, "x", "/tmp/e.json").Should().StartWith("missing baseline e.json\n").And.Contain(ExampleBaselines.UpdateCommand);
        }

        [Fact]
        public void Every_stored_baseline_belongs_to_an_example_program()
        {
            var expected = ExampleBaselines.ProgramFiles()
                .SelectMany(f => new[] { ExampleBaselines.SchedulePath(f), ExampleBaselines.CheckPath(f), ExampleBaselines.ForecastPath(f) })
                .Concat(ExampleBaselines.PortfolioFiles().SelectMany(f => new[] { ExampleBaselines.SchedulePath(f), ExampleBaselines.CheckPath(f), ExampleBaselines.ForecastPath(f) }))
                .ToHashSet(StringComparer.Ordinal);

            ExampleBaselines.StoredBaselines().Where(b => !expected.Contains(b))
                .Should().BeEmpty("a baseline whose program was renamed or removed is stale: delete it");
        }

        [Fact]
        public void Discovery_finds_the_examples_and_skips_fragments()
        {
            var files = ExampleBaselines.ProgramFiles();
            files.Should().Contain("examples/hello/program.tpm");
            files.Should().BeInAscendingOrder(StringComparer.Ordinal);
            files.Should().OnlyContain(f => f.StartsWith("examples/", StringComparison.Ordinal) && !f.Contains('\\'));
            files.Select(f => File.ReadAllText(ExampleBaselines.Full(f))).Should().OnlyContain(t => ProgramDsl.Syntax.SyntaxFacts.IsProgramText(t));

            ExampleBaselines.SchedulePath("examples/hello/program.tpm").Should().Be("examples/hello/expected/program.schedule.json");
            ExampleBaselines.CheckPath("examples/hello/program.tpm").Should().Be("examples/hello/expected/program.check.txt");
            ExampleBaselines.CheckPath("examples/errors/TPM1001.tpm").Should().Be("examples/errors/expected/TPM1001.check.txt");
            ExampleBaselines.SchedulePath("examples/errors/TPM1001.tpm").Should().Be("examples/errors/expected/TPM1001.schedule.json");
        }

        private void Compare(string baseline, string actual, List<string> failures)
        {
            var full = ExampleBaselines.Full(baseline);
            bool exists = File.Exists(full);
            var expected = exists ? ExampleBaselines.ReadNormalized(baseline) : null;
            if (expected == actual) return;

            if (ExampleBaselines.UpdateRequested)
            {
                ExampleBaselines.Write(baseline, actual);
                _output.WriteLine((exists ? "UPDATED " : "CREATED ") + baseline);
                return;
            }

            var saved = ExampleBaselines.SaveActual(baseline, actual);
            failures.Add(ExampleBaselines.DescribeMismatch(baseline, expected, actual, saved));
        }
    }
}
