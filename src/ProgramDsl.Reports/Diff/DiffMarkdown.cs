using System;
using ProgramDsl.Comparison;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>
    /// A <see cref="PlanDiff"/> as GitHub-flavoured Markdown for a pull-request comment: one summary line, then a
    /// collapsible <c>&lt;details&gt;</c> section per kind of change. Titles, ids and messages come from the plan, which a
    /// pull request controls, so every one is escaped (no Markdown, HTML, mentions or links of its own).
    /// </summary>
    public static class DiffMarkdown
    {
        /// <summary>The diff as Markdown, LF line ends, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            return "TODO\n";
        }
    }
}
