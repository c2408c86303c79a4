using BenchmarkDotNet.Running;
using Vertrieb40.Rules.Benchmarks;

// --quick [--sizes 1k,10k,100k,1M] [--no-batch]: one table, a fresh process per size (see QuickRun).
// --measure FILE / --measure-batch DIR / --measure-csv FILE / --measure-fix FILE / --measure-analyze-cli FILE: the child processes of --quick.
// --generate-only [--sizes …] [--csv]: create the cached inputs (--csv: the HR-export CSV twins).
// anything else: BenchmarkDotNet (e.g. --filter *Analyze*; sizes via VERTRIEB40_BENCH_PEOPLE=1000,10000).
if (args.Length >= 2 && args[0] == "--measure") return QuickRun.Measure(args[1]);
if (args.Length >= 2 && args[0] == "--measure-batch") return QuickRun.MeasureBatch(args[1]);
if (args.Length >= 2 && args[0] == "--measure-csv") return QuickRun.MeasureCsv(args[1]);
if (args.Length >= 2 && args[0] == "--measure-fix") return QuickRun.MeasureFix(args[1]);
if (args.Length >= 2 && args[0] == "--measure-analyze-cli") return QuickRun.MeasureAnalyzeCli(args[1]);
if (args.Length >= 3 && args[0] == "--read-loop")
{
    // Diagnostics: read a file N times and print each time (JIT and warm-up visible).
    for (var k = 0; k < int.Parse(args[2]); k++)
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var load = Vertrieb40.Rules.Reading.OrganizationReader.ReadFile(args[1]);
        var readS = sw.Elapsed.TotalSeconds;
        sw.Restart();
        Vertrieb40.Rules.OrganizationAnalyzer.Default.Analyze(load);
        Console.WriteLine($"read {readS:F3} s, analyse {sw.Elapsed.TotalSeconds:F3} s, gen2 {GC.CollectionCount(2)}");
    }
    return 0;
}
if (args.Length >= 2 && args[0] == "--read-cold") return ReadBreakdown.Cold(args[1]);
if (args.Length >= 2 && args[0] == "--read-breakdown") return ReadBreakdown.Run(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3);
if (args.Length >= 2 && args[0] == "--write-breakdown") return WriteBreakdown.Run(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3, args.Length >= 4 ? args[3] : null);
if (args.Length >= 2 && args[0] == "--batch-breakdown") return BatchBreakdown.Run(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3);
if (args.Length >= 2 && args[0] == "--engine-profile") return EngineBreakdown.Profile(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3);
if (args.Length >= 2 && args[0] == "--engine-breakdown") return EngineBreakdown.Run(args[1], args.Length >= 3 ? int.Parse(args[2]) : 3);
if (args.Contains("--trend")) return TrendRun.Run(args); // issue 16: the trend row (quick.sh --trend)
if (args.Contains("--quick")) return QuickRun.Run(args);
if (args.Contains("--generate-only"))
{
    var i = Array.IndexOf(args, "--sizes");
    foreach (var n in BenchmarkData.ParseSizes(i >= 0 && i + 1 < args.Length ? args[i + 1] : null) ?? BenchmarkData.Sizes.ToArray())
        Console.WriteLine(args.Contains("--csv") ? BenchmarkData.CsvFile(n) : BenchmarkData.File(n));
    return 0;
}
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkData).Assembly).Run(args);
return 0;
