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
        private readonly bool _historyGiven;
        private readonly List<int> _historyCounts = new List<int>();
        private readonly List<HistorySourceCount> _sources = new List<HistorySourceCount>();

        public Calibrator(ScheduleNetwork network, string programId, CalibrationScope scope, int minimumHistory, CalibrationHistory? history = null)
        {
            _scope = scope;
            _minimum = Math.Max(1, minimumHistory);
            Group("program");
            var graph = network.Graph;
            foreach (var (task, planned, actual) in Finished(network))
            {
                double logRatio = Math.Log(actual / planned);
                FinishedTasks++;
                foreach (var key in Keys(task)) _logRatios[Group(key)].Add(logRatio);
            }

            _historyGiven = history != null;
            if (history != null && history.Records.Count > 0) Learn(programId, graph.Tasks, history);

            _mu = new double[_names.Count];
            _sigma = new double[_names.Count];
            _uses = new int[_names.Count];
            for (int g = 0; g < _names.Count; g++) (_mu[g], _sigma[g]) = Fit(_logRatios[g]);
        }

        /// <summary>
        /// Adds the history's records to the groups this program has (its workstreams or phases, and the program): a
        /// record of a workstream or phase the program does not have still counts for the program.
        /// </summary>
        private void Learn(string programId, IReadOnlyList<TaskSymbol> tasks, CalibrationHistory history)
        {
            var own = new HashSet<string>(StringComparer.Ordinal);
            var groups = new HashSet<string>(StringComparer.Ordinal);
            var seen = new HashSet<WorkstreamSymbol>();
            foreach (var task in tasks)
            {
                own.Add(task.Id);
                if (_scope == CalibrationScope.Phase && task.Phase != Phase.None) groups.Add(PhaseKey(task.Phase));
                if (_scope != CalibrationScope.Workstream) continue;

                // A workstream's enclosing ones were added with it: the walk stops at the first already seen.
                for (var w = task.Container; w != null && seen.Add(w); w = w.Container) groups.Add(WorkstreamKey(w.Id));
            }

            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var record in history.Records)
            {
                if (record.ProgramId == programId && own.Contains(record.TaskId))
                {
                    HistorySuperseded++;
                    continue;
                }

                double logRatio = Math.Log(record.ActualDays / record.MostLikelyDays);
                HistoryTasks++;
                counts[record.Source] = counts.TryGetValue(record.Source, out int n) ? n + 1 : 1;
                foreach (var key in Keys(record))
                {
                    if (key != "program" && !groups.Contains(key)) continue;
                    int g = Group(key);
                    _logRatios[g].Add(logRatio);
                    _historyCounts[g]++;
                }
            }

            HistorySuperseded += history.Superseded;
            foreach (var source in history.Sources)
            {
                if (counts.TryGetValue(source, out int n)) _sources.Add(new HistorySourceCount(source, n));
            }
        }

        /// <summary>Finished tasks with an estimate and both actual dates.</summary>
        public int FinishedTasks { get; }

        /// <summary>History records learned from (those of tasks the program declares are not).</summary>
        public int HistoryTasks { get; private set; }

        /// <summary>History records not used: replaced by a later record of the same task, or of a task the program declares.</summary>
        public int HistorySuperseded { get; private set; }

        /// <summary>
        /// The finished tasks of a network that calibration learns from: an estimate, both actual dates, a positive most
        /// likely estimate in working days (effort spread over the assignees) and positive actual working days.
        /// </summary>
        internal static IEnumerable<(TaskSymbol Task, double Planned, int Actual)> Finished(ScheduleNetwork network)
        {
            var graph = network.Graph;
            foreach (var task in graph.Tasks)
            {
                int v = task.Index;
                if (task.IsMilestone || task.Estimate is not ThreePointEstimate estimate || task.ActualStart is null || task.ActualFinish is null) continue;
                var planned = (double)network.DaysOf(v, estimate.MostLikely);
                int actual = WorkingDays(graph.Time[v], graph.FixedStart[v], graph.FixedFinish[v]);
                if (planned <= 0 || actual <= 0) continue;
                yield return (task, planned, actual);
            }
        }

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
                groups.Add(new CalibrationGroup(_names[g], _logRatios[g].Count, _mu[g], _sigma[g], _uses[g], _historyCounts[g]));
            }

            return new CalibrationSummary(_scope, FinishedTasks, _minimum, groups, _historyGiven, HistoryTasks, HistorySuperseded, _sources);
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
                for (var w = task.Container; w != null; w = w.Container) yield return WorkstreamKey(w.Id);
            }
            else if (_scope == CalibrationScope.Phase && task.Phase != Phase.None)
            {
                yield return PhaseKey(task.Phase);
            }

            yield return "program";
        }

        /// <summary>The groups of a history record, as <see cref="Keys(TaskSymbol)"/>: matched by workstream id or phase.</summary>
        private IEnumerable<string> Keys(HistoryRecord record)
        {
            if (_scope == CalibrationScope.Workstream)
            {
                foreach (var id in record.Workstreams) yield return WorkstreamKey(id);
            }
            else if (_scope == CalibrationScope.Phase && record.Phase != Phase.None)
            {
                yield return PhaseKey(record.Phase);
            }

            yield return "program";
        }

        private static string WorkstreamKey(string id) => "workstream " + id;

        private static string PhaseKey(Phase phase) => "phase " + phase.ToString().ToLowerInvariant();

        private int Group(string key)
        {
            if (_index.TryGetValue(key, out int g)) return g;
            _index[key] = g = _names.Count;
            _names.Add(key);
            _logRatios.Add(new List<double>());
            _historyCounts.Add(0);
            return g;
        }

        /// <summary>The task's own working days in [start, finish): counted by the calendars, not day by day (a finished task may span years).</summary>
        private static int WorkingDays(TaskTime time, int start, int finish) => time.DaysBetween(start, finish);
    }
}
