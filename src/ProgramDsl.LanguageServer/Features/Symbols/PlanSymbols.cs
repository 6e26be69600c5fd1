using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.LanguageServer.Workspace;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;
using LspSymbolKind = OmniSharp.Extensions.LanguageServer.Protocol.Models.SymbolKind;

namespace ProgramDsl.LanguageServer.Features.Symbols
{
    /// <summary>One entry of a file's outline: a declaration and the declarations inside it, or a portfolio's program entry.</summary>
    public sealed class OutlineItem
    {
        internal OutlineItem(DeclarationSyntax declaration, IReadOnlyList<OutlineItem> children)
        {
            Declaration = declaration;
            Children = children;
            Kind = PlanSymbols.KindOf(declaration.Kind);
            Name = declaration.Name.Text;
            Detail = declaration.Title is null ? null : "\"" + declaration.Title.Value + "\"";
            Span = declaration.Span;
            NameSpan = declaration.Name.Span;
        }

        internal OutlineItem(ProgramEntrySyntax entry)
        {
            Entry = entry;
            Children = Array.Empty<OutlineItem>();
            Kind = PlanSymbols.KindOf(DeclarationKind.Program);
            Name = entry.Path.Value;
            // The priority as written; an entry without one has the default, which the hover tells.
            var priority = entry.Body.OfType<PropertySyntax>().LastOrDefault(p => p.KeywordText == Keywords.Priority);
            Detail = priority?.Values.Count == 1 && priority.Values[0] is NumberValueSyntax n ? Keywords.Priority + " " + n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            Span = entry.Span;
            NameSpan = entry.Path.Span;
        }

        /// <summary>The declaration, or null for a program entry.</summary>
        public DeclarationSyntax? Declaration { get; }

        /// <summary>The portfolio's program entry, or null for a declaration.</summary>
        public ProgramEntrySyntax? Entry { get; }

        /// <summary>The protocol's symbol kind (a program entry is a program).</summary>
        public LspSymbolKind Kind { get; }

        /// <summary>The declared id, or the program entry's path.</summary>
        public string Name { get; }

        /// <summary>The display name as written, quoted (<c>"Fraud Scoring v3"</c>), an entry's priority, or null without one.</summary>
        public string? Detail { get; }

        /// <summary>The whole declaration or entry.</summary>
        public TextSpan Span { get; }

        /// <summary>The declared name, or the entry's path.</summary>
        public TextSpan NameSpan { get; }

        /// <summary>The declarations in its body, in file order.</summary>
        public IReadOnlyList<OutlineItem> Children { get; }
    }

    /// <summary>A definition found by a workspace symbol search.</summary>
    public sealed class FoundSymbol
    {
        internal FoundSymbol(Symbol symbol, string path, string? container)
        {
            Symbol = symbol;
            Path = path;
            Container = container;
        }

        /// <summary>The definition.</summary>
        public Symbol Symbol { get; }

        /// <summary>The file of its declaration (absolute, normalised).</summary>
        public string Path { get; }

        /// <summary>What it is in: its workstream's id, else the program's id.</summary>
        public string? Container { get; }
    }

    /// <summary>The outline of a file and the search over the definitions of the workspace.</summary>
    public static class PlanSymbols
    {
        /// <summary>The most results a workspace symbol search returns: a client shows a list, not a whole plan.</summary>
        public const int MaxWorkspaceResults = 500;

        /// <summary>
        /// The declarations of a file as a tree: a program and what it declares (workstreams with their tasks and
        /// milestones, people, teams, resources, roles, skills, calendars, stakeholders, metrics, risks, decisions),
        /// a portfolio with its shared members and program entries, or a fragment's own declarations. Read from the syntax, so it works on a fragment no program includes and
        /// on text with errors.
        /// </summary>
        public static IReadOnlyList<OutlineItem> Outline(SyntaxTree tree)
        {
            // Post-order without recursion: a frame is finished once all its declarations are made into items.
            var roots = new List<OutlineItem>();
            var stack = new Stack<(DeclarationSyntax? Declaration, IReadOnlyList<StatementSyntax> Statements, int Next, List<OutlineItem> Items)>();
            stack.Push((null, tree.Root.Statements, 0, roots));
            while (stack.Count > 0)
            {
                var frame = stack.Pop();
                if (frame.Next < frame.Statements.Count)
                {
                    stack.Push((frame.Declaration, frame.Statements, frame.Next + 1, frame.Items));
                    if (frame.Statements[frame.Next] is DeclarationSyntax inner) stack.Push((inner, inner.Body, 0, new List<OutlineItem>()));
                    else if (frame.Statements[frame.Next] is ProgramEntrySyntax entry) frame.Items.Add(new OutlineItem(entry));
                    continue;
                }

                if (frame.Declaration is null) continue;
                // The parent frame is below: the item joins its list.
                var parent = stack.Pop();
                parent.Items.Add(new OutlineItem(frame.Declaration, frame.Items));
                stack.Push(parent);
            }

            return roots;
        }

