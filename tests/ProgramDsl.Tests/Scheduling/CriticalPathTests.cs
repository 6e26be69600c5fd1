using System.Linq;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>Late dates, total float, the critical flag, the critical path and the program finish. Start Mon 2027-01-04.</summary>
    public class CriticalPathTests
    {
        private static string[] PathOf(ProgramDsl.Scheduling.Schedule s) => s.CriticalPath.Select(t => t.Id).ToArray();

        [Fact]
        public void Through_workstream_gates_a_critical_bound_that_lands_in_the_tasks_days_off_drives_it()
        {
            // t starts after q's vacation (Jan 25) whether the bound is a's (Jan 7) or b's (Jan 8): both drive it, and
            // the path follows the critical one, a, though the inner gate's own time is b's. Found by the property test
            // Critical_path_is_a_chain_of_critical_tasks_to_the_finish (CsCheck seed 1d3m6WLLRaO1).
            var s = Schedule(
                "person q { vacation 2027-01-07..2027-01-22 }\n task a { duration 5d }\n task b { duration 1d }\n task z { duration 15d  after a }\n" +
                " workstream outer {\n  after a ss+3d\n  workstream inner {\n   after b ss+4d\n   task t { duration 5d  assign q }\n  }\n }\n" +
                " milestone done { after outer.inner.t, z }");
            s.Task("outer.inner.t").StartDate.Should().Be(D("2027-01-25"));
            s.Task("b").IsCritical.Should().BeFalse();
            PathOf(s).Should().Equal("a", "outer.inner.t", "done");
        }

        [Fact]
        public void Late_dates_and_float_of_a_join()
        {
            // a [0,5), b [0,2), c after a, b [5,8). Finish 8. Backward: c LS 5 LF 8; a LF 5 LS 0; b LF 5 LS 3 → float 3.
            var s = Schedule("task a { duration 5d }\n task b { duration 2d }\n task c { duration 3d  after a, b }");
            var a = s.Task("a");
            var b = s.Task("b");
            var c = s.Task("c");
            (a.LateStart, a.LateFinish, a.TotalFloat, a.IsCritical).Should().Be((0, 5, 0, true));
            (b.LateStart, b.LateFinish, b.TotalFloat, b.IsCritical).Should().Be((3, 5, 3, false));
            (c.LateStart, c.LateFinish, c.TotalFloat, c.IsCritical).Should().Be((5, 8, 0, true));
            // b could start Thu Jan 7 (3) and end Fri Jan 8 (4) at the latest.
            b.LateStartDate.Should().Be(D("2027-01-07"));
            b.LateFinishDate.Should().Be(D("2027-01-08"));
            PathOf(s).Should().Equal("a", "c");
            s.FinishIndex.Should().Be(8);
            s.DurationDays.Should().Be(8);
            // index 7 = Wed Jan 13.
            s.FinishDate.Should().Be(D("2027-01-13"));
        }

        [Fact]
        public void Parallel_chains_of_different_length()
        {
            // p1 [0,3) → p2 [3,7); q1 [0,2) → q2 [2,4) → q3 [4,6); end after p2, q3 → [7,8).
            // The q chain is one day shorter: each q task has float 1; the path is p1, p2, end.
            var s = Schedule(@"task p1 { duration 3d }  task p2 { duration 4d  after p1 }
                               task q1 { duration 2d }  task q2 { duration 2d  after q1 }  task q3 { duration 2d  after q2 }
                               task end { duration 1d  after p2, q3 }");
            foreach (var q in new[] { "q1", "q2", "q3" })
            {
                s.Task(q).TotalFloat.Should().Be(1, q);
                s.Task(q).IsCritical.Should().BeFalse(q);
            }

            (s.Task("q3").LateStart, s.Task("q3").LateFinish).Should().Be((5, 7));
            PathOf(s).Should().Equal("p1", "p2", "end");
            s.FinishIndex.Should().Be(8);
        }

        [Fact]
        public void Parallel_chains_without_a_join_follow_the_longer()
        {
            // The q chain ([0,6)) ends a day before the p chain ([0,7)): the program finishes at 7.
            var s = Schedule(@"task q1 { duration 2d }  task q2 { duration 2d  after q1 }  task q3 { duration 2d  after q2 }
                               task p1 { duration 3d }  task p2 { duration 4d  after p1 }");
            PathOf(s).Should().Equal("p1", "p2");
            s.Task("q3").TotalFloat.Should().Be(1);
            s.FinishIndex.Should().Be(7);
            // index 6 = Tue Jan 12.
            s.FinishDate.Should().Be(D("2027-01-12"));
        }

        [Fact]
        public void Critical_path_runs_through_a_workstream_dependency()
        {
            // data: x [0,3), y [0,5); z after data [5,7). x float 2.
            var s = Schedule(@"workstream data { task x { duration 3d }  task y { duration 5d } }
                               task z { duration 2d  after data }");
            PathOf(s).Should().Equal("data.y", "z");
            s.Task("data.x").TotalFloat.Should().Be(2);
            s.Task("data.x").LateStart.Should().Be(2);
        }

        [Fact]
        public void Critical_path_runs_through_a_workstream_after()
        {
            // model after a: m [4,6) follows a [0,4); b [0,3) has float 3.
            var s = Schedule(@"task a { duration 4d }  task b { duration 3d }
                               workstream model { after a  task m { duration 2d } }");
            PathOf(s).Should().Equal("a", "model.m");
            s.Task("b").TotalFloat.Should().Be(3);
        }

        [Theory]
        [InlineData("after w")]
        [InlineData("after w.a")]
        public void Critical_path_looks_through_a_workstream_whose_successor_waits_for_a_vacation(string after)
        {
            // a (Ben) [0,3) Jan 4-6; b (Cat, away Thu Jan 7 = index 3) starts Fri Jan 8 [4,6).
            // Backward: b LS 4, so a may end by 4 — but Ben is away on index 3 too, so a's LF is 3: float 0.
            // Through the workstream as directly, a drives b and both are critical.
            var s = Schedule(@"person ben ""Ben"" { vacation 2027-01-07 }
                               person cat ""Cat"" { vacation 2027-01-07 }
                               workstream w { task a { duration 3d  assign ben } }
                               task b { duration 2d  assign cat  " + after + " }");
            (s.Task("w.a").Start, s.Task("w.a").Finish, s.Task("w.a").TotalFloat).Should().Be((0, 3, 0));
            (s.Task("b").Start, s.Task("b").Finish, s.Task("b").TotalFloat).Should().Be((4, 6, 0));
            PathOf(s).Should().Equal("w.a", "b");
        }

        [Fact]
        public void Finish_to_finish_predecessor_is_on_the_path()
        {
            // a [0,5); b ff+2d → [4,7). Finish 7: a's late finish is LF(b) − 2 = 5, so both are critical.
            var s = Schedule("task a { duration 5d }\n task b { duration 3d  after a ff+2d }");
            s.Task("a").TotalFloat.Should().Be(0);
            s.Task("b").TotalFloat.Should().Be(0);
            PathOf(s).Should().Equal("a", "b");
        }

        [Fact]
        public void Start_to_start_predecessor_is_on_the_path_when_it_drives()
        {
            // a [0,2); b after a ss+1d → [1,7) ends last. a late: LS ≤ LS(b) − 1 = 0, so a is critical (float 0).
            var s = Schedule("task a { duration 2d }\n task b { duration 6d  after a ss+1d }");
            s.Task("a").TotalFloat.Should().Be(0);
            s.Task("a").LateFinish.Should().Be(2);
            PathOf(s).Should().Equal("a", "b");
        }

        [Fact]
        public void Milestone_float_and_the_path_through_it()
        {
            // a [0,5); m after a at 5; b after m [5,7); c [0,1) float 6.
            var s = Schedule("task a { duration 5d }\n milestone m { after a }\n task b { duration 2d  after m }\n task c { duration 1d }");
            s.Task("m").TotalFloat.Should().Be(0);
            (s.Task("c").LateStart, s.Task("c").TotalFloat).Should().Be((6, 6));
            PathOf(s).Should().Equal("a", "m", "b");
        }

        [Fact]
        public void Not_before_starts_the_critical_path()
        {
            // a not-before Wed Jan 6 (2) → [2,5); b [0,3) has float 2; the path is just a.
            var s = Schedule("task a { duration 3d  not-before 2027-01-06 }\n task b { duration 3d }");
            PathOf(s).Should().Equal("a");
            s.Task("b").TotalFloat.Should().Be(2);
            s.FinishIndex.Should().Be(5);
        }

        [Fact]
        public void Float_under_a_vacation_counts_program_working_days()
        {
            // Ben is away Mon 11 - Fri 15 (indices 5..9). long [0,12). short with Ben: 3 days, at the latest ends at 12
            // on Ben's days: indices 11, 10, then 4 (before the vacation) → LS = 4, float 4 − 0 = 4.
            var s = Schedule(@"person ben ""Ben"" { vacation 2027-01-11..2027-01-15 }
                               task long { duration 12d }
                               task short { duration 3d  assign ben }");
            var t = s.Task("short");
            (t.Start, t.Finish).Should().Be((0, 3));
            (t.LateStart, t.LateFinish).Should().Be((4, 12));
            t.TotalFloat.Should().Be(4);
        }

        [Theory]
        // The workstream's 'after' would put its tasks at 10, past the program finish 5, but it has no tasks...
        [InlineData("workstream w { after a fs+5d }")]
        // ...or only a started one, which does not move: either way it must not hold a back.
        [InlineData("workstream w { after a fs+5d  task s { duration 2d  actual-start 2027-01-04 } }")]
        public void A_workstream_after_that_constrains_no_unstarted_task_leaves_its_predecessor_alone(string workstream)
        {
            // a [0,5) ends the program: late [0,5), float 0 — not late start −5.
            var s = Schedule("task a { duration 5d }\n " + workstream);
            var a = s.Task("a");
            (a.LateStart, a.LateFinish, a.TotalFloat).Should().Be((0, 5, 0));
            a.LateStartDate.Should().Be(D("2027-01-04"));
            PathOf(s).Should().Equal("a");
        }

        [Fact]
        public void Program_finish_and_duration()
        {
            // 12 days from Mon Jan 4 with MLK Jan 18 off: Jan 4-8, 11-15, 19, 20 → finish Wed Jan 20.
            var s = Schedule("holiday 2027-01-18\n task a { duration 12d }");
            s.FinishIndex.Should().Be(12);
            s.DurationDays.Should().Be(12);
            s.FinishDate.Should().Be(D("2027-01-20"));
            s.StartDate.Should().Be(D("2027-01-04"));
        }

        [Fact]
        public void The_hello_example_by_hand()
        {
            // data: Ben, 5 days Jan 4-8 [0,5). model: Ana 10 days from 5: Jan 11-15, 19-22 (MLK 18), Jan 25 → [5,15).
            // report: Ana + Ben 50%; Ben away Jan 25-29 (indices 14..18), so it starts Mon Feb 1 (19): [19,22), to Wed Feb 3.
            // done: S = 22, dated Feb 3. Costs: 5×750, 10×800, 3×800 + 3×0.5×750.
            // Backward: report LS 19; model may end by 19 (Ana works Jan 26-29) → LS 9, float 4; data LF 9 → float 4.
            // So Ben's vacation, not the chain before it, drives the finish: the critical path is report, done.
            var text = System.IO.File.ReadAllText(System.IO.Path.Combine(Robustness.RepoFiles.Root, "examples", "hello", "program.tpm"));
            var p = TpmProgram.Parse(text, "examples/hello/program.tpm");
            p.HasErrors.Should().BeFalse();
            var s = p.Schedule!;
            (s.Task("data").Start, s.Task("data").Finish).Should().Be((0, 5));
            (s.Task("model").Start, s.Task("model").Finish).Should().Be((5, 15));
            s.Task("model").FinishDate.Should().Be(D("2027-01-25"));
            (s.Task("report").Start, s.Task("report").Finish).Should().Be((19, 22));
            s.Task("report").StartDate.Should().Be(D("2027-02-01"));
            s.Task("done").StartDate.Should().Be(D("2027-02-03"));
            s.FinishDate.Should().Be(D("2027-02-03"));
            s.DurationDays.Should().Be(22);
            (s.Task("model").LateStart, s.Task("model").LateFinish, s.Task("model").TotalFloat).Should().Be((9, 19, 4));
            s.Task("model").LateFinishDate.Should().Be(D("2027-01-29"));
            s.Task("data").TotalFloat.Should().Be(4);
            s.Task("report").TotalFloat.Should().Be(0);
            PathOf(s).Should().Equal("report", "done");
            s.Task("data").Cost.Should().Be(3750m);
            s.Task("model").Cost.Should().Be(8000m);
            s.Task("report").Cost.Should().Be(3525m);
            s.Cost.Should().Be(15275m);
            p.WithCode("TPM2201").Should().BeEmpty();
            p.WithCode("TPM2202").Should().BeEmpty();
        }
    
        /// <summary>The plan of CsCheck seed aQI9AuR2nta1 (Critical_path_is_a_chain_of_critical_tasks_to_the_finish).</summary>
        private const string LeadBeforeTheStartPlan = @"program gen ""Generated"" {
  start 2027-12-04
  leveling off
  workdays sun..thu
  hours-per-day 8
  holiday 2027-12-21..2027-12-26 ""Off""
  holiday 2028-04-10..2028-04-13 ""Off""
  holiday 2028-05-27..2028-05-28 ""Off""
  holiday 2028-07-10..2028-07-17 ""Off""
  holiday 2028-06-01..2028-06-08 ""Off""
  calendar c0 ""C"" { workdays mon..thu  holiday 2028-01-27..2028-02-06  holiday 2027-12-21..2027-12-21  holiday 2028-02-25..2028-03-07 }
  calendar c1 ""C"" { workdays mon..fri }
  person p0 ""P"" { capacity 50%  calendar c0 }
  person p1 ""P"" { capacity 50%  calendar c1  vacation 2027-12-19..2027-12-27 }
  person p2 ""P"" { capacity 25%  calendar c1 }
  person p3 ""P"" { capacity 75%  calendar c1  vacation 2028-06-10..2028-06-21 }
  person p4 ""P"" { capacity 100%  calendar c0  vacation 2028-01-26..2028-02-01 }
  workstream w0 ""W"" {
    after t0 ss-4d
    workstream w1 ""W"" { workstream w2 ""W"" { task t1 { effort 6d } } }
  }
  workstream w3 ""W"" {
    task t0 { duration 4d  assign p0 25%, p3 25%  not-before 2027-11-30  due 2028-02-05 }
  }
  workstream w4 ""W"" { }
}
";

        [Fact]
        public void A_lead_that_reaches_before_the_program_start_does_not_drive()
        {
            // Start Sat 2027-12-04, workdays sun..thu: index 0 = Sun Dec 5, 1..4 = Mon..Thu Dec 6..9, 5 = Sun Dec 12.
            // t0 works only Mon..Thu (p0 mon..thu, p3 mon..fri): ES 0 → [1,5). t1 (effort, no assignee: 6d on the
            // program calendar) has S ≥ S(t0) − 4 = −3, so the program start binds: [0,6). Finish 6.
            // Backward: t0 LF = the last end on or before 6 it can work to = 5 (Sun Dec 12 is not its day), LS 1,
            // and the ss lead allows LS ≤ LS(t1) + 4 = 4: float 0, critical, yet it does not drive t1. The chain of
            // critical tasks from the start to the finish is t1 alone.
            var p = Compile(LeadBeforeTheStartPlan);
            p.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            var s = p.Schedule!;
            var t0 = s.Task("w3.t0");
            var t1 = s.Task("w0.w1.w2.t1");
            (t0.Start, t0.Finish, t0.LateStart, t0.LateFinish, t0.TotalFloat, t0.IsCritical).Should().Be((1, 5, 1, 5, 0, true));
            (t1.Start, t1.Finish, t1.LateStart, t1.LateFinish, t1.TotalFloat, t1.IsCritical).Should().Be((0, 6, 0, 6, 0, true));
            t0.StartDate.Should().Be(D("2027-12-06"));
            t1.FinishDate.Should().Be(D("2027-12-12"));
            s.FinishIndex.Should().Be(6);
            PathOf(s).Should().Equal("w0.w1.w2.t1");
        }

        [Fact]
        public void A_lead_before_the_program_start_on_the_task_itself_does_not_drive()
        {
            // The same lead written on the task rather than on its workstream: the same schedule and the same path.
            var p = Compile(LeadBeforeTheStartPlan
                .Replace("    after t0 ss-4d\n", string.Empty)
                .Replace("task t1 { effort 6d }", "task t1 { effort 6d  after t0 ss-4d }"));
            p.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            var s = p.Schedule!;
            (s.Task("w0.w1.w2.t1").Start, s.Task("w0.w1.w2.t1").Finish).Should().Be((0, 6));
            s.Task("w3.t0").IsCritical.Should().BeTrue();
            PathOf(s).Should().Equal("w0.w1.w2.t1");
        }
}
}
