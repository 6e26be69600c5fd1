using System;
using System.Linq;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>Lexical rules of design §2: comments, separators, numbers, strings, names, weekdays, dates.</summary>
public class ParserLexicalTests
{
    [Fact]
    public void Line_and_block_comments_are_trivia_even_between_tokens()
    {
        var tree = ParseClean(Lines(
            "// a plan",
            "program /* id: */ p {  // the program",
            "  /* several",
            "     lines */ task a {",
            "    effort /* person-days */ 10d",
            "    after b /* fs */ fs /* lag */ +2d",
            "  }",
            "}",
            "// trailing"));
        var task = tree.ProgramOf().Member("a");
        tree.ShouldSpan(tree.ProgramOf().Name, 2, 19, "p");
        tree.ShouldSpan(task, 4, 15, "task a {\n    effort /* person-days */ 10d\n    after b /* fs */ fs /* lag */ +2d\n  }");
        var effort = task.Property("effort");
        tree.ShouldSpan(effort.Value<DurationValueSyntax>(), 5, 30, "10d");
        var dependency = task.Property("after").Value<DependencyItemSyntax>();
        dependency.Type!.Text.Should().Be("fs");
        dependency.Lag!.Amount.Should().Be(2m);
        tree.ShouldSpan(dependency.Lag, 6, 36, "2d");
    }

    [Fact]
    public void A_comment_may_follow_a_plain_number_with_no_space()
    {
        // '/' after a number is a rate's or a mistake's; '//' and '/*' start a comment there as after any other value.
        var tree = ParseClean(Lines(
            "program p {",
            "  budget 5000// the approved amount",
            "  task a { effort 1d  priority 700/* high */ }",
            "}"));
        tree.ProgramOf().Property("budget").Value<NumberValueSyntax>().Value.Should().Be(5000m);
        tree.ProgramOf().Member("a").Property("priority").Value<NumberValueSyntax>().Value.Should().Be(700m);
    }

    [Fact]
    public void Semicolons_separate_statements_and_statements_share_lines()
    {
        var tree = ParseClean("program p { start 2027-01-04; deadline 2027-06-30;; task a { effort 1d; assign x } task b { duration 2d after a } }");
        var program = tree.ProgramOf();
        program.Body.Select(s => s.Keyword.Text).Should().Equal("start", "deadline", "task", "task");
        program.Member("a").Body.Select(s => s.Keyword.Text).Should().Equal("effort", "assign");
        program.Member("b").Body.Select(s => s.Keyword.Text).Should().Equal("duration", "after");
        tree.ShouldSpan(program.Property("deadline"), 1, 31, "deadline 2027-06-30");
        tree.ShouldSpan(program.Member("b"), 1, 84, "task b { duration 2d after a }");
    }

    [Theory]
    [InlineData("budget 12", 12)]
    [InlineData("budget 12.5", 12.5)]
    [InlineData("budget 1_200_000", 1200000)]
    [InlineData("budget 1_000.25", 1000.25)]
    [InlineData("budget 007", 7)]
    public void Numbers_with_underscores_and_decimals(string statement, double value) =>
        ProgramStatement(statement).Value<NumberValueSyntax>().Value.Should().Be((decimal)value);

    [Fact]
    public void String_escapes_are_unescaped_and_the_span_keeps_the_source()
    {
        var source = "note \"say \\\"hi\\\" \\\\ back\\nnext\"";
        var property = ProgramStatement(source);
        var value = property.Value<StringValueSyntax>();
        value.Value.Should().Be("say \"hi\" \\ back\nnext");
        value.Span.Length.Should().Be(source.Length - "note ".Length);
    }

    [Fact]
    public void Empty_string_and_unicode()
    {
        ProgramStatement("note \"\"").Value<StringValueSyntax>().Value.Should().BeEmpty();
        ProgramStatement("note \"Zoë – naïve ✓\"").Value<StringValueSyntax>().Value.Should().Be("Zoë – naïve ✓");
    }

