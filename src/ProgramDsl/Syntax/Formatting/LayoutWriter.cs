using System;
using System.Collections.Generic;
using System.Text;

namespace ProgramDsl.Syntax.Formatting
{
    /// <summary>
    /// The one pass of <see cref="PlanFormatter"/>: reads the text token by token and comment by comment, and lays each
    /// out by its place in the syntax tree (a statement's first token, a block's braces, a token inside a statement).
    /// Blocks are tracked on an explicit stack; comments between two tokens are held until the second is known.
    /// </summary>
    internal sealed class LayoutWriter
    {
        private enum Role
        {
            Statement,
            Token,
            Open,
            Close,
            Semicolon,
            End,
        }

        private readonly struct Comment
        {
            public Comment(int start, int end, bool isLine, int breaksBefore, int column, int gap)
            {
                Gap = gap;
                Start = start;
                End = end;
                IsLine = isLine;
                BreaksBefore = breaksBefore;
                Column = column;
            }

            /// <summary>Characters between it and the token or comment before it.</summary>
            public int Gap { get; }

            /// <summary>Characters before it on its line in the source.</summary>
            public int Column { get; }

            public int Start { get; }

            public int End { get; }

            public bool IsLine { get; }

            /// <summary>Line breaks between the previous token or comment and this one.</summary>
            public int BreaksBefore { get; }
        }

        private sealed class Frame
        {
            public Frame(IReadOnlyList<StatementSyntax> body, int depth, bool oneLine, int close)
            {
                Body = body;
                Depth = depth;
                OneLine = oneLine;
                Close = close;
            }

            public IReadOnlyList<StatementSyntax> Body { get; }

            /// <summary>The block level of the statements inside (0 for the file).</summary>
            public int Depth { get; }

            public bool OneLine { get; }

            /// <summary>The offset of the closing brace, or -1 for the file.</summary>
            public int Close { get; }

            /// <summary>The next statement of <see cref="Body"/> to meet.</summary>
            public int Next { get; set; }

            public int NextStart => Next < Body.Count ? Body[Next].KeywordSpan.Start : int.MaxValue;

            /// <summary>A line break has come since the '{' (statements on the line of the '{' are not kept together).</summary>
            public bool LineBroken { get; set; }
        }

        private readonly string _text;
        private readonly StringBuilder _out;
        private readonly string _newline;
        private readonly List<Frame> _frames = new List<Frame>();
        private readonly List<Comment> _pending = new List<Comment>();

        // Where the output starts (after a byte order mark) and where its current line starts.
        private readonly int _origin;
        private int _lineStart;

        // The current line: holds something besides indentation; ends with a line comment (the next thing needs a new line);
        // holds only comments that stood on their own line (a statement written after one on the same line stays there).
        private bool _lineHasContent;
        private bool _mustBreak;
        private bool _leadingCommentLine;

        // Nothing has been written since a block's '{' (no blank line there).
        private bool _afterOpen;

        // The statement being written: its block level, the column its keyword starts at, the offset of its '{' (-1 if
        // none or passed), whether a comment stands inside it, and whether its tokens are still coming.
        private int _statementDepth;
        private int _statementColumn;
        private int _statementLine;
        private int _openAt = -1;
        private StatementSyntax? _declaration;
        private bool _statementHasComment;
        private bool _inStatement;

        // The last token written, for the one ';' that is kept (after a person named 'role').
        private int _previousStart = -1;
        private int _previousEnd = -1;

        public LayoutWriter(string text, IReadOnlyList<StatementSyntax> statements)
        {
            _text = text;
            _newline = NewlineOf(text);
            _out = new StringBuilder(text.Length + text.Length / 8 + 16);
            if (text.Length > 0 && text[0] == '\uFEFF') _out.Append('\uFEFF');
            _origin = _out.Length;
            _lineStart = _origin;
            _frames.Add(new Frame(statements, 0, oneLine: false, close: -1) { LineBroken = true });
        }

        /// <summary>CRLF when the first line break of the text is one, else LF.</summary>
        private static string NewlineOf(string text)
        {
            int i = text.IndexOf('\n');
            return i > 0 && text[i - 1] == '\r' ? "\r\n" : "\n";
        }

