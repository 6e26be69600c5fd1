using System;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Commands;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    public class ScheduleCommandTests
    {
        [Fact]
        public void Table_shows_the_hand_computed_schedule()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be(Plans.ValidTable);
            result.Error.Should().BeEmpty();
        }

        [Fact]
        public void A_finished_task_shows_its_actual_working_days_in_the_table_the_json_and_the_csv()
        {
            // Planned 3 days; it ran Mon 2027-03-01 .. Thu 03-04, 4 working days. The next task follows it.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  status-date 2027-03-04\n" +
                                   "  task a \"A\" { duration 3d  actual-start 2027-03-01  actual-finish 2027-03-04  progress 100% }\n" +
                                   "  task b \"B\" { duration 2d  after a }\n}\n");

            var table = Tpm.Run(temp.Path, "schedule", "plan.tpm");
            var json = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json");
            var build = Tpm.Run(temp.Path, "build", "plan.tpm", "-o", "out", "--emit", "csv");

            table.ExitCode.Should().Be(0, table.ToString());
            Tpm.Lines(table.Out).Should().Contain("*  a   A     2027-03-01  2027-03-04     4      0")
                .And.Contain("*  b   B     2027-03-05  2027-03-08     2      0");
            using var doc = JsonDocument.Parse(json.Out);
            doc.RootElement.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("duration_days").GetInt32()).Should().Equal(4, 2);
            build.ExitCode.Should().Be(0, build.ToString());
            System.IO.File.ReadAllText(System.IO.Path.Combine(temp.Path, "out", "p", "schedule.csv")).Should().Contain("\r\na,A,task,,2027-03-01,2027-03-04,4,0,true,");
        }

        [Fact]
        public void A_name_with_line_breaks_stays_on_its_row()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  task t \"Two\\nlines\\tand a tab\" { duration 2d }\n}\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Contain(l => l.StartsWith("*  t   Two lines and a tab  2027-03-01  2027-03-02", System.StringComparison.Ordinal));
        }

        [Fact]
        public void The_cost_column_appears_only_when_something_costs_money()
        {
            using var temp = new TempFolder();
            temp.Write("free.tpm", "program p \"P\" {\n  start 2027-03-01\n  task t \"T\" { duration 2d }\n}\n");
            temp.Write("paid.tpm", "program p \"P\" {\n  start 2027-03-01\n  task t \"T\" { duration 2d  cost 1_250.5 }\n}\n");

            var free = Tpm.Run(temp.Path, "schedule", "free.tpm");
            var paid = Tpm.Run(temp.Path, "schedule", "paid.tpm");

            Tpm.Lines(free.Out).Should().Contain("   ID  Name  Start       Finish      Days  Float  Assigned  Delayed by");
            Tpm.Lines(paid.Out).Should().Contain("   ID  Name  Start       Finish      Days  Float     Cost  Assigned  Delayed by")
                .And.Contain("*  t   T     2027-03-01  2027-03-02     2      0  1,250.5");
        }

        [Fact]
        public void Table_columns_line_up_whatever_the_cell_widths()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm",
                "program p \"P\" {\n  start 2027-03-01\n" +
                "  person a \"A\" { rate 1/d }\n  person somebody-with-a-long-id \"S\" { rate 1/d }\n" +
                "  workstream a-rather-long-workstream \"W\" {\n" +
                "    task t \"A task whose title is much longer than forty characters\" { duration 12d  assign a }\n" +
                "  }\n" +
                "  task u \"U\" { duration 1d  assign a 50%, somebody-with-a-long-id }\n" +
                "  milestone m \"M\" { after a-rather-long-workstream, u }\n" +
                "}\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            int headerIndex = lines.ToList().FindIndex(l => l.Contains("ID") && l.Contains("Assigned"));
            var header = lines[headerIndex];
            var rows = lines.Skip(headerIndex + 1).TakeWhile(l => l.Length > 0).ToList();
            rows.Should().HaveCount(3);

            // Left-aligned columns start where their heading starts; right-aligned ones end where it ends.
            foreach (var heading in new[] { "ID", "Name", "Start", "Finish", "Assigned", "Delayed by" })
            {
                int column = header.IndexOf(heading, StringComparison.Ordinal);
                foreach (var row in rows.Where(r => r.Length > column))
                {
                    row[column].Should().NotBe(' ', $"'{heading}' starts at {column} in\n{header}\n{row}");
                    row[column - 1].Should().Be(' ', $"'{heading}' starts at {column} in\n{header}\n{row}");
                }
            }

            foreach (var heading in new[] { "Days", "Float", "Cost" })
            {
                int end = header.IndexOf(heading, StringComparison.Ordinal) + heading.Length - 1;
                foreach (var row in rows)
                {
                    char.IsDigit(row[end]).Should().BeTrue($"'{heading}' ends at {end} in\n{header}\n{row}");
                    (row.Length == end + 1 || row[end + 1] == ' ').Should().BeTrue($"'{heading}' ends at {end} in\n{header}\n{row}");
                }
            }

            rows[0].Should().Contain("a-rather-long-workstream.t  A task whose title is much longer than …  2027-03-01  2027-03-16    12      0    12  a");
            rows[1].Should().EndWith("a 50%, somebody-with-a-long-id  a +12d", "u waits for a, who works on t until Mar 16");
            rows.Select(r => r.Length > 0 && r[0] == '*').Should().Equal(new[] { true, true, true }, "u waits for a, so it is on the path to m");
        }

        [Fact]
        public void Table_marks_critical_tasks_and_summarises_finish_and_critical_path()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var lines = Tpm.Lines(Tpm.Run(temp.Path, "schedule", "plan.tpm").Out);

            lines.Where(l => l.StartsWith("*  ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
                .Should().Equal("data.collect", "data.clean", "ready");
            lines.Should().Contain(l => l.Contains("finish 2027-03-11") && l.Contains("9 working days"));
            lines.Should().Contain("Critical path, with resources (3 tasks): data.collect → data.clean → ready");
        }

        [Fact]
        public void Table_says_whether_the_schedule_was_leveled_and_the_legend_goes_when_quiet()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("off.tpm", Plans.Valid.Replace("  currency EUR\n", "  currency EUR\n  leveling off\n"));
            const string notLeveled = "  not leveled: people and pools may be over-allocated (leveling off)";

            var quiet = Tpm.Lines(Tpm.Run(temp.Path, "schedule", "plan.tpm", "--quiet").Out);
            quiet.Should().Contain(l => l.StartsWith("  leveled: ", StringComparison.Ordinal));
            quiet.Should().Contain(l => l.StartsWith("Critical path, with resources", StringComparison.Ordinal));
            quiet.Should().NotContain(l => l.StartsWith("* critical", StringComparison.Ordinal), "the legend is a summary that --quiet drops");
            quiet.Should().Contain("Cost by workstream (EUR)", "the cost per workstream is a result, kept when quiet");
            foreach (var args in new[] { new[] { "schedule", "plan.tpm", "--no-level" }, new[] { "schedule", "off.tpm" } })
            {
                var lines = Tpm.Lines(Tpm.Run(temp.Path, args).Out);
                lines.Should().Contain(notLeveled);
                lines.Should().Contain("   ID            Name     Start       Finish      Days  Float   Cost  Assigned", "no Delayed by column without leveling");
                lines.Should().Contain("Critical path (3 tasks): data.collect → data.clean → ready");
            }
        }

        [Fact]
        public void Table_names_the_person_who_delayed_a_task_and_draws_the_wait_on_the_critical_path()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Contended);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            var lines = Tpm.Lines(result.Out);
            lines.Should().Contain("  leveled: 3 schedules tried, 1 task waits for a person or pool");
            lines.Should().Contain("*  first   First   2027-03-01  2027-03-05     5      0  ana");
            lines.Should().Contain("*  second  Second  2027-03-08  2027-03-10     3      0  ana       ana +5d");
            lines.Should().Contain("Critical path, with resources (3 tasks): first ⇢ second → done");
        }

        [Fact]
        public void Json_carries_the_resource_delay_and_no_level_keeps_the_overlap()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Contended);

            var leveled = JsonDocument.Parse(Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json").Out).RootElement;
            var unleveled = JsonDocument.Parse(Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json", "--no-level").Out).RootElement;

            leveled.GetProperty("program").GetProperty("leveled").GetBoolean().Should().BeTrue();
            leveled.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-03-10");
            var second = leveled.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "second");
            second.GetProperty("delayed_by").GetString().Should().Be("ana");
            second.GetProperty("resource_delay_days").GetInt32().Should().Be(5);
            leveled.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("id").GetString() == "first")
                .GetProperty("delayed_by").ValueKind.Should().Be(JsonValueKind.Null);

            unleveled.GetProperty("program").GetProperty("leveled").GetBoolean().Should().BeFalse();
            unleveled.GetProperty("program").GetProperty("leveling_schedules").GetInt32().Should().Be(0);
            unleveled.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-03-05");
            unleveled.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("start").GetString()).Should().Equal("2027-03-01", "2027-03-01", "2027-03-05");
        }

        [Fact]
        public void Check_with_no_level_reports_the_over_allocation_and_the_leveled_check_does_not()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Contended);

            var off = Tpm.Run(temp.Path, "check", "plan.tpm", "--no-level", "--quiet");
            var on = Tpm.Run(temp.Path, "check", "plan.tpm", "--quiet");

            off.ExitCode.Should().Be(0);
            off.Out.Should().StartWith("plan.tpm(4,42): warning TPM2101: person 'ana' is over-allocated on 2027-03-01..2027-03-03 (3 working days, up to 200%) by 'first', 'second'");
            on.ExitCode.Should().Be(0);
            on.Out.Should().BeEmpty();
        }

        [Theory]
        [InlineData("--effort", "hard")]
        [InlineData("--schedules", "0")]
        [InlineData("--seed", "x")]
        public void Bad_leveling_options_are_usage_errors(string option, string value)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Contended);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", option, value);

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Contain(option == "--schedules" ? "option '--schedules' expects a whole number from 1 to 2,147,483,647; got '0'" : value);
        }

        [Theory]
        [InlineData("--effort", "quick")]
        [InlineData("--effort", "max")]
        [InlineData("--schedules", "1")]
        [InlineData("--seed", "42")]
        public void Every_leveling_option_levels_the_small_plan_to_the_same_finish(string option, string value)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Contended);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", option, value, "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            var program = JsonDocument.Parse(result.Out).RootElement.GetProperty("program");
            program.GetProperty("finish").GetString().Should().Be("2027-03-10");
            program.GetProperty("leveling_schedules").GetInt32().Should().BeGreaterThan(0);
        }

        [Fact]
        public void Warnings_go_to_stderr_and_the_table_still_prints()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "schedule", "warn.tpm");

            result.ExitCode.Should().Be(0);
            result.Error.Should().Be("warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine + "\n");
            result.Out.Should().StartWith("Program warn \"Warn\"\n  start 2027-03-01   finish 2027-03-03   3 working days\n");
        }

        [Fact]
        public void Json_prints_the_contract_document()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().BeEmpty();
            var json = JsonDocument.Parse(result.Out).RootElement;
            var program = json.GetProperty("program");
            program.GetProperty("id").GetString().Should().Be("demo");
            program.GetProperty("finish").GetString().Should().Be("2027-03-11");
            program.GetProperty("duration_days").GetInt32().Should().Be(9);
            program.GetProperty("cost").GetDecimal().Should().Be(2800m);
            json.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("id").GetString())
                .Should().Equal("data.collect", "data.clean", "docs", "ready");
            json.GetProperty("critical_path").EnumerateArray().Select(t => t.GetString())
                .Should().Equal("data.collect", "data.clean", "ready");
            json.GetProperty("diagnostics").GetArrayLength().Should().Be(0);
            program.GetProperty("leveled").GetBoolean().Should().BeTrue();
            json.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("delayed_by").ValueKind).Should().OnlyContain(k => k == JsonValueKind.Null);
        }

        [Fact]
        public void Errors_exit_1_and_json_has_empty_tasks_and_the_diagnostics()
        {
            using var temp = new TempFolder();
            temp.Write("bad.tpm", Plans.WithError);

            var result = Tpm.Run(temp.Path, "schedule", "bad.tpm", "--format", "json");

            result.ExitCode.Should().Be(1);
            var json = JsonDocument.Parse(result.Out).RootElement;
            json.GetProperty("program").GetProperty("id").GetString().Should().Be("bad");
            json.GetProperty("program").GetProperty("finish").ValueKind.Should().Be(JsonValueKind.Null);
            json.GetProperty("tasks").GetArrayLength().Should().Be(0);
            json.GetProperty("critical_path").GetArrayLength().Should().Be(0);
            var d = json.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
            d.GetProperty("code").GetString().Should().Be("TPM1001");
            d.GetProperty("file").GetString().Should().Be("bad.tpm");
            d.GetProperty("line").GetInt32().Should().Be(3);
            d.GetProperty("column").GetInt32().Should().Be(35);
        }

        [Fact]
        public void Errors_in_table_mode_exit_1_with_diagnostics_on_stderr_and_nothing_on_stdout()
        {
            using var temp = new TempFolder();
            temp.Write("bad.tpm", Plans.WithError);

            var result = Tpm.Run(temp.Path, "schedule", "bad.tpm");

            result.ExitCode.Should().Be(1);
            result.Out.Should().BeEmpty();
            result.Error.Should().Be("bad.tpm(3,35): error TPM1001: " + Plans.ErrorLine + "\ntpm: no schedule: the program has errors\n");
        }

        [Fact]
        public void Warnaserror_makes_a_binding_warning_block_the_schedule()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var json = Tpm.Run(temp.Path, "schedule", "warn.tpm", "--format", "json", "--warnaserror");
            var table = Tpm.Run(temp.Path, "schedule", "warn.tpm", "--warnaserror");

            json.ExitCode.Should().Be(1);
            var doc = JsonDocument.Parse(json.Out).RootElement;
            doc.GetProperty("tasks").GetArrayLength().Should().Be(0);
            doc.GetProperty("diagnostics")[0].GetProperty("severity").GetString().Should().Be("error");
            table.ExitCode.Should().Be(1);
            table.Out.Should().BeEmpty();
        }

        [Fact]
        public void Warnaserror_on_a_schedule_warning_fails_the_run_but_shows_the_schedule()
        {
            // Finish Mar 11 against a due date on the last task of Mar 10: TPM2201, an error under --warnaserror.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid.Replace("deadline 2027-03-31", "deadline 2027-03-31\n  task late \"Late\" { duration 9d  due 2027-03-10 }"));

            var table = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--warnaserror");

            table.ExitCode.Should().Be(1, table.ToString());
            table.Out.Should().StartWith("Program demo");
            table.Error.Should().Contain(": error TPM2201: task 'late' finishes on 2027-03-11, 1 working day after its due date 2027-03-10");
        }

        [Fact]
        public void A_missed_deadline_is_an_error_and_the_table_that_explains_it_is_still_printed()
        {
            // Finish Mar 11 (index 8) against a deadline of Mar 9 (index 6): TPM2202 by 2 working days.
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid.Replace("deadline 2027-03-31", "deadline 2027-03-09"));

            var table = Tpm.Run(temp.Path, "schedule", "plan.tpm");
            var json = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json");

            table.ExitCode.Should().Be(1);
            Tpm.Lines(table.Out)[1].Should().Be("  start 2027-03-01   finish 2027-03-11   9 working days   deadline 2027-03-09 (missed by 2 working days)");
            table.Error.Should().StartWith("plan.tpm(3,3): error TPM2202: program 'demo' finishes on 2027-03-11, 2 working days after its deadline 2027-03-09");
            json.ExitCode.Should().Be(1);
            var doc = JsonDocument.Parse(json.Out).RootElement;
            doc.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-03-11");
            doc.GetProperty("tasks").GetArrayLength().Should().BeGreaterThan(0);
            doc.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be("TPM2202");
        }

        [Fact]
        public void A_missed_deadline_lowered_to_a_warning_shows_in_the_table()
        {
            // The plan finishes Mar 11 (index 8); a deadline of Mar 9 (index 6) is missed by 2 working days (TPM2202,
            // an error by default: lowered here so the table prints).
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid.Replace("deadline 2027-03-31", "deadline 2027-03-09"));
            temp.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.TPM2202.severity = warning\n");

            var result = Tpm.Run(temp.Path, "schedule", "plan.tpm");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out)[1].Should().Be("  start 2027-03-01   finish 2027-03-11   9 working days   deadline 2027-03-09 (missed by 2 working days)");
            result.Error.Should().StartWith("plan.tpm(3,3): warning TPM2202: program 'demo' finishes on 2027-03-11, 2 working days after its deadline 2027-03-09");
        }

        [Fact]
        public void Output_is_byte_identical_across_runs()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            foreach (var format in new[] { "table", "json" })
            {
                var first = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", format, "--seed", "7");
                var second = Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", format, "--seed", "7");
                second.Out.Should().Be(first.Out, format);
            }
        }
    }
}
