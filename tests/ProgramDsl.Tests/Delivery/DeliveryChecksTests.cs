using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;
using ProgramDsl.Tests.Leveling;

namespace ProgramDsl.Tests.Delivery
{
    public class DeliveryChecksTests
    {
        // Text(body) puts "program" on line 1 and "start" on line 2: the body starts on line 3.
        private static string[] Lines(TpmProgram program, string code) => program.WithCode(code).Select(d => d.ToString()).ToArray();

        private static TpmProgram Compile(string body, SeverityOptions? severities = null, bool schedule = true) =>
            TpmProgram.Parse(LevelingPlans.Text(body), "plan.tpm", new TpmCompileOptions { Severities = severities ?? SeverityOptions.Default, Schedule = schedule });

        private const string Person = "  person ana \"Ana\" { skills python }\n";

        // ---------------------------------------------------------------- TPM3001

        [Fact]
        public void High_risk_without_owner_is_reported_at_its_name()
        {
            var p = Compile(Person + "  risk drift \"Drift\" { likelihood 60%  impact 5d  mitigation \"Monitor\" }");
            Lines(p, "TPM3001").Should().Equal(
                "plan.tpm(4,8): warning TPM3001: open risk 'drift' has an exposure of 3 working days (60% × 5d) and no owner; add an 'owner', or close the risk");
        }

        [Fact]
        public void High_risk_without_owner_and_mitigation_names_both()
        {
            var p = Compile(Person + "  risk drift \"Drift\" { likelihood medium  impact 2w }");
            Lines(p, "TPM3001").Should().Equal(
                "plan.tpm(4,8): warning TPM3001: open risk 'drift' has an exposure of 3 working days (30% × 10d) and no owner and no mitigation; add an 'owner' and a 'mitigation', or close the risk");
        }

        [Fact]
        public void High_risk_without_mitigation_is_reported()
        {
            var p = Compile(Person + "  risk drift \"Drift\" { likelihood 80%  impact 10d  owner ana }");
            Lines(p, "TPM3001").Should().Equal(
                "plan.tpm(4,8): warning TPM3001: open risk 'drift' has an exposure of 8 working days (80% × 10d) and no mitigation; add a 'mitigation', or close the risk");
        }

        [Theory]
        [InlineData("likelihood 60%  impact 5d  owner ana  mitigation \"Monitor\"")] // managed
        [InlineData("likelihood 50%  impact 5d")] // exposure 2.5 days: below the threshold
        [InlineData("likelihood 90%  impact 10d  status closed")] // not open
        public void Managed_small_or_closed_risks_are_not_reported(string settings)
        {
            var p = Compile(Person + "  risk drift \"Drift\" { " + settings + " }");
            p.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            p.WithCode("TPM3001").Should().BeEmpty();
        }

        // ---------------------------------------------------------------- TPM3002

        [Fact]
        public void Assignee_without_required_skill_is_reported_at_the_assignment()
        {
            var p = Compile(Person + "  person ben \"Ben\" { skills sql }\n  task train \"Train\" { effort 4d  assign ana, ben  requires skill python }");
            Lines(p, "TPM3002").Should().Equal(
                "plan.tpm(5,47): warning TPM3002: 'ben' is assigned to task 'train' but lacks the required skill 'python'; assign someone who has it or add it to 'ben'");
        }

        [Fact]
        public void Role_holder_chosen_by_the_scheduler_without_the_skill_is_reported_at_the_role_assignment()
        {
            var p = Compile("  role ds\n  person ben \"Ben\" { role ds  skills sql }\n  task train \"Train\" { effort 4d  assign role ds  requires skill python }\n  person ana \"Ana\" { skills python }");
            Lines(p, "TPM3002").Should().Equal(
                "plan.tpm(5,42): warning TPM3002: 'ben', chosen for role 'ds' on task 'train', lacks the required skill 'python'; give the skill to a holder of the role or assign someone who has it");
        }

