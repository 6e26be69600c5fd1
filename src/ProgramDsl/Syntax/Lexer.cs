using System;
using System.Globalization;
using System.Text;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Syntax
{
    /// <summary>Character-level scanning shared by the token parsers and by error recovery.</summary>
    internal static class Lexer
    {
        public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_';

        /// <summary>
        /// Letters, digits, '_', '-', and (as Unicode identifiers allow) combining marks, so a name written in
        /// decomposed form stays one name. Invisible format characters are read as part of the name too, so one
        /// stray U+200B is one error (reported by <see cref="InputSurvey"/>), not a broken statement.
        /// </summary>
        public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '-' || (c > 127 ? IsMarkOrFormat(c) : c < ' ' && IsControl(c));

        /// <summary>
        /// An invisible format character (zero-width space, joiners, bidirectional controls; the byte order mark is white
        /// space) or a <see cref="IsControl">control character</see>: each is one error where it stands, and is otherwise
        /// skipped, inside a name or between tokens alike.
        /// </summary>
        public static bool IsInvisible(char c) => c > 127 ? c != '\uFEFF' && CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format : c < ' ' && IsControl(c);

        /// <summary>A C0 control character other than tab, line feed and carriage return (NUL, escape, form feed…).</summary>
        public static bool IsControl(char c) => c < ' ' && c != '\t' && c != '\n' && c != '\r';

        private static bool IsMarkOrFormat(char c)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return true;
                case UnicodeCategory.Format:
                    return c != '\uFEFF';
                default:
                    return false;
            }
        }

        /// <summary>True when a <c>//</c> or <c>/*</c> comment starts at <paramref name="p"/> (a comment may follow a value with no space).</summary>
        public static bool StartsComment(string text, int p) =>
            p + 1 < text.Length && text[p] == '/' && (text[p + 1] == '/' || text[p + 1] == '*');

        public static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>The text without its invisible characters, or null when it has none.</summary>
        public static string? Visible(string text, int start, int length)
        {
            System.Text.StringBuilder? sb = null;
            for (int i = start; i < start + length; i++)
            {
                if (Lexer.IsInvisible(text[i]))
                {
                    sb ??= new System.Text.StringBuilder(length).Append(text, start, i - start);
                }
                else
                {
                    sb?.Append(text[i]);
                }
            }

            return sb?.ToString();
        }

        /// <summary>
        /// Skips white space and comments. Stops at the start of an unterminated block comment and
        /// returns true in <paramref name="unterminatedComment"/> so the caller can report it there.
        /// </summary>
        public static int SkipTrivia(string text, int p, out bool unterminatedComment)
        {
            unterminatedComment = false;
            while (p < text.Length)
            {
                char c = text[p];
                if (IsSpaceTrivia(c))
                {
                    p++;
                }
                else if (StartsComment(text, p))
                {
                    int end = ScanComment(text, p, out _, out bool unterminated);
                    if (unterminated)
                    {
                        unterminatedComment = true;
                        return p;
                    }

                    p = end;
                }
                else
                {
                    break;
                }
            }

            return p;
        }

        public static int SkipTrivia(string text, int p) => SkipTrivia(text, p, out _);

        /// <summary>
        /// A character <see cref="SkipTrivia(string, int, out bool)"/> skips as white space: blanks, line breaks, the byte
        /// order mark, other Unicode white space, and the invisible and control characters (each also an error of its own).
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public static bool IsSpaceTrivia(char c) =>
            c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\uFEFF' || (c > 127 ? char.IsWhiteSpace(c) || IsInvisible(c) : c < ' ' && IsControl(c));

        /// <summary>
        /// The comment starting at <paramref name="p"/>, as the trivia skipping reads it: returns its end (a line comment
        /// stops before the line break), or -1 when no comment starts there. An unterminated block comment returns -1 with
        /// <paramref name="unterminated"/> set. <paramref name="isLine"/> tells a <c>//</c> comment from a <c>/* */</c> one.
        /// Used by tools that keep comments (the formatter).
        /// </summary>
        public static int ScanComment(string text, int p, out bool isLine, out bool unterminated)
        {
            isLine = false;
            unterminated = false;
            if (p + 1 >= text.Length || text[p] != '/') return -1;
            if (text[p + 1] == '/')
            {
                isLine = true;
                int e = p + 2;
                while (e < text.Length && text[e] != '\n' && text[e] != '\r') e++;
                return e;
            }

            if (text[p + 1] != '*') return -1;
            int close = text.IndexOf("*/", p + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                unterminated = true;
                return -1;
            }

            return close + 2;
        }

        /// <summary>True when a line break lies in the trivia between two offsets.</summary>
        public static bool HasNewlineBetween(string text, int from, int to)
        {
            for (int i = from; i < to && i < text.Length; i++)
            {
                if (text[i] == '\n' || text[i] == '\r') return true;
            }

            return false;
        }

        /// <summary>The end of an identifier starting at <paramref name="p"/>, or <paramref name="p"/> when there is none.</summary>
        public static int ScanIdentifier(string text, int p)
        {
            if (p >= text.Length || !IsIdentifierStart(text[p])) return p;
            int e = p + 1;
            while (e < text.Length && IsIdentifierPart(text[e])) e++;
            return e;
        }

        /// <summary>
        /// Scans digits with single underscores between them and an optional fraction
        /// (<c>1_200_000</c>, <c>12.5</c>). Returns the end, or <paramref name="p"/> when there is no number.
        /// </summary>
        public static int ScanNumber(string text, int p, out decimal value)
        {
            value = 0;
            int e = p;
            if (e >= text.Length || !IsDigit(text[e])) return p;
            while (e < text.Length && (IsDigit(text[e]) || (text[e] == '_' && e + 1 < text.Length && IsDigit(text[e + 1]) && IsDigit(text[e - 1])))) e++;
            if (e + 1 < text.Length && text[e] == '.' && IsDigit(text[e + 1]))
            {
                e++;
                while (e < text.Length && IsDigit(text[e])) e++;
            }

            // Fast path: up to 18 significant digits fit a long; the scale is the number of fraction digits.
            long mantissa = 0;
            int significant = 0;
            byte scale = 0;
            bool fraction = false;
            for (int i = p; i < e; i++)
            {
                char c = text[i];
                if (c == '_') continue;
                if (c == '.')
                {
                    fraction = true;
                    continue;
                }

                if (++significant > 18) break;
                mantissa = mantissa * 10 + (c - '0');
                if (fraction) scale++;
            }

            if (significant <= 18)
            {
                value = new decimal(unchecked((int)mantissa), (int)(mantissa >> 32), 0, false, scale);
                return e;
            }

            var digits = text.Substring(p, e - p).Replace("_", string.Empty);
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return p;
            return e;
        }

        /// <summary>Scans <c>YYYY-MM-DD</c>. Returns the end, or <paramref name="p"/> when the shape does not match.</summary>
        public static int ScanDate(string text, int p, out int year, out int month, out int day)
        {
            year = month = day = 0;
            if (p + 10 > text.Length) return p;
            for (int i = 0; i < 10; i++)
            {
                char c = text[p + i];
                bool dash = i == 4 || i == 7;
                if (dash ? c != '-' : !IsDigit(c)) return p;
            }

            if (p + 10 < text.Length && IsIdentifierPart(text[p + 10]) && text[p + 10] != '-') return p;
            year = (text[p] - '0') * 1000 + (text[p + 1] - '0') * 100 + (text[p + 2] - '0') * 10 + (text[p + 3] - '0');
            month = (text[p + 5] - '0') * 10 + (text[p + 6] - '0');
            day = (text[p + 8] - '0') * 10 + (text[p + 9] - '0');
            return p + 10;
        }

        /// <summary>
        /// Scans a string literal starting at a double quote. On success returns the end and the unescaped value;
        /// on a lexical error returns -1 with the error's offset and message.
        /// </summary>
        public static int ScanString(string text, int p, out string value, out int errorAt, out string? error)
        {
            value = string.Empty;
            errorAt = p;
            error = null;
            StringBuilder? sb = null;
            int e = p + 1;
            int runStart = e;
            while (true)
            {
                if (e >= text.Length || text[e] == '\n' || text[e] == '\r')
                {
                    errorAt = p;
                    error = SyntaxMessages.UnterminatedString;
                    return -1;
                }

                char c = text[e];
                if (c == '"') break;
                if (c == '\\')
                {
                    sb ??= new StringBuilder();
                    sb.Append(text, runStart, e - runStart);
                    char next = e + 1 < text.Length ? text[e + 1] : '\0';
                    switch (next)
                    {
                        case '"': sb.Append('"'); break;
                        case '\\': sb.Append('\\'); break;
                        case 'n': sb.Append('\n'); break;
                        case 't': sb.Append('\t'); break;
                        default:
                            errorAt = e;
                            error = SyntaxMessages.UnknownEscape(next);
                            return -1;
                    }

                    e += 2;
                    runStart = e;
                    continue;
                }

                e++;
            }

            if (sb is null)
            {
                value = text.Substring(p + 1, e - p - 1);
            }
            else
            {
                sb.Append(text, runStart, e - runStart);
                value = sb.ToString();
            }

            return e + 1;
        }

        /// <summary>Describes the token at an offset for "unexpected …" messages.</summary>
        public static string DescribeTokenAt(string text, int p)
        {
            if (p >= text.Length) return "end of file";
            char c = text[p];
            int e = ScanIdentifier(text, p);
            if (e > p) return "'" + Truncate(text.Substring(p, e - p)) + "'";
            if (IsDigit(c))
            {
                e = p;
                while (e < text.Length && (IsIdentifierPart(text[e]) || text[e] == '.' || text[e] == '%' || text[e] == '/')) e++;
                return "'" + Truncate(text.Substring(p, e - p)) + "'";
            }

            if (c == '"') return "string";
            if (char.IsControl(c)) return "character U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
            if (char.IsHighSurrogate(c) && p + 1 < text.Length) return "'" + text.Substring(p, 2) + "'";
            return "'" + c + "'";
        }

        /// <summary>The length of the token at an offset (at least 1 unless at the end), for error spans.</summary>
        public static int TokenLengthAt(string text, int p)
        {
            if (p >= text.Length) return 0;
            int e = ScanIdentifier(text, p);
            if (e > p) return e - p;
            if (IsDigit(text[p]))
            {
                e = p;
                while (e < text.Length && (IsIdentifierPart(text[e]) || text[e] == '.' || text[e] == '%' || text[e] == '/')) e++;
                return e - p;
            }

            if (text[p] == '"')
            {
                int end = ScanString(text, p, out _, out _, out _);
                if (end > p) return end - p;
            }

            return char.IsHighSurrogate(text[p]) && p + 1 < text.Length ? 2 : 1;
        }

        private static string Truncate(string s) => s.Length > 40 ? s.Substring(0, 40) + "…" : s;
    }
}
