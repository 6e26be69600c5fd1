using System;
using System.Globalization;

namespace ProgramDsl.Reports
{
    /// <summary>
    /// Shortening text to a length in UTF-16 units (a budget of characters, as a comment or a Markdown cell has) without
    /// cutting a character in two. Text tables for a terminal cut by display columns instead: <see cref="TextWidth.Fit"/>.
    /// </summary>
    public static class TextCut
    {
        /// <summary>
        /// <paramref name="text"/> when it has at most <paramref name="max"/> UTF-16 units; otherwise its longest prefix
        /// of whole text elements that leaves room for "…" within <paramref name="max"/>, then "…". A cut never falls
        /// inside a surrogate pair (an emoji, a rare ideograph) or between a letter and its combining marks, where it
        /// would print U+FFFD or a stray accent.
        /// </summary>
        public static string Fit(string text, int max)
        {
            if (text is null) throw new ArgumentNullException(nameof(text));
            if (text.Length <= max) return text;
            int cut = 0;
            while (cut < text.Length)
            {
                int next = cut + StringInfo.GetNextTextElementLength(text, cut);
                if (next > max - 1) break;
                cut = next;
            }

            return text.Substring(0, cut) + "…";
        }
    }
}
