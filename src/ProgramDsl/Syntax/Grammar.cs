using System;
using System.Collections.Generic;
using ProgramDsl.Text;
using Sprache;

namespace ProgramDsl.Syntax
{
    /// <summary>
    /// The Sprache grammar of statement arguments. Token parsers scan the text directly and advance the
    /// input once per token; a failed token returns the input it was given (so alternatives see no progress)
    /// and the error position is found by skipping trivia from there. Lexical errors inside a token
    /// (a bad escape, a number without its unit) fail at the offending character with a message of their own.
    /// </summary>
    internal static class Grammar
    {
        private static readonly string[] NoExpectations = Array.Empty<string>();

        private delegate int Scanner<T>(string text, int start, out T value, out int errorAt, out string? error);

        private static IResult<T> Mismatch<T>(IInput input, string expectation) =>
            Result.Failure<T>(input, string.Empty, new[] { expectation });

        /// <summary>Builds a token parser: skip trivia, scan, wrap.</summary>
        private static Parser<T> Token<T>(string expectation, Scanner<T> scan)
        {
            var expected = new[] { expectation };
            return input =>
        {
            var si = (SourceInput)input;
            var text = si.Source;
            int p = Lexer.SkipTrivia(text, si.Position, out bool unterminated);
            if (unterminated) return Result.Failure<T>(si.At(p), "unterminated block comment; close it with '*/'", NoExpectations);
            int end = scan(text, p, out var value, out int errorAt, out string? error);
            if (error != null) return Result.Failure<T>(si.At(errorAt), error, NoExpectations);
            if (end <= p) return Result.Failure<T>(input, string.Empty, expected);
            return Result.Success(value, si.At(end));
        };
        }

        /// <summary>A single punctuation character (after trivia).</summary>
        public static Parser<TextSpan> Punct(char c, string? expectation = null)
        {
            var expected = expectation ?? "'" + c + "'";
            return Token<TextSpan>(expected, (string text, int p, out TextSpan v, out int errorAt, out string? error) =>
            {
                errorAt = p;
                error = null;
                v = new TextSpan(p, 1);
                return p < text.Length && text[p] == c ? p + 1 : p;
            });
        }

        public static readonly Parser<IdentifierSyntax> Identifier = Token<IdentifierSyntax>("a name", (string text, int p, out IdentifierSyntax v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            int e = Lexer.ScanIdentifier(text, p);
            v = e > p ? new IdentifierSyntax(text.Substring(p, e - p), TextSpan.FromBounds(p, e)) : null!;
            return e;
        });

        /// <summary>A specific word, e.g. <c>skill</c> after <c>requires</c>.</summary>
        public static Parser<IdentifierSyntax> Word(params string[] words)
        {
            var expected = string.Join(" or ", Array.ConvertAll(words, w => "'" + w + "'"));
            return Token<IdentifierSyntax>(expected, (string text, int p, out IdentifierSyntax v, out int errorAt, out string? error) =>
            {
                errorAt = p;
                error = null;
                v = null!;
                int e = Lexer.ScanIdentifier(text, p);
                if (e == p) return p;
                var s = text.Substring(p, e - p);
                if (Array.IndexOf(words, s) < 0) return p;
                v = new IdentifierSyntax(s, TextSpan.FromBounds(p, e));
                return e;
            });
        }

        /// <summary><c>a.b.c</c>: identifiers joined by dots with nothing between them.</summary>
        public static readonly Parser<ReferenceSyntax> Reference = Token<ReferenceSyntax>("a name", (string text, int p, out ReferenceSyntax v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            v = null!;
            int e = Lexer.ScanIdentifier(text, p);
            if (e == p) return p;
            var segments = new List<IdentifierSyntax>(1) { new IdentifierSyntax(text.Substring(p, e - p), TextSpan.FromBounds(p, e)) };
            while (e + 1 < text.Length && text[e] == '.' && text[e + 1] != '.')
            {
                int s = e + 1;
                int se = Lexer.ScanIdentifier(text, s);
                if (se == s)
                {
                    errorAt = s;
                    error = "expected a name after '.' in '" + text.Substring(p, s - p) + "'";
                    return p;
                }

                segments.Add(new IdentifierSyntax(text.Substring(s, se - s), TextSpan.FromBounds(s, se)));
                e = se;
            }

            v = new ReferenceSyntax(segments);
            return e;
        });

        public static readonly Parser<StringValueSyntax> String = Token<StringValueSyntax>("a string in double quotes", (string text, int p, out StringValueSyntax v, out int errorAt, out string? error) =>
        {
            v = null!;
            errorAt = p;
            error = null;
            if (p >= text.Length || text[p] != '"') return p;
            int e = Lexer.ScanString(text, p, out var s, out errorAt, out error);
            if (e < 0) return p;
            v = new StringValueSyntax(s, TextSpan.FromBounds(p, e));
            return e;
        });

