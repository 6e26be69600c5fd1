using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ProgramDsl.Baselines;
using ProgramDsl.Diagnostics;
using ProgramDsl.Semantics;
using ProgramDsl.Syntax.Formatting;

namespace ProgramDsl.Tests.Baselines
{
    /// <summary>The <c>baseline</c> and <c>baseline-tolerance</c> statements, read and judged by <see cref="TpmProgram.Compile"/>.</summary>
    public class BaselineStatementTests
    {
        private const string BaselinePath = "plans/churn.baseline.q1.json";

        // The plan as it was agreed: a 2027-01-04..08 (Mon–Fri), b 2027-01-11..13, milestone m at b's finish, old 2027-01-04.
        private const string Agreed = @"program churn ""Churn model"" {
  start 2027-01-04
  task a ""A"" { duration 5d }
  task b ""B"" { duration 3d  after a }
  milestone m ""M"" { after b }
  task old { duration 1d }
}
";

        // Later: a takes 7 days (2027-01-04..12), so b runs 2027-01-13..15 and m slips 2 working days; old is gone, extra is new.
        private static string Current(string settings = "") => @"program churn ""Churn model"" {
  start 2027-01-04
  baseline ""churn.baseline.q1.json""
" + settings + @"  task a ""A"" { duration 7d }
  task b ""B"" { duration 3d  after a }
  milestone m ""M"" { after b }
  task extra { duration 2d }
}
";

        private static string AgreedBaseline()
        {
            var program = TpmProgram.Parse(Agreed, "plans/churn.tpm");
            return BaselineJson.Write(BaselineSnapshot.Capture(program.Schedule!, "q1"));
        }

        private static TpmProgram Compile(string plan, string? baseline = null, TpmCompileOptions? options = null, string path = BaselinePath)
        {
            var resolver = new InMemorySourceResolver();
            resolver.Add(path, baseline ?? AgreedBaseline());
            return TpmProgram.Parse(plan, "plans/churn.tpm", options, resolver);
        }

        [Fact]
        public void Without_a_baseline_statement_nothing_is_read_or_reported()
        {
            var program = TpmProgram.Parse(Agreed, "plans/churn.tpm");

            program.Baseline.Should().BeNull();
            program.Model!.BaselinePath.Should().BeNull();
            program.Model.BaselineToleranceDays.Should().Be(0m);
            program.Diagnostics.Should().BeEmpty();
        }

        [Fact]
        public void Slips_are_counted_in_working_days_against_the_frozen_dates()
        {
            var program = Compile(Current());

            var comparison = program.Baseline!;
            comparison.Path.Should().Be(BaselinePath);
            comparison.Baseline.Name.Should().Be("q1");
            var task = program.Model!.Tasks.ToDictionary(t => t.Id);
            // a: 2027-01-04..08 then, 2027-01-04..12 now: starts on time, finishes 2 working days later (the weekend is free).
            var a = comparison.SlipOf(task["a"])!;
            (a.Planned.Finish, a.Current.FinishDate, a.StartSlipDays, a.FinishSlipDays).Should().Be((CalendarDate.FromYmd(2027, 1, 8), CalendarDate.FromYmd(2027, 1, 12), 0, 2));
            var b = comparison.SlipOf(task["b"])!;
            (b.Planned.Start, b.Current.StartDate, b.StartSlipDays, b.FinishSlipDays).Should().Be((CalendarDate.FromYmd(2027, 1, 11), CalendarDate.FromYmd(2027, 1, 13), 2, 2));
            comparison.SlipOf(task["m"])!.FinishSlipDays.Should().Be(2);
            comparison.SlipOf(task["extra"]).Should().BeNull();
            comparison.Added.Select(t => t.Id).Should().Equal("extra");
            comparison.Removed.Select(i => i.Id).Should().Equal("old");
            comparison.FinishSlipDays.Should().Be(2);
        }

        [Fact]
        public void A_milestone_past_its_baseline_date_is_a_warning_at_the_milestone()
        {
            var program = Compile(Current());

            var slipped = program.Diagnostics.Single(d => d.Code == "TPM2203");
            slipped.Severity.Should().Be(DiagnosticSeverity.Warning);
            slipped.ToString().Should().Be(
                "plans/churn.tpm(6,13): warning TPM2203: milestone 'm' is now on 2027-01-15, 2 working days after its baseline date 2027-01-13 (baseline 'q1'), " +
                "more than the tolerance of 0 working days; bring the work back in, or agree the new date and save a new baseline");
            // Tasks slip too, but only milestones are promises: a and b are not reported.
            program.Diagnostics.Count(d => d.Code == "TPM2203").Should().Be(1);
        }

        [Theory]
        [InlineData("  baseline-tolerance 2d\n", false)]
        [InlineData("  baseline-tolerance 1d\n", true)]
        [InlineData("  baseline-tolerance 1.5d\n", true)]
        [InlineData("  baseline-tolerance 16h\n", false)]
        [InlineData("  hours-per-day 4\n  baseline-tolerance 4h\n", true)]
        [InlineData("  baseline-tolerance 1w\n", false)]
        public void The_tolerance_is_in_working_days_and_a_slip_up_to_it_is_quiet(string settings, bool warned)
        {
            var program = Compile(Current(settings));

            program.Diagnostics.Any(d => d.Code == "TPM2203").Should().Be(warned, string.Join("\n", program.Diagnostics));
        }

        [Fact]
        public void The_tolerance_is_named_in_the_message()
        {
            var program = Compile(Current("  baseline-tolerance 1d\n"));

            program.Diagnostics.Single(d => d.Code == "TPM2203").Message.Should().Contain("2 working days after its baseline date 2027-01-13 (baseline 'q1'), more than the tolerance of 1 working day;");
        }

        [Fact]
        public void Added_and_removed_work_is_one_info_at_the_statement_pointing_at_the_removed_items_in_the_baseline()
        {
            var program = Compile(Current());

            var changed = program.Diagnostics.Single(d => d.Code == "TPM2204");
            changed.Severity.Should().Be(DiagnosticSeverity.Info);
            changed.ToString().Should().Be(
                "plans/churn.tpm(3,12): info TPM2204: since baseline 'q1', tasks and milestones 1 added (extra) and 1 removed (old); they are not compared with the baseline");
            var removed = changed.AdditionalLocations.Single();
            removed.Path.Should().Be(BaselinePath);
            removed.Text.Should().Be("\"old\"");
        }

        [Fact]
        public void Many_changes_name_the_first_five_of_each()
        {
            var agreed = "program churn {\n  start 2027-01-04\n" + string.Concat(Enumerable.Range(1, 8).Select(i => "  task old" + i + " { duration 1d }\n")) + "}\n";
            var baseline = BaselineJson.Write(BaselineSnapshot.Capture(TpmProgram.Parse(agreed).Schedule!, "q1"));
            var current = "program churn {\n  start 2027-01-04\n  baseline \"churn.baseline.q1.json\"\n" + string.Concat(Enumerable.Range(1, 7).Select(i => "  task new" + i + " { duration 1d }\n")) + "}\n";

            var changed = Compile(current, baseline).Diagnostics.Single(d => d.Code == "TPM2204");

            changed.Message.Should().Be("since baseline 'q1', tasks and milestones 7 added (new1, new2, new3, new4, new5 and 2 more) and 8 removed (old1, old2, old3, old4, old5 and 3 more); they are not compared with the baseline");
            changed.AdditionalLocations.Should().HaveCount(8);
        }

        [Fact]
        public void An_unchanged_plan_against_its_own_baseline_reports_nothing()
        {
            var plan = Agreed.Replace("  start 2027-01-04\n", "  start 2027-01-04\n  baseline \"churn.baseline.q1.json\"\n");
            var program = Compile(plan);

            program.Diagnostics.Should().BeEmpty();
            program.Baseline!.Slips.Should().OnlyContain(s => s.StartSlipDays == 0 && s.FinishSlipDays == 0).And.HaveCount(4);
        }

        [Fact]
        public void A_baseline_of_another_program_is_an_error_naming_both_and_nothing_is_compared()
        {
            var other = TpmProgram.Parse(Agreed.Replace("program churn", "program fraud"));
            var baseline = BaselineJson.Write(BaselineSnapshot.Capture(other.Schedule!, "q1"));

            var program = Compile(Current(), baseline);

            program.Baseline.Should().BeNull();
            program.Schedule.Should().NotBeNull();
            program.Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plans/churn.tpm(3,12): error TPM1105: baseline 'churn.baseline.q1.json' was saved from program 'fraud', not from 'churn'; name a baseline of this program, or save one with 'tpm baseline save'");
        }

        [Fact]
        public void A_missing_baseline_is_an_error_at_the_statement_and_the_plan_is_still_scheduled()
        {
            var program = Compile(Current(), path: "plans/other.json");

            program.Baseline.Should().BeNull();
            program.Schedule.Should().NotBeNull();
            program.Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plans/churn.tpm(3,12): error TPM1104: cannot read baseline 'churn.baseline.q1.json': no such file (looked for 'plans/churn.baseline.q1.json')");
        }

        [Fact]
        public void A_bad_baseline_is_reported_in_the_json_file()
        {
            var program = Compile(Current(), "{\n  \"format_version\": 1,\n  \"name\": 7\n}\n");

            program.Baseline.Should().BeNull();
            program.Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plans/churn.baseline.q1.json(3,11): error TPM1104: 'name' must be a string; write baselines with 'tpm baseline save' rather than by hand");
        }

        [Fact]
        public void The_path_is_resolved_against_the_file_that_names_it_and_kept_in_the_workspace()
        {
            var fragment = "baseline \"../baselines/q1.json\"\n";
            var plan = Current().Replace("  baseline \"churn.baseline.q1.json\"\n", "  include \"parts/settings.tpm\"\n");
            var resolver = new InMemorySourceResolver { Workspace = "plans" };
            resolver.Add("plans/parts/settings.tpm", fragment).Add("plans/baselines/q1.json", AgreedBaseline());

            var program = TpmProgram.Parse(plan, "plans/churn.tpm", null, resolver);
            program.Baseline!.Path.Should().Be("plans/baselines/q1.json");
            program.Model!.BaselineLocation!.Value.Path.Should().Be("plans/parts/settings.tpm");

            resolver.Add("plans/parts/settings.tpm", "baseline \"../../secret.json\"\n").Add("secret.json", AgreedBaseline());
            TpmProgram.Parse(plan, "plans/churn.tpm", null, resolver).Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plans/parts/settings.tpm(1,10): error TPM1104: cannot read baseline '../../secret.json': it is outside the workspace 'plans'; only files inside it are read (looked for 'secret.json')");

            resolver.Add("plans/parts/settings.tpm", "baseline \"../churn.tpm\"\n");
            TpmProgram.Parse(plan, "plans/churn.tpm", null, resolver).Diagnostics.Select(d => d.ToString()).Should().Equal(
                "plans/parts/settings.tpm(1,10): error TPM1104: cannot read baseline '../churn.tpm': it is not a baseline file; a baseline statement reads only files named '*.json' (looked for 'plans/churn.tpm')");
        }

        [Fact]
        public void Severities_are_configurable_as_for_every_code()
        {
            var options = new TpmCompileOptions
            {
                Severities = SeverityOptions.From(new Dictionary<string, DiagnosticSeverity?> { ["TPM2203"] = DiagnosticSeverity.Error, ["TPM2204"] = null }),
            };

            var program = Compile(Current(), options: options);

            program.Diagnostics.Select(d => (d.Code, d.Severity)).Should().Equal(("TPM2203", DiagnosticSeverity.Error));
            program.Baseline.Should().NotBeNull();
        }

        [Fact]
        public void A_resolver_that_does_not_read_baselines_reads_none_and_reports_nothing()
        {
            var program = TpmProgram.Parse(Current(), "plans/churn.tpm", null, new PlansOnly());

            program.Baseline.Should().BeNull();
            program.Diagnostics.Should().BeEmpty();
            program.Model!.BaselinePath.Should().Be("churn.baseline.q1.json");
        }

        [Fact]
        public void A_program_with_errors_is_not_compared()
        {
            var program = Compile(Current().Replace("after a", "after zz"));

            program.Baseline.Should().BeNull();
            program.Diagnostics.Select(d => d.Code).Should().Equal("TPM1001");
        }

        [Fact]
        public void Baseline_statements_are_settings_given_once()
        {
            var program = Compile(Current("  baseline \"x.json\"\n  baseline-tolerance 1d\n  baseline-tolerance 2d\n"));

            program.Diagnostics.Where(d => d.Code == "TPM1103").Select(d => d.Message).Should().Equal(
                "'baseline' is set more than once in program 'churn' (first at plans/churn.tpm(3,3)); keep one",
                "'baseline-tolerance' is set more than once in program 'churn' (first at plans/churn.tpm(5,3)); keep one");
        }

        [Fact]
        public void The_formatter_keeps_the_statements()
        {
            var text = "program churn {\n  start 2027-01-04\n  baseline   \"churn.baseline.q1.json\"\n  baseline-tolerance  3d\n}\n";

            PlanFormatter.Format(text).Text.Should().Be("program churn {\n  start 2027-01-04\n  baseline \"churn.baseline.q1.json\"\n  baseline-tolerance 3d\n}\n");
        }

        private sealed class PlansOnly : ISourceResolver
        {
            public string ResolvePath(string includingPath, string includePath) => SourcePaths.Combine(includingPath, includePath);

            public bool TryReadText(string path, out string text, [NotNullWhen(false)] out SourceReadError? error)
            {
                text = string.Empty;
                error = SourceReadError.Unreadable("no such file");
                return false;
            }
        }
    }
}
