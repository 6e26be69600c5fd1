using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Portfolios;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Text;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Portfolios
{
    /// <summary>
    /// Programs leveled together (docs/portfolios.md, the leveling rule), driven through PortfolioScheduler.Level with
    /// members and shared entities made here. Every program starts Monday 2027-01-04 unless said otherwise.
    /// </summary>
    public class PortfolioLevelingTests
    {
        private const string Ana = "person ana \"Ana\"\n";

        private static string Program(string id, string body, string? include = "shared.tpm") =>
            "program " + id + " \"" + id + "\" {\n  start 2027-01-04\n" + (include is null ? string.Empty : "  include \"" + include + "\"\n") + body + "\n}\n";

        /// <summary>Loads the programs (bound only), makes the shared entities of the fragment's people and pools, levels them together.</summary>
        private static (PortfolioMember[] Members, PortfolioSchedule Schedule) Level(string sharedText, params (string Id, int Priority, string Text)[] programs)
        {
            var resolver = new InMemorySourceResolver().Add("shared.tpm", sharedText);
            foreach (var (id, _, text) in programs) resolver.Add(id + ".tpm", text);
            var members = programs.Select(p =>
            {
                var program = TpmProgram.Load(p.Id + ".tpm", resolver, new TpmCompileOptions { Schedule = false });
                program.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
                return new PortfolioMember(p.Id + ".tpm", p.Priority, new SourceLocation(new SourceText("portfolio.tpm", string.Empty), new TextSpan(0, 0)), program);
            }).ToArray();
            var result = PortfolioScheduler.Level(members, Shared(members), PortfolioCompileOptions.Default, default);
            result.Programs.Should().HaveCount(members.Length);
            return (members, result.Schedule);
        }

        /// <summary>A shared entity per person and pool declared in shared.tpm that two or more programs bind.</summary>
        internal static IReadOnlyList<SharedEntity> Shared(IReadOnlyList<PortfolioMember> members)
        {
            var uses = new Dictionary<string, List<(PortfolioMember, Symbol)>>();
            var kinds = new Dictionary<string, (SymbolKind Kind, SourceLocation Where, int Capacity)>();
            foreach (var member in members)
            {
                var model = member.Program.Model!;
                foreach (var s in model.People.Cast<Symbol>().Concat(model.Resources))
                {
                    if (s.Location.Path != "shared.tpm") continue;
                    if (!uses.TryGetValue(s.Id, out var list)) uses[s.Id] = list = new List<(PortfolioMember, Symbol)>();
                    list.Add((member, s));
                    kinds[s.Id] = (s.Kind, s.Location, s is ResourceSymbol pool ? pool.Capacity : 1000);
                }
            }

            return uses.Where(u => u.Value.Count > 1)
                .Select(u => new SharedEntity("shared.tpm@" + kinds[u.Key].Where.Span.Start, kinds[u.Key].Kind, u.Key, kinds[u.Key].Where, u.Value, kinds[u.Key].Capacity))
                .ToList();
        }

        private static Schedule Of(PortfolioMember[] members, string id) => members.Single(m => m.Id == id).Program.Schedule!;

        private static (CalendarDate Start, CalendarDate Finish) Dates(Schedule schedule, string task)
        {
            var t = schedule.Task(task);
            return (t.StartDate, t.FinishDate);
        }

        [Fact]
        public void The_higher_priority_program_gets_the_shared_person_first()
        {
            var (members, schedule) = Level(Ana,
                ("alpha", 800, Program("alpha", "  task a1 { duration 5d  assign ana }")),
                ("beta", 500, Program("beta", "  task b1 { duration 3d  assign ana }")));

            Dates(Of(members, "alpha"), "a1").Should().Be((D("2027-01-04"), D("2027-01-08")));
            Dates(Of(members, "beta"), "b1").Should().Be((D("2027-01-11"), D("2027-01-13")), "Ana works for alpha first");
            var beta = schedule.Programs.Single(p => p.Member.Id == "beta");
            beta.WaitDays.Should().Be(5, "b1 could start on Monday 4 and waited Jan 4..8 for Ana, held by alpha");
            beta.Waits.Should().ContainSingle().Which.Should().Match<PortfolioWait>(w => w.Entity.Id == "ana" && w.Days == 5 && w.HeldBy.SequenceEqual(new[] { "alpha" }));
            schedule.Programs.Single(p => p.Member.Id == "alpha").WaitDays.Should().Be(0);
            Of(members, "beta").Task("b1").DelayedBy!.Id.Should().Be("ana");
            schedule.StartDate.Should().Be(D("2027-01-04"));
            schedule.FinishDate.Should().Be(D("2027-01-13"));
        }

        [Fact]
        public void With_the_priorities_the_other_way_the_other_program_goes_first()
        {
            var (members, _) = Level(Ana,
                ("alpha", 500, Program("alpha", "  task a1 { duration 5d  assign ana }")),
                ("beta", 800, Program("beta", "  task b1 { duration 3d  assign ana }")));

            Dates(Of(members, "beta"), "b1").Should().Be((D("2027-01-04"), D("2027-01-06")));
            Dates(Of(members, "alpha"), "a1").Should().Be((D("2027-01-07"), D("2027-01-13")), "five working days from Thursday 7");
        }

        [Fact]
        public void A_shared_pool_is_shared_by_units()
        {
            // 4 GPUs: alpha's a needs 3 for three days; beta's c (1 GPU) fits beside it, b (2) does not and follows a.
            var (members, schedule) = Level("resource gpu \"GPUs\" { capacity 4 }\n",
                ("alpha", 800, Program("alpha", "  task a { duration 3d  uses gpu 3 }")),
                ("beta", 500, Program("beta", "  task b { duration 2d  uses gpu 2 }\n  task c { duration 2d  uses gpu 1 }")));

            Dates(Of(members, "alpha"), "a").Should().Be((D("2027-01-04"), D("2027-01-06")));
            Dates(Of(members, "beta"), "c").Should().Be((D("2027-01-04"), D("2027-01-05")));
            Dates(Of(members, "beta"), "b").Should().Be((D("2027-01-07"), D("2027-01-08")));

            var load = schedule.Loads.Should().ContainSingle().Subject;
            load.Entity.Id.Should().Be("gpu");
            load.Days.Select(d => (d.Date.ToString(), string.Join(",", d.ByProgram.Select(x => x.ProgramId + "=" + x.Units)))).Should().Equal(
                ("2027-01-04", "alpha=3,beta=1"),
                ("2027-01-05", "alpha=3,beta=1"),
                ("2027-01-06", "alpha=3"),
                ("2027-01-07", "beta=2"),
                ("2027-01-08", "beta=2"));
            foreach (var day in load.Days) day.ByProgram.Sum(x => x.Units).Should().BeLessThanOrEqualTo(4);
        }

        [Fact]
        public void Each_program_keeps_its_calendar_and_its_lags_count_its_own_working_days()
        {
            // alpha works mon..thu; beta mon..fri with Tuesday 5 off. Ana works for alpha Jan 4..7 first.
            var (members, _) = Level(Ana,
                ("alpha", 800, Program("alpha", "  workdays mon..thu\n  task a1 { duration 4d  assign ana }\n  task a2 { duration 1d  after a1 fs+1d }")),
                ("beta", 500, Program("beta",
                    "  holiday 2027-01-05\n  task b0 { duration 2d }\n  task b1 { duration 2d  assign ana }\n" +
                    "  task b2 { duration 1d  after b1 fs+2d }\n  task b3 { duration 1d  after b2 ss-1d }\n  task b4 { duration 1d  after b1 ff-1d }")));

            var alpha = Of(members, "alpha");
            Dates(alpha, "a1").Should().Be((D("2027-01-04"), D("2027-01-07")));
            Dates(alpha, "a2").Should().Be((D("2027-01-12"), D("2027-01-12")), "one of alpha's working days (Monday 11) after Thursday 7");

            var beta = Of(members, "beta");
            Dates(beta, "b0").Should().Be((D("2027-01-04"), D("2027-01-06")), "beta does not work on Tuesday 5");
            Dates(beta, "b1").Should().Be((D("2027-01-08"), D("2027-01-11")), "Ana is alpha's until Thursday 7");
            Dates(beta, "b2").Should().Be((D("2027-01-14"), D("2027-01-14")), "two of beta's working days (12, 13) after b1");
            Dates(beta, "b3").Should().Be((D("2027-01-13"), D("2027-01-13")), "a lead of one working day before b2's start");
            Dates(beta, "b4").Should().Be((D("2027-01-08"), D("2027-01-08")), "its finish one working day before b1's");
        }

        [Fact]
        public void The_dates_in_context_match_the_alone_schedule_when_nothing_is_shared_in_time()
        {
            // The same leads and lags as above, with nobody waiting: each program's dates are its alone dates.
            string betaText = Program("beta",
                "  holiday 2027-01-05\n  task b1 { duration 2d  assign ana }\n  task b2 { duration 1d  after b1 fs+2d }\n" +
                "  task b3 { duration 1d  after b2 ss-1d }\n  task b4 { duration 1d  after b1 ff-1d }\n  task b5 { duration 1d  after b1 sf }\n" +
                "  milestone m { after b1 }\n  task b6 { duration 1d  after m sf }\n  task b7 { duration 2d  after m ff }\n  task b8 { duration 1d  after b4 ss-3d }");
            var (members, _) = Level(Ana + "resource spare \"Spare\" { capacity 1 }\n",
                ("alpha", 800, Program("alpha", "  workdays mon..thu\n  task a1 { duration 1d  uses spare 1 }")),
                ("beta", 500, betaText));

            var resolver = new InMemorySourceResolver().Add("shared.tpm", Ana + "resource spare \"Spare\" { capacity 1 }\n").Add("beta.tpm", betaText);
            var alone = TpmProgram.Load("beta.tpm", resolver).Schedule!;
            var inContext = Of(members, "beta");
            inContext.Tasks.Select(t => (t.Id, t.StartDate, t.FinishDate)).Should().Equal(alone.Tasks.Select(t => (t.Id, t.StartDate, t.FinishDate)));
        }

        [Fact]
        public void A_program_misses_its_deadline_only_because_the_higher_priority_program_holds_the_person()
        {
            var (members, schedule) = Level(Ana,
                ("alpha", 800, Program("alpha", "  deadline 2027-01-08\n  task a1 { duration 5d  assign ana }")),
                ("beta", 500, Program("beta", "  deadline 2027-01-08\n  task b1 { duration 3d  assign ana }")));

            var beta = members.Single(m => m.Id == "beta").Program;
            beta.Schedule!.FinishDate.Should().Be(D("2027-01-13"));
            beta.Diagnostics.Should().Contain(d => d.Code == "TPM2202" && d.Message.Contains("finishes on 2027-01-13, 3 working days after its deadline 2027-01-08"));
            members.Single(m => m.Id == "alpha").Program.Diagnostics.Should().NotContain(d => d.Code == "TPM2202");

            schedule.Programs.Single(p => p.Member.Id == "beta").DeadlineMarginDays.Should().Be(-3);
            schedule.Programs.Single(p => p.Member.Id == "alpha").DeadlineMarginDays.Should().Be(0);
            schedule.Lateness.Should().Equal((800, 0), (500, 3));

            // Alone, beta meets it.
            var resolver = new InMemorySourceResolver().Add("shared.tpm", Ana).Add("beta.tpm", Program("beta", "  deadline 2027-01-08\n  task b1 { duration 3d  assign ana }"));
            TpmProgram.Load("beta.tpm", resolver).Diagnostics.Should().NotContain(d => d.Code == "TPM2202");
        }

        [Fact]
        public void A_deadline_at_a_lower_priority_weighs_nothing_against_one_above()
        {
            // Only beta has a deadline; alpha has none, so serving beta first costs alpha nothing the rule counts first.
            var (members, schedule) = Level(Ana,
                ("alpha", 800, Program("alpha", "  task a1 { duration 5d  assign ana }")),
                ("beta", 500, Program("beta", "  deadline 2027-01-08\n  task b1 { duration 3d  assign ana }")));

            Dates(Of(members, "beta"), "b1").Should().Be((D("2027-01-04"), D("2027-01-06")));
            Dates(Of(members, "alpha"), "a1").Should().Be((D("2027-01-07"), D("2027-01-13")));
            schedule.Lateness.Should().Equal((800, 0), (500, 0));
        }

        [Fact]
        public void The_highest_priority_programs_are_never_later_than_when_leveled_without_the_others()
        {
            // Two programs at 900 and two at 300 competing for Ana and Bo; the 900s' total lateness in the portfolio is
            // at most what it is with the 300s absent.
            const string people = "person ana \"Ana\"\nperson bo \"Bo\"\n";
            string High(string id, int offset) => Program(id,
                "  deadline 2027-01-" + (12 + offset).ToString("00") + "\n  task x { duration 4d  assign ana }\n  task y { duration 3d  assign bo  after x }\n  task z { duration 2d  assign ana  after y }");
            string Low(string id) => Program(id, "  deadline 2027-01-08\n  task p { duration 3d  assign bo }\n  task q { duration 4d  assign ana }\n  task r { duration 2d  assign bo  after q }");
            var programs = new[] { ("h1", 900, High("h1", 0)), ("l1", 300, Low("l1")), ("h2", 900, High("h2", 3)), ("l2", 300, Low("l2")) };

            var (_, together) = Level(people, programs);
            var (_, highOnly) = Level(people, programs.Where(p => p.Item2 == 900).ToArray());

            int LateOf(PortfolioSchedule s, params string[] ids) => s.Programs.Where(p => ids.Contains(p.Member.Id)).Sum(p => System.Math.Max(0, -(p.DeadlineMarginDays ?? 0)));
            LateOf(together, "h1", "h2").Should().BeLessThanOrEqualTo(LateOf(highOnly, "h1", "h2"));
            together.Lateness[0].Should().Be((900, LateOf(together, "h1", "h2")));

            // No shared person is over 100% on any day.
            foreach (var load in together.Loads)
            {
                foreach (var day in load.Days) day.ByProgram.Sum(x => x.Units).Should().BeLessThanOrEqualTo(1000, "{0} on {1}", load.Entity.Id, day.Date);
            }
        }

        [Fact]
        public void A_program_sharing_nobody_is_scheduled_exactly_as_alone()
        {
            string gammaText = Program("gamma",
                "  person cy \"Cy\"\n  deadline 2027-01-06\n  task g1 { duration 3d  assign cy }\n  task g2 { duration 2d  assign cy }\n  task g3 { duration 1d  after g1 fs+1d }", include: null);
            var (members, schedule) = Level(Ana,
                ("alpha", 800, Program("alpha", "  task a1 { duration 5d  assign ana }")),
                ("beta", 500, Program("beta", "  task b1 { duration 3d  assign ana }")),
                ("gamma", 100, gammaText));

            var resolver = new InMemorySourceResolver().Add("shared.tpm", Ana).Add("gamma.tpm", gammaText);
            var alone = TpmProgram.Load("gamma.tpm", resolver);
            var inContext = members.Single(m => m.Id == "gamma").Program;
            inContext.Schedule!.Tasks.Select(t => (t.Id, t.Start, t.Finish, t.LateStart, t.LateFinish, t.TotalFloat))
                .Should().Equal(alone.Schedule!.Tasks.Select(t => (t.Id, t.Start, t.Finish, t.LateStart, t.LateFinish, t.TotalFloat)));
            inContext.Schedule.LevelingSchedules.Should().Be(alone.Schedule.LevelingSchedules);
            inContext.Diagnostics.Select(d => d.ToString()).Should().Equal(alone.Diagnostics.Select(d => d.ToString()));
            schedule.Programs.Single(p => p.Member.Id == "gamma").WaitDays.Should().Be(0);
        }

        [Fact]
        public void A_program_that_binds_a_shared_person_but_books_nobody_shared_is_scheduled_as_alone()
        {
            // gamma includes the fragment (so it binds Ana) but its tasks only book its own people: it is linked to nobody.
            string gammaText = Program("gamma", "  person cy \"Cy\"\n  task g1 { duration 3d  assign cy }\n  task g2 { duration 2d  assign cy }");
            var (members, schedule) = Level(Ana,
                ("alpha", 800, Program("alpha", "  task a1 { duration 5d  assign ana }")),
                ("beta", 500, Program("beta", "  task b1 { duration 3d  assign ana }")),
                ("gamma", 100, gammaText));

            var resolver = new InMemorySourceResolver().Add("shared.tpm", Ana).Add("gamma.tpm", gammaText);
            var alone = TpmProgram.Load("gamma.tpm", resolver).Schedule!;
            members.Single(m => m.Id == "gamma").Program.Schedule!.Tasks.Select(t => (t.Id, t.Start, t.Finish))
                .Should().Equal(alone.Tasks.Select(t => (t.Id, t.Start, t.Finish)));
            members.Single(m => m.Id == "gamma").Program.Schedule!.LevelingSchedules.Should().Be(alone.LevelingSchedules, "leveled alone, not jointly");
        }

        [Fact]
        public void Leveling_is_deterministic()
        {
            const string people = "person ana \"Ana\"\nperson bo \"Bo\"\nresource gpu \"GPUs\" { capacity 3 }\n";
            (string, int, string)[] Programs() => Enumerable.Range(0, 4).Select(k => ("p" + k, 200 + 200 * (k % 2), Program("p" + k,
                "  deadline 2027-01-15\n" + string.Concat(Enumerable.Range(0, 6).Select(i =>
                    "  task t" + i + " { duration " + (1 + (i + k) % 4) + "d  assign " + (i % 2 == 0 ? "ana" : "bo") + "  uses gpu " + (1 + (i * k) % 3) +
                    (i > 1 ? "  after t" + (i - 2) : string.Empty) + " }\n"))))).ToArray();

            string Fingerprint(PortfolioMember[] members) => string.Join(";", members.SelectMany(m => m.Program.Schedule!.Tasks.Select(t => m.Id + "." + t.Id + "=" + t.Start + "-" + t.Finish)));
            var (first, s1) = Level(people, Programs());
            var (second, s2) = Level(people, Programs());
            Fingerprint(first).Should().Be(Fingerprint(second));
            s1.LevelingWork.Should().Be(s2.LevelingWork);
            s1.LevelingSchedules.Should().BeGreaterThan(0);
            s1.Network.Should().NotBeNull();
            s1.Network!.Programs.Select(p => p.Offset).Should().BeInAscendingOrder();
            s1.Network.List.Should().HaveCount(s1.Network.Problem.ActivityCount);
        }
    }
}

