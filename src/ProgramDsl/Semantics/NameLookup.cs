using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// The scopes a name is looked up in, as a tool keeps them: the members of each workstream, the program's own
    /// names, and every nested name with the definitions that bear it. The binder, the builder analyzer and the
    /// MS Project importer each implement it over their own definitions (as a struct, so the lookup costs no call
    /// through an interface) and share <see cref="NameLookup.Find{TScopes, TScope, TSymbol}"/>.
    /// </summary>
    /// <typeparam name="TScope">A workstream.</typeparam>
    /// <typeparam name="TSymbol">A definition.</typeparam>
    public interface INameScopes<TScope, TSymbol>
        where TScope : class
        where TSymbol : class
    {
        /// <summary>The workstream around <paramref name="scope"/>, or null at the program level.</summary>
        TScope? ContainerOf(TScope scope);

        /// <summary>A member of the workstream <paramref name="scope"/> named <paramref name="name"/>.</summary>
        bool TryGetMember(TScope scope, string name, [MaybeNullWhen(false)] out TSymbol symbol);

        /// <summary>A definition named <paramref name="name"/> at the program level.</summary>
        bool TryGetTopLevel(string name, [MaybeNullWhen(false)] out TSymbol symbol);

        /// <summary>The definitions named <paramref name="name"/> inside workstreams, anywhere, or null when there is none.</summary>
        IReadOnlyList<TSymbol>? Nested(string name);
    }

    /// <summary>The language's rule for what a name (the first part of a reference) means.</summary>
    public static class NameLookup
    {
        /// <summary>
        /// What <paramref name="name"/> means from <paramref name="scope"/> (null: the program level): a member of the
        /// nearest enclosing workstream that has one, else the program-level definition, else the one definition of that
        /// name inside any workstream. Null when there is none, or when several workstreams define it
        /// (<paramref name="ambiguous"/> is then the candidates).
        /// </summary>
        public static TSymbol? Find<TScopes, TScope, TSymbol>(in TScopes scopes, TScope? scope, string name, out IReadOnlyList<TSymbol>? ambiguous)
            where TScopes : struct, INameScopes<TScope, TSymbol>
            where TScope : class
            where TSymbol : class
        {
            ambiguous = null;
            for (var ws = scope; ws != null; ws = scopes.ContainerOf(ws))
            {
                if (scopes.TryGetMember(ws, name, out var member)) return member;
            }

            if (scopes.TryGetTopLevel(name, out var top)) return top;
            var nested = scopes.Nested(name);
            if (nested is null || nested.Count == 0) return null;
            if (nested.Count > 1)
            {
                ambiguous = nested;
                return null;
            }

            return nested[0];
        }
    }
}
