using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Tests.Robustness;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Positions: the symbol at every character, the node at every offset, and completion contexts on half-typed text.</summary>
public class SemanticPositionTests
{
    // ------------------------------------------------------------------ symbol at position

    [Fact]
    public void Symbol_at_every_character_of_the_hand_annotated_file()
    {
        var path = "tests/ProgramDsl.Tests/Semantics/TestData/annotated.tpm";
        var text = File.ReadAllText(Path.Combine(RepoFiles.Root, path)).Replace("\r\n", "\n");
        var expected = Annotations(text);
        expected.Count(e => e != null).Should().BeGreaterThan(100);

        var program = TpmProgram.Parse(text, path, new TpmCompileOptions { Schedule = false });
        program.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo(new[] { "TPM1001", "TPM1005" }, "the two mistakes the file makes on purpose");
        var model = program.SemanticModel;
        var tree = program.SyntaxTrees[0];
        var actual = Enumerable.Range(0, text.Length).Select(i => model.SymbolAt(tree, i)?.Symbol.Id).ToArray();
        var wrong = Enumerable.Range(0, text.Length).Where(i => actual[i] != expected[i])
            .Select(i => tree.Source.GetLinePosition(i) + " expected " + (expected[i] ?? "none") + ", got " + (actual[i] ?? "none")).Take(10).ToList();
        wrong.Should().BeEmpty();

        // By path too, and each hit's span is the whole name under the position.
        model.SymbolAt("./" + path, text.IndexOf("data.clean", StringComparison.Ordinal) + 6)!.Symbol.Id.Should().Be("data.clean");
        for (int i = 0; i < text.Length; i++)
        {
            if (model.SymbolAt(tree, i) is SymbolReference hit)
            {
                hit.Span.Start.Should().BeLessThanOrEqualTo(i);
                hit.Span.End.Should().BeGreaterThan(i);
                hit.Location.Text.Should().Be(hit.Symbol.Name);
                (hit.IsDeclaration ? model.GetDeclaration(hit.Symbol)!.NameSpan : hit.Span).Should().Be(hit.Span);
            }
        }
    }

    /// <summary>The symbol id the annotation gives each offset: letters on '//@' lines under code characters, keyed by the '//=' legend.</summary>
    private static string?[] Annotations(string text)
    {
        var lines = text.Split('\n');
        var legend = lines.Where(l => l.StartsWith("//= ", StringComparison.Ordinal)).Select(l => l.Substring(4).Split(' ')).ToDictionary(p => p[0][0], p => p[1]);
        var result = new string?[text.Length];
        int lineStart = 0;
        var starts = new int[lines.Length];
        for (int i = 0; i < lines.Length; i++)
        {
            starts[i] = lineStart;
            lineStart += lines[i].Length + 1;
        }

        for (int i = 1; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("//@", StringComparison.Ordinal)) continue;
            for (int c = 3; c < lines[i].Length; c++)
            {
                if (lines[i][c] != ' ') result[starts[i - 1] + c] = legend[lines[i][c]];
            }
        }

