using BenchmarkDotNet.Attributes;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Each compiler phase alone on a generated plan, and the whole in-process pipeline. The inputs of a phase are
    /// built once in the global setup, so a phase's figure excludes the phases before it.
    /// </summary>
    [MemoryDiagnoser]
    public class PhaseBenchmarks
    {
        private SourceText _source = null!;
        private string _text = null!;
        private SyntaxTree _tree = null!;
        private ProgramSymbol _program = null!;

        /// <summary>Tasks in the generated plan.</summary>
        [Params(1_000, 10_000, 100_000)]
        public int N { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _text = PlanGenerator.Generate(N);
            _source = new SourceText("synth.tpm", _text);
            _tree = Parser.Parse(_source);
            var bound = Binder.Bind(_tree);
            _program = bound.Program ?? throw new System.InvalidOperationException("the generated plan has no program");
            if (_tree.Diagnostics.Count + bound.Diagnostics.Count > 0)
            {
                throw new System.InvalidOperationException("the generated plan has diagnostics: " + (_tree.Diagnostics.Count > 0 ? _tree.Diagnostics[0] : bound.Diagnostics[0]));
            }
        }

        [Benchmark(Description = "parse")]
        public SyntaxTree Parse() => Parser.Parse(_source);

        [Benchmark(Description = "bind")]
        public BindResult Bind() => Binder.Bind(_tree);

        [Benchmark(Description = "schedule")]
        public ScheduleResult Schedule() => ProgramScheduler.Run(_program);

        /// <summary><c>tpm fmt</c>'s layout of the parsed plan (with the parse of its output, when the layout changes it).</summary>
        [Benchmark(Description = "format")]
        public ProgramDsl.Syntax.Formatting.FormatResult Format() => ProgramDsl.Syntax.Formatting.PlanFormatter.Format(_tree);

        /// <summary>Text to diagnostics: parse, bind, schedule, deadline checks, severities and ordering.</summary>
        [Benchmark(Description = "end-to-end (TpmProgram.Parse)")]
        public TpmProgram EndToEnd() => TpmProgram.Parse(_text, "synth.tpm");
    }
}
