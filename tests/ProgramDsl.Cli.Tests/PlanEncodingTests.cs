using System.IO;
using System.Text;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Plan files are UTF-8 unless a byte order mark says otherwise (editors on Windows save UTF-16 with one).</summary>
    public class PlanEncodingTests
    {
        private const string Plan = "program p \"Café ☕\" {\n  start 2027-01-04\n  task t \"Thé\" { duration 2d }\n}\n";

        [Theory]
        [InlineData("utf-8")]
        [InlineData("utf-16")]
        [InlineData("utf-16BE")]
        [InlineData("utf-32")]
        public void A_plan_with_a_byte_order_mark_is_read_in_its_encoding(string encodingName)
        {
            using var temp = new TempFolder();
            var encoding = Encoding.GetEncoding(encodingName);
            File.WriteAllBytes(Path.Combine(temp.Path, "plan.tpm"), encoding.GetPreamble().Length > 0 ? [.. encoding.GetPreamble(), .. encoding.GetBytes(Plan)] : encoding.GetBytes(Plan));

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--no-color");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("Program p \"Café ☕\"").And.Contain("Thé");
        }
    }
}
