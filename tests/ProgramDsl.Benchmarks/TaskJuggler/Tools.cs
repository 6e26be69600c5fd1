using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ProgramDsl.Benchmarks.TaskJuggler
{
    /// <summary>A task's dates as a tool reported them: the first and the last working day it occupies.</summary>
    internal readonly struct TaskDates
    {
        public TaskDates(DateTime start, DateTime finish)
        {
            Start = start;
            Finish = finish;
        }

        public DateTime Start { get; }

        public DateTime Finish { get; }

        /// <summary>Working days from the first to the last day, both included.</summary>
        public int SpanDays => WorkWeek.Between(Start, Finish) + 1;
    }

    /// <summary>One run of an external program, timed from start to exit (wall clock).</summary>
    internal sealed class ToolRun
    {
        private const string TimePath = "/usr/bin/time";

        public ToolRun(int exitCode, double seconds, double cpuSeconds, string stdout, string stderr)
        {
            ExitCode = exitCode;
            Seconds = seconds;
            CpuSeconds = cpuSeconds;
            Stdout = stdout;
            Stderr = stderr;
        }

        public int ExitCode { get; }

        public double Seconds { get; }

        /// <summary>User + system CPU seconds (GNU time), NaN when not measured: less sensitive than wall time to other load.</summary>
        public double CpuSeconds { get; }

        public string Stdout { get; }

        public string Stderr { get; }

        /// <summary>Runs a program to its exit; with <paramref name="measureCpu"/> it runs under GNU time, when present, for the CPU time.</summary>
        public static ToolRun Start(string fileName, IEnumerable<string> arguments, string? workingDirectory = null, bool measureCpu = false)
        {
            string? cpuFile = measureCpu && File.Exists(TimePath) ? Path.GetTempFileName() : null;
            var psi = new ProcessStartInfo(cpuFile != null ? TimePath : fileName)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            if (workingDirectory != null) psi.WorkingDirectory = workingDirectory;
            if (cpuFile != null)
            {
                foreach (var a in new[] { "-f", "%U %S", "-o", cpuFile, fileName }) psi.ArgumentList.Add(a);
            }

            foreach (var a in arguments) psi.ArgumentList.Add(a);
            psi.Environment["NO_COLOR"] = "1";
            var sw = Stopwatch.StartNew();
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + fileName);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            sw.Stop();
            double cpu = double.NaN;
            if (cpuFile != null)
            {
                // GNU time writes "Command exited with non-zero status N" before the figures when the program fails.
                var fields = (File.ReadAllLines(cpuFile).LastOrDefault(l => l.Trim().Length > 0) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length == 2
                    && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var user)
                    && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var system))
                {
                    cpu = user + system;
                }

                File.Delete(cpuFile);
            }

            return new ToolRun(process.ExitCode, sw.Elapsed.TotalSeconds, cpu, stdout.Result, stderr.Result);
        }

        /// <summary>The first few lines of standard error, on one line, for a report.</summary>
        public string ErrorSummary(int lines = 3) =>
            string.Join(" / ", Stderr.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(lines));
    }

    /// <summary>Runs <c>tj3</c> and reads the CSV task report the generated <c>.tjp</c> asks for.</summary>
    internal static class TaskJugglerTool
    {
        public const string ReportName = "tasks";

        /// <summary>The version line of <c>tj3 --version</c>, or null when it does not run.</summary>
        public static string? Version(string tj3)
        {
            try
            {
                var run = ToolRun.Start(tj3, new[] { "--version" });
                var line = (run.Stdout + "\n" + run.Stderr).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("TaskJuggler", StringComparison.Ordinal));
                return run.ExitCode == 0 ? line ?? run.Stdout.Trim() : null;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return null;
            }
        }

        public static ToolRun Schedule(string tj3, string tjpFile, string outputDirectory) =>
            ToolRun.Start(tj3, new[] { "--silent", "--no-color", "-o", outputDirectory, tjpFile }, outputDirectory, measureCpu: true);

        /// <summary>TaskJuggler's message when a task does not end inside the project's time frame.</summary>
        public static bool DidNotFit(ToolRun run) => run.Stderr.Contains("did not fit into the project time frame", StringComparison.Ordinal)
            || run.Stderr.Contains("does not fit into the project time frame", StringComparison.Ordinal);

        public static int WarningCount(ToolRun run) => run.Stderr.Split('\n').Count(l => l.Contains("Warning:", StringComparison.Ordinal));

        /// <summary>
        /// Reads <c>"Id";"Start";"End"</c> rows (times as <c>%Y-%m-%d %H:%M</c>). TaskJuggler's end is exclusive (17:00 of
        /// the last working day, or midnight after it): the last working day is the one holding the minute before it.
        /// A start at or after the end of a working day (a task that waits for a 17:00 finish) moves to the next working day.
        /// </summary>
        public static Dictionary<string, TaskDates> ReadReport(string csvFile) => ReadReport(csvFile, out _);

        /// <summary>As <see cref="ReadReport(string)"/>; <paramref name="partialDays"/> counts starts not at 9:00 and ends not at 17:00,
        /// which whole-day efforts on a 9:00–17:00 calendar never produce (so a non-zero count means the inputs do not correspond).</summary>
        public static Dictionary<string, TaskDates> ReadReport(string csvFile, out int partialDays)
        {
            partialDays = 0;
            var result = new Dictionary<string, TaskDates>(StringComparer.Ordinal);
            var lines = File.ReadAllLines(csvFile);
            if (lines.Length == 0) throw new FormatException(csvFile + " is empty");
            var header = Fields(lines[0]);
            int id = Array.IndexOf(header, "Id"), start = Array.IndexOf(header, "Start"), end = Array.IndexOf(header, "End");
            if (id < 0 || start < 0 || end < 0) throw new FormatException(csvFile + ": expected the columns Id, Start, End; found " + lines[0]);
            foreach (var line in lines.Skip(1))
            {
                if (line.Trim().Length == 0) continue;
                var f = Fields(line);
                var s = ParseTime(f[start]);
                var e = ParseTime(f[end]);
                if (s.TimeOfDay != TimeSpan.FromHours(9)) partialDays++;
                if (e.TimeOfDay != TimeSpan.FromHours(17)) partialDays++;
                var first = s.TimeOfDay >= TimeSpan.FromHours(17) ? s.Date.AddDays(1) : s.Date;
                first = WorkWeek.NextWorkingDay(first);
                var last = e.AddMinutes(-1).Date;
                while (!WorkWeek.IsWorkingDay(last)) last = last.AddDays(-1);
                result[f[id]] = new TaskDates(first, last);
            }

            return result;
        }

        private static string[] Fields(string line) => line.Split(';').Select(f => f.Trim().Trim('"')).ToArray();

        private static DateTime ParseTime(string s) =>
            DateTime.ParseExact(s, new[] { "yyyy-MM-dd HH:mm", "yyyy-MM-dd" }, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    /// <summary>What <c>tpm schedule --format json</c> said about a plan.</summary>
    internal sealed class TpmSchedule
    {
        public TpmSchedule(DateTime? finish, bool leveled, Dictionary<string, TaskDates> tasks, Dictionary<string, int> durations, List<string> errors, List<string> notes)
        {
            Finish = finish;
            Leveled = leveled;
            Tasks = tasks;
            Durations = durations;
            Errors = errors;
            Notes = notes;
        }

        public DateTime? Finish { get; }

        /// <summary>The JSON's <c>program.leveled</c>; when absent, true unless a note says the schedule is unleveled.</summary>
        public bool Leveled { get; }

        public Dictionary<string, TaskDates> Tasks { get; }

        public Dictionary<string, int> Durations { get; }

        public List<string> Errors { get; }

        public List<string> Notes { get; }

        public static ToolRun Run(IReadOnlyList<string> tpmCommand, string file, bool noLevel = false) =>
            ToolRun.Start(tpmCommand[0], tpmCommand.Skip(1).Concat(new[] { "schedule", file, "--format", "json" }).Concat(noLevel ? new[] { "--no-level" } : Array.Empty<string>()), measureCpu: true);

        public static TpmSchedule Parse(string json)
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var program = root.GetProperty("program");
            DateTime? finish = program.TryGetProperty("finish", out var f) && f.ValueKind == JsonValueKind.String ? Day(f.GetString()!) : null;
            var notes = root.TryGetProperty("notes", out var n) && n.ValueKind == JsonValueKind.Array
                ? n.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
                : new List<string>();
            bool leveled = program.TryGetProperty("leveled", out var l) && (l.ValueKind == JsonValueKind.True || l.ValueKind == JsonValueKind.False)
                ? l.GetBoolean()
                : !notes.Any(x => x.Contains("unleveled", StringComparison.OrdinalIgnoreCase));
            var tasks = new Dictionary<string, TaskDates>(StringComparer.Ordinal);
            var durations = new Dictionary<string, int>(StringComparer.Ordinal);
            if (root.TryGetProperty("tasks", out var ts))
            {
                foreach (var t in ts.EnumerateArray())
                {
                    var id = t.GetProperty("id").GetString()!;
                    if (t.GetProperty("start").ValueKind == JsonValueKind.String && t.GetProperty("finish").ValueKind == JsonValueKind.String)
                    {
                        tasks[id] = new TaskDates(Day(t.GetProperty("start").GetString()!), Day(t.GetProperty("finish").GetString()!));
                    }

                    if (t.TryGetProperty("duration_days", out var d) && d.ValueKind == JsonValueKind.Number) durations[id] = (int)Math.Round(d.GetDouble());
                }
            }

            var errors = new List<string>();
            if (root.TryGetProperty("diagnostics", out var ds))
            {
                foreach (var d in ds.EnumerateArray())
                {
                    if (d.TryGetProperty("severity", out var sev) && sev.GetString() == "error") errors.Add(d.GetProperty("code").GetString() + ": " + d.GetProperty("message").GetString());
                }
            }

            return new TpmSchedule(finish, leveled, tasks, durations, errors, notes);
        }

        private static DateTime Day(string s) => DateTime.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}
