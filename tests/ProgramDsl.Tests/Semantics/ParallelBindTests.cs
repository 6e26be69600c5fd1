using System.Linq;
using System.Text;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Semantics
{
    /// <summary>Declarations are bound in parallel chunks; the model and diagnostics must not depend on it.</summary>
    public class ParallelBindTests
    {
        private static SyntaxTree Plan()
        {
            var sb = new StringBuilder("program p \"P\" {\n  start 2027-01-04\n  person ana { skills python }\n  person ben\n");
            for (int w = 0; w < 30; w++)
            {
                sb.Append("  workstream w").Append(w).Append(" {\n");
                for (int t = 0; t < 40; t++)
                {
                    sb.Append("    task t").Append(t).Append(" { effort 2d  assign ").Append(t % 2 == 0 ? "ana" : "ben");
                    if (t > 0) sb.Append("  after t").Append(t - 1);
                    // A sprinkling of mistakes in every chunk: typos with suggestions, a wrong kind, a bad share, a repeat.
                    if (t == 7) sb.Append("  after t9x");
                    if (t == 13) sb.Append("  requires skill pythn");
                    if (t == 21) sb.Append("  after ana");
                    if (t == 29) sb.Append("  assign ben 150%");
                    if (t == 33) sb.Append("  effort 3d");
                    sb.Append(" }\n");
                }

                sb.Append("  }\n");
            }

            return Parser.Parse(new SourceText("p.tpm", sb.Append("}\n").ToString()));
        }

        [Theory]
        [InlineData(1)]
        [InlineData(7)]
        [InlineData(100)]
        public void Chunked_binding_gives_the_sequential_diagnostics_and_model(int chunkSize)
        {
            var tree = Plan();
            var sequential = Binder.Bind(tree, null, int.MaxValue);
            var chunked = Binder.Bind(tree, null, chunkSize);

            sequential.Diagnostics.Select(d => d.Code).Distinct().Should().BeEquivalentTo(new[] { "TPM1001", "TPM1005", "TPM1102", "TPM1103" });
            Ordered(chunked).Should().Equal(Ordered(sequential));
            chunked.Program!.Tasks.Select(t => (t.Id, t.Dependencies.Count, t.Assignments.Count, t.Effort))
                .Should().Equal(sequential.Program!.Tasks.Select(t => (t.Id, t.Dependencies.Count, t.Assignments.Count, t.Effort)));
        }

        private static string[] Ordered(BindResult result) =>
            result.Diagnostics.OrderBy(d => d.Location!.Value.Span.Start).ThenBy(d => d.Code).Select(d => d.ToString()).ToArray();
    }
}
