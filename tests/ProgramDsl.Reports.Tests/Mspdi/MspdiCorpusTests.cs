using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using ProgramDsl.MspdiCorpus;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// The MSPDI corpus (tests/Shared/Mspdi): every file imports and schedules without a crash, agrees with the dates
    /// MS Project stored at least as well as recorded in agreement-floor.tsv, and the real files together at least as well
    /// as <see cref="RealStartsFloor"/> and <see cref="RealFinishesFloor"/>. The same measure as the benchmark <c>mspdi DIR</c>.
    /// </summary>
    public class MspdiCorpusTests
    {
        /// <summary>
        /// The agreement of the real files today, in percent (measured 99.5% and 99.5%; before the importer fixes of issue 15,
        /// 81.6% and 80.5%). The goal of issue 15 is 97% of starts and 95% of finishes. Raise these with agreement-floor.tsv,
        /// which <c>mspdi tests/Shared/Mspdi --floor tests/Shared/Mspdi/agreement-floor.tsv</c> rewrites.
        /// </summary>
        private const double RealStartsFloor = 99.5, RealFinishesFloor = 99.5;

        private static readonly Lazy<IReadOnlyList<FileAgreement>> Measured = new Lazy<IReadOnlyList<FileAgreement>>(() => MspdiAgreement.MeasureCorpus(CorpusDirectory));

        private static string CorpusDirectory => Path.Combine(ArtefactPlans.RepositoryRoot, "tests", "Shared", "Mspdi");

        [Fact]
        public void Every_file_of_the_corpus_is_measured_and_none_crashes()
        {
            var files = Directory.GetFiles(Path.Combine(CorpusDirectory, "files"), "*.xml", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(CorpusDirectory, "files"), f).Replace(Path.DirectorySeparatorChar, '/')).OrderBy(f => f, StringComparer.Ordinal);
            Measured.Value.Select(f => f.File).Should().Equal(files, "expected.tsv lists every file of files/");
            Measured.Value.Where(f => f.Refused != null && f.Refused.StartsWith("crashed", StringComparison.Ordinal)).Select(f => f.File + ": " + f.Refused).Should().BeEmpty();
            Measured.Value.Where(f => !f.Synthetic).Should().HaveCountGreaterThan(90);
            Measured.Value.Sum(f => f.Counted).Should().BeGreaterThan(1900);
        }

        [Fact]
        public void No_real_file_is_refused_and_no_other_file_than_the_floor_allows()
        {
            var floor = MspdiAgreement.ReadFloor(Path.Combine(CorpusDirectory, "agreement-floor.tsv"));
            Measured.Value.Where(f => f.Refused != null && !f.Synthetic).Select(f => f.File + ": " + f.Refused).Should().BeEmpty();
            Measured.Value.Where(f => f.Refused != null && !(floor.TryGetValue(f.File, out var fl) && fl.MayBeRefused)).Select(f => f.File + ": " + f.Refused).Should().BeEmpty();
        }

        [Fact]
        public void Every_file_agrees_at_least_as_recorded()
        {
            var floor = MspdiAgreement.ReadFloor(Path.Combine(CorpusDirectory, "agreement-floor.tsv"));
            floor.Keys.Should().BeEquivalentTo(Measured.Value.Select(f => f.File), "agreement-floor.tsv has a line for every file");
            var worse = new List<string>();
            foreach (var f in Measured.Value)
            {
                var (counted, starts, finishes, _) = floor[f.File];
                if (f.Counted != counted || f.StartsAgreeing < starts || f.FinishesAgreeing < finishes)
                {
                    worse.Add(f.File + ": " + f.StartsAgreeing + "/" + f.FinishesAgreeing + " of " + f.Counted + ", recorded " + starts + "/" + finishes + " of " + counted);
                }
            }

            worse.Should().BeEmpty("a change must not make a file agree less with MS Project (an improvement: rewrite agreement-floor.tsv with the benchmark's --floor)");
        }

        [Fact]
        public void The_real_files_agree_at_least_as_the_floor_says()
        {
            var real = Measured.Value.Where(f => !f.Synthetic).ToList();
            int counted = real.Sum(f => f.Counted);
            MspdiAgreement.Percent(real.Sum(f => f.StartsAgreeing), counted).Should().BeGreaterThanOrEqualTo(RealStartsFloor - 0.05);
            MspdiAgreement.Percent(real.Sum(f => f.FinishesAgreeing), counted).Should().BeGreaterThanOrEqualTo(RealFinishesFloor - 0.05);
        }

        /// <summary>
        /// The real files' tasks whose dates tpm computes (not copied from MS Project's stored dates: manual tasks, task
        /// calendars, leveling delays, splits and contours, work settled by the stored span, actuals) agree at least this
        /// well (measured 99.7% and 99.5% of 1,242 tasks), so the figure does not rest on dates the importer copied.
        /// </summary>
        private const double ComputedStartsFloor = 99.7, ComputedFinishesFloor = 99.5;

        [Fact]
        public void The_real_tasks_whose_dates_tpm_computes_agree_apart_from_those_taken_from_the_file()
        {
            var tasks = Measured.Value.Where(f => !f.Synthetic && f.Refused is null).SelectMany(f => f.Tasks).ToList();
            var computed = tasks.Where(t => t.Stored is null).ToList();
            computed.Should().HaveCountGreaterThan(1200, "most of the corpus is scheduled from links and durations");
            tasks.Count(t => t.Stored == "manually scheduled").Should().BeGreaterThan(600, "the corpus's manual tasks are imported at their stored dates");
            MspdiAgreement.Percent(computed.Count(t => t.StartAgrees), computed.Count).Should().BeGreaterThanOrEqualTo(ComputedStartsFloor - 0.05);
            MspdiAgreement.Percent(computed.Count(t => t.FinishAgrees), computed.Count).Should().BeGreaterThanOrEqualTo(ComputedFinishesFloor - 0.05);
        }

        [Fact]
        public void Every_task_imported_at_the_dates_ms_project_stored_is_named_in_a_note()
        {
            var missing = new List<string>();
            int stored = 0;
            foreach (var path in Directory.GetFiles(Path.Combine(CorpusDirectory, "files"), "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var read = ProgramDsl.Reports.Mspdi.MspdiReader.Read(File.ReadAllBytes(path));
                if (read.Project is null) continue;
                var import = ProgramDsl.Reports.Mspdi.MspdiImporter.Import(read.Project, Path.GetFileName(path));
                foreach (var pair in import.StoredDates)
                {
                    stored++;
                    var task = read.Project.Tasks.First(t => t.Uid == pair.Key);
                    var display = "'" + (task.Name ?? "task " + task.Uid) + "'";
                    if (!import.Notes.Any(n => n.Contains(display, StringComparison.Ordinal))) missing.Add(Path.GetFileName(path) + " UID " + pair.Key + " (" + pair.Value + ")");
                }
            }

            stored.Should().BeGreaterThan(700);
            missing.Should().BeEmpty("each task whose dates are copied from the file has a note naming it");
        }

        [Fact]
        public void The_expected_dates_are_what_the_files_store()
        {
            // expected.tsv is made by tools/extract_expected.py; read the files again here so it cannot drift from them.
            XNamespace ns = "http://schemas.microsoft.com/project";
            var expected = MspdiAgreement.ReadExpected(Path.Combine(CorpusDirectory, "expected.tsv"));
            foreach (var pair in expected)
            {
                var root = XDocument.Load(Path.Combine(CorpusDirectory, "files", pair.Key)).Root!;
                var tasks = root.Element(ns + "Tasks")?.Elements(ns + "Task").ToList() ?? new List<XElement>();
                pair.Value.Select(t => t.Uid).Should().Equal(tasks.Select(t => (int)t.Element(ns + "UID")!), pair.Key);
                for (int i = 0; i < tasks.Count; i++)
                {
                    var t = tasks[i];
                    var e = pair.Value[i];
                    e.Start.Should().Be(Date(t.Element(ns + "Start")), pair.Key + " UID " + e.Uid);
                    e.Finish.Should().Be(Date(t.Element(ns + "Finish")), pair.Key + " UID " + e.Uid);
                    e.IsMilestone.Should().Be(t.Element(ns + "Milestone")?.Value == "1", pair.Key + " UID " + e.Uid);
                    e.Flags.Contains('S').Should().Be(t.Element(ns + "Summary")?.Value == "1", pair.Key + " UID " + e.Uid);
                }
            }
        }

        private static DateTime? Date(XElement? e) => e is null ? null : DateTime.Parse(e.Value, CultureInfo.InvariantCulture);

        // ------------------------------------------------------------------ the rule of agreement, on small files

        [Fact]
        public void A_finish_at_the_start_of_a_working_day_is_the_end_of_the_previous_one()
        {
            // Two days from Thursday end on Friday: MS Project may store Monday 08:00, the same instant in working time.
            var atEnd = MeasureOne(Task(1, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16));
            var atNextStart = MeasureOne(Task(1, "2027-03-04T08:00:00", "2027-03-08T08:00:00", 16));
            var wrong = MeasureOne(Task(1, "2027-03-04T08:00:00", "2027-03-08T09:00:00", 16));
            atEnd.Tasks.Single().FinishAgrees.Should().BeTrue();
            atNextStart.Tasks.Single().FinishAgrees.Should().BeTrue();
            atNextStart.Tasks.Single().ExpectedFinish.ToString().Should().Be("2027-03-05");
            wrong.Tasks.Single().FinishAgrees.Should().BeFalse();
            wrong.Tasks.Single().StartAgrees.Should().BeTrue();
        }

        [Fact]
        public void A_milestone_at_the_start_of_a_day_is_the_end_of_the_previous_working_day()
        {
            // tpm puts a milestone after a task ending on Friday on that Friday; MS Project may store Monday 08:00 or Friday 17:00.
            var friday = MeasureOne(Task(1, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16) + Task(2, "2027-03-05T17:00:00", "2027-03-05T17:00:00", 0, milestone: true, after: 1));
            var monday = MeasureOne(Task(1, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16) + Task(2, "2027-03-08T08:00:00", "2027-03-08T08:00:00", 0, milestone: true, after: 1));
            friday.Tasks.Should().OnlyContain(t => t.StartAgrees && t.FinishAgrees);
            monday.Tasks.Should().OnlyContain(t => t.StartAgrees && t.FinishAgrees);
        }

        [Fact]
        public void Summary_tasks_and_the_project_summary_are_not_counted_and_a_disagreement_has_a_cause()
        {
            // Task 2 is stored two days later than anything in the file explains; task 3 follows it.
            var file = MeasureOne(Task(0, "2027-03-04T08:00:00", "2027-03-12T17:00:00", 56, summary: true, level: 0) +
                                  Task(1, "2027-03-04T08:00:00", "2027-03-12T17:00:00", 56, summary: true) +
                                  Task(2, "2027-03-08T08:00:00", "2027-03-09T17:00:00", 16, level: 2) +
                                  Task(3, "2027-03-10T08:00:00", "2027-03-10T17:00:00", 8, level: 2, after: 2));
            file.Counted.Should().Be(2);
            file.Tasks.Select(t => t.Expected.Uid).Should().Equal(2, 3);
            file.Tasks.Should().OnlyContain(t => !t.StartAgrees && !t.FinishAgrees);
            file.Tasks.Select(t => t.Cause).Should().Equal("other", "after a disagreeing task");
            file.Tasks[0].Start.ToString().Should().Be("2027-03-04");
        }

        [Fact]
        public void A_file_that_cannot_be_read_counts_as_refused_with_every_task_disagreeing()
        {
            var expected = new[] { new ExpectedTask("x/broken.xml", 1, "-", new DateTime(2027, 3, 4, 8, 0, 0), new DateTime(2027, 3, 4, 17, 0, 0), "A") };
            var file = MspdiAgreement.Measure("x/broken.xml", Encoding.UTF8.GetBytes("<Project>not MSPDI</Project>"), expected);
            file.Refused.Should().StartWith("not read");
            file.Counted.Should().Be(1);
            file.StartPercent.Should().Be(0);
            file.FinishPercent.Should().Be(0);
        }

        [Fact]
        public void The_import_says_which_task_each_UID_became()
        {
            var xml = "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>t.xml</Name><StartDate>2027-03-04T08:00:00</StartDate><Tasks>" +
                      Task(0, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16, summary: true, level: 0) +
                      Task(7, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16, summary: true) +
                      Task(9, "2027-03-04T08:00:00", "2027-03-05T17:00:00", 16, level: 2) +
                      Task(4, "2027-03-05T17:00:00", "2027-03-05T17:00:00", 0, milestone: true, after: 9) + "</Tasks></Project>";
            var import = MspdiKit.Import(xml, "t.xml");
            import.TaskIds.Should().BeEquivalentTo(new Dictionary<int, string> { [9] = "task-7.task-9", [4] = "task-4" }, "workstreams and the project summary are not tasks");
            var program = TpmProgram.Parse(import.Text!, "t.tpm");
            program.Schedule!.Find("task-7.task-9").Should().NotBeNull();
            program.Schedule.Find("task-4")!.Task.IsMilestone.Should().BeTrue();
        }

        private static FileAgreement MeasureOne(string tasks)
        {
            var xml = "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>t.xml</Name><StartDate>2027-03-04T08:00:00</StartDate>" +
                      "<MinutesPerDay>480</MinutesPerDay><Tasks>" + tasks + "</Tasks></Project>";
            var bytes = Encoding.UTF8.GetBytes(xml);
            var root = XDocument.Parse(xml).Root!;
            XNamespace ns = "http://schemas.microsoft.com/project";
            var expected = root.Element(ns + "Tasks")!.Elements(ns + "Task").Select(t => new ExpectedTask("x/t.xml", (int)t.Element(ns + "UID")!,
                (t.Element(ns + "OutlineLevel")!.Value == "0" ? "P" : "") + (t.Element(ns + "Summary")!.Value == "1" ? "S" : "") + (t.Element(ns + "Milestone")!.Value == "1" ? "M" : ""),
                DateTime.Parse(t.Element(ns + "Start")!.Value, CultureInfo.InvariantCulture), DateTime.Parse(t.Element(ns + "Finish")!.Value, CultureInfo.InvariantCulture), "t")).ToList();
            var file = MspdiAgreement.Measure("x/t.xml", bytes, expected);
            file.Refused.Should().BeNull();
            return file;
        }

        private static string Task(int uid, string start, string finish, int hours, bool milestone = false, bool summary = false, int level = 1, int? after = null) =>
            "<Task><UID>" + uid + "</UID><Name>Task " + uid + "</Name><OutlineLevel>" + level + "</OutlineLevel><Start>" + start + "</Start><Finish>" + finish +
            "</Finish><Duration>PT" + hours + "H0M0S</Duration><Milestone>" + (milestone ? 1 : 0) + "</Milestone><Summary>" + (summary ? 1 : 0) + "</Summary>" +
            (after is int p ? "<PredecessorLink><PredecessorUID>" + p + "</PredecessorUID><Type>1</Type></PredecessorLink>" : "") + "</Task>";
    }
}
