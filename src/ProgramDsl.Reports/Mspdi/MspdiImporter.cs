using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Building;
using ProgramDsl.Scheduling;
using System.Diagnostics.CodeAnalysis;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;

namespace ProgramDsl.Reports.Mspdi
{
    /// <summary>The <c>.tpm</c> text made from an MS Project file, what was approximated or left out, or why it could not be made.</summary>
    public sealed class MspdiImport
    {
        internal MspdiImport(string? text, string programId, IReadOnlyList<string> notes, string? problem, IReadOnlyList<MspdiProblem>? warnings = null,
            IReadOnlyDictionary<int, string>? taskIds = null, IReadOnlyDictionary<int, string>? storedDates = null)
        {
            Text = text;
            TaskIds = taskIds ?? new Dictionary<int, string>();
            StoredDates = storedDates ?? new Dictionary<int, string>();
            ProgramId = programId;
            Notes = notes;
            Problem = problem;
            Warnings = warnings ?? Array.Empty<MspdiProblem>();
        }

        /// <summary>
        /// What was cut or shortened to keep the plan within the language's limits (<see cref="InputLimits"/>) and the
        /// reader's, each at its place in the file (<c>file(line,col): message</c> with <see cref="MspdiProblem.Format"/>).
        /// </summary>
        public IReadOnlyList<MspdiProblem> Warnings { get; }

        /// <summary>The program, in the builder's canonical layout; null when <see cref="Problem"/> is set.</summary>
        public string? Text { get; }

        /// <summary>The program's id.</summary>
        public string ProgramId { get; }

        /// <summary>What the plan could not keep exactly (one line each), for the user to review.</summary>
        public IReadOnlyList<string> Notes { get; }

        /// <summary>Why no program could be made, or null.</summary>
        public string? Problem { get; }

        /// <summary>
        /// The qualified id (<c>ws.task</c>, as <c>ScheduledTask.Id</c> has it) of the task or milestone each MS Project task
        /// became, by the task's <c>UID</c>; summary tasks (workstreams) and tasks not imported (null, inactive) are not
        /// in it. Lets a caller compare the imported plan's schedule with the dates the file stores.
        /// </summary>
        public IReadOnlyDictionary<int, string> TaskIds { get; }

        /// <summary>
        /// The tasks whose start or span was taken from the dates MS Project stored rather than computed from links and
        /// durations, by UID, with why: <see cref="StoredDateReasons"/>. Each also has a note. Lets a caller tell how
        /// much of an agreement with MS Project's dates is computed and how much copied.
        /// </summary>
        public IReadOnlyDictionary<int, string> StoredDates { get; }

        /// <summary>
        /// Why a task's dates come from the file (<see cref="StoredDates"/>): a manually scheduled task and a task on its
        /// own calendar start on their stored start and last their stored span; a leveling delay starts the task on its
        /// stored start; a split or contoured task lasts its stored span; work and duration that disagree are settled by
        /// the stored span.
        /// </summary>
        public static readonly IReadOnlyList<string> StoredDateReasons = new[] { "manually scheduled", "task calendar", "leveling delay", "split or contour", "work or duration by the stored span" };
    }

    /// <summary>
    /// Turns an MS Project plan (<see cref="MspdiProject"/>) into a <c>.tpm</c> program through the builder API, so the
    /// text is canonical: the project calendar and its holidays, people (work resources) with their calendars and
    /// vacations, resource pools (material resources), workstreams (summary tasks), tasks and milestones with their
    /// work, assignments, links, constraints, deadlines and progress. Ids come from the "tpm id" custom field when
    /// the file was written by tpm, else from the names (lower case, dashes, made unique). See docs/artefacts/mspdi.md.
    /// </summary>
    public static class MspdiImporter
    {
        /// <summary>
        /// The deepest outline level kept: a block nests at most <see cref="InputLimits.MaxNestingDepth"/> deep (the
        /// program, each workstream and the task count one), so workstreams are kept to level 62 and a task at 63. Deeper
        /// tasks are put in their workstream at level 62, with a warning.
        /// </summary>
        public const int MaxOutlineDepth = InputLimits.MaxNestingDepth - 1;

        /// <summary>Words that start or end list items in the language and so cannot be ids written into lists.</summary>
        private static readonly IReadOnlyCollection<string> Reserved = Statements.ItemWords;

        private static readonly WeekdaySet StandardWeek = WeekdaySet.MondayToFriday;

        /// <summary>Imports a project; <paramref name="fallbackName"/> (the file name) names the program when the file does not.</summary>
        public static MspdiImport Import(MspdiProject project, string? fallbackName = null)
        {
            if (project is null) throw new ArgumentNullException(nameof(project));
            try
            {
                return new Importer(project, fallbackName).Run();
            }
            catch (Exception ex) when (ex is OverflowException || ex is ArgumentOutOfRangeException)
            {
                // A backstop: the reader range-checks what it reads, but a figure derived from several of them (work ×
                // units, a date plus a lag) may still fall outside decimal or the calendar. A problem, not an internal error.
                return new MspdiImport(null, project.Name ?? fallbackName ?? "program", Array.Empty<string>(),
                    "a number or date in the file is outside what tpm can represent (" + ex.GetBaseException().Message.TrimEnd('.') + "); check the durations, units, lags and dates");
            }
        }

        /// <summary>True when <paramref name="text"/> is an identifier the lexer reads whole (the language's rule, <see cref="SyntaxFacts.IsIdentifier"/>).</summary>
        public static bool IsIdentifier(string? text) => SyntaxFacts.IsIdentifier(text);

        /// <summary>
        /// A name as an identifier: accents dropped, lower case, every run of other characters a dash, at most 40
        /// characters (cut at a dash), <paramref name="prefix"/> in front when it does not start with a letter; null when
        /// nothing is left.
        /// </summary>
        public static string? Slug(string? name, string prefix)
        {
            if (string.IsNullOrWhiteSpace(name)) return null;
            var sb = new StringBuilder();
            bool dash = false;
            foreach (char raw in name!)
            {
                char c = char.ToLowerInvariant(raw);
                string? letters = c < 128 ? (char.IsLetterOrDigit(c) ? c.ToString() : null) : Fold(c);
                if (letters is null)
                {
                    dash = true;
                    continue;
                }

                if (dash && sb.Length > 0) sb.Append('-');
                sb.Append(letters);
                dash = false;
            }

            if (sb.Length == 0) return null;
            var slug = sb.ToString();
            if (slug.Length > 40)
            {
                int cut = slug.LastIndexOf('-', 40);
                slug = slug.Substring(0, cut > 10 ? cut : 40).TrimEnd('-');
            }

            return SyntaxFacts.IsIdentifier(slug) ? slug : prefix + "-" + slug;
        }

        // Latin letters with accents and their plain spellings. A table rather than Unicode normalization, which the tool's
        // invariant-globalization mode does not do.
        private const string Accented = "àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž";
        private const string Plain = "aaaaaaaaacccccddeeeeeeeeegggghhiiiiiiiiijklllllnnnnooooooooorrrsssstttuuuuuuuuuuwyyyzzz";

        private static string? Fold(char c)
        {
            int i = Accented.IndexOf(c);
            if (i >= 0) return Plain[i].ToString();
            return c switch
            {
                'ß' => "ss",
                'æ' => "ae",
                'œ' => "oe",
                'þ' => "th",
                'ð' => "d",
                _ => null,
            };
        }

        /// <summary>A node of the task outline.</summary>
        private sealed class Node
        {
            public Node(MspdiTask task, Node? parent)
            {
                Task = task;
                Parent = parent;
            }

            public MspdiTask Task { get; }

            public Node? Parent { get; }

            public List<Node> Children { get; } = new List<Node>();

            public Dictionary<string, Node> Members { get; } = new Dictionary<string, Node>(StringComparer.Ordinal);

            /// <summary>Every id given out in this workstream's scope (renamed ones too).</summary>
            public HashSet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal);

            public bool IsWorkstream => Children.Count > 0 || Task.Summary;

            public string Id { get; set; } = string.Empty;

            /// <summary>Outline levels below this node (0 for a leaf): its id leaves room for theirs within <see cref="InputLimits.MaxIdLength"/>.</summary>
            public int Height { get; set; }

            /// <summary>
            /// The longest qualified id below and including this node with the ids it wants (and room for a "-2" on each):
            /// when it fits, no id here is shortened.
            /// </summary>
            public int Need { get; set; }

            /// <summary>The longest id this node may have, so that every qualified id under it fits.</summary>
            public int MaxId { get; set; } = InputLimits.MaxNameLength;

            /// <summary>The length of its qualified id (<c>ws.ws.task</c>).</summary>
            public int QualifiedLength => (Parent?.QualifiedLength + 1 ?? 0) + Id.Length;

            public string Display => "'" + (Task.Name ?? "task " + Task.Uid) + "'";
        }