        /// <summary>The protocol's symbol kind for a kind of declaration (a distinct icon for each).</summary>
        public static LspSymbolKind KindOf(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Program => LspSymbolKind.Module,
            DeclarationKind.Portfolio => LspSymbolKind.Package,
            DeclarationKind.Workstream => LspSymbolKind.Namespace,
            DeclarationKind.Task => LspSymbolKind.Function,
            DeclarationKind.Milestone => LspSymbolKind.Event,
            DeclarationKind.Person => LspSymbolKind.Object,
            DeclarationKind.Team => LspSymbolKind.Struct,
            DeclarationKind.Resource => LspSymbolKind.Variable,
            DeclarationKind.Role => LspSymbolKind.Interface,
            DeclarationKind.Skill => LspSymbolKind.Key,
            DeclarationKind.Calendar => LspSymbolKind.Enum,
            DeclarationKind.Stakeholder => LspSymbolKind.Field,
            DeclarationKind.Metric => LspSymbolKind.Number,
            DeclarationKind.Risk => LspSymbolKind.Operator,
            DeclarationKind.Decision => LspSymbolKind.Constant,
            _ => LspSymbolKind.Object,
        };

        /// <summary>The protocol's symbol kind for a kind of symbol (the same icons as <see cref="KindOf(DeclarationKind)"/>).</summary>
        public static LspSymbolKind KindOf(ProgramDsl.Semantics.SymbolKind kind) => KindOf(kind switch
        {
            ProgramDsl.Semantics.SymbolKind.Program => DeclarationKind.Program,
            ProgramDsl.Semantics.SymbolKind.Calendar => DeclarationKind.Calendar,
            ProgramDsl.Semantics.SymbolKind.Role => DeclarationKind.Role,
            ProgramDsl.Semantics.SymbolKind.Skill => DeclarationKind.Skill,
            ProgramDsl.Semantics.SymbolKind.Person => DeclarationKind.Person,
            ProgramDsl.Semantics.SymbolKind.Team => DeclarationKind.Team,
            ProgramDsl.Semantics.SymbolKind.Resource => DeclarationKind.Resource,
            ProgramDsl.Semantics.SymbolKind.Stakeholder => DeclarationKind.Stakeholder,
            ProgramDsl.Semantics.SymbolKind.Metric => DeclarationKind.Metric,
            ProgramDsl.Semantics.SymbolKind.Workstream => DeclarationKind.Workstream,
            ProgramDsl.Semantics.SymbolKind.Task => DeclarationKind.Task,
            ProgramDsl.Semantics.SymbolKind.Milestone => DeclarationKind.Milestone,
            ProgramDsl.Semantics.SymbolKind.Risk => DeclarationKind.Risk,
            _ => DeclarationKind.Decision,
        });

        /// <summary>
        /// The definitions of <paramref name="programs"/> whose id, qualified id or display name contains
        /// <paramref name="query"/> (ignoring case; every definition for an empty query), each declaration once even when
        /// several programs include its file: exact ids first, then ids that start with the query, then the rest, each
        /// group in program and declaration order; at most <paramref name="limit"/>.
        /// </summary>
        public static IReadOnlyList<FoundSymbol> Search(IEnumerable<CompiledProgram> programs, string? query, int limit = MaxWorkspaceResults)
        {
            query ??= string.Empty;
            var seen = new HashSet<(string, int)>();
            var found = new List<(int Rank, FoundSymbol Symbol)>();
            foreach (var compiled in programs)
            {
                var model = compiled.Program.Model;
                if (model is null) continue;
                foreach (var symbol in Definitions(model))
                {
                    int rank = Rank(symbol, query);
                    if (rank < 0 || symbol.Location.Source is null) continue;
                    var path = PlanCompilations.Normalize(symbol.Location.Path);
                    if (!seen.Add((path, symbol.Location.Span.Start))) continue;
                    found.Add((rank, new FoundSymbol(symbol, path, symbol.Container?.Id ?? (symbol is ProgramSymbol ? null : model.Name))));
                }
            }

            // A stable sort keeps program and declaration order within a rank.
            return found.OrderBy(f => f.Rank).Take(Math.Max(0, limit)).Select(f => f.Symbol).ToArray();
        }

        private static IEnumerable<Symbol> Definitions(ProgramSymbol p) =>
            new Symbol[] { p }.Concat(p.Workstreams).Concat(p.Tasks).Concat(p.People).Concat(p.Teams).Concat(p.Resources).Concat(p.Roles)
                .Concat(p.Skills).Concat(p.Calendars).Concat(p.Stakeholders).Concat(p.Metrics).Concat(p.Risks).Concat(p.Decisions);

        /// <summary>0: the id or qualified id is the query; 1: one starts with it; 2: the id, qualified id or display name contains it; -1: no match.</summary>
        private static int Rank(Symbol symbol, string query)
        {
            if (query.Length == 0) return 2;
            if (string.Equals(symbol.Name, query, StringComparison.OrdinalIgnoreCase) || string.Equals(symbol.Id, query, StringComparison.OrdinalIgnoreCase)) return 0;
            if (symbol.Name.StartsWith(query, StringComparison.OrdinalIgnoreCase) || symbol.Id.StartsWith(query, StringComparison.OrdinalIgnoreCase)) return 1;
            if (symbol.Id.IndexOf(query, StringComparison.OrdinalIgnoreCase) >= 0) return 2;
            return symbol.Title != null && symbol.Title.IndexOf(query, StringComparison.OrdinalIgnoreCase) >= 0 ? 2 : -1;
        }
    }
}
