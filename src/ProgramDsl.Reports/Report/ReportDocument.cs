using System.Collections.Generic;

namespace ProgramDsl.Reports.Report
{
    /// <summary>The colour a badge or a state is shown in.</summary>
    internal enum Tone
    {
        None,
        Green,
        Amber,
        Red,
        Grey,
    }

    /// <summary>How a run of text is shown.</summary>
    internal enum InlineKind
    {
        Text,
        Strong,
        Code,
        Badge,
    }

    /// <summary>A run of text. Its text is the user's or ours, unescaped: each renderer escapes it for its format.</summary>
    internal readonly struct Inline
    {
        public Inline(InlineKind kind, string text, Tone tone = Tone.None)
        {
            Kind = kind;
            // A string in a plan may hold line breaks; a table row or a list item must not.
            Text = (text ?? string.Empty).Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');
            Tone = tone;
        }

        public InlineKind Kind { get; }

        public string Text { get; }

        public Tone Tone { get; }
    }

    /// <summary>A line of runs: a paragraph, a list item or a table cell.</summary>
    internal sealed class Line
    {
        public List<Inline> Runs { get; } = new List<Inline>();

        public static Line Of(string text) => new Line().T(text);

        public static Line Id(string id) => new Line().C(id);

        public static Line Badge(Tone tone, string text) => new Line().Mark(tone, text);

        public Line T(string text)
        {
            if (text.Length > 0) Runs.Add(new Inline(InlineKind.Text, text));
            return this;
        }

        public Line B(string text)
        {
            Runs.Add(new Inline(InlineKind.Strong, text));
            return this;
        }

        public Line C(string code)
        {
            Runs.Add(new Inline(InlineKind.Code, code));
            return this;
        }

        public Line Mark(Tone tone, string text)
        {
            Runs.Add(new Inline(InlineKind.Badge, text, tone));
            return this;
        }
    }

    internal abstract class Block
    {
    }

    /// <summary>A paragraph; a note is small print (what a column means, what was left out).</summary>
    internal sealed class ParagraphBlock : Block
    {
        public ParagraphBlock(Line content, bool note = false)
        {
            Content = content;
            IsNote = note;
        }

        public Line Content { get; }

        public bool IsNote { get; }
    }

    internal sealed class ListBlock : Block
    {
        public List<Line> Items { get; } = new List<Line>();
    }

    /// <summary>A table; numeric columns are right-aligned.</summary>
    internal sealed class TableBlock : Block
    {
        public TableBlock(params string[] headers)
        {
            Headers = headers;
            Numeric = new bool[headers.Length];
            NoWrap = new bool[headers.Length];
        }

        public string[] Headers { get; }

        public bool[] Numeric { get; }

        /// <summary>Columns whose cells must not break (dates, ids): only HTML can say so.</summary>
        public bool[] NoWrap { get; }

        public List<Line[]> Rows { get; } = new List<Line[]>();

        public TableBlock NoWrapColumns(params int[] columns)
        {
            foreach (var c in columns) NoWrap[c] = true;
            return this;
        }

        public TableBlock NumericColumns(params int[] columns)
        {
            foreach (var c in columns) Numeric[c] = true;
            return this;
        }

        public void Add(params Line[] cells) => Rows.Add(cells);
    }

    /// <summary>A section with a heading; sections nest one level (a section's parts), never deeper.</summary>
    internal sealed class ReportSection
    {
        public ReportSection(string id, string title)
        {
            Id = id;
            Title = title;
        }

        /// <summary>The anchor (HTML id), fixed per section so links and tests can find it.</summary>
        public string Id { get; }

        public string Title { get; }

        /// <summary>A badge shown after the title (the RAG of a status area), if any.</summary>
        public Line? TitleBadge { get; set; }

        public List<Block> Blocks { get; } = new List<Block>();

        public List<ReportSection> Parts { get; } = new List<ReportSection>();

        public ReportSection Paragraph(Line line)
        {
            Blocks.Add(new ParagraphBlock(line));
            return this;
        }

        public ReportSection Note(Line line)
        {
            Blocks.Add(new ParagraphBlock(line, note: true));
            return this;
        }

        public ReportSection Add(Block block)
        {
            Blocks.Add(block);
            return this;
        }
    }

    /// <summary>
    /// The report as a document both renderers walk, so the Markdown and the HTML say the same thing: every figure
    /// and sentence is decided here, and a renderer only chooses the markup.
    /// </summary>
    internal sealed class ReportDocument
    {
        public ReportDocument(string title, string generator)
        {
            Title = title;
            Generator = generator;
        }

        public string Title { get; }

        /// <summary>"tpm 1.2.3": the tool that wrote it (never a date or time, so the output is reproducible).</summary>
        public string Generator { get; }

        /// <summary>The header facts under the title.</summary>
        public ListBlock Facts { get; } = new ListBlock();

        public List<ReportSection> Sections { get; } = new List<ReportSection>();
    }
}
