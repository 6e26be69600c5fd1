using System.IO;
using System.Linq;
using System.Text.Json;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests
{
    /// <summary><c>tpm import</c>: MS Project XML to a .tpm program, and the round trip with <c>tpm build --emit mspdi</c>.</summary>
    public class ImportCommandTests
    {
        // Mon 2027-03-01; "Write" takes 3 days (Mar 1-3), "Review" 2 days after it with a day of lag (Mar 5-8).
        private const string Mspdi =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
            "  <Name>Docs.xml</Name>\n" +
            "  <Title>Docs</Title>\n" +
            "  <StartDate>2027-03-01T08:00:00</StartDate>\n" +
            "  <Tasks>\n" +
            "    <Task><UID>0</UID><ID>0</ID><Name>Docs</Name><OutlineLevel>0</OutlineLevel><Summary>1</Summary>{0}</Task>\n" +
            "    <Task><UID>1</UID><ID>1</ID><Name>Write</Name><OutlineLevel>1</OutlineLevel><Duration>PT24H0M0S</Duration></Task>\n" +
            "    <Task><UID>2</UID><ID>2</ID><Name>Review</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration>\n" +
            "      <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>4800</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>\n" +
            "    <Task><UID>3</UID><ID>3</ID><Name>Parked</Name><Active>0</Active><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>\n" +
            "  </Tasks>\n" +
            "</Project>\n";

        private const string Imported =
            "program docs \"Docs\" {\n" +
            "  start 2027-03-01\n" +
            "{0}" +
            "  leveling off\n" +
            "\n" +
            "  task write \"Write\" {\n" +
            "    duration 3d\n" +
            "  }\n" +
            "\n" +
            "  task review \"Review\" {\n" +
            "    duration 2d\n" +
            "    after write fs+1d\n" +
            "  }\n" +
            "}\n";

        internal static string Doc(string summaryExtra = "") => Mspdi.Replace("{0}", summaryExtra);

        [Fact]
        public void Imports_next_to_the_xml_file_lists_notes_and_the_program_schedules()
        {
            using var temp = new TempFolder();
            temp.Write("plans/docs.xml", Doc());

            var result = Tpm.Run(temp.Path, "import", "plans/docs.xml");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().Be("wrote " + Path.Combine("plans", "docs.tpm") + "\n");
            result.Error.Should().Be("tpm: note: task 'Parked' is inactive and is not imported\n1 program checked: 0 errors, 0 warnings\n");
            File.ReadAllText(Path.Combine(temp.Path, "plans", "docs.tpm")).Should().Be(Imported.Replace("{0}", string.Empty));
            Schedule(temp.Path, "plans/docs.tpm").GetProperty("program").GetProperty("finish").GetString().Should().Be("2027-03-08");
        }

        [Fact]
        public void Quiet_prints_only_diagnostics_and_out_names_the_file()
        {
            using var temp = new TempFolder();
            temp.Write("docs.xml", Doc());

            var result = Tpm.Run(temp.Path, "import", "docs.xml", "-o", "plan/main.tpm", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Out.Should().BeEmpty();
            result.Error.Should().BeEmpty();
            File.Exists(Path.Combine(temp.Path, "plan", "main.tpm")).Should().BeTrue();
        }

        [Fact]
        public void An_existing_program_is_overwritten_only_with_force()
        {
            using var temp = new TempFolder();
            temp.Write("docs.xml", Doc());
            temp.Write("docs.tpm", "// mine\n");

            var refused = Tpm.Run(temp.Path, "import", "docs.xml");
            refused.ExitCode.Should().Be(2);
            refused.Error.Should().Be("tpm: error: 'docs.tpm' already exists; use --force to overwrite it or --out to name another file\n");
            File.ReadAllText(Path.Combine(temp.Path, "docs.tpm")).Should().Be("// mine\n");

            Tpm.Run(temp.Path, "import", "docs.xml", "--force", "-q").ExitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(temp.Path, "docs.tpm")).Should().StartWith("program docs \"Docs\" {");
        }

        [Fact]
        public void A_plan_that_misses_its_deadline_is_written_and_exits_1_with_the_diagnostic()
        {
            using var temp = new TempFolder();
            temp.Write("docs.xml", Doc("<Deadline>2027-03-05T17:00:00</Deadline>"));

            var result = Tpm.Run(temp.Path, "import", "docs.xml", "-q");

            result.ExitCode.Should().Be(1, result.ToString());
            result.Out.Should().Be("docs.tpm(3,3): error TPM2202: program 'docs' finishes on 2027-03-08, 1 working day after its deadline 2027-03-05; critical path: write → review\n");
            File.ReadAllText(Path.Combine(temp.Path, "docs.tpm")).Should().Be(Imported.Replace("{0}", "  deadline 2027-03-05\n"));
        }

        [Theory]
        [InlineData("not xml at all", "tpm: error: bad.xml(1,1): not well-formed XML: Data at the root level is invalid; an MS Project file saved as XML is expected\n")]
        [InlineData("<Schedule/>", "tpm: error: bad.xml(1,2): not an MS Project XML (MSPDI) file: the root element is <Schedule>, not <Project xmlns=\"http://schemas.microsoft.com/project\">; in MS Project, save the plan with File > Save As > XML Format\n")]
        [InlineData("<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Tasks><Task><Name>x</Name></Task></Tasks></Project>",
            "tpm: error: bad.xml(2,9): a task has no <UID>\ntpm: error: bad.xml(1,2): the project has no <StartDate> (and no task has a <Start>); a .tpm program needs a start date\n")]
        public void A_file_that_is_not_a_readable_mspdi_plan_is_exit_2_and_writes_nothing(string text, string error)
        {
            using var temp = new TempFolder();
            temp.Write("bad.xml", text);

            var result = Tpm.Run(temp.Path, "import", "bad.xml");

            result.ExitCode.Should().Be(2);
            result.Out.Should().BeEmpty();
            result.Error.Should().Be(error);
            Directory.GetFiles(temp.Path).Select(Path.GetFileName).Should().Equal("bad.xml");
        }

        [Fact]
        public void A_missing_file_or_writing_over_the_input_is_a_usage_error()
        {
            using var temp = new TempFolder();
            temp.Write("docs.xml", Doc());

            var missing = Tpm.Run(temp.Path, "import", "nope.xml");
            missing.ExitCode.Should().Be(2);
            missing.Error.Should().Be("tpm: error: no such file: 'nope.xml'\n");

            var same = Tpm.Run(temp.Path, "import", "docs.xml", "-o", "docs.xml", "--force");
            same.ExitCode.Should().Be(2);
            same.Error.Should().Be("tpm: error: the output 'docs.xml' is the input file; name another with --out\n");
            File.ReadAllText(Path.Combine(temp.Path, "docs.xml")).Should().Be(Doc());
        }

        [Fact]
        public void The_example_program_survives_the_round_trip_through_ms_project_xml()
        {
            using var temp = new TempFolder();
            var example = Path.Combine(RepositoryPaths.Examples, "ml-platform", "program.tpm");

            var build = Tpm.Run(RepositoryPaths.Root, "build", example, "--emit", "mspdi", "-o", Path.Combine(temp.Path, "out"), "-q");
            build.ExitCode.Should().Be(0, build.ToString());
            var xml = Path.Combine(temp.Path, "out", "fraud-v3", "project.xml");
            var import = Tpm.Run(temp.Path, "import", xml, "-o", "fraud.tpm");
            import.ExitCode.Should().Be(0, import.ToString());
            import.Error.Should().Be("1 program checked: 0 errors, 0 warnings\n", "nothing the example uses for its schedule is lost");

            var before = Schedule(RepositoryPaths.Root, example);
            var after = Schedule(temp.Path, "fraud.tpm");
            string Program(JsonElement s, string field) => s.GetProperty("program").GetProperty(field).ToString();
            foreach (var field in new[] { "start", "finish", "duration_days", "cost", "status_date", "deadline" }) Program(after, field).Should().Be(Program(before, field), field);
            Program(before, "finish").Should().Be("2027-10-26");
            Rows(after).Should().Equal(Rows(before));
            Rows(before).Should().HaveCount(53);
            after.GetProperty("critical_path").ToString().Should().Be(before.GetProperty("critical_path").ToString());

            // And the imported program writes the same MS Project file again.
            Tpm.Run(temp.Path, "build", "fraud.tpm", "--emit", "mspdi", "-o", "again", "-q").ExitCode.Should().Be(0);
            File.ReadAllText(Path.Combine(temp.Path, "again", "fraud-v3", "project.xml")).Should().Be(File.ReadAllText(xml));
        }

        [Fact]
        public void What_the_import_cuts_is_a_located_warning_even_with_quiet_and_the_program_checks_clean()
        {
            // A task name of 20,000 characters (twice a .tpm string) and, in the calendar, 40 recurrences of 5,000 days:
            // the name is cut with an ellipsis, the calendar at 20,000 days, each at its place in the XML file.
            var name = new string('n', 20_000);
            var exceptions = string.Concat(Enumerable.Range(0, 40).Select(i =>
                "\n<Exception><TimePeriod><FromDate>" + (2000 + 30 * i) + "-01-01T00:00:00</FromDate><ToDate>9999-12-31T23:59:00</ToDate></TimePeriod><Type>1</Type><Period>2</Period><DayWorking>0</DayWorking></Exception>"));
            var xml = Doc().Replace("<Name>Write</Name>", "<Name>" + name + "</Name>")
                .Replace("  <Tasks>", "  <CalendarUID>1</CalendarUID><Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><Exceptions>" + exceptions + "\n</Exceptions></Calendar></Calendars>\n  <Tasks>");
            using var temp = new TempFolder();
            temp.Write("big.xml", xml);

            var result = Tpm.Run(temp.Path, "import", "big.xml", "--quiet");

            result.ExitCode.Should().Be(0, result.ToString());
            var warnings = result.Error.Split('\n').Where(l => l.Length > 0).ToList();
            warnings.Where(l => l.Contains("has more than 5,000 occurrences")).Should().HaveCount(5, "the fifth is expanded, then cut");
            warnings.Should().Contain("tpm: warning: big.xml(11,2): calendar 'Standard' is cut here: a calendar holds at most 20,000 exception days and ranges in tpm import, " +
                                      "so this exception (2120-01-01) and those after it in the file are not imported; remove the exceptions that are not needed (past years, duplicates) and import again");
            warnings.Should().Contain(l => l.StartsWith("tpm: warning: big.xml(50,34): <Name> is 20,000 characters long;", System.StringComparison.Ordinal));
            warnings.Should().HaveCount(7);
            var written = File.ReadAllText(Path.Combine(temp.Path, "big.tpm"));
            written.Split('\n').Count(l => l.StartsWith("  holiday ", System.StringComparison.Ordinal)).Should().Be(20_000);
            Tpm.Run(temp.Path, "check", "big.tpm").ExitCode.Should().Be(0, "the imported plan is within every input limit");
        }

        private static JsonElement Schedule(string root, string file)
        {
            var result = Tpm.Run(root, "schedule", file, "--format", "json");
            result.ExitCode.Should().Be(0, result.ToString());
            using var document = JsonDocument.Parse(result.Out);
            return document.RootElement.Clone();
        }

        private static string[] Rows(JsonElement schedule) => schedule.GetProperty("tasks").EnumerateArray()
            .Select(t => string.Join(" ", new[] { "id", "start", "finish", "duration_days", "total_float_days", "critical", "late_start", "late_finish", "cost", "assigned" }
                .Select(f => t.GetProperty(f).ToString())))
            .ToArray();
    }
}
