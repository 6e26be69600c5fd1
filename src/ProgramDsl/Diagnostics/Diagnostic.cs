using System;
using System.Collections.Generic;
using System.Globalization;
using ProgramDsl.Text;

namespace ProgramDsl.Diagnostics
{
    /// <summary>One reported problem: a code, a severity, a message and where it is.</summary>
    public sealed class Diagnostic
    {
        /// <summary>Creates a diagnostic with an explicit severity.</summary>
        public Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, SourceLocation? location, IReadOnlyList<SourceLocation>? additionalLocations = null)
        {
            Descriptor = descriptor ?? throw new ArgumentNullException(nameof(descriptor));
            Severity = severity;
            Message = Printable(message ?? throw new ArgumentNullException(nameof(message)));
            Location = location;
            AdditionalLocations = additionalLocations ?? Array.Empty<SourceLocation>();
        }

        /// <summary>Creates a diagnostic at its descriptor's default severity, formatting the message template.</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation? location, params object?[] args) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(args), location);

        /// <summary>Creates a diagnostic that also points at related places (e.g. the first of two duplicate definitions).</summary>
        public static Diagnostic Create(DiagnosticDescriptor descriptor, SourceLocation? location, IReadOnlyList<SourceLocation> additionalLocations, params object?[] args) =>
            new Diagnostic(descriptor, descriptor.DefaultSeverity, descriptor.FormatMessage(args), location, additionalLocations);

        /// <summary>The rule.</summary>
        public DiagnosticDescriptor Descriptor { get; }

        /// <summary>The code, e.g. <c>TPM1001</c>.</summary>
        public string Code => Descriptor.Code;

        /// <summary>The effective severity.</summary>
        public DiagnosticSeverity Severity { get; }

        /// <summary>What is wrong and how to fix it.</summary>
        public string Message { get; }

        /// <summary>The primary location, or null for a program-wide diagnostic without a source (rare).</summary>
        public SourceLocation? Location { get; }

        /// <summary>Related locations.</summary>
        public IReadOnlyList<SourceLocation> AdditionalLocations { get; }

        /// <summary>
        /// The text the message's "did you mean" proposes in place of the text at <see cref="Location"/> (a defined name for
        /// an unknown reference, a keyword for an unknown statement, an allowed word), for tools that offer the fix; null
        /// when the message proposes none.
        /// </summary>
        public string? Suggestion { get; private set; }

        /// <summary>Records <see cref="Suggestion"/> on a diagnostic just made (before anyone else sees it).</summary>
        internal Diagnostic Suggesting(string? suggestion)
        {
            Suggestion = suggestion;
            return this;
        }

        /// <summary>True for errors.</summary>
        public bool IsError => Severity == DiagnosticSeverity.Error;

        /// <summary>The same diagnostic with another severity.</summary>
        public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
            severity == Severity ? this : new Diagnostic(Descriptor, severity, Message, Location, AdditionalLocations) { Suggestion = Suggestion };

        /// <summary>The word MSBuild's canonical format uses for a severity.</summary>
        public static string SeverityWord(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            DiagnosticSeverity.Info => "info",
            _ => "hidden",
        };

        /// <summary>The MSBuild canonical form: <c>path(line,col): error TPM1001: message</c>.</summary>
        public override string ToString()
        {
            var prefix = Location is SourceLocation at
                ? string.Format(CultureInfo.InvariantCulture, "{0}({1},{2})", Printable(at.Path), at.Start.Line, at.Start.Column)
                : "tpm";
            return prefix + ": " + SeverityWord(Severity) + " " + Code + ": " + Message;
        }

        /// <summary>
        /// <paramref name="text"/> with control characters and line separators written as escapes (<c>\n</c>, <c>\u001b</c>):
        /// a message quotes include paths and file names, which a plan controls, and one diagnostic is one line. A path
        /// <c>"x\n::error::…"</c> printed as is would start a line that CI services (GitHub Actions) read as a command.
        /// Bidirectional controls are escaped too (<see cref="IsBidiControl"/>).
        /// </summary>
        public static string Printable(string text)
        {
            int first = 0;
            while (first < text.Length && !NeedsEscape(text[first])) first++;
            if (first == text.Length) return text;
            var sb = new System.Text.StringBuilder(text.Length + 16).Append(text, 0, first);
            for (int i = first; i < text.Length; i++)
            {
                char c = text[i];
                if (!NeedsEscape(c)) sb.Append(c);
                else if (c == '\n') sb.Append("\\n");
                else if (c == '\r') sb.Append("\\r");
                else if (c == '\t') sb.Append("\\t");
                else sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }

            return sb.ToString();
        }

        private static bool NeedsEscape(char c) => char.IsControl(c) || c == '\u2028' || c == '\u2029' || IsBidiControl(c);

        /// <summary>
        /// The bidirectional controls (embeddings, overrides, isolates, marks): in a log or terminal they reorder the
        /// text around them, so a title could show one thing and say another ("Trojan Source").
        /// </summary>
        public static bool IsBidiControl(char c) => (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
