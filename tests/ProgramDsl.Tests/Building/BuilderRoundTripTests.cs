using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ProgramDsl.Building;
using ProgramDsl.Scheduling;
using ProgramDsl.Semantics;
using Dep = ProgramDsl.Building.Dependency;

namespace ProgramDsl.Tests.Building
{
    /// <summary>
    /// A builder plan and the same plan written by hand (in a different but equivalent spelling: one-line bodies,
    /// <c>2w</c>, <c>ff -1d</c>, <c>250_000</c>) compile to the same model and the same schedule.
    /// </summary>
    public class BuilderRoundTripTests
    {
        // Working-day indices from Monday 2027-01-04 with the holiday on Monday 18 January:
        // 0 Jan 4 … 4 Jan 8, 5 Jan 11 … 9 Jan 15, 10 Jan 19 … 13 Jan 22, 14 Jan 25 … 18 Jan 29, 19 Feb 1 … 23 Feb 5,
        // 24 Feb 8 … 28 Feb 12, 29 Feb 15, 30 Feb 16, 31 Feb 17, 32 Feb 18, 33 Feb 19, 34 Feb 22, 35 Feb 23,
        // 36 Feb 24, 37 Feb 25, 38 Feb 26, 39 Mar 1.
        internal static ProgramBuilder BuilderPlan() =>
            Plan.Program("ml", "ML Platform v2")
                .Start(new DateTime(2027, 1, 4))
                .Deadline("2027-04-30")
                .Currency("USD")
                .Budget(250_000m)
                .HoursPerDay(8)
                .Leveling(false)
                .Holiday(new DateTime(2027, 1, 18), "MLK Day")
                .Role("ds", "Data Scientist")
                .Role("de", "Data Engineer")
                .Person("ana", "Ana Ruiz", p => p.Role("ds").Skills("python", "sql").Rate(800m).Vacation("2027-02-01", "2027-02-05"))
                .Person("ben", "Ben Okafor", p => p
                    .Role("de")
                    .Skills("sql")
                    .Skills("spark")
                    .Capacity(80)
                    .Rate(700m)
                    .Vacation(new DateTime(2027, 2, 25), new DateTime(2027, 2, 25)))
                .Resource("gpu", "A100 pool", 4, r => r.Rate(2.5m))
                .Workstream("data", "Data & Features", w => w
                    .Owner("ana")
                    .Due("2027-02-26")
                    .Task("eda", "Exploratory analysis", t => t.Effort(5).Estimate(4, 5, 8).Assign("ana"))
                    .Task("pipeline", "Feature pipeline", t => t
                        .Duration(10)
                        .AssignRole("de")
                        .Requires("spark")
                        .After("eda", Dep.StartToStart, 2)
                        .Uses("gpu", 2)
                        .Cost(1500m)
                        .Priority(700))
                    .Workstream("quality", "Data quality", q => q
                        .After("eda")
                        .Task("checks", null, t => t.Duration(3).Assign("ana", 50).After("data.pipeline", Dep.FinishToFinish, -1))
                        .Milestone("clean", "Data clean", m => m.After("checks"))))
                .Workstream("modeling", "Modeling", w => w
                    .After("data.quality")
                    .Task("train", "Train", t => t.Effort(6).Assign("ana").After("data.pipeline").Uses("gpu", 4).NotBefore(new DateTime(2027, 2, 15)))
                    .Task("docs", "Model card", t => t.Duration(2).After("train", Dep.StartToFinish, 3))
                    .Task("eval", "Evaluation", t => t.Effort(1.6).Assign("ben").After("train", Dep.FinishToStart, 1)))
                .Milestone("launch", "Launch", m => m.After("modeling.eval").Due("2027-03-01"))
                .Risk("labels", "Labels late", r => r
                    .Likelihood(30)
                    .Impact(5)
                    .Owner("ana")
                    .Affects("data.eda", "modeling.train")
                    .Mitigation("Relabel the \"gold\" set"));

