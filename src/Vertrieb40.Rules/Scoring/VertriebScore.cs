using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Scoring;

/// <summary>
/// The one weight table (docs/score.md): how much a finding of a rule weighs — its severity's weight times the
/// rule's optional principle factor. Both the score and the reports' ranking of actions (weight × people) use it.
/// Hidden findings weigh nothing.
/// </summary>
/// <param name="Error">Weight of an error (default 10: a commission plan is "the devil's practice").</param>
/// <param name="Warning">Weight of a warning (default 3).</param>
/// <param name="Info">Weight of an info (default 1).</param>
public sealed record ScoreWeights(double Error = 10, double Warning = 3, double Info = 1)
{
    /// <summary>The documented defaults.</summary>
    public static ScoreWeights Default { get; } = new();

    /// <summary>
    /// A factor per rule id on top of the severity weight (missing: 1). Empty by default: the catalog's
    /// severities already rank the principles (errors for the practices the article calls the most harmful).
    /// </summary>
    public IReadOnlyDictionary<string, double> PrincipleFactors { get; init; } = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>
    /// The weighted exposure at which the people part of a score is halved (default 5: e.g. half of the people
    /// under an error, 10 × 0.5). See docs/score.md.
    /// </summary>
    public double HalvingExposure { get; init; } = 5;

    /// <summary>The weight of a severity.</summary>
    public double Of(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Error,
        DiagnosticSeverity.Warning => Warning,
        DiagnosticSeverity.Info => Info,
        _ => 0,
    };

    /// <summary>The weight of a finding of <paramref name="ruleId"/> with <paramref name="severity"/>: severity weight × principle factor.</summary>
    public double For(string ruleId, DiagnosticSeverity severity)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Of(severity) * (PrincipleFactors.TryGetValue(ruleId, out var f) ? f : 1.0);
    }
}

/// <summary>The score of one category (or of all of them) for the whole organisation or one unit.</summary>
/// <param name="Category">Team, Digitalisation, Effectiveness, or <see cref="VertriebScore.Overall"/>.</param>
/// <param name="Score">0–100, rounded down (100 only when nothing counted was found).</param>
/// <param name="Exact">The unrounded value.</param>
/// <param name="CleanEntities">Checked structures and practices of the category's kinds without any finding.</param>
/// <param name="Penalty">The sum of the severity weights of the category's findings.</param>
/// <param name="Findings">How many findings counted.</param>
/// <remarks>
/// Since result format 1.2 the score also counts people (docs/score.md): <see cref="People"/>,
/// <see cref="WeightedPeople"/> and <see cref="PeopleUnderError"/> are 0 when the document lists no people (the score
/// then counts structures only, as before); <see cref="CleanEntities"/> and <see cref="Penalty"/> count only the
/// rules that reach no people when it lists people.
/// </remarks>
public sealed record CategoryScore(string Category, int Score, double Exact, int CleanEntities, double Penalty, int Findings)
{
    /// <summary>The people the shares are taken of (the organisation's, or the unit's with its sub-units).</summary>
    public int People { get; init; }
    /// <summary>Σ over the rules that reach people: weight × distinct people reached.</summary>
    public double WeightedPeople { get; init; }
    /// <summary>Distinct people under a counted error of the category.</summary>
    public int PeopleUnderError { get; init; }
    /// <summary><see cref="WeightedPeople"/> / <see cref="People"/>: the weighted exposure (0 without people).</summary>
    public double WeightedExposure => People == 0 ? 0 : WeightedPeople / People;
    /// <summary>True when 40 % or more of the people are under an error, so the score was capped at 50.</summary>
    public bool Capped { get; init; }

    /// <summary>
    /// False when no rule of the category could judge the document (coverage: every rule of it could not check or
    /// did not run): nothing was judged, so the category is <b>not scored</b> — <see cref="Score"/> is then 100 only
    /// because nothing counted, and reports show "not scored" instead. Always true for <see cref="VertriebScore.Overall"/>.
    /// </summary>
    public bool Scored { get; init; } = true;

