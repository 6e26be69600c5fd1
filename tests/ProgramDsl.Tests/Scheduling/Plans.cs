using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>Compiles small plans for the scheduler tests.</summary>
    internal static class Plans
    {
        /// <summary>Compiles a whole .tpm text.</summary>
        public static TpmProgram Compile(string text) => TpmProgram.Parse(text, "plan.tpm");

        /// <summary>Wraps members in a program that starts on <paramref name="start"/> and compiles it.</summary>
        public static TpmProgram CompileBody(string body, string start = "2027-01-04") =>
            Compile("program p \"Test\" {\n  start " + start + "\n" + body + "\n}\n");

        /// <summary>Compiles and requires a schedule without errors.</summary>
        public static Schedule Schedule(string body, string start = "2027-01-04")
        {
            var result = CompileBody(body, start);
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

        /// <summary>A date from its ISO text.</summary>
        public static CalendarDate D(string iso)
        {
            CalendarDate.TryParse(iso, out var date).Should().BeTrue();
            return date;
        }

        /// <summary>The diagnostics with a code.</summary>
        public static Diagnostic[] WithCode(this TpmProgram program, string code) => program.Diagnostics.Where(d => d.Code == code).ToArray();
    }
}
