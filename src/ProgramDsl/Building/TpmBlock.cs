using System;
using System.Collections.Generic;
using System.Text;

namespace ProgramDsl.Building
{
    /// <summary>
    /// The body of one declaration as the builders record it: its statements in call order, then its nested
    /// declarations in call order. Rendering is a pure function of what was recorded, so the same calls give the
    /// same text.
    /// </summary>
    internal sealed class TpmBlock
    {
        private const string Indent = "  ";

        private readonly List<Statement> _statements = new List<Statement>();
        private readonly List<Declaration> _members = new List<Declaration>();

        /// <summary>True when the block has nothing to render (the declaration is written without braces).</summary>
        public bool IsEmpty => _statements.Count == 0 && _members.Count == 0;

        /// <summary>A statement with its arguments already rendered: <c>start 2027-01-04</c>.</summary>
        public void Add(string keyword, string arguments) => _statements.Add(new Statement(keyword, string.Empty, arguments));

        /// <summary>
        /// The most characters of items one list statement takes: a longer list continues in a statement of its own,
        /// so no line passes <see cref="InputLimits.MaxLineLength"/> (a task after 3,000 others).
        /// </summary>
        private const int MaxListChars = 4_000;

        /// <summary>
        /// An item of a list statement. Items of one keyword join the statement the first call created
        /// (<c>assign ana, bob 50%</c>) until it holds <see cref="MaxListChars"/> characters, then a new one: the
        /// language reads repeated list statements the same way, in the same order.
        /// </summary>
        public void AddItem(string keyword, string item, string prefix = "")
        {
            foreach (var statement in _statements)
            {
                if (statement.IsList && statement.Keyword == keyword && statement.ItemChars + 2 + item.Length <= MaxListChars)
                {
                    statement.Items.Add(item);
                    statement.ItemChars += 2 + item.Length;
                    return;
                }
            }

            var created = new Statement(keyword, prefix, null);
            created.Items.Add(item);
            created.ItemChars = item.Length;
            _statements.Add(created);
        }

        /// <summary>A nested declaration; returns its body for the nested builder to fill.</summary>
        public TpmBlock Declare(string keyword, string id, string? title)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            var declaration = new Declaration(keyword, id, title);
            _members.Add(declaration);
            return declaration.Body;
        }

        /// <summary>Writes a declaration: its header, and its body in braces when there is one.</summary>
        public static void WriteDeclaration(StringBuilder sb, int depth, string keyword, string id, string? title, TpmBlock body)
        {
            WriteIndent(sb, depth);
            sb.Append(keyword).Append(' ').Append(id);
            if (title != null) sb.Append(' ').Append(TpmText.Quote(title));
            if (body.IsEmpty)
            {
                sb.Append('\n');
                return;
            }

            sb.Append(" {\n");
            body.WriteBody(sb, depth + 1);
            WriteIndent(sb, depth);
            sb.Append("}\n");
        }

        private void WriteBody(StringBuilder sb, int depth)
        {
            foreach (var statement in _statements)
            {
                WriteIndent(sb, depth);
                sb.Append(statement.Keyword).Append(' ').Append(statement.Prefix);
                sb.Append(statement.IsList ? string.Join(", ", statement.Items) : statement.Arguments);
                sb.Append('\n');
            }

            // A blank line sets the declarations apart from the settings, and from each other, except in a run of
            // one-line declarations of one kind (a list of roles reads best without gaps).
            Declaration? previous = null;
            foreach (var member in _members)
            {
                bool together = previous != null && previous.Body.IsEmpty && member.Body.IsEmpty && previous.Keyword == member.Keyword;
                if ((previous != null || _statements.Count > 0) && !together) sb.Append('\n');
                WriteDeclaration(sb, depth, member.Keyword, member.Id, member.Title, member.Body);
                previous = member;
            }
        }

        private static void WriteIndent(StringBuilder sb, int depth)
        {
            for (int i = 0; i < depth; i++) sb.Append(Indent);
        }

        private sealed class Statement
        {
            public Statement(string keyword, string prefix, string? arguments)
            {
                Keyword = keyword;
                Prefix = prefix;
                Arguments = arguments;
            }

            public string Keyword { get; }

            /// <summary>Words between the keyword and a list (<c>skill</c> in <c>requires skill a, b</c>).</summary>
            public string Prefix { get; }

            /// <summary>The rendered arguments of a single statement; null for a list statement.</summary>
            public string? Arguments { get; }

            public bool IsList => Arguments is null;

            public List<string> Items { get; } = new List<string>();

            /// <summary>The items' characters as written, with their ", " separators.</summary>
            public int ItemChars { get; set; }
        }

        private sealed class Declaration
        {
            public Declaration(string keyword, string id, string? title)
            {
                Keyword = keyword;
                Id = id;
                Title = title;
            }

            public string Keyword { get; }

            public string Id { get; }

            public string? Title { get; }

            public TpmBlock Body { get; } = new TpmBlock();
        }
    }
}
