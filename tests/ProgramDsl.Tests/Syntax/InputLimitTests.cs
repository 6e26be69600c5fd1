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
        (InputLimits.MaxTokens, InputLimits.MaxDeclarations, InputLimits.MaxDiagnostics, InputLimits.MaxDiagnosticChars, InputLimits.MaxTokensPerRun)
            .Should().Be((3_000_000, 250_000, 100_000, 16_000_000, 6_000_000L));
    }

    /// <summary>A program of <paramref name="tasks"/> one-day tasks, one a line: the program declaration counts one more.</summary>
    private static string Tasks(int tasks)
    {
        var sb = new System.Text.StringBuilder("program p {\n  start 2027-01-04\n");
        for (int i = 0; i < tasks; i++) sb.Append("task t").Append(i).Append(" { duration 1d }\n");
        return sb.Append("}\n").ToString();
    }

    [Fact]
    public void Declarations_up_to_the_limit_compile_and_the_first_past_it_is_reported_at_its_keyword()
    {
        // The program itself is the first declaration; task t(n) sits on line n + 3.
        var full = TpmProgram.Parse(Tasks(InputLimits.MaxDeclarations - 1), Path, new TpmCompileOptions { Schedule = false });
        full.Diagnostics.Should().BeEmpty();
        full.Model!.Tasks.Should().HaveCount(InputLimits.MaxDeclarations - 1);

        var d = OnlyLimit(Tasks(InputLimits.MaxDeclarations), InputLimits.MaxDeclarations + 2, 1,
            "the program has more declarations (tasks, milestones, workstreams, people and other named blocks) than the limit of 250,000; " +
            "this is the first past it; split the plan into several programs");
        d.Location!.Value.Text.Should().Be("task");
    }

    [Fact]
    public void Declarations_are_counted_the_same_when_the_parser_cuts_the_text_into_parallel_pieces()
    {
        // Over a megabyte the body is parsed in concurrent pieces; the count must be the program's, not a piece's.
        var text = Tasks(InputLimits.MaxDeclarations);
        text.Length.Should().BeGreaterThan(Parser.ParallelThreshold);
        var tree = Parser.Parse(new ProgramDsl.Text.SourceText(Path, text), 8);
        tree.Diagnostics.Should().ContainSingle().Which.Location!.Value.Start.Line.Should().Be(InputLimits.MaxDeclarations + 2);
        Parser.HitLimit(tree).Should().BeTrue();
    }

    [Fact]
    public void Tokens_past_the_limit_are_reported_at_the_first_one_past_it()
    {
        // Lines of 'task bN { duration 1d  after a, a, …' (5 tokens and 999 names); strings count, punctuation and comments do not.
        var sb = new System.Text.StringBuilder("program p \"P\" {\n  start 2027-01-04 // comment words are free\n  task a { duration 1d }\n");
        int tokens = 5 + 4; // program p "P" start 2027-01-04, task a duration 1d
        int line = 3;
        while (tokens + 5 + 999 <= InputLimits.MaxTokens)
        {
            sb.Append("  task b").Append(line).Append(" { duration 1d  after ").Append(string.Join(", ", Enumerable.Repeat("a", 999))).Append(" }\n");
            tokens += 5 + 999;
            line++;
        }

        int room = InputLimits.MaxTokens - tokens;
        room.Should().BeGreaterThan(3);
        // 'task z after' is 3 tokens: room - 3 names fill the program exactly, one more is the first past the limit.
        var fits = sb.ToString() + "  task z { after " + string.Join(", ", Enumerable.Repeat("a", room - 3)) + " }\n}\n";
        var over = sb.ToString() + "  task z { after " + string.Join(", ", Enumerable.Repeat("a", room - 2)) + " }\n}\n";

        Parse(fits).Diagnostics.Should().BeEmpty();
        var d = Parse(over).Diagnostics.Should().ContainSingle().Subject;
        d.Code.Should().Be("TPM1007");
        d.Message.Should().Be("the program has more tokens (names, numbers and strings) than the limit of 3,000,000; this is the first past it; split the plan into several programs");
        (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column).Should().Be((line + 1, 18 + 3 * (room - 3)));
    }

    [Fact]
    public void The_token_and_declaration_limits_are_the_programs_across_its_includes()
    {
        // Each fragment alone is within the limit; together they are not, and the include that goes past says so.
        var resolver = new InMemorySourceResolver();
        int half = InputLimits.MaxDeclarations / 2;
        for (int f = 0; f < 2; f++)
        {
            var sb = new System.Text.StringBuilder();
            for (int i = 0; i < half; i++) sb.Append("task f").Append(f).Append('t').Append(i).Append(" { duration 1d }\n");
            resolver.Add("part" + f + ".tpm", sb.ToString());
        }

        var program = TpmProgram.Parse(InProgram("  include \"part0.tpm\"", "  include \"part1.tpm\""), Path, resolver: resolver);
        var d = program.Diagnostics.Should().ContainSingle().Subject;
        (d.Code, d.Location!.Value.Path, d.Location!.Value.Start.Line).Should().Be(("TPM1007", "part1.tpm", half));
        d.Message.Should().Contain("than the limit of 250,000, counting its includes;");
        program.Model.Should().BeNull();
    }

    [Fact]
    public void Long_diagnostics_stop_at_the_character_limit_with_one_note()
    {
        // Each repeat names a 250-character task: about 330 characters a diagnostic, so the characters run out first.
        var name = new string('n', 250);
        const int repeats = 60_000;
        var text = InProgram("  task " + name + " {", string.Concat(Enumerable.Repeat("    duration 1d\n", repeats + 1)) + "  }");
        var program = TpmProgram.Parse(text, Path);

        var first = program.Diagnostics[0];
        int each = first.Message.Length + Path.Length;
        int kept = InputLimits.MaxDiagnosticChars / each;
        program.Diagnostics.Should().HaveCount(kept + 1);
        var note = program.Diagnostics.Last();
        (note.Code, note.Severity).Should().Be(("TPM1007", DiagnosticSeverity.Error));
        note.Message.Should().Be((repeats - kept).ToString("N0", System.Globalization.CultureInfo.InvariantCulture) +
            " more diagnostics from here on are not reported (all errors): a program reports at most 16,000,000 characters of diagnostics; fix the ones above and check again");
    }

    [Fact]
    public void A_mistake_repeated_past_the_diagnostics_limit_is_cut_with_one_note_that_keeps_the_program_failing()
    {
        int repeats = InputLimits.MaxDiagnostics + 500;
        var text = InProgram("  task a {", string.Concat(Enumerable.Repeat("    duration 1d\n", repeats + 1)) + "  }");
        var program = TpmProgram.Parse(text, Path);
        program.Diagnostics.Should().HaveCount(InputLimits.MaxDiagnostics + 1);
        program.Diagnostics.Take(InputLimits.MaxDiagnostics).Should().OnlyContain(d => d.Code == "TPM1103");
        var note = program.Diagnostics.Last();
        (note.Code, note.Severity).Should().Be(("TPM1007", DiagnosticSeverity.Error));
        note.Message.Should().Be("500 more diagnostics from here on are not reported (all errors): a program reports at most 100,000; fix the ones above and check again");
        note.Location!.Value.Start.Line.Should().Be(4 + 1 + InputLimits.MaxDiagnostics);
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
