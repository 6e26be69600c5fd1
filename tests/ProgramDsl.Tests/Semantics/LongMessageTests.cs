using System.Linq;
using System.Text;
using ProgramDsl.Tests.Leveling;

namespace ProgramDsl.Tests.Semantics
{
    /// <summary>
    /// TPM1003 and TPM2001 name what they are about; with thousands of candidates or a loop of thousands of tasks the
    /// message was one line of megabytes (103 MB of output for a 0.13 MB plan). They name the first few and count the rest.
    /// </summary>
    public class LongMessageTests
    {
        private static string Ambiguous(int workstreams, int references, int nameLength)
        {
            var text = new StringBuilder();
            for (int w = 0; w < workstreams; w++)
            {
                var name = ("w" + w + "_").PadRight(nameLength, 'n');
                text.Append("  workstream ").Append(name).Append(" {\n    task x { duration 1d }\n  }\n");
            }

            for (int r = 0; r < references; r++) text.Append("  task r").Append(r).Append(" { duration 1d  after x }\n");
            return LevelingPlans.Text(text.ToString());
        }

        [Fact]
        public void An_ambiguous_name_with_many_candidates_names_ten_and_counts_the_rest()
        {
            var p = TpmProgram.Parse(Ambiguous(30, 2, 3), "plan.tpm");
            var found = p.WithCode("TPM1003");
            found.Should().HaveCount(2);
            found[0].Message.Should().Be("'x' is ambiguous: it could be " +
                string.Join(", ", Enumerable.Range(0, 10).Select(w => "task 'w" + w + "_.x'")) + " or 20 more; qualify it");
            found[0].AdditionalLocations.Should().HaveCount(10);
            found[0].AdditionalLocations[9].Start.Line.Should().Be(found[0].AdditionalLocations[0].Start.Line + 27, "the tenth candidate, three lines per workstream");
            found[1].Message.Should().Be(found[0].Message);
        }

        [Fact]
        public void A_few_candidates_are_all_named_as_before()
        {
            var p = TpmProgram.Parse(Ambiguous(3, 1, 3), "plan.tpm");
            p.WithCode("TPM1003").Select(d => d.Message).Should().Equal("'x' is ambiguous: it could be task 'w0_.x', task 'w1_.x' or task 'w2_.x'; qualify it");
        }

        [Fact]
        public void The_message_length_does_not_grow_with_the_candidates()
        {
            // 2,000 workstreams with 240-character names: the whole list was 500 KB per reference.
            var p = TpmProgram.Parse(Ambiguous(2_000, 50, 240), "plan.tpm");
            var found = p.WithCode("TPM1003");
            found.Should().HaveCount(50);
            found.Should().OnlyContain(d => d.Message.Length < 11 * 260 && d.Message.EndsWith(" or 1,990 more; qualify it") && d.AdditionalLocations.Count == 10);
        }

        private static string Loop(int n, int nameLength)
        {
            var text = new StringBuilder();
            for (int i = 0; i < n; i++)
            {
                text.Append("  task ").Append(("t" + i + "_").PadRight(nameLength, 'n')).Append(" { duration 1d  after ")
                    .Append(("t" + ((i + n - 1) % n) + "_").PadRight(nameLength, 'n')).Append(" }\n");
            }

            return LevelingPlans.Text(text.ToString());
        }

        [Fact]
        public void A_long_cycle_names_its_first_and_last_five_tasks_and_counts_the_middle()
        {
            var p = TpmProgram.Parse(Loop(120, 3), "plan.tpm");
            var cycle = p.WithCode("TPM2001").Should().ContainSingle().Subject;
            string Name(int i) => "'" + ("t" + i + "_").PadRight(3, 'n') + "'";
            cycle.Message.Should().Be("dependency cycle: " + string.Join(" → ", Enumerable.Range(0, 5).Select(Name)) + " → … 110 more … → " +
                string.Join(" → ", Enumerable.Range(115, 5).Select(Name)) + " → " + Name(0) + "; remove or reverse one of these dependencies");
            cycle.AdditionalLocations.Count.Should().BeLessOrEqualTo(10);
        }

        [Fact]
        public void A_cycle_of_eleven_is_named_in_full()
        {
            var p = TpmProgram.Parse(Loop(11, 3), "plan.tpm");
            string Name(int i) => "'" + ("t" + i + "_").PadRight(3, 'n') + "'";
            p.WithCode("TPM2001").Select(d => d.Message).Should().Equal(
                "dependency cycle: " + string.Join(" → ", Enumerable.Range(0, 11).Select(Name)) + " → " + Name(0) + "; remove or reverse one of these dependencies");
        }

        [Fact]
        public void A_cycle_of_120000_long_names_is_one_short_line()
        {
            // Was a single 30 MB line.
            var p = TpmProgram.Parse(Loop(120_000, 247), "plan.tpm");
            var cycle = p.WithCode("TPM2001").Should().ContainSingle().Subject;
            cycle.Message.Length.Should().BeLessThan(11 * 260 + 200);
            cycle.Message.Should().Contain(" → … 119,990 more … → ");
        }
    }
}
