using System.Linq;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Semantics.BindingTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Name resolution: TPM1001, TPM1002, TPM1003, TPM1005 and the resolution order of design §3.</summary>
public class BinderReferenceTests
{
    [Fact]
    public void Unknown_task_with_and_without_suggestion()
    {
        CompileMembers("  task eda { duration 1d }", "  task b { duration 1d  after edaa }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown task 'edaa'; did you mean 'eda'?").Covering("edaa");
        CompileMembers("  task eda { duration 1d }", "  task b { duration 1d  after zzz }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown task 'zzz'");
    }

    [Fact]
    public void Unknown_person()
    {
        CompileMembers("  person alice", "  task t { duration 1d  assign alise }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 32, "unknown person 'alise'; did you mean 'alice'?");
        CompileMembers("  person alice", "  task t { duration 1d  owner alise }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown person 'alise'; did you mean 'alice'?");
        CompileMembers("  person alice", "  team t { lead alice  members alice, bobb }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 39, "unknown person 'bobb'");
    }

    [Fact]
    public void Unknown_role()
    {
        CompileMembers("  role data-scientist", "  person bob { role data-scientst }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 21, "unknown role 'data-scientst'; did you mean 'data-scientist'?");
        CompileMembers("  role data-scientist", "  person bob { role data-scientist }", "  task t { duration 1d  assign role ml-eng }")
            .SingleDiagnostic("TPM1001").ShouldBe(5, 37, "unknown role 'ml-eng'");
    }

    [Fact]
    public void Unknown_metric() =>
        CompileMembers("  metric auc { target >= 0.8 }", "  milestone m { gate acu }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 22, "unknown metric 'acu'; did you mean 'auc'?");

    [Fact]
    public void Unknown_resource() =>
        CompileMembers("  resource gpu-pool { capacity 4 }", "  task t { duration 1d  uses gpu-pol 2 }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 30, "unknown resource 'gpu-pol'; did you mean 'gpu-pool'?").Covering("gpu-pol");

    [Fact]
    public void Unknown_calendar() =>
        CompileMembers("  calendar emea", "  person bob { calendar emae }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 25, "unknown calendar 'emae'; did you mean 'emea'?");

    [Fact]
    public void Unknown_skill_is_checked_against_people_and_declared_skills()
    {
        CompileMembers("  person bob { skills python }", "  task t { duration 1d  requires skill pyton }")
            .SingleDiagnostic("TPM1001").ShouldBe(4, 40, "unknown skill 'pyton'; did you mean 'python'?");

        // A skill is known when a person has it (even one declared later) or a 'skill' declares it.
        Model("  task t { duration 1d  requires skills python, spark }", "  person bob { skills python }", "  skill spark");
    }

    [Fact]
    public void Qualified_reference_suggestions()
    {
        var lines = new[] { "  workstream data { task eda { duration 1d } }", null! };
        string Line(string target) => "  task b { duration 1d  after " + target + " }";

        lines[1] = Line("data.edaa");
        CompileMembers(lines).SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown task 'data.edaa'; did you mean 'data.eda'?").Covering("data.edaa");

        lines[1] = Line("dta.eda");
        CompileMembers(lines).SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown task 'dta.eda'; did you mean 'data.eda'?");

        lines[1] = Line("data.zzz");
        CompileMembers(lines).SingleDiagnostic("TPM1001").ShouldBe(4, 31, "unknown task 'data.zzz'; workstream 'data' has no 'zzz'");

        lines[1] = Line("data.eda.x");
        CompileMembers(lines).SingleDiagnostic("TPM1001")
            .ShouldBe(4, 31, "unknown task 'data.eda.x'; task 'data.eda' has no members, so 'x' cannot be found in it");

        lines[1] = Line("data.eda");
        Model(lines).Task("b").Dependencies.Single().Target.Id.Should().Be("data.eda");
    }

    [Fact]
    public void Duplicate_in_the_same_scope_points_at_both()
    {
        var program = CompileMembers("  task a { duration 1d }", "  task a { duration 2d }");
        var d = program.SingleDiagnostic("TPM1002").ShouldBe(4, 8, "'a' is already defined as a task at program.tpm(3,8); rename one of them");
        d.AdditionalLocations.Should().ContainSingle().Which.Where().Should().Be((Path, 3, 8));
    }

    [Fact]
    public void Duplicate_across_kinds_and_inside_a_workstream()
    {
        CompileMembers("  person x", "  task x { duration 1d }")
            .SingleDiagnostic("TPM1002").ShouldBe(4, 8, "'x' is already defined as a person at program.tpm(3,10); rename one of them");
        CompileMembers("  workstream w {", "    task x { duration 1d }", "    milestone x", "  }")
            .SingleDiagnostic("TPM1002").ShouldBe(5, 15, "'x' is already defined as a task at program.tpm(4,10); rename one of them");
    }

    [Fact]
    public void Second_program_in_a_file_is_a_duplicate()
    {
        var d = Compile("program p { start 2027-01-04 }\nprogram q { start 2027-01-04 }").SingleDiagnostic("TPM1002")
            .ShouldBe(2, 9, "'q' is already defined as the program at program.tpm(1,9); rename one of them");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 1, 9));
    }

    [Fact]
    public void Duplicate_across_files_names_the_other_file()
    {
        var program = Compile(Members("  person alice", "  include \"team.tpm\""), new InMemorySourceResolver().Add("team.tpm", "\n  person alice"));
        var d = program.SingleDiagnostic("TPM1002").ShouldBe(2, 10, "'alice' is already defined as a person at program.tpm(3,10); rename one of them", file: "team.tpm");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 3, 10));
    }

    [Fact]
    public void Same_name_in_different_workstreams_is_not_a_duplicate()
    {
        var model = Model(
            "  workstream w1 { task x { duration 1d } }",
            "  workstream w2 { task x { duration 1d } }",
            "  task x { duration 1d }");
        model.Tasks.Select(t => t.Id).Should().Equal("w1.x", "w2.x", "x");
    }

    [Fact]
    public void Ambiguous_reference_lists_the_candidates_and_qualification_fixes_it()
    {
        var program = CompileMembers(
            "  workstream w1 { task x { duration 1d } }",
            "  workstream w2 { task x { duration 1d } }",
            "  task c { duration 1d  after x }");
        var d = program.SingleDiagnostic("TPM1003").ShouldBe(5, 31, "'x' is ambiguous: it could be task 'w1.x' or task 'w2.x'; qualify it");
        d.AdditionalLocations.Select(l => l.Where()).Should().Equal((Path, 3, 24), (Path, 4, 24));

        var model = Model(
            "  workstream w1 { task x { duration 1d } }",
            "  workstream w2 { task x { duration 1d } }",
            "  task c { duration 1d  after w2.x }");
        model.Task("c").Dependencies.Single().Target.Should().BeSameAs(model.Task("w2.x"));
    }

    [Fact]
    public void Ambiguity_between_three_candidates() =>
        CompileMembers(
                "  workstream a { task k { duration 1d } }  workstream b { task k { duration 1d } }  workstream c { task k { duration 1d } }",
                "  task s { duration 1d  after k }")
            .SingleDiagnostic("TPM1003").Message.Should().Be("'k' is ambiguous: it could be task 'a.k', task 'b.k' or task 'c.k'; qualify it");

    [Fact]
    public void Names_resolve_in_the_enclosing_workstream_then_outward_then_uniquely_anywhere()
    {
        var model = Model(
            "  task x { duration 1d }",
            "  workstream w1 {",
            "    task x { duration 1d }",
            "    task y { duration 1d  after x }",
            "    workstream inner { task q { duration 1d  after x } }",
            "  }",
            "  workstream w2 { task z { duration 1d  after x } }",
            "  workstream w3 { workstream deep { task only { duration 1d } } }",
            "  task r { duration 1d  after only, deep }",
            "  task r2 { duration 1d  after w3.deep.only }");
        string TargetOf(string task, int i = 0) => model.Task(task).Dependencies[i].Target.Id;

        TargetOf("w1.y").Should().Be("w1.x", "the enclosing workstream comes first");
        TargetOf("w1.inner.q").Should().Be("w1.x", "outer workstreams come before the program level");
        TargetOf("w2.z").Should().Be("x", "a name not in the workstream is looked up outward");
        TargetOf("r", 0).Should().Be("w3.deep.only", "a unique name is found anywhere");
        TargetOf("r", 1).Should().Be("w3.deep");
        model.Task("r").Dependencies[1].Target.Should().BeOfType<WorkstreamSymbol>();
        TargetOf("r2").Should().Be("w3.deep.only");
    }

    [Fact]
    public void A_workstream_after_is_resolved_from_outside_the_workstream()
    {
        var model = Model(
            "  task x { duration 1d }",
            "  workstream w { after x  task x { duration 1d } }");
        model.Workstreams.Find("w").Dependencies.Single().Target.Should().BeSameAs(model.Task("x"));
    }

    [Fact]
    public void Wrong_kind_of_reference()
    {
        CompileMembers("  resource gpu-pool", "  task t { duration 1d  assign gpu-pool }")
            .SingleDiagnostic("TPM1005").ShouldBe(4, 32, "'gpu-pool' is a resource, but 'assign' expects a person").Covering("gpu-pool");
        CompileMembers("  person alice", "  task t { duration 1d  after alice }")
            .SingleDiagnostic("TPM1005").ShouldBe(4, 31, "'alice' is a person, but 'after' expects a task, a milestone or a workstream");
        CompileMembers("  person alice", "  milestone m { gate alice }")
            .SingleDiagnostic("TPM1005").ShouldBe(4, 22, "'alice' is a person, but 'gate' expects a metric");
        CompileMembers("  person alice", "  task t { duration 1d  assign role alice }")
            .SingleDiagnostic("TPM1005").ShouldBe(4, 37, "'alice' is a person, but 'assign role' expects a role");
    }
}
