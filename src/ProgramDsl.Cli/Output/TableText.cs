using System.Text;

namespace ProgramDsl.Cli.Output
{
    /// <summary>Text as a table cell: one line (a name may hold \n or \t escapes) and at most a given width.</summary>
    public static class TableText
    {
        public static string Cell(string text, int maxWidth)
        {
            var flat = new StringBuilder(text.Length);
            foreach (var c in text) flat.Append(char.IsControl(c) ? ' ' : c);
            var line = flat.ToString();
            return line.Length <= maxWidth ? line : line.Substring(0, maxWidth - 1) + "…";
        }
    }
}
