using System;
using System.Globalization;
using System.Text;
using ProgramDsl.Syntax;

namespace ProgramDsl.Building
{
    /// <summary>
    /// Renders values as <c>.tpm</c> tokens. Nothing here validates: a value the language cannot accept
    /// (a negative number, a bad id) is written as it is, so the compiler reports it with its own code.
    /// </summary>
    internal static class TpmText
    {
        /// <summary>
        /// A string literal. The language has the escapes <c>\"</c> <c>\\</c> <c>\n</c> <c>\t</c> and ends a
        /// string at a raw line break, so a carriage return (alone or before a line feed) becomes <c>\n</c>.
        /// </summary>
        public static string Quote(string value)
        {
            if (value is null) throw new ArgumentNullException(nameof(value));
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\r':
                        sb.Append("\\n");
                        if (i + 1 < value.Length && value[i + 1] == '\n') i++;
                        break;
                    default: sb.Append(c); break;
                }
            }

            return sb.Append('"').ToString();
        }

        /// <summary>The date part as <c>yyyy-MM-dd</c> in the Gregorian calendar, whatever the current culture.</summary>
        public static string Date(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        /// <summary>A date given as text: written as given, for the compiler to check.</summary>
        public static string Date(string isoDate) => isoDate ?? throw new ArgumentNullException(nameof(isoDate));

        /// <summary>An integer in invariant digits.</summary>
        public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A decimal without exponent and without trailing fraction zeros (<c>2.50</c> → <c>2.5</c>).</summary>
        public static string Number(decimal value)
        {
            var text = value.ToString(CultureInfo.InvariantCulture);
            if (text.IndexOf('.') >= 0) text = text.TrimEnd('0').TrimEnd('.');
            return text == "-0" ? "0" : text;
        }

        /// <summary>
        /// A double in its shortest round-trip digits, expanded to plain notation (<c>1E-07</c> → <c>0.0000001</c>):
        /// the language has no exponent. NaN and infinities are written as .NET names them, which the compiler rejects.
        /// </summary>
        public static string Number(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value)) return value.ToString(CultureInfo.InvariantCulture);
            if (value == 0) return "0";
            var text = value.ToString("R", CultureInfo.InvariantCulture);
            int e = text.IndexOfAny(new[] { 'E', 'e' });
            return e < 0 ? text : Expand(text, e);
        }

        /// <summary>A date range, both ends included, as dates written as given: <c>FROM..TO</c>, or one date when they are equal.</summary>
        public static string DateRange(string from, string to)
        {
            var first = Date(from);
            var last = Date(to);
            return first == last ? first : first + ".." + last;
        }

        /// <summary>
        /// Weekdays for <c>workdays</c>, Monday first, runs of three or more days as ranges (<c>mon..fri</c>, <c>mon, wed, fri</c>,
        /// <c>mon..thu, sat</c>); duplicates count once. No days renders nothing, for the compiler to report.
        /// </summary>
        public static string Weekdays(DayOfWeek[] days)
        {
            if (days is null) throw new ArgumentNullException(nameof(days));
            var set = new bool[7]; // Monday = 0
            foreach (var d in days) set[((int)d + 6) % 7] = true;
            var names = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
            var parts = new System.Collections.Generic.List<string>();
            for (int i = 0; i < 7;)
            {
                if (!set[i])
                {
                    i++;
                    continue;
                }

                int j = i;
                while (j + 1 < 7 && set[j + 1]) j++;
                if (j - i >= 2) parts.Add(names[i] + ".." + names[j]);
                else for (int k = i; k <= j; k++) parts.Add(names[k]);
                i = j + 1;
            }

            return string.Join(", ", parts);
        }

        /// <summary>A number of working days: <c>2.5d</c>.</summary>
        public static string Days(double days) => Number(days) + "d";

        /// <summary>The word before a role in an <c>assign</c> item (<c>assign role de</c>).</summary>
        public static readonly string RoleItemWord = Statements.AssignRoleWord;

        /// <summary>The word before the skills of <c>requires</c> (<c>requires skill python</c>).</summary>
        public static readonly string SkillItemWord = Statements.RequiresItemWords[0];

        /// <summary>A percentage: <c>80%</c>.</summary>
        public static string Percent(int percent) => Number(percent) + "%";

        /// <summary>One item of an <c>after</c> list: the target, then the type and the lag when they are not the defaults.</summary>
        public static string DependencyItem(string id, Dependency type, int lagDays)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            // The language's types in its order: fs, ss, ff, sf, as the enum.
            string keyword = type >= Dependency.FinishToStart && type <= Dependency.StartToFinish
                ? Statements.DependencyTypes[(int)type]
                : throw new ArgumentOutOfRangeException(nameof(type), type, "not a dependency type");

            if (lagDays == 0) return type == Dependency.FinishToStart ? id : id + " " + keyword;

            // Widened so int.MinValue has a magnitude; the compiler reports a lag beyond any calendar.
            long magnitude = Math.Abs((long)lagDays);
            return id + " " + keyword + (lagDays < 0 ? "-" : "+") + magnitude.ToString(CultureInfo.InvariantCulture) + "d";
        }

        private static string Expand(string text, int e)
        {
            int exponent = int.Parse(text.Substring(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            var mantissa = text.Substring(0, e);
            bool negative = mantissa.StartsWith("-", StringComparison.Ordinal);
            if (negative) mantissa = mantissa.Substring(1);
            int point = mantissa.IndexOf('.');
            var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
            int integerDigits = (point < 0 ? mantissa.Length : point) + exponent;

            string plain;
            if (integerDigits <= 0) plain = "0." + new string('0', -integerDigits) + digits;
            else if (integerDigits >= digits.Length) plain = digits + new string('0', integerDigits - digits.Length);
            else plain = digits.Substring(0, integerDigits) + "." + digits.Substring(integerDigits);

            return negative ? "-" + plain : plain;
        }
    }
}
