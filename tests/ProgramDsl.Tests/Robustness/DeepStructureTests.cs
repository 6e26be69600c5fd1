using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using Xunit.Abstractions;

namespace ProgramDsl.Tests.Robustness
{
    /// <summary>Very long chains and very deep nesting on a thread with a small stack: nothing may recurse per element.</summary>
    public class DeepStructureTests
    {
        private const int SmallStack = 256 * 1024;
        private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
        private readonly ITestOutputHelper _output;

        public DeepStructureTests(ITestOutputHelper output) => _output = output;

        /// <summary>Runs on a thread with a 256 KiB stack; rethrows its exception; fails if it takes longer than the limit.</summary>
        private T OnSmallStack<T>(string what, Func<T> work)
        {
            T result = default!;
            Exception? error = null;
            var watch = Stopwatch.StartNew();
            var thread = new Thread(() =>
            {
                try
                {
                    result = work();
                }
                catch (Exception ex)
                {
                    error = ex;
                }
            }, SmallStack);
            thread.Start();
            bool done = thread.Join(Limit);
            watch.Stop();
            _output.WriteLine(what + ": " + watch.Elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " s");
            if (!done) throw new Exception(what + " did not finish within " + Limit.TotalSeconds + " s");
            if (error != null) throw new Exception(what + " failed", error);
            return result;
        }

        [Fact]
        public void A_chain_of_100000_tasks_schedules()
        {
            const int n = 100_000;
            var sb = new StringBuilder("program chain \"Chain\" {\n  start 2027-01-04\n  task t0 { duration 1d }\n");
            long sum = 1;
            for (int i = 1; i < n; i++)
            {
                int d = i % 3 + 1;
                sum += d;
                sb.Append("  task t").Append(i).Append(" { duration ").Append(d).Append("d  after t").Append(i - 1).Append(" }\n");
            }

            sb.Append("}\n");
            var text = sb.ToString();
            var p = OnSmallStack("100,000-task chain", () => TpmProgram.Parse(text, "chain.tpm"));
            p.HasErrors.Should().BeFalse(string.Join("\n", p.Diagnostics.Take(5)));
            var s = p.Schedule!;
            s.FinishIndex.Should().Be((int)sum);
            s.Tasks.Should().HaveCount(n);
            s.Tasks[n - 1].Finish.Should().Be((int)sum);
            s.Tasks[n - 1].Start.Should().Be((int)sum - ((n - 1) % 3 + 1));
            s.CriticalPath.Should().HaveCount(n);
            s.Tasks.All(t => t.TotalFloat == 0).Should().BeTrue();
            // 1 + 33,333 × (2 + 3 + 1) = 199,999 days: the last is index 199,998 = 39,999 weeks of five and 3 more,
            // the Thursday of the week 39,999 × 7 days after Mon 2027-01-04.
            sum.Should().Be(199_999);
            s.FinishDate.Should().Be(Scheduling.Plans.D("2027-01-04").AddDays(39_999 * 7 + 3));
            s.FinishDate.DayOfWeek.Should().Be(DayOfWeek.Thursday);
        }

        [Fact]
        public void A_cycle_of_100000_tasks_is_reported()
        {
            const int n = 100_000;
            var sb = new StringBuilder("program loop \"Loop\" {\n  start 2027-01-04\n");
            for (int i = 0; i < n; i++) sb.Append("  task t").Append(i).Append(" { duration 1d  after t").Append((i + n - 1) % n).Append(" }\n");
            sb.Append("}\n");
            var text = sb.ToString();
            var p = OnSmallStack("100,000-task cycle", () => TpmProgram.Parse(text, "loop.tpm"));
            p.Schedule.Should().BeNull();
            var cycle = p.Diagnostics.Where(d => d.Code == "TPM2001").Should().ContainSingle().Subject;
            // The whole loop is found (its length is counted) and named by its ends: the full list was one line of megabytes.
            cycle.Message.Should().StartWith("dependency cycle: 't0' → 't1' →").And.Contain(" → … 99,990 more … → ").And.Contain("'t99999' → 't0';");
        }

        [Fact]
        public void Workstreams_nested_to_the_limit_parse_bind_and_schedule()
        {
            // first [0,3); the outer workstream waits for it, so the task at the bottom is [3,5); last after the outer one is [5,6).
            // The program, 62 workstreams and the task are the 64 blocks the limit allows.
            const int depth = InputLimits.MaxNestingDepth - 2;
            var sb = new StringBuilder("program deep \"Deep\" {\n  start 2027-01-04\n  task first { duration 3d }\n");
            sb.Append("workstream w0 { after first\n");
            for (int i = 1; i < depth; i++) sb.Append("workstream w").Append(i).Append(" {\n");
            sb.Append("task bottom { duration 2d }\n");
            sb.Append('}', depth).Append('\n');
            sb.Append("  task last { duration 1d  after w0 }\n}\n");
            var text = sb.ToString();
            var p = OnSmallStack("62-deep workstreams", () => TpmProgram.Parse(text, "deep.tpm"));
            p.HasErrors.Should().BeFalse(string.Join("\n", p.Diagnostics.Take(5)));
            var s = p.Schedule!;
            s.Workstreams.Should().HaveCount(depth);
            var bottom = s.Tasks.Single(t => t.Task.Name == "bottom");
            (bottom.Start, bottom.Finish).Should().Be((3, 5));
            bottom.Task.Container!.Depth.Should().Be(depth - 1);
            var last = s.Find("last")!;
            (last.Start, last.Finish).Should().Be((5, 6));
            s.CriticalPath.Select(t => t.Task.Name).Should().Equal("first", "bottom", "last");
        }

