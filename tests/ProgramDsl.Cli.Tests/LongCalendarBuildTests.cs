using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary>
    /// Plans whose work lies at both ends of the calendar (0001 and 9999, about 2.6 million working days apart): the
    /// leveler and the report's forecast cost what the plan books, not the span, so the build ends in seconds.
    /// </summary>
    public class LongCalendarBuildTests
    {
        // Twenty people with a vacation at each end; the last two tasks end on 9999-12-31, the calendar's last day
        // (9999-12-20 is a Monday; with 21..22 off, p0 has exactly 8 working days left).
        private static string BothEnds()
        {
            var people = string.Concat(Enumerable.Range(0, 20).Select(i =>
                "  person p" + i + " \"P" + i + "\" { vacation 0001-01-0" + (3 + i % 5) + "..0001-01-0" + (3 + i % 5) + "  vacation 9999-12-21..9999-12-22 }\n"));
            var all = string.Join(", ", Enumerable.Range(0, 20).Select(i => "p" + i));
            return "program ends \"Ends\" {\n  start 0001-01-01\n" + people +
                   "  task a \"Early\" { estimate 2d 3d 5d  assign " + all + " }\n" +
                   "  task y \"Late\" { effort 5d  assign p0  not-before 9999-12-20 }\n" +
                   "  task z \"Last\" { effort 3d  assign p0  not-before 9999-12-20 }\n" +
                   "}\n";
        }


        [Fact]
        public void Build_of_a_plan_at_both_ends_of_the_calendar_writes_every_artefact_with_the_full_forecast()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", BothEnds());

            var result = Tpm.RunBounded(temp.Path, 60, "build", "plan.tpm", "--out", "out");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Error.Should().NotContain("TPM2005").And.NotContain("TPM2007").And.NotContain("internal error");
            foreach (var file in ProgramDsl.Reports.Artefacts.ArtefactCatalog.All.SelectMany(e => e.FileNames))
            {
                File.ReadAllText(Path.Combine(temp.Path, "out", "ends", file)).Should().NotBeEmpty(file);
            }

            File.ReadAllText(Path.Combine(temp.Path, "out", "ends", "schedule.json")).Should().Contain("9999-12-31");
        }

        [Fact]
        public void Forecast_of_a_plan_at_both_ends_of_the_calendar_runs_every_iteration()
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", BothEnds());

            var result = Tpm.RunBounded(temp.Path, 60, "forecast", "plan.tpm", "-n", "2000");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Contain("2,000");
            result.Error.Should().NotContain("TPM2007");
        }

        // A task as long as the calendar from 0001 (it finishes in 9966) on three people, and several long tasks with a
        // pool, effort and an estimate: booked as steps, so every command runs its full work in a fraction of its budget.
        private const string OneLongTask = "program p \"P\" {\n  start 0001-01-01\n  person a \"A\" { } person b \"B\" { } person c \"C\" { }\n" +
                                           "  task t \"T\" { duration 2600000d  assign a, b, c }\n}\n";

        private const string SeveralLongTasks = "program p \"P\" {\n  start 0001-01-01\n  person a \"A\" { } person b \"B\" { } person c \"C\" { }\n" +
                                                "  resource pool \"Pool\" { capacity 2 }\n" +
                                                "  task t1 \"T1\" { duration 500000d  assign a, b }\n  task t2 \"T2\" { duration 500000d  assign a, c }\n" +
                                                "  task t3 \"T3\" { effort 900000d  assign b, c }\n  task t4 \"T4\" { duration 400000d  uses pool 2 }\n" +
                                                "  task t5 \"T5\" { duration 400000d  uses pool 1 }\n  task t6 \"T6\" { estimate 100000d 200000d 400000d  assign a }\n}\n";

        [Theory]
        [InlineData("one")]
        [InlineData("several")]
        public void Every_command_on_tasks_millions_of_days_long_ends_with_the_full_forecast(string plan)
        {
            using var temp = new TempFolder();
            temp.Write("plan.tpm", plan == "one" ? OneLongTask : SeveralLongTasks);

            var check = Tpm.RunBounded(temp.Path, 60, "check", "plan.tpm");
            check.ExitCode.Should().Be(0, check.ToString());
            var schedule = Tpm.RunBounded(temp.Path, 60, "schedule", "plan.tpm", "--format", "json");
            schedule.ExitCode.Should().Be(0, schedule.ToString());
            schedule.Out.Should().Contain(plan == "one" ? "\"finish\": \"9966-12-23\"" : "\"leveled\": true");
            var forecast = Tpm.RunBounded(temp.Path, 60, "forecast", "plan.tpm", "-n", "1000");
            forecast.ExitCode.Should().Be(0, forecast.ToString());
            forecast.Error.Should().NotContain("TPM2007");
            var build = Tpm.RunBounded(temp.Path, 60, "build", "plan.tpm", "--out", "out");
            build.ExitCode.Should().Be(0, build.ToString());
            build.Error.Should().NotContain("TPM2007").And.NotContain("internal error");
        }
    }
}
