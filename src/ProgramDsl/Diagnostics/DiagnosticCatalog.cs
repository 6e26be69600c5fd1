using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl.Diagnostics
{
    /// <summary>
    /// The one catalogue of diagnostic codes. The compiler, the CLI, the build and the analyzers
    /// all take their codes, severities and messages from here, so a code means the same thing everywhere.
    /// </summary>
    public static partial class DiagnosticCatalog
    {
        /// <summary>Where the per-code documentation pages live.</summary>
        public const string HelpLinkBase = "https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/";

        private const string Syntax = "Syntax";
        private const string Binding = "Binding";
        private const string Scheduling = "Scheduling";
        private const string Resources = "Resources";
        private const string Deadlines = "Deadlines";
        private const string Delivery = "Delivery";
        private const string Budget = "Budget";
        private const string Builder = "Builder";
        private const string Configuration = "Configuration";
        private const string Limits = "Limits";
        private const string Baselines = "Baselines";
        private const string Portfolios = "Portfolios";

        /// <summary>TPM0001: the text does not follow the grammar.</summary>
        public static readonly DiagnosticDescriptor SyntaxError = new DiagnosticDescriptor(
            "TPM0001", nameof(SyntaxError), "Syntax error", "{0}", DiagnosticSeverity.Error, Syntax);

        /// <summary>TPM0002: a <c>.globalconfig</c> line that cannot be understood (it is ignored).</summary>
        public static readonly DiagnosticDescriptor InvalidConfiguration = new DiagnosticDescriptor(
            "TPM0002", nameof(InvalidConfiguration), "Invalid configuration entry", "{0}", DiagnosticSeverity.Warning, Configuration);

        /// <summary>TPM1001: a name that nothing defines.</summary>
        public static readonly DiagnosticDescriptor UnknownReference = new DiagnosticDescriptor(
            "TPM1001", nameof(UnknownReference), "Unknown reference", "unknown {0} '{1}'{2}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1002: two definitions of one name in one scope.</summary>
        public static readonly DiagnosticDescriptor DuplicateDefinition = new DiagnosticDescriptor(
            "TPM1002", nameof(DuplicateDefinition), "Duplicate definition", "'{0}' is already defined as {1} at {2}; rename one of them", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1003: an unqualified name that matches several definitions.</summary>
        public static readonly DiagnosticDescriptor AmbiguousReference = new DiagnosticDescriptor(
            "TPM1003", nameof(AmbiguousReference), "Ambiguous reference", "'{0}' is ambiguous: it could be {1}; qualify it", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1004: an include that cannot be read, or that includes itself.</summary>
        public static readonly DiagnosticDescriptor IncludeError = new DiagnosticDescriptor(
            "TPM1004", nameof(IncludeError), "Include error", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1005: a reference to a definition of the wrong kind.</summary>
        public static readonly DiagnosticDescriptor WrongKind = new DiagnosticDescriptor(
            "TPM1005", nameof(WrongKind), "Reference to the wrong kind of definition", "'{0}' is {1}, but {2} expects {3}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1006: an include that leaves the workspace or names something that is not a regular file.</summary>
        public static readonly DiagnosticDescriptor IncludeOutsideWorkspace = new DiagnosticDescriptor(
            "TPM1006", nameof(IncludeOutsideWorkspace), "Include outside the workspace", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1007: a file, line, name, nesting depth or count beyond the documented limits.</summary>
        public static readonly DiagnosticDescriptor InputLimitExceeded = new DiagnosticDescriptor(
            "TPM1007", nameof(InputLimitExceeded), "Input limit exceeded", "{0}", DiagnosticSeverity.Error, Limits);

        /// <summary>TPM1101: a required setting is missing.</summary>
        public static readonly DiagnosticDescriptor MissingSetting = new DiagnosticDescriptor(
            "TPM1101", nameof(MissingSetting), "Missing required setting", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1201: a wrong portfolio entry (not a program, named twice, a program id twice) or a portfolio without programs.</summary>
        public static readonly DiagnosticDescriptor PortfolioEntryError = new DiagnosticDescriptor(
            "TPM1201", nameof(PortfolioEntryError), "Portfolio entry error", "{0}", DiagnosticSeverity.Error, Portfolios);

        /// <summary>TPM1102: a value out of its allowed range or form.</summary>
        public static readonly DiagnosticDescriptor InvalidValue = new DiagnosticDescriptor(
            "TPM1102", nameof(InvalidValue), "Invalid value", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1103: a setting given twice, or two settings that exclude each other.</summary>
        public static readonly DiagnosticDescriptor ConflictingSetting = new DiagnosticDescriptor(
            "TPM1103", nameof(ConflictingSetting), "Conflicting or repeated setting", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1104: a baseline file that cannot be read, is not a baseline, or is of a format version this build does not read.</summary>
        public static readonly DiagnosticDescriptor BaselineUnreadable = new DiagnosticDescriptor(
            "TPM1104", nameof(BaselineUnreadable), "Baseline cannot be read", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM1105: a baseline saved from another program.</summary>
        public static readonly DiagnosticDescriptor BaselineOfAnotherProgram = new DiagnosticDescriptor(
            "TPM1105", nameof(BaselineOfAnotherProgram), "Baseline of another program", "{0}", DiagnosticSeverity.Error, Binding);

        /// <summary>TPM2001: tasks that depend on each other in a loop.</summary>
        public static readonly DiagnosticDescriptor DependencyCycle = new DiagnosticDescriptor(
            "TPM2001", nameof(DependencyCycle), "Dependency cycle", "dependency cycle: {0}; remove or reverse one of these dependencies", DiagnosticSeverity.Error, Scheduling);

        /// <summary>TPM2002: a task without effort, duration or estimate.</summary>
        public static readonly DiagnosticDescriptor NoWork = new DiagnosticDescriptor(
            "TPM2002", nameof(NoWork), "Task without work", "task '{0}' has neither effort, duration nor estimate; add one (e.g. 'duration 5d')", DiagnosticSeverity.Error, Scheduling);

        /// <summary>TPM2003: effort with nobody assigned.</summary>
        public static readonly DiagnosticDescriptor EffortWithoutAssignee = new DiagnosticDescriptor(
            "TPM2003", nameof(EffortWithoutAssignee), "Effort with no assignee", "task '{0}' has effort {1} but nobody assigned, so it is taken as a duration of {2}; assign someone or use 'duration'", DiagnosticSeverity.Warning, Scheduling);

        /// <summary>TPM2004: a task whose assignees never work on the same day.</summary>
        public static readonly DiagnosticDescriptor NoWorkingDays = new DiagnosticDescriptor(
            "TPM2004", nameof(NoWorkingDays), "No working days", "{0}", DiagnosticSeverity.Error, Scheduling);

        /// <summary>TPM2005: the schedule runs past the last representable date.</summary>
        public static readonly DiagnosticDescriptor OutOfCalendarRange = new DiagnosticDescriptor(
            "TPM2005", nameof(OutOfCalendarRange), "Schedule beyond the calendar range", "{0}", DiagnosticSeverity.Error, Scheduling);

        /// <summary>TPM2006: a cost or amount too large to compute exactly.</summary>
        public static readonly DiagnosticDescriptor AmountOutOfRange = new DiagnosticDescriptor(
            "TPM2006", nameof(AmountOutOfRange), "Amount out of range", "{0}", DiagnosticSeverity.Error, Scheduling);

        /// <summary>TPM2007: a search or simulation stopped by its work budget before it was complete.</summary>
        public static readonly DiagnosticDescriptor WorkBudgetExhausted = new DiagnosticDescriptor(
            "TPM2007", nameof(WorkBudgetExhausted), "Work budget exhausted", "{0}", DiagnosticSeverity.Warning, Scheduling);

        /// <summary>TPM2101: resource over-allocation, reported when leveling is off.</summary>
        public static readonly DiagnosticDescriptor OverAllocation = new DiagnosticDescriptor(
            "TPM2101", nameof(OverAllocation), "Over-allocation", "{0}", DiagnosticSeverity.Warning, Resources);

        /// <summary>TPM2103: a person or pool booked over its capacity on some days by programs of a portfolio not leveled together.</summary>
        public static readonly DiagnosticDescriptor CrossProgramOverAllocation = new DiagnosticDescriptor(
            "TPM2103", nameof(CrossProgramOverAllocation), "Over-allocation across programs", "{0}", DiagnosticSeverity.Warning, Portfolios);

        /// <summary>TPM2104: programs that share a declared person or pool, with no portfolio naming them.</summary>
        public static readonly DiagnosticDescriptor SharedWithoutPortfolio = new DiagnosticDescriptor(
            "TPM2104", nameof(SharedWithoutPortfolio), "Shared without a portfolio", "{0}", DiagnosticSeverity.Warning, Portfolios);

        /// <summary>TPM2102: a task needs more of a resource than exists.</summary>
        public static readonly DiagnosticDescriptor InfeasibleDemand = new DiagnosticDescriptor(
            "TPM2102", nameof(InfeasibleDemand), "Infeasible demand", "{0}", DiagnosticSeverity.Error, Resources);

        /// <summary>TPM2201: a task or milestone finishes after its due date.</summary>
        public static readonly DiagnosticDescriptor DueDateMissed = new DiagnosticDescriptor(
            "TPM2201", nameof(DueDateMissed), "Due date missed", "{0} '{1}' finishes on {2}, {3} after its due date {4}", DiagnosticSeverity.Warning, Deadlines);

        /// <summary>TPM2202: the program finishes after its deadline.</summary>
        public static readonly DiagnosticDescriptor DeadlineMissed = new DiagnosticDescriptor(
            "TPM2202", nameof(DeadlineMissed), "Deadline missed", "program '{0}' finishes on {1}, {2} after its deadline {3}; critical path: {4}", DiagnosticSeverity.Error, Deadlines);

        /// <summary>TPM2203: a milestone finishes past its baseline date by more than the baseline tolerance.</summary>
        public static readonly DiagnosticDescriptor MilestoneSlipped = new DiagnosticDescriptor(
            "TPM2203", nameof(MilestoneSlipped), "Milestone slipped past its baseline", "{0}", DiagnosticSeverity.Warning, Baselines);

        /// <summary>TPM2204: tasks and milestones added to or removed from the plan since its baseline.</summary>
        public static readonly DiagnosticDescriptor BaselineChanged = new DiagnosticDescriptor(
            "TPM2204", nameof(BaselineChanged), "Plan changed since its baseline", "{0}", DiagnosticSeverity.Info, Baselines);

        /// <summary>TPM3001: a high risk nobody owns or mitigates.</summary>
        public static readonly DiagnosticDescriptor UnmanagedRisk = new DiagnosticDescriptor(
            "TPM3001", nameof(UnmanagedRisk), "High risk without owner or mitigation", "{0}", DiagnosticSeverity.Warning, Delivery);

        /// <summary>TPM3002: an assignee lacks a required skill.</summary>
        public static readonly DiagnosticDescriptor MissingSkill = new DiagnosticDescriptor(
            "TPM3002", nameof(MissingSkill), "Assignee lacks a required skill", "{0}", DiagnosticSeverity.Warning, Delivery);

        /// <summary>TPM3003: deployment without an evaluation gate upstream.</summary>
        public static readonly DiagnosticDescriptor NoEvaluationGate = new DiagnosticDescriptor(
            "TPM3003", nameof(NoEvaluationGate), "Deployment without evaluation gate", "{0}", DiagnosticSeverity.Warning, Delivery);

        /// <summary>TPM3004: deployment without monitoring after it.</summary>
        public static readonly DiagnosticDescriptor NoMonitoring = new DiagnosticDescriptor(
            "TPM3004", nameof(NoMonitoring), "Deployment without monitoring", "{0}", DiagnosticSeverity.Warning, Delivery);

        /// <summary>TPM3005: deployment without fairness, privacy and security reviews upstream.</summary>
        public static readonly DiagnosticDescriptor MissingReview = new DiagnosticDescriptor(
            "TPM3005", nameof(MissingReview), "Deployment without responsible-AI reviews", "{0}", DiagnosticSeverity.Warning, Delivery);

        /// <summary>TPM3006: a gate metric below its target.</summary>
        public static readonly DiagnosticDescriptor GateMetricBelowTarget = new DiagnosticDescriptor(
            "TPM3006", nameof(GateMetricBelowTarget), "Gate metric below target", "{0}", DiagnosticSeverity.Info, Delivery);

        /// <summary>TPM4001: planned cost over budget.</summary>
        public static readonly DiagnosticDescriptor OverBudget = new DiagnosticDescriptor(
            "TPM4001", nameof(OverBudget), "Planned cost exceeds the budget", "{0}", DiagnosticSeverity.Warning, Budget);

        /// <summary>TPM5001 (analyzer only): a builder call names an id that the plan never defines.</summary>
        public static readonly DiagnosticDescriptor BuilderUnknownId = new DiagnosticDescriptor(
            "TPM5001", nameof(BuilderUnknownId), "Unknown id in a builder plan", "unknown {0} '{1}': the plan never defines it{2}", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5002 (analyzer only): two builder definitions of one id in one scope.</summary>
        public static readonly DiagnosticDescriptor BuilderDuplicateId = new DiagnosticDescriptor(
            "TPM5002", nameof(BuilderDuplicateId), "Duplicate id in a builder plan", "'{0}' is already defined as {1} in {2}; rename one of them", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5003 (analyzer only): a task or milestone that is after itself.</summary>
        public static readonly DiagnosticDescriptor BuilderSelfDependency = new DiagnosticDescriptor(
            "TPM5003", nameof(BuilderSelfDependency), "Task depends on itself", "{0} '{1}' depends on itself; remove this After or name the task it really waits for", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5004 (analyzer only): After calls that form a loop.</summary>
        public static readonly DiagnosticDescriptor BuilderDependencyCycle = new DiagnosticDescriptor(
            "TPM5004", nameof(BuilderDependencyCycle), "Dependency cycle in a builder plan", "dependency cycle: {0}; remove or reverse one of these After calls", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5005 (analyzer only): a builder whose plan is never built, rendered or passed on.</summary>
        public static readonly DiagnosticDescriptor BuilderResultUnused = new DiagnosticDescriptor(
            "TPM5005", nameof(BuilderResultUnused), "Builder plan never used", "{0} is set up but never used; call Build() or ToText() on it, or pass the builder on", DiagnosticSeverity.Warning, Builder);

        /// <summary>TPM5006 (analyzer only): a builder date taken from the clock.</summary>
        public static readonly DiagnosticDescriptor BuilderClockDate = new DiagnosticDescriptor(
            "TPM5006", nameof(BuilderClockDate), "Date from the clock in a builder plan", "{0} passed to {1} makes the schedule change with the day it runs; pass a fixed date such as \"2027-01-04\" or new DateTime(2027, 1, 4)", DiagnosticSeverity.Warning, Builder);

        /// <summary>TPM5007 (analyzer only): a constant builder argument the compiler would reject.</summary>
        public static readonly DiagnosticDescriptor BuilderInvalidValue = new DiagnosticDescriptor(
            "TPM5007", nameof(BuilderInvalidValue), "Invalid value in a builder plan", "{0}", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5008 (analyzer only): a task given its work twice (Effort and Duration, or either twice).</summary>
        public static readonly DiagnosticDescriptor BuilderConflictingWork = new DiagnosticDescriptor(
            "TPM5008", nameof(BuilderConflictingWork), "Conflicting work in a builder task", "task '{0}' already has {1}; keep one (effort is divided among the assignees, duration is fixed)", DiagnosticSeverity.Error, Builder);

        /// <summary>TPM5009 (analyzer only): a builder task without Effort, Duration or Estimate.</summary>
        public static readonly DiagnosticDescriptor BuilderNoWork = new DiagnosticDescriptor(
            "TPM5009", nameof(BuilderNoWork), "Builder task without work", "task '{0}' has neither Effort, Duration nor Estimate; add one (e.g. .Duration(5))", DiagnosticSeverity.Error, Builder);

        /// <summary>Every descriptor, ordered by code.</summary>
        public static IReadOnlyList<DiagnosticDescriptor> All { get; } = new[]
        {
            SyntaxError, InvalidConfiguration, UnknownReference, DuplicateDefinition, AmbiguousReference, IncludeError, WrongKind, IncludeOutsideWorkspace, InputLimitExceeded,
            MissingSetting, InvalidValue, ConflictingSetting, BaselineUnreadable, BaselineOfAnotherProgram, DependencyCycle, NoWork, EffortWithoutAssignee,
            NoWorkingDays, OutOfCalendarRange, AmountOutOfRange, WorkBudgetExhausted, OverAllocation, InfeasibleDemand,
            PortfolioEntryError, CrossProgramOverAllocation, SharedWithoutPortfolio, DueDateMissed, DeadlineMissed, MilestoneSlipped, BaselineChanged,
            UnmanagedRisk, MissingSkill, NoEvaluationGate, NoMonitoring, MissingReview, GateMetricBelowTarget, OverBudget,
            BuilderUnknownId, BuilderDuplicateId, BuilderSelfDependency, BuilderDependencyCycle, BuilderResultUnused,
            BuilderClockDate, BuilderInvalidValue, BuilderConflictingWork, BuilderNoWork,
        }.OrderBy(d => d.Code, System.StringComparer.Ordinal).ToArray();

        private static readonly Dictionary<string, DiagnosticDescriptor> ByCode = All.ToDictionary(d => d.Code, System.StringComparer.OrdinalIgnoreCase);

        /// <summary>Finds a descriptor by its code (case-insensitive).</summary>
        public static DiagnosticDescriptor? Find(string code) => ByCode.TryGetValue(code, out var d) ? d : null;
    }
}
