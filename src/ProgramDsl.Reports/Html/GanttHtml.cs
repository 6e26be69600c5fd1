using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>
    /// The Gantt chart as one self-contained HTML page (<c>gantt.html</c>): the workstream outline on the left, bars on
    /// a calendar axis with non-working days shaded, the critical path, dependency arrows, milestones, the deadline,
    /// due dates and the status date, and below it the load of every person and resource pool by week. Styles, the
    /// drawing (inline SVG) and the script are all inside the file; nothing is fetched. Measured against a frozen
    /// baseline, each task still in the baseline also gets a thin grey bar (a milestone a grey diamond) under its
    /// current one at its baseline dates, and the header says how far the finish moved.
    /// </summary>
    /// <remarks>
    /// Everything is computed here, so the page is complete without its script; the script folds workstreams and
    /// shows tooltips. Output depends only on the program and its schedule: no dates or times, no culture, LF line ends.
    /// </remarks>
    public static class GanttHtml
    {
        private const int H = GanttLayout.RowHeight;
        private const int ListWidth = 520;
        private const int AxisHeight = 44;
        private const int LongName = 40;

        // Labels right of a bar start past the arrows' turn (GanttLayout.Gap), so a line going down does not cut them.
        private const int LabelOffset = GanttLayout.Gap + 4;

        private static readonly Lazy<string> Css = new Lazy<string>(() => HtmlAssets.Resource("gantt.css"));
        private static readonly Lazy<string> Script = new Lazy<string>(() => HtmlAssets.Resource("gantt.js") + HtmlAssets.Resource("tooltip.js"));

        // Written only on a page with a baseline, so a page without one keeps its bytes.
        private const string BaselineCss =
            "/* Baseline bars: under the current ones, thin and grey. */\n" +
            ".bl { fill: #9aa5b1; stroke: none; }\n" +
            ".bl.ms { fill: #9aa5b1; stroke: #fff; stroke-width: 1; }\n";

        /// <summary>The page for an artefact context.</summary>
        public static string Render(ArtefactContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Render(context.Program, context.Schedule, context.ToolVersion, text, context.Baseline);
            return text.ToString();
        }

        /// <summary>The page for a program and its schedule; <paramref name="toolVersion"/> goes into the footer.</summary>
        public static string Render(ProgramSymbol program, Schedule schedule, string toolVersion = "0.0.0")
        {
            var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Render(program, schedule, toolVersion, text);
            return text.ToString();
        }

        /// <summary>Writes the page for an artefact context to <paramref name="output"/> as it goes, never holding it whole.</summary>
        public static void Render(ArtefactContext context, TextWriter output)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            Render(context.Program, context.Schedule, context.ToolVersion, output, context.Baseline);
        }

        /// <summary>
        /// Writes the page to <paramref name="output"/> as it goes, never holding it whole; <paramref name="baseline"/>,
        /// when given, is the comparison of <paramref name="schedule"/> with a frozen baseline, drawn under the bars.
        /// </summary>
        public static void Render(ProgramSymbol program, Schedule schedule, string toolVersion, TextWriter output, BaselineComparison? baseline = null)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (output is null) throw new ArgumentNullException(nameof(output));
            if (baseline != null && !ReferenceEquals(baseline.Schedule, schedule)) throw new ArgumentException("The baseline comparison is of another schedule.", nameof(baseline));
            var layout = GanttLayout.Build(program, schedule, baseline);
            var loads = ResourceLoad.Compute(program, schedule, layout.Timeline);
            new Page(program, schedule, layout, loads, baseline).Write(output, toolVersion);
        }

        private sealed class Page : HtmlPageWriter<Page>
        {
            private readonly ProgramSymbol _program;
            private readonly Schedule _schedule;
            private readonly GanttLayout _layout;
            private readonly Timeline _axis;
            private readonly IReadOnlyList<LoadRow> _loads;
            private readonly BaselineComparison? _baseline;
            private readonly Dictionary<WorkstreamSymbol, decimal> _progress = new Dictionary<WorkstreamSymbol, decimal>();

            public Page(ProgramSymbol program, Schedule schedule, GanttLayout layout, IReadOnlyList<LoadRow> loads, BaselineComparison? baseline)
            {
                _program = program;
                _schedule = schedule;
                _layout = layout;
                _axis = layout.Timeline;
                _loads = loads;
                _baseline = baseline;
                WorkstreamProgress();
            }

            private int Width => _axis.Width;

            /// <summary>The axis's drawing, writing to the page's output.</summary>
            private TimelineAxis Ticks => new TimelineAxis(_axis, Output, AxisHeight);

            private string? Currency => _program.Currency;

            /// <summary>Progress of each workstream: its tasks' progress weighted by their working days.</summary>
            private void WorkstreamProgress()
            {
                var done = new Dictionary<WorkstreamSymbol, (decimal Done, decimal Days)>();
                void Add(WorkstreamSymbol? w, decimal d, decimal days)
                {
                    if (w is null) return;
                    done.TryGetValue(w, out var sum);
                    done[w] = (sum.Done + d, sum.Days + days);
                }

                foreach (var t in _schedule.Tasks) Add(t.Task.Container, (t.Task.Progress ?? 0) * t.DurationDays, t.DurationDays);

                // Workstreams are listed outer before inner: adding each to its container from the end folds inner into outer.
                for (int k = _program.Workstreams.Count - 1; k >= 0; k--)
                {
                    var w = _program.Workstreams[k];
                    if (done.TryGetValue(w, out var sum)) Add(w.Container, sum.Done, sum.Days);
                }

                foreach (var pair in done) _progress[pair.Key] = pair.Value.Days == 0 ? 0 : pair.Value.Done / pair.Value.Days;
            }

            public void Write(TextWriter output, string toolVersion)
            {
                Output = output;
                var title = _program.DisplayName;
                A("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
                A("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
                A("<meta name=\"generator\" content=\"tpm ").E(toolVersion).A("\">\n");
                A("<title>").E(title).A(" \u2014 Gantt chart</title>\n<style>\n").A(Css.Value);
                if (_baseline != null) A(BaselineCss);
                A("</style>\n</head>\n<body>\n");
                Header();
                A("<main class=\"gantt\" id=\"gantt\">\n<div class=\"grid\" style=\"grid-template-columns:").I(ListWidth).A("px ").I(Width).A("px\">\n");
                A("<div class=\"corner\"><span>Task</span><span>Start</span><span>Finish</span><span class=\"num\">Days</span></div>\n");
                Axis();
                List();
                Chart();
                LoadSection();
                A("</div>\n</main>\n");
                A("<footer>Written by tpm ").E(toolVersion).A(" from program <code>").E(_program.Id).A("</code>. ");
                A("Bars run from the start of their first working day to the end of their last; milestones, due dates, the deadline and the status date ");
                A("are drawn at the end of their day. Days and float are working days of the program calendar.</footer>\n");
                A("<div id=\"tip\" role=\"tooltip\"></div>\n<script>\n").A(Script.Value).A("</script>\n</body>\n</html>\n");
            }

            // ------------------------------------------------------------------ header

            private void Header()
            {
                A("<header class=\"top\">\n<h1>").E(_program.DisplayName).A("<small>").E(_program.Id).A(" \u00B7 Gantt chart</small></h1>\n<ul class=\"facts\">\n");
                A("<li>Start <b>").A(HtmlText.Date(_program.Start)).A("</b></li>\n");
                A("<li>Finish <b>").A(HtmlText.Date(_schedule.FinishDate)).A("</b> (").A(HtmlText.WorkingDays(_schedule.DurationDays)).A(")</li>\n");
                if (_program.Deadline is CalendarDate deadline)
                {
                    A("<li>Deadline <b>").A(HtmlText.Date(deadline)).A("</b> ");
                    int spare = _schedule.WorkingDaysBetween(_schedule.FinishDate, deadline);
                    if (_schedule.FinishDate <= deadline) A("<span class=\"good\">met, ").A(HtmlText.WorkingDays(spare)).A(" to spare</span>");
                    else A("<span class=\"bad\">missed by ").A(HtmlText.WorkingDays(-spare)).A("</span>");
                    if (!_axis.Contains(deadline)) A(" (beyond the chart)");
                    A("</li>\n");
                }

                if (_program.StatusDate is CalendarDate status) A("<li>Status date <b>").A(HtmlText.Date(status)).A("</b></li>\n");
                if (_baseline != null) BaselineFact(_baseline);
                A("<li>Planned cost <b>").A(ArtefactText.Money(_schedule.Cost, Currency)).A("</b>");
                if (_program.Budget is decimal budget)
                {
                    A(" of budget ").A(ArtefactText.Money(budget, Currency));
                    if (_schedule.Cost > budget) A(" <span class=\"bad\">over budget</span>");
                }

                A("</li>\n");
                int milestones = _schedule.Tasks.Count(t => t.Task.IsMilestone);
                int critical = _schedule.Tasks.Count(t => t.IsCritical);
                A("<li><b>").I(_schedule.Tasks.Count - milestones).A("</b> tasks, <b>").I(milestones).A("</b> milestones, <b>").I(critical).A("</b> critical</li>\n");
                A("<li>").A(_schedule.IsLeveled ? "Resource-leveled" : "Not leveled").A("</li>\n</ul>\n");
                A("<div class=\"bar-line\">\n<ul class=\"legend\" aria-label=\"Legend\">\n");
                Key("<rect class=\"bar\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Task");
                Key("<rect class=\"bar critical\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/>", "Critical task");
                Key("<rect class=\"bar\" x=\"1\" y=\"2\" width=\"22\" height=\"10\" rx=\"2\"/><rect class=\"pg\" x=\"1\" y=\"2\" width=\"10\" height=\"10\" rx=\"2\"/>", "Progress");
                Key("<path class=\"summary\" d=\"M1 2H23V12L18 7H6L1 12Z\"/>", "Workstream");
                Key("<path class=\"bar milestone\" d=\"M12 1l6 6l-6 6l-6-6z\"/>", "Milestone");
                Key("<path class=\"bar milestone critical\" d=\"M12 1l6 6l-6 6l-6-6z\"/>", "Critical milestone");
                if (_baseline != null) Key("<rect class=\"bar\" x=\"1\" y=\"1\" width=\"22\" height=\"9\" rx=\"2\"/><rect class=\"bl\" x=\"1\" y=\"10\" width=\"16\" height=\"4\"/>", "Baseline");
                Key("<path class=\"dep\" d=\"M1 3H8V10H22\"/>", "Dependency");
                Key("<rect class=\"nwr\" x=\"4\" y=\"0\" width=\"16\" height=\"14\"/>", "Non-working day");
                Key("<path class=\"due\" d=\"M12 2V14M8 1H16L12 6Z\"/>", "Due date");
                Key("<path class=\"due late\" d=\"M12 2V14M8 1H16L12 6Z\"/>", "Due date missed");
                if (_program.Deadline.HasValue) Key("<line class=\"vl dl\" x1=\"12\" y1=\"0\" x2=\"12\" y2=\"14\"/>", "Deadline");
                if (_program.StatusDate.HasValue) Key("<line class=\"vl sd\" x1=\"12\" y1=\"0\" x2=\"12\" y2=\"14\"/>", "Status date");
                A("</ul>\n<div class=\"tools\"><button type=\"button\" id=\"expand-all\">Expand all</button><button type=\"button\" id=\"collapse-all\">Collapse all</button></div>\n</div>\n</header>\n");
            }

            /// <summary>The header's baseline item: which baseline, its finish, how far the finish moved, what changed since.</summary>
            private void BaselineFact(BaselineComparison baseline)
            {
                int slip = baseline.FinishSlipDays;
                A("<li>").E(Capitalised(BaselineText.Name(baseline))).A(": finish <b>").A(HtmlText.Date(baseline.Baseline.Finish)).A("</b>, ");
                if (slip > 0) A("<span class=\"bad\">now ").A(BaselineText.Movement(slip)).A("</span>");
                else if (slip < 0) A("<span class=\"good\">now ").A(BaselineText.Movement(slip)).A("</span>");
                else A("unchanged");
                if (baseline.Added.Count > 0 || baseline.Removed.Count > 0)
                {
                    A("; since then ").I(baseline.Added.Count).A(" added, ").I(baseline.Removed.Count).A(" removed");
                }

                A("</li>\n");
            }

            private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

            private void Key(string shape, string label) =>
                A("<li><svg width=\"24\" height=\"14\" aria-hidden=\"true\">").A(shape).A("</svg>").A(label).A("</li>\n");

            // ------------------------------------------------------------------ axis

            private void Axis()
            {
                A("<div class=\"axis\"><svg class=\"ax\" width=\"").I(Width).A("\" height=\"").I(AxisHeight).A("\" aria-hidden=\"true\">\n");
                Ticks.Ticks();
                if (_program.Deadline is CalendarDate deadline && _axis.Contains(deadline)) Ticks.Flag(_axis.EndX(deadline), "#b42318", "Deadline " + HtmlText.Date(deadline));
                if (_program.StatusDate is CalendarDate status && _axis.Contains(status)) Ticks.Flag(_axis.EndX(status), "#1e7b34", "Status date " + HtmlText.Date(status));
                A("</svg></div>\n");
            }

            // ------------------------------------------------------------------ outline

            private void List()
            {
                A("<div class=\"list\" id=\"list\">\n");
                foreach (var row in _layout.Rows)
                {
                    A("<div class=\"r");
                    if (row.IsWorkstream) A(" w");
                    if (row.Task is { } t)
                    {
                        if (t.IsCritical) A(" c");
                        if (t.Task.IsMilestone) A(" m");
                    }

                    A(" d").I(Math.Min(row.Depth, 10)).A("\"");
                    if (row.IsWorkstream) A(" data-n=\"").I(row.Descendants).A("\"");
                    A("><span class=\"n\"");
                    var name = row.Symbol.DisplayName;
                    if (name.Length > LongName) A(" title=\"").E(name).A("\"");
                    A(">");
                    if (row.IsWorkstream) A("<button class=\"tg\" type=\"button\" aria-expanded=\"true\" aria-label=\"Fold or unfold\"></button>");
                    E(name).A("</span>");
                    DateCells(row);
                    A("</div>\n");
                }

                A("</div>\n");
            }

            // ------------------------------------------------------------------ chart

            private void Chart()
            {
                int height = _layout.Rows.Count * H;
                A("<div><svg class=\"chart\" id=\"chart\" width=\"").I(Width).A("\" height=\"").I(height).A("\" aria-label=\"Timeline of the tasks in the list\">\n");
                Defs();
                A("<rect width=\"").I(Width).A("\" height=\"100%\" fill=\"url(#nw)\"/>\n");
                Holidays();
                A("<rect width=\"").I(Width).A("\" height=\"100%\" fill=\"url(#rl)\"/>\n");
                MonthLines(height);
                A("<g class=\"deps\">\n");
                foreach (var arrow in _layout.Arrows)
                {
                    A("<path class=\"dep").A(arrow.Critical ? " crit" : string.Empty).A("\" data-from=\"").E(_layout.Rows[arrow.From].Symbol.Id)
                        .A("\" data-to=\"").E(_layout.Rows[arrow.To].Symbol.Id).A("\"");

                    // Most edges are finish-to-start: that type is left implicit to keep big charts small.
                    if (arrow.Dependency.Type != DependencyType.FinishToStart) A(" data-type=\"").A(Dependency.ShortName(arrow.Dependency.Type)).A("\"");
                    if (arrow.Dependency.LagDays != 0) A(" data-lag=\"").I(arrow.Dependency.LagDays).A("\"");
                    A(" d=\"");
                    arrow.WritePath(Output);
                    A("\"/>\n");
                }

                A("</g>\n<g class=\"rows\">\n");
                foreach (var row in _layout.Rows) Row(row);
                A("</g>\n");
                DateLines();
                A("</svg></div>\n");
            }

            private void Defs()
            {
                int week = 7 * _axis.PixelsPerDay;
                A("<defs>\n<pattern id=\"nw\" patternUnits=\"userSpaceOnUse\" width=\"").I(week).A("\" height=\"").I(H).A("\">");
                NonWorkingDays(_axis, _program.Calendar.Workdays, H);

                A("</pattern>\n<pattern id=\"rl\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"").I(H).A("\"><rect class=\"rl\" y=\"").I(H - 1).A("\" width=\"8\" height=\"1\"/></pattern>\n");
                A("<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#f3f5f7\"/><rect width=\"2\" height=\"6\" fill=\"#c9d1d9\"/></pattern>\n");
                A("<marker id=\"ah\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 1L10 5L0 9Z\" fill=\"#8593a3\"/></marker>\n");
                A("<marker id=\"ahc\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 1L10 5L0 9Z\" fill=\"#c0392b\"/></marker>\n");
                A("</defs>\n");
            }

            /// <summary>Program holidays on the axis: one rect per holiday (weekends come from the pattern).</summary>
            private void Holidays()
            {
                foreach (var h in _program.Calendar.Holidays)
                {
                    var from = h.Range.From < _axis.First ? _axis.First : h.Range.From;
                    var to = h.Range.To > _axis.Last ? _axis.Last : h.Range.To;
                    if (from > to) continue;
                    A("<rect class=\"hol\" x=\"").I(_axis.X(from)).A("\" width=\"").I(_axis.EndX(to) - _axis.X(from)).A("\" height=\"100%\"><title>");
                    E(h.Name is null ? "Holiday" : h.Name).A(" (").A(h.Range.ToString()).A(")</title></rect>\n");
                }
            }
            private void MonthLines(int height) => Ticks.MonthLines(height);

            private void Row(GanttRow row)
            {
                A("<g");
                if (row.IsWorkstream) A(" class=\"w\"");
                A(" data-id=\"").E(row.Symbol.Id).A("\"");
                if (row.HasBar) A(" data-x=\"").I(row.X1).A(" ").I(row.X2).A("\"");
                A(" transform=\"translate(0,").I(row.Index * H).A(")\">");
                if (row.Workstream is { } ws) WorkstreamBar(row, ws);
                else if (row.Task is { } t) TaskBar(row, t);
                A("</g>\n");
            }

            private void WorkstreamBar(GanttRow row, ScheduledWorkstream ws)
            {
                A("<rect class=\"wb\" width=\"").I(Width).A("\" height=\"").I(H - 1).A("\"/>");
                if (!row.HasBar) return;
                int x1 = row.X1, x2 = row.X2;
                if (row.IsPoint)
                {
                    int cx = (x1 + x2) / 2;
                    A("<path class=\"summary\" d=\"M").I(cx).A(" 5l6 6l-6 6l-6-6z\">");
                }
                else if (x2 - x1 >= 12)
                {
                    A("<path class=\"summary\" d=\"M").I(x1).A(" 6H").I(x2).A("V16L").I(x2 - 5).A(" 11H").I(x1 + 5).A("L").I(x1).A(" 16Z\">");
                }
                else
                {
                    A("<path class=\"summary\" d=\"M").I(x1).A(" 6H").I(x2).A("V12H").I(x1).A("Z\">");
                }

                var w = ws.Workstream;
                var tip = new StringBuilder();
                tip.Append(w.DisplayName).Append('\n').Append(w.Id).Append(" \u00B7 workstream\n");
                if (ws.StartDate is CalendarDate s && ws.FinishDate is CalendarDate f && ws.Start is int si && ws.Finish is int fi)
                {
                    tip.Append(HtmlText.Date(s)).Append(" \u2192 ").Append(HtmlText.Date(f)).Append(" \u00B7 ").Append(HtmlText.WorkingDays(fi - si)).Append('\n');
                }

                tip.Append("Progress: ").Append(HtmlText.Percent(_progress.TryGetValue(w, out var p) ? p : 0)).Append('\n');
                tip.Append("Cost: ").Append(ArtefactText.Money(ws.Cost, Currency));
                if (w.Owner != null) tip.Append("\nOwner: ").Append(w.Owner.DisplayName);
                if (w.Due is CalendarDate due && ws.FinishDate is CalendarDate finish) tip.Append('\n').Append(DueText(due, finish));
                A("<title>").E(tip.ToString()).A("</title></path>");
                if (w.Due is CalendarDate d && ws.FinishDate is CalendarDate fin) DueMarker(d, fin);
            }

            private void TaskBar(GanttRow row, ScheduledTask t)
            {
                var task = t.Task;
                string critical = t.IsCritical ? " critical" : string.Empty;

                // The baseline goes first, so the current bar is drawn over it.
                if (_baseline?.SlipOf(task) is BaselineSlip slip) BaselineBar(row, slip);
                if (row.IsPoint)
                {
                    int cx = (row.X1 + row.X2) / 2;
                    A("<path class=\"bar milestone").A(critical).A("\" d=\"M").I(cx).A(" 5l6 6l-6 6l-6-6z\"><title>").E(TaskTip(t)).A("</title></path>");
                    if (task.Due is CalendarDate due) DueMarker(due, t.FinishDate);
                    A("<text class=\"lb\" x=\"").I(row.X2 + LabelOffset - 2).A("\" y=\"15\">").A(HtmlText.Date(t.StartDate)).A("</text>");
                    return;
                }

                int width = Math.Max(2, row.X2 - row.X1);
                A("<rect class=\"bar").A(critical).A("\" x=\"").I(row.X1).A("\" y=\"5\" width=\"").I(width).A("\" height=\"12\" rx=\"2\"><title>").E(TaskTip(t)).A("</title></rect>");
                decimal progress = Math.Min(1m, Math.Max(0m, task.Progress ?? 0m));
                int done = (int)decimal.Round(width * progress, 0, MidpointRounding.AwayFromZero);
                if (done > 0) A("<rect class=\"pg").A(critical).A("\" x=\"").I(row.X1).A("\" y=\"8\" width=\"").I(done).A("\" height=\"6\"/>");
                if (task.Due is CalendarDate d) DueMarker(d, t.FinishDate);
                if (t.Assigned.Count > 0)
                {
                    A("<text class=\"lb\" x=\"").I(row.X2 + LabelOffset).A("\" y=\"15\">").E(Assignees(t, compact: true)).A("</text>");
                }
            }

            /// <summary>
            /// A task's bar at its baseline dates, under the current one: a thin grey bar along the bottom of the row, or for
            /// a milestone (or a task of no working days) a small grey diamond whose lower half shows below the current one.
            /// </summary>
            private void BaselineBar(GanttRow row, BaselineSlip slip)
            {
                var planned = slip.Planned;
                if (planned.IsMilestone || planned.DurationDays == 0)
                {
                    // On its current date it sits exactly under the current diamond; elsewhere at the end of its day, as milestones are.
                    var date = planned.Start;
                    if (!_axis.Contains(date)) return;
                    int cx = row.IsPoint && date == slip.Current.StartDate ? (row.X1 + row.X2) / 2 : _axis.EndX(date);
                    A("<path class=\"bl ms\" d=\"M").I(cx).A(" 13l4 4l-4 4l-4-4z\"><title>").E(BaselineTip(slip)).A("</title></path>");
                    return;
                }

                var from = planned.Start < _axis.First ? _axis.First : planned.Start;
                var to = planned.Finish > _axis.Last ? _axis.Last : planned.Finish;
                if (from > to) return;
                int x1 = _axis.X(from), x2 = _axis.EndX(to);
                A("<rect class=\"bl\" x=\"").I(x1).A("\" y=\"17\" width=\"").I(Math.Max(2, x2 - x1)).A("\" height=\"4\"><title>").E(BaselineTip(slip)).A("</title></rect>");
            }

            private string BaselineTip(BaselineSlip slip)
            {
                var planned = slip.Planned;
                var sb = new StringBuilder();
                sb.Append(slip.Current.Task.DisplayName).Append('\n');
                bool point = planned.IsMilestone || planned.DurationDays == 0;
                sb.Append("Baseline '").Append(ProgramDsl.Diagnostics.Diagnostic.Printable(_baseline!.Baseline.Name)).Append("': ").Append(BaselineDates(slip)).Append('\n');
                sb.Append("Now: ").Append(point ? HtmlText.Date(slip.Current.StartDate) : HtmlText.Date(slip.Current.StartDate) + " \u2192 " + HtmlText.Date(slip.Current.FinishDate)).Append('\n');
                sb.Append("Finish: ").Append(BaselineText.Movement(slip.FinishSlipDays));
                if (!point && slip.StartSlipDays != 0) sb.Append("; start: ").Append(BaselineText.Movement(slip.StartSlipDays));
                return sb.ToString();
            }

            private static string BaselineDates(BaselineSlip slip)
            {
                var planned = slip.Planned;
                if (planned.IsMilestone || planned.DurationDays == 0) return HtmlText.Date(planned.Start);
                return HtmlText.Date(planned.Start) + " \u2192 " + HtmlText.Date(planned.Finish) + " \u00B7 " + HtmlText.WorkingDays(planned.DurationDays);
            }

            private string TaskTip(ScheduledTask t)
            {
                var task = t.Task;
                var sb = new StringBuilder();
                sb.Append(task.DisplayName).Append('\n').Append(task.Id).Append(task.IsMilestone ? " \u00B7 milestone" : " \u00B7 task");
                if (t.IsCritical) sb.Append(" \u00B7 critical");
                sb.Append('\n');
                if (task.IsMilestone || t.Finish <= t.Start) sb.Append(HtmlText.Date(t.StartDate)).Append('\n');
                else sb.Append(HtmlText.Date(t.StartDate)).Append(" \u2192 ").Append(HtmlText.Date(t.FinishDate)).Append(" \u00B7 ").Append(HtmlText.WorkingDays(t.DurationDays)).Append('\n');
                sb.Append("Total float: ").Append(HtmlText.WorkingDays(t.TotalFloat)).Append(" (late finish ").Append(HtmlText.Date(t.LateFinishDate)).Append(')');
                if (task.Progress is decimal progress) sb.Append("\nProgress: ").Append(HtmlText.Percent(progress));
                if (t.Assigned.Count > 0) sb.Append("\nAssigned: ").Append(Assignees(t, compact: false));
                if (task.ResourceUses.Count > 0) sb.Append("\nUses: ").Append(string.Join(", ", task.ResourceUses.Select(u => u.Resource.DisplayName + " \u00D7" + HtmlText.Int(u.Units))));
                if (!task.IsMilestone) sb.Append("\nCost: ").Append(ArtefactText.Money(t.Cost, Currency));
                if (task.Due is CalendarDate due) sb.Append('\n').Append(DueText(due, t.FinishDate));
                if (t.DelayedBy != null) sb.Append("\nWaits for ").Append(t.DelayedBy.DisplayName).Append(": ").Append(HtmlText.WorkingDays(t.ResourceDelayDays));
                if (_baseline != null)
                {
                    var slip = _baseline.SlipOf(task);
                    sb.Append(slip is null
                        ? "\nNew since the baseline"
                        : "\nBaseline: " + BaselineDates(slip) + " (finish " + BaselineText.Movement(slip.FinishSlipDays) + ")");
                }

                if (!string.IsNullOrEmpty(task.Note)) sb.Append('\n').Append(task.Note);
                return sb.ToString();
            }

            private static string Assignees(ScheduledTask t, bool compact)
            {
                var parts = new List<string>(t.Assigned.Count);
                foreach (var a in t.Assigned)
                {
                    var name = a.Person.DisplayName;
                    if (a.Share != 1m) name += " " + HtmlText.Percent(a.Share);
                    if (!compact && a.ViaRole != null) name += " (as " + a.ViaRole.DisplayName + ")";
                    parts.Add(name);
                }

                return string.Join(", ", parts);
            }

            private string DueText(CalendarDate due, CalendarDate finish)
            {
                if (finish <= due) return "Due " + HtmlText.Date(due) + ": met";
                return "Due " + HtmlText.Date(due) + ": " + HtmlText.WorkingDays(Math.Max(1, _schedule.WorkingDaysBetween(due, finish))) + " late";
            }

            private void DueMarker(CalendarDate due, CalendarDate finish)
            {
                if (!_axis.Contains(due)) return;
                int x = _axis.EndX(due);
                A("<path class=\"due").A(finish > due ? " late" : string.Empty).A("\" d=\"M").I(x).A(" 2V").I(H - 2).A("M").I(x - 4).A(" 1H").I(x + 4).A("L").I(x).A(" 6Z\"><title>")
                    .E(DueText(due, finish)).A("</title></path>");
            }

            private void DateLines()
            {
                if (_program.Deadline is CalendarDate deadline && _axis.Contains(deadline))
                {
                    int x = _axis.EndX(deadline);
                    A("<line class=\"vl dl\" x1=\"").I(x).A("\" y1=\"0\" x2=\"").I(x).A("\" y2=\"100%\"><title>Deadline ").A(HtmlText.Date(deadline)).A("</title></line>\n");
                }

                if (_program.StatusDate is CalendarDate status && _axis.Contains(status))
                {
                    int x = _axis.EndX(status);
                    A("<line class=\"vl sd\" x1=\"").I(x).A("\" y1=\"0\" x2=\"").I(x).A("\" y2=\"100%\"><title>Status date ").A(HtmlText.Date(status)).A("</title></line>\n");
                }
            }

            // ------------------------------------------------------------------ resource load

            private void LoadSection()
            {
                A("<div class=\"lhead\"><h2>Resource load by ").A(BucketWord(_axis.Bucket)).A("</h2><ul class=\"legend\">\n");
                Key("<rect class=\"l1\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "under 50%");
                Key("<rect class=\"l2\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "50\u201384%");
                Key("<rect class=\"l3\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "85\u2013100%");
                Key("<rect class=\"lo\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "over-allocated on some day");
                Key("<rect class=\"lx\" x=\"1\" y=\"1\" width=\"22\" height=\"12\"/>", "not available all " + BucketWord(_axis.Bucket));
                A("</ul></div>\n");

                // Rows: a heading, the people, a heading, the pools.
                var rows = new List<(string? Heading, LoadRow? Load)>();
                var people = _loads.Where(l => !l.IsPool).ToList();
                var pools = _loads.Where(l => l.IsPool).ToList();
                if (people.Count > 0) rows.Add(("People (share of a working day)", null));
                rows.AddRange(people.Select(l => ((string?)null, (LoadRow?)l)));
                if (pools.Count > 0) rows.Add(("Resource pools (units of the pool)", null));
                rows.AddRange(pools.Select(l => ((string?)null, (LoadRow?)l)));

                if (rows.Count == 0) rows.Add(("No people or resource pools are declared", null));
                A("<div class=\"llist\">\n");
                foreach (var (heading, load) in rows)
                {
                    if (heading != null)
                    {
                        A("<div class=\"r g\"><span class=\"n\">").E(heading).A("</span></div>\n");
                        continue;
                    }

                    var r = load!.Resource;
                    A("<div class=\"r p\"><span class=\"n\">").E(r.DisplayName).A("</span><span>");
                    if (r is ResourceSymbol pool) A(HtmlText.Int(pool.Capacity)).A(pool.Capacity == 1 ? " unit" : " units");
                    else if (r is PersonSymbol person && person.Capacity != 1m) A("capacity ").A(HtmlText.Percent(person.Capacity));
                    A("</span></div>\n");
                }

                A("</div>\n");
                int height = rows.Count * H;
                A("<div><svg class=\"load\" width=\"").I(Width).A("\" height=\"").I(height).A("\" aria-label=\"Load of each person and pool by ").A(BucketWord(_axis.Bucket)).A("\">\n");
                A("<rect width=\"").I(Width).A("\" height=\"100%\" fill=\"url(#rl)\"/>\n");
                MonthLines(height);
                int week = 7 * _axis.PixelsPerDay;
                var starts = _axis.BucketStarts();
                for (int i = 0; i < rows.Count; i++)
                {
                    var (heading, load) = rows[i];
                    if (heading != null)
                    {
                        A("<rect class=\"wb\" y=\"").I(i * H).A("\" width=\"").I(Width).A("\" height=\"").I(H - 1).A("\"/>\n");
                        continue;
                    }

                    A("<g data-id=\"").E(load!.Resource.Id).A("\">");
                    for (int w = 0; w < load.Cells.Length; w++) Cell(load, w, i * H, week, starts);
                    A("</g>\n");
                }

                DateLines();
                A("</svg></div>\n");
            }

            private static string BucketWord(TimeBucket bucket) => bucket.ToString().ToLowerInvariant();

            private void Cell(LoadRow load, int w, int y, int week, IReadOnlyList<CalendarDate> starts)
            {
                var data = load.Cells[w];
                var monday = starts[w];
                var end = w + 1 < starts.Count ? starts[w + 1].AddDays(-1) : _axis.Last;
                int x, width;
                if (_axis.Bucket == TimeBucket.Week)
                {
                    x = w * week + 1;
                    width = Math.Max(1, Math.Min(week, Width - w * week) - 2);
                }
                else
                {
                    int x0 = _axis.X(monday), x1 = w + 1 < starts.Count ? _axis.X(starts[w + 1]) : Width;
                    x = x0 + 1;
                    width = Math.Max(1, x1 - x0 - 2);
                }

                if (data.Units == 0)
                {
                    // A cell with nothing booked shows only when the person or pool could not work at all (inside the program).
                    if (data.AvailableDays > 0 || end < _program.Start || monday > _schedule.FinishDate) return;
                    A("<rect class=\"lc lx\" x=\"").I(x).A("\" y=\"").I(y + 3).A("\" width=\"").I(width).A("\" height=\"").I(H - 7).A("\"><title>")
                        .E(load.Resource.DisplayName + " \u00B7 " + Ticks.CellName(monday) + "\nNot available this " + BucketWord(_axis.Bucket)).A("</title></rect>");
                    return;
                }

                decimal share = load.Share(w) ?? 0m;
                string cls = data.Over ? "lo" : share < 0.5m ? "l1" : share < 0.85m ? "l2" : "l3";
                var tip = new StringBuilder();
                tip.Append(load.Resource.DisplayName).Append(" \u00B7 ").Append(Ticks.CellName(monday)).Append('\n');
                if (load.IsPool)
                {
                    decimal perDay = data.AvailableDays == 0 ? 0 : (decimal)data.Units / data.AvailableDays;
                    tip.Append("On average ").Append(decimal.Round(perDay, 1, MidpointRounding.AwayFromZero).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture))
                        .Append(" of ").Append(HtmlText.Int(load.Capacity)).Append(" units a day over ").Append(HtmlText.WorkingDays(data.AvailableDays))
                        .Append(" (").Append(HtmlText.Percent(share)).Append(")\nPeak: ").Append(HtmlText.Int(data.Peak)).Append(" units");
                }
                else
                {
                    tip.Append(HtmlText.Percent(share)).Append(" of ").Append(HtmlText.WorkingDays(data.AvailableDays)).Append(" booked\nPeak day: ")
                        .Append(HtmlText.Percent((decimal)data.Peak / ResourceLoad.PersonUnits));
                }

                if (data.Over) tip.Append(" \u2014 over-allocated");
                A("<rect class=\"lc ").A(cls).A(data.Over ? " over" : string.Empty).A("\" x=\"").I(x).A("\" y=\"").I(y + 3).A("\" width=\"").I(width).A("\" height=\"").I(H - 7).A("\"><title>")
                    .E(tip.ToString()).A("</title></rect>");
                if (_axis.Bucket == TimeBucket.Week ? week >= 24 : width >= 22)
                {
                    var percent = decimal.Round(share * 100m, 0, MidpointRounding.AwayFromZero);
                    A("<text class=\"lt").A(cls == "l3" || cls == "lo" ? " inv" : string.Empty).A("\" x=\"").I(x + width / 2).A("\" y=\"").I(y + 15).A("\">")
                        .A(percent.ToString("0", System.Globalization.CultureInfo.InvariantCulture)).A("</text>");
                }
            }
        }
    }
}
