using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsvHelper;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>schedule.csv: RFC 4180 text, read back with CsvHelper.</summary>
    public class ScheduleCsvTests
    {
        private static string Write(string plan) => ScheduleCsv.Write(ArtefactPlans.Compile(plan).Schedule!);

        /// <summary>The records as CsvHelper reads them, header first.</summary>
        private static List<string[]> Read(string csv)
        {
            var options = new CsvReaderOptions
            {
                HasHeader = false,
                Separator = ',',
                Mode = CsvMode.Rfc4180,
                AllowLineBreaksInQuotes = true,
                MalformedData = CsvMalformedDataHandling.Throw,
                FieldCountMismatch = CsvFieldCountHandling.Throw,
            };
            using var reader = CsvReader.FromText(csv, options);
            var records = new List<string[]>();
            while (reader.Read()) records.Add(reader.Current.ToArray());
            return records;
        }

        [Fact]
        public void The_demo_plan_is_the_hand_computed_text()
        {
            // TestPlans.Demo: collect [0,4) Mar 1..4 (2,000), clean [5,9) Mar 8..11 (800), docs [4,6) Mar 5..8 with
            // float 3 (late Mar 10..11) and due Mar 5, ready on Mar 11. Records end with CRLF.
            Write(TestPlans.Demo).Should().Be(
                "id,name,kind,workstream,start,finish,duration_days,total_float_days,critical,assigned,cost,progress,due,late_start,late_finish,delayed_by\r\n" +
                "data.collect,Collect,task,data,2027-03-01,2027-03-04,4,0,true,ana,2000,,,2027-03-01,2027-03-04,\r\n" +
                "data.clean,Clean,task,data,2027-03-08,2027-03-11,4,0,true,bo,800,,,2027-03-08,2027-03-11,\r\n" +
                "docs,Docs,task,,2027-03-05,2027-03-08,2,3,false,,0,,2027-03-05,2027-03-10,2027-03-11,\r\n" +
                "ready,Ready,milestone,,2027-03-11,2027-03-11,0,0,true,,0,,,2027-03-11,2027-03-11,\r\n");
        }

        [Fact]
        public void A_csv_parser_reads_the_header_and_one_record_per_task_with_the_schedule_values()
        {
            var program = ArtefactPlans.Compile(ArtefactPlans.Tracked);
            var records = Read(ScheduleCsv.Write(program.Schedule!));

            records[0].Should().Equal(ScheduleCsv.Columns);
            records[0].Should().Equal(
                "id", "name", "kind", "workstream", "start", "finish", "duration_days", "total_float_days", "critical",
                "assigned", "cost", "progress", "due", "late_start", "late_finish", "delayed_by");
            records.Skip(1).Select(r => string.Join(" | ", r[0], r[2], r[3], r[4], r[5], r[6], r[8], r[9], r[10], r[11], r[12]))
                .Should().Equal(
                    "kickoff | task |  | 2027-03-01 | 2027-03-02 | 2 | false | ana | 1000 | 1 | ",
                    "build.api.design | task | build.api | 2027-03-03 | 2027-03-05 | 3 | true | bo | 1200 | 0.5 | ",
                    "build.api.code | task | build.api | 2027-03-08 | 2027-03-09 | 2 | true | bo | 800 |  | ",
                    "build.test | task | build | 2027-03-12 | 2027-03-15 | 2 | true | ana | 500 |  | 2027-03-12",
                    "docs | task |  | 2027-03-04 | 2027-03-04 | 1 | false |  | 0 |  | ",
                    "done | milestone |  | 2027-03-15 | 2027-03-15 | 0 | true |  | 0 |  | ");
            // Float, late dates and delays are the schedule's own, whatever tracking made of them.
            foreach (var (record, task) in records.Skip(1).Zip(program.Schedule!.Tasks))
            {
                record[7].Should().Be(task.TotalFloat.ToString(CultureInfo.InvariantCulture));
                record[13].Should().Be(task.LateStartDate.ToString());
                record[14].Should().Be(task.LateFinishDate.ToString());
                record[15].Should().Be(task.DelayedBy?.Id ?? string.Empty);
            }
        }

        [Fact]
        public void Names_with_commas_quotes_and_line_breaks_are_quoted_and_read_back_unchanged()
        {
            var csv = Write(ArtefactPlans.Tracked);
            var records = Read(csv);

            records[1][1].Should().Be(ArtefactPlans.KickoffName);
            records[5][1].Should().Be(ArtefactPlans.DocsName);
            csv.Should().Contain("kickoff,\"Plan, \"\"scope\"\" & risks: #1; 50%\nsecond line\",task,", "quotes are doubled inside a quoted field");
            records.Should().OnlyContain(r => r.Length == ScheduleCsv.Columns.Length);
        }

        [Theory]
        [InlineData("=HYPERLINK(\\\"http://x\\\")", "=HYPERLINK(\"http://x\")")]
        [InlineData("+1+2", "+1+2")]
        [InlineData("-2+3", "-2+3")]
        [InlineData("@SUM(A1:A2)", "@SUM(A1:A2)")]
        [InlineData("\\tcmd", "\tcmd")]
        public void A_name_a_spreadsheet_would_read_as_a_formula_is_quoted_with_a_leading_apostrophe(string written, string name)
        {
            var plan = "program inj \"Injection\" {\n  start 2027-03-01\n  task a \"" + written + "\" { duration 2d }\n}\n";
            var program = ArtefactPlans.Compile(plan);
            program.Schedule!.Tasks[0].Task.DisplayName.Should().Be(name);

            var csv = ScheduleCsv.Write(program.Schedule!);
            var record = Read(csv)[1];

            record[1].Should().Be("'" + name, "the apostrophe makes a spreadsheet show the cell as text");
            csv.Should().Contain(",\"'" + name.Replace("\"", "\"\"") + "\",", "a defused cell is always quoted");
            record[6].Should().Be("2", "numeric columns are left alone");
        }

        [Fact]
        public void Defusing_touches_only_cells_that_start_with_a_formula_character()
        {
            ScheduleCsv.Defuse("=1").Should().Be("'=1");
            ScheduleCsv.Defuse("-3").Should().Be("'-3");
            ScheduleCsv.Defuse("\t").Should().Be("'\t");
            ScheduleCsv.Defuse("\rx").Should().Be("'\rx", "a carriage return cannot come from a .tpm string, but can from a builder or an import");
            ScheduleCsv.Defuse("@").Should().Be("'@");
            ScheduleCsv.Defuse("+").Should().Be("'+");
            ScheduleCsv.Defuse("a=1").Should().Be("a=1");
            ScheduleCsv.Defuse(" =1").Should().Be(" =1");
            ScheduleCsv.Defuse("").Should().Be("");
            ScheduleCsv.Defuse("'quoted").Should().Be("'quoted");
        }

        [Fact]
        public void Numeric_and_date_columns_stay_numbers_and_the_header_is_not_defused()
        {
            // Only id, name, workstream, assigned and delayed_by hold text; the others are written as they are, so a
            // negative number would stay a number. Every numeric cell of a plan with formula-like names still parses.
            var plan = "program inj \"Injection\" {\n  start 2027-03-01\n  person ana \"@ana\" { rate 100/d }\n" +
                       "  task a \"-1\" { effort 2d  assign ana }\n  task b \"+1\" { duration 1d  after a }\n}\n";
            var records = Read(Write(plan));

            records[0].Should().Equal(ScheduleCsv.Columns);
            foreach (var r in records.Skip(1))
            {
                r[1].Should().StartWith("'");
                foreach (var column in new[] { 6, 7, 10 }) decimal.Parse(r[column], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
                r[9].Should().NotStartWith("'", "person ids are identifiers and never start with a formula character");
            }
        }

        [Fact]
        public void Several_assignees_are_listed_by_id_separated_by_semicolons()
        {
            var plan = TestPlans.Demo.Replace("assign ana }", "assign ana, bo 50% }");

            Read(Write(plan))[1][9].Should().Be("ana;bo");
        }

        [Fact]
        public void A_leveled_task_names_the_person_who_delayed_it()
        {
            // Both tasks need ana full time and nothing else orders them: the leveler runs one after the other, and
            // the later one is delayed by ana. Which one goes first is the leveler's choice, so the test finds it.
            const string plan =
                "program lv \"Leveled\" {\n  start 2027-03-01\n  person ana \"Ana\"\n" +
                "  task a \"A\" { duration 2d  assign ana }\n  task b \"B\" { duration 3d  assign ana }\n}\n";
            var schedule = ArtefactPlans.Compile(plan).Schedule!;
            var records = Read(ScheduleCsv.Write(schedule));

            var delayed = schedule.Tasks.Single(t => t.DelayedBy != null);
            records.Single(r => r[0] == delayed.Id)[15].Should().Be("ana");
            records.Single(r => r[0] != delayed.Id && r[0] != "id")[15].Should().BeEmpty();
        }

        [Fact]
        public void The_emitter_writes_schedule_csv_from_the_context()
        {
            var program = ArtefactPlans.Compile(TestPlans.Demo);
            var emitter = ArtefactCatalog.All.Single(e => e.Kind == "csv");

            var files = emitter.Emit(ArtefactContext.Create(program, new[] { emitter }));

            files.Select(f => f.FileName).Should().Equal("schedule.csv");
            emitter.FileNames.Should().Equal("schedule.csv");
            files[0].Text.Should().Be(Write(TestPlans.Demo));
        }

        [Fact]
        public void The_catalogue_lists_the_calendar_mermaid_and_csv_emitters_in_that_order()
        {
            var kinds = ArtefactCatalog.All.Select(e => e.Kind).ToList();

            kinds.Should().ContainInOrder("ics", "mermaid", "csv");
            ArtefactCatalog.Select("csv,ics, mermaid", out var problem)!.Select(e => e.Kind).Should().Equal("ics", "mermaid", "csv");
            problem.Should().BeNull();
        }
    }
}
