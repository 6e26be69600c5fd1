using System.IO;
using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm</c> on a portfolio written by an attacker: files outside the workspace are refused by each spelling.</summary>
    public class PortfolioHostileCommandTests
    {
        [Fact]
        public void Every_spelling_of_a_file_outside_the_workspace_is_refused_as_outside_not_as_a_program_named_twice()
        {
            using var temp = PortfolioCommandTests.Prepare(withPortfolio: false);
            var outside = Path.Combine(Path.GetDirectoryName(temp.Path)!, Path.GetFileName(temp.Path) + "-secret.tpm");
            File.WriteAllText(outside, "program secret {\n  start 2027-03-01\n  task x { duration 1d }\n}\n");
            try
            {
                File.CreateSymbolicLink(Path.Combine(temp.Path, "evil.tpm"), outside);
                temp.Write("portfolio.tpm",
                    "portfolio org {\n" +
                    "  program \"alpha/program.tpm\"\n" +
                    "  program \"evil.tpm\"\n" +
                    "  program \"../" + Path.GetFileName(outside) + "\"\n" +
                    "  program \"" + outside + "\"\n" +
                    "}\n");

                var result = Tpm.Run(temp.Path, "check", "portfolio.tpm");

                result.ExitCode.Should().Be(1, result.ToString());
                var lines = Tpm.Lines(result.Out);
                lines.Should().HaveCount(3, result.ToString());
                lines.Select(l => l.Substring(0, l.IndexOf(": cannot", System.StringComparison.Ordinal))).Should().Equal(
                    "portfolio.tpm(3,11): error TPM1006", "portfolio.tpm(4,11): error TPM1006", "portfolio.tpm(5,11): error TPM1006");
                lines.Should().OnlyContain(l => l.Contains("outside the workspace"));
                result.Out.Should().NotContain("already names", "the file outside is not read, so it is no program named twice");
            }
            finally
            {
                File.Delete(outside);
            }
        }
    }
}
