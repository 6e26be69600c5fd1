using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ProgramDsl.Reports.Artefacts;

namespace ProgramDsl.Reports.Tests.Report
{
    /// <summary>Small plans for the status report, worked out by hand, and helpers to read the report back.</summary>
    internal static class ReportPlans
    {
        // Calendar mon..fri, no holidays. 2027-03-01 is a Monday, so the working-day indices are
        //   Mar 1..5 = 0..4, Mar 8..12 = 5..9, Mar 15..19 = 10..14, Mar 22..26 = 15..19, Mar 29..31 = 20..22.
        // build: effort 10d, ana at 500/d -> [0,10) Mar 1..Mar 12, cost 10 x 500 = 5,000. done: after build -> 2027-03-12.
        public static string Pilot(string settings = "", string build = "", string done = "", string members = "") =>
            "program p \"Pilot\" {\n" +
            "  start 2027-03-01\n" +
            "  currency EUR\n" +
            settings +
            "  person ana \"Ana Lima\" { rate 500/d }\n" +
            members +
            "  task build \"Build the thing\" { effort 10d  assign ana" + build + " }\n" +
            "  milestone done \"Done\" { after build" + done + " }\n" +
            "}\n";

        // Tracked at Fri 2027-03-05 (index 4, cutoff 5) with build started Mar 1, 20% done, 1,500 spent.
        // Baseline: build [0,10), BAC 5,000; PV = 5,000 x 5/10 = 2,500; EV = 5,000 x 20% = 1,000; AC = 1,500.
        // SV -1,500; CV -500; SPI 1,000/2,500 = 0.40; CPI 1,000/1,500 = 0.67; EAC = 5,000 x 1,500 / 1,000 = 7,500; ETC 6,000; VAC -2,500.
        // Tracked: 8 days left (80% of 10) run from index 5 -> [0,13), finish index 12 = Wed 2027-03-17, 3 working days after
        // the baseline's 2027-03-12.
        public const string Tracking = "  status-date 2027-03-05\n";
        public const string BuildTracked = "  actual-start 2027-03-01  progress 20%  actual-cost 1_500";

        // Milestones, critical path, risks, gates and decisions in one plan.
        // a [0,5) Mar 1..5; m1 after a: 2027-03-05, due Mar 4 -> 1 working day late (TPM2201).
        // b after a [5,10) Mar 8..12; m2 after b: 2027-03-12, due Mar 17 -> 3 working days spare (Mar 15, 16, 17).
        // m0: reached 2027-03-01 (actual-finish). Finish index 10 (2027-03-12); critical: a, b, m2 (m1 and m0 have float).
        public const string Everything =
            "program full \"Full plan\" {\n" +
            "  start 2027-03-01\n" +
            "  deadline 2027-03-31\n" +
            "  budget 20_000\n" +
            "  currency EUR\n" +
            "  person ana \"Ana Lima\" { rate 500/d }\n" +
            "  metric auc \"AUC\" { target >= 0.9  current 0.92  owner ana }\n" +
            "  metric lat \"Latency\" { target <= 20  current 31  unit \"ms\" }\n" +
            "  metric cov \"Coverage\" { target >= 80  unit \"%\" }\n" +
            "  milestone m0 \"Kick-off\" { actual-finish 2027-03-01 }\n" +
            "  task a \"Design\" { duration 5d  assign ana }\n" +
            "  milestone m1 \"First\" { after a  due 2027-03-04  owner ana }\n" +
            "  task b \"Build\" { duration 5d  after a }\n" +
            "  milestone m2 \"Second\" { after b  due 2027-03-17  gate auc, lat }\n" +
            "  risk slow \"Slow vendor\" { likelihood 30%  impact 10d  owner ana  mitigation \"Chase weekly\"  affects b  status open }\n" +
            "  risk outage \"Cloud outage\" { likelihood low  impact 5d  affects b  status open }\n" +
            "  risk gone \"Old risk\" { likelihood high  impact 20d  owner ana  mitigation \"Moved off it\"  status closed }\n" +
            "  decision later \"Second call\" { date 2027-03-10  owner ana  status proposed  rationale \"Wait for data\" }\n" +
            "  decision first \"First call\" { date 2027-03-02  status accepted  rationale \"Obvious\"  affects a }\n" +
            "  decision undated \"No date\" { status rejected }\n" +
            "}\n";

