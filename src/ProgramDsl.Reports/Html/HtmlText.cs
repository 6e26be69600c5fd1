using System.Globalization;
using System.Text;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Html
{
    /// <summary>Escaping and invariant formatting shared by the HTML artefacts.</summary>
    internal static class HtmlText
    {
        /// <summary>
        /// Escapes text for an HTML element or a quoted attribute value: &amp;, &lt;, &gt;, the quotes, and the C0
        /// controls other than tab and newline (which HTML does not allow as text). Everything else is kept as it is,
        /// so names in any script stay readable in the source.
        /// </summary>
        public static string Encode(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            StringBuilder? sb = null;
            int run = 0;
            for (int i = 0; i < text!.Length; i++)
            {
                char c = text[i];
                string? replacement = c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    '\r' => " ",
                    _ when c < ' ' && c != '\n' && c != '\t' => "\uFFFD",
                    _ => null,
                };
                if (replacement is null) continue;
                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, run, i - run).Append(replacement);
                run = i + 1;
            }

            if (sb is null) return text;
            return sb.Append(text, run, text.Length - run).ToString();
        }

        /// <summary>An integer, invariant.</summary>
        public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A fraction 0–1 as a whole percentage ("30%").</summary>
        public static string Percent(decimal fraction) =>
            decimal.Round(fraction * 100m, 0, System.MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture) + "%";

        /// <summary>"1 working day", "3 working days".</summary>
        public static string WorkingDays(int days) => Int(days) + (days == 1 || days == -1 ? " working day" : " working days");

        /// <summary>An ISO date.</summary>
        public static string Date(CalendarDate date) => date.ToString();

        private static readonly string[] MonthNames =
        {
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
        };

        /// <summary>The English name of a month (1–12), whatever the machine's culture.</summary>
        public static string MonthName(int month) => MonthNames[month - 1];

        /// <summary>The first three letters of a month's name.</summary>
        public static string MonthAbbreviation(int month) => MonthNames[month - 1].Substring(0, 3);
    }
}
