using System;
using System.Collections.Generic;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Forecasting
{
    /// <summary>
    /// How the open risks on workstreams reach tasks, prepared in time linear in the plan and applied, each iteration,
    /// in time linear in the plan too, however many risks name however large workstreams.
    /// <para>
    /// A risk on a workstream delays the workstream's last tasks, those no other task of the workstream follows. A
    /// workstream that holds one of a task's successors also holds it in every workstream around it, so a task v is last
    /// in exactly the workstreams around it deeper than <c>d(v)</c>, the depth of the innermost workstream holding v and
    /// one of its successors (0 when none does; a top-level workstream has depth 1). A risk on the workstreams W thus
    /// reaches v when the innermost workstream of W around v is deeper than d(v). That splits into one slot per w in W:
    /// the tasks under w whose d(v) lies from the depth of the next workstream of W around w (0 if none) up to w's own
    /// depth. One risk's slots never overlap, so a task two of its workstreams reach is delayed once, as it always was.
    /// </para>
    /// <para>
    /// An iteration adds each occurring risk's impact to its slots, sums the slots down the workstream tree into a cell
    /// per workstream and depth (at most the nesting depth, 62, cells a workstream), and gives every reachable task its
    /// cell: O(risks + workstream cells + tasks), where delaying each risk's tasks one by one cost risks × tasks.
    /// </para>
    /// </summary>
    internal sealed class RiskReach
    {
        private readonly int[] _offset;
        private readonly int[] _depth;
        private readonly int[] _parent;
        private readonly int[] _slotStart;
        private readonly int[] _slotIds;
        private readonly int[] _slotLow;
        private readonly int[] _nodes;
        private readonly int[] _cell;

        private RiskReach(int slotCount, int[] offset, int[] depth, int[] parent, int[] slotStart, int[] slotIds, int[] slotLow, int[] nodes, int[] cell, int cellCount)
        {
            SlotCount = slotCount;
            _offset = offset;
            _depth = depth;
            _parent = parent;
            _slotStart = slotStart;
            _slotIds = slotIds;
            _slotLow = slotLow;
            _nodes = nodes;
            _cell = cell;
            CellCount = cellCount;
        }

        /// <summary>Distinct (workstream, lowest depth) slots of all risks.</summary>
        public int SlotCount { get; }

        /// <summary>Cells of one application: a workstream under some slot times its depth.</summary>
        public int CellCount { get; }

        /// <summary>Tasks some slot can reach.</summary>
        public int NodeCount => _nodes.Length;

        /// <summary>The work units of one <see cref="Apply"/>: a unit per workstream, cell, slot and reachable task.</summary>
        public long ApplyWork => (long)_depth.Length + CellCount + _slotIds.Length + _nodes.Length;

        /// <summary>
        /// Adds the slots' amounts to the tasks they reach (<paramref name="extra"/>, capped at
        /// <paramref name="maxDays"/>; a task whose extra leaves 0 joins <paramref name="touched"/>) and clears the amounts.
        /// </summary>
        public void Apply(long[] slotAmount, long[] cells, int[] extra, List<int> touched, int maxDays)
        {
            // Parents come first, so a workstream's cell at depth l is its own slots from depth l down plus its parent's
            // cell at l (the slots of the workstreams around it deeper than l).
            for (int k = 0; k < _depth.Length; k++)
            {
                int offset = _offset[k], depth = _depth[k], parent = _parent[k];
                int parentOffset = parent >= 0 ? _offset[parent] : 0, parentDepth = parent >= 0 ? _depth[parent] : 0;
                int s = _slotStart[k], end = _slotStart[k + 1];
                long own = 0;
                for (int l = 0; l < depth; l++)
                {
                    while (s < end && _slotLow[s] == l) own += slotAmount[_slotIds[s++]];
                    cells[offset + l] = own + (l < parentDepth ? cells[parentOffset + l] : 0);
                }
            }

            for (int i = 0; i < _nodes.Length; i++)
            {
                long add = cells[_cell[i]];
                if (add == 0) continue;
                int v = _nodes[i];
                if (extra[v] == 0) touched.Add(v);
                extra[v] = (int)Math.Min(maxDays, extra[v] + add);
            }

            Array.Clear(slotAmount, 0, slotAmount.Length);
        }

        /// <summary>
        /// The open risks that reach a task still to finish, in declaration order, and how their workstreams reach
        /// tasks (null when no risk names a workstream that reaches one). Linear in the tasks and dependencies times the
        /// nesting depth, plus the risks' targets times the nesting depth.
        /// </summary>
        public static (SampledRisk[] Risks, RiskReach? Reach) Build(ProgramSymbol program, ScheduleNetwork network, Func<int, bool> isDone, int maxImpact)
        {
            var tasks = network.Graph.Tasks;
            int workstreamCount = program.Workstreams.Count;
            int[]? last = null;
            int[]? deepest = null;
            int[]? mark = null;
            int[]? seen = null;
            int[]? taskMark = null;
            var slotOf = new Dictionary<long, int>();
            var slotWorkstream = new List<WorkstreamSymbol>();
            var slotLow = new List<int>();
            var result = new List<SampledRisk>();
            var direct = new List<int>();
            var slots = new List<int>();
            int ordinal = -1;
            foreach (var risk in program.Risks)
            {
                ordinal++;
                if (risk.Status != RiskStatus.Open || risk.Likelihood <= 0 || risk.ImpactDays <= 0 || risk.Affects.Count == 0) continue;
                direct.Clear();
                slots.Clear();
                taskMark ??= Filled(tasks.Count, -1);

                // The risk's workstreams are marked first, so its tasks and inner workstreams can see those around them.
                bool anyWorkstream = false;
                foreach (var target in risk.Affects)
                {
                    if (target is not WorkstreamSymbol w) continue;
                    if (last is null) (last, deepest) = LastDepths(program, network, isDone);
                    mark ??= Filled(workstreamCount, -1);
                    seen ??= Filled(workstreamCount, -1);
                    mark[w.Index] = ordinal;
                    anyWorkstream = true;
                }

                foreach (var target in risk.Affects)
                {
                    if (target is TaskSymbol t)
                    {
                        int v = t.Index;
                        if (taskMark[v] == ordinal || isDone(v)) continue;
                        taskMark[v] = ordinal;
                        if (anyWorkstream && Reached(t, last!, mark!, ordinal)) continue;
                        direct.Add(v);
                    }
                    else if (target is WorkstreamSymbol w)
                    {
                        if (seen![w.Index] == ordinal) continue;
                        seen[w.Index] = ordinal;
                        int low = 0;
                        for (var a = w.Container; a != null; a = a.Container)
                        {
                            if (mark![a.Index] != ordinal) continue;
                            low = a.Depth + 1;
                            break;
                        }

                        // No task still to finish is last in w at a depth from low: the slot reaches nothing.
                        if (deepest![w.Index] < low) continue;
                        long key = ((long)w.Index << 32) | (uint)low;
                        if (!slotOf.TryGetValue(key, out int slot))
                        {
                            slot = slotWorkstream.Count;
                            slotOf.Add(key, slot);
                            slotWorkstream.Add(w);
                            slotLow.Add(low);
                        }

                        slots.Add(slot);
                    }
                }

                if (direct.Count == 0 && slots.Count == 0) continue;
                int impact = (int)Math.Min(maxImpact, Math.Ceiling(risk.ImpactDays));
                result.Add(new SampledRisk(risk, (double)risk.Likelihood, impact, direct.ToArray(), slots.ToArray()));
            }

            var reach = slotWorkstream.Count == 0 ? null : Create(program, network, isDone, last!, slotWorkstream, slotLow);
            return (result.ToArray(), reach);
        }

        /// <summary>A task is reached through one of the risk's workstreams when one around it is deeper than d(task).</summary>
        private static bool Reached(TaskSymbol task, int[] last, int[] mark, int ordinal)
        {
            for (var a = task.Container; a != null && a.Depth + 1 > last[task.Index]; a = a.Container)
            {
                if (mark[a.Index] == ordinal) return true;
            }

            return false;
        }

        /// <summary>
        /// d(v) of every task (see the class), and per workstream the deepest d(v) of a task still to finish that is
        /// last in it (-1 when none is).
        /// </summary>
        private static (int[] Last, int[] Deepest) LastDepths(ProgramSymbol program, ScheduleNetwork network, Func<int, bool> isDone)
        {
            var tasks = network.Graph.Tasks;
            int n = tasks.Count;
            var last = new int[n];
            foreach (var e in network.Graph.Edges)
            {
                if (e.From >= n || e.To >= n) continue;
                int depth = CommonDepth(tasks[e.From].Container, tasks[e.To].Container);
                if (depth > last[e.From]) last[e.From] = depth;
            }

            var deepest = Filled(program.Workstreams.Count, -1);
            for (int v = 0; v < n; v++)
            {
                if (isDone(v)) continue;
                for (var w = tasks[v].Container; w != null && w.Depth + 1 > last[v]; w = w.Container)
                {
                    if (last[v] > deepest[w.Index]) deepest[w.Index] = last[v];
                }
            }

            return (last, deepest);
        }

        /// <summary>The depth of the innermost workstream holding both (0 when none does): at most the nesting depth steps.</summary>
        private static int CommonDepth(WorkstreamSymbol? a, WorkstreamSymbol? b)
        {
            while (a != null && b != null && a != b)
            {
                if (a.Depth >= b.Depth) a = a.Container;
                else b = b.Container;
            }

            return a is null || b is null ? 0 : a.Depth + 1;
        }

        private static RiskReach Create(ProgramSymbol program, ScheduleNetwork network, Func<int, bool> isDone, int[] last, List<WorkstreamSymbol> slotWorkstream, List<int> slotLow)
        {
            // The workstreams under some slot's workstream, parents first (by depth; a parent is always shallower).
            int workstreamCount = program.Workstreams.Count;
            var hasSlot = new bool[workstreamCount];
            foreach (var w in slotWorkstream) hasSlot[w.Index] = true;
            var under = new List<WorkstreamSymbol>();
            foreach (var w in program.Workstreams)
            {
                for (var a = w; a != null; a = a.Container)
                {
                    if (!hasSlot[a.Index]) continue;
                    under.Add(w);
                    break;
                }
            }

            var order = under.ToArray();
            Array.Sort(order, (x, y) => x.Depth != y.Depth ? x.Depth.CompareTo(y.Depth) : x.Index.CompareTo(y.Index));

            var position = Filled(workstreamCount, -1);
            for (int k = 0; k < order.Length; k++) position[order[k].Index] = k;
            var offset = new int[order.Length];
            var depth = new int[order.Length];
            var parent = new int[order.Length];
            int cells = 0;
            for (int k = 0; k < order.Length; k++)
            {
                offset[k] = cells;
                depth[k] = order[k].Depth + 1;
                parent[k] = order[k].Container is WorkstreamSymbol p ? position[p.Index] : -1;
                cells = checked(cells + depth[k]);
            }

            // Each workstream's slots, by their lowest depth.
            var slotStart = new int[order.Length + 1];
            foreach (var w in slotWorkstream) slotStart[position[w.Index] + 1]++;
            for (int k = 0; k < order.Length; k++) slotStart[k + 1] += slotStart[k];
            var fill = (int[])slotStart.Clone();
            var ids = new int[slotWorkstream.Count];
            var lows = new int[slotWorkstream.Count];
            for (int s = 0; s < slotWorkstream.Count; s++)
            {
                int at = fill[position[slotWorkstream[s].Index]]++;
                ids[at] = s;
                lows[at] = slotLow[s];
            }

            for (int k = 0; k < order.Length; k++) Array.Sort(lows, ids, slotStart[k], slotStart[k + 1] - slotStart[k]);

            // Every task still to finish that is last in the workstream it sits in, which is under a slot.
            var tasks = network.Graph.Tasks;
            var nodes = new List<int>();
            var cell = new List<int>();
            for (int v = 0; v < tasks.Count; v++)
            {
                if (tasks[v].Container is not WorkstreamSymbol c || position[c.Index] < 0 || last[v] >= c.Depth + 1 || isDone(v)) continue;
                nodes.Add(v);
                cell.Add(offset[position[c.Index]] + last[v]);
            }

            return new RiskReach(slotWorkstream.Count, offset, depth, parent, slotStart, ids, lows, nodes.ToArray(), cell.ToArray(), cells);
        }

        private static int[] Filled(int length, int value)
        {
            var array = new int[length];
            if (value != 0) for (int i = 0; i < length; i++) array[i] = value;
            return array;
        }
    }
}
