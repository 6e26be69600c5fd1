using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Small helpers that keep the binder tests readable.</summary>
internal static class BindingTestKit
{
    public const string Path = "program.tpm";

    /// <summary>Parses and binds (no scheduling), so only syntax and binding diagnostics appear.</summary>
    public static TpmProgram Compile(string text, InMemorySourceResolver? resolver = null, string path = Path) =>
        TpmProgram.Parse(text, path, new TpmCompileOptions { Schedule = false }, resolver);

    /// <summary>
    /// A program whose members are the given lines, starting on line 3:
    /// line 1 is <c>program p {</c>, line 2 is <c>  start 2027-01-04</c>, the last line is <c>}</c>.
    /// A column in a member line is its index + 1.
    /// </summary>
    public static string Members(params string[] lines) =>
        string.Join("\n", new[] { "program p {", "  start 2027-01-04" }.Concat(lines).Concat(new[] { "}" }));

    public static TpmProgram CompileMembers(params string[] lines) => Compile(Members(lines));

    /// <summary>Binds members that must produce no diagnostic at all, and returns the model.</summary>
    public static ProgramSymbol Model(params string[] lines) => Clean(CompileMembers(lines));

    public static ProgramSymbol Clean(TpmProgram program)
    {
        program.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        program.Model.Should().NotBeNull();
        return program.Model!;
    }

    /// <summary>Asserts the program has exactly one diagnostic, of this code, and returns it.</summary>
    public static Diagnostic SingleDiagnostic(this TpmProgram program, string code)
    {
        program.Diagnostics.Select(d => d.ToString()).Should().ContainSingle();
        var d = program.Diagnostics[0];
        d.Code.Should().Be(code, d.ToString());
        return d;
    }

    /// <summary>The diagnostics with this code.</summary>
    public static IReadOnlyList<Diagnostic> WithCode(this TpmProgram program, string code) =>
        program.Diagnostics.Where(d => d.Code == code).ToList();

    /// <summary>Asserts where a diagnostic starts, what text it covers and its message.</summary>
    public static Diagnostic ShouldBe(this Diagnostic d, int line, int column, string message, string file = Path)
    {
        d.Location.Should().NotBeNull();
        (d.Location!.Value.Path, d.Location!.Value.Start.Line, d.Location!.Value.Start.Column).Should().Be((file, line, column), d.ToString());
        d.Message.Should().Be(message);
        return d;
    }

    public static Diagnostic Covering(this Diagnostic d, string text)
    {
        d.Location!.Value.Text.Should().Be(text);
        return d;
    }

    public static (string Path, int Line, int Column) Where(this ProgramDsl.Text.SourceLocation location) =>
        (location.Path, location.Start.Line, location.Start.Column);

    public static T Find<T>(this IEnumerable<T> symbols, string id) where T : Symbol =>
        symbols.Should().ContainSingle(s => s.Id == id).Which;

    public static TaskSymbol Task(this ProgramSymbol program, string id) => program.Tasks.Find(id);
}
