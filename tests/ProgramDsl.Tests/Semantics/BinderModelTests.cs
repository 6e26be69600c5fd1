using System;
using System.Linq;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax;
using static ProgramDsl.Tests.Semantics.BindingTestKit;

namespace ProgramDsl.Tests.Semantics;

/// <summary>Values land in the program model.</summary>
public class BinderModelTests
{
    private static CalendarDate Date(int y, int m, int d) => CalendarDate.FromYmd(y, m, d);

    [Fact]
    public void Program_settings()
    {
        var model = Clean(Compile(string.Join("\n",
            "program fraud-v2 \"Fraud Detection v2\" {",
            "  start 2027-01-04",
            "  deadline 2027-06-30",
            "  status-date 2027-02-10",
            "  currency USD",
            "  budget 1_200_000",
            "  workdays mon..thu, sat",
            "  holiday 2027-01-18 \"MLK Day\"",
            "  holiday 2027-12-24..2027-12-31",
            "  hours-per-day 7.5",
            "  leveling off",
            "  note \"n\"",
            "}")));
        model.Name.Should().Be("fraud-v2");
        model.Title.Should().Be("Fraud Detection v2");
        model.Start.Should().Be(Date(2027, 1, 4));
        model.Deadline.Should().Be(Date(2027, 6, 30));
        model.StatusDate.Should().Be(Date(2027, 2, 10));
        model.Currency.Should().Be("USD");
        model.Budget.Should().Be(1_200_000m);
        model.HoursPerDay.Should().Be(7.5m);
        model.Leveling.Should().BeFalse();
        model.Note.Should().Be("n");
        model.Calendar.Workdays.Days.Should().Equal(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Saturday);
        model.Calendar.Holidays.Select(h => (h.Range.From, h.Range.To, h.Name)).Should().Equal(
            (Date(2027, 1, 18), Date(2027, 1, 18), "MLK Day"),
            (Date(2027, 12, 24), Date(2027, 12, 31), (string?)null));
    }

    [Fact]
    public void Program_defaults()
    {
        var model = Model();
        model.HoursPerDay.Should().Be(8m);
        model.Leveling.Should().BeTrue();
        model.Deadline.Should().BeNull();
        model.Calendar.Workdays.Days.Should().Equal(DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday);
    }

    [Fact]
    public void Wrapping_weekday_range()
    {
        var model = Model("  calendar weekend { workdays fri..mon }");
        model.Calendars.Single().Workdays.Days.Should().Equal(DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday);
    }

    [Fact]
    public void People_roles_skills_calendars_and_rates()
    {
        var model = Model(
            "  hours-per-day 7.5",
            "  calendar emea \"EMEA\" { workdays mon..fri  holiday 2027-04-05 \"Easter Monday\" }",
            "  role data-scientist \"Data Scientist\"",
            "  role data-engineer { rate 900/d }",
            "  person alice \"Alice Chen\" {",
            "    role data-scientist, data-engineer",
            "    skills python, sql",
            "    capacity 50%",
            "    rate 950/d",
            "    calendar emea",
            "    vacation 2027-03-01..2027-03-05 \"Spring break\"",
            "    vacation 2027-04-02",
            "    email \"alice@example.com\"",
            "  }",
            "  person bob { rate 120/h }",
            "  person carol");
        var alice = model.People.Find("alice");
        alice.Title.Should().Be("Alice Chen");
        alice.Roles.Select(r => r.Id).Should().Equal("data-scientist", "data-engineer");
        alice.Skills.Should().Equal("python", "sql");
        alice.Capacity.Should().Be(0.5m);
        alice.Rate!.Value.PerDay(model.HoursPerDay).Should().Be(950m);
        alice.Calendar.Should().BeSameAs(model.Calendars.Single());
        alice.Calendar!.Holidays.Single().Range.From.Should().Be(Date(2027, 4, 5));
        alice.Vacations.Select(v => (v.Range.From, v.Range.To, v.Name)).Should().Equal(
            (Date(2027, 3, 1), Date(2027, 3, 5), "Spring break"),
            (Date(2027, 4, 2), Date(2027, 4, 2), (string?)null));
        alice.Email.Should().Be("alice@example.com");

        var bob = model.People.Find("bob");
        bob.Rate!.Value.Per.Should().Be(DurationUnit.Hours);
        bob.Rate.Value.PerDay(model.HoursPerDay).Should().Be(900m, "120/h over 7.5-hour days");
        bob.Capacity.Should().Be(1m);

        var carol = model.People.Find("carol");
        carol.Rate.Should().BeNull();
        carol.Calendar.Should().BeNull();
        carol.Roles.Should().BeEmpty();
        model.Roles.Find("data-engineer").Rate!.Value.Amount.Should().Be(900m);
    }

