using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>
    /// Compiles a portfolio file: binds its block (TPM1102, TPM1103, TPM1201), reads its shared members once, reads and
    /// compiles each program with them, finds the shared people and pools, and checks their loads across the programs
    /// (TPM2103) when the programs are not leveled together.
    /// </summary>
    internal static class PortfolioCompiler
    {
        private static readonly string[] LevelingModes = Statements.Lookup(Keywords.Leveling, BlockContext.Portfolio)!.AllowedWords.ToArray();

        /// <summary>The default portfolio priority of a program.</summary>
        internal const int DefaultPriority = 500;

        public static TpmPortfolio Compile(SourceText source, ISourceResolver resolver, PortfolioCompileOptions? options, CancellationToken cancellationToken)
        {
            if (resolver is null) throw new ArgumentNullException(nameof(resolver));
            options ??= PortfolioCompileOptions.Default;
            var programOptions = options.Program ?? TpmCompileOptions.Default;
            cancellationToken.ThrowIfCancellationRequested();

            var tree = Parser.Parse(source, 0, 0, cancellationToken);
            var own = new List<Diagnostic>(tree.Diagnostics);
            var identity = resolver as ISourceIdentity;
            string Identify(string path) => identity?.Identify(path) ?? SourcePaths.Normalize(path);

            var declaration = tree.Root.Portfolio;
            PortfolioSymbol? model = null;
            var members = new List<PortfolioMember>();
            var trees = new List<SyntaxTree> { tree };
            bool joint = false;
            if (declaration is null)
            {
                if (!tree.Diagnostics.Any(d => d.IsError))
                {
                    var first = tree.Root.Statements.FirstOrDefault();
                    own.Add(DiagnosticCatalog.NoPortfolioDeclaration(new SourceLocation(source, first?.KeywordSpan ?? new TextSpan(0, 0)), source.Path));
                }
            }
            else
            {
                model = new PortfolioSymbol(declaration.Name.Text, declaration.Title?.Value, new SourceLocation(source, declaration.Name.Span));
                foreach (var stray in tree.Root.Statements.Where(s => s != declaration))
                {
                    own.Add(stray is DeclarationSyntax d && d.Kind == DeclarationKind.Portfolio
                        ? DiagnosticCatalog.DefinedTwice(new SourceLocation(source, d.Name.Span), model.Location, d.Name.Text, "the portfolio")
                        : DiagnosticCatalog.OutsidePortfolioBlock(new SourceLocation(source, stray.KeywordSpan), stray.KeywordText));
                }

                var entries = BindBlock(declaration, source, model, own);

                // The shared members: read once, then given to every program.
                var sharedStatements = declaration.Body.Where(s => s is IncludeSyntax || s is DeclarationSyntax).ToList();
                var fragmentTrees = new List<SyntaxTree> { tree };
                var includes = TpmProgram.LoadIncludes(tree, resolver, fragmentTrees, own, cancellationToken, sharedStatements);
                var fragments = fragmentTrees.Skip(1).ToList();
                // The fragments' syntax errors are the portfolio's (the programs do not repeat them); what binding finds
                // in them, every program finds, and it is reported once (Distinct below). A program or a portfolio in one
                // is the include's error (TPM1004), not repeated here.
                foreach (var fragment in fragments)
                {
                    own.AddRange(fragment.Diagnostics);
                    foreach (var d in fragment.Root.Statements.OfType<DeclarationSyntax>()
                                 .Where(d => d.Kind != DeclarationKind.Program && d.Kind != DeclarationKind.Portfolio && Statements.Lookup(d.KeywordText, BlockContext.Portfolio) is null))
                    {
                        own.Add(DiagnosticCatalog.NotShareable(new SourceLocation(fragment.Source, d.Name.Span), d.KeywordText + " '" + d.Name.Text + "'", fragment.Source.Path));
                    }
                }

                trees.AddRange(fragments);
                var shared = new SharedMembers(tree, sharedStatements, fragments, includes);
                joint = options.Schedule && (options.LevelTogether ?? model.Leveling);

                // Leveled together: each program is bound here and scheduled by the joint leveling. Otherwise each is
                // scheduled as it stands (also by 'tpm check', which reports where they collide).
                var withShared = programOptions.WithSharedMembers(shared);
                if (joint) withShared.Schedule = false;
                members = CompilePrograms(entries, source, resolver, withShared, Identify, own, cancellationToken);
                model.Programs = entries.Select(e => (e.Entry.Path.Value, e.Priority, new SourceLocation(source, e.Entry.Path.Span))).ToList();
                if (entries.Count == 0 && !tree.Diagnostics.Any(d => d.IsError)) own.Add(DiagnosticCatalog.NoPrograms(model.Location, model.Id));
            }

            var sharedEntities = FindShared(members, Identify);
            own.AddRange(SameIdElsewhere(members, Identify));
            var ownApplied = programOptions.Apply(own);
            PortfolioSchedule? schedule = null;
            if (joint)
            {
                // Only a portfolio without errors is leveled: a program left out would change the others' schedules.
                bool clean = members.Count > 0 && !ownApplied.Any(d => d.IsError) && members.All(m => !m.Program.HasErrors);
                if (clean)
                {
                    var leveled = PortfolioScheduler.Level(members, sharedEntities, options, cancellationToken, model!.Location);
                    schedule = leveled.Schedule;
                    ownApplied = ownApplied.Concat(programOptions.Apply(leveled.Diagnostics)).ToList();
                }
            }

            var diagnostics = new List<Diagnostic>(ownApplied);
            foreach (var member in members) diagnostics.AddRange(member.Program.Diagnostics);
            if (!joint && members.Count > 1)
            {
                diagnostics.AddRange(programOptions.Apply(CrossProgramLoads.Check(members, sharedEntities, source.Path, model!.Location, cancellationToken)));
            }

            foreach (var member in members) AddTrees(trees, member.Program.SyntaxTrees);
            return new TpmPortfolio(tree, model, members, sharedEntities, schedule, TpmProgram.Order(Distinct(diagnostics), trees));
        }

        /// <summary>Each program entry with its priority; reports the block's own mistakes.</summary>
        private static List<(ProgramEntrySyntax Entry, int Priority)> BindBlock(DeclarationSyntax declaration, SourceText source, PortfolioSymbol model, List<Diagnostic> diagnostics)
        {
            var entries = new List<(ProgramEntrySyntax, int)>();
            SourceLocation? leveling = null;
            foreach (var statement in declaration.Body)
            {
                switch (statement)
                {
                    case PropertySyntax property when property.KeywordText == Keywords.Leveling:
                    {
                        var at = new SourceLocation(source, property.KeywordSpan);
                        if (leveling is SourceLocation first)
                        {
                            diagnostics.Add(DiagnosticCatalog.SettingRepeated(at, first, property.KeywordText, "portfolio '" + model.Id + "'"));
                            break;
                        }

                        leveling = at;
                        if (property.Values.Count == 1 && property.Values[0] is NameValueSyntax word)
                        {
                            int index = Array.IndexOf(LevelingModes, word.Text);
                            if (index < 0) diagnostics.Add(DiagnosticCatalog.NotOneOf(new SourceLocation(source, word.Span), word.Text, "leveling mode", LevelingModes));
                            else model.Leveling = index == 0;
                        }

                        break;
                    }

                    case ProgramEntrySyntax entry:
                    {
                        int priority = DefaultPriority;
                        SourceLocation? set = null;
                        foreach (var property in entry.Body.OfType<PropertySyntax>().Where(p => p.KeywordText == Keywords.Priority))
                        {
                            var at = new SourceLocation(source, property.KeywordSpan);
                            if (set is SourceLocation first)
                            {
                                diagnostics.Add(DiagnosticCatalog.SettingRepeated(at, first, property.KeywordText, "program '" + entry.Path.Value + "'"));
                                continue;
                            }

                            set = at;
                            if (property.Values.Count == 1 && property.Values[0] is NumberValueSyntax number)
                            {
                                if (!ValueRanges.Priority.Contains(number.Value)) diagnostics.Add(DiagnosticCatalog.OutOfRange(new SourceLocation(source, number.Span), ValueRanges.Priority, number.Value));
                                else priority = (int)number.Value;
                            }
                        }

                        entries.Add((entry, priority));
                        break;
                    }
                }
            }

            return entries;
        }

        private static List<PortfolioMember> CompilePrograms(List<(ProgramEntrySyntax Entry, int Priority)> entries, SourceText source, ISourceResolver resolver,
            TpmCompileOptions options, Func<string, string> identify, List<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var members = new List<PortfolioMember>();
            var named = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            var ids = new Dictionary<string, (SourceLocation At, string Written)>(StringComparer.Ordinal);
            foreach (var (entry, priority) in entries)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var at = new SourceLocation(source, entry.Path.Span);
                var path = resolver.ResolvePath(source.Path, entry.Path.Value);
                // Read before comparing identities: two spellings of one unreadable file (outside the workspace, say)
                // are each refused as such, not reported as one program named twice.
                if (!resolver.TryReadText(path, out var text, out var error))
                {
                    diagnostics.Add(DiagnosticCatalog.CannotReadProgram(at, entry.Path.Value, error, path));
                    continue;
                }

                var key = identify(path);
                if (named.TryGetValue(key, out var first))
                {
                    diagnostics.Add(DiagnosticCatalog.ProgramNamedTwice(at, first, entry.Path.Value));
                    continue;
                }

                named[key] = at;

                if (!SyntaxFacts.IsProgramText(text))
                {
                    var what = SyntaxFacts.IsPortfolioText(text) ? "another portfolio" : "no 'program' block (a fragment of members, read through 'include')";
                    diagnostics.Add(DiagnosticCatalog.EntryNotAProgram(at, entry.Path.Value, what));
                    continue;
                }

                var program = TpmProgram.Compile(new SourceText(path, text), resolver, options, cancellationToken);
                if (program.Model is ProgramSymbol bound)
                {
                    if (ids.TryGetValue(bound.Id, out var same))
                    {
                        diagnostics.Add(DiagnosticCatalog.SameProgramId(at, same.At, bound.Id, entry.Path.Value, same.Written));
                        continue;
                    }

                    ids[bound.Id] = (at, entry.Path.Value);
                }

                members.Add(new PortfolioMember(path, priority, at, program));
            }

            return members;
        }

        /// <summary>The identity of a declaration: its file's identity and its place in it (docs/portfolios.md).</summary>
        internal static string KeyOf(Symbol symbol, Func<string, string> identify) =>
            identify(SourcePaths.Normalize(symbol.Location.Path)) + "#" + symbol.Location.Span.Start.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// The people and pools a program's work can book: a person assigned to a task or holding a role a task is
        /// assigned, a pool a task uses. A shared fragment's other members do not tie programs together.
        /// </summary>
        internal static IEnumerable<Symbol> Used(ProgramSymbol model)
        {
            var people = new HashSet<PersonSymbol>();
            var roles = new HashSet<RoleSymbol>();
            var pools = new HashSet<ResourceSymbol>();
            foreach (var task in model.Tasks)
            {
                foreach (var a in task.Assignments) people.Add(a.Person);
                foreach (var r in task.RoleAssignments) roles.Add(r.Role);
                foreach (var u in task.ResourceUses) pools.Add(u.Resource);
            }

            foreach (var person in model.People)
            {
                if (people.Contains(person) || person.Roles.Any(roles.Contains)) yield return person;
            }

            foreach (var pool in model.Resources)
            {
                if (pools.Contains(pool)) yield return pool;
            }
        }

        /// <summary>The people and pools two or more members use from one declaration, in order of first use.</summary>
        internal static IReadOnlyList<SharedEntity> FindShared(IReadOnlyList<PortfolioMember> members, Func<string, string> identify)
        {
            var byKey = new Dictionary<string, List<(PortfolioMember, Symbol)>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var member in members)
            {
                if (!(member.Program.Model is ProgramSymbol model)) continue;
                foreach (var symbol in Used(model))
                {
                    var key = KeyOf(symbol, identify);
                    if (!byKey.TryGetValue(key, out var uses))
                    {
                        byKey[key] = uses = new List<(PortfolioMember, Symbol)>();
                        order.Add(key);
                    }

                    // A program binds a declaration once (a second one would be a duplicate definition).
                    if (!uses.Any(u => u.Item1 == member)) uses.Add((member, symbol));
                }
            }

            var shared = new List<SharedEntity>();
            foreach (var key in order)
            {
                var uses = byKey[key];
                if (uses.Count < 2) continue;
                var symbol = uses[0].Item2;
                int capacity = symbol is ResourceSymbol pool ? Math.Max(1, pool.Capacity) : CrossProgramLoads.PersonUnits;
                shared.Add(new SharedEntity(key, symbol.Kind, symbol.Name, symbol.Location, uses, capacity));
            }

            return shared;
        }

        /// <summary>
        /// TPM2105: a person or pool id that programs use from different declarations (two people to tpm, maybe one in
        /// life), once per id at the first declaration.
        /// </summary>
        private static IEnumerable<Diagnostic> SameIdElsewhere(IReadOnlyList<PortfolioMember> members, Func<string, string> identify)
        {
            var byId = new Dictionary<(SymbolKind, string), List<(PortfolioMember Member, Symbol Symbol, string Key)>>();
            var order = new List<(SymbolKind, string)>();
            foreach (var member in members)
            {
                if (!(member.Program.Model is ProgramSymbol model)) continue;
                foreach (var symbol in Used(model))
                {
                    var id = (symbol.Kind, symbol.Name);
                    if (!byId.TryGetValue(id, out var list))
                    {
                        byId[id] = list = new List<(PortfolioMember, Symbol, string)>();
                        order.Add(id);
                    }

                    list.Add((member, symbol, KeyOf(symbol, identify)));
                }
            }

            foreach (var id in order)
            {
                var places = byId[id].GroupBy(u => u.Key, StringComparer.Ordinal).ToList();
                if (places.Count < 2) continue;
                var first = places[0].First().Symbol;
                var programs = string.Join(", ", places.Select(p => string.Join(" and ", p.Select(u => u.Member.Id)) + " (" + p.First().Symbol.Location + ")"));
                yield return DiagnosticCatalog.SameIdDeclaredTwice(first.Location, places.Skip(1).Select(p => p.First().Symbol.Location).ToList(), first.Describe(), programs);
            }
        }

        private static void AddTrees(List<SyntaxTree> trees, IReadOnlyList<SyntaxTree> more)
        {
            foreach (var t in more) if (!trees.Contains(t)) trees.Add(t);
        }

        /// <summary>Drops repeats: a shared member's mistake is found by every program that binds it.</summary>
        private static List<Diagnostic> Distinct(List<Diagnostic> diagnostics)
        {
            var seen = new HashSet<(string, string?, int, int, string)>();
            var kept = new List<Diagnostic>(diagnostics.Count);
            foreach (var d in diagnostics)
            {
                if (seen.Add((d.Code, d.Location?.Path, d.Location?.Span.Start ?? -1, d.Location?.Span.Length ?? -1, d.Message))) kept.Add(d);
            }

            return kept;
        }
    }
}
