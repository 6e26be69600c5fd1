using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Semantics;

/// <summary>The semantic model agrees with the bound model, and its references with an independent text search.</summary>
public class SemanticModelTests
{
    [Fact]
    public void The_examples_include_clean_programs_with_fragments()
    {
        ExamplePrograms.Clean.Should().HaveCountGreaterThan(3);
        ExamplePrograms.Clean.Should().Contain(p => p.SyntaxTrees.Count > 1);
    }

    // ------------------------------------------------------------------ the binder's choices

    [Theory]
    [MemberData(nameof(ExamplePrograms.Names), MemberType = typeof(ExamplePrograms))]
    public void Every_reference_has_the_symbol_the_bound_model_uses(string path)
    {
        var program = ExamplePrograms.Named(path);
        var model = program.SemanticModel;
        if (program.Model is null) return;
        bool clean = !program.HasErrors;
        int checkedReferences = 0;
        foreach (var tree in program.SyntaxTrees)
        {
            foreach (var declaration in ExamplePrograms.Declarations(tree))
            {
                var symbol = model.GetDeclaredSymbol(declaration);
                if (symbol is null) continue;
                model.GetSymbol(declaration.Name).Should().BeSameAs(symbol);
                // Settings such as 'after' and 'assign' may be repeated: the model holds them all, in order.
                foreach (var group in declaration.Body.OfType<PropertySyntax>().GroupBy(p => p.KeywordText))
                {
                    var refs = group.SelectMany(References).ToList();
                    checkedReferences += refs.Count;
                    if (clean) refs.Select(r => model.GetSymbol(r.Reference)).Should().NotContainNulls(group.Key + " in " + symbol.Id);
                    foreach (var isRole in new[] { false, true })
                    {
                        var bound = BoundTargets(symbol, group.Key, isRole);
                        if (bound is null) continue;
                        var wanted = refs.Where(r => r.IsRole == isRole).Select(r => model.GetSymbol(r.Reference)).OfType<Symbol>().Distinct().ToList();
                        if (clean) bound.Should().Equal(wanted, group.Key + " of " + symbol.Id);
                        else bound.Except(wanted).Should().BeEmpty(group.Key + " of " + symbol.Id);
                    }
                }
            }
        }

        if (clean) checkedReferences.Should().BePositive();
    }

    private static IEnumerable<(ReferenceSyntax Reference, bool IsRole)> References(PropertySyntax property)
    {
        foreach (var value in property.Values)
        {
            switch (value)
            {
                case ReferenceValueSyntax r: yield return (r.Reference, false); break;
                case DependencyItemSyntax d: yield return (d.Target, false); break;
                case AssignmentItemSyntax a: yield return (a.Target, a.IsRole); break;
                case ResourceUseItemSyntax u: yield return (u.Resource, false); break;
            }
        }
    }

    /// <summary>What the bound model keeps for a statement's references (role items of 'assign' apart), in order; null for a statement it keeps no list of.</summary>
    private static List<Symbol>? BoundTargets(Symbol symbol, string keyword, bool roles)
    {
        static List<Symbol> One(Symbol? s) => s is null ? new List<Symbol>() : new List<Symbol> { s };
        if (roles) return keyword == "assign" && symbol is TaskSymbol rt ? rt.RoleAssignments.Select(a => (Symbol)a.Role).ToList() : null;
        return (keyword, symbol) switch
        {
            ("after", TaskSymbol t) => t.Dependencies.Select(d => d.Target).Distinct().ToList(),
            ("after", WorkstreamSymbol w) => w.Dependencies.Select(d => d.Target).Distinct().ToList(),
            ("assign", TaskSymbol t) => t.Assignments.Select(a => (Symbol)a.Person).ToList(),
            ("owner", TaskSymbol t) => One(t.Owner),
            ("owner", WorkstreamSymbol w) => One(w.Owner),
            ("owner", RiskSymbol r) => One(r.Owner),
            ("owner", DecisionSymbol d) => One(d.Owner),
            ("owner", MetricSymbol m) => One(m.Owner),
            ("lead", TeamSymbol t) => One(t.Lead),
            ("members", TeamSymbol t) => t.Members.Cast<Symbol>().ToList(),
            ("role", PersonSymbol p) => p.Roles.Cast<Symbol>().ToList(),
            ("calendar", PersonSymbol p) => One(p.Calendar),
            ("calendar", ResourceSymbol r) => One(r.Calendar),
            ("contact", StakeholderSymbol s) => One(s.Contact),
            ("uses", TaskSymbol t) => t.ResourceUses.Select(u => (Symbol)u.Resource).ToList(),
            ("gate", TaskSymbol t) => t.Gates.Cast<Symbol>().ToList(),
            ("affects", RiskSymbol r) => r.Affects.ToList(),
            ("affects", DecisionSymbol d) => d.Affects.ToList(),
            _ => null,
        };
    }

