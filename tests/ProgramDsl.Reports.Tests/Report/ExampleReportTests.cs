using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Reports.Report;

namespace ProgramDsl.Reports.Tests.Report
{
    /// <summary>The report of examples/ml-platform: tracked at 2027-01-15 with actual costs, risks, gated metrics and decisions.</summary>
    public class ExampleReportTests
    {
        private static ArtefactContext Context()
        {
            var compiled = ReportPlans.Example("examples/ml-platform/program.tpm");
            compiled.HasErrors.Should().BeFalse(string.Join("\n", compiled.Diagnostics));
            return ArtefactContext.Create(compiled, new[] { new MarkdownReportArtefact() }, null, 500, "9.9.9");
        }

        [Fact]
        public void The_ratings_are_the_ones_a_program_manager_would_give()
        {
            var rag = StatusReport.Assess(Context());

            (rag.Overall.Status, rag.Schedule.Status, rag.Budget.Status, rag.Risk.Status).Should().Be((RagStatus.Red, RagStatus.Red, RagStatus.Amber, RagStatus.Amber));
            rag.Overall.Findings.Single().Text.Should().Be("schedule is red; budget and risk are amber");
            // tpm schedule: finish 2027-10-26, deadline 2027-10-29, 3 working days to spare.
            rag.Schedule.Findings.Should().Contain(f => f.Level == RagStatus.Amber &&
                f.Text == "the plan finishes on 2027-10-26 with only 3 working days to spare before the deadline of 2027-10-29 (amber under 5)");
            rag.Schedule.Findings[0].Text.Should().StartWith("the forecast meets the deadline in ");
            // tpm status: EAC 399,391.42 of a 420,000 budget (95.1%), CPI 0.86; the planned 344,660 is 82.1% and fires nothing.
            rag.Budget.Findings.Select(f => f.Text).Should().Equal(
                "the estimate at completion of 399,391.42 USD (BAC ÷ CPI) is 95.1% of the budget (amber above 90%)",
                "the CPI at the status date is 0.86: the work done cost more than planned (amber under 0.90)");
            // Open risks: latency-budget 60% x 12d = 7.2, gpu-shortage 40% x 8d = 3.2, label-delay 30% x 10d = 3; all owned and mitigated.
            rag.Risk.Findings.Select(f => f.Text).Should().Equal(
                "3 open risks have an exposure of 3 working days or more (owned and mitigated): latency-budget (exposure 7.2 days), gpu-shortage (exposure 3.2 days), label-delay (exposure 3 days)");
        }

        [Fact]
        public void The_markdown_lists_the_gates_risks_and_decisions_of_the_plan()
        {
            var md = StatusReport.Markdown(Context());

            ReportPlans.SectionLines(md, "## Metric gates")[0].Should().Be("- `evaluation.eval-gate` (2027-07-28): 1 of 5 metrics meets its target; the gate does not pass yet.");
            ReportPlans.TableRows(md, "## Metric gates").Select(r => ReportPlans.Cells(r)[2] + " " + ReportPlans.Shown(ReportPlans.Cells(r)[6])).Should().Equal(
                "`auc` not met", "`recall` not met", "`p99-latency` not met", "`approval-parity` met", "`false-declines` not met");
            ReportPlans.TableRows(md, "## Top risks").Select(r => ReportPlans.Cells(r)[0]).Should().Equal("`latency-budget`", "`gpu-shortage`", "`label-delay`", "`dpia-findings`");
            ReportPlans.TableRows(md, "## Decision log").Select(r => ReportPlans.Cells(r)[1]).Should().Equal("`xgb-baseline`", "`feature-store`", "`gnn-go`");
            ReportPlans.TableRows(md, "### Tasks behind plan").Select(r => ReportPlans.Cells(r)[0]).Should().Equal(
                "`discovery.eda`", "`discovery.charter`", "`discovery.data-audit`", "`discovery.rules-benchmark`");
            ReportPlans.TableRows(md, "## Critical path").Should().HaveCount(22);
        }
    }
}
