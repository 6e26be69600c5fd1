using System;
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ProgramDsl.LanguageServer.Tests.Infrastructure
{
    /// <summary>Applies protocol text edits to a text as an editor does (all ranges against the original text).</summary>
    public static class TextEdits
    {
        /// <summary>The offset of a 0-based line and UTF-16 column.</summary>
        public static int OffsetOf(string text, int line, int character)
        {
            int offset = 0;
            for (int l = 0; l < line; l++)
            {
                int next = text.IndexOf('\n', offset);
                if (next < 0) return text.Length;
                offset = next + 1;
            }

            return Math.Min(text.Length, offset + character);
        }

        /// <summary>The text after the edits (applied from the last to the first).</summary>
        public static string Apply(string text, IEnumerable<JToken> edits)
        {
            var resolved = edits.Select(e => (
                    Start: OffsetOf(text, (int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!),
                    End: OffsetOf(text, (int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!),
                    NewText: (string)e["newText"]!))
                .OrderByDescending(e => e.Start).ThenByDescending(e => e.End).ToList();
            for (int i = 1; i < resolved.Count; i++)
            {
                if (resolved[i].End > resolved[i - 1].Start) throw new InvalidOperationException("overlapping edits");
            }

            foreach (var e in resolved) text = text.Substring(0, e.Start) + e.NewText + text.Substring(e.End);
            return text;
        }

        /// <summary>An edit as <c>line:col-line:col "text"</c> (0-based), for exact comparisons.</summary>
        public static string Describe(JToken edit) =>
            $"{edit["range"]!["start"]!["line"]}:{edit["range"]!["start"]!["character"]}-{edit["range"]!["end"]!["line"]}:{edit["range"]!["end"]!["character"]} \"{((string)edit["newText"]!).Replace("\n", "\\n")}\"";
    }
}
