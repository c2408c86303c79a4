using System.Diagnostics;
using System.Globalization;
using Vertrieb40.Rules.Comparison;
using Vertrieb40.Rules.Generation;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// The trend row (issue 16): <c>--trend [--snapshots 100] [--people 10k]</c> — a series of snapshots of one generated
/// organisation (same seed, the anti-pattern density falling from 0.10 to 0 over the series, one week apart, the date
/// in the file name) is loaded and analysed as <c>vertrieb40 trend</c> does (one snapshot per core at a time), the
/// trend built, and its HTML and JSON written (to a null stream). One process, cold (JIT included); wall and process
/// CPU seconds. Target: 100 snapshots of 10k people in ≤ 10 s on 2 cores.
/// </summary>
public static class TrendRun
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var snapshots = int.Parse(Option(args, "--snapshots") ?? "100", Inv);
        var people = BenchmarkData.ParseSize(Option(args, "--people") ?? "10k");
        var files = Series(snapshots, people);
        double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

        var cpu0 = Cpu();
        var total = Stopwatch.StartNew();
        var context = new ReportContext(Array.Empty<AnalysisResult>(), OrganizationAnalyzer.Default.SupportedDiagnostics, CultureInfo.GetCultureInfo("en"));
        var loader = new SnapshotLoader(OrganizationAnalyzer.Default, new AnalysisOptions(), context);
        var loads = loader.LoadAll(files, Environment.ProcessorCount);
        var loadS = total.Elapsed.TotalSeconds;
        if (loads.FirstOrDefault(l => l.Snapshot is null) is { } failed) { Console.WriteLine("cannot load " + failed.Path); return 1; }
        var sw = Stopwatch.StartNew();
        var trend = Trend.Build(loads.Select(l => l.Snapshot!).ToList());
        var buildS = sw.Elapsed.TotalSeconds;
        sw.Restart();
        TrendReport.Write(trend, "html", TextWriter.Null);
        TrendReport.Write(trend, "json", TextWriter.Null);
        var writeS = sw.Elapsed.TotalSeconds;
        var totalS = total.Elapsed.TotalSeconds;
        var cpu = Cpu() - cpu0;
        var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        Console.WriteLine($"vertrieb40 trend benchmark — {Environment.ProcessorCount} cores, .NET {Environment.Version}, data in {Path.GetDirectoryName(files[0])}");
        Console.WriteLine();
        Console.WriteLine("| snapshots | people each | load + analyse s | build s | write HTML+JSON s | total s (CPU) | peak MB | findings (first → last) | lifecycles |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        Console.WriteLine(string.Create(Inv, $"| {snapshots:N0} | {people:N0} | {loadS:F2} | {buildS:F3} | {writeS:F3} | {totalS:F2} ({cpu:F2}) | {peakMb:F0} | {trend.Snapshots[0].Findings.Count:N0} → {trend.Snapshots[^1].Findings.Count:N0} | {trend.Lifecycles.Count:N0} |"));
        return 0;
    }

    private static IReadOnlyList<string> Series(int snapshots, int people)
    {
        var dir = Path.Combine(BenchmarkData.Directory, string.Create(Inv, $"trend-{BenchmarkData.GeneratorVersion}-{people}-{snapshots}"));
        Directory.CreateDirectory(dir);
        var files = new List<string>();
        var start = new DateOnly(2026, 1, 5);
        for (var i = 0; i < snapshots; i++)
        {
            var path = Path.Combine(dir, "org-" + start.AddDays(7 * i).ToString("yyyy-MM-dd", Inv) + ".json");
            if (!File.Exists(path))
            {
                var density = snapshots == 1 ? 0.05 : 0.10 * (snapshots - 1 - i) / (snapshots - 1);
                OrganizationGenerator.GenerateFile(new GeneratorOptions { People = people, Seed = BenchmarkData.Seed, AntiPatternDensity = density }, path);
            }
            files.Add(path);
        }
        return files;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
