using System;
using System.Collections.Generic;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>The kinds of symbols a program defines.</summary>
    public enum SymbolKind
    {
        /// <summary>The program.</summary>
        Program,

        /// <summary>A named working-day calendar.</summary>
        Calendar,

        /// <summary>A role people hold.</summary>
        Role,

        /// <summary>A skill.</summary>
        Skill,

        /// <summary>A person.</summary>
        Person,

        /// <summary>A team.</summary>
        Team,

        /// <summary>A non-human resource pool.</summary>
        Resource,

        /// <summary>A stakeholder.</summary>
        Stakeholder,

        /// <summary>A success metric.</summary>
        Metric,

        /// <summary>A workstream.</summary>
        Workstream,

        /// <summary>A task.</summary>
        Task,

        /// <summary>A milestone.</summary>
        Milestone,

        /// <summary>A risk.</summary>
        Risk,

        /// <summary>A decision.</summary>
        Decision,
    }

    /// <summary>Base of every named definition.</summary>
    public abstract class Symbol
    {
        /// <summary>Creates a symbol.</summary>
        protected Symbol(SymbolKind kind, string name, string? title, SourceLocation location, WorkstreamSymbol? container)
        {
            Kind = kind;
            Name = name;
            Title = title;
            Location = location;
            Container = container;
        }

        /// <summary>What it is.</summary>
        public SymbolKind Kind { get; }

        /// <summary>The identifier as declared.</summary>
        public string Name { get; }

        private string? _id;

        /// <summary>The qualified reference, e.g. <c>data.eda</c>.</summary>
        /// <remarks>
        /// Built on first use by walking the containers (no recursion), so deeply nested workstreams do not cost
        /// memory quadratic in their depth unless every id is asked for.
        /// </remarks>
        public string Id => _id ??= BuildId();

        private string BuildId()
        {
            if (Container is null) return Name;
            var names = new List<string>();
            for (Symbol? s = this; s != null; s = s.Container) names.Add(s.Name);
            names.Reverse();
            return string.Join(".", names);
        }

        /// <summary>The display name, if given.</summary>
        public string? Title { get; }

        /// <summary>The display name or, without one, the id.</summary>
        public string DisplayName => Title ?? Id;

        /// <summary>Where the name is declared.</summary>
        public SourceLocation Location { get; }

        /// <summary>The enclosing workstream, if any.</summary>
        public WorkstreamSymbol? Container { get; }

        /// <summary>A free-text note.</summary>
        public string? Note { get; internal set; }

        /// <summary>The word used for this kind in messages ("task", "person").</summary>
        public static string KindWord(SymbolKind kind) => kind.ToString().ToLowerInvariant();

        /// <summary>"task 'data.eda'".</summary>
        public string Describe() => KindWord(Kind) + " '" + Id + "'";

        /// <inheritdoc />
        public override string ToString() => Describe();
    }

    /// <summary>The weekdays a calendar works.</summary>
    public sealed class WeekdaySet
    {
        private readonly bool[] _days;

        /// <summary>Creates a set from flags indexed by <see cref="DayOfWeek"/>.</summary>
        public WeekdaySet(IEnumerable<DayOfWeek> days)
        {
            _days = new bool[7];
            foreach (var d in days) _days[(int)d] = true;
        }

        /// <summary>Monday to Friday.</summary>
        public static WeekdaySet MondayToFriday { get; } = new WeekdaySet(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday });

        /// <summary>True when the day is a workday.</summary>
        public bool Contains(DayOfWeek day) => _days[(int)day];

        /// <summary>Number of workdays in a week.</summary>
        public int Count
        {
            get
            {
                int n = 0;
                foreach (var d in _days) if (d) n++;
                return n;
            }
        }

        /// <summary>The days in the set, Monday first.</summary>
        public IEnumerable<DayOfWeek> Days
        {
            get
            {
                for (int i = 1; i <= 7; i++)
                {
                    if (_days[i % 7]) yield return (DayOfWeek)(i % 7);
                }
            }
        }

        /// <summary>The days in both sets.</summary>
        public WeekdaySet Intersect(WeekdaySet other)
        {
            var days = new List<DayOfWeek>();
            for (int i = 0; i < 7; i++) if (_days[i] && other._days[i]) days.Add((DayOfWeek)i);
            return new WeekdaySet(days);
        }

        /// <summary>A bit mask (bit i = <see cref="DayOfWeek"/> i).</summary>
        public int Mask
        {
            get
            {
                int m = 0;
                for (int i = 0; i < 7; i++) if (_days[i]) m |= 1 << i;
                return m;
            }
        }

        /// <inheritdoc />
        public override string ToString() => string.Join(",", Days);
    }

    /// <summary>A non-working date range with an optional name (a holiday or a vacation).</summary>
    public sealed class DayOff
    {
        /// <summary>Creates a day off.</summary>
        public DayOff(DateRange range, string? name, SourceLocation location)
        {
            Range = range;
            Name = name;
            Location = location;
        }

        /// <summary>The days.</summary>
        public DateRange Range { get; }

        /// <summary>The label, if any.</summary>
        public string? Name { get; }

        /// <summary>Where it is declared.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>A working-day calendar: the program's, or a named one for people and resources.</summary>
    public sealed class CalendarSymbol : Symbol
    {
        internal CalendarSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Calendar, name, title, location, null) { }

        /// <summary>The working weekdays (default Monday to Friday).</summary>
        public WeekdaySet Workdays { get; internal set; } = WeekdaySet.MondayToFriday;

        /// <summary>The holidays.</summary>
        public IReadOnlyList<DayOff> Holidays { get; internal set; } = Array.Empty<DayOff>();
    }

    /// <summary>A role.</summary>
    public sealed class RoleSymbol : Symbol
    {
        internal RoleSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Role, name, title, location, null) { }

        /// <summary>A default daily rate for people in the role, if given.</summary>
        public Rate? Rate { get; internal set; }
    }

    /// <summary>A declared skill.</summary>
    public sealed class SkillSymbol : Symbol
    {
        internal SkillSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Skill, name, title, location, null) { }
    }

    /// <summary>An amount of money per unit of time.</summary>
    public readonly struct Rate
    {
        /// <summary>Creates a rate.</summary>
        public Rate(decimal amount, DurationUnit per)
        {
            Amount = amount;
            Per = per;
        }

        /// <summary>The amount.</summary>
        public decimal Amount { get; }

        /// <summary>Per hour, day or week.</summary>
        public DurationUnit Per { get; }

        /// <summary>The rate per working day.</summary>
        public decimal PerDay(decimal hoursPerDay) => Per switch
        {
            DurationUnit.Hours => Amount * hoursPerDay,
            DurationUnit.Weeks => Amount / 5m,
            _ => Amount,
        };

        /// <summary>The rate per hour.</summary>
        public decimal PerHour(decimal hoursPerDay) => hoursPerDay == 0 ? 0 : PerDay(hoursPerDay) / hoursPerDay;
    }

    /// <summary>A person.</summary>
    public sealed class PersonSymbol : Symbol
    {
        internal PersonSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Person, name, title, location, null) { }

        /// <summary>The roles held.</summary>
        public IReadOnlyList<RoleSymbol> Roles { get; internal set; } = Array.Empty<RoleSymbol>();

        /// <summary>The skills, as written.</summary>
        public IReadOnlyList<string> Skills { get; internal set; } = Array.Empty<string>();

        /// <summary>The part of each working day they work, 0–1 (default 1).</summary>
        public decimal Capacity { get; internal set; } = 1m;

        /// <summary>The rate, if given.</summary>
        public Rate? Rate { get; internal set; }

        /// <summary>The calendar, or null for the program's.</summary>
        public CalendarSymbol? Calendar { get; internal set; }

        /// <summary>Vacations.</summary>
        public IReadOnlyList<DayOff> Vacations { get; internal set; } = Array.Empty<DayOff>();

        /// <summary>E-mail address, if given.</summary>
        public string? Email { get; internal set; }
    }

    /// <summary>A team.</summary>
    public sealed class TeamSymbol : Symbol
    {
        internal TeamSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Team, name, title, location, null) { }

        /// <summary>The lead.</summary>
        public PersonSymbol? Lead { get; internal set; }

        /// <summary>The members.</summary>
        public IReadOnlyList<PersonSymbol> Members { get; internal set; } = Array.Empty<PersonSymbol>();
    }

    /// <summary>A non-human resource pool with integer capacity (GPUs, slots).</summary>
    public sealed class ResourceSymbol : Symbol
    {
        internal ResourceSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Resource, name, title, location, null) { }

        /// <summary>Units available on each working day (default 1).</summary>
        public int Capacity { get; internal set; } = 1;

        /// <summary>The rate per unit, if given.</summary>
        public Rate? Rate { get; internal set; }

        /// <summary>The calendar, or null for the program's.</summary>
        public CalendarSymbol? Calendar { get; internal set; }
    }

    /// <summary>RACI roles of stakeholders.</summary>
    public enum Raci
    {
        /// <summary>Not given.</summary>
        None,

        /// <summary>Does the work.</summary>
        Responsible,

        /// <summary>Answers for it.</summary>
        Accountable,

        /// <summary>Is asked.</summary>
        Consulted,

        /// <summary>Is told.</summary>
        Informed,
    }

    /// <summary>A stakeholder.</summary>
    public sealed class StakeholderSymbol : Symbol
    {
        internal StakeholderSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Stakeholder, name, title, location, null) { }

        /// <summary>RACI role.</summary>
        public Raci Raci { get; internal set; }

        /// <summary>Reporting cadence (daily, weekly, biweekly, monthly, quarterly).</summary>
        public string? Cadence { get; internal set; }

        /// <summary>The contact person, if given.</summary>
        public PersonSymbol? Contact { get; internal set; }
    }

    /// <summary>A metric target: an operator and a value.</summary>
    public sealed class MetricTarget
    {
        /// <summary>Creates a target.</summary>
        public MetricTarget(string op, decimal value)
        {
            Operator = op;
            Value = value;
        }

        /// <summary>&gt;=, &lt;=, &gt;, &lt; or =.</summary>
        public string Operator { get; }

        /// <summary>The value.</summary>
        public decimal Value { get; }

        /// <summary>True when <paramref name="actual"/> meets the target.</summary>
        public bool IsMetBy(decimal actual) => Operator switch
        {
            ">=" => actual >= Value,
            "<=" => actual <= Value,
            ">" => actual > Value,
            "<" => actual < Value,
            _ => actual == Value,
        };

        /// <inheritdoc />
        public override string ToString() => Operator + " " + Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A success metric.</summary>
    public sealed class MetricSymbol : Symbol
    {
        internal MetricSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Metric, name, title, location, null) { }

        /// <summary>The target.</summary>
        public MetricTarget? Target { get; internal set; }

        /// <summary>The current value.</summary>
        public decimal? Current { get; internal set; }

        /// <summary>The unit, if given.</summary>
        public string? Unit { get; internal set; }

        /// <summary>The owner.</summary>
        public PersonSymbol? Owner { get; internal set; }
    }

    /// <summary>Dependency types.</summary>
    public enum DependencyType
    {
        /// <summary>Finish to start: S ≥ F(pred) + lag.</summary>
        FinishToStart,

        /// <summary>Start to start: S ≥ S(pred) + lag.</summary>
        StartToStart,

        /// <summary>Finish to finish: F ≥ F(pred) + lag.</summary>
        FinishToFinish,

        /// <summary>Start to finish: F ≥ S(pred) + lag.</summary>
        StartToFinish,
    }

    /// <summary>A dependency of a task, milestone or workstream on a task, milestone or workstream.</summary>
    public sealed class Dependency
    {
        /// <summary>Creates a dependency.</summary>
        public Dependency(Symbol target, DependencyType type, int lagDays, SourceLocation location)
        {
            Target = target;
            Type = type;
            LagDays = lagDays;
            Location = location;
        }

        /// <summary>A task, milestone or workstream.</summary>
        public Symbol Target { get; }

        /// <summary>The type.</summary>
        public DependencyType Type { get; }

        /// <summary>Lag in program working days (negative for a lead).</summary>
        public int LagDays { get; }

        /// <summary>Where the dependency is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>The short name of a type: fs, ss, ff, sf.</summary>
        public static string ShortName(DependencyType type) => type switch
        {
            DependencyType.StartToStart => "ss",
            DependencyType.FinishToFinish => "ff",
            DependencyType.StartToFinish => "sf",
            _ => "fs",
        };
    }

    /// <summary>A workstream: a group of tasks, milestones and other workstreams.</summary>
    public sealed class WorkstreamSymbol : Symbol
    {
        internal WorkstreamSymbol(string name, string? title, SourceLocation location, WorkstreamSymbol? container)
            : base(SymbolKind.Workstream, name, title, location, container) { }

        /// <summary>The owner (a person or a team).</summary>
        public Symbol? Owner { get; internal set; }

        /// <summary>Dependencies of every task in the workstream.</summary>
        public IReadOnlyList<Dependency> Dependencies { get; internal set; } = Array.Empty<Dependency>();

        /// <summary>The date by which all of it should be done.</summary>
        public CalendarDate? Due { get; internal set; }

        /// <summary>Where <see cref="Due"/> is written.</summary>
        public SourceLocation? DueLocation { get; internal set; }

        /// <summary>Direct children, in declaration order.</summary>
        public IReadOnlyList<Symbol> Children => ChildList;

        internal List<Symbol> ChildList { get; } = new List<Symbol>();

        /// <summary>The workstream's scope: its direct members by name.</summary>
        internal Dictionary<string, Symbol> Members { get; } = new Dictionary<string, Symbol>(StringComparer.Ordinal);

        /// <summary>Position among all workstreams, in declaration order.</summary>
        internal int Index { get; set; }

        /// <summary>Nesting depth (0 for a top-level workstream).</summary>
        public int Depth { get; internal set; }
    }

    /// <summary>ML delivery phases.</summary>
    public enum Phase
    {
        /// <summary>Not given.</summary>
        None,

        /// <summary>Feasibility.</summary>
        Feasibility,

        /// <summary>Data.</summary>
        Data,

        /// <summary>Modeling.</summary>
        Modeling,

        /// <summary>Evaluation.</summary>
        Evaluation,

        /// <summary>Deployment.</summary>
        Deployment,

        /// <summary>Monitoring.</summary>
        Monitoring,
    }

    /// <summary>How the amount of work of a task is given.</summary>
    public enum WorkKind
    {
        /// <summary>Nothing given (TPM2002), or a milestone.</summary>
        None,

        /// <summary><c>effort</c>: person-days divided over the assignees.</summary>
        Effort,

        /// <summary><c>duration</c>: fixed working days.</summary>
        Duration,

        /// <summary><c>estimate</c> alone: the most likely value, as effort when assigned, else as duration.</summary>
        Estimate,
    }

    /// <summary>A three-point estimate in working days.</summary>
    public readonly struct ThreePointEstimate
    {
        /// <summary>Creates an estimate.</summary>
        public ThreePointEstimate(decimal optimistic, decimal mostLikely, decimal pessimistic)
        {
            Optimistic = optimistic;
            MostLikely = mostLikely;
            Pessimistic = pessimistic;
        }

        /// <summary>Optimistic.</summary>
        public decimal Optimistic { get; }

        /// <summary>Most likely.</summary>
        public decimal MostLikely { get; }

        /// <summary>Pessimistic.</summary>
        public decimal Pessimistic { get; }
    }

    /// <summary>A person assigned to a task with a share of their time.</summary>
    public sealed class Assignment
    {
        /// <summary>Creates an assignment.</summary>
        public Assignment(PersonSymbol person, decimal share, SourceLocation location)
        {
            Person = person;
            Share = share;
            Location = location;
        }

        /// <summary>The person.</summary>
        public PersonSymbol Person { get; }

        /// <summary>The share of the person, 0–1.</summary>
        public decimal Share { get; }

        /// <summary>Where it is written.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>A role assignment: one person holding the role, chosen by the scheduler.</summary>
    public sealed class RoleAssignment
    {
        /// <summary>Creates a role assignment.</summary>
        public RoleAssignment(RoleSymbol role, decimal share, SourceLocation location)
        {
            Role = role;
            Share = share;
            Location = location;
        }

        /// <summary>The role.</summary>
        public RoleSymbol Role { get; }

        /// <summary>The share, 0–1.</summary>
        public decimal Share { get; }

        /// <summary>Where it is written.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>Units of a resource held for the whole task.</summary>
    public sealed class ResourceUse
    {
        /// <summary>Creates a resource use.</summary>
        public ResourceUse(ResourceSymbol resource, int units, SourceLocation location)
        {
            Resource = resource;
            Units = units;
            Location = location;
        }

        /// <summary>The resource.</summary>
        public ResourceSymbol Resource { get; }

        /// <summary>The units.</summary>
        public int Units { get; }

        /// <summary>Where it is written.</summary>
        public SourceLocation Location { get; }
    }

    /// <summary>A task or a milestone.</summary>
    public sealed class TaskSymbol : Symbol
    {
        internal TaskSymbol(SymbolKind kind, string name, string? title, SourceLocation location, WorkstreamSymbol? container, int index)
            : base(kind, name, title, location, container) => Index = index;

        // Settings most tasks do not have live in a separate object made on first use: the model of a large plan
        // then holds a small object per task.
        private TaskDetails? _details;

        private TaskDetails Details => _details ??= new TaskDetails();

        private sealed class TaskDetails
        {
            public IReadOnlyList<RoleAssignment>? RoleAssignments { get; set; }
            public IReadOnlyList<ResourceUse>? ResourceUses { get; set; }
            public CalendarDate? NotBefore { get; set; }
            public CalendarDate? Due { get; set; }
            public SourceLocation? DueLocation { get; set; }
            public IReadOnlyList<string>? Reviews { get; set; }
            public decimal? Cost { get; set; }
            public decimal? Progress { get; set; }
            public CalendarDate? ActualStart { get; set; }
            public CalendarDate? ActualFinish { get; set; }
            public decimal? ActualCost { get; set; }
            public Symbol? Owner { get; set; }
            public IReadOnlyList<MetricSymbol>? Gates { get; set; }
            public IReadOnlyList<SourceLocation>? GateLocations { get; set; }
        }

        /// <summary>Position among all tasks and milestones, in declaration order.</summary>
        public int Index { get; }

        /// <summary>True for a milestone.</summary>
        public bool IsMilestone => Kind == SymbolKind.Milestone;

        /// <summary>How the work is given.</summary>
        public WorkKind WorkKind { get; internal set; }

        /// <summary>Effort in person-days, if given.</summary>
        public decimal? Effort { get; internal set; }

        /// <summary>Duration in working days, if given.</summary>
        public decimal? Duration { get; internal set; }

        /// <summary>The three-point estimate in days, if given.</summary>
        public ThreePointEstimate? Estimate { get; internal set; }

        /// <summary>Where the work (effort, duration or estimate) is written.</summary>
        public SourceLocation? WorkLocation { get; internal set; }

        /// <summary>People assigned.</summary>
        public IReadOnlyList<Assignment> Assignments { get; internal set; } = Array.Empty<Assignment>();

        /// <summary>Roles assigned (each resolved to one person by the scheduler).</summary>
        public IReadOnlyList<RoleAssignment> RoleAssignments
        {
            get => _details?.RoleAssignments ?? Array.Empty<RoleAssignment>();
            internal set => Details.RoleAssignments = value;
        }

        /// <summary>Dependencies.</summary>
        public IReadOnlyList<Dependency> Dependencies { get; internal set; } = Array.Empty<Dependency>();

        /// <summary>Skills the assignees must have.</summary>
        public IReadOnlyList<string> RequiredSkills { get; internal set; } = Array.Empty<string>();

        /// <summary>Resources held.</summary>
        public IReadOnlyList<ResourceUse> ResourceUses
        {
            get => _details?.ResourceUses ?? Array.Empty<ResourceUse>();
            internal set => Details.ResourceUses = value;
        }

        /// <summary>Earliest start date.</summary>
        public CalendarDate? NotBefore
        {
            get => _details?.NotBefore;
            internal set => Details.NotBefore = value;
        }

        /// <summary>Due date.</summary>
        public CalendarDate? Due
        {
            get => _details?.Due;
            internal set => Details.Due = value;
        }

        /// <summary>Where <see cref="Due"/> is written.</summary>
        public SourceLocation? DueLocation
        {
            get => _details?.DueLocation;
            internal set => Details.DueLocation = value;
        }

        /// <summary>Leveling priority 1–1000 (default 500).</summary>
        public int Priority { get; internal set; } = 500;

        /// <summary>Responsible-AI review kinds this task performs.</summary>
        public IReadOnlyList<string> Reviews
        {
            get => _details?.Reviews ?? Array.Empty<string>();
            internal set => Details.Reviews = value;
        }

        /// <summary>Fixed cost.</summary>
        public decimal? Cost
        {
            get => _details?.Cost;
            internal set => Details.Cost = value;
        }

        /// <summary>Progress 0–1.</summary>
        public decimal? Progress
        {
            get => _details?.Progress;
            internal set => Details.Progress = value;
        }

        /// <summary>Actual start.</summary>
        public CalendarDate? ActualStart
        {
            get => _details?.ActualStart;
            internal set => Details.ActualStart = value;
        }

        /// <summary>Actual finish.</summary>
        public CalendarDate? ActualFinish
        {
            get => _details?.ActualFinish;
            internal set => Details.ActualFinish = value;
        }

        /// <summary>Actual cost.</summary>
        public decimal? ActualCost
        {
            get => _details?.ActualCost;
            internal set => Details.ActualCost = value;
        }

        /// <summary>ML delivery phase.</summary>
        public Phase Phase { get; internal set; }

        /// <summary>Owner (a person or a team).</summary>
        public Symbol? Owner
        {
            get => _details?.Owner;
            internal set => Details.Owner = value;
        }

        /// <summary>Metrics that must meet their targets at this milestone.</summary>
        public IReadOnlyList<MetricSymbol> Gates
        {
            get => _details?.Gates ?? Array.Empty<MetricSymbol>();
            internal set => Details.Gates = value;
        }

        /// <summary>Where each of <see cref="Gates"/> is named (same order).</summary>
        public IReadOnlyList<SourceLocation> GateLocations
        {
            get => _details?.GateLocations ?? Array.Empty<SourceLocation>();
            internal set => Details.GateLocations = value;
        }
    }

    /// <summary>Risk states.</summary>
    public enum RiskStatus
    {
        /// <summary>Open.</summary>
        Open,

        /// <summary>Mitigated.</summary>
        Mitigated,

        /// <summary>Closed.</summary>
        Closed,

        /// <summary>It happened.</summary>
        Occurred,
    }

    /// <summary>A risk.</summary>
    public sealed class RiskSymbol : Symbol
    {
        internal RiskSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Risk, name, title, location, null) { }

        /// <summary>Likelihood 0–1.</summary>
        public decimal Likelihood { get; internal set; }

        /// <summary>Schedule delay in working days if it occurs.</summary>
        public decimal ImpactDays { get; internal set; }

        /// <summary>Owner.</summary>
        public Symbol? Owner { get; internal set; }

        /// <summary>Mitigation.</summary>
        public string? Mitigation { get; internal set; }

        /// <summary>Affected tasks, milestones or workstreams.</summary>
        public IReadOnlyList<Symbol> Affects { get; internal set; } = Array.Empty<Symbol>();

        /// <summary>Status.</summary>
        public RiskStatus Status { get; internal set; }
    }

    /// <summary>Decision states.</summary>
    public enum DecisionStatus
    {
        /// <summary>Proposed.</summary>
        Proposed,

        /// <summary>Accepted.</summary>
        Accepted,

        /// <summary>Rejected.</summary>
        Rejected,

        /// <summary>Superseded.</summary>
        Superseded,
    }

    /// <summary>A decision in the decision log.</summary>
    public sealed class DecisionSymbol : Symbol
    {
        internal DecisionSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Decision, name, title, location, null) { }

        /// <summary>Date.</summary>
        public CalendarDate? Date { get; internal set; }

        /// <summary>Owner.</summary>
        public Symbol? Owner { get; internal set; }

        /// <summary>Status.</summary>
        public DecisionStatus Status { get; internal set; }

        /// <summary>Rationale.</summary>
        public string? Rationale { get; internal set; }

        /// <summary>What it affects.</summary>
        public IReadOnlyList<Symbol> Affects { get; internal set; } = Array.Empty<Symbol>();
    }

    /// <summary>The bound program: every definition, resolved and checked.</summary>
    public sealed class ProgramSymbol : Symbol
    {
        internal ProgramSymbol(string name, string? title, SourceLocation location) : base(SymbolKind.Program, name, title, location, null)
        {
            Calendar = new CalendarSymbol(name, title, location);
        }

        /// <summary>Start date (required; see <see cref="HasStart"/>).</summary>
        public CalendarDate Start { get; internal set; }

        /// <summary>False when the program gives no valid <c>start</c> (TPM1101 or TPM1102 was reported).</summary>
        public bool HasStart { get; internal set; }

        /// <summary>Deadline.</summary>
        public CalendarDate? Deadline { get; internal set; }

        /// <summary>Where the deadline is written.</summary>
        public SourceLocation? DeadlineLocation { get; internal set; }

        /// <summary>The status date ("today" for progress).</summary>
        public CalendarDate? StatusDate { get; internal set; }

        /// <summary>Currency code.</summary>
        public string? Currency { get; internal set; }

        /// <summary>Budget.</summary>
        public decimal? Budget { get; internal set; }

        /// <summary>Where the budget is written.</summary>
        public SourceLocation? BudgetLocation { get; internal set; }

        /// <summary>
        /// The path of the frozen baseline the program names (<c>baseline "program.baseline.q1.json"</c>), resolved
        /// against the file that names it (<see cref="BaselineLocation"/>) as an include is; null when it names none.
        /// </summary>
        public string? BaselinePath { get; internal set; }

        /// <summary>Where the baseline's path is written (the string of the <c>baseline</c> statement).</summary>
        public SourceLocation? BaselineLocation { get; internal set; }

        /// <summary>
        /// The working days a milestone may finish past its baseline date before TPM2203 (<c>baseline-tolerance</c>):
        /// <see cref="DefaultBaselineToleranceDays"/> unless set.
        /// </summary>
        public decimal BaselineToleranceDays { get; internal set; } = DefaultBaselineToleranceDays;

        /// <summary>The default <c>baseline-tolerance</c>: 0, so any slip of a milestone past its baseline date is reported.</summary>
        public const decimal DefaultBaselineToleranceDays = 0m;

        /// <summary>Hours in a working day (default 8).</summary>
        public decimal HoursPerDay { get; internal set; } = 8m;

        /// <summary>Whether resource leveling is asked for (default on).</summary>
        public bool Leveling { get; internal set; } = true;

        /// <summary>The program calendar (workdays and holidays).</summary>
        public CalendarSymbol Calendar { get; }

        /// <summary>Named calendars.</summary>
        public IReadOnlyList<CalendarSymbol> Calendars => CalendarList;

        /// <summary>Roles.</summary>
        public IReadOnlyList<RoleSymbol> Roles => RoleList;

        /// <summary>Declared skills.</summary>
        public IReadOnlyList<SkillSymbol> Skills => SkillList;

        /// <summary>People.</summary>
        public IReadOnlyList<PersonSymbol> People => PersonList;

        /// <summary>Teams.</summary>
        public IReadOnlyList<TeamSymbol> Teams => TeamList;

        /// <summary>Resource pools.</summary>
        public IReadOnlyList<ResourceSymbol> Resources => ResourceList;

        /// <summary>Stakeholders.</summary>
        public IReadOnlyList<StakeholderSymbol> Stakeholders => StakeholderList;

        /// <summary>Metrics.</summary>
        public IReadOnlyList<MetricSymbol> Metrics => MetricList;

        /// <summary>All workstreams, outer before inner, in declaration order.</summary>
        public IReadOnlyList<WorkstreamSymbol> Workstreams => WorkstreamList;

        /// <summary>All tasks and milestones, in declaration order.</summary>
        public IReadOnlyList<TaskSymbol> Tasks => TaskList;

        /// <summary>Risks.</summary>
        public IReadOnlyList<RiskSymbol> Risks => RiskList;

        /// <summary>Decisions.</summary>
        public IReadOnlyList<DecisionSymbol> Decisions => DecisionList;

        /// <summary>Top-level tasks, milestones and workstreams, in declaration order.</summary>
        public IReadOnlyList<Symbol> Children => ChildList;

        internal List<CalendarSymbol> CalendarList { get; } = new List<CalendarSymbol>();
        internal List<RoleSymbol> RoleList { get; } = new List<RoleSymbol>();
        internal List<SkillSymbol> SkillList { get; } = new List<SkillSymbol>();
        internal List<PersonSymbol> PersonList { get; } = new List<PersonSymbol>();
        internal List<TeamSymbol> TeamList { get; } = new List<TeamSymbol>();
        internal List<ResourceSymbol> ResourceList { get; } = new List<ResourceSymbol>();
        internal List<StakeholderSymbol> StakeholderList { get; } = new List<StakeholderSymbol>();
        internal List<MetricSymbol> MetricList { get; } = new List<MetricSymbol>();
        internal List<WorkstreamSymbol> WorkstreamList { get; } = new List<WorkstreamSymbol>();
        internal List<TaskSymbol> TaskList { get; } = new List<TaskSymbol>();
        internal List<RiskSymbol> RiskList { get; } = new List<RiskSymbol>();
        internal List<DecisionSymbol> DecisionList { get; } = new List<DecisionSymbol>();
        internal List<Symbol> ChildList { get; } = new List<Symbol>();

        /// <summary>Converts a duration to working days through <see cref="HoursPerDay"/>.</summary>
        public decimal ToDays(decimal amount, DurationUnit unit) => unit switch
        {
            DurationUnit.Hours => HoursPerDay == 0 ? 0 : amount / HoursPerDay,
            DurationUnit.Weeks => amount * 5m,
            _ => amount,
        };
    }
}
