using System;
using System.Globalization;
using System.Text;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// How many columns text takes in a terminal, for tables that line up whatever the names hold. Text is measured by
    /// grapheme cluster (<see cref="StringInfo"/>, Unicode's extended grapheme clusters): a cluster is as wide as its
    /// first character, two columns when that is East Asian Wide or Fullwidth (CJK, Hangul, kana, fullwidth forms, and
    /// the emoji shown as emoji by default), one otherwise; the combining marks, zero-width joiners, variation selectors
    /// and skin-tone modifiers after it add nothing. A cluster that starts with a mark, a format character or a control
    /// takes no column, a flag (two regional indicators) takes two, and a character followed by the emoji variation
    /// selector (U+FE0F, as in "❤️") takes two. Ambiguous characters (East Asian Width A: "…", "→", Greek, Cyrillic)
    /// count one, as terminals outside CJK locales draw them.
    /// </summary>
    public static class TextWidth
    {
        /// <summary>The ellipsis a cut text ends with: one column.</summary>
        public const string Ellipsis = "…";

        // East Asian Width W and F as inclusive code point ranges, from the Unicode Character Database (14.0) through
        // Python's unicodedata, with the unassigned code points of the CJK and emoji blocks that the standard defaults
        // to W (3400..4DBF, 4E00..9FFF, F900..FAFF, 1F300..1F64F, 1F900..1F9FF, 1FA70..1FAFF, 20000..3FFFD): emoji
        // added to those blocks later are measured two columns too.
        private static readonly int[] Wide =
        {
            0x1100, 0x115F, 0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
            0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693, 0x26A1, 0x26A1,
            0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE, 0x26D4, 0x26D4, 0x26EA, 0x26EA,
            0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA, 0x26FD, 0x26FD, 0x2705, 0x2705, 0x270A, 0x270B,
            0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
            0x27B0, 0x27B0, 0x27BF, 0x27BF, 0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55, 0x2E80, 0x2E99,
            0x2E9B, 0x2EF3, 0x2F00, 0x2FD5, 0x2FF0, 0x2FFB, 0x3000, 0x303E, 0x3041, 0x3096, 0x3099, 0x30FF,
            0x3105, 0x312F, 0x3131, 0x318E, 0x3190, 0x31E3, 0x31F0, 0x321E, 0x3220, 0x3247, 0x3250, 0x4DBF,
            0x4E00, 0xA48C, 0xA490, 0xA4C6, 0xA960, 0xA97C, 0xAC00, 0xD7A3, 0xF900, 0xFAFF, 0xFE10, 0xFE19,
            0xFE30, 0xFE52, 0xFE54, 0xFE66, 0xFE68, 0xFE6B, 0xFF01, 0xFF60, 0xFFE0, 0xFFE6, 0x16FE0, 0x16FE4,
            0x16FF0, 0x16FF1, 0x17000, 0x187F7, 0x18800, 0x18CD5, 0x18D00, 0x18D08, 0x1AFF0, 0x1AFF3, 0x1AFF5, 0x1AFFB,
            0x1AFFD, 0x1AFFE, 0x1B000, 0x1B122, 0x1B150, 0x1B152, 0x1B164, 0x1B167, 0x1B170, 0x1B2FB, 0x1F004, 0x1F004,
            0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A, 0x1F200, 0x1F202, 0x1F210, 0x1F23B, 0x1F240, 0x1F248,
            0x1F250, 0x1F251, 0x1F260, 0x1F265, 0x1F300, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393,
            0x1F3A0, 0x1F3CA, 0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
            0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A, 0x1F595, 0x1F596,
            0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F64F, 0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6D7,
            0x1F6DD, 0x1F6DF, 0x1F6EB, 0x1F6EC, 0x1F6F4, 0x1F6FC, 0x1F7E0, 0x1F7EB, 0x1F7F0, 0x1F7F0, 0x1F90C, 0x1F93A,
            0x1F93C, 0x1F945, 0x1F947, 0x1F9FF, 0x1FA70, 0x1FAFF, 0x20000, 0x2FFFD, 0x30000, 0x3FFFD,
        };

        /// <summary>The display width of <paramref name="text"/> in terminal columns.</summary>
        public static int Of(string text)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (IsPlain(text)) return text.Length;
            int width = 0;
            for (int i = 0; i < text.Length;)
            {
                int length = StringInfo.GetNextTextElementLength(text, i);
                width += OfCluster(text, i, length);
                i += length;
            }

            return width;
        }

        /// <summary><paramref name="text"/> followed by spaces up to <paramref name="width"/> columns (unchanged when it is as wide or wider).</summary>
        public static string PadRight(string text, int width)
        {
            int pad = width - Of(text);
            return pad > 0 ? text + new string(' ', pad) : text;
        }

        /// <summary><paramref name="text"/> after spaces up to <paramref name="width"/> columns (unchanged when it is as wide or wider).</summary>
        public static string PadLeft(string text, int width)
        {
            int pad = width - Of(text);
            return pad > 0 ? new string(' ', pad) + text : text;
        }

        /// <summary>
        /// <paramref name="text"/> when it takes at most <paramref name="maxColumns"/> columns; otherwise its longest
        /// prefix of whole grapheme clusters that leaves a column for <see cref="Ellipsis"/>, then the ellipsis. A cut
        /// never splits a cluster (an emoji sequence, a flag, a letter and its accents) nor leaves a wide character
        /// hanging over the limit.
        /// </summary>
        public static string Fit(string text, int maxColumns)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (Of(text) <= maxColumns) return text;
            int width = 0, cut = 0;
            while (cut < text.Length)
            {
                int length = StringInfo.GetNextTextElementLength(text, cut);
                int w = OfCluster(text, cut, length);
                if (width + w > maxColumns - 1) break;
                width += w;
                cut += length;
            }

            return text.Substring(0, cut) + Ellipsis;
        }

        /// <summary>Printable ASCII only: one column a character, no cluster to look for.</summary>
        private static bool IsPlain(string text)
        {
            foreach (char c in text)
            {
                if (c < 0x20 || c > 0x7E) return false;
            }

            return true;
        }

        /// <summary>The columns of the grapheme cluster text[start, start + length).</summary>
        private static int OfCluster(string text, int start, int length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(start, length), out var first, out int used) != System.Buffers.OperationStatus.Done) return 1;
            int cp = first.Value;
            switch (Rune.GetUnicodeCategory(first))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.EnclosingMark:
                case UnicodeCategory.Format:
                    return 0;
            }

            // Hangul medial vowels and final consonants join the syllable before them; alone they take no column.
            if (cp >= 0x1160 && cp <= 0x11FF) return 0;
            if (cp >= 0x1F1E6 && cp <= 0x1F1FF) return used < length ? 2 : 1;
            if (IsWide(cp)) return 2;
            return text.IndexOf('\uFE0F', start + used, length - used) >= 0 ? 2 : 1;
        }

        /// <summary>Whether a code point is East Asian Wide or Fullwidth (a binary search of <see cref="Wide"/>).</summary>
        internal static bool IsWide(int cp)
        {
            if (cp < Wide[0]) return false;
            int lo = 0, hi = Wide.Length / 2 - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                if (cp < Wide[2 * mid]) hi = mid - 1;
                else if (cp > Wide[2 * mid + 1]) lo = mid + 1;
                else return true;
            }

            return false;
        }
    }
}