        /// <summary>A date, <c>YYYY-MM-DD</c> (its validity is the binder's business).</summary>
        public static readonly Parser<DateValueSyntax> Date = Token<DateValueSyntax>("a date (YYYY-MM-DD)", (string text, int p, out DateValueSyntax v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            int e = Lexer.ScanDate(text, p, out int y, out int m, out int d);
            v = e > p ? new DateValueSyntax(y, m, d, TextSpan.FromBounds(p, e)) : null!;
            if (e == p && p < text.Length && Lexer.IsDigit(text[p]))
            {
                error = "invalid date '" + Lexer.DescribeTokenAt(text, p).Trim('\'') + "'; write dates as YYYY-MM-DD";
                errorAt = p;
            }

            return e;
        });

        /// <summary>A date or an inclusive range <c>from..to</c>.</summary>
        public static readonly Parser<DateRangeValueSyntax> DateOrRange = input =>
        {
            var from = Date(input);
            if (!from.WasSuccessful) return Result.Failure<DateRangeValueSyntax>(from.Remainder, from.Message, from.Expectations);
            var rest = (SourceInput)from.Remainder;
            var text = rest.Source;
            int p = rest.Position;
            if (p + 1 < text.Length && text[p] == '.' && text[p + 1] == '.')
            {
                var toInput = rest.At(p + 2);
                var to = Date(toInput);
                if (!to.WasSuccessful)
                {
                    // A plain mismatch (no lexical error of its own) gets the range-specific expectation.
                    return string.IsNullOrEmpty(to.Message)
                        ? Result.Failure<DateRangeValueSyntax>(toInput, string.Empty, new[] { "the last date of the range (YYYY-MM-DD)" })
                        : Result.Failure<DateRangeValueSyntax>(to.Remainder, to.Message, to.Expectations);
                }

                return Result.Success(new DateRangeValueSyntax(from.Value, to.Value), to.Remainder);
            }

            return Result.Success(new DateRangeValueSyntax(from.Value, null), rest);
        };

        private static Scanner<decimal> NumberScanner(bool signed) => (string text, int p, out decimal v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            v = 0;
            bool negative = signed && p < text.Length && text[p] == '-';
            int start = negative ? p + 1 : p;
            int e = Lexer.ScanNumber(text, start, out v);
            if (e == start) return p;
            if (negative) v = -v;
            return e;
        };

        private static int ScanPlainNumber(string text, int p, out NumberValueSyntax v, bool signed, out int errorAt, out string? error)
        {
            v = null!;
            int e = NumberScanner(signed)(text, p, out var value, out errorAt, out error);
            if (e == p) return p;
            if (e < text.Length && (Lexer.IsIdentifierStart(text[e]) || text[e] == '%' || text[e] == '/'))
            {
                errorAt = e;
                error = "unexpected " + Lexer.DescribeTokenAt(text, e) + " after the number " + text.Substring(p, e - p) + "; a plain number is expected here";
                return p;
            }

            v = new NumberValueSyntax(value, TextSpan.FromBounds(p, e));
            return e;
        }

        public static readonly Parser<NumberValueSyntax> Number = Token<NumberValueSyntax>("a number", (string text, int p, out NumberValueSyntax v, out int errorAt, out string? error) =>
            ScanPlainNumber(text, p, out v, false, out errorAt, out error));

        public static readonly Parser<NumberValueSyntax> SignedNumber = Token<NumberValueSyntax>("a number", (string text, int p, out NumberValueSyntax v, out int errorAt, out string? error) =>
            ScanPlainNumber(text, p, out v, true, out errorAt, out error));

        public static readonly Parser<PercentValueSyntax> Percent = Token<PercentValueSyntax>("a percentage such as 80%", (string text, int p, out PercentValueSyntax v, out int errorAt, out string? error) =>
        {
            v = null!;
            int e = NumberScanner(false)(text, p, out var value, out errorAt, out error);
            if (e == p) return p;
            if (e >= text.Length || text[e] != '%')
            {
                errorAt = SuffixErrorAt(text, p, e);
                error = "expected '%' after " + text.Substring(p, e - p) + " (a percentage such as 80%)";
                return p;
            }

            v = new PercentValueSyntax(value, TextSpan.FromBounds(p, e + 1));
            return e + 1;
        });

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
            if (e + 1 < text.Length && Lexer.IsIdentifierPart(text[e + 1]) && text[e + 1] != '-') return false;
            switch (c)
            {
                case 'h': unit = DurationUnit.Hours; return true;
                case 'd': unit = DurationUnit.Days; return true;
                case 'w': unit = DurationUnit.Weeks; return true;
                default: return false;
            }
        }

