using System.Linq;
using System.Text;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>Names with emoji (surrogate pairs) and CJK text: no artefact cuts a pair in two (U+FFFD in the file).</summary>
    public class SurrogateTextTests
    {
        // 40 emoji and 40 ideographs: long enough to be folded (ICS, 75 octets a line) several times.
        private static readonly string Emoji = string.Concat(Enumerable.Repeat("😀", 40));
        private static readonly string Cjk = string.Concat(Enumerable.Repeat("计划", 20));

        private static string Plan(string name) =>
            "program p \"" + name + "\" {\n  start 2027-03-01\n  task a \"x" + name + "\" { duration 2d }\n  task b \"xy" + name + "\" { duration 2d  after a }\n}\n";

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        public void Ics_lines_are_folded_between_characters_and_unfold_to_the_names(int variant)
        {
            var name = variant == 0 ? Emoji : variant == 1 ? Cjk : "é" + Emoji + Cjk;
            var compiled = TpmProgram.Parse(Plan(name), "p.tpm");
            var ics = IcsCalendar.Write(compiled.Model!, compiled.Schedule!, "1.0");

            // Written as UTF-8 (as tpm build does): every line is at most 75 octets, and no half pair survives the encoding.
            var bytes = new UTF8Encoding(false).GetBytes(ics);
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            text.Should().NotContain("\uFFFD");
            foreach (var line in text.Split("\r\n")) Encoding.UTF8.GetByteCount(line).Should().BeLessThanOrEqualTo(75, line);
            for (int i = 0; i < ics.Length; i++)
            {
                if (char.IsHighSurrogate(ics[i])) char.IsLowSurrogate(ics[i + 1]).Should().BeTrue("a pair is never split at " + i);
                else if (char.IsLowSurrogate(ics[i])) char.IsHighSurrogate(ics[i - 1]).Should().BeTrue("a pair is never split at " + i);
            }

            var calendar = Ical.Net.Calendar.Load(ics)!;
            calendar.Events.Select(e => e.Summary).Should().Contain(new[] { "x" + name, "xy" + name });
        }
    }
}
