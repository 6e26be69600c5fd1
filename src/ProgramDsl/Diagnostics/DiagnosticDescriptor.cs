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
        /// <summary>Creates a descriptor named after its title (see <see cref="Name"/>). Use the ones in <see cref="DiagnosticCatalog"/>.</summary>
        public DiagnosticDescriptor(string code, string title, string messageFormat, DiagnosticSeverity defaultSeverity, string category)
            : this(code, NameFromTitle(title), title, messageFormat, defaultSeverity, category)
        {
        }

        /// <summary>Creates a descriptor with an explicit rule name. Use the ones in <see cref="DiagnosticCatalog"/>.</summary>
        public DiagnosticDescriptor(string code, string name, string title, string messageFormat, DiagnosticSeverity defaultSeverity, string category)
        {
            Code = code ?? throw new ArgumentNullException(nameof(code));
            Name = name ?? throw new ArgumentNullException(nameof(name));
            Title = title;
            MessageFormat = messageFormat;
            DefaultSeverity = defaultSeverity;
            Category = category;
        }

        /// <summary>The stable code, e.g. <c>TPM1001</c>.</summary>
        public string Code { get; }

        /// <summary>
        /// The rule's name: a PascalCase identifier such as <c>UnknownReference</c> (the catalogue field's name), for
        /// tools that show rules by name (SARIF <c>reportingDescriptor.name</c>). Stable, like the code.
        /// </summary>
        public string Name { get; }

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

        // "Conflicting or repeated setting" -> "ConflictingOrRepeatedSetting": each run of letters and digits capitalised.
        private static string NameFromTitle(string title)
        {
            var sb = new System.Text.StringBuilder(title.Length);
            bool start = true;
            foreach (char c in title)
            {
                if (!char.IsLetterOrDigit(c))
                {
                    start = true;
                    continue;
                }

                sb.Append(start ? char.ToUpperInvariant(c) : c);
                start = false;
            }

            return sb.ToString();
        }
    }
}