        public static readonly Parser<DurationValueSyntax> Duration = Token<DurationValueSyntax>("a duration such as 5d, 4h or 2w", (string text, int p, out DurationValueSyntax v, out int errorAt, out string? error) =>
        {
            v = null!;
            int e = NumberScanner(false)(text, p, out var value, out errorAt, out error);
            if (e == p) return p;
            if (!TryUnit(text, e, out var unit))
            {
                errorAt = SuffixErrorAt(text, p, e);
                error = "expected a unit after " + text.Substring(p, e - p) + ": h (hours), d (working days) or w (weeks), as in " + text.Substring(p, e - p) + "d";
                return p;
            }

            v = new DurationValueSyntax(value, unit, TextSpan.FromBounds(p, e + 1));
            return e + 1;
        });

        public static readonly Parser<RateValueSyntax> Rate = Token<RateValueSyntax>("a rate such as 950/d or 120/h", (string text, int p, out RateValueSyntax v, out int errorAt, out string? error) =>
        {
            v = null!;
            int e = NumberScanner(false)(text, p, out var value, out errorAt, out error);
            if (e == p) return p;
            if (e >= text.Length || text[e] != '/' || !TryUnit(text, e + 1, out var unit))
            {
                errorAt = SuffixErrorAt(text, p, e);
                error = "expected a rate such as " + text.Substring(p, e - p) + "/d or " + text.Substring(p, e - p) + "/h";
                return p;
            }

            v = new RateValueSyntax(value, unit, TextSpan.FromBounds(p, e + 2));
            return e + 2;
        });

        public static readonly Parser<ValueSyntax> Name = Identifier.Select(i => (ValueSyntax)new NameValueSyntax(i));

        public static readonly Parser<ValueSyntax> ReferenceValue = Reference.Select(r => (ValueSyntax)new ReferenceValueSyntax(r));

        private static readonly string[] WeekdayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

        private static readonly Parser<(DayOfWeek Day, TextSpan Span)> Weekday = Token<(DayOfWeek, TextSpan)>("a weekday (mon, tue, wed, thu, fri, sat, sun)", (string text, int p, out (DayOfWeek, TextSpan) v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            v = default;
            int e = Lexer.ScanIdentifier(text, p);
            if (e == p) return p;
            int index = Array.IndexOf(WeekdayNames, text.Substring(p, e - p).ToLowerInvariant());
            if (index < 0)
            {
                error = "unknown weekday '" + text.Substring(p, e - p) + "'; use mon, tue, wed, thu, fri, sat or sun";
                return p;
            }

            v = ((DayOfWeek)index, TextSpan.FromBounds(p, e));
            return e;
        });

        public static readonly Parser<ValueSyntax> WeekdayRange = input =>
        {
            var from = Weekday(input);
            if (!from.WasSuccessful) return Result.Failure<ValueSyntax>(from.Remainder, from.Message, from.Expectations);
            var rest = (SourceInput)from.Remainder;
            var text = rest.Source;
            int p = rest.Position;
            if (p + 1 < text.Length && text[p] == '.' && text[p + 1] == '.')
            {
                var to = Weekday(rest.At(p + 2));
                if (!to.WasSuccessful) return Result.Failure<ValueSyntax>(to.Remainder == rest.At(p + 2) ? rest.At(p + 2) : to.Remainder, to.Message, to.Expectations);
                return Result.Success<ValueSyntax>(new WeekdayRangeSyntax(from.Value.Day, to.Value.Day, from.Value.Span.Union(to.Value.Span)), to.Remainder);
            }

            return Result.Success<ValueSyntax>(new WeekdayRangeSyntax(from.Value.Day, null, from.Value.Span), rest);
        };

        public static readonly Parser<ValueSyntax> Comparison = Token<ValueSyntax>("a comparison such as >= 0.85", (string text, int p, out ValueSyntax v, out int errorAt, out string? error) =>
        {
            v = null!;
            errorAt = p;
            error = null;
            string? op = null;
            if (p + 1 < text.Length && (text[p] == '>' || text[p] == '<' || text[p] == '=') && text[p + 1] == '=') op = text[p] == '=' ? "=" : text.Substring(p, 2);
            else if (p < text.Length && (text[p] == '>' || text[p] == '<' || text[p] == '=')) op = text[p].ToString();
            if (op is null) return p;
            int after = p + (p + 1 < text.Length && text[p + 1] == '=' ? 2 : 1);
            int q = Lexer.SkipTrivia(text, after);
            int e = ScanPlainNumber(text, q, out var number, true, out errorAt, out error);
            if (error != null) return p;
            if (e == q)
            {
                // At the operator: what follows may be the next statement.
                errorAt = p;
                error = "expected a number after '" + op + "'";
                return p;
            }

            v = new ComparisonValueSyntax(op, number.Value, TextSpan.FromBounds(p, e));
            return e;
        });

