using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// Reads <c>tpm forecast --calibrate --history DIR|REV-RANGE</c>: the finished tasks of the other programs under a
    /// folder of the workspace, or of the plan itself at each commit of a git range, as a <see cref="CalibrationHistory"/>.
    /// Every program is compiled as the commands compile plans (the loader's workspace, size, token and severity rules;
    /// a revision's plan and includes through <see cref="GitRevisions"/>); one with errors is skipped and named.
    /// </summary>
    public sealed class ForecastHistoryReader
    {
        /// <summary>The most commits of a range read (the newest): each is a compile of the whole plan.</summary>
        public const int MaxRevisions = 100;

        private readonly PlanLoader _loader;
        private readonly IFileSystem _fileSystem;

        public ForecastHistoryReader(PlanLoader loader, IFileSystem fileSystem)
        {
            _loader = loader;
            _fileSystem = fileSystem;
        }

        /// <summary>What was read, for the notes on standard error.</summary>
        public sealed record Outcome(CalibrationHistory History, IReadOnlyList<string> Notes);

        /// <summary>
        /// Reads the history <paramref name="history"/> names for the plan <paramref name="planFile"/>: a folder when one
        /// exists by that name, else a revision range (<c>A..B</c>, or one revision and its history) of the plan's
        /// repository; anything else is a usage error.
        /// </summary>
        public Outcome Read(string history, string planFile, CommonSettings settings, ScheduleOptions scheduling)
        {
            // Finished tasks are measured from actual dates and assignees, which leveling does not move: history plans
            // are scheduled without it, so a folder of large plans costs one forward pass each.
            var options = _loader.Cancellable(new ScheduleOptions { Leveling = false, Seed = scheduling.Seed });
            if (_fileSystem.DirectoryExists(history)) return ReadFolder(history, planFile, settings, options);
            return ReadRevisions(history, planFile, settings, options);
        }

        private Outcome ReadFolder(string folder, string planFile, CommonSettings settings, ScheduleOptions options)
        {
            var workspace = _loader.WorkspaceFor(planFile, isFolder: false, settings.Workspace);
            var result = new CalibrationHistory();
            var notes = new List<string>();
            var files = _loader.ProgramFilesWithin(folder, workspace, planFile);
            foreach (var file in files)
            {
                var program = _loader.Compile(file, settings.ConfigPath, warningsAsErrors: false, options, workspace);
                if (program.Schedule is null || program.Diagnostics.Any(d => d.IsError))
                {
                    notes.Add("skipped '" + file + "': it has errors (tpm check '" + file + "' lists them)");
                    continue;
                }

                result.AddRange(CalibrationHistory.FinishedTasks(program.Schedule, file));
            }

            if (files.Count == 0) notes.Add("no other program under '" + folder + "'");
            return new Outcome(result, notes);
        }

        private Outcome ReadRevisions(string range, string planFile, CommonSettings settings, ScheduleOptions options)
        {
            if (GitRevisions.CheckRevision(range) is string bad) throw new UsageException("--history '" + range + "' is neither a folder nor a revision range: " + bad);
            GitRevisions git;
            try
            {
                git = GitRevisions.Open(_fileSystem, planFile, _loader.Cancellation);
            }
            catch (UsageException)
            {
                // Open's own message suggests naming two files, which is tpm diff's way out, not this command's.
                throw new UsageException("--history '" + range + "' is not a folder, and '" + planFile + "' is in no git repository to read revisions from (or git is not installed)");
            }

            // One revision stands for itself and its history; a typo for a folder name is said to be neither.
            if (!range.Contains(".."))
            {
                try
                {
                    git.ResolveCommit(range);
                }
                catch (UsageException)
                {
                    throw new UsageException("--history '" + range + "' is neither a folder nor a revision of the repository '" + git.Root + "'");
                }
            }

            var path = git.RepositoryPath(planFile) ?? throw new UsageException("'" + planFile + "' is outside the repository '" + git.Root + "'");
            var commits = git.Commits(range, MaxRevisions + 1);
            var notes = new List<string>();
            if (commits.Count > MaxRevisions)
            {
                notes.Add("'" + range + "' holds more than " + MaxRevisions + " commits: the newest " + MaxRevisions + " are read");
                commits = commits.Take(MaxRevisions).ToList();
            }

            var result = new CalibrationHistory();
            int missing = 0;

            // Oldest first: a task's record at a later commit replaces its record at an earlier one.
            foreach (var commit in commits.Reverse())
            {
                var label = path + "@" + GitRevisions.Short(commit);
                if (!git.TryRead(commit, planFile, out var text, out var error))
                {
                    // Commits from before the plan was added (or after it moved) simply do not have it.
                    if (error.Kind == SourceFailure.Unreadable && error.Message == GitRevisions.NotFoundMessage) missing++;
                    else notes.Add("skipped " + label + ": " + error.Message);
                    continue;
                }

                // Compiled as tpm diff compiles a revision: today's severities, the loader's token budget for the run.
                var program = _loader.CompileText(planFile, text, git.At(commit), settings.ConfigPath, warningsAsErrors: false, options, settings.Workspace);
                if (program.Schedule is null || program.Diagnostics.Any(d => d.IsError))
                {
                    notes.Add("skipped " + label + ": the plan has errors at that commit");
                    continue;
                }

                result.AddRange(CalibrationHistory.FinishedTasks(program.Schedule, label));
            }

            if (missing > 0) notes.Add(missing + " of " + commits.Count + " commits of '" + range + "' do not have '" + path + "'");
            if (commits.Count == 0) notes.Add("'" + range + "' holds no commits");
            return new Outcome(result, notes);
        }

    }
}
