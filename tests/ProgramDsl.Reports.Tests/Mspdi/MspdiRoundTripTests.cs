using System.Linq;
using static ProgramDsl.Reports.Tests.Mspdi.MspdiKit;

namespace ProgramDsl.Reports.Tests.Mspdi
{
    /// <summary>
    /// The round trip of issue 7: a plan written as MS Project XML and imported again schedules the same, task by task
    /// (start, finish, duration, float, critical), and writing the imported plan gives the same document.
    /// </summary>
    public class MspdiRoundTripTests
    {
        // Mon..fri from Mon 2027-01-04: index 0 Jan 4, 1 Jan 5, 2 Jan 6, 3 Jan 7, 4 Jan 8, 5 Jan 11, 6 Jan 12, 7 Jan 13, 8 Jan 14.
        // a [0,3). b: fs+2 -> S >= 5, [5,7). c: ss+1 -> [1,5). d: ff+3 -> F >= 8, [6,8). e: sf+4 -> F >= S(b)+4 = 9, [6,9).
        // f: fs-2 after d -> S >= 6, ss-1 after e -> S >= 5: [6,7). done: after f (S >= 7) and ff after e (F >= 9): at 9, Jan 14.
        // Backward from 9: e, b (sf: LS = 9-4), a (fs+2: LF = 5-2) and done are critical; f may finish at 9 (float 2);
        // d, before f by fs-2 (LF = min(9, 7+2)), has float 1, and c, ff+3 before d (LF = 8-3), float 1.
        private const string Dependencies =
            "program deps \"Dependency types\" {\n" +
            "  start 2027-01-04\n" +
            "  task a \"A\" { duration 3d }\n" +
            "  task b \"B\" { duration 2d  after a fs+2d }\n" +
            "  task c \"C\" { duration 4d  after a ss+1d }\n" +
            "  task d \"D\" { duration 2d  after c ff+3d }\n" +
            "  task e \"E\" { duration 3d  after b sf+4d }\n" +
            "  task f \"F\" { duration 1d  after d fs-2d, e ss-1d }\n" +
            "  milestone done \"Done\" { after f, e ff }\n" +
            "}\n";

        // Sunday to Thursday, 7.5-hour days, a two-day break; people on office and short-week calendars, part-time, with
        // a vacation; a test rig two tasks contend for (the leveler orders them); a role the scheduler staffs; progress at
        // the status date; a reached milestone; nested workstreams with workstream dependencies; not-before and due.
        private const string Team =
            "program team \"Team plan\" {\n" +
            "  start 2027-02-07\n" +
            "  status-date 2027-02-10\n" +
            "  workdays sun..thu\n" +
            "  hours-per-day 7.5\n" +
            "  holiday 2027-02-21..2027-02-22 \"Break\"\n" +
            "  calendar cairo \"Cairo office\" { workdays sun..thu  holiday 2027-03-01 \"Local holiday\" }\n" +
            "  calendar short \"Short week\" { workdays mon..wed }\n" +
            "  role dev \"Developer\"\n" +
            "  person ann \"Ann\" { role dev  rate 700/d  vacation 2027-02-28..2027-03-02 }\n" +
            "  person bao \"Bao\" { role dev  capacity 60%  calendar cairo  rate 90/h }\n" +
            "  person cy \"Cy\" { calendar short  rate 500/d }\n" +
            "  resource rig \"Test rig\" { rate 10/h }\n" +
            "  milestone kickoff \"Kickoff\" { actual-finish 2027-02-07 }\n" +
            "  workstream plan \"Planning\" {\n" +
            "    task scope \"Scope\" { effort 4d  assign ann  after kickoff  progress 100%  actual-start 2027-02-07  actual-finish 2027-02-10 }\n" +
            "    task budget \"Budget\" { effort 5d  assign ann 50%, bao  after scope ss+1d  progress 20%  actual-start 2027-02-09  cost 1200 }\n" +
            "  }\n" +
            "  workstream build \"Build\" {\n" +
            "    after plan\n" +
            "    workstream hw \"Hardware\" {\n" +
            "      task proto \"Prototype\" { effort 6d  assign bao, cy 50%  uses rig }\n" +
            "      task test \"Rig test\" { duration 3d  uses rig  after proto ss+1d  priority 900 }\n" +
            "    }\n" +
            "    workstream sw \"Software\" {\n" +
            "      after hw.proto ss\n" +
            "      task code \"Code\" { effort 8d  assign role dev }\n" +
            "      task review \"Review\" { estimate 1d 2d 4d  assign ann  after code ff+1d  due 2027-03-25  note \"Two reviewers\" }\n" +
            "    }\n" +
            "  }\n" +
            "  milestone ship \"Ship\" { after build  not-before 2027-03-21  due 2027-04-01 }\n" +
            "}\n";

