using System;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>
/// The input limits (TPM1007): each is reported once, where the text goes past it, and nothing else is reported
/// about the file (no follow-on errors about what the cut leaves unclosed or undefined).
/// </summary>
public class InputLimitTests
{
    private static Diagnostic OnlyLimit(string text, int line, int column, string message)
    {
        var program = TpmProgram.Parse(text, Path);
        var d = program.Diagnostics.Should().ContainSingle(string.Join("\n", program.Diagnostics.Take(5))).Subject;
        d.Code.Should().Be("TPM1007");
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column).Should().Be((line, column));
        d.Message.Should().Be(message);
        program.Model.Should().BeNull();
        program.Schedule.Should().BeNull();
        return d;
    }

    private static string InProgram(params string[] members) =>
        Lines(new[] { "program p {", "  start 2027-01-04" }.Concat(members).Concat(new[] { "}" }).ToArray());

    [Fact]
    public void The_limits_are_those_documented()
    {
        (InputLimits.MaxLineLength, InputLimits.MaxNameLength, InputLimits.MaxStringLength, InputLimits.MaxNumberLength, InputLimits.MaxNestingDepth)
            .Should().Be((20_000, 256, 10_000, 100, 64));
        InputLimits.MaxIdLength.Should().Be(512);
    }

    [Fact]
    public void A_name_at_the_limit_is_fine_and_one_past_it_is_reported_at_the_name()
    {
        var ok = new string('a', InputLimits.MaxNameLength);
        TpmProgram.Parse(InProgram("  task " + ok + " { duration 1d }", "  task b { duration 1d  after " + ok + " }"), Path).Diagnostics.Should().BeEmpty();

        var d = OnlyLimit(InProgram("  task a { duration 1d }", "  task b { duration 1d  after " + ok + "x }"), 4, 31,
            "a name longer than the limit of 256 characters ('" + new string('a', 40) + "…'); shorten it");
        d.Location!.Value.Span.Length.Should().Be(256);
    }

    [Fact]
    public void A_50000_character_name_is_one_error()
    {
        var huge = new string('n', 50_000);
        OnlyLimit(InProgram("  task " + huge + " { duration 1d }", "  task b { duration 1d  after " + huge + "x }"), 3, 8,
            "a name longer than the limit of 256 characters ('" + new string('n', 40) + "…'); shorten it");
    }

    [Fact]
    public void A_number_past_the_limit_is_reported_at_the_number() =>
        OnlyLimit(InProgram("  task a { duration " + new string('9', 101) + "d }"), 3, 21, "a number longer than the limit of 100 characters");

    [Fact]
    public void A_string_past_the_limit_is_reported_at_its_opening_quote()
    {
        TpmProgram.Parse(InProgram("  task a { duration 1d  note \"" + new string('x', InputLimits.MaxStringLength) + "\" }"), Path).Diagnostics.Should().BeEmpty();
        OnlyLimit(InProgram("  task a { duration 1d  note \"" + string.Concat(Enumerable.Repeat("x\\n", 5_000)) + "y\" }"), 3, 30,
            "a string longer than the limit of 10,000 characters; shorten it");
    }

    [Fact]
    public void A_line_past_the_limit_is_reported_at_the_first_character_beyond_it()
    {
        var line = "  " + string.Concat(Enumerable.Repeat("task t { duration 1d } ", 2_000));
        var text = InProgram(line);
        int column = InputLimits.MaxLineLength + 1;
        OnlyLimit(text, 3, column, "this line is longer than the limit of 20,000 characters; break it into several lines");
    }

    [Fact]
    public void Comments_and_strings_hold_braces_that_do_not_nest()
    {
        var braces = new string('{', 200);
        TpmProgram.Parse(InProgram("  // " + braces, "  /* " + braces + " */", "  task a \"" + braces + "\" { duration 1d }"), Path).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void Workstreams_nest_to_the_limit_and_one_level_more_is_reported_at_its_brace()
    {
        // The program, 62 workstreams and the task: 64 blocks.
        string Nest(int workstreams) =>
            InProgram(string.Concat(Enumerable.Range(0, workstreams).Select(i => "workstream w" + i + " {\n")) + "task bottom { duration 1d }\n" + new string('}', workstreams));
        var deepest = TpmProgram.Parse(Nest(InputLimits.MaxNestingDepth - 2), Path);
        deepest.Diagnostics.Should().BeEmpty();
        deepest.Schedule!.Tasks.Single().Id.Should().Be(string.Join(".", Enumerable.Range(0, 62).Select(i => "w" + i)) + ".bottom");

        var d = OnlyLimit(Nest(InputLimits.MaxNestingDepth - 1), 66, 13,
            "blocks nest deeper than the limit of 64 (the program, its workstreams and a task each count one); flatten the workstreams or split the plan");
        d.Location!.Value.Text.Should().Be("{");
    }

    [Fact]
    public void A_qualified_id_past_the_limit_is_reported_once_where_it_goes_past()
    {
        // a (200) . b (200) is 401 characters; . c (120) makes 522, past 512. The task inside c is not reported again.
        string a = new string('a', 200), b = new string('b', 200), c = new string('c', 120);
        var text = InProgram("  workstream " + a + " {", "  workstream " + b + " {", "  workstream " + c + " {", "    task t { duration 1d }", "  }}}");
        var program = TpmProgram.Parse(text, Path);
        var d = program.Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("TPM1007");
        (d.Location!.Value.Start.Line, d.Location!.Value.Text).Should().Be((5, c));
        d.Message.Should().Be("workstream '" + c + "' has an id of 522 characters ('" + new string('a', 40) + "…'), longer than the limit of 512; use shorter names or fewer levels of workstreams");

        // 401 + 1 + 108 = 510, and the task makes 512: exactly the limit.
        var shorter = InProgram("  workstream " + a + " {", "  workstream " + b + " {", "  workstream " + c.Substring(0, 108) + " {", "    task t { duration 1d }", "  }}}");
        TpmProgram.Parse(shorter, Path).Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_limit_in_an_included_file_stops_the_compilation_without_follow_on_errors()
    {
        var resolver = new InMemorySourceResolver();
        resolver.Add("part.tpm", "task " + new string('z', 300) + " { duration 1d }\n");
        var program = TpmProgram.Parse(InProgram("  include \"part.tpm\"", "  task a { duration 1d }"), Path, resolver: resolver);
        var d = program.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Location!.Value.Path).Should().Be(("TPM1007", "part.tpm"));
        program.Model.Should().BeNull();
    }

    [Fact]
    public void The_parser_reports_a_limit_as_its_only_diagnostic_and_an_empty_tree()
    {
        var tree = Parse("program p {\n  start 2027-01-04\n  task " + new string('q', 257) + " { duration 1d }\n");
        tree.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("TPM1007");
        tree.Root.Statements.Should().BeEmpty();
        Parser.HitLimit(tree).Should().BeTrue();
    }
}
