using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// Learns from finished tasks how actual durations compare with their most likely estimate: a log-normal fit of
    /// actual ÷ most likely (μ and σ of the log ratio), for the program and per workstream or phase. A remaining task
    /// of a group with enough history is then forecast as its most likely estimate times a ratio drawn from that
    /// log-normal: the team's own track record replaces the PERT spread.
    /// </summary>
    internal sealed class Calibrator
    {
        private readonly List<string> _names = new List<string>();
        private readonly List<List<double>> _logRatios = new List<List<double>>();
        private readonly Dictionary<string, int> _index = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly CalibrationScope _scope;
        private readonly int _minimum;
        private double[] _mu = Array.Empty<double>();
        private double[] _sigma = Array.Empty<double>();
        private int[] _uses = Array.Empty<int>();

        public Calibrator(ScheduleNetwork network, CalibrationScope scope, int minimumHistory)
        {
            _scope = scope;
            _minimum = Math.Max(1, minimumHistory);
            Group("program");
            var graph = network.Graph;
            foreach (var task in graph.Tasks)
            {
                int v = task.Index;
                if (task.IsMilestone || task.Estimate is not ThreePointEstimate estimate || task.ActualStart is null || task.ActualFinish is null) continue;
                var planned = (double)network.DaysOf(v, estimate.MostLikely);
                int actual = WorkingDays(graph.Time[v], graph.FixedStart[v], graph.FixedFinish[v]);
                if (planned <= 0 || actual <= 0) continue;
                double logRatio = Math.Log(actual / planned);
                FinishedTasks++;
                foreach (var key in Keys(task)) _logRatios[Group(key)].Add(logRatio);
            }

            _mu = new double[_names.Count];
            _sigma = new double[_names.Count];
            _uses = new int[_names.Count];
            for (int g = 0; g < _names.Count; g++) (_mu[g], _sigma[g]) = Fit(_logRatios[g]);
        }

        /// <summary>Finished tasks with an estimate and both actual dates.</summary>
        public int FinishedTasks { get; }

        public double Mu(int group) => _mu[group];

        public double Sigma(int group) => _sigma[group];

        /// <summary>The group a remaining task is calibrated by: its own (nearest) with enough history, else the program's, else -1.</summary>
        public int GroupOf(TaskSymbol task)
        {
            foreach (var key in Keys(task))
            {
                if (_index.TryGetValue(key, out int g) && _logRatios[g].Count >= _minimum) return g;
            }

            return -1;
        }

        public void CountUses(IEnumerable<SampledTask> tasks)
        {
            foreach (var t in tasks) if (t.Group >= 0) _uses[t.Group]++;
        }

        public CalibrationSummary Summary()
        {
            var groups = new List<CalibrationGroup>();
            for (int g = 0; g < _names.Count; g++)
            {
                if (_logRatios[g].Count < _minimum) continue;
                groups.Add(new CalibrationGroup(_names[g], _logRatios[g].Count, _mu[g], _sigma[g], _uses[g]));
            }

            return new CalibrationSummary(_scope, FinishedTasks, _minimum, groups);
        }

        /// <summary>Mean and sample standard deviation of the log ratios.</summary>
        internal static (double Mu, double Sigma) Fit(IReadOnlyList<double> logRatios)
        {
            if (logRatios.Count == 0) return (0, 0);
            double mean = logRatios.Average();
            if (logRatios.Count < 2) return (mean, 0);
            double squares = 0;
            foreach (var x in logRatios) squares += (x - mean) * (x - mean);
            return (mean, Math.Sqrt(squares / (logRatios.Count - 1)));
        }

        /// <summary>The groups of a task, nearest first, ending with the program.</summary>
        private IEnumerable<string> Keys(TaskSymbol task)
        {
            if (_scope == CalibrationScope.Workstream)
            {
                for (var w = task.Container; w != null; w = w.Container) yield return "workstream " + w.Id;
            }
            else if (_scope == CalibrationScope.Phase && task.Phase != Phase.None)
            {
                yield return "phase " + task.Phase.ToString().ToLowerInvariant();
            }

            yield return "program";
        }

        private int Group(string key)
        {
            if (_index.TryGetValue(key, out int g)) return g;
            _index[key] = g = _names.Count;
            _names.Add(key);
            _logRatios.Add(new List<double>());
            return g;
        }

        /// <summary>The task's own working days in [start, finish).</summary>
        private static int WorkingDays(TaskTime time, int start, int finish)
        {
            int days = 0;
            for (int d = time.NextAvailable(start); d < finish; d = time.NextAvailable(d + 1)) days++;
            return days;
        }
    }
}
