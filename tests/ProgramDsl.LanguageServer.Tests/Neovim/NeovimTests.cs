using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests.Neovim
{
    /// <summary>
    /// <c>tpm lsp</c> in a real editor: headless Neovim's built-in LSP client (which no one here wrote) opens a plan
    /// with a mistake and the ml-platform example, and the tests read back what Neovim holds through its own API
    /// (<c>vim.diagnostic.get</c>, <c>vim.lsp.buf_request_sync</c>). One editor run serves every test of the class.
    /// </summary>
    public sealed class NeovimTests : IClassFixture<NeovimTests.Session>
    {
        // examples/errors/TPM1001.tpm, 0-based: line 6 is '  task train "Train the model" ...'; 'train' spans characters 7..12.
        private const int TrainLine = 6;
        private const int TrainCharacter = 9;

        // examples/ml-platform/program.tpm, 0-based: line 81 is '    task feasibility-report "..." {'; the id starts at character 9.
        private const int FeasibilityLine = 81;
        private const int FeasibilityCharacter = 14;

        private readonly Session _session;

        public NeovimTests(Session session) => _session = session;

        [NeovimFact]
        public async Task Neovim_holds_the_exact_diagnostic_of_the_plan_with_a_mistake()
        {
            var report = await _session.ReportAsync();
            var diagnostics = (JArray)File(report, "TPM1001.tpm")["diagnostics"]!;

            diagnostics.Should().HaveCount(1);
            var d = diagnostics[0];
            // Neovim keeps 0-based lines and byte columns: 'trian' is at line 9, columns 22..26 as tpm check counts them (1-based).
            ((int)d["lnum"]!, (int)d["col"]!, (int)d["end_lnum"]!, (int)d["end_col"]!).Should().Be((8, 21, 8, 26));
            ((string)d["code"]!).Should().Be("TPM1001");
            ((string)d["user_data"]!["lsp"]!["code"]!).Should().Be("TPM1001", "Neovim 0.7 also keeps the protocol's code under user_data.lsp");
            ((string)d["message"]!).Should().Be("unknown task 'trian'; did you mean 'train'?");
            ((int)d["severity"]!).Should().Be(1, "vim.diagnostic.severity.ERROR is 1");
            ((string)d["source"]!).Should().Be("tpm");
        }

        [NeovimFact]
        public async Task Neovim_holds_the_info_diagnostics_tpm_check_reports_for_the_ml_platform_example()
        {
            var report = await _session.ReportAsync();
            // tpm check's baseline: 'examples/ml-platform/program.tpm(382,12): info TPM3006: ...', 1-based.
            var expected = System.IO.File.ReadAllLines(Path.Combine(RepositoryPaths.Examples, "ml-platform", "expected", "program.check.txt"))
                .Select(line => Regex.Match(line, @"\((\d+),(\d+)\): info (TPM\d+): (.*)$"))
                .Select(m => $"{int.Parse(m.Groups[1].Value) - 1}:{int.Parse(m.Groups[2].Value) - 1} 3 {m.Groups[3].Value} {m.Groups[4].Value}")
                .ToList();

            var seen = ((JArray)File(report, "program.tpm")["diagnostics"]!)
                .OrderBy(d => (int)d["lnum"]!).ThenBy(d => (int)d["col"]!)
                .Select(d => $"{d["lnum"]}:{d["col"]} {d["severity"]} {d["code"]} {d["message"]}")
                .ToList();

            expected.Should().HaveCount(4);
            // vim.diagnostic.severity.INFO is 3.
            seen.Should().Equal(expected);
        }

        [NeovimFact]
        public async Task A_hover_on_a_task_id_answers_without_an_error()
        {
            var report = await _session.ReportAsync();

            foreach (var name in new[] { "TPM1001.tpm", "program.tpm" })
            {
                var hover = (JObject)File(report, name)["hovers"]![0]!;
                ((bool)hover["supported"]!).Should().BeTrue("the server announces hoverProvider");
                hover["timeout"]!.Type.Should().Be(JTokenType.Null, "the hover must answer within 10 s");
                hover["error"]!.Type.Should().Be(JTokenType.Null, "the hover must not fail in " + name);
            }
        }

        [NeovimFact]
        public async Task A_hover_on_a_task_id_shows_the_id_and_the_scheduled_dates()
        {
            var report = await _session.ReportAsync();
            var expected = JObject.Parse(System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "ml-platform", "expected", "program.schedule.json")));
            var task = ((JArray)expected["tasks"]!).Single(t => (string)t["id"]! == "discovery.feasibility-report");
            var (start, finish) = ((string)task["start"]!, (string)task["finish"]!);

            var onTrain = HoverText(File(report, "TPM1001.tpm"));
            var onFeasibility = HoverText(File(report, "program.tpm"));

            onTrain.Should().Contain("train");
            // The qualified id, and the dates tpm schedule gives, as Neovim renders the hover (its markdown lines).
            onFeasibility.Should().Contain("discovery.feasibility-report").And.Contain(start).And.Contain(finish);
        }

        [NeovimFact]
        public async Task Quitting_Neovim_shuts_the_server_down_cleanly()
        {
            var report = await _session.ReportAsync();

            // Neovim sends shutdown then exit: the protocol's exit code after a shutdown is 0.
            ((int)report["exit"]!["code"]!).Should().Be(0);
        }

        private static JObject File(JObject report, string name) =>
            (JObject)((JArray)report["files"]!).Single(f => Path.GetFileName((string)f["path"]!) == name);

        private static string HoverText(JObject file)
        {
            var hover = file["hovers"]![0]!;
            hover["result"]!.Type.Should().Be(JTokenType.Object, "a task id has a hover");
            return string.Join("\n", ((JArray)hover["lines"]!).Select(l => (string)l!));
        }

        /// <summary>The one editor run: a workspace with both plans, Neovim opening each and hovering a task id.</summary>
        public sealed class Session : IDisposable
        {
            private readonly TempWorkspace _workspace = new TempWorkspace();
            private readonly Lazy<Task<JObject>> _report;

            public Session() => _report = new Lazy<Task<JObject>>(RunAsync);

            public Task<JObject> ReportAsync() => _report.Value;

            private Task<JObject> RunAsync()
            {
                var mistake = _workspace.Write("TPM1001.tpm", System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "errors", "TPM1001.tpm")));
                var program = Path.Combine(_workspace.CopyExample("ml-platform"), "program.tpm");
                var config = new JObject
                {
                    ["cmd"] = new JArray("dotnet", RepositoryPaths.TpmDll, "lsp"),
                    ["root"] = _workspace.Root,
                    ["files"] = new JArray(
                        new JObject { ["path"] = mistake, ["min_diagnostics"] = 1, ["hovers"] = new JArray(Position(TrainLine, TrainCharacter)) },
                        new JObject { ["path"] = program, ["min_diagnostics"] = 0, ["hovers"] = new JArray(Position(FeasibilityLine, FeasibilityCharacter)) }),
                };
                return Neovim.RunAsync(_workspace.Root, config);
            }

            private static JObject Position(int line, int character) => new JObject { ["line"] = line, ["character"] = character };

            public void Dispose() => _workspace.Dispose();
        }
    }
}
