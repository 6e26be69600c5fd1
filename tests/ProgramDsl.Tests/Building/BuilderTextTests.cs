using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using ProgramDsl.Building;
using Dep = ProgramDsl.Building.Dependency;

namespace ProgramDsl.Tests.Building
{
    /// <summary>The canonical text the builder renders: layout, literals, numbers, dates, dependencies, determinism.</summary>
    public class BuilderTextTests
    {
        private static ProgramBuilder SmallPlan() =>
            Plan.Program("hello", "Hello, plan")
                .Start("2027-01-04")
                .Deadline(new DateTime(2027, 2, 26))
                .Holiday("2027-01-18", "MLK Day")
                .Role("ds", "Data Scientist")
                .Role("de")
                .Person("ana", "Ana Ruiz", p => p.Role("ds").Skills("python").Rate(800m))
                .Person("ben", "Ben Okafor", p => p.Skills("sql", "python").Vacation("2027-01-25", "2027-01-29"))
                .Resource("gpu", "A100 pool", 16, r => r.Rate(2.5m))
                .Workstream("data", "Data", w => w
                    .Owner("ana")
                    .Task("collect", "Collect", t => t.Effort(5).Assign("ben"))
                    .Task("model", null, t => t.Effort(2.5).Assign("ana").Assign("ben", 50).After("collect", Dep.FinishToStart, 1).Uses("gpu", 4).Requires("python")))
                .Milestone("done", "Results shared", m => m.After("data.model").Due("2027-02-19"))
                .Risk("r1", null, r => r.Likelihood(30).Impact(2.5).Affects("data.model"));

        private const string SmallPlanText =
            "program hello \"Hello, plan\" {\n" +
            "  start 2027-01-04\n" +
            "  deadline 2027-02-26\n" +
            "  holiday 2027-01-18 \"MLK Day\"\n" +
            "\n" +
            "  role ds \"Data Scientist\"\n" +
            "  role de\n" +
            "\n" +
            "  person ana \"Ana Ruiz\" {\n" +
            "    role ds\n" +
            "    skills python\n" +
            "    rate 800/d\n" +
            "  }\n" +
            "\n" +
            "  person ben \"Ben Okafor\" {\n" +
            "    skills sql, python\n" +
            "    vacation 2027-01-25..2027-01-29\n" +
            "  }\n" +
            "\n" +
            "  resource gpu \"A100 pool\" {\n" +
            "    capacity 16\n" +
            "    rate 2.5/h\n" +
            "  }\n" +
            "\n" +
            "  workstream data \"Data\" {\n" +
            "    owner ana\n" +
            "\n" +
            "    task collect \"Collect\" {\n" +
            "      effort 5d\n" +
            "      assign ben\n" +
            "    }\n" +
            "\n" +
            "    task model {\n" +
            "      effort 2.5d\n" +
            "      assign ana, ben 50%\n" +
            "      after collect fs+1d\n" +
            "      uses gpu 4\n" +
            "      requires skill python\n" +
            "    }\n" +
            "  }\n" +
            "\n" +
            "  milestone done \"Results shared\" {\n" +
            "    after data.model\n" +
            "    due 2027-02-19\n" +
            "  }\n" +
            "\n" +
            "  risk r1 {\n" +
            "    likelihood 30%\n" +
            "    impact 2.5d\n" +
            "    affects data.model\n" +
            "  }\n" +
            "}\n";

        [Fact]
        public void A_small_plan_renders_to_exactly_this_text()
        {
            SmallPlan().ToText().Should().Be(SmallPlanText);
        }

        [Fact]
        public void The_small_plan_compiles_cleanly_to_the_hand_computed_dates()
        {
            var program = SmallPlan().Build();
            program.Diagnostics.Should().BeEmpty();

            // collect: 5d by Ben, [0,5). model: fs+1d → 6; 2.5 / (1 + 0.5) → 2 days, [6,8): Jan 12..13.
            var s = program.Schedule!;
            s.Find("data.collect")!.Should().Match<ProgramDsl.Scheduling.ScheduledTask>(t => t.Start == 0 && t.Finish == 5);
            s.Find("data.model")!.Should().Match<ProgramDsl.Scheduling.ScheduledTask>(t => t.Start == 6 && t.Finish == 8);
            s.Find("data.model")!.FinishDate.ToString().Should().Be("2027-01-13");
            s.Find("done")!.FinishDate.ToString().Should().Be("2027-01-13");
            program.Model!.Risks.Single().Title.Should().BeNull();
            program.Model.Roles.Single(r => r.Id == "de").Title.Should().BeNull();
        }

