using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>Runs the built tpm.dll as a real process: <c>dotnet tpm.dll args</c>.</summary>
    public static class TpmProcess
    {
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

        public static CliResult Run(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = new UTF8Encoding(false),
                StandardErrorEncoding = new UTF8Encoding(false),
            };
            start.ArgumentList.Add(RepositoryPaths.TpmDll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            // The child must not inherit a colour preference or a terminal: output is redirected anyway.
            start.Environment.Remove("NO_COLOR");
            start.Environment["DOTNET_NOLOGO"] = "1";

            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
            // Read both streams concurrently so a full pipe cannot deadlock the child.
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"tpm {string.Join(" ", args)} did not finish in {Timeout.TotalSeconds} s");
            }

            process.WaitForExit();
            return new CliResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }

        /// <summary>Starts tpm and returns at once (the caller waits for or kills it); its output is read and dropped.</summary>
        public static Process Start(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(RepositoryPaths.TpmDll);
            foreach (var arg in args) start.ArgumentList.Add(arg);
            start.Environment["DOTNET_NOLOGO"] = "1";
            var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + start.FileName);
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return process;
        }

        internal static string DotnetHost()
        {
            // The test host itself runs under the dotnet muxer; use the same one so the SDK on PATH does not matter.
            var self = Environment.ProcessPath;
            if (self != null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
            var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
            if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk)) return fromSdk;
            return "dotnet";
        }
    }
}
