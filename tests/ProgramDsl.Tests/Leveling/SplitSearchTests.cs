using System;
using System.Linq;
using ProgramDsl.Benchmarks.Psplib;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>The search split into two halves (two threads on two cores): the same schedule whatever the cores.</summary>
    public class SplitSearchTests
    {
        /// <summary>A random single-mode instance: 30 activities on 2 resources, arcs forward, tight capacities.</summary>
        private static SmInstance Instance(int seed)
        {
            var random = new Random(seed);
            int jobs = 32;
            var successors = new int[jobs][];
            var duration = new int[jobs];
            var demand = new int[jobs][];
            for (int j = 0; j < jobs; j++)
            {
                duration[j] = j == 0 || j == jobs - 1 ? 0 : 1 + random.Next(10);
                demand[j] = j == 0 || j == jobs - 1 ? new int[2] : new[] { random.Next(6), random.Next(6) };
            }

            for (int j = 0; j < jobs - 1; j++)
            {
                successors[j] = j == 0
                    ? new[] { 1, 2, 3 }
                    : Enumerable.Range(0, 2).Select(_ => Math.Min(jobs - 1, j + 1 + random.Next(6))).Distinct().ToArray();
            }

            successors[jobs - 1] = Array.Empty<int>();
            return new SmInstance("split" + seed, duration, successors, demand, new[] { 6, 6 });
        }

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void One_thread_or_two_give_the_same_schedule_and_it_is_feasible(int seed)
        {
            var instance = Instance(seed);
            var problem = SmToRcpsp.Build(instance);
            var two = RcpspSolver.Solve(problem, new RcpspOptions { Seed = seed, Schedules = 3_000 });
            var one = RcpspSolver.Solve(problem, new RcpspOptions { Seed = seed, Schedules = 3_000, OneThread = true });
            var again = RcpspSolver.Solve(problem, new RcpspOptions { Seed = seed, Schedules = 3_000 });

            one.Start.Should().Equal(two.Start);
            again.Start.Should().Equal(two.Start);
            one.SchedulesGenerated.Should().Be(two.SchedulesGenerated);
            one.Work.Should().Be(two.Work);
            two.SchedulesGenerated.Should().BeLessThanOrEqualTo(3_000);
            ScheduleChecker.Check(instance, two.Start).Should().BeEmpty();
            two.Makespan.Should().BeGreaterThanOrEqualTo(ScheduleChecker.CriticalPathLength(instance));
        }

        [Fact]
        public void A_cancelled_split_search_throws_on_the_calling_thread()
        {
            var problem = SmToRcpsp.Build(Instance(4));
            using var source = new System.Threading.CancellationTokenSource();
            var progress = new CancelOnReport(source);
            Action solve = () => RcpspSolver.Solve(problem, new RcpspOptions { Seed = 1, Schedules = 50_000, Progress = progress, CancellationToken = source.Token });
            solve.Should().Throw<OperationCanceledException>();
        }

        private sealed class CancelOnReport : IProgress<ProgramDsl.Scheduling.StageProgress>
        {
            private readonly System.Threading.CancellationTokenSource _source;
            private int _reports;

            public CancelOnReport(System.Threading.CancellationTokenSource source) => _source = source;

            public void Report(ProgramDsl.Scheduling.StageProgress value)
            {
                if (++_reports == 15) _source.Cancel();
            }
        }
    }
}
