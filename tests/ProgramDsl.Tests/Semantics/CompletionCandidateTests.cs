using System;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Semantics;

/// <summary>What editors complete and fix with: names by the binder's scopes, statement words, suggestions, missing reviews, comments.</summary>
public class CompletionCandidateTests
{
    private const string Plan =
        "program p {\n  start 2027-01-04\n  person ana { skills python }\n  person ben { skills sql, python }\n  skill ml\n  role mle\n" +
        "  workstream data {\n    task eda { effort 1d }\n    workstream ingest { task load { effort 1d } }\n    task clean { effort 1d  after | }\n  }\n" +
        "  task eda2 { effort 1d }\n  task t { effort 1d }\n}\n";

    private static (TpmProgram Program, PositionContext Context) At(string marked, string? replace = null)
    {
        int at = marked.IndexOf('|');
        var text = marked.Remove(at, 1);
        var program = TpmProgram.Parse(text, "p.tpm", new TpmCompileOptions { Schedule = false });
        return (program, program.SemanticModel.ContextAt(program.SyntaxTrees[0], at));
    }

    private static string[] Names(TpmProgram program, PositionContext context) =>
        program.SemanticModel.ReferenceCandidates(context).Select(c => c.Text).ToArray();

    [Fact]
    public void After_inside_a_workstream_names_its_members_alone_and_the_rest_by_their_shortest_qualified_form()
    {
        var (program, context) = At(Plan);
        Names(program, context).Should().BeEquivalentTo("data", "eda", "ingest", "ingest.load", "eda2", "t");
        program.SemanticModel.ReferenceCandidates(context).Single(c => c.Text == "ingest.load").Symbol!.Id.Should().Be("data.ingest.load");
    }

    [Fact]
    public void After_at_the_program_level_names_nested_work_qualified_and_after_a_qualifier_the_members_of_what_it_names()
    {
        var (program, context) = At(Plan.Replace("after | }", "}").Replace("task t { effort 1d }", "task t { effort 1d  after | }"));
        Names(program, context).Should().BeEquivalentTo("data", "data.eda", "data.ingest", "data.ingest.load", "data.clean", "eda2");

        var (p2, qualified) = At(Plan.Replace("after | }", "}").Replace("task t { effort 1d }", "task t { effort 1d  after data.| }"));
        qualified.Qualifier.Should().Be("data");
        Names(p2, qualified).Should().Equal("eda", "ingest", "clean");
    }

    [Fact]
    public void A_name_shadowed_by_a_nearer_member_is_offered_in_the_form_that_reaches_it()
    {
        // Inside 'data', 'eda' is data.eda; the top-level 'eda' cannot be named from there at all.
        var text = Plan.Replace("task eda2 { effort 1d }", "task eda { effort 1d }");
        var (program, context) = At(text);
        var candidates = program.SemanticModel.ReferenceCandidates(context);
        candidates.Where(c => c.Text == "eda").Select(c => c.Symbol!.Id).Should().Equal("data.eda");
        candidates.Should().NotContain(c => c.Symbol!.Id == "eda", "no reference from inside 'data' reaches the top-level eda");
    }

    [Fact]
    public void Skills_are_the_declared_ones_and_those_people_list_and_assign_names_people_and_roles()
    {
        var plain = Plan.Replace("after | }", "}");
        var (program, skills) = At(plain.Replace("task t { effort 1d }", "task t { effort 1d  requires skill | }"));
        Names(program, skills).Should().Equal("ml", "python", "sql");

        var (p2, assign) = At(plain.Replace("task t { effort 1d }", "task t { effort 1d  assign | }"));
        Names(p2, assign).Should().Equal("ana", "ben");
        assign.ExpectedWords.Should().Equal("role");
        var (p3, role) = At(plain.Replace("task t { effort 1d }", "task t { effort 1d  assign role | }"));
        Names(p3, role).Should().Equal("mle");
    }

    [Fact]
    public void Statements_of_a_fixed_vocabulary_expect_their_words()
    {
        At("program p {\n  start 2027-01-04\n  leveling |\n}\n").Context.ExpectedWords.Should().Equal("on", "off");
        At("program p {\n  start 2027-01-04\n  task t { review fairness, | }\n}\n").Context.ExpectedWords.Should().Equal(Statements.ReviewKinds);
        At("program p {\n  start 2027-01-04\n  risk r { likelihood | }\n}\n").Context.ExpectedWords.Should().Equal("low", "medium", "high");
        At("program p {\n  start 2027-01-04\n  leveling on, |\n}\n").Context.ExpectedWords.Should().BeEmpty("leveling takes one word");
    }

