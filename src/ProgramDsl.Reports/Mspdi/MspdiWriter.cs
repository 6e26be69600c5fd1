using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;

namespace ProgramDsl.Reports.Mspdi
{
    /// <summary>
    /// Writes a scheduled program as MS Project XML (MSPDI): the project with its calendar, holidays and office
    /// calendars, a resource calendar per person, the tasks depth first (workstreams as summary tasks), the people and
    /// resource pools, and the assignments. Dates are the computed schedule; durations, links, constraints and
    /// progress are what MS Project needs to schedule it again. The mapping is described in docs/artefacts/mspdi.md.
    /// </summary>
    public static class MspdiWriter
    {
        /// <summary>MS Project 2010 and later read this version of the format.</summary>
        private const int SaveVersion = 14;

        /// <summary>The UID of the project calendar.</summary>
        private const int ProjectCalendarUid = 1;

        /// <summary>Writes the document: UTF-8, two-space indentation, LF line ends, the same bytes for the same schedule.</summary>
        public static string Write(ProgramSymbol program, Schedule schedule)
        {
            using var bytes = new MemoryStream();
            Write(program, schedule, bytes);
            return new UTF8Encoding(false).GetString(bytes.GetBuffer(), 0, (int)bytes.Length);
        }

        /// <summary>
        /// Writes the document to <paramref name="output"/> as UTF-8 as it goes, never holding it whole (XmlWriter's
        /// own UTF-8 writer, twice as fast as one over a TextWriter at the input limits); leaves the stream open.
        /// </summary>
        public static void Write(ProgramSymbol program, Schedule schedule, Stream output)
        {
            if (program is null) throw new ArgumentNullException(nameof(program));
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (output is null) throw new ArgumentNullException(nameof(output));
            var settings = new XmlWriterSettings
            {
                Indent = true,
                IndentChars = "  ",
                NewLineChars = "\n",
                NewLineHandling = NewLineHandling.Replace,
                Encoding = new UTF8Encoding(false),
                CloseOutput = false,
            };
            using (var xml = XmlWriter.Create(output, settings))
            {
                new Emitter(xml, program, schedule).Write();
            }

            output.WriteByte((byte)'\n');
        }

        /// <summary>One row of the task outline: a workstream (summary task) or a task, in depth-first order.</summary>
        private sealed class Row
        {
            public Row(Symbol symbol, int level, string outline)
            {
                Symbol = symbol;
                Level = level;
                Outline = outline;
            }

            public Symbol Symbol { get; }

            public int Level { get; }

            public string Outline { get; }

            public int Uid { get; set; }
        }

        private sealed class Emitter
        {
            private readonly XmlWriter _xml;
            private readonly ProgramSymbol _program;
            private readonly Schedule _schedule;
            private readonly int _minutesPerDay;
            private readonly int _dayStart;
            private readonly int _dayEnd;
            private readonly List<Row> _rows;
            private readonly Dictionary<Symbol, int> _taskUid = new Dictionary<Symbol, int>();
            private readonly Dictionary<Symbol, int> _resourceUid = new Dictionary<Symbol, int>();
            private readonly Dictionary<CalendarSymbol, int> _calendarUid = new Dictionary<CalendarSymbol, int>();
            private readonly Dictionary<PersonSymbol, int> _personCalendarUid = new Dictionary<PersonSymbol, int>();
            private readonly Dictionary<WorkstreamSymbol, ScheduledWorkstream> _spans = new Dictionary<WorkstreamSymbol, ScheduledWorkstream>();
            private readonly HashSet<WorkstreamSymbol> _critical = new HashSet<WorkstreamSymbol>();

