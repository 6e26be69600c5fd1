using System.Linq;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>Syntax errors (TPM0001): exact messages and positions, recovery and the error cap.</summary>
public class ParserErrorTests
{
    private const string TaskKeywords =
        "actual-cost, actual-finish, actual-start, after, assign, cost, due, duration, effort, estimate, not-before, note, owner, phase, priority, progress, requires, review, uses";

    /// <summary>A program holding task a whose body is the given lines (line 3 onwards).</summary>
    private static string InTask(params string[] body) =>
        Lines(new[] { "program p {", "  task a {" }.Concat(body.Select(b => "    " + b)).Concat(new[] { "  }", "}" }).ToArray());

    [Fact]
    public void Unknown_keyword_with_did_you_mean() =>
        SingleError(InTask("efort 3d"), 3, 5, "unexpected 'efort' in task 'a'; did you mean 'effort'?")
            .Location!.Value.Text.Should().Be("efort");

    [Fact]
    public void Unknown_keyword_without_suggestion_lists_the_keywords()
    {
        SingleError(InTask("zzzqq 3d"), 3, 5, "unexpected 'zzzqq' in task 'a'; expected one of: " + TaskKeywords);
        SingleError("zzzzz p { }", 1, 1,
            "unexpected 'zzzzz' at the top of a file; expected one of: baseline, baseline-tolerance, budget, calendar, currency, deadline, decision, holiday, hours-per-day, " +
            "include, leveling, metric, milestone, note, person, portfolio, program, resource, risk, role, skill, stakeholder, start, status-date, task, team, workdays, workstream");
    }

    [Theory]
    [InlineData("depends x", "depends", "after", "TaskJuggler")]
    [InlineData("predecessors x", "predecessors", "after", "MS Project")]
    [InlineData("allocate x", "allocate", "assign", "TaskJuggler")]
    [InlineData("length 5d", "length", "duration", "TaskJuggler")]
    [InlineData("work 5d", "work", "effort", "MS Project")]
    [InlineData("start 2027-03-01", "start", "not-before", "TaskJuggler and MS Project")]
    public void Another_tools_word_is_answered_with_the_tpm_keyword(string line, string word, string keyword, string tool) =>
        SingleError(InTask(line), 3, 5, "unexpected '" + word + "' in task 'a'; did you mean '" + keyword + "'? ('" + word + "' is " + tool + "'s word; a .tpm plan writes '" + keyword + "')");

    [Fact]
    public void A_foreign_word_is_only_answered_where_its_keyword_is_a_statement()
    {
        // 'start' is a program statement itself; in a person block 'allocate' has no 'assign' to point to.
        Parse("program p {\n  start 2027-01-04\n}").Diagnostics.Should().BeEmpty();
        SingleError("program p {\n  person x {\n    allocate y\n  }\n}", 3, 5, "unexpected 'allocate' in person 'x'; expected one of: " +
            string.Join(", ", SyntaxFacts.KeywordsIn(BlockContext.Person)));
    }

    [Fact]
    public void Misspelt_program_keyword_is_suggested() =>
        SingleError("proggram p { start 2027-01-04 }", 1, 1, "unexpected 'proggram' at the top of a file; did you mean 'program'?");

    [Fact]
    public void Missing_value_at_end_of_line_is_reported_there_and_the_next_statement_still_parses()
    {
        var text = InTask("effort", "duration 2d");
        var error = SingleError(text, 3, 11, "unexpected end of line; expected a duration such as 5d, 4h or 2w after 'effort'");
        error.Location!.Value.Span.Length.Should().Be(0);

        var task = Parse(text).ProgramOf().Member("a");
        task.ContainsErrors.Should().BeTrue();
        var duration = task.Body.Should().ContainSingle().Which.Should().BeOfType<PropertySyntax>().Which;
        duration.Keyword.Text.Should().Be("duration");
        duration.Value<DurationValueSyntax>().Amount.Should().Be(2m);
    }

    [Fact]
    public void Missing_value_before_a_token_on_the_same_line_names_the_token() =>
        SingleError(InTask("after , b"), 3, 11, "unexpected ','; expected a name after 'after'");

    [Fact]
    public void Missing_value_at_end_of_file() =>
        Parse("program p { start").Diagnostics.Select(d => d.Message).Should().Contain(
            "unexpected end of file; expected a date (YYYY-MM-DD) after 'start'");

    [Fact]
    public void Wrong_duration_unit_is_reported_at_the_unit() =>
        SingleError(InTask("effort 10x"), 3, 14, "expected a unit after 10: h (hours), d (working days) or w (weeks), as in 10d")
            .Location!.Value.Text.Should().Be("x");

    [Fact]
    public void Missing_duration_unit_is_reported_at_the_number_not_at_the_next_line() =>
        SingleError(InTask("effort 10", "duration 2d"), 3, 12, "expected a unit after 10: h (hours), d (working days) or w (weeks), as in 10d")
            .Location!.Value.Text.Should().Be("10");

