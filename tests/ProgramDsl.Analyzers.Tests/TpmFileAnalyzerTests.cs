using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using static ProgramDsl.Analyzers.Tests.Verify;

namespace ProgramDsl.Analyzers.Tests
{
    public class TpmFileAnalyzerTests
    {
        // The same plan as examples/errors/TPM1001.tpm without its comment lines: 'trian' is on line 7, columns 22–26.
        private const string UnknownReference =
            "program unknown-reference \"Unknown reference\" {\n" +
            "  start 2027-01-04\n" +
            "  person ana \"Ana Ruiz\" { skills python }\n" +
            "\n" +
            "  task train \"Train the model\" { effort 10d  assign ana }\n" +
            "  task evaluate \"Evaluate the model\" {\n" +
            "    effort 3d  after trian\n" +
            "    assign ana\n" +
            "  }\n" +
            "}\n";

        // 5 + 10 + 3 working days from Monday 2027-01-04 end on 2027-01-27, 3 working days after the deadline.
        private const string DeadlineMissed =
            "program deadline-missed \"Deadline missed\" {\n" +
            "  start 2027-01-04\n" +
            "  deadline 2027-01-22\n" +
            "  person ana \"Ana Ruiz\"\n" +
            "  person ben \"Ben Okafor\"\n" +
            "  task prepare \"Prepare\" { effort 5d  assign ben }\n" +
            "  task train \"Train\" { effort 10d  assign ana  after prepare }\n" +
            "  task report \"Report\" { duration 3d  assign ana, ben  after train }\n" +
            "}\n";

        // 'label' has effort and nobody assigned: TPM2003 at 'effort 8d' (line 4, columns 24–32).
        private const string EffortWithoutAssignee =
            "program p \"P\" {\n" +
            "  start 2027-01-04\n" +
            "  person ana \"Ana\"\n" +
            "  task label \"Label\" { effort 8d }\n" +
            "  task train \"Train\" { effort 10d  assign ana  after label }\n" +
            "}\n";

        private const string EffortMessage =
            "task 'label' has effort 8d but nobody assigned, so it is taken as a duration of 8 working days; assign someone or use 'duration'";