        [Fact]
        public void An_empty_program_and_declarations_without_settings_are_written_without_braces()
        {
            Plan.Program("p").ToText().Should().Be("program p\n");
            Plan.Program("p").Start("2027-01-04").Person("ana").Resource("pool", "Pool").Milestone("m").ToText().Should().Be(
                "program p {\n  start 2027-01-04\n\n  person ana\n\n  resource pool \"Pool\"\n\n  milestone m\n}\n");
        }

        [Fact]
        public void Strings_are_escaped_as_the_lexer_reads_them()
        {
            const string title = "Ana \"AJ\" Ruiz C:\\plans\tx\ny\r\nz Zoë — 東京 🚀";
            var builder = Plan.Program("p", "Quote \" and \\ back")
                .Start("2027-01-04")
                .Holiday("2027-01-18", "Día de \"fiesta\"")
                .Person("ana", title)
                .Task("t", "Tâche", t => t.Duration(1).Note("line1\nline2\\end"))
                .Risk("r", null, r => r.Mitigation("say \"no\""));

            var text = builder.ToText();
            text.Should().StartWith("program p \"Quote \\\" and \\\\ back\" {\n");
            text.Should().Contain("  holiday 2027-01-18 \"Día de \\\"fiesta\\\"\"\n");
            text.Should().Contain("  person ana \"Ana \\\"AJ\\\" Ruiz C:\\\\plans\\tx\\ny\\nz Zoë — 東京 🚀\"\n");
            text.Should().Contain("    note \"line1\\nline2\\\\end\"\n");
            text.Should().Contain("    mitigation \"say \\\"no\\\"\"\n");

            // The compiler reads back what was given; a carriage return has no escape and becomes a line feed.
            var program = builder.Build();
            program.Diagnostics.Should().BeEmpty();
            var model = program.Model!;
            model.Title.Should().Be("Quote \" and \\ back");
            model.People.Single().Title.Should().Be("Ana \"AJ\" Ruiz C:\\plans\tx\ny\nz Zoë — 東京 🚀");
            model.Calendar.Holidays.Single().Name.Should().Be("Día de \"fiesta\"");
            model.Tasks.Single().Title.Should().Be("Tâche");
            model.Tasks.Single().Note.Should().Be("line1\nline2\\end");
            model.Risks.Single().Mitigation.Should().Be("say \"no\"");
        }

        [Fact]
        public void A_lone_carriage_return_also_becomes_a_line_feed()
        {
            Plan.Program("p", "a\rb\r").ToText().Should().Be("program p \"a\\nb\\n\"\n");
        }

        [Fact]
        public void Rendering_does_not_depend_on_the_current_culture()
        {
            string Render() => Plan.Program("p", "P")
                .Start(new DateTime(2027, 1, 4))
                .Budget(1_234_567.5m)
                .HoursPerDay(7.5)
                .Task("a", null, t => t.Effort(2.5).Estimate(1.5, 2.5, 4.25).Cost(1234.5m))
                .Task("b", null, t => t.Duration(0.5).After("a", Dep.StartToStart, -2).Due(new DateTime(2027, 3, 1)))
                .Person("ana", null, p => p.Rate(987.65m).Capacity(80))
                .Resource("gpu", null, 2, r => r.Rate(0.75m))
                .Risk("r", null, r => r.Impact(3.5).Likelihood(10))
                .ToText();

            var invariant = Render();
            var saved = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            try
            {
                var german = GermanCulture();
                CultureInfo.CurrentCulture = german;
                CultureInfo.CurrentUICulture = german;
                (7.5).ToString(CultureInfo.CurrentCulture).Should().Be("7,5", "the test must run under a culture with a decimal comma");
                Render().Should().Be(invariant);
            }
            finally
            {
                CultureInfo.CurrentCulture = saved.Item1;
                CultureInfo.CurrentUICulture = saved.Item2;
            }

            invariant.Should().Contain("  budget 1234567.5\n").And.Contain("  hours-per-day 7.5\n")
                .And.Contain("    effort 2.5d\n    estimate 1.5d 2.5d 4.25d\n    cost 1234.5\n")
                .And.Contain("    duration 0.5d\n    after a ss-2d\n    due 2027-03-01\n")
                .And.Contain("    rate 987.65/d\n    capacity 80%\n").And.Contain("    capacity 2\n    rate 0.75/h\n")
                .And.Contain("    impact 3.5d\n    likelihood 10%\n");
        }

