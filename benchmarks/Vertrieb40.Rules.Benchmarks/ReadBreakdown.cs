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
        Stage("tokens only (JsonTextReader, floor)", repeats, () =>
        {
            using var text = Open(file);
            var r = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None, PropertyNameTable = new DefaultJsonNameTable() };
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
