using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Baselines;
using Vertrieb40.Rules.Configuration;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Reading;

namespace Vertrieb40.Rules;

/// <summary>Settings for one analysis.</summary>
public sealed class AnalysisOptions
{
    /// <summary>Rule options (<c>ID.option → value</c>).</summary>
    public RuleOptions RuleOptions { get; set; } = RuleOptions.Empty;

    /// <summary>Limits for reading documents.</summary>
    public ReaderOptions Reader { get; set; } = ReaderOptions.Default;

    /// <summary>Rule ids to run; all when null.</summary>
    public IReadOnlyCollection<string>? OnlyRules { get; set; }

    /// <summary>
    /// Severities and rule options from a configuration file. When null, <see cref="DiscoverConfiguration"/>
    /// decides whether <c>.vertrieb40config</c>/<c>.globalconfig</c> files next to the document are used.
    /// Options in <see cref="RuleOptions"/> win over options from the configuration.
    /// </summary>
    public AnalyzerConfiguration? Configuration { get; set; }

    /// <summary>When true and <see cref="Configuration"/> is null, configuration files are looked up from the document's directory upwards (the CLI does this).</summary>
    public bool DiscoverConfiguration { get; set; }

    /// <summary>Suppressions besides the document's own (e.g. from <see cref="Suppressions.SuppressionFile"/>).</summary>
    internal IReadOnlyList<SuppressionEntry> Suppressions { get; set; } = Array.Empty<SuppressionEntry>();

    /// <summary>
    /// Adds the suppressions of a separate suppressions file (the library's <c>--suppressions FILE</c>):
    /// <c>{ "suppressions": [ { "ruleId", "target", "justification", "expires", "owner" } ] }</c>, the same fields as
    /// the document's own <c>suppressions</c> list. Returns the file's errors (VT0212, with file, line, column and JSON
    /// Pointer); when there are any, nothing of the file is added — no partial results. Never throws on bad input.
    /// </summary>
    public IReadOnlyList<Diagnostic> AddSuppressionFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var read = Vertrieb40.Rules.Suppressions.SuppressionFile.Read(path);
        if (read.HasErrors) return read.Diagnostics;
        if (read.Entries.Count > 0) Suppressions = Suppressions.Concat(read.Entries).ToArray();
        return Array.Empty<Diagnostic>();
    }

    /// <summary>A baseline: when set, each finding gets the property <c>baselineState</c> (new/unchanged) and entries that no longer occur are reported (VT0220).</summary>
    public Baseline? Baseline { get; set; }

    /// <summary>Every warning becomes an error (<c>--warnaserror</c>).</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>Warnings of these rule ids become errors (<c>--warnaserror:VT1009,VT1010</c>).</summary>
    public IReadOnlyCollection<string>? WarningsAsErrorsIds { get; set; }

    /// <summary>The day suppression expiry is judged against; today (UTC) when null.</summary>
    public DateOnly? Today { get; set; }

    /// <summary>
    /// Whether to build the outline the Vertrieb-4.0 score needs (unit tree and checked entities; default true).
    /// Turn it off when no score is written — e.g. a host that only needs the diagnostics; the score of such a
    /// result is then "not scored".
    /// </summary>
    public bool ComputeScoreOutline { get; set; } = true;

    /// <summary>The time budget of each rule unless set: 60 seconds.</summary>
    public static TimeSpan DefaultRuleTimeBudget { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// How long each rule may run in one analysis (its actions in total; the rules' conditions, which run while facts
    /// are inserted and cannot be told apart, get every rule's budget together). A rule over it is stopped and
    /// reported as VT0100 for that document, and the other rules go on; a rule that does not return even then
    /// (a tight loop that never looks at <see cref="Analysis.AnalysisContext.CancellationToken"/>) makes the
    /// document's result incomplete (VT0100 as an error) and is left running on a background thread — .NET cannot
    /// stop it. Default <see cref="DefaultRuleTimeBudget"/>; null or <see cref="Timeout.InfiniteTimeSpan"/>: no budget
    /// (the rules then run on the calling thread).
    /// </summary>
    public TimeSpan? RuleTimeBudget { get; set; } = DefaultRuleTimeBudget;

    /// <summary>The defaults.</summary>
    public static AnalysisOptions Default { get; } = new();

    private Dictionary<string, DiagnosticSeverity> _severities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Severities set in code with <see cref="WithSeverity"/>, by rule id (empty when none).</summary>
    public IReadOnlyDictionary<string, DiagnosticSeverity> Severities => _severities;

    /// <summary>
    /// A copy of these options in which diagnostics of <paramref name="ruleId"/> are reported at
    /// <paramref name="severity"/> — the typed form of <c>vertrieb40_diagnostic.ID.severity</c> in a configuration
    /// file, and it wins over the files. An id no loaded rule has is reported like such a file entry (VT0200).
    /// </summary>
    /// <param name="ruleId">A diagnostic id such as <c>VT1009</c>.</param>
    /// <param name="severity">The severity to report at (<see cref="DiagnosticSeverity.Hidden"/>: counted, not shown).</param>
    /// <exception cref="ArgumentException">The id is not of the form 2–5 letters and 4 digits.</exception>
    public AnalysisOptions WithSeverity(string ruleId, DiagnosticSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        if (!System.Text.RegularExpressions.Regex.IsMatch(ruleId, "^[A-Za-z]{2,5}[0-9]{4}$"))
            throw new ArgumentException($"'{ruleId}' is not a diagnostic id (2–5 letters and 4 digits, e.g. VT1009).", nameof(ruleId));
        if (!Enum.IsDefined(severity)) throw new ArgumentOutOfRangeException(nameof(severity));
        var copy = (AnalysisOptions)MemberwiseClone();
        copy._severities = new Dictionary<string, DiagnosticSeverity>(_severities, StringComparer.OrdinalIgnoreCase) { [ruleId.ToUpperInvariant()] = severity };
        return copy;
    }

    // The severities set in code as configuration entries after the files' own, so they win and are checked alike.
    internal AnalyzerConfiguration WithCodeSeverities(AnalyzerConfiguration configuration)
        => _severities.Count == 0 ? configuration
            : configuration.With(_severities.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new ConfigEntry(
                EffectiveConfiguration.IdPrefix + p.Key + EffectiveConfiguration.SeveritySuffix, Word(p.Value), null, 1, 1, 1)));

    private static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}
