using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Comparison
{
    /// <summary>Compares two compiled plans (<see cref="PlanDiff"/>): pure, deterministic, near-linear in the plans' size.</summary>
    public static class PlanDiffer
    {
        /// <summary>The code of an over-allocation, reported as a resource conflict rather than among the diagnostics.</summary>
        private const string OverAllocation = "TPM2101";

        /// <summary>
        /// What changed from <paramref name="old"/> to <paramref name="new"/>, matched by qualified id; dates compared in
        /// working days of the new program's calendar. Compile both sides with the same options. Tasks are compared only
        /// when both sides were scheduled; diagnostics always.
        /// </summary>
        public static PlanDiff Compare(TpmProgram old, TpmProgram @new, PlanDiffOptions? options = null)
        {
            if (old is null) throw new ArgumentNullException(nameof(old));
            if (@new is null) throw new ArgumentNullException(nameof(@new));
            options ??= new PlanDiffOptions();
            var cancel = options.CancellationToken;
            var diff = new PlanDiff
            {
                OldLabel = options.OldLabel ?? "old",
                NewLabel = options.NewLabel ?? "new",
                OldProgramId = old.Model?.Id,
                NewProgramId = @new.Model?.Id,
                OldProgramName = old.Model is ProgramSymbol op ? op.Title ?? op.Name : null,
                NewProgramName = @new.Model is ProgramSymbol np ? np.Title ?? np.Name : null,
                OldScheduled = old.Schedule != null,
                NewScheduled = @new.Schedule != null,
                Currency = @new.Model?.Currency ?? old.Model?.Currency,
            };

            var days = @new.Schedule is Schedule ns ? new WorkingDays(ns) : null;
            CompareProgram(diff, old, @new, days);
            cancel.ThrowIfCancellationRequested();
            if (old.Schedule is Schedule oldSchedule && @new.Schedule is Schedule newSchedule && days != null)
            {
                var oldSnapshot = BaselineSnapshot.Capture(oldSchedule, diff.OldLabel);
                var newSnapshot = BaselineSnapshot.Capture(newSchedule, diff.NewLabel);
                cancel.ThrowIfCancellationRequested();
                CompareItems(diff, oldSnapshot, newSnapshot, days);
                CompareCriticalPaths(diff, oldSnapshot.CriticalPath, newSnapshot.CriticalPath);
                CompareDelays(diff, oldSchedule, newSchedule);
            }

            cancel.ThrowIfCancellationRequested();
            CompareDiagnostics(diff, old, @new);
            diff.Forecast = CompareForecasts(old.Schedule, @new.Schedule, options, days);
            diff.IsEmpty = IsEmpty(diff);
            return diff;
        }

        private static void CompareProgram(PlanDiff diff, TpmProgram old, TpmProgram @new, WorkingDays? days)
        {
            var o = old.Model;
            var n = @new.Model;
            diff.Start = Dates(StartOf(o), StartOf(n), days);
            diff.Deadline = Dates(o?.Deadline, n?.Deadline, days);
            diff.Budget = new AmountChange(o?.Budget, n?.Budget);
            var os = old.Schedule;
            var ns = @new.Schedule;
            diff.Finish = Dates(os?.FinishDate, ns?.FinishDate, days);
            diff.Duration = new DaysChange(os?.DurationDays, ns?.DurationDays);
            diff.Cost = new AmountChange(os?.Cost, ns?.Cost);
            diff.DeadlineMargin = new DaysChange(Margin(os), Margin(ns));
        }

        /// <summary>The program's start, or null when it gives no valid one (a bind error; the symbol then holds a default date).</summary>
        private static CalendarDate? StartOf(ProgramSymbol? program) => program != null && program.HasStart ? program.Start : (CalendarDate?)null;

        /// <summary>Working days from the finish to the deadline in the schedule's own calendar; null without either.</summary>
        private static int? Margin(Schedule? schedule) =>
            schedule?.Program.Deadline is CalendarDate deadline ? schedule.WorkingDaysBetween(schedule.FinishDate, deadline) : (int?)null;

        private static DateChange Dates(CalendarDate? old, CalendarDate? @new, WorkingDays? days) =>
            new DateChange(old, @new, old is CalendarDate o && @new is CalendarDate n && days != null ? days.Between(o, n) : (int?)null);

        private static void CompareItems(PlanDiff diff, BaselineSnapshot old, BaselineSnapshot @new, WorkingDays days)
        {
            var added = new List<SnapshotItem>();
            var renamed = new List<ItemRename>();
            var reestimated = new List<ItemReestimate>();
            var reassigned = new List<ItemReassignment>();
            var milestones = new List<ItemMove>();
            var tasks = new List<ItemMove>();
            foreach (var n in @new.Items)
            {
                var o = old.Find(n.Id);
                if (o is null)
                {
                    added.Add(n);
                    continue;
                }

                if (!string.Equals(o.Name, n.Name, StringComparison.Ordinal)) renamed.Add(new ItemRename(n.Id, o.Name, n.Name, n.IsMilestone));
                if (o.Effort != n.Effort || o.Duration != n.Duration || !SameEstimate(o.Estimate, n.Estimate)) reestimated.Add(new ItemReestimate(o, n));
                if (!SameAssignees(o.Assigned, n.Assigned)) reassigned.Add(new ItemReassignment(o, n));
                if (o.Start != n.Start || o.Finish != n.Finish)
                {
                    var move = new ItemMove(o, n, days.Between(o.Start, n.Start), days.Between(o.Finish, n.Finish));
                    // A milestone on both sides is a milestone move; one that became a task (or the reverse) counts as a
                    // task, the same whichever side is old.
                    (n.IsMilestone && o.IsMilestone ? milestones : tasks).Add(move);
                }
            }

            var removed = new List<SnapshotItem>();
            foreach (var o in old.Items) if (@new.Find(o.Id) is null) removed.Add(o);

            diff.Added = added;
            diff.Removed = removed;
            renamed.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            reestimated.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            reassigned.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
            diff.Renamed = renamed;
            diff.Reestimated = reestimated;
            diff.Reassigned = reassigned;
            milestones.Sort(ByDistance);
            tasks.Sort(ByDistance);
            diff.MilestonesMoved = milestones;
            diff.TasksMoved = tasks;
        }

        /// <summary>The farthest move first, then by id: the same order whichever side is old.</summary>
        private static int ByDistance(ItemMove a, ItemMove b)
        {
            int c = b.Distance.CompareTo(a.Distance);
            return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        }

        /// <summary>The same three numbers, compared as values (4d and 4.0d are one estimate).</summary>
        internal static bool SameEstimate(ThreePointEstimate? a, ThreePointEstimate? b) =>
            a is ThreePointEstimate x ? b is ThreePointEstimate y && x.Optimistic == y.Optimistic && x.MostLikely == y.MostLikely && x.Pessimistic == y.Pessimistic : b is null;

        /// <summary>The same people with the same shares, whatever the order the scheduler listed them in.</summary>
        private static bool SameAssignees(IReadOnlyList<SnapshotAssignment> a, IReadOnlyList<SnapshotAssignment> b)
        {
            if (a.Count != b.Count) return false;
            if (a.Count == 0) return true;
            if (a.Count == 1) return a[0].Equals(b[0]);
            var x = a.OrderBy(s => s.Person, StringComparer.Ordinal).ThenBy(s => s.Share).ToList();
            var y = b.OrderBy(s => s.Person, StringComparer.Ordinal).ThenBy(s => s.Share).ToList();
            for (int i = 0; i < x.Count; i++) if (!x[i].Equals(y[i])) return false;
            return true;
        }

        private static void CompareCriticalPaths(PlanDiff diff, IReadOnlyList<string> old, IReadOnlyList<string> @new)
        {
            diff.OldCriticalPath = old;
            diff.NewCriticalPath = @new;
            diff.CriticalPathChanged = !old.SequenceEqual(@new, StringComparer.Ordinal);
            var oldSet = new HashSet<string>(old, StringComparer.Ordinal);
            var newSet = new HashSet<string>(@new, StringComparer.Ordinal);
            diff.JoinedCriticalPath = @new.Where(id => !oldSet.Contains(id)).ToList();
            diff.LeftCriticalPath = old.Where(id => !newSet.Contains(id)).ToList();
        }

        private static void CompareDelays(PlanDiff diff, Schedule old, Schedule @new)
        {
            var oldById = new Dictionary<string, ScheduledTask>(old.Tasks.Count, StringComparer.Ordinal);
            foreach (var t in old.Tasks) oldById[t.Id] = t;
            var newIds = new HashSet<string>(StringComparer.Ordinal);
            var changes = new List<DelayChange>();
            foreach (var n in @new.Tasks)
            {
                newIds.Add(n.Id);
                oldById.TryGetValue(n.Id, out var o);
                int oldDays = o?.ResourceDelayDays ?? 0;
                string? oldBy = o?.DelayedBy?.Id;
                string? newBy = n.DelayedBy?.Id;
                if (oldDays != n.ResourceDelayDays || !string.Equals(oldBy, newBy, StringComparison.Ordinal))
                {
                    changes.Add(new DelayChange(n.Id, n.Task.Title ?? n.Task.Name, oldDays, n.ResourceDelayDays, oldBy, newBy));
                }
            }

            foreach (var o in old.Tasks)
            {
                if (newIds.Contains(o.Id) || (o.ResourceDelayDays == 0 && o.DelayedBy is null)) continue;
                changes.Add(new DelayChange(o.Id, o.Task.Title ?? o.Task.Name, o.ResourceDelayDays, 0, o.DelayedBy?.Id, null));
            }

            changes.Sort((a, b) =>
            {
                int c = Math.Abs(b.Change).CompareTo(Math.Abs(a.Change));
                return c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
            });
            diff.ResourceDelays = changes;
        }

        private static void CompareDiagnostics(PlanDiff diff, TpmProgram old, TpmProgram @new)
        {
            var oldKeys = Keys(old);
            var newKeys = Keys(@new);
            var introduced = Unmatched(@new.Diagnostics, newKeys, oldKeys);
            var resolved = Unmatched(old.Diagnostics, oldKeys, newKeys);
            diff.ConflictsIntroduced = introduced.Where(d => d.Code == OverAllocation).ToList();
            diff.ConflictsResolved = resolved.Where(d => d.Code == OverAllocation).ToList();
            diff.DiagnosticsIntroduced = introduced.Where(d => d.Code != OverAllocation).ToList();
            diff.DiagnosticsResolved = resolved.Where(d => d.Code != OverAllocation).ToList();
            diff.NewErrors = introduced.Count(d => d.IsError);
        }

        /// <summary>Each diagnostic's matching key: code, file relative to the program file's folder, message.</summary>
        private static string[] Keys(TpmProgram program)
        {
            string? root = program.SyntaxTrees.Count > 0 ? program.SyntaxTrees[0].Source.Path : null;
            string? folder = root is null ? null : Folder(root);
            var keys = new string[program.Diagnostics.Count];
            for (int i = 0; i < keys.Length; i++)
            {
                var d = program.Diagnostics[i];
                string file;
                if (d.Location is SourceLocation at)
                {
                    var path = at.Path;
                    // The program file matches the program file, whatever each side calls it (tpm diff old.tpm new.tpm).
                    if (string.Equals(path, root, StringComparison.Ordinal)) file = "\u0001";
                    else if (folder is string f && f.Length > 0 && path.Length > f.Length && path.StartsWith(f, StringComparison.Ordinal)) file = "/" + path.Substring(f.Length).Replace('\\', '/');
                    else file = "/" + path.Replace('\\', '/');
                }
                else
                {
                    file = "\u0000";
                }

                keys[i] = d.Code + "\u0002" + file + "\u0002" + d.Message;
            }

            return keys;
        }

        /// <summary>The folder part of a path, with its trailing separator ("" for a bare file name).</summary>
        private static string Folder(string path)
        {
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash < 0 ? string.Empty : path.Substring(0, slash + 1);
        }

        /// <summary>The diagnostics of one side without a match on the other, matched one for one, in their side's order.</summary>
        private static List<DiagnosticChange> Unmatched(IReadOnlyList<Diagnostic> diagnostics, string[] keys, string[] otherKeys)
        {
            var available = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var k in otherKeys) available[k] = available.TryGetValue(k, out var c) ? c + 1 : 1;
            var result = new List<DiagnosticChange>();
            for (int i = 0; i < diagnostics.Count; i++)
            {
                if (available.TryGetValue(keys[i], out var left) && left > 0)
                {
                    available[keys[i]] = left - 1;
                    continue;
                }

                var d = diagnostics[i];
                var at = d.Location;
                result.Add(new DiagnosticChange(d.Code, d.Severity, d.Message, at?.Path, at?.Start.Line, at?.Start.Column));
            }

            return result;
        }

        private static ForecastChange? CompareForecasts(Schedule? old, Schedule? @new, PlanDiffOptions options, WorkingDays? days)
        {
            var oldForecast = options.OldForecast ?? Forecast(old, options);
            var newForecast = options.NewForecast ?? Forecast(@new, options);
            if (oldForecast is null && newForecast is null) return null;
            int iterations = oldForecast is null ? newForecast!.Iterations : newForecast is null ? oldForecast.Iterations : Math.Min(oldForecast.Iterations, newForecast.Iterations);
            int seed = newForecast?.Seed ?? oldForecast!.Seed;
            return new ForecastChange(
                iterations, seed,
                Dates(oldForecast?.Finish.P50, newForecast?.Finish.P50, days),
                Dates(oldForecast?.Finish.P80, newForecast?.Finish.P80, days));
        }

        private static ForecastResult? Forecast(Schedule? schedule, PlanDiffOptions options)
        {
            if (schedule is null || !(options.ForecastIterations is int iterations)) return null;
            try
            {
                return MonteCarloForecast.Run(schedule, new ForecastOptions
                {
                    Iterations = Math.Max(MonteCarloForecast.MinimumIterations, Math.Min(iterations, MonteCarloForecast.MaxIterations)),
                    Seed = options.ForecastSeed,
                    MaxDegreeOfParallelism = options.ForecastThreads,
                    CancellationToken = options.CancellationToken,
                });
            }
            catch (ForecastRangeException)
            {
                // A side whose forecast runs past the calendar has no P50/P80; its compile already says why.
                return null;
            }
        }

        private static bool IsEmpty(PlanDiff d) =>
            d.OldProgramId == d.NewProgramId && d.OldProgramName == d.NewProgramName && d.OldScheduled == d.NewScheduled &&
            !d.Start.IsChanged && !d.Finish.IsChanged && !d.Duration.IsChanged && !d.Deadline.IsChanged && !d.DeadlineMargin.IsChanged &&
            !d.Cost.IsChanged && !d.Budget.IsChanged && !d.CriticalPathChanged &&
            d.MilestonesMoved.Count == 0 && d.TasksMoved.Count == 0 && d.Added.Count == 0 && d.Removed.Count == 0 &&
            d.Renamed.Count == 0 && d.Reestimated.Count == 0 && d.Reassigned.Count == 0 && d.ResourceDelays.Count == 0 &&
            d.ConflictsIntroduced.Count == 0 && d.ConflictsResolved.Count == 0 &&
            d.DiagnosticsIntroduced.Count == 0 && d.DiagnosticsResolved.Count == 0 &&
            (d.Forecast is null || (!d.Forecast.P50.IsChanged && !d.Forecast.P80.IsChanged));

        /// <summary>
        /// Working days between dates in the new program's calendar, with the positions of dates before its start cached:
        /// an old plan may start earlier, and each such position builds a calendar.
        /// </summary>
        private sealed class WorkingDays
        {
            private readonly Schedule _schedule;
            private readonly Dictionary<int, int> _early = new Dictionary<int, int>();

            public WorkingDays(Schedule schedule) => _schedule = schedule;

            public int Between(CalendarDate from, CalendarDate to)
            {
                if (from == to) return 0;
                if (from >= _schedule.StartDate && to >= _schedule.StartDate) return _schedule.WorkingDaysBetween(from, to);
                return Offset(to) - Offset(from);
            }

            private int Offset(CalendarDate date)
            {
                if (date >= _schedule.StartDate) return _schedule.WorkingDaysBetween(_schedule.StartDate, date);
                if (!_early.TryGetValue(date.DayNumber, out var offset))
                {
                    offset = _schedule.WorkingDaysBetween(_schedule.StartDate, date);
                    _early[date.DayNumber] = offset;
                }

                return offset;
            }
        }
    }
}
