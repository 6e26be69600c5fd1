using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ProgramDsl.Analyzers.CodeFixes;
using static ProgramDsl.Analyzers.Tests.BuilderVerify;
using static ProgramDsl.Analyzers.Tests.Verify;

namespace ProgramDsl.Analyzers.Tests
{
    public class BuilderAnalyzerTests
    {
        private const string Usings = "using System;\nusing ProgramDsl;\nusing ProgramDsl.Building;\n";

        private static Task Run(string body, params DiagnosticResult[] expected)
        {
            var test = Analyzer<BuilderAnalyzer>(Usings + body);
            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        // ------------------------------------------------------------------ TPM5001

        [Fact]
        public async Task An_unknown_id_is_reported_at_the_literal_with_a_suggestion_of_the_right_kind()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\", \"P\").Start(\"2027-01-04\")\n" +
                "        .Role(\"de\").Person(\"ana\", null, p => p.Role({|#2:\"dee\"|}))\n" +
                "        .Task(\"train\", \"Train\", t => t.Duration(5).Assign(\"ana\"))\n" +
                "        .Task(\"evaluate\", \"Evaluate\", t => t.Duration(2).After({|#0:\"trian\"|}).Assign({|#1:\"bob\"|}).Uses({|#3:\"gpu\"|}))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5001", 0, "unknown task 'trian': the plan never defines it; did you mean 'train'?"),
                At("TPM5001", 1, "unknown person 'bob': the plan never defines it; define it or fix the id"),
                At("TPM5001", 2, "unknown role 'dee': the plan never defines it; did you mean 'de'?"),
                At("TPM5001", 3, "unknown resource 'gpu': the plan never defines it; define it or fix the id"));
        }

        [Fact]
        public async Task Ids_defined_later_in_nested_workstreams_or_qualified_resolve_like_the_language()
        {
            // 'eda' is the one nested task of that name, 'data.eda' is qualified, 'late' is defined after its use,
            // and the risk's affects and owner resolve too. Only 'data.eds' is unknown; its suggestion is qualified.
            await Run(
                "class C\n" +
                "{\n" +
                "    string M() => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(\"first\", null, t => t.Duration(1).After(\"late\").After(\"eda\").After(\"data.eda\"))\n" +
                "        .Workstream(\"data\", null, w => w.Owner(\"ana\")\n" +
                "            .Task(\"eda\", null, t => t.Duration(2))\n" +
                "            .Workstream(\"inner\", null, i => i.Task(\"deep\", null, t => t.Duration(1).After(\"eda\")))\n" +
                "            .Milestone(\"ready\", null, m => m.After(\"inner.deep\")))\n" +
                "        .Task(\"second\", null, t => t.Duration(1).After({|#0:\"data.eds\"|}).After(\"data.inner\"))\n" +
                "        .Task(\"late\", null, t => t.Duration(1))\n" +
                "        .Person(\"ana\")\n" +
                "        .Risk(\"r\", null, r => r.Owner(\"ana\").Affects(\"first\", \"data.ready\", \"data\"))\n" +
                "        .ToText();\n" +
                "}\n",
                At("TPM5001", 0, "unknown task 'data.eds': the plan never defines it; did you mean 'data.eda'?"));
        }

        [Fact]
        public async Task Unknown_ids_are_not_judged_when_part_of_the_plan_is_hidden_or_not_constant()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    static void Use(ProgramBuilder b) { }\n" +
                "    static void Configure(WorkstreamBuilder w) { }\n" +
                "    // Returned: the caller may define 'x'.\n" +
                "    ProgramBuilder Returned() => Plan.Program(\"p\").Task(\"a\", null, t => t.Duration(1).After(\"x\"));\n" +
                "    void Passed() => Use(Plan.Program(\"p\").Task(\"a\", null, t => t.Duration(1).After(\"x\")));\n" +
                "    ProgramBuilder? _kept;\n" +
                "    void Stored() => _kept = Plan.Program(\"p\").Task(\"a\", null, t => t.Duration(1).After(\"x\"));\n" +
                "    TpmProgram NonConstantId(string id) => Plan.Program(\"p\").Task(id, null, t => t.Duration(1)).Task(\"a\", null, t => t.Duration(1).After(\"x\")).Build();\n" +
                "    TpmProgram NonConstantReference(string id) => Plan.Program(\"p\").Task(\"a\", null, t => t.Duration(1).After(id)).Build();\n" +
                "    TpmProgram HiddenWorkstream() => Plan.Program(\"p\").Workstream(\"w\", null, Configure).Task(\"a\", null, t => t.Duration(1).After(\"x\")).Build();\n" +
                "    TpmProgram WorkstreamWithCode(bool b) => Plan.Program(\"p\")\n" +
                "        .Workstream(\"w\", null, w => { if (b) w.Task(\"x\", null, t => t.Duration(1)); })\n" +
                "        .Task(\"a\", null, t => t.Duration(1).After(\"x\")).Build();\n" +
                "    TpmProgram Branch(bool b)\n" +
                "    {\n" +
                "        var plan = Plan.Program(\"p\").Task(\"a\", null, t => t.Duration(1).After(\"x\"));\n" +
                "        if (b) plan.Task(\"x\", null, t => t.Duration(1));\n" +
                "        return plan.Build();\n" +
                "    }\n" +
                "}\n");
        }

        [Fact]
        public async Task A_local_configured_in_straight_line_statements_is_one_plan()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M()\n" +
                "    {\n" +
                "        var plan = Plan.Program(\"p\").Start(\"2027-01-04\");\n" +
                "        plan.Task(\"a\", null, t => t.Duration(1).After({|#0:\"bb\"|}));\n" +
                "        plan.Task(\"b\", null, t => t.Duration(1).After(\"a\"));\n" +
                "        return plan.Build();\n" +
                "    }\n" +
                "}\n",
                At("TPM5001", 0, "unknown task 'bb': the plan never defines it; did you mean 'b'?"));
        }

        [Fact]
        public async Task The_code_fix_replaces_the_literal_with_the_suggestion()
        {
            const string before =
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(\"train\", null, t => t.Duration(5))\n" +
                "        .Task(\"evaluate\", null, t => t.Duration(2).After({|#0:\"trian\"|}))\n" +
                "        .Build();\n" +
                "}\n";
            var test = CodeFix<BuilderAnalyzer, BuilderUnknownIdCodeFix>(Usings + before, Usings + before.Replace("{|#0:\"trian\"|}", "\"train\""));
            test.ExpectedDiagnostics.Add(At("TPM5001", 0, "unknown task 'trian': the plan never defines it; did you mean 'train'?"));
            await test.RunAsync();
        }

        [Fact]
        public async Task No_code_fix_is_offered_without_a_suggestion()
        {
            const string source =
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Task(\"train\", null, t => t.Duration(5).After({|#0:\"zzzzzz\"|})).Build();\n" +
                "}\n";
            // The fixed state is the same source: no action was applied, so the diagnostic remains.
            var test = CodeFix<BuilderAnalyzer, BuilderUnknownIdCodeFix>(Usings + source, Usings + source);
            test.ExpectedDiagnostics.Add(At("TPM5001", 0));
            test.FixedState.ExpectedDiagnostics.Add(At("TPM5001", 0));
            await test.RunAsync();
        }

        // ------------------------------------------------------------------ TPM5002

        [Fact]
        public async Task A_duplicate_id_in_one_scope_is_reported_at_the_second_with_the_first_as_additional_location()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Person({|#1:\"ana\"|})\n" +
                "        .Task({|#0:\"ana\"|}, null, t => t.Duration(1))\n" +
                "        .Workstream(\"w\", null, w => w.Task({|#3:\"x\"|}, null, t => t.Duration(1)).Milestone({|#2:\"x\"|}))\n" +
                "        .Task(\"x\", null, t => t.Duration(1))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5002", 0, "'ana' is already defined as a person in the program; rename one of them").WithLocation(1),
                At("TPM5002", 2, "'x' is already defined as a task in workstream 'w'; rename one of them").WithLocation(3));
        }

        // ------------------------------------------------------------------ TPM5003, TPM5004

        [Fact]
        public async Task A_self_dependency_and_a_cycle_name_the_tasks_in_order()
        {
            // features waits for evaluate, which waits for train, which waits for features.
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(\"features\", null, t => t.Duration(5).After({|#0:\"evaluate\"|}))\n" +
                "        .Task(\"train\", null, t => t.Duration(8).After({|#1:\"features\"|}))\n" +
                "        .Task(\"evaluate\", null, t => t.Duration(2).After({|#2:\"train\"|}))\n" +
                "        .Milestone(\"done\", null, m => m.After({|#3:\"done\"|}).After(\"evaluate\"))\n" +
                "        .Workstream(\"w\", null, w => w.Task(\"a\", null, t => t.Duration(1).After({|#4:\"w.a\"|})))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5004", 0, "dependency cycle: 'features' → 'train' → 'evaluate' → 'features'; remove or reverse one of these After calls").WithLocation(2).WithLocation(1),
                At("TPM5003", 3, "milestone 'done' depends on itself; remove this After or name the task it really waits for"),
                At("TPM5003", 4, "task 'a' depends on itself; remove this After or name the task it really waits for"));
        }

        [Fact]
        public async Task Each_cycle_is_reported_once_along_its_shortest_loop_from_its_first_task()
        {
            // a, b and c form one component (a → c → a is its shortest loop, a → b → c → a a longer one); d and e another.
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(\"a\", null, t => t.Duration(1).After({|#0:\"c\"|}).After(\"b\"))\n" +
                "        .Task(\"b\", null, t => t.Duration(1).After(\"c\"))\n" +
                "        .Task(\"c\", null, t => t.Duration(1).After({|#1:\"a\"|}).After(\"e\"))\n" +
                "        .Task(\"d\", null, t => t.Duration(1).After({|#2:\"e\"|}))\n" +
                "        .Task(\"e\", null, t => t.Duration(1).After({|#3:\"d\"|}))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5004", 2, "dependency cycle: 'd' → 'e' → 'd'; remove or reverse one of these After calls").WithLocation(3),
                At("TPM5004", 0, "dependency cycle: 'a' → 'c' → 'a'; remove or reverse one of these After calls").WithLocation(1));
        }

        [Fact]
        public async Task A_cycle_is_not_judged_in_a_partly_hidden_plan_but_a_plain_self_dependency_is()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M(string id) => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(id, null, t => t.Duration(1))\n" +
                "        .Task(\"a\", null, t => t.Duration(1).After(\"b\").After({|#0:\"a\"|}))\n" +
                "        .Task(\"b\", null, t => t.Duration(1).After(\"a\"))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5003", 0, "task 'a' depends on itself; remove this After or name the task it really waits for"));
        }

        // ------------------------------------------------------------------ TPM5005

        [Fact]
        public async Task A_plan_that_is_never_built_or_passed_on_is_reported()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    static void Use(ProgramBuilder b) { }\n" +
                "    ProgramBuilder Make() => Plan.Program(\"v\");\n" +
                "    void M()\n" +
                "    {\n" +
                "        {|#0:Plan.Program(\"p\")|}.Start(\"2027-01-04\").Task(\"a\", null, t => t.Duration(1));\n" +
                "        var {|#1:b|} = Plan.Program(\"q\");\n" +
                "        var {|#2:c|} = Plan.Program(\"r\");\n" +
                "        c.Task(\"a\", null, t => t.Duration(1));\n" +
                "        var d = Plan.Program(\"s\");\n" +
                "        d.Task(\"a\", null, t => t.Duration(1));\n" +
                "        d.Build();\n" +
                "        var e = Plan.Program(\"t\");\n" +
                "        Use(e);\n" +
                "        _ = Plan.Program(\"u\").ToText();\n" +
                "        Use(Plan.Program(\"w\"));\n" +
                "    }\n" +
                "}\n",
                At("TPM5005", 0, "the plan 'p' is set up but never used; call Build() or ToText() on it, or pass the builder on"),
                At("TPM5005", 1, "the plan 'q' is set up but never used; call Build() or ToText() on it, or pass the builder on"),
                At("TPM5005", 2, "the plan 'r' is set up but never used; call Build() or ToText() on it, or pass the builder on"));
        }

        // ------------------------------------------------------------------ TPM5006

        [Fact]
        public async Task Dates_from_the_clock_are_reported_where_they_are_read()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M(DateTime start) => Plan.Program(\"p\").Start({|#0:DateTime.Today|}).Deadline({|#1:DateTime.Now|}.AddDays(90))\n" +
                "        .Holiday(\"2027-12-25\", DateTime.Now.ToString())\n" +
                "        .Task(\"a\", null, t => t.Duration(1).NotBefore({|#2:DateTimeOffset.UtcNow|}.DateTime).Due(start).ActualStart(new DateTime(2027, 1, 4)))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5006", 0, "DateTime.Today passed to Start makes the schedule change with the day it runs; pass a fixed date such as \"2027-01-04\" or new DateTime(2027, 1, 4)"),
                At("TPM5006", 1, "DateTime.Now passed to Deadline makes the schedule change with the day it runs; pass a fixed date such as \"2027-01-04\" or new DateTime(2027, 1, 4)"),
                At("TPM5006", 2, "DateTimeOffset.UtcNow passed to NotBefore makes the schedule change with the day it runs; pass a fixed date such as \"2027-01-04\" or new DateTime(2027, 1, 4)"));
        }

        // ------------------------------------------------------------------ TPM5007

        [Fact]
        public async Task Invalid_constant_values_are_reported_at_the_argument()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M() => Plan.Program(\"p\").Start({|#0:\"2027-13-01\"|}).HoursPerDay({|#1:30|}).Budget({|#13:-1|})\n" +
                "        .Person(\"ana\", null, p => p.Capacity({|#2:0|}).Vacation(\"2027-02-10\", {|#3:\"2027-02-01\"|}))\n" +
                "        .Resource(\"gpu\", null, {|#4:0|})\n" +
                "        .Task(\"a\", null, t => t.Effort({|#5:-2|}).Assign(\"ana\", {|#6:150|}).Uses(\"gpu\", {|#7:0|}).Priority({|#8:0|}).Progress({|#9:101|}))\n" +
                "        .Task(\"b\", null, t => t.Estimate{|#10:(10, 8, 15)|}.Due({|#11:\"2027/02/01\"|}).Cost({|#14:-5.5m|}))\n" +
                "        .Task(\"c\", null, t => t.Estimate({|#15:-1|}, 2, 3).Duration({|#16:-0.5|}))\n" +
                "        .Risk(\"r\", null, r => r.Likelihood({|#12:-1|}).Impact({|#17:-3|}).Affects(\"a\"))\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5007", 0, "'2027-13-01' is not a valid date; write it as yyyy-MM-dd, such as \"2027-01-04\""),
                At("TPM5007", 1, "hours-per-day must be more than 0 and at most 24, not 30; 8 is the default"),
                At("TPM5007", 2, "capacity must be more than 0% and at most 100%, not 0; 100 (the default) is full time"),
                At("TPM5007", 3, "the vacation 2027-02-10..2027-02-01 ends before it starts; give the first day, then the last"),
                At("TPM5007", 4, "the capacity of a resource is a whole number of units, at least 1, not 0; 1 is the default"),
                At("TPM5007", 5, "effort must be a number of 0 or more, not -2; give the person-days of work, such as Effort(2)"),
                At("TPM5007", 6, "a share must be more than 0% and at most 100%, not 150; 100 (the default) is the person's whole time"),
                At("TPM5007", 7, "a task uses a whole number of units, at least 1, not 0; 1 is the default"),
                At("TPM5007", 8, "priority is a whole number from 1 to 1000, not 0; 500 is the default"),
                At("TPM5007", 9, "progress must be between 0% and 100%, not 101; give the part of the work done"),
                At("TPM5007", 10, "an estimate is optimistic ≤ most likely ≤ pessimistic, and 10, 8, 15 is not in that order; reorder the values"),
                At("TPM5007", 11, "'2027/02/01' is not a valid date; write it as yyyy-MM-dd, such as \"2027-01-04\""),
                At("TPM5007", 12, "likelihood must be between 0% and 100%, not -1; give the chance it occurs, such as Likelihood(30)"),
                At("TPM5007", 13, "the budget must be a number of 0 or more, not -1; give the amount available"),
                At("TPM5007", 14, "a cost must be a number of 0 or more, not -5.5; give the fixed cost"),
                At("TPM5007", 15, "an estimate must be a number of days of 0 or more, not -1; give optimistic, most likely and pessimistic days"),
                At("TPM5007", 16, "a duration must be a number of 0 or more, not -0.5; give the working days, such as Duration(5)"),
                At("TPM5007", 17, "an impact must be a number of 0 or more, not -3; give the days of delay, such as Impact(5)"));
        }

        [Fact]
        public async Task Values_at_the_limits_and_non_constant_values_are_not_reported()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    TpmProgram M(int n, string date) => Plan.Program(\"p\").Start(\"2028-02-29\").HoursPerDay(24).Deadline(date)\n" +
                "        .Person(\"ana\", null, p => p.Capacity(100).Capacity(n).Vacation(\"2027-02-01\", \"2027-02-01\"))\n" +
                "        .Resource(\"gpu\", null, 1)\n" +
                "        .Task(\"a\", null, t => t.Duration(0).Assign(\"ana\", 1).Uses(\"gpu\", n).Priority(1000).Priority(1).Progress(0).Progress(100))\n" +
                "        .Task(\"b\", null, t => t.Estimate(8, 8, 8).Effort(n).Assign(\"ana\", n))\n" +
                "        .Risk(\"r\", null, r => r.Likelihood(100).Likelihood(0).Impact(0))\n" +
                "        .Build();\n" +
                "}\n");
        }

        // ------------------------------------------------------------------ TPM5008, TPM5009

        [Fact]
        public async Task A_task_with_work_twice_or_without_work_is_reported_only_when_its_whole_body_is_visible()
        {
            await Run(
                "class C\n" +
                "{\n" +
                "    static void Configure(TaskBuilder t) { }\n" +
                "    TpmProgram M(bool flag) => Plan.Program(\"p\").Start(\"2027-01-04\")\n" +
                "        .Task(\"a\", null, t => t.{|#2:Effort(6)|}.{|#0:Duration(5)|})\n" +
                "        .Task({|#1:\"b\"|}, null, t => t.Note(\"x\"))\n" +
                "        .Task(\"c\", null, t => t.Estimate(1, 2, 3).Effort(2))\n" +
                "        .Task(\"d\", null, Configure)\n" +
                "        .Task(\"e\", null, t => { if (flag) t.Duration(1); })\n" +
                "        .Task(\"f\", null, t => { t.{|#4:Duration(1)|}; t.{|#3:Duration(2)|}; })\n" +
                "        .Build();\n" +
                "}\n",
                At("TPM5008", 0, "task 'a' already has an Effort; keep one (effort is divided among the assignees, duration is fixed)").WithLocation(2),
                At("TPM5009", 1, "task 'b' has neither Effort, Duration nor Estimate; add one (e.g. .Duration(5))"),
                At("TPM5008", 3, "task 'f' already has a Duration; keep one (effort is divided among the assignees, duration is fixed)").WithLocation(4));
        }

        [Fact]
        public async Task Code_that_does_not_use_the_builder_gives_nothing()
        {
            await Run(
                "class Task { public Task After(string s) => this; }\n" +
                "class C\n" +
                "{\n" +
                "    void M() { new Task().After(\"nowhere\"); var d = DateTime.Now; }\n" +
                "}\n");
        }
    }
}
