using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    // Scheduling, resources, forecasting, delivery and budget messages (TPM2004-TPM2007, TPM2101, TPM2102, TPM3001-TPM3006, TPM4001).
    public static partial class DiagnosticCatalog
    {
        /// <summary>The largest amount tpm computes, as the messages write it.</summary>
        internal static readonly string MaxAmountText = decimal.MaxValue.ToString("#,0", CultureInfo.InvariantCulture);

        /// <summary>TPM2004: a program calendar without working weekdays.</summary>
        public static Diagnostic NoWorkingWeekdays(SourceLocation at) =>
            Make(NoWorkingDays, at, "the program calendar has no working weekdays; set 'workdays', e.g. 'workdays mon..fri'");

        /// <summary>TPM2004: a task whose assignees (by id) never work on the same weekday.</summary>
        public static Diagnostic AssigneesShareNoWeekday(SourceLocation at, string task, IEnumerable<string> assignees) =>
            Make(NoWorkingDays, at, task + " cannot be scheduled: its assignees (" + string.Join(", ", assignees) + ") share no working weekday with each other and the program calendar; check their calendars");

        /// <summary>TPM2005: the schedule, before any task is placed, runs past the last date.</summary>
        public static Diagnostic ScheduleBeyondCalendar(SourceLocation at) =>
            Make(OutOfCalendarRange, at, "the schedule runs past 9999-12-31; check the durations, lags, dates and the status date");

        /// <summary>TPM2005: the schedule runs past the last date, at <paramref name="task"/> when known.</summary>
        public static Diagnostic ScheduleBeyondCalendarAt(SourceLocation at, string? task) =>
            Make(OutOfCalendarRange, at, "the schedule runs past 9999-12-31" + (task is null ? string.Empty : " at " + task) + "; check the durations, lags and dates");

        /// <summary>TPM2005: the leveled schedule runs past the last date.</summary>
        public static Diagnostic LeveledScheduleBeyondCalendar(SourceLocation at) =>
            Make(OutOfCalendarRange, at, "the leveled schedule runs past 9999-12-31; check the durations, lags and dates");

        /// <summary>TPM2005: the forecast runs past the last date.</summary>
        public static Diagnostic ForecastBeyondCalendar(SourceLocation at) =>
            Make(OutOfCalendarRange, at, "the forecast runs past " + CalendarDate.MaxValue + "; check the pessimistic estimates and the risk impacts");

        /// <summary>TPM2005: some iterations of the forecast run past the last date.</summary>
        public static Diagnostic ForecastBeyondCalendar(SourceLocation at, long beyond, long iterations) =>
            Make(OutOfCalendarRange, at, "the forecast runs past " + CalendarDate.MaxValue + " in " + Count(beyond) +
                " of " + Count(iterations) + " iterations; check the pessimistic estimates and the risk impacts");

        /// <summary>TPM2006: a rate too large per day or per hour.</summary>
        public static Diagnostic RateOutOfRange(SourceLocation at, string owner, decimal hoursPerDay) =>
            Make(AmountOutOfRange, at, "the rate of " + owner + " is more than " + MaxAmountText + " per working day or per hour (at " +
                hoursPerDay.ToString(CultureInfo.InvariantCulture) + " hours a day), the largest amount tpm can compute; check the rate");

        /// <summary>TPM2006: a task's cost too large.</summary>
        public static Diagnostic TaskCostOutOfRange(SourceLocation at, string task) =>
            Make(AmountOutOfRange, at, "the cost of " + task + " is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates, units and fixed cost of the task and of the people and resources it uses");

        /// <summary>TPM2006: a workstream's cost too large.</summary>
        public static Diagnostic WorkstreamCostOutOfRange(SourceLocation at, string workstream) =>
            Make(AmountOutOfRange, at, "the cost of " + workstream + " (the sum of its tasks' costs) is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates and costs of its tasks");

        /// <summary>TPM2006: the program's planned cost too large.</summary>
        public static Diagnostic ProgramCostOutOfRange(SourceLocation at, string program) =>
            Make(AmountOutOfRange, at, "the planned cost of " + program + " (the sum of its tasks' costs) is more than " + MaxAmountText + ", the largest amount tpm can compute; check the rates and costs");

        /// <summary>TPM2006: the program's actual costs too large.</summary>
        public static Diagnostic ActualCostOutOfRange(SourceLocation at, string program) =>
            Make(AmountOutOfRange, at, "the actual costs of " + program + " add up to more than " + MaxAmountText + ", the largest amount tpm can compute; check the actual-cost entries");

        /// <summary>TPM2006: an earned-value figure too large.</summary>
        public static Diagnostic EarnedValueOutOfRange(SourceLocation at, string program, CalendarDate statusDate) =>
            Make(AmountOutOfRange, at, "the earned value of " + program + " at " + statusDate + " (an index or the estimate at completion) is more than " +
                MaxAmountText + ", the largest amount tpm can compute; check the costs and the actual-cost entries");

        /// <summary>TPM2007: the over-allocation check stopped after <paramref name="work"/> days of work.</summary>
        public static Diagnostic OverAllocationCheckStopped(SourceLocation at, string program, long work) =>
            Make(WorkBudgetExhausted, at, "the over-allocation check of " + program + " stopped after " + Count(work) +
                " days of work (tasks very long or very many on one resource); over-allocations past that point are not reported: turn leveling on, or shorten the tasks");

        /// <summary>TPM2007: leveling gave up because one leveled schedule costs more than <paramref name="work"/> units.</summary>
        public static Diagnostic LevelingStopped(SourceLocation at, string program, long work) =>
            Make(WorkBudgetExhausted, at, "leveling stopped: one leveled schedule of " + program + " needs more than " + Count(work) +
                " work units (resources booked day by day over very long spans); the schedule is not leveled and its over-allocations are reported");

        /// <summary>TPM2007: the forecast ran fewer iterations than asked within its work budget.</summary>
        public static Diagnostic ForecastIterationsCut(SourceLocation at, long iterations, long asked, long perIteration, long budget) =>
            Make(WorkBudgetExhausted, at, "the forecast ran " + Count(iterations) + " of " + Count(asked) + " iterations within its work budget (an iteration of this plan costs up to " +
                Count(perIteration) + " work units of " + Count(budget) + "); its percentiles are less precise; ask for fewer iterations to silence this");

        /// <summary>TPM2101: a person or resource over-allocated on <paramref name="days"/> ("d" or "d1..d2") by the listed tasks.</summary>
        public static Diagnostic OverAllocated(SourceLocation at, IReadOnlyList<SourceLocation> also, string kindWord, string id, string days, int dayCount, string peak, string tasks) =>
            new Diagnostic(OverAllocation, OverAllocation.DefaultSeverity,
                kindWord + " '" + id + "' is over-allocated on " + days + " (" + Plural.WorkingDays(dayCount) + ", up to " + peak + ") by " + tasks +
                "; turn leveling on, move a task or change an assignment", at, also);

        /// <summary>TPM2102: a task that uses more units of a resource than it has.</summary>
        public static Diagnostic DemandOverCapacity(SourceLocation at, string task, int units, string resource, int capacity) =>
            Make(InfeasibleDemand, at, task + " uses " + units + " units of resource '" + resource + "', which has only " + capacity +
                "; lower the units or raise the capacity (leveling runs it when the whole pool is free)");

        /// <summary>TPM3001: a high open risk without an owner, a mitigation, or both.</summary>
        public static Diagnostic RiskUnmanaged(SourceLocation at, string risk, decimal likelihood, decimal impactDays, bool noOwner, bool noMitigation)
        {
            var missing = noOwner && noMitigation ? "no owner and no mitigation" : noOwner ? "no owner" : "no mitigation";
            var fix = noOwner && noMitigation ? "add an 'owner' and a 'mitigation'" : noOwner ? "add an 'owner'" : "add a 'mitigation'";
            return Make(UnmanagedRisk, at, "open risk '" + risk + "' has an exposure of " + Plural.WorkingDays(System.Math.Round(likelihood * impactDays, 2)) + " (" + Hundredths(likelihood * 100) + "% × " +
                Hundredths(impactDays) + "d) and " + missing + "; " + fix + ", or close the risk");
        }

        /// <summary>TPM3002: an assignee without some required skills.</summary>
        public static Diagnostic AssigneeLacksSkills(SourceLocation at, string person, string task, IReadOnlyList<string> missing)
        {
            var them = missing.Count == 1 ? "it" : "them";
            return Make(MissingSkill, at, "'" + person + "' is assigned to task '" + task + "' but lacks the required " + Skills(missing) + "; assign someone who has " + them + " or add " + them + " to '" + person + "'");
        }

        /// <summary>TPM3002: the holder chosen for a role without some required skills.</summary>
        public static Diagnostic RoleHolderLacksSkills(SourceLocation at, string person, string role, string task, IReadOnlyList<string> missing) =>
            Make(MissingSkill, at, "'" + person + "', chosen for role '" + role + "' on task '" + task + "', lacks the required " + Skills(missing) + "; give the skill to a holder of the role or assign someone who has it");

        /// <summary>TPM3002: no holder of a role has every required skill.</summary>
        public static Diagnostic NoRoleHolderHasSkills(SourceLocation at, string role, string task, IEnumerable<string> required) =>
            Make(MissingSkill, at, "no holder of role '" + role + "' on task '" + task + "' has every required skill (" + string.Join(", ", required) + "); give the skills to a holder of the role or assign someone who has them");

        /// <summary>TPM3003: a deployment without a gate upstream.</summary>
        public static Diagnostic DeploymentWithoutGate(SourceLocation at, string deploy) =>
            Make(NoEvaluationGate, at, "deployment task '" + deploy + "' has no milestone with a 'gate' upstream; make it depend ('after') on an evaluation milestone that gates a metric");

        /// <summary>TPM3004: a deployment without monitoring after it.</summary>
        public static Diagnostic DeploymentWithoutMonitoring(SourceLocation at, string deploy) =>
            Make(NoMonitoring, at, "deployment task '" + deploy + "' has no monitoring-phase task after it; add a task with 'phase monitoring' that depends on it");

        /// <summary>TPM3005: a deployment without the listed reviews upstream.</summary>
        public static Diagnostic DeploymentWithoutReviews(SourceLocation at, string deploy, IReadOnlyList<string> missing) =>
            Make(MissingReview, at, "deployment task '" + deploy + "' has no " + string.Join(", ", missing) + " review upstream; add a task with 'review " + string.Join(", ", missing) + "' that it depends on");

        /// <summary>TPM3006: a gate metric whose current value misses its target; <paramref name="unit"/> is written after the numbers.</summary>
        public static Diagnostic GateMetricMissesTarget(SourceLocation at, string metric, string kindWord, string task, decimal current, object target, string? unit)
        {
            var u = unit is null ? string.Empty : unit == "%" ? "%" : " " + unit;
            return Make(GateMetricBelowTarget, at, "metric '" + metric + "' gating " + kindWord + " '" + task + "' is at " + Hundredths(current) + u + ", which does not meet its target " + target + u);
        }

        /// <summary>TPM4001: planned cost over budget; <paramref name="overPercent"/> is null when it cannot be computed.</summary>
        public static Diagnostic CostOverBudget(SourceLocation at, string program, decimal cost, decimal budget, decimal? overPercent, string? currency)
        {
            var unit = currency is null ? string.Empty : " " + currency;
            var share = overPercent is decimal percent ? " (" + percent.ToString("0.#", CultureInfo.InvariantCulture) + "%)" : string.Empty;
            return Make(OverBudget, at, "program '" + program + "' costs " + Money(cost) + unit + " as planned, " + Money(cost - budget) + unit + share +
                " over its budget of " + Money(budget) + unit + "; cut scope, use cheaper people or resources, or raise the budget");
        }

        /// <summary>TPM2201: a task, milestone or workstream (<paramref name="kindWord"/>) finishing after its due date.</summary>
        public static Diagnostic DueDateMissedBy(SourceLocation at, string kindWord, string id, CalendarDate finish, decimal lateDays, CalendarDate due) =>
            Make(DueDateMissed, at, DueDateMissed.FormatMessage(kindWord, id, finish, Plural.WorkingDays(lateDays), due));

        /// <summary>TPM2202: the program finishing after its deadline; <paramref name="criticalPath"/> as "a → b → c".</summary>
        public static Diagnostic DeadlineMissedBy(SourceLocation at, string program, CalendarDate finish, decimal lateDays, CalendarDate deadline, string criticalPath) =>
            Make(DeadlineMissed, at, DeadlineMissed.FormatMessage(program, finish, Plural.WorkingDays(lateDays), deadline, criticalPath));

        private static string Money(decimal value) => value.ToString("#,0.##", CultureInfo.InvariantCulture);

        private static string Hundredths(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        private static string Skills(IReadOnlyList<string> missing) =>
            (missing.Count == 1 ? "skill " : "skills ") + string.Join(", ", missing.Select(s => "'" + s + "'"));
    }
}
