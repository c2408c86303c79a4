using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules;

/// <summary>The outcome of analysing one document.</summary>
public sealed class AnalysisResult
{
    internal AnalysisResult(string? filePath, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<RuleTiming> ruleTimings,
        TimeSpan readTime, TimeSpan analysisTime, bool inputFailed, int peopleCount, int unitCount)
    {
        FilePath = filePath;
        Diagnostics = diagnostics;
        RuleTimings = ruleTimings;
        ReadTime = readTime;
        AnalysisTime = analysisTime;
        InputFailed = inputFailed;
        PeopleCount = peopleCount;
        UnitCount = unitCount;
    }

    /// <summary>The analysed file.</summary>
    public string? FilePath { get; }
    /// <summary>All diagnostics, input and rule findings, in output order (file, position, id).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }
    /// <summary>Time per rule.</summary>
    internal IReadOnlyList<RuleTiming> RuleTimings { get; }
    /// <summary>Time to read the document.</summary>
    public TimeSpan ReadTime { get; }
    /// <summary>Time to build the semantic model and run the rules.</summary>
    public TimeSpan AnalysisTime { get; }
    /// <summary>True when the document could not be read without errors: no rule ran (no partial results).</summary>
    public bool InputFailed { get; }
    /// <summary>People in the document.</summary>
    public int PeopleCount { get; }
    /// <summary>Units in the document.</summary>
    public int UnitCount { get; }

    /// <summary>
    /// The unit tree and the checked entities, kept for scoring and reports (no people); null when the
    /// document could not be read.
    /// </summary>
    internal OrganizationOutline? Outline { get; init; }

    /// <summary>The day the document describes (<c>organization.asOf</c>, schema 1.1); null when not stated or unread.</summary>
    public DateOnly? AsOf { get; internal init; }

    /// <summary>
    /// Per catalog rule id (ordered by id): whether the rule could judge the document. Rules whose status is
    /// <see cref="CoverageStatus.CouldNotCheck"/> did not run; the score leaves them out. Empty when the
    /// document could not be read.
    /// </summary>
    public IReadOnlyList<RuleCoverage> Coverage { get; internal init; } = Array.Empty<RuleCoverage>();

    /// <summary>
    /// The rules whose severity the configuration (files and <see cref="AnalysisOptions.WithSeverity"/>) changed from
    /// their default, with the effective severity — what SARIF writes as <c>ruleConfigurationOverrides</c>. Empty
    /// when nothing was changed or the document could not be read.
    /// </summary>
    internal IReadOnlyList<RuleSeverityOverride> SeverityOverrides { get; init; } = Array.Empty<RuleSeverityOverride>();

    /// <summary>How many rules were checked (the part of the catalog the score covers).</summary>
    public int CheckedRules => Coverage.Count(c => c.Status == CoverageStatus.Checked);

    /// <summary>
    /// How many people each rule's counted findings reach (docs/score.md), computed by the analysis from the
    /// diagnostics after configuration, suppressions and baseline; null when the document could not be read or
    /// <see cref="AnalysisOptions.ComputeScoreOutline"/> was off. Counts only, never a list of persons.
    /// </summary>
    internal Scoring.Exposure? Exposure { get; init; }

