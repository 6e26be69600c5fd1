using System;
using System.Collections.Generic;
using System.Threading;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>Options for compiling a portfolio: the options each program is compiled with, and how the portfolio is scheduled.</summary>
    public sealed class PortfolioCompileOptions
    {
        /// <summary>Defaults: programs compiled with <see cref="TpmCompileOptions.Default"/>, leveled together when the portfolio says so.</summary>
        public static PortfolioCompileOptions Default => new PortfolioCompileOptions();

        /// <summary>Severities, warnings-as-errors and scheduling options (seed, effort, budget, cancellation) used for every program and for the portfolio.</summary>
        public TpmCompileOptions Program { get; set; } = TpmCompileOptions.Default;

        /// <summary>
        /// Null: as the portfolio's <c>leveling</c> setting says (default on). False: every program is scheduled as it
        /// stands (its own settings) and cross-program over-allocations are reported (TPM2103). True: level together.
        /// </summary>
        public bool? LevelTogether { get; set; }

        /// <summary>When false, programs are compiled and checked as they stand and not leveled together (what <c>tpm check</c> does).</summary>
        public bool Schedule { get; set; } = true;
    }

    /// <summary>
    /// A compiled portfolio: the portfolio file, each program it names compiled (alone, or leveled in the portfolio's
    /// context), the people and pools the programs share, and every diagnostic. The CLI, the build, the analyzers and
    /// the language server share it.
    /// </summary>
    public sealed class TpmPortfolio
    {
        internal TpmPortfolio(SyntaxTree syntax, PortfolioSymbol? model, IReadOnlyList<PortfolioMember> members,
            IReadOnlyList<SharedEntity> shared, PortfolioSchedule? schedule, IReadOnlyList<Diagnostic> diagnostics)
        {
            SyntaxTree = syntax;
            Model = model;
            Members = members;
            Shared = shared;
            Schedule = schedule;
            Diagnostics = diagnostics;
        }

        /// <summary>The parsed portfolio file (and, through <see cref="SyntaxTree"/>, its text).</summary>
        public SyntaxTree SyntaxTree { get; }

        /// <summary>The bound portfolio block, or null when the file holds none.</summary>
        public PortfolioSymbol? Model { get; }

        /// <summary>The programs the portfolio names, in declaration order, each compiled.</summary>
        public IReadOnlyList<PortfolioMember> Members { get; }

        /// <summary>The people and pools declared once and used by two or more programs (see docs/portfolios.md, identity).</summary>
        public IReadOnlyList<SharedEntity> Shared { get; }

        /// <summary>The programs leveled together, or null when not scheduled together (leveling off, errors, or <see cref="PortfolioCompileOptions.Schedule"/> false).</summary>
        public PortfolioSchedule? Schedule { get; }

        /// <summary>
        /// Every diagnostic, severities applied: the portfolio file's, each program's (in the portfolio's context when
        /// leveled together), and the cross-program ones (TPM2103) at each program's assignment. Ordered by file, then position.
        /// </summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>True when any diagnostic is an error.</summary>
        public bool HasErrors
        {
            get
            {
                foreach (var d in Diagnostics) if (d.IsError) return true;
                return false;
            }
        }

        /// <summary>Reads a portfolio file and the programs it names through a resolver, and compiles them.</summary>
        public static TpmPortfolio Load(string path, ISourceResolver resolver, PortfolioCompileOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (path is null) throw new ArgumentNullException(nameof(path));
            if (resolver is null) throw new ArgumentNullException(nameof(resolver));
            cancellationToken.ThrowIfCancellationRequested();
            if (!resolver.TryReadText(path, out var text, out var error))
            {
                var empty = new SourceText(path, string.Empty);
                var unread = DiagnosticCatalog.CannotRead(new SourceLocation(empty, new TextSpan(0, 0)), path, error);
                var tree = new SyntaxTree(empty, new CompilationUnitSyntax(Array.Empty<StatementSyntax>(), new TextSpan(0, 0)), Array.Empty<Diagnostic>());
                return new TpmPortfolio(tree, null, Array.Empty<PortfolioMember>(), Array.Empty<SharedEntity>(), null, (options?.Program ?? TpmCompileOptions.Default).Apply(new[] { unread }));
            }

            return PortfolioCompiler.Compile(new SourceText(path, text), resolver, options, cancellationToken);
        }

        /// <summary>Compiles a portfolio held in a string; program paths are read through <paramref name="resolver"/>.</summary>
        public static TpmPortfolio Parse(string text, string path, ISourceResolver resolver, PortfolioCompileOptions? options = null, CancellationToken cancellationToken = default) =>
            PortfolioCompiler.Compile(new SourceText(path ?? throw new ArgumentNullException(nameof(path)), text ?? throw new ArgumentNullException(nameof(text))), resolver, options, cancellationToken);

        /// <summary>
        /// TPM2104 for programs checked one by one with no portfolio naming them (<c>tpm check DIR</c>): the people and
        /// pools that two or more of them use from one declaration (the identity rule, docs/portfolios.md), reported once
        /// per set of programs at the first shared declaration, with a portfolio to add. Severities of
        /// <paramref name="options"/> are applied.
        /// </summary>
        /// <param name="programs">The compiled programs.</param>
        /// <param name="folder">The folder checked: the suggested portfolio's program paths are relative to it.</param>
        /// <param name="resolver">The resolver the programs were read with (its <see cref="ISourceIdentity"/>, when it has one, tells files apart).</param>
        /// <param name="options">The severities; defaults when null.</param>
        public static IReadOnlyList<Diagnostic> SharedWithoutPortfolio(IReadOnlyList<TpmProgram> programs, string folder, ISourceResolver? resolver = null, TpmCompileOptions? options = null)
        {
            if (programs is null) throw new ArgumentNullException(nameof(programs));
            if (folder is null) throw new ArgumentNullException(nameof(folder));
            return (options ?? TpmCompileOptions.Default).Apply(SharedDeclarations.Check(programs, folder, resolver));
        }

        /// <summary>True when the text's first top-level statement is a <c>portfolio</c> block (a cheap look at the tokens, no binding).</summary>
        public static bool IsPortfolioText(string text) => SyntaxFacts.IsPortfolioText(text);
    }

    /// <summary>A program named by a portfolio.</summary>
    public sealed class PortfolioMember
    {
        internal PortfolioMember(string path, int priority, SourceLocation location, TpmProgram program)
        {
            Path = path;
            Priority = priority;
            Location = location;
            Program = program;
        }

        /// <summary>The program file's path, resolved against the portfolio file and normalised.</summary>
        public string Path { get; }

        /// <summary>Portfolio priority 1–1000 (default 500): a higher one is served first (docs/portfolios.md, the leveling rule).</summary>
        public int Priority { get; }

        /// <summary>Where the portfolio names the program.</summary>
        public SourceLocation Location { get; }

        /// <summary>
        /// The program compiled: alone (its own settings) when the portfolio is not leveled together, else in the
        /// portfolio's context (its schedule leveled with the others', its diagnostics from that schedule).
        /// </summary>
        public TpmProgram Program { get; internal set; }

        /// <summary>The program's id, or the path when it has no program declaration.</summary>
        public string Id => Program.Model?.Id ?? Path;
    }

    /// <summary>
    /// A person or pool several programs use: one declaration (the same file and place, see docs/portfolios.md),
    /// bound once per program that includes it.
    /// </summary>
    public sealed class SharedEntity
    {
        internal SharedEntity(string key, SymbolKind kind, string id, SourceLocation declaration, IReadOnlyList<(PortfolioMember Member, Symbol Symbol)> uses, int capacityUnits)
        {
            Key = key;
            Kind = kind;
            Id = id;
            Declaration = declaration;
            Uses = uses;
            CapacityUnits = capacityUnits;
        }

        /// <summary>The identity key (normalised file path, declaration offset).</summary>
        public string Key { get; }

        /// <summary><see cref="SymbolKind.Person"/> or <see cref="SymbolKind.Resource"/>.</summary>
        public SymbolKind Kind { get; }

        /// <summary>The declared id (<c>ana</c>, <c>gpu-pool</c>).</summary>
        public string Id { get; }

        /// <summary>The one declaration.</summary>
        public SourceLocation Declaration { get; }

        /// <summary>Each program that binds it, with the symbol that program bound.</summary>
        public IReadOnlyList<(PortfolioMember Member, Symbol Symbol)> Uses { get; }

        /// <summary>Units per working day: 1,000 for a person (100%), the pool's capacity for a pool.</summary>
        public int CapacityUnits { get; }
    }
}
