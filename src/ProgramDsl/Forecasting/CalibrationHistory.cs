using System;
using System.Collections.Generic;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// A finished task recorded elsewhere (another program, an earlier revision of the plan): its most likely estimate
    /// and the working days it took, with the keys calibration groups it by.
    /// </summary>
    public sealed class HistoryRecord
    {
        /// <summary>Creates a record.</summary>
        /// <param name="programId">The id of the program that recorded it: with <paramref name="taskId"/>, the task's identity across sources.</param>
        /// <param name="taskId">The task's qualified id.</param>
        /// <param name="mostLikelyDays">The most likely estimate in the task's working days (effort spread over its assignees); positive.</param>
        /// <param name="actualDays">The working days from its actual start to its actual finish; positive.</param>
        /// <param name="workstreams">The qualified ids of its enclosing workstreams, nearest first.</param>
        /// <param name="phase">Its ML phase.</param>
        /// <param name="source">Where it was recorded (a file, a revision), as the output should name it.</param>
        public HistoryRecord(string programId, string taskId, double mostLikelyDays, int actualDays, IReadOnlyList<string> workstreams, Phase phase, string source)
        {
            if (!(mostLikelyDays > 0) || double.IsInfinity(mostLikelyDays)) throw new ArgumentOutOfRangeException(nameof(mostLikelyDays), "The estimate must be a positive number of days.");
            if (actualDays <= 0) throw new ArgumentOutOfRangeException(nameof(actualDays), "The actual duration must be a positive number of days.");
            ProgramId = programId ?? throw new ArgumentNullException(nameof(programId));
            TaskId = taskId ?? throw new ArgumentNullException(nameof(taskId));
            MostLikelyDays = mostLikelyDays;
            ActualDays = actualDays;
            Workstreams = workstreams ?? throw new ArgumentNullException(nameof(workstreams));
            Phase = phase;
            Source = source ?? throw new ArgumentNullException(nameof(source));
        }

        /// <summary>The id of the program that recorded the task.</summary>
        public string ProgramId { get; }

        /// <summary>The task's qualified id.</summary>
        public string TaskId { get; }

        /// <summary>The most likely estimate in working days.</summary>
        public double MostLikelyDays { get; }

        /// <summary>The working days it took.</summary>
        public int ActualDays { get; }

        /// <summary>The qualified ids of its workstreams, nearest first.</summary>
        public IReadOnlyList<string> Workstreams { get; }

        /// <summary>Its ML phase.</summary>
        public Phase Phase { get; }

        /// <summary>Where it was recorded.</summary>
        public string Source { get; }
    }

    /// <summary>
    /// Finished tasks from other programs and earlier revisions that <c>--calibrate</c> learns from beside the program's
    /// own. A task (program id and qualified task id) counts once, at its latest record: add sources oldest first, and a
    /// later record of the same task replaces the earlier one. The forecast program's own tasks are later still: a
    /// history record of a task the program itself declares is not used (the program's record, finished or not, is the
    /// task's latest).
    /// </summary>
    public sealed class CalibrationHistory
    {
        private readonly List<HistoryRecord> _records = new List<HistoryRecord>();
        private readonly Dictionary<string, Dictionary<string, int>> _slots = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        private readonly List<string> _sources = new List<string>();
        private readonly HashSet<string> _knownSources = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The latest record of each task, in the order the tasks were first seen.</summary>
        public IReadOnlyList<HistoryRecord> Records => _records;

        /// <summary>Records replaced by a later record of the same task.</summary>
        public int Superseded { get; private set; }

        /// <summary>Every source added, in the order added (whether or not a record of it survived).</summary>
        public IReadOnlyList<string> Sources => _sources;

        /// <summary>Adds a record; it replaces an earlier record of the same task.</summary>
        public void Add(HistoryRecord record)
        {
            if (record is null) throw new ArgumentNullException(nameof(record));
            if (_knownSources.Add(record.Source)) _sources.Add(record.Source);
            if (!_slots.TryGetValue(record.ProgramId, out var tasks)) _slots[record.ProgramId] = tasks = new Dictionary<string, int>(StringComparer.Ordinal);
            if (tasks.TryGetValue(record.TaskId, out int slot))
            {
                _records[slot] = record;
                Superseded++;
                return;
            }

            tasks[record.TaskId] = _records.Count;
            _records.Add(record);
        }

        /// <summary>Adds records in order (see <see cref="Add"/>).</summary>
        public void AddRange(IEnumerable<HistoryRecord> records)
        {
            if (records is null) throw new ArgumentNullException(nameof(records));
            foreach (var record in records) Add(record);
        }

        /// <summary>
        /// The finished tasks of a scheduled program, as history named <paramref name="source"/>: every task with an
        /// estimate and both actual dates whose most likely estimate and actual duration are positive working days (the
        /// tasks <c>--calibrate</c> learns from in the program itself, measured the same way).
        /// </summary>
        public static IReadOnlyList<HistoryRecord> FinishedTasks(Schedule schedule, string source)
        {
            if (schedule is null) throw new ArgumentNullException(nameof(schedule));
            if (source is null) throw new ArgumentNullException(nameof(source));
            var network = schedule.Network ?? throw new ArgumentException("The schedule was not produced by the scheduler.", nameof(schedule));
            var result = new List<HistoryRecord>();
            var chains = new Dictionary<WorkstreamSymbol, string[]>();
            foreach (var (task, planned, actual) in Calibrator.Finished(network))
            {
                result.Add(new HistoryRecord(schedule.Program.Id, task.Id, planned, actual, Chain(task.Container, chains), task.Phase, source));
            }

            return result;
        }

        /// <summary>The qualified ids of a workstream and those around it, nearest first; shared by the tasks of one workstream.</summary>
        private static string[] Chain(WorkstreamSymbol? workstream, Dictionary<WorkstreamSymbol, string[]> chains)
        {
            if (workstream is null) return Array.Empty<string>();
            if (chains.TryGetValue(workstream, out var known)) return known;
            var ids = new List<string>();
            for (var w = workstream; w != null; w = w.Container) ids.Add(w.Id);
            var chain = ids.ToArray();
            chains[workstream] = chain;
            return chain;
        }
    }

    /// <summary>How many history tasks calibration used from one source.</summary>
    public sealed class HistorySourceCount
    {
        internal HistorySourceCount(string source, int tasks)
        {
            Source = source;
            Tasks = tasks;
        }

        /// <summary>The source as the history named it.</summary>
        public string Source { get; }

        /// <summary>Its finished tasks that calibration learned from.</summary>
        public int Tasks { get; }
    }
}
