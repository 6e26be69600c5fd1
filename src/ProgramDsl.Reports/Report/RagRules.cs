using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Report
{
    /// <summary>A red/amber/green rating; the order is the order of severity.</summary>
    public enum RagStatus
    {
        /// <summary>Nothing to rate against (no budget, no deadline, no risks).</summary>
        NotRated = 0,

        /// <summary>On track.</summary>
        Green = 1,

        /// <summary>Needs attention.</summary>
        Amber = 2,

        /// <summary>Off track: needs a decision.</summary>
        Red = 3,
    }

    /// <summary>One condition a rule found, at the level it rates.</summary>
    public sealed class RagFinding
    {
        internal RagFinding(RagStatus level, string text)
        {
            Level = level;
            Text = text;
        }

        /// <summary>The rating this finding gives the area on its own.</summary>
        public RagStatus Level { get; }

        /// <summary>What was found, as a phrase for the report.</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string ToString() => Level + ": " + Text;
    }

    /// <summary>The rating of one area: its status, the findings behind it (worst first) and the rule in words.</summary>
    public sealed class RagAssessment
    {
        internal RagAssessment(string area, IReadOnlyList<RagFinding> findings, string rule)
        {
            Area = area;
            // Stable sort: worst first, and the order the rules were checked within a level.
            Findings = findings.Select((f, i) => (f, i)).OrderByDescending(x => x.f.Level).ThenBy(x => x.i).Select(x => x.f).ToList();
            Status = Findings.Count == 0 ? RagStatus.NotRated : Findings[0].Level;
            Rule = rule;
        }

        /// <summary>"Schedule", "Budget", "Risk" or "Overall".</summary>
        public string Area { get; }

        /// <summary>The worst level among the findings.</summary>
        public RagStatus Status { get; }

        /// <summary>The findings, worst first.</summary>
        public IReadOnlyList<RagFinding> Findings { get; }

        /// <summary>The rule that rates the area, as the report states it.</summary>
        public string Rule { get; }
    }

    /// <summary>The four ratings of a status report.</summary>
    public sealed class StatusAssessment
    {
        internal StatusAssessment(RagAssessment overall, RagAssessment schedule, RagAssessment budget, RagAssessment risk)
        {
            Overall = overall;
            Schedule = schedule;
            Budget = budget;
            Risk = risk;
        }

        /// <summary>The worst of the rated areas.</summary>
        public RagAssessment Overall { get; }

        /// <summary>The deadline, due dates, the forecast and the schedule performance index.</summary>
        public RagAssessment Schedule { get; }

        /// <summary>Planned cost and the estimate at completion against the budget.</summary>
        public RagAssessment Budget { get; }

        /// <summary>Open risks by exposure and whether they are managed.</summary>
        public RagAssessment Risk { get; }

        /// <summary>Schedule, budget and risk, in the order the report shows them.</summary>
        public IReadOnlyList<RagAssessment> Areas => new[] { Schedule, Budget, Risk };
    }

    /// <summary>
    /// The rules that rate a program red, amber or green. Each rule is a list of conditions; the area takes the worst
    /// level any condition reaches, and the report lists every condition that fired. The thresholds are constants so the
    /// documentation (docs/artefacts/report.md), the report's own wording and the tests agree.
    /// </summary>
    public static class RagRules
    {
        /// <summary>Schedule is red when the forecast meets the deadline in fewer than this share of iterations.</summary>
        public const double DeadlineProbabilityRed = 0.50;

        /// <summary>Schedule is amber when the forecast meets the deadline in fewer than this share of iterations.</summary>
        public const double DeadlineProbabilityAmber = 0.80;

        /// <summary>Schedule is amber when the plan finishes fewer than this many working days before the deadline.</summary>
        public const int DeadlineFloatAmberDays = 5;

        /// <summary>Schedule is amber when the forecast meets a task's or milestone's due date in fewer than this share of iterations.</summary>
        public const double DueProbabilityAmber = 0.50;

        /// <summary>Schedule is amber when the schedule performance index at the status date is below this.</summary>
        public const decimal SpiAmber = 0.90m;

        /// <summary>
        /// Schedule is red when the schedule performance index at the status date is below this: less than four fifths
        /// of the work planned by then is done, a gap the remaining float rarely closes.
        /// </summary>
        public const decimal SpiRed = 0.80m;

        /// <summary>Budget is amber when the planned cost or the EAC is above this share of the budget.</summary>
        public const decimal BudgetShareAmber = 0.90m;

        /// <summary>Budget is amber when the cost performance index at the status date is below this.</summary>
        public const decimal CpiAmber = 0.90m;

        /// <summary>Budget is red when the cost performance index at the status date is below this: the work done cost over a quarter more than planned.</summary>
        public const decimal CpiRed = 0.80m;

        /// <summary>
        /// Risk: an open risk with an exposure (likelihood × impact) of at least this many working days is high, the
        /// same threshold as TPM3001.
        /// </summary>
        public const decimal HighExposureDays = DeliveryChecks.HighRiskExposureDays;

        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        private static string Pct(double share) => (share * 100).ToString("0", Invariant) + "%";

        private static string Pct(decimal share) => (share * 100m).ToString("0", Invariant) + "%";

        /// <summary>The schedule rule in words.</summary>
        public static string ScheduleRule { get; } =
            "Red if the plan finishes after the deadline, the forecast meets the deadline in fewer than " + Pct(DeadlineProbabilityRed) + " of its iterations, " +
            "or the schedule performance index (SPI) at the status date is below " + SpiRed.ToString("0.00", Invariant) + ". " +
            "Amber if the plan finishes fewer than " + DeadlineFloatAmberDays + " working days before the deadline, the forecast meets the deadline in fewer than " +
            Pct(DeadlineProbabilityAmber) + " of its iterations, a task or milestone is planned to finish after its due date, the forecast meets a task's or milestone's due date in fewer than " +
            Pct(DueProbabilityAmber) + " of its iterations, or the SPI is below " +
            SpiAmber.ToString("0.00", Invariant) + ". Green otherwise (an SPI of " + SpiAmber.ToString("0.00", Invariant) + " or more). Not rated when there is no deadline, no due date and no SPI to measure against.";

        /// <summary>The budget rule in words.</summary>
        public static string BudgetRule { get; } =
            "Red if the planned cost or the estimate at completion (EAC, from earned value at the status date) exceeds the budget, " +
            "or the cost performance index (CPI) at the status date is below " + CpiRed.ToString("0.00", Invariant) + ". " +
            "Amber if either cost is above " + Pct(BudgetShareAmber) + " of the budget (less than " + Pct(1m - BudgetShareAmber) + " in reserve), or the CPI " +
            "is below " + CpiAmber.ToString("0.00", Invariant) + ". Green otherwise (a CPI of " + CpiAmber.ToString("0.00", Invariant) + " or more). Not rated without a budget.";

        /// <summary>The risk rule in words.</summary>
        public static string RiskRule { get; } =
            "Exposure is likelihood × impact, in working days. Red if an open risk with an exposure of " + HighExposureDays.ToString("0.##", Invariant) +
            " working days or more has no owner or no mitigation. Amber if an open risk has an exposure of " + HighExposureDays.ToString("0.##", Invariant) +
            " working days or more, an open risk of any exposure has no owner or no mitigation, or a risk has occurred. " +
            "Green otherwise (mitigated and closed risks do not count). Not rated when no risk is recorded.";

        /// <summary>The overall rule in words.</summary>
        public static string OverallRule { get; } =
            "The worst of schedule, budget and risk; an area that is not rated is left out, and overall is not rated when no area is.";

        /// <summary>Rates a program from its artefact context (its forecast and earned value are used when present).</summary>
        public static StatusAssessment Assess(ArtefactContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            var schedule = Schedule(context);
            var budget = Budget(context);
            var risk = Risk(context.Program);
            return new StatusAssessment(Overall(schedule, budget, risk), schedule, budget, risk);
        }

        private static RagAssessment Schedule(ArtefactContext context)
        {
            var program = context.Program;
            var plan = context.Schedule;
            var forecast = context.Forecast;
            var spi = context.EarnedValue?.Total.Spi;
            var findings = new List<RagFinding>();

            if (program.Deadline is CalendarDate deadline)
            {
                int spare = plan.WorkingDaysBetween(plan.FinishDate, deadline);
                if (plan.FinishDate > deadline)
                {
                    findings.Add(new RagFinding(RagStatus.Red, "the plan finishes on " + plan.FinishDate + ", " + ReportFormat.WorkingDays(plan.WorkingDaysBetween(deadline, plan.FinishDate)) +
                                                               " after the deadline of " + deadline));
                }
                else if (spare < DeadlineFloatAmberDays)
                {
                    findings.Add(new RagFinding(RagStatus.Amber, (spare == 0
                        ? "the plan finishes on " + plan.FinishDate + " with no working day to spare before the deadline of " + deadline
                        : "the plan finishes on " + plan.FinishDate + " with only " + ReportFormat.WorkingDays(spare) + " to spare before the deadline of " + deadline) +
                        " (amber under " + DeadlineFloatAmberDays + ")"));
                }

                if (forecast?.DeadlineProbability is double p)
                {
                    var level = p < DeadlineProbabilityRed ? RagStatus.Red : p < DeadlineProbabilityAmber ? RagStatus.Amber : RagStatus.Green;
                    if (level != RagStatus.Green)
                    {
                        var threshold = level == RagStatus.Red ? DeadlineProbabilityRed : DeadlineProbabilityAmber;
                        findings.Add(new RagFinding(level, "the forecast meets the deadline in " + ReportFormat.Probability(p) + " of " + ReportFormat.Count(forecast.Iterations) +
                                                           " iterations (P80 finish " + forecast.Finish.P80 + "; " + Word(level) + " under " + Pct(threshold) + ")"));
                    }
                }
            }

            var lateDue = plan.Tasks.Where(t => t.Task.Due is CalendarDate due && t.FinishDate > due).ToList();
            if (lateDue.Count > 0)
            {
                findings.Add(new RagFinding(RagStatus.Amber, ReportFormat.Counted(lateDue.Count, "task or milestone is planned after its due date", "tasks or milestones are planned after their due dates") + ": " +
                                                             List(lateDue.Select(t => t.Id + " by " + ReportFormat.WorkingDays(plan.WorkingDaysBetween(t.Task.Due!.Value, t.FinishDate))))));
            }

            if (forecast != null)
            {
                // Tasks and milestones already planned after their due date are counted above; here the ones the plan meets.
                var unlikely = forecast.Tasks.Where(t => t.DueProbability is double p && p < DueProbabilityAmber && plan[t.Task].FinishDate <= t.Task.Due!.Value).ToList();
                if (unlikely.Count > 0)
                {
                    findings.Add(new RagFinding(RagStatus.Amber, ReportFormat.Counted(unlikely.Count, "task or milestone meets its due date", "tasks or milestones meet their due dates") +
                                                                 " in fewer than " + Pct(DueProbabilityAmber) + " of the forecast's iterations: " +
                                                                 List(unlikely.Select(t => t.Task.Id + " " + ReportFormat.Probability(t.DueProbability!.Value)))));
                }
            }

            if (spi is decimal s && s < SpiAmber)
            {
                var level = IndexLevel(s, SpiRed, SpiAmber);
                findings.Add(new RagFinding(level, "the SPI at the status date is " + ReportFormat.Index(s) + ": less work is done than planned (" + Word(level) + " under " +
                                                   (level == RagStatus.Red ? SpiRed : SpiAmber).ToString("0.00", Invariant) + ")"));
            }

            if (findings.Count == 0)
            {
                bool anyDue = plan.Tasks.Any(t => t.Task.Due != null);
                if (program.Deadline is null && !anyDue && spi is null)
                {
                    findings.Add(new RagFinding(RagStatus.NotRated, "no deadline, due date or SPI to measure the schedule against"));
                }
                else
                {
                    if (program.Deadline is CalendarDate d)
                    {
                        var text = "the plan finishes on " + plan.FinishDate + " with " + ReportFormat.WorkingDays(plan.WorkingDaysBetween(plan.FinishDate, d)) + " to spare before the deadline of " + d;
                        if (forecast?.DeadlineProbability is double p) text += ", and the forecast meets the deadline in " + ReportFormat.Probability(p) + " of its iterations";
                        findings.Add(new RagFinding(RagStatus.Green, text));
                    }

                    if (anyDue) findings.Add(new RagFinding(RagStatus.Green, "every due date is met in the plan"));
                    if (spi is decimal ok) findings.Add(new RagFinding(RagStatus.Green, "the SPI at the status date is " + ReportFormat.Index(ok)));
                }
            }

            return new RagAssessment("Schedule", findings, ScheduleRule);
        }

        private static RagAssessment Budget(ArtefactContext context)
        {
            var program = context.Program;
            var findings = new List<RagFinding>();
            if (program.Budget is not decimal budget)
            {
                findings.Add(new RagFinding(RagStatus.NotRated, "the program has no budget"));
                return new RagAssessment("Budget", findings, BudgetRule);
            }

            var currency = program.Currency;
            var planned = context.Schedule.Cost;
            var amberLimit = budget * BudgetShareAmber;
            if (planned > budget)
            {
                findings.Add(new RagFinding(RagStatus.Red, "the planned cost of " + ArtefactText.Money(planned, currency) + " is " +
                                                           ArtefactText.Money(planned - budget, currency) + " over the budget of " + ArtefactText.Money(budget, currency)));
            }
            else if (planned > amberLimit)
            {
                findings.Add(new RagFinding(RagStatus.Amber, "the planned cost of " + ArtefactText.Money(planned, currency) + " is " + ShareOf(planned, budget) +
                                                             " of the budget of " + ArtefactText.Money(budget, currency) + " (amber above " + Pct(BudgetShareAmber) + ")"));
            }

            var ev = context.EarnedValue?.Total;
            if (ev?.Cpi is decimal cpi)
            {
                // Without an actual cost there is no CPI and the EAC is the BAC: it says nothing new, so only a CPI counts.
                if (ev.Eac > budget)
                {
                    findings.Add(new RagFinding(RagStatus.Red, "the estimate at completion of " + ArtefactText.Money(ev.Eac, currency) + " (BAC ÷ CPI) is " +
                                                               ArtefactText.Money(ev.Eac - budget, currency) + " over the budget"));
                }
                else if (ev.Eac > amberLimit)
                {
                    findings.Add(new RagFinding(RagStatus.Amber, "the estimate at completion of " + ArtefactText.Money(ev.Eac, currency) + " (BAC ÷ CPI) is " +
                                                                 ShareOf(ev.Eac, budget) + " of the budget (amber above " + Pct(BudgetShareAmber) + ")"));
                }

                if (cpi < CpiAmber)
                {
                    var level = IndexLevel(cpi, CpiRed, CpiAmber);
                    findings.Add(new RagFinding(level, "the CPI at the status date is " + ReportFormat.Index(cpi) + ": the work done cost more than planned (" + Word(level) + " under " +
                                                       (level == RagStatus.Red ? CpiRed : CpiAmber).ToString("0.00", Invariant) + ")"));
                }
            }

            if (findings.Count == 0)
            {
                var text = "the planned cost of " + ArtefactText.Money(planned, currency) + " is " + ShareOf(planned, budget) + " of the budget of " + ArtefactText.Money(budget, currency);
                if (ev?.Cpi is decimal ok) text += "; the estimate at completion is " + ArtefactText.Money(ev.Eac, currency) + " (CPI " + ReportFormat.Index(ok) + ")";
                findings.Add(new RagFinding(RagStatus.Green, text));
            }

            return new RagAssessment("Budget", findings, BudgetRule);
        }

        private static RagAssessment Risk(ProgramSymbol program)
        {
            var findings = new List<RagFinding>();
            if (program.Risks.Count == 0)
            {
                findings.Add(new RagFinding(RagStatus.NotRated, "no risk is recorded"));
                return new RagAssessment("Risk", findings, RiskRule);
            }

            var open = program.Risks.Where(r => r.Status == RiskStatus.Open).ToList();
            var unmanagedHigh = open.Where(r => IsHigh(r) && !IsManaged(r)).OrderByDescending(Exposure).ToList();
            var managedHigh = open.Where(r => IsHigh(r) && IsManaged(r)).OrderByDescending(Exposure).ToList();
            var unmanagedLow = open.Where(r => !IsHigh(r) && !IsManaged(r)).ToList();
            var occurred = program.Risks.Where(r => r.Status == RiskStatus.Occurred).ToList();
            if (unmanagedHigh.Count > 0)
            {
                findings.Add(new RagFinding(RagStatus.Red, ReportFormat.Counted(unmanagedHigh.Count, "high open risk has", "high open risks have") + " no owner or no mitigation: " +
                                                           List(unmanagedHigh.Select(Describe))));
            }

            if (managedHigh.Count > 0)
            {
                findings.Add(new RagFinding(RagStatus.Amber, ReportFormat.Counted(managedHigh.Count, "open risk has", "open risks have") + " an exposure of " +
                                                             HighExposureDays.ToString("0.##", Invariant) + " working days or more (owned and mitigated): " + List(managedHigh.Select(Describe))));
            }

            if (unmanagedLow.Count > 0)
            {
                findings.Add(new RagFinding(RagStatus.Amber, ReportFormat.Counted(unmanagedLow.Count, "open risk has", "open risks have") + " no owner or no mitigation: " +
                                                             List(unmanagedLow.Select(r => r.Id))));
            }

            if (occurred.Count > 0)
            {
                findings.Add(new RagFinding(RagStatus.Amber, ReportFormat.Counted(occurred.Count, "risk has", "risks have") + " occurred: " + List(occurred.Select(r => r.Id))));
            }

            if (findings.Count == 0)
            {
                var under = " under " + HighExposureDays.ToString("0.##", Invariant) + " working days";
                findings.Add(new RagFinding(RagStatus.Green, open.Count == 0 ? "no risk is open"
                    : open.Count == 1 ? "1 open risk, owned and mitigated, with an exposure" + under
                    : ReportFormat.Count(open.Count) + " open risks, all owned and mitigated, with exposures" + under));
            }

            return new RagAssessment("Risk", findings, RiskRule);
        }

        private static RagAssessment Overall(RagAssessment schedule, RagAssessment budget, RagAssessment risk)
        {
            var rated = new[] { schedule, budget, risk }.Where(a => a.Status != RagStatus.NotRated).ToList();
            var findings = new List<RagFinding>();
            if (rated.Count == 0)
            {
                findings.Add(new RagFinding(RagStatus.NotRated, "no area is rated"));
            }
            else
            {
                // Worst first, then the rest, so the sentence says where every rated area stands.
                var text = string.Join("; ", rated.GroupBy(a => a.Status).OrderByDescending(g => g.Key)
                    .Select(g => { var areas = g.Select(a => a.Area.ToLowerInvariant()).ToList(); return JoinAnd(areas) + (areas.Count == 1 ? " is " : " are ") + Word(g.Key); }));
                findings.Add(new RagFinding(rated.Max(a => a.Status), text));
            }

            return new RagAssessment("Overall", findings, OverallRule);
        }

        /// <summary>The level of a performance index (SPI or CPI): red under <paramref name="red"/>, amber under <paramref name="amber"/>, else green.</summary>
        public static RagStatus IndexLevel(decimal index, decimal red, decimal amber) =>
            index < red ? RagStatus.Red : index < amber ? RagStatus.Amber : RagStatus.Green;

        internal static decimal Exposure(RiskSymbol risk) => risk.Likelihood * risk.ImpactDays;

        internal static bool IsHigh(RiskSymbol risk) => Exposure(risk) >= HighExposureDays;

        internal static bool IsManaged(RiskSymbol risk) => risk.Owner != null && !string.IsNullOrWhiteSpace(risk.Mitigation);

        /// <summary>"red", "amber", "green" or "not rated", for sentences.</summary>
        public static string Word(RagStatus status) => status switch
        {
            RagStatus.Red => "red",
            RagStatus.Amber => "amber",
            RagStatus.Green => "green",
            _ => "not rated",
        };

        private static string Describe(RiskSymbol r) => r.Id + " (exposure " + ReportFormat.Number(decimal.Round(Exposure(r), 2)) + " days)";

        private static string ShareOf(decimal part, decimal whole)
        {
            if (whole == 0) return "all";
            try
            {
                return (part * 100m / whole).ToString("0.#", Invariant) + "%";
            }
            catch (OverflowException)
            {
                // Only called with part <= whole: the quotient first fits where part × 100 does not (amounts above 7.9 × 10²⁶).
                return (part / whole * 100m).ToString("0.#", Invariant) + "%";
            }
        }

        /// <summary>The first few items, then how many more: findings stay one line on large plans.</summary>
        private static string List(IEnumerable<string> items)
        {
            const int Shown = 5;
            var all = items.ToList();
            var text = string.Join(", ", all.Take(Shown));
            return all.Count > Shown ? text + " and " + (all.Count - Shown).ToString(Invariant) + " more" : text;
        }

        private static string JoinAnd(IReadOnlyList<string> items) =>
            items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[items.Count - 1];
    }
}
