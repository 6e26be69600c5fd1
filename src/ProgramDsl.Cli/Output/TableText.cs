using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProgramDsl.Reports;

namespace ProgramDsl.Cli.Output
{
    /// <summary>
    /// Text as a table cell: one line (a name may hold \n or \t escapes) and at most a given width in terminal columns;
    /// bidirectional controls are shown escaped, so a name cannot reorder the rest of its row. Widths are display widths
    /// (<see cref="TextWidth"/>): a CJK or emoji name takes two columns a character, combining marks none, so the
    /// columns line up whatever the names hold.
    /// </summary>
    public static class TableText
    {
        public static string Cell(string text, int maxWidth)
        {
            var flat = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (char.IsControl(c) || c == '\u2028' || c == '\u2029') flat.Append(' ');
                else if (ProgramDsl.Diagnostics.Diagnostic.IsBidiControl(c)) flat.Append(ProgramDsl.Diagnostics.Diagnostic.Printable(c.ToString()));
                else flat.Append(c);
            }

            var line = flat.ToString();
            return TextWidth.Fit(line, maxWidth);
        }

        /// <summary>
        /// The header (when given) and the rows as aligned lines: columns two spaces apart, each as wide as its widest
        /// cell in display columns, padded left where <paramref name="rightAligned"/> says so; a last column aligned left is not padded, and
        /// trailing spaces are trimmed.
        /// </summary>
        public static (string? Header, List<string> Rows) Align(string[]? header, IReadOnlyList<string[]> rows, bool[] rightAligned, string indent = "")
        {
            int columns = header?.Length ?? (rows.Count == 0 ? 0 : rows[0].Length);
            var widths = Enumerable.Range(0, columns).Select(c => Math.Max(header is null ? 0 : TextWidth.Of(header[c]), rows.Count == 0 ? 0 : rows.Max(r => TextWidth.Of(r[c])))).ToArray();
            string Format(string[] cells) => (indent + string.Join("  ", cells.Select((c, i) =>
                i == cells.Length - 1 && !rightAligned[i] ? c : rightAligned[i] ? TextWidth.PadLeft(c, widths[i]) : TextWidth.PadRight(c, widths[i])))).TrimEnd();
            return (header is null ? null : Format(header), rows.Select(Format).ToList());
        }
    }
}
