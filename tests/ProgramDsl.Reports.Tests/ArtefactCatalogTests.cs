using System.Linq;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests
{
    public class ArtefactCatalogTests
    {
        [Fact]
        public void Kinds_and_file_names_are_unique()
        {
            ArtefactCatalog.All.Select(e => e.Kind).Should().OnlyHaveUniqueItems();
            ArtefactCatalog.All.SelectMany(e => e.FileNames).Should().OnlyHaveUniqueItems();
            ArtefactCatalog.All[0].Kind.Should().Be("json");
        }

        [Fact]
        public void All_selects_every_emitter_in_catalogue_order()
        {
            ArtefactCatalog.Select("all", out var problem).Should().Equal(ArtefactCatalog.All);
            problem.Should().BeNull();
            ArtefactCatalog.Select("json, ALL", out _).Should().Equal(ArtefactCatalog.All);
        }

        [Fact]
        public void A_list_selects_those_kinds_once_and_the_old_name_still_works()
        {
            ArtefactCatalog.Select("json;json", out _)!.Select(e => e.Kind).Should().Equal("json");
            ArtefactCatalog.Select("schedule", out _)!.Select(e => e.Kind).Should().Equal("json");
        }

        [Theory]
        [InlineData("json,pdf", "unknown artefact 'pdf' for --emit; known: all, ")]
        [InlineData(" , ;", "--emit names no artefact; known: all, ")]
        public void Unknown_or_empty_lists_are_refused_with_the_known_kinds(string emit, string start)
        {
            ArtefactCatalog.Select(emit, out var problem).Should().BeNull();
            problem.Should().Be(start + string.Join(", ", ArtefactCatalog.All.Select(e => e.Kind)));
        }

        [Fact]
        public void Each_emitter_writes_the_files_it_names_and_the_same_bytes_twice()
        {
            var compiled = TpmProgram.Parse(
                "program p \"P\" {\n  start 2027-03-01\n  status-date 2027-03-03\n  person ana \"Ana\" { rate 500/d }\n" +
                "  task a \"A\" { effort 3d  estimate 2d 3d 5d  assign ana  actual-start 2027-03-01  progress 50%  actual-cost 800 }\n" +
                "  task b \"B\" { duration 2d  after a }\n  milestone m \"M\" { after b }\n}\n");
            var context = ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 200);
            foreach (var emitter in ArtefactCatalog.All)
            {
                var first = emitter.Emit(context);
                first.Select(f => f.FileName).Should().Equal(emitter.FileNames, emitter.Kind);
                first.Should().OnlyContain(f => f.Text.Length > 0, emitter.Kind);
                emitter.Emit(ArtefactContext.Create(compiled, ArtefactCatalog.All, forecastIterations: 200)).Select(f => f.Text)
                    .Should().Equal(first.Select(f => f.Text), emitter.Kind + " is deterministic");
            }
        }

        [Fact]
        public void Earned_value_and_the_forecast_are_computed_only_when_asked_for()
        {
            var compiled = TpmProgram.Parse("program p \"P\" {\n  start 2027-03-01\n  status-date 2027-03-02\n  task a \"A\" { estimate 1d 2d 4d }\n}\n");
            var plain = ArtefactContext.Create(compiled, new[] { new ScheduleJsonArtefact() });
            plain.EarnedValue.Should().BeNull();
            plain.Forecast.Should().BeNull();

            var wanting = new Wanting();
            var full = ArtefactContext.Create(compiled, new IArtefactEmitter[] { wanting }, forecastIterations: 100);
            full.EarnedValue.Should().NotBeNull();
            full.Forecast!.Iterations.Should().Be(100);
            ArtefactContext.Create(compiled, new IArtefactEmitter[] { wanting }, forecastIterations: 0).Forecast.Should().BeNull();
        }

        [Fact]
        public void The_reports_forecast_is_cut_where_tpm_forecasts_is()
        {
            // A pessimistic estimate of 200,000 days: a few thousand of the 10,000 iterations fit the work budget.
            // Ana's other task also needs Bob, who has a week off, so her usage is kept day by day (a long booking on
            // people whose tasks share one calendar is a step of a few units).
            var compiled = TpmProgram.Parse("program p \"P\" {\n  start 2027-03-01\n  person ana \"Ana\"\n  person bob \"Bob\" { vacation 2027-04-05..2027-04-09 }\n" +
                "  task t \"T\" { estimate 1d 2d 200000d  assign ana }\n  task u \"U\" { estimate 1d 2d 3d  assign ana, bob }\n}\n");
            var context = ArtefactContext.Create(compiled, new IArtefactEmitter[] { new Wanting() }, forecastIterations: 10_000);

            var forecast = context.Forecast!;
            var alone = ProgramDsl.Forecasting.MonteCarloForecast.Run(compiled.Schedule!, new ProgramDsl.Forecasting.ForecastOptions());
            forecast.Iterations.Should().Be(alone.Iterations).And.BeLessThan(10_000, "the budget cuts both at the same iteration");
            forecast.Finish.Should().BeEquivalentTo(alone.Finish);
            forecast.DeadlineProbability.Should().Be(alone.DeadlineProbability);
            context.ForecastDiagnostics.Should().ContainSingle(d => d.Code == "TPM2007").Which.Message.Should().Contain("work units of 1,000,000,000)");
        }

        private sealed class Wanting : IArtefactEmitter
        {
            public string Kind => "test";

            public string Description => "test";

            public System.Collections.Generic.IReadOnlyList<string> FileNames => new[] { "t" };

            public ArtefactNeeds Needs => ArtefactNeeds.EarnedValue | ArtefactNeeds.Forecast;

            public System.Collections.Generic.IReadOnlyList<ArtefactFile> Emit(ArtefactContext context) => new[] { new ArtefactFile("t", "t") };
        }
    }
}
