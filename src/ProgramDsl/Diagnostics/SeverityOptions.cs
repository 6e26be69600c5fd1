using System;
using System.Collections.Generic;
using ProgramDsl.Text;

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

        private readonly bool _errorsKept;

        private SeverityOptions(Dictionary<string, DiagnosticSeverity?> overrides, bool errorsKept = false)
        {
            _overrides = overrides;
            _errorsKept = errorsKept;
        }

        /// <summary>
        /// These overrides, except that an error stays an error: a gate that judges a change by its errors
        /// (<c>tpm diff --fail-on-new-errors</c>) must not be passed by a change that also lowers them in its own
        /// <c>.globalconfig</c>. Warnings and infos may still be raised, lowered or suppressed.
        /// </summary>
        public SeverityOptions KeepingErrors() => new SeverityOptions(_overrides, errorsKept: true);

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
            return new SeverityOptions(map, _errorsKept || nearer._errorsKept);
        }

        /// <summary>
        /// Reads the <c>dotnet_diagnostic.&lt;code&gt;.severity</c> entries of a <c>.globalconfig</c> or
        /// <c>.editorconfig</c>-style text. Other keys are ignored; later entries win; entries that cannot be
        /// understood are skipped silently (see the overload that reports them).
        /// </summary>
        public static SeverityOptions ParseGlobalConfig(string text) => ParseGlobalConfig(new SourceText(".globalconfig", text ?? string.Empty), null);

        private static readonly char[] LineBreaks = { '\n', '\r' };

        /// <summary>The most TPM0002 warnings reported for one file; a file of random bytes would otherwise flood the log.</summary>
        public const int MaxReportedProblems = 10;

        /// <summary>
        /// Reads a <c>.globalconfig</c> as <see cref="ParseGlobalConfig(string)"/> does, and adds a TPM0002 warning to
        /// <paramref name="problems"/>, located in <paramref name="source"/>, for each line that is not a comment, a
        /// section or a <c>key = value</c> entry, for a tpm code that does not exist and for a severity that is not one
        /// of the .NET names. The rest of the file still applies. Messages never quote the file: a config named with
        /// <c>--config</c> may be any file.
        /// </summary>
        public static SeverityOptions ParseGlobalConfig(SourceText source, ICollection<Diagnostic>? problems)
        {
            var map = new Dictionary<string, DiagnosticSeverity?>(StringComparer.OrdinalIgnoreCase);
            var text = source.Text;
            int reported = 0, unreported = 0;
            void Report(int start, int end, Func<SourceLocation, Diagnostic> problem)
            {
                if (problems is null) return;
                if (reported == MaxReportedProblems)
                {
                    unreported++;
                    return;
                }

                reported++;
                problems.Add(problem(new SourceLocation(source, TextSpan.FromBounds(start, end))));
            }

            // Lines end at \n, \r\n or a lone \r, as in SourceText, so a problem's span stays on its line.
            int lineStart = 0;
            while (true)
            {
                int newline = text.IndexOfAny(LineBreaks, lineStart);
                int lineEnd = newline < 0 ? text.Length : newline;
                ReadLine(lineStart, lineEnd);
                if (newline < 0) break;
                lineStart = newline + (text[newline] == '\r' && newline + 1 < text.Length && text[newline + 1] == '\n' ? 2 : 1);
            }

            if (unreported > 0 && problems != null)
            {
                problems.Add(DiagnosticCatalog.ConfigMoreProblems(new SourceLocation(source, new TextSpan(text.Length, 0)), unreported));
            }

            return new SeverityOptions(map);

            void ReadLine(int from, int to)
            {
                while (from < to && char.IsWhiteSpace(text[from])) from++;
                while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
                if (from == to || text[from] == '#' || text[from] == ';') return;
                if (text[from] == '[')
                {
                    if (text.IndexOf(']', from, to - from) < 0) Report(from, to, DiagnosticCatalog.ConfigSectionUnclosed);
                    return;
                }

                int separator = from;
                while (separator < to && text[separator] != '=' && text[separator] != ':') separator++;
                int keyEnd = separator;
                while (keyEnd > from && char.IsWhiteSpace(text[keyEnd - 1])) keyEnd--;
                if (separator == to || keyEnd == from || !IsKey(from, keyEnd))
                {
                    Report(from, to, DiagnosticCatalog.ConfigNotAnEntry);
                    return;
                }

                int valueStart = separator + 1;
                while (valueStart < to && char.IsWhiteSpace(text[valueStart])) valueStart++;
                int valueEnd = valueStart;
                while (valueEnd < to && text[valueEnd] != '#' && text[valueEnd] != ';') valueEnd++;
                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1])) valueEnd--;

                var key = text.Substring(from, keyEnd - from);
                const string prefix = "dotnet_diagnostic.";
                const string suffix = ".severity";
                if (!key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) || !key.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) || key.Length <= prefix.Length + suffix.Length) return;
                var code = key.Substring(prefix.Length, key.Length - prefix.Length - suffix.Length);
                if (!code.StartsWith("TPM", StringComparison.OrdinalIgnoreCase)) return;
                var descriptor = DiagnosticCatalog.Find(code);
                if (descriptor is null)
                {
                    Report(from + prefix.Length, keyEnd - suffix.Length, DiagnosticCatalog.ConfigUnknownCode);
                    return;
                }

                switch (text.Substring(valueStart, valueEnd - valueStart).ToLowerInvariant())
                {
                    case "error": map[descriptor.Code] = DiagnosticSeverity.Error; break;
                    case "warning": map[descriptor.Code] = DiagnosticSeverity.Warning; break;
                    case "suggestion": map[descriptor.Code] = DiagnosticSeverity.Info; break;
                    case "silent": map[descriptor.Code] = DiagnosticSeverity.Hidden; break;
                    case "none": map[descriptor.Code] = null; break;
                    case "default": map.Remove(descriptor.Code); break;
                    default:
                        Report(valueStart, Math.Max(valueEnd, valueStart), at => DiagnosticCatalog.ConfigInvalidSeverity(at, descriptor.Code));
                        break;
                }
            }

            // The characters .editorconfig allows in a key: letters, digits, '_', '.', '-'.
            bool IsKey(int from, int to)
            {
                for (int i = from; i < to; i++)
                {
                    char c = text[i];
                    if (!char.IsLetterOrDigit(c) && c != '_' && c != '.' && c != '-') return false;
                }

                return true;
            }
        }

        /// <summary>
        /// The effective severity of a diagnostic, or null when it is suppressed. Syntax errors (TPM0001)
        /// cannot be lowered: a program that does not parse has no meaning to report on.
        /// </summary>
        public DiagnosticSeverity? Apply(Diagnostic diagnostic)
        {
            if (diagnostic.Descriptor == DiagnosticCatalog.SyntaxError) return diagnostic.Severity;
            if (_errorsKept && diagnostic.Severity == DiagnosticSeverity.Error) return DiagnosticSeverity.Error;
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
