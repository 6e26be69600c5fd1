using System;
using System.Collections.Generic;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;
using Sprache;

namespace ProgramDsl.Syntax
{
    /// <summary>
    /// Scanning state for one statement's arguments: a position in the text, and the failure, if any.
    /// A soft failure (a mismatch) leaves the position where it was, so an optional part can be skipped;
    /// a hard failure (a lexical error, or a mismatch after part of an item was read) ends the statement.
    /// </summary>
    internal struct Scanner
    {
        public Scanner(string text, int position, NameTable names)
        {
            Text = text;
            Position = position;
            Names = names;
            Failed = false;
            Hard = false;
            FailAt = position;
            Message = string.Empty;
            Expected = Grammar.NoExpectations;
        }

        public string Text { get; }

        public NameTable Names { get; }

        public int Position { get; set; }

        public bool Failed { get; private set; }

        public bool Hard { get; set; }

        public int FailAt { get; private set; }

        public string Message { get; private set; }

        public string[] Expected { get; private set; }

        /// <summary>Nothing of the expected kind here: reported at the position before trivia.</summary>
        public bool Mismatch(string[] expected)
        {
            Failed = true;
            Hard = false;
            FailAt = Position;
            Message = string.Empty;
            Expected = expected;
            return false;
        }

        /// <summary>A lexical error at an exact offset.</summary>
        public bool Error(int at, string message)
        {
            Failed = true;
            Hard = true;
            FailAt = at;
            Message = message;
            Expected = Grammar.NoExpectations;
            return false;
        }

        /// <summary>Forgets a soft failure after an optional part turned out to be absent.</summary>
        public void Recover() => Failed = false;

        /// <summary>The offset of the next token, or -1 after reporting an unterminated comment.</summary>
        public int NextToken()
        {
            int p = Lexer.SkipTrivia(Text, Position, out bool unterminated);
            if (unterminated)
            {
                Error(p, SyntaxMessages.UnterminatedBlockComment);
                return -1;
            }

            return p;
        }

        /// <summary>True when the next token is the character <paramref name="c"/> (no state change).</summary>
        public bool Peek(char c)
        {
            int p = Lexer.SkipTrivia(Text, Position, out bool unterminated);
            return !unterminated && p < Text.Length && Text[p] == c;
        }
    }

    /// <summary>
    /// The grammar of statement arguments. Each statement's arguments are one Sprache
    /// <see cref="Parser{T}"/> (one input and one result per statement); inside it, tokens are read by
    /// token helpers that scan the text directly, so a token costs no parser objects, and alternatives are
    /// tried by peeking rather than by failed parses. Error positions and messages follow Sprache's
    /// conventions: a mismatch reports what was expected at the position before trivia; a lexical error
    /// (a bad escape, a number without its unit) reports itself at the offending character.
    /// </summary>
    internal static class Grammar
    {
        internal static readonly string[] NoExpectations = Array.Empty<string>();

        private static readonly string[] WeekdayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };
        private static readonly string[] DependencyTypes = System.Linq.Enumerable.ToArray(Statements.DependencyTypes);

        /// <summary>Reads one value.</summary>
        public delegate bool ValueScanner(ref Scanner s, out ValueSyntax value);

        /// <summary>Reads a statement's arguments; null on failure.</summary>
        public delegate IReadOnlyList<ValueSyntax>? ArgumentScanner(ref Scanner s);

        // ------------------------------------------------------------------ Sprache entry points

        /// <summary>Wraps an argument scanner as a Sprache parser.</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> Arguments(ArgumentScanner scan) => input =>
        {
            var si = (SourceInput)input;
            var s = new Scanner(si.Source, si.Position, si.Names);
            var values = scan(ref s);
            return values != null
                ? Result.Success(values, si.At(s.Position))
                : Result.Failure<IReadOnlyList<ValueSyntax>>(si.At(s.FailAt), s.Message, s.Expected);
        };

