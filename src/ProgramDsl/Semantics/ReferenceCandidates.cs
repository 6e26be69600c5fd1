using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ProgramDsl.Syntax;

namespace ProgramDsl.Semantics
{
    /// <summary>A name that may be written where a reference is expected, and what it names (see <see cref="SemanticModel.ReferenceCandidates"/>).</summary>
    public sealed class ReferenceCandidate
    {
        internal ReferenceCandidate(string text, SymbolKind kind, Symbol? symbol)
        {
            Text = text;
            Kind = kind;
            Symbol = symbol;
        }

        /// <summary>
        /// What to write in place of <see cref="PositionContext.ReplacementSpan"/>: the shortest form of the reference that
        /// names <see cref="Symbol"/> from the position (<c>eda</c> inside its workstream, <c>data.eda</c> outside it), or
        /// the member's name after a qualifier (<c>data.|</c>).
        /// </summary>
        public string Text { get; }

        /// <summary>The kind named.</summary>
        public SymbolKind Kind { get; }

        /// <summary>The symbol named; null for a skill only listed on people (skills are an open vocabulary).</summary>
        public Symbol? Symbol { get; }

        /// <inheritdoc />
        public override string ToString() => Text + " (" + Symbol.KindWord(Kind) + ")";
    }

    /// <summary>The names a reference may be written with at a position, by the language's name rule (<see cref="NameLookup"/>).</summary>
    internal static class ReferenceCandidates
    {
        /// <summary>The scopes the binder kept, for <see cref="NameLookup"/>.</summary>
        private readonly struct Scopes : INameScopes<WorkstreamSymbol, Symbol>
        {
            private readonly BoundReferences _bound;
            private readonly bool _nested;

            public Scopes(BoundReferences bound, bool nested = true)
            {
                _bound = bound;
                _nested = nested;
            }

            /// <summary>The same scopes without the language's last resort (a nested name unique anywhere).</summary>
            public Scopes Strict => new Scopes(_bound, nested: false);

            public WorkstreamSymbol? ContainerOf(WorkstreamSymbol scope) => scope.Container;

            public bool TryGetMember(WorkstreamSymbol scope, string name, [MaybeNullWhen(false)] out Symbol symbol) => scope.Members.TryGetValue(name, out symbol);

            public bool TryGetTopLevel(string name, [MaybeNullWhen(false)] out Symbol symbol) => _bound.RootScope.TryGetValue(name, out symbol);

            public IReadOnlyList<Symbol>? Nested(string name) => !_nested ? null : _bound.NestedByName.TryGetValue(name, out var list) ? list : null;
        }

        /// <summary>
        /// The scope a reference of statement <paramref name="keyword"/> inside <paramref name="containing"/> is looked up
        /// from, as the binder looks it up: only <c>after</c> looks in workstreams first (a task's own workstream, a
        /// workstream's container); every other reference names program-level definitions.
        /// </summary>
        public static WorkstreamSymbol? ScopeOf(string? keyword, Symbol? containing) =>
            keyword != Keywords.After ? null
            : containing is WorkstreamSymbol w ? w.Container
            : containing?.Container;

        public static IReadOnlyList<ReferenceCandidate> Compute(ProgramSymbol? program, BoundReferences? bound, IEnumerable<Symbol> declared, PositionContext context)
        {
            if (!context.ExpectsReference || program is null || bound is null) return Array.Empty<ReferenceCandidate>();
            var kinds = context.ExpectedKinds;
            var scopes = new Scopes(bound);
            var scope = ScopeOf(context.StatementKeyword, context.ContainingSymbol);
            var result = new List<ReferenceCandidate>();
            if (context.Qualifier != null)
            {
                // 'data.|': the members of what the qualifier names, and its workstreams to qualify further.
                if (!(Resolve(scopes, scope, context.Qualifier.Split('.')) is WorkstreamSymbol container)) return result;
                foreach (var member in container.Children)
                {
                    if (kinds.Contains(member.Kind) || member.Kind == SymbolKind.Workstream) result.Add(new ReferenceCandidate(member.Name, member.Kind, member));
                }

                return result;
            }

            if (kinds.Contains(SymbolKind.Skill))
            {
                // Declared skills and the skills people list: both are valid names.
                var names = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var skill in program.Skills) names.Add(skill.Name);
                foreach (var person in program.People) names.UnionWith(person.Skills);
                var declaredSkills = program.Skills.GroupBy(s => s.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
                foreach (var name in names) result.Add(new ReferenceCandidate(name, SymbolKind.Skill, declaredSkills.TryGetValue(name, out var s) ? s : null));
                return result;
            }

            foreach (var symbol in declared)
            {
                if (!kinds.Contains(symbol.Kind) || ReferenceEquals(symbol, context.ContainingSymbol) || symbol.Location.Source is null) continue;
                if (ShortestName(scopes, scope, symbol) is string text) result.Add(new ReferenceCandidate(text, symbol.Kind, symbol));
            }

            return result;
        }

        /// <summary>
        /// The shortest suffix of the symbol's qualified id that names it from <paramref name="scope"/> through the
        /// enclosing workstreams and the program level, or null when none does (it is shadowed). The language also finds a
        /// nested name that is unique anywhere, but a completion offers the qualified form a reader can follow.
        /// </summary>
        private static string? ShortestName(Scopes scopes, WorkstreamSymbol? scope, Symbol symbol)
        {
            scopes = scopes.Strict;
            if (symbol.Container is null) return ReferenceEquals(Resolve(scopes, scope, new[] { symbol.Name }), symbol) ? symbol.Name : null;
            var segments = symbol.Id.Split('.');
            for (int from = segments.Length - 1; from >= 0; from--)
            {
                var tail = new string[segments.Length - from];
                Array.Copy(segments, from, tail, 0, tail.Length);
                if (ReferenceEquals(Resolve(scopes, scope, tail), symbol)) return string.Join(".", tail);
            }

            return null;
        }

        /// <summary>What a dotted name means from a scope: the first segment by <see cref="NameLookup"/>, the rest as members.</summary>
        private static Symbol? Resolve(Scopes scopes, WorkstreamSymbol? scope, string[] segments)
        {
            var symbol = NameLookup.Find<Scopes, WorkstreamSymbol, Symbol>(scopes, scope, segments[0], out _);
            for (int i = 1; i < segments.Length && symbol != null; i++)
            {
                symbol = symbol is WorkstreamSymbol w && w.Members.TryGetValue(segments[i], out var child) ? child : null;
            }

            return symbol;
        }
    }
}
