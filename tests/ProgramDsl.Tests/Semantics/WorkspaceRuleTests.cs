using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;
using static ProgramDsl.Tests.Semantics.BindingTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>The pure half of workspace confinement: path containment, and how read failures become TPM1004/1006/1007.</summary>
public class WorkspaceRuleTests
{
    [Theory]
    [InlineData("/repo", "/repo", true)]
    [InlineData("/repo", "/repo/plans/a.tpm", true)]
    [InlineData("/repo/", "/repo/a.tpm", true)]
    [InlineData("/repo", "/repo2/a.tpm", false)]
    [InlineData("/repo", "/repo/../etc/passwd", false)]
    [InlineData("/repo", "/repo/plans/../../etc/passwd", false)]
    [InlineData("/repo", "/etc/passwd", false)]
    [InlineData("/repo", "repo/a.tpm", false)]
    [InlineData("/", "/etc/passwd", true)]
    [InlineData("plans", "plans/a.tpm", true)]
    [InlineData("plans", "../plans/a.tpm", false)]
    [InlineData(".", "a/b.tpm", true)]
    [InlineData(".", "../a.tpm", false)]
    [InlineData(".", "/a.tpm", false)]
    [InlineData("C:\\repo", "C:/repo/a.tpm", true)]
    [InlineData("C:\\repo", "D:/repo/a.tpm", false)]
    [InlineData("C:/", "C:/a.tpm", true)]
    public void IsWithin_compares_whole_normalised_segments(string root, string path, bool within) =>
        SourcePaths.IsWithin(root, path).Should().Be(within);

    [Fact]
    public void IsWithin_can_ignore_case_for_case_insensitive_file_systems()
    {
        SourcePaths.IsWithin("C:/Repo", "c:/repo/a.tpm").Should().BeFalse();
        SourcePaths.IsWithin("C:/Repo", "c:/repo/a.tpm", ignoreCase: true).Should().BeTrue();
    }

    [Theory]
    [InlineData(new[] { "/a/b/c", "/a/b/d" }, "/a/b")]
    [InlineData(new[] { "/a/b", "/a/bc" }, "/a")]
    [InlineData(new[] { "/a/b", "/x" }, "/")]
    [InlineData(new[] { "/a/b/" }, "/a/b")]
    [InlineData(new[] { "C:/p/a", "C:\\p\\b" }, "C:/p")]
    [InlineData(new[] { "C:/a", "D:/b" }, null)]
    [InlineData(new[] { "/a", "b" }, null)]
    [InlineData(new[] { "x/a", "x/b" }, "x")]
    public void CommonFolder_is_the_deepest_shared_folder(string[] folders, string? common) =>
        SourcePaths.CommonFolder(folders).Should().Be(common);

    [Fact]
    public void An_in_memory_workspace_refuses_held_files_outside_it_as_TPM1006()
    {
        var resolver = new InMemorySourceResolver { Workspace = "/repo" }.Add("/elsewhere/team.tpm", "person leaked\n");
        var program = Compile(Members("  include \"/elsewhere/team.tpm\""), resolver, "/repo/program.tpm");

        program.SingleDiagnostic("TPM1006")
            .ShouldBe(3, 11, "cannot include '/elsewhere/team.tpm': it is outside the workspace '/repo'; only files inside it are read (looked for '/elsewhere/team.tpm')", file: "/repo/program.tpm");
        program.Model!.People.Should().BeEmpty();
    }

    [Fact]
    public void Dot_dot_out_of_an_in_memory_workspace_is_TPM1006()
    {
        var resolver = new InMemorySourceResolver { Workspace = "/repo/plans" }.Add("/repo/team.tpm", "person x\n");
        Compile(Members("  include \"../team.tpm\""), resolver, "/repo/plans/program.tpm")
            .SingleDiagnostic("TPM1006").Message.Should().StartWith("cannot include '../team.tpm': it is outside the workspace '/repo/plans'");
    }

