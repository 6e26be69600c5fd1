using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// TPM2104: programs checked one by one (<c>tpm check DIR</c> without a portfolio) that use one declared person or
    /// pool (the identity rule), so nothing checks their loads together.
    /// </summary>
    internal static class SharedDeclarations
    {
        private const int MaxListed = 5;

        public static IReadOnlyList<Diagnostic> Check(IReadOnlyList<TpmProgram> programs, string folder, ISourceResolver? resolver)
        {
            var identity = resolver as ISourceIdentity;
            string Identify(string path) => identity?.Identify(path) ?? SourcePaths.Normalize(path);

            // Each declaration's users, in program order; a program's root path tells it apart (two programs may share an id).
            var users = new Dictionary<string, List<(int Program, Symbol Symbol)>>(StringComparer.Ordinal);
            var order = new List<string>();
            for (int i = 0; i < programs.Count; i++)
            {
                if (!(programs[i].Model is ProgramSymbol model)) continue;
                foreach (var symbol in PortfolioCompiler.Used(model))
                {
                    var key = PortfolioCompiler.KeyOf(symbol, Identify);
                    if (!users.TryGetValue(key, out var list))
                    {
                        users[key] = list = new List<(int, Symbol)>();
                        order.Add(key);
                    }

                    if (!list.Any(u => u.Program == i)) list.Add((i, symbol));
                }
            }

            // One warning per set of programs: five people shared by the same two programs are one missing portfolio.
            var groups = new List<(List<int> Programs, List<Symbol> Symbols)>();
            foreach (var key in order)
            {
                var list = users[key];
                if (list.Count < 2) continue;
                var set = list.Select(u => u.Program).ToList();
                var group = groups.FirstOrDefault(g => g.Programs.SequenceEqual(set));
                if (group.Programs is null) groups.Add((set, new List<Symbol> { list[0].Symbol }));
                else group.Symbols.Add(list[0].Symbol);
            }

            var diagnostics = new List<Diagnostic>();
            foreach (var (set, symbols) in groups)
            {
                var entities = Join(symbols.Select(s => s.Describe()).ToList());
                var names = Join(set.Select(i => programs[i].Model!.Id + " (" + PathOf(programs[i]) + ")").ToList());
                var entries = string.Join("  ", set.Select(i => "program \"" + Relative(folder, PathOf(programs[i])) + "\""));
                var snippet = "'portfolio.tpm': portfolio " + IdFor(folder) + " { " + entries + " }";
                diagnostics.Add(DiagnosticCatalog.SharedByProgramsWithoutPortfolio(symbols[0].Location, symbols.Skip(1).Select(s => s.Location).ToList(), entities, symbols.Count > 1, names, snippet));
            }

            return diagnostics;
        }

        private static string PathOf(TpmProgram program) => program.SyntaxTrees.Count > 0 ? program.SyntaxTrees[0].Source.Path : program.Model!.Location.Path;

        /// <summary>The path as a portfolio in <paramref name="folder"/> names it: relative when below the folder.</summary>
        internal static string Relative(string folder, string path)
        {
            var f = SourcePaths.Normalize(folder);
            var p = SourcePaths.Normalize(path);
            if (f == ".") return p;
            return p.StartsWith(f.TrimEnd('/') + "/", StringComparison.Ordinal) ? p.Substring(f.TrimEnd('/').Length + 1) : p;
        }

        /// <summary>The folder's name when it makes an id, else <c>programs</c>.</summary>
        private static string IdFor(string folder)
        {
            var normal = SourcePaths.Normalize(folder).TrimEnd('/');
            var name = normal.Substring(normal.LastIndexOf('/') + 1);
            return SyntaxFacts.IsIdentifier(name) && !Statements.ItemWords.Contains(name) ? name : "programs";
        }

        private static string Join(IReadOnlyList<string> items)
        {
            if (items.Count > MaxListed) return string.Join(", ", items.Take(MaxListed)) + " and " + (items.Count - MaxListed).ToString(CultureInfo.InvariantCulture) + " more";
            return items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
        }
    }
}
