using System;
using System.Linq;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>Date ↔ working-day index mapping, checked against the 2027 wall calendar.</summary>
    public class WorkingCalendarTests
    {
        private static WorkingCalendar Calendar(string start, WeekdaySet workdays, params (string From, string To)[] daysOff) =>
            new WorkingCalendar(D(start), workdays, daysOff.Select(r => new DateRange(D(r.From), D(r.To))));

        private static readonly WeekdaySet SunToThu = new WeekdaySet(new[] { DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday });

        [Fact]
        public void Weekdays_and_a_holiday_map_both_ways()
        {
            // Mon 2027-01-04 is index 0; weeks of five: Jan 4-8 = 0..4, Jan 11-15 = 5..9;
            // Mon Jan 18 is a holiday, so Tue Jan 19 = 10, Fri Jan 22 = 13, Mon Jan 25 = 14.
            var c = Calendar("2027-01-04", WeekdaySet.MondayToFriday, ("2027-01-18", "2027-01-18"));
            c.DateOf(0).Should().Be(D("2027-01-04"));
            c.DateOf(4).Should().Be(D("2027-01-08"));
            c.DateOf(5).Should().Be(D("2027-01-11"));
            c.DateOf(9).Should().Be(D("2027-01-15"));
            c.DateOf(10).Should().Be(D("2027-01-19"));
            c.DateOf(13).Should().Be(D("2027-01-22"));
            c.DateOf(14).Should().Be(D("2027-01-25"));
            c.IndexOf(D("2027-01-19")).Should().Be(10);
            c.IndexOf(D("2027-01-25")).Should().Be(14);
            c.IsWorkingDay(D("2027-01-18")).Should().BeFalse();
            c.IsWorkingDay(D("2027-01-16")).Should().BeFalse("a Saturday");
            c.IsWorkingDay(D("2027-01-03")).Should().BeFalse("before the start");
            c.IsWorkingDay(D("2027-01-19")).Should().BeTrue();

            // Sat 16, Sun 17 and the holiday Mon 18 all lead to Tue 19 (index 10); looking back they give Fri 15 (9).
            c.FirstIndexOnOrAfter(D("2027-01-16")).Should().Be(10);
            c.FirstIndexOnOrAfter(D("2027-01-18")).Should().Be(10);
            c.LastIndexOnOrBefore(D("2027-01-18")).Should().Be(9);
            c.LastIndexOnOrBefore(D("2027-01-17")).Should().Be(9);
            c.FirstIndexOnOrAfter(D("2026-12-01")).Should().Be(0);
            c.LastIndexOnOrBefore(D("2027-01-03")).Should().Be(-1);
            c.DaysOffCount.Should().Be(1);
            FluentActions.Invoking(() => c.IndexOf(D("2027-01-18"))).Should().Throw<ArgumentException>();
        }

        [Fact]
        public void A_year_of_weeks_lands_on_the_same_weekday()
        {
            // 52 weeks × 5 days = 260: index 260 is Monday 364 days later, 2028-01-03.
            var c = Calendar("2027-01-04", WeekdaySet.MondayToFriday);
            c.DateOf(260).Should().Be(D("2028-01-03"));
            c.IndexOf(D("2028-01-03")).Should().Be(260);
            c.DateOf(259).Should().Be(D("2027-12-31"));
        }

        [Fact]
        public void A_start_on_a_weekend_begins_on_the_next_working_day()
        {
            // Sat 2027-01-02: index 0 is Mon Jan 4, index 5 is Mon Jan 11.
            var c = Calendar("2027-01-02", WeekdaySet.MondayToFriday);
            c.DateOf(0).Should().Be(D("2027-01-04"));
            c.DateOf(5).Should().Be(D("2027-01-11"));
            c.FirstIndexOnOrAfter(D("2027-01-02")).Should().Be(0);
            c.FirstIndexOnOrAfter(D("2027-01-05")).Should().Be(1);
            c.LastIndexOnOrBefore(D("2027-01-03")).Should().Be(-1);
            c.IsWorkingDay(D("2027-01-02")).Should().BeFalse();
        }

        [Fact]
        public void Sunday_to_thursday_weeks()
        {
            // Start Fri 2027-01-01: Sun 3 = 0, Mon 4 = 1, Thu 7 = 4, Sun 10 = 5, Thu 14 = 9, Sun 17 = 10.
            var c = Calendar("2027-01-01", SunToThu);
            c.DateOf(0).Should().Be(D("2027-01-03"));
            c.DateOf(1).Should().Be(D("2027-01-04"));
            c.DateOf(4).Should().Be(D("2027-01-07"));
            c.DateOf(5).Should().Be(D("2027-01-10"));
            c.DateOf(9).Should().Be(D("2027-01-14"));
            c.DateOf(10).Should().Be(D("2027-01-17"));
            c.IsWorkingDay(D("2027-01-08")).Should().BeFalse("a Friday");
            c.FirstIndexOnOrAfter(D("2027-01-08")).Should().Be(5);
            c.LastIndexOnOrBefore(D("2027-01-09")).Should().Be(4);
        }

        [Fact]
        public void Holiday_ranges_skip_a_week_and_ignore_weekends_and_days_before_the_start()
        {
            // Mon 2027-03-22 = 0 .. Fri 26 = 4; Mar 29..Apr 2 off; Mon Apr 5 = 5, Fri Apr 9 = 9.
            // Fri 26..Mon 29 off in the second calendar leaves Mon 22..Thu 25 = 0..3, Tue 30 = 4, Wed 31 = 5.
            var week = Calendar("2027-03-22", WeekdaySet.MondayToFriday, ("2027-03-29", "2027-04-02"), ("2027-03-01", "2027-03-05"));
            week.DateOf(4).Should().Be(D("2027-03-26"));
            week.DateOf(5).Should().Be(D("2027-04-05"));
            week.DateOf(9).Should().Be(D("2027-04-09"));
            week.DaysOffCount.Should().Be(5, "the range before the start is ignored");
            week.FirstIndexOnOrAfter(D("2027-03-31")).Should().Be(5);
            week.LastIndexOnOrBefore(D("2027-03-31")).Should().Be(4);

            var bridge = Calendar("2027-03-22", WeekdaySet.MondayToFriday, ("2027-03-26", "2027-03-29"));
            bridge.DaysOffCount.Should().Be(2, "Saturday and Sunday in the range are not working days anyway");
            bridge.DateOf(3).Should().Be(D("2027-03-25"));
            bridge.DateOf(4).Should().Be(D("2027-03-30"));
            bridge.DateOf(5).Should().Be(D("2027-03-31"));
        }

        [Fact]
        public void A_holiday_on_the_start_day_moves_index_zero()
        {
            // Start Mon Jan 4 is itself a holiday: index 0 = Tue Jan 5.
            var c = Calendar("2027-01-04", WeekdaySet.MondayToFriday, ("2027-01-04", "2027-01-04"));
            c.DateOf(0).Should().Be(D("2027-01-05"));
            c.FirstIndexOnOrAfter(D("2027-01-04")).Should().Be(0);
            c.LastIndexOnOrBefore(D("2027-01-04")).Should().Be(-1);
        }

        [Fact]
        public void A_calendar_without_working_weekdays_is_empty()
        {
            var c = Calendar("2027-01-04", new WeekdaySet(Array.Empty<DayOfWeek>()));
            c.IsEmpty.Should().BeTrue();
            c.IsWorkingDay(D("2027-01-04")).Should().BeFalse();
            FluentActions.Invoking(() => c.DateOf(0)).Should().Throw<InvalidOperationException>();
        }

        [Fact]
        public void Program_holidays_and_workdays_reach_the_schedule()
        {
            // Program mon..fri with MLK day Jan 18: 15 working days from Mon Jan 4 are indices 0..14,
            // and index 14 is Mon Jan 25 (see the first test).
            var s = Schedule("holiday 2027-01-18 \"MLK Day\"\n task a { duration 15d }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((0, 15));
            a.StartDate.Should().Be(D("2027-01-04"));
            a.FinishDate.Should().Be(D("2027-01-25"));
        }

        [Fact]
        public void Program_on_sunday_to_thursday_starting_on_a_friday()
        {
            // Start Fri Jan 1; working days Sun 3, Mon 4, Tue 5, Wed 6, Thu 7, Sun 10, Mon 11: 7 days end Mon Jan 11.
            var s = Schedule("workdays sun..thu\n task a { duration 7d }", start: "2027-01-01");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((0, 7));
            a.StartDate.Should().Be(D("2027-01-03"));
            a.FinishDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void Program_holiday_range_in_a_plan()
        {
            // Start Mon Mar 22, Mar 29..Apr 2 off: 6 days are Mar 22-26 and Mon Apr 5.
            var s = Schedule("holiday 2027-03-29..2027-04-02 \"Easter week\"\n task a { duration 6d }", start: "2027-03-22");
            s.Task("a").FinishDate.Should().Be(D("2027-04-05"));
            s.Task("a").Finish.Should().Be(6);
        }

        [Fact]
        public void Program_starting_on_a_saturday()
        {
            // Sat Jan 2: the first task starts Mon Jan 4 (index 0); one day ends the same day.
            var s = Schedule("task a { duration 1d }\n milestone kickoff { }", start: "2027-01-02");
            s.Task("a").StartDate.Should().Be(D("2027-01-04"));
            s.Task("a").FinishDate.Should().Be(D("2027-01-04"));
            // A milestone at index 0 is dated at the program start, even on a Saturday.
            s.Task("kickoff").Start.Should().Be(0);
            s.Task("kickoff").StartDate.Should().Be(D("2027-01-02"));
        }
    }
}
