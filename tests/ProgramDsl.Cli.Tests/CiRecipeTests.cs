using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// The CI recipe in examples/ci: the script of plan-diff.yml's "Compare the plans" step, run with bash against a real
    /// repository and the built tpm, as the workflow runs it (the same environment variables, GITHUB_OUTPUT and
    /// GITHUB_STEP_SUMMARY files), so the README's recipe cannot drift from the command.
    /// </summary>
    public class CiRecipeTests
    {
        private static readonly string Workflow = Path.Combine(RepositoryPaths.Root, "examples", "ci", "plan-diff.yml");

        /// <summary>The <c>run: |</c> block of the step with <c>id: diff</c>, unindented.</summary>
        private static string CompareScript()
        {
            var lines = File.ReadAllText(Workflow).Replace("\r\n", "\n").Split('\n');
            int id = Array.FindIndex(lines, l => l.Trim() == "id: diff");
            id.Should().BePositive("plan-diff.yml has a step with id: diff");
            int run = Array.FindIndex(lines, id, l => l.Trim() == "run: |");
            int indent = lines[run + 1].Length - lines[run + 1].TrimStart().Length;
            var body = lines.Skip(run + 1).TakeWhile(l => l.Trim().Length == 0 || l.Length - l.TrimStart().Length >= indent);
            return string.Join("\n", body.Select(l => l.Length >= indent ? l.Substring(indent) : l.Trim())) + "\n";
        }

        private static (int Exit, string Output, string Comment, string Summary, string Error) RunStep(GitRepository repo, string plans, string maxSlip, string @base, string head)
        {
            using var bin = new TempFolder();
            var tpm = bin.Write("tpm", "#!/bin/sh\nexec '" + TpmProcess.DotnetHost() + "' '" + RepositoryPaths.TpmDll + "' \"$@\"\n");
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(tpm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var script = bin.Write("step.sh", CompareScript());
            var output = bin.Write("github-output", "");
            var summary = bin.Write("github-summary", "");

            // GitHub runs a run: block with bash -e.
            var start = new ProcessStartInfo("bash") { WorkingDirectory = repo.Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-e");
            start.ArgumentList.Add(script);
            start.Environment["PATH"] = bin.Path + ":" + Environment.GetEnvironmentVariable("PATH");
            start.Environment["PLANS"] = plans;
            start.Environment["MAX_FINISH_SLIP"] = maxSlip;
            start.Environment["BASE"] = repo.Git("rev-parse", @base).Trim();
            start.Environment["HEAD"] = repo.Git("rev-parse", head).Trim();
            start.Environment["PR"] = "42";
            start.Environment["GITHUB_OUTPUT"] = output;
            start.Environment["GITHUB_STEP_SUMMARY"] = summary;
            start.Environment["DOTNET_NOLOGO"] = "1";
            using var bash = Process.Start(start)!;
            var error = bash.StandardError.ReadToEndAsync();
            bash.StandardOutput.ReadToEnd();
            bash.WaitForExit(120_000).Should().BeTrue("the step must end");
            var comment = Path.Combine(repo.Path, "plan-diff", "comment.md");
            return (bash.ExitCode, File.ReadAllText(output), File.Exists(comment) ? File.ReadAllText(comment) : "", File.ReadAllText(summary), error.Result);
        }

        [Fact]
        public void The_compare_step_writes_the_comment_the_pull_request_number_and_the_gate_status()
        {
            if (OperatingSystem.IsWindows()) return; // the step is a bash script for ubuntu-latest
            using var repo = DiffCommandTests.History();

            var (exit, output, comment, summary, error) = RunStep(repo, "plan/program.tpm", "", "HEAD~4", "HEAD");

            exit.Should().Be(0, error);
            output.Should().Be("status=0\n");
            File.ReadAllText(Path.Combine(repo.Path, "plan-diff", "pr-number")).Should().Be("42\n");
            var from = repo.Git("rev-parse", "--short=12", "HEAD~4").Trim();
            var to = repo.Git("rev-parse", "--short=12", "HEAD").Trim();
            // The history's Markdown, under the marker the comment workflow looks for, with short ids for labels.
            var expected = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "ProgramDsl.Cli.Tests", "Diff", "history.md"))
                .Replace("`HEAD~4` → `HEAD`", "`" + from + "` → `" + to + "`");
            comment.Should().Be("<!-- tpm-plan-diff -->\n" + expected + "\n");
            summary.Should().Be(comment);
        }

        [Fact]
        public void A_failed_gate_is_reported_in_the_status_and_a_new_plan_is_named_not_compared()
        {
            if (OperatingSystem.IsWindows()) return; // the step is a bash script for ubuntu-latest
            using var repo = DiffCommandTests.History();
            repo.Write("plan/second.tpm", "program second \"Second\" { start 2027-03-01 }\n").Commit("a second program");

            var (exit, output, comment, _, error) = RunStep(repo, "plan/program.tpm plan/second.tpm", "5", "HEAD~5", "HEAD");

            exit.Should().Be(0, error);
            output.Should().Be("status=1\n");
            error.Should().Contain("tpm: diff: the finish moved 10 working days later, more than --fail-on-finish-slip 5");
            comment.Should().EndWith("\n**Plan diff** `plan/second.tpm`: a new plan in this pull request\n\n");
        }

        /// <summary>GitHub's path filter glob: <c>**</c> matches across folders, <c>*</c> within one name.</summary>
        private static bool GlobMatches(string glob, string path) =>
            System.Text.RegularExpressions.Regex.IsMatch(path, "^" + System.Text.RegularExpressions.Regex.Escape(glob).Replace("\\*\\*", "\u0001").Replace("\\*", "[^/]*").Replace("\u0001", ".*") + "$");

        [Theory]
        [InlineData("plans/program.tpm")]
        [InlineData("plans/.globalconfig")]
        [InlineData("plans/program.baseline.json")]
        [InlineData("plans/program.baseline.q1.json")]
        public void The_workflow_runs_for_every_file_that_changes_a_plan_diff_including_a_saved_baseline(string changed)
        {
            // A re-saved baseline changes the plan's TPM2203 warnings (and the diff's diagnostics) without touching a .tpm.
            var lines = File.ReadAllText(Workflow).Replace("\r\n", "\n").Split('\n');
            int paths = Array.FindIndex(lines, l => l.Trim() == "paths:");
            paths.Should().BePositive("plan-diff.yml filters pull requests by paths");
            var globs = lines.Skip(paths + 1).Where(l => !l.Trim().StartsWith("#", StringComparison.Ordinal)).TakeWhile(l => l.Trim().StartsWith("- ", StringComparison.Ordinal)).Select(l => l.Trim().Substring(2))
                .Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is int hash && hash >= 0 ? l.Substring(0, hash) : l).Trim().Trim('\'', '"')).ToList();

            globs.Should().Contain(g => GlobMatches(g, changed), "a pull request changing '" + changed + "' changes the diff (globs: " + string.Join(", ", globs) + ")");
        }
    }
}
