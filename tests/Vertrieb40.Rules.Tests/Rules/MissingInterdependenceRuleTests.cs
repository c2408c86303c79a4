using Vertrieb40.Rules.Tests.Infrastructure;

namespace Vertrieb40.Rules.Tests.Rules;

public class MissingInterdependenceRuleTests
{
    private static string Org(string units, string targets, string roles = """[ { "id": "r-a", "funnelStage": "purchase" } ]""", string holdings = """["r-a"]""") => TestOrg.Doc($$"""
"units": [
{{units}}
  ],
  "roles": {{roles}},
  "people": [
    { "id": "p1", "unitId": "u-t", "roleIds": ["r-a"] },
    { "id": "p2", "unitId": "u-t", "roleIds": {{holdings}} }
  ],
  "targets": [
{{targets}}
  ]
""");

    private const string Quota = """    { "id": "t-quota", "level": "individual", "appliesTo": { "unitIds": ["u-t"] } }""";
    private const string TwoStages = """[ { "id": "r-a", "funnelStage": "purchase" }, { "id": "r-b", "funnelStage": "awareness", "function": "marketing" } ]""";

    [Fact]
    public void Fires_when_the_team_states_it_has_no_shared_goal()
    {
        var d = Assert.Single(Markup.Verify(Org("""    {|VT1004:{ "id": "u-t", "name": "North", "kind": "team", "sharedGoal": false }|}""", "", TwoStages, """["r-b"]""")));
        Assert.Contains("Team 'North' (2 members) is organised as a group rather than a team: the document states", d.GetMessage(TestOrg.English));
    }

    [Theory]
    [InlineData("""    {|VT1004:{ "id": "u-t", "kind": "team", "sharedGoal": true }|}""", "")] // a label is no dependency
    [InlineData("""    {|VT1004:{ "id": "u-t", "kind": "team" }|}""", """    { "id": "t-team", "level": "team", "appliesTo": { "unitIds": ["u-t"] } }""")] // nor is a team target
    public void Fires_when_the_work_gives_the_members_nothing_to_depend_on_whatever_the_labels(string units, string targets)
    {
        var d = Assert.Single(Markup.Verify(Org(units, targets)));
        Assert.Contains("every role its members hold works at the same funnel stage (purchase)", d.GetMessage(TestOrg.English));
        Assert.Contains("alle Rollen der Mitglieder gehören zur selben Stufe des Sales-Funnels (Kauf)", d.GetMessage(System.Globalization.CultureInfo.GetCultureInfo("de")));
    }

    [Theory]
    [InlineData("""    { "id": "u-t", "kind": "team", "sharedGoal": true }""", Quota)] // interdependent work; the quota is VT1009's finding
    [InlineData("""    { "id": "u-t", "kind": "team" }""", "")]
    [InlineData("""    { "id": "u-t", "kind": "department", "sharedGoal": false }""", Quota)]
    public void Does_not_fire_when_the_work_spans_the_funnel_or_on_non_teams(string units, string targets)
    {
        Markup.Verify(Org(units, targets, TwoStages, """["r-b"]"""), "VT1004");
    }

    [Fact]
    public void Does_not_fire_when_the_roles_name_no_funnel_stage()
    {
        Markup.Verify(Org("""    { "id": "u-t", "kind": "team" }""", "", """[ { "id": "r-a" } ]"""), "VT1004");
    }

    [Fact]
    public void Does_not_fire_on_an_empty_team_whose_goal_is_not_stated()
    {
        var json = TestOrg.Doc("""
"units": [ { "id": "u-t", "kind": "team" } ],
  "targets": [ { "id": "t", "level": "individual", "appliesTo": { "everyone": true } } ]
""");
        Assert.Empty(TestOrg.Findings(json, "VT1004"));
    }

    [Fact]
    public void Bringing_a_second_stage_of_the_funnel_into_the_team_satisfies_the_principle()
    {
        // Before: two field sellers side by side. After: one of them also holds the marketing role the sale depends on.
        Assert.Single(TestOrg.Findings(Org("""    { "id": "u-t", "kind": "team" }""", ""), "VT1004"));
        Assert.Empty(TestOrg.Findings(Org("""    { "id": "u-t", "kind": "team" }""", "", TwoStages, """["r-a", "r-b"]"""), "VT1004"));
    }
}
