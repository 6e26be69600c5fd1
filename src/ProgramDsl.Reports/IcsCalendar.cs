using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The schedule as an iCalendar file (RFC 5545): every task and milestone as an all-day event from its start to
    /// its last working day, and the deadline as an event of its own. Lines are folded at 75 octets and end with CRLF,
    /// as the RFC requires. The calendar's head is Ical.Net's; the events are written as Ical.Net writes them, one at a
    /// time (see <see cref="Write(ProgramSymbol, Schedule, string, TextWriter)"/>).
    /// </summary>
    /// <remarks>
    /// The output is deterministic: UIDs come from the qualified ids (<c>data.eda@fraud-v3.tpm</c>), so a calendar
    /// client that imports a newer build updates the events in place, and DTSTAMP is the status date (or the program
    /// start) at midnight UTC rather than the time of the build.
    /// </remarks>
    public static class IcsCalendar
    {
        /// <summary>The UID of a task or milestone: its qualified id at the program id (ids never hold '@' or ':').</summary>
        public static string TaskUid(ProgramSymbol program, ScheduledTask task) => task.Id + "@" + program.Id + ".tpm";

        /// <summary>The UID of the deadline event, which no task's UID can equal (ids never hold ':').</summary>
        public static string DeadlineUid(ProgramSymbol program) => "program:deadline@" + program.Id + ".tpm";

        /// <summary>The DTSTAMP of every event: the status date when there is one, else the program start.</summary>
        public static CalendarDate StampDate(ProgramSymbol program) => program.StatusDate ?? program.Start;

        /// <summary>Writes the calendar (CRLF line ends, as RFC 5545 requires).</summary>
        public static string Write(ProgramSymbol program, Schedule schedule, string toolVersion)
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            Write(program, schedule, toolVersion, text);
            return text.ToString();
        }

        /// <summary>
        /// Writes the calendar to <paramref name="output"/>, one event at a time, so neither the events nor the text are
        /// ever held whole.
        /// </summary>
        /// <remarks>
        /// Ical.Net writes the calendar's own properties (the head); the events are written here, byte for byte as
        /// Ical.Net 5.2's <see cref="EventSerializer"/> writes them (properties in alphabetical order, TEXT escaped as its
        /// <c>StringSerializer</c> does, lines folded at 75 octets), which <c>IcsCalendarEquivalenceTests</c> checks
        /// against Ical.Net itself on the example, test and generated plans. Ical.Net cannot do it at the input limits
        /// (issue 11): building a <see cref="CalendarEvent"/> and serialising it costs about 30 µs of CPU and 30 KB of
        /// allocations per event (a serializer, property list and string builder per property), 8 s and 8 GB for a plan
        /// of 250,000 tasks even one event at a time (18 s with all the events in one calendar); written directly it is
        /// well under a second. The tests read every calendar back with Ical.Net.
        /// </remarks>
        public static void Write(ProgramSymbol program, Schedule schedule, string toolVersion, TextWriter output)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (output is null) throw new ArgumentNullException(nameof(output));
            var calendar = new Ical.Net.Calendar
            {
                ProductId = "-//ProgramDsl//tpm " + toolVersion + "//EN",
                Method = "PUBLISH",
                Scale = "GREGORIAN",
            };
            calendar.AddProperty("X-WR-CALNAME", program.DisplayName);
            var head = RefoldSurrogatePairs(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
            if (!head.EndsWith(CalendarEnd, StringComparison.Ordinal)) throw new InvalidOperationException("Ical.Net wrote a calendar that does not end with END:VCALENDAR.");
            output.Write(head.AsSpan(0, head.Length - CalendarEnd.Length));

            var events = new EventWriter(output, Date(StampDate(program)) + "T000000Z");
            foreach (var task in schedule.Tasks)
            {
                events.Write(
                    TaskUid(program, task),
                    task.Task.IsMilestone ? "◆ " + task.Task.DisplayName : task.Task.DisplayName,
                    Describe(program, task),
                    task.StartDate,
                    ArtefactText.LastDay(task),
                    task.Task.IsMilestone ? task.IsCritical ? "milestone,critical" : "milestone" : task.IsCritical ? "task,critical" : "task");
            }

            if (program.Deadline is CalendarDate deadline)
            {
                events.Write(DeadlineUid(program), "Deadline: " + program.DisplayName, DeadlineDescription(schedule, deadline), deadline, deadline, "deadline");
            }

            output.Write(CalendarEnd);
        }

        private const string CalendarEnd = "END:VCALENDAR\r\n";

        /// <summary>A DATE value, as Ical.Net writes it (a four-digit year).</summary>
        private static string Date(CalendarDate date) =>
            date.Year.ToString("0000", CultureInfo.InvariantCulture) + date.Month.ToString("00", CultureInfo.InvariantCulture) + date.Day.ToString("00", CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes all-day events as Ical.Net does: CATEGORIES, DESCRIPTION, DTEND, DTSTAMP, DTSTART, DURATION, SEQUENCE,
        /// SUMMARY, TRANSP, UID (alphabetical), each content line folded at 75 octets.
        /// </summary>
        private sealed class EventWriter
        {
            private readonly TextWriter _output;
            private readonly string _stamp;
            private readonly StringBuilder _line = new StringBuilder(256);

            public EventWriter(TextWriter output, string stamp)
            {
                _output = output;
                _stamp = stamp;
            }

            /// <summary>
            /// One event from <paramref name="first"/> to <paramref name="last"/>. The plan is information, not time
            /// booked, so events are TRANSPARENT: they must not mark anyone busy. An all-day event's DTEND is exclusive
            /// (the day after the last day); an event ending on 9999-12-31 has no such day, so it gets the equivalent
            /// DURATION in days instead (RFC 5545 3.6.1 allows either).
            /// </summary>
            public void Write(string uid, string summary, string description, CalendarDate first, CalendarDate last, string categories)
            {
                _output.Write("BEGIN:VEVENT\r\n");
                Line("CATEGORIES:", categories);
                Line("DESCRIPTION:", Escape(description));
                if (last < CalendarDate.MaxValue) Line("DTEND;VALUE=DATE:", Date(last.AddDays(1)));
                Line("DTSTAMP:", _stamp);
                Line("DTSTART;VALUE=DATE:", Date(first));
                if (last == CalendarDate.MaxValue) Line("DURATION:P", (last.DayNumber - first.DayNumber + 1).ToString(CultureInfo.InvariantCulture), "D");
                _output.Write("SEQUENCE:0\r\n");
                Line("SUMMARY:", Escape(summary));
                _output.Write("TRANSP:TRANSPARENT\r\n");
                Line("UID:", Escape(uid));
                _output.Write("END:VEVENT\r\n");
            }

            private void Line(string name, string value, string suffix = "")
            {
                _line.Clear().Append(name).Append(value).Append(suffix);
                Fold(_line, _output);
            }
        }

        /// <summary>
        /// TEXT escaping as Ical.Net 5.2.4's <c>StringSerializer</c> does it (RFC 5545 3.3.11): a backslash before
        /// <c>\</c>, <c>;</c> and <c>,</c>; a line break (CR, LF or CRLF) as <c>\n</c>.
        /// </summary>
        private static string Escape(string value)
        {
            int next = value.AsSpan().IndexOfAny(TextEscapeChars);
            if (next < 0) return value;
            var text = new StringBuilder(value.Length + 8);
            int from = 0;
            while (next >= 0)
            {
                text.Append(value, from, next - from).Append('\\');
                char c = value[next];
                from = next + 1;
                if (c == '\r' || c == '\n')
                {
                    text.Append('n');
                    if (c == '\r' && from < value.Length && value[from] == '\n') from++;
                }
                else
                {
                    text.Append(c);
                }

                next = value.AsSpan(from).IndexOfAny(TextEscapeChars);
                if (next >= 0) next += from;
            }

            return text.Append(value, from, value.Length - from).ToString();
        }

        private static readonly System.Buffers.SearchValues<char> TextEscapeChars = System.Buffers.SearchValues.Create("\\;,\n\r");

        /// <summary>
        /// Ical.Net folds content lines at 75 octets by UTF-16 position and can put the fold between the two halves of
        /// a surrogate pair (an emoji, a rare ideograph), which UTF-8 then writes as two U+FFFD. The content lines that
        /// hold a pair are unfolded and folded again per RFC 5545 3.1: at most 75 octets a line, continuation lines
        /// starting with a space, cuts only between whole characters. Other lines stay exactly as Ical.Net wrote them.
        /// </summary>
        internal static string RefoldSurrogatePairs(string ics)
        {
            if (!HasSurrogate(ics)) return ics;
            var physical = ics.Split(new[] { "\r\n" }, StringSplitOptions.None);
            var output = new StringBuilder(ics.Length + 64);
            int i = 0;
            while (i < physical.Length)
            {
                // One content line: a physical line and the continuation lines after it.
                int end = i + 1;
                while (end < physical.Length && physical[end].Length > 0 && (physical[end][0] == ' ' || physical[end][0] == '\t')) end++;
                bool hasPair = false;
                for (int k = i; k < end && !hasPair; k++) hasPair = HasSurrogate(physical[k]);
                if (i > 0) output.Append("\r\n");
                if (!hasPair)
                {
                    for (int k = i; k < end; k++) output.Append(k > i ? "\r\n" : string.Empty).Append(physical[k]);
                }
                else
                {
                    var unfolded = new StringBuilder(physical[i]);
                    for (int k = i + 1; k < end; k++) unfolded.Append(physical[k], 1, physical[k].Length - 1);
                    Fold(unfolded.ToString(), output);
                }

                i = end;
            }

            return output.ToString();
        }

        private static bool HasSurrogate(string text)
        {
            foreach (char c in text)
            {
                if (char.IsSurrogate(c)) return true;
            }

            return false;
        }

        /// <summary>Folds one content line at 75 octets of UTF-8, never inside a character (no line end after it).</summary>
        private static void Fold(string line, StringBuilder output)
        {
            using var writer = new StringWriter(output, CultureInfo.InvariantCulture);
            Fold(new StringBuilder(line), writer, lineEnd: false);
        }

        /// <summary>
        /// Writes one content line folded at 75 octets of UTF-8, never inside a character, and (with
        /// <paramref name="lineEnd"/>) its CRLF. For a line without surrogates this is exactly Ical.Net's folding; for
        /// one with a surrogate pair it is what <see cref="RefoldSurrogatePairs"/> makes of Ical.Net's.
        /// </summary>
        private static void Fold(StringBuilder line, TextWriter output, bool lineEnd = true)
        {
            const int MaxOctets = 75;
            int octets = 0, from = 0;
            for (int i = 0; i < line.Length;)
            {
                char c = line[i];
                int length = char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
                int size = length == 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (octets + size > MaxOctets)
                {
                    Write(line, from, i - from, output);
                    output.Write("\r\n ");
                    from = i;
                    octets = 1;
                }

                octets += size;
                i += length;
            }

            Write(line, from, line.Length - from, output);
            if (lineEnd) output.Write("\r\n");
        }

        /// <summary>Writes <paramref name="length"/> characters of <paramref name="text"/> from <paramref name="start"/>, without copying them.</summary>
        private static void Write(StringBuilder text, int start, int length, TextWriter output)
        {
            foreach (var chunk in text.GetChunks())
            {
                if (length == 0) break;
                var span = chunk.Span;
                if (start >= span.Length)
                {
                    start -= span.Length;
                    continue;
                }

                int take = Math.Min(length, span.Length - start);
                output.Write(span.Slice(start, take));
                length -= take;
                start = 0;
            }
        }

        internal static string Describe(ProgramSymbol program, ScheduledTask task)
        {
            var lines = new List<string>
            {
                (task.Task.IsMilestone ? "Milestone " : "Task ") + task.Id + " of " + program.DisplayName,
                "Workstream: " + (task.Task.Container is WorkstreamSymbol ws ? ArtefactText.WorkstreamPath(ws) + " (" + ws.Id + ")" : "none"),
            };
            if (!task.Task.IsMilestone)
            {
                lines.Add("Assigned: " + (task.Assigned.Count == 0 ? "nobody" : ArtefactText.Assignees(task)));
                lines.Add("Working days: " + task.DurationDays.ToString(CultureInfo.InvariantCulture));
            }

            lines.Add("Total float: " + Days(task.TotalFloat));
            lines.Add("Critical: " + (task.IsCritical ? "yes" : "no"));
            if (task.Task.Progress is decimal progress) lines.Add("Progress: " + ArtefactText.Percent(progress));
            if (task.Task.Due is CalendarDate due) lines.Add("Due: " + due);
            if (task.Cost != 0) lines.Add("Cost: " + ArtefactText.Number(task.Cost) + (program.Currency is null ? string.Empty : " " + program.Currency));
            return string.Join("\n", lines);
        }

        internal static string DeadlineDescription(Schedule schedule, CalendarDate deadline)
        {
            int spare = schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
            var when = spare > 0 ? Days(spare) + " before the deadline"
                : spare == 0 ? "on the deadline"
                : Days(-spare) + " after the deadline";
            return "Planned finish " + schedule.FinishDate + " (" + when + ")";
        }

        private static string Days(int n) => n.ToString(CultureInfo.InvariantCulture) + (n == 1 ? " working day" : " working days");
    }
}