    [Fact]
    public void Teams_resources_stakeholders_metrics_and_decisions()
    {
        var model = Model(
            "  person alice  person bob",
            "  team platform \"ML Platform\" { lead alice  members alice, bob }",
            "  resource gpu-pool \"A100 pool\" { capacity 16  rate 2.5/h }",
            "  resource storage",
            "  stakeholder vp-risk { raci accountable  cadence weekly  contact bob }",
            "  metric auc { target >= 0.85  current 0.81  unit \"AUC\"  owner alice }",
            "  metric drift { target < 0.1  current -0.25 }",
            "  decision xgb { date 2027-01-20  owner platform  status accepted  rationale \"fast\" }");
        var team = model.Teams.Single();
        team.Lead!.Name.Should().Be("alice");
        team.Members.Select(m => m.Name).Should().Equal("alice", "bob");

        var gpu = model.Resources.Find("gpu-pool");
        gpu.Capacity.Should().Be(16);
        gpu.Rate!.Value.PerDay(8m).Should().Be(20m);
        model.Resources.Find("storage").Capacity.Should().Be(1, "the default capacity is one unit");

        var vp = model.Stakeholders.Single();
        (vp.Raci, vp.Cadence, vp.Contact!.Name).Should().Be((Raci.Accountable, "weekly", "bob"));

        var auc = model.Metrics.Find("auc");
        (auc.Target!.Operator, auc.Target.Value, auc.Current, auc.Unit, auc.Owner!.Name).Should().Be((">=", 0.85m, (decimal?)0.81m, "AUC", "alice"));
        auc.Target.IsMetBy(auc.Current!.Value).Should().BeFalse();
        var drift = model.Metrics.Find("drift");
        drift.Current.Should().Be(-0.25m);
        drift.Target!.IsMetBy(-0.25m).Should().BeTrue();

        var decision = model.Decisions.Single();
        (decision.Date, decision.Status, decision.Rationale).Should().Be(((CalendarDate?)Date(2027, 1, 20), DecisionStatus.Accepted, "fast"));
        decision.Owner.Should().BeSameAs(team);
    }

    [Fact]
    public void Dependency_types_and_lag_days()
    {
        var model = Model(
            "  task a { duration 1d }",
            "  task t { duration 1d  after a, a fs+2d, a fs-2d, a ss, a ff+1w, a sf, a -1d, a +4h, a ss+12h }");
        model.Task("t").Dependencies.Select(d => (d.Target.Id, d.Type, d.LagDays)).Should().Equal(
            ("a", DependencyType.FinishToStart, 0),
            ("a", DependencyType.FinishToStart, 2),
            ("a", DependencyType.FinishToStart, -2),
            ("a", DependencyType.StartToStart, 0),
            ("a", DependencyType.FinishToFinish, 5),
            ("a", DependencyType.StartToFinish, 0),
            ("a", DependencyType.FinishToStart, -1),
            ("a", DependencyType.FinishToStart, 1),
            ("a", DependencyType.StartToStart, 2));
    }

    [Fact]
    public void Hour_lags_round_up_with_the_program_hours_per_day()
    {
        var model = Model("  hours-per-day 4", "  task a { duration 1d }", "  task t { duration 1d  after a +6h, a +4h }");
        model.Task("t").Dependencies.Select(d => d.LagDays).Should().Equal(2, 1);
    }

