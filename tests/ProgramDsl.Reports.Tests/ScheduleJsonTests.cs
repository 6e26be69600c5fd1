using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Reports.Tests
{
    public class ScheduleJsonTests
    {
        private static JsonElement DemoJson()
        {
            var program = TestPlans.Compile(TestPlans.Demo);
            program.HasErrors.Should().BeFalse();
            return TestPlans.Parse(ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics));
        }

        [Fact]
        public void Top_level_holds_the_contract_members_in_order()
        {
            var names = TestPlans.PropertyNames(DemoJson());
            // §6 members must be present; added members are allowed but must not displace them.
            names.Should().ContainInOrder("program", "tasks", "critical_path", "diagnostics");
            names[0].Should().Be("format_version", "the version comes first, so a reader can judge the document before the rest");
        }

        [Fact]
        public void Program_block_has_the_contract_fields_with_their_types()
        {
            var program = DemoJson().GetProperty("program");
            TestPlans.PropertyNames(program).Should().ContainInOrder("id", "name", "start", "finish", "deadline", "duration_days", "cost", "budget");
            program.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
            program.GetProperty("name").ValueKind.Should().Be(JsonValueKind.String);
            program.GetProperty("start").ValueKind.Should().Be(JsonValueKind.String);
            program.GetProperty("finish").ValueKind.Should().Be(JsonValueKind.String);
            program.GetProperty("deadline").ValueKind.Should().Be(JsonValueKind.String);
            program.GetProperty("duration_days").ValueKind.Should().Be(JsonValueKind.Number);
            program.GetProperty("cost").ValueKind.Should().Be(JsonValueKind.Number);
            program.GetProperty("budget").ValueKind.Should().Be(JsonValueKind.Number);
        }

        [Fact]
        public void Program_block_values_match_the_hand_computed_schedule()
        {
            var program = DemoJson().GetProperty("program");
            program.GetProperty("id").GetString().Should().Be("demo");
            program.GetProperty("name").GetString().Should().Be("Demo plan");
            program.GetProperty("start").GetString().Should().Be("2027-03-01");
            program.GetProperty("finish").GetString().Should().Be("2027-03-11");
            program.GetProperty("deadline").GetString().Should().Be("2027-03-31");
            program.GetProperty("duration_days").GetInt32().Should().Be(9);
            program.GetProperty("cost").GetDecimal().Should().Be(2800m);
            program.GetProperty("budget").GetDecimal().Should().Be(50000m);
            program.GetProperty("currency").GetString().Should().Be("EUR");
        }

        [Fact]
        public void Every_task_has_the_contract_fields_with_their_types()
        {
            var tasks = DemoJson().GetProperty("tasks").EnumerateArray().ToList();
            tasks.Should().HaveCount(4);
            foreach (var task in tasks)
            {
                TestPlans.PropertyNames(task).Should().ContainInOrder(
                    "id", "name", "kind", "start", "finish", "duration_days", "total_float_days", "critical", "assigned");
                task.GetProperty("id").ValueKind.Should().Be(JsonValueKind.String);
                task.GetProperty("name").ValueKind.Should().Be(JsonValueKind.String);
                task.GetProperty("kind").GetString().Should().BeOneOf("task", "milestone");
                task.GetProperty("start").ValueKind.Should().Be(JsonValueKind.String);
                task.GetProperty("finish").ValueKind.Should().Be(JsonValueKind.String);
                task.GetProperty("duration_days").ValueKind.Should().Be(JsonValueKind.Number);
                task.GetProperty("total_float_days").ValueKind.Should().Be(JsonValueKind.Number);
                task.GetProperty("critical").ValueKind.Should().BeOneOf(JsonValueKind.True, JsonValueKind.False);
                task.GetProperty("assigned").ValueKind.Should().Be(JsonValueKind.Array);
                task.GetProperty("assigned").EnumerateArray().Where(a => a.ValueKind != JsonValueKind.String).Should().BeEmpty();
            }
        }

        [Fact]
        public void Task_values_match_the_hand_computed_schedule()
        {
            var rows = DemoJson().GetProperty("tasks").EnumerateArray().Select(t => string.Join(" | ",
                t.GetProperty("id").GetString(),
                t.GetProperty("name").GetString(),
                t.GetProperty("kind").GetString(),
                t.GetProperty("start").GetString(),
                t.GetProperty("finish").GetString(),
                t.GetProperty("duration_days").GetInt32(),
                t.GetProperty("total_float_days").GetInt32(),
                t.GetProperty("critical").GetBoolean(),
                string.Join(",", t.GetProperty("assigned").EnumerateArray().Select(a => a.GetString())))).ToList();

            rows.Should().Equal(
                "data.collect | Collect | task | 2027-03-01 | 2027-03-04 | 4 | 0 | True | ana",
                "data.clean | Clean | task | 2027-03-08 | 2027-03-11 | 4 | 0 | True | bo",
                "docs | Docs | task | 2027-03-05 | 2027-03-08 | 2 | 3 | False | ",
                "ready | Ready | milestone | 2027-03-11 | 2027-03-11 | 0 | 0 | True | ");
        }

        [Fact]
        public void Added_task_fields_match_the_hand_computed_schedule()
        {
            var docs = DemoJson().GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "docs");
            docs.GetProperty("late_start").GetString().Should().Be("2027-03-10");
            docs.GetProperty("late_finish").GetString().Should().Be("2027-03-11");
            docs.GetProperty("due").GetString().Should().Be("2027-03-05");
            docs.GetProperty("workstream").ValueKind.Should().Be(JsonValueKind.Null);

            var clean = DemoJson().GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "data.clean");
            clean.GetProperty("workstream").GetString().Should().Be("data");
            clean.GetProperty("cost").GetDecimal().Should().Be(800m);
        }

        [Fact]
        public void Critical_path_lists_qualified_ids_from_start_to_finish()
        {
            DemoJson().GetProperty("critical_path").EnumerateArray().Select(e => e.GetString())
                .Should().Equal("data.collect", "data.clean", "ready");
        }

        [Fact]
        public void Diagnostics_have_the_contract_fields_and_values()
        {
            var diagnostics = DemoJson().GetProperty("diagnostics").EnumerateArray().ToList();
            diagnostics.Should().HaveCount(1);
            var d = diagnostics[0];
            TestPlans.PropertyNames(d).Should().ContainInOrder("code", "severity", "message", "file", "line", "column");
            d.GetProperty("code").GetString().Should().Be("TPM2201");
            d.GetProperty("severity").GetString().Should().Be("warning");
            d.GetProperty("message").GetString().Should().Be("task 'docs' finishes on 2027-03-08, 1 working day after its due date 2027-03-05");
            d.GetProperty("file").GetString().Should().Be("plans/demo.tpm");
            d.GetProperty("line").GetInt32().Should().Be(12);
            d.GetProperty("column").GetInt32().Should().Be(55);
        }

        [Fact]
        public void Every_date_is_iso_formatted()
        {
            var json = DemoJson();
            var dates = new List<string?>
            {
                json.GetProperty("program").GetProperty("start").GetString(),
                json.GetProperty("program").GetProperty("finish").GetString(),
                json.GetProperty("program").GetProperty("deadline").GetString(),
            };
            foreach (var t in json.GetProperty("tasks").EnumerateArray())
            {
                dates.Add(t.GetProperty("start").GetString());
                dates.Add(t.GetProperty("finish").GetString());
            }

            dates.Should().OnlyContain(d => d != null && Regex.IsMatch(d, @"^\d{4}-\d{2}-\d{2}$"));
        }

        [Fact]
        public void Without_a_schedule_the_scheduled_values_are_null_and_the_lists_empty()
        {
            var program = TestPlans.Compile(TestPlans.Broken, "bad.tpm");
            program.Schedule.Should().BeNull();
            var json = TestPlans.Parse(ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics));

            var p = json.GetProperty("program");
            p.GetProperty("id").GetString().Should().Be("bad");
            p.GetProperty("name").GetString().Should().Be("Bad");
            p.GetProperty("start").GetString().Should().Be("2027-01-04");
            foreach (var name in new[] { "finish", "deadline", "duration_days", "cost", "budget" })
            {
                p.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name + " is unknown without a schedule");
            }

            json.GetProperty("tasks").GetArrayLength().Should().Be(0);
            json.GetProperty("critical_path").GetArrayLength().Should().Be(0);
            json.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString())
                .Should().Equal("TPM1001", "TPM1002", "TPM2003");
        }

        [Fact]
        public void Without_a_program_every_program_value_is_null()
        {
            var json = TestPlans.Parse(ScheduleJson.ToJson(null, null, Array.Empty<Diagnostic>()));
            var p = json.GetProperty("program");
            foreach (var name in new[] { "id", "name", "start", "finish", "deadline", "duration_days", "cost", "budget" })
            {
                p.GetProperty(name).ValueKind.Should().Be(JsonValueKind.Null, name);
            }

            json.GetProperty("tasks").GetArrayLength().Should().Be(0);
            json.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
        }

        [Fact]
        public void A_task_held_back_by_a_person_names_the_person_and_the_working_days_lost()
        {
            // One person, two tasks: the 4-day task goes first (shorter program), the 2-day one waits 4 working days.
            var program = TestPlans.Compile(
                "program p \"P\" {\n  start 2027-03-01\n  person ana \"Ana\"\n" +
                "  task a \"A\" { effort 4d  assign ana }\n  task b \"B\" { effort 2d  assign ana }\n}\n");
            program.HasErrors.Should().BeFalse();

            var json = TestPlans.Parse(ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics));

            json.GetProperty("program").GetProperty("leveled").GetBoolean().Should().BeTrue();
            json.GetProperty("program").GetProperty("leveling_schedules").GetInt32().Should().BePositive();
            var tasks = json.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
            tasks["a"].GetProperty("delayed_by").ValueKind.Should().Be(JsonValueKind.Null);
            tasks["a"].GetProperty("resource_delay_days").GetInt32().Should().Be(0);
            tasks["b"].GetProperty("start").GetString().Should().Be("2027-03-05");
            tasks["b"].GetProperty("delayed_by").GetString().Should().Be("ana");
            tasks["b"].GetProperty("resource_delay_days").GetInt32().Should().Be(4);
        }

        [Fact]
        public void Output_is_byte_identical_for_the_same_input()
        {
            var first = TestPlans.Compile(TestPlans.Demo);
            var second = TestPlans.Compile(TestPlans.Demo);
            var a = ScheduleJson.ToJson(first.Model, first.Schedule, first.Diagnostics);
            var b = ScheduleJson.ToJson(second.Model, second.Schedule, second.Diagnostics);
            b.Should().Be(a);
        }

        [Fact]
        public void Output_uses_lf_line_ends_and_ends_with_a_newline()
        {
            var program = TestPlans.Compile(TestPlans.Demo);
            var text = ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics);
            text.Should().NotContain("\r");
            text.Should().EndWith("}\n");
            text.Should().StartWith("{\n  \"format_version\": 1,\n  \"program\": {\n    \"id\": \"demo\",\n");
        }

        [Fact]
        public void Non_ascii_text_is_written_readably_and_quotes_are_escaped()
        {
            var program = TestPlans.Compile(
                "program p \"Café \\\"Zürich\\\" plan\" {\n  start 2027-03-01\n  task t \"Données\" { duration 1d }\n}\n");
            program.HasErrors.Should().BeFalse();
            var text = ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics);
            text.Should().Contain("\"name\": \"Café \\\"Zürich\\\" plan\"");
            text.Should().Contain("\"name\": \"Données\"");
            TestPlans.Parse(text).GetProperty("program").GetProperty("name").GetString().Should().Be("Café \"Zürich\" plan");
        }

        [Fact]
        public void Fractional_costs_are_exact_decimals()
        {
            // 3 days x 100.5/d = 301.5; written as a JSON number, not a string and not 301.50000.
            var program = TestPlans.Compile(
                "program p \"P\" {\n  start 2027-03-01\n  person a \"A\" { rate 100.5/d }\n  task t \"T\" { effort 3d  assign a }\n}\n");
            program.HasErrors.Should().BeFalse();
            var text = ScheduleJson.ToJson(program.Model, program.Schedule, program.Diagnostics);
            text.Should().Contain("\"cost\": 301.5,");
            TestPlans.Parse(text).GetProperty("program").GetProperty("cost").GetDecimal().Should().Be(301.5m);
        }
    }
}
