using System;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>The body of a <c>person</c>: roles, skills, rate, capacity and vacations.</summary>
    public sealed class PersonBuilder
    {
        private readonly TpmBlock _body;

        internal PersonBuilder(TpmBlock body) => _body = body;

        /// <summary>A role the person holds (<c>role ID</c>); several calls list several roles.</summary>
        public PersonBuilder Role(string roleId)
        {
            _body.AddItem(Keywords.Role, roleId ?? throw new ArgumentNullException(nameof(roleId)));
            return this;
        }

        /// <summary>Skills the person has (<c>skills a, b</c>); calls add to the list, and no skills add nothing.</summary>
        public PersonBuilder Skills(params string[] skills)
        {
            if (skills is null) throw new ArgumentNullException(nameof(skills));
            foreach (var skill in skills) _body.AddItem(Keywords.Skills, skill ?? throw new ArgumentNullException(nameof(skills), "a skill is null"));
            return this;
        }

        /// <summary>The daily rate: <c>rate N/d</c>.</summary>
        public PersonBuilder Rate(decimal perDay)
        {
            _body.Add(Keywords.Rate, TpmText.Number(perDay) + "/d");
            return this;
        }

        /// <summary>The hourly rate: <c>rate N/h</c> (hours-per-day converts it to a day).</summary>
        public PersonBuilder HourlyRate(decimal perHour)
        {
            _body.Add(Keywords.Rate, TpmText.Number(perHour) + "/h");
            return this;
        }

        /// <summary>The part of each working day the person works: <c>capacity N%</c> (default 100%).</summary>
        public PersonBuilder Capacity(int percent)
        {
            _body.Add(Keywords.Capacity, TpmText.Percent(percent));
            return this;
        }

        /// <summary><c>calendar ID</c>: the named calendar the person works to (beside the program's).</summary>
        public PersonBuilder Calendar(string calendarId)
        {
            _body.Add(Keywords.Calendar, calendarId ?? throw new ArgumentNullException(nameof(calendarId)));
            return this;
        }

        /// <summary><c>email "address"</c>.</summary>
        public PersonBuilder Email(string address)
        {
            _body.Add(Keywords.Email, TpmText.Quote(address ?? throw new ArgumentNullException(nameof(address))));
            return this;
        }

        /// <summary><c>note "text"</c>.</summary>
        public PersonBuilder Note(string text)
        {
            _body.Add(Keywords.Note, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));
            return this;
        }

        /// <summary>Days off with a label: <c>vacation FROM..TO "name"</c> (the label is left out when null).</summary>
        public PersonBuilder Vacation(string from, string to, string? name)
        {
            _body.Add(Keywords.Vacation, TpmText.DateRange(from, to) + (name is null ? string.Empty : " " + TpmText.Quote(name)));
            return this;
        }

        /// <summary>Days off, both ends included: <c>vacation FROM..TO</c> (a single date when they are the same day).</summary>
        public PersonBuilder Vacation(DateTime from, DateTime to) => Vacation(TpmText.Date(from), TpmText.Date(to));

        /// <summary>Days off with the dates as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public PersonBuilder Vacation(string from, string to)
        {
            var first = TpmText.Date(from);
            var last = TpmText.Date(to);
            _body.Add(Keywords.Vacation, first == last ? first : first + ".." + last);
            return this;
        }
    }
}
