using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm forecast --calibrate --history DIR|REV-RANGE</c>, with figures worked out by hand.</summary>
    public class ForecastHistoryTests
    {
        // One finished task of its own (5 days most likely, 10 working days: ratio 2) and a 10-day task to forecast.
        private const string Plan =
            "program p \"P\" {\n  start 2027-01-04\n  status-date 2027-02-26\n" +
            "  task own { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-15 }\n" +
            "  task next { estimate 10d 10d 10d }\n}\n";

        // Another program: a took its 5 days (ratio 1); b, 2 days most likely, took 8 (ratio 4); c is not finished.
        private const string Other =
            "program q \"Q\" {\n  start 2027-01-04\n  status-date 2027-02-26\n" +
            "  task a { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-08 }\n" +
            "  task b { estimate 2d 2d 2d  actual-start 2027-01-11  actual-finish 2027-01-20 }\n" +
            "  task c { estimate 2d 2d 2d }\n}\n";

        // ln ratios ln2 (own), 0 and ln4: μ = ln2 (median ×2.00), σ = ln2 = 0.69.
        private const string Learned = "calibration: learned from 1 finished task and 2 from history (actual ÷ most likely): program ×2.00 (σ 0.69, from 3 (2 history), used by 1)";

        [Fact]
        public void A_folder_of_other_programs_is_learned_from_with_the_plans_own()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            temp.Write("history/q.tpm", Other);
            temp.Write("history/part.tpm", "task loose { estimate 1d 1d 1d  actual-start 2027-01-04  actual-finish 2027-01-29 }\n");
            temp.Write("history/broken.tpm", "program r \"R\" {\n  start 2027-01-04\n  task x { after nowhere }\n}\n");

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--calibrate", "--history", ".", "--iterations", "200");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("  " + Learned + "\n  history: 2 finished tasks from 1 source: history/q.tpm 2\n");
            result.Error.Should().Be("tpm: history: skipped 'history/broken.tpm': it has errors (tpm check 'history/broken.tpm' lists them)\n",
                "a fragment is no program, the plan itself is its own record, and a program with errors is named");
        }

        [Fact]
        public void Json_says_how_many_history_tasks_came_from_where()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            temp.Write("history/q.tpm", Other);
            temp.Write("history/z.tpm", Other.Replace("program q", "program z").Replace("task b", "task b2"));

            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--calibrate", "--calibrate-by", "program", "--history", "history", "--format", "json", "--iterations", "200");

            result.ExitCode.Should().Be(0, result.ToString());
            using var doc = JsonDocument.Parse(result.Out);
            var calibration = doc.RootElement.GetProperty("calibration");
            calibration.GetProperty("finished_tasks").GetInt32().Should().Be(1);
            var history = calibration.GetProperty("history");
            history.GetProperty("tasks").GetInt32().Should().Be(4);
            history.GetProperty("superseded").GetInt32().Should().Be(0);
            history.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("source").GetString(), s.GetProperty("tasks").GetInt32()))
                .Should().Equal(("history/q.tpm", 2), ("history/z.tpm", 2));
            var group = calibration.GetProperty("groups").EnumerateArray().Single();
            group.GetProperty("finished_tasks").GetInt32().Should().Be(5);
            group.GetProperty("history_tasks").GetInt32().Should().Be(4);

            // ln ratios ln2, 0, ln4, 0, ln4: μ = 5·ln2 / 5 = ln2.
            group.GetProperty("median_ratio").GetDouble().Should().Be(2.0);
        }

        [Fact]
        public void Without_history_the_calibration_json_says_so()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            var result = Tpm.Run(temp.Path, "forecast", "plan.tpm", "--calibrate", "--format", "json", "--iterations", "50");
            using var doc = JsonDocument.Parse(result.Out);
            doc.RootElement.GetProperty("calibration").GetProperty("history").ValueKind.Should().Be(JsonValueKind.Null);
        }

        [Fact]
        public void The_history_folder_must_be_inside_the_workspace()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plan.tpm", Plan);
            temp.Write("elsewhere/q.tpm", Other);

            var result = Tpm.Run(temp.Path, "forecast", "repo/plan.tpm", "--calibrate", "--history", "elsewhere", "--iterations", "50");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain("the history folder 'elsewhere' is outside the workspace");
            result.Out.Should().BeEmpty();

            // A link inside the workspace to a folder outside it is outside by its real path.
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "linked"), Path.Combine(temp.Path, "elsewhere"));
            var linked = Tpm.Run(temp.Path, "forecast", "repo/plan.tpm", "--calibrate", "--history", "repo/linked", "--iterations", "50");
            linked.ExitCode.Should().Be(2, linked.ToString());
            linked.Error.Should().Contain("the history folder 'repo/linked' is outside the workspace");

            // Inside the workspace, a link to a plan outside it is not followed by the walk.
            temp.Write("repo/history/own.tpm", Other.Replace("program q", "program s"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "history", "out.tpm"), Path.Combine(temp.Path, "elsewhere", "q.tpm"));
            var walked = Tpm.Run(temp.Path, "forecast", "repo/plan.tpm", "--calibrate", "--history", "repo/history", "--iterations", "50");
            walked.ExitCode.Should().Be(0, walked.ToString());
            walked.Out.Should().Contain("history: 2 finished tasks from 1 source: repo/history/own.tpm 2\n");
        }

        [Theory]
        [InlineData("--history is what --calibrate learns from: add --calibrate", "forecast", "plan.tpm", "--history", "history")]
        [InlineData("--history 'nowhere' is not a folder, and 'plan.tpm' is in no git repository to read revisions from", "forecast", "plan.tpm", "--calibrate", "--history", "nowhere")]
        [InlineData("expects a folder or a revision range", "forecast", "plan.tpm", "--calibrate", "--history", " ")]
        [InlineData("--history 'HEAD~3..HEAD' is not a folder, and 'plan.tpm' is in no git repository", "forecast", "plan.tpm", "--calibrate", "--history", "HEAD~3..HEAD")]
        public void A_bad_history_is_a_usage_error(string message, params string[] args)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);
            temp.Write("history/q.tpm", Other);

            var result = Tpm.Run(temp.Path, args);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain(message);
        }

        [Fact]
        public void A_revision_range_learns_from_the_plan_as_it_was_each_task_once_at_its_latest_commit()
        {
            using var git = new GitRepository();
            git.Write("README.md", "plans\n").Commit("c0: a repository before the plan");
            git.Write("README.md", "plans, soon\n").Commit("c0b: still no plan");

            // c1: the plan includes done.tpm, where h1 (5 days) took 10 (ratio 2).
            const string head = "program p \"P\" {\n  start 2027-01-04\n  status-date 2027-02-26\n";
            git.Write("plan.tpm", head + "  include \"done.tpm\"\n  task next { estimate 10d 10d 10d }\n}\n");
            git.Write("done.tpm", "task h1 { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-15 }\n").Commit("c1");

            // c2: the include edited: h1's actual corrected to 5 days (ratio 1), h2 (5 days) took 20 (ratio 4).
            git.Write("done.tpm", "task h1 { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-08 }\n" +
                                   "task h2 { estimate 5d 5d 5d  actual-start 2027-01-11  actual-finish 2027-02-05 }\n");
            git.Commit("c2");
            var c2 = git.Git("rev-parse", "HEAD").Trim().Substring(0, 12);

            // c3: the finished work pruned from the plan; 'own' (ratio 2) finished since.
            File.Delete(Path.Combine(git.Path, "done.tpm"));
            git.Write("plan.tpm", Plan).Commit("c3");

            var result = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "HEAD~4..HEAD", "--iterations", "200");

            // Learned from: own (now), h1 at c2 (its c1 record is older), h2 at c2; own at c3 is the plan's own task.
            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("  " + Learned + "\n  history: 2 finished tasks from 1 source: plan.tpm@" + c2 + " 2; 2 older records of the same tasks not counted\n");
            result.Error.Should().Be("tpm: history: 1 of 4 commits of 'HEAD~4..HEAD' do not have 'plan.tpm'\n");

            var json = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "HEAD~4..HEAD", "--iterations", "200", "--format", "json");
            using var doc = JsonDocument.Parse(json.Out);
            var history = doc.RootElement.GetProperty("calibration").GetProperty("history");
            history.GetProperty("tasks").GetInt32().Should().Be(2);
            history.GetProperty("superseded").GetInt32().Should().Be(2);
            history.GetProperty("sources").EnumerateArray().Select(s => s.GetProperty("source").GetString()).Should().Equal("plan.tpm@" + c2);

            // An option-like or unknown range is refused before git could read it as an option.
            var dashed = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history=--output=x..y", "--iterations", "50");
            dashed.ExitCode.Should().Be(2, dashed.ToString());
            dashed.Error.Should().Contain("a revision cannot start with '-'");
            File.Exists(Path.Combine(git.Path, "x..y")).Should().BeFalse();
            var unknown = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "nosuch..HEAD", "--iterations", "50");
            unknown.ExitCode.Should().Be(2, unknown.ToString());
            unknown.Error.Should().Contain("is not a revision range");
        }


        [Fact]
        public void A_commit_whose_plan_has_errors_is_skipped_and_named()
        {
            using var git = new GitRepository();
            git.Write("plan.tpm", Plan.Replace("task own", "task gone")).Commit("gone finished");
            git.Write("plan.tpm", Plan.Replace("task next {", "task next { after nowhere")).Commit("broken");
            var broken = git.Git("rev-parse", "HEAD").Trim().Substring(0, 12);
            git.Write("plan.tpm", Plan).Commit("fixed");

            var result = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "HEAD~2..HEAD", "--iterations", "50");

            // HEAD~2..HEAD is 'broken' and 'fixed': nothing learned ('fixed' has only the plan's own tasks), 'broken' named.
            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().Be("tpm: history: skipped plan.tpm@" + broken + ": the plan has errors at that commit\n");
            result.Out.Should().Contain("  calibration: not applied: 1 finished task with an estimate and actual dates and 0 from history; a group needs 3\n" +
                                        "  history: 0 finished tasks; 1 older record of the same tasks not counted\n");

            // One revision is itself and its history: 'gone' (ratio 2, removed since) is learned from at the first commit.
            var first = git.Git("rev-list", "--max-parents=0", "HEAD").Trim().Substring(0, 12);
            var all = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "HEAD", "--iterations", "50");
            all.ExitCode.Should().Be(0, all.ToString());
            all.Out.Should().Contain("  calibration: not applied: 1 finished task with an estimate and actual dates and 1 from history; a group needs 3\n" +
                                     "  history: 1 finished task from 1 source: plan.tpm@" + first + " 1; 1 older record of the same tasks not counted\n");

            var typo = Tpm.Run(git.Path, "forecast", "plan.tpm", "--calibrate", "--history", "histroy", "--iterations", "50");
            typo.ExitCode.Should().Be(2, typo.ToString());
            typo.Error.Should().Contain("--history 'histroy' is neither a folder nor a revision of the repository");
        }
    }
}
