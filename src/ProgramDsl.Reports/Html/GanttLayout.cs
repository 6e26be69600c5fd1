using System;
using System.Collections.Generic;
using ProgramDsl.Baselines;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>
    /// The period one cell of the load chart and one label of the axis's lower row stand for. Weeks for ordinary plans;
    /// a longer plan gets the shortest of the others that keeps the chart within <see cref="Timeline.MaxColumns"/> of them.
    /// </summary>
    internal enum TimeBucket
    {
        Week = 0,
        Month = 1,
        Quarter = 3,
        Year = 12,
        Decade = 120,
        Century = 1200,
        Millennium = 12000,
    }

    /// <summary>
    /// The chart's time axis: whole weeks, Monday to Sunday, at a whole number of pixels per calendar day, so every
    /// coordinate in the chart is an integer and the script that re-lays it out after folding writes the same text.
    /// A plan longer than <see cref="MaxColumns"/> weeks is drawn at a whole number of days per pixel instead, and its
    /// load chart and axis count months, quarters, years, decades, centuries or millennia, so the page's size follows
    /// the plan, not the span of its dates.
    /// </summary>
    internal sealed class Timeline
    {
        /// <summary>Most load cells per row (and labels in the axis's lower row): weeks up to this many, then longer periods.</summary>
        public const int MaxColumns = 600;

        /// <summary>Widest chart, in pixels, of a plan drawn at several days per pixel.</summary>
        public const int MaxWidth = 4200;

        private static readonly TimeBucket[] Longer = { TimeBucket.Month, TimeBucket.Quarter, TimeBucket.Year, TimeBucket.Decade, TimeBucket.Century, TimeBucket.Millennium };

        public Timeline(CalendarDate first, CalendarDate last, int pixelsPerDay, int daysPerPixel = 1, TimeBucket bucket = TimeBucket.Week)
        {
            First = first;
            Last = last;
            PixelsPerDay = pixelsPerDay;
            DaysPerPixel = daysPerPixel;
            Bucket = bucket;
        }

        /// <summary>The first day shown (a Monday).</summary>
        public CalendarDate First { get; }

        /// <summary>The last day shown (a Sunday, or 9999-12-31 at the calendar's end).</summary>
        public CalendarDate Last { get; }

        /// <summary>Width of a calendar day (1 when a pixel holds several days).</summary>
        public int PixelsPerDay { get; }

        /// <summary>Calendar days in a pixel: 1 except on charts of more than <see cref="MaxColumns"/> weeks.</summary>
        public int DaysPerPixel { get; }

        /// <summary>What a load cell counts.</summary>
        public TimeBucket Bucket { get; }

        /// <summary>Calendar days shown.</summary>
        public int Days => Last.DayNumber - First.DayNumber + 1;

        /// <summary>Weeks shown, the last one shorter when the axis ends at 9999-12-31.</summary>
        public int Weeks => (Days + 6) / 7;

        /// <summary>Width of the chart in pixels.</summary>
        public int Width => DaysPerPixel == 1 ? Days * PixelsPerDay : (Days + DaysPerPixel - 1) / DaysPerPixel;

        /// <summary>True when weeks are wide enough for a label of their own (otherwise the axis shows years and months).</summary>
        public bool ShowsWeeks => PixelsPerDay >= 3;

        /// <summary>The left edge of a day.</summary>
        public int X(CalendarDate date) => DaysPerPixel == 1
            ? (date.DayNumber - First.DayNumber) * PixelsPerDay
            : (date.DayNumber - First.DayNumber) / DaysPerPixel;

        /// <summary>The right edge of a day (where "by the end of that day" is drawn).</summary>
        public int EndX(CalendarDate date) => DaysPerPixel == 1
            ? X(date) + PixelsPerDay
            : (date.DayNumber - First.DayNumber + DaysPerPixel) / DaysPerPixel;

        /// <summary>True when the day is on the axis.</summary>
        public bool Contains(CalendarDate date) => date >= First && date <= Last;

        /// <summary>Days added after the last bar, so the names printed right of the last bars fit.</summary>
        public const int LabelRoomDays = 14;

        /// <summary>Dates after the content by more than this many days (a far deadline or due date) do not stretch the axis.</summary>
        public const int ReachDays = 84;

        /// <summary>
        /// The first day of each load cell, in order: every Monday for weeks, else the first day of each period that
        /// meets the axis (the first one clipped to <see cref="First"/>). At most about <see cref="MaxColumns"/>.
        /// </summary>
        public IReadOnlyList<CalendarDate> BucketStarts()
        {
            var starts = new List<CalendarDate>();
            if (Bucket == TimeBucket.Week)
            {
                for (int d = 0; d < Days; d += 7) starts.Add(First.AddDays(d));
                return starts;
            }

            int unit = (int)Bucket;
            int first = MonthIndex(First) / unit, last = MonthIndex(Last) / unit;
            for (int b = first; b <= last; b++)
            {
                int m = b * unit;
                var start = m / 12 < 1 ? CalendarDate.MinValue : CalendarDate.FromYmd(m / 12, m % 12 + 1, 1);
                starts.Add(start < First ? First : start);
            }

            return starts;
        }

        /// <summary>Months since the start of year 0: periods of every length are whole numbers of these.</summary>
        public static int MonthIndex(CalendarDate date) => date.Year * 12 + date.Month - 1;

        /// <summary>The first day of the period of <paramref name="months"/> months that holds <paramref name="date"/>, or null before 0001-01-01.</summary>
        public static CalendarDate? PeriodStart(CalendarDate date, int months)
        {
            int m = MonthIndex(date) / months * months;
            return m / 12 < 1 ? (CalendarDate?)null : CalendarDate.FromYmd(m / 12, m % 12 + 1, 1);
        }

        /// <summary>
        /// The axis of a schedule: from the Monday on or before the program start (or an earlier actual start) to the
        /// Sunday two weeks after the finish, the status date and any deadline or due date at most <see cref="ReachDays"/> later;
        /// the scale is chosen so the chart is roughly 1,000–2,500 pixels wide, and at most <see cref="MaxWidth"/> pixels
        /// beyond <see cref="MaxColumns"/> weeks. Measured against a frozen baseline, the axis also holds the baseline
        /// dates of the tasks still in the plan, so every baseline bar is drawn whole.
        /// </summary>
        public static Timeline For(ProgramSymbol program, Schedule schedule, BaselineComparison? baseline = null)
        {
            var first = program.Start;
            var last = schedule.FinishDate;
            foreach (var t in schedule.Tasks)
            {
                if (t.StartDate < first) first = t.StartDate;
                if (t.FinishDate > last) last = t.FinishDate;
            }

            if (baseline != null)
            {
                foreach (var slip in baseline.Slips)
                {
                    if (slip.Planned.Start < first) first = slip.Planned.Start;
                    if (slip.Planned.Finish > last) last = slip.Planned.Finish;
                }
            }

            if (program.StatusDate is CalendarDate status && status >= first && status > last) last = status;
            var reach = CalendarDate.MaxValue.DayNumber - last.DayNumber < ReachDays ? CalendarDate.MaxValue : last.AddDays(ReachDays);
            void Stretch(CalendarDate? date)
            {
                if (date is CalendarDate d && d > last && d <= reach) last = d;
            }

            Stretch(program.Deadline);
            foreach (var t in program.Tasks) Stretch(t.Due);
            foreach (var w in program.Workstreams) Stretch(w.Due);
            return Spanning(first, last);
        }

        /// <summary>
        /// The axis from the Monday on or before <paramref name="first"/> to the Sunday <see cref="LabelRoomDays"/> or more
        /// after <paramref name="last"/>, at the scale <see cref="For"/> chooses (it calls this once it has its dates).
        /// </summary>
        public static Timeline Spanning(CalendarDate first, CalendarDate last)
        {
            // Whole weeks, except at the calendar's ends: the axis never names a day before 0001-01-01 (a Monday
            // anyway) or after 9999-12-31, so a plan at the edge still gets a chart, with a shorter last week.
            first = first.AddDays(-(((int)first.DayOfWeek + 6) % 7));
            if (first < CalendarDate.MinValue) first = CalendarDate.MinValue;
            last = CalendarDate.MaxValue.DayNumber - last.DayNumber < LabelRoomDays + 6 ? CalendarDate.MaxValue : last.AddDays(LabelRoomDays);
            last = last.AddDays((7 - (int)last.DayOfWeek) % 7);
            if (last > CalendarDate.MaxValue) last = CalendarDate.MaxValue;
            int span = last.DayNumber - first.DayNumber + 1;
            if (span <= MaxColumns * 7)
            {
                int px = span <= 120 ? 12 : span <= 240 ? 6 : span <= 450 ? 4 : span <= 900 ? 3 : span <= 1400 ? 2 : 1;
                return new Timeline(first, last, px);
            }

            // Too long for weeks: the shortest period that gives at most MaxColumns cells (millennia always do).
            var bucket = TimeBucket.Millennium;
            foreach (var b in Longer)
            {
                if (MonthIndex(last) / (int)b - MonthIndex(first) / (int)b + 1 <= MaxColumns)
                {
                    bucket = b;
                    break;
                }
            }

            return new Timeline(first, last, 1, (span + MaxWidth - 1) / MaxWidth, bucket);
        }
    }

    /// <summary>One line of the chart: a workstream (summary bar) or a task or milestone.</summary>
    internal sealed class GanttRow
    {
        public GanttRow(int index, Symbol symbol, int depth)
        {
            Index = index;
            Symbol = symbol;
            Depth = depth;
        }

        public int Index { get; }

        public Symbol Symbol { get; }

        /// <summary>Nesting depth: 0 for top-level rows.</summary>
        public int Depth { get; }

        /// <summary>For a workstream, how many rows follow it inside it (the rows that fold away with it).</summary>
        public int Descendants { get; set; }

        public ScheduledTask? Task { get; set; }

        public ScheduledWorkstream? Workstream { get; set; }

        /// <summary>False for a workstream without tasks: nothing is drawn and no arrow ends there.</summary>
        public bool HasBar { get; set; }

        /// <summary>Left end of the bar (for a milestone, of the diamond).</summary>
        public int X1 { get; set; }

        /// <summary>Right end of the bar.</summary>
        public int X2 { get; set; }

        /// <summary>True for a milestone or a task of no working days, drawn as a diamond at one point in time.</summary>
        public bool IsPoint { get; set; }

        public bool IsWorkstream => Workstream != null;
    }

    /// <summary>One dependency edge, predecessor row to successor row.</summary>
    internal sealed class GanttArrow
    {
        private readonly int _x1;
        private readonly int _x2;
        private readonly sbyte _out;
        private readonly sbyte _in;

        /// <summary>
        /// An edge whose path runs from x <paramref name="x1"/> on row <paramref name="from"/> to x <paramref name="x2"/>
        /// on row <paramref name="to"/>, leaving and entering in the given directions. The path's text is written when
        /// the page is (<see cref="WritePath"/>), not kept: a plan at the input limits has millions of edges.
        /// </summary>
        public GanttArrow(int from, int to, Dependency dependency, bool critical, int x1, int x2, int outDirection, int inDirection)
        {
            From = from;
            To = to;
            Dependency = dependency;
            Critical = critical;
            _x1 = x1;
            _x2 = x2;
            _out = (sbyte)outDirection;
            _in = (sbyte)inDirection;
        }

        public int From { get; }

        public int To { get; }

        public Dependency Dependency { get; }

        /// <summary>Both ends are critical tasks.</summary>
        public bool Critical { get; }

        /// <summary>The SVG path data, routed with all rows unfolded.</summary>
        public string Path
        {
            get
            {
                var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
                WritePath(text);
                return text.ToString();
            }
        }

        /// <summary>Writes <see cref="Path"/>.</summary>
        public void WritePath(System.IO.TextWriter output) =>
            GanttLayout.Route(_x1, GanttLayout.Middle(From), _x2, GanttLayout.Middle(To), _out, _in, output);
    }

    /// <summary>
    /// Rows in outline order and the geometry of every bar and arrow, computed once here so the HTML is a plain
    /// drawing; the page's script only re-lays rows out when workstreams fold (with the twin of <see cref="Route(int, int, int, int, int, int)"/>).
    /// </summary>
    internal sealed class GanttLayout
    {
        /// <summary>Height of a row in pixels (the list on the left uses the same).</summary>
        public const int RowHeight = 22;

        /// <summary>How far an arrow runs out of a bar before it turns.</summary>
        public const int Gap = 6;

        /// <summary>Half the width of a milestone's diamond.</summary>
        public const int DiamondHalf = 6;

        private GanttLayout(Timeline timeline, List<GanttRow> rows, List<GanttArrow> arrows)
        {
            Timeline = timeline;
            Rows = rows;
            Arrows = arrows;
        }

        public Timeline Timeline { get; }

        public IReadOnlyList<GanttRow> Rows { get; }

        public IReadOnlyList<GanttArrow> Arrows { get; }

        /// <summary>Lays out a schedule.</summary>
        public static GanttLayout Build(ProgramSymbol program, Schedule schedule, BaselineComparison? baseline = null) =>
            Build(program, schedule, Timeline.For(program, schedule, baseline));

        /// <summary>Lays out a schedule on a given axis (the portfolio page draws every program on one).</summary>
        public static GanttLayout Build(ProgramSymbol program, Schedule schedule, Timeline timeline)
        {
            var spans = new Dictionary<WorkstreamSymbol, ScheduledWorkstream>();
            foreach (var w in schedule.Workstreams) spans[w.Workstream] = w;

            // Outline order, depth first, with an explicit stack (workstreams nest as deep as the user writes them).
            var rows = new List<GanttRow>();
            var rowOf = new Dictionary<Symbol, int>();
            var stack = new Stack<(IReadOnlyList<Symbol> Children, int Next, int Row)>();
            stack.Push((program.Children, 0, -1));
            while (stack.Count > 0)
            {
                var (children, next, owner) = stack.Pop();
                if (next >= children.Count)
                {
                    if (owner >= 0) rows[owner].Descendants = rows.Count - owner - 1;
                    continue;
                }

                stack.Push((children, next + 1, owner));
                var symbol = children[next];
                int depth = symbol.Container is null ? 0 : ((WorkstreamSymbol)symbol.Container).Depth + 1;
                var row = new GanttRow(rows.Count, symbol, depth);
                rowOf[symbol] = row.Index;
                rows.Add(row);
                if (symbol is WorkstreamSymbol ws)
                {
                    row.Workstream = spans.TryGetValue(ws, out var span) ? span : null;
                    if (row.Workstream?.Start is int s && row.Workstream.Finish is int f) Place(row, s, f, schedule, timeline, f > s ? (CalendarDate?)null : row.Workstream.StartDate);
                    stack.Push((ws.Children, 0, row.Index));
                }
                else if (symbol is TaskSymbol task)
                {
                    var t = schedule[task];
                    row.Task = t;
                    Place(row, t.Start, t.Finish, schedule, timeline, t.StartDate);
                }
            }

            var arrows = new List<GanttArrow>();
            foreach (var row in rows)
            {
                var dependencies = row.Symbol is TaskSymbol task ? task.Dependencies
                    : row.Symbol is WorkstreamSymbol ws ? ws.Dependencies : Array.Empty<Dependency>();
                foreach (var d in dependencies)
                {
                    if (!rowOf.TryGetValue(d.Target, out int from) || from == row.Index) continue;
                    var pred = rows[from];
                    if (!pred.HasBar || !row.HasBar) continue;
                    bool critical = pred.Task is { IsCritical: true } && row.Task is { IsCritical: true };
                    var (o, i) = Ends(d.Type);
                    arrows.Add(new GanttArrow(from, row.Index, d, critical, o > 0 ? pred.X2 : pred.X1, i > 0 ? row.X1 : row.X2, o, i));
                }
            }

            return new GanttLayout(timeline, rows, arrows);
        }

        private static void Place(GanttRow row, int start, int finish, Schedule schedule, Timeline timeline, CalendarDate? pointDate)
        {
            row.HasBar = true;
            if (finish > start)
            {
                row.X1 = timeline.X(schedule.Calendar.DateOf(start));
                row.X2 = timeline.EndX(schedule.Calendar.DateOf(finish - 1));
                return;
            }

            // A milestone is met at the end of its date (the day its predecessors finish), or at the very start.
            var date = pointDate ?? schedule.Program.Start;
            int x = start > 0 ? timeline.EndX(date) : timeline.X(date);
            row.IsPoint = true;
            row.X1 = x - DiamondHalf;
            row.X2 = x + DiamondHalf;
        }

        /// <summary>The vertical middle of a row.</summary>
        public static int Middle(int row) => row * RowHeight + RowHeight / 2;

        /// <summary>
        /// Which end of the predecessor an arrow leaves (+1 its finish, rightwards; -1 its start, leftwards) and which end
        /// of the successor it enters (+1 its start, from the left; -1 its finish, from the right).
        /// </summary>
        public static (int Out, int In) Ends(DependencyType type) => type switch
        {
            DependencyType.StartToStart => (-1, 1),
            DependencyType.FinishToFinish => (1, -1),
            DependencyType.StartToFinish => (-1, -1),
            _ => (1, 1),
        };

        /// <summary>
        /// An orthogonal path from (x1, y1) to (x2, y2): out of the predecessor by <see cref="Gap"/>, down or up to the
        /// successor's row, into the successor. When the successor starts before the arrow could turn into it, the
        /// path runs along the boundary above (or below) the successor's row and comes back. The page's script has
        /// the same function (gantt.js, route); both must give the same text.
        /// </summary>
        public static string Route(int x1, int y1, int x2, int y2, int outDirection, int inDirection)
        {
            var text = new System.IO.StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            Route(x1, y1, x2, y2, outDirection, inDirection, text);
            return text.ToString();
        }

        /// <summary>Writes the path of <see cref="Route(int, int, int, int, int, int)"/> to <paramref name="output"/>, without building a string.</summary>
        public static void Route(int x1, int y1, int x2, int y2, int outDirection, int inDirection, System.IO.TextWriter output)
        {
            int a = x1 + outDirection * Gap;
            int b = x2 - inDirection * Gap;
            output.Write('M');
            Int(x1, output);
            output.Write(' ');
            Int(y1, output);
            output.Write('H');
            if (outDirection != inDirection) Int(outDirection > 0 ? Math.Max(a, b) : Math.Min(a, b), output);
            else if (outDirection > 0 ? b >= a : b <= a) Int(a, output);
            else
            {
                Int(a, output);
                output.Write('V');
                Int(y2 > y1 ? y2 - RowHeight / 2 : y2 + RowHeight / 2, output);
                output.Write('H');
                Int(b, output);
            }

            output.Write('V');
            Int(y2, output);
            output.Write('H');
            Int(x2, output);
        }

        /// <summary>An integer in invariant digits (<see cref="HtmlText.Int"/>), written without a string.</summary>
        private static void Int(int value, System.IO.TextWriter output)
        {
            Span<char> digits = stackalloc char[11];
            value.TryFormat(digits, out int length, default, System.Globalization.CultureInfo.InvariantCulture);
            output.Write(digits.Slice(0, length));
        }
    }
}
