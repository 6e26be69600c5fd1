using System;
using System.Linq;
using System.Text;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Tests.Properties;
using ProgramDsl.Tests.Robustness;

namespace ProgramDsl.Tests.Syntax;

/// <summary>The canonical layout of <see cref="PlanFormatter"/>, rule by rule.</summary>
public class FormatterTests
{
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    private static string Format(string text)
    {
        var result = PlanFormatter.Format(text, "test.tpm");
        result.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
        PlanFormatter.Format(result.Text!, "test.tpm").Text.Should().Be(result.Text, "formatting is idempotent");
        return result.Text!;
    }

    [Fact]
    public void Indents_two_spaces_a_level_and_puts_one_statement_on_a_line()
    {
        Format("program p \"P\" {\nstart 2027-01-04\n      workstream w {\n task t { effort 5d\nassign ana }\n}\n}")
            .Should().Be(Lines(
                "program p \"P\" {",
                "  start 2027-01-04",
                "  workstream w {",
                "    task t {",
                "      effort 5d",
                "      assign ana",
                "    }",
                "  }",
                "}"));
    }

    [Fact]
    public void Keeps_a_short_block_written_on_one_line_on_one_line_with_two_spaces_between_statements()
    {
        Format("program p {\n  person ana \"Ana Ruiz\"   {skills python rate 800/d}\n  task t {effort 5d;assign ana 50%}\n  task e{}\n}")
            .Should().Be(Lines(
                "program p {",
                "  person ana \"Ana Ruiz\" { skills python  rate 800/d }",
                "  task t { effort 5d  assign ana 50% }",
                "  task e { }",
                "}"));
    }

    [Fact]
    public void Unfolds_a_one_line_block_longer_than_the_limit_or_holding_a_comment_or_a_block()
    {
        var note = new string('x', 100);
        Format("program p {\n  task t { effort 5d  note \"" + note + "\" }\n  task u { effort 1d /* why */ }\n  workstream w { task v { effort 1d } }\n  task x /* header */ { effort 1d }\n}")
            .Should().Be(Lines(
                "program p {",
                "  task t {",
                "    effort 5d",
                "    note \"" + note + "\"",
                "  }",
                "  task u {",
                "    effort 1d /* why */",
                "  }",
                "  workstream w {",
                "    task v { effort 1d }",
                "  }",
                "  task x /* header */ { effort 1d }",
                "}"));
    }

    [Fact]
    public void The_one_line_limit_counts_from_the_keyword_to_the_brace()
    {
        // 120 characters exactly stays; one more unfolds.
        string Block(int length)
        {
            var head = "task t { note \"";
            var tail = "\" }";
            return head + new string('n', length - head.Length - tail.Length) + tail;
        }

        Block(120).Length.Should().Be(120);
        Format("program p {\n" + Block(120) + "\n}").Should().Be(Lines("program p {", "  " + Block(120), "}"));
        Format("program p {\n" + Block(121) + "\n}").Should().Contain("task t {\n    note");
    }

    [Fact]
    public void Settings_written_on_one_line_in_a_longer_block_stay_together_when_short()
    {
        Format("program p {\n  task t {\n    effort 3d  after x;  assign ana\n    due 2027-02-01\n  }\n}")
            .Should().Be(Lines(
                "program p {",
                "  task t {",
                "    effort 3d  after x  assign ana",
                "    due 2027-02-01",
                "  }",
                "}"));
    }

