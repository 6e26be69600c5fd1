using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using ProgramDsl.LanguageServer.Tests.Infrastructure;

namespace ProgramDsl.LanguageServer.Tests.Neovim
{
    /// <summary>
    /// Headless Neovim (Debian's <c>neovim</c>, 0.7 or later) running <c>read-back.lua</c>: its own LSP client starts
    /// <c>tpm lsp</c>, opens files, and the script writes what the editor then holds (diagnostics, hovers) as JSON.
    /// </summary>
    internal static class Neovim
    {
        /// <summary>Set to an nvim executable to use instead of the one on the PATH.</summary>
        public const string PathVariable = "TPM_NVIM";

        /// <summary>Set to 1 to let the Neovim tests skip where nvim is missing; ignored when CI is set (CI must run them).</summary>
        public const string SkipVariable = "TPM_SKIP_NEOVIM_TESTS";

        /// <summary>The longest a whole editor run may take before it is killed: the test must never hang.</summary>
        public static readonly TimeSpan MostRun = TimeSpan.FromSeconds(120);

        private static readonly Lazy<string?> LazyExecutable = new Lazy<string?>(Find);

        public static string? Executable => LazyExecutable.Value;

        /// <summary>Why the Neovim tests skip, or null when they run (nvim found, or skipping not allowed: they then fail).</summary>
        public static string? SkipReason =>
            Executable is null && Environment.GetEnvironmentVariable(SkipVariable) == "1" && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
                ? "nvim was not found and " + SkipVariable + "=1 allows skipping outside CI; install it with: apt-get install neovim (tests/ensure-neovim.sh)"
                : null;

        public static string Script => Path.Combine(RepositoryPaths.Root, "tests", "ProgramDsl.LanguageServer.Tests", "Neovim", "read-back.lua");

        /// <summary>Runs the script with <paramref name="config"/> (see read-back.lua) in <paramref name="folder"/> and returns its report.</summary>
        public static async Task<JObject> RunAsync(string folder, JObject config)
        {
            var executable = Executable ?? throw new InvalidOperationException(
                "nvim is needed for the Neovim test and was not found (looked for $" + PathVariable + " and nvim on the PATH). " +
                "Install it with 'apt-get install neovim' (tests/run.sh does, through tests/ensure-neovim.sh), or outside CI set " + SkipVariable + "=1 to skip.");
            var home = Path.Combine(folder, ".nvim-home");
            Directory.CreateDirectory(home);
            var configPath = Path.Combine(home, "config.json");
            var outputPath = Path.Combine(home, "report.json");
            File.WriteAllText(configPath, config.ToString());

            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            // No user configuration, no shada, no swap files; logs and state go to the test's own folder.
            foreach (var a in new[] { "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c", "luafile " + Script.Replace(" ", "\\ ") }) info.ArgumentList.Add(a);
            info.Environment["TPM_NVIM_CONFIG"] = configPath;
            info.Environment["TPM_NVIM_OUTPUT"] = outputPath;
            foreach (var xdg in new[] { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME" }) info.Environment[xdg] = home;
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

            using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
            process.StandardInput.Close();
            Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
            using (var cts = new CancellationTokenSource(MostRun))
            {
                try
                {
                    await process.WaitForExitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    // Kills the server it started too.
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("nvim did not finish in " + MostRun.TotalSeconds + " s and was killed.\n" + Logs(home));
                }
            }

            var output = (await stdout + await stderr).Trim();
            if (!File.Exists(outputPath)) throw new InvalidOperationException("nvim exited with " + process.ExitCode + " and wrote no report. Output: " + output + "\n" + Logs(home));
            var report = JObject.Parse(File.ReadAllText(outputPath));
            if (report["error"]?.Type is JTokenType.String) throw new InvalidOperationException("the Neovim script failed: " + report["error"] + "\nOutput: " + output + "\n" + Logs(home));
            return report;
        }

        /// <summary>Neovim's LSP log (the server's stderr lands there), for failure messages.</summary>
        private static string Logs(string home)
        {
            var logs = Directory.Exists(home) ? Directory.EnumerateFiles(home, "*.log", SearchOption.AllDirectories).ToList() : new System.Collections.Generic.List<string>();
            return string.Join("\n", logs.Select(l => "--- " + l + "\n" + File.ReadAllText(l)));
        }

        private static string? Find()
        {
            var configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = Path.Combine(dir, "nvim");
                if (File.Exists(candidate)) return candidate;
            }

            return null;
        }
    }

    /// <summary>A fact that needs nvim: it fails when nvim is missing, unless the skip variable allows skipping outside CI.</summary>
    public sealed class NeovimFactAttribute : FactAttribute
    {
        public NeovimFactAttribute()
        {
            if (Neovim.SkipReason is string reason) Skip = reason;
        }
    }
}
