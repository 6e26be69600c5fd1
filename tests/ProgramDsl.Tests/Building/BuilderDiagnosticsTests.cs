using System;
using System.Linq;
using ProgramDsl.Building;
using ProgramDsl.Diagnostics;
using Dep = ProgramDsl.Building.Dependency;

namespace ProgramDsl.Tests.Building
{
    /// <summary>
    /// The builder does not validate: a mistake reaches the compiler, and <see cref="ProgramBuilder.Build"/> returns the
    /// compiler's diagnostics (located in the rendered text) instead of throwing.
    /// </summary>
    public class BuilderDiagnosticsTests
    {
        private static ProgramBuilder Base() => Plan.Program("p", "P").Start("2027-01-04").Person("ana", "Ana");

        /// <summary>Builds, requires exactly one diagnostic, and checks it points at the rendered line holding <paramref name="lineText"/>.</summary>
        private static Diagnostic Single(ProgramBuilder builder, string code, string lineText)
        {
            TpmProgram program = null!;
            FluentActions.Invoking(() => program = builder.Build()).Should().NotThrow();
            var diagnostic = program.Diagnostics.Should().ContainSingle().Subject;
            diagnostic.Code.Should().Be(code, diagnostic.ToString());
            diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);

            var lines = builder.ToText().Split('\n');
            var at = diagnostic.Location!.Value;
            at.Path.Should().Be("builder.tpm");
            lines[at.Start.Line - 1].Should().Contain(lineText);
            diagnostic.ToString().Should().StartWith("builder.tpm(" + at.Start.Line + ",");
            program.Schedule.Should().BeNull();
            return diagnostic;
        }

        [Fact]
        public void An_unknown_reference_is_TPM1001()
        {
            var d = Single(Base().Task("a", null, t => t.Duration(1)).Task("b", null, t => t.Duration(1).After("aa")), "TPM1001", "after aa");
            d.Message.Should().Contain("'aa'").And.Contain("did you mean 'a'");
        }

        [Fact]
        public void A_duplicate_id_is_TPM1002()
        {
            Single(Base().Task("a", "First", t => t.Duration(1)).Task("a", "Second", t => t.Duration(2)), "TPM1002", "task a \"Second\"");
        }

        [Fact]
        public void A_person_and_a_task_of_one_name_are_a_duplicate_too()
        {
            Single(Base().Task("ana", null, t => t.Duration(1)), "TPM1002", "task ana");
        }

        [Fact]
        public void A_cycle_is_TPM2001_naming_every_task_on_it()
        {
            var builder = Base()
                .Task("a", null, t => t.Duration(1).After("c"))
                .Task("b", null, t => t.Duration(1).After("a"))
                .Task("c", null, t => t.Duration(1).After("b", Dep.StartToStart, 1));
            var program = builder.Build();
            var cycle = program.Diagnostics.Should().ContainSingle().Subject;
            cycle.Code.Should().Be("TPM2001");
            cycle.Message.Should().Contain("'a'").And.Contain("'b'").And.Contain("'c'");
            program.Schedule.Should().BeNull();
        }

        [Fact]
        public void A_share_of_150_percent_is_TPM1102()
        {
            var d = Single(Base().Task("a", null, t => t.Effort(2).Assign("ana", 150)), "TPM1102", "assign ana 150%");
            d.Message.Should().Contain("150");
        }

        [Fact]
        public void Several_mistakes_come_back_together_in_text_order()
        {
            var program = Base()
                .Task("a", null, t => t.Duration(1).After("nope"))
                .Task("a", null, t => t.Duration(1))
                .Task("b", null, t => t.Effort(1).Assign("ana", 150))
                .Build();
            program.Diagnostics.Select(d => d.Code).Should().Equal("TPM1001", "TPM1002", "TPM1102");
        }

        [Fact]
        public void Other_invalid_values_reach_the_compiler_as_its_own_codes()
        {
            Single(Base().Task("a", null, t => t.Duration(1).Priority(0)), "TPM1102", "priority 0");
            Single(Base().Resource("gpu", null, 0), "TPM1102", "capacity 0");
            Single(Base().Workstream("w", null, w => w.After("x", Dep.FinishToFinish).Task("x", null, t => t.Duration(1))), "TPM1102", "after x ff");
            Single(Base().Task("a", null, t => t.Duration(1).After("b", Dep.FinishToStart, int.MinValue)).Task("b", null, t => t.Duration(1)), "TPM1102", "after b fs-2147483648d");
            Single(Base().Task("a", null, t => t.Duration(1).Due("2027-02-30")), "TPM1102", "due 2027-02-30");
            Single(Base().Task("a", null, t => t.Duration(1).Estimate(5, 2, 8)), "TPM1102", "estimate 5d 2d 8d");
        }

        [Fact]
        public void Values_the_language_cannot_spell_are_syntax_errors_TPM0001()
        {
            // No negative numbers, NaN, bad ids or non-dates in the language: the parser says so.
            Single(Base().Task("a", null, t => t.Duration(1).Cost(-5m)), "TPM0001", "cost -5");
            Single(Base().Task("a", null, t => t.Duration(double.NaN)), "TPM0001", "duration NaNd");
            Single(Base().Task("2fast", null, t => t.Duration(1)), "TPM0001", "task 2fast");
            Single(Base().Task("a", null, t => t.Duration(1).NotBefore("next monday")), "TPM0001", "not-before next monday");
        }

        [Fact]
        public void A_program_without_start_is_TPM1101_and_the_path_is_the_one_given()
        {
            var program = Plan.Program("p").Task("a", null, t => t.Duration(1)).Build(path: "plans/from-code.tpm");
            var d = program.Diagnostics.Should().ContainSingle().Subject;
            d.Code.Should().Be("TPM1101");
            d.ToString().Should().StartWith("plans/from-code.tpm(1,9): error TPM1101");
        }

        [Fact]
        public void Compile_options_are_passed_through()
        {
            var builder = Base().Task("a", null, t => t.Effort(3));
            builder.Build().Diagnostics.Single().Code.Should().Be("TPM2003");
            builder.Build().Schedule.Should().NotBeNull();
            var strict = builder.Build(new TpmCompileOptions { WarningsAsErrors = true });
            strict.HasErrors.Should().BeTrue();
            strict.Schedule.Should().BeNull();
            builder.Build(new TpmCompileOptions { Schedule = false }).Schedule.Should().BeNull();
        }
    }
}