        /// <summary>A declaration header after its keyword: a name and an optional title.</summary>
        public static readonly Parser<(IdentifierSyntax Name, StringValueSyntax? Title)> Header = input =>
        {
            var si = (SourceInput)input;
            var s = new Scanner(si.Source, si.Position, si.Names);
            if (!TryIdentifier(ref s, out var name)) return Result.Failure<(IdentifierSyntax, StringValueSyntax?)>(si.At(s.FailAt), s.Message, s.Expected);
            StringValueSyntax? title = null;
            if (!TryString(ref s, out title))
            {
                if (s.Hard) return Result.Failure<(IdentifierSyntax, StringValueSyntax?)>(si.At(s.FailAt), s.Message, s.Expected);
                s.Recover();
                title = null;
            }

            return Result.Success<(IdentifierSyntax, StringValueSyntax?)>((name, title), si.At(s.Position));
        };

        /// <summary>The path of an <c>include</c>.</summary>
        public static readonly Parser<StringValueSyntax> IncludePath = input =>
        {
            var si = (SourceInput)input;
            var s = new Scanner(si.Source, si.Position, si.Names);
            return TryString(ref s, out var path)
                ? Result.Success(path, si.At(s.Position))
                : Result.Failure<StringValueSyntax>(si.At(s.FailAt), s.Message, s.Expected);
        };

        // ------------------------------------------------------------------ argument shapes