namespace ProgramDsl.Tests.Portfolios
{
    /// <summary>The same rule through the public API: a portfolio file naming programs that share a person from its block.</summary>
    public class PortfolioLevelingThroughParseTests
    {
        private static TpmPortfolio Parse(int alphaPriority, int betaPriority)
        {
            var resolver = new InMemorySourceResolver()
                .Add("alpha/program.tpm", "program alpha {\n  start 2027-01-04\n  deadline 2027-01-08\n  task a1 { duration 5d  assign ana }\n}\n")
                .Add("beta/program.tpm", "program beta {\n  start 2027-01-04\n  deadline 2027-01-08\n  task b1 { duration 3d  assign ana }\n}\n");
            var text = "portfolio org \"Org\" {\n  person ana \"Ana\"\n" +
                       "  program \"alpha/program.tpm\" { priority " + alphaPriority + " }\n" +
                       "  program \"beta/program.tpm\" { priority " + betaPriority + " }\n}\n";
            return TpmPortfolio.Parse(text, "portfolio.tpm", resolver);
        }

        [Fact]
        public void The_higher_priority_program_meets_its_deadline_and_the_other_reports_the_miss()
        {
            var portfolio = Parse(800, 500);
            portfolio.Diagnostics.Where(d => d.IsError && d.Code != "TPM2202").Should().BeEmpty("a missed deadline is the only error");
            portfolio.Schedule.Should().NotBeNull();
            var alpha = portfolio.Members.Single(m => m.Id == "alpha").Program.Schedule!;
            var beta = portfolio.Members.Single(m => m.Id == "beta").Program.Schedule!;
            (alpha.Task("a1").StartDate, alpha.Task("a1").FinishDate).Should().Be((D("2027-01-04"), D("2027-01-08")));
            (beta.Task("b1").StartDate, beta.Task("b1").FinishDate).Should().Be((D("2027-01-11"), D("2027-01-13")));
            portfolio.Diagnostics.Should().ContainSingle(d => d.Code == "TPM2202").Which.Message.Should().Contain("program 'beta' finishes on 2027-01-13, 3 working days after its deadline 2027-01-08");
            portfolio.Schedule!.Lateness.Should().Equal((800, 0), (500, 3));
            portfolio.Schedule.Programs.Single(p => p.Member.Id == "beta").WaitDays.Should().Be(5);
        }

