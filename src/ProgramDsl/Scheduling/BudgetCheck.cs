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
            var share = budget > 0 ? " (" + Share(over, budget) + ")" : string.Empty;
            var message = "program '" + program.Id + "' costs " + Money(schedule.Cost) + unit + " as planned, " + Money(over) + unit + share +
                          " over its budget of " + Money(budget) + unit + "; cut scope, use cheaper people or resources, or raise the budget";
            return new[] { Diagnostic.Create(DiagnosticCatalog.OverBudget, program.BudgetLocation ?? program.Location, message) };
        }

        /// <summary>
        /// The overrun as a share of the budget. Costs near decimal's range would overflow <c>over × 100</c>, and a tiny
        /// budget would overflow the quotient: past a billion percent the exact figure says nothing more.
        /// </summary>
        private static string Share(decimal over, decimal budget)
        {
            const decimal Cap = 10_000_000m; // 1,000,000,000% as a ratio
            if (budget <= decimal.MaxValue / Cap && over > budget * Cap) return "more than 1,000,000,000%";
            var percent = over <= decimal.MaxValue / 100m ? over * 100m / budget : over / budget * 100m;
            return percent.ToString("0.#", CultureInfo.InvariantCulture) + "%";
        }

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }
}
