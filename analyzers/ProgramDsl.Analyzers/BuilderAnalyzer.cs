using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using ProgramDsl.Semantics;
using BlockContext = ProgramDsl.Syntax.BlockContext;
using Statements = ProgramDsl.Syntax.Statements;
using SyntaxFacts = ProgramDsl.Syntax.SyntaxFacts;
using ValueRange = ProgramDsl.Syntax.ValueRange;
using ValueRanges = ProgramDsl.Syntax.ValueRanges;
using ProgramDsl.Scheduling.Graphs;
using Catalog = ProgramDsl.Diagnostics.DiagnosticCatalog;
using TpmDiagnostic = ProgramDsl.Diagnostics.Diagnostic;

namespace ProgramDsl.Analyzers
{
    /// <summary>
    /// Rules for the plan builder API (<c>ProgramDsl.Building</c>), judged from constant arguments: invalid values and
    /// dates from the clock on any builder call (TPM5006, TPM5007), and, for a plan whose every call the analysis can
    /// see (one chain from <c>Plan.Program</c>, or a local configured in straight-line statements of one block, with
    /// the configure lambdas), unknown and duplicate ids, self-dependencies, dependency cycles, unused builders and
    /// task work problems (TPM5001–TPM5005, TPM5008, TPM5009). It stays quiet whenever part of the plan is hidden.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BuilderAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The diagnostic property holding the "did you mean" id of TPM5001, for the code fix.</summary>
        public const string SuggestionProperty = "Suggestion";

        private const string BuildingNamespace = "ProgramDsl.Building";

        // What each reference may name, from the language's statement table (as the kind words of the definitions).
        private static readonly string[] TaskLike = KindsOf("after", BlockContext.Task);
        private static readonly string[] AffectsKinds = KindsOf("affects", BlockContext.Risk);
        private static readonly string[] OwnerKinds = KindsOf("owner", BlockContext.Task);
        private static readonly string[] Assignee = { KindsOf("assign", BlockContext.Task)[0] };
        private static readonly string[] AssignedRole = { KindsOf("assign", BlockContext.Task)[1] };
        private static readonly string[] RoleKind = KindsOf("role", BlockContext.Person);
        private static readonly string[] ResourceKind = KindsOf("uses", BlockContext.Task);

        private static readonly HashSet<string> DateMethods = new HashSet<string>(StringComparer.Ordinal)
        {
            "Start", "Deadline", "Holiday", "Vacation", "NotBefore", "Due", "ActualStart", "ActualFinish",
        };

        private static string[] KindsOf(string keyword, BlockContext block) => Statements.ExpectedKinds(keyword, block).Select(SyntaxFacts.KeywordOf).ToArray();

        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            Catalog.All.Where(d => string.CompareOrdinal(d.Code, "TPM5000") >= 0).Select(d => TpmDescriptors.Get(d.Code)).ToImmutableArray();

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // A compilation that cannot see the builder API has nothing to check.
                if (start.Compilation.GetTypeByMetadataName(BuildingNamespace + ".Plan") is null) return;
                start.RegisterOperationAction(AnalyzeInvocation, OperationKind.Invocation);

