using System.Linq;
using System.Text;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>How MS Project's notions map to the language: ids, lags in other units, constraints, resources and odd rows.</summary>
    public class MspdiImporterTests
    {
        /// <summary>A minimal MSPDI document starting Mon 2027-03-01 with 8-hour days.</summary>
        private static string Doc(string tasks, string resources = "", string assignments = "", string head = "") =>
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n" +
            "  <Name>t.xml</Name><StartDate>2027-03-01T08:00:00</StartDate>\n" + head +
            "  <Tasks>\n" + tasks + "  </Tasks>\n" +
            "  <Resources>\n" + resources + "  </Resources>\n" +
            "  <Assignments>\n" + assignments + "  </Assignments>\n" +
            "</Project>\n";

        private static string Task(int uid, string name, string extra = "", int level = 1, string duration = "PT8H0M0S") =>
            "    <Task><UID>" + uid + "</UID><ID>" + uid + "</ID><Name>" + name + "</Name><OutlineLevel>" + level + "</OutlineLevel><Duration>" + duration + "</Duration>" + extra + "</Task>\n";

        private static string Link(int predecessor, int type, long lag, int format = 7) =>
            "<PredecessorLink><PredecessorUID>" + predecessor + "</PredecessorUID><Type>" + type + "</Type><LinkLag>" + lag + "</LinkLag><LagFormat>" + format + "</LagFormat></PredecessorLink>";

        [Theory]
        [InlineData("QA & accessibility", "task", "qa-accessibility")]
        [InlineData("Déploiement été", "task", "deploiement-ete")]
        [InlineData("2027 kick-off", "milestone", "milestone-2027-kick-off")]
        [InlineData("  Phase 1: Discovery  ", "ws", "phase-1-discovery")]
        [InlineData("Integrate the payment provider and the fraud checks in checkout", "task", "integrate-the-payment-provider-and-the")]
        [InlineData("*** ???", "task", null)]
        [InlineData("数据", "task", null)]
        public void Names_become_lower_case_dashed_identifiers(string name, string prefix, string? slug) => MspdiImporter.Slug(name, prefix).Should().Be(slug);

        [Fact]
        public void Ids_are_unique_in_their_scope_and_words_the_language_reads_in_lists_are_avoided()
        {
            var import = Import(Doc(
                Task(1, "Review") + Task(2, "Review") + Task(3, "Role") + Task(4, "***") + Task(5, "Alice Chen") + Task(6, "Phase", level: 1) + Task(7, "Review", level: 2),
                "    <Resource><UID>1</UID><Name>Alice Chen</Name><Type>1</Type></Resource>\n"));
            import.Text.Should().Contain("  task review \"Review\" {")
                .And.Contain("  task review-2 \"Review\" {")
                .And.Contain("  task role-2 \"Role\" {")
                .And.Contain("  task task-4 \"***\" {")
                .And.Contain("  person alice-chen \"Alice Chen\"")
                .And.Contain("  task alice-chen-2 \"Alice Chen\" {", "people and tasks share the program's names")
                .And.Contain("    task review \"Review\" {", "a workstream is a scope of its own");
            Compile(import.Text!);
        }

        [Fact]
        public void The_tpm_id_field_names_tasks_and_resources_when_it_holds_an_identifier()
        {
            const string head =
                "  <ExtendedAttributes><ExtendedAttribute><FieldID>188743740</FieldID><FieldName>Text4</FieldName><Alias>TPM ID</Alias></ExtendedAttribute></ExtendedAttributes>\n";
            string Id(string value) => "<ExtendedAttribute><FieldID>188743740</FieldID><Value>" + value + "</Value></ExtendedAttribute>";
            var import = Import(Doc(
                Task(1, "Exploratory analysis", Id("eda")) + Task(2, "Second", Id("9lives")) + Task(3, "Third", Id("eda")) + Task(4, "Fourth", "<ExtendedAttribute><FieldID>1</FieldID><Value>x</Value></ExtendedAttribute>"),
                resources: "", head: head));
            import.Text.Should().Contain("  task eda \"Exploratory analysis\" {", "the field is found by its alias, whatever its number")
                .And.Contain("  task second \"Second\" {", "9lives is not an identifier")
                .And.Contain("  task third \"Third\" {", "eda is taken")
                .And.Contain("  task fourth \"Fourth\" {");
        }

        [Fact]
        public void Lags_in_other_units_are_converted_to_whole_working_days_with_a_note()
        {
            // A: 2 days. B: 3 hours after A (1800 tenths = 0.375 d -> 0), 150% of A (3 days), 3 elapsed days (3 x 5/7 = 2.1 -> 2),
            // and a 12-hour lag (7200 tenths = 1.5 d -> 2).
            var import = Import(Doc(
                Task(1, "A", duration: "PT16H0M0S") +
                Task(2, "B", Link(1, 1, 1800, 5) + Link(1, 3, 1500, 19) + Link(1, 0, 43200, 8) + Link(1, 2, 7200, 7))));
            import.Text.Should().Contain("    after a, a ss+3d, a ff+2d, a sf+2d\n");
            import.Notes.Should().Equal(
                "task 'B' has a lag of 0.38 working days after 'A', taken as 0 working days",
                "task 'B' has a lag of 150% of the predecessor's duration after 'A', taken as 3 working days",
                "task 'B' has an elapsed lag of 3 calendar days after 'A', taken as 2 working days",
                "task 'B' has a lag of 1.5 working days after 'A', taken as 2 working days");
        }

        [Fact]
        public void Start_constraints_become_not_before_and_the_others_are_noted()
        {
            string Constraint(int type, string date) => "<ConstraintType>" + type + "</ConstraintType><ConstraintDate>" + date + "</ConstraintDate>";
            var import = Import(Doc(
                Task(1, "Snet", Constraint(4, "2027-03-10T08:00:00")) +
                Task(2, "Mso", Constraint(2, "2027-03-11T08:00:00")) +
                Task(3, "Fnlt", Constraint(7, "2027-03-12T17:00:00")) +
                Task(4, "Asap", Constraint(0, "2027-03-12T17:00:00"))));
            import.Text.Should().Contain("  task snet \"Snet\" {\n    duration 1d\n    not-before 2027-03-10\n  }")
                .And.Contain("  task mso \"Mso\" {\n    duration 1d\n    not-before 2027-03-11\n  }")
                .And.Contain("  task fnlt \"Fnlt\" {\n    duration 1d\n  }");
            import.Notes.Should().Equal(
                "task 'Mso' must start on 2027-03-11; it is imported as not-before that date",
                "task 'Fnlt' has the constraint 'finish no later than 2027-03-12', which tpm has no way to say; it is left out (a 'due' date checks a finish)");
        }

        [Fact]
        public void Work_resources_above_100_percent_are_pools_and_shares_are_capped_at_a_person()
        {
            var import = Import(Doc(
                Task(1, "Train", "<Type>1</Type>", duration: "PT24H0M0S") + Task(2, "Label", duration: "PT16H0M0S"),
                "    <Resource><UID>1</UID><Name>GPU</Name><Type>1</Type><MaxUnits>4</MaxUnits></Resource>\n" +
                "    <Resource><UID>2</UID><Name>Kim</Name><Type>1</Type><MaxUnits>0.5</MaxUnits><StandardRate>100</StandardRate><StandardRateFormat>3</StandardRateFormat></Resource>\n",
                "    <Assignment><UID>1</UID><TaskUID>1</TaskUID><ResourceUID>1</ResourceUID><Units>2</Units></Assignment>\n" +
                "    <Assignment><UID>2</UID><TaskUID>2</TaskUID><ResourceUID>2</ResourceUID><Units>1</Units><Work>PT16H0M0S</Work></Assignment>\n"));

            // Kim works 100% of a 50% day at most: the share is 100%, the work 2 person-days (4 days at 50%).
            import.Text.Should().Contain("  person kim \"Kim\" {\n    capacity 50%\n    rate 800/d\n  }")
                .And.Contain("  resource gpu \"GPU\" {\n    capacity 4\n  }")
                .And.Contain("  task train \"Train\" {\n    duration 3d\n    uses gpu 2\n  }")
                .And.Contain("  task label \"Label\" {\n    effort 2d\n    assign kim\n  }");
            import.Notes.Should().Equal(
                "MS Project had not leveled the plan (no task has a leveling delay), so it is imported with 'leveling off': people may be over-allocated, as they were in MS Project (TPM2101)",
                "work resource 'GPU' has max units 400%: a tpm person works at most 100%, so it becomes the resource pool with capacity 4",
                "task 'Label' assigns 'Kim' at 100%, more than their 50%; the share is 100%");
            Compile(import.Text!).Schedule!.Find("label")!.DurationDays.Should().Be(4);
        }

        [Fact]
        public void Milestones_zero_length_tasks_and_links_a_plan_cannot_hold_are_handled_with_notes()
        {
            var import = Import(Doc(
                Task(1, "Phase", "<Summary>1</Summary>" + Link(3, 1, 0)) +
                Task(2, "Inside", "", level: 2) +
                Task(3, "Gate", "<Milestone>1</Milestone>", duration: "PT8H0M0S") +
                Task(4, "Empty", "", duration: "PT0H0M0S") +
                Task(5, "Cross", "<PredecessorLink><PredecessorUID>77</PredecessorUID><CrossProject>1</CrossProject></PredecessorLink>" + Link(1, 1, 0)) +
                Task(6, "Ff on summary", "<Summary>1</Summary>" + Link(4, 0, 0)) + Task(7, "Child", Link(6, 1, 0), level: 2)));
            import.Text.Should().Contain("  workstream phase \"Phase\" {\n    after gate\n")
                .And.Contain("  milestone gate \"Gate\"\n")
                .And.Contain("  milestone empty \"Empty\"\n", "no duration and no work is a milestone")
                .And.Contain("  task cross \"Cross\" {\n    duration 1d\n    after phase\n  }")
                .And.Contain("    task child \"Child\" {\n      duration 1d\n    }");
            import.Notes.Should().Equal(
                "milestone 'Gate' has a duration; a tpm milestone has none",
                "task 'Cross' has a predecessor in another project; it is left out",
                "summary task 'Ff on summary' has a finish-to-finish or start-to-finish predecessor; a workstream's 'after' takes fs and ss only, so it is left out",
                "task 'Child' is linked to 'Ff on summary', which contains it or is inside it; tpm would read that as a cycle, so the link is left out");
            Compile(import.Text!);
        }

        [Fact]
        public void A_nested_name_that_would_hide_the_program_level_task_a_link_needs_is_renamed()
        {
            // Check (in Phase) follows the program-level Review, 3 days; Phase's own Review is 1 day. Inside Phase, 'review'
            // would mean Phase's, and the language cannot name the program's from there: Phase's Review is renamed.
            var import = Import(Doc(
                Task(1, "Review", duration: "PT24H0M0S") +
                Task(2, "Phase", "<Summary>1</Summary>") +
                Task(3, "Review", "", level: 2) +
                Task(4, "Check", Link(1, 1, 0) + Link(3, 1, 0), level: 2)));
            import.Text.Should().Contain("    task review-2 \"Review\" {\n      duration 1d\n    }")
                .And.Contain("    task check \"Check\" {\n      duration 1d\n      after review, review-2\n    }");
            import.Notes.Should().Equal("task 'Review' is renamed 'review-2': its name 'review' would hide the program-level 'review' that a link needs");
            Compile(import.Text!).Schedule!.Find("phase.check")!.StartDate.ToString().Should().Be("2027-03-04", "after the 3-day program-level review");
        }

        [Fact]
        public void Progress_without_an_actual_start_takes_the_scheduled_start()
        {
            var import = Import(Doc(Task(1, "Build", "<Start>2027-03-02T08:00:00</Start><PercentComplete>40</PercentComplete>", duration: "PT40H0M0S")));
            import.Text.Should().Contain("    progress 40%\n    actual-start 2027-03-02\n");
            import.Notes.Should().Equal("task 'Build' has progress but no actual start; its scheduled start is taken");
        }

        [Fact]
        public void An_outline_deeper_than_the_limit_is_flattened_not_refused()
        {
            // 201 levels (refused before): levels past 63 go into the workstream at level 62, with a warning.
            var tasks = new StringBuilder();
            for (int level = 1; level <= 201; level++) tasks.Append(Task(level, "Level " + level, "", level));
            var import = MspdiImporter.Import(MspdiReader.Read(Doc(tasks.ToString())).Project!);
            import.Problem.Should().BeNull();
            import.Warnings.Where(w => w.Message.StartsWith("the outline under", System.StringComparison.Ordinal)).Should().ContainSingle()
                .Which.Message.Should().Contain("'Level 62' (level 62)").And.Contain("138 tasks from here on below level 63 are put directly in its workstream");
            // 63 levels of "level-NN" ids would pass 512 characters: the deeper ones are shortened, each with a warning.
            import.Warnings.Where(w => w.Message.Contains("a qualified id (ws.ws.task) is at most 512 characters")).Should().NotBeEmpty();
            TpmProgram.Parse(import.Text!, "t.tpm").Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        }

        [Fact]
        public void The_program_is_named_after_the_project_name_then_the_title_then_the_file()
        {
            const string bare = "<Project xmlns=\"http://schemas.microsoft.com/project\"><StartDate>2027-03-01T08:00:00</StartDate></Project>";
            MspdiImporter.Import(MspdiReader.Read(bare).Project!, "C:\\plans\\Q3 Roadmap.mpp.xml").ProgramId.Should().Be("q3-roadmap-mpp");
            MspdiImporter.Import(MspdiReader.Read(bare).Project!).ProgramId.Should().Be("imported");
            var titled = bare.Replace("<StartDate>", "<Title>Fraud v4</Title><StartDate>");
            var import = MspdiImporter.Import(MspdiReader.Read(titled).Project!, "x.xml");
            import.ProgramId.Should().Be("fraud-v4");
            import.Text.Should().StartWith("program fraud-v4 \"Fraud v4\" {\n  start 2027-03-01\n  leveling off\n}");
        }
    }
}
