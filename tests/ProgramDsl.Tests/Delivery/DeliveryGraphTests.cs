using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Tests.Leveling;

namespace ProgramDsl.Tests.Delivery
{
    /// <summary>
    /// TPM3003–TPM3005 propagate "gate / reviews upstream" and "monitoring downstream" once over the graph; they used
    /// to search from every deployment task, which was quadratic on a chain of deployments.
    /// </summary>
    public class DeliveryGraphTests
    {
        private static string Chain(int n, bool clean)
        {
            var text = new StringBuilder();
            if (clean)
            {
                text.Append("  metric auc \"AUC\" { target >= 0.8  current 0.9 }\n  milestone g \"G\" { gate auc }\n")
                    .Append("  task rv \"R\" { duration 1d  review fairness, privacy, security }\n");
            }

            for (int i = 0; i < n; i++)
            {
                var after = i > 0 ? "  after t" + (i - 1) : clean ? "  after g, rv" : string.Empty;
                text.Append("  task t").Append(i).Append(" { duration 1d  phase deployment").Append(after).Append(" }\n");
            }

            if (clean) text.Append("  task mon { duration 1d  phase monitoring  after t").Append(n - 1).Append(" }\n");
            return LevelingPlans.Text(text.ToString());
        }

        [Fact]
        public void A_chain_of_deployments_follows_each_edge_once_per_direction()
        {
            const int n = 20_000;
            var p = TpmProgram.Parse(Chain(n, clean: true), "plan.tpm", new TpmCompileOptions { Schedule = false });
            p.Diagnostics.Should().BeEmpty("the chain has a gate and the reviews upstream and monitoring at its end");

            var graph = new DeliveryGraph(p.Model!);
            graph.EdgeCount.Should().Be(n + 2);
            graph.Reach(new int[graph.NodeCount], downstream: false);
            graph.Reach(new int[graph.NodeCount], downstream: true);
            graph.EdgesFollowed.Should().Be(2L * graph.EdgeCount, "one pass per direction, not one search per deployment task");
        }

        [Fact]
        public void A_long_unchecked_chain_reports_every_deployment_and_finishes()
        {
            // 20,000 tasks took over a minute of CPU with a search per deployment; a guard against a hang, not a timing.
            var started = DateTime.UtcNow;
            var p = TpmProgram.Parse(Chain(20_000, clean: false), "plan.tpm", new TpmCompileOptions { Schedule = false });
            DeliveryChecks.Run(p.Model!).Count(d => d.Code == "TPM3003").Should().Be(20_000);
            (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(30));
        }

        [Fact]
        public void Cycles_are_contracted_and_a_task_does_not_count_for_itself()
        {
            // deploy and fix form a cycle; only fix carries the reviews and a gate, and watch hangs off the cycle.
            var p = TpmProgram.Parse(LevelingPlans.Text(
                "  metric auc \"AUC\" { target >= 0.8  current 0.9 }\n" +
                "  task deploy \"Deploy\" { duration 1d  phase deployment  after fix  review fairness, privacy, security }\n" +
                "  milestone fix \"Fix\" { after deploy  gate auc }\n" +
                "  task watch \"Watch\" { duration 1d  phase monitoring  after fix }\n" +
                "  task alone \"Alone\" { duration 1d  phase deployment  after alone2 }\n" +
                "  task alone2 \"Alone 2\" { duration 1d  phase monitoring  after alone  review fairness }\n"),
                "plan.tpm", new TpmCompileOptions { Schedule = false });
            p.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            DeliveryChecks.Run(p.Model!).Select(d => d.Code + " " + d.Message).Should().Equal(
                "TPM3005 deployment task 'deploy' has no fairness, privacy, security review upstream; add a task with 'review fairness, privacy, security' that it depends on",
                "TPM3003 deployment task 'alone' has no milestone with a 'gate' upstream; make it depend ('after') on an evaluation milestone that gates a metric",
                "TPM3005 deployment task 'alone' has no privacy, security review upstream; add a task with 'review privacy, security' that it depends on");
        }

        [Fact]
        public void Random_plans_get_the_same_findings_as_a_search_from_every_deployment()
        {
            int checkedPlans = 0;
            for (int seed = 0; seed < 300; seed++)
            {
                var text = RandomPlan(new Random(seed));
                var p = TpmProgram.Parse(text, "plan.tpm", new TpmCompileOptions { Schedule = false });
                if (p.Model is null || p.Diagnostics.Any(d => d.IsError)) continue;
                checkedPlans++;
                var actual = DeliveryChecks.Run(p.Model).Where(d => d.Code == "TPM3003" || d.Code == "TPM3004" || d.Code == "TPM3005")
                    .Select(d => d.Code + " " + d.Message).ToList();
                actual.Should().Equal(Oracle(p.Model), "seed {0}:\n{1}", seed, text);
            }

            checkedPlans.Should().BeGreaterThan(200);
        }

