using System;
using System.Collections.Generic;
using System.IO;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Diagnostics;
using ProgramDsl.Text;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>The severities that apply to a plan and the problems found in the files they came from (TPM0002).</summary>
    public sealed record SeverityConfig(SeverityOptions Severities, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>
    /// Finds the <c>.globalconfig</c> files that apply to a plan: those in its folder and every folder above it.
    /// Nearer files win, as they would in a build that lists them all. A config is read only when it is a regular file of
    /// at most <see cref="InputLimits.MaxConfigBytes"/>: <c>--config</c> naming anything else is a usage error, a found
    /// <c>.globalconfig</c> that is not one is skipped with a TPM0002 warning. Lines that cannot be understood are
    /// TPM0002 warnings at their place; the rest of the file applies. A found <c>.globalconfig</c> inside the workspace
    /// whose real path leaves it (a link in a pull request to <c>/etc/passwd</c>) is not opened: its TPM0002 warnings'
    /// line and column numbers would tell the shape of the file. Configs above the workspace are the user's own and a
    /// <c>--config</c> file is the user's choice: both are read.
    /// </summary>
    public sealed class SeverityConfigLocator
    {
        private readonly IFileSystem _fileSystem;

        public SeverityConfigLocator(IFileSystem fileSystem) => _fileSystem = fileSystem;

        private readonly Dictionary<string, SeverityConfig> _byFolder = new Dictionary<string, SeverityConfig>(StringComparer.Ordinal);

        // Each config file's problems are reported once per run, with the first plan that uses it, not with every plan.
        private readonly HashSet<string> _reported = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The severities for a plan; <paramref name="workspace"/> is the real path of its workspace, when known.</summary>
        public SeverityConfig ForFile(string planPath, string? explicitConfig, string? workspace = null)
        {
            // Plans in one folder share their configs: read them once per folder.
            var key = (explicitConfig ?? string.Empty) + "\u0001" + workspace + "\u0001" + Path.GetDirectoryName(_fileSystem.GetFullPath(planPath));
            if (!_byFolder.TryGetValue(key, out var config)) config = _byFolder[key] = Read(planPath, explicitConfig, workspace);
            var fresh = new List<Diagnostic>();
            foreach (var d in config.Diagnostics)
            {
                if (d.Location is SourceLocation at && !_reported.Contains(at.Path)) fresh.Add(d);
            }

            foreach (var d in fresh) _reported.Add(((SourceLocation)d.Location!).Path);
            return config with { Diagnostics = fresh };
        }

        private SeverityConfig Read(string planPath, string? explicitConfig, string? workspace)
        {
            var sources = new List<SourceText>();
            var problems = new List<Diagnostic>();
            if (explicitConfig is null)
            {
                var folder = Path.GetDirectoryName(_fileSystem.GetFullPath(planPath));
                var found = new List<string>();
                while (!string.IsNullOrEmpty(folder))
                {
                    var candidate = Path.Combine(folder, ".globalconfig");
                    if (_fileSystem.FileExists(candidate) || _fileSystem.DirectoryExists(candidate)) found.Add(candidate);
                    folder = Path.GetDirectoryName(folder);
                }

                found.Reverse();
                foreach (var file in found)
                {
                    // Inside the workspace, read by its real path and only if the open file is still that one; above it, as named.
                    string? real = null;
                    string? problem;
                    try
                    {
                        real = RealPathInWorkspace(file, workspace);
                        problem = real != null && !SourcePaths.IsWithin(workspace!, real, OperatingSystem.IsWindows()) ? "a symbolic link out of the workspace; not read" : Check(file);
                    }
                    catch (IOException ex)
                    {
                        // A loop of links (.globalconfig -> .globalconfig) names no file: like a dangling link, it is skipped.
                        problem = "not readable (" + CliErrors.Clause(ex.Message) + ")";
                    }

                    string? text = null;
                    if (problem is null)
                    {
                        // Checked again on the open file: the path may name something else by now.
                        try
                        {
                            text = real is null ? _fileSystem.ReadAllText(file, InputLimits.MaxConfigBytes) : _fileSystem.ReadRealFileText(real, InputLimits.MaxConfigBytes);
                        }
                        catch (NotRegularFileException ex)
                        {
                            problem = NotRegular(ex.Info);
                        }
                        catch (InputTooLargeException ex)
                        {
                            problem = TooLarge(ex.Size);
                        }
                    }

                    if (text != null)
                    {
                        sources.Add(new SourceText(file, text));
                    }
                    else if (problem != null)
                    {
                        problems.Add(DiagnosticCatalog.ConfigUnusable(new SourceLocation(new SourceText(file, string.Empty), new TextSpan(0, 0)), problem));
                    }
                }
            }
            else
            {
                var problem = Check(explicitConfig);
                string? text = null;
                try
                {
                    if (problem is null) text = _fileSystem.ReadAllText(explicitConfig, InputLimits.MaxConfigBytes);
                }
                catch (NotRegularFileException ex)
                {
                    problem = NotRegular(ex.Info);
                }
                catch (InputTooLargeException ex)
                {
                    problem = TooLarge(ex.Size);
                }

                if (text is null) throw new UsageException("the config '" + explicitConfig + "' is " + problem);
                sources.Add(new SourceText(SourcePaths.Normalize(explicitConfig), text));
            }

            var merged = SeverityOptions.Default;
            foreach (var source in sources) merged = merged.MergeWith(SeverityOptions.ParseGlobalConfig(source, problems));
            return new SeverityConfig(merged, problems);
        }

        private static string Bytes(long count) => count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

        // The real path of a config found in a folder of the workspace, which must lie inside it to be read (a link out is
        // never opened); null for a config in a folder above the workspace, or when there is none.
        private string? RealPathInWorkspace(string file, string? workspace)
        {
            if (workspace is null) return null;
            var folder = _fileSystem.GetRealPath(Path.GetDirectoryName(file)!);
            if (!SourcePaths.IsWithin(workspace, folder, OperatingSystem.IsWindows())) return null;
            return _fileSystem.GetRealPath(file);
        }

        // Why a config must not be read, checked from its metadata before it is opened (and on the open file after); null when it may be.
        private string? Check(string path)
        {
            var info = _fileSystem.Inspect(path);
            if (info.Kind != PathKind.RegularFile) return NotRegular(info);
            if (info.Length > InputLimits.MaxConfigBytes) return TooLarge(info.Length);
            return null;
        }

        private static string NotRegular(PathInfo info) => info.Describe() + ", not a regular file";

        // size is -1 when the file grew past the limit while it was read.
        private static string TooLarge(long size) =>
            (size >= 0 ? Bytes(size) + " bytes, over" : "over") + " the limit of " + Bytes(InputLimits.MaxConfigBytes) + " bytes (1 MiB) for a .globalconfig";
    }
}
