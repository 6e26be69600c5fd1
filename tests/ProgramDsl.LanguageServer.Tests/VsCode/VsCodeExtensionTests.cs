using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ProgramDsl.LanguageServer.Tests.VsCode
{
    /// <summary>
    /// The VS Code extension's own test groups (editors/vscode, <c>npm run test:*</c>), run from the .NET suite so that
    /// tests/run.sh and CI run them: the grammar on its annotated samples, the manifest against the compiler's keywords,
    /// the client against a stand-in vscode API and the tpm built here, and the packaged .vsix.
    /// </summary>
    public sealed class VsCodeExtensionTests
    {
        [NodeFact]
        public async Task Grammar_tests_pass_on_every_annotated_sample()
        {
            var result = await NpmRunner.RunAsync("test:grammar");

            result.ExitCode.Should().Be(0, result.Output);
            var samples = Directory.GetFiles(Path.Combine(NpmRunner.ExtensionFolder, "test", "grammar"), "*.tpm");
            samples.Should().NotBeEmpty();
            foreach (var sample in samples)
            {
                result.Output.Should().Contain("test/grammar/" + Path.GetFileName(sample) + " run successful", result.Output);
            }
        }

        [NodeFact]
        public async Task Manifest_tests_pass()
        {
            var result = await NpmRunner.RunAsync("test:manifest");

            result.ExitCode.Should().Be(0, result.Output);
            NodeTestCounts(result.Output).Should().Match<(int Pass, int Fail, int Skipped)>(c => c.Pass >= 10 && c.Fail == 0 && c.Skipped == 0, result.Output);
        }

        [NodeFact]
        public async Task Client_tests_pass_and_build_an_example_chart_with_the_tpm_built_here()
        {
            var tpm = NpmRunner.BuiltTpm;
            tpm.Should().NotBeNull("the project reference copies the tpm apphost next to the tests");

            var result = await NpmRunner.RunAsync("test:client", tpm);

            result.ExitCode.Should().Be(0, result.Output);
            // No test skipped: the one that needs a real tpm ran with it.
            NodeTestCounts(result.Output).Should().Match<(int Pass, int Fail, int Skipped)>(c => c.Pass >= 15 && c.Fail == 0 && c.Skipped == 0, result.Output);
        }

        [NodeFact]
        public async Task Package_tests_pass_on_the_vsix_the_documented_command_makes()
        {
            var result = await NpmRunner.RunAsync("test:package");

            result.ExitCode.Should().Be(0, result.Output);
            result.Output.Should().MatchRegex(@"programdsl-\d+\.\d+\.\d+\.vsix: \d+ bytes", result.Output);
            NodeTestCounts(result.Output).Should().Match<(int Pass, int Fail, int Skipped)>(c => c.Pass >= 3 && c.Fail == 0 && c.Skipped == 0, result.Output);
        }

        /// <summary>The closing counts of node's test runner (<c># pass N</c>, <c># fail N</c>, <c># skipped N</c>).</summary>
        private static (int Pass, int Fail, int Skipped) NodeTestCounts(string output)
        {
            int Count(string word) => Regex.Matches(output, @"^# " + word + @" (\d+)\s*$", RegexOptions.Multiline).Sum(m => int.Parse(m.Groups[1].Value));
            return (Count("pass"), Count("fail"), Count("skipped"));
        }
    }
}
