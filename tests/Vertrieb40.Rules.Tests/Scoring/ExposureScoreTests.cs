using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Newtonsoft.Json.Linq;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Tests.Infrastructure;
using Vertrieb40.Rules.Tests.Reference;

namespace Vertrieb40.Rules.Tests.Scoring;

/// <summary>The score counts people (docs/score.md): exposure × weight, the 40 % ceiling, independence of clean units.</summary>
public class ExposureScoreTests
{
    private const string Eff = DiagnosticCategories.Effectiveness;

    /// <summary>
    /// An organisation of clean teams (every member holds two roles, every role two holders, a shared goal,
    /// direct customer contact): a company with one person and <paramref name="teamSizes"/>; the people
    /// <c>p0…</c> numbered across the teams. <paramref name="commission"/> lists who is paid commission (by id,
    /// so that the same people can be split into other teams); <paramref name="fixedPlans"/> clean pay plans.
    /// </summary>
    internal static string Org(IReadOnlyList<int> teamSizes, IEnumerable<int> commission, int fixedPlans = 0, string? commissionUnits = null)
    {
        var sb = new StringBuilder();
        sb.Append("""{ "schemaVersion": "1.0", "units": [ { "id": "co", "kind": "company", "function": "management", "customerContact": "direct", "sharedGoal": true }""");
        for (var t = 0; t < teamSizes.Count; t++)
            sb.Append($$""", { "id": "t{{t}}", "kind": "team", "function": "crossFunctional", "parentId": "co", "customerContact": "direct", "sharedGoal": true }""");
        sb.Append("""], "roles": [ { "id": "r1", "function": "crossFunctional" }, { "id": "r2", "function": "crossFunctional" } ], "people": [ { "id": "ceo", "unitId": "co", "roleIds": ["r1", "r2"] }""");
        var p = 0;
        for (var t = 0; t < teamSizes.Count; t++)
            for (var i = 0; i < teamSizes[t]; i++)
                sb.Append($$""", { "id": "p{{p++}}", "unitId": "t{{t}}", "roleIds": ["r1", "r2"] }""");
        sb.Append("""], "incentivePlans": [ { "id": "salary", "type": "fixed", "level": "individual", "participants": { "everyone": true } }""");
        for (var i = 0; i < fixedPlans; i++)
            sb.Append($$""", { "id": "fix{{i}}", "type": "fixed", "level": "individual", "participants": { "unitIds": ["t{{i % Math.Max(1, teamSizes.Count)}}"] } }""");
        var ids = commission.Select(i => "\"p" + i + "\"").ToList();
        if (ids.Count > 0 || commissionUnits != null)
            sb.Append($$""", { "id": "commission", "type": "commission", "level": "individual", "metric": "revenue", "participants": { {{(commissionUnits ?? "\"personIds\": [" + string.Join(",", ids) + "]")}} } }""");
        sb.Append("] }");
        return sb.ToString();
    }

    private static OrganizationScore Score(string json)
    {
        var load = TestOrg.Read(json);
        Assert.False(load.HasErrors, string.Join("; ", load.Diagnostics));
        return OrganizationAnalyzer.Default.Analyze(load).Score()!;
    }

    [Fact]
    public void The_example_of_the_issue_2001_people_1400_on_commission_and_5000_fixed_plans()
    {
        // 2,001 people in 200 teams of 10 (plus one person in the company), 1,400 of them (140 teams) paid individual
        // commission, 5,000 fixed-pay plans. Counted by structures it scored 99 — "a clean unit more does not make a
        // commission less harmful".
        var teams = Enumerable.Repeat(10, 200).ToArray();
        var units = "\"unitIds\": [" + string.Join(",", Enumerable.Range(0, 140).Select(t => "\"t" + t + "\"")) + "]";
        var load = TestOrg.Read(Org(teams, Array.Empty<int>(), fixedPlans: 5000, commissionUnits: units));
        var result = OrganizationAnalyzer.Default.Analyze(load);
        Assert.Equal(2001, result.Exposure!.PeopleTotal);
        var vt3001 = Assert.Single(result.Exposure.Rules, r => r.RuleId == "VT3001");
        Assert.Equal(1400, vt3001.People);
        Assert.Equal(2000, result.Exposure.PeopleInTeamsMeetingConditions);

        var old = VertriebScore.Compute(result.Outline!, result.Diagnostics); // structures only, the formula before exposure
        var now = result.Score()!;
        Assert.Equal(99, old.Organization[Eff].Score);
        // X = 10 × 1400 / 2001 = 7.0; 100 / (1 + 7.0 / 5) = 41.7 → 41 (below the ceiling of 50 that 70 % under an error sets).
        Assert.Equal(41, now.Organization[Eff].Score);
        Assert.True(now.Organization[Eff].Capped);
        Assert.True(now.Organization.Overall.Score <= 50);
        // The commission's teams score low on their own, the others are untouched.
        Assert.All(now.Units.Where(u => u.Unit.Id is "t0" or "t139"), u => Assert.True(u.Card[Eff].Score <= 50));
        Assert.All(now.Units.Where(u => u.Unit.Id is "t140" or "t199"), u => Assert.Equal(100, u.Card[Eff].Score));
    }

