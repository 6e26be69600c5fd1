using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using ProgramDsl.Reports.Mspdi;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>Helpers for the MSPDI tests: compile, export, import, and the MSPDI element order MS Project's schema fixes.</summary>
    internal static class MspdiKit
    {
        public static readonly XNamespace Ns = MspdiFormat.Namespace;

        /// <summary>Compiles a plan and fails the test when it has errors.</summary>
        public static TpmProgram Compile(string text, string path = "plan.tpm")
        {
            var program = TpmProgram.Parse(text, path);
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty("the plan must compile:\n" + text);
            program.Schedule.Should().NotBeNull();
            return program;
        }

        public static string Export(TpmProgram program) => MspdiWriter.Write(program.Model!, program.Schedule!);

        public static XElement Root(string xml) => XDocument.Parse(xml).Root!;

        /// <summary>Reads and imports an MSPDI text; fails the test on read problems.</summary>
        public static MspdiImport Import(string xml, string? fileName = null)
        {
            var read = MspdiReader.Read(xml);
            read.Problems.Should().BeEmpty();
            var import = MspdiImporter.Import(read.Project!, fileName);
            import.Problem.Should().BeNull();
            return import;
        }

        public static string DataFile(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mspdi", "Data", name));

        /// <summary>The task of a given UID.</summary>
        public static XElement Task(XElement root, int uid) =>
            root.Element(Ns + "Tasks")!.Elements(Ns + "Task").Single(t => (int)t.Element(Ns + "UID")! == uid);

        public static string Value(XElement element, string name) => element.Element(Ns + name)?.Value ?? throw new InvalidOperationException("no <" + name + "> in " + element.Name.LocalName);

        /// <summary>One row per task: what the round trip must keep.</summary>
        public static List<string> ScheduleRows(TpmProgram program) =>
            program.Schedule!.Tasks.Select(t => t.Id + " " + t.StartDate + ".." + t.FinishDate + " d=" + t.DurationDays + " float=" + t.TotalFloat + (t.IsCritical ? " critical" : string.Empty)).ToList();

        // The element order of the MSPDI schema (mspdi_pj12.xsd and its later versions), for the elements tpm writes
        // and a few neighbours: MS Project reads the elements of a sequence only in this order.
        public static readonly string[] ProjectOrder =
        {
            "SaveVersion", "UID", "Name", "Title", "Subject", "Category", "Company", "Manager", "Author", "CreationDate", "Revision", "LastSaved",
            "ScheduleFromStart", "StartDate", "FinishDate", "FYStartDate", "CriticalSlackLimit", "CurrencyDigits", "CurrencySymbol", "CurrencyCode",
            "CurrencySymbolPosition", "CalendarUID", "DefaultStartTime", "DefaultFinishTime", "MinutesPerDay", "MinutesPerWeek", "DaysPerMonth",
            "DefaultTaskType", "DefaultFixedCostAccrual", "DefaultStandardRate", "DefaultOvertimeRate", "DurationFormat", "WorkFormat",
            "EditableActualCosts", "HonorConstraints", "EarnedValueMethod", "InsertedProjectsLikeSummary", "MultipleCriticalPaths",
            "NewTasksEffortDriven", "NewTasksEstimated", "SplitsInProgressTasks", "SpreadActualCost", "SpreadPercentComplete", "TaskUpdatesResource",
            "FiscalYearStart", "WeekStartDay", "MoveCompletedEndsBack", "MoveRemainingStartsBack", "MoveRemainingStartsForward",
            "MoveCompletedEndsForward", "BaselineForEarnedValue", "AutoAddNewResourcesAndTasks", "StatusDate", "CurrentDate",
            "MicrosoftProjectServerURL", "Autolink", "NewTaskStartDate", "DefaultTaskEVMethod", "ProjectExternallyEdited", "ExtendedCreationDate",
            "ActualsInSync", "RemoveFileProperties", "AdminProject", "OutlineCodes", "WBSMasks", "ExtendedAttributes", "Calendars", "Tasks",
            "Resources", "Assignments",
        };

        public static readonly string[] TaskOrder =
        {
            "UID", "ID", "Name", "Type", "IsNull", "CreateDate", "Contact", "WBS", "WBSLevel", "OutlineNumber", "OutlineLevel", "Priority", "Start",
            "Finish", "Duration", "DurationFormat", "Work", "Stop", "Resume", "ResumeValid", "EffortDriven", "Recurring", "OverAllocated", "Estimated",
            "Milestone", "Summary", "Critical", "IsSubproject", "IsSubprojectReadOnly", "SubprojectName", "ExternalTask", "ExternalTaskProject",
            "EarlyStart", "EarlyFinish", "LateStart", "LateFinish", "StartVariance", "FinishVariance", "WorkVariance", "FreeSlack", "TotalSlack",
            "FixedCost", "FixedCostAccrual", "PercentComplete", "PercentWorkComplete", "Cost", "OvertimeCost", "OvertimeWork", "ActualStart",
            "ActualFinish", "ActualDuration", "ActualCost", "ActualOvertimeCost", "ActualWork", "ActualOvertimeWork", "RegularWork",
            "RemainingDuration", "RemainingCost", "RemainingWork", "RemainingOvertimeCost", "RemainingOvertimeWork", "ACWP", "CV", "ConstraintType",
            "CalendarUID", "ConstraintDate", "Deadline", "LevelAssignments", "LevelingCanSplit", "LevelingDelay", "LevelingDelayFormat",
            "PreLeveledStart", "PreLeveledFinish", "Hyperlink", "HyperlinkAddress", "HyperlinkSubAddress", "IgnoreResourceCalendar", "Notes",
            "HideBar", "Rollup", "BCWS", "BCWP", "PhysicalPercentComplete", "EarnedValueMethod", "PredecessorLink", "ActualWorkProtected",
            "ActualOvertimeWorkProtected", "ExtendedAttribute", "Baseline", "OutlineCode",
        };

        public static readonly string[] ResourceOrder =
        {
            "UID", "ID", "Name", "Type", "IsNull", "Initials", "Phonetics", "NTAccount", "MaterialLabel", "Code", "Group", "WorkGroup", "EmailAddress",
            "Hyperlink", "HyperlinkAddress", "HyperlinkSubAddress", "MaxUnits", "PeakUnits", "OverAllocated", "AvailableFrom", "AvailableTo", "Start",
            "Finish", "CanLevel", "AccrueAt", "Work", "RegularWork", "OvertimeWork", "ActualWork", "RemainingWork", "ActualOvertimeWork",
            "RemainingOvertimeWork", "PercentWorkComplete", "StandardRate", "StandardRateFormat", "Cost", "OvertimeRate", "OvertimeRateFormat",
            "OvertimeCost", "CostPerUse", "ActualCost", "ActualOvertimeCost", "RemainingCost", "RemainingOvertimeCost", "WorkVariance",
            "CostVariance", "SV", "CV", "ACWP", "CalendarUID", "Notes", "BCWS", "BCWP", "IsGeneric", "IsInactive", "IsEnterprise", "BookingType",
            "ActualWorkProtected", "ActualOvertimeWorkProtected", "ActiveDirectoryGUID", "CreationDate", "ExtendedAttribute", "Baseline",
        };

        public static readonly string[] AssignmentOrder =
        {
            "UID", "TaskUID", "ResourceUID", "PercentWorkComplete", "ActualCost", "ActualFinish", "ActualOvertimeCost", "ActualOvertimeWork",
            "ActualStart", "ActualWork", "ACWP", "Confirmed", "Cost", "CostRateTable", "CostVariance", "CV", "Delay", "Finish", "FinishVariance",
            "Hyperlink", "HyperlinkAddress", "HyperlinkSubAddress", "WorkVariance", "HasFixedRateUnits", "FixedMaterial", "LevelingDelay",
            "LevelingDelayFormat", "LinkedFields", "Milestone", "Notes", "Overallocated", "OvertimeCost", "OvertimeWork", "PeakUnits", "RegularWork",
            "RemainingCost", "RemainingOvertimeCost", "RemainingOvertimeWork", "RemainingWork", "ResponsePending", "Start", "Stop", "Resume",
            "StartVariance", "Summary", "SV", "Units", "UpdateNeeded", "VAC", "Work",
        };

        public static readonly string[] CalendarOrder = { "UID", "Name", "IsBaseCalendar", "IsBaselineCalendar", "BaseCalendarUID", "WeekDays", "Exceptions", "WorkWeeks" };

        public static readonly string[] WeekDayOrder = { "DayType", "DayWorking", "TimePeriod", "WorkingTimes" };

        public static readonly string[] ExceptionOrder =
        {
            "EnteredByOccurrences", "TimePeriod", "Occurrences", "Name", "Type", "Period", "DaysOfWeek", "MonthItem", "MonthPosition", "Month",
            "MonthDay", "DayWorking", "WorkingTimes",
        };

        public static readonly string[] LinkOrder = { "PredecessorUID", "Type", "CrossProject", "CrossProjectName", "LinkLag", "LagFormat" };

        public static readonly string[] DefinitionOrder = { "FieldID", "FieldName", "CFType", "Guid", "ElemType", "MaxMultiValues", "UserDef", "Alias" };

        public static readonly string[] ValueOrder = { "FieldID", "Value" };

        /// <summary>Every child of <paramref name="element"/> is in <paramref name="order"/>, in that order (repeats allowed).</summary>
        public static void ShouldFollow(XElement element, string[] order)
        {
            int last = -1;
            foreach (var child in element.Elements())
            {
                child.Name.Namespace.Should().Be(Ns, "every element is in the MSPDI namespace");
                int at = Array.IndexOf(order, child.Name.LocalName);
                at.Should().BeGreaterThanOrEqualTo(0, "<" + child.Name.LocalName + "> is an element of <" + element.Name.LocalName + ">");
                at.Should().BeGreaterThanOrEqualTo(last, "<" + child.Name.LocalName + "> comes after the elements before it in the schema's sequence for <" + element.Name.LocalName + ">");
                last = at;
            }
        }
    }
}
