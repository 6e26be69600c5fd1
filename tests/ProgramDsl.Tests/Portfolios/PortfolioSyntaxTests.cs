using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.Syntax;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;
using static ProgramDsl.Tests.Portfolios.PortfolioKit;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>The <c>portfolio</c> block: its statements, positioned nodes, error recovery and canonical layout.</summary>
public class PortfolioSyntaxTests
{
    private static SyntaxTree Parse(string text) => Parser.Parse(new SourceText("portfolio.tpm", text));

    private static readonly string Sample = Lines(
        "portfolio ml-org \"ML organisation\" {",
        "  leveling on",
        "  include \"shared/people.tpm\"",
        "  person ana \"Ana\" { capacity 80% }",
        "  resource gpu { capacity 4 }",
        "  program \"ml-platform/program.tpm\" { priority 800 }",
        "  program \"search/program.tpm\"",
        "}");

    [Fact]
    public void A_portfolio_block_parses_into_a_declaration_with_its_statements_in_place()
    {
        var tree = Parse(Sample);
        tree.Diagnostics.Should().BeEmpty();
        var portfolio = tree.Root.Portfolio!;
        portfolio.Kind.Should().Be(DeclarationKind.Portfolio);
        portfolio.Name.Text.Should().Be("ml-org");
        portfolio.Title!.Value.Should().Be("ML organisation");
        portfolio.Body.Select(s => s.KeywordText).Should().Equal("leveling", "include", "person", "resource", "program", "program");

        var entry = (ProgramEntrySyntax)portfolio.Body[4];
        entry.Path.Value.Should().Be("ml-platform/program.tpm");
        Sample.Substring(entry.Path.Span.Start, entry.Path.Span.Length).Should().Be("\"ml-platform/program.tpm\"");
        entry.OpenBrace.Should().NotBeNull();
        entry.Body.Should().ContainSingle().Which.Should().BeOfType<PropertySyntax>().Which.KeywordText.Should().Be("priority");
        var plain = (ProgramEntrySyntax)portfolio.Body[5];
        plain.OpenBrace.Should().BeNull();
        plain.Body.Should().BeEmpty();

        // Nodes are found by position: the path of an entry, the priority's keyword.
        tree.FindNode(entry.Path.Span.Start + 3).Should().BeSameAs(entry.Path);
        tree.FindNode(entry.Body[0].KeywordSpan.Start).Should().BeOfType<IdentifierSyntax>().Which.Text.Should().Be("priority");
    }

    [Fact]
    public void Portfolio_text_is_told_by_its_first_statement()
    {
        TpmPortfolio.IsPortfolioText(Sample).Should().BeTrue();
        TpmPortfolio.IsPortfolioText("// org\n/* x */ portfolio p { }").Should().BeTrue();
        TpmPortfolio.IsPortfolioText("program p { start 2027-01-04 }").Should().BeFalse();
        TpmPortfolio.IsPortfolioText("person ana").Should().BeFalse();
        TpmPortfolio.IsPortfolioText("portfolios p { }").Should().BeFalse();
        TpmPortfolio.IsPortfolioText("").Should().BeFalse();
    }

    [Fact]
    public void Program_statements_are_not_portfolio_statements_and_errors_are_recovered_from()
    {
        var tree = Parse(Lines(
            "portfolio p {",
            "  start 2027-01-04",
            "  program \"a/program.tpm\" { priority 800  deadline 2027-05-01 }",
            "  program b",
            "  program \"c/program.tpm\"",
            "}"));
        tree.Diagnostics.Select(d => (d.Code, d.Location!.Value.Start.Line)).Should().Equal(("TPM0001", 2), ("TPM0001", 3), ("TPM0001", 4));
        tree.Diagnostics[0].Message.Should().StartWith("unexpected 'start' in portfolio 'p'");
        tree.Diagnostics[1].Message.Should().StartWith("unexpected 'deadline' in program 'a/program.tpm'");
        tree.Root.Portfolio!.Body.OfType<ProgramEntrySyntax>().Select(e => e.Path.Value).Should().Equal("a/program.tpm", "c/program.tpm");
    }

    [Fact]
    public void An_unclosed_entry_block_is_reported_at_its_brace()
    {
        var tree = Parse("portfolio p {\n  program \"a.tpm\" {\n");
        tree.Diagnostics.Select(d => d.Location!.Value.Start.Line).Should().Equal(2, 1);
        tree.Diagnostics[0].Message.Should().Contain("program 'a.tpm'");
    }

    [Fact]
    public void Formatting_lays_a_portfolio_out_canonically_and_keeps_comments()
    {
        var text = "portfolio org   \"Org\" {\n// shared people\ninclude \"people.tpm\"   // everyone\n  leveling off;program \"a/program.tpm\"{priority 800}\n" +
                   "program \"b/program.tpm\"    {\n priority 600\n // b is late\n }\n\n\n  program \"c/program.tpm\"\n}";
        var result = PlanFormatter.Format(text, "portfolio.tpm");
        result.Diagnostics.Should().BeEmpty();
        result.Text.Should().Be(Lines(
            "portfolio org \"Org\" {",
            "  // shared people",
            "  include \"people.tpm\" // everyone",
            "  leveling off",
            "  program \"a/program.tpm\" { priority 800 }",
            "  program \"b/program.tpm\" {",
            "    priority 600",
            "    // b is late",
            "  }",
            "",
            "  program \"c/program.tpm\"",
            "}"));
        PlanFormatter.Format(result.Text!, "portfolio.tpm").Changed.Should().BeFalse("formatting is idempotent");
    }
}
