namespace ProgramDsl.Reports.Tests
{
    /// <summary>Display width in terminal columns: East Asian Width and grapheme clusters.</summary>
    public class TextWidthTests
    {
        [Theory]
        [InlineData("", 0)]
        [InlineData("Collect", 7)]
        [InlineData("日本語", 6)]
        [InlineData("データ収集", 10)]
        [InlineData("한국어", 6)]
        [InlineData("\u1112\u1161\u11AB", 2)] // 한 written as three conjoining jamo: one syllable
        [InlineData("ＡＢ", 4)] // fullwidth forms
        [InlineData("ｱｲ", 2)] // halfwidth katakana
        [InlineData("😀", 2)]
        [InlineData("🚀 launch", 9)]
        [InlineData("👍🏽", 2)] // skin-tone modifier in the same cluster
        [InlineData("👨‍👩‍👧‍👦", 2)] // a ZWJ sequence is one emoji
        [InlineData("👩‍💻x", 3)]
        [InlineData("🇫🇷", 2)] // a flag: two regional indicators
        [InlineData("🇫🇷🇯🇵", 4)]
        [InlineData("❤", 1)] // text presentation by default
        [InlineData("❤️", 2)] // with the emoji variation selector
        [InlineData("1️⃣", 2)] // keycap sequence
        [InlineData("e\u0301", 1)] // e and a combining acute accent
        [InlineData("Ame\u0301lie\u0308", 6)]
        [InlineData("\u0301", 0)] // a combining mark with nothing before it
        [InlineData("a\u200Bb", 2)] // zero-width space
        [InlineData("a\u200Db", 2)] // a lone zero-width joiner
        [InlineData("…→", 2)] // ambiguous: narrow outside CJK locales
        [InlineData("Ωмир", 4)]
        [InlineData("\U00020000", 2)] // CJK Extension B, outside the BMP
        public void Text_is_as_wide_as_a_terminal_draws_it(string text, int columns)
        {
            TextWidth.Of(text).Should().Be(columns);
        }

        [Fact]
        public void Padding_counts_columns_not_characters()
        {
            TextWidth.PadRight("日本", 6).Should().Be("日本  ");
            TextWidth.PadLeft("😀", 4).Should().Be("  😀");
            TextWidth.PadRight("e\u0301", 3).Should().Be("e\u0301  ");
            TextWidth.PadRight("日本語", 4).Should().Be("日本語", "text wider than the column is left as it is");
        }

        [Theory]
        [InlineData("日本語テキスト", 7, "日本語…")]
        [InlineData("日本語テキスト", 6, "日本…")] // 語 would end in column 7: it is not split, the line is a column short
        [InlineData("日本語テキスト", 14, "日本語テキスト")]
        [InlineData("👨‍👩‍👧‍👦👨‍👩‍👧‍👦👨‍👩‍👧‍👦", 5, "👨‍👩‍👧‍👦👨‍👩‍👧‍👦…")]
        [InlineData("🇫🇷🇯🇵🇩🇪", 4, "🇫🇷…")]
        [InlineData("Ame\u0301lie Poulain", 5, "Ame\u0301l…")]
        [InlineData("abcdef", 1, "…")]
        public void A_cut_keeps_whole_clusters_within_the_columns(string text, int columns, string expected)
        {
            var cut = TextWidth.Fit(text, columns);

            cut.Should().Be(expected);
            TextWidth.Of(cut).Should().BeLessThanOrEqualTo(columns);
        }
    }
}