    [Fact]
    public void Below_the_ceiling_the_score_follows_the_weighted_exposure()
    {
        // 10 of 101 people on commission: X = 10 × 10/101; score = 100 / (1 + X / 5).
        var score = Score(Org(new[] { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 }, Enumerable.Range(0, 10)));
        var expected = (int)Math.Floor(100 / (1 + 10.0 * 10 / 101 / 5));
        Assert.Equal(expected, score.Organization[Eff].Score);
        Assert.False(score.Organization[Eff].Capped);
        Assert.Equal(100, score.Organization[DiagnosticCategories.Team].Score);
    }

    [Property(MaxTest = 40)]
    public Property Raising_the_share_of_people_under_a_finding_never_raises_the_score(PositiveInt teams, PositiveInt size, int a, int b)
    {
        var sizes = Enumerable.Repeat(Math.Min(size.Get, 8) + 1, Math.Min(teams.Get, 8)).ToArray();
        var total = sizes.Sum();
        int lo = Math.Min(Math.Abs(a % (total + 1)), Math.Abs(b % (total + 1))), hi = Math.Max(Math.Abs(a % (total + 1)), Math.Abs(b % (total + 1)));
        var fewer = Score(Org(sizes, Enumerable.Range(0, lo)));
        var more = Score(Org(sizes, Enumerable.Range(0, hi)));
        return (more.Organization.Overall.Score <= fewer.Organization.Overall.Score
                && more.Organization[Eff].Score <= fewer.Organization[Eff].Score
                && more.Units.Zip(fewer.Units).All(x => x.First.Card[Eff].Score <= x.Second.Card[Eff].Score))
            .Label($"{lo} → {hi} of {total}: {fewer.Organization[Eff].Score} → {more.Organization[Eff].Score}");
    }

    [Property(MaxTest = 40)]
    public Property The_score_does_not_depend_on_how_many_clean_units_the_same_people_are_split_into(PositiveInt people, PositiveInt splitA, PositiveInt splitB, int onCommission)
    {
        var n = Math.Min(people.Get, 60) + 4;
        int[] Split(int parts)
        {
            parts = Math.Clamp(parts, 1, n / 2); // teams of at least two: every role has two holders
            var sizes = Enumerable.Repeat(n / parts, parts).ToArray();
            sizes[^1] += n - sizes.Sum();
            return sizes;
        }
        var commission = Enumerable.Range(0, Math.Abs(onCommission % (n + 1))).ToArray();
        var a = Score(Org(Split(splitA.Get), commission));
        var b = Score(Org(Split(splitB.Get), commission));
        return (a.Organization.Overall == b.Organization.Overall
                && a.Organization.Categories.SequenceEqual(b.Organization.Categories))
            .Label($"{Split(splitA.Get).Length} vs {Split(splitB.Get).Length} teams: {a.Organization[Eff]} vs {b.Organization[Eff]}");
    }

