using System;
using System.IO;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm init</c>: starter plans that compile clean, written only where nothing is.</summary>
    public class InitCommandTests
    {
        public static TheoryData<string> TemplateNames => new TheoryData<string>(InitCommand.Templates);

        [Theory]
        [MemberData(nameof(TemplateNames))]
        public void Each_template_compiles_with_no_diagnostic_whatever_the_weekday_it_starts(string template)
        {
            // A week of starts (Mon 2027-01-04 .. Sun 2027-01-10), the end of a year, a leap day and the latest start:
            // the holiday, vacation and due dates move with the start and must stay clean wherever they land.
            var starts = Enumerable.Range(0, 7).Select(d => new DateTime(2027, 1, 4).AddDays(d))
                .Concat(new[] { new DateTime(2026, 12, 28), new DateTime(2028, 2, 29), new DateTime(9998, 12, 31) });
            foreach (var start in starts)
            {
                var text = InitCommand.Render(template, start);
                var compiled = TpmProgram.Parse(text, "program.tpm");
                compiled.Diagnostics.Should().BeEmpty(template + " starting " + start.ToString("yyyy-MM-dd"));
                compiled.Schedule.Should().NotBeNull();
                text.Should().MatchRegex("\n  start " + start.ToString("yyyy-MM-dd") + "[ \n]").And.NotContain("{{").And.NotContain("\r");
            }
        }

        [Theory]
        [MemberData(nameof(TemplateNames))]
        public void Each_template_is_already_in_the_tpm_fmt_layout(string template)
        {
            // A starter plan is the first file a user formats: it must not change under 'tpm fmt --check' in their CI.
            var text = InitCommand.Render(template, new DateTime(2027, 1, 4));
            var formatted = ProgramDsl.Syntax.Formatting.PlanFormatter.Format(text);
            formatted.Succeeded.Should().BeTrue();
            formatted.Text.Should().Be(text);
        }

        [Fact]
        public void The_ml_template_has_what_the_delivery_checks_look_for()
        {
            var program = TpmProgram.Parse(InitCommand.Render("ml", new DateTime(2027, 1, 4)), "program.tpm");
            var model = program.Model!;
            var deploy = model.Tasks.Single(t => t.Phase == ProgramDsl.Semantics.Phase.Deployment);
            // Clean because the practice is there, not because the checks found nothing to judge.
            model.Tasks.Should().Contain(t => t.Gates.Count > 0);
            model.Tasks.Should().Contain(t => t.Phase == ProgramDsl.Semantics.Phase.Monitoring);
            model.Tasks.SelectMany(t => t.Reviews).Should().Contain(new[] { "fairness", "privacy", "security" });
            model.Risks.Should().ContainSingle().Which.Owner.Should().NotBeNull();
            model.Decisions.Should().NotBeEmpty();
            model.Budget.Should().BeGreaterThan(program.Schedule!.Cost);
            program.Schedule.FinishDate.CompareTo(model.Deadline!.Value).Should().BeNegative();
            program.Schedule[deploy].StartDate.CompareTo(program.Schedule.StartDate).Should().BePositive();
        }

        [Theory]
        [MemberData(nameof(TemplateNames))]
        public void Writes_program_tpm_in_a_new_folder_that_tpm_check_finds_clean(string template)
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "init", "plans/new", "--template", template, "--start", "2027-01-04");

            result.ExitCode.Should().Be(0, result.ToString());
            var written = Path.Combine("plans", "new", "program.tpm");
            result.Out.Should().Be("wrote " + written + " (template " + template + ", starting Monday 2027-01-04)\nnext:\n  tpm check " + written + "\n  tpm schedule " + written + "\n");
            result.Error.Should().BeEmpty();
            File.ReadAllText(Path.Combine(temp.Path, written)).Should().Be(InitCommand.Render(template, new DateTime(2027, 1, 4)));
            Directory.GetFiles(Path.Combine(temp.Path, "plans", "new")).Should().ContainSingle("no temporary file is left");

            var check = Tpm.Run(temp.Path, "check", "plans/new");
            check.ExitCode.Should().Be(0, check.ToString());
            check.Out.Should().BeEmpty("a clean plan prints no diagnostic");
            check.Error.Should().Be("1 program checked: 0 errors, 0 warnings\n");
        }

        [Fact]
        public void The_default_is_the_ml_template_in_the_current_folder_starting_the_next_monday()
        {
            using var temp = new TempFolder();
            // Wednesday 2027-01-06 at 23:30: the next Monday is 2027-01-11.
            var result = Run(temp.Path, new DateTimeOffset(2027, 1, 6, 23, 30, 0, TimeSpan.Zero), "init", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            File.ReadAllText(Path.Combine(temp.Path, "program.tpm")).Should().Be(InitCommand.Render("ml", new DateTime(2027, 1, 11)));
        }

        [Theory]
        [InlineData("2027-01-04", "2027-01-04")] // a Monday is its own next Monday
        [InlineData("2027-01-05", "2027-01-11")]
        [InlineData("2027-01-10", "2027-01-11")] // Sunday
        [InlineData("2027-12-29", "2028-01-03")] // across a year
        public void Next_monday_is_on_or_after_today(string today, string monday) =>
            InitCommand.NextMonday(DateTime.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).ToString("yyyy-MM-dd").Should().Be(monday);

        [Fact]
        public void An_existing_plan_is_never_overwritten_and_nothing_is_written()
        {
            using var temp = new TempFolder();
            var mine = "// mine\nprogram p \"P\" { start 2027-01-04 }\n";
            var path = temp.Write("plan/program.tpm", mine);
            var before = File.ReadAllBytes(path);
            var stamp = File.GetLastWriteTimeUtc(path);

            foreach (var template in InitCommand.Templates)
            {
                var result = Tpm.Run(temp.Path, "init", "plan", "--template", template, "--start", "2027-01-04");

                result.ExitCode.Should().Be(2, result.ToString());
                result.Out.Should().BeEmpty();
                result.Error.Should().Be("tpm: error: '" + Path.Combine("plan", "program.tpm") + "' already exists; tpm init writes nothing over it (choose another folder)\n");
            }

            File.ReadAllBytes(path).Should().Equal(before);
            File.GetLastWriteTimeUtc(path).Should().Be(stamp);
            Directory.GetFileSystemEntries(Path.Combine(temp.Path, "plan")).Should().ContainSingle("no temporary file is left");
        }

        [Fact]
        public void A_folder_named_program_tpm_is_not_replaced_either()
        {
            using var temp = new TempFolder();
            Directory.CreateDirectory(Path.Combine(temp.Path, "program.tpm"));

            var result = Tpm.Run(temp.Path, "init", "--start", "2027-01-04");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: 'program.tpm' already exists; tpm init writes nothing over it (choose another folder)\n");
            Directory.Exists(Path.Combine(temp.Path, "program.tpm")).Should().BeTrue();
        }

        [Fact]
        public void A_folder_below_a_file_is_one_usage_error_in_tpm_words()
        {
            using var temp = new TempFolder();
            temp.Write("notes", "x");

            var result = Tpm.Run(temp.Path, "init", "notes/sub", "--start", "2027-01-04");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: cannot write 'notes/sub/program.tpm': a part of the folder's path is not a folder\n");
            File.ReadAllText(Path.Combine(temp.Path, "notes")).Should().Be("x");
        }

        [Fact]
        public void A_file_where_the_folder_should_be_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("notes", "x");

            var result = Tpm.Run(temp.Path, "init", "notes", "--start", "2027-01-04");

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: 'notes' is a file, not a folder\n");
            File.ReadAllText(Path.Combine(temp.Path, "notes")).Should().Be("x");
        }

        [Fact]
        public void The_file_system_refuses_to_write_over_a_file_created_after_the_check()
        {
            using var temp = new TempFolder();
            var path = temp.Write("program.tpm", "theirs");

            new PhysicalFileSystem().TryWriteNewTextAtomic(path, "ours").Should().BeFalse();

            File.ReadAllText(path).Should().Be("theirs");
            Directory.GetFileSystemEntries(temp.Path).Should().ContainSingle("no temporary file is left");
        }

        [Fact]
        public void A_bad_template_name_is_one_usage_error_and_writes_nothing()
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "init", "x", "--template", "big");

            result.ExitCode.Should().Be(2, result.ToString());
            Tpm.Lines(result.Error).Should().Equal("tpm: error: Argument 'big' not recognized. Must be one of: 'ml', 'minimal'", "Run 'tpm --help' for usage.");
            Directory.Exists(Path.Combine(temp.Path, "x")).Should().BeFalse();
        }

        [Theory]
        [InlineData("tomorrow")]
        [InlineData("2027-02-30")]
        [InlineData("2027-1-4")]
        [InlineData("04/01/2027")]
        [InlineData("9999-01-01")] // the plan would run past the compiler's last date
        public void A_start_that_is_not_a_usable_date_is_a_usage_error(string start)
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "init", "x", "--start", start);

            result.ExitCode.Should().Be(2, result.ToString());
            Tpm.Lines(result.Error).Should().Equal("tpm: error: " + InitCommand.StartMessage("--start", start), "Run 'tpm --help' for usage.");
            Directory.Exists(Path.Combine(temp.Path, "x")).Should().BeFalse();
        }

        [Fact]
        public void A_weekend_start_is_accepted_as_the_language_accepts_it()
        {
            using var temp = new TempFolder();

            // Saturday: the plan's first working day is the Monday after, as `start` means in the language.
            var result = Tpm.Run(temp.Path, "init", "--template", "minimal", "--start", "2027-01-09");

            result.ExitCode.Should().Be(0, result.ToString());
            var schedule = Tpm.Run(temp.Path, "schedule", "program.tpm", "--format", "json");
            schedule.ExitCode.Should().Be(0, schedule.ToString());
            schedule.Out.Should().Contain("\"start\": \"2027-01-11\"");
        }

        [Fact]
        public void A_folder_name_needing_quotes_is_quoted_in_the_next_commands()
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, "init", "my plan", "--start", "2027-01-04");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("  tpm check 'my plan/program.tpm'\n");
        }

        private static CliResult Run(string workingDirectory, DateTimeOffset now, params string[] args)
        {
            var console = new FakeConsole();
            var services = new ServiceCollection().AddTpmCli();
            services.Replace(ServiceDescriptor.Singleton<IConsoleEnvironment>(console));
            services.Replace(ServiceDescriptor.Singleton<IFileSystem>(new RootedFileSystem(workingDirectory)));
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(new FixedClock(now)));
            using var provider = services.BuildServiceProvider();
            int exit = provider.GetRequiredService<CliApplication>().Run(args);
            return new CliResult(exit, console.StandardOutput, console.StandardError);
        }

        private sealed class FixedClock : TimeProvider
        {
            private readonly DateTimeOffset _now;

            public FixedClock(DateTimeOffset now) => _now = now;

            public override DateTimeOffset GetUtcNow() => _now;

            public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
        }
    }
}
