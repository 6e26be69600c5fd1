using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProgramDsl.Comparison;
using ProgramDsl.Reports.Diff;
using ProgramDsl.Tests.Comparison;

namespace ProgramDsl.Reports.Tests.Diff
{
    /// <summary>
    /// A plan in a pull request is hostile: its titles must not inject Markdown, HTML, mentions, links or table cells
    /// into the comment, nor control the terminal through the text diff.
    /// </summary>
    public class DiffMarkdownSafetyTests
    {
        // A title with a backtick, a pipe, HTML, a mention, an issue reference, a link, emphasis, a newline (the \n escape
        // of a .tpm string) and a right-to-left override (U+202E, written raw in the plan).
        private const string HostileTitle = "x`y|z <b>@octocat</b> #12 [a](http://evil.example) **b**\\nnext\u202E";

        private static PlanDiff HostileDiff(string oldLabel = "HEAD", string newLabel = "feature")
        {
            var @new = DiffPlans.New.Replace("task review \"Review\"", "task review \"" + HostileTitle + "\"");
            var program = DiffPlans.Compile(@new);
            program.HasErrors.Should().BeFalse();
            return PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), program, new PlanDiffOptions { OldLabel = oldLabel, NewLabel = newLabel });
        }

        [Fact]
        public void A_hostile_title_is_one_code_span_with_its_pipes_escaped_in_its_table_cell()
        {
            var markdown = DiffMarkdown.Write(HostileDiff());
            markdown.Should().Contain(
                "\n| `review` | ``x`y\\|z <b>@octocat</b> #12 [a](http://evil.example) **b**\\nnext\\u202e`` | 2027-03-09 | 2027-03-09 |\n");
        }

        [Fact]
        public void Outside_code_spans_the_comment_holds_only_its_own_tags_and_every_row_has_its_columns()
        {
            var markdown = DiffMarkdown.Write(HostileDiff("main; <img src=x>", "@team `x`"));
            markdown.Should().NotContain("\u202E").And.NotContain("\r");
            int columns = -1;
            foreach (var line in markdown.Split('\n'))
            {
                var bare = WithoutCodeSpans(line);
                bare.Replace("<details>", "").Replace("</details>", "").Replace("<summary>", "").Replace("</summary>", "")
                    .Should().NotContainAny(new[] { "<", "@", "](", "http" }, "line: " + line);
                if (!line.StartsWith("|", StringComparison.Ordinal))
                {
                    columns = -1;
                    continue;
                }

                int pipes = UnescapedPipes(line);
                if (columns < 0) columns = pipes;
                pipes.Should().Be(columns, "every row of a table has the header's cells: " + line);
            }
        }

        [Fact]
        public void Code_spans_fence_backticks_and_pad_edges()
        {
            DiffMarkdown.Code("plain").Should().Be("`plain`");
            DiffMarkdown.Code("a`b").Should().Be("``a`b``");
            DiffMarkdown.Code("``x").Should().Be("``` ``x ```");
            DiffMarkdown.Code(" both ").Should().Be("`  both  `");
            DiffMarkdown.Code("").Should().Be("`  `");
            DiffMarkdown.Code("a|b", inTable: true).Should().Be("`a\\|b`");
            DiffMarkdown.Code("a|b").Should().Be("`a|b`");
            DiffMarkdown.Code(new string('w', 300)).Should().Be("`" + new string('w', DiffMarkdown.MaxTextLength - 1) + "…`");
        }

        [Fact]
        public void The_text_diff_escapes_control_and_bidirectional_characters()
        {
            var text = DiffText.Write(HostileDiff("HEAD", "x\u001b[2J"));
            text.Should().StartWith("Plan diff demo: HEAD → x\\u001b[2J\n");
            text.Should().Contain("  review \"x`y|z <b>@octocat</b> #12 [a](http://evil.example) **b**\\nnext\\u202e\"  2027-03-09 .. 2027-03-09\n");
            text.Should().NotContain("\u001b").And.NotContain("\u202E");
        }

        [Fact]
        public void Long_sections_are_cut_at_the_row_limit_and_say_how_many_more()
        {
            var sb = new StringBuilder(DiffPlans.Old.Substring(0, DiffPlans.Old.LastIndexOf('}')));
            for (int i = 0; i < DiffMarkdown.MaxRows + 50; i++) sb.Append("  task extra").Append(i).Append(" { duration 1d }\n");
            sb.Append("}\n");
            var diff = PlanDiffer.Compare(DiffPlans.Compile(DiffPlans.Old), DiffPlans.Compile(sb.ToString()));
            diff.Added.Should().HaveCount(150);

            var markdown = DiffMarkdown.Write(diff);
            markdown.Should().Contain("<details><summary>Added (150)</summary>");
            markdown.Should().Contain("| `extra99` |").And.NotContain("| `extra100` |");
            markdown.Should().Contain("\n… and 50 more (the JSON output lists every one).\n");
            DiffText.Write(diff).Should().Contain("  extra149  2027-03-01 .. 2027-03-01\n");
        }

        /// <summary>The line with its inline code spans removed (CommonMark: a run of n backticks up to the next run of exactly n).</summary>
        private static string WithoutCodeSpans(string line)
        {
            var sb = new StringBuilder();
            int i = 0;
            while (i < line.Length)
            {
                char c = line[i];
                if (c == '\\' && i + 1 < line.Length)
                {
                    sb.Append(c).Append(line[i + 1]);
                    i += 2;
                    continue;
                }

                if (c != '`')
                {
                    sb.Append(c);
                    i++;
                    continue;
                }

                int run = Run(line, i);
                int close = i + run;
                while (close < line.Length && !(line[close] == '`' && Run(line, close) == run && (close == 0 || line[close - 1] != '`'))) close++;
                if (close >= line.Length) throw new Exception("unclosed code span in: " + line);
                i = close + run;
            }

            return sb.ToString();
        }

        private static int Run(string s, int at)
        {
            int n = 0;
            while (at + n < s.Length && s[at + n] == '`') n++;
            return n;
        }

        private static int UnescapedPipes(string line)
        {
            int n = 0;
            for (int i = 0; i < line.Length; i++)
            {
                if (line[i] == '\\') i++;
                else if (line[i] == '|') n++;
            }

            return n;
        }
    }
}
