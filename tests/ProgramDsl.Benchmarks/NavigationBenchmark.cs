using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using ProgramDsl.Semantics;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times what the language server's navigation asks the semantic model on a large plan (issue 13): find every
    /// reference of a symbol, and check a rename (the scope clash and every reference keeping its meaning). Each is
    /// a pass over the program's references, so it should grow linearly with the plan. The plan is compiled once,
    /// without scheduling, outside the timing; the model's indexes are built by the first query and timed apart.
    /// </summary>
    internal static class NavigationBenchmark
    {
        public const string Usage =
            "  navigation [N] [--runs R]    time FindReferences and CheckRename on a generated plan of N tasks (default 100,000): wall and CPU per query";

        public static int Run(string[] args)
        {
            var positional = Options.Positional(args);
            int n = positional.Count > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 100_000;
            int runs = Options.Int(args, "--runs", 3);
            var clock = Stopwatch.StartNew();
            var program = TpmProgram.Parse(PlanGenerator.Generate(n), "generated.tpm", new TpmCompileOptions { Schedule = false });
            var p = program.Model;
            if (program.HasErrors || p is null)
            {
                Console.Error.WriteLine("the plan has errors");
                return 1;
            }

            Console.WriteLine($"navigation: generated, {n:N0} tasks; compiled in {clock.Elapsed.TotalSeconds:F2} s; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
            var model = program.SemanticModel;
            var role = p.Roles[0];
            var task = p.Tasks.First(t => t.Container != null);
            var person = p.People[0];
            var sibling = task.Container!.Children.First(c => !ReferenceEquals(c, task));
            var queries = new List<(string Name, Func<int> Run)>
            {
                ("index (first query)", () => model.FindReferences(person).Count),
                ("FindReferences role " + role.Id, () => model.FindReferences(role, includeDeclaration: true).Count),
                ("FindReferences person " + person.Id, () => model.FindReferences(person, includeDeclaration: true).Count),
                ("CheckRename role, fresh name", () => model.CheckRename(role, "fresh-role").IsAllowed ? 1 : 0),
                ("CheckRename task " + task.Id + ", fresh name", () => model.CheckRename(task, "fresh-task").IsAllowed ? 1 : 0),
                ("CheckRename task, sibling's name (clash)", () => model.CheckRename(task, sibling.Name).IsAllowed ? 1 : 0),
            };

            Console.WriteLine();
            Console.WriteLine("| run | query | result | wall ms | CPU ms |");
            Console.WriteLine("| ---: | --- | ---: | ---: | ---: |");
            for (int run = 1; run <= runs; run++)
            {
                foreach (var (name, query) in queries)
                {
                    if (run > 1 && name.StartsWith("index", StringComparison.Ordinal)) continue;
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    clock.Restart();
                    int result = query();
                    var wall = clock.Elapsed.TotalMilliseconds;
                    var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
                    Console.WriteLine($"| {run} | {name} | {result:N0} | {wall:F1} | {used:F0} |");
                }
            }

            return 0;
        }
    }
}
