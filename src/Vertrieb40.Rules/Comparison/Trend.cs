namespace Vertrieb40.Rules.Comparison;

/// <summary>A stretch of snapshots in which a finding was present: from <paramref name="From"/> to <paramref name="To"/> (indexes, inclusive).</summary>
/// <param name="From">The first snapshot with the finding.</param>
/// <param name="To">The last snapshot with the finding.</param>
internal sealed record PresenceSpan(int From, int To);

/// <summary>The life of one finding over a series of snapshots.</summary>
/// <param name="Finding">The finding as last seen.</param>
/// <param name="Spans">When it was present (usually one span; a finding that went and came back has more).</param>
/// <param name="SnapshotCount">The number of snapshots in the series.</param>
internal sealed record FindingLifecycle(SnapshotFinding Finding, IReadOnlyList<PresenceSpan> Spans, int SnapshotCount)
{
    /// <summary>The first snapshot with the finding.</summary>
    public int Appeared => Spans[0].From;
    /// <summary>The snapshot in which it was gone for the last time; null when it is still present in the latest snapshot.</summary>
    public int? Resolved => Spans[^1].To == SnapshotCount - 1 ? null : Spans[^1].To + 1;
    /// <summary>True when it was present already in the first snapshot.</summary>
    public bool PresentAtStart => Spans[0].From == 0;
}

/// <summary>A movement between two consecutive snapshots: of a score (overall or a category), or of the people a rule reaches.</summary>
/// <param name="From">The earlier snapshot's index.</param>
/// <param name="To">The later snapshot's index.</param>
/// <param name="Subject">A category (or Overall) for a score movement; a rule id for a reach movement.</param>
/// <param name="Before">The earlier value (score, or people reached).</param>
/// <param name="After">The later value.</param>
internal sealed record TrendMovement(int From, int To, string Subject, int Before, int After)
{
    /// <summary>After − before.</summary>
    public int Delta => After - Before;
}

/// <summary>
/// A transformation over time: snapshots ordered by date, the score per category at each, the lifecycle of every
/// finding (when it appeared, when it was resolved), and the largest improvements and regressions between consecutive
/// snapshots — of the score (overall and per category) and of the people each rule reaches.
/// </summary>
internal sealed class Trend
{
    /// <summary>How many improvements and regressions of each kind the trend keeps.</summary>
    public const int MovementCount = 5;

    private Trend(IReadOnlyList<Snapshot> snapshots, IReadOnlyList<FindingLifecycle> lifecycles, IReadOnlyList<SnapshotDiff> steps,
        IReadOnlyList<TrendMovement> improvements, IReadOnlyList<TrendMovement> regressions,
        IReadOnlyList<TrendMovement> reachImprovements, IReadOnlyList<TrendMovement> reachRegressions)
    {
        Snapshots = snapshots;
        Lifecycles = lifecycles;
        Steps = steps;
        Improvements = improvements;
        Regressions = regressions;
        ReachImprovements = reachImprovements;
        ReachRegressions = reachRegressions;
    }

    /// <summary>The snapshots, oldest first.</summary>
    public IReadOnlyList<Snapshot> Snapshots { get; }
    /// <summary>Every finding of any snapshot: still present first (oldest first), then resolved; by rule and entity.</summary>
    public IReadOnlyList<FindingLifecycle> Lifecycles { get; }
    /// <summary>The diff of each snapshot with the one before (one fewer than the snapshots).</summary>
    public IReadOnlyList<SnapshotDiff> Steps { get; }
    /// <summary>The largest score rises between consecutive snapshots (overall and per category), largest first.</summary>
    public IReadOnlyList<TrendMovement> Improvements { get; }
    /// <summary>The largest score falls between consecutive snapshots, largest first.</summary>
    public IReadOnlyList<TrendMovement> Regressions { get; }
    /// <summary>The rules whose reach fell most between consecutive snapshots (people no longer affected), largest first.</summary>
    public IReadOnlyList<TrendMovement> ReachImprovements { get; }
    /// <summary>The rules whose reach grew most between consecutive snapshots, largest first.</summary>
    public IReadOnlyList<TrendMovement> ReachRegressions { get; }

    /// <summary>
    /// Orders snapshots by <see cref="Snapshot.AsOf"/> (ties keep the given order) and builds the trend.
    /// Throws <see cref="ArgumentException"/> naming the first snapshot without a date.
    /// </summary>
    public static Trend Build(IReadOnlyList<Snapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0) throw new ArgumentException("A trend needs at least one snapshot.", nameof(snapshots));
        if (snapshots.FirstOrDefault(s => s.AsOf is null) is { } undated)
            throw new ArgumentException($"'{undated.Source}' has no date: give the document \"organization\": {{ \"asOf\": \"yyyy-MM-dd\" }} (schema 1.1) or put the date in its file name (org-2026-03-31.json).", nameof(snapshots));
        var ordered = snapshots.Select((s, i) => (s, i)).OrderBy(x => x.s.AsOf).ThenBy(x => x.i).Select(x => x.s).ToList();

