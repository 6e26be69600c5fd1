using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Benchmarks.Psplib;
using ProgramDsl.Scheduling.Leveling;

namespace ProgramDsl.Tests.Leveling
{
    /// <summary>The PSPLIB .sm parser, the independent schedule checker, and a smoke run of the solver on real J30 instances.</summary>
    public sealed class PsplibCheckerTests
    {
        // Six jobs (two dummies), four resources. Jobs 2 and 3 cannot overlap (R 1: 3 + 2 > 4), nor can 3 and 4
        // (R 2: 1 + 2 > 2); 5 follows 2 and 3. So 2 and 3 take 5 days in sequence, then 5 takes 2: the optimum is 7,
        // reached with 3 on [0,2), 2 on [2,5), 4 on [2,6), 5 on [5,7). Resources ignored, the longest path is 2→5 = 5.
        private static readonly string[] TinyLines =
        {
            "************************************************************************", // 1
            "file with basedata            : tiny.bas",
            "initial value random generator: 1",
            "************************************************************************",
            "projects                      :  1", // 5
            "jobs (incl. supersource/sink ):  6",
            "horizon                       :  11",
            "RESOURCES",
            "  - renewable                 :  4   R",
            "  - nonrenewable              :  0   N", // 10
            "  - doubly constrained        :  0   D",
            "************************************************************************",
            "PROJECT INFORMATION:",
            "pronr.  #jobs rel.date duedate tardcost  MPM-Time",
            "    1      4      0       10        1        5", // 15
            "************************************************************************",
            "PRECEDENCE RELATIONS:",
            "jobnr.    #modes  #successors   successors",
            "   1        1          3           2   3   4",
            "   2        1          1           5", // 20
            "   3        1          1           5",
            "   4        1          1           6",
            "   5        1          1           6",
            "   6        1          0        ",
            "************************************************************************", // 25
            "REQUESTS/DURATIONS:",
            "jobnr. mode duration  R 1  R 2  R 3  R 4",
            "------------------------------------------------------------------------",
            "  1      1     0       0    0    0    0",
            "  2      1     3       3    0    0    0", // 30
            "  3      1     2       2    1    0    0",
            "  4      1     4       0    2    0    0",
            "  5      1     2       1    0    1    0",
            "  6      1     0       0    0    0    0",
            "************************************************************************", // 35
            "RESOURCEAVAILABILITIES:",
            "  R 1  R 2  R 3  R 4",
            "    4    2    1    1",
            "************************************************************************",
        };

        private static string TinyText => string.Join("\n", TinyLines) + "\n";

        private static SmInstance Tiny() => SmFile.Parse(TinyText, "tiny");

        /// <summary>The tiny instance with one line (1-based) replaced, or removed when <paramref name="text"/> is null.</summary>
        private static string TinyWith(int line, string? text)
        {
            var lines = TinyLines.ToList();
            if (text is null) lines.RemoveAt(line - 1);
            else lines[line - 1] = text;
            return string.Join("\n", lines) + "\n";
        }

        // ---------------------------------------------------------------- parser

        [Fact]
        public void Parser_reads_jobs_successors_durations_demands_and_capacities()
        {
            var tiny = Tiny();

            tiny.Name.Should().Be("tiny");
            tiny.JobCount.Should().Be(6);
            tiny.ResourceCount.Should().Be(4);
            tiny.Duration.Should().Equal(0, 3, 2, 4, 2, 0);
            tiny.Successors.Select(s => string.Join(",", s)).Should().Equal("1,2,3", "4", "4", "5", "5", "");
            tiny.Demand[0].Should().Equal(0, 0, 0, 0);
            tiny.Demand[1].Should().Equal(3, 0, 0, 0);
            tiny.Demand[2].Should().Equal(2, 1, 0, 0);
            tiny.Demand[3].Should().Equal(0, 2, 0, 0);
            tiny.Demand[4].Should().Equal(1, 0, 1, 0);
            tiny.Demand[5].Should().Equal(0, 0, 0, 0);
            tiny.Capacity.Should().Equal(4, 2, 1, 1);
        }

