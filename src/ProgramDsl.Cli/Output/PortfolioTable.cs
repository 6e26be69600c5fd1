using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Cli.Output
{
    /// <summary>
    /// A portfolio's programs as an aligned table for a terminal (<c>tpm schedule PORTFOLIO</c>): each program's priority,
    /// dates, deadline margin and cost, and, leveled together, the working days it waited for a shared person or pool
    /// and who held them; then, with <c>--programs</c>, each program's usual schedule table.
    /// </summary>
    public static class PortfolioTable
    {
        private const int MaxWaitsShown = 3;
        private const int MaxHoldersShown = 4;

        /// <summary>Writes the table.</summary>
        public static void Write(TextWriter w, TpmPortfolio portfolio, Ansi ansi, bool quiet, bool programs)
        {
            var model = portfolio.Model;
            var together = portfolio.Schedule;
            w.WriteLine(ansi.Bold("Portfolio " + (model?.Id ?? portfolio.SyntaxTree.Source.Path) +
                                  (model?.Title is null ? "" : " \"" + Diagnostic.Printable(model.Title) + "\"")));
            var scheduled = portfolio.Members.Where(m => m.Program.Schedule != null).Select(m => m.Program.Schedule!).ToList();
            var line = "  " + Plural(portfolio.Members.Count, "program");
            if (scheduled.Count > 0)
            {
                line += "   start " + scheduled.Min(s => s.StartDate) + "   finish " + scheduled.Max(s => s.FinishDate);
            }

            line += "   " + Plural(portfolio.Shared.Count, "shared person or pool", "shared people and pools");
            w.WriteLine(line);
            w.WriteLine(together != null
                ? "  leveled together: " + together.LevelingSchedules.ToString("N0", CultureInfo.InvariantCulture) + " schedule" + (together.LevelingSchedules == 1 ? "" : "s") + " tried, seed " +
                  together.Seed.ToString(CultureInfo.InvariantCulture)
                : portfolio.HasErrors
                    ? "  not leveled together: the portfolio has errors; each program that has a schedule is shown as it stands"
                    : "  not leveled together: each program is scheduled as it stands; a shared person or pool may be over-allocated across programs (TPM2103)");
            w.WriteLine();

            var byMember = together?.Programs.ToDictionary(p => p.Member) ?? new Dictionary<PortfolioMember, PortfolioProgramSchedule>();
            var columns = new List<(string Header, bool Right, Func<PortfolioMember, string> Cell)>
            {
                ("Program", false, m => m.Id),
                ("Priority", true, m => m.Priority.ToString(CultureInfo.InvariantCulture)),
                ("Start", false, m => m.Program.Schedule?.StartDate.ToString() ?? "(no schedule: errors)"),
                ("Finish", false, m => m.Program.Schedule?.FinishDate.ToString() ?? ""),
                ("Deadline", false, m => m.Program.Model?.Deadline?.ToString() ?? ""),
                ("Margin", true, m => MarginOf(m, byMember) is int margin ? Signed(margin) : ""),
                ("Cost", true, m => m.Program.Schedule is Schedule s ? Money(s.Cost) + (s.Program.Currency is null ? "" : " " + s.Program.Currency) : ""),
            };
            if (together != null)
            {
                columns.Add(("Wait", true, m => byMember.TryGetValue(m, out var p) ? p.WaitDays.ToString(CultureInfo.InvariantCulture) : ""));
                columns.Add(("Waited for", false, m => byMember.TryGetValue(m, out var p) ? WaitsText(p) : ""));
            }

            var members = portfolio.Members;
            var rows = members.Select(m => columns.Select(c => c.Cell(m)).ToArray()).ToList();
            var (header, lines) = TableText.Align(columns.Select(c => c.Header).ToArray(), rows, columns.Select(c => c.Right).ToArray());
            w.WriteLine(ansi.Bold(header!));
            for (int i = 0; i < lines.Count; i++) w.WriteLine(MarginOf(members[i], byMember) < 0 ? ansi.Red(lines[i]) : lines[i]);

            if (!quiet)
            {
                w.WriteLine();
                w.WriteLine(ansi.Dim("Priority = the portfolio's priority (1-1000; a higher one's days past its deadline are avoided first); Margin = working days from the finish to the deadline (negative: late)" +
                                     (together != null ? "; Wait = working days a task could have started but a shared person or pool was held by another program" : "")));
            }

            if (!programs) return;
            foreach (var member in members)
            {
                if (member.Program.Schedule is not Schedule schedule) continue;
                w.WriteLine();
                ScheduleTable.Write(w, schedule, ansi, quiet, member.Program.Baseline);
            }
        }

        /// <summary>Working days from the program's finish to its deadline (negative when late), or null without a deadline or a schedule.</summary>
        internal static int? MarginOf(PortfolioMember member, IReadOnlyDictionary<PortfolioMember, PortfolioProgramSchedule> together)
        {
            if (together.TryGetValue(member, out var p) && p.DeadlineMarginDays is int leveled) return leveled;
            var schedule = member.Program.Schedule;
            if (schedule is null || schedule.Program.Deadline is not CalendarDate deadline) return null;
            return schedule.WorkingDaysBetween(schedule.FinishDate, deadline);
        }

        /// <summary>"ana (beta) 5d, gpu-pool (alpha, beta) 2d": the longest waits first, at most three, then how many more.</summary>
        private static string WaitsText(PortfolioProgramSchedule program)
        {
            var waits = program.Waits.OrderByDescending(x => x.Days).ThenBy(x => x.Entity.Id, StringComparer.Ordinal).ToList();
            var text = string.Join(", ", waits.Take(MaxWaitsShown).Select(x => x.Entity.Id + " (" + Holders(x.HeldBy) + ") " + x.Days.ToString(CultureInfo.InvariantCulture) + "d"));
            return waits.Count > MaxWaitsShown ? text + ", " + (waits.Count - MaxWaitsShown).ToString(CultureInfo.InvariantCulture) + " more" : text;
        }

        /// <summary>The programs that held a person, the first few by name: a person shared by a thousand programs stays one line.</summary>
        private static string Holders(IReadOnlyList<string> heldBy) =>
            heldBy.Count <= MaxHoldersShown
                ? string.Join(", ", heldBy)
                : string.Join(", ", heldBy.Take(MaxHoldersShown)) + " and " + (heldBy.Count - MaxHoldersShown).ToString("N0", CultureInfo.InvariantCulture) + " more";

        internal static string KindWord(SharedEntity entity) => entity.Kind == SymbolKind.Person ? "person" : "pool";

        private static string Signed(int value) => (value > 0 ? "+" : "") + value.ToString(CultureInfo.InvariantCulture);

        private static string Plural(int count, string one, string? many = null) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many ?? one + "s");

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);
    }
}
