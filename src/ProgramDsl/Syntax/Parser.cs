using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;
using Sprache;

namespace ProgramDsl.Syntax
{
    /// <summary>
    /// Parses a file statement by statement. Each statement is parsed by its keyword's Sprache rule;
    /// blocks are tracked on an explicit stack rather than by recursion, so nesting depth is bounded only by
    /// memory, and a statement that fails is reported (TPM0001) and skipped up to the next statement,
    /// so independent errors are all reported.
    /// </summary>
    public static class Parser
    {
        /// <summary>Parsing stops after this many syntax errors in one file.</summary>
        public const int MaxErrors = 100;

        private sealed class Frame
        {
            public Frame(BlockContext context, string? keyword, TextSpan keywordSpan, DeclarationKind kind, IdentifierSyntax? name, StringValueSyntax? title, TextSpan openBrace)
            {
                Context = context;
                Keyword = keyword;
                KeywordSpan = keywordSpan;
                Kind = kind;
                Name = name;
                Title = title;
                OpenBrace = openBrace;
            }

            public BlockContext Context { get; }

            public string? Keyword { get; }

            public TextSpan KeywordSpan { get; }

            public DeclarationKind Kind { get; }

            public IdentifierSyntax? Name { get; }

            public StringValueSyntax? Title { get; }

            public TextSpan OpenBrace { get; }

            public List<StatementSyntax> Body { get; } = new List<StatementSyntax>();

            public bool HasErrors { get; set; }

            /// <summary>The path of a portfolio's <c>program "path" { }</c> entry, whose block this is; null for a declaration.</summary>
            public StringValueSyntax? EntryPath { get; set; }

            // The body list becomes an exact-size array: trees of large plans stay smaller.
            public StatementSyntax Close(TextSpan? closeBrace, int end) => EntryPath is null
                ? new DeclarationSyntax(Keyword!, KeywordSpan, Kind, Name!, Title, Body.ToArray(), OpenBrace, closeBrace, HasErrors, TextSpan.FromBounds(KeywordSpan.Start, end))
                : new ProgramEntrySyntax(Keyword!, KeywordSpan, EntryPath, Body.ToArray(), OpenBrace, closeBrace, HasErrors, TextSpan.FromBounds(KeywordSpan.Start, end));
        }

        /// <summary>Texts at least this long are parsed in parallel chunks when the machine has several cores.</summary>
        internal const int ParallelThreshold = 1_000_000;

        /// <summary>Parses a source text into a syntax tree with its syntax diagnostics.</summary>
        public static SyntaxTree Parse(SourceText source) => Parse(source, Environment.ProcessorCount > 1 && source.Length >= ParallelThreshold ? Environment.ProcessorCount * 2 : 1);

        /// <summary>
        /// Parses with up to <paramref name="chunks"/> concurrent pieces of the program body. The result is the
        /// same as a sequential parse: pieces are cut only at statement starts at the program's top level, and
        /// when any piece meets an error the whole text is parsed again sequentially.
        /// </summary>
        internal static SyntaxTree Parse(SourceText source, int chunks) => Parse(source, chunks, 0, 0);

        /// <summary>
        /// Parses a file of a program whose files already read hold <paramref name="tokensBefore"/> tokens and
        /// <paramref name="declarationsBefore"/> declarations: the token and declaration limits are the program's.
        /// </summary>
        internal static SyntaxTree Parse(SourceText source, int tokensBefore, int declarationsBefore, System.Threading.CancellationToken cancellationToken = default) =>
            Parse(source, Environment.ProcessorCount > 1 && source.Length >= ParallelThreshold ? Environment.ProcessorCount * 2 : 1, tokensBefore, declarationsBefore, cancellationToken);