        return result;
    }

    // ------------------------------------------------------------------ nodes

    [Theory]
    [MemberData(nameof(ExamplePrograms.Names), MemberType = typeof(ExamplePrograms))]
    public void Find_node_at_every_offset_is_the_innermost_node_containing_it(string path)
    {
        // Checked with plain code and reported once: an assertion per offset would be slow on the larger examples.
        var wrong = new List<string>();
        int offsets = 0;
        foreach (var tree in ExamplePrograms.Named(path).SyntaxTrees)
        {
            for (int offset = 0; offset < tree.Source.Length; offset++, offsets++)
            {
                var chain = tree.FindPath(offset);
                var node = tree.FindNode(offset);
                var at = tree.GetLocation(new ProgramDsl.Text.TextSpan(offset, 0)) + " ";
                if (!ReferenceEquals(chain[0], tree.Root)) wrong.Add(at + "the path does not start at the root");
                for (int i = 1; i < chain.Count; i++)
                {
                    if (!chain[i].Contains(offset)) wrong.Add(at + chain[i].GetType().Name + " does not contain the offset");
                    if (!chain[i - 1].ChildNodes().Contains(chain[i])) wrong.Add(at + chain[i].GetType().Name + " is not a child of the node before it");
                }

                if (!ReferenceEquals(node, chain[chain.Count - 1])) wrong.Add(at + "FindNode is not the end of FindPath");
                if (node.ChildNodes().Any(c => c.Contains(offset))) wrong.Add(at + node.GetType().Name + " has a child containing the offset");
            }
        }

        offsets.Should().BePositive();
        wrong.Take(10).Should().BeEmpty();
    }

    [Fact]
    public void Find_node_reaches_reference_segments_keywords_and_values()
    {
        var text = "program p {\n  start 2027-01-04\n  workstream data { task eda { effort 2d } }\n  task t { effort 1d  after data.eda ss+2d }\n}\n";
        var tree = Parser.Parse(new ProgramDsl.Text.SourceText("p.tpm", text));
        int at = text.IndexOf("data.eda", StringComparison.Ordinal);
        tree.FindNode(at).Should().BeOfType<IdentifierSyntax>().Which.Text.Should().Be("data");
        tree.FindNode(at + 4).Should().BeOfType<ReferenceSyntax>("the dot belongs to the reference, not a segment");
        tree.FindNode(at + 6).Should().BeOfType<IdentifierSyntax>().Which.Text.Should().Be("eda");
        tree.FindNode(text.IndexOf("ss+2d", StringComparison.Ordinal)).Should().BeOfType<IdentifierSyntax>().Which.Text.Should().Be("ss");
        tree.FindNode(text.IndexOf("2d }", StringComparison.Ordinal)).Should().BeOfType<DurationValueSyntax>();
        tree.FindNode(text.IndexOf("after", StringComparison.Ordinal) + 2).Should().BeOfType<IdentifierSyntax>().Which.Text.Should().Be("after");
        var path = tree.FindPath(at);
        path.Select(n => n.GetType().Name).Should().Equal("CompilationUnitSyntax", "DeclarationSyntax", "DeclarationSyntax", "PropertySyntax", "DependencyItemSyntax", "ReferenceSyntax", "IdentifierSyntax");
        tree.FindNode(text.Length).Should().BeSameAs(tree.Root);
    }

    [Fact]
    public void Nodes_made_on_demand_are_made_once()
    {
        var text = "program p {\n  start 2027-01-04\n  person ana { skills python }\n  task a { effort 1d }\n  task t { effort 1d  assign ana  after a ss+1d  requires skill python }\n}\n";
        var tree = Parser.Parse(new ProgramDsl.Text.SourceText("p.tpm", text));
        var nodes = ExamplePrograms.Nodes(tree).ToList();
        var statements = nodes.OfType<StatementSyntax>().ToList();
        statements.Should().HaveCountGreaterThan(5);
        foreach (var statement in statements)
        {
            statement.Keyword.Should().BeSameAs(statement.Keyword);
            statement.Keyword.Text.Should().Be(statement.KeywordText);
            statement.Keyword.Span.Should().Be(statement.KeywordSpan);
        }

        var references = nodes.OfType<ReferenceSyntax>().ToList();
        references.Should().HaveCount(2);
        foreach (var reference in references)
        {
            reference.Segments.Should().BeSameAs(reference.Segments);
            reference.Segments[0].Should().BeSameAs(reference.Segments[0]);
        }

        var dependency = nodes.OfType<DependencyItemSyntax>().Single();
        dependency.Type.Should().NotBeNull().And.BeSameAs(dependency.Type);
        dependency.TypeText.Should().Be("ss");
        var name = nodes.OfType<NameValueSyntax>().First();
        name.Name.Should().BeSameAs(name.Name);

        // Made on several threads at once, still one node.
        var fresh = Parser.Parse(new ProgramDsl.Text.SourceText("p.tpm", text));
        var property = ExamplePrograms.Nodes(fresh).OfType<PropertySyntax>().Last();
        var made = new IdentifierSyntax[8];
        System.Threading.Tasks.Parallel.For(0, made.Length, i => made[i] = property.Keyword);
        made.Should().OnlyContain(k => ReferenceEquals(k, made[0]));
    }

    // ------------------------------------------------------------------ completion contexts

    private const string Head = "program p {\n  start 2027-01-04\n  person ana\n  team core { members ana }\n  role mle\n  metric auc { owner ana }\n";

    private static PositionContext ContextAtEnd(string text) => ContextAt(text, text.Length);

    private static PositionContext ContextAt(string text, int offset)
    {
        var program = TpmProgram.Parse(text, "p.tpm", new TpmCompileOptions { Schedule = false });
        return program.SemanticModel.ContextAt(program.SyntaxTrees[0], offset);
    }

    /// <summary>The context at the '|' of <paramref name="marked"/>, with the marker removed.</summary>
    private static PositionContext At(string marked)
    {
        int at = marked.IndexOf('|');
        return ContextAt(marked.Remove(at, 1), at);
    }

    [Fact]
    public void In_a_portfolio_its_statements_are_expected_and_in_a_program_entrys_block_its_settings()
    {
        var block = At("portfolio org {\n  |\n  program \"a/program.tpm\" { priority 800 }\n}\n");
        block.Kind.Should().Be(PositionKind.StatementKeyword);
        block.Block.Should().Be(BlockContext.Portfolio);
        block.Keywords.Should().Contain(new[] { "program", "leveling", "include", "person", "resource" }).And.NotContain("task");

        var entry = At("portfolio org {\n  program \"a/program.tpm\" {\n    |\n  }\n  program \"b/program.tpm\"\n}\n");
        entry.Kind.Should().Be(PositionKind.StatementKeyword);
        entry.Block.Should().Be(BlockContext.PortfolioProgram);
        entry.Keywords.Should().Contain("priority").And.NotContain("program");

        var typed = At("portfolio org {\n  program \"a/program.tpm\" { prio| }\n}\n");
        typed.Block.Should().Be(BlockContext.PortfolioProgram);
        typed.Keywords.Should().Contain("priority");
        typed.ReplacementSpan.Length.Should().Be(4, "the word being typed is replaced");
    }

    [Fact]
    public void After_assign_at_the_end_of_half_typed_text_a_person_is_expected()
    {
        var context = ContextAtEnd(Head + "  workstream w {\n    task t {\n      effort 2d\n      assign ");
        context.Kind.Should().Be(PositionKind.Value);
        context.StatementKeyword.Should().Be("assign");
        context.Block.Should().Be(BlockContext.Task);
        context.EnclosingKinds.Should().Equal(DeclarationKind.Program, DeclarationKind.Workstream, DeclarationKind.Task);
        context.ExpectsReference.Should().BeTrue();
        context.ExpectedKinds.Should().Equal(SymbolKind.Person);
        context.ExpectedWords.Should().Equal("role");
        context.ContainingSymbol!.Id.Should().Be("w.t", "the parser closes the blocks left open at the end, and they are bound");
    }

    [Fact]
    public void Assign_at_the_end_of_a_line_before_more_statements_with_syntax_errors()
    {
        var context = At(Head + "  task t {\n    effort 2d\n    assign |\n    after\n  }\n  task u { effort 1d }\n}\n");
        context.Kind.Should().Be(PositionKind.Value);
        context.ExpectedKinds.Should().Equal(SymbolKind.Person);
        context.ContainingSymbol!.Id.Should().Be("t");
        context.ReplacementSpan.Length.Should().Be(0);

        var typing = At(Head + "  task t {\n    assign an|\n  }\n}\n");
        typing.ExpectedKinds.Should().Equal(SymbolKind.Person);
        typing.ReplacementSpan.Length.Should().Be(2);

        var roles = At(Head + "  task t {\n    assign ana 50%, role |\n  }\n}\n");
        roles.ExpectedKinds.Should().Equal(SymbolKind.Role);
        roles.ExpectedWords.Should().BeEmpty();

        var secondItem = At(Head + "  task t { effort 1d  assign ana 50%, |  }\n}\n");
        secondItem.ExpectedKinds.Should().Equal(SymbolKind.Person);
        var afterShare = At(Head + "  task t { effort 1d  assign ana 50% | }\n}\n");
        afterShare.Kind.Should().Be(PositionKind.StatementKeyword, "the assignment is complete: the next statement may follow on the line");
        afterShare.ExpectsReference.Should().BeFalse();
        var inShare = At(Head + "  task t { effort 1d  assign ana 5|0% }\n}\n");
        inShare.Kind.Should().Be(PositionKind.Value);
        inShare.ExpectsReference.Should().BeFalse();
    }

    [Theory]
    [InlineData("  task t {\n    after |\n  }\n}\n", "after", new[] { SymbolKind.Task, SymbolKind.Milestone, SymbolKind.Workstream })]
    [InlineData("  milestone m { gate |\n}\n", "gate", new[] { SymbolKind.Metric })]
    [InlineData("  workstream w { owner | }\n}\n", "owner", new[] { SymbolKind.Person, SymbolKind.Team })]
    [InlineData("  metric m2 { owner |\n", "owner", new[] { SymbolKind.Person })]
    [InlineData("  person bo { role |\n", "role", new[] { SymbolKind.Role })]
    [InlineData("  person bo { calendar |\n", "calendar", new[] { SymbolKind.Calendar })]
    [InlineData("  team t2 { lead |\n", "lead", new[] { SymbolKind.Person })]
    [InlineData("  team t2 { members ana, |\n", "members", new[] { SymbolKind.Person })]
    [InlineData("  task t { uses |\n", "uses", new[] { SymbolKind.Resource })]
    [InlineData("  risk r { affects |\n", "affects", new[] { SymbolKind.Task, SymbolKind.Milestone, SymbolKind.Workstream })]
    [InlineData("  stakeholder s { contact |\n", "contact", new[] { SymbolKind.Person })]
    [InlineData("  task t { requires skill |\n", "requires", new[] { SymbolKind.Skill })]
    [InlineData("  task t { after a fs+2d, w.| }\n}\n", "after", new[] { SymbolKind.Task, SymbolKind.Milestone, SymbolKind.Workstream })]
    public void Each_referencing_statement_expects_its_kinds(string tail, string keyword, SymbolKind[] kinds)
    {
        var context = At(Head + tail);
        context.Kind.Should().Be(PositionKind.Value, context.ToString());
        context.StatementKeyword.Should().Be(keyword);
        context.ExpectsReference.Should().BeTrue();
        context.ExpectedKinds.Should().Equal(kinds);
    }

    [Fact]
    public void A_dotted_reference_being_typed_has_its_qualifier()
    {
        var context = At(Head + "  workstream data { task eda { effort 1d } }\n  task t { effort 1d  after data.e| }\n}\n");
        context.Qualifier.Should().Be("data");
        context.ExpectsReference.Should().BeTrue();
        context.ReplacementSpan.Length.Should().Be(1);
        var empty = At(Head + "  task t { effort 1d  after data.|\n");
        empty.Qualifier.Should().Be("data");
        empty.ReplacementSpan.Length.Should().Be(0);
    }

    [Fact]
    public void Where_a_statement_starts_the_blocks_keywords_are_offered()
    {
        var inTask = At(Head + "  task t {\n    effort 1d\n    |\n  }\n}\n");
        inTask.Kind.Should().Be(PositionKind.StatementKeyword);
        inTask.Block.Should().Be(BlockContext.Task);
        inTask.Keywords.Should().Contain(new[] { "assign", "after", "effort", "owner" }).And.NotContain("task").And.BeInAscendingOrder(StringComparer.Ordinal);
        inTask.Keywords.Should().Equal(SyntaxFacts.KeywordsIn(BlockContext.Task));

        var typingKeyword = At(Head + "  task t {\n    effort 1d\n    ass|\n  }\n}\n");
        typingKeyword.Kind.Should().Be(PositionKind.StatementKeyword);
        typingKeyword.ReplacementSpan.Length.Should().Be(3);

        var nextLine = At(Head + "  task t {\n    assign ana\n    eff|\n  }\n}\n");
        nextLine.Kind.Should().Be(PositionKind.StatementKeyword, "a word on a new line after a complete statement starts the next one");

        var inProgram = At(Head + "  |\n}\n");
        inProgram.Block.Should().Be(BlockContext.Program);
        inProgram.Keywords.Should().Contain(new[] { "task", "workstream", "include", "deadline" });

        var sameLine = At(Head + "  task t { effort 1d  | }\n}\n");
        sameLine.Kind.Should().Be(PositionKind.StatementKeyword);
        At("|").Block.Should().Be(BlockContext.File);
        At("|").Keywords.Should().Contain("program");
        At(Head + "  workstream w {\n    |").Keywords.Should().Contain(new[] { "task", "milestone", "after", "owner" });
    }

    [Fact]
    public void Names_comments_strings_and_values_are_not_completed_as_references()
    {
        At(Head + "  task |").Kind.Should().Be(PositionKind.DeclarationName);
        At(Head + "  task t|x {\n").Kind.Should().Be(PositionKind.DeclarationName);
        At(Head + "  task t { // after |\n").Kind.Should().Be(PositionKind.Comment);
        At(Head + "  task t { /* after | */ }\n}\n").Kind.Should().Be(PositionKind.Comment);
        At(Head + "  task t { note \"after | x\" }\n}\n").Kind.Should().Be(PositionKind.String);
        At(Head + "  task t { note \"after |").Kind.Should().Be(PositionKind.String);
        var effort = At(Head + "  task t { effort 1|d }\n}\n");
        effort.Kind.Should().Be(PositionKind.Value);
        effort.ExpectsReference.Should().BeFalse();
        var phase = At(Head + "  task t { phase |\n");
        phase.StatementKeyword.Should().Be("phase");
        phase.ExpectsReference.Should().BeFalse();
        At(Head + "  task t { effort 1d }|\n}\n").Block.Should().Be(BlockContext.Program);
        var requires = At(Head + "  task t { requires |\n");
        requires.ExpectsReference.Should().BeFalse();
        requires.ExpectedWords.Should().Equal("skill");
    }

    [Fact]
    public void Contexts_at_every_offset_of_the_examples_are_computed_without_failing()
    {
        foreach (var program in ExamplePrograms.Programs)
        {
            foreach (var tree in program.SyntaxTrees)
            {
                for (int offset = 0; offset <= tree.Source.Length; offset++)
                {
                    var context = program.SemanticModel.ContextAt(tree, offset);
                    context.Enclosing.All(d => d.BodyContains(offset)).Should().BeTrue();
                    if (context.ExpectsReference) context.ExpectedKinds.Should().NotBeEmpty();
                }
            }
        }
    }

    [Fact]
    public void At_every_reference_of_the_examples_the_context_expects_the_kind_it_names()
    {
        int checkedCount = 0;
        foreach (var program in ExamplePrograms.Clean)
        {
            foreach (var tree in program.SyntaxTrees)
            {
                foreach (var reference in ExamplePrograms.Nodes(tree).OfType<ReferenceSyntax>())
                {
                    var symbol = program.SemanticModel.GetSymbol(reference)!;
                    var context = program.SemanticModel.ContextAt(tree, reference.Span.End);
                    context.ExpectsReference.Should().BeTrue(tree.GetLocation(reference.Span).ToString());
                    context.ExpectedKinds.Should().Contain(symbol.Kind, tree.GetLocation(reference.Span).ToString());
                    checkedCount++;
                }
            }
        }

        checkedCount.Should().BeGreaterThan(100);
    }
}
