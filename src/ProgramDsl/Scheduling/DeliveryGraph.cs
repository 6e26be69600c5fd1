using System.Collections.Generic;
using ProgramDsl.Scheduling.Graphs;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling
{
    /// <summary>
    /// The dependency graph the delivery checks follow, with what reaches each task computed once for all tasks.
    /// </summary>
    /// <remarks>
    /// Workstreams add two nodes each, so that a dependency on a workstream and a workstream's own <c>after</c> cost
    /// one edge rather than one per task: "all tasks of W" (each task and nested workstream of W points into it) and
    /// "after W" (points into each task and nested workstream of W). Tasks are reachable from each other through
    /// these nodes exactly as through the expanded task-to-task dependencies. Delivery checks also run when the
    /// scheduler will report a cycle, so strongly connected components are contracted: the propagation is one pass
    /// over a topological order of the contracted graph, linear in tasks, workstreams and dependencies.
    /// </remarks>
    internal sealed class DeliveryGraph
    {
        private readonly int _taskCount;
        private readonly int[] _component;
        private readonly DependencyGraph _graph;
        private readonly int[] _order;
        private readonly List<List<int>> _cycles;

        public DeliveryGraph(ProgramSymbol program)
        {
            var tasks = program.Tasks;
            var workstreams = program.Workstreams;
            _taskCount = tasks.Count;
            NodeCount = _taskCount + 2 * workstreams.Count;
            int AllOf(WorkstreamSymbol w) => _taskCount + 2 * w.Index;
            int After(WorkstreamSymbol w) => _taskCount + 2 * w.Index + 1;
            int NodeOf(Symbol target) => target is WorkstreamSymbol w ? AllOf(w) : ((TaskSymbol)target).Index;

            // From the predecessor to the node that depends on it, whatever the dependency type.
            var from = new List<int>();
            var to = new List<int>();
            void Add(int f, int t)
            {
                from.Add(f);
                to.Add(t);
            }

            foreach (var task in tasks)
            {
                foreach (var d in task.Dependencies) if (d.Target is TaskSymbol || d.Target is WorkstreamSymbol) Add(NodeOf(d.Target), task.Index);
                if (task.Container != null) Add(After(task.Container), task.Index);
            }

            foreach (var w in workstreams)
            {
                foreach (var d in w.Dependencies) if (d.Target is TaskSymbol || d.Target is WorkstreamSymbol) Add(NodeOf(d.Target), After(w));
                if (w.Container != null) Add(After(w.Container), After(w));
                foreach (var child in w.Children)
                {
                    if (child is TaskSymbol t) Add(t.Index, AllOf(w));
                    else if (child is WorkstreamSymbol cw) Add(AllOf(cw), AllOf(w));
                }
            }

            var graph = new DependencyGraph(NodeCount, from.ToArray(), to.ToArray());
            var order = graph.TopologicalOrder();
            _component = new int[NodeCount];
            for (int v = 0; v < NodeCount; v++) _component[v] = v;
            _cycles = new List<List<int>>();
            if (order.Length < NodeCount)
            {
                // Contract each cycle into its first node; the contracted graph has a complete topological order.
                var ordered = new bool[NodeCount];
                foreach (int v in order) ordered[v] = true;
                _cycles = graph.CyclicComponents(ordered);
                foreach (var cycle in _cycles)
                {
                    cycle.Sort();
                    foreach (int v in cycle) _component[v] = cycle[0];
                }

                var contractedFrom = new List<int>(from.Count);
                var contractedTo = new List<int>(from.Count);
                for (int i = 0; i < from.Count; i++)
                {
                    int f = _component[from[i]], t = _component[to[i]];
                    if (f == t) continue;
                    contractedFrom.Add(f);
                    contractedTo.Add(t);
                }

                graph = new DependencyGraph(NodeCount, contractedFrom.ToArray(), contractedTo.ToArray());
                order = graph.TopologicalOrder();
            }

            _graph = graph;
            _order = order;
        }

        /// <summary>Tasks plus two nodes per workstream.</summary>
        public int NodeCount { get; }

        /// <summary>The edges of the (contracted) graph: linear in the tasks, workstreams and dependencies.</summary>
        public int EdgeCount => _graph.EdgeCount;

        /// <summary>Edges followed by <see cref="Reach"/> calls so far: each call follows every edge once (tests check the bound).</summary>
        public long EdgesFollowed { get; private set; }

        /// <summary>
        /// For every node, the union of <paramref name="own"/> over the tasks upstream of it (or downstream), not
        /// counting the node itself: the same as a search from each node, in one pass.
        /// </summary>
        public int[] Reach(int[] own, bool downstream)
        {
            // What each contracted node holds itself: the union over its members.
            var held = new int[NodeCount];
            for (int v = 0; v < _taskCount; v++) held[_component[v]] |= own[v];

            var beyond = new int[NodeCount];
            var offsets = downstream ? _graph.SuccessorOffsets : _graph.PredecessorOffsets;
            var adjacent = downstream ? _graph.Successors : _graph.Predecessors;
            for (int k = 0; k < _order.Length; k++)
            {
                int v = _order[downstream ? _order.Length - 1 - k : k];
                int bits = 0;
                for (int i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    int next = adjacent[i];
                    bits |= held[next] | beyond[next];
                }

                EdgesFollowed += offsets[v + 1] - offsets[v];

                beyond[v] = bits;
            }

            var result = new int[NodeCount];
            for (int v = 0; v < NodeCount; v++) result[v] = beyond[_component[v]];

            // In a cycle every member reaches every other: add the others' bits (prefix and suffix unions skip the node itself).
            foreach (var cycle in _cycles)
            {
                var suffix = new int[cycle.Count + 1];
                for (int i = cycle.Count - 1; i >= 0; i--) suffix[i] = suffix[i + 1] | (cycle[i] < _taskCount ? own[cycle[i]] : 0);
                int prefix = 0;
                for (int i = 0; i < cycle.Count; i++)
                {
                    result[cycle[i]] |= prefix | suffix[i + 1];
                    if (cycle[i] < _taskCount) prefix |= own[cycle[i]];
                }
            }

            return result;
        }
    }
}