        [Fact]
        public void A_date_time_is_written_as_its_date_part_only()
        {
            var text = Plan.Program("p")
                .Start(new DateTime(2027, 1, 4, 23, 59, 59, DateTimeKind.Utc))
                .Deadline(new DateTime(2027, 6, 30, 0, 0, 1, DateTimeKind.Local))
                .Holiday(new DateTime(2027, 1, 18, 12, 30, 0))
                .Task("t", null, t => t.Duration(1).NotBefore(new DateTime(2027, 1, 5, 6, 0, 0)).ActualStart(new DateTime(2027, 1, 5, 18, 0, 0)))
                .ToText();
            text.Should().Be(
                "program p {\n  start 2027-01-04\n  deadline 2027-06-30\n  holiday 2027-01-18\n\n" +
                "  task t {\n    duration 1d\n    not-before 2027-01-05\n    actual-start 2027-01-05\n  }\n}\n");
        }

        [Fact]
        public void Numbers_are_plain_invariant_digits_without_exponent_or_trailing_zeros()
        {
            var text = Plan.Program("p")
                .Budget(100.00m)
                .HoursPerDay(8)
                .Task("a", null, t => t.Effort(0.0000001).Cost(2.50m))
                .Task("b", null, t => t.Duration(1e21).Cost(0.001m))
                .Task("c", null, t => t.Duration(-0.0).Estimate(1.0 / 3, 2, 1234567.125))
                .ToText();
            text.Should().Contain("  budget 100\n").And.Contain("  hours-per-day 8\n")
                .And.Contain("    effort 0.0000001d\n    cost 2.5\n")
                .And.Contain("    duration 1000000000000000000000d\n    cost 0.001\n")
                .And.Contain("    duration 0d\n    estimate 0.3333333333333333d 2d 1234567.125d\n");
        }

        [Fact]
        public void Dependencies_render_their_type_and_lag_and_the_compiler_reads_them_back()
        {
            var builder = Plan.Program("p")
                .Start("2027-01-04")
                .Leveling(false)
                .Task("a", null, t => t.Duration(5))
                .Task("b", null, t => t
                    .Duration(1)
                    .After("a")
                    .After("a", Dep.StartToStart)
                    .After("a", Dep.FinishToStart, 2)
                    .After("a", Dep.FinishToFinish, -2)
                    .After("a", Dep.StartToFinish, 3));
            builder.ToText().Should().Contain("    after a, a ss, a fs+2d, a ff-2d, a sf+3d\n");
            builder.ToText().Should().Contain("  leveling off\n");

            var program = builder.Build();
            program.Diagnostics.Should().BeEmpty();
            program.Model!.Tasks.Single(t => t.Id == "b").Dependencies
                .Select(d => d.Target.Id + " " + ProgramDsl.Semantics.Dependency.ShortName(d.Type) + " " + d.LagDays)
                .Should().Equal("a fs 0", "a ss 0", "a fs 2", "a ff -2", "a sf 3");

            // fs+2d wins: 5 + 2 = 7.
            program.Schedule!.Find("b")!.Start.Should().Be(7);
        }

        [Fact]
        public void List_calls_join_one_statement_in_call_order()
        {
            var text = Plan.Program("p")
                .Person("ana", null, p => p.Role("a").Skills("x", "y").Role("b").Skills().Skills("z"))
                .Task("t", null, t => t.Assign("ana", 40).AssignRole("r").AssignRole("q", 25).Uses("gpu").Uses("tpu", 2).Requires("x").Requires("z"))
                .Risk("r", null, r => r.Affects("t").Affects().Affects("u", "v"))
                .ToText();
            text.Should().Contain("  person ana {\n    role a, b\n    skills x, y, z\n  }\n")
                .And.Contain("    assign ana 40%, role r, role q 25%\n    uses gpu, tpu 2\n    requires skill x, z\n")
                .And.Contain("    affects t, u, v\n");
        }

