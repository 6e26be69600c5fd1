using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Which new names a rename may give: identifiers, no keywords, no clash in the scope, no reference changing meaning.</summary>
public class RenameRulesTests
{
    private const string Plan = @"program p ""P"" {
  start 2027-01-04
  person ana ""Ana""
  person bob ""Bob""
  role lead ""Lead""
  skill python ""Python""
  workstream data ""Data"" {
    task eda ""EDA"" { effort 2d  assign ana }
    task clean ""Clean"" { effort 2d  after eda }
  }
  workstream model ""Model"" {
    task train ""Train"" { effort 3d  after data.clean }
    task tune ""Tune"" { effort 1d  after train }
  }
  task report ""Report"" { effort 1d  after tune }
}
";

    private static (TpmProgram Program, SemanticModel Model) Compile(string text = Plan)
    {
        var program = TpmProgram.Parse(text, "p.tpm", new TpmCompileOptions { Schedule = false });
        program.Diagnostics.Where(d => d.Severity == ProgramDsl.Diagnostics.DiagnosticSeverity.Error).Should().BeEmpty();
        return (program, program.SemanticModel);
    }

    private static Symbol Named(TpmProgram program, string id) =>
        new Symbol[] { program.Model! }.Concat(program.Model!.People).Concat(program.Model.Roles).Concat(program.Model.Skills)
            .Concat(program.Model.Workstreams).Concat(program.Model.Tasks).Single(s => s.Id == id);

    [Theory]
    [InlineData("task")]
    [InlineData("effort")]
    [InlineData("after")]
    [InlineData("role")]
    [InlineData("fs")]
    [InlineData("skills")]
    public void Keywords_and_item_words_are_reserved(string word)
    {
        RenameRules.IsReservedWord(word).Should().BeTrue();
        RenameRules.CheckName(word).Should().Be("'" + word + "' is a keyword of the language");
    }

    [Theory]
    [InlineData("ana2")]
    [InlineData("feature-pipeline")]
    [InlineData("_x")]
    public void Plain_identifiers_are_good_names(string name)
    {
        RenameRules.IsReservedWord(name).Should().BeFalse();
        RenameRules.CheckName(name).Should().BeNull();
    }

    [Theory]
    [InlineData("")]
    [InlineData("2fast")]
    [InlineData("has space")]
    [InlineData("a.b")]
    [InlineData("-x")]
    public void Non_identifiers_are_refused(string name) =>
        RenameRules.CheckName(name).Should().StartWith("'" + name + "' is not a valid name");

    [Fact]
    public void The_lookup_scope_of_after_is_the_owners_container_and_every_other_statement_looks_from_the_program()
    {
        var (program, _) = Compile();
        var tune = Named(program, "model.tune");
        var model = Named(program, "model");
        ReferenceRules.LookupScope(Keywords.After, tune).Should().BeSameAs(model);
        ReferenceRules.LookupScope(Keywords.After, model).Should().BeNull();
        ReferenceRules.LookupScope(Keywords.Assign, tune).Should().BeNull();
    }

    [Fact]
    public void A_fresh_name_is_allowed()
    {
        var (program, semantic) = Compile();
        semantic.CheckRename(Named(program, "data.eda"), "explore").IsAllowed.Should().BeTrue();
        semantic.CheckRename(Named(program, "ana"), "anna").IsAllowed.Should().BeTrue();
        semantic.CheckRename(Named(program, "data"), "ingest").IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void Two_tasks_of_one_workstream_cannot_share_a_name()
    {
        var (program, semantic) = Compile();
        var check = semantic.CheckRename(Named(program, "data.eda"), "clean");
        check.IsAllowed.Should().BeFalse();
        check.Problem.Should().Be("workstream 'data' already defines task 'data.clean' (p.tpm line 9); a second 'clean' would clash with it");
    }

    [Fact]
    public void Two_definitions_at_the_program_level_cannot_share_a_name_whatever_their_kinds()
    {
        var (program, semantic) = Compile();
        semantic.CheckRename(Named(program, "ana"), "bob").Problem.Should().Be("the program already defines person 'bob' (p.tpm line 4); a second 'bob' would clash with it");
        semantic.CheckRename(Named(program, "lead"), "ana").Problem.Should().StartWith("the program already defines person 'ana'");
    }

    [Fact]
    public void A_name_used_in_another_workstream_is_allowed_when_every_reference_keeps_its_meaning()
    {
        // 'model.train' -> 'clean': 'after data.clean' is qualified, and 'after train' inside model becomes 'after clean', which finds model's own.
        var (program, semantic) = Compile();
        semantic.CheckRename(Named(program, "model.train"), "clean").IsAllowed.Should().BeTrue();
    }

    [Fact]
    public void A_rename_that_makes_a_bare_reference_ambiguous_is_refused()
    {
        // 'report' says 'after tune' from the program level: the one nested 'tune'. A second nested 'tune' makes it ambiguous.
        var (program, semantic) = Compile();
        var check = semantic.CheckRename(Named(program, "data.eda"), "tune");
        check.IsAllowed.Should().BeFalse();
        check.Problem.Should().Be("the reference to task 'model.tune' at p.tpm line 15 would then be ambiguous");
    }

    [Fact]
    public void A_rename_that_captures_a_reference_to_an_outer_definition_is_refused()
    {
        // model.tune says 'after ship', the program-level task: a member of model named 'ship' would capture it.
        var text = Plan.Replace("task report \"Report\" { effort 1d  after tune }", "task report \"Report\" { effort 1d  after tune }\n  task ship \"Ship\" { effort 1d }")
            .Replace("task tune \"Tune\" { effort 1d  after train }", "task tune \"Tune\" { effort 1d  after train, ship }");
        var (program, semantic) = Compile(text);
        var check = semantic.CheckRename(Named(program, "model.train"), "ship");
        check.IsAllowed.Should().BeFalse();
        check.Problem.Should().Be("the reference to task 'ship' at p.tpm line 13 would then name task 'model.train'");
    }

    [Fact]
    public void A_rename_whose_references_would_find_a_nearer_definition_is_refused()
    {
        // data.clean says 'after report' from inside data: renamed to 'eda', it would find data's own eda.
        var text = Plan.Replace("task clean \"Clean\" { effort 2d  after eda }", "task clean \"Clean\" { effort 2d  after eda, report }");
        var (program, semantic) = Compile(text);
        var check = semantic.CheckRename(Named(program, "report"), "eda");
        check.IsAllowed.Should().BeFalse();
        check.Problem.Should().Be("the reference to task 'report' at p.tpm line 9 would then name task 'data.eda'");
    }

    [Fact]
    public void Skills_keywords_and_the_default_calendar_are_not_renamed()
    {
        var (program, semantic) = Compile();
        semantic.CheckRename(Named(program, "python"), "py").Problem.Should().StartWith("skills are matched by name");
        semantic.CheckRename(program.Model!.Calendar, "cal").Problem.Should().Be("calendar 'p' has no declaration to rename");
        semantic.CheckRename(Named(program, "ana"), "task").Problem.Should().Be("'task' is a keyword of the language");
    }

    [Fact]
    public void Keeping_the_name_and_renaming_the_program_are_allowed()
    {
        var (program, semantic) = Compile();
        semantic.CheckRename(Named(program, "data.eda"), "eda").IsAllowed.Should().BeTrue();
        semantic.CheckRename(program.Model!, "q").IsAllowed.Should().BeTrue();
    }
}