        [Fact]
        public void Parser_is_robust_to_spacing_tabs_crlf_blank_lines_and_row_order()
        {
            var respaced = string.Join("\r\n", TinyLines.Select(l => "\t " + string.Join(" \t  ", l.Split(' ', StringSplitOptions.RemoveEmptyEntries)) + "  ")) + "\r\n";
            var withBlankRows = TinyWith(22, "   4        1          1           6\n\n");
            var swapped = TinyWith(31, "  2      1     3       3    0    0    0");
            swapped = string.Join("\n", swapped.Split('\n').Select((l, i) => i == 29 ? "  3      1     2       2    1    0    0" : l));

            foreach (var text in new[] { respaced, withBlankRows, swapped })
            {
                var parsed = SmFile.Parse(text, "tiny");
                parsed.Duration.Should().Equal(0, 3, 2, 4, 2, 0);
                parsed.Successors.Select(s => string.Join(",", s)).Should().Equal("1,2,3", "4", "4", "5", "5", "");
                parsed.Demand.Select(d => string.Join(",", d)).Should().Equal("0,0,0,0", "3,0,0,0", "2,1,0,0", "0,2,0,0", "1,0,1,0", "0,0,0,0");
                parsed.Capacity.Should().Equal(4, 2, 1, 1);
            }
        }

        [Theory]
        [InlineData(20, "   2        1          2           5", "tiny(20): job 2 declares 2 successors but lists 1")]
        [InlineData(20, "   2        1          1           9", "tiny(20): successor 9 of job 2 is not a job (1..6)")]
        [InlineData(20, "   2        1          1           2", "tiny(20): job 2 succeeds itself")]
        [InlineData(21, "   2        1          1           5", "tiny(21): job 2 is listed twice")]
        [InlineData(22, "   4        2          1           6", "tiny(22): job 4 has 2 modes; only single-mode instances are supported")]
        [InlineData(31, "  3      1     2       2    1    0", "tiny(31): expected 'jobnr mode duration' and 4 resource requests, found 6 fields")]
        [InlineData(31, "  3      1     2       2    x    0    0", "tiny(31): 'x' is not an integer")]
        [InlineData(31, "  3      1    -2       2    1    0    0", "tiny(31): job 3 has a negative duration")]
        [InlineData(34, null, "tiny(34): REQUESTS/DURATIONS has 5 rows, expected 6")]
        [InlineData(33, "  5      1     2       1    0    1    0\n  7      1     2       1    0    1    0", "tiny(34): job number 7 is outside 1..6")]
        [InlineData(24, "   6        1          0\nnot a row", "tiny(25): unexpected text in PRECEDENCE RELATIONS: 'not a row'")]
        [InlineData(38, "    4    2    1", "tiny(38): expected 4 resource availabilities, found 3")]
        [InlineData(38, null, "tiny(38): RESOURCEAVAILABILITIES has 0 rows, expected 1")]
        [InlineData(36, "RESOURCES AVAILABLE:", "tiny: missing RESOURCEAVAILABILITIES section")]
        [InlineData(6, "jobs                          :  6", "tiny: missing 'jobs (incl. supersource/sink ):' in the header")]
        [InlineData(9, "  - renewable                 :  four", "tiny(9): expected a count after ':'")]
        public void Parser_rejects_malformed_input_naming_the_line(int line, string? replacement, string message)
        {
            var act = () => SmFile.Parse(TinyWith(line, replacement), "tiny");

            act.Should().Throw<FormatException>().WithMessage(message);
        }