    [Fact]
    public void Work_assignments_and_task_settings()
    {
        var model = Model(
            "  role data-engineer",
            "  person alice { role data-engineer  skills spark }  person bob",
            "  resource gpu-pool { capacity 8 }  resource storage { capacity 2 }",
            "  team platform",
            "  task eda { effort 10d  estimate 8d 10d 15d  assign alice, bob 50%  phase feasibility }",
            "  task pipeline {",
            "    duration 3w",
            "    after eda",
            "    assign role data-engineer 50%",
            "    requires skill spark",
            "    uses gpu-pool 4, storage",
            "    not-before 2027-02-01",
            "    due 2027-03-01",
            "    priority 700",
            "    review fairness, privacy",
            "    cost 5000",
            "    progress 40%",
            "    actual-start 2027-01-05",
            "    actual-finish 2027-01-20",
            "    actual-cost 1200",
            "    phase data",
            "    owner platform",
            "    note \"free text\"",
            "  }",
            "  task tiny { effort 4h  assign bob }");
        var eda = model.Task("eda");
        (eda.WorkKind, eda.Effort, eda.Duration).Should().Be((WorkKind.Effort, (decimal?)10m, (decimal?)null));
        (eda.Estimate!.Value.Optimistic, eda.Estimate.Value.MostLikely, eda.Estimate.Value.Pessimistic).Should().Be((8m, 10m, 15m));
        eda.Assignments.Select(a => (a.Person.Name, a.Share)).Should().Equal(("alice", 1m), ("bob", 0.5m));
        eda.Phase.Should().Be(Phase.Feasibility);
        eda.Priority.Should().Be(500, "500 is the default priority");

        var pipeline = model.Task("pipeline");
        (pipeline.WorkKind, pipeline.Duration).Should().Be((WorkKind.Duration, (decimal?)15m));
        pipeline.Dependencies.Single().Target.Should().BeSameAs(eda);
        pipeline.RoleAssignments.Select(r => (r.Role.Id, r.Share)).Should().Equal(("data-engineer", 0.5m));
        pipeline.Assignments.Should().BeEmpty();
        pipeline.RequiredSkills.Should().Equal("spark");
        pipeline.ResourceUses.Select(u => (u.Resource.Id, u.Units)).Should().Equal(("gpu-pool", 4), ("storage", 1));
        pipeline.NotBefore.Should().Be(Date(2027, 2, 1));
        pipeline.Due.Should().Be(Date(2027, 3, 1));
        pipeline.Priority.Should().Be(700);
        pipeline.Reviews.Should().Equal("fairness", "privacy");
        pipeline.Cost.Should().Be(5000m);
        pipeline.Progress.Should().Be(0.4m);
        pipeline.ActualStart.Should().Be(Date(2027, 1, 5));
        pipeline.ActualFinish.Should().Be(Date(2027, 1, 20));
        pipeline.ActualCost.Should().Be(1200m);
        pipeline.Phase.Should().Be(Phase.Data);
        pipeline.Owner.Should().BeSameAs(model.Teams.Single());
        pipeline.Note.Should().Be("free text");

        model.Task("tiny").Effort.Should().Be(0.5m, "4h over 8-hour days");
    }

    [Fact]
    public void Estimate_alone_is_the_work()
    {
        var task = Model("  task t { estimate 1d 2.5d 4w }").Task("t");
        task.WorkKind.Should().Be(WorkKind.Estimate);
        task.Estimate!.Value.Pessimistic.Should().Be(20m);
        task.WorkLocation!.Value.Text.Should().Be("estimate 1d 2.5d 4w");
    }

