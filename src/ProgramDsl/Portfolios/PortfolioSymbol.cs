using System.Collections.Generic;
using ProgramDsl.Text;

namespace ProgramDsl.Portfolios
{
    /// <summary>The bound <c>portfolio</c> block.</summary>
    public sealed class PortfolioSymbol
    {
        internal PortfolioSymbol(string id, string? title, SourceLocation location)
        {
            Id = id;
            Title = title;
            Location = location;
        }

        /// <summary>The portfolio's id.</summary>
        public string Id { get; }

        /// <summary>Its display name, if given.</summary>
        public string? Title { get; }

        /// <summary>Where it is declared.</summary>
        public SourceLocation Location { get; }

        /// <summary>The portfolio's <c>leveling</c> setting: level the programs together (default) or check them as they stand.</summary>
        public bool Leveling { get; internal set; } = true;

        /// <summary>The program entries as written: path as written, priority, location.</summary>
        public IReadOnlyList<(string Path, int Priority, SourceLocation Location)> Programs { get; internal set; } = new List<(string, int, SourceLocation)>();
    }
}
