using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// The language's rules for giving a symbol a new name: which names a declaration may take, and whether the new
    /// name would clash with another definition of the same scope or change what some reference means. Editors (the
    /// language server's rename) ask here instead of restating the scope rules.
    /// </summary>
    public static class RenameRules
    {
        /// <summary>
        /// True when <paramref name="word"/> has a meaning of its own in the language: a statement keyword of some
        /// block (<c>task</c>, <c>effort</c>, <c>after</c>…) or a word inside a statement's list items (<c>role</c> in
        /// <c>assign role de</c>, <c>fs</c> in <c>after a fs</c>). A definition named like one is legal where only
        /// a name can stand, but reads as the word elsewhere, so a rename never introduces one.
        /// </summary>
        public static bool IsReservedWord(string word)
        {
            if (word is null) throw new ArgumentNullException(nameof(word));
            if (Statements.ItemWords.Contains(word)) return true;
            foreach (var statement in Statements.All)
            {
                if (string.Equals(statement.Keyword, word, StringComparison.Ordinal)) return true;
            }

            return false;
        }

        /// <summary>
        /// Why <paramref name="name"/> cannot be the new name of a definition (not an identifier, or a reserved word;
        /// see <see cref="IsReservedWord"/>), or null when it can.
        /// </summary>
        public static string? CheckName(string name)
        {
            if (!SyntaxFacts.IsIdentifier(name)) return "'" + name + "' is not a valid name: a name starts with a letter or '_' and goes on with letters, digits, '_' or '-'";
            if (name.Length > InputLimits.MaxNameLength) return "a name is at most " + InputLimits.MaxNameLength + " characters";
            if (IsReservedWord(name)) return "'" + name + "' is a keyword of the language";
            return null;
        }
    }

    /// <summary>The answer to "may this symbol be renamed to that name?" for one program.</summary>
    public sealed class RenameCheck
    {
        internal RenameCheck(string? problem) => Problem = problem;

        /// <summary>Why the rename is refused (a sentence for the user), or null when it may be done.</summary>
        public string? Problem { get; }

        /// <summary>True when the rename may be done.</summary>
        public bool IsAllowed => Problem is null;
    }

    /// <summary>The scope rules of <see cref="NameLookup"/> over a compiled program, as they would be after a rename.</summary>
    internal sealed class RenameSimulation
    {
        private readonly SemanticModel _model;
        private readonly Symbol _symbol;
        private readonly string _newName;
        private readonly Dictionary<string, Symbol> _topLevel = new Dictionary<string, Symbol>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Symbol>> _nested = new Dictionary<string, List<Symbol>>(StringComparer.Ordinal);

        public RenameSimulation(SemanticModel model, IEnumerable<Symbol> declared, Symbol symbol, string newName)
        {
            _model = model;
            _symbol = symbol;
            _newName = newName;
            // The binder's scopes: the first definition of a name at the program level wins, and every nested one counts.
            foreach (var s in declared.OrderBy(s => _model.DeclarationOrder(s)))
            {
                if (s is ProgramSymbol) continue;
                if (s.Container is null)
                {
                    if (!_topLevel.ContainsKey(s.Name)) _topLevel[s.Name] = s;
                }
                else
                {
                    if (!_nested.TryGetValue(s.Name, out var list)) _nested[s.Name] = list = new List<Symbol>(1);
                    list.Add(s);
                }
            }
        }

        /// <summary>The definition that already bears the new name in the symbol's own scope, if any.</summary>
        public Symbol? Clash()
        {
            if (_symbol.Container is WorkstreamSymbol ws) return ws.Members.TryGetValue(_newName, out var member) && !ReferenceEquals(member, _symbol) ? member : null;
            return _topLevel.TryGetValue(_newName, out var top) && !ReferenceEquals(top, _symbol) ? top : null;
        }

        /// <summary>What <paramref name="name"/> means from <paramref name="scope"/> before (false) or after (true) the rename.</summary>
        public Symbol? Find(WorkstreamSymbol? scope, string name, bool after) =>
            NameLookup.Find<Scopes, WorkstreamSymbol, Symbol>(new Scopes(this, after), scope, name, out _);

        private readonly struct Scopes : INameScopes<WorkstreamSymbol, Symbol>
        {
            private readonly RenameSimulation _sim;
            private readonly bool _after;

            public Scopes(RenameSimulation sim, bool after)
            {
                _sim = sim;
                _after = after;
            }

            public WorkstreamSymbol? ContainerOf(WorkstreamSymbol scope) => scope.Container;

            public bool TryGetMember(WorkstreamSymbol scope, string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Symbol symbol)
            {
                if (_after && ReferenceEquals(scope, _sim._symbol.Container))
                {
                    if (string.Equals(name, _sim._newName, StringComparison.Ordinal))
                    {
                        symbol = _sim._symbol;
                        return true;
                    }

                    if (string.Equals(name, _sim._symbol.Name, StringComparison.Ordinal) && scope.Members.TryGetValue(name, out var old) && ReferenceEquals(old, _sim._symbol))
                    {
                        symbol = null!;
                        return false;
                    }
                }

                return scope.Members.TryGetValue(name, out symbol!);
            }

            public bool TryGetTopLevel(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out Symbol symbol)
            {
                if (_after && _sim._symbol.Container is null)
                {
                    if (string.Equals(name, _sim._newName, StringComparison.Ordinal))
                    {
                        symbol = _sim._symbol;
                        return true;
                    }

                    if (string.Equals(name, _sim._symbol.Name, StringComparison.Ordinal) && _sim._topLevel.TryGetValue(name, out var old) && ReferenceEquals(old, _sim._symbol))
                    {
                        symbol = null!;
                        return false;
                    }
                }

                return _sim._topLevel.TryGetValue(name, out symbol!);
            }

            public IReadOnlyList<Symbol>? Nested(string name)
            {
                _sim._nested.TryGetValue(name, out var list);
                if (!_after || _sim._symbol.Container is null) return list;
                if (string.Equals(name, _sim._newName, StringComparison.Ordinal))
                {
                    var with = list is null ? new List<Symbol>() : new List<Symbol>(list);
                    with.Add(_sim._symbol);
                    return with;
                }

                if (string.Equals(name, _sim._symbol.Name, StringComparison.Ordinal) && list != null)
                {
                    var renamed = _sim._symbol;
                    return list.Where(s => !ReferenceEquals(s, renamed)).ToList();
                }

                return list;
            }
        }
    }
}
