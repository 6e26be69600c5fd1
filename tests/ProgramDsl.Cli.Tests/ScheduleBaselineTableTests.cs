using System.IO;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Cli.Output;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>The schedule table measured against a frozen baseline: the Slip column and the baseline line.</summary>
    public class ScheduleBaselineTableTests
    {
        // Calendar mon..fri; 2027-03-01 is a Monday. Frozen as 'q1': design Mar 1..Mar 3, build Mar 4..Mar 9,
        // docs Mar 4..Mar 5, legacy Mar 1, beta Mar 9, old-gate Mar 5; finish Mar 9.
        private const string Frozen =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  task design \"Design\" { duration 3d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 2d  after design }\n" +
            "  task legacy \"Legacy cleanup\" { duration 1d }\n" +
            "  milestone beta \"Beta\" { after build }\n" +
            "  milestone old-gate \"Old gate\" { after docs }\n" +
            "}\n";

        // Now: design Mar 1..Mar 5 (+2), build Mar 8..Mar 11 (+2), docs Mar 8 (Mar 5 → Mar 8: +1), review new,
        // beta Mar 11 (+2); finish Mar 15, 4 working days after Mar 9 (Mar 10, 11, 12, 15).
        private const string Current =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  task design \"Design\" { duration 5d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 1d  after design }\n" +
            "  task review \"Review\" { duration 2d  after build }\n" +
            "  milestone beta \"Beta\" { after build }\n" +
            "}\n";

        private static TpmProgram Compile(string text)
        {
            var compiled = TpmProgram.Parse(text, "plans/demo.tpm");
            compiled.HasErrors.Should().BeFalse();
            return compiled;
        }

        private static string Table(string frozen, string current, bool quiet = false)
        {
            var snapshot = BaselineSnapshot.Capture(Compile(frozen).Schedule!, "q1");
            var schedule = Compile(current).Schedule!;
            var output = new StringWriter { NewLine = "\n" };
            ScheduleTable.Write(output, schedule, new Ansi(false), quiet, BaselineComparison.Compare(schedule, snapshot, "plans/demo.baseline.q1.json"));
            return output.ToString();
        }

        [Fact]
        public void The_slip_column_has_each_finish_slip_and_new_for_an_added_task()
        {
            var lines = Table(Frozen, Current).Split('\n');
            int header = System.Array.FindIndex(lines, l => l.Contains("ID") && l.Contains("Slip"));
            lines[header].Should().Be("   ID      Name    Start       Finish      Days  Float  Slip  Assigned  Delayed by");
            lines.Skip(header + 1).Take(5).Should().Equal(
                "*  design  Design  2027-03-01  2027-03-05     5      0   +2d",
                "*  build   Build   2027-03-08  2027-03-11     4      0   +2d",
                "   docs    Docs    2027-03-08  2027-03-08     1      5   +1d",
                "*  review  Review  2027-03-12  2027-03-15     2      0   new",
                "   beta    ◆ Beta  2027-03-11  2027-03-11     0      2   +2d");
        }

        [Fact]
        public void The_baseline_line_gives_its_finish_the_programs_slip_and_what_was_added_and_removed()
        {
            var text = Table(Frozen, Current);
            text.Should().Contain(
                "\n  baseline 'q1' (plans/demo.baseline.q1.json)   finish 2027-03-09, now 4 working days later\n" +
                "  since the baseline: 1 added, 2 removed (legacy, old-gate)\n");
            text.Should().Contain("Slip = working days the finish moved since the baseline");
            Table(Frozen, Current, quiet: true).Should().NotContain("Slip =");
        }

        [Fact]
        public void Against_its_own_snapshot_the_finish_is_unchanged_and_nothing_was_added_or_removed()
        {
            var text = Table(Current, Current);
            text.Should().Contain("\n  baseline 'q1' (plans/demo.baseline.q1.json)   finish 2027-03-15, unchanged\n");
            text.Should().NotContain("since the baseline:");
            text.Split('\n').Where(l => l.StartsWith("*  ") || l.StartsWith("   ") && l.Contains("2027-")).Should().OnlyContain(l => l.Contains("  0d"));
        }

        [Fact]
        public void An_earlier_finish_is_a_negative_slip()
        {
            // Swapped: the frozen plan is the later one, so everything is earlier now (review, beta and the finish).
            var text = Table(Current, Frozen);
            text.Should().Contain("finish 2027-03-15, now 4 working days earlier\n");
            text.Should().Contain("since the baseline: 2 added, 1 removed (review)\n");
            text.Split('\n').Single(l => l.StartsWith("*  design ")).Should().EndWith("  -2d");
        }

        [Fact]
        public void More_than_five_removed_tasks_are_cut_with_an_ellipsis()
        {
            var many = "program demo \"Demo plan\" {\n  start 2027-03-01\n" +
                       string.Concat(Enumerable.Range(1, 7).Select(i => "  task t" + i + " \"T\" { duration 1d }\n")) + "}\n";
            var text = Table(many, "program demo \"Demo plan\" {\n  start 2027-03-01\n  task t1 \"T\" { duration 1d }\n}\n");
            text.Should().Contain("since the baseline: 0 added, 6 removed (t2, t3, t4, t5, t6, …)\n");
        }

        [Fact]
        public void Without_a_baseline_the_table_has_no_slip_column_or_baseline_line()
        {
            var schedule = Compile(Current).Schedule!;
            var plain = new StringWriter { NewLine = "\n" };
            ScheduleTable.Write(plain, schedule, new Ansi(false), quiet: false);
            var withNull = new StringWriter { NewLine = "\n" };
            ScheduleTable.Write(withNull, schedule, new Ansi(false), quiet: false, baseline: null);
            withNull.ToString().Should().Be(plain.ToString());
            plain.ToString().Should().NotContain("Slip").And.NotContain("baseline");
        }
    }
}