        private static SyntaxTree Parse(SourceText source, int chunks, int tokensBefore, int declarationsBefore, System.Threading.CancellationToken cancellationToken = default)
        {
            // A file past a limit is not parsed at all: the limit is its one error, with no follow-on errors
            // about what the cut would leave unclosed or undefined.
            if (InputSurvey.Run(source.Text, tokensBefore, out var invisible, out int tokens, cancellationToken) is InputSurvey.Violation limit)
            {
                return LimitTree(source, limit.Report(new SourceLocation(source, new TextSpan(limit.At, limit.Length))));
            }

            int declarationRoom = InputLimits.MaxDeclarations - declarationsBefore;
            if (invisible is null && chunks > 1 && TrySplit(source.Text, chunks, cancellationToken) is List<int> cuts)
            {
                var tree = ParseInPieces(source, cuts, declarationRoom, cancellationToken);
                if (tree != null)
                {
                    tree.TokenCount = tokens;
                    return tree;
                }
            }

            var run = new Run(source, new NameTable(), declarationRoom: declarationRoom, cancellationToken: cancellationToken);
            run.Loop(0, source.Length);
            if (run.DeclarationLimitAt is TextSpan past)
            {
                return LimitTree(source, DiagnosticCatalog.TooManyDeclarations(new SourceLocation(source, past), declarationsBefore > 0));
            }

            var result = run.Finish(invisible);
            result.TokenCount = tokens;
            result.DeclarationCount = run.Declarations;
            return result;
        }

        private static SyntaxTree LimitTree(SourceText source, Diagnostic diagnostic)
        {
            return new SyntaxTree(source, new CompilationUnitSyntax(Array.Empty<StatementSyntax>(), new TextSpan(0, source.Length)), new[] { diagnostic });
        }

        /// <summary>True when the tree's file went past an <see cref="InputLimits"/> bound (and so was not parsed).</summary>
        public static bool HitLimit(SyntaxTree tree) => tree.Diagnostics.Any(d => ReferenceEquals(d.Descriptor, DiagnosticCatalog.InputLimitExceeded));

        private static SyntaxTree? ParseInPieces(SourceText source, List<int> cuts, int declarationRoom, System.Threading.CancellationToken cancellationToken)
        {
            // cuts: body start, statement starts inside the body, body end (the program's closing brace).
            // Each piece may hold the whole allowance; past it in total, the sequential parse finds the exact place.
            var head = new Run(source, new NameTable(), declarationRoom: declarationRoom, cancellationToken: cancellationToken);
            head.Loop(0, cuts[0]);
            if (head.Diagnostics.Count > 0 || head.Stack.Count != 2) return null;
            var program = head.Stack[1];
            var pieces = new Run[cuts.Count - 1];
            // A piece that sees the token cancelled throws; Parallel.For then throws one OperationCanceledException for it.
            var parallel = new System.Threading.Tasks.ParallelOptions { CancellationToken = cancellationToken };
            System.Threading.Tasks.Parallel.For(0, pieces.Length, parallel, i =>
            {
                var piece = new Run(source, new NameTable(), program, declarationRoom, cancellationToken);
                int reached = piece.Loop(cuts[i], cuts[i + 1]);
                pieces[i] = reached <= cuts[i + 1] && piece.Stack.Count == 2 ? piece : null!;
            });
            long declarations = 0;
            foreach (var piece in pieces)
            {
                if (piece is null || piece.Diagnostics.Count > 0 || piece.DeclarationLimitAt != null) return null;
                declarations += piece.Declarations;
                program.Body.AddRange(piece.Stack[1].Body);
            }

            head.Loop(cuts[cuts.Count - 1], source.Length);
            declarations += head.Declarations;
            if (head.DeclarationLimitAt != null || declarations > declarationRoom) return null;
            var tree = head.Finish();
            tree.DeclarationCount = (int)declarations;
            return tree;
        }

