using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Baselines;
using ProgramDsl.Comparison;
using ProgramDsl.Diagnostics;
using static ProgramDsl.Reports.Diff.DiffWords;

namespace ProgramDsl.Reports.Diff
{
    /// <summary>
    /// A <see cref="PlanDiff"/> as GitHub-flavoured Markdown for a pull-request comment: one summary line, then a
    /// collapsible <c>&lt;details&gt;</c> section per kind of change. Titles, ids, labels and messages come from the plan
    /// and the repository, which a pull request controls, so every one is written as an inline code span
    /// (<see cref="Code"/>): no Markdown, HTML, mention, issue reference or link of its own reaches the page. Long
    /// sections are cut at <see cref="MaxRows"/> rows, so a large change still fits a comment.
    /// </summary>
    public static class DiffMarkdown
    {
        /// <summary>Rows a section shows before it says how many more there are.</summary>
        public const int MaxRows = 100;

        /// <summary>The longest title, id or message a code span shows (in UTF-16 units; longer ones end in "…").</summary>
        public const int MaxTextLength = 200;

        /// <summary>Ids of a critical path shown before "… and N more".</summary>
        private const int MaxPathIds = 40;

        /// <summary>The diff as Markdown, LF line ends, ending with a line feed.</summary>
        public static string Write(PlanDiff diff)
        {
            if (diff is null) throw new ArgumentNullException(nameof(diff));
            var sb = new StringBuilder();
            sb.Append("**Plan diff** of ").Append(Code(diff.NewProgramId ?? diff.OldProgramId ?? "(no program)"))
                .Append(", ").Append(Code(diff.OldLabel)).Append(" → ").Append(Code(diff.NewLabel)).Append(": ")
                .Append(Plain(Summary(diff))).Append('\n');
            if (diff.IsEmpty) return sb.ToString();

            WriteProgram(sb, diff);
            Table(sb, "Milestones moved", diff.MilestonesMoved, new[] { "Milestone", "Name", "Before", "After", "Working days" },
                m => new[] { Code(m.Id, true), Code(m.New.Name, true), m.Old.Finish.ToString(), m.New.Finish.ToString(), Signed(m.FinishDays) });
            Table(sb, "Added", diff.Added, new[] { "Id", "Name", "Start", "Finish" }, ItemRow);
            Table(sb, "Removed", diff.Removed, new[] { "Id", "Name", "Start", "Finish" }, ItemRow);
            Table(sb, "Renamed", diff.Renamed, new[] { "Id", "Before", "After" },
                r => new[] { Code(r.Id, true), Code(r.OldName, true), Code(r.NewName, true) });
            Table(sb, "Re-estimated", diff.Reestimated, new[] { "Id", "Name", "Change" },
                r => new[] { Code(r.Id, true), Code(r.New.Name, true), Plain(Reestimate(r)) });
            Table(sb, "Re-assigned", diff.Reassigned, new[] { "Id", "Name", "Before", "After" },
                r => new[] { Code(r.Id, true), Code(r.New.Name, true), Code(Assignees(r.Old.Assigned), true), Code(Assignees(r.New.Assigned), true) });
            Table(sb, "Tasks moved", diff.TasksMoved, new[] { "Id", "Name", "Start", "Finish", "Working days (start, finish)" },
                m => new[]
                {
                    Code(m.Id, true), Code(m.New.Name, true), Span(m.Old.Start, m.New.Start), Span(m.Old.Finish, m.New.Finish),
                    Signed(m.StartDays) + ", " + Signed(m.FinishDays),
                });
            if (diff.CriticalPathChanged) WriteCriticalPath(sb, diff);
            if (diff.ConflictsIntroduced.Count + diff.ConflictsResolved.Count > 0)
            {
                var conflicts = diff.ConflictsIntroduced.Select(d => ("introduced", d)).Concat(diff.ConflictsResolved.Select(d => ("resolved", d))).ToList();
                Table(sb, "Resource conflicts", conflicts, new[] { "", "Where", "Over-allocation" },
                    c => new[] { c.Item1, Where(c.d), Code(c.d.Message, true) });
            }

            Table(sb, "Leveling delays", diff.ResourceDelays, new[] { "Id", "Name", "Before", "After", "Waits for" },
                d => new[]
                {
                    Code(d.Id, true), Code(d.Name, true), d.OldDays.ToString(CultureInfo.InvariantCulture), d.NewDays.ToString(CultureInfo.InvariantCulture),
                    d.NewDelayedBy is string by ? Code(by, true) : "",
                });
            Table(sb, "Diagnostics introduced", diff.DiagnosticsIntroduced, new[] { "Severity", "Code", "Where", "Message" }, DiagnosticRow);
            Table(sb, "Diagnostics resolved", diff.DiagnosticsResolved, new[] { "Severity", "Code", "Where", "Message" }, DiagnosticRow);
            if (diff.Forecast is ForecastChange f)
            {
                var title = "Forecast (" + f.Iterations.ToString("N0", CultureInfo.InvariantCulture) + " iterations, seed " + f.Seed.ToString(CultureInfo.InvariantCulture) + ")";
                var rows = new[] { ("P50 finish", f.P50), ("P80 finish", f.P80) };
                Table(sb, title, rows, new[] { "", "Before", "After", "Change" }, r => DateRow(r.Item1, r.Item2), count: false);
            }

            return sb.ToString();
        }

