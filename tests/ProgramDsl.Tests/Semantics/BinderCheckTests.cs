using System.Linq;
using ProgramDsl.Diagnostics;
using static ProgramDsl.Tests.Semantics.BindingTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Settings and values: TPM1101, TPM1102, TPM1103, TPM2002 and TPM2003.</summary>
public class BinderCheckTests
{
    [Fact]
    public void Missing_start()
    {
        var program = Compile("program p {\n  deadline 2027-06-30\n}");
        program.SingleDiagnostic("TPM1101").ShouldBe(1, 9, "program 'p' has no 'start' date; add one, e.g. 'start 2027-01-04'").Covering("p");
    }

    [Fact]
    public void Missing_program_declaration()
    {
        var program = Compile("person alice\ntask t { duration 1d }");
        program.SingleDiagnostic("TPM1101").ShouldBe(1, 1,
            "'program.tpm' has no 'program' declaration; a program file starts with 'program <id> \"<name>\" { ... }' (fragments are read through 'include')")
            .Covering("person");
        program.Model.Should().BeNull();
    }

    [Fact]
    public void Syntax_errors_do_not_cascade_into_missing_program_or_missing_start()
    {
        Compile("proggram p { start 2027-01-04 }").SingleDiagnostic("TPM0001")
            .ShouldBe(1, 1, "unexpected 'proggram' at the top of a file; did you mean 'program'?");
        Compile("program p {\n  start 2027-1-4\n}").SingleDiagnostic("TPM0001")
            .ShouldBe(2, 9, "invalid date '2027-1-4'; write dates as YYYY-MM-DD");
    }

    [Fact]
    public void Statements_outside_the_program_block()
    {
        var program = Compile("program p { start 2027-01-04 }\nperson alice");
        program.SingleDiagnostic("TPM0001").ShouldBe(2, 1, "'person' is outside the program block; move it inside 'program { ... }'");
    }

    [Fact]
    public void Actual_finish_without_actual_start() =>
        CompileMembers("  task t { duration 1d  actual-finish 2027-01-05 }")
            .SingleDiagnostic("TPM1101").ShouldBe(3, 8, "task 't' has 'actual-finish' but no 'actual-start'; add when it started");

    [Fact]
    public void Actual_finish_before_actual_start() =>
        CompileMembers("  task t { duration 1d  actual-start 2027-01-06  actual-finish 2027-01-05 }")
            .SingleDiagnostic("TPM1102").ShouldBe(3, 8, "task 't' finishes (2027-01-05) before it starts (2027-01-06)");

    [Theory]
    [InlineData("  holiday 2027-02-30", 3, 11, "'2027-02-30' is not a valid date")]
    [InlineData("  task t { duration 1d  due 2027-02-29 }", 3, 29, "'2027-02-29' is not a valid date")]
    [InlineData("  person al  task t { duration 1d  assign al 120% }", 3, 46, "a share must be more than 0% and at most 100%, not 120%")]
    [InlineData("  person al  task t { duration 1d  assign al 0% }", 3, 46, "a share must be more than 0% and at most 100%, not 0%")]
    [InlineData("  person al { capacity 0% }", 3, 24, "capacity must be more than 0% and at most 100%, not 0%")]
    [InlineData("  person al { capacity 150% }", 3, 24, "capacity must be more than 0% and at most 100%, not 150%")]
    [InlineData("  task t { estimate 5d 3d 8d }", 3, 12, "an estimate is optimistic, most likely, pessimistic with o ≤ m ≤ p; 5d 3d 8d is not ordered")]
    [InlineData("  task t { estimate 5d 8d 6d }", 3, 12, "an estimate is optimistic, most likely, pessimistic with o ≤ m ≤ p; 5d 8d 6d is not ordered")]
    [InlineData("  task t { duration 1d  priority 0 }", 3, 34, "priority is a whole number from 1 to 1000, not 0")]
    [InlineData("  task t { duration 1d  priority 1001 }", 3, 34, "priority is a whole number from 1 to 1000, not 1001")]
    [InlineData("  task t { duration 1d  priority 2.5 }", 3, 34, "priority is a whole number from 1 to 1000, not 2.5")]
    [InlineData("  task t { duration 1d  progress 120% }", 3, 34, "progress must be between 0% and 100%, not 120%")]
    [InlineData("  person al { vacation 2027-03-05..2027-03-01 }", 3, 24, "the range 2027-03-05..2027-03-01 ends before it starts")]
    [InlineData("  hours-per-day 0", 3, 17, "hours-per-day must be more than 0 and at most 24, not 0")]
    [InlineData("  hours-per-day 25", 3, 17, "hours-per-day must be more than 0 and at most 24, not 25")]
    [InlineData("  task t { duration 1d  phase modelling }", 3, 31, "'modelling' is not a valid phase; did you mean 'modeling'?")]
    [InlineData("  task t { duration 1d  phase xyz }", 3, 31, "'xyz' is not a valid phase; use feasibility, data, modeling, evaluation, deployment, monitoring")]
    [InlineData("  task t { duration 1d  review fairness, fairnes }", 3, 42, "'fairnes' is not a valid review kind; did you mean 'fairness'?")]
    [InlineData("  risk r { status opn }", 3, 19, "'opn' is not a valid risk status; did you mean 'open'?")]
    [InlineData("  decision d { status acepted }", 3, 23, "'acepted' is not a valid decision status; did you mean 'accepted'?")]
    [InlineData("  risk r { likelihood medum }", 3, 23, "'medum' is not a valid likelihood; did you mean 'medium'?")]
    [InlineData("  deadline 2027-01-01", 3, 3, "the deadline 2027-01-01 is before the program start 2027-01-04")]
    [InlineData("  resource gpu { capacity 2.5 }", 3, 27, "the capacity of a resource is a whole number of units, at least 1, not 2.5")]
    [InlineData("  resource gpu  task t { duration 1d  uses gpu 0 }", 3, 48, "a task uses a whole number of units, at least 1, not 0")]
    [InlineData("  task a { duration 1d }\n  workstream w { after a ff  task t { duration 1d } }", 4, 26,
        "a workstream's 'after' constrains when its tasks start, so only fs and ss apply; put 'ff' on the tasks themselves")]
    [InlineData("  task a { duration 1d }\n  workstream w { after a sf  task t { duration 1d } }", 4, 26,
        "a workstream's 'after' constrains when its tasks start, so only fs and ss apply; put 'sf' on the tasks themselves")]
    [InlineData("  role r  task t { duration 1d  assign role r }", 3, 40, "no person holds role 'r', so task 't' cannot be staffed; add the role to a person")]
    public void Invalid_values(string members, int line, int column, string message) =>
        CompileMembers(members).SingleDiagnostic("TPM1102").ShouldBe(line, column, message);

