using System.Text;
using BenchmarkDotNet.Attributes;
using Vertrieb40.Rules.Fixes;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// Issue 17: a unit chain N deep (each unit the parent of the next, one person each, a finding on every unit):
/// analysis and score must grow linearly with the depth (10k vs 40k: about 4×, not 16×).
/// </summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class DeepHierarchyBenchmarks
{
    private LoadResult _load = null!;

    /// <summary>Units in the chain.</summary>
    [Params(10_000, 40_000)] public int Depth { get; set; }

    /// <summary>Builds the chain.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var sb = new StringBuilder("{ \"schemaVersion\": \"1.0\", \"units\": [\n");
        for (var i = 0; i < Depth; i++)
            sb.Append(i == 0 ? "" : ",\n").Append("{ \"id\": \"u").Append(i).Append("\", \"kind\": \"department\", \"function\": \"sales\"")
              .Append(i > 0 ? ", \"parentId\": \"u" + (i - 1) + "\" }" : " }");
        sb.Append("],\n\"people\": [\n");
        for (var i = 0; i < Depth; i++) sb.Append(i == 0 ? "" : ",\n").Append("{ \"id\": \"p").Append(i).Append("\", \"unitId\": \"u").Append(i).Append("\" }");
        _load = OrganizationReader.ReadString(sb.Append("] }").ToString(), "chain.json");
    }

    /// <summary>Analysis plus the score (the score's ancestor walks were the quadratic step).</summary>
    [Benchmark] public OrganizationScore? AnalyzeAndScore() => OrganizationAnalyzer.Default.Analyze(_load).Score();
}

/// <summary>Issue 17: <c>fix</c> (Fix All on a generated document) against <c>analyze</c>; target: at most 2× time and memory.</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class FixBenchmarks
{
    private string _text = "";

    /// <summary>People in the organisation.</summary>
    [ParamsSource(nameof(Sizes))] public int People { get; set; }

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    /// <summary>Generates (once) the input.</summary>
    [GlobalSetup] public void Setup() => _text = File.ReadAllText(BenchmarkData.File(People));

    /// <summary>Read and analyse (the baseline of the 2× target).</summary>
    [Benchmark(Baseline = true)] public int Analyze() => OrganizationAnalyzer.Default.Analyze(OrganizationReader.ReadString(_text, "bench.json")).Diagnostics.Count;

    /// <summary>Read, analyse, apply every fix, read the result again.</summary>
    [Benchmark] public int Fix() => OrganizationFixer.Fix(_text, "bench.json").Fixed.Text.Length;
}
