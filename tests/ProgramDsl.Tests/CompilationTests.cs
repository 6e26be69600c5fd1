using System.Collections.Generic;
using System.Linq;
using ProgramDsl.Diagnostics;

namespace ProgramDsl.Tests
{
    /// <summary>The pipeline's gate: scheduling runs when parse and bind leave no error at the configured severities.</summary>
    public class CompilationTests
    {
        private const string WithEffortWarning = "program p \"P\" {\n  start 2027-01-04\n  task a { effort 3d }\n}\n";
        private const string WithUnknownReference = "program p \"P\" {\n  start 2027-01-04\n  task a { duration 2d }\n  task b { duration 1d  after a, nope }\n}\n";

        private static TpmCompileOptions With(string code, DiagnosticSeverity? severity, bool warningsAsErrors = false) => new TpmCompileOptions
        {
            Severities = SeverityOptions.From(new[] { new KeyValuePair<string, DiagnosticSeverity?>(code, severity) }),
            WarningsAsErrors = warningsAsErrors,
        };

        [Fact]
        public void A_warning_does_not_block_the_schedule()
        {
            var p = TpmProgram.Parse(WithEffortWarning);
            p.Diagnostics.Single().Code.Should().Be("TPM2003");
            p.Schedule.Should().NotBeNull();
        }

        [Fact]
        public void A_warning_raised_to_an_error_blocks_the_schedule()
        {
            var p = TpmProgram.Parse(WithEffortWarning, options: With("TPM2003", DiagnosticSeverity.Error));
            p.Diagnostics.Single().Severity.Should().Be(DiagnosticSeverity.Error);
            p.Schedule.Should().BeNull();
        }

        [Fact]
        public void Warnings_as_errors_blocks_the_schedule_too()
        {
            var p = TpmProgram.Parse(WithEffortWarning, options: new TpmCompileOptions { WarningsAsErrors = true });
            p.HasErrors.Should().BeTrue();
            p.Schedule.Should().BeNull();
        }

        [Fact]
        public void An_error_lowered_to_a_warning_lets_the_rest_of_the_program_be_scheduled()
        {
            var p = TpmProgram.Parse(WithUnknownReference, options: With("TPM1001", DiagnosticSeverity.Warning));
            p.Diagnostics.Single().Should().Match<Diagnostic>(d => d.Code == "TPM1001" && d.Severity == DiagnosticSeverity.Warning);
            p.Schedule!.Find("b")!.Start.Should().Be(2, "b still follows a; only the unknown 'nope' is dropped");
        }

        [Fact]
        public void A_suppressed_diagnostic_is_gone_and_syntax_errors_cannot_be_lowered()
        {
            TpmProgram.Parse(WithEffortWarning, options: With("TPM2003", null)).Diagnostics.Should().BeEmpty();
            var broken = TpmProgram.Parse("program p { start 2027-01-04  task a { effort } }", options: With("TPM0001", DiagnosticSeverity.Hidden));
            broken.Diagnostics.Should().Contain(d => d.Code == "TPM0001" && d.Severity == DiagnosticSeverity.Error);
            broken.Schedule.Should().BeNull();
        }

        [Fact]
        public void Default_options_are_fresh_instances_so_no_caller_changes_another_callers_defaults()
        {
            var mine = TpmCompileOptions.Default;
            mine.WarningsAsErrors = true;
            TpmCompileOptions.Default.WarningsAsErrors.Should().BeFalse();
            TpmProgram.Parse(WithEffortWarning).HasErrors.Should().BeFalse();
        }
    }
}
