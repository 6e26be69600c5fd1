using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Baselines
{
    public class BaselineJsonTests
    {
        internal const string Plan = @"program churn ""Churn model"" {
  start 2027-01-04
  deadline 2027-02-26
  currency EUR
  budget 40000
  person ana ""Ana Ruiz"" { rate 800/d }
  person ben ""Ben Okafor"" { rate 600/d }
  workstream data ""Data"" {
    task collect ""Collect data"" { duration 5d assign ana }
    task clean { effort 4d assign ana 50%, ben 50% after collect }
  }
  task train ""Train"" { estimate 3d 5d 9d assign ben after data.clean cost 1200 }
  milestone ready ""Ready"" { after train due 2027-02-01 }
}
";

        internal static BaselineSnapshot Snapshot(string plan = Plan, string name = "q1")
        {
            var program = TpmProgram.Parse(plan);
            program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            return BaselineSnapshot.Capture(program.Schedule!, name);
        }

        [Fact]
        public void Written_baseline_reads_back_to_the_same_snapshot_and_writes_the_same_bytes()
        {
            var snapshot = Snapshot();
            var json = BaselineJson.Write(snapshot);

            var read = BaselineJson.Read(json, "plan.baseline.q1.json");

            read.Diagnostics.Should().BeEmpty();
            var back = read.Snapshot!;
            back.Name.Should().Be("q1");
            back.ProgramId.Should().Be("churn");
            back.ProgramName.Should().Be("Churn model");
            back.Start.Should().Be(snapshot.Start);
            back.Finish.Should().Be(snapshot.Finish);
            back.DurationDays.Should().Be(snapshot.DurationDays);
            back.Cost.Should().Be(snapshot.Cost);
            back.Deadline.Should().Be(CalendarDate.FromYmd(2027, 2, 26));
            back.Budget.Should().Be(40000m);
            back.Currency.Should().Be("EUR");
            back.CriticalPath.Should().Equal(snapshot.CriticalPath);
            back.Items.Select(i => i.Id).Should().Equal("data.collect", "data.clean", "train", "ready");
            for (int i = 0; i < snapshot.Items.Count; i++)
            {
                var a = snapshot.Items[i];
                var b = back.Items[i];
                (b.Id, b.Name, b.IsMilestone, b.Start, b.Finish, b.DurationDays, b.Work, b.Cost, b.Critical, b.Effort, b.Duration, b.Due)
                    .Should().Be((a.Id, a.Name, a.IsMilestone, a.Start, a.Finish, a.DurationDays, a.Work, a.Cost, a.Critical, a.Effort, a.Duration, a.Due));
                b.Assigned.Should().Equal(a.Assigned);
                (b.Estimate?.Optimistic, b.Estimate?.MostLikely, b.Estimate?.Pessimistic).Should().Be((a.Estimate?.Optimistic, a.Estimate?.MostLikely, a.Estimate?.Pessimistic));
            }

            BaselineJson.Write(back).Should().Be(json);
        }

        [Fact]
        public void Written_baseline_is_indented_snake_case_json_with_one_task_a_line()
        {
            var json = BaselineJson.Write(Snapshot());

            json.Should().StartWith("{\n  \"format_version\": 1,\n  \"name\": \"q1\",\n  \"program\": {\n    \"id\": \"churn\",\n");
            json.Should().Contain("    \"deadline\": \"2027-02-26\",\n    \"budget\": 40000,\n    \"currency\": \"EUR\",\n    \"status_date\": null\n  },\n");
            json.Should().Contain("  \"critical_path\": [\n    \"data.collect\",\n");
            json.Should().EndWith("\"due\":\"2027-02-01\"}\n  ]\n}\n").And.NotContain("\r");
            var lines = json.Split('\n');
            lines.Should().Contain("  \"tasks\": [");
            // clean: 4 days of effort shared by two people at 50% takes 4 working days, 2027-01-11 to 2027-01-14, at
            // 800/d × 0.5 × 4 + 600/d × 0.5 × 4 = 2,800.
            lines.Should().Contain(
                "    {\"id\":\"data.clean\",\"name\":\"clean\",\"kind\":\"task\",\"start\":\"2027-01-11\",\"finish\":\"2027-01-14\",\"duration_days\":4," +
                "\"work\":4,\"cost\":2800,\"assigned\":[{\"person\":\"ana\",\"share\":0.5},{\"person\":\"ben\",\"share\":0.5}],\"critical\":true," +
                "\"effort\":4,\"duration\":null,\"estimate\":null,\"due\":null},");
            json.Should().Contain("\"estimate\":{\"optimistic\":3,\"most_likely\":5,\"pessimistic\":9}");
            json.Should().Contain("\"kind\":\"milestone\"");
        }

        [Fact]
        public void An_empty_baseline_writes_an_empty_task_list_and_reads_back()
        {
            var empty = new BaselineSnapshot("q1", "p", "P", CalendarDate.FromYmd(2027, 1, 4), CalendarDate.FromYmd(2027, 1, 4), 0, 0m, new SnapshotItem[0], new string[0]);
            var json = BaselineJson.Write(empty);

            json.Should().EndWith("  \"critical_path\": [],\n  \"tasks\": []\n}\n");
            BaselineJson.Read(json, "b.json").Snapshot!.Items.Should().BeEmpty();
        }

        [Fact]
        public void Each_item_is_located_at_its_id_in_the_file()
        {
            var json = BaselineJson.Write(Snapshot());
            var read = BaselineJson.Read(json, "b.json");

            var at = read.LocationOf("train")!.Value;
            at.Path.Should().Be("b.json");
            at.Text.Should().Be("\"train\"");
            json.Split('\n')[at.Start.Line - 1].Should().StartWith("    {\"id\":\"train\",");
            at.Start.Column.Should().Be(11);
            read.LocationOf("nothing").Should().BeNull();
        }
    }
}
