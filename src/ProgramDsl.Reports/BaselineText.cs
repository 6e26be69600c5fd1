using System.Globalization;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// How slips against a frozen baseline are written, the same in the schedule table, the Gantt chart and the
    /// report: a slip is the working days a finish moved since the baseline, positive when it is now later.
    /// </summary>
    public static class BaselineText
    {
        /// <summary>The word in a slip column for a task added since the baseline (it has no baseline to slip from).</summary>
        public const string New = "new";

        /// <summary>A slip for a column: "+3d" (later), "-2d" (earlier), "0d".</summary>
        public static string SignedDays(int days) => days == 0 ? "0d" : days.ToString("+#,0;-#,0", CultureInfo.InvariantCulture) + "d";

        /// <summary>The finish slip of a task for a column, or <see cref="New"/> for a task added since the baseline.</summary>
        public static string Slip(BaselineSlip? slip) => slip is null ? New : SignedDays(slip.FinishSlipDays);

        /// <summary>A slip in words: "3 working days later", "1 working day earlier", "no change".</summary>
        public static string Movement(int days) =>
            days > 0 ? Plural.WorkingDays(days) + " later" : days < 0 ? Plural.WorkingDays(-(decimal)days) + " earlier" : "no change";

        /// <summary>The baseline as the outputs name it: "baseline 'q1' (program.baseline.q1.json)".</summary>
        public static string Name(BaselineComparison baseline)
        {
            var text = "baseline '" + Diagnostic.Printable(baseline.Baseline.Name) + "'";
            return baseline.Path.Length == 0 ? text : text + " (" + Diagnostic.Printable(baseline.Path) + ")";
        }
    }
}