    [Fact]
    public void Normalises_spaces_between_tokens_and_around_commas_and_keeps_every_value_as_written()
    {
        Format("program p {\n task t {\n  assign  alice ,bob   50%\n  after a.b  ss+2d,c  fs-1d ,  d\n  effort 1_000d\n  estimate 2d\t3d   4w\n  note \"a \\\"quoted\\\"\\n  word\"\n not-before 2027-03-01\n }\n holiday 2027-03-01..2027-03-05  \"Spring\"\n workdays mon..fri\n budget 1_200_000\n}")
            .Should().Be(Lines(
                "program p {",
                "  task t {",
                "    assign alice, bob 50%",
                "    after a.b ss+2d, c fs-1d, d",
                "    effort 1_000d",
                "    estimate 2d 3d 4w",
                "    note \"a \\\"quoted\\\"\\n  word\"",
                "    not-before 2027-03-01",
                "  }",
                "  holiday 2027-03-01..2027-03-05 \"Spring\"",
                "  workdays mon..fri",
                "  budget 1_200_000",
                "}"));
    }

    [Fact]
    public void Collapses_blank_lines_and_drops_them_after_an_open_and_before_a_close_brace()
    {
        Format("\n\nprogram p {\n\n\n  start 2027-01-04\n\n\n\n  deadline 2027-06-01\n  currency USD\n\n}\n\n\n")
            .Should().Be(Lines(
                "program p {",
                "  start 2027-01-04",
                "",
                "  deadline 2027-06-01",
                "  currency USD",
                "}"));
    }

    [Fact]
    public void Keeps_every_comment_in_its_place()
    {
        var text = Lines(
            "// file header",
            "",
            "/* block",
            "   over lines */",
            "program p { // after the brace",
            "      // about start",
            "  start 2027-01-04   ",
            "  deadline 2027-06-01 // trailing",
            "",
            "    // before a task",
            "  /* lead */ task t { effort 5d }",
            "  task u {",
            "    after a, // first",
            "      b",
            "    effort 1d",
            "    // last in the block",
            "  } // after the close",
            "}",
            "// at the end");
        Format(text).Should().Be(Lines(
            "// file header",
            "",
            "/* block",
            "   over lines */",
            "program p { // after the brace",
            "  // about start",
            "  start 2027-01-04",
            "  deadline 2027-06-01 // trailing",
            "",
            "  // before a task",
            "  /* lead */ task t { effort 5d }",
            "  task u {",
            "    after a, // first",
            "        b",
            "    effort 1d",
            "    // last in the block",
            "  } // after the close",
            "}",
            "// at the end"));
    }

    [Fact]
    public void A_line_comment_after_code_keeps_its_column_when_the_code_ends_before_it()
    {
        Format("program p {\n  start 2027-01-04      // aligned\n  currency USD          // aligned\n        budget 1_000_000_000 // moved\n}")
            .Should().Be(Lines(
                "program p {",
                "  start 2027-01-04      // aligned",
                "  currency USD          // aligned",
                "  budget 1_000_000_000 // moved",
                "}"));
    }

    [Fact]
    public void Trims_white_space_after_a_line_comment_but_keeps_block_comments_verbatim()
    {
        Format("program p {   \n  start 2027-01-04 // note \t \n  /* keep   \n   this */\n}")
            .Should().Be(Lines("program p {", "  start 2027-01-04 // note", "  /* keep   \n   this */", "}"));
    }

    [Fact]
    public void Keeps_the_line_endings_of_the_file_and_ends_it_with_one_line_break()
    {
        Format("program p {\r\n  start 2027-01-04\r\n\r\n\r\n  currency USD }").Should().Be("program p {\r\n  start 2027-01-04\r\n\r\n  currency USD\r\n}\r\n");
        Format("program p { start 2027-01-04 }").Should().Be("program p { start 2027-01-04 }\n");
        Format(string.Empty).Should().BeEmpty();
    }

    [Fact]
    public void Keeps_a_byte_order_mark()
    {
        Format("\uFEFFprogram p {start 2027-01-04}").Should().Be("\uFEFFprogram p { start 2027-01-04 }\n");
    }

    [Fact]
    public void Formats_a_fragment_of_members()
    {
        Format("include \"team.tpm\"\nrole   ds \"Data Scientist\"\nperson ana \"Ana\" { role ds;skills python }")
            .Should().Be(Lines("include \"team.tpm\"", "role ds \"Data Scientist\"", "person ana \"Ana\" { role ds  skills python }"));
    }

