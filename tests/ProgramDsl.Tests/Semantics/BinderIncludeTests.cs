using System.Linq;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Semantics.BindingTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Includes (TPM1004) and programs spread over several files, through an in-memory resolver.</summary>
public class BinderIncludeTests
{
    private static InMemorySourceResolver Files(params (string Path, string Text)[] files)
    {
        var resolver = new InMemorySourceResolver();
        foreach (var (path, text) in files) resolver.Add(path, text);
        return resolver;
    }

    [Fact]
    public void Missing_include_file()
    {
        var program = Compile(Members("  include \"missing.tpm\""));
        program.SingleDiagnostic("TPM1004")
            .ShouldBe(3, 11, "cannot include 'missing.tpm': no such file (looked for 'missing.tpm')")
            .Covering("\"missing.tpm\"");
    }

    [Fact]
    public void Include_cycle_between_fragments()
    {
        var program = Compile(
            Members("  include \"a.tpm\""),
            Files(("a.tpm", "person alice\ninclude \"b.tpm\""), ("b.tpm", "person bob\ninclude \"a.tpm\"")));
        program.SingleDiagnostic("TPM1004")
            .ShouldBe(2, 9, "include cycle: a.tpm → b.tpm → a.tpm; remove one of these includes", file: "b.tpm");
        program.Model!.People.Select(p => p.Name).Should().Equal("alice", "bob");
    }

    [Fact]
    public void Include_cycle_back_to_the_program_file() =>
        Compile(Members("  include \"a.tpm\""), Files(("a.tpm", "include \"program.tpm\"")))
            .SingleDiagnostic("TPM1004")
            .ShouldBe(1, 9, "include cycle: program.tpm → a.tpm → program.tpm; remove one of these includes", file: "a.tpm");

    [Fact]
    public void A_cycle_back_to_a_program_named_with_dot_segments_is_still_a_cycle()
    {
        // The root is named './plans/a.tpm'; include paths come back normalised ('plans/a.tpm'): the same file.
        var files = Files(("plans/a.tpm", "program p { start 2027-01-04  include \"b.tpm\" }"), ("plans/b.tpm", "include \"a.tpm\""));
        var program = TpmProgram.Load("./plans/a.tpm", files);
        program.SingleDiagnostic("TPM1004")
            .ShouldBe(1, 9, "include cycle: plans/a.tpm → plans/b.tpm → plans/a.tpm; remove one of these includes", file: "plans/b.tpm");
    }

    [Fact]
    public void Same_file_included_twice()
    {
        var program = Compile(
            Members("  include \"a.tpm\"", "  include \"./a.tpm\""),
            Files(("a.tpm", "person alice")));
        var d = program.SingleDiagnostic("TPM1004")
            .ShouldBe(4, 11, "'./a.tpm' is already included at program.tpm(3,11); include each file once");
        d.AdditionalLocations.Single().Where().Should().Be((Path, 3, 11));
        program.Model!.People.Should().ContainSingle();
    }

    [Fact]
    public void Included_file_declaring_a_program()
    {
        var program = Compile(
            Members("  include \"other.tpm\""),
            Files(("other.tpm", "program q { start 2027-01-04 }\nperson carol")));
        program.SingleDiagnostic("TPM1004").ShouldBe(3, 11, "'other.tpm' declares program 'q'; an included file holds members only");
        program.Model!.People.Single().Name.Should().Be("carol");
    }

    [Fact]
    public void Relative_paths_end_to_end()
    {
        var resolver = Files(
            ("plans/sub/people.tpm", "person alice { capacity 50% }\ninclude \"../shared.tpm\""),
            ("plans/shared.tpm", "person bob\nworkstream data { task eda { effort 4d  assign alice, bob } }"));
        var program = TpmProgram.Parse(
            "program p {\n  start 2027-01-04\n  include \"sub/people.tpm\"\n  task report { duration 1d  after data.eda  assign bob }\n}",
            "plans/main.tpm",
            resolver: resolver);

        program.Diagnostics.Should().BeEmpty();
        program.SyntaxTrees.Select(t => t.Source.Path).Should().Equal("plans/main.tpm", "plans/sub/people.tpm", "plans/shared.tpm");
        var model = program.Model!;
        model.People.Select(p => p.Name).Should().Equal("alice", "bob");
        model.People[0].Location.Where().Should().Be(("plans/sub/people.tpm", 1, 8));
        var eda = model.Task("data.eda");
        eda.Location.Where().Should().Be(("plans/shared.tpm", 2, 24));
        eda.Assignments.Select(a => a.Person.Name).Should().Equal("alice", "bob");
        model.Task("report").Dependencies.Single().Target.Should().BeSameAs(eda);
        program.Schedule.Should().NotBeNull();
    }

