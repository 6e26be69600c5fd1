using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;

namespace ProgramDsl.Cli.Tests.Infrastructure
{
    /// <summary>
    /// A real git repository in a temporary folder, for the tests of <c>tpm diff</c> and GitRevisions. Commits get fixed
    /// names and dates, so their ids are the same on every run, and the user's git configuration is not read (a global
    /// hook or signing setting must not change what the tests make).
    /// </summary>
    public sealed class GitRepository : IDisposable
    {
        private readonly TempFolder _folder = new TempFolder();
        private int _commits;

        public GitRepository()
        {
            Git("init", "-q", "-b", "main");
        }

        /// <summary>The working tree.</summary>
        public string Path => _folder.Path;

        /// <summary>Writes a file of the working tree (UTF-8, no BOM), creating its folders.</summary>
        public GitRepository Write(string relativePath, string text)
        {
            _folder.Write(relativePath, text);
            return this;
        }

        /// <summary>Replaces <paramref name="old"/> (which must occur exactly once) in a file of the working tree.</summary>
        public GitRepository Edit(string relativePath, string old, string @new)
        {
            var full = System.IO.Path.Combine(Path, relativePath);
            var text = File.ReadAllText(full);
            int at = text.IndexOf(old, StringComparison.Ordinal);
            if (at < 0 || text.IndexOf(old, at + 1, StringComparison.Ordinal) >= 0) throw new InvalidOperationException("'" + old + "' must occur once in " + relativePath);
            File.WriteAllText(full, text.Substring(0, at) + @new + text.Substring(at + old.Length), new UTF8Encoding(false));
            return this;
        }

        /// <summary>Stages everything and commits it with a fixed author and date (one minute after the previous commit).</summary>
        public GitRepository Commit(string message)
        {
            Git("add", "-A");
            _commits++;
            var date = new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero).AddMinutes(_commits).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
            Git(new Dictionary<string, string> { ["GIT_AUTHOR_DATE"] = date, ["GIT_COMMITTER_DATE"] = date }, "commit", "-q", "-m", message);
            return this;
        }

        /// <summary>Runs git in the repository and returns its output; fails when git does.</summary>
        public string Git(params string[] args) => Git(new Dictionary<string, string>(), args);

        private string Git(IDictionary<string, string> environment, params string[] args)
        {
            var start = new ProcessStartInfo("git") { WorkingDirectory = Path, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) start.ArgumentList.Add(a);
            start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
            start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
            start.Environment["GIT_AUTHOR_NAME"] = "Test";
            start.Environment["GIT_AUTHOR_EMAIL"] = "test@example.invalid";
            start.Environment["GIT_COMMITTER_NAME"] = "Test";
            start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.invalid";
            foreach (var e in environment) start.Environment[e.Key] = e.Value;
            using var git = Process.Start(start)!;
            var error = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            if (git.ExitCode != 0) throw new InvalidOperationException("git " + string.Join(" ", args) + " failed: " + error.Result);
            return output;
        }

        public void Dispose() => _folder.Dispose();
    }
}
