using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Comparison;

/// <summary>
/// One finding of a snapshot, identified by the baseline's fingerprint (rule, entity kind, entity id and
/// discriminator — never a line number or array position), so that it is found again after a reorder or a rename
/// that keeps the id.
/// </summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Category">The rule's category.</param>
/// <param name="Severity">The effective severity.</param>
/// <param name="Title">The rule's title, in the report's culture.</param>
/// <param name="Message">The message as reports may show it (privacy policy applied).</param>
/// <param name="EntityKind">The entity's collection (e.g. <c>incentivePlans</c>); empty for a document-level finding.</param>
/// <param name="EntityId">The entity's id (for a document-level finding: its JSON Pointer).</param>
/// <param name="Fingerprint">The fingerprint of <see cref="Baselines.Baseline"/> entries.</param>
/// <param name="Line">The line of the finding in its document (0 when unknown); for people to find it, never for matching.</param>
internal sealed record SnapshotFinding(string RuleId, string Category, DiagnosticSeverity Severity, string Title, string Message,
    string EntityKind, string EntityId, string Fingerprint, int Line)
{
    /// <summary>True when the entity is a person's entry: its id is a person id and is shown only with names allowed.</summary>
    public bool IsAboutPerson => EntityKind == "people";
}

/// <summary>A score figure of a snapshot: overall or one category.</summary>
/// <param name="Category">Team, Digitalisation, Effectiveness or <see cref="Scoring.VertriebScore.Overall"/>.</param>
/// <param name="Score">The 0–100 score shown to people.</param>
/// <param name="Exact">The unrounded score.</param>
internal sealed record SnapshotScore(string Category, int Score, double Exact);

/// <summary>How many people a rule's findings reach in a snapshot (its exposure).</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="People">Distinct people under at least one counted finding of the rule.</param>
internal sealed record SnapshotRulePeople(string RuleId, int People);

/// <summary>
/// The state of one organisation at one point in time, as far as comparisons need it: its findings, its
/// Vertrieb-4.0 score (overall and per category) and the people each rule reaches. Built from an analysis
/// (<see cref="SnapshotLoader.FromResult"/>) or read from a saved JSON result (<see cref="SnapshotLoader"/>).
/// Counts only, never a list of persons.
/// </summary>
internal sealed class Snapshot
{
    /// <summary>Creates a snapshot.</summary>
    public Snapshot(string source, IReadOnlyList<SnapshotFinding> findings, IReadOnlyList<SnapshotScore>? scores,
        IReadOnlyList<SnapshotRulePeople> rulePeople, int people)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(rulePeople);
        Source = source;
        Findings = findings.OrderBy(f => f.Fingerprint, StringComparer.Ordinal).ToArray();
        Scores = scores;
        RulePeople = rulePeople.OrderBy(r => r.RuleId, StringComparer.Ordinal).ToArray();
        People = people;
    }

    /// <summary>The file the snapshot came from, as given.</summary>
    public string Source { get; }

    /// <summary>The day the snapshot describes: <c>organization.asOf</c>, else a date in the file name; null when neither says.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The organisation's name, when the document gives one.</summary>
    public string? OrganizationName { get; init; }

    /// <summary>The findings that count (not suppressed, not hidden, not the tool's own), ordered by fingerprint.</summary>
    public IReadOnlyList<SnapshotFinding> Findings { get; }

    /// <summary>The score: overall first, then Team, Digitalisation, Effectiveness; null when not scored.</summary>
    public IReadOnlyList<SnapshotScore>? Scores { get; }

    /// <summary>The people each rule reaches (rules that reach nobody are absent), ordered by rule id.</summary>
    public IReadOnlyList<SnapshotRulePeople> RulePeople { get; }

    /// <summary>The people of the organisation.</summary>
    public int People { get; }

    /// <summary>The score of a category (or <see cref="Scoring.VertriebScore.Overall"/>); null when not scored.</summary>
    public SnapshotScore? Score(string category) => Scores?.FirstOrDefault(s => s.Category == category);

    /// <summary>The people a rule reaches (0 when none).</summary>
    public int PeopleOf(string ruleId) => RulePeople.FirstOrDefault(r => r.RuleId == ruleId)?.People ?? 0;

    /// <summary>The file name without directories (labels in reports).</summary>
    public string Label => Path.GetFileName(Source);
}
