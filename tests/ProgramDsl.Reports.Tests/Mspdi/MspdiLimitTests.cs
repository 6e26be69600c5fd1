using System.Diagnostics;
using System.Linq;
using System.Text;
using ProgramDsl.Reports.Mspdi;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// Hostile MS Project XML (issue 11): many recurring calendar exceptions, recurrences that match no day, outlines
    /// deeper than a plan nests, names longer than a plan's strings. The import finishes in bounded work, stays within
    /// <see cref="InputLimits"/> (the plan it writes checks clean) and reports each cut as a located warning.
    /// </summary>
    public class MspdiLimitTests
    {
        /// <summary>A project with one calendar holding <paramref name="exceptions"/>, one per line from line 5 on.</summary>
        private static string Calendars(params string[][] calendars)
        {
            var x = new StringBuilder();
            x.Append("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
            x.Append("<Name>x</Name><StartDate>2027-01-04T08:00:00</StartDate><CalendarUID>1</CalendarUID>\n<Calendars>\n");
            for (int c = 0; c < calendars.Length; c++)
            {
                x.Append("<Calendar><UID>").Append(c + 1).Append("</UID><Name>Cal ").Append(c + 1).Append("</Name><IsBaseCalendar>1</IsBaseCalendar><Exceptions>\n");
                foreach (var e in calendars[c]) x.Append(e).Append('\n');
                x.Append("</Exceptions></Calendar>\n");
            }

            x.Append("</Calendars>\n<Tasks><Task><UID>1</UID><ID>1</ID><Name>a</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task></Tasks>\n</Project>\n");
            return x.ToString();
        }

        private static string Exception(string from, string to, string recurrence) =>
            "<Exception><TimePeriod><FromDate>" + from + "T00:00:00</FromDate><ToDate>" + to + "T23:59:00</ToDate></TimePeriod>" + recurrence + "<DayWorking>0</DayWorking></Exception>";

        /// <summary>The tester's daily exceptions: every 2nd day from year 2000 + i to 9999, each expanding to 5,000 days.</summary>
        private static string[] EveryOtherDay(int count, int firstYear = 2000) =>
            Enumerable.Range(0, count).Select(i => Exception((firstYear + i).ToString("0000") + "-01-01", "9999-12-31", "<Type>1</Type><Period>2</Period>")).ToArray();

        private static MspdiProject Read(string xml)
        {
            var read = MspdiReader.Read(xml);
            read.Problems.Should().BeEmpty();
            return read.Project!;
        }

        [Fact]
        public void Hundreds_of_long_recurrences_are_cut_at_the_calendar_limit_with_a_located_warning()
        {
            // 500 recurrences of 5,000 days each (the tester's 91 KB file, over a minute before): the calendar keeps its
            // first 20,000 distinct days, and the cut is a warning at the exception where it happened.
            var watch = Stopwatch.StartNew();
            var project = Read(Calendars(EveryOtherDay(500)));
            watch.Elapsed.TotalSeconds.Should().BeLessThan(30, "a does-not-hang guard");

            project.Calendars.Single().Exceptions.Should().HaveCount(MspdiReader.MaxCalendarExceptions);
            var cuts = project.Warnings.Where(w => w.Message.Contains("is cut here")).ToList();
            cuts.Should().ContainSingle();
            cuts[0].Line.Should().BeGreaterThan(5, "the cut is at the exception that reached the limit, not at the calendar");
            cuts[0].Format("x.xml").Should().StartWith("x.xml(" + cuts[0].Line + ",2): calendar 'Cal 1' is cut here: a calendar holds at most 20,000 exception days and ranges");

            // Each recurrence read before the cut says that its own expansion stopped at 5,000 days.
            project.Warnings.Count(w => w.Message.Contains("has more than 5,000 occurrences; only the first 5,000")).Should().Be(cuts[0].Line - 5 + 1);
        }

        [Fact]
        public void A_repeated_exception_is_kept_once()
        {
            var same = Enumerable.Repeat(Exception("2027-05-03", "2027-05-03", "<Type>1</Type>"), 10_000).ToArray();
            var project = Read(Calendars(same));
            project.Calendars.Single().Exceptions.Should().ContainSingle();
            project.Warnings.Should().BeEmpty();
            Import(Calendars(same)).Text.Should().Contain("  holiday 2027-05-03\n");
        }

        [Fact]
        public void The_file_keeps_at_most_its_limit_of_exception_days_over_all_calendars()
        {
            // Six calendars of 20,000 distinct days each: the sixth is cut at the file's limit.
            var full = Enumerable.Range(0, 4).Select(i => Exception((2000 + 30 * i).ToString("0000") + "-01-01", "9999-12-31", "<Type>1</Type><Period>2</Period>")).ToArray();
            var project = Read(Calendars(full, full, full, full, full, full));

            project.Calendars.Select(c => c.Exceptions.Count).Should().Equal(20_000, 20_000, 20_000, 20_000, 20_000, 0);
            project.Calendars.Sum(c => c.Exceptions.Count).Should().Be(MspdiReader.MaxFileExceptions);
            project.Warnings.Where(w => w.Message.Contains("is cut here")).Select(w => w.Message).Should().ContainSingle()
                .Which.Should().StartWith("calendar 'Cal 6' is cut here: a file holds at most 100,000 exception days and ranges over all its calendars");
        }

        [Fact]
        public void A_weekly_exception_on_no_weekday_is_a_warning_and_no_walk()
        {
            // DaysOfWeek 0 over 0001..9999 walked 3.65 million days per exception; now it names no day and is skipped.
            var none = Enumerable.Repeat(Exception("0001-01-01", "9999-12-31", "<Type>6</Type><DaysOfWeek>0</DaysOfWeek><Period>1</Period>"), 2000).ToArray();
            var project = Read(Calendars(none));
            project.Calendars.Single().Exceptions.Should().BeEmpty();
            project.Warnings.Should().HaveCount(2000);
            project.Warnings[0].Format("x.xml").Should().Be("x.xml(5,2): calendar 'Cal 1': a weekly exception with <DaysOfWeek> 0 falls on no weekday " +
                                                            "(1 is Sunday, 2 Monday, 4 Tuesday, … 64 Saturday, added up); it is not imported");
        }

        [Fact]
        public void A_weekly_exception_is_walked_week_by_week()
        {
            // Sundays and Saturdays every 3rd week from Wednesday 2027-01-06: the first week's Saturday, then every 3rd week.
            var project = Read(Calendars(new[] { Exception("2027-01-06", "2027-02-20", "<Type>6</Type><DaysOfWeek>65</DaysOfWeek><Period>3</Period>") }));
            project.Calendars.Single().Exceptions.Select(e => e.Range.From.ToString()).Should().Equal("2027-01-09", "2027-01-24", "2027-01-30", "2027-02-14", "2027-02-20");
        }

        [Fact]
        public void Recurrences_that_find_no_day_stop_at_the_files_step_budget()
        {
            // The 31st every 12th month from February: a walk of 9,999 months per exception that never finds a day. 500 of
            // them would walk 5 million months; the walks stop at the file's budget of steps, once, with a warning at the
            // exception where the budget ran out (the 401st: 400 walks take 3,999,600 steps).
            var never = Enumerable.Repeat(Exception("0001-02-01", "9999-12-31", "<Type>4</Type><MonthDay>31</MonthDay><Period>12</Period>"), 500).ToArray();
            var project = Read(Calendars(never));
            project.Calendars.Single().Exceptions.Should().BeEmpty();
            project.Warnings.Select(w => w.Format("x.xml")).Should().Equal(
                "x.xml(405,2): calendar 'Cal 1' is cut here: the recurring exceptions of the file take more than 4,000,000 steps to expand, so this recurrence " +
                "and those after it in the file are not imported, or only in part; shorten their date ranges");
        }

        [Fact]
        public void A_yearly_exception_on_a_day_its_month_never_has_is_a_warning()
        {
            var project = Read(Calendars(new[] { Exception("2027-01-01", "9999-12-31", "<Type>2</Type><Month>1</Month><MonthDay>30</MonthDay>") }));
            project.Calendars.Single().Exceptions.Should().BeEmpty();
            project.Warnings.Select(w => w.Message).Should().Equal("calendar 'Cal 1': a yearly exception on day 30 of month 2 falls on no date; it is not imported");
        }

        private static string Doc(string tasks) =>
            "<Project xmlns=\"http://schemas.microsoft.com/project\">\n<Name>t.xml</Name><StartDate>2027-03-01T08:00:00</StartDate>\n<Tasks>\n" + tasks + "</Tasks>\n</Project>\n";

        private static string Task(int uid, string name, int level, bool summary, string extra = "") =>
            "<Task><UID>" + uid + "</UID><ID>" + uid + "</ID><Name>" + name + "</Name><OutlineLevel>" + level + "</OutlineLevel><Summary>" + (summary ? 1 : 0) +
            "</Summary><Duration>PT8H0M0S</Duration>" + extra + "</Task>\n";

        /// <summary>Compiles an imported plan; it must have no diagnostic at all (no TPM1007 in particular).</summary>
        private static TpmProgram CompilesClean(MspdiImport import)
        {
            import.Problem.Should().BeNull();
            var program = TpmProgram.Parse(import.Text!, "imported.tpm");
            program.Diagnostics.Select(d => d.ToString()).Should().BeEmpty();
            return program;
        }

        [Fact]
        public void An_outline_deeper_than_a_plan_nests_is_flattened_into_the_deepest_workstream()
        {
            // 100 levels, a summary task on each but the last: levels 63 to 100 go into the workstream at level 62.
            var tasks = new StringBuilder();
            for (int level = 1; level <= 100; level++) tasks.Append(Task(level, "L" + level, level, summary: level < 100));
            var import = Import(Doc(tasks.ToString()));
            var program = CompilesClean(import);

            // Level k is indented 2k: levels 63..100 sit side by side in level 62 (the summary tasks among them are
            // empty workstreams, their tasks beside them), and nothing is deeper.
            var lines = import.Text!.Split('\n');
            lines.Count(l => l.StartsWith(new string(' ', 126), System.StringComparison.Ordinal) && !l.StartsWith(new string(' ', 127), System.StringComparison.Ordinal) && l.Trim() != "}").Should().Be(100 - 62);
            lines.Should().NotContain(l => l.StartsWith(new string(' ', 128), System.StringComparison.Ordinal) && l.Trim().Length > 0 && !l.Trim().StartsWith("duration", System.StringComparison.Ordinal));
            program.Model!.Tasks.Single().Id.Split('.').Length.Should().Be(MspdiImporter.MaxOutlineDepth);
            import.Warnings.Select(w => w.Format("t.xml")).Should().Equal(
                "t.xml(67,2): the outline under summary task 'L62' (level 62) is deeper than a .tpm plan nests (64 blocks: the program, workstreams to level 62 and a task): " +
                "37 tasks from here on below level 63 are put directly in its workstream, in file order");
        }

        [Fact]
        public void Deep_outlines_with_long_names_get_ids_within_the_qualified_id_limit()
        {
            // 63 levels of 40-character names would make ids of 2,600 characters: each level gets its share of 512.
            var tasks = new StringBuilder();
            for (int level = 1; level <= 63; level++) tasks.Append(Task(level, "Level " + level + " " + new string('x', 30), level, summary: level < 63));
            var import = Import(Doc(tasks.ToString()));
            var program = CompilesClean(import);

            program.Model!.Tasks.Max(t => t.Id.Length).Should().BeLessOrEqualTo(InputLimits.MaxIdLength);
            import.Warnings.Should().NotBeEmpty();
            import.Warnings.Should().OnlyContain(w => w.Message.Contains("a qualified id (ws.ws.task) is at most 512 characters") && w.Line > 0);
        }

        [Fact]
        public void A_shallow_outline_keeps_its_ids()
        {
            // Ten levels of long names fit: no id is shortened and nothing is warned.
            var tasks = new StringBuilder();
            for (int level = 1; level <= 10; level++) tasks.Append(Task(level, "Level " + level + " " + new string('x', 30), level, summary: level < 10));
            var import = Import(Doc(tasks.ToString()));
            CompilesClean(import);
            import.Warnings.Should().BeEmpty();
            import.Text.Should().Contain("workstream level-1-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx \"Level 1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"");
        }

        [Fact]
        public void A_long_tpm_id_is_kept_when_the_qualified_ids_fit()
        {
            // A 200-character id from the "tpm id" field on a workstream with two levels below: 200 + 2 short ids fit in
            // 512, so nothing is shortened (an equal share of 512 per level would have been 170).
            var id = "w" + new string('x', 199);
            var field = "<ExtendedAttribute><FieldID>188743731</FieldID><Value>" + id + "</Value></ExtendedAttribute>";
            var xml = Doc(Task(1, "Top", 1, summary: true, field) + Task(2, "Mid", 2, summary: true) + Task(3, "Leaf", 3, summary: false))
                .Replace("<Tasks>", "<ExtendedAttributes><ExtendedAttribute><FieldID>188743731</FieldID><Alias>" + MspdiFormat.IdFieldAlias + "</Alias></ExtendedAttribute></ExtendedAttributes>\n<Tasks>");
            var import = Import(xml);
            CompilesClean(import).Model!.Tasks.Single().Id.Should().Be(id + ".mid.leaf");
            import.Warnings.Should().BeEmpty();
        }

        [Fact]
        public void Names_and_notes_longer_than_a_plan_string_are_cut_with_an_ellipsis()
        {
            // A 20,000-character name, and a note of 6,000 quotes (12,000 characters once escaped).
            var name = new string('n', 20_000);
            var note = new string('"', 6_000).Replace("\"", "&quot;");
            var import = Import(Doc(Task(1, name, 1, summary: false, "<Notes>" + note + "</Notes>")));
            var program = CompilesClean(import);

            var title = program.Model!.Tasks.Single().Title!;
            title.Should().HaveLength(InputLimits.MaxStringLength).And.EndWith("n…");
            import.Text.Should().Contain("note \"" + string.Concat(Enumerable.Repeat("\\\"", 4_999)) + "…\"\n");
            import.Warnings.Select(w => w.Format("t.xml")).Should().Equal(
                "t.xml(4,30): <Name> is 20,000 characters long; a .tpm string holds at most 10,000 (a quote, backslash, tab or line break counts two), so it is cut after 9,999 characters and ends with '…'",
                "t.xml(4,20122): <Notes> is 6,000 characters long; a .tpm string holds at most 10,000 (a quote, backslash, tab or line break counts two), so it is cut after 4,999 characters and ends with '…'");
        }

        [Fact]
        public void A_task_after_thousands_of_others_is_written_on_lines_within_the_limit()
        {
            // 3,000 predecessors made one 'after' line of 45,000 characters (TPM1007: line too long); the builder now
            // continues a long list in statements of its own, which the language reads the same way.
            var tasks = new StringBuilder();
            for (int i = 1; i <= 3000; i++) tasks.Append(Task(i, "task number " + i, 1, summary: false));
            var links = string.Concat(Enumerable.Range(1, 3000).Select(i => "<PredecessorLink><PredecessorUID>" + i + "</PredecessorUID><Type>1</Type></PredecessorLink>"));
            tasks.Append(Task(3001, "last", 1, summary: false, links));
            var import = Import(Doc(tasks.ToString()));
            var program = CompilesClean(import);

            var afterLines = import.Text!.Split('\n').Where(l => l.TrimStart().StartsWith("after ", System.StringComparison.Ordinal)).ToList();
            afterLines.Should().HaveCountGreaterThan(1).And.OnlyContain(l => l.Length <= 4_100);
            program.Model!.Tasks.Single(t => t.Id == "last").Dependencies.Should().HaveCount(3000);
        }

        [Fact]
        public void A_name_is_not_cut_inside_a_surrogate_pair()
        {
            // "ab" then 5,000 emoji (two UTF-16 units each): the cut after 9,999 units falls on a pair's second half and
            // moves before the pair.
            var name = "ab" + string.Concat(Enumerable.Repeat("\U0001F600", 5_000));
            var import = Import(Doc(Task(1, name, 1, summary: false)));
            var title = CompilesClean(import).Model!.Tasks.Single().Title!;
            title.Should().HaveLength(9_999).And.EndWith("\U0001F600…");
        }
    }
}
