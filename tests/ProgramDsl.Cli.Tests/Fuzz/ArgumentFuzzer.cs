using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>
    /// Random command lines: known and unknown commands, every option of every command (and unknown ones), values that
    /// are missing, empty, not numbers, out of range or past int, repeated options and stray arguments, on a workspace
    /// holding a valid plan, a broken one, a fragment, a folder and an MSPDI file. Paths name only workspace files: a
    /// file the user names on the command line may legitimately be read, and an output folder they name may be written.
    /// </summary>
    public static class ArgumentFuzzer
    {
        private static readonly string[] Commands = { "check", "schedule", "build", "forecast", "status", "import" };

        private static readonly string[] Paths = { "plan.tpm", "plan.tpm", "bad.tpm", "fragment.tpm", ".", "dir", "dir/", "missing.tpm", "plan.xml", "", "-", "--", "plan", "PLAN.TPM", "dir/../plan.tpm", "./plan.tpm" };

        private static readonly string[] Numbers = { "abc", "0", "-1", "1", "3", "7", "2147483647", "2147483648", "-2147483649", "1e3", "", "many", "99999999999", "-0", "+5", "0x10", " 7", "٣", "1.5", "1_000" };

        private static readonly string[] Options =
        {
            "--format", "-f", "--no-level", "--seed", "--effort", "--schedules", "-n", "--iterations", "--threads", "--calibrate", "--calibrate-by", "--history",
            "-o", "--out", "--emit", "--force", "--warnaserror", "--quiet", "-q", "--no-color", "--config", "--help", "-h", "--version", "--bogus", "-x",
            "--format=json", "--seed=3", "-n=5", "--no-level=false", "--quiet=yes",
        };

        private static readonly Lazy<byte[]> Plan = new Lazy<byte[]>(() => File.ReadAllBytes(Path.Combine(RepositoryPaths.Examples, "hello", "program.tpm")));

        /// <summary>The input for a seed: three command lines in one workspace.</summary>
        public static FuzzInput Generate(long seed)
        {
            var r = new Random(unchecked((int)(seed * 1103515245L)) ^ 0xa7c5);
            var input = new FuzzInput("arguments", seed, "random command lines");
            input.Files["plan.tpm"] = Plan.Value;
            input.AddText("bad.tpm", "program bad \"Bad\" {\n  start 2027-02-30\n  task a { effort 5d assign nobody }\n");
            input.AddText("fragment.tpm", "person ana \"Ana\" { rate 800/d }\n");
            input.Files["dir/plan.tpm"] = Plan.Value;
            input.AddText("dir/.globalconfig", "is_global = true\ndotnet_diagnostic.TPM2003.severity = error\nseverity = banana\n");
            input.AddText("plan.xml", "<?xml version=\"1.0\"?>\n<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>p</Name><StartDate>2027-01-04T08:00:00</StartDate>"
                + "<Tasks><Task><UID>1</UID><Name>A</Name><OutlineLevel>1</OutlineLevel><Duration>PT16H0M0S</Duration></Task></Tasks></Project>\n");
            for (int i = 0; i < 3; i++) input.Run(Command(r));
            return input;
        }

        private static string Pick(Random r, string[] from) => from[r.Next(from.Length)];

        private static FuzzCommand Command(Random r)
        {
            var args = new List<string>();
            string command = r.Next(10) switch
            {
                0 => Pick(r, new[] { "", "chek", "--help", "--version", "-h", "help", "CHECK", "check check", "-" }),
                _ => Pick(r, Commands),
            };
            if (command.Length > 0 || r.Next(2) == 0) args.Add(command);
            var writes = new List<string>();
            if (command == "build") writes.Add("tpm-out");
            for (int n = r.Next(0, 7); n > 0; n--)
            {
                if (r.Next(3) == 0)
                {
                    args.Add(Pick(r, Paths));
                    continue;
                }

                var option = Pick(r, Options);
                args.Add(option);
                // The value: usually one that fits the option, sometimes none (the next token becomes the value).
                if (r.Next(6) == 0) continue;
                switch (option)
                {
                    case "--format":
                    case "-f":
                        args.Add(Pick(r, new[] { "json", "table", "text", "sarif", "xml", "", "JSON" }));
                        break;
                    case "--effort":
                        args.Add(Pick(r, new[] { "quick", "normal", "max", "slow", "" }));
                        break;
                    case "--calibrate-by":
                        args.Add(Pick(r, new[] { "workstream", "phase", "program", "team" }));
                        break;
                    case "--history":
                        args.Add(Pick(r, new[] { ".", "dir", "HEAD~1..HEAD", "HEAD", "nowhere", "", "--x..y", "plan.tpm" }));
                        break;
                    case "--emit":
                        args.Add(Pick(r, new[] { "all", "json", "html,md", "ics,,mermaid", "pdf", "", "ALL", "json,json" }));
                        break;
                    case "-o":
                    case "--out":
                        args.Add(Pick(r, new[] { "out", "out/sub", "", ".", "plan.tpm", "new.tpm", "dir", "out.tpm", "fragment.tpm" }));
                        break;
                    case "--config":
                        args.Add(Pick(r, new[] { "dir/.globalconfig", "missing", "plan.tpm", "dir", "" }));
                        break;
                    case "--seed":
                    case "--schedules":
                    case "-n":
                    case "--iterations":
                    case "--threads":
                        args.Add(Pick(r, Numbers));
                        break;
                    default:
                        break;
                }
            }

            // For -n and --iterations the numbers are small or invalid (2147483647 is past their maximum): a valid huge
            // iteration count would measure patience, not robustness.
            // The token after -o is its value whatever it looks like ('-o -n=5' names a folder '-n=5'), so the command
            // may write there: allowed from the final vector, not from what the generator meant to put there.
            for (int i = 0; i + 1 < args.Count; i++)
            {
                if ((args[i] == "-o" || args[i] == "--out") && args[i + 1].Length > 0) writes.Add(args[i + 1].TrimEnd('/') == "." ? "." : args[i + 1]);
            }

            var result = new FuzzCommand(args.ToArray());
            foreach (var w in writes.Distinct()) result.Writes(w == "." ? "" : w);
            if (command == "import") result.Writes("plan.tpm");
            return result;
        }
    }
}
