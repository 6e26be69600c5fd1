using System;
using System.Globalization;
using System.Text;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The schedule as CSV (RFC 4180): a header row, then one row per task and milestone in declaration order.
    /// Records end with CRLF as the RFC says; a field holding a comma, a quote or a line break is quoted, with its
    /// quotes doubled. Dates are ISO (yyyy-MM-dd), numbers invariant with a '.' decimal point, booleans true/false.
    /// Text cells (ids, names, workstreams, assignees, delayed_by) that a spreadsheet would read as a formula are
    /// defused (<see cref="Defuse"/>); numeric cells stay numbers, a negative float included.
    /// </summary>
    public static class ScheduleCsv
    {
        /// <summary>The header row's columns, in order (a contract: columns may be added at the end, never renamed).</summary>
        public static readonly string[] Columns =
        {
            "id", "name", "kind", "workstream", "start", "finish", "duration_days", "total_float_days", "critical",
            "assigned", "cost", "progress", "due", "late_start", "late_finish", "delayed_by",
        };

        private const string RecordEnd = "\r\n";

        private static readonly char[] NeedsQuotes = { ',', '"', '\r', '\n' };

        /// <summary>The columns holding text from the plan: the only ones <see cref="Defuse"/> touches.</summary>
        private static readonly bool[] IsText = TextColumns("id", "name", "workstream", "assigned", "delayed_by");

        private static bool[] TextColumns(params string[] names)
        {
            var text = new bool[Columns.Length];
            for (int i = 0; i < Columns.Length; i++) text[i] = Array.IndexOf(names, Columns[i]) >= 0;
            return text;
        }

        /// <summary>
        /// A text cell a spreadsheet would take for a formula (OWASP "CSV injection": it starts with '=', '+', '-', '@',
        /// a tab or a carriage return) as a quoted cell with a leading apostrophe, which Excel, LibreOffice and Google
        /// Sheets show as text; any other cell unchanged. Only text columns are defused: a number such as a float of -3
        /// is data, and prefixing it would turn it into text for every reader.
        /// </summary>
        public static string Defuse(string value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            return IsFormulaStart(value) ? "'" + value : value;
        }

        private static bool IsFormulaStart(string value) =>
            value.Length > 0 && value[0] switch { '=' or '+' or '-' or '@' or '\t' or '\r' => true, _ => false };

        /// <summary>Writes the file.</summary>
        public static string Write(Schedule schedule)
        {
            var output = new System.IO.StringWriter(CultureInfo.InvariantCulture);
            Write(schedule, output);
            return output.ToString();
        }

        /// <summary>Writes the file to <paramref name="output"/> as it goes (a record at a time), never holding it whole.</summary>
        public static void Write(Schedule schedule, System.IO.TextWriter output)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (output is null) throw new ArgumentNullException(nameof(output));
            var csv = new StringBuilder();
            WriteRecord(csv, Columns, header: true);
            var fields = new string[Columns.Length];
            foreach (var t in schedule.Tasks)
            {
                fields[0] = t.Id;
                fields[1] = t.Task.DisplayName;
                fields[2] = t.Task.IsMilestone ? "milestone" : "task";
                fields[3] = t.Task.Container?.Id ?? string.Empty;
                fields[4] = t.StartDate.ToString();
                fields[5] = t.FinishDate.ToString();
                fields[6] = t.DurationDays.ToString(CultureInfo.InvariantCulture);
                fields[7] = t.TotalFloat.ToString(CultureInfo.InvariantCulture);
                fields[8] = t.IsCritical ? "true" : "false";
                fields[9] = AssignedIds(t);
                fields[10] = ArtefactText.Number(t.Cost);
                fields[11] = t.Task.Progress is decimal p ? ArtefactText.Number(p) : string.Empty;
                fields[12] = t.Task.Due?.ToString() ?? string.Empty;
                fields[13] = t.LateStartDate.ToString();
                fields[14] = t.LateFinishDate.ToString();
                fields[15] = t.DelayedBy?.Id ?? string.Empty;
                WriteRecord(csv, fields, header: false);
                if (csv.Length >= 1 << 16)
                {
                    output.Write(csv);
                    csv.Clear();
                }
            }

            output.Write(csv);
        }

        /// <summary>Person ids separated by ';' (the schedule JSON's <c>assigned</c> list; ids never hold ';').</summary>
        private static string AssignedIds(ScheduledTask task)
        {
            var ids = new string[task.Assigned.Count];
            for (int i = 0; i < ids.Length; i++) ids[i] = task.Assigned[i].Person.Id;
            return string.Join(";", ids);
        }

        private static void WriteRecord(StringBuilder csv, string[] fields, bool header)
        {
            for (int i = 0; i < fields.Length; i++)
            {
                if (i > 0) csv.Append(',');
                if (!header && IsText[i] && IsFormulaStart(fields[i])) AppendQuoted(csv, Defuse(fields[i]));
                else AppendField(csv, fields[i]);
            }

            csv.Append(RecordEnd);
        }

        /// <summary>RFC 4180 §2.6–2.7: quote a field with a comma, quote or line break, doubling its quotes.</summary>
        private static void AppendField(StringBuilder csv, string value)
        {
            if (value.IndexOfAny(NeedsQuotes) < 0)
            {
                csv.Append(value);
                return;
            }

            AppendQuoted(csv, value);
        }

        private static void AppendQuoted(StringBuilder csv, string value) => csv.Append('"').Append(value.Replace("\"", "\"\"")).Append('"');
    }
}
