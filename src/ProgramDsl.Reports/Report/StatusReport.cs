using System;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Report
{
    /// <summary>
    /// The status report for stakeholders: red/amber/green status with the rule behind each rating, late and upcoming
    /// milestones (with the forecast when there is one), the critical path, the top risks, earned value at the status
    /// date, metric gates, the decision log and a summary of the diagnostics. Markdown and HTML are rendered from one
    /// document, so both say the same thing; both are deterministic (no clock, no machine paths, invariant culture).
    /// </summary>
    public static class StatusReport
    {
        /// <summary>The red/amber/green ratings the report shows.</summary>
        public static StatusAssessment Assess(ArtefactContext context) => RagRules.Assess(context);

        /// <summary>The report as GitHub-flavoured Markdown (<c>report.md</c>).</summary>
        public static string Markdown(ArtefactContext context) => MarkdownReportWriter.Write(Build(context));

        /// <summary>The report as one self-contained HTML page (inline CSS, no script, nothing fetched; <c>report.html</c>).</summary>
        public static string Html(ArtefactContext context) => HtmlReportWriter.Write(Build(context));

        private static ReportDocument Build(ArtefactContext context)
        {
            if (context is null) throw new ArgumentNullException(nameof(context));
            return StatusReportBuilder.Build(context, RagRules.Assess(context));
        }
    }
}