    [Theory]
    [InlineData("effort 123456789012345678901234567890d")]
    [InlineData("priority 123456789012345678901234567890")]
    [InlineData("progress 123456789012345678901234567890%")]
    public void A_number_too_large_for_a_decimal_says_so(string statement) =>
        SingleError(InTask(statement), 3, 5 + statement.IndexOf(' ') + 1, "the number '" + statement.Substring(statement.IndexOf(' ') + 1) + "' is too large");

    [Fact]
    public void Unit_after_a_plain_number_is_an_error() =>
        SingleError(InTask("priority 700d"), 3, 17, "unexpected 'd' after the number 700; a plain number is expected here");

    [Fact]
    public void Missing_percent_after_a_share()
    {
        var error = SingleError(InTask("assign alice 50"), 3, 18, "expected '%' after 50 (a percentage such as 80%)");
        error.Location!.Value.Text.Should().Be("50");
    }

    [Fact]
    public void Comparison_without_a_number_is_reported_at_the_operator()
    {
        var text = Lines("program p {", "  metric m {", "    target >=", "    current 0.8", "  }", "}");
        SingleError(text, 3, 12, "expected a number after '>='");
        Parse(text).ProgramOf().Member("m").Property("current").Value<NumberValueSyntax>().Value.Should().Be(0.8m);
    }

    [Fact]
    public void Bad_rate_suffix() =>
        SingleError(Lines("program p {", "  role r { rate 950 }", "}"), 2, 17, "expected a rate such as 950/d or 950/h");

    [Theory]
    [InlineData("  start 2027-1-4", "invalid date '2027-1-4'; write dates as YYYY-MM-DD")]
    [InlineData("  start 27-01-04", "invalid date '27-01-04'; write dates as YYYY-MM-DD")]
    [InlineData("  start 2027-01-04x", "invalid date '2027-01-04x'; write dates as YYYY-MM-DD")]
    [InlineData("  start tomorrow", "unexpected 'tomorrow'; expected a date (YYYY-MM-DD) after 'start'")]
    public void Bad_date_shape(string line, string message) =>
        SingleError(Lines("program p {", line, "}"), 2, 9, message);

    [Fact]
    public void Bad_end_of_a_date_range()
    {
        SingleError(Lines("program p {", "  holiday 2027-01-01..x", "}"), 2, 23,
            "unexpected 'x'; expected the last date of the range (YYYY-MM-DD) after 'holiday'");
        SingleError(Lines("program p {", "  holiday 2027-01-01..2027-1-2", "}"), 2, 23,
            "invalid date '2027-1-2'; write dates as YYYY-MM-DD");
    }

    [Fact]
    public void Unterminated_string_is_reported_at_its_quote() =>
        SingleError(Lines("program p {", "  note \"abc", "}"), 2, 8, "unterminated string; close it with '\"' on the same line");

    [Fact]
    public void Unknown_escape_is_reported_at_the_backslash() =>
        SingleError(Lines("program p {", "  note \"a\\qb\"", "}"), 2, 10, "unknown escape sequence '\\q'; use \\\", \\\\, \\n or \\t");

    [Fact]
    public void Unterminated_block_comment_is_reported_once_at_its_start()
    {
        var tree = Parse(Lines("program p {", "  start 2027-01-04", "  /* never closed", "}"));
        tree.Diagnostics.Select(d => (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column, d.Message)).Should().BeEquivalentTo(new[]
        {
            (3, 3, "unterminated block comment; close it with '*/'"),
            (1, 11, "'{' of program 'p' is never closed; expected '}' before the end of the file"),
        });
    }

    [Fact]
    public void Unterminated_block_comment_inside_a_statement_is_reported_once()
    {
        var tree = Parse(Lines("program p {", "  start /* x", "}"));
        tree.Diagnostics.Where(d => d.Message.StartsWith("unterminated block comment")).Should().ContainSingle()
            .Which.Location!.Value.Start.Column.Should().Be(9);
    }

    [Fact]
    public void Unclosed_block_at_end_of_file_is_reported_at_its_opening_brace()
    {
        SingleError(Lines("program p {", "  task a {", "    duration 2d", "}"), 1, 11,
            "'{' of program 'p' is never closed; expected '}' before the end of the file");

        var tree = Parse(Lines("program p {", "  task a {", "    duration 2d"));
        tree.Diagnostics.Select(d => (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column, d.Message)).Should().Equal(
            (2, 10, "'{' of task 'a' is never closed; expected '}' before the end of the file"),
            (1, 11, "'{' of program 'p' is never closed; expected '}' before the end of the file"));

        // The unclosed blocks are still in the tree, with what they hold.
        var task = tree.ProgramOf().Member("a");
        task.CloseBrace.Should().BeNull();
        task.ContainsErrors.Should().BeTrue();
        task.Property("duration").Value<DurationValueSyntax>().Amount.Should().Be(2m);
    }

