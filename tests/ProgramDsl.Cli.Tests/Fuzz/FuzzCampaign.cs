using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>What a campaign tried and found.</summary>
    public sealed class FuzzReport
    {
        public FuzzReport(string category) => Category = category;

        public string Category { get; }

        public long FirstSeed { get; set; }

        public int Inputs { get; set; }

        public int Commands { get; set; }

        public TimeSpan Elapsed { get; set; }

        public List<FuzzFailure> Failures { get; } = new List<FuzzFailure>();

        /// <summary>Failures whose signature the allow-list does not name.</summary>
        public List<FuzzFailure> NewFailures => Failures.Where(f => KnownFailures.Match(f.Signature) is null).ToList();

        public string? SavedTo { get; set; }

        /// <summary>How often each command exited 0, 1 and 2: how much of the input got past parsing to a schedule and artefacts.</summary>
        public SortedDictionary<string, int[]> Exits { get; } = new SortedDictionary<string, int[]>(StringComparer.Ordinal);

        public void CountExit(FuzzCommand command, int exitCode)
        {
            var name = FuzzRunner.CommandName(command);
            if (!Exits.TryGetValue(name, out var counts)) Exits[name] = counts = new int[3];
            if (exitCode >= 0 && exitCode <= 2) counts[exitCode]++;
        }

        public string Summary()
        {
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"{Category}: {Inputs} inputs ({Commands} commands) from seed {FirstSeed} in {Elapsed.TotalSeconds:F1} s; ");
            sb.Append(CultureInfo.InvariantCulture, $"{Failures.Count} failing, {NewFailures.Count} not on the allow-list\n");
            sb.Append("  exit codes 0/1/2:");
            foreach (var (name, counts) in Exits) sb.Append(CultureInfo.InvariantCulture, $" {name} {counts[0]}/{counts[1]}/{counts[2]}");
            sb.Append('\n');
            foreach (var group in Failures.GroupBy(f => f.Signature).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
            {
                var known = KnownFailures.Match(group.Key);
                sb.Append(CultureInfo.InvariantCulture, $"  {group.Count(),5} × {group.Key}{(known is null ? "   <-- NEW" : "   (known: " + known + ")")}\n");
                sb.Append("          first: ").Append(group.First().Input.Category).Append(" #").Append(group.First().Input.Seed.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            if (SavedTo != null && Failures.Count > 0) sb.Append("  failing inputs saved under ").Append(SavedTo).Append('\n');
            return sb.ToString();
        }
    }

    /// <summary>
    /// Runs generated inputs of one category through <see cref="FuzzRunner"/>: a fixed number of seeds (CI), or as many
    /// as fit in a time budget (the long run). Failing inputs are saved to a folder (a few per signature) with the
    /// commands to replay them.
    /// </summary>
    public static class FuzzCampaign
    {
        /// <summary>The per-input (per-command) time limit.</summary>
        public static readonly TimeSpan InputTimeout = TimeSpan.FromSeconds(10);

        private const int SavedPerSignature = 3;

        public static FuzzReport Run(string category, Func<long, FuzzInput> generate, long firstSeed, int count, TimeSpan? duration, string saveFolder, bool minimize = false)
        {
            var report = new FuzzReport(category) { FirstSeed = firstSeed };
            var saved = new Dictionary<string, int>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            // TPM_FUZZ_KEEP=1 keeps every input, failing or not, for looking at what the generators make.
            bool keepAll = Setting("TPM_FUZZ_KEEP", 0) == 1;
            for (long seed = firstSeed; duration is TimeSpan d ? clock.Elapsed < d : seed < firstSeed + count; seed++)
            {
                var input = generate(seed);
                var failures = FuzzRunner.Run(input, InputTimeout, report.CountExit);
                report.Inputs++;
                if (keepAll) Save(Path.Combine(saveFolder, "all", category, "seed-" + seed.ToString(CultureInfo.InvariantCulture)), new FuzzFailure("kept", string.Join("; ", failures.Select(f => f.Signature)), input, 0));
                report.Commands += input.Commands.Count;
                foreach (var failure in failures)
                {
                    report.Failures.Add(failure);
                    saved.TryGetValue(failure.Signature, out int n);
                    if (n >= SavedPerSignature) continue;
                    saved[failure.Signature] = n + 1;
                    report.SavedTo = saveFolder;
                    Save(Path.Combine(saveFolder, category, "seed-" + seed.ToString(CultureInfo.InvariantCulture)), failure);
                    if (minimize && n == 0 && !failure.Signature.StartsWith("timeout", StringComparison.Ordinal))
                    {
                        var small = FuzzMinimizer.Minimize(failure, InputTimeout);
                        var name = new string(failure.Signature.Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '-' ? c : '_').ToArray());
                        Save(Path.Combine(saveFolder, "minimal", category, name.Length > 120 ? name.Substring(0, 120) : name), failure with { Input = small, Command = small.Commands.Count - 1 });
                    }
                }
            }

            report.Elapsed = clock.Elapsed;
            return report;
        }

        /// <summary>Writes an input's files, a replay script and what failed.</summary>
        public static void Save(string folder, FuzzFailure failure)
        {
            var input = failure.Input;
            var files = Path.Combine(folder, "ws");
            Directory.CreateDirectory(files);
            foreach (var (path, bytes) in input.Files)
            {
                var full = Path.Combine(files, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, bytes);
            }

            // The script rebuilds what the runner sets up around the files: the .git that makes ws/ the workspace, the
            // files outside it, the absolute paths, the links. Run it from anywhere with tpm on the PATH.
            var script = new StringBuilder("#!/bin/sh\n# Replays this input; ROOT is this folder, the workspace is ws/.\n");
            script.Append("cd \"$(dirname \"$0\")\" && ROOT=\"$(pwd)\"\n");
            script.Append("mkdir -p ws/.git outside\n");
            script.Append("printf 'person ").Append(FuzzRunner.Canary).Append("-person \"secret\" { rate 1/d }\\n' > outside/secret.tpm\n");
            script.Append("printf '").Append(FuzzRunner.Canary).Append(":x:0:0:root:/root:/bin/sh\\n' > outside/secret.txt\n");
            script.Append("grep -rl '").Append(FuzzInput.RootToken).Append("' ws | while read -r f; do sed -i \"s#").Append(FuzzInput.RootToken).Append("#$ROOT#g\" \"$f\"; done\n");
            script.Append("cd ws\n");
            foreach (var (link, target) in input.Symlinks)
            {
                script.Append("ln -sfn ").Append(FuzzCommand.Quote(target).Replace(FuzzInput.RootToken, "\"$ROOT\"", StringComparison.Ordinal)).Append(' ').Append(FuzzCommand.Quote(link)).Append('\n');
            }

            foreach (var command in input.Commands)
            {
                script.Append(command.ToString().Replace(FuzzInput.RootToken, "\"$ROOT\"", StringComparison.Ordinal)).Append('\n');
            }

            File.WriteAllText(Path.Combine(folder, "replay.sh"), script.ToString());
            File.AppendAllText(Path.Combine(folder, "failure.txt"), failure + "\n\n");
        }

        /// <summary>An environment variable as a number, or a default.</summary>
        public static long Setting(string name, long fallback) =>
            long.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
