using System.Linq;
using System.IO;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm build</c>: artefacts per program id, canonical diagnostics, nothing written for a program with errors.</summary>
    public class BuildCommandTests
    {
        [Fact]
        public void Writes_the_schedule_json_of_each_program_under_its_id_and_lists_what_it_wrote()
        {
            using var temp = new TempFolder();
            temp.Write("plans/plan.tpm", Plans.Valid);
            temp.Write("plans/warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "build", "plans", "--out", "out", "--emit", "json");

            result.ExitCode.Should().Be(0, result.ToString());
            Tpm.Lines(result.Out).Should().Equal(
                "plans/warn.tpm(3,16): warning TPM2003: " + Plans.WarningLine,
                "wrote " + Path.Combine("out", "demo", "schedule.json"),
                "wrote " + Path.Combine("out", "warn", "schedule.json"));
            result.Error.Should().Be("2 programs checked: 0 errors, 1 warning\n");
            var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json"))).RootElement;
            json.GetProperty("program").GetProperty("id").GetString().Should().Be("demo");
            json.GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-03-11");
            File.ReadAllText(Path.Combine(temp.Path, "out", "demo", "schedule.json"))
                .Should().Be(Tpm.Run(temp.Path, "schedule", "plans/plan.tpm", "--format", "json").Out, "the artefact is the schedule command's JSON");
        }

        [Fact]
        public void A_program_with_errors_gets_no_artefacts_and_exit_1_while_the_others_are_written()
        {
            using var temp = new TempFolder();
            temp.Write("good.tpm", Plans.Valid);
            temp.Write("bad.tpm", Plans.WithError);

            var result = Tpm.Run(temp.Path, "build", "good.tpm", "bad.tpm", "--out", "out", "--quiet");

            result.ExitCode.Should().Be(1);
            result.Out.Should().StartWith("bad.tpm(3,35): error TPM1001: ");
            result.Out.Should().NotContain("wrote", "--quiet lists nothing");
            File.Exists(Path.Combine(temp.Path, "out", "demo", "schedule.json")).Should().BeTrue();
            Directory.Exists(Path.Combine(temp.Path, "out", "bad")).Should().BeFalse();
        }

        [Fact]
        public void Warnaserror_makes_a_warning_fail_the_build_and_withholds_the_artefact()
        {
            using var temp = new TempFolder();
            temp.Write("warn.tpm", Plans.WithWarning);

            var result = Tpm.Run(temp.Path, "build", "warn.tpm", "--out", "out", "--warnaserror");

            result.ExitCode.Should().Be(1);
            result.Out.Should().StartWith("warn.tpm(3,16): error TPM2003: ");
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse();
        }

        [Theory]
        [InlineData("json,gif", "unknown artefact 'gif' for --emit; known: ")]
        [InlineData(",", "--emit names no artefact; known: ")]
        public void An_unknown_artefact_is_a_usage_error_and_writes_nothing(string emit, string message)
        {
            message += "all, " + string.Join(", ", ProgramDsl.Reports.Artefacts.ArtefactCatalog.All.Select(e => e.Kind));
            using var temp = new TempFolder();
            temp.Write("plan.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "build", "plan.tpm", "--out", "out", "--emit", emit);

            result.ExitCode.Should().Be(2);
            result.Error.Should().Contain(message);
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse();
        }

        [Fact]
        public void A_fragment_named_explicitly_is_an_input_of_its_program_not_a_program()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", "program p \"P\" {\n  start 2027-03-01\n  include \"people.tpm\"\n  task t \"T\" { effort 2d  assign ana }\n}\n");
            temp.Write("people.tpm", "person ana \"Ana\"\n");

            var result = Tpm.Run(temp.Path, "build", "people.tpm", "plan.tpm", "--out", "out", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            File.Exists(Path.Combine(temp.Path, "out", "p", "schedule.json")).Should().BeTrue();
            Tpm.Run(temp.Path, "build", "people.tpm", "--out", "out").ExitCode.Should().Be(2, "a fragment alone is no program");
        }

        [Fact]
        public void Arguments_can_come_from_a_response_file_with_quoted_paths_and_comment_lines()
        {
            // The ProgramDsl.Build targets call tpm this way: one argument or quoted path per line, '#' lines ignored.
            using var temp = new TempFolder();
            temp.Write("my plans/plan.tpm", Plans.Valid);
            temp.Write("build.rsp", "build\n\"my plans/plan.tpm\"\n--out\n\"out dir\"\n--emit\n\"schedule\"\n# severities from /somewhere/.globalconfig\n");

            var result = Tpm.Run(temp.Path, "@" + Path.Combine(temp.Path, "build.rsp"));

            result.ExitCode.Should().Be(0, result.ToString());
            File.Exists(Path.Combine(temp.Path, "out dir", "demo", "schedule.json")).Should().BeTrue();
        }

        [Fact]
        public void Two_programs_with_one_id_are_a_usage_error_before_anything_is_written()
        {
            using var temp = new TempFolder();
            temp.Write("a.tpm", Plans.Valid);
            temp.Write("b.tpm", Plans.Valid);

            var result = Tpm.Run(temp.Path, "build", "a.tpm", "b.tpm", "--out", "out");

            result.ExitCode.Should().Be(2);
            result.Error.Should().Contain("'a.tpm' and 'b.tpm' both define program 'demo'");
            Directory.Exists(Path.Combine(temp.Path, "out")).Should().BeFalse();
        }
    }
}