    [Fact]
    public void A_statement_that_follows_a_value_without_space_starts_its_own_line()
    {
        Format("program p {\n  task t {\n    progress 100%assign ana\n    effort 2d\n  }\n}")
            .Should().Be(Lines("program p {", "  task t {", "    progress 100%  assign ana", "    effort 2d", "  }", "}"));
    }

    [Fact]
    public void Keeps_the_separator_after_a_person_named_role()
    {
        // Without the ';' the next keyword would be read as the name of a role.
        var text = "program p {\n  start 2027-01-04\n  person role \"R\"\n  task t {\n    assign role;\n    effort 5d\n  }\n}";
        var formatted = Format(text);
        formatted.Should().Be(Lines("program p {", "  start 2027-01-04", "  person role \"R\"", "  task t {", "    assign role;", "    effort 5d", "  }", "}"));
        TpmProgram.Parse(formatted).Diagnostics.Where(d => d.IsError).Should().BeEmpty();
    }

    [Fact]
    public void A_file_with_syntax_errors_is_refused_with_its_TPM0001_diagnostics()
    {
        var result = PlanFormatter.Format("program p {\n  task t { effort 10 }\n}", "bad.tpm");
        result.Succeeded.Should().BeFalse();
        result.Text.Should().BeNull();
        result.Diagnostics.Should().NotBeEmpty().And.OnlyContain(d => d.Code == "TPM0001");
        result.Diagnostics[0].ToString().Should().StartWith("bad.tpm(2,19): error TPM0001: expected a unit after 10");
    }

    [Fact]
    public void An_unterminated_block_comment_is_refused()
    {
        var result = PlanFormatter.Format("program p {\n  start 2027-01-04 /* never closed\n}", "bad.tpm");
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Select(d => d.Code).Should().Equal("TPM0001", "TPM0001");
        result.Diagnostics[0].Message.Should().Contain("unterminated block comment");
    }

    [Fact]
    public void A_file_that_says_tpm_fmt_off_is_left_as_written_even_when_it_does_not_parse()
    {
        var text = "// an example of a mistake (tpm fmt: off)\nprogram p {   task t { effort 10 } }";
        var result = PlanFormatter.Format(text, "off.tpm");
        result.Succeeded.Should().BeTrue();
        result.IsOff.Should().BeTrue();
        result.Changed.Should().BeFalse();
        result.Text.Should().Be(text);
        PlanFormatter.IsOff("program p { } // tpm fmt: off").Should().BeFalse("only comments before the first statement count");
        PlanFormatter.IsOff("// tpm fmt: offline notes\nprogram p { }").Should().BeFalse("the directive is a word of its own");
        PlanFormatter.IsOff("/* tpm fmt: off-by-one */ program p { }").Should().BeFalse();
        PlanFormatter.IsOff("// tpm fmt: offline, then tpm fmt: off\nprogram p { }").Should().BeTrue("a later mention counts");
        PlanFormatter.IsOff("/*tpm fmt: off*/program p { }").Should().BeTrue();
    }

    [Fact]
    public void A_list_joined_past_the_wrap_width_continues_on_the_next_line_after_a_comma()
    {
        // 3,000 names on 3,000 lines would join into one line of 21,000 characters, past the line limit of the parser.
        var names = Enumerable.Range(0, 3000).Select(i => "task-number-" + i).ToArray();
        var text = "program p {\n  start 2027-01-04\n  task t {\n    effort 1d\n    after " + string.Join(",\n      ", names) + "\n  }\n}";
        var formatted = Format(text);
        var lines = formatted.Split('\n');
        lines.Max(l => l.Length).Should().BeLessThanOrEqualTo(PlanFormatter.WrapWidth);
        lines.Should().Contain(l => l.StartsWith("        task-number-", StringComparison.Ordinal), "a continuation is indented four spaces deeper");
        lines.Where(l => l.StartsWith("    after", StringComparison.Ordinal)).Single().Should().EndWith(",");
        Tokens(formatted).Should().Equal(Tokens(text));
    }

