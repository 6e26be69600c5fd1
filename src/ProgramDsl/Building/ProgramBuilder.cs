using System;
using System.Text;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>
    /// Builds a program plan. Every call records one statement or declaration; <see cref="ToText"/> renders them as
    /// canonical <c>.tpm</c> text (settings first, then declarations, each in call order) and <see cref="Build"/>
    /// compiles that text. The builder does not validate: ids and values are written as given, and mistakes come
    /// back as the compiler's diagnostics.
    /// </summary>
    public sealed class ProgramBuilder
    {
        private readonly string _id;
        private readonly string? _title;
        private readonly TpmBlock _body = new TpmBlock();

        internal ProgramBuilder(string id, string? title)
        {
            _id = id ?? throw new ArgumentNullException(nameof(id));
            _title = title;
        }

        /// <summary><c>start DATE</c>: index 0 of the schedule is the first working day on or after it.</summary>
        public ProgramBuilder Start(DateTime date) => Add(Keywords.Start, TpmText.Date(date));

        /// <summary><c>start DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public ProgramBuilder Start(string isoDate) => Add(Keywords.Start, TpmText.Date(isoDate));

        /// <summary><c>deadline DATE</c>: TPM2202 when the program finishes after it.</summary>
        public ProgramBuilder Deadline(DateTime date) => Add(Keywords.Deadline, TpmText.Date(date));

        /// <summary><c>deadline DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public ProgramBuilder Deadline(string isoDate) => Add(Keywords.Deadline, TpmText.Date(isoDate));

        /// <summary><c>status-date DATE</c>: "today" for progress, earned value and reports.</summary>
        public ProgramBuilder StatusDate(DateTime date) => Add(Keywords.StatusDate, TpmText.Date(date));

        /// <summary><c>status-date DATE</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public ProgramBuilder StatusDate(string isoDate) => Add(Keywords.StatusDate, TpmText.Date(isoDate));

        /// <summary><c>workdays ...</c>: the program calendar's working weekdays (default Monday to Friday), rendered Monday first with ranges (<c>mon..fri</c>).</summary>
        public ProgramBuilder Workdays(params DayOfWeek[] days) => Add(Keywords.Workdays, TpmText.Weekdays(days));

        /// <summary><c>budget NUMBER</c>.</summary>
        public ProgramBuilder Budget(decimal amount) => Add(Keywords.Budget, TpmText.Number(amount));

        /// <summary><c>currency NAME</c> (such as <c>USD</c>).</summary>
        public ProgramBuilder Currency(string code) => Add(Keywords.Currency, code ?? throw new ArgumentNullException(nameof(code)));

        /// <summary><c>hours-per-day NUMBER</c>: converts hours and hourly rates (default 8).</summary>
        public ProgramBuilder HoursPerDay(double hours) => Add(Keywords.HoursPerDay, TpmText.Number(hours));

        /// <summary><c>leveling on|off</c>: resource leveling (on by default).</summary>
        public ProgramBuilder Leveling(bool on) => Add(Keywords.Leveling, on ? Statements.LevelingModes[0] : Statements.LevelingModes[1]);

        /// <summary><c>holiday DATE ["name"]</c>: a non-working day for everyone.</summary>
        public ProgramBuilder Holiday(DateTime date, string? name = null) => Holiday(TpmText.Date(date), name);

        /// <summary><c>holiday DATE ["name"]</c> with the date as <c>yyyy-MM-dd</c> text, written as given.</summary>
        public ProgramBuilder Holiday(string isoDate, string? name = null) =>
            Add(Keywords.Holiday, TpmText.Date(isoDate) + (name is null ? string.Empty : " " + TpmText.Quote(name)));

        /// <summary><c>holiday FROM..TO ["name"]</c>: non-working days for everyone, both ends included (one date when they are the same day).</summary>
        public ProgramBuilder Holiday(string from, string to, string? name) =>
            Add(Keywords.Holiday, TpmText.DateRange(from, to) + (name is null ? string.Empty : " " + TpmText.Quote(name)));

        /// <summary><c>note "text"</c>: free text about the program.</summary>
        public ProgramBuilder Note(string text) => Add(Keywords.Note, TpmText.Quote(text ?? throw new ArgumentNullException(nameof(text))));

        /// <summary><c>calendar ID ["title"] { ... }</c>: a named calendar people can work to.</summary>
        public ProgramBuilder Calendar(string id, string? title = null, Action<CalendarBuilder>? configure = null)
        {
            var body = _body.Declare(Keywords.Calendar, id, title);
            configure?.Invoke(new CalendarBuilder(body));
            return this;
        }

        /// <summary><c>role ID ["title"]</c>.</summary>
        public ProgramBuilder Role(string id, string? title = null)
        {
            _body.Declare(Keywords.Role, id, title);
            return this;
        }

        /// <summary><c>person ID ["name"] { ... }</c>.</summary>
        public ProgramBuilder Person(string id, string? name = null, Action<PersonBuilder>? configure = null)
        {
            var body = _body.Declare(Keywords.Person, id, name);
            configure?.Invoke(new PersonBuilder(body));
            return this;
        }

        /// <summary><c>resource ID ["name"] { capacity N ... }</c>: a pool of whole units (capacity 1 is the default and not written).</summary>
        public ProgramBuilder Resource(string id, string? name = null, int capacity = 1, Action<ResourceBuilder>? configure = null)
        {
            var body = _body.Declare(Keywords.Resource, id, name);
            if (capacity != 1) body.Add(Keywords.Capacity, TpmText.Number(capacity));
            configure?.Invoke(new ResourceBuilder(body));
            return this;
        }

        /// <summary><c>workstream ID ["title"] { ... }</c>.</summary>
        public ProgramBuilder Workstream(string id, string? title, Action<WorkstreamBuilder> configure)
        {
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            configure(new WorkstreamBuilder(_body.Declare(Keywords.Workstream, id, title)));
            return this;
        }

        /// <summary><c>task ID ["title"] { ... }</c> at the program level.</summary>
        public ProgramBuilder Task(string id, string? title, Action<TaskBuilder> configure)
        {
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            configure(new TaskBuilder(_body.Declare(Keywords.Task, id, title)));
            return this;
        }

        /// <summary><c>milestone ID ["title"] { ... }</c> at the program level.</summary>
        public ProgramBuilder Milestone(string id, string? title = null, Action<MilestoneBuilder>? configure = null)
        {
            var body = _body.Declare(Keywords.Milestone, id, title);
            configure?.Invoke(new MilestoneBuilder(body));
            return this;
        }

        /// <summary><c>risk ID ["title"] { ... }</c>.</summary>
        public ProgramBuilder Risk(string id, string? title, Action<RiskBuilder> configure)
        {
            if (configure is null) throw new ArgumentNullException(nameof(configure));
            configure(new RiskBuilder(_body.Declare(Keywords.Risk, id, title)));
            return this;
        }

        /// <summary>The canonical <c>.tpm</c> text of the whole plan: two-space indentation, one statement per line, <c>\n</c> line ends.</summary>
        public string ToText()
        {
            var sb = new StringBuilder();
            TpmBlock.WriteDeclaration(sb, 0, Keywords.Program, _id, _title, _body);
            return sb.ToString();
        }

        /// <summary>Compiles <see cref="ToText"/> with <see cref="TpmProgram.Parse"/>: the same model and diagnostics as the text.</summary>
        /// <param name="options">Compile options, or null for the defaults.</param>
        /// <param name="path">The path diagnostics name (nothing is read or written).</param>
        public TpmProgram Build(TpmCompileOptions? options = null, string path = "builder.tpm") => TpmProgram.Parse(ToText(), path, options);

        private ProgramBuilder Add(string keyword, string arguments)
        {
            _body.Add(keyword, arguments);
            return this;
        }
    }
}
