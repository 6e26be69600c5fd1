using System;
using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl.Reports.Artefacts
{
    /// <summary>Every artefact <c>tpm build</c> can write, in the order they are written.</summary>
    public static class ArtefactCatalog
    {
        /// <summary>All emitters, one per <c>--emit</c> kind.</summary>
        public static IReadOnlyList<IArtefactEmitter> All { get; } = new IArtefactEmitter[]
        {
            new ScheduleJsonArtefact(),
            new HtmlArtefact(),
            new MarkdownReportArtefact(),
            new IcsCalendarArtefact(),
            new MermaidGanttArtefact(),
            new MspdiArtefact(),
            new ScheduleCsvArtefact(),
        };

        /// <summary>Older names still accepted by <c>--emit</c> (the first build package wrote <c>schedule</c>).</summary>
        private static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["schedule"] = "json",
        };

        /// <summary>
        /// The emitters a comma-separated <c>--emit</c> value names ("all" for every one), in catalogue order; null with a
        /// message when it names an unknown kind or none.
        /// </summary>
        public static IReadOnlyList<IArtefactEmitter>? Select(string emit, out string? problem)
        {
            problem = null;
            var names = (emit ?? string.Empty).Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(k => k.Trim().ToLowerInvariant())
                .Select(k => Aliases.TryGetValue(k, out var canonical) ? canonical : k)
                .Distinct()
                .ToList();
            var known = "all, " + string.Join(", ", All.Select(e => e.Kind));
            if (names.Count == 0)
            {
                problem = "--emit names no artefact; known: " + known;
                return null;
            }

            if (names.Contains("all")) return All;
            foreach (var name in names)
            {
                if (All.All(e => e.Kind != name))
                {
                    problem = "unknown artefact '" + name + "' for --emit; known: " + known;
                    return null;
                }
            }

            return All.Where(e => names.Contains(e.Kind)).ToList();
        }
    }
}
