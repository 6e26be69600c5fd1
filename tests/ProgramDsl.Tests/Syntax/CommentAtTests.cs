using ProgramDsl.Syntax;
using ProgramDsl.Text;

namespace ProgramDsl.Tests.Syntax
{
    /// <summary>SyntaxFacts.CommentAt: the comment holding an offset, read as the lexer reads comments.</summary>
    public sealed class CommentAtTests
    {
        [Fact]
        public void A_line_comment_runs_from_its_slashes_to_the_end_of_its_line()
        {
            const string text = "task a { } // TPM3001 here\ntask b { }";
            int at = text.IndexOf("TPM3001", System.StringComparison.Ordinal);

            SyntaxFacts.CommentAt(text, at).Should().Be(TextSpan.FromBounds(11, text.IndexOf('\n')));
            SyntaxFacts.CommentAt(text, 11).Should().Be(TextSpan.FromBounds(11, text.IndexOf('\n')), "the first slash is in it");
            SyntaxFacts.CommentAt(text, 10).Should().BeNull("the space before it is not");
            SyntaxFacts.CommentAt(text, text.IndexOf('\n')).Should().BeNull("the line break is not");
            SyntaxFacts.CommentAt(text, text.Length - 1).Should().BeNull();
        }

        [Fact]
        public void Slashes_inside_a_string_are_no_comment_but_a_block_comment_after_it_is()
        {
            const string text = "note \"see http://x \\\" // y\" /* TPM1001 */ x";
            SyntaxFacts.CommentAt(text, text.IndexOf("// y", System.StringComparison.Ordinal) + 3).Should().BeNull();
            int block = text.IndexOf("/*", System.StringComparison.Ordinal);
            SyntaxFacts.CommentAt(text, block + 4).Should().Be(TextSpan.FromBounds(block, text.IndexOf("*/", System.StringComparison.Ordinal) + 2));
            SyntaxFacts.CommentAt(text, text.Length - 1).Should().BeNull();
        }

        [Fact]
        public void An_unterminated_block_comment_runs_to_the_end_and_offsets_outside_the_text_are_in_none()
        {
            const string text = "a /* open\nstill";
            SyntaxFacts.CommentAt(text, text.Length - 1).Should().Be(TextSpan.FromBounds(2, text.Length));
            SyntaxFacts.CommentAt(text, -1).Should().BeNull();
            SyntaxFacts.CommentAt(text, text.Length).Should().BeNull();
        }
    }
}