        private sealed class PersonInfo
        {
            public PersonInfo(MspdiResource resource) => Resource = resource;

            public MspdiResource Resource { get; }

            public string Id { get; set; } = string.Empty;

            /// <summary>Capacity 0–1.</summary>
            public decimal Capacity { get; set; } = 1m;

            public bool IsPool { get; set; }

            public int PoolCapacity { get; set; } = 1;
        }

        private sealed class Importer
        {
            /// <summary>The longest lag or lead the compiler accepts (Binder's limit: beyond any calendar).</summary>
            private const int MaxLagDays = ValueRanges.MaxLagDays;

            private readonly MspdiProject _project;
            private readonly string? _fallbackName;
            private readonly List<string> _notes = new List<string>();
            private readonly List<Node> _ordered = new List<Node>();
            private readonly List<MspdiProblem> _warnings = new List<MspdiProblem>();
            private decimal _hoursPerDay;
            private int _minutesPerDay;
            private readonly Dictionary<int, MspdiCalendar> _calendars = new Dictionary<int, MspdiCalendar>();
            private readonly HashSet<string> _rootNames = new HashSet<string>(StringComparer.Ordinal);
            private readonly Dictionary<string, Node> _rootNodes = new Dictionary<string, Node>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Node>> _nestedByName = new Dictionary<string, List<Node>>(StringComparer.Ordinal);
            private readonly Dictionary<int, Node> _nodes = new Dictionary<int, Node>();
            private readonly Dictionary<int, PersonInfo> _resources = new Dictionary<int, PersonInfo>();
            private readonly Dictionary<int, List<MspdiAssignment>> _assignments = new Dictionary<int, List<MspdiAssignment>>();
            private readonly List<Node> _top = new List<Node>();

            /// <summary>UID to why the task's dates come from the file (<see cref="MspdiImport.StoredDates"/>).</summary>
            private readonly Dictionary<int, string> _storedDates = new Dictionary<int, string>();
            private MspdiCalendar? _projectCalendar;
            private WeekdaySet _workdays = StandardWeek;
            private List<MspdiException> _holidays = new List<MspdiException>();

            public Importer(MspdiProject project, string? fallbackName)
            {
                _project = project;
                _fallbackName = fallbackName;
                _minutesPerDay = project.MinutesPerDay;
                _hoursPerDay = decimal.Round(project.MinutesPerDay / 60m, 4);
                foreach (var c in project.Calendars) _calendars[c.Uid] = c;
            }

            /// <summary>
            /// The project calendar, its weekdays and holidays, and the length of its working day. MS Project schedules a
            /// duration's hours on the calendar's working times, so when those differ from the project's MinutesPerDay (a
            /// 7.5-hour day with the default 480 minutes, a 24-hour calendar), hours are counted in the calendar's days.
            /// </summary>
            private void ReadProjectCalendar()
            {
                _projectCalendar = _project.CalendarUid is int uid && _calendars.TryGetValue(uid, out var c) ? c : _project.Calendars.FirstOrDefault(x => x.IsBase);
                if (_projectCalendar is null) return;
                _workdays = WeekOf(_projectCalendar);
                if (_workdays.Count == 0)
                {
                    _notes.Add("the project calendar has no working weekday; Monday to Friday is used");
                    _workdays = StandardWeek;
                }

                _holidays = _projectCalendar.Exceptions.ToList();
                _programDays = new WorkingCalendar(CalendarDate.MinValue, _workdays, _holidays.Where(h => !h.Working).Select(h => h.Range));
                if (DayMinutes(_projectCalendar) is int minutes && minutes != _minutesPerDay)
                {
                    _notes.Add("the project's working day is " + Number(_minutesPerDay / 60m) + " hours (MinutesPerDay " + _minutesPerDay + "), but its calendar '" + _projectCalendar.Name +
                               "' works " + Number(decimal.Round(minutes / 60m, 2)) + " hours a day; MS Project schedules hours on the calendar, so durations, work and lags are counted in its days, and 'hours-per-day' is " +
                               Number(decimal.Round(minutes / 60m, 4)));
                    _minutesPerDay = minutes;
                    _hoursPerDay = decimal.Round(minutes / 60m, 4);
                }
            }

            /// <summary>The working minutes of most of a calendar's working weekdays (its base calendar's where it has none), or null when it lists no times.</summary>
            private int? DayMinutes(MspdiCalendar calendar)
            {
                var minutes = new Dictionary<DayOfWeek, int>();
                var seen = new HashSet<int>();
                for (var c = calendar; c != null && seen.Add(c.Uid); c = c.BaseUid is int b && _calendars.TryGetValue(b, out var next) ? next : null)
                {
                    foreach (var kv in c.WorkingMinutes) if (!minutes.ContainsKey(kv.Key)) minutes[kv.Key] = kv.Value;
                }

                var week = WeekOf(calendar);
                var counts = week.Days.Where(minutes.ContainsKey).GroupBy(d => minutes[d]).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).ToList();
                return counts.Count == 0 ? (int?)null : counts[0].Key;
            }

            // The program's working days from the first representable day, since MS Project's dates may precede its start.
            private WorkingCalendar _programDays = new WorkingCalendar(CalendarDate.MinValue, StandardWeek, Array.Empty<DateRange>());

            /// <summary>
            /// The working day a finish falls on: MS Project writes a finish at the end of the working time, but a finish at
            /// or before the start of a working day (08:00, or midnight) ends the working day before it.
            /// </summary>
            private DateTime FinishDate(DateTime finish)
            {
                if (finish.TimeOfDay > _project.DefaultStartTime || finish.Date == DateTime.MinValue) return finish.Date;
                // The working days before the finish's day; with none, the day before.
                int before = _programDays.FirstIndexOnOrAfter(CalendarDate.FromDateTime(finish.Date));
                return before > 0 ? _programDays.DateOf(before - 1).ToDateTime() : finish.Date.AddDays(-1);
            }

            public MspdiImport Run()
            {
                _notes.AddRange(_project.Notes);
                _warnings.AddRange(_project.Warnings);
                ReadProjectCalendar();
                var summary = _project.Tasks.FirstOrDefault(t => t.Uid == 0 || t.OutlineLevel == 0);
                var programId = ProgramId(summary);
                BuildOutline();

                // MS Project's Name is usually the file name: only the title, or the project summary task's name, is a title.
                var title = _project.Title ?? summary?.Name;
                var plan = Plan.Program(programId, title);
                WriteSettings(plan, summary);
                WriteCalendarsAndResources(plan);
                NameTasks();
                ResolveShadowing();
                foreach (var node in _top) WriteTop(plan, node);
                return new MspdiImport(plan.ToText(), programId, _notes, null, _warnings, TaskIds(), _storedDates);
            }

            /// <summary>UID to qualified id of every task and milestone written (not workstreams), after naming.</summary>
            private Dictionary<int, string> TaskIds()
            {
                var ids = new Dictionary<int, string>();
                var parts = new List<string>();
                foreach (var node in _ordered)
                {
                    if (node.IsWorkstream) continue;
                    parts.Clear();
                    for (var n = node; n != null; n = n.Parent) parts.Add(n.Id);
                    parts.Reverse();
                    ids[node.Task.Uid] = string.Join(".", parts);
                }

                return ids;
            }

            // ---------------------------------------------------------------- program

            private string ProgramId(MspdiTask? summary)
            {
                if (summary != null && IdOf(summary.ExtendedAttributes) is string tagged) return tagged;
                foreach (var name in new[] { StripExtension(_project.Name), _project.Title, summary?.Name, StripExtension(_fallbackName) })
                {
                    if (Slug(name, "plan") is string slug && !Reserved.Contains(slug)) return slug;
                }

                return "imported";
            }

            private static string? StripExtension(string? name)
            {
                if (name is null) return null;
                var file = name.Replace('\\', '/');
                file = file.Substring(file.LastIndexOf('/') + 1);
                foreach (var ext in new[] { ".xml", ".mpp", ".mpx", ".mpt" })
                {
                    if (file.EndsWith(ext, StringComparison.OrdinalIgnoreCase)) return file.Substring(0, file.Length - ext.Length);
                }

                return file;
            }

            /// <summary>The tpm id a tpm-written file keeps in its "tpm id" custom field, when it is a usable identifier.</summary>
            private string? IdOf(Dictionary<string, string> attributes)
            {
                foreach (var field in _project.IdFieldIds)
                {
                    if (attributes.TryGetValue(field, out var value) && IsIdentifier(value) && !Reserved.Contains(value) && value.Length <= InputLimits.MaxNameLength) return value;
                }

                return null;
            }

            /// <summary>
            /// The project start when a tracked date (an actual start or finish, or the start of a task with progress)
            /// lies before it and the program start was moved back to that date; null otherwise. Tasks without actuals
            /// get this date as their not-before, so they stay where MS Project scheduled them.
            /// </summary>
            private DateTime? _movedStart;

