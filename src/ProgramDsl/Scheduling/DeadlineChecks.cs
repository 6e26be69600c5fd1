using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>Judges a schedule against <c>due</c> dates (TPM2201) and the program deadline (TPM2202).</summary>
    public static class DeadlineChecks
    {
        /// <summary>Longest critical path spelled out in full in a TPM2202 message.</summary>
        public const int MaxPathInMessage = 12;

        /// <summary>Runs the checks.</summary>
        public static IReadOnlyList<Diagnostic> Run(Schedule schedule)
        {
            var result = new List<Diagnostic>();
            int LateBy(CalendarDate finish, CalendarDate due) => schedule.WorkingDaysBetween(due, finish);

            foreach (var t in schedule.Tasks)
            {
                if (t.Task.Due is CalendarDate due && t.FinishDate > due)
                {
                    result.Add(DiagnosticCatalog.DueDateMissedBy(t.Task.DueLocation ?? t.Task.Location,
                        t.Task.IsMilestone ? "milestone" : "task", t.Id, t.FinishDate, LateBy(t.FinishDate, due), due));
                }
            }

            foreach (var w in schedule.Workstreams)
            {
                if (w.Workstream.Due is CalendarDate due && w.FinishDate is CalendarDate finish && finish > due)
                {
                    result.Add(DiagnosticCatalog.DueDateMissedBy(w.Workstream.DueLocation ?? w.Workstream.Location,
                        "workstream", w.Id, finish, LateBy(finish, due), due));
                }
            }

            var program = schedule.Program;
            if (program.Deadline is CalendarDate deadline && schedule.FinishDate > deadline)
            {
                result.Add(DiagnosticCatalog.DeadlineMissedBy(program.DeadlineLocation ?? program.Location,
                    program.Id, schedule.FinishDate, LateBy(schedule.FinishDate, deadline), deadline, DescribePath(schedule.CriticalPath)));
            }

            return result;
        }

        /// <summary>"a → b → c", shortened in the middle when long.</summary>
        public static string DescribePath(IReadOnlyList<ScheduledTask> path)
        {
            if (path.Count == 0) return "(none)";
            var ids = path.Select(t => t.Id).ToList();
            if (ids.Count <= MaxPathInMessage) return string.Join(" → ", ids);
            int half = MaxPathInMessage / 2;
            return string.Join(" → ", ids.Take(half)) + " → … (" + (ids.Count - 2 * half) + " more) … → " + string.Join(" → ", ids.Skip(ids.Count - half));
        }
    }
}
