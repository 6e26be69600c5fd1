using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>A task whose duration each iteration samples.</summary>
    internal readonly struct SampledTask
    {
        public SampledTask(int node, double optimistic, double mostLikely, double pessimistic, bool inProgress, double remainingShare, int group)
        {
            RemainingShare = remainingShare;
            Node = node;
            Optimistic = optimistic;
            MostLikely = mostLikely;
            Pessimistic = pessimistic;
            InProgress = inProgress;
            Group = group;
        }

        public int Node { get; }

        /// <summary>The estimate in the task's working days (effort already spread over the assignees).</summary>
        public double Optimistic { get; }

        public double MostLikely { get; }

        public double Pessimistic { get; }

        /// <summary>Started with a fixed finish at the status date: the sample moves that finish, not a duration.</summary>
        public bool InProgress { get; }

        /// <summary>The share of the sampled duration still to do: 1, or 1 − progress for a task in progress.</summary>
        public double RemainingShare { get; }

        /// <summary>The calibration group whose ratio replaces the PERT draw, or -1.</summary>
        public int Group { get; }
    }

    /// <summary>An open risk: with its likelihood, the nodes it affects get its impact added.</summary>
    internal readonly struct SampledRisk
    {
        public SampledRisk(RiskSymbol risk, double likelihood, int impactDays, int[] nodes)
        {
            Risk = risk;
            Likelihood = likelihood;
            ImpactDays = impactDays;
            Nodes = nodes;
        }

        public RiskSymbol Risk { get; }

        public double Likelihood { get; }

        public int ImpactDays { get; }

        public int[] Nodes { get; }
    }

    /// <summary>Everything an iteration reads, prepared once from the schedule: shared, read-only, by all workers.</summary>
    internal sealed class ForecastModel
    {
        public ForecastModel(Schedule schedule, ScheduleNetwork network, ForecastOptions options)
        {
            Schedule = schedule;
            Network = network;
            Problem = network.BuildProblem();
            var engine = new Engine(Problem);

            // The base schedule's order of starts is the priority list every iteration is generated from.
            var key = new long[network.NodeCount];
            for (int v = 0; v < key.Length; v++) key[v] = network.Start[v];
            List = engine.TopologicalOrder(key);
            Position = new int[List.Length];
            for (int k = 0; k < List.Length; k++) Position[List[k]] = k;

            var tasks = network.Graph.Tasks;
            Calibration = options.Calibration == CalibrationScope.None ? null : new Calibrator(network, options.Calibration, options.MinimumHistory);
            var sampled = new List<SampledTask>();
            foreach (var task in tasks)
            {
                int v = task.Index;
                if (task.IsMilestone || task.Estimate is not ThreePointEstimate estimate || task.WorkKind == WorkKind.None || IsDone(v)) continue;
                bool inProgress = network.Graph.FixedStart[v] >= 0 && network.Graph.FixedFinish[v] >= 0;
                int group = Calibration?.GroupOf(task) ?? -1;

                // An estimate without spread is the plan's own duration: nothing to draw.
                if (estimate.Optimistic >= estimate.Pessimistic && group < 0) continue;
                sampled.Add(new SampledTask(v, (double)network.DaysOf(v, estimate.Optimistic), (double)network.DaysOf(v, estimate.MostLikely),
                    (double)network.DaysOf(v, estimate.Pessimistic), inProgress, inProgress ? network.RemainingShare(v) : 1.0, group));
            }

            Sampled = sampled.ToArray();
            Calibration?.CountUses(Sampled);
            Risks = OpenRisks(schedule.Program, network).ToArray();
            Milestones = tasks.Where(t => t.IsMilestone).Select(t => t.Index).ToArray();
            Due = tasks.Where(t => t.Due != null).Select(t => (t.Index, schedule.Calendar.LastIndexOnOrBefore(t.Due!.Value) + 1)).ToArray();
            DeadlineLimit = schedule.Program.Deadline is CalendarDate deadline ? schedule.Calendar.LastIndexOnOrBefore(deadline) + 1 : (int?)null;
        }

        public Schedule Schedule { get; }

        public ScheduleNetwork Network { get; }

        public RcpspProblem Problem { get; }

        /// <summary>The activity list of every iteration: topological, in order of the base schedule's starts.</summary>
        public int[] List { get; }

        /// <summary>Each node's place in <see cref="List"/>.</summary>
        public int[] Position { get; }

        public SampledTask[] Sampled { get; }

        public SampledRisk[] Risks { get; }

        public Calibrator? Calibration { get; }

        /// <summary>Milestone nodes, in declaration order.</summary>
        public int[] Milestones { get; }

        /// <summary>Tasks with a due date and the finish index that still meets it.</summary>
        public (int Node, int Limit)[] Due { get; }

        /// <summary>The program finish index that still meets the deadline.</summary>
        public int? DeadlineLimit { get; }

        public int TaskCount => Network.TaskCount;

        /// <summary>Inputs whose correlation with the finish is measured: sampled tasks, then risks.</summary>
        public int InputCount => Sampled.Length + Risks.Length;

        /// <summary>Finished tasks and reached milestones do not move.</summary>
        private bool IsDone(int v)
        {
            var task = Network.Graph.Tasks[v];
            return task.ActualFinish != null && (task.ActualStart != null || task.IsMilestone);
        }

        private IEnumerable<SampledRisk> OpenRisks(ProgramSymbol program, ScheduleNetwork network)
        {
            List<int>[]? taskSuccessors = null;
            foreach (var risk in program.Risks)
            {
                if (risk.Status != RiskStatus.Open || risk.Likelihood <= 0 || risk.ImpactDays <= 0 || risk.Affects.Count == 0) continue;
                var nodes = new SortedSet<int>();
                foreach (var target in risk.Affects)
                {
                    if (target is TaskSymbol t)
                    {
                        if (!IsDone(t.Index)) nodes.Add(t.Index);
                    }
                    else if (target is WorkstreamSymbol w)
                    {
                        taskSuccessors ??= TaskSuccessors(network);
                        foreach (int v in LastTasks(w, network, taskSuccessors)) if (!IsDone(v)) nodes.Add(v);
                    }
                }

                if (nodes.Count == 0) continue;
                int impact = (int)Math.Min(int.MaxValue / 8, Math.Ceiling(risk.ImpactDays));
                yield return new SampledRisk(risk, (double)risk.Likelihood, impact, nodes.ToArray());
            }
        }

        private static List<int>[] TaskSuccessors(ScheduleNetwork network)
        {
            var result = new List<int>[network.TaskCount];
            foreach (var (from, to) in network.Edges)
            {
                if (from >= network.TaskCount || to >= network.TaskCount) continue;
                (result[from] ??= new List<int>()).Add(to);
            }

            return result;
        }

        /// <summary>
        /// A risk on a workstream delays the workstream's last tasks (those no other task of the workstream follows), so
        /// the workstream, and what waits for it, finishes by the impact later, once.
        /// </summary>
        private static IEnumerable<int> LastTasks(WorkstreamSymbol workstream, ScheduleNetwork network, List<int>[] successors)
        {
            var inside = new HashSet<int>();
            foreach (var task in network.Graph.Tasks)
            {
                for (var c = task.Container; c != null; c = c.Container)
                {
                    if (c != workstream) continue;
                    inside.Add(task.Index);
                    break;
                }
            }

            foreach (int v in inside.OrderBy(v => v))
            {
                bool followed = successors[v]?.Any(inside.Contains) ?? false;
                if (!followed) yield return v;
            }
        }
    }
}
