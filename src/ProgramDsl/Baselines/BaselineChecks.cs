using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;

namespace ProgramDsl.Baselines
{
    /// <summary>
    /// Reads the baseline a program names and judges its schedule against it: TPM1104 (the file cannot be read or is
    /// not a baseline), TPM1105 (a baseline of another program), TPM2203 (a milestone past its baseline date by more
    /// than <c>baseline-tolerance</c>) and TPM2204 (tasks and milestones added or removed since). Run by
    /// <see cref="TpmProgram.Compile"/> once the program is scheduled; nothing is read without an
    /// <see cref="IBaselineResolver"/> or on the netstandard2.0 build.
    /// </summary>
    internal static class BaselineChecks
    {
        /// <summary>How many removed items a TPM2204 points at in the baseline file.</summary>
        private const int MaxRemovedLocations = 100;

        public static BaselineComparison? Run(Schedule schedule, ISourceResolver resolver, List<Diagnostic> diagnostics)
        {
            var program = schedule.Program;
            if (program.BaselinePath is null || !(program.BaselineLocation is SourceLocation at)) return null;
#if NET
            if (!(resolver is IBaselineResolver baselines)) return null;
            var path = resolver.ResolvePath(at.Path, program.BaselinePath);
            if (!baselines.TryReadBaseline(path, out var text, out var error))
            {
                diagnostics.Add(DiagnosticCatalog.CannotReadBaseline(at, program.BaselinePath, error, path));
                return null;
            }

            var read = BaselineJson.Read(text, path);
            if (read.Snapshot is null)
            {
                diagnostics.AddRange(read.Diagnostics);
                return null;
            }

            var snapshot = read.Snapshot;
            if (snapshot.ProgramId != program.Id)
            {
                diagnostics.Add(DiagnosticCatalog.BaselineOfOtherProgram(at, program.BaselinePath, snapshot.ProgramId, program.Id));
                return null;
            }

            var comparison = BaselineComparison.Compare(schedule, snapshot, path);
            foreach (var slip in comparison.Slips)
            {
                var task = slip.Current.Task;
                if (task.IsMilestone && slip.FinishSlipDays > program.BaselineToleranceDays)
                {
                    diagnostics.Add(DiagnosticCatalog.MilestoneSlippedBy(
                        task.Location, task.Id, slip.Current.FinishDate, slip.FinishSlipDays, slip.Planned.Finish, snapshot.Name, program.BaselineToleranceDays));
                }
            }

            if (comparison.Added.Count > 0 || comparison.Removed.Count > 0)
            {
                var removedAt = new List<SourceLocation>();
                foreach (var item in comparison.Removed.Take(MaxRemovedLocations))
                {
                    if (read.LocationOf(item.Id) is SourceLocation where) removedAt.Add(where);
                }

                diagnostics.Add(DiagnosticCatalog.BaselineChangedBy(
                    at, snapshot.Name,
                    comparison.Added.Take(DiagnosticCatalog.MaxIdsInBaselineMessage).Select(t => t.Id).ToList(), comparison.Added.Count,
                    comparison.Removed.Take(DiagnosticCatalog.MaxIdsInBaselineMessage).Select(i => i.Id).ToList(), comparison.Removed.Count,
                    removedAt));
            }

            return comparison;
#else
            return null;
#endif
        }
    }
}