        internal const string HandWritten = @"// The same plan, written by hand.
program ml ""ML Platform v2"" {
  start 2027-01-04
  deadline 2027-04-30
  currency USD
  budget 250_000
  hours-per-day 8
  leveling off
  holiday 2027-01-18 ""MLK Day""

  role ds ""Data Scientist""
  role de ""Data Engineer""
  person ana ""Ana Ruiz"" { role ds  skills python, sql  rate 800/d  vacation 2027-02-01..2027-02-05 }
  person ben ""Ben Okafor"" { role de; skills sql, spark; capacity 80%; rate 700/d; vacation 2027-02-25..2027-02-25 }
  resource gpu ""A100 pool"" { capacity 4  rate 2.5/h }

  workstream data ""Data & Features"" {
    owner ana  due 2027-02-26
    task eda ""Exploratory analysis"" { effort 5d  estimate 4d 5d 8d  assign ana }
    task pipeline ""Feature pipeline"" {
      duration 2w  assign role de  requires skill spark  after eda ss+2d  uses gpu 2  cost 1500  priority 700
    }
    workstream quality ""Data quality"" {
      after eda
      task checks { duration 3d  assign ana 50%  after data.pipeline ff -1d }
      milestone clean ""Data clean"" { after checks }
    }
  }

  workstream modeling ""Modeling"" {
    after data.quality
    task train ""Train"" { effort 6d; assign ana; after data.pipeline; uses gpu 4; not-before 2027-02-15 }
    task docs ""Model card"" { duration 2d  after train sf+3d }
    task eval ""Evaluation"" { effort 1.6d  assign ben  after train fs+1d }
  }

  milestone launch ""Launch"" { after modeling.eval  due 2027-03-01 }
  risk labels ""Labels late"" {
    likelihood 30%  impact 5d  owner ana  affects data.eda, modeling.train
    mitigation ""Relabel the \""gold\"" set""
  }
}
";

        [Fact]
        public void The_builder_plan_compiles_without_diagnostics_to_the_hand_computed_schedule()
        {
            var program = BuilderPlan().Build();
            program.Diagnostics.Should().BeEmpty();
            var s = program.Schedule!;

            // eda's late start: ss+2d to pipeline (late start 19) allows 17; the quality workstream (checks late start 26)
            // needs its 5 days of Ana done by 26, and her vacation (19..23) leaves 16, 17, 18, 24, 25: late start 16.
            Row(s, "data.eda").Should().Be("0..5 2027-01-04..2027-01-08 float 16 ana 100%");
            Row(s, "data.pipeline").Should().Be("2..12 2027-01-06..2027-01-20 float 17 ben 100% via de");
            Row(s, "data.quality.checks").Should().Be("8..11 2027-01-14..2027-01-19 float 18 ana 50%");
            s.Find("data.quality.clean")!.FinishDate.ToString().Should().Be("2027-01-19");
            Row(s, "modeling.train").Should().Be("29..35 2027-02-15..2027-02-22 float 0 ana 100%");
            Row(s, "modeling.docs").Should().Be("30..32 2027-02-16..2027-02-17 float 7");

            // fs+1d puts eval at 36 (Feb 24); Ben's day off on Feb 25 stretches it over 36 and 38.
            Row(s, "modeling.eval").Should().Be("36..39 2027-02-24..2027-02-26 float 0 ben 100%");
            s.Find("launch")!.FinishDate.ToString().Should().Be("2027-02-26");
            s.CriticalPath.Select(t => t.Id).Should().Equal("modeling.train", "modeling.eval", "launch");
            s.FinishIndex.Should().Be(39);
            s.FinishDate.ToString().Should().Be("2027-02-26");
        }

        [Fact]
        public void The_builder_plan_and_the_hand_written_text_give_the_same_schedule()
        {
            var built = BuilderPlan().Build();
            var written = TpmProgram.Parse(HandWritten, "hand.tpm");
            written.Diagnostics.Should().BeEmpty();
            built.Diagnostics.Should().BeEmpty();

            ScheduleSnapshot(built.Schedule!).Should().Equal(ScheduleSnapshot(written.Schedule!));
            built.Schedule!.CriticalPath.Select(t => t.Id).Should().Equal(written.Schedule!.CriticalPath.Select(t => t.Id));
            built.Schedule.Cost.Should().Be(written.Schedule.Cost);
        }

        [Fact]
        public void The_builder_plan_and_the_hand_written_text_bind_to_the_same_model()
        {
            var built = BuilderPlan().Build().Model!;
            var written = TpmProgram.Parse(HandWritten, "hand.tpm").Model!;
            ModelSnapshot(built).Should().Equal(ModelSnapshot(written));

            // A few values checked directly, so an empty snapshot could not pass.
            var ben = built.People.Single(p => p.Id == "ben");
            ben.Capacity.Should().Be(0.8m);
            ben.Vacations.Single().Range.ToString().Should().Be("2027-02-25");
            var risk = built.Risks.Single();
            risk.Mitigation.Should().Be("Relabel the \"gold\" set");
            risk.Affects.Select(a => a.Id).Should().Equal("data.eda", "modeling.train");
            built.Tasks.Single(t => t.Id == "data.quality.checks").Dependencies.Single()
                .Should().Match<ProgramDsl.Semantics.Dependency>(d => d.Type == DependencyType.FinishToFinish && d.LagDays == -1 && d.Target.Id == "data.pipeline");
        }

