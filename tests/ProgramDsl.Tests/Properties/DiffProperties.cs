using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using ProgramDsl.Comparison;

namespace ProgramDsl.Tests.Properties
{
    /// <summary>Properties of <see cref="PlanDiffer.Compare"/> on random valid programs (see <see cref="PlanGenerator"/>).</summary>
    public class DiffProperties
    {
        private const int Iterations = 60;

        private static TpmProgram Compile(PlanSpec spec) => TpmProgram.Parse(PlanGenerator.Build(spec).Text, "gen.tpm");

        private static void Check(bool condition, Func<string> message)
        {
            if (!condition) throw new Exception(message());
        }

        private static void Same<T>(IEnumerable<T> actual, IEnumerable<T> expected, string what)
        {
            var a = actual.ToList();
            var e = expected.ToList();
            Check(a.SequenceEqual(e), () => what + ": [" + string.Join("; ", a) + "] but the mirror gives [" + string.Join("; ", e) + "]");
        }

        [Fact]
        public void The_diff_of_a_plan_with_itself_compiled_twice_is_empty()
        {
            PlanGenerator.Plans(30).Sample(spec =>
            {
                var diff = PlanDiffer.Compare(Compile(spec), Compile(spec));
                Check(diff.IsEmpty, () => "not empty: " + Describe(diff));
                Check(diff.FinishSlipDays == 0 && diff.NewErrors == 0, () => "slip or new errors in an empty diff");
            }, iter: Iterations, print: spec => PlanGenerator.Build(spec).Text);
        }

        /// <summary>
        /// Two plans on the same program calendar (the second takes the first's and its own tasks): comparing them the
        /// other way round swaps every before and after and negates every move, in the same order.
        /// </summary>
        [Fact]
        public void The_diff_of_B_and_A_mirrors_the_diff_of_A_and_B()
        {
            Gen.Select(PlanGenerator.Plans(30), PlanGenerator.Plans(30)).Sample((a, other) =>
            {
                var b = a with { Tasks = other.Tasks, Workstreams = other.Workstreams };
                var pa = Compile(a);
                var pb = Compile(b);
                var ab = PlanDiffer.Compare(pa, pb);
                var ba = PlanDiffer.Compare(pb, pa);

                Check(ab.IsEmpty == ba.IsEmpty, () => "IsEmpty differs");
                Check(ab.FinishSlipDays == -ba.FinishSlipDays, () => $"finish slip {ab.FinishSlipDays} vs {ba.FinishSlipDays}");
                Check(ab.Finish.Old == ba.Finish.New && ab.Finish.New == ba.Finish.Old, () => "finish dates not swapped");
                Check(ab.DeadlineMargin.Old == ba.DeadlineMargin.New && ab.DeadlineMargin.Change == -ba.DeadlineMargin.Change, () => "margins not swapped");
                Check(ab.Cost.Change == -ba.Cost.Change, () => "cost change not negated");
                Same(ab.Added.Select(i => i.Id), ba.Removed.Select(i => i.Id), "added vs removed");
                Same(ab.Removed.Select(i => i.Id), ba.Added.Select(i => i.Id), "removed vs added");
                Same(ab.Renamed.Select(r => (r.Id, r.OldName, r.NewName)), ba.Renamed.Select(r => (r.Id, r.NewName, r.OldName)), "renamed");
                Same(ab.Reestimated.Select(r => (r.Id, r.Old.Effort, r.Old.Duration, r.New.Effort, r.New.Duration)),
                    ba.Reestimated.Select(r => (r.Id, r.New.Effort, r.New.Duration, r.Old.Effort, r.Old.Duration)), "re-estimated");
                Same(ab.Reassigned.Select(r => (r.Id, string.Join(",", r.Old.Assigned), string.Join(",", r.New.Assigned))),
                    ba.Reassigned.Select(r => (r.Id, string.Join(",", r.New.Assigned), string.Join(",", r.Old.Assigned))), "re-assigned");
                Same(ab.TasksMoved.Select(m => (m.Id, m.StartDays, m.FinishDays)), ba.TasksMoved.Select(m => (m.Id, -m.StartDays, -m.FinishDays)), "tasks moved");
                Same(ab.MilestonesMoved.Select(m => (m.Id, m.FinishDays)), ba.MilestonesMoved.Select(m => (m.Id, -m.FinishDays)), "milestones moved");
                Check(ab.CriticalPathChanged == ba.CriticalPathChanged, () => "critical path change differs");
                Same(ab.OldCriticalPath, ba.NewCriticalPath, "critical paths");
                Same(ab.JoinedCriticalPath, ba.LeftCriticalPath, "joined vs left");
                Same(ab.ResourceDelays.Select(d => (d.Id, d.OldDays, d.NewDays, d.OldDelayedBy, d.NewDelayedBy)),
                    ba.ResourceDelays.Select(d => (d.Id, d.NewDays, d.OldDays, d.NewDelayedBy, d.OldDelayedBy)), "leveling delays");
                Same(ab.ConflictsIntroduced.Select(Key), ba.ConflictsResolved.Select(Key), "conflicts introduced vs resolved");
                Same(ab.DiagnosticsIntroduced.Select(Key), ba.DiagnosticsResolved.Select(Key), "diagnostics introduced vs resolved");
                Same(ab.DiagnosticsResolved.Select(Key), ba.DiagnosticsIntroduced.Select(Key), "diagnostics resolved vs introduced");
            }, iter: Iterations, print: t => PlanGenerator.Build(t.Item1).Text + "\n----\n" + PlanGenerator.Build(t.Item1 with { Tasks = t.Item2.Tasks, Workstreams = t.Item2.Workstreams }).Text);
        }

        /// <summary>The mirrored lists are not all empty: the generator's pairs exercise the comparison.</summary>
        [Fact]
        public void Generated_pairs_move_add_and_remove_tasks()
        {
            int moved = 0, added = 0, conflicts = 0;
            Gen.Select(PlanGenerator.Plans(30), PlanGenerator.Plans(30)).Sample((a, other) =>
            {
                var diff = PlanDiffer.Compare(Compile(a), Compile(a with { Tasks = other.Tasks, Workstreams = other.Workstreams }));
                if (diff.TasksMoved.Count > 0) moved++;
                if (diff.Added.Count > 0) added++;
                if (diff.ConflictsIntroduced.Count + diff.ConflictsResolved.Count > 0) conflicts++;
            }, iter: 30, threads: 1);
            moved.Should().BeGreaterThan(5);
            added.Should().BeGreaterThan(5);
            conflicts.Should().BeGreaterThan(0);
        }

        private static (string, string, string?, int?) Key(DiagnosticChange d) => (d.Code, d.Message, d.Path, d.Line);

        private static string Describe(PlanDiff d) =>
            $"finish {d.Finish.Old}->{d.Finish.New}, moved {d.TasksMoved.Count}, added {d.Added.Count}, removed {d.Removed.Count}, " +
            $"introduced [{string.Join("; ", d.DiagnosticsIntroduced.Select(x => x.Code + " " + x.Message))}], resolved {d.DiagnosticsResolved.Count}";
    }
}
