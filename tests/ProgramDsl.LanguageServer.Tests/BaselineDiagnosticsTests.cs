using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Baselines;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The language server reads the baseline a plan names from disk and publishes its diagnostics.</summary>
    public sealed class BaselineDiagnosticsTests
    {
        [Fact]
        public async Task A_plan_measured_against_its_baseline_gets_the_slipped_milestone_and_the_changes()
        {
            const string agreed = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d }\n  task gone { duration 1d }\n  milestone m \"M\" { after a }\n}\n";
            using var workspace = new TempWorkspace();
            workspace.Write("plan/p.baseline.q1.json", BaselineJson.Write(BaselineSnapshot.Capture(ProgramDsl.TpmProgram.Parse(agreed).Schedule!, "q1")));
            var plan = workspace.Write("plan/program.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  baseline \"p.baseline.q1.json\"\n  task a \"A\" { duration 6d }\n  milestone m \"M\" { after a }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);

            await client.OpenAsync(plan);
            var diagnostics = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 2);

            LspClient.Summarize(diagnostics).Should().Equal(
                "2:11-2:31 3 TPM2204 since baseline 'q1', tasks and milestones 1 removed (gone); they are not compared with the baseline",
                "4:12-4:13 2 TPM2203 milestone 'm' is now on 2027-01-11, 1 working day after its baseline date 2027-01-08 (baseline 'q1'), more than the tolerance of 0 working days; bring the work back in, or agree the new date and save a new baseline");
        }
    
        [Fact]
        public async Task A_baseline_saved_behind_the_editor_is_measured_against_when_the_editor_reports_it()
        {
            const string agreed = "program p \"P\" {\n  start 2027-01-04\n  task a \"A\" { duration 5d }\n  milestone m \"M\" { after a }\n}\n";
            using var workspace = new TempWorkspace();
            var plan = workspace.Write("plan/program.tpm",
                "program p \"P\" {\n  start 2027-01-04\n  baseline \"p.baseline.q1.json\"\n  task a \"A\" { duration 6d }\n  milestone m \"M\" { after a }\n}\n");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            var missing = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1);
            LspClient.Summarize(missing).Single().Should().Contain("TPM1104");

            // tpm baseline save (or a checkout) writes the file; the editor's watcher reports it, the buffer is unchanged.
            var saved = workspace.Write("plan/p.baseline.q1.json", BaselineJson.Write(BaselineSnapshot.Capture(ProgramDsl.TpmProgram.Parse(agreed).Schedule!, "q1")));
            await client.NotifyAsync("workspace/didChangeWatchedFiles", new Newtonsoft.Json.Linq.JObject
            {
                ["changes"] = new Newtonsoft.Json.Linq.JArray(new Newtonsoft.Json.Linq.JObject { ["uri"] = LspClient.UriOf(saved), ["type"] = 1 }),
            });

            var measured = await client.WaitForDiagnosticsAsync(plan, d => d.Count == 1 && LspClient.Summarize(d).Single().Contains("TPM2203"));
            LspClient.Summarize(measured).Single().Should().StartWith("4:12-4:13 2 TPM2203 milestone 'm' is now on 2027-01-11");
        }
    }
}