        public static TpmProgram Compile(string text) => TpmProgram.Parse(text, "plans/pilot.tpm");

        /// <summary>The context the md emitter gets: earned value with a status date, the forecast when iterations &gt; 0.</summary>
        public static ArtefactContext Context(string text, int iterations = 0, string version = "9.9.9")
        {
            var compiled = Compile(text);
            compiled.Schedule.Should().NotBeNull(string.Join("\n", compiled.Diagnostics));
            return ArtefactContext.Create(compiled, new[] { new MarkdownReportArtefact() }, null, iterations, version);
        }

        /// <summary>The lines of the Markdown section under <paramref name="heading"/> (up to the next heading of any level).</summary>
        public static IReadOnlyList<string> SectionLines(string markdown, string heading)
        {
            var lines = markdown.Split('\n');
            int start = Array.FindIndex(lines, l => l == heading || l.StartsWith(heading + " — ", StringComparison.Ordinal));
            if (start < 0) throw new InvalidOperationException("no heading '" + heading + "' in:\n" + markdown);
            return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("#", StringComparison.Ordinal)).Where(l => l.Length > 0).ToList();
        }

        /// <summary>The table rows of a section (header and alignment rows left out).</summary>
        public static IReadOnlyList<string> TableRows(string markdown, string heading) =>
            SectionLines(markdown, heading).Where(l => l.StartsWith("|", StringComparison.Ordinal)).Skip(2).ToList();

        /// <summary>The cells of a Markdown table row, split on pipes that are not escaped, markup kept.</summary>
        public static IReadOnlyList<string> Cells(string row)
        {
            var cells = new List<string>();
            var current = new System.Text.StringBuilder();
            for (int i = 0; i < row.Length; i++)
            {
                if (row[i] == '\\' && i + 1 < row.Length)
                {
                    current.Append(row[i]).Append(row[i + 1]);
                    i++;
                }
                else if (row[i] == '|')
                {
                    cells.Add(current.ToString().Trim());
                    current.Clear();
                }
                else
                {
                    current.Append(row[i]);
                }
            }

            // A row starts and ends with a pipe: drop the empty edges.
            return cells.Skip(1).ToList();
        }

        /// <summary>What a Markdown cell shows: markup, badge dots and backslash escapes removed.</summary>
        public static string Shown(string cell)
        {
            var text = cell.Replace("🔴 ", "").Replace("🟠 ", "").Replace("🟢 ", "").Replace("⚪ ", "").Replace("**", "").Replace("`", "");
            return Regex.Replace(text, @"\\(.)", "$1");
        }

        private static readonly Lazy<string> LazyRoot = new Lazy<string>(() =>
        {
            var recorded = typeof(ReportPlans).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "ProgramDslRepositoryRoot")?.Value;
            foreach (var start in new[] { AppContext.BaseDirectory, recorded })
            {
                for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir != null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ProgramDsl.sln"))) return dir.FullName;
                }
            }

            throw new InvalidOperationException("cannot find the repository root");
        });

        /// <summary>Compiles an example (its folder's .tpm files and the portfolio's shared fragments are its includes).</summary>
        public static TpmProgram Example(string relativePath)
        {
            var path = Path.Combine(LazyRoot.Value, relativePath);
            var resolver = new InMemorySourceResolver();
            var folder = relativePath.Substring(0, relativePath.LastIndexOf('/') + 1);
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!).Where(f => f.EndsWith(".tpm", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))) resolver.Add(folder + Path.GetFileName(file), File.ReadAllText(file));
            // Fragments an example includes from outside its folder (the ML platform's people live in examples/portfolio/shared).
            const string shared = "examples/portfolio/shared/";
            if (folder != shared)
            {
                foreach (var file in Directory.GetFiles(Path.Combine(LazyRoot.Value, "examples", "portfolio", "shared"), "*.tpm")) resolver.Add(shared + Path.GetFileName(file), File.ReadAllText(file));
            }

            return TpmProgram.Load(relativePath, resolver);
        }
    }
}