        private static readonly string[] DependencyTypes = { "fs", "ss", "ff", "sf" };

        /// <summary>
        /// The dependency type right after a target. Scanned by hand because <c>fs-2d</c> would otherwise read
        /// as one identifier (identifiers may contain '-').
        /// </summary>
        private static readonly Parser<IdentifierSyntax> DependencyType = Token<IdentifierSyntax>("a dependency type (fs, ss, ff, sf)", (string text, int p, out IdentifierSyntax v, out int errorAt, out string? error) =>
        {
            errorAt = p;
            error = null;
            v = null!;
            if (p + 2 > text.Length) return p;
            var word = text.Substring(p, 2);
            if (Array.IndexOf(DependencyTypes, word) < 0) return p;
            if (p + 2 < text.Length)
            {
                char next = text[p + 2];
                bool leadFollows = next == '-' && p + 3 < text.Length && Lexer.IsDigit(text[p + 3]);
                if (Lexer.IsIdentifierPart(next) && !leadFollows) return p;
            }

            v = new IdentifierSyntax(word, new TextSpan(p, 2));
            return p + 2;
        });

        private static readonly Parser<TextSpan> LagSign = Punct('+', "'+' or '-' and a lag such as +2d").Or(Punct('-'));

        private static readonly Parser<(bool IsLead, DurationValueSyntax Lag)> Lag = input =>
        {
            var sign = LagSign(input);
            if (!sign.WasSuccessful) return Result.Failure<(bool, DurationValueSyntax)>(input, string.Empty, sign.Expectations);
            var si = (SourceInput)input;
            bool lead = si.Source[sign.Value.Start] == '-';
            var duration = Duration(sign.Remainder);
            if (!duration.WasSuccessful)
            {
                return Result.Failure<(bool, DurationValueSyntax)>(duration.Remainder == sign.Remainder ? sign.Remainder : duration.Remainder, duration.Message, duration.Expectations);
            }

            return Result.Success((lead, duration.Value), duration.Remainder);
        };

        public static readonly Parser<ValueSyntax> DependencyItem = input =>
        {
            var target = Reference(input);
            if (!target.WasSuccessful) return Result.Failure<ValueSyntax>(target.Remainder, target.Message, target.Expectations);
            IInput rest = target.Remainder;
            IdentifierSyntax? type = null;
            var typeResult = DependencyType(rest);
            if (typeResult.WasSuccessful)
            {
                type = typeResult.Value;
                rest = typeResult.Remainder;
            }

            DurationValueSyntax? lag = null;
            bool lead = false;
            var lagResult = Lag(rest);
            if (lagResult.WasSuccessful)
            {
                lag = lagResult.Value.Lag;
                lead = lagResult.Value.IsLead;
                rest = lagResult.Remainder;
            }
            else if (lagResult.Remainder != rest)
            {
                return Result.Failure<ValueSyntax>(lagResult.Remainder, lagResult.Message, lagResult.Expectations);
            }

            int end = lag?.Span.End ?? type?.Span.End ?? target.Value.Span.End;
            return Result.Success<ValueSyntax>(new DependencyItemSyntax(target.Value, type, lag, lead, TextSpan.FromBounds(target.Value.Span.Start, end)), rest);
        };

        private static readonly Parser<IdentifierSyntax> RoleWord = Word("role");

        public static readonly Parser<ValueSyntax> AssignmentItem = input =>
        {
            bool isRole = false;
            IInput start = input;
            var role = RoleWord(input);
            if (role.WasSuccessful)
            {
                // "role" is a keyword here only when a name follows; otherwise it names a person called "role".
                var probe = Reference(role.Remainder);
                if (probe.WasSuccessful)
                {
                    isRole = true;
                    start = role.Remainder;
                }
            }

            var target = Reference(start);
            if (!target.WasSuccessful) return Result.Failure<ValueSyntax>(target.Remainder, target.Message, target.Expectations);
            PercentValueSyntax? share = null;
            var rest = target.Remainder;
            var shareResult = Percent(rest);
            if (shareResult.WasSuccessful)
            {
                share = shareResult.Value;
                rest = shareResult.Remainder;
            }
            else if (shareResult.Remainder != rest)
            {
                return Result.Failure<ValueSyntax>(shareResult.Remainder, shareResult.Message, shareResult.Expectations);
            }

            int spanStart = isRole ? role.Value.Span.Start : target.Value.Span.Start;
            int end = share?.Span.End ?? target.Value.Span.End;
            return Result.Success<ValueSyntax>(new AssignmentItemSyntax(target.Value, isRole, share, TextSpan.FromBounds(spanStart, end)), rest);
        };