        private static readonly string[] Phases = { "deployment", "deployment", "monitoring", "modeling" };
        private static readonly string[] ReviewKinds = { "fairness", "privacy", "security" };

        /// <summary>Tasks and milestones in nested workstreams with random dependencies (cycles included) on tasks and workstreams.</summary>
        private static string RandomPlan(Random random)
        {
            int taskCount = random.Next(1, 12), wsCount = random.Next(0, 5);
            var wsParent = new int[wsCount];
            for (int w = 0; w < wsCount; w++) wsParent[w] = random.Next(-1, w);
            var taskWs = Enumerable.Range(0, taskCount).Select(_ => random.Next(-1, wsCount)).ToArray();
            var names = Enumerable.Range(0, taskCount).Select(i => "t" + i).Concat(Enumerable.Range(0, wsCount).Select(w => "w" + w)).ToArray();
            string After(int count) => count == 0 ? string.Empty : "  after " + string.Join(", ", Enumerable.Range(0, count).Select(_ => names[random.Next(names.Length)]).Distinct());

            string TaskText(int i)
            {
                if (random.Next(4) == 0) return "milestone t" + i + " \"M\" {" + After(random.Next(0, 3)) + (random.Next(2) == 0 ? "  gate auc" : string.Empty) + " }\n";
                var reviews = ReviewKinds.Where(_ => random.Next(3) == 0).ToList();
                return "task t" + i + " \"T\" { duration 1d  phase " + Phases[random.Next(Phases.Length)] + After(random.Next(0, 3)) +
                    (reviews.Count > 0 ? "  review " + string.Join(", ", reviews) : string.Empty) + " }\n";
            }

            var body = new StringBuilder("  metric auc \"AUC\" { target >= 0.8  current 0.9 }\n");
            void Emit(int ws, string indent)
            {
                for (int i = 0; i < taskCount; i++) if (taskWs[i] == ws) body.Append(indent).Append(TaskText(i));
                for (int w = 0; w < wsCount; w++)
                {
                    if (wsParent[w] != ws) continue;
                    body.Append(indent).Append("workstream w").Append(w).Append(" \"W\" {\n");
                    if (random.Next(2) == 0) body.Append(indent).Append(' ').Append(After(random.Next(1, 3))).Append('\n');
                    Emit(w, indent + "  ");
                    body.Append(indent).Append("}\n");
                }
            }

            Emit(-1, "  ");
            return LevelingPlans.Text(body.ToString());
        }

        /// <summary>The checks as a search from each deployment over the dependencies expanded to tasks (their definition).</summary>
        private static List<string> Oracle(ProgramSymbol program)
        {
            var tasks = program.Tasks;
            IEnumerable<TaskSymbol> Expand(Dependency d) => d.Target is TaskSymbol t ? new[] { t } :
                tasks.Where(x => Containers(x).Contains(d.Target));
            var preds = tasks.Select(t => t.Dependencies.Concat(Containers(t).SelectMany(w => w.Dependencies)).SelectMany(Expand).ToList()).ToArray();
            var succs = tasks.Select(t => tasks.Where(s => preds[s.Index].Contains(t)).ToList()).ToArray();

            HashSet<TaskSymbol> Reach(TaskSymbol start, List<TaskSymbol>[] edges)
            {
                var seen = new HashSet<TaskSymbol>();
                var pending = new Queue<TaskSymbol>(edges[start.Index]);
                while (pending.Count > 0)
                {
                    var t = pending.Dequeue();
                    if (t == start || !seen.Add(t)) continue;
                    foreach (var n in edges[t.Index]) pending.Enqueue(n);
                }

                return seen;
            }

            var result = new List<string>();
            foreach (var deploy in tasks.Where(t => !t.IsMilestone && t.Phase == Phase.Deployment))
            {
                var up = Reach(deploy, preds);
                if (!up.Any(t => t.Gates.Count > 0))
                    result.Add("TPM3003 deployment task '" + deploy.Id + "' has no milestone with a 'gate' upstream; make it depend ('after') on an evaluation milestone that gates a metric");
                if (!Reach(deploy, succs).Any(t => t.Phase == Phase.Monitoring))
                    result.Add("TPM3004 deployment task '" + deploy.Id + "' has no monitoring-phase task after it; add a task with 'phase monitoring' that depends on it");
                var missing = ReviewKinds.Where(k => !up.Any(t => t.Reviews.Contains(k))).ToList();
                if (missing.Count > 0)
                    result.Add("TPM3005 deployment task '" + deploy.Id + "' has no " + string.Join(", ", missing) + " review upstream; add a task with 'review " + string.Join(", ", missing) + "' that it depends on");
            }

            return result;
        }

        private static IEnumerable<WorkstreamSymbol> Containers(TaskSymbol task)
        {
            for (var w = task.Container; w != null; w = w.Container) yield return w;
        }
    }
}
