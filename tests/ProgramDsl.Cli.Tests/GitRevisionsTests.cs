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
        [InlineData("plan/*.tpm", SourceFailure.Unreadable)]
        [InlineData(":(glob)plan/*.tpm", SourceFailure.Unreadable)]
        public void Only_regular_plan_files_inside_the_repository_are_read(string path, SourceFailure expected)
        {
            using var repo = TwoCommits();
            repo.Write("plan/notes.txt", "token=secret\n");
            File.CreateSymbolicLink(Path.Combine(repo.Path, "plan/link.tpm"), "notes.txt");
            repo.Commit("notes and a link");
            var git = GitRevisions.Open(new RootedFileSystem(repo.Path), "plan/program.tpm");

            git.TryRead(git.ResolveCommit("HEAD"), path, out var text, out var error).Should().BeFalse();

            error!.Kind.Should().Be(expected);
            text.Should().BeEmpty();
            error.Message.Should().NotContain("secret");
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