    [Fact]
    public void Milestones_gates_and_risks()
    {
        var model = Model(
            "  person alice",
            "  metric auc { target >= 0.85 }  metric latency { target <= 100 }",
            "  workstream data { task eda { duration 1d }  task pipeline { duration 1d } }",
            "  milestone signoff { after data.eda  due 2027-02-15  gate auc, latency }",
            "  risk label-quality { likelihood 30%  impact 2w  owner alice  mitigation \"relabel\"  affects data.pipeline, signoff  status mitigated }",
            "  risk a { likelihood low }  risk b { likelihood medium }  risk c { likelihood high }  risk d { impact 3d }");
        var signoff = model.Task("signoff");
        signoff.IsMilestone.Should().BeTrue();
        signoff.WorkKind.Should().Be(WorkKind.None);
        signoff.Dependencies.Single().Target.Id.Should().Be("data.eda");
        signoff.Due.Should().Be(Date(2027, 2, 15));
        signoff.Gates.Select(g => g.Id).Should().Equal("auc", "latency");

        var risk = model.Risks.Find("label-quality");
        risk.Likelihood.Should().Be(0.3m);
        risk.ImpactDays.Should().Be(10m);
        risk.Owner!.Id.Should().Be("alice");
        risk.Mitigation.Should().Be("relabel");
        risk.Affects.Select(a => a.Id).Should().Equal("data.pipeline", "signoff");
        risk.Status.Should().Be(RiskStatus.Mitigated);

        model.Risks.Where(r => r.Name.Length == 1).Select(r => r.Likelihood).Should().Equal(0.1m, 0.3m, 0.6m, 0m);
        model.Risks.Find("d").Status.Should().Be(RiskStatus.Open, "open is the default status");
    }

    [Fact]
    public void Workstream_children_order_and_qualified_ids()
    {
        var model = Model(
            "  task first { duration 1d }",
            "  workstream data \"Data\" {",
            "    owner alice",
            "    due 2027-03-01",
            "    task eda { duration 1d }",
            "    workstream inner {",
            "      task deep { duration 1d }",
            "      milestone done",
            "    }",
            "    task pipeline { duration 1d }",
            "  }",
            "  workstream modeling { after data  task train { duration 1d } }",
            "  person alice");
        model.Children.Select(c => c.Id).Should().Equal("first", "data", "modeling");
        var data = model.Workstreams.Find("data");
        data.Children.Select(c => c.Id).Should().Equal("data.eda", "data.inner", "data.pipeline");
        data.Title.Should().Be("Data");
        data.Depth.Should().Be(0);
        data.Owner!.Id.Should().Be("alice");
        data.Due.Should().Be(Date(2027, 3, 1));
        var inner = model.Workstreams.Find("data.inner");
        (inner.Depth, inner.Container).Should().Be((1, data));
        inner.Children.Select(c => c.Id).Should().Equal("data.inner.deep", "data.inner.done");
        model.Workstreams.Select(w => w.Id).Should().Equal("data", "data.inner", "modeling");
        model.Tasks.Select(t => t.Id).Should().Equal("first", "data.eda", "data.inner.deep", "data.inner.done", "data.pipeline", "modeling.train");
        model.Tasks.Select(t => t.Index).Should().Equal(0, 1, 2, 3, 4, 5);
        model.Task("data.inner.deep").Container.Should().BeSameAs(inner);
        model.Workstreams.Find("modeling").Dependencies.Single().Target.Should().BeSameAs(data);
    }

    [Fact]
    public void Symbol_locations_point_at_the_names()
    {
        var model = Model("  person alice", "  workstream data { task eda { duration 1d } }");
        model.Location.Where().Should().Be((Path, 1, 9));
        model.People.Single().Location.Where().Should().Be((Path, 3, 10));
        model.Task("data.eda").Location.Where().Should().Be((Path, 4, 26));
        model.Task("data.eda").WorkLocation!.Value.Text.Should().Be("duration 1d");
    }

    [Fact]
    public void Binder_can_be_used_directly_on_a_syntax_tree()
    {
        var tree = Parser.Parse(new ProgramDsl.Text.SourceText("x.tpm", "program p { start 2027-01-04  task t { duration 2d } }"));
        var result = Binder.Bind(tree);
        result.Diagnostics.Should().BeEmpty();
        result.Program!.Task("t").Duration.Should().Be(2m);
    }
}
