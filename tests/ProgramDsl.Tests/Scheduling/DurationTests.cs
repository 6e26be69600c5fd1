using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>Working days of a task: effort over shares and capacities, durations in hours and weeks.</summary>
    public class DurationTests
    {
        private const string People = @"
  person a ""A""
  person b ""B""
  person half ""Half"" { capacity 50% }
";

        [Theory]
        // 10 / (0.5 + 1) = 6.67 → 7.
        [InlineData("effort 10d  assign a 50%, b", 7)]
        // 10 / 1 = 10.
        [InlineData("effort 10d  assign a", 10)]
        // 10 / 2 = 5.
        [InlineData("effort 10d  assign a, b", 5)]
        // capacity 50%: 3 / 0.5 = 6.
        [InlineData("effort 3d  assign half", 6)]
        // capacity 50% × share 50%: 2 / 0.25 = 8.
        [InlineData("effort 2d  assign half 50%", 8)]
        // 7 / (1 + 0.5) = 4.67 → 5.
        [InlineData("effort 7d  assign a, half", 5)]
        // a duration ignores the assignees.
        [InlineData("duration 4d  assign a, b", 4)]
        // 1.5 days → 2.
        [InlineData("duration 12h", 2)]
        // 2 weeks of 5 working days.
        [InlineData("duration 2w", 10)]
        // estimate alone: the most likely value, as effort when assigned: 4 / 0.5 = 8.
        [InlineData("estimate 2d 4d 9d  assign a 50%", 8)]
        [InlineData("estimate 2d 4d 9d", 4)]
        // effort in hours: 20h = 2.5 days over 1 person → 3.
        [InlineData("effort 20h  assign a", 3)]
        public void Working_days_of_a_task(string work, int days)
        {
            var s = Schedule(People + "task t { " + work + " }");
            var t = s.Task("t");
            t.DurationDays.Should().Be(days);
            (t.Start, t.Finish).Should().Be((0, days));
        }

        [Fact]
        public void Effort_ten_days_over_a_half_and_a_whole_person_ends_on_the_seventh_day()
        {
            // 7 days from Mon Jan 4: Jan 4-8 and Mon 11, Tue 12.
            var s = Schedule(People + "task t { effort 10d  assign a 50%, b }");
            s.Task("t").FinishDate.Should().Be(D("2027-01-12"));
        }

        [Fact]
        public void Effort_without_assignee_is_a_duration_with_a_warning()
        {
            var p = CompileBody("task t { effort 3d }");
            p.HasErrors.Should().BeFalse();
            p.WithCode("TPM2003").Should().ContainSingle();
            p.Schedule!.Task("t").DurationDays.Should().Be(3);
        }

        [Theory]
        // hours-per-day 6: 12h = 2 days; 13h = 2.17 → 3; 1w is still 5 working days.
        [InlineData("duration 12h", 2)]
        [InlineData("duration 13h", 3)]
        [InlineData("duration 1w", 5)]
        [InlineData("duration 6h", 1)]
        public void Hours_per_day_converts_hours(string work, int days)
        {
            var s = Schedule("hours-per-day 6\n task t { " + work + " }");
            s.Task("t").DurationDays.Should().Be(days);
        }

        [Fact]
        public void Hours_per_day_applies_wherever_it_is_written()
        {
            // The setting after the task still converts its hours: 12h / 4 = 3 days.
            var s = Schedule("task t { duration 12h }\n hours-per-day 4");
            s.Task("t").DurationDays.Should().Be(3);
        }

        [Fact]
        public void Lag_in_hours_rounds_up_to_a_working_day()
        {
            // fs+4h = 0.5 day → 1: b starts at 2 + 1 = 3 (Thu Jan 7).
            var s = Schedule("task a { duration 2d }\n task b { duration 1d  after a fs+4h }");
            s.Task("b").Start.Should().Be(3);
            s.Task("b").StartDate.Should().Be(D("2027-01-07"));
        }
    }
}