    [Fact]
    public void Every_kind_of_read_failure_has_its_code()
    {
        var kinds = new Dictionary<SourceReadError, string>
        {
            [SourceReadError.Unreadable("file not found")] = "TPM1004",
            [SourceReadError.Outside("/repo")] = "TPM1006",
            [SourceReadError.NotRegularFile("a FIFO (named pipe)")] = "TPM1006",
            [SourceReadError.TooLarge(InputLimits.MaxFileBytes + 1)] = "TPM1007",
        };
        foreach (var (error, code) in kinds)
        {
            var program = TpmProgram.Parse(Members("  include \"x.tpm\""), resolver: new FailingResolver(error));
            program.SingleDiagnostic(code).Message.Should().Be("cannot include 'x.tpm': " + error.Message + " (looked for 'x.tpm')");
            TpmProgram.Load("x.tpm", new FailingResolver(error)).Diagnostics.Should().ContainSingle()
                .Which.Should().Match<Diagnostic>(d => d.Code == code && d.Message == "cannot read 'x.tpm': " + error.Message && d.Location!.Value.Start.Line == 1);
        }
    }

    [Fact]
    public void The_size_message_states_the_size_and_the_limit()
    {
        SourceReadError.TooLarge(70_000_000).Message.Should().Be("it is 70,000,000 bytes, over the limit of 67,108,864 bytes (64 MiB) for a plan file");
        SourceReadError.TooLarge(-1).Message.Should().Be("it is too large, over the limit of 67,108,864 bytes (64 MiB) for a plan file");
    }

    [Fact]
    public void Globalconfig_problems_are_located_and_the_rest_applies()
    {
        var source = new SourceText("/repo/.globalconfig",
            "is_global = true\r\n" +
            "dotnet_diagnostic.TPM2003.severity = banana\r\n" +
            "\u0001\u0002 binary\r" +
            "dotnet_diagnostic.TPM3004.severity: none\n" +
            "dotnet_diagnostic.tpm3003.severity = ERROR ; raised\n");
        var problems = new List<Diagnostic>();

        var options = SeverityOptions.ParseGlobalConfig(source, problems);

        options.Codes.Should().BeEquivalentTo("TPM3004", "TPM3003");
        problems.Select(p => (p.Code, p.Severity, p.Location!.Value.Start.Line, p.Location.Value.Start.Column, p.Location.Value.End.Line)).Should().Equal(
            ("TPM0002", DiagnosticSeverity.Warning, 2, 38, 2),
            ("TPM0002", DiagnosticSeverity.Warning, 3, 1, 3));
        problems.Select(p => p.Message).Should().NotContain(m => m.Contains("banana") || m.Contains("binary"));
    }

    [Fact]
    public void Globalconfig_problems_are_capped_per_file()
    {
        var problems = new List<Diagnostic>();
        SeverityOptions.ParseGlobalConfig(new SourceText("c", string.Concat(Enumerable.Repeat("nonsense\n", 25))), problems);

        problems.Should().HaveCount(SeverityOptions.MaxReportedProblems + 1);
        problems.Last().Message.Should().Be("15 more entries of this file cannot be understood and are ignored");
    }

    [Fact]
    public void Configuration_diagnostics_come_after_the_programs_with_their_configured_severity()
    {
        var problem = Diagnostic.Create(DiagnosticCatalog.InvalidConfiguration, new SourceLocation(new SourceText(".globalconfig", "x"), new TextSpan(0, 1)), "this line is not a 'key = value' entry; it is ignored");
        var options = new TpmCompileOptions { ConfigurationDiagnostics = new[] { problem }, WarningsAsErrors = true };

        var program = TpmProgram.Parse("program p \"P\" {\n  start 2027-03-01\n  task t \"T\" { duration 1d }\n}\n", options: options);

        program.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "TPM0002" && d.IsError);
        program.Schedule.Should().NotBeNull("a configuration problem does not block the schedule");
    }

    private sealed class FailingResolver : ISourceResolver
    {
        private readonly SourceReadError _error;

        public FailingResolver(SourceReadError error) => _error = error;

        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        public bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error)
        {
            text = string.Empty;
            error = _error;
            return false;
        }
    }
}
