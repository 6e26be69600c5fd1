using System.IO;
using System.Linq;
using ProgramDsl.LanguageServer.Features.Formatting;
using ProgramDsl.LanguageServer.Tests.Infrastructure;
using ProgramDsl.Syntax.Formatting;

namespace ProgramDsl.LanguageServer.Tests
{
    /// <summary>In process: the minimal edits of formatting rebuild tpm fmt's text exactly, on every example file laid out badly.</summary>
    public sealed class FormattingDiffTests
    {
        public static TheoryData<string> ExampleFiles()
        {
            var data = new TheoryData<string>();
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Examples, "*.tpm", SearchOption.AllDirectories).OrderBy(f => f, System.StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(RepositoryPaths.Examples, file));
            }

            return data;
        }

        /// <summary>The text with its layout spoilt: indentation doubled, blank lines added, lines joined by ';' where a statement ends.</summary>
        private static string Spoil(string text) =>
            text.Replace("\n  ", "\n    ").Replace("\n}", "\n\n}").Replace("  assign", " ;   assign");

        private static string Apply(string text, System.Collections.Generic.IReadOnlyList<TextChange> edits)
        {
            foreach (var e in edits.OrderByDescending(e => e.Span.Start)) text = text.Substring(0, e.Span.Start) + e.NewText + text.Substring(e.Span.End);
            return text;
        }

        [Theory]
        [MemberData(nameof(ExampleFiles))]
        public void The_edits_rebuild_the_formatted_text_and_a_formatted_text_needs_none(string file)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Examples, file));
            var spoilt = Spoil(text);
            var expected = PlanFormatter.Format(spoilt, file);
            var edits = FormattingService.Format(file, spoilt);
            if (!expected.Succeeded || !expected.Changed)
            {
                edits.Should().BeEmpty("a file tpm fmt refuses or leaves alone gets no edits");
                return;
            }

            Apply(spoilt, edits).Should().Be(expected.Text);
            edits.Should().OnlyContain(e => spoilt.Substring(e.Span.Start, e.Span.Length).All(c => c == ' ' || c == '\n' || c == '\r' || c == ';' || c == '\t'));
            FormattingService.Format(file, expected.Text!).Should().BeEmpty();
        }
    }
}
