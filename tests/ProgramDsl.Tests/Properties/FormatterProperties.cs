using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Tests.Robustness;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>
    /// Properties of <see cref="PlanFormatter"/> on the examples and on generated plans, each re-written with random white
    /// space, line breaks and comments between its tokens: formatting is idempotent, keeps the tokens and the comments in
    /// order, and the formatted plan compiles to the same diagnostics and the same schedule.
    /// </summary>
    public class FormatterProperties
    {
        private const int Iterations = 150;

        private static readonly System.Text.RegularExpressions.Regex Position = new System.Text.RegularExpressions.Regex(@"\(\d+,\d+\)");

        /// <summary>
        /// The tokens of a text, read independently of the lexer: strings, the punctuation ',' ';' '{' '}', and runs of
        /// other characters, split at white space and comments. ';' is left out (the formatter drops separators).
        /// </summary>
        public static string[] Tokens(string text) => Scan(text).Where(t => !t.Comment && t.Text != ";").Select(t => t.Text).ToArray();

        /// <summary>The comments of a text in order (a line comment without the white space that ends its line).</summary>
        public static string[] Comments(string text) => Scan(text).Where(t => t.Comment).Select(t => t.Text).ToArray();

        private static List<(string Text, bool Comment)> Scan(string text)
        {
            var items = new List<(string, bool)>();
            int i = 0;
            while (i < text.Length)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    i++;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    int e = i;
                    while (e < text.Length && text[e] != '\n' && text[e] != '\r') e++;
                    items.Add((text.Substring(i, e - i).TrimEnd(' ', '\t'), true));
                    i = e;
                }
                else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int e = text.IndexOf("*/", i + 2, StringComparison.Ordinal) + 2;
                    items.Add((text.Substring(i, e - i), true));
                    i = e;
                }
                else if (c == '"')
                {
                    int e = i + 1;
                    while (text[e] != '"') e += text[e] == '\\' ? 2 : 1;
                    items.Add((text.Substring(i, e + 1 - i), false));
                    i = e + 1;
                }
                else if (c == ',' || c == ';' || c == '{' || c == '}')
                {
                    items.Add((c.ToString(), false));
                    i++;
                }
                else
                {
                    int e = i;
                    while (e < text.Length && !char.IsWhiteSpace(text[e]) && "\",;{}".IndexOf(text[e]) < 0 &&
                           !(text[e] == '/' && e + 1 < text.Length && (text[e + 1] == '/' || text[e + 1] == '*'))) e++;
                    items.Add((text.Substring(i, e - i), false));
                    i = e;
                }
            }

            return items;
        }

        /// <summary>
        /// The text's tokens and comments written again with random trivia between them: spaces, tabs, line breaks, blank
        /// lines, new block and line comments, and nothing at all where a token cannot run into the next.
        /// </summary>
        public static string Mess(string text, ulong seed)
        {
            var random = new Random((int)(seed % int.MaxValue));
            var items = Scan(text);
            var sb = new StringBuilder();
            int comments = 0;
            for (int k = 0; k < items.Count; k++)
            {
                var (token, isComment) = items[k];
                if (k > 0)
                {
                    var previous = items[k - 1];
                    bool lineEnded = previous.Comment && previous.Text.StartsWith("//", StringComparison.Ordinal);
                    bool canTouch = !lineEnded && !isComment && !previous.Comment && (IsPunctuation(previous.Text) || IsPunctuation(token) || previous.Text[0] == '"' || token[0] == '"');
                    sb.Append(Gap(random, lineEnded, canTouch, ref comments));
                }
                else if (random.Next(4) == 0)
                {
                    sb.Append("// added at the start ").Append(comments++).Append('\n');
                }

                sb.Append(token);

                // A separator after a block, where a statement may end.
                if (token == "}" && !isComment && random.Next(4) == 0) sb.Append(random.Next(2) == 0 ? ";" : " ;\n");
            }

            sb.Append(random.Next(3) == 0 ? " // added at the end\n\n\n" : "\n");
            return sb.ToString();
        }

        private static bool IsPunctuation(string token) => token == "," || token == ";" || token == "{" || token == "}";

        private static string Gap(Random random, bool lineEnded, bool canTouch, ref int comments)
        {
            switch (random.Next(lineEnded ? 3 : 10))
            {
                case 0: return "\n";
                case 1: return "\n\n\n  ";
                case 2: return "\r\n\t";
                case 3: return "  \t ";
                case 4: return " /* c" + comments++ + " */ ";
                case 5: return " // c" + comments++ + "\n";
                case 6: return "\n  /* own " + comments++ + " */\n";
                case 7 when canTouch: return string.Empty;
                default: return " ";
            }
        }

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        /// <summary>Formats a messed text and checks idempotence, tokens and comments; returns the formatted text.</summary>
        private static string FormatChecked(string messed, string path)
        {
            var result = PlanFormatter.Format(messed, path);
            Check(result.Succeeded, () => "refused: " + string.Join("\n", result.Diagnostics) + "\n---\n" + messed);
            var formatted = result.Text!;
            var again = PlanFormatter.Format(formatted, path).Text;
            Check(again == formatted, () => "not idempotent:\n" + formatted + "\n--- then ---\n" + again);
            Check(Tokens(formatted).SequenceEqual(Tokens(messed)), () => "tokens changed:\n" + messed + "\n--- into ---\n" + formatted);
            Check(Comments(formatted).SequenceEqual(Comments(messed)), () => "comments changed:\n" + messed + "\n--- into ---\n" + formatted);
            Check(!formatted.Split('\n').Any(l => l.EndsWith(" ", StringComparison.Ordinal) || l.EndsWith("\t", StringComparison.Ordinal)), () => "trailing white space:\n" + formatted);
            return formatted;
        }

        /// <summary>What a compile says, without positions: codes, severities and messages, then each task's dates.</summary>
        internal static string Outcome(string text)
        {
            var program = TpmProgram.Parse(text, "plan.tpm");
            var sb = new StringBuilder();
            // A message may name another place ("already defined … at plan.tpm(7,8)"): positions may move, the words may not.
            foreach (var d in program.Diagnostics) sb.Append(d.Code).Append(' ').Append(d.Severity).Append(' ').Append(Position.Replace(d.Message, "(…)")).Append('\n');
            if (program.Schedule is { } schedule)
            {
                sb.Append("finish ").Append(schedule.FinishDate).Append(" cost ").Append(schedule.Cost).Append('\n');
                foreach (var t in schedule.Tasks) sb.Append(t.Id).Append(' ').Append(t.Start).Append(' ').Append(t.Finish).Append(' ').Append(t.TotalFloat).Append(' ').Append(t.IsCritical).Append('\n');
            }

            return sb.ToString();
        }

        [Fact]
        public void Examples_written_with_random_trivia_format_idempotently_keeping_tokens_comments_and_meaning()
        {
            var examples = RepoFiles.Examples().Where(e => !PlanFormatter.IsOff(e.Text)).ToArray();
            examples.Length.Should().BeGreaterThan(20);
            Gen.Select(Gen.Int[0, examples.Length - 1], Gen.ULong).Sample((index, seed) =>
            {
                var (path, text) = examples[index];
                var messed = Mess(text, seed);
                var formatted = FormatChecked(messed, path);

                // Files with includes need their folder; the others compile alone, and mean the same.
                if (!text.Contains("include \"", StringComparison.Ordinal))
                {
                    var before = Outcome(text);
                    Check(Outcome(formatted) == before, () => path + ": the formatted plan compiles differently:\n" + formatted);
                }
            }, iter: Iterations, print: x => examples[x.Item1].Path + " seed " + x.Item2);
        }

        [Fact]
        public void Generated_plans_written_with_random_trivia_format_idempotently_keeping_tokens_comments_and_meaning()
        {
            Gen.Select(PlanGenerator.Plans(), Gen.ULong).Sample((spec, seed) =>
            {
                var text = PlanGenerator.Build(spec).Text;
                var messed = Mess(text, seed);
                var formatted = FormatChecked(messed, "gen.tpm");
                Check(Outcome(formatted) == Outcome(text), () => "the formatted plan compiles differently:\n" + formatted);
            }, iter: Iterations, print: x => PlanGenerator.Build(x.Item1).Text + "\nseed " + x.Item2);
        }

        [Fact]
        public void Formatting_a_formatted_example_changes_nothing_and_the_examples_are_formatted()
        {
            foreach (var (path, text) in RepoFiles.Examples())
            {
                var result = PlanFormatter.Format(text, path);
                result.Changed.Should().BeFalse(path + " is formatted (tpm fmt examples)");
            }
        }
    }
}
