using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Cli.Tests.Infrastructure;

namespace ProgramDsl.Cli.Tests.Fuzz
{
    /// <summary>One thing that went wrong on one input: a stable signature (what the allow-list matches) and the detail.</summary>
    public sealed record FuzzFailure(string Signature, string Detail, FuzzInput Input, int Command)
    {
        public override string ToString() => Signature + "\n  input: " + Input + "\n  command " + (Command + 1) + ": " + Detail;
    }

    /// <summary>
    /// Runs a <see cref="FuzzInput"/> through the CLI's real entry point in-process (<see cref="Tpm.Run(FakeConsole, string, string[])"/>,
    /// the same service registrations as the executable) in a fresh temporary folder, and checks what every program
    /// must do on any input: finish within the time limit, let no exception escape, exit 0, 1 or 2, print no
    /// "internal error", write nothing outside the folder or file the command was given, leave no temporary file,
    /// print valid JSON when asked for JSON, and never show the content of the files placed outside the workspace.
    /// </summary>
    public static class FuzzRunner
    {
        /// <summary>A word that appears only in the files outside the workspace: seeing it in any output means they were read.</summary>
        public const string Canary = "zqcanary";

        private static readonly AsyncLocal<Capture?> CurrentCapture = new AsyncLocal<Capture?>();

        [ThreadStatic]
        private static bool _inHandler;

        static FuzzRunner()
        {
            // The CLI turns any exception into one "internal error" line; to name the failure by where it was thrown,
            // every exception thrown while an input runs (on any thread its tasks flow to) is recorded with its stack.
            AppDomain.CurrentDomain.FirstChanceException += (_, e) =>
            {
                var capture = CurrentCapture.Value;
                if (capture is null || _inHandler) return;
                _inHandler = true;
                try
                {
                    if (Interlocked.Increment(ref capture.Count) <= 500) capture.Items.Enqueue((e.Exception, new StackTrace(1, false)));
                }
                finally
                {
                    _inHandler = false;
                }
            };
        }

