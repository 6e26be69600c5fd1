using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>
    /// Dependency types with lags and leads, on tasks and workstreams. All plans start Mon 2027-01-04 on mon..fri:
    /// indices 0..4 are Jan 4-8, 5..9 are Jan 11-15, 10..14 are Jan 18-22.
    /// </summary>
    public class DependencyTests
    {
        [Theory]
        // fs+2d: S ≥ F(a) + 2 = 5 + 2 = 7 (Wed Jan 13); 3 days → F = 10, finish Fri Jan 15.
        [InlineData("fs+2d", 7, 10, "2027-01-13", "2027-01-15")]
        // fs (default): S ≥ 5 (Mon Jan 11).
        [InlineData("", 5, 8, "2027-01-11", "2027-01-13")]
        // fs-2d (lead): S ≥ 3 (Thu Jan 7); F = 6, finish Mon Jan 11.
        [InlineData("fs -2d", 3, 6, "2027-01-07", "2027-01-11")]
        // ss+2d: S ≥ S(a) + 2 = 2 (Wed Jan 6); F = 5.
        [InlineData("ss+2d", 2, 5, "2027-01-06", "2027-01-08")]
        // ff+2d: F ≥ F(a) + 2 = 7, pushed later from [0,3) to [4,7): Fri Jan 8 .. Tue Jan 12.
        [InlineData("ff+2d", 4, 7, "2027-01-08", "2027-01-12")]
        // ff: F ≥ 5 → [2,5).
        [InlineData("ff", 2, 5, "2027-01-06", "2027-01-08")]
        // ff-1d: F ≥ 4 → [1,4).
        [InlineData("ff-1d", 1, 4, "2027-01-05", "2027-01-07")]
        // sf+6d: F ≥ S(a) + 6 = 6 → [3,6): Thu Jan 7 .. Mon Jan 11.
        [InlineData("sf+6d", 3, 6, "2027-01-07", "2027-01-11")]
        // sf+1d: F ≥ 1 holds already for [0,3).
        [InlineData("sf+1d", 0, 3, "2027-01-04", "2027-01-06")]
        // 1w lag = 5 working days: S ≥ 10 (Mon Jan 18).
        [InlineData("fs+1w", 10, 13, "2027-01-18", "2027-01-20")]
        public void Dependency_on_a_task_starting_at_zero(string type, int start, int finish, string startDate, string finishDate)
        {
            var s = Schedule("task a { duration 5d }\n task b { duration 3d  after a " + type + " }");
            var b = s.Task("b");
            (b.Start, b.Finish).Should().Be((start, finish));
            b.StartDate.Should().Be(D(startDate));
            b.FinishDate.Should().Be(D(finishDate));
        }

        [Theory]
        // c [0,4), a [4,9). ss-2d: S(b) ≥ 4 - 2 = 2 (Wed Jan 6), 2 days → [2,4).
        [InlineData("ss-2d", 2, 4)]
        // sf-1d: F(b) ≥ S(a) - 1 = 3 → [1,3).
        [InlineData("sf-1d", 1, 3)]
        // ff-3d: F(b) ≥ 9 - 3 = 6 → [4,6).
        [InlineData("ff-3d", 4, 6)]
        // fs-1d: S(b) ≥ 9 - 1 = 8 → [8,10).
        [InlineData("fs-1d", 8, 10)]
        public void Leads_on_a_task_that_starts_later(string type, int start, int finish)
        {
            var s = Schedule("task c { duration 4d }\n task a { duration 5d  after c }\n task b { duration 2d  after a " + type + " }");
            s.Task("a").Start.Should().Be(4);
            var b = s.Task("b");
            (b.Start, b.Finish).Should().Be((start, finish));
        }

        [Fact]
        public void A_lead_cannot_start_a_task_before_the_program()
        {
            // ss-3d from a task at 0 asks for S ≥ -3: the program start (0) wins.
            var s = Schedule("task a { duration 5d }\n task b { duration 2d  after a ss-3d }");
            s.Task("b").Start.Should().Be(0);
        }

        [Fact]
        public void Finish_to_finish_pushes_over_a_weekend_and_a_holiday()
        {
            // Holiday Mon Jan 11: indices 0..4 Jan 4-8, 5 = Tue 12, 6 = Wed 13, 7 = Thu 14.
            // a [0,5); b ff+2d needs F ≥ 7: b (2 days) = [5,7) Tue 12, Wed 13.
            var s = Schedule("holiday 2027-01-11\n task a { duration 5d }\n task b { duration 2d  after a ff+2d }");
            var b = s.Task("b");
            (b.Start, b.Finish).Should().Be((5, 7));
            b.StartDate.Should().Be(D("2027-01-12"));
            b.FinishDate.Should().Be(D("2027-01-13"));
        }

        [Fact]
        public void Several_predecessors_take_the_latest_bound()
        {
            // a [0,5), c [0,2); b after a ss+1d (S ≥ 1), c fs+3d (S ≥ 5): S = 5.
            var s = Schedule("task a { duration 5d }\n task c { duration 2d }\n task b { duration 1d  after a ss+1d, c fs+3d }");
            s.Task("b").Start.Should().Be(5);
        }

        [Fact]
        public void After_a_workstream_waits_for_all_its_tasks()
        {
            // data: x [0,3), y [0,5) → z after data starts at 5 (Mon Jan 11).
            var s = Schedule(@"workstream data { task x { duration 3d }  task y { duration 5d } }
                               task z { duration 2d  after data }");
            var z = s.Task("z");
            (z.Start, z.Finish).Should().Be((5, 7));
            z.StartDate.Should().Be(D("2027-01-11"));
        }

        [Fact]
        public void After_a_workstream_includes_nested_workstreams()
        {
            // The inner workstream's task w [0,8) is part of data: z starts at 8.
            var s = Schedule(@"workstream data { task x { duration 3d }  workstream inner { task w { duration 8d } } }
                               task z { duration 2d  after data fs+1d }");
            s.Task("z").Start.Should().Be(9);
        }

        [Fact]
        public void After_an_empty_workstream_constrains_nothing()
        {
            // "After all tasks of empty" is vacuous, lag included: b starts at index 0, and so does the task
            // of a workstream whose own 'after' names only the empty one.
            var s = Schedule(@"workstream empty { workstream inner { } }
 task b { duration 2d  after empty fs+3d }
 workstream later { after empty.inner  task c { duration 1d } }");
            s.Task("b").Start.Should().Be(0);
            s.Task("later.c").Start.Should().Be(0);
        }

        [Fact]
        public void After_a_workstream_start_to_start_waits_for_every_task_to_start()
        {
            // x [0,3), y after x [3,8): 'after data ss' is after all its tasks have started → S(z) ≥ max(0, 3) = 3;
            // with +1d, 4.
            var s = Schedule(@"workstream data { task x { duration 3d }  task y { duration 5d  after x } }
                               task z { duration 2d  after data ss }
                               task z1 { duration 2d  after data ss+1d }");
            s.Task("z").Start.Should().Be(3);
            s.Task("z1").Start.Should().Be(4);
        }

        [Fact]
        public void Workstream_after_constrains_all_its_tasks_and_nested_ones()
        {
            // data ends at 8 (x [0,3), y [3,8)); every task in model and model.inner starts at 8, Thu Jan 14.
            var s = Schedule(@"workstream data { task x { duration 3d }  task y { duration 5d  after x } }
                               workstream model {
                                 after data
                                 task m1 { duration 2d }
                                 task m2 { duration 1d }
                                 milestone mm { }
                                 workstream inner { task m3 { duration 1d } }
                               }");
            foreach (var id in new[] { "model.m1", "model.m2", "model.inner.m3" })
            {
                s.Task(id).Start.Should().Be(8, id);
                s.Task(id).StartDate.Should().Be(D("2027-01-14"), id);
            }

            // A milestone with no work at index 8 is dated at index 7 (Wed Jan 13), the day data finishes.
            s.Task("model.mm").Start.Should().Be(8);
            s.Task("model.mm").StartDate.Should().Be(D("2027-01-13"));
        }

        [Fact]
        public void Workstream_after_with_start_to_start_and_lag()
        {
            // x [0,3); model after x ss+1d → its tasks start at 1; a task's own later constraint still wins.
            var s = Schedule(@"task x { duration 3d }
                               workstream model { after x ss+1d
                                 task m1 { duration 2d }
                                 task m2 { duration 2d  after x } }");
            s.Task("model.m1").Start.Should().Be(1);
            s.Task("model.m2").Start.Should().Be(3);
        }

        [Fact]
        public void Not_before_on_a_weekend_starts_on_the_next_working_day()
        {
            // not-before Sat Jan 9 → Mon Jan 11, index 5; 2 days → F = 7.
            var s = Schedule("task a { duration 2d  not-before 2027-01-09 }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((5, 7));
            a.StartDate.Should().Be(D("2027-01-11"));
            a.FinishDate.Should().Be(D("2027-01-12"));
        }

        [Fact]
        public void Not_before_and_a_dependency_take_the_later()
        {
            // a [0,5); b after a with not-before Wed Jan 6 (2): S = 5. c after a with not-before Wed Jan 13 (7): S = 7.
            var s = Schedule("task a { duration 5d }\n task b { duration 1d  after a  not-before 2027-01-06 }\n task c { duration 1d  after a  not-before 2027-01-13 }");
            s.Task("b").Start.Should().Be(5);
            s.Task("c").Start.Should().Be(7);
        }

        [Fact]
        public void Actual_start_fixes_the_start_even_against_a_dependency()
        {
            // a [0,5); b started Tue Jan 5 (index 1) → [1,4), finish Thu Jan 7.
            var s = Schedule("task a { duration 5d }\n task b { duration 3d  after a  actual-start 2027-01-05 }");
            var b = s.Task("b");
            (b.Start, b.Finish).Should().Be((1, 4));
            b.StartDate.Should().Be(D("2027-01-05"));
            b.FinishDate.Should().Be(D("2027-01-07"));
            // A started task's float is late finish − early finish: it may end by the program finish 5, so 1.
            b.TotalFloat.Should().Be(1);
            // It does not hold back its predecessor: a keeps zero float against the program finish.
            s.Task("a").TotalFloat.Should().Be(0);
        }

        [Fact]
        public void Actual_start_and_finish_fix_both_ends()
        {
            // Started Tue Jan 5 (1), finished Mon Jan 11 (5) → [1,6) whatever the duration says.
            var s = Schedule("task a { duration 2d  actual-start 2027-01-05  actual-finish 2027-01-11 }\n task b { duration 1d  after a }");
            var a = s.Task("a");
            (a.Start, a.Finish).Should().Be((1, 6));
            a.FinishDate.Should().Be(D("2027-01-11"));
            s.Task("b").Start.Should().Be(6);
        }

        [Fact]
        public void Reached_milestone_keeps_its_date()
        {
            // a [0,5) ends Fri Jan 8, but m was reached on Wed Jan 6 (index 2): S = 3, dated Jan 6; b after m starts at 3.
            var s = Schedule("task a { duration 5d }\n milestone m { after a  actual-finish 2027-01-06 }\n task b { duration 1d  after m }");
            s.Task("m").StartDate.Should().Be(D("2027-01-06"));
            s.Task("b").Start.Should().Be(3);
        }

        [Fact]
        public void A_milestone_reached_on_the_last_representable_day_that_is_a_holiday_is_dated_the_day_before()
        {
            // 9999-12-31 is a Friday; as a holiday, the last working day on or before it is Thursday 9999-12-30.
            var p = CompileBody("holiday 9999-12-31\n milestone m { actual-finish 9999-12-31 }");
            p.Diagnostics.Should().BeEmpty();
            p.Schedule!.Task("m").StartDate.Should().Be(D("9999-12-30"));
        }

        [Theory]
        // a [0,5) ends Fri Jan 8 (index 4). Reached Wed Jan 6 (2): S = 3, before a ends — a reached milestone does not move.
        [InlineData("2027-01-06", 3, "2027-01-06")]
        // Reached Sat Jan 9: the last working day on or before it is Fri Jan 8 (4), S = 5.
        [InlineData("2027-01-09", 5, "2027-01-08")]
        // Reached Wed Jan 13 (7): S = 8, later than a alone would put it.
        [InlineData("2027-01-13", 8, "2027-01-13")]
        public void Reached_milestone_keeps_its_date_in_the_scheduler(string reached, int start, string date)
        {
            // Scheduled straight from the bound model while the binder still rejects the plan (see above).
            var p = TpmProgram.Parse("program p \"P\" {\n start 2027-01-04\n task a { duration 5d }\n milestone m { after a  actual-finish " + reached + " }\n task b { duration 1d  after m }\n}", "plan.tpm",
                new TpmCompileOptions { Schedule = false });
            var s = ProgramDsl.Scheduling.ProgramScheduler.Run(p.Model!).Schedule!;
            (s.Task("m").Start, s.Task("m").Finish).Should().Be((start, start));
            s.Task("m").StartDate.Should().Be(D(date));
            s.Task("b").Start.Should().Be(start);
        }

        [Fact]
        public void Milestone_is_dated_at_its_predecessors_last_day()
        {
            // a [0,5) ends Fri Jan 8; m after a has S = 5 and is dated at index 4, Fri Jan 8 (not Mon Jan 11).
            var s = Schedule("task a { duration 5d }\n milestone m { after a }\n task b { duration 1d  after m }");
            var m = s.Task("m");
            (m.Start, m.Finish, m.DurationDays).Should().Be((5, 5, 0));
            m.StartDate.Should().Be(D("2027-01-08"));
            m.FinishDate.Should().Be(D("2027-01-08"));
            s.Task("b").Start.Should().Be(5);
        }

        [Fact]
        public void Milestone_with_a_lag()
        {
            // m after a fs+2d: S = 7, dated at index 6 (Tue Jan 12).
            var s = Schedule("task a { duration 5d }\n milestone m { after a fs+2d }");
            s.Task("m").Start.Should().Be(7);
            s.Task("m").StartDate.Should().Be(D("2027-01-12"));
        }

        [Fact]
        public void Milestone_at_program_start_is_dated_at_the_start_date()
        {
            // Sunday start: index 0 is Mon Jan 4, but a milestone at S = 0 takes the program start, Sun Jan 3.
            var s = Schedule("milestone kickoff { }\n task a { duration 1d  after kickoff }", start: "2027-01-03");
            s.Task("kickoff").StartDate.Should().Be(D("2027-01-03"));
            s.Task("a").StartDate.Should().Be(D("2027-01-04"));
        }
    }
}
