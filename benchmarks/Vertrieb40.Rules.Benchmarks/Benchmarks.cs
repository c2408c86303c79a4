using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Benchmarks.Reference;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Reporting;

namespace Vertrieb40.Rules.Benchmarks;

/// <summary>
/// Few, long iterations (a 1M-person read takes seconds), Server GC as in the CLI, memory diagnoser on.
/// </summary>
public sealed class LargeInputConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public LargeInputConfig()
    {
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
            .WithGcServer(true).WithGcConcurrent(false));
        AddDiagnoser(MemoryDiagnoser.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}

/// <summary>Reading: parse + model (linking, references, cycles).</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class ReadBenchmarks
{
    private string _path = "";

    /// <summary>People in the organisation.</summary>
    [ParamsSource(nameof(Sizes))] public int People { get; set; }

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    /// <summary>Generates (once) the input.</summary>
    [GlobalSetup] public void Setup() => _path = BenchmarkData.File(People);

    /// <summary>Reads the file.</summary>
    [Benchmark] public LoadResult Read() => OrganizationReader.ReadFile(_path);
}

/// <summary>Analysis only (semantic model + rules), the whole catalog on the engine against the LINQ reference.</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class AnalyzeBenchmarks
{
    private LoadResult _load = null!;
    private readonly OrganizationAnalyzer _analyzer = OrganizationAnalyzer.Default;

    /// <summary>People in the organisation.</summary>
    [ParamsSource(nameof(Sizes))] public int People { get; set; }

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    /// <summary>Reads the input once.</summary>
    [GlobalSetup] public void Setup() => _load = OrganizationReader.ReadFile(BenchmarkData.File(People));

    /// <summary>The plain LINQ evaluation of the rules the reference covers.</summary>
    [Benchmark(Baseline = true)] public List<Diagnostic> Reference() => LinqReference.Evaluate(_load.Organization!);

    /// <summary>The engine, whole catalog.</summary>
    [Benchmark] public AnalysisResult Engine() => _analyzer.Analyze(_load);
}

/// <summary>The CLI path: read, analyse, write the report.</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class EndToEndBenchmarks
{
    private string _path = "";

    /// <summary>People in the organisation.</summary>
    [ParamsSource(nameof(Sizes))] public int People { get; set; }

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    /// <summary>Output format.</summary>
    [Params("json", "sarif")] public string Format { get; set; } = "sarif";

    /// <summary>Generates (once) the input.</summary>
    [GlobalSetup] public void Setup() => _path = BenchmarkData.File(People);

    /// <summary>What <c>vertrieb40 analyze FILE --format json|sarif</c> does, writing to a null sink.</summary>
    [Benchmark]
    public int AnalyzeAndReport()
    {
        var result = OrganizationAnalyzer.Default.AnalyzeFile(_path);
        var context = new ReportContext(new[] { result }, OrganizationAnalyzer.Default.SupportedDiagnostics, System.Globalization.CultureInfo.InvariantCulture);
        IReportWriter writer = Format switch
        {
            "json" => new JsonReportWriter(),
            "sarif" => new SarifReportWriter(),
            _ => throw new NotSupportedException(Format),
        };
        writer.Write(context, TextWriter.Null);
        return result.Diagnostics.Count;
    }
}

/// <summary>Each rule on its own (an analyzer compiled with that rule only), for the scaling check per rule.</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class PerRuleBenchmarks
{
    private LoadResult _load = null!;
    private OrganizationAnalyzer _analyzer = null!;

    /// <summary>People in the organisation.</summary>
    [ParamsSource(nameof(Sizes))] public int People { get; set; }

    /// <summary>The sizes.</summary>
    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    /// <summary>The rule (its id as NRules names it).</summary>
    [ParamsSource(nameof(RuleNames))] public string Rule { get; set; } = "";

    /// <summary>Every rule of the built-in catalog.</summary>
    public static IEnumerable<string> RuleNames => CatalogRules.Names;

    /// <summary>Reads the input and compiles the single rule.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _load = OrganizationReader.ReadFile(BenchmarkData.File(People));
        _analyzer = OrganizationAnalyzer.Create(new[] { CatalogRules.Create(Rule) });
    }

    /// <summary>Analyses with the one rule (semantic model included).</summary>
    [Benchmark] public AnalysisResult Analyze() => _analyzer.Analyze(_load);
}

/// <summary>Compiling the whole rule set (target ≤ 1 s).</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class CompileBenchmarks
{
    /// <summary>Compiles the catalog.</summary>
    [Benchmark] public OrganizationAnalyzer Compile() => OrganizationAnalyzer.Create();
}

/// <summary>A batch of 1,000 organisations of 200 people, one analyzer, files in parallel (target ≤ 20 s).</summary>
[MemoryDiagnoser, Config(typeof(LargeInputConfig))]
public class BatchBenchmarks
{
    private string[] _files = Array.Empty<string>();

    /// <summary>Generates (once) the batch.</summary>
    [GlobalSetup] public void Setup() => _files = BenchmarkData.Batch(1000, 200);

    /// <summary>Analyses every file of the batch.</summary>
    [Benchmark] public int AnalyzeBatch() => Batch.Run(OrganizationAnalyzer.Default, _files);
}

/// <summary>The rules of the built-in catalog, found by reflection (rules added on other branches appear here too).</summary>
public static class CatalogRules
{
    private static readonly Dictionary<string, Type> ByName = typeof(OrganizationAnalyzer).Assembly.GetTypes()
        .Where(t => typeof(OrganizationRule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null)
        .ToDictionary(t => RuleEngine.RuleName((OrganizationRule)Activator.CreateInstance(t)!), t => t, StringComparer.Ordinal);

    /// <summary>Rule names, ordered.</summary>
    public static IReadOnlyList<string> Names { get; } = ByName.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>A fresh instance of a rule.</summary>
    public static OrganizationRule Create(string name) => (OrganizationRule)Activator.CreateInstance(ByName[name])!;
}

/// <summary>Analyses many files with one analyzer, in parallel: one worker thread per core taking the files in order, as <c>vertrieb40 analyze</c> does by default (its BatchRunner).</summary>
public static class Batch
{
    /// <summary>Returns the number of diagnostics found.</summary>
    public static int Run(OrganizationAnalyzer analyzer, IReadOnlyList<string> files)
    {
        // Dedicated threads like the CLI's batch: thread-pool workers that block on the rule thread let the pool add
        // workers beyond the cores, and its idle workers spin.
        var total = 0;
        var next = -1;
        void Worker()
        {
            for (var i = Interlocked.Increment(ref next); i < files.Count; i = Interlocked.Increment(ref next))
                Interlocked.Add(ref total, analyzer.AnalyzeFile(files[i]).Diagnostics.Count);
        }
        var threads = Enumerable.Range(0, Math.Max(1, Math.Min(Environment.ProcessorCount, files.Count))).Select(_ => new Thread(Worker)).ToList();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        return total;
    }
}
