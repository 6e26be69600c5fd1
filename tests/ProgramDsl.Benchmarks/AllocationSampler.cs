using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics.Tracing;
using System.Linq;

namespace ProgramDsl.Benchmarks
{
    /// <summary>
    /// Listens to the runtime's allocation ticks (one event about every 100 KB allocated, naming the type of the object
    /// that crossed the mark), which estimates the bytes allocated per type without a profiler.
    /// </summary>
    internal sealed class AllocationSampler : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly ConcurrentDictionary<string, long> _bytes = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);

        /// <summary>Set while a phase runs; ticks outside a phase are ignored.</summary>
        public volatile string? Phase;

        protected override void OnEventSourceCreated(EventSource source)
        {
            if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
        }

        protected override void OnEventWritten(EventWrittenEventArgs e)
        {
            var phase = Phase;
            if (phase is null || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
            int typeIndex = e.PayloadNames!.IndexOf("TypeName");
            int amountIndex = e.PayloadNames.IndexOf("AllocationAmount64");
            if (amountIndex < 0) amountIndex = e.PayloadNames.IndexOf("AllocationAmount");
            if (typeIndex < 0 || amountIndex < 0) return;
            var type = e.Payload[typeIndex] as string ?? "?";
            long amount = Convert.ToInt64(e.Payload[amountIndex], System.Globalization.CultureInfo.InvariantCulture);
            _bytes.AddOrUpdate(phase + "\u0001" + type, amount, (_, v) => v + amount);
        }

        /// <summary>The top types of a phase by sampled bytes.</summary>
        public IReadOnlyList<(string Type, long Bytes)> Top(string phase, int count) =>
            _bytes.Where(kv => kv.Key.StartsWith(phase + "\u0001", StringComparison.Ordinal))
                .Select(kv => (kv.Key.Substring(phase.Length + 1), kv.Value))
                .OrderByDescending(x => x.Item2)
                .Take(count)
                .ToList();

        public long Total(string phase) => _bytes.Where(kv => kv.Key.StartsWith(phase + "\u0001", StringComparison.Ordinal)).Sum(kv => kv.Value);
    }
}
