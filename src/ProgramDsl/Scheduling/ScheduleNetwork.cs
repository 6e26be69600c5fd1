using System.Collections.Generic;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>
    /// What a schedule was computed on: the node graph (tasks, then workstream and gate nodes), each node's working
    /// time, duration and fixed dates, and the start the scheduler gave each node. The forecast re-schedules this
    /// network with sampled durations, in the order of these starts.
    /// </summary>
    internal sealed class ScheduleNetwork
    {
        public ScheduleNetwork(ProgramScheduler.LevelingGraph graph, int[] start, bool leveled, int statusCutoff)
        {
            Graph = graph;
            Start = start;
            Leveled = leveled;
            StatusCutoff = statusCutoff;
        }

        public ProgramScheduler.LevelingGraph Graph { get; }

        /// <summary>Start of every node in the schedule.</summary>
        public int[] Start { get; }

        /// <summary>True when people and pools constrain the schedule.</summary>
        public bool Leveled { get; }

        /// <summary>The first day after the status date, or -1 without one.</summary>
        public int StatusCutoff { get; }

        public int TaskCount => Graph.Tasks.Count;

        public int NodeCount => Graph.NodeCount;

        /// <summary>The network as a scheduling problem; with leveling off it has no resources.</summary>
        public RcpspProblem BuildProblem(System.Threading.CancellationToken cancellationToken = default) => ProgramScheduler.BuildProblem(Graph, Leveled, cancellationToken).Problem;

        /// <summary>Working days <paramref name="amount"/> of the task's work takes with its assignees (unrounded).</summary>
        public decimal DaysOf(int task, decimal amount) => ProgramScheduler.DaysOfWork(Graph.Tasks[task], Graph.Assigned[task], amount);

        /// <summary>The finish of a task in progress with <paramref name="remaining"/> whole days of work left.</summary>
        public int FinishAfter(int task, int remaining) =>
            ProgramScheduler.FinishAfter(Graph.FixedStart[task], Graph.Duration[task], remaining, StatusCutoff, Graph.Time[task]);

        /// <summary>The share of a task's work still to do (1 − progress).</summary>
        public double RemainingShare(int task) => 1.0 - (double)System.Math.Min(1m, Graph.Tasks[task].Progress ?? 0);

        /// <summary>The precedence edges as (from, to) node pairs.</summary>
        public IEnumerable<(int From, int To)> Edges
        {
            get
            {
                foreach (var e in Graph.Edges) yield return (e.From, e.To);
            }
        }
    }
}
