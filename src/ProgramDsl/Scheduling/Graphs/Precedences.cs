using System;
using System.Runtime.CompilerServices;
using ProgramDsl.Semantics;

namespace ProgramDsl.Scheduling.Graphs
{
    /// <summary>
    /// What a dependency's type and lag say about the dates of the two tasks it joins, stated once for every date
    /// pass (the scheduler's critical-path passes, the leveler's schedule generation and its bounds): fs S ≥ F(p) + lag,
    /// ss S ≥ S(p) + lag, ff F ≥ F(p) + lag, sf F ≥ S(p) + lag, and the mirror for late dates. <see cref="Windows"/> then
    /// places a task between its bounds; started tasks, milestones and deadlines stay with each pass.
    /// </summary>
    internal static class Precedences
    {
        /// <summary>
        /// Raises <paramref name="startBound"/> and <paramref name="finishBound"/> to what node <paramref name="v"/>'s
        /// incoming edges require, given its predecessors' dates. Returns the number of edges examined.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Earliest<TLags>(DependencyGraph network, int v, int[] start, int[] finish, ref int startBound, ref int finishBound)
            where TLags : struct, ILagArithmetic
        {
            var offsets = network.PredecessorOffsets;
            var predecessors = network.Predecessors;
            var types = network.PredecessorTypes!;
            var lags = network.PredecessorLags!;
            int first = offsets[v], end = offsets[v + 1];
            for (int i = first; i < end; i++)
            {
                int p = predecessors[i];
                switch (types[i])
                {
                    case DependencyType.FinishToStart: startBound = Math.Max(startBound, default(TLags).After(finish[p], lags[i])); break;
                    case DependencyType.StartToStart: startBound = Math.Max(startBound, default(TLags).After(start[p], lags[i])); break;
                    case DependencyType.FinishToFinish: finishBound = Math.Max(finishBound, default(TLags).After(finish[p], lags[i])); break;
                    default: finishBound = Math.Max(finishBound, default(TLags).After(start[p], lags[i])); break;
                }
            }

            return end - first;
        }

        /// <summary>
        /// Lowers <paramref name="finishBound"/> and <paramref name="startBound"/> to what node <paramref name="v"/>'s
        /// outgoing edges allow, given its successors' late dates; successors marked in <paramref name="ignored"/> (tasks
        /// already started) constrain nothing. Returns the number of edges examined.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Latest<TLags>(DependencyGraph network, int v, int[] lateStart, int[] lateFinish, bool[] ignored, ref int finishBound, ref int startBound)
            where TLags : struct, ILagArithmetic
        {
            var offsets = network.SuccessorOffsets;
            var successors = network.Successors;
            var types = network.SuccessorTypes!;
            var lags = network.SuccessorLags!;
            int first = offsets[v], end = offsets[v + 1];
            for (int i = first; i < end; i++)
            {
                int s = successors[i];
                if (ignored[s]) continue;
                switch (types[i])
                {
                    case DependencyType.FinishToStart: finishBound = Math.Min(finishBound, default(TLags).Before(lateStart[s], lags[i])); break;
                    case DependencyType.StartToStart: startBound = Math.Min(startBound, default(TLags).Before(lateStart[s], lags[i])); break;
                    case DependencyType.FinishToFinish: finishBound = Math.Min(finishBound, default(TLags).Before(lateFinish[s], lags[i])); break;
                    default: startBound = Math.Min(startBound, default(TLags).Before(lateFinish[s], lags[i])); break;
                }
            }

            return end - first;
        }
    }

    /// <summary>Where a task of some working days goes between the bounds its dependencies set, on its working days.</summary>
    internal static class Windows
    {
        /// <summary>
        /// The earliest window of <paramref name="duration"/> (&gt; 0) working days that starts at or after
        /// <paramref name="startBound"/> and finishes at or after <paramref name="finishBound"/>: from the first working
        /// day at the start bound, else (a finish bound further out) back from the smallest finish at that bound.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (int Start, int Finish) Earliest<TDays>(TDays days, int duration, int startBound, int finishBound)
            where TDays : struct, IWorkingDays
        {
            int start = days.NextAvailable(startBound);
            int finish = days.Advance(start, duration);
            if (finish < finishBound)
            {
                finish = days.NextAvailableEnd(finishBound);
                start = days.Retreat(finish, duration);
            }

            return (start, finish);
        }

        /// <summary>
        /// The latest window of <paramref name="duration"/> (&gt; 0) working days that finishes by
        /// <paramref name="finishBound"/> and starts by <paramref name="startBound"/>: back from the largest finish at the
        /// finish bound, else (a start bound further in) forward from the last working day at the start bound.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static (int Start, int Finish) Latest<TDays>(TDays days, int duration, int finishBound, int startBound)
            where TDays : struct, IWorkingDays
        {
            int finish = days.PreviousAvailableEnd(finishBound);
            int start = days.Retreat(finish, duration);
            if (start > startBound)
            {
                start = days.PreviousAvailable(startBound);
                finish = days.Advance(start, duration);
            }

            return (start, finish);
        }
    }

    /// <summary>A task's working days, as day indices from the program start (each pass says what lies before day 0).</summary>
    internal interface IWorkingDays
    {
        /// <summary>The first working day ≥ <paramref name="day"/>.</summary>
        int NextAvailable(int day);

        /// <summary>The last working day ≤ <paramref name="day"/>, or -1.</summary>
        int PreviousAvailable(int day);

        /// <summary>The finish (exclusive) of <paramref name="days"/> working days from the working day <paramref name="start"/>.</summary>
        int Advance(int start, int days);

        /// <summary>The start of <paramref name="days"/> working days that finish just before <paramref name="finish"/>.</summary>
        int Retreat(int finish, int days);

        /// <summary>The smallest finish ≥ <paramref name="bound"/> whose last day is a working day.</summary>
        int NextAvailableEnd(int bound);

        /// <summary>The largest finish ≤ <paramref name="bound"/> whose last day is a working day.</summary>
        int PreviousAvailableEnd(int bound);
    }

    /// <summary>How a pass adds a lag to a date: the scheduler checks for overflow, the leveler works within its dates.</summary>
    internal interface ILagArithmetic
    {
        /// <summary>The date a lag after <paramref name="date"/>.</summary>
        int After(int date, int lag);

        /// <summary>The date a lag before <paramref name="date"/>.</summary>
        int Before(int date, int lag);
    }

    /// <summary>
    /// The scheduler's: an early date past int's range throws <see cref="OverflowException"/> (reported as TPM2005),
    /// and a late date a long lead after its successor stops at <see cref="Unconstrained"/>.
    /// </summary>
    internal readonly struct CheckedLags : ILagArithmetic
    {
        /// <summary>A late date that constrains nothing.</summary>
        public const int Unconstrained = int.MaxValue / 2;

        public int After(int date, int lag) => checked(date + lag);

        public int Before(int date, int lag) => (int)Math.Min(Unconstrained, (long)date - lag);
    }

    /// <summary>The leveler's schedule generation: plain sums, as it always had (it runs millions of times a search).</summary>
    internal readonly struct PlainLags : ILagArithmetic
    {
        public int After(int date, int lag) => date + lag;

        public int Before(int date, int lag) => date - lag;
    }
}
