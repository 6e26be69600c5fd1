using System;
using System.Globalization;
using System.IO;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Reports.Report
{
    /// <summary>Culture-independent formatting of the report's figures, so every machine writes the same bytes.</summary>
    internal static class ReportFormat
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>Money with two decimals, for columns of earned-value figures.</summary>
        public static string Money2(decimal value) => value.ToString("#,0.00;-#,0.00", Invariant);

        /// <summary>A probability as a percentage with one decimal: "6.9%".</summary>
        public static string Probability(double share) => (share * 100).ToString("0.0", Invariant) + "%";

        /// <summary>A share 0–1 as a percentage: "30%", "82.1%".</summary>
        public static string Share(decimal share) => (share * 100m).ToString("0.#", Invariant) + "%";

        /// <summary>A plain number without trailing zeros: "0.91", "38", "7.2".</summary>
        public static string Number(decimal value) => value.ToString("0.############", Invariant);

        /// <summary>An index such as the SPI, or a dash when there is none.</summary>
        public static string Index(decimal? value) => value is decimal d ? d.ToString("0.00", Invariant) : "—";

        /// <summary>A count with thousands separators.</summary>
        public static string Count(int value) => value.ToString("#,0", Invariant);

        /// <summary>"1 working day", "3 working days".</summary>
        public static string WorkingDays(decimal days) => Plural.WorkingDays(days);

        /// <summary>A signed number of days for a column: "+3d", "-2d", "0d".</summary>
        public static string SignedDays(int days) => days == 0 ? "0d" : days.ToString("+0;-0", Invariant) + "d";

        /// <summary>A metric value with its unit: "38 ms", "0.9%", "0.91".</summary>
        public static string MetricValue(decimal value, string? unit) =>
            Number(value) + (unit is null ? string.Empty : unit == "%" ? "%" : " " + unit);

        /// <summary>"people" and friends: a count with the noun in the right number.</summary>
        public static string Counted(int count, string singular, string? plural = null) =>
            Count(count) + " " + (count == 1 ? singular : plural ?? singular + "s");

        /// <summary>
        /// Where a diagnostic is, by file name and position only: the folder depends on how the tool was called and
        /// on whose machine, and the report must not.
        /// </summary>
        public static string Where(SourceLocation? location)
        {
            if (location is not SourceLocation l || l.Source is null) return "—";
            var name = Path.GetFileName(l.Path.Replace('\\', '/'));
            return name + "(" + l.Start.Line.ToString(Invariant) + "," + l.Start.Column.ToString(Invariant) + ")";
        }

        /// <summary>A person's or team's display name, or a dash.</summary>
        public static string Name(Symbol? symbol) => symbol is null ? "—" : symbol.DisplayName;

        /// <summary>The word for a risk's status.</summary>
        public static string Word(RiskStatus status) => status.ToString().ToLowerInvariant();

        /// <summary>The word for a decision's status.</summary>
        public static string Word(DecisionStatus status) => status.ToString().ToLowerInvariant();

        /// <summary>Text cut to <paramref name="max"/> characters with an ellipsis.</summary>
        public static string Cut(string text, int max) => TextCut.Fit(text, max);
    }
}
