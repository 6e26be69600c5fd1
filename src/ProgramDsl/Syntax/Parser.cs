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
            public Frame(BlockContext context, IdentifierSyntax? keyword, DeclarationKind kind, IdentifierSyntax? name, StringValueSyntax? title, TextSpan openBrace)
            {
                Context = context;
                Keyword = keyword;
                Kind = kind;
                Name = name;
                Title = title;
                OpenBrace = openBrace;
            }

            public BlockContext Context { get; }

            public IdentifierSyntax? Keyword { get; }

            public DeclarationKind Kind { get; }

            public IdentifierSyntax? Name { get; }

            public StringValueSyntax? Title { get; }

            public TextSpan OpenBrace { get; }

            public List<StatementSyntax> Body { get; } = new List<StatementSyntax>();

            public bool HasErrors { get; set; }

            public DeclarationSyntax Close(TextSpan? closeBrace, int end) => new DeclarationSyntax(
                Keyword!, Kind, Name!, Title, Body, OpenBrace, closeBrace, HasErrors, TextSpan.FromBounds(Keyword!.Span.Start, end));
        }

        /// <summary>Parses a source text into a syntax tree with its syntax diagnostics.</summary>
        public static SyntaxTree Parse(SourceText source)
        {
            var text = source.Text;
            var diagnostics = new List<Diagnostic>();
            var stack = new List<Frame> { new Frame(BlockContext.File, null, default, null, null, default) };
            int p = 0;

            void Report(int at, int length, string message)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.SyntaxError, new SourceLocation(source, new TextSpan(at, length)), message));
                stack[stack.Count - 1].HasErrors = true;
            }

            while (diagnostics.Count < MaxErrors)
            {
                p = Lexer.SkipTrivia(text, p, out bool unterminated);
                if (unterminated)
                {
                    Report(p, 2, "unterminated block comment; close it with '*/'");
                    p = text.Length;
                }

                if (p >= text.Length) break;
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
                        Report(p, 1, "unexpected '}': no block is open here");
                    }

                    p++;
                    continue;
                }

                int keywordEnd = Lexer.ScanIdentifier(text, p);
                if (keywordEnd == p)
                {
                    Report(p, Lexer.TokenLengthAt(text, p), "unexpected " + Lexer.DescribeTokenAt(text, p) + "; expected " + DescribeStatementsOf(frame));
                    p = Recover(text, p + Lexer.TokenLengthAt(text, p), frame.Context);
                    continue;
                }

                var keyword = new IdentifierSyntax(text.Substring(p, keywordEnd - p), TextSpan.FromBounds(p, keywordEnd));
                if (!SyntaxFacts.TryGetRule(frame.Context, keyword.Text, out var rule))
                {
                    Report(p, keywordEnd - p, UnknownStatementMessage(frame, keyword.Text));
                    p = Recover(text, keywordEnd, frame.Context);
                    continue;
                }

                var input = new SourceInput(source, keywordEnd);
                switch (rule.Kind)
                {
                    case StatementKind.Property:
                    {
                        var result = rule.Arguments!(input);
                        if (result.WasSuccessful)
                        {
                            int end = ((SourceInput)result.Remainder).Position;
                            frame.Body.Add(new PropertySyntax(keyword, result.Value, TextSpan.FromBounds(keyword.Span.Start, end)));
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
                        var result = Grammar.String(input);
                        if (result.WasSuccessful)
                        {
                            int end = ((SourceInput)result.Remainder).Position;
                            frame.Body.Add(new IncludeSyntax(keyword, result.Value, TextSpan.FromBounds(keyword.Span.Start, end)));
                            p = end;
                        }
                        else
                        {
                            p = ReportFailure(result, keyword, keywordEnd);
                        }

                        break;
                    }

                    default:
                    {
                        var name = Grammar.Identifier(input);
                        if (!name.WasSuccessful)
                        {
                            p = ReportFailure(name, keyword, keywordEnd);
                            break;
                        }

                        var afterName = (SourceInput)name.Remainder;
                        StringValueSyntax? title = null;
                        var titleResult = Grammar.String(afterName);
                        if (titleResult.WasSuccessful)
                        {
                            title = titleResult.Value;
                        }
                        else if (titleResult.Remainder != afterName)
                        {
                            p = ReportFailure(titleResult, keyword, keywordEnd);
                            break;
                        }

                        int headerEnd = ((SourceInput)(title is null ? afterName : titleResult.Remainder)).Position;
                        int brace = Lexer.SkipTrivia(text, headerEnd);
                        if (brace < text.Length && text[brace] == '{')
                        {
                            stack.Add(new Frame(SyntaxFacts.BodyContext(rule.DeclarationKind), keyword, rule.DeclarationKind, name.Value, title, new TextSpan(brace, 1)));
                            p = brace + 1;
                        }
                        else
                        {
                            frame.Body.Add(new DeclarationSyntax(
                                keyword, rule.DeclarationKind, name.Value, title, new StatementSyntax[0], null, null, false, TextSpan.FromBounds(keyword.Span.Start, headerEnd)));
                            p = headerEnd;
                        }

                        break;
                    }
                }

                int ReportFailure<T>(IResult<T> failure, IdentifierSyntax statementKeyword, int minimum)
                {
                    int failedAt = ((SourceInput)failure.Remainder).Position;
                    if (failedAt < minimum) failedAt = minimum;
                    int at = Lexer.SkipTrivia(text, failedAt, out bool unterminatedComment);

                    // The statement was cut by an unterminated block comment; the main loop reports that once, there.
                    if (unterminatedComment) return at;
                    int length;
                    string message;
                    if (!string.IsNullOrEmpty(failure.Message))
                    {
                        message = failure.Message;
                        length = Lexer.TokenLengthAt(text, at);
                    }
                    else
                    {
                        // A statement cut short at the end of a line: report it there, not at the next line's
                        // (probably valid) statement.
                        bool endOfLine = Lexer.HasNewlineBetween(text, failedAt, at);
                        var found = endOfLine ? "end of line" : Lexer.DescribeTokenAt(text, at);
                        if (endOfLine) at = failedAt;
                        length = endOfLine ? 0 : Lexer.TokenLengthAt(text, at);
                        var expected = failure.Expectations.Distinct().ToArray();
                        message = "unexpected " + found + "; expected " +
                                  (expected.Length == 0 ? "more" : string.Join(" or ", expected)) + " after '" + statementKeyword.Text + "'";
                    }

                    Report(at, length, message);

                    // Recover from before the trivia, so a keyword on the next line still starts a statement.
                    return Recover(text, failedAt, frame.Context);
                }
            }

            if (diagnostics.Count >= MaxErrors)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticCatalog.SyntaxError, new SourceLocation(source, new TextSpan(p, 0)), $"too many syntax errors ({MaxErrors}); parsing stopped here"));
            }

            // Close blocks left open at the end of the file; report each at its opening brace.
            while (stack.Count > 1)
            {
                var open = stack[stack.Count - 1];
                stack.RemoveAt(stack.Count - 1);
                if (diagnostics.Count < MaxErrors + 1)
                {
                    diagnostics.Add(Diagnostic.Create(
                        DiagnosticCatalog.SyntaxError,
                        new SourceLocation(source, open.OpenBrace),
                        $"'{{' of {SyntaxFacts.KeywordOf(open.Kind)} '{open.Name!.Text}' is never closed; expected '}}' before the end of the file"));
                }

                open.HasErrors = true;
                stack[stack.Count - 1].Body.Add(open.Close(null, text.Length));
            }

            var root = new CompilationUnitSyntax(stack[0].Body, new TextSpan(0, text.Length));
            return new SyntaxTree(source, root, diagnostics);
        }

        private static string DescribeStatementsOf(Frame frame) => frame.Context switch
        {
            BlockContext.File => "'program' or a program member",
            _ => "a statement of " + SyntaxFacts.KeywordOf(frame.Kind) + " '" + frame.Name?.Text + "' or '}'",
        };

        private static string UnknownStatementMessage(Frame frame, string word)
        {
            var keywords = SyntaxFacts.KeywordsIn(frame.Context);
            var suggestion = Spelling.Closest(word, keywords);
            var where = frame.Context == BlockContext.File ? "at the top of a file" : "in " + SyntaxFacts.KeywordOf(frame.Kind) + " '" + frame.Name?.Text + "'";
            var head = "unexpected '" + word + "' " + where;
            if (suggestion != null) return head + "; did you mean '" + suggestion + "'?";
            return head + "; expected one of: " + string.Join(", ", keywords);
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
                        if (SyntaxFacts.IsStatementKeyword(context, text.Substring(p, e - p))) return p;
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
