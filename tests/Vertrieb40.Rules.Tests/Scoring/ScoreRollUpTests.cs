using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Analysis.Facts;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Scoring;

/// <summary>
/// Issue 14: the score is computed once per analysis, its roll-up groups the findings and entities that share a unit
/// list (a role's units) instead of walking the list for each, and the penalties are exact counts per weight class —
/// so neither the grouping nor the order of the findings changes any value.
/// </summary>
public class ScoreRollUpTests
{
    private static readonly string[] Kinds = { "units", "roles", "meetings", "targets", "incentivePlans", "handoffs", "forecasts" };

    private static readonly DiagnosticDescriptor[] Rules =
    {
        ScoreTests.TeamRule, ScoreTests.DigitalRule, ScoreTests.EffectRule,
        new("TS1002", "Team test finding 2", "Team test finding {0}.", DiagnosticCategories.Team, DiagnosticSeverity.Error, true),
    };

    // Non-integer factors: the case where adding weights in another order could change the last bit of a sum.
    private static readonly ScoreWeights OddWeights = new(Error: 10, Warning: 3, Info: 1)
    {
        PrincipleFactors = new Dictionary<string, double>(StringComparer.Ordinal) { ["TS1001"] = 0.1, ["TS2001"] = 0.7, ["TS3001"] = 1.3 },
    };

    /// <summary>
    /// A random tree, one role's sorted unit list, and practices that use exactly that list, the list plus a few
    /// units of their own (<see cref="SharedUnitList"/>), or a list of their own; findings on random entities.
    /// Returns the outline twice: with the shared lists, and with every list a plain array of its own.
    /// </summary>
    private static (OrganizationOutline Shared, OrganizationOutline Plain, List<Diagnostic> Findings) Generate(int seed)
    {
        var random = new Random(seed);
        var n = random.Next(1, 40);
        var units = new List<OutlineUnit>();
        for (var i = 0; i < n; i++)
        {
            var parent = i == 0 || random.Next(8) == 0 ? -1 : random.Next(i);
            units.Add(new OutlineUnit(i, "u" + i, "Unit " + i, UnitKind.Team, BusinessFunction.Sales, parent, parent < 0 ? 0 : units[parent].Depth + 1, 5, 5));
        }
        var role = Enumerable.Range(0, n).Where(_ => random.Next(3) == 0).ToArray();
        if (role.Length == 0) role = new[] { random.Next(n) };
        var shared = new List<OutlineEntity>();
        var plain = new List<OutlineEntity>();
        for (var i = 0; i < n; i++)
        {
            shared.Add(new OutlineEntity("units", "u" + i, new[] { i }));
            plain.Add(new OutlineEntity("units", "u" + i, new[] { i }));
        }
        var practices = random.Next(0, 30);
        for (var i = 0; i < practices; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            IReadOnlyList<int> list;
            switch (random.Next(3))
            {
                case 0:
                    list = role;
                    break;
                case 1:
                    var outside = Enumerable.Range(0, n).Where(u => Array.IndexOf(role, u) < 0 && random.Next(6) == 0).ToArray();
                    list = outside.Length == 0 ? role : new SharedUnitList(role, outside);
                    break;
                default:
                    list = Enumerable.Range(0, n).Where(_ => random.Next(4) == 0).DefaultIfEmpty(random.Next(n)).ToArray();
                    break;
            }
            shared.Add(new OutlineEntity(kind, "e" + i, list));
            plain.Add(new OutlineEntity(kind, "e" + i, list.ToArray()));
        }
        var findings = new List<Diagnostic>();
        var count = random.Next(0, 60);
        for (var i = 0; i < count; i++)
        {
            var e = shared[random.Next(shared.Count)];
            findings.Add(ScoreTests.Finding(Rules[random.Next(Rules.Length)], e.Kind, e.Id, (DiagnosticSeverity)(1 + random.Next(3))));
        }
        return (new OrganizationOutline("Generated", units, shared), new OrganizationOutline("Generated", units.Select(u => u with { }).ToList(), plain), findings);
    }

