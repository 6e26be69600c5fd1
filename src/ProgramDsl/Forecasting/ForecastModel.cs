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
            Sampling = new ProgramSampling(schedule, network, options);
        }

        public Schedule Schedule { get; }

        public ScheduleNetwork Network { get; }

        public RcpspProblem Problem { get; }

        /// <summary>The activity list of every iteration: topological, in order of the base schedule's starts.</summary>
        public int[] List { get; }

        /// <summary>Each node's place in <see cref="List"/>.</summary>
        public int[] Position { get; }

        /// <summary>What each iteration draws: the program's estimates and risks.</summary>
        public ProgramSampling Sampling { get; }

        public SampledTask[] Sampled => Sampling.Sampled;

        public SampledRisk[] Risks => Sampling.Risks;

        public Calibrator? Calibration => Sampling.Calibration;

        /// <summary>How the risks' workstreams reach tasks (see <see cref="ProgramSampling.Reach"/>).</summary>
        public RiskReach? Reach => Sampling.Reach;

        /// <summary>The work units of drawing and applying every risk (see <see cref="ProgramSampling.RiskWork"/>).</summary>
        public long RiskWork => Sampling.RiskWork;

        /// <summary>Milestone nodes, in declaration order.</summary>
        public int[] Milestones => Sampling.Milestones;

        /// <summary>Tasks with a due date and the finish index that still meets it.</summary>
        public (int Node, int Limit)[] Due => Sampling.Due;

        /// <summary>The program finish index that still meets the deadline.</summary>
        public int? DeadlineLimit => Sampling.DeadlineLimit;

        public int TaskCount => Network.TaskCount;

        /// <summary>Inputs whose correlation with the finish is measured: sampled tasks, then risks.</summary>
        public int InputCount => Sampling.InputCount;
    }

    /// <summary>
    /// What an iteration draws for one program, prepared once from its schedule: the estimated tasks still to do (PERT
    /// or calibrated), the open risks and how far their workstreams reach. The single-program forecast and the portfolio
    /// forecast (one per program) share it, and <see cref="SamplingScratch"/> draws from it.
    /// </summary>
    internal sealed class ProgramSampling
    {
        public ProgramSampling(Schedule schedule, ScheduleNetwork network, ForecastOptions options)
        {
            Network = network;
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

        public ScheduleNetwork Network { get; }

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

        /// <summary>Tasks with a due date and the finish index (program axis) that still meets it.</summary>
        public (int Node, int Limit)[] Due { get; }

        /// <summary>The program finish index (program axis) that still meets the deadline.</summary>
        public int? DeadlineLimit { get; }

        /// <summary>Inputs whose correlation with the finish is measured: sampled tasks, then risks.</summary>
        public int InputCount => Sampled.Length + Risks.Length;

        /// <summary>Finished tasks and reached milestones do not move.</summary>
        private bool IsDone(int v)
        {
            var task = Network.Graph.Tasks[v];
            return task.ActualFinish != null && (task.ActualStart != null || task.IsMilestone);
        }
    }

    /// <summary>
    /// One worker's draws for one program: samples the estimates and risks of a <see cref="ProgramSampling"/> into
    /// <see cref="Input"/>, then writes the durations and fixed finishes they give into the program's node arrays (on
    /// the program's own axis of working days).
    /// </summary>
    internal sealed class SamplingScratch
    {
        /// <summary>The longest duration a draw or an impact can give, in days: far past any calendar, far from overflow.</summary>
        public const int MaxDays = int.MaxValue / 8;

        private readonly ProgramSampling _sampling;
        private readonly int[] _extra;
        private readonly List<int> _touched = new List<int>();
        private readonly long[] _slotAmount;
        private readonly long[] _cells;
        private bool _spread;

        public SamplingScratch(ProgramSampling sampling)
        {
            _sampling = sampling;
            _extra = new int[sampling.Network.NodeCount];
            Input = new int[sampling.InputCount];
            _slotAmount = new long[sampling.Reach?.SlotCount ?? 0];
            _cells = new long[sampling.Reach?.CellCount ?? 0];
        }

        /// <summary>The last draw: each sampled task's days (in its order), then 1 or 0 per risk.</summary>
        public int[] Input { get; }

        /// <summary>
        /// Draws every estimate and risk from <paramref name="random"/> and writes the outcome into
        /// <paramref name="duration"/> and <paramref name="fixedFinish"/>, which hold the base problem's values on entry.
        /// </summary>
        public void Draw(ForecastRandom random, int[] duration, int[] fixedFinish, int[] fixedStart)
        {
            // Draws happen in a fixed order (tasks, then risks) so a block's stream gives the same iteration every time.
            var sampling = _sampling;
            var sampled = sampling.Sampled;
            var calibration = sampling.Calibration;
            for (int k = 0; k < sampled.Length; k++)
            {
                var t = sampled[k];
                double days = t.Group >= 0
                    ? t.MostLikely * Math.Exp(calibration!.Mu(t.Group) + calibration.Sigma(t.Group) * random.NextNormal())
                    : random.NextPert(t.Optimistic, t.MostLikely, t.Pessimistic);
                // For a task in progress the input is the work left, rounded without bias like a whole task.
                Input[k] = random.RoundRandomly(days * t.RemainingShare, MaxDays);
            }

            var risks = sampling.Risks;
            for (int j = 0; j < risks.Length; j++)
            {
                bool occurs = random.NextDouble() < risks[j].Likelihood;
                Input[sampled.Length + j] = occurs ? 1 : 0;
                if (occurs) Occur(risks[j]);
            }

            Spread();

            var network = sampling.Network;
            for (int k = 0; k < sampled.Length; k++)
            {
                int v = sampled[k].Node;
                if (sampled[k].InProgress) fixedFinish[v] = network.FinishAfter(v, Input[k]);
                else duration[v] = Input[k];
            }

            foreach (int v in _touched)
            {
                if (fixedStart[v] >= 0 && fixedFinish[v] >= 0)
                {
                    var time = network.Graph.Time[v];
                    fixedFinish[v] = time.Advance(time.NextAvailable(fixedFinish[v]), _extra[v]);
                }
                else
                {
                    duration[v] = (int)Math.Min(MaxDays, (long)duration[v] + _extra[v]);
                }

                _extra[v] = 0;
            }

            _touched.Clear();
        }

        /// <summary>
        /// The costliest draw, for the work budget: every estimate at its pessimistic value (calibrated ones too) and
        /// every open risk occurring. Fixed finishes do not move for a risk (the cost is that of the durations).
        /// </summary>
        public void WorstCase(int[] duration, int[] fixedFinish, int[] fixedStart)
        {
            var sampling = _sampling;
            var network = sampling.Network;
            foreach (var t in sampling.Sampled)
            {
                int days = (int)Math.Min(MaxDays, Math.Ceiling(t.Pessimistic * t.RemainingShare));
                if (t.InProgress) fixedFinish[t.Node] = network.FinishAfter(t.Node, days);
                else duration[t.Node] = days;
            }

            for (int j = 0; j < sampling.Risks.Length; j++) Occur(sampling.Risks[j]);
            Spread();
            foreach (int v in _touched)
            {
                if (!(fixedStart[v] >= 0 && fixedFinish[v] >= 0)) duration[v] = (int)Math.Min(MaxDays, (long)duration[v] + _extra[v]);
                _extra[v] = 0;
            }

            _touched.Clear();
        }

        /// <summary>Forgets a draw cut short (an exception mid-way), so the next one starts clean.</summary>
        public void Reset()
        {
            foreach (int v in _touched) _extra[v] = 0;
            _touched.Clear();
            Array.Clear(_slotAmount, 0, _slotAmount.Length);
            _spread = false;
        }

        /// <summary>Adds an occurring risk's impact to the tasks it names and to its workstream slots.</summary>
        private void Occur(in SampledRisk risk)
        {
            foreach (int v in risk.Tasks)
            {
                if (_extra[v] == 0) _touched.Add(v);
                _extra[v] = (int)Math.Min(MaxDays, (long)_extra[v] + risk.ImpactDays);
            }

            foreach (int s in risk.Slots)
            {
                _slotAmount[s] += risk.ImpactDays;
                _spread = true;
            }
        }

        /// <summary>Gives the tasks the occurring risks' workstreams reach their impacts, once per iteration.</summary>
        private void Spread()
        {
            if (!_spread) return;
            _sampling.Reach!.Apply(_slotAmount, _cells, _extra, _touched, MaxDays);
            _spread = false;
        }
    }
}
