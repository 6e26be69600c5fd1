using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace ProgramDsl.LanguageServer.Tests.Infrastructure
{
    /// <summary>
    /// A language-server client for tests: starts the real <c>tpm lsp</c> process and speaks the protocol to it over its
    /// stdin and stdout with StreamJsonRpc (Content-Length framing, JSON-RPC 2.0), as an editor would.
    /// </summary>
    public sealed class LspClient : IAsyncDisposable
    {
        private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
        private readonly Process _process;
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly ServerMessages _messages = new ServerMessages();
        private int _version = 1;

        private LspClient(Process process, JsonRpc rpc)
        {
            _process = process;
            Rpc = rpc;
        }

        /// <summary>The connection, for requests this class has no helper for.</summary>
        public JsonRpc Rpc { get; }

        /// <summary>The server process.</summary>
        public Process Process => _process;

        /// <summary>The result of <c>initialize</c>.</summary>
        public JObject InitializeResult { get; private set; } = new JObject();

        /// <summary>What the server wrote to stderr so far.</summary>
        public string Stderr
        {
            get
            {
                lock (_stderr) return _stderr.ToString();
            }
        }

        /// <summary>The log messages the server sent (window/logMessage, window/showMessage).</summary>
        public IReadOnlyList<string> LogMessages => _messages.Logs.ToList();

        /// <summary>Starts <c>tpm lsp</c>, and (unless told not to) initializes it with <paramref name="rootFolder"/> as the workspace folder.</summary>
        public static async Task<LspClient> StartAsync(string? rootFolder, bool initialize = true, JObject? capabilities = null)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = rootFolder ?? Path.GetTempPath(),
            };
            start.ArgumentList.Add(RepositoryPaths.TpmDll);
            start.ArgumentList.Add("lsp");
            start.ArgumentList.Add("--stdio");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start tpm lsp");
            var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, new JsonMessageFormatter()));
            var client = new LspClient(process, rpc);
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (client._stderr) client._stderr.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            rpc.AddLocalRpcTarget(client._messages, new JsonRpcTargetOptions { AllowNonPublicInvocation = false });
            rpc.StartListening();
            if (initialize) await client.InitializeAsync(rootFolder, capabilities);
            return client;
        }

        /// <summary>Sends <c>initialize</c> then <c>initialized</c>.</summary>
        public async Task InitializeAsync(string? rootFolder, JObject? capabilities = null)
        {
            var root = rootFolder is null ? null : UriOf(rootFolder);
            var parameters = new JObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["capabilities"] = capabilities ?? DefaultCapabilities(),
                ["workspaceFolders"] = root is null ? null : new JArray(new JObject { ["uri"] = root, ["name"] = "test" }),
            };
            InitializeResult = (JObject)await RequestAsync("initialize", parameters);
            await NotifyAsync("initialized", new JObject());
        }

        /// <summary>The capabilities of a plain client: markdown hovers, snippets in completion, hierarchical symbols.</summary>
        public static JObject DefaultCapabilities() => JObject.Parse(@"{
            ""textDocument"": {
                ""synchronization"": { ""didSave"": true },
                ""hover"": { ""contentFormat"": [""markdown"", ""plaintext""] },
                ""completion"": { ""completionItem"": { ""snippetSupport"": true } },
                ""documentSymbol"": { ""hierarchicalDocumentSymbolSupport"": true },
                ""rename"": { ""prepareSupport"": true },
                ""publishDiagnostics"": { ""relatedInformation"": true, ""codeDescriptionSupport"": true }
            },
            ""workspace"": { ""workspaceFolders"": true, ""applyEdit"": true, ""workspaceEdit"": { ""documentChanges"": false } }
        }");

        /// <summary>Sends a request and returns its result (JSON null as a JValue).</summary>
        public async Task<JToken> RequestAsync(string method, object parameters, TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
            var result = await Rpc.InvokeWithParameterObjectAsync<JToken?>(method, parameters, cts.Token);
            return result ?? JValue.CreateNull();
        }

        /// <summary>Sends a notification.</summary>
        public Task NotifyAsync(string method, object parameters) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

        /// <summary>Opens a file as the editor would: its text (from disk unless given) becomes the buffer.</summary>
        public Task OpenAsync(string path, string? text = null) =>
            NotifyAsync("textDocument/didOpen", new JObject
            {
                ["textDocument"] = new JObject
                {
                    ["uri"] = UriOf(path),
                    ["languageId"] = "tpm",
                    ["version"] = _version,
                    ["text"] = text ?? File.ReadAllText(path),
                },
            });

        /// <summary>Replaces a buffer's whole text.</summary>
        public Task ChangeAsync(string path, string text) =>
            NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = UriOf(path), ["version"] = Interlocked.Increment(ref _version) },
                ["contentChanges"] = new JArray(new JObject { ["text"] = text }),
            });

        /// <summary>Replaces a range of a buffer (0-based lines and UTF-16 columns).</summary>
        public Task ChangeRangeAsync(string path, int startLine, int startCharacter, int endLine, int endCharacter, string text) =>
            NotifyAsync("textDocument/didChange", new JObject
            {
                ["textDocument"] = new JObject { ["uri"] = UriOf(path), ["version"] = Interlocked.Increment(ref _version) },
                ["contentChanges"] = new JArray(new JObject { ["range"] = Range(startLine, startCharacter, endLine, endCharacter), ["text"] = text }),
            });

        /// <summary>Closes a buffer.</summary>
        public Task CloseAsync(string path) =>
            NotifyAsync("textDocument/didClose", new JObject { ["textDocument"] = new JObject { ["uri"] = UriOf(path) } });

        /// <summary>The latest diagnostics published for a file, or null when none were.</summary>
        public JArray? Diagnostics(string path) => _messages.Diagnostics.TryGetValue(Key(path), out var d) ? d.Diagnostics : null;

        /// <summary>How many times diagnostics were published for a file.</summary>
        public int PublishCount(string path) => _messages.Diagnostics.TryGetValue(Key(path), out var d) ? d.Count : 0;

        /// <summary>Waits until the diagnostics published for a file satisfy <paramref name="until"/>; fails with what was last seen.</summary>
        public async Task<JArray> WaitForDiagnosticsAsync(string path, Func<JArray, bool> until, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
            while (true)
            {
                var latest = Diagnostics(path);
                if (latest != null && until(latest)) return latest;
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("diagnostics of " + path + " never matched; last: " + (latest?.ToString() ?? "(none)") + "\nstderr: " + Stderr);
                }

                if (_process.HasExited) throw new InvalidOperationException("tpm lsp exited with " + _process.ExitCode + ": " + Stderr);
                await Task.Delay(10);
            }
        }

        /// <summary>The compact form of diagnostics: <c>line:col-line:col severity CODE message</c>, 0-based as the protocol sends them.</summary>
        public static IReadOnlyList<string> Summarize(JArray diagnostics) =>
            diagnostics.Select(d => $"{d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}-{d["range"]!["end"]!["line"]}:{d["range"]!["end"]!["character"]} {d["severity"]} {d["code"]} {d["message"]}").ToList();

        /// <summary>Sends <c>shutdown</c> and <c>exit</c> and returns the process's exit code.</summary>
        public async Task<int> ShutdownAndExitAsync()
        {
            await RequestAsync("shutdown", new JObject());
            await NotifyAsync("exit", new JObject());
            return await WaitForExitAsync();
        }

        /// <summary>Waits for the process to end (bounded) and returns its exit code.</summary>
        public async Task<int> WaitForExitAsync(TimeSpan? timeout = null)
        {
            using var cts = new CancellationTokenSource(timeout ?? DefaultWait);
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }

        /// <summary>A protocol position.</summary>
        public static JObject Position(int line, int character) => new JObject { ["line"] = line, ["character"] = character };

        /// <summary>A protocol range.</summary>
        public static JObject Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
            new JObject { ["start"] = Position(startLine, startCharacter), ["end"] = Position(endLine, endCharacter) };

        /// <summary>A text document and position, the parameters of most requests.</summary>
        public static JObject At(string path, int line, int character) =>
            new JObject { ["textDocument"] = new JObject { ["uri"] = UriOf(path) }, ["position"] = Position(line, character) };

        /// <summary>The file URI of a path.</summary>
        public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

        /// <summary>The path a URI names.</summary>
        public static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

        private static string Key(string path) => Path.GetFullPath(path);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _process.StandardInput.Close();
                    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    try
                    {
                        await _process.WaitForExitAsync(cts.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        _process.Kill(entireProcessTree: true);
                    }
                }
            }
            catch (InvalidOperationException)
            {
            }
            catch (IOException)
            {
            }

            Rpc.Dispose();
            _process.Dispose();
        }

        /// <summary>What the server sends the client unasked: diagnostics, log messages, and requests a client must answer.</summary>
        private sealed class ServerMessages
        {
            public ConcurrentDictionary<string, Published> Diagnostics { get; } = new ConcurrentDictionary<string, Published>(StringComparer.Ordinal);

            public ConcurrentQueue<string> Logs { get; } = new ConcurrentQueue<string>();

            [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
            public void PublishDiagnostics(JToken parameters)
            {
                var path = PathOf((string)parameters["uri"]!);
                Diagnostics.AddOrUpdate(path, _ => new Published((JArray)parameters["diagnostics"]!, 1), (_, old) => new Published((JArray)parameters["diagnostics"]!, old.Count + 1));
            }

            [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
            public void LogMessage(JToken parameters) => Logs.Enqueue((string?)parameters["message"] ?? string.Empty);

            [JsonRpcMethod("window/showMessage", UseSingleObjectParameterDeserialization = true)]
            public void ShowMessage(JToken parameters) => Logs.Enqueue((string?)parameters["message"] ?? string.Empty);

            [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
            public JToken? RegisterCapability(JToken parameters) => null;

            [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
            public JToken? CreateProgress(JToken parameters) => null;

            [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
            public JToken Configuration(JToken parameters) => new JArray(((JArray?)parameters["items"] ?? new JArray()).Select(_ => JValue.CreateNull()));
        }

        private sealed class Published
        {
            public Published(JArray diagnostics, int count)
            {
                Diagnostics = diagnostics;
                Count = count;
            }

            public JArray Diagnostics { get; }

            public int Count { get; }
        }
    }
}
