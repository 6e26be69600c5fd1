using System.Linq;
using ProgramDsl.LanguageServer.Features.Completion;
using ProgramDsl.Text;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>The bound on long completion lists (a 5,000-task plan offers every task after <c>after</c>).</summary>
    public sealed class CompletionLimitTests
    {
        private static CompletionItemModel Item(string label) =>
            new CompletionItemModel(label, CompletionKind.Reference, null, null, label, false, new TextSpan(0, 0));

        [Fact]
        public void A_list_within_the_bound_is_sent_whole_and_complete()
        {
            var items = Enumerable.Range(0, CompletionLimit.MaxItems).Select(i => Item("t" + i.ToString("D3"))).ToList();

            var (sent, incomplete) = CompletionLimit.Apply(items, "zzz");

            sent.Should().BeSameAs(items);
            incomplete.Should().BeFalse();
        }

        [Fact]
        public void A_long_list_is_cut_at_the_bound_in_order_and_marked_incomplete()
        {
            var items = Enumerable.Range(0, 5000).Select(i => Item("ws" + (i / 50).ToString("D4") + ".t" + (i % 50).ToString("D3"))).ToList();

            var (sent, incomplete) = CompletionLimit.Apply(items, string.Empty);

            sent.Select(i => i.Label).Should().Equal(items.Take(CompletionLimit.MaxItems).Select(i => i.Label));
            incomplete.Should().BeTrue();
        }

        [Fact]
        public void A_long_list_keeps_the_items_the_typed_word_can_become_those_starting_with_it_first_any_case()
        {
            var items = Enumerable.Range(0, 5000).Select(i => Item("ws" + (i / 50).ToString("D4") + ".t" + (i % 50).ToString("D3"))).ToList();

            var (sent, incomplete) = CompletionLimit.Apply(items, "WS0049.T03");

            // Those starting with "ws0049.t03" first (t030 to t039), then the looser matches in order: t003, t013, t023,
            // t043 (a 3 after the t0).
            sent.Select(i => i.Label).Should().Equal(
                "ws0049.t030", "ws0049.t031", "ws0049.t032", "ws0049.t033", "ws0049.t034", "ws0049.t035", "ws0049.t036",
                "ws0049.t037", "ws0049.t038", "ws0049.t039", "ws0049.t003", "ws0049.t013", "ws0049.t023", "ws0049.t043");
            incomplete.Should().BeTrue("the editor must ask again when the word changes");
        }

        [Theory]
        [InlineData("", "abc", true)]
        [InlineData("ac", "abc", true)]
        [InlineData("AC", "abc", true)]
        [InlineData("ca", "abc", false)]
        [InlineData("abcd", "abc", false)]
        public void Subsequence(string typed, string label, bool expected) =>
            CompletionLimit.IsSubsequence(typed, label).Should().Be(expected);
    }
}