        [Fact]
        public void Reference_file_parser_reads_bounds_and_rejects_bad_rows()
        {
            var refs = PsplibData.ParseReferences("instance\tlower_bound\tupper_bound\tsource\nj301_1\t43\t43\tx\nj6013_4\t101\t105\ty\n", "r.tsv");

            refs.Should().HaveCount(2);
            refs["j301_1"].Should().Be(new PsplibReference(43, 43));
            refs["j301_1"].IsClosed.Should().BeTrue();
            refs["j6013_4"].Should().Be(new PsplibReference(101, 105));
            refs["j6013_4"].IsClosed.Should().BeFalse();
            var act = () => PsplibData.ParseReferences("instance\tlower_bound\tupper_bound\tsource\nj301_1\t44\t43\tx\n", "r.tsv");
            act.Should().Throw<FormatException>().WithMessage("r.tsv(2): *lower ≤ upper");
        }

        // ---------------------------------------------------------------- checker

        [Fact]
        public void Checker_accepts_a_feasible_optimal_schedule()
        {
            var tiny = Tiny();
            var start = new[] { 0, 2, 0, 2, 5, 7 };

            ScheduleChecker.Check(tiny, start).Should().BeEmpty();
            ScheduleChecker.Makespan(tiny, start).Should().Be(7);
        }

        [Fact]
        public void Checker_reports_the_exact_precedence_violation()
        {
            // Job 5 starts on day 4, but its predecessor 2 runs on [2,5). R 1 on day 4 is 3 + 1 = 4: still within capacity.
            var violations = ScheduleChecker.Check(Tiny(), new[] { 0, 2, 0, 2, 4, 7 });

            violations.Should().Equal(new PrecedenceViolation(Predecessor: 2, Successor: 5, PredecessorFinish: 5, SuccessorStart: 4));
            violations[0].ToString().Should().Be("job 5 starts at 4 before its predecessor 2 finishes at 5");
        }

        [Fact]
        public void Checker_reports_the_exact_capacity_violation_on_its_day()
        {
            // Job 2 moved to [1,4) overlaps job 3 [0,2) on day 1 only: R 1 = 3 + 2 = 5 > 4. Precedences still hold.
            var violations = ScheduleChecker.Check(Tiny(), new[] { 0, 1, 0, 2, 5, 7 });

            violations.Should().Equal(new CapacityViolation(Resource: 1, Day: 1, Usage: 5, Capacity: 4));
            violations[0].ToString().Should().Be("R 1 on day 1: usage 5 > capacity 4");
        }

        [Fact]
        public void Checker_reports_every_violation_of_an_all_at_once_schedule()
        {
            // Everything on day 0: four precedences broken; R 1 = 3+2+1 = 6 and R 2 = 1+2 = 3 on days 0 and 1;
            // on days 2–3 only jobs 2 (R 1 = 3) and 4 (R 2 = 2) run, within capacity.
            var violations = ScheduleChecker.Check(Tiny(), new[] { 0, 0, 0, 0, 0, 0 });

            violations.Should().Equal(
                new PrecedenceViolation(2, 5, 3, 0),
                new PrecedenceViolation(3, 5, 2, 0),
                new PrecedenceViolation(4, 6, 4, 0),
                new PrecedenceViolation(5, 6, 2, 0),
                new CapacityViolation(1, 0, 6, 4),
                new CapacityViolation(1, 1, 6, 4),
                new CapacityViolation(2, 0, 3, 2),
                new CapacityViolation(2, 1, 3, 2));
        }

        [Fact]
        public void Checker_reports_a_wrong_number_of_starts_and_negative_starts()
        {
            ScheduleChecker.Check(Tiny(), new[] { 0, 2, 0, 2, 5 }).Should().Equal(new StartCountViolation(6, 5));
            ScheduleChecker.Check(Tiny(), new[] { -1, 2, 0, 2, 5, 7 }).Should().Equal(new NegativeStartViolation(1, -1));
        }

        [Fact]
        public void Critical_path_bound_is_the_longest_path()
        {
            ScheduleChecker.CriticalPathLength(Tiny()).Should().Be(5);
        }