    [Theory]
    [MemberData(nameof(ExamplePrograms.Names), MemberType = typeof(ExamplePrograms))]
    public void Every_symbol_has_its_declaration(string path)
    {
        var program = ExamplePrograms.Named(path);
        if (program.Model is null) return;
        var model = program.SemanticModel;
        foreach (var symbol in AllSymbols(program.Model))
        {
            var declaration = model.GetDeclaration(symbol);
            declaration.Should().NotBeNull(symbol.Id);
            declaration!.Syntax.Name.Text.Should().Be(symbol.Name);
            declaration.Location.Should().Be(symbol.Location);
            model.GetDeclaredSymbol(declaration.Syntax).Should().BeSameAs(symbol);
            program.SyntaxTrees.Should().Contain(declaration.Tree);
        }
    }

    internal static IEnumerable<Symbol> AllSymbols(ProgramSymbol p) =>
        new Symbol[] { p }.Concat(p.Calendars).Concat(p.Roles).Concat(p.Skills).Concat(p.People).Concat(p.Teams).Concat(p.Resources)
            .Concat(p.Stakeholders).Concat(p.Metrics).Concat(p.Workstreams).Concat(p.Tasks).Concat(p.Risks).Concat(p.Decisions);

    // ------------------------------------------------------------------ find references against a text search

    [Theory]
    [MemberData(nameof(ExamplePrograms.CleanNames), MemberType = typeof(ExamplePrograms))]
    public void Find_references_returns_what_a_text_search_for_qualified_uses_finds(string path)
    {
        var program = ExamplePrograms.Named(path);
        var model = program.SemanticModel;
        var ids = new HashSet<string>(AllSymbols(program.Model!).Select(s => s.Id), StringComparer.Ordinal);
        var oracle = new Dictionary<string, List<(int File, int Start, int Length)>>(StringComparer.Ordinal);
        for (int file = 0; file < program.SyntaxTrees.Count; file++)
        {
            foreach (var (id, start, length) in TextSearch.QualifiedUses(program.SyntaxTrees[file].Source.Text, ids))
            {
                if (!oracle.TryGetValue(id, out var list)) oracle[id] = list = new List<(int, int, int)>();
                list.Add((file, start, length));
            }
        }

        oracle.Values.Sum(v => v.Count).Should().BePositive();
        foreach (var symbol in AllSymbols(program.Model!))
        {
            var expected = oracle.TryGetValue(symbol.Id, out var found) ? found.OrderBy(f => f.File).ThenBy(f => f.Start).ToList() : new List<(int, int, int)>();
            var references = model.FindReferences(symbol);
            references.Select(r => (program.SyntaxTrees.ToList().IndexOf(r.Tree), r.Span.Start, r.Span.Length)).Should().Equal(expected, symbol.Id);
            references.All(r => !r.IsDeclaration && ReferenceEquals(r.Symbol, symbol)).Should().BeTrue();
            references.All(r => r.Location.Text == symbol.Name).Should().BeTrue();

            var withDeclaration = model.FindReferences(symbol, includeDeclaration: true);
            withDeclaration.Where(r => !r.IsDeclaration).Should().Equal(references, (a, b) => a.Tree == b.Tree && a.Span.Equals(b.Span));
            withDeclaration.Single(r => r.IsDeclaration).Location.Should().Be(symbol.Location);
        }
    }

    // ------------------------------------------------------------------ files

