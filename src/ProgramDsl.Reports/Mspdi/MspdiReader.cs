using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Mspdi
{
    /// <summary>A problem that makes a file unreadable as MSPDI, with where it is (line and column, 1-based; 0 when unknown).</summary>
    public sealed class MspdiProblem
    {
        /// <summary>Creates a problem.</summary>
        public MspdiProblem(int line, int column, string message)
        {
            Line = line;
            Column = column;
            Message = message;
        }

        /// <summary>Line.</summary>
        public int Line { get; }

        /// <summary>Column.</summary>
        public int Column { get; }

        /// <summary>What is wrong, and how to fix it when there is a way.</summary>
        public string Message { get; }

        /// <summary>The problem in the canonical <c>file(line,col): message</c> form.</summary>
        public string Format(string path) => path + (Line > 0 ? "(" + Line.ToString(CultureInfo.InvariantCulture) + "," + Math.Max(1, Column).ToString(CultureInfo.InvariantCulture) + ")" : string.Empty) + ": " + Message;
    }

    /// <summary>The project read from a file, or the problems that kept it from being read.</summary>
    public sealed class MspdiReadResult
    {
        internal MspdiReadResult(MspdiProject? project, IReadOnlyList<MspdiProblem> problems)
        {
            Project = project;
            Problems = problems;
        }

        /// <summary>The project; null when there are problems.</summary>
        public MspdiProject? Project { get; }

        /// <summary>Problems (none when the file was read).</summary>
        public IReadOnlyList<MspdiProblem> Problems { get; }
    }

    /// <summary>
    /// Reads MS Project XML (MSPDI) as MS Project 2007 and later save it. Everything a <c>.tpm</c> plan cannot hold
    /// (baselines, timephased data, custom fields other than the tpm id, views) is skipped. Bad input never throws: it
    /// comes back as problems with line and column.
    /// </summary>
    public static class MspdiReader
    {
        /// <summary>Namespaces accepted on the root: MS Project's, the 2007 schema's, and none (hand-made files).</summary>
        private static readonly string[] Namespaces = { MspdiFormat.Namespace, MspdiFormat.Namespace + "/2007", string.Empty };

        /// <summary>Duration formats that count elapsed time (every calendar day, 24 hours a day).</summary>
        private static readonly HashSet<int> ElapsedFormats = new HashSet<int> { 4, 6, 8, 10, 12, 20, 36, 38, 40, 42, 44, 52 };

        /// <summary>decimal's largest value as the problems print it.</summary>
        private static readonly string MaxDecimalText = decimal.MaxValue.ToString("#,0", CultureInfo.InvariantCulture);

        /// <summary>The most days one recurring exception expands to; the rest is cut, with a warning.</summary>
        public const int MaxExceptionDays = 5000;

        /// <summary>
        /// The most exception days and ranges one calendar keeps (55 years of every day): past it the calendar is cut,
        /// with a warning. Each becomes a line of the plan, so this bounds the plan a small file can make.
        /// </summary>
        public const int MaxCalendarExceptions = 20_000;

        /// <summary>The most exception days and ranges all calendars of a file keep together; past it, they are cut with a warning.</summary>
        public const int MaxFileExceptions = 100_000;

        /// <summary>
        /// The most steps (days, weeks or months looked at) the expansion of recurring exceptions takes in one file: about
        /// a tenth of a second. Past it the recurrences are cut, with a warning.
        /// </summary>
        public const int MaxExceptionSteps = 4_000_000;

        /// <summary>Reads a document from its text (already decoded: an encoding declaration in it is not used).</summary>
        public static MspdiReadResult Read(string xml)
        {
            if (xml is null) throw new ArgumentNullException(nameof(xml));
            return Read(settings => XmlReader.Create(new StringReader(xml), settings));
        }

        /// <summary>
        /// Reads a document from the bytes of a file. The XML reader decodes them as the file says: a byte order mark
        /// (UTF-8, UTF-16) or the encoding in its declaration (<c>encoding="ISO-8859-1"</c>, MS Project's own UTF-8).
        /// </summary>
        public static MspdiReadResult Read(byte[] data)
        {
            if (data is null) throw new ArgumentNullException(nameof(data));
            return Read(settings => XmlReader.Create(new MemoryStream(data, writable: false), settings));
        }

        private static MspdiReadResult Read(Func<XmlReaderSettings, XmlReader> open)
        {
            XDocument document;
            XmlReader? reader = null;
            try
            {
                // DTDs can expand without bound and MS Project never writes one: the reader refuses them (a "<!DOCTYPE"
                // in a comment or CDATA section is text, not a DTD, and is read as such).
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };
                if (TooDeep(open, settings) is (int deepLine, int deepColumn))
                {
                    return Fail(deepLine, deepColumn, "elements nest more than " + MaxElementDepth + " deep here; MS Project XML nests fewer than ten, so this is no MS Project file");
                }

                reader = open(settings);
                document = XDocument.Load(reader, LoadOptions.SetLineInfo);
            }
            catch (XmlException ex) when (ex.Message.IndexOf("DTD", StringComparison.Ordinal) >= 0)
            {
                var (line, column) = ex.LineNumber > 0 ? (ex.LineNumber, ex.LinePosition) : DoctypePosition(open);
                return Fail(line, column, "the file declares a DTD (<!DOCTYPE ...>), which MS Project XML never does; tpm import does not read DTDs");
            }
            catch (XmlException ex)
            {
                return Fail(ex.LineNumber, ex.LinePosition, "not well-formed XML: " + ex.Message.Split(new[] { " Line " }, StringSplitOptions.None)[0].TrimEnd('.', ' ') + "; an MS Project file saved as XML is expected");
            }
            catch (ArgumentException ex)
            {
                // An encoding the declaration names that .NET does not know (encoding="banana").
                return Fail(1, 1, "the file's encoding cannot be read: " + ex.Message.TrimEnd('.', ' ') + "; save it as UTF-8");
            }
            finally
            {
                reader?.Dispose();
            }

            var root = document.Root!;
            if (root.Name.LocalName != "Project" || Array.IndexOf(Namespaces, root.Name.NamespaceName) < 0)
            {
                var found = root.Name.NamespaceName.Length == 0 ? "<" + root.Name.LocalName + ">" : "<" + root.Name.LocalName + " xmlns=\"" + root.Name.NamespaceName + "\">";
                return Fail(LineOf(root), ColumnOf(root), "not an MS Project XML (MSPDI) file: the root element is " + found + ", not <Project xmlns=\"" + MspdiFormat.Namespace + "\">; in MS Project, save the plan with File > Save As > XML Format");
            }

            var state = new State(root.Name.Namespace);
            var project = state.ReadProject(root);
            return state.Problems.Count > 0 ? new MspdiReadResult(null, state.Problems) : new MspdiReadResult(project, Array.Empty<MspdiProblem>());
        }

        /// <summary>
        /// The deepest element nesting read (the project is depth 0). MS Project's deepest is under ten (a calendar's working
        /// times); loading a tree costs time quadratic in its depth (a million nested elements took minutes), so a deeper
        /// file is refused after a linear pass of the reader, before the tree is built.
        /// </summary>
        public const int MaxElementDepth = 64;

        /// <summary>Where an element first nests deeper than <see cref="MaxElementDepth"/>, or null (also when the XML is not well-formed: the load says so).</summary>
        private static (int Line, int Column)? TooDeep(Func<XmlReaderSettings, XmlReader> open, XmlReaderSettings settings)
        {
            try
            {
                using var reader = open(settings);
                while (reader.Read())
                {
                    if (reader.Depth > MaxElementDepth && reader.NodeType == XmlNodeType.Element)
                    {
                        return reader is IXmlLineInfo info ? (info.LineNumber, info.LinePosition) : (0, 0);
                    }
                }
            }
            catch (XmlException)
            {
            }

            return null;
        }

        /// <summary>
        /// Where the DOCTYPE is (the prohibiting reader's exception carries no position): a second reader that parses
        /// the declaration but resolves nothing and expands no entity stops on it.
        /// </summary>
        private static (int Line, int Column) DoctypePosition(Func<XmlReaderSettings, XmlReader> open)
        {
            try
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Parse, XmlResolver = null, MaxCharactersFromEntities = 1, IgnoreComments = true };
                using var reader = open(settings);
                while (reader.Read())
                {
                    if (reader.NodeType == XmlNodeType.DocumentType && reader is IXmlLineInfo info) return (info.LineNumber, info.LinePosition);
                }
            }
            catch (XmlException ex)
            {
                return (ex.LineNumber, ex.LinePosition);
            }

            return (0, 0);
        }

        private static MspdiReadResult Fail(int line, int column, string message) => new MspdiReadResult(null, new[] { new MspdiProblem(line, column, message) });

        private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;

        private static int ColumnOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LinePosition : 0;

        private sealed class State
        {
            private readonly XNamespace _ns;

            public State(XNamespace ns) => _ns = ns;

            public List<MspdiProblem> Problems { get; } = new List<MspdiProblem>();

            private void Problem(XObject at, string message) => Problems.Add(new MspdiProblem(LineOf(at), ColumnOf(at), message));

            private XElement? Child(XElement parent, string name) => parent.Element(_ns + name);

            private IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements(_ns + name);

            public MspdiProject ReadProject(XElement root)
            {
                // Known first: the project's own dates are read with it.
                _tpmWritten = Child(root, "ExtendedAttributes") is XElement fields && Children(fields, "ExtendedAttribute")
                    .Any(d => string.Equals(Text(d, "Alias"), MspdiFormat.IdFieldAlias, StringComparison.OrdinalIgnoreCase) && Text(d, "FieldID") != null);
                var project = new MspdiProject
                {
                    Name = FreeText(root, "Name"),
                    Title = FreeText(root, "Title"),
                    StartDate = Dated(root, "StartDate"),
                    StatusDate = Dated(root, "StatusDate"),
                    CurrencyCode = Text(root, "CurrencyCode"),
                    CalendarUid = Int(root, "CalendarUID"),
                };
                if (Text(root, "DefaultStartTime") is string startTime && TimeSpan.TryParse(startTime, CultureInfo.InvariantCulture, out var dayStart) &&
                    dayStart >= TimeSpan.Zero && dayStart < TimeSpan.FromDays(1))
                {
                    project.DefaultStartTime = dayStart;
                }

                if (Int(root, "MinutesPerDay") is int minutes)
                {
                    // No day has 0 or more than 1,440 minutes; the day is then the default's (or the calendar's, which the importer prefers).
                    if (minutes <= 0 || minutes > 1440) _warnings.Add(new MspdiProblem(LineOf(Child(root, "MinutesPerDay")!), ColumnOf(Child(root, "MinutesPerDay")!),
                        "<MinutesPerDay> is " + N(minutes) + ", not a working day's minutes (1 to 1,440); it is left out, and the project calendar's day (or 480 minutes) is used"));
                    else project.MinutesPerDay = minutes;
                }

                if (Child(root, "ExtendedAttributes") is XElement definitions)
                {
                    foreach (var definition in Children(definitions, "ExtendedAttribute"))
                    {
                        if (string.Equals(Text(definition, "Alias"), MspdiFormat.IdFieldAlias, StringComparison.OrdinalIgnoreCase) && Text(definition, "FieldID") is string id
                            && !project.IdFieldIds.Contains(id))
                        {
                            project.IdFieldIds.Add(id);
                        }
                    }
                }

                if (Child(root, "Calendars") is XElement calendars)
                {
                    foreach (var c in Children(calendars, "Calendar")) ReadCalendar(c, project);
                }

                if (Child(root, "Tasks") is XElement tasks)
                {
                    foreach (var t in Children(tasks, "Task")) ReadTask(t, project);
                }

                if (Child(root, "Resources") is XElement resources)
                {
                    foreach (var r in Children(resources, "Resource")) ReadResource(r, project);
                }

                if (Child(root, "Assignments") is XElement assignments)
                {
                    foreach (var a in Children(assignments, "Assignment")) ReadAssignment(a, project);
                }

                Check(root, project);
                project.Warnings.AddRange(_warnings);
                return project;
            }

            /// <summary>Cross-references: unique UIDs, links to tasks that exist, a start date.</summary>
            private void Check(XElement root, MspdiProject project)
            {
                if (project.StartDate is null && !project.Tasks.Any(t => t.Start != null) && Child(root, "StartDate") is XElement placeholder &&
                    MspdiFormat.TryParseDateTime(placeholder.Value.Trim(), out var placeholderStart))
                {
                    // A placeholder start (2000-01-01T00:00) with no dated task: the only start there is, rather than no file.
                    project.StartDate = placeholderStart;
                    _warnings.Add(new MspdiProblem(LineOf(placeholder), ColumnOf(placeholder), "the project's <StartDate> " + placeholder.Value.Trim() +
                        " is a date some writers put for no date, and no task has a <Start>; it is taken as the program start"));
                }

                if (project.StartDate is null && !project.Tasks.Any(t => t.Start != null))
                {
                    Problem(root, "the project has no <StartDate> (and no task has a <Start>); a .tpm program needs a start date");
                }

                var uids = new HashSet<int>();
                foreach (var t in project.Tasks)
                {
                    if (!uids.Add(t.Uid)) Problems.Add(new MspdiProblem(t.Line, t.Column, "two tasks have the UID " + t.Uid + "; each task needs its own"));
                }

                foreach (var t in project.Tasks)
                {
                    foreach (var link in t.Links)
                    {
                        if (!link.CrossProject && !uids.Contains(link.PredecessorUid))
                        {
                            var task = t.Name is null ? "task " + t.Uid : "task " + t.Uid + " ('" + t.Name + "')";
                            Problems.Add(new MspdiProblem(t.Line, t.Column, task + " has a predecessor with UID " + link.PredecessorUid + ", which is not a task in the file"));
                        }
                    }
                }

                if (project.CalendarUid is int calendar && project.Calendars.All(c => c.Uid != calendar))
                {
                    // Writers other than MS Project (Aspose.Tasks among them) write <CalendarUID> 1 with an empty <Calendars>; MS Project and
                    // MPXJ then schedule on a standard calendar, so the file is read on the import's fallback rather than refused.
                    var at = Child(root, "CalendarUID")!;
                    var fallback = project.Calendars.FirstOrDefault(c => c.IsBase);
                    Warn(project, at, "the project calendar (CalendarUID " + calendar + ") is not among the calendars in the file; " +
                        (fallback is null ? "Monday to Friday is used" : "the first base calendar" + (fallback.Name is null ? string.Empty : " ('" + fallback.Name + "')") + " is used"));
                }
            }

            // ---------------------------------------------------------------- calendars

            private void ReadCalendar(XElement c, MspdiProject project)
            {
                if (RequiredInt(c, "UID", "calendar") is not int uid) return;
                var calendar = new MspdiCalendar
                {
                    Uid = uid,
                    Name = FreeText(c, "Name"),
                    IsBase = Bool(c, "IsBaseCalendar") ?? false,
                    BaseUid = Int(c, "BaseCalendarUID"),
                };
                if (calendar.BaseUid < 0) calendar.BaseUid = null;
                var state = new CalendarState(calendar);
                if (Child(c, "WeekDays") is XElement weekDays)
                {
                    foreach (var day in Children(weekDays, "WeekDay"))
                    {
                        int type = Int(day, "DayType") ?? -1;
                        bool working = Bool(day, "DayWorking") ?? false;
                        if (type >= 1 && type <= 7)
                        {
                            calendar.WeekDays[(DayOfWeek)(type - 1)] = working;
                            if (working && WorkingMinutes(day) is int minutes) calendar.WorkingMinutes[(DayOfWeek)(type - 1)] = minutes;
                            if (working && EveningStart(day) is TimeSpan from && (calendar.EveningStart is null || from < calendar.EveningStart)) calendar.EveningStart = from;
                        }
                        else if (type == 0 && Child(day, "TimePeriod") is XElement period && Period(period) is DateRange range)
                        {
                            // The Project 2003 form of an exception; later versions write <Exceptions> (read below).
                            AddException(state, new MspdiException(range, null, working), day, project);
                        }
                    }
                }

                if (Child(c, "Exceptions") is XElement exceptions)
                {
                    foreach (var e in Children(exceptions, "Exception")) ReadException(e, state, project);
                }

                if (Child(c, "WorkWeeks") is XElement weeks && weeks.HasElements)
                {
                    project.Notes.Add("calendar '" + calendar.Name + "': its alternate work weeks are not imported (tpm calendars have one week pattern)");
                }

                project.Calendars.Add(calendar);
            }

            /// <summary>The minutes of a weekday's working times (a time to 00:00 runs to midnight), or null when it lists none.</summary>
            private int? WorkingMinutes(XElement day)
            {
                if (!(Child(day, "WorkingTimes") is XElement times)) return null;
                int total = 0;
                bool any = false;
                foreach (var time in Children(times, "WorkingTime"))
                {
                    if (!TimeSpan.TryParse(Text(time, "FromTime") ?? string.Empty, CultureInfo.InvariantCulture, out var from) ||
                        !TimeSpan.TryParse(Text(time, "ToTime") ?? string.Empty, CultureInfo.InvariantCulture, out var to)) continue;
                    if (to <= from) to = to.Add(TimeSpan.FromDays(1));
                    if (from < TimeSpan.Zero || to > TimeSpan.FromDays(1) + from) continue;
                    total += (int)Math.Min(1440, (to - from).TotalMinutes);
                    any = true;
                }

                return any ? Math.Min(1440, total) : (int?)null;
            }

            /// <summary>
            /// When a weekday's night shift starts: a working time from 17:00 or later to midnight, which carries on into the
            /// next day; null when it has none.
            /// </summary>
            private TimeSpan? EveningStart(XElement day)
            {
                if (!(Child(day, "WorkingTimes") is XElement times)) return null;
                TimeSpan? first = null;
                foreach (var time in Children(times, "WorkingTime"))
                {
                    if (TimeSpan.TryParse(Text(time, "FromTime") ?? string.Empty, CultureInfo.InvariantCulture, out var from) && from >= TimeSpan.FromHours(17) && from < TimeSpan.FromDays(1) &&
                        TimeSpan.TryParse(Text(time, "ToTime") ?? string.Empty, CultureInfo.InvariantCulture, out var to) && to == TimeSpan.Zero &&
                        (first is null || from < first)) first = from;
                }

                return first;
            }

            /// <summary>A calendar being read: the exceptions it has (a set, so a repeated one costs no scan) and whether it is full.</summary>
            private sealed class CalendarState
            {
                public CalendarState(MspdiCalendar calendar) => Calendar = calendar;

                public MspdiCalendar Calendar { get; }

                public HashSet<(int From, int To, bool Working)> Seen { get; } = new HashSet<(int, int, bool)>();

                /// <summary>True once the calendar or the file reached its limit: later exceptions are not read.</summary>
                public bool Full { get; set; }
            }

            /// <summary>Exception days and ranges kept so far in the file, against <see cref="MaxFileExceptions"/>.</summary>
            private int _fileExceptions;

            /// <summary>Steps taken expanding recurring exceptions so far in the file, against <see cref="MaxExceptionSteps"/>.</summary>
            private long _steps;

            /// <summary>
            /// Adds an exception unless the calendar has it already. False, with a warning at <paramref name="at"/> the first
            /// time, when the calendar or the file is full: the caller stops expanding.
            /// </summary>
            private bool AddException(CalendarState state, MspdiException exception, XElement at, MspdiProject project)
            {
                if (state.Full) return false;
                var key = (exception.Range.From.DayNumber, exception.Range.To.DayNumber, exception.Working);
                if (state.Seen.Contains(key)) return true;
                bool calendarFull = state.Calendar.Exceptions.Count >= MaxCalendarExceptions;
                if (calendarFull || _fileExceptions >= MaxFileExceptions)
                {
                    state.Full = true;
                    var limit = calendarFull
                        ? "a calendar holds at most " + N(MaxCalendarExceptions) + " exception days and ranges"
                        : "a file holds at most " + N(MaxFileExceptions) + " exception days and ranges over all its calendars";
                    Warn(project, at, "calendar '" + state.Calendar.Name + "' is cut here: " + limit + " in tpm import, so this exception (" + exception.Range +
                        ") and those after it in the file are not imported; remove the exceptions that are not needed (past years, duplicates) and import again");
                    return false;
                }

                state.Seen.Add(key);
                state.Calendar.Exceptions.Add(exception);
                _fileExceptions++;
                return true;
            }

            /// <summary>
            /// One step of a recurrence walk (a day, week or month looked at). False, with one warning for the file, once
            /// the file's walks have taken <see cref="MaxExceptionSteps"/>: a walk is bounded by what it looks at, not by
            /// the days it finds.
            /// </summary>
            private bool Step(XElement at, MspdiProject project, string calendarName)
            {
                if (++_steps <= MaxExceptionSteps) return true;
                if (_steps == MaxExceptionSteps + 1)
                {
                    Warn(project, at, "calendar '" + calendarName + "' is cut here: the recurring exceptions of the file take more than " + N(MaxExceptionSteps) +
                        " steps to expand, so this recurrence and those after it in the file are not imported, or only in part; shorten their date ranges");
                }

                return false;
            }

            private readonly List<MspdiProblem> _warnings = new List<MspdiProblem>();

            // The project parameter keeps the call sites' shape; warnings are collected here and copied to it at the end.
            private void Warn(MspdiProject project, XObject at, string message) => _warnings.Add(new MspdiProblem(LineOf(at), ColumnOf(at), message));

            /// <summary>
            /// A name, title, note or address written into the plan as a string: cut, with an ellipsis and a warning, when
            /// the plan's string would pass <see cref="InputLimits.MaxStringLength"/> (escapes count as written: a quote
            /// or a line break takes two), never inside a surrogate pair.
            /// </summary>
            private string? FreeText(XElement parent, string name)
            {
                var text = Text(parent, name);
                if (text is null) return null;
                int width = 0, cut = -1;
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    int w = c == '"' || c == '\\' || c == '\n' || c == '\t' || c == '\r' ? 2 : 1;
                    if (c == '\n' && i > 0 && text[i - 1] == '\r') w = 0; // \r\n is written as one \n
                    width += w;
                    if (cut < 0 && width > InputLimits.MaxStringLength - 1) cut = i; // room for the ellipsis
                }

                if (width <= InputLimits.MaxStringLength) return text;
                if (cut > 0 && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1])) cut--;
                var element = Child(parent, name)!;
                _warnings.Add(new MspdiProblem(LineOf(element), ColumnOf(element), "<" + name + "> is " + N(text.Length) + " characters long; a .tpm string holds at most " +
                    N(InputLimits.MaxStringLength) + " (a quote, backslash, tab or line break counts two), so it is cut after " + N(cut) + " characters and ends with '…'"));
                return text.Substring(0, cut) + "\u2026";
            }

            private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

            /// <summary>
            /// The month (1–12) a recurring exception starts in: its &lt;Month&gt; (0–11, January 0) for a yearly
            /// exception, else the month of its first day. Null, with a problem, for a month outside 0–11.
            /// </summary>
            private int? MonthOf(XElement e, bool yearly, DateRange range)
            {
                if (!yearly) return range.From.Month;
                if (!(Int(e, "Month") is int month)) return range.From.Month;
                if (month >= 0 && month <= 11) return month + 1;
                Problem(Child(e, "Month")!, "<Month> is " + month.ToString(CultureInfo.InvariantCulture) + ", not a month from 0 (January) to 11 (December)");
                return null;
            }

            /// <summary>A month later, or <see cref="DateTime.MaxValue"/> past 9999-12 (which ends a loop over months).</summary>
            private static DateTime AddMonths(DateTime month, long step)
            {
                long index = (month.Year - 1) * 12L + month.Month - 1 + step;
                return index > 9999L * 12 - 1 ? DateTime.MaxValue : month.AddMonths((int)step);
            }

            /// <summary>A TimePeriod as dates: the end is inclusive, and an end at midnight belongs to the day before.</summary>
            private DateRange? Period(XElement period)
            {
                var from = Date(period, "FromDate");
                var to = Date(period, "ToDate");
                if (from is null || to is null) return null;
                var last = to.Value.TimeOfDay == TimeSpan.Zero && to.Value > from.Value ? to.Value.AddDays(-1) : to.Value;
                if (last.Date < from.Value.Date) return null;
                return new DateRange(CalendarDate.FromDateTime(from.Value), CalendarDate.FromDateTime(last));
            }

            private void ReadException(XElement e, CalendarState state, MspdiProject project)
            {
                var calendar = state.Calendar;
                if (Child(e, "TimePeriod") is XElement reversed && MspdiFormat.TryParseDateTime(Text(reversed, "FromDate") ?? string.Empty, out var start) &&
                    MspdiFormat.TryParseDateTime(Text(reversed, "ToDate") ?? string.Empty, out var end) && Period(reversed) is null)
                {
                    // No day at all: no writer means it, and it is no reason to refuse the whole file.
                    Warn(project, reversed, "a calendar exception of '" + calendar.Name + "' ends (" + end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ") before it starts (" +
                        start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "); it is left out");
                    return;
                }

                if (!(Child(e, "TimePeriod") is XElement timePeriod) || !(Period(timePeriod) is DateRange range))
                {
                    Problem(e, "a calendar exception of '" + calendar.Name + "' has no <TimePeriod> with <FromDate> and <ToDate>");
                    return;
                }

                if (state.Full) return;
                var name = FreeText(e, "Name");
                bool working = Bool(e, "DayWorking") ?? false;
                int type = Int(e, "Type") ?? 1;
                int period = Math.Max(1, Int(e, "Period") ?? 1);
                var days = new List<CalendarDate>();
                bool ranged = false;
                string calendarName = calendar.Name ?? "calendar " + calendar.Uid;

                // Every walk below counts the days, weeks or months it looks at (Step), not only the days it keeps, and
                // each look keeps a day but at the ends of the range (weekly: a week with a day in DaysOfWeek; monthly:
                // a month that has the day), so no walk runs over millennia finding nothing.
                switch (type)
                {
                    case 1 when period == 1:
                        ranged = true;
                        break;
                    case 1:
                        // long: a Period of int.MaxValue steps past the last date instead of wrapping around.
                        for (long d = range.From.DayNumber; d <= range.To.DayNumber && days.Count <= MaxExceptionDays && Step(e, project, calendarName); d += period) days.Add(new CalendarDate((int)d));
                        break;
                    case 6:
                        int mask = (Int(e, "DaysOfWeek") ?? 0) & 0x7F;
                        if (mask == 0)
                        {
                            Warn(project, e, "calendar '" + calendarName + "': a weekly exception with <DaysOfWeek> " + (Int(e, "DaysOfWeek") ?? 0).ToString(CultureInfo.InvariantCulture) +
                                " falls on no weekday (1 is Sunday, 2 Monday, 4 Tuesday, … 64 Saturday, added up); it is not imported");
                            return;
                        }

                        // Week by week (Sunday to Saturday, the first the one holding FromDate), every Period-th week.
                        long firstSunday = range.From.DayNumber - (int)range.From.DayOfWeek;
                        for (long week = firstSunday; week <= range.To.DayNumber && days.Count <= MaxExceptionDays && Step(e, project, calendarName); week += 7L * period)
                        {
                            for (int dow = 0; dow < 7; dow++)
                            {
                                long d = week + dow;
                                if ((mask & (1 << dow)) != 0 && d >= range.From.DayNumber && d <= range.To.DayNumber) days.Add(new CalendarDate((int)d));
                            }
                        }

                        break;
                    case 2:
                    case 4:
                        int monthDay = Int(e, "MonthDay") ?? range.From.Day;
                        if (!(MonthOf(e, type == 2, range) is int month)) return;
                        if (monthDay < 1 || monthDay > 31 || (type == 2 && monthDay > MaxDaysIn(month)))
                        {
                            Warn(project, e, "calendar '" + calendarName + "': a " + (type == 2 ? "yearly" : "monthly") + " exception on day " + monthDay.ToString(CultureInfo.InvariantCulture) +
                                (type == 2 ? " of month " + month.ToString(CultureInfo.InvariantCulture) : " of the month") + " falls on no date; it is not imported");
                            return;
                        }

                        long step = type == 2 ? 12L * period : period;
                        for (var m = new DateTime(range.From.Year, month, 1); m <= range.To.ToDateTime() && days.Count <= MaxExceptionDays && Step(e, project, calendarName); m = AddMonths(m, step))
                        {
                            if (monthDay <= DateTime.DaysInMonth(m.Year, m.Month))
                            {
                                var d = CalendarDate.FromYmd(m.Year, m.Month, monthDay);
                                if (range.Contains(d)) days.Add(d);
                            }
                        }

                        break;
                    case 3:
                    case 5:
                        int item = Int(e, "MonthItem") ?? -1;
                        int position = Int(e, "MonthPosition") ?? 0;
                        if (item < 3 || item > 9)
                        {
                            project.Notes.Add("calendar '" + calendar.Name + "': the recurring exception '" + name + "' (by weekday or weekend day) is not imported; add it as holidays by hand");
                            return;
                        }

                        var weekday = (DayOfWeek)(item - 3);
                        if (!(MonthOf(e, type == 3, range) is int monthOfYear)) return;
                        long stride = type == 3 ? 12L * period : period;
                        for (var m = new DateTime(range.From.Year, monthOfYear, 1); m <= range.To.ToDateTime() && days.Count <= MaxExceptionDays && Step(e, project, calendarName); m = AddMonths(m, stride))
                        {
                            var d = NthWeekday(m.Year, m.Month, weekday, position);
                            if (range.Contains(d)) days.Add(d);
                        }

                        break;
                    default:
                        ranged = true;
                        break;
                }

                if (ranged)
                {
                    AddException(state, new MspdiException(range, name, working), e, project);
                    return;
                }

                if (days.Count > MaxExceptionDays)
                {
                    Warn(project, e, "calendar '" + calendarName + "': the recurring exception '" + name + "' has more than " + N(MaxExceptionDays) + " occurrences; only the first " +
                        N(MaxExceptionDays) + " (to " + days[MaxExceptionDays - 1] + ") are imported");
                    days.RemoveRange(MaxExceptionDays, days.Count - MaxExceptionDays);
                }

                foreach (var d in days)
                {
                    if (!AddException(state, new MspdiException(new DateRange(d, d), name, working), e, project)) return;
                }
            }

            /// <summary>The most days a month has in any year (February 29).</summary>
            private static int MaxDaysIn(int month) => DateTime.DaysInMonth(2000, month);

            /// <summary>The n-th (0-based; 4 = last) given weekday of a month.</summary>
            private static CalendarDate NthWeekday(int year, int month, DayOfWeek weekday, int position)
            {
                if (position >= 4)
                {
                    var last = new DateTime(year, month, DateTime.DaysInMonth(year, month));
                    while (last.DayOfWeek != weekday) last = last.AddDays(-1);
                    return CalendarDate.FromDateTime(last);
                }

                var day = new DateTime(year, month, 1);
                while (day.DayOfWeek != weekday) day = day.AddDays(1);
                day = day.AddDays(7 * Math.Max(0, position));
                if (day.Month != month) day = day.AddDays(-7);
                return CalendarDate.FromDateTime(day);
            }

            // ---------------------------------------------------------------- tasks

            private void ReadTask(XElement t, MspdiProject project)
            {
                if (RequiredInt(t, "UID", "task") is not int uid) return;
                var task = new MspdiTask
                {
                    Uid = uid,
                    Line = LineOf(t),
                    Column = ColumnOf(t),
                    Name = FreeText(t, "Name"),
                    Type = Int(t, "Type") ?? 0,
                    IsNull = Bool(t, "IsNull") ?? false,
                    Active = Bool(t, "Active") ?? true,
                    OutlineLevel = Int(t, "OutlineLevel") ?? 1,
                    Priority = Int(t, "Priority"),
                    Start = Dated(t, "Start"),
                    DurationHours = Hours(t, "Duration"),
                    Milestone = Bool(t, "Milestone") ?? false,
                    Summary = Bool(t, "Summary") ?? false,
                    PercentComplete = Int(t, "PercentComplete"),
                    FixedCost = Decimal(t, "FixedCost"),
                    ActualStart = Dated(t, "ActualStart"),
                    ActualFinish = Dated(t, "ActualFinish"),
                    ActualCost = Decimal(t, "ActualCost"),
                    ConstraintType = Int(t, "ConstraintType") ?? 0,
                    ConstraintDate = Dated(t, "ConstraintDate"),
                    Deadline = Dated(t, "Deadline"),
                    Notes = FreeText(t, "Notes"),
                    Finish = Dated(t, "Finish"),
                    Manual = Bool(t, "Manual") ?? false,
                    ManualStart = Dated(t, "ManualStart"),
                    ManualFinish = Dated(t, "ManualFinish"),
                    ManualDurationHours = Hours(t, "ManualDuration"),
                    WorkHours = Hours(t, "Work"),
                    CalendarUid = Int(t, "CalendarUID") is int calendarUid && calendarUid >= 0 ? calendarUid : (int?)null,
                    LevelingDelay = Decimal(t, "LevelingDelay") ?? 0m,
                    Stop = Dated(t, "Stop"),
                    Resume = Dated(t, "Resume"),
                };
                task.ElapsedDuration = Int(t, "DurationFormat") is int format && ElapsedFormats.Contains(format);
                if (task.OutlineLevel < 0) task.OutlineLevel = 1;
                foreach (var l in Children(t, "PredecessorLink"))
                {
                    if (RequiredInt(l, "PredecessorUID", "predecessor link") is not int predecessor) continue;
                    var link = new MspdiLink
                    {
                        PredecessorUid = predecessor,
                        Type = Int(l, "Type") ?? 1,
                        LinkLag = Long(l, "LinkLag") ?? 0,
                        LagFormat = Int(l, "LagFormat") ?? MspdiFormat.DaysFormat,
                        CrossProject = Bool(l, "CrossProject") ?? false,
                    };
                    if (MspdiFormat.DependencyTypeOf(link.Type) is null)
                    {
                        Problem(l, "predecessor link type " + link.Type + " is not one of 0 (FF), 1 (FS), 2 (SF), 3 (SS)");
                        continue;
                    }

                    task.Links.Add(link);
                }

                ReadExtendedAttributes(t, task.ExtendedAttributes);
                project.Tasks.Add(task);
            }

            private void ReadExtendedAttributes(XElement owner, Dictionary<string, string> into)
            {
                foreach (var a in Children(owner, "ExtendedAttribute"))
                {
                    if (Text(a, "FieldID") is string field && Text(a, "Value") is string value) into[field] = value;
                }
            }

            // ---------------------------------------------------------------- resources and assignments

            private void ReadResource(XElement r, MspdiProject project)
            {
                if (RequiredInt(r, "UID", "resource") is not int uid) return;
                var resource = new MspdiResource
                {
                    Uid = uid,
                    Name = FreeText(r, "Name"),
                    Type = Int(r, "Type") ?? 1,
                    IsNull = Bool(r, "IsNull") ?? false,
                    MaxUnits = Units(r, "MaxUnits"),
                    StandardRate = Decimal(r, "StandardRate"),
                    StandardRateFormat = Int(r, "StandardRateFormat"),
                    CalendarUid = Int(r, "CalendarUID"),
                    Email = FreeText(r, "EmailAddress"),
                    Notes = FreeText(r, "Notes"),
                };
                if (Bool(r, "IsCostResource") == true) resource.Type = 2;
                ReadExtendedAttributes(r, resource.ExtendedAttributes);
                project.Resources.Add(resource);
            }

            private void ReadAssignment(XElement a, MspdiProject project)
            {
                if (RequiredInt(a, "TaskUID", "assignment") is not int task || RequiredInt(a, "ResourceUID", "assignment") is not int resource) return;
                project.Assignments.Add(new MspdiAssignment
                {
                    TaskUid = task,
                    ResourceUid = resource,
                    Units = Units(a, "Units"),
                    WorkHours = Hours(a, "Work"),
                    WorkContour = Int(a, "WorkContour") ?? 0,
                    LevelingDelay = Decimal(a, "LevelingDelay") ?? 0m,
                    Start = Dated(a, "Start"),
                    Finish = Dated(a, "Finish"),
                    Split = HasSplit(a),
                });
            }

            // ---------------------------------------------------------------- values

            /// <summary>More hours than any calendar has (3.7 million days of 24 hours), with room: a longer duration is a mistake.</summary>
            private const decimal MaxHours = 1_000_000_000_000m;

            /// <summary>More units (1 = 100%) than any resource works: MS Project itself stops at 60,000%.</summary>
            private const decimal MaxUnits = 1_000_000m;

            /// <summary>A duration or work in hours, from 0 to <see cref="MaxHours"/>: the importer multiplies it by units and rates.</summary>
            private decimal? Hours(XElement parent, string name)
            {
                if (!(Duration(parent, name) is decimal hours)) return null;
                if (hours >= 0 && hours <= MaxHours) return hours;
                return Bad<decimal>(parent, name, hours < 0
                    ? "a duration of 0 or more (MS Project writes no negative duration)"
                    : "a duration any calendar holds (at most " + MaxHours.ToString("#,0", CultureInfo.InvariantCulture) + " hours)");
            }

            /// <summary>Units of a resource (1 = 100%), from 0 to <see cref="MaxUnits"/>.</summary>
            private decimal? Units(XElement parent, string name)
            {
                if (!(Decimal(parent, name) is decimal units)) return null;
                if (units >= 0 && units <= MaxUnits) return units;
                return Bad<decimal>(parent, name, "units from 0 to " + MaxUnits.ToString("#,0", CultureInfo.InvariantCulture) + " (1 is 100%)");
            }

            private string? Text(XElement parent, string name)
            {
                var value = Child(parent, name)?.Value;
                return string.IsNullOrWhiteSpace(value) ? null : value;
            }

            private int? RequiredInt(XElement parent, string name, string what)
            {
                if (Child(parent, name) is null)
                {
                    Problem(parent, "a " + what + " has no <" + name + ">");
                    return null;
                }

                return Int(parent, name);
            }

            private int? Int(XElement parent, string name) => Long(parent, name) is long value
                ? value >= int.MinValue && value <= int.MaxValue ? (int)value : Bad<int>(parent, name, "a whole number from -2147483648 to 2147483647")
                : null;

            private long? Long(XElement parent, string name)
            {
                var text = Text(parent, name);
                if (text is null) return null;
                if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;

                // Some writers put 1.0 where an integer is due.
                if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && Math.Abs(d) < long.MaxValue) return (long)d;
                return Bad<long>(parent, name, "a whole number");
            }

            private decimal? Decimal(XElement parent, string name)
            {
                var text = Text(parent, name);
                if (text is null) return null;
                if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
                return double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsNaN(d)
                    ? Bad<decimal>(parent, name, "a number tpm can compute with (at most " + MaxDecimalText + " either way)")
                    : Bad<decimal>(parent, name, "a number");
            }

            private bool? Bool(XElement parent, string name)
            {
                var text = Text(parent, name)?.Trim();
                if (text is null) return null;
                switch (text)
                {
                    case "1":
                    case "true":
                        return true;
                    case "0":
                    case "false":
                        return false;
                    default:
                        return Bad<bool>(parent, name, "0 or 1");
                }
            }

            private DateTime? Date(XElement parent, string name)
            {
                var text = Text(parent, name);
                if (text is null || text == "NA") return null;
                if (MspdiFormat.TryParseDateTime(text, out var value)) return value;
                return Bad<DateTime>(parent, name, "a date and time such as 2027-01-04T08:00:00");
            }

            /// <summary>
            /// A date of the project, a task or an assignment, or null when it is empty or one of the placeholders writers
            /// put for "no date": NA, MS Project's first date 1984-01-01T00:00 and 2000-01-01T00:00 (no plan starts or
            /// ends a working day at midnight on those days). A file tpm wrote has no placeholders, and calendar periods
            /// are read with <see cref="Date"/>: a holiday on 2000-01-01 is a real one.
            /// </summary>
            private DateTime? Dated(XElement parent, string name)
            {
                if (!(Date(parent, name) is DateTime value)) return null;
                if (!_tpmWritten && (value == new DateTime(1984, 1, 1) || value == new DateTime(2000, 1, 1))) return null;
                return value;
            }

            /// <summary>True once the header shows the file was written by tpm (its "tpm id" custom field).</summary>
            private bool _tpmWritten;

            /// <summary>
            /// True when an assignment's work is split (a stretch of working time with no work between its start and
            /// finish): its timephased work (type 1, planned) has a period of zero hours between periods with work.
            /// </summary>
            private bool HasSplit(XElement assignment)
            {
                bool worked = false, gap = false;
                foreach (var period in Children(assignment, "TimephasedData"))
                {
                    if (Text(period, "Type") != "1") continue;
                    // Non-working time (a weekend) has no value; a pause in the work is written as zero hours.
                    var value = Text(period, "Value");
                    if (value is null) continue;
                    bool zero = MspdiFormat.TryParseDuration(value, out var hours, out _) && hours == 0m;
                    if (!zero && gap && worked) return true;
                    if (zero && worked) gap = true;
                    if (!zero) worked = true;
                }

                return false;
            }

            private decimal? Duration(XElement parent, string name)
            {
                var text = Text(parent, name);
                if (text is null) return null;
                if (MspdiFormat.TryParseDuration(text, out var hours, out bool tooLarge)) return hours;
                return Bad<decimal>(parent, name, tooLarge ? "a duration tpm can compute with (at most " + MaxDecimalText + " hours)" : "a duration such as PT8H0M0S");
            }

            private T? Bad<T>(XElement parent, string name, string expected) where T : struct
            {
                var element = Child(parent, name)!;
                Problem(element, "<" + name + "> is '" + element.Value.Trim() + "', not " + expected);
                return null;
            }
        }
    }
}