    [Property(MaxTest = 200)]
    public Property A_category_with_40_percent_of_its_people_under_an_error_scores_at_most_50(int seed)
    {
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(RandomOrganization.Json(seed)));
        var score = result.Score()!;
        var exposure = result.Exposure!;
        var problems = new List<string>();
        void Check(string where, ScoreCard card, Func<string, CategoryExposure> of)
        {
            foreach (var c in VertriebScore.Categories.Append(VertriebScore.Overall))
            {
                var e = of(c);
                var s = c == VertriebScore.Overall ? card.Overall : card[c];
                if (e.People > 0 && e.PeopleUnderError * 10 >= 4 * (s.People) && e.PeopleUnderError > 0 && s.Score > 50)
                    problems.Add($"{where} {c}: {e.PeopleUnderError}/{s.People} under an error, score {s.Score}");
            }
        }
        Check("organisation", score.Organization, exposure.Category);
        foreach (var u in score.Units)
        {
            var ue = exposure.Unit(u.Unit.Index);
            Check(u.Unit.Id, u.Card, c => ue.Categories.First(x => x.Category == c));
        }
        return (problems.Count == 0).Label(string.Join("; ", problems));
    }

    [Property(MaxTest = 100)]
    public Property Adding_a_commission_plan_never_raises_a_score_of_a_random_organisation(int seed, int scopeSeed)
    {
        var json = RandomOrganization.Json(seed);
        var before = TestOrg.Analyze(json).Score()!;
        var doc = JObject.Parse(json);
        var r = new Random(scopeSeed);
        var units = ((JArray?)doc["units"])?.Select(u => (string)u["id"]!).ToList() ?? new List<string>();
        var roles = ((JArray?)doc["roles"])?.Select(u => (string)u["id"]!).ToList() ?? new List<string>();
        var scope = new JObject();
        if (r.Next(5) == 0) scope["everyone"] = true;
        if (units.Count > 0 && r.Next(2) == 0) scope["unitIds"] = new JArray(units.Where(_ => r.Next(3) == 0).Distinct().ToArray());
        if (roles.Count > 0 && r.Next(2) == 0) scope["roleIds"] = new JArray(roles.Where(_ => r.Next(3) == 0).Distinct().ToArray());
        var plans = (JArray?)doc["incentivePlans"] ?? new JArray();
        plans.Add(new JObject { ["id"] = "ip-added", ["type"] = "commission", ["level"] = "individual", ["metric"] = "revenue", ["participants"] = scope });
        doc["incentivePlans"] = plans;
        var after = TestOrg.Analyze(doc.ToString()).Score()!;
        var worse = new List<string>();
        void Compare(string where, ScoreCard x, ScoreCard y)
        {
            if (y.Overall.Score > x.Overall.Score) worse.Add(where + " overall");
            foreach (var c in VertriebScore.Categories) if (y[c].Score > x[c].Score) worse.Add($"{where} {c} {x[c].Score} → {y[c].Score}");
        }
        Compare("organisation", before.Organization, after.Organization);
        foreach (var (x, y) in before.Units.Zip(after.Units)) Compare(x.Unit.Id, x.Card, y.Card);
        return (worse.Count == 0).Label($"seed {seed}/{scopeSeed}: " + string.Join("; ", worse));
    }

    [Fact]
    public void One_weight_table_severity_times_principle_factor()
    {
        var weights = ScoreWeights.Default with { PrincipleFactors = new Dictionary<string, double> { ["VT3001"] = 2 } };
        Assert.Equal(20, weights.For("VT3001", DiagnosticSeverity.Error));
        Assert.Equal(3, weights.For("VT1010", DiagnosticSeverity.Warning));
        Assert.Equal(0, weights.For("VT1010", DiagnosticSeverity.Hidden));
        // A larger factor lowers the score (10 of 101 people under commission).
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(Org(new[] { 50, 50 }, Enumerable.Range(0, 10))));
        Assert.True(result.Score(weights)!.Organization[Eff].Score < result.Score()!.Organization[Eff].Score);
    }

    [Fact]
    public void Rules_that_could_not_check_are_left_out()
    {
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read(Org(new[] { 5, 5 }, Enumerable.Range(0, 8))));
        Assert.True(result.Score()!.Organization[Eff].Score < 100);
        Assert.Equal(100, result.Score(leftOutRules: new[] { "VT3001" })!.Organization[Eff].Score);
    }

    [Fact]
    public void A_document_without_people_is_scored_by_structures_as_before()
    {
        var json = TestOrg.Doc("""
            "units": [ { "id": "co", "kind": "company" } ],
            "incentivePlans": [ { "id": "c", "type": "commission", "level": "individual", "metric": "revenue", "participants": { "everyone": true } },
                                { "id": "f", "type": "fixed", "level": "individual", "participants": { "everyone": true } } ]
            """);
        var result = TestOrg.Analyze(json);
        Assert.Equal(0, result.Exposure!.PeopleTotal);
        var score = result.Score()!;
        // The same score as the structures-only formula; only the coverage counts (rules checked) are added.
        Assert.Equal(VertriebScore.Compute(result.Outline!, result.Diagnostics).Organization[Eff],
            score.Organization[Eff] with { RulesChecked = null, RulesTotal = null });
        Assert.True(score.Organization[Eff].Score < 100);
    }
}
