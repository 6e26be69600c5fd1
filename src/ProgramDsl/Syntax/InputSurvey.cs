using System;
using System.Collections.Generic;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Syntax
{
    /// <summary>
    /// One linear pass over a file before parsing: finds the first place past an <see cref="InputLimits"/> bound,
    /// and the invisible (format) characters written outside strings and comments. Doing this up front means the
    /// parser never meets an over-long token or an over-deep nest, and a limit cuts the file at one place instead of
    /// leaving follow-on errors.
    /// </summary>
    internal static class InputSurvey
    {
        /// <summary>The first limit passed, if any.</summary>
        internal readonly struct Violation
        {
            public Violation(int at, int length, Func<SourceLocation, Diagnostic> report)
            {
                At = at;
                Length = length;
                Report = report;
            }

            public int At { get; }

            public int Length { get; }

            /// <summary>Makes the TPM1007 at the violation's place (a factory of the catalogue).</summary>
            public Func<SourceLocation, Diagnostic> Report { get; }
        }

        private enum State
        {
            Code,
            String,
            LineComment,
            BlockComment,
        }

        /// <summary>
        /// A name or number longer than its limit. Its own method: the lambdas capture the limit and the run, and captured
        /// locals declared in the scanning loop cost an object per identifier character (half of all parse allocation).
        /// </summary>
        private static Violation TooLong(string text, int run, bool number)
        {
            int limit = number ? InputLimits.MaxNumberLength : InputLimits.MaxNameLength;
            return number
                ? new Violation(run, limit, at => DiagnosticCatalog.NumberTooLong(at, limit))
                : new Violation(run, limit, at => DiagnosticCatalog.NameTooLong(at, limit, text.Substring(run, 40)));
        }

        /// <summary>
        /// Scans the text; <paramref name="invisible"/> gets the offsets of format characters in code (null when none) and
        /// <paramref name="tokens"/> the names, numbers and strings counted. <paramref name="tokensBefore"/> are those of the
        /// program's files already read: the token limit is the program's, not each file's.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(Hot.Loop)]
        public static Violation? Run(string text, int tokensBefore, out List<int>? invisible, out int tokens, System.Threading.CancellationToken cancellationToken = default)
        {
            invisible = null;
            int tokenRoom = InputLimits.MaxTokens - tokensBefore;
            tokens = 0;
            var state = State.Code;
            int lineStart = 0;
            int run = -1;
            int stringStart = 0;
            int depth = 0;
            int nextCheck = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n' || c == '\r')
                {
                    // Looked at every 64K characters or so (lines are at most MaxLineLength): cheap, and prompt enough.
                    if (i >= nextCheck)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        nextCheck = i + 65536;
                    }

                    // A string or line comment ends at the line break (an unterminated string is the parser's to report).
                    if (state != State.BlockComment) state = State.Code;
                    run = -1;
                    lineStart = i + 1;
                    continue;
                }

                if (i - lineStart >= InputLimits.MaxLineLength)
                {
                    return new Violation(i, 0, DiagnosticCatalog.LineTooLong);
                }

                switch (state)
                {
                    case State.Code:
                        if (Lexer.IsIdentifierPart(c))
                        {
                            if (run < 0)
                            {
                                run = i;
                                if (++tokens > tokenRoom) return TooManyTokens(i, tokensBefore);
                            }

                            bool number = Lexer.IsDigit(text[run]);
                            int limit = number ? InputLimits.MaxNumberLength : InputLimits.MaxNameLength;
                            if (i - run + 1 > limit) return TooLong(text, run, number);

                            if ((c > 127 || c < ' ') && Lexer.IsInvisible(c)) (invisible ??= new List<int>()).Add(i);
                            continue;
                        }

                        run = -1;
                        if (c == '"')
                        {
                            state = State.String;
                            stringStart = i;
                            if (++tokens > tokenRoom) return TooManyTokens(i, tokensBefore);
                        }
                        else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                        {
                            state = State.LineComment;
                            i++;
                        }
                        else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                        {
                            state = State.BlockComment;
                            i++;
                        }
                        else if (c == '{')
                        {
                            if (++depth > InputLimits.MaxNestingDepth)
                            {
                                return new Violation(i, 1, DiagnosticCatalog.NestingTooDeep);
                            }
                        }
                        else if (c == '}')
                        {
                            if (depth > 0) depth--;
                        }
                        else if ((c > 127 || c < ' ') && Lexer.IsInvisible(c))
                        {
                            (invisible ??= new List<int>()).Add(i);
                        }

                        break;
                    case State.String:
                        if (c == '"')
                        {
                            state = State.Code;
                            break;
                        }

                        if (i - stringStart > InputLimits.MaxStringLength)
                        {
                            return new Violation(stringStart, 1, DiagnosticCatalog.StringTooLong);
                        }

                        // An escape's second character is never the closing quote (a line break still ends the line).
                        if (c == '\\' && i + 1 < text.Length && text[i + 1] != '\n' && text[i + 1] != '\r') i++;
                        break;
                    case State.BlockComment:
                        if (c == '*' && i + 1 < text.Length && text[i + 1] == '/')
                        {
                            state = State.Code;
                            i++;
                        }

                        break;
                }
            }

            return null;
        }

        private static Violation TooManyTokens(int at, int tokensBefore) =>
            new Violation(at, 1, location => DiagnosticCatalog.TooManyTokens(location, tokensBefore > 0));
    }
}