            public Emitter(XmlWriter xml, ProgramSymbol program, Schedule schedule)
            {
                _xml = xml;
                _program = program;
                _schedule = schedule;
                _minutesPerDay = MspdiFormat.MinutesPerDay(program.HoursPerDay);
                _dayStart = MspdiFormat.DayStart(_minutesPerDay);
                _dayEnd = MspdiFormat.DayEnd(_minutesPerDay);
                foreach (var span in schedule.Workstreams) _spans[span.Workstream] = span;

                // A workstream is critical when a task in it is: marked once from each critical task up its containers.
                foreach (var t in schedule.Tasks)
                {
                    if (!t.IsCritical) continue;
                    for (var ws = t.Task.Container; ws != null && _critical.Add(ws); ws = ws.Container) { }
                }
                _rows = Outline(program);
                for (int i = 0; i < _rows.Count; i++)
                {
                    _rows[i].Uid = i + 1;
                    _taskUid[_rows[i].Symbol] = i + 1;
                }

                int uid = 0;
                foreach (var person in program.People) _resourceUid[person] = ++uid;
                foreach (var pool in program.Resources) _resourceUid[pool] = ++uid;
                int calendar = ProjectCalendarUid;
                foreach (var named in program.Calendars) _calendarUid[named] = ++calendar;
                foreach (var person in program.People) _personCalendarUid[person] = ++calendar;
            }

