using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>Small pieces of text the calendar, Mermaid and CSV artefacts share, all culture-invariant.</summary>
    internal static class ArtefactText
    {
        /// <summary>A decimal without trailing zeros, in invariant form (2000, 0.5).</summary>
        public static string Number(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);

        /// <summary>An amount of money with thousands separators and at most two decimals ("12,345.5", "-2,775").</summary>
        public static string Money(decimal value) => value.ToString("#,0.##;-#,0.##", CultureInfo.InvariantCulture);

        /// <summary>An amount with the program's currency after it, when it has one ("12,345 USD").</summary>
        public static string Money(decimal value, string? currency) => currency is null ? Money(value) : Money(value) + " " + currency;

        /// <summary>A share or progress fraction as a whole or decimal percentage (50%, 12.5%).</summary>
        public static string Percent(decimal fraction) => Number(fraction * 100m) + "%";

        /// <summary>"ana, bo 50%": assignees by id, with the share when it is not the whole person.</summary>
        public static string Assignees(ScheduledTask task)
        {
            var text = new StringBuilder();
            foreach (var a in task.Assigned)
            {
                if (text.Length > 0) text.Append(", ");
                text.Append(a.Person.Id);
                if (a.Share != 1m) text.Append(' ').Append(Percent(a.Share));
            }

            return text.ToString();
        }

        /// <summary>
        /// The display names of a workstream and its ancestors, outermost first ("Data / Ingestion"); walks the
        /// containers without recursion.
        /// </summary>
        public static string WorkstreamPath(WorkstreamSymbol workstream, string separator = " / ")
        {
            var names = new List<string>();
            for (var w = workstream; w != null; w = w.Container) names.Add(w.DisplayName);
            names.Reverse();
            return string.Join(separator, names);
        }

        /// <summary>
        /// The last day a task occupies: its finish date, or its start for a task without working days (a milestone,
        /// or a zero-length task whose finish index equals its start).
        /// </summary>
        public static CalendarDate LastDay(ScheduledTask task) => task.FinishDate < task.StartDate ? task.StartDate : task.FinishDate;
    }
}
