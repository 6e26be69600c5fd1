using System;
using System.Collections.Generic;
using System.Globalization;
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

            return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
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
