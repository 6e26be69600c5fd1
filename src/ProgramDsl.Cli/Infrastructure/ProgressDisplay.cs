using System;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using ProgramDsl.Scheduling;

namespace ProgramDsl.Cli.Infrastructure
{
    /// <summary>
    /// One progress line on standard error, for the long stages of a command: redrawn in place ("\r"), at most a few
    /// times a second, and erased when the stage ends so what follows starts on a clean line. Drawn only when standard
    /// error is a terminal, so redirected output (and every file and pipe) stays byte-identical; the library only
    /// reports numbers through <see cref="IProgress{T}"/>, and this class alone writes them.
    /// <para>
    /// A stage that reports nothing (parsing, binding) or reports work units (leveling) is shown only once it has run
    /// for <see cref="ShowAfter"/>; the forecast's iteration count is shown at once, as it always was.
    /// </para>
    /// </summary>
    public sealed class ProgressDisplay : IDisposable
    {
        /// <summary>How long a silent stage runs before its line appears.</summary>
        public static readonly TimeSpan ShowAfter = TimeSpan.FromSeconds(1);

        private const int RedrawMilliseconds = 100;

        private readonly IConsoleEnvironment _console;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly object _gate = new object();
        private readonly Timer? _timer;
        private string _status;
        private long _lastDrawn = -RedrawMilliseconds;
        private int _width;
        private bool _disposed;

        private ProgressDisplay(IConsoleEnvironment console, string status)
        {
            _console = console;
            _status = status;
            _timer = new Timer(_ => Tick(), null, ShowAfter, TimeSpan.FromMilliseconds(250));
        }

        /// <summary>
        /// A display with <paramref name="status"/> as its first text, or null (nothing is ever drawn) when standard error
        /// is not a terminal or <paramref name="silent"/>.
        /// </summary>
        public static ProgressDisplay? Start(IConsoleEnvironment console, bool silent, string status) =>
            silent || !console.IsErrorTerminal ? null : new ProgressDisplay(console, status);

        /// <summary>The leveler's reports, as "leveling: N% of the work budget" (shown after <see cref="ShowAfter"/>).</summary>
        public IProgress<StageProgress> Leveling => new Callback<StageProgress>(p =>
            Update(p.Stage == ProgressStage.Leveling ? "leveling: " + Percent(p.Done, p.Total) + " of the work budget" : _status, immediate: false));

        /// <summary>
        /// The forecast's reports, as "forecast: done / total iterations": shown at once (<c>tpm forecast</c>, whose
        /// stage is the forecast), or, not <paramref name="immediate"/>, after <see cref="ShowAfter"/> (the build's report).
        /// </summary>
        public IProgress<int> Forecast(int total, bool immediate = true) => new Callback<int>(done =>
            Update("forecast: " + done.ToString("N0", CultureInfo.InvariantCulture) + " / " + total.ToString("N0", CultureInfo.InvariantCulture) + " iterations",
                immediate, final: immediate && done >= total));

        private static string Percent(long done, long total) =>
            (total <= 0 ? 0 : Math.Min(100, done * 100 / total)).ToString(CultureInfo.InvariantCulture) + "%";

        private void Update(string status, bool immediate, bool final = false)
        {
            lock (_gate)
            {
                _status = status;
                if (_disposed) return;
                long now = _clock.ElapsedMilliseconds;
                if (!immediate && now < ShowAfter.TotalMilliseconds) return;
                if (!final && now - _lastDrawn < RedrawMilliseconds) return;
                Draw(now);
            }
        }

        private void Tick()
        {
            lock (_gate)
            {
                if (_disposed) return;
                long now = _clock.ElapsedMilliseconds;
                if (now - _lastDrawn >= RedrawMilliseconds) Draw(now);
            }
        }

        private void Draw(long now)
        {
            _lastDrawn = now;
            string text = _status;
            // Pad over a longer previous text instead of clearing the line first, so the line never flickers.
            string padding = _width > text.Length ? new string(' ', _width - text.Length) : "";
            _width = Math.Max(_width, text.Length);
            _console.Error.Write("\r" + text + padding);
            _console.Error.Flush();
        }

        /// <summary>Stops drawing and erases the line, if one was drawn.</summary>
        public void Dispose()
        {
            _timer?.Dispose();
            lock (_gate)
            {
                if (_disposed) return;
                _disposed = true;
                if (_width == 0) return;
                _console.Error.Write("\r" + new string(' ', _width) + "\r");
                _console.Error.Flush();
            }
        }

        private sealed class Callback<T> : IProgress<T>
        {
            private readonly Action<T> _report;

            public Callback(Action<T> report) => _report = report;

            public void Report(T value) => _report(value);
        }
    }
}