    /// <summary>How many of the category's catalog rules judged the document (null when computed without coverage).</summary>
    public int? RulesChecked { get; init; }

    /// <summary>How many catalog rules the category has (null when computed without coverage).</summary>
    public int? RulesTotal { get; init; }
}

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
    internal SeverityTally Counts { get; }

    /// <summary>The score of one category.</summary>
    public CategoryScore this[string category] => Categories.First(c => c.Category == category);
}

/// <summary>Counted findings per severity (active, catalog findings only).</summary>
internal readonly record struct SeverityTally(int Errors, int Warnings, int Infos)
{
    /// <summary>All of them.</summary>
    public int Total => Errors + Warnings + Infos;
}

/// <summary>The score of one unit: its own findings and those of its sub-units (rolled up the tree).</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Card">Its scores.</param>
internal sealed record UnitScore(OutlineUnit Unit, ScoreCard Card);

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
    internal IReadOnlyList<UnitScore> Units { get; }

    /// <summary>
    /// How many catalog rules judged the document (coverage <c>checked</c>): the score is "over N of M rules".
    /// Rules that could not check are left out. Null when the score was computed without coverage (an outline only).
    /// </summary>
    public int? RulesChecked { get; internal init; }

    /// <summary>How many catalog rules there are (M in "over N of M rules"); null without coverage.</summary>
    public int? RulesTotal { get; internal init; }

    /// <summary>How many categories are scored (at least one of their rules judged the document): the overall score is over these.</summary>
    public int CategoriesScored => Organization.Categories.Count(c => c.Scored);

    /// <summary>How many catalog categories there are.</summary>
    public int CategoriesTotal => Organization.Categories.Count;
}

