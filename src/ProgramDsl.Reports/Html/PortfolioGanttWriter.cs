using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>
    /// The portfolio page (<c>index.html</c> of <c>tpm build PORTFOLIO</c>): one lane per program on a shared date axis
    /// (a bar from its start to its finish, its deadline, the margin to it, late programs in red, its priority and the
    /// days it waited for people or pools other programs held), each lane opening onto the program's workstreams and
    /// tasks; below, the load of every shared person and pool by day, stacked by program, against its capacity. Like the
    /// Gantt chart (<see cref="GanttHtml"/>) it is one self-contained file: styles, drawing (inline SVG) and script inside,
    /// nothing fetched.
    /// </summary>
    /// <remarks>
    /// Lanes are <c>details</c> elements, so they open with the mouse or the keyboard without the script; the script adds
    /// "expand all", links that open lanes (<c>index.html#open=all</c>, <c>#open=alpha,beta</c>) and tooltips. Output
    /// depends only on the portfolio: no dates or times, no culture, LF line ends. When the programs were leveled together
    /// (<see cref="TpmPortfolio.Schedule"/>) the page draws that schedule; otherwise each program's own schedule, and the
    /// load view then shows where they over-book a shared person or pool.
    /// </remarks>
    public static class PortfolioGanttWriter
    {
        /// <summary>The page's file name in the output folder of <c>tpm build PORTFOLIO</c>.</summary>
        public const string FileName = "index.html";

        private const int H = GanttLayout.RowHeight;
        private const int ListWidth = 520;
        private const int AxisHeight = 44;
        private const int LaneHeight = 40;
        private const int LoadHeight = 56;
        private const int Colours = 10;
        private const int LabelOffset = GanttLayout.Gap + 4;
        private const int LongName = 40;

        private static readonly Lazy<string> Css = new Lazy<string>(() => HtmlAssets.Resource("gantt.css") + HtmlAssets.Resource("portfolio.css"));
        private static readonly Lazy<string> Script = new Lazy<string>(() => HtmlAssets.Resource("portfolio.js") + HtmlAssets.Resource("tooltip.js"));

        /// <summary>The page of a compiled portfolio; <paramref name="toolVersion"/> goes into the footer.</summary>
        /// <exception cref="ArgumentException">No program of the portfolio has a schedule (all have errors, or none is named).</exception>
        public static string Render(TpmPortfolio portfolio, string toolVersion = "0.0.0")
        {
            var text = new StringWriter(CultureInfo.InvariantCulture);
            Render(portfolio, toolVersion, text);
            return text.ToString();
        }

        /// <summary>Writes the page of a compiled portfolio to <paramref name="output"/> as it goes, never holding it whole.</summary>
        /// <exception cref="ArgumentException">No program of the portfolio has a schedule (all have errors, or none is named).</exception>
        public static void Render(TpmPortfolio portfolio, string toolVersion, TextWriter output)
        {
            if (portfolio is null) throw new ArgumentNullException(nameof(portfolio));
            if (toolVersion is null) throw new ArgumentNullException(nameof(toolVersion));
            if (output is null) throw new ArgumentNullException(nameof(output));
            new Page(PortfolioView.Build(portfolio), output).Write(toolVersion);
        }

        private sealed class Page : HtmlPageWriter<Page>
        {
            private readonly PortfolioView _view;
            private readonly Timeline _axis;

            public Page(PortfolioView view, TextWriter output)
            {
                _view = view;
                _axis = view.Timeline;
                Output = output;
            }

            private int Width => _axis.Width;

            private TimelineAxis Ticks => new TimelineAxis(_axis, Output, AxisHeight);

            public void Write(string toolVersion)
            {
                A("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
                A("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
                A("<meta name=\"generator\" content=\"tpm ").E(toolVersion).A("\">\n");
                A("<title>").E(_view.Title).A(" \u2014 Portfolio</title>\n<style>\n").A(Css.Value).A("</style>\n</head>\n<body>\n");
                Header();
                A("<main class=\"gantt pf\" id=\"portfolio\">\n<div class=\"pgrid\" style=\"--w:").I(Width).A("px;width:").I(ListWidth + Width).A("px\">\n");
                AxisRow();
                A("<div class=\"lanes\" id=\"lanes\">\n");
                foreach (var lane in _view.Lanes) Lane(lane);
                A("</div>\n");
                LoadSection();
                A("</div>\n</main>\n");
                HowToRead();
                A("<footer>Written by tpm ").E(toolVersion).A(" from portfolio <code>").E(_view.Id).A("</code>. ");
                A("Bars run from the start of their first working day to the end of their last; deadlines are drawn at the end of their day. ");
                A("Margins and waits are working days of each program\u2019s calendar.</footer>\n");
                A("<div id=\"tip\" role=\"tooltip\"></div>\n<script>\n").A(Script.Value).A("</script>\n</body>\n</html>\n");
            }

            // ------------------------------------------------------------------ header

            private void Header()
            {
                var lanes = _view.Lanes;
                A("<header class=\"top\">\n<h1>").E(_view.Title).A("<small>").E(_view.Id).A(" \u00B7 Portfolio</small></h1>\n<ul class=\"facts\">\n");
                A("<li><b>").I(lanes.Count).A("</b> ").A(lanes.Count == 1 ? "program" : "programs").A("</li>\n");
                A("<li>Start <b>").A(HtmlText.Date(Start())).A("</b></li>\n");
                A("<li>Finish <b>").A(HtmlText.Date(Finish())).A("</b></li>\n");
                int withDeadline = lanes.Count(l => l.Program?.Deadline != null);
                int late = lanes.Count(l => l.Late);
                if (withDeadline > 0)
                {
                    if (late == 0) A("<li><span class=\"good\">every deadline met</span></li>\n");
                    else A("<li><span class=\"bad\">").I(late).A(" of ").I(withDeadline).A(withDeadline == 1 ? " deadline" : " deadlines").A(" missed</span></li>\n");
                }

                int unscheduled = lanes.Count(l => l.Schedule is null);
                if (unscheduled > 0) A("<li><span class=\"bad\">").I(unscheduled).A(" not scheduled (errors)</span></li>\n");
                int people = _view.Loads.Count(l => !l.IsPool), pools = _view.Loads.Count(l => l.IsPool);
                A("<li><b>").I(people).A("</b> shared ").A(people == 1 ? "person" : "people").A(", <b>").I(pools).A("</b> shared ").A(pools == 1 ? "pool" : "pools").A("</li>\n");
                if (_view.Leveled is { } leveled)
                {
                    A("<li>Leveled together");
                    if (leveled.LevelingSchedules > 0) A(" (").I(leveled.LevelingSchedules).A(leveled.LevelingSchedules == 1 ? " schedule" : " schedules").A(", seed ").I(leveled.Seed).A(")");
                    A("</li>\n");
                }
                else
                {
                    A("<li>Not leveled together: each program as it stands</li>\n");
                }

                A("</ul>\n<div class=\"bar-line\">\n<ul class=\"legend\" aria-label=\"Legend\">\n");
                Key("<rect class=\"pbar p0\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Program");
                Key("<rect class=\"pbar late\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Late program");
                Key("<line class=\"vl dl\" x1=\"12\" y1=\"0\" x2=\"12\" y2=\"14\"/>", "Deadline");
                Key("<line class=\"mgn\" x1=\"2\" y1=\"7\" x2=\"22\" y2=\"7\"/>", "Margin to the deadline");
                Key("<line class=\"mgn late\" x1=\"2\" y1=\"7\" x2=\"22\" y2=\"7\"/>", "Days late");
                Key("<path class=\"summary\" d=\"M1 2H23V12L18 7H6L1 12Z\"/>", "Workstream");
                Key("<rect class=\"bar\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Task");
                Key("<rect class=\"bar critical\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Critical task");
                Key("<path class=\"bar milestone\" d=\"M12 1l6 6l-6 6l-6-6z\"/>", "Milestone");
                A("</ul>\n<div class=\"tools\"><button type=\"button\" id=\"expand-all\">Expand all</button><button type=\"button\" id=\"collapse-all\">Collapse all</button></div>\n</div>\n</header>\n");
            }

            private CalendarDate Start()
            {
                if (_view.Leveled is { } leveled) return leveled.StartDate;
                return _view.Lanes.Where(l => l.Schedule != null).Min(l => l.Program!.Start);
            }

            private CalendarDate Finish()
            {
                if (_view.Leveled is { } leveled) return leveled.FinishDate;
                return _view.Lanes.Where(l => l.Schedule != null).Max(l => l.Schedule!.FinishDate);
            }

            private void Key(string shape, string label) =>
                A("<li><svg width=\"24\" height=\"14\" aria-hidden=\"true\">").A(shape).A("</svg>").A(label).A("</li>\n");

            // ------------------------------------------------------------------ axis

            private void AxisRow()
            {
                A("<div class=\"prow head\"><div class=\"corner pc\"><span>Program</span><span class=\"num\">Priority</span><span>Finish</span><span class=\"num\">Margin</span><span class=\"num\">Waits</span></div>\n");
                A("<div class=\"axis\"><svg class=\"ax\" width=\"").I(Width).A("\" height=\"").I(AxisHeight).A("\" aria-hidden=\"true\">\n");
                Ticks.Ticks();
                A("</svg></div></div>\n");
            }

            // ------------------------------------------------------------------ lanes

            private void Lane(PortfolioLane lane)
            {
                // A summary holds phrasing content only: its cells are spans laid out by the style.
                A("<details class=\"lane\" id=\"lane-").I(lane.Index).A("\" data-id=\"").E(lane.Id).A("\">\n<summary class=\"prow\">");
                LaneFacts(lane);
                A("<span class=\"lsw\"><svg class=\"lsvg\" width=\"").I(Width).A("\" height=\"").I(LaneHeight).A("\" aria-label=\"").E(lane.Name).A(" on the timeline\">\n");
                Ticks.MonthLines(LaneHeight);
                if (lane.Schedule is { } schedule) LaneBar(lane, schedule);
                A("</svg></span></summary>\n");
                if (lane.Schedule is { } s) Body(lane, s);
                else A("<div class=\"lane-body empty\"><p>This program has errors and was not scheduled: run <code>tpm check</code> on it.</p></div>\n");
                A("</details>\n");
            }

            private void LaneFacts(PortfolioLane lane)
            {
                A("<span class=\"pl lh\"><span class=\"n\"");
                if (lane.Name.Length > 24) A(" title=\"").E(lane.Name).A("\""); // the list cell cuts longer names
                A("><span class=\"sw p").I(lane.Index % Colours).A("\"></span>").E(lane.Name).A("</span>");
                A("<span class=\"num\">").I(lane.Member.Priority).A("</span>");
                A("<span>").A(lane.Schedule is { } s ? HtmlText.Date(s.FinishDate) : "\u2014").A("</span>");
                if (lane.MarginDays is int margin)
                {
                    A("<span class=\"num ").A(lane.Late ? "bad" : "good").A("\">");
                    A(margin > 0 ? "+" + HtmlText.Int(margin) : margin < 0 ? "\u2212" + HtmlText.Int(-margin) : "0").A("</span>");
                }
                else
                {
                    A("<span class=\"num\">\u2014</span>");
                }

                A("<span class=\"num\">").A(lane.WaitDays > 0 ? HtmlText.Int(lane.WaitDays) + " d" : "\u2014").A("</span>");
                A("<span class=\"sub\">").E(Subtitle(lane)).A("</span></span>\n");
            }

            /// <summary>The lane's second line: id, dates, deadline, and whom it waited for.</summary>
            private static string Subtitle(PortfolioLane lane)
            {
                var sb = new StringBuilder();
                sb.Append(lane.Id);
                if (lane.Schedule is { } s) sb.Append(" \u00B7 ").Append(HtmlText.Date(s.Program.Start)).Append(" \u2192 ").Append(HtmlText.Date(s.FinishDate));
                if (lane.Program?.Deadline is CalendarDate d) sb.Append(" \u00B7 deadline ").Append(HtmlText.Date(d));
                if (lane.WaitDays > 0) sb.Append(" \u00B7 waited ").Append(HtmlText.WorkingDays(lane.WaitDays)).Append(" for ").Append(WaitText(lane));
                return sb.ToString();
            }

            private static string WaitText(PortfolioLane lane) =>
                string.Join("; ", lane.Waits.Select(w => w.Name + " " + HtmlText.Int(w.Days) + " d (held by " + string.Join(", ", w.HeldBy) + ")"));

            private string LaneTip(PortfolioLane lane, Schedule schedule)
            {
                var sb = new StringBuilder();
                var program = schedule.Program;
                sb.Append(lane.Name).Append('\n').Append(lane.Id).Append(" \u00B7 priority ").Append(HtmlText.Int(lane.Member.Priority)).Append('\n');
                sb.Append(HtmlText.Date(program.Start)).Append(" \u2192 ").Append(HtmlText.Date(schedule.FinishDate)).Append(" \u00B7 ").Append(HtmlText.WorkingDays(schedule.DurationDays));
                if (program.Deadline is CalendarDate deadline)
                {
                    sb.Append("\nDeadline ").Append(HtmlText.Date(deadline)).Append(": ");
                    int margin = lane.MarginDays ?? 0;
                    if (lane.Late) sb.Append("missed by ").Append(HtmlText.WorkingDays(Math.Max(1, -margin)));
                    else sb.Append("met, ").Append(HtmlText.WorkingDays(Math.Max(0, margin))).Append(" to spare");
                }

                if (lane.WaitDays > 0) sb.Append("\nWaited ").Append(HtmlText.WorkingDays(lane.WaitDays)).Append(" for ").Append(WaitText(lane));
                sb.Append("\nPlanned cost: ").Append(ArtefactText.Money(schedule.Cost, program.Currency));
                return sb.ToString();
            }

            private void LaneBar(PortfolioLane lane, Schedule schedule)
            {
                var program = schedule.Program;
                int x1 = _axis.X(program.Start);
                int x2 = schedule.FinishDate >= program.Start ? _axis.EndX(schedule.FinishDate) : x1;
                A("<rect class=\"pbar p").I(lane.Index % Colours).A(lane.Late ? " late" : string.Empty).A("\" x=\"").I(x1).A("\" y=\"11\" width=\"").I(Math.Max(2, x2 - x1))
                    .A("\" height=\"18\" rx=\"3\"><title>").E(LaneTip(lane, schedule)).A("</title></rect>\n");
                int labelX = x2;
                if (program.Deadline is CalendarDate deadline && _axis.Contains(deadline))
                {
                    int xd = _axis.EndX(deadline);
                    if (xd != x2)
                    {
                        // The margin: green from the finish to the deadline, or red from the deadline to a late finish.
                        A("<line class=\"mgn").A(lane.Late ? " late" : string.Empty).A("\" x1=\"").I(Math.Min(x2, xd)).A("\" y1=\"35\" x2=\"").I(Math.Max(x2, xd)).A("\" y2=\"35\"/>\n");
                    }

                    A("<line class=\"vl dl\" x1=\"").I(xd).A("\" y1=\"2\" x2=\"").I(xd).A("\" y2=\"").I(LaneHeight - 2).A("\"><title>Deadline ").A(HtmlText.Date(deadline)).A("</title></line>\n");
                    labelX = Math.Max(labelX, xd);
                }

                var label = new StringBuilder(HtmlText.Date(schedule.FinishDate));
                if (lane.MarginDays is int margin)
                {
                    label.Append(" \u00B7 ");
                    if (lane.Late) label.Append(HtmlText.WorkingDays(Math.Max(1, -margin))).Append(" late");
                    else label.Append(HtmlText.WorkingDays(Math.Max(0, margin))).Append(" to spare");
                }

                A("<text class=\"lb").A(lane.Late ? " bad" : string.Empty).A("\" x=\"").I(labelX + LabelOffset).A("\" y=\"24\">").E(label.ToString()).A("</text>\n");
            }

            // ------------------------------------------------------------------ a lane's workstreams and tasks

            private void Body(PortfolioLane lane, Schedule schedule)
            {
                var program = schedule.Program;
                var layout = GanttLayout.Build(program, schedule, _axis);
                int height = Math.Max(1, layout.Rows.Count) * H;
                A("<div class=\"lane-body prow\">\n<div class=\"list pl\">\n");
                if (layout.Rows.Count == 0) A("<div class=\"r\"><span class=\"n\">No workstreams or tasks</span></div>\n");
                foreach (var row in layout.Rows) ListRow(row);
                A("</div>\n<div><svg class=\"chart\" width=\"").I(Width).A("\" height=\"").I(height).A("\" aria-label=\"Workstreams and tasks of ").E(lane.Name).A("\">\n");
                NonWorking(lane.Index, program);
                A("<rect width=\"").I(Width).A("\" height=\"100%\" fill=\"url(#nw").I(lane.Index).A(")\"/>\n");
                A("<rect width=\"").I(Width).A("\" height=\"100%\" fill=\"url(#rl").I(lane.Index).A(")\"/>\n");
                Ticks.MonthLines(height);
                A("<g class=\"rows\">\n");
                foreach (var row in layout.Rows) ChartRow(row, program);
                A("</g>\n");
                if (program.Deadline is CalendarDate deadline && _axis.Contains(deadline))
                {
                    int x = _axis.EndX(deadline);
                    A("<line class=\"vl dl\" x1=\"").I(x).A("\" y1=\"0\" x2=\"").I(x).A("\" y2=\"100%\"><title>Deadline ").A(HtmlText.Date(deadline)).A("</title></line>\n");
                }

                A("</svg></div>\n</div>\n");
            }

            private void ListRow(GanttRow row)
            {
                A("<div class=\"r");
                if (row.IsWorkstream) A(" w");
                if (row.Task is { } t)
                {
                    if (t.IsCritical) A(" c");
                    if (t.Task.IsMilestone) A(" m");
                }

                A(" d").I(Math.Min(row.Depth, 10)).A("\" data-id=\"").E(row.Symbol.Id).A("\"><span class=\"n\"");
                var name = row.Symbol.DisplayName;
                if (name.Length > LongName) A(" title=\"").E(name).A("\"");
                A(">").E(name).A("</span>");
                DateCells(row);

                A("</div>\n");
            }

            /// <summary>The program's non-working weekdays and row lines, as the Gantt chart draws them, under ids of this lane.</summary>
            private void NonWorking(int lane, ProgramSymbol program)
            {
                int week = 7 * _axis.PixelsPerDay;
                A("<defs><pattern id=\"nw").I(lane).A("\" patternUnits=\"userSpaceOnUse\" width=\"").I(week).A("\" height=\"").I(H).A("\">");
                NonWorkingDays(_axis, program.Calendar.Workdays, H);

                A("</pattern><pattern id=\"rl").I(lane).A("\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"").I(H).A("\"><rect class=\"rl\" y=\"").I(H - 1).A("\" width=\"8\" height=\"1\"/></pattern></defs>\n");
            }

            private void ChartRow(GanttRow row, ProgramSymbol program)
            {
                A("<g");
                if (row.IsWorkstream) A(" class=\"w\"");
                A(" data-id=\"").E(row.Symbol.Id).A("\" transform=\"translate(0,").I(row.Index * H).A(")\">");
                if (row.Workstream is { } ws)
                {
                    A("<rect class=\"wb\" width=\"").I(Width).A("\" height=\"").I(H - 1).A("\"/>");
                    if (row.HasBar) WorkstreamBar(row, ws, program);
                }
                else if (row.Task is { } t)
                {
                    TaskBar(row, t, program);
                }

                A("</g>\n");
            }

            private void WorkstreamBar(GanttRow row, ScheduledWorkstream ws, ProgramSymbol program)
            {
                int x1 = row.X1, x2 = row.X2;
                if (row.IsPoint) A("<path class=\"summary\" d=\"M").I((x1 + x2) / 2).A(" 5l6 6l-6 6l-6-6z\">");
                else if (x2 - x1 >= 12) A("<path class=\"summary\" d=\"M").I(x1).A(" 6H").I(x2).A("V16L").I(x2 - 5).A(" 11H").I(x1 + 5).A("L").I(x1).A(" 16Z\">");
                else A("<path class=\"summary\" d=\"M").I(x1).A(" 6H").I(x2).A("V12H").I(x1).A("Z\">");
                var tip = new StringBuilder();
                tip.Append(ws.Workstream.DisplayName).Append('\n').Append(ws.Id).Append(" \u00B7 workstream");
                if (ws.StartDate is CalendarDate s && ws.FinishDate is CalendarDate f && ws.Start is int si && ws.Finish is int fi)
                {
                    tip.Append('\n').Append(HtmlText.Date(s)).Append(" \u2192 ").Append(HtmlText.Date(f)).Append(" \u00B7 ").Append(HtmlText.WorkingDays(fi - si));
                }

                tip.Append("\nCost: ").Append(ArtefactText.Money(ws.Cost, program.Currency));
                A("<title>").E(tip.ToString()).A("</title></path>");
            }

            private void TaskBar(GanttRow row, ScheduledTask t, ProgramSymbol program)
            {
                string critical = t.IsCritical ? " critical" : string.Empty;
                var tip = new StringBuilder();
                tip.Append(t.Task.DisplayName).Append('\n').Append(t.Id).Append(t.Task.IsMilestone ? " \u00B7 milestone" : " \u00B7 task");
                if (t.IsCritical) tip.Append(" \u00B7 critical");
                tip.Append('\n');
                if (row.IsPoint) tip.Append(HtmlText.Date(t.StartDate));
                else tip.Append(HtmlText.Date(t.StartDate)).Append(" \u2192 ").Append(HtmlText.Date(t.FinishDate)).Append(" \u00B7 ").Append(HtmlText.WorkingDays(t.DurationDays));
                if (t.Assigned.Count > 0) tip.Append("\nAssigned: ").Append(string.Join(", ", t.Assigned.Select(a => a.Person.DisplayName + (a.Share != 1m ? " " + HtmlText.Percent(a.Share) : string.Empty))));
                if (t.Task.ResourceUses.Count > 0) tip.Append("\nUses: ").Append(string.Join(", ", t.Task.ResourceUses.Select(u => u.Resource.DisplayName + " \u00D7" + HtmlText.Int(u.Units))));
                if (t.DelayedBy != null) tip.Append("\nWaits for ").Append(t.DelayedBy.DisplayName).Append(": ").Append(HtmlText.WorkingDays(t.ResourceDelayDays));
                if (row.IsPoint)
                {
                    A("<path class=\"bar milestone").A(critical).A("\" d=\"M").I((row.X1 + row.X2) / 2).A(" 5l6 6l-6 6l-6-6z\"><title>").E(tip.ToString()).A("</title></path>");
                    return;
                }

                A("<rect class=\"bar").A(critical).A("\" x=\"").I(row.X1).A("\" y=\"5\" width=\"").I(Math.Max(2, row.X2 - row.X1)).A("\" height=\"12\" rx=\"2\"><title>").E(tip.ToString()).A("</title></rect>");
            }

            // ------------------------------------------------------------------ shared load

            private void LoadSection()
            {
                A("<section class=\"loads\" id=\"loads\">\n<div class=\"lhead\"><h2>Shared people and pools by day</h2><ul class=\"legend\">\n");
                foreach (var lane in _view.Lanes) Key("<rect class=\"pbar p" + HtmlText.Int(lane.Index % Colours) + "\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", HtmlText.Encode(lane.Name));
                Key("<line class=\"cap\" x1=\"0\" y1=\"7\" x2=\"24\" y2=\"7\"/>", "Capacity");
                Key("<rect class=\"ovr\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "Over capacity");
                A("</ul></div>\n");
                if (_view.Loads.Count == 0) A("<p class=\"none\">The programs share no person or resource pool.</p>\n");
                foreach (var load in _view.Loads) LoadRow(load);
                A("</section>\n");
            }

            private void LoadRow(PortfolioLoad load)
            {
                // Columns: a day each, or several days in one pixel on long axes (then the busiest of them).
                var columns = new List<(int X, int W, CalendarDate Date, long[] Units, long Total)>();
                long peak = 0;
                CalendarDate? peakDay = null;
                int overDays = 0;
                foreach (var (date, units) in load.Days)
                {
                    long total = 0;
                    foreach (var u in units) total += u;
                    if (total > peak)
                    {
                        peak = total;
                        peakDay = date;
                    }

                    if (total > load.Capacity) overDays++;
                    if (!_axis.Contains(date)) continue;
                    int x = _axis.X(date), w = Math.Max(1, _axis.EndX(date) - x);
                    if (columns.Count > 0 && columns[columns.Count - 1].X == x)
                    {
                        if (columns[columns.Count - 1].Total < total) columns[columns.Count - 1] = (x, w, date, units, total);
                        continue;
                    }

                    columns.Add((x, w, date, units, total));
                }

                A("<div class=\"prow lrow\" data-id=\"").E(load.Id).A("\" data-kind=\"").A(load.IsPool ? "pool" : "person").A("\">");
                A("<div class=\"pl lp\"><span class=\"n\">").E(load.Name).A("</span><span class=\"sub\">");
                A(load.IsPool ? "pool \u00B7 " + HtmlText.Int(load.Capacity) + (load.Capacity == 1 ? " unit" : " units") + " a day" : "person \u00B7 one working day a day");
                if (peakDay is CalendarDate pd) A(" \u00B7 peak ").A(Amount(load, peak)).A(" on ").A(HtmlText.Date(pd));
                A("</span>");
                if (overDays > 0) A("<span class=\"sub bad\">over capacity on ").I(overDays).A(overDays == 1 ? " day" : " days").A("</span>");
                A("</div>\n<div><svg class=\"sl\" width=\"").I(Width).A("\" height=\"").I(LoadHeight).A("\" aria-label=\"Load of ").E(load.Name).A(" by day, stacked by program\">\n");
                Ticks.MonthLines(LoadHeight);
                long scale = Math.Max(load.Capacity, peak);
                int Y(long units) => LoadHeight - 2 - (int)(units * (LoadHeight - 8) / scale);

                var lanes = _view.Lanes;
                var below = new long[columns.Count];
                for (int k = 0; k < lanes.Count; k++)
                {
                    long sum = 0;
                    int days = 0;
                    CalendarDate? first = null, last = null;
                    foreach (var (date, units) in load.Days)
                    {
                        if (units[k] == 0) continue;
                        sum += units[k];
                        days++;
                        first ??= date;
                        last = date;
                    }

                    if (sum == 0) continue;
                    A("<path class=\"band p").I(k % Colours).A("\" data-program=\"").E(lanes[k].Id).A("\" data-units=\"").I(sum).A("\" d=\"");
                    int runX = 0, runEnd = -1, runTop = 0, runBottom = 0;
                    void Flush()
                    {
                        if (runEnd < 0) return;
                        A("M").I(runX).A(" ").I(runTop).A("H").I(runEnd).A("V").I(runBottom).A("H").I(runX).A("Z");
                        runEnd = -1;
                    }

                    for (int c = 0; c < columns.Count; c++)
                    {
                        var col = columns[c];
                        long u = col.Units[k];
                        int bottom = Y(below[c]), top = Y(below[c] + u);
                        below[c] += u;
                        if (u == 0 || top == bottom)
                        {
                            Flush();
                            continue;
                        }

                        // Adjacent days at the same heights are one rectangle.
                        if (runEnd == col.X && runTop == top && runBottom == bottom)
                        {
                            runEnd = col.X + col.W;
                            continue;
                        }

                        Flush();
                        runX = col.X;
                        runEnd = col.X + col.W;
                        runTop = top;
                        runBottom = bottom;
                    }

                    Flush();
                    var tip = load.Name + " \u00B7 " + lanes[k].Name + "\n" + Amount(load, sum, days: true) + " booked on " + HtmlText.Int(days) + (days == 1 ? " day" : " days")
                        + ", " + HtmlText.Date(first!.Value) + " \u2192 " + HtmlText.Date(last!.Value);
                    A("\"><title>").E(tip).A("</title></path>\n");
                }

                // Days over capacity (none when leveled together): a red strip along the top.
                int overX = 0, overEnd = -1;
                CalendarDate overFrom = default, overTo = default;
                void FlushOver()
                {
                    if (overEnd < 0) return;
                    A("<rect class=\"ovr\" x=\"").I(overX).A("\" y=\"0\" width=\"").I(overEnd - overX).A("\" height=\"4\"><title>").E(load.Name).A(" is booked over capacity on ")
                        .A(HtmlText.Date(overFrom)).A(overTo != overFrom ? ".." + HtmlText.Date(overTo) : string.Empty).A("</title></rect>\n");
                    overEnd = -1;
                }

                foreach (var col in columns)
                {
                    if (col.Total <= load.Capacity)
                    {
                        FlushOver();
                        continue;
                    }

                    if (overEnd != col.X)
                    {
                        FlushOver();
                        overX = col.X;
                        overFrom = col.Date;
                    }

                    overEnd = col.X + col.W;
                    overTo = col.Date;
                }

                FlushOver();
                int capY = Y(load.Capacity);
                A("<line class=\"cap\" x1=\"0\" y1=\"").I(capY).A("\" x2=\"").I(Width).A("\" y2=\"").I(capY).A("\"><title>Capacity: ").A(Amount(load, load.Capacity)).A(" a day</title></line>\n");
                A("</svg></div></div>\n");
            }

            /// <summary>Units as the reader counts them: a person's share of a day ("150%"), or pool units.</summary>
            private static string Amount(PortfolioLoad load, long units, bool days = false)
            {
                if (load.IsPool) return HtmlText.Int(units) + (days ? " unit-days" : units == 1 ? " unit" : " units");
                if (!days) return HtmlText.Percent(units / (decimal)ResourceLoad.PersonUnits);
                var personDays = units / (decimal)ResourceLoad.PersonUnits;
                return personDays.ToString("0.###", CultureInfo.InvariantCulture) + (personDays == 1m ? " person-day" : " person-days");
            }

            // ------------------------------------------------------------------ how to read

            private void HowToRead()
            {
                A("<section class=\"howto\">\n<h2>How to read this page</h2>\n<ul>\n");
                A("<li>Each lane is a program of the portfolio, in the portfolio\u2019s order: its bar runs from its start to its finish on one calendar shared by every lane. ");
                A("A red bar is a program that finishes after its deadline.</li>\n");
                A("<li>The dashed red line is the program\u2019s deadline. The line under the bar is the margin: green from the finish to the deadline (working days to spare), red from the deadline to a late finish.</li>\n");
                A("<li><b>Priority</b> (1\u20131000) is the portfolio\u2019s: when programs need the same person or pool, the higher priority is served first. ");
                A("<b>Waits</b> are the working days a program could have worked but waited for a shared person or pool another program held; the lane\u2019s second line says for whom.</li>\n");
                A("<li>Open a lane (click it, or focus it and press Enter or Space) to see the program\u2019s workstreams and tasks, ");
                A("as scheduled ").A(_view.Leveled != null ? "in the portfolio (leveled together)" : "on its own").A(". Critical tasks are red.</li>\n");
                A("<li>Under the lanes, each person or pool shared by programs: the units booked each day, stacked by program in the programs\u2019 colours; the dashed line is the capacity. ");
                A(_view.Leveled != null
                    ? "Leveled together, no day goes over it."
                    : "The programs were not leveled together, so a red strip marks days a shared person or pool is booked over capacity.");
                A("</li>\n</ul>\n</section>\n");
            }
        }
    }
}
