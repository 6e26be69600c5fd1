using ProgramDsl.Scheduling.Leveling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Benchmarks.Psplib
{
    /// <summary>Turns a PSPLIB instance into a leveling problem (kept apart from the checker, which must not use the library).</summary>
    public static class SmToRcpsp
    {
        /// <summary>Activity j is job j (dummies included), an fs lag-0 precedence per successor, resource r is R r+1; no calendars.</summary>
        public static RcpspProblem Build(SmInstance instance)
        {
            var builder = new RcpspBuilder();
            for (int r = 0; r < instance.ResourceCount; r++) builder.AddResource(instance.Capacity[r]);
            for (int j = 0; j < instance.JobCount; j++)
            {
                builder.AddActivity(instance.Duration[j]);
                for (int r = 0; r < instance.ResourceCount; r++) builder.AddDemand(j, r, instance.Demand[j][r]);
            }

            for (int j = 0; j < instance.JobCount; j++)
            {
                foreach (int s in instance.Successors[j]) builder.AddPrecedence(j, s, DependencyType.FinishToStart, 0);
            }

            return builder.Build();
        }
    }
}
