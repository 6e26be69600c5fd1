using System.Linq;
using ProgramDsl.Portfolios;

namespace ProgramDsl.Tests.Portfolios;

/// <summary>Portfolios of small programs held in memory, as the tests write them.</summary>
internal static class PortfolioKit
{
    public static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    /// <summary>people.tpm: ana and ben, full time; a pool of 4 GPUs.</summary>
    public static readonly string People = Lines(
        "person ana \"Ana\"",
        "person ben \"Ben\"",
        "resource gpu \"GPU pool\" { capacity 4 }");

    /// <summary>A program including people.tpm, with one workstream <c>ws</c> of the given tasks.</summary>
    public static string Program(string id, params string[] tasks) => Lines(new[]
    {
        "program " + id + " {",
        "  start 2027-03-01",
        "  include \"../people.tpm\"",
        "  workstream ws {",
    }.Concat(tasks.Select(t => "    " + t)).Concat(new[] { "  }", "}" }).ToArray());

    public static InMemorySourceResolver Resolver(params (string Path, string Text)[] files)
    {
        var resolver = new InMemorySourceResolver();
        foreach (var (path, text) in files) resolver.Add(path, text);
        return resolver;
    }

    public static TpmPortfolio Check(string portfolio, InMemorySourceResolver resolver, bool? levelTogether = false) =>
        TpmPortfolio.Parse(portfolio, "portfolio.tpm", resolver, new PortfolioCompileOptions { Schedule = false, LevelTogether = levelTogether });
}