        /// <summary>
        /// <paramref name="text"/> as an inline code span: control and bidirectional characters escaped, cut to
        /// <see cref="MaxTextLength"/>, fenced by more backticks than its longest run of them, padded when it starts or
        /// ends with a backtick; in a table cell its pipes are escaped (GitHub splits cells on them even inside code).
        /// </summary>
        public static string Code(string text, bool inTable = false)
        {
            var s = TextCut.Fit(Diagnostic.Printable(text ?? string.Empty), MaxTextLength);
            if (inTable) s = s.Replace("|", "\\|");
            int longest = 0, run = 0;
            foreach (var c in s)
            {
                run = c == '`' ? run + 1 : 0;
                if (run > longest) longest = run;
            }

            var fence = new string('`', longest + 1);
            bool pad = s.Length == 0 || s[0] == '`' || s[s.Length - 1] == '`' || (s[0] == ' ' && s[s.Length - 1] == ' ');
            return pad ? fence + " " + s + " " + fence : fence + s + fence;
        }

        /// <summary>A table cell: the value as a code span, or the plain word "none" for a side without one.</summary>
        private static string CodeOrNone(string? text) => text is null ? "none" : Code(text, true);

        /// <summary>Text of this writer's own (dates, numbers, fixed words) with Markdown's punctuation escaped.</summary>
        private static string Plain(string text)
        {
            var sb = new StringBuilder(text.Length + 8);
            foreach (var c in text)
            {
                if (c == '<') sb.Append("&lt;");
                else if (c == '>') sb.Append("&gt;");
                else if (c == '&') sb.Append("&amp;");
                else if ("\\`*_[]#|~!".IndexOf(c) >= 0) sb.Append('\\').Append(c);
                else sb.Append(c);
            }

            return sb.ToString();
        }

        private static void WriteProgram(StringBuilder sb, PlanDiff diff)
        {
            var rows = new List<string[]>();
            if (diff.OldProgramId != diff.NewProgramId) rows.Add(new[] { "Program", CodeOrNone(diff.OldProgramId), CodeOrNone(diff.NewProgramId), "changed" });
            if (diff.OldProgramName != diff.NewProgramName) rows.Add(new[] { "Title", CodeOrNone(diff.OldProgramName), CodeOrNone(diff.NewProgramName), "changed" });
            if (diff.Start.IsChanged) rows.Add(DateRow("Start", diff.Start));
            if (diff.OldScheduled || diff.NewScheduled) rows.Add(DateRow("Finish", diff.Finish));
            if (diff.Duration.IsChanged) rows.Add(DaysRow("Duration (working days)", diff.Duration));
            if (diff.Deadline.Old != null || diff.Deadline.New != null) rows.Add(DateRow("Deadline", diff.Deadline));
            if (diff.DeadlineMargin.Old != null || diff.DeadlineMargin.New != null) rows.Add(DaysRow("Deadline margin (working days)", diff.DeadlineMargin));
            var currency = diff.Currency is string c ? " (" + Code(c, true) + ")" : "";
            if (diff.OldScheduled || diff.NewScheduled) rows.Add(AmountRow("Cost" + currency, diff.Cost));
            if (diff.Budget.Old != null || diff.Budget.New != null) rows.Add(AmountRow("Budget" + currency, diff.Budget));
            if (rows.Count == 0) return;
            Table(sb, "Program", rows, new[] { "", "Before", "After", "Change" }, r => r, count: false);
        }

