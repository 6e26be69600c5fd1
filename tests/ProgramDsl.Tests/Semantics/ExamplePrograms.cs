using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Tests.Robustness;

namespace ProgramDsl.Tests.Semantics;

/// <summary>The example plans compiled (bound, not scheduled) with their fragments served from memory, once per test run.</summary>
internal static class ExamplePrograms
{
    private static readonly Lazy<IReadOnlyList<TpmProgram>> All = new Lazy<IReadOnlyList<TpmProgram>>(Load);

    /// <summary>Every example program file (fragments are read through their includes).</summary>
    public static IReadOnlyList<TpmProgram> Programs => All.Value;

    /// <summary>The example programs with no parse or bind error: every reference in them resolves.</summary>
    public static IEnumerable<TpmProgram> Clean => Programs.Where(p => p.Model != null && !p.HasErrors);

    public static IEnumerable<object[]> Names => Programs.Select(p => new object[] { p.SyntaxTrees[0].Source.Path });

    public static IEnumerable<object[]> CleanNames => Clean.Select(p => new object[] { p.SyntaxTrees[0].Source.Path });

    public static TpmProgram Named(string path) => Programs.Single(p => p.SyntaxTrees[0].Source.Path == path);

    public static InMemorySourceResolver Resolver()
    {
        var resolver = new InMemorySourceResolver();
        // Build output copies an example into bin/; it is not a source plan.
        foreach (var (path, text) in RepoFiles.Examples().Concat(RepoFiles.Baselines()).Where(e => !e.Path.Contains("/bin/") && !e.Path.Contains("/obj/"))) resolver.Add(path, text);
        return resolver;
    }

    private static IReadOnlyList<TpmProgram> Load()
    {
        var resolver = Resolver();
        return resolver.Paths
            .Where(path => resolver.TryReadText(path, out var text, out _) && SyntaxFacts.IsProgramText(text))
            .Select(path => TpmProgram.Load(path, resolver, new TpmCompileOptions { Schedule = false }))
            .ToArray();
    }

    /// <summary>Every node of a tree, outermost first, walked with an explicit stack.</summary>
    public static IEnumerable<SyntaxNode> Nodes(SyntaxTree tree)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(tree.Root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            foreach (var child in node.ChildNodes().Reverse()) stack.Push(child);
        }
    }

    /// <summary>Every declaration of a tree with the block it is in.</summary>
    public static IEnumerable<DeclarationSyntax> Declarations(SyntaxTree tree) => Nodes(tree).OfType<DeclarationSyntax>();
}
