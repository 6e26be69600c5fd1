using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CsCheck;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>A dependency as generated: the target is reduced later to something that keeps the graph acyclic.</summary>
    public sealed record DepSpec(int Target, bool OnWorkstream, int Type, int Lag);

    /// <summary>A generated day-off range: an offset in days from the program start and a length.</summary>
    public sealed record RangeSpec(int Offset, int Length);

    /// <summary>A generated calendar.</summary>
    public sealed record CalendarSpec(int Workdays, RangeSpec[] Holidays);

    /// <summary>A generated person.</summary>
    public sealed record PersonSpec(int CapacityQuarters, int Calendar, RangeSpec[] Vacations);

    /// <summary>A generated workstream: its parent (reduced to an earlier workstream or none) and its own 'after'.</summary>
    public sealed record WorkstreamSpec(int Parent, DepSpec[] Dependencies);

    /// <summary>A generated task or milestone.</summary>
    public sealed record TaskSpec(
        bool Milestone, int Workstream, int WorkKind, int Amount, int Unit, int[] Assignees, int[] Shares,
        DepSpec[] Dependencies, int NotBefore, int Due, int ActualStart);

    /// <summary>A generated plan, before it is turned into text.</summary>
    public sealed record PlanSpec(
        int StartOffset, int Workdays, int HoursPerDay, RangeSpec[] Holidays, CalendarSpec[] Calendars,
        PersonSpec[] People, WorkstreamSpec[] Workstreams, TaskSpec[] Tasks);

    /// <summary>
    /// Generates valid programs and keeps, beside the text, an independent model of what they mean (a day-by-day
    /// calendar, assignees, resolved dependencies) for the properties to check the schedule against.
    /// Acyclic by construction: every dependency points from higher task numbers to strictly lower ones.
    /// </summary>
    public static class PlanGenerator
    {
        /// <summary>Program workdays (all include tue..thu, so any assignees share a working day).</summary>
        public static readonly string[] ProgramWorkdays = { "mon..fri", "sun..thu", "mon..sat", "" };

        /// <summary>Person calendar workdays.</summary>
        public static readonly string[] CalendarWorkdays = { "mon..fri", "tue..sat", "mon..thu", "sun..thu", "tue, wed, thu" };

        private static readonly Gen<RangeSpec> GenRange = Gen.Select(Gen.Int[-15, 220], Gen.Int[0, 11], (o, l) => new RangeSpec(o, l));

        private static readonly Gen<DepSpec> GenDep = Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 9], Gen.Int[0, 3], Gen.Int[-4, 5],
            (t, w, type, lag) => new DepSpec(t, w < 2, type, lag));

        private static readonly Gen<TaskSpec> GenTask = Gen.Select(
            Gen.Select(Gen.Int[0, 9], Gen.Int[-4, 7], Gen.Int[0, 2], Gen.Int[1, 12], Gen.Int[0, 9]),
            Gen.Int[0, 100].Array[0, 3],
            Gen.Int[1, 4].Array[3],
            GenDep.Array[0, 4],
            Gen.Int[-200, 120],
            Gen.Int[-100, 100],
            Gen.Int[-400, 40],
            (a, assignees, shares, deps, nb, due, started) => new TaskSpec(a.Item1 == 0, a.Item2, a.Item3, a.Item4, a.Item5, assignees, shares, deps, nb, due, started));

        /// <summary>Plans with up to <paramref name="maxTasks"/> tasks.</summary>
        public static Gen<PlanSpec> Plans(int maxTasks = 60) => Gen.Select(
            Gen.Select(Gen.Int[0, 400], Gen.Int[0, 3], Gen.Int[0, 1]),
            GenRange.Array[0, 6],
            Gen.Select(Gen.Int[0, 4], GenRange.Array[0, 3], (w, h) => new CalendarSpec(w, h)).Array[0, 3],
            Gen.Select(Gen.Int[1, 4], Gen.Int[-3, 5], GenRange.Array[0, 2], (c, cal, v) => new PersonSpec(c, cal, v)).Array[0, 6],
            Gen.Select(Gen.Int[-3, 20], GenDep.Array[0, 2], (p, d) => new WorkstreamSpec(p, d)).Array[0, 6],
            GenTask.Array[1, maxTasks],
            (a, holidays, calendars, people, workstreams, tasks) =>
                new PlanSpec(a.Item1, a.Item2, a.Item3 == 0 ? 8 : 6, holidays, calendars, people, workstreams, tasks));

        /// <summary>Builds the text and the model of a plan.</summary>
        public static GeneratedPlan Build(PlanSpec spec) => new GeneratedPlan(spec);
    }

    /// <summary>A dependency in the model: on a task, or on a workstream (all its tasks, nested ones included).</summary>
    public sealed class ModelDependency
    {
        public ModelDependency(int? task, int? workstream, DependencyType type, int lag)
        {
            Task = task;
            Workstream = workstream;
            Type = type;
            Lag = lag;
        }

        public int? Task { get; }

        public int? Workstream { get; }

        public DependencyType Type { get; }

        public int Lag { get; }

        public string Text(GeneratedPlan plan)
        {
            var target = Task is int t ? plan.TaskName(t) : plan.WorkstreamName(Workstream!.Value);
            var type = Type switch
            {
                DependencyType.StartToStart => "ss",
                DependencyType.FinishToFinish => "ff",
                DependencyType.StartToFinish => "sf",
                _ => "fs",
            };
            var lag = Lag == 0 ? string.Empty : (Lag > 0 ? "+" : "-") + Math.Abs(Lag).ToString(CultureInfo.InvariantCulture) + "d";
            return target + " " + type + lag;
        }
    }

    /// <summary>A generated plan: its text and the model the properties check against.</summary>
    public sealed class GeneratedPlan
    {
        private static readonly CalendarDate Epoch = CalendarDate.FromYmd(2026, 12, 1);
        private readonly List<CalendarDate> _programDays = new List<CalendarDate>();
        private CalendarDate _scanned;

        internal GeneratedPlan(PlanSpec spec)
        {
            Spec = spec;
            Start = Epoch.AddDays(spec.StartOffset);
            HoursPerDay = spec.HoursPerDay;
            ProgramWorkdays = Days(PlanGenerator.ProgramWorkdays[spec.Workdays]);
            Holidays = spec.Holidays.Select(Range).ToArray();
            CalendarWorkdays = spec.Calendars.Select(c => Days(PlanGenerator.CalendarWorkdays[c.Workdays])).ToArray();
            CalendarHolidays = spec.Calendars.Select(c => c.Holidays.Select(Range).ToArray()).ToArray();
            int tasks = spec.Tasks.Length;
            int wsCount = spec.Workstreams.Length;

            WorkstreamParent = new int[wsCount];
            for (int k = 0; k < wsCount; k++) WorkstreamParent[k] = k == 0 || spec.Workstreams[k].Parent < 0 ? -1 : spec.Workstreams[k].Parent % k;
            TaskWorkstream = spec.Tasks.Select(t => wsCount == 0 || t.Workstream < 0 ? -1 : t.Workstream % wsCount).ToArray();
            WorkstreamTasks = new List<int>[wsCount];
            for (int k = 0; k < wsCount; k++) WorkstreamTasks[k] = new List<int>();
            for (int i = 0; i < tasks; i++)
            {
                for (int w = TaskWorkstream[i]; w >= 0; w = WorkstreamParent[w]) WorkstreamTasks[w].Add(i);
            }

            PersonCalendar = spec.People.Select(p => spec.Calendars.Length == 0 || p.Calendar < 0 ? -1 : p.Calendar % spec.Calendars.Length).ToArray();
            Vacations = spec.People.Select(p => p.Vacations.Select(Range).ToArray()).ToArray();

            // Assignees: distinct people with shares of 25..100%.
            Assignees = new (int Person, int SharePercent)[tasks][];
            for (int i = 0; i < tasks; i++)
            {
                var t = spec.Tasks[i];
                var list = new List<(int, int)>();
                if (!t.Milestone && spec.People.Length > 0)
                {
                    for (int j = 0; j < t.Assignees.Length; j++)
                    {
                        int person = t.Assignees[j] % spec.People.Length;
                        if (list.All(a => a.Item1 != person)) list.Add((person, t.Shares[j] * 25));
                    }
                }

                Assignees[i] = list.ToArray();
            }

            // Dependencies: a task or workstream may depend only on things whose tasks all come strictly before its own.
            TaskDependencies = new List<ModelDependency>[tasks];
            for (int i = 0; i < tasks; i++)
            {
                TaskDependencies[i] = new List<ModelDependency>();
                foreach (var d in spec.Tasks[i].Dependencies)
                {
                    var dep = Reduce(d, new[] { i }, allowFinishTypes: true);
                    if (dep != null && !TaskDependencies[i].Any(x => x.Task == dep.Task && x.Workstream == dep.Workstream)) TaskDependencies[i].Add(dep);
                }
            }

            WorkstreamDependencies = new List<ModelDependency>[wsCount];
            for (int k = 0; k < wsCount; k++)
            {
                WorkstreamDependencies[k] = new List<ModelDependency>();
                foreach (var d in spec.Workstreams[k].Dependencies)
                {
                    var dep = Reduce(d, WorkstreamTasks[k], allowFinishTypes: false);
                    if (dep != null && !WorkstreamDependencies[k].Any(x => x.Task == dep.Task && x.Workstream == dep.Workstream)) WorkstreamDependencies[k].Add(dep);
                }
            }

            Text = Write();
        }

        public PlanSpec Spec { get; }

        public string Text { get; }

        public CalendarDate Start { get; }

        public int HoursPerDay { get; }

        public bool[] ProgramWorkdays { get; }

        public (CalendarDate From, CalendarDate To)[] Holidays { get; }

        public bool[][] CalendarWorkdays { get; }

        public (CalendarDate From, CalendarDate To)[][] CalendarHolidays { get; }

        public int[] PersonCalendar { get; }

        public (CalendarDate From, CalendarDate To)[][] Vacations { get; }

        public int[] WorkstreamParent { get; }

        public int[] TaskWorkstream { get; }

        /// <summary>Every task in a workstream, nested ones included.</summary>
        public List<int>[] WorkstreamTasks { get; }

        public (int Person, int SharePercent)[][] Assignees { get; }

        public List<ModelDependency>[] TaskDependencies { get; }

        public List<ModelDependency>[] WorkstreamDependencies { get; }

        public int TaskCount => Spec.Tasks.Length;

        public string TaskName(int i) => "t" + i.ToString(CultureInfo.InvariantCulture);

        public string WorkstreamName(int k) => "w" + k.ToString(CultureInfo.InvariantCulture);

        /// <summary>The qualified id of a task.</summary>
        public string TaskId(int i)
        {
            var parts = new List<string> { TaskName(i) };
            for (int w = TaskWorkstream[i]; w >= 0; w = WorkstreamParent[w]) parts.Add(WorkstreamName(w));
            parts.Reverse();
            return string.Join(".", parts);
        }

        public bool IsMilestone(int i) => Spec.Tasks[i].Milestone;

        /// <summary>The not-before date, if any.</summary>
        public CalendarDate? NotBefore(int i) => Spec.Tasks[i].NotBefore < 0 ? null : Start.AddDays(Spec.Tasks[i].NotBefore - 10);

        /// <summary>The actual start of a started task, if any (milestones have none); never before the program start, which is an error (TPM1102).</summary>
        public CalendarDate? ActualStart(int i) => Spec.Tasks[i].Milestone || Spec.Tasks[i].ActualStart < 0 ? null : Start.AddDays(Spec.Tasks[i].ActualStart);

        /// <summary>Workstreams whose 'after' applies to a task: its container and every enclosing one.</summary>
        public IEnumerable<int> EnclosingWorkstreams(int i)
        {
            for (int w = TaskWorkstream[i]; w >= 0; w = WorkstreamParent[w]) yield return w;
        }

        /// <summary>Every dependency that constrains a task: its own and those of its enclosing workstreams.</summary>
        public IEnumerable<ModelDependency> AllDependencies(int i) =>
            TaskDependencies[i].Concat(EnclosingWorkstreams(i).SelectMany(w => WorkstreamDependencies[w]));

        /// <summary>The tasks a dependency names (one task, or all of a workstream's).</summary>
        public IEnumerable<int> TargetTasks(ModelDependency d) => d.Task is int t ? new[] { t } : WorkstreamTasks[d.Workstream!.Value];

        /// <summary>Working days the task takes, by the language's rule, computed here independently.</summary>
        public int ExpectedDuration(int i)
        {
            var t = Spec.Tasks[i];
            if (t.Milestone) return 0;
            decimal amount = t.Amount;
            // As written by UnitText: amount × 4 hours, amount weeks, or amount days.
            decimal days = t.Unit switch { 0 => amount * 4 / HoursPerDay, 1 => amount * 5, _ => amount };
            if (t.WorkKind == 0) return (int)Math.Ceiling(days);
            decimal rate = 0;
            foreach (var (person, share) in Assignees[i]) rate += share / 100m * Spec.People[person].CapacityQuarters * 25 / 100m;
            return (int)Math.Ceiling(rate > 0 ? days / rate : days);
        }

        private static string UnitText(int amount, int unit) => unit switch
        {
            // Hours are written as amount × 4 h, weeks as amount w, otherwise days.
            0 => (amount * 4).ToString(CultureInfo.InvariantCulture) + "h",
            1 => amount.ToString(CultureInfo.InvariantCulture) + "w",
            _ => amount.ToString(CultureInfo.InvariantCulture) + "d",
        };

        // ---------------------------------------------------------------- calendars, day by day

        public bool ProgramWorks(CalendarDate d) =>
            d >= Start && ProgramWorkdays[(int)d.DayOfWeek] && !Holidays.Any(h => d >= h.From && d <= h.To);

        public bool PersonWorks(int person, CalendarDate d)
        {
            int c = PersonCalendar[person];
            if (c >= 0)
            {
                if (!CalendarWorkdays[c][(int)d.DayOfWeek]) return false;
                if (CalendarHolidays[c].Any(h => d >= h.From && d <= h.To)) return false;
            }

            return !Vacations[person].Any(v => d >= v.From && d <= v.To);
        }

        /// <summary>The date of a program working-day index.</summary>
        public CalendarDate DateOfIndex(int index)
        {
            if (_programDays.Count == 0) _scanned = Start.AddDays(-1);
            while (_programDays.Count <= index)
            {
                _scanned = _scanned.AddDays(1);
                if (ProgramWorks(_scanned)) _programDays.Add(_scanned);
            }

            return _programDays[index];
        }

        /// <summary>The index of the first program working day on or after a date.</summary>
        public int IndexOnOrAfter(CalendarDate d)
        {
            int i = 0;
            while (DateOfIndex(i) < d) i++;
            return i;
        }

        /// <summary>True when the task can work on a program index: every assignee works that day.</summary>
        public bool TaskWorks(int task, int index)
        {
            if (index < 0) return false;
            var date = DateOfIndex(index);
            return Assignees[task].All(a => PersonWorks(a.Person, date));
        }

        // ---------------------------------------------------------------- text

        private (CalendarDate, CalendarDate) Range(RangeSpec r) => (Start.AddDays(r.Offset), Start.AddDays(r.Offset + r.Length));

        private static bool[] Days(string text)
        {
            var result = new bool[7];
            if (text.Length == 0) text = "mon..fri";
            DayOfWeek Parse(string s) => s.Trim() switch
            {
                "sun" => DayOfWeek.Sunday, "mon" => DayOfWeek.Monday, "tue" => DayOfWeek.Tuesday, "wed" => DayOfWeek.Wednesday,
                "thu" => DayOfWeek.Thursday, "fri" => DayOfWeek.Friday, _ => DayOfWeek.Saturday,
            };
            foreach (var part in text.Split(','))
            {
                var ends = part.Split("..");
                var from = Parse(ends[0]);
                var to = ends.Length > 1 ? Parse(ends[1]) : from;
                for (var d = from; ; d = (DayOfWeek)(((int)d + 1) % 7))
                {
                    result[(int)d] = true;
                    if (d == to) break;
                }
            }

            return result;
        }

        private ModelDependency? Reduce(DepSpec d, IReadOnlyCollection<int> dependents, bool allowFinishTypes)
        {
            if (dependents.Count == 0) return null;
            int min = dependents.Min();
            // A workstream's own 'after' takes only fs and ss.
            var type = !allowFinishTypes
                ? (d.Type % 2 == 0 ? DependencyType.FinishToStart : DependencyType.StartToStart)
                : d.Type switch { 0 => DependencyType.FinishToStart, 1 => DependencyType.StartToStart, 2 => DependencyType.FinishToFinish, _ => DependencyType.StartToFinish };
            if (d.OnWorkstream && WorkstreamTasks.Length > 0)
            {
                int k = d.Target % WorkstreamTasks.Length;
                var members = WorkstreamTasks[k];
                // Non-empty, entirely before the dependents, and not containing them.
                if (members.Count == 0 || members.Max() >= min) return null;
                return new ModelDependency(null, k, type, d.Lag);
            }

            if (min == 0) return null;
            return new ModelDependency(d.Target % min, null, type, d.Lag);
        }

        private static string Iso(CalendarDate d) => d.ToString();

        private string Write()
        {
            var sb = new StringBuilder();
            // These properties are about the critical-path method; leveling has properties of its own.
            sb.Append("// generated\nprogram gen \"Generated\" {\n  start ").Append(Iso(Start)).Append("\n  leveling off\n");
            var wd = PlanGenerator.ProgramWorkdays[Spec.Workdays];
            if (wd.Length > 0) sb.Append("  workdays ").Append(wd).Append('\n');
            sb.Append("  hours-per-day ").Append(HoursPerDay).Append('\n');
            foreach (var (from, to) in Holidays) sb.Append("  holiday ").Append(Iso(from)).Append("..").Append(Iso(to)).Append(" \"Off\"\n");
            for (int c = 0; c < Spec.Calendars.Length; c++)
            {
                sb.Append("  calendar c").Append(c).Append(" \"C\" { workdays ").Append(PlanGenerator.CalendarWorkdays[Spec.Calendars[c].Workdays]);
                foreach (var (from, to) in CalendarHolidays[c]) sb.Append("  holiday ").Append(Iso(from)).Append("..").Append(Iso(to));
                sb.Append(" }\n");
            }

            for (int p = 0; p < Spec.People.Length; p++)
            {
                sb.Append("  person p").Append(p).Append(" \"P\" { capacity ").Append(Spec.People[p].CapacityQuarters * 25).Append('%');
                if (PersonCalendar[p] >= 0) sb.Append("  calendar c").Append(PersonCalendar[p]);
                foreach (var (from, to) in Vacations[p]) sb.Append("  vacation ").Append(Iso(from)).Append("..").Append(Iso(to));
                sb.Append(" }\n");
            }

            WriteContainer(sb, -1, "  ");
            sb.Append("}\n");
            return sb.ToString();
        }

        private void WriteContainer(StringBuilder sb, int container, string indent)
        {
            for (int i = 0; i < TaskCount; i++)
            {
                if (TaskWorkstream[i] == container) WriteTask(sb, i, indent);
            }

            for (int k = 0; k < WorkstreamParent.Length; k++)
            {
                if (WorkstreamParent[k] != container) continue;
                sb.Append(indent).Append("workstream ").Append(WorkstreamName(k)).Append(" \"W\" {\n");
                if (WorkstreamDependencies[k].Count > 0)
                {
                    sb.Append(indent).Append("  after ").Append(string.Join(", ", WorkstreamDependencies[k].Select(d => d.Text(this)))).Append('\n');
                }

                WriteContainer(sb, k, indent + "  ");
                sb.Append(indent).Append("}\n");
            }
        }

        private void WriteTask(StringBuilder sb, int i, string indent)
        {
            var t = Spec.Tasks[i];
            sb.Append(indent).Append(t.Milestone ? "milestone " : "task ").Append(TaskName(i)).Append(" {");
            if (!t.Milestone)
            {
                var amount = UnitText(t.Amount, t.Unit);
                sb.Append(t.WorkKind switch
                {
                    0 => " duration " + amount,
                    1 => " effort " + amount,
                    _ => " estimate " + amount + " " + amount + " " + UnitText(t.Amount + 2, t.Unit),
                });
                if (Assignees[i].Length > 0)
                {
                    sb.Append("  assign ").Append(string.Join(", ", Assignees[i].Select(a => "p" + a.Person + (a.SharePercent == 100 ? string.Empty : " " + a.SharePercent + "%"))));
                }
            }

            if (TaskDependencies[i].Count > 0) sb.Append("  after ").Append(string.Join(", ", TaskDependencies[i].Select(d => d.Text(this))));
            if (NotBefore(i) is CalendarDate nb) sb.Append("  not-before ").Append(Iso(nb));
            if (ActualStart(i) is CalendarDate started) sb.Append("  actual-start ").Append(Iso(started));
            if (t.Due >= 0) sb.Append("  due ").Append(Iso(Start.AddDays(t.Due)));
            sb.Append(" }\n");
        }
    }
}
