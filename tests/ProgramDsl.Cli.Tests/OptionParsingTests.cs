using System.Collections.Generic;
using System.CommandLine;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Option values that are not what the option takes are usage errors (exit 2) with a message that names the option,
    /// what it accepts and what was given; never a .NET type name or "internal error".
    /// </summary>
    public class OptionParsingTests
    {
        private static readonly string[] NotWholeNumbers =
        {
            "abc", "many", "1e3", "1.5", "0x10", "1,000", "1_000", "", " 5", "5 ", "+", "-", "--1", "١٢", "2147483648", "-2147483649",
            "99999999999999999999999999", "NaN", "∞",
        };

        /// <summary>Every whole-number option of every command, read from the command tree so a new option is covered too.</summary>
        public static IEnumerable<object[]> IntegerOptions()
        {
            using var provider = new ServiceCollection().AddTpmCli().BuildServiceProvider();
            var root = provider.GetRequiredService<CliApplication>().BuildRootCommand();
            foreach (var command in root.Subcommands)
            {
                foreach (var option in command.Options.Where(o => o.ValueType == typeof(int) || o.ValueType == typeof(int?)))
                {
                    foreach (var name in new[] { option.Name }.Concat(option.Aliases))
                    {
                        foreach (var value in NotWholeNumbers) yield return new object[] { command.Name, name, value };
                    }
                }
            }
        }

        [Fact]
        public void The_table_covers_the_integer_options_of_every_command_that_has_them()
        {
            var covered = IntegerOptions().Select(row => (string)row[0] + " " + (string)row[1]).Distinct().ToList();

            covered.Should().Contain(new[]
            {
                "check --seed", "check --schedules", "schedule --seed", "schedule --schedules", "status --seed",
                "build --iterations", "build --seed", "build --schedules",
                "forecast --iterations", "forecast -n", "forecast --threads", "forecast --seed", "forecast --schedules",
            });
        }

        [Theory]
        [MemberData(nameof(IntegerOptions))]
        public void A_value_that_is_not_a_whole_number_in_range_is_a_usage_error_naming_the_option(string command, string option, string value)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, command, "plan.tpm", option, value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().StartWith("tpm: error: option '" + option + "' expects a whole number from ").And.Contain("; got '" + value + "'\n");
            result.Error.Should().NotContain("System.").And.NotContain("internal error");
            Tpm.Lines(result.Error).Should().HaveCount(2, "one error and the pointer to --help");
            System.IO.Directory.Exists(System.IO.Path.Combine(temp.Path, "tpm-out")).Should().BeFalse("nothing runs after a usage error");
        }

        [Theory]
        [InlineData("forecast", "-n", "0", "1 to 10,000,000")]
        [InlineData("forecast", "--iterations", "10000001", "1 to 10,000,000")]
        [InlineData("build", "--iterations", "-1", "0 to 10,000,000")]
        [InlineData("build", "--iterations", "10000001", "0 to 10,000,000")]
        [InlineData("forecast", "--threads", "0", "1 to 2,147,483,647")]
        [InlineData("forecast", "--threads", "-4", "1 to 2,147,483,647")]
        [InlineData("check", "--schedules", "0", "1 to 2,147,483,647")]
        [InlineData("schedule", "--schedules", "-1", "1 to 2,147,483,647")]
        [InlineData("schedule", "--seed", "2147483648", "-2,147,483,648 to 2,147,483,647")]
        public void A_whole_number_outside_the_range_says_the_range(string command, string option, string value, string range)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, command, "plan.tpm", option, value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: option '" + option + "' expects a whole number from " + range + "; got '" + value + "'\nRun 'tpm --help' for usage.\n");
        }

        [Theory]
        [InlineData("schedule", "--seed", "-1")]
        [InlineData("schedule", "--seed", "+7")]
        [InlineData("schedule", "--seed", "-2147483648")]
        [InlineData("schedule", "--schedules", "2147483647")]
        [InlineData("forecast", "-n", "10")]
        [InlineData("forecast", "--threads", "3")]
        [InlineData("build", "--iterations", "0")]
        public void Whole_numbers_in_range_are_accepted(string command, string option, string value)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            var extra = command == "schedule" && option == "--schedules" ? new[] { "--effort", "quick" } : new string[0];

            var result = Tpm.Run(temp.Path, new[] { command, "plan.tpm", option, value, "--quiet" }.Concat(extra).ToArray());

            result.ExitCode.Should().Be(0, result.ToString());
        }

        [Fact]
        public void The_same_value_gives_the_same_schedule_whether_written_with_a_plus_sign_or_not()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            Tpm.Run(temp.Path, "schedule", "plan.tpm", "--seed", "+7", "--format", "json").Out
                .Should().Be(Tpm.Run(temp.Path, "schedule", "plan.tpm", "--seed", "7", "--format", "json").Out);
        }

        [Theory]
        [InlineData("build", "-o", "", "got ''")]
        [InlineData("build", "--out", "  ", "got '  '")]
        [InlineData("build", "--out", "a\0b", "got one with a NUL character")]
        [InlineData("import", "-o", "", "got ''")]
        [InlineData("import", "--out", "x\0.tpm", "got one with a NUL character")]
        [InlineData("check", "--config", "", "got ''")]
        [InlineData("schedule", "--config", "\0", "got one with a NUL character")]
        public void An_empty_path_or_one_with_a_nul_is_a_usage_error_naming_the_option(string command, string option, string value, string got)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, command, "plan.tpm", option, value);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Error.Should().Be("tpm: error: option '" + option + "' expects a path; " + got + "\nRun 'tpm --help' for usage.\n");
            System.IO.Directory.GetFileSystemEntries(temp.Path).Should().HaveCount(1, "nothing is written");
        }

        [Theory]
        [InlineData("chek", "tpm: error: unknown command 'chek'; did you mean 'check'?\n")]
        [InlineData("schedul", "tpm: error: unknown command 'schedul'; did you mean 'schedule'?\n")]
        [InlineData("biuld", "tpm: error: unknown command 'biuld'; did you mean 'build'?\n")]
        [InlineData("frob", "tpm: error: unknown command 'frob'\n")]
        public void A_mistyped_command_is_one_error_with_a_suggestion(string typed, string message)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, typed, "plan.tpm", "--quiet");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Be(message + "Run 'tpm --help' for usage.\n");
        }

        [Theory]
        [InlineData("tpm: error: Unrecognized command or argument '--bogus'.\n", "--bogus")]
        [InlineData("tpm: error: Response file not found 'missing.rsp'.\n", "@missing.rsp")]
        [InlineData("tpm: error: Required command was not provided.\n")]
        public void An_error_before_any_command_is_said_once(string message, params string[] args)
        {
            using var temp = new TempFolder();

            var result = Tpm.Run(temp.Path, args);

            result.ExitCode.Should().Be(2);
            result.Error.Should().Be(message + "Run 'tpm --help' for usage.\n");
        }

        [Theory]
        [InlineData("abc")]
        [InlineData("007")]
        [InlineData("-0")]
        public void TryParse_takes_only_an_optional_sign_and_ascii_digits(string text)
        {
            bool parsed = IntegerOption.TryParse(text, -10, 10, out int value);

            parsed.Should().Be(text != "abc");
            value.Should().Be(text == "007" ? 7 : 0);
        }
    }
}
