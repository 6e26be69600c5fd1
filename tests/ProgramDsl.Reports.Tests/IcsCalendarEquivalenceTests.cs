using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using ProgramDsl.Reports.Artefacts;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>
    /// calendar.ics writes its events itself, one at a time (issue 11: Ical.Net took 18 s and 8 GB for 250,000 tasks).
    /// These tests hold it to Ical.Net: the file is byte for byte what Ical.Net's serialisation of the whole calendar
    /// (the way it was written before, kept below as <see cref="Reference"/>) gives, on plans that exercise escaping,
    /// folding, surrogate pairs, milestones, critical tasks, the deadline and the last day of the calendar; and a large
    /// plan is written in one pass with a size linear in its tasks.
    /// </summary>
    public class IcsCalendarEquivalenceTests
    {
        /// <summary>The calendar as Ical.Net serialises it whole: the implementation before issue 11, unchanged.</summary>
        internal static string Reference(ProgramSymbol program, Schedule schedule, string toolVersion)
        {
            var calendar = new Ical.Net.Calendar
            {
                ProductId = "-//ProgramDsl//tpm " + toolVersion + "//EN",
                Method = "PUBLISH",
                Scale = "GREGORIAN",
            };
            calendar.AddProperty("X-WR-CALNAME", program.DisplayName);

            var stampDate = IcsCalendar.StampDate(program);
            var stamp = new CalDateTime(stampDate.Year, stampDate.Month, stampDate.Day, 0, 0, 0, "UTC");
            foreach (var task in schedule.Tasks)
            {
                var categories = new List<string> { task.Task.IsMilestone ? "milestone" : "task" };
                if (task.IsCritical) categories.Add("critical");
                calendar.Events.Add(AllDay(
                    IcsCalendar.TaskUid(program, task),
                    task.Task.IsMilestone ? "◆ " + task.Task.DisplayName : task.Task.DisplayName,
                    IcsCalendar.Describe(program, task),
                    task.StartDate,
                    ArtefactText.LastDay(task),
                    categories,
                    stamp));
            }

            if (program.Deadline is CalendarDate deadline)
            {
                calendar.Events.Add(AllDay(
                    IcsCalendar.DeadlineUid(program),
                    "Deadline: " + program.DisplayName,
                    IcsCalendar.DeadlineDescription(schedule, deadline),
                    deadline,
                    deadline,
                    new List<string> { "deadline" },
                    stamp));
            }

            return IcsCalendar.RefoldSurrogatePairs(new CalendarSerializer().SerializeToString(calendar) ?? string.Empty);
        }

        private static CalendarEvent AllDay(
            string uid, string summary, string description, CalendarDate first, CalendarDate last, List<string> categories, CalDateTime stamp)
        {
            var e = new CalendarEvent
            {
                Uid = uid,
                Summary = summary,
                Description = description,
                DtStart = new CalDateTime(first.Year, first.Month, first.Day),
                DtStamp = stamp,
                Categories = categories,
                Transparency = "TRANSPARENT",
            };
            if (last < CalendarDate.MaxValue) e.DtEnd = new CalDateTime(last.AddDays(1).Year, last.AddDays(1).Month, last.AddDays(1).Day);
            else e.Duration = Duration.FromDays(last.DayNumber - first.DayNumber + 1);
            return e;
        }

        private static readonly string Emoji = string.Concat(Enumerable.Repeat("😀", 40));

        /// <summary>Plans with names that need escaping and folding, at both ends of the calendar.</summary>
        public static TheoryData<string> Plans() => new TheoryData<string>
        {
            TestPlans.Demo,
            "program p \"A, b; c\\\\d \\\"q\\\" é " + Emoji + "\" {\n  start 2027-03-01\n  deadline 2027-04-30\n  status-date 2027-03-03\n  currency EUR\n" +
            "  person ana \"Ana, the; lead\" { rate 100/d }\n  person bo \"Bo\" { rate 80/d }\n" +
            "  workstream ws \"Work; stream, one 计划计划计划计划计划计划计划计划计划计划计划计划计划计划计划计划\" {\n" +
            "    task a \"x" + Emoji + "\" { effort 3d  assign ana, bo 50%  progress 25%  actual-start 2027-03-01  due 2027-03-04 }\n" +
            "    task b \"" + new string('w', 200) + ", ;\" { duration 2d  after a }\n" +
            "    task c \"é" + string.Concat(Enumerable.Repeat("ab😀", 30)) + "\" { duration 1d  after a }\n  }\n" +
            "  milestone m \"Done; really, done\" { after ws.b, ws.c  due 2027-03-20 }\n}\n",
            "program edge \"Edge\" {\n  start 9999-12-20\n  deadline 9999-12-31\n  status-date 9999-12-21\n  holiday 9999-12-29 \"Eve\"\n" +
            "  person ana \"Ana\" { rate 100/d }\n  task a \"Alpha\" { duration 5d  assign ana  actual-start 9999-12-20  progress 40% }\n" +
            "  task b \"Beta\" { duration 4d  after a  due 9999-12-31 }\n  milestone m \"Done\" { after b  due 9999-12-31 }\n}\n",
            "program low \"Low\" {\n  start 0001-01-01\n  deadline 0001-01-05\n  person ana \"Ana\" { rate 100/d }\n" +
            "  task a \"Alpha\" { duration 5d  assign ana  actual-start 0001-01-01 }\n  milestone m \"Done\" { after a }\n}\n",
            Generated(300),
        };

        /// <summary>A plan of <paramref name="n"/> tasks in short chains (groups of ten), with some milestones and punctuation in the names.</summary>
        internal static string Generated(int n)
        {
            var text = new StringBuilder("program big \"Big, plan\" {\n  start 2027-01-04\n  deadline 2999-12-31\n  person a \"A\" { rate 10/d }\n  person b \"B\" { }\n");
            for (int i = 0; i < n; i++)
            {
                text.Append(i % 50 == 49 ? "  milestone t" : "  task t").Append(i.ToString(CultureInfo.InvariantCulture))
                    .Append(" \"Task ").Append(i.ToString(CultureInfo.InvariantCulture)).Append(i % 7 == 0 ? ", with; punctuation" : string.Empty).Append("\" { ");
                if (i % 50 != 49) text.Append("duration ").Append(1 + i % 4).Append("d ").Append(i % 3 == 0 ? "assign a " : i % 3 == 1 ? "assign b " : string.Empty);
                if (i % 10 != 0) text.Append("after t").Append(Math.Max(i - i % 10, i - 1 - i % 3).ToString(CultureInfo.InvariantCulture)).Append(' ');
                text.Append("}\n");
            }

            return text.Append("}\n").ToString();
        }

        [Theory]
        [MemberData(nameof(Plans))]
        public void The_calendar_is_byte_for_byte_what_Ical_Net_writes(string plan)
        {
            var compiled = ArtefactPlans.Compile(plan);
            var expected = Reference(compiled.Model!, compiled.Schedule!, "1.2.3");

            IcsCalendar.Write(compiled.Model!, compiled.Schedule!, "1.2.3").Should().Be(expected);
        }

        [Fact]
        public void The_ml_platform_example_calendar_is_byte_for_byte_what_Ical_Net_writes()
        {
            var compiled = ArtefactPlans.MlPlatform();
            var expected = Reference(compiled.Model!, compiled.Schedule!, "0.1.0");

            IcsCalendar.Write(compiled.Model!, compiled.Schedule!, "0.1.0").Should().Be(expected);
        }

        [Fact]
        public void The_artefact_streams_the_same_bytes_as_the_text()
        {
            var compiled = ArtefactPlans.Compile(Generated(300));
            var file = new IcsCalendarArtefact().Emit(new ArtefactContext(compiled.Model!, compiled.Schedule!, compiled.Diagnostics)).Single();
            using var stream = new MemoryStream();
            file.WriteTo(stream);

            stream.ToArray().Should().Equal(new UTF8Encoding(false).GetBytes(Reference(compiled.Model!, compiled.Schedule!, "0.0.0")));
        }

        [Fact]
        public void A_plan_of_20000_tasks_has_one_event_per_task_and_the_deadline_and_its_size_is_linear()
        {
            int Events(string ics) => ics.Split("BEGIN:VEVENT\r\n").Length - 1;
            var small = ArtefactPlans.Compile(Generated(2_000));
            var large = ArtefactPlans.Compile(Generated(20_000));

            var clock = System.Diagnostics.Stopwatch.StartNew();
            var smallIcs = IcsCalendar.Write(small.Model!, small.Schedule!, "1");
            var largeIcs = IcsCalendar.Write(large.Model!, large.Schedule!, "1");

            Events(smallIcs).Should().Be(2_001);
            Events(largeIcs).Should().Be(20_001);
            ((double)largeIcs.Length / smallIcs.Length).Should().BeInRange(9.5, 11);

            // A "does not hang" guard, not a timing: Ical.Net took seconds for this many events.
            clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(60));

            // Read back with Ical.Net: every event is there.
            Ical.Net.Calendar.Load(smallIcs)!.Events.Count.Should().Be(2_001);
        }
    }
}
