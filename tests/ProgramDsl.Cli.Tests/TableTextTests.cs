using System.Linq;
using ProgramDsl.Cli.Output;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    public class TableTextTests
    {
        [Theory]
        [InlineData(5)]
        [InlineData(6)]
        [InlineData(40)]
        public void A_cell_is_never_cut_inside_a_surrogate_pair(int width)
        {
            // Found by the fuzzer: a name of emoji cut at an odd width printed a lone surrogate (U+FFFD once encoded).
            var cell = TableText.Cell(string.Concat(Enumerable.Repeat("😀", 30)), width);

            cell.Length.Should().BeLessThanOrEqualTo(width);
            cell.Should().EndWith("…");
            cell.Where(char.IsSurrogate).Count().Should().Be(2 * ((cell.Length - 1) / 2));
            char.IsHighSurrogate(cell[cell.Length - 2]).Should().BeFalse();
        }

        [Fact]
        public void The_schedule_table_shows_long_emoji_names_without_replacement_characters()
        {
            using var folder = new TempFolder();
            var name = string.Concat(Enumerable.Repeat("😀", 40));
            folder.Write("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n  task a \"" + name + "\" { duration 5d }\n}\n");

            var result = Tpm.Run(folder.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("😀…");
            System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(result.Out)).Should().NotContain("\uFFFD");
        }
    }
}
