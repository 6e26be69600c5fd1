using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using ProgramDsl.Forecasting;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Forecasting
{
    /// <summary>
    /// Risks on workstreams (issue 11): they delay each workstream's last tasks once, and the forecast prepares and
    /// applies them in time linear in the tasks and the risks, counted in the work of an iteration.
    /// </summary>
    public class RiskReachTests
    {
        private static ForecastResult Forecast(string body, int iterations = 200, int seed = 1) =>
            MonteCarloForecast.Run(Schedule(body), new ForecastOptions { Iterations = iterations, Seed = seed });

        // a (5d) is followed by inner.b (3d) and d (1d); inner.c (2d) follows b. Last in inner: c; last in outer: c and d.
        private const string Nested =
            "workstream outer {\n task a { duration 5d }\n workstream inner { task b { duration 3d  after outer.a }\n" +
            " task c { duration 2d  after outer.inner.b } }\n task d { duration 1d  after outer.a } }\n";

        [Fact]
        public void A_task_last_in_two_of_a_risks_workstreams_is_delayed_once()
        {
            // c ends the program at day 10; the risk names both workstreams c is last in: 14, not 18.
            var result = Forecast(Nested + " risk r { likelihood 100%  impact 4d  affects outer, outer.inner }");
            result.Finish.MeanDays.Should().Be(14);
        }

        [Fact]
        public void A_task_a_risk_names_and_reaches_through_its_workstream_is_delayed_once()
        {
            var result = Forecast(Nested + " risk r { likelihood 100%  impact 4d  affects outer.inner.c, outer }");
            result.Finish.MeanDays.Should().Be(14);
        }

        [Fact]
        public void A_named_task_that_is_not_last_is_delayed_besides_the_last_ones()
        {
            // a is followed inside outer, so outer's risk does not reach it, but naming it does: 5 + 4 + 3 + 2 + 4 = 18.
            var result = Forecast(Nested + " risk r { likelihood 100%  impact 4d  affects outer, outer.a }");
            result.Finish.MeanDays.Should().Be(18);
        }

        [Fact]
        public void Risks_on_one_workstream_add_up()
        {
            var result = Forecast(Nested + " risk r { likelihood 100%  impact 4d  affects outer }\n risk s { likelihood 100%  impact 3d  affects outer.inner }");
            result.Finish.MeanDays.Should().Be(17);
        }

        [Fact]
        public void An_inner_workstreams_last_task_is_delayed_even_when_a_task_of_the_outer_one_follows_it()
        {
            // b is last in inner2 but followed by e in outer: the risk on inner2 delays b, and e after it: 2 + 3 + 1 + 6.
            var result = Forecast(
                "workstream outer { workstream inner2 { task b { duration 2d } }\n task e { duration 1d  after outer.inner2.b } }\n" +
                " risk r { likelihood 100%  impact 3d  affects outer.inner2 }");
            result.Finish.MeanDays.Should().Be(6);
        }

        [Fact]
        public void A_risk_whose_workstream_holds_only_finished_tasks_is_not_drawn()
        {
            var result = MonteCarloForecast.Run(Schedule(
                "status-date 2027-01-20\n workstream w { task a { duration 5d  progress 100%  actual-start 2027-01-04  actual-finish 2027-01-08 } }\n" +
                " task b { estimate 1d 2d 3d }\n risk r { likelihood 50%  impact 4d  affects w }"), new ForecastOptions { Iterations = 100 });
            result.OpenRisks.Should().Be(0);
        }

        [Fact]
        public void A_risk_on_workstreams_forecasts_exactly_as_the_same_risk_on_their_last_tasks()
        {
            // Random nested plans (dependencies across workstreams, finished and started tasks, leveling on and off):
            // each risk's workstreams replaced by the last tasks worked out naively, from every task inside and every
            // dependency, must give the same draws and so the same forecast, number for number.
            for (int seed = 1; seed <= 40; seed++)
            {
                var plan = RandomPlan.Create(seed);
                var withWorkstreams = Schedule(plan.Text(null));
                var naive = NaiveTargets(withWorkstreams);
                var withTasks = Schedule(plan.Text(naive));
                var options = new ForecastOptions { Iterations = 300, Seed = seed };
                var expected = Summary(MonteCarloForecast.Run(withTasks, options));
                Summary(MonteCarloForecast.Run(withWorkstreams, options)).Should().Be(expected, "plan {0}:\n{1}", seed, plan.Text(null));
            }
        }

        [Fact]
        public void Risks_on_a_workstream_are_prepared_in_linear_size()
        {
            // Each of R risks names a workstream of N tasks that all end it: one shared slot, N reachable tasks, and an
            // iteration's risk work of a few units per task and per risk, where each risk used to carry all N tasks.
            foreach (int size in new[] { 300, 600 })
            {
                var schedule = Schedule(Flat(size, size));
                var model = new ForecastModel(schedule, schedule.Network!, new ForecastOptions());
                model.Risks.Should().HaveCount(size);
                model.Risks.Sum(r => r.Tasks.Length + r.Slots.Length).Should().Be(size, "one slot per risk");
                model.Reach!.SlotCount.Should().Be(1);
                model.Reach.NodeCount.Should().Be(size);
                model.Reach.CellCount.Should().Be(1);
                model.RiskWork.Should().BeLessThanOrEqualTo(3L * (size + size));
            }
        }

        [Fact]
        public void The_work_of_an_iteration_counts_every_risk()
        {
            // One task and 3,000 risks on it: the schedule is a single task, but every iteration draws 3,000 risks.
            var body = new StringBuilder("task t { estimate 1d 2d 3d }\n");
            for (int j = 0; j < 3000; j++) body.Append(" risk r").Append(j).Append(" { likelihood 50%  impact 1d  affects t }\n");
            var result = MonteCarloForecast.Run(Schedule(body.ToString()), new ForecastOptions { Iterations = 10 });
            result.WorkPerIteration.Should().BeGreaterThanOrEqualTo(2 * 3000L);
        }

        [Fact]
        public void The_work_of_an_iteration_grows_linearly_with_tasks_and_risks_on_a_workstream()
        {
            var small = MonteCarloForecast.Run(Schedule(Flat(500, 500)), new ForecastOptions { Iterations = 1 });
            var large = MonteCarloForecast.Run(Schedule(Flat(1000, 1000)), new ForecastOptions { Iterations = 1 });
            ((double)large.WorkPerIteration / small.WorkPerIteration).Should().BeLessThan(2.3);
        }

        [Fact]
        public void Deeply_nested_risks_stay_within_the_nesting_depth_per_workstream()
        {
            // 60 nested workstreams, a task in each after the one inside it, and a risk on every workstream: each task is
            // last in its own workstream only, and the cells of one application are the sum of the depths (60 × 61 / 2).
            var text = new StringBuilder();
            var path = Enumerable.Range(0, 60).Select(k => "w" + k).ToList();
            for (int k = 0; k < 60; k++)
            {
                text.Append("workstream w").Append(k).Append(" { task t").Append(k).Append(" { estimate 1d 2d 3d");
                if (k < 59) text.Append("  after ").Append(string.Join(".", path.Take(k + 2))).Append(".t").Append(k + 1);
                text.Append(" }\n");
            }

            text.Append(new string('}', 60)).Append('\n');
            for (int k = 0; k < 60; k++) text.Append(" risk r").Append(k).Append(" { likelihood 50%  impact 2d  affects ").Append(string.Join(".", path.Take(k + 1))).Append(" }\n");
            var schedule = Schedule(text.ToString());
            var model = new ForecastModel(schedule, schedule.Network!, new ForecastOptions());
            model.Risks.Should().HaveCount(60);
            model.Reach!.CellCount.Should().Be(60 * 61 / 2);
            model.Reach.NodeCount.Should().Be(60);
            // 60 tasks of 2 days in a chain, each delayed 2 days half the time: about 180 days.
            MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 200 }).Finish.MeanDays.Should().BeInRange(170, 190);
        }

        [Fact]
        public void Ten_thousand_risks_on_a_ten_thousand_task_workstream_do_not_hang()
        {
            // This took minutes when each risk carried every task of the workstream (setup and iterations risks × tasks).
            var schedule = Schedule(Flat(10_000, 10_000));
            var watch = Stopwatch.StartNew();
            var result = MonteCarloForecast.Run(schedule, new ForecastOptions { Iterations = 64, WorkBudget = 300_000_000 });
            watch.Stop();
            result.Iterations.Should().Be(64);
            result.OpenRisks.Should().Be(10_000);
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30));
        }

        /// <summary>Leveling off, N three-point tasks in one workstream and R risks on it.</summary>
        private static string Flat(int tasks, int risks)
        {
            var text = new StringBuilder("leveling off\n person o \"O\"\n workstream big {\n");
            for (int i = 0; i < tasks; i++) text.Append(" task t").Append(i).Append(" { estimate 1d 2d 30d }\n");
            text.Append("}\n");
            for (int j = 0; j < risks; j++) text.Append(" risk r").Append(j).Append(" { likelihood 50%  impact 10d  owner o  mitigation \"m\"  affects big }\n");
            return text.ToString();
        }

        /// <summary>
        /// Every risk's targets with each workstream replaced by its last tasks, worked out the plain way: the tasks
        /// inside it (at any depth) that no dependency leads from to another task inside it.
        /// </summary>
        private static List<string>[] NaiveTargets(Schedule schedule)
        {
            var network = schedule.Network!;
            var tasks = network.Graph.Tasks;
            var edges = network.Edges.Where(e => e.From < tasks.Count && e.To < tasks.Count).ToList();
            var result = new List<string>[schedule.Program.Risks.Count];
            for (int j = 0; j < result.Length; j++)
            {
                var targets = new List<string>();
                foreach (var target in schedule.Program.Risks[j].Affects)
                {
                    if (target is TaskSymbol t) targets.Add(t.Id);
                    if (target is not WorkstreamSymbol w) continue;
                    var inside = new HashSet<int>(tasks.Where(task => Within(task, w)).Select(task => task.Index));
                    targets.AddRange(inside.Where(v => !edges.Any(e => e.From == v && inside.Contains(e.To))).Select(v => tasks[v].Id));
                }

                result[j] = targets.Distinct().ToList();
            }

            return result;
        }

        private static bool Within(TaskSymbol task, WorkstreamSymbol workstream)
        {
            for (var c = task.Container; c != null; c = c.Container) if (c == workstream) return true;
            return false;
        }

        private static string Summary(ForecastResult r)
        {
            var text = new StringBuilder();
            text.Append(r.OpenRisks).Append(' ').Append(r.Finish.MeanDays.ToString("R", CultureInfo.InvariantCulture)).Append(' ')
                .Append(r.Finish.P50).Append(' ').Append(r.Finish.P80).Append(' ').Append(r.Finish.P95).Append('\n');
            foreach (var t in r.Tasks) text.Append(t.Task.Id).Append(' ').Append(t.Criticality.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            foreach (var d in r.Drivers) text.Append(d.Symbol.Id).Append(' ').Append(d.Correlation.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            return text.ToString();
        }

        /// <summary>A random nested plan whose risks' targets can be rewritten.</summary>
        private sealed class RandomPlan
        {
            private readonly List<string> _lines = new List<string>();
            private readonly List<(string Head, List<string> Targets)> _risks = new List<(string, List<string>)>();

            public static RandomPlan Create(int seed)
            {
                var random = new Random(seed);
                var plan = new RandomPlan();
                var tasks = new List<string>();
                var workstreams = new List<string>();
                int count = 0;
                plan._lines.Add("status-date 2027-01-20");
                plan._lines.Add(random.Next(2) == 0 ? "leveling on" : "leveling off");
                plan._lines.Add("person o \"O\"");
                plan._lines.Add("person q \"Q\"");

                // An explicit stack of (prefix, depth, members left) instead of recursion.
                var stack = new Stack<(string Prefix, int Depth, int Left)>();
                stack.Push(("", 0, random.Next(2, 6)));
                while (stack.Count > 0)
                {
                    var (prefix, depth, left) = stack.Pop();
                    if (left == 0)
                    {
                        if (depth > 0) plan._lines.Add("}");
                        continue;
                    }

                    stack.Push((prefix, depth, left - 1));
                    string name = "n" + ++count;
                    if (depth < 4 && random.NextDouble() < 0.35)
                    {
                        workstreams.Add(prefix + name);
                        plan._lines.Add("workstream " + name + " {");
                        if (tasks.Count > 0 && random.NextDouble() < 0.2) plan._lines.Add("after " + tasks[random.Next(tasks.Count)]);
                        stack.Push((prefix + name + ".", depth + 1, random.Next(1, 5)));
                        continue;
                    }

                    var line = new StringBuilder(random.NextDouble() < 0.1 ? "milestone " + name + " {" : "task " + name + " {");
                    if (!line.ToString().StartsWith("milestone", StringComparison.Ordinal))
                    {
                        int o = random.Next(1, 6), m = o + random.Next(0, 6), p = m + random.Next(0, 11);
                        line.Append(" estimate ").Append(o).Append("d ").Append(m).Append("d ").Append(p).Append('d');
                        if (random.NextDouble() < 0.5) line.Append("  assign ").Append(random.Next(2) == 0 ? "o" : "q");
                        double status = random.NextDouble();
                        if (status < 0.1) line.Append("  progress 100%  actual-start 2027-01-04  actual-finish 2027-01-08");
                        else if (status < 0.15) line.Append("  progress 30%  actual-start 2027-01-05");
                    }

                    if (tasks.Count > 0 && random.NextDouble() < 0.6)
                    {
                        var after = Enumerable.Range(0, random.Next(1, 4)).Select(_ => tasks[random.Next(tasks.Count)]).Distinct().OrderBy(s => s, StringComparer.Ordinal);
                        line.Append("  after ").Append(string.Join(", ", after));
                    }

                    plan._lines.Add(line.Append(" }").ToString());
                    tasks.Add(prefix + name);
                }

                int risks = random.Next(1, 9);
                for (int j = 0; j < risks; j++)
                {
                    var targets = new List<string>();
                    for (int k = random.Next(1, 5); k > 0; k--)
                    {
                        targets.Add(workstreams.Count > 0 && random.NextDouble() < 0.6 ? workstreams[random.Next(workstreams.Count)] : tasks[random.Next(tasks.Count)]);
                    }

                    string head = "risk r" + j + " { likelihood " + (10 + 20 * random.Next(5)) + "%  impact " + random.Next(1, 13) + "d  owner o  mitigation \"m\"";
                    plan._risks.Add((head, targets.Distinct().OrderBy(s => s, StringComparer.Ordinal).ToList()));
                }

                return plan;
            }

            /// <summary>The plan, with each risk's targets as drawn or as given.</summary>
            public string Text(List<string>[]? targets)
            {
                var text = new StringBuilder(string.Join("\n", _lines)).Append('\n');
                for (int j = 0; j < _risks.Count; j++)
                {
                    var list = targets?[j] ?? _risks[j].Targets;
                    text.Append(_risks[j].Head);
                    if (list.Count > 0) text.Append("  affects ").Append(string.Join(", ", list));
                    text.Append(" }\n");
                }

                return text.ToString();
            }
        }
    }
}
