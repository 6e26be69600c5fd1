using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ProgramDsl.LanguageServer.Protocol
{
    /// <summary>
    /// The server's input as well-formed frames only. OmniSharp's reader stops for good on a header it cannot read (a
    /// negative or over-long Content-Length, a long header name): the server would then ignore its client forever and
    /// never notice it leave. This stream reads the client's header blocks itself and passes each message on as
    /// <c>Content-Length: N\r\n\r\n</c> and its body; a block without a usable Content-Length is dropped (and logged),
    /// and reading resumes at the next header. A body that is not JSON passes through: the JSON-RPC layer answers it.
    /// </summary>
    internal sealed class FramingGuardStream : Stream
    {
        /// <summary>The largest message accepted (bytes); a larger Content-Length is treated as garbage.</summary>
        public const long MaxContentLength = 512L * 1024 * 1024;

        // A header block longer than this is garbage; only its tail is kept, where the next header may begin.
        private const int MaxHeaderBlock = 64 * 1024;
        private const int KeptTail = 64;
        private static readonly byte[] ContentLengthName = Encoding.ASCII.GetBytes("content-length:");

        private readonly Stream _inner;
        private readonly Action<string> _log;
        private readonly byte[] _input = new byte[64 * 1024];
        private readonly MemoryStream _header = new MemoryStream();
        private int _inputStart;
        private int _inputEnd;
        private byte[] _pending = Array.Empty<byte>();
        private int _pendingStart;
        private long _bodyLeft;

        public FramingGuardStream(Stream inner, Action<string> log)
        {
            _inner = inner;
            _log = log;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (count == 0) return 0;
            while (true)
            {
                var n = TakeReady(buffer.AsSpan(offset, count));
                if (n > 0) return n;
                _inputStart = 0;
                _inputEnd = _inner.Read(_input, 0, _input.Length);
                // The end of the input (a message cut short is dropped with it).
                if (_inputEnd == 0) return 0;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (buffer.Length == 0) return 0;
            while (true)
            {
                var n = TakeReady(buffer.Span);
                if (n > 0) return n;
                _inputStart = 0;
                _inputEnd = await _inner.ReadAsync(_input.AsMemory(), cancellationToken).ConfigureAwait(false);
                if (_inputEnd == 0) return 0;
            }
        }

        // Hands out what is ready from the input read so far: a frame's header, then its body. 0 when more input is needed.
        private int TakeReady(Span<byte> buffer)
        {
            while (true)
            {
                if (_pendingStart < _pending.Length)
                {
                    var n = Math.Min(buffer.Length, _pending.Length - _pendingStart);
                    _pending.AsSpan(_pendingStart, n).CopyTo(buffer);
                    _pendingStart += n;
                    return n;
                }

                if (_inputStart == _inputEnd) return 0;
                if (_bodyLeft > 0)
                {
                    var n = (int)Math.Min(Math.Min(buffer.Length, _inputEnd - _inputStart), _bodyLeft);
                    _input.AsSpan(_inputStart, n).CopyTo(buffer);
                    _inputStart += n;
                    _bodyLeft -= n;
                    return n;
                }

                ReadHeaderBytes();
            }
        }

        // Moves input into the header block until it ends (a blank line), then sends on its frame or drops it.
        private void ReadHeaderBytes()
        {
            while (_inputStart < _inputEnd)
            {
                _header.WriteByte(_input[_inputStart++]);
                if (EndsWithBlankLine())
                {
                    AcceptHeader();
                    return;
                }

                if (_header.Length > MaxHeaderBlock)
                {
                    var tail = _header.ToArray().AsSpan((int)_header.Length - KeptTail).ToArray();
                    _header.SetLength(0);
                    _header.Write(tail, 0, tail.Length);
                    _log("tpm lsp: dropped " + (MaxHeaderBlock + 1 - KeptTail) + " bytes of input that are not a message header");
                }
            }
        }

        private bool EndsWithBlankLine()
        {
            var length = (int)_header.Length;
            if (length < 4) return false;
            var bytes = _header.GetBuffer();
            return bytes[length - 4] == '\r' && bytes[length - 3] == '\n' && bytes[length - 2] == '\r' && bytes[length - 1] == '\n';
        }

        private void AcceptHeader()
        {
            var block = Encoding.ASCII.GetString(_header.GetBuffer(), 0, (int)_header.Length);
            _header.SetLength(0);
            if (TryContentLength(block, out var length))
            {
                _pending = Encoding.ASCII.GetBytes("Content-Length: " + length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
                _pendingStart = 0;
                _bodyLeft = length;
                return;
            }

            var shown = block.Length > 80 ? block.Substring(0, 80) + "..." : block;
            _log("tpm lsp: dropped a message header without a usable Content-Length: " + shown.Replace("\r", "\\r").Replace("\n", "\\n"));
        }

        /// <summary>
        /// The Content-Length of a header block. The last such header counts: after garbage (say a body whose header was
        /// dropped) the next message's header begins in the middle of a line.
        /// </summary>
        internal static bool TryContentLength(string block, out long length)
        {
            length = -1;
            var at = block.LastIndexOf("content-length:", StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var start = at + ContentLengthName.Length;
            var end = block.IndexOf('\r', start);
            var value = block.Substring(start, (end < 0 ? block.Length : end) - start).Trim(' ', '\t');
            if (value.Length == 0 || value.Length > 12) return false;
            foreach (var c in value)
            {
                if (c < '0' || c > '9') return false;
            }

            length = long.Parse(value, CultureInfo.InvariantCulture);
            return length <= MaxContentLength;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
