using System;
using System.Collections.Generic;
using System.Linq;

namespace ProgramDsl.Benchmarks.TaskJuggler
{
    /// <summary>
    /// Checks one tool's dates against the plan both tools were given, so a wrong encoding or a wrong reading of the
    /// output shows up as a failed check instead of a plausible-looking figure.
    /// </summary>
    internal sealed class ScheduleCheck
    {
        private readonly List<string> problems = new List<string>();

        private ScheduleCheck()
        {
        }

        /// <summary>What is wrong (empty when the schedule is consistent with the plan).</summary>
        public IReadOnlyList<string> Problems => problems;

        /// <summary>Tasks whose first-to-last day span is longer than their effort: TaskJuggler interrupted them.</summary>
        public int SplitTasks { get; private set; }

        /// <summary>The last finish over all tasks.</summary>
        public DateTime? Finish { get; private set; }

        /// <summary>
        /// Every task present, dependencies finish-to-start (a successor starts on a later working day than its
        /// predecessor's last day), spans at least the effort (exactly, when <paramref name="contiguous"/>), and, when
        /// <paramref name="resourceFeasible"/>, no person on two tasks on one day (checked among uninterrupted tasks only,
        /// since an interrupted task's span overlaps others legitimately).
        /// </summary>
        public static ScheduleCheck Run(ComparisonPlan plan, IReadOnlyDictionary<string, TaskDates> dates, bool contiguous, bool resourceFeasible)
        {
            var check = new ScheduleCheck();
            var missing = plan.Tasks.Where(t => !dates.ContainsKey(t.Id)).Select(t => t.Id).ToList();
            if (missing.Count > 0)
            {
                check.Add(missing.Count + " tasks missing (" + string.Join(", ", missing.Take(5)) + ")");
                return check;
            }

            int shortSpans = 0, longSpans = 0, brokenDependencies = 0, overlaps = 0;
            string? example = null;
            foreach (var t in plan.Tasks)
            {
                var d = dates[t.Id];
                if (d.SpanDays < t.EffortDays)
                {
                    shortSpans++;
                    example ??= t.Id + " spans " + d.SpanDays + " working days for " + t.EffortDays + "d of effort";
                }
                else if (d.SpanDays > t.EffortDays)
                {
                    longSpans++;
                }

                foreach (var p in t.Predecessors)
                {
                    if (d.Start <= dates[ComparisonPlan.TaskId(p)].Finish)
                    {
                        brokenDependencies++;
                        example ??= t.Id + " starts " + ComparisonPlan.Date(d.Start) + ", before its predecessor " + ComparisonPlan.TaskId(p) + " finishes " + ComparisonPlan.Date(dates[ComparisonPlan.TaskId(p)].Finish);
                    }
                }
            }

            if (resourceFeasible)
            {
                foreach (var person in plan.Tasks.Where(t => dates[t.Id].SpanDays == t.EffortDays).GroupBy(t => t.Person))
                {
                    DateTime? busyUntil = null;
                    string? previous = null;
                    foreach (var t in person.OrderBy(t => dates[t.Id].Start))
                    {
                        var d = dates[t.Id];
                        if (busyUntil is DateTime b && d.Start <= b)
                        {
                            overlaps++;
                            example ??= ComparisonPlan.PersonId(t.Person) + " works on " + previous + " and " + t.Id + " on " + ComparisonPlan.Date(d.Start);
                        }

                        if (busyUntil is null || d.Finish > busyUntil)
                        {
                            busyUntil = d.Finish;
                            previous = t.Id;
                        }
                    }
                }
            }

            check.SplitTasks = longSpans;
            check.Finish = plan.Tasks.Max(t => dates[t.Id].Finish);
            if (shortSpans > 0) check.Add(shortSpans + " tasks shorter than their effort");
            if (contiguous && longSpans > 0) check.Add(longSpans + " tasks longer than their effort");
            if (brokenDependencies > 0) check.Add(brokenDependencies + " finish-to-start dependencies broken");
            if (overlaps > 0) check.Add(overlaps + " days a person is on two tasks");
            if (example != null && check.problems.Count > 0) check.Add("e.g. " + example);
            int finishIndex = WorkWeek.Index(check.Finish.Value) + 1;
            int bound = resourceFeasible ? plan.LowerBound() : plan.CriticalPathFinishes().Max();
            if (finishIndex < bound) check.Add("finishes in " + finishIndex + " working days, below the lower bound " + bound);
            return check;
        }

        private void Add(string problem) => problems.Add(problem);
    }
}