        public static readonly Parser<ValueSyntax> ResourceUseItem = input =>
        {
            var target = Reference(input);
            if (!target.WasSuccessful) return Result.Failure<ValueSyntax>(target.Remainder, target.Message, target.Expectations);
            NumberValueSyntax? units = null;
            var rest = target.Remainder;
            var unitsResult = Number(rest);
            if (unitsResult.WasSuccessful)
            {
                units = unitsResult.Value;
                rest = unitsResult.Remainder;
            }
            else if (unitsResult.Remainder != rest)
            {
                return Result.Failure<ValueSyntax>(unitsResult.Remainder, unitsResult.Message, unitsResult.Expectations);
            }

            return Result.Success<ValueSyntax>(new ResourceUseItemSyntax(target.Value, units, TextSpan.FromBounds(target.Value.Span.Start, (units?.Span ?? target.Value.Span).End)), rest);
        };

        private static readonly Parser<TextSpan> Comma = Punct(',');

        /// <summary>One or more items separated by commas; a comma must be followed by an item.</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> ListOf(Parser<ValueSyntax> item) => input =>
        {
            var first = item(input);
            if (!first.WasSuccessful) return Result.Failure<IReadOnlyList<ValueSyntax>>(first.Remainder, first.Message, first.Expectations);
            var items = new List<ValueSyntax> { first.Value };
            var rest = first.Remainder;
            while (true)
            {
                var comma = Comma(rest);
                if (!comma.WasSuccessful) break;
                var next = item(comma.Remainder);
                if (!next.WasSuccessful)
                {
                    var at = next.Remainder == comma.Remainder ? comma.Remainder : next.Remainder;
                    return Result.Failure<IReadOnlyList<ValueSyntax>>(at, next.Message, next.Expectations);
                }

                items.Add(next.Value);
                rest = next.Remainder;
            }

            return Result.Success<IReadOnlyList<ValueSyntax>>(items, rest);
        };

        /// <summary>Exactly one value.</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> One<T>(Parser<T> value) where T : ValueSyntax =>
            value.Select(v => (IReadOnlyList<ValueSyntax>)new ValueSyntax[] { v });

        /// <summary>A fixed sequence of values (e.g. the three durations of <c>estimate</c>).</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> Sequence(params Parser<ValueSyntax>[] parts) => input =>
        {
            var values = new ValueSyntax[parts.Length];
            var rest = input;
            for (int i = 0; i < parts.Length; i++)
            {
                var r = parts[i](rest);
                if (!r.WasSuccessful) return Result.Failure<IReadOnlyList<ValueSyntax>>(r.Remainder, r.Message, r.Expectations);
                values[i] = r.Value;
                rest = r.Remainder;
            }

            return Result.Success<IReadOnlyList<ValueSyntax>>(values, rest);
        };

        /// <summary>A value followed by an optional string (<c>holiday 2027-01-18 "MLK Day"</c>).</summary>
        public static Parser<IReadOnlyList<ValueSyntax>> WithOptionalLabel(Parser<ValueSyntax> value) => input =>
        {
            var v = value(input);
            if (!v.WasSuccessful) return Result.Failure<IReadOnlyList<ValueSyntax>>(v.Remainder, v.Message, v.Expectations);
            var label = String(v.Remainder);
            if (label.WasSuccessful) return Result.Success<IReadOnlyList<ValueSyntax>>(new ValueSyntax[] { v.Value, label.Value }, label.Remainder);
            if (label.Remainder != v.Remainder) return Result.Failure<IReadOnlyList<ValueSyntax>>(label.Remainder, label.Message, label.Expectations);
            return Result.Success<IReadOnlyList<ValueSyntax>>(new ValueSyntax[] { v.Value }, v.Remainder);
        };

        /// <summary>Either of two values; the first must not consume input when it fails.</summary>
        public static Parser<ValueSyntax> Either(Parser<ValueSyntax> first, Parser<ValueSyntax> second) => first.XOr(second);

        public static Parser<ValueSyntax> AsValue<T>(this Parser<T> parser) where T : ValueSyntax => parser.Select(v => (ValueSyntax)v);
    }
}
