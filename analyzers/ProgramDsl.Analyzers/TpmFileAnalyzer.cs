using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProgramDsl.Syntax;
using TpmLocation = ProgramDsl.Text.SourceLocation;

namespace ProgramDsl.Analyzers
{
    /// <summary>
    /// Compiles the <c>.tpm</c> files given to the compilation as AdditionalFiles and reports every compiler
    /// diagnostic (syntax, names, scheduling, resources, deadlines) at its place in the file. Includes resolve among
    /// the AdditionalFiles; nothing is read from disk. Files that do not start with <c>program</c> are fragments,
    /// checked through the programs that include them. Includes are confined to a workspace as in the CLI (TPM1006):
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

            // A fragment included by two programs would report its problems twice.
            var reported = new HashSet<(string, string, int, int, string)>();
            foreach (var (key, _, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!SyntaxFacts.IsProgramText(text)) continue;
                var program = TpmProgram.Load(key, resolver, options);
                foreach (var d in program.Diagnostics)
                {
                    var where = d.Location is TpmLocation l ? l : default;
                    if (!reported.Add((d.Code, where.Source is null ? key : where.Path, where.Source is null ? 0 : where.Span.Start, where.Source is null ? 0 : where.Span.Length, d.Message))) continue;
                    var location = d.Location is TpmLocation at ? ToLocation(at, originals) : Location.Create(originals[key].Path, default, default);
                    var additional = d.AdditionalLocations.Select(a => ToLocation(a, originals)).ToList();
                    context.ReportDiagnostic(TpmDescriptors.ToRoslyn(d, location, additional));
                }
            }
        }

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
