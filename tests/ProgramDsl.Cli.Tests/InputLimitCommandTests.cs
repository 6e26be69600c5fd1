using System.Linq;
using System.Text;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>Hostile shapes of plan text end in one located diagnostic, with no follow-on errors.</summary>
    public class InputLimitCommandTests
    {
        private static string Nest(int depth)
        {
            var sb = new StringBuilder("program deep \"Deep\" {\n  start 2027-01-04\n");
            for (int i = 0; i < depth; i++) sb.Append("workstream w").Append(i).Append(" {\n");
            sb.Append("task bottom { duration 2d }\n").Append('}', depth).Append("\n}\n");
            return sb.ToString();
        }

        [Fact]
        public void Workstreams_nested_10000_deep_are_one_TPM1007_in_the_json_schedule()
        {
            // Used to take 44 s and 4.9 GB: every qualified id repeats its ancestors' ids.
            using var temp = new TempFolder();
            temp.Write("deep.tpm", Nest(10_000));

            var result = Tpm.Run(temp.Path, "schedule", "--format", "json", "deep.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            using var json = JsonDocument.Parse(result.Out);
            json.RootElement.GetProperty("tasks").GetArrayLength().Should().Be(0);
            var d = json.RootElement.GetProperty("diagnostics").EnumerateArray().Should().ContainSingle().Subject;
            (d.GetProperty("code").GetString(), d.GetProperty("line").GetInt32(), d.GetProperty("column").GetInt32()).Should().Be(("TPM1007", 66, 16));
            d.GetProperty("message").GetString().Should().Be(
                "blocks nest deeper than the limit of 64 (the program, its workstreams and a task each count one); flatten the workstreams or split the plan");
        }

        [Fact]
        public void A_zero_width_space_in_the_program_id_is_the_only_error()
        {
            using var temp = new TempFolder();
            temp.Write("zw.tpm", "program p\u200Bq \"P\" {\n  start 2027-01-04\n  task a { duration 2d }\n}\n");

            var result = Tpm.Run(temp.Path, "check", "zw.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("zw.tpm(1,10): error TPM0001: invisible character U+200B in the program text; delete it (it may be pasted from a web page or a word processor)\n");
        }

        [Fact]
        public void Actual_dates_before_the_start_are_reported_not_moved()
        {
            using var temp = new TempFolder();
            temp.Write("late.tpm", "program p \"P\" {\n  start 2016-03-10\n  task a { duration 10d  actual-start 2016-01-04  actual-finish 2016-01-15 }\n}\n");

            var result = Tpm.Run(temp.Path, "schedule", "late.tpm");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().NotContain("2016-03-10  2016-03-10");
            result.Error.Should().Contain("late.tpm(3,39): error TPM1102: actual-start 2016-01-04 is before the program start 2016-03-10; move 'start' to 2016-01-04 or earlier, or correct the date");
        }
    }
}