        /// <summary>
        /// Finds where a single program's body can be cut: just after its '{', at statements that start a line at
        /// the program's top level (near equal shares of the text), and at its closing '}'. Null when the text is
        /// not one plain program block (then the sequential parser reports whatever is wrong).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        internal static List<int>? TrySplit(string text, int chunks, System.Threading.CancellationToken cancellationToken = default)
        {
            int p = Lexer.SkipTrivia(text, 0, out bool unterminated);
            if (unterminated || !SyntaxFacts.IsProgramText(text)) return null;
            var cuts = new List<int>(chunks + 1);
            int depth = 0;
            int bodyStart = -1;
            long share = 0;
            bool lineStart = false;
            int nextCheck = p;
            for (int i = p; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '\n':
                        lineStart = true;
                        // Looked at every 64K characters or so (lines are at most 20,000): cheap, and prompt enough.
                        if (i >= nextCheck)
                        {
                            cancellationToken.ThrowIfCancellationRequested();
                            nextCheck = i + 65536;
                        }

                        continue;
                    case ' ':
                    case '\t':
                    case '\r':
                        continue;
                    case '"':
                        int close = Lexer.ScanString(text, i, out _, out _, out _);
                        if (close < 0) return null;
                        i = close - 1;
                        break;
                    case '/' when i + 1 < text.Length && text[i + 1] == '/':
                        while (i < text.Length && text[i] != '\n') i++;
                        lineStart = true;
                        continue;
                    case '/' when i + 1 < text.Length && text[i + 1] == '*':
                        int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                        if (end < 0) return null;
                        i = end + 1;
                        continue;
                    case '{':
                        if (depth++ == 0)
                        {
                            if (bodyStart >= 0) return null;
                            bodyStart = i + 1;
                            cuts.Add(bodyStart);
                            share = (text.Length - bodyStart) / chunks;
                        }

                        break;
                    case '}':
                        if (--depth == 0)
                        {
                            if (Lexer.SkipTrivia(text, i + 1) != text.Length) return null;
                            cuts.Add(i);
                            return cuts.Count > 2 ? cuts : null;
                        }

                        if (depth < 0) return null;
                        break;
                    default:
                        if (depth == 1 && lineStart && Lexer.IsIdentifierStart(c) && i - cuts[cuts.Count - 1] >= share)
                        {
                            int e = Lexer.ScanIdentifier(text, i);
                            if (SyntaxFacts.TryGetRule(BlockContext.Program, text, i, e - i, out _)) cuts.Add(i);
                        }

                        break;
                }

                lineStart = false;
            }

            return null;
        }

        /// <summary>One pass of the statement loop over a range of the text, with its block stack and diagnostics.</summary>
        private sealed class Run
        {
            private readonly SourceText _source;
            private readonly string _text;
            private readonly NameTable _names;

            private readonly int _declarationRoom;
            private readonly System.Threading.CancellationToken _cancellation;

            public Run(SourceText source, NameTable names, Frame? program = null, int declarationRoom = int.MaxValue, System.Threading.CancellationToken cancellationToken = default)
            {
                _declarationRoom = declarationRoom;
                _cancellation = cancellationToken;
                _source = source;
                _text = source.Text;
                _names = names;
                Stack = new List<Frame> { new Frame(BlockContext.File, null, default, default, null, null, default) };
                if (program != null)
                {
                    Stack.Add(new Frame(BlockContext.Program, program.Keyword, program.KeywordSpan, program.Kind, program.Name, program.Title, program.OpenBrace));
                }
            }

            public List<Frame> Stack { get; }

            public List<Diagnostic> Diagnostics { get; } = new List<Diagnostic>();

            /// <summary>The declarations parsed.</summary>
            public int Declarations { get; private set; }

            /// <summary>The keyword of the first declaration past the allowance; parsing stopped there.</summary>
            public TextSpan? DeclarationLimitAt { get; private set; }

            private SourceLocation At(int at, int length) => new SourceLocation(_source, new TextSpan(at, length));

            private void Report(Diagnostic diagnostic)
            {
                Diagnostics.Add(diagnostic);
                Stack[Stack.Count - 1].HasErrors = true;
            }

