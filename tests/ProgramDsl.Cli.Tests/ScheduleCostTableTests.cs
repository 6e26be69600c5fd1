using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>The schedule table's "Cost by workstream" section.</summary>
    public class ScheduleCostTableTests
    {
        [Fact]
        public void Cost_by_workstream_nests_inner_workstreams_and_adds_up_to_the_program()
        {
            using var temp = new TempFolder();
            // outer: a 2 days × 500 = 1,000 plus inner's b, a fixed 250 → 1,250. free costs nothing; top (99.50) is in no
            // workstream. Program: 1,349.50.
            temp.Write("plan.tpm",
                "program c \"C\" {\n  start 2027-03-01\n  currency EUR\n" +
                "  person ana \"Ana\" { rate 500/d }\n" +
                "  workstream outer \"Outer work\" {\n" +
                "    task a \"A\" { duration 2d  assign ana }\n" +
                "    workstream inner \"Inner\" { task b \"B\" { duration 1d  cost 250 } }\n" +
                "  }\n" +
                "  workstream free \"Free\" { task f \"F\" { duration 1d } }\n" +
                "  task top \"Top\" { duration 1d  cost 99.50 }\n" +
                "}\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().EndWith(
                "\n" +
                "Cost by workstream (EUR)\n" +
                "  outer            Outer work    1,250\n" +
                "    outer.inner    Inner           250\n" +
                "  free             Free              0\n" +
                "  (no workstream)                 99.5\n" +
                "  program total                1,349.5\n");
        }

        [Fact]
        public void No_cost_section_when_nothing_costs_money()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  workstream w \"W\" { task t \"T\" { duration 2d } }\n}\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().NotContain("Cost by workstream");
        }
    }
}
