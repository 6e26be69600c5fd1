using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Semantics
{
    /// <summary>What a caret position is, for completion (see <see cref="PositionContext.Kind"/>).</summary>
    public enum PositionKind
    {
        /// <summary>Nothing is written here (between a declaration's header and its '{', an unknown statement's values).</summary>
        None,

        /// <summary>Inside a comment.</summary>
        Comment,

        /// <summary>Inside a string.</summary>
        String,

        /// <summary>Where a statement starts: one of <see cref="PositionContext.Keywords"/>.</summary>
        StatementKeyword,

        /// <summary>The name of a declaration being written (<c>task |</c>): a new name, nothing to complete.</summary>
        DeclarationName,

        /// <summary>In the values of a statement (<see cref="PositionContext.StatementKeyword"/>).</summary>
        Value,
    }

    /// <summary>
    /// The block context at a caret position: the enclosing declarations, whether a statement keyword or a value is
    /// expected, and which symbols a reference there may name. Made by <see cref="SemanticModel.ContextAt"/>.
    /// </summary>
    public sealed class PositionContext
    {
        private static readonly IReadOnlyList<string> NoWords = Array.Empty<string>();

        private PositionContext(SyntaxTree tree, int position, IReadOnlyList<DeclarationSyntax> enclosing, BlockContext block)
        {
            Tree = tree;
            Position = position;
            Enclosing = enclosing;
            Block = block;
            ReplacementSpan = new TextSpan(position, 0);
        }

        /// <summary>The file.</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The caret position.</summary>
        public int Position { get; }

        /// <summary>The declarations whose braces enclose the position, outermost first (empty at the top of the file).</summary>
        public IReadOnlyList<DeclarationSyntax> Enclosing { get; }

        /// <summary>The kinds of <see cref="Enclosing"/>, outermost first.</summary>
        public IReadOnlyList<DeclarationKind> EnclosingKinds
        {
            get
            {
                var kinds = new DeclarationKind[Enclosing.Count];
                for (int i = 0; i < kinds.Length; i++) kinds[i] = Enclosing[i].Kind;
                return kinds;
            }
        }

        /// <summary>The block the position is in: it decides which statements may be written.</summary>
        public BlockContext Block { get; }

        /// <summary>The symbol of the innermost enclosing declaration (null at the top of a file or when it was not bound).</summary>
        public Symbol? ContainingSymbol { get; private set; }

        /// <summary>What the position is.</summary>
        public PositionKind Kind { get; private set; }

        /// <summary>The statement keywords allowed in <see cref="Block"/>, sorted, when <see cref="Kind"/> is <see cref="PositionKind.StatementKeyword"/>; else empty.</summary>
        public IReadOnlyList<string> Keywords { get; private set; } = NoWords;

        /// <summary>The keyword of the statement whose values the position is in (<see cref="PositionKind.Value"/>), or the declaration keyword (<see cref="PositionKind.DeclarationName"/>).</summary>
        public string? StatementKeyword { get; private set; }

        /// <summary>True when a reference may be written here: right after the keyword, a ',' or a word such as <c>role</c> in <c>assign role</c>.</summary>
        public bool ExpectsReference { get; private set; }

        /// <summary>The kinds of symbol a reference here may name (empty when <see cref="ExpectsReference"/> is false).</summary>
        public IReadOnlyList<SymbolKind> ExpectedKinds { get; private set; } = Array.Empty<SymbolKind>();

        /// <summary>Words of the statement itself that may be written here (<c>role</c> at the start of an <c>assign</c> item, <c>skill</c> after <c>requires</c>, the allowed words of a statement such as <c>leveling</c> or <c>review</c>).</summary>
        public IReadOnlyList<string> ExpectedWords { get; private set; } = NoWords;

        /// <summary>
        /// The word being typed at the position, which a completion replaces: a keyword's or name's start, or the last
        /// segment of a dotted reference (<c>e</c> in <c>data.e</c>); empty at the position when nothing is typed yet.
        /// </summary>
        public TextSpan ReplacementSpan { get; private set; }

        /// <summary>The segments before the one being typed, joined by dots (<c>data</c> in <c>data.e</c>); null for an undotted word.</summary>
        public string? Qualifier { get; private set; }

        /// <inheritdoc />
        public override string ToString() =>
            Kind + " in " + Block + (StatementKeyword is null ? string.Empty : " after '" + StatementKeyword + "'") +
            (ExpectsReference ? " expecting " + string.Join("/", ExpectedKinds) : string.Empty);

        private enum Previous
        {
            None,
            Keyword,
            Comma,
            Intro,
            Other,
        }

        internal static PositionContext Compute(SemanticModel model, SyntaxTree tree, int offset)
        {
            var text = tree.Source.Text;
            if (offset < 0) offset = 0;
            if (offset > text.Length) offset = text.Length;

            // The blocks, from the tree: descend into the declaration whose braces hold the position, iteratively.
            var enclosing = new List<DeclarationSyntax>();
            IReadOnlyList<StatementSyntax> statements = tree.Root.Statements;
            int blockStart = 0;
            bool inProgramEntry = false;
            StatementSyntax? current;
            while (true)
            {
                int i = LastStartingBefore(statements, offset);
                current = i < 0 ? null : statements[i];
                if (current is DeclarationSyntax d && d.BodyContains(offset))
                {
                    enclosing.Add(d);
                    statements = d.Body;
                    blockStart = d.OpenBrace!.Value.End;
                    continue;
                }

                // A portfolio's program entry holds settings only (no declarations): its block is the innermost.
                if (current is ProgramEntrySyntax entry && entry.BodyContains(offset))
                {
                    inProgramEntry = true;
                    statements = entry.Body;
                    blockStart = entry.OpenBrace!.Value.End;
                    current = LastStartingBefore(statements, offset) is int j && j >= 0 ? statements[j] : null;
                }

                break;
            }

            var block = inProgramEntry ? BlockContext.PortfolioProgram : enclosing.Count == 0 ? BlockContext.File : SyntaxFacts.BodyContext(enclosing[enclosing.Count - 1].Kind);
            var context = new PositionContext(tree, offset, enclosing, block);
            if (enclosing.Count > 0)
            {
                // A tree the model did not bind (an editor's newer parse of one of its files) finds its symbol by id.
                context.ContainingSymbol = model.IndexOf(tree) >= 0 ? model.GetDeclaredSymbol(enclosing[enclosing.Count - 1]) : model.FindDeclaredByPath(enclosing);
            }

            // The statement being written, from the text: a statement that failed to parse is not in the tree.
            int scanFrom;
            bool beyondStatement = false;
            if (current is null)
            {
                scanFrom = blockStart;
            }
            else if (current is DeclarationSyntax header)
            {
                if (offset <= header.HeaderSpan.End) scanFrom = header.Span.Start;
                else if (offset >= header.Span.End) scanFrom = header.Span.End;
                else return context; // between the header and '{'
            }
            else
            {
                // Past a parsed statement on its line, the caret may still be in it ('assign ana, role |' parses
                // 'role' as a name): read the statement again from its keyword.
                bool sameLine = !Lexer.HasNewlineBetween(text, current.Span.End, offset);
                scanFrom = offset <= current.Span.End || sameLine ? current.Span.Start : current.Span.End;
                beyondStatement = offset > current.Span.End && sameLine;
            }

            context.Scan(text, scanFrom, offset, beyondStatement);
            return context;
        }

        /// <summary>The last statement starting before the position (binary search; statements are in text order).</summary>
        private static int LastStartingBefore(IReadOnlyList<StatementSyntax> statements, int offset)
        {
            int lo = 0, hi = statements.Count - 1, found = -1;
            while (lo <= hi)
            {
                int mid = lo + ((hi - lo) >> 1);
                if (statements[mid].Span.Start < offset)
                {
                    found = mid;
                    lo = mid + 1;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            return found;
        }

        private void Scan(string text, int from, int offset, bool beyondStatement)
        {
            string? keyword = null;
            string? introduced = null;
            var previous = Previous.None;
            bool newLine = false;
            bool inOtherToken = false;
            int wordStart = -1, segmentStart = -1;
            int p = from;
            while (p < offset)
            {
                char c = text[p];
                if (c == '\n' || c == '\r')
                {
                    newLine = true;
                    p++;
                    continue;
                }

                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    p++;
                    continue;
                }

                if (c == '/' && p + 1 < text.Length && text[p + 1] == '/')
                {
                    int end = p;
                    while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
                    if (offset <= end)
                    {
                        Kind = PositionKind.Comment;
                        return;
                    }

                    p = end;
                    continue;
                }

                if (c == '/' && p + 1 < text.Length && text[p + 1] == '*')
                {
                    int close = text.IndexOf("*/", p + 2, StringComparison.Ordinal);
                    int end = close < 0 ? text.Length : close + 2;
                    if (offset < end || close < 0)
                    {
                        Kind = PositionKind.Comment;
                        return;
                    }

                    p = end;
                    continue;
                }

                if (c == '"')
                {
                    int end = Lexer.ScanString(text, p, out _, out _, out _);
                    bool closed = end > p;
                    if (!closed)
                    {
                        end = p + 1;
                        while (end < text.Length && text[end] != '\n' && text[end] != '\r') end++;
                    }

                    if (offset < end || (!closed && offset <= end))
                    {
                        Kind = PositionKind.String;
                        return;
                    }

                    previous = Previous.Other;
                    newLine = false;
                    p = end;
                    continue;
                }

                if (Lexer.IsIdentifierStart(c))
                {
                    // A reference: identifiers joined by dots; 'data.' with the caret after the dot is one being typed.
                    int start = p, lastSegment = p;
                    int e = Lexer.ScanIdentifier(text, p);
                    while (e < offset && text[e] == '.')
                    {
                        if (e + 1 < text.Length && Lexer.IsIdentifierStart(text[e + 1]))
                        {
                            lastSegment = e + 1;
                            e = Lexer.ScanIdentifier(text, e + 1);
                        }
                        else if (e + 1 == offset)
                        {
                            lastSegment = e + 1;
                            e++;
                            break;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (offset <= e)
                    {
                        wordStart = start;
                        segmentStart = lastSegment;
                        break;
                    }

                    var word = text.Substring(start, e - start);
                    // A keyword of the block starts the next statement at the start of a line, or after a value that may
                    // end the statement ('effort 1d  assign ana').
                    if (keyword is null || ((newLine || previous == Previous.Other) && ReferenceRules.StatementKeywords(Block).Contains(word)))
                    {
                        keyword = word;
                        introduced = null;
                        previous = Previous.Keyword;
                    }
                    else if ((previous == Previous.Keyword || previous == Previous.Comma) && ReferenceRules.IntroducedKey(keyword, word) is string key)
                    {
                        introduced = key;
                        previous = Previous.Intro;
                    }
                    else
                    {
                        previous = Previous.Other;
                    }

                    newLine = false;
                    p = e;
                    continue;
                }

                if (c == ';' || c == '}' || c == '{')
                {
                    // ';' ends a statement; a brace here belongs to no statement of this block (it was skipped as an error).
                    keyword = null;
                    introduced = null;
                    previous = Previous.None;
                    newLine = false;
                    p++;
                    continue;
                }

                if (c == ',')
                {
                    previous = Previous.Comma;
                    newLine = false;
                    p++;
                    continue;
                }

                // Numbers, dates, durations, percentages, operators: one token up to a separator.
                int t = p + 1;
                while (t < text.Length && !char.IsWhiteSpace(text[t]) && ",;{}\"".IndexOf(text[t]) < 0 && !(text[t] == '/' && t + 1 < text.Length && (text[t + 1] == '/' || text[t + 1] == '*'))) t++;
                if (offset <= t)
                {
                    inOtherToken = true;
                    break;
                }

                previous = Previous.Other;
                newLine = false;
                p = t;
            }

            if (wordStart >= 0)
            {
                int end = Lexer.ScanIdentifier(text, segmentStart);
                ReplacementSpan = TextSpan.FromBounds(segmentStart, Math.Max(end, Position));
                if (segmentStart > wordStart) Qualifier = text.Substring(wordStart, segmentStart - 1 - wordStart);
            }

            // A word at the start of a line after a statement that may be complete starts the next statement, and so
            // does the caret after a statement the parser found complete, unless it asks for more ('assign ana, |').
            bool needsValue = previous == Previous.Keyword || previous == Previous.Comma || previous == Previous.Intro;
            if (keyword is null || (wordStart >= 0 && newLine && !needsValue) || (beyondStatement && !needsValue && !inOtherToken))
            {
                Kind = inOtherToken ? PositionKind.None : PositionKind.StatementKeyword;
                if (Kind == PositionKind.StatementKeyword) Keywords = ReferenceRules.StatementKeywords(Block);
                Qualifier = null;
                return;
            }

            StatementKeyword = keyword;
            if (ReferenceRules.IsDeclarationKeyword(Block, keyword))
            {
                Kind = previous == Previous.Keyword && !inOtherToken ? PositionKind.DeclarationName : PositionKind.None;
                return;
            }

            bool known = false;
            foreach (var k in ReferenceRules.StatementKeywords(Block)) known |= string.Equals(k, keyword, StringComparison.Ordinal);
            if (!known) return;
            Kind = PositionKind.Value;
            if (inOtherToken || !needsValue) return;

            // 'requires' takes the word 'skill' first; 'assign' takes a person or the word 'role' then a role.
            if (keyword == ProgramDsl.Syntax.Keywords.Requires && previous != Previous.Intro)
            {
                ExpectedWords = new[] { Statements.RequiresItemWords[0] };
                return;
            }

            var kinds = ReferenceRules.ExpectedKinds(Block, previous == Previous.Intro ? introduced! : keyword);
            if (kinds.Count == 0)
            {
                // A statement of a fixed vocabulary ('leveling on', 'review fairness, privacy').
                ExpectedWords = ReferenceRules.ValueWords(Block, keyword, previous == Previous.Comma);
                return;
            }

            ExpectsReference = true;
            ExpectedKinds = kinds;
            if (keyword == ProgramDsl.Syntax.Keywords.Assign && previous != Previous.Intro && Qualifier is null) ExpectedWords = new[] { ReferenceRules.AssignRoleWord };
        }
    }
}