            /// <summary>
            /// The earliest date MS Project holds a task to whatever the project start (an actual start or finish, the
            /// start of a task with progress, a manually scheduled task's start, a must-start-on date), the task and what
            /// the date is; null when there is none.
            /// </summary>
            private (DateTime Date, MspdiTask Task, string What)? EarliestFixed()
            {
                (DateTime Date, MspdiTask Task, string What)? earliest = null;
                void Consider(DateTime? date, MspdiTask task, string what)
                {
                    if (date is DateTime d && (earliest is null || d.Date < earliest.Value.Date)) earliest = (d.Date, task, what);
                }

                foreach (var t in _project.Tasks)
                {
                    if (t.Uid == 0 || t.OutlineLevel == 0 || t.IsNull || !t.Active) continue; // the project summary task, blank rows, inactive tasks
                    Consider(t.ActualStart, t, "an actual start");
                    if (t.ActualFinish is DateTime finish) Consider(FinishDate(finish), t, "an actual finish");
                    if (t.ActualStart is null && (t.PercentComplete > 0 || t.ActualFinish != null)) Consider(t.Start, t, "progress from");
                    if (t.Summary) continue;
                    if (t.Manual) Consider(ManualStart(t), t, "a manually scheduled start");
                    if (t.ConstraintType == 2) Consider(t.ConstraintDate, t, "a must-start-on date");
                    if (t.ConstraintType == 4) Consider(t.ConstraintDate, t, "a start-no-earlier-than date");
                }

                return earliest;
            }

            /// <summary>The start of a manually scheduled task: the date MS Project shows (its manual start when it has no other).</summary>
            private static DateTime? ManualStart(MspdiTask t) => t.Start ?? t.ManualStart;

            private void WriteSettings(ProgramBuilder plan, MspdiTask? summary)
            {
                var start = (_project.StartDate ?? _project.Tasks.Where(t => t.Start != null).Min(t => t.Start)!.Value).Date;
                if (EarliestFixed() is (DateTime, MspdiTask, string) tracked && tracked.Date < start)
                {
                    // MS Project keeps actual dates, manually scheduled tasks and must-start-on dates before the project
                    // start; tpm counts days from its start, so the program starts on the earliest of them and the other
                    // tasks keep the project start as their not-before.
                    _notes.Add("task '" + tracked.Task.Name + "' has " + tracked.What + " " + Iso(tracked.Date) + " before the project start " + Iso(start) +
                               "; the program starts on " + Iso(tracked.Date) + ", and the tasks MS Project schedules from the project start are kept from starting before " + Iso(start) + " with 'not-before'");
                    _movedStart = start;
                    start = tracked.Date;
                }

                plan.Start(Iso(start));
                // A program's deadline and status date are after its start (TPM1102); MS Project keeps earlier ones.
                if (summary?.Deadline is DateTime deadline)
                {
                    if (FinishDate(deadline) >= start) plan.Deadline(Iso(FinishDate(deadline)));
                    else _notes.Add("the project's deadline " + Iso(FinishDate(deadline)) + " is before its start " + Iso(start) + "; it is left out");
                }

                if (_project.StatusDate is DateTime status)
                {
                    if (FinishDate(status) >= start) plan.StatusDate(Iso(FinishDate(status)));
                    else _notes.Add("the project's status date " + Iso(FinishDate(status)) + " is before its start " + Iso(start) + "; it is left out (nothing is reported as done before the program starts)");
                }
                if (_project.CurrencyCode is string currency && IsIdentifier(currency.Trim())) plan.Currency(currency.Trim());

                if (_workdays.Mask != StandardWeek.Mask) plan.Workdays(_workdays.Days.ToArray());
                if (_hoursPerDay != 8m) plan.HoursPerDay((double)_hoursPerDay);
                WriteLeveling(plan);
                foreach (var h in _holidays.OrderBy(h => h.Range.From))
                {
                    if (h.Working)
                    {
                        _notes.Add("the project calendar makes " + h.Range + " a working day; tpm calendars only take days off, so it stays a non-working day");
                        continue;
                    }

                    plan.Holiday(h.Range.From.ToString(), h.Range.To.ToString(), h.Name);
                }

                if (summary?.Notes is string note) plan.Note(note);
            }

            /// <summary>
            /// MS Project levels only when asked, and a leveled plan shows it in leveling delays; tpm levels by default. A
            /// plan with no leveling delay is imported with <c>leveling off</c>, so it schedules as MS Project had it. A
            /// file tpm wrote keeps tpm's default (its dates are tpm's leveled ones).
            /// </summary>
            private void WriteLeveling(ProgramBuilder plan)
            {
                var delayed = _project.Tasks.Where(t => t.LevelingDelay != 0 && !t.Summary).Select(t => t.Uid)
                    .Concat(_project.Assignments.Where(a => a.LevelingDelay != 0).Select(a => a.TaskUid)).Distinct().ToList();
                if (delayed.Count > 0)
                {
                    // MS Project's leveling is in its delays: kept on the delayed tasks (their leveled starts), without tpm's own.
                    plan.Leveling(false);
                    _notes.Add("MS Project leveled the plan (" + Plural(delayed.Count, "task") + " with a leveling delay), so it is imported with 'leveling off' and each delayed task starts no earlier than leveling put it");
                    return;
                }

                if (_project.IdFieldIds.Count > 0) return;
                plan.Leveling(false);
                if (_project.Assignments.Any(a => a.ResourceUid > 0))
                {
                    _notes.Add("MS Project had not leveled the plan (no task has a leveling delay), so it is imported with 'leveling off': people may be over-allocated, as they were in MS Project (TPM2101)");
                }
            }

            /// <summary>A calendar's weekdays: its own, then its base calendar's, then MS Project's standard week.</summary>
            private WeekdaySet WeekOf(MspdiCalendar calendar)
            {
                var days = new Dictionary<DayOfWeek, bool>();
                var seen = new HashSet<int>();
                for (var c = calendar; c != null && seen.Add(c.Uid); c = c.BaseUid is int b && _calendars.TryGetValue(b, out var next) ? next : null)
                {
                    foreach (var kv in c.WeekDays) if (!days.ContainsKey(kv.Key)) days[kv.Key] = kv.Value;
                }

                var working = new List<DayOfWeek>();
                for (int d = 0; d < 7; d++)
                {
                    var day = (DayOfWeek)d;
                    if (days.TryGetValue(day, out var w) ? w : StandardWeek.Contains(day)) working.Add(day);
                }

                return new WeekdaySet(working);
            }

            // ---------------------------------------------------------------- calendars, people and pools

            private void WriteCalendarsAndResources(ProgramBuilder plan)
            {
                // Assignments per task; units per pool, so a pool's capacity covers its largest use.
                var poolPeak = new Dictionary<int, decimal>();
                foreach (var a in _project.Assignments)
                {
                    if (!_assignments.TryGetValue(a.TaskUid, out var list)) _assignments[a.TaskUid] = list = new List<MspdiAssignment>();
                    list.Add(a);
                    if (a.Units is decimal u) poolPeak[a.ResourceUid] = Math.Max(poolPeak.TryGetValue(a.ResourceUid, out var p) ? p : 0, u);
                }

                var people = new List<PersonInfo>();
                var pools = new List<PersonInfo>();
                foreach (var r in _project.Resources)
                {
                    if (r.IsNull || r.Uid <= 0) continue;
                    if (r.Type == 2)
                    {
                        _notes.Add("cost resource '" + r.Name + "' is not imported (tpm has fixed costs on tasks, not cost resources)");
                        continue;
                    }

                    var info = new PersonInfo(r);
                    decimal max = r.MaxUnits ?? 1m;
                    if (r.Type == 0 || max > 1m)
                    {
                        info.IsPool = true;
                        decimal peak = poolPeak.TryGetValue(r.Uid, out var p) ? p : 0;
                        info.PoolCapacity = (int)Math.Max(1m, Math.Ceiling(Math.Max(r.Type == 0 ? r.MaxUnits ?? 1m : max, peak)));
                        if (r.Type != 0) _notes.Add("work resource '" + r.Name + "' has max units " + Percent(max) + ": a tpm person works at most 100%, so it becomes the resource pool with capacity " + info.PoolCapacity);
                        pools.Add(info);
                    }
                    else
                    {
                        if (max <= 0m)
                        {
                            _notes.Add("person '" + r.Name + "' has max units " + Percent(max) + "; capacity 100% is used");
                            max = 1m;
                        }

                        info.Capacity = max;
                        people.Add(info);
                    }

                    _resources[r.Uid] = info;
                }

                // Ids: first those a tpm-written file carries, then names made unique, in file order.
                var all = people.Concat(pools).ToList();
                foreach (var info in all)
                {
                    if (IdOf(info.Resource.ExtendedAttributes) is string id && _rootNames.Add(id)) info.Id = id;
                }

                var calendarIds = new Dictionary<int, string>();
                var personCalendars = new Dictionary<PersonInfo, (string? Calendar, List<MspdiException> Vacations)>();
                foreach (var info in people) personCalendars[info] = PersonCalendar(info, calendarIds);
                foreach (var info in all)
                {
                    if (info.Id.Length == 0) info.Id = Unique(_rootNames, Slug(info.Resource.Name, info.IsPool ? "pool" : "person") ?? (info.IsPool ? "pool-" : "person-") + info.Resource.Uid);
                }

                WriteNamedCalendars(plan);
                foreach (var info in people)
                {
                    var r = info.Resource;
                    var (calendar, vacations) = personCalendars[info];
                    plan.Person(info.Id, Title(r.Name, info.Id), p =>
                    {
                        if (info.Capacity < 1m) p.Capacity((int)Math.Max(1m, decimal.Round(info.Capacity * 100m, MidpointRounding.AwayFromZero)));
                        // MSPDI keeps rates per hour; the format says whether MS Project shows them per hour (2) or per day.
                        if (r.StandardRate is decimal rate && rate > 0)
                        {
                            if (r.StandardRateFormat == 2) p.HourlyRate(decimal.Round(rate, 6));
                            else p.Rate(decimal.Round(rate * _hoursPerDay, 4));
                        }
                        if (calendar != null) p.Calendar(calendar);
                        foreach (var v in vacations) p.Vacation(v.Range.From.ToString(), v.Range.To.ToString(), v.Name);
                        if (r.Email != null) p.Email(r.Email);
                        if (r.Notes != null) p.Note(r.Notes);
                    });
                }

                foreach (var info in pools)
                {
                    var r = info.Resource;
                    plan.Resource(info.Id, Title(r.Name, info.Id), info.PoolCapacity, p =>
                    {
                        if (r.StandardRate is decimal rate && rate > 0) p.Rate(decimal.Round(rate, 6));
                        if (r.Notes != null) p.Note(r.Notes);
                    });
                }
            }

