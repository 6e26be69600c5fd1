using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ProgramDsl.LanguageServer.Protocol
{
    /// <summary>
    /// The server's input, which says when it ends: an editor that crashes closes the pipe without <c>exit</c>, and the
    /// server must then end too rather than linger as an orphan process.
    /// </summary>
    internal sealed class EndAwareStream : Stream
    {
        private readonly Stream _inner;
        private readonly TaskCompletionSource<bool> _ended = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        public EndAwareStream(Stream inner) => _inner = inner;

        /// <summary>Completes when a read finds the end of the input (or fails).</summary>
        public Task Ended => _ended.Task;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Seen(Guard(() => _inner.Read(buffer, offset, count)));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            try
            {
                return Seen(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));
            }
            catch (IOException)
            {
                _ended.TrySetResult(true);
                throw;
            }
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Seen(await _inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));
            }
            catch (IOException)
            {
                _ended.TrySetResult(true);
                throw;
            }
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

        private int Seen(int read)
        {
            if (read == 0) _ended.TrySetResult(true);
            return read;
        }

        private int Guard(Func<int> read)
        {
            try
            {
                return read();
            }
            catch (IOException)
            {
                _ended.TrySetResult(true);
                throw;
            }
        }
    }
}