        [Fact]
        public void Every_dependency_type_with_lags_and_leads_schedules_by_hand_and_the_same_after_the_round_trip()
        {
            var original = Compile(Dependencies);
            ScheduleRows(original).Should().Equal(
                "a 2027-01-04..2027-01-06 d=3 float=0 critical",
                "b 2027-01-11..2027-01-12 d=2 float=0 critical",
                "c 2027-01-05..2027-01-08 d=4 float=1",
                "d 2027-01-12..2027-01-13 d=2 float=1",
                "e 2027-01-12..2027-01-14 d=3 float=0 critical",
                "f 2027-01-12..2027-01-12 d=1 float=2",
                "done 2027-01-14..2027-01-14 d=0 float=0 critical");

            var import = Import(Export(original));
            import.Text.Should().Contain("after a fs+2d").And.Contain("after a ss+1d").And.Contain("after c ff+3d").And.Contain("after b sf+4d")
                .And.Contain("after d fs-2d, e ss-1d").And.Contain("after f, e ff");
            import.Notes.Should().BeEmpty();
            ScheduleRows(Compile(import.Text!)).Should().Equal(ScheduleRows(original));
        }

        [Fact]
        public void A_plan_with_calendars_people_pools_roles_progress_and_nesting_schedules_the_same_after_the_round_trip()
        {
            var original = Compile(Team);
            var copy = Compile(Import(Export(original)).Text!);

            ScheduleRows(copy).Should().Equal(ScheduleRows(original));
            copy.Schedule!.FinishDate.Should().Be(original.Schedule!.FinishDate);
            copy.Schedule.CriticalPath.Select(t => t.Id).Should().Equal(original.Schedule.CriticalPath.Select(t => t.Id));
            copy.Schedule.Tasks.Select(t => t.Cost).Should().Equal(original.Schedule.Tasks.Select(t => t.Cost));
            copy.Schedule.Tasks.Select(t => string.Join(",", t.Assigned.Select(a => a.Person.Id + ":" + a.Share)))
                .Should().Equal(original.Schedule.Tasks.Select(t => string.Join(",", t.Assigned.Select(a => a.Person.Id + ":" + a.Share))));

            // The leveler had work to do: the rig test waits for the prototype to free the rig.
            original.Schedule.Find("build.hw.test")!.DelayedBy!.Id.Should().Be("rig");
        }

        [Fact]
        public void Writing_the_imported_plan_gives_the_same_document()
        {
            foreach (var plan in new[] { Dependencies, Team })
            {
                var xml = Export(Compile(plan));
                Export(Compile(Import(xml).Text!)).Should().Be(xml);
            }
        }

        [Fact]
        public void What_mspdi_cannot_hold_is_dropped_and_the_rest_kept()
        {
            var text = Import(Export(Compile(Team))).Text!;

            // The role is staffed by the person the scheduler chose; calendars take their titles as ids; the estimate
            // becomes the effort it was scheduled with.
            text.Should().Contain("      task code \"Code\" {\n        effort 8d\n        assign ann\n");
            text.Should().Contain("  calendar cairo-office \"Cairo office\" {\n    workdays mon..thu, sun\n    holiday 2027-03-01 \"Local holiday\"\n  }\n");
            text.Should().Contain("      task review \"Review\" {\n        effort 2d\n        assign ann\n        after code ff+1d\n        due 2027-03-25\n        note \"Two reviewers\"\n");

            // Effort comes back as MS Project's work, units x duration: 5d over Ann 50% and Bao at 60% took ceil(5 / 1.1) = 5
            // days, which is 1.1 x 5 = 5.5 person-days; 5.5 / 1.1 schedules the same 5 days.
            text.Should().Contain("    task budget \"Budget\" {\n      effort 5.5d\n      assign ann 50%, bao\n");
            text.Should().Contain("  person bao \"Bao\" {\n    capacity 60%\n    rate 90/h\n    calendar cairo-office\n  }\n");
            text.Should().Contain("  milestone kickoff \"Kickoff\" {\n    actual-finish 2027-02-07\n  }\n");
            text.Should().NotContain("role ").And.NotContain("estimate");
        }

        [Fact]
        public void References_are_the_shortest_the_compiler_resolves_to_the_same_task()
        {
            const string plan =
                "program refs {\n" +
                "  start 2027-01-04\n" +
                "  workstream a { task review { duration 1d } }\n" +
                "  workstream b {\n" +
                "    task review { duration 2d }\n" +
                "    task x { duration 1d  after review }\n" +
                "    workstream inner { task y { duration 1d  after a.review, b.review, x } }\n" +
                "  }\n" +
                "  task top { duration 1d  after a.review, b.inner.y }\n" +
                "}\n";
            var original = Compile(plan);
            var import = Import(Export(original));

            // 'review' alone is ambiguous at the program level, so it is qualified there; inside b it is b's own.
            import.Text.Should().Contain("    task x {\n      duration 1d\n      after review\n");
            import.Text.Should().Contain("      task y {\n        duration 1d\n        after a.review, review, x\n");
            import.Text.Should().Contain("  task top {\n    duration 1d\n    after a.review, y\n");
            ScheduleRows(Compile(import.Text!)).Should().Equal(ScheduleRows(original));
        }
    }
}
