using System;

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
            _body.AddItem("role", roleId ?? throw new ArgumentNullException(nameof(roleId)));
            return this;
        }

        /// <summary>Skills the person has (<c>skills a, b</c>); calls add to the list, and no skills add nothing.</summary>
        public PersonBuilder Skills(params string[] skills)
        {
            if (skills is null) throw new ArgumentNullException(nameof(skills));
            foreach (var skill in skills) _body.AddItem("skills", skill ?? throw new ArgumentNullException(nameof(skills), "a skill is null"));
            return this;
        }

        /// <summary>The daily rate: <c>rate N/d</c>.</summary>
        public PersonBuilder Rate(decimal perDay)
        {
            _body.Add("rate", TpmText.Number(perDay) + "/d");
            return this;
        }

        /// <summary>The part of each working day the person works: <c>capacity N%</c> (default 100%).</summary>
        public PersonBuilder Capacity(int percent)
        {
            _body.Add("capacity", TpmText.Percent(percent));
            return this;
        }

        /// <summary>Days off, both ends included: <c>vacation FROM..TO</c> (a single date when they are the same day).</summary>
        public PersonBuilder Vacation(DateTime from, DateTime to) => Vacation(TpmText.Date(from), TpmText.Date(to));

        /// <summary>Days off with the dates as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public PersonBuilder Vacation(string from, string to)
        {
            var first = TpmText.Date(from);
            var last = TpmText.Date(to);
            _body.Add("vacation", first == last ? first : first + ".." + last);
            return this;
        }
    }
}
