using System.Linq;
using CsCheck;
using ProgramDsl.Syntax;
using ProgramDsl.Syntax.Formatting;
using ProgramDsl.Text;
using ProgramDsl.Tests.Properties;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>
/// Generated portfolio files, re-written with random white space and comments between their tokens: <c>tpm fmt</c>
/// lays them out idempotently, keeping every token and comment, and the layout means the same portfolio.
/// </summary>
public class PortfolioFormatProperties
{
    private static readonly Gen<string> Portfolios = Gen.Select(
        Gen.Bool,
        Gen.Int[0, 2],
        Gen.Select(Gen.Int[0, 3], Gen.Int[1, 1000], Gen.Bool).Array[0, 6],
        Gen.Bool).Select((leveling, includes, entries, person) =>
    {
        var lines = new System.Collections.Generic.List<string> { "portfolio org \"Org\" {" };
        if (leveling) lines.Add("leveling off");
        for (int i = 0; i < includes; i++) lines.Add("include \"shared/f" + i + ".tpm\"");
        if (person) lines.Add("person ana \"Ana\" { capacity 80%  calendar emea }");
        for (int i = 0; i < entries.Length; i++)
        {
            var (shape, priority, note) = entries[i];
            var path = "\"p" + i + "/program.tpm\"";
            lines.Add(shape switch
            {
                0 => "program " + path,
                1 => "program " + path + " { priority " + priority + " }",
                2 => "program " + path + " { }",
                _ => "program " + path + " {\npriority " + priority + (note ? "\nnote \"why\"" : string.Empty) + "\n}",
            });
        }

        lines.Add("}");
        return string.Join("\n", lines) + "\n";
    });

    /// <summary>The portfolio's statements and entries, as the parser reads them.</summary>
    private static string Shape(string text)
    {
        var portfolio = Parser.Parse(new SourceText("portfolio.tpm", text)).Root.Portfolio!;
        return string.Join(";", portfolio.Body.Select(s => s.KeywordText + (s is ProgramEntrySyntax e ? " " + e.Path.Value + "{" + string.Join(",", e.Body.Select(b => b.KeywordText)) + "}" : string.Empty)));
    }

    [Fact]
    public void Portfolios_with_random_trivia_format_idempotently_keeping_tokens_and_comments()
    {
        Gen.Select(Portfolios, Gen.ULong).Sample((text, seed) =>
        {
            var messed = FormatterProperties.Mess(text, seed);
            var result = PlanFormatter.Format(messed, "portfolio.tpm");
            if (!result.Succeeded) return false;
            var formatted = result.Text!;
            return PlanFormatter.Format(formatted, "portfolio.tpm").Text == formatted
                && FormatterProperties.Tokens(formatted).SequenceEqual(FormatterProperties.Tokens(messed))
                && FormatterProperties.Comments(formatted).SequenceEqual(FormatterProperties.Comments(messed))
                && Shape(formatted) == Shape(text);
        }, iter: 200, print: x => x.Item1 + "\nseed " + x.Item2);
    }
}
