using System;
using System.Collections.Generic;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>
    /// Something wrong with a schedule. Jobs and resources are numbered as in the <c>.sm</c> file (from 1); days are
    /// periods from 0, day t being the interval [t, t+1).
    /// </summary>
    public abstract record ScheduleViolation;

    /// <summary>The schedule does not give exactly one start per job.</summary>
    public sealed record StartCountViolation(int Expected, int Actual) : ScheduleViolation
    {
        public override string ToString() => "expected " + Expected + " start times, got " + Actual;
    }

    /// <summary>A job starts before day 0.</summary>
    public sealed record NegativeStartViolation(int Job, int Start) : ScheduleViolation
    {
        public override string ToString() => "job " + Job + " starts at " + Start + ", before day 0";
    }

    /// <summary>A job starts before one of its predecessors finishes.</summary>
    public sealed record PrecedenceViolation(int Predecessor, int Successor, int PredecessorFinish, int SuccessorStart) : ScheduleViolation
    {
        public override string ToString() =>
            "job " + Successor + " starts at " + SuccessorStart + " before its predecessor " + Predecessor + " finishes at " + PredecessorFinish;
    }

    /// <summary>The jobs running on a day use more of a resource than its capacity.</summary>
    public sealed record CapacityViolation(int Resource, int Day, int Usage, int Capacity) : ScheduleViolation
    {
        public override string ToString() => "R " + Resource + " on day " + Day + ": usage " + Usage + " > capacity " + Capacity;
    }

    /// <summary>
    /// Checks a schedule of a PSPLIB instance from first principles, sharing no code with the solver: each job runs
    /// on days [start, start + duration); every successor starts at or after its predecessor's finish; on every day,
    /// each resource's total use by the jobs running then is at most its capacity.
    /// </summary>
    public static class ScheduleChecker
    {
        /// <summary>The violations of a schedule given by each job's start (0-based job index); empty when feasible.</summary>
        public static IReadOnlyList<ScheduleViolation> Check(SmInstance instance, IReadOnlyList<int> start)
        {
            var violations = new List<ScheduleViolation>();
            int n = instance.JobCount;
            if (start.Count != n)
            {
                violations.Add(new StartCountViolation(n, start.Count));
                return violations;
            }

            int makespan = 0;
            for (int j = 0; j < n; j++)
            {
                if (start[j] < 0) violations.Add(new NegativeStartViolation(j + 1, start[j]));
                makespan = Math.Max(makespan, start[j] + instance.Duration[j]);
            }

            for (int j = 0; j < n; j++)
            {
                int finish = start[j] + instance.Duration[j];
                foreach (int s in instance.Successors[j])
                {
                    if (start[s] < finish) violations.Add(new PrecedenceViolation(j + 1, s + 1, finish, start[s]));
                }
            }

            for (int r = 0; r < instance.ResourceCount; r++)
            {
                var usage = new int[makespan];
                for (int j = 0; j < n; j++)
                {
                    int amount = instance.Demand[j][r];
                    if (amount == 0) continue;
                    for (int day = Math.Max(0, start[j]); day < start[j] + instance.Duration[j]; day++) usage[day] += amount;
                }

                for (int day = 0; day < makespan; day++)
                {
                    if (usage[day] > instance.Capacity[r]) violations.Add(new CapacityViolation(r + 1, day, usage[day], instance.Capacity[r]));
                }
            }

            return violations;
        }

        /// <summary>The makespan of a schedule: the latest start + duration (0 for no jobs).</summary>
        public static int Makespan(SmInstance instance, IReadOnlyList<int> start)
        {
            int makespan = 0;
            for (int j = 0; j < instance.JobCount && j < start.Count; j++) makespan = Math.Max(makespan, start[j] + instance.Duration[j]);
            return makespan;
        }

        /// <summary>
        /// The critical-path lower bound: the longest path through the precedence graph with resources ignored
        /// (the earliest finish of the last job when every job starts as soon as its predecessors finish).
        /// Throws when the precedences have a cycle.
        /// </summary>
        public static int CriticalPathLength(SmInstance instance)
        {
            int n = instance.JobCount;
            var indegree = new int[n];
            for (int j = 0; j < n; j++) foreach (int s in instance.Successors[j]) indegree[s]++;
            var ready = new Queue<int>();
            for (int j = 0; j < n; j++) if (indegree[j] == 0) ready.Enqueue(j);
            var earliestStart = new int[n];
            int visited = 0, length = 0;
            while (ready.Count > 0)
            {
                int j = ready.Dequeue();
                visited++;
                int finish = earliestStart[j] + instance.Duration[j];
                length = Math.Max(length, finish);
                foreach (int s in instance.Successors[j])
                {
                    earliestStart[s] = Math.Max(earliestStart[s], finish);
                    if (--indegree[s] == 0) ready.Enqueue(s);
                }
            }

            if (visited < n) throw new InvalidOperationException(instance.Name + ": the precedence relations have a cycle");
            return length;
        }
    }
}
