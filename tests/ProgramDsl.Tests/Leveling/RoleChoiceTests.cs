using ProgramDsl.Scheduling;
using ProgramDsl.Scheduling.Leveling;
using static ProgramDsl.Tests.Leveling.LevelingPlans;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>Role work goes to the holder that shortens the program, not only to the least loaded one.</summary>
    public class RoleChoiceTests
    {
        // Ana (4 days of named work, a → s) is less loaded than Bo (5 days, z), so balancing by load gives r to Ana.
        // Then Ana's a and r both head 6-day chains and one of them waits: 4 + 3 + 6 = 13 working days.
        // With r on Bo, r [0,3) and a [0,4) start at once, t [3,9) and s [4,10) follow, and z fits on Bo at [3,8):
        // 10 working days, the length of a → s, so nothing shorter exists.
        private const string Plan =
            "  role ds \"Data scientist\"\n" +
            "  person ana \"Ana\" { role ds }\n" +
            "  person bo \"Bo\" { role ds }\n" +
            "  person cy \"Cy\"\n" +
            "  person dan \"Dan\"\n" +
            "  task a { effort 4d  assign ana }\n" +
            "  task s { effort 6d  assign dan  after a }\n" +
            "  task z { effort 5d  assign bo }\n" +
            "  task r { effort 3d  assign role ds }\n" +
            "  task t { effort 6d  assign cy  after r }";

        [Fact]
        public void A_role_goes_to_the_holder_that_shortens_the_program()
        {
            var s = Schedule(Plan);

            s.Task("r").Assigned.Should().ContainSingle().Which.Person.Id.Should().Be("bo");
            s.Task("r").Assigned[0].ViaRole!.Id.Should().Be("ds");
            s.Span("r").Should().Be((0, 3));
            s.Span("t").Should().Be((3, 9));
            s.FinishIndex.Should().Be(10);
        }

        [Fact]
        public void Quick_effort_keeps_the_load_balanced_choice()
        {
            var s = Schedule(Plan, new ScheduleOptions { Effort = LevelingEffort.Quick });

            s.Task("r").Assigned[0].Person.Id.Should().Be("ana");
            s.FinishIndex.Should().Be(13);
        }

        [Fact]
        public void A_started_task_keeps_its_role_holder()
        {
            var s = Schedule(Plan.Replace("task r { effort 3d  assign role ds }", "task r { effort 3d  assign role ds  actual-start 2027-01-04 }"));

            s.Task("r").Assigned[0].Person.Id.Should().Be("ana");
        }
    }
}