    [Fact]
    public void Every_example_is_already_canonical()
    {
        foreach (var (path, text) in RepoFiles.Examples())
        {
            var result = PlanFormatter.Format(text, path);
            result.Succeeded.Should().BeTrue(path + ": " + string.Join("; ", result.Diagnostics));
            result.Text.Should().Be(text, path + " is formatted");
        }
    }

    [Fact]
    public void The_example_in_the_README_is_canonical()
    {
        var readme = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoFiles.Root, "README.md"));
        int start = readme.IndexOf("```\nprogram hello", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0);
        int end = readme.IndexOf("```", start + 4, StringComparison.Ordinal);
        var plan = readme.Substring(start + 4, end - start - 4);
        PlanFormatter.Format(plan, "README.md").Text.Should().Be(plan);
    }

    [Fact]
    public void A_huge_comment_and_a_64_MiB_plan_are_formatted()
    {
        var comment = "/*" + string.Concat(Enumerable.Repeat(new string('c', 1000) + "\n", 8000)) + "*/";
        Format("program p {\n" + comment + "\n  start 2027-01-04\n}").Should().Be(Lines("program p {", "  " + comment, "  start 2027-01-04", "}"));

        // Just under the size limit (room left for the indentation it gains) and within the token and declaration limits:
        // tasks badly indented, between long comments.
        var sb = new StringBuilder("program big {\nstart 2027-01-04\n");
        int i = 0;
        var rule = "// " + new string('-', 4000) + "\n";
        while (sb.Length < InputLimits.MaxFileBytes - 150_000)
        {
            sb.Append(rule).Append("task t").Append(i++).Append(" {effort 1d}\n");
        }

        sb.Append("}\n");
        var result = PlanFormatter.Format(sb.ToString(), "big.tpm");
        result.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        result.Changed.Should().BeTrue();
        result.Text!.Should().Contain("\n  task t1 { effort 1d }\n");
        result.Text!.Length.Should().Be(sb.Length + 2 * (2 * i + 1) + 2 * i, "two spaces of indentation a line, one space inside each brace");
    }

    [Fact]
    public void A_file_that_formatting_would_grow_past_the_size_limit_is_refused()
    {
        // Within the limit as written, past it once each of its lines is indented.
        var sb = new StringBuilder("program big {\nstart 2027-01-04\n");
        var rule = "// " + new string('-', 200) + "\n";
        while (sb.Length < InputLimits.MaxProgramChars - 300) sb.Append(rule);
        sb.Append("}\n");
        sb.Length.Should().BeLessThanOrEqualTo((int)InputLimits.MaxProgramChars);

        var result = PlanFormatter.Format(sb.ToString(), "big.tpm");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("big.tpm(1,1): error TPM1007: the file is not formatted: its formatted text would be");
    }

    [Fact]
    public void Deeply_nested_broken_braces_are_refused_without_a_crash()
    {
        var text = "program p {\n" + string.Concat(Enumerable.Repeat("workstream w {\n", 100_000));
        var result = PlanFormatter.Format(text, "deep.tpm");
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().NotBeEmpty();
        PlanFormatter.Format(string.Concat(Enumerable.Repeat("{\n", 1_000_000)), "braces.tpm").Succeeded.Should().BeFalse();
        PlanFormatter.Format(string.Concat(Enumerable.Repeat("}\n", 1_000_000)), "braces.tpm").Succeeded.Should().BeFalse();
    }

    /// <summary>The text's tokens, split at white space and comments (an independent reading, for comparison).</summary>
    internal static string[] Tokens(string text) => FormatterProperties.Tokens(text);
}
