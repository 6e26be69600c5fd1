using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Text a plan chose (its title, task names) printed by the text commands cannot start a line a CI service reads
    /// as a command, nor reorder what a terminal shows: line breaks and bidirectional controls are escaped.
    /// </summary>
    public class PlanTextEscapingTests
    {
        private const string Plan =
            "program p \"P\\n::error::injected-from-title\u202Egnp.exe\" {\n" +
            "  start 2027-01-04\n" +
            "  status-date 2027-01-06\n" +
            "  task t \"Build \u202Eevil\u202C model\" { duration 2d  estimate 1d 2d 3d  actual-start 2027-01-04 }\n" +
            "}\n";

        [Theory]
        [InlineData("schedule", "Program p ")]
        [InlineData("status", "Program p ")]
        [InlineData("forecast", "Forecast p ")]
        public void The_title_is_one_line_with_its_controls_escaped(string command, string heading)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, command, "plan.tpm", "--no-color");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = result.Out.Split('\n');
            lines.Should().NotContain(l => l.StartsWith("::"), "no line may start a workflow command");
            lines.Should().Contain(l => l.StartsWith(heading + "\"P\\n::error::injected-from-title\\u202egnp.exe\""));
            result.Out.Should().NotContain("\u202E");
        }

        [Fact]
        public void A_task_name_with_a_bidirectional_override_is_escaped_in_the_table()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plan);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--no-color");

            result.Out.Should().Contain("Build \\u202eevil\\u202c model").And.NotContain("\u202C");
        }
    }
}
