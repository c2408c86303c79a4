namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// CPU seconds of this process's threads by kind (Linux, from /proc/self/task): the reading thread, the garbage
/// collector's threads, the JIT's background compiler, the rest. Splits a read's CPU into the parser's own work
/// and the collector's, which the process total cannot.
/// </summary>
internal static class ThreadCpu
{
    private static readonly double Tick = 100.0; // USER_HZ

    public static Dictionary<string, double> Snapshot()
    {
        var byKind = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!Directory.Exists("/proc/self/task")) return byKind;
        foreach (var dir in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // pid (comm) state … : comm may hold spaces, so split after the closing parenthesis.
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var comm = stat[(open + 1)..close];
                var fields = stat[(close + 2)..].Split(' ');
                var cpu = (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / Tick;
                // The main thread's task id is the process id.
                var kind = comm.Contains("GC", StringComparison.Ordinal) ? "GC" : comm.Contains("Tiered", StringComparison.Ordinal) ? "JIT" : Path.GetFileName(dir) == Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) ? "main" : "other";
                byKind[kind] = byKind.GetValueOrDefault(kind) + cpu;
            }
            catch (IOException) { } // a thread that ended meanwhile
        }
        return byKind;
    }

    public static string Since(Dictionary<string, double> before)
    {
        var now = Snapshot();
        return string.Join(", ", new[] { "main", "GC", "JIT", "other" }.Select(k => $"{k} {now.GetValueOrDefault(k) - before.GetValueOrDefault(k):F2} s"));
    }
}
