using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Colour only on a terminal, and never with NO_COLOR, TERM=dumb or --no-color (https://no-color.org).</summary>
    public class ColorTests
    {
        private const string Escape = "\u001b[";

        private static CliResult Run(bool terminal, string? noColor, string? term, params string[] args)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("bad.tpm", Plans.WithError);
            var console = new FakeConsole { IsOutputTerminal = terminal };
            if (noColor != null) console.Environment["NO_COLOR"] = noColor;
            if (term != null) console.Environment["TERM"] = term;
            return Tpm.Run(console, temp.Path, args);
        }

        [Fact]
        public void A_terminal_gets_colour()
        {
            var check = Run(true, null, "xterm", "check", "bad.tpm");
            check.Out.Should().Contain(Escape + "31merror TPM1001" + Escape + "0m");

            var table = Run(true, null, null, "schedule", "plan.tpm");
            table.Out.Should().Contain(Escape + "1m").And.Contain(Escape + "31m*  data.collect");
        }

        [Theory]
        [InlineData(false, null, null)]
        [InlineData(true, "1", null)]
        [InlineData(true, "true", "xterm")]
        [InlineData(true, null, "dumb")]
        public void No_colour_when_not_a_terminal_or_asked_not_to(bool terminal, string? noColor, string? term)
        {
            var check = Run(terminal, noColor, term, "check", "bad.tpm");
            var table = Run(terminal, noColor, term, "schedule", "plan.tpm");

            check.Out.Should().Be("bad.tpm(3,35): error TPM1001: " + Plans.ErrorLine + "\n");
            table.Out.Should().Be(Plans.ValidTable);
        }

        [Fact]
        public void An_empty_NO_COLOR_does_not_turn_colour_off()
        {
            Run(true, "", null, "check", "bad.tpm").Out.Should().Contain(Escape);
        }

        [Fact]
        public void The_no_color_option_turns_colour_off_on_a_terminal()
        {
            Run(true, null, null, "check", "bad.tpm", "--no-color").Out.Should().NotContain(Escape);
            Run(true, null, null, "schedule", "plan.tpm", "--no-color").Out.Should().Be(Plans.ValidTable);
        }

        [Theory]
        [InlineData("check", "bad.tpm", "--format", "json")]
        [InlineData("check", "bad.tpm", "--format", "sarif")]
        [InlineData("schedule", "plan.tpm", "--format", "json")]
        [InlineData("schedule", "bad.tpm")]
        [InlineData("check", "bad.tpm")]
        public void Machine_formats_and_stderr_are_never_coloured(params string[] args)
        {
            var result = Run(true, null, null, args);
            result.Error.Should().NotContain(Escape);
            if (args.Length > 2) result.Out.Should().NotContain(Escape);
        }
    }
}
