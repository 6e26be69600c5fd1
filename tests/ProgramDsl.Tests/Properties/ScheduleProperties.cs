using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>Properties of the schedules of random valid programs (see <see cref="PlanGenerator"/>).</summary>
    public class ScheduleProperties
    {
        private const int Iterations = 200;

        private static string Print(PlanSpec spec) => PlanGenerator.Build(spec).Text;

        private static (GeneratedPlan Plan, TpmProgram Program, Schedule Schedule, ScheduledTask[] Tasks) Compile(PlanSpec spec)
        {
            var plan = PlanGenerator.Build(spec);
            var program = TpmProgram.Parse(plan.Text, "gen.tpm");
            var errors = program.Diagnostics.Where(d => d.IsError).ToList();
            if (errors.Count > 0) throw new Exception("unexpected errors:\n" + string.Join("\n", errors));
            var schedule = program.Schedule ?? throw new Exception("no schedule");
            var tasks = Enumerable.Range(0, plan.TaskCount).Select(i => schedule.Find(plan.TaskId(i)) ?? throw new Exception("missing " + plan.TaskId(i))).ToArray();
            return (plan, program, schedule, tasks);
        }

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        /// <summary>The bound a dependency puts on the start (fs, ss) or the finish (ff, sf) of a dependent, from given dates.</summary>
        private static int Bound(GeneratedPlan plan, ModelDependency d, Func<int, int> start, Func<int, int> finish)
        {
            var targets = plan.TargetTasks(d).ToList();
            bool fromFinish = d.Type == DependencyType.FinishToStart || d.Type == DependencyType.FinishToFinish;
            return targets.Max(t => fromFinish ? finish(t) : start(t)) + d.Lag;
        }

        private static bool OnStart(ModelDependency d) => d.Type == DependencyType.FinishToStart || d.Type == DependencyType.StartToStart;

        [Fact]
        public void Generated_plans_compile_without_errors_and_without_throwing()
        {
            PlanGenerator.Plans().Sample(spec => { Compile(spec); }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Float_is_late_start_minus_early_start_and_never_negative()
        {
            PlanGenerator.Plans().Sample(spec =>
            {
                var (plan, _, schedule, tasks) = Compile(spec);
                foreach (var t in tasks)
                {
                    Check(t.Start <= t.LateStart, () => $"{t.Id}: early start {t.Start} > late start {t.LateStart}");
                    Check(t.Finish <= t.LateFinish, () => $"{t.Id}: early finish {t.Finish} > late finish {t.LateFinish}");
                    Check(t.TotalFloat >= 0, () => $"{t.Id}: float {t.TotalFloat}");
                    if (t.Task.ActualStart is null)
                    {
                        Check(t.TotalFloat == t.LateStart - t.Start, () => $"{t.Id}: float {t.TotalFloat} ≠ {t.LateStart} − {t.Start}");
                    }
                    else
                    {
                        // A started task does not move: its float is late finish − early finish.
                        Check(t.LateStart == t.Start && t.TotalFloat == t.LateFinish - t.Finish, () => $"{t.Id}: started, float {t.TotalFloat}, [{t.LateStart},{t.LateFinish}) vs [{t.Start},{t.Finish})");
                    }

                    Check(t.IsCritical == (t.TotalFloat == 0), () => $"{t.Id}: critical {t.IsCritical} with float {t.TotalFloat}");
                    Check(t.LateFinish <= schedule.FinishIndex, () => $"{t.Id}: late finish {t.LateFinish} after the program finish {schedule.FinishIndex}");
                    Check(t.Finish <= schedule.FinishIndex, () => $"{t.Id}: finish {t.Finish} after the program finish {schedule.FinishIndex}");
                }

                Check(schedule.FinishIndex == (tasks.Length == 0 ? 0 : tasks.Max(t => t.Finish)), () => "program finish is not the last task finish");
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Every_dependency_holds_in_the_early_and_in_the_late_schedule()
        {
            PlanGenerator.Plans().Sample(spec =>
            {
                var (plan, _, _, tasks) = Compile(spec);
                for (int i = 0; i < plan.TaskCount; i++)
                {
                    // A started task keeps its actual start whatever its predecessors do.
                    if (plan.ActualStart(i) != null) continue;
                    foreach (var d in plan.AllDependencies(i))
                    {
                        int early = Bound(plan, d, t => tasks[t].Start, t => tasks[t].Finish);
                        int late = Bound(plan, d, t => tasks[t].LateStart, t => tasks[t].LateFinish);
                        var text = d.Text(plan);
                        if (OnStart(d))
                        {
                            Check(tasks[i].Start >= early, () => $"{tasks[i].Id} starts at {tasks[i].Start}, before {early} required by 'after {text}'");
                            Check(tasks[i].LateStart >= late, () => $"{tasks[i].Id} late start {tasks[i].LateStart} < {late} required by 'after {text}'");
                        }
                        else
                        {
                            Check(tasks[i].Finish >= early, () => $"{tasks[i].Id} finishes at {tasks[i].Finish}, before {early} required by 'after {text}'");
                            Check(tasks[i].LateFinish >= late, () => $"{tasks[i].Id} late finish {tasks[i].LateFinish} < {late} required by 'after {text}'");
                        }
                    }
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Tasks_work_on_their_own_working_days_and_never_before_not_before()
        {
            PlanGenerator.Plans().Sample(spec =>
            {
                var (plan, program, _, tasks) = Compile(spec);
                for (int i = 0; i < plan.TaskCount; i++)
                {
                    var t = tasks[i];
                    if (plan.ActualStart(i) is CalendarDate started)
                    {
                        int at = plan.IndexOnOrAfter(started);
                        Check(t.Start == at, () => $"{t.Id} started {started} (index {at}) but is scheduled at {t.Start}");
                    }
                    else if (plan.NotBefore(i) is CalendarDate nb)
                    {
                        int index = plan.IndexOnOrAfter(nb);
                        Check(t.Start >= index, () => $"{t.Id} starts at {t.Start} before its not-before {nb} (index {index})");
                    }

                    Check(t.DurationDays == plan.ExpectedDuration(i), () => $"{t.Id}: {t.DurationDays} days, expected {plan.ExpectedDuration(i)}");
                    if (plan.IsMilestone(i))
                    {
                        Check(t.Start == t.Finish, () => $"{t.Id}: milestone spans [{t.Start},{t.Finish})");
                        var date = t.Start == 0 ? plan.Start : plan.DateOfIndex(t.Start - 1);
                        Check(t.StartDate == date, () => $"{t.Id}: milestone dated {t.StartDate}, expected {date}");
                        continue;
                    }

                    // A started task keeps its actual start even on a day its people are away; others start on a working day.
                    bool isStarted = plan.ActualStart(i) != null;
                    Check(isStarted || plan.TaskWorks(i, t.Start), () => $"{t.Id} starts at {t.Start} ({plan.DateOfIndex(t.Start)}), not a working day of the task");
                    Check(plan.TaskWorks(i, t.Finish - 1), () => $"{t.Id} ends at {t.Finish - 1} ({plan.DateOfIndex(t.Finish - 1)}), not a working day of the task");
                    int worked = Enumerable.Range(t.Start, t.Finish - t.Start).Count(x => plan.TaskWorks(i, x));
                    Check(worked == t.DurationDays, () => $"{t.Id} works {worked} days in [{t.Start},{t.Finish}), expected {t.DurationDays}");
                    Check(t.StartDate == plan.DateOfIndex(t.Start), () => $"{t.Id}: start date {t.StartDate}, index {t.Start} is {plan.DateOfIndex(t.Start)}");
                    Check(t.FinishDate == plan.DateOfIndex(t.Finish - 1), () => $"{t.Id}: finish date {t.FinishDate}, index {t.Finish - 1} is {plan.DateOfIndex(t.Finish - 1)}");
                    Check(isStarted || (plan.TaskWorks(i, t.LateStart) && plan.TaskWorks(i, t.LateFinish - 1)), () => $"{t.Id}: late dates [{t.LateStart},{t.LateFinish}) not on working days");
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Early_dates_are_the_earliest_the_constraints_allow()
        {
            // An independent forward pass over the generated model, on the day-by-day calendar.
            PlanGenerator.Plans().Sample(spec =>
            {
                var (plan, _, _, tasks) = Compile(spec);
                var start = new int[plan.TaskCount];
                var finish = new int[plan.TaskCount];
                for (int i = 0; i < plan.TaskCount; i++)
                {
                    int es = plan.NotBefore(i) is CalendarDate nb ? plan.IndexOnOrAfter(nb) : 0;
                    int ef = int.MinValue;
                    foreach (var d in plan.AllDependencies(i))
                    {
                        int bound = Bound(plan, d, t => start[t], t => finish[t]);
                        if (OnStart(d)) es = Math.Max(es, bound);
                        else ef = Math.Max(ef, bound);
                    }

                    int days = plan.ExpectedDuration(i);
                    if (plan.ActualStart(i) is CalendarDate started)
                    {
                        // Fixed start; the work runs from the first day the task can work on.
                        start[i] = plan.IndexOnOrAfter(started);
                        int w = start[i], left = days;
                        while (left > 0) { if (plan.TaskWorks(i, w)) left--; w++; }
                        finish[i] = days == 0 ? start[i] : w;
                    }
                    else if (days == 0)
                    {
                        start[i] = finish[i] = Math.Max(es, ef);
                    }
                    else
                    {
                        int s = es;
                        while (!plan.TaskWorks(i, s)) s++;
                        int f = s, left = days;
                        while (left > 0) { if (plan.TaskWorks(i, f)) left--; f++; }
                        if (f < ef)
                        {
                            f = ef;
                            while (!plan.TaskWorks(i, f - 1)) f++;
                            s = f;
                            left = days;
                            while (left > 0) { s--; if (plan.TaskWorks(i, s)) left--; }
                        }

                        start[i] = s;
                        finish[i] = f;
                    }

                    var t = tasks[i];
                    Check((t.Start, t.Finish) == (start[i], finish[i]), () => $"{t.Id}: scheduled [{t.Start},{t.Finish}), expected [{start[i]},{finish[i]})");
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Critical_path_is_a_chain_of_critical_tasks_to_the_finish()
        {
            PlanGenerator.Plans().Sample(spec =>
            {
                var (plan, _, schedule, tasks) = Compile(spec);
                var path = schedule.CriticalPath;
                Check(path.Count > 0, () => "empty critical path");
                var index = new Dictionary<string, int>();
                for (int i = 0; i < plan.TaskCount; i++) index[tasks[i].Id] = i;
                Check(path.All(t => t.IsCritical), () => "non-critical task on the path: " + string.Join(", ", path.Where(t => !t.IsCritical).Select(t => t.Id)));
                Check(path[path.Count - 1].Finish == schedule.FinishIndex, () => $"the path ends at {path[path.Count - 1].Finish}, the program at {schedule.FinishIndex}");
                Check(path.Select(t => t.Id).Distinct().Count() == path.Count, () => "a task appears twice on the path");
                for (int k = 1; k < path.Count; k++)
                {
                    int a = index[path[k - 1].Id], b = index[path[k].Id];
                    Check(plan.AllDependencies(b).Any(d => plan.TargetTasks(d).Contains(a)),
                        () => $"{path[k].Id} does not depend on {path[k - 1].Id}, its predecessor on the path");
                }

                // The first task starts the chain: no critical task drives it. A dependency drives a task when the task
                // starts on the first day it can work from the bound on (fs, ss), or finishes on the first end from it (ff, sf).
                // A bound before the program start (a lead) does not drive: the program start holds the task there.
                int first = index[path[0].Id];
                var f = tasks[first];
                if (plan.ActualStart(first) != null) return; // the walk stops at a started task: it does not move
                bool milestone = plan.IsMilestone(first);
                int NextWork(int x)
                {
                    x = Math.Max(x, 0);
                    if (milestone) return x;
                    while (!plan.TaskWorks(first, x)) x++;
                    return x;
                }

                foreach (var d in plan.AllDependencies(first))
                {
                    foreach (int p in plan.TargetTasks(d))
                    {
                        if (!tasks[p].IsCritical) continue;
                        bool fromFinish = d.Type == DependencyType.FinishToStart || d.Type == DependencyType.FinishToFinish;
                        int bound = (fromFinish ? tasks[p].Finish : tasks[p].Start) + d.Lag;
                        bool drives = bound >= 0 && (OnStart(d) ? NextWork(bound) >= f.Start : (milestone ? bound : NextWork(bound - 1) + 1) >= f.Finish);
                        Check(!drives, () => $"the path starts at {f.Id}, but critical {tasks[p].Id} drives it through 'after {d.Text(plan)}'");
                    }
                }
            }, iter: Iterations, print: Print);
        }

        [Fact]
        public void Scheduling_the_same_text_twice_gives_identical_results()
        {
            static string Fingerprint(TpmProgram p)
            {
                var sb = new StringBuilder();
                foreach (var d in p.Diagnostics) sb.AppendLine(d.ToString());
                var s = p.Schedule!;
                sb.Append(s.FinishIndex).Append(' ').Append(s.FinishDate).Append(' ').Append(s.Cost.ToString(CultureInfo.InvariantCulture)).AppendLine();
                foreach (var t in s.Tasks)
                {
                    sb.Append(t.Id).Append(' ').Append(t.Start).Append(' ').Append(t.Finish).Append(' ').Append(t.LateStart).Append(' ').Append(t.LateFinish)
                      .Append(' ').Append(t.TotalFloat).Append(' ').Append(t.IsCritical).Append(' ').Append(t.StartDate).Append(' ').Append(t.FinishDate)
                      .Append(' ').Append(t.LateStartDate).Append(' ').Append(t.LateFinishDate).Append(' ').Append(t.Cost.ToString(CultureInfo.InvariantCulture))
                      .Append(' ').Append(string.Join(",", t.Assigned.Select(a => a.Person.Id + ":" + a.Share.ToString(CultureInfo.InvariantCulture)))).AppendLine();
                }

                foreach (var w in s.Workstreams) sb.Append(w.Id).Append(' ').Append(w.Start).Append(' ').Append(w.Finish).Append(' ').Append(w.StartDate).Append(' ').Append(w.FinishDate).AppendLine();
                sb.AppendLine(string.Join(" → ", s.CriticalPath.Select(t => t.Id)));
                return sb.ToString();
            }

            PlanGenerator.Plans().Sample(spec =>
            {
                var text = PlanGenerator.Build(spec).Text;
                var first = Fingerprint(TpmProgram.Parse(text, "gen.tpm"));
                var second = Fingerprint(TpmProgram.Parse(text, "gen.tpm"));
                Check(first == second, () => "two runs differ:\n" + first + "\n---\n" + second);
            }, iter: 60, print: Print);
        }
    }
}
