using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Vertrieb40.Rules.Analysis;
using Vertrieb40.Rules.Diagnostics;
using Vertrieb40.Rules.Model;
using Vertrieb40.Rules.Scoring;
using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Scoring;

public class ScoreTests
{
    internal static readonly DiagnosticDescriptor TeamRule = new("TS1001", "Team test finding", "Team test finding {0}.", DiagnosticCategories.Team, DiagnosticSeverity.Warning, true);
    internal static readonly DiagnosticDescriptor DigitalRule = new("TS2001", "Digital test finding", "Digital test finding {0}.", DiagnosticCategories.Digitalisation, DiagnosticSeverity.Info, true);
    internal static readonly DiagnosticDescriptor EffectRule = new("TS3001", "Effect test finding", "Effect test finding {0}.", DiagnosticCategories.Effectiveness, DiagnosticSeverity.Error, true);
    private static readonly DiagnosticDescriptor[] Rules = { TeamRule, DigitalRule, EffectRule };
    private static readonly string[] Kinds = { "units", "roles", "meetings", "targets", "incentivePlans", "handoffs", "processes", "people" };

    internal static Diagnostic Finding(DiagnosticDescriptor rule, string kind, string id, DiagnosticSeverity? severity = null)
    {
        var d = Diagnostic.Create(rule, new Location("org.json", "/" + kind + "/0", new LineSpan(1, 1, 1, 2), kind, id), id);
        return severity is null ? d : d.WithSeverity(severity.Value);
    }

    private static OrganizationOutline TwoTeams()
    {
        // co ─┬─ sales ─┬─ north
        //     │         └─ south
        //     └─ mkt
        var units = new[]
        {
            new OutlineUnit(0, "co", "Company", UnitKind.Company, BusinessFunction.Management, -1, 0, 1, 20),
            new OutlineUnit(1, "sales", "Sales", UnitKind.Division, BusinessFunction.Sales, 0, 1, 1, 13),
            new OutlineUnit(2, "north", "North", UnitKind.Team, BusinessFunction.Sales, 1, 2, 6, 6),
            new OutlineUnit(3, "south", "South", UnitKind.Team, BusinessFunction.Sales, 1, 2, 6, 6),
            new OutlineUnit(4, "mkt", "Marketing", UnitKind.Department, BusinessFunction.Marketing, 0, 1, 6, 6),
        };
        var entities = new List<OutlineEntity>();
        for (var i = 0; i < units.Length; i++) entities.Add(new OutlineEntity("units", units[i].Id, new[] { i }));
        entities.Add(new OutlineEntity("meetings", "m-north", new[] { 2 }));
        entities.Add(new OutlineEntity("meetings", "m-all", new[] { 0 }));
        entities.Add(new OutlineEntity("incentivePlans", "ip-sales", new[] { 2, 3 }));
        return new OrganizationOutline("Test", units, entities);
    }

    [Fact]
    public void A_clean_organisation_scores_100_everywhere()
    {
        var score = VertriebScore.Compute(TwoTeams(), Array.Empty<Diagnostic>());
        Assert.Equal(100, score.Organization.Overall.Score);
        Assert.All(score.Organization.Categories, c => Assert.Equal(100, c.Score));
        Assert.All(score.Units, u => Assert.Equal(100, u.Card.Overall.Score));
    }

    [Fact]
    public void The_formula_is_clean_entities_over_clean_entities_plus_weighted_findings()
    {
        // One warning (weight 3) on the north meeting: Team checks units (5), meetings (2 → 1 clean).
        var score = VertriebScore.Compute(TwoTeams(), new[] { Finding(TeamRule, "meetings", "m-north") });
        var team = score.Organization[DiagnosticCategories.Team];
        Assert.Equal(6, team.CleanEntities);
        Assert.Equal(3, team.Penalty);
        Assert.Equal(100.0 * 6 / 9, team.Exact, 6);
        Assert.Equal(66, team.Score);
        // Effectiveness checks units, meetings and plans: 5 + 1 + 1 clean, no penalty.
        Assert.Equal(100, score.Organization[DiagnosticCategories.Effectiveness].Score);
        Assert.Equal(7, score.Organization[DiagnosticCategories.Effectiveness].CleanEntities);
        // Overall: every clean checked entity (7) against all penalties (3).
        Assert.Equal(70, score.Organization.Overall.Score);
    }

