using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>
    /// A plan frozen as baseline 'q1' and the same plan some weeks later, with every date and slip worked out by hand.
    /// </summary>
    internal static class BaselinePlans
    {
        public const string BaselinePath = "plans/demo.baseline.q1.json";

        // Calendar mon..fri, no holidays; 2027-03-01 is a Monday. Working-day index i: 0 Mar 1, 1 Mar 2, 2 Mar 3,
        // 3 Mar 4, 4 Mar 5, 5 Mar 8, 6 Mar 9, 7 Mar 10, 8 Mar 11, 9 Mar 12, 10 Mar 15.
        // design [0,3) Mar 1..Mar 3; build [3,7) Mar 4..Mar 9; docs [3,5) Mar 4..Mar 5; legacy [0,1) Mar 1;
        // beta after build: index 7, dated Mar 9; old-gate after docs: index 5, dated Mar 5. Finish Mar 9.
        public const string Frozen =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  task design \"Design\" { duration 3d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 2d  after design }\n" +
            "  task legacy \"Legacy cleanup\" { duration 1d }\n" +
            "  milestone beta \"Beta\" { after build  due 2027-03-12 }\n" +
            "  milestone old-gate \"Old gate\" { after docs }\n" +
            "}\n";

        // design [0,5) Mar 1..Mar 5; build [5,9) Mar 8..Mar 11; docs [5,6) Mar 8; review (new) [9,11) Mar 12..Mar 15;
        // beta index 9, dated Mar 11. Finish Mar 15. legacy and old-gate are gone.
        // Finish slips against the baseline, in working days: design Mar 3 → Mar 5 = +2, build Mar 9 → Mar 11 = +2,
        // docs Mar 5 → Mar 8 = +1, beta Mar 9 → Mar 11 = +2; the program Mar 9 → Mar 15 = +4 (Mar 10, 11, 12, 15).
        // Start slips: design 0, build Mar 4 → Mar 8 = +2, docs +2.
        public const string Current =
            "program demo \"Demo plan\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  task design \"Design\" { duration 5d }\n" +
            "  task build \"Build\" { duration 4d  after design }\n" +
            "  task docs \"Docs\" { duration 1d  after design }\n" +
            "  task review \"Review\" { duration 2d  after build }\n" +
            "  milestone beta \"Beta\" { after build  due 2027-03-12 }\n" +
            "}\n";

        public static TpmProgram Compile(string text)
        {
            var compiled = TestPlans.Compile(text);
            compiled.HasErrors.Should().BeFalse();
            return compiled;
        }

        /// <summary>The current plan and its comparison with the frozen one.</summary>
        public static (TpmProgram Current, BaselineComparison Comparison) Compared()
        {
            var frozen = BaselineSnapshot.Capture(Compile(Frozen).Schedule!, "q1");
            var current = Compile(Current);
            return (current, BaselineComparison.Compare(current.Schedule!, frozen, BaselinePath));
        }

        /// <summary>The artefact context of the current plan measured against the frozen one.</summary>
        public static ArtefactContext Context(int forecastIterations = 0)
        {
            var (current, comparison) = Compared();
            return ArtefactContext.Create(current, ArtefactCatalog.All, forecastIterations: forecastIterations, toolVersion: "9.9.9").WithBaseline(comparison);
        }
    }
}