                // Plans are judged per member body, so that every location a plan rule reports (anywhere in the chain
                // or the method) lies inside the analysed code and is local to it, as code fixes require.
                start.RegisterOperationBlockAction(AnalyzeBlock);
            });
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (IsBuilding(invocation.TargetMethod.ContainingType)) Values.Check(context, invocation);
        }

        private static void AnalyzeBlock(OperationBlockAnalysisContext context)
        {
            foreach (var block in context.OperationBlocks)
            {
                foreach (var operation in block.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation { TargetMethod: { Name: "Program", ContainingType: { Name: "Plan" } type } } root && IsBuilding(type))
                    {
                        new PlanWalker(context.ReportDiagnostic, root).Run();
                    }
                }
            }
        }

        /// <summary>A type of the builder API (namespace <c>ProgramDsl.Building</c>).</summary>
        internal static bool IsBuilding(ITypeSymbol? type) =>
            type is INamedTypeSymbol named && named.ContainingNamespace?.ToDisplayString() == BuildingNamespace;

        private static bool IsBuilderCall(IOperation? operation, out IInvocationOperation invocation)
        {
            invocation = (operation as IInvocationOperation)!;
            return invocation != null && invocation.Instance != null && IsBuilding(invocation.TargetMethod.ContainingType) &&
                invocation.TargetMethod.ContainingType.Name.EndsWith("Builder", StringComparison.Ordinal);
        }

        private static IArgumentOperation? Argument(IInvocationOperation invocation, string parameter)
        {
            foreach (var a in invocation.Arguments)
            {
                if (a.Parameter?.Name == parameter && a.ArgumentKind != ArgumentKind.DefaultValue) return a;
            }

            return null;
        }

        /// <summary>The Roslyn diagnostic for a catalogue diagnostic (its code and words) at a C# location.</summary>
        private static Diagnostic Create(TpmDiagnostic d, Location location, IEnumerable<Location>? additional = null, ImmutableDictionary<string, string?>? properties = null) =>
            Diagnostic.Create(TpmDescriptors.Get(d.Code), location, additional, properties, d.Message);

        private static class Kinds
        {
            // The keywords that declare them (SyntaxFacts.KeywordOf), as constants for patterns.
            public const string Task = "task";
            public const string Milestone = "milestone";
            public const string Workstream = "workstream";
            public const string Person = "person";
            public const string Role = "role";
            public const string Resource = "resource";
            public const string Risk = "risk";
        }

        /// <summary>Checks of single arguments: constant values out of range, bad date text and dates from the clock.</summary>
        private static class Values
        {
            public static void Check(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                var typeName = method.ContainingType.Name;
                if (DateMethods.Contains(method.Name)) CheckDates(context, invocation);

                switch (typeName + "." + method.Name)
                {
                    case "TaskBuilder.Effort": NotNegative(context, invocation, "days", "effort", "give the person-days of work, such as Effort(2)"); break;
                    case "TaskBuilder.Duration": NotNegative(context, invocation, "days", "a duration", "give the working days, such as Duration(5)"); break;
                    case "RiskBuilder.Impact": NotNegative(context, invocation, "days", "an impact", "give the days of delay, such as Impact(5)"); break;
                    case "ProgramBuilder.Budget": NotNegative(context, invocation, "amount", "the budget", "give the amount available"); break;
                    case "TaskBuilder.Cost": NotNegative(context, invocation, "amount", "a cost", "give the fixed cost"); break;
                    case "TaskBuilder.Estimate": CheckEstimate(context, invocation); break;
                    case "TaskBuilder.Assign":
                    case "TaskBuilder.AssignRole":
                        Range(context, invocation, "share", ValueRanges.Share, "100 (the default) is the person's whole time");
                        break;
                    case "PersonBuilder.Capacity": Range(context, invocation, "percent", ValueRanges.Capacity, "100 (the default) is full time"); break;
                    case "TaskBuilder.Progress": Range(context, invocation, "percent", ValueRanges.Progress, "give the part of the work done"); break;
                    case "RiskBuilder.Likelihood": Range(context, invocation, "percent", ValueRanges.Likelihood, "give the chance it occurs, such as Likelihood(30)"); break;
                    case "TaskBuilder.Priority": Range(context, invocation, "priority", ValueRanges.Priority, "500 is the default"); break;
                    case "TaskBuilder.Uses": Range(context, invocation, "units", ValueRanges.UsedUnits, "1 is the default"); break;
                    case "ProgramBuilder.Resource": Range(context, invocation, "capacity", ValueRanges.ResourceCapacity, "1 is the default"); break;
                    case "ProgramBuilder.HoursPerDay": Range(context, invocation, "hours", ValueRanges.HoursPerDay, "8 is the default"); break;
                }
            }

            private static void Report(OperationAnalysisContext context, IArgumentOperation argument, TpmDiagnostic problem) =>
                context.ReportDiagnostic(Create(problem, argument.Value.Syntax.GetLocation()));

            private static bool TryNumber(IArgumentOperation? argument, out double value)
            {
                value = 0;
                if (argument?.Value.ConstantValue is not { HasValue: true, Value: { } v }) return false;
                switch (v)
                {
                    case double d: value = d; return true;
                    case float f: value = f; return true;
                    case decimal m: value = (double)m; return true;
                    case int i: value = i; return true;
                    case long l: value = l; return true;
                    default: return false;
                }
            }

            private static void NotNegative(OperationAnalysisContext context, IInvocationOperation invocation, string parameter, string what, string fix)
            {
                var argument = Argument(invocation, parameter);
                if (!TryNumber(argument, out var value)) return;
                if (!ValueRanges.NonNegative.Contains(value))
                {
                    Report(context, argument!, Catalog.BuilderNegative(what, argument!.Value.ConstantValue.Value, fix));
                }
            }

            /// <summary>A constant outside the range the compiler allows for the statement the call writes, with the compiler's rule.</summary>
            private static void Range(OperationAnalysisContext context, IInvocationOperation invocation, string parameter, ValueRange range, string hint)
            {
                var argument = Argument(invocation, parameter);
                if (!TryNumber(argument, out var value)) return;
                if (!range.Contains(value)) Report(context, argument!, Catalog.BuilderOutOfRange(range, argument!.Value.ConstantValue.Value, hint));
            }

            private static void CheckEstimate(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var names = new[] { "optimistic", "mostLikely", "pessimistic" };
                var values = new double?[3];
                bool negative = false;
                for (int i = 0; i < 3; i++)
                {
                    var argument = Argument(invocation, names[i]);
                    if (!TryNumber(argument, out var v)) continue;
                    values[i] = v;
                    if (!ValueRanges.NonNegative.Contains(v))
                    {
                        negative = true;
                        Report(context, argument!, Catalog.BuilderNegativeEstimate(argument!.Value.ConstantValue.Value));
                    }
                }

                if (negative || values.Any(v => v is null)) return;
                if (!(values[0] <= values[1] && values[1] <= values[2]))
                {
                    var syntax = (InvocationExpressionSyntax)invocation.Syntax;
                    context.ReportDiagnostic(Create(Catalog.BuilderEstimateNotOrdered(values[0]!.Value, values[1]!.Value, values[2]!.Value), syntax.ArgumentList.GetLocation()));
                }
            }

            private static void CheckDates(OperationAnalysisContext context, IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod.Name;
                DateTime? from = null;
                IArgumentOperation? toArgument = null;
                DateTime? to = null;
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null) continue;
                    var parameter = argument.Parameter.Name;
                    if (parameter != "date" && parameter != "isoDate" && parameter != "from" && parameter != "to") continue;
                    foreach (var clock in ClockReads(argument.Value))
                    {
                        context.ReportDiagnostic(Create(Catalog.BuilderDateFromClock(clock.Syntax.ToString(), method), clock.Syntax.GetLocation()));
                    }

                    if (argument.Value.ConstantValue is not { HasValue: true, Value: string text }) continue;
                    if (!DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    {
                        Report(context, argument, Catalog.BuilderInvalidDate(text));
                        continue;
                    }

                    if (parameter == "from") from = date;
                    if (parameter == "to")
                    {
                        to = date;
                        toArgument = argument;
                    }
                }

                if (from is DateTime f && to is DateTime t && t < f)
                {
                    Report(context, toArgument!, Catalog.BuilderVacationReversed(f, t));
                }
            }

            /// <summary>Reads of <c>DateTime.Now</c>, <c>Today</c>, <c>UtcNow</c> or <c>DateTimeOffset.Now</c>, <c>UtcNow</c> in an argument.</summary>
            private static IEnumerable<IPropertyReferenceOperation> ClockReads(IOperation value)
            {
                foreach (var op in new[] { value }.Concat(value.Descendants()))
                {
                    if (op is not IPropertyReferenceOperation { Instance: null } p) continue;
                    var type = p.Property.ContainingType;
                    if (type.ContainingNamespace?.ToDisplayString() != "System") continue;
                    bool clock = type.Name == "DateTime" ? p.Property.Name is "Now" or "Today" or "UtcNow"
                        : type.Name == "DateTimeOffset" && p.Property.Name is "Now" or "UtcNow";
                    if (clock) yield return p;
                }
            }
        }

        /// <summary>One definition made through the builder: a role, person, resource, workstream, task, milestone or risk.</summary>
        private sealed class Definition
        {
            public Definition(string kind, string? id, SyntaxNode? idSyntax, Definition? container, int index)
            {
                Kind = kind;
                Id = id;
                IdSyntax = idSyntax;
                Container = container;
                Index = index;
            }

            public string Kind { get; }

            public string? Id { get; }

            public SyntaxNode? IdSyntax { get; }

            public Definition? Container { get; }

            public int Index { get; }

            public Dictionary<string, Definition> Members { get; } = new Dictionary<string, Definition>(StringComparer.Ordinal);

            /// <summary>False for a second definition of the id in its scope: references find the first.</summary>
            public bool Registered { get; set; }

            /// <summary>False when the configure argument is not a lambda the analysis can read in full.</summary>
            public bool BodyVisible { get; set; } = true;

            public List<IInvocationOperation> Work { get; } = new List<IInvocationOperation>();

            public string Path => Container?.Id is string outer ? Container.Path + "." + Id : Id ?? string.Empty;
        }

        /// <summary>One constant id passed where a definition is expected.</summary>
        private sealed class Reference
        {
            public Reference(string[] kinds, string noun, string text, SyntaxNode syntax, Definition? scope, Definition? owner, bool isAfter)
            {
                Kinds = kinds;
                Noun = noun;
                Text = text;
                Syntax = syntax;
                Scope = scope;
                Owner = owner;
                IsAfter = isAfter;
            }

            public string[] Kinds { get; }

            public string Noun { get; }

            public string Text { get; }

            public SyntaxNode Syntax { get; }

            public Definition? Scope { get; }

            public Definition? Owner { get; }

            public bool IsAfter { get; }
        }

        /// <summary>Collects one plan from its <c>Plan.Program</c> call and reports the rules that need the whole plan.</summary>
        private sealed class PlanWalker
        {
            private readonly Action<Diagnostic> _report;
            private readonly IInvocationOperation _root;
            private readonly Dictionary<string, Definition> _rootScope = new Dictionary<string, Definition>(StringComparer.Ordinal);
            private readonly Dictionary<string, List<Definition>> _nested = new Dictionary<string, List<Definition>>(StringComparer.Ordinal);
            private readonly List<Definition> _definitions = new List<Definition>();
            private readonly List<Reference> _references = new List<Reference>();

            // False when a definition may be hidden (a non-constant id, an unreadable workstream body, a builder
            // passed on): an id that looks unknown may be defined there, so TPM5001 and TPM5004 stay quiet.
            private bool _complete = true;

            public PlanWalker(Action<Diagnostic> report, IInvocationOperation root)
            {
                _report = report;
                _root = root;
            }

            public void Run()
            {
                var chain = ChainUp(_root, out var top);
                bool built = chain.Count > 0 && IsTerminal(chain[chain.Count - 1]);
                Collect(chain, null, null);
                if (!built)
                {
                    if (top.Parent is IExpressionStatementOperation)
                    {
                        ReportUnused(_root.Syntax.GetLocation());
                    }
                    else if (top.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
                    {
                        FollowLocal(declarator);
                    }
                    else
                    {
                        _complete = false;
                    }
                }

                ReportWork();

                // A task's own id finds the task itself in its own scope first, whatever else the plan defines.
                foreach (var reference in _references)
                {
                    if (reference.IsAfter && reference.Owner is { Registered: true, Kind: Kinds.Task or Kinds.Milestone } owner && reference.Text == owner.Id)
                    {
                        ReportSelf(reference, owner);
                    }
                }

                if (!_complete) return;
                ReportUnknown();
                ReportCycles();
            }

            private static bool IsTerminal(IInvocationOperation invocation) =>
                invocation.TargetMethod.ContainingType.Name == "ProgramBuilder" && invocation.TargetMethod.Name is "Build" or "ToText";

            /// <summary>The builder calls made on <paramref name="start"/>'s value, in call order, and the last expression of the chain.</summary>
            private static List<IInvocationOperation> ChainUp(IOperation start, out IOperation top)
            {
                var chain = new List<IInvocationOperation>();
                top = start;
                while (IsBuilderCall(top.Parent, out var call) && call.Instance == top)
                {
                    chain.Add(call);
                    top = call;
                    if (IsTerminal(call)) break;
                }

                return chain;
            }

            private void ReportSelf(Reference reference, Definition owner) =>
                _report(Create(Catalog.BuilderAfterItself(owner.Kind, owner.Id), reference.Syntax.GetLocation()));

            private void ReportUnused(Location location)
            {
                var id = Argument(_root, "id")?.Value.ConstantValue is { HasValue: true, Value: string s } ? "the plan '" + s + "'" : "this plan";
                _report(Create(Catalog.BuilderUnused(id), location));
            }

            /// <summary>
            /// A builder kept in a local: its uses in straight-line statements of the declaring block are part of the
            /// plan; any other use (passed on, returned, in a branch, loop or lambda) hides part of it.
            /// </summary>
            private void FollowLocal(IVariableDeclaratorOperation declarator)
            {
                var local = declarator.Symbol;
                IOperation? block = declarator.Parent?.Parent?.Parent;
                if (block is not IBlockOperation)
                {
                    _complete = false;
                    return;
                }

                bool used = false;
                foreach (var reference in block.Descendants().OfType<ILocalReferenceOperation>())
                {
                    if (!SymbolEqualityComparer.Default.Equals(reference.Local, local)) continue;
                    var chain = ChainUp(reference, out var top);
                    bool terminal = chain.Count > 0 && IsTerminal(chain[chain.Count - 1]);
                    if (!IsStraightLine(reference, block) || chain.Count == 0 || (!terminal && top.Parent is not IExpressionStatementOperation))
                    {
                        used = true;
                        _complete = false;
                        continue;
                    }

                    used |= terminal;
                    Collect(chain, null, null);
                }

                if (!used && declarator.Syntax is VariableDeclaratorSyntax syntax)
                {
                    ReportUnused(syntax.Identifier.GetLocation());
                }
            }

            private static bool IsStraightLine(IOperation operation, IOperation block)
            {
                for (var a = operation.Parent; a != block; a = a.Parent)
                {
                    switch (a)
                    {
                        case null:
                        case IAnonymousFunctionOperation:
                        case ILocalFunctionOperation:
                        case IConditionalOperation:
                        case ILoopOperation:
                        case ISwitchOperation:
                        case ISwitchExpressionOperation:
                        case ICoalesceOperation:
                        case IConditionalAccessOperation:
                        case ITryOperation:
                        case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                            return false;
                    }
                }

                return true;
            }

            /// <summary>Records the definitions and references of builder calls made in <paramref name="scope"/> for <paramref name="owner"/>.</summary>
            private void Collect(IEnumerable<IInvocationOperation> calls, Definition? scope, Definition? owner)
            {
                foreach (var call in calls)
                {
                    var type = call.TargetMethod.ContainingType.Name;
                    var name = call.TargetMethod.Name;
                    switch (type)
                    {
                        case "ProgramBuilder":
                        case "WorkstreamBuilder":
                            if (Define(call, scope)) continue;
                            if (type == "WorkstreamBuilder" && name == "Owner") Refer(call, "personId", OwnerKinds, "person", scope, owner, false);
                            if (type == "WorkstreamBuilder" && name == "After") Refer(call, "id", TaskLike, "task", scope, owner, true);
                            break;
                        case "TaskBuilder":
                            switch (name)
                            {
                                case "Assign": Refer(call, "personId", Assignee, "person", scope, owner, false); break;
                                case "AssignRole": Refer(call, "roleId", AssignedRole, "role", scope, owner, false); break;
                                case "Uses": Refer(call, "resourceId", ResourceKind, "resource", scope, owner, false); break;
                                case "After": Refer(call, "id", TaskLike, "task", scope, owner, true); break;
                                case "Effort":
                                case "Duration":
                                case "Estimate":
                                    owner?.Work.Add(call);
                                    break;
                            }

                            break;
                        case "MilestoneBuilder" when name == "After": Refer(call, "id", TaskLike, "task", scope, owner, true); break;
                        case "PersonBuilder" when name == "Role": Refer(call, "roleId", RoleKind, "role", scope, owner, false); break;
                        case "RiskBuilder" when name == "Owner": Refer(call, "personId", OwnerKinds, "person", scope, owner, false); break;
                        case "RiskBuilder" when name == "Affects":
                            var ids = Argument(call, "ids");
                            if (ids?.Value is IArrayCreationOperation { Initializer: { } initializer })
                            {
                                foreach (var element in initializer.ElementValues) Refer(element, AffectsKinds, "task", scope, owner, false);
                            }
                            else if (ids != null && ids.ArgumentKind != ArgumentKind.ParamArray)
                            {
                                Refer(ids.Value, AffectsKinds, "task", scope, owner, false);
                            }

                            break;
                    }
                }
            }

            private void Refer(IInvocationOperation call, string parameter, string[] kinds, string noun, Definition? scope, Definition? owner, bool isAfter)
            {
                var argument = Argument(call, parameter);
                if (argument != null) Refer(argument.Value, kinds, noun, scope, owner, isAfter);
            }

            private void Refer(IOperation value, string[] kinds, string noun, Definition? scope, Definition? owner, bool isAfter)
            {
                // A non-constant reference hides no definition, so it leaves the plan complete; it is just not judged.
                if (value.ConstantValue is { HasValue: true, Value: string text }) _references.Add(new Reference(kinds, noun, text, value.Syntax, scope, owner, isAfter));
            }

            /// <summary>Handles a declaring call; false when the call declares nothing.</summary>
            private bool Define(IInvocationOperation call, Definition? scope)
            {
                string kind;
                switch (call.TargetMethod.Name)
                {
                    case "Role": kind = Kinds.Role; break;
                    case "Person": kind = Kinds.Person; break;
                    case "Resource": kind = Kinds.Resource; break;
                    case "Workstream": kind = Kinds.Workstream; break;
                    case "Task": kind = Kinds.Task; break;
                    case "Milestone": kind = Kinds.Milestone; break;
                    case "Risk": kind = Kinds.Risk; break;
                    default: return false;
                }

                var idArgument = Argument(call, "id");
                string? id = idArgument?.Value.ConstantValue is { HasValue: true, Value: string s } ? s : null;
                var definition = new Definition(kind, id, idArgument?.Value.Syntax, scope, _definitions.Count);
                _definitions.Add(definition);
                if (id is null)
                {
                    _complete = false;
                }
                else
                {
                    var members = scope is null ? _rootScope : scope.Members;
                    if (members.TryGetValue(id, out var first))
                    {
                        var where = scope is null ? "the program" : scope.Id is null ? "this workstream" : "workstream '" + scope.Path + "'";
                        _report(Create(Catalog.BuilderDuplicate(id, first.Kind, where), definition.IdSyntax!.GetLocation(), new[] { first.IdSyntax!.GetLocation() }));
                    }
                    else
                    {
                        members[id] = definition;
                        definition.Registered = true;
                        if (scope != null)
                        {
                            if (!_nested.TryGetValue(id, out var list)) _nested[id] = list = new List<Definition>(1);
                            list.Add(definition);
                        }
                    }
                }

                var configure = Argument(call, "configure");
                var inner = kind == Kinds.Workstream ? definition : scope;
                if (configure is null || configure.Value.ConstantValue is { HasValue: true, Value: null }) return true;
                var calls = ReadLambda(configure.Value);
                if (calls is null)
                {
                    definition.BodyVisible = false;

                    // Only a workstream's body can define ids; other bodies hide references, which are not needed.
                    if (kind == Kinds.Workstream) _complete = false;
                    return true;
                }

                Collect(calls, inner, definition);
                return true;
            }

            /// <summary>
            /// The builder calls of a configure lambda whose body is nothing but call chains on its parameter, in
            /// statement and call order; null for anything else (a method group, a delegate variable, other code).
            /// </summary>
            private static List<IInvocationOperation>? ReadLambda(IOperation value)
            {
                while (value is IConversionOperation conversion) value = conversion.Operand;
                if (value is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation function }) return null;
                if (function.Symbol.Parameters.Length != 1) return null;
                var parameter = function.Symbol.Parameters[0];
                var calls = new List<IInvocationOperation>();
                int chains = 0;
                foreach (var statement in function.Body.Operations)
                {
                    IOperation expression;
                    switch (statement)
                    {
                        case IReturnOperation { ReturnedValue: null, IsImplicit: true }: continue;
                        case IReturnOperation { ReturnedValue: { } returned }: expression = returned; break;
                        case IExpressionStatementOperation es: expression = es.Operation; break;
                        default: return null;
                    }

                    var chain = new List<IInvocationOperation>();
                    var current = expression;
                    while (IsBuilderCall(current, out var call))
                    {
                        chain.Add(call);
                        current = call.Instance!;
                    }

                    if (chain.Count == 0 || current is not IParameterReferenceOperation p || !SymbolEqualityComparer.Default.Equals(p.Parameter, parameter)) return null;
                    chain.Reverse();
                    calls.AddRange(chain);
                    chains++;
                }

                // Any other use of the parameter (passed to a helper, captured by a nested lambda) hides calls.
                int uses = function.Body.Descendants().OfType<IParameterReferenceOperation>().Count(p => SymbolEqualityComparer.Default.Equals(p.Parameter, parameter));
                return uses == chains ? calls : null;
            }

            private void ReportWork()
            {
                foreach (var task in _definitions)
                {
                    if (task.Kind != Kinds.Task || task.Id is null || !task.BodyVisible) continue;
                    if (task.Work.Count == 0)
                    {
                        _report(Create(Catalog.BuilderWithoutWork(task.Id), task.IdSyntax!.GetLocation()));
                        continue;
                    }

                    IInvocationOperation? first = null;
                    foreach (var call in task.Work)
                    {
                        if (call.TargetMethod.Name == "Estimate") continue;
                        if (first is null)
                        {
                            first = call;
                            continue;
                        }

                        _report(Create(Catalog.BuilderWorkTwice(task.Id, first.TargetMethod.Name), CallLocation(call), new[] { CallLocation(first) }));
                    }
                }
            }

            /// <summary>From the method name to the closing parenthesis: <c>Duration(5)</c> in <c>t.Effort(2).Duration(5)</c>.</summary>
            private static Location CallLocation(IInvocationOperation call)
            {
                var syntax = (InvocationExpressionSyntax)call.Syntax;
                int start = syntax.Expression is MemberAccessExpressionSyntax member ? member.Name.SpanStart : syntax.SpanStart;
                return Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(start, syntax.Span.End));
            }

            /// <summary>The plan's definitions as scopes, for the compiler's name rule (<see cref="NameLookup"/>).</summary>
            private readonly struct Scopes : INameScopes<Definition, Definition>
            {
                private readonly PlanWalker _plan;

                public Scopes(PlanWalker plan) => _plan = plan;

                public Definition? ContainerOf(Definition scope) => scope.Container;

                public bool TryGetMember(Definition scope, string name, out Definition symbol) => scope.Members.TryGetValue(name, out symbol);

                public bool TryGetTopLevel(string name, out Definition symbol) => _plan._rootScope.TryGetValue(name, out symbol);

                public IReadOnlyList<Definition>? Nested(string name) => _plan._nested.TryGetValue(name, out var list) ? list : null;
            }

            private Definition? Resolve(Reference reference, out bool unknown)
            {
                unknown = false;
                var segments = reference.Text.Split('.');
                var symbol = NameLookup.Find<Scopes, Definition, Definition>(new Scopes(this), reference.Scope, segments[0], out var ambiguous);
                if (ambiguous != null) return null; // the compiler's TPM1003, not judged here

                for (int i = 1; symbol != null && i < segments.Length; i++)
                {
                    symbol = symbol.Members.TryGetValue(segments[i], out var child) ? child : null;
                }

                unknown = symbol is null;
                return symbol;
            }

            private void ReportUnknown()
            {
                foreach (var reference in _references)
                {
                    Resolve(reference, out bool unknown);
                    if (!unknown) continue;
                    bool qualified = reference.Text.IndexOf('.') >= 0;
                    var candidates = _definitions
                        .Where(d => d.Registered && Array.IndexOf(reference.Kinds, d.Kind) >= 0)
                        .Select(d => qualified ? d.Path : d.Id!)
                        .Distinct(StringComparer.Ordinal)
                        .ToList();
                    var suggestion = ProgramDsl.Diagnostics.Spelling.Closest(reference.Text, candidates);
                    var properties = suggestion is null ? null : ImmutableDictionary<string, string?>.Empty.Add(SuggestionProperty, suggestion);
                    _report(Create(Catalog.BuilderUnknown(reference.Noun, reference.Text, suggestion), reference.Syntax.GetLocation(), null, properties));
                }
            }

            private void ReportCycles()
            {
                // Nodes are tasks and milestones; an edge goes from a task to the one it is after.
                var edges = new Dictionary<Definition, List<(Definition Target, Reference Via)>>();
                foreach (var reference in _references)
                {
                    if (!reference.IsAfter || reference.Owner is not { Registered: true } owner || owner.Kind == Kinds.Workstream) continue;
                    var target = Resolve(reference, out _);
                    if (target is null || target.Kind == Kinds.Workstream || Array.IndexOf(TaskLike, target.Kind) < 0) continue;
                    if (target == owner)
                    {
                        // The unqualified case is reported already, even for a partly hidden plan.
                        if (reference.Text != owner.Id) ReportSelf(reference, owner);
                        continue;
                    }

                    if (!edges.TryGetValue(owner, out var list)) edges[owner] = list = new List<(Definition, Reference)>();
                    list.Add((target, reference));
                }

                // The core's graph rules on the definitions involved, numbered in declaration order: components as
                // Tarjan completes them from the first definition on, and in each the shortest loop from its first.
                var nodes = edges.Keys.Concat(edges.Values.SelectMany(list => list.Select(e => e.Target))).Distinct().OrderBy(d => d.Index).ToList();
                var number = new Dictionary<Definition, int>();
                for (int i = 0; i < nodes.Count; i++) number[nodes[i]] = i;
                var from = new List<int>();
                var to = new List<int>();
                var via = new List<Reference>();
                foreach (var owner in nodes)
                {
                    if (!edges.TryGetValue(owner, out var list)) continue;
                    foreach (var (target, reference) in list)
                    {
                        from.Add(number[owner]);
                        to.Add(number[target]);
                        via.Add(reference);
                    }
                }

                var graph = new DependencyGraph(nodes.Count, from.ToArray(), to.ToArray());
                foreach (var component in graph.CyclicComponents(null))
                {
                    if (component.Count < 2) continue;
                    var members = new HashSet<int>(component);
                    var loop = graph.ShortestCycle(component.Min(), members.Contains, out var loopEdges);
                    if (loop.Count == 0) continue;

                    // Each node is after the next one on the loop; the message lists predecessors first.
                    var names = new List<string> { "'" + nodes[loop[0]].Id + "'" };
                    for (int i = loop.Count - 1; i >= 0; i--) names.Add("'" + nodes[loop[i]].Id + "'");
                    var additional = loopEdges.Skip(1).Select(e => via[e].Syntax.GetLocation()).ToList();
                    _report(Create(Catalog.BuilderCycle(names), via[loopEdges[0]].Syntax.GetLocation(), additional));
                }
            }
        }
    }
}
