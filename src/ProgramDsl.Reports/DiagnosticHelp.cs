using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// The documentation page of a diagnostic code (docs/diagnostics/TPMxxxx.md, embedded in this assembly at build
    /// time), read for the rule descriptions of the SARIF log: its first paragraph describes the rule, and the page is
    /// the rule's help. The pages are the one place the rules are explained; nothing is copied into code.
    /// </summary>
    internal sealed class DiagnosticHelp
    {
        private static readonly ConcurrentDictionary<string, DiagnosticHelp?> Pages = new ConcurrentDictionary<string, DiagnosticHelp?>(StringComparer.Ordinal);

        // A markdown link's target: ](target) without spaces.
        private static readonly Regex LinkTarget = new Regex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.CultureInvariant);

        private DiagnosticHelp(string description, string descriptionMarkdown, string markdown)
        {
            Description = description;
            DescriptionMarkdown = descriptionMarkdown;
            Markdown = markdown;
        }

        /// <summary>What the rule checks and why, as plain text: the page's first paragraph (inline code marks removed).</summary>
        public string Description { get; }

        /// <summary><see cref="Description"/> as the page writes it (markdown).</summary>
        public string DescriptionMarkdown { get; }

        /// <summary>The page below its title, as markdown, with relative links made absolute (against the page's own URL).</summary>
        public string Markdown { get; }

        /// <summary>The page of <paramref name="descriptor"/>'s code, or null when this build has none (a descriptor from outside the catalogue).</summary>
        public static DiagnosticHelp? For(DiagnosticDescriptor descriptor) =>
            Pages.GetOrAdd(descriptor.Code, code => Load(code, descriptor.HelpLink));

        private static DiagnosticHelp? Load(string code, string pageUri)
        {
            using var stream = typeof(DiagnosticHelp).Assembly.GetManifestResourceStream("ProgramDsl.Reports.Diagnostics." + code + ".md");
            if (stream is null) return null;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return Parse(reader.ReadToEnd(), pageUri);
        }

        /// <summary>Reads a page: the title line, an optional note, the severity line, then the describing paragraph.</summary>
        internal static DiagnosticHelp? Parse(string page, string pageUri)
        {
            var lines = page.Replace("\r\n", "\n").Split('\n');
            int severity = Array.FindIndex(lines, l => l.StartsWith("**Default severity:**", StringComparison.Ordinal));
            if (severity < 0) return null;
            int first = severity + 1;
            while (first < lines.Length && lines[first].Trim().Length == 0) first++;
            var paragraph = new List<string>();
            for (int i = first; i < lines.Length && lines[i].Trim().Length > 0; i++) paragraph.Add(lines[i].Trim());
            if (paragraph.Count == 0) return null;

            var descriptionMarkdown = Absolute(LeadInDropped(string.Join(" ", paragraph)), pageUri);
            var description = descriptionMarkdown.Replace("**", string.Empty).Replace("`", string.Empty);
            int body = lines[0].StartsWith("# ", StringComparison.Ordinal) ? 1 : 0;
            while (body < lines.Length && lines[body].Trim().Length == 0) body++;
            var markdown = Absolute(string.Join("\n", lines, body, lines.Length - body).TrimEnd() + "\n", pageUri);
            return new DiagnosticHelp(description, descriptionMarkdown, markdown);
        }

        // A paragraph that leads into a table or a list ("The analyzer checks:") ends, as a description, at its last full stop.
        private static string LeadInDropped(string paragraph)
        {
            if (!paragraph.EndsWith(":", StringComparison.Ordinal)) return paragraph;
            int stop = paragraph.LastIndexOf(". ", StringComparison.Ordinal);
            return stop < 0 ? paragraph : paragraph.Substring(0, stop + 1);
        }

        // A rule's help is shown away from the docs folder (a code-scanning alert): "TPM2202.md" or "../../README.md#x" would lead nowhere.
        private static string Absolute(string markdown, string pageUri) => LinkTarget.Replace(markdown, m =>
        {
            var target = m.Groups["target"].Value;
            if (Uri.TryCreate(target, UriKind.Absolute, out _)) return m.Value;
            return "](" + new Uri(new Uri(pageUri), target).AbsoluteUri + ")";
        });
    }
}
