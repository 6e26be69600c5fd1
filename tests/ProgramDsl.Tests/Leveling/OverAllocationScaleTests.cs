using System.Linq;
using System.Text;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>
    /// The over-allocation check with leveling off (TPM2101) on hostile shapes: many separate overloaded runs, and tasks
    /// millions of days long. It looked at every user of a resource for every run (30,000 runs: over a minute) and walked
    /// every day of every task unbounded.
    /// </summary>
    public class OverAllocationScaleTests
    {
        private static readonly ScheduleOptions Unleveled = new ScheduleOptions { Leveling = false };

        [Fact]
        public void Each_of_many_separate_runs_names_exactly_the_two_tasks_that_overlap_in_it()
        {
            // a(k) and b(k) both on 'a' the same day, then g(k) joins them: one one-day overload per k.
            const int runs = 5_000;
            var sb = new StringBuilder("program p {\n start 2027-01-04\n person a\n");
            for (int k = 0; k < runs; k++)
            {
                var after = k == 0 ? string.Empty : "  after g" + (k - 1);
                sb.Append(" task a").Append(k).Append(" { duration 1d  assign a").Append(after).Append(" }\n");
                sb.Append(" task b").Append(k).Append(" { duration 1d  assign a").Append(after).Append(" }\n");
                sb.Append(" task g").Append(k).Append(" { duration 1d  after a").Append(k).Append(", b").Append(k).Append(" }\n");
            }

            var program = TpmProgram.Parse(sb.Append("}\n").ToString(), "runs.tpm", new TpmCompileOptions { Scheduling = Unleveled });

            var found = program.Diagnostics.Where(d => d.Code == "TPM2101").ToList();
            found.Should().HaveCount(runs);
            found.Select(d => d.Message.Substring(d.Message.IndexOf(") by ") + 5)).Should().Equal(
                Enumerable.Range(0, runs).Select(k => "'a" + k + "', 'b" + k + "'; turn leveling on, move a task or change an assignment"));
        }

        [Fact]
        public void Tasks_millions_of_days_long_stop_the_check_at_its_work_with_one_warning()
        {
            // 50 tasks of 2,600,000 days on one person: 130 million days to walk, past the check's 100 million.
            var sb = new StringBuilder("program p {\n start 0001-01-01\n person a\n");
            for (int k = 0; k < 50; k++) sb.Append(" task t").Append(k).Append(" { duration 2600000d  assign a 1% }\n");

            var program = TpmProgram.Parse(sb.Append("}\n").ToString(), "long.tpm", new TpmCompileOptions { Scheduling = Unleveled });

            var d = program.Diagnostics.Should().ContainSingle().Subject;
            (d.Code, d.Location!.Value.Start.Line).Should().Be(("TPM2007", 1));
            d.Message.Should().Be("the over-allocation check of program 'p' stopped after 100,000,000 days of work (tasks very long or very many on one resource); " +
                                  "over-allocations past that point are not reported: turn leveling on, or shorten the tasks");
            program.Schedule.Should().NotBeNull();
        }
    }
}
