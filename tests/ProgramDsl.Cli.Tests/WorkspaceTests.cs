using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Includes are confined to the workspace (README, "Workspace and limits"): only regular files inside it, of at most
    /// 64 MiB, are read; nothing else is opened, and no diagnostic quotes a file outside it. These tests use Unix files
    /// (/etc/passwd, /proc, /dev/zero, FIFOs, symbolic links).
    /// </summary>
    public class WorkspaceTests
    {
        private const string Outside = "it is outside the workspace '{0}'; only files inside it are read";

        // The include on line 3 + i, its path string at column 11.
        private static string Including(params string[] includes) =>
            "program p \"P\" {\n  start 2027-03-01\n" + string.Concat(includes.Select(i => "  include \"" + i + "\"\n")) + "  task t \"T\" { duration 1d }\n}\n";

        private static string Program(string id) => "program " + id + " \"P\" {\n  start 2027-03-01\n  task t \"T\" { duration 1d }\n}\n";



        private static string Real(TempFolder temp, string relative = "") => Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(temp.Path, relative)));

        [Fact]
        public void An_absolute_include_outside_the_workspace_is_TPM1006_and_the_file_is_not_quoted()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("/etc/passwd"));

            var result = Tpm.Run(temp.Path, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include '/etc/passwd': " + string.Format(Outside, Real(temp)) + " (looked for '/etc/passwd')\n");
            result.ToString().Should().NotContain("root");
        }

        [Fact]
        public void Dot_dot_segments_that_leave_the_workspace_are_TPM1006()
        {
            using var temp = new TempFolder();
            temp.Write("plans/plan.tpm", Including("../../../../../../../../etc/hostname"));

            var result = Tpm.Run(temp.Path, "check", "plans/plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("plans/plan.tpm(3,11): error TPM1006: cannot include '../../../../../../../../etc/hostname': " + string.Format(Outside, Real(temp, "plans")));
            var hostname = File.Exists("/etc/hostname") ? File.ReadAllText("/etc/hostname").Trim() : string.Empty;
            if (hostname.Length > 0) result.ToString().Should().NotContain(hostname);
        }

        [Fact]
        public void Proc_self_environ_is_refused_and_no_variable_is_printed()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("/proc/self/environ"));

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("TPM1006").And.Contain("outside the workspace");
            result.ToString().Should().NotContain("PATH=").And.NotContain(Environment.GetEnvironmentVariable("PATH")!);
        }

        [Fact]
        public void A_symbolic_link_whose_target_leaves_the_repository_is_TPM1006()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plans/plan.tpm", Including("secret.tpm", "etc/passwd"));
            temp.Write("outside/secret.tpm", "person leaked \"Leaked\"\n");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "secret.tpm"), Path.Combine(temp.Path, "outside", "secret.tpm"));
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "etc"), "/etc");

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "plans/plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            var outside = string.Format(Outside, Real(temp, "repo"));
            Tpm.Lines(result.Out).Should().Equal(
                "plans/plan.tpm(3,11): error TPM1006: cannot include 'secret.tpm': " + outside + " (looked for 'plans/secret.tpm')",
                "plans/plan.tpm(4,11): error TPM1006: cannot include 'etc/passwd': " + outside + " (looked for 'plans/etc/passwd')");
            result.ToString().Should().NotContain("leaked").And.NotContain("root");
        }

        [Fact]
        public void A_symbolic_link_inside_the_repository_to_a_file_inside_it_is_followed()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("plans/plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  include \"people.tpm\"\n  task t \"T\" { effort 2d  assign zoe }\n}\n");
            temp.Write("shared/team.tpm", Plans.Fragment);
            File.CreateSymbolicLink(Path.Combine(temp.Path, "plans", "people.tpm"), "../shared/team.tpm");

            var result = Tpm.Run(temp.Path, "check", "plans/plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
        }

        [Fact]
        public void A_fifo_include_is_TPM1006_without_being_opened()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("pipe.tpm"));
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe.tpm"));

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include 'pipe.tpm': it is a FIFO (named pipe), not a regular file (looked for 'pipe.tpm')\n");
        }

        [Fact]
        public void A_folder_include_is_TPM1006()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("people"));
            temp.Write("people/team.tpm", Plans.Fragment);

            var result = Tpm.Run(temp.Path, "check", "plan.tpm");

            result.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include 'people': it is a folder, not a regular file (looked for 'people')\n");
        }

        [Fact]
        public void Dev_zero_is_outside_the_workspace_and_a_device_even_inside_one()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("/dev/zero"));

            var confined = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");
            var everything = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm", "--workspace", "/");

            confined.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include '/dev/zero': " + string.Format(Outside, Real(temp)) + " (looked for '/dev/zero')\n");
            everything.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include '/dev/zero': it is a character device, not a regular file (looked for '/dev/zero')\n");
        }

        [Fact]
        public void An_include_over_64_MiB_is_TPM1007_and_is_not_read()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("huge.tpm"));
            using (var huge = new FileStream(Path.Combine(temp.Path, "huge.tpm"), FileMode.Create))
            {
                huge.SetLength(InputLimits.MaxFileBytes + 1); // sparse: no disk space used
            }

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1007: cannot include 'huge.tpm': it is 67,108,865 bytes, over the limit of 67,108,864 bytes (64 MiB) for a plan file (looked for 'huge.tpm')\n");
        }

        [Fact]
        public void A_program_file_over_64_MiB_is_TPM1007_at_its_first_character()
        {
            using var temp = new TempFolder();
            using (var huge = new FileStream(Path.Combine(temp.Path, "huge.tpm"), FileMode.Create))
            {
                huge.SetLength(InputLimits.MaxFileBytes + 1);
            }

            var check = Tpm.RunBounded(temp.Path, 30, "check", "huge.tpm");
            var walk = Tpm.RunBounded(temp.Path, 30, "check", ".");

            check.ExitCode.Should().Be(1, check.ToString());
            check.Out.Should().Be("huge.tpm(1,1): error TPM1007: cannot read 'huge.tpm': it is 67,108,865 bytes, over the limit of 67,108,864 bytes (64 MiB) for a plan file\n");
            walk.Out.Should().Be(check.Out);
        }

        [Theory]
        [InlineData("check")]
        [InlineData("schedule")]
        [InlineData("build")]
        public void A_fifo_or_device_named_as_the_plan_is_a_usage_error(string command)
        {
            using var temp = new TempFolder();
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe.tpm"));

            var fifo = Tpm.RunBounded(temp.Path, 30, command, "pipe.tpm");
            var zero = Tpm.RunBounded(temp.Path, 30, command, "/dev/zero");

            fifo.ExitCode.Should().Be(2, fifo.ToString());
            fifo.Error.Should().Be("tpm: error: 'pipe.tpm' is a FIFO (named pipe), not a regular file\n");
            zero.ExitCode.Should().Be(2, zero.ToString());
            zero.Error.Should().Be("tpm: error: '/dev/zero' is a character device, not a regular file\n");
        }

        [Fact]
        public void A_folder_walk_with_self_and_parent_links_and_a_fifo_ends_and_checks_each_program_once()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("plans/a.tpm", Plans.WithWarning);
            temp.Write("plans/sub/b.tpm", Plans.WithWarning);
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "plans", "self"), ".");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "plans", "sub", "up"), "..");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "plans", "same.tpm"), "a.tpm");
            Tpm.MakeFifo(Path.Combine(temp.Path, "plans", "x.tpm"));

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plans");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Select(l => l.Substring(0, l.IndexOf('('))).Should().Equal("plans/a.tpm", "plans/sub/b.tpm");
            result.Error.Should().Be("2 programs checked: 0 errors, 2 warnings\n");
        }

        [Fact]
        public void A_folder_walk_does_not_follow_a_link_out_of_the_workspace()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            temp.Write("repo/plans/a.tpm", Program("inside"));
            temp.Write("outside/b.tpm", Plans.WithError);
            temp.Write("outside/c.tpm", Plans.WithError);
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "ext"), Path.Combine(temp.Path, "outside"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "c.tpm"), Path.Combine(temp.Path, "outside", "c.tpm"));

            var result = Tpm.RunBounded(Path.Combine(temp.Path, "repo"), 30, "check", "plans");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().Be("1 program checked: 0 errors, 0 warnings\n");
        }

        [Fact]
        public void Without_a_repository_the_workspace_is_the_plans_folder_and_workspace_widens_it()
        {
            using var temp = new TempFolder();
            temp.Write("plans/plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  include \"../shared/team.tpm\"\n  task t \"T\" { effort 2d  assign zoe }\n}\n");
            temp.Write("shared/team.tpm", Plans.Fragment);

            var confined = Tpm.Run(temp.Path, "check", "plans/plan.tpm");
            var widened = Tpm.Run(temp.Path, "check", "plans/plan.tpm", "--workspace", ".");

            confined.ExitCode.Should().Be(1, confined.ToString());
            Tpm.Lines(confined.Out)[0].Should().Be("plans/plan.tpm(3,11): error TPM1006: cannot include '../shared/team.tpm': " + string.Format(Outside, Real(temp, "plans")) + " (looked for 'shared/team.tpm')");
            widened.ExitCode.Should().Be(0, widened.ToString());
            widened.Out.Should().BeEmpty();
        }

        [Fact]
        public void A_git_file_marks_the_repository_root_as_in_a_worktree()
        {
            using var temp = new TempFolder();
            temp.Write(".git", "gitdir: /somewhere/else\n");
            temp.Write("plans/plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  include \"../shared/team.tpm\"\n  task t \"T\" { effort 2d  assign zoe }\n}\n");
            temp.Write("shared/team.tpm", Plans.Fragment);

            var result = Tpm.Run(temp.Path, "check", "plans/plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
        }

        [Fact]
        public void An_explicit_workspace_can_narrow_the_repository()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, ".git"));
            temp.Write("plans/plan.tpm", Including("../shared/team.tpm"));
            temp.Write("shared/team.tpm", Plans.Fragment);

            var result = Tpm.Run(temp.Path, "check", "plans/plan.tpm", "--workspace", "plans");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("error TPM1006").And.Contain(string.Format(Outside, Real(temp, "plans")));
        }

        [Theory]
        [InlineData("schedule")]
        [InlineData("status")]
        [InlineData("forecast")]
        [InlineData("build")]
        public void Every_command_that_reads_plans_applies_the_workspace(string command)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("/etc/passwd"));

            var result = Tpm.Run(temp.Path, command, "plan.tpm", "--workspace", ".");

            result.ExitCode.Should().Be(1, result.ToString());
            result.ToString().Should().Contain("TPM1006").And.NotContain("root");
            Directory.Exists(Path.Combine(temp.Path, "tpm-out")).Should().BeFalse();
        }

        [Fact]
        public void A_loop_of_symbolic_links_is_TPM1004_not_a_hang()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("a.tpm"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "a.tpm"), "b.tpm");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "b.tpm"), "a.tpm");

            var include = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");
            var walk = Tpm.RunBounded(temp.Path, 30, "check", ".");

            include.Out.Should().Be("plan.tpm(3,11): error TPM1004: cannot include 'a.tpm': too many levels of symbolic links at '" + Real(temp, "a.tpm") + "' (looked for 'a.tpm')\n");
            walk.Error.Should().Be("1 program checked: 1 error, 0 warnings\n");
        }

        [Theory]
        [InlineData("/dev/zero", "a character device")]
        [InlineData("pipe.xml", "a FIFO (named pipe)")]
        public void Import_opens_only_regular_files(string input, string what)
        {
            using var temp = new TempFolder();
            Tpm.MakeFifo(Path.Combine(temp.Path, "pipe.xml"));

            var result = Tpm.RunBounded(temp.Path, 30, "import", input, "-o", "out.tpm");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: '" + input + "' is " + what + ", not a regular file\n");
        }

        [Fact]
        public void Paths_no_file_system_has_are_located_errors_not_internal_ones()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("a\0b.tpm", "", "/"));

            var result = Tpm.Run(temp.Path, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            Tpm.Lines(result.Out).Should().Equal(
                "plan.tpm(3,11): error TPM1004: cannot include 'a\\u0000b.tpm': a path cannot hold a NUL character (looked for 'a\\u0000b.tpm')",
                "plan.tpm(4,11): error TPM1006: cannot include '': it is a folder, not a regular file (looked for '.')",
                "plan.tpm(5,11): error TPM1006: cannot include '/': " + string.Format(Outside, Real(temp)) + " (looked for '/')");
        }

        [Theory]
        [InlineData("check")]
        [InlineData("build")]
        public void A_plan_named_on_the_command_line_that_links_out_of_the_repository_is_not_read(string command)
        {
            // The build names every **/*.tpm file, so a link in a pull request is named as a plan.
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "passwd.tpm"), "/etc/passwd");
            temp.Write("outside/plan.tpm", Program("outside"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plan.tpm"), Path.Combine(temp.Path, "outside", "plan.tpm"));

            var result = Tpm.Run(Path.Combine(temp.Path, "repo"), command, "passwd.tpm", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            var outside = string.Format(Outside, Real(temp, "repo"));
            Tpm.Lines(result.Out).Should().Equal(
                "passwd.tpm(1,1): error TPM1006: cannot read 'passwd.tpm': " + outside,
                "plan.tpm(1,1): error TPM1006: cannot read 'plan.tpm': " + outside);
            result.ToString().Should().NotContain("root");
            Directory.Exists(Path.Combine(temp.Path, "repo", "tpm-out")).Should().BeFalse();
        }

        [Fact]
        public void Workspace_must_name_a_folder()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Program("p"));

            var result = Tpm.Run(temp.Path, "check", "plan.tpm", "--workspace", "nowhere");

            result.ExitCode.Should().Be(2);
            result.Error.Should().Be("tpm: error: --workspace 'nowhere' is not a folder\n");
        }

        [Fact]
        public void Includes_through_links_to_their_own_folder_are_cycles_by_real_path_and_end()
        {
            // 'a -> .' and 'b -> .' with f.tpm including a/f.tpm and b/f.tpm: told apart by path as written, the files
            // doubled at each level up to the 40 links a path may hold, and tpm never ended.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("f.tpm"));
            temp.Write("f.tpm", "include \"a/f.tpm\"\ninclude \"b/f.tpm\"\n");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "a"), ".");
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "b"), ".");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be(
                "f.tpm(1,9): error TPM1004: include cycle: f.tpm → a/f.tpm; remove one of these includes\n" +
                "f.tpm(2,9): error TPM1004: include cycle: f.tpm → b/f.tpm; remove one of these includes\n");
        }

        [Fact]
        public void A_plan_included_through_a_link_alias_of_itself_is_a_cycle()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("alias.tpm"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "alias.tpm"), "plan.tpm");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1004: include cycle: plan.tpm → alias.tpm; remove one of these includes\n");
        }

        [Theory]
        [InlineData("token.txt")]
        [InlineData(".git/config")]
        [InlineData("link.tpm")]
        public void A_file_inside_the_workspace_that_is_not_a_plan_is_TPM1006_and_its_first_word_is_not_quoted(string include)
        {
            // A syntax error quotes the first token it does not expect: a token file a CI step wrote into the checkout
            // would have gone to the log as "unexpected 'ghp_…'".
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including(include));
            temp.Write("token.txt", "ghp_SECRET0123456789\n");
            temp.Write(".git/config", "ghp_SECRET0123456789 = 1\n");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "link.tpm"), "token.txt");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plan.tpm(3,11): error TPM1006: cannot include '" + include + "': it is not a plan file; an include reads only files named '*.tpm' (looked for '" + include + "')\n");
            result.ToString().Should().NotContain("SECRET");
        }

        [Fact]
        public void A_plan_named_by_a_glob_that_links_to_a_file_that_is_not_a_plan_is_TPM1006_and_not_quoted()
        {
            // A build or a shell glob names every *.tpm file; a link in a pull request makes one of them a token file.
            using var temp = new TempFolder();
            temp.Write("plans/token.txt", "ghp_SECRET0123456789\n");
            File.CreateSymbolicLink(Path.Combine(temp.Path, "plans", "leak.tpm"), "token.txt");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plans/leak.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plans/leak.tpm(1,1): error TPM1006: cannot read 'plans/leak.tpm': it is not a plan file; an include reads only files named '*.tpm'\n");
            result.ToString().Should().NotContain("SECRET");
        }

        [Fact]
        public void A_fragment_whose_file_name_holds_a_line_break_is_printed_on_one_line()
        {
            // File names may hold line breaks; the second line of the name would start with a GitHub Actions command.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Including("a\\n::error file=README.md::forged.tpm"));
            temp.Write("a\n::error file=README.md::forged.tpm", "person bob\nperson bob\n");

            var result = Tpm.RunBounded(temp.Path, 30, "check", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            Tpm.Lines(result.Out).Should().ContainSingle().Which.Should().StartWith("a\\n::error file=README.md::forged.tpm(2,8): error TPM1002:");
        }
    }
}
