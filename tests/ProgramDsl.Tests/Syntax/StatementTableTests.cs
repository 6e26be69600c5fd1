using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ProgramDsl.Diagnostics;
using ProgramDsl.Syntax;
using ProgramDsl.Tests.Robustness;
using static ProgramDsl.Tests.Syntax.SyntaxTestKit;

namespace ProgramDsl.Tests.Syntax;

/// <summary>
/// The statement table (<see cref="Statements"/>) against what the parser and the binder actually do: each entry is
/// written out as a statement and compiled, so a table that disagrees with the language fails here.
/// </summary>
public class StatementTableTests
{
    private static readonly BlockContext[] Contexts = (BlockContext[])Enum.GetValues(typeof(BlockContext));

    /// <summary>Definitions every statement's references can name, one of each kind, plus a stakeholder no statement refers to.</summary>
    private static readonly string[] Fixture =
    {
        "calendar cal", "role r", "skill python", "person ana { role r }", "team tm", "resource gpu { capacity 4 }", "metric m",
        "stakeholder sh", "task target { duration 1d }",
    };

    private static string SampleReference(DeclarationKind kind) => kind switch
    {
        DeclarationKind.Calendar => "cal",
        DeclarationKind.Role => "r",
        DeclarationKind.Person => "ana",
        DeclarationKind.Team => "tm",
        DeclarationKind.Resource => "gpu",
        DeclarationKind.Metric => "m",
        _ => "target",
    };

