using System;
using System.Linq;
using ProgramDsl.Diagnostics;
using static ProgramDsl.Tests.Scheduling.Plans;

namespace ProgramDsl.Tests.Scheduling
{
    /// <summary>TPM2001, TPM2004, TPM2005, TPM2201 and TPM2202. Start Mon 2027-01-04 unless said otherwise.</summary>
    public class SchedulingDiagnosticsTests
    {
        private static Diagnostic SingleCycle(TpmProgram p)
        {
            p.Schedule.Should().BeNull();
            p.HasErrors.Should().BeTrue();
            var cycles = p.WithCode("TPM2001");
            cycles.Should().ContainSingle();
            var d = cycles[0];
            d.Severity.Should().Be(DiagnosticSeverity.Error);
            d.Location.Should().NotBeNull();
            d.Location!.Value.Path.Should().Be("plan.tpm");
            return d;
        }

        /// <summary>The text of the line a location is on.</summary>
        private static string LineOf(Diagnostic d)
        {
            var src = d.Location!.Value.Source;
            int start = src.GetLineStart(d.Location!.Value.Start.Line);
            int end = src.Text.IndexOf('\n', start);
            return src.Text.Substring(start, (end < 0 ? src.Text.Length : end) - start);
        }

        [Fact]
        public void Two_task_cycle_names_both_and_points_at_an_after_item()
        {
            var p = CompileBody("task a { duration 1d  after b }\n task b { duration 1d  after a }");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'a'").And.Contain("'b'");
            d.Message.Should().MatchRegex("'(a|b)' → '(a|b)' → '(a|b)'");
            d.Location!.Value.Text.Should().BeOneOf("a", "b");
            LineOf(d).Should().Contain("after " + d.Location!.Value.Text);
            // The other dependency on the cycle is an additional location.
            d.AdditionalLocations.Should().ContainSingle().Which.Text.Should().BeOneOf("a", "b");
        }

        [Fact]
        public void Three_task_cycle_names_every_task()
        {
            var p = CompileBody("task a { duration 1d  after c }\n task b { duration 1d  after a }\n task c { duration 1d  after b }\n task free { duration 1d }");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'a'").And.Contain("'b'").And.Contain("'c'").And.NotContain("free");
            d.Message.Should().StartWith("dependency cycle: ");
            LineOf(d).Should().Contain("after " + d.Location!.Value.Text);
            d.AdditionalLocations.Should().HaveCount(2);
        }

        [Fact]
        public void Self_dependency_is_a_cycle()
        {
            var p = CompileBody("task a { duration 1d  after a }");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'a' → 'a'");
            d.Location!.Value.Text.Should().Be("a");
            LineOf(d).Should().Contain("after a");
        }

        [Fact]
        public void Task_after_its_own_workstream_is_a_cycle()
        {
            var p = CompileBody("workstream ws {\n  task t { duration 1d  after ws }\n}");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'ws.t'").And.Contain("ws");
            d.Location!.Value.Text.Should().Be("ws");
            d.Location!.Value.Start.Line.Should().Be(4, "the after item is on the task's line (line 1 is 'program', 2 'start', 3 'workstream')");
        }

        [Fact]
        public void Workstream_waiting_for_its_own_task_is_a_cycle()
        {
            var p = CompileBody("workstream ws {\n  after ws.t\n  task t { duration 1d }\n}");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'ws.t'").And.Contain("workstream 'ws'");
            d.Location!.Value.Text.Should().Be("ws.t");
            d.Location!.Value.Start.Line.Should().Be(4);
        }

        [Fact]
        public void Cycle_through_two_workstreams()
        {
            // a.x after b, b.y after a: each workstream waits for the other.
            var p = CompileBody("workstream a { task x { duration 1d  after b } }\n workstream b { task y { duration 1d  after a } }");
            var d = SingleCycle(p);
            d.Message.Should().Contain("'a.x'").And.Contain("'b.y'");
            d.Location!.Value.Text.Should().BeOneOf("a", "b");
        }

