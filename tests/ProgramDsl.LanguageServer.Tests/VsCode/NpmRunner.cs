using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests.VsCode
{
    /// <summary>A fact that needs node and npm on the PATH: skipped, with the reason, on a machine without them.</summary>
    public sealed class NodeFactAttribute : FactAttribute
    {
        public NodeFactAttribute()
        {
            if (NpmRunner.NodePath is null || NpmRunner.NpmPath is null)
            {
                Skip = "node or npm is not on the PATH: the VS Code extension's tests (editors/vscode, npm test) need them";
            }
        }
    }

    /// <summary>What an npm script printed and how it ended.</summary>
    public sealed record NpmResult(int ExitCode, string Output);

    /// <summary>Runs the npm scripts of the VS Code extension (editors/vscode/package.json).</summary>
    public static class NpmRunner
    {
        private static readonly Lazy<string?> LazyNode = new Lazy<string?>(() => FindOnPath(OperatingSystem.IsWindows() ? "node.exe" : "node"));
        private static readonly Lazy<string?> LazyNpm = new Lazy<string?>(() => FindOnPath(OperatingSystem.IsWindows() ? "npm.cmd" : "npm"));

        /// <summary>The node executable, or null when there is none on the PATH.</summary>
        public static string? NodePath => LazyNode.Value;

        /// <summary>The npm executable, or null when there is none on the PATH.</summary>
        public static string? NpmPath => LazyNpm.Value;

        /// <summary>editors/vscode.</summary>
        public static string ExtensionFolder => Path.Combine(RepositoryPaths.Root, "editors", "vscode");

        /// <summary>
        /// The tpm built with this test project (its apphost, copied next to the tests by the project reference), or
        /// null where there is none.
        /// </summary>
        public static string? BuiltTpm
        {
            get
            {
                var path = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "tpm.exe" : "tpm");
                return File.Exists(path) ? path : null;
            }
        }

        /// <summary>
        /// Runs <c>npm run SCRIPT</c> in editors/vscode, with <c>TPM_EXE</c> set to <paramref name="tpm"/> when given.
        /// The packages must be installed (<c>npm ci</c>, which tests/run.sh runs when the lock file changed).
        /// </summary>
        public static async Task<NpmResult> RunAsync(string script, string? tpm = null)
        {
            var npm = NpmPath ?? throw new InvalidOperationException("npm is not on the PATH");
            if (!Directory.Exists(Path.Combine(ExtensionFolder, "node_modules", "vscode-tmgrammar-test")))
            {
                throw new InvalidOperationException("the extension's packages are not installed: run `npm ci` in " + ExtensionFolder +
                                                    " (tests/run.sh does it when node is present)");
            }

            var start = new ProcessStartInfo(npm)
            {
                WorkingDirectory = ExtensionFolder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("run");
            start.ArgumentList.Add(script);
            start.Environment["NO_COLOR"] = "1";
            start.Environment["FORCE_COLOR"] = "0";
            start.Environment["npm_config_update_notifier"] = "false";
            if (tpm != null) start.Environment["TPM_EXE"] = tpm;
            else start.Environment.Remove("TPM_EXE");

            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start npm");
            var output = new StringBuilder();
            var gate = new object();
            void Append(string? line)
            {
                if (line is null) return;
                lock (gate) output.AppendLine(line);
            }

            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(5))) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("npm run " + script + " took more than five minutes:\n" + output);
            }

            await exited;
            // The last lines are flushed after the exit event.
            process.WaitForExit();
            lock (gate) return new NpmResult(process.ExitCode, output.ToString());
        }

        private static string? FindOnPath(string name)
        {
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path)) return path;
            }

            return null;
        }
    }
}