    [Fact]
    public void A_finding_belongs_to_its_entitys_units_and_rolls_up_the_tree()
    {
        var score = VertriebScore.Compute(TwoTeams(), new[] { Finding(EffectRule, "incentivePlans", "ip-sales") });
        int Of(string id) => score.Units.Single(u => u.Unit.Id == id).Card.Overall.Score;
        Assert.True(Of("north") < 100);
        Assert.True(Of("south") < 100);
        Assert.True(Of("sales") < 100);
        Assert.True(Of("co") < 100);
        Assert.Equal(100, Of("mkt"));
        // Counted once per unit, although the plan belongs to two of its sub-units.
        Assert.Equal(1, score.Units.Single(u => u.Unit.Id == "sales").Card.Counts.Errors);
    }

    [Fact]
    public void Findings_without_entity_belong_to_the_whole_organisation()
    {
        var d = Diagnostic.Create(TeamRule, new Location("org.json", "", LineSpan.None), "x");
        var score = VertriebScore.Compute(TwoTeams(), new[] { d });
        Assert.True(score.Units.Single(u => u.Unit.Id == "co").Card.Overall.Score < 100);
        Assert.Equal(100, score.Units.Single(u => u.Unit.Id == "north").Card.Overall.Score);
    }

    [Fact]
    public void Suppressed_hidden_absent_and_input_diagnostics_do_not_count()
    {
        var ds = new[]
        {
            Finding(TeamRule, "meetings", "m-north").WithSuppression(true, "accepted for the pilot"),
            Finding(TeamRule, "meetings", "m-north", DiagnosticSeverity.Hidden),
            Finding(TeamRule, "meetings", "m-north").WithProperty("baselineState", "absent"),
            Diagnostic.Create(InputDescriptors.UnknownProperty, new Location("org.json", "/units/0", new LineSpan(1, 1, 1, 1), "units", "co"), "x", "y"),
        };
        var score = VertriebScore.Compute(TwoTeams(), ds);
        Assert.Equal(100, score.Organization.Overall.Score);
    }

    [Fact]
    public void A_score_with_findings_never_shows_100()
    {
        var s = VertriebScore.Score("Team", 100_000, 1, 1);
        Assert.Equal(99, s.Score);
        Assert.Equal(0, VertriebScore.Score("Team", 0, 1, 1).Score);
    }

    [Fact]
    public void The_clean_seed_scores_100_and_the_classic_seed_less()
    {
        var clean = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Clean).Score()!;
        Assert.Equal(100, clean.Organization.Overall.Score);
        Assert.All(clean.Units, u => Assert.Equal(100, u.Card.Overall.Score));

