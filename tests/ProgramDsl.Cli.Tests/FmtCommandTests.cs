using System;
using System.IO;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Tests.Properties;

namespace ProgramDsl.Cli.Tests
{
    public class FmtCommandTests
    {
        private const string Messy = "program p \"P\" {\nstart 2027-01-04\n   person ana \"Ana\" {skills python;rate 800/d}\n task t \"T\" {  effort 5d\n assign ana  }\n}";

        private const string Tidy = "program p \"P\" {\n  start 2027-01-04\n  person ana \"Ana\" { skills python  rate 800/d }\n  task t \"T\" {\n    effort 5d\n    assign ana\n  }\n}\n";

        private const string Fragment = "// people\nperson bob \"Bob\" {   skills sql }\n";

        private const string TidyFragment = "// people\nperson bob \"Bob\" { skills sql }\n";

        private const string Broken = "program b {\n  start 2027-01-04\n  task t { effort 10 }\n}\n";

        [Fact]
        public void The_examples_are_formatted()
        {
            var result = Tpm.Run(RepositoryPaths.Root, "fmt", "--check", "examples");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().MatchRegex(@"^\d+ files checked, all formatted\n$");
        }

        [Fact]
        public void A_file_with_bytes_that_are_not_UTF8_is_not_rewritten_and_the_others_are()
        {
            using var temp = new TempFolder();
            // 0xE9 alone is Latin-1 'é', not UTF-8: read as U+FFFD, so a rewrite would lose the byte.
            var latin1 = Encoding.UTF8.GetBytes("program  p {\n start 2027-01-04 // caf").Concat(new byte[] { 0xE9 }).Concat(Encoding.UTF8.GetBytes("\n}\n")).ToArray();
            Directory.CreateDirectory(Path.Combine(temp.Path, "plans"));
            File.WriteAllBytes(Path.Combine(temp.Path, "plans/a.tpm"), latin1);
            temp.Write("plans/b.tpm", Messy);

            var result = Tpm.Run(temp.Path, "fmt", "plans");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Contain("tpm: error: 'plans/a.tpm' is not rewritten: it holds U+FFFD").And.EndWith("2 files checked, 1 reformatted, 1 not written\n");
            File.ReadAllBytes(Path.Combine(temp.Path, "plans/a.tpm")).Should().Equal(latin1);
            File.ReadAllText(Path.Combine(temp.Path, "plans/b.tpm")).Should().Be(Tidy);
        }

        [Fact]
        public void Check_lists_the_files_that_would_change_exits_1_and_writes_nothing()
        {
            using var temp = new TempFolder();
            temp.Write("plans/a.tpm", Messy);
            temp.Write("plans/sub/people.tpm", Fragment);
            temp.Write("plans/tidy.tpm", Tidy);

            var result = Tpm.Run(temp.Path, "fmt", "--check", "plans");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("plans/a.tpm\nplans/sub/people.tpm\n");
            result.Error.Should().Be("3 files checked, 2 not formatted\n");
            File.ReadAllText(Path.Combine(temp.Path, "plans/a.tpm")).Should().Be(Messy);
            File.ReadAllText(Path.Combine(temp.Path, "plans/sub/people.tpm")).Should().Be(Fragment);
        }

