using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>The rules other tools share with the compiler: what an identifier is and what a name means.</summary>
public class LanguageRuleTests
{
    [Theory]
    [InlineData("ana", true)]
    [InlineData("_x", true)]
    [InlineData("data-eng", true)]
    [InlineData("a1_b-2", true)]
    [InlineData("étoile", true)]
    [InlineData("e\u0301toile", true)] // decomposed: a combining mark is part of the name
    [InlineData("1st", false)]
    [InlineData("-a", false)]
    [InlineData("a b", false)]
    [InlineData("a.b", false)]
    [InlineData("a\u200Bb", false)] // an invisible character is an error where it stands
    [InlineData("", false)]
    public void An_identifier_is_what_the_parser_reads_as_one_clean_name(string text, bool identifier)
    {
        SyntaxFacts.IsIdentifier(text).Should().Be(identifier);
        var tree = Parse("program p {\n  person " + text + " \"T\"\n}");
        bool clean = tree.Diagnostics.Count == 0 && tree.Root.Program!.Body.OfType<DeclarationSyntax>().SingleOrDefault()?.Name.Text == text;
        clean.Should().Be(identifier, string.Join("; ", tree.Diagnostics));
    }

    /// <summary>Scopes over plain dictionaries: a workstream is its path, "" the program.</summary>
    private readonly struct TestScopes : INameScopes<string, string>
    {
        private readonly Dictionary<string, Dictionary<string, string>> _members;
        private readonly Dictionary<string, string> _top;
        private readonly Dictionary<string, List<string>> _nested;

        public TestScopes(Dictionary<string, Dictionary<string, string>> members, Dictionary<string, string> top, Dictionary<string, List<string>> nested)
        {
            _members = members;
            _top = top;
            _nested = nested;
        }

        public string? ContainerOf(string scope) => scope.Contains('.') ? scope.Substring(0, scope.LastIndexOf('.')) : null;

        public bool TryGetMember(string scope, string name, out string symbol) => _members[scope].TryGetValue(name, out symbol!);

        public bool TryGetTopLevel(string name, out string symbol) => _top.TryGetValue(name, out symbol!);

        public IReadOnlyList<string>? Nested(string name) => _nested.TryGetValue(name, out var list) ? list : null;
    }

    [Fact]
    public void A_name_means_the_nearest_member_then_the_program_level_then_a_unique_nested_one()
    {
        var scopes = new TestScopes(
            new Dictionary<string, Dictionary<string, string>>
            {
                ["a"] = new() { ["x"] = "a.x", ["b"] = "a.b" },
                ["a.b"] = new() { ["y"] = "a.b.y" },
                ["c"] = new() { ["z"] = "c.z", ["x"] = "c.x" },
                ["d"] = new() { ["z"] = "d.z" },
            },
            new Dictionary<string, string> { ["x"] = "x", ["y"] = "y", ["a"] = "a", ["c"] = "c", ["d"] = "d" },
            new Dictionary<string, List<string>> { ["x"] = new() { "a.x", "c.x" }, ["b"] = new() { "a.b" }, ["y"] = new() { "a.b.y" }, ["z"] = new() { "c.z", "d.z" } });

        string? Find(string? scope, string name, out IReadOnlyList<string>? ambiguous) =>
            NameLookup.Find<TestScopes, string, string>(scopes, scope, name, out ambiguous);

        Find("a.b", "y", out _).Should().Be("a.b.y", "the innermost workstream first");
        Find("a.b", "x", out _).Should().Be("a.x", "then the enclosing ones, outward");
        Find(null, "x", out _).Should().Be("x", "the program level before nested names");
        Find(null, "b", out _).Should().Be("a.b", "a nested name defined once is found from anywhere");
        Find(null, "z", out var ambiguous).Should().BeNull();
        ambiguous.Should().Equal("c.z", "d.z");
        Find("c", "z", out ambiguous).Should().Be("c.z", "a member is not ambiguous");
        ambiguous.Should().BeNull();
        Find(null, "nothing", out ambiguous).Should().BeNull();
        ambiguous.Should().BeNull();
    }
}
