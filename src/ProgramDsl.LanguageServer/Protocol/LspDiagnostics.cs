using System;
using System.Collections.Generic;
using System.Linq;
using OmniSharp.Extensions.LanguageServer.Protocol;
using OmniSharp.Extensions.LanguageServer.Protocol.Models;
using ProgramDsl.Text;
using CompilerDiagnostic = ProgramDsl.Diagnostics.Diagnostic;
using CompilerSeverity = ProgramDsl.Diagnostics.DiagnosticSeverity;
using LspDiagnostic = OmniSharp.Extensions.LanguageServer.Protocol.Models.Diagnostic;
using LspSeverity = OmniSharp.Extensions.LanguageServer.Protocol.Models.DiagnosticSeverity;

namespace ProgramDsl.LanguageServer.Protocol
{
    /// <summary>The compiler's diagnostics as protocol diagnostics: code, severity, exact range, docs link, related locations.</summary>
    public static class LspDiagnostics
    {
        /// <summary>The source every diagnostic names.</summary>
        public const string Source = "tpm";

        /// <summary>Converts one diagnostic located in a file.</summary>
        public static LspDiagnostic Convert(CompilerDiagnostic diagnostic, Func<string, DocumentUri> uriOf)
        {
            var range = diagnostic.Location is SourceLocation at && at.Source != null ? LspText.RangeOf(at) : new OmniSharp.Extensions.LanguageServer.Protocol.Models.Range(0, 0, 0, 0);
            var related = diagnostic.AdditionalLocations
                .Where(l => l.Source != null)
                .Select(l => new DiagnosticRelatedInformation { Location = new Location { Uri = uriOf(l.Path), Range = LspText.RangeOf(l) }, Message = "related location" })
                .ToList();
            return new LspDiagnostic
            {
                Range = range,
                Severity = SeverityOf(diagnostic.Severity),
                Code = diagnostic.Code,
                CodeDescription = new CodeDescription { Href = new Uri(diagnostic.Descriptor.HelpLink) },
                Source = Source,
                Message = diagnostic.Message,
                RelatedInformation = related.Count == 0 ? null : new Container<DiagnosticRelatedInformation>(related),
            };
        }

        /// <summary>The protocol severity of a compiler severity (suppressed diagnostics never reach here).</summary>
        public static LspSeverity SeverityOf(CompilerSeverity severity) => severity switch
        {
            CompilerSeverity.Error => LspSeverity.Error,
            CompilerSeverity.Warning => LspSeverity.Warning,
            CompilerSeverity.Info => LspSeverity.Information,
            _ => LspSeverity.Hint,
        };

        /// <summary>Converts a file's diagnostics.</summary>
        public static IReadOnlyList<LspDiagnostic> Convert(IEnumerable<CompilerDiagnostic> diagnostics, Func<string, DocumentUri> uriOf) =>
            diagnostics.Select(d => Convert(d, uriOf)).ToList();
    }
}
