using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;

namespace Vertrieb40.Rules.Comparison;

/// <summary>What happened to a finding between two snapshots.</summary>
internal enum FindingChangeKind
{
    /// <summary>Only in the later snapshot.</summary>
    New,
    /// <summary>Only in the earlier snapshot.</summary>
    Resolved,
    /// <summary>In both, with the same severity and message.</summary>
    Unchanged,
    /// <summary>In both, with another severity or another message (e.g. it now reaches more or fewer people).</summary>
    Changed,
}

/// <summary>One finding across two snapshots.</summary>
/// <param name="Kind">New, resolved, unchanged or changed.</param>
/// <param name="Before">The finding in the earlier snapshot; null when new.</param>
/// <param name="After">The finding in the later snapshot; null when resolved.</param>
internal sealed record FindingChange(FindingChangeKind Kind, SnapshotFinding? Before, SnapshotFinding? After)
{
    /// <summary>The finding as it is now (or as it was, when resolved).</summary>
    public SnapshotFinding Current => After ?? Before!;

    /// <summary>True when the severity differs (only for <see cref="FindingChangeKind.Changed"/>).</summary>
    public bool SeverityChanged => Before != null && After != null && Before.Severity != After.Severity;

    /// <summary>
    /// True when the message differs (only for <see cref="FindingChangeKind.Changed"/>): the message states what the
    /// finding is about and whom it reaches (e.g. "pays variable money to 22 people"), so a changed reach shows here.
    /// </summary>
    public bool MessageChanged => Before != null && After != null && !string.Equals(Before.Message, After.Message, StringComparison.Ordinal);
}

/// <summary>A score figure before and after.</summary>
/// <param name="Category">Team, Digitalisation, Effectiveness or <see cref="VertriebScore.Overall"/>.</param>
/// <param name="Before">The earlier score; null when not scored.</param>
/// <param name="After">The later score; null when not scored.</param>
internal sealed record ScoreChange(string Category, int? Before, int? After)
{
    /// <summary>After − before; null when either is not scored.</summary>
    public int? Delta => Before is { } b && After is { } a ? a - b : null;
}

/// <summary>The people a rule reaches before and after.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Before">People reached in the earlier snapshot.</param>
/// <param name="After">People reached in the later snapshot.</param>
internal sealed record RulePeopleChange(string RuleId, int Before, int After)
{
    /// <summary>After − before.</summary>
    public int Delta => After - Before;
}

/// <summary>
/// The difference between two snapshots of an organisation: each finding matched by its fingerprint (the
/// baseline's: rule, entity kind, entity id, discriminator) and classified; the score change overall and per
/// category; the people each rule reaches before and after. <c>diff(a, a)</c> has no new, resolved or changed
/// finding, and the new findings of <c>diff(a, b)</c> are the resolved ones of <c>diff(b, a)</c>.
/// </summary>
internal sealed class SnapshotDiff
{
    private SnapshotDiff(Snapshot before, Snapshot after, IReadOnlyList<FindingChange> findings, IReadOnlyList<ScoreChange> scores, IReadOnlyList<RulePeopleChange> people)
    {
        Before = before;
        After = after;
        Findings = findings;
        Scores = scores;
        People = people;
    }

    /// <summary>The earlier snapshot.</summary>
    public Snapshot Before { get; }
    /// <summary>The later snapshot.</summary>
    public Snapshot After { get; }
    /// <summary>Every finding of either snapshot: new, then changed, resolved, unchanged; within each by rule id, entity kind, entity id.</summary>
    public IReadOnlyList<FindingChange> Findings { get; }
    /// <summary>Overall, then Team, Digitalisation, Effectiveness.</summary>
    public IReadOnlyList<ScoreChange> Scores { get; }
    /// <summary>Each rule that reaches people in either snapshot, by rule id.</summary>
    public IReadOnlyList<RulePeopleChange> People { get; }

    /// <summary>The findings of one kind.</summary>
    public IEnumerable<FindingChange> OfKind(FindingChangeKind kind) => Findings.Where(f => f.Kind == kind);

    /// <summary>The new findings at or above a severity (for <c>--fail-on-new</c>).</summary>
    public int NewAtOrAbove(DiagnosticSeverity severity) => OfKind(FindingChangeKind.New).Count(f => f.After!.Severity >= severity);

    /// <summary>True when nothing was added, resolved or changed.</summary>
    public bool IsEmpty => Findings.All(f => f.Kind == FindingChangeKind.Unchanged);

    /// <summary>Compares two snapshots.</summary>
    public static SnapshotDiff Compare(Snapshot before, Snapshot after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        // Several findings may share a fingerprint (one rule reporting twice on one entity without a discriminator):
        // they are paired in order, the rest is new or resolved — the baseline's rule.
        var pending = new Dictionary<string, Queue<SnapshotFinding>>(StringComparer.Ordinal);
        foreach (var f in before.Findings)
        {
            if (!pending.TryGetValue(f.Fingerprint, out var q)) pending[f.Fingerprint] = q = new Queue<SnapshotFinding>();
            q.Enqueue(f);
        }
        var changes = new List<FindingChange>(Math.Max(before.Findings.Count, after.Findings.Count));
        foreach (var a in after.Findings)
        {
            if (pending.TryGetValue(a.Fingerprint, out var q) && q.Count > 0)
            {
                var b = q.Dequeue();
                var same = b.Severity == a.Severity && string.Equals(b.Message, a.Message, StringComparison.Ordinal);
                changes.Add(new FindingChange(same ? FindingChangeKind.Unchanged : FindingChangeKind.Changed, b, a));
            }
            else changes.Add(new FindingChange(FindingChangeKind.New, null, a));
        }
        foreach (var q in pending.Values)
            while (q.Count > 0) changes.Add(new FindingChange(FindingChangeKind.Resolved, q.Dequeue(), null));
        var ordered = changes.OrderBy(c => Rank(c.Kind)).ThenBy(c => c.Current.RuleId, StringComparer.Ordinal)
            .ThenBy(c => c.Current.EntityKind, StringComparer.Ordinal).ThenBy(c => c.Current.EntityId, StringComparer.Ordinal)
            .ThenBy(c => c.Current.Fingerprint, StringComparer.Ordinal).ThenBy(c => c.Current.Message, StringComparer.Ordinal).ToList();

        var scores = new List<ScoreChange>();
        foreach (var category in ScoreCategories)
            scores.Add(new ScoreChange(category, before.Score(category)?.Score, after.Score(category)?.Score));

        var ruleIds = before.RulePeople.Select(r => r.RuleId).Union(after.RulePeople.Select(r => r.RuleId), StringComparer.Ordinal)
            .OrderBy(id => id, StringComparer.Ordinal);
        var people = ruleIds.Select(id => new RulePeopleChange(id, before.PeopleOf(id), after.PeopleOf(id))).ToList();
        return new SnapshotDiff(before, after, ordered, scores, people);
    }

    /// <summary>Overall, then the catalog categories: the order of every score table.</summary>
    public static IReadOnlyList<string> ScoreCategories { get; } = new[] { VertriebScore.Overall }.Concat(VertriebScore.Categories).ToArray();

    private static int Rank(FindingChangeKind kind) => kind switch
    {
        FindingChangeKind.New => 0,
        FindingChangeKind.Changed => 1,
        FindingChangeKind.Resolved => 2,
        _ => 3,
    };
}