        /// <summary>Runs every command of an input; returns the failures (none when all is well).</summary>
        public static IReadOnlyList<FuzzFailure> Run(FuzzInput input, TimeSpan timeout, Action<FuzzCommand, int>? exited = null)
        {
            var failures = new List<FuzzFailure>();
            var root = Path.Combine(Path.GetTempPath(), "tpm-fuzz", Guid.NewGuid().ToString("N"));
            var workspace = Path.Combine(root, "ws");
            bool hung = false;
            try
            {
                Prepare(root, workspace, input);
                var before = Snapshot(root);
                bool clean = input.CleanText ?? input.Files.Values.All(IsCleanUtf8);
                for (int i = 0; i < input.Commands.Count && !hung; i++)
                {
                    var command = input.Commands[i];
                    if (command.OnlyIfExists != null && !File.Exists(Path.Combine(workspace, command.OnlyIfExists))) continue;
                    var args = command.Args.Select(a => a.Replace(FuzzInput.RootToken, root, StringComparison.Ordinal)).ToArray();
                    var console = new FakeConsole();
                    var capture = new Capture();
                    var task = Task.Factory.StartNew(() =>
                    {
                        CurrentCapture.Value = capture;
                        try
                        {
                            return Tpm.Run(console, workspace, args);
                        }
                        finally
                        {
                            CurrentCapture.Value = null;
                        }
                    }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

                    string name = CommandName(command);
                    void Fail(string signature, string detail) => failures.Add(new FuzzFailure(signature, detail, input, i));
                    bool finished;
                    try
                    {
                        finished = task.Wait(timeout);
                    }
                    catch (AggregateException ex)
                    {
                        var inner = ex.GetBaseException();
                        Fail("escaped " + Signature(inner, capture), command + " threw " + inner);
                        continue;
                    }

                    if (!finished)
                    {
                        // The run cannot be stopped from outside; it is left to finish on its own thread and the
                        // folder is left behind (it may still be written to).
                        hung = true;
                        Fail("timeout " + name, command + " did not finish in " + timeout.TotalSeconds + " s");
                        break;
                    }

                    var result = task.Result;
                    exited?.Invoke(command, result.ExitCode);
                    var output = result.Out + "\n" + result.Error;
                    if (result.ExitCode < 0 || result.ExitCode > 2) Fail("exit-code " + result.ExitCode + " " + name, command + "\n" + result);
                    int internalError = output.IndexOf("internal error", StringComparison.OrdinalIgnoreCase);
                    if (internalError >= 0)
                    {
                        var line = output.Substring(internalError).Split('\n')[0];
                        Fail("internal-error " + InternalErrorSignature(line, capture), command + "\n" + line + "\n" + StackOf(line, capture));
                    }

                    if (output.IndexOf(Canary, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        Fail("read-outside " + name, command + " printed the content of a file outside the workspace\n" + Excerpt(output, Canary));
                    }

                    if (clean && output.IndexOf('\uFFFD') >= 0)
                    {
                        Fail("replacement-char " + name, command + " printed U+FFFD for an input without one\n" + Excerpt(output, "\uFFFD"));
                    }

                    if (command.JsonOutput && (result.ExitCode == 0 || result.ExitCode == 1) && !IsJson(result.Out, out var why))
                    {
                        Fail("bad-json " + name, command + " printed invalid JSON: " + why + "\n" + Shorten(result.Out, 2000));
                    }

                    var after = Snapshot(root);
                    foreach (var changed in Changes(before, after))
                    {
                        var relative = Path.GetRelativePath(workspace, Path.Combine(root, changed)).Replace('\\', '/');
                        bool allowed = command.MayWrite.Any(w => w.Length == 0
                            ? !relative.StartsWith("..", StringComparison.Ordinal)
                            : relative == w.TrimEnd('/') || relative.StartsWith(w.TrimEnd('/') + "/", StringComparison.Ordinal)
                              // the folders that lead to it ('-o out/sub' creates 'out')
                              || (after.TryGetValue(changed, out var kind) && kind == "dir" && w.StartsWith(relative + "/", StringComparison.Ordinal)));
                        if (!allowed)
                        {
                            Fail("wrote-outside " + name, command + " changed '" + relative + "', outside " + (command.MayWrite.Count == 0 ? "(nothing may be written)" : string.Join(", ", command.MayWrite)));
                        }
                        else if (after.TryGetValue(changed, out var entry) && entry.StartsWith("file", StringComparison.Ordinal))
                        {
                            var name2 = Path.GetFileName(changed);
                            if (name2.StartsWith(".", StringComparison.Ordinal) && name2.EndsWith(".tmp", StringComparison.Ordinal))
                            {
                                Fail("temp-file-left " + name, command + " left the temporary file '" + relative + "'");
                            }
                            else
                            {
                                var written = File.ReadAllText(Path.Combine(root, changed));
                                if (written.IndexOf(Canary, StringComparison.OrdinalIgnoreCase) >= 0)
                                {
                                    Fail("read-outside " + name, command + " wrote the content of a file outside the workspace into '" + relative + "'");
                                }

                                if (clean && written.IndexOf('\uFFFD') >= 0)
                                {
                                    Fail("replacement-char " + name + " " + Path.GetExtension(changed), command + " wrote U+FFFD into '" + relative + "' for an input without one\n" + Excerpt(written, "\uFFFD"));
                                }
                            }
                        }
                    }

                    before = after;
                }
            }
            finally
            {
                if (!hung) TryDelete(root);
            }

            return failures;
        }

        /// <summary>The command word of a command line, for signatures ("check", "build", "args" for anything else).</summary>
        public static string CommandName(FuzzCommand command)
        {
            var first = command.Args.FirstOrDefault() ?? string.Empty;
            return new[] { "check", "schedule", "build", "import", "forecast", "status" }.Contains(first) ? first : "args";
        }

        private static void Prepare(string root, string workspace, FuzzInput input)
        {
            Directory.CreateDirectory(workspace);
            // A repository root: whichever rule decides the workspace (the nearest .git, or the named file's folder),
            // the workspace is this folder.
            Directory.CreateDirectory(Path.Combine(workspace, ".git"));
            var outside = Path.Combine(root, "outside");
            Directory.CreateDirectory(outside);
            // What an attacker would like printed: a fragment that parses, a file that does not, and a program file.
            File.WriteAllText(Path.Combine(outside, "secret.tpm"), "person " + Canary + "-person \"" + Canary + " secret\" { rate 1/d }\n");
            File.WriteAllText(Path.Combine(outside, "secret.txt"), Canary + ":x:0:0:root:/root:/bin/sh\n");
            File.WriteAllText(Path.Combine(outside, "program.tpm"), "program " + Canary + "-program \"x\" {\n  start 2027-01-04\n  " + Canary + "-token\n}\n");
            File.WriteAllText(Path.Combine(outside, ".globalconfig"), "is_global = true\n" + Canary + " = banana\n");

            var token = Encoding.UTF8.GetBytes(FuzzInput.RootToken);
            var rootBytes = Encoding.UTF8.GetBytes(root);
            foreach (var (path, bytes) in input.Files)
            {
                var full = Path.Combine(workspace, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, Replace(bytes, token, rootBytes));
            }

            foreach (var (link, target) in input.Symlinks)
            {
                var full = Path.Combine(workspace, link);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                var resolvedTarget = target.Replace(FuzzInput.RootToken, root, StringComparison.Ordinal);
                var absolute = Path.GetFullPath(resolvedTarget, Path.GetDirectoryName(full)!);
                if (Directory.Exists(absolute)) Directory.CreateSymbolicLink(full, resolvedTarget);
                else File.CreateSymbolicLink(full, resolvedTarget);
            }
        }

        private static byte[] Replace(byte[] bytes, byte[] token, byte[] with)
        {
            var span = bytes.AsSpan();
            if (span.IndexOf(token) < 0) return bytes;
            var result = new List<byte>(bytes.Length + 64);
            while (true)
            {
                int at = span.IndexOf(token);
                if (at < 0) break;
                result.AddRange(span.Slice(0, at).ToArray());
                result.AddRange(with);
                span = span.Slice(at + token.Length);
            }

            result.AddRange(span.ToArray());
            return result.ToArray();
        }

        /// <summary>Every entry under a folder (paths relative to it) with a fingerprint; symbolic links are recorded, not followed.</summary>
        private static Dictionary<string, string> Snapshot(string root)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var pending = new Stack<string>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var folder = pending.Pop();
                foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
                {
                    var relative = Path.GetRelativePath(root, entry.FullName);
                    if (entry.LinkTarget != null)
                    {
                        result[relative] = "link " + entry.LinkTarget;
                    }
                    else if (entry is DirectoryInfo)
                    {
                        result[relative] = "dir";
                        pending.Push(entry.FullName);
                    }
                    else if (entry is FileInfo file && (file.Attributes & FileAttributes.Device) == 0)
                    {
                        result[relative] = "file " + file.Length + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file.FullName)));
                    }
                    else
                    {
                        result[relative] = "other";
                    }
                }
            }

            return result;
        }

        private static IEnumerable<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after)
        {
            foreach (var (path, entry) in after)
            {
                if (!before.TryGetValue(path, out var old) || old != entry) yield return path;
            }

            foreach (var path in before.Keys)
            {
                if (!after.ContainsKey(path)) yield return path;
            }
        }

        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

        private static bool IsCleanUtf8(byte[] bytes)
        {
            try
            {
                return StrictUtf8.GetString(bytes).IndexOf('\uFFFD') < 0;
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        private static bool IsJson(string text, out string why)
        {
            try
            {
                // Deeply nested plans give deeply nested JSON; the reader is not recursive, so any depth is fine here.
                using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 1_000_000 });
                why = string.Empty;
                return true;
            }
            catch (JsonException ex)
            {
                why = ex.Message;
                return false;
            }
        }

        // ---------------------------------------------------------------- signatures of exceptions

        private sealed class Capture
        {
            public readonly ConcurrentQueue<(Exception Exception, StackTrace Stack)> Items = new ConcurrentQueue<(Exception, StackTrace)>();
            public int Count;
        }

        /// <summary>The exception recorded for a printed "internal error: MESSAGE (please report …)" line.</summary>
        private static (Exception Exception, StackTrace Stack)? Find(string line, Capture capture)
        {
            (Exception, StackTrace)? last = null;
            foreach (var item in capture.Items)
            {
                if (line.Contains(item.Exception.Message, StringComparison.Ordinal) && item.Exception.Message.Length > 0) last = item;
            }

            return last;
        }

        private static string InternalErrorSignature(string line, Capture capture)
        {
            if (Find(line, capture) is var (exception, stack)) return exception.GetType().FullName + " at " + TopFrame(stack);

            // An internal error the CLI reports without an exception (e.g. an import that would not compile).
            var text = line.Length > 90 ? line.Substring(0, 90) : line;
            foreach (var c in new[] { '\'', '"', '(' })
            {
                int cut = text.IndexOf(c);
                if (cut > 20) text = text.Substring(0, cut);
            }

            var code = System.Text.RegularExpressions.Regex.Match(line, "TPM[0-9]{4}");
            return "message: " + text.Trim() + (code.Success ? " " + code.Value : string.Empty);
        }

        private static string StackOf(string line, Capture capture) =>
            Find(line, capture) is var (exception, stack) ? exception.GetType().FullName + ": " + exception.Message + "\n" + Frames(stack, 12) : "(no exception recorded)";

        private static string Signature(Exception exception, Capture capture)
        {
            foreach (var item in capture.Items)
            {
                if (ReferenceEquals(item.Exception, exception)) return exception.GetType().FullName + " at " + TopFrame(item.Stack);
            }

            return exception.GetType().FullName + " at " + TopFrame(new StackTrace(exception, false));
        }

        /// <summary>The innermost frame in ProgramDsl code (the tests excluded), named without compiler-generated decorations.</summary>
        private static string TopFrame(StackTrace stack)
        {
            foreach (var frame in stack.GetFrames())
            {
                var method = frame.GetMethod();
                var type = method?.DeclaringType;
                if (method is null || type is null) continue;
                var ns = type.Namespace ?? string.Empty;
                if (!ns.StartsWith("ProgramDsl", StringComparison.Ordinal) || ns.StartsWith("ProgramDsl.Cli.Tests", StringComparison.Ordinal)) continue;
                return MethodName(method);
            }

            return "(no ProgramDsl frame)";
        }

        private static string MethodName(MethodBase method)
        {
            var type = method.DeclaringType!;
            string name = method.Name;
            // Lambdas, iterators and local functions live in generated types and methods named <Owner>…
            while (type.Name.StartsWith("<", StringComparison.Ordinal) && type.DeclaringType != null)
            {
                if (type.Name.IndexOf('>') > 1) name = type.Name.Substring(1, type.Name.IndexOf('>') - 1);
                type = type.DeclaringType;
            }

            if (name.StartsWith("<", StringComparison.Ordinal) && name.IndexOf('>') > 1) name = name.Substring(1, name.IndexOf('>') - 1);
            return (type.FullName ?? type.Name).Replace('+', '.') + "." + name;
        }

        private static string Frames(StackTrace stack, int count) =>
            string.Join("\n", stack.GetFrames().Select(f => f.GetMethod())
                .Where(m => m?.DeclaringType != null && !(m.DeclaringType.FullName ?? string.Empty).StartsWith("System.Runtime.", StringComparison.Ordinal)).Take(count).Select(m => "   at " + MethodName(m!)));

        // ---------------------------------------------------------------- text helpers

        private static string Excerpt(string text, string word)
        {
            int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            int from = Math.Max(0, at - 150);
            return text.Substring(from, Math.Min(text.Length - from, 300));
        }

        private static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max) + "…";

        private static void TryDelete(string root)
        {
            try
            {
                if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A leftover temporary folder is harmless.
            }
        }
    }
}