            /// <summary>The task outline, depth first, with outline numbers (1, 1.1, 1.2, 2): an explicit stack, no recursion.</summary>
            private static List<Row> Outline(ProgramSymbol program)
            {
                var rows = new List<Row>();
                var stack = new Stack<(IReadOnlyList<Symbol> Children, int Next, string Prefix, int Level)>();
                stack.Push((program.Children, 0, string.Empty, 1));
                while (stack.Count > 0)
                {
                    var (children, next, prefix, level) = stack.Pop();
                    if (next >= children.Count) continue;
                    stack.Push((children, next + 1, prefix, level));
                    var child = children[next];
                    var outline = prefix + (next + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    rows.Add(new Row(child, level, outline));
                    if (child is WorkstreamSymbol ws) stack.Push((ws.Children, 0, outline + ".", level + 1));
                }

                return rows;
            }

            public void Write()
            {
                _xml.WriteStartDocument();
                _xml.WriteStartElement("Project", MspdiFormat.Namespace);
                Element("SaveVersion", SaveVersion);
                Element("Name", _program.Id);
                if (_program.Title != null) Element("Title", _program.Title);
                Element("ScheduleFromStart", true);
                Element("StartDate", MspdiFormat.DateTime(_schedule.StartDate, _dayStart));
                Element("FinishDate", FinishDateTime(_schedule.FinishDate));
                Element("CriticalSlackLimit", 0);
                if (_program.Currency != null) Element("CurrencyCode", _program.Currency);
                Element("CalendarUID", ProjectCalendarUid);
                Element("DefaultStartTime", MspdiFormat.Time(_dayStart));
                Element("DefaultFinishTime", MspdiFormat.Time(_dayEnd));
                Element("MinutesPerDay", _minutesPerDay);
                Element("MinutesPerWeek", _minutesPerDay * _program.Calendar.Workdays.Count);
                Element("DaysPerMonth", 20);
                Element("DefaultTaskType", 0);
                Element("DurationFormat", MspdiFormat.DaysFormat);
                Element("WorkFormat", 3);
                Element("HonorConstraints", true);
                Element("MultipleCriticalPaths", false);
                Element("NewTasksEffortDriven", true);
                Element("WeekStartDay", 1);
                if (_program.StatusDate is CalendarDate status) Element("StatusDate", FinishDateTime(status));
                WriteExtendedAttributeDefinitions();
                WriteCalendars();
                WriteTasks();
                WriteResources();
                WriteAssignments();
                _xml.WriteEndElement();
                _xml.WriteEndDocument();
            }

            private void WriteExtendedAttributeDefinitions()
            {
                Start("ExtendedAttributes");
                foreach (var (id, name) in new[] { (MspdiFormat.TaskIdFieldId, "Text30"), (MspdiFormat.ResourceIdFieldId, "Text30") })
                {
                    Start("ExtendedAttribute");
                    Element("FieldID", id);
                    Element("FieldName", name);
                    Element("Alias", MspdiFormat.IdFieldAlias);
                    End();
                }

                End();
            }

            // ------------------------------------------------------------------ calendars

            private void WriteCalendars()
            {
                Start("Calendars");
                Start("Calendar");
                Element("UID", ProjectCalendarUid);
                Element("Name", "Standard");
                Element("IsBaseCalendar", true);
                Element("IsBaselineCalendar", false);
                Element("BaseCalendarUID", -1);
                WriteWeek(_program.Calendar.Workdays);
                WriteExceptions(_program.Calendar.Holidays.Select(h => (h.Range, h.Name)));
                End();

                foreach (var named in _program.Calendars)
                {
                    Start("Calendar");
                    Element("UID", _calendarUid[named]);
                    Element("Name", Label(named));
                    Element("IsBaseCalendar", true);
                    Element("IsBaselineCalendar", false);
                    Element("BaseCalendarUID", -1);
                    WriteWeek(named.Workdays);
                    WriteExceptions(named.Holidays.Select(h => (h.Range, h.Name)));
                    End();
                }

                // A resource calendar per person, as MS Project keeps one for every work resource. A person on an office
                // calendar works only the days both it and the program calendar work, and takes the program's holidays
                // too: the resource calendar says so explicitly, since MS Project would read only the office calendar.
                foreach (var person in _program.People)
                {
                    Start("Calendar");
                    Element("UID", _personCalendarUid[person]);
                    Element("Name", Label(person));
                    Element("IsBaseCalendar", false);
                    Element("IsBaselineCalendar", false);
                    Element("BaseCalendarUID", person.Calendar is null ? ProjectCalendarUid : _calendarUid[person.Calendar]);
                    var daysOff = new List<(DateRange Range, string? Name)>();
                    if (person.Calendar != null)
                    {
                        var notWorked = person.Calendar.Workdays.Days.Where(d => !_program.Calendar.Workdays.Contains(d)).ToList();
                        if (notWorked.Count > 0)
                        {
                            Start("WeekDays");
                            foreach (var day in notWorked) WriteWeekDay(day, false);
                            End();
                        }

                        daysOff.AddRange(_program.Calendar.Holidays.Select(h => (h.Range, h.Name)));
                    }

                    daysOff.AddRange(person.Vacations.Select(v => (v.Range, v.Name)));
                    WriteExceptions(daysOff);
                    End();
                }

                End();
            }

            private void WriteWeek(WeekdaySet workdays)
            {
                Start("WeekDays");
                for (int d = 0; d < 7; d++) WriteWeekDay((DayOfWeek)d, workdays.Contains((DayOfWeek)d));
                End();
            }

            private void WriteWeekDay(DayOfWeek day, bool working)
            {
                Start("WeekDay");
                Element("DayType", (int)day + 1);
                Element("DayWorking", working);
                if (working)
                {
                    Start("WorkingTimes");
                    foreach (var (from, to) in MspdiFormat.WorkingTimes(_minutesPerDay))
                    {
                        Start("WorkingTime");
                        Element("FromTime", MspdiFormat.Time(from));
                        Element("ToTime", MspdiFormat.Time(to));
                        End();
                    }

                    End();
                }

                End();
            }

            /// <summary>Non-working exceptions, one per holiday or vacation, in the Project 2007+ form.</summary>
            private void WriteExceptions(IEnumerable<(DateRange Range, string? Name)> daysOff)
            {
                var list = daysOff.ToList();
                if (list.Count == 0) return;
                Start("Exceptions");
                foreach (var (range, name) in list)
                {
                    Start("Exception");
                    Element("EnteredByOccurrences", false);
                    Start("TimePeriod");
                    Element("FromDate", MspdiFormat.DateTime(range.From, 0));
                    Element("ToDate", MspdiFormat.DateTime(range.To, 1439));
                    End();
                    Element("Occurrences", range.To.DayNumber - range.From.DayNumber + 1);
                    if (name != null) Element("Name", name);
                    Element("Type", 1);
                    Element("DayWorking", false);
                    End();
                }

                End();
            }

            // ------------------------------------------------------------------ tasks

            private void WriteTasks()
            {
                Start("Tasks");
                WriteProjectSummary();
                foreach (var row in _rows)
                {
                    if (row.Symbol is WorkstreamSymbol ws) WriteSummary(row, ws);
                    else WriteTask(row, (TaskSymbol)row.Symbol);
                }

                End();
            }

            /// <summary>The project summary task (UID 0) MS Project keeps: it carries the program deadline and note.</summary>
            private void WriteProjectSummary()
            {
                Start("Task");
                Element("UID", 0);
                Element("ID", 0);
                Element("Name", Label(_program));
                Element("Type", 1);
                Element("IsNull", false);
                Element("WBS", "0");
                Element("OutlineNumber", "0");
                Element("OutlineLevel", 0);
                Element("Priority", 500);
                Element("Start", MspdiFormat.DateTime(_schedule.StartDate, _dayStart));
                Element("Finish", FinishDateTime(_schedule.FinishDate));
                Element("Duration", Hours(_schedule.DurationDays));
                Element("DurationFormat", MspdiFormat.DaysFormat);
                Element("Milestone", false);
                Element("Summary", true);
                Element("Critical", _schedule.CriticalPath.Count > 0);
                Element("Cost", _schedule.Cost);
                Element("ConstraintType", 0);
                if (_program.Deadline is CalendarDate deadline) Element("Deadline", FinishDateTime(deadline));
                if (_program.Note != null) Element("Notes", _program.Note);
                WriteIdAttribute(MspdiFormat.TaskIdFieldId, _program.Name);
                End();
            }

            private void WriteSummary(Row row, WorkstreamSymbol ws)
            {
                var span = _spans[ws];
                CalendarDate start = span.StartDate ?? _schedule.StartDate;
                CalendarDate finish = span.FinishDate ?? start;
                int days = span.Start is int s && span.Finish is int f ? f - s : 0;
                Start("Task");
                WriteHeader(row, Label(ws), 1, 500);
                Element("Start", MspdiFormat.DateTime(start, _dayStart));
                Element("Finish", span.FinishDate is null ? MspdiFormat.DateTime(start, _dayStart) : FinishDateTime(finish));
                Element("Duration", Hours(days));
                Element("DurationFormat", MspdiFormat.DaysFormat);
                Element("Milestone", false);
                Element("Summary", true);
                Element("Critical", _critical.Contains(ws));
                Element("Cost", span.Cost);
                Element("ConstraintType", 0);
                if (ws.Due is CalendarDate due) Element("Deadline", FinishDateTime(due));
                if (ws.Note != null) Element("Notes", ws.Note);
                foreach (var d in ws.Dependencies) WriteLink(d);
                WriteIdAttribute(MspdiFormat.TaskIdFieldId, ws.Name);
                End();
            }

            private void WriteTask(Row row, TaskSymbol task)
            {
                var s = _schedule[task];
                bool milestone = task.IsMilestone;
                decimal people = s.Assigned.Sum(a => a.Share * a.Person.Capacity);
                bool effortDriven = !milestone && people > 0 && (task.WorkKind == WorkKind.Effort || task.WorkKind == WorkKind.Estimate);
                Start("Task");
                WriteHeader(row, Label(task), effortDriven ? 0 : 1, task.Priority);
                Element("Start", milestone ? MilestoneDateTime(s.Start) : MspdiFormat.DateTime(s.StartDate, _dayStart));
                Element("Finish", milestone ? MilestoneDateTime(s.Start) : FinishDateTime(s.FinishDate));
                Element("Duration", Hours(s.PlannedDays));
                Element("DurationFormat", MspdiFormat.DaysFormat);
                if (people > 0) Element("Work", Hours(people * s.PlannedDays));
                Element("EffortDriven", effortDriven);
                Element("Milestone", milestone);
                Element("Summary", false);
                Element("Critical", s.IsCritical);
                Element("EarlyStart", milestone ? MilestoneDateTime(s.Start) : MspdiFormat.DateTime(s.StartDate, _dayStart));
                Element("EarlyFinish", milestone ? MilestoneDateTime(s.Start) : FinishDateTime(s.FinishDate));
                Element("LateStart", milestone ? MilestoneDateTime(s.LateStart) : MspdiFormat.DateTime(s.LateStartDate, _dayStart));
                Element("LateFinish", milestone ? MilestoneDateTime(s.LateStart) : FinishDateTime(s.LateFinishDate));
                Element("TotalSlack", (long)s.TotalFloat * _minutesPerDay * 10);
                if (task.Cost is decimal fixedCost) Element("FixedCost", fixedCost);
                int percent = task.Progress is decimal progress ? (int)decimal.Round(progress * 100m, MidpointRounding.AwayFromZero) : task.ActualFinish != null ? 100 : 0;
                Element("PercentComplete", percent);
                Element("Cost", s.Cost);
                if (task.ActualStart is CalendarDate actualStart) Element("ActualStart", MspdiFormat.DateTime(actualStart, _dayStart));
                if (task.ActualFinish is CalendarDate actualFinish) Element("ActualFinish", FinishDateTime(actualFinish));
                if (task.ActualCost is decimal actualCost) Element("ActualCost", actualCost);
                if (task.NotBefore is CalendarDate notBefore)
                {
                    Element("ConstraintType", 4);
                    Element("ConstraintDate", MspdiFormat.DateTime(notBefore, _dayStart));
                }
                else
                {
                    Element("ConstraintType", 0);
                }

                if (task.Due is CalendarDate due) Element("Deadline", FinishDateTime(due));
                if (task.Note != null) Element("Notes", task.Note);
                foreach (var d in task.Dependencies) WriteLink(d);
                WriteIdAttribute(MspdiFormat.TaskIdFieldId, task.Name);
                End();
            }

            private void WriteHeader(Row row, string name, int type, int priority)
            {
                Element("UID", row.Uid);
                Element("ID", row.Uid);
                Element("Name", name);
                Element("Type", type);
                Element("IsNull", false);
                Element("WBS", row.Outline);
                Element("OutlineNumber", row.Outline);
                Element("OutlineLevel", row.Level);
                Element("Priority", priority);
            }

            private void WriteLink(Dependency d)
            {
                if (!_taskUid.TryGetValue(d.Target, out var uid)) return;
                Start("PredecessorLink");
                Element("PredecessorUID", uid);
                Element("Type", MspdiFormat.LinkType(d.Type));
                Element("CrossProject", false);
                Element("LinkLag", (long)d.LagDays * _minutesPerDay * 10);
                Element("LagFormat", MspdiFormat.DaysFormat);
                End();
            }

            private void WriteIdAttribute(string fieldId, string id)
            {
                Start("ExtendedAttribute");
                Element("FieldID", fieldId);
                Element("Value", id);
                End();
            }

            // ------------------------------------------------------------------ resources and assignments

            private void WriteResources()
            {
                Start("Resources");
                foreach (var person in _program.People)
                {
                    Start("Resource");
                    Element("UID", _resourceUid[person]);
                    Element("ID", _resourceUid[person]);
                    Element("Name", Label(person));
                    Element("Type", 1);
                    Element("IsNull", false);
                    if (person.Email != null) Element("EmailAddress", person.Email);
                    Element("MaxUnits", person.Capacity);
                    WriteRate(person.Rate);
                    Element("CalendarUID", _personCalendarUid[person]);
                    if (person.Note != null) Element("Notes", person.Note);
                    WriteIdAttribute(MspdiFormat.ResourceIdFieldId, person.Name);
                    End();
                }

                // A pool is a material resource whose units are held for the whole task; MaxUnits keeps its capacity.
                foreach (var pool in _program.Resources)
                {
                    Start("Resource");
                    Element("UID", _resourceUid[pool]);
                    Element("ID", _resourceUid[pool]);
                    Element("Name", Label(pool));
                    Element("Type", 0);
                    Element("IsNull", false);
                    Element("MaterialLabel", "units");
                    Element("MaxUnits", pool.Capacity);
                    WriteRate(pool.Rate);
                    if (pool.Note != null) Element("Notes", pool.Note);
                    WriteIdAttribute(MspdiFormat.ResourceIdFieldId, pool.Name);
                    End();
                }

                End();
            }

            /// <summary>MSPDI keeps the rate per hour; the format says how MS Project shows it (2 = per hour, 3 = per day).</summary>
            private void WriteRate(Rate? rate)
            {
                if (!(rate is Rate r)) return;
                Element("StandardRate", decimal.Round(r.PerHour(_program.HoursPerDay), 6));
                Element("StandardRateFormat", r.Per == DurationUnit.Hours ? 2 : 3);
            }

            private void WriteAssignments()
            {
                Start("Assignments");
                int uid = 0;
                foreach (var row in _rows)
                {
                    if (!(row.Symbol is TaskSymbol task) || task.IsMilestone) continue;
                    var s = _schedule[task];
                    var start = MspdiFormat.DateTime(s.StartDate, _dayStart);
                    var finish = FinishDateTime(s.FinishDate);
                    foreach (var a in s.Assigned)
                    {
                        decimal units = a.Share * a.Person.Capacity;
                        Start("Assignment");
                        Element("UID", ++uid);
                        Element("TaskUID", row.Uid);
                        Element("ResourceUID", _resourceUid[a.Person]);
                        var rate = a.Person.Rate ?? a.ViaRole?.Rate;
                        if (rate is Rate r) Element("Cost", decimal.Round(s.PlannedDays * a.Share * r.PerDay(_program.HoursPerDay), 2));
                        Element("Finish", finish);
                        Element("Start", start);
                        Element("Units", units);
                        Element("Work", Hours(units * s.PlannedDays));
                        End();
                    }

                    foreach (var use in task.ResourceUses)
                    {
                        Start("Assignment");
                        Element("UID", ++uid);
                        Element("TaskUID", row.Uid);
                        Element("ResourceUID", _resourceUid[use.Resource]);
                        if (use.Resource.Rate is Rate r) Element("Cost", decimal.Round(use.Units * s.PlannedDays * r.PerDay(_program.HoursPerDay), 2));
                        Element("Finish", finish);
                        Element("Start", start);
                        Element("Units", use.Units);
                        End();
                    }
                }

                End();
            }

            // ------------------------------------------------------------------ values

            /// <summary>A name for MS Project: the title, or the unqualified id (an outline row shows where it is).</summary>
            private static string Label(Symbol symbol) => symbol.Title ?? symbol.Name;

            /// <summary>The end of a day's work on <paramref name="date"/>.</summary>
            private string FinishDateTime(CalendarDate date) => MspdiFormat.DateTime(date, _dayEnd);

            /// <summary>
            /// A milestone at start index <paramref name="index"/> falls at the end of the working day before it (when its
            /// predecessor finishes), or at the start of the program when it has none.
            /// </summary>
            private string MilestoneDateTime(int index) =>
                index <= 0 ? MspdiFormat.DateTime(_schedule.StartDate, _dayStart) : FinishDateTime(_schedule.Calendar.DateOf(index - 1));

            /// <summary>Working days as a duration: days × minutes per day.</summary>
            private string Hours(decimal days) => MspdiFormat.Duration(days * _minutesPerDay / 60m);

            // Below the root, elements are written without a namespace argument: they take the default namespace the root
            // declares (the same bytes), and the writer skips a prefix lookup per element.
            private void Start(string name) => _xml.WriteStartElement(name);

            private void End() => _xml.WriteEndElement();

            private void Element(string name, string value) => _xml.WriteElementString(name, MspdiFormat.XmlText(value));

            private void Element(string name, long value) => Element(name, MspdiFormat.Number(value));

            private void Element(string name, decimal value) => Element(name, MspdiFormat.Number(value));

            private void Element(string name, bool value) => Element(name, value ? "1" : "0");
        }
    }
}