        /// <summary>Exactly one value.</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> One(ValueScanner value) => Arguments((ref Scanner s) =>
            value(ref s, out var v) ? new[] { v } : null);

        /// <summary>One or more values separated by commas; a comma must be followed by a value.</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> ListOf(ValueScanner item) => Arguments((ref Scanner s) => ScanList(ref s, item));

        /// <summary>A fixed sequence of values (the three durations of <c>estimate</c>).</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> Sequence(params ValueScanner[] parts) => Arguments((ref Scanner s) =>
        {
            var values = new ValueSyntax[parts.Length];
            for (int i = 0; i < parts.Length; i++)
            {
                if (!parts[i](ref s, out values[i])) return null;
            }

            return values;
        });

        /// <summary>A value followed by an optional string (<c>holiday 2027-01-18 "MLK Day"</c>).</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> WithOptionalLabel(ValueScanner value) => Arguments((ref Scanner s) =>
        {
            if (!value(ref s, out var v)) return null;
            if (TryString(ref s, out var label)) return new ValueSyntax[] { v, label };
            if (s.Hard) return null;
            s.Recover();
            return new[] { v };
        });

        /// <summary>A required word, then a list (<c>requires skill a, b</c>).</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> WordThenList(string[] words, ValueScanner item)
        {
            var expected = SyntaxMessages.ExpectOneOf(words);
            return Arguments((ref Scanner s) => TryWord(ref s, words, expected, out _) ? ScanList(ref s, item) : null);
        }

        /// <summary>The first value, or when it is absent (a mismatch), the second.</summary>
        public static ValueScanner Either(ValueScanner first, ValueScanner second) => (ref Scanner s, out ValueSyntax v) =>
        {
            if (first(ref s, out v)) return true;
            if (s.Hard) return false;
            var expected = s.Expected;
            if (second(ref s, out v)) return true;
            if (!s.Hard)
            {
                var both = new string[expected.Length + s.Expected.Length];
                expected.CopyTo(both, 0);
                s.Expected.CopyTo(both, expected.Length);
                s.Mismatch(both);
            }

            return false;
        };

        private static IReadOnlyList<ValueSyntax>? ScanList(ref Scanner s, ValueScanner item)
        {
            if (!item(ref s, out var first)) return null;
            if (!s.Peek(',')) return new[] { first };
            var items = new List<ValueSyntax>(4) { first };
            while (s.Peek(','))
            {
                s.Position = Lexer.SkipTrivia(s.Text, s.Position) + 1;
                if (!item(ref s, out var next))
                {
                    s.Hard = true;
                    return null;
                }

                items.Add(next);
            }

            return items.ToArray();
        }

        // ------------------------------------------------------------------ values

        public static readonly ValueScanner Name = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            int e = Lexer.ScanIdentifier(s.Text, p);
            if (e == p) return s.Mismatch(SyntaxMessages.ExpectName);
            v = new NameValueSyntax(s.Names.Get(s.Text, p, e - p), TextSpan.FromBounds(p, e));
            s.Position = e;
            return true;
        };

        public static readonly ValueScanner ReferenceValue = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            if (!TryReference(ref s, out var r)) return false;
            v = new ReferenceValueSyntax(r);
            return true;
        };

        public static readonly ValueScanner StringValue = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryString(ref s, out var str);
            v = str!;
            return ok;
        };

        public static readonly ValueScanner Date = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryDate(ref s, out var d);
            v = d!;
            return ok;
        };

        public static readonly ValueScanner Number = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryPlainNumber(ref s, signed: false, out var n);
            v = n!;
            return ok;
        };

        public static readonly ValueScanner SignedNumber = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryPlainNumber(ref s, signed: true, out var n);
            v = n!;
            return ok;
        };

        public static readonly ValueScanner Percent = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryPercent(ref s, out var pct);
            v = pct!;
            return ok;
        };

        public static readonly ValueScanner Duration = (ref Scanner s, out ValueSyntax v) =>
        {
            var ok = TryDuration(ref s, out var d);
            v = d!;
            return ok;
        };

        public static readonly ValueScanner Rate = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanNumber(text, p, out var amount);
            if (e == p) return TooLarge(ref s, p) ?? s.Mismatch(SyntaxMessages.ExpectRate);
            if (e >= text.Length || text[e] != '/' || !TryUnit(text, e + 1, out var unit))
            {
                var written = text.Substring(p, e - p);
                return s.Error(SuffixErrorAt(text, p, e), SyntaxMessages.ExpectedRateUnit(written));
            }

            v = new RateValueSyntax(amount, unit, TextSpan.FromBounds(p, e + 2));
            s.Position = e + 2;
            return true;
        };

        /// <summary>A date or an inclusive range <c>from..to</c>.</summary>
        public static readonly ValueScanner DateOrRange = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            if (!TryDate(ref s, out var from)) return false;
            var text = s.Text;
            int p = s.Position;
            if (p + 1 < text.Length && text[p] == '.' && text[p + 1] == '.')
            {
                s.Position = p + 2;
                if (!TryDate(ref s, out var to))
                {
                    if (!s.Hard) s.Mismatch(SyntaxMessages.ExpectRangeEnd);
                    s.Hard = true;
                    return false;
                }

                v = new DateRangeValueSyntax(from, to);
                return true;
            }

            v = new DateRangeValueSyntax(from, null);
            return true;
        };

        public static readonly ValueScanner WeekdayRange = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            if (!TryWeekday(ref s, out var from, out var fromSpan)) return false;
            var text = s.Text;
            int p = s.Position;
            if (p + 1 < text.Length && text[p] == '.' && text[p + 1] == '.')
            {
                s.Position = p + 2;
                if (!TryWeekday(ref s, out var to, out var toSpan))
                {
                    s.Hard = true;
                    return false;
                }

                v = new WeekdayRangeSyntax(from, to, fromSpan.Union(toSpan));
                return true;
            }

            v = new WeekdayRangeSyntax(from, null, fromSpan);
            return true;
        };

        public static readonly ValueScanner Comparison = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            string? op = null;
            if (p + 1 < text.Length && (text[p] == '>' || text[p] == '<' || text[p] == '=') && text[p + 1] == '=') op = text[p] == '=' ? "=" : text.Substring(p, 2);
            else if (p < text.Length && (text[p] == '>' || text[p] == '<' || text[p] == '=')) op = text[p].ToString();
            if (op is null) return s.Mismatch(SyntaxMessages.ExpectComparison);
            int after = p + (p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1);
            var numberScanner = new Scanner(text, after, s.Names);
            if (!TryPlainNumber(ref numberScanner, signed: true, out var number))
            {
                // A missing number is reported at the operator: what follows may be the next statement.
                return numberScanner.Hard ? s.Error(numberScanner.FailAt, numberScanner.Message) : s.Error(p, SyntaxMessages.ExpectedNumberAfter(op));
            }

            v = new ComparisonValueSyntax(op, number.Value, TextSpan.FromBounds(p, number.Span.End));
            s.Position = number.Span.End;
            return true;
        };

        /// <summary>An item of <c>after</c>: a target, an optional type (fs ss ff sf) and an optional lag or lead.</summary>
        public static readonly ValueScanner DependencyItem = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            if (!TryReference(ref s, out var target)) return false;
            int typeStart = s.Position;
            var type = TryDependencyType(ref s, ref typeStart);
            DurationValueSyntax? lag = null;
            bool lead = false;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            if (p < text.Length && (text[p] == '+' || text[p] == '-'))
            {
                lead = text[p] == '-';
                s.Position = p + 1;
                if (!TryDuration(ref s, out lag))
                {
                    s.Hard = true;
                    return false;
                }
            }

            int end = lag?.Span.End ?? (type is null ? target.Span.End : typeStart + 2);
            v = new DependencyItemSyntax(target, type, typeStart, lag, lead, TextSpan.FromBounds(target.Span.Start, end));
            return true;
        };

        // The word before a role in an assign item, from the statement table.
        private static readonly string[] RoleWord = { Statements.AssignRoleWord };
        private static readonly string[] ExpectRoleWord = { "'" + RoleWord[0] + "'" };

        /// <summary>An item of <c>assign</c>: a person, or <c>role X</c>, with an optional share.</summary>
        public static readonly ValueScanner AssignmentItem = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            int start = s.Position;
            bool isRole = false;
            int roleStart = -1;
            ReferenceSyntax? target = null;
            if (TryWord(ref s, RoleWord, ExpectRoleWord, out var roleWord))
            {
                // "role" is a keyword here only when a name follows; otherwise it names a person called "role".
                if (TryReference(ref s, out target))
                {
                    isRole = true;
                    roleStart = roleWord.Span.Start;
                }
                else
                {
                    if (s.Hard) return false;
                    s.Recover();
                    s.Position = start;
                }
            }
            else
            {
                s.Recover();
            }

            if (target is null && !TryReference(ref s, out target)) return false;
            PercentValueSyntax? share = null;
            if (!TryPercent(ref s, out share))
            {
                if (s.Hard) return false;
                s.Recover();
                share = null;
            }

            int spanStart = isRole ? roleStart : target.Span.Start;
            v = new AssignmentItemSyntax(target, isRole, share, TextSpan.FromBounds(spanStart, share?.Span.End ?? target.Span.End));
            return true;
        };

        /// <summary>An item of <c>uses</c>: a resource and optional units.</summary>
        public static readonly ValueScanner ResourceUseItem = (ref Scanner s, out ValueSyntax v) =>
        {
            v = null!;
            if (!TryReference(ref s, out var target)) return false;
            NumberValueSyntax? units = null;
            if (!TryPlainNumber(ref s, signed: false, out units))
            {
                if (s.Hard) return false;
                s.Recover();
                units = null;
            }

            v = new ResourceUseItemSyntax(target, units, TextSpan.FromBounds(target.Span.Start, (units?.Span ?? target.Span).End));
            return true;
        };

        // ------------------------------------------------------------------ token helpers

        public static bool TryIdentifier(ref Scanner s, out IdentifierSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            int e = Lexer.ScanIdentifier(s.Text, p);
            if (e == p) return s.Mismatch(SyntaxMessages.ExpectName);
            value = new IdentifierSyntax(s.Names.Get(s.Text, p, e - p), TextSpan.FromBounds(p, e));
            s.Position = e;
            return true;
        }

        private static bool TryWord(ref Scanner s, string[] words, string[] expected, out IdentifierSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            int e = Lexer.ScanIdentifier(s.Text, p);
            foreach (var w in words)
            {
                if (w.Length == e - p && string.CompareOrdinal(s.Text, p, w, 0, w.Length) == 0)
                {
                    value = new IdentifierSyntax(w, TextSpan.FromBounds(p, e));
                    s.Position = e;
                    return true;
                }
            }

            return s.Mismatch(expected);
        }

        /// <summary><c>a.b.c</c>: identifiers joined by dots with nothing between them.</summary>
        public static bool TryReference(ref Scanner s, out ReferenceSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanIdentifier(text, p);
            if (e == p) return s.Mismatch(SyntaxMessages.ExpectName);
            var first = s.Names.Get(text, p, e - p);
            if (!(e + 1 < text.Length && text[e] == '.' && text[e + 1] != '.'))
            {
                value = new ReferenceSyntax(first, null, p);
                s.Position = e;
                return true;
            }

            var rest = new List<string>(2);
            while (e + 1 < text.Length && text[e] == '.' && text[e + 1] != '.')
            {
                int start = e + 1;
                int end = Lexer.ScanIdentifier(text, start);
                if (end == start) return s.Error(start, SyntaxMessages.ExpectedNameAfterDot(text.Substring(p, start - p)));
                rest.Add(s.Names.Get(text, start, end - start));
                e = end;
            }

            value = new ReferenceSyntax(first, rest.ToArray(), p);
            s.Position = e;
            return true;
        }

        public static bool TryString(ref Scanner s, out StringValueSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            if (p >= s.Text.Length || s.Text[p] != '"') return s.Mismatch(SyntaxMessages.ExpectString);
            int e = Lexer.ScanString(s.Text, p, out var text, out int errorAt, out string? error);
            if (e < 0) return s.Error(errorAt, error!);
            value = new StringValueSyntax(text, TextSpan.FromBounds(p, e));
            s.Position = e;
            return true;
        }

        private static bool TryDate(ref Scanner s, out DateValueSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanDate(text, p, out int y, out int m, out int d);
            if (e == p)
            {
                if (p < text.Length && Lexer.IsDigit(text[p]))
                {
                    return s.Error(p, SyntaxMessages.InvalidDate(Lexer.DescribeTokenAt(text, p)));
                }

                return s.Mismatch(SyntaxMessages.ExpectDate);
            }

            value = new DateValueSyntax(y, m, d, TextSpan.FromBounds(p, e));
            s.Position = e;
            return true;
        }

        private static bool TryPlainNumber(ref Scanner s, bool signed, out NumberValueSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            bool negative = signed && p < text.Length && text[p] == '-';
            int start = negative ? p + 1 : p;
            int e = Lexer.ScanNumber(text, start, out var number);
            if (e == start) return TooLarge(ref s, start) ?? s.Mismatch(SyntaxMessages.ExpectNumber);
            if (e < text.Length && (Lexer.IsIdentifierStart(text[e]) || text[e] == '%' || (text[e] == '/' && !Lexer.StartsComment(text, e))))
            {
                return s.Error(e, SyntaxMessages.SuffixAfterPlainNumber(Lexer.DescribeTokenAt(text, e), text.Substring(p, e - p)));
            }

            value = new NumberValueSyntax(negative ? -number : number, TextSpan.FromBounds(p, e));
            s.Position = e;
            return true;
        }

        private static bool TryPercent(ref Scanner s, out PercentValueSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanNumber(text, p, out var number);
            if (e == p) return TooLarge(ref s, p) ?? s.Mismatch(SyntaxMessages.ExpectPercent);
            if (e >= text.Length || text[e] != '%')
            {
                return s.Error(SuffixErrorAt(text, p, e), SyntaxMessages.ExpectedPercentSign(text.Substring(p, e - p)));
            }

            value = new PercentValueSyntax(number, TextSpan.FromBounds(p, e + 1));
            s.Position = e + 1;
            return true;
        }

        private static bool TryDuration(ref Scanner s, out DurationValueSyntax value)
        {
            value = null!;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanNumber(text, p, out var amount);
            if (e == p) return TooLarge(ref s, p) ?? s.Mismatch(SyntaxMessages.ExpectDuration);
            if (!TryUnit(text, e, out var unit))
            {
                var written = text.Substring(p, e - p);
                return s.Error(SuffixErrorAt(text, p, e), SyntaxMessages.ExpectedDurationUnit(written));
            }

            value = new DurationValueSyntax(amount, unit, TextSpan.FromBounds(p, e + 1));
            s.Position = e + 1;
            return true;
        }

        private static bool TryWeekday(ref Scanner s, out DayOfWeek day, out TextSpan span)
        {
            day = default;
            span = default;
            int p = s.NextToken();
            if (p < 0) return false;
            var text = s.Text;
            int e = Lexer.ScanIdentifier(text, p);
            if (e == p) return s.Mismatch(SyntaxMessages.ExpectWeekday);
            int index = Array.IndexOf(WeekdayNames, text.Substring(p, e - p).ToLowerInvariant());
            if (index < 0) return s.Error(p, SyntaxMessages.UnknownWeekday(text.Substring(p, e - p)));
            day = (DayOfWeek)index;
            span = TextSpan.FromBounds(p, e);
            s.Position = e;
            return true;
        }

        /// <summary>
        /// The dependency type right after a target, or null. Scanned by hand because <c>fs-2d</c> would
        /// otherwise read as one identifier (identifiers may contain '-').
        /// </summary>
        private static string? TryDependencyType(ref Scanner s, ref int at)
        {
            var text = s.Text;
            int p = Lexer.SkipTrivia(text, s.Position, out bool unterminated);
            if (unterminated || p + 2 > text.Length) return null;
            string? word = null;
            foreach (var t in DependencyTypes)
            {
                if (text[p] == t[0] && text[p + 1] == t[1]) word = t;
            }

            if (word is null) return null;
            if (p + 2 < text.Length)
            {
                char next = text[p + 2];
                bool leadFollows = next == '-' && p + 3 < text.Length && Lexer.IsDigit(text[p + 3]);
                if (Lexer.IsIdentifierPart(next) && !Lexer.IsInvisible(next) && !leadFollows) return null;
            }

            s.Position = p + 2;
            at = p;
            return word;
        }

        /// <summary>Digits that did not make a number are one too large for a decimal: say so, rather than "expected a number".</summary>
        private static bool? TooLarge(ref Scanner s, int p) =>
            p < s.Text.Length && Lexer.IsDigit(s.Text[p]) ? s.Error(p, SyntaxMessages.NumberTooLarge(Lexer.DescribeTokenAt(s.Text, p))) : (bool?)null;

        /// <summary>
        /// Where to report a missing or wrong suffix (unit, '%') of the number at <paramref name="start"/>..<paramref name="end"/>:
        /// at a wrong suffix written against the number (<c>10x</c>), else at the number itself, never at the next
        /// token, which may be a valid statement on the next line.
        /// </summary>
        private static int SuffixErrorAt(string text, int start, int end) =>
            end < text.Length && Lexer.IsIdentifierPart(text[end]) ? end : start;

        private static bool TryUnit(string text, int e, out DurationUnit unit)
        {
            unit = DurationUnit.Days;
            if (e >= text.Length) return false;
            char c = text[e];
            // An invisible or control character after the unit is reported on its own and is not a longer word.
            if (e + 1 < text.Length && Lexer.IsIdentifierPart(text[e + 1]) && !Lexer.IsInvisible(text[e + 1]) && text[e + 1] != '-') return false;
            switch (c)
            {
                case 'h': unit = DurationUnit.Hours; return true;
                case 'd': unit = DurationUnit.Days; return true;
                case 'w': unit = DurationUnit.Weeks; return true;
                default: return false;
            }
        }
    }
}
