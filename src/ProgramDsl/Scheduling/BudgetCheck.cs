using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Scheduling
{
    /// <summary>Judges a schedule's planned cost against the program's <c>budget</c> (TPM4001).</summary>
    public static class BudgetCheck
    {
        /// <summary>Runs the check: nothing without a budget, or when the planned cost fits in it.</summary>
        public static IReadOnlyList<Diagnostic> Run(Schedule schedule)
        {
            var program = schedule.Program;
            if (program.Budget is not decimal budget || schedule.Cost <= budget) return new Diagnostic[0];
            var over = schedule.Cost - budget;
            var unit = program.Currency is null ? string.Empty : " " + program.Currency;
            var share = budget > 0 ? " (" + (over * 100m / budget).ToString("0.#", CultureInfo.InvariantCulture) + "%)" : string.Empty;
            var message = "program '" + program.Id + "' costs " + Money(schedule.Cost) + unit + " as planned, " + Money(over) + unit + share +
                          " over its budget of " + Money(budget) + unit + "; cut scope, use cheaper people or resources, or raise the budget";
            return new[] { Diagnostic.Create(DiagnosticCatalog.OverBudget, program.BudgetLocation ?? program.Location, message) };
        }

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }
}
