namespace ProgramDsl.Syntax
{
    /// <summary>
    /// The keywords of the language, spelt once: the statement table (<see cref="Statements"/>), the builder API and
    /// the tools that write <c>.tpm</c> text use these constants. A test checks that each is a keyword of the table.
    /// </summary>
    public static class Keywords
    {
        /// <summary><c>program</c>.</summary>
        public const string Program = "program";

        /// <summary><c>portfolio</c>.</summary>
        public const string Portfolio = "portfolio";

        /// <summary><c>calendar</c>.</summary>
        public const string Calendar = "calendar";

        /// <summary><c>role</c>.</summary>
        public const string Role = "role";

        /// <summary><c>skill</c>.</summary>
        public const string Skill = "skill";

        /// <summary><c>person</c>.</summary>
        public const string Person = "person";

        /// <summary><c>team</c>.</summary>
        public const string Team = "team";

        /// <summary><c>resource</c>.</summary>
        public const string Resource = "resource";

        /// <summary><c>stakeholder</c>.</summary>
        public const string Stakeholder = "stakeholder";

        /// <summary><c>metric</c>.</summary>
        public const string Metric = "metric";

        /// <summary><c>workstream</c>.</summary>
        public const string Workstream = "workstream";

        /// <summary><c>task</c>.</summary>
        public const string Task = "task";

        /// <summary><c>milestone</c>.</summary>
        public const string Milestone = "milestone";

        /// <summary><c>risk</c>.</summary>
        public const string Risk = "risk";

        /// <summary><c>decision</c>.</summary>
        public const string Decision = "decision";

        /// <summary><c>start</c>.</summary>
        public const string Start = "start";

        /// <summary><c>deadline</c>.</summary>
        public const string Deadline = "deadline";

        /// <summary><c>status-date</c>.</summary>
        public const string StatusDate = "status-date";

        /// <summary><c>currency</c>.</summary>
        public const string Currency = "currency";

        /// <summary><c>budget</c>.</summary>
        public const string Budget = "budget";

        /// <summary><c>workdays</c>.</summary>
        public const string Workdays = "workdays";

        /// <summary><c>holiday</c>.</summary>
        public const string Holiday = "holiday";

        /// <summary><c>hours-per-day</c>.</summary>
        public const string HoursPerDay = "hours-per-day";

        /// <summary><c>leveling</c>.</summary>
        public const string Leveling = "leveling";

        /// <summary><c>include</c>.</summary>
        public const string Include = "include";

        /// <summary><c>baseline</c>.</summary>
        public const string Baseline = "baseline";

        /// <summary><c>baseline-tolerance</c>.</summary>
        public const string BaselineTolerance = "baseline-tolerance";

        /// <summary><c>note</c>.</summary>
        public const string Note = "note";

        /// <summary><c>rate</c>.</summary>
        public const string Rate = "rate";

        /// <summary><c>skills</c>.</summary>
        public const string Skills = "skills";

        /// <summary><c>capacity</c>.</summary>
        public const string Capacity = "capacity";

        /// <summary><c>vacation</c>.</summary>
        public const string Vacation = "vacation";

        /// <summary><c>email</c>.</summary>
        public const string Email = "email";

        /// <summary><c>lead</c>.</summary>
        public const string Lead = "lead";

        /// <summary><c>members</c>.</summary>
        public const string Members = "members";

        /// <summary><c>raci</c>.</summary>
        public const string Raci = "raci";

        /// <summary><c>cadence</c>.</summary>
        public const string Cadence = "cadence";

        /// <summary><c>contact</c>.</summary>
        public const string Contact = "contact";

        /// <summary><c>target</c>.</summary>
        public const string Target = "target";

        /// <summary><c>current</c>.</summary>
        public const string Current = "current";

        /// <summary><c>unit</c>.</summary>
        public const string Unit = "unit";

        /// <summary><c>owner</c>.</summary>
        public const string Owner = "owner";

        /// <summary><c>after</c>.</summary>
        public const string After = "after";

        /// <summary><c>due</c>.</summary>
        public const string Due = "due";

        /// <summary><c>effort</c>.</summary>
        public const string Effort = "effort";

        /// <summary><c>duration</c>.</summary>
        public const string Duration = "duration";

        /// <summary><c>estimate</c>.</summary>
        public const string Estimate = "estimate";

        /// <summary><c>assign</c>.</summary>
        public const string Assign = "assign";

        /// <summary><c>requires</c>.</summary>
        public const string Requires = "requires";

        /// <summary><c>uses</c>.</summary>
        public const string Uses = "uses";

        /// <summary><c>not-before</c>.</summary>
        public const string NotBefore = "not-before";

        /// <summary><c>priority</c>.</summary>
        public const string Priority = "priority";

        /// <summary><c>review</c>.</summary>
        public const string Review = "review";

        /// <summary><c>cost</c>.</summary>
        public const string Cost = "cost";

        /// <summary><c>progress</c>.</summary>
        public const string Progress = "progress";

        /// <summary><c>actual-start</c>.</summary>
        public const string ActualStart = "actual-start";

        /// <summary><c>actual-finish</c>.</summary>
        public const string ActualFinish = "actual-finish";

        /// <summary><c>actual-cost</c>.</summary>
        public const string ActualCost = "actual-cost";

        /// <summary><c>phase</c>.</summary>
        public const string Phase = "phase";

        /// <summary><c>gate</c>.</summary>
        public const string Gate = "gate";

        /// <summary><c>likelihood</c>.</summary>
        public const string Likelihood = "likelihood";

        /// <summary><c>impact</c>.</summary>
        public const string Impact = "impact";

        /// <summary><c>mitigation</c>.</summary>
        public const string Mitigation = "mitigation";

        /// <summary><c>affects</c>.</summary>
        public const string Affects = "affects";

        /// <summary><c>status</c>.</summary>
        public const string Status = "status";

        /// <summary><c>date</c>.</summary>
        public const string Date = "date";

        /// <summary><c>rationale</c>.</summary>
        public const string Rationale = "rationale";
    }
}
