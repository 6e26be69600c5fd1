using System;
using System.Collections.Generic;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Features.SemanticTokens
{
    /// <summary>
    /// The legend of the server's semantic tokens. Types are the protocol's standard ones, chosen so every editor theme
    /// colours them: definitions by kind (workstream → namespace, task → function, milestone → event, person → variable,
    /// team → class, role → type, resource pool → struct, metric → property, calendar → interface, skill → enum,
    /// stakeholder → parameter, risk → macro, decision → decorator, the program → namespace), statement keywords →
    /// keyword, vocabulary words (<c>on</c>, <c>medium</c>, <c>fs</c>, weekdays) → enumMember, comparison operators →
    /// operator, and comments, strings and numbers. Dates, durations and percentages are numbers with the modifier
    /// <c>date</c>, <c>duration</c> or <c>percentage</c>; a definition's own name carries <c>declaration</c>.
    /// </summary>
    public static class SemanticTokenLegend
    {
        /// <summary>Token types, by index.</summary>
        public static IReadOnlyList<string> Types { get; } = new[]
        {
            "keyword", "comment", "string", "number", "operator", "enumMember",
            "namespace", "function", "event", "variable", "class", "type", "struct", "property", "interface", "enum", "parameter", "macro", "decorator",
        };

        /// <summary>Token modifiers, by bit.</summary>
        public static IReadOnlyList<string> Modifiers { get; } = new[] { "declaration", "date", "duration", "percentage" };

        internal const int Keyword = 0, Comment = 1, String = 2, Number = 3, Operator = 4, EnumMember = 5;
        internal const int Declaration = 1, Date = 2, Duration = 4, Percentage = 8;

        /// <summary>The type index of a definition of <paramref name="kind"/>.</summary>
        public static int TypeOf(SymbolKind kind) => kind switch
        {
            SymbolKind.Workstream => 6,
            SymbolKind.Program => 6,
            SymbolKind.Task => 7,
            SymbolKind.Milestone => 8,
            SymbolKind.Person => 9,
            SymbolKind.Team => 10,
            SymbolKind.Role => 11,
            SymbolKind.Resource => 12,
            SymbolKind.Metric => 13,
            SymbolKind.Calendar => 14,
            SymbolKind.Skill => 15,
            SymbolKind.Stakeholder => 16,
            SymbolKind.Risk => 17,
            _ => 18,
        };
    }

    /// <summary>One token: a span on one line, a type index and modifier bits of <see cref="SemanticTokenLegend"/>.</summary>
    public readonly struct SemanticToken
    {
        /// <summary>Creates a token.</summary>
        public SemanticToken(int start, int length, int type, int modifiers)
        {
            Start = start;
            Length = length;
            Type = type;
            Modifiers = modifiers;
        }

        /// <summary>The offset.</summary>
        public int Start { get; }

        /// <summary>The length (within one line).</summary>
        public int Length { get; }

        /// <summary>The type's index in <see cref="SemanticTokenLegend.Types"/>.</summary>
        public int Type { get; }

        /// <summary>The modifiers' bits (<see cref="SemanticTokenLegend.Modifiers"/>).</summary>
        public int Modifiers { get; }
    }

    /// <summary>
    /// Semantic tokens of a plan, from its syntax tree (keywords, names, values), its comments and the compile's symbols:
    /// a reference is coloured by what it names when the tree is the compiled one; when the buffer is ahead of the
    /// compile, by the first kind its statement expects (qualifying segments as workstreams).
    /// </summary>
    public static class SemanticTokenService
    {
        /// <summary>The tokens of the view's buffer, in text order, each within one line.</summary>
        public static IReadOnlyList<SemanticToken> Tokens(DocumentView view)
        {
            var tokens = new List<SemanticToken>();
            var model = view.IsCompiledTree ? view.Model : null;
            var tree = view.Tree;
            var text = tree.Source.Text;
            foreach (var comment in CommentScanner.Comments(text)) tokens.Add(new SemanticToken(comment.Span.Start, comment.Span.Length, SemanticTokenLegend.Comment, 0));

            var stack = new Stack<(IReadOnlyList<StatementSyntax> Statements, BlockContext Block)>();
            stack.Push((tree.Root.Statements, BlockContext.File));
            while (stack.Count > 0)
            {
                var (statements, block) = stack.Pop();
                foreach (var statement in statements)
                {
                    Add(tokens, statement.KeywordSpan, SemanticTokenLegend.Keyword, 0);
                    switch (statement)
                    {
                        case DeclarationSyntax d:
                            // A portfolio, like a program, is a namespace.
                            Add(tokens, d.Name.Span, d.Kind == DeclarationKind.Portfolio ? SemanticTokenLegend.TypeOf(SymbolKind.Program) : SemanticTokenLegend.TypeOf(StatementKinds.Of(d.Kind)), SemanticTokenLegend.Declaration);
                            if (d.Title != null) Add(tokens, d.Title.Span, SemanticTokenLegend.String, 0);
                            if (d.Body.Count > 0) stack.Push((d.Body, SyntaxFacts.BodyContext(d.Kind)));
                            break;
                        case IncludeSyntax include:
                            Add(tokens, include.Path.Span, SemanticTokenLegend.String, 0);
                            break;
                        case ProgramEntrySyntax entry:
                            Add(tokens, entry.Path.Span, SemanticTokenLegend.String, 0);
                            if (entry.Body.Count > 0) stack.Push((entry.Body, BlockContext.PortfolioProgram));
                            break;
                        case PropertySyntax property:
                            foreach (var value in property.Values) AddValue(tokens, text, model, tree, value, block, property.KeywordText);
                            break;
                    }
                }
            }

            tokens.Sort((a, b) => a.Start.CompareTo(b.Start));
            return SplitLines(text, Deduplicate(tokens));
        }

        private static void AddValue(List<SemanticToken> tokens, string text, SemanticModel? model, SyntaxTree tree, ValueSyntax value, BlockContext block, string keyword)
        {
            switch (value)
            {
                case StringValueSyntax s: Add(tokens, s.Span, SemanticTokenLegend.String, 0); break;
                case PercentValueSyntax p: Add(tokens, p.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Percentage); break;
                case NumberValueSyntax n: Add(tokens, n.Span, SemanticTokenLegend.Number, 0); break;
                case DateValueSyntax d: Add(tokens, d.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Date); break;
                case DateRangeValueSyntax r:
                    Add(tokens, r.From.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Date);
                    if (r.To != null) Add(tokens, r.To.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Date);
                    break;
                case DurationValueSyntax du: Add(tokens, du.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Duration); break;
                case RateValueSyntax rate: Add(tokens, rate.Span, SemanticTokenLegend.Number, 0); break;
                case NameValueSyntax name:
                    bool skill = keyword == Keywords.Skills || keyword == Keywords.Requires;
                    Add(tokens, name.Span, skill ? SemanticTokenLegend.TypeOf(SymbolKind.Skill) : SemanticTokenLegend.EnumMember, 0);
                    break;
                case WeekdayRangeSyntax w: Add(tokens, w.Span, SemanticTokenLegend.EnumMember, 0); break;
                case ComparisonValueSyntax c:
                    // '>= 0.85': the operator, then the number.
                    int op = c.Span.Start;
                    while (op < c.Span.End && "<>=!".IndexOf(text[op]) >= 0) op++;
                    if (op > c.Span.Start) Add(tokens, TextSpan.FromBounds(c.Span.Start, op), SemanticTokenLegend.Operator, 0);
                    int number = op;
                    while (number < c.Span.End && char.IsWhiteSpace(text[number])) number++;
                    if (number < c.Span.End) Add(tokens, TextSpan.FromBounds(number, c.Span.End), SemanticTokenLegend.Number, 0);
                    break;
                case ReferenceValueSyntax rv: AddReference(tokens, model, tree, rv.Reference, block, keyword); break;
                case DependencyItemSyntax dep:
                    AddReference(tokens, model, tree, dep.Target, block, keyword);
                    if (dep.Type != null) Add(tokens, dep.Type.Span, SemanticTokenLegend.EnumMember, 0);
                    if (dep.Lag != null)
                    {
                        // The lag's sign ('+2d', '-1d') belongs to the token.
                        var lag = dep.Lag.Span;
                        if (lag.Start > 0 && (text[lag.Start - 1] == '+' || text[lag.Start - 1] == '-')) lag = TextSpan.FromBounds(lag.Start - 1, lag.End);
                        Add(tokens, lag, SemanticTokenLegend.Number, SemanticTokenLegend.Duration);
                    }
                    break;
                case AssignmentItemSyntax a:
                    if (a.IsRole)
                    {
                        // The word 'role' before the role: part of the statement's grammar.
                        var word = ReferenceRules.AssignRoleWord;
                        if (string.CompareOrdinal(text, a.Span.Start, word, 0, word.Length) == 0) Add(tokens, new TextSpan(a.Span.Start, word.Length), SemanticTokenLegend.Keyword, 0);
                    }

                    AddReference(tokens, model, tree, a.Target, block, a.IsRole ? ReferenceRules.AssignRole : keyword);
                    if (a.Share != null) Add(tokens, a.Share.Span, SemanticTokenLegend.Number, SemanticTokenLegend.Percentage);
                    break;
                case ResourceUseItemSyntax u:
                    AddReference(tokens, model, tree, u.Resource, block, keyword);
                    if (u.Units != null) Add(tokens, u.Units.Span, SemanticTokenLegend.Number, 0);
                    break;
            }
        }

        private static void AddReference(List<SemanticToken> tokens, SemanticModel? model, SyntaxTree tree, ReferenceSyntax reference, BlockContext block, string keyword)
        {
            var expected = ReferenceRules.ExpectedKinds(block, keyword);
            var segments = reference.Segments;
            for (int i = 0; i < segments.Count; i++)
            {
                var segment = segments[i];
                var kind = model?.SymbolAt(tree, segment.Span.Start)?.Symbol.Kind
                    ?? (i < segments.Count - 1 ? SymbolKind.Workstream : expected.Count > 0 ? expected[0] : (SymbolKind?)null);
                if (kind is SymbolKind k) Add(tokens, segment.Span, SemanticTokenLegend.TypeOf(k), 0);
            }
        }

        private static void Add(List<SemanticToken> tokens, TextSpan span, int type, int modifiers)
        {
            if (span.Length > 0) tokens.Add(new SemanticToken(span.Start, span.Length, type, modifiers));
        }

        /// <summary>Drops a token that overlaps the one before it (a comment wins over what a broken tree thought was there).</summary>
        private static List<SemanticToken> Deduplicate(List<SemanticToken> sorted)
        {
            var kept = new List<SemanticToken>(sorted.Count);
            int end = 0;
            foreach (var token in sorted)
            {
                if (token.Start < end) continue;
                kept.Add(token);
                end = token.Start + token.Length;
            }

            return kept;
        }

        /// <summary>Tokens over several lines (block comments, strings) become one per line: clients need not support multi-line tokens.</summary>
        private static List<SemanticToken> SplitLines(string text, List<SemanticToken> tokens)
        {
            var result = new List<SemanticToken>(tokens.Count);
            foreach (var token in tokens)
            {
                int start = token.Start, end = token.Start + token.Length;
                for (int p = start; p < end; p++)
                {
                    if (text[p] != '\n' && text[p] != '\r') continue;
                    if (p > start) result.Add(new SemanticToken(start, p - start, token.Type, token.Modifiers));
                    start = p + 1;
                }

                if (end > start) result.Add(new SemanticToken(start, end - start, token.Type, token.Modifiers));
            }

            return result;
        }
    }
}
