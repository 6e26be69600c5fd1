using System;
using System.Collections.Generic;
using ProgramDsl.Syntax;

namespace ProgramDsl.Semantics
{
    /// <summary>
    /// The symbol kinds a statement's references expect, stated once: the binder resolves with them and the semantic
    /// model offers them for completion (after <c>assign</c> a person, after <c>after</c> a task, milestone or workstream).
    /// </summary>
    public static class ReferenceRules
    {
        internal static readonly SymbolKind[] Work = { SymbolKind.Task, SymbolKind.Milestone, SymbolKind.Workstream };
        internal static readonly SymbolKind[] Person = { SymbolKind.Person };
        internal static readonly SymbolKind[] WorkstreamOnly = { SymbolKind.Workstream };
        internal static readonly SymbolKind[] Owner = { SymbolKind.Person, SymbolKind.Team };
        internal static readonly SymbolKind[] Role = { SymbolKind.Role };
        internal static readonly SymbolKind[] Calendar = { SymbolKind.Calendar };
        internal static readonly SymbolKind[] Resource = { SymbolKind.Resource };
        internal static readonly SymbolKind[] Metric = { SymbolKind.Metric };
        internal static readonly SymbolKind[] Skill = { SymbolKind.Skill };

        /// <summary>The word inside <c>assign</c> that makes the next item a role (<c>assign role ml-engineer</c>).</summary>
        public const string AssignRoleWord = "role";

        /// <summary>The pseudo-keyword of an <c>assign</c> item after <see cref="AssignRoleWord"/>.</summary>
        public const string AssignRole = "assign role";

        // keyword → kinds, with the blocks where a keyword expects something else listed first. Skills (after
        // 'requires skill' and in 'skills') are an open vocabulary the binder checks by name, not by symbol; they are
        // listed for completion.
        private static readonly (string Keyword, BlockContext? Block, SymbolKind[] Kinds)[] Table =
        {
            ("after", null, Work),
            ("affects", null, Work),
            ("assign", null, Person),
            (AssignRole, null, Role),
            ("role", BlockContext.Person, Role),
            ("members", BlockContext.Team, Person),
            ("lead", BlockContext.Team, Person),
            ("contact", BlockContext.Stakeholder, Person),
            ("calendar", BlockContext.Person, Calendar),
            ("calendar", BlockContext.Resource, Calendar),
            ("uses", BlockContext.Task, Resource),
            ("gate", BlockContext.Milestone, Metric),
            ("owner", BlockContext.Metric, Person),
            ("owner", null, Owner),
            ("requires", BlockContext.Task, Skill),
            ("skills", BlockContext.Person, Skill),
        };

        /// <summary>
        /// The kinds of symbol a reference after <paramref name="keyword"/> in <paramref name="block"/> may name (empty
        /// when the statement takes no references). <paramref name="keyword"/> is a statement keyword, or
        /// <see cref="AssignRole"/> for the items of <c>assign role</c>.
        /// </summary>
        public static IReadOnlyList<SymbolKind> ExpectedKinds(BlockContext block, string keyword)
        {
            foreach (var (k, b, kinds) in Table)
            {
                if ((b is null || b == block) && string.Equals(k, keyword, StringComparison.Ordinal)) return kinds;
            }

            return Array.Empty<SymbolKind>();
        }

        /// <summary>
        /// The statement keywords allowed in a block: the one place the semantic model reads the statement table, so a
        /// new table in <see cref="SyntaxFacts"/> changes only this line.
        /// </summary>
        internal static IReadOnlyList<string> StatementKeywords(BlockContext block) => SyntaxFacts.KeywordsIn(block);

        /// <summary>True when <paramref name="word"/> opens a declaration (<c>task</c>, <c>person</c>, …) in <paramref name="block"/>; read from the statement table like <see cref="StatementKeywords"/>.</summary>
        internal static bool IsDeclarationKeyword(BlockContext block, string word) =>
            SyntaxFacts.TryGetRule(block, word, 0, word.Length, out var rule) && rule.Kind == StatementKind.Declaration;

        /// <summary>Words inside a statement after which a reference follows: <c>assign role X</c>, <c>requires skill X</c>; the key to <see cref="ExpectedKinds"/> after them.</summary>
        internal static string? IntroducedKey(string keyword, string word) =>
            keyword == "assign" && word == AssignRoleWord ? AssignRole
            : keyword == "requires" && (word == "skill" || word == "skills") ? keyword
            : null;
    }
}
