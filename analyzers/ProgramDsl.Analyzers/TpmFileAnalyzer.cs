using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProgramDsl.Portfolios;
using ProgramDsl.Syntax;
using TpmLocation = ProgramDsl.Text.SourceLocation;

namespace ProgramDsl.Analyzers
{
    /// <summary>
    /// Compiles the <c>.tpm</c> files given to the compilation as AdditionalFiles and reports every compiler
    /// diagnostic (syntax, names, scheduling, resources, deadlines) at its place in the file. Includes resolve among
    /// the AdditionalFiles; nothing is read from disk. Files that do not start with <c>program</c> are fragments,
    /// checked through the programs that include them. A portfolio file is checked with the programs it names, as
    /// <c>tpm check</c> checks it (each program as it stands; TPM2103 where the programs' bookings collide, at the
    /// assignments of the program files given too); a program a portfolio names is reported once, from it. Includes are confined to a workspace as in the CLI (TPM1006):
    /// the MSBuild property <c>TpmWorkspace</c> when set, else the deepest folder holding the project folder and every
    /// <c>.tpm</c> AdditionalFile, so an include can reach another listed plan but no path outside them.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp, LanguageNames.VisualBasic)]
    public sealed class TpmFileAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => TpmDescriptors.Compiler;

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(Analyze);
        }

        private static void Analyze(CompilationAnalysisContext context)
        {
            var files = new List<(string Key, AdditionalText File, string Text)>();
            foreach (var file in context.Options.AdditionalFiles)
            {
                if (!file.Path.EndsWith(".tpm", StringComparison.OrdinalIgnoreCase)) continue;
                var text = file.GetText(context.CancellationToken);
                if (text is null) continue;
                files.Add((SourcePaths.Normalize(file.Path), file, text.ToString()));
            }

            if (files.Count == 0) return;
            var resolver = new InMemorySourceResolver { Workspace = Workspace(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions, files.Select(f => f.Key)) };
            var originals = new Dictionary<string, AdditionalText>(StringComparer.Ordinal);
            foreach (var (key, file, text) in files)
            {
                resolver.Add(key, text);
                originals[key] = file;
            }

            var options = TpmDescriptors.CompileOptions(context.Compilation, context.CancellationToken);

            // A fragment included by two programs would report its problems twice; so would a program named by a
            // portfolio, which the portfolio's compile already checked.
            var reported = new HashSet<(string, string, int, int, string)>();
            void Report(string key, IEnumerable<ProgramDsl.Diagnostics.Diagnostic> diagnostics)
            {
                foreach (var d in diagnostics)
                {
                    var where = d.Location is TpmLocation l ? l : default;
                    if (!reported.Add((d.Code, where.Source is null ? key : where.Path, where.Source is null ? 0 : where.Span.Start, where.Source is null ? 0 : where.Span.Length, d.Message))) continue;
                    var location = d.Location is TpmLocation at ? ToLocation(at, originals) : Location.Create(originals[key].Path, default, default);
                    var additional = d.AdditionalLocations.Select(a => ToLocation(a, originals)).ToList();
                    context.ReportDiagnostic(TpmDescriptors.ToRoslyn(d, location, additional));
                }
            }

            // Portfolios first, checked as `tpm check PORTFOLIO` checks them: each program as it stands, with the members
            // the portfolio shares, and TPM2103 where their people and pools collide. Their programs are then done.
            var checkedByPortfolio = new HashSet<string>(StringComparer.Ordinal);
            var ordered = files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
            foreach (var (key, _, text) in ordered)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!TpmPortfolio.IsPortfolioText(text)) continue;
                var portfolio = TpmPortfolio.Load(key, resolver, PortfolioOptions(options), context.CancellationToken);
                foreach (var member in portfolio.Members) checkedByPortfolio.Add(SourcePaths.Normalize(member.Path));
                Report(key, portfolio.Diagnostics);
            }

            foreach (var (key, _, text) in ordered)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!SyntaxFacts.IsProgramText(text) || checkedByPortfolio.Contains(key)) continue;
                Report(key, TpmProgram.Load(key, resolver, options).Diagnostics);
            }
        }

        /// <summary>How a portfolio is compiled in the IDE and the build: checked, not leveled together (its programs as they stand).</summary>
        internal static PortfolioCompileOptions PortfolioOptions(TpmCompileOptions program) => new PortfolioCompileOptions
        {
            Program = program,
            Schedule = false,
        };

        /// <summary>The folder includes must stay inside: <c>TpmWorkspace</c>, else the common folder of the project and the plans.</summary>
        internal static string? Workspace(AnalyzerConfigOptions global, IEnumerable<string> plans)
        {
            if (global.TryGetValue("build_property.TpmWorkspace", out var configured) && !string.IsNullOrWhiteSpace(configured)) return SourcePaths.Normalize(configured);
            var folders = plans.Select(p => SourcePaths.Combine(p, "."));
            if (global.TryGetValue("build_property.MSBuildProjectDirectory", out var project) && !string.IsNullOrWhiteSpace(project)) folders = folders.Concat(new[] { SourcePaths.Normalize(project) });
            return SourcePaths.CommonFolder(folders);
        }

        /// <summary>A compiler location (1-based lines and columns) as a Roslyn one (0-based) in the AdditionalFile.</summary>
        internal static Location ToLocation(TpmLocation location, IReadOnlyDictionary<string, AdditionalText> originals)
        {
            var path = originals.TryGetValue(location.Path, out var file) ? file.Path : location.Path;
            var start = location.Start;
            var end = location.End;
            var span = new LinePositionSpan(new LinePosition(start.Line - 1, start.Column - 1), new LinePosition(end.Line - 1, end.Column - 1));
            return Location.Create(path, new TextSpan(location.Span.Start, location.Span.Length), span);
        }
    }
}
