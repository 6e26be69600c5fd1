using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace ProgramDsl.Benchmarks.Lsp
{
    /// <summary>One <c>publishDiagnostics</c> as the client received it, stamped on arrival.</summary>
    internal sealed class Publish
    {
        public Publish(string path, JArray diagnostics, long timestamp)
        {
            Path = path;
            Diagnostics = diagnostics;
            Timestamp = timestamp;
        }

        public string Path { get; }

        public JArray Diagnostics { get; }

        /// <summary><see cref="Stopwatch.GetTimestamp"/> when the notification reached the client.</summary>
        public long Timestamp { get; }
    }

    /// <summary>
    /// A language-server client for the benchmark: starts the real <c>tpm lsp</c> process and speaks the protocol over
    /// its stdin and stdout with StreamJsonRpc, as the over-the-wire tests' <c>LspClient</c> does (a small adapted copy:
    /// that one polls every 10 ms, too coarse to time a publish, and finds tpm.dll next to the test assembly). Every
    /// <c>publishDiagnostics</c> is stamped on arrival and queued, so a latency is the arrival stamp minus the send stamp.
    /// </summary>
    internal sealed class LspSession : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly Channel<Publish> _publishes = Channel.CreateUnbounded<Publish>(new UnboundedChannelOptions { SingleReader = true });
        private int _version = 1;

        private LspSession(Process process, JsonRpc rpc)
        {
            _process = process;
            Rpc = rpc;
        }

        public JsonRpc Rpc { get; }

        /// <summary>The server's process id (for /proc/PID/status).</summary>
        public int ProcessId => _process.Id;

        public string Stderr
        {
            get
            {
                lock (_stderr) return _stderr.ToString();
            }
        }

        /// <summary>Starts <c>tpm lsp</c> (<c>dotnet tpm.dll</c> for a .dll, else the executable) and initializes it on <paramref name="root"/>.</summary>
        public static async Task<LspSession> StartAsync(string tpm, string root)
        {
            var start = new ProcessStartInfo(tpm.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : tpm)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            if (tpm.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) start.ArgumentList.Add(tpm);
            start.ArgumentList.Add("lsp");
            start.ArgumentList.Add("--stdio");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start tpm lsp");
            var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));
            var session = new LspSession(process, rpc);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (session._stderr) session._stderr.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            rpc.AddLocalRpcTarget(new ServerMessages(session._publishes.Writer), new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
            rpc.StartListening();
            var rootUri = UriOf(root);
            await session.RequestAsync("initialize", new JObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = rootUri,
                ["capabilities"] = JObject.Parse(@"{
                    ""textDocument"": {
                        ""hover"": { ""contentFormat"": [""markdown"", ""plaintext""] },
                        ""completion"": { ""completionItem"": { ""snippetSupport"": true } },
                        ""publishDiagnostics"": { ""relatedInformation"": true, ""codeDescriptionSupport"": true }
                    },
                    ""workspace"": { ""workspaceFolders"": true }
                }"),
                ["workspaceFolders"] = new JArray(new JObject { ["uri"] = rootUri, ["name"] = "bench" }),
            }).ConfigureAwait(false);
            await session.NotifyAsync("initialized", new JObject()).ConfigureAwait(false);
            return session;
        }

        public async Task<JToken> RequestAsync(string method, object parameters, TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
            var result = await Rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, cts.Token).ConfigureAwait(false);
            return result ?? JValue.CreateNull();
        }

        public Task NotifyAsync(string method, object parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

        public Task OpenAsync(string path, string text) =>
            NotifyAsync("textDocument/didOpen", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = UriOf(path), ["languageId"] = "tpm", ["version"] = _version, ["text"] = text },
            });

        /// <summary>Replaces a range of a buffer (0-based lines and UTF-16 columns), as an editor sends a keystroke.</summary>
        public Task ChangeRangeAsync(string path, int line, int startCharacter, int endCharacter, string text) =>
            NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = UriOf(path), ["version"] = Interlocked.Increment(ref _version) },
                ["contentChanges"] = new JArray(new JObject
                {
                    ["range"] = new JObject { ["start"] = Position(line, startCharacter), ["end"] = Position(line, endCharacter) },
                    ["text"] = text,
                }),
            });

        /// <summary>Waits (bounded) for <c>tpm/schedule</c>, which answers once the server's compiles are idle.</summary>
        public Task<JToken> ScheduleAsync(string path) =>
            RequestAsync("tpm/schedule", new JObject { ["textDocument"] = new JObject { ["uri"] = UriOf(path) } });

        /// <summary>Drops the publishes received so far.</summary>
        public void DrainPublishes()
        {
            while (_publishes.Reader.TryRead(out _))
            {
            }
        }

        /// <summary>The next publish for <paramref name="path"/> that satisfies <paramref name="until"/> (earlier ones are skipped), or null after the timeout.</summary>
        public async Task<Publish?> NextPublishAsync(string path, Func<JArray, bool> until, TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                while (true)
                {
                    var p = await _publishes.Reader.ReadAsync(cts.Token).ConfigureAwait(false);
                    if (p.Path == path && until(p.Diagnostics)) return p;
                }
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        /// <summary>The next publish for <paramref name="path"/> that arrives within <paramref name="timeout"/>, whatever it says, or null.</summary>
        public Task<Publish?> NextPublishAsync(string path, TimeSpan timeout) => NextPublishAsync(path, _ => true, timeout);

        /// <summary>The server's resident set size in KB (VmRSS of /proc/PID/status), or -1.</summary>
        public long ResidentKb() => ProcStatusKb(_process.Id, "VmRSS:");

        /// <summary>The server's peak resident set size in KB (VmHWM), or -1.</summary>
        public long PeakResidentKb() => ProcStatusKb(_process.Id, "VmHWM:");

        /// <summary>The server's CPU time so far (user + system).</summary>
        public TimeSpan CpuTime()
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }

        private static long ProcStatusKb(int pid, string field)
        {
            try
            {
                foreach (var line in File.ReadLines("/proc/" + pid + "/status"))
                {
                    if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
                    var number = line.Substring(field.Length).Trim().Split(' ')[0];
                    return long.Parse(number, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            catch (IOException)
            {
            }

            return -1;
        }

        public static JObject Position(int line, int character) => new JObject { ["line"] = line, ["character"] = character };

        public static JObject At(string path, int line, int character) =>
            new JObject { ["textDocument"] = new JObject { ["uri"] = UriOf(path) }, ["position"] = Position(line, character) };

        public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

        public static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                    try
                    {
                        await RequestAsync("shutdown", new JObject(), TimeSpan.FromSeconds(10)).ConfigureAwait(false);
                        await NotifyAsync("exit", new JObject()).ConfigureAwait(false);
                        await _process.WaitForExitAsync(cts.Token).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is OperationCanceledException || ex is ConnectionLostException || ex is RemoteInvocationException)
                    {
                        _process.Kill(entireProcessTree: true);
                    }
                }
            }
            catch (InvalidOperationException)
            {
            }

            Rpc.Dispose();
            _process.Dispose();
        }

        /// <summary>What the server sends unasked: diagnostics are queued with their arrival time; the rest is acknowledged.</summary>
        private sealed class ServerMessages
        {
            private readonly ChannelWriter<Publish> _publishes;

            public ServerMessages(ChannelWriter<Publish> publishes) => _publishes = publishes;

            [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
            public void PublishDiagnostics(JToken parameters)
            {
                var now = Stopwatch.GetTimestamp();
                _publishes.TryWrite(new Publish(PathOf((string)parameters["uri"]!), (JArray)parameters["diagnostics"]!, now));
            }

            [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
            public void LogMessage(JToken parameters) => Console.Error.WriteLine("  server log: " + (string?)parameters["message"]);

            [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
            public void ShowMessage(JToken parameters) => Console.Error.WriteLine("  server message: " + (string?)parameters["message"]);

            [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
            public JToken? RegisterCapability(JToken parameters) => null;

            [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
            public JToken? CreateProgress(JToken parameters) => null;

            [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
            public JToken Configuration(JToken parameters) => new JArray(((JArray?)parameters["items"] ?? new JArray()).Select(_ => JValue.CreateNull()));
        }
    }
}
