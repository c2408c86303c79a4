using System.Diagnostics;
using System.Reflection;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;
using Vertrieb40.Rules.Scoring;
using Diagnostic = Vertrieb40.Rules.Diagnostics.Diagnostic;

namespace Vertrieb40.Rules;

/// <summary>
/// The analyzer: the one path of the data — read → rules → configuration, suppressions, warnings as errors,
/// baseline → score outline. The rule set is compiled once (thread-safe, reusable); each analysis runs in
/// its own session. Create it once per process and share it.
/// </summary>
public sealed class OrganizationAnalyzer
{
    private static readonly Lazy<OrganizationAnalyzer> DefaultInstance = new(() => Create());

    private readonly RuleEngine _engine;

    private OrganizationAnalyzer(RuleEngine engine) => _engine = engine;

    /// <summary>The built-in catalog, compiled once on first use.</summary>
    public static OrganizationAnalyzer Default => DefaultInstance.Value;

    /// <summary>Compiles the built-in rules plus rules from <paramref name="additionalRuleAssemblies"/>.</summary>
    public static OrganizationAnalyzer Create(IEnumerable<Assembly>? additionalRuleAssemblies = null)
        => new(RuleEngine.Create(additionalRuleAssemblies));

    /// <summary>Compiles exactly the given rules (custom rule sets, tests).</summary>
    public static OrganizationAnalyzer Create(IEnumerable<OrganizationRule> rules)
        => new(RuleEngine.Create(rules));

    /// <summary>Every descriptor this analyzer may report, rules and input, ordered by id.</summary>
    public IReadOnlyList<DiagnosticDescriptor> SupportedDiagnostics => _engine.SupportedDiagnostics;

    /// <summary>How long compiling the rule set took.</summary>
    public TimeSpan CompileTime => _engine.CompileTime;

    /// <summary>Reads and analyses a file. Input errors stop the analysis: the result then holds only them.</summary>
    public AnalysisResult AnalyzeFile(string path, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= AnalysisOptions.Default;
        var sw = Stopwatch.StartNew();
        var load = OrganizationReader.ReadFile(path, options.Reader);
        sw.Stop();
        return Analyze(load, sw.Elapsed, options, cancellationToken);
    }

    /// <summary>
    /// Reads and analyses a JSON document given as text (input errors stop the analysis: the result then holds only them).
    /// </summary>
    /// <param name="json">The document.</param>
    /// <param name="filePath">The file name used in locations and for configuration discovery; null for none.</param>
    /// <param name="options">Analysis options; <see cref="AnalysisOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the analysis with an <see cref="OperationCanceledException"/>.</param>
    public AnalysisResult AnalyzeText(string json, string? filePath = null, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        options ??= AnalysisOptions.Default;
        var sw = Stopwatch.StartNew();
        var load = OrganizationReader.ReadString(json, filePath, options.Reader);
        sw.Stop();
        return Analyze(load, sw.Elapsed, options, cancellationToken);
    }

    /// <summary>Analyses what a reader produced (input errors stop the analysis).</summary>
    public AnalysisResult Analyze(LoadResult load, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
        => Analyze(load, TimeSpan.Zero, options ?? AnalysisOptions.Default, cancellationToken);

    private AnalysisResult Analyze(LoadResult load, TimeSpan readTime, AnalysisOptions options, CancellationToken cancellationToken)
    {
        if (load.HasErrors || load.Organization is null)
            return new AnalysisResult(load.FilePath, load.Diagnostics, Array.Empty<RuleTiming>(), readTime, TimeSpan.Zero, true, 0, 0);
        var result = AnalyzeCore(load.Organization, load.Diagnostics, options, cancellationToken);
        return new AnalysisResult(load.FilePath, result.Diagnostics, result.RuleTimings, readTime, result.AnalysisTime, false, result.PeopleCount, result.UnitCount)
        {
            Outline = result.Outline,
            Coverage = result.Coverage,
            Exposure = result.Exposure,
            AsOf = result.AsOf,
            SeverityOverrides = result.SeverityOverrides,
        }.WithScoreOf(result);
    }

    /// <summary>
    /// Analyses an organisation that was read without errors, then applies configuration, suppressions,
    /// <c>--warnaserror</c> and the baseline (see <see cref="AnalysisOptions"/>).
    /// </summary>
    public AnalysisResult Analyze(Organization organization, AnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return AnalyzeCore(organization, Array.Empty<Diagnostic>(), options ?? AnalysisOptions.Default, cancellationToken);
    }

    // The one path of the data: configuration → rules → post-processing (severities, suppressions,
    // warnings as errors, baseline) → one sorted list.
    private AnalysisResult AnalyzeCore(Organization organization, IReadOnlyList<Diagnostic> inputDiagnostics, AnalysisOptions options, CancellationToken cancellationToken)
    {
        var configuration = options.Configuration
            ?? (options.DiscoverConfiguration && organization.FilePath != null ? AnalyzerConfiguration.Discover(organization.FilePath) : AnalyzerConfiguration.Empty);
        var effective = EffectiveConfiguration.Build(options.WithCodeSeverities(configuration), SupportedDiagnostics);
        var ruleOptions = DiagnosticPipeline.MergeRuleOptions(effective, options.RuleOptions);
        // Checked before the run: the rules read typed values, and what cannot be used is reported with its place.
        var optionProblems = DiagnosticPipeline.CheckRuleOptions(effective, ruleOptions, options.RuleOptions, _engine.SupportedOptions, SupportedDiagnostics);
        var run = _engine.Run(organization, ruleOptions, options.OnlyRules, effective.IsEnabled, options.RuleTimeBudget, cancellationToken);
        // The outline sees the raw findings (as before the pipeline): the score then counts what the pipeline keeps.
        var outline = options.ComputeScoreOutline ? OrganizationOutline.Build(organization, run.Model, run.Diagnostics) : null;
        var processed = DiagnosticPipeline.Process(inputDiagnostics.Concat(run.Diagnostics), effective, ruleOptions, options, organization, optionProblems, run.OptionsWithoutEffect);
        // Exposure counts what is left after processing (suppressed or absent findings reach nobody).
        var analysed = new AnalysisResult(organization.FilePath, processed, run.RuleTimings, TimeSpan.Zero, run.Elapsed, false,
            organization.People.Count, organization.Units.Count)
        {
            Outline = outline,
            Coverage = run.Coverage,
            Exposure = options.ComputeScoreOutline ? ExposureCalculator.Compute(organization, run.Model, processed, ruleOptions) : null,
            AsOf = organization.AsOf,
            SeverityOverrides = effective.Overrides(SupportedDiagnostics),
        };
        // The score with the default weights, once: the report writers read it instead of computing it each.
        if (options.ComputeScoreOutline) analysed.Score();
        return analysed;
    }
}
