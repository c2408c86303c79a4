using System.Diagnostics;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>Where analysis time goes: semantic model, each derived fact, the whole engine run (diagnostics).</summary>
public static class EngineBreakdown
{
    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    /// <summary>Prints the best CPU time of each stage over <paramref name="repeats"/> runs.</summary>
    public static int Run(string file, int repeats)
    {
        var load = OrganizationReader.ReadFile(file);
        var org = load.Organization!;
        // The derived facts the catalog's rules declare, each type once.
        var all = CatalogRules.Names.Select(CatalogRules.Create).SelectMany(r => r.DerivedFacts).DistinctBy(f => f.FactType).ToList();
        Stage("semantic model", repeats, () => new SemanticModel(org));
        var model = new SemanticModel(org);
        foreach (var fact in all.OrderBy(f => f.FactType.Name, StringComparer.Ordinal))
            Stage("derived " + fact.FactType.Name, repeats, () => fact.Build(model).Count);
        var analysed = OrganizationAnalyzer.Default.Analyze(load);
        var diagnostics = analysed.Diagnostics;
        Stage("score outline (OrganizationOutline.Build)", repeats, () => Scoring.OrganizationOutline.Build(org, model, diagnostics));
        Stage("exposure (ExposureCalculator.Compute)", repeats, () => Scoring.ExposureCalculator.Compute(org, model, diagnostics, RuleOptions.Empty));
        // The score (VertriebScore.Compute), alone: fresh weights each time, so the analysis's own score is not reused.
        Stage("score (VertriebScore.Compute)", repeats, () => analysed.Score(new Scoring.ScoreWeights())!);
        Console.WriteLine($"  score: {Scoring.VertriebScore.LastUnitVisits:N0} unit visits");
        var covered = OrganizationAnalyzer.Create(CatalogRules.Names.Select(CatalogRules.Create)
            .Where(r => r.SupportedDiagnostics.Any(d => Reference.LinqReference.CoveredRuleIds.Contains(d.Id))));
        Stage("engine, reference rules only", repeats, () => covered.Analyze(load));
        AnalysisResult? last = null;
        Stage("engine, whole catalog", repeats, () => last = OrganizationAnalyzer.Default.Analyze(load));
        // Per rule (the last run): matching time (shared among the rules of a node) plus actions, and facts inserted.
        foreach (var t in last!.RuleTimings.OrderByDescending(t => t.Elapsed).Take(12))
            Console.WriteLine($"  rule {t.RuleName,-52} {t.Elapsed.TotalSeconds,7:F3} s, {t.Firings} firings");
        return 0;
    }

    /// <summary>
    /// For a sampling profiler (<c>perf record -p PID</c>): reads the file, prints <c>READY pid</c>, waits
    /// <paramref name="delaySeconds"/> for the profiler to attach, then analyses (all rules + outline, exposure and
    /// score) <paramref name="repeats"/> times and prints each run's CPU time.
    /// </summary>
    public static int Profile(string file, int repeats, int delaySeconds = 5)
    {
        var load = OrganizationReader.ReadFile(file);
        OrganizationAnalyzer.Default.Analyze(load); // JIT and the compiled rule subset, outside the profile
        Console.WriteLine($"READY {Environment.ProcessId}");
        Console.Out.Flush();
        Thread.Sleep(delaySeconds * 1000);
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Cpu();
            // With the score, as the writers then read it (computed by the analysis since issue 14's second round).
            OrganizationAnalyzer.Default.Analyze(load).Score();
            Console.WriteLine($"analysis + score {i + 1}: CPU {Cpu() - cpu:F3} s");
        }
        Console.WriteLine("DONE");
        return 0;
    }

    private static void Stage(string name, int repeats, Func<object> run)
    {
        double best = double.MaxValue;
        long allocated = long.MaxValue;
        object? result = null;
        for (var i = 0; i < repeats; i++)
        {
            var cpu = Cpu();
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            result = run();
            best = Math.Min(best, Cpu() - cpu);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - bytes);
        }
        Console.WriteLine($"{name,-40} best CPU {best:F3} s, allocated {allocated / 1048576.0:F1} MB {(result is int n ? "(" + n + " facts)" : "")}");
    }
}
