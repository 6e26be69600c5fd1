using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    public class StatusCommandTests
    {
        // mon..fri from Monday 2027-03-01: index 0 Mar 1 … 4 Mar 5, 5 Mar 8. Status Fri Mar 5: indices 0–4 are planned by then.
        // Baseline: collect [0,4) 4 × 500 = 2,000; clean [4,8) 4 × 400 = 1,600; docs [4,6) fixed 600; ready at 8 (Mar 10).
        // PV: collect 2,000 (all), clean 1 of 4 days = 400, docs 1 of 2 = 300 → 2,700.
        // EV: collect finished 2,000, clean 50% = 800, docs 0 → 2,800. AC 2,100 + 700 = 2,800.
        // SV 100, CV 0, SPI 2,800 ÷ 2,700 = 1.037 → 1.04, CPI 1.00, EAC 4,200, ETC 1,400, VAC 0.
        // Tracked: clean started Mar 5 with 2 days left from Mar 8 → [4,7), one day early; docs not started → [5,7), one day
        // late; ready at 7 (Mar 9), one day early. Workstream data: BAC 3,600, PV 2,400, EV 2,800, AC 2,800, SPI 1.17.
        private const string Tracked =
            "program demo \"Demo\" {\n" +
            "  start 2027-03-01\n" +
            "  status-date 2027-03-05\n" +
            "  currency EUR\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  workstream data \"Data\" {\n" +
            "    task collect \"Collect\" { duration 4d  assign ana  actual-start 2027-03-01  actual-finish 2027-03-04  actual-cost 2_100 }\n" +
            "    task clean \"Clean\" { duration 4d  assign bo  after collect  actual-start 2027-03-05  progress 50%  actual-cost 700 }\n" +
            "  }\n" +
            "  task docs \"Docs\" { duration 2d  cost 600  after data.collect }\n" +
            "  milestone ready \"Ready\" { after data, docs }\n" +
            "}\n";

        private const string TrackedTable =
            "Program demo \"Demo\"   status at 2027-03-05\n" +
            "  finish 2027-03-09 as tracked, 2027-03-10 in the baseline (1 working day earlier)\n" +
            "\n" +
            "Earned value at 2027-03-05 (EUR)\n" +
            "  BAC  4,200.00  budget at completion: the planned cost of all the work, from the baseline\n" +
            "  PV   2,700.00  planned value: the cost of the work the baseline planned by the status date\n" +
            "  EV   2,800.00  earned value: the planned cost of the work done (BAC × progress)\n" +
            "  AC   2,800.00  actual cost: the recorded actual-cost of the work so far\n" +
            "  SV     100.00  schedule variance, EV − PV: more work done than planned\n" +
            "  CV       0.00  cost variance, EV − AC: as planned\n" +
            "  SPI      1.04  schedule performance index, EV ÷ PV: below 1 is behind schedule\n" +
            "  CPI      1.00  cost performance index, EV ÷ AC: below 1 is over cost\n" +
            "  EAC  4,200.00  estimate at completion, BAC ÷ CPI\n" +
            "  ETC  1,400.00  estimate to complete, EAC − AC\n" +
            "  VAC      0.00  variance at completion, BAC − EAC: as planned\n" +
            "\n" +
            "  Workstream       BAC        PV        EV        AC   SPI   CPI\n" +
            "  data        3,600.00  2,400.00  2,800.00  2,800.00  1.17  1.00\n" +
            "\n" +
            "Behind plan (1 task)\n" +
            "  ID    Planned  Actual  Slip  Name\n" +
            "  docs      50%      0%   +1d  Docs\n" +
            "\n" +
            "Ahead of plan (1 task)\n" +
            "  ID          Planned  Actual  Slip  Name\n" +
            "  data.clean      25%     50%   -1d  Clean\n" +
            "  + 1 task planned to start after the status date, finishing 1 working day earlier than planned\n" +
            "\n" +
            "Planned = share of the task's working days the baseline put on or before the status date; Actual = progress;\n" +
            "Slip = working days the finish moved against the baseline (+ later). Baseline = the plan with no actuals or progress.\n";

        [Fact]
        public void Table_shows_the_hand_computed_earned_value_and_the_tasks_behind_and_ahead()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Tracked);

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(TrackedTable);
            result.Error.Should().BeEmpty();
        }

        [Fact]
        public void Quiet_drops_the_explanations_but_keeps_the_figures()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Tracked);

            var lines = Tpm.Lines(Tpm.Run(temp.Path, "status", "plan.tpm", "--quiet").Out);

            lines.Should().Contain("  PV   2,700.00").And.Contain("  docs      50%      0%   +1d  Docs");
            lines.Should().NotContain(l => l.Contains("planned value:") || l.StartsWith("Planned = "));
        }

        [Fact]
        public void Json_has_the_figures_per_program_workstream_and_task()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Tracked);

            var result = Tpm.Run(temp.Path, "status", "plan.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(Tpm.Run(temp.Path, "status", "plan.tpm", "--format", "json").Out, "the output is deterministic");
            using var doc = JsonDocument.Parse(result.Out);
            var program = doc.RootElement.GetProperty("program");
            program.GetProperty("status_date").GetString().Should().Be("2027-03-05");
            program.GetProperty("finish_slip_days").GetInt32().Should().Be(-1);
            foreach (var (name, value) in new[] { ("bac", 4200m), ("pv", 2700m), ("ev", 2800m), ("ac", 2800m), ("sv", 100m), ("cv", 0m), ("spi", 1.04m), ("cpi", 1m), ("eac", 4200m), ("etc", 1400m), ("vac", 0m) })
            {
                program.GetProperty(name).GetDecimal().Should().Be(value, name);
            }

            var data = doc.RootElement.GetProperty("workstreams").EnumerateArray().Single();
            (data.GetProperty("pv").GetDecimal(), data.GetProperty("ev").GetDecimal(), data.GetProperty("spi").GetDecimal()).Should().Be((2400m, 2800m, 1.17m));

            var tasks = doc.RootElement.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            tasks.Keys.Should().Equal("data.collect", "data.clean", "docs", "ready");
            var docs = tasks["docs"];
            (docs.GetProperty("state").GetString(), docs.GetProperty("standing").GetString()).Should().Be(("not_started", "behind"));
            (docs.GetProperty("planned_percent").GetDecimal(), docs.GetProperty("actual_percent").GetDecimal(), docs.GetProperty("finish_slip_days").GetInt32()).Should().Be((50m, 0m, 1));
            docs.GetProperty("actual_cost").ValueKind.Should().Be(JsonValueKind.Null);
            tasks["data.clean"].GetProperty("state").GetString().Should().Be("in_progress");
            tasks["data.collect"].GetProperty("cpi").GetDecimal().Should().Be(0.95m, "2,000 earned for 2,100 spent");
            doc.RootElement.GetProperty("behind").EnumerateArray().Select(e => e.GetString()).Should().Equal("docs");
            doc.RootElement.GetProperty("ahead").EnumerateArray().Select(e => e.GetString()).Should().Equal("data.clean", "ready");
        }

        [Fact]
        public void Started_tasks_without_actual_cost_are_named()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Tracked.Replace("  actual-cost 700", ""));

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Contain("  AC   2,100.00  actual cost: the recorded actual-cost of the work so far (1 started task has none: data.clean)");
        }

        [Fact]
        public void A_program_without_a_status_date_exits_2_and_says_what_to_add()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            foreach (var format in new[] { "table", "json" })
            {
                var result = Tpm.Run(temp.Path, "status", "plan.tpm", "--format", format);

                result.ExitCode.Should().Be(2, result.ToString());
                result.Out.Should().BeEmpty();
                result.Error.Should().Be("tpm: error: earned value is measured at the status date, and program 'demo' has none; add 'status-date YYYY-MM-DD' to the program block\n");
            }
        }

        [Fact]
        public void A_program_with_errors_exits_1_with_its_diagnostics()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.WithError);

            var table = Tpm.Run(temp.Path, "status", "plan.tpm");
            table.ExitCode.Should().Be(1, table.ToString());
            table.Out.Should().BeEmpty();
            table.Error.Should().Contain("plan.tpm(3,35): error TPM1001: " + Plans.ErrorLine);

            var json = Tpm.Run(temp.Path, "status", "plan.tpm", "--format", "json");
            json.ExitCode.Should().Be(1, json.ToString());
            using var doc = JsonDocument.Parse(json.Out);
            doc.RootElement.GetProperty("program").GetProperty("pv").ValueKind.Should().Be(JsonValueKind.Null);
            doc.RootElement.GetProperty("tasks").GetArrayLength().Should().Be(0);
            doc.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be("TPM1001");
        }

        [Theory]
        [InlineData("no such file: 'missing.tpm'", "status", "missing.tpm")]
        [InlineData("'sarif'", "status", "plan.tpm", "--format", "sarif")]
        public void Usage_errors_exit_2(string message, params string[] args)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Tracked);

            var result = Tpm.Run(temp.Path, args);

            result.ExitCode.Should().Be(2, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().StartWith("tpm: error: ").And.Contain(message);
        }

        [Fact]
        public void The_example_program_reports_its_tracked_work()
        {
            // examples/ml-platform: status 2027-01-15; charter, data-audit and rules-benchmark finished, eda 30% done.
            // PV 3,300 + 5,500 + 40% of 14,250 + 4,400 = 18,900; EV 3,300 + 5,500 + 30% of 14,250 + 4,400 = 17,475;
            // AC 4,400 + 6,100 + 4,750 + 5,000 = 20,250.
            var result = Tpm.Run(RepositoryPaths.Root, "status", "examples/ml-platform/program.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            lines.Should().Contain(l => l.StartsWith("  PV    18,900.00 ", System.StringComparison.Ordinal));
            lines.Should().Contain(l => l.StartsWith("  EV    17,475.00 ", System.StringComparison.Ordinal));
            lines.Should().Contain(l => l.StartsWith("  AC    20,250.00 ", System.StringComparison.Ordinal));
            lines.Should().Contain("Behind plan (4 tasks)");
            lines.Should().Contain(l => l.StartsWith("  discovery.eda                  40%     30%   +2d", System.StringComparison.Ordinal));
        }
    }
}
