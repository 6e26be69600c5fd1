using System;
using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// The diagrams the node tests check, read by mermaid in one node run when the first test asks (loading mermaid
    /// takes seconds).
    /// </summary>
    public sealed class MermaidReadings
    {
        /// <summary>The same line as a task "Section 3 design", unescaped: Mermaid's lexer takes it for a section.</summary>
        public const string Unguarded =
            "gantt\n    dateFormat YYYY-MM-DD\n    Section 3 design :a, 2027-03-01, 2027-03-02\n    B :b, 2027-03-01, 2027-03-02\n";

        private readonly Lazy<IReadOnlyList<MermaidDiagram>> _read;

        public MermaidReadings()
        {
            Demo = ArtefactPlans.Compile(TestPlans.Demo);
            Tracked = ArtefactPlans.Compile(ArtefactPlans.Tracked);
            MlPlatform = ArtefactPlans.MlPlatform();
            MlPlatformText = MermaidGanttTests.Write(MlPlatform);
            _read = new Lazy<IReadOnlyList<MermaidDiagram>>(() => MermaidParser.ParseAll(new[]
            {
                MermaidGanttTests.Write(Demo), MermaidGanttTests.Write(Tracked), MlPlatformText, Unguarded,
            }));
        }

        public TpmProgram Demo { get; }

        public TpmProgram Tracked { get; }

        public TpmProgram MlPlatform { get; }

        public string MlPlatformText { get; }

        public MermaidDiagram DemoDiagram => _read.Value[0];

        public MermaidDiagram TrackedDiagram => _read.Value[1];

        public MermaidDiagram MlPlatformDiagram => _read.Value[2];

        public MermaidDiagram UnguardedDiagram => _read.Value[3];
    }

    /// <summary>gantt.mmd: the text, and what mermaid's own parser (npm, under node) reads from it.</summary>
    public class MermaidGanttTests : IClassFixture<MermaidReadings>
    {
        private readonly MermaidReadings _readings;

        public MermaidGanttTests(MermaidReadings readings) => _readings = readings;

        internal static string Write(TpmProgram program) => MermaidGantt.Write(program.Model!, program.Schedule!, "1.2.3");

        [Fact]
        public void The_demo_plan_is_the_hand_computed_diagram()
        {
            // collect [Mar 1, Mar 5) and clean [Mar 8, Mar 12): clean's fs+1d lag is beyond Mermaid, so its start is
            // written out. docs starts the day collect's bar ends (Mar 5), which `after` says exactly. The milestone
            // sits on Mar 11, its predecessor's last day; the deadline marker at the end of Mar 31.
            Write(ArtefactPlans.Compile(TestPlans.Demo)).Should().Be(
                "%% demo: Gantt chart written by tpm 1.2.3\n" +
                "gantt\n" +
                "    title Demo plan\n" +
                "    dateFormat YYYY-MM-DD\n" +
                "    excludes weekends\n" +
                "    todayMarker off\n" +
                "    section Data\n" +
                "    Collect :crit, data_collect, 2027-03-01, 2027-03-05\n" +
                "    Clean :crit, data_clean, 2027-03-08, 2027-03-12\n" +
                "    section Demo plan\n" +
                "    Docs :docs, after data_collect, 2027-03-09\n" +
                "    Ready :crit, milestone, ready, 2027-03-11, 2027-03-12\n" +
                "    Deadline 2027-03-31 :vert, deadline, 2027-04-01, 0d\n");
        }

        [Fact]
        public void The_tracked_plan_escapes_names_flattens_nested_workstreams_and_marks_progress()
        {
            var text = Write(ArtefactPlans.Compile(ArtefactPlans.Tracked));

            text.Split('\n').Should().ContainInOrder(
                "    title Launch#58; Q1 #35;plan#59; 100#37;",
                "    excludes weekends, 2027-03-10",
                "    section Launch#58; Q1 #35;plan#59; 100#37;",
                "    Plan, \"scope\" & risks#58; #35;1#59; 50#37; second line :done, kickoff, 2027-03-01, 2027-03-03",
                "    section Build / API",
                // design starts the day after kickoff's last day: `after` holds. code follows a Friday: explicit.
                "    #83;ection 3 design :crit, active, build_api_design, after kickoff, 2027-03-06",
                "    Code :crit, build_api_code, 2027-03-08, 2027-03-10",
                "    section Build",
                "    Test :crit, build_test, 2027-03-12, 2027-03-16",
                "    section Launch#58; Q1 #35;plan#59; 100#37;",
                "    " + ArtefactPlans.DocsName + " :docs, 2027-03-04, 2027-03-05",
                "    Ready :crit, milestone, done_2, 2027-03-15, 2027-03-16",
                "    Deadline 2027-03-31 :vert, deadline, 2027-04-01, 0d",
                "    Status date 2027-03-03 :vert, status-date, 2027-03-04, 0d");
        }

        [Theory]
        [InlineData("a: b#c;d%e", false, "a#58; b#35;c#59;d#37;e")]
        [InlineData("  two\nlines\t ", false, "two lines")]
        [InlineData("Section 3", true, "#83;ection 3")]
        [InlineData("section 3", false, "section 3")]
        [InlineData("click here", true, "#99;lick here")]
        [InlineData("2027 plan", true, "#50;027 plan")]
        [InlineData("Recall model", true, "Recall model")]
        [InlineData("R&D <draft>, ok", true, "R&D <draft>, ok")]
        public void Escape_writes_what_mermaid_would_misread_as_entities(string value, bool guardStart, string expected)
        {
            MermaidGantt.Escape(value, guardStart).Should().Be(expected);
        }

        [Fact]
        public void Ids_replace_dots_avoid_tag_words_and_stay_unique()
        {
            const string plan =
                "program ids \"Ids\" {\n  start 2027-03-01\n" +
                "  workstream data \"Data\" { task collect \"C\" { duration 1d } }\n" +
                "  task data_collect \"C2\" { duration 1d }\n" +
                "  task crit \"Crit\" { duration 1d }\n" +
                "  milestone done \"Done\" { after crit }\n}\n";
            var schedule = ArtefactPlans.Compile(plan).Schedule!;

            MermaidGantt.Ids(schedule).Should().Equal("data_collect", "data_collect_2", "crit_2", "done_2");
        }

        [Fact]
        public void A_calendar_other_than_monday_to_friday_names_its_days_off_and_only_working_holidays_in_the_span()
        {
            // Work mon..thu. Holidays: Friday Mar 5 is no working day anyway; Wednesday Mar 3 and the range Mar 8..9
            // are; Wednesday Jun 2 is after both the finish and the deadline.
            const string plan =
                "program four \"Four days\" {\n  start 2027-03-01\n  deadline 2027-03-31\n  workdays mon..thu\n" +
                "  holiday 2027-03-05\n  holiday 2027-03-03\n  holiday 2027-03-08..2027-03-09\n  holiday 2027-06-02\n" +
                "  task t \"T\" { duration 5d }\n}\n";

            Write(ArtefactPlans.Compile(plan)).Split('\n')
                .Should().Contain("    excludes friday, saturday, sunday, 2027-03-03, 2027-03-08, 2027-03-09");
        }

        [NodeFact]
        public void Mermaid_reads_the_demo_plan_with_the_scheduled_dates()
        {
            var diagram = _readings.DemoDiagram;

            diagram.Title.Should().Be("Demo plan");
            diagram.Excludes.Should().Equal("weekends");
            diagram.TodayMarker.Should().Be("off");
            diagram.Tasks.Select(t => string.Join(" | ", t.Id, t.Name, t.Section, t.Start, t.End, t.Crit, t.Milestone, t.Vert)).Should().Equal(
                "data_collect | Collect | Data | 2027-03-01 | 2027-03-05 | True | False | False",
                "data_clean | Clean | Data | 2027-03-08 | 2027-03-12 | True | False | False",
                // Mermaid worked this start out from `after data_collect`.
                "docs | Docs | Demo plan | 2027-03-05 | 2027-03-09 | False | False | False",
                "ready | Ready | Demo plan | 2027-03-11 | 2027-03-12 | True | True | False",
                "deadline | Deadline 2027-03-31 | Demo plan | 2027-04-01 | 2027-04-01 | False | False | True");
        }

        [NodeFact]
        public void Mermaid_reads_escaped_names_keywords_nested_sections_holidays_and_progress_as_written()
        {
            var program = _readings.Tracked;
            var diagram = _readings.TrackedDiagram;

            diagram.Title.Should().Be("Launch: Q1 #plan; 100%");
            diagram.Excludes.Should().Equal("weekends", "2027-03-10");
            diagram.Tasks.Select(t => string.Join(" | ", t.Id, t.Name, t.Section, t.Start, t.End, t.Done, t.Active)).Should().Equal(
                "kickoff | Plan, \"scope\" & risks: #1; 50% second line | Launch: Q1 #plan; 100% | 2027-03-01 | 2027-03-03 | True | False",
                "build_api_design | Section 3 design | Build / API | 2027-03-03 | 2027-03-06 | False | True",
                "build_api_code | Code | Build / API | 2027-03-08 | 2027-03-10 | False | False",
                "build_test | Test | Build | 2027-03-12 | 2027-03-16 | False | False",
                "docs | " + ArtefactPlans.DocsName + " | Launch: Q1 #plan; 100% | 2027-03-04 | 2027-03-05 | False | False",
                "done_2 | Ready | Launch: Q1 #plan; 100% | 2027-03-15 | 2027-03-16 | False | False",
                "deadline | Deadline 2027-03-31 | Launch: Q1 #plan; 100% | 2027-04-01 | 2027-04-01 | False | False",
                "status-date | Status date 2027-03-03 | Launch: Q1 #plan; 100% | 2027-03-04 | 2027-03-04 | False | False");
            AssertFaithful(program, diagram);
        }

        [NodeFact]
        public void Without_the_guard_mermaid_would_read_a_task_named_section_as_a_section()
        {
            // Why names starting with a keyword are escaped: the same line, unescaped, is no task at all.
            var diagram = _readings.UnguardedDiagram;

            diagram.Tasks.Select(t => t.Name + " in " + t.Section).Should().Equal("B in 3 design :a, 2027-03-01, 2027-03-02");
        }

        [NodeFact]
        public void Mermaid_reads_every_task_of_the_example_program_on_its_scheduled_dates()
        {
            // The example is leveled and has lags and ss dependencies; whatever Mermaid is told, by `after` or by a
            // date, it must arrive at the schedule's dates.
            var diagram = _readings.MlPlatformDiagram;

            AssertFaithful(_readings.MlPlatform, diagram);
            _readings.MlPlatformText.Split('\n').Count(l => l.Contains(", after ")).Should().BeGreaterThan(0, "some starts are left to Mermaid's `after`");
            diagram.Tasks.Where(t => t.Vert).Select(t => t.Id).Should().Equal("deadline", "status-date");
        }

        /// <summary>Every scheduled task is in the diagram, in order, with its dates, flags, name and section.</summary>
        private static void AssertFaithful(TpmProgram compiled, MermaidDiagram diagram)
        {
            var program = compiled.Model!;
            var schedule = compiled.Schedule!;
            var ids = MermaidGantt.Ids(schedule);
            var tasks = diagram.Tasks.Where(t => !t.Vert).ToList();
            tasks.Select(t => t.Id).Should().Equal(schedule.Tasks.Select(t => ids[t.Task.Index]));
            foreach (var (read, task) in tasks.Zip(schedule.Tasks))
            {
                var last = task.FinishDate < task.StartDate ? task.StartDate : task.FinishDate;
                var progress = task.Task.Progress ?? 0m;
                var expected = new MermaidTask(
                    ids[task.Task.Index],
                    OneLine(task.Task.DisplayName),
                    task.Task.Container is WorkstreamSymbol ws ? Path(ws) : program.DisplayName,
                    task.StartDate.ToString(),
                    last.AddDays(1).ToString(),
                    task.IsCritical,
                    progress >= 1,
                    progress > 0 && progress < 1,
                    task.Task.IsMilestone,
                    false);
                read.Should().Be(expected, "task " + task.Id);
            }
        }

        private static string OneLine(string text) => new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();

        private static string Path(WorkstreamSymbol workstream)
        {
            var names = new List<string>();
            for (var w = workstream; w != null; w = w.Container) names.Insert(0, w.DisplayName);
            return string.Join(" / ", names);
        }

        [Fact]
        public void The_emitter_writes_gantt_mmd_from_the_context()
        {
            var program = ArtefactPlans.Compile(TestPlans.Demo);
            var emitter = ArtefactCatalog.All.Single(e => e.Kind == "mermaid");

            var files = emitter.Emit(ArtefactContext.Create(program, new[] { emitter }, toolVersion: "1.2.3"));

            files.Select(f => f.FileName).Should().Equal("gantt.mmd");
            emitter.FileNames.Should().Equal("gantt.mmd");
            files[0].Text.Should().Be(Write(program));
        }
    }
}