            /// <summary>Parses statements from <paramref name="start"/> until one would start at or after <paramref name="limit"/>; returns where it stopped.</summary>
            [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
            public int Loop(int start, int limit)
            {
                var text = _text;
                var source = _source;
                var names = _names;
                var stack = Stack;
                var diagnostics = Diagnostics;
                int p = start;
                int statements = 0;
                while (diagnostics.Count < MaxErrors)
                {
                    // Every 1,024 statements: a plan of 100,000 tasks has about a million.
                    if ((++statements & 1023) == 0) _cancellation.ThrowIfCancellationRequested();
                    p = Lexer.SkipTrivia(text, p, out bool unterminated);
                    if (unterminated)
                    {
                        Report(DiagnosticCatalog.UnterminatedBlockComment(At(p, 2)));
                        p = text.Length;
                    }

                    if (p >= limit) break;
                    char c = text[p];
                    var frame = stack[stack.Count - 1];
                    if (c == ';')
                    {
                        p++;
                        continue;
                    }

                    if (c == '}')
                    {
                        if (stack.Count > 1)
                        {
                            stack.RemoveAt(stack.Count - 1);
                            stack[stack.Count - 1].Body.Add(frame.Close(new TextSpan(p, 1), p + 1));
                        }
                        else
                        {
                            Report(DiagnosticCatalog.UnexpectedCloseBrace(At(p, 1)));
                        }

                        p++;
                        continue;
                    }

                    int keywordEnd = Lexer.ScanIdentifier(text, p);
                    if (keywordEnd == p)
                    {
                        Report(DiagnosticCatalog.ExpectedStatement(At(p, Lexer.TokenLengthAt(text, p)), Lexer.DescribeTokenAt(text, p),
                            frame.Context == BlockContext.File ? null : SyntaxFacts.KeywordOf(frame.Kind), frame.Name?.Text));
                        p = Recover(text, p + Lexer.TokenLengthAt(text, p), frame.Context);
                        continue;
                    }

                    if (!SyntaxFacts.TryGetRule(frame.Context, text, p, keywordEnd - p, out var rule) && !TryRuleWithoutInvisible(frame.Context, text, p, keywordEnd, out rule))
                    {
                        Report(UnknownStatement(At(p, keywordEnd - p), frame, text.Substring(p, keywordEnd - p)));
                        p = Recover(text, keywordEnd, frame.Context);
                        continue;
                    }

                    var keyword = rule.Keyword;
                    var keywordSpan = TextSpan.FromBounds(p, keywordEnd);
                    var input = new SourceInput(source, keywordEnd, names);
                    switch (rule.Kind)
                    {
                        case StatementKind.Property:
                        {
                            var result = rule.Arguments!(input);
                            if (result.WasSuccessful)
                            {
                                int end = ((SourceInput)result.Remainder).Position;
                                frame.Body.Add(new PropertySyntax(keyword, keywordSpan, result.Value, TextSpan.FromBounds(keywordSpan.Start, end)));
                                p = end;
                            }
                            else
                            {
                                p = ReportFailure(result, keyword, keywordEnd);
                            }

                            break;
                        }

                        case StatementKind.Include:
                        {
                            var result = Grammar.IncludePath(input);
                            if (result.WasSuccessful)
                            {
                                int end = ((SourceInput)result.Remainder).Position;
                                frame.Body.Add(new IncludeSyntax(keyword, keywordSpan, result.Value, TextSpan.FromBounds(keywordSpan.Start, end)));
                                p = end;
                            }
                            else
                            {
                                p = ReportFailure(result, keyword, keywordEnd);
                            }

                            break;
                        }

                        case StatementKind.ProgramEntry:
                        {
                            var result = Grammar.IncludePath(input);
                            if (!result.WasSuccessful)
                            {
                                p = ReportFailure(result, keyword, keywordEnd);
                                break;
                            }

                            var path = result.Value;
                            int pathEnd = ((SourceInput)result.Remainder).Position;
                            int brace = Lexer.SkipTrivia(text, pathEnd);
                            if (brace < text.Length && text[brace] == '{')
                            {
                                // The entry's block is a frame like a declaration's; it is named by its path in messages.
                                stack.Add(new Frame(BlockContext.PortfolioProgram, keyword, keywordSpan, DeclarationKind.Program, new IdentifierSyntax(path.Value, path.Span), null, new TextSpan(brace, 1))
                                {
                                    EntryPath = path,
                                });
                                p = brace + 1;
                            }
                            else
                            {
                                frame.Body.Add(new ProgramEntrySyntax(keyword, keywordSpan, path, Array.Empty<StatementSyntax>(), null, null, false, TextSpan.FromBounds(keywordSpan.Start, pathEnd)));
                                p = pathEnd;
                            }

                            break;
                        }

                        default:
                        {
                            if (++Declarations > _declarationRoom)
                            {
                                DeclarationLimitAt = keywordSpan;
                                Stopped = p;
                                return p;
                            }

                            var header = Grammar.Header(input);
                            if (!header.WasSuccessful)
                            {
                                p = ReportFailure(header, keyword, keywordEnd);
                                break;
                            }

                            var (name, title) = header.Value;
                            int headerEnd = ((SourceInput)header.Remainder).Position;
                            int brace = Lexer.SkipTrivia(text, headerEnd);
                            if (brace < text.Length && text[brace] == '{')
                            {
                                stack.Add(new Frame(SyntaxFacts.BodyContext(rule.DeclarationKind), keyword, keywordSpan, rule.DeclarationKind, name, title, new TextSpan(brace, 1)));
                                p = brace + 1;
                            }
                            else
                            {
                                frame.Body.Add(new DeclarationSyntax(
                                    keyword, keywordSpan, rule.DeclarationKind, name, title, Array.Empty<StatementSyntax>(), null, null, false, TextSpan.FromBounds(keywordSpan.Start, headerEnd)));
                                p = headerEnd;
                            }

                            break;
                        }
                    }

                    int ReportFailure<T>(IResult<T> failure, string statementKeyword, int minimum)
                    {
                        int failedAt = ((SourceInput)failure.Remainder).Position;
                        if (failedAt < minimum) failedAt = minimum;
                        int at = Lexer.SkipTrivia(text, failedAt, out bool unterminatedComment);

                        // The statement was cut by an unterminated block comment; the main loop reports that once, there.
                        if (unterminatedComment) return at;
                        if (!string.IsNullOrEmpty(failure.Message))
                        {
                            Report(DiagnosticCatalog.FromGrammar(At(at, Lexer.TokenLengthAt(text, at)), failure.Message));
                        }
                        else
                        {
                            // A statement cut short at the end of a line: report it there, not at the next line's
                            // (probably valid) statement.
                            bool endOfLine = Lexer.HasNewlineBetween(text, failedAt, at);
                            var found = endOfLine ? null : Lexer.DescribeTokenAt(text, at);
                            if (endOfLine) at = failedAt;
                            int length = endOfLine ? 0 : Lexer.TokenLengthAt(text, at);
                            Report(DiagnosticCatalog.ExpectedAfter(At(at, length), found, failure.Expectations.Distinct().ToArray(), statementKeyword));
                        }

                        // Recover from before the trivia, so a keyword on the next line still starts a statement.
                        return Recover(text, failedAt, frame.Context);
                    }
                }

                Stopped = p;
                return p;
            }

            /// <summary>
            /// Reports each invisible or control character in code once. The lexer reads it as white space or as part of the
            /// name around it, so it breaks nothing else: these are the only errors it causes.
            /// </summary>
            private void AddInvisible(List<int> offsets)
            {
                var diagnostics = Diagnostics;
                int room = Math.Max(0, MaxErrors - diagnostics.Count);
                for (int i = 0; i < offsets.Count && i < room; i++)
                {
                    int at = offsets[i];
                    diagnostics.Add(DiagnosticCatalog.StrayCharacter(new SourceLocation(_source, new TextSpan(at, 1)), _text[at], Lexer.IsControl(_text[at])));
                }

                // Kept in text order with the other syntax errors.
                var ordered = diagnostics.Select((d, i) => (d, i)).OrderBy(x => x.d.Location?.Span.Start ?? int.MaxValue).ThenBy(x => x.i).Select(x => x.d).ToList();
                diagnostics.Clear();
                diagnostics.AddRange(ordered);
            }

            /// <summary>Where the last <see cref="Loop"/> stopped.</summary>
            public int Stopped { get; private set; }

            /// <summary>Closes what is still open and builds the tree.</summary>
            public SyntaxTree Finish(List<int>? invisible = null)
            {
                var text = _text;
                var stack = Stack;
                var diagnostics = Diagnostics;
                int p = Stopped;
                if (diagnostics.Count >= MaxErrors)
                {
                    diagnostics.Add(DiagnosticCatalog.TooManySyntaxErrors(new SourceLocation(_source, new TextSpan(p, 0)), MaxErrors));
                }

                if (invisible != null) AddInvisible(invisible);

                // Close blocks left open at the end of the file; report each at its opening brace.
                while (stack.Count > 1)
                {
                    var open = stack[stack.Count - 1];
                    stack.RemoveAt(stack.Count - 1);
                    if (diagnostics.Count < MaxErrors + 1)
                    {
                        diagnostics.Add(DiagnosticCatalog.BlockNeverClosed(new SourceLocation(_source, open.OpenBrace), SyntaxFacts.KeywordOf(open.Kind), open.Name!.Text));
                    }

                    open.HasErrors = true;
                    stack[stack.Count - 1].Body.Add(open.Close(null, text.Length));
                }

                var root = new CompilationUnitSyntax(stack[0].Body, new TextSpan(0, text.Length));
                return new SyntaxTree(_source, root, diagnostics);
            }
        }

