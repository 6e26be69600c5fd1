using System;
using System.Collections.Generic;

namespace ProgramDsl.LanguageServer.Features.Completion
{
    /// <summary>
    /// Bounds a long completion list. After <c>after</c> in a 5,000-task plan every task is a candidate: sending all of
    /// them (5,145 items) took 0.7 s to serialize and transfer, past the 50 ms a completion may take. A longer list is
    /// narrowed to the items the word typed so far could still become (its characters in order, any case, as editors
    /// filter), those starting with it first, and cut at <see cref="MaxItems"/>; the list is then marked incomplete, so the editor asks again as the
    /// user types. A list within the bound is returned whole, as before.
    /// </summary>
    public static class CompletionLimit
    {
        /// <summary>The most items one answer carries.</summary>
        public const int MaxItems = 200;

        /// <summary>The items to send for the word <paramref name="typed"/> (the text from the replaced span's start to the caret), and whether some were left out.</summary>
        public static (IReadOnlyList<CompletionItemModel> Items, bool Incomplete) Apply(IReadOnlyList<CompletionItemModel> items, string typed, int max = MaxItems)
        {
            if (items.Count <= max) return (items, false);
            // Labels that start with the typed word first (what the user most likely means), then the looser matches,
            // each in the list's own order.
            var kept = new List<CompletionItemModel>(max);
            foreach (var item in items)
            {
                if (kept.Count == max) return (kept, true);
                if (item.Label.StartsWith(typed, StringComparison.OrdinalIgnoreCase)) kept.Add(item);
            }

            foreach (var item in items)
            {
                if (kept.Count == max) return (kept, true);
                if (!item.Label.StartsWith(typed, StringComparison.OrdinalIgnoreCase) && IsSubsequence(typed, item.Label)) kept.Add(item);
            }

            // Everything that matches fits, but the unmatched were dropped: the editor must ask again when the word changes.
            return (kept, true);
        }

        /// <summary>True when the characters of <paramref name="typed"/> appear in <paramref name="label"/> in order, ignoring case.</summary>
        public static bool IsSubsequence(string typed, string label)
        {
            int at = 0;
            foreach (var c in typed)
            {
                while (at < label.Length && char.ToLowerInvariant(label[at]) != char.ToLowerInvariant(c)) at++;
                if (at == label.Length) return false;
                at++;
            }

            return true;
        }
    }
}
