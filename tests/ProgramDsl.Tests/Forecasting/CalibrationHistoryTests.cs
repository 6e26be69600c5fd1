using System;
using System.Linq;
using ProgramDsl.Forecasting;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>Calibration from history records (other programs, earlier revisions), with figures worked out by hand.</summary>
    public class CalibrationHistoryTests
    {
        // One finished task of the program, 5 days most likely, took 10 working days (ratio 2); one 10-day task remains.
        private const string OwnBody = "status-date 2027-02-26\n" +
            " task own { estimate 5d 5d 5d  actual-start 2027-01-04  actual-finish 2027-01-15 }\n" +
            " task next { estimate 10d 10d 10d }";

        private static HistoryRecord Record(string task, double estimate, int actual, string source, string program = "q", Phase phase = Phase.None, params string[] workstreams) =>
            new HistoryRecord(program, task, estimate, actual, workstreams, phase, source);

        private static ForecastResult Forecast(string body, CalibrationHistory history, CalibrationScope scope = CalibrationScope.Program, int iterations = 500) =>
            MonteCarloForecast.Run(Schedule(body), new ForecastOptions { Iterations = iterations, Seed = 3, Calibration = scope, History = history });

        [Fact]
        public void History_tasks_are_pooled_with_the_programs_own()
        {
            // Ratios 2 (own), 1 and 4 (history): ln ratios ln2, 0, 2·ln2. μ = ln2; σ² = (0 + ln²2 + ln²2) / 2, so σ = ln2.
            var history = new CalibrationHistory();
            history.AddRange(new[] { Record("a", 5, 5, "plans/q.tpm"), Record("b", 2.5, 10, "plans/q.tpm") });
            var schedule = Schedule(OwnBody);
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 20_000, Seed = 3, Calibration = CalibrationScope.Program, History = history });

            var c = result.Calibration!;
            c.FinishedTasks.Should().Be(1);
            c.HistoryGiven.Should().BeTrue();
            c.HistoryTasks.Should().Be(2);
            c.HistorySuperseded.Should().Be(0);
            c.HistorySources.Select(s => (s.Source, s.Tasks)).Should().Equal(("plans/q.tpm", 2));
            var group = c.Groups.Should().ContainSingle().Subject;
            group.Name.Should().Be("program");
            group.FinishedTasks.Should().Be(3);
            group.HistoryTasks.Should().Be(2);
            group.Mu.Should().BeApproximately(Math.Log(2), 1e-12);
            group.Sigma.Should().BeApproximately(Math.Log(2), 1e-12);
            group.CalibratedTasks.Should().Be(1);

            // The 10-day task after the status date: 10·E[ratio] = 10·e^(μ + σ²/2) = 20·e^(ln²2 / 2) ≈ 25.4 days.
            int cutoff = schedule.Calendar.LastIndexOnOrBefore(D("2027-02-26")) + 1;
            result.Finish.MeanDays.Should().BeApproximately(cutoff + 20 * Math.Exp(Math.Log(2) * Math.Log(2) / 2), 0.5);
        }

        [Fact]
        public void Without_history_the_own_tasks_alone_are_too_few()
        {
            var result = Forecast(OwnBody, new CalibrationHistory());
            result.Calibration!.Groups.Should().BeEmpty();
            result.Calibration.HistoryGiven.Should().BeTrue();
            result.Calibration.HistoryTasks.Should().Be(0);

            var none = MonteCarloForecast.Run(Schedule(OwnBody), new ForecastOptions { Iterations = 10, Calibration = CalibrationScope.Program });
            none.Calibration!.HistoryGiven.Should().BeFalse();
        }

        [Fact]
        public void A_task_seen_in_several_revisions_counts_once_at_its_latest_record()
        {
            var history = new CalibrationHistory();
            history.AddRange(new[] { Record("a", 5, 20, "rev1"), Record("b", 5, 5, "rev1") });
            history.AddRange(new[] { Record("a", 5, 5, "rev2") });

            history.Records.Should().HaveCount(2);
            history.Records.Select(r => (r.TaskId, r.Source)).Should().Equal(("a", "rev2"), ("b", "rev1"));
            history.Superseded.Should().Be(1);
            history.Sources.Should().Equal("rev1", "rev2");

            // ln ratios: ln2 (own), 0 (a at rev2; its 4× at rev1 is superseded), 0 (b): μ = ln2 / 3.
            var c = Forecast(OwnBody, history).Calibration!;
            c.HistoryTasks.Should().Be(2);
            c.HistorySuperseded.Should().Be(1);
            c.HistorySources.Select(s => (s.Source, s.Tasks)).Should().Equal(("rev1", 1), ("rev2", 1));
            c.Groups.Single().Mu.Should().BeApproximately(Math.Log(2) / 3, 1e-12);
        }

        [Fact]
        public void The_same_task_id_in_another_program_is_another_task()
        {
            var history = new CalibrationHistory();
            history.AddRange(new[] { Record("a", 5, 5, "one.tpm", program: "q"), Record("a", 5, 5, "two.tpm", program: "r") });
            history.Records.Should().HaveCount(2);
            history.Superseded.Should().Be(0);
        }

        [Fact]
        public void The_program_itself_is_the_latest_record_of_its_own_tasks()
        {
            // Earlier revisions of program p: 'own' (finished now too), 'next' (finished then, reopened now) and 'gone'
            // (removed since). Only 'gone' is learned from: ln ratios ln2 (own, now) and ln4 (gone), μ = 1.5·ln2.
            var history = new CalibrationHistory();
            history.AddRange(new[] { Record("own", 5, 5, "HEAD~1", program: "p"), Record("next", 10, 10, "HEAD~1", program: "p"), Record("gone", 5, 20, "HEAD~1", program: "p") });
            var c = Forecast(OwnBody, history, iterations: 10).Calibration!;
            c.HistoryTasks.Should().Be(1);
            c.HistorySuperseded.Should().Be(2);
            c.HistorySources.Select(s => (s.Source, s.Tasks)).Should().Equal(("HEAD~1", 1));
            c.Groups.Should().BeEmpty("two finished tasks are fewer than the three a group needs");

            var lower = MonteCarloForecast.Run(Schedule(OwnBody), new ForecastOptions { Iterations = 10, Calibration = CalibrationScope.Program, History = history, MinimumHistory = 2 });
            lower.Calibration!.Groups.Single().Mu.Should().BeApproximately(1.5 * Math.Log(2), 1e-12);
        }

        [Fact]
        public void History_joins_the_workstream_of_the_same_qualified_id_and_always_the_program()
        {
            // No finished task of its own. A record counts for every workstream around it that the program has (by
            // qualified id), and for the program, as the program's own finished tasks do.
            var body = "status-date 2027-02-26\n" +
                " workstream data { workstream eda { task e { estimate 4d 4d 4d } } task d { estimate 4d 4d 4d } }\n" +
                " task loose { estimate 4d 4d 4d }";
            var history = new CalibrationHistory();
            history.AddRange(new[]
            {
                Record("x1", 2, 4, "q.tpm", "q", Phase.None, "data.eda", "data"),
                Record("x2", 2, 4, "q.tpm", "q", Phase.None, "data.eda", "data"),
                Record("x3", 2, 4, "q.tpm", "q", Phase.None, "data.eda", "data"),
                Record("y1", 4, 4, "q.tpm", "q", Phase.None, "data"),
                Record("z1", 4, 4, "q.tpm", "q", Phase.None, "elsewhere"),
                Record("z2", 4, 4, "q.tpm", "q", Phase.None, "elsewhere"),
                Record("z3", 4, 4, "q.tpm", "q", Phase.None, "elsewhere"),
            });

            var c = Forecast(body, history, CalibrationScope.Workstream, 10).Calibration!;
            var groups = c.Groups.ToDictionary(g => g.Name);
            groups.Keys.Should().BeEquivalentTo(new[] { "program", "workstream data.eda", "workstream data" }, "a workstream the program lacks is no group");

            // data.eda: three ratios of 2. data: three of 2 and one of 1. program: three of 2, four of 1.
            groups["workstream data.eda"].FinishedTasks.Should().Be(3);
            groups["workstream data.eda"].MedianRatio.Should().BeApproximately(2, 1e-12);
            groups["workstream data.eda"].CalibratedTasks.Should().Be(1);
            groups["workstream data"].FinishedTasks.Should().Be(4);
            groups["workstream data"].Mu.Should().BeApproximately(0.75 * Math.Log(2), 1e-12);
            groups["workstream data"].CalibratedTasks.Should().Be(1);
            groups["program"].FinishedTasks.Should().Be(7);
            groups["program"].HistoryTasks.Should().Be(7);
            groups["program"].Mu.Should().BeApproximately(3.0 / 7 * Math.Log(2), 1e-12);
            groups["program"].CalibratedTasks.Should().Be(1);
        }

        [Fact]
        public void History_joins_the_phase_by_calibrate_by_phase()
        {
            var body = "status-date 2027-02-26\n task m { estimate 4d 4d 4d  phase modeling }\n task d { estimate 4d 4d 4d  phase data }";
            var history = new CalibrationHistory();
            history.AddRange(Enumerable.Range(0, 3).Select(i => Record("m" + i, 2, 6, "q.tpm", phase: Phase.Modeling, workstreams: "data")));
            history.Add(Record("d0", 4, 4, "q.tpm", phase: Phase.Data));

            var c = Forecast(body, history, CalibrationScope.Phase, 10).Calibration!;
            var groups = c.Groups.ToDictionary(g => g.Name);
            groups.Keys.Should().BeEquivalentTo(new[] { "program", "phase modeling" });
            groups["phase modeling"].MedianRatio.Should().BeApproximately(3, 1e-12);
            groups["phase modeling"].CalibratedTasks.Should().Be(1);
            groups["program"].CalibratedTasks.Should().Be(1, "phase data has one record, fewer than three");
            groups["program"].Mu.Should().BeApproximately(0.75 * Math.Log(3), 1e-12);
        }

        [Fact]
        public void The_finished_tasks_of_a_program_are_measured_as_calibration_measures_its_own()
        {
            // t: effort 10d most likely over two people = 5 days; Mon 4 – Fri 8 Jan = 5 working days.
            // w.v.u: 3 days most likely; Mon 11 – Tue 19 Jan = 7 working days. Unfinished, unestimated tasks and milestones are not history.
            var program = Compile("program q \"Q\" {\n start 2027-01-04\n status-date 2027-02-26\n person a \"A\"\n person b \"B\"\n" +
                " task t { effort 10d  estimate 8d 10d 14d  assign a, b  actual-start 2027-01-04  actual-finish 2027-01-08 }\n" +
                " workstream w { workstream v { task u { estimate 2d 3d 4d  phase data  actual-start 2027-01-11  actual-finish 2027-01-19 } } }\n" +
                " task open { estimate 2d 3d 4d  actual-start 2027-01-11 }\n task plain { duration 2d  actual-start 2027-01-04  actual-finish 2027-01-05 }\n" +
                " milestone m { after t  actual-finish 2027-01-08 }\n}\n");
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();

            var records = CalibrationHistory.FinishedTasks(program.Schedule!, "q.tpm");
            records.Select(r => (r.ProgramId, r.TaskId, r.MostLikelyDays, r.ActualDays, r.Phase, r.Source)).Should().Equal(
                ("q", "t", 5.0, 5, Phase.None, "q.tpm"),
                ("q", "w.v.u", 3.0, 7, Phase.Data, "q.tpm"));
            records[0].Workstreams.Should().BeEmpty();
            records[1].Workstreams.Should().Equal("w.v", "w");
        }

        [Fact]
        public void A_record_needs_positive_days()
        {
            FluentActions.Invoking(() => Record("a", 0, 5, "s")).Should().Throw<ArgumentOutOfRangeException>();
            FluentActions.Invoking(() => Record("a", double.NaN, 5, "s")).Should().Throw<ArgumentOutOfRangeException>();
            FluentActions.Invoking(() => Record("a", 5, 0, "s")).Should().Throw<ArgumentOutOfRangeException>();
        }
    }
}