        [Fact]
        public void Cycle_through_a_lead_is_still_a_cycle()
        {
            var p = CompileBody("task a { duration 3d  after b ss-1d }\n task b { duration 3d  after a ff }");
            SingleCycle(p).Message.Should().Contain("'a'").And.Contain("'b'");
        }

        [Fact]
        public void Two_separate_cycles_are_both_reported()
        {
            var p = CompileBody("task a { duration 1d  after b }\n task b { duration 1d  after a }\n task c { duration 1d  after d }\n task d { duration 1d  after c }");
            var cycles = p.WithCode("TPM2001");
            cycles.Should().HaveCount(2);
            cycles.Should().ContainSingle(d => d.Message.Contains("'a'") && d.Message.Contains("'b'"));
            cycles.Should().ContainSingle(d => d.Message.Contains("'c'") && d.Message.Contains("'d'"));
        }

        [Fact]
        public void Assignees_without_a_common_weekday()
        {
            var p = CompileBody(@"calendar early ""Early"" { workdays mon, tue }
                                  calendar late ""Late"" { workdays wed, thu }
                                  person a ""A"" { calendar early }
                                  person b ""B"" { calendar late }
                                  task both { duration 2d  assign a, b }
                                  task alone { duration 2d  assign a }");
            p.Schedule.Should().BeNull();
            var d = p.WithCode("TPM2004").Should().ContainSingle().Subject;
            d.Severity.Should().Be(DiagnosticSeverity.Error);
            d.Message.Should().Contain("both").And.Contain("a").And.Contain("b");
            d.Location!.Value.Text.Should().StartWith("a");
        }

        [Fact]
        public void Weekend_only_person_on_a_weekday_program()
        {
            var p = CompileBody(@"calendar weekend ""Weekend"" { workdays sat..sun }
                                  person w ""W"" { calendar weekend }
                                  task t { duration 1d  assign w }");
            p.WithCode("TPM2004").Should().ContainSingle();
            p.Schedule.Should().BeNull();
        }

        [Theory]
        // About 7,973 years × 261 ≈ 2.08 million working days remain before 9999-12-31.
        [InlineData("task t { duration 3_000_000d }")]
        [InlineData("task a { duration 1d }\n task t { duration 1d  after a fs+3_000_000d }")]
        [InlineData("task t { duration 2d  not-before 9999-12-31 }")]
        [InlineData("task t { effort 1_000_000d  assign p 1% }\n person p \"P\"")]
        [InlineData("task t { duration 1_000_000_000d }")]
        [InlineData("task a { duration 1_500_000d }\n task b { duration 1_500_000d  after a }")]
        public void Schedules_past_the_last_date_give_a_diagnostic(string body)
        {
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody(body)).Should().NotThrow();
            p!.Schedule.Should().BeNull();
            var d = p.WithCode("TPM2005").Should().ContainSingle().Subject;
            d.Severity.Should().Be(DiagnosticSeverity.Error);
            d.Message.Should().Contain("9999-12-31");
            d.Location.Should().NotBeNull();
        }

        [Fact]
        public void Effort_too_large_for_decimal_over_a_tiny_rate_is_past_the_last_date()
        {
            // 79,228,162,514,264,337,593,543,950,335 person-days over 1% of a 1% person: more days than decimal holds.
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody("person x \"X\" { capacity 1% }\n task t { effort 79228162514264337593543950335d  assign x 1% }"))
                .Should().NotThrow();
            p!.WithCode("TPM2005").Should().ContainSingle();
        }

        [Theory]
        [InlineData("fs+99999999999d")]
        [InlineData("ss-99999999999d")]
        public void Lag_too_large_for_an_int_is_a_diagnostic(string lag)
        {
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody("task a { duration 1d }\n task b { duration 1d  after a " + lag + " }")).Should().NotThrow();
            p!.HasErrors.Should().BeTrue();
            p.Diagnostics.Where(d => d.IsError).Select(d => d.Code).Should().BeSubsetOf(new[] { "TPM1102", "TPM2005" });
        }