    [Fact]
    public void Diagnostics_in_included_files_carry_their_path()
    {
        var program = Compile(
            Members("  include \"sub/people.tpm\"", "  person alice"),
            Files(("sub/people.tpm", "person alice\nperson bob { role lead }")));
        program.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "program.tpm(4,10): error TPM1002: 'alice' is already defined as a person at sub/people.tpm(1,8); rename one of them",
            "sub/people.tpm(2,19): error TPM1001: unknown role 'lead'");
    }

    [Fact]
    public void Syntax_errors_in_included_files_are_reported()
    {
        var program = Compile(Members("  include \"../x.tpm\""), Files(("../x.tpm", "person bob { capacity 50 }")));
        program.SingleDiagnostic("TPM0001").ShouldBe(1, 23, "expected '%' after 50 (a percentage such as 80%)", file: "../x.tpm");
    }

    [Fact]
    public void Settings_in_a_fragment_apply_to_the_program()
    {
        var model = Clean(Compile(
            "program p {\n  include \"settings.tpm\"\n}",
            resolver: Files(("settings.tpm", "start 2027-01-04\nhours-per-day 6"))));
        model.Start.ToString().Should().Be("2027-01-04");
        model.HoursPerDay.Should().Be(6m);
    }

    [Fact]
    public void Includes_nested_past_the_limit_are_TPM1007_at_the_include_that_goes_too_deep()
    {
        // f0 includes f1 includes f2 …: each file keeps its chain (for cycle messages), so the depth is bounded.
        var files = new InMemorySourceResolver();
        int files_ = InputLimits.MaxIncludeDepth + 5;
        for (int i = 0; i < files_; i++) files.Add("f" + i + ".tpm", "person p" + i + "\ninclude \"f" + (i + 1) + ".tpm\"");
        var program = Compile(Members("  include \"f0.tpm\""), files);

        program.SingleDiagnostic("TPM1007").ShouldBe(2, 9, "cannot include 'f" + InputLimits.MaxIncludeDepth + ".tpm': includes nest deeper than the limit of 64 files",
            file: "f" + (InputLimits.MaxIncludeDepth - 1) + ".tpm");
        program.Model!.People.Should().HaveCount(InputLimits.MaxIncludeDepth);
    }

    [Fact]
    public void Includes_past_the_limit_of_the_whole_program_are_TPM1007_and_are_not_parsed()
    {
        // Three fragments of 25 Mi characters each (a comment, cheap to parse): the third would take the program past
        // 64 Mi characters. Each file alone is within the file limit; together they are not.
        int lines = 25 * 1024 * 1024 / 100;
        var big = "/*\n" + string.Concat(Enumerable.Repeat(new string('x', 99) + "\n", lines)) + "*/\nperson p";
        var files = Files(("a.tpm", big + "a"), ("b.tpm", big + "b"), ("c.tpm", big + "c"));

        var program = Compile(Members("  include \"a.tpm\"", "  include \"b.tpm\"", "  include \"c.tpm\""), files);

        program.SingleDiagnostic("TPM1007").ShouldBe(5, 11,
            "cannot include 'c.tpm': the program and its includes would be longer than the limit of 67,108,864 characters together; split it into several programs");
        program.Model!.People.Select(p => p.Name).Should().Equal("pa", "pb");
    }

    /// <summary>A resolver in which 'a/' and 'b/' are links to the folder they are in, as <c>a -&gt; .</c> on disk.</summary>
    private sealed class AliasedFolders : ISourceResolver, ISourceIdentity
    {
        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        public string Identify(string path) => string.Join("/", path.Split('/').Where(p => p != "a" && p != "b"));

        public bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error)
        {
            error = null;
            text = Identify(path) == "f.tpm" ? "include \"a/f.tpm\"\ninclude \"b/f.tpm\"" : "person alice";
            return true;
        }
    }

    [Fact]
    public void A_file_named_through_a_link_to_its_own_folder_is_the_same_file_so_the_includes_end()
    {
        // Told apart by path as written, 'a/f.tpm', 'b/f.tpm', 'a/a/f.tpm', … would be new files, doubling at each level.
        var program = TpmProgram.Parse(Members("  include \"f.tpm\""), options: new TpmCompileOptions { Schedule = false }, resolver: new AliasedFolders());

        program.SyntaxTrees.Select(t => t.Source.Path).Should().Equal("program.tpm", "f.tpm");
        program.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "f.tpm(1,9): error TPM1004: include cycle: f.tpm → a/f.tpm; remove one of these includes",
            "f.tpm(2,9): error TPM1004: include cycle: f.tpm → b/f.tpm; remove one of these includes");
    }

    [Fact]
    public void An_include_path_with_control_characters_is_quoted_with_escapes_so_a_diagnostic_stays_one_line()
    {
        // Printed as is, the path's second line would begin "::error …", which GitHub Actions reads as a command.
        var program = Compile(Members("  include \"x\\n::error file=README.md::forged\\t.tpm\""));

        var d = program.SingleDiagnostic("TPM1004");
        d.Message.Should().Be("cannot include 'x\\n::error file=README.md::forged\\t.tpm': no such file (looked for 'x\\n::error file=README.md::forged\\t.tpm')");
        d.ToString().Should().NotContain("\n").And.NotContain("\t");
    }

    [Fact]
    public void A_file_path_with_a_line_break_is_printed_with_an_escape()
    {
        var files = Files(("a\n::error::b.tpm", "person alice\nperson alice"));
        var program = Compile(Members("  include \"a\\n::error::b.tpm\""), files);

        program.Diagnostics.Should().ContainSingle().Which.ToString().Should().StartWith("a\\n::error::b.tpm(2,8): error TPM1002:");
    }
}