    [Fact]
    public void A_newer_parse_of_the_file_finds_its_containing_symbol_by_id_and_completes_with_the_compiled_names()
    {
        var program = TpmProgram.Parse(Plan.Replace("|", string.Empty), "p.tpm", new TpmCompileOptions { Schedule = false });
        // The buffer gained a line the compile has not seen: a half-typed 'after' in data.ingest.load.
        var newer = Plan.Replace("after | }", "}").Replace("task load { effort 1d }", "task load { effort 1d\n after ");
        var tree = SyntaxTree.Parse(new SourceText("p.tpm", newer));
        int at = newer.IndexOf("after ", StringComparison.Ordinal) + 6;
        var context = program.SemanticModel.ContextAt(tree, at);
        context.ContainingSymbol!.Id.Should().Be("data.ingest.load");
        var names = program.SemanticModel.ReferenceCandidates(context).Select(c => c.Text).ToArray();
        names.Should().Contain(new[] { "eda", "clean", "data" }).And.NotContain("load");
    }

    [Fact]
    public void Did_you_mean_diagnostics_carry_their_suggestion_and_others_none()
    {
        var unknown = TpmProgram.Parse("program p {\n  start 2027-01-04\n  task train { effort 1d }\n  task e { effort 1d  after trian }\n}\n", "p.tpm");
        unknown.Diagnostics.Single(d => d.Code == "TPM1001").Suggestion.Should().Be("train");
        var keyword = TpmProgram.Parse("program p {\n  start 2027-01-04\n  task e { efort 1d }\n}\n", "p.tpm");
        keyword.Diagnostics.Single(d => d.Code == "TPM0001").Suggestion.Should().Be("effort");
        var word = TpmProgram.Parse("program p {\n  start 2027-01-04\n  leveling onn\n}\n", "p.tpm");
        word.Diagnostics.Single(d => d.Code == "TPM1102").Suggestion.Should().Be("on");
        var none = TpmProgram.Parse("program p {\n  start 2027-01-04\n  task e { effort 1d  after zzzzzz }\n}\n", "p.tpm");
        none.Diagnostics.Single(d => d.Code == "TPM1001").Suggestion.Should().BeNull();
        unknown.Diagnostics.Single(d => d.Code == "TPM1001").WithSeverity(ProgramDsl.Diagnostics.DiagnosticSeverity.Warning).Suggestion.Should().Be("train");
    }

    [Fact]
    public void Missing_reviews_are_the_kinds_no_task_upstream_reviews_as_TPM3005_names_them()
    {
        var program = TpmProgram.Parse(
            "program p {\n  start 2027-01-04\n  task r { duration 1d  review privacy }\n  task s { duration 1d  review security  after r }\n" +
            "  task d { duration 1d  after s  phase deployment }\n  task e { duration 1d  phase deployment  review fairness, privacy, security }\n}\n", "p.tpm");
        var model = program.Model!;
        DeliveryChecks.MissingReviews(model, model.Tasks.Single(t => t.Id == "d")).Should().Equal("fairness");
        // A task's own reviews are not upstream of it, as TPM3005 judges.
        DeliveryChecks.MissingReviews(model, model.Tasks.Single(t => t.Id == "e")).Should().Equal("fairness", "privacy", "security");
        program.Diagnostics.Where(d => d.Code == "TPM3005").Select(d => d.Message).Should().Equal(
            "deployment task 'd' has no fairness review upstream; add a task with 'review fairness' that it depends on",
            "deployment task 'e' has no fairness, privacy, security review upstream; add a task with 'review fairness, privacy, security' that it depends on");
    }

    [Fact]
    public void Comments_are_found_outside_strings_with_their_kind()
    {
        var text = "// a\ntask t \"x // not\" { /* b\n c */ effort 1d } // d\n/* open";
        var comments = CommentScanner.Comments(text);
        comments.Select(c => (text.Substring(c.Span.Start, c.Span.Length), c.IsLine)).Should().Equal(
            ("// a", true), ("/* b\n c */", false), ("// d", true), ("/* open", false));
    }
}
