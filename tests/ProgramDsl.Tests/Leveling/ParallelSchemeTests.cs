using System;
using System.Linq;
using CsCheck;
using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>The parallel (time-incrementing) schedule generation scheme behind the second half of the priority rules.</summary>
    public class ParallelSchemeTests
    {
        [Fact]
        public void Work_that_can_start_now_is_not_kept_waiting_for_a_higher_priority_activity_that_cannot()
        {
            // Capacity 2. a (2 units, 3 days) is first in key order but released only on day 2; b (1 unit, 2 days)
            // and c (1 unit, 5 days) can start on day 0. Parallel: at t = 0, a is not available, b and c start;
            // a waits for both units, which c holds until day 5. Order b, c, a (the serial scheme on a, b, c would
            // have put a at 2 and pushed c behind it).
            var builder = new RcpspBuilder();
            builder.AddResource(2);
            int a = builder.AddActivity(3, release: 2);
            int b = builder.AddActivity(2);
            int c = builder.AddActivity(5);
            builder.AddDemand(a, 0, 2);
            builder.AddDemand(b, 0, 1);
            builder.AddDemand(c, 0, 1);
            var engine = new Engine(builder.Build());

            var order = engine.ParallelOrder(new long[] { 0, 1, 2 });
            var schedule = engine.Forward(order);

            order.Should().Equal(b, c, a);
            schedule.Start.Should().Equal(5, 0, 0);
            schedule.Makespan.Should().Be(8);
            engine.Forward(new[] { a, b, c }).Makespan.Should().Be(10, "serially, a goes first at day 2 and c waits for it");
        }

        [Fact]
        public void Successors_wait_for_their_predecessors_and_start_at_the_same_decision_time_when_free()
        {
            // x (1 unit, 2 days) → y (1 unit, 1 day) with ss+0 and y → z fs; capacity 2: x and y start together at 0.
            var builder = new RcpspBuilder();
            builder.AddResource(2);
            int x = builder.AddActivity(2);
            int y = builder.AddActivity(1);
            int z = builder.AddActivity(1);
            foreach (int j in new[] { x, y, z }) builder.AddDemand(j, 0, 1);
            builder.AddPrecedence(x, y, DependencyType.StartToStart, 0);
            builder.AddPrecedence(y, z, DependencyType.FinishToStart, 0);
            var engine = new Engine(builder.Build());

            var order = engine.ParallelOrder(new long[] { 0, 0, 0 });
            var schedule = engine.Forward(order);

            order.Should().Equal(x, y, z);
            schedule.Start.Should().Equal(0, 0, 1);
        }

        [Fact]
        public void On_random_problems_the_order_is_a_topological_permutation_and_decodes_to_a_feasible_schedule()
        {
            var gen = Gen.Select(Gen.Int[1, 3], Gen.Int[2, 25], Gen.Int[0, int.MaxValue]);
            gen.Sample((resources, n, seed) =>
            {
                var random = new Random(seed);
                var builder = new RcpspBuilder();
                var capacity = Enumerable.Range(0, resources).Select(_ => random.Next(1, 5)).ToArray();
                foreach (int cap in capacity) builder.AddResource(cap);
                var duration = new int[n];
                var demand = new int[n, resources];
                var preds = new System.Collections.Generic.List<int>[n];
                for (int j = 0; j < n; j++)
                {
                    duration[j] = random.Next(0, 6);
                    builder.AddActivity(duration[j], release: random.Next(0, 3) == 0 ? random.Next(0, 5) : 0);
                    for (int r = 0; r < resources; r++)
                    {
                        demand[j, r] = random.Next(0, capacity[r] + 1);
                        if (demand[j, r] > 0) builder.AddDemand(j, r, demand[j, r]);
                    }

                    preds[j] = new System.Collections.Generic.List<int>();
                    for (int k = 0; k < 2 && j > 0; k++)
                    {
                        int p = random.Next(0, j);
                        if (random.Next(0, 2) == 0 && !preds[j].Contains(p))
                        {
                            preds[j].Add(p);
                            builder.AddPrecedence(p, j, DependencyType.FinishToStart, 0);
                        }
                    }
                }

                var engine = new Engine(builder.Build());
                var key = Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 100)).ToArray();
                var order = engine.ParallelOrder(key);

                order.OrderBy(j => j).Should().Equal(Enumerable.Range(0, n));
                var position = new int[n];
                for (int i = 0; i < n; i++) position[order[i]] = i;
                for (int j = 0; j < n; j++) preds[j].All(p => position[p] < position[j]).Should().BeTrue("every predecessor of {0} comes before it", j);

                var s = engine.Forward(order);
                int horizon = s.Makespan + 1;
                var usage = new int[resources, horizon];
                for (int j = 0; j < n; j++)
                {
                    foreach (int p in preds[j]) s.Start[j].Should().BeGreaterThanOrEqualTo(s.Finish[p]);
                    for (int day = s.Start[j]; day < s.Finish[j]; day++)
                    {
                        for (int r = 0; r < resources; r++) usage[r, day] += demand[j, r];
                    }
                }

                for (int r = 0; r < resources; r++)
                {
                    for (int day = 0; day < horizon; day++) usage[r, day].Should().BeLessThanOrEqualTo(capacity[r]);
                }
            }, iter: 300);
        }
    }
}