    private static IEnumerable<string> Values(OrganizationScore score)
    {
        static string Card(ScoreCard c) => string.Join(";", c.Categories.Prepend(c.Overall).Select(x =>
            FormattableString.Invariant($"{x.Category}:{x.Score}:{x.Exact:R}:{x.CleanEntities}:{x.Penalty:R}:{x.Findings}"))) + $"|{c.Counts}";
        yield return Card(score.Organization);
        foreach (var u in score.Units) yield return u.Unit.Id + " " + Card(u.Card);
    }

    [Property(MaxTest = 300)]
    public bool Shared_unit_lists_score_as_their_plain_copies(int seed)
    {
        var (shared, plain, findings) = Generate(seed);
        return Values(VertriebScore.Compute(shared, findings, OddWeights)).SequenceEqual(Values(VertriebScore.Compute(plain, findings, OddWeights)))
            && Values(VertriebScore.Compute(shared, findings)).SequenceEqual(Values(VertriebScore.Compute(plain, findings)));
    }

    [Property(MaxTest = 300)]
    public bool The_order_of_the_findings_changes_no_value(int seed)
    {
        var (shared, _, findings) = Generate(seed);
        var random = new Random(seed ^ 0x5eed);
        var shuffled = findings.OrderBy(_ => random.Next()).ToList();
        return Values(VertriebScore.Compute(shared, findings, OddWeights)).SequenceEqual(Values(VertriebScore.Compute(shared, shuffled, OddWeights)));
    }

    [Fact]
    public void A_shared_unit_list_reads_as_one_sorted_list()
    {
        var list = new SharedUnitList(new[] { 1, 4, 6 }, new[] { 0, 5, 9 });
        Assert.Equal(new[] { 0, 1, 4, 5, 6, 9 }, list.ToArray());
        Assert.Equal(6, list.Count);
        Assert.Equal(5, list[3]);
        Assert.Equal(new[] { 0, 1, 4, 5, 6, 9 }, list.ToArray()); // after the indexer merged it
    }

    [Fact]
    public void The_analysis_computes_the_score_once_and_every_caller_gets_it()
    {
        var result = TestOrg.Analyze(File.ReadAllText(SeedPaths.Classic));
        var first = result.Score();
        Assert.NotNull(first);
        Assert.Same(first, result.Score());
        Assert.Same(first, result.Score(ScoreWeights.Default));
        // Other weights are computed (and give the same values when they weigh the same).
        var other = result.Score(new ScoreWeights());
        Assert.NotSame(first, other);
        Assert.Equal(Values(first!), Values(other!));
    }

    [Fact]
    public void Team_role_staffing_is_one_fact_per_team_with_its_roles_in_document_order()
    {
        var json = TestOrg.Doc("""
  "units": [ { "id": "t1", "kind": "team" }, { "id": "d", "kind": "department" }, { "id": "t2", "kind": "team" }, { "id": "t3", "kind": "team" } ],
  "roles": [ { "id": "r-a" }, { "id": "r-b" }, { "id": "r-c" } ],
  "people": [
    { "id": "p1", "unitId": "t1", "roleIds": ["r-c", "r-a", "r-c"] },
    { "id": "p2", "unitId": "t1", "roleIds": ["r-a"] },
    { "id": "p3", "unitId": "d", "roleIds": ["r-b"] },
    { "id": "p4", "unitId": "t2", "roleIds": ["r-b"] },
    { "id": "p5", "unitId": "t2" },
    { "id": "p6", "unitId": "t3" }
  ]
""");
        var load = TestOrg.Read(json);
        var facts = TeamRoleStaffing.Build(new SemanticModel(load.Organization!));
        Assert.Equal(new[] { "t1", "t2" }, facts.Select(f => f.Team.Id));
        Assert.Equal(new[] { ("r-a", 2), ("r-c", 1) }, facts[0].Roles.Select(r => (r.Role.Id, r.Holders)));
        Assert.Equal((2, 0, 1), (facts[0].Members, facts[0].MembersWithoutRoles, facts[0].FewestHolders));
        Assert.Equal(new[] { ("r-b", 1) }, facts[1].Roles.Select(r => (r.Role.Id, r.Holders)));
        Assert.Equal((2, 1), (facts[1].Members, facts[1].MembersWithoutRoles));
    }
}
