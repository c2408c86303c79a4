using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;

namespace Vertrieb40.Rules.Scoring;

/// <summary>How many distinct people the findings of one rule reach (the union over its findings, not the sum).</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="People">Distinct people under at least one counted finding of the rule.</param>
/// <param name="Share">People / the people of the organisation (or unit): 0–1.</param>
internal sealed record RuleExposure(string RuleId, int People, double Share)
{
    /// <summary>The rule's category (Team, Digitalisation, Effectiveness, or another category of a custom rule).</summary>
    public string Category { get; init; } = "";
    /// <summary>The highest effective severity among the rule's counted findings (it sets the rule's weight).</summary>
    public DiagnosticSeverity Severity { get; init; }
}

/// <summary>How many distinct people any finding of one category reaches.</summary>
/// <param name="Category">Team, Digitalisation, Effectiveness, or <see cref="VertriebScore.Overall"/> (any finding).</param>
/// <param name="People">Distinct people under at least one counted finding of the category.</param>
/// <param name="Share">People / the people of the organisation (or unit): 0–1.</param>
internal sealed record CategoryExposure(string Category, int People, double Share)
{
    /// <summary>Distinct people under at least one counted finding of the category with severity error.</summary>
    public int PeopleUnderError { get; init; }
    /// <summary><see cref="PeopleUnderError"/> as a share: 0–1.</summary>
    public double ErrorShare { get; init; }
}

/// <summary>The exposure of one unit and its sub-units (only for groups of at least the minimum group size).</summary>
/// <param name="UnitIndex">The unit's index (<see cref="OrganizationOutline.Units"/>).</param>
/// <param name="UnitId">The unit's id.</param>
/// <param name="People">People in the unit and its sub-units.</param>
/// <param name="Rules">Per rule that reaches people here, shares of <paramref name="People"/>.</param>
/// <param name="Categories">Team, Digitalisation, Effectiveness, then Overall.</param>
internal sealed record UnitExposure(int UnitIndex, string UnitId, int People, IReadOnlyList<RuleExposure> Rules, IReadOnlyList<CategoryExposure> Categories);

/// <summary>
/// Exposure: how many distinct people each anti-pattern touches (docs/score.md) — per rule, per category, per unit
/// subtree — and how many people work in teams that meet the team conditions. Counts only, never a list of persons.
/// Computed once per analysis from the counted findings (<see cref="VertriebScore.Counts"/>), in time linear in
/// the number of people (one bit per person and rule).
/// </summary>
internal sealed class Exposure
{
    private readonly string[] _unitIds;
    private readonly int[] _unitStart;  // by unit index: the first bit of the unit's subtree (-1: not in the tree)
    private readonly int[] _unitPeople; // by unit index: people in the subtree (a run of bits from _unitStart)
    private readonly ulong[][] _columns; // rules, then per category (any, error), then overall (any, error)

    internal Exposure(int peopleTotal, IReadOnlyList<RuleExposure> rules, IReadOnlyList<CategoryExposure> categories,
        int peopleInTeams, int peopleInTeamsMeetingConditions, string[] unitIds, int[] unitStart, int[] unitPeople, ulong[][] columns)
    {
        PeopleTotal = peopleTotal;
        Rules = rules;
        Categories = categories;
        PeopleInTeams = peopleInTeams;
        PeopleInTeamsMeetingConditions = peopleInTeamsMeetingConditions;
        _unitIds = unitIds;
        _unitStart = unitStart;
        _unitPeople = unitPeople;
        _columns = columns;
    }

    /// <summary>The people of the organisation.</summary>
    public int PeopleTotal { get; }

    /// <summary>The rules whose counted findings reach people, by rule id — with their distinct people (largest first is <see cref="Largest"/>).</summary>
    public IReadOnlyList<RuleExposure> Rules { get; }

    /// <summary>Team, Digitalisation, Effectiveness, then <see cref="VertriebScore.Overall"/> (people under any finding).</summary>
    public IReadOnlyList<CategoryExposure> Categories { get; }