            private readonly List<(string Id, string? Title, WeekdaySet Week, List<MspdiException> Holidays)> _namedCalendars = new List<(string, string?, WeekdaySet, List<MspdiException>)>();

            /// <summary>
            /// A person's calendar and vacations from their resource calendar: its base calendar, when it is not the project's,
            /// becomes a named calendar; weekdays the resource calendar takes off (that the program works) make a calendar of
            /// the person's own; its days off, less the program's holidays, are vacations.
            /// </summary>
            private (string? Calendar, List<MspdiException> Vacations) PersonCalendar(PersonInfo info, Dictionary<int, string> calendarIds)
            {
                var vacations = new List<MspdiException>();
                if (!(info.Resource.CalendarUid is int uid) || !_calendars.TryGetValue(uid, out var own)) return (null, vacations);
                var baseCalendar = own.IsBase ? own : own.BaseUid is int b && _calendars.TryGetValue(b, out var found) ? found : _projectCalendar;
                string? calendarId = null;
                var baseWeek = baseCalendar is null ? StandardWeek : WeekOf(baseCalendar);
                var ownWeek = WeekOf(own);
                bool namedBase = baseCalendar != null && baseCalendar != _projectCalendar;
                var effective = ownWeek.Intersect(_workdays);
                var expected = (namedBase ? baseWeek : _workdays).Intersect(_workdays);
                if (effective.Count == 0 || expected.Count == 0)
                {
                    // A tpm calendar needs a working weekday, and a person works within the program's: a resource that works
                    // none of the program's weekdays (only weekends, or no day at all) keeps the program's week instead.
                    var calendarName = effective.Count == 0 ? own.Name : baseCalendar!.Name;
                    var works = effective.Count == 0 ? ownWeek : baseWeek;
                    _notes.Add("person '" + info.Resource.Name + "' works " + (works.Count == 0 ? "no weekday" : "only on " + string.Join(", ", works.Days.Select(d => d.ToString()))) +
                               " by their calendar '" + calendarName + "', none of the program's working days; tpm has no way to make a person work other days than the program, so the calendar is not imported and they work the program's days");
                    return (null, vacations);
                }

                if (effective.Mask != expected.Mask)
                {
                    // The person works fewer weekdays than their base calendar: a calendar of their own says which.
                    var name = info.Resource.Name + " week";
                    calendarId = Unique(_rootNames, Slug(name, "calendar") ?? "calendar-" + own.Uid);
                    _namedCalendars.Add((calendarId, name, effective, namedBase ? baseCalendar!.Exceptions.ToList() : new List<MspdiException>()));
                }
                else if (namedBase && !calendarIds.TryGetValue(baseCalendar!.Uid, out calendarId))
                {
                    calendarId = Unique(_rootNames, Slug(baseCalendar.Name, "calendar") ?? "calendar-" + baseCalendar.Uid);
                    calendarIds[baseCalendar.Uid] = calendarId;
                    _namedCalendars.Add((calendarId, Title(baseCalendar.Name, calendarId), baseWeek, baseCalendar.Exceptions.ToList()));
                }

                var inherited = namedBase ? baseCalendar!.Exceptions : new List<MspdiException>();
                var covered = new RangeCover(_holidays.Concat(inherited).Where(h => !h.Working).Select(h => h.Range));
                foreach (var e in own == baseCalendar ? new List<MspdiException>() : own.Exceptions)
                {
                    if (e.Working)
                    {
                        _notes.Add("person '" + info.Resource.Name + "' works on " + e.Range + " by exception; tpm calendars only take days off, so it stays as their calendar has it");
                        continue;
                    }

                    // The program's holidays (and their calendar's) apply to the person anyway.
                    if (covered.Covers(e.Range)) continue;
                    vacations.Add(e);
                }

                vacations.Sort((x, y) => x.Range.From.CompareTo(y.Range.From));
                return (calendarId, vacations);
            }

            /// <summary>
            /// Whether one of a set of ranges covers a given range, in a binary search: the ranges sorted by their first
            /// day, with the latest last day among those starting on or before each. A calendar holds up to
            /// MspdiReader.MaxCalendarExceptions ranges, so a scan per vacation would be quadratic.
            /// </summary>
            private sealed class RangeCover
            {
                private readonly int[] _from;
                private readonly int[] _maxTo;

                public RangeCover(IEnumerable<DateRange> ranges)
                {
                    var sorted = ranges.OrderBy(r => r.From.DayNumber).ToArray();
                    _from = new int[sorted.Length];
                    _maxTo = new int[sorted.Length];
                    int max = int.MinValue;
                    for (int i = 0; i < sorted.Length; i++)
                    {
                        _from[i] = sorted[i].From.DayNumber;
                        max = Math.Max(max, sorted[i].To.DayNumber);
                        _maxTo[i] = max;
                    }
                }

                public bool Covers(DateRange inner)
                {
                    // The last range starting on or before inner.From.
                    int lo = 0, hi = _from.Length - 1, found = -1;
                    while (lo <= hi)
                    {
                        int mid = lo + (hi - lo) / 2;
                        if (_from[mid] <= inner.From.DayNumber)
                        {
                            found = mid;
                            lo = mid + 1;
                        }
                        else
                        {
                            hi = mid - 1;
                        }
                    }

                    return found >= 0 && _maxTo[found] >= inner.To.DayNumber;
                }
            }

            private void WriteNamedCalendars(ProgramBuilder plan)
            {
                foreach (var (id, title, week, holidays) in _namedCalendars)
                {
                    plan.Calendar(id, title, c =>
                    {
                        if (week.Mask != StandardWeek.Mask) c.Workdays(week.Days.ToArray());
                        foreach (var h in holidays.OrderBy(h => h.Range.From))
                        {
                            if (h.Working) continue;
                            c.Holiday(h.Range.From.ToString(), h.Range.To.ToString(), h.Name);
                        }
                    });
                }
            }

            // ---------------------------------------------------------------- the outline

