using System;
using System.IO;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>The pages' embedded styles and scripts.</summary>
    internal static class HtmlAssets
    {
        /// <summary>An embedded asset (Html/*.css, *.js) of this assembly, with LF line ends.</summary>
        public static string Resource(string name)
        {
            using var stream = typeof(HtmlAssets).Assembly.GetManifestResourceStream("ProgramDsl.Reports.Html." + name)
                ?? throw new InvalidOperationException("The resource " + name + " is missing from the assembly.");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd().Replace("\r\n", "\n");
        }
    }

    /// <summary>
    /// What the Gantt chart and the portfolio page write alike: the fluent text writers, the outline's date cells and
    /// the shading of non-working weekdays, so both pages draw a program the same way.
    /// </summary>
    /// <typeparam name="TSelf">The page, so that chained writes keep its own methods.</typeparam>
    internal abstract class HtmlPageWriter<TSelf>
        where TSelf : HtmlPageWriter<TSelf>
    {
        /// <summary>The page's output; set before anything is written.</summary>
        protected TextWriter Output { get; set; } = null!;

        /// <summary>Writes markup as it is.</summary>
        protected TSelf A(string text)
        {
            Output.Write(text);
            return (TSelf)this;
        }

        /// <summary>Writes text, encoded for HTML.</summary>
        protected TSelf E(string? text)
        {
            Output.Write(HtmlText.Encode(text));
            return (TSelf)this;
        }

        /// <summary>Writes a whole number.</summary>
        protected TSelf I(long value)
        {
            Output.Write(HtmlText.Int(value));
            return (TSelf)this;
        }

        /// <summary>The start, finish and working days of an outline row; three empty cells when it has no dates.</summary>
        protected void DateCells(GanttRow row)
        {
            if (row.Task is { } task)
            {
                A("<span>").A(HtmlText.Date(task.StartDate)).A("</span><span>").A(HtmlText.Date(task.FinishDate)).A("</span><span class=\"num\">").I(task.DurationDays).A("</span>");
            }
            else if (row.Workstream is { StartDate: CalendarDate s, FinishDate: CalendarDate f, Start: int si, Finish: int fi })
            {
                A("<span>").A(HtmlText.Date(s)).A("</span><span>").A(HtmlText.Date(f)).A("</span><span class=\"num\">").I(fi - si).A("</span>");
            }
            else
            {
                A("<span></span><span></span><span></span>");
            }
        }

        /// <summary>
        /// The rects of a one-week pattern that shade the non-working weekdays, one rect per run of them. The axis starts on a
        /// Monday: day k of the pattern is Monday + k.
        /// </summary>
        protected void NonWorkingDays(Timeline axis, WeekdaySet workdays, int height)
        {
            int k = axis.DaysPerPixel == 1 ? 0 : 7; // no shading of days narrower than a pixel
            while (k < 7)
            {
                if (workdays.Contains((DayOfWeek)((k + 1) % 7)))
                {
                    k++;
                    continue;
                }

                int first = k;
                while (k < 7 && !workdays.Contains((DayOfWeek)((k + 1) % 7))) k++;
                A("<rect class=\"nwr\" x=\"").I(first * axis.PixelsPerDay).A("\" width=\"").I((k - first) * axis.PixelsPerDay).A("\" height=\"").I(height).A("\"/>");
            }
        }
    }
}
