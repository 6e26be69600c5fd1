using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;

namespace ProgramDsl.Build.Tests.Infrastructure
{
    /// <summary>Exit code and the merged standard output and error of a finished process.</summary>
    public sealed record ProcessResult(string CommandLine, int ExitCode, string Output, TimeSpan Elapsed)
    {
        /// <summary>For assertion messages: what ran and what it printed.</summary>
        public override string ToString() => "$ " + CommandLine + Environment.NewLine + "exit " + ExitCode + " after "
            + Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " s" + Environment.NewLine + Output;
    }

    /// <summary>One canonical diagnostic line of a build or tool output, without the help link and project suffix.</summary>
    public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
    {
        // path(line,col): severity CODE: message (help link) [project]
        private static readonly Regex Canonical = new Regex(
            @"^\s*(?<file>[^\s].*?)\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<code>[A-Z]+\d+): (?<msg>.*?)( \(https?://[^ ]*\))?( \[[^\]]*\])?\s*$",
            RegexOptions.Multiline);

        /// <summary>
        /// The distinct diagnostics of <paramref name="output"/> (MSBuild repeats them in its summary, and the analyzers and the
        /// build targets may both report one), with file paths made absolute against <paramref name="directory"/>.
        /// </summary>
        public static IReadOnlyList<BuildDiagnostic> Parse(string output, string directory) =>
            Canonical.Matches(output)
                .Select(m => new BuildDiagnostic(
                    Path.GetFullPath(Path.Combine(directory, m.Groups["file"].Value)),
                    int.Parse(m.Groups["line"].Value),
                    int.Parse(m.Groups["col"].Value),
                    m.Groups["sev"].Value,
                    m.Groups["code"].Value,
                    m.Groups["msg"].Value))
                .Distinct()
                .ToList();
    }

    /// <summary>Runs dotnet (and other programs) as a user would, isolated from the test host's MSBuild settings.</summary>
    public static class Dotnet
    {
        /// <summary>The dotnet host that runs the tests, so the SDK on PATH does not matter.</summary>
        public static string Host
        {
            get
            {
                var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
                if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
                var self = Environment.ProcessPath;
                if (self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
                return "dotnet";
            }
        }

        /// <summary>Runs <c>dotnet args</c>; kills the process tree and throws when it takes longer than <paramref name="timeout"/>.</summary>
        public static ProcessResult Run(string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args) =>
            Start(Host, workingDirectory, environment, timeout, args);

        /// <summary>Runs any program, with the same isolation and timeout as <see cref="Run"/>.</summary>
        public static ProcessResult Start(string program, string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            foreach (var arg in args) start.ArgumentList.Add(arg);

            // dotnet test hands its MSBuild settings (MSBuildExtensionsPath, MSBUILDNOINPROCNODE, ...) to the test host: a nested
            // build must not inherit them. No node reuse or build servers: nothing may outlive the test and hold the temp folder.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
            start.Environment["UseSharedCompilation"] = "false";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
            start.Environment["DOTNET_CLI_WORKLOAD_UPDATE_NOTIFY_DISABLE"] = "1";
            start.Environment["NO_COLOR"] = "1";
            foreach (var (key, value) in environment)
            {
                if (value is null) start.Environment.Remove(key);
                else start.Environment[key] = value;
            }

            var commandLine = Path.GetFileName(program) + " " + string.Join(" ", args.Select(a => a.Contains(' ') ? "\"" + a + "\"" : a));
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + program);
            // Read both streams concurrently so a full pipe cannot deadlock the child.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                throw new TimeoutException(commandLine + " did not finish in " + timeout + Environment.NewLine + stdout.Result + stderr.Result);
            }

            process.WaitForExit();
            return new ProcessResult(commandLine, process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult(), watch.Elapsed);
        }
    }
}