        [Fact]
        public void Critical_path_bound_rejects_a_cycle()
        {
            // Job 5 → 2 closes the cycle 2 → 5 → 2.
            var cyclic = SmFile.Parse(TinyWith(23, "   5        1          2           6   2"), "tiny");

            var act = () => ScheduleChecker.CriticalPathLength(cyclic);

            act.Should().Throw<InvalidOperationException>().WithMessage("tiny: the precedence relations have a cycle");
        }

        [Fact]
        public void Solver_finds_the_optimum_of_the_tiny_instance_at_normal_effort()
        {
            // Every priority rule puts job 2 before 3 (its latest finish is no later, its slack no larger, its
            // successors no shorter), which costs 2 days: only the search finds the order 3, 2.
            var tiny = Tiny();

            var solution = RcpspSolver.Solve(SmToRcpsp.Build(tiny), new RcpspOptions { Effort = LevelingEffort.Normal });

            ScheduleChecker.Check(tiny, solution.Start).Should().BeEmpty();
            solution.Makespan.Should().Be(7);
            solution.CriticalPathLength.Should().Be(5);
        }

        // ---------------------------------------------------------------- real instances

        [PsplibFact]
        public void Every_J30_instance_parses_and_its_critical_path_matches_the_files_MPM_time_and_the_optimum_bounds_it()
        {
            var root = PsplibData.Locate()!;
            var references = PsplibData.References(root, "j30");
            var files = PsplibData.InstanceFiles(root, "j30");

            files.Should().HaveCount(480);
            Path.GetFileNameWithoutExtension(files[0]).Should().Be("j301_1");
            Path.GetFileNameWithoutExtension(files[10]).Should().Be("j302_1");
            Path.GetFileNameWithoutExtension(files[479]).Should().Be("j3048_10");
            foreach (var file in files)
            {
                var instance = SmFile.Load(file);
                instance.JobCount.Should().Be(32, instance.Name);
                instance.ResourceCount.Should().Be(4, instance.Name);
                int cp = ScheduleChecker.CriticalPathLength(instance);
                cp.Should().Be(MpmTime(file), instance.Name + ": the file's MPM-Time is its critical-path length");
                cp.Should().BeLessThanOrEqualTo(references[instance.Name].LowerBound, instance.Name);
            }
        }

        [PsplibFact]
        public void Solver_schedules_three_J30_instances_feasibly_at_quick_effort_never_below_the_optimum()
        {
            var root = PsplibData.Locate()!;
            var references = PsplibData.References(root, "j30");

            foreach (var name in new[] { "j301_1", "j3013_5", "j3048_10" })
            {
                var instance = SmFile.Load(Path.Combine(root, "j30", name + ".sm"));
                int optimum = references[name].UpperBound;

                var solution = RcpspSolver.Solve(SmToRcpsp.Build(instance), new RcpspOptions { Effort = LevelingEffort.Quick });

                ScheduleChecker.Check(instance, solution.Start).Should().BeEmpty(name);
                int makespan = ScheduleChecker.Makespan(instance, solution.Start);
                solution.Makespan.Should().Be(makespan, name);
                makespan.Should().BeGreaterThanOrEqualTo(optimum, name);
                solution.CriticalPathLength.Should().Be(ScheduleChecker.CriticalPathLength(instance), name);
                Enumerable.Range(0, instance.JobCount).Select(j => solution.Finish[j] - solution.Start[j]).Should().Equal(instance.Duration, name);
            }
        }

        /// <summary>The MPM-Time column of the PROJECT INFORMATION row (the last field of the line after its header).</summary>
        private static int MpmTime(string file)
        {
            var lines = File.ReadAllLines(file);
            int i = Array.FindIndex(lines, l => l.StartsWith("PROJECT INFORMATION", StringComparison.Ordinal));
            return int.Parse(lines[i + 2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Last(), System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