        [Theory]
        [InlineData(ProgramDsl.Scheduling.Leveling.LevelingEffort.Quick)]
        [InlineData(ProgramDsl.Scheduling.Leveling.LevelingEffort.Normal)]
        public void The_top_priority_is_never_later_than_leveled_without_the_others_at_any_effort(ProgramDsl.Scheduling.Leveling.LevelingEffort effort)
        {
            // A case where the quick search, started elsewhere, had made the top program 3 days late (props' finding).
            var resolver = new InMemorySourceResolver()
                .Add("shared.tpm", "calendar apac \"A\" { workdays tue..sat }\nperson s001 \"S\" { calendar apac }\n")
                .Add("p1.tpm", "program prog01 {\n  start 2027-01-14\n  deadline 2027-02-15\n  include \"shared.tpm\"\n  person l002 \"L\"\n" +
                               "  task t1 { duration 6d  assign s001 }\n  task t2 { duration 7d  assign s001  after t1 fs+4d }\n" +
                               "  task t3 { duration 6d  assign l002  after t1 }\n  task t4 { duration 5d  assign s001  after t3 ff-1d, t1 ss }\n}\n")
                .Add("p2.tpm", "program prog02 {\n  start 2027-01-25\n  include \"shared.tpm\"\n  task u1 { duration 8d  assign s001 }\n}\n");
            var options = new PortfolioCompileOptions { Program = new TpmCompileOptions { Scheduling = new ScheduleOptions { Effort = effort } } };
            var together = TpmPortfolio.Parse("portfolio org {\n  program \"p1.tpm\" { priority 900 }\n  program \"p2.tpm\" { priority 300 }\n}\n", "portfolio.tpm", resolver, options);
            var alone = TpmPortfolio.Parse("portfolio org {\n  program \"p1.tpm\" { priority 900 }\n}\n", "portfolio.tpm", resolver, options);

            together.Schedule!.Lateness[0].Priority.Should().Be(900);
            together.Schedule.Lateness[0].LateDays.Should().BeLessThanOrEqualTo(alone.Schedule!.Lateness[0].LateDays);
            foreach (var day in together.Schedule.Loads.SelectMany(l => l.Days)) day.ByProgram.Sum(x => x.Units).Should().BeLessThanOrEqualTo(1000);
        }

        [Fact]
        public void With_the_priorities_the_other_way_the_other_program_meets_its_deadline()
        {
            var portfolio = Parse(500, 800);
            var alpha = portfolio.Members.Single(m => m.Id == "alpha").Program.Schedule!;
            var beta = portfolio.Members.Single(m => m.Id == "beta").Program.Schedule!;
            (beta.Task("b1").StartDate, beta.Task("b1").FinishDate).Should().Be((D("2027-01-04"), D("2027-01-06")));
            (alpha.Task("a1").StartDate, alpha.Task("a1").FinishDate).Should().Be((D("2027-01-07"), D("2027-01-13")));
            portfolio.Schedule!.Lateness.Should().Equal((800, 0), (500, 3));
            portfolio.Diagnostics.Should().ContainSingle(d => d.Code == "TPM2202").Which.Message.Should().Contain("program 'alpha'");
        }
    }
}
