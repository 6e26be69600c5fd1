using System;
using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl.Syntax
{
    /// <summary>The shape of what follows a statement's keyword.</summary>
    public enum ValueShape
    {
        /// <summary>A date: <c>2027-01-04</c>.</summary>
        Date,

        /// <summary>A string in double quotes.</summary>
        Text,

        /// <summary>A number without a sign.</summary>
        Number,

        /// <summary>A number with an optional sign.</summary>
        SignedNumber,

        /// <summary>A name from an open vocabulary (<c>currency EUR</c>).</summary>
        Word,

        /// <summary>One word of <see cref="StatementInfo.AllowedWords"/>.</summary>
        Choice,

        /// <summary>A list of words of <see cref="StatementInfo.AllowedWords"/>.</summary>
        ChoiceList,

        /// <summary>A percentage or one word of <see cref="StatementInfo.AllowedWords"/> (<c>likelihood 30%</c>, <c>likelihood high</c>).</summary>
        PercentOrChoice,

        /// <summary>A list of names from an open vocabulary (<c>skills python, sql</c>).</summary>
        NameList,

        /// <summary>One reference to a definition of <see cref="StatementInfo.ExpectedKinds"/>.</summary>
        Reference,

        /// <summary>A list of references to definitions of <see cref="StatementInfo.ExpectedKinds"/>.</summary>
        ReferenceList,

        /// <summary>A duration: <c>5d</c>, <c>4h</c>, <c>2w</c>.</summary>
        Duration,

        /// <summary>Three durations: optimistic, most likely, pessimistic.</summary>
        Estimate,

        /// <summary>A percentage: <c>80%</c>.</summary>
        Percent,

        /// <summary>A rate: <c>950/d</c>, <c>120/h</c>.</summary>
        Rate,

        /// <summary>A list of weekdays and weekday ranges: <c>mon..fri</c>.</summary>
        Weekdays,

        /// <summary>A date or a date range, then an optional label: <c>2027-03-01..2027-03-05 "Spring break"</c>.</summary>
        DatedLabel,

        /// <summary>A comparison: <c>&gt;= 0.85</c>.</summary>
        Comparison,

        /// <summary>A list of dependencies: a reference, an optional type and an optional lag (<c>a fs+2d, b ss</c>).</summary>
        Dependencies,

        /// <summary>A list of assignments: a person, or <c>role</c> and a role, with an optional share (<c>ana, role de 50%</c>).</summary>
        Assignments,

        /// <summary>The word <c>skill</c> or <c>skills</c>, then a list of skill names.</summary>
        SkillList,

        /// <summary>A list of resource uses: a resource and optional units (<c>gpu 4, storage</c>).</summary>
        ResourceUses,

        /// <summary>The path of a fragment, in double quotes.</summary>
        IncludePath,

        /// <summary>A declaration: a name, an optional title and an optional body in braces.</summary>
        Declaration,

        /// <summary>A portfolio's program entry: the program file's path in double quotes, then an optional block of settings.</summary>
        ProgramEntry,
    }

    /// <summary>
    /// The allowed values of a number: bounds, whether it must be whole, and the rule as a message states it. The
    /// compiler and the builder analyzer judge values with the same range, so they agree on what is valid.
    /// </summary>
    public sealed class ValueRange
    {
        internal ValueRange(decimal minimum, bool minimumIncluded, decimal? maximum, bool wholeNumber, string rule)
        {
            Minimum = minimum;
            MinimumIncluded = minimumIncluded;
            Maximum = maximum;
            WholeNumber = wholeNumber;
            Rule = rule;
        }

        /// <summary>The lower bound.</summary>
        public decimal Minimum { get; }

        /// <summary>True when <see cref="Minimum"/> itself is allowed.</summary>
        public bool MinimumIncluded { get; }

        /// <summary>The upper bound, always included; null when there is none.</summary>
        public decimal? Maximum { get; }

        /// <summary>True when only whole numbers are allowed.</summary>
        public bool WholeNumber { get; }

        /// <summary>The rule as diagnostics state it, such as <c>priority is a whole number from 1 to 1000</c>.</summary>
        public string Rule { get; }

        /// <summary>True when <paramref name="value"/> is allowed.</summary>
        public bool Contains(decimal value) =>
            (MinimumIncluded ? value >= Minimum : value > Minimum) && !(value > Maximum) && (!WholeNumber || value == decimal.Truncate(value));

        /// <summary>True when <paramref name="value"/> is allowed; never for NaN or an infinity.</summary>
        public bool Contains(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return false;
            double min = (double)Minimum;
            return (MinimumIncluded ? value >= min : value > min) && !(Maximum is decimal max && value > (double)max) && (!WholeNumber || value == Math.Truncate(value));
        }
    }

    /// <summary>The ranges of the language's bounded numbers.</summary>
    public static class ValueRanges
    {
        /// <summary>A share of a person's time in an assignment, in percent: more than 0, at most 100.</summary>
        public static ValueRange Share { get; } = new ValueRange(0m, false, 100m, false, "a share must be more than 0% and at most 100%");

        /// <summary>A person's capacity, in percent: more than 0, at most 100.</summary>
        public static ValueRange Capacity { get; } = new ValueRange(0m, false, 100m, false, "capacity must be more than 0% and at most 100%");

        /// <summary>A task's progress, in percent: 0 to 100.</summary>
        public static ValueRange Progress { get; } = new ValueRange(0m, true, 100m, false, "progress must be between 0% and 100%");

        /// <summary>A risk's likelihood, in percent: 0 to 100.</summary>
        public static ValueRange Likelihood { get; } = new ValueRange(0m, true, 100m, false, "likelihood must be between 0% and 100%");

        /// <summary>A task's leveling priority: a whole number from 1 to 1000.</summary>
        public static ValueRange Priority { get; } = new ValueRange(1m, true, 1000m, true, "priority is a whole number from 1 to 1000");

        /// <summary>The units of a resource a task uses: a whole number, at least 1.</summary>
        public static ValueRange UsedUnits { get; } = new ValueRange(1m, true, int.MaxValue, true, "a task uses a whole number of units, at least 1");

        /// <summary>The capacity of a resource pool: a whole number of units, at least 1.</summary>
        public static ValueRange ResourceCapacity { get; } = new ValueRange(1m, true, int.MaxValue, true, "the capacity of a resource is a whole number of units, at least 1");

        /// <summary>The working hours of a day: more than 0, at most 24.</summary>
        public static ValueRange HoursPerDay { get; } = new ValueRange(0m, false, 24m, false, "hours-per-day must be more than 0 and at most 24");

        /// <summary>An amount of money or days that cannot be negative (a budget, a cost, an effort).</summary>
        public static ValueRange NonNegative { get; } = new ValueRange(0m, true, null, false, "cannot be negative");

        /// <summary>
        /// The longest lag or lead of a dependency, in working days: about 3.65 million days separate 0001-01-01 from
        /// 9999-12-31, so a longer lag can only be a mistake.
        /// </summary>
        public const int MaxLagDays = 4_000_000;
    }

    /// <summary>One statement of the language in the blocks where it means one thing: its grammar, its values and its doc.</summary>
    public sealed class StatementInfo
    {
        internal StatementInfo(
            string keyword, BlockContext[] allowedIn, bool repeats, ValueShape shape, string doc,
            DeclarationKind[]? expectedKinds = null, string[]? allowedWords = null, ValueRange? range = null,
            DeclarationKind? declares = null, string[]? itemWords = null)
        {
            // Read-only views, so no caller can change the language through a cast.
            Keyword = keyword;
            AllowedIn = Array.AsReadOnly(allowedIn);
            Repeats = repeats;
            ValueShape = shape;
            Doc = doc;
            ExpectedKinds = Array.AsReadOnly(expectedKinds ?? Array.Empty<DeclarationKind>());
            AllowedWords = Array.AsReadOnly(allowedWords ?? Array.Empty<string>());
            Range = range;
            Declares = declares;
            ItemWords = Array.AsReadOnly(itemWords ?? Array.Empty<string>());
        }

        /// <summary>The keyword that starts the statement.</summary>
        public string Keyword { get; }

        /// <summary>The blocks the statement may appear in (<see cref="BlockContext.File"/>: the top of a file or fragment).</summary>
        public IReadOnlyList<BlockContext> AllowedIn { get; }

        /// <summary>
        /// True when the statement may appear more than once in one block (lists add up, declarations declare more);
        /// false for a setting, whose repeat is TPM1103.
        /// </summary>
        public bool Repeats { get; }

        /// <summary>What follows the keyword.</summary>
        public ValueShape ValueShape { get; }

        /// <summary>
        /// The kinds of definition a reference in the statement may name, the first being the noun of its messages
        /// (<c>owner</c>: a person or a team); empty when it takes no reference. The items <c>role X</c> of
        /// <c>assign</c> name a role (<see cref="DeclarationKind.Role"/>, listed second).
        /// </summary>
        public IReadOnlyList<DeclarationKind> ExpectedKinds { get; }

        /// <summary>The words a <see cref="ValueShape.Choice"/>, <see cref="ValueShape.ChoiceList"/> or <see cref="ValueShape.PercentOrChoice"/> value may be.</summary>
        public IReadOnlyList<string> AllowedWords { get; }

        /// <summary>The range of the statement's number or percentage (or of its items' share or units), or null.</summary>
        public ValueRange? Range { get; }

        /// <summary>The kind of definition the statement declares, for a <see cref="ValueShape.Declaration"/>.</summary>
        public DeclarationKind? Declares { get; }

        /// <summary>Words with a meaning of their own inside the statement's list items (<c>role</c> in <c>assign role de</c>, <c>fs</c> in <c>after a fs</c>).</summary>
        public IReadOnlyList<string> ItemWords { get; }

        /// <summary>One line saying what the statement means.</summary>
        public string Doc { get; }

        /// <inheritdoc />
        public override string ToString() => Keyword;
    }

    /// <summary>
    /// Every statement of the <c>.tpm</c> language, once: the parser reads statements, the binder checks their values,
    /// and the builder, its analyzer and the importer write them, all from this table.
    /// </summary>
    public static class Statements
    {
        private static readonly BlockContext[] Everywhere = (BlockContext[])Enum.GetValues(typeof(BlockContext));
        private static readonly BlockContext[] ProgramLevel = { BlockContext.File, BlockContext.Program };
        private static readonly BlockContext[] WorkLevel = { BlockContext.File, BlockContext.Program, BlockContext.Workstream };
        private static readonly BlockContext[] Owned = { BlockContext.Workstream, BlockContext.Task, BlockContext.Milestone, BlockContext.Risk, BlockContext.Decision };
        private static readonly BlockContext[] Scheduled = { BlockContext.Workstream, BlockContext.Task, BlockContext.Milestone };
        private static readonly BlockContext[] TaskOrMilestone = { BlockContext.Task, BlockContext.Milestone };
        private static readonly DeclarationKind[] Work = { DeclarationKind.Task, DeclarationKind.Milestone, DeclarationKind.Workstream };
        private static readonly DeclarationKind[] PersonOnly = { DeclarationKind.Person };

        // Members a portfolio may declare for its programs to share (docs/portfolios.md).
        private static readonly BlockContext[] SharedMembers = { BlockContext.File, BlockContext.Program, BlockContext.Portfolio };

        /// <summary>The responsible-AI review kinds a task may be (<c>review</c>).</summary>
        public static IReadOnlyList<string> ReviewKinds { get; } = Array.AsReadOnly(new[] { "fairness", "privacy", "security", "safety", "legal", "compliance", "accessibility", "ethics", "explainability", "robustness" });

        /// <summary>The delivery phases of machine-learning work (<c>phase</c>).</summary>
        public static IReadOnlyList<string> Phases { get; } = Array.AsReadOnly(new[] { "feasibility", "data", "modeling", "evaluation", "deployment", "monitoring" });

        /// <summary>The words of <c>leveling</c>: <c>on</c>, then <c>off</c>.</summary>
        public static IReadOnlyList<string> LevelingModes { get; } = Array.AsReadOnly(new[] { "on", "off" });

        /// <summary>The dependency types of <c>after</c> items, finish-to-start first (the default).</summary>
        public static IReadOnlyList<string> DependencyTypes { get; } = Array.AsReadOnly(new[] { "fs", "ss", "ff", "sf" });

        private static readonly StatementInfo[] Table = Build();

        // Per block (by the context's value), its statements: a scan of a few dozen short keywords.
        private static readonly StatementInfo[][] ByBlock = Everywhere.Select(c => Table.Where(s => s.AllowedIn.Contains(c)).ToArray()).ToArray();
        private static readonly IReadOnlyList<StatementInfo>[] ByBlockReadOnly = ByBlock.Select(Array.AsReadOnly).ToArray();

        /// <summary>Every statement, in the order of the language reference.</summary>
        public static IReadOnlyList<StatementInfo> All { get; } = Array.AsReadOnly(Table);

        /// <summary>The statements allowed in <paramref name="block"/>.</summary>
        public static IReadOnlyList<StatementInfo> In(BlockContext block) => ByBlockReadOnly[(int)block];

        /// <summary>The statement <paramref name="keyword"/> starts in <paramref name="block"/>, or null when it starts none there.</summary>
        public static StatementInfo? Lookup(string keyword, BlockContext block)
        {
            foreach (var s in ByBlock[(int)block])
            {
                if (string.Equals(s.Keyword, keyword, StringComparison.Ordinal)) return s;
            }

            return null;
        }

        /// <summary>
        /// The kinds of definition a reference in statement <paramref name="keyword"/> of <paramref name="block"/> may name
        /// (see <see cref="StatementInfo.ExpectedKinds"/>); empty when the statement takes no reference or does not exist there.
        /// </summary>
        public static IReadOnlyList<DeclarationKind> ExpectedKinds(string keyword, BlockContext block) =>
            Lookup(keyword, block)?.ExpectedKinds ?? Array.Empty<DeclarationKind>();

        /// <summary>
        /// Words that begin or end list items somewhere in the language (<c>role</c>, <c>skill</c>, <c>fs</c>…): a name
        /// spelt like one of them is read as that word in a list, so generated ids avoid them.
        /// </summary>
        public static IReadOnlyCollection<string> ItemWords { get; } = new HashSet<string>(Table.SelectMany(s => s.ItemWords), StringComparer.Ordinal);

        /// <summary>The word inside <c>assign</c> that makes the next item a role (<c>assign role ml-engineer</c>).</summary>
        public static string AssignRoleWord => Lookup(Keywords.Assign, BlockContext.Task)!.ItemWords[0];

        /// <summary>The words before the skills of <c>requires</c> (<c>requires skill python</c>), the first the one written.</summary>
        public static IReadOnlyList<string> RequiresItemWords => Lookup(Keywords.Requires, BlockContext.Task)!.ItemWords;

        private static StatementInfo[] Build()
        {
            StatementInfo S(string keyword, BlockContext[] allowedIn, bool repeats, ValueShape shape, string doc,
                DeclarationKind[]? kinds = null, IReadOnlyList<string>? words = null, ValueRange? range = null, string[]? itemWords = null) =>
                new StatementInfo(keyword, allowedIn, repeats, shape, doc, kinds, words?.ToArray(), range, null, itemWords);

            StatementInfo D(DeclarationKind kind, BlockContext[] allowedIn, string doc) =>
                // The keyword is the kind's name in lower case (SyntaxFacts.KeywordOf, which a test compares).
                new StatementInfo(kind.ToString().ToLowerInvariant(), allowedIn, kind != DeclarationKind.Program && kind != DeclarationKind.Portfolio, ValueShape.Declaration, doc, declares: kind);

            var program = ProgramLevel;
            return new[]
            {
                D(DeclarationKind.Program, new[] { BlockContext.File }, "the program: one per program file, holding every other statement"),
                S(Keywords.Start, program, false, ValueShape.Date, "the program's start; required"),
                S(Keywords.Deadline, program, false, ValueShape.Date, "the date the program must finish by (TPM2202 when it finishes later)"),
                S(Keywords.StatusDate, program, false, ValueShape.Date, "the day progress is reported on, for tracking, earned value and reports"),
                S(Keywords.Currency, program, false, ValueShape.Word, "the currency of rates, costs and the budget"),
                S(Keywords.Budget, program, false, ValueShape.Number, "the money available to the program", range: ValueRanges.NonNegative),
                S(Keywords.Workdays, new[] { BlockContext.File, BlockContext.Program, BlockContext.Calendar }, false, ValueShape.Weekdays, "the working weekdays (default mon..fri)"),
                S(Keywords.Holiday, new[] { BlockContext.File, BlockContext.Program, BlockContext.Calendar }, true, ValueShape.DatedLabel, "a day or range of days off for everyone on the calendar"),
                S(Keywords.HoursPerDay, program, false, ValueShape.Number, "the working hours of a day, for h durations and hourly rates (default 8)", range: ValueRanges.HoursPerDay),
                S(Keywords.Leveling, program, false, ValueShape.Choice, "resource leveling on or off (default on)", words: LevelingModes),
                S(Keywords.Include, program, true, ValueShape.IncludePath, "reads a fragment's members into the program"),
                D(DeclarationKind.Portfolio, new[] { BlockContext.File }, "a portfolio: the programs planned together and the members they share"),
                S(Keywords.Leveling, new[] { BlockContext.Portfolio }, false, ValueShape.Choice, "level the programs together (on, default) or schedule each as it stands (off)", words: LevelingModes),
                S(Keywords.Include, new[] { BlockContext.Portfolio }, true, ValueShape.IncludePath, "reads a fragment's members, shared by every program of the portfolio"),
                S(Keywords.Program, new[] { BlockContext.Portfolio }, true, ValueShape.ProgramEntry, "a program of the portfolio: its file's path, relative to this file, then an optional block"),
                S(Keywords.Priority, new[] { BlockContext.PortfolioProgram }, false, ValueShape.Number, "the program's portfolio priority (default 500): a higher one is served first", range: ValueRanges.Priority),
                S(Keywords.Baseline, program, false, ValueShape.Text, "the frozen baseline the program is measured against: a JSON file 'tpm baseline save' wrote, relative to this file"),
                S(Keywords.BaselineTolerance, program, false, ValueShape.Duration, "the working days a milestone may finish past its baseline date before TPM2203 (default 0d)"),
                S(Keywords.Note, Everywhere, false, ValueShape.Text, "free text"),
                D(DeclarationKind.Calendar, SharedMembers, "a named working-day calendar for people and resources"),
                D(DeclarationKind.Role, SharedMembers, "a role people hold, with a rate for role assignments"),
                D(DeclarationKind.Skill, SharedMembers, "a skill (skills may also just appear on people)"),
                D(DeclarationKind.Person, SharedMembers, "a person who can be assigned work"),
                D(DeclarationKind.Team, SharedMembers, "a team: a lead and members"),
                D(DeclarationKind.Resource, SharedMembers, "a pool of whole units (GPUs, licences) that tasks use"),
                D(DeclarationKind.Stakeholder, program, "a stakeholder with a RACI role and a reporting cadence"),
                D(DeclarationKind.Metric, program, "a success metric with a target"),
                D(DeclarationKind.Workstream, WorkLevel, "a group of tasks, milestones and workstreams"),
                D(DeclarationKind.Task, WorkLevel, "a piece of work"),
                D(DeclarationKind.Milestone, WorkLevel, "a point in time reached when its predecessors finish"),
                D(DeclarationKind.Risk, program, "a risk: likelihood, impact, owner and mitigation"),
                D(DeclarationKind.Decision, program, "a decision record"),
                S(Keywords.Rate, new[] { BlockContext.Role, BlockContext.Person, BlockContext.Resource }, false, ValueShape.Rate, "the cost of a day or an hour"),
                S(Keywords.Role, new[] { BlockContext.Person }, true, ValueShape.ReferenceList, "the roles a person holds", kinds: new[] { DeclarationKind.Role }),
                S(Keywords.Skills, new[] { BlockContext.Person }, true, ValueShape.NameList, "the skills a person has"),
                S(Keywords.Capacity, new[] { BlockContext.Person }, false, ValueShape.Percent, "the part of each working day a person works (default 100%)", range: ValueRanges.Capacity),
                S(Keywords.Calendar, new[] { BlockContext.Person, BlockContext.Resource }, false, ValueShape.Reference, "the calendar followed instead of the program's", kinds: new[] { DeclarationKind.Calendar }),
                S(Keywords.Vacation, new[] { BlockContext.Person }, true, ValueShape.DatedLabel, "a day or range of days a person is away"),
                S(Keywords.Email, new[] { BlockContext.Person }, false, ValueShape.Text, "a person's email address"),
                S(Keywords.Lead, new[] { BlockContext.Team }, false, ValueShape.Reference, "the person who leads a team", kinds: PersonOnly),
                S(Keywords.Members, new[] { BlockContext.Team }, true, ValueShape.ReferenceList, "the people in a team", kinds: PersonOnly),
                S(Keywords.Capacity, new[] { BlockContext.Resource }, false, ValueShape.Number, "the whole units of a resource available each day", range: ValueRanges.ResourceCapacity),
                S(Keywords.Raci, new[] { BlockContext.Stakeholder }, false, ValueShape.Choice, "the stakeholder's RACI role",
                    words: new[] { "responsible", "accountable", "consulted", "informed" }),
                S(Keywords.Cadence, new[] { BlockContext.Stakeholder }, false, ValueShape.Choice, "how often the stakeholder hears about the program",
                    words: new[] { "daily", "weekly", "biweekly", "monthly", "quarterly" }),
                S(Keywords.Contact, new[] { BlockContext.Stakeholder }, false, ValueShape.Reference, "the person who keeps the stakeholder informed", kinds: PersonOnly),
                S(Keywords.Target, new[] { BlockContext.Metric }, false, ValueShape.Comparison, "the value the metric must reach (>= <= > < =)"),
                S(Keywords.Current, new[] { BlockContext.Metric }, false, ValueShape.SignedNumber, "the metric's latest value"),
                S(Keywords.Unit, new[] { BlockContext.Metric }, false, ValueShape.Text, "the unit the metric is measured in"),
                S(Keywords.Owner, new[] { BlockContext.Metric }, false, ValueShape.Reference, "the person who owns the metric", kinds: PersonOnly),
                S(Keywords.Owner, Owned, false, ValueShape.Reference, "the person or team who owns it", kinds: new[] { DeclarationKind.Person, DeclarationKind.Team }),
                S(Keywords.After, Scheduled, true, ValueShape.Dependencies, "predecessors: fs (default) ss ff sf, with a lag +Nd or lead -Nd", kinds: Work, itemWords: DependencyTypes.ToArray()),
                S(Keywords.Due, Scheduled, false, ValueShape.Date, "the date it must finish by (TPM2201 when it finishes later)"),
                S(Keywords.Effort, new[] { BlockContext.Task }, false, ValueShape.Duration, "person-days of work, divided over the assignees"),
                S(Keywords.Duration, new[] { BlockContext.Task }, false, ValueShape.Duration, "fixed working days, whoever is assigned"),
                S(Keywords.Estimate, new[] { BlockContext.Task }, false, ValueShape.Estimate, "a three-point estimate: optimistic, most likely, pessimistic"),
                S(Keywords.Assign, new[] { BlockContext.Task }, true, ValueShape.Assignments, "the people (or 'role X': one holder of a role) who do the work, with optional shares",
                    kinds: new[] { DeclarationKind.Person, DeclarationKind.Role }, range: ValueRanges.Share, itemWords: new[] { "role" }),
                S(Keywords.Requires, new[] { BlockContext.Task }, true, ValueShape.SkillList, "skills the assignees must have", itemWords: new[] { "skill", "skills" }),
                S(Keywords.Uses, new[] { BlockContext.Task }, true, ValueShape.ResourceUses, "units of resource pools held for the whole task (default 1)",
                    kinds: new[] { DeclarationKind.Resource }, range: ValueRanges.UsedUnits),
                S(Keywords.NotBefore, TaskOrMilestone, false, ValueShape.Date, "the earliest start"),
                S(Keywords.Priority, new[] { BlockContext.Task }, false, ValueShape.Number, "the leveling preference (default 500)", range: ValueRanges.Priority),
                S(Keywords.Review, new[] { BlockContext.Task }, true, ValueShape.ChoiceList, "the responsible-AI reviews this task is", words: ReviewKinds),
                S(Keywords.Cost, new[] { BlockContext.Task }, false, ValueShape.Number, "a fixed cost beside labour and resources", range: ValueRanges.NonNegative),
                S(Keywords.Progress, new[] { BlockContext.Task }, false, ValueShape.Percent, "the part of the work done at the status date", range: ValueRanges.Progress),
                S(Keywords.ActualStart, new[] { BlockContext.Task }, false, ValueShape.Date, "the day work actually started"),
                S(Keywords.ActualFinish, TaskOrMilestone, false, ValueShape.Date, "the day work actually finished, or a milestone was reached"),
                S(Keywords.ActualCost, new[] { BlockContext.Task }, false, ValueShape.Number, "the cost incurred so far", range: ValueRanges.NonNegative),
                S(Keywords.Phase, TaskOrMilestone, false, ValueShape.Choice, "the delivery phase of the work", words: Phases),
                S(Keywords.Gate, new[] { BlockContext.Milestone }, true, ValueShape.ReferenceList, "metrics the milestone is an evaluation gate for", kinds: new[] { DeclarationKind.Metric }),
                S(Keywords.Likelihood, new[] { BlockContext.Risk }, false, ValueShape.PercentOrChoice, "the chance the risk occurs: a percentage, or low (10%), medium (30%), high (60%)",
                    words: new[] { "low", "medium", "high" }, range: ValueRanges.Likelihood),
                S(Keywords.Impact, new[] { BlockContext.Risk }, false, ValueShape.Duration, "the delay if the risk occurs"),
                S(Keywords.Mitigation, new[] { BlockContext.Risk }, false, ValueShape.Text, "what is done about the risk"),
                S(Keywords.Affects, new[] { BlockContext.Risk, BlockContext.Decision }, true, ValueShape.ReferenceList, "the work it bears on", kinds: Work),
                S(Keywords.Status, new[] { BlockContext.Risk }, false, ValueShape.Choice, "where the risk stands", words: new[] { "open", "mitigated", "closed", "occurred" }),
                S(Keywords.Date, new[] { BlockContext.Decision }, false, ValueShape.Date, "the day the decision was made"),
                S(Keywords.Status, new[] { BlockContext.Decision }, false, ValueShape.Choice, "where the decision stands", words: new[] { "proposed", "accepted", "rejected", "superseded" }),
                S(Keywords.Rationale, new[] { BlockContext.Decision }, false, ValueShape.Text, "why the decision was made"),
            };
        }
    }
}
