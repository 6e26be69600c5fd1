using System.Linq;
using ProgramDsl.Tests.Scheduling;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>
/// Invisible characters pasted into a plan are one TPM0001 each and break nothing else; combining marks are part
/// of names, as in Unicode identifiers.
/// </summary>
public class InvisibleCharacterTests
{
    private static TpmProgram Compile(string text) => TpmProgram.Parse(text, Path);

    private static void OnlyInvisible(string text, params (int Line, int Column, string Code)[] at)
    {
        var program = Compile(text);
        program.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column, d.Message)).Should().Equal(
            at.Select(a => ("TPM0001", a.Line, a.Column, "invisible character " + a.Code + " in the program text; delete it (it may be pasted from a web page or a word processor)")));
    }

    [Fact]
    public void A_zero_width_space_in_the_program_id_gives_no_false_missing_start()
    {
        // Used to add "program 'p' has no 'start' date" although it has one.
        OnlyInvisible("program p\u200Bq \"P\" {\n  start 2027-01-04\n  task a { duration 2d }\n}\n", (1, 10, "U+200B"));
    }

    [Fact]
    public void A_zero_width_space_in_a_task_id_keeps_the_task_and_its_references()
    {
        // Used to drop the task's body ("has neither effort, duration nor estimate") and its references.
        var text = Lines("program p {", "  start 2027-01-04", "  task a\u200Bb { duration 2d }", "  task c { duration 1d  after ab }", "  task d { duration 1d  after a\u200Bb }", "}");
        OnlyInvisible(text, (3, 9, "U+200B"), (5, 32, "U+200B"));
        var model = Compile(text).Model!;
        model.Tasks.Select(t => t.Id).Should().Equal("ab", "c", "d");
        model.Tasks[1].Dependencies.Single().Target.Id.Should().Be("ab");
        model.Tasks[2].Dependencies.Single().Target.Id.Should().Be("ab");
    }

    [Fact]
    public void Invisible_characters_between_tokens_are_reported_and_skipped()
    {
        // A bidirectional override (the "Trojan Source" character) before a keyword and a joiner before a value.
        OnlyInvisible("program p {\n  \u202Estart \u2060 2027-01-04\n  task a { duration 2d }\n}\n", (2, 3, "U+202E"), (2, 10, "U+2060"));
    }

    [Fact]
    public void A_keyword_with_an_invisible_character_inside_is_still_the_keyword()
    {
        var text = "program p {\n  sta\u200Brt 2027-01-04\n  task a { dura\u00ADtion 2d }\n}\n";
        OnlyInvisible(text, (2, 6, "U+200B"), (3, 16, "U+00AD"));
        Compile(text).Model!.Tasks.Single().Duration.Should().Be(2m);
    }

    [Fact]
    public void Invisible_characters_in_strings_and_comments_are_text()
    {
        // A zero-width joiner is part of emoji sequences in titles.
        Compile("program p \"Team \U0001F469\u200D\U0001F4BB\" {\n  // a\u200Bb\n  start 2027-01-04\n  task a { duration 2d }\n}\n").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_byte_order_mark_is_still_white_space() =>
        Compile("\uFEFFprogram p {\n  start 2027-01-04\n  task a { duration 2d }\n}\n").Diagnostics.Should().BeEmpty();

    [Fact]
    public void A_combining_mark_is_part_of_the_name()
    {
        // "café" with a combining acute accent (U+0301): used to be TPM0001 plus false follow-on errors.
        var program = Compile("program p {\n  start 2027-01-04\n  task cafe\u0301 { duration 2d }\n  task b { duration 1d  after cafe\u0301 }\n}\n");
        program.Diagnostics.Should().BeEmpty();
        program.Model!.Tasks[0].Id.Should().Be("cafe\u0301");
        program.Schedule!.Task("b").Start.Should().Be(2);
    }

    private static void OnlyControl(string text, params (int Line, int Column, string Code)[] at)
    {
        var program = Compile(text);
        program.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column, d.Message)).Should().Equal(
            at.Select(a => ("TPM0001", a.Line, a.Column, "control character " + a.Code + " in the program text; delete it (it may come from a binary file or a broken copy)")));
    }

    [Fact]
    public void A_nul_in_a_task_id_is_one_error_and_keeps_the_task_and_its_references()
    {
        // Used to add a false TPM2002 "task 't' has neither effort, duration nor estimate".
        var text = Lines("program p {", "  start 2027-01-04", "  task t\0x { duration 1d }", "  task c { duration 1d  after tx }", "}");
        OnlyControl(text, (3, 9, "U+0000"));
        var model = Compile(text).Model!;
        model.Tasks.Select(t => t.Id).Should().Equal("tx", "c");
        model.Tasks[0].Duration.Should().Be(1m);
        model.Tasks[1].Dependencies.Single().Target.Id.Should().Be("tx");
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u001B')]
    [InlineData('\f')]
    [InlineData('\v')]
    [InlineData('\u007F' - 0x60)] // U+001F, unit separator
    public void Every_other_c0_control_character_in_code_is_one_error_between_tokens_or_in_a_keyword(char control)
    {
        var code = "U+" + ((int)control).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var text = "program p {\n  start " + control + "2027-01-04\n  task a { dura" + control + "tion 2d }\n}\n";
        OnlyControl(text, (2, 9, code), (3, 16, code));
        Compile(text).Model!.Tasks.Single().Duration.Should().Be(2m);
    }

    [Fact]
    public void Tab_and_line_breaks_are_white_space_and_controls_in_comments_are_text()
    {
        Compile("program p {\r\n\tstart 2027-01-04\r\n\ttask a { duration 2d } // a\u0000b\n  /* \u001B */\n}\n").Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_control_or_invisible_character_right_after_a_unit_or_a_dependency_type_breaks_nothing_else()
    {
        // Used to add "expected a unit after 2" as well.
        var text = "program p {\n  start 2027-01-04\n  task a { duration 2d\u0000 }\n  task b { duration 2d\u200B  after a fs\u0007 }\n}\n";
        var program = Compile(text);
        program.Diagnostics.Select(d => d.Location!.Value.Start.Line + "," + d.Location!.Value.Start.Column + " " + d.Message.Substring(0, 22)).Should().Equal(
            "3,23 control character U+00", "4,23 invisible character U+", "4,36 control character U+00");
        program.Model!.Tasks.Select(t => t.Duration).Should().Equal(2m, 2m);
    }
}
