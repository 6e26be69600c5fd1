using System;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>GitRevisions on a real repository: plans and includes as they were, and what it refuses to read or run.</summary>
    public class GitRevisionsTests
    {
        private static GitRepository TwoCommits()
        {
            var repo = new GitRepository();
            repo.Write("plan/program.tpm", "program p \"P\" {\n  start 2027-03-01\n  include \"team.tpm\"\n  task a \"A\" { effort 2d  assign ana }\n}\n")
                .Write("plan/team.tpm", "person ana \"Ana\" { rate 100/d }\n")
                .Commit("first");
            repo.Edit("plan/team.tpm", "100/d", "200/d").Commit("second");
            return repo;
        }

        private static string Read(GitRevisions git, string commit, string path)
        {
            git.TryRead(commit, path, out var text, out var error).Should().BeTrue(error?.Message);
            return text;
        }

        [Fact]
        public void Reads_a_plan_and_its_include_as_they_are_at_each_revision()
        {
            using var repo = TwoCommits();
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            var first = git.ResolveCommit("HEAD~1");
            var second = git.ResolveCommit("main");

            first.Should().MatchRegex("^[0-9a-f]{40}$").And.NotBe(second);
            Read(git, first, "plan/team.tpm").Should().Be("person ana \"Ana\" { rate 100/d }\n");
            Read(git, second, "plan/team.tpm").Should().Be("person ana \"Ana\" { rate 200/d }\n");
            Read(git, second, "./plan/../plan/program.tpm").Should().StartWith("program p");
        }

        [Fact]
        public void A_plan_compiled_through_a_revision_takes_its_includes_from_that_revision()
        {
            using var repo = TwoCommits();
            repo.Edit("plan/team.tpm", "200/d", "300/d");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");
            var commit = git.ResolveCommit("HEAD~1");
            var resolver = git.At(commit);
            resolver.TryReadText("plan/program.tpm", out var text, out _).Should().BeTrue();

            var program = TpmProgram.Compile(new ProgramDsl.Text.SourceText("plan/program.tpm", text), resolver);

            program.Diagnostics.Should().BeEmpty();
            // 2 days at the first commit's 100/d, not the working tree's 300/d.
            program.Schedule!.Cost.Should().Be(200m);
        }

        [Theory]
        [InlineData("--output=/tmp/tpm-git-injected", "a revision cannot start with '-'")]
        [InlineData("-h", "a revision cannot start with '-'")]
        [InlineData("HEAD\n--all", "a revision cannot hold control characters")]
        [InlineData("", "a revision cannot be empty")]
        public void A_revision_that_git_would_read_as_an_option_or_that_holds_control_characters_is_refused(string revision, string message)
        {
            using var repo = TwoCommits();
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            var act = () => git.ResolveCommit(revision);

            act.Should().Throw<UsageException>().WithMessage(message + "*");
            File.Exists("/tmp/tpm-git-injected").Should().BeFalse();
        }

        [Fact]
        public void An_overlong_revision_and_an_unknown_one_are_usage_errors()
        {
            using var repo = TwoCommits();
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            ((Action)(() => git.ResolveCommit(new string('a', GitRevisions.MaxRevisionLength + 1)))).Should().Throw<UsageException>().WithMessage("a revision is at most 256 characters*");
            ((Action)(() => git.ResolveCommit("no-such-branch"))).Should().Throw<UsageException>().WithMessage("'no-such-branch' names no commit in the repository *");
            // A blob or a tree is not a commit: HEAD:path names a file.
            ((Action)(() => git.ResolveCommit("HEAD:plan/program.tpm"))).Should().Throw<UsageException>();
        }

        [Theory]
        [InlineData("../outside.tpm", SourceFailure.OutsideWorkspace)]
        [InlineData("/etc/passwd", SourceFailure.OutsideWorkspace)]
        [InlineData(".git/config", SourceFailure.OutsideWorkspace)]
        [InlineData(".GIT/HEAD", SourceFailure.OutsideWorkspace)]
        [InlineData("plan/missing.tpm", SourceFailure.Unreadable)]
        [InlineData("plan", SourceFailure.NotRegularFile)]
        [InlineData("plan/notes.txt", SourceFailure.NotRegularFile)]
        [InlineData("plan/link.tpm", SourceFailure.NotRegularFile)]
        [InlineData("plan/out.tpm", SourceFailure.OutsideWorkspace)]
        [InlineData("plan/up.tpm", SourceFailure.OutsideWorkspace)]
        [InlineData("plan/loop.tpm", SourceFailure.Unreadable)]
        [InlineData("plan/to-git.tpm", SourceFailure.OutsideWorkspace)]
        [InlineData("plan/*.tpm", SourceFailure.Unreadable)]
        [InlineData(":(glob)plan/*.tpm", SourceFailure.Unreadable)]
        public void Only_regular_plan_files_inside_the_repository_are_read(string path, SourceFailure expected)
        {
            using var repo = TwoCommits();
            repo.Write("plan/notes.txt", "token=secret\n");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/link.tpm"), "notes.txt");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/out.tpm"), "/etc/passwd");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/up.tpm"), "../../outside.tpm");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/loop.tpm"), "loop.tpm");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/to-git.tpm"), "../.git/config");
            repo.Commit("notes and links");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            git.TryRead(git.ResolveCommit("HEAD"), path, out var text, out var error).Should().BeFalse();

            error!.Kind.Should().Be(expected);
            text.Should().BeEmpty();
            error.Message.Should().NotContain("secret");
        }

        [Fact]
        public void A_committed_link_to_a_plan_inside_the_repository_is_followed_as_on_disk()
        {
            using var repo = TwoCommits();
            repo.Write("shared/team.tpm", "person ana \"Ana\" { rate 300/d }\n");
            File.Delete(Path.Combine(repo.Path, "plan/team.tpm"));
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/team.tpm"), "../shared/./team.tpm");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/again.tpm"), "team.tpm");
            repo.Commit("a shared team");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");
            var head = git.ResolveCommit("HEAD");

            Read(git, head, "plan/again.tpm").Should().Be("person ana \"Ana\" { rate 300/d }\n");
            git.Identify(head, "plan/again.tpm").Should().Be("shared/team.tpm");
            git.Identify(head, "plan/team.tpm").Should().Be("shared/team.tpm");
            resolverCost(git, head).Should().Be(600m);

            static decimal resolverCost(GitRevisions git, string commit)
            {
                var resolver = git.At(commit);
                resolver.TryReadText("plan/program.tpm", out var text, out _).Should().BeTrue();
                var program = TpmProgram.Compile(new ProgramDsl.Text.SourceText("plan/program.tpm", text), resolver);
                program.Diagnostics.Should().BeEmpty();
                return program.Schedule!.Cost;
            }
        }

        [Fact]
        public void A_problem_is_worded_as_on_disk_so_a_diff_matches_it_on_both_sides()
        {
            using var repo = TwoCommits();
            repo.Edit("plan/program.tpm", "include \"team.tpm\"", "include \"team.tpm\"\n  include \"gone.tpm\"").Commit("a missing include");
            repo.Edit("plan/program.tpm", "task a", "task b").Commit("rename");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            git.TryRead(git.ResolveCommit("HEAD~1"), "plan/gone.tpm", out _, out var before).Should().BeFalse();
            git.TryRead(git.ResolveCommit("HEAD"), "plan/gone.tpm", out _, out var after).Should().BeFalse();
            var disk = new FileSystemSourceResolver(new RootedFileSystem(repo.Path), repo.Path);
            disk.TryReadText("plan/gone.tpm", out _, out var onDisk).Should().BeFalse();

            before!.Message.Should().Be(after!.Message).And.Be(onDisk!.Message);
            git.TryRead(git.ResolveCommit("HEAD"), "plan", out _, out var folder).Should().BeFalse();
            disk.TryReadText("plan", out _, out var folderOnDisk).Should().BeFalse();
            folder!.Message.Should().Be(folderOnDisk!.Message);
        }

        [Fact]
        public void A_program_at_a_revision_is_measured_against_the_baseline_committed_with_it()
        {
            using var repo = TwoCommits();
            // The baseline of the first commit's plan (2 days of ana at 100/d), committed beside it and named by it.
            var first = TpmProgram.Compile(new ProgramDsl.Text.SourceText("plan/program.tpm", File.ReadAllText(Path.Combine(repo.Path, "plan/program.tpm"))),
                new InMemorySourceResolver().Add("plan/team.tpm", "person ana \"Ana\" { rate 100/d }\n"));
            repo.Write("plan/program.baseline.q1.json", ProgramDsl.Baselines.BaselineJson.Write(ProgramDsl.Baselines.BaselineSnapshot.Capture(first.Schedule!, "q1")))
                .Edit("plan/program.tpm", "  start 2027-03-01\n", "  start 2027-03-01\n  baseline \"program.baseline.q1.json\"\n")
                .Commit("a baseline");
            repo.Edit("plan/program.tpm", "effort 2d", "effort 4d").Commit("longer");
            // The working tree has lost the file: the revisions still have it.
            File.Delete(Path.Combine(repo.Path, "plan/program.baseline.q1.json"));
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            var program = Compile(git, git.ResolveCommit("HEAD"));

            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            program.Baseline.Should().NotBeNull();
            program.Baseline!.Baseline.Name.Should().Be("q1");
            program.Baseline.Baseline.Cost.Should().Be(200m);
            // Two more working days than the baseline's plan of the first commit.
            program.Baseline.FinishSlipDays.Should().Be(2);

            static TpmProgram Compile(GitRevisions git, string commit)
            {
                var resolver = git.At(commit);
                resolver.TryReadText("plan/program.tpm", out var text, out _).Should().BeTrue();
                return TpmProgram.Compile(new ProgramDsl.Text.SourceText("plan/program.tpm", text), resolver);
            }
        }

        [Theory]
        [InlineData("plan/team.tpm", SourceFailure.NotRegularFile)]
        [InlineData("../x.json", SourceFailure.OutsideWorkspace)]
        [InlineData("plan/none.json", SourceFailure.Unreadable)]
        public void A_baseline_at_a_revision_is_read_under_the_include_rules_and_must_be_json(string path, SourceFailure expected)
        {
            using var repo = TwoCommits();
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");
            var resolver = (IBaselineResolver)git.At(git.ResolveCommit("HEAD"));

            resolver.TryReadBaseline(path, out var text, out var error).Should().BeFalse();

            error!.Kind.Should().Be(expected);
            text.Should().BeEmpty();
        }

        [Fact]
        public void Commits_of_a_range_are_listed_newest_first_and_bounded()
        {
            using var repo = TwoCommits();
            repo.Edit("plan/team.tpm", "200/d", "300/d").Commit("third");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan");
            var ids = new[] { "HEAD", "HEAD~1", "HEAD~2" }.Select(git.ResolveCommit).ToList();

            git.Commits("HEAD~2..HEAD", 10).Should().Equal(ids[0], ids[1]);
            git.Commits("HEAD", 2).Should().Equal(ids[0], ids[1]);
            ((Action)(() => git.Commits("--all", 10))).Should().Throw<UsageException>();
            ((Action)(() => git.Commits("nothing..HEAD", 10))).Should().Throw<UsageException>();
        }

        [Fact]
        public void Plan_files_at_a_revision_are_the_regular_tpm_blobs_under_a_folder()
        {
            using var repo = TwoCommits();
            repo.Write("plan/notes.txt", "n\n").Write("other/x.tpm", "program x \"X\" { start 2027-03-01 }\n");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/link.tpm"), "program.tpm");
            repo.Commit("more");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), ".");
            var head = git.ResolveCommit("HEAD");

            git.PlanFiles(head, ".", 100).Should().Equal("other/x.tpm", "plan/program.tpm", "plan/team.tpm");
            git.PlanFiles(head, "plan", 100).Should().Equal("plan/program.tpm", "plan/team.tpm");
            git.PlanFiles(git.ResolveCommit("HEAD~2"), ".", 1).Should().Equal("plan/program.tpm");
            // Listed paths are read from any working folder through their full path.
            var fromElsewhere = GitRevisions.Open(new RootedFileSystem(Path.Combine(repo.Path, "other")), ".");
            Read(fromElsewhere, head, fromElsewhere.FullPath("plan/team.tpm")).Should().Be("person ana \"Ana\" { rate 200/d }\n");
        }

        [Theory]
        [InlineData(".git/config")]
        [InlineData("plan/../.Git/HEAD")]
        public void A_path_in_the_git_folder_is_a_usage_error(string path)
        {
            using var repo = TwoCommits();

            var act = () => GitRevisions.Open(new RootedFileSystem(repo.Path), path);

            act.Should().Throw<UsageException>().WithMessage("'" + path + "' is inside a .git folder; only plan files are compared");
        }

        [Fact]
        public void A_folder_in_no_repository_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" { start 2027-03-01 }\n");

            var act = () => GitRevisions.Open(new RootedFileSystem(temp.Path), "plan.tpm");

            act.Should().Throw<UsageException>().WithMessage("'plan.tpm' is not in a git repository*");
        }
    }
}