    [Fact]
    public void Included_files_and_the_programs_that_include_a_fragment()
    {
        var platform = ExamplePrograms.Named("examples/ml-platform/program.tpm");
        var files = platform.SemanticModel.IncludedFiles;
        files.Select(f => f.Tree.Source.Path).Should().Equal(
            "examples/portfolio/shared/org.tpm", "examples/ml-platform/people.tpm", "examples/ml-platform/governance.tpm");
        files.Should().OnlyContain(f => f.IncludingTree == platform.SyntaxTrees[0] && platform.SemanticModel.GetIncludedTree(f.Include) == f.Tree);

        var resolver = ExamplePrograms.Resolver()
            .Add("other/a.tpm", "program a {\n  start 2027-01-04\n  include \"../examples/ml-platform/people.tpm\"\n}\n")
            .Add("other/b.tpm", "program b {\n  start 2027-01-04\n  include \"sub/nested.tpm\"\n}\n")
            .Add("other/sub/nested.tpm", "include \"../../examples/ml-platform/people.tpm\"\n")
            .Add("other/c.tpm", "program c {\n  start 2027-01-04\n}\n");
        var programs = new[] { "other/a.tpm", "other/b.tpm", "other/c.tpm" }
            .Select(p => TpmProgram.Load(p, resolver, new TpmCompileOptions { Schedule = false })).Prepend(platform).ToList();

        SemanticModel.ProgramsIncluding(programs, "examples/ml-platform/people.tpm").Should().Equal(programs[0], programs[1], programs[2]);
        SemanticModel.ProgramsIncluding(programs, "./examples/ml-platform/../ml-platform/people.tpm").Should().Equal(programs[0], programs[1], programs[2]);
        SemanticModel.ProgramsIncluding(programs, "other/sub/nested.tpm").Should().Equal(programs[2]);
        SemanticModel.ProgramsIncluding(programs, "examples/ml-platform/program.tpm").Should().BeEmpty("a program file is not included");
        SemanticModel.ProgramsIncluding(programs, "examples/hello/program.tpm").Should().BeEmpty();
        platform.SemanticModel.GetTree("./examples/ml-platform/people.tpm").Should().BeSameAs(files[1].Tree);
    }

    [Fact]
    public void Programs_including_compares_by_the_resolvers_identity_when_it_has_one()
    {
        var resolver = new LinkingResolver();
        var program = TpmProgram.Load("p.tpm", resolver, new TpmCompileOptions { Schedule = false });
        program.Diagnostics.Should().BeEmpty();
        SemanticModel.ProgramsIncluding(new[] { program }, "real/people.tpm").Should().BeEmpty("without the identity the paths differ");
        SemanticModel.ProgramsIncluding(new[] { program }, "real/people.tpm", resolver).Should().Equal(program);
    }

    private sealed class LinkingResolver : ISourceResolver, ISourceIdentity
    {
        public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

        public string Identify(string path) => path.Replace("link/", "real/");

        public bool TryReadText(string path, out string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out SourceReadError? error)
        {
            error = null;
            text = path == "p.tpm" ? "program p {\n  start 2027-01-04\n  include \"link/people.tpm\"\n}\n" : "person ana\n";
            return true;
        }
    }

    // ------------------------------------------------------------------ errors, no schedule, chunks

    [Fact]
    public void Unresolved_references_have_no_symbol_and_qualifiers_keep_theirs()
    {
        var text = BindingTestKit.Members(
            "  person ana",
            "  workstream data { task eda { effort 1d  assign ana } }",
            "  task a { effort 1d  assign nobody, ana  after data.edx, data.eda }",
            "  task b { effort 1d  assign ana  after ana }",
            "  milestone m { after data.eda.x }");
        var program = BindingTestKit.Compile(text);
        program.HasErrors.Should().BeTrue();
        var model = program.SemanticModel;
        var tree = program.SyntaxTrees[0];
        var refs = ExamplePrograms.Nodes(tree).OfType<ReferenceSyntax>().ToDictionary(r => r.Text + "@" + r.Span.Start);
        ReferenceSyntax Ref(string written, int occurrence = 0) => refs.Values.Where(r => r.Text == written).OrderBy(r => r.Span.Start).ElementAt(occurrence);

        model.GetSymbol(Ref("nobody")).Should().BeNull();
        model.GetSymbol(Ref("ana", 1))!.Id.Should().Be("ana");
        model.GetSymbol(Ref("data.edx")).Should().BeNull();
        model.GetSymbol(Ref("data.edx").Segments[0])!.Id.Should().Be("data", "the qualifier resolved before the unknown member");
        model.GetSymbol(Ref("data.edx").Segments[1]).Should().BeNull();
        model.GetSymbol(Ref("data.eda"))!.Id.Should().Be("data.eda");

        // 'after ana' names a person where a task is expected: no binding, but hover still knows what 'ana' is.
        var wrongKind = Ref("ana", 3);
        model.GetSymbol(wrongKind).Should().BeNull();
        var at = model.SymbolAt(tree, wrongKind.Span.Start)!;
        (at.Symbol.Id, at.IsBinding).Should().Be(("ana", false));
        model.GetSymbol(Ref("data.eda.x")).Should().BeNull();
        model.GetSymbol(Ref("data.eda.x").Segments[1])!.Id.Should().Be("data.eda");

        program.Model!.People.Single().Should().BeSameAs(model.GetSymbol(Ref("ana", 1)));
        model.FindReferences(program.Model.People.Single()).Should().HaveCount(4);
    }

