using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>
    /// textDocument/hover over the wire on a copy of examples/ml-platform. The dates are those of
    /// examples/ml-platform/expected/program.schedule.json (tpm schedule --format json); the forecast's are those of
    /// tpm forecast examples/ml-platform/program.tpm -n 500 --format json (seed 0).
    /// </summary>
    public sealed class HoverTests
    {
        [Fact]
        public async Task A_task_declaration_shows_its_dates_float_criticality_assignees_and_forecast_with_the_name_as_range()
        {
            await using var s = await Session.StartAsync();

            // program.tpm line 176: '      task velocity-features "Velocity and aggregate features" {'; the name is at columns 11..28.
            var hover = await s.WaitForHoverAsync(s.Plan, 175, 20, "Forecast:");

            hover["contents"]!["kind"]!.ToString().Should().Be("markdown");
            Value(hover).Should().Be(
                "**task** `data.features.velocity-features` \"Velocity and aggregate features\"\n\n" +
                "2027-03-16 → 2027-04-07 · float 0 · critical\n\n" +
                "- Start: 2027-03-16\n" +
                "- Finish: 2027-04-07\n" +
                "- Duration: 15 working days\n" +
                "- Total float: 0 working days (critical)\n" +
                "- After: `data.features.feature-spec`, `data.ingest.pii-tokenise`\n" +
                "- Waits for: no person or pool\n" +
                "- Assigned: lena\n" +
                "- Cost: 12,600 USD\n" +
                "- Estimate: 12d / 15d / 24d\n" +
                "- Forecast: " + TaskPercentiles(s, "data.features.velocity-features") + "critical in 89% of 500 runs");
            RangeOf(hover).Should().Be("175:11-175:28");
        }

        [Fact]
        public async Task A_reference_in_after_answers_for_the_task_it_names_with_the_segment_as_range()
        {
            await using var s = await Session.StartAsync();

            // Line 180: '        after feature-spec, ingest.pii-tokenise': 'feature-spec' at columns 14..26.
            var hover = await s.HoverAsync(s.Plan, 179, 16);

            Value(hover).Should().StartWith("**task** `data.features.feature-spec` \"Feature specification\"\n\n2027-02-08 → 2027-02-16 · float 19\n\n");
            Value(hover).Should().Contain("- Duration: 6 working days\n- Total float: 19 working days\n").And.Contain("- Assigned: alice, omar\n");
            RangeOf(hover).Should().Be("179:14-179:26");

            // 'pii-tokenise' of the qualified 'ingest.pii-tokenise' (columns 35..47) names the task; 'ingest' (28..34) the workstream.
            Value(await s.HoverAsync(s.Plan, 179, 40)).Should().StartWith("**task** `data.ingest.pii-tokenise` \"Tokenise PII and device ids in the pipeline\"\n\n2027-03-09 → 2027-03-15 · float 0 · critical");
            var workstream = await s.HoverAsync(s.Plan, 179, 30);
            Value(workstream).Should().Be("**workstream** `data.ingest` \"Ingestion\"\n\n- Holds: 4 tasks and milestones\n- Schedule: 2027-02-08 → 2027-03-15");
            RangeOf(workstream).Should().Be("179:28-179:34");
        }

        [Fact]
        public async Task A_task_held_back_by_leveling_says_who_it_waits_for_and_how_long_as_the_Delayed_by_column()
        {
            await using var s = await Session.StartAsync();

            // Line 410: '    task dashboards "Score, drift and latency dashboards" {'; tpm schedule: Delayed by 'dan +4d'.
            var hover = await s.HoverAsync(s.Plan, 409, 12);

            Value(hover).Should().Contain("2027-04-30 → 2027-05-07 · float 118\n\n- Start: 2027-04-30\n- Finish: 2027-05-07\n- Duration: 6 working days\n- Total float: 118 working days\n" +
                                          "- After: `platform.serving-infra`\n- Waits for: person `dan` +4d\n- Assigned: dan\n");
        }

        [Fact]
        public async Task A_milestone_shows_its_date_due_margin_and_P50_P80_once_the_background_forecast_is_ready()
        {
            await using var s = await Session.StartAsync();

            // Line 380: '    milestone eval-gate "Evaluation gate" {'.
            var hover = await s.WaitForHoverAsync(s.Plan, 379, 16, "Forecast:");

            Value(hover).Should().Be(
                "**milestone** `evaluation.eval-gate` \"Evaluation gate\"\n\n" +
                "2027-07-28 · float 0 · critical\n\n" +
                "- Date: 2027-07-28\n" +
                "- Total float: 0 working days (critical)\n" +
                "- Due: 2027-07-30 (met, 2 working days to spare)\n" +
                "- After: `evaluation.offline-eval`, `evaluation.backtest`, `evaluation.shadow`, `evaluation.rai-signoff`\n" +
                "- Waits for: no person or pool\n" +
                "- Forecast: P50 2027-08-23 · P80 2027-09-03 · on time in 6.8% (500 runs)");
        }

        [Fact]
        public async Task A_metric_shows_target_current_and_the_gate_it_guards_then_the_diagnostic_at_the_same_place()
        {
            await using var s = await Session.StartAsync();

            // Line 382: '      gate auc, recall, ...': 'auc' at columns 12..15, where tpm check reports TPM3006 (382,12).
            var hover = await s.HoverAsync(s.Plan, 381, 12);

            Value(hover).Should().Be(
                "**metric** `auc` \"ROC AUC on the 2026 holdout\"\n\n" +
                "- Target: `>= 0.93`\n" +
                "- Current: `0.91` (not met)\n" +
                "- Owner: `alice`\n" +
                "- Gates: `evaluation.eval-gate` (2027-07-28), which does not pass: 1 of 5 metrics meet their targets\n\n" +
                "---\n\n" +
                "**TPM3006** Gate metric below target (info) — [docs](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM3006.md)\n\n" +
                "metric 'auc' gating milestone 'evaluation.eval-gate' is at 0.91, which does not meet its target \\>= 0.93");
            RangeOf(hover).Should().Be("381:11-381:14");
        }

        [Fact]
        public async Task A_keyword_shows_its_doc_from_the_statement_table_and_its_allowed_values()
        {
            await using var s = await Session.StartAsync();

            // Line 178: '        estimate 12d 15d 24d'; line 182: '        phase data'.
            var estimate = await s.HoverAsync(s.Plan, 177, 10);
            Value(estimate).Should().Be("`estimate` — a three-point estimate: optimistic, most likely, pessimistic");
            RangeOf(estimate).Should().Be("177:8-177:16");

            var phase = await s.HoverAsync(s.Plan, 181, 8);
            Value(phase).Should().StartWith("`phase` — ").And.EndWith("\n\n- Values: `feasibility`, `data`, `modeling`, `evaluation`, `deployment`, `monitoring`");
        }

        [Fact]
        public async Task A_person_in_a_fragment_is_answered_from_the_including_program_with_their_load()
        {
            await using var s = await Session.StartAsync();
            await s.Client.OpenAsync(s.People);
            // Opening recompiles (a quick leveling first when the machine is busy): wait for the final one.
            await s.ScheduleAsync();

            // org.tpm (the organisation's fragment the program includes) line 67: 'person lena "Lena Fischer" {'. Her tasks: kafka-stream 15d, pii-tokenise 5d,
            // velocity-features 15d, feature-store 8d (as the data-engineer) and drift-monitor 5d.
            var hover = await s.HoverAsync(s.People, 66, 8);

            Value(hover).Should().Be(
                "**person** `lena` \"Lena Fischer\"\n\n" +
                "- Roles: `data-engineer`\n" +
                "- Skills: spark, flink, kafka, feature-store, python\n" +
                "- Rate: 105/h USD\n" +
                "- Calendar: `emea`\n" +
                "- Vacations: 2027-02-22..2027-02-26\n" +
                "- Load: 48 busy working days, 48 person-days, peak 100% (5 tasks)\n" +
                "- Over-allocated: never (the schedule is leveled)");
            RangeOf(hover).Should().Be("66:7-66:11");
        }

        [Fact]
        public async Task With_leveling_off_a_person_shows_the_over_allocation_that_TPM2101_reports()
        {
            await using var s = await Session.StartAsync();
            // 'leveling off' after 'hours-per-day 8' (line 13), in the buffer only.
            await s.Client.ChangeRangeAsync(s.Plan, 13, 0, 13, 0, "  leveling off\n");
            await s.ScheduleAsync();

            // tpm check with leveling off: program.tpm(414,14): warning TPM2101: person 'dan' is over-allocated on
            // 2027-04-26..2027-04-29 (4 working days, up to 200%) by 'platform.dashboards', 'platform.alerts'.
            // His tasks with leveling off (tpm schedule --format json): dashboards 6 days and alerts 4 days, both from
            // 2027-04-26, runbook 3, rollback-drill 1, hypercare 10, all full time: 24 person-days on 20 days.
            // org.tpm line 102: 'person dan "Dan Brooks" {'.
            var dan = await s.HoverAsync(s.People, 101, 8);
            Value(dan).Should().EndWith(
                "- Load: 20 busy working days, 24 person-days, peak 200% (5 tasks)\n" +
                "- Over-allocated: 2027-04-26..2027-04-29 (4 working days, up to 200%) by `platform.dashboards`, `platform.alerts`");

            // At 'assign dan' of the dashboards (now line 414, where TPM2101 is reported; 'dan' at columns 13..16): the person, then the warning.
            var assign = await s.HoverAsync(s.Plan, 413, 14);
            Value(assign).Should().StartWith("**person** `dan` \"Dan Brooks\"").And.Contain(
                "\n\n---\n\n**TPM2101** Over-allocation (warning) — [docs](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM2101.md)\n\n" +
                "person 'dan' is over-allocated on 2027-04-26..2027-04-29 (4 working days, up to 200%) by 'platform.dashboards', 'platform.alerts'; turn leveling on, move a task or change an assignment");
            RangeOf(assign).Should().Be("413:13-413:16");
        }

        [Fact]
        public async Task A_diagnostic_code_written_in_a_comment_shows_its_title_and_docs_link()
        {
            using var workspace = new TempWorkspace();
            var errors = workspace.CopyExample("errors");
            var plan = Path.Combine(errors, "TPM3001.tpm");
            await using var client = await LspClient.StartAsync(workspace.Root);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", Session.Document(plan));

            // Line 1: '// TPM3001 (warning, ...': the code at columns 3..10.
            var hover = await client.RequestAsync("textDocument/hover", LspClient.At(plan, 0, 6));

            Value(hover).Should().Be("**TPM3001** High risk without owner or mitigation — [docs](https://github.com/programdsl/programdsl/blob/main/docs/diagnostics/TPM3001.md)");
            RangeOf(hover).Should().Be("0:3-0:10");
            // Elsewhere in the comment, nothing.
            (await client.RequestAsync("textDocument/hover", LspClient.At(plan, 0, 20))).Type.Should().Be(JTokenType.Null);
        }

        [Fact]
        public async Task A_client_that_takes_only_plain_text_gets_plain_text()
        {
            using var workspace = new TempWorkspace();
            var root = workspace.CopyExample("ml-platform");
            var plan = Path.Combine(root, "program.tpm");
            var capabilities = LspClient.DefaultCapabilities();
            capabilities["textDocument"]!["hover"]!["contentFormat"] = new JArray("plaintext");
            await using var client = await LspClient.StartAsync(workspace.Root, capabilities: capabilities);
            await client.OpenAsync(plan);
            await client.RequestAsync("tpm/schedule", Session.Document(plan));

            var hover = await client.RequestAsync("textDocument/hover", LspClient.At(plan, 409, 12));

            hover["contents"]!["kind"]!.ToString().Should().Be("plaintext");
            Value(hover).Should().StartWith("task platform.dashboards \"Score, drift and latency dashboards\"\n\n2027-04-30 → 2027-05-07 · float 118\n\n- Start: 2027-04-30\n")
                .And.Contain("- Waits for: person dan +4d\n").And.NotContain("`").And.NotContain("**");
        }

        [Fact]
        public async Task Unknown_documents_positions_past_the_end_and_blank_space_answer_null_not_an_error()
        {
            await using var s = await Session.StartAsync();

            (await s.HoverAsync(s.Plan, 9999, 0)).Type.Should().Be(JTokenType.Null);
            (await s.HoverAsync(s.Plan, 175, 500)).Type.Should().Be(JTokenType.Null, "past the end of the line");
            (await s.HoverAsync(s.Plan, 4, 0)).Type.Should().Be(JTokenType.Null, "an empty line");
            (await s.HoverAsync(Path.Combine(Path.GetDirectoryName(s.Plan)!, "never-opened.tpm"), 0, 0)).Type.Should().Be(JTokenType.Null);
            // The server is still there.
            Value(await s.HoverAsync(s.Plan, 177, 10)).Should().StartWith("`estimate`");
        }

        internal static string Value(JToken hover) => hover["contents"]!["value"]!.ToString();

        internal static string RangeOf(JToken hover)
        {
            var r = hover["range"]!;
            return r["start"]!["line"] + ":" + r["start"]!["character"] + "-" + r["end"]!["line"] + ":" + r["end"]!["character"];
        }

        /// <summary>A server on a copy of examples/ml-platform with program.tpm open and compiled.</summary>
        /// <summary>
        /// "P50 … · P80 … · " of a task, from the compiler's forecast run in this process with the editor's settings (500
        /// runs, seed 0, one thread, task finishes kept): the server must show the core's figures, not figures of its own.
        /// </summary>
        private static string TaskPercentiles(Session s, string taskId)
        {
            var workspace = new ProgramDsl.Cli.Infrastructure.PhysicalFileSystem().GetRealPath(s.Workspace.Root);
            var resolver = new ProgramDsl.Cli.Infrastructure.FileSystemSourceResolver(new ProgramDsl.Cli.Infrastructure.PhysicalFileSystem(), workspace);
            var program = TpmProgram.Load(s.Plan, resolver);
            var forecast = ProgramDsl.Forecasting.MonteCarloForecast.Run(program.Schedule!, new ProgramDsl.Forecasting.ForecastOptions
            {
                Iterations = 500,
                Seed = 0,
                MaxDegreeOfParallelism = 1,
                TaskFinishes = true,
            });
            var finish = System.Linq.Enumerable.Single(forecast.Tasks, t => t.Task.Id == taskId).Finish!;
            return "P50 " + finish.P50 + " · P80 " + finish.P80 + " · ";
        }

        internal sealed class Session : IAsyncDisposable
        {
            private Session(TempWorkspace workspace, LspClient client, string root)
            {
                Workspace = workspace;
                Client = client;
                Plan = Path.Combine(root, "program.tpm");
                // The people are the ML organisation's, in the fragment the program includes from the portfolio.
                People = Path.Combine(workspace.Root, "portfolio", "shared", "org.tpm");
            }

            public TempWorkspace Workspace { get; }

            public LspClient Client { get; }

            public string Plan { get; }

            public string People { get; }

            public static async Task<Session> StartAsync()
            {
                var workspace = new TempWorkspace();
                var root = workspace.CopyExample("ml-platform");
                var client = await LspClient.StartAsync(workspace.Root);
                var session = new Session(workspace, client, root);
                await client.OpenAsync(session.Plan);
                await session.ScheduleAsync();
                return session;
            }

            public static JObject Document(string path) => new JObject { ["textDocument"] = new JObject { ["uri"] = LspClient.UriOf(path) } };

            /// <summary>tpm/schedule waits until the compiles are idle: the hover then answers from the final leveling.</summary>
            public Task ScheduleAsync() => Client.RequestAsync("tpm/schedule", Document(Plan));

            public Task<JToken> HoverAsync(string path, int line, int character) => Client.RequestAsync("textDocument/hover", LspClient.At(path, line, character));

            /// <summary>Asks again until the hover holds <paramref name="text"/> (the forecast runs in the background; a hover never waits for it).</summary>
            public async Task<JToken> WaitForHoverAsync(string path, int line, int character, string text)
            {
                var watch = Stopwatch.StartNew();
                while (true)
                {
                    var hover = await HoverAsync(path, line, character);
                    if (hover.Type != JTokenType.Null && Value(hover).Contains(text, StringComparison.Ordinal)) return hover;
                    if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException("no hover with '" + text + "': " + hover);
                    await Task.Delay(50);
                }
            }

            public async ValueTask DisposeAsync()
            {
                await Client.DisposeAsync();
                Workspace.Dispose();
            }
        }
    }
}
