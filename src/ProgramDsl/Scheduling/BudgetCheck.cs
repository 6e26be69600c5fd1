using System.Collections.Generic;
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
            var share = budget > 0 ? Percent(schedule.Cost - budget, budget) : null;
            return new[] { DiagnosticCatalog.CostOverBudget(program.BudgetLocation ?? program.Location, program.Id, schedule.Cost, budget, share, program.Currency) };
        }

        /// <summary>
        /// <paramref name="part"/> as a percentage of <paramref name="whole"/> (positive); null when it is too large for
        /// decimal (a huge overrun of a tiny budget), then the message goes without it rather than with a wrong figure.
        /// </summary>
        internal static decimal? Percent(decimal part, decimal whole)
        {
            try
            {
                return part * 100m / whole;
            }
            catch (System.OverflowException)
            {
                try
                {
                    // part × 100 overflows for parts above about 7.9 × 10²⁶; the quotient first may still fit.
                    return part / whole * 100m;
                }
                catch (System.OverflowException)
                {
                    return null;
                }
            }
        }
    }
}
