using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>The arithmetic working calendar agrees with a day-by-day count.</summary>
    public class CalendarProperties
    {
        private static readonly CalendarDate Epoch = CalendarDate.FromYmd(2027, 1, 1);

        private static readonly Gen<(int Start, int Mask, (int From, int Length)[] Off)> Calendars = Gen.Select(
            Gen.Int[0, 30],
            Gen.Int[1, 127],
            Gen.Select(Gen.Int[-20, 300], Gen.Frequency((8, Gen.Int[0, 6]), (1, Gen.Int[7, 400]))).Array[0, 12]);

        [Fact]
        public void Dates_and_indices_agree_with_counting_day_by_day()
        {
            Calendars.Sample(c =>
            {
                var start = Epoch.AddDays(c.Start);
                var workdays = new WeekdaySet(Enumerable.Range(0, 7).Where(d => (c.Mask & (1 << d)) != 0).Select(d => (DayOfWeek)d));
                var ranges = c.Off.Select(o => new DateRange(start.AddDays(o.From), start.AddDays(o.From + o.Length))).ToArray();
                var calendar = new WorkingCalendar(start, workdays, ranges);

                bool Works(CalendarDate d) => d >= start && workdays.Contains(d.DayOfWeek) && !ranges.Any(r => r.Contains(d));
                var days = new List<CalendarDate>();
                int horizon = 900;
                for (int k = 0; k < horizon; k++)
                {
                    if (Works(start.AddDays(k))) days.Add(start.AddDays(k));
                }

                int offCount = ranges.SelectMany(r => Enumerable.Range(0, r.To.DayNumber - r.From.DayNumber + 1).Select(r.From.AddDays))
                    .Distinct().Count(d => d >= start && workdays.Contains(d.DayOfWeek));
                if (calendar.DaysOffCount != offCount) throw new Exception($"days off {calendar.DaysOffCount}, expected {offCount}");

                for (int i = 0; i < days.Count; i++)
                {
                    if (calendar.DateOf(i) != days[i]) throw new Exception($"DateOf({i}) = {calendar.DateOf(i)}, expected {days[i]}");
                    if (calendar.IndexOf(days[i]) != i) throw new Exception($"IndexOf({days[i]}) = {calendar.IndexOf(days[i])}, expected {i}");
                }

                int before = 0;
                for (int k = -3; k < horizon - 20; k++)
                {
                    var d = start.AddDays(k);
                    if (calendar.IsWorkingDay(d) != Works(d)) throw new Exception($"IsWorkingDay({d}) = {calendar.IsWorkingDay(d)}");
                    if (calendar.FirstIndexOnOrAfter(d) != before) throw new Exception($"FirstIndexOnOrAfter({d}) = {calendar.FirstIndexOnOrAfter(d)}, expected {before}");
                    int last = Works(d) ? before : before - 1;
                    if (calendar.LastIndexOnOrBefore(d) != last) throw new Exception($"LastIndexOnOrBefore({d}) = {calendar.LastIndexOnOrBefore(d)}, expected {last}");
                    if (Works(d)) before++;
                }
            }, iter: 300);
        }

        [Fact]
        public void A_holiday_range_of_thousands_of_years_is_cheap()
        {
            // Arithmetic on ranges: no day-by-day expansion of 2027..9999.
            var start = CalendarDate.FromYmd(2027, 1, 4);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var calendar = new WorkingCalendar(start, WeekdaySet.MondayToFriday,
                new[] { new DateRange(CalendarDate.FromYmd(2027, 2, 1), CalendarDate.MaxValue) });
            watch.Stop();
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
            // Jan 4..29 2027 are 20 working days; after that nothing works.
            calendar.DateOf(19).Should().Be(CalendarDate.FromYmd(2027, 1, 29));
            calendar.IsWorkingDay(CalendarDate.FromYmd(5000, 6, 2)).Should().BeFalse();
            calendar.FirstIndexOnOrAfter(CalendarDate.FromYmd(5000, 6, 2)).Should().Be(20);
            FluentActions.Invoking(() => calendar.DateOf(20)).Should().Throw<Exception>();
        }

        [Fact]
        public void A_vacation_to_the_end_of_time_is_a_diagnostic_quickly()
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var p = TpmProgram.Parse("program p \"P\" {\n start 2027-01-04\n holiday 2027-02-01..9999-12-31\n person a \"A\" { vacation 2027-01-01..9999-12-31 }\n task t { duration 1d  assign a }\n task u { duration 30d }\n}");
            watch.Stop();
            // The scheduler stops at the first task that runs past the end.
            p.Diagnostics.Select(d => d.Code).Should().Equal("TPM2005");
            watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(2));
        }
    }
}
