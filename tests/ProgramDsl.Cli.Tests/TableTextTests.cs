using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Cli.Output;
using ProgramDsl.Cli.Tests.Infrastructure;
using ProgramDsl.Reports;

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

        /// <summary>Pieces of names: ASCII, CJK, kana, Hangul, emoji (with a skin tone, a ZWJ sequence, a flag, VS16), accents, zero-width and ambiguous characters.</summary>
        private static readonly string[] Pieces =
        {
            "a", "Z", "7", "-", "日", "本", "ｱ", "한", "Ｘ", "😀", "👍🏽", "👨‍👩‍👧", "🇫🇷", "❤️", "e\u0301", "\u0301", "\u200B", "…", "→", "Ω", "\U00020000",
        };

        private static readonly Gen<string> Cell = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 6].Select(string.Concat);

        [Fact]
        public void Every_row_of_a_table_has_the_same_display_width_and_every_column_starts_at_the_same_column()
        {
            var tables = Gen.Int[1, 5].SelectMany(columns => Gen.Select(Cell.Array[columns].Array[1, 8], Gen.Bool.Array[columns], Gen.Bool));
            tables.Sample((rows, rightAligned, withHeader) =>
            {
                int columns = rightAligned.Length;
                // A right-aligned column of "|" after the first k columns: every row ends on the same column only if
                // the k columns before it line up.
                for (int k = 1; k <= columns; k++)
                {
                    var cut = rows.Select(r => r.Take(k).Append("|").ToArray()).ToList();
                    var header = withHeader ? Enumerable.Range(0, k).Select(i => "H" + i).Append("|").ToArray() : null;
                    var (headerLine, lines) = TableText.Align(header, cut, rightAligned.Take(k).Append(true).ToArray(), "  ");
                    var all = headerLine is null ? lines : lines.Prepend(headerLine).ToList();
                    if (all.Select(TextWidth.Of).Distinct().Count() != 1) return false;
                }

                return true;
            }, iter: 500);
        }

        [Fact]
        public void The_schedule_table_lines_up_cjk_emoji_and_accented_names()
        {
            using var folder = new TempFolder();
            folder.Write("plan.tpm", "program p \"P\" {\n  start 2027-01-04\n" +
                                     "  task a \"データ収集\" { duration 2d }\n  task b \"🚀 Launch 👨‍👩‍👧\" { duration 3d }\n" +
                                     "  task c \"Ame\u0301lie 🇫🇷\" { duration 1d }\n  task d \"Plain\" { duration 4d }\n}\n");

            var result = Tpm.Run(folder.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            var header = lines.Single(l => l.Contains("Start") && l.Contains("Finish"));
            var rows = lines.Where(l => l.Contains("2027-01-") && !l.StartsWith("  start", System.StringComparison.Ordinal)).ToList();
            rows.Should().HaveCount(4);
            // The Start column begins at the same display column in the header and in every row.
            int StartColumn(string line, string at) => TextWidth.Of(line.Substring(0, line.IndexOf(at, System.StringComparison.Ordinal)));
            int start = StartColumn(header, "Start");
            rows.Select(r => StartColumn(r, "2027-01-0")).Should().OnlyContain(c => c == start);
            rows.Select(TextWidth.Of).Distinct().Should().HaveCount(1, "the columns after the name line up too");
        }

        [Fact]
        public void A_wide_name_is_cut_at_the_name_columns_display_width()
        {
            var cell = TableText.Cell(string.Concat(Enumerable.Repeat("漢字", 30)), 40);

            TextWidth.Of(cell).Should().Be(39, "19 ideographs of two columns and the ellipsis; a 20th would need 41");
            cell.Should().EndWith("…");
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
