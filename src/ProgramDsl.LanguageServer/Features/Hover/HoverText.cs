using System.Collections.Generic;
using System.Text;

namespace ProgramDsl.LanguageServer.Features.Hover
{
    /// <summary>
    /// Writes a hover's lines as markdown or as plain text (for a client that does not take markdown): the builder
    /// says what is code, bold or a link, and this class says how each looks.
    /// </summary>
    public sealed class HoverText
    {
        private readonly StringBuilder _text = new StringBuilder();
        private bool _inList;

        /// <summary>Creates an empty hover text.</summary>
        public HoverText(bool markdown) => Markdown = markdown;

        /// <summary>True for markdown, false for plain text.</summary>
        public bool Markdown { get; }

        /// <summary>An identifier or a value as code: <c>`id`</c> in markdown.</summary>
        public string Code(string text) => Markdown ? "`" + text.Replace("`", "'") + "`" : text;

        /// <summary>Emphasised text: bold in markdown.</summary>
        public string Bold(string text) => Markdown ? "**" + Escape(text) + "**" : text;

        /// <summary>Plain words from the plan (a title, a note): markdown's special characters escaped.</summary>
        public string Words(string text) => Markdown ? Escape(text) : text;

        /// <summary>A link: <c>[label](url)</c> in markdown, <c>label: url</c> in plain text.</summary>
        public string Link(string label, string url) => Markdown ? "[" + Escape(label) + "](" + url + ")" : label + ": " + url;

        /// <summary>A paragraph (a blank line before it, unless it is the first).</summary>
        public HoverText Paragraph(string line)
        {
            EndList();
            if (_text.Length > 0) _text.Append('\n').Append('\n');
            _text.Append(line);
            return this;
        }

        /// <summary>A list item: a label and its value.</summary>
        public HoverText Item(string label, string value)
        {
            if (!_inList)
            {
                if (_text.Length > 0) _text.Append('\n').Append('\n');
                _inList = true;
            }
            else
            {
                _text.Append('\n');
            }

            _text.Append("- ").Append(Markdown ? Escape(label) : label).Append(": ").Append(value);
            return this;
        }

        /// <summary>A horizontal rule between two parts (a symbol and the diagnostics at the same place).</summary>
        public HoverText Rule()
        {
            EndList();
            if (_text.Length > 0) _text.Append('\n').Append('\n').Append(Markdown ? "---" : "----");
            return this;
        }

        /// <summary>True when nothing was written.</summary>
        public bool IsEmpty => _text.Length == 0;

        /// <inheritdoc />
        public override string ToString() => _text.ToString();

        private void EndList() => _inList = false;

        private static readonly HashSet<char> Special = new HashSet<char>("\\`*_{}[]<>#|~".ToCharArray());

        private static string Escape(string text)
        {
            StringBuilder? sb = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!Special.Contains(c) && c != '\n' && c != '\r') continue;
                sb ??= new StringBuilder(text.Length + 8).Append(text, 0, i);
                sb.Append(c == '\n' || c == '\r' ? " " : "\\" + c);
                for (int j = i + 1; j < text.Length; j++)
                {
                    char d = text[j];
                    if (d == '\n' || d == '\r') sb.Append(' ');
                    else if (Special.Contains(d)) sb.Append('\\').Append(d);
                    else sb.Append(d);
                }

                return sb.ToString();
            }

            return text;
        }
    }
}