        [Fact]
        public void With_leveling_on_both_spellings_still_give_the_same_schedule()
        {
            // The plan says 'leveling off'; the option turns the leveler on for both spellings, and it must decide the
            // same for both (people and pool loads, role choice, late dates against the leveled finish).
            var options = new TpmCompileOptions { Scheduling = new ScheduleOptions { Leveling = true, Seed = 3 } };
            var built = BuilderPlan().Build(options);
            var written = TpmProgram.Parse(HandWritten, "hand.tpm", options);
            built.Schedule!.IsLeveled.Should().BeTrue();
            ScheduleSnapshot(built.Schedule).Should().Equal(ScheduleSnapshot(written.Schedule!));
        }

        private static string Row(Schedule schedule, string id)
        {
            var t = schedule.Find(id)!;
            var who = string.Concat(t.Assigned.Select(a =>
                " " + a.Person.Id + " " + (a.Share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" + (a.ViaRole is null ? string.Empty : " via " + a.ViaRole.Id)));
            return t.Start + ".." + t.Finish + " " + t.StartDate + ".." + t.FinishDate + " float " + t.TotalFloat + who;
        }

        private static List<string> ScheduleSnapshot(Schedule schedule)
        {
            var rows = schedule.Tasks
                .Select(t => t.Id + ": " + Row(schedule, t.Id) + " late " + t.LateStart + ".." + t.LateFinish + " critical " + t.IsCritical
                    + " cost " + t.Cost.ToString(CultureInfo.InvariantCulture) + " delayed " + (t.DelayedBy?.Id ?? "-") + " " + t.ResourceDelayDays)
                .ToList();
            rows.AddRange(schedule.Workstreams.Select(w => "ws " + w.Id + ": " + w.Start + ".." + w.Finish + " " + w.StartDate + ".." + w.FinishDate));
            rows.Add("finish " + schedule.FinishIndex + " " + schedule.FinishDate);
            rows.Should().HaveCountGreaterThan(10);
            return rows;
        }

        private static List<string> ModelSnapshot(ProgramSymbol m)
        {
            static string Inv(decimal d) => d.ToString(CultureInfo.InvariantCulture);
            static string Ids(IEnumerable<Symbol> s) => string.Join(",", s.Select(x => x.Id));
            var rows = new List<string>
            {
                "program " + m.Id + " " + m.Title + " " + m.Start + " " + m.Deadline + " " + m.Currency + " " + Inv(m.Budget ?? -1) + " " + Inv(m.HoursPerDay) + " " + m.Leveling,
                "holidays " + string.Join(",", m.Calendar.Holidays.Select(h => h.Range + " " + h.Name)),
            };
            rows.AddRange(m.Roles.Select(r => "role " + r.Id + " " + r.Title));
            rows.AddRange(m.People.Select(p => "person " + p.Id + " " + p.Title + " roles " + Ids(p.Roles) + " skills " + string.Join(",", p.Skills)
                + " cap " + Inv(p.Capacity) + " rate " + Inv(p.Rate!.Value.Amount) + "/" + p.Rate.Value.Per + " vac " + string.Join(",", p.Vacations.Select(v => v.Range))));
            rows.AddRange(m.Resources.Select(r => "resource " + r.Id + " " + r.Title + " " + r.Capacity + " " + Inv(r.Rate!.Value.Amount) + "/" + r.Rate.Value.Per));
            rows.AddRange(m.Workstreams.Select(w => "ws " + w.Id + " " + w.Title + " owner " + w.Owner?.Id + " due " + w.Due
                + " after " + string.Join(",", w.Dependencies.Select(d => d.Target.Id + " " + d.Type + " " + d.LagDays))));
            rows.AddRange(m.Tasks.Select(t => "task " + t.Id + " " + t.Title + " milestone " + t.IsMilestone + " " + t.WorkKind
                + " effort " + Inv(t.Effort ?? -1) + " duration " + Inv(t.Duration ?? -1)
                + " est " + (t.Estimate is ThreePointEstimate e ? Inv(e.Optimistic) + "/" + Inv(e.MostLikely) + "/" + Inv(e.Pessimistic) : "-")
                + " assign " + string.Join(",", t.Assignments.Select(a => a.Person.Id + " " + Inv(a.Share)))
                + " roles " + string.Join(",", t.RoleAssignments.Select(a => a.Role.Id + " " + Inv(a.Share)))
                + " uses " + string.Join(",", t.ResourceUses.Select(u => u.Resource.Id + " " + u.Units))
                + " after " + string.Join(",", t.Dependencies.Select(d => d.Target.Id + " " + d.Type + " " + d.LagDays))
                + " requires " + string.Join(",", t.RequiredSkills) + " not-before " + t.NotBefore + " due " + t.Due
                + " priority " + t.Priority + " cost " + Inv(t.Cost ?? -1)));
            rows.AddRange(m.Risks.Select(r => "risk " + r.Id + " " + r.Title + " " + Inv(r.Likelihood) + " " + Inv(r.ImpactDays) + " owner " + r.Owner?.Id
                + " affects " + Ids(r.Affects) + " mitigation " + r.Mitigation));
            return rows;
        }
    }
}
