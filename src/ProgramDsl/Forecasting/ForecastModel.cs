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

    /// <summary>
    /// An open risk: with its likelihood, its impact is added to the tasks it names and to those its workstreams reach
    /// (through <see cref="RiskReach"/> slots), each task once.
    /// </summary>
    internal readonly struct SampledRisk
    {
        public SampledRisk(RiskSymbol risk, double likelihood, int impactDays, int[] tasks, int[] slots)
        {
            Risk = risk;
            Likelihood = likelihood;
            ImpactDays = impactDays;
            Tasks = tasks;
            Slots = slots;
        }

        public RiskSymbol Risk { get; }

        public double Likelihood { get; }

        public int ImpactDays { get; }

        /// <summary>Tasks still to finish it names, other than those its workstreams reach.</summary>
        public int[] Tasks { get; }

        /// <summary>The <see cref="RiskReach"/> slots of its workstreams, disjoint.</summary>
        public int[] Slots { get; }
    }

    /// <summary>Everything an iteration reads, prepared once from the schedule: shared, read-only, by all workers.</summary>
    internal sealed class ForecastModel
    {
        /// <summary>Stops every worker's engine mid-iteration: an iteration of a large plan is a whole leveled schedule.</summary>
        public System.Threading.CancellationToken Cancellation { get; }

        public ForecastModel(Schedule schedule, ScheduleNetwork network, ForecastOptions options)
        {
            Schedule = schedule;
            Network = network;
            Cancellation = options.CancellationToken;
            Problem = network.BuildProblem(Cancellation);
            var engine = new Engine(Problem, Cancellation);

            // The base schedule's order of starts is the priority list every iteration is generated from.
            var key = new long[network.NodeCount];
            for (int v = 0; v < key.Length; v++) key[v] = network.Start[v];
            List = engine.TopologicalOrder(key);
            Position = new int[List.Length];
            for (int k = 0; k < List.Length; k++) Position[List[k]] = k;

            var tasks = network.Graph.Tasks;
            Calibration = options.Calibration == CalibrationScope.None ? null : new Calibrator(network, schedule.Program.Id, options.Calibration, options.MinimumHistory, options.History);
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
            (Risks, Reach) = RiskReach.Build(schedule.Program, network, IsDone, int.MaxValue / 8);
            long riskWork = Risks.Length + (Reach?.ApplyWork ?? 0);
            foreach (var risk in Risks) riskWork += risk.Tasks.Length + risk.Slots.Length;
            RiskWork = riskWork;
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

        /// <summary>How the risks' workstreams reach tasks, or null when no risk names a workstream that reaches one.</summary>
        public RiskReach? Reach { get; }

        /// <summary>
        /// The work units of drawing every risk and applying them all (a unit per risk, per task it names, per slot, and
        /// <see cref="RiskReach.ApplyWork"/>): part of each iteration's cost, which the engine's units do not see.
        /// </summary>
        public long RiskWork { get; }

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
    }
}