        [Fact]
        public void Without_scheduling_a_role_none_of_whose_holders_has_the_skills_is_reported()
        {
            var p = Compile("  role ds\n  person ben \"Ben\" { role ds  skills sql }\n  task train \"Train\" { effort 4d  assign role ds  requires skill python }\n  person ana \"Ana\" { skills python }", schedule: false);
            Lines(p, "TPM3002").Should().Equal(
                "plan.tpm(5,42): warning TPM3002: no holder of role 'ds' on task 'train' has every required skill (python); give the skills to a holder of the role or assign someone who has them");
        }

        [Fact]
        public void Without_scheduling_each_role_and_skill_set_is_judged_on_its_own()
        {
            // The judgement is kept per role and skills: another skill set or another role must not reuse it.
            var p = Compile("  role ds\n  role ml\n  person ben \"Ben\" { role ds  skills sql }\n  person cy \"Cy\" { role ml  skills python }\n" +
                "  task a \"A\" { effort 1d  assign role ds  requires skill sql }\n  task b \"B\" { effort 1d  assign role ds  requires skill python }\n" +
                "  task c \"C\" { effort 1d  assign role ds  requires skill python }\n  task d \"D\" { effort 1d  assign role ml  requires skill python }", schedule: false);
            p.WithCode("TPM3002").Select(d => d.Location!.Value.Start.Line + " " + d.Message.Substring(0, 40)).Should().Equal(
                "8 no holder of role 'ds' on task 'b' has e",
                "9 no holder of role 'ds' on task 'c' has e");
        }

        [Fact]
        public void Without_scheduling_thousands_of_role_assignments_are_checked_against_thousands_of_holders()
        {
            // A scan of all people per role assignment: 4,000 × 4,000. A guard against a hang, not a timing.
            var body = new System.Text.StringBuilder("  role ds\n" + Person);
            for (int i = 0; i < 4_000; i++) body.Append("  person p").Append(i).Append(" \"P\" { role ds  skills sql }\n");
            for (int i = 0; i < 4_000; i++) body.Append("  task t").Append(i).Append(" { effort 1d  assign role ds  requires skill python }\n");
            var started = System.DateTime.UtcNow;
            var p = Compile(body.ToString(), schedule: false);
            p.WithCode("TPM3002").Should().HaveCount(4_000);
            (System.DateTime.UtcNow - started).Should().BeLessThan(System.TimeSpan.FromSeconds(30));
        }

        [Fact]
        public void Skilled_assignees_and_role_holders_are_not_reported()
        {
            var p = Compile("  role ds\n  person ben \"Ben\" { role ds  skills sql }\n  person cy \"Cy\" { role ds  skills python, sql }\n" + Person +
                "  task a \"A\" { effort 4d  assign ana  requires skill python }\n  task b \"B\" { effort 4d  assign role ds  requires skill python }");
            p.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
            p.WithCode("TPM3002").Should().BeEmpty();
            p.Schedule!.Task("b").Assigned.Select(a => a.Person.Id).Should().Equal("cy");
        }

        // ---------------------------------------------------------------- TPM3003, TPM3004, TPM3005

        private const string Reviews = "  task review \"Review\" { duration 1d  review fairness, privacy, security }\n";
        private const string Gate = "  metric auc \"AUC\" { target >= 0.8  current 0.9 }\n  task train \"Train\" { duration 2d }\n  milestone eval \"Eval\" { after train  gate auc }\n";

        [Fact]
        public void Deployment_without_gate_monitoring_or_reviews_gets_all_three_at_the_task()
        {
            var p = Compile("  task deploy \"Deploy\" { duration 2d  phase deployment }");
            p.Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plan.tpm(3,8): warning TPM3003: deployment task 'deploy' has no milestone with a 'gate' upstream; make it depend ('after') on an evaluation milestone that gates a metric",
                "plan.tpm(3,8): warning TPM3004: deployment task 'deploy' has no monitoring-phase task after it; add a task with 'phase monitoring' that depends on it",
                "plan.tpm(3,8): warning TPM3005: deployment task 'deploy' has no fairness, privacy, security review upstream; add a task with 'review fairness, privacy, security' that it depends on");
        }

        [Fact]
        public void A_complete_delivery_chain_is_not_reported()
        {
            var p = Compile(Gate + Reviews +
                "  task deploy \"Deploy\" { duration 2d  after eval, review  phase deployment }\n  task watch \"Watch\" { duration 2d  after deploy  phase monitoring }");
            p.Diagnostics.Should().BeEmpty();
        }