    /// <summary>
    /// The same result with other diagnostics (e.g. after configuration, suppressions or a baseline were
    /// applied); everything else — timings, counts, the <see cref="Outline"/> and the <see cref="Exposure"/> the score needs — is kept
    /// (exposure is not recomputed: it describes the analysis's own diagnostics).
    /// </summary>
    public AnalysisResult WithDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new AnalysisResult(FilePath, diagnostics, RuleTimings, ReadTime, AnalysisTime, InputFailed, PeopleCount, UnitCount)
        {
            Outline = Outline,
            Coverage = Coverage,
            Exposure = Exposure,
            AsOf = AsOf,
            SeverityOverrides = SeverityOverrides,
        };
    }

    internal AnalysisResult WithExposure(Scoring.Exposure? exposure)
        => new(FilePath, Diagnostics, RuleTimings, ReadTime, AnalysisTime, InputFailed, PeopleCount, UnitCount)
        {
            Outline = Outline,
            Coverage = Coverage,
            Exposure = exposure,
            AsOf = AsOf,
            SeverityOverrides = SeverityOverrides,
        };

    /// <summary>Diagnostics that count: not suppressed.</summary>
    public IEnumerable<Diagnostic> Active => Diagnostics.Where(d => !d.IsSuppressed);

    /// <summary>The highest severity among active diagnostics, or null when there are none.</summary>
    public DiagnosticSeverity? HighestSeverity => Active.Select(d => (DiagnosticSeverity?)d.Severity).Max();

    /// <summary>
    /// The fail-on policy (the command line's <c>--fail-on</c>): true when an active finding is at or above
    /// <paramref name="threshold"/>. Hidden findings never count, and with a baseline the findings it holds
    /// unchanged do not count (the baseline accepts them); new findings do.
    /// </summary>
    /// <param name="threshold">The lowest severity that fails, e.g. <see cref="DiagnosticSeverity.Error"/>.</param>
    public bool Fails(DiagnosticSeverity threshold)
        => Active.Any(d => d.Severity >= threshold && d.Severity != DiagnosticSeverity.Hidden
            && !(d.Properties.TryGetValue(Baselines.Baseline.StateProperty, out var state) && state == Baselines.Baseline.Unchanged));

    /// <summary>
    /// The Vertrieb-4.0 score (docs/score.md: people by exposure, structures by the entity ratio); null ("not scored")
    /// when the document could not be read (no rule ran), no outline was built, or no rule could check the document
    /// (coverage: nothing judged, nothing to score). Rules that could not check are left out (their findings and the
    /// entities only they judge); the score says over how many rules it is (<see cref="OrganizationScore.RulesChecked"/>
    /// of <see cref="OrganizationScore.RulesTotal"/>). <paramref name="leftOutRules"/> overrides the coverage.
    /// </summary>
    public OrganizationScore? Score(ScoreWeights? weights = null, IReadOnlyCollection<string>? leftOutRules = null)
    {
        if (leftOutRules != null) return ComputeScore(weights, leftOutRules);
        // Computed once per analysis and weights (the analysis computes it with the default weights): every report
        // writer asks for it, and at a million people it costs a noticeable part of a second.
        weights ??= ScoreWeights.Default;
        if (Volatile.Read(ref _score) is { } memo && ReferenceEquals(memo.Weights, weights)) return memo.Score;
        var score = ComputeScore(weights, null);
        Volatile.Write(ref _score, new ScoreMemo(weights, score));
        return score;
    }

    // The last score computed, with the weights it was computed with (compared by reference: a caller's weights
    // could hold a dictionary that changes).
    private sealed record ScoreMemo(ScoreWeights Weights, OrganizationScore? Score);
    private ScoreMemo? _score;

    /// <summary>The same score as another result of the same analysis (a copy that keeps its outline and diagnostics).</summary>
    internal AnalysisResult WithScoreOf(AnalysisResult other)
    {
        _score = other._score;
        return this;
    }

    private OrganizationScore? ComputeScore(ScoreWeights? weights, IReadOnlyCollection<string>? leftOutRules)
    {
        if (InputFailed || Outline is null) return null;
        var total = Coverage.Count;
        if (total > 0 && CheckedRules == 0) return null;
        // Left out: every catalog rule that did not judge the document — could not check, not applicable (switched
        // off, not selected), or not part of this analysis at all. A category none of whose rules judged is not scored.
        if (leftOutRules is null && total > 0)
        {
            var judged = Coverage.Where(c => c.Status == CoverageStatus.Checked).Select(c => c.RuleId).ToHashSet(StringComparer.Ordinal);
            leftOutRules = Coverage.Where(c => c.Status != CoverageStatus.Checked).Select(c => c.RuleId)
                .Concat(RuleReach.CatalogRules.Where(id => !judged.Contains(id)))
                .ToHashSet(StringComparer.Ordinal);
        }
        var score = VertriebScore.Compute(Outline, Diagnostics, weights, Exposure, leftOutRules);
        return total == 0 ? score : new OrganizationScore(score.Organization, score.Units) { RulesChecked = CheckedRules, RulesTotal = total };
    }
}
