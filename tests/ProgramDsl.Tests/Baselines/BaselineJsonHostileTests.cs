using System;
using System.Linq;
using System.Text;
using ProgramDsl.Baselines;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Baselines
{
    /// <summary>Baseline files are input from pull requests: every bad one is one located TPM1104, never an exception.</summary>
    public class BaselineJsonHostileTests
    {
        private const string Head = "{\n  \"format_version\": 1,\n  \"name\": \"q1\",\n  \"program\": { \"id\": \"churn\", \"start\": \"2027-01-04\", \"finish\": \"2027-01-08\" },\n";

        private static string WithTasks(params string[] tasks) => Head + "  \"tasks\": [\n" + string.Join(",\n", tasks) + "\n  ]\n}\n";

        private static string Task(string id = "a", string start = "\"2027-01-04\"", string extra = "") =>
            "    { \"id\": \"" + id + "\", \"kind\": \"task\", \"start\": " + start + ", \"finish\": \"2027-01-08\"" + extra + " }";

        private static string OneError(string json, string path = "b.json")
        {
            var read = BaselineJson.Read(json, path);
            read.Snapshot.Should().BeNull();
            read.Diagnostics.Should().ContainSingle();
            var d = read.Diagnostics[0];
            d.Code.Should().Be("TPM1104");
            d.IsError.Should().BeTrue();
            d.Location!.Value.Path.Should().Be(path);
            return d.ToString();
        }

        [Fact]
        public void A_minimal_baseline_reads_with_defaults_and_skips_unknown_fields()
        {
            var read = BaselineJson.Read(WithTasks(Task(extra: ", \"later_field\": { \"x\": [1, 2, {\"y\": null}] }")), "b.json");

            read.Diagnostics.Should().BeEmpty();
            var item = read.Snapshot!.Items.Single();
            (item.Id, item.Name, item.IsMilestone, item.DurationDays, item.Work, item.Cost, item.Critical).Should().Be(("a", "a", false, 0, 0m, 0m, false));
            item.Assigned.Should().BeEmpty();
            read.Snapshot.ProgramName.Should().Be("churn");
            read.Snapshot.CriticalPath.Should().BeEmpty();
        }

        [Fact]
        public void Malformed_json_is_located_at_the_bad_token()
        {
            OneError(Head + "  \"tasks\": [\n    { \"id\": \"a\" \"kind\": \"task\" }\n  ]\n}\n")
                .Should().Be("b.json(6,17): error TPM1104: the baseline is not well-formed JSON here; write baselines with 'tpm baseline save' rather than by hand");
            OneError(string.Empty).Should().StartWith("b.json(1,1): error TPM1104: the baseline is not well-formed JSON here");
            OneError(WithTasks(Task()) + "{}").Should().StartWith("b.json(9,1): error TPM1104: the baseline is not well-formed JSON here");
            OneError("[1]").Should().StartWith("b.json(1,1): error TPM1104: a baseline is a JSON object, and this is not one");
        }

        [Fact]
        public void Format_versions_other_than_1_say_which_version_this_build_reads()
        {
            OneError("{ \"name\": \"q1\", \"tasks\": 5, \"format_version\": 2 }")
                .Should().Be("b.json(1,47): error TPM1104: the baseline is format_version 2; this build reads format_version 1; update tpm, or save the baseline again with this version");
            OneError("{ \"format_version\": 0 }").Should().EndWith("the baseline is format_version 0; this build reads format_version 1; save the baseline again with 'tpm baseline save'");
            OneError("{ \"format_version\": 1.5 }").Should().Contain("the baseline's 'format_version' is not a whole number; this build reads format_version 1");
            OneError("{ \"format_version\": \"1\" }").Should().Contain("the baseline's 'format_version' is not a whole number");
            OneError("{ \"name\": \"q1\" }").Should().Be("b.json(1,1): error TPM1104: the baseline has no 'format_version'; this build reads format_version 1; write baselines with 'tpm baseline save' rather than by hand");
        }

        [Theory]
        [InlineData("1e400")]
        [InlineData("1e23")]
        [InlineData("-1")]
        [InlineData("\"5\"")]
        [InlineData("null")]
        public void Amounts_out_of_range_or_of_the_wrong_type_are_errors_at_the_value(string cost)
        {
            OneError(WithTasks(Task(extra: ", \"cost\": " + cost)))
                .Should().StartWith("b.json(6,89): error TPM1104: 'tasks[0].cost' must be a number from 0 to 10^22;");
        }

        [Fact]
        public void The_largest_amount_reads()
        {
            BaselineJson.Read(WithTasks(Task(extra: ", \"cost\": 1e22, \"work\": 0.000001")), "b.json").Snapshot!.Items[0].Cost.Should().Be(10_000_000_000_000_000_000_000m);
        }

        [Theory]
        [InlineData("\"0000-01-01\"")]
        [InlineData("\"10000-01-01\"")]
        [InlineData("\"2027-02-29\"")]
        [InlineData("\"2027-1-04\"")]
        [InlineData("\"2027-01-04T00:00\"")]
        [InlineData("\"\\u0032027-01-04\"")]
        [InlineData("20270104")]
        public void Dates_that_do_not_exist_or_are_not_yyyy_mm_dd_are_errors(string start)
        {
            OneError(WithTasks(Task(start: start)))
                .Should().StartWith("b.json(6,43): error TPM1104: 'tasks[0].start' must be a date \"YYYY-MM-DD\" from 0001-01-01 to 9999-12-31;");
        }

        [Fact]
        public void The_first_and_last_representable_dates_read()
        {
            var json = Head.Replace("\"2027-01-04\"", "\"0001-01-01\"").Replace("\"2027-01-08\"", "\"9999-12-31\"") +
                "  \"tasks\": [ { \"id\": \"a\", \"kind\": \"milestone\", \"start\": \"0001-01-01\", \"finish\": \"9999-12-31\", \"duration_days\": 3652059 } ]\n}";
            var snapshot = BaselineJson.Read(json, "b.json").Snapshot!;
            snapshot.Start.Should().Be(CalendarDate.MinValue);
            snapshot.Items[0].Finish.Should().Be(CalendarDate.MaxValue);
        }

        [Fact]
        public void Wrong_types_name_the_field_and_what_it_must_be()
        {
            OneError(WithTasks(Task(extra: ", \"critical\": \"yes\""))).Should().Contain("'tasks[0].critical' must be true or false");
            OneError(WithTasks(Task(extra: ", \"assigned\": {}"))).Should().Contain("'tasks[0].assigned' must be an array of {\"person\", \"share\"} objects");
            OneError(WithTasks(Task(extra: ", \"assigned\": [ { \"person\": \"ana\", \"share\": 1.5 } ]"))).Should().Contain("'tasks[0].assigned[0].share' must be a number more than 0 and at most 1");
            OneError(WithTasks(Task(extra: ", \"assigned\": [ { \"share\": 1 } ]"))).Should().Contain("'tasks[0].assigned[0].person' is missing");
            OneError(WithTasks(Task(extra: ", \"duration_days\": 2.5"))).Should().Contain("'tasks[0].duration_days' must be a whole number of days");
            OneError(WithTasks(Task(extra: ", \"kind\": \"epic\""))).Should().Contain("'tasks[0].kind' is given twice");
            OneError(WithTasks("    { \"id\": \"a\", \"kind\": \"epic\", \"start\": \"2027-01-04\", \"finish\": \"2027-01-08\" }")).Should().Contain("'tasks[0].kind' must be \"task\" or \"milestone\"");
            OneError(WithTasks(Task(extra: ", \"estimate\": { \"optimistic\": 5, \"most_likely\": 3, \"pessimistic\": 9 }"))).Should().Contain("'tasks[0].estimate' must be ordered");
            OneError(WithTasks("    { \"id\": \"a\", \"kind\": \"task\", \"start\": \"2027-01-08\", \"finish\": \"2027-01-04\" }")).Should().Contain("'tasks[0].finish' must be on or after its 'start'");
            OneError(WithTasks("    { \"id\": \"a\", \"kind\": \"task\", \"finish\": \"2027-01-04\" }")).Should().StartWith("b.json(6,5): error TPM1104: 'tasks[0].start' is missing");
            OneError(Head.Replace("\"id\": \"churn\", ", string.Empty) + "  \"tasks\": []\n}").Should().Contain("'program.id' is missing");
            OneError(Head + "  \"tasks\": [ 5 ]\n}").Should().Contain("'tasks[0]' must be an object");
            OneError(Head + "  \"critical_path\": [\"b\"],\n  \"tasks\": []\n}").Should().StartWith("b.json(5,21): error TPM1104: 'critical_path[0]' names no task or milestone of the baseline");
        }

        [Fact]
        public void Ids_must_be_spelt_as_the_language_spells_them_and_are_never_quoted()
        {
            foreach (var id in new[] { "", "a b", "a..b", ".a", "a.", "1a", "a\\u0000", "a\\u202eb", "<script>", "SECRET-TOKEN xyz" })
            {
                var message = OneError(WithTasks(Task(id: id)));
                message.Should().Contain("'tasks[0].id' must be an id such as \"data.eda\" (names joined by dots)");
                if (id.Length > 3) message.Should().NotContain(id);
            }

            OneError(WithTasks(Task(id: new string('x', 513)))).Should().Contain("of at most 512 characters");
            BaselineJson.Read(WithTasks(Task(id: "ws.sub-task_2.é")), "b.json").Snapshot!.Items[0].Id.Should().Be("ws.sub-task_2.é");
        }

        [Fact]
        public void A_duplicate_id_points_at_both()
        {
            var read = BaselineJson.Read(WithTasks(Task(), Task(id: "b"), Task()), "b.json");

            var d = read.Diagnostics.Single();
            d.ToString().Should().Be("b.json(8,13): error TPM1104: 'tasks[2].id' is the same id as 'tasks[0].id' (line 6); each task and milestone appears once; write baselines with 'tpm baseline save' rather than by hand");
            d.AdditionalLocations.Single().Start.Line.Should().Be(6);
        }

        [Fact]
        public void Deep_nesting_stops_at_the_depth_limit_without_recursion()
        {
            var json = "{ \"format_version\": 1, \"x\": " + new string('[', 100_000) + new string(']', 100_000) + " }";
            OneError(json).Should().Be("b.json(1,44): error TPM1104: the baseline nests objects and arrays deeper than the limit of 16; write baselines with 'tpm baseline save' rather than by hand");
        }

        [Fact]
        public void Two_hundred_thousand_items_read_and_one_past_the_limit_is_refused()
        {
            var sb = new StringBuilder(Head).Append("  \"tasks\": [\n");
            for (int i = 0; i < 200_000; i++)
            {
                if (i > 0) sb.Append(",\n");
                sb.Append("{\"id\":\"t").Append(i).Append("\",\"kind\":\"task\",\"start\":\"2027-01-04\",\"finish\":\"2027-01-08\",\"duration_days\":5,\"cost\":10}");
            }

            var json = sb.Append("\n],\n\"critical_path\": [\"t199999\"]\n}\n").ToString();
            var read = BaselineJson.Read(json, "b.json");
            read.Diagnostics.Should().BeEmpty();
            read.Snapshot!.Items.Should().HaveCount(200_000);
            read.Snapshot.Find("t123456")!.DurationDays.Should().Be(5);
            read.LocationOf("t199999")!.Value.Start.Line.Should().Be(200_005);

            var over = new StringBuilder(Head).Append("  \"tasks\": [\n");
            for (int i = 0; i <= BaselineJson.MaxItems; i++)
            {
                if (i > 0) over.Append(",\n");
                over.Append("{\"id\":\"t").Append(i).Append("\",\"kind\":\"task\",\"start\":\"2027-01-04\",\"finish\":\"2027-01-04\"}");
            }

            OneError(over.Append("]}").ToString()).Should().StartWith("b.json(" + (BaselineJson.MaxItems + 6) + ",1): error TPM1104: 'tasks' has more entries than the limit of 250,000; this is the first past it");
        }

        [Fact]
        public void A_text_longer_than_the_limit_is_refused_unread()
        {
            var json = "{\"format_version\":1,\"name\":\"" + new string('x', (int)BaselineJson.MaxChars) + "\"}";
            OneError(json).Should().Be("b.json(1,1): error TPM1104: the baseline is longer than the limit of 67,108,864 characters and is not read");
        }

        [Fact]
        public void A_byte_order_mark_is_read_and_counted_in_columns()
        {
            var read = BaselineJson.Read("\uFEFF" + WithTasks(Task()), "b.json");
            read.Diagnostics.Should().BeEmpty();
            read.LocationOf("a")!.Value.Text.Should().Be("\"a\"");
        }

        [Fact]
        public void Non_ascii_text_before_an_error_keeps_columns_in_characters()
        {
            var json = Head + "  \"tasks\": [ { \"id\": \"a\", \"name\": \"Äöü 😀\", \"kind\": 5 } ]\n}";
            OneError(json).Should().StartWith("b.json(5,53): error TPM1104: 'tasks[0].kind' must be");
        }

        [Theory]
        [InlineData("\"name\": \"\\ud800\"", "tasks[0].name")]
        [InlineData("\"name\": \"x\\udc00y\"", "tasks[0].name")]
        [InlineData("\"id\": \"\\ud83d\"", "tasks[0].id")]
        public void A_lone_surrogate_escape_in_a_string_is_an_error_at_the_value_not_an_exception(string field, string name)
        {
            var json = Head + "  \"tasks\": [ { " + field + ", \"kind\": \"task\", \"start\": \"2027-01-04\", \"finish\": \"2027-01-08\" } ]\n}";

            OneError(json).Should().StartWith("b.json(5,").And.Contain("'" + name + "' must be").And.Contain("well-formed Unicode");
        }

        [Fact]
        public void A_lone_surrogate_escape_in_a_field_name_is_an_error_at_the_name_and_in_a_skipped_value_is_skipped()
        {
            OneError(Head + "  \"tasks\": [ { \"\\ud800\": 1, \"id\": \"a\", \"kind\": \"task\", \"start\": \"2027-01-04\", \"finish\": \"2027-01-08\" } ]\n}")
                .Should().StartWith("b.json(5,16): error TPM1104: the baseline is not well-formed JSON here");
            OneError("{ \"\\ud800\": 1, \"format_version\": 1, \"name\": \"q1\", \"tasks\": [] }")
                .Should().StartWith("b.json(1,3): error TPM1104: the baseline is not well-formed JSON here");

            var read = BaselineJson.Read(Head + "  \"later\": \"\\udfff\",\n  \"tasks\": []\n}", "b.json");
            read.Diagnostics.Should().BeEmpty();
            read.Snapshot.Should().NotBeNull();
        }

        [Fact]
        public void Random_bytes_and_truncations_never_throw()
        {
            var good = BaselineJson.Write(BaselineJsonTests.Snapshot());
            var random = new Random(14);
            for (int i = 0; i < 300; i++)
            {
                var cut = good.Substring(0, random.Next(good.Length));
                var chars = good.ToCharArray();
                for (int k = 0; k < 3; k++) chars[random.Next(chars.Length)] = (char)random.Next(0, 0x3000);
                foreach (var text in new[] { cut, new string(chars) })
                {
                    var read = BaselineJson.Read(text, "b.json");
                    (read.Snapshot is null).Should().Be(read.Diagnostics.Count == 1);
                    read.Diagnostics.All(d => d.Code == "TPM1104" && d.Location != null).Should().BeTrue();
                }
            }
        }
    }
}
