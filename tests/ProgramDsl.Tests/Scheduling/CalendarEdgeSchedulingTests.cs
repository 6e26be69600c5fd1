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
    }
}