    [Fact]
    public void Stray_closing_brace() =>
        SingleError(Lines("program p { }", "}"), 2, 1, "unexpected '}': no block is open here");

    [Fact]
    public void List_with_a_trailing_comma()
    {
        SingleError(Lines("program p {", "  person x { skills a, b, }", "}"), 2, 27, "unexpected '}'; expected a name after 'skills'");
        SingleError(Lines("program p {", "  person x {", "    skills a, b,", "  }", "}"), 3, 17, "unexpected end of line; expected a name after 'skills'");
    }

    [Fact]
    public void Requires_needs_the_word_skill() =>
        SingleError(InTask("requires spark"), 3, 14, "unexpected 'spark'; expected 'skill' or 'skills' after 'requires'");

    [Fact]
    public void Declaration_needs_a_name() =>
        SingleError(InTask("note \"x\"").Replace("task a", "task \"x\""), 2, 8, "unexpected string; expected a name after 'task'");

    [Fact]
    public void Non_word_where_a_statement_is_expected() =>
        SingleError(InTask("50% done"), 3, 5, "unexpected '50%'; expected a statement of task 'a' or '}'");

    [Fact]
    public void Three_independent_errors_are_all_reported_and_valid_declarations_survive()
    {
        var tree = Parse(Lines(
            "program p {",
            "  start 2027-01-04",
            "  task a { effort 3x }",
            "  task b {",
            "    duration 2d",
            "    priority high",
            "  }",
            "  task c { efort 2d }",
            "  task d { duration 1d }",
            "}"));
        tree.Diagnostics.Select(d => (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column, d.Message)).Should().Equal(
            (3, 20, "expected a unit after 3: h (hours), d (working days) or w (weeks), as in 3d"),
            (6, 14, "unexpected 'high'; expected a number after 'priority'"),
            (8, 12, "unexpected 'efort' in task 'c'; did you mean 'effort'?"));

        var program = tree.ProgramOf();
        program.ContainsErrors.Should().BeFalse();
        program.Body.Select(s => s.Keyword.Text + " " + (s as DeclarationSyntax)?.Name.Text).Should().Equal(
            "start ", "task a", "task b", "task c", "task d");
        program.Member("a").ContainsErrors.Should().BeTrue();
        program.Member("b").ContainsErrors.Should().BeTrue();
        program.Member("b").Property("duration").Value<DurationValueSyntax>().Amount.Should().Be(2m);
        program.Member("c").ContainsErrors.Should().BeTrue();
        program.Member("d").ContainsErrors.Should().BeFalse();
        program.Member("d").Property("duration").Value<DurationValueSyntax>().Amount.Should().Be(1m);
    }

    [Fact]
    public void Recovery_skips_a_broken_statement_up_to_a_semicolon()
    {
        var tree = Parse("program p { start 2027-01-04; task a { effort x y z; duration 2d } }");
        tree.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("unexpected 'x'; expected a duration such as 5d, 4h or 2w after 'effort'");
        tree.ProgramOf().Member("a").Property("duration").Value<DurationValueSyntax>().Amount.Should().Be(2m);
    }

    [Fact]
    public void Recovery_skips_braced_blocks_inside_a_broken_statement()
    {
        var tree = Parse(Lines("program p {", "  bogus x { task y { duration 1d } }", "  task z { duration 1d }", "}"));
        tree.Diagnostics.Should().ContainSingle().Which.Location!.Value.Start.Line.Should().Be(2);
        tree.ProgramOf().Body.OfType<DeclarationSyntax>().Select(d => d.Name.Text).Should().Equal("z");
    }

    [Theory]
    [InlineData("}\n")]
    [InlineData("@;")]
    [InlineData("zzz 1;\n")]
    public void Error_cap_stops_after_MaxErrors_plus_one(string garbage)
    {
        var text = string.Concat(Enumerable.Repeat(garbage, 500));
        var tree = Parse(text);
        tree.Diagnostics.Should().HaveCount(Parser.MaxErrors + 1);
        tree.Diagnostics.Should().OnlyContain(d => d.Code == "TPM0001");
        tree.Diagnostics[^1].Message.Should().Be("too many syntax errors (100); parsing stopped here");
    }

    [Fact]
    public void Error_cap_inside_an_unclosed_block_adds_nothing_after_the_cap()
    {
        var tree = Parse("program p {\n" + string.Concat(Enumerable.Repeat("zzz;\n", 300)));
        tree.Diagnostics.Should().HaveCount(Parser.MaxErrors + 1);
        tree.Diagnostics[^1].Message.Should().Be("too many syntax errors (100); parsing stopped here");
        (tree.Diagnostics[^1].Location!.Value.Start.Line).Should().Be(101);
    }
}