            /// <summary>
            /// The task tree from the outline levels, in file order, with an explicit stack. A task deeper than
            /// <see cref="MaxOutlineDepth"/> is put in its workstream at the level above (the deepest that may hold
            /// tasks), with one warning per such workstream; then each node's height, leaves first.
            /// </summary>
            private void BuildOutline()
            {
                var stack = new List<Node>();
                var flattened = new List<(Node Workstream, MspdiTask First, int Count)>();
                var ordered = _ordered;
                foreach (var t in _project.Tasks)
                {
                    if (t.Uid == 0 || t.OutlineLevel == 0) continue;
                    if (t.IsNull) continue;
                    if (!t.Active)
                    {
                        _notes.Add("task '" + t.Name + "' is inactive and is not imported");
                        continue;
                    }

                    int level = Math.Max(1, t.OutlineLevel);
                    while (stack.Count >= level) stack.RemoveAt(stack.Count - 1);
                    var parent = stack.Count == 0 ? null : stack[Math.Min(stack.Count, MaxOutlineDepth - 1) - 1];
                    var node = new Node(t, parent);
                    if (parent is null) _top.Add(node);
                    else parent.Children.Add(node);
                    _nodes[t.Uid] = node;
                    ordered.Add(node);
                    stack.Add(node);
                    if (stack.Count > MaxOutlineDepth)
                    {
                        int last = flattened.Count - 1;
                        if (last >= 0 && flattened[last].Workstream == parent) flattened[last] = (parent!, flattened[last].First, flattened[last].Count + 1);
                        else flattened.Add((parent!, t, 1));
                    }
                }

                foreach (var (workstream, first, count) in flattened)
                {
                    _warnings.Add(new MspdiProblem(first.Line, first.Column, "the outline under summary task " + workstream.Display + " (level " + (MaxOutlineDepth - 1) +
                        ") is deeper than a .tpm plan nests (" + InputLimits.MaxNestingDepth + " blocks: the program, workstreams to level " + (MaxOutlineDepth - 1) + " and a task): " +
                        Plural(count, "task") + " from here on below level " + MaxOutlineDepth + " " + (count == 1 ? "is" : "are") + " put directly in its workstream, in file order"));
                }

                // Pre-order (file order) backwards visits every child before its parent.
                for (int i = ordered.Count - 1; i >= 0; i--)
                {
                    var node = ordered[i];
                    if (node.Parent != null && node.Parent.Height < node.Height + 1) node.Parent.Height = node.Height + 1;
                }
            }

            private static string Plural(int count, string word) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + word + (count == 1 ? string.Empty : "s");

            /// <summary>Ids for every node, scope by scope (the program's, then each workstream's), breadth first.</summary>
            private void NameTasks()
            {
                // What each subtree's ids would need, leaves first (file order backwards).
                for (int i = _ordered.Count - 1; i >= 0; i--)
                {
                    var node = _ordered[i];
                    node.Need += (IdOf(node.Task.ExtendedAttributes) ?? WantedId(node)).Length + 4;
                    if (node.Parent != null) node.Parent.Need = Math.Max(node.Parent.Need, node.Need + 1);
                }

                var queue = new Queue<(List<Node> Siblings, HashSet<string> Names)>();
                queue.Enqueue((_top, _rootNames));
                while (queue.Count > 0)
                {
                    var (siblings, names) = queue.Dequeue();
                    foreach (var node in siblings)
                    {
                        // An equal share of what is left of the qualified id for this level and each below it: ids are
                        // shortened only in outlines so deep that ws.ws.task would pass InputLimits.MaxIdLength.
                        int left = InputLimits.MaxIdLength - (node.Parent is null ? 0 : node.Parent.QualifiedLength + 1);
                        node.MaxId = node.Need <= left ? InputLimits.MaxNameLength : Math.Max(1, Math.Min(InputLimits.MaxNameLength, (left + 1) / (node.Height + 1) - 1));
                        if (IdOf(node.Task.ExtendedAttributes) is string id && id.Length <= node.MaxId && names.Add(id)) node.Id = id;
                    }

                    foreach (var node in siblings)
                    {
                        if (node.Id.Length == 0)
                        {
                            var wanted = WantedId(node);
                            node.Id = Unique(names, wanted, node.MaxId);
                            if (wanted.Length > node.MaxId)
                            {
                                _warnings.Add(new MspdiProblem(node.Task.Line, node.Task.Column, "task " + node.Display + " gets the id '" + node.Id + "' instead of '" + wanted +
                                    "': it is nested " + Depth(node) + " levels deep with " + Plural(node.Height, "level") + " below it, and a qualified id (ws.ws.task) is at most " +
                                    InputLimits.MaxIdLength + " characters"));
                            }
                        }

                        if (node.Parent is null) _rootNodes[node.Id] = node;
                        else
                        {
                            node.Parent.Members[node.Id] = node;
                            if (!_nestedByName.TryGetValue(node.Id, out var list)) _nestedByName[node.Id] = list = new List<Node>(1);
                            list.Add(node);
                        }

                        if (node.Children.Count > 0) queue.Enqueue((node.Children, node.Names));
                    }
                }
            }

            /// <summary>The id a node's name makes (before it is made unique in its scope).</summary>
            private string WantedId(Node node)
            {
                var prefix = node.IsWorkstream ? "ws" : IsMilestone(node) ? "milestone" : "task";
                return Slug(node.Task.Name, prefix) ?? prefix + "-" + node.Task.Uid;
            }

            private static string Unique(HashSet<string> taken, string wanted, int maxLength = InputLimits.MaxNameLength)
            {
                var id = Cut(wanted, maxLength);
                for (int n = 2; Reserved.Contains(id) || !taken.Add(id); n++)
                {
                    var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
                    id = Cut(wanted, Math.Max(1, maxLength - suffix.Length)) + suffix;
                }

                return id;
            }

            /// <summary>An id cut to <paramref name="maxLength"/> characters, without a dash at its end.</summary>
            private static string Cut(string id, int maxLength)
            {
                if (id.Length <= maxLength) return id;
                var cut = id.Substring(0, maxLength).TrimEnd('-');
                return cut.Length > 0 ? cut : id.Substring(0, 1);
            }

            private static int Depth(Node node)
            {
                int depth = 0;
                for (var n = node; n != null; n = n.Parent) depth++;
                return depth;
            }

            private static string? Title(string? name, string id) => name is null || name == id ? null : name;

            private bool IsMilestone(Node node) =>
                !node.IsWorkstream && (node.Task.Milestone || ((node.Task.DurationHours ?? (node.Task.Manual ? node.Task.ManualDurationHours : null) ?? 0) <= 0 && WorkOf(node.Task) <= 0));

            private decimal WorkOf(MspdiTask task)
            {
                decimal work = 0;
                if (_assignments.TryGetValue(task.Uid, out var list))
                {
                    foreach (var a in list)
                    {
                        if (_resources.TryGetValue(a.ResourceUid, out var r) && !r.IsPool) work += a.WorkHours ?? 0;
                    }
                }

                return work;
            }

            // ---------------------------------------------------------------- writing tasks

            private void WriteTop(ProgramBuilder plan, Node node)
            {
                if (node.IsWorkstream) plan.Workstream(node.Id, Title(node.Task.Name, node.Id), w => FillWorkstream(w, node));
                else if (IsMilestone(node)) plan.Milestone(node.Id, Title(node.Task.Name, node.Id), m => FillMilestone(m, node));
                else plan.Task(node.Id, Title(node.Task.Name, node.Id), t => FillTask(t, node));
            }

            // The builder takes nested workstreams as nested callbacks, so nesting recurses once per outline level; the
            // depth is bounded by MaxOutlineDepth (deeper tasks are flattened in BuildOutline).
            private void FillWorkstream(WorkstreamBuilder w, Node node)
            {
                var t = node.Task;
                foreach (var (target, type, lag) in Links(node))
                {
                    if (type == Building.Dependency.FinishToFinish || type == Building.Dependency.StartToFinish)
                    {
                        _notes.Add("summary task " + node.Display + " has a finish-to-finish or start-to-finish predecessor; a workstream's 'after' takes fs and ss only, so it is left out");
                        continue;
                    }

                    w.After(target, type, lag);
                }

                if (t.Deadline is DateTime deadline) w.Due(Iso(FinishDate(deadline)));
                if (t.Notes != null) w.Note(t.Notes);
                if (_assignments.TryGetValue(t.Uid, out var list) && list.Any(a => _resources.ContainsKey(a.ResourceUid)))
                {
                    _notes.Add("summary task " + node.Display + " has resources assigned; a workstream holds no work of its own, so they are left out");
                }

                if (t.ConstraintType != 0 && t.ConstraintDate != null) _notes.Add("summary task " + node.Display + " has a date constraint; it is left out (put it on its tasks)");
                foreach (var child in node.Children)
                {
                    if (child.IsWorkstream) w.Workstream(child.Id, Title(child.Task.Name, child.Id), cw => FillWorkstream(cw, child));
                    else if (IsMilestone(child)) w.Milestone(child.Id, Title(child.Task.Name, child.Id), m => FillMilestone(m, child));
                    else w.Task(child.Id, Title(child.Task.Name, child.Id), ct => FillTask(ct, child));
                }
            }

