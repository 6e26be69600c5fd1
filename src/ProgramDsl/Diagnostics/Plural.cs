using System.Globalization;

namespace ProgramDsl.Diagnostics
{
    /// <summary>Counted nouns for messages ("1 working day", "3 working days").</summary>
    public static class Plural
    {
        /// <summary>"1 working day" or "N working days".</summary>
        public static string WorkingDays(decimal count) =>
            count.ToString("0.##", CultureInfo.InvariantCulture) + (count == 1 ? " working day" : " working days");
    }
}
