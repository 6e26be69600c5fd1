using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Syntax
{
    /// <summary>Large files are parsed in concurrent pieces; the tree and diagnostics must be those of a sequential parse.</summary>
    public class ParallelParseTests
    {
        private static string BigPlan(int workstreams, string? inject = null)
        {
            var sb = new StringBuilder("// generated\nprogram big \"Big\" {\n  start 2027-01-04\n  holiday 2027-01-18 \"MLK\"\n  person ana \"Ana\" { skills python }\n");
            for (int w = 0; w < workstreams; w++)
            {
                sb.Append("  workstream ws").Append(w).Append(" \"W").Append(w).Append("\" {\n");
                for (int t = 0; t < 20; t++)
                {
                    sb.Append("    task t").Append(t).Append(" \"Task ").Append(t).Append("\" {\n      effort ").Append(t % 5 + 1).Append("d\n      assign ana 50%\n");
                    if (t > 0) sb.Append("      after t").Append(t - 1).Append(t % 3 == 0 ? " ss+1d" : string.Empty).Append('\n');
                    sb.Append("      note \"a { brace } in a string\" /* and { in a comment */\n    }\n");
                }

                if (inject != null && w == workstreams / 2) sb.Append(inject);
                sb.Append("  }\n  milestone m").Append(w).Append(" { after ws").Append(w).Append(" }\n");
            }

            return sb.Append("}\n").ToString();
        }

        private static string Dump(SyntaxTree tree)
        {
            var sb = new StringBuilder();
            var stack = new Stack<(StatementSyntax Statement, int Depth)>();
            foreach (var s in tree.Root.Statements.Reverse()) stack.Push((s, 0));
            while (stack.Count > 0)
            {
                var (statement, depth) = stack.Pop();
                sb.Append(' ', depth).Append(statement.GetType().Name).Append(' ').Append(statement.KeywordText).Append(' ').Append(statement.Span);
                switch (statement)
                {
                    case DeclarationSyntax d:
                        sb.Append(' ').Append(d.Name.Text).Append(' ').Append(d.Title?.Value).Append(' ').Append(d.ContainsErrors);
                        foreach (var child in d.Body.Reverse()) stack.Push((child, depth + 1));
                        break;
                    case PropertySyntax p:
                        foreach (var v in p.Values) sb.Append(" [").Append(v.GetType().Name).Append(' ').Append(v.Span).Append(' ').Append(tree.Source.ToString(v.Span)).Append(']');
                        break;
                }

                sb.Append('\n');
            }

            foreach (var d in tree.Diagnostics) sb.Append(d).Append('\n');
            return sb.ToString();
        }

        [Theory]
        [InlineData(2)]
        [InlineData(3)]
        [InlineData(16)]
        public void Pieces_give_the_sequential_tree(int chunks)
        {
            var source = new SourceText("big.tpm", BigPlan(60));

            var sequential = Parser.Parse(source, 1);
            var pieces = Parser.Parse(source, chunks);

            Parser.TrySplit(source.Text, chunks)!.Count.Should().Be(chunks + 1, "body start, one cut per extra piece, body end");
            sequential.Diagnostics.Should().BeEmpty();
            Dump(pieces).Should().Be(Dump(sequential));
            pieces.Root.Program!.Body.OfType<DeclarationSyntax>().Count(d => d.Kind == DeclarationKind.Workstream).Should().Be(60);
        }

        [Theory]
        [InlineData("    task broken { effort 10x }\n")]
        [InlineData("    task open { effort 1d\n")]
        [InlineData("    task bad { skills oops }\n")]
        public void An_error_anywhere_gives_exactly_the_sequential_diagnostics(string inject)
        {
            var source = new SourceText("big.tpm", BigPlan(60, inject));

            var sequential = Parser.Parse(source, 1);
            var pieces = Parser.Parse(source, 8);

            sequential.Diagnostics.Should().NotBeEmpty();
            Dump(pieces).Should().Be(Dump(sequential));
        }

        [Theory]
        [InlineData("task t { duration 1d }")]
        [InlineData("program a { start 2027-01-04 }\nprogram b { start 2027-01-04 }")]
        [InlineData("program a { start 2027-01-04 \"unterminated }")]
        [InlineData("program a { start 2027-01-04 /* open }")]
        public void Texts_that_are_not_one_plain_program_are_not_cut(string text) =>
            Parser.TrySplit(text, 4).Should().BeNull();
    }
}
