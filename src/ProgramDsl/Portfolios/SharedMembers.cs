using System;
using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// The members a portfolio shares with its programs: the member declarations and <c>include</c>s of its block, and the
    /// fragments those read, parsed once. Each program is compiled as if it included them first, so a shared person is
    /// the same declaration (one entity, docs/portfolios.md) in every program.
    /// </summary>
    internal sealed class SharedMembers
    {
        public SharedMembers(SyntaxTree portfolio, IReadOnlyList<StatementSyntax> statements, IReadOnlyList<SyntaxTree> fragments, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes)
        {
            Portfolio = portfolio;
            Statements = statements;
            Fragments = fragments;
            Includes = includes;
        }

        /// <summary>The portfolio file.</summary>
        public SyntaxTree Portfolio { get; }

        /// <summary>The portfolio file's text.</summary>
        public SourceText Source => Portfolio.Source;

        /// <summary>The member declarations and includes of the portfolio block, in order.</summary>
        public IReadOnlyList<StatementSyntax> Statements { get; }

        /// <summary>The fragments the portfolio reads, in the order they were read.</summary>
        public IReadOnlyList<SyntaxTree> Fragments { get; }

        /// <summary>The fragment each include of the portfolio (and of its fragments) names.</summary>
        public IReadOnlyDictionary<IncludeSyntax, SyntaxTree> Includes { get; }

        /// <summary>The identities of the fragments (and the portfolio file): a program's include of one of them is already satisfied.</summary>
        public HashSet<string> FileKeys(Func<string, string> identify)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal) { identify(SourcePaths.Normalize(Portfolio.Source.Path)) };
            foreach (var fragment in Fragments) keys.Add(identify(fragment.Source.Path));
            return keys;
        }

        /// <summary>Adds the portfolio's files after a program's own, and returns the program's includes with the portfolio's.</summary>
        public IReadOnlyDictionary<IncludeSyntax, SyntaxTree> AddTo(List<SyntaxTree> trees, IReadOnlyDictionary<IncludeSyntax, SyntaxTree> includes)
        {
            if (Statements.Count == 0) return includes;
            trees.Add(Portfolio);
            trees.AddRange(Fragments);
            var merged = new Dictionary<IncludeSyntax, SyntaxTree>(includes.Count + Includes.Count);
            foreach (var pair in Includes) merged[pair.Key] = pair.Value;
            foreach (var pair in includes) merged[pair.Key] = pair.Value;
            return merged;
        }
    }
}