        [Fact]
        public void Gate_and_reviews_reach_through_transitive_and_workstream_dependencies()
        {
            var p = Compile(Gate + Reviews +
                "  task bridge \"Bridge\" { duration 1d  after eval }\n" +
                "  workstream ship \"Ship\" {\n    after bridge, review\n    task deploy \"Deploy\" { duration 2d  phase deployment }\n  }\n" +
                "  workstream run \"Run\" {\n    after ship\n    task watch \"Watch\" { duration 2d  phase monitoring }\n  }");
            p.Diagnostics.Should().BeEmpty();
        }

        [Fact]
        public void Only_the_missing_review_kinds_are_named()
        {
            var p = Compile(Gate + "  task review \"Review\" { duration 1d  review privacy }\n" +
                "  task deploy \"Deploy\" { duration 2d  after eval, review  phase deployment }\n  task watch \"Watch\" { duration 2d  after deploy  phase monitoring }");
            Lines(p, "TPM3005").Should().Equal(
                "plan.tpm(7,8): warning TPM3005: deployment task 'deploy' has no fairness, security review upstream; add a task with 'review fairness, security' that it depends on");
            p.WithCode("TPM3003").Should().BeEmpty();
            p.WithCode("TPM3004").Should().BeEmpty();
        }

        [Fact]
        public void A_monitoring_task_before_the_deployment_does_not_count()
        {
            var p = Compile(Gate + Reviews + "  task watch \"Watch\" { duration 2d  phase monitoring }\n" +
                "  task deploy \"Deploy\" { duration 2d  after eval, review, watch  phase deployment }");
            Lines(p, "TPM3004").Should().Equal(
                "plan.tpm(8,8): warning TPM3004: deployment task 'deploy' has no monitoring-phase task after it; add a task with 'phase monitoring' that depends on it");
        }

        // ---------------------------------------------------------------- TPM3006

        [Fact]
        public void Gate_metric_below_target_is_an_info_at_the_gate_reference()
        {
            var p = Compile("  metric auc \"AUC\" { target >= 0.85  current 0.81 }\n  metric lat \"Latency\" { target <= 25  current 30  unit \"ms\" }\n" +
                "  milestone eval \"Eval\" { gate auc, lat }");
            Lines(p, "TPM3006").Should().Equal(
                "plan.tpm(5,32): info TPM3006: metric 'auc' gating milestone 'eval' is at 0.81, which does not meet its target >= 0.85",
                "plan.tpm(5,37): info TPM3006: metric 'lat' gating milestone 'eval' is at 30 ms, which does not meet its target <= 25 ms");
        }

        [Theory]
        [InlineData("target >= 0.85  current 0.85")]
        [InlineData("target <= 25  current 20")]
        [InlineData("target >= 0.85")] // no current value yet
        public void Gate_metric_meeting_its_target_or_without_a_value_is_not_reported(string settings)
        {
            var p = Compile("  metric auc \"AUC\" { " + settings + " }\n  milestone eval \"Eval\" { gate auc }");
            p.Diagnostics.Should().BeEmpty();
        }

        // ---------------------------------------------------------------- severities

        [Fact]
        public void A_globalconfig_turns_a_delivery_check_off_or_raises_it()
        {
            var config = SeverityOptions.ParseGlobalConfig("is_global = true\ndotnet_diagnostic.TPM3004.severity = none\ndotnet_diagnostic.TPM3003.severity = error\n");
            var p = Compile("  task deploy \"Deploy\" { duration 2d  phase deployment }", config);
            p.Diagnostics.Select(d => d.Code + " " + d.Severity).Should().Equal("TPM3003 Error", "TPM3005 Warning");
            p.Schedule.Should().NotBeNull("delivery checks judge the plan; they do not block its schedule");
        }

        [Fact]
        public void Delivery_checks_do_not_run_when_binding_reports_errors()
        {
            var p = Compile("  task deploy \"Deploy\" { duration 2d  phase deployment  after nowhere }");
            p.Diagnostics.Select(d => d.Code).Should().Equal("TPM1001");
        }
    }
}
