using System;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Baselines;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests.Baselines
{
    /// <summary>The schedule JSON measured against a frozen baseline (figures in <see cref="BaselinePlans"/>).</summary>
    public class BaselineScheduleJsonTests
    {
        private static JsonElement Json()
        {
            var (current, comparison) = BaselinePlans.Compared();
            return TestPlans.Parse(ScheduleJson.ToJson(current.Model, current.Schedule, current.Diagnostics, comparison));
        }

        [Fact]
        public void The_baseline_object_names_the_baseline_its_finish_the_slip_and_what_changed()
        {
            var json = Json();
            TestPlans.PropertyNames(json).Should().Equal("format_version", "program", "baseline", "tasks", "workstreams", "critical_path", "diagnostics");
            var baseline = json.GetProperty("baseline");
            TestPlans.PropertyNames(baseline).Should().Equal("name", "file", "start", "finish", "finish_slip_days", "added", "removed");
            baseline.GetProperty("name").GetString().Should().Be("q1");
            baseline.GetProperty("file").GetString().Should().Be(BaselinePlans.BaselinePath);
            baseline.GetProperty("start").GetString().Should().Be("2027-03-01");
            baseline.GetProperty("finish").GetString().Should().Be("2027-03-09");
            baseline.GetProperty("finish_slip_days").GetInt32().Should().Be(4);
            baseline.GetProperty("added").EnumerateArray().Select(e => e.GetString()).Should().Equal("review");
            baseline.GetProperty("removed").EnumerateArray().Select(e => e.GetString()).Should().Equal("legacy", "old-gate");
        }

        [Fact]
        public void Each_task_has_its_baseline_dates_and_finish_slip_and_an_added_one_nulls()
        {
            var tasks = Json().GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            tasks.Keys.Should().Equal("design", "build", "docs", "review", "beta");
            (string?, string?, int?) Of(string id)
            {
                var t = tasks[id];
                TestPlans.PropertyNames(t).TakeLast(4).Should().Equal("resource_delay_days", "baseline_start", "baseline_finish", "slip_days");
                var slip = t.GetProperty("slip_days");
                return (t.GetProperty("baseline_start").GetString(), t.GetProperty("baseline_finish").GetString(), slip.ValueKind == JsonValueKind.Null ? null : slip.GetInt32());
            }

            Of("design").Should().Be(("2027-03-01", "2027-03-03", 2));
            Of("build").Should().Be(("2027-03-04", "2027-03-09", 2));
            Of("docs").Should().Be(("2027-03-04", "2027-03-05", 1));
            Of("beta").Should().Be(("2027-03-09", "2027-03-09", 2));
            Of("review").Should().Be((null, null, null));
            tasks["review"].GetProperty("slip_days").ValueKind.Should().Be(JsonValueKind.Null);
        }

        [Fact]
        public void A_plan_measured_against_its_own_snapshot_slips_nowhere()
        {
            var current = BaselinePlans.Compile(BaselinePlans.Current);
            var comparison = BaselineComparison.Compare(current.Schedule!, BaselineSnapshot.Capture(current.Schedule!, "now"), "now.json");
            var json = TestPlans.Parse(ScheduleJson.ToJson(current.Model, current.Schedule, current.Diagnostics, comparison));
            json.GetProperty("baseline").GetProperty("finish_slip_days").GetInt32().Should().Be(0);
            json.GetProperty("baseline").GetProperty("added").GetArrayLength().Should().Be(0);
            json.GetProperty("baseline").GetProperty("removed").GetArrayLength().Should().Be(0);
            foreach (var t in json.GetProperty("tasks").EnumerateArray())
            {
                t.GetProperty("slip_days").GetInt32().Should().Be(0);
                t.GetProperty("baseline_start").GetString().Should().Be(t.GetProperty("start").GetString());
                t.GetProperty("baseline_finish").GetString().Should().Be(t.GetProperty("finish").GetString());
            }
        }

        [Fact]
        public void Without_a_baseline_no_baseline_field_is_written()
        {
            var (current, _) = BaselinePlans.Compared();
            var text = ScheduleJson.ToJson(current.Model, current.Schedule, current.Diagnostics);
            text.Should().NotContain("baseline").And.NotContain("slip_days");
            ScheduleJson.ToJson(current.Model, current.Schedule, current.Diagnostics, null).Should().Be(text);
        }

        [Fact]
        public void The_emitter_writes_the_contexts_baseline_and_the_same_bytes_as_the_writer()
        {
            var context = BaselinePlans.Context();
            var file = new ScheduleJsonArtefact().Emit(context).Single();
            file.Text.Should().Be(ScheduleJson.ToJson(context.Program, context.Schedule, context.Diagnostics, context.Baseline));
            file.Text.Should().Contain("\"finish_slip_days\": 4");
        }

        [Fact]
        public void A_comparison_of_another_schedule_is_refused()
        {
            var (current, comparison) = BaselinePlans.Compared();
            var other = BaselinePlans.Compile(BaselinePlans.Current);
            var write = () => ScheduleJson.ToJson(other.Model, other.Schedule, other.Diagnostics, comparison);
            write.Should().Throw<ArgumentException>();
            var context = () => new ArtefactContext(other.Model!, other.Schedule!, other.Diagnostics, baseline: comparison);
            context.Should().Throw<ArgumentException>();
            new ArtefactContext(current.Model!, current.Schedule!, current.Diagnostics, baseline: comparison).Baseline.Should().BeSameAs(comparison);
        }
    }
}