            private void FillMilestone(MilestoneBuilder m, Node node)
            {
                var t = node.Task;
                if (t.Milestone && (t.DurationHours ?? 0) > 0) _notes.Add("milestone " + node.Display + " has a duration; a tpm milestone has none");
                foreach (var (target, type, lag) in Links(node)) m.After(target, type, lag);
                bool reached = t.ActualFinish != null || (t.PercentComplete >= 100 && (t.ActualStart ?? t.Start) != null);
                if (t.Manual && !reached && ManualStart(t) is DateTime manual)
                {
                    // A milestone is dated the working day before its start index: not-before the day after its date.
                    var on = FinishDate(manual);
                    _storedDates[t.Uid] = "manually scheduled";
                    _notes.Add("milestone " + node.Display + " is manually scheduled in MS Project; it is imported on its date " + Iso(on) + " with 'not-before " + Iso(on.AddDays(1)) + "'");
                    m.NotBefore(Iso(on.AddDays(1)));
                }
                else if (Floor(NotBefore(node), reached) is string notBefore) m.NotBefore(notBefore);
                if (t.Deadline is DateTime deadline) m.Due(Iso(FinishDate(deadline)));
                if (t.ActualFinish is DateTime reachedOn) m.ActualFinish(Iso(FinishDate(reachedOn)));
                else if (t.PercentComplete >= 100 && (t.ActualStart ?? t.Start) is DateTime at) m.ActualFinish(Iso(at.Date));
                if (t.Notes != null) m.Note(t.Notes);
            }

            private void FillTask(TaskBuilder b, Node node)
            {
                var t = node.Task;
                decimal days = DurationDays(t, node);
                var people = new List<(PersonInfo Person, decimal Units, decimal? Work)>();
                var pools = new List<(PersonInfo Pool, int Units)>();
                if (_assignments.TryGetValue(t.Uid, out var list))
                {
                    foreach (var a in list)
                    {
                        if (!_resources.TryGetValue(a.ResourceUid, out var r))
                        {
                            if (a.ResourceUid > 0 && _project.Resources.All(x => x.Uid != a.ResourceUid)) _notes.Add("task " + node.Display + " is assigned resource UID " + a.ResourceUid + ", which is not in the file; the assignment is left out");
                            continue;
                        }

                        if (r.IsPool) pools.Add((r, (int)Math.Max(1m, Math.Ceiling(a.Units ?? 1m))));
                        else if (people.All(p => p.Person != r)) people.Add((r, a.Units ?? r.Capacity, a.WorkHours));
                    }
                }

                if (t.Manual && t.DurationHours is null && t.ManualDurationHours is decimal manualHours) days = decimal.Round(manualHours * 60m / _minutesPerDay, 4);
                decimal work = people.Sum(p => p.Work ?? p.Units * days * _minutesPerDay / 60m);
                bool tracked = t.ActualStart != null || ((t.PercentComplete > 0 || t.ActualFinish != null) && t.Start != null);

                // Dates tpm cannot compute, kept as MS Project had them: a manually scheduled task's, and those its own
                // calendar gave a task. The task starts no earlier than its start and lasts its span in program working days.
                string? pinned = null;
                var ownCalendar = tracked ? null : OwnCalendar(t);
                if (!tracked && (t.Manual || ownCalendar != null) && (t.Manual ? ManualStart(t) : t.Start) is DateTime pinStart)
                {
                    var pinFinish = t.Manual ? t.Finish ?? t.ManualFinish : t.Finish;
                    if (pinFinish is DateTime f && SpanDays(pinStart.Date, FinishDate(f)) is int pinSpan && pinSpan > 0) days = pinSpan;
                    pinned = Iso(pinStart.Date);
                    _storedDates[t.Uid] = t.Manual ? "manually scheduled" : "task calendar";
                    _notes.Add("task " + node.Display + (t.Manual ? " is manually scheduled in MS Project" : " is scheduled on its own calendar '" + ownCalendar!.Name + "' in MS Project, which tpm has no way to give a task") +
                               "; it is imported with the dates MS Project gave it: 'not-before " + pinned + "' and 'duration " + Number(days) + "d'" +
                               (t.Manual && t.Links.Count > 0 ? " (tpm still applies its links, which MS Project does not to a manual task)" : string.Empty));
                    b.Duration((double)days);
                }

                var shaped = Reshaped(t, list);
                if (pinned != null)
                {
                }
                else if (DayOfAssignees(people) is int assigneeMinutes && t.DurationHours is decimal hours && !t.ElapsedDuration)
                {
                    // Everyone on the task works a day of other hours (a 24-hour calendar): MS Project fits the hours into their days.
                    days = decimal.Round(hours * 60m / assigneeMinutes, 4);
                    _notes.Add("task " + node.Display + ": its people work " + Number(decimal.Round(assigneeMinutes / 60m, 2)) + "-hour days in MS Project, and a tpm person works the program's " +
                               Number(_hoursPerDay) + "; it is imported with 'duration " + Number(days) + "d' (its " + Number(hours) + " hours in their days), so effort is not kept");
                    b.Duration((double)days);
                }
                else if (shaped != null && t.Start is DateTime from && t.Finish is DateTime to && SpanDays(from.Date, FinishDate(to)) is int span && span > Math.Ceiling(days))
                {
                    // MS Project's duration leaves out the pauses; the plan's task spans them, so what follows starts where it did.
                    _notes.Add("task " + node.Display + " " + shaped + "; tpm has no pause in a task, so it is imported over its whole span, " +
                               Iso(from.Date) + " to " + Iso(FinishDate(to)) + ": 'duration " + span + "d' instead of its " + Number(days) + " working days" + (people.Count > 0 ? ", its people booked through the pause" : string.Empty));
                    days = span;
                    _storedDates[t.Uid] = "split or contour";
                    b.Duration((double)days);
                }
                else if (people.Count > 0 && t.Type != 1 && work > 0 && !t.Manual && EffortKeepsDuration(node, people, work, days))
                {
                    // Effort-driven: person-days of work, which the scheduler spreads over the assignees' shares again.
                    b.Effort((double)decimal.Round(work / (_minutesPerDay / 60m), 4));
                }
                else
                {
                    b.Duration((double)days);
                }

                if (pinned is null && DayOfAssignees(people) is null) NoteOtherDays(node, list);
                if (!tracked && pinned is null) NoteNightShifts(node, people);

                foreach (var (person, units, _) in people)
                {
                    decimal share = person.Capacity > 0 ? units / person.Capacity : units;
                    if (share > 1m)
                    {
                        _notes.Add("task " + node.Display + " assigns '" + person.Resource.Name + "' at " + Percent(units) + ", more than their " + Percent(person.Capacity) + "; the share is 100%");
                        share = 1m;
                    }

                    b.Assign(person.Id, (int)Math.Max(1m, decimal.Round(share * 100m, MidpointRounding.AwayFromZero)));
                }

                foreach (var (pool, units) in pools) b.Uses(pool.Id, units);
                foreach (var (target, type, lag) in Links(node)) b.After(target, type, lag);
                if (pinned != null) b.NotBefore(pinned);
                else if (!tracked && t.LevelingDelay != 0 && t.Start is DateTime leveled)
                {
                    // The plan is imported without tpm's leveling; MS Project's leveling is in this delay, kept as the start it gave.
                    var own = NotBefore(node);
                    var at = own != null && string.CompareOrdinal(own, Iso(leveled.Date)) > 0 ? own : Iso(leveled.Date);
                    _storedDates[t.Uid] = "leveling delay";
                    _notes.Add("task " + node.Display + " was delayed by MS Project's leveling (" + Number(decimal.Round(t.LevelingDelay / 10m / _minutesPerDay, 2)) + " working days); it is imported with 'not-before " + at + "', the start leveling gave it");
                    b.NotBefore(at);
                }
                else if (Floor(NotBefore(node), tracked) is string notBefore) b.NotBefore(notBefore);
                if (t.Deadline is DateTime deadline) b.Due(Iso(FinishDate(deadline)));
                if (t.Priority is int priority && priority != 500) b.Priority(Math.Max(1, Math.Min(1000, priority)));
                if (t.FixedCost is decimal cost && cost > 0) b.Cost(cost);

                var actualStart = t.ActualStart;
                if (actualStart is null && (t.PercentComplete > 0 || t.ActualFinish != null) && t.Start != null)
                {
                    _notes.Add("task " + node.Display + " has progress but no actual start; its scheduled start is taken");
                    actualStart = t.Start;
                }

                if (t.PercentComplete is int percent && percent > 0) b.Progress(Math.Min(100, percent));
                if (actualStart is DateTime started)
                {
                    b.ActualStart(Iso(started.Date));
                    if (!_programDays.IsWorkingDay(CalendarDate.FromDateTime(started)))
                    {
                        _notes.Add("task " + node.Display + " started on " + Iso(started.Date) + ", a day the program does not work; tpm counts its work from the next working day");
                    }
                }
                if (t.ActualFinish is DateTime finished && actualStart is DateTime begun)
                {
                    // A finish before the start is no date MS Project saves (TPM1102 in the plan): left out, so the plan compiles.
                    if (FinishDate(finished) >= begun.Date) b.ActualFinish(Iso(FinishDate(finished)));
                    else _notes.Add("task " + node.Display + " has an actual finish " + Iso(FinishDate(finished)) + " before its actual start " + Iso(begun.Date) + "; the actual finish is left out");
                }
                if (t.ActualCost is decimal actualCost && actualCost > 0 && actualStart != null) b.ActualCost(actualCost);
                if (t.Notes != null) b.Note(t.Notes);
            }