        private static void WriteCriticalPath(StringBuilder sb, PlanDiff diff)
        {
            Open(sb, "Critical path changed");
            sb.Append("- Before: ").Append(Path(diff.OldCriticalPath)).Append('\n');
            sb.Append("- After: ").Append(Path(diff.NewCriticalPath)).Append('\n');
            if (diff.JoinedCriticalPath.Count > 0) sb.Append("- Joined: ").Append(Ids(diff.JoinedCriticalPath, ", ")).Append('\n');
            if (diff.LeftCriticalPath.Count > 0) sb.Append("- Left: ").Append(Ids(diff.LeftCriticalPath, ", ")).Append('\n');
            Close(sb);
        }

        private static string Path(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : Ids(ids, " → ");

        private static string Ids(IReadOnlyList<string> ids, string separator)
        {
            var shown = string.Join(separator, ids.Take(MaxPathIds).Select(id => Code(id)));
            return ids.Count > MaxPathIds ? shown + separator + "… and " + (ids.Count - MaxPathIds).ToString("N0", CultureInfo.InvariantCulture) + " more" : shown;
        }

        /// <summary>"2027-03-08 → 2027-03-10", or the date alone when it did not move.</summary>
        private static string Span(ProgramDsl.Semantics.CalendarDate old, ProgramDsl.Semantics.CalendarDate @new) => old == @new ? old.ToString() : old + " → " + @new;

        private static string[] ItemRow(SnapshotItem i) =>
            new[] { Code(i.Id, true), Code(i.Name, true), i.IsMilestone ? "milestone" : i.Start.ToString(), i.Finish.ToString() };

        private static string[] DiagnosticRow(DiagnosticChange d) => new[] { Severity(d.Severity), d.Code, Where(d), Code(d.Message, true) };

        private static string Where(DiagnosticChange d) =>
            d.Path is null ? "" : Code(d.Path + (d.Line is int line ? "(" + line.ToString(CultureInfo.InvariantCulture) + "," + (d.Column ?? 1).ToString(CultureInfo.InvariantCulture) + ")" : ""), true);

        private static string[] DateRow(string name, DateChange c) =>
            new[] { name, Date(c.Old), Date(c.New), c.Days is int d && c.IsChanged ? WorkingDays(d) : c.IsChanged ? "changed" : "unchanged" };

        private static string[] DaysRow(string name, DaysChange c) =>
            new[] { name, c.Old?.ToString(CultureInfo.InvariantCulture) ?? "none", c.New?.ToString(CultureInfo.InvariantCulture) ?? "none", c.Change is int d ? (d == 0 ? "unchanged" : Signed(d)) : "changed" };

        private static string[] AmountRow(string name, AmountChange c) =>
            new[] { name, c.Old is decimal o ? Money(o) : "none", c.New is decimal n ? Money(n) : "none", c.Change is decimal d ? (d == 0 ? "unchanged" : Signed(d)) : "changed" };

        private static void Table<T>(StringBuilder sb, string title, IReadOnlyList<T> rows, string[] header, Func<T, string[]> cells, bool count = true)
        {
            if (rows.Count == 0) return;
            Open(sb, count ? title + " (" + rows.Count.ToString("N0", CultureInfo.InvariantCulture) + ")" : title);
            sb.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
            sb.Append('|').Append(string.Concat(header.Select(_ => " --- |"))).Append('\n');
            int shown = Math.Min(rows.Count, MaxRows);
            for (int i = 0; i < shown; i++) sb.Append("| ").Append(string.Join(" | ", cells(rows[i]))).Append(" |\n");
            if (rows.Count > shown) sb.Append("\n… and ").Append((rows.Count - shown).ToString("N0", CultureInfo.InvariantCulture)).Append(" more (the JSON output lists every one).\n");
            Close(sb);
        }

        /// <summary>A collapsed section; the blank line after the summary lets GitHub read Markdown inside the HTML block.</summary>
        private static void Open(StringBuilder sb, string title) =>
            sb.Append("\n<details><summary>").Append(System.Net.WebUtility.HtmlEncode(title)).Append("</summary>\n\n");

        private static void Close(StringBuilder sb) => sb.Append("\n</details>\n");
    }
}