        private int LineLength => _out.Length - _lineStart;

        private bool AtFileStart => _out.Length == _origin;

        private Frame Top => _frames[_frames.Count - 1];

        /// <summary>The formatted text, or null when it would be longer than <see cref="InputLimits.MaxProgramChars"/>.</summary>
        public string? Run()
        {
            try
            {
                return Layout();
            }
            catch (OutputTooLongException)
            {
                return null;
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        private string? Layout()
        {
            var text = _text;
            int n = text.Length;
            int p = _origin;
            int carried = 0;
            int sourceLine = p;
            int itemEnd = p;
            while (true)
            {
                // White space and comments up to the next token; line breaks are counted for blank lines.
                // After a dropped ';' the larger count on either side of it decides a blank line.
                int breaks = 0;
                while (p < n)
                {
                    char c = text[p];
                    if (c == '\n')
                    {
                        breaks++;
                        p++;
                        sourceLine = p;
                    }
                    else if (c == '\r')
                    {
                        breaks++;
                        p++;
                        if (p < n && text[p] == '\n') p++;
                        sourceLine = p;
                    }
                    else if (Lexer.IsSpaceTrivia(c))
                    {
                        p++;
                    }
                    else if (Lexer.StartsComment(text, p))
                    {
                        int end = Lexer.ScanComment(text, p, out bool isLine, out _);
                        if (end < 0) throw new InvalidOperationException("unterminated block comment in a tree without errors");
                        _pending.Add(new Comment(p, end, isLine, Math.Max(breaks, carried), p - sourceLine, p - itemEnd));
                        itemEnd = end;
                        breaks = 0;
                        carried = 0;
                        if (!isLine) sourceLine = LastLineStart(text, p, end, sourceLine);
                        p = end;
                    }
                    else
                    {
                        break;
                    }
                }

                breaks = Math.Max(breaks, carried);
                carried = 0;
                if (p >= n)
                {
                    FlushComments(Role.End);
                    if (!AtFileStart) _out.Append(_newline);
                    return _out.Length > InputLimits.MaxProgramChars ? null : _out.ToString();
                }

                var top = Top;
                Role role;
                int tokenEnd;
                if (p == _openAt)
                {
                    role = Role.Open;
                    tokenEnd = p + 1;
                }
                else if (p == top.Close)
                {
                    role = Role.Close;
                    tokenEnd = p + 1;
                }
                else if (p == top.NextStart)
                {
                    role = Role.Statement;
                    int limit = top.Next + 1 < top.Body.Count ? top.Body[top.Next + 1].KeywordSpan.Start : n;
                    tokenEnd = ChunkEnd(text, p, limit);
                }
                else if (p > top.NextStart || (top.Close >= 0 && p > top.Close))
                {
                    throw new InvalidOperationException("the formatter passed a statement at offset " + p);
                }
                else if (text[p] == ';')
                {
                    tokenEnd = p + 1;
                    if (!KeepSemicolon(_previousStart, _previousEnd))
                    {
                        // Dropped: the comments and line breaks around it belong to what comes next.
                        carried = breaks;
                        p = tokenEnd;
                        itemEnd = tokenEnd;
                        continue;
                    }

                    role = Role.Semicolon;
                }
                else
                {
                    role = Role.Token;
                    tokenEnd = ChunkEnd(text, p, top.NextStart);
                }

                bool commentsBefore = _pending.Count > 0;
                if (breaks > 0 || _pending.Exists(c => c.BreaksBefore > 0)) top.LineBroken = true;
                FlushComments(role);
                switch (role)
                {
                    case Role.Statement:
                        WriteStatementStart(top, p, tokenEnd, breaks == 0 && !commentsBefore, breaks);
                        break;
                    case Role.Open:
                        WriteOpen();
                        break;
                    case Role.Close:
                        WriteClose();
                        break;
                    default:
                        WriteToken(p, tokenEnd);
                        break;
                }

                _previousStart = p;
                _previousEnd = tokenEnd;
                p = tokenEnd;
                itemEnd = tokenEnd;
            }
        }

        /// <summary>
        /// A ';' after the word <c>role</c> is kept: <c>assign role; effort 5d</c> assigns a person named <c>role</c>, and
        /// without the ';' the next keyword would read as the role's name. Every other ';' only separates statements.
        /// </summary>
        private bool KeepSemicolon(int previousStart, int previousEnd) =>
            previousEnd - previousStart == RoleWord.Length && string.CompareOrdinal(_text, previousStart, RoleWord, 0, RoleWord.Length) == 0;

        private static readonly string RoleWord = Statements.AssignRoleWord;

        /// <summary>
        /// The end of the token at <paramref name="p"/>: a string, a ',' ';' '{' or '}', or a run of other characters up to
        /// white space, a comment, one of those, or <paramref name="limit"/> (where the next statement starts, which may
        /// follow a value with no space: <c>progress 100%assign ben</c>). A run is copied as written.
        /// </summary>
        internal static int ChunkEnd(string text, int p, int limit)
        {
            char c = text[p];
            if (c == '"')
            {
                int end = Lexer.ScanString(text, p, out _, out _, out _);
                if (end > p) return end;
            }

            if (c == ',' || c == ';' || c == '{' || c == '}') return p + 1;
            int e = p + 1;
            int n = text.Length;
            while (e < n && e < limit)
            {
                c = text[e];
                if (c == '"' || c == ',' || c == ';' || c == '{' || c == '}' || Lexer.IsSpaceTrivia(c)) break;
                if (c == '/' && e + 1 < n && (text[e + 1] == '/' || text[e + 1] == '*')) break;
                e++;
            }

            return e;
        }

        private void FlushComments(Role next)
        {
            if (_pending.Count == 0) return;

            // Inside a statement: before one of its tokens, its '{' or a kept ';'.
            bool inside = _inStatement && (next == Role.Token || next == Role.Open || next == Role.Semicolon);
            foreach (var comment in _pending)
            {
                int end = comment.End;
                if (comment.IsLine)
                {
                    while (end > comment.Start + 2 && (_text[end - 1] == ' ' || _text[end - 1] == '\t')) end--;
                }

                if (comment.BreaksBefore == 0 && !AtFileStart)
                {
                    // After code on the same line: stays at the end of that line, one space after the code; a line comment
                    // set further off (aligned with others) keeps its column while the code still ends before it.
                    int pad = comment.IsLine && !inside && comment.Gap > 1 ? Math.Max(1, comment.Column - LineLength) : 1;
                    _out.Append(' ', pad);
                }
                else if (inside)
                {
                    BreakLine(_statementDepth * PlanFormatter.IndentSize + PlanFormatter.ContinuationIndent);
                }
                else
                {
                    // On its own line: indented as what follows (a statement of the block, or the block's end).
                    StartLine(Top.Depth * PlanFormatter.IndentSize, blank: comment.BreaksBefore >= 2);
                    _leadingCommentLine = !comment.IsLine;
                }

                AppendComment(comment.Start, end);
                if (comment.IsLine) _mustBreak = true;
                if (inside) _statementHasComment = true;
            }

            _pending.Clear();
        }

        private void WriteStatementStart(Frame top, int start, int end, bool sameLine, int breaks)
        {
            var statement = top.Body[top.Next];
            if (top.OneLine)
            {
                _out.Append(' ', top.Next == 0 ? 1 : 2);
            }
            else if (_leadingCommentLine && breaks == 0 && !_mustBreak)
            {
                // "/* why */ effort 5d" on one line stays so.
                _out.Append(' ');
            }
            else if (sameLine && top.LineBroken && !_mustBreak && !_statementHasComment && top.Next > 0 && !IsBlock(top.Body[top.Next - 1]) &&
                     !IsBlock(statement) && FitsOnLine(statement, LineLength - top.Depth * PlanFormatter.IndentSize + 2))
            {
                // Short settings written on one line stay there, two spaces apart, as in a one-line block.
                _out.Append(' ', 2);
            }
            else
            {
                StartLine(top.Depth * PlanFormatter.IndentSize, blank: breaks >= 2);
            }

            top.Next++;
            _statementDepth = top.Depth;
            _statementColumn = LineLength;
            _statementLine = _lineStart;
            Append(start, end);
            _inStatement = true;
            _statementHasComment = false;
            _declaration = IsBlock(statement) ? statement : null;
            _openAt = _declaration is null ? -1 : Block(_declaration).Open is Text.TextSpan open ? open.Start : -1;
        }

        private void WriteToken(int start, int end)
        {
            if (_mustBreak)
            {
                BreakLine(_statementDepth * PlanFormatter.IndentSize + PlanFormatter.ContinuationIndent);
            }
            else if (_text[start] == ',' || _text[start] == ';')
            {
                // Written against the token before.
            }
            else if (_lineHasContent && LineLength + 1 + (end - start) > PlanFormatter.WrapWidth)
            {
                BreakLine(_statementDepth * PlanFormatter.IndentSize + PlanFormatter.ContinuationIndent);
            }
            else
            {
                _out.Append(' ');
            }

            Append(start, end);
        }

        private void WriteOpen()
        {
            var declaration = _declaration!;
            // A comment in the header does not unfold the block, unless it broke the header's line.
            bool oneLine = _lineStart == _statementLine && !_mustBreak && FitsOnOneLine(declaration, LineLength - _statementColumn);
            if (_mustBreak)
            {
                BreakLine(_statementDepth * PlanFormatter.IndentSize + PlanFormatter.ContinuationIndent);
            }
            else
            {
                _out.Append(' ');
            }

            _out.Append('{');
            _lineHasContent = true;
            _leadingCommentLine = false;
            var block = Block(declaration);
            _frames.Add(new Frame(block.Body, _statementDepth + 1, oneLine, block.Close?.Start ?? -1));
            _afterOpen = !oneLine;
            _openAt = -1;
            _inStatement = false;
        }

        private void WriteClose()
        {
            var frame = Top;
            _frames.RemoveAt(_frames.Count - 1);
            if (frame.OneLine)
            {
                _out.Append(" }");
            }
            else
            {
                StartLine((frame.Depth - 1) * PlanFormatter.IndentSize, blank: false);
                _out.Append('}');
            }

            _lineHasContent = true;
            _leadingCommentLine = false;
            _afterOpen = false;
            _inStatement = false;
            _openAt = -1;
        }

        /// <summary>
        /// True when a block was written on one line (no line break between its braces), holds no comment and no block,
        /// and laid out as <c>header { stmt  stmt }</c> is at most <see cref="PlanFormatter.MaxOneLineBlockLength"/> long.
        /// Reads at most that many characters' worth of tokens.
        /// </summary>
        private bool FitsOnOneLine(StatementSyntax declaration, int headerLength)
        {
            var block = Block(declaration);
            if (block.Open is not Text.TextSpan open || block.Close is not Text.TextSpan close) return false;
            var body = block.Body;
            foreach (var statement in body)
            {
                if (IsBlock(statement) && Block(statement).Open.HasValue) return false;
            }

            var text = _text;
            int width = headerLength + 2;
            int p = open.End;
            int k = 0;
            int previousStart = -1;
            int previousEnd = -1;
            while (true)
            {
                p = NextOnLine(text, p, close.Start);
                if (p < 0) return false;
                if (p >= close.Start) break;
                int end;
                if (k < body.Count && p == body[k].KeywordSpan.Start)
                {
                    end = ChunkEnd(text, p, k + 1 < body.Count ? body[k + 1].KeywordSpan.Start : close.Start);
                    width += (k == 0 ? 1 : 2) + (end - p);
                    k++;
                }
                else if (text[p] == ';')
                {
                    end = p + 1;
                    if (KeepSemicolon(previousStart, previousEnd)) width++;
                    else
                    {
                        p = end;
                        continue;
                    }
                }
                else if (text[p] == ',')
                {
                    end = p + 1;
                    width++;
                }
                else
                {
                    end = ChunkEnd(text, p, k < body.Count ? body[k].KeywordSpan.Start : close.Start);
                    width += 1 + (end - p);
                }

                if (width + 2 > PlanFormatter.MaxOneLineBlockLength) return false;
                previousStart = p;
                previousEnd = end;
                p = end;
            }

            return width + 2 <= PlanFormatter.MaxOneLineBlockLength;
        }

        /// <summary>True for a statement that may open a block: a declaration, or a portfolio's program entry.</summary>
        internal static bool IsBlock(StatementSyntax statement) => statement is DeclarationSyntax || statement is ProgramEntrySyntax;

        /// <summary>The body and braces of a declaration or a program entry (none for another statement).</summary>
        internal static (IReadOnlyList<StatementSyntax> Body, Text.TextSpan? Open, Text.TextSpan? Close) Block(StatementSyntax statement) => statement switch
        {
            DeclarationSyntax d => (d.Body, d.OpenBrace, d.CloseBrace),
            ProgramEntrySyntax e => (e.Body, e.OpenBrace, e.CloseBrace),
            _ => (Array.Empty<StatementSyntax>(), null, null),
        };

        /// <summary>
        /// The next token's position at or after <paramref name="p"/> (or <paramref name="stop"/>), skipping spaces; -1 when
        /// a line break or a comment comes first, which keeps the text from being laid out on one line.
        /// </summary>
        private static int NextOnLine(string text, int p, int stop)
        {
            for (; p < stop; p++)
            {
                char c = text[p];
                if (c == '\n' || c == '\r' || Lexer.StartsComment(text, p)) return -1;
                if (!Lexer.IsSpaceTrivia(c)) return p;
            }

            return stop;
        }

        /// <summary>
        /// True when a setting written on one line with no comment in it, laid out after <paramref name="before"/>
        /// characters, ends within <see cref="PlanFormatter.MaxOneLineBlockLength"/>.
        /// </summary>
        private bool FitsOnLine(StatementSyntax statement, int before)
        {
            var text = _text;
            int width = before;
            int p = statement.Span.Start;
            int stop = statement.Span.End;
            bool first = true;
            while (true)
            {
                p = NextOnLine(text, p, stop);
                if (p < 0) return false;
                if (p >= stop) break;
                char c = text[p];
                int end = ChunkEnd(text, p, stop);
                width += (first || c == ',' ? 0 : 1) + (end - p);
                if (width > PlanFormatter.MaxOneLineBlockLength) return false;
                first = false;
                p = end;
            }

            return true;
        }

        /// <summary>Where the last line of a block comment starts, or <paramref name="current"/> when it has one line.</summary>
        private static int LastLineStart(string text, int start, int end, int current)
        {
            for (int i = end - 1; i >= start; i--)
            {
                if (text[i] == '\n' || text[i] == '\r') return i + 1;
            }

            return current;
        }

        /// <summary>Ends the line (with a blank line when asked and allowed) and indents the next.</summary>
        private void StartLine(int indent, bool blank)
        {
            if (!AtFileStart)
            {
                _out.Append(_newline);
                if (blank && !_afterOpen) _out.Append(_newline);
            }

            if (_out.Length > InputLimits.MaxProgramChars) throw new OutputTooLongException();
            _lineStart = _out.Length;
            _out.Append(' ', indent);
            _lineHasContent = false;
            _mustBreak = false;
            _leadingCommentLine = false;
            _afterOpen = false;
        }

        /// <summary>Continues a statement on the next line.</summary>
        private void BreakLine(int indent)
        {
            _out.Append(_newline);
            if (_out.Length > InputLimits.MaxProgramChars) throw new OutputTooLongException();
            _lineStart = _out.Length;
            _out.Append(' ', indent);
            _lineHasContent = false;
            _mustBreak = false;
            _leadingCommentLine = false;
        }

        /// <summary>The output passed <see cref="InputLimits.MaxProgramChars"/>: <see cref="Run"/> returns null.</summary>
        private sealed class OutputTooLongException : Exception
        {
        }

        private void Append(int start, int end)
        {
            _out.Append(_text, start, end - start);
            _lineHasContent = true;
            _leadingCommentLine = false;
            _afterOpen = false;
        }

        private void AppendComment(int start, int end)
        {
            int at = _out.Length;
            _out.Append(_text, start, end - start);
            _lineHasContent = true;

            // A block comment over several lines: the line now being written is its last.
            for (int i = end - 1; i >= start; i--)
            {
                char c = _text[i];
                if (c == '\n' || c == '\r')
                {
                    _lineStart = at + (i - start) + 1;
                    break;
                }
            }
        }
    }
}
