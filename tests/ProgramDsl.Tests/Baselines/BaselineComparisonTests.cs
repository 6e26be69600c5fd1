using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Baselines;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Baselines
{
    /// <summary>Slips of hostile baselines: dates anywhere in 0001–9999, counted as the schedule counts working days.</summary>
    public class BaselineComparisonTests
    {
        // Holidays before and after the start, so the early calendar must count them as the schedule does.
        private const string Plan = @"program churn {
  start 2027-01-06
  holiday 2026-12-24..2026-12-26
  holiday 2027-01-01
  holiday 2027-01-18
  task a { duration 5d }
  milestone m { after a }
}
";

        private static BaselineSnapshot Baseline(params (string Id, CalendarDate Start, CalendarDate Finish)[] items) =>
            new BaselineSnapshot("q1", "churn", "churn", items.Min(i => i.Start), items.Max(i => i.Finish), 0, 0m,
                items.Select(i => new SnapshotItem(i.Id, i.Id, false, i.Start, i.Finish, 0, 0m, 0m, Array.Empty<SnapshotAssignment>(), false)).ToList(), Array.Empty<string>());

        [Fact]
        public void Slips_from_dates_far_before_and_after_the_start_equal_the_schedules_count()
        {
            var schedule = TpmProgram.Parse(Plan).Schedule!;
            var a = schedule.Tasks[0];
            var gen = Gen.Int[CalendarDate.MinValue.DayNumber, CalendarDate.MaxValue.DayNumber];
            Gen.Select(gen, gen, Gen.Int[schedule.StartDate.DayNumber - 40, schedule.StartDate.DayNumber + 40]).Sample((s, f, near) =>
            {
                var start = new CalendarDate(Math.Min(s, near));
                var finish = new CalendarDate(Math.Max(f, near));
                var slip = BaselineComparison.Compare(schedule, Baseline(("a", start, finish)), "b.json").SlipOf(a.Task)!;
                slip.StartSlipDays.Should().Be(schedule.WorkingDaysBetween(start, a.StartDate), start.ToString());
                slip.FinishSlipDays.Should().Be(schedule.WorkingDaysBetween(finish, a.FinishDate), finish.ToString());
            }, iter: 300);
        }

        [Fact]
        public void Hand_counted_slips_across_the_holidays()
        {
            var schedule = TpmProgram.Parse(Plan).Schedule!;
            // a runs Wed 2027-01-06 .. Tue 2027-01-12. Planned 2026-12-23 (Wed) .. 2027-01-05 (Tue): from the 23rd the working
            // days up to the 6th are the 28th–31st (the 24th–26th and 1 January are holidays), the 4th and the 5th, then the 6th: 7.
            var slip = BaselineComparison.Compare(schedule, Baseline(("a", CalendarDate.FromYmd(2026, 12, 23), CalendarDate.FromYmd(2027, 1, 5))), "b.json").SlipOf(schedule.Tasks[0].Task)!;
            slip.StartSlipDays.Should().Be(7);
            // Finish: from Tue the 5th to Tue the 12th: 6th, 7th, 8th, 11th, 12th.
            slip.FinishSlipDays.Should().Be(5);
            // m is at a's finish, the 12th; planned for Tue the 19th, it is 4 working days early (13th, 14th, 15th, 19th: the 18th is a holiday).
            var early = BaselineComparison.Compare(schedule, Baseline(("m", CalendarDate.FromYmd(2027, 1, 19), CalendarDate.FromYmd(2027, 1, 19))), "b.json");
            early.SlipOf(schedule.Tasks[1].Task)!.FinishSlipDays.Should().Be(-4);
            early.Added.Select(t => t.Id).Should().Equal("a");
            early.Removed.Should().BeEmpty();
        }

        [Fact]
        public void Two_hundred_thousand_distinct_early_dates_against_many_holidays_compare_in_one_pass()
        {
            var holidays = string.Concat(Enumerable.Range(0, 2000).Select(i => "  holiday " + CalendarDate.FromYmd(2020, 1, 1).AddDays(-3 * i) + "\n"));
            var schedule = TpmProgram.Parse(Plan.Replace("  task a", holidays + "  task a")).Schedule!;
            var items = Enumerable.Range(0, 200_000)
                .Select(i => ("old" + i, CalendarDate.FromYmd(1000, 1, 1).AddDays(i * 7), CalendarDate.FromYmd(1000, 1, 1).AddDays(i * 7 + 1)))
                .Append(("a", CalendarDate.FromYmd(1, 1, 1), CalendarDate.MaxValue))
                .ToArray();

            var comparison = BaselineComparison.Compare(schedule, Baseline(items), "b.json");

            comparison.Removed.Should().HaveCount(200_000);
            var a = schedule.Tasks[0];
            comparison.SlipOf(a.Task)!.StartSlipDays.Should().Be(schedule.WorkingDaysBetween(CalendarDate.FromYmd(1, 1, 1), a.StartDate));
            comparison.SlipOf(a.Task)!.FinishSlipDays.Should().Be(schedule.WorkingDaysBetween(CalendarDate.MaxValue, a.FinishDate)).And.BeNegative();
        }
    }
}