        var steps = new List<SnapshotDiff>();
        for (var i = 1; i < ordered.Count; i++) steps.Add(SnapshotDiff.Compare(ordered[i - 1], ordered[i]));

        // Lifecycles: follow each finding of the first snapshot through the steps; a finding that is new in a step
        // starts a life there. Matching is the diff's (fingerprint), so lives agree with every step's diff.
        var lives = new List<(SnapshotFinding Last, List<PresenceSpan> Spans)>();
        var open = new Dictionary<SnapshotFinding, int>(ReferenceEqualityComparer.Instance); // finding in the current snapshot → life
        var closed = new Dictionary<string, List<int>>(StringComparer.Ordinal);                // fingerprint → lives that ended
        foreach (var f in ordered[0].Findings)
        {
            open[f] = lives.Count;
            lives.Add((f, new List<PresenceSpan> { new(0, 0) }));
        }
        for (var s = 0; s < steps.Count; s++)
        {
            var next = new Dictionary<SnapshotFinding, int>(ReferenceEqualityComparer.Instance);
            foreach (var change in steps[s].Findings)
            {
                switch (change.Kind)
                {
                    case FindingChangeKind.Unchanged or FindingChangeKind.Changed:
                        var life = open[change.Before!];
                        var spans = lives[life].Spans;
                        spans[^1] = spans[^1] with { To = s + 1 };
                        lives[life] = (change.After!, spans);
                        next[change.After!] = life;
                        break;
                    case FindingChangeKind.Resolved:
                        var ended = open[change.Before!];
                        if (!closed.TryGetValue(change.Before!.Fingerprint, out var list)) closed[change.Before!.Fingerprint] = list = new List<int>();
                        list.Add(ended);
                        break;
                    case FindingChangeKind.New:
                        // A finding that comes back continues its earlier life (a new span), so it is one row.
                        int index;
                        if (closed.TryGetValue(change.After!.Fingerprint, out var gone) && gone.Count > 0)
                        {
                            index = gone[0];
                            gone.RemoveAt(0);
                            lives[index].Spans.Add(new PresenceSpan(s + 1, s + 1));
                            lives[index] = (change.After!, lives[index].Spans);
                        }
                        else
                        {
                            index = lives.Count;
                            lives.Add((change.After!, new List<PresenceSpan> { new(s + 1, s + 1) }));
                        }
                        next[change.After!] = index;
                        break;
                }
            }
            open = next;
        }
        var lifecycles = lives.Select(l => new FindingLifecycle(l.Last, l.Spans, ordered.Count))
            .OrderBy(l => l.Resolved is null ? 0 : 1).ThenBy(l => l.Appeared).ThenBy(l => l.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(l => l.Finding.EntityKind, StringComparer.Ordinal).ThenBy(l => l.Finding.EntityId, StringComparer.Ordinal)
            .ThenBy(l => l.Finding.Fingerprint, StringComparer.Ordinal).ToList();

        var moves = new List<TrendMovement>();
        for (var s = 0; s < steps.Count; s++)
            foreach (var c in steps[s].Scores)
                if (c.Delta is { } d && d != 0) moves.Add(new TrendMovement(s, s + 1, c.Category, c.Before!.Value, c.After!.Value));
        var improvements = moves.Where(m => m.Delta > 0).OrderByDescending(m => m.Delta).ThenBy(m => m.From).ThenBy(m => CategoryRank(m.Subject)).Take(MovementCount).ToList();
        var regressions = moves.Where(m => m.Delta < 0).OrderBy(m => m.Delta).ThenBy(m => m.From).ThenBy(m => CategoryRank(m.Subject)).Take(MovementCount).ToList();

        var reach = new List<TrendMovement>();
        for (var s = 0; s < steps.Count; s++)
            foreach (var c in steps[s].People)
                if (c.Delta != 0) reach.Add(new TrendMovement(s, s + 1, c.RuleId, c.Before, c.After));
        var reachImprovements = reach.Where(m => m.Delta < 0).OrderBy(m => m.Delta).ThenBy(m => m.From).ThenBy(m => m.Subject, StringComparer.Ordinal).Take(MovementCount).ToList();
        var reachRegressions = reach.Where(m => m.Delta > 0).OrderByDescending(m => m.Delta).ThenBy(m => m.From).ThenBy(m => m.Subject, StringComparer.Ordinal).Take(MovementCount).ToList();
        return new Trend(ordered, lifecycles, steps, improvements, regressions, reachImprovements, reachRegressions);
    }

    private static int CategoryRank(string category)
    {
        for (var i = 0; i < SnapshotDiff.ScoreCategories.Count; i++)
            if (SnapshotDiff.ScoreCategories[i] == category) return i;
        return int.MaxValue;
    }
}
