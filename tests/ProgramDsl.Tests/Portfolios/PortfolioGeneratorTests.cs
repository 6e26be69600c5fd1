using System.Linq;
using ProgramDsl.PortfolioSynth;

namespace ProgramDsl.Tests.Portfolios
{
    /// <summary>The portfolio generator the properties and the benchmark share writes valid programs of the promised mix.</summary>
    public class PortfolioGeneratorTests
    {
        private static readonly PortfolioShape Shape = new PortfolioShape { Programs = 6, TasksPerProgram = 60, SharedPeople = 8, SharedTeam = 5, SharedPools = 2, IsolatedPrograms = 1 };

        [Theory]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public void Every_generated_program_compiles_alone_without_errors_but_missed_deadlines(int seed)
        {
            var g = PortfolioGenerator.Generate(Shape, seed);
            var resolver = new InMemorySourceResolver(g.Files());
            foreach (var p in g.Programs)
            {
                // A program that relies on the portfolio's include gets the fragment the same way, for this check.
                var text = p.StandaloneText;
                var program = TpmProgram.Compile(new Text.SourceText(p.Path, text), resolver,
                    new TpmCompileOptions { Scheduling = new ProgramDsl.Scheduling.ScheduleOptions { Effort = ProgramDsl.Scheduling.Leveling.LevelingEffort.Quick } });
                program.Diagnostics.Where(d => d.IsError && d.Code != "TPM2202").Should().BeEmpty(p.Path + ":\n" + text);
                program.Schedule.Should().NotBeNull();
                program.Schedule!.Tasks.Should().HaveCount(p.Tasks.Count);
            }
        }

        [Fact]
        public void The_mix_has_shared_and_isolated_programs_all_dependency_types_lags_leads_and_pools()
        {
            var g = PortfolioGenerator.Generate(Shape, 7);
            g.Programs.Count(p => p.UsesShared).Should().Be(5);
            g.Programs.Last().UsesShared.Should().BeFalse();
            g.Programs.Last().Text.Should().NotContain("include");
            var deps = g.Programs.SelectMany(p => p.Tasks).SelectMany(t => t.Dependencies).ToList();
            deps.Select(d => d.Type).Distinct().Should().BeEquivalentTo(new[] { "fs", "ss", "ff", "sf" });
            deps.Should().Contain(d => d.Lag > 0).And.Contain(d => d.Lag < 0);
            g.Programs.SelectMany(p => p.Tasks).SelectMany(t => t.Uses).Should().Contain(u => u.Pool.Shared).And.Contain(u => !u.Pool.Shared);
            g.Programs.SelectMany(p => p.Tasks).SelectMany(t => t.Assignees).Should().Contain(a => a.Person.Shared).And.Contain(a => !a.Person.Shared);
            g.Programs.Select(p => p.Calendar.WorkdaysText).Distinct().Count().Should().BeGreaterThan(1);
            g.Programs.Select(p => p.Priority).Distinct().Count().Should().BeGreaterThan(1);
        }

        [Fact]
        public void The_same_seed_gives_the_same_files_and_another_seed_others()
        {
            PortfolioGenerator.Generate(Shape, 11).ToString().Should().Be(PortfolioGenerator.Generate(Shape, 11).ToString());
            PortfolioGenerator.Generate(Shape, 11).ToString().Should().NotBe(PortfolioGenerator.Generate(Shape, 12).ToString());
        }
    }
}
