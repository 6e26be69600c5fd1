using System;
using System.Collections.Generic;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Mspdi
{
    /// <summary>What <see cref="MspdiReader"/> keeps of an MS Project XML file: the parts a <c>.tpm</c> plan can hold.</summary>
    public sealed class MspdiProject
    {
        /// <summary>Project name (often the file name MS Project saved).</summary>
        public string? Name { get; set; }

        /// <summary>Project title.</summary>
        public string? Title { get; set; }

        /// <summary>Start date.</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>Status date.</summary>
        public DateTime? StatusDate { get; set; }

        /// <summary>ISO currency code.</summary>
        public string? CurrencyCode { get; set; }

        /// <summary>The UID of the project calendar.</summary>
        public int? CalendarUid { get; set; }

        /// <summary>When a working day starts (MS Project's default 08:00): a finish at that time ends the working day before.</summary>
        public TimeSpan DefaultStartTime { get; set; } = TimeSpan.FromHours(8);

        /// <summary>Minutes in a working day (MS Project's default is 480).</summary>
        public int MinutesPerDay { get; set; } = 480;

        /// <summary>The field ids of the custom fields aliased <see cref="MspdiFormat.IdFieldAlias"/>, in file order.</summary>
        public List<string> IdFieldIds { get; } = new List<string>();

        /// <summary>Calendars, in file order.</summary>
        public List<MspdiCalendar> Calendars { get; } = new List<MspdiCalendar>();

        /// <summary>Tasks, in file (ID) order, the project summary task included.</summary>
        public List<MspdiTask> Tasks { get; } = new List<MspdiTask>();

        /// <summary>Resources, in file order.</summary>
        public List<MspdiResource> Resources { get; } = new List<MspdiResource>();

        /// <summary>Assignments, in file order.</summary>
        public List<MspdiAssignment> Assignments { get; } = new List<MspdiAssignment>();

        /// <summary>What the reader skipped or approximated, for the user to check.</summary>
        public List<string> Notes { get; } = new List<string>();

        /// <summary>
        /// What the reader cut to stay within its limits (calendar exceptions past <see cref="MspdiReader.MaxCalendarExceptions"/>
        /// and the like), each at its place in the file: the project is read, but not all of it.
        /// </summary>
        public List<MspdiProblem> Warnings { get; } = new List<MspdiProblem>();
    }

    /// <summary>A calendar: its weekdays (as given, others inherit) and its exceptions, expanded to date ranges.</summary>
    public sealed class MspdiCalendar
    {
        /// <summary>UID.</summary>
        public int Uid { get; set; }

        /// <summary>Name.</summary>
        public string? Name { get; set; }

        /// <summary>True for a base calendar.</summary>
        public bool IsBase { get; set; }

        /// <summary>The base calendar of a resource calendar.</summary>
        public int? BaseUid { get; set; }

        /// <summary>Weekdays the calendar defines, working or not; weekdays not listed come from the base calendar.</summary>
        public Dictionary<DayOfWeek, bool> WeekDays { get; } = new Dictionary<DayOfWeek, bool>();

        /// <summary>The working minutes of the weekdays the calendar defines with working times.</summary>
        public Dictionary<DayOfWeek, int> WorkingMinutes { get; } = new Dictionary<DayOfWeek, int>();

        /// <summary>When a night shift starts (a working time from 17:00 or later to midnight), or null when the calendar has none.</summary>
        public TimeSpan? EveningStart { get; set; }

        /// <summary>Exceptions as date ranges, recurrences expanded.</summary>
        public List<MspdiException> Exceptions { get; } = new List<MspdiException>();
    }

    /// <summary>A calendar exception: days off (or extra working days) with a name.</summary>
    public sealed class MspdiException
    {
        /// <summary>Creates an exception.</summary>
        public MspdiException(DateRange range, string? name, bool working)
        {
            Range = range;
            Name = name;
            Working = working;
        }

        /// <summary>The days.</summary>
        public DateRange Range { get; }

        /// <summary>Its name.</summary>
        public string? Name { get; }

        /// <summary>True when the days are working days (MS Project can add working days; tpm cannot).</summary>
        public bool Working { get; }
    }

    /// <summary>A task row.</summary>
    public sealed class MspdiTask
    {
        /// <summary>UID.</summary>
        public int Uid { get; set; }

        /// <summary>Name.</summary>
        public string? Name { get; set; }

        /// <summary>Outline level (0 for the project summary task).</summary>
        public int OutlineLevel { get; set; } = 1;

        /// <summary>Type: 0 fixed units, 1 fixed duration, 2 fixed work.</summary>
        public int Type { get; set; }

        /// <summary>True for a summary task.</summary>
        public bool Summary { get; set; }

        /// <summary>True for a milestone.</summary>
        public bool Milestone { get; set; }

        /// <summary>An empty row.</summary>
        public bool IsNull { get; set; }

        /// <summary>False for an inactive task (Project 2010+).</summary>
        public bool Active { get; set; } = true;

        /// <summary>Duration in hours (working hours, or elapsed hours when <see cref="ElapsedDuration"/>).</summary>
        public decimal? DurationHours { get; set; }

        /// <summary>True when the duration format is elapsed (ed, eh, ...): 24-hour days, every calendar day.</summary>
        public bool ElapsedDuration { get; set; }

        /// <summary>Priority 0–1000.</summary>
        public int? Priority { get; set; }

        /// <summary>Scheduled start.</summary>
        public DateTime? Start { get; set; }

        /// <summary>Scheduled finish.</summary>
        public DateTime? Finish { get; set; }

        /// <summary>True for a manually scheduled task (Project 2010+): MS Project keeps its dates as entered.</summary>
        public bool Manual { get; set; }

        /// <summary>The start entered for a manually scheduled task.</summary>
        public DateTime? ManualStart { get; set; }

        /// <summary>The finish entered for a manually scheduled task.</summary>
        public DateTime? ManualFinish { get; set; }

        /// <summary>The duration entered for a manually scheduled task, in working hours.</summary>
        public decimal? ManualDurationHours { get; set; }

        /// <summary>The task's work in hours (all its assignments).</summary>
        public decimal? WorkHours { get; set; }

        /// <summary>The task's own calendar (MS Project schedules it on that calendar), or null.</summary>
        public int? CalendarUid { get; set; }

        /// <summary>The delay leveling added, in tenths of a minute (0 when the task was not leveled).</summary>
        public decimal LevelingDelay { get; set; }

        /// <summary>Where the work stops for a split or partly done task.</summary>
        public DateTime? Stop { get; set; }

        /// <summary>Where the work resumes after <see cref="Stop"/>.</summary>
        public DateTime? Resume { get; set; }

        /// <summary>Actual start.</summary>
        public DateTime? ActualStart { get; set; }

        /// <summary>Actual finish.</summary>
        public DateTime? ActualFinish { get; set; }

        /// <summary>Constraint type (0 ASAP … 7 FNLT).</summary>
        public int ConstraintType { get; set; }

        /// <summary>Constraint date.</summary>
        public DateTime? ConstraintDate { get; set; }

        /// <summary>Deadline.</summary>
        public DateTime? Deadline { get; set; }

        /// <summary>Percent complete.</summary>
        public int? PercentComplete { get; set; }

        /// <summary>Fixed cost.</summary>
        public decimal? FixedCost { get; set; }

        /// <summary>Actual cost.</summary>
        public decimal? ActualCost { get; set; }

        /// <summary>Notes.</summary>
        public string? Notes { get; set; }

        /// <summary>Predecessor links.</summary>
        public List<MspdiLink> Links { get; } = new List<MspdiLink>();

        /// <summary>Custom field values by field id.</summary>
        public Dictionary<string, string> ExtendedAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

        /// <summary>The line of the task in the file, for messages.</summary>
        public int Line { get; set; }

        /// <summary>The column of the task in the file, for messages.</summary>
        public int Column { get; set; }
    }

    /// <summary>A predecessor link.</summary>
    public sealed class MspdiLink
    {
        /// <summary>The predecessor's UID.</summary>
        public int PredecessorUid { get; set; }

        /// <summary>FF=0, FS=1, SF=2, SS=3.</summary>
        public int Type { get; set; } = 1;

        /// <summary>Lag in tenths of a minute (a percentage × 10 for the percent formats).</summary>
        public long LinkLag { get; set; }

        /// <summary>How the lag is expressed (7 = working days).</summary>
        public int LagFormat { get; set; } = MspdiFormat.DaysFormat;

        /// <summary>True for a link to another project.</summary>
        public bool CrossProject { get; set; }
    }

    /// <summary>A resource.</summary>
    public sealed class MspdiResource
    {
        /// <summary>UID.</summary>
        public int Uid { get; set; }

        /// <summary>Name.</summary>
        public string? Name { get; set; }

        /// <summary>0 material, 1 work, 2 cost.</summary>
        public int Type { get; set; } = 1;

        /// <summary>Maximum units (1 = 100%).</summary>
        public decimal? MaxUnits { get; set; }

        /// <summary>Standard rate per hour.</summary>
        public decimal? StandardRate { get; set; }

        /// <summary>How the rate is shown: 2 per hour, 3 per day, …</summary>
        public int? StandardRateFormat { get; set; }

        /// <summary>The resource calendar.</summary>
        public int? CalendarUid { get; set; }

        /// <summary>E-mail address.</summary>
        public string? Email { get; set; }

        /// <summary>Notes.</summary>
        public string? Notes { get; set; }

        /// <summary>An empty row.</summary>
        public bool IsNull { get; set; }

        /// <summary>Custom field values by field id.</summary>
        public Dictionary<string, string> ExtendedAttributes { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
    }

    /// <summary>An assignment of a resource to a task.</summary>
    public sealed class MspdiAssignment
    {
        /// <summary>The task's UID.</summary>
        public int TaskUid { get; set; }

        /// <summary>The resource's UID (MS Project writes -65535 for a task without resources).</summary>
        public int ResourceUid { get; set; }

        /// <summary>Units (1 = 100%; for a material resource, the quantity).</summary>
        public decimal? Units { get; set; }

        /// <summary>Work in hours.</summary>
        public decimal? WorkHours { get; set; }

        /// <summary>The work contour: 0 flat, 1 back loaded, 2 front loaded, … 8 contoured (edited by hand).</summary>
        public int WorkContour { get; set; }

        /// <summary>The delay leveling added to this assignment, in tenths of a minute.</summary>
        public decimal LevelingDelay { get; set; }

        /// <summary>When the assignment's work starts.</summary>
        public DateTime? Start { get; set; }

        /// <summary>When the assignment's work finishes.</summary>
        public DateTime? Finish { get; set; }

        /// <summary>True when its timephased work has a gap (a split).</summary>
        public bool Split { get; set; }
    }
}