    [Fact]
    public void A_file_without_a_program_has_an_empty_model()
    {
        var program = TpmProgram.Parse("person ana\n", "fragment.tpm");
        var model = program.SemanticModel;
        model.SymbolAt(program.SyntaxTrees[0], 8).Should().BeNull();
        model.IncludedFiles.Should().BeEmpty();
        model.ContextAt(program.SyntaxTrees[0], 0).Kind.Should().Be(PositionKind.StatementKeyword);
        TpmProgram.Unread("x.tpm", SourceReadError.Unreadable("gone")).SemanticModel.SymbolAt("x.tpm", 0).Should().BeNull();
    }

    [Fact]
    public void The_model_is_the_same_with_or_without_scheduling()
    {
        var resolver = ExamplePrograms.Resolver();
        var scheduled = TpmProgram.Load("examples/ml-platform/program.tpm", resolver);
        var bound = ExamplePrograms.Named("examples/ml-platform/program.tpm");
        scheduled.Schedule.Should().NotBeNull();
        scheduled.SemanticModel.Should().BeSameAs(scheduled.GetSemanticModel());
        for (int file = 0; file < scheduled.SyntaxTrees.Count; file++)
        {
            var length = scheduled.SyntaxTrees[file].Source.Length;
            var a = Enumerable.Range(0, length).Select(i => scheduled.SemanticModel.SymbolAt(scheduled.SyntaxTrees[file], i)?.Symbol.Id);
            var b = Enumerable.Range(0, length).Select(i => bound.SemanticModel.SymbolAt(bound.SyntaxTrees[file], i)?.Symbol.Id);
            a.Should().Equal(b);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(64)]
    public void Chunked_binding_records_the_sequential_references_in_the_same_order(int chunkSize)
    {
        var sb = new StringBuilder("program p {\n  start 2027-01-04\n  person ana\n  role r\n");
        for (int w = 0; w < 12; w++)
        {
            sb.Append("  workstream w").Append(w).Append(" {\n");
            for (int t = 0; t < 9; t++)
            {
                sb.Append("    task t").Append(t).Append(" { effort 1d  assign ana, role r");
                if (t > 0) sb.Append("  after t").Append(t - 1);
                if (w > 0) sb.Append(", w").Append(w - 1).Append(".t").Append(t);
                if (t == 4) sb.Append("  after nothing");
                sb.Append(" }\n");
            }

            sb.Append("  }\n");
        }

        var tree = Parser.Parse(new SourceText("p.tpm", sb.Append("}\n").ToString()));
        static string[] Records(BindResult r) => r.References!.Segments.Select(s => s.Start + ":" + s.Segment + "=" + s.Symbol.Id + (s.Binds ? "" : "?")).ToArray();
        var sequential = Binder.Bind(tree, null, int.MaxValue);
        var chunked = Binder.Bind(tree, null, chunkSize);
        Records(sequential).Should().HaveCount(12 * 9 * 2 + 12 * 8 + 11 * 9 * 2);
        Records(chunked).Should().Equal(Records(sequential));
        var linked = chunked.References!.Segments;
        Enumerable.Range(0, linked.Count).Select(i => linked[i]).Should().Equal(linked, "the chunks' blocks are linked, and indexing finds the same segments as walking them");
    }
}

/// <summary>
/// The test's own search for the uses of names, written without the parser or binder: comments and strings are
/// blanked, then each word after a referencing keyword (<c>after</c>, <c>assign</c>, <c>owner</c>, …) and after each
/// comma of its list is a use; a dotted use is a use of each prefix (<c>data.eda</c> uses <c>data</c> and
/// <c>data.eda</c>). A first segment is qualified by the language's lookup rule over the declared ids: the enclosing
/// workstreams (for <c>after</c>) innermost first, then the top level, then the one nested symbol of that name.
/// </summary>
internal static class TextSearch
{
    private static readonly Regex Token = new Regex(@"[A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z_][A-Za-z0-9_-]*)*|[{}\,;""]|[^\sA-Za-z_{},;""][^\s{},;""]*", RegexOptions.Compiled);
    private static readonly Regex DependencyType = new Regex(@"^(fs|ss|ff|sf)([+-].*)?$", RegexOptions.Compiled);