        [Fact]
        public void Workstreams_nest_with_two_space_indentation()
        {
            var text = Plan.Program("p")
                .Workstream("a", "A", a => a
                    .After("x", Dep.StartToStart, 1)
                    .Due("2027-05-01")
                    .Workstream("b", null, b => b.Task("t", "T", t => t.Duration(1)).Milestone("m", null, m => m.After("t")))
                    .Milestone("n"))
                .ToText();
            text.Should().Be(
                "program p {\n" +
                "  workstream a \"A\" {\n" +
                "    after x ss+1d\n" +
                "    due 2027-05-01\n" +
                "\n" +
                "    workstream b {\n" +
                "      task t \"T\" {\n" +
                "        duration 1d\n" +
                "      }\n" +
                "\n" +
                "      milestone m {\n" +
                "        after t\n" +
                "      }\n" +
                "    }\n" +
                "\n" +
                "    milestone n\n" +
                "  }\n" +
                "}\n");
        }

        [Fact]
        public void The_same_calls_give_identical_text_and_building_does_not_change_it()
        {
            var first = BuilderRoundTripTests.BuilderPlan();
            var text = first.ToText();
            BuilderRoundTripTests.BuilderPlan().ToText().Should().Be(text);
            first.ToText().Should().Be(text);
            first.Build();
            first.ToText().Should().Be(text);
            SmallPlan().ToText().Should().Be(SmallPlan().ToText());
            text.Should().NotContain("\r").And.NotContain("\t");
        }

        [Fact]
        public void Rendering_is_the_same_on_many_threads_at_once()
        {
            var expected = BuilderRoundTripTests.BuilderPlan().ToText();
            var results = new string[8];
            var threads = Enumerable.Range(0, results.Length)
                .Select(i => new Thread(() => results[i] = BuilderRoundTripTests.BuilderPlan().ToText()))
                .ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
            results.Should().AllBe(expected);
        }

        [Fact]
        public void A_builder_can_be_extended_after_it_was_rendered()
        {
            var builder = Plan.Program("p").Start("2027-01-04");
            builder.ToText().Should().Be("program p {\n  start 2027-01-04\n}\n");
            builder.Task("t", null, t => t.Duration(2));
            builder.ToText().Should().Be("program p {\n  start 2027-01-04\n\n  task t {\n    duration 2d\n  }\n}\n");
            builder.Build().Schedule!.FinishIndex.Should().Be(2);
        }

        [Fact]
        public void Null_arguments_that_cannot_be_written_throw_argument_null_exceptions()
        {
            FluentActions.Invoking(() => Plan.Program(null!)).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => Plan.Program("p").Start((string)null!)).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => Plan.Program("p").Task("t", null, null!)).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => Plan.Program("p").Person("a", null, p => p.Skills("x", null!))).Should().Throw<ArgumentNullException>();
            FluentActions.Invoking(() => Plan.Program("p").Task("t", null, t => t.After("a", (Dep)9))).Should().Throw<ArgumentOutOfRangeException>();
        }

        /// <summary>
        /// de-DE when the runtime has culture data; this repository builds with invariant globalization, where only the
        /// invariant culture exists, so then a copy of it with de-DE's number and date conventions stands in.
        /// </summary>
        private static CultureInfo GermanCulture()
        {
            try
            {
                var real = new CultureInfo("de-DE");
                if (real.NumberFormat.NumberDecimalSeparator == ",") return real;
            }
            catch (CultureNotFoundException)
            {
                // Invariant globalization: fall through to the stand-in.
            }

            var german = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            german.NumberFormat.NumberDecimalSeparator = ",";
            german.NumberFormat.NumberGroupSeparator = ".";
            german.NumberFormat.CurrencyDecimalSeparator = ",";
            german.NumberFormat.NegativeSign = "\u2212";
            german.DateTimeFormat.DateSeparator = ".";
            german.DateTimeFormat.ShortDatePattern = "dd.MM.yyyy";
            return german;
        }
    }
}
