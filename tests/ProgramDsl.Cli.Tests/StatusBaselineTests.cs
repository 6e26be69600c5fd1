using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm status</c> against the frozen baseline the program names, saved by <c>tpm baseline save</c>.</summary>
    public class StatusBaselineTests
    {
        // Saved before any work: collect Mar 1–4 (2,000), clean Mar 5–10 (4 × 400 = 1,600), docs Mar 5–8 (600), ready Mar 10.
        private const string Agreed = Plans.Frozen;

        // A week later (status Fri Mar 5, index 4; indices: Mar 8 = 5 … Mar 12 = 9): clean was re-estimated from 4 to 6
        // days, docs was dropped and review added.
        // Tracked: collect Mar 1–4 as done; clean started Mar 5, 25% of 6 days done, 5 days left from Mar 8 → Mar 12;
        // review (not started) Mar 8–9; ready Mar 12. The program finishes Mar 12, 2 working days after the frozen Mar 10.
        // collect: BAC 2,000, PV 2,000 (4 of 4 frozen days by Mar 5), EV 2,000, AC 2,100, slip 0.
        // clean: BAC 1,600 (frozen, not 6 × 400), PV 1 of its 4 frozen days (Mar 5–10) = 400, EV 25% = 400, AC 700,
        //   slip Mar 10 → Mar 12 = +2.
        // review (added): against the plan without actuals, Mar 5–8: 1 of 2 days = 50% of 300 = 150; EV 0; slip +1.
        // ready: frozen Mar 10, after the status date: PV 0; slip +2. docs (removed): listed with its 600, not counted.
        // Totals: BAC 3,900, PV 2,550, EV 2,400, AC 2,800; SV −150, CV −400, SPI 0.94, CPI 0.86 (0.857),
        // EAC 3,900 × 2,800 ÷ 2,400 = 4,550, ETC 1,750, VAC −650. Workstream data: BAC 3,600, PV 2,400, EV 2,400, AC 2,800.
        private const string Tracked =
            "program demo \"Demo\" {\n" +
            "  start 2027-03-01\n" +
            "  status-date 2027-03-05\n" +
            "  currency EUR\n" +
            "  baseline \"plan.baseline.q1.json\"\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  workstream data \"Data\" {\n" +
            "    task collect \"Collect\" { duration 4d  assign ana  actual-start 2027-03-01  actual-finish 2027-03-04  actual-cost 2_100 }\n" +
            "    task clean \"Clean\" { duration 6d  assign bo  after collect  actual-start 2027-03-05  progress 25%  actual-cost 700 }\n" +
            "  }\n" +
            "  task review \"Review\" { duration 2d  cost 300  after data.collect }\n" +
            "  milestone ready \"Ready\" { after data, review }\n" +
            "}\n";

        private const string TrackedTable =
            "Program demo \"Demo\"   status at 2027-03-05\n" +
            "  against baseline 'q1' (plan.baseline.q1.json)\n" +
            "  finish 2027-03-12 as tracked, 2027-03-10 in the baseline (2 working days later)\n" +
            "\n" +
            "Earned value at 2027-03-05 (EUR)\n" +
            "  BAC  3,900.00  budget at completion: the planned cost of all the work, from the baseline\n" +
            "  PV   2,550.00  planned value: the cost of the work the baseline planned by the status date\n" +
            "  EV   2,400.00  earned value: the planned cost of the work done (BAC × progress)\n" +
            "  AC   2,800.00  actual cost: the recorded actual-cost of the work so far\n" +
            "  SV    -150.00  schedule variance, EV − PV: less work done than planned\n" +
            "  CV    -400.00  cost variance, EV − AC: the work done cost more than planned\n" +
            "  SPI      0.94  schedule performance index, EV ÷ PV: below 1 is behind schedule\n" +
            "  CPI      0.86  cost performance index, EV ÷ AC: below 1 is over cost\n" +
            "  EAC  4,550.00  estimate at completion, BAC ÷ CPI\n" +
            "  ETC  1,750.00  estimate to complete, EAC − AC\n" +
            "  VAC   -650.00  variance at completion, BAC − EAC: expected to cost more than planned\n" +
            "\n" +
            "  Workstream       BAC        PV        EV        AC   SPI   CPI\n" +
            "  data        3,600.00  2,400.00  2,400.00  2,800.00  1.00  0.86\n" +
            "\n" +
            "Behind plan (2 tasks)\n" +
            "  ID          Planned  Actual  Slip  Name\n" +
            "  data.clean      25%     25%   +2d  Clean\n" +
            "  review          50%      0%   +1d  Review\n" +
            "  + 1 task planned to start after the status date, finishing up to 2 working days later than planned\n" +
            "\n" +
            "Ahead of plan (0 tasks): none\n" +
            "\n" +
            "Added since the baseline (1 task): measured against the plan with no actuals or progress\n" +
            "  ID      Planned  Actual  Slip  Name\n" +
            "  review      50%      0%   +1d  Review\n" +
            "\n" +
            "Removed since the baseline (1 task): not counted in the figures\n" +
            "  ID       BAC  Finish      Name\n" +
            "  docs  600.00  2027-03-08  Docs\n" +
            "\n" +
            "Planned = share of the task's working days the baseline put on or before the status date; Actual = progress;\n" +
            "Slip = working days the finish moved against the baseline (+ later). Baseline = the frozen baseline's dates and costs,\n" +
            "its days counted on each task's calendar as it is now; a task added since it is measured against the plan with no actuals or progress.\n";

        private static TempFolder Saved()
        {
            var temp = new TempFolder();
            temp.Write("plan.tpm", Agreed);
            var save = Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "--name", "q1", "--quiet");
            save.ExitCode.Should().Be(0, save.ToString());
            temp.Write("plan.tpm", Tracked);
            return temp;
        }

        [Fact]
        public void The_table_measures_against_the_frozen_baseline_and_lists_what_was_added_and_removed()
        {
            using var temp = Saved();

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(TrackedTable);
            // The milestone past its baseline date and the work added and removed are diagnostics of the plan too.
            result.Error.Should().Contain("TPM2203").And.Contain("TPM2204");
        }

        [Fact]
        public void The_json_names_the_baseline_and_how_each_task_is_measured()
        {
            using var temp = Saved();

            var result = Tpm.Run(temp.Path, "status", "plan.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            using var doc = JsonDocument.Parse(result.Out);
            var root = doc.RootElement;
            var program = root.GetProperty("program");
            (program.GetProperty("bac").GetDecimal(), program.GetProperty("pv").GetDecimal(), program.GetProperty("ev").GetDecimal(), program.GetProperty("ac").GetDecimal())
                .Should().Be((3900m, 2550m, 2400m, 2800m));
            (program.GetProperty("baseline_finish").GetString(), program.GetProperty("finish_slip_days").GetInt32()).Should().Be(("2027-03-10", 2));

            var baseline = root.GetProperty("baseline");
            (baseline.GetProperty("name").GetString(), baseline.GetProperty("file").GetString()).Should().Be(("q1", "plan.baseline.q1.json"));
            baseline.GetProperty("added").EnumerateArray().Select(e => e.GetString()).Should().Equal("review");
            baseline.GetProperty("removed").EnumerateArray().Select(e => (e.GetProperty("id").GetString(), e.GetProperty("bac").GetDecimal())).Should().Equal(("docs", 600m));

            var tasks = root.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            tasks["data.clean"].GetProperty("bac").GetDecimal().Should().Be(1600m, "the frozen cost, not the re-estimated 2,400");
            tasks["data.clean"].GetProperty("measured_against").GetString().Should().Be("baseline");
            (tasks["data.clean"].GetProperty("planned_days").GetInt32(), tasks["data.clean"].GetProperty("duration_days").GetInt32()).Should().Be((1, 4));
            tasks["review"].GetProperty("measured_against").GetString().Should().Be("plan_without_actuals");
            tasks["review"].GetProperty("pv").GetDecimal().Should().Be(150m);
        }

        [Fact]
        public void A_baseline_that_cannot_be_read_says_what_the_figures_fell_back_to()
        {
            using var temp = Saved();
            temp.Write("plan.baseline.q1.json", "{ \"format_version\": 1, \"name\": ");

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Error.Should().Contain("error TPM1104");
            Tpm.Lines(result.Out)[1].Should().Be("  against the plan with nothing tracked: baseline 'plan.baseline.q1.json' could not be used (its diagnostic says why)");
            result.Out.Should().Contain("  BAC  4,700.00");
        }

        [Fact]
        public void The_same_plan_without_the_statement_measures_against_the_plan_without_actuals()
        {
            using var temp = Saved();
            temp.Write("plan.tpm", Tracked.Replace("  baseline \"plan.baseline.q1.json\"\n", ""));

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            // The re-estimate moved the baseline with it: clean's BAC is 6 × 400 = 2,400, and docs is simply gone.
            result.Out.Should().NotContain("against baseline").And.NotContain("Added since").And.Contain("  BAC  4,700.00");
            result.Out.Should().EndWith("Baseline = the plan with no actuals or progress.\n");
        }

        [Fact]
        public void Long_lists_are_cut_and_names_from_the_baseline_file_cannot_break_a_line()
        {
            // 25 tasks frozen, 1 left: 24 removed, 20 listed. The file was edited by hand (it is committed, a pull request
            // may change it): a name holding a line break and a right-to-left override stays on its row, escaped.
            using var temp = new TempFolder();
            var tasks = string.Concat(System.Linq.Enumerable.Range(1, 25).Select(k => "  task t" + k + " { duration 1d  cost 10 }\n"));
            temp.Write("plan.tpm", "program many {\n  start 2027-03-01\n" + tasks + "}\n");
            Tpm.Run(temp.Path, "baseline", "save", "plan.tpm", "--quiet").ExitCode.Should().Be(0);
            var file = System.IO.Path.Combine(temp.Path, "plan.baseline.json");
            var baseline = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(file))!;
            baseline["tasks"]!.AsArray().Single(t => (string?)t!["id"] == "t2")!["name"] = "evil\n::error::x \u202Eboth";
            System.IO.File.WriteAllText(file, baseline.ToJsonString());
            temp.Write("plan.tpm", "program many {\n  start 2027-03-01\n  status-date 2027-03-01\n  baseline \"plan.baseline.json\"\n  task t1 { duration 1d  cost 10 }\n}\n");

            var result = Tpm.Run(temp.Path, "status", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            lines.Should().Contain("Removed since the baseline (24 tasks): not counted in the figures");
            lines.Should().Contain("  + 4 more tasks");
            lines.Should().Contain(l => l.StartsWith("  t2 ") && l.Contains("evil ::error::x \\u202eboth"));
            lines.Should().NotContain(l => l.StartsWith("::error::"));
            result.Out.Should().NotContain("\u202E");
            lines.Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^  t\d+ +10\.00  2027-")).Should().Be(20);
        }
    }
}
