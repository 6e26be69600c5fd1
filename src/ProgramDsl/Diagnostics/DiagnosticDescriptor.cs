using System;
using System.Globalization;

namespace ProgramDsl.Diagnostics
{
    /// <summary>How serious a diagnostic is. Names and order follow Roslyn's.</summary>
    public enum DiagnosticSeverity
    {
        /// <summary>Not shown by default (".globalconfig": silent).</summary>
        Hidden = 0,

        /// <summary>Information (".globalconfig": suggestion).</summary>
        Info = 1,

        /// <summary>A warning.</summary>
        Warning = 2,

        /// <summary>An error: the program cannot be trusted; exit code 1.</summary>
        Error = 3,
    }

    /// <summary>The fixed description of one diagnostic code: its default severity and message template.</summary>
    public sealed class DiagnosticDescriptor
    {
        /// <summary>Creates a descriptor. Use the ones in <see cref="DiagnosticCatalog"/>.</summary>
        public DiagnosticDescriptor(string code, string title, string messageFormat, DiagnosticSeverity defaultSeverity, string category)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Title = title;
            MessageFormat = messageFormat;
            DefaultSeverity = defaultSeverity;
            Category = category;
        }

        /// <summary>The stable code, e.g. <c>TPM1001</c>.</summary>
        public string Code { get; }

        /// <summary>A short title for the rule.</summary>
        public string Title { get; }

        /// <summary>A composite format string for the message (<c>{0}</c>, <c>{1}</c>…).</summary>
        public string MessageFormat { get; }

        /// <summary>The severity unless configured otherwise.</summary>
        public DiagnosticSeverity DefaultSeverity { get; }

        /// <summary>The rule's group: Syntax, Binding, Scheduling, Resources, Deadlines, Delivery, Budget, and Builder for the analyzer-only rules on the C# plan builder.</summary>
        public string Category { get; }

        /// <summary>The documentation page for the code.</summary>
        public string HelpLink => DiagnosticCatalog.HelpLinkBase + Code + ".md";

        /// <summary>Formats the message with the given arguments.</summary>
        public string FormatMessage(params object?[] args) =>
            args.Length == 0 ? MessageFormat : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

        /// <inheritdoc />
        public override string ToString() => Code + ": " + Title;
    }
}
