using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a named <c>calendar</c>: its working weekdays and holidays.</summary>
    public sealed class CalendarBuilder
    {
        private readonly TpmBlock _body;

        internal CalendarBuilder(TpmBlock body) => _body = body;

        /// <summary><c>workdays ...</c> (default Monday to Friday), rendered Monday first with ranges (<c>mon..fri</c>).</summary>
        public CalendarBuilder Workdays(params DayOfWeek[] days)
        {
            _body.Add(Keywords.Workdays, TpmText.Weekdays(days));
            return this;
        }

        /// <summary><c>holiday DATE ["name"]</c>.</summary>
        public CalendarBuilder Holiday(DateTime date, string? name = null) => Holiday(TpmText.Date(date), TpmText.Date(date), name);

        /// <summary><c>holiday FROM..TO ["name"]</c> with the dates as <c>yyyy-MM-dd</c> text, both ends included (one date when they are the same day).</summary>
        public CalendarBuilder Holiday(string from, string to, string? name = null)
        {
            _body.Add(Keywords.Holiday, TpmText.DateRange(from, to) + (name is null ? string.Empty : " " + TpmText.Quote(name)));
            return this;
        }
    }
}