    [Fact]
    public void Setting_given_twice()
    {
        var d = CompileMembers("  task t { effort 1d  effort 2d  assign al }  person al").SingleDiagnostic("TPM1103")
            .ShouldBe(3, 23, "'effort' is set more than once in task 't' (first at program.tpm(3,12)); keep one").Covering("effort");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 3, 12));

        CompileMembers("  start 2027-01-05").SingleDiagnostic("TPM1103")
            .ShouldBe(3, 3, "'start' is set more than once in program 'p' (first at program.tpm(2,3)); keep one");
    }

    [Fact]
    public void Effort_and_duration_together()
    {
        var d = CompileMembers("  task t { effort 1d  duration 2d  assign al }  person al").SingleDiagnostic("TPM1103")
            .ShouldBe(3, 23, "task 't' has both effort and duration; give one (effort is divided among the assignees, duration is fixed)");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 3, 12));
    }

    [Fact]
    public void Same_person_assigned_twice()
    {
        var d = CompileMembers("  person al  task t { duration 1d  assign al, al 50% }").SingleDiagnostic("TPM1103")
            .ShouldBe(3, 47, "'al' is assigned to task 't' more than once; give one share").Covering("al 50%");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 3, 43));
    }

    [Fact]
    public void Task_without_work()
    {
        var program = CompileMembers("  task t { note \"x\" }", "  milestone m");
        program.SingleDiagnostic("TPM2002").ShouldBe(3, 8, "task 't' has neither effort, duration nor estimate; add one (e.g. 'duration 5d')");
    }

    [Fact]
    public void Task_without_work_is_not_reported_when_its_body_has_a_syntax_error() =>
        CompileMembers("  task t { efort 2d }").SingleDiagnostic("TPM0001")
            .ShouldBe(3, 12, "unexpected 'efort' in task 't'; did you mean 'effort'?");

    [Fact]
    public void Task_without_work_is_not_reported_when_its_estimate_is_invalid() =>
        CompileMembers("  task t { estimate 3d 2d 1d }").SingleDiagnostic("TPM1102");

    [Fact]
    public void Effort_without_assignee_is_a_warning_that_states_the_days()
    {
        var program = CompileMembers("  task t { effort 2.5d }");
        var d = program.SingleDiagnostic("TPM2003").ShouldBe(3, 12,
            "task 't' has effort 2.5d but nobody assigned, so it is taken as a duration of 3 working days; assign someone or use 'duration'");
        d.Covering("effort 2.5d");
        d.Severity.Should().Be(DiagnosticSeverity.Warning);
        program.HasErrors.Should().BeFalse();

        CompileMembers("  task t { effort 12h }").SingleDiagnostic("TPM2003").Message.Should().Be(
            "task 't' has effort 1.5d but nobody assigned, so it is taken as a duration of 2 working days; assign someone or use 'duration'");
        CompileMembers("  task t { effort 4h }").SingleDiagnostic("TPM2003").Message.Should().Be(
            "task 't' has effort 0.5d but nobody assigned, so it is taken as a duration of 1 working day; assign someone or use 'duration'");
    }

    [Fact]
    public void Effort_with_an_unresolved_assignee_is_not_also_warned() =>
        CompileMembers("  person alice  task t { effort 2d  assign alise }").SingleDiagnostic("TPM1001")
            .ShouldBe(3, 44, "unknown person 'alise'; did you mean 'alice'?");

    [Theory]
    [InlineData("  task a { duration 1d }  task t { duration 1d  after a ss+2d  after a, a ss+2d }", 3, 73, "a ss+2d",
        "'a' is listed more than once in 'after' of task 't' (first at program.tpm(3,55)); keep one (the same target, type and lag)")]
    [InlineData("  task a { duration 1d }  workstream w { after a, a  task t { duration 1d } }", 3, 51, "a",
        "'a' is listed more than once in 'after' of workstream 'w' (first at program.tpm(3,48)); keep one (the same target, type and lag)")]
    [InlineData("  resource gpu  task t { duration 1d  uses gpu  uses gpu 2 }", 3, 54, "gpu 2",
        "'gpu' is listed more than once in 'uses' of task 't' (first at program.tpm(3,44)); give one number of units")]
    [InlineData("  task a { duration 1d }  risk r { affects a, a }", 3, 47, "a",
        "'a' is listed more than once in 'affects' of risk 'r' (first at program.tpm(3,44)); keep one")]
    [InlineData("  metric m { target >= 1 }  milestone t { gate m  gate m }", 3, 56, "m",
        "'m' is listed more than once in 'gate' of milestone 't' (first at program.tpm(3,48)); keep one")]
    [InlineData("  task t { duration 1d  review fairness, fairness }", 3, 42, "fairness",
        "'fairness' is listed more than once in 'review' of task 't' (first at program.tpm(3,32)); keep one")]
    [InlineData("  person al  team x { members al, al }", 3, 35, "al",
        "'al' is listed more than once in 'members' of team 'x' (first at program.tpm(3,31)); keep one")]
    [InlineData("  person al { skills sql }  task t { duration 1d  assign al  requires skills sql, sql }", 3, 83, "sql",
        "'sql' is listed more than once in 'requires' of task 't' (first at program.tpm(3,78)); keep one")]
    [InlineData("  person al { skills sql  skills sql }", 3, 34, "sql",
        "'sql' is listed more than once in 'skills' of person 'al' (first at program.tpm(3,22)); keep one")]
    [InlineData("  role r  person al { role r, r }", 3, 31, "r",
        "'r' is listed more than once in 'role' of person 'al' (first at program.tpm(3,28)); keep one")]
    public void Same_reference_listed_twice(string members, int line, int column, string repeatText, string message)
    {
        var d = CompileMembers(members).SingleDiagnostic("TPM1103").ShouldBe(line, column, message).Covering(repeatText);
        d.AdditionalLocations.Should().ContainSingle();
    }

    [Fact]
    public void A_repeated_dependency_is_kept_once_however_often_it_is_written()
    {
        // A million 'after a' once multiplied every emitted link; the repeats are now dropped in linear time (one
        // hash lookup each) and only the first is reported, so the log does not grow with them either.
        var program = CompileMembers(new[] { "  task a { duration 1d }", "  task t { duration 1d" }
            .Concat(Enumerable.Repeat("    after a", 100_000)).Append("  }").ToArray());
        program.WithCode("TPM1103").Should().ContainSingle().Which.Location!.Value.Start.Line.Should().Be(6);
        program.Model!.Tasks.Single(t => t.Name == "t").Dependencies.Should().ContainSingle();
    }

    [Fact]
    public void Effort_with_a_person_or_a_role_is_not_warned()
    {
        Model("  person al  task t { effort 2d  assign al }");
        Model("  role r  person al { role r }  task t { effort 2d  assign role r }");
        Model("  task t { estimate 1d 2d 3d }");
    }

    [Fact]
    public void Independent_binding_errors_are_all_reported_in_source_order()
    {
        var program = CompileMembers(
            "  person al { capacity 0% }",
            "  task a { duration 1d  after zzz }",
            "  task a { duration 1d }",
            "  task b { note \"no work\" }");
        program.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column)).Should().Equal(
            ("TPM1102", 3, 24),
            ("TPM1001", 4, 31),
            ("TPM1002", 5, 8),
            ("TPM2002", 6, 8));
    }

    [Fact]
    public void A_note_given_twice_is_reported_rather_than_silently_replaced() =>
        CompileMembers("  task t { duration 1d  note \"a\"  note \"b\" }").SingleDiagnostic("TPM1103")
            .Message.Should().StartWith("'note' is set more than once in task 't'");
}
