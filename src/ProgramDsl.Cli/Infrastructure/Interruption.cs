using System;
using System.Threading;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// The run's cancellation: cancelled on the first Ctrl+C (SIGINT) once <see cref="CancelOnCtrlC"/> listens, so the
    /// stage under way (parsing, binding, leveling, the forecast) stops within milliseconds, nothing more is written and
    /// tpm exits with 130. A second Ctrl+C ends the process at once, as a terminal user expects.
    /// </summary>
    public sealed class Interruption : IDisposable
    {
        private readonly CancellationTokenSource _source = new CancellationTokenSource();

        /// <summary>The token every compile and forecast of the run is given.</summary>
        public CancellationToken Token => _source.Token;

        /// <summary>Cancels the run (what Ctrl+C does; tests call it directly).</summary>
        public void Cancel() => _source.Cancel();

        /// <summary>Listens to Ctrl+C until disposed: the executable's, never the in-process tests' (the handler is process-wide).</summary>
        public IDisposable CancelOnCtrlC()
        {
            ConsoleCancelEventHandler handler = (_, e) =>
            {
                // The first one is ours: keep the process alive until the stage stops. The second ends it.
                if (_source.IsCancellationRequested) return;
                e.Cancel = true;
                _source.Cancel();
            };
            Console.CancelKeyPress += handler;
            return new Unsubscribe(() => Console.CancelKeyPress -= handler);
        }

        public void Dispose() => _source.Dispose();

        private sealed class Unsubscribe : IDisposable
        {
            private Action? _action;

            public Unsubscribe(Action action) => _action = action;

            public void Dispose()
            {
                _action?.Invoke();
                _action = null;
            }
        }
    }
}