            /// <summary>
            /// True when the work, spread over the assignees' units as tpm spreads effort, takes the task's duration in
            /// whole days; otherwise (an uneven contour, work shared unevenly, a duration longer than its work) the task
            /// is imported with its duration, so it spans what it did in MS Project, and a note says why.
            /// </summary>
            private bool EffortKeepsDuration(Node node, List<(PersonInfo Person, decimal Units, decimal? Work)> people, decimal work, decimal days)
            {
                var t = node.Task;
                if (t.DurationHours is null || t.ElapsedDuration) return true;
                // MS Project's units: a share capped at a person's capacity is noted on its own, and keeps the work.
                decimal units = people.Sum(p => p.Units);
                if (units <= 0) return true;
                decimal effortDays = work * 60m / _minutesPerDay;
                var spread = Math.Ceiling(decimal.Round(effortDays / units, 3));
                var wanted = Math.Ceiling(decimal.Round(days, 3));
                if (spread == wanted) return true;

                // Work and duration disagree. MS Project's own dates for the task say which it scheduled by (a resource on
                // a calendar of other hours can make the span follow the work); without them, the duration.
                if (t.Start is DateTime start && t.Finish is DateTime finish && SpanDays(start.Date, FinishDate(finish)) is int span && span == spread && span != wanted)
                {
                    _storedDates[t.Uid] = "work or duration by the stored span";
                    _notes.Add("task " + node.Display + ": its work over its assignees' units (" + Number(decimal.Round(effortDays, 2)) + " person-days at " + Percent(units) + ") takes " +
                               Number(spread) + " days, its duration says " + Number(decimal.Round(days, 2)) + "; MS Project's dates span " + span + ", so it is imported with its effort");
                    return true;
                }

                string why;
                if (_assignments.TryGetValue(t.Uid, out var list) && list.Any(a => a.WorkContour != 0 && _resources.ContainsKey(a.ResourceUid))) why = "its work follows an uneven contour";
                else if (people.Count > 1 && people.Select(p => p.Work is decimal w && p.Units > 0 ? decimal.Round(w / p.Units, 2) : -1m).Distinct().Count() > 1) why = "its assignees have unequal work for their units";
                else if (spread < wanted) why = "its duration is longer than its work over its assignees' units";
                else why = "its work over its assignees' units takes longer than its duration";
                _notes.Add("task " + node.Display + ": " + why + " (" + Number(decimal.Round(effortDays, 2)) + " person-days at " + Percent(units) + " take " + Number(spread) +
                           " days, MS Project schedules " + Number(decimal.Round(days, 2)) + "); it is imported with 'duration " + Number(days) + "d' and its people, so effort is not kept");
                return false;
            }

            /// <summary>The task's own calendar when it works other weekdays, hours or exceptions than the project calendar; else null.</summary>
            private MspdiCalendar? OwnCalendar(MspdiTask t) =>
                t.CalendarUid is int uid && _calendars.TryGetValue(uid, out var calendar) && calendar != _projectCalendar &&
                (WeekOf(calendar).Mask != _workdays.Mask || DayMinutes(calendar) is int m && m != _minutesPerDay || calendar.Exceptions.Count > 0)
                    ? calendar
                    : null;

            /// <summary>The working minutes of the day every assignee's calendar has, when they all have the same one other than the program's; else null.</summary>
            private int? DayOfAssignees(List<(PersonInfo Person, decimal Units, decimal? Work)> people)
            {
                int? day = null;
                foreach (var (person, _, _) in people)
                {
                    if (!(person.Resource.CalendarUid is int uid) || !_calendars.TryGetValue(uid, out var calendar) || !(DayMinutes(calendar) is int minutes)) return null;
                    if (day != null && day != minutes) return null;
                    day = minutes;
                }

                return day != null && day != _minutesPerDay ? day : null;
            }

            /// <summary>
            /// A note for each assignee whose calendar starts its working day in the evening (a night shift, from 23:00): MS
            /// Project dates the task from that evening, tpm by the working day it belongs to.
            /// </summary>
            private void NoteNightShifts(Node node, List<(PersonInfo Person, decimal Units, decimal? Work)> people)
            {
                foreach (var (person, _, _) in people)
                {
                    if (!(person.Resource.CalendarUid is int uid) || !_calendars.TryGetValue(uid, out var calendar)) continue;
                    TimeSpan? evening = null;
                    var seen = new HashSet<int>();
                    for (var c = calendar; c != null && evening is null && seen.Add(c.Uid); c = c.BaseUid is int b && _calendars.TryGetValue(b, out var next) ? next : null) evening = c.EveningStart;
                    if (!(evening is TimeSpan from) || DayMinutes(calendar) >= 1440) continue;
                    _notes.Add("task " + node.Display + ": '" + person.Resource.Name + "' works a night shift in MS Project (from " + from.ToString(@"hh\:mm", CultureInfo.InvariantCulture) +
                               "); tpm counts whole working days, so the task's days can be a day off from its shifts, which run past midnight");
                }
            }

            /// <summary>A note for each assignee on a 24-hour calendar when the others on the task work other days (so no one day length fits them all).</summary>
            private void NoteOtherDays(Node node, List<MspdiAssignment>? assignments)
            {
                if (assignments is null) return;
                foreach (var a in assignments)
                {
                    if (!_resources.TryGetValue(a.ResourceUid, out var r) || r.IsPool) continue;
                    if (r.Resource.CalendarUid is int uid && _calendars.TryGetValue(uid, out var own) && DayMinutes(own) is int minutes && minutes >= 1440 && _minutesPerDay < 1440)
                    {
                        _notes.Add("task " + node.Display + ": '" + r.Resource.Name + "' works a 24-hour calendar in MS Project, unlike the others on it; tpm counts a person's day as the program's " + Number(_hoursPerDay) + " hours, so the task takes longer");
                    }
                }
            }

            /// <summary>
            /// Why the task's work does not run evenly from its start to its finish: it is split (an assignment's work pauses,
            /// zero hours in its timephased work), or its work was contoured by hand (contour 8, the timephased work decides);
            /// null otherwise.
            /// </summary>
            private string? Reshaped(MspdiTask t, List<MspdiAssignment>? assignments)
            {
                if (assignments is null) return null;
                if (assignments.Any(a => a.Split)) return "is split in MS Project (its work pauses and resumes)";
                if (assignments.Any(a => a.WorkContour == 8 && _resources.ContainsKey(a.ResourceUid))) return "has work contoured by hand in MS Project (its work per day is edited, with days of little or none)";
                return null;
            }

            /// <summary>The program's working days from one date to another, both included (null when the end is before the start).</summary>
            private int? SpanDays(DateTime from, DateTime to)
            {
                if (to < from) return null;

                // Counted arithmetically over merged holidays (a file can hold 100,000 of them, and every task asks).
                var last = CalendarDate.FromDateTime(to);

                // The days before the end, and the end itself if it works: no day after it is named, so 9999-12-31 counts too.
                return _programDays.FirstIndexOnOrAfter(last) + (_programDays.IsWorkingDay(last) ? 1 : 0) - _programDays.FirstIndexOnOrAfter(CalendarDate.FromDateTime(from));
            }


            /// <summary>The task's duration in working days (elapsed durations approximated on the program's week).</summary>
            private decimal DurationDays(MspdiTask t, Node node)
            {
                decimal hours = Math.Max(0m, t.DurationHours ?? 0m);
                if (t.ElapsedDuration)
                {
                    decimal elapsedDays = hours / 24m;
                    decimal working = decimal.Round(elapsedDays * _workdays.Count / 7m, 4);
                    _notes.Add("task " + node.Display + " has an elapsed duration of " + Number(elapsedDays) + " calendar days, taken as " + Number(working) + " working days");
                    return working;
                }

                return decimal.Round(hours * 60m / _minutesPerDay, 4);
            }

            /// <summary>A start-no-earlier-than (or must-start-on) constraint as <c>not-before</c>; other constraints are noted and left out.</summary>
            /// <summary>
            /// A task's not-before: its own, or, when the program start was moved back for dates before the project start
            /// and the task has none, the project start, so that it is not scheduled earlier than in MS Project.
            /// </summary>
            private string? Floor(string? notBefore, bool tracked)
            {
                if (tracked || !(_movedStart is DateTime original)) return notBefore;
                // A task's own constraint holds even before the project start (MS Project schedules it there); a task
                // without one starts no earlier than the project start.
                return notBefore ?? Iso(original);
            }

