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
            foreach (var heading in new[] { "ID", "Name", "Start", "Finish", "Assigned" })
            {
                int column = header.IndexOf(heading, StringComparison.Ordinal);
                foreach (var row in rows.Where(r => r.Length > column))
                {
                    row[column].Should().NotBe(' ', $"'{heading}' starts at {column} in\n{header}\n{row}");
                    row[column - 1].Should().Be(' ', $"'{heading}' starts at {column} in\n{header}\n{row}");
                }
            }

            foreach (var heading in new[] { "Days", "Float" })
            {
                int end = header.IndexOf(heading, StringComparison.Ordinal) + heading.Length - 1;
                foreach (var row in rows)
                {
                    char.IsDigit(row[end]).Should().BeTrue($"'{heading}' ends at {end} in\n{header}\n{row}");
                    (row.Length == end + 1 || row[end + 1] == ' ').Should().BeTrue($"'{heading}' ends at {end} in\n{header}\n{row}");
                }
            }

            rows[0].Should().Contain("a-rather-long-workstream.t  A task whose title is much longer than …  2027-03-01  2027-03-16    12      0  a");
            rows[1].Should().EndWith("a 50%, somebody-with-a-long-id");
            rows.Select(r => r.Length > 0 && r[0] == '*').Should().Equal(true, false, true);
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
            lines.Should().Contain("Critical path (3 tasks): data.collect → data.clean → ready");
        }

        [Fact]
        public void Table_prints_the_leveling_note_unless_quiet_or_unleveled_on_purpose()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);
            temp.Write("off.tpm", Plans.Valid.Replace("  currency EUR\n", "  currency EUR\n  leveling off\n"));
            var note = "note: " + ScheduleCommand.LevelingNote;

            Tpm.Lines(Tpm.Run(temp.Path, "schedule", "plan.tpm").Out).Last().Should().Be(note);
            Tpm.Run(temp.Path, "schedule", "plan.tpm", "--quiet").Out.Should().NotContain("note:");
            Tpm.Run(temp.Path, "schedule", "plan.tpm", "--no-level").Out.Should().NotContain("note:");
            Tpm.Run(temp.Path, "schedule", "off.tpm").Out.Should().NotContain("note:");
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
        public void Json_prints_the_contract_document_with_the_leveling_note()
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
            json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Equal(ScheduleCommand.LevelingNote);
        }

        [Fact]
        public void Json_with_no_level_has_no_note()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var json = JsonDocument.Parse(Tpm.Run(temp.Path, "schedule", "plan.tpm", "--format", "json", "--no-level").Out).RootElement;

            json.TryGetProperty("notes", out _).Should().BeFalse();
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
