using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The schedule as a Mermaid <c>gantt</c> diagram: a section per workstream (nested ones as "Parent / Child"),
    /// tasks and milestones with the scheduled dates, <c>crit</c> on critical work, <c>done</c>/<c>active</c> from
    /// progress, and the deadline and status date as vertical markers.
    /// </summary>
    /// <remarks>
    /// Mermaid computes dates itself and knows neither resource leveling, lags, nor ss/ff/sf dependencies, so every
    /// bar carries the schedule's own end date, and its start is written as <c>after a b</c> only where Mermaid's
    /// reading of that (the latest end of a and b) gives exactly the scheduled start; elsewhere the start date is
    /// written out. End dates are exclusive, as Mermaid reads them: the day after the last working day.
    /// </remarks>
    public static class MermaidGantt
    {
        /// <summary>Words Mermaid reads as task tags when they stand where an id goes.</summary>
        private static readonly HashSet<string> ReservedIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "active", "done", "crit", "milestone", "vert",
        };

        /// <summary>
        /// Keywords of Mermaid's gantt lexer that it matches at the start of a line before it considers task text
        /// (case-insensitively); a name starting with one gets its first letter written as an entity.
        /// </summary>
        private static readonly string[] LineKeywords =
        {
            "acctitle", "accdescription", "accdescr", "axisformat", "call", "click", "dateformat", "excludes", "gantt",
            "href", "includes", "inclusiveenddates", "section", "tickinterval", "title", "todaymarker", "topaxis",
            "weekday", "weekend",
        };

        /// <summary>Writes the diagram (LF line ends).</summary>
        public static string Write(ProgramSymbol program, Schedule schedule, string toolVersion)
        {
            var output = new StringWriter(CultureInfo.InvariantCulture);
            Write(program, schedule, toolVersion, output);
            return output.ToString();
        }

        /// <summary>Writes the diagram to <paramref name="output"/> as it goes (a task line at a time), never holding it whole.</summary>
        public static void Write(ProgramSymbol program, Schedule schedule, string toolVersion, TextWriter output)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (output is null) throw new ArgumentNullException(nameof(output));
            var ids = Ids(schedule);
            var text = new StringBuilder();
            text.Append("%% ").Append(program.Id).Append(": Gantt chart written by tpm ").Append(toolVersion).Append('\n');
            text.Append("gantt\n");
            text.Append("    title ").Append(Label(program.DisplayName, program.Id, guardStart: false)).Append('\n');
            text.Append("    dateFormat YYYY-MM-DD\n");
            var excludes = Excludes(program, schedule, out bool holidaysExcluded);
            if (excludes.Length > 0) text.Append("    excludes ").Append(excludes).Append('\n');
            // Mermaid's own "today" line would change with the day the diagram is viewed; the status date is drawn instead.
            text.Append("    todayMarker off\n");

            string? section = null;
            foreach (var t in schedule.Tasks)
            {
                var name = t.Task.Container is WorkstreamSymbol ws ? ArtefactText.WorkstreamPath(ws) : program.DisplayName;
                if (!string.Equals(name, section, StringComparison.Ordinal))
                {
                    section = name;
                    text.Append("    section ").Append(Label(name, program.Id, guardStart: false)).Append('\n');
                }

                text.Append("    ").Append(Label(t.Task.DisplayName, t.Id, guardStart: true)).Append(" :");
                if (t.IsCritical) text.Append("crit, ");
                if (t.Task.Progress is decimal progress && progress > 0) text.Append(progress >= 1 ? "done, " : "active, ");
                if (t.Task.IsMilestone) text.Append("milestone, ");
                text.Append(ids[t.Task.Index]).Append(", ");
                var after = After(schedule, t, ids);
                text.Append(after ?? Date(t.StartDate)).Append(", ").Append(EndText(schedule, t, holidaysExcluded)).Append('\n');
                if (text.Length >= 1 << 16)
                {
                    output.Write(text);
                    text.Clear();
                }
            }

            // Markers sit at the end of their day, where work on or before that day is over.
            var markerIds = new HashSet<string>(ids, StringComparer.Ordinal);
            if (program.Deadline is CalendarDate deadline) Marker(text, "Deadline " + deadline, Unique("deadline", markerIds), deadline);
            if (program.StatusDate is CalendarDate status) Marker(text, "Status date " + status, Unique("status-date", markerIds), status);
            output.Write(text);
        }

        /// <summary>
        /// The Mermaid id of each task, by task index: the qualified id with every character Mermaid's <c>after</c>
        /// cannot read (such as '.') turned into '_', made unique with a numeric suffix, never a tag word.
        /// </summary>
        public static string[] Ids(Schedule schedule)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            var ids = new string[schedule.Tasks.Count];
            var used = new HashSet<string>(StringComparer.Ordinal);
            foreach (var t in schedule.Tasks)
            {
                var id = new StringBuilder(t.Id.Length);
                foreach (var c in t.Id) id.Append(IsIdChar(c) ? c : '_');
                ids[t.Task.Index] = Unique(id.ToString(), used);
            }

            return ids;
        }

        /// <summary>
        /// Text as Mermaid shows it: line breaks and other control characters become spaces, and ':' '#' ';' '%' (which
        /// end task text, start entities or comments) are written as numeric entities, which Mermaid decodes when it
        /// renders. With <paramref name="guardStart"/>, a first character that would make the line a keyword or a date
        /// is written as an entity too.
        /// </summary>
        public static string Escape(string value, bool guardStart)
        {
            var trimmed = (value ?? string.Empty).Trim();
            var text = new StringBuilder(trimmed.Length + 8);
            for (int i = 0; i < trimmed.Length; i++)
            {
                char c = trimmed[i];
                bool guard = i == 0 && guardStart && (char.IsDigit(c) || StartsWithKeyword(trimmed));
                if (char.IsControl(c)) text.Append(' ');
                else if (guard || c == ':' || c == '#' || c == ';' || c == '%') text.Append('#').Append(((int)c).ToString(CultureInfo.InvariantCulture)).Append(';');
                else text.Append(c);
            }

            return text.ToString();
        }

        /// <summary>Escaped text, or the escaped id when the text is blank (Mermaid needs some text).</summary>
        private static string Label(string text, string id, bool guardStart)
        {
            var label = Escape(text, guardStart);
            return label.Length > 0 ? label : Escape(id, guardStart);
        }

        /// <summary>The exclusive end Mermaid is given: the day after the last day (a milestone's day for a milestone).</summary>
        private static CalendarDate End(ScheduledTask task) => ArtefactText.LastDay(task).AddDays(1);

        /// <summary>
        /// The end as written: the exclusive end date, or for a task ending on 9999-12-31 (which has no day after it to
        /// name) its length in days. Mermaid stretches a length over excluded days, so the length counts the days the
        /// chart does not exclude: the program's working days, or its working weekdays when holidays are not listed.
        /// </summary>
        private static string EndText(Schedule schedule, ScheduledTask task, bool holidaysExcluded)
        {
            var last = ArtefactText.LastDay(task);
            if (last < CalendarDate.MaxValue) return Date(last.AddDays(1));
            long days;
            if (holidaysExcluded)
            {
                // Working days from the start through 9999-12-31, counted without a walk over the days.
                var calendar = schedule.Calendar;
                days = calendar.FirstIndexOnOrAfter(last) - (long)calendar.FirstIndexOnOrAfter(task.StartDate) + (calendar.IsWorkingDay(last) ? 1 : 0);
            }
            else
            {
                days = WeekdaysIn(schedule.Calendar.Workdays, Math.Max(task.StartDate.DayNumber, schedule.Calendar.Start.DayNumber), last.DayNumber);
            }

            return Math.Max(1, days).ToString(CultureInfo.InvariantCulture) + "d";
        }

        /// <summary>
        /// <c>after a b</c> for a task whose finish-to-start predecessors without lag all come earlier in the diagram and
        /// whose latest Mermaid end is the task's scheduled start; null otherwise.
        /// </summary>
        private static string? After(Schedule schedule, ScheduledTask task, string[] ids)
        {
            if (task.Task.IsMilestone) return null; // a milestone is dated on its predecessor's last day, not the day after
            var after = new StringBuilder("after");
            CalendarDate? latest = null;
            foreach (var d in task.Task.Dependencies)
            {
                if (d.Type != DependencyType.FinishToStart || d.LagDays != 0 || !(d.Target is TaskSymbol target)) continue;
                if (target.Index >= task.Task.Index) return null;
                var end = End(schedule[target]);
                if (latest is null || end > latest.Value) latest = end;
                after.Append(' ').Append(ids[target.Index]);
            }

            return latest == task.StartDate ? after.ToString() : null;
        }

        private static void Marker(StringBuilder text, string label, string id, CalendarDate day) =>
            text.Append("    ").Append(Escape(label, guardStart: true)).Append(" :vert, ").Append(id).Append(", ")
                .Append(Date(day < CalendarDate.MaxValue ? day.AddDays(1) : day)).Append(", 0d\n"); // 9999-12-31 has no day after it

        /// <summary>
        /// Holiday days listed in <c>excludes</c> at most; past this the holidays are left out (the days stay working days
        /// in the drawing), so the diagram's size follows the plan's text, not the span its dates cover.
        /// </summary>
        public const int MaxExcludedHolidays = 1000;

        /// <summary>
        /// The days the chart greys out: "weekends" for a mon..fri calendar, else the names of the days off; then the
        /// holidays on working weekdays between the start and the later of the finish and the deadline, when there are
        /// at most <see cref="MaxExcludedHolidays"/> of them (<paramref name="holidaysExcluded"/> tells which).
        /// </summary>
        private static string Excludes(ProgramSymbol program, Schedule schedule, out bool holidaysExcluded)
        {
            var parts = new List<string>();
            var workdays = schedule.Calendar.Workdays;
            if (workdays.Mask == WeekdaySet.MondayToFriday.Mask)
            {
                parts.Add("weekends");
            }
            else
            {
                for (int i = 1; i <= 7; i++)
                {
                    var day = (DayOfWeek)(i % 7); // Monday first
                    if (!workdays.Contains(day)) parts.Add(day.ToString().ToLowerInvariant());
                }
            }

            var first = program.Start;
            var last = schedule.FinishDate;
            if (program.Deadline is CalendarDate deadline && deadline > last) last = deadline;

            // Holiday ranges clipped to the chart and merged, so overlapping ones count their days once.
            var ranges = new List<(int From, int To)>();
            foreach (var off in program.Calendar.Holidays)
            {
                int from = Math.Max(off.Range.From.DayNumber, first.DayNumber), to = Math.Min(off.Range.To.DayNumber, last.DayNumber);
                if (from <= to) ranges.Add((from, to));
            }

            ranges.Sort((a, b) => a.From != b.From ? a.From.CompareTo(b.From) : a.To.CompareTo(b.To));
            var merged = new List<(int From, int To)>();
            foreach (var r in ranges)
            {
                if (merged.Count > 0 && r.From <= merged[merged.Count - 1].To + 1L)
                {
                    var top = merged[merged.Count - 1];
                    merged[merged.Count - 1] = (top.From, Math.Max(top.To, r.To));
                }
                else
                {
                    merged.Add(r);
                }
            }

            long count = 0;
            foreach (var r in merged) count += WeekdaysIn(workdays, r.From, r.To);
            holidaysExcluded = count <= MaxExcludedHolidays;
            if (holidaysExcluded)
            {
                foreach (var r in merged)
                {
                    for (int day = r.From; day <= r.To; day++)
                    {
                        var date = new CalendarDate(day);
                        if (workdays.Contains(date.DayOfWeek)) parts.Add(Date(date));
                    }
                }
            }

            return string.Join(", ", parts);
        }

        /// <summary>Days from <paramref name="from"/> to <paramref name="to"/> (day numbers, inclusive) on the given weekdays.</summary>
        private static long WeekdaysIn(WeekdaySet workdays, int from, int to)
        {
            if (to < from) return 0;
            long days = (long)to - from + 1;
            int perWeek = 0;
            for (int i = 0; i < 7; i++)
            {
                if (workdays.Contains((DayOfWeek)i)) perWeek++;
            }

            long count = days / 7 * perWeek;
            for (long d = from + days / 7 * 7; d <= to; d++)
            {
                if (workdays.Contains(new CalendarDate((int)d).DayOfWeek)) count++;
            }

            return count;
        }

        private static bool StartsWithKeyword(string text)
        {
            foreach (var keyword in LineKeywords)
            {
                if (text.StartsWith(keyword, StringComparison.OrdinalIgnoreCase)) return true;
            }

            return false;
        }

        private static bool IsIdChar(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';

        private static string Unique(string candidate, HashSet<string> used)
        {
            var id = candidate;
            for (int n = 2; ReservedIds.Contains(id) || !used.Add(id); n++) id = candidate + "_" + n.ToString(CultureInfo.InvariantCulture);
            return id;
        }

        private static string Date(CalendarDate date) => date.ToString();
    }
}