    /// <summary>A valid value of the statement's shape, naming definitions of the <see cref="Fixture"/>.</summary>
    private static string Sample(StatementInfo s)
    {
        var reference = s.ExpectedKinds.Count > 0 ? SampleReference(s.ExpectedKinds[0]) : "x";
        return s.ValueShape switch
        {
            ValueShape.Date => "2027-01-05",
            ValueShape.Text => "\"x\"",
            ValueShape.Number => s.Range is null ? "5" : Plain(Math.Max(s.Range.Minimum + (s.Range.MinimumIncluded ? 0 : 1), Math.Min(5, s.Range.Maximum ?? 5))),
            ValueShape.SignedNumber => "-1",
            ValueShape.Word => "EUR",
            ValueShape.Choice => s.AllowedWords[0],
            ValueShape.ChoiceList => s.AllowedWords[0],
            ValueShape.PercentOrChoice => "30%",
            ValueShape.NameList => "python",
            ValueShape.Reference => reference,
            ValueShape.ReferenceList => reference,
            ValueShape.Duration => "5d",
            ValueShape.Estimate => "1d 2d 3d",
            ValueShape.Percent => "50%",
            ValueShape.Rate => "100/d",
            ValueShape.Weekdays => "mon..fri",
            ValueShape.DatedLabel => "2027-01-05 \"x\"",
            ValueShape.Comparison => ">= 1",
            ValueShape.Dependencies => reference + " ss",
            ValueShape.Assignments => reference + " 50%",
            ValueShape.SkillList => s.ItemWords[0] + " python",
            ValueShape.ResourceUses => reference + " 2",
            ValueShape.IncludePath => "\"fragment.tpm\"",
            ValueShape.Declaration => "x",
            ValueShape.ProgramEntry => "\"p/program.tpm\"",
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.ValueShape, null),
        };
    }

    private static string Plain(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The text of a statement inside a block of <paramref name="context"/> (at the top of a fragment for File).</summary>
    private static string In(BlockContext context, string statement)
    {
        if (context == BlockContext.File) return statement;
        if (context == BlockContext.Program) return Lines("program p {", statement, "}");
        if (context == BlockContext.Portfolio) return Lines("portfolio f {", statement, "}");
        if (context == BlockContext.PortfolioProgram) return Lines("portfolio f {", "program \"p.tpm\" {", statement, "}", "}");
        var keyword = SyntaxFacts.KeywordOf((DeclarationKind)Enum.Parse(typeof(DeclarationKind), context.ToString()));
        return Lines("program p {", keyword + " x {", statement, "}", "}");
    }

    private static IEnumerable<(BlockContext Context, StatementInfo Statement)> Entries() =>
        Contexts.SelectMany(c => Statements.In(c).Select(s => (c, s)));

    [Fact]
    public void Every_keyword_the_parser_accepts_in_a_block_is_in_the_table_there_and_no_other()
    {
        // Every keyword of any block, the words of other tools, and a word of none: each tried in every block.
        var words = Statements.All.Select(s => s.Keyword).Concat(new[] { "depends", "allocate", "work", "length", "zzz", "start" }).Distinct().ToList();
        var disagreements = new List<string>();
        foreach (var context in Contexts)
        {
            foreach (var word in words)
            {
                var info = Statements.Lookup(word, context);
                var sample = info ?? Statements.All.FirstOrDefault(s => s.Keyword == word);
                var text = In(context, word + " " + (sample is null ? "x" : Sample(sample)));
                var tree = Parse(text);
                bool accepted = !tree.Diagnostics.Any(d => d.Message.StartsWith("unexpected '" + word + "'", StringComparison.Ordinal));
                if (accepted != (info != null)) disagreements.Add(context + " " + word + ": parser " + (accepted ? "accepts" : "rejects") + ", table " + (info != null ? "lists" : "does not list"));
                if (info != null)
                {
                    // The sample of the table's shape parses cleanly, as the statement the keyword names.
                    tree.Diagnostics.Select(d => d.ToString()).Should().BeEmpty(context + " " + word);
                }
            }
        }

        disagreements.Should().BeEmpty();
    }

    [Fact]
    public void The_keyword_list_of_each_block_is_the_tables()
    {
        foreach (var context in Contexts)
        {
            SyntaxFacts.KeywordsIn(context).Should().BeEquivalentTo(Statements.In(context).Select(s => s.Keyword), context.ToString());
        }
    }

    [Fact]
    public void Each_keyword_means_one_statement_per_block_and_every_entry_is_documented()
    {
        foreach (var context in Contexts)
        {
            Statements.In(context).GroupBy(s => s.Keyword).Where(g => g.Count() > 1).Select(g => context + " " + g.Key).Should().BeEmpty();
        }

        Statements.All.Where(s => string.IsNullOrWhiteSpace(s.Doc)).Should().BeEmpty();
        Statements.All.Where(s => s.AllowedIn.Count == 0).Should().BeEmpty();
        Statements.All.Where(s => (s.ValueShape is ValueShape.Choice or ValueShape.ChoiceList or ValueShape.PercentOrChoice) != (s.AllowedWords.Count > 0)).Should().BeEmpty();
        Statements.All.Where(s => (s.ValueShape is ValueShape.Reference or ValueShape.ReferenceList or ValueShape.Dependencies or ValueShape.Assignments or ValueShape.ResourceUses) != (s.ExpectedKinds.Count > 0))
            .Should().BeEmpty();
        foreach (var s in Statements.All.Where(s => s.Declares != null)) s.Keyword.Should().Be(SyntaxFacts.KeywordOf(s.Declares!.Value));
    }

    [Fact]
    public void Every_declaration_kind_has_the_symbol_kind_of_the_same_name()
    {
        // A portfolio is no symbol of a program (docs/portfolios.md); its name is shown like a program's.
        foreach (DeclarationKind kind in Enum.GetValues(typeof(DeclarationKind)).Cast<DeclarationKind>().Where(k => k != DeclarationKind.Portfolio))
        {
            ProgramDsl.Semantics.StatementKinds.Of(kind).ToString().Should().Be(kind.ToString());
        }

        ProgramDsl.Semantics.StatementKinds.Expected("owner", BlockContext.Risk).Should().Equal(ProgramDsl.Semantics.SymbolKind.Person, ProgramDsl.Semantics.SymbolKind.Team);
        ProgramDsl.Semantics.StatementKinds.Expected("note", BlockContext.Risk).Should().BeEmpty();
        ProgramDsl.Semantics.StatementKinds.Expected("gate", BlockContext.Task).Should().BeEmpty("'gate' is not a statement of a task");
    }

    [Fact]
    public void The_keyword_constants_are_the_tables_keywords()
    {
        var constants = typeof(Keywords).GetFields().Select(f => (string)f.GetRawConstantValue()!).ToList();
        constants.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(Statements.All.Select(s => s.Keyword).Distinct());
    }

    [Fact]
    public void The_language_reference_names_every_statement_and_every_allowed_word()
    {
        var doc = File.ReadAllText(System.IO.Path.Combine(RepoFiles.Root, "docs", "language.md"));
        int from = doc.IndexOf("## 3. Statements", StringComparison.Ordinal);
        int to = doc.IndexOf("## 4.", from, StringComparison.Ordinal);
        var statements = doc.Substring(from, to - from);
        var missing = Statements.All.Select(s => s.Keyword).Distinct()
            .Where(k => !Regex.IsMatch(statements, @"(?<![\w-])" + Regex.Escape(k) + @"(?![\w-])"))
            .ToList();
        missing.Should().BeEmpty("docs/language.md §3 lists every statement");
        var words = Statements.All.SelectMany(s => s.AllowedWords).Distinct().Where(w => !Regex.IsMatch(statements, @"(?<![\w-])" + Regex.Escape(w) + @"(?![\w-])")).ToList();
        words.Should().BeEmpty("docs/language.md §3 lists every allowed word");
    }

    private static TpmProgram Bind(BlockContext context, params string[] statements)
    {
        var lines = new List<string> { "program p {", "start 2027-01-04" };
        lines.AddRange(Fixture);
        if (context == BlockContext.Program)
        {
            lines.AddRange(statements);
        }
        else
        {
            var keyword = SyntaxFacts.KeywordOf((DeclarationKind)Enum.Parse(typeof(DeclarationKind), context.ToString()));
            lines.Add(keyword + " x {");
            // A task needs work to be quiet, unless the statement under test is its work.
            if (context == BlockContext.Task && !statements.Any(s => s.StartsWith("effort", StringComparison.Ordinal) || s.StartsWith("duration", StringComparison.Ordinal))) lines.Add("duration 1d");
            lines.AddRange(statements);
            lines.Add("}");
        }

        lines.Add("}");
        return TpmProgram.Parse(Lines(lines.ToArray()), "table.tpm", new TpmCompileOptions { Schedule = false });
    }

    // The settings of a program's blocks; a portfolio's are bound by the portfolio (tests/ProgramDsl.Tests/Portfolios).
    private static IEnumerable<(BlockContext Context, StatementInfo Statement)> Settings() =>
        Entries().Where(e => e.Context != BlockContext.File && e.Context != BlockContext.Portfolio && e.Context != BlockContext.PortfolioProgram &&
            e.Statement.ValueShape != ValueShape.Declaration && e.Statement.ValueShape != ValueShape.IncludePath);

    [Fact]
    public void A_statement_twice_is_a_conflict_exactly_when_the_table_says_it_does_not_repeat()
    {
        foreach (var (context, s) in Settings())
        {
            var statement = s.Keyword + " " + Sample(s);
            var program = Bind(context, statement, statement);
            bool conflict = program.Diagnostics.Any(d => d.Code == DiagnosticCatalog.ConflictingSetting.Code && d.Message.Contains("'" + s.Keyword + "' is set more than once"));
            conflict.Should().Be(!s.Repeats, context + " " + s.Keyword + ": " + string.Join("; ", program.Diagnostics));
        }
    }

    [Fact]
    public void Every_sample_statement_binds_without_a_complaint_about_its_value()
    {
        var codes = new[] { DiagnosticCatalog.InvalidValue.Code, DiagnosticCatalog.UnknownReference.Code, DiagnosticCatalog.WrongKind.Code, DiagnosticCatalog.SyntaxError.Code };
        foreach (var (context, s) in Settings())
        {
            var program = Bind(context, s.Keyword + " " + Sample(s));
            program.Diagnostics.Where(d => codes.Contains(d.Code)).Select(d => d.ToString()).Should().BeEmpty(context + " " + s.Keyword);
        }
    }

    [Fact]
    public void The_binder_accepts_exactly_the_allowed_words()
    {
        foreach (var (context, s) in Settings().Where(e => e.Statement.AllowedWords.Count > 0))
        {
            foreach (var word in s.AllowedWords)
            {
                Bind(context, s.Keyword + " " + word).Diagnostics.Where(d => d.Code == DiagnosticCatalog.InvalidValue.Code).Should().BeEmpty(context + " " + s.Keyword + " " + word);
            }

            var wrong = Bind(context, s.Keyword + " zzzqqq").Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCatalog.InvalidValue.Code, context + " " + s.Keyword).Which;
            wrong.Message.Should().EndWith("; use " + string.Join(", ", s.AllowedWords));
        }
    }

    [Fact]
    public void A_reference_to_another_kind_is_a_wrong_kind_naming_the_expected_ones()
    {
        foreach (var (context, s) in Settings().Where(e => e.Statement.ExpectedKinds.Count > 0))
        {
            // 'sh' is a stakeholder, which no statement refers to.
            var value = Sample(s).Replace(SampleReference(s.ExpectedKinds[0]), "sh");
            var program = Bind(context, s.Keyword + " " + value);
            var expected = s.ValueShape == ValueShape.Assignments ? new[] { s.ExpectedKinds[0] } : s.ExpectedKinds.ToArray();
            var words = expected.Select(k => SyntaxFacts.KeywordOf(k)).ToList();
            program.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCatalog.WrongKind.Code, context + " " + s.Keyword)
                .Which.Message.Should().ContainAll(words);
        }
    }

    [Fact]
    public void A_value_outside_its_range_is_reported_with_the_ranges_rule()
    {
        foreach (var (context, s) in Settings().Where(e => e.Statement.Range != null && e.Statement.Range != ValueRanges.NonNegative))
        {
            var range = s.Range!;
            var outside = range.Maximum is decimal max && max < 1_000_000 ? Plain(max + 1) : Plain(range.Minimum - 1);
            var value = s.ValueShape switch
            {
                ValueShape.Percent or ValueShape.PercentOrChoice => outside + "%",
                ValueShape.Assignments => SampleReference(s.ExpectedKinds[0]) + " " + outside + "%",
                ValueShape.ResourceUses => SampleReference(s.ExpectedKinds[0]) + " " + outside,
                _ => outside,
            };
            var program = Bind(context, s.Keyword + " " + value);
            program.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCatalog.InvalidValue.Code, context + " " + s.Keyword + " " + value)
                .Which.Message.Should().StartWith(range.Rule + ", not ");
        }
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.5, true)]
    [InlineData(100.0, true)]
    [InlineData(100.5, false)]
    [InlineData(double.NaN, false)]
    [InlineData(double.PositiveInfinity, false)]
    public void A_range_judges_decimals_and_doubles_alike(double value, bool inside)
    {
        ValueRanges.Capacity.Contains(value).Should().Be(inside);
        if (!double.IsNaN(value) && !double.IsInfinity(value)) ValueRanges.Capacity.Contains((decimal)value).Should().Be(inside);
        ValueRanges.Priority.Contains(500.5).Should().BeFalse();
        ValueRanges.NonNegative.Contains(1e300).Should().BeTrue("a range without a maximum has no upper bound, even past decimal");
        ValueRanges.NonNegative.Contains(-0.001).Should().BeFalse();
        ValueRanges.Priority.Contains(500m).Should().BeTrue();
    }
}