        [Fact]
        public async Task An_unknown_reference_is_reported_at_the_name_in_the_file()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/plan.tpm", UnknownReference));
            test.ExpectedDiagnostics.Add(Tpm("TPM1001", "/plans/plan.tpm", 7, 22, 7, 27, "unknown task 'trian'; did you mean 'train'?"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Scheduling_diagnostics_come_through_with_the_critical_path()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/late.tpm", DeadlineMissed));
            test.ExpectedDiagnostics.Add(Tpm("TPM2202", "/plans/late.tpm", 3, 3, 3, 22,
                "program 'deadline-missed' finishes on 2027-01-27, 3 working days after its deadline 2027-01-22; critical path: prepare → train → report"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Includes_resolve_among_the_additional_files_and_a_fragment_is_reported_once_in_its_own_file()
        {
            const string program =
                "program p \"P\" {\n" +
                "  start 2027-01-04\n" +
                "  include \"people.tpm\"\n" +
                "  task t \"T\" { effort 2d  assign bob }\n" +
                "}\n";
            const string fragment = "person ana \"Ana\"\nperson ana \"Ana again\"\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/main.tpm", program));
            test.TestState.AdditionalFiles.Add(("/plans/people.tpm", fragment));
            test.ExpectedDiagnostics.Add(Tpm("TPM1001", "/plans/main.tpm", 4, 34, 4, 37, "unknown person 'bob'"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM1002", DiagnosticSeverity.Error)
                .WithSpan("/plans/people.tpm", 2, 8, 2, 11)
                .WithSpan("/plans/people.tpm", 1, 8, 1, 11));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_missing_include_is_TPM1004_because_the_analyzer_reads_no_files()
        {
            const string program = "program p \"P\" {\n  start 2027-01-04\n  include \"missing.tpm\"\n}\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/main.tpm", program));
            test.ExpectedDiagnostics.Add(Tpm("TPM1004", "/plans/main.tpm", 3, 11, 3, 24, "cannot include 'missing.tpm': no such file (looked for '/plans/missing.tpm')"));
            await test.RunAsync();
        }

        [Fact]
        public async Task An_include_outside_the_folder_of_the_plans_is_TPM1006()
        {
            const string program = "program p \"P\" {\n  start 2027-01-04\n  include \"/etc/passwd\"\n  include \"../../secret.tpm\"\n}\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/repo/plans/main.tpm", program));
            test.TestState.AdditionalFiles.Add(("/repo/plans/other.tpm", "person ana \"Ana\"\n"));
            test.ExpectedDiagnostics.Add(Tpm("TPM1006", "/repo/plans/main.tpm", 3, 11, 3, 24,
                "cannot include '/etc/passwd': it is outside the workspace '/repo/plans'; only files inside it are read (looked for '/etc/passwd')"));
            test.ExpectedDiagnostics.Add(Tpm("TPM1006", "/repo/plans/main.tpm", 4, 11, 4, 29,
                "cannot include '../../secret.tpm': it is outside the workspace '/repo/plans'; only files inside it are read (looked for '/secret.tpm')"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TpmWorkspace_confines_includes_even_to_listed_files()
        {
            const string program = "program p \"P\" {\n  start 2027-01-04\n  include \"../shared/team.tpm\"\n  task t \"T\" { effort 2d  assign ana }\n}\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/repo/plans/main.tpm", program));
            test.TestState.AdditionalFiles.Add(("/repo/shared/team.tpm", "person ana \"Ana\"\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.TpmWorkspace = /repo/plans\n"));
            test.ExpectedDiagnostics.Add(Tpm("TPM1006", "/repo/plans/main.tpm", 3, 11, 3, 31,
                "cannot include '../shared/team.tpm': it is outside the workspace '/repo/plans'; only files inside it are read (looked for '/repo/shared/team.tpm')"));
            test.ExpectedDiagnostics.Add(Tpm("TPM1001", "/repo/plans/main.tpm", 4, 34, 4, 37, "unknown person 'ana'"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Without_TpmWorkspace_a_listed_plan_in_a_sibling_folder_can_be_included()
        {
            const string program = "program p \"P\" {\n  start 2027-01-04\n  include \"../shared/team.tpm\"\n  task t \"T\" { effort 2d  assign ana }\n}\n";
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/repo/plans/main.tpm", program));
            test.TestState.AdditionalFiles.Add(("/repo/shared/team.tpm", "person ana \"Ana\"\n"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_warning_keeps_its_default_severity()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/p.tpm", EffortWithoutAssignee));
            test.ExpectedDiagnostics.Add(Tpm("TPM2003", "/plans/p.tpm", 4, 24, 4, 33, EffortMessage));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_globalconfig_raises_a_warning_to_an_error()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/p.tpm", EffortWithoutAssignee));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.TPM2003.severity = error\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult("TPM2003", DiagnosticSeverity.Error).WithSpan("/plans/p.tpm", 4, 24, 4, 33).WithMessage(EffortMessage));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_globalconfig_can_turn_a_code_off()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/p.tpm", EffortWithoutAssignee));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.TPM2003.severity = none\n"));
            await test.RunAsync();
        }

        [Fact]
        public async Task Other_additional_files_and_valid_plans_give_nothing()
        {
            var test = Analyzer<TpmFileAnalyzer>();
            test.TestState.AdditionalFiles.Add(("/plans/notes.txt", "task x { after nowhere }"));
            test.TestState.AdditionalFiles.Add(("/plans/ok.tpm", "program ok \"OK\" {\n  start 2027-01-04\n  task t \"T\" { duration 2d }\n}\n"));
            await test.RunAsync();
        }
    }
}