        var classic = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic).Score()!;
        Assert.True(classic.Organization.Overall.Score < 100);
        Assert.True(classic.Organization[DiagnosticCategories.Effectiveness].Score < 100); // VT3001
        Assert.True(classic.Organization[DiagnosticCategories.Team].Score < 100);          // VT1009, VT1010
    }

    [Fact]
    public void A_result_with_every_finding_suppressed_scores_100_again()
    {
        var r = OrganizationAnalyzer.Default.AnalyzeFile(SeedPaths.Classic);
        var suppressed = r.WithDiagnostics(r.Diagnostics.Select(d => d.WithSuppression(true, "accepted")).ToList());
        Assert.True(r.Score()!.Organization.Overall.Score < 100);
        Assert.Equal(100, suppressed.Score()!.Organization.Overall.Score);
    }

    [Fact]
    public void An_unreadable_document_has_no_score()
    {
        var result = OrganizationAnalyzer.Default.Analyze(TestOrg.Read("{ \"schemaVersion\": \"1.0\", \"units\": [ { \"id\": 1 } ] }"));
        Assert.True(result.InputFailed);
        Assert.Null(result.Score());
    }

    [Fact]
    public void Adding_a_commission_plan_to_the_clean_seed_lowers_its_score()
    {
        var json = File.ReadAllText(SeedPaths.Clean);
        var before = TestOrg.Analyze(json).Score()!;
        var doc = Newtonsoft.Json.Linq.JObject.Parse(json);
        var plans = (Newtonsoft.Json.Linq.JArray?)doc["incentivePlans"] ?? new Newtonsoft.Json.Linq.JArray();
        plans.Add(Newtonsoft.Json.Linq.JObject.Parse("""{ "id": "ip-new-commission", "type": "commission", "level": "individual", "metric": "revenue", "participants": { "everyone": true } }"""));
        doc["incentivePlans"] = plans;
        var after = TestOrg.Analyze(doc.ToString()).Score()!;
        Assert.True(after.Organization.Overall.Score < before.Organization.Overall.Score);
        Assert.True(after.Organization[DiagnosticCategories.Effectiveness].Score < before.Organization[DiagnosticCategories.Effectiveness].Score);
        Assert.True(after.Organization[DiagnosticCategories.Team].Score <= before.Organization[DiagnosticCategories.Team].Score);
    }

    // ---- the monotonicity property ---------------------------------------------------------------

    /// <summary>A generated organisation: a unit tree, entities of several kinds attached to units, and findings on entities.</summary>
    private static (OrganizationOutline Outline, List<Diagnostic> Findings) Build(byte[] parents, (byte Kind, byte Unit)[] entities, (byte Entity, byte Rule, byte Severity)[] findings)
    {
        var n = Math.Max(1, parents.Length);
        var units = new List<OutlineUnit>();
        for (var i = 0; i < n; i++)
        {
            // A parent always comes before its child, so the tree has no cycles.
            var parent = i == 0 ? -1 : parents[i] % (i + 1) - 1;
            var depth = parent < 0 ? 0 : units[parent].Depth + 1;
            units.Add(new OutlineUnit(i, "u" + i, "Unit " + i, UnitKind.Team, BusinessFunction.Sales, parent, depth, 5, 5));
        }
        var list = new List<OutlineEntity>();
        for (var i = 0; i < n; i++) list.Add(new OutlineEntity("units", "u" + i, new[] { i }));
        for (var i = 0; i < entities.Length; i++)
        {
            var kind = Kinds[entities[i].Kind % Kinds.Length];
            if (kind == "people") continue; // people are never checked entities
            list.Add(new OutlineEntity(kind, "e" + i, new[] { entities[i].Unit % n }));
        }
        var ds = findings.Select(f => FindingOn(list[f.Entity % list.Count], f.Rule, f.Severity)).ToList();
        return (new OrganizationOutline("Generated", units, list), ds);
    }

    private static Diagnostic FindingOn(OutlineEntity e, byte rule, byte severity)
        => Finding(Rules[rule % Rules.Length], e.Kind, e.Id, (DiagnosticSeverity)(1 + severity % 3));

    private static IEnumerable<(string Where, CategoryScore Score)> All(OrganizationScore s)
    {
        foreach (var c in s.Organization.Categories.Prepend(s.Organization.Overall)) yield return ("org", c);
        foreach (var u in s.Units)
            foreach (var c in u.Card.Categories.Prepend(u.Card.Overall)) yield return (u.Unit.Id, c);
    }

    private static bool NeverHigher(OrganizationScore before, OrganizationScore after)
        => All(before).Zip(All(after)).All(p => p.First.Where == p.Second.Where && p.Second.Score.Exact <= p.First.Score.Exact + 1e-9
                                              && p.Second.Score.Score <= p.First.Score.Score);

    [Property(MaxTest = 300)]
    public bool Adding_a_finding_to_an_existing_structure_never_raises_a_score(byte[] parents, (byte, byte)[] entities,
        (byte, byte, byte)[] findings, (byte, byte, byte) added)
    {
        var (outline, ds) = Build(parents, entities, findings);
        var before = VertriebScore.Compute(outline, ds);
        var extra = FindingOn(outline.Entities[added.Item1 % outline.Entities.Count], added.Item2, added.Item3);
        var after = VertriebScore.Compute(outline, ds.Append(extra));
        return NeverHigher(before, after);
    }

    [Property(MaxTest = 300)]
    public bool Adding_a_practice_that_is_an_anti_pattern_never_raises_a_score(byte[] parents, (byte, byte)[] entities,
        (byte, byte, byte)[] findings, byte kind, byte unit, byte rule, byte severity)
    {
        var (outline, ds) = Build(parents, entities, findings);
        var before = VertriebScore.Compute(outline, ds);
        // The same organisation with one more practice, which carries a finding.
        var newKind = Kinds[kind % (Kinds.Length - 1)]; // not people
        var practice = new OutlineEntity(newKind, "added", new[] { unit % outline.Units.Count });
        var grown = new OrganizationOutline(outline.Name, outline.Units.Select(u => u with { }).ToList(), outline.Entities.Append(practice).ToList());
        var after = VertriebScore.Compute(grown, ds.Append(FindingOn(practice, rule, severity)));
        return NeverHigher(before, after);
    }

    [Property(MaxTest = 200)]
    public bool Scores_stay_between_0_and_100_and_are_100_exactly_without_findings(byte[] parents, (byte, byte)[] entities, (byte, byte, byte)[] findings)
    {
        var (outline, ds) = Build(parents, entities, findings);
        var score = VertriebScore.Compute(outline, ds);
        return All(score).All(x => x.Score.Score is >= 0 and <= 100 && (x.Score.Score == 100) == (x.Score.Findings == 0));
    }
}
