using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Text;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>Thrown for usage and I/O problems: exit code 2.</summary>
    public sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }

    /// <summary>Compiles plan files from disk with the severities that apply to them.</summary>
    public sealed class PlanLoader
    {
        private readonly IFileSystem _fileSystem;
        private readonly SeverityConfigLocator _configs;
        private readonly IConsoleEnvironment? _console;

        private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);

        public PlanLoader(IFileSystem fileSystem, SeverityConfigLocator configs, IConsoleEnvironment? console = null)
        {
            _fileSystem = fileSystem;
            _configs = configs;
            _console = console;
        }

        /// <summary>Expands files and folders to the program files to check (fragments are skipped: they are read through include).</summary>
        public IReadOnlyList<string> ExpandProgramFiles(IEnumerable<string> paths)
        {
            var result = new List<string>();
            foreach (var path in paths)
            {
                if (_fileSystem.DirectoryExists(path))
                {
                    foreach (var file in _fileSystem.EnumerateFiles(path, "*.tpm"))
                    {
                        // Read once: a program file's text is kept for its compilation.
                        var text = _fileSystem.ReadAllText(file);
                        if (!ProgramDsl.Syntax.SyntaxFacts.IsProgramText(text)) continue;
                        var display = DisplayPath(file);
                        _texts[display] = text;
                        result.Add(display);
                    }
                }
                else if (_fileSystem.FileExists(path))
                {
                    result.Add(DisplayPath(path));
                }
                else if (path.StartsWith("-", StringComparison.Ordinal))
                {
                    // The paths argument takes any token, so an unknown option lands here rather than in the parser.
                    throw new UsageException("unrecognized option '" + path + "'");
                }
                else
                {
                    throw new UsageException("no such file or folder: '" + path + "'");
                }
            }

            return result.Distinct(StringComparer.Ordinal).ToList();
        }

        /// <summary>Compiles one program file.</summary>
        public TpmProgram Compile(string path, string? configPath, bool warningsAsErrors, ScheduleOptions? scheduling = null)
        {
            if (configPath != null && !_fileSystem.FileExists(configPath)) throw new UsageException("no such config file: '" + configPath + "'");
            if (!_fileSystem.FileExists(path)) throw new UsageException("no such file: '" + path + "'");
            SeverityOptions severities;
            try
            {
                severities = _configs.ForFile(path, configPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read .globalconfig: " + ex.Message);
            }

            var options = new TpmCompileOptions { Severities = severities, WarningsAsErrors = warningsAsErrors, Scheduling = scheduling ?? ScheduleOptions.Default };
            string? text;
            try
            {
                if (!_texts.TryGetValue(DisplayPath(path), out text)) text = _fileSystem.ReadAllText(path);
                _texts.Remove(DisplayPath(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new UsageException("cannot read '" + path + "': " + ex.Message);
            }

            // A compile that takes more than a second says so on a terminal; the leveler's search reports its share of work.
            using var display = _console is null ? null : ProgressDisplay.Start(_console, silent: false, "compiling " + DisplayPath(path));
            if (display != null)
            {
                options.Scheduling = Clone(options.Scheduling);
                options.Scheduling.Progress = display.Leveling;
            }

            return TpmProgram.Compile(new SourceText(DisplayPath(path), text), new FileSystemSourceResolver(_fileSystem), options);
        }

        private static string DisplayPath(string path) => SourcePaths.Normalize(path);

        /// <summary>A copy, so the caller's options (read again for the baseline and the forecast) never carry the display.</summary>
        private static ScheduleOptions Clone(ScheduleOptions o) => new ScheduleOptions
        {
            Leveling = o.Leveling,
            Seed = o.Seed,
            Effort = o.Effort,
            Schedules = o.Schedules,
            MaxPlacements = o.MaxPlacements,
            MaxWork = o.MaxWork,
            TimeLimit = o.TimeLimit,
            Progress = o.Progress,
            IgnoreProgress = o.IgnoreProgress,
        };
    }
}
