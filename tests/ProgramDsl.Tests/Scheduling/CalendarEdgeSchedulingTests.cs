using System.Linq;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>
    /// Dates derived after the passes (late dates, tracked work at a status date) near 9999-12-31. The plans are valid
    /// otherwise: status dates on or after the start, actual starts on or before the status date (else TPM1102).
    /// </summary>
    public class CalendarEdgeSchedulingTests
    {
        [Theory]
        [InlineData("9998-12-28", "  deadline 9999-12-16\n  status-date 9999-12-30\n  workdays mon..sun\n  person ana \"Ana\" { rate 589/d }\n" +
                                  "  task t0 \"T0\" { duration 2d  assign ana  not-before 9999-12-24  actual-start 9999-12-08  progress 50% }\n" +
                                  "  task t1 \"T1\" { duration 1d  not-before 9999-12-10  due 9999-12-31  actual-start 9999-12-03  progress 50% }\n" +
                                  "  task t2 \"T2\" { duration 1d  assign ana  due 9999-12-14 }")]
        [InlineData("9999-12-27", "  status-date 9999-12-28\n  holiday 9999-12-21\n  person ana \"Ana\" { rate 675/d }\n" +
                                  "  task t0 \"T0\" { duration 1d  actual-start 9999-12-27  progress 50% }\n  task t1 \"T1\" { duration 3d  assign ana }\n" +
                                  "  task t2 \"T2\" { duration 2d  assign ana }\n  task t3 \"T3\" { duration 1d  assign ana  not-before 9999-12-30 }")]
        public void A_date_past_the_calendar_found_after_the_passes_is_TPM2005_not_an_exception(string start, string body)
        {
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody(body, start)).Should().NotThrow();
            p!.Schedule.Should().BeNull();
            p.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Should().Equal("TPM2005");
        }

        // A person's vacation gives the leveler a calendar table of its own; it used to tabulate days ahead of the
        // last one the calendar can name, so any vacation near the end made a plan that fits report TPM2005.
        [Fact]
        public void A_vacation_near_the_end_of_the_calendar_leaves_a_fitting_plan_leveled()
        {
            var s = Schedule("  person p \"P\" { vacation 9999-12-01..9999-12-03 }\n  task a \"A\" { effort 5d  assign p }", "9999-11-01");
            s.IsLeveled.Should().BeTrue();
            s.Task("a").StartDate.Should().Be(D("9999-11-01"));
            s.Task("a").FinishDate.Should().Be(D("9999-11-05"));
        }

        [Fact]
        public void Leveled_work_may_end_on_the_last_day_of_the_calendar_across_a_vacation()
        {
            // 9999-12-20 is a Monday; with 21..22 off, Ana has exactly 8 working days left: a takes 5, b the last 3.
            var s = Schedule("  person ana \"Ana\" { vacation 9999-12-21..9999-12-22 }\n  task a \"A\" { effort 5d  assign ana }\n  task b \"B\" { effort 3d  assign ana }", "9999-12-20");
            s.IsLeveled.Should().BeTrue();
            s.Task("a").FinishDate.Should().Be(D("9999-12-28"));
            s.Task("b").StartDate.Should().Be(D("9999-12-29"));
            s.Task("b").FinishDate.Should().Be(D("9999-12-31"));
        }

        [Fact]
        public void Leveled_work_one_day_past_the_end_of_the_calendar_is_still_TPM2005()
        {
            var p = CompileBody("  person ana \"Ana\" { vacation 9999-12-21..9999-12-22 }\n  task a \"A\" { effort 5d  assign ana }\n  task b \"B\" { effort 4d  assign ana }", "9999-12-20");
            p.Schedule.Should().BeNull();
            p.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Should().Equal("TPM2005");
        }

        [Fact]
        public void Without_leveling_over_allocations_at_both_ends_of_the_calendar_are_each_reported()
        {
            // The load is kept in pages where Ana is booked, not over the 2.6 million days between the two clashes.
            var p = CompileBody("  leveling off\n  person ana \"Ana\" {}\n  task a \"A\" { duration 2d  assign ana }\n  task b \"B\" { duration 3d  assign ana }\n" +
                                "  task y \"Y\" { duration 2d  assign ana  not-before 9999-12-27 }\n  task z \"Z\" { duration 1d  assign ana  not-before 9999-12-28 }", "0001-01-01");
            p.Schedule.Should().NotBeNull();
            var messages = p.Diagnostics.Where(d => d.Code == "TPM2101").Select(d => d.Message).ToList();
            messages.Should().HaveCount(2);
            messages[0].Should().Contain("'ana' is over-allocated on 0001-01-01..0001-01-02 (2 working days, up to 200%) by 'a', 'b'");
            messages[1].Should().Contain("'ana' is over-allocated on 9999-12-28 (1 working day, up to 200%) by 'y', 'z'");
        }
    }
}
