using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>
    /// textDocument/inlayHint over the wire on a copy of examples/ml-platform: each task's and milestone's schedule at the
    /// end of its header (after the title, before '{'). Dates as examples/ml-platform/expected/program.schedule.json.
    /// </summary>
    public sealed class InlayHintTests
    {
        [Fact]
        public async Task The_feature_workstream_gets_a_hint_after_each_task_title_with_exact_labels()
        {
            await using var s = await HoverTests.Session.StartAsync();

            // Lines 169-206 (1-based): the workstream 'features' and its four tasks.
            var hints = await HintsAsync(s, 168, 0, 205, 0);

            Summaries(hints).Should().Equal(
                "168:47 2027-02-08 → 2027-02-16 · float 19",          // task feature-spec "Feature specification"
                "175:62 2027-03-16 → 2027-04-07 · float 0 · critical", // task velocity-features "Velocity and aggregate features"
                "184:62 2027-03-16 → 2027-04-07 · float 4",            // task graph-features "Device and merchant graph features"
                "194:62 2027-04-08 → 2027-04-19 · float 0 · critical"); // task feature-store "Online/offline feature-store parity"
            foreach (var hint in hints)
            {
                hint["paddingLeft"]!.Value<bool>().Should().BeTrue();
                hint["kind"]!.Value<int>().Should().Be(1, "Type");
            }

            // The hint sits right after the closing quote of the title, before ' {'.
            var line = File.ReadAllLines(s.Plan)[175];
            line.Substring(0, 62).Should().EndWith("\"Velocity and aggregate features\"");
            line.Substring(62).Should().Be(" {");
        }

        [Fact]
        public async Task A_milestone_shows_one_date_and_only_headers_inside_the_range_get_hints()
        {
            await using var s = await HoverTests.Session.StartAsync();

            // Line 380: '    milestone eval-gate "Evaluation gate" {' only; line 375 (rai-signoff) is outside.
            Summaries(await HintsAsync(s, 379, 0, 379, 45)).Should().Equal("379:41 2027-07-28 · float 0 · critical");
            Summaries(await HintsAsync(s, 373, 0, 380, 0)).Should().Equal(
                "373:51 2027-07-20 · float 6",
                "379:41 2027-07-28 · float 0 · critical");
            // A range that ends before the header's end holds no hint.
            Summaries(await HintsAsync(s, 379, 0, 379, 20)).Should().BeEmpty();
        }

        [Fact]
        public async Task Every_task_and_milestone_of_the_program_file_gets_one_hint_and_a_fragment_without_tasks_none()
        {
            await using var s = await HoverTests.Session.StartAsync();
            await s.Client.OpenAsync(s.People);

            var all = await HintsAsync(s, 0, 0, 10_000, 0);
            var schedule = JObject.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Examples, "ml-platform", "expected", "program.schedule.json")));
            var expected = schedule["tasks"]!.Select(t => t["kind"]!.ToString() == "milestone"
                ? t["finish"] + " · float " + t["total_float_days"] + ((bool)t["critical"]! ? " · critical" : "")
                : t["start"] + " → " + t["finish"] + " · float " + t["total_float_days"] + ((bool)t["critical"]! ? " · critical" : "")).ToList();

            all.Select(h => h["label"]!.ToString()).Should().Equal(expected, "one hint per task and milestone, in declaration order, as tpm schedule dates them");
            (await s.Client.RequestAsync("textDocument/inlayHint", Params(s.People, 0, 0, 100, 0))).Should().BeOfType<JArray>().Which.Should().BeEmpty();
        }

        [Fact]
        public async Task A_document_no_program_reads_gets_no_hints_and_no_error()
        {
            await using var s = await HoverTests.Session.StartAsync();
            var stray = s.Workspace.Write("elsewhere/notes.tpm", "person ana \"Ana\" { }\n");

            var result = await s.Client.RequestAsync("textDocument/inlayHint", Params(stray, 0, 0, 5, 0));

            (result.Type == JTokenType.Null || (result is JArray array && array.Count == 0)).Should().BeTrue(result.ToString());
            Summaries(await HintsAsync(s, 379, 0, 379, 45)).Should().ContainSingle("the server still answers");
        }

        private static JObject Params(string path, int startLine, int startCharacter, int endLine, int endCharacter) => new JObject
        {
            ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) },
            ["range"] = LspClient.Range(startLine, startCharacter, endLine, endCharacter),
        };

        private static async Task<JArray> HintsAsync(HoverTests.Session s, int startLine, int startCharacter, int endLine, int endCharacter) =>
            (JArray)await s.Client.RequestAsync("textDocument/inlayHint", Params(s.Plan, startLine, startCharacter, endLine, endCharacter));

        private static string[] Summaries(JArray hints) =>
            hints.Select(h => h["position"]!["line"] + ":" + h["position"]!["character"] + " " + h["label"]).ToArray();
    }
}
