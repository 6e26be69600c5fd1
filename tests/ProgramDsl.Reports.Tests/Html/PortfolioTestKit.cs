using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ProgramDsl.Portfolios;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// Portfolios put together by hand for the page's tests: each program compiled alone, the "leveled" schedule and
    /// its loads given exactly, so the page is checked against figures worked out here, whatever the leveler does.
    /// The portfolio types' constructors are internal to the core (no InternalsVisibleTo for this project), so they
    /// are called through reflection; the real pipeline is covered by the tests that go through TpmPortfolio.Parse.
    /// </summary>
    internal static class PortfolioTestKit
    {
        // Calendar mon..fri; 2027-03-01 is a Monday.
        // alpha: build.a Mar 1..5 (ana 100%), build.b Mar 8..10, done at the end of Mar 10; deadline Mar 12: 2 working days to spare.
        public const string Alpha =
            "program alpha \"Alpha platform\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-12\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  workstream build \"Build\" {\n" +
            "    task a \"Design\" { effort 5d  assign ana }\n" +
            "    task b \"Code\" { duration 3d  after a }\n" +
            "  }\n" +
            "  milestone done \"Done\" { after build }\n" +
            "}\n";

        // beta: prep Mar 1..5 (nobody), x Mar 8..11 (ana 100%, the pool 2 units); deadline Mar 9: 2 working days late.
        public const string Beta =
            "program beta \"Beta search\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-09\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  resource gpu \"GPU pool\" { capacity 4 }\n" +
            "  task prep \"Prep\" { duration 5d }\n" +
            "  task x \"Train\" { effort 4d  assign ana  uses gpu 2  after prep }\n" +
            "}\n";

        public static TpmProgram Program(string text, string path)
        {
            var compiled = TpmProgram.Parse(text, path);
            // A missed deadline (TPM2202) is an error of the program, not of the page's input; "broken" programs are meant to fail.
            if (!path.StartsWith("broken", StringComparison.Ordinal)) compiled.Diagnostics.Where(d => d.IsError && d.Code != "TPM2202").Should().BeEmpty();
            return compiled;
        }

        private static T New<T>(params object?[] arguments)
        {
            var constructor = typeof(T).GetConstructors(BindingFlags.NonPublic | BindingFlags.Instance).Single();
            return (T)constructor.Invoke(arguments);
        }

        private static void Set(object target, string property, object? value) =>
            target.GetType().GetProperty(property)!.SetValue(target, value);

        private static SourceLocation Nowhere(SourceText source) => new SourceLocation(source, new TextSpan(0, 0));

        /// <summary>
        /// The two programs above, "leveled": ana works for alpha Mar 1..5 and for beta Mar 8..11 (plus
        /// <paramref name="extra"/> units for alpha on Mar 8, over her capacity when given); the GPU pool 2 units for beta
        /// Mar 8..11. Beta waited 3 days for ana, held by alpha. With <paramref name="leveled"/> false the portfolio has
        /// no schedule, as when it is not leveled together.
        /// </summary>
        public static TpmPortfolio TwoPrograms(bool leveled = true, int extra = 0, string? alphaText = null, string? betaText = null, string portfolioTitle = "Org")
        {
            var source = new SourceText("portfolio.tpm", "portfolio org \"" + portfolioTitle + "\" { }\n");
            var tree = SyntaxTree.Parse(source);
            var model = New<PortfolioSymbol>("org", portfolioTitle, Nowhere(source));
            var alpha = New<PortfolioMember>("alpha/program.tpm", 800, Nowhere(source), Program(alphaText ?? Alpha, "alpha/program.tpm"));
            var betaPath = betaText != null && betaText.Contains("undefined-task", StringComparison.Ordinal) ? "broken/program.tpm" : "beta/program.tpm";
            var beta = New<PortfolioMember>(betaPath, 500, Nowhere(source), Program(betaText ?? Beta, betaPath));
            var members = new List<PortfolioMember> { alpha, beta };

            Symbol Person(PortfolioMember m) => m.Program.Model!.People.Single(p => p.Id == "ana");
            var ana = New<SharedEntity>("people.tpm@10", SymbolKind.Person, "ana", Nowhere(source),
                new List<(PortfolioMember, Symbol)> { (alpha, Person(alpha)), (beta, Person(beta)) }, 1000);
            var gpu = New<SharedEntity>("people.tpm@90", SymbolKind.Resource, "gpu", Nowhere(source),
                new List<(PortfolioMember, Symbol)> { (beta, beta.Program.Model!.Resources.Single()) }, 4);
            var shared = new List<SharedEntity> { ana, gpu };
            if (!leveled) return New<TpmPortfolio>(tree, model, members, shared, null, new List<ProgramDsl.Diagnostics.Diagnostic>());

            var a = New<PortfolioProgramSchedule>(alpha, alpha.Program.Schedule!);
            Set(a, "DeadlineMarginDays", 2);
            var b = New<PortfolioProgramSchedule>(beta, beta.Program.Schedule!);
            Set(b, "DeadlineMarginDays", -2);
            Set(b, "WaitDays", 3);
            Set(b, "Waits", new List<PortfolioWait> { New<PortfolioWait>(ana, 3, new List<string> { "alpha" }) });

            var anaDays = new List<SharedLoadDay>();
            for (int d = 1; d <= 5; d++) anaDays.Add(Day(d, ("alpha", 1000)));
            for (int d = 8; d <= 11; d++) anaDays.Add(d == 8 && extra > 0 ? Day(d, ("alpha", extra), ("beta", 1000)) : Day(d, ("beta", 1000)));
            var gpuDays = Enumerable.Range(8, 4).Select(d => Day(d, ("beta", 2))).ToList();
            var loads = new List<SharedLoad> { New<SharedLoad>(ana, anaDays), New<SharedLoad>(gpu, gpuDays) };
            var schedule = New<PortfolioSchedule>(new List<PortfolioProgramSchedule> { a, b }, loads, CalendarDate.FromYmd(2027, 3, 1), CalendarDate.FromYmd(2027, 3, 11));
            Set(schedule, "LevelingSchedules", 12);
            Set(schedule, "Seed", 7);
            return New<TpmPortfolio>(tree, model, members, shared, schedule, new List<ProgramDsl.Diagnostics.Diagnostic>());
        }

        /// <summary>
        /// <paramref name="programs"/> generated programs of <paramref name="tasks"/> tasks each (the benchmarks' generator,
        /// a seed each), not leveled together, sharing their first <paramref name="sharedPeople"/> people.
        /// </summary>
        public static TpmPortfolio Generated(int programs, int tasks, int sharedPeople)
        {
            var source = new SourceText("portfolio.tpm", "portfolio synth { }\n");
            var members = new List<PortfolioMember>();
            for (int k = 0; k < programs; k++)
            {
                var path = "synth-" + k + "/program.tpm";
                var text = ProgramDsl.Benchmarks.PlanGenerator.Generate(tasks, seed: 42 + k).Replace("program synth-" + tasks + " ", "program synth-" + k + " ");
                members.Add(New<PortfolioMember>(path, 500 + k, Nowhere(source), Program(text, path)));
            }

            var shared = new List<SharedEntity>();
            for (int i = 1; i <= sharedPeople; i++)
            {
                var id = "p" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture);
                var uses = members.Select(m => (m, (Symbol)m.Program.Model!.People.Single(p => p.Id == id))).ToList();
                shared.Add(New<SharedEntity>("people.tpm@" + i, SymbolKind.Person, id, Nowhere(source), uses, 1000));
            }

            return New<TpmPortfolio>(SyntaxTree.Parse(source), New<PortfolioSymbol>("synth", null, Nowhere(source)), members, shared, null, new List<ProgramDsl.Diagnostics.Diagnostic>());
        }

        private static SharedLoadDay Day(int march, params (string, int)[] units) =>
            New<SharedLoadDay>(CalendarDate.FromYmd(2027, 3, march), (IReadOnlyList<(string, int)>)units.ToList());
    }
}