    [Theory]
    [InlineData("feature-pipeline")]
    [InlineData("_private")]
    [InlineData("x-1_b2")]
    [InlineData("a--b")]
    public void Identifiers_may_contain_dashes_digits_and_underscores(string name)
    {
        var program = ParseClean("program p { task " + name + " { duration 1d } }").ProgramOf();
        program.Member(name).Name.Text.Should().Be(name);
    }

    [Fact]
    public void References_join_names_with_dots()
    {
        var property = TaskStatement("owner a.b-c.d_e");
        var reference = property.Value<ReferenceValueSyntax>().Reference;
        reference.Segments.Select(s => s.Text).Should().Equal("a", "b-c", "d_e");
        reference.Text.Should().Be("a.b-c.d_e");
        reference.Span.Length.Should().Be("a.b-c.d_e".Length);
    }

    [Fact]
    public void Keywords_are_names_where_a_name_is_expected()
    {
        var program = ParseClean("program p { person task { skills effort, after } task after { duration 1d assign task } }").ProgramOf();
        program.Member("task").Property("skills").Values.Cast<NameValueSyntax>().Select(n => n.Text).Should().Equal("effort", "after");
        program.Member("after").Property("assign").Value<AssignmentItemSyntax>().Target.Text.Should().Be("task");
    }

    [Fact]
    public void Weekday_lists_and_ranges()
    {
        var days = ProgramStatement("workdays mon, wed..fri, sun, fri..mon, Tue").Values.Cast<WeekdayRangeSyntax>().ToList();
        days.Select(d => (d.From, d.To)).Should().Equal(
            (DayOfWeek.Monday, (DayOfWeek?)null),
            (DayOfWeek.Wednesday, DayOfWeek.Friday),
            (DayOfWeek.Sunday, null),
            (DayOfWeek.Friday, DayOfWeek.Monday),
            (DayOfWeek.Tuesday, null));
    }

    [Fact]
    public void Date_range_and_single_date()
    {
        var tree = ParseClean(Lines("program p {", "holiday 2027-12-24..2028-01-01 \"Winter\"", "holiday 2027-07-05", "}"));
        var holidays = tree.ProgramOf().Body.Cast<PropertySyntax>().ToList();
        var range = holidays[0].Value<DateRangeValueSyntax>();
        (range.From.Year, range.From.Month, range.From.Day).Should().Be((2027, 12, 24));
        (range.To!.Year, range.To.Month, range.To.Day).Should().Be((2028, 1, 1));
        tree.ShouldSpan(range, 2, 9, "2027-12-24..2028-01-01");
        holidays[0].Value<StringValueSyntax>(1).Value.Should().Be("Winter");
        holidays[1].Value<DateRangeValueSyntax>().To.Should().BeNull();
    }

    [Fact]
    public void Invalid_calendar_dates_parse_and_are_left_to_the_binder()
    {
        var date = ProgramStatement("start 2027-02-30").Value<DateValueSyntax>();
        (date.Year, date.Month, date.Day).Should().Be((2027, 2, 30));
        date.IsValid.Should().BeFalse();
    }

    [Fact]
    public void Crlf_line_endings_give_the_same_positions()
    {
        var tree = ParseClean("program p {\r\n  task a {\r\n    duration 2d\r\n  }\r\n}\r\n");
        var duration = tree.ProgramOf().Member("a").Property("duration");
        tree.ShouldSpan(duration, 3, 5, "duration 2d");
        tree.ShouldSpan(duration.Value<DurationValueSyntax>(), 3, 14, "2d");
    }

    [Fact]
    public void Byte_order_mark_and_empty_file()
    {
        ParseClean("\uFEFFprogram p { }").ProgramOf().Name.Text.Should().Be("p");
        var empty = ParseClean("  // nothing\n");
        empty.Root.Statements.Should().BeEmpty();
    }
}
