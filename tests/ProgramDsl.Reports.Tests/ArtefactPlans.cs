using System;
using System.IO;
using System.Linq;
using System.Reflection;
using ProgramDsl;

namespace ProgramDsl.Reports.Tests
{
    /// <summary>Plans for the calendar, Mermaid and CSV artefacts, and the way to the repository's example.</summary>
    internal static class ArtefactPlans
    {
        // Calendar mon..fri with Wednesday 2027-03-10 off. Working-day index i:
        //   0 Mar 1, 1 Mar 2, 2 Mar 3, 3 Mar 4, 4 Mar 5, 5 Mar 8, 6 Mar 9, 7 Mar 11, 8 Mar 12, 9 Mar 15.
        // Status date Mar 3 (index 2): work not yet started begins after it, on index 3.
        // kickoff           done: actual Mar 1..Mar 2                      [0,2)   Mar 1..Mar 2
        // build.api.design  started Mar 3, 3d, half done                   [2,5)   Mar 3..Mar 5
        // build.api.code    2d after design                                [5,7)   Mar 8..Mar 9
        // build.test        2d after api.code fs+1d (Mar 11 is the lag)    [8,10)  Mar 12..Mar 15
        // docs              1d after kickoff, not started: after the status date  [3,4)  Mar 4
        // done (milestone)  after build and docs: index 10, dated Mar 15.
        // Critical: design, code, test, done. Finish Mar 15; deadline Mar 31 is 12 working days later.
        // The names hold what each format must escape: CSV and ICS separators, Mermaid's ':' '#' ';' '%', a line
        // break, a leading Mermaid keyword ("Section"), text past 75 octets in UTF-8, and an id that is a Mermaid tag.
        public const string Tracked =
            "program cal \"Launch: Q1 #plan; 100%\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  status-date 2027-03-03\n" +
            "  currency EUR\n" +
            "  holiday 2027-03-10 \"Spring day\"\n" +
            "  person ana \"Ana\" { rate 500/d }\n" +
            "  person bo \"Bo\" { rate 400/d }\n" +
            "  task kickoff \"Plan, \\\"scope\\\" & risks: #1; 50%\\nsecond line\" {\n" +
            "    duration 2d  assign ana\n" +
            "    progress 100%  actual-start 2027-03-01  actual-finish 2027-03-02\n" +
            "  }\n" +
            "  workstream build \"Build\" {\n" +
            "    workstream api \"API\" {\n" +
            "      task design \"Section 3 design\" { duration 3d  after kickoff  assign bo  progress 50%  actual-start 2027-03-03 }\n" +
            "      task code \"Code\" { duration 2d  after design  assign bo }\n" +
            "    }\n" +
            "    task test \"Test\" { duration 2d  after api.code fs+1d  assign ana 50%  due 2027-03-12 }\n" +
            "  }\n" +
            "  task docs \"Dokumentation für Benutzer überprüfen, ändern und veröffentlichen (Änderungsübersicht)\" { duration 1d  after kickoff }\n" +
            "  milestone done \"Ready\" { after build, docs }\n" +
            "}\n";

        public const string DocsName = "Dokumentation für Benutzer überprüfen, ändern und veröffentlichen (Änderungsübersicht)";

        public const string KickoffName = "Plan, \"scope\" & risks: #1; 50%\nsecond line";

        /// <summary>Compiles a plan that must have no errors.</summary>
        public static TpmProgram Compile(string text)
        {
            var program = TestPlans.Compile(text);
            program.HasErrors.Should().BeFalse(string.Join("\n", program.Diagnostics.Select(d => d.ToString())));
            program.Model.Should().NotBeNull();
            program.Schedule.Should().NotBeNull();
            return program;
        }

        /// <summary>examples/ml-platform, compiled from the repository's files.</summary>
        public static TpmProgram MlPlatform()
        {
            var folder = Path.Combine(RepositoryRoot, "examples", "ml-platform");
            var files = new InMemorySourceResolver();
            foreach (var file in Directory.GetFiles(folder).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) files.Add(Path.GetFileName(file), File.ReadAllText(file));
            // The people and the GPU pool it shares with the portfolio's programs, where its include finds them.
            files.Add("../portfolio/shared/org.tpm", File.ReadAllText(Path.Combine(RepositoryRoot, "examples", "portfolio", "shared", "org.tpm")));
            var program = TpmProgram.Load("program.tpm", files);
            program.HasErrors.Should().BeFalse(string.Join("\n", program.Diagnostics.Select(d => d.ToString())));
            return program;
        }

        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        /// <summary>The folder holding ProgramDsl.sln.</summary>
        public static string RepositoryRoot => LazyRoot.Value;

        private static string FindRoot()
        {
            // Builds with --artifacts-path put the test assembly outside the tree; the project records where it was.
            var recorded = typeof(ArtefactPlans).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, recorded })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root (ProgramDsl.sln) above " + AppContext.BaseDirectory + " or " + recorded);
        }
    }
}