        [Theory]
        [InlineData("task t { duration 79228162514264337593543950335w }", 1)]
        [InlineData("task t { estimate 1d 2d 79228162514264337593543950335w }", 1)]
        [InlineData("task a { duration 1d }\n task b { duration 1d  after a fs+79228162514264337593543950335w }", 1)]
        [InlineData("risk r { impact 79228162514264337593543950335w }", 1)]
        [InlineData("hours-per-day 0.5\n task t { duration 79228162514264337593543950335h }", 1)]
        public void Durations_at_the_edge_of_decimal_are_an_invalid_value_not_a_crash(string body, int expected)
        {
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody(body)).Should().NotThrow();
            p!.WithCode("TPM1102").Should().HaveCount(expected).And.OnlyContain(d => d.Message.Contains("too large to count in working days"));
            p!.Diagnostics.Should().OnlyContain(d => d.Code == "TPM1102");
        }

        [Fact]
        public void Unassigned_effort_too_large_for_an_int_is_a_diagnostic()
        {
            TpmProgram? p = null;
            FluentActions.Invoking(() => p = CompileBody("task t { effort 99999999999d }")).Should().NotThrow();
            p!.WithCode("TPM2003").Should().ContainSingle();
            p!.WithCode("TPM2005").Should().ContainSingle();
        }

        [Fact]
        public void The_last_date_itself_is_fine()
        {
            // 9999-12-31 is a Friday: a one-day task on it fits.
            var p = CompileBody("task t { duration 1d  not-before 9999-12-31 }");
            p.HasErrors.Should().BeFalse();
            p.Schedule!.Task("t").FinishDate.Should().Be(D("9999-12-31"));
        }

        [Fact]
        public void Task_due_date_missed_by_working_days()
        {
            // a [0,5) ends Fri Jan 8; due Wed Jan 6 (index 2): late by 4 − 2 = 2 working days.
            var p = CompileBody("task a { duration 5d\n due 2027-01-06 }");
            var d = p.WithCode("TPM2201").Should().ContainSingle().Subject;
            d.Severity.Should().Be(DiagnosticSeverity.Warning);
            d.Message.Should().Be("task 'a' finishes on 2027-01-08, 2 working days after its due date 2027-01-06");
            d.Location!.Value.Text.Should().StartWith("due 2027-01-06");
            p.HasErrors.Should().BeFalse();
        }

        [Fact]
        public void Due_date_on_a_weekend()
        {
            // a [0,7) ends Tue Jan 12 (6); due Sat Jan 9 → its last working day is Fri Jan 8 (4): late by 2 (Mon, Tue).
            var p = CompileBody("task a { duration 7d  due 2027-01-09 }");
            p.WithCode("TPM2201").Should().ContainSingle().Which.Message.Should().Contain("2 working days");
        }

        [Fact]
        public void Due_date_before_the_program_start_counts_the_working_days_before_the_start()
        {
            // a [0,2) under start Wed 2027-03-10 ends Thu Mar 11. Due Mon Jan 4: Jan 5..Mar 9 holds 46 working days
            // (9 weeks of five from Jan 4, less Jan 4 itself, plus Mon Mar 8 and Tue Mar 9), then Mar 10 and 11: 48 in all.
            var p = CompileBody("task a { duration 2d  due 2027-01-04 }", start: "2027-03-10");
            p.WithCode("TPM2201").Should().ContainSingle().Which.Message.Should().Be("task 'a' finishes on 2027-03-11, 48 working days after its due date 2027-01-04");

            // Holidays before the start are days off in that count too: Jan 5..8 off leaves 44.
            var off = CompileBody("holiday 2027-01-05..2027-01-08\n task a { duration 2d  due 2027-01-04 }", start: "2027-03-10");
            off.WithCode("TPM2201").Should().ContainSingle().Which.Message.Should().Contain("44 working days after");
        }

        [Fact]
        public void Due_date_the_working_day_before_the_start_is_one_day_before_it()
        {
            // Start Mon 2027-01-04, due Fri Jan 1: the task ends Tue Jan 5, two working days (Mon, Tue) after the Friday.
            var p = CompileBody("task a { duration 2d  due 2027-01-01 }");
            p.WithCode("TPM2201").Should().ContainSingle().Which.Message.Should().Contain("2 working days after");
        }

        [Fact]
        public void Due_date_met_exactly_is_silent()
        {
            var p = CompileBody("task a { duration 5d  due 2027-01-08 }\n milestone m { after a  due 2027-01-08 }");
            p.WithCode("TPM2201").Should().BeEmpty();
        }

        [Fact]
        public void Milestone_due_date_missed()
        {
            // m after a is dated Fri Jan 8 (4); due Thu Jan 7 (3) → 1 working day.
            var p = CompileBody("task a { duration 5d }\n milestone m { after a  due 2027-01-07 }");
            p.WithCode("TPM2201").Should().ContainSingle().Which.Message
                .Should().Be("milestone 'm' finishes on 2027-01-08, 1 working day after its due date 2027-01-07");
        }

        [Fact]
        public void Workstream_due_date_missed()
        {
            // ws holds x [0,5) ending Fri Jan 8; due Tue Jan 5 (1) → 3 working days.
            var p = CompileBody("workstream ws {\n  due 2027-01-05\n  task x { duration 5d }\n}");
            var d = p.WithCode("TPM2201").Should().ContainSingle().Subject;
            d.Message.Should().Be("workstream 'ws' finishes on 2027-01-08, 3 working days after its due date 2027-01-05");
            d.Location!.Value.Start.Line.Should().Be(4);
        }

        [Fact]
        public void Due_date_across_a_holiday_counts_working_days()
        {
            // Holiday Mon Jan 11. a [0,7): Jan 4-8, 12, 13 → ends Wed Jan 13 (6); due Fri Jan 8 (4) → 2 days, not 3.
            var p = CompileBody("holiday 2027-01-11\n task a { duration 7d  due 2027-01-08 }");
            p.WithCode("TPM2201").Should().ContainSingle().Which.Message.Should().Contain("finishes on 2027-01-13, 2 working days");
        }

        [Fact]
        public void Program_deadline_missed_names_the_critical_path()
        {
            // a [0,5), b after a [5,10) ends Fri Jan 15 (9); c [0,2) off the path. Deadline Tue Jan 12 (6): late by 3.
            var p = CompileBody("deadline 2027-01-12\n task a { duration 5d }\n task b { duration 5d  after a }\n task c { duration 2d }");
            var d = p.WithCode("TPM2202").Should().ContainSingle().Subject;
            d.Severity.Should().Be(DiagnosticSeverity.Error);
            d.Message.Should().Be("program 'p' finishes on 2027-01-15, 3 working days after its deadline 2027-01-12; critical path: a → b");
            d.Location!.Value.Text.Should().StartWith("deadline");
            p.HasErrors.Should().BeTrue();
            p.Schedule.Should().NotBeNull("the schedule is still computed, so reports can show it");
        }

        [Fact]
        public void Deadline_met_is_silent()
        {
            var p = CompileBody("deadline 2027-01-15\n task a { duration 10d }");
            p.WithCode("TPM2202").Should().BeEmpty();
            p.HasErrors.Should().BeFalse();
        }

        [Fact]
        public void Deadline_message_shortens_a_long_critical_path()
        {
            // 20 one-day tasks in a chain end at index 19 (Fri Jan 29); deadline Fri Jan 22 (14) → 5 days late.
            var body = "deadline 2027-01-22\n task t0 { duration 1d }\n" + string.Join("\n", Enumerable.Range(1, 19).Select(i => $"task t{i} {{ duration 1d  after t{i - 1} }}"));
            var p = CompileBody(body);
            var d = p.WithCode("TPM2202").Should().ContainSingle().Subject;
            d.Message.Should().Contain("5 working days");
            d.Message.Should().Contain("critical path: t0 → t1 → t2 → t3 → t4 → t5 → … (8 more) … → t14 → t15 → t16 → t17 → t18 → t19");
        }
    }
}
