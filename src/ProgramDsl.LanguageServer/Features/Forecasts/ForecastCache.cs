using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ProgramDsl.Forecasting;
using ProgramDsl.LanguageServer.Workspace;

namespace ProgramDsl.LanguageServer.Features.Forecasts
{
    /// <summary>
    /// A modest Monte Carlo forecast of each program's latest final compile, run once in the background and kept with
    /// that compile, so a hover can show P50/P80 dates without ever waiting for them. A newer compile of the same program
    /// cancels the forecast of the older one. Plans without three-point estimates, with errors, or compiled with quick
    /// leveling get none.
    /// </summary>
    public sealed class ForecastCache : IDisposable
    {
        /// <summary>Iterations of the editor's forecast: enough for stable P50/P80 dates, a fraction of <c>tpm forecast</c>'s cost.</summary>
        public const int Iterations = 500;

        /// <summary>The seed (the CLI's default, so <c>tpm forecast -n 500</c> gives the same dates).</summary>
        public const int Seed = 0;

        /// <summary>
        /// The work budget of the editor's forecast (work units, as <see cref="MonteCarloForecast.WorkBudget"/>): about a
        /// quarter of a second of one core. The ml-platform example needs a tenth of it; a plan so large that fewer than
        /// <see cref="MinimumIterations"/> fit gets no forecast in the editor (tpm forecast runs it in full).
        /// </summary>
        public const long WorkBudget = 25_000_000;

        /// <summary>The fewest iterations whose percentiles the hover shows.</summary>
        public const int MinimumIterations = 100;

        private readonly object _gate = new object();
        private readonly Dictionary<string, Entry> _entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly Action<string> _log;
        private bool _disposed;

        /// <summary>Creates an empty cache; <paramref name="log"/> receives failures.</summary>
        public ForecastCache(Action<string>? log = null) => _log = log ?? (_ => { });

        /// <summary>
        /// Starts the forecast of a compile when it is a final one of a plan with estimates and no errors; cancels the
        /// forecast of the program's previous compile. Returns at once.
        /// </summary>
        public void Start(CompiledProgram compiled)
        {
            if (compiled is null) throw new ArgumentNullException(nameof(compiled));
            if (compiled.Stage != CompileStage.Final) return;
            var program = compiled.Program;
            bool wanted = program.Schedule != null && !program.Diagnostics.Any(d => d.IsError) && program.Model != null && program.Model.Tasks.Any(t => t.Estimate != null);
            Entry entry;
            lock (_gate)
            {
                if (_disposed) return;
                if (_entries.TryGetValue(compiled.Path, out var previous))
                {
                    if (previous.Compiled.Generation >= compiled.Generation) return;
                    previous.Cancel();
                    _entries.Remove(compiled.Path);
                }

                if (!wanted) return;
                entry = new Entry(compiled);
                _entries[compiled.Path] = entry;
            }

            entry.Task = Task.Run(() => Run(entry));
        }

        /// <summary>The forecast of exactly this compile when it has finished; null while it runs, and when there is none.</summary>
        public ForecastResult? TryGet(CompiledProgram compiled)
        {
            if (compiled is null) return null;
            lock (_gate)
            {
                return _entries.TryGetValue(compiled.Path, out var entry) && ReferenceEquals(entry.Compiled, compiled) ? entry.Result : null;
            }
        }

        private void Run(Entry entry)
        {
            try
            {
                var result = MonteCarloForecast.Run(entry.Compiled.Program.Schedule!, new ForecastOptions
                {
                    Iterations = Iterations,
                    Seed = Seed,
                    WorkBudget = WorkBudget,
                    // One thread: the editor's forecast must not take the cores from the compiles.
                    MaxDegreeOfParallelism = 1,
                    CancellationToken = entry.Cancellation.Token,
                });
                if (result.Iterations < MinimumIterations) return;
                lock (_gate) entry.Result = result;
            }
            catch (OperationCanceledException)
            {
                // A newer compile replaced this one.
            }
            catch (ForecastRangeException)
            {
                // A plan that runs past the calendar has no forecast; its compile reports the problem.
            }
            catch (Exception ex)
            {
                _log("tpm lsp: forecasting " + entry.Compiled.Path + " failed: " + ex.Message);
            }
        }

        /// <summary>Cancels every forecast.</summary>
        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                foreach (var entry in _entries.Values) entry.Cancel();
                _entries.Clear();
            }
        }

        private sealed class Entry
        {
            public Entry(CompiledProgram compiled) => Compiled = compiled;

            public CompiledProgram Compiled { get; }

            public CancellationTokenSource Cancellation { get; } = new CancellationTokenSource();

            public Task? Task { get; set; }

            public ForecastResult? Result { get; set; }

            public void Cancel()
            {
                try
                {
                    Cancellation.Cancel();
                }
                catch (ObjectDisposedException)
                {
                }
            }
        }
    }
}
