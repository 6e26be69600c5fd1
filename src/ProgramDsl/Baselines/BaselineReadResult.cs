using System;
using System.Collections.Generic;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Baselines
{
    /// <summary>
    /// What <see cref="BaselineJson.Read"/> made of a baseline file: the snapshot, or null when the file could not be
    /// read, and the diagnostics (TPM1104), located in the JSON file.
    /// </summary>
    public sealed class BaselineReadResult
    {
        private readonly Dictionary<string, TextSpan>? _itemSpans;

        internal BaselineReadResult(BaselineSnapshot? snapshot, IReadOnlyList<Diagnostic> diagnostics, SourceText source, Dictionary<string, TextSpan>? itemSpans)
        {
            Snapshot = snapshot;
            Diagnostics = diagnostics;
            Source = source;
            _itemSpans = itemSpans;
        }

        /// <summary>The snapshot, or null when the file is not a baseline this build reads (see <see cref="Diagnostics"/>).</summary>
        public BaselineSnapshot? Snapshot { get; }

        /// <summary>Why the file could not be read; empty when <see cref="Snapshot"/> is set.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>The baseline file's text with its path, which the diagnostics' locations point into.</summary>
        public SourceText Source { get; }

        /// <summary>Where the item with the qualified id is written in the file (its <c>id</c> value), or null when it is not there.</summary>
        public SourceLocation? LocationOf(string id)
        {
            if (id is null) throw new ArgumentNullException(nameof(id));
            return _itemSpans != null && _itemSpans.TryGetValue(id, out var span) ? new SourceLocation(Source, span) : (SourceLocation?)null;
        }
    }
}
