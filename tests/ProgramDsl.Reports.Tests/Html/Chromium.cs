using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ProgramDsl.Reports.Tests.Html
{
    /// <summary>
    /// Headless Chromium (Debian's <c>chromium</c>) driven from its command line: <c>--dump-dom</c> prints the DOM after
    /// the page's scripts have run, <c>--screenshot</c> writes a PNG. One browser process per call, its own profile.
    /// </summary>
    internal static class Chromium
    {
        /// <summary>Set to 1 to let the browser tests skip on a machine without Chromium (otherwise they fail).</summary>
        public const string SkipVariable = "TPM_SKIP_BROWSER_TESTS";

        /// <summary>Set to a Chromium or Chrome executable to use instead of the one found on the PATH.</summary>
        public const string PathVariable = "TPM_CHROMIUM";

        private static readonly Lazy<string?> LazyExecutable = new Lazy<string?>(Find);

        public static string? Executable => LazyExecutable.Value;

        /// <summary>Why the browser tests skip, or null when they run (Chromium found, or skipping not allowed).</summary>
        public static string? SkipReason =>
            Executable is null && Environment.GetEnvironmentVariable(SkipVariable) == "1"
                ? "Chromium was not found and " + SkipVariable + "=1 allows skipping; install it with: apt-get install chromium"
                : null;

        /// <summary>The DOM of <paramref name="page"/> (a file) after its scripts ran, with the wall time of the browser run.</summary>
        public static (string Dom, TimeSpan Elapsed) DumpDom(string page, string fragment = "")
        {
            var watch = Stopwatch.StartNew();
            var output = Run("--dump-dom", new Uri(page).AbsoluteUri + fragment);
            return (output, watch.Elapsed);
        }

        /// <summary>Writes a screenshot of <paramref name="page"/> in a window of the given size.</summary>
        public static void Screenshot(string page, string png, int width, int height)
        {
            if (File.Exists(png)) File.Delete(png);
            Run("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars", "--force-device-scale-factor=1", new Uri(page).AbsoluteUri);
            File.Exists(png).Should().BeTrue("Chromium should have written " + png);
        }

        private static string Run(params string[] arguments)
        {
            var executable = Executable ?? throw new InvalidOperationException(
                "Chromium is needed for the HTML Gantt tests and was not found (looked for $" + PathVariable + ", chromium, chromium-browser, google-chrome). " +
                "Install it with 'apt-get install chromium' (tests/run.sh does), or set " + SkipVariable + "=1 to skip these tests.");
            var profile = Path.Combine(Path.GetTempPath(), "tpm-chromium-" + Guid.NewGuid().ToString("N"));
            var info = new ProcessStartInfo(executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--mute-audio",
                "--user-data-dir=" + profile,
            }.Concat(arguments))
            {
                info.ArgumentList.Add(a);
            }

            try
            {
                using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + executable);
                Task<string> stdout = process.StandardOutput.ReadToEndAsync(), stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(120_000))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("Chromium did not finish in two minutes: " + string.Join(" ", arguments));
                }

                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException("Chromium exited with " + process.ExitCode + ": " + stderr.Result);
                return stdout.Result;
            }
            finally
            {
                try
                {
                    Directory.Delete(profile, recursive: true);
                }
                catch (IOException)
                {
                    // A profile left behind in the temp folder is harmless.
                }
            }
        }

        private static string? Find()
        {
            var configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(configured)) return File.Exists(configured) ? configured : null;
            var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
            foreach (var name in new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" })
            {
                foreach (var dir in path)
                {
                    var candidate = Path.Combine(dir, name);
                    if (File.Exists(candidate)) return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>A test that needs Chromium: it fails without one, unless <see cref="Chromium.SkipVariable"/>=1 lets it skip.</summary>
    [AttributeUsage(AttributeTargets.Method)]
    internal sealed class ChromiumFactAttribute : FactAttribute
    {
        public ChromiumFactAttribute()
        {
            var reason = Chromium.SkipReason;
            if (reason != null) Skip = reason;
        }
    }
}