    private static readonly HashSet<string> Declarations = new HashSet<string>(StringComparer.Ordinal)
    {
        "program", "calendar", "role", "skill", "person", "team", "resource", "stakeholder", "metric", "workstream", "task", "milestone", "risk", "decision",
    };

    private static readonly HashSet<string> Referencing = new HashSet<string>(StringComparer.Ordinal)
    {
        "after", "assign", "owner", "lead", "members", "uses", "gate", "affects", "contact",
    };

    /// <summary>Blanks comments and the insides of strings (a string becomes '"' and spaces), keeping every offset.</summary>
    public static string Strip(string text)
    {
        var chars = text.ToCharArray();
        int i = 0;
        while (i < chars.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n') chars[i++] = ' ';
            }
            else if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? text.Length : end + 2;
                for (; i < end; i++) chars[i] = text[i] == '\n' ? '\n' : ' ';
            }
            else if (text[i] == '"')
            {
                int j = i + 1;
                while (j < text.Length && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? 2 : 1;
                for (int k = i + 1; k <= Math.Min(j, text.Length - 1); k++) chars[k] = ' ';
                i = j + 1;
            }
            else
            {
                i++;
            }
        }

        return new string(chars);
    }

    public static IEnumerable<(string Id, int Start, int Length)> QualifiedUses(string text, ISet<string> ids)
    {
        var stripped = Strip(text);
        var frames = new Stack<(string? Keyword, string? Name)>();
        (string Keyword, string? Name)? header = null;
        string? listKeyword = null;
        bool expectReference = false, inItem = false;
        var tokens = Token.Matches(stripped).Cast<Match>().ToList();
        for (int t = 0; t < tokens.Count; t++)
        {
            var token = tokens[t];
            var word = token.Value;
            bool identifier = char.IsLetter(word[0]) || word[0] == '_';
            if (listKeyword != null)
            {
                if (expectReference && identifier)
                {
                    if (listKeyword == "assign" && word == "role") continue;
                    int at = token.Index;
                    var segments = word.Split('.');
                    var first = Qualify(segments[0], listKeyword == "after" ? Scope(frames) : new List<string>(), ids);
                    if (first != null)
                    {
                        var id = first;
                        for (int i = 0; i < segments.Length; i++)
                        {
                            if (i > 0) id += "." + segments[i];
                            if (ids.Contains(id)) yield return (id, at, segments[i].Length);
                            at += segments[i].Length + 1;
                        }
                    }

                    expectReference = false;
                    inItem = true;
                    continue;
                }

                if (inItem && word == ",")
                {
                    expectReference = true;
                    continue;
                }

                if (inItem && (!identifier || DependencyType.IsMatch(word)) && word != "{" && word != "}" && word != ";") continue;
                listKeyword = null;
            }

            switch (word)
            {
                case "{":
                    frames.Push(header is var (k, n) ? (k, n) : (null, null));
                    header = null;
                    continue;
                case "}":
                    if (frames.Count > 0) frames.Pop();
                    header = null;
                    continue;
            }

            if (!identifier) continue;
            var block = frames.Count > 0 ? frames.Peek().Keyword : null;
            if (Referencing.Contains(word) || (word == "role" && block == "person") || (word == "calendar" && (block == "person" || block == "resource")))
            {
                listKeyword = word;
                expectReference = true;
                inItem = false;
                header = null;
            }
            else if (Declarations.Contains(word) && t + 1 < tokens.Count)
            {
                header = (word, tokens[t + 1].Value);
                t++;
            }
        }
    }

    /// <summary>The workstreams around an 'after' that its lookup starts from, innermost first (a workstream's own 'after' starts outside it).</summary>
    private static List<string> Scope(Stack<(string? Keyword, string? Name)> frames)
    {
        var outerFirst = frames.Reverse().ToList();
        var path = new List<string>();
        var scopes = new List<string>();
        for (int i = 0; i < outerFirst.Count; i++)
        {
            if (outerFirst[i].Keyword != "workstream") continue;
            path.Add(outerFirst[i].Name!);
            if (i < outerFirst.Count - 1) scopes.Add(string.Join(".", path));
        }

        scopes.Reverse();
        return scopes;
    }

    private static string? Qualify(string name, List<string> scopes, ISet<string> ids)
    {
        foreach (var scope in scopes)
        {
            if (ids.Contains(scope + "." + name)) return scope + "." + name;
        }

        if (ids.Contains(name)) return name;
        var nested = ids.Where(id => id.EndsWith("." + name, StringComparison.Ordinal)).ToList();
        return nested.Count == 1 ? nested[0] : null;
    }
}
