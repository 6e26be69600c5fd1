using System;
using System.Collections.Generic;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Linq;
using ProgramDsl.Cli.Infrastructure;
using ProgramDsl.Comparison;
using ProgramDsl.Forecasting;
using ProgramDsl.Reports.Diff;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Commands
{
    /// <summary>
    /// <c>tpm diff</c>: what changed in a plan between two revisions (<c>tpm diff main feature -- program.tpm</c>), between
    /// a revision and the working tree (<c>tpm diff HEAD~3 -- program.tpm</c>; no revision: HEAD), or between two files
    /// (<c>tpm diff old.tpm new.tpm</c>). A revision's plan is read with its includes at that revision
    /// (<see cref="GitRevisions"/>); both sides are compiled and scheduled with the same options.
    /// </summary>
    /// <remarks>
    /// Exit codes: 0 the diff was printed and no <c>--fail-on</c> condition holds; 1 one holds
    /// (<c>--fail-on-finish-slip N</c>: the finish moved more than N working days later, or the new plan can no longer be
    /// scheduled; <c>--fail-on-new-errors</c>: the new plan has errors the old one had not); 2 a usage problem (an unknown
    /// revision, a plan missing at a revision, no repository, no git); 130 cancelled.
    /// </remarks>
    public sealed class DiffCommand
    {
        private readonly PlanLoader _loader;
        private readonly IConsoleEnvironment _console;
        private readonly IFileSystem _fileSystem;

        public DiffCommand(PlanLoader loader, IConsoleEnvironment console, IFileSystem fileSystem)
        {
            _loader = loader;
            _console = console;
            _fileSystem = fileSystem;
        }

        /// <summary>The label of the working tree's side.</summary>
        public const string WorkingTreeLabel = "working tree";

        /// <summary>The most working days <c>--fail-on-finish-slip</c> accepts.</summary>
        public const int MaxFinishSlip = 100_000;

        /// <summary>What the command was asked to do.</summary>
        /// <param name="Revisions">The revisions given before <c>--</c> (0 to 2), or null when there was no <c>--</c>: every operand is then a file.</param>
        /// <param name="Files">The plan file (after <c>--</c>, or alone), or the two files to compare.</param>
        /// <param name="Format">text, markdown or json.</param>
        /// <param name="FailOnFinishSlip">Working days the finish may move later before the exit code is 1; null: no such check.</param>
        /// <param name="FailOnNewErrors">Exit with 1 when the new plan has errors the old one had not.</param>
        /// <param name="Iterations">Monte Carlo iterations for P50/P80 on each side; null: no forecast.</param>
        public sealed record Request(IReadOnlyList<string>? Revisions, IReadOnlyList<string> Files, string Format, int? FailOnFinishSlip, bool FailOnNewErrors, int? Iterations);

        public Command Build(CommonOptions common)
        {
            var operands = new Argument<string[]>("revisions-and-files")
            {
                Description = "[OLD [NEW]] -- FILE: the plan at two revisions (one: against the working tree; none: HEAD against the working tree); or OLD.tpm NEW.tpm: two files",
                Arity = ArgumentArity.ZeroOrMore,
            };
            var format = new Option<string>("--format", "-f") { Description = "Output format: text, markdown (a pull-request comment) or json", DefaultValueFactory = _ => "text" };
            format.AcceptOnlyFromAmong("text", "markdown", "json");
            var failOnSlip = IntegerOption.CreateOptional("--fail-on-finish-slip", new string[0],
                "Exit with 1 when the program finish moves more than this many working days later (or the new plan can no longer be scheduled)", 0, MaxFinishSlip);
            var failOnErrors = new Option<bool>("--fail-on-new-errors") { Description = "Exit with 1 when the new plan has errors the old one had not; a .globalconfig cannot lower an error then" };
            var iterations = IntegerOption.CreateOptional("--iterations", new[] { "-n" },
                "Also forecast each side with this many Monte Carlo iterations (same --seed both sides) and compare P50/P80 of the finish (1 to " +
                MonteCarloForecast.MaxIterations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + ")",
                1, MonteCarloForecast.MaxIterations);

            var command = new Command("diff", "Compare a plan at two revisions, or two plan files: finish, cost, milestones, tasks, critical path, conflicts, diagnostics");
            command.Arguments.Add(operands);
            command.Options.Add(format);
            command.Options.Add(failOnSlip);
            command.Options.Add(failOnErrors);
            command.Options.Add(iterations);
            var leveling = new LevelingOptions();
            leveling.AddTo(command);
            common.AddTo(command);
            command.SetAction(result =>
            {
                var (revisions, files) = Split(result, operands);
                var request = new Request(revisions, files, result.GetValue(format)!, result.GetValue(failOnSlip), result.GetValue(failOnErrors), result.GetValue(iterations));
                return Run(request, leveling.Read(result), common.Read(result));
            });
            return command;
        }

        /// <summary>
        /// The operands before <c>--</c> are revisions and the one after it is the plan (git's convention); without
        /// <c>--</c>, every operand is a file. Returns the revisions, or null when there was no <c>--</c>, and the files.
        /// </summary>
        private static (IReadOnlyList<string>? Revisions, IReadOnlyList<string> Files) Split(ParseResult result, Argument<string[]> operands)
        {
            var values = result.GetValue(operands) ?? new string[0];
            // Every token after '--' is an operand (options included), and they are the last operands.
            int dash = -1;
            for (int i = 0; i < result.Tokens.Count; i++)
            {
                if (result.Tokens[i].Type == TokenType.DoubleDash)
                {
                    dash = values.Length - (result.Tokens.Count - i - 1);
                    break;
                }
            }

            if (dash < 0) return (null, values);
            return (values.Take(dash).ToList(), values.Skip(dash).ToList());
        }

        public int Run(Request request, ScheduleOptions scheduling, CommonSettings settings)
        {
            // In CI the .globalconfig is the pull request's own: with the error gate on, it may not lower an error, or a
            // change could pass the gate by silencing what it broke.
            _loader.KeepErrors = request.FailOnNewErrors;
            var revisions = request.Revisions;
            var files = request.Files;
            // The operands take any token, so an unknown option lands here rather than in the parser; after '--' a
            // name starting with '-' is a file, as git reads it.
            foreach (var operand in revisions ?? files)
            {
                if (operand.StartsWith("-", StringComparison.Ordinal)) throw new UsageException("unrecognized option '" + operand + "'");
            }

            TpmProgram old, @new;
            string oldLabel, newLabel;
            const string Usage = "tpm diff [OLD [NEW]] -- FILE, or tpm diff OLD.tpm NEW.tpm";
            if (revisions is null)
            {
                // No '--': one file (HEAD against the working tree) or two files.
                if (files.Count == 0) throw new UsageException("name the plan to compare: " + Usage);
                if (files.Count > 2) throw new UsageException("too many operands; put the plan after '--' when naming revisions: " + Usage);
                foreach (var f in files)
                {
                    if (_fileSystem.DirectoryExists(f)) throw new UsageException("'" + f + "' is a folder; name a plan file: " + Usage);
                    if (!_fileSystem.FileExists(f)) throw new UsageException("no such file: '" + f + "'; to name revisions, put the plan after '--': " + Usage);
                }

                if (files.Count == 2)
                {
                    oldLabel = files[0];
                    newLabel = files[1];
                    old = Compile(files[0], scheduling, settings);
                    @new = Compile(files[1], scheduling, settings);
                    return Report(old, @new, oldLabel, newLabel, request, scheduling, settings);
                }

                revisions = Array.Empty<string>();
            }

            if (files.Count != 1) throw new UsageException("name one plan file after '--': " + Usage);
            if (revisions.Count > 2) throw new UsageException("at most two revisions: " + Usage);
            var file = files[0];
            if (file.Length == 0 || file.IndexOf('\0') >= 0) throw new UsageException("the plan after '--' must be a path");
            foreach (var revision in revisions)
            {
                if (GitRevisions.CheckRevision(revision) is string bad) throw new UsageException(bad + ": '" + revision + "'");
            }

            var git = GitRevisions.Open(_fileSystem, file, _loader.Cancellation);
            var oldRevision = revisions.Count == 0 ? "HEAD" : revisions[0];
            oldLabel = oldRevision;
            old = CompileAt(git, oldRevision, file, scheduling, settings);
            if (revisions.Count == 2)
            {
                newLabel = revisions[1];
                @new = CompileAt(git, revisions[1], file, scheduling, settings);
            }
            else
            {
                newLabel = WorkingTreeLabel;
                @new = Compile(file, scheduling, settings);
            }

            return Report(old, @new, oldLabel, newLabel, request, scheduling, settings);
        }

        private TpmProgram Compile(string file, ScheduleOptions scheduling, CommonSettings settings)
        {
            _loader.RequireProgram(file, settings.Workspace, "diff");
            return _loader.Compile(file, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
        }

        // The plan as it is at a revision, its includes at the same revision; the severities are the working tree's, so
        // both sides are judged by the same rules.
        private TpmProgram CompileAt(GitRevisions git, string revision, string file, ScheduleOptions scheduling, CommonSettings settings)
        {
            var commit = git.ResolveCommit(revision);
            var resolver = git.At(commit);
            var display = SourcePaths.Normalize(file);
            if (!resolver.TryReadText(display, out var text, out var error)) throw new UsageException("cannot read '" + file + "' at " + revision + ": " + error.Message);
            return _loader.CompileText(display, text, resolver, settings.ConfigPath, settings.WarningsAsErrors, scheduling, settings.Workspace);
        }

        private int Report(TpmProgram old, TpmProgram @new, string oldLabel, string newLabel, Request request, ScheduleOptions scheduling, CommonSettings settings)
        {
            var diff = PlanDiffer.Compare(old, @new, new PlanDiffOptions
            {
                OldLabel = oldLabel,
                NewLabel = newLabel,
                ForecastIterations = request.Iterations,
                ForecastSeed = scheduling.Seed,
                CancellationToken = _loader.Cancellation,
            });

            _console.Out.Write(request.Format switch
            {
                "json" => DiffJson.Write(diff),
                "markdown" => DiffMarkdown.Write(diff),
                _ => DiffText.Write(diff),
            });

            var failures = new List<string>();
            if (request.FailOnFinishSlip is int allowed)
            {
                if (diff.OldScheduled && !diff.NewScheduled) failures.Add("the new plan cannot be scheduled (--fail-on-finish-slip " + allowed + ")");
                else if (diff.FinishSlipDays > allowed) failures.Add("the finish moved " + Days(diff.FinishSlipDays) + " later, more than --fail-on-finish-slip " + allowed);
            }

            if (request.FailOnNewErrors && diff.NewErrors > 0) failures.Add("the new plan has " + diff.NewErrors + " new error" + (diff.NewErrors == 1 ? "" : "s") + " (--fail-on-new-errors)");
            if (!settings.Quiet)
            {
                foreach (var failure in failures) _console.Error.WriteLine("tpm: diff: " + ProgramDsl.Diagnostics.Diagnostic.Printable(failure));
            }

            return failures.Count > 0 ? ExitCodes.Errors : ExitCodes.Success;
        }

        private static string Days(int days) => days == 1 ? "1 working day" : days.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " working days";
    }
}
