using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Catalog = ProgramDsl.Diagnostics.DiagnosticCatalog;
using TpmDiagnostic = ProgramDsl.Diagnostics.Diagnostic;
using TpmSeverity = ProgramDsl.Diagnostics.DiagnosticSeverity;

namespace ProgramDsl.Analyzers
{
    /// <summary>
    /// Roslyn descriptors made from the compiler's one catalogue, so a code has the same title, category, default
    /// severity and help page in the CLI, the build and the IDE.
    /// </summary>
    internal static class TpmDescriptors
    {
        /// <summary>
        /// The leveler's budget in the IDE and the build, in task placements: a quarter of the CLI's default, so a
        /// 5,000-task plan is analysed in well under a second. Plans of up to 100 tasks level exactly as in the CLI
        /// (both stop at 5,000 schedules first).
        /// </summary>
        public const long IdePlacements = ProgramDsl.Scheduling.ScheduleOptions.AnalyzerPlacements;

        private static readonly Dictionary<string, DiagnosticDescriptor> ByCode =
            Catalog.All.ToDictionary(d => d.Code, Create, System.StringComparer.Ordinal);

        /// <summary>The descriptors of the compiler's own codes (TPM0xxx–TPM4xxx).</summary>
        public static ImmutableArray<DiagnosticDescriptor> Compiler { get; } =
            Catalog.All.Where(d => string.CompareOrdinal(d.Code, "TPM5000") < 0).Select(d => ByCode[d.Code]).ToImmutableArray();

        /// <summary>The Roslyn descriptor of a code in the catalogue.</summary>
        public static DiagnosticDescriptor Get(string code) => ByCode[code];

        /// <summary>
        /// A compiler diagnostic as a Roslyn one, at the given locations, with the compiler's message and its severity
        /// (the catalogue's, or what the configuration made of it).
        /// </summary>
        public static Diagnostic ToRoslyn(TpmDiagnostic diagnostic, Location location, IEnumerable<Location>? additional = null) =>
            Diagnostic.Create(ByCode[diagnostic.Code], location, ToRoslyn(diagnostic.Severity), additional, null, diagnostic.Message);

        /// <summary>How the analyzers compile plan text: the configured severities and the IDE's leveling budget.</summary>
        public static TpmCompileOptions CompileOptions(Compilation compilation, System.Threading.CancellationToken cancellationToken) => new TpmCompileOptions
        {
            Severities = Configured(compilation, cancellationToken),
            Scheduling = ProgramDsl.Scheduling.ScheduleOptions.Analyzers,
        };

        /// <summary>
        /// The severities the compilation's configuration (<c>.globalconfig</c>: <c>dotnet_diagnostic.TPMxxxx.severity</c>)
        /// gives the compiler's codes, so that, as in the CLI, an error raised from a warning stops scheduling and a
        /// code turned off is not reported.
        /// </summary>
        public static ProgramDsl.Diagnostics.SeverityOptions Configured(Compilation compilation, System.Threading.CancellationToken cancellationToken)
        {
            var provider = compilation.Options.SyntaxTreeOptionsProvider;
            var overrides = new List<KeyValuePair<string, TpmSeverity?>>();
            foreach (var d in Catalog.All)
            {
                ReportDiagnostic configured = ReportDiagnostic.Default;
                if (provider is null || !provider.TryGetGlobalDiagnosticValue(d.Code, cancellationToken, out configured))
                {
                    if (!compilation.Options.SpecificDiagnosticOptions.TryGetValue(d.Code, out configured)) continue;
                }

                TpmSeverity? severity = configured switch
                {
                    ReportDiagnostic.Error => TpmSeverity.Error,
                    ReportDiagnostic.Warn => TpmSeverity.Warning,
                    ReportDiagnostic.Info => TpmSeverity.Info,
                    ReportDiagnostic.Hidden => TpmSeverity.Hidden,
                    ReportDiagnostic.Suppress => null,
                    _ => d.DefaultSeverity,
                };
                if (configured != ReportDiagnostic.Default) overrides.Add(new KeyValuePair<string, TpmSeverity?>(d.Code, severity));
            }

            return ProgramDsl.Diagnostics.SeverityOptions.From(overrides);
        }

        private static DiagnosticDescriptor Create(ProgramDsl.Diagnostics.DiagnosticDescriptor d) =>
#pragma warning disable RS1017 // The ids come from the catalogue, which is the single source of truth; release tracking lists them.
            new DiagnosticDescriptor(d.Code, d.Title, "{0}", d.Category, ToRoslyn(d.DefaultSeverity), isEnabledByDefault: true, helpLinkUri: d.HelpLink);
#pragma warning restore RS1017

        private static DiagnosticSeverity ToRoslyn(TpmSeverity severity) => severity switch
        {
            TpmSeverity.Error => DiagnosticSeverity.Error,
            TpmSeverity.Warning => DiagnosticSeverity.Warning,
            TpmSeverity.Info => DiagnosticSeverity.Info,
            _ => DiagnosticSeverity.Hidden,
        };
    }
}
