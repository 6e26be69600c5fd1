using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ProgramDsl.Analyzers;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Times <see cref="TpmFileAnalyzer"/> the way the compiler runs it: a C# compilation with the .tpm files as
    /// AdditionalFiles, analysed by Roslyn's <see cref="CompilationWithAnalyzers"/> (a fresh driver each run, so nothing
    /// is cached). Cases: the files of examples/ml-platform, and a generated plan. The compiler alone on the same text is
    /// timed too, to show what the analyzer adds.
    /// </summary>
    internal static class AnalyzerBenchmark
    {
        public const string Usage =
            "  analyzer [--dir DIR] [--tasks N] [--runs R] [--warmup W]\n" +
            "                               time TpmFileAnalyzer through CompilationWithAnalyzers on examples/ml-platform (or DIR)\n" +
            "                               and on a generated plan of N tasks (default 5000), also with leveling off;\n" +
            "                               targets (median): < 100 ms and < 1 s (leveling on, the default); exit 1 when one is missed";

        private const double SmallTargetMs = 100;
        private const double LargeTargetMs = 1000;

        public static int Run(string[] args)
        {
            int runs = Options.Int(args, "--runs", 10);
            int warmup = Options.Int(args, "--warmup", 3);
            int tasks = Options.Int(args, "--tasks", 5000);
            var dir = Options.Value(args, "--dir") ?? FindExample();
            if (dir is null || !Directory.Exists(dir))
            {
                Console.Error.WriteLine("cannot find examples/ml-platform above the current folder; pass --dir DIR");
                return 2;
            }

            // The example includes the people and the GPU pool it shares with the portfolio (examples/portfolio/shared).
            var shared = Path.Combine(dir, "..", "portfolio", "shared", "org.tpm");
            var small = Directory.GetFiles(dir, "*.tpm").Concat(File.Exists(shared) ? new[] { shared } : Array.Empty<string>()).OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => new InMemoryAdditionalText(Path.GetFullPath(f), File.ReadAllText(f))).ToList();
            var generatedPath = Path.Combine(Path.GetTempPath(), "synth-" + tasks + ".tpm");
            var generated = PlanGenerator.Generate(tasks);
            var large = new List<InMemoryAdditionalText> { new InMemoryAdditionalText(generatedPath, generated) };

            // The same plan without resource leveling (the default is on): parse, bind and the critical-path passes alone.
            int body = generated.IndexOf('\n', generated.IndexOf("program ", StringComparison.Ordinal)) + 1;
            var unleveled = new List<InMemoryAdditionalText> { new InMemoryAdditionalText(generatedPath, generated.Insert(body, "  leveling off\n")) };

            Console.WriteLine("TpmFileAnalyzer through CompilationWithAnalyzers: " + warmup + " warm-up runs, " + runs + " timed runs; "
                + Environment.ProcessorCount + " cores, .NET " + Environment.Version + ", Roslyn " + typeof(Compilation).Assembly.GetName().Version
                + ", load average " + LoadAverage());
            Console.WriteLine();
            Console.WriteLine("| case | files | text | diagnostics | analyzer median | analyzer min | compiler alone median | target |");
            Console.WriteLine("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
            bool ok = Case(Path.GetFileName(Path.GetFullPath(dir).TrimEnd(Path.DirectorySeparatorChar)), small, SmallTargetMs, warmup, runs);
            ok &= Case("generated, " + tasks.ToString("N0", CultureInfo.InvariantCulture) + " tasks", large, LargeTargetMs, warmup, runs);
            Case("the same, leveling off", unleveled, null, warmup, runs);
            return ok ? 0 : 1;
        }

        private static bool Case(string name, IReadOnlyList<InMemoryAdditionalText> files, double? targetMs, int warmup, int runs)
        {
            // The C# side is a single empty class: the analyzer only looks at the AdditionalFiles.
            var compilation = CSharpCompilation.Create("bench",
                new[] { CSharpSyntaxTree.ParseText("class C { }") },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TpmFileAnalyzer());
            var options = new AnalyzerOptions(files.Cast<AdditionalText>().ToImmutableArray());

            ImmutableArray<Diagnostic> last = default;
            var analyzerTimes = Time(warmup, runs, () =>
            {
                // A new driver each run: CompilationWithAnalyzers caches its results.
                var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
                last = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            });

            // The compiler on the same text, loaded the way the analyzer loads it: the programs among the files.
            var resolver = new InMemorySourceResolver();
            foreach (var f in files) resolver.Add(SourcePaths.Normalize(f.Path), f.Text);
            var roots = files.Where(f => ProgramDsl.Syntax.SyntaxFacts.IsProgramText(f.Text)).Select(f => SourcePaths.Normalize(f.Path)).ToList();
            var compilerTimes = Time(warmup, runs, () =>
            {
                foreach (var root in roots) TpmProgram.Load(root, resolver);
            });

            var bySeverity = last.GroupBy(d => d.Severity).OrderByDescending(g => g.Key)
                .Select(g => g.Count() + " " + g.Key.ToString().ToLowerInvariant() + (g.Count() == 1 ? "" : "s")).ToList();
            var exceptions = last.Where(d => d.Id == "AD0001").ToList();
            foreach (var d in last.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)) Console.Error.WriteLine(d);
            double median = Median(analyzerTimes);
            bool met = (targetMs is null || median < targetMs) && exceptions.Count == 0;
            Console.WriteLine("| " + name + " | " + files.Count + " | " + files.Sum(f => f.Text.Length).ToString("N0", CultureInfo.InvariantCulture) + " chars | "
                + (bySeverity.Count == 0 ? "none" : string.Join(", ", bySeverity)) + " | "
                + Ms(median) + " | " + Ms(analyzerTimes.Min()) + " | " + Ms(Median(compilerTimes)) + " | "
                + (targetMs is double target ? "< " + Ms(target) + (met ? " met" : " MISSED") : "") + " |");
            return met;
        }

        private static List<double> Time(int warmup, int runs, Action action)
        {
            for (int i = 0; i < warmup; i++) action();
            var times = new List<double>(runs);
            for (int i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                action();
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            return times;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            int n = sorted.Count;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        private static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

        private static string LoadAverage() =>
            File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

        private static string? FindExample()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var d = new DirectoryInfo(start); d != null; d = d.Parent)
                {
                    if (File.Exists(Path.Combine(d.FullName, "ProgramDsl.sln"))) return Path.Combine(d.FullName, "examples", "ml-platform");
                }
            }

            return null;
        }

        /// <summary>An AdditionalFiles item held in memory (the compiler would read it from disk before analysis).</summary>
        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _source;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                Text = text;
                _source = SourceText.From(text);
            }

            public override string Path { get; }

            public string Text { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _source;
        }
    }
}
