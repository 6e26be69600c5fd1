using System;
using System.IO;
using ProgramDsl;
using ProgramDsl.Building;

namespace EmbeddedCSharp
{
    /// <summary>Writes a plan three ways and prints when each one finishes; the analyzers check all three at build time.</summary>
    internal static class Program
    {
        private static int Main()
        {
            // 1. The builder API: each call is one statement of the plan; Build() renders the text and compiles it.
            var built = Plan.Program("onboarding", "Analyst onboarding")
                .Start("2027-03-01")
                .Person("eve", "Eve Lind", p => p.Skills("python"))
                .Task("access", "Grant data access", t => t.Duration(2))
                .Task("course", "Take the ML course", t => t.Effort(5).Assign("eve").After("access"))
                .Milestone("ready", "Ready to contribute", m => m.After("course"))
                .Build();

            // 2. Plan text in a raw string: TpmProgram.Parse's text parameter is [StringSyntax("tpm")], so the analyzer
            //    compiles the constant and reports each problem at its place inside the literal.
            var embedded = TpmProgram.Parse("""
                program labeling "Labeling sprint" {
                  start 2027-03-01
                  person kim "Kim Park"
                  task guide "Write the labeling guide" { effort 3d  assign kim }
                  task label "Label the examples" { effort 10d  assign kim  after guide }
                }
                """, "labeling.tpm");

            // 3. A .tpm file in the project folder: an AdditionalFiles item for the analyzer, copied to the output to be read here.
            var file = TpmProgram.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "plan.tpm")), "plan.tpm");

            int status = 0;
            foreach (var (name, program) in new[] { ("builder", built), ("embedded", embedded), ("plan.tpm", file) })
            {
                foreach (var diagnostic in program.Diagnostics) Console.WriteLine(diagnostic);
                if (program.Schedule is null)
                {
                    status = 1;
                    continue;
                }

                Console.WriteLine(name + ": " + program.Schedule.Tasks.Count + " tasks, finishes " + program.Schedule.FinishDate
                    + " after " + program.Schedule.DurationDays + " working days");
            }

            return status;
        }
    }
}
