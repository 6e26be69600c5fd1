using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Newtonsoft.Json.Linq;

namespace ProgramDsl.LanguageServer.Tests.Infrastructure
{
    /// <summary>
    /// The real <c>tpm lsp</c> process spoken to byte by byte: the tests write whatever they like to its stdin (broken
    /// headers, bodies that are not JSON) and read every message it writes back, including answers with a null id,
    /// which a JSON-RPC library would swallow. Requests the server sends the client are answered with null.
    /// </summary>
    public sealed class RawLspConnection : IAsyncDisposable
    {
        private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);
        private readonly Process _process;
        private readonly Stream _input;
        private readonly StringBuilder _stderr = new StringBuilder();
        private readonly List<JObject> _received = new List<JObject>();
        private readonly SemaphoreSlim _writeLock = new SemaphoreSlim(1, 1);
        private readonly Task _reader;
        private int _nextId;

        private RawLspConnection(Process process)
        {
            _process = process;
            _input = process.StandardInput.BaseStream;
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is null) return;
                lock (_stderr) _stderr.AppendLine(e.Data);
            };
            process.BeginErrorReadLine();
            _reader = Task.Run(ReadLoopAsync);
        }

        /// <summary>The server process.</summary>
        public Process Process => _process;

        /// <summary>What the server wrote to stderr so far.</summary>
        public string Stderr
        {
            get
            {
                lock (_stderr) return _stderr.ToString();
            }
        }

        /// <summary>Every message the server sent so far, in order.</summary>
        public IReadOnlyList<JObject> Received
        {
            get
            {
                lock (_received) return _received.ToList();
            }
        }

        /// <summary>Starts <c>tpm lsp</c> and initializes it with <paramref name="rootFolder"/> as its workspace folder.</summary>
        public static async Task<RawLspConnection> StartAsync(string rootFolder)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = rootFolder,
            };
            start.ArgumentList.Add(RepositoryPaths.TpmDll);
            start.ArgumentList.Add("lsp");
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var connection = new RawLspConnection(Process.Start(start) ?? throw new InvalidOperationException("cannot start tpm lsp"));
            var root = LspClient.UriOf(rootFolder);
            var initialized = await connection.RequestAsync("initialize", new JObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = root,
                ["capabilities"] = LspClient.DefaultCapabilities(),
                ["workspaceFolders"] = new JArray(new JObject { ["uri"] = root, ["name"] = "test" }),
            });
            if (initialized["result"] is null) throw new InvalidOperationException("initialize failed: " + initialized);
            await connection.NotifyAsync("initialized", new JObject());
            return connection;
        }

        /// <summary>Writes bytes to the server's stdin as they are.</summary>
        public async Task WriteRawAsync(byte[] bytes)
        {
            await _writeLock.WaitAsync();
            try
            {
                await _input.WriteAsync(bytes);
                await _input.FlushAsync();
            }
            finally
            {
                _writeLock.Release();
            }
        }

        /// <summary>Writes text (UTF-8) to the server's stdin as it is.</summary>
        public Task WriteRawAsync(string text) => WriteRawAsync(Encoding.UTF8.GetBytes(text));

        /// <summary>Frames a body with a correct Content-Length header and writes it.</summary>
        public Task SendBodyAsync(string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            return WriteRawAsync(Encoding.ASCII.GetBytes("Content-Length: " + bytes.Length + "\r\n\r\n").Concat(bytes).ToArray());
        }

        /// <summary>Sends a notification.</summary>
        public Task NotifyAsync(string method, JToken parameters) =>
            SendBodyAsync(new JObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToString(Newtonsoft.Json.Formatting.None));

        /// <summary>Sends a request and returns the whole response (with <c>result</c> or <c>error</c>).</summary>
        public async Task<JObject> RequestAsync(string method, JToken parameters, TimeSpan? timeout = null)
        {
            var id = Interlocked.Increment(ref _nextId);
            await SendBodyAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToString(Newtonsoft.Json.Formatting.None));
            return await WaitForAsync(m => m["method"] is null && m["id"]?.Type == JTokenType.Integer && (int)m["id"]! == id, "the answer to " + method + " #" + id, timeout);
        }

        /// <summary>Waits for a message the server sent (at any time, before or after the call) that matches.</summary>
        public async Task<JObject> WaitForAsync(Func<JObject, bool> match, string what, TimeSpan? timeout = null)
        {
            var deadline = DateTime.UtcNow + (timeout ?? DefaultWait);
            while (true)
            {
                var found = Received.FirstOrDefault(match);
                if (found != null) return found;
                if (DateTime.UtcNow > deadline) throw new TimeoutException("no " + what + " from tpm lsp; stderr: " + Stderr);
                if (_process.HasExited) throw new InvalidOperationException("tpm lsp exited with " + _process.ExitCode + " while waiting for " + what + "; stderr: " + Stderr);
                await Task.Delay(10);
            }
        }

        /// <summary>The latest diagnostics published for a file, or null.</summary>
        public JArray? Diagnostics(string path)
        {
            var uri = LspClient.UriOf(path);
            return (JArray?)Received.LastOrDefault(m => (string?)m["method"] == "textDocument/publishDiagnostics" && (string?)m["params"]?["uri"] == uri)?["params"]?["diagnostics"];
        }

        /// <summary>Closes stdin and waits (bounded) for the process to end; kills it past the bound.</summary>
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!_process.HasExited)
                {
                    _input.Close();
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

            await Task.WhenAny(_reader, Task.Delay(TimeSpan.FromSeconds(5)));
            _process.Dispose();
        }

        private async Task ReadLoopAsync()
        {
            var output = _process.StandardOutput.BaseStream;
            try
            {
                while (true)
                {
                    var length = await ReadHeadersAsync(output);
                    if (length < 0) return;
                    var body = new byte[length];
                    var read = 0;
                    while (read < length)
                    {
                        var n = await output.ReadAsync(body.AsMemory(read, length - read));
                        if (n == 0) return;
                        read += n;
                    }

                    var message = JObject.Parse(Encoding.UTF8.GetString(body));
                    lock (_received) _received.Add(message);
                    // A request from the server (it has both a method and an id): the client's answer is null.
                    if (message["method"] != null && message["id"] != null)
                    {
                        await SendBodyAsync(new JObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = null }.ToString(Newtonsoft.Json.Formatting.None));
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (ObjectDisposedException)
            {
            }
            catch (Exception ex) when (ex is InvalidDataException || ex is Newtonsoft.Json.JsonException || ex is FormatException)
            {
                // The server broke the framing: say so in every later wait instead of timing out silently.
                lock (_stderr) _stderr.AppendLine("[test client] cannot read tpm lsp's output: " + ex.Message);
            }
        }

        // The headers of one message; the Content-Length, or -1 at the end of the stream.
        private static async Task<int> ReadHeadersAsync(Stream output)
        {
            var length = -1;
            var line = new StringBuilder();
            var one = new byte[1];
            while (true)
            {
                if (await output.ReadAsync(one.AsMemory(0, 1)) == 0) return -1;
                if (one[0] != '\n')
                {
                    if (one[0] != '\r') line.Append((char)one[0]);
                    continue;
                }

                if (line.Length == 0)
                {
                    if (length < 0) throw new InvalidDataException("tpm lsp sent a message without Content-Length");
                    return length;
                }

                var header = line.ToString();
                line.Clear();
                var colon = header.IndexOf(':');
                if (colon > 0 && header.Substring(0, colon).Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) length = int.Parse(header.Substring(colon + 1).Trim());
            }
        }
    }
}
