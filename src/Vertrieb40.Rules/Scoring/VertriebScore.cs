using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Scoring;

/// <summary>How much one finding weighs, per severity (docs/score.md). Hidden findings weigh nothing.</summary>
/// <param name="Error">Weight of an error (default 10: a commission plan is "the devil's practice").</param>
/// <param name="Warning">Weight of a warning (default 3).</param>
/// <param name="Info">Weight of an info (default 1).</param>
public sealed record ScoreWeights(double Error = 10, double Warning = 3, double Info = 1)
{
    /// <summary>The documented defaults.</summary>
    public static ScoreWeights Default { get; } = new();

    /// <summary>The weight of a severity.</summary>
    public double Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Error,
        DiagnosticSeverity.Warning => Warning,
        DiagnosticSeverity.Info => Info,
        _ => 0,
    };
}

/// <summary>The score of one category (or of all of them) for the whole organisation or one unit.</summary>
/// <param name="Category">Team, Digitalisation, Effectiveness, or <see cref="VertriebScore.Overall"/>.</param>
/// <param name="Score">0–100, rounded down (100 only when nothing counted was found).</param>
/// <param name="Exact">The unrounded value.</param>
/// <param name="CleanEntities">Checked structures and practices of the category's kinds without any finding.</param>
/// <param name="Penalty">The sum of the severity weights of the category's findings.</param>
/// <param name="Findings">How many findings counted.</param>
public sealed record CategoryScore(string Category, int Score, double Exact, int CleanEntities, double Penalty, int Findings);

/// <summary>The overall score and one score per catalog category.</summary>
public sealed class ScoreCard
{
    internal ScoreCard(CategoryScore overall, IReadOnlyList<CategoryScore> categories, SeverityTally counts)
    {
        Overall = overall;
        Categories = categories;
        Counts = counts;
    }

    /// <summary>Over all categories.</summary>
    public CategoryScore Overall { get; }
    /// <summary>Team, Digitalisation, Effectiveness, in that order.</summary>
    public IReadOnlyList<CategoryScore> Categories { get; }
    /// <summary>The counted findings per severity.</summary>
    public SeverityTally Counts { get; }

    /// <summary>The score of one category.</summary>
    public CategoryScore this[string category] => Categories.First(c => c.Category == category);
}

/// <summary>Counted findings per severity (active, catalog findings only).</summary>
public readonly record struct SeverityTally(int Errors, int Warnings, int Infos)
{
    /// <summary>All of them.</summary>
    public int Total => Errors + Warnings + Infos;
}

/// <summary>The score of one unit: its own findings and those of its sub-units (rolled up the tree).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Card">Its scores.</param>
public sealed record UnitScore(OutlineUnit Unit, ScoreCard Card);

/// <summary>The score of an organisation: as a whole and per unit (units in document order).</summary>
public sealed class OrganizationScore
{
    internal OrganizationScore(ScoreCard organization, IReadOnlyList<UnitScore> units)
    {
        Organization = organization;
        Units = units;
    }

    /// <summary>The whole organisation.</summary>
    public ScoreCard Organization { get; }
    /// <summary>Every unit, by unit index.</summary>
    public IReadOnlyList<UnitScore> Units { get; }

    /// <summary>
    /// How many catalog rules judged the document (coverage <c>checked</c>): the score is "over N of M rules".
    /// Rules that could not check are left out. Null when the score was computed without coverage (an outline only).
    /// </summary>
    public int? RulesChecked { get; internal init; }

    /// <summary>How many catalog rules there are (M in "over N of M rules"); null without coverage.</summary>
    public int? RulesTotal { get; internal init; }
}

/// <summary>
/// The Vertrieb-4.0 score (docs/score.md): per category <c>100 · C / (C + P)</c>, where <c>C</c> counts the
/// checked structures and practices of the category's kinds that carry no finding at all, and <c>P</c> sums the
/// severity weights of the category's active findings. A clean organisation scores 100; a finding never raises a
/// score: it adds to <c>P</c> and can only take its entity out of <c>C</c>.
/// </summary>
public static class VertriebScore
{
    /// <summary>The name of the overall score.</summary>
    public const string Overall = "Overall";

