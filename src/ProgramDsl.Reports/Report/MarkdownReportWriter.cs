using System.Text;

namespace ProgramDsl.Reports.Report
{
    /// <summary>Writes a report document as GitHub-flavoured Markdown, escaping every run of text.</summary>
    internal static class MarkdownReportWriter
    {
        public static string Write(ReportDocument document)
        {
            var sb = new StringBuilder();
            sb.Append("# ").Append(Heading(document.Title)).Append("\n\n");
            foreach (var item in document.Facts.Items) sb.Append("- ").Append(LineStart(Render(item, inTable: false))).Append('\n');
            foreach (var section in document.Sections)
            {
                Section(sb, section, "## ");
                foreach (var part in section.Parts) Section(sb, part, "### ");
            }

            return sb.ToString();
        }

        private static void Section(StringBuilder sb, ReportSection section, string marker)
        {
            sb.Append('\n').Append(marker).Append(Heading(section.Title));
            if (section.TitleBadge != null) sb.Append(" — ").Append(Render(section.TitleBadge, inTable: false));
            sb.Append('\n');
            foreach (var block in section.Blocks)
            {
                sb.Append('\n');
                switch (block)
                {
                    case ParagraphBlock p:
                        // Small print as a quote: GitHub shows it set apart and muted.
                        sb.Append(p.IsNote ? "> " : string.Empty).Append(LineStart(Render(p.Content, inTable: false))).Append('\n');
                        break;
                    case ListBlock l:
                        foreach (var item in l.Items) sb.Append("- ").Append(LineStart(Render(item, inTable: false))).Append('\n');
                        break;
                    case TableBlock t:
                        Table(sb, t);
                        break;
                }
            }
        }

        private static void Table(StringBuilder sb, TableBlock table)
        {
            sb.Append('|');
            foreach (var h in table.Headers) sb.Append(' ').Append(Escape(h)).Append(" |");
            sb.Append("\n|");
            for (int c = 0; c < table.Headers.Length; c++) sb.Append(table.Numeric[c] ? " ---: |" : " --- |");
            sb.Append('\n');
            foreach (var row in table.Rows)
            {
                sb.Append('|');
                foreach (var cell in row) sb.Append(' ').Append(Render(cell, inTable: true)).Append(" |");
                sb.Append('\n');
            }
        }

        private static string Render(Line line, bool inTable)
        {
            var sb = new StringBuilder();
            foreach (var run in line.Runs)
            {
                switch (run.Kind)
                {
                    case InlineKind.Strong:
                        sb.Append("**").Append(Escape(run.Text.Trim())).Append("**");
                        // Emphasis markers must touch the text; the spaces trimmed off go outside them.
                        if (run.Text.EndsWith(" ")) sb.Append(' ');
                        break;
                    case InlineKind.Code:
                        sb.Append(Code(run.Text, inTable));
                        break;
                    case InlineKind.Badge:
                        sb.Append(Dot(run.Tone)).Append("**").Append(Escape(run.Text)).Append("**");
                        break;
                    default:
                        sb.Append(Escape(run.Text));
                        break;
                }
            }

            return sb.ToString();
        }

        /// <summary>A coloured dot before a badge, so the state shows at a glance where Markdown has no colour.</summary>
        private static string Dot(Tone tone) => tone switch
        {
            Tone.Red => "🔴 ",
            Tone.Amber => "🟠 ",
            Tone.Green => "🟢 ",
            Tone.Grey => "⚪ ",
            _ => string.Empty,
        };

        private static string Code(string text, bool inTable)
        {
            // A code span shows its text as is, so only a backtick (which would end it) forces plain escaped text.
            if (text.Length == 0 || text.IndexOf('`') >= 0) return Escape(text);
            // In a table a pipe ends the cell even inside a code span; GitHub takes \| there as a literal pipe.
            return "`" + (inTable ? text.Replace("|", "\\|") : text) + "`";
        }

        /// <summary>
        /// Escapes text for Markdown: every character that can start emphasis, code, a link, HTML, an entity, a table
        /// cell or strike-through gets a backslash (CommonMark lets any ASCII punctuation be escaped). What matters only
        /// at the start of a line ('#', '-', '>', "1.") is left to <see cref="LineStart"/>.
        /// </summary>
        public static string Escape(string text)
        {
            StringBuilder? sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool special = c switch
                {
                    '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '~' => true,
                    // '&' starts an entity only before a letter or '#': "Risk & Governance" stays as written.
                    '&' => i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '#'),
                    // '<' starts HTML or an autolink only before a letter, '/', '!' or '?': "<= 25" stays as written.
                    '<' => i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!' || text[i + 1] == '?'),
                    _ => false,
                };
                if (special)
                {
                    sb ??= new StringBuilder(text, 0, i, text.Length + 8);
                    sb.Append('\\');
                }

                sb?.Append(c);
            }

            return sb?.ToString() ?? text;
        }

        /// <summary>Heading text: escaped, and a trailing '#' kept from reading as the heading's closing sequence.</summary>
        private static string Heading(string text)
        {
            var escaped = Escape(text.Trim());
            return escaped.EndsWith("#") ? escaped.Substring(0, escaped.Length - 1) + "\\#" : escaped;
        }

        /// <summary>Keeps text at the start of a line from reading as a heading, list item, quote or rule ("# x", "- x", "1. x", "+ x", "&gt; x").</summary>
        private static string LineStart(string text)
        {
            text = text.TrimStart(' ');
            if (text.Length == 0) return text;
            if (text[0] == '#' || text[0] == '-' || text[0] == '+' || text[0] == '=' || text[0] == '>') return "\\" + text;
            int digits = 0;
            while (digits < text.Length && char.IsDigit(text[digits])) digits++;
            if (digits > 0 && digits < text.Length && (text[digits] == '.' || text[digits] == ')')) return text.Substring(0, digits) + "\\" + text.Substring(digits);
            return text;
        }
    }
}
