using System;
using System.Collections.Generic;

namespace ProgramDsl.Diagnostics
{
    /// <summary>
    /// Per-code severity overrides, read from a <c>.globalconfig</c> the .NET way
    /// (<c>dotnet_diagnostic.TPM3004.severity = error</c>), so the CLI, the build and the analyzers agree.
    /// </summary>
    public sealed class SeverityOptions
    {
        private readonly Dictionary<string, DiagnosticSeverity?> _overrides;

        /// <summary>No overrides.</summary>
        public static SeverityOptions Default { get; } = new SeverityOptions(new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase));

        private SeverityOptions(Dictionary<string, DiagnosticSeverity?> overrides) => _overrides = overrides;

        /// <summary>Creates options from explicit overrides; a null severity suppresses the code.</summary>
        public static SeverityOptions From(IEnumerable<KeyValuePair<string, DiagnosticSeverity?>> overrides)
        {
            var map = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
            foreach (var pair in overrides) map[pair.Key] = pair.Value;
            return new SeverityOptions(map);
        }

        /// <summary>The codes that have an override.</summary>
        public IEnumerable<string> Codes => _overrides.Keys;

        /// <summary>These overrides with <paramref name="nearer"/>'s on top (a config closer to the file wins).</summary>
        public SeverityOptions MergeWith(SeverityOptions nearer)
        {
            var map = new Dictionary<string, DiagnosticSeverity?>(_overrides, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in nearer._overrides) map[pair.Key] = pair.Value;
            return new SeverityOptions(map);
        }

        /// <summary>
        /// Reads the <c>dotnet_diagnostic.&lt;code&gt;.severity</c> entries of a <c>.globalconfig</c> or
        /// <c>.editorconfig</c>-style text. Unknown keys are ignored; later entries win.
        /// </summary>
        public static SeverityOptions ParseGlobalConfig(string text)
        {
            var map = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
                int eq = line.IndexOf('=');
                if (eq <= 0) continue;
                var key = line.Substring(0, eq).Trim();
                var value = line.Substring(eq + 1).Trim();
                int comment = value.IndexOfAny(new[] { '#', ';' });
                if (comment >= 0) value = value.Substring(0, comment).Trim();
                const string prefix = "dotnet_diagnostic.";
                const string suffix = ".severity";
                if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
                var code = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
                if (!code.StartsWith("TPM", StringComparison.OrdinalIgnoreCase)) continue;
                switch (value.ToLowerInvariant())
                {
                    case "error": map[code] = DiagnosticSeverity.Error; break;
                    case "warning": map[code] = DiagnosticSeverity.Warning; break;
                    case "suggestion": map[code] = DiagnosticSeverity.Info; break;
                    case "silent": map[code] = DiagnosticSeverity.Hidden; break;
                    case "none": map[code] = null; break;
                    case "default": map.Remove(code); break;
                }
            }

            return new SeverityOptions(map);
        }

        /// <summary>
        /// The effective severity of a diagnostic, or null when it is suppressed. Syntax errors (TPM0001)
        /// cannot be lowered: a program that does not parse has no meaning to report on.
        /// </summary>
        public DiagnosticSeverity? Apply(Diagnostic diagnostic)
        {
            if (diagnostic.Descriptor == DiagnosticCatalog.SyntaxError) return diagnostic.Severity;
            return _overrides.TryGetValue(diagnostic.Code, out var severity) ? severity : diagnostic.Severity;
        }

        /// <summary>Applies the overrides to a list, dropping suppressed diagnostics.</summary>
        public IReadOnlyList<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics)
        {
            var result = new List<Diagnostic>();
            foreach (var d in diagnostics)
            {
                var severity = Apply(d);
                if (severity is null) continue;
                result.Add(d.WithSeverity(severity.Value));
            }

            return result;
        }
    }
}
