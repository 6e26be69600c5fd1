using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;

namespace ProgramDsl.Semantics
{
    /// <summary>The statement table's expected kinds (<see cref="StatementInfo.ExpectedKinds"/>) as symbol kinds.</summary>
    public static class StatementKinds
    {
        /// <summary>The kind of symbol a declaration of <paramref name="kind"/> makes.</summary>
        public static SymbolKind Of(DeclarationKind kind) => kind switch
        {
            DeclarationKind.Program => SymbolKind.Program,
            DeclarationKind.Calendar => SymbolKind.Calendar,
            DeclarationKind.Role => SymbolKind.Role,
            DeclarationKind.Skill => SymbolKind.Skill,
            DeclarationKind.Person => SymbolKind.Person,
            DeclarationKind.Team => SymbolKind.Team,
            DeclarationKind.Resource => SymbolKind.Resource,
            DeclarationKind.Stakeholder => SymbolKind.Stakeholder,
            DeclarationKind.Metric => SymbolKind.Metric,
            DeclarationKind.Workstream => SymbolKind.Workstream,
            DeclarationKind.Task => SymbolKind.Task,
            DeclarationKind.Milestone => SymbolKind.Milestone,
            DeclarationKind.Risk => SymbolKind.Risk,
            // A portfolio is not a symbol of a program: its name is shown like a program's.
            DeclarationKind.Portfolio => SymbolKind.Program,
            _ => SymbolKind.Decision,
        };

        /// <summary>
        /// The kinds of symbol a reference in statement <paramref name="keyword"/> of <paramref name="block"/> may name,
        /// the first being the noun of its messages; empty when the statement takes no reference there. For
        /// <c>assign</c>: a person, then (for items <c>role X</c>) a role.
        /// </summary>
        public static IReadOnlyList<SymbolKind> Expected(string keyword, BlockContext block) =>
            Statements.ExpectedKinds(keyword, block).Select(Of).ToArray();
    }
}