        [Fact]
        public void Formats_files_and_folders_recursively_fragments_included_then_check_passes()
        {
            using var temp = new TempFolder();
            temp.Write("plans/a.tpm", Messy);
            temp.Write("plans/sub/deeper/people.tpm", Fragment);
            temp.Write("plans/notes.txt", "not a plan {");
            temp.Write("other.tpm", Messy);

            var result = Tpm.Run(temp.Path, "fmt", "plans", "other.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("3 files checked, 3 reformatted\n");
            File.ReadAllText(Path.Combine(temp.Path, "plans/a.tpm")).Should().Be(Tidy);
            File.ReadAllText(Path.Combine(temp.Path, "plans/sub/deeper/people.tpm")).Should().Be(TidyFragment);
            File.ReadAllText(Path.Combine(temp.Path, "other.tpm")).Should().Be(Tidy);
            File.ReadAllText(Path.Combine(temp.Path, "plans/notes.txt")).Should().Be("not a plan {");

            var check = Tpm.Run(temp.Path, "fmt", "--check", ".");
            check.ExitCode.Should().Be(0, check.ToString());
            check.Out.Should().BeEmpty();
        }

        [Fact]
        public void Writes_atomically_and_only_a_file_whose_text_changes()
        {
            using var temp = new TempFolder();
            var messy = temp.Write("messy.tpm", Messy);
            var tidy = temp.Write("tidy.tpm", Tidy);
            var messyBefore = FileKinds.Identify(messy);
            var tidyBefore = FileKinds.Identify(tidy);
            var tidyWritten = File.GetLastWriteTimeUtc(tidy);

            var result = Tpm.Run(temp.Path, "fmt", ".");

            result.ExitCode.Should().Be(0, result.ToString());
            File.ReadAllText(messy).Should().Be(Tidy);

            // Replaced by a rename (a new file in its place, never a half-written one); the formatted file is not touched.
            FileKinds.Identify(messy).Should().NotBe(messyBefore);
            FileKinds.Identify(tidy).Should().Be(tidyBefore);
            File.GetLastWriteTimeUtc(tidy).Should().Be(tidyWritten);
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().BeEquivalentTo("messy.tpm", "tidy.tpm");
        }

        [Fact]
        public void A_plan_that_formatting_would_grow_past_64_MiB_is_refused_and_left_as_it_is()
        {
            // Within the byte limit as written (two bytes a character in its comments), past it once indented.
            using var temp = new TempFolder();
            var sb = new StringBuilder("program big {\nstart 2027-01-04\n");
            var rule = "// " + new string('é', 200) + "\n";
            long bytes = Encoding.UTF8.GetByteCount(sb.ToString()) + 2;
            long ruleBytes = Encoding.UTF8.GetByteCount(rule);
            while (bytes + ruleBytes <= ProgramDsl.InputLimits.MaxFileBytes)
            {
                sb.Append(rule);
                bytes += ruleBytes;
            }

            sb.Append("}\n");
            var path = temp.Write("big.tpm", sb.ToString());
            var before = File.ReadAllBytes(path);
            before.Length.Should().BeLessThanOrEqualTo((int)ProgramDsl.InputLimits.MaxFileBytes);

            var result = Tpm.Run(temp.Path, "fmt", "big.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("big.tpm(1,1): error TPM1007: the file is not formatted: its formatted text would be over the limit of 67,108,864 bytes");
            File.ReadAllBytes(path).Should().Equal(before);
        }

        [Fact]
        public void A_rewritten_file_keeps_its_permissions()
        {
            if (OperatingSystem.IsWindows()) return;
            using var temp = new TempFolder();
            var path = temp.Write("plan.tpm", Messy);
            var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
            File.SetUnixFileMode(path, mode);

            Tpm.Run(temp.Path, "fmt", "plan.tpm").ExitCode.Should().Be(0);

            File.ReadAllText(path).Should().Be(Tidy);
            File.GetUnixFileMode(path).Should().Be(mode);
        }

        [Fact]
        public void Stdout_prints_the_formatted_text_of_one_file_and_writes_nothing()
        {
            using var temp = new TempFolder();
            temp.Write("a.tpm", Messy);
            temp.Write("b.tpm", Messy);

            var result = Tpm.Run(temp.Path, "fmt", "--stdout", "a.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(Tidy);
            File.ReadAllText(Path.Combine(temp.Path, "a.tpm")).Should().Be(Messy);

            var two = Tpm.Run(temp.Path, "fmt", "--stdout", ".");
            two.ExitCode.Should().Be(2, two.ToString());
            two.Error.Should().Contain("--stdout formats one file; 2 were given");

            var both = Tpm.Run(temp.Path, "fmt", "--stdout", "--check", "a.tpm");
            both.ExitCode.Should().Be(2, both.ToString());
        }

        [Fact]
        public void A_file_with_syntax_errors_is_refused_with_TPM0001_and_left_untouched_while_the_others_are_formatted()
        {
            using var temp = new TempFolder();
            temp.Write("plans/broken.tpm", Broken);
            temp.Write("plans/messy.tpm", Messy);

            var result = Tpm.Run(temp.Path, "fmt", "plans");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().StartWith("plans/broken.tpm(3,19): error TPM0001: expected a unit after 10");
            result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().OnlyContain(l => l.Contains("error TPM0001"));
            result.Error.Should().Be("2 files checked, 1 reformatted, 1 refused for errors\n");
            File.ReadAllText(Path.Combine(temp.Path, "plans/broken.tpm")).Should().Be(Broken);
            File.ReadAllText(Path.Combine(temp.Path, "plans/messy.tpm")).Should().Be(Tidy);

            var check = Tpm.Run(temp.Path, "fmt", "--check", "plans/broken.tpm");
            check.ExitCode.Should().Be(1, check.ToString());
            check.Out.Should().StartWith("plans/broken.tpm(3,19): error TPM0001:");

            var stdout = Tpm.Run(temp.Path, "fmt", "--stdout", "plans/broken.tpm");
            stdout.ExitCode.Should().Be(1, stdout.ToString());
            stdout.Out.Should().BeEmpty("the diagnostics go to standard error when the text goes to standard output");
            stdout.Error.Should().StartWith("plans/broken.tpm(3,19): error TPM0001:");
        }

        [Fact]
        public void An_unterminated_block_comment_is_refused()
        {
            using var temp = new TempFolder();
            var text = "program p {\n  start 2027-01-04 /* never closed\n}\n";
            temp.Write("open.tpm", text);

            var result = Tpm.Run(temp.Path, "fmt", "open.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("open.tpm(2,20): error TPM0001: unterminated block comment");
            File.ReadAllText(Path.Combine(temp.Path, "open.tpm")).Should().Be(text);
        }

        [Fact]
        public void Keeps_CRLF_line_endings()
        {
            using var temp = new TempFolder();
            var path = temp.Write("crlf.tpm", Messy.Replace("\n", "\r\n"));

            var result = Tpm.Run(temp.Path, "fmt", "crlf.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            File.ReadAllText(path).Should().Be(Tidy.Replace("\n", "\r\n"));
        }

        [Fact]
        public void A_link_leaving_the_workspace_is_not_read_nor_written_and_a_link_inside_keeps_being_a_link()
        {
            if (OperatingSystem.IsWindows()) return;
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            var outside = temp.Write("outside/secret.tpm", Messy);
            var shared = temp.Write("repo/shared/team.tpm", Fragment);
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", "plans"));
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "secret.tpm"), outside);
            File.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "plans", "team.tpm"), "../shared/team.tpm");

            var result = Tpm.Run(temp.Path, "fmt", "repo/plans/secret.tpm", "repo/plans/team.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Contain("repo/plans/secret.tpm(1,1): error TPM1006:");
            File.ReadAllText(outside).Should().Be(Messy);
            File.ReadAllText(shared).Should().Be(TidyFragment);
            new FileInfo(Path.Combine(temp.Path, "repo", "plans", "team.tpm")).LinkTarget.Should().Be("../shared/team.tpm");
        }

        [Fact]
        public void A_folder_link_in_the_repository_leading_outside_is_not_a_workspace_of_its_own()
        {
            if (OperatingSystem.IsWindows()) return;
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "repo", ".git"));
            var outside = temp.Write("outside/secret.tpm", Messy);
            // A pull request adds 'docs -> ../../outside': named as written, docs is inside the repository, so the files
            // it leads to are outside the workspace; before, the link's target was taken as the folder to search from.
            Directory.CreateSymbolicLink(Path.Combine(temp.Path, "repo", "docs"), "../outside");

            var folder = Tpm.Run(Path.Combine(temp.Path, "repo"), "fmt", "docs");
            var file = Tpm.Run(Path.Combine(temp.Path, "repo"), "fmt", "docs/secret.tpm");
            var check = Tpm.Run(Path.Combine(temp.Path, "repo"), "check", "docs/secret.tpm");

            file.ExitCode.Should().Be(1, file.ToString());
            file.Out.Should().Contain("docs/secret.tpm(1,1): error TPM1006:");
            check.ExitCode.Should().Be(1, check.ToString());
            check.Out.Should().Contain("error TPM1006:");
            folder.ExitCode.Should().NotBe(0, folder.ToString());
            File.ReadAllText(outside).Should().Be(Messy);
        }

