using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Syntax;

/// <summary>Small helpers that keep the parser tests readable.</summary>
internal static class SyntaxTestKit
{
    public const string Path = "test.tpm";

    /// <summary>Joins lines with '\n', so line n of the text is element n-1 and a column is an index + 1.</summary>
    public static string Lines(params string[] lines) => string.Join("\n", lines);

    public static SyntaxTree Parse(string text) => Parser.Parse(new SourceText(Path, text));

    /// <summary>Parses and asserts there is no syntax error.</summary>
    public static SyntaxTree ParseClean(string text)
    {
        var tree = Parse(text);
        tree.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
        return tree;
    }

    public static DeclarationSyntax ProgramOf(this SyntaxTree tree)
    {
        tree.Root.Program.Should().NotBeNull();
        return tree.Root.Program!;
    }

    /// <summary>The one declaration named <paramref name="name"/> directly in the body.</summary>
    public static DeclarationSyntax Member(this DeclarationSyntax parent, string name) =>
        parent.Body.OfType<DeclarationSyntax>().Should().ContainSingle(d => d.Name.Text == name).Which;

    /// <summary>The one property with this keyword directly in the body.</summary>
    public static PropertySyntax Property(this DeclarationSyntax parent, string keyword) =>
        parent.Body.OfType<PropertySyntax>().Should().ContainSingle(p => p.Keyword.Text == keyword).Which;

    public static T Value<T>(this PropertySyntax property, int index = 0) where T : ValueSyntax =>
        property.Values[index].Should().BeOfType<T>().Which;

    /// <summary>Parses <c>program p {</c> / statement / <c>}</c>: the statement is line 2, column 1.</summary>
    public static PropertySyntax ProgramStatement(string statement) =>
        ParseClean(Lines("program p {", statement, "}")).ProgramOf().Body.Should().ContainSingle().Which.Should().BeOfType<PropertySyntax>().Which;

    /// <summary>Parses a statement alone on line 3 in a <paramref name="keyword"/> x { } block inside a program.</summary>
    public static PropertySyntax StatementIn(string keyword, string statement) =>
        ParseClean(Lines("program p {", keyword + " x {", statement, "}", "}")).ProgramOf().Member("x")
            .Body.Should().ContainSingle().Which.Should().BeOfType<PropertySyntax>().Which;

    public static PropertySyntax TaskStatement(string statement) => StatementIn("task", statement);

    /// <summary>1-based (line, column) of where a node starts in the tree's source.</summary>
    public static (int Line, int Column) StartOf(this SyntaxTree tree, SyntaxNode node) => Position(tree.Source, node.Span.Start);

    public static (int Line, int Column) Position(SourceText source, int offset)
    {
        var p = source.GetLinePosition(offset);
        return (p.Line, p.Column);
    }

    /// <summary>Asserts a node starts at (line, column) and covers exactly <paramref name="text"/>.</summary>
    public static void ShouldSpan(this SyntaxTree tree, SyntaxNode node, int line, int column, string text)
    {
        tree.StartOf(node).Should().Be((line, column));
        tree.Source.ToString(node.Span).Should().Be(text);
    }

    /// <summary>The single syntax error of a text, asserted to be at (line, column) with this message.</summary>
    public static Diagnostic SingleError(string text, int line, int column, string message)
    {
        var tree = Parse(text);
        var d = tree.Diagnostics.Should().ContainSingle().Which;
        d.Code.Should().Be("TPM0001");
        d.Severity.Should().Be(DiagnosticSeverity.Error);
        d.Message.Should().Be(message);
        (d.Location!.Value.Start.Line, d.Location!.Value.Start.Column).Should().Be((line, column));
        d.Location!.Value.Path.Should().Be(Path);
        return d;
    }
}
