using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>
    /// Draws a <see cref="Timeline"/>'s axis (ticks and labels of months and weeks, or of longer periods), its flags and
    /// the month lines behind a chart: shared by the program's Gantt chart and the portfolio page, so both read alike.
    /// </summary>
    internal sealed class TimelineAxis
    {
        private readonly Timeline _axis;
        private readonly TextWriter _out;
        private readonly int AxisHeight;

        public TimelineAxis(Timeline axis, TextWriter output, int height)
        {
            _axis = axis;
            _out = output;
            AxisHeight = height;
        }

        private int Width => _axis.Width;

        /// <summary>The axis's lines and labels, inside an <c>svg</c> of the axis's height the caller opens and closes.</summary>
        public void Ticks()
        {
            int half = AxisHeight / 2;
            A("<line x1=\"0\" y1=\"").I(half).A("\" x2=\"").I(Width).A("\" y2=\"").I(half).A("\"/>\n");
            if (_axis.Bucket != TimeBucket.Week)
            {
                PeriodAxis(half);
            }
            else if (_axis.ShowsWeeks)
            {
                // Months above, weeks (the date of their Monday) below.
                var months = MonthStarts().ToList();
                for (int k = 0; k < months.Count; k++)
                {
                    var m = months[k];
                    int x0 = Math.Max(0, _axis.X(m));
                    int x1 = k + 1 < months.Count ? _axis.X(months[k + 1]) : Width;
                    if (_axis.X(m) >= 0) Tick(_axis.X(m), 0, AxisHeight);
                    Label(x0 + 5, 15, "t1", x1 - x0 - 8, HtmlText.MonthName(m.Month) + " " + HtmlText.Int(m.Year), HtmlText.MonthAbbreviation(m.Month) + " " + HtmlText.Int(m.Year), HtmlText.MonthAbbreviation(m.Month));
                }

                int week = 7 * _axis.PixelsPerDay;
                for (var d = _axis.First; d <= _axis.Last; d = d.AddDays(7))
                {
                    int x = _axis.X(d);
                    Tick(x, half, AxisHeight);
                    var text = week >= 60 ? HtmlText.MonthAbbreviation(d.Month) + " " + HtmlText.Int(d.Day) : HtmlText.Int(d.Day);
                    Label(x + 3, half + 15, null, week - 4, text);
                }
            }
            else
            {
                // Years above, months below.
                var months = MonthStarts().ToList();
                for (int k = 0; k < months.Count; k++)
                {
                    var m = months[k];
                    int x = Math.Max(0, _axis.X(m));
                    int next = k + 1 < months.Count ? _axis.X(months[k + 1]) : Width;
                    if (_axis.X(m) >= 0) Tick(_axis.X(m), m.Month == 1 ? 0 : half, AxisHeight);
                    Label(x + 3, half + 15, null, next - x - 4, HtmlText.MonthAbbreviation(m.Month), HtmlText.MonthAbbreviation(m.Month).Substring(0, 1));
                    if (m.Month == 1 || k == 0)
                    {
                        // The year 9999 has no next year to end its label at: it runs to the chart's end.
                        int end = m.Year >= 9999 ? Width : Math.Min(Width, _axis.X(CalendarDate.FromYmd(m.Year + 1, 1, 1)));
                        Label(x + 5, 15, "t1", end - x - 8, HtmlText.Int(m.Year));
                    }
                }
            }
        }

        /// <summary>
        /// The axis of a chart counted in longer periods: the periods below (months, quarters, years, decades,
        /// centuries, millennia) and the next longer one above, each a tick and a label where it fits.
        /// </summary>
        private void PeriodAxis(int half)
        {
            var starts = _axis.BucketStarts();
            int upper = Upper(_axis.Bucket);
            int upperLabelled = -1; // the upper period labelled last, as months since year 0 / its length
            for (int k = 0; k < starts.Count; k++)
            {
                var m = starts[k];
                int x = _axis.X(m);
                int next = k + 1 < starts.Count ? _axis.X(starts[k + 1]) : Width;
                bool upperStart = Timeline.PeriodStart(m, upper) == m;
                if (x > 0) Tick(x, upperStart ? 0 : half, AxisHeight);
                Label(x + 3, half + 15, null, next - x - 4, PeriodNames(m, (int)_axis.Bucket));
                int top = Timeline.MonthIndex(m) / upper;
                if (k == 0 || upperStart)
                {
                    // The upper period's label runs to the next upper period's start, or to the chart's end.
                    int end = Width;
                    for (int j = k + 1; j < starts.Count; j++)
                    {
                        if (Timeline.MonthIndex(starts[j]) / upper != top)
                        {
                            end = _axis.X(starts[j]);
                            break;
                        }
                    }

                    if (upperLabelled != top) Label(x + 5, 15, "t1", end - x - 8, PeriodNames(m, upper));
                    upperLabelled = top;
                }
            }
        }

        /// <summary>The period shown above a period of <paramref name="bucket"/> on the axis, in months.</summary>
        public static int Upper(TimeBucket bucket) => bucket switch
        {
            TimeBucket.Month => 12,
            TimeBucket.Quarter => 12,
            TimeBucket.Year => 120,
            TimeBucket.Decade => 1200,
            _ => 12000,
        };

        /// <summary>Names of the period of <paramref name="months"/> months holding a date, longest first.</summary>
        public static string[] PeriodNames(CalendarDate date, int months)
        {
            int year = date.Year;
            switch (months)
            {
                case 1: return new[] { HtmlText.MonthAbbreviation(date.Month), HtmlText.MonthAbbreviation(date.Month).Substring(0, 1) };
                case 3: return new[] { HtmlText.Int(year) + " Q" + HtmlText.Int((date.Month + 2) / 3), "Q" + HtmlText.Int((date.Month + 2) / 3) };
                case 12: return new[] { HtmlText.Int(year) };
                default:
                    int from = year / (months / 12) * (months / 12);
                    return new[] { HtmlText.Int(from) + "s", HtmlText.Int(from) };
            }
        }

        /// <summary>A load cell's name in a tooltip: "week of" its Monday, or the period.</summary>
        public string CellName(CalendarDate start) => _axis.Bucket switch
        {
            TimeBucket.Week => "week of " + HtmlText.Date(start),
            TimeBucket.Month => HtmlText.MonthName(start.Month) + " " + HtmlText.Int(start.Year),
            _ => PeriodNames(start, (int)_axis.Bucket)[0],
        };

        public IEnumerable<CalendarDate> MonthStarts()
        {
            var m = CalendarDate.FromYmd(_axis.First.Year, _axis.First.Month, 1);
            while (m <= _axis.Last)
            {
                yield return m;
                if (m.Year >= 9999 && m.Month == 12) yield break; // no month after 9999-12
                m = m.Month == 12 ? CalendarDate.FromYmd(m.Year + 1, 1, 1) : CalendarDate.FromYmd(m.Year, m.Month + 1, 1);
            }
        }

        private void Tick(int x, int y1, int y2) =>
            A("<line x1=\"").I(x).A("\" y1=\"").I(y1).A("\" x2=\"").I(x).A("\" y2=\"").I(y2).A("\"/>");

        /// <summary>The first of <paramref name="texts"/> that fits in <paramref name="room"/> pixels (about 6.5 per character), or nothing.</summary>
        private void Label(int x, int y, string? cls, int room, params string[] texts)
        {
            foreach (var text in texts)
            {
                if (text.Length * 6.5 > room) continue;
                A("<text x=\"").I(x).A("\" y=\"").I(y).A("\"");
                if (cls != null) A(" class=\"").A(cls).A("\"");
                A(">").E(text).A("</text>");
                break;
            }

            A("\n");
        }

        public void Flag(int x, string colour, string title) =>
            A("<path class=\"flag\" fill=\"").A(colour).A("\" d=\"M").I(x - 5).A(" ").I(AxisHeight - 7).A("H").I(x + 5).A("L").I(x).A(" ").I(AxisHeight).A("Z\"><title>").E(title).A("</title></path>\n");


        /// <summary>Thin lines where months (or the axis's upper periods) start, down a chart of <paramref name="height"/> pixels.</summary>
        public void MonthLines(int height)
        {
            var d = new StringBuilder();
            if (_axis.Bucket != TimeBucket.Week)
            {
                // Lines where the axis's upper periods start.
                int upper = Upper(_axis.Bucket);
                foreach (var m in _axis.BucketStarts())
                {
                    int x = _axis.X(m);
                    if (x > 0 && Timeline.PeriodStart(m, upper) == m) d.Append('M').Append(HtmlText.Int(x)).Append(" 0V").Append(HtmlText.Int(height));
                }
            }
            else foreach (var m in MonthStarts())
            {
                int x = _axis.X(m);
                if (x <= 0) continue;
                if (!_axis.ShowsWeeks && m.Month != 1) continue;
                d.Append('M').Append(HtmlText.Int(x)).Append(" 0V").Append(HtmlText.Int(height));
            }

            if (d.Length > 0) A("<path class=\"mg\" d=\"").A(d.ToString()).A("\"/>\n");
        }

        private TimelineAxis A(string text)
        {
            _out.Write(text);
            return this;
        }

        private TimelineAxis E(string? text)
        {
            _out.Write(HtmlText.Encode(text));
            return this;
        }

        private TimelineAxis I(long value)
        {
            _out.Write(HtmlText.Int(value));
            return this;
        }
    }
}
