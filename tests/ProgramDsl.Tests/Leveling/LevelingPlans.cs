using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>Compiles small plans for the leveling tests.</summary>
    internal static class LevelingPlans
    {
        /// <summary>Wraps members in a program starting Monday 2027-01-04 and compiles it.</summary>
        /// <remarks>Working-day indices from that start: 0 Mon 4, 1 Tue 5, 2 Wed 6, 3 Thu 7, 4 Fri 8, 5 Mon 11, 6 Tue 12, 7 Wed 13, 8 Thu 14, 9 Fri 15, 10 Mon 18.</remarks>
        public static TpmProgram Compile(string body, ScheduleOptions? scheduling = null) =>
            TpmProgram.Parse(Text(body), "plan.tpm", new TpmCompileOptions { Scheduling = scheduling ?? new ScheduleOptions() });

        /// <summary>The whole program text for a body.</summary>
        public static string Text(string body) => "program p \"Test\" {\n  start 2027-01-04\n" + body + "\n}\n";

        /// <summary>Compiles and requires a schedule without errors.</summary>
        public static Schedule Schedule(string body, ScheduleOptions? scheduling = null)
        {
            var result = Compile(body, scheduling);
            result.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            result.Schedule.Should().NotBeNull();
            return result.Schedule!;
        }

        /// <summary>A scheduled task by id, required to exist.</summary>
        public static ScheduledTask Task(this Schedule schedule, string id)
        {
            var t = schedule.Find(id);
            t.Should().NotBeNull("task '{0}' should be scheduled", id);
            return t!;
        }

        /// <summary>A task's [start, finish) indices.</summary>
        public static (int Start, int Finish) Span(this Schedule schedule, string id)
        {
            var t = schedule.Task(id);
            return (t.Start, t.Finish);
        }

        /// <summary>A date from its ISO text.</summary>
        public static CalendarDate D(string iso)
        {
            CalendarDate.TryParse(iso, out var date).Should().BeTrue();
            return date;
        }

        /// <summary>The diagnostics with a code.</summary>
        public static Diagnostic[] WithCode(this TpmProgram program, string code) => program.Diagnostics.Where(d => d.Code == code).ToArray();

        /// <summary>The ids of the critical path.</summary>
        public static string[] PathIds(this Schedule schedule) => schedule.CriticalPath.Select(t => t.Id).ToArray();
    }
}