        [Theory]
        [InlineData(10_000)]
        [InlineData(100_000)]
        public void Workstreams_nested_far_past_the_limit_are_one_located_error(int depth)
        {
            // 10,000 levels used to take 44 s and 4.9 GB in 'tpm schedule --format json' (ids grow with the depth);
            // 100,000 ended in "internal error: Cannot allocate a buffer".
            var sb = new StringBuilder("program deep \"Deep\" {\n  start 2027-01-04\n");
            for (int i = 0; i < depth; i++) sb.Append("workstream w").Append(i).Append(" {\n");
            sb.Append("task bottom { duration 2d }\n");
            sb.Append('}', depth).Append("\n}\n");
            var text = sb.ToString();
            var p = OnSmallStack(depth + "-deep workstreams", () => TpmProgram.Parse(text, "deep.tpm"));
            var d = p.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM1007");
            // Workstream w62 on line 65 is the 64th block; the brace of w63 on line 66 is the one too deep.
            (d.Location!.Value.Start.Line, d.Location!.Value.Text).Should().Be((66, "{"));
            p.Model.Should().BeNull();
        }

        [Fact]
        public void Two_hundred_thousand_people_on_one_task_bind_in_linear_time_and_a_repeat_is_still_found()
        {
            // Each assignment used to scan the task's earlier ones for a repeat: 200,000 people took 71 s in 'tpm check'.
            const int n = 200_000; // within InputLimits.MaxDeclarations
            var sb = new StringBuilder("program crowd \"Crowd\" {\n  start 2027-01-04\n");
            for (int i = 0; i < n; i++) sb.Append("  person p").Append(i).Append('\n');
            sb.Append("  task z \"Z\" {\n    duration 1d\n");
            for (int i = 0; i < n; i += 1000) sb.Append("    assign ").Append(string.Join(", ", Enumerable.Range(i, 1000).Select(j => "p" + j))).Append('\n');
            sb.Append("    assign p0\n  }\n}\n");
            var text = sb.ToString();
            var p = OnSmallStack("200,000 assignments", () => TpmProgram.Parse(text, "crowd.tpm", new TpmCompileOptions { Schedule = false }));
            p.Diagnostics.Select(d => d.ToString()).Should().Equal($"crowd.tpm({n + 4 + n / 1000 + 1},12): error TPM1103: 'p0' is assigned to task 'z' more than once; give one share");
            p.Model!.Tasks.Single().Assignments.Should().HaveCount(n);
        }

        [Fact]
        public void Two_hundred_thousand_people_on_one_task_schedule_without_leveling_in_linear_time()
        {
            // The over-allocation check looked up each assignee's assignment by scanning the task's list, and gave every
            // person an array of the whole horizon: 200,000 people took 64 s in 'tpm check --no-level'.
            const int n = 200_000; // within InputLimits.MaxDeclarations
            var sb = new StringBuilder("program crowd \"Crowd\" {\n  start 2027-01-04\n");
            for (int i = 0; i < n; i++) sb.Append("  person p").Append(i).Append('\n');
            sb.Append("  task z \"Z\" {\n    duration 2d\n");
            for (int i = 0; i < n; i += 1000) sb.Append("    assign ").Append(string.Join(", ", Enumerable.Range(i, 1000).Select(j => "p" + j))).Append('\n');
            sb.Append("  }\n  task y { duration 2d  assign p7 }\n}\n");
            var text = sb.ToString();
            var options = new TpmCompileOptions { Scheduling = new ProgramDsl.Scheduling.ScheduleOptions { Leveling = false } };
            var p = OnSmallStack("200,000 assignees, leveling off", () => TpmProgram.Parse(text, "crowd.tpm", options));

            var d = p.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM2101");
            d.Message.Should().StartWith("person 'p7' is over-allocated on 2027-01-04..2027-01-05 (2 working days, up to 200%) by 'z', 'y'");
            (d.Location!.Value.Start.Line, d.Location!.Value.Text).Should().Be((n + 5, "p7"));
            d.AdditionalLocations.Single().Start.Line.Should().Be(n + 6 + n / 1000);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void A_hundred_thousand_roles_on_one_task_are_staffed_in_linear_time(bool leveling)
        {
            // Choosing a holder for each role scanned the people already chosen, and the skill check scanned every
            // assignee per role: 40,000 roles took 12.7 s in 'tpm check --no-level'.
            const int n = 100_000;
            var sb = new StringBuilder("program crowd \"Crowd\" {\n  start 2027-01-04\n");
            for (int i = 0; i < n; i++) sb.Append("  role r").Append(i).Append("  person p").Append(i).Append(" { role r").Append(i).Append("  skills sql }\n");
            sb.Append("  task z {\n    effort 10d\n    requires skills sql\n");
            for (int i = 0; i < n; i += 1000) sb.Append("    assign ").Append(string.Join(", ", Enumerable.Range(i, 1000).Select(j => "role r" + j))).Append('\n');
            sb.Append("  }\n}\n");
            var text = sb.ToString();
            var options = new TpmCompileOptions { Scheduling = new ProgramDsl.Scheduling.ScheduleOptions { Leveling = leveling } };
            var p = OnSmallStack("100,000 roles, leveling " + (leveling ? "on" : "off"), () => TpmProgram.Parse(text, "roles.tpm", options));

            p.Diagnostics.Should().BeEmpty();
            var assigned = p.Schedule!.Tasks.Single().Assigned;
            assigned.Should().HaveCount(n);
            assigned.Select(a => a.Person).Distinct().Should().HaveCount(n, "no one holds two of the roles");
        }
}
}