/// <summary>
/// The Vertrieb-4.0 score (docs/score.md): per category <c>100 · C / (C + P) · 1 / (1 + X / 5)</c>. <c>X</c> is the
/// weighted exposure — Σ weight × share of the people each rule that reaches people touches; <c>C</c> counts the
/// clean entities of the kinds the rules that reach no people judge, and <c>P</c> sums those rules' weights. When
/// 40 % or more of the people are under an error of the category, it scores at most 50. A document that lists no
/// people is scored by structures only (<c>X</c> = 0, every rule in <c>C</c>/<c>P</c>). A clean organisation scores
/// 100; a finding never raises a score.
/// </summary>
internal static class VertriebScore
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

    /// <summary>The share of people under an error at which a category's score is capped (docs/score.md).</summary>
    public const double CeilingShare = 0.4;

    /// <summary>The highest score of a category with <see cref="CeilingShare"/> or more of its people under an error.</summary>
    public const int Ceiling = 50;

    /// <summary>
    /// The score of an outline and its diagnostics (diagnostics that do not count are ignored). Without
    /// <paramref name="exposure"/> (or when it counts no people) every finding counts as a structure finding.
    /// </summary>
    public static OrganizationScore Compute(OrganizationOutline outline, IEnumerable<Diagnostic> diagnostics, ScoreWeights? weights = null,
        Exposure? exposure = null, IReadOnlyCollection<string>? leftOutRules = null)
    {
        ArgumentNullException.ThrowIfNull(outline);
        ArgumentNullException.ThrowIfNull(diagnostics);
        weights ??= ScoreWeights.Default;
        var leftOut = new HashSet<string>(leftOutRules ?? Array.Empty<string>(), StringComparer.Ordinal);
        var n = outline.Units.Count;
        var k = Categories.Count;
        // People mode: the document lists people, so rules that reach people count by exposure.
        var byPeople = exposure is { PeopleTotal: > 0 };
        var unitsByPeople = byPeople && exposure!.UnitCount == n;
        // Index k holds the overall values; index n holds the whole organisation.
        var clean = new int[n + 1, k + 1];
        var penalty = new double[n + 1, k + 1];
        var findings = new int[n + 1, k + 1];
        var tally = new int[n + 1, 3];
        var stamp = new int[n];
        var stampId = 0;

        // A category none of whose catalog rules judged the document is not scored (coverage): nothing of it counts,
        // not even the clean entities of its kinds, so that it neither shows 100 nor lifts the overall score.
        var scored = new bool[k];
        var rulesTotal = new int[k];
        var rulesChecked = new int[k];
        foreach (var id in RuleReach.CatalogRules)
        {
            var c = IndexOf(RuleReach.CategoryOf(id) ?? "");
            if (c < 0) continue;
            rulesTotal[c]++;
            if (!leftOut.Contains(id)) rulesChecked[c]++;
        }
        for (var c = 0; c < k; c++) scored[c] = rulesChecked[c] > 0;
        var withCoverage = leftOutRules != null;

        var counted = diagnostics.Where(d => Counts(d) && !leftOut.Contains(d.Id)).ToList();
        var dirty = new HashSet<(string, string)>();
        foreach (var d in counted)
            if (d.Location.EntityKind != null && d.Location.EntityId != null) dirty.Add((d.Location.EntityKind, d.Location.EntityId));

        var kindCategories = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var c = 0; c < k; c++)
            foreach (var kind in !scored[c] ? Array.Empty<string>() : byPeople ? StructureKinds(Categories[c], leftOut) : CheckedKinds[Categories[c]])
            {
                if (!kindCategories.TryGetValue(kind, out var list)) kindCategories[kind] = list = new List<int>();
                list.Add(c);
            }

        // Penalties are kept as counts per weight class — a (category, weight) pair, in a fixed order — and
        // summed as count × weight only at the end. Integer counts add up exactly in any order, so the findings
        // that share a unit list can be rolled up once per list (below) without changing a sum: the result depends
        // on which findings there are, never on their order. With the documented integer weights every value is
        // the same as adding the weights one by one (all exact below 2^53).
        var classOf = new Dictionary<(int Category, double Weight), int>();
        var findingClass = new int[counted.Count];
        var findingCategory = new int[counted.Count];
        var peopleRules = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < counted.Count; i++)
        {
            var d = counted[i];
            var c = IndexOf(d.Descriptor.Category);
            var reachesPeople = byPeople && RuleReach.Of(d) == ReachKind.People;
            if (reachesPeople) peopleRules.Add(d.Id);
            var w = reachesPeople ? 0 : weights.For(d.Id, d.Severity);
            findingCategory[i] = c;
            findingClass[i] = -1;
            if (w != 0) classOf.TryAdd((c, w), 0);
        }
        var classes = classOf.Keys.OrderBy(x => x.Category).ThenBy(x => x.Weight).ToArray();
        for (var j = 0; j < classes.Length; j++) classOf[classes[j]] = j;
        for (var i = 0; i < counted.Count; i++)
        {
            var d = counted[i];
            var w = byPeople && RuleReach.Of(d) == ReachKind.People ? 0 : weights.For(d.Id, d.Severity);
            if (w != 0) findingClass[i] = classOf[(findingCategory[i], w)];
        }
        var m = classes.Length;
        // Per unit (index n: the whole organisation): clean entities and findings per category (k: overall),
        // findings per weight class, findings per severity — all counts.
        const int S = 3;
        var width = (k + 1) + (k + 1) + m + S;
        int cleanAt = 0, findingsAt = k + 1, classAt = 2 * (k + 1), tallyAt = 2 * (k + 1) + m;
        var own = new int[(n + 1) * width];
        var below = new int[n * width];

        // A value belongs to each unit that is or contains one of the entity's units, counted once per unit, and
        // to the whole organisation. Walking the ancestor chain for every finding was quadratic in the depth (a
        // 40,000-unit chain with a finding per unit: a minute), so a value that belongs to ONE unit of the tree is
        // added there only (`below`) and a single pass from the leaves up passes it on to every ancestor. Values of
        // several units walk their ancestor chains (stamped: each unit once) — once per distinct unit list, with the
        // values of every entity and finding that share the list added up first: the practices scoped to one role
        // share that role's unit list (tens of thousands of units at a million people), and walking it again for
        // each of their findings made 5.6 million unit visits at 1M.
        var order = outline.Preorder;
        var inTree = new bool[n];
        foreach (var u in order) inTree[u] = true;
        long walked = 0;
        // Groups by unit list (by reference: the practices scoped to one role share the role's list); a practice
        // with a few units outside its role's list (a chair's unit) joins the role's group and keeps those values
        // of its own as well, for the units only its outside units reach.
        var groups = new Dictionary<IReadOnlyList<int>, (int[] Values, List<(int[] Outside, int[] Values)> Extras)>(ReferenceEqualityComparer.Instance);
        var groupOrder = new List<IReadOnlyList<int>>();
        var extraValues = new Dictionary<SharedUnitList, int[]>(ReferenceEqualityComparer.Instance);
        (int[] Group, int[]? Own) GroupOf(IReadOnlyList<int> units)
        {
            IReadOnlyList<int> key = units is SharedUnitList shared ? shared.Shared : units;
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = (new int[width], new List<(int[], int[])>());
                groupOrder.Add(key);
            }
            if (units is not SharedUnitList withOutside) return (group.Values, null);
            if (!extraValues.TryGetValue(withOutside, out var values))
            {
                extraValues[withOutside] = values = new int[width];
                group.Extras.Add((withOutside.Outside, values));
            }
            return (group.Values, values);
        }
        static void Count((int[] Group, int[]? Own) target, int at)
        {
            target.Group[at]++;
            if (target.Own != null) target.Own[at]++;
        }

        foreach (var e in outline.Entities)
        {
            if (dirty.Contains((e.Kind, e.Id))) continue;
            if (!kindCategories.TryGetValue(e.Kind, out var cats)) continue;
            var target = GroupOf(e.Units);
            foreach (var c in cats) Count(target, cleanAt + c);
            Count(target, cleanAt + k);
        }
        for (var i = 0; i < counted.Count; i++)
        {
            var d = counted[i];
            var target = GroupOf(outline.UnitsOf(d));
            Count(target, findingsAt + findingCategory[i]);
            Count(target, findingsAt + k);
            if (findingClass[i] >= 0) Count(target, classAt + findingClass[i]);
            Count(target, tallyAt + (d.Severity == DiagnosticSeverity.Error ? 0 : d.Severity == DiagnosticSeverity.Warning ? 1 : 2));
        }

        static void Add(int[] target, int at, int[] values)
        {
            for (var x = 0; x < values.Length; x++) target[at + x] += values[x];
        }

        var mark = new int[n];
        var markId = 0;
        foreach (var units in groupOrder)
        {
            var (values, extras) = groups[units];
            Add(own, n * width, values);
            if (extras.Count == 0 && units.Count == 1 && units[0] >= 0 && units[0] < n && inTree[units[0]])
            {
                Add(below, units[0] * width, values);
                walked++;
                continue;
            }
            stampId++;
            foreach (var start in units)
                for (var x = start; x >= 0 && x < n && stamp[x] != stampId; x = outline.Units[x].ParentIndex)
                {
                    stamp[x] = stampId;
                    walked++;
                    Add(own, x * width, values);
                }
            // A practice's outside units: up to the first unit its role's list already reached (all above it did too).
            foreach (var (outside, ownValues) in extras)
            {
                markId++;
                foreach (var start in outside)
                    for (var x = start; x >= 0 && x < n && stamp[x] != stampId && mark[x] != markId; x = outline.Units[x].ParentIndex)
                    {
                        mark[x] = markId;
                        walked++;
                        Add(own, x * width, ownValues);
                    }
            }
        }

        // Leaves up: each unit passes what lies below it to its parent, then takes it as its own.
        for (var i = order.Length - 1; i >= 0; i--)
        {
            var u = order[i];
            var parent = outline.Units[u].ParentIndex;
            for (var x = 0; x < width; x++)
            {
                if (parent >= 0 && parent < n) below[parent * width + x] += below[u * width + x];
                own[u * width + x] += below[u * width + x];
            }
        }
        LastUnitVisits = walked;

        for (var u = 0; u <= n; u++)
        {
            var at = u * width;
            for (var c = 0; c <= k; c++)
            {
                clean[u, c] = own[at + cleanAt + c];
                findings[u, c] = own[at + findingsAt + c];
            }
            // The sums in the fixed class order: count × weight, one rounding each (none for integer weights).
            for (var j = 0; j < m; j++)
            {
                var count = own[at + classAt + j];
                if (count == 0) continue;
                var p = count * classes[j].Weight;
                penalty[u, classes[j].Category] += p;
                penalty[u, k] += p;
            }
            for (var s = 0; s < S; s++) tally[u, s] = own[at + tallyAt + s];
        }

        // The people part: per rule that reaches people (and still has a counted finding), weight × people.
        var people = new int[n + 1];
        var weighted = new double[n + 1, k + 1];
        var underError = new int[n + 1, k + 1];
        if (byPeople)
        {
            var rules = exposure!.Rules;
            people[n] = exposure.PeopleTotal;
            for (var r = 0; r < rules.Count; r++)
            {
                if (!peopleRules.Contains(rules[r].RuleId)) continue;
                var c = IndexOf(rules[r].Category);
                if (c < 0) continue;
                var w = weights.For(rules[r].RuleId, rules[r].Severity);
                weighted[n, c] += w * rules[r].People;
                weighted[n, k] += w * rules[r].People;
                if (!unitsByPeople) continue;
                for (var u = 0; u < n; u++)
                {
                    var reached = exposure.Count(u, r);
                    weighted[u, c] += w * reached;
                    weighted[u, k] += w * reached;
                }
            }
            for (var c = 0; c <= k; c++)
            {
                underError[n, c] = exposure.Categories[c].PeopleUnderError;
                if (!unitsByPeople) continue;
                for (var u = 0; u < n; u++) underError[u, c] = exposure.Count(u, rules.Count + 2 * c + 1);
            }
            if (unitsByPeople)
                for (var u = 0; u < n; u++) people[u] = exposure.UnitPeople(u);
        }

        ScoreCard Card(int u)
        {
            var categories = new CategoryScore[k];
            for (var c = 0; c < k; c++)
                categories[c] = Score(Categories[c], clean[u, c], penalty[u, c], findings[u, c], people[u], weighted[u, c], underError[u, c], weights.HalvingExposure,
                    scored[c], withCoverage ? rulesChecked[c] : null, withCoverage ? rulesTotal[c] : null);
            return new ScoreCard(Score(Overall, clean[u, k], penalty[u, k], findings[u, k], people[u], weighted[u, k], underError[u, k], weights.HalvingExposure),
                categories, new SeverityTally(tally[u, 0], tally[u, 1], tally[u, 2]));
        }

        var unitScores = new UnitScore[n];
        for (var u = 0; u < n; u++) unitScores[u] = new UnitScore(outline.Units[u], Card(u));
        return new OrganizationScore(Card(n), unitScores);
    }

    // Units visited by the last Compute on this thread (a test counts them to prove the work is linear in depth).
    [ThreadStatic] internal static long LastUnitVisits;

    /// <summary>The score over several files (or organisations): the same formula over the summed counts and people.</summary>
    public static ScoreCard Combine(IReadOnlyList<ScoreCard> cards, ScoreWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(cards);
        var halving = (weights ?? ScoreWeights.Default).HalvingExposure;
        CategoryScore Sum(string name, Func<ScoreCard, CategoryScore> pick)
            => Score(name, cards.Sum(c => pick(c).CleanEntities), cards.Sum(c => pick(c).Penalty), cards.Sum(c => pick(c).Findings),
                cards.Sum(c => pick(c).People), cards.Sum(c => pick(c).WeightedPeople), cards.Sum(c => pick(c).PeopleUnderError), halving);
        // A category is scored over several files when it was scored in at least one of them.
        var categories = Categories.Select(name => Sum(name, c => c[name]) with { Scored = cards.Count == 0 || cards.Any(c => c[name].Scored) }).ToArray();
        var counts = new SeverityTally(cards.Sum(c => c.Counts.Errors), cards.Sum(c => c.Counts.Warnings), cards.Sum(c => c.Counts.Infos));
        return new ScoreCard(Sum(Overall, c => c.Overall), categories, counts);
    }

    /// <summary>
    /// The kinds of entity the rules of <paramref name="category"/> that reach no people judge (those not left out):
    /// the size of "what was checked" for the structure part when the document lists people.
    /// </summary>
    public static IReadOnlyList<string> StructureKinds(string category, IReadOnlyCollection<string>? leftOutRules = null)
        => RuleReach.CatalogRules
            .Where(id => RuleReach.CategoryOf(id) == category && RuleReach.Of(id, null) == ReachKind.Structure && leftOutRules?.Contains(id) != true)
            .Select(id => RuleReach.JudgedKind(id)!)
            .Distinct().OrderBy(x => x, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The formula (docs/score.md): <c>100 · C' / (C' + P) · 1 / (1 + X / h)</c> (<c>C' = C + 1</c> with people, else <c>C</c>) with <c>X</c> =
    /// <paramref name="weightedPeople"/> / <paramref name="people"/>; at most 99 with any finding; at most 50 when
    /// <paramref name="peopleUnderError"/> is 40 % of <paramref name="people"/> or more.
    /// </summary>
    public static CategoryScore Score(string category, int cleanEntities, double penalty, int findings,
        int people = 0, double weightedPeople = 0, int peopleUnderError = 0, double halvingExposure = 5)
        => Score(category, cleanEntities, penalty, findings, people, weightedPeople, peopleUnderError, halvingExposure, true, null, null);

    // The formula with the coverage fields set at once (a copy per category and unit through `with` doubled the
    // score's allocations at a million people).
    private static CategoryScore Score(string category, int cleanEntities, double penalty, int findings,
        int people, double weightedPeople, int peopleUnderError, double halvingExposure, bool scored, int? rulesChecked, int? rulesTotal)
    {
        // With people, the structure part counts only the few kinds the structure rules judge (often one offering,
        // two hand-overs): one more clean structure is granted, so that a finding on the only structure of its kind
        // does not zero the whole category. Without people the formula is the one before exposure, unchanged.
        var granted = people > 0 ? 1 : 0;
        var structure = penalty <= 0 ? 1.0 : (cleanEntities + granted) / (cleanEntities + granted + penalty);
        var exposure = people > 0 ? weightedPeople / people : 0;
        var exact = 100.0 * structure / (1 + exposure / Math.Max(halvingExposure, 1e-9));
        // Integer comparison: 40 % exactly is capped, whatever the floating point says.
        var capped = people > 0 && peopleUnderError * 10L >= people * 4L && peopleUnderError > 0;
        if (capped) exact = Math.Min(exact, Ceiling);
        // Rounded down, so that an organisation with findings never shows 100.
        var nothing = penalty <= 0 && weightedPeople <= 0 && findings == 0;
        var score = nothing ? 100 : Math.Min(99, (int)Math.Floor(exact));
        if (nothing) exact = 100;
        return new CategoryScore(category, score, exact, cleanEntities, penalty, findings)
        {
            People = people,
            WeightedPeople = weightedPeople,
            PeopleUnderError = peopleUnderError,
            Capped = capped,
            Scored = scored,
            RulesChecked = rulesChecked,
            RulesTotal = rulesTotal,
        };
    }

    private static int IndexOf(string category)
    {
        for (var i = 0; i < Categories.Count; i++) if (Categories[i] == category) return i;
        return -1;
    }
}