        /// <summary>A keyword with an invisible character in it (already reported on its own) is still the keyword.</summary>
        private static bool TryRuleWithoutInvisible(BlockContext context, string text, int start, int end, out StatementRule rule)
        {
            rule = null!;
            return Lexer.Visible(text, start, end - start) is string visible && SyntaxFacts.TryGetRule(context, visible, 0, visible.Length, out rule);
        }

        private static Diagnostic UnknownStatement(SourceLocation at, Frame frame, string word)
        {
            var keywords = SyntaxFacts.KeywordsIn(frame.Context);
            var block = frame.Context == BlockContext.File ? null : SyntaxFacts.KeywordOf(frame.Kind);
            if (SyntaxFacts.ForeignKeyword(frame.Context, word) is var (keyword, tool))
            {
                return DiagnosticCatalog.UnknownStatement(at, word, block, frame.Name?.Text, keyword, tool, null, keywords);
            }

            return DiagnosticCatalog.UnknownStatement(at, word, block, frame.Name?.Text, null, null, Spelling.Closest(word, keywords), keywords);
        }

        /// <summary>
        /// Skips the rest of a broken statement: up to a ';', a '}' that closes the current block, or a keyword of
        /// this block at the start of a line. Braced blocks met on the way are skipped whole.
        /// </summary>
        private static int Recover(string text, int from, BlockContext context)
        {
            int p = from;
            int depth = 0;
            while (true)
            {
                int previous = p;
                p = Lexer.SkipTrivia(text, p, out bool unterminated);
                if (unterminated || p >= text.Length) return p;
                char c = text[p];
                if (depth == 0)
                {
                    if (c == '}') return p;
                    if (c == ';') return p + 1;
                    if (Lexer.IsIdentifierStart(c) && (p == 0 || Lexer.HasNewlineBetween(text, previous, p)))
                    {
                        int e = Lexer.ScanIdentifier(text, p);
                        if (SyntaxFacts.TryGetRule(context, text, p, e - p, out _)) return p;
                    }
                }

                if (c == '{')
                {
                    depth++;
                    p++;
                }
                else if (c == '}')
                {
                    depth--;
                    p++;
                }
                else if (c == '"')
                {
                    int end = Lexer.ScanString(text, p, out _, out _, out _);
                    if (end > p)
                    {
                        p = end;
                    }
                    else
                    {
                        while (p < text.Length && text[p] != '\n' && text[p] != '\r') p++;
                    }
                }
                else
                {
                    int e = Lexer.ScanIdentifier(text, p);
                    p = e > p ? e : p + 1;
                }
            }
        }
    }
}