    /// <summary>People whose unit is a team.</summary>
    public int PeopleInTeams { get; }

    /// <summary>
    /// People whose unit is a team that meets the team conditions: every member holds more than one role, every
    /// role held in the team has more than one holder, and the document shows interdependence (a stated shared
    /// goal, or a team- or unit-level target that reaches the team).
    /// </summary>
    public int PeopleInTeamsMeetingConditions { get; }

    /// <summary><see cref="PeopleInTeamsMeetingConditions"/> / <see cref="PeopleTotal"/> (0 when there are no people).</summary>
    public double TeamConditionsShare => PeopleTotal == 0 ? 0 : (double)PeopleInTeamsMeetingConditions / PeopleTotal;

    /// <summary>The rules reaching the most people, largest first (ties: by rule id).</summary>
    public IReadOnlyList<RuleExposure> Largest(int count)
        => Rules.Where(r => r.People > 0).OrderByDescending(r => r.People).ThenBy(r => r.RuleId, StringComparer.Ordinal).Take(count).ToList();

    /// <summary>
    /// The rules that reach people ranked by weight × people (the reports' ranking of actions; the same weight table
    /// as the score, <see cref="ScoreWeights.For"/>), largest first; ties by rule id.
    /// </summary>
    public IReadOnlyList<RuleExposure> RankedByWeight(ScoreWeights? weights = null)
    {
        weights ??= ScoreWeights.Default;
        return Rules.Where(r => r.People > 0).OrderByDescending(r => weights.For(r.RuleId, r.Severity) * r.People)
            .ThenBy(r => r.RuleId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The exposure of one category (or <see cref="VertriebScore.Overall"/>).</summary>
    public CategoryExposure Category(string category) => Categories.First(c => c.Category == category);

    /// <summary>
    /// The exposure of every unit (with its sub-units) of at least <paramref name="minimumGroupSize"/> people, in unit
    /// order; smaller groups get no figures of their own (privacy: their people are part of their parent's figures).
    /// </summary>
    public IReadOnlyList<UnitExposure> Units(int minimumGroupSize)
    {
        var list = new List<UnitExposure>();
        for (var u = 0; u < _unitIds.Length; u++)
            if (_unitPeople[u] >= Math.Max(1, minimumGroupSize)) list.Add(Unit(u));
        return list;
    }

    /// <summary>The exposure of one unit with its sub-units, by unit index (no privacy filter: callers that report it apply one).</summary>
    public UnitExposure Unit(int unitIndex)
    {
        var people = _unitPeople[unitIndex];
        double Share(int n) => people == 0 ? 0 : (double)n / people;
        var rules = new List<RuleExposure>();
        for (var r = 0; r < Rules.Count; r++)
        {
            var n = Count(unitIndex, r);
            if (n > 0) rules.Add(Rules[r] with { People = n, Share = Share(n) });
        }
        var categories = new List<CategoryExposure>();
        var k = VertriebScore.Categories.Count;
        for (var c = 0; c <= k; c++)
        {
            int any = Count(unitIndex, Rules.Count + 2 * c), error = Count(unitIndex, Rules.Count + 2 * c + 1);
            categories.Add(new CategoryExposure(c < k ? VertriebScore.Categories[c] : VertriebScore.Overall, any, Share(any))
            {
                PeopleUnderError = error,
                ErrorShare = Share(error),
            });
        }
        return new UnitExposure(unitIndex, _unitIds[unitIndex], people, rules, categories);
    }

    // The score reads the raw counts per unit (rule r; or column rules + 2c (+1 for error) per category c).
    internal int Count(int unitIndex, int column)
        => _unitStart[unitIndex] < 0 ? 0 : PeopleBits.CountRange(_columns[column], _unitStart[unitIndex], _unitStart[unitIndex] + _unitPeople[unitIndex]);

    internal int UnitPeople(int unitIndex) => _unitPeople[unitIndex];

    internal int UnitCount => _unitIds.Length;
}