    /// <summary>The scored categories, in report order.</summary>
    public static IReadOnlyList<string> Categories { get; } =
        new[] { DiagnosticCategories.Team, DiagnosticCategories.Digitalisation, DiagnosticCategories.Effectiveness };

    /// <summary>
    /// Which kinds of entity each category judges: the size of "what was checked". A static table on purpose —
    /// if it followed the findings, a new finding could add clean entities to the count and raise the score.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> CheckedKinds { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [DiagnosticCategories.Team] = new[] { "units", "roles", "offerings", "decisionRights", "forecasts", "targets", "meetings", "approvalPolicies" },
        [DiagnosticCategories.Digitalisation] = new[] { "units", "roles", "offerings", "handoffs", "channels", "toolRollouts", "processes" },
        [DiagnosticCategories.Effectiveness] = new[] { "units", "incentivePlans", "targets", "forecasts", "meetings", "approvalPolicies", "recognitionPrograms", "cultureStatements" },
    };

    /// <summary>
    /// True when a diagnostic counts for the score: an active (not suppressed, not "absent" from a baseline)
    /// finding of a catalog category with a severity above hidden. Input and internal diagnostics never count.
    /// </summary>
    public static bool Counts(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return !diagnostic.IsSuppressed
               && diagnostic.Severity != DiagnosticSeverity.Hidden
               && IndexOf(diagnostic.Descriptor.Category) >= 0
               && !(diagnostic.Properties.TryGetValue("baselineState", out var state) && state == "absent");
    }

    /// <summary>The score of an outline and its diagnostics (diagnostics that do not count are ignored).</summary>
    public static OrganizationScore Compute(OrganizationOutline outline, IEnumerable<Diagnostic> diagnostics, ScoreWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(diagnostics);
        weights ??= ScoreWeights.Default;
        var n = outline.Units.Count;
        var k = Categories.Count;
        // Index k holds the overall values; index n holds the whole organisation.
        var clean = new int[n + 1, k + 1];
        var penalty = new double[n + 1, k + 1];
        var findings = new int[n + 1, k + 1];
        var tally = new int[n + 1, 3];
        var stamp = new int[n];
        var stampId = 0;

        var counted = diagnostics.Where(Counts).ToList();
        var dirty = new HashSet<(string, string)>();
        foreach (var d in counted)
            if (d.Location.EntityKind != null && d.Location.EntityId != null) dirty.Add((d.Location.EntityKind, d.Location.EntityId));

        var kindCategories = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < k; c++)
            foreach (var kind in CheckedKinds[Categories[c]])
            {
                if (!kindCategories.TryGetValue(kind, out var list)) kindCategories[kind] = list = new List<int>();
                list.Add(c);
            }

        // A value belongs to each unit that is or contains one of the entity's units, counted once per unit, and
        // to the whole organisation. Walking the ancestor chain for every finding was quadratic in the depth (a
        // 40,000-unit chain with a finding per unit: a minute), so an entity or finding that belongs to ONE unit
        // of the tree adds its value there only (`below`) and a single pass from the leaves up passes it on to every
        // ancestor. Only entities of several units still walk their ancestor chains (stamped: each unit once).
        var order = outline.Preorder;
        var inTree = new bool[n];
        foreach (var u in order) inTree[u] = true;
        var cleanBelow = new int[n, k + 1];
        var penaltyBelow = new double[n, k + 1];
        var findingsBelow = new int[n, k + 1];
        var tallyBelow = new int[n, 3];
        long walked = 0;

        // Visits each unit that is or contains one of `units` exactly once (ancestor chains, stopping at
        // units already visited), then the whole organisation; or, for one unit in the tree, only that unit
        // through `single` (its ancestors get the value in the roll-up below).
        void RollUp(IReadOnlyList<int> units, Action<int> visit, Action<int> single)
        {
            if (units.Count == 1 && units[0] >= 0 && units[0] < n && inTree[units[0]])
            {
                single(units[0]);
                walked++;
                visit(n);
                return;
            }
            stampId++;
            foreach (var start in units)
                for (var x = start; x >= 0 && x < n && stamp[x] != stampId; x = outline.Units[x].ParentIndex)
                {
                    stamp[x] = stampId;
                    walked++;
                    visit(x);
                }
            visit(n);
        }

        foreach (var e in outline.Entities)
        {
            if (dirty.Contains((e.Kind, e.Id))) continue;
            if (!kindCategories.TryGetValue(e.Kind, out var cats)) continue;
            RollUp(e.Units, u =>
            {
                foreach (var c in cats) clean[u, c]++;
                clean[u, k]++;
            }, u =>
            {
                foreach (var c in cats) cleanBelow[u, c]++;
                cleanBelow[u, k]++;
            });
        }

        foreach (var d in counted)
        {
            var c = IndexOf(d.Descriptor.Category);
            var w = weights.Of(d.Severity);
            var s = d.Severity == DiagnosticSeverity.Error ? 0 : d.Severity == DiagnosticSeverity.Warning ? 1 : 2;
            RollUp(outline.UnitsOf(d), u =>
            {
                penalty[u, c] += w; penalty[u, k] += w;
                findings[u, c]++; findings[u, k]++;
                tally[u, s]++;
            }, u =>
            {
                penaltyBelow[u, c] += w; penaltyBelow[u, k] += w;
                findingsBelow[u, c]++; findingsBelow[u, k]++;
                tallyBelow[u, s]++;
            });
        }

        // Leaves up: each unit passes what lies below it to its parent, then takes it as its own.
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var u = order[i];
            var parent = outline.Units[u].ParentIndex;
            for (var c = 0; c <= k; c++)
            {
                if (parent >= 0 && parent < n)
                {
                    cleanBelow[parent, c] += cleanBelow[u, c];
                    penaltyBelow[parent, c] += penaltyBelow[u, c];
                    findingsBelow[parent, c] += findingsBelow[u, c];
                }
                clean[u, c] += cleanBelow[u, c];
                penalty[u, c] += penaltyBelow[u, c];
                findings[u, c] += findingsBelow[u, c];
            }
            for (var s = 0; s < 3; s++)
            {
                if (parent >= 0 && parent < n) tallyBelow[parent, s] += tallyBelow[u, s];
                tally[u, s] += tallyBelow[u, s];
            }
        }
        LastUnitVisits = walked;

        ScoreCard Card(int u)
        {
            var categories = new CategoryScore[k];
            for (var c = 0; c < k; c++) categories[c] = Score(Categories[c], clean[u, c], penalty[u, c], findings[u, c]);
            return new ScoreCard(Score(Overall, clean[u, k], penalty[u, k], findings[u, k]), categories,
                new SeverityTally(tally[u, 0], tally[u, 1], tally[u, 2]));
        }

        var unitScores = new UnitScore[n];
        for (var u = 0; u < n; u++) unitScores[u] = new UnitScore(outline.Units[u], Card(u));
        return new OrganizationScore(Card(n), unitScores);
    }

    // Units visited by the last Compute on this thread (a test counts them to prove the work is linear in depth).
    [ThreadStatic] internal static long LastUnitVisits;

    /// <summary>The formula: 100 when nothing was found, else <c>100 · C / (C + P)</c>.</summary>
    public static CategoryScore Score(string category, int cleanEntities, double penalty, int findings)
    {
        var exact = penalty <= 0 ? 100.0 : 100.0 * cleanEntities / (cleanEntities + penalty);
        // Rounded down, so that an organisation with findings never shows 100.
        var score = penalty <= 0 ? 100 : Math.Min(99, (int)Math.Floor(exact));
        return new CategoryScore(category, score, exact, cleanEntities, penalty, findings);
    }

    private static int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++) if (Categories[i] == category) return i;
        return -1;
    }
}
