using System.Linq;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Reports.Tests
{
    public class StatusJsonTests
    {
        private static readonly string[] Figures = { "bac", "pv", "ev", "ac", "sv", "cv", "spi", "cpi", "eac", "etc", "vac" };

        // The demo plan with a status date of Fri Mar 5 (index 4) and collect 3 days in at 50% for 1,200:
        // BAC 2,000 + 800 = 2,800; PV collect all 4 days (2,000) + clean none (it starts at 5) = 2,000; EV 50% × 2,000 = 1,000.
        // CPI 1,000 ÷ 1,200 = 0.83; SPI 0.5. collect runs 2 days from index 5 → [0,7), three days late.
        private static string TrackedDemo() => TestPlans.Demo
            .Replace("  currency EUR\n", "  currency EUR\n  status-date 2027-03-05\n")
            .Replace("{ effort 4d  assign ana }", "{ effort 4d  assign ana  actual-start 2027-03-01  progress 50%  actual-cost 1_200 }");

        private static JsonElement Json(string text)
        {
            var program = TestPlans.Compile(text);
            program.HasErrors.Should().BeFalse(string.Join("\n", program.Diagnostics));
            var baseline = ProgramScheduler.Run(program.Model!, EarnedValue.BaselineOptions(null)).Schedule!;
            var report = EarnedValue.Compute(program.Model!, program.Schedule!, baseline).Report!;
            return TestPlans.Parse(StatusJson.ToJson(program.Model, report, program.Diagnostics));
        }

        [Fact]
        public void Members_come_in_a_fixed_order()
        {
            var json = Json(TrackedDemo());
            TestPlans.PropertyNames(json).Should().Equal("format_version", "program", "tasks", "workstreams", "behind", "ahead", "diagnostics");
            TestPlans.PropertyNames(json.GetProperty("program")).Should().Equal(new[]
            {
                "id", "name", "status_date", "currency", "budget", "finish", "baseline_finish", "finish_slip_days",
            }.Concat(Figures).Concat(new[] { "started_without_actual_cost" }));
            TestPlans.PropertyNames(json.GetProperty("workstreams")[0]).Should().Equal(new[] { "id", "name" }.Concat(Figures));
        }

        [Fact]
        public void Figures_are_the_hand_computed_ones()
        {
            var json = Json(TrackedDemo());
            var program = json.GetProperty("program");
            (program.GetProperty("bac").GetDecimal(), program.GetProperty("pv").GetDecimal(), program.GetProperty("ev").GetDecimal(), program.GetProperty("ac").GetDecimal())
                .Should().Be((2800m, 2000m, 1000m, 1200m));
            (program.GetProperty("spi").GetDecimal(), program.GetProperty("cpi").GetDecimal()).Should().Be((0.5m, 0.83m));
            // EAC = 2,800 × 1,200 ÷ 1,000 = 3,360.
            program.GetProperty("eac").GetDecimal().Should().Be(3360m);

            var collect = json.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "data.collect");
            collect.GetProperty("finish_slip_days").GetInt32().Should().Be(3);
            collect.GetProperty("planned_percent").GetDecimal().Should().Be(100m);
            collect.GetProperty("actual_percent").GetDecimal().Should().Be(50m);
            json.GetProperty("behind")[0].GetString().Should().Be("data.collect");
        }

        [Fact]
        public void Without_a_report_the_figures_are_null_and_the_lists_empty()
        {
            var program = TestPlans.Compile(TestPlans.Broken);
            var json = TestPlans.Parse(StatusJson.ToJson(program.Model, null, program.Diagnostics));
            foreach (var name in Figures) json.GetProperty("program").GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
            json.GetProperty("tasks").GetArrayLength().Should().Be(0);
            json.GetProperty("behind").GetArrayLength().Should().Be(0);
            json.GetProperty("diagnostics").GetArrayLength().Should().BeGreaterThan(0);
        }

        [Fact]
        public void Against_a_frozen_baseline_the_document_names_it_and_lists_the_tasks_added_and_removed()
        {
            // Frozen from the untracked demo: collect Mar 1–4 (2,000), clean Mar 8–11 (800), docs Mar 5–8 (0), ready Mar 11.
            // Now docs is gone and review (1 day, 100, after collect) is new. Tracked: collect has 2 of 4 days left from
            // Mar 8 → Mar 9; review Mar 10; clean (lag 1) Mar 11–16; ready Mar 16: 3 working days past Mar 11.
            // BAC 2,000 + 800 + 100 = 2,900 (docs not counted). PV: collect all 2,000; clean none (from Mar 8); review against
            // the plan without actuals (Fri Mar 5, on the status date) 100 → 2,100. EV 50% × 2,000 = 1,000.
            var frozen = BaselineSnapshot.Capture(TestPlans.Compile(TestPlans.Demo).Schedule!, "q1");
            var text = TrackedDemo()
                .Replace("  task docs \"Docs\" { duration 2d  after data.collect  due 2027-03-05 }\n", "  task review \"Review\" { duration 1d  cost 100  after data.collect }\n")
                .Replace("after data, docs", "after data, review");
            var program = TestPlans.Compile(text);
            program.HasErrors.Should().BeFalse(string.Join("\n", program.Diagnostics));
            var comparison = BaselineComparison.Compare(program.Schedule!, frozen, "plans/demo.baseline.q1.json");
            var report = EarnedValue.Compute(program.Model!, program.Schedule!, comparison, null).Report!;
            var json = TestPlans.Parse(StatusJson.ToJson(program.Model, report, program.Diagnostics));

            TestPlans.PropertyNames(json).Should().Equal("format_version", "program", "baseline", "tasks", "workstreams", "behind", "ahead", "diagnostics");
            var baseline = json.GetProperty("baseline");
            TestPlans.PropertyNames(baseline).Should().Equal("name", "file", "finish", "finish_slip_days", "added", "removed");
            (baseline.GetProperty("name").GetString(), baseline.GetProperty("file").GetString()).Should().Be(("q1", "plans/demo.baseline.q1.json"));
            (baseline.GetProperty("finish").GetString(), baseline.GetProperty("finish_slip_days").GetInt32()).Should().Be(("2027-03-11", 3));
            baseline.GetProperty("added").EnumerateArray().Select(e => e.GetString()).Should().Equal("review");
            var removed = baseline.GetProperty("removed").EnumerateArray().Single();
            (removed.GetProperty("id").GetString(), removed.GetProperty("kind").GetString(), removed.GetProperty("baseline_finish").GetString(), removed.GetProperty("bac").GetDecimal())
                .Should().Be(("docs", "task", "2027-03-08", 0m));

            var p = json.GetProperty("program");
            (p.GetProperty("baseline_finish").GetString(), p.GetProperty("finish").GetString(), p.GetProperty("finish_slip_days").GetInt32()).Should().Be(("2027-03-11", "2027-03-16", 3));
            (p.GetProperty("bac").GetDecimal(), p.GetProperty("pv").GetDecimal(), p.GetProperty("ev").GetDecimal()).Should().Be((2900m, 2100m, 1000m));
            var measured = json.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!, t => t.GetProperty("measured_against").GetString());
            measured.Should().Equal(new System.Collections.Generic.Dictionary<string, string?>
            {
                ["data.collect"] = "baseline", ["data.clean"] = "baseline", ["review"] = "plan_without_actuals", ["ready"] = "baseline",
            });
        }

        [Fact]
        public void Without_a_frozen_baseline_there_is_no_baseline_object_and_no_measured_against()
        {
            var json = Json(TrackedDemo());
            json.TryGetProperty("baseline", out _).Should().BeFalse();
            foreach (var task in json.GetProperty("tasks").EnumerateArray()) task.TryGetProperty("measured_against", out _).Should().BeFalse();
        }
    }
}
