using System.Linq;
using FluentAssertions;
using ProgramDsl.Scheduling.Graphs;
using Xunit;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>The core graph rules every stage shares: orders, components and shortest cycles.</summary>
    public class DependencyGraphTests
    {
        private static DependencyGraph Graph(int n, params (int From, int To)[] edges) =>
            new DependencyGraph(n, edges.Select(e => e.From).ToArray(), edges.Select(e => e.To).ToArray());

        [Fact]
        public void Kahn_first_in_first_out_takes_ready_nodes_in_the_order_they_became_ready()
        {
            // 3 and 0 are sources; 0 releases 2 then 1; 3 releases 4.
            var graph = Graph(5, (0, 2), (0, 1), (3, 4), (2, 4));

            graph.TopologicalOrder().Should().Equal(0, 3, 2, 1, 4);
        }

        [Fact]
        public void A_keyed_order_takes_the_smallest_key_and_a_backward_one_puts_nodes_after_their_successors()
        {
            var graph = Graph(4, (0, 1), (0, 2), (1, 3), (2, 3));
            var keys = new long[] { 0, 5, 1, 0 };
            var forward = new ReadyByKey(new NodeHeap(4, keys));
            var order = new int[4];

            graph.TopologicalOrder(ref forward, order, backward: false).Should().Be(4);
            order.Should().Equal(0, 2, 1, 3);

            var backward = new ReadyByKey(new NodeHeap(4, keys));
            graph.TopologicalOrder(ref backward, order, backward: true).Should().Be(4);
            order.Should().Equal(3, 2, 1, 0);
        }

        [Fact]
        public void A_cycle_leaves_its_nodes_and_those_after_it_out_of_the_order()
        {
            var graph = Graph(5, (0, 1), (1, 2), (2, 1), (2, 3), (4, 4));

            graph.TopologicalOrder().Should().Equal(0);
        }

        [Fact]
        public void Components_with_a_cycle_include_self_loops_and_skip_excluded_nodes()
        {
            var graph = Graph(6, (0, 1), (1, 0), (2, 3), (3, 4), (4, 2), (5, 5), (1, 2));

            var all = graph.CyclicComponents(null).Select(c => c.OrderBy(v => v).ToArray()).ToList();
            all.Should().HaveCount(3);
            all[0].Should().Equal(2, 3, 4);
            all[1].Should().Equal(0, 1);
            all[2].Should().Equal(5);

            var excluded = new bool[6];
            excluded[3] = true;
            graph.CyclicComponents(excluded).Select(c => c.OrderBy(v => v).ToArray()).Should().BeEquivalentTo(new[] { new[] { 0, 1 }, new[] { 5 } });
        }

        [Fact]
        public void The_shortest_cycle_through_a_node_stays_inside_and_lists_its_edges_from_the_start()
        {
            // 0 → 1 → 2 → 3 → 0 is long; 0 → 4 → 3 → 0 is the shortest; 5 would be shorter but is outside.
            var graph = Graph(6, (0, 1), (1, 2), (2, 3), (3, 0), (0, 4), (4, 3), (0, 5), (5, 0));

            var cycle = graph.ShortestCycle(0, v => v != 5, out var edges);

            cycle.Should().Equal(0, 4, 3);
            edges.Should().Equal(4, 5, 3);
            graph.ShortestCycle(1, v => v == 1 || v == 2, out var none).Should().BeEmpty();
            none.Should().BeEmpty();
        }

        [Fact]
        public void A_chain_of_200000_nodes_is_ordered_and_a_closed_one_is_found_without_recursion()
        {
            const int n = 200_000;
            var from = Enumerable.Range(0, n).ToArray();
            var to = Enumerable.Range(1, n).Select(v => v % n).ToArray();
            var open = new DependencyGraph(n, from.Take(n - 1).ToArray(), to.Take(n - 1).ToArray());
            open.TopologicalOrder().Should().Equal(Enumerable.Range(0, n));

            var closed = new DependencyGraph(n, from, to);
            closed.TopologicalOrder().Should().BeEmpty();
            var components = closed.CyclicComponents(null);
            components.Should().ContainSingle().Which.Should().HaveCount(n);
            closed.ShortestCycle(0, _ => true, out var edges).Should().HaveCount(n);
            edges.Should().Equal(Enumerable.Range(0, n));
        }
    }
}
