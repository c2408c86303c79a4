using System.Diagnostics;
using System.Text;
using Newtonsoft.Json;
using Vertrieb40.Rules.Reading.Json;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>Where reading time goes: the token floor, the parser, the linker (diagnostics for optimising the reader).</summary>
public static class ReadBreakdown
{
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Runs each stage <paramref name="repeats"/> times and prints the best CPU time and the allocations.</summary>
    public static int Run(string file, int repeats)
    {
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return RunCsv(file, repeats);
        Stage("tokens only (JsonTextReader, floor)", repeats, () =>
        {
            using var text = Open(file);
            var r = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, PropertyNameTable = new DefaultJsonNameTable() };
            var n = 0;
            while (r.Read()) n++;
            return n;
        });
        Stage("tokens through the size guard (GuardedTextReader)", repeats, () =>
        {
            using var text = Open(file);
            var r = new JsonTextReader(new GuardedTextReader(text, ReaderOptions.Default)) { DateParseHandling = DateParseHandling.None, PropertyNameTable = new DefaultJsonNameTable() };
            var n = 0;
            while (r.Read()) n++;
            return n;
        });
        Stage("parse (JsonOrganizationParser)", repeats, () =>
        {
            using var text = Open(file);
            var errors = new InputErrors(ReaderOptions.Default, file);
            return new JsonOrganizationParser(text, file, ReaderOptions.Default, errors).Parse()!.People.Count;
        });
        Stage("parse + link (OrganizationReader.ReadFile)", repeats, () => OrganizationReader.ReadFile(file).Organization!.People.Count);
        return 0;
    }

    /// <summary>One cold read in a fresh process (JIT included), as the CLI does it: for comparing GC settings (environment variables).</summary>
    public static int Cold(string file)
    {
        // VERTRIEB40_NOGC=MB: no collection while reading (what the reading costs without the GC, if the budget allows it).
        if (Environment.GetEnvironmentVariable("VERTRIEB40_NOGC") is { } noGc)
            Console.WriteLine("no-GC region: " + GC.TryStartNoGCRegion(long.Parse(noGc, System.Globalization.CultureInfo.InvariantCulture) << 20));
        // VERTRIEB40_GCLOG=1: why each collection happened (generation and reason); =alloc: also the allocations by type.
        using var gcLog = Environment.GetEnvironmentVariable("VERTRIEB40_GCLOG") is "1" or "alloc" ? new GcLog() : null;
        var threads = ThreadCpu.Snapshot();
        if (Environment.GetEnvironmentVariable("VERTRIEB40_STAGES") == "1" && !file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return ColdStages(file, threads);
        var cpu = Cpu();
        var sw = Stopwatch.StartNew();
        var load = file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)
            ? Vertrieb40.Rules.Reading.HrExport.HrExportReader.ReadFile(file, new ReaderOptions { HrExport = new Vertrieb40.Rules.Reading.HrExport.HrExportOptions { FindPracticesFile = false } })
            : OrganizationReader.ReadFile(file);
        var wall = sw.Elapsed.TotalSeconds;
        var used = Cpu() - cpu;
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"cold read: {load.Organization!.People.Count:N0} people, CPU {used:F2} s, wall {wall:F2} s, allocated {GC.GetTotalAllocatedBytes(true) / 1024.0 / 1024.0:F0} MB, " +
            $"GC pause {GC.GetTotalPauseDuration().TotalSeconds:F2} s, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, peak {self.PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB, " +
            $"server GC {System.Runtime.GCSettings.IsServerGC}");
        Console.WriteLine("CPU by thread: " + ThreadCpu.Since(threads));
        if (gcLog != null) Console.WriteLine("collections: " + gcLog.Summary());
        GC.KeepAlive(load);
        return 0;
    }

    // VERTRIEB40_STAGES=1: the cold JSON read stage by stage (parse, then link), each with its CPU by thread (the
    // reading thread, the collector's threads, the JIT) and its allocations: where a read's time goes.
    private static int ColdStages(string file, Dictionary<string, double> threads)
    {
        var total = Cpu();
        var a = GC.GetTotalAllocatedBytes(true);
        var t = threads;
        using var text = Open(file);
        var errors = new InputErrors(ReaderOptions.Default, file);
        var org = new JsonOrganizationParser(text, file, ReaderOptions.Default, errors).Parse()!;
        Console.WriteLine($"parse: {ThreadCpu.Since(t)}; allocated {(GC.GetTotalAllocatedBytes(true) - a) / 1048576.0:F0} MB, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        t = ThreadCpu.Snapshot();
        a = GC.GetTotalAllocatedBytes(true);
        new OrganizationLinker(org, errors).Link();
        Console.WriteLine($"link:  {ThreadCpu.Since(t)}; allocated {(GC.GetTotalAllocatedBytes(true) - a) / 1048576.0:F0} MB, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"cold read in stages: {org.People.Count:N0} people, CPU {Cpu() - total:F2} s, peak {self.PeakWorkingSet64 / 1048576.0:F0} MB");
        GC.KeepAlive(org);
        return 0;
    }

    // The HR-export import (issue 11: ≥ 200k rows per CPU-second): the records alone, then the whole import.
    private static int RunCsv(string file, int repeats)
    {
        var options = new ReaderOptions { HrExport = new Vertrieb40.Rules.Reading.HrExport.HrExportOptions { FindPracticesFile = false } };
        var rows = 0;
        Stage("CSV import (HrExportReader.ReadFile)", repeats, () => rows = Vertrieb40.Rules.Reading.HrExport.HrExportReader.ReadFile(file, options).Organization!.People.Count);
        Console.WriteLine($"rows {rows:N0}");
        return 0;
    }

    private static TextReader Open(string file)
        => new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
            new UTF8Encoding(false, true), true, 1 << 16);

    private static void Stage(string name, int repeats, Func<int> run)
    {
        double best = double.MaxValue, bestWall = double.MaxValue;
        long alloc = 0;
        double pause = 0;
        for (var i = 0; i < repeats; i++)
        {
            GC.Collect();
            var a = GC.GetTotalAllocatedBytes(true);
            var p = GC.GetTotalPauseDuration();
            var cpu = Cpu();
            var sw = Stopwatch.StartNew();
            run();
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            best = Math.Min(best, Cpu() - cpu);
            alloc = GC.GetTotalAllocatedBytes(true) - a;
            pause = (GC.GetTotalPauseDuration() - p).TotalSeconds;
        }
        Console.WriteLine($"{name,-45} best CPU {best:F2} s, wall {bestWall:F2} s, allocated {alloc / 1024.0 / 1024.0:F0} MB, GC pause {pause:F2} s, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }
}