        [Fact]
        public void A_missing_path_or_a_folder_without_plans_is_a_usage_error()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "empty"));

            Tpm.Run(temp.Path, "fmt", "nothing.tpm").ExitCode.Should().Be(2);
            var empty = Tpm.Run(temp.Path, "fmt", "empty");
            empty.ExitCode.Should().Be(2, empty.ToString());
            empty.Error.Should().Contain("no .tpm files found in 'empty'");
        }

        /// <summary>Spaces outside strings replaced by random line breaks, tabs and comments.</summary>
        private static string Mess(string text, ulong seed)
        {
            var random = new Random((int)(seed % int.MaxValue));
            var sb = new StringBuilder();
            bool inString = false;
            bool inComment = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') inComment = false;
                else if (c == '/' && !inString && i + 1 < text.Length && text[i + 1] == '/') inComment = true;
                else if (c == '"' && !inComment) inString = !inString;
                if (c == ' ' && !inString && !inComment)
                {
                    sb.Append(random.Next(6) switch
                    {
                        0 => "\n",
                        1 => "\n\n\t ",
                        2 => " /* x */ ",
                        3 => " // y\n",
                        _ => "   ",
                    });
                }
                else
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        private static string ScheduleJson(string text)
        {
            var program = TpmProgram.Parse(text, "plan.tpm");
            return ProgramDsl.Reports.ScheduleJson.ToJson(program.Model, program.Schedule, Array.Empty<ProgramDsl.Diagnostics.Diagnostic>());
        }

        [Fact]
        public void A_formatted_generated_plan_has_the_same_schedule_json_bytes()
        {
            Gen.Select(PlanGenerator.Plans(30), Gen.ULong).Sample((spec, seed) =>
            {
                var text = Mess(PlanGenerator.Build(spec).Text, seed);
                var formatted = PlanFormatter.Format(text, "plan.tpm").Text ?? throw new Exception("refused:\n" + text);
                if (ScheduleJson(formatted) != ScheduleJson(text)) throw new Exception("the schedule changed:\n" + text + "\n---\n" + formatted);
            }, iter: 60, print: x => Mess(PlanGenerator.Build(x.Item1).Text, x.Item2));
        }

        [Fact]
        public void A_formatted_example_has_the_same_schedule_json_as_its_baseline()
        {
            // The examples are formatted; written messily, then formatted, each compiles to its baseline's schedule again.
            foreach (var name in new[] { "hello/program.tpm", "consumer/plan.tpm", "errors/TPM2201.tpm" })
            {
                using var temp = new TempFolder();
                var original = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, name));
                temp.Write("plan.tpm", Mess(original, 7));

                Tpm.Run(temp.Path, "fmt", "plan.tpm").ExitCode.Should().Be(0);
                var formatted = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json");
                var expected = Tpm.Run(Path.GetDirectoryName(Path.Combine(RepositoryPaths.Examples, name))!, "schedule", Path.GetFileName(name), "--format", "json");
                formatted.ExitCode.Should().Be(expected.ExitCode);
                Normalize(formatted.Out).Should().Be(Normalize(expected.Out), name);
            }

            // Diagnostics name the file and their line and column, which moved; the schedule itself must not.
            static string Normalize(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"(file|line|column|end_line|end_column)\": [^,\\n]*", "\"$1\": _");
        }
    }
}