            private string? NotBefore(Node node)
            {
                var t = node.Task;
                if (t.ConstraintType == 0 || t.ConstraintDate is null) return null;
                switch (t.ConstraintType)
                {
                    case 4:
                        return Iso(t.ConstraintDate.Value.Date);
                    case 2:
                        _notes.Add("task " + node.Display + " must start on " + Iso(t.ConstraintDate.Value.Date) + "; it is imported as not-before that date");
                        return Iso(t.ConstraintDate.Value.Date);
                    default:
                        var names = new[] { "as soon as possible", "as late as possible", "must start on", "must finish on", "start no earlier than", "start no later than", "finish no earlier than", "finish no later than" };
                        var what = t.ConstraintType >= 0 && t.ConstraintType < names.Length ? names[t.ConstraintType] : "constraint " + t.ConstraintType;
                        _notes.Add("task " + node.Display + " has the constraint '" + what + " " + Iso(t.ConstraintDate.Value.Date) + "', which tpm has no way to say; it is left out (a 'due' date checks a finish)");
                        return null;
                }
            }

            /// <summary>The task's links as (reference, type, lag in working days), in file order; unusable links are noted and skipped.</summary>
            /// <summary>
            /// A reference fails only when a workstream around the dependent task has a member named like the top-level
            /// ancestor of its predecessor (the language has no way to say "the program's"): that member is renamed, until
            /// every link can be written.
            /// </summary>
            private void ResolveShadowing()
            {
                var ordered = _project.Tasks.Where(t => _nodes.ContainsKey(t.Uid)).Select(t => _nodes[t.Uid]).ToList();
                for (int round = 0; round <= ordered.Count; round++)
                {
                    bool renamed = false;
                    foreach (var node in ordered)
                    {
                        foreach (var link in node.Task.Links)
                        {
                            if (!(Predecessor(node, link) is Node predecessor) || TryReference(node.Parent, predecessor, out _)) continue;
                            var top = predecessor;
                            while (top.Parent != null) top = top.Parent;
                            for (var ws = node.Parent; ws != null; ws = ws.Parent)
                            {
                                if (!ws.Members.TryGetValue(top.Id, out var shadow)) continue;
                                Rename(ws, shadow);
                                renamed = true;
                                break;
                            }
                        }
                    }

                    if (!renamed) return;
                }
            }

            private void Rename(Node scope, Node node)
            {
                var old = node.Id;
                scope.Members.Remove(old);
                _nestedByName[old].Remove(node);
                var id = old;
                for (int n = 2; Reserved.Contains(id) || scope.Names.Contains(id) || _rootNames.Contains(id); n++)
                {
                    var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
                    id = Cut(old, Math.Max(1, node.MaxId - suffix.Length)) + suffix;
                }
                scope.Names.Add(id);
                node.Id = id;
                scope.Members[id] = node;
                if (!_nestedByName.TryGetValue(id, out var list)) _nestedByName[id] = list = new List<Node>(1);
                list.Add(node);
                _notes.Add("task " + node.Display + " is renamed '" + id + "': its name '" + old + "' would hide the program-level '" + old + "' that a link needs");
            }

            /// <summary>The node a link points to when it can be written as a dependency, else null.</summary>
            private Node? Predecessor(Node node, MspdiLink link) =>
                !link.CrossProject && _nodes.TryGetValue(link.PredecessorUid, out var p) && p != node && !IsAncestor(p, node) && !IsAncestor(node, p) ? p : null;

            private IEnumerable<(string Target, Building.Dependency Type, int Lag)> Links(Node node)
            {
                foreach (var link in node.Task.Links)
                {
                    if (link.CrossProject)
                    {
                        _notes.Add("task " + node.Display + " has a predecessor in another project; it is left out");
                        continue;
                    }

                    if (!_nodes.TryGetValue(link.PredecessorUid, out var predecessor))
                    {
                        if (link.PredecessorUid != 0) _notes.Add("task " + node.Display + " has a predecessor (UID " + link.PredecessorUid + ") that is not imported; the link is left out");
                        continue;
                    }

                    if (predecessor == node || IsAncestor(predecessor, node) || IsAncestor(node, predecessor))
                    {
                        _notes.Add("task " + node.Display + " is linked to " + predecessor.Display + ", which contains it or is inside it; tpm would read that as a cycle, so the link is left out");
                        continue;
                    }

                    var type = MspdiFormat.DependencyTypeOf(link.Type) switch
                    {
                        DependencyType.StartToStart => Building.Dependency.StartToStart,
                        DependencyType.FinishToFinish => Building.Dependency.FinishToFinish,
                        DependencyType.StartToFinish => Building.Dependency.StartToFinish,
                        _ => Building.Dependency.FinishToStart,
                    };
                    yield return (Reference(node.Parent, predecessor), type, LagDays(link, node, predecessor));
                }
            }

            private static bool IsAncestor(Node ancestor, Node node)
            {
                for (var p = node.Parent; p != null; p = p.Parent) if (p == ancestor) return true;
                return false;
            }

            /// <summary>The lag in whole working days: tenths of minutes over the working day; elapsed and percentage lags approximated.</summary>
            private int LagDays(MspdiLink link, Node node, Node predecessor)
            {
                decimal days;
                string? approximated = null;
                switch (link.LagFormat)
                {
                    case 4: case 6: case 8: case 10: case 12: case 36: case 38: case 40: case 42: case 44:
                        decimal elapsed = link.LinkLag / 10m / 1440m;
                        days = elapsed * _workdays.Count / 7m;
                        approximated = "an elapsed lag of " + Number(decimal.Round(elapsed, 2)) + " calendar days";
                        break;
                    case 19: case 20: case 51: case 52:
                        decimal percent = link.LinkLag / 10m;
                        days = percent / 100m * DurationDays(predecessor.Task, predecessor);
                        approximated = "a lag of " + Number(percent) + "% of the predecessor's duration";
                        break;
                    default:
                        days = link.LinkLag / 10m / _minutesPerDay;
                        if (days != decimal.Truncate(days)) approximated = "a lag of " + Number(decimal.Round(days, 2)) + " working days";
                        break;
                }

                // The compiler takes lags up to MaxLagDays working days: a longer one is clamped there, and noted.
                var rounded = decimal.Round(days, MidpointRounding.AwayFromZero);
                int whole = (int)Math.Max(-MaxLagDays, Math.Min(MaxLagDays, rounded));
                if (whole != rounded) approximated ??= "a lag of " + Number(rounded) + " working days";
                if (approximated != null) _notes.Add("task " + node.Display + " has " + approximated + " after " + predecessor.Display + ", taken as " + ProgramDsl.Diagnostics.Plural.WorkingDays(whole));
                return whole;
            }

            /// <summary>
            /// The shortest reference to <paramref name="target"/> that the compiler resolves to it from <paramref name="scope"/>:
            /// names are looked up in the enclosing workstreams, then at the program level, then by a unique nested name.
            /// </summary>
            private string Reference(Node? scope, Node target) =>
                TryReference(scope, target, out var reference) ? reference : throw new InvalidOperationException("no reference resolves to " + target.Id);

            private bool TryReference(Node? scope, Node target, out string reference)
            {
                var path = new List<Node>();
                for (var n = target; n != null; n = n.Parent) path.Add(n);
                path.Reverse();
                for (int i = path.Count - 1; i >= 0; i--)
                {
                    if (Lookup(path[i].Id, scope) == path[i])
                    {
                        reference = string.Join(".", path.Skip(i).Select(n => n.Id));
                        return true;
                    }
                }

                reference = string.Empty;
                return false;
            }

            /// <summary>What the compiler takes <paramref name="name"/> to mean from <paramref name="scope"/>: a node, a program-level name that is not a task, or null.</summary>
            private object? Lookup(string name, Node? scope) => NameLookup.Find<Scopes, Node, object>(new Scopes(this), scope, name, out _);

            /// <summary>The plan being made, as scopes for the compiler's name rule (<see cref="NameLookup"/>).</summary>
            private readonly struct Scopes : INameScopes<Node, object>
            {
                private readonly Importer _importer;

                public Scopes(Importer importer) => _importer = importer;

                public Node? ContainerOf(Node scope) => scope.Parent;

                public bool TryGetMember(Node scope, string name, [MaybeNullWhen(false)] out object symbol)
                {
                    bool found = scope.Members.TryGetValue(name, out var member);
                    symbol = member;
                    return found;
                }

                public bool TryGetTopLevel(string name, [MaybeNullWhen(false)] out object symbol)
                {
                    if (_importer._rootNodes.TryGetValue(name, out var top))
                    {
                        symbol = top;
                        return true;
                    }

                    // A person, pool or calendar of that name: not a task.
                    symbol = name;
                    return _importer._rootNames.Contains(name);
                }

                public IReadOnlyList<object>? Nested(string name) => _importer._nestedByName.TryGetValue(name, out var nested) ? nested : null;
            }

            // ---------------------------------------------------------------- values

            /// <summary>The day a finish falls on: a finish at midnight ends the day before.</summary>

            private static string Iso(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

            private static string Number(decimal value) => MspdiFormat.Number(value);

            private static string Percent(decimal units) => Number(decimal.Round(units * 100m, 1)) + "%";
        }
    }
}
