using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling.Graphs
{
    /// <summary>
    /// A directed graph over the nodes 0 … n − 1, compressed both ways (CSR): every node's outgoing and incoming edges,
    /// each group in the order the edges were given. The one home of the graph rules the scheduler, the leveler, the
    /// delivery checks and the builder analyzer share: Kahn's topological order, strongly connected components and a
    /// shortest cycle through a node. Every algorithm is iterative and linear in nodes plus edges (a keyed order adds a
    /// logarithm per node), so a 100,000-task chain neither overflows the stack nor goes quadratic.
    /// </summary>
    internal sealed class DependencyGraph
    {
        /// <summary>A graph of <paramref name="nodeCount"/> nodes with edge i from <paramref name="from"/>[i] to <paramref name="to"/>[i].</summary>
        public DependencyGraph(int nodeCount, int[] from, int[] to)
            : this(Build(nodeCount, new EdgeArrays(from, to), precedences: false))
        {
        }

        private DependencyGraph(Parts parts)
        {
            NodeCount = parts.NodeCount;
            EdgeCount = parts.EdgeCount;
            (SuccessorOffsets, SuccessorEdges, Successors) = (parts.Out.Offsets, parts.Out.Edges, parts.Out.Nodes);
            (PredecessorOffsets, PredecessorEdges, Predecessors) = (parts.In.Offsets, parts.In.Edges, parts.In.Nodes);
            (SuccessorTypes, SuccessorLags) = (parts.OutTypes, parts.OutLags);
            (PredecessorTypes, PredecessorLags) = (parts.InTypes, parts.InLags);
        }

        /// <summary>
        /// A precedence network: each edge also has a dependency type and a lag, kept per slot beside the neighbour
        /// (<see cref="PredecessorTypes"/>, <see cref="SuccessorLags"/>, …) so the date passes of <see cref="Precedences"/>
        /// read them in order. Read straight from the caller's edges (no copies of the edge list).
        /// </summary>
        public static DependencyGraph Network<TEdges>(int nodeCount, TEdges edges)
            where TEdges : struct, IEdgeList =>
            new DependencyGraph(Build(nodeCount, edges, precedences: true));

        public int NodeCount { get; }

        public int EdgeCount { get; }

        /// <summary>Node v's outgoing edges sit at slots SuccessorOffsets[v] … SuccessorOffsets[v + 1] − 1 (n + 1 offsets).</summary>
        public int[] SuccessorOffsets { get; }

        /// <summary>Per slot, the index of the outgoing edge (as given to the constructor).</summary>
        public int[] SuccessorEdges { get; }

        /// <summary>Per slot, the node the outgoing edge leads to.</summary>
        public int[] Successors { get; }

        /// <summary>Node v's incoming edges sit at slots PredecessorOffsets[v] … PredecessorOffsets[v + 1] − 1.</summary>
        public int[] PredecessorOffsets { get; }

        /// <summary>Per slot, the index of the incoming edge.</summary>
        public int[] PredecessorEdges { get; }

        /// <summary>Per slot, the node the incoming edge comes from.</summary>
        public int[] Predecessors { get; }

        /// <summary>Per outgoing slot, the type of the edge (precedence networks only).</summary>
        public DependencyType[]? SuccessorTypes { get; }

        /// <summary>Per outgoing slot, the lag of the edge in days (precedence networks only).</summary>
        public int[]? SuccessorLags { get; }

        /// <summary>Per incoming slot, the type of the edge (precedence networks only).</summary>
        public DependencyType[]? PredecessorTypes { get; }

        /// <summary>Per incoming slot, the lag of the edge in days (precedence networks only).</summary>
        public int[]? PredecessorLags { get; }

        private sealed class Parts
        {
            public int NodeCount;
            public int EdgeCount;
            public (int[] Offsets, int[] Edges, int[] Nodes) Out;
            public (int[] Offsets, int[] Edges, int[] Nodes) In;
            public DependencyType[]? OutTypes;
            public int[]? OutLags;
            public DependencyType[]? InTypes;
            public int[]? InLags;
        }

        private static Parts Build<TEdges>(int nodeCount, TEdges edges, bool precedences)
            where TEdges : struct, IEdgeList
        {
            var parts = new Parts
            {
                NodeCount = nodeCount,
                EdgeCount = edges.Count,
                Out = Compress(nodeCount, edges, outgoing: true),
                In = Compress(nodeCount, edges, outgoing: false),
            };
            if (precedences)
            {
                (parts.OutTypes, parts.OutLags) = PerSlot(parts.Out.Edges, edges);
                (parts.InTypes, parts.InLags) = PerSlot(parts.In.Edges, edges);
            }

            return parts;
        }

        private static (DependencyType[] Types, int[] Lags) PerSlot<TEdges>(int[] slots, TEdges edges)
            where TEdges : struct, IEdgeList
        {
            var types = new DependencyType[slots.Length];
            var lags = new int[slots.Length];
            for (int i = 0; i < slots.Length; i++)
            {
                types[i] = edges.Type(slots[i]);
                lags[i] = edges.Lag(slots[i]);
            }

            return (types, lags);
        }

        /// <summary>Slots grouped by the edge's tail (outgoing) or head, each group in edge order.</summary>
        [MethodImpl(Hot.Loop)]
        private static (int[] Offsets, int[] Edges, int[] Nodes) Compress<TEdges>(int nodeCount, TEdges edges, bool outgoing)
            where TEdges : struct, IEdgeList
        {
            int count = edges.Count;
            var offsets = new int[nodeCount + 1];
            for (int i = 0; i < count; i++) offsets[(outgoing ? edges.From(i) : edges.To(i)) + 1]++;
            for (int v = 0; v < nodeCount; v++) offsets[v + 1] += offsets[v];
            var fill = new int[nodeCount];
            Array.Copy(offsets, fill, nodeCount);
            var slots = new int[count];
            var nodes = new int[count];
            for (int i = 0; i < count; i++)
            {
                int slot = fill[outgoing ? edges.From(i) : edges.To(i)]++;
                slots[slot] = i;
                nodes[slot] = outgoing ? edges.To(i) : edges.From(i);
            }

            return (offsets, slots, nodes);
        }

        /// <summary>
        /// Kahn's order, first in first out from the lowest index, so it is deterministic. Shorter than
        /// <see cref="NodeCount"/> when the graph has a cycle: then it holds the nodes no cycle reaches.
        /// </summary>
        public int[] TopologicalOrder()
        {
            var ready = new ReadyQueue(NodeCount);
            var order = new int[NodeCount];
            int count = TopologicalOrder(ref ready, order, backward: false);
            if (count < order.Length) Array.Resize(ref order, count);
            return order;
        }

        /// <summary>
        /// Kahn's algorithm with the ready nodes kept by <paramref name="ready"/> (first in first out, smallest key, …):
        /// writes the order into <paramref name="order"/> and returns how many nodes it holds (fewer than
        /// <see cref="NodeCount"/> on a cycle). <paramref name="backward"/> orders every node after all its successors.
        /// </summary>
        [MethodImpl(Hot.Loop)]
        public int TopologicalOrder<TReady>(ref TReady ready, int[] order, bool backward)
            where TReady : struct, IReadyNodes
        {
            var degreeOffsets = backward ? SuccessorOffsets : PredecessorOffsets;
            var offsets = backward ? PredecessorOffsets : SuccessorOffsets;
            var next = backward ? Predecessors : Successors;
            var waiting = new int[NodeCount];
            for (int v = 0; v < waiting.Length; v++)
            {
                waiting[v] = degreeOffsets[v + 1] - degreeOffsets[v];
                if (waiting[v] == 0) ready.Push(v);
            }

            int count = 0;
            while (ready.Count > 0)
            {
                int v = ready.Pop();
                order[count++] = v;
                for (int i = offsets[v]; i < offsets[v + 1]; i++)
                {
                    int w = next[i];
                    if (--waiting[w] == 0) ready.Push(w);
                }
            }

            return count;
        }

        /// <summary>
        /// Tarjan's algorithm, iterative: the strongly connected components that hold a cycle (two or more nodes, or one
        /// with an edge to itself), in the order Tarjan completes them, with roots taken in index order and edges in
        /// their given order. Nodes marked in <paramref name="excluded"/> (for example those a topological order
        /// placed) are left out.
        /// </summary>
        public List<List<int>> CyclicComponents(bool[]? excluded)
        {
            int n = NodeCount;
            var index = new int[n];
            var low = new int[n];
            var onStack = new bool[n];
            for (int i = 0; i < n; i++) index[i] = -1;
            var stack = new Stack<int>();
            var callStack = new Stack<(int Node, int NextSlot)>();
            var result = new List<List<int>>();
            int counter = 0;
            for (int root = 0; root < n; root++)
            {
                if (excluded?[root] == true || index[root] >= 0) continue;
                callStack.Push((root, SuccessorOffsets[root]));
                index[root] = low[root] = counter++;
                stack.Push(root);
                onStack[root] = true;
                while (callStack.Count > 0)
                {
                    var (v, next) = callStack.Pop();
                    bool descended = false;
                    for (int i = next; i < SuccessorOffsets[v + 1]; i++)
                    {
                        int w = Successors[i];
                        if (excluded?[w] == true) continue;
                        if (index[w] < 0)
                        {
                            callStack.Push((v, i + 1));
                            index[w] = low[w] = counter++;
                            stack.Push(w);
                            onStack[w] = true;
                            callStack.Push((w, SuccessorOffsets[w]));
                            descended = true;
                            break;
                        }

                        if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                    }

                    if (descended) continue;
                    if (low[v] == index[v])
                    {
                        var component = new List<int>();
                        int w;
                        do
                        {
                            w = stack.Pop();
                            onStack[w] = false;
                            component.Add(w);
                        }
                        while (w != v);
                        bool selfLoop = false;
                        for (int i = SuccessorOffsets[v]; i < SuccessorOffsets[v + 1]; i++) if (Successors[i] == v) selfLoop = true;
                        if (component.Count > 1 || selfLoop) result.Add(component);
                    }

                    if (callStack.Count > 0)
                    {
                        var parent = callStack.Peek().Node;
                        low[parent] = Math.Min(low[parent], low[v]);
                    }
                }
            }

            return result;
        }

        /// <summary>
        /// A cycle through <paramref name="start"/> with the fewest edges, staying on nodes <paramref name="inside"/>
        /// accepts (breadth-first; edges in their given order): its nodes from <paramref name="start"/> on, and in
        /// <paramref name="cycleEdges"/> the edge indices, the first leaving <paramref name="start"/> and the last
        /// returning to it. Empty when there is none.
        /// </summary>
        public List<int> ShortestCycle(int start, Func<int, bool> inside, out List<int> cycleEdges)
        {
            var reachedBy = new Dictionary<int, (int Edge, int From)>();
            var queue = new Queue<int>();
            queue.Enqueue(start);
            cycleEdges = new List<int>();
            int closing = -1, last = -1;
            while (queue.Count > 0 && closing < 0)
            {
                int v = queue.Dequeue();
                for (int i = SuccessorOffsets[v]; i < SuccessorOffsets[v + 1]; i++)
                {
                    int w = Successors[i];
                    if (w == start)
                    {
                        closing = SuccessorEdges[i];
                        last = v;
                        break;
                    }

                    if (!inside(w) || reachedBy.ContainsKey(w)) continue;
                    reachedBy[w] = (SuccessorEdges[i], v);
                    queue.Enqueue(w);
                }
            }

            var nodes = new List<int>();
            if (closing < 0) return nodes;
            cycleEdges.Add(closing);
            for (int node = last; node != start;)
            {
                nodes.Add(node);
                var (edge, from) = reachedBy[node];
                cycleEdges.Add(edge);
                node = from;
            }

            nodes.Add(start);
            nodes.Reverse();
            cycleEdges.Reverse();
            return nodes;
        }
    }

    /// <summary>The edges a graph is built from, read in place (a struct, so the build is compiled for each kind).</summary>
    internal interface IEdgeList
    {
        int Count { get; }

        int From(int edge);

        int To(int edge);

        /// <summary>The dependency type (precedence networks only).</summary>
        DependencyType Type(int edge);

        /// <summary>The lag in days (precedence networks only).</summary>
        int Lag(int edge);
    }

    /// <summary>Edges as two arrays of tails and heads.</summary>
    internal readonly struct EdgeArrays : IEdgeList
    {
        private readonly int[] _from;
        private readonly int[] _to;

        public EdgeArrays(int[] from, int[] to)
        {
            _from = from;
            _to = to;
        }

        public int Count => _from.Length;

        public int From(int edge) => _from[edge];

        public int To(int edge) => _to[edge];

        public DependencyType Type(int edge) => DependencyType.FinishToStart;

        public int Lag(int edge) => 0;
    }

    /// <summary>The nodes ready for a topological order, in the order they are to be taken.</summary>
    internal interface IReadyNodes
    {
        int Count { get; }

        void Push(int node);

        int Pop();
    }

    /// <summary>First in, first out: each node enters once, so an array of the node count holds them all.</summary>
    internal struct ReadyQueue : IReadyNodes
    {
        private readonly int[] _items;
        private int _head;
        private int _tail;

        public ReadyQueue(int capacity)
        {
            _items = new int[capacity];
            _head = _tail = 0;
        }

        public int Count => _tail - _head;

        public void Push(int node) => _items[_tail++] = node;

        public int Pop() => _items[_head++];
    }

    /// <summary>Smallest key first (then lowest index); the keys as the heap holds them.</summary>
    internal readonly struct ReadyByKey : IReadyNodes
    {
        private readonly NodeHeap _heap;

        public ReadyByKey(NodeHeap heap) => _heap = heap;

        public int Count => _heap.Count;

        public void Push(int node) => _heap.Push(node);

        public int Pop() => _heap.Pop();
    }

    /// <summary>
    /// A binary heap of node indices ordered by key, then index (index alone without keys). A node's key is read when it
    /// is pushed and kept beside it in the heap: the comparisons then touch the heap's own arrays, not the key of a node
    /// anywhere in a large plan (at 100,000 nodes those reads missed the caches). Keys must not change while their node
    /// is in the heap. The order is total, so the nodes come out in the same order whatever the heap's layout.
    /// </summary>
    internal sealed class NodeHeap
    {
        private readonly int[] _items;
        private readonly long[] _keys;
        private readonly long[]? _key;

        public NodeHeap(int capacity, long[]? key)
        {
            _items = new int[Math.Max(1, capacity)];
            _keys = new long[_items.Length];
            _key = key;
        }

        public int Count { get; private set; }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static bool Less(long xKey, int x, long yKey, int y) => xKey < yKey || (xKey == yKey && x < y);

        public void Push(int item)
        {
            var items = _items;
            var keys = _keys;
            long key = _key is null ? 0 : _key[item];
            int i = Count++;
            while (i > 0)
            {
                int parent = (i - 1) >> 1;
                if (!Less(key, item, keys[parent], items[parent])) break;
                items[i] = items[parent];
                keys[i] = keys[parent];
                i = parent;
            }

            items[i] = item;
            keys[i] = key;
        }

        /// <summary>The smallest item, left in place.</summary>
        public int Peek() => _items[0];

        public int Pop()
        {
            var items = _items;
            var keys = _keys;
            int top = items[0];
            int count = --Count;
            if (count == 0) return top;

            // The last item sinks from the root into the hole the smallest left.
            int item = items[count];
            long key = keys[count];
            int i = 0;
            while (true)
            {
                int l = 2 * i + 1;
                if (l >= count) break;
                int m = l;
                int r = l + 1;
                if (r < count && Less(keys[r], items[r], keys[l], items[l])) m = r;
                if (!Less(keys[m], items[m], key, item)) break;
                items[i] = items[m];
                keys[i] = keys[m];
                i = m;
            }

            items[i] = item;
            keys[i] = key;
            return top;
        }
    }
}
