using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>A task works only on days all its assignees work: their calendars, holidays and vacations.</summary>
    public class PersonCalendarTests
    {
        private const string People = @"
  calendar part ""Part time"" { workdays mon, wed, fri }
  calendar emea ""EMEA"" { workdays mon..fri  holiday 2027-01-06 ""Epiphany"" }
  calendar gulf ""Gulf office"" { workdays sun..thu }
  person pat ""Pat"" { calendar part }
  person eve ""Eve"" { calendar emea }
  person omar ""Omar"" { calendar gulf }
  person ben ""Ben"" { vacation 2027-01-06..2027-01-08 }
  person cat ""Cat"" { vacation 2027-01-04..2027-01-05 }
  person dan ""Dan""
";

        [Fact]
        public void Part_time_calendar_spreads_the_task()
        {
            // Pat works Mon 4, Wed 6, Fri 8, Mon 11 (program indices 0, 2, 4, 5): 4 days end Mon Jan 11, F = 6.
            var s = Schedule(People + "task a { duration 4d  assign pat }");
            var a = s.Task("a");
            (a.Start, a.Finish, a.DurationDays).Should().Be((0, 6, 4));
            a.StartDate.Should().Be(D("2027-01-04"));
            a.FinishDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void Calendar_holidays_of_a_person_are_skipped()
        {
            // Eve's calendar has Wed Jan 6 off: 3 days are Mon 4, Tue 5, Thu 7 (index 3), F = 4.
            // Dan has no calendar and works Jan 4-6.
            var s = Schedule(People + "task a { duration 3d  assign eve }\n task b { duration 3d  assign dan }");
            s.Task("a").FinishDate.Should().Be(D("2027-01-07"));
            s.Task("a").Finish.Should().Be(4);
            s.Task("b").FinishDate.Should().Be(D("2027-01-06"));
            s.Task("b").Finish.Should().Be(3);
        }

        [Fact]
        public void Different_workdays_intersect_with_the_program_calendar()
        {
            // Omar works sun..thu, the program mon..fri: together mon..thu. 5 days: Mon 4 .. Thu 7, then Mon 11 (index 5).
            var s = Schedule(People + "task a { duration 5d  assign omar }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((0, 6));
            a.FinishDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void Vacation_in_the_middle_stretches_the_task()
        {
            // Ben is away Wed 6 - Fri 8: 5 days are Mon 4, Tue 5, Mon 11, Tue 12, Wed 13 (index 7), F = 8.
            var s = Schedule(People + "task a { duration 5d  assign ben }");
            var a = s.Task("a");
            (a.Start, a.Finish, a.DurationDays).Should().Be((0, 8, 5));
            a.FinishDate.Should().Be(D("2027-01-13"));
        }

        [Fact]
        public void Vacation_at_the_start_delays_the_start()
        {
            // Cat is away Mon 4 - Tue 5: 2 days are Wed 6 (index 2) and Thu 7.
            var s = Schedule(People + "task a { duration 2d  assign cat }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((2, 4));
            a.StartDate.Should().Be(D("2027-01-06"));
            a.FinishDate.Should().Be(D("2027-01-07"));
        }

        [Fact]
        public void Two_assignees_lose_both_their_days_off()
        {
            // Ben (off 6-8) and Cat (off 4-5) together first work Mon 11 (index 5): 3 days Mon 11 - Wed 13, F = 8.
            var s = Schedule(People + "task a { duration 3d  assign ben, cat }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((5, 8));
            a.StartDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void Person_days_off_combine_with_program_holidays_and_dependencies()
        {
            // Program holiday Mon 11. a: Jan 4-5 ([0,2)). b after a with Ben: Wed 6 - Fri 8 vacation, Mon 11 holiday,
            // so b starts Tue 12 (program index 5: Jan 4,5,6,7,8 = 0..4, Jan 12 = 5) and runs Tue 12, Wed 13 → F = 7.
            var s = Schedule(People + "holiday 2027-01-11\n task a { duration 2d }\n task b { duration 2d  assign ben  after a }");
            var b = s.Task("b");
            (b.Start, b.Finish).Should().Be((5, 7));
            b.StartDate.Should().Be(D("2027-01-12"));
            b.FinishDate.Should().Be(D("2027-01-13"));
        }
    }
}
