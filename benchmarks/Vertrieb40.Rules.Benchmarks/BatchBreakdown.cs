using System.Diagnostics;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// Where a batch document's time goes (issue 14: per-document fixed costs): the files one after the other on one
/// thread, each stage's CPU time and allocations summed over all files, best of <c>repeats</c> passes.
/// </summary>
public static class BatchBreakdown
{
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Prints per stage: CPU seconds for all files, and per file.</summary>
    public static int Run(string dir, int repeats)
    {
        var files = Directory.GetFiles(dir, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        var analyzer = OrganizationAnalyzer.Default;
        Console.WriteLine($"{files.Length} files; compile {analyzer.CompileTime.TotalSeconds:F3} s");
        var loads = files.Select(f => OrganizationReader.ReadFile(f)).ToArray();
        var noBudget = new AnalysisOptions { RuleTimeBudget = null };
        var rulesOnly = new AnalysisOptions { RuleTimeBudget = null, ComputeScoreOutline = false };
        Stage("read", files.Length, repeats, () => { foreach (var f in files) OrganizationReader.ReadFile(f); });
        Stage("analyse (default options)", files.Length, repeats, () => { foreach (var l in loads) analyzer.Analyze(l); });
        Stage("analyse, no time budget", files.Length, repeats, () => { foreach (var l in loads) analyzer.Analyze(l, noBudget); });
        Stage("analyse, no budget, no outline/exposure", files.Length, repeats, () => { foreach (var l in loads) analyzer.Analyze(l, rulesOnly); });
        Stage("semantic model", files.Length, repeats, () => { foreach (var l in loads) _ = new SemanticModel(l.Organization!); });
        Stage("analyse file (AnalyzeFile, default)", files.Length, repeats, () => { foreach (var f in files) analyzer.AnalyzeFile(f); });
        return 0;
    }

    private static void Stage(string name, int files, int repeats, Action run)
    {
        double best = double.MaxValue;
        long allocated = long.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Cpu();
            var bytes = GC.GetTotalAllocatedBytes(true);
            run();
            best = Math.Min(best, Cpu() - cpu);
            allocated = Math.Min(allocated, GC.GetTotalAllocatedBytes(true) - bytes);
        }
        Console.WriteLine($"{name,-42} best CPU {best:F3} s ({best / files * 1000:F2} ms per file), allocated {allocated / 1048576.0:F1} MB ({allocated / 1024.0 / files:F0} kB per file)");
    }
}
