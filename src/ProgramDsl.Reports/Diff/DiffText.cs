using System;
using ProgramDsl.Comparison;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>A <see cref="PlanDiff"/> as plain text for a terminal: a summary line, then a section per kind of change.</summary>
    public static class DiffText
    {
        /// <summary>The diff as text, LF line ends, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            return "TODO\n";
        }
    }
}
