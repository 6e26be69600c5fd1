using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// What the semantic model needs of the statement table for completion: the kinds a statement's references expect
    /// (the same facts the binder resolves with), the keywords of a block and the words that introduce a reference.
    /// </summary>
    public static class ReferenceRules
    {
        private static readonly SymbolKind[] Skill = { SymbolKind.Skill };

        /// <summary>The word inside <c>assign</c> that makes the next item a role (<c>assign role ml-engineer</c>).</summary>
        public static string AssignRoleWord => Statements.AssignRoleWord;

        /// <summary>The pseudo-keyword of an <c>assign</c> item after <see cref="AssignRoleWord"/>.</summary>
        public const string AssignRole = "assign role";

        /// <summary>
        /// The kinds of symbol a reference after <paramref name="keyword"/> in <paramref name="block"/> may name (empty
        /// when the statement takes no references there), read from the statement table the binder resolves with.
        /// <paramref name="keyword"/> is a statement keyword, or <see cref="AssignRole"/> for the items of
        /// <c>assign role</c>. Skills (in <c>skills</c> and after <c>requires skill</c>) are an open vocabulary the
        /// binder checks by name, not by symbol; they are listed for completion.
        /// </summary>
        public static IReadOnlyList<SymbolKind> ExpectedKinds(BlockContext block, string keyword)
        {
            bool role = string.Equals(keyword, AssignRole, StringComparison.Ordinal);
            var statement = Statements.Lookup(role ? Keywords.Assign : keyword, block);
            if (statement is null) return Array.Empty<SymbolKind>();
            if (statement.Keyword == Keywords.Skills || statement.Keyword == Keywords.Requires) return Skill;
            var kinds = statement.ExpectedKinds.Select(StatementKinds.Of).ToArray();
            // The table lists assign's kinds as person, then role (the kind of the items after 'role').
            if (statement.Keyword == Keywords.Assign) return kinds.Length < 2 ? kinds : new[] { role ? kinds[1] : kinds[0] };
            return kinds;
        }

        /// <summary>
        /// The statement keywords allowed in a block: the one place the semantic model reads the statement table, so a
        /// new table in <see cref="SyntaxFacts"/> changes only this line.
        /// </summary>
        internal static IReadOnlyList<string> StatementKeywords(BlockContext block) => SyntaxFacts.KeywordsIn(block);

        /// <summary>True when <paramref name="word"/> opens a declaration (<c>task</c>, <c>person</c>, …) in <paramref name="block"/>; read from the statement table like <see cref="StatementKeywords"/>.</summary>
        internal static bool IsDeclarationKeyword(BlockContext block, string word) =>
            SyntaxFacts.TryGetRule(block, word, 0, word.Length, out var rule) && rule.Kind == StatementKind.Declaration;

        /// <summary>
        /// The words a value of statement <paramref name="keyword"/> may be (<see cref="StatementInfo.AllowedWords"/>): its
        /// first value, or after a comma an item of a list of words (<c>review</c>); empty otherwise.
        /// </summary>
        internal static IReadOnlyList<string> ValueWords(BlockContext block, string keyword, bool afterComma)
        {
            var statement = Statements.Lookup(keyword, block);
            if (statement is null) return Array.Empty<string>();
            if (afterComma && statement.ValueShape != ValueShape.ChoiceList) return Array.Empty<string>();
            return statement.AllowedWords;
        }

        /// <summary>Words inside a statement after which a reference follows: <c>assign role X</c>, <c>requires skill X</c>; the key to <see cref="ExpectedKinds"/> after them.</summary>
        internal static string? IntroducedKey(string keyword, string word) =>
            keyword == Keywords.Assign && word == AssignRoleWord ? AssignRole
            : keyword == Keywords.Requires && Statements.RequiresItemWords.Contains(word) ? keyword
            : null;
    }
}
