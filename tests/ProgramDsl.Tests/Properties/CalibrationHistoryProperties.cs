using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Forecasting;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>Properties of calibration history: each task once at its latest record, the program's own tasks latest of all.</summary>
    public class CalibrationHistoryProperties
    {
        // Program p: 'own' finished (5 days most likely, 10 taken: ratio 2), 'next' still to do.
        private static readonly ProgramDsl.Scheduling.Schedule Own = Schedule("status-date 2027-02-26\n" +
            " task own { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-15 }\n task next { estimate 10d 10d 10d }");

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        /// <summary>Records over three programs (p is the forecast one) and four task ids, in sources added one after another.</summary>
        private static readonly Gen<(int Program, int Task, int Actual, int Source)[]> Histories =
            Gen.Select(Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[1, 40], Gen.Int[0, 3]).Array[0, 40];

        [Fact]
        public void Each_task_counts_once_at_its_latest_record_and_never_over_the_programs_own()
        {
            string[] programs = { "p", "q", "r" };
            string[] tasks = { "own", "next", "a", "b" };
            Histories.Sample(raw =>
            {
                // Sources are added in order: sort by source, keeping the generated order within one.
                var ordered = raw.Select((r, i) => (r, i)).OrderBy(x => x.r.Source).ThenBy(x => x.i).Select(x => x.r).ToList();
                var history = new CalibrationHistory();
                foreach (var r in ordered) history.Add(new HistoryRecord(programs[r.Program], tasks[r.Task], 5, r.Actual, Array.Empty<string>(), Phase.None, "s" + r.Source));

                // By hand: the last record of each (program, task); of those, the ones p itself does not declare are learned.
                var latest = new Dictionary<(int, int), (int Actual, int Source)>();
                foreach (var r in ordered) latest[(r.Program, r.Task)] = (r.Actual, r.Source);
                var learned = latest.Where(e => !(e.Key.Item1 == 0 && e.Key.Item2 <= 1)).Select(e => e.Value).ToList();

                Check(history.Records.Count == latest.Count, () => $"{history.Records.Count} records, {latest.Count} tasks");
                Check(history.Superseded == ordered.Count - latest.Count, () => $"superseded {history.Superseded}");
                foreach (var record in history.Records)
                {
                    var expected = latest[(Array.IndexOf(programs, record.ProgramId), Array.IndexOf(tasks, record.TaskId))];
                    Check(record.ActualDays == expected.Actual && record.Source == "s" + expected.Source, () => $"{record.ProgramId}.{record.TaskId} is not its latest record");
                }

                var c = MonteCarloForecast.Run(Own, new ForecastOptions { Iterations = 1, Calibration = CalibrationScope.Program, History = history, MinimumHistory = 1 }).Calibration!;
                Check(c.HistoryTasks == learned.Count, () => $"history tasks {c.HistoryTasks}, expected {learned.Count}");
                Check(c.HistorySuperseded == ordered.Count - learned.Count, () => $"history superseded {c.HistorySuperseded}");
                Check(c.HistorySources.Sum(s => s.Tasks) == learned.Count, () => "the sources do not add up");
                Check(c.HistorySources.Select(s => s.Source).SequenceEqual(c.HistorySources.Select(s => s.Source).OrderBy(s => s, StringComparer.Ordinal)),
                    () => "sources out of the order they were added");
                double mu = learned.Select(l => Math.Log(l.Actual / 5.0)).Append(Math.Log(2)).Average();
                var group = c.Groups.Single();
                Check(group.FinishedTasks == learned.Count + 1 && Math.Abs(group.Mu - mu) < 1e-9, () => $"program group μ {group.Mu}, expected {mu}");
            }, iter: 300);
        }
    }
}
