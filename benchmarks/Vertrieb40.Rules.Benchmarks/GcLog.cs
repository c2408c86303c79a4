using System.Diagnostics.Tracing;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// Why each garbage collection happened (VERTRIEB40_GCLOG=1 with --read-cold): the runtime's GCStart events,
/// counted by generation and reason. Tells a collection the heap's growth asked for (small objects, large
/// objects) from one a size guess could avoid (pre-sized collections).
/// </summary>
internal sealed class GcLog : EventListener
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    // VERTRIEB40_GCLOG=alloc: allocated bytes by type, sampled (one AllocationTick event per ~100 KB).
    private readonly Dictionary<string, long> _allocated = new(StringComparer.Ordinal);
    private static readonly bool Allocations = Environment.GetEnvironmentVariable("VERTRIEB40_GCLOG") == "alloc";

    // GCStart_V2's reason numbers (the runtime's gc_reason enum).
    private static readonly string[] Reasons =
    {
        "small-object allocation", "induced", "low memory", "empty", "large-object allocation", "out of space (SOH)",
        "out of space (LOH)", "induced, not forced", "stress", "induced, low memory", "induced, compacting", "low memory (host)",
        "PM full GC", "low memory (host, blocking)", "bgc tuning (SOH)", "bgc tuning (LOH)", "bgc stepping", "induced, aggressive",
    };

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, Allocations ? EventLevel.Verbose : EventLevel.Informational, (EventKeywords)0x1); // GC keyword
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.Payload is null || e.PayloadNames is null) return;
        if (e.EventName is "GCAllocationTick_V4" or "GCAllocationTick_V3")
        {
            var type = e.Payload[e.PayloadNames.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
            lock (_allocated) _allocated[type] = _allocated.GetValueOrDefault(type) + amount;
            return;
        }
        if (e.EventName is not "GCStart_V2") return;
        var depth = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Depth")], System.Globalization.CultureInfo.InvariantCulture);
        var reason = Convert.ToInt32(e.Payload[e.PayloadNames.IndexOf("Reason")], System.Globalization.CultureInfo.InvariantCulture);
        var key = $"gen{depth}, {(reason >= 0 && reason < Reasons.Length ? Reasons[reason] : "reason " + reason)}";
        lock (_counts) _counts[key] = _counts.GetValueOrDefault(key) + 1;
    }

    public string Summary()
    {
        string allocated;
        lock (_allocated)
            allocated = _allocated.Count == 0 ? "" : "\nallocated by type (sampled):\n" + string.Join("\n", _allocated.OrderByDescending(k => k.Value).Take(25)
                .Select(k => $"  {k.Value / 1048576.0,8:F1} MB  {k.Key}"));
        lock (_counts) return string.Join("; ", _counts.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}")) + allocated;
    }
}
