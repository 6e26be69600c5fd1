using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// its last working day, and the deadline as an event of its own. Written with Ical.Net, which folds long lines at
    /// 75 octets and ends them with CRLF as the RFC requires.
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
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            var calendar = new Ical.Net.Calendar
            {
                ProductId = "-//ProgramDsl//tpm " + toolVersion + "//EN",
                Method = "PUBLISH",
                Scale = "GREGORIAN",
            };
            calendar.AddProperty("X-WR-CALNAME", program.DisplayName);

            var stampDate = StampDate(program);
            var stamp = new CalDateTime(stampDate.Year, stampDate.Month, stampDate.Day, 0, 0, 0, "UTC");
            foreach (var task in schedule.Tasks)
            {
                var categories = new List<string> { task.Task.IsMilestone ? "milestone" : "task" };
                if (task.IsCritical) categories.Add("critical");
                calendar.Events.Add(AllDay(
                    TaskUid(program, task),
                    task.Task.IsMilestone ? "◆ " + task.Task.DisplayName : task.Task.DisplayName,
                    Describe(program, task),
                    task.StartDate,
                    ArtefactText.LastDay(task),
                    categories,
                    stamp));
            }

            if (program.Deadline is CalendarDate deadline)
            {
                calendar.Events.Add(AllDay(
                    DeadlineUid(program),
                    "Deadline: " + program.DisplayName,
                    DeadlineDescription(schedule, deadline),
                    deadline,
                    deadline,
                    new List<string> { "deadline" },
                    stamp));
            }

            return RefoldSurrogatePairs(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
        }

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

        /// <summary>Folds one content line at 75 octets of UTF-8, never inside a character.</summary>
        private static void Fold(string line, StringBuilder output)
        {
            const int MaxOctets = 75;
            int octets = 0;
            for (int i = 0; i < line.Length;)
            {
                int length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
                int size = length == 2 ? 4 : line[i] < 0x80 ? 1 : line[i] < 0x800 ? 2 : 3;
                if (octets + size > MaxOctets)
                {
                    output.Append("\r\n ");
                    octets = 1;
                }

                output.Append(line, i, length);
                octets += size;
                i += length;
            }
        }

        private static CalendarEvent AllDay(
            string uid, string summary, string description, CalendarDate first, CalendarDate last, List<string> categories, CalDateTime stamp)
        {
            var e = new CalendarEvent
            {
                Uid = uid,
                Summary = summary,
                Description = description,
                DtStart = AllDayDate(first),
                DtStamp = stamp,
                Categories = categories,
                // The plan is information, not time booked: the events must not mark anyone busy.
                Transparency = "TRANSPARENT",
            };

            // An all-day event's DTEND is exclusive: the day after the last day. An event ending on 9999-12-31 has no
            // such day, so it gets the equivalent DURATION in days instead (RFC 5545 3.6.1 allows either).
            if (last < CalendarDate.MaxValue) e.DtEnd = AllDayDate(last.AddDays(1));
            else e.Duration = Duration.FromDays(last.DayNumber - first.DayNumber + 1);
            return e;
        }

        /// <summary>A date without a time: serialised as <c>VALUE=DATE</c>.</summary>
        private static CalDateTime AllDayDate(CalendarDate date) => new CalDateTime(date.Year, date.Month, date.Day);

        private static string Describe(ProgramSymbol program, ScheduledTask task)
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

        private static string DeadlineDescription(Schedule schedule, CalendarDate deadline)
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
