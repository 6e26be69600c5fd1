using System.IO;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// <c>tpm diff</c> on a real git repository holding a plan and its include over five commits: an estimate changed, a
    /// task added, an assignee swapped, the include edited. The figures are worked out by hand below; the full outputs
    /// of the whole history are in Diff/history.{txt,md,json}.
    /// </summary>
    /// <remarks>
    /// Mon–Fri from Monday 2027-03-01, no holidays. First commit: design (ana, 5d) Mar 1–5 = 4,000; build (ben 700/d, 10d)
    /// Mar 8–19 = 7,000; test (ana, 5d) Mar 22–26 = 4,000; beta Mar 26; cost 15,000; 20 working days; 15 working days
    /// to the deadline Apr 16.
    /// 1. build re-estimated to 12d: Mar 8–23, +2 days, +1,400; finish Mar 30.
    /// 2. docs added (cy 900/d, 3d, after build): Mar 24–26 = 2,700, beside test, so the finish stays Mar 30.
    /// 3. test given to cy (900/d instead of 800/d: +500): cy holds docs Mar 24–26, so test waits and runs Mar 29–Apr 2;
    ///    finish +3 working days, Apr 2.
    /// 4. team.tpm (the include): ben 750/d (+50 × 12 = +600) and a vacation Mar 15–19, so build ends Mar 30 (+5); test
    ///    Mar 31–Apr 6, docs then waits for cy and runs Apr 7–9; finish Apr 9 (+5). Whole history: +10 working days,
    ///    15,000 → 20,200 (+5,200), margin 15 → 5.
    /// </remarks>
    public class DiffCommandTests
    {
        private const string Plan = "plan/program.tpm";

        internal static GitRepository History()
        {
            var repo = new GitRepository();
            repo.Write(Plan,
                    "// Checkout service: the plan the diff tests change commit by commit.\n" +
                    "program checkout \"Checkout service\" {\n" +
                    "  start 2027-03-01\n" +
                    "  deadline 2027-04-16\n" +
                    "  budget 40_000\n" +
                    "  currency EUR\n" +
                    "  include \"team.tpm\"\n" +
                    "\n" +
                    "  task design \"Design the API\" { effort 5d  estimate 4d 5d 8d  assign ana }\n" +
                    "  task build \"Build the service\" { effort 10d  estimate 8d 10d 15d  assign ben  after design }\n" +
                    "  task test \"Test the service\" { effort 5d  estimate 4d 5d 7d  assign ana  after build }\n" +
                    "  milestone beta \"Beta\" { after test }\n" +
                    "}\n")
                .Write("plan/team.tpm",
                    "// The team of the checkout service.\n" +
                    "person ana \"Ana Ruiz\" { rate 800/d }\n" +
                    "person ben \"Ben Okafor\" { rate 700/d }\n" +
                    "person cy \"Cy Tanaka\" { rate 900/d }\n")
                .Commit("initial");
            repo.Edit(Plan, "effort 10d  estimate 8d 10d 15d", "effort 12d  estimate 10d 12d 18d").Commit("re-estimate build");
            repo.Edit(Plan, "  milestone beta \"Beta\" { after test }",
                "  task docs \"Write the docs\" { duration 3d  assign cy  after build }\n  milestone beta \"Beta\" { after test, docs }").Commit("add docs");
            repo.Edit(Plan, "assign ana  after build", "assign cy  after build").Commit("swap tester");
            repo.Edit("plan/team.tpm", "rate 700/d }", "rate 750/d  vacation 2027-03-15..2027-03-19 }").Commit("ben's vacation");
            return repo;
        }

        private static string Expected(string name) =>
            File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ProgramDsl.Cli.Tests", "Diff", name)).Replace("\r\n", "\n");

        [Theory]
        [InlineData("text", "history.txt")]
        [InlineData("markdown", "history.md")]
        [InlineData("json", "history.json")]
        public void The_whole_history_between_two_revisions_in_each_format(string format, string expected)
        {
            using var repo = History();

            var result = Tpm.Run(repo.Path, "diff", "HEAD~4", "HEAD", "--format", format, "--", Plan);

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(Expected(expected));
            result.Error.Should().BeEmpty();
        }

        [Fact]
        public void The_json_agrees_with_the_hand_computed_figures()
        {
            using var repo = History();

            var json = JsonDocument.Parse(Tpm.Run(repo.Path, "diff", "HEAD~4", "HEAD", "-f", "json", "--", Plan).Out).RootElement;

            json.GetProperty("finish_slip_days").GetInt32().Should().Be(10);
            json.GetProperty("program").GetProperty("cost").GetProperty("old").GetDecimal().Should().Be(15_000m);
            json.GetProperty("program").GetProperty("cost").GetProperty("new").GetDecimal().Should().Be(20_200m);
            json.GetProperty("program").GetProperty("deadline_margin_days").GetProperty("old").GetInt32().Should().Be(15);
            json.GetProperty("program").GetProperty("deadline_margin_days").GetProperty("new").GetInt32().Should().Be(5);
            json.GetProperty("added")[0].GetProperty("id").GetString().Should().Be("docs");
            json.GetProperty("reestimated")[0].GetProperty("id").GetString().Should().Be("build");
            json.GetProperty("reassigned")[0].GetProperty("new")[0].GetProperty("person").GetString().Should().Be("cy");
        }

        [Theory]
        [InlineData("HEAD~4", "HEAD~3", "Finish +2 working days (2027-03-26 → 2027-03-30), cost +1,400 EUR, 1 milestone moved, 1 re-estimated, 2 tasks moved.")]
        [InlineData("HEAD~3", "HEAD~2", "Finish unchanged (2027-03-30), cost +2,700 EUR, 1 added.")]
        [InlineData("HEAD~2", "HEAD~1", "Finish +3 working days (2027-03-30 → 2027-04-02), cost +500 EUR, 1 milestone moved, 1 re-assigned, 1 task moved, critical path changed.")]
        [InlineData("HEAD~1", "HEAD", "Finish +5 working days (2027-04-02 → 2027-04-09), cost +600 EUR, 1 milestone moved, 3 tasks moved.")]
        public void Each_commit_is_compared_with_its_includes_at_the_same_revision(string old, string @new, string summary)
        {
            using var repo = History();

            var result = Tpm.Run(repo.Path, "diff", old, @new, "--", Plan);

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out)[0].Should().Be("Plan diff checkout: " + old + " → " + @new);
            Tpm.Lines(result.Out)[1].Should().Be(summary);
        }

        [Fact]
        public void Without_a_revision_the_working_tree_is_compared_with_HEAD_includes_as_they_are_on_disk()
        {
            using var repo = History();
            // Uncommitted: ben's vacation moves a week later, out of build's way (Mar 31–Apr 6 is after build).
            repo.Edit("plan/team.tpm", "vacation 2027-03-15..2027-03-19", "vacation 2027-05-03..2027-05-07");

            var dashed = Tpm.Run(repo.Path, "diff", "--", Plan);
            var plain = Tpm.Run(repo.Path, "diff", Plan);
            var head = Tpm.Run(repo.Path, "diff", "HEAD", "--", Plan);

            dashed.ExitCode.Should().Be(0, dashed.ToString());
            Tpm.Lines(dashed.Out)[0].Should().Be("Plan diff checkout: HEAD → working tree");
            // Build Mar 8–23 again (+−5), then test Mar 24–30 … the finish comes back 5 working days, to Apr 2.
            Tpm.Lines(dashed.Out)[1].Should().StartWith("Finish -5 working days (2027-04-09 → 2027-04-02)");
            plain.Out.Should().Be(dashed.Out);
            head.Out.Should().Be(dashed.Out);
        }

        [Fact]
        public void A_problem_present_on_both_sides_is_neither_introduced_nor_resolved()
        {
            using var repo = History();
            repo.Edit(Plan, "  include \"team.tpm\"", "  include \"team.tpm\"\n  include \"gone.tpm\"").Commit("a missing include");
            repo.Edit(Plan, "deadline 2027-04-16", "deadline 2027-04-23").Commit("a later deadline");
            repo.Edit(Plan, "deadline 2027-04-23", "deadline 2027-04-30");
            const string Expected = "\nNeither plan can be scheduled.\n\nProgram\n  deadline  {0}\n  budget    40,000 EUR (unchanged)\n";

            var revisions = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "HEAD~1", "HEAD", "--", Plan);
            var workingTree = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "--", Plan);
            var introduced = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "HEAD~2", "HEAD", "--", Plan);

            revisions.ExitCode.Should().Be(0, revisions.ToString());
            revisions.Out.Should().Be("Plan diff checkout: HEAD~1 → HEAD" + string.Format(Expected, "2027-04-16 → 2027-04-23"));
            workingTree.ExitCode.Should().Be(0, workingTree.ToString());
            workingTree.Out.Should().Be("Plan diff checkout: HEAD → working tree" + string.Format(Expected, "2027-04-23 → 2027-04-30"));
            // Where it first appears, it is new: the same message as on disk ("file not found"), located at the include.
            introduced.ExitCode.Should().Be(1, introduced.ToString());
            introduced.Out.Should().Contain("  + plan/program.tpm(8,11): error TPM1004: cannot include 'gone.tpm': file not found (looked for 'plan/gone.tpm')\n");
        }

        [Fact]
        public void Two_files_are_compared_without_git()
        {
            using var temp = new TempFolder();
            temp.Write("old.tpm", "program p \"P\" {\n  start 2027-03-01\n  task a \"A\" { duration 5d }\n}\n");
            temp.Write("new.tpm", "program p \"P\" {\n  start 2027-03-01\n  task a \"A\" { duration 7d }\n}\n");

            var result = Tpm.Run(temp.Path, "diff", "old.tpm", "new.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out)[0].Should().Be("Plan diff p: old.tpm → new.tpm");
            Tpm.Lines(result.Out)[1].Should().StartWith("Finish +2 working days (2027-03-05 → 2027-03-09)");
        }

        [Theory]
        [InlineData(null, 0)]
        [InlineData("10", 0)]
        [InlineData("9", 1)]
        [InlineData("0", 1)]
        public void Fail_on_finish_slip_exits_with_1_when_the_finish_moves_more_than_n_working_days(string? allowed, int exit)
        {
            using var repo = History();
            var args = allowed is null
                ? new[] { "diff", "HEAD~4", "HEAD", "--", Plan }
                : new[] { "diff", "HEAD~4", "HEAD", "--fail-on-finish-slip", allowed, "--", Plan };

            var result = Tpm.Run(repo.Path, args);

            result.ExitCode.Should().Be(exit, result.ToString());
            result.Out.Should().Be(Expected("history.txt"));
            result.Error.Should().Be(exit == 0 ? "" : "tpm: diff: the finish moved 10 working days later, more than --fail-on-finish-slip " + allowed + "\n");
        }

        [Fact]
        public void A_finish_that_moves_earlier_never_fails_the_slip_check()
        {
            using var repo = History();

            var result = Tpm.Run(repo.Path, "diff", "HEAD", "HEAD~4", "--fail-on-finish-slip", "0", "--", Plan);

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out)[1].Should().StartWith("Finish -10 working days");
        }

        [Fact]
        public void A_pull_request_cannot_pass_the_error_gate_by_lowering_the_error_in_its_own_globalconfig()
        {
            using var repo = History();
            repo.Edit(Plan, "after test, docs", "after test, docs, nothing");
            // The pull request also silences the code it broke, and (allowed) a warning it does not care for.
            repo.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.TPM1001.severity = none\n");

            var gated = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "--", Plan);
            var plain = Tpm.Run(repo.Path, "diff", "--", Plan);

            gated.ExitCode.Should().Be(1, gated.ToString());
            gated.Error.Should().Be("tpm: diff: the new plan has 1 new error (--fail-on-new-errors)\n");
            gated.Out.Should().Contain("  + plan/program.tpm(13,45): error TPM1001: unknown task 'nothing'\n");
            // Without the gate the configuration applies as everywhere else: the error is silenced.
            plain.ExitCode.Should().Be(0, plain.ToString());
            plain.Out.Should().NotContain("TPM1001");
        }

        [Fact]
        public void Fail_on_new_errors_exits_with_1_when_the_new_plan_has_errors_the_old_one_had_not()
        {
            using var repo = History();
            repo.Edit(Plan, "after test, docs", "after test, docs, nothing");

            var gated = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "--", Plan);
            var plain = Tpm.Run(repo.Path, "diff", "--", Plan);
            var slip = Tpm.Run(repo.Path, "diff", "--fail-on-finish-slip", "100", "--", Plan);
            var reverse = Tpm.Run(repo.Path, "diff", "--fail-on-new-errors", "HEAD", "HEAD", "--", Plan);

            gated.ExitCode.Should().Be(1, gated.ToString());
            gated.Error.Should().Be("tpm: diff: the new plan has 1 new error (--fail-on-new-errors)\n");
            gated.Out.Should().Contain("  + plan/program.tpm(13,45): error TPM1001: unknown task 'nothing'\n");
            plain.ExitCode.Should().Be(0, plain.ToString());
            plain.Out.Should().Be(gated.Out);
            // A plan that can no longer be scheduled fails the slip check too: its finish is unknown.
            slip.ExitCode.Should().Be(1, slip.ToString());
            slip.Error.Should().Be("tpm: diff: the new plan cannot be scheduled (--fail-on-finish-slip 100)\n");
            reverse.ExitCode.Should().Be(0, reverse.ToString());
        }

        [Fact]
        public void The_slip_gate_fails_a_plan_that_can_no_longer_be_scheduled_not_one_that_never_could_and_its_help_says_so()
        {
            using var temp = new TempFolder();
            temp.Write("good.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d }\n}\n");
            temp.Write("bad.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d  after nope }\n}\n");
            temp.Write("bad2.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d  after nope }\n}\n");

            var broken = Tpm.Run(temp.Path, "diff", "--fail-on-finish-slip", "0", "good.tpm", "bad.tpm");
            var stillBroken = Tpm.Run(temp.Path, "diff", "--fail-on-finish-slip", "0", "bad.tpm", "bad2.tpm");
            var help = Tpm.Run(temp.Path, "diff", "--help");

            broken.ExitCode.Should().Be(1, broken.ToString());
            stillBroken.ExitCode.Should().Be(0, stillBroken.ToString());
            help.Out.Should().Contain("(or the new plan can no longer be scheduled)");
        }

        [Fact]
        public void Iterations_add_p50_and_p80_from_the_same_seed_on_both_sides()
        {
            using var repo = History();

            var first = Tpm.Run(repo.Path, "diff", "HEAD~4", "HEAD", "--iterations", "200", "--seed", "7", "--", Plan);
            var again = Tpm.Run(repo.Path, "diff", "HEAD~4", "HEAD", "--iterations", "200", "--seed", "7", "--", Plan);
            var json = JsonDocument.Parse(Tpm.Run(repo.Path, "diff", "HEAD~4", "HEAD", "-n", "200", "--seed", "7", "-f", "json", "--", Plan).Out).RootElement;

            first.ExitCode.Should().Be(0, first.ToString());
            first.Out.Should().Contain("Forecast (200 iterations, seed 7)");
            again.Out.Should().Be(first.Out);
            var forecast = json.GetProperty("forecast");
            forecast.GetProperty("iterations").GetInt32().Should().Be(200);
            forecast.GetProperty("seed").GetInt32().Should().Be(7);
            // Every estimate moved up and build lost a week to the vacation: both percentiles are later.
            forecast.GetProperty("p50").GetProperty("days").GetInt32().Should().BePositive();
            forecast.GetProperty("p80").GetProperty("days").GetInt32().Should().BePositive();
        }

        [Theory]
        [InlineData(new[] { "diff", "no-such-branch", "--", Plan }, "tpm: error: 'no-such-branch' names no commit in the repository *")]
        [InlineData(new[] { "diff", "HEAD~1", "--", "plan/missing.tpm" }, "tpm: error: cannot read 'plan/missing.tpm' at HEAD~1: file not found")]
        [InlineData(new[] { "diff", "a", "b", "c", "--", Plan }, "tpm: error: at most two revisions: *")]
        [InlineData(new[] { "diff", "HEAD", "--", Plan, "plan/team.tpm" }, "tpm: error: name one plan file after '--': *")]
        [InlineData(new[] { "diff", "HEAD~1", Plan }, "tpm: error: no such file: 'HEAD~1'; to name revisions, put the plan after '--': *")]
        [InlineData(new[] { "diff" }, "tpm: error: name the plan to compare: *")]
        [InlineData(new[] { "diff", "plan" }, "tpm: error: 'plan' is a folder; name a plan file: *")]
        [InlineData(new[] { "diff", "HEAD", "HEAD", "--", "plan" }, "tpm: error: cannot read 'plan' at HEAD: it is a folder, not a regular file")]
        [InlineData(new[] { "diff", "HEAD", "HEAD", "--", "plan/team.tpm/x" }, "tpm: error: cannot read 'plan/team.tpm/x' at HEAD: file not found")]
        [InlineData(new[] { "diff", "--bogus", "--", Plan }, "tpm: error: unrecognized option '--bogus'*")]
        [InlineData(new[] { "diff", "--fail-on-finish-slip", "-1", "--", Plan }, "tpm: error: option '--fail-on-finish-slip' expects a whole number from 0 to 100,000; got '-1'*")]
        [InlineData(new[] { "diff", "--format", "html", "--", Plan }, "tpm: error: *html*")]
        public void Usage_problems_exit_with_2_and_print_no_diff(string[] args, string error)
        {
            using var repo = History();

            var result = Tpm.Run(repo.Path, args);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            Tpm.Lines(result.Error)[0].Should().Match(error);
        }

        [Fact]
        public void A_revision_is_read_without_running_git_options_or_touching_the_working_tree()
        {
            using var repo = History();
            var injected = Path.Combine(repo.Path, "injected.txt");

            var result = Tpm.Run(repo.Path, "diff", "--", "--output=" + injected);

            result.ExitCode.Should().Be(2, result.ToString());
            File.Exists(injected).Should().BeFalse();
            repo.Git("status", "--porcelain").Should().BeEmpty();
        }

        [Fact]
        public async System.Threading.Tasks.Task In_a_git_hook_the_repository_is_the_one_holding_the_plan_whatever_GIT_DIR_says()
        {
            using var repo = History();
            // Hooks run with GIT_DIR=.git, relative to the top folder; tpm runs git from the plan's folder.
            var start = new System.Diagnostics.ProcessStartInfo(TpmProcess.DotnetHost())
            {
                WorkingDirectory = Path.Combine(repo.Path, "plan"),
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (var a in new[] { RepositoryPaths.TpmDll, "diff", "HEAD~1", "HEAD", "--", "program.tpm" }) start.ArgumentList.Add(a);
            start.Environment["GIT_DIR"] = ".git";
            start.Environment["GIT_WORK_TREE"] = ".";
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var tpm = System.Diagnostics.Process.Start(start)!;
            var error = tpm.StandardError.ReadToEndAsync();
            var output = await tpm.StandardOutput.ReadToEndAsync();
            tpm.WaitForExit(60_000).Should().BeTrue();

            tpm.ExitCode.Should().Be(0, await error);
            Tpm.Lines(output)[1].Should().Be("Finish +5 working days (2027-04-02 → 2027-04-09), cost +600 EUR, 1 milestone moved, 3 tasks moved.");
        }

        [Fact]
        public void The_readme_shows_real_output_of_the_example_with_a_longer_backfill()
        {
            // The README's "Plans in pull requests": examples/ml-platform committed, then the change it describes.
            const string Command = "$ tpm diff --iterations 2000 -- examples/ml-platform/program.tpm\n";
            var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
            int at = readme.IndexOf(Command, System.StringComparison.Ordinal);
            at.Should().BePositive("the README shows the command");
            var shown = readme.Substring(at + Command.Length, readme.IndexOf("```", at, System.StringComparison.Ordinal) - at - Command.Length);
            using var repo = new GitRepository();
            var example = Path.Combine(RepositoryPaths.Root, "examples", "ml-platform");
            foreach (var file in Directory.GetFiles(example)) File.Copy(file, Path.Combine(Directory.CreateDirectory(Path.Combine(repo.Path, "examples", "ml-platform")).FullName, Path.GetFileName(file)));
            // The people and the GPU pool the example shares with the portfolio's other programs.
            File.Copy(Path.Combine(RepositoryPaths.Root, "examples", "portfolio", "shared", "org.tpm"), Path.Combine(Directory.CreateDirectory(Path.Combine(repo.Path, "examples", "portfolio", "shared")).FullName, "org.tpm"));
            repo.Commit("the example");
            const string Program = "examples/ml-platform/program.tpm";
            repo.Edit(Program, "        effort 10d\n        estimate 8d 10d 15d\n        assign bob\n        after data-contracts",
                    "        effort 20d\n        estimate 15d 20d 30d\n        assign bob\n        after data-contracts")
                .Edit(Program, "      task pii-tokenise ",
                    "      task backfill-replay \"Replay a week of the backfill against the live stream\" {\n        effort 3d\n        estimate 2d 3d 5d\n" +
                    "        assign bob\n        after backfill\n        phase data\n      }\n\n      task pii-tokenise ");

            var result = Tpm.Run(repo.Path, "diff", "--iterations", "2000", "--", Program);

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(shown);
        }

        [Fact]
        public void Outside_a_repository_naming_a_revision_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" { start 2027-03-01 }\n");

            var result = Tpm.Run(temp.Path, "diff", "--", "plan.tpm");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().StartWith("tpm: error: 'plan.tpm' is not in a git repository");
        }
    }
}
