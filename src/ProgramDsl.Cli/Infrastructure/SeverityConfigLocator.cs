using System;
using System.Collections.Generic;
using System.IO;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// Finds the <c>.globalconfig</c> files that apply to a plan: those in its folder and every folder above it.
    /// Nearer files win, as they would in a build that lists them all.
    /// </summary>
    public sealed class SeverityConfigLocator
    {
        private readonly IFileSystem _fileSystem;

        public SeverityConfigLocator(IFileSystem fileSystem) => _fileSystem = fileSystem;

        private readonly Dictionary<string, SeverityOptions> _byFolder = new Dictionary<string, SeverityOptions>(StringComparer.Ordinal);

        public SeverityOptions ForFile(string planPath, string? explicitConfig)
        {
            // Plans in one folder share their configs: read them once per folder.
            var key = (explicitConfig ?? string.Empty) + "\u0001" + Path.GetDirectoryName(_fileSystem.GetFullPath(planPath));
            if (_byFolder.TryGetValue(key, out var cached)) return cached;
            return _byFolder[key] = Read(planPath, explicitConfig);
        }

        private SeverityOptions Read(string planPath, string? explicitConfig)
        {
            var texts = new List<string>();
            if (explicitConfig is null)
            {
                var folder = Path.GetDirectoryName(_fileSystem.GetFullPath(planPath));
                var found = new List<string>();
                while (!string.IsNullOrEmpty(folder))
                {
                    var candidate = Path.Combine(folder, ".globalconfig");
                    if (_fileSystem.FileExists(candidate)) found.Add(candidate);
                    folder = Path.GetDirectoryName(folder);
                }

                found.Reverse();
                foreach (var file in found) texts.Add(_fileSystem.ReadAllText(file));
            }
            else
            {
                texts.Add(_fileSystem.ReadAllText(explicitConfig));
            }

            var merged = SeverityOptions.Default;
            foreach (var text in texts) merged = merged.MergeWith(SeverityOptions.ParseGlobalConfig(text));
            return merged;
        }
    }
}
