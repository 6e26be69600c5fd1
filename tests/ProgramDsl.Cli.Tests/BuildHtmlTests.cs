using System.IO;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm build --emit html</c>: the Gantt page under the program's id, the same bytes every time.</summary>
    public class BuildHtmlTests
    {
        [Fact]
        public void Emit_html_writes_the_gantt_page_and_writes_it_identically_again()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var first = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "html");

            first.ExitCode.Should().Be(0, first.ToString());
            Tpm.Lines(first.Out).Should().Equal("wrote " + Path.Combine("out", "demo", "gantt.html"));
            var page = Path.Combine(temp.Path, "out", "demo", "gantt.html");
            var html = File.ReadAllText(page);
            html.Should().StartWith("<!DOCTYPE html>\n").And.EndWith("</html>\n");
            html.Should().Contain("<svg class=\"chart\"").And.Contain("<svg class=\"load\"");
            Directory.GetFiles(Path.Combine(temp.Path, "out", "demo")).Should().HaveCount(1, "nothing but the page (no temporary file left behind)");

            Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", "html").ExitCode.Should().Be(0);
            File.ReadAllText(page).Should().Be(html);
        }
    }
}
