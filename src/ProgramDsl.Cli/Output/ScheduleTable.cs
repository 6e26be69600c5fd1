using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Output
{
    /// <summary>The schedule as an aligned table for a terminal: critical tasks marked, finish and critical path summarised.</summary>
    public static class ScheduleTable
    {
        private const int MaxNameWidth = 40;

        public static void Write(TextWriter w, Schedule schedule, Ansi ansi, IReadOnlyList<string> notes)
        {
            var program = schedule.Program;
            w.WriteLine(ansi.Bold("Program " + program.Id + (program.Title is null ? "" : " \"" + program.Title + "\"")));
            var line = "  start " + schedule.StartDate + "   finish " + schedule.FinishDate + "   " + schedule.DurationDays + " working days";
            if (program.Deadline is { } deadline)
            {
                int margin = schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
                line += "   deadline " + deadline + (margin >= 0
                    ? " (met, " + Plural.WorkingDays(margin) + " to spare)"
                    : " " + ansi.Red("(missed by " + Plural.WorkingDays(-margin) + ")"));
            }

            w.WriteLine(line);
            if (schedule.Cost > 0 || program.Budget != null)
            {
                var money = "  cost " + Money(schedule.Cost) + (program.Currency is null ? "" : " " + program.Currency);
                if (program.Budget is decimal budget) money += "   budget " + Money(budget) + (program.Currency is null ? "" : " " + program.Currency);
                w.WriteLine(money);
            }

            w.WriteLine();
            var header = new[] { "", "ID", "Name", "Start", "Finish", "Days", "Float", "Assigned" };
            var rows = schedule.Tasks.Select(t => new[]
            {
                t.IsCritical ? "*" : "",
                t.Id,
                Truncate((t.Task.IsMilestone ? "◆ " : "") + t.Task.DisplayName),
                t.StartDate.ToString(),
                t.FinishDate.ToString(),
                t.DurationDays.ToString(CultureInfo.InvariantCulture),
                t.TotalFloat.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", t.Assigned.Select(a => a.Person.Id + (a.Share == 1m ? "" : " " + (a.Share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%"))),
            }).ToList();
            var widths = Enumerable.Range(0, header.Length).Select(c => Math.Max(header[c].Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
            bool[] rightAligned = { false, false, false, false, false, true, true, false };

            string Format(string[] cells) => string.Join("  ", cells.Select((c, i) =>
                i == cells.Length - 1 ? c : rightAligned[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd();

            w.WriteLine(ansi.Bold(Format(header)));
            for (int i = 0; i < rows.Count; i++)
            {
                var text = Format(rows[i]);
                w.WriteLine(schedule.Tasks[i].IsCritical ? ansi.Red(text) : text);
            }

            w.WriteLine();
            w.WriteLine("Critical path (" + schedule.CriticalPath.Count + " task" + (schedule.CriticalPath.Count == 1 ? "" : "s") + "): " +
                        (schedule.CriticalPath.Count == 0 ? "(none)" : string.Join(" → ", schedule.CriticalPath.Select(t => t.Id))));
            w.WriteLine(ansi.Dim("* critical (zero total float); Days = working days of work; Float = total float in working days"));
            foreach (var note in notes) w.WriteLine(ansi.Yellow("note: ") + note);
        }

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static string Truncate(string text) => text.Length <= MaxNameWidth ? text : text.Substring(0, MaxNameWidth - 1) + "…";
    }
}
