using System.IO;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm build --emit html</c>: the Gantt page under the program's id, the same bytes every time.</summary>
    public class BuildHtmlTests
    {
        [Fact]
        public void Emit_html_writes_the_gantt_and_report_pages_and_writes_them_identically_again()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var first = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "html");

            first.ExitCode.Should().Be(0, first.ToString());
            Tpm.Lines(first.Out).Should().Equal("wrote " + Path.Combine("out", "demo", "gantt.html"), "wrote " + Path.Combine("out", "demo", "report.html"));
            var page = Path.Combine(temp.Path, "out", "demo", "gantt.html");
            var html = File.ReadAllText(page);
            html.Should().StartWith("<!DOCTYPE html>\n").And.EndWith("</html>\n");
            html.Should().Contain("<svg class=\"chart\"").And.Contain("<svg class=\"load\"");
            Directory.GetFiles(Path.Combine(temp.Path, "out", "demo")).Should().HaveCount(2, "nothing but the pages (no temporary file left behind)");
            var report = File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "report.html"));
            report.Should().StartWith("<!DOCTYPE html>").And.Contain("Demo plan");

            Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "html").ExitCode.Should().Be(0);
            File.ReadAllText(page).Should().Be(html);
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "report.html")).Should().Be(report);
        }
    }
}
