using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Report;
using ProgramDsl.Text;

namespace ProgramDsl.Reports.Tests.Report
{
    /// <summary>The report's earned value is measured against the frozen baseline the program names, as tpm status measures.</summary>
    public class ReportBaselineTests
    {
        [Fact]
        public void The_reports_earned_value_is_measured_against_the_frozen_baseline()
        {
            // Frozen from the untracked demo: collect Mar 1–4 (2,000), clean Mar 8–11 (800), docs (0), ready Mar 11.
            // Tracked (collect 50% done for 1,200 at Fri Mar 5) and re-estimated: clean's effort 2d → 4d, so recomputed it
            // would cost 1,600; frozen it stays 800. BAC 2,800; PV collect's 2,000 (all 4 frozen days by Mar 5); EV 1,000.
            // Tracked: collect's 2 days left run Mar 8–9; clean (lag 1d) from Mar 11, 4 days of effort at half time = 8
            // working days, to Mar 22: the finish is 7 working days after the frozen Mar 11.
            var frozen = BaselineSnapshot.Capture(TestPlans.Compile(TestPlans.Demo).Schedule!, "q1");
            var text = TestPlans.Demo
                .Replace("  currency EUR\n", "  currency EUR\n  status-date 2027-03-05\n  baseline \"demo.baseline.q1.json\"\n")
                .Replace("{ effort 4d  assign ana }", "{ effort 4d  assign ana  actual-start 2027-03-01  progress 50%  actual-cost 1_200 }")
                .Replace("{ effort 2d  assign bo 50%", "{ effort 4d  assign bo 50%");
            var resolver = new InMemorySourceResolver().Add("plans/demo.tpm", text).Add("plans/demo.baseline.q1.json", BaselineJson.Write(frozen));
            var compiled = TpmProgram.Compile(new SourceText("plans/demo.tpm", text), resolver);
            compiled.HasErrors.Should().BeFalse(string.Join("\n", compiled.Diagnostics));
            compiled.Baseline.Should().NotBeNull();

            var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 0);

            var ev = context.EarnedValue!;
            ev.Frozen.Should().BeSameAs(compiled.Baseline);
            (ev.Total.Bac, ev.Total.Pv, ev.Total.Ev).Should().Be((2800m, 2000m, 1000m));
            (ev.BaselineFinishDate.ToString(), ev.FinishSlipDays).Should().Be(("2027-03-11", 7));
            StatusReport.Markdown(context).Should().Contain("against 2027-03-11 in the baseline (7 working days later)");
        }
    }
}
