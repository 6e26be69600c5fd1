using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ProgramDsl.Reports.Mspdi;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.MspdiCorpus
{
    /// <summary>One line of <c>expected.tsv</c>: the Start and Finish a file stores for one task, with its flags.</summary>
    public sealed class ExpectedTask
    {
        public ExpectedTask(string file, int uid, string flags, DateTime? start, DateTime? finish, string name)
        {
            File = file;
            Uid = uid;
            Flags = flags;
            Start = start;
            Finish = finish;
            Name = name;
        }

        /// <summary>The file, relative to <c>files/</c> (<c>source/name.xml</c>).</summary>
        public string File { get; }

        public int Uid { get; }

        /// <summary><c>P</c> project summary, <c>S</c> summary, <c>M</c> milestone, <c>N</c> null task, <c>-</c> none.</summary>
        public string Flags { get; }

        public DateTime? Start { get; }

        public DateTime? Finish { get; }

        public string Name { get; }

        public bool IsMilestone => Flags.IndexOf('M') >= 0;

        /// <summary>Counted in the agreement: not the project summary, a summary or a null task, and dated.</summary>
        public bool Counted => Flags.IndexOfAny(new[] { 'P', 'S', 'N' }) < 0 && Start != null && Finish != null;
    }

    /// <summary>How one task of a file compares: the days MS Project stored, the days the imported plan gives, and why they differ.</summary>
    public sealed class TaskAgreement
    {
        internal TaskAgreement(ExpectedTask expected, CalendarDate expectedStart, CalendarDate expectedFinish, CalendarDate? start, CalendarDate? finish, string? cause, string? stored = null)
        {
            Stored = stored;
            Expected = expected;
            ExpectedStart = expectedStart;
            ExpectedFinish = expectedFinish;
            Start = start;
            Finish = finish;
            Cause = cause;
        }

        public ExpectedTask Expected { get; }

        /// <summary>MS Project's start day (a start at the end of a working day is the next working day).</summary>
        public CalendarDate ExpectedStart { get; }

        /// <summary>MS Project's finish day (a finish at the start of a working day is the previous working day).</summary>
        public CalendarDate ExpectedFinish { get; }

        /// <summary>The imported plan's first day, or null when the task was not imported.</summary>
        public CalendarDate? Start { get; }

        /// <summary>The imported plan's last day, or null when the task was not imported.</summary>
        public CalendarDate? Finish { get; }

        public bool StartAgrees => Start == ExpectedStart;

        public bool FinishAgrees => Finish == ExpectedFinish;

        /// <summary>The first feature of the MS Project task that explains a disagreement (see <see cref="MspdiAgreement.Causes"/>), or null when it agrees.</summary>
        public string? Cause { get; }

        /// <summary>
        /// Why the plan's dates for the task come from the dates MS Project stored (a reason of
        /// <see cref="MspdiImport.StoredDateReasons"/>, or <see cref="MspdiAgreement.ActualDates"/> for a task with
        /// actuals), not from links and durations; null when tpm computed them.
        /// </summary>
        public string? Stored { get; }
    }

    /// <summary>How one file compares; <see cref="Refused"/> says why it could not be imported and scheduled.</summary>
    public sealed class FileAgreement
    {
        internal FileAgreement(string file, IReadOnlyList<TaskAgreement> tasks, int counted, string? refused)
        {
            File = file;
            Tasks = tasks;
            Counted = counted;
            Refused = refused;
        }

        /// <summary><c>source/name.xml</c>.</summary>
        public string File { get; }

        /// <summary>The folder under <c>files/</c> the file comes from.</summary>
        public string Source => File.Contains('/') ? File.Substring(0, File.IndexOf('/')) : string.Empty;

        /// <summary>Hand-written (<c>files/synthetic/</c>), with dates derived by hand, not saved by MS Project.</summary>
        public bool Synthetic => Source == MspdiAgreement.SyntheticSource;

        /// <summary>The tasks counted, in file order; empty when refused.</summary>
        public IReadOnlyList<TaskAgreement> Tasks { get; }

        /// <summary>Tasks counted (a refused file counts them all, none agreeing).</summary>
        public int Counted { get; }

        public int StartsAgreeing => Tasks.Count(t => t.StartAgrees);

        public int FinishesAgreeing => Tasks.Count(t => t.FinishAgrees);

        /// <summary>Why the file was refused (reader problem, import problem, no schedule, crash), or null.</summary>
        public string? Refused { get; }

        public double StartPercent => MspdiAgreement.Percent(StartsAgreeing, Counted);

        public double FinishPercent => MspdiAgreement.Percent(FinishesAgreeing, Counted);
    }

    /// <summary>
    /// Measures how well <c>tpm import</c> followed by a default schedule (what <c>tpm schedule</c> does, leveling as the
    /// imported program says) agrees with the dates MS Project stored, over the corpus in <c>tests/Shared/Mspdi</c>.
    /// Shared by the corpus test (tests/ProgramDsl.Reports.Tests) and the benchmark <c>mspdi DIR</c>.
    /// </summary>
    /// <remarks>
    /// A task agrees on its start when the plan's first day is MS Project's start day, and on its finish when the plan's
    /// last day is MS Project's finish day. MS Project stores instants: a finish at or before the project's default start
    /// time (08:00, or 00:00 in a 24-hour plan) is the end of the previous working day, and a start at or after its default
    /// finish time (17:00) is the next working day; a milestone is one instant compared with the plan's milestone date,
    /// so 17:00 on Friday and 08:00 on Monday are the same milestone. Working days are the imported plan's calendar (its
    /// weekdays before the program start). Summary tasks, the project summary task (UID 0) and null tasks are not counted.
    /// </remarks>
    public static class MspdiAgreement
    {
        /// <summary>The folder of hand-written files, reported apart from the real ones.</summary>
        public const string SyntheticSource = "synthetic";

        /// <summary>The <see cref="TaskAgreement.Stored"/> of a task with actual dates or progress: its dates are the file's actuals.</summary>
        public const string ActualDates = "actual dates";

        /// <summary>The causes a disagreement is put down to, first that applies, in this order.</summary>
        public static readonly IReadOnlyList<string> Causes = new[]
        {
            "not imported", "placeholder date", "manually scheduled, before project start", "manually scheduled", "actuals",
            "constraint, before project start", "constraint", "before project start", "leveling delay", "task calendar", "split",
            "elapsed duration or lag", "MinutesPerDay is not the calendar's day", "duration not whole days", "lag not whole days",
            "work contour", "span longer than duration", "leveled by tpm", "after a disagreeing task", "other",
        };

        private static readonly XNamespace Ns = "http://schemas.microsoft.com/project";

        /// <summary>Reads <c>expected.tsv</c>: the expected tasks by file (relative to <c>files/</c>), in file order.</summary>
        public static IReadOnlyDictionary<string, List<ExpectedTask>> ReadExpected(string manifestPath)
        {
            var byFile = new SortedDictionary<string, List<ExpectedTask>>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(manifestPath, Encoding.UTF8))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length != 6) throw new FormatException(manifestPath + ": expected 6 tab-separated fields: " + line);
                var task = new ExpectedTask(f[0], int.Parse(f[1], CultureInfo.InvariantCulture), f[2], Date(f[3]), Date(f[4]), Unescape(f[5]));
                if (!byFile.TryGetValue(task.File, out var list)) byFile[task.File] = list = new List<ExpectedTask>();
                list.Add(task);
            }

            return byFile;
        }

        /// <summary>Measures every file of the corpus in <paramref name="corpusDirectory"/> (<c>expected.tsv</c> and <c>files/</c>), in file order.</summary>
        public static IReadOnlyList<FileAgreement> MeasureCorpus(string corpusDirectory)
        {
            var expected = ReadExpected(Path.Combine(corpusDirectory, "expected.tsv"));
            var results = new List<FileAgreement>();
            foreach (var pair in expected)
            {
                var bytes = File.ReadAllBytes(Path.Combine(corpusDirectory, "files", pair.Key.Replace('/', Path.DirectorySeparatorChar)));
                results.Add(Measure(pair.Key, bytes, pair.Value));
            }

            return results;
        }

        /// <summary>Imports one file as <c>tpm import</c> does, schedules it with <c>tpm schedule</c>'s defaults and compares each expected task.</summary>
        public static FileAgreement Measure(string file, byte[] bytes, IReadOnlyList<ExpectedTask> expected)
        {
            var counted = expected.Where(t => t.Counted).ToList();
            try
            {
                var read = MspdiReader.Read(bytes);
                if (read.Project is null) return Refused(file, counted, "not read: " + string.Join("; ", read.Problems.Take(2).Select(p => p.Format(file))));
                var import = MspdiImporter.Import(read.Project, Path.GetFileName(file));
                if (import.Text is null) return Refused(file, counted, "not imported: " + import.Problem);
                // tpm schedule's defaults: TpmCompileOptions' own (ScheduleOptions.Default: leveling as the program says, seed 0).
                var program = TpmProgram.Parse(import.Text, Path.ChangeExtension(Path.GetFileName(file), ".tpm"), new TpmCompileOptions());
                var mistake = program.Diagnostics.FirstOrDefault(d => d.IsError && ImportMistakes.Contains(d.Code));
                if (mistake != null) return Refused(file, counted, "does not compile: " + mistake);
                if (program.Schedule is null) return Refused(file, counted, "no schedule: " + (program.Diagnostics.FirstOrDefault(d => d.IsError)?.ToString() ?? "(no error)"));
                return Compare(file, bytes, counted, import, program.Schedule);
            }
            catch (Exception ex)
            {
                return Refused(file, counted, "crashed: " + ex.GetType().Name + ": " + ex.Message);
            }
        }

        /// <summary>The codes <c>tpm import</c> treats as its own mistakes (it writes nothing, exit 2): the file counts as refused.</summary>
        private static readonly string[] ImportMistakes = { "TPM0001", "TPM1001", "TPM1002", "TPM1003", "TPM1004", "TPM1005" };

        private static FileAgreement Refused(string file, List<ExpectedTask> counted, string reason) =>
            new FileAgreement(file, Array.Empty<TaskAgreement>(), counted.Count, reason);

        private static FileAgreement Compare(string file, byte[] bytes, List<ExpectedTask> counted, MspdiImport import, Schedule schedule)
        {
            var features = FileFeatures.Read(bytes);
            var scheduled = new Dictionary<string, ScheduledTask>(StringComparer.Ordinal);
            foreach (var t in schedule.Tasks) scheduled[t.Id] = t;
            var calendar = schedule.Calendar;
            var programStart = schedule.StartDate;

            // First the dates, then the causes: a cause may be a predecessor's disagreement.
            var rows = new List<(ExpectedTask Expected, CalendarDate Start, CalendarDate Finish, ScheduledTask? Plan)>();
            foreach (var e in counted)
            {
                ScheduledTask? plan = import.TaskIds.TryGetValue(e.Uid, out var id) && scheduled.TryGetValue(id, out var s) ? s : null;
                CalendarDate start, finish;
                if (e.IsMilestone || plan?.Task.IsMilestone == true)
                {
                    start = finish = MilestoneDay(e.Start!.Value, features, calendar, programStart);
                }
                else
                {
                    start = StartDay(e.Start!.Value, features, calendar);
                    finish = FinishDay(e.Finish!.Value, features, calendar);
                }

                rows.Add((e, start, finish, plan));
            }

            var disagreeing = new HashSet<int>(rows.Where(r => r.Plan is null || r.Plan.StartDate != r.Start || r.Plan.FinishDate != r.Finish).Select(r => r.Expected.Uid));
            var tasks = new List<TaskAgreement>(rows.Count);
            foreach (var (e, start, finish, plan) in rows)
            {
                string? cause = disagreeing.Contains(e.Uid) ? CauseOf(e, plan, features, calendar, disagreeing) : null;
                string? stored = import.StoredDates.TryGetValue(e.Uid, out var reason) ? reason : features.Tasks.TryGetValue(e.Uid, out var tf) && tf.Actuals ? ActualDates : null;
                tasks.Add(new TaskAgreement(e, start, finish, plan?.StartDate, plan?.FinishDate, cause, stored));
            }

            return new FileAgreement(file, tasks, counted.Count, null);
        }

        // ------------------------------------------------------------------ days

        private static CalendarDate StartDay(DateTime start, FileFeatures f, WorkingCalendar calendar)
        {
            var day = CalendarDate.FromDateTime(start.Date);
            return start.TimeOfDay >= f.DefaultFinish && f.DefaultFinish > f.DefaultStart ? NextWorkingDay(day, calendar) : day;
        }

        private static CalendarDate FinishDay(DateTime finish, FileFeatures f, WorkingCalendar calendar)
        {
            var day = CalendarDate.FromDateTime(finish.Date);
            return finish.TimeOfDay <= f.DefaultStart ? PreviousWorkingDay(day, calendar) : day;
        }

        /// <summary>
        /// A milestone is an instant: at the start of a working day it is the end of the previous one (where tpm puts a
        /// milestone after its predecessor), except at or before the program start, where tpm puts it on the start.
        /// </summary>
        private static CalendarDate MilestoneDay(DateTime at, FileFeatures f, WorkingCalendar calendar, CalendarDate programStart)
        {
            var day = CalendarDate.FromDateTime(at.Date);
            if (at.TimeOfDay > f.DefaultStart) return day;
            var previous = PreviousWorkingDay(day, calendar);
            return previous < programStart ? day : previous;
        }

        private static bool IsWorkingDay(CalendarDate day, WorkingCalendar calendar) =>
            day >= calendar.Start ? calendar.IsWorkingDay(day) : calendar.Workdays.Contains(day.DayOfWeek);

        private static CalendarDate PreviousWorkingDay(CalendarDate day, WorkingCalendar calendar)
        {
            // Bounded: a calendar without a working day in a year is no calendar MS Project saves.
            for (int i = 1; i <= 366; i++)
            {
                var d = day.AddDays(-i);
                if (IsWorkingDay(d, calendar)) return d;
            }

            return day.AddDays(-1);
        }

        private static CalendarDate NextWorkingDay(CalendarDate day, WorkingCalendar calendar)
        {
            for (int i = 1; i <= 366; i++)
            {
                var d = day.AddDays(i);
                if (IsWorkingDay(d, calendar)) return d;
            }

            return day.AddDays(1);
        }

        // ------------------------------------------------------------------ causes

        private static string CauseOf(ExpectedTask e, ScheduledTask? plan, FileFeatures f, WorkingCalendar calendar, HashSet<int> disagreeing)
        {
            if (plan is null) return "not imported";
            if (!f.Tasks.TryGetValue(e.Uid, out var t)) return "other";
            if (t.Placeholder) return "placeholder date";
            bool early = f.ProjectStart is DateTime ps && e.Start!.Value.Date < ps.Date;
            if (t.Manual) return early ? "manually scheduled, before project start" : "manually scheduled";
            if (t.Actuals) return "actuals";
            if (t.Constraint) return early ? "constraint, before project start" : "constraint";
            if (early) return "before project start";
            if (t.LevelingDelay) return "leveling delay";
            if (t.TaskCalendar) return "task calendar";
            if (t.Split) return "split";
            if (t.Elapsed) return "elapsed duration or lag";
            if (f.CalendarDayMinutes is int day && day != f.MinutesPerDay) return "MinutesPerDay is not the calendar's day";
            if (t.DurationMinutes % f.MinutesPerDay != 0) return "duration not whole days";
            if (t.FractionalLag(f.MinutesPerDay)) return "lag not whole days";
            if (t.Contour) return "work contour";
            if (!e.IsMilestone && t.DurationMinutes > 0 && WorkingDaysBetween(e, calendar) * (long)f.MinutesPerDay > ((t.DurationMinutes + f.MinutesPerDay - 1) / f.MinutesPerDay) * (long)f.MinutesPerDay) return "span longer than duration";
            if (plan.ResourceDelayDays > 0) return "leveled by tpm";
            if (t.Predecessors.Any(disagreeing.Contains)) return "after a disagreeing task";
            return "other";
        }

        /// <summary>Working days from MS Project's start day to its finish day, both counted.</summary>
        private static int WorkingDaysBetween(ExpectedTask e, WorkingCalendar calendar)
        {
            var from = CalendarDate.FromDateTime(e.Start!.Value.Date);
            var to = CalendarDate.FromDateTime(e.Finish!.Value.Date);
            int days = 0;
            for (var d = from; d <= to && days < 100_000; d = d.AddDays(1)) if (IsWorkingDay(d, calendar)) days++;
            return days;
        }

        /// <summary>What a file says of each task, for the causes (read with LINQ to XML, apart from the importer).</summary>
        private sealed class FileFeatures
        {
            public TimeSpan DefaultStart = TimeSpan.FromHours(8);
            public TimeSpan DefaultFinish = TimeSpan.FromHours(17);
            public int MinutesPerDay = 480;
            public DateTime? ProjectStart;

            /// <summary>Working minutes of the project calendar's first working weekday (its base calendar's when it has none), or null.</summary>
            public int? CalendarDayMinutes;
            public readonly Dictionary<int, TaskFeatures> Tasks = new Dictionary<int, TaskFeatures>();

            public static FileFeatures Read(byte[] bytes)
            {
                var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
                XDocument doc;
                using (var reader = XmlReader.Create(new MemoryStream(bytes, false), settings)) doc = XDocument.Load(reader);
                var root = doc.Root!;
                var f = new FileFeatures();
                if (Time(root.Element(Ns + "DefaultStartTime")?.Value) is TimeSpan ds) f.DefaultStart = ds;
                if (Time(root.Element(Ns + "DefaultFinishTime")?.Value) is TimeSpan df) f.DefaultFinish = df;
                if (int.TryParse(root.Element(Ns + "MinutesPerDay")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var mpd) && mpd > 0) f.MinutesPerDay = mpd;
                f.ProjectStart = Date(root.Element(Ns + "StartDate")?.Value);
                f.CalendarDayMinutes = DayMinutes(root, root.Element(Ns + "CalendarUID")?.Value);
                foreach (var task in root.Element(Ns + "Tasks")?.Elements(Ns + "Task") ?? Enumerable.Empty<XElement>())
                {
                    if (!int.TryParse(task.Element(Ns + "UID")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid)) continue;
                    f.Tasks[uid] = TaskFeatures.Of(task);
                }

                foreach (var a in root.Element(Ns + "Assignments")?.Elements(Ns + "Assignment") ?? Enumerable.Empty<XElement>())
                {
                    if (!int.TryParse(a.Element(Ns + "TaskUID")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var uid) || !f.Tasks.TryGetValue(uid, out var t)) continue;
                    var contour = a.Element(Ns + "WorkContour")?.Value;
                    if (contour != null && contour != "0") t.Contour = true;
                    if (SplitWork(a)) t.Split = true;
                }

                return f;
            }

            private static int? DayMinutes(XElement root, string? calendarUid)
            {
                var calendars = root.Element(Ns + "Calendars")?.Elements(Ns + "Calendar").ToList() ?? new List<XElement>();
                for (int hop = 0; hop < 4 && calendarUid != null; hop++)
                {
                    var calendar = calendars.FirstOrDefault(c => c.Element(Ns + "UID")?.Value == calendarUid);
                    if (calendar is null) return null;
                    foreach (var day in calendar.Element(Ns + "WeekDays")?.Elements(Ns + "WeekDay") ?? Enumerable.Empty<XElement>())
                    {
                        // Weekdays only (DayType 1-7), not the exception periods old versions keep among them (DayType 0).
                        if (day.Element(Ns + "DayType")?.Value is string type && type != "0" && day.Element(Ns + "DayWorking")?.Value == "1")
                        {
                            double minutes = 0;
                            foreach (var wt in day.Element(Ns + "WorkingTimes")?.Elements(Ns + "WorkingTime") ?? Enumerable.Empty<XElement>())
                            {
                                if (Time(wt.Element(Ns + "FromTime")?.Value) is TimeSpan from && Time(wt.Element(Ns + "ToTime")?.Value) is TimeSpan to)
                                    minutes += (to <= from ? to + TimeSpan.FromDays(1) - from : to - from).TotalMinutes;
                            }

                            return minutes > 0 ? (int)minutes : (int?)null;
                        }
                    }

                    calendarUid = calendar.Element(Ns + "BaseCalendarUID")?.Value;
                }

                return null;
            }

            /// <summary>An assignment's timephased work with a working period of no work before one with work: a split.</summary>
            private static bool SplitWork(XElement assignment)
            {
                bool gap = false;
                foreach (var td in assignment.Elements(Ns + "TimephasedData"))
                {
                    if (td.Element(Ns + "Type")?.Value != "1") continue;
                    var value = td.Element(Ns + "Value")?.Value;
                    if (string.IsNullOrEmpty(value)) continue; // not a working period
                    bool zero = Minutes(value) == 0;
                    if (zero) gap = true;
                    else if (gap) return true;
                }

                return false;
            }
        }

        private sealed class TaskFeatures
        {
            public bool Manual, Placeholder, Actuals, Constraint, LevelingDelay, Split, TaskCalendar, Elapsed, Contour;
            public long DurationMinutes;
            public readonly List<int> Predecessors = new List<int>();
            private readonly List<long> _lags = new List<long>();

            public bool FractionalLag(int minutesPerDay) => _lags.Any(l => l % (minutesPerDay * 10L) != 0);

            public static TaskFeatures Of(XElement task)
            {
                string? V(string name) => task.Element(Ns + name)?.Value;
                var t = new TaskFeatures
                {
                    Manual = V("Manual") == "1",
                    Actuals = V("ActualStart") != null || V("ActualFinish") != null || (V("PercentComplete") is string pc && pc != "0"),
                    Constraint = V("ConstraintType") is string ct && ct != "0",
                    LevelingDelay = V("LevelingDelay") is string ld && ld != "0",
                    TaskCalendar = V("CalendarUID") is string cal && cal != "-1",
                    Elapsed = IsElapsed(V("DurationFormat")),
                    DurationMinutes = Minutes(V("Duration")),
                };
                foreach (var name in new[] { "Start", "Finish", "ConstraintDate", "ActualStart", "ActualFinish" })
                {
                    if (Date(V(name)) is DateTime d && IsPlaceholder(d)) t.Placeholder = true;
                }

                foreach (var link in task.Elements(Ns + "PredecessorLink"))
                {
                    if (int.TryParse(link.Element(Ns + "PredecessorUID")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p)) t.Predecessors.Add(p);
                    if (long.TryParse(link.Element(Ns + "LinkLag")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var lag) && lag != 0)
                    {
                        if (IsElapsed(link.Element(Ns + "LagFormat")?.Value)) t.Elapsed = true;
                        else if (link.Element(Ns + "LagFormat")?.Value is string lf && (lf == "19" || lf == "20")) t.Elapsed = true; // percentage lag: not whole days either
                        else t._lags.Add(lag);
                    }
                }

                return t;
            }

            // MSPDI duration formats: 4 em, 6 eh, 8 ed, 10 ew, 12 emo, 20 e%, and the same + 32 when estimated.
            private static bool IsElapsed(string? format) =>
                int.TryParse(format, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) && (f % 32 == 4 || f % 32 == 6 || f % 32 == 8 || f % 32 == 10 || f % 32 == 12 || f % 32 == 20);
        }

        /// <summary>The dates some writers put for "no date".</summary>
        public static bool IsPlaceholder(DateTime d) =>
            d.TimeOfDay == TimeSpan.Zero && ((d.Year == 2000 && d.Month == 1 && d.Day == 1) || (d.Year == 1984 && d.Month == 1 && d.Day == 1));

        // ------------------------------------------------------------------ report

        /// <summary>A share in percent (100 when there is nothing to count).</summary>
        public static double Percent(int part, int whole) => whole == 0 ? 100 : 100.0 * part / whole;

        /// <summary>
        /// Writes the agreement: per file, per source, real and synthetic apart, the refused files, and the disagreements by
        /// cause. Deterministic text (the test and the docs quote it).
        /// </summary>
        public static void WriteReport(TextWriter w, IReadOnlyList<FileAgreement> files, bool perFile = true)
        {
            var inv = CultureInfo.InvariantCulture;
            if (perFile)
            {
                w.WriteLine("file".PadRight(62) + " tasks  starts  finishes");
                foreach (var f in files)
                {
                    w.WriteLine(f.File.PadRight(62) + " " + f.Counted.ToString(inv).PadLeft(5) + "  " + Pct(f.StartPercent).PadLeft(6) + "  " + Pct(f.FinishPercent).PadLeft(8) +
                                (f.Refused != null ? "  REFUSED: " + f.Refused : string.Empty));
                }

                w.WriteLine();
            }

            w.WriteLine("group".PadRight(24) + " files  refused  tasks  starts  finishes");
            void Group(string name, IEnumerable<FileAgreement> group)
            {
                var g = group.ToList();
                if (g.Count == 0) return;
                int counted = g.Sum(f => f.Counted), starts = g.Sum(f => f.StartsAgreeing), finishes = g.Sum(f => f.FinishesAgreeing);
                w.WriteLine(name.PadRight(24) + " " + g.Count.ToString(inv).PadLeft(5) + "  " + g.Count(f => f.Refused != null).ToString(inv).PadLeft(7) + "  " +
                            counted.ToString(inv).PadLeft(5) + "  " + Pct(Percent(starts, counted)).PadLeft(6) + "  " + Pct(Percent(finishes, counted)).PadLeft(8));
            }

            foreach (var source in files.Select(f => f.Source).Distinct().OrderBy(s => s, StringComparer.Ordinal)) Group("source " + source, files.Where(f => f.Source == source));
            Group("real", files.Where(f => !f.Synthetic));
            Group("synthetic", files.Where(f => f.Synthetic));
            Group("all", files);

            var refused = files.Where(f => f.Refused != null).ToList();
            if (refused.Count > 0)
            {
                w.WriteLine();
                w.WriteLine("refused:");
                foreach (var f in refused) w.WriteLine("  " + f.File + ": " + f.Refused);
            }

            w.WriteLine();
            WriteStoredSplit(w, files.Where(f => !f.Synthetic && f.Refused is null).SelectMany(f => f.Tasks).ToList());

            w.WriteLine();
            // The last column: the real files' agreement if the disagreements of this cause and those above it were
            // gone (refused files stay refused), to show which fixes reach the goal.
            var real = files.Where(f => !f.Synthetic).ToList();
            int realCounted = real.Sum(f => f.Counted), startsSoFar = real.Sum(f => f.StartsAgreeing), finishesSoFar = real.Sum(f => f.FinishesAgreeing);
            w.WriteLine("disagreements by cause (first that applies)  real: starts finishes  synthetic: starts finishes  real if fixed: starts finishes");
            foreach (var cause in Causes)
            {
                int Count(bool synthetic, Func<TaskAgreement, bool> differs) => files.Where(f => f.Synthetic == synthetic).SelectMany(f => f.Tasks).Count(t => t.Cause == cause && differs(t));
                int rs = Count(false, t => !t.StartAgrees), rf = Count(false, t => !t.FinishAgrees), ss = Count(true, t => !t.StartAgrees), sf = Count(true, t => !t.FinishAgrees);
                if (rs + rf + ss + sf == 0) continue;
                startsSoFar += rs;
                finishesSoFar += rf;
                w.WriteLine("  " + cause.PadRight(42) + rs.ToString(inv).PadLeft(12) + rf.ToString(inv).PadLeft(9) + ss.ToString(inv).PadLeft(19) + sf.ToString(inv).PadLeft(9) +
                            Pct(Percent(startsSoFar, realCounted)).PadLeft(23) + Pct(Percent(finishesSoFar, realCounted)).PadLeft(9));
            }
        }

        /// <summary>
        /// The real files' tasks by where their dates come from: computed by tpm from links and durations, or taken
        /// from the dates MS Project stored (each reason), with the agreement of each group: an agreement that holds
        /// only for copied dates says little of the scheduling.
        /// </summary>
        private static void WriteStoredSplit(TextWriter w, IReadOnlyList<TaskAgreement> tasks)
        {
            var inv = CultureInfo.InvariantCulture;
            w.WriteLine("real tasks by where their dates come from".PadRight(46) + " tasks  starts  finishes");
            void Row(string name, IEnumerable<TaskAgreement> group)
            {
                var g = group.ToList();
                w.WriteLine("  " + name.PadRight(44) + g.Count.ToString(inv).PadLeft(6) + "  " + Pct(Percent(g.Count(t => t.StartAgrees), g.Count)).PadLeft(6) + "  " +
                            Pct(Percent(g.Count(t => t.FinishAgrees), g.Count)).PadLeft(8));
            }

            Row("computed from links and durations", tasks.Where(t => t.Stored is null));
            Row("from the file's dates (all below)", tasks.Where(t => t.Stored != null));
            foreach (var reason in MspdiImport.StoredDateReasons.Concat(new[] { ActualDates }))
            {
                if (tasks.Any(t => t.Stored == reason)) Row("  " + reason, tasks.Where(t => t.Stored == reason));
            }
        }

        /// <summary>Writes each disagreeing task: file, UID, MS Project's days, the plan's days, the cause, the name.</summary>
        public static void WriteDisagreements(TextWriter w, IEnumerable<FileAgreement> files)
        {
            foreach (var f in files)
            {
                foreach (var t in f.Tasks.Where(t => !t.StartAgrees || !t.FinishAgrees))
                {
                    w.WriteLine(f.File + "\t" + t.Expected.Uid.ToString(CultureInfo.InvariantCulture) + "\tms " + t.ExpectedStart + ".." + t.ExpectedFinish +
                                "\ttpm " + (t.Start?.ToString() ?? "-") + ".." + (t.Finish?.ToString() ?? "-") + "\t" + t.Cause + "\t" + t.Expected.Name);
                }
            }
        }

        /// <summary>
        /// The per-file floor the corpus test requires (<c>agreement-floor.tsv</c>): tasks counted and the starts and
        /// finishes agreeing today, one file a line, so a change that agrees on fewer fails the test.
        /// </summary>
        public static string FloorText(IEnumerable<FileAgreement> files)
        {
            var sb = new StringBuilder();
            sb.Append("# Per file: tasks counted, starts and finishes that agree with MS Project at least, and whether the file may be refused\n");
            sb.Append("# (not imported or not scheduled) today. Written by the benchmark: mspdi tests/Shared/Mspdi --floor FILE.\n");
            sb.Append("# file\tcounted\tstarts\tfinishes\trefused\n");
            foreach (var f in files.OrderBy(f => f.File, StringComparer.Ordinal))
            {
                sb.Append(f.File).Append('\t').Append(f.Counted.ToString(CultureInfo.InvariantCulture)).Append('\t')
                  .Append(f.StartsAgreeing.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(f.FinishesAgreeing.ToString(CultureInfo.InvariantCulture))
                  .Append('\t').Append(f.Refused != null ? "refused" : "-").Append('\n');
            }

            return sb.ToString();
        }

        /// <summary>Reads <see cref="FloorText"/>: (counted, starts, finishes, may be refused) by file.</summary>
        public static IReadOnlyDictionary<string, (int Counted, int Starts, int Finishes, bool MayBeRefused)> ReadFloor(string path)
        {
            var floor = new Dictionary<string, (int, int, int, bool)>(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(path, Encoding.UTF8))
            {
                if (line.Length == 0 || line[0] == '#') continue;
                var f = line.Split('\t');
                if (f.Length != 5) throw new FormatException(path + ": expected 5 tab-separated fields: " + line);
                floor[f[0]] = (int.Parse(f[1], CultureInfo.InvariantCulture), int.Parse(f[2], CultureInfo.InvariantCulture), int.Parse(f[3], CultureInfo.InvariantCulture), f[4] == "refused");
            }

            return floor;
        }

        private static string Pct(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + "%";

        // ------------------------------------------------------------------ parsing

        private static DateTime? Date(string? text)
        {
            if (string.IsNullOrEmpty(text) || text == "-") return null;
            return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateTime?)null;
        }

        private static TimeSpan? Time(string? text) =>
            TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var t) ? t : (TimeSpan?)null;

        /// <summary>An MSPDI duration (<c>PT8H0M0S</c>, <c>P1DT2H</c>) in minutes; 0 when missing or unreadable.</summary>
        private static long Minutes(string? text)
        {
            if (string.IsNullOrEmpty(text)) return 0;
            try
            {
                return (long)Math.Round(XmlConvert.ToTimeSpan(text!).TotalMinutes);
            }
            catch (FormatException)
            {
                return 0;
            }
            catch (OverflowException)
            {
                return 0;
            }
        }

        private static string Unescape(string text)
        {
            if (text.IndexOf('\\') < 0) return text;
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\\' && i + 1 < text.Length)
                {
                    char c = text[++i];
                    sb.Append(c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : c);
                }
                else sb.Append(text[i]);
            }

            return sb.ToString();
        }
    }
}
