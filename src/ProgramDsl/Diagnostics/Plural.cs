using System.Globalization;

namespace ProgramDsl.Diagnostics
{
    /// <summary>Counted nouns for messages ("1 working day", "3 working days").</summary>
    public static class Plural
    {
        /// <summary>"1 working day" or "N working days".</summary>
        public static string WorkingDays(decimal count) =>
            count.ToString("0.##", CultureInfo.InvariantCulture) + (count == 1 ? " working day" : " working days");

        /// <summary>"1 error" or "1,234 errors": the count with thousands separators and the noun, plural with an 's' when not 1.</summary>
        public static string Of(long count, string noun) =>
            count.ToString("N0", CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
    }
}
